/*
 * parse.h — the grammar's public entry point.
 *
 * Owns: turning one source file into an N_FILE tree. Errors (lexical and
 * syntax) go to the Diag, in Go's words and at Go's positions; the tree
 * is returned even when there were errors (with N_BAD nodes where the parser
 * recovered), so that callers decide what to do with a broken file.
 */
#ifndef GOL_PARSE_H
#define GOL_PARSE_H

#include "ast.h"
#include "diag.h"

/* Deepest bracket nesting accepted; deeper input is "too deeply nested". */
#define PARSE_MAX_NESTING 1000

Node *parse_file(const SrcFile *file, Diag *diag);

/* Read path into a SrcFile (NUL-terminated copy). Returns 0, or an errno. */
int srcfile_read(const char *path, SrcFile *out);
/* Go's wording for srcfile_read's errno ("no such file or directory"). */
const char *srcfile_strerror(int err);

#endif
