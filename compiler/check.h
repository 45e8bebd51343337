/*
 * check.h — the type checker's public face.
 *
 * Owns: checking one gol program (a main file plus the standard packages
 * it uses) against Go's typing rules, reporting errors in the words and at
 * the positions `go build` (Go 1.19's types2) uses, and annotating the tree
 * for the compiler: every expression node gets its type (Node.type), every
 * identifier its object (Node.obj), every constant expression its value
 * (Node.cv).
 */
#ifndef GOL_CHECK_H
#define GOL_CHECK_H

#include "ast.h"
#include "diag.h"
#include "scope.h"

typedef struct Package {
	const char *path;     /* "main", "fmt", "unicode/utf8" */
	const char *name;     /* "main", "fmt", "utf8" */
	Scope *scope;
	Scope *fscope;        /* the file's scope: its imports, inside scope */
	Node *file;
	struct Package **imports;
	int nimports;
	bool checked;
} Package;

/* Check the main file. Standard packages are loaded from the declarations
 * compiled into gol (stdlib/decls). Returns NULL only if the file could not
 * be checked at all; otherwise errors are in diag. */
Package *check_program(Node *file, Diag *diag);

/* A type declared by a standard package (loading the package if needed),
 * so natives make values of the very type the checker gave programs:
 * check_std_type("strconv", "NumError"). NULL if there is none. */
Type *check_std_type(const char *path, const char *name);

/* Every package loaded so far (the standard ones a program imported). */
Package **check_loaded_packages(int *n);

#endif
