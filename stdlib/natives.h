/*
 * natives.h — the registry of standard-library functions written in C.
 *
 * Owns: looking up the C implementation of a declared standard function by
 * its qualified name: "fmt.Println", "strings.Builder.WriteString" (methods
 * as Package.Type.Method). Each stdlib module contributes one table; adding
 * a function is one line in its module's table plus its declaration in
 * stdlib/decls.
 */
#ifndef GOL_NATIVES_H
#define GOL_NATIVES_H

#include "value.h"

typedef struct NativeDef {
	const char *name;
	NativeFn fn;
} NativeDef;

/* NULL if no C implementation exists (the compiler reports it). */
NativeFn natives_lookup(const char *qualified);

/* Give the declared methods of a standard package's named type their
 * native closures (Method.impl), so values of it can be used through
 * interfaces. Methods without a native are left without one: calling
 * such a method is an error only when a program does it. */
void natives_attach_methods(Type *named);

/* runtime.GOMAXPROCS: set the setting to n if n > 0; returns the old one. */
int64_t natives_gomaxprocs(int64_t n);

#endif
