/*
 * scope.h — named entities and the scopes that hold them.
 *
 * Owns: Obj (what a name denotes: variable, constant, type, function,
 * package, builtin, label) and Scope (a block's names, chained to its
 * parent). The universe scope holds Go's predeclared names; each package has
 * one scope; every block, function and clause opens its own.
 */
#ifndef GOL_SCOPE_H
#define GOL_SCOPE_H

#include "ast.h"
#include "constant.h"
#include "types.h"

typedef enum ObjKind {
	OBJ_BAD, OBJ_VAR, OBJ_CONST, OBJ_TYPE, OBJ_FUNC, OBJ_PKG, OBJ_BUILTIN, OBJ_NIL, OBJ_LABEL
} ObjKind;

#define GOL_BUILTINS(X)                                                             \
	X(BI_APPEND, "append") X(BI_CAP, "cap") X(BI_CLEAR, "clear")                \
	X(BI_CLOSE, "close") X(BI_COMPLEX, "complex") X(BI_COPY, "copy")            \
	X(BI_DELETE, "delete") X(BI_IMAG, "imag") X(BI_LEN, "len") X(BI_MAKE, "make") \
	X(BI_MAX, "max") X(BI_MIN, "min") X(BI_NEW, "new") X(BI_PANIC, "panic")     \
	X(BI_PRINT, "print") X(BI_PRINTLN, "println") X(BI_REAL, "real")            \
	X(BI_RECOVER, "recover")

typedef enum Builtin {
	BI_NONE,
#define X(id, name) id,
	GOL_BUILTINS(X)
#undef X
	BI__COUNT
} Builtin;

typedef struct Scope Scope;

typedef struct Obj {
	ObjKind kind;
	const char *name;
	Pos pos;
	Type *type;
	ConstVal *cv;         /* OBJ_CONST */
	Node *decl;           /* the declaring spec or func node */
	Builtin builtin;      /* OBJ_BUILTIN */
	Scope *pkg_scope;     /* OBJ_PKG: the package's names */
	const char *pkg;      /* package the object belongs to ("main", "fmt"...) */
	bool used;
	bool global;          /* declared at package level */
	bool captured;        /* a variable used by a closure: lives in a cell */
	bool addr_taken;      /* &x was taken: lives in a cell */
	bool reassigned;      /* a local assigned after its declaration (Go's
			       * devirtualizer leaves method calls on it alone) */
	bool block_shared;    /* compiler: an aggregate local a pointer into
			       * whose block may outlive an expression (&x.f,
			       * x.arr[:], a pointer method on x or a part) */
	int state;            /* package-level resolution: 0 todo, 1 busy, 2 done */
	int slot;             /* compiler: register or global index */
	struct Obj *func;     /* the function whose local this is */
	struct Obj *replaces; /* REPL: the function or method of the same name
			       * and signature this one redefines (callers
			       * compiled against that one call this one) */
} Obj;

struct Scope {
	Scope *parent;
	Obj **objs;
	int len, cap;
	bool func_boundary;   /* a function body starts here */
};

Scope *scope_new(Scope *parent);
/* Insert obj; returns the object already declared with that name in this
 * very scope (obj not inserted), or NULL. "_" is never inserted. */
Obj *scope_insert(Scope *s, Obj *obj);
/* Insert obj, taking the place of an object of the same name if there is
 * one (a REPL declaration replaces the earlier one); returns that one. */
Obj *scope_replace(Scope *s, Obj *obj);
/* Remove the object named name from s itself; returns it, or NULL. */
Obj *scope_remove(Scope *s, const char *name);
Obj *scope_lookup_here(Scope *s, const char *name);
/* Look up through parents; *found_in gets the scope it was found in. */
Obj *scope_lookup(Scope *s, const char *name, Scope **found_in);

Obj *obj_new(ObjKind kind, const char *name, Pos pos, Type *type);

#endif
