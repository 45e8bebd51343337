/*
 * value.c — strings, interface boxes, canonical types, and the operations
 * on values that depend on their type: zero blocks, deep copies, equality
 * and hashing (see value.h for the representation).
 */
#define _GNU_SOURCE /* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
#include "value.h"
#include "rt.h"
#include "map.h"
#include "bytes.h"

#include <gc.h>
#include <pthread.h>
#include <math.h>
#include <string.h>

void *gc_resized(const void *p, size_t n, size_t cap, size_t elem, bool atomic)
{
	void *v = atomic ? GC_MALLOC_ATOMIC(elem * cap) : GC_MALLOC(elem * cap);
	if (n)
		memcpy(v, p, elem * n);
	return v;
}

GolString *str_new(const char *p, int64_t len)
{
	if (len <= 0)
		return NULL;
	/* header and bytes in one pointer-free allocation: the header's only
	 * pointer is into the block itself, so the collector need not scan it
	 * (substrings, which point into other blocks, are scanned headers) */
	GolString *s = GC_MALLOC_ATOMIC(sizeof *s + (size_t)len + 1);
	char *d = (char *)(s + 1);
	memcpy(d, p, (size_t)len);
	d[len] = 0;
	s->len = len;
	s->p = d;
	return s;
}

GolString *str_from_c(const char *s)
{
	return str_new(s, (int64_t)strlen(s));
}

GolString *str_sub(GolString *s, int64_t lo, int64_t hi)
{
	if (hi <= lo)
		return NULL;
	GolString *r = GC_MALLOC(sizeof *r);
	r->p = s->p + lo;
	r->len = hi - lo;
	return r;
}

GolString *str_concat(GolString *a, GolString *b)
{
	int64_t la = str_len(a), lb = str_len(b);
	if (!la)
		return b;
	if (!lb)
		return a;
	GolString *s = GC_MALLOC_ATOMIC(sizeof *s + (size_t)(la + lb) + 1);
	char *d = (char *)(s + 1);
	memcpy(d, a->p, (size_t)la);
	memcpy(d + la, b->p, (size_t)lb);
	d[la + lb] = 0;
	s->len = la + lb;
	s->p = d;
	return s;
}

int str_compare(GolString *a, GolString *b)
{
	int64_t la = str_len(a), lb = str_len(b);
	int64_t n = la < lb ? la : lb;
	int c = n > 0 ? memcmp(str_ptr(a), str_ptr(b), (size_t)n) : 0;
	if (c)
		return c;
	return la < lb ? -1 : la > lb;
}

bool str_equal(GolString *a, GolString *b)
{
	int64_t la = str_len(a);
	if (la != str_len(b))
		return false;
	return a == b || la <= 0 || bytes_eq(a->p, b->p, (size_t)la);
}

/* ---- canonical types ------------------------------------------------------ */

/*
 * Composite types are built structurally by the checker, so two []int are
 * different objects; at run time an interface's dynamic type must compare
 * by pointer. rtype_canon maps every type to the first identical one seen.
 * The table is only appended to, under a lock (compilation may run while
 * goroutines box values later).
 */
static Type **canon_tab;
static int ncanon, capcanon;
static pthread_mutex_t canon_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t lazy_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

void rt_lazy_lock(void) { pthread_mutex_lock(&lazy_lock); }
void rt_lazy_unlock(void) { pthread_mutex_unlock(&lazy_lock); }

Type *rtype_canon(Type *t)
{
	if (!t)
		return NULL;
	if (t->kind == TY_NAMED || (t->kind <= TY_UNTYPED_NIL && !t->name && t == type_basic[t->kind]))
		return t;
	if (t->kind <= TY_UNTYPED_NIL)
		return type_basic[t->kind]; /* byte and rune are uint8 and int32 */
	pthread_mutex_lock(&canon_lock);
	for (int i = 0; i < ncanon; i++)
		if (canon_tab[i] == t || type_identical(canon_tab[i], t)) {
			Type *r = canon_tab[i];
			pthread_mutex_unlock(&canon_lock);
			return r;
		}
	if (ncanon == capcanon) {
		int cap = capcanon ? capcanon * 2 : 64;
		Type **v = GC_MALLOC_UNCOLLECTABLE(sizeof *v * (size_t)cap);
		if (ncanon)
			memcpy(v, canon_tab, sizeof *v * (size_t)ncanon);
		canon_tab = v;
		capcanon = cap;
	}
	canon_tab[ncanon++] = t;
	pthread_mutex_unlock(&canon_lock);
	return t;
}

GolIface *iface_box(Type *t, Value v)
{
	GolIface *b = GC_MALLOC(sizeof *b);
	b->type = t;
	b->v = v;
	return b;
}

/* ---- blocks --------------------------------------------------------------- */

bool aggregate(Type *t)
{
	Type *u = type_under(t);
	return u && (u->kind == TY_STRUCT || u->kind == TY_ARRAY);
}

int64_t block_len(Type *t)
{
	Type *u = type_under(t);
	return u->kind == TY_STRUCT ? u->nfields : u->len;
}

Type *block_elem(Type *t, int64_t i)
{
	Type *u = type_under(t);
	return u->kind == TY_STRUCT ? u->fields[i].type : u->elem;
}

Value *block_new(Type *t)
{
	int64_t n = block_len(t);
	Value *b = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
	unsigned flat = t->blk_flat;
	if (flat == 1)
		return b; /* GC_MALLOC zeroes: every slot is its zero value */
	Type *u = type_under(t);
	if (!flat) {
		bool nested = false;
		if (u->kind == TY_ARRAY)
			nested = aggregate(u->elem);
		else
			for (int64_t i = 0; i < n && !nested; i++)
				nested = aggregate(u->fields[i].type);
		t->blk_flat = nested ? 2 : 1;
		if (!nested)
			return b;
	}
	if (u->kind == TY_ARRAY) {
		if (aggregate(u->elem))
			for (int64_t i = 0; i < n; i++)
				b[i].p = block_new(u->elem);
	} else {
		for (int64_t i = 0; i < n; i++)
			if (aggregate(u->fields[i].type))
				b[i].p = block_new(u->fields[i].type);
	}
	return b;
}

void block_copy_into(Type *t, Value *dst, Value *src)
{
	if (dst == src)
		return;
	int64_t n = block_len(t);
	Type *u = type_under(t);
	bool arr = u->kind == TY_ARRAY;
	bool nested_arr = arr && aggregate(u->elem);
	for (int64_t i = 0; i < n; i++) {
		Type *et = arr ? u->elem : u->fields[i].type;
		if (arr ? nested_arr : aggregate(et))
			block_copy_into(et, dst[i].p, src[i].p);
		else
			dst[i] = src[i];
	}
}

/* 1 with x's sign when x is infinite, else 0 with x's sign. */
static double inf_unit(double x)
{
	return copysign(isinf(x) ? 1.0 : 0.0, x);
}

/*
 * Complex division as Go's runtime does it: Smith's algorithm (divide by
 * the larger of the divisor's parts first, so that nothing overflows or
 * underflows that need not), and where that yields NaN in both parts, the
 * infinities and zeros of C99's Annex G (G.5.1) instead: a nonzero number
 * over zero is infinite, an infinite one over a finite one infinite, a
 * finite one over an infinite one zero.
 */
void rt_complex_div(double a, double b, double c, double d, double *re, double *im)
{
	double e, f;
	if (fabs(c) >= fabs(d)) {
		double ratio = d / c, denom = c + ratio * d;
		e = (a + b * ratio) / denom;
		f = (b - a * ratio) / denom;
	} else {
		double ratio = c / d, denom = d + ratio * c;
		e = (a * ratio + b) / denom;
		f = (b * ratio - a) / denom;
	}
	if (isnan(e) && isnan(f)) {
		if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
			e = copysign(INFINITY, c) * a;
			f = copysign(INFINITY, c) * b;
		} else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
			double ua = inf_unit(a), ub = inf_unit(b);
			e = INFINITY * (ua * c + ub * d);
			f = INFINITY * (ub * c - ua * d);
		} else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
			double uc = inf_unit(c), ud = inf_unit(d);
			e = 0 * (a * uc + b * ud);
			f = 0 * (b * uc - a * ud);
		}
	}
	*re = e;
	*im = f;
}

int64_t rt_copy(Type *agg, GolSlice *d, Value src, bool from_string)
{
	int64_t dn = d ? d->len : 0, n;
	if (from_string) {
		GolString *s = src.p;
		n = str_len(s) < dn ? str_len(s) : dn;
		for (int64_t k = 0; k < n; k++)
			d->data[k].u = (unsigned char)s->p[k];
		return n;
	}
	GolSlice *s = src.p;
	int64_t sn = s ? s->len : 0;
	n = sn < dn ? sn : dn;
	if (agg) {
		/* element-wise copies; clones first in case the slices overlap */
		Value *tmp = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
		for (int64_t k = 0; k < n; k++)
			tmp[k].p = block_clone(agg, s->data[k].p);
		for (int64_t k = 0; k < n; k++)
			block_copy_into(agg, d->data[k].p, tmp[k].p);
	} else if (n) {
		memmove(d->data, s->data, sizeof(Value) * (size_t)n);
	}
	return n;
}

Value *block_clone(Type *t, Value *src)
{
	int64_t n = block_len(t);
	Value *b = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
	Type *u = type_under(t);
	for (int64_t i = 0; i < n; i++) {
		Type *et = u->kind == TY_ARRAY ? u->elem : u->fields[i].type;
		if (aggregate(et))
			b[i].p = block_clone(et, src[i].p);
		else
			b[i] = src[i];
	}
	return b;
}

/* ---- error values made by the runtime ------------------------------------- */

void (*rt_race_word)(struct VM *vm, void *p, bool write);

static int error_msg_method(struct VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	if (rt_race_word)
		rt_race_word(vm, args[0].p, false);
	res[0] = ((Value *)args[0].p)[0];
	return 0;
}

static int no_op_method(struct VM *vm, Value *args, int nargs, Value *res)
{
	(void)vm;
	(void)args;
	(void)nargs;
	(void)res;
	return 0;
}

Type *rt_error_type(const char *pkg, const char *name, bool ptr_recv)
{
	Type *st = type_new(TY_STRUCT);
	st->fields = GC_MALLOC(sizeof(Field));
	/* errors.errorString's field is s, as %#v shows it */
	st->fields[0].name = !strcmp(pkg, "errors") ? "s" : "msg";
	st->fields[0].type = type_basic[TY_STRING];
	st->nfields = 1;
	Type *t = type_named(pkg, name, NULL);
	t->underlying = st;
	Type *sig = type_new(TY_FUNC);
	sig->results = GC_MALLOC(sizeof(Field));
	sig->results[0].type = type_basic[TY_STRING];
	sig->nresults = 1;
	GolClosure *f = GC_MALLOC(sizeof *f);
	f->native = error_msg_method;
	f->name = "Error";
	t->methods = GC_MALLOC(sizeof(Method) * 2);
	t->methods[0].name = "Error";
	t->methods[0].sig = sig;
	t->methods[0].impl = f;
	t->methods[0].ptr_recv = ptr_recv;
	t->nmethods = 1;
	if (!strcmp(pkg, "runtime")) {
		/* the runtime's errors satisfy runtime.Error too */
		GolClosure *g = GC_MALLOC(sizeof *g);
		g->native = no_op_method;
		g->name = "RuntimeError";
		t->methods[1].name = "RuntimeError";
		t->methods[1].sig = type_new(TY_FUNC);
		t->methods[1].impl = g;
		t->methods[1].ptr_recv = ptr_recv;
		t->nmethods = 2;
	}
	return t;
}

Value rt_error_value(GolString *msg)
{
	Value *blk = GC_MALLOC(sizeof(Value));
	blk[0].p = msg;
	Value v;
	v.p = blk;
	return v;
}

/* ---- equality and hashing -------------------------------------------------- */

int iface_equal(GolIface *x, GolIface *y, Type **bad)
{
	if (!x || !y)
		return x == y;
	if (x->type != y->type)
		return 0;
	int r = value_equal(x->type, x->v, y->v, bad);
	/* Go names the dynamic type that cannot be compared, not the part
	 * of it that makes it so (unless that is behind an interface inside
	 * it, which has named its own) */
	if (r < 0 && !type_comparable(x->type))
		*bad = x->type;
	return r;
}

uint64_t iface_hash(GolIface *x, uint64_t seed, Type **bad)
{
	if (!x)
		return map_hash_u64(0, seed);
	Type *was = *bad;
	uint64_t h = value_hash(x->type, x->v, seed, bad);
	if (!was && *bad && !type_comparable(x->type))
		*bad = x->type; /* as iface_equal */
	return map_hash_combine(map_hash_u64((uint64_t)(uintptr_t)x->type, seed), h);
}

/* Returns 1 equal, 0 not, -1 if the values are of an uncomparable type
 * (*bad gets that type). */
int value_equal(Type *t, Value a, Value b, Type **bad)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_STRING:
		return str_equal(a.p, b.p);
	case TY_FLOAT32:
	case TY_FLOAT64:
		return a.f == b.f;
	case TY_COMPLEX64:
	case TY_COMPLEX128: {
		GolComplex *x = a.p, *y = b.p;
		double xr = x ? x->re : 0, xi = x ? x->im : 0, yr = y ? y->re : 0, yi = y ? y->im : 0;
		return xr == yr && xi == yi;
	}
	case TY_INTERFACE:
		return iface_equal(a.p, b.p, bad);
	case TY_STRUCT: {
		Value *x = a.p, *y = b.p;
		for (int i = 0; i < u->nfields; i++) {
			int r = value_equal(u->fields[i].type, x[i], y[i], bad);
			if (r <= 0)
				return r;
		}
		return 1;
	}
	case TY_ARRAY: {
		Value *x = a.p, *y = b.p;
		for (int64_t i = 0; i < u->len; i++) {
			int r = value_equal(u->elem, x[i], y[i], bad);
			if (r <= 0)
				return r;
		}
		return 1;
	}
	case TY_SLICE:
	case TY_MAP:
	case TY_FUNC:
		*bad = t;
		return -1;
	default:
		return a.u == b.u;
	}
}

uint64_t value_hash(Type *t, Value v, uint64_t seed, Type **bad)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_STRING: {
		GolString *s = v.p;
		return map_hash_bytes(str_ptr(s), (size_t)str_len(s), seed);
	}
	case TY_FLOAT32:
	case TY_FLOAT64:
		return map_hash_f64(v.f, seed);
	case TY_COMPLEX64:
	case TY_COMPLEX128: {
		GolComplex *z = v.p;
		return map_hash_combine(map_hash_f64(z ? z->re : 0, seed), map_hash_f64(z ? z->im : 0, seed));
	}
	case TY_INTERFACE:
		return iface_hash(v.p, seed, bad);
	case TY_STRUCT: {
		Value *x = v.p;
		uint64_t h = seed;
		for (int i = 0; i < u->nfields; i++)
			h = map_hash_combine(h, value_hash(u->fields[i].type, x[i], seed, bad));
		return h;
	}
	case TY_ARRAY: {
		Value *x = v.p;
		uint64_t h = seed;
		for (int64_t i = 0; i < u->len; i++)
			h = map_hash_combine(h, value_hash(u->elem, x[i], seed, bad));
		return h;
	}
	case TY_SLICE:
	case TY_MAP:
	case TY_FUNC:
		*bad = t;
		return 0;
	default:
		return map_hash_u64(v.u, seed);
	}
}

/* Map keys of kinds other than plain words are stored as one 8-byte slot:
 * strings as their GolString pointer, everything else (interfaces, structs,
 * arrays, complex) as an interface box whose type drives hash and equality.
 * An unhashable dynamic key sets rt_key_error for the VM to panic with. */
__thread Type *rt_key_error __attribute__((tls_model("initial-exec")));

/* String map keys are hashed and compared inside the table (MAP_STRKEY),
 * which reads a GolString through MapStr's layout. */
_Static_assert(sizeof(GolString) == sizeof(MapStr) && offsetof(GolString, len) == offsetof(MapStr, len) &&
		       offsetof(GolString, p) == offsetof(MapStr, p),
	       "GolString and MapStr must share a layout");

static uint64_t hash_string_key(const void *k, uint64_t seed)
{
	GolString *s = *(GolString *const *)k;
	return map_hash_bytes(str_ptr(s), (size_t)str_len(s), seed);
}

static bool eq_string_key(const void *a, const void *b)
{
	return str_equal(*(GolString *const *)a, *(GolString *const *)b);
}

static uint64_t hash_boxed_key(const void *k, uint64_t seed)
{
	Type *bad = NULL;
	uint64_t h = iface_hash(*(GolIface *const *)k, seed, &bad);
	if (bad) {
		rt_key_error = bad;
		map_key_bad();
	}
	return h;
}

static bool eq_boxed_key(const void *a, const void *b)
{
	Type *bad = NULL;
	int r = iface_equal(*(GolIface *const *)a, *(GolIface *const *)b, &bad);
	if (r < 0)
		rt_key_error = bad;
	return r == 1;
}

KeyClass key_class(Type *key)
{
	Type *u = type_under(key);
	switch (u->kind) {
	case TY_STRING: return KEY_STRING;
	case TY_FLOAT32: case TY_FLOAT64: return KEY_FLOAT;
	case TY_INTERFACE: return KEY_IFACE;
	case TY_STRUCT: case TY_ARRAY: case TY_COMPLEX64: case TY_COMPLEX128: return KEY_BOXED;
	default: return KEY_WORD;
	}
}

GolMap *rt_map_new(Type *mt, int64_t hint)
{
	Type *u = type_under(mt);
	switch (key_class(u->key)) {
	case KEY_STRING:
		return map_new_flags(8, 8, hash_string_key, eq_string_key, hint, MAP_STRKEY);
	case KEY_FLOAT:
		return map_new(8, 8, map_hash_float, map_eq_float, hint);
	case KEY_IFACE:
	case KEY_BOXED:
		return map_new(8, 8, hash_boxed_key, eq_boxed_key, hint);
	default:
		return map_new(8, 8, map_hash_word, map_eq_word, hint);
	}
}
