/*
 * initorder.h — the order a file's package-level variables are
 * initialised in.
 *
 * Owns: Go's rule. Variables are initialised one at a time (those of one
 * multi-valued initialiser together), each time the earliest in
 * declaration order that depends on no variable still uninitialised. An initialiser depends on the variables
 * it refers to, and on everything the functions and methods it refers to
 * refer to, transitively (so `var a = f()` waits for the variables f's
 * body reads).
 */
#ifndef GOL_INITORDER_H
#define GOL_INITORDER_H

#include "ast.h"

/* One thing to initialise: a spec's variable `index` with its own value
 * (var a, b = x, y is two), or with index -1 the whole spec (var a, b =
 * f(), or no values). */
typedef struct InitUnit {
	Node *spec;
	int index;
} InitUnit;

/* What the checked file's var declarations initialise, in the order the
 * initialisers run; *n is set to their number. A cycle (which the
 * checker reports) leaves the rest in declaration order. */
InitUnit *init_order(Node *file, int *n);

#endif
