/*
 * stdlib_decls.h — the standard packages' API, as Go declarations.
 *
 * Owns: the table of declaration sources built from the files in stdlib/decls (one
 * file per import path, "math_rand.gol" for "math/rand"). The checker parses
 * them like any gol file: functions without bodies, types, constants.
 */
#ifndef GOL_STDLIB_DECLS_H
#define GOL_STDLIB_DECLS_H

typedef struct StdlibDecl {
	const char *path;  /* import path */
	const char *src;   /* Go source of its declarations */
} StdlibDecl;

/* Terminated by an entry with path NULL. */
extern const StdlibDecl stdlib_decls[];

#endif
