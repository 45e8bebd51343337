/*
 * initorder.h — the order a file's package-level variables are
 * initialised in.
 *
 * Owns: Go's rule. Variables are initialised one declaration (spec) at a
 * time, each time the earliest in declaration order that depends on no
 * variable still uninitialised. An initialiser depends on the variables
 * it refers to, and on everything the functions and methods it refers to
 * refer to, transitively (so `var a = f()` waits for the variables f's
 * body reads).
 */
#ifndef GOL_INITORDER_H
#define GOL_INITORDER_H

#include "ast.h"

/* The var specs of the checked file (the N_VALUESPECs of its var
 * declarations) in the order their initialisers run; *n is set to their
 * number. A cycle (which the checker reports) leaves the rest in
 * declaration order. */
Node **init_order(Node *file, int *n);

#endif
