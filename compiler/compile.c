/*
 * compile.c — from a checked syntax tree to register bytecode.
 *
 * One FnState per function being compiled. Registers are handed out like a
 * stack: locals get a register when declared and keep it for their scope;
 * temporaries live above them and are released at the end of each
 * statement (fs->top returns to fs->nactive). Calls need their callee and
 * arguments in consecutive registers, so they are built at the top.
 *
 * Variables live in one of four places (see Loc): a register; a cell (a heap
 * slot whose pointer sits in a register) when a closure captures the
 * variable or its address is taken; a captured cell of the enclosing
 * closure; or a global slot. Aggregates (structs, arrays) are blocks, and a
 * block pointer never changes for the life of the variable (assignment
 * copies into it), so an aggregate is captured or pointed to by its block
 * and never needs a cell.
 */
#include "program.h"
#include "check.h"
#include "initorder.h"
#include "natives.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Local {
	Obj *obj;
	int reg;
	bool cell;
} Local;

typedef struct Upval {
	Obj *obj;
	Capture cap;
} Upval;

typedef struct Jumps {
	int *v;
	int len, cap;
} Jumps;

typedef struct Loop {
	struct Loop *outer;
	const char *label;
	Jumps breaks;
	Jumps continues;
	bool is_switch;       /* break only */
} Loop;

#define HOIST_MAX 16

typedef struct FnState {
	struct FnState *outer;
	Proto *p;
	Instr *code;
	int ncode, capcode;
	int32_t *lines;
	Value *k;
	int nk, capk;
	Local *locals;
	int nlocals, caplocals;
	Upval *ups;
	int nups;
	int nactive;          /* registers held by live locals */
	int top;              /* first free register */
	int maxregs;
	int line;
	Loop *loop;
	uint32_t *ubounds;    /* Proto.ubounds as they are found */
	int nubounds, capubounds;
	/* Calls inside a call's arguments already made, and the registers
	 * holding their results (split_calls): expr takes them from there */
	struct Hoisted {
		Node *n;
		int reg;
	} hoisted[HOIST_MAX];
	int nhoisted;
	Type *sig;
	int result_base;      /* named results: their first register, -1 if none */
	Obj **results;        /* named result objects */
	int nresults;
	int nlit;             /* function literals made so far (for names) */
	Proto **wrappers;     /* go and defer statements' wrappers, named at the end */
	int nwrappers;
	const char **label_names;     /* labels and where they start */
	int *label_pcs;
	int nlabels, caplabels;
	const char **goto_names;      /* gotos waiting for their label */
	int *goto_pcs;
	int ngotos, capgotos;
	const char *name;
} FnState;

typedef struct Compiler {
	Diag *diag;
	Package *pkg;
	Program *prog;
	Obj **globals;
	int nglobals, capglobals;
	/* where each global was first used (a library variable gol lacks is
	 * reported there), and the expression being compiled */
	Pos *global_use;
	Pos use_pos;
	bool failed;
	/* REPL: functions compiled for an input take their closures only once
	 * the whole input has compiled (an input that fails changes nothing) */
	bool defer_install;
	GolClosure **pend_f;
	Proto **pend_p;
	const char **pend_name;
	int npend, cappend;
} Compiler;

static Compiler *C;
static Pos ref_pos;   /* the expression being compiled, for messages */
static bool in_defer; /* compiling the call of a defer statement */
/* The call of the go or defer statement being compiled: Go's compiler
 * evaluates its arguments strictly in order (into the closure it makes),
 * not calls first as for other calls. */
static Node *go_defer_call;

static void cerror(Pos pos, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_errorf(C->diag, pos, "%s", buf);
	C->failed = true;
}

/* ---- emitting ------------------------------------------------------------------- */

static int emit_raw(FnState *fs, Instr in)
{
	if (fs->ncode == fs->capcode) {
		int cap = fs->capcode ? fs->capcode * 2 : 64;
		fs->code = gc_resized(fs->code, (size_t)fs->ncode, (size_t)cap, sizeof *fs->code, true);
		fs->lines = gc_resized(fs->lines, (size_t)fs->ncode, (size_t)cap, sizeof *fs->lines, true);
		fs->capcode = cap;
	}
	fs->code[fs->ncode] = in;
	fs->lines[fs->ncode] = fs->line;
	return fs->ncode++;
}

static int emit(FnState *fs, Opcode op, int a, int b, int c)
{
	Instr in = {0};
	in.op = (uint8_t)op;
	in.a = (uint16_t)a;
	in.b = (uint16_t)b;
	in.c = (uint16_t)c;
	return emit_raw(fs, in);
}

static int emitx(FnState *fs, Opcode op, int x, int a, int b, int c)
{
	int pc = emit(fs, op, a, b, c);
	fs->code[pc].x = (uint8_t)x;
	return pc;
}

static int emit_sbx(FnState *fs, Opcode op, int a, int32_t sbx)
{
	Instr in = {0};
	in.op = (uint8_t)op;
	in.a = (uint16_t)a;
	in.sbx = sbx;
	return emit_raw(fs, in);
}

static int emit_bx(FnState *fs, Opcode op, int a, uint32_t bx)
{
	Instr in = {0};
	in.op = (uint8_t)op;
	in.a = (uint16_t)a;
	in.bx = bx;
	return emit_raw(fs, in);
}

/* Jumps: emitted with offset 0 and patched when the target is known. */
static int emit_jump(FnState *fs, Opcode op, int a)
{
	return emit_sbx(fs, op, a, 0);
}

static void patch_to(FnState *fs, int pc, int target)
{
	Instr *in = &fs->code[pc];
	in->sbx = target - (pc + 1);
	/* a conditional jump backwards closes a loop: its own opcodes count
	 * the time slice, so a loop on a bool condition can be preempted */
	if (in->sbx < 0 && (in->op == BC_JMPT || in->op == BC_JMPF))
		in->op = in->op == BC_JMPT ? BC_JMPTB : BC_JMPFB;
}

static void patch_here(FnState *fs, int pc)
{
	patch_to(fs, pc, fs->ncode);
}

static void jumps_add(Jumps *j, int pc)
{
	GC_RESERVE_ATOMIC(j->v, j->len, j->cap, 8);
	j->v[j->len++] = pc;
}

static int add_k(FnState *fs, Value v)
{
	for (int i = 0; i < fs->nk; i++)
		if (fs->k[i].u == v.u)
			return i;
	GC_RESERVE(fs->k, fs->nk, fs->capk, 16);
	fs->k[fs->nk] = v;
	return fs->nk++;
}

static int add_kp(FnState *fs, void *p)
{
	Value v;
	v.p = p;
	return add_k(fs, v);
}

/* ---- registers ----------------------------------------------------------------- */

static int alloc_reg(FnState *fs)
{
	int r = fs->top++;
	if (fs->top > fs->maxregs)
		fs->maxregs = fs->top;
	if (fs->top > 60000)
		cerror((Pos){fs->line, 1}, "function too large");
	return r;
}

static int alloc_regs(FnState *fs, int n)
{
	int r = fs->top;
	for (int i = 0; i < n; i++)
		alloc_reg(fs);
	return r;
}

static void free_temps(FnState *fs)
{
	fs->top = fs->nactive;
}

/* reg, or a new temporary holding a copy of it when reg is a local's own
 * register: for an operand about to be changed in place (boxed), which
 * must not change the variable. */
static int own_reg(FnState *fs, int reg)
{
	if (reg >= fs->nactive)
		return reg;
	int t = alloc_reg(fs);
	emit(fs, BC_MOVE, t, reg, 0);
	return t;
}

/* ---- types at run time ---------------------------------------------------------- */

static bool is_aggregate(Type *t)
{
	Type *u = type_under(t);
	return u && (u->kind == TY_STRUCT || u->kind == TY_ARRAY);
}

static Type *canon(Type *t)
{
	return rtype_canon(t);
}

static int type_k(FnState *fs, Type *t)
{
	return add_kp(fs, canon(t));
}

/* ---- variables ----------------------------------------------------------------- */

static bool needs_cell(Obj *o)
{
	return (o->captured || o->addr_taken) && !is_aggregate(o->type);
}

static int find_local(FnState *fs, Obj *o)
{
	for (int i = fs->nlocals - 1; i >= 0; i--)
		if (fs->locals[i].obj == o)
			return i;
	return -1;
}

static int find_upval(FnState *fs, Obj *o);

/* Declare o in a fresh register (a cell is made for it if needed). */
static int declare(FnState *fs, Obj *o)
{
	int reg = alloc_reg(fs);
	fs->nactive = fs->top;
	GC_RESERVE(fs->locals, fs->nlocals, fs->caplocals, 16);
	Local *l = &fs->locals[fs->nlocals++];
	l->obj = o;
	l->reg = reg;
	l->cell = o ? needs_cell(o) : false;
	if (o && o->captured && is_aggregate(o->type))
		l->cell = false;
	return fs->nlocals - 1;
}

/* A new local for o whose value is in register src (a cell if o needs one). */
static void bind_new_var(FnState *fs, Obj *o, int src)
{
	int li = declare(fs, o);
	Local *l = &fs->locals[li];
	if (l->cell) {
		emit(fs, BC_NEWCELL, l->reg, 0, 0);
		emit(fs, BC_STORE, l->reg, src, 0);
	} else if (l->reg != src) {
		emit(fs, BC_MOVE, l->reg, src, 0);
	}
}

static int find_upval(FnState *fs, Obj *o)
{
	for (int i = 0; i < fs->nups; i++)
		if (fs->ups[i].obj == o)
			return i;
	if (!fs->outer)
		return -1;
	Capture cap;
	int li = find_local(fs->outer, o);
	if (li >= 0) {
		Local *l = &fs->outer->locals[li];
		cap.from_reg = true;
		cap.index = l->reg;
		if (!l->cell) {
			/* an aggregate: its block pointer is captured through a
			 * fresh cell made at closure creation (see CLOSURE) */
			cap.index = l->reg | 0x10000;
		}
	} else {
		int ui = find_upval(fs->outer, o);
		if (ui < 0)
			return -1;
		cap.from_reg = false;
		cap.index = ui;
	}
	Upval *v = GC_MALLOC(sizeof *v * (size_t)(fs->nups + 1));
	if (fs->nups)
		memcpy(v, fs->ups, sizeof *v * (size_t)fs->nups);
	v[fs->nups].obj = o;
	v[fs->nups].cap = cap;
	fs->ups = v;
	return fs->nups++;
}

static int global_index(Obj *o)
{
	for (int i = 0; i < C->nglobals; i++)
		if (C->globals[i] == o)
			return i;
	int cap = C->capglobals;
	GC_RESERVE(C->globals, C->nglobals, C->capglobals, 32);
	if (C->capglobals != cap || !C->global_use) /* (a REPL input starts without one) */
		C->global_use = gc_resized(C->global_use, C->global_use ? (size_t)C->nglobals : 0,
					   (size_t)C->capglobals, sizeof *C->global_use, true);
	C->global_use[C->nglobals] = C->use_pos;
	C->globals[C->nglobals] = o;
	return C->nglobals++;
}

/* ---- expressions ------------------------------------------------------------------ */

static int expr(FnState *fs, Node *n, int dst);
static void expr_to(FnState *fs, Node *n, int dst);
static void stmt(FnState *fs, Node *s);
static void select_stmt(FnState *fs, Node *s, const char *label);
static void block(FnState *fs, NodeList *l);
static int call_expr(FnState *fs, Node *n, int nres);
static bool may_call(Node *n);
static bool call_like(Node *n);
static int index_expr(FnState *fs, Node *n, int dst, bool commaok);
static Proto *compile_function(FnState *outer, const char *name, Type *sig, Node *recv, Node *ftype, Node *body);
static void zero_value(FnState *fs, Type *t, int dst);
static void store_to(FnState *fs, Node *lhs, int src);
static bool is_type_expr(Node *n);
static void operands(FnState *fs, Node *x, Node *y, int *rx, int *ry);
static void assign_var(FnState *fs, Obj *o, int src);
static bool block_private(FnState *fs, struct Obj *o);
static bool mentions(Node *n, struct Obj *o);
static void convert_to(FnState *fs, Type *from, Type *to, int reg, bool konst);

static int dst_or_new(FnState *fs, int dst)
{
	return dst >= 0 ? dst : alloc_reg(fs);
}

/* A literal Go's compiler counts as static: a constant, nil, or an array
 * or struct literal of such. */
static bool static_lit(Node *n)
{
	n = ast_unparen(n);
	if (n->cv)
		return true;
	if (n->kind == N_IDENT && n->obj && ((Obj *)n->obj)->kind == OBJ_NIL)
		return true;
	if (n->kind != N_COMPOSITELIT || !n->type)
		return false;
	TypeKind k = type_under(n->type)->kind;
	if (k != TY_ARRAY && k != TY_STRUCT)
		return false;
	for (int i = 0; i < n->u.complit.elts.len; i++) {
		Node *e = n->u.complit.elts.v[i];
		if (!static_lit(e->kind == N_KEYVALUE ? e->u.kv.value : e))
			return false;
	}
	return true;
}

static bool is_u64(const Node *n)
{
	return n && n->type && !type_is_untyped(n->type) && type_is_unsigned(n->type) && type_bits(n->type) == 64;
}

/* The index or slice instruction just emitted (with its extra word) has
 * the bounds lo (or the index), hi and max: notes which are of a 64-bit
 * unsigned type, for its panic's message (Proto.ubounds). */
static void note_ubounds(FnState *fs, const Node *lo, const Node *hi, const Node *max)
{
	uint32_t mask = (is_u64(lo) ? 1u : 0u) | (is_u64(hi) ? 2u : 0u) | (is_u64(max) ? 4u : 0u);
	if (!mask)
		return;
	GC_RESERVE(fs->ubounds, fs->nubounds, fs->capubounds, 4);
	fs->ubounds[fs->nubounds++] = (uint32_t)fs->ncode << 3 | mask;
}

/* The register for a result computed from operands evaluated since
 * `save`: dst if the caller gave one, else the first temporary (the
 * operands' registers are free again once their values are read). */
static int result_reg(FnState *fs, int dst, int save)
{
	if (dst >= 0)
		return dst;
	fs->top = save;
	return alloc_reg(fs);
}

static void load_const(FnState *fs, Type *t, ConstVal *cv, int dst)
{
	Type *u = type_under(t);
	Value v;
	v.u = 0;
	if (type_is_untyped(u))
		u = type_default(u);
	if (type_is_boolean(u)) {
		v.i = cv->b;
	} else if (type_is_string(u)) {
		v.p = cv->s.len ? str_new(cv->s.s, (int64_t)cv->s.len) : NULL;
	} else if (type_is_float(u)) {
		double d;
		const_to_double(cv, type_bits(u), &d);
		v.f = d;
	} else if (type_is_complex(u)) {
		GolComplex *z = GC_MALLOC_ATOMIC(sizeof *z);
		ConstVal *cz = const_to_kind(cv, CK_COMPLEX);
		/* a complex64's parts are float32s, rounded as such */
		int part_bits = type_bits(u) == 64 ? 32 : 64;
		ConstVal re = *cz;
		re.kind = CK_FLOAT;
		const_to_double(&re, part_bits, &z->re);
		ConstVal im = *cz;
		im.kind = CK_FLOAT;
		memcpy(im.f, cz->im, sizeof im.f);
		const_to_double(&im, part_bits, &z->im);
		v.p = z;
	} else if (type_is_integer(u)) {
		v.i = const_to_int64(cv);
	} else if (u->kind == TY_INTERFACE || u->kind == TY_UNTYPED_NIL) {
		v.p = NULL;
	}
	if ((type_is_integer(u) || type_is_boolean(u)) && v.i >= INT32_MIN && v.i <= INT32_MAX) {
		emit_sbx(fs, BC_LOADI, dst, (int32_t)v.i);
		return;
	}
	if (v.u == 0) {
		emit(fs, BC_LOADNIL, dst, 0, 0);
		return;
	}
	emit_bx(fs, BC_LOADK, dst, (uint32_t)add_k(fs, v));
}

/* Re-wrap an integer result to its type's width (int8 overflow wraps). */
static void wrap_int(FnState *fs, Type *t, int reg)
{
	Type *u = type_under(t);
	int bits = type_bits(u);
	if (bits >= 64 || !type_is_integer(u))
		return;
	emit(fs, type_is_unsigned(u) ? BC_ZEXT : BC_SEXT, reg, reg, bits);
}

/* A struct or array variable holds its block, which it keeps for life
 * (assignments copy into it): reading the variable reads no field, so its
 * GETG, GETUP or LOAD carries X = 1 and the race detector sees only the
 * field accesses that follow (mu.Lock() on a captured mutex reads nothing). */
static void read_var(FnState *fs, Obj *o, int dst)
{
	int block = is_aggregate(o->type);
	if (o->global) {
		int pc = emit_bx(fs, BC_GETG, dst, (uint32_t)global_index(o));
		fs->code[pc].x = (uint8_t)block;
		return;
	}
	int li = find_local(fs, o);
	if (li >= 0) {
		Local *l = &fs->locals[li];
		if (l->cell)
			emitx(fs, BC_LOAD, block, dst, l->reg, 0);
		else if (l->reg != dst)
			emit(fs, BC_MOVE, dst, l->reg, 0);
		return;
	}
	int ui = find_upval(fs, o);
	if (ui < 0) {
		cerror(o->pos, "internal: variable %s not found", o->name);
		return;
	}
	emitx(fs, BC_GETUP, block, dst, ui, 0);
}

static void write_var(FnState *fs, Obj *o, int src)
{
	if (o->global) {
		emit_bx(fs, BC_SETG, src, (uint32_t)global_index(o));
		return;
	}
	int li = find_local(fs, o);
	if (li >= 0) {
		Local *l = &fs->locals[li];
		if (l->cell)
			emit(fs, BC_STORE, l->reg, src, 0);
		else if (l->reg != src)
			emit(fs, BC_MOVE, l->reg, src, 0);
		return;
	}
	int ui = find_upval(fs, o);
	if (ui >= 0)
		emit(fs, BC_SETUP, src, ui, 0);
}

/* The closure constant of a top-level function or method. */
static GolClosure *func_closure(Obj *o);

/* r = b op c for registers already holding operands of type t (for a
 * shift, c holds a count of type ct). */
static void emit_op_regs(FnState *fs, Op op, Type *t, int r, int b, int c, Type *ct)
{
	bool signed_count = !(ct && type_is_unsigned(ct));
	Type *u = type_under(t);
	bool fl = type_is_float(u), str = type_is_string(u), uns = type_is_unsigned(u);
	if (type_is_complex(u)) {
		int x = op == OP_ADD ? 0 : op == OP_SUB ? 1 : op == OP_MUL ? 2 : 3;
		emitx(fs, BC_CPLX, x | (type_bits(u) == 64 ? 16 : 0), r, b, c);
		return;
	}
	switch (op) {
	case OP_ADD: emit(fs, str ? BC_CONCAT : fl ? BC_ADDF : BC_ADDI, r, b, c); break;
	case OP_SUB: emit(fs, fl ? BC_SUBF : BC_SUBI, r, b, c); break;
	case OP_MUL: emit(fs, fl ? BC_MULF : BC_MULI, r, b, c); break;
	case OP_DIV: emit(fs, fl ? BC_DIVF : uns ? BC_DIVU : BC_DIVI, r, b, c); break;
	case OP_REM: emit(fs, uns ? BC_REMU : BC_REMI, r, b, c); break;
	case OP_AND: emit(fs, BC_ANDI, r, b, c); break;
	case OP_OR: emit(fs, BC_ORI, r, b, c); break;
	case OP_XOR: emit(fs, BC_XORI, r, b, c); break;
	case OP_ANDNOT: emit(fs, BC_ANDNOT, r, b, c); break;
	case OP_SHL: emitx(fs, BC_SHL, signed_count, r, b, c); break;
	case OP_SHR: emitx(fs, uns ? BC_SHRU : BC_SHRS, signed_count, r, b, c); break;
	default: cerror((Pos){fs->line, 1}, "internal: operator %s", op_text(op));
	}
	if (!str && !fl)
		wrap_int(fs, t, r);
	if (fl && type_bits(u) == 32)
		emit(fs, BC_F32, r, r, 0);
}

/* ---- fields as operands ----
 * `a - p.f` and `p.f -= a` on 64-bit integers and float64 are the
 * commonest shapes of struct arithmetic: each is one instruction (ADDFX...,
 * FADDF...) instead of a GETF and an operation, and a SETF. */

/* The field-operand (x) or field-update (!x) opcode for op on type u, or
 * -1 when there is none (narrow integers re-wrap, float32 re-rounds). */
static int field_opcode(Op op, Type *u, bool x)
{
	bool fl = type_is_float(u) && type_bits(u) == 64;
	bool in = type_is_integer(u) && type_bits(u) == 64;
	if (!fl && !in)
		return -1;
	switch (op) {
	case OP_ADD: return x ? (fl ? BC_ADDFX : BC_ADDIX) : (fl ? BC_FADDF : BC_FADDI);
	case OP_SUB: return x ? (fl ? BC_SUBFX : BC_SUBIX) : (fl ? BC_FSUBF : BC_FSUBI);
	case OP_MUL: return x ? (fl ? BC_MULFX : BC_MULIX) : (fl ? BC_FMULF : BC_FMULI);
	default: return -1;
	}
}

/* Is n a struct field (not a package member, not a method) whose index
 * fits an instruction's X byte? sel receives the selection. */
static bool field_selector(Node *n, Selection *sel)
{
	if (n->kind != N_SELECTOR || n->cv)
		return false;
	Node *x = n->u.selector.x;
	if (x->kind == N_IDENT && x->obj && ((Obj *)x->obj)->kind == OBJ_PKG)
		return false;
	if (!x->type || type_lookup(x->type, n->u.selector.sel->u.ident.name, sel) != 1)
		return false;
	return sel->path[sel->depth - 1] <= 255;
}

/* The register holding the block that directly contains a selected
 * field: x itself, or a temporary reached through embedded fields (x may
 * be a local's own register, which must be left as it is). */
static int field_block(FnState *fs, Node *n, Selection *sel)
{
	int b = expr(fs, n->u.selector.x, -1);
	if (sel->depth > 1) {
		int t = alloc_reg(fs);
		emit(fs, BC_GETF, t, b, sel->path[0]);
		for (int i = 1; i < sel->depth - 1; i++)
			emit(fs, BC_GETF, t, t, sel->path[i]);
		b = t;
	}
	return b;
}

static int binary(FnState *fs, Node *n, int dst)
{
	Op op = n->u.op.op;
	if (op == OP_ANDAND || op == OP_OROR) {
		int r = dst_or_new(fs, dst);
		expr_to(fs, n->u.op.x, r);
		int j = emit_jump(fs, op == OP_ANDAND ? BC_JMPF : BC_JMPT, r);
		expr_to(fs, n->u.op.y, r);
		patch_here(fs, j);
		return r;
	}
	Type *lt = n->u.op.x->type, *lu = type_under(lt);
	int save = fs->top;
	/* x + k and x - k with a small constant k: one instruction */
	if ((op == OP_ADD || op == OP_SUB) && type_is_integer(lu) && n->u.op.y->cv
	    && n->u.op.y->cv->kind == CK_INT && const_fits_int(n->u.op.y->cv, 15, false)) {
		int64_t k = const_to_int64(n->u.op.y->cv);
		if (op == OP_SUB)
			k = -k;
		int b = expr(fs, n->u.op.x, -1);
		int r = result_reg(fs, dst, save);
		emit(fs, BC_ADDIK, r, b, (uint16_t)(int16_t)k);
		wrap_int(fs, n->type ? n->type : lt, r);
		fs->top = r >= save ? r + 1 : save;
		return r;
	}
	Selection sel;
	int fop = field_opcode(op, lu, true);
	if (fop >= 0 && field_selector(ast_unparen(n->u.op.y), &sel)) {
		/* x op p.f: the same order of evaluation as a GETF would have */
		Node *y = ast_unparen(n->u.op.y);
		int b = expr(fs, n->u.op.x, -1);
		int c = field_block(fs, y, &sel);
		int r = result_reg(fs, dst, save);
		int line = fs->line;
		if (y->pos.line)
			fs->line = y->pos.line; /* a nil p panics where p.f is */
		emitx(fs, fop, sel.path[sel.depth - 1], r, b, c);
		fs->line = line;
		fs->top = r >= save ? r + 1 : save;
		return r;
	}
	int b, c;
	operands(fs, n->u.op.x, n->u.op.y, &b, &c);
	if (op == OP_EQ || op == OP_NE) {
		/* an operand compared with an interface is boxed in place */
		Type *xt = n->u.op.x->type, *yt = n->u.op.y->type;
		if (type_is_interface(xt) != type_is_interface(yt)) {
			if (!type_is_interface(xt))
				b = own_reg(fs, b);
			else
				c = own_reg(fs, c);
		}
	}
	int r = dst >= 0 ? dst : save;
	if (dst < 0) {
		fs->top = save;
		r = alloc_reg(fs);
	}
	bool fl = type_is_float(lu), str = type_is_string(lu), uns = type_is_unsigned(lu);
	bool cplx = type_is_complex(lu);
	switch (op) {
	case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_REM: case OP_AND:
	case OP_OR: case OP_XOR: case OP_ANDNOT: case OP_SHL: case OP_SHR:
		emit_op_regs(fs, op, n->type ? n->type : lt, r, b, c, n->u.op.y->type);
		fs->top = r >= save ? r + 1 : save;
		return r;
	case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
		Type *xt = n->u.op.x->type, *yt = n->u.op.y->type;
		if (op == OP_GT || op == OP_GE) {
			int t = b;
			b = c;
			c = t;
			op = op == OP_GT ? OP_LT : OP_LE;
		}
		bool eq = op == OP_EQ || op == OP_NE;
		if (eq && (type_is_interface(xt) || type_is_interface(yt))) {
			if (!type_is_interface(xt) && xt->kind != TY_UNTYPED_NIL) {
				emit_bx(fs, BC_BOX, b, (uint32_t)type_k(fs, xt));
			}
			if (!type_is_interface(yt) && yt->kind != TY_UNTYPED_NIL) {
				emit_bx(fs, BC_BOX, c, (uint32_t)type_k(fs, yt));
			}
			emit(fs, BC_IFACEEQ, r, b, c);
		} else if (eq && (is_aggregate(lt) || cplx)) {
			emit(fs, BC_EQV, r, b, c);
			emit_sbx(fs, BC_EXT, 0, type_k(fs, lt));
		} else if (eq && str) {
			emit(fs, BC_EQS, r, b, c);
		} else if (eq && fl) {
			emit(fs, BC_EQF, r, b, c);
		} else if (eq) {
			emit(fs, BC_EQI, r, b, c);
		} else if (str) {
			emit(fs, op == OP_LT ? BC_LTS : BC_LES, r, b, c);
		} else if (fl) {
			emit(fs, op == OP_LT ? BC_LTF : BC_LEF, r, b, c);
		} else if (uns) {
			emit(fs, op == OP_LT ? BC_LTU : BC_LEU, r, b, c);
		} else {
			emit(fs, op == OP_LT ? BC_LTI : BC_LEI, r, b, c);
		}
		if (n->u.op.op == OP_NE)
			emit(fs, BC_NOT, r, r, 0);
		fs->top = r + 1 > save ? (r >= save ? r + 1 : save) : save;
		return r;
	}
	default:
		cerror(n->pos, "internal: operator %s", op_text(op));
		fs->top = r >= save ? r + 1 : save;
		return r;
	}
}

static int unary(FnState *fs, Node *n, int dst)
{
	Op op = n->u.op.op;
	if (op == OP_AND) {
		Node *x = ast_unparen(n->u.op.x);
		int r = dst_or_new(fs, dst);
		if (x->kind == N_COMPOSITELIT && !is_aggregate(x->type)) {
			/* &[]T{...}, &map[K]V{...}: a new cell holding the value */
			int save = fs->top;
			int v = alloc_reg(fs);
			expr_to(fs, x, v);
			emit(fs, BC_NEWCELL, r, 0, 0);
			emit(fs, BC_STORE, r, v, 0);
			fs->top = save > r ? save : r + 1;
			return r;
		}
		if (x->kind == N_COMPOSITELIT || is_aggregate(x->type)) {
			if (x->kind == N_COMPOSITELIT) {
				expr_to(fs, x, r);
				return r;
			}
			/* &aggregate: its block */
			expr_to(fs, x, r);
			return r;
		}
		if (x->kind == N_IDENT) {
			Obj *o = x->obj;
			if (o->global) {
				emit_bx(fs, BC_GADDR, r, (uint32_t)global_index(o));
				return r;
			}
			int li = find_local(fs, o);
			if (li >= 0 && fs->locals[li].cell) {
				emit(fs, BC_MOVE, r, fs->locals[li].reg, 0);
				return r;
			}
			int ui = find_upval(fs, o);
			if (ui >= 0) {
				emit(fs, BC_UPCELL, r, ui, 0);
				return r;
			}
			cerror(n->pos, "internal: address of %s", o->name);
			return r;
		}
		if (x->kind == N_SELECTOR) {
			int save = fs->top;
			Node *base = x->u.selector.x;
			int b = expr(fs, base, -1);
			int fi = (int)(intptr_t)x->cv; /* field index stored by the selector compile */
			(void)fi;
			/* the selector path: compile like a field read but taking the address */
			fs->top = save;
			(void)b;
		}
		/* generic: &x.f, &a[i], &s[i], &*p */
		if (x->kind == N_INDEX && is_aggregate(x->type)) {
			/* a pointer to an aggregate element is its block */
			return index_expr(fs, x, r, false);
		}
		if (x->kind == N_INDEX) {
			Type *bt = type_under(x->u.index.x->type);
			int save = fs->top;
			int b = expr(fs, x->u.index.x, -1);
			int i = expr(fs, x->u.index.index, -1);
			if (bt->kind == TY_SLICE) {
				emit(fs, BC_SADDR, r, b, i);
			} else {
				if (bt->kind == TY_POINTER)
					bt = type_under(bt->elem);
				emit(fs, BC_AADDR, r, b, i);
				emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
			}
			note_ubounds(fs, x->u.index.index, NULL, NULL);
			fs->top = r >= save ? r + 1 : save;
			return r;
		}
		if (x->kind == N_STAR) {
			expr_to(fs, x->u.un1.x, r);
			emit(fs, BC_NILCHK, r, 0, 0);
			return r;
		}
		if (x->kind == N_SELECTOR) {
			Selection sel;
			Type *bt = x->u.selector.x->type;
			if (type_lookup(bt, x->u.selector.sel->u.ident.name, &sel) == 1) {
				int save = fs->top;
				int b = expr(fs, x->u.selector.x, -1);
				int t = alloc_reg(fs);
				if (b != t)
					emit(fs, BC_MOVE, t, b, 0);
				for (int i = 0; i < sel.depth - 1; i++)
					emit(fs, BC_GETF, t, t, sel.path[i]);
				emit(fs, BC_FADDR, r, t, sel.path[sel.depth - 1]);
				fs->top = r >= save ? r + 1 : save;
				return r;
			}
		}
		cerror(n->pos, "internal: cannot take this address yet");
		return r;
	}
	if (op == OP_RECV) {
		int save = fs->top;
		int c = expr(fs, n->u.op.x, -1);
		int r = result_reg(fs, dst, save);
		emit(fs, BC_RECV, r, c, 0);
		return r;
	}
	int save = fs->top;
	int b = expr(fs, n->u.op.x, -1);
	int r = result_reg(fs, dst, save);
	Type *u = type_under(n->type);
	switch (op) {
	case OP_SUB:
		if (type_is_complex(u)) {
			emitx(fs, BC_CPLX, 4 | (type_bits(u) == 64 ? 16 : 0), r, b, b);
			break;
		}
		emit(fs, type_is_float(u) ? BC_NEGF : BC_NEGI, r, b, 0);
		if (!type_is_float(u) && !type_is_complex(u))
			wrap_int(fs, n->type, r);
		break;
	case OP_ADD:
		if (r != b)
			emit(fs, BC_MOVE, r, b, 0);
		break;
	case OP_NOT:
		emit(fs, BC_NOT, r, b, 0);
		break;
	case OP_XOR:
		emit(fs, BC_NOTI, r, b, 0);
		wrap_int(fs, n->type, r);
		break;
	default:
		cerror(n->pos, "internal: unary %s", op_text(op));
	}
	fs->top = r >= save ? r + 1 : save;
	return r;
}

/* Whether interface type to has a method called name. */
static bool iface_has(Type *to, const char *name)
{
	Type *u = to->kind == TY_NAMED ? to->underlying : to;
	for (int i = 0; u && i < u->nmethods; i++)
		if (!strcmp(u->methods[i].name, name))
			return true;
	return false;
}

/* A standard-library type may declare methods gol has no native for.
 * Called directly they are refused at compile time; a value boxed into
 * an interface must be refused as well when the method could be called
 * through it: the interface has it, or it is one that fmt calls on any
 * value it prints (else fmt would print the bare value silently, and a
 * call through the interface would fail at run time). The position is
 * the last expression compiled: the value being boxed. */
static void check_library_methods(Type *t, Type *to)
{
	Type *named = t->kind == TY_POINTER && t->elem && t->elem->kind == TY_NAMED ? t->elem : t;
	if (named->kind != TY_NAMED || !named->pkg || !strcmp(named->pkg, "main"))
		return;
	for (int i = 0; i < named->nmethods; i++) {
		Method *m = &named->methods[i];
		if (!m->func || (m->ptr_recv && named == t))
			continue;
		/* fmt's Stringer, error and Formatter (not GoStringer: only
		 * %#v calls it, and a time.Time is printed for everything else) */
		int np = m->sig ? m->sig->nfields : -1, nr = m->sig ? m->sig->nresults : -1;
		bool fmt_calls = ((!strcmp(m->name, "String") || !strcmp(m->name, "Error")) && np == 0 && nr == 1) ||
				 (!strcmp(m->name, "Format") && np == 2 && nr == 0);
		if (!fmt_calls && !iface_has(to, m->name))
			continue;
		char name[256];
		snprintf(name, sizeof name, "%s.%s.%s", named->pkg, named->name, m->name);
		if (!natives_lookup(name)) {
			cerror(C->use_pos, "gol: %s is not implemented yet", name);
			return;
		}
	}
}

/* Move an interface-typed or concrete value into an interface slot. */
static void box_if_needed(FnState *fs, Type *from, Type *to, int reg)
{
	if (!to || !type_is_interface(to) || !from)
		return;
	if (type_is_interface(from) || from->kind == TY_UNTYPED_NIL)
		return;
	Type *t = type_is_untyped(from) ? type_default(from) : from;
	check_library_methods(t, to);
	emit_bx(fs, BC_BOX, reg, (uint32_t)type_k(fs, t));
}

/* Value-copy semantics: an aggregate read from a variable must be cloned
 * before it is stored somewhere else. */
static void clone_if_aggregate(FnState *fs, Node *src, int reg)
{
	Node *s = ast_unparen(src);
	if (!is_aggregate(s->type))
		return;
	/* a literal or a call's result is a fresh block; a conversion T(x)
	 * is x's block, fresh only if x is */
	while (s->kind == N_CALL && is_type_expr(ast_unparen(s->u.call.fun)) && s->u.call.args.len == 1)
		s = ast_unparen(s->u.call.args.v[0]);
	if (s->kind == N_COMPOSITELIT || s->kind == N_CALL)
		return;
	emit_bx(fs, BC_CLONE, reg, (uint32_t)type_k(fs, src->type));
}

/* Evaluate n as a value of type `to` into register dst: boxes into
 * interfaces, clones aggregates. */
static void value_to(FnState *fs, Node *n, Type *to, int dst)
{
	expr_to(fs, n, dst);
	if (to && type_is_interface(to))
		box_if_needed(fs, n->type, to, dst);
	else
		clone_if_aggregate(fs, n, dst);
}

/* value_to where Go's compiler places the implicit conversion of a
 * concrete value to an interface at the operand itself (a var
 * declaration's value, a composite literal's element, append's, a send's,
 * panic's; not a call's argument, an assignment's or a return's): a
 * variable read there takes the operand's line, which -race names. */
static void value_here(FnState *fs, Node *n, Type *to, int dst)
{
	int line = fs->line;
	if (to && type_is_interface(to) && n->type && !type_is_interface(n->type) && n->pos.line)
		fs->line = n->pos.line;
	value_to(fs, n, to, dst);
	fs->line = line;
}

/* A register holding n's value as a `to` (NULL: as is): a local's own
 * register when the value needs neither boxing nor copying, else a new
 * one. Only for an operand read before any call that follows it could
 * run: a call cannot assign a local that lives in a register (a local a
 * closure assigns lives in a cell, and reads of it are copies). */
static int value_reg(FnState *fs, Node *n, Type *to)
{
	if (!(to && type_is_interface(to)) && !is_aggregate(n->type))
		return expr(fs, n, -1);
	int r = alloc_reg(fs);
	value_to(fs, n, to, r);
	return r;
}

/* A map key into register reg: keys of aggregate or complex type are
 * stored boxed (see runtime/rt.h). */
static bool boxed_key(Type *key)
{
	return is_aggregate(key) || type_is_complex(key);
}

static void map_key(FnState *fs, Node *k, Type *keytype, int reg)
{
	if (k->kind == N_COMPOSITELIT && !k->type)
		k->type = keytype;
	value_to(fs, k, keytype, reg);
	if (boxed_key(keytype))
		emit_bx(fs, BC_BOX, reg, (uint32_t)type_k(fs, keytype));
}

/* A register holding map key k, as value_reg. */
static int map_key_reg(FnState *fs, Node *k, Type *keytype)
{
	if (!type_is_interface(keytype) && !boxed_key(keytype))
		return value_reg(fs, k, keytype);
	int r = alloc_reg(fs);
	map_key(fs, k, keytype, r);
	return r;
}

/* Does n denote a type (T, *T, (T), pkg.T)? */
static bool is_type_expr(Node *n)
{
	n = ast_unparen(n);
	switch (n->kind) {
	case N_ARRAYTYPE: case N_SLICETYPE: case N_MAPTYPE: case N_CHANTYPE:
	case N_FUNCTYPE: case N_STRUCTTYPE: case N_INTERFACETYPE:
		return true;
	default:
		break;
	}
	if (n->kind == N_STAR)
		return is_type_expr(n->u.un1.x);
	if ((n->kind == N_IDENT || n->kind == N_SELECTOR) && n->obj)
		return ((Obj *)n->obj)->kind == OBJ_TYPE;
	return false;
}


/* The type of the receiver a method found through sel is called on: x's
 * type t, or the embedded field's that sel's path ends at. */
static Type *receiver_type(Type *t, const Selection *sel)
{
	Type *rt = t, *cur = type_under(t);
	if (cur->kind == TY_POINTER)
		cur = type_under(cur->elem);
	for (int i = 0; i < sel->depth; i++) {
		rt = cur->fields[sel->path[i]].type;
		cur = type_under(rt);
		if (cur->kind == TY_POINTER && i < sel->depth - 1)
			cur = type_under(cur->elem);
	}
	return rt;
}
static int selector(FnState *fs, Node *n, int dst)
{
	Node *x = n->u.selector.x;
	const char *name = n->u.selector.sel->u.ident.name;
	/* package member */
	if (x->kind == N_IDENT && x->obj && ((Obj *)x->obj)->kind == OBJ_PKG) {
		Obj *m = n->obj;
		int r = dst_or_new(fs, dst);
		if (m->kind == OBJ_CONST) {
			load_const(fs, m->type, m->cv, r);
		} else if (m->kind == OBJ_FUNC) {
			emit_bx(fs, BC_LOADK, r, (uint32_t)add_kp(fs, func_closure(m)));
		} else if (m->kind == OBJ_VAR) {
			read_var(fs, m, r);
		} else {
			cerror(n->pos, "internal: package member %s", name);
		}
		return r;
	}
	if (n->cv && n->type && !x->type) {
		int r = dst_or_new(fs, dst);
		load_const(fs, n->type, n->cv, r);
		return r;
	}
	Type *bt = x->type;
	Selection sel;
	int k = type_lookup(bt, name, &sel);
	int save = fs->top;
	int r = dst;
	if (k == 1) {
		int b = expr(fs, x, -1);
		r = result_reg(fs, dst, save);
		int cur = b;
		for (int i = 0; i < sel.depth; i++) {
			emit(fs, BC_GETF, r, cur, sel.path[i]);
			cur = r;
		}
		fs->top = r >= save ? r + 1 : save;
		return r;
	}
	if (k == 2 && is_type_expr(x)) {
		/* a method expression T.M: the method itself, receiver first */
		if (r < 0)
			r = alloc_reg(fs);
		GolClosure *f;
		Type *xt = x->type;
		if (type_is_interface(xt)) {
			f = GC_MALLOC(sizeof *f);
			GolWrap *w = GC_MALLOC(sizeof *w);
			w->mname = name;
			f->w = w;
			f->wrap = WRAP_IFACE;
			f->name = name;
		} else if (sel.depth) {
			/* promoted from an embedded field: reach it first */
			Type *ft = receiver_type(xt, &sel), *fu = type_under(ft);
			f = GC_MALLOC(sizeof *f);
			GolWrap *w = GC_MALLOC(sizeof *w);
			if (type_is_interface(ft)) {
				/* an embedded interface's method: dispatched on the
				 * field's dynamic value once it is reached */
				GolClosure *d = GC_MALLOC(sizeof *d);
				GolWrap *dw = GC_MALLOC(sizeof *dw);
				dw->mname = name;
				d->w = dw;
				d->wrap = WRAP_IFACE;
				d->name = name;
				w->target = d;
			} else {
				w->target = func_closure(sel.method->func);
			}
			w->depth = sel.depth;
			memcpy(w->path, sel.path, sizeof(int) * (size_t)sel.depth);
			if (type_is_interface(ft))
				w->mode = EMBED_VALUE;
			else if (sel.method->ptr_recv)
				w->mode = fu->kind == TY_POINTER || is_aggregate(ft) ? EMBED_VALUE : EMBED_ADDR;
			else
				w->mode = fu->kind == TY_POINTER && !is_aggregate(fu->elem) ? EMBED_LOAD : EMBED_VALUE;
			f->w = w;
			f->wrap = WRAP_EMBED;
			f->name = name;
		} else if (type_under(xt)->kind == TY_POINTER && !sel.method->ptr_recv) {
			f = GC_MALLOC(sizeof *f);
			GolWrap *w = GC_MALLOC(sizeof *w);
			w->target = func_closure(sel.method->func);
			w->recv_type = canon(type_under(xt)->elem);
			f->w = w;
			f->wrap = WRAP_DEREF;
			f->name = name;
		} else {
			f = func_closure(sel.method->func);
		}
		emit_bx(fs, BC_LOADK, r, (uint32_t)add_kp(fs, f));
		return r;
	}
	if (k == 2) {
		/* method value: bind the receiver */
		if (r < 0)
			r = alloc_reg(fs);
		int b = alloc_reg(fs);
		expr_to(fs, x, b);
		for (int i = 0; i < sel.depth; i++)
			emit(fs, BC_GETF, b, b, sel.path[i]);
		if (type_is_interface(sel.depth ? receiver_type(x->type, &sel) : bt)) {
			/* the method of a dynamic value (an interface, or an
			 * embedded interface field): resolved by BIND at run time */
			emitx(fs, BC_BIND, 1 | 2, r, b, add_kp(fs, (void *)name));
		} else {
			Method *m = sel.method;
			GolClosure *f = func_closure(m->func);
			Type *rt = receiver_type(x->type, &sel);
			if (m->ptr_recv && sel.depth && !is_aggregate(rt) && type_under(rt)->kind != TY_POINTER) {
				/* &x.f of an embedded scalar-based field: not a block */
				cerror(n->pos, "gol: a method value of a pointer method promoted from an embedded non-struct field is not implemented yet");
			} else if (m->ptr_recv && !is_aggregate(x->type) && type_under(x->type)->kind != TY_POINTER) {
				/* needs &x of a scalar-based named type: take the address */
				Node addr = {0};
				addr.kind = N_UNARY;
				addr.pos = x->pos;
				addr.u.op.op = OP_AND;
				addr.u.op.x = x;
				addr.type = type_pointer(x->type);
				unary(fs, &addr, b);
			} else if (!m->ptr_recv && type_under(rt)->kind == TY_POINTER) {
				/* a value method through a pointer: bind a copy of *p now */
				Type *et = type_under(rt)->elem;
				if (is_aggregate(et)) {
					emit(fs, BC_NILCHK, b, 0, 0);
					emit_bx(fs, BC_CLONE, b, (uint32_t)type_k(fs, et));
				} else {
					emit(fs, BC_LOAD, b, b, 0);
				}
			} else if (!m->ptr_recv && is_aggregate(rt)) {
				emit_bx(fs, BC_CLONE, b, (uint32_t)type_k(fs, rt));
			}
			emitx(fs, BC_BIND, 2, r, b, add_kp(fs, f)); /* x 2: a method value */
		}
		fs->top = r >= save ? r + 1 : save;
		return r;
	}
	cerror(n->pos, "internal: selector %s", name);
	return dst_or_new(fs, dst);
}

static int index_expr(FnState *fs, Node *n, int dst, bool commaok)
{
	Type *bt = type_under(n->u.index.x->type);
	int save = fs->top;
	int b, i;
	operands(fs, n->u.index.x, n->u.index.index, &b, &i);
	Type *mt = type_under(bt->kind == TY_POINTER ? bt->elem : bt);
	if (mt->kind == TY_MAP && (type_is_interface(mt->key) || boxed_key(mt->key)))
		i = own_reg(fs, i); /* the key is boxed in place below */
	int r = dst;
	if (r < 0) {
		fs->top = save;
		r = alloc_reg(fs);
		if (commaok)
			alloc_reg(fs);
	}
	if (bt->kind == TY_POINTER)
		bt = type_under(bt->elem);
	switch (bt->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING:
		emit(fs, BC_STRIDX, r, b, i);
		note_ubounds(fs, n->u.index.index, NULL, NULL);
		break;
	case TY_SLICE:
		emit(fs, BC_SIDX, r, b, i);
		note_ubounds(fs, n->u.index.index, NULL, NULL);
		break;
	case TY_ARRAY:
		emit(fs, BC_AIDX, r, b, i);
		emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
		note_ubounds(fs, n->u.index.index, NULL, NULL);
		break;
	case TY_MAP:
		if (type_is_interface(bt->key))
			box_if_needed(fs, n->u.index.index->type, bt->key, i);
		else if (boxed_key(bt->key))
			emit_bx(fs, BC_BOX, i, (uint32_t)type_k(fs, bt->key));
		/* x: 1 comma-ok; 2 an aggregate value (a block, whose fields
		 * are the locations -race watches) */
		emitx(fs, BC_MGET, (commaok ? 1 : 0) | (is_aggregate(bt->elem) ? 2 : 0), r, b, i);
		if (is_aggregate(bt->elem)) {
			/* a missing aggregate element reads as a fresh zero block */
			int j = emit_jump(fs, BC_JMPT, r);
			emit_bx(fs, BC_NEWBLK, r, (uint32_t)type_k(fs, bt->elem));
			patch_here(fs, j);
		}
		break;
	default:
		cerror(n->pos, "internal: index");
	}
	fs->top = r >= save ? r + (commaok ? 2 : 1) : save;
	return r;
}

static int slice_expr(FnState *fs, Node *n, int dst)
{
	Type *bt = type_under(n->u.slice.x->type);
	int save = fs->top;
	int b = expr(fs, n->u.slice.x, -1);
	int idx = alloc_regs(fs, 3);
	int flags = 0;
	if (n->u.slice.lo)
		expr_to(fs, n->u.slice.lo, idx);
	else
		flags |= 1;
	if (n->u.slice.hi)
		expr_to(fs, n->u.slice.hi, idx + 1);
	else
		flags |= 2;
	if (n->u.slice.three) {
		expr_to(fs, n->u.slice.max, idx + 2);
		flags |= 4;
	}
	int r = dst;
	if (r < 0)
		r = alloc_reg(fs);
	if (type_is_string(bt)) {
		emitx(fs, BC_STRSLICE, flags, r, b, idx);
	} else if (bt->kind == TY_SLICE) {
		emitx(fs, BC_SLICE, flags, r, b, idx);
		emit_sbx(fs, BC_EXT, 0, 0);
	} else {
		if (bt->kind == TY_POINTER)
			bt = type_under(bt->elem);
		emitx(fs, BC_SLICE, flags | 8, r, b, idx);
		emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
	}
	note_ubounds(fs, n->u.slice.lo, n->u.slice.hi, n->u.slice.three ? n->u.slice.max : NULL);
	if (dst < 0) {
		emit(fs, BC_MOVE, save, r, 0);
		fs->top = save + 1;
		return save;
	}
	fs->top = save > dst ? save : save;
	return r;
}

/* A struct or array operand Go's compiler copies where it stands when it
 * needs its address (a local variable's value or a literal; a global, a
 * field, an element or *p it uses in place). */
static bool copied_in_place(Node *u)
{
	u = ast_unparen(u);
	if (!u->type || !is_aggregate(u->type))
		return false;
	if (u->kind == N_COMPOSITELIT)
		return true;
	Obj *o = u->kind == N_IDENT ? u->obj : NULL;
	return o && o->kind == OBJ_VAR && !o->global;
}

/* Whether values of t hold pointers (Go's HasPointers). */
static bool go_has_pointers(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_ARRAY:
		return u->len > 0 && go_has_pointers(u->elem);
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (go_has_pointers(u->fields[i].type))
				return true;
		return false;
	default:
		return !(type_is_numeric(u) || type_is_boolean(u));
	}
}

/* Does Go's compiler make a struct or array of type t an interface by
 * passing its address to the runtime (convT, convTnoptr), which copies it
 * where it stands? Not a value of no size, one pointer-shaped or of one
 * word or less (convT16/32/64, by value), nor one whose only component is
 * a string or a slice (convTstring, convTslice). */
static bool iface_conv_by_address(Type *t)
{
	int64_t sz = type_size(t), al = type_align(t);
	if (sz == 0 || sz == 1 || (sz == 2 && al == 2) || ((sz == 4 || sz == 8) && al == sz && !go_has_pointers(t)))
		return false;
	Type *u = type_under(t);
	while (u->kind == TY_ARRAY || u->kind == TY_STRUCT) {
		if (u->kind == TY_ARRAY && u->len == 1)
			u = type_under(u->elem);
		else if (u->kind == TY_STRUCT && u->nfields == 1)
			u = type_under(u->fields[0].type);
		else
			break;
	}
	switch (u->kind) {
	case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_SLICE:
		return false;
	default:
		return !type_is_string(u);
	}
}

/* The calls in argument n that Go's compiler makes first, in order, into
 * temporaries, leaving the rest of n (a field of a call's result, an
 * index, x + f()) to be evaluated after every call of the argument list:
 * appended to out. False when n holds what this does not split (a call
 * under && or || or in a comparison, a literal, a closure, a method
 * value...): n is then evaluated whole with the calls. */
static bool split_calls(Node *n, Node **out, int *nout, int max)
{
	n = ast_unparen(n);
	if (!may_call(n))
		return true;
	if (call_like(n)) {
		if (*nout == max)
			return false;
		out[(*nout)++] = n;
		return true;
	}
	switch (n->kind) {
	case N_CALL: /* an operand conversion */
		return split_calls(n->u.call.args.v[0], out, nout, max);
	case N_UNARY:
		return n->u.op.op != OP_AND && split_calls(n->u.op.x, out, nout, max);
	case N_SELECTOR:
		return n->type && type_under(n->type)->kind != TY_FUNC && split_calls(n->u.selector.x, out, nout, max);
	case N_INDEX:
		return split_calls(n->u.index.x, out, nout, max) && split_calls(n->u.index.index, out, nout, max);
	case N_STAR:
		return split_calls(n->u.un1.x, out, nout, max);
	case N_BINARY:
		/* (a comparison with a call is evaluated whole, as gc's
		 * results show) */
		switch (n->u.op.op) {
		case OP_ANDAND: case OP_OROR: case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
			return false;
		default:
			return split_calls(n->u.op.x, out, nout, max) && split_calls(n->u.op.y, out, nout, max);
		}
	default:
		return false;
	}
}

/* Is operand a, to be a `to`, evaluated with the calls (in order, before
 * the plain operands are read), as Go's compiler orders an argument list
 * or a literal's elements? Besides what calls, what its compiler makes
 * with a runtime call or a copy where it stands: a local struct or array,
 * or a literal of one, made an interface through its address; structs or
 * arrays compared with ==; a map literal; &T{...}. Any other variable,
 * field, element or slice literal is read after them. */
static bool evaluated_early(Node *a, Type *to)
{
	Node *u = ast_unparen(a);
	if (may_call(u))
		return true;
	if (to && type_is_interface(to) && !type_is_interface(u->type) && copied_in_place(u)
	    && iface_conv_by_address(u->type))
		return true;
	if (u->kind == N_COMPOSITELIT && u->type && type_under(u->type)->kind == TY_MAP)
		return true;
	if (u->kind == N_UNARY && u->u.op.op == OP_AND && ast_unparen(u->u.op.x)->kind == N_COMPOSITELIT)
		return true;
	return u->kind == N_BINARY && (u->u.op.op == OP_EQ || u->u.op.op == OP_NE) && u->u.op.x->type
	       && is_aggregate(u->u.op.x->type);
}

/* If n holds calls without being one (f().X, s[f()], x + f()), make its
 * calls now, in order, into registers that expr takes them from when the
 * rest of n is evaluated (split_calls); else do nothing and say so. */
static bool hoist_calls(FnState *fs, Node *n)
{
	Node *calls[HOIST_MAX];
	int nc = 0;
	if (call_like(n) || !split_calls(n, calls, &nc, HOIST_MAX - fs->nhoisted) || !nc)
		return false;
	for (int k = 0; k < nc; k++) {
		int r = alloc_reg(fs);
		expr_to(fs, calls[k], r);
		fs->top = r + 1;
		fs->hoisted[fs->nhoisted++] = (struct Hoisted){calls[k], r};
	}
	return true;
}

/* Evaluate the n values v[i] into registers regs[i] (regs NULL: base + i)
 * as types to[i] (NULL: as is), in the order Go's compiler gives a call's arguments or an
 * assignment's values: what is evaluated early (evaluated_early) first,
 * left to right, with the calls inside the others that hold some but are
 * not calls themselves (split_calls: f().X, s[f()], x + f()); then the
 * rest. in_order: strictly left to right (a go or defer statement's
 * arguments). here: as value_here (a declaration's values). */
static void values_in_gc_order(FnState *fs, Node **v, int n, Type **to, const int *regs, int base, bool in_order,
			       bool here)
{
	bool *later = GC_MALLOC_ATOMIC((size_t)n + 1);
	int hoist_base = fs->nhoisted;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < n; i++) {
			if (pass == 0) {
				later[i] = !in_order && (!evaluated_early(v[i], to[i]) || hoist_calls(fs, v[i]));
				if (later[i])
					continue;
			} else if (!later[i]) {
				continue;
			}
			int reg = regs ? regs[i] : base + i;
			if (here)
				value_here(fs, v[i], to[i], reg);
			else
				value_to(fs, v[i], to[i], reg);
		}
	fs->nhoisted = hoist_base;
}

/* A literal's element values that call, evaluated first (left to right)
 * into registers held until their stores, as Go's compiler orders them:
 * the other elements read their variables after the calls. pre[i] is
 * element i's register or -1; NULL when no element calls or all the
 * others are constants. u is the struct, array or slice type. */
static int *complit_calls_first(FnState *fs, NodeList *el, Type *u)
{
	bool calls = false, plain = false;
	for (int i = 0; i < el->len; i++) {
		Node *e = el->v[i], *val = e->kind == N_KEYVALUE ? e->u.kv.value : e;
		if (may_call(val))
			calls = true;
		/* (one holding calls without being one reads its rest late) */
		if (!val->cv && !call_like(val))
			plain = true;
	}
	if (!calls || !plain)
		return NULL;
	int *pre = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)el->len);
	for (int i = 0; i < el->len; i++) {
		Node *e = el->v[i], *val = e->kind == N_KEYVALUE ? e->u.kv.value : e;
		pre[i] = -1;
		Type *et = u->elem;
		if (u->kind == TY_STRUCT)
			et = u->fields[e->kind == N_KEYVALUE ? (int)const_to_int64(e->u.kv.key->cv) : i].type;
		if (!evaluated_early(val, et))
			continue;
		if (val->kind == N_COMPOSITELIT && !val->type)
			val->type = et;
		/* an element holding calls without being one: its calls now,
		 * the rest where it is stored */
		if (hoist_calls(fs, val))
			continue;
		pre[i] = alloc_reg(fs);
		value_here(fs, val, et, pre[i]);
	}
	return pre;
}

/* In m[k] = v, does Go read the key after v's calls? It does for keys of
 * the types its maps handle directly (integers of 32 and 64 bits,
 * strings, pointers); a key of another type is copied to a temporary
 * first, before v is evaluated. */
static bool key_after_value(Node *k, Node *v, Type *keytype)
{
	if (!may_call(v) || may_call(k))
		return false;
	Type *u = type_under(keytype);
	switch (u->kind) {
	case TY_INT: case TY_INT32: case TY_INT64: case TY_UINT: case TY_UINT32: case TY_UINT64:
	case TY_UINTPTR: case TY_STRING: case TY_POINTER: case TY_CHAN: case TY_MAP: case TY_FUNC:
		return true;
	default:
		return false;
	}
}

static int complit_build(FnState *fs, Node *n, int dst);

/* A composite literal; calls its elements' evaluation made first
 * (complit_calls_first) are forgotten once it is built. */
static int complit(FnState *fs, Node *n, int dst)
{
	int hoist_base = fs->nhoisted;
	int r = complit_build(fs, n, dst);
	fs->nhoisted = hoist_base;
	return r;
}

static int complit_build(FnState *fs, Node *n, int dst)
{
	/* built in a fresh register and moved at the end: the elements may
	 * read the variable the literal is being assigned to */
	if (dst >= 0) {
		int save = fs->top;
		int t = complit(fs, n, -1);
		emit(fs, BC_MOVE, dst, t, 0);
		fs->top = save;
		return dst;
	}
	Type *t = n->type;
	Type *u = type_under(t);
	int r = dst_or_new(fs, dst);
	if (u->kind == TY_POINTER && !is_aggregate(u->elem)) {
		/* &T elided before a slice or map literal ([]*[]int{{1}}): a
		 * new cell holding the value, as &[]int{1} makes */
		int save = fs->top;
		n->type = u->elem;
		int v = complit(fs, n, -1);
		n->type = t;
		emit(fs, BC_NEWCELL, r, 0, 0);
		emit(fs, BC_STORE, r, v, 0);
		fs->top = save > r ? save : r + 1;
		return r;
	}
	if (u->kind == TY_POINTER) {
		/* &T elided before a struct or array literal: the block is the
		 * pointer */
		t = u->elem;
		u = type_under(t);
	}
	NodeList *el = &n->u.complit.elts;
	int *pre = u->kind == TY_STRUCT || u->kind == TY_ARRAY || u->kind == TY_SLICE
			   ? complit_calls_first(fs, el, u) : NULL;
	int save = fs->top;
	switch (u->kind) {
	case TY_STRUCT:
		emit_bx(fs, BC_NEWBLK, r, (uint32_t)type_k(fs, t));
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			int fi = i;
			Node *val = e;
			if (e->kind == N_KEYVALUE) {
				fi = (int)const_to_int64(e->u.kv.key->cv);
				val = e->u.kv.value;
			}
			if (val->kind == N_COMPOSITELIT && !val->type)
				val->type = u->fields[fi].type;
			int v = pre && pre[i] >= 0 ? pre[i] : alloc_reg(fs);
			/* a field is set at its element's line, as Go's compiler
			 * places it */
			int line = fs->line;
			if (val->pos.line)
				fs->line = val->pos.line;
			if (!(pre && pre[i] >= 0))
				value_to(fs, val, u->fields[fi].type, v);
			emit(fs, BC_SETF, r, fi, v);
			fs->line = line;
			fs->top = save;
		}
		break;
	case TY_ARRAY: {
		emit_bx(fs, BC_NEWBLK, r, (uint32_t)type_k(fs, t));
		int64_t idx = 0;
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			Node *val = e;
			if (e->kind == N_KEYVALUE) {
				idx = const_to_int64(e->u.kv.key->cv);
				val = e->u.kv.value;
			}
			if (val->kind == N_COMPOSITELIT && !val->type)
				val->type = u->elem;
			int v = pre && pre[i] >= 0 ? pre[i] : alloc_reg(fs);
			if (!(pre && pre[i] >= 0))
				value_here(fs, val, u->elem, v);
			int ir = alloc_reg(fs);
			load_const(fs, type_basic[TY_INT], const_int64(idx), ir);
			emit(fs, BC_ASET, r, ir, v);
			emit_sbx(fs, BC_EXT, 0, (int32_t)u->len);
			fs->top = save;
			idx++;
		}
		break;
	}
	case TY_SLICE: {
		int64_t max = 0, idx = 0;
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			if (e->kind == N_KEYVALUE)
				idx = const_to_int64(e->u.kv.key->cv);
			idx++;
			if (idx > max)
				max = idx;
		}
		int lr = alloc_reg(fs);
		load_const(fs, type_basic[TY_INT], const_int64(max), lr);
		emitx(fs, BC_MKSLICE, 1, r, lr, lr);
		emit_sbx(fs, BC_EXT, 0, type_k(fs, u->elem));
		idx = 0;
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			Node *val = e;
			if (e->kind == N_KEYVALUE) {
				idx = const_to_int64(e->u.kv.key->cv);
				val = e->u.kv.value;
			}
			if (val->kind == N_COMPOSITELIT && !val->type)
				val->type = u->elem;
			int v = pre && pre[i] >= 0 ? pre[i] : alloc_reg(fs);
			if (!(pre && pre[i] >= 0))
				value_here(fs, val, u->elem, v);
			int ir = alloc_reg(fs);
			load_const(fs, type_basic[TY_INT], const_int64(idx), ir);
			emit(fs, BC_SSET, r, ir, v);
			fs->top = save + 1;
			idx++;
		}
		break;
	}
	case TY_MAP:
		emit_bx(fs, BC_MKMAP, r, (uint32_t)type_k(fs, t));
		/* as Go's compiler: the entries whose key and value are both
		 * constant first, then the others, each in order (which one of
		 * two equal keys stays shows it) */
		for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			if (static_lit(e->u.kv.key) && static_lit(e->u.kv.value) ? pass : !pass)
				continue;
			if (e->u.kv.key->kind == N_COMPOSITELIT && !e->u.kv.key->type)
				e->u.kv.key->type = u->key;
			if (e->u.kv.value->kind == N_COMPOSITELIT && !e->u.kv.value->type)
				e->u.kv.value->type = u->elem;
			int k = alloc_reg(fs);
			int v = alloc_reg(fs);
			/* each entry is m[k] = v: as Go orders that */
			if (key_after_value(e->u.kv.key, e->u.kv.value, u->key)) {
				value_here(fs, e->u.kv.value, u->elem, v);
				map_key(fs, e->u.kv.key, u->key, k);
			} else {
				map_key(fs, e->u.kv.key, u->key, k);
				value_here(fs, e->u.kv.value, u->elem, v);
			}
			emitx(fs, BC_MSET, is_aggregate(u->elem) ? 2 : 0, r, k, v);
			fs->top = save;
		}
		break;
	default:
		cerror(n->pos, "internal: composite literal of %s", type_string(t, false));
	}
	fs->top = save > r ? save : r + 1;
	if (dst >= 0)
		fs->top = save;
	return r;
}

/* Conversions T(x). */
enum { CV_RUNE2STR = 1, CV_BYTES2STR, CV_STR2BYTES, CV_RUNES2STR, CV_STR2RUNES, CV_SLICE2ARRPTR };

/* konst: the operand is a constant */
static void convert_to(FnState *fs, Type *from, Type *to, int r, bool konst)
{
	Type *fu = type_under(from), *tu = type_under(to);
	if (type_is_untyped(fu))
		fu = type_under(type_default(fu));
	if (type_is_interface(tu)) {
		box_if_needed(fs, from, to, r);
		return;
	}
	if (type_is_integer(fu) && type_is_integer(tu)) {
		wrap_int(fs, to, r);
		return;
	}
	if (type_is_integer(fu) && type_is_float(tu)) {
		emit(fs, type_is_unsigned(fu) ? BC_U2F : BC_I2F, r, r, 0);
		if (type_bits(tu) == 32)
			emit(fs, BC_F32, r, r, 0);
		return;
	}
	if (type_is_float(fu) && type_is_integer(tu)) {
		/* as Go on amd64 converts (out of range is implementation-
		 * defined): uint64 its own way, uint32 through int64, the
		 * narrower types through int32 (X) */
		int bits = type_bits(tu);
		if (type_is_unsigned(tu) && bits == 64)
			emit(fs, BC_F2U, r, r, 0);
		else
			emitx(fs, BC_F2I, bits < 32 || (bits == 32 && !type_is_unsigned(tu)), r, r, 0);
		wrap_int(fs, to, r);
		return;
	}
	if (type_is_float(fu) && type_is_float(tu)) {
		if (type_bits(tu) == 32)
			emit(fs, BC_F32, r, r, 0);
		return;
	}
	if (type_is_string(tu)) {
		if (type_is_integer(fu))
			emit(fs, BC_CONV, r, r, CV_RUNE2STR);
		else if (fu->kind == TY_SLICE && type_under(fu->elem)->kind == TY_UINT8)
			emit(fs, BC_CONV, r, r, CV_BYTES2STR);
		else if (fu->kind == TY_SLICE)
			emit(fs, BC_CONV, r, r, CV_RUNES2STR);
		return;
	}
	if (type_is_string(fu) && tu->kind == TY_SLICE) {
		/* x 1: a constant's bytes, an array of just their length in Go;
		 * another string's go to the heap, rounded up to a size class */
		emitx(fs, BC_CONV, konst, r, r, type_under(tu->elem)->kind == TY_UINT8 ? CV_STR2BYTES : CV_STR2RUNES);
		return;
	}
	if (fu->kind == TY_SLICE && tu->kind == TY_POINTER) {
		/* a slice's elements are laid out as an array block: the
		 * pointer is its data, once the length is checked */
		emit(fs, BC_CONV, r, r, CV_SLICE2ARRPTR);
		emit_sbx(fs, BC_EXT, 0, (int32_t)type_under(tu->elem)->len);
		return;
	}
	if (type_is_complex(fu) && type_is_complex(tu)) {
		if (type_bits(tu) == 64) /* complex64 */
			emitx(fs, BC_CPLX, 8 | 16, r, r, r);
		return;
	}
	/* identical underlying types: no change in representation */
}

/* r = min(r, a) or max(r, a), of type t (a second argument on). */
static void minmax_step(FnState *fs, Builtin bi, Type *t, int r, int a)
{
	if (type_is_float(t)) {
		/* NaN and signed zeros as Go's: not a comparison */
		emit(fs, bi == BI_MIN ? BC_MINF : BC_MAXF, r, r, a);
		return;
	}
	int c = alloc_reg(fs);
	Opcode lt = type_is_string(t) ? BC_LTS : type_is_unsigned(t) ? BC_LTU : BC_LTI;
	if (bi == BI_MIN)
		emit(fs, lt, c, a, r);
	else
		emit(fs, lt, c, r, a);
	int j = emit_jump(fs, BC_JMPF, c);
	emit(fs, BC_MOVE, r, a, 0);
	patch_here(fs, j);
}

/* A builtin given one call of several results as all its arguments
 * (append(f()), copy(g()), delete(h()), complex(p()), min(q())): the
 * results, in consecutive registers from the call, are the arguments.
 * They are the call's fresh values, so nothing needs copying. */
static void builtin_spread(FnState *fs, Node *n, Builtin bi, int r)
{
	Node *call = n->u.call.args.v[0];
	Type *tt = call->type;
	int k = tt->nfields;
	int gr = call_expr(fs, ast_unparen(call), k);
	switch (bi) {
	case BI_APPEND: {
		Type *et = type_under(n->type)->elem;
		for (int i = 1; i < k; i++)
			box_if_needed(fs, tt->fields[i].type, et, gr + i);
		emit(fs, BC_APPEND, gr, gr + 1, k - 1);
		emit_sbx(fs, BC_EXT, is_aggregate(et) ? type_k(fs, et) : 0xFFFF, (int32_t)type_size(et));
		if (r != gr)
			emit(fs, BC_MOVE, r, gr, 0);
		break;
	}
	case BI_COPY: {
		Type *et = type_under(tt->fields[0].type)->elem;
		emitx(fs, BC_COPY, type_is_string(tt->fields[1].type) ? 1 : 0, r, gr, gr + 1);
		emit_sbx(fs, BC_EXT, is_aggregate(et) ? type_k(fs, et) : 0xFFFF, 0);
		break;
	}
	case BI_DELETE: {
		Type *kt = type_under(tt->fields[0].type)->key;
		box_if_needed(fs, tt->fields[1].type, kt, gr + 1);
		if (boxed_key(kt))
			emit_bx(fs, BC_BOX, gr + 1, (uint32_t)type_k(fs, kt));
		emit(fs, BC_MDEL, gr, gr + 1, 0);
		break;
	}
	case BI_COMPLEX:
		emitx(fs, BC_CPLX, 7 | (type_bits(n->type) == 64 ? 16 : 0), r, gr, gr + 1);
		break;
	case BI_MIN:
	case BI_MAX:
		emit(fs, BC_MOVE, r, gr, 0);
		for (int i = 1; i < k; i++)
			minmax_step(fs, bi, n->type, r, gr + i);
		break;
	default:
		cerror(n->pos, "gol: builtin %s of several results is not supported yet", ast_expr_string(n->u.call.fun));
	}
}

static int builtin_call(FnState *fs, Node *n, Builtin bi, int dst)
{
	NodeList *args = &n->u.call.args;
	int save = fs->top;
	int r = dst_or_new(fs, dst);
	if (args->len == 1 && args->v[0]->type && args->v[0]->type->kind == TY_TUPLE && bi != BI_PRINT
	    && bi != BI_PRINTLN) {
		builtin_spread(fs, n, bi, r);
		fs->top = r >= save ? r + 1 : save;
		if (dst >= 0)
			fs->top = save;
		return r;
	}
	switch (bi) {
	case BI_LEN:
	case BI_CAP: {
		if (n->cv) {
			load_const(fs, type_basic[TY_INT], n->cv, r);
			break;
		}
		Type *u = type_under(args->v[0]->type);
		if (u->kind == TY_POINTER)
			u = type_under(u->elem);
		if (u->kind == TY_ARRAY) {
			load_const(fs, type_basic[TY_INT], const_int64(u->len), r);
			break;
		}
		int a = expr(fs, args->v[0], -1);
		if (u->kind == TY_CHAN)
			emitx(fs, BC_CHLEN, bi == BI_CAP, r, a, 0);
		else if (type_is_string(u))
			emit(fs, BC_STRLEN, r, a, 0);
		else if (u->kind == TY_MAP)
			emit(fs, BC_MLEN, r, a, 0);
		else
			emit(fs, bi == BI_LEN ? BC_SLEN : BC_SCAP, r, a, 0);
		break;
	}
	case BI_APPEND: {
		Type *st = n->type;
		int s = alloc_reg(fs);
		expr_to(fs, args->v[0], s);
		Type *et = type_under(st)->elem;
		int64_t esize = type_size(et);
		int agg = is_aggregate(et) ? type_k(fs, et) : 0xFFFF;
		if (n->u.call.ellipsis) {
			int o = expr(fs, args->v[1], -1);
			emitx(fs, BC_APPENDS, type_is_string(args->v[1]->type) ? 1 : 0, r, s, o);
			emit_sbx(fs, BC_EXT, agg, (int32_t)esize);
			break;
		}
		int nvals = args->len - 1;
		int base = alloc_regs(fs, nvals > 0 ? nvals : 1);
		Type **to = GC_MALLOC(sizeof(Type *) * (size_t)(nvals + 1));
		for (int i = 0; i < nvals; i++)
			to[i] = type_under(st)->elem;
		values_in_gc_order(fs, args->v + 1, nvals, to, NULL, base, false, true);
		emit(fs, BC_APPEND, s, base, nvals);
		emit_sbx(fs, BC_EXT, agg, (int32_t)esize);
		if (r != s)
			emit(fs, BC_MOVE, r, s, 0);
		break;
	}
	case BI_MAKE: {
		Type *t = n->type, *u = type_under(t);
		if (u->kind == TY_SLICE) {
			int l = alloc_reg(fs);
			expr_to(fs, args->v[1], l);
			int c = l;
			if (args->len > 2) {
				c = alloc_reg(fs);
				expr_to(fs, args->v[2], c);
			}
			emitx(fs, BC_MKSLICE, args->len > 2 ? 0 : 1, r, l, c);
			emit_sbx(fs, BC_EXT, 0, type_k(fs, u->elem));
		} else if (u->kind == TY_MAP) {
			emit_bx(fs, BC_MKMAP, r, (uint32_t)type_k(fs, t));
		} else {
			int c = alloc_reg(fs);
			if (args->len > 1)
				expr_to(fs, args->v[1], c);
			emitx(fs, BC_MKCHAN, args->len > 1 ? 0 : 1, r, c, type_k(fs, t));
		}
		break;
	}
	case BI_NEW: {
		Type *t = type_under(n->type)->elem;
		if (is_aggregate(t)) {
			emit_bx(fs, BC_NEWBLK, r, (uint32_t)type_k(fs, t));
		} else {
			emit(fs, BC_NEWCELL, r, 0, 0);
		}
		break;
	}
	case BI_DELETE: {
		int m = expr(fs, args->v[0], -1);
		int k = alloc_reg(fs);
		map_key(fs, args->v[1], type_under(args->v[0]->type)->key, k);
		emit(fs, BC_MDEL, m, k, 0);
		break;
	}
	case BI_COPY: {
		int a = expr(fs, args->v[0], -1);
		int b = expr(fs, args->v[1], -1);
		emitx(fs, BC_COPY, type_is_string(args->v[1]->type) ? 1 : 0, r, a, b);
		Type *et = type_under(args->v[0]->type)->elem;
		emit_sbx(fs, BC_EXT, is_aggregate(et) ? type_k(fs, et) : 0xFFFF, 0);
		break;
	}
	case BI_PANIC: {
		int a = alloc_reg(fs);
		value_here(fs, args->v[0], type_any, a);
		emit(fs, BC_PANIC, a, 0, 0);
		break;
	}
	case BI_RECOVER:
		emit(fs, BC_RECOVER, r, 0, 0);
		break;
	case BI_PRINT:
	case BI_PRINTLN:
		if (args->len == 1 && args->v[0]->type && args->v[0]->type->kind == TY_TUPLE) {
			/* println(f()): each of f's results */
			Type *tt = args->v[0]->type;
			int gr = call_expr(fs, ast_unparen(args->v[0]), tt->nfields);
			for (int i = 0; i < tt->nfields; i++) {
				int flags = (bi == BI_PRINTLN && i > 0 ? 1 : 0) | (bi == BI_PRINTLN && i == tt->nfields - 1 ? 2 : 0);
				emit(fs, BC_PRINT, gr + i, type_k(fs, tt->fields[i].type), flags);
			}
			break;
		}
		for (int i = 0; i < args->len; i++) {
			int a = expr(fs, args->v[i], -1);
			Type *t = args->v[i]->type;
			if (type_is_untyped(t))
				t = type_default(t);
			int flags = (bi == BI_PRINTLN && i > 0 ? 1 : 0) | (bi == BI_PRINTLN && i == args->len - 1 ? 2 : 0);
			emit(fs, BC_PRINT, a, type_k(fs, t), flags);
		}
		if (bi == BI_PRINTLN && args->len == 0)
			emit(fs, BC_PRINT, 0, 0, 4);
		break;
	case BI_MIN:
	case BI_MAX: {
		if (n->cv) {
			load_const(fs, n->type, n->cv, r);
			break;
		}
		expr_to(fs, args->v[0], r);
		for (int i = 1; i < args->len; i++)
			minmax_step(fs, bi, n->type, r, expr(fs, args->v[i], -1));
		break;
	}
	case BI_CLOSE: {
		int a = expr(fs, args->v[0], -1);
		emit(fs, BC_CLOSE, a, 0, 0);
		break;
	}
	case BI_REAL:
	case BI_IMAG: {
		if (n->cv) {
			load_const(fs, n->type, n->cv, r);
			break;
		}
		int a = expr(fs, args->v[0], -1);
		emitx(fs, BC_CPLX, (bi == BI_REAL ? 5 : 6) | (type_bits(n->type) == 32 ? 16 : 0), r, a, a);
		break;
	}
	case BI_COMPLEX: {
		if (n->cv) {
			load_const(fs, n->type, n->cv, r);
			break;
		}
		int a = alloc_reg(fs), b = alloc_reg(fs);
		expr_to(fs, args->v[0], a);
		expr_to(fs, args->v[1], b);
		emitx(fs, BC_CPLX, 7 | (type_bits(n->type) == 64 ? 16 : 0), r, a, b);
		break;
	}
	case BI_CLEAR: {
		int a = expr(fs, args->v[0], -1);
		emitx(fs, BC_CLEAR, type_under(args->v[0]->type)->kind == TY_MAP ? 0 : 1, a, 0, 0);
		break;
	}
	default:
		cerror(n->pos, "gol: builtin %s is not supported yet", ast_expr_string(n->u.call.fun));
	}
	fs->top = r >= save ? r + 1 : save;
	if (dst >= 0)
		fs->top = save;
	return r;
}

/* The Go-level name of a method's function: main.T.M or main.(*T).M. */
static const char *method_name(Obj *fobj)
{
	Node *fd = fobj->decl;
	Node *rt = fd->u.func.recv->u.field.type;
	bool ptr = false;
	while (rt->kind == N_PAREN)
		rt = rt->u.un1.x;
	if (rt->kind == N_STAR) {
		ptr = true;
		rt = rt->u.un1.x;
	}
	char buf[256];
	snprintf(buf, sizeof buf, ptr ? "%s.(*%s).%s" : "%s.%s.%s", fobj->pkg ? fobj->pkg : "main",
		 rt->kind == N_IDENT ? rt->u.ident.name : "?", fobj->name);
	return ast_strndup(buf, strlen(buf));
}

Proto **compiled_protos;
int ncompiled_protos;
static int capcompiled_protos;

static void add_compiled_proto(Proto *p)
{
	if (ncompiled_protos == capcompiled_protos) {
		capcompiled_protos = capcompiled_protos ? capcompiled_protos * 2 : 64;
		Proto **pv = GC_MALLOC(sizeof *pv * (size_t)capcompiled_protos);
		if (ncompiled_protos)
			memcpy(pv, compiled_protos, sizeof *pv * (size_t)ncompiled_protos);
		compiled_protos = pv;
	}
	compiled_protos[ncompiled_protos++] = p;
}

static GolClosure **closures_by_obj;
static Obj **closure_objs;
static int nclosures, capclosures;

/* Every top-level function and method has one closure object, made on
 * first reference and compiled later (compile_program fills in protos). */
static GolClosure *func_closure(Obj *o)
{
	for (int i = 0; i < nclosures; i++)
		if (closure_objs[i] == o)
			return closures_by_obj[i];
	GolClosure *f = o->replaces ? func_closure(o->replaces) : GC_MALLOC(sizeof *f);
	if (o->pkg && strcmp(o->pkg, "main")) {
		/* a standard-library function: implemented natively */
		char name[256];
		if (o->decl && o->decl->kind == N_FUNCDECL && o->decl->u.func.recv) {
			Node *rt = o->decl->u.func.recv->u.field.type;
			while (rt->kind == N_PAREN || rt->kind == N_STAR)
				rt = rt->u.un1.x;
			snprintf(name, sizeof name, "%s.%s.%s", o->pkg, rt->kind == N_IDENT ? rt->u.ident.name : "?", o->name);
		} else {
			snprintf(name, sizeof name, "%s.%s", o->pkg, o->name);
		}
		f->name = ast_strndup(name, strlen(name));
		f->native = natives_lookup(name);
		if (!f->native) {
			cerror(ref_pos, "gol: %s is not implemented yet", name);
			return f; /* not kept: a later use (at the REPL) is reported too */
		}
	}
	if (nclosures == capclosures) {
		int cap = capclosures ? capclosures * 2 : 32;
		GolClosure **v = GC_MALLOC(sizeof *v * (size_t)cap);
		Obj **w = GC_MALLOC(sizeof *w * (size_t)cap);
		if (nclosures) {
			memcpy(v, closures_by_obj, sizeof *v * (size_t)nclosures);
			memcpy(w, closure_objs, sizeof *w * (size_t)nclosures);
		}
		closures_by_obj = v;
		closure_objs = w;
		capclosures = cap;
	}
	closures_by_obj[nclosures] = f;
	closure_objs[nclosures] = o;
	nclosures++;
	return f;
}

/* Compile a call; results land in consecutive registers starting at the
 * returned one (nres of them). */
static bool devirtualized(Node *x);
static int call_expr(FnState *fs, Node *n, int nres)
{
	Node *fun = ast_unparen(n->u.call.fun);
	Type *ft = type_under(fun->type);
	int base = alloc_reg(fs);
	int nargs = 0;
	int known = -1; /* constant index of a known callee: CALLK */
	/* method calls: the receiver is the first argument */
	bool dynamic = false;
	const char *mname = NULL;
	if (fun->kind == N_SELECTOR && !(fun->u.selector.x->kind == N_IDENT && fun->u.selector.x->obj
					 && ((Obj *)fun->u.selector.x->obj)->kind == OBJ_PKG)) {
		Type *bt = fun->u.selector.x->type;
		Selection sel;
		const char *name = fun->u.selector.sel->u.ident.name;
		if (fun->u.selector.x->kind != N_BAD && bt && !is_type_expr(fun->u.selector.x)
		    && type_lookup(bt, name, &sel) == 2) {
			int rr = alloc_reg(fs);
			expr_to(fs, fun->u.selector.x, rr);
			for (int i = 0; i < sel.depth; i++)
				emit(fs, BC_GETF, rr, rr, sel.path[i]);
			Type *rt = receiver_type(bt, &sel);
			if (type_is_interface(rt) && in_defer) {
				/* defer/go of a dynamic method: the method value is
				 * bound now (a nil interface panics here, as in Go),
				 * and its register takes the receiver's place */
				emitx(fs, BC_BIND, 1, base, rr, add_kp(fs, (void *)name));
				fs->top = rr;
				nargs = -1; /* becomes 0 below: no receiver argument */
			} else if (type_is_interface(rt)) {
				dynamic = true;
				mname = name;
			} else {
				Method *m = sel.method;
				known = add_kp(fs, func_closure(m->func)); /* CALLK, or LOADK + CALL */
				Type *ru = type_under(rt);
				bool is_ptr = ru->kind == TY_POINTER;
				if (m->ptr_recv && !is_ptr && !is_aggregate(rt)) {
					/* &x for a scalar-based receiver */
					Node addr = {0};
					addr.kind = N_UNARY;
					addr.pos = fun->pos;
					addr.u.op.op = OP_AND;
					addr.u.op.x = fun->u.selector.x;
					addr.type = type_pointer(rt);
					if (sel.depth == 0)
						unary(fs, &addr, rr);
				} else if (!m->ptr_recv && is_ptr) {
					if (is_aggregate(ru->elem)) {
						emit(fs, BC_NILCHK, rr, 0, 0);
						if (in_defer)
							emit_bx(fs, BC_CLONE, rr, (uint32_t)type_k(fs, ru->elem));
					} else {
						emit(fs, BC_LOAD, rr, rr, 0);
					}
				} else if (!m->ptr_recv && in_defer && is_aggregate(rt)) {
					/* a deferred value method gets the receiver as it is now */
					emit_bx(fs, BC_CLONE, rr, (uint32_t)type_k(fs, rt));
				}
				/* the arguments follow the receiver: registers the
				 * receiver's expression used past it (the load of a
				 * captured pointer) are free again */
				fs->top = rr + 1;
			}
			nargs = nargs < 0 ? 0 : 1;
		} else {
			expr_to(fs, fun, base);
		}
	} else if (fun->kind == N_IDENT && fun->obj && ((Obj *)fun->obj)->kind == OBJ_FUNC && ((Obj *)fun->obj)->global) {
		known = add_kp(fs, func_closure(fun->obj));
	} else {
		expr_to(fs, fun, base);
	}
	/* arguments */
	NodeList *args = &n->u.call.args;
	int np = ft->nfields;
	if (args->len == 1 && ast_unparen(args->v[0])->kind == N_CALL && args->v[0]->type
	    && args->v[0]->type->kind == TY_TUPLE) {
		/* f(g()) */
		Type *tt = args->v[0]->type;
		int gr = call_expr(fs, ast_unparen(args->v[0]), tt->nfields);
		for (int i = 0; i < tt->nfields; i++) {
			int d = base + 1 + nargs + i;
			if (d >= fs->top)
				alloc_reg(fs);
			if (gr + i != d)
				emit(fs, BC_MOVE, d, gr + i, 0);
		}
		/* variadic packing of g()'s results */
		if (ft->variadic) {
			int fixed = np - 1;
			int nv = tt->nfields - fixed;
			int first = base + 1 + nargs + fixed;
			Type *et = type_under(ft->fields[np - 1].type)->elem;
			for (int i = 0; i < nv; i++)
				box_if_needed(fs, tt->fields[fixed + i].type, et, first + i);
			int s = first;
			int tmp = alloc_reg(fs);
			emit(fs, BC_LOADNIL, tmp, 0, 0);
			emit(fs, BC_APPEND, tmp, first, nv);
			emit_sbx(fs, BC_EXT, 0xFFFF, 16);
			emit(fs, BC_MOVE, s, tmp, 0);
			nargs += fixed + 1;
		} else {
			for (int i = 0; i < tt->nfields; i++)
				box_if_needed(fs, tt->fields[i].type, ft->fields[i].type, base + 1 + nargs + i);
			nargs += tt->nfields;
		}
		fs->top = base + 1 + nargs;
	} else {
		int fixed = ft->variadic && !n->u.call.ellipsis ? np - 1 : np;
		int nfix = fixed < args->len ? fixed : args->len;
		bool pack = ft->variadic && !n->u.call.ellipsis;
		int nv = pack ? args->len - fixed : 0;
		int first = alloc_regs(fs, nfix);
		int s = pack ? alloc_reg(fs) : -1, vb = nv > 0 ? alloc_regs(fs, nv) : -1;
		/* as Go's compiler orders them: the arguments that call (and
		 * what it evaluates with them, evaluated_early) first, left to
		 * right, then the others (a variable is read after the calls
		 * beside it: fmt.Println(x, f())); a go or defer statement's
		 * all in order */
		{
			Node **v = GC_MALLOC(sizeof(Node *) * (size_t)(nfix + nv + 1));
			Type **to = GC_MALLOC(sizeof(Type *) * (size_t)(nfix + nv + 1));
			int *regs = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(nfix + nv + 1));
			for (int i = 0; i < nfix + nv; i++) {
				v[i] = args->v[i];
				to[i] = i < nfix ? ft->fields[i].type : type_under(ft->fields[np - 1].type)->elem;
				regs[i] = i < nfix ? first + i : vb + i - nfix;
			}
			values_in_gc_order(fs, v, nfix + nv, to, regs, 0, n == go_defer_call, false);
		}
		nargs += nfix;
		if (pack) {
			if (nv > 0) {
				Type *et = type_under(ft->fields[np - 1].type)->elem;
				emit(fs, BC_LOADNIL, s, 0, 0);
				emit(fs, BC_APPEND, s, vb, nv);
				emit_sbx(fs, BC_EXT, is_aggregate(et) ? type_k(fs, et) : 0xFFFF, (int32_t)type_size(et));
			} else {
				emit(fs, BC_LOADNIL, s, 0, 0);
			}
			fs->top = s + 1;
			nargs++;
		}
	}
	/* the call itself is where Go puts it: at its '(' (a chain split over
	 * lines, or a literal called at its closing brace, is on that line) */
	int line = fs->line;
	if (n->u.call.lparen.line && !in_defer) /* go and defer stay at their statement's */
		fs->line = n->u.call.lparen.line;
	if (dynamic) {
		/* x: Go calls the concrete method directly (see devirtualized) */
		emitx(fs, BC_CALLM, devirtualized(fun->u.selector.x), base, nargs, nres);
		emit_sbx(fs, BC_EXT, 0, add_kp(fs, (void *)mname));
	} else if (known >= 0 && !in_defer) {
		emit(fs, BC_CALLK, base, nargs, nres);
		emit_sbx(fs, BC_EXT, 0, known);
	} else {
		if (known >= 0)
			emit_bx(fs, BC_LOADK, base, (uint32_t)known), fs->code[fs->ncode - 1].op = BC_LOADK;
		emit(fs, BC_CALL, base, nargs, nres);
	}
	fs->line = line;
	fs->top = base + (nres > 0 ? nres : 0);
	if (fs->top > fs->maxregs)
		fs->maxregs = fs->top;
	return base;
}

/* Is fun, called, a method with a receiver (x.M, not pkg.F or a field of
 * func type)? */
/* The value a local variable was declared with, if it is one of a list
 * of names with as many values. */
static Node *declared_value(Obj *o)
{
	Node *d = o->decl;
	if (!d)
		return NULL;
	NodeList *names = d->kind == N_ASSIGN ? &d->u.assign.lhs : &d->u.value.names;
	NodeList *values = d->kind == N_ASSIGN ? &d->u.assign.rhs : &d->u.value.values;
	if (names->len != values->len)
		return NULL;
	for (int i = 0; i < names->len; i++)
		if (names->v[i]->kind == N_IDENT && names->v[i]->obj == o)
			return values->v[i];
	return NULL;
}

/* Does Go 1.19 call the method of interface value x directly, on the
 * concrete value it must hold? Its devirtualizer does when x is a local,
 * never assigned again nor addressed, declared with (a chain of such
 * locals ending in) a concrete value. It matters to a value method of T
 * called through a nil *T: the direct call dereferences the pointer (a nil
 * dereference) where the interface's method, Go's autogenerated (*T).M,
 * panics with its own message. */
static bool devirtualized(Node *x)
{
	Node *e = ast_unparen(x);
	for (int hops = 0; hops < 16; hops++) {
		Obj *o = e->kind == N_IDENT ? e->obj : NULL;
		if (!o || o->kind != OBJ_VAR || o->global || o->reassigned || o->addr_taken)
			return false;
		Node *v = declared_value(o);
		if (!v || !v->type)
			return false;
		v = ast_unparen(v);
		if (v->kind == N_CALL && is_type_expr(ast_unparen(v->u.call.fun)) && v->u.call.args.len == 1)
			v = ast_unparen(v->u.call.args.v[0]); /* I(x) */
		if (!v->type)
			return false;
		if (!type_is_interface(v->type))
			return v->type->kind != TY_UNTYPED_NIL;
		e = v;
	}
	return false;
}

static bool has_receiver(Node *fun)
{
	if (fun->kind != N_SELECTOR)
		return false;
	Node *x = fun->u.selector.x;
	if (x->kind == N_IDENT && x->obj && ((Obj *)x->obj)->kind == OBJ_PKG)
		return false;
	Selection sel;
	return x->type && type_lookup(x->type, fun->u.selector.sel->u.ident.name, &sel) == 2;
}

static int funclit(FnState *fs, Node *n, int dst)
{
	char name[256];
	fs->nlit++;
	/* Go 1.19's names: main.f.func1, a literal inside it main.f.func1.1,
	 * one in a package variable's initializer main.glob..func1 */
	if (fs->outer)
		snprintf(name, sizeof name, "%s.%d", fs->name, fs->nlit);
	else if (!strcmp(fs->name, "main.init"))
		snprintf(name, sizeof name, "main.glob..func%d", fs->nlit);
	else
		snprintf(name, sizeof name, "%s.func%d", fs->name, fs->nlit);
	Proto *p = compile_function(fs, ast_strndup(name, strlen(name)), n->type, NULL, n->u.funclit.type,
				    n->u.funclit.body);
	int r = dst_or_new(fs, dst);
	Proto **v = GC_MALLOC(sizeof *v * (size_t)(fs->p->nprotos + 1));
	if (fs->p->nprotos)
		memcpy(v, fs->p->protos, sizeof *v * (size_t)fs->p->nprotos);
	v[fs->p->nprotos] = p;
	fs->p->protos = v;
	emit_bx(fs, BC_CLOSURE, r, (uint32_t)fs->p->nprotos++);
	return r;
}

static int expr(FnState *fs, Node *n, int dst)
{
	for (int h = fs->nhoisted - 1; h >= 0; h--)
		if (fs->hoisted[h].n == n) {
			int r = dst_or_new(fs, dst);
			if (r != fs->hoisted[h].reg)
				emit(fs, BC_MOVE, r, fs->hoisted[h].reg, 0);
			return r;
		}
	C->use_pos = n->pos;
	int line_saved = fs->line;
	/* a variable read keeps the line of the expression around it, where
	 * Go's compiler puts it (-race names that line for it) */
	if (n->pos.line && n->kind != N_IDENT)
		fs->line = n->pos.line;
	/* a selector is where its dot is, as Go's parser places it (a chain
	 * split over lines reads each field at its own dot's line) */
	if (n->kind == N_SELECTOR && n->u.selector.op.line)
		fs->line = n->u.selector.op.line;
	int r;
	if (n->cv && n->type && n->kind != N_CALL) {
		r = dst_or_new(fs, dst);
		load_const(fs, n->type, n->cv, r);
		fs->line = line_saved;
		return r;
	}
	if (n->cv && n->kind == N_CALL && n->type) {
		r = dst_or_new(fs, dst);
		load_const(fs, n->type, n->cv, r);
		fs->line = line_saved;
		return r;
	}
	ref_pos = ast_start(n);
	switch (n->kind) {
	case N_PAREN:
		r = expr(fs, n->u.un1.x, dst);
		break;
	case N_IDENT: {
		Obj *o = n->obj;
		if (!o) {
			cerror(n->pos, "internal: unresolved %s", n->u.ident.name);
			r = dst_or_new(fs, dst);
			break;
		}
		if (o->kind == OBJ_NIL) {
			r = dst_or_new(fs, dst);
			emit(fs, BC_LOADNIL, r, 0, 0);
			break;
		}
		if (o->kind == OBJ_FUNC) {
			r = dst_or_new(fs, dst);
			emit_bx(fs, BC_LOADK, r, (uint32_t)add_kp(fs, func_closure(o)));
			break;
		}
		if (o->kind == OBJ_CONST) {
			r = dst_or_new(fs, dst);
			load_const(fs, n->type ? n->type : o->type, o->cv, r);
			break;
		}
		/* a local in a register can be used where it is */
		if (dst < 0 && !o->global) {
			int li = find_local(fs, o);
			if (li >= 0 && !fs->locals[li].cell) {
				r = fs->locals[li].reg;
				break;
			}
		}
		r = dst_or_new(fs, dst);
		read_var(fs, o, r);
		break;
	}
	case N_BINARY:
		r = binary(fs, n, dst);
		break;
	case N_UNARY:
		r = unary(fs, n, dst);
		break;
	case N_STAR: {
		int save = fs->top;
		int p = expr(fs, n->u.un1.x, -1);
		r = result_reg(fs, dst, save);
		if (is_aggregate(n->type)) {
			if (r != p)
				emit(fs, BC_MOVE, r, p, 0);
			emit(fs, BC_NILCHK, r, 0, 0);
		} else {
			emit(fs, BC_LOAD, r, p, 0);
		}
		break;
	}
	case N_SELECTOR:
		r = selector(fs, n, dst);
		break;
	case N_INDEX:
		r = index_expr(fs, n, dst, false);
		break;
	case N_SLICE:
		r = slice_expr(fs, n, dst);
		break;
	case N_COMPOSITELIT:
		r = complit(fs, n, dst);
		break;
	case N_FUNCLIT:
		r = funclit(fs, n, dst);
		break;
	case N_TYPEASSERT: {
		int save = fs->top;
		int b = expr(fs, n->u.assert.x, -1);
		r = result_reg(fs, dst, save);
		emitx(fs, BC_ASSERT, type_is_interface(n->type) ? 2 : 0, r, b, type_k(fs, n->type));
		emit_sbx(fs, BC_EXT, 0, type_k(fs, n->u.assert.x->type));
		break;
	}
	case N_CALL: {
		Node *fun = ast_unparen(n->u.call.fun);
		Obj *fo = fun->kind == N_IDENT ? fun->obj : NULL;
		if (fo && fo->kind == OBJ_BUILTIN) {
			r = builtin_call(fs, n, fo->builtin, dst);
			break;
		}
		/* conversions */
		if (is_type_expr(fun)) {
			r = dst_or_new(fs, dst);
			expr_to(fs, n->u.call.args.v[0], r);
			convert_to(fs, n->u.call.args.v[0]->type, n->type, r, n->u.call.args.v[0]->cv != NULL);
			break;
		}
		/* math.Sqrt and math.Abs are single instructions: no call */
		Obj *po = fun->kind == N_SELECTOR ? fun->u.selector.x->obj : NULL;
		Obj *mo = fun->kind == N_SELECTOR ? fun->obj : NULL;
		if (po && po->kind == OBJ_PKG && mo && mo->kind == OBJ_FUNC && mo->pkg && !strcmp(mo->pkg, "math")
		    && (!strcmp(mo->name, "Sqrt") || !strcmp(mo->name, "Abs"))) {
			r = dst_or_new(fs, dst);
			int save = fs->top;
			int a = expr(fs, n->u.call.args.v[0], -1);
			emit(fs, mo->name[0] == 'S' ? BC_SQRTF : BC_ABSF, r, a, 0);
			fs->top = save > r ? save : r + 1;
			break;
		}
		int save = fs->top;
		int nres = n->type && n->type->kind == TY_TUPLE ? n->type->nfields : 1;
		int b = call_expr(fs, n, nres);
		if (dst >= 0) {
			if (dst != b)
				emit(fs, BC_MOVE, dst, b, 0);
			fs->top = save;
			r = dst;
		} else {
			if (b != save)
				emit(fs, BC_MOVE, save, b, 0);
			fs->top = save + 1;
			r = save;
		}
		break;
	}
	default:
		cerror(n->pos, "gol: %s is not supported yet", node_kind_name(n->kind));
		r = dst_or_new(fs, dst);
		break;
	}
	fs->line = line_saved;
	return r;
}

static void expr_to(FnState *fs, Node *n, int dst)
{
	int r = expr(fs, n, dst);
	if (r != dst)
		emit(fs, BC_MOVE, dst, r, 0);
}

/* ---- statements ---------------------------------------------------------------------- */

static void zero_value(FnState *fs, Type *t, int dst)
{
	if (is_aggregate(t))
		emit_bx(fs, BC_NEWBLK, dst, (uint32_t)type_k(fs, t));
	else
		emit(fs, BC_LOADNIL, dst, 0, 0);
}

/* An assignment's target, located: Go assigns in two phases, first
 * evaluating the operands of index expressions and pointer indirections
 * on the left together with the right-hand side (calls left to right),
 * then storing. Where locating the target calls a function, its operands
 * are evaluated into registers before the right-hand side. */
enum { LOC_LATE, LOC_INDEX, LOC_FIELD, LOC_STAR };
typedef struct Located {
	int kind;       /* LOC_LATE: nothing evaluated (store_to does it all) */
	int b, k;       /* the base (block, slice, map, pointer) and index */
	Selection sel;  /* LOC_FIELD */
} Located;

/* Is selector n a package's member (pkg.Name), not a field or method? */
static bool is_pkg_member(Node *n)
{
	Node *x = n->u.selector.x;
	return x->kind == N_IDENT && x->obj && ((Obj *)x->obj)->kind == OBJ_PKG;
}

/* The register holding operand n of a target: a local's own register,
 * unless copy (a parallel assignment, whose earlier stores may assign
 * that local before this target's store). */
static int target_operand(FnState *fs, Node *n, bool copy)
{
	if (!copy)
		return expr(fs, n, -1);
	int r = alloc_reg(fs);
	expr_to(fs, n, r);
	return r;
}

static void locate(FnState *fs, Node *lhs, Located *t, bool copy)
{
	Node *l = ast_unparen(lhs);
	t->kind = LOC_LATE;
	if (l->kind == N_INDEX) {
		Type *bt = type_under(l->u.index.x->type);
		t->kind = LOC_INDEX;
		t->b = target_operand(fs, l->u.index.x, copy);
		if (bt->kind != TY_MAP) {
			t->k = target_operand(fs, l->u.index.index, copy);
		} else if (copy) {
			t->k = alloc_reg(fs);
			map_key(fs, l->u.index.index, bt->key, t->k);
		} else {
			t->k = map_key_reg(fs, l->u.index.index, bt->key);
		}
	} else if (l->kind == N_SELECTOR && l->u.selector.x->type &&
		   !is_pkg_member(l) &&
		   type_lookup(l->u.selector.x->type, l->u.selector.sel->u.ident.name, &t->sel) == 1) {
		t->kind = LOC_FIELD;
		int b = field_block(fs, l, &t->sel);
		t->b = b;
		if (copy) {
			t->b = alloc_reg(fs);
			emit(fs, BC_MOVE, t->b, b, 0);
		}
	} else if (l->kind == N_STAR) {
		t->kind = LOC_STAR;
		t->b = target_operand(fs, l->u.un1.x, copy);
	}
}

/* Store src into the target t located (second phase). */
static void store_located(FnState *fs, Node *lhs, Located *t, int src)
{
	Node *l = ast_unparen(lhs);
	Type *lt = l->type;
	bool agg = lt && is_aggregate(lt);
	int save = fs->top;
	switch (t->kind) {
	case LOC_INDEX: {
		Type *bt = type_under(l->u.index.x->type);
		if (bt->kind == TY_MAP) { /* the key was converted by locate */
			emitx(fs, BC_MSET, is_aggregate(bt->elem) ? 2 : 0, t->b, t->k, src);
			break;
		}
		if (bt->kind == TY_POINTER)
			bt = type_under(bt->elem);
		bool slice = bt->kind == TY_SLICE;
		if (agg) {
			/* an aggregate element keeps its block: copy into it */
			int d = alloc_regs(fs, 2);
			emit(fs, slice ? BC_SIDX : BC_AIDX, d, t->b, t->k);
			if (!slice)
				emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
			note_ubounds(fs, l->u.index.index, NULL, NULL);
			emit(fs, BC_MOVE, d + 1, src, 0);
			emit_bx(fs, BC_COPYIN, d, (uint32_t)type_k(fs, lt));
			break;
		}
		emit(fs, slice ? BC_SSET : BC_ASET, t->b, t->k, src);
		if (!slice)
			emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
		note_ubounds(fs, l->u.index.index, NULL, NULL);
		break;
	}
	case LOC_FIELD: {
		int f = t->sel.path[t->sel.depth - 1];
		if (agg) {
			int d = alloc_regs(fs, 2);
			emit(fs, BC_GETF, d, t->b, f);
			emit(fs, BC_MOVE, d + 1, src, 0);
			emit_bx(fs, BC_COPYIN, d, (uint32_t)type_k(fs, lt));
			break;
		}
		emit(fs, BC_SETF, t->b, f, src);
		break;
	}
	case LOC_STAR:
		if (agg) {
			int d = alloc_regs(fs, 2);
			emit(fs, BC_MOVE, d, t->b, 0);
			emit(fs, BC_NILCHK, d, 0, 0);
			emit(fs, BC_MOVE, d + 1, src, 0);
			emit_bx(fs, BC_COPYIN, d, (uint32_t)type_k(fs, lt));
		} else {
			emit(fs, BC_STORE, t->b, src, 0);
		}
		break;
	default: /* a variable */
		store_to(fs, lhs, src);
	}
	fs->top = save;
}

/* Locate the element, field or *p target l and store src there. */
static void store_located_now(FnState *fs, Node *l, int src)
{
	Located t;
	locate(fs, l, &t, false);
	store_located(fs, l, &t, src);
}

/* Store register src into the location lhs denotes. */
/* o = the value in src. A struct or array variable is a block that
 * closures and pointers may share: the value is copied into it. */
static void assign_var(FnState *fs, Obj *o, int src)
{
	if (!is_aggregate(o->type)) {
		write_var(fs, o, src);
		return;
	}
	int save = fs->top;
	int d = alloc_reg(fs);
	read_var(fs, o, d);
	int s = alloc_reg(fs);
	emit(fs, BC_MOVE, s, src, 0);
	emit_bx(fs, BC_COPYIN, d, (uint32_t)type_k(fs, o->type));
	fs->top = save;
}

static void store_to(FnState *fs, Node *lhs, int src)
{
	Node *l = ast_unparen(lhs);
	int save = fs->top;
	switch (l->kind) {
	case N_IDENT: {
		if (!strcmp(l->u.ident.name, "_"))
			return;
		assign_var(fs, l->obj, src);
		break;
	}
	case N_SELECTOR:
		if (is_pkg_member(l)) {
			if (l->obj && ((Obj *)l->obj)->kind == OBJ_VAR)
				write_var(fs, l->obj, src);
			break;
		}
		store_located_now(fs, l, src);
		break;
	case N_INDEX:
	case N_STAR:
		store_located_now(fs, l, src);
		break;
	default:
		cerror(l->pos, "internal: assignment target");
	}
	fs->top = save;
}

/* store_to of a value of type from, converted to lhs's interface type when
 * lhs is one (in a new temporary: src may be state the caller reuses). */
static void store_as(FnState *fs, Node *lhs, int src, Type *from)
{
	Type *lt = ast_unparen(lhs)->type;
	if (lt && from && type_is_interface(lt) && !type_is_interface(from)) {
		int save = fs->top;
		int t = alloc_reg(fs);
		emit(fs, BC_MOVE, t, src, 0);
		box_if_needed(fs, from, lt, t);
		store_to(fs, lhs, t);
		fs->top = save;
		return;
	}
	store_to(fs, lhs, src);
}

/* The registers of operands x and y of one operation, evaluated as Go's
 * compiler orders them: y first when only y may call (a call that changes
 * x's variable is seen by the read of x). */
static void operands(FnState *fs, Node *x, Node *y, int *rx, int *ry)
{
	if (may_call(y) && !may_call(x)) {
		*ry = expr(fs, y, -1);
		*rx = expr(fs, x, -1);
	} else {
		*rx = expr(fs, x, -1);
		*ry = expr(fs, y, -1);
	}
}

/* Might evaluating n call a function or receive? (Conservative: any node
 * not known to be free of both says yes.) */
/* Is call n a conversion T(x) that Go's compiler orders as an operand (all
 * but one making a slice of a string's bytes or runes, which calls)? */
static bool operand_conversion(Node *n)
{
	if (!is_type_expr(n->u.call.fun) || n->u.call.args.len != 1)
		return false;
	Type *to = type_under(n->type), *from = type_under(n->u.call.args.v[0]->type);
	return !(to && to->kind == TY_SLICE && from && type_is_string(from));
}

/* Is n itself a call or a receive (not an expression holding one)? */
static bool call_like(Node *n)
{
	n = ast_unparen(n);
	return (n->kind == N_CALL && !operand_conversion(n)) || (n->kind == N_UNARY && n->u.op.op == OP_RECV);
}

static bool may_call(Node *n)
{
	if (!n)
		return false;
	n = ast_unparen(n);
	if (n->cv)
		return false;
	switch (n->kind) {
	case N_IDENT:
	case N_BASICLIT:
		return false;
	case N_SELECTOR:
		return may_call(n->u.selector.x);
	case N_INDEX:
		return may_call(n->u.index.x) || may_call(n->u.index.index);
	case N_STAR:
		return may_call(n->u.un1.x);
	case N_UNARY:
		return n->u.op.op == OP_RECV || may_call(n->u.op.x);
	case N_BINARY:
		return may_call(n->u.op.x) || may_call(n->u.op.y);
	case N_KEYVALUE:
		return may_call(n->u.kv.key) || may_call(n->u.kv.value);
	case N_COMPOSITELIT:
		for (int i = 0; i < n->u.complit.elts.len; i++)
			if (may_call(n->u.complit.elts.v[i]))
				return true;
		return false;
	case N_CALL:
		return !operand_conversion(n) || may_call(n->u.call.args.v[0]);
	default:
		return true;
	}
}

/* x op= y where x is a field, an element of a slice or array, or *p. The
 * operands that locate x are evaluated once, as Go requires (a[f()] += 1
 * calls f once). As Go's compiler orders it, the calls come first: y is
 * evaluated before x is located when locating x calls nothing (f may
 * change what x is, as in a[i] += f() with f changing i), and x is loaded
 * after y in any case, so a 64-bit integer or float64 field is updated by
 * one instruction after y. The loads and stores are at x's line (where a nil pointer
 * panics). Returns false for other targets (globals, cells, maps are the
 * caller's). */
static bool compound_in_place(FnState *fs, Node *l, Op op, Node *y)
{
	Type *lt = l->type, *lu = lt ? type_under(lt) : NULL;
	if (!lu || is_aggregate(lt))
		return false;
	bool field = false, slice = false;
	Selection sel;
	Type *bt = NULL;
	if (field_selector(l, &sel)) {
		field = true;
	} else if (l->kind == N_INDEX) {
		bt = type_under(l->u.index.x->type);
		if (bt->kind == TY_POINTER)
			bt = type_under(bt->elem);
		if (bt->kind != TY_SLICE && bt->kind != TY_ARRAY)
			return false;
		slice = bt->kind == TY_SLICE;
	} else if (l->kind != N_STAR) {
		return false;
	}
	int save = fs->top, line = fs->line;
	int xline = l->pos.line ? l->pos.line : line;
	int v = -1;
	if (may_call(y) && !may_call(l))
		v = expr(fs, y, -1);
	if (field) {
		int b = field_block(fs, l, &sel);
		int f = sel.path[sel.depth - 1];
		int fop = field_opcode(op, lu, false);
		Node *yc = ast_unparen(y);
		if (v < 0 && (fop == BC_FADDI || fop == BC_FSUBI) && yc->cv && yc->cv->kind == CK_INT
		    && const_fits_int(yc->cv, 15, false)) {
			/* a counter: p.n++, p.n -= 2 */
			int64_t k = const_to_int64(yc->cv);
			fs->line = xline;
			emitx(fs, BC_FADDIK, f, b, (uint16_t)(int16_t)(fop == BC_FSUBI ? -k : k), 0);
		} else if (fop >= 0) {
			if (v < 0)
				v = expr(fs, y, -1);
			fs->line = xline;
			emitx(fs, fop, f, b, v, 0);
		} else {
			if (v < 0)
				v = expr(fs, y, -1);
			int cur = alloc_reg(fs);
			fs->line = xline;
			emit(fs, BC_GETF, cur, b, f);
			emit_op_regs(fs, op, lt, cur, cur, v, y->type);
			emit(fs, BC_SETF, b, f, cur);
		}
	} else if (bt) {
		int b = expr(fs, l->u.index.x, -1);
		int i = expr(fs, l->u.index.index, -1);
		if (v < 0)
			v = expr(fs, y, -1);
		int cur = alloc_reg(fs);
		fs->line = xline;
		emit(fs, slice ? BC_SIDX : BC_AIDX, cur, b, i);
		if (!slice)
			emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
		note_ubounds(fs, l->u.index.index, NULL, NULL);
		emit_op_regs(fs, op, lt, cur, cur, v, y->type);
		emit(fs, slice ? BC_SSET : BC_ASET, b, i, cur);
		if (!slice)
			emit_sbx(fs, BC_EXT, 0, (int32_t)bt->len);
	} else {
		int p = expr(fs, l->u.un1.x, -1);
		if (v < 0)
			v = expr(fs, y, -1);
		int cur = alloc_reg(fs);
		fs->line = xline;
		emit(fs, BC_LOAD, cur, p, 0);
		emit_op_regs(fs, op, lt, cur, cur, v, y->type);
		emit(fs, BC_STORE, p, cur, 0);
	}
	fs->line = line;
	fs->top = save;
	return true;
}

/* x op= y (and x++, x--: y is 1), at the statement at pos. */
static void compound_assign(FnState *fs, Node *x, Op op, Node *y, Pos pos)
{
	Node bin = {0};
	bin.kind = N_BINARY;
	bin.pos = pos;
	bin.u.op.op = op;
	bin.u.op.x = x;
	bin.u.op.y = y;
	bin.type = x->type;
	Node *l = ast_unparen(x);
	if (l->kind == N_IDENT && !((Obj *)l->obj)->global) {
		int li = find_local(fs, l->obj);
		if (li >= 0 && !fs->locals[li].cell) {
			binary(fs, &bin, fs->locals[li].reg);
			return;
		}
	}
	if (l->kind == N_INDEX && type_under(l->u.index.x->type)->kind == TY_MAP) {
		/* m[k] op= v: find the slot once, then update it in place;
		 * v's calls first when finding it calls nothing (as in
		 * compound_in_place) */
		Type *mt = type_under(l->u.index.x->type);
		int v = -1;
		if (may_call(y) && !may_call(l))
			v = value_reg(fs, y, mt->elem);
		/* locals' own registers: nothing in v can reassign them */
		int m = expr(fs, l->u.index.x, -1);
		int k = map_key_reg(fs, l->u.index.index, mt->key);
		if (v < 0)
			v = value_reg(fs, y, mt->elem);
		int slot = alloc_reg(fs);
		emit(fs, BC_MSLOT, slot, m, k);
		int cur = alloc_reg(fs);
		emit(fs, BC_LOAD, cur, slot, 0);
		emit_op_regs(fs, op, x->type, cur, cur, v, y->type);
		emit(fs, BC_STORE, slot, cur, 0);
		return;
	}
	if (compound_in_place(fs, l, op, y))
		return;
	if (l->kind == N_IDENT && may_call(y)) {
		/* a global or a captured variable: y's calls first (they
		 * may change it), then the load, as Go's compiler orders it */
		int save = fs->top;
		int v = expr(fs, y, -1);
		int cur = alloc_reg(fs);
		read_var(fs, l->obj, cur);
		emit_op_regs(fs, op, l->type, cur, cur, v, y->type);
		write_var(fs, l->obj, cur);
		fs->top = save;
		return;
	}
	int r = alloc_reg(fs);
	binary(fs, &bin, r);
	store_to(fs, x, r);
}

/* The values of a multi-valued expression (f(), v, ok = m[k], <-ch or
 * x.(T)) in n consecutive registers; returns the first, or -1 after an
 * error. */
static int multi_value(FnState *fs, Node *r0, int n)
{
	int base;
	if (r0->kind == N_CALL)
		return call_expr(fs, r0, n);
	if (r0->kind == N_INDEX) {
		base = alloc_regs(fs, 2);
		index_expr(fs, r0, base, true);
	} else if (r0->kind == N_UNARY && r0->u.op.op == OP_RECV) {
		base = alloc_regs(fs, 2);
		int c = expr(fs, r0->u.op.x, -1);
		emitx(fs, BC_RECV, 1, base, c, 0);
	} else if (r0->kind == N_TYPEASSERT) {
		base = alloc_regs(fs, 2);
		int b = expr(fs, r0->u.assert.x, -1);
		emitx(fs, BC_ASSERT, 1 | (type_is_interface(r0->type) ? 2 : 0), base, b, type_k(fs, r0->type));
		emit_sbx(fs, BC_EXT, 0, type_k(fs, r0->u.assert.x->type));
	} else {
		cerror(r0->pos, "gol: this form of multiple values is not supported yet");
		return -1;
	}
	/* a struct or array value is the map's, the interface's: a copy */
	if (is_aggregate(r0->type))
		emit_bx(fs, BC_CLONE, base, (uint32_t)type_k(fs, r0->type));
	return base;
}

/* The type of value i of a multi-valued expression. */
static Type *multi_value_type(Node *r0, int i)
{
	if (r0->type && r0->type->kind == TY_TUPLE)
		return r0->type->fields[i].type;
	return i == 0 ? r0->type : type_basic[TY_BOOL];
}

static void assign(FnState *fs, Node *s)
{
	NodeList *lhs = &s->u.assign.lhs, *rhs = &s->u.assign.rhs;
	if (s->u.assign.op != OP_NONE) {
		compound_assign(fs, lhs->v[0], s->u.assign.op, rhs->v[0], s->pos);
		return;
	}
	if (lhs->len == rhs->len) {
		if (lhs->len == 1) {
			Node *l = ast_unparen(lhs->v[0]);
			Type *lt = l->type ? l->type : NULL;
			if (l->kind == N_IDENT && !strcmp(l->u.ident.name, "_")) {
				int r = alloc_reg(fs);
				expr_to(fs, rhs->v[0], r);
				return;
			}
			/* a plain local: evaluate straight into its register,
			 * unless the value reads the variable (v = x && v, v =
			 * []int{v[1]}, v = max(1, v): the register may be written
			 * before the variable is read) */
			if (l->kind == N_IDENT && !((Obj *)l->obj)->global && !is_aggregate(lt)
			    && !mentions(rhs->v[0], l->obj)) {
				int li = find_local(fs, l->obj);
				if (li >= 0 && !fs->locals[li].cell) {
					value_to(fs, rhs->v[0], lt, fs->locals[li].reg);
					return;
				}
			}
			/* an aggregate local whose block is its own: it takes the
			 * value's (fresh) block, evaluated apart first (the value
			 * may read the variable: a = T{a.Y, a.X}) */
			if (l->kind == N_IDENT && block_private(fs, l->obj)) {
				int li = find_local(fs, l->obj);
				if (li >= 0 && !fs->locals[li].cell) {
					int r = alloc_reg(fs);
					value_to(fs, rhs->v[0], lt, r);
					emit(fs, BC_MOVE, fs->locals[li].reg, r, 0);
					return;
				}
			}
			/* s[i] = k with a small integer or boolean constant k: one
			 * instruction, no register for k */
			Type *lu = lt ? type_under(lt) : NULL;
			Node *rv = rhs->v[0];
			if (l->kind == N_INDEX && type_under(l->u.index.x->type)->kind == TY_SLICE && lu
			    && (type_is_integer(lu) || lu->kind == TY_BOOL) && rv->cv
			    && ((rv->cv->kind == CK_INT && const_fits_int(rv->cv, 15, false))
				|| rv->cv->kind == CK_BOOL)) {
				int64_t k = rv->cv->kind == CK_BOOL ? rv->cv->b : const_to_int64(rv->cv);
				int b = expr(fs, l->u.index.x, -1);
				int i = expr(fs, l->u.index.index, -1);
				emit(fs, BC_SSETK, b, i, (uint16_t)(int16_t)k);
				note_ubounds(fs, l->u.index.index, NULL, NULL);
				return;
			}
			if (may_call(l) ||
			    (l->kind == N_INDEX && type_under(l->u.index.x->type)->kind == TY_MAP &&
			     may_call(rhs->v[0]) &&
			     !key_after_value(l->u.index.index, rhs->v[0], type_under(l->u.index.x->type)->key))) {
				/* s[i()] = v(): i is called first; a map key Go
				 * copies before v's calls is read first too */
				Located t;
				locate(fs, lhs->v[0], &t, false);
				int r = alloc_reg(fs);
				value_to(fs, rhs->v[0], lt, r);
				store_located(fs, lhs->v[0], &t, r);
				return;
			}
			int r = alloc_reg(fs);
			value_to(fs, rhs->v[0], lt, r);
			store_to(fs, lhs->v[0], r);
			return;
		}
		/* parallel assignment: Go evaluates the index and pointer
		 * operands on the left and every value on the right first, then
		 * assigns from left to right */
		int n = lhs->len;
		Located *t = GC_MALLOC(sizeof *t * (size_t)n);
		for (int i = 0; i < n; i++)
			locate(fs, lhs->v[i], &t[i], true);
		int base = alloc_regs(fs, n);
		Type **to = GC_MALLOC(sizeof(Type *) * (size_t)n);
		for (int i = 0; i < n; i++)
			to[i] = lhs->v[i]->type;
		values_in_gc_order(fs, rhs->v, n, to, NULL, base, false, false);
		for (int i = 0; i < n; i++)
			store_located(fs, lhs->v[i], &t[i], base + i);
		return;
	}
	/* a, b = f() / v, ok = m[k] / x.(T) */
	Node *r0 = ast_unparen(rhs->v[0]);
	int base = multi_value(fs, r0, lhs->len);
	if (base < 0)
		return;
	for (int i = 0; i < lhs->len; i++) {
		Type *lt = lhs->v[i]->type;
		if (lt && type_is_interface(lt))
			box_if_needed(fs, multi_value_type(r0, i), lt, base + i);
		store_to(fs, lhs->v[i], base + i);
	}
}

/* x := ..., var x T = ... (in_order: a var declaration, whose values Go
 * evaluates one after another; := evaluates the values that call first) */
static void define(FnState *fs, NodeList *names, NodeList *values, Type *declared, bool in_order)
{
	int n = names->len;
	/* the common case, one new variable in a register: its initializer
	 * cannot refer to it (it names an outer object if anything), so the
	 * value is computed right into the variable's register */
	if (n == 1 && values->len == 1 && names->v[0]->obj && strcmp(names->v[0]->u.ident.name, "_")
	    && find_local(fs, names->v[0]->obj) < 0 && !needs_cell(names->v[0]->obj)
	    && !((Obj *)names->v[0]->obj)->global
	    && ast_unparen(values->v[0])->kind != N_TYPEASSERT
	    && !(ast_unparen(values->v[0])->kind == N_INDEX && values->v[0]->cv == (ConstVal *)1)) {
		Obj *o = names->v[0]->obj;
		free_temps(fs);
		int li = declare(fs, o);
		value_here(fs, values->v[0], o->type, fs->locals[li].reg);
		return;
	}
	/* evaluate first (the new variables are not in scope yet) */
	int base = alloc_regs(fs, n);
	if (values->len == n) {
		Type **to = GC_MALLOC(sizeof(Type *) * (size_t)n);
		for (int i = 0; i < n; i++)
			to[i] = names->v[i]->obj ? ((Obj *)names->v[i]->obj)->type : declared;
		values_in_gc_order(fs, values->v, n, to, NULL, base, in_order, true);
	} else if (values->len == 1) {
		Node *r0 = ast_unparen(values->v[0]);
		int got = multi_value(fs, r0, n);
		if (got < 0)
			return;
		for (int i = 0; i < n; i++) {
			Obj *o = names->v[i]->obj;
			if (got + i != base + i)
				emit(fs, BC_MOVE, base + i, got + i, 0);
			if (o && o->type && type_is_interface(o->type))
				box_if_needed(fs, multi_value_type(r0, i), o->type, base + i);
		}
	} else {
		for (int i = 0; i < n; i++) {
			Obj *o = names->v[i]->obj;
			zero_value(fs, o ? o->type : declared, base + i);
		}
	}
	/* now bind: a redeclared name in := is an assignment */
	fs->top = base + n;
	for (int i = 0; i < n; i++) {
		Node *id = names->v[i];
		Obj *o = id->obj;
		if (!o || !strcmp(id->u.ident.name, "_"))
			continue;
		if (o->global) { /* a variable declared at the REPL prompt */
			write_var(fs, o, base + i);
			continue;
		}
		if (find_local(fs, o) >= 0) {
			assign_var(fs, o, base + i);
			continue;
		}
		bind_new_var(fs, o, base + i);
	}
	/* registers base.. were temporaries; locals were allocated after them,
	 * which wastes a few registers but keeps evaluation order simple */
}

static Loop *find_loop(FnState *fs, Node *label, bool is_continue)
{
	for (Loop *l = fs->loop; l; l = l->outer) {
		if (label) {
			if (l->label && !strcmp(l->label, label->u.ident.name))
				return l;
			continue;
		}
		if (is_continue && l->is_switch)
			continue;
		return l;
	}
	return NULL;
}

/* Whether n is the predeclared nil. */
static bool is_nil(Node *n)
{
	n = ast_unparen(n);
	return n->kind == N_IDENT && n->obj && ((Obj *)n->obj)->kind == OBJ_NIL;
}

/* Jump to a patched target when cond is `when` (false for if and loop
 * exits, true for a loop's back edge). Integer comparisons become one
 * JCMPI (with a small constant operand as an immediate). */
static int jump_if(FnState *fs, Node *cond, bool when)
{
	Node *c = ast_unparen(cond);
	if (c->kind == N_BINARY && !c->cv) {
		Op op = c->u.op.op;
		Type *xt = type_under(c->u.op.x->type);
		bool cmp = op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE || op == OP_EQ || op == OP_NE;
		if (cmp && type_is_integer(xt) && !type_is_unsigned(xt) && !type_is_untyped(xt)) {
			/* JCMPI conditions: 0 lt 1 le 2 gt 3 ge 4 eq 5 ne */
			static const int same[] = {[OP_LT] = 0, [OP_LE] = 1, [OP_GT] = 2, [OP_GE] = 3, [OP_EQ] = 4, [OP_NE] = 5};
			static const int negate[] = {[OP_LT] = 3, [OP_LE] = 2, [OP_GT] = 1, [OP_GE] = 0, [OP_EQ] = 5, [OP_NE] = 4};
			int cc = when ? same[op] : negate[op];
			int save = fs->top;
			Node *y = c->u.op.y;
			int pc;
			if (y->cv && y->cv->kind == CK_INT && const_fits_int(y->cv, 15, false)) {
				int a = expr(fs, c->u.op.x, -1);
				pc = emitx(fs, BC_JCMPI, cc | 16, a, (uint16_t)(int16_t)const_to_int64(y->cv), 0);
			} else {
				int a, b;
				operands(fs, c->u.op.x, y, &a, &b);
				pc = emitx(fs, BC_JCMPI, cc, a, b, 0);
			}
			(void)pc;
			int j = emit_sbx(fs, BC_EXT, 0, 0);
			fs->top = save;
			return j;
		}
	}
	if (c->kind == N_BINARY && !c->cv && (c->u.op.op == OP_EQ || c->u.op.op == OP_NE)) {
		/* p == nil, p != nil for a pointer, map, chan, func or slice:
		 * nil is the zero word, so one conditional jump on p itself */
		Node *x = c->u.op.x, *y = c->u.op.y;
		if (is_nil(x)) {
			Node *t = x;
			x = y;
			y = t;
		}
		if (is_nil(y) && !is_nil(x) && x->type && !type_is_interface(x->type)
		    && x->type->kind != TY_UNTYPED_NIL) {
			int save = fs->top;
			int r = expr(fs, x, -1);
			bool jump_if_nil = (c->u.op.op == OP_EQ) == when;
			int j = emit_jump(fs, jump_if_nil ? BC_JMPF : BC_JMPT, r);
			fs->top = save;
			return j;
		}
	}
	if (c->kind == N_UNARY && c->u.op.op == OP_NOT && !c->cv) {
		int r = expr(fs, c->u.op.x, -1);
		return emit_jump(fs, when ? BC_JMPF : BC_JMPT, r);
	}
	int r = expr(fs, cond, -1);
	return emit_jump(fs, when ? BC_JMPT : BC_JMPF, r);
}

static int jump_if_false(FnState *fs, Node *cond)
{
	return jump_if(fs, cond, false);
}

static void if_stmt(FnState *fs, Node *s)
{
	int scope = fs->nlocals, active = fs->nactive;
	if (s->u.ifstmt.init)
		stmt(fs, s->u.ifstmt.init);
	int jf = jump_if_false(fs, s->u.ifstmt.cond);
	free_temps(fs);
	stmt(fs, s->u.ifstmt.then);
	if (s->u.ifstmt.els) {
		int je = emit_jump(fs, BC_JMP, 0);
		patch_here(fs, jf);
		stmt(fs, s->u.ifstmt.els);
		patch_here(fs, je);
	} else {
		patch_here(fs, jf);
	}
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

static void loop_close(FnState *fs, Loop *lp, int continue_target)
{
	for (int i = 0; i < lp->continues.len; i++)
		patch_to(fs, lp->continues.v[i], continue_target);
	for (int i = 0; i < lp->breaks.len; i++)
		patch_here(fs, lp->breaks.v[i]);
	fs->loop = lp->outer;
}

/* When a loop's test (a JCMPI at t0, entered from the loop's first jump)
 * directly follows an increment of the register it tests (r += k or
 * r += s), the increment becomes FORIK/FORI: add, then do that same test
 * with the JCMPI's EXT. The JCMPI stays for the entry path, so nothing
 * that jumps to either instruction sees a change. */
static void fuse_increment(FnState *fs, int top, int t0)
{
	if (t0 - 1 < top || fs->ncode != t0 + 2)
		return;
	Instr *inc = &fs->code[t0 - 1], *test = &fs->code[t0];
	if (test->op != BC_JCMPI || fs->code[t0 + 1].op != BC_EXT)
		return;
	if ((inc->op != BC_ADDIK && inc->op != BC_ADDI) || inc->a != inc->b || inc->a != test->a)
		return;
	inc->op = inc->op == BC_ADDIK ? BC_FORIK : BC_FORI;
	inc->x = test->x;
	inc->b = test->b;
}

/* A loop condition `x CMP k` whose integer constant k is too large for
 * JCMPI's immediate would load k on every iteration: load it once into a
 * hidden local before the loop and test against that register instead.
 * Returns the condition to compile. */
static Node *hoist_limit(FnState *fs, Node *cond)
{
	Node *c = cond ? ast_unparen(cond) : NULL;
	if (!c || c->kind != N_BINARY || c->cv)
		return cond;
	Op op = c->u.op.op;
	Node *y = c->u.op.y;
	Type *yt = y->type;
	if (!(op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE || op == OP_EQ || op == OP_NE) || !y->cv
	    || y->cv->kind != CK_INT || const_fits_int(y->cv, 15, false) || !yt || type_is_untyped(yt)
	    || !type_is_integer(type_under(yt)))
		return cond;
	Obj *o = obj_new(OBJ_VAR, ".limit", y->pos, yt);
	int li = declare(fs, o);
	load_const(fs, yt, y->cv, fs->locals[li].reg);
	Node *ny = GC_MALLOC(sizeof *ny);
	ny->kind = N_IDENT;
	ny->pos = y->pos;
	ny->type = yt;
	ny->obj = o;
	ny->u.ident.name = ".limit";
	Node *nc = GC_MALLOC(sizeof *nc);
	*nc = *c;
	nc->u.op.y = ny;
	return nc;
}

static void for_stmt(FnState *fs, Node *s, const char *label)
{
	int scope = fs->nlocals, active = fs->nactive;
	if (s->u.forstmt.init)
		stmt(fs, s->u.forstmt.init);
	int nvars = fs->nlocals; /* the loop variables are locals scope.. nvars */
	free_temps(fs);
	Loop lp = {.outer = fs->loop, .label = label};
	fs->loop = &lp;
	/* the condition is tested at the bottom, so an iteration costs one
	 * conditional jump: enter by jumping to the test */
	Node *cond = hoist_limit(fs, s->u.forstmt.cond);
	int jtest = cond ? emit_jump(fs, BC_JMP, 0) : -1;
	int top = fs->ncode;
	/* Go 1.22: each iteration has its own loop variables; a closure that
	 * captured one keeps the value of its iteration. Loop variables living
	 * in cells get a fresh cell per iteration, copied forward. */
	stmt(fs, s->u.forstmt.body);
	int cont = fs->ncode;
	fs->line = s->pos.line; /* the copy is the for statement's (and -race reports it there) */
	for (int i = scope; i < nvars; i++) {
		Local *l = &fs->locals[i];
		if (l->cell) {
			int t = alloc_reg(fs);
			emit(fs, BC_LOAD, t, l->reg, 0);
			emit(fs, BC_NEWCELL, l->reg, 0, 0);
			emit(fs, BC_STORE, l->reg, t, 0);
			free_temps(fs);
		} else if (is_aggregate(l->obj->type) && (l->obj->captured || l->obj->addr_taken)) {
			/* a struct or array variable is its block: a new one */
			emit_bx(fs, BC_CLONE, l->reg, (uint32_t)type_k(fs, l->obj->type));
		}
	}
	if (s->u.forstmt.post)
		stmt(fs, s->u.forstmt.post);
	free_temps(fs);
	if (jtest >= 0) {
		patch_here(fs, jtest);
		int t0 = fs->ncode;
		int j = jump_if(fs, cond, true);
		patch_to(fs, j, top);
		free_temps(fs);
		fuse_increment(fs, top, t0);
	} else {
		int j = emit_jump(fs, BC_JMP, 0);
		patch_to(fs, j, top);
	}
	loop_close(fs, &lp, cont);
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

static void range_stmt(FnState *fs, Node *s, const char *label)
{
	int scope = fs->nlocals, active = fs->nactive;
	Type *xt = s->u.range.x->type, *u = type_under(xt);
	/* hidden state: the collection, the index, the length */
	int coll = alloc_reg(fs);
	expr_to(fs, s->u.range.x, coll);
	int idx = alloc_reg(fs), len = alloc_reg(fs);
	fs->nactive = fs->top;
	Loop lp = {.outer = fs->loop, .label = label};
	Node *kv[2] = {s->u.range.key, s->u.range.value};
	if (u->kind == TY_POINTER)
		u = type_under(u->elem);
	if (u->kind == TY_MAP) {
		emit(fs, BC_MITER, idx, coll, 0);
		int kreg = alloc_reg(fs), vreg = alloc_reg(fs);
		(void)kreg;
		(void)vreg;
		fs->nactive = fs->top;
		fs->loop = &lp;
		int top = fs->ncode;
		/* MNEXT writes R[idx+1], R[idx+2]: make them len and a spare */
		/* x: the loop reads the entry's value (-race watches it) */
		bool reads_value = kv[1] && !(s->u.range.define && !strcmp(kv[1]->u.ident.name, "_")) &&
				   !is_aggregate(u->elem);
		int jdone = emitx(fs, BC_MNEXT, reads_value ? 1 : 0, idx, 0, 0);
		int kr = idx + 1, vr = idx + 2;
		if (boxed_key(u->key))
			emit(fs, BC_UNBOX, kr, 0, 0);
		for (int i = 0; i < 2; i++) {
			if (!kv[i])
				continue;
			int src = i == 0 ? kr : vr;
			if (s->u.range.define) {
				if (!strcmp(kv[i]->u.ident.name, "_"))
					continue;
				Obj *o = kv[i]->obj;
				bind_new_var(fs, o, src);
				if (is_aggregate(o->type)) /* the map keeps its own copy */
					emit_bx(fs, BC_CLONE, fs->locals[fs->nlocals - 1].reg, (uint32_t)type_k(fs, o->type));
			} else {
				store_as(fs, kv[i], src, i == 0 ? u->key : u->elem);
			}
		}
		stmt(fs, s->u.range.body);
		int j = emit_jump(fs, BC_JMP, 0);
		patch_to(fs, j, top);
		fs->code[jdone].c = (uint16_t)(int16_t)(fs->ncode - (jdone + 1));
		loop_close(fs, &lp, top);
		fs->nlocals = scope;
		fs->nactive = active;
		free_temps(fs);
		return;
	}
	if (u->kind == TY_CHAN) {
		/* receive until the channel is closed and drained */
		int vreg = alloc_reg(fs), okreg = alloc_reg(fs);
		(void)okreg;
		fs->nactive = fs->top;
		fs->loop = &lp;
		int top = fs->ncode;
		emitx(fs, BC_RECV, 1, vreg, coll, 0);
		int jexit = emit_jump(fs, BC_JMPF, vreg + 1);
		if (kv[0]) {
			if (s->u.range.define) {
				if (strcmp(kv[0]->u.ident.name, "_")) {
					bind_new_var(fs, kv[0]->obj, vreg);
				}
			} else {
				store_as(fs, kv[0], vreg, u->elem);
			}
		}
		stmt(fs, s->u.range.body);
		int j = emit_jump(fs, BC_JMP, 0);
		patch_to(fs, j, top);
		patch_here(fs, jexit);
		loop_close(fs, &lp, top);
		fs->nlocals = scope;
		fs->nactive = active;
		free_temps(fs);
		return;
	}
	bool str = type_is_string(u), integer = type_is_integer(u);
	if (u->kind == TY_ARRAY && kv[1] && type_under(xt)->kind == TY_ARRAY)
		emit_bx(fs, BC_CLONE, coll, (uint32_t)type_k(fs, xt)); /* ranges over a copy */
	emit_sbx(fs, BC_LOADI, idx, 0);
	if (str)
		emit(fs, BC_STRLEN, len, coll, 0);
	else if (integer)
		emit(fs, BC_MOVE, len, coll, 0);
	else if (u->kind == TY_ARRAY)
		load_const(fs, type_basic[TY_INT], const_int64(u->len), len);
	else
		emit(fs, BC_SLEN, len, coll, 0);
	int next = alloc_reg(fs); /* strings: index of the next rune */
	int runev = alloc_reg(fs);
	fs->nactive = fs->top;
	fs->loop = &lp;
	int test = fs->ncode;
	int cond = alloc_reg(fs);
	emit(fs, BC_LTI, cond, idx, len);
	int jexit = emit_jump(fs, BC_JMPF, cond);
	free_temps(fs);
	if (str) {
		/* decode one rune: runev = rune, next = index after it */
		emit(fs, BC_CONV, runev, coll, 200 + idx); /* see vm: CV_DECODE */
		emit_sbx(fs, BC_EXT, next, 0);
	}
	for (int i = 0; i < 2; i++) {
		if (!kv[i])
			continue;
		int src = alloc_reg(fs);
		if (i == 0)
			emit(fs, BC_MOVE, src, idx, 0);
		else if (str)
			emit(fs, BC_MOVE, src, runev, 0);
		else if (u->kind == TY_ARRAY) {
			emit(fs, BC_AIDX, src, coll, idx);
			emit_sbx(fs, BC_EXT, 0, (int32_t)u->len);
			if (is_aggregate(u->elem))
				emit_bx(fs, BC_CLONE, src, (uint32_t)type_k(fs, u->elem));
		} else {
			emit(fs, BC_SIDX, src, coll, idx);
			if (is_aggregate(u->elem))
				emit_bx(fs, BC_CLONE, src, (uint32_t)type_k(fs, u->elem));
		}
		if (s->u.range.define) {
			if (!strcmp(kv[i]->u.ident.name, "_")) {
				free_temps(fs);
				continue;
			}
			fs->top = src; /* the temporary becomes the variable */
			int li = declare(fs, kv[i]->obj);
			Local *l = &fs->locals[li];
			if (l->cell) {
				int t = alloc_reg(fs);
				emit(fs, BC_MOVE, t, src, 0);
				emit(fs, BC_NEWCELL, l->reg, 0, 0);
				emit(fs, BC_STORE, l->reg, t, 0);
				free_temps(fs);
			}
		} else {
			/* the index is an int; a string's value a rune */
			Type *from = i == 0 ? (integer ? xt : type_basic[TY_INT]) : str ? type_basic[TY_INT32] : u->elem;
			store_as(fs, kv[i], src, from);
			free_temps(fs);
		}
	}
	stmt(fs, s->u.range.body);
	int cont = fs->ncode;
	if (str)
		emit(fs, BC_MOVE, idx, next, 0);
	else
		emit(fs, BC_ADDIK, idx, idx, 1);
	int j = emit_jump(fs, BC_JMP, 0);
	patch_to(fs, j, test);
	patch_here(fs, jexit);
	loop_close(fs, &lp, cont);
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

static void switch_stmt(FnState *fs, Node *s, const char *label)
{
	int scope = fs->nlocals, active = fs->nactive;
	if (s->u.sw.init)
		stmt(fs, s->u.sw.init);
	int tag = -1;
	Type *tt = NULL;
	if (s->u.sw.tag) {
		tag = alloc_reg(fs);
		expr_to(fs, s->u.sw.tag, tag);
		clone_if_aggregate(fs, s->u.sw.tag, tag); /* cases may change the variable */
		tt = s->u.sw.tag->type;
		if (type_is_untyped(tt))
			tt = type_default(tt);
		fs->nactive = fs->top;
	}
	Loop lp = {.outer = fs->loop, .label = label, .is_switch = true};
	fs->loop = &lp;
	int nclauses = s->u.sw.body.len;
	int *body_jumps = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(nclauses + 1) * 64);
	int nbj = 0;
	int *clause_of = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(nclauses + 1) * 64);
	int default_clause = -1;
	/* tests */
	for (int i = 0; i < nclauses; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (cl->u.clause.is_default) {
			default_clause = i;
			continue;
		}
		for (int k = 0; k < cl->u.clause.list.len; k++) {
			Node *e = cl->u.clause.list.v[k];
			int c;
			if (tag >= 0) {
				/* compare against the saved tag register */
				int v = expr(fs, e, -1);
				c = alloc_reg(fs);
				Type *u = type_under(tt);
				if (type_is_interface(tt) && !type_is_interface(e->type)) {
					if (e->type->kind != TY_UNTYPED_NIL) {
						v = own_reg(fs, v); /* boxed in place */
						emit_bx(fs, BC_BOX, v, (uint32_t)type_k(fs, type_is_untyped(e->type) ? type_default(e->type) : e->type));
					}
					emit(fs, BC_IFACEEQ, c, tag, v);
				} else if (type_is_interface(tt)) {
					emit(fs, BC_IFACEEQ, c, tag, v);
				} else if (type_is_interface(e->type)) {
					/* a concrete tag against an interface case: the
					 * tag, boxed, is compared (a copy: the tag is
					 * compared again by later cases) */
					int t = alloc_reg(fs);
					emit(fs, BC_MOVE, t, tag, 0);
					emit_bx(fs, BC_BOX, t, (uint32_t)type_k(fs, tt));
					emit(fs, BC_IFACEEQ, c, t, v);
				} else if (type_is_string(u)) {
					emit(fs, BC_EQS, c, tag, v);
				} else if (type_is_float(u)) {
					emit(fs, BC_EQF, c, tag, v);
				} else if (is_aggregate(tt)) {
					emit(fs, BC_EQV, c, tag, v);
					emit_sbx(fs, BC_EXT, 0, type_k(fs, tt));
				} else {
					emit(fs, BC_EQI, c, tag, v);
				}
			} else {
				c = expr(fs, e, -1);
			}
			clause_of[nbj] = i;
			body_jumps[nbj++] = emit_jump(fs, BC_JMPT, c);
			free_temps(fs);
		}
	}
	int jdefault = emit_jump(fs, BC_JMP, 0);
	/* bodies, in order, so fallthrough runs into the next */
	int *starts = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(nclauses + 1));
	Jumps ends = {0};
	for (int i = 0; i < nclauses; i++) {
		Node *cl = s->u.sw.body.v[i];
		starts[i] = fs->ncode;
		int sc = fs->nlocals, sa = fs->nactive;
		block(fs, &cl->u.clause.body);
		fs->nlocals = sc;
		fs->nactive = sa;
		free_temps(fs);
		NodeList *b = &cl->u.clause.body;
		bool falls = b->len && b->v[b->len - 1]->kind == N_BRANCH && b->v[b->len - 1]->u.branch.tok == BR_FALLTHROUGH;
		if (!falls)
			jumps_add(&ends, emit_jump(fs, BC_JMP, 0));
	}
	for (int i = 0; i < nbj; i++)
		patch_to(fs, body_jumps[i], starts[clause_of[i]]);
	if (default_clause >= 0)
		patch_to(fs, jdefault, starts[default_clause]);
	else
		patch_here(fs, jdefault);
	for (int i = 0; i < ends.len; i++)
		patch_here(fs, ends.v[i]);
	loop_close(fs, &lp, fs->ncode);
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

static void type_switch(FnState *fs, Node *s, const char *label)
{
	int scope = fs->nlocals, active = fs->nactive;
	if (s->u.sw.init)
		stmt(fs, s->u.sw.init);
	Node *g = s->u.sw.assign;
	Node *ax = g->kind == N_EXPRSTMT ? g->u.exprstmt.x : g->u.assign.rhs.v[0];
	int x = alloc_reg(fs);
	expr_to(fs, ax->u.assert.x, x);
	fs->nactive = fs->top;
	Loop lp = {.outer = fs->loop, .label = label, .is_switch = true};
	fs->loop = &lp;
	int nclauses = s->u.sw.body.len;
	Jumps ends = {0};
	int default_clause = -1;
	int *tests_to = GC_MALLOC_ATOMIC(sizeof(int) * 256);
	int *tests_clause = GC_MALLOC_ATOMIC(sizeof(int) * 256);
	int ntests = 0;
	for (int i = 0; i < nclauses; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (cl->u.clause.is_default) {
			default_clause = i;
			continue;
		}
		for (int k = 0; k < cl->u.clause.list.len && ntests < 256; k++) {
			Node *te = cl->u.clause.list.v[k];
			int c = alloc_reg(fs);
			if (te->type && te->type->kind == TY_UNTYPED_NIL) {
				emit(fs, BC_ISNIL, c, x, 0);
			} else {
				int t2 = alloc_regs(fs, 2);
				emitx(fs, BC_ASSERT, 1 | (type_is_interface(te->type) ? 2 : 0), t2, x, type_k(fs, te->type));
				emit_sbx(fs, BC_EXT, 0, type_k(fs, ax->u.assert.x->type));
				emit(fs, BC_MOVE, c, t2 + 1, 0);
			}
			tests_clause[ntests] = i;
			tests_to[ntests++] = emit_jump(fs, BC_JMPT, c);
			free_temps(fs);
		}
	}
	int jdefault = emit_jump(fs, BC_JMP, 0);
	int *starts = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(nclauses + 1));
	for (int i = 0; i < nclauses; i++) {
		Node *cl = s->u.sw.body.v[i];
		starts[i] = fs->ncode;
		int sc = fs->nlocals, sa = fs->nactive;
		Obj *bound = cl->obj;
		if (bound) {
			int li = declare(fs, bound);
			Local *l = &fs->locals[li];
			int src = alloc_reg(fs);
			Type *single = cl->u.clause.list.len == 1 ? cl->u.clause.list.v[0]->type : NULL;
			if (single && single->kind != TY_UNTYPED_NIL && !type_is_interface(single)) {
				int t2 = alloc_regs(fs, 2);
				emitx(fs, BC_ASSERT, 1, t2, x, type_k(fs, single));
				emit_sbx(fs, BC_EXT, 0, type_k(fs, ax->u.assert.x->type));
				emit(fs, BC_MOVE, src, t2, 0);
			} else {
				emit(fs, BC_MOVE, src, x, 0);
			}
			if (l->cell) {
				emit(fs, BC_NEWCELL, l->reg, 0, 0);
				emit(fs, BC_STORE, l->reg, src, 0);
			} else {
				emit(fs, BC_MOVE, l->reg, src, 0);
			}
			free_temps(fs);
		}
		block(fs, &cl->u.clause.body);
		fs->nlocals = sc;
		fs->nactive = sa;
		free_temps(fs);
		jumps_add(&ends, emit_jump(fs, BC_JMP, 0));
	}
	for (int i = 0; i < ntests; i++)
		patch_to(fs, tests_to[i], starts[tests_clause[i]]);
	if (default_clause >= 0)
		patch_to(fs, jdefault, starts[default_clause]);
	else
		patch_here(fs, jdefault);
	for (int i = 0; i < ends.len; i++)
		patch_here(fs, ends.v[i]);
	loop_close(fs, &lp, fs->ncode);
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

/*
 * select: every channel and sent value is evaluated first, in order; the
 * SELECT instruction picks a ready case (or default, or waits) and leaves
 * its index in a register; the bodies follow, each reached by comparing
 * that index. A receive case's value and ok land in registers reserved
 * for it, then are bound or assigned at the start of its body.
 */
static void select_stmt(FnState *fs, Node *s, const char *label)
{
	int scope = fs->nlocals, active = fs->nactive;
	int n = s->u.sw.body.len;
	int ncases = 0, default_clause = -1;
	for (int i = 0; i < n; i++)
		if (s->u.sw.body.v[i]->u.clause.is_default)
			default_clause = i;
		else
			ncases++;
	int chosen = alloc_reg(fs);
	int *chans = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(n + 1) * 3);
	int *vals = chans + n + 1, *oks = vals + n + 1;
	int *clause_of = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(n + 1));
	int k = 0;
	for (int i = 0; i < n; i++) {
		Node *cl = s->u.sw.body.v[i];
		if (cl->u.clause.is_default)
			continue;
		Node *comm = cl->u.clause.comm;
		clause_of[k] = i;
		chans[k] = alloc_reg(fs);
		if (comm->kind == N_SEND) {
			expr_to(fs, comm->u.send.ch, chans[k]);
			vals[k] = alloc_reg(fs);
			value_here(fs, comm->u.send.value, type_under(comm->u.send.ch->type)->elem, vals[k]);
			oks[k] = -1;
		} else {
			Node *rx = comm->kind == N_EXPRSTMT ? comm->u.exprstmt.x : comm->u.assign.rhs.v[0];
			rx = ast_unparen(rx);
			expr_to(fs, rx->u.op.x, chans[k]);
			vals[k] = alloc_reg(fs);
			oks[k] = alloc_reg(fs);
		}
		k++;
	}
	fs->nactive = fs->top;
	/* a goroutine blocked here is at the select, or at its one case (Go
	 * makes a one-case select that case's channel operation) */
	fs->line = ncases == 1 ? s->u.sw.body.v[clause_of[0]]->u.clause.comm->pos.line : s->pos.line;
	emitx(fs, BC_SELECT, default_clause >= 0, chosen, ncases, 0);
	for (int c = 0; c < ncases; c++) {
		Node *comm = s->u.sw.body.v[clause_of[c]]->u.clause.comm;
		uint32_t w = (uint32_t)vals[c] | ((uint32_t)(oks[c] + 1) << 16);
		if (comm->kind == N_SEND)
			w |= 1u << 31;
		/* each case's word carries its line: a send on a closed channel
		 * in a select of one case (and a default) panics at it */
		int line = fs->line;
		fs->line = comm->pos.line;
		emit_sbx(fs, BC_EXT, chans[c], (int32_t)w);
		fs->line = line;
	}
	Loop lp = {.outer = fs->loop, .label = label, .is_switch = true};
	fs->loop = &lp;
	Jumps ends = {0};
	for (int c = -1; c < ncases; c++) {
		int clause = c < 0 ? default_clause : clause_of[c];
		if (clause < 0)
			continue;
		Node *cl = s->u.sw.body.v[clause];
		int jnext = emitx(fs, BC_JCMPI, 5 | 16, chosen, (uint16_t)(int16_t)c, 0);
		(void)jnext;
		int jn = emit_sbx(fs, BC_EXT, 0, 0);
		int sc = fs->nlocals, sa = fs->nactive;
		Node *comm = cl->u.clause.comm;
		if (comm && comm->kind == N_ASSIGN) {
			NodeList *lhs = &comm->u.assign.lhs;
			int srcs[2] = {vals[c], oks[c]};
			fs->line = comm->pos.line; /* `case v = <-ch:` assigns on its own line */
			for (int v = 0; v < lhs->len && v < 2; v++) {
				Node *id = lhs->v[v];
				if (comm->u.assign.define) {
					if (!strcmp(id->u.ident.name, "_"))
						continue;
					bind_new_var(fs, id->obj, srcs[v]);
				} else {
					Node *rx = ast_unparen(comm->u.assign.rhs.v[0]);
					Type *ct = rx->kind == N_UNARY ? type_under(rx->u.op.x->type) : NULL;
					store_as(fs, id, srcs[v], v ? type_basic[TY_BOOL] : ct ? ct->elem : NULL);
				}
			}
		}
		block(fs, &cl->u.clause.body);
		fs->nlocals = sc;
		fs->nactive = sa;
		free_temps(fs);
		jumps_add(&ends, emit_jump(fs, BC_JMP, 0));
		patch_here(fs, jn);
	}
	for (int i = 0; i < ends.len; i++)
		patch_here(fs, ends.v[i]);
	loop_close(fs, &lp, fs->ncode);
	fs->nlocals = scope;
	fs->nactive = active;
	free_temps(fs);
}

/* Named result i into dst, as returned: a struct or array one is copied
 * (a closure may still hold the variable's block). */
static void read_result(FnState *fs, int i, int dst)
{
	Obj *o = fs->results[i];
	read_var(fs, o, dst);
	if (is_aggregate(o->type))
		emit_bx(fs, BC_CLONE, dst, (uint32_t)type_k(fs, o->type));
}

static void return_stmt(FnState *fs, Node *s)
{
	NodeList *r = &s->u.ret.results;
	Type *sig = fs->sig;
	if (r->len == 0) {
		if (fs->result_base >= 0) {
			/* named results: read their values after the defers */
			emit(fs, BC_RUNDEFERS, 0, 0, 0);
			int base = alloc_regs(fs, fs->nresults);
			for (int i = 0; i < fs->nresults; i++)
				read_result(fs, i, base + i);
			emit(fs, BC_RET, base, fs->nresults, 0);
			return;
		}
		emit(fs, BC_RET, 0, 0, 0);
		return;
	}
	int n = sig->nresults;
	int base;
	/* return x where x is a local in a register: return it from there */
	if (n == 1 && r->len == 1 && fs->result_base < 0) {
		Node *x = ast_unparen(r->v[0]);
		if (x->kind == N_IDENT && x->obj && ((Obj *)x->obj)->kind == OBJ_VAR && !((Obj *)x->obj)->global
		    && (!is_aggregate(x->type) || block_private(fs, x->obj))
		    && !(type_is_interface(sig->results[0].type) && !type_is_interface(x->type))) {
			int li = find_local(fs, x->obj);
			if (li >= 0 && !fs->locals[li].cell) {
				emit(fs, BC_RET, fs->locals[li].reg, 1, 0);
				return;
			}
		}
	}
	if (r->len == 1 && n > 1) {
		base = call_expr(fs, ast_unparen(r->v[0]), n);
		Type *tt = r->v[0]->type;
		for (int i = 0; i < n; i++)
			box_if_needed(fs, tt->fields[i].type, sig->results[i].type, base + i);
	} else {
		base = alloc_regs(fs, n);
		Type **to = GC_MALLOC(sizeof(Type *) * (size_t)n);
		for (int i = 0; i < n; i++)
			to[i] = sig->results[i].type;
		values_in_gc_order(fs, r->v, n, to, NULL, base, false, false);
	}
	if (fs->result_base >= 0) {
		/* deferred functions may read and change named results: store
		 * them, run the defers, then return what the variables hold */
		for (int i = 0; i < n; i++)
			assign_var(fs, fs->results[i], base + i);
		emit(fs, BC_RUNDEFERS, 0, 0, 0);
		for (int i = 0; i < n; i++)
			read_result(fs, i, base + i);
	}
	emit(fs, BC_RET, base, n, fs->result_base >= 0 ? 1 : 0);
}

/* defer or go (op) of a builtin call: its arguments are evaluated now and
 * a native does the builtin's work later, in the deferring function's
 * epilogue or on a new goroutine. */
/* Go 1.19 makes a go or defer statement whose call has arguments (or a
 * receiver) call a closure of the compiler's (main.main.func3, numbered
 * after the function's literals) that makes the call, and -race shows it
 * under the callee. For such a call: 1 + the constant index of a proto
 * standing for that closure, at the call's line (the GO or DEFER's C);
 * otherwise 0. */
static uint16_t go_defer_wrapper(FnState *fs, Node *call, Node *fun)
{
	if (!call->u.call.args.len && !has_receiver(fun))
		return 0;
	Proto *w = GC_MALLOC(sizeof *w);
	w->file = C->prog->file;
	w->ncode = 1;
	w->code = GC_MALLOC(sizeof(Instr) * 2);
	w->lines = GC_MALLOC_ATOMIC(sizeof(int));
	w->lines[0] = call->u.call.lparen.line ? call->u.call.lparen.line : call->pos.line;
	w->line = w->lines[0];
	w->name = "?";
	w->wrapper = true;
	if (fs->nwrappers % 8 == 0) {
		Proto **v = GC_MALLOC(sizeof *v * (size_t)(fs->nwrappers + 8));
		if (fs->nwrappers)
			memcpy(v, fs->wrappers, sizeof *v * (size_t)fs->nwrappers);
		fs->wrappers = v;
	}
	fs->wrappers[fs->nwrappers++] = w;
	Proto **pv = GC_MALLOC(sizeof *pv * (size_t)(fs->p->nprotos + 1));
	if (fs->p->nprotos)
		memcpy(pv, fs->p->protos, sizeof *pv * (size_t)fs->p->nprotos);
	pv[fs->p->nprotos] = w;
	fs->p->protos = pv;
	fs->p->nprotos++;
	return (uint16_t)(add_kp(fs, w) + 1);
}

/* go of a builtin (go close(c)): Go 1.19 runs it through a closure of its
 * own, which tracebacks show at the go statement; the GO just emitted gets
 * that closure's stand-in (C) and x 1 (show it). */
static void go_builtin_wrapper(FnState *fs, Node *call, Node *fun, int op)
{
	if (op != BC_GO)
		return;
	uint16_t w = go_defer_wrapper(fs, call, fun);
	fs->code[fs->ncode - 1].c = w;
	fs->code[fs->ncode - 1].x = w ? 1 : 0;
}

static void builtin_later(FnState *fs, Node *s, Node *call, Node *fun, int op)
{
	Builtin b = ((Obj *)fun->obj)->builtin;
	NativeFn fn = b == BI_RECOVER ? natives_lookup("builtin.recover")
		      : b == BI_PANIC ? natives_lookup("builtin.panic")
		      : b == BI_DELETE ? natives_lookup("builtin.delete")
		      : b == BI_CLOSE ? natives_lookup("builtin.close")
		      : b == BI_COPY ? natives_lookup("builtin.copy")
		      : b == BI_PRINT ? natives_lookup("builtin.print")
		      : b == BI_PRINTLN ? natives_lookup("builtin.println") : NULL;
	if (!fn) {
		cerror(s->pos, "gol: %s of builtin %s is not supported yet", op == BC_GO ? "go" : "defer",
		       ast_expr_string(fun));
		return;
	}
	GolClosure *f = GC_MALLOC(sizeof *f);
	f->native = fn;
	f->name = ast_expr_string(fun);
	int save = fs->top;
	NodeList *args = &call->u.call.args;
	/* the arguments: as written, or the results of the one call written
	 * (defer copy(f())), evaluated first into gr on, then moved to
	 * follow base */
	int nargs = args->len, gr = -1;
	Type *tt = nargs == 1 && args->v[0]->type && args->v[0]->type->kind == TY_TUPLE ? args->v[0]->type : NULL;
	if (tt) {
		nargs = tt->nfields;
		gr = call_expr(fs, ast_unparen(args->v[0]), nargs);
	}
	int base = alloc_reg(fs);
	emit_bx(fs, BC_LOADK, base, (uint32_t)add_kp(fs, f));
#define ARG_TYPE(i) (tt ? tt->fields[i].type : args->v[i]->type)
	if (b == BI_PRINT || b == BI_PRINTLN) {
		/* (type, value) pairs: print formats by static type */
		for (int i = 0; i < nargs; i++) {
			Type *t = ARG_TYPE(i);
			if (type_is_untyped(t))
				t = type_default(t);
			emit_bx(fs, BC_LOADK, alloc_reg(fs), (uint32_t)type_k(fs, t));
			int d = alloc_reg(fs);
			if (tt)
				emit(fs, BC_MOVE, d, gr + i, 0);
			else
				expr_to(fs, args->v[i], d);
		}
		emit(fs, op, base, 2 * nargs, 0);
		go_builtin_wrapper(fs, call, fun, op);
		fs->top = save;
		return;
	}
	for (int i = 0; i < nargs; i++) {
		int d = alloc_reg(fs);
		if (tt) {
			emit(fs, BC_MOVE, d, gr + i, 0);
			if (b == BI_DELETE && i == 1) {
				Type *kt = type_under(tt->fields[0].type)->key;
				box_if_needed(fs, tt->fields[1].type, kt, d);
				if (boxed_key(kt))
					emit_bx(fs, BC_BOX, d, (uint32_t)type_k(fs, kt));
			}
		} else if (b == BI_PANIC)
			value_here(fs, args->v[i], type_any, d);
		else if (b == BI_DELETE && i == 1)
			map_key(fs, args->v[i], type_under(args->v[0]->type)->key, d);
		else
			expr_to(fs, args->v[i], d);
	}
	if (b == BI_COPY) {
		/* what COPY's operands say: the element type if elements are
		 * blocks, and whether the source is a string */
		Type *et = type_under(ARG_TYPE(0))->elem;
		int d = alloc_reg(fs);
		if (is_aggregate(et))
			emit_bx(fs, BC_LOADK, d, (uint32_t)type_k(fs, et));
		else
			emit(fs, BC_LOADNIL, d, 0, 0);
		emit_sbx(fs, BC_LOADI, alloc_reg(fs), type_is_string(ARG_TYPE(1)) ? 1 : 0);
		nargs += 2;
	}
#undef ARG_TYPE
	emit(fs, op, base, nargs, 0);
	go_builtin_wrapper(fs, call, fun, op);
	fs->top = save;
}

static void stmt(FnState *fs, Node *s)
{
	if (!s)
		return;
	if (s->pos.line)
		fs->line = s->pos.line;
	switch (s->kind) {
	case N_EMPTYSTMT:
	case N_BAD:
		break;
	case N_EXPRSTMT: {
		Node *x = ast_unparen(s->u.exprstmt.x);
		if (x->kind == N_CALL) {
			Node *fun = ast_unparen(x->u.call.fun);
			if (fun->kind == N_IDENT && fun->obj && ((Obj *)fun->obj)->kind == OBJ_BUILTIN) {
				builtin_call(fs, x, ((Obj *)fun->obj)->builtin, -1);
			} else {
				call_expr(fs, x, 0);
			}
		} else {
			expr(fs, x, -1);
		}
		break;
	}
	case N_ASSIGN:
		if (s->u.assign.define)
			define(fs, &s->u.assign.lhs, &s->u.assign.rhs, NULL, false);
		else
			assign(fs, s);
		break;
	case N_INCDEC: {
		Node one = {0};
		one.kind = N_BASICLIT;
		one.type = s->u.incdec.x->type;
		one.cv = const_int64(1);
		one.pos = s->pos;
		Node *l = ast_unparen(s->u.incdec.x);
		if (l->kind == N_IDENT && !((Obj *)l->obj)->global && type_is_integer(l->type)
		    && type_bits(l->type) == 64) {
			int li = find_local(fs, l->obj);
			if (li >= 0 && !fs->locals[li].cell) {
				int reg = fs->locals[li].reg;
				emit(fs, BC_ADDIK, reg, reg, (uint16_t)(int16_t)(s->u.incdec.inc ? 1 : -1));
				break;
			}
		}
		/* a[f()]++ calls f once, as x op= y does */
		compound_assign(fs, s->u.incdec.x, s->u.incdec.inc ? OP_ADD : OP_SUB, &one, s->pos);
		break;
	}
	case N_DECLSTMT: {
		Node *d = s->u.declstmt.decl;
		if (d->u.gen.tok != DECL_VAR)
			break; /* constants and types need no code */
		for (int i = 0; i < d->u.gen.specs.len; i++) {
			Node *spec = d->u.gen.specs.v[i];
			define(fs, &spec->u.value.names, &spec->u.value.values, NULL, true);
		}
		break;
	}
	case N_BLOCK: {
		int scope = fs->nlocals, active = fs->nactive;
		block(fs, &s->u.block.stmts);
		fs->nlocals = scope;
		fs->nactive = active;
		break;
	}
	case N_IF:
		if_stmt(fs, s);
		break;
	case N_FOR:
		for_stmt(fs, s, NULL);
		break;
	case N_RANGE:
		range_stmt(fs, s, NULL);
		break;
	case N_SWITCH:
		switch_stmt(fs, s, NULL);
		break;
	case N_TYPESWITCH:
		type_switch(fs, s, NULL);
		break;
	case N_LABELED: {
		Node *inner = s->u.labeled.stmt;
		const char *label = s->u.labeled.label->u.ident.name;
		if (fs->nlabels == fs->caplabels) {
			int cap = fs->caplabels ? 2 * fs->caplabels : 8;
			fs->label_names = gc_resized(fs->label_names, (size_t)fs->nlabels, (size_t)cap, sizeof *fs->label_names, false);
			fs->label_pcs = gc_resized(fs->label_pcs, (size_t)fs->nlabels, (size_t)cap, sizeof *fs->label_pcs, true);
			fs->caplabels = cap;
		}
		fs->label_names[fs->nlabels] = label;
		fs->label_pcs[fs->nlabels++] = fs->ncode;
		if (inner->kind == N_FOR)
			for_stmt(fs, inner, label);
		else if (inner->kind == N_RANGE)
			range_stmt(fs, inner, label);
		else if (inner->kind == N_SWITCH)
			switch_stmt(fs, inner, label);
		else if (inner->kind == N_TYPESWITCH)
			type_switch(fs, inner, label);
		else if (inner->kind == N_SELECT)
			select_stmt(fs, inner, label);
		else
			stmt(fs, inner);
		break;
	}
	case N_BRANCH: {
		BranchTok t = s->u.branch.tok;
		if (t == BR_FALLTHROUGH)
			break; /* the switch lays bodies out in order */
		if (t == BR_GOTO) {
			if (fs->ngotos == fs->capgotos) {
				int cap = fs->capgotos ? 2 * fs->capgotos : 8;
				fs->goto_names = gc_resized(fs->goto_names, (size_t)fs->ngotos, (size_t)cap, sizeof *fs->goto_names, false);
				fs->goto_pcs = gc_resized(fs->goto_pcs, (size_t)fs->ngotos, (size_t)cap, sizeof *fs->goto_pcs, true);
				fs->capgotos = cap;
			}
			fs->goto_names[fs->ngotos] = s->u.branch.label->u.ident.name;
			fs->goto_pcs[fs->ngotos++] = emit_jump(fs, BC_JMP, 0);
			break;
		}
		Loop *lp = find_loop(fs, s->u.branch.label, t == BR_CONTINUE);
		if (!lp) {
			cerror(s->pos, "internal: no loop for branch");
			break;
		}
		int j = emit_jump(fs, BC_JMP, 0);
		jumps_add(t == BR_BREAK ? &lp->breaks : &lp->continues, j);
		break;
	}
	case N_RETURN:
		return_stmt(fs, s);
		break;
	case N_DEFER: {
		Node *call = ast_unparen(s->u.gostmt.call);
		/* evaluate the function and its arguments now, call them later */
		Node *fun = ast_unparen(call->u.call.fun);
		if (fun->kind == N_IDENT && fun->obj && ((Obj *)fun->obj)->kind == OBJ_BUILTIN) {
			builtin_later(fs, s, call, fun, BC_DEFER);
			break;
		}
		int save = fs->top;
		in_defer = true;
		go_defer_call = call;
		int base = call_expr(fs, call, -1);
		go_defer_call = NULL;
		in_defer = false;
		/* call_expr emitted a CALL with C = 0xFFFF marker: turn it into DEFER */
		Instr *last = &fs->code[fs->ncode - 1];
		if (last->op == BC_CALL) {
			last->op = BC_DEFER;
			uint16_t w = go_defer_wrapper(fs, call, fun);
			fs->code[fs->ncode - 1].c = w;
		} else {
			cerror(s->pos, "internal: defer of a call that did not compile to CALL");
		}
		(void)base;
		fs->top = save;
		break;
	}
	case N_GO: {
		/* like defer: evaluate the function and arguments now */
		Node *call = ast_unparen(s->u.gostmt.call);
		Node *fun = ast_unparen(call->u.call.fun);
		if (fun->kind == N_IDENT && fun->obj && ((Obj *)fun->obj)->kind == OBJ_BUILTIN) {
			builtin_later(fs, s, call, fun, BC_GO);
			break;
		}
		int save = fs->top;
		in_defer = true;
		go_defer_call = call;
		call_expr(fs, call, -1);
		go_defer_call = NULL;
		in_defer = false;
		Instr *last = &fs->code[fs->ncode - 1];
		if (last->op == BC_CALL) {
			last->op = BC_GO;
			last->c = 0;
			last->c = go_defer_wrapper(fs, call, fun);
		} else {
			cerror(s->pos, "internal: go with a call that did not compile to CALL");
		}
		fs->top = save;
		break;
	}
	case N_SEND: {
		Type *et = type_under(s->u.send.ch->type)->elem;
		int c, v;
		if (may_call(s->u.send.value) && !may_call(s->u.send.ch)) {
			/* as Go's compiler orders it: the call first, the
			 * channel read after it */
			v = alloc_reg(fs);
			value_here(fs, s->u.send.value, et, v);
			c = expr(fs, s->u.send.ch, -1);
		} else {
			c = expr(fs, s->u.send.ch, -1);
			v = alloc_reg(fs);
			value_here(fs, s->u.send.value, et, v);
		}
		emit(fs, BC_SEND, c, v, 0);
		break;
	}
	case N_SELECT:
		select_stmt(fs, s, NULL);
		break;
	default:
		cerror(s->pos, "gol: %s is not supported yet", node_kind_name(s->kind));
	}
	free_temps(fs);
}

static void block(FnState *fs, NodeList *l)
{
	for (int i = 0; i < l->len; i++)
		stmt(fs, l->v[i]);
}

/* ---- functions ---------------------------------------------------------------------- */

/*
 * An aggregate parameter is a copy the callee owns. The copy is needed
 * only if the callee could change the block or keep it: a parameter the
 * body uses solely to read fields (p.X as a value) can use the caller's
 * block as it is, which saves an allocation per call of the small value
 * methods (Vec.Add, Point.Dist) programs are full of. The test is
 * syntactic and cautious: any use of p other than as the operand of a
 * field selector, a field selector that is assigned, incremented, has its
 * address taken or a method called on it, or a closure or & of p
 * anywhere, and the copy is made.
 */
typedef struct ReadOnly {
	Obj *o;
	bool ok;
} ReadOnly;

/* The variable an lvalue or operand expression is rooted in. */
static Node *expr_root(Node *n)
{
	for (;;) {
		n = ast_unparen(n);
		if (!n)
			return NULL;
		if (n->kind == N_SELECTOR)
			n = n->u.selector.x;
		else if (n->kind == N_INDEX)
			n = n->u.index.x;
		else if (n->kind == N_SLICE)
			n = n->u.slice.x;
		else
			return n;
	}
}

static bool rooted_in(Node *n, Obj *o)
{
	Node *r = expr_root(n);
	return r && r->kind == N_IDENT && r->obj == o;
}

static void read_only_walk(Node *n, void *ctx)
{
	ReadOnly *ro = ctx;
	if (!ro->ok || !n)
		return;
	switch (n->kind) {
	case N_IDENT:
		if (n->obj == ro->o)
			ro->ok = false; /* p as a whole (field operands are skipped below) */
		return;
	case N_SELECTOR: {
		Node *x = ast_unparen(n->u.selector.x);
		if (x && x->kind == N_IDENT && x->obj == ro->o)
			return; /* p.f read: its context was checked by the parent */
		break;
	}
	case N_ASSIGN:
		for (int i = 0; i < n->u.assign.lhs.len; i++)
			if (rooted_in(n->u.assign.lhs.v[i], ro->o))
				ro->ok = false;
		break;
	case N_INCDEC:
		if (rooted_in(n->u.incdec.x, ro->o))
			ro->ok = false;
		break;
	case N_UNARY:
		if (n->u.op.op == OP_AND && rooted_in(n->u.op.x, ro->o))
			ro->ok = false;
		break;
	case N_CALL: {
		Node *f = ast_unparen(n->u.call.fun);
		if (f && f->kind == N_SELECTOR && rooted_in(f->u.selector.x, ro->o))
			ro->ok = false; /* p.f.M(): a method may take p.f's address */
		break;
	}
	case N_RANGE:
		if ((n->u.range.key && rooted_in(n->u.range.key, ro->o)) ||
		    (n->u.range.value && rooted_in(n->u.range.value, ro->o)))
			ro->ok = false;
		break;
	case N_FUNCLIT:
		ro->ok = false; /* (p captured would be caught by its flag; any
				 * closure is left alone all the same) */
		return;
	default:
		break;
	}
	ast_each_child(n, read_only_walk, ctx);
}

/* Marks each local aggregate a pointer into whose block may outlive the
 * expression that makes it (&x, &x.f, x.arr[:], a pointer method called
 * on x or on a part of it, as a call or a method value): then x's block
 * must stay x's for good. Any other local's block is x's alone (values
 * going elsewhere are copies, value_to), so x may be given a fresh block
 * where it is assigned, and its block be returned as the function's
 * result, with no copy (block_private). */
static void shared_walk(Node *n, void *ctx)
{
	(void)ctx;
	if (!n)
		return;
	Node *r = NULL;
	switch (n->kind) {
	case N_UNARY:
		if (n->u.op.op == OP_AND)
			r = expr_root(n->u.op.x);
		break;
	case N_SLICE:
		r = expr_root(n->u.slice.x);
		break;
	case N_SELECTOR: {
		Type *bt = n->u.selector.x ? n->u.selector.x->type : NULL;
		Selection sel;
		if (bt && n->u.selector.x->kind != N_BAD && !is_type_expr(n->u.selector.x)
		    && type_lookup(bt, n->u.selector.sel->u.ident.name, &sel) == 2 && sel.method
		    && sel.method->ptr_recv)
			r = expr_root(n->u.selector.x);
		break;
	}
	case N_FUNCLIT:
		/* its body is walked when it is compiled; a variable of ours
		 * it uses is captured, never private */
		return;
	default:
		break;
	}
	if (r && r->kind == N_IDENT && r->obj)
		((Obj *)r->obj)->block_shared = true;
	ast_each_child(n, shared_walk, NULL);
}

typedef struct Mention {
	Obj *o;
	bool found;
} Mention;

static void mention_walk(Node *n, void *ctx)
{
	Mention *m = ctx;
	if (!n || m->found)
		return;
	if (n->kind == N_IDENT && n->obj == m->o) {
		m->found = true;
		return;
	}
	ast_each_child(n, mention_walk, ctx);
}

/* Does expression n use variable o? */
static bool mentions(Node *n, Obj *o)
{
	Mention m = {o, false};
	mention_walk(n, &m);
	return m.found;
}

/* (A receiver used uncopied, the caller's own value, is never assigned or
 * returned whole: param_read_only allows it only field reads.) */
static bool block_private(FnState *fs, Obj *o)
{
	(void)fs;
	return o && o->kind == OBJ_VAR && !o->global && !o->captured && !o->addr_taken && !o->block_shared
	       && is_aggregate(o->type);
}

static bool param_read_only(Obj *o, Node *body)
{
	if (!body || o->captured || o->addr_taken || o->reassigned)
		return false;
	ReadOnly ro = {o, true};
	read_only_walk(body, &ro);
	return ro.ok;
}

static Proto *compile_function(FnState *outer, const char *name, Type *sig, Node *recv, Node *ftype, Node *body)
{
	/* a literal's body, compiled while its go or defer statement is, is
	 * code of its own */
	bool saved_in_defer = in_defer;
	in_defer = false;
	FnState fs;
	memset(&fs, 0, sizeof fs);
	fs.outer = outer;
	fs.name = name;
	fs.sig = sig;
	fs.result_base = -1;
	Proto *p = GC_MALLOC(sizeof *p);
	p->name = name;
	p->file = C->prog->file;
	p->line = body ? body->pos.line : 0;
	p->sig = sig;
	fs.p = p;
	fs.line = p->line;
	/* parameters: receiver, then each parameter (unnamed ones too) */
	int nparams = 0;
	Obj *param_objs[256];
	int nparam_objs = 0;
	if (recv) {
		Node *id = recv->u.field.names.len ? recv->u.field.names.v[0] : NULL;
		Obj *o = id ? id->obj : NULL;
		declare(&fs, o);
		if (o)
			param_objs[nparam_objs++] = o;
		else
			param_objs[nparam_objs++] = NULL;
		nparams++;
	}
	NodeList *pl = &ftype->u.functype.params;
	for (int i = 0; i < pl->len; i++) {
		Node *f = pl->v[i];
		int k = f->u.field.names.len;
		if (!k) {
			declare(&fs, NULL);
			param_objs[nparam_objs++] = NULL;
			nparams++;
			continue;
		}
		for (int j = 0; j < k; j++) {
			Obj *o = f->u.field.names.v[j]->obj;
			declare(&fs, o);
			param_objs[nparam_objs++] = o;
			nparams++;
		}
	}
	p->nparams = nparams;
	p->nresults = sig->nresults;
	p->variadic = sig->variadic;
	shared_walk(body, NULL);
	/* parameters that live in cells, and aggregate parameters (copies) */
	for (int i = 0; i < nparam_objs; i++) {
		Obj *o = param_objs[i];
		if (!o)
			continue;
		Local *l = &fs.locals[i];
		if (is_aggregate(o->type)) {
			/* X: the copy Go's caller makes of an argument (-race
			 * reports its reads at the call); 2: no copy is needed,
			 * only those reads. A parameter's argument is a copy
			 * already (every call copies a variable's value into its
			 * arguments, value_to; a call's result is fresh); a
			 * receiver may be an interface's boxed value or a method
			 * value's bound one, which every call must leave as it
			 * was, so it is copied unless only read (param_read_only) */
			int pc = emit_bx(&fs, BC_CLONE, l->reg, (uint32_t)type_k(&fs, o->type));
			fs.code[pc].x = !(recv && i == 0) || param_read_only(o, body) ? 2 : 1;
		} else if (l->cell) {
			int t = alloc_reg(&fs);
			emit(&fs, BC_MOVE, t, l->reg, 0);
			emit(&fs, BC_NEWCELL, l->reg, 0, 0);
			emit(&fs, BC_STORE, l->reg, t, 0);
			free_temps(&fs);
		}
	}
	/* named results are locals initialised to zero */
	NodeList *rl = &ftype->u.functype.results;
	if (rl->len && rl->v[0]->u.field.names.len) {
		fs.results = GC_MALLOC(sizeof(Obj *) * (size_t)sig->nresults);
		fs.nresults = 0;
		for (int i = 0; i < rl->len; i++)
			for (int j = 0; j < rl->v[i]->u.field.names.len; j++) {
				Obj *o = rl->v[i]->u.field.names.v[j]->obj;
				int li = declare(&fs, o);
				Local *l = &fs.locals[li];
				if (fs.result_base < 0)
					fs.result_base = l->reg;
				if (l->cell) {
					int t = alloc_reg(&fs);
					zero_value(&fs, o->type, t);
					emit(&fs, BC_NEWCELL, l->reg, 0, 0);
					emit(&fs, BC_STORE, l->reg, t, 0);
					free_temps(&fs);
				} else {
					zero_value(&fs, o->type, l->reg);
				}
				fs.results[fs.nresults++] = o;
			}
	}
	if (body) {
		block(&fs, &body->u.block.stmts);
		fs.line = body->end.line ? body->end.line : fs.line;
	}
	for (int g = 0; g < fs.ngotos; g++)
		for (int l = 0; l < fs.nlabels; l++)
			if (!strcmp(fs.goto_names[g], fs.label_names[l]))
				patch_to(&fs, fs.goto_pcs[g], fs.label_pcs[l]);
	/* falling off the end, which is also where a recovered panic
	 * resumes: return the named results, or zero values */
	p->epilogue = fs.ncode;
	if (fs.result_base >= 0) {
		emit(&fs, BC_RUNDEFERS, 0, 0, 0);
		int base = alloc_regs(&fs, fs.nresults);
		for (int i = 0; i < fs.nresults; i++)
			read_var(&fs, fs.results[i], base + i);
		emit(&fs, BC_RET, base, fs.nresults, 1);
	} else if (sig->nresults > 0) {
		int base = alloc_regs(&fs, sig->nresults);
		for (int i = 0; i < sig->nresults; i++)
			zero_value(&fs, sig->results[i].type, base + i);
		emit(&fs, BC_RET, base, sig->nresults, 0);
	} else {
		emit(&fs, BC_RET, 0, 0, 0);
	}
	/* Go 1.19 numbers the wrappers of go and defer statements after the
	 * function's literals */
	for (int w = 0; w < fs.nwrappers; w++) {
		char wname[256];
		snprintf(wname, sizeof wname, fs.outer ? "%s.%d" : "%s.func%d", name, fs.nlit + 1 + w);
		fs.wrappers[w]->name = ast_strndup(wname, strlen(wname));
	}
	p->code = fs.code;
	p->lines = fs.lines;
	p->ncode = fs.ncode;
	p->ubounds = fs.ubounds;
	p->nubounds = fs.nubounds;
	p->k = fs.k;
	p->nk = fs.nk;
	p->nregs = fs.maxregs + 4;
	/* the capture list: how the creator fills this proto's cells */
	Capture *caps = GC_MALLOC_ATOMIC(sizeof(Capture) * (size_t)(fs.nups + 1));
	for (int i = 0; i < fs.nups; i++)
		caps[i] = fs.ups[i].cap;
	p->captures = caps;
	p->ncaptures = fs.nups;
	in_defer = saved_in_defer;
	return p;
}

/* ---- the program ---------------------------------------------------------------------- */

static void fill_method_impls(Type *t)
{
	if (!t || t->kind != TY_NAMED)
		return;
	for (int i = 0; i < t->nmethods; i++)
		if (t->methods[i].func && !t->methods[i].impl)
			t->methods[i].impl = func_closure(t->methods[i].func);
}

/* Method tables of the package's named types, and of the standard
 * packages loaded so far. */
static void fill_all_method_impls(Package *pkg)
{
	for (int i = 0; i < pkg->scope->len; i++) {
		Obj *o = pkg->scope->objs[i];
		if (o->kind == OBJ_TYPE)
			fill_method_impls(o->type);
	}
	int npk;
	Package **pks = check_loaded_packages(&npk);
	for (int k = 0; k < npk; k++)
		for (int i = 0; i < pks[k]->scope->len; i++)
			if (pks[k]->scope->objs[i]->kind == OBJ_TYPE)
				natives_attach_methods(pks[k]->scope->objs[i]->type);
}

/* The code initialising file's package variables, in dependency order
 * (initorder.h), then calls of its init functions; ends in RET. */
static Proto *compile_init(Node *file, const char *name)
{
	FnState ifs;
	memset(&ifs, 0, sizeof ifs);
	Proto *init = GC_MALLOC(sizeof *init);
	init->name = name;
	init->file = C->prog->file;
	ifs.p = init;
	ifs.name = name;
	ifs.result_base = -1;
	ifs.sig = type_new(TY_FUNC);
	int nunits;
	InitUnit *units = init_order(file, &nunits);
	for (int i = 0; i < nunits; i++) {
		Node *spec = units[i].spec;
		NodeList *names = &spec->u.value.names, *values = &spec->u.value.values;
		ifs.line = spec->pos.line;
		if (units[i].index >= 0) {
			/* one of var a, b = x, y */
			Obj *o = names->v[units[i].index]->obj;
			int r = alloc_reg(&ifs);
			value_here(&ifs, values->v[units[i].index], o ? o->type : NULL, r);
			if (o && strcmp(o->name, "_"))
				emit_bx(&ifs, BC_SETG, r, (uint32_t)global_index(o));
			free_temps(&ifs);
			continue;
		}
		int n = names->len;
		int base = alloc_regs(&ifs, n);
		if (values->len == n) {
			for (int k = 0; k < n; k++) {
				Obj *o = names->v[k]->obj;
				value_here(&ifs, values->v[k], o ? o->type : NULL, base + k);
			}
		} else if (values->len == 1) {
			Node *r0 = ast_unparen(values->v[0]);
			int got = multi_value(&ifs, r0, n);
			if (got < 0)
				return init;
			for (int k = 0; k < n; k++) {
				Obj *o = names->v[k]->obj;
				if (got + k != base + k)
					emit(&ifs, BC_MOVE, base + k, got + k, 0);
				if (o && o->type && type_is_interface(o->type))
					box_if_needed(&ifs, multi_value_type(r0, k), o->type, base + k);
			}
		} else {
			for (int k = 0; k < n; k++) {
				Obj *o = names->v[k]->obj;
				zero_value(&ifs, o ? o->type : NULL, base + k);
			}
		}
		for (int k = 0; k < n; k++) {
			Obj *o = names->v[k]->obj;
			if (o && strcmp(o->name, "_"))
				emit_bx(&ifs, BC_SETG, base + k, (uint32_t)global_index(o));
		}
		free_temps(&ifs);
	}
	/* the calls of init functions have no line: Go's runtime makes them,
	 * and stacks show no main.init below them (vm_init_calling) */
	ifs.line = 0;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL && !d->u.func.recv && !strcmp(d->u.func.name->u.ident.name, "init") && d->u.func.body) {
			Obj *o = d->u.func.name->obj;
			int r = alloc_reg(&ifs);
			emit_bx(&ifs, BC_LOADK, r, (uint32_t)add_kp(&ifs, func_closure(o)));
			emit(&ifs, BC_CALL, r, 0, 0);
			free_temps(&ifs);
		}
	}
	emit(&ifs, BC_RET, 0, 0, 0);
	init->ubounds = ifs.ubounds;
	init->nubounds = ifs.nubounds;
	init->code = ifs.code;
	init->lines = ifs.lines;
	init->ncode = ifs.ncode;
	init->k = ifs.k;
	init->nk = ifs.nk;
	init->nregs = ifs.maxregs + 4;
	return init;
}

/* Compile every function and method of file into its closure. */
static void compile_funcs(Node *file)
{
	int ninit = 0;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind != N_FUNCDECL || !d->u.func.body)
			continue;
		Obj *o = d->u.func.name->obj;
		if (!o)
			continue;
		char name[256];
		const char *full = d->u.func.recv ? method_name(o) : NULL;
		if (!full) {
			/* a file's init functions are main.init.0, main.init.1, ...
			 * (main.init is the package's: variables, then these) */
			if (!strcmp(o->name, "init"))
				snprintf(name, sizeof name, "main.init.%d", ninit++);
			else
				snprintf(name, sizeof name, "main.%s", o->name);
			full = ast_strndup(name, strlen(name));
		}
		Proto *p = compile_function(NULL, full, o->type, d->u.func.recv, d->u.func.type, d->u.func.body);
		add_compiled_proto(p);
		GolClosure *f = func_closure(o);
		if (C->defer_install) {
			if (C->npend == C->cappend) {
				int cap = C->cappend ? C->cappend * 2 : 16;
				size_t n = (size_t)C->npend;
				C->pend_f = gc_resized(C->pend_f, n, (size_t)cap, sizeof *C->pend_f, false);
				C->pend_p = gc_resized(C->pend_p, n, (size_t)cap, sizeof *C->pend_p, false);
				C->pend_name = gc_resized(C->pend_name, n, (size_t)cap, sizeof *C->pend_name, false);
				C->cappend = cap;
			}
			C->pend_f[C->npend] = f;
			C->pend_p[C->npend] = p;
			C->pend_name[C->npend++] = full;
			continue;
		}
		f->proto = p;
		f->name = full;
		if (!d->u.func.recv && !strcmp(o->name, "main"))
			C->prog->main = p;
	}
}

/* Standard packages' variables (os.Args...) are made by natives: find
 * them for globals from..nglobals. */
static void find_global_inits(Program *prog, int from)
{
	for (int g = from; g < C->nglobals; g++) {
		Obj *o = C->globals[g];
		if (o->pkg && strcmp(o->pkg, "main")) {
			char name[256];
			snprintf(name, sizeof name, "%s.%s", o->pkg, o->name);
			prog->global_init[g] = natives_lookup(name);
			if (!prog->global_init[g])
				cerror(C->global_use && C->global_use[g].line ? C->global_use[g] : o->pos,
				       "gol: %s is not implemented yet", name);
		}
	}
}

Program *compile_program(Package *pkg, Diag *diag)
{
	Compiler comp;
	memset(&comp, 0, sizeof comp);
	comp.diag = diag;
	comp.pkg = pkg;
	C = &comp;
	Program *prog = GC_MALLOC(sizeof *prog);
	prog->file = diag->filename;
	comp.prog = prog;
	Node *file = pkg->file;
	fill_all_method_impls(pkg);
	prog->init = compile_init(file, "main.init");
	compile_funcs(file);
	prog->nglobals = comp.nglobals;
	prog->globals = GC_MALLOC(sizeof(Value) * (size_t)(comp.nglobals + 1));
	prog->global_init = GC_MALLOC(sizeof(NativeFn) * (size_t)(comp.nglobals + 1));
	find_global_inits(prog, 0);
	C = NULL;
	return comp.failed ? NULL : prog;
}

/* ---- the REPL ------------------------------------------------------------------- */

/* One session's compiler state lives across inputs: its globals keep
 * their slots, and the globals array never moves (goroutines running in
 * the background hold no pointer into it, but GADDR results do). */
static Compiler repl_comp;

Program *compile_repl_program(const char *filename)
{
	memset(&repl_comp, 0, sizeof repl_comp);
	Program *prog = GC_MALLOC(sizeof *prog);
	prog->file = filename;
	prog->globals = GC_MALLOC(sizeof(Value) * REPL_MAX_GLOBALS);
	prog->global_init = GC_MALLOC(sizeof(NativeFn) * REPL_MAX_GLOBALS);
	repl_comp.prog = prog;
	return prog;
}

Proto *compile_repl_input(Program *prog, Package *pkg, Node *file, bool stmts, Diag *diag)
{
	C = &repl_comp;
	C->diag = diag;
	C->pkg = pkg;
	C->failed = false;
	int from = C->nglobals;
	fill_all_method_impls(pkg);
	Proto *p;
	if (stmts) {
		Node *fd = file->u.file.decls.v[0];
		Obj *fo = fd->u.func.name->obj;
		p = compile_function(NULL, "main.main", fo->type, NULL, fd->u.func.type, fd->u.func.body);
		add_compiled_proto(p); /* so a race report or :disasm can name it */
	} else {
		p = compile_init(file, "main.init");
		C->defer_install = true;
		C->npend = 0;
		compile_funcs(file);
		C->defer_install = false;
		if (!C->failed)
			for (int k = 0; k < C->npend; k++) {
				C->pend_f[k]->proto = C->pend_p[k];
				C->pend_f[k]->name = C->pend_name[k];
			}
		C->npend = 0;
		fill_all_method_impls(pkg);
	}
	if (C->nglobals > REPL_MAX_GLOBALS) {
		cerror((Pos){1, 1}, "gol: a session holds at most %d variables", REPL_MAX_GLOBALS);
		C->nglobals = from;
	}
	find_global_inits(prog, from);
	prog->nglobals = C->nglobals;
	bool failed = C->failed;
	C = NULL;
	return failed ? NULL : p;
}
