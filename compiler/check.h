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

/* The REPL: a session's package (script mode: every standard package
 * visible) and the check of one more input against it. An input is a file
 * of declarations, or (stmts) a file holding one `func main` whose body is
 * the input's statements: their top-level names join the package scope,
 * names declared again replace the old ones, and an expression statement
 * with a value becomes a call of fmt.Println. An input with errors leaves
 * the session as it was; returns whether it checked cleanly. */
Package *check_repl_package(void);
bool check_repl_input(Package *p, Node *file, bool stmts, Diag *diag);
/* What check_repl_input may change, taken before it and put back after
 * it, when a later stage (the compiler) rejects the input. */
void *check_repl_snapshot(Package *p);
void check_repl_restore(Package *p, void *snapshot);

/* REPL completion: the names a session sees (its own, the standard
 * packages', the predeclared ones), or with pkgname the exported names of
 * the package visible under that name, or the fields and methods of the
 * variable of that name; sorted, NULL-terminated. */
const char **check_repl_names(Package *p, const char *pkgname);

/* A type declared by a standard package (loading the package if needed),
 * so natives make values of the very type the checker gave programs:
 * check_std_type("strconv", "NumError"). NULL if there is none. */
Type *check_std_type(const char *path, const char *name);

/* Every package loaded so far (the standard ones a program imported). */
Package **check_loaded_packages(int *n);

#endif
