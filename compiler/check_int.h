/*
 * check_int.h — state shared by the checker's files (check_decl.c,
 * check_expr.c, check_stmt.c); not for use outside compiler/.
 */
#ifndef GOL_CHECK_INT_H
#define GOL_CHECK_INT_H

#include "check.h"
#include "constant.h"

/* What an expression turned out to be. */
typedef enum Mode {
	M_INVALID,   /* an error was reported; stay quiet about it */
	M_NOVALUE,   /* a call of a function without results */
	M_VALUE,     /* a computed value */
	M_VAR,       /* an addressable variable */
	M_MAPINDEX,  /* m[k]: assignable, and comma-ok */
	M_COMMAOK,   /* x.(T) and <-ch: a value, and comma-ok */
	M_CONST,     /* a constant; cv holds it */
	M_TYPE,      /* a type */
	M_BUILTIN,   /* a builtin function name */
	M_PKG,       /* a package name */
	M_NIL,       /* the predeclared nil */
} Mode;

typedef enum BreakKind {
	BK_NONE,
	BK_LOOP,        /* a for statement, or a select */
	BK_SWITCH,
	BK_TYPESWITCH,
} BreakKind;

typedef struct Operand {
	Mode mode;
	Type *type;
	ConstVal *cv;
	Node *expr;
	Builtin bi;
	Obj *obj;
} Operand;

typedef struct FuncCtx {
	Type *sig;
	Obj *obj;             /* the function (NULL for a literal) */
	struct FuncCtx *outer;
	Node *labels_body;
	Obj **results;        /* the named results (nresults of sig), or NULL */
} FuncCtx;

/* What the package-level declarations refer to, for Go's check of
 * initialization cycles: an edge from a var, const or func (a method
 * too) to each package-level var, const, func or method of the same
 * package its declaration (initializer, body) mentions. */
typedef struct DepEdge {
	Obj *from, *to;
} DepEdge;

typedef struct Deps {
	DepEdge *v;
	int len, cap;
	Obj **busy; /* vars and consts met again while being resolved */
	int nbusy, capbusy;
} Deps;

/* Map key types whose comparability is judged once every type of the
 * program is complete (types2's check.later): a named key may still be
 * being declared where the map type stands (type T struct{ m map[T]int }). */
typedef struct KeyCheck {
	Type *key;
	Pos pos;
} KeyCheck;

typedef struct Later {
	KeyCheck *v;
	int len, cap;
	/* The types written in declarations and composite literals, where
	 * Go's compiler reports an array too large for the address space
	 * once type checking has passed (types.CalcSize) */
	KeyCheck *sized;
	int nsized, capsized;
	/* The types of embedded struct fields, which may be no pointer
	 * (nor a pointer to an interface) once every type is known */
	KeyCheck *embeds;
	int nembeds, capembeds;
} Later;

typedef struct Checker {
	Diag *diag;
	Package *pkg;         /* the package being checked */
	Scope *scope;         /* innermost scope */
	FuncCtx *fn;          /* enclosing function, NULL at package level */
	int iota;             /* value of iota in the const spec being checked, -1 outside */
	Obj **locals;         /* every local variable, for "declared but not used" */
	int nlocals, caplocals;
	int loop_depth, switch_depth, select_depth;
	/* What a fallthrough is judged by (as cmd/compile's checkBranches
	 * does): the innermost for, switch or select around it, and, in an
	 * expression switch, the last statement of the clause being checked
	 * (the one place a fallthrough may stand) and whether that clause is
	 * the switch's last. */
	BreakKind breakable;
	Node *clause_last;
	bool clause_final;
	/* The call last found to be a conversion, for go and defer, which
	 * take a call but not a conversion. */
	Node *conversion;
	bool stdlib;          /* checking a declarations file: quieter */
	bool repl;            /* checking a REPL input: redeclaring is fine */
	/* REPL: the next function body checked is an input's statements
	 * (repl_pending); names declared at its top level (repl_scope) go to
	 * the package scope, replacing earlier ones, and a top-level
	 * expression statement with a value is printed (repl_print). */
	bool repl_pending;
	Scope *repl_scope;
	Deps *deps;           /* NULL where no initialization order is checked (the REPL) */
	Obj *decl_obj;        /* the package-level declaration being checked, or NULL */
	Node *assign_op;      /* the x op y standing for an x op= y being checked, or NULL */
	/* Where every error is reported instead of its own place, when line
	 * is not 0: a constant's name while its spec's inherited expression
	 * is checked for it (types2's errpos) */
	Pos errpos;
	Later *later;         /* NULL for a standard package: its keys are fine */
	/* The path of the package whose declaration is being checked when it
	 * is not pkg (a standard package's object resolved on first use by
	 * the main package's checker), else NULL. */
	const char *home;
	/* A dot import (its package's scope, its import's object): gol
	 * refuses it where one of its names is used, once; unused, it is
	 * reported as any unused import is. */
	Scope *dot_scope;
	struct Obj *dot_import;
} Checker;

extern Scope *universe;

/* The name under which a REPL session sees package fmt for printing
 * values: not an identifier, so no user name can shadow it. */
#define REPL_FMT "fmt\xC2\xB7"


/* check_decl.c */
/* gol keeps up to LIST_MAX values, names, arguments, parameters or
 * results of one statement, call or signature in fixed tables: more is
 * reported (as not supported yet), never overrun. True if n is too many. */
#define LIST_MAX 64
bool list_too_long(Checker *c, Pos pos, int n, const char *what);
void checker_error(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The declaration being checked mentions package-level object o. */
void record_dep(Checker *c, Obj *o);
Type *check_type(Checker *c, Node *n);
/* Report the map keys found not comparable since the last call. */
void check_later(Checker *c);
/* Remember that t was written at pos, for check_sizes. */
void note_size(Checker *c, Type *t, Pos pos);
/* Report the arrays too large for the address space (after every other
 * check has passed, as Go's back end does). */
void check_sizes(Checker *c);
void resolve_obj(Checker *c, Obj *o);
/* The count check of a constant or variable spec against the values it
 * has (vspec's, its own or a constant's inherited ones; NULL if none), as
 * types2's arity reports it. */
void const_arity(Checker *c, Node *spec, Node *vspec);
Type *check_signature(Checker *c, Node *ftype, Node *recv);
void declare_local(Checker *c, Obj *o);
Package *load_package(Checker *c, const char *path, Pos pos);
/* The names of a package object (loading a script's package on first use). */
Scope *pkg_scope_of(Checker *c, Obj *o);

/* check_expr.c */
/* The package whose unexported fields and methods the code being checked
 * may use, or NULL when that code is a standard package's own (gol's
 * declarations may reach into one another's types). */
const char *visible_pkg(Checker *c);
void check_expr(Checker *c, Node *n, Operand *x, Type *hint);
void check_expr_or_type(Checker *c, Node *n, Operand *x);
/* check_expr for the one value of `x := v` or `x = v`, whose values types2
 * counts first: `x := f()` with f of two results is "assignment mismatch:
 * 1 variable but f returns 2 values", not a multiple value in a
 * single-value context. */
void check_expr_assigned(Checker *c, Node *n, Operand *x, Type *hint);
/* Multi-value: call results or comma-ok forms; fills up to max operands. */
int check_multi(Checker *c, Node *n, Operand *out, int max, bool allow_commaok);
/* check_multi where values are wanted (assignments, arguments, returns): a
 * call without results is types2's "(no value) used as value" (-1). */
int check_values(Checker *c, Node *n, Operand *out, int max, bool allow_commaok);
/* A constant's declared type t (written tn; NULL: none) must be a
 * boolean, numeric or string type: types2's "invalid constant type". */
bool const_type_ok(Checker *c, Node *tn, Type *t);
bool assign_to(Checker *c, Operand *x, Type *t, const char *context);
void convert_untyped(Checker *c, Operand *x, Type *target);
/* convert_untyped, reporting a failure in types2's convertUntyped words
 * ("cannot convert x (untyped int value) to string"). */
bool convert_untyped_report(Checker *c, Operand *x, Type *target);
/* May values of these two types be compared (== between them)? */
bool comparison_types_match(Type *xt, Type *yt);
/* Why values of type t (not comparable) cannot be compared with ==, in
 * types2's words: "struct containing []int cannot be compared". */
const char *incomparable_cause(Type *t);
/* Why t does not implement interface iface, in types2's words
 * ("(missing String method)"), or NULL if it does. */
const char *missing_method_reason(Type *t, Type *iface);
void use_default(Checker *c, Operand *x);
void use_default_in(Checker *c, Operand *x, const char *context);
char *operand_string(Operand *x);
/* x's type as a have/want list shows it (types2's typesSummary): an
 * untyped number is "number", other untyped kinds lose "untyped ". */
const char *summary_type(Operand *x);
void record(Operand *x);
Type *check_funclit_sig(Checker *c, Node *lit);

/* check_stmt.c */
void check_func_body(Checker *c, Type *sig, Node *recv, Node *ftype, Node *body, Obj *fobj);

#endif
