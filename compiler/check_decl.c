/*
 * check_decl.c — declarations: the universe, packages and their imports,
 * package-level objects (resolved on demand, so order of declaration does
 * not matter and cycles are found), type expressions and signatures, and
 * the program-wide checks (unused imports and variables).
 */
#include "check_int.h"
#include "strbuf.h"
#include "value.h"
#include "parse.h"
#include "stdlib_decls.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>

Scope *universe;

void checker_error(Checker *c, Pos pos, const char *fmt, ...)
{
	/* a message may be long: a cycle's path, a huge constant */
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *buf = GC_MALLOC_ATOMIC((size_t)(n > 0 ? n : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
	va_end(ap);
	/* As types2 does: a message that mentions an invalid operand or
	 * type somewhere after its start follows from an earlier error (an
	 * undefined name, a package not imported) and says nothing new, so
	 * once there is an error it is left out. */
	const char *io = strstr(buf, "invalid operand"), *it = strstr(buf, "invalid type");
	if (diag_count(c->diag) && ((io && io > buf) || (it && it > buf)))
		return;
	diag_errorf(c->diag, c->errpos.line ? c->errpos : pos, "%s", buf);
}

static void universe_init(void)
{
	if (universe)
		return;
	types_init();
	const_init();
	universe = scope_new(NULL);
	static const struct { const char *name; TypeKind k; } basics[] = {
		{"bool", TY_BOOL}, {"int", TY_INT}, {"int8", TY_INT8}, {"int16", TY_INT16},
		{"int32", TY_INT32}, {"int64", TY_INT64}, {"uint", TY_UINT}, {"uint8", TY_UINT8},
		{"uint16", TY_UINT16}, {"uint32", TY_UINT32}, {"uint64", TY_UINT64},
		{"uintptr", TY_UINTPTR}, {"float32", TY_FLOAT32}, {"float64", TY_FLOAT64},
		{"complex64", TY_COMPLEX64}, {"complex128", TY_COMPLEX128}, {"string", TY_STRING},
	};
	Pos none = {0, 0};
	for (size_t i = 0; i < sizeof basics / sizeof *basics; i++) {
		Obj *o = obj_new(OBJ_TYPE, basics[i].name, none, type_basic[basics[i].k]);
		o->state = 2;
		scope_insert(universe, o);
	}
	Obj *o = obj_new(OBJ_TYPE, "byte", none, type_byte);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_TYPE, "rune", none, type_rune);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_TYPE, "error", none, type_error);
	o->state = 2;
	type_error->obj = o;
	scope_insert(universe, o);
	o = obj_new(OBJ_TYPE, "any", none, type_any);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_CONST, "true", none, type_basic[TY_UNTYPED_BOOL]);
	o->cv = const_bool(true);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_CONST, "false", none, type_basic[TY_UNTYPED_BOOL]);
	o->cv = const_bool(false);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_CONST, "iota", none, type_basic[TY_UNTYPED_INT]);
	o->state = 2;
	scope_insert(universe, o);
	o = obj_new(OBJ_NIL, "nil", none, type_basic[TY_UNTYPED_NIL]);
	o->state = 2;
	scope_insert(universe, o);
	static const char *const bnames[] = {
		"",
#define X(id, name) name,
		GOL_BUILTINS(X)
#undef X
	};
	for (int b = 1; b < BI__COUNT; b++) {
		o = obj_new(OBJ_BUILTIN, bnames[b], none, NULL);
		o->builtin = (Builtin)b;
		o->state = 2;
		scope_insert(universe, o);
	}
}

/* A name declared at the top level of a REPL input joins the session's
 * package scope, in place of any earlier one of that name (and of a
 * standard package of that name: the user's name wins). */
static void repl_declare(Checker *c, Obj *o)
{
	o->global = true;
	o->pkg = c->pkg->path;
	o->func = NULL;
	o->used = true;
	if (!strcmp(o->name, "_"))
		return;
	scope_replace(c->pkg->scope, o);
	Obj *p = scope_lookup_here(c->pkg->fscope, o->name);
	if (p && p->kind == OBJ_PKG)
		scope_remove(c->pkg->fscope, o->name);
}

/* types2's "x redeclared in this block" (what is named: x, or T.M for a
 * method), with its continuation line saying where old is declared. */
static void report_redeclared(Checker *c, Pos pos, const char *what, Obj *old)
{
	if (old && old->pos.line > 0)
		checker_error(c, pos, "%s redeclared in this block\n\t%s:%d:%d: other declaration of %s", what,
			      c->diag->filename, old->pos.line, old->pos.col, old->name);
	else
		checker_error(c, pos, "%s redeclared in this block", what);
}

void declare_local(Checker *c, Obj *o)
{
	if (c->repl_scope && c->scope == c->repl_scope && o->kind != OBJ_LABEL) {
		repl_declare(c, o);
		return;
	}
	o->func = c->fn ? c->fn->obj : NULL;
	Obj *old = scope_insert(c->scope, o);
	if (old) {
		report_redeclared(c, o->pos, o->name, old);
		return;
	}
	if (o->kind == OBJ_VAR && strcmp(o->name, "_")) {
		GC_RESERVE(c->locals, c->nlocals, c->caplocals, 64);
		c->locals[c->nlocals++] = o;
	}
}

/* ---- type expressions ----------------------------------------------------- */

static int64_t check_array_len(Checker *c, Node *len)
{
	/* a name is looked at first (types2 suspects a type parameter
	 * declaration missing its constraint): only a constant will do, and
	 * anything else is not evaluated */
	if (len->kind == N_IDENT) {
		Obj *o = scope_lookup(c->scope, len->u.ident.name, NULL);
		if (!o || !strcmp(len->u.ident.name, "_")) {
			checker_error(c, len->pos, "undeclared name %s for array length", len->u.ident.name);
			return 0;
		}
		if (o->kind != OBJ_CONST) {
			checker_error(c, len->pos, "invalid array length %s", len->u.ident.name);
			return 0;
		}
	}
	Operand x;
	check_expr(c, len, &x, NULL);
	if (x.mode == M_INVALID)
		return 0;
	if (x.mode != M_CONST) {
		checker_error(c, ast_start(len), "array length %s must be constant", operand_string(&x));
		return 0;
	}
	/* an untyped 3.0 will do, a float64 3.0 will not; a length past
	 * int is "must be integer" too */
	if ((!type_is_untyped(x.type) && !type_is_integer(x.type)) || !const_is_int_value(x.cv)
	    || !const_fits_int(x.cv, 64, false)) {
		checker_error(c, ast_start(len), "array length %s must be integer", operand_string(&x));
		return 0;
	}
	if (const_sign(x.cv) < 0) {
		checker_error(c, ast_start(len), "invalid array length %s", operand_string(&x));
		return 0;
	}
	return const_to_int64(x.cv);
}

/* Whether a struct's field f[j], named at pos, is the first of its name.
 * types2 reports a second one as soon as it meets it, right after the type
 * of its declaration, and leaves it out of the struct (so that selecting
 * the name is not ambiguous too). */
static bool check_field_unique(Checker *c, Field *f, Pos *at, int j, Pos pos)
{
	at[j] = pos;
	if (!f[j].name || !strcmp(f[j].name, "_"))
		return true;
	for (int i = 0; i < j; i++)
		if (f[i].name && !strcmp(f[i].name, f[j].name)) {
			checker_error(c, pos, "%s redeclared\n\t%s:%d:%d: other declaration of %s", f[j].name,
				      c->diag->filename, at[i].line, at[i].col, f[j].name);
			return false;
		}
	return true;
}

/* The fields of a parameter or result list, or of a struct (strukt). */
static Field *check_fields(Checker *c, NodeList *l, int *nout, bool params, bool *variadic, bool strukt)
{
	int n = 0;
	for (int i = 0; i < l->len; i++) {
		int k = l->v[i]->u.field.names.len;
		n += k ? k : 1;
	}
	Field *f = GC_MALLOC(sizeof *f * (size_t)(n ? n : 1));
	Pos *at = strukt ? GC_MALLOC_ATOMIC(sizeof *at * (size_t)(n ? n : 1)) : NULL;
	int j = 0;
	for (int i = 0; i < l->len; i++) {
		Node *fd = l->v[i];
		Node *tn = fd->u.field.type;
		Type *t;
		if (tn->kind == N_ELLIPSIS) {
			if (!params || i != l->len - 1 || fd->u.field.names.len > 1) {
				checker_error(c, tn->pos, "can only use ... with final parameter in list");
			}
			if (variadic)
				*variadic = true;
			t = type_slice(check_type(c, tn->u.un1.x));
		} else {
			t = check_type(c, tn);
		}
		const char *tag = fd->u.field.tag ? fd->u.field.tag->u.lit.val.s : NULL;
		if (!fd->u.field.names.len) {
			f[j].type = t;
			f[j].embedded = fd->u.field.embedded;
			f[j].tag = tag;
			f[j].pkg = strukt ? (c->home ? c->home : c->pkg->path) : NULL;
			if (fd->u.field.embedded && strukt && c->later) {
				Later *l = c->later;
				GC_RESERVE(l->embeds, l->nembeds, l->capembeds, 8);
				l->embeds[l->nembeds++] = (KeyCheck){t, tn->pos};
			}
			if (fd->u.field.embedded) {
				/* the field is named by the type's name */
				Node *tnn = tn->kind == N_STAR ? tn->u.un1.x : tn;
				f[j].name = tnn->kind == N_SELECTOR ? tnn->u.selector.sel->u.ident.name
					  : tnn->kind == N_IDENT ? tnn->u.ident.name : "?";
			}
			if (!strukt || check_field_unique(c, f, at, j, ast_start(tn)))
				j++;
			continue;
		}
		for (int k = 0; k < fd->u.field.names.len; k++) {
			f[j].name = fd->u.field.names.v[k]->u.ident.name;
			f[j].type = t;
			f[j].tag = tag;
			f[j].pkg = strukt ? (c->home ? c->home : c->pkg->path) : NULL;
			if (!strukt || check_field_unique(c, f, at, j, fd->u.field.names.v[k]->pos))
				j++;
		}
	}
	*nout = j;
	return f;
}

static int cmp_method(const void *a, const void *b)
{
	return strcmp(((const Method *)a)->name, ((const Method *)b)->name);
}


/* The named types whose declarations are being resolved, outermost
 * first, each with the count of indirections (function signatures, and
 * pointer, slice, map and channel elements) it was reached under. An
 * interface that embeds one of them, whose underlying type is not known
 * yet, closes a cycle through them if no indirection lies between
 * (interface{ J } and J's interface{ I }); across one it only has to wait
 * for that type's methods (interface{ Kids() []T } and T's
 * interface{ Node; Size() int }). */
static struct Resolving {
	Type *t;
	int ind;
} *resolving;
static int nresolving, capresolving;
static int indirections;

static void report_type_cycle(Checker *c, Type **path, int n);

/* An interface to complete once the methods of what it embeds are known:
 * its own methods (already checked) and its embedded types. */
typedef struct IfaceBuild {
	Type *t;
	Method *own;
	Pos *ownpos;
	int nown;
	Type **emb;
	Pos *embpos;
	int nemb;
} IfaceBuild;

static IfaceBuild **waiting;
static int nwaiting, capwaiting;

static void report_dup_method(Checker *c, Pos pos, const char *name, Pos other)
{
	checker_error(c, pos, "duplicate method %s\n\t%s:%d:%d: other declaration of %s", name, c->diag->filename,
		      other.line, other.col, name);
}

/* Are embedded type e's methods known? */
static bool embed_ready(Type *e)
{
	if (e->kind == TY_NAMED && !e->underlying)
		return false;
	Type *eu = type_under(e);
	return !(eu && eu->kind == TY_INTERFACE && eu->incomplete);
}

/* b's method set: its own methods, then the embedded interfaces' (one met
 * again with the same signature is fine), as types2 takes them. */
static void iface_merge(Checker *c, IfaceBuild *b)
{
	int cap = b->nown;
	for (int i = 0; i < b->nemb; i++) {
		Type *eu = type_under(b->emb[i]);
		if (eu && eu->kind == TY_INTERFACE)
			cap += eu->nmethods;
	}
	Method *ms = GC_MALLOC(sizeof *ms * (size_t)(cap + 1));
	Pos *mpos = GC_MALLOC_ATOMIC(sizeof *mpos * (size_t)(cap + 1));
	int nm = b->nown;
	if (nm) {
		memcpy(ms, b->own, sizeof *ms * (size_t)nm);
		memcpy(mpos, b->ownpos, sizeof *mpos * (size_t)nm);
	}
	for (int i = 0; i < b->nemb; i++) {
		Type *eu = type_under(b->emb[i]);
		if (!eu || eu->kind != TY_INTERFACE)
			continue;
		for (int k = 0; k < eu->nmethods; k++) {
			Method *add = &eu->methods[k];
			int dup = -1;
			for (int m = 0; m < nm && dup < 0; m++)
				if (!strcmp(ms[m].name, add->name))
					dup = m;
			if (dup >= 0) {
				if (add->sig && ms[dup].sig && !type_identical(add->sig, ms[dup].sig))
					report_dup_method(c, b->embpos[i], add->name, mpos[dup]);
				continue;
			}
			mpos[nm] = b->embpos[i];
			ms[nm++] = *add;
		}
	}
	if (nm)
		qsort(ms, (size_t)nm, sizeof *ms, cmp_method);
	b->t->methods = ms;
	b->t->nmethods = nm;
	b->t->incomplete = false;
}

/* Completes every waiting interface whose embedded types' methods are
 * now known, until none is left that can be. */
static void complete_waiting(Checker *c)
{
	for (bool progress = true; progress;) {
		progress = false;
		for (int i = 0; i < nwaiting; i++) {
			IfaceBuild *b = waiting[i];
			bool ready = true;
			for (int k = 0; k < b->nemb && ready; k++)
				ready = embed_ready(b->emb[k]);
			if (!ready)
				continue;
			iface_merge(c, b);
			waiting[i--] = waiting[--nwaiting];
			progress = true;
		}
	}
}

/* Embedded named type e has no underlying type yet: it is being
 * resolved. With no indirection on the way from it to here, that is a
 * cycle: reported once, and e made invalid (as types2 then treats it,
 * and its declaration ends there). Returns whether it was. */
static bool embed_cycle(Checker *c, Type *e)
{
	for (int k = nresolving - 1; k >= 0; k--)
		if (resolving[k].t == e) {
			if (resolving[k].ind != indirections)
				return false;
			Type **path = GC_MALLOC(sizeof *path * (size_t)(nresolving - k));
			for (int i = k; i < nresolving; i++)
				path[i - k] = resolving[i].t;
			report_type_cycle(c, path, nresolving - k);
			e->underlying = type_invalid;
			return true;
		}
	return false;
}

static Type *check_interface(Checker *c, Node *n)
{
	Type *t = type_new(TY_INTERFACE);
	IfaceBuild *b = GC_MALLOC(sizeof *b);
	int capown = 0, capownpos = 0, capemb = 0, capembpos = 0;
	b->t = t;
	/* its own methods first, then what it embeds */
	for (int i = 0; i < n->u.fields.fields.len; i++) {
		Node *f = n->u.fields.fields.v[i];
		if (!f->u.field.names.len)
			continue;
		const char *name = f->u.field.names.v[0]->u.ident.name;
		indirections++;
		Type *sig = check_signature(c, f->u.field.type, NULL);
		indirections--;
		int dup = -1;
		for (int m = 0; m < b->nown && dup < 0; m++)
			if (!strcmp(b->own[m].name, name))
				dup = m;
		if (dup >= 0) {
			report_dup_method(c, f->pos, name, b->ownpos[dup]);
			continue;
		}
		GC_RESERVE(b->own, b->nown, capown, 8);
		GC_RESERVE(b->ownpos, b->nown, capownpos, 8);
		b->ownpos[b->nown] = f->pos;
		b->own[b->nown++] = (Method){.name = name, .sig = sig, .func = NULL, .ptr_recv = false};
	}
	bool ready = true;
	for (int i = 0; i < n->u.fields.fields.len; i++) {
		Node *f = n->u.fields.fields.v[i];
		if (f->u.field.names.len)
			continue;
		Type *e = check_type(c, f->u.field.type);
		if (e->kind == TY_NAMED && !e->underlying && embed_cycle(c, e))
			continue;
		if (embed_ready(e)) {
			Type *eu = type_under(e);
			if (!eu || eu->kind != TY_INTERFACE) {
				if (eu && eu->kind != TY_INVALID)
					checker_error(c, f->pos, "interface contains type constraints");
				continue;
			}
		} else {
			ready = false;
		}
		GC_RESERVE(b->emb, b->nemb, capemb, 8);
		GC_RESERVE(b->embpos, b->nemb, capembpos, 8);
		b->embpos[b->nemb] = f->pos;
		b->emb[b->nemb++] = e;
	}
	if (ready) {
		iface_merge(c, b);
	} else {
		/* completed when what it embeds is (complete_waiting) */
		t->incomplete = true;
		GC_RESERVE(waiting, nwaiting, capwaiting, 8);
		waiting[nwaiting++] = b;
	}
	return t;
}

bool list_too_long(Checker *c, Pos pos, int n, const char *what)
{
	if (n <= LIST_MAX)
		return false;
	checker_error(c, pos, "gol: more than %d %s are not supported yet", LIST_MAX, what);
	return true;
}

Type *check_signature(Checker *c, Node *ft, Node *recv)
{
	Type *t = type_new(TY_FUNC);
	(void)recv;
	t->fields = check_fields(c, &ft->u.functype.params, &t->nfields, true, &t->variadic, false);
	t->results = check_fields(c, &ft->u.functype.results, &t->nresults, false, NULL, false);
	if (list_too_long(c, ft->pos, t->nfields, "parameters") || list_too_long(c, ft->pos, t->nresults, "results"))
		t->nfields = t->nresults = 0;
	return t;
}

Type *check_type(Checker *c, Node *n)
{
	Type *t = NULL;
	switch (n->kind) {
	case N_IDENT:
	case N_SELECTOR: {
		Operand x;
		check_expr_or_type(c, n, &x);
		if (x.mode == M_INVALID)
			return type_invalid;
		if (x.mode == M_PKG) {
			checker_error(c, n->pos, "use of package %s not in selector", ast_expr_string(n));
			return type_invalid;
		}
		if (x.mode == M_NOVALUE) {
			checker_error(c, n->pos, "%s used as type", operand_string(&x));
			return type_invalid;
		}
		if (x.mode != M_TYPE) {
			checker_error(c, n->pos, "%s is not a type", operand_string(&x));
			return type_invalid;
		}
		return x.type;
	}
	case N_PAREN:
		t = check_type(c, n->u.un1.x);
		break;
	case N_STAR:
		indirections++;
		t = type_pointer(check_type(c, n->u.un1.x));
		indirections--;
		break;
	case N_SLICETYPE:
		indirections++;
		t = type_slice(check_type(c, n->u.slicetype.elem));
		indirections--;
		break;
	case N_ARRAYTYPE:
		if (n->u.array.len->kind == N_ELLIPSIS) {
			checker_error(c, n->u.array.len->pos, "invalid use of [...] array (outside a composite literal)");
			t = type_array(check_type(c, n->u.array.elem), 0);
		} else {
			int64_t len = check_array_len(c, n->u.array.len);
			t = type_array(check_type(c, n->u.array.elem), len);
		}
		break;
	case N_MAPTYPE: {
		indirections++;
		Type *k = check_type(c, n->u.map.key);
		Type *v = check_type(c, n->u.map.value);
		indirections--;
		if (c->later) {
			Later *l = c->later;
			GC_RESERVE(l->v, l->len, l->cap, 8);
			l->v[l->len++] = (KeyCheck){k, n->u.map.key->pos};
		} else if (k->kind != TY_INVALID && !type_comparable(k) && k->kind != TY_NAMED) {
			checker_error(c, n->u.map.key->pos, "invalid map key type %s", type_string(k, false));
		}
		t = type_map(k, v);
		break;
	}
	case N_CHANTYPE:
		indirections++;
		t = type_chan(check_type(c, n->u.chan.elem), n->u.chan.dir);
		indirections--;
		break;
	case N_FUNCTYPE:
		indirections++;
		t = check_signature(c, n, NULL);
		indirections--;
		break;
	case N_STRUCTTYPE: {
		t = type_new(TY_STRUCT);
		t->fields = check_fields(c, &n->u.fields.fields, &t->nfields, false, NULL, true);
		break;
	}
	case N_INTERFACETYPE:
		t = check_interface(c, n);
		break;
	default:
		checker_error(c, n->pos, "%s is not a type", ast_expr_string(n));
		return type_invalid;
	}
	n->type = t;
	return t;
}

void check_later(Checker *c)
{
	Later *l = c->later;
	if (!l)
		return;
	for (int i = 0; i < l->len; i++) {
		Type *k = l->v[i].key;
		if (k->kind != TY_INVALID && type_under(k) && !type_comparable(k))
			checker_error(c, l->v[i].pos, "invalid map key type %s", type_string(k, false));
	}
	l->len = 0;
	/* an embedded field's type: T or *T, T neither a pointer nor (under
	 * a *) an interface */
	for (int i = 0; i < l->nembeds; i++) {
		Type *t = l->embeds[i].key;
		bool ptr = t->kind == TY_POINTER;
		Type *u = type_under(ptr ? t->elem : t);
		if (!u || u->kind == TY_INVALID)
			continue;
		if (u->kind == TY_POINTER)
			checker_error(c, l->embeds[i].pos, "embedded field type cannot be a pointer");
		else if (u->kind == TY_INTERFACE && ptr)
			checker_error(c, l->embeds[i].pos, "embedded field type cannot be a pointer to an interface");
	}
	l->nembeds = 0;
}

void note_size(Checker *c, Type *t, Pos pos)
{
	Later *l = c->later;
	if (!l || !t)
		return;
	GC_RESERVE(l->sized, l->nsized, l->capsized, 8);
	l->sized[l->nsized++] = (KeyCheck){t, pos};
}

/* cmd/compile's types.MaxWidth on 64-bit targets */
#define MAX_WIDTH ((int64_t)1 << 50)

/* The size of t, saturated at MAX_WIDTH. */
static int64_t capped_size(Type *t, int depth)
{
	Type *u = type_under(t);
	if (!u || depth > 32)
		return 0;
	if (u->kind == TY_ARRAY) {
		int64_t w = capped_size(u->elem, depth + 1);
		return w && u->len > (MAX_WIDTH - 1) / w ? MAX_WIDTH : u->len * w;
	}
	if (u->kind == TY_STRUCT) {
		int64_t off = 0;
		for (int i = 0; i < u->nfields && off < MAX_WIDTH; i++)
			off += capped_size(u->fields[i].type, depth + 1) + 8;
		return off < MAX_WIDTH ? type_size(u) : MAX_WIDTH;
	}
	return type_size(u);
}

/* The innermost array type in t too large for the address space, not
 * looking into named types (their own declarations report them). */
static Type *too_large_array(Type *t, int depth)
{
	if (!t || depth > 32)
		return NULL;
	Type *in = NULL;
	switch (t->kind) {
	case TY_ARRAY: {
		if ((in = too_large_array(t->elem, depth + 1)))
			return in;
		int64_t w = capped_size(t->elem, 0);
		return w && t->len > (MAX_WIDTH - 1) / w ? t : NULL;
	}
	case TY_STRUCT:
		for (int i = 0; i < t->nfields && !in; i++)
			in = too_large_array(t->fields[i].type, depth + 1);
		return in;
	case TY_MAP:
		if ((in = too_large_array(t->key, depth + 1)))
			return in;
		return too_large_array(t->elem, depth + 1);
	case TY_POINTER:
	case TY_SLICE:
	case TY_CHAN:
		return too_large_array(t->elem, depth + 1);
	default:
		return NULL;
	}
}

static int cmp_keycheck_pos(const void *a, const void *b)
{
	Pos p = ((const KeyCheck *)a)->pos, q = ((const KeyCheck *)b)->pos;
	return p.line != q.line ? (p.line > q.line) - (p.line < q.line) : (p.col > q.col) - (p.col < q.col);
}

void check_sizes(Checker *c)
{
	Later *l = c->later;
	if (!l || !l->nsized)
		return;
	if (!diag_count(c->diag)) {
		qsort(l->sized, (size_t)l->nsized, sizeof *l->sized, cmp_keycheck_pos);
		/* cmd/compile drops an error equal to the one before on its line */
		const char *last = NULL;
		int last_line = 0;
		for (int i = 0; i < l->nsized; i++) {
			Type *a = too_large_array(l->sized[i].key, 0);
			if (!a)
				continue;
			StrBuf b = {0};
			strbuf_printf(&b, "type %s larger than address space", type_string(a, false));
			const char *msg = strbuf_str(&b);
			if (last && last_line == l->sized[i].pos.line && !strcmp(last, msg))
				continue;
			last = msg;
			last_line = l->sized[i].pos.line;
			checker_error(c, l->sized[i].pos, "%s", msg);
		}
	}
	l->nsized = 0;
}

/* ---- package-level objects ------------------------------------------------- */

void const_arity(Checker *c, Node *spec, Node *vspec)
{
	int l = spec->u.value.names.len, r = vspec ? vspec->u.value.values.len : 0;
	if (l < r) {
		Node *n = vspec->u.value.values.v[l];
		if (vspec != spec) {
			Pos p = ast_start(n);
			checker_error(c, spec->pos, "extra init expr at %s:%d:%d", c->diag->filename, p.line, p.col);
		} else {
			checker_error(c, ast_start(n), "extra init expr %s", ast_expr_string(n));
		}
	} else if (l > r) {
		Node *id = spec->u.value.names.v[r];
		checker_error(c, id->pos, "missing init expr for %s", id->u.ident.name);
	}
}

static void resolve_const(Checker *c, Obj *o)
{
	Node *spec = o->decl;
	/* find this name's index and the expressions that apply (a spec with
	 * no values repeats the previous spec's, which the collector linked in
	 * spec->obj as "the spec that had values") */
	int idx = 0;
	for (int i = 0; i < spec->u.value.names.len; i++)
		if (spec->u.value.names.v[i]->obj == o)
			idx = i;
	Node *vspec = spec;
	if (!spec->u.value.values.len && !spec->u.value.type)
		vspec = (Node *)spec->obj; /* previous spec with values, see collect */
	/* the spec's count is checked once, with its first name */
	if (idx == 0)
		const_arity(c, spec, vspec);
	int saved = c->iota;
	c->iota = spec->u.value.iota;
	Type *typ = vspec && vspec->u.value.type ? check_type(c, vspec->u.value.type) : NULL;
	if (!vspec || idx >= vspec->u.value.values.len || !const_type_ok(c, vspec->u.value.type, typ)) {
		o->type = type_invalid;
		c->iota = saved;
		return;
	}
	/* an inherited expression's errors are the constant's */
	Pos saved_errpos = c->errpos;
	if (vspec != spec)
		c->errpos = o->pos;
	Operand x;
	check_expr(c, vspec->u.value.values.v[idx], &x, typ);
	c->iota = saved;
	if (x.mode == M_INVALID) {
		o->type = type_invalid;
	} else if (x.mode != M_CONST) {
		checker_error(c, x.expr->pos, "%s is not constant", operand_string(&x));
		o->type = type_invalid;
	} else {
		if (typ)
			assign_to(c, &x, typ, "constant declaration");
		o->type = x.type;
		o->cv = x.cv;
	}
	c->errpos = saved_errpos;
}

static void resolve_var_global(Checker *c, Obj *o)
{
	Node *spec = o->decl;
	Type *typ = spec->u.value.type ? check_type(c, spec->u.value.type) : NULL;
	note_size(c, typ, o->pos);
	int n = spec->u.value.names.len, nv = spec->u.value.values.len;
	if (!nv) {
		o->type = typ;
		return;
	}
	if (nv == n) {
		int idx = 0;
		for (int i = 0; i < n; i++)
			if (spec->u.value.names.v[i]->obj == o)
				idx = i;
		Operand x;
		check_expr(c, spec->u.value.values.v[idx], &x, typ);
		if (typ)
			assign_to(c, &x, typ, "variable declaration");
		else if (x.mode == M_NIL)
			checker_error(c, ast_start(x.expr), "use of untyped nil in variable declaration");
		else
			use_default_in(c, &x, "variable declaration");
		o->type = typ ? typ : x.type;
		if (x.mode == M_NIL)
			o->type = type_invalid;
		return;
	}
	/* the spec's names are resolved together from here on: a wrong
	 * count is reported once, as types2 reports it */
	if (nv != 1) {
		/* var a, b = 1, 2, 3 */
		for (int i = 0; i < nv; i++) {
			Operand x;
			check_expr(c, spec->u.value.values.v[i], &x, NULL);
		}
		const_arity(c, spec, spec);
		for (int i = 0; i < n; i++) {
			spec->u.value.names.v[i]->obj->type = type_invalid;
			spec->u.value.names.v[i]->obj->state = 2;
		}
		return;
	}
	/* var a, b = f() */
	if (n > 16) {
		checker_error(c, spec->pos, "gol: more than 16 variables set by one call are not supported yet");
		return;
	}
	Operand xs[16];
	Node *v0 = spec->u.value.values.v[0];
	int got = check_values(c, v0, xs, 16, true);
	if (got == -2 && n == 2) {
		/* v, ok = m[k] / x.(T) / <-ch: as a local declaration has it */
		got = 2;
		v0->cv = (ConstVal *)1;
		if (!typ)
			use_default(c, &xs[0]);
		xs[1].type = type_basic[TY_BOOL];
	} else if (got == -2) {
		got = 1;
	}
	if (got != n) {
		if (got >= 0 && ast_unparen(v0)->kind == N_CALL)
			checker_error(c, ast_start(v0), "assignment mismatch: %d variables but %s returns %d value%s", n,
				      ast_expr_string(ast_unparen(v0)->u.call.fun), got, got == 1 ? "" : "s");
		else if (got >= 0)
			checker_error(c, ast_start(v0), "assignment mismatch: %d variables but %d value%s", n, got,
				      got == 1 ? "" : "s");
		for (int i = 0; i < n; i++) {
			spec->u.value.names.v[i]->obj->type = type_invalid;
			spec->u.value.names.v[i]->obj->state = 2;
		}
		return;
	}
	for (int i = 0; i < n; i++) {
		Obj *v = spec->u.value.names.v[i]->obj;
		if (typ)
			assign_to(c, &xs[i], typ, "assignment");
		else
			use_default(c, &xs[i]);
		v->type = typ ? typ : xs[i].type;
		v->state = 2;
	}
}

/* Does t contain named type self by value (not through a pointer, slice,
 * map, chan or func)? Such a type would be infinitely large. path holds
 * the named types on the way from self (path[0]); returns how many, 0 if
 * self is not contained. */
#define VALUE_CYCLE_MAX 64
static int contains_by_value(Type *t, Type *self, Type **path, int depth)
{
	if (!t || depth >= VALUE_CYCLE_MAX)
		return 0;
	if (t == self)
		return depth;
	Type *u = t;
	if (t->kind == TY_NAMED) {
		path[depth++] = t;
		u = t->underlying;
	}
	if (!u)
		return 0;
	if (u->kind == TY_ARRAY)
		return contains_by_value(u->elem, self, path, depth);
	if (u->kind == TY_STRUCT)
		for (int i = 0; i < u->nfields; i++) {
			int n = contains_by_value(u->fields[i].type, self, path, depth);
			if (n)
				return n;
		}
	return 0;
}

/* types2's cycleError: the cycle told from its first type in the source,
 * "invalid recursive type A" then "A refers to", "B refers to", "A". */
static void report_type_cycle(Checker *c, Type **path, int n)
{
	int first = 0;
	for (int i = 1; i < n; i++) {
		Pos p = path[i]->obj->pos, f = path[first]->obj->pos;
		if (p.line < f.line || (p.line == f.line && p.col < f.col))
			first = i;
	}
	StrBuf b = {0};
	strbuf_printf(&b, "invalid recursive type %s", path[first]->name);
	for (int i = 0; i <= n; i++) {
		Obj *o = path[(first + i) % n]->obj;
		strbuf_printf(&b, "\n\t%s:%d:%d: %s%s", c->diag->filename, o->pos.line, o->pos.col, o->name,
			      i < n ? " refers to" : "");
	}
	checker_error(c, path[first]->obj->pos, "%s", strbuf_str(&b));
}

static void resolve_type_decl(Checker *c, Obj *o)
{
	Node *spec = o->decl;
	if (spec->u.typespec.alias) {
		o->type = check_type(c, spec->u.typespec.type);
		return;
	}
	Type *named = o->type; /* created at collection so methods can attach */
	GC_RESERVE(resolving, nresolving, capresolving, 16);
	resolving[nresolving++] = (struct Resolving){named, indirections};
	Type *u = check_type(c, spec->u.typespec.type);
	nresolving--;
	if (named->underlying == type_invalid)
		return; /* a cycle through embedded interfaces, reported */
	Type *path[VALUE_CYCLE_MAX];
	path[0] = named;
	int n = u == named ? 1 : contains_by_value(u, named, path, 1);
	if (n) {
		report_type_cycle(c, path, n);
		named->underlying = type_invalid;
		return;
	}
	named->underlying = type_under(u);
	if (!named->underlying || named->underlying->kind == TY_INVALID)
		named->underlying = type_invalid;
	/* an unused struct type's size is not computed */
	if (named->underlying->kind != TY_STRUCT)
		note_size(c, named->underlying, o->pos);
}

static void resolve_type(Checker *c, Obj *o)
{
	resolve_type_decl(c, o);
	/* interfaces waiting for this type's methods can have them now */
	complete_waiting(c);
}

static void resolve_func(Checker *c, Obj *o)
{
	Node *fd = o->decl;
	o->type = check_signature(c, fd->u.func.type, NULL);
	fd->u.func.name->type = o->type;
}

void record_dep(Checker *c, Obj *o)
{
	if (!c->deps || !c->decl_obj || !o->global || !o->pkg || strcmp(o->pkg, c->pkg->path))
		return;
	if (o->kind != OBJ_VAR && o->kind != OBJ_CONST && o->kind != OBJ_FUNC)
		return;
	Deps *d = c->deps;
	GC_RESERVE(d->v, d->len, d->cap, 64);
	d->v[d->len++] = (DepEdge){c->decl_obj, o};
}

void resolve_obj(Checker *c, Obj *o)
{
	if (o->state == 2)
		return;
	if (o->state == 1) {
		if (o->kind == OBJ_TYPE) {
			/* a named type may refer to itself through pointers,
			 * slices etc.; the Type object already exists */
			return;
		}
		o->type = type_invalid;
		o->state = 2;
		if (c->deps && (o->kind == OBJ_VAR || o->kind == OBJ_CONST)) {
			/* check_init_cycles reports it, with the cycle's path */
			Deps *d = c->deps;
			GC_RESERVE(d->busy, d->nbusy, d->capbusy, 8);
			d->busy[d->nbusy++] = o;
			return;
		}
		checker_error(c, o->pos, "initialization cycle or invalid recursive reference to %s", o->name);
		return;
	}
	o->state = 1;
	/* package-level objects are checked in their package's scope; what
	 * a var's, const's or func's declaration mentions is its dependency */
	Checker sub = *c;
	sub.fn = NULL;
	sub.errpos = (Pos){0, 0};
	sub.decl_obj = o->kind == OBJ_TYPE ? NULL : o;
	sub.home = o->pkg && strcmp(o->pkg, c->pkg->path) ? o->pkg : NULL;
	sub.scope = c->pkg->fscope ? c->pkg->fscope : c->pkg->scope;
	if (o->decl && o->decl->end.line == -1) /* marks a stdlib object: see collect */
		sub.scope = (Scope *)o->decl->obj;
	switch (o->kind) {
	case OBJ_CONST: resolve_const(&sub, o); break;
	case OBJ_VAR: resolve_var_global(&sub, o); break;
	case OBJ_TYPE: resolve_type(&sub, o); break;
	case OBJ_FUNC: resolve_func(&sub, o); break;
	default: break;
	}
	o->state = 2;
}

/* init, and main in package main, may only be functions: types2's error
 * for a package-level variable, constant or type of either name (which is
 * then not declared). */
static bool must_be_func(Checker *c, const char *name, Pos pos)
{
	if (strcmp(name, "init") && (strcmp(name, "main") || strcmp(c->pkg->name, "main")))
		return false;
	checker_error(c, pos, "cannot declare %s - must be func", name);
	return true;
}

bool const_type_ok(Checker *c, Node *tn, Type *t)
{
	if (!t)
		return true;
	Type *u = type_under(t);
	if (!u || u->kind == TY_INVALID)
		return false; /* (its error was reported) */
	if (type_is_boolean(u) || type_is_numeric(u) || type_is_string(u))
		return true;
	checker_error(c, ast_start(tn), "invalid constant type %s", type_string(t, false));
	return false;
}

/* Attach method declarations to their receiver's named type. */
static void collect_method(Checker *c, Node *fd)
{
	Node *recv = fd->u.func.recv;
	Node *rt = recv->u.field.type;
	bool ptr = false;
	if (rt->kind == N_PAREN)
		rt = rt->u.un1.x;
	if (rt->kind == N_STAR) {
		ptr = true;
		rt = rt->u.un1.x;
	}
	if (rt->kind == N_SELECTOR && rt->u.selector.x->kind == N_IDENT) {
		/* a type of another package (time.Duration): its import is
		 * used all the same */
		Obj *pk = scope_lookup_here(c->pkg->fscope, rt->u.selector.x->u.ident.name);
		if (pk && pk->kind == OBJ_PKG) {
			pk->used = true;
			checker_error(c, recv->pos, "cannot define new methods on non-local type %s", ast_expr_string(rt));
			return;
		}
	}
	if (rt->kind != N_IDENT) {
		/* types2 names the whole receiver type, at the receiver */
		Node *whole = recv->u.field.type;
		if (whole->kind == N_PAREN)
			whole = whole->u.un1.x;
		checker_error(c, recv->pos, "invalid receiver type %s", ast_expr_string(whole));
		return;
	}
	Obj *to = scope_lookup_here(c->pkg->scope, rt->u.ident.name);
	if (!to && scope_lookup_here(universe, rt->u.ident.name)) {
		checker_error(c, recv->pos, "cannot define new methods on non-local type %s", rt->u.ident.name);
		return;
	}
	if (!to) {
		checker_error(c, rt->pos, "undefined: %s", rt->u.ident.name);
		return;
	}
	if (to->kind != OBJ_TYPE || !to->type || to->type->kind != TY_NAMED) {
		/* types2 describes the operand ("V (variable of type int)"),
		 * which needs the object's type now */
		Checker sub = *c;
		sub.scope = c->pkg->fscope ? c->pkg->fscope : c->pkg->scope;
		Operand x;
		check_expr_or_type(&sub, rt, &x);
		if (x.mode != M_INVALID)
			checker_error(c, rt->pos, "%s is not a type", operand_string(&x));
		return;
	}
	Type *nt = to->type;
	const char *name = fd->u.func.name->u.ident.name;
	/* (methods named _ never clash: none can be called) */
	for (int i = 0; i < nt->nmethods && strcmp(name, "_"); i++)
		if (!strcmp(nt->methods[i].name, name)) {
			if (c->repl && nt->methods[i].ptr_recv != ptr) {
				checker_error(c, fd->u.func.name->pos,
					      "gol: method %s.%s was declared with a %s receiver; a session cannot change it",
					      nt->name, name, nt->methods[i].ptr_recv ? "pointer" : "value");
				return;
			}
			if (c->repl) {
				/* declared again at the prompt: the new body
				 * serves the old method's callers */
				Obj *fo = obj_new(OBJ_FUNC, name, fd->u.func.name->pos, NULL);
				fo->decl = fd;
				fo->pkg = c->pkg->path;
				fo->global = true;
				Obj *old = nt->methods[i].func;
				fo->replaces = old->replaces ? old->replaces : old;
				fd->u.func.name->obj = fo;
				Method *v = GC_MALLOC(sizeof *v * (size_t)nt->nmethods);
				memcpy(v, nt->methods, sizeof *v * (size_t)nt->nmethods);
				v[i].func = fo;
				nt->methods = v;
				return;
			}
			char what[256];
			snprintf(what, sizeof what, "%s.%s", nt->name, name);
			report_redeclared(c, fd->u.func.name->pos, what, nt->methods[i].func);
			return;
		}
	Method *v = GC_MALLOC(sizeof *v * (size_t)(nt->nmethods + 1));
	if (nt->nmethods)
		memcpy(v, nt->methods, sizeof *v * (size_t)nt->nmethods);
	Obj *fo = obj_new(OBJ_FUNC, name, fd->u.func.name->pos, NULL);
	fo->decl = fd;
	fo->pkg = c->pkg->path;
	fo->global = true;
	fd->u.func.name->obj = fo;
	v[nt->nmethods].name = name;
	v[nt->nmethods].func = fo;
	v[nt->nmethods].ptr_recv = ptr;
	v[nt->nmethods].sig = NULL; /* filled in by resolve_methods */
	nt->methods = v;
	nt->nmethods++;
}

/* A method fo of type to named as one of its struct's fields: types2
 * reports it with the field's declaration (the first of that name: the
 * struct keeps no other), when the struct is written in to's own
 * declaration. */
static void field_method_clash(Checker *c, Obj *fo, Obj *to)
{
	Node *st = to->decl && to->decl->kind == N_TYPESPEC ? to->decl->u.typespec.type : NULL;
	for (int i = 0; st && st->kind == N_STRUCTTYPE && i < st->u.fields.fields.len; i++) {
		Node *f = st->u.fields.fields.v[i];
		for (int k = 0; k < f->u.field.names.len; k++) {
			Pos p = f->u.field.names.v[k]->pos;
			if (strcmp(f->u.field.names.v[k]->u.ident.name, fo->name))
				continue;
			checker_error(c, fo->pos, "field and method with the same name %s\n\t%s:%d:%d: other declaration of %s",
				      fo->name, c->diag->filename, p.line, p.col, fo->name);
			return;
		}
	}
	checker_error(c, fo->pos, "field and method with the same name %s", fo->name);
}

static void resolve_methods(Checker *c, NodeList *decls)
{
	for (int i = 0; i < decls->len; i++) {
		Node *d = decls->v[i];
		if (d->kind != N_FUNCDECL || !d->u.func.recv || !d->u.func.name->obj)
			continue;
		Obj *fo = d->u.func.name->obj;
		fo->type = check_signature(c, d->u.func.type, d->u.func.recv);
		fo->state = 2;
		if (fo->replaces && !type_identical(fo->type, fo->replaces->type))
			checker_error(c, fo->pos, "gol: method %s was declared with another signature; a session cannot change it",
				      fo->name);
		/* find the Method entry and give it the signature */
		Node *rt = d->u.func.recv->u.field.type;
		while (rt->kind == N_PAREN || rt->kind == N_STAR)
			rt = rt->u.un1.x;
		Obj *to = scope_lookup_here(c->pkg->scope, rt->u.ident.name);
		Type *nt = to->type;
		for (int k = 0; k < nt->nmethods; k++)
			if (nt->methods[k].func == fo)
				nt->methods[k].sig = fo->type;
		Type *u = type_under(nt);
		if (u && (u->kind == TY_POINTER || u->kind == TY_INTERFACE))
			checker_error(c, d->u.func.recv->pos, "invalid receiver type %s (pointer or interface type)", nt->name);
		/* a field and a method may not share a name */
		if (u && u->kind == TY_STRUCT)
			for (int k = 0; k < u->nfields; k++)
				if (u->fields[k].name && !strcmp(u->fields[k].name, fo->name))
					field_method_clash(c, fo, to);
	}
}

/* Declare every package-level name of file into the package scope. */
static void collect(Checker *c, Node *file, bool stdlib)
{
	Scope *ps = c->pkg->scope;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL) {
			if (d->u.func.recv)
				continue;
			const char *name = d->u.func.name->u.ident.name;
			if (!strcmp(name, "init") || (!strcmp(name, "main") && !strcmp(c->pkg->path, "main"))) {
				if (d->u.func.type->u.functype.params.len || d->u.func.type->u.functype.results.len)
					checker_error(c, d->u.func.name->pos, "func %s must have no arguments and no return values", name);
			}
			if (!d->u.func.body && !stdlib)
				checker_error(c, d->u.func.name->pos, "missing function body");
			Obj *o = obj_new(OBJ_FUNC, name, d->u.func.name->pos, NULL);
			o->decl = d;
			o->global = true;
			o->pkg = c->pkg->path;
			d->u.func.name->obj = o;
			if (!strcmp(name, "init"))
				continue; /* init functions are not declared */
			Obj *old = scope_insert(ps, o);
			if (old)
				report_redeclared(c, o->pos, name, old);
			continue;
		}
		Node *prev_values = NULL;
		for (int s = 0; s < d->u.gen.specs.len; s++) {
			Node *spec = d->u.gen.specs.v[s];
			if (spec->kind == N_TYPESPEC) {
				const char *name = spec->u.typespec.name->u.ident.name;
				if (must_be_func(c, name, spec->u.typespec.name->pos))
					continue;
				Obj *o = obj_new(OBJ_TYPE, name, spec->u.typespec.name->pos, NULL);
				o->decl = spec;
				o->global = true;
				o->pkg = c->pkg->path;
				if (!spec->u.typespec.alias)
					o->type = type_named(c->pkg->name, name, o);
				spec->u.typespec.name->obj = o;
				Obj *old = scope_insert(ps, o);
				if (old)
					report_redeclared(c, o->pos, name, old);
				continue;
			}
			if (spec->kind != N_VALUESPEC)
				continue;
			bool is_const = d->u.gen.tok == DECL_CONST;
			if (is_const) {
				if (spec->u.value.values.len || spec->u.value.type)
					prev_values = spec;
				else
					spec->obj = (struct Obj *)prev_values; /* inherited values */
			}
			for (int k = 0; k < spec->u.value.names.len; k++) {
				Node *id = spec->u.value.names.v[k];
				if (must_be_func(c, id->u.ident.name, id->pos))
					continue;
				Obj *o = obj_new(is_const ? OBJ_CONST : OBJ_VAR, id->u.ident.name, id->pos, NULL);
				o->decl = spec;
				o->global = true;
				o->pkg = c->pkg->path;
				id->obj = o;
				Obj *old = scope_insert(ps, o);
				if (old)
					report_redeclared(c, o->pos, o->name, old);
			}
		}
	}
}

/* ---- packages --------------------------------------------------------------- */

static Package **loaded;
static int nloaded;

/* Declares file's imports in fscope; false if a package could not be
 * had (each such import reported). */
static bool check_imports(Checker *c, Node *file, Scope *fscope)
{
	bool all = true;
	for (int i = 0; i < file->u.file.imports.len; i++) {
		Node *imp = file->u.file.imports.v[i];
		Str path = imp->u.import.path->u.lit.val;
		Package *p = load_package(c, path.s, imp->u.import.path->pos);
		if (!p) {
			all = false;
			continue;
		}
		const char *name = imp->u.import.name ? imp->u.import.name->u.ident.name : p->name;
		Obj *o = obj_new(OBJ_PKG, name, imp->pos, NULL);
		if (!strcmp(name, ".")) {
			/* its names in the file's scope: not yet (see check_ident) */
			c->dot_scope = p->scope;
			c->dot_import = o;
		}
		o->pkg_scope = p->scope;
		o->decl = imp;
		o->cv = (ConstVal *)p; /* the package itself, for messages */
		imp->obj = o;
		if (!strcmp(name, "_"))
			continue;
		Obj *old = scope_insert(fscope, o);
		if (old)
			report_redeclared(c, imp->pos, name, old);
	}
	return all;
}

/* A package-level name may not also be the name of an import. */
static void check_import_clashes(Checker *c, Scope *fscope)
{
	for (int i = 0; i < fscope->len; i++) {
		Obj *imp = fscope->objs[i];
		if (imp->kind != OBJ_PKG || !imp->decl)
			continue; /* a script's packages give way to its names */
		Obj *alt = scope_lookup_here(c->pkg->scope, imp->name);
		if (!alt)
			continue;
		Package *p = (Package *)imp->cv;
		checker_error(c, alt->pos, "%s already declared through import of package %s (\"%s\")\n\t%s:%d:%d: other declaration of %s",
			      alt->name, p->name, p->path, c->diag->filename, imp->pos.line, imp->pos.col, imp->name);
	}
}

static const char *last_elem(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

Scope *pkg_scope_of(Checker *c, Obj *o)
{
	if (!o->pkg_scope && o->pkg) {
		Package *p = load_package(c, o->pkg, o->pos);
		o->pkg_scope = p ? p->scope : scope_new(NULL);
	}
	return o->pkg_scope;
}

/* Go's standard packages (modern Go's), so that one gol does not have is
 * refused as such, not as a package that does not exist. */
static const char *const go_std[] = {
	"archive/tar", "archive/zip", "bufio", "bytes", "cmp", "compress/bzip2", "compress/flate",
	"compress/gzip", "compress/lzw", "compress/zlib", "container/heap", "container/list",
	"container/ring", "context", "crypto", "crypto/aes", "crypto/cipher", "crypto/des",
	"crypto/dsa", "crypto/ecdh", "crypto/ecdsa", "crypto/ed25519", "crypto/elliptic",
	"crypto/hkdf", "crypto/hmac", "crypto/md5", "crypto/mlkem", "crypto/pbkdf2", "crypto/rand",
	"crypto/rc4", "crypto/rsa", "crypto/sha1", "crypto/sha256", "crypto/sha3", "crypto/sha512",
	"crypto/subtle", "crypto/tls", "crypto/x509", "crypto/x509/pkix", "database/sql",
	"database/sql/driver", "debug/buildinfo", "debug/dwarf", "debug/elf", "debug/gosym",
	"debug/macho", "debug/pe", "debug/plan9obj", "embed", "encoding", "encoding/ascii85",
	"encoding/asn1", "encoding/base32", "encoding/base64", "encoding/binary", "encoding/csv",
	"encoding/gob", "encoding/hex", "encoding/json", "encoding/json/v2", "encoding/pem",
	"encoding/xml", "errors", "expvar", "flag", "fmt", "go/ast", "go/build",
	"go/build/constraint", "go/constant", "go/doc", "go/doc/comment", "go/format", "go/importer",
	"go/parser", "go/printer", "go/scanner", "go/token", "go/types", "go/version", "hash",
	"hash/adler32", "hash/crc32", "hash/crc64", "hash/fnv", "hash/maphash", "html",
	"html/template", "image", "image/color", "image/color/palette", "image/draw", "image/gif",
	"image/jpeg", "image/png", "index/suffixarray", "io", "io/fs", "io/ioutil", "iter", "log",
	"log/slog", "log/syslog", "maps", "math", "math/big", "math/bits", "math/cmplx", "math/rand",
	"math/rand/v2", "mime", "mime/multipart", "mime/quotedprintable", "net", "net/http",
	"net/http/cgi", "net/http/cookiejar", "net/http/fcgi", "net/http/httptest",
	"net/http/httptrace", "net/http/httputil", "net/http/pprof", "net/mail", "net/netip",
	"net/rpc", "net/rpc/jsonrpc", "net/smtp", "net/textproto", "net/url", "os", "os/exec",
	"os/signal", "os/user", "path", "path/filepath", "plugin", "reflect", "regexp",
	"regexp/syntax", "runtime", "runtime/cgo", "runtime/debug", "runtime/metrics",
	"runtime/pprof", "runtime/race", "runtime/trace", "slices", "sort", "strconv", "strings",
	"structs", "sync", "sync/atomic", "syscall", "testing", "testing/fstest", "testing/iotest",
	"testing/quick", "testing/slogtest", "testing/synctest", "text/scanner", "text/tabwriter",
	"text/template", "text/template/parse", "time", "time/tzdata", "unicode", "unicode/utf16",
	"unicode/utf8", "unique", "unsafe", "weak",
};

static bool in_go_std(const char *path)
{
	for (size_t i = 0; i < sizeof go_std / sizeof go_std[0]; i++)
		if (!strcmp(go_std[i], path))
			return true;
	return false;
}

Package *load_package(Checker *c, const char *path, Pos pos)
{
	for (int i = 0; i < nloaded; i++)
		if (!strcmp(loaded[i]->path, path))
			return loaded[i];
	const char *src = NULL;
	for (const StdlibDecl *d = stdlib_decls; d->path; d++)
		if (!strcmp(d->path, path))
			src = d->src;
	if (!src) {
		if (in_go_std(path))
			checker_error(c, pos, "gol: package %s is not supported yet", path);
		else
			checker_error(c, pos, "package %s is not in std", path);
		return NULL;
	}
	SrcFile f = {ast_strndup(path, strlen(path)), src, strlen(src), 0};
	Diag d;
	diag_init(&d, f.name);
	Node *file = parse_file(&f, &d);
	Package *p = GC_MALLOC(sizeof *p);
	p->path = f.name;
	p->name = file->u.file.pkg ? file->u.file.pkg->u.ident.name : last_elem(path);
	p->scope = scope_new(universe);
	p->file = file;
	Package **v = GC_MALLOC(sizeof *v * (size_t)(nloaded + 1));
	if (nloaded)
		memcpy(v, loaded, sizeof *v * (size_t)nloaded);
	v[nloaded++] = p;
	loaded = v;
	if (diag_count(&d)) {
		diag_print(&d, stderr);
		return p;
	}
	Checker sub;
	memset(&sub, 0, sizeof sub);
	sub.diag = c->diag;
	sub.pkg = p;
	sub.iota = -1;
	sub.stdlib = true;
	Scope *fscope = scope_new(p->scope);
	check_imports(&sub, file, fscope);
	/* a stdlib package's objects resolve in a scope that sees its imports */
	Scope *saved_parent = p->scope;
	(void)saved_parent;
	sub.scope = fscope;
	collect(&sub, file, true);
	for (int i = 0; i < p->scope->len; i++) {
		Obj *o = p->scope->objs[i];
		if (o->decl) {
			o->decl->end.line = -1;
			o->decl->obj = (struct Obj *)fscope;
		}
	}
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d2 = file->u.file.decls.v[i];
		if (d2->kind == N_FUNCDECL && d2->u.func.recv)
			collect_method(&sub, d2);
	}
	Checker rs = sub;
	rs.scope = fscope;
	for (int i = 0; i < p->scope->len; i++)
		if (p->scope->objs[i]->kind == OBJ_TYPE)
			resolve_obj(&rs, p->scope->objs[i]);
	resolve_methods(&rs, &file->u.file.decls);
	p->checked = true;
	return p;
}

Type *check_std_type(const char *path, const char *name)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	universe_init();
	Checker c;
	memset(&c, 0, sizeof c);
	Diag d;
	diag_init(&d, path);
	c.diag = &d;
	c.iota = -1;
	Package *p = load_package(&c, path, (Pos){0, 0});
	Obj *o = p && p->scope ? scope_lookup_here(p->scope, name) : NULL;
	pthread_mutex_unlock(&lock);
	return o && o->kind == OBJ_TYPE ? o->type : NULL;
}

Package **check_loaded_packages(int *n)
{
	*n = nloaded;
	return loaded;
}

/* The standard packages a script without imports may use. */
static const char *const script_packages[] = {
	"fmt", "strings", "strconv", "math", "math/rand", "os", "errors", "sort",
	"unicode", "unicode/utf8", "time", "sync", "sync/atomic", "runtime",
	"context", "bufio", "io", "bytes",
};

static int cmp_obj_pos(const void *a, const void *b)
{
	const Obj *x = *(Obj *const *)a, *y = *(Obj *const *)b;
	if (x->pos.line != y->pos.line)
		return x->pos.line - y->pos.line;
	return x->pos.col - y->pos.col;
}

/* A script sees every standard package, used or not; each is loaded when
 * first named (see pkg_scope_of). */
static void add_script_packages(Scope *fscope)
{
	for (size_t i = 0; i < sizeof script_packages / sizeof *script_packages; i++) {
		const char *path = script_packages[i];
		Obj *o = obj_new(OBJ_PKG, last_elem(path), (Pos){0, 0}, NULL);
		o->pkg = path;
		o->used = true;
		scope_insert(fscope, o);
	}
}

/* A script sees every standard package, but its own package-level names
 * come first: `var strings = ...` is its variable (the Go program it
 * stands for would not import strings then). */
static void drop_shadowed_script_packages(Checker *c, Scope *fscope)
{
	for (int i = 0; i < c->pkg->scope->len; i++) {
		const char *name = c->pkg->scope->objs[i]->name;
		Obj *imp = scope_lookup_here(fscope, name);
		if (imp && imp->kind == OBJ_PKG && !imp->decl)
			scope_remove(fscope, name);
	}
}

/* Package-level names as Go's checker takes them: types first, then the
 * methods' signatures (a variable's initializer may need a method set),
 * then functions, constants and variables in declaration order (their
 * dependencies resolve themselves on demand). */
static void resolve_decls(Checker *c, Node *file)
{
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < file->u.file.decls.len; i++) {
			Node *d = file->u.file.decls.v[i];
			if (d->kind == N_FUNCDECL) {
				if (pass == 1 && !d->u.func.recv && d->u.func.name->obj)
					resolve_obj(c, d->u.func.name->obj);
				continue;
			}
			for (int s = 0; s < d->u.gen.specs.len; s++) {
				Node *spec = d->u.gen.specs.v[s];
				if (spec->kind == N_TYPESPEC && pass == 0)
					resolve_obj(c, spec->u.typespec.name->obj);
				else if (spec->kind == N_VALUESPEC && pass == 1)
					for (int k = 0; k < spec->u.value.names.len; k++)
						if (spec->u.value.names.v[k]->obj)
							resolve_obj(c, spec->u.value.names.v[k]->obj);
			}
		}
		if (pass == 0)
			resolve_methods(c, &file->u.file.decls);
	}
}

/* Check every function body of file; returns whether there is a main. */
static bool check_bodies(Checker *c, Node *file)
{
	bool has_main = false;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind != N_FUNCDECL || !d->u.func.body)
			continue;
		Obj *fo = d->u.func.name->obj;
		if (!d->u.func.recv && !strcmp(d->u.func.name->u.ident.name, "main"))
			has_main = true;
		if (!fo || !fo->type)
			continue;
		c->decl_obj = fo;
		check_func_body(c, fo->type, d->u.func.recv, d->u.func.type, d->u.func.body, fo);
		c->decl_obj = NULL;
	}
	return has_main;
}

/* ---- initialization cycles ------------------------------------------------------ */

/* Go rejects package-level variables and constants whose initialization
 * depends on itself, directly or through functions (initorder.go of
 * types2). Its graph has the vars and consts as nodes; a path through
 * functions only is an edge. Nodes are taken fewest dependencies first
 * (then in source order), dropping the edges to each; one still
 * depending on others when taken closes a cycle, reported with its path:
 * "initialization loop for a" then "a refers to", "b refers to", "a". */
typedef struct InitGraph {
	Obj **nodes; /* the package's vars, consts and funcs, in source order */
	int n;
	int **deps;  /* per node: the nodes its declaration mentions, in order */
	int *ndeps;
	Obj **table; /* nodes by address, for init_node */
	int *index;
	size_t mask;
} InitGraph;

static size_t ptr_hash(const void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * 0x9E3779B97F4A7C15u);
}

static int init_node(const InitGraph *g, const Obj *o)
{
	for (size_t i = ptr_hash(o) & g->mask; g->table[i]; i = (i + 1) & g->mask)
		if (g->table[i] == o)
			return g->index[i];
	return -1;
}

static void init_add_node(InitGraph *g, Obj *o, int *cap)
{
	if (!o || !strcmp(o->name, "_"))
		return;
	GC_RESERVE(g->nodes, g->n, *cap, 64);
	g->nodes[g->n++] = o;
}

/* Each name a spec `var a, b = f()` declares depends on what f() does:
 * the spec's first name stands for all of them. */
static Obj *init_dep_owner(Obj *o)
{
	Node *spec = o->kind == OBJ_VAR ? o->decl : NULL;
	if (spec && spec->kind == N_VALUESPEC && spec->u.value.values.len == 1 && spec->u.value.names.len > 1)
		return spec->u.value.names.v[0]->obj;
	return o;
}

typedef struct InitEdge {
	int from, to, seq;
} InitEdge;

static int cmp_init_edge(const void *a, const void *b)
{
	const InitEdge *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void init_graph(Checker *c, Node *file, InitGraph *g)
{
	int cap = 0;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL) {
			init_add_node(g, d->u.func.name->obj, &cap);
			continue;
		}
		if (d->u.gen.tok != DECL_VAR && d->u.gen.tok != DECL_CONST)
			continue;
		for (int k = 0; k < d->u.gen.specs.len; k++) {
			Node *spec = d->u.gen.specs.v[k];
			for (int j = 0; j < spec->u.value.names.len; j++)
				init_add_node(g, spec->u.value.names.v[j]->obj, &cap);
		}
	}
	size_t size = 16;
	while (size < (size_t)g->n * 2)
		size *= 2;
	g->table = GC_MALLOC(sizeof(Obj *) * size);
	g->index = GC_MALLOC_ATOMIC(sizeof(int) * size);
	g->mask = size - 1;
	for (int k = 0; k < g->n; k++) {
		size_t i = ptr_hash(g->nodes[k]) & g->mask;
		while (g->table[i])
			i = (i + 1) & g->mask;
		g->table[i] = g->nodes[k];
		g->index[i] = k;
	}
	/* the edges of each owner, in the order they were met, once each */
	InitEdge *e = GC_MALLOC_ATOMIC(sizeof(InitEdge) * (size_t)(c->deps->len + 1));
	int ne = 0;
	for (int i = 0; i < c->deps->len; i++) {
		int from = init_node(g, init_dep_owner(c->deps->v[i].from)), to = init_node(g, c->deps->v[i].to);
		if (from >= 0 && to >= 0)
			e[ne++] = (InitEdge){from, to, i};
	}
	qsort(e, (size_t)ne, sizeof *e, cmp_init_edge);
	g->deps = GC_MALLOC(sizeof(int *) * (size_t)(g->n + 1));
	g->ndeps = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(g->n + 1));
	memset(g->ndeps, 0, sizeof(int) * (size_t)(g->n + 1));
	int *stamp = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(g->n + 1));
	for (int k = 0; k < g->n; k++)
		stamp[k] = -1;
	for (int i = 0; i < ne;) {
		int from = e[i].from, j = i;
		while (j < ne && e[j].from == from)
			j++;
		int *list = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(j - i));
		int n = 0;
		for (; i < j; i++)
			if (stamp[e[i].to] != from) {
				stamp[e[i].to] = from;
				list[n++] = e[i].to;
			}
		g->deps[from] = list;
		g->ndeps[from] = n;
	}
	for (int k = 0; k < g->n; k++) {
		int o = init_node(g, init_dep_owner(g->nodes[k]));
		if (o >= 0 && o != k) {
			g->deps[k] = g->deps[o];
			g->ndeps[k] = g->ndeps[o];
		}
	}
}

/* The vars and consts node v reaches through functions only (each
 * marked in succ). */
static void init_reach(const InitGraph *g, int v, bool *visited, bool *succ)
{
	for (int i = 0; i < g->ndeps[v]; i++) {
		int w = g->deps[v][i];
		if (g->nodes[w]->kind != OBJ_FUNC) {
			succ[w] = true;
		} else if (!visited[w]) {
			visited[w] = true;
			init_reach(g, w, visited, succ);
		}
	}
}

/* A path from node from back to node to along the declarations'
 * dependencies (functions included); its nodes go to path, from first.
 * Returns its length, 0 if there is none. */
static int init_path(const InitGraph *g, int from, int to, bool *seen, int *path, int depth)
{
	if (seen[from])
		return 0;
	seen[from] = true;
	path[depth] = from;
	for (int i = 0; i < g->ndeps[from]; i++) {
		int w = g->deps[from][i];
		if (w == to)
			return depth + 1;
		int n = init_path(g, w, to, seen, path, depth + 1);
		if (n)
			return n;
	}
	return 0;
}

static void report_init_cycle(Checker *c, const InitGraph *g, const int *path, int len)
{
	StrBuf b = {0};
	strbuf_printf(&b, "initialization loop for %s", g->nodes[path[0]]->name);
	for (int i = 0; i <= len; i++) {
		Obj *o = g->nodes[path[i % len]];
		strbuf_printf(&b, "\n\t%s:%d:%d: %s%s", c->diag->filename, o->pos.line, o->pos.col, o->name,
			      i < len ? " refers to" : "");
	}
	checker_error(c, g->nodes[path[0]]->pos, "%s", strbuf_str(&b));
}

static void check_init_cycles(Checker *c, Node *file)
{
	InitGraph g = {0};
	init_graph(c, file, &g);
	int n = g.n;
	if (!n || n > 4000)
		return;
	/* succ[v * n + w]: var or const v depends on w, maybe through funcs */
	bool *succ = GC_MALLOC_ATOMIC((size_t)n * (size_t)n);
	bool *visited = GC_MALLOC_ATOMIC((size_t)n);
	int *count = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)n);
	bool *done = GC_MALLOC_ATOMIC((size_t)n);
	bool *reported = GC_MALLOC_ATOMIC((size_t)n);
	memset(succ, 0, (size_t)n * (size_t)n);
	memset(done, 0, (size_t)n);
	memset(reported, 0, (size_t)n);
	for (int v = 0; v < n; v++) {
		count[v] = 0;
		if (g.nodes[v]->kind == OBJ_FUNC)
			continue;
		memset(visited, 0, (size_t)n);
		init_reach(&g, v, visited, succ + (size_t)v * (size_t)n);
		for (int w = 0; w < n; w++)
			count[v] += succ[(size_t)v * (size_t)n + (size_t)w];
	}
	int *path = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(n + 1));
	for (;;) {
		int v = -1;
		for (int i = 0; i < n; i++)
			if (!done[i] && g.nodes[i]->kind != OBJ_FUNC && (v < 0 || count[i] < count[v]))
				v = i;
		if (v < 0)
			break;
		done[v] = true;
		if (count[v] > 0) {
			memset(visited, 0, (size_t)n);
			int len = init_path(&g, v, v, visited, path, 0);
			if (len) {
				report_init_cycle(c, &g, path, len);
				for (int i = 0; i < len; i++)
					reported[path[i]] = true;
			}
		}
		for (int p = 0; p < n; p++)
			if (succ[(size_t)p * (size_t)n + (size_t)v])
				count[p]--;
	}
	/* a var or const met again while being resolved, in a cycle the graph
	 * does not show (through a type): said as before */
	for (int i = 0; i < c->deps->nbusy; i++) {
		Obj *o = c->deps->busy[i];
		int k = init_node(&g, o);
		if (k < 0 || !reported[k])
			checker_error(c, o->pos, "initialization cycle or invalid recursive reference to %s", o->name);
	}
}

/* "declared and not used", in source order. */
static void report_unused_locals(Checker *c)
{
	if (c->nlocals)
		qsort(c->locals, (size_t)c->nlocals, sizeof *c->locals, cmp_obj_pos);
	for (int i = 0; i < c->nlocals; i++) {
		Obj *o = c->locals[i];
		/* one whose type is in error has had its error (types2 keeps
		 * quiet about it too) */
		if (!o->used && o->type != type_invalid)
			checker_error(c, o->pos, "%s declared but not used", o->name);
	}
}

Package *check_program(Node *file, Diag *diag)
{
	universe_init();
	Checker c;
	memset(&c, 0, sizeof c);
	c.diag = diag;
	c.iota = -1;
	Package *p = GC_MALLOC(sizeof *p);
	p->path = "main";
	p->name = "main";
	p->scope = scope_new(universe);
	p->file = file;
	c.pkg = p;
	Scope *fscope = scope_new(p->scope);
	p->fscope = fscope;
	if (file->u.file.pkg) {
		if (strcmp(file->u.file.pkg->u.ident.name, "main"))
			checker_error(&c, file->u.file.pkg->pos, "package %s is not a main package",
				      file->u.file.pkg->u.ident.name);
		/* as the go command, which stops at a package it cannot
		 * find before anything is type-checked */
		if (!check_imports(&c, file, fscope))
			return p;
	} else {
		add_script_packages(fscope);
	}
	collect(&c, file, false);
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL && d->u.func.recv)
			collect_method(&c, d);
	}
	if (file->u.file.pkg)
		check_import_clashes(&c, fscope);
	else
		drop_shadowed_script_packages(&c, fscope);
	c.scope = fscope;
	c.deps = GC_MALLOC(sizeof(Deps));
	c.later = GC_MALLOC(sizeof(Later));
	resolve_decls(&c, file);
	bool has_main = check_bodies(&c, file);
	check_later(&c);
	check_init_cycles(&c, file);
	if (!has_main && !diag_count(diag))
		checker_error(&c, (Pos){1, 1}, "function main is undeclared in the main package");

	/* unused variables, then unused imports (Go reports those at the
	 * end of each function body, these after them all: which matters
	 * where the tenth error cuts the list), in source order; an import
	 * of a name already imported is never used: the name is the first's */
	report_unused_locals(&c);
	for (int i = 0; i < file->u.file.imports.len; i++) {
		Node *imp = file->u.file.imports.v[i];
		Obj *o = imp->obj;
		if (o && o->kind == OBJ_PKG && !o->used && strcmp(o->name, "_")) {
			Str path = imp->u.import.path->u.lit.val;
			/* a dot import is reported by its path alone */
			if (imp->u.import.name && strcmp(o->name, "."))
				checker_error(&c, imp->pos, "imported and not used: \"%s\" as %s", path.s, o->name);
			else
				checker_error(&c, imp->pos, "imported and not used: \"%s\"", path.s);
		}
	}
	check_sizes(&c);
	p->checked = true;
	return p;
}

/* ---- the REPL ------------------------------------------------------------------- */

Package *check_repl_package(void)
{
	universe_init();
	Package *p = GC_MALLOC(sizeof *p);
	p->path = "main";
	p->name = "main";
	p->scope = scope_new(universe);
	p->fscope = scope_new(p->scope);
	add_script_packages(p->fscope);
	Obj *o = obj_new(OBJ_PKG, REPL_FMT, (Pos){0, 0}, NULL);
	o->pkg = "fmt";
	o->used = true;
	scope_insert(p->fscope, o);
	p->checked = true;
	return p;
}

/* What an input that fails to check must leave as it found: the two
 * scopes' lists and the method tables of the session's types. */
typedef struct ReplSnapshot {
	Obj **pkg_objs, **file_objs;
	int npkg, nfile;
	Type **types;
	Method **methods;
	int *nmethods;
	int ntypes;
} ReplSnapshot;

static Obj **copy_objs(Scope *s)
{
	Obj **v = GC_MALLOC(sizeof *v * (size_t)(s->len + 1));
	if (s->len)
		memcpy(v, s->objs, sizeof *v * (size_t)s->len);
	return v;
}

static void repl_snapshot(Package *p, ReplSnapshot *sn)
{
	sn->pkg_objs = copy_objs(p->scope);
	sn->npkg = p->scope->len;
	sn->file_objs = copy_objs(p->fscope);
	sn->nfile = p->fscope->len;
	sn->types = GC_MALLOC(sizeof(Type *) * (size_t)(sn->npkg + 1));
	sn->methods = GC_MALLOC(sizeof(Method *) * (size_t)(sn->npkg + 1));
	sn->nmethods = GC_MALLOC(sizeof(int) * (size_t)(sn->npkg + 1));
	sn->ntypes = 0;
	for (int i = 0; i < sn->npkg; i++) {
		Obj *o = sn->pkg_objs[i];
		if (o->kind == OBJ_TYPE && o->type && o->type->kind == TY_NAMED) {
			sn->types[sn->ntypes] = o->type;
			sn->methods[sn->ntypes] = o->type->methods;
			sn->nmethods[sn->ntypes] = o->type->nmethods;
			sn->ntypes++;
		}
	}
}

static void repl_restore(Package *p, ReplSnapshot *sn)
{
	p->scope->objs = sn->pkg_objs;
	p->scope->len = p->scope->cap = sn->npkg;
	p->fscope->objs = sn->file_objs;
	p->fscope->len = p->fscope->cap = sn->nfile;
	for (int i = 0; i < sn->ntypes; i++) {
		sn->types[i]->methods = sn->methods[i];
		sn->types[i]->nmethods = sn->nmethods[i];
	}
}

/* An input's imports: every standard package is visible already, so an
 * import only checks the path and makes a renamed import visible. */
static void repl_imports(Checker *c, Node *file)
{
	for (int i = 0; i < file->u.file.imports.len; i++) {
		Node *imp = file->u.file.imports.v[i];
		Str path = imp->u.import.path->u.lit.val;
		Package *pk = load_package(c, path.s, imp->u.import.path->pos);
		if (!pk)
			continue;
		const char *name = imp->u.import.name ? imp->u.import.name->u.ident.name : pk->name;
		if (!strcmp(name, "_") || !strcmp(name, "."))
			continue;
		Obj *o = obj_new(OBJ_PKG, name, imp->pos, NULL);
		o->pkg_scope = pk->scope;
		o->pkg = pk->path;
		o->used = true;
		o->cv = (ConstVal *)pk;
		imp->obj = o;
		scope_replace(c->pkg->fscope, o);
	}
}

/* The package-level names file declares. */
static int decl_names(Node *file, Node **out, int max)
{
	int n = 0;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL) {
			if (!d->u.func.recv && n < max)
				out[n++] = d->u.func.name;
			continue;
		}
		for (int s = 0; s < d->u.gen.specs.len; s++) {
			Node *spec = d->u.gen.specs.v[s];
			if (spec->kind == N_TYPESPEC && n < max)
				out[n++] = spec->u.typespec.name;
			else if (spec->kind == N_VALUESPEC)
				for (int k = 0; k < spec->u.value.names.len && n < max; k++)
					out[n++] = spec->u.value.names.v[k];
		}
	}
	return n;
}

/* Declarations typed at the prompt: each replaces an earlier name; a
 * function or method declared again with the same signature replaces the
 * old one for every caller compiled before (Obj.replaces). */
static void repl_check_decls(Checker *c, Node *file)
{
	Package *p = c->pkg;
	repl_imports(c, file);
	int max = 16;
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		max += d->kind == N_FUNCDECL ? 1 : 0;
		for (int k = 0; d->kind != N_FUNCDECL && k < d->u.gen.specs.len; k++) {
			Node *spec = d->u.gen.specs.v[k];
			max += spec->kind == N_VALUESPEC ? spec->u.value.names.len : 1;
		}
	}
	Node **names = GC_MALLOC(sizeof *names * (size_t)max);
	int n = decl_names(file, names, max);
	Obj **olds = GC_MALLOC(sizeof *olds * (size_t)max);
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->u.ident.name;
		olds[i] = strcmp(name, "_") ? scope_remove(p->scope, name) : NULL;
		Obj *pk = scope_lookup_here(p->fscope, name);
		if (pk && pk->kind == OBJ_PKG)
			scope_remove(p->fscope, name);
	}
	collect(c, file, false);
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind == N_FUNCDECL && d->u.func.recv)
			collect_method(c, d);
	}
	c->scope = p->fscope;
	resolve_decls(c, file);
	for (int i = 0; i < n; i++) {
		Obj *o = names[i]->obj, *old = olds[i];
		if (o && old && o->kind == OBJ_FUNC && old->kind == OBJ_FUNC && o->type && old->type
		    && type_identical(o->type, old->type))
			o->replaces = old->replaces ? old->replaces : old;
	}
	check_bodies(c, file);
}

void *check_repl_snapshot(Package *p)
{
	ReplSnapshot *sn = GC_MALLOC(sizeof *sn);
	repl_snapshot(p, sn);
	return sn;
}

void check_repl_restore(Package *p, void *snapshot)
{
	repl_restore(p, snapshot);
}

bool check_repl_input(Package *p, Node *file, bool stmts, Diag *diag)
{
	Checker c;
	memset(&c, 0, sizeof c);
	c.diag = diag;
	c.iota = -1;
	c.pkg = p;
	c.scope = p->fscope;
	c.repl = true;
	c.later = GC_MALLOC(sizeof(Later));
	ReplSnapshot sn;
	repl_snapshot(p, &sn);
	if (stmts) {
		/* the parser gave `func main() { INPUT }` */
		Node *fd = file->u.file.decls.v[0];
		Type *sig = check_signature(&c, fd->u.func.type, NULL);
		Obj *fo = obj_new(OBJ_FUNC, "main", fd->pos, sig);
		fo->decl = fd;
		fo->state = 2;
		fd->u.func.name->obj = fo;
		c.repl_pending = true;
		check_func_body(&c, sig, NULL, fd->u.func.type, fd->u.func.body, fo);
	} else {
		repl_check_decls(&c, file);
	}
	check_later(&c);
	report_unused_locals(&c);
	check_sizes(&c);
	if (diag_count(diag)) {
		repl_restore(p, &sn);
		return false;
	}
	return true;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_names(Scope *sc, const char ***v, int *n, int *cap, bool exported_only)
{
	for (int i = 0; sc && i < sc->len; i++) {
		const char *name = sc->objs[i]->name;
		if (!strcmp(name, REPL_FMT) || !strcmp(name, "_") || name[0] == '.')
			continue;
		if (exported_only && !(name[0] >= 'A' && name[0] <= 'Z'))
			continue;
		if (*n + 1 >= *cap) {
			*cap = *cap ? *cap * 2 : 256;
			const char **w = GC_MALLOC(sizeof *w * (size_t)*cap);
			if (*n)
				memcpy(w, *v, sizeof *w * (size_t)*n);
			*v = w;
		}
		(*v)[(*n)++] = name;
	}
}

const char **check_repl_names(Package *p, const char *pkgname)
{
	const char **v = NULL;
	int n = 0, cap = 0;
	if (pkgname) {
		Obj *o = scope_lookup(p->fscope, pkgname, NULL);
		if (o && o->kind == OBJ_VAR && o->type) {
			/* a variable's fields and methods (through one pointer) */
			Scope sc = {0};
			Type *t = o->type;
			if (t->kind == TY_POINTER && t->elem)
				t = t->elem;
			Type *u = type_under(t);
			if (u && u->kind == TY_STRUCT)
				for (int i = 0; i < u->nfields; i++)
					if (u->fields[i].name)
						scope_insert(&sc, obj_new(OBJ_VAR, u->fields[i].name, (Pos){0, 0}, NULL));
			Type *mt = t->kind == TY_NAMED ? t : u && u->kind == TY_INTERFACE ? u : NULL;
			for (int i = 0; mt && i < mt->nmethods; i++)
				scope_insert(&sc, obj_new(OBJ_FUNC, mt->methods[i].name, (Pos){0, 0}, NULL));
			add_names(&sc, &v, &n, &cap, false);
		} else if (o && o->kind == OBJ_PKG) {
			Checker c;
			memset(&c, 0, sizeof c);
			Diag d;
			diag_init(&d, "<repl>");
			c.diag = &d;
			c.pkg = p;
			add_names(pkg_scope_of(&c, o), &v, &n, &cap, true);
		}
	} else {
		add_names(p->scope, &v, &n, &cap, false);
		add_names(p->fscope, &v, &n, &cap, false);
		add_names(universe, &v, &n, &cap, false);
	}
	if (!v)
		v = GC_MALLOC(sizeof *v);
	qsort(v, (size_t)n, sizeof *v, cmp_str);
	v[n] = NULL;
	return v;
}
