/*
 * types.c — see types.h.
 */
#include "types.h"
#include "scope.h"
#include "strbuf.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

Type *type_basic[TY__COUNT];
Type *type_error;
Type *type_byte;
Type *type_rune;
Type *type_any;
Type *type_invalid;

Type *type_new(TypeKind k)
{
	Type *t = GC_MALLOC(sizeof *t);
	t->kind = k;
	return t;
}

void types_init(void)
{
	if (type_invalid)
		return;
	type_invalid = type_new(TY_INVALID);
	type_basic[TY_INVALID] = type_invalid;
	for (int k = TY_BOOL; k <= TY_UNTYPED_NIL; k++)
		type_basic[k] = type_new((TypeKind)k);
	type_any = type_new(TY_INTERFACE);
	type_byte = type_new(TY_UINT8);
	type_byte->name = "byte";
	type_rune = type_new(TY_INT32);
	type_rune->name = "rune";

	/* type error interface { Error() string } */
	Type *sig = type_new(TY_FUNC);
	sig->results = GC_MALLOC(sizeof(Field));
	sig->results[0].type = type_basic[TY_STRING];
	sig->nresults = 1;
	Type *iface = type_new(TY_INTERFACE);
	iface->methods = GC_MALLOC(sizeof(Method));
	iface->methods[0].name = "Error";
	iface->methods[0].sig = sig;
	iface->nmethods = 1;
	type_error = type_named(NULL, "error", NULL);
	type_error->underlying = iface;
}

Type *type_slice(Type *elem)
{
	Type *t = type_new(TY_SLICE);
	t->elem = elem;
	return t;
}

Type *type_array(Type *elem, int64_t len)
{
	Type *t = type_new(TY_ARRAY);
	t->elem = elem;
	t->len = len;
	return t;
}

Type *type_pointer(Type *elem)
{
	Type *t = type_new(TY_POINTER);
	t->elem = elem;
	return t;
}

Type *type_map(Type *key, Type *val)
{
	Type *t = type_new(TY_MAP);
	t->key = key;
	t->elem = val;
	return t;
}

Type *type_chan(Type *elem, int dir)
{
	Type *t = type_new(TY_CHAN);
	t->elem = elem;
	t->chandir = dir;
	return t;
}

Type *type_tuple(Field *f, int n)
{
	Type *t = type_new(TY_TUPLE);
	t->fields = f;
	t->nfields = n;
	return t;
}

Type *type_named(const char *pkg, const char *name, struct Obj *obj)
{
	Type *t = type_new(TY_NAMED);
	t->pkg = pkg;
	t->name = name;
	t->obj = obj;
	return t;
}

Type *type_under(Type *t)
{
	/* A chain of named types (type A B; type B int) resolves to the last
	 * one's definition; the checker sets underlying to a non-named type
	 * once known, so one step usually suffices. */
	for (int guard = 0; t && t->kind == TY_NAMED && guard < 100; guard++)
		t = t->underlying ? t->underlying : type_invalid;
	return t;
}

/* Set while comparing for a conversion, which ignores struct tags. */
static bool ignore_tags;

static bool fields_identical(Field *a, int na, Field *b, int nb, bool names)
{
	if (na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		if (names) {
			const char *x = a[i].name ? a[i].name : "", *y = b[i].name ? b[i].name : "";
			if (strcmp(x, y) || a[i].embedded != b[i].embedded)
				return false;
			const char *tx = a[i].tag ? a[i].tag : "", *ty = b[i].tag ? b[i].tag : "";
			if (!ignore_tags && strcmp(tx, ty))
				return false;
		}
		if (!type_identical(a[i].type, b[i].type))
			return false;
	}
	return true;
}

bool type_identical(Type *a, Type *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TY_ARRAY:
		return a->len == b->len && type_identical(a->elem, b->elem);
	case TY_SLICE:
	case TY_POINTER:
		return type_identical(a->elem, b->elem);
	case TY_MAP:
		return type_identical(a->key, b->key) && type_identical(a->elem, b->elem);
	case TY_CHAN:
		return a->chandir == b->chandir && type_identical(a->elem, b->elem);
	case TY_STRUCT:
		return fields_identical(a->fields, a->nfields, b->fields, b->nfields, true);
	case TY_TUPLE:
		return fields_identical(a->fields, a->nfields, b->fields, b->nfields, false);
	case TY_FUNC:
		return a->variadic == b->variadic
		       && fields_identical(a->fields, a->nfields, b->fields, b->nfields, false)
		       && fields_identical(a->results, a->nresults, b->results, b->nresults, false);
	case TY_INTERFACE:
		if (a->nmethods != b->nmethods)
			return false;
		for (int i = 0; i < a->nmethods; i++)
			if (strcmp(a->methods[i].name, b->methods[i].name)
			    || !type_identical(a->methods[i].sig, b->methods[i].sig))
				return false;
		return true;
	case TY_NAMED:
		return false; /* distinct named types are distinct objects */
	default:
		return true; /* basic kinds: one object each, but be lenient */
	}
}

bool type_identical_ignoring_tags(Type *a, Type *b)
{
	bool saved = ignore_tags;
	ignore_tags = true;
	bool r = type_identical(a, b);
	ignore_tags = saved;
	return r;
}

bool type_is_untyped(Type *t)
{
	return t && t->kind >= TY_UNTYPED_BOOL && t->kind <= TY_UNTYPED_NIL;
}

bool type_is_integer(Type *t)
{
	t = type_under(t);
	return t && ((t->kind >= TY_INT && t->kind <= TY_UINTPTR) || t->kind == TY_UNTYPED_INT
		     || t->kind == TY_UNTYPED_RUNE);
}

bool type_is_unsigned(Type *t)
{
	t = type_under(t);
	return t && t->kind >= TY_UINT && t->kind <= TY_UINTPTR;
}

bool type_is_float(Type *t)
{
	t = type_under(t);
	return t && (t->kind == TY_FLOAT32 || t->kind == TY_FLOAT64 || t->kind == TY_UNTYPED_FLOAT);
}

bool type_is_complex(Type *t)
{
	t = type_under(t);
	return t && (t->kind == TY_COMPLEX64 || t->kind == TY_COMPLEX128 || t->kind == TY_UNTYPED_COMPLEX);
}

bool type_is_numeric(Type *t)
{
	return type_is_integer(t) || type_is_float(t) || type_is_complex(t);
}

bool type_is_string(Type *t)
{
	t = type_under(t);
	return t && (t->kind == TY_STRING || t->kind == TY_UNTYPED_STRING);
}

bool type_is_boolean(Type *t)
{
	t = type_under(t);
	return t && (t->kind == TY_BOOL || t->kind == TY_UNTYPED_BOOL);
}

bool type_is_interface(Type *t)
{
	t = type_under(t);
	return t && t->kind == TY_INTERFACE;
}

bool type_is_interface_ptr(Type *t)
{
	t = type_under(t);
	return t && t->kind == TY_POINTER && type_is_interface(t->elem);
}

bool type_comparable(Type *t)
{
	Type *u = type_under(t);
	if (!u)
		return false;
	switch (u->kind) {
	case TY_SLICE:
	case TY_MAP:
	case TY_FUNC:
		return false;
	case TY_ARRAY:
		return type_comparable(u->elem);
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (!type_comparable(u->fields[i].type))
				return false;
		return true;
	default:
		return true;
	}
}

bool type_ordered(Type *t)
{
	return type_is_integer(t) || type_is_float(t) || type_is_string(t);
}

bool type_nillable(Type *t)
{
	Type *u = type_under(t);
	if (!u)
		return false;
	switch (u->kind) {
	case TY_POINTER: case TY_FUNC: case TY_SLICE: case TY_MAP: case TY_CHAN:
	case TY_INTERFACE: case TY_UNSAFEPTR: case TY_UNTYPED_NIL:
		return true;
	default:
		return false;
	}
}

Type *type_default(Type *t)
{
	if (!t)
		return t;
	switch (t->kind) {
	case TY_UNTYPED_BOOL: return type_basic[TY_BOOL];
	case TY_UNTYPED_INT: return type_basic[TY_INT];
	case TY_UNTYPED_RUNE: return type_basic[TY_INT32];
	case TY_UNTYPED_FLOAT: return type_basic[TY_FLOAT64];
	case TY_UNTYPED_COMPLEX: return type_basic[TY_COMPLEX128];
	case TY_UNTYPED_STRING: return type_basic[TY_STRING];
	default: return t;
	}
}

int64_t type_align(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: case TY_INT8: case TY_UINT8: return 1;
	case TY_INT16: case TY_UINT16: return 2;
	case TY_INT32: case TY_UINT32: case TY_FLOAT32: case TY_COMPLEX64: return 4;
	case TY_ARRAY: return type_align(u->elem);
	case TY_STRUCT: {
		int64_t a = 1;
		for (int i = 0; i < u->nfields; i++) {
			int64_t fa = type_align(u->fields[i].type);
			if (fa > a)
				a = fa;
		}
		return a;
	}
	default: return 8;
	}
}

int64_t type_size(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_BOOL: case TY_INT8: case TY_UINT8: return 1;
	case TY_INT16: case TY_UINT16: return 2;
	case TY_INT32: case TY_UINT32: case TY_FLOAT32: return 4;
	case TY_COMPLEX64: return 8;
	case TY_STRING: case TY_INTERFACE: case TY_COMPLEX128: return 16;
	case TY_SLICE: return 24;
	case TY_ARRAY: return u->len * type_size(u->elem);
	case TY_STRUCT: {
		int64_t off = 0;
		for (int i = 0; i < u->nfields; i++) {
			int64_t a = type_align(u->fields[i].type);
			off = (off + a - 1) / a * a;
			off += type_size(u->fields[i].type);
		}
		int64_t a = type_align(u);
		return (off + a - 1) / a * a;
	}
	default: return 8;
	}
}

int type_bits(Type *t)
{
	t = type_under(t);
	switch (t ? t->kind : TY_INVALID) {
	case TY_INT8: case TY_UINT8: return 8;
	case TY_INT16: case TY_UINT16: return 16;
	case TY_INT32: case TY_UINT32: case TY_FLOAT32: return 32;
	case TY_COMPLEX64: return 64;
	case TY_COMPLEX128: return 128;
	default: return 64;
	}
}

/* ---- spelling ----------------------------------------------------------- */

static const char *const basic_names[] = {
	"invalid type",
#define X(k, s) s,
	GOL_BASIC_TYPES(X)
#undef X
};

static void write_type(StrBuf *b, Type *t, bool q);

/* The checker's spelling keeps parameter names, as types2's does
 * ("func(a ...any) string"); reflect's has none. */
static void write_params(StrBuf *b, Field *f, int n, bool variadic, bool q)
{
	strbuf_printf(b, "(");
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_printf(b, ", ");
		if (!q && f[i].name && f[i].name[0])
			strbuf_printf(b, "%s ", f[i].name);
		if (variadic && i == n - 1 && f[i].type->kind == TY_SLICE) {
			strbuf_printf(b, "...");
			write_type(b, f[i].type->elem, q);
		} else {
			write_type(b, f[i].type, q);
		}
	}
	strbuf_printf(b, ")");
}

/* A struct tag, quoted as strconv.Quote quotes it (its bytes are what the
 * source's literal meant; printable UTF-8 stays as it is). */
static void write_tag(StrBuf *b, const char *tag)
{
	strbuf_printf(b, " \"");
	for (const unsigned char *p = (const unsigned char *)tag; *p; p++) {
		switch (*p) {
		case '"': strbuf_printf(b, "\\\""); break;
		case '\\': strbuf_printf(b, "\\\\"); break;
		case '\n': strbuf_printf(b, "\\n"); break;
		case '\t': strbuf_printf(b, "\\t"); break;
		case '\r': strbuf_printf(b, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				strbuf_printf(b, "\\x%02x", *p);
			else
				strbuf_printf(b, "%c", *p);
		}
	}
	strbuf_printf(b, "\"");
}

static void write_sig(StrBuf *b, Type *t, bool q)
{
	write_params(b, t->fields, t->nfields, t->variadic, q);
	if (t->nresults == 1 && (q || !(t->results[0].name && t->results[0].name[0]))) {
		strbuf_printf(b, " ");
		write_type(b, t->results[0].type, q);
	} else if (t->nresults > 0) {
		strbuf_printf(b, " ");
		write_params(b, t->results, t->nresults, false, q);
	}
}

/* qualify also selects reflect's spelling ("interface {}", "struct { A
 * int }"), which is what %T and run-time messages use; the checker's
 * messages use types2's compact one ("interface{}", "struct{A int}"). */
static void write_type(StrBuf *b, Type *t, bool q)
{
	if (!t) {
		strbuf_printf(b, "<nil>");
		return;
	}
	switch (t->kind) {
	case TY_ARRAY:
		strbuf_printf(b, "[%lld]", (long long)t->len);
		write_type(b, t->elem, q);
		break;
	case TY_SLICE:
		strbuf_printf(b, "[]");
		write_type(b, t->elem, q);
		break;
	case TY_POINTER:
		strbuf_printf(b, "*");
		write_type(b, t->elem, q);
		break;
	case TY_MAP:
		strbuf_printf(b, "map[");
		write_type(b, t->key, q);
		strbuf_printf(b, "]");
		write_type(b, t->elem, q);
		break;
	case TY_CHAN:
		strbuf_printf(b, t->chandir == 2 ? "<-chan " : t->chandir == 1 ? "chan<- " : "chan ");
		/* chan (<-chan T) needs its parentheses to mean what it says */
		if (t->chandir == 0 && t->elem && t->elem->kind == TY_CHAN && t->elem->chandir == 2) {
			strbuf_printf(b, "(");
			write_type(b, t->elem, q);
			strbuf_printf(b, ")");
		} else {
			write_type(b, t->elem, q);
		}
		break;
	case TY_FUNC:
		strbuf_printf(b, "func");
		write_sig(b, t, q);
		break;
	case TY_STRUCT:
		strbuf_printf(b, q ? (t->nfields ? "struct { " : "struct {") : "struct{");
		for (int i = 0; i < t->nfields; i++) {
			if (i)
				strbuf_printf(b, "; ");
			if (!t->fields[i].embedded)
				strbuf_printf(b, "%s ", t->fields[i].name ? t->fields[i].name : "_");
			write_type(b, t->fields[i].type, q);
			if (t->fields[i].tag && t->fields[i].tag[0])
				write_tag(b, t->fields[i].tag);
		}
		strbuf_printf(b, q && t->nfields ? " }" : "}");
		break;
	case TY_INTERFACE:
		if (t == type_any && !q) {
			strbuf_printf(b, "any");
			break;
		}
		strbuf_printf(b, q ? (t->nmethods ? "interface { " : "interface {") : "interface{");
		for (int i = 0; i < t->nmethods; i++) {
			if (i)
				strbuf_printf(b, "; ");
			strbuf_printf(b, "%s", t->methods[i].name);
			write_sig(b, t->methods[i].sig, q);
		}
		strbuf_printf(b, q && t->nmethods ? " }" : "}");
		break;
	case TY_TUPLE:
		/* a call's results, named as the function names them */
		write_params(b, t->fields, t->nfields, false, q);
		break;
	case TY_NAMED:
		/* the checker's spelling qualifies only another package's types */
		if (t->pkg && (q || strcmp(t->pkg, "main")))
			strbuf_printf(b, "%s.", t->pkg);
		strbuf_printf(b, "%s", t->name);
		break;
	default:
		if (q && t->kind >= TY_BOOL && t->kind <= TY_UNTYPED_NIL) {
			/* reflect has no byte, rune or untyped kinds: a constant
			 * has its default type, nil none */
			static const TypeKind dflt[] = {
				[TY_UNTYPED_BOOL] = TY_BOOL, [TY_UNTYPED_INT] = TY_INT,
				[TY_UNTYPED_RUNE] = TY_INT32, [TY_UNTYPED_FLOAT] = TY_FLOAT64,
				[TY_UNTYPED_COMPLEX] = TY_COMPLEX128, [TY_UNTYPED_STRING] = TY_STRING,
			};
			TypeKind k = t->kind >= TY_UNTYPED_BOOL ? dflt[t->kind] : t->kind;
			strbuf_printf(b, "%s", k ? basic_names[k] : "nil");
		} else if (t->name)
			strbuf_printf(b, "%s", t->name);
		else if ((unsigned)t->kind <= TY_UNTYPED_NIL)
			strbuf_printf(b, "%s", basic_names[t->kind]);
		else
			strbuf_printf(b, "?");
		break;
	}
}

char *rtype_string(Type *t)
{
	return type_string(t, true);
}

char *type_string(Type *t, bool qualify)
{
	StrBuf b = {0};
	write_type(&b, t, qualify);
	return strbuf_str(&b);
}

/* ---- selectors ---------------------------------------------------------- */

/* Methods declared on a named type (through a pointer, too). */
static Method *named_method(Type *t, const char *name)
{
	if (!t || t->kind != TY_NAMED)
		return NULL;
	for (int i = 0; i < t->nmethods; i++)
		if (!strcmp(t->methods[i].name, name))
			return &t->methods[i];
	return NULL;
}

/*
 * Breadth-first over embedding depth, as the spec's selector rule says: the
 * shallowest depth with a match wins, and two matches at that depth are
 * ambiguous.
 */
typedef struct Cand {
	Type *t;
	int path[EMBED_MAX];
	int depth;
	bool indirect;
} Cand;

static bool exported(const char *name)
{
	return name[0] >= 'A' && name[0] <= 'Z';
}

int type_lookup(Type *t, const char *name, Selection *sel)
{
	return type_lookup_from(t, name, NULL, sel);
}

int type_lookup_from(Type *t, const char *name, const char *pkg, Selection *sel)
{
	/* an unexported name of another package is another name: lookup
	 * still goes through such an embedded field */
	bool foreign_ok = !pkg || exported(name);
	Cand cur[64], next[64];
	int ncur = 1, nnext;
	memset(sel, 0, sizeof *sel);
	cur[0].t = t;
	cur[0].depth = 0;
	cur[0].indirect = false;
	if (t && t->kind == TY_POINTER) {
		cur[0].t = t->elem;
		cur[0].indirect = true;
	} else if (t && t->kind == TY_NAMED && type_under(t)->kind == TY_POINTER) {
		/* a named pointer type has no methods, but its fields show through */
		cur[0].t = type_under(t)->elem;
		cur[0].indirect = true;
	}
	for (int level = 0; level < EMBED_MAX && ncur > 0; level++) {
		int found = 0;
		Selection hit;
		nnext = 0;
		for (int c = 0; c < ncur; c++) {
			Type *ct = cur[c].t;
			Method *m = named_method(ct, name);
			if (m && !foreign_ok && m->func && m->func->pkg && strcmp(m->func->pkg, pkg))
				m = NULL;
			Type *u = type_under(ct);
			if (!m && u && u->kind == TY_INTERFACE) {
				for (int i = 0; i < u->nmethods; i++)
					if (!strcmp(u->methods[i].name, name))
						m = &u->methods[i];
			}
			if (m) {
				found++;
				memset(&hit, 0, sizeof hit);
				hit.kind = 2;
				hit.method = m;
				hit.type = m->sig;
				memcpy(hit.path, cur[c].path, sizeof hit.path);
				hit.depth = cur[c].depth;
				hit.indirect = cur[c].indirect;
				continue;
			}
			if (!u || u->kind != TY_STRUCT)
				continue;
			for (int i = 0; i < u->nfields; i++) {
				Field *f = &u->fields[i];
				if (f->name && !strcmp(f->name, name)
				    && (foreign_ok || !f->pkg || !strcmp(f->pkg, pkg))) {
					found++;
					memset(&hit, 0, sizeof hit);
					hit.kind = 1;
					hit.type = f->type;
					memcpy(hit.path, cur[c].path, sizeof hit.path);
					hit.depth = cur[c].depth;
					hit.path[hit.depth++] = i;
					hit.indirect = cur[c].indirect;
				} else if (f->embedded && nnext < 64 && cur[c].depth < EMBED_MAX - 1) {
					Cand *n = &next[nnext++];
					*n = cur[c];
					n->path[n->depth++] = i;
					n->t = f->type;
					if (f->type->kind == TY_POINTER) {
						n->t = f->type->elem;
						n->indirect = true;
					}
				}
			}
		}
		if (found == 1) {
			*sel = hit;
			return sel->kind;
		}
		if (found > 1)
			return -1;
		memcpy(cur, next, sizeof(Cand) * (size_t)nnext);
		ncur = nnext;
	}
	return 0;
}

bool type_implements(Type *t, Type *iface, const char **missing, bool *ptr_only)
{
	Type *it = type_under(iface);
	*missing = NULL;
	*ptr_only = false;
	if (!it || it->kind != TY_INTERFACE)
		return false;
	Type *tu = type_under(t);
	if (it->nmethods && type_is_interface_ptr(t)) {
		/* a pointer to an interface has no methods at all */
		*missing = it->methods[0].name;
		return false;
	}
	for (int i = 0; i < it->nmethods; i++) {
		Method *want = &it->methods[i];
		if (tu && tu->kind == TY_INTERFACE) {
			bool ok = false;
			for (int j = 0; j < tu->nmethods; j++)
				if (!strcmp(tu->methods[j].name, want->name)
				    && type_identical(tu->methods[j].sig, want->sig))
					ok = true;
			if (!ok) {
				*missing = want->name;
				return false;
			}
			continue;
		}
		Selection sel;
		if (type_lookup(t, want->name, &sel) != 2 || !type_identical(sel.type, want->sig)) {
			*missing = want->name;
			return false;
		}
		/* The method set of T holds only value-receiver methods (also
		 * through embedded non-pointer fields); *T has all. */
		if (sel.method->ptr_recv && t->kind != TY_POINTER && !sel.indirect) {
			*missing = want->name;
			*ptr_only = true;
			return false;
		}
	}
	return true;
}
