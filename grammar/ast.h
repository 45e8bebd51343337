/*
 * ast.h — the syntax tree the parser builds and every later stage reads.
 *
 * Owns: the Node type (one tagged union for expressions, types, statements
 * and declarations), node lists, operator codes, and the constructors the
 * parser calls. Every node carries the position of its first token (Go's
 * convention: an error "at" a node is reported there), 1-based line and
 * byte column as `go build` counts them.
 *
 * Types are expressions here, as in Go's own syntax tree: `[]int` in
 * `make([]int, 3)` and in `var x []int` is the same N_SLICETYPE node, so the
 * checker decides what an expression denotes, not the parser.
 *
 * Every node and every string hangs off the Boehm collector (GC_MALLOC), so
 * nothing here is freed by hand; a tree lives as long as something points at
 * it (the REPL keeps old declarations alive simply by keeping them).
 */
#ifndef GOL_AST_H
#define GOL_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* A source position: 1-based line, 1-based byte column. line == 0 is "none". */
typedef struct Pos {
	int32_t line, col;
} Pos;

/* A byte string that may hold NUL bytes (a decoded string literal). */
typedef struct Str {
	const char *s;
	size_t len;
} Str;

typedef struct Node Node;

/* Annotations the checker attaches to nodes; the grammar only carries them. */
struct Type;
struct Obj;
struct ConstVal;

/* A growable array of nodes; an empty list is {NULL, 0, 0}. */
typedef struct NodeList {
	Node **v;
	int len, cap;
} NodeList;

/* Operators, shared by unary, binary and assignment-with-operator forms. */
#define GOL_OPS(X)                                                                 \
	X(OP_NONE, "")                                                             \
	X(OP_OROR, "||") X(OP_ANDAND, "&&")                                        \
	X(OP_EQ, "==") X(OP_NE, "!=") X(OP_LT, "<") X(OP_LE, "<=")                 \
	X(OP_GT, ">") X(OP_GE, ">=")                                               \
	X(OP_ADD, "+") X(OP_SUB, "-") X(OP_OR, "|") X(OP_XOR, "^")                 \
	X(OP_MUL, "*") X(OP_DIV, "/") X(OP_REM, "%") X(OP_SHL, "<<")               \
	X(OP_SHR, ">>") X(OP_AND, "&") X(OP_ANDNOT, "&^")                          \
	X(OP_NOT, "!") X(OP_RECV, "<-") X(OP_TILDE, "~")

typedef enum Op {
#define X(name, text) name,
	GOL_OPS(X)
#undef X
	OP__COUNT
} Op;

/* The text of an operator as Go writes it ("&^", "<-"). */
const char *op_text(Op op);

/* Kinds of literal carried by N_BASICLIT. */
typedef enum LitKind { LIT_INT, LIT_FLOAT, LIT_IMAG, LIT_RUNE, LIT_STRING } LitKind;

/* Channel directions, as written in a channel type. */
typedef enum ChanDir { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 } ChanDir;

/* Keywords that a GenDecl or a branch statement is introduced by. */
typedef enum DeclTok { DECL_IMPORT, DECL_CONST, DECL_TYPE, DECL_VAR } DeclTok;
typedef enum BranchTok { BR_BREAK, BR_CONTINUE, BR_GOTO, BR_FALLTHROUGH } BranchTok;

#define GOL_NODE_KINDS(X)                                                          \
	/* expressions */                                                          \
	X(N_BAD) X(N_IDENT) X(N_BASICLIT) X(N_COMPOSITELIT) X(N_KEYVALUE)          \
	X(N_FUNCLIT) X(N_PAREN) X(N_SELECTOR) X(N_INDEX) X(N_SLICE)                \
	X(N_TYPEASSERT) X(N_CALL) X(N_STAR) X(N_UNARY) X(N_BINARY)                 \
	/* types */                                                                \
	X(N_ARRAYTYPE) X(N_SLICETYPE) X(N_STRUCTTYPE) X(N_FUNCTYPE)                \
	X(N_INTERFACETYPE) X(N_MAPTYPE) X(N_CHANTYPE) X(N_ELLIPSIS) X(N_FIELD)     \
	/* statements */                                                           \
	X(N_DECLSTMT) X(N_EMPTYSTMT) X(N_LABELED) X(N_EXPRSTMT) X(N_SEND)          \
	X(N_INCDEC) X(N_ASSIGN) X(N_GO) X(N_DEFER) X(N_RETURN) X(N_BRANCH)         \
	X(N_BLOCK) X(N_IF) X(N_CASECLAUSE) X(N_SWITCH) X(N_TYPESWITCH)             \
	X(N_COMMCLAUSE) X(N_SELECT) X(N_FOR) X(N_RANGE)                            \
	/* declarations */                                                         \
	X(N_GENDECL) X(N_IMPORTSPEC) X(N_VALUESPEC) X(N_TYPESPEC) X(N_FUNCDECL)    \
	X(N_FILE)

typedef enum NodeKind {
#define X(k) k,
	GOL_NODE_KINDS(X)
#undef X
	N__COUNT
} NodeKind;

/* "N_IDENT" etc., for dumps and tests. */
const char *node_kind_name(NodeKind k);

/*
 * One node. `pos` is the first token's position; `end` (where set) is the
 * position of a closing token that errors such as "missing return" need.
 * Which union member is live is decided by `kind`; the comment beside each
 * member names the kinds that use it.
 */
struct Node {
	NodeKind kind;
	Pos pos;
	Pos end;
	struct Type *type;    /* checker: the expression's type (NULL: not typed) */
	struct Obj *obj;      /* checker: what an identifier denotes */
	struct ConstVal *cv;  /* checker: the value of a constant expression */
	union {
		/* N_IDENT: name is interned-equal-free: compare with strcmp. */
		struct { const char *name; } ident;
		/* N_BASICLIT: text is the literal as written; for strings and
		 * runes, val is the decoded bytes / rune is the decoded value. */
		/* bad: the lexer reported an error in it (the checker then
		 * takes it as invalid, quietly, as types2 does) */
		struct { LitKind kind; const char *text; Str val; int32_t rune; bool bad; } lit;
		/* N_COMPOSITELIT: type is NULL for an elided inner literal. */
		struct { Node *type; NodeList elts; } complit;
		/* N_KEYVALUE: pos is the colon's (ast_start gives the key's). */
		struct { Node *key, *value; } kv;
		/* N_FUNCLIT: type is an N_FUNCTYPE, body an N_BLOCK. */
		struct { Node *type, *body; } funclit;
		/* N_PAREN, N_STAR (deref or pointer type), N_ELLIPSIS (elt may be NULL) */
		struct { Node *x; } un1;
		/* N_SELECTOR: x.sel. op (here and in N_INDEX and N_SLICE) is
		 * the operator's place, the '.' or '[', where Go's parser
		 * puts these expressions (pos is x's; ast_start gives x's
		 * start, but a slice expression's op, as Go 1.19 does). */
		struct { Node *x; Node *sel; Pos op; } selector;
		/* N_INDEX: x[index] */
		struct { Node *x, *index; Pos op; } index;
		/* N_SLICE: x[lo:hi] or x[lo:hi:max]; absent parts are NULL */
		struct { Node *x, *lo, *hi, *max; bool three; Pos op; } slice;
		/* N_TYPEASSERT: type == NULL means x.(type) */
		struct { Node *x, *type; } assert;
		/* N_CALL: ellipsis set for f(xs...); lparen is where Go puts
		 * the call (its traceback line) */
		struct { Node *fun; NodeList args; bool ellipsis; Pos lparen; } call;
		/* N_UNARY, N_BINARY */
		struct { Op op; Node *x, *y; } op;
		/* N_ARRAYTYPE: len is an expression, or an N_ELLIPSIS for [...]T */
		struct { Node *len, *elem; } array;
		/* N_SLICETYPE */
		struct { Node *elem; } slicetype;
		/* N_STRUCTTYPE: fields are N_FIELD; N_INTERFACETYPE: methods are
		 * N_FIELD (names = method name, type = N_FUNCTYPE) or embedded
		 * (no names, type = the embedded interface). */
		struct { NodeList fields; } fields;
		/* N_FUNCTYPE: params and results are N_FIELD lists */
		struct { NodeList params, results; } functype;
		/* N_MAPTYPE */
		struct { Node *key, *value; } map;
		/* N_CHANTYPE */
		struct { ChanDir dir; Node *elem; } chan;
		/* N_FIELD: names (N_IDENT, may be empty), type, tag (N_BASICLIT
		 * or NULL); embedded is set for an embedded struct field. */
		struct { NodeList names; Node *type; Node *tag; bool embedded; } field;

		/* N_DECLSTMT: decl is an N_GENDECL */
		struct { Node *decl; } declstmt;
		/* N_LABELED */
		struct { Node *label; Node *stmt; } labeled;
		/* N_EXPRSTMT */
		struct { Node *x; } exprstmt;
		/* N_SEND: ch <- value */
		struct { Node *ch, *value; } send;
		/* N_INCDEC */
		struct { Node *x; bool inc; } incdec;
		/* N_ASSIGN: op is OP_NONE for = and :=, the operator for op= ;
		 * define is set for := */
		struct { NodeList lhs, rhs; Op op; bool define; } assign;
		/* N_GO, N_DEFER: call is an N_CALL */
		struct { Node *call; } gostmt;
		/* N_RETURN */
		struct { NodeList results; } ret;
		/* N_BRANCH: label may be NULL */
		struct { BranchTok tok; Node *label; } branch;
		/* N_BLOCK: end is the closing brace */
		struct { NodeList stmts; } block;
		/* N_IF: els is NULL, an N_IF or an N_BLOCK */
		struct { Node *init, *cond, *then, *els; } ifstmt;
		/* N_CASECLAUSE (list empty and is_default for default) and
		 * N_COMMCLAUSE (comm is NULL for default). */
		struct { NodeList list; Node *comm; NodeList body; bool is_default; } clause;
		/* N_SWITCH: tag may be NULL. N_TYPESWITCH: assign is the guard,
		 * an N_ASSIGN (x := y.(type)) or an N_EXPRSTMT (y.(type)).
		 * N_SELECT uses body only. body holds the clauses. */
		struct { Node *init, *tag, *assign; NodeList body; } sw;
		/* N_FOR: any of init, cond, post may be NULL */
		struct { Node *init, *cond, *post, *body; } forstmt;
		/* N_RANGE: key/value NULL when absent; define for :=; extra is a
		 * third iteration variable (an error the checker reports) */
		struct { Node *key, *value, *x, *body, *extra; bool define; } range;

		/* N_GENDECL: specs are N_IMPORTSPEC / N_VALUESPEC / N_TYPESPEC;
		 * grouped when written with parentheses. */
		struct { DeclTok tok; NodeList specs; bool grouped; } gen;
		/* N_IMPORTSPEC: name NULL, or an N_IDENT (incl. "." and "_") */
		struct { Node *name; Node *path; } import;
		/* N_VALUESPEC: iota is the spec's index in its const group;
		 * for a const spec with no type and values, the previous spec's
		 * are implied (the checker repeats them). */
		struct { NodeList names; Node *type; NodeList values; int iota; } value;
		/* N_TYPESPEC: alias for `type A = B` */
		struct { Node *name; Node *type; bool alias; } typespec;
		/* N_FUNCDECL: recv NULL for a plain function; body NULL when absent */
		struct { Node *recv; Node *name; Node *type; Node *body; } func;
		/* N_FILE: pkg is NULL when the file has no package clause (a
		 * script: package main with the standard packages visible). */
		struct { Node *pkg; NodeList imports; NodeList decls; } file;
	} u;
};

/* A parsed source file and what is needed to report against it. */
typedef struct SrcFile {
	const char *name;  /* as given on the command line */
	const char *text;  /* the bytes, NUL-terminated (may hold NULs too) */
	size_t len;
	int32_t line_offset; /* added to every line number (the REPL puts a
			      * wrapper line before an input and numbers the
			      * input from 1) */
} SrcFile;

/* Call f(child, ctx) for each direct child node of n that is set (the
 * single children first, then the lists element by element: not source
 * order). For walks that need every node of a subtree: recurse from f. */
void ast_each_child(Node *n, void (*f)(Node *child, void *ctx), void *ctx);

/* Allocation: every node comes from here (zeroed, collected). */
Node *ast_new(NodeKind kind, Pos pos);
void nodelist_push(NodeList *l, Node *n);
NodeList nodelist_of(Node *n);

/* Constructors for the common shapes. */
Node *ast_ident(Pos pos, const char *name);
Node *ast_unary(Pos pos, Op op, Node *x);
Node *ast_binary(Pos pos, Op op, Node *x, Node *y);

/* Duplicate len bytes into a collected, NUL-terminated string. */
char *ast_strndup(const char *s, size_t len);

/* The position of the leftmost token of an expression (Go reports most
 * type errors there); n->pos may be an operator's position instead. */
Pos ast_start(const Node *n);

/* Strip any number of N_PAREN wrappers. */
Node *ast_unparen(Node *n);

/* An expression written back in Go syntax, as Go's error messages quote
 * it ("x + 1", "f(a, b)"); a list joined with ", ". Collected strings. */
char *ast_expr_string(const Node *n);
char *ast_list_string(const NodeList *l);

/*
 * Write the tree as an S-expression, one node per parenthesis, for tests and
 * `gol ast`: (N_CALL (N_SELECTOR (N_IDENT fmt) (N_IDENT Println)) ...).
 * The result is a collected string.
 */
char *ast_dump(const Node *n);

#endif
