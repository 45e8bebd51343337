/*
 * test_values.c — unit tests for runtime/value.c: strings, canonical types,
 * struct/array blocks (zeroing, deep copies), equality and hashing by type,
 * and Go maps over string, float, struct, array, complex and interface keys
 * built with rt_map_new (rt.h key classes) and used through runtime/map.h.
 *
 * The Go semantics checked: strings compare bytewise as unsigned bytes;
 * +0 == -0 (and hash alike); NaN != NaN (each NaN key is a new entry);
 * interfaces are equal when their dynamic types are identical and values
 * equal; comparing uncomparable dynamic values is an error (-1 + the type).
 */
#include <criterion/criterion.h>
#include <gc.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../../runtime/map.h"
#include "../../runtime/rt.h"
#include "../../runtime/value.h"

static void setup(void)
{
	GC_INIT();
	types_init();
}

#define VTEST(name) Test(values, name, .init = setup)

/* ---- helpers ------------------------------------------------------------------- */

#define SEED 0x1234567u

static Type *tb(TypeKind k) { return type_basic[k]; }
static Value VI(int64_t i) { return (Value){.i = i}; }
static Value VF(double f) { return (Value){.f = f}; }
static Value VP(void *p) { return (Value){.p = p}; }
static GolString *S(const char *s) { return str_from_c(s); }
static Value VS(const char *s) { return VP(S(s)); }

/* struct { name0 T0; name1 T1; ... } from (name, type) pairs. */
static Type *mkstruct(int n, ...)
{
	Type *t = type_new(TY_STRUCT);
	t->fields = GC_MALLOC(sizeof(Field) * (size_t)(n ? n : 1));
	t->nfields = n;
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		t->fields[i].name = va_arg(ap, const char *);
		t->fields[i].type = va_arg(ap, Type *);
	}
	va_end(ap);
	return t;
}

static Type *mknamed(const char *name, Type *under)
{
	Type *t = type_named("main", name, NULL);
	t->underlying = under;
	return t;
}

static Value VC(double re, double im)
{
	GolComplex *c = GC_MALLOC(sizeof *c);
	c->re = re;
	c->im = im;
	return VP(c);
}

static Value BOX(Type *t, Value v) { return VP(iface_box(rtype_canon(t), v)); }

/* A block from n values (for flat structs and arrays). */
static Value BLK(int n, ...)
{
	Value *b = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		b[i] = va_arg(ap, Value);
	va_end(ap);
	return VP(b);
}

static int veq(Type *t, Value a, Value b)
{
	Type *bad = NULL;
	int r = value_equal(t, a, b, &bad);
	cr_assert_null(bad, "unexpected uncomparable type");
	return r;
}

static uint64_t vhash(Type *t, Value v)
{
	Type *bad = NULL;
	uint64_t h = value_hash(t, v, SEED, &bad);
	cr_assert_null(bad, "unexpected unhashable type");
	return h;
}

/* Map operations on one-slot keys and int values. */
static void mput(GolMap *m, Value k, int64_t v)
{
	Value *p = map_set(m, &k);
	cr_assert_not_null(p);
	p->i = v;
}

static bool mget(GolMap *m, Value k, int64_t *v)
{
	Value *p = map_get(m, &k);
	if (p && v)
		*v = p->i;
	return p != NULL;
}

/* ---- strings --------------------------------------------------------------------- */

VTEST(str_empty_is_null)
{
	cr_assert_null(str_new("abc", 0));
	cr_assert_null(str_from_c(""));
	cr_assert_eq(str_len(NULL), 0);
	cr_assert_str_eq(str_ptr(NULL), "");
}

VTEST(str_new_copies)
{
	char buf[] = "hello";
	GolString *s = str_new(buf, 5);
	buf[0] = 'J';
	cr_assert_eq(str_len(s), 5);
	cr_assert_eq(memcmp(str_ptr(s), "hello", 5), 0);
	cr_assert_neq(s->p, buf);
	cr_assert_eq(s->p[5], 0); /* NUL-terminated for C callers */
}

VTEST(str_new_embedded_nul)
{
	GolString *s = str_new("a\0b", 3);
	cr_assert_eq(str_len(s), 3);
	cr_assert_eq(memcmp(s->p, "a\0b", 3), 0);
	cr_assert(!str_equal(s, S("a")));
}

VTEST(str_concat_values)
{
	GolString *s = str_concat(S("ab"), S("cd"));
	cr_assert_eq(str_len(s), 4);
	cr_assert_eq(memcmp(s->p, "abcd", 4), 0);
	cr_assert(str_equal(s, S("abcd")));
	GolString *x = S("x");
	cr_assert_eq(str_concat(x, NULL), x);
	cr_assert_eq(str_concat(NULL, x), x);
	cr_assert_null(str_concat(NULL, NULL));
}

VTEST(str_compare_bytewise)
{
	cr_assert_lt(str_compare(S("a"), S("b")), 0);
	cr_assert_lt(str_compare(S("ab"), S("abc")), 0);
	cr_assert_gt(str_compare(S("abc"), S("ab")), 0);
	cr_assert_lt(str_compare(NULL, S("a")), 0);
	cr_assert_eq(str_compare(NULL, NULL), 0);
	cr_assert_eq(str_compare(S("same"), S("same")), 0);
	cr_assert_gt(str_compare(S("\xff"), S("a")), 0); /* unsigned, like Go */
	cr_assert_gt(str_compare(str_new("a\0", 2), S("a")), 0);
	cr_assert_lt(str_compare(S("B"), S("a")), 0);
}

VTEST(str_equal_cases)
{
	cr_assert(str_equal(S("go"), S("go")));
	cr_assert(str_equal(NULL, NULL));
	cr_assert(!str_equal(NULL, S("a")));
	cr_assert(!str_equal(S("ab"), S("ac")));
	cr_assert(!str_equal(S("ab"), S("abc")));
}

VTEST(str_sub_shares_bytes)
{
	GolString *s = S("hello, world");
	GolString *w = str_sub(s, 7, 12);
	cr_assert_eq(w->p, s->p + 7);
	cr_assert_eq(str_len(w), 5);
	cr_assert(str_equal(w, S("world")));
	GolString *all = str_sub(s, 0, 12);
	cr_assert_eq(all->p, s->p);
	cr_assert(str_equal(all, s));
	GolString *o = str_sub(w, 1, 3); /* substring of a substring */
	cr_assert_eq(o->p, s->p + 8);
	cr_assert(str_equal(o, S("or")));
}

VTEST(str_sub_empty_is_null)
{
	GolString *s = S("abc");
	cr_assert_null(str_sub(s, 1, 1));
	cr_assert_null(str_sub(s, 3, 3));
	cr_assert_null(str_sub(NULL, 0, 0));
	cr_assert(str_equal(str_sub(s, 2, 2), NULL));
}

/* ---- canonical types -------------------------------------------------------------- */

VTEST(canon_slice_types)
{
	Type *a = type_slice(tb(TY_INT)), *b = type_slice(tb(TY_INT));
	cr_assert_neq(a, b);
	Type *ca = rtype_canon(a), *cb = rtype_canon(b);
	cr_assert_eq(ca, cb);
	cr_assert_eq(rtype_canon(ca), ca);
	cr_assert_neq(rtype_canon(type_slice(tb(TY_STRING))), ca);
	cr_assert_neq(rtype_canon(type_slice(tb(TY_INT64))), ca);
}

VTEST(canon_arrays_maps_pointers)
{
	cr_assert_eq(rtype_canon(type_array(tb(TY_INT), 3)), rtype_canon(type_array(tb(TY_INT), 3)));
	cr_assert_neq(rtype_canon(type_array(tb(TY_INT), 3)), rtype_canon(type_array(tb(TY_INT), 4)));
	cr_assert_eq(rtype_canon(type_map(tb(TY_STRING), type_slice(tb(TY_INT)))),
		     rtype_canon(type_map(tb(TY_STRING), type_slice(tb(TY_INT)))));
	cr_assert_eq(rtype_canon(type_pointer(tb(TY_BOOL))), rtype_canon(type_pointer(tb(TY_BOOL))));
	cr_assert_neq(rtype_canon(type_pointer(tb(TY_BOOL))), rtype_canon(type_slice(tb(TY_BOOL))));
}

VTEST(canon_structs)
{
	Type *a = mkstruct(2, "X", tb(TY_INT), "Y", tb(TY_STRING));
	Type *b = mkstruct(2, "X", tb(TY_INT), "Y", tb(TY_STRING));
	Type *c = mkstruct(2, "X", tb(TY_INT), "Z", tb(TY_STRING));
	cr_assert_eq(rtype_canon(a), rtype_canon(b));
	cr_assert_neq(rtype_canon(a), rtype_canon(c));
}

VTEST(canon_basic_and_named)
{
	cr_assert_null(rtype_canon(NULL));
	cr_assert_eq(rtype_canon(tb(TY_INT)), tb(TY_INT));
	cr_assert_eq(rtype_canon(type_byte), tb(TY_UINT8));
	cr_assert_eq(rtype_canon(type_rune), tb(TY_INT32));
	Type *n1 = mknamed("T", tb(TY_INT)), *n2 = mknamed("T", tb(TY_INT));
	cr_assert_eq(rtype_canon(n1), n1);
	cr_assert_eq(rtype_canon(n2), n2); /* distinct declarations stay distinct */
	cr_assert_eq(rtype_canon(type_error), type_error);
}

VTEST(iface_box_holds)
{
	Type *t = rtype_canon(type_slice(tb(TY_INT)));
	GolIface *b = iface_box(t, VI(77));
	cr_assert_eq(b->type, t);
	cr_assert_eq(b->v.i, 77);
}

/* ---- blocks ------------------------------------------------------------------------ */

VTEST(block_len_and_elem)
{
	Type *st = mkstruct(3, "a", tb(TY_INT), "s", tb(TY_STRING), "f", tb(TY_FLOAT64));
	cr_assert_eq(block_len(st), 3);
	cr_assert_eq(block_elem(st, 1), tb(TY_STRING));
	Type *at = type_array(st, 4);
	cr_assert_eq(block_len(at), 4);
	cr_assert_eq(block_elem(at, 3), st);
	Type *nt = mknamed("S", st);
	cr_assert_eq(block_len(nt), 3);
	cr_assert_eq(block_elem(nt, 2), tb(TY_FLOAT64));
}

VTEST(block_new_flat_is_zero)
{
	Type *st = mkstruct(3, "a", tb(TY_INT), "s", tb(TY_STRING), "f", tb(TY_FLOAT64));
	Value *b = block_new(st);
	cr_assert_not_null(b);
	cr_assert_eq(b[0].i, 0);
	cr_assert_null(b[1].p);
	cr_assert_eq(b[2].f, 0.0);
	cr_assert_not_null(block_new(type_array(tb(TY_INT), 0))); /* [0]int */
	cr_assert_not_null(block_new(mkstruct(0)));               /* struct{} */
}

VTEST(block_new_nested)
{
	/* struct { p struct{x, y int}; m [2][3]int; n int } */
	Type *pt = mkstruct(2, "x", tb(TY_INT), "y", tb(TY_INT));
	Type *mt = type_array(type_array(tb(TY_INT), 3), 2);
	Type *st = mkstruct(3, "p", pt, "m", mt, "n", tb(TY_INT));
	Value *b = block_new(st);
	Value *p = b[0].p, *m = b[1].p;
	cr_assert_not_null(p);
	cr_assert_not_null(m);
	cr_assert_eq(p[0].i, 0);
	cr_assert_eq(p[1].i, 0);
	for (int i = 0; i < 2; i++) {
		Value *row = m[i].p;
		cr_assert_not_null(row);
		for (int j = 0; j < 3; j++)
			cr_assert_eq(row[j].i, 0);
	}
	cr_assert_neq(m[0].p, m[1].p);
	cr_assert_eq(b[2].i, 0);
}

VTEST(block_new_named_struct)
{
	Type *inner = mknamed("P", mkstruct(1, "x", tb(TY_INT)));
	Type *outer = mknamed("Q", mkstruct(2, "p", inner, "arr", type_array(inner, 2)));
	Value *b = block_new(outer);
	cr_assert_not_null(b[0].p);
	Value *arr = b[1].p;
	cr_assert_not_null(arr[0].p);
	cr_assert_not_null(arr[1].p);
}

VTEST(block_clone_deep)
{
	Type *pt = mkstruct(2, "x", tb(TY_INT), "s", tb(TY_STRING));
	Type *st = mkstruct(2, "p", pt, "a", type_array(pt, 2));
	Value *src = block_new(st);
	Value *sp = src[0].p;
	sp[0].i = 1;
	sp[1].p = S("one");
	Value *sa = src[1].p;
	((Value *)sa[1].p)[0].i = 5;
	Value *c = block_clone(st, src);
	cr_assert_neq(c, src);
	cr_assert_neq(c[0].p, src[0].p);
	cr_assert_neq(c[1].p, src[1].p);
	Value *ca = c[1].p;
	cr_assert_neq(ca[1].p, sa[1].p);
	cr_assert_eq(((Value *)c[0].p)[0].i, 1);
	cr_assert(str_equal(((Value *)c[0].p)[1].p, S("one")));
	cr_assert_eq(((Value *)ca[1].p)[0].i, 5);
	/* independent afterwards */
	sp[0].i = 2;
	((Value *)sa[1].p)[0].i = 6;
	cr_assert_eq(((Value *)c[0].p)[0].i, 1);
	cr_assert_eq(((Value *)ca[1].p)[0].i, 5);
	cr_assert_eq(veq(st, VP(src), VP(c)), 0);
}

VTEST(block_clone_array_of_arrays)
{
	Type *at = type_array(type_array(tb(TY_INT), 2), 2);
	Value *src = block_new(at);
	((Value *)src[1].p)[1].i = 9;
	Value *c = block_clone(at, src);
	cr_assert_neq(c[0].p, src[0].p);
	cr_assert_neq(c[1].p, src[1].p);
	cr_assert_eq(((Value *)c[1].p)[1].i, 9);
	cr_assert_eq(veq(at, VP(src), VP(c)), 1);
}

VTEST(block_copy_into_keeps_dst_blocks)
{
	Type *pt = mkstruct(2, "x", tb(TY_INT), "y", tb(TY_FLOAT64));
	Type *st = mkstruct(3, "p", pt, "a", type_array(tb(TY_STRING), 2), "n", tb(TY_INT));
	Value *src = block_new(st), *dst = block_new(st);
	Value *dp = dst[0].p, *da = dst[1].p;
	((Value *)src[0].p)[0].i = 3;
	((Value *)src[0].p)[1].f = 2.5;
	((Value *)src[1].p)[1].p = S("z");
	src[2].i = -4;
	block_copy_into(st, dst, src);
	cr_assert_eq(dst[0].p, dp); /* the destination owns its nested blocks */
	cr_assert_eq(dst[1].p, da);
	cr_assert_eq(dp[0].i, 3);
	cr_assert_eq(dp[1].f, 2.5);
	cr_assert(str_equal(da[1].p, S("z")));
	cr_assert_eq(dst[2].i, -4);
	((Value *)src[0].p)[0].i = 100;
	cr_assert_eq(dp[0].i, 3);
	cr_assert_eq(veq(st, VP(src), VP(dst)), 0);
}

VTEST(block_copy_into_self)
{
	Type *st = mkstruct(1, "p", mkstruct(1, "x", tb(TY_INT)));
	Value *b = block_new(st);
	Value *inner = b[0].p;
	inner[0].i = 8;
	block_copy_into(st, b, b);
	cr_assert_eq(b[0].p, inner);
	cr_assert_eq(inner[0].i, 8);
}

/* ---- equality and hashing -------------------------------------------------------------- */

VTEST(equal_strings)
{
	Type *t = tb(TY_STRING);
	cr_assert_eq(veq(t, VS("abc"), VS("abc")), 1);
	cr_assert_eq(vhash(t, VS("abc")), vhash(t, VS("abc")));
	cr_assert_eq(veq(t, VS("abc"), VS("abd")), 0);
	cr_assert_eq(veq(t, VP(NULL), VP(NULL)), 1);
	cr_assert_eq(veq(t, VP(NULL), VS("a")), 0);
	GolString *s = S("xabcx");
	cr_assert_eq(veq(t, VP(str_sub(s, 1, 4)), VS("abc")), 1);
	cr_assert_eq(vhash(t, VP(str_sub(s, 1, 4))), vhash(t, VS("abc")));
}

VTEST(equal_signed_zero)
{
	Type *t = tb(TY_FLOAT64);
	cr_assert_eq(veq(t, VF(0.0), VF(-0.0)), 1);
	cr_assert_eq(vhash(t, VF(0.0)), vhash(t, VF(-0.0)));
	Type *t32 = tb(TY_FLOAT32);
	cr_assert_eq(veq(t32, VF(0.0), VF(-0.0)), 1);
	cr_assert_eq(vhash(t32, VF(0.0)), vhash(t32, VF(-0.0)));
	cr_assert_eq(vhash(t, VF(1.5)), vhash(t, VF(1.5)));
}

VTEST(equal_nan)
{
	Type *t = tb(TY_FLOAT64);
	cr_assert_eq(veq(t, VF(NAN), VF(NAN)), 0);
	Value n = VF(NAN);
	cr_assert_eq(veq(t, n, n), 0); /* even the same bits */
	cr_assert_eq(veq(t, VF(NAN), VF(1.0)), 0);
	cr_assert_eq(veq(t, VF(INFINITY), VF(INFINITY)), 1);
}

VTEST(equal_ints_and_bools)
{
	cr_assert_eq(veq(tb(TY_INT), VI(-5), VI(-5)), 1);
	cr_assert_eq(veq(tb(TY_INT), VI(-5), VI(5)), 0);
	cr_assert_eq(vhash(tb(TY_INT64), VI(42)), vhash(tb(TY_INT64), VI(42)));
	cr_assert_eq(veq(tb(TY_BOOL), VI(1), VI(1)), 1);
	cr_assert_eq(veq(tb(TY_BOOL), VI(1), VI(0)), 0);
	int x;
	cr_assert_eq(veq(type_pointer(tb(TY_INT)), VP(&x), VP(&x)), 1);
}

VTEST(equal_complex)
{
	Type *t = tb(TY_COMPLEX128);
	cr_assert_eq(veq(t, VC(1, 2), VC(1, 2)), 1);
	cr_assert_eq(vhash(t, VC(1, 2)), vhash(t, VC(1, 2)));
	cr_assert_eq(veq(t, VC(1, 2), VC(2, 1)), 0);
	cr_assert_eq(veq(t, VP(NULL), VC(0, 0)), 1); /* NULL is 0+0i */
	cr_assert_eq(vhash(t, VP(NULL)), vhash(t, VC(0, 0)));
	cr_assert_eq(veq(t, VC(0, -0.0), VC(-0.0, 0)), 1);
	cr_assert_eq(veq(t, VC(NAN, 0), VC(NAN, 0)), 0);
}

VTEST(equal_structs)
{
	Type *st = mkstruct(3, "a", tb(TY_INT), "s", tb(TY_STRING), "f", tb(TY_FLOAT64));
	Value x = BLK(3, VI(1), VS("hi"), VF(0.0));
	Value y = BLK(3, VI(1), VS("hi"), VF(-0.0));
	cr_assert_eq(veq(st, x, y), 1);
	cr_assert_eq(vhash(st, x), vhash(st, y));
	cr_assert_eq(veq(st, x, BLK(3, VI(1), VS("ho"), VF(0.0))), 0);
	cr_assert_eq(veq(st, x, BLK(3, VI(2), VS("hi"), VF(0.0))), 0);
	cr_assert_eq(veq(st, x, BLK(3, VI(1), VS("hi"), VF(NAN))), 0);
}

VTEST(equal_arrays_and_nested)
{
	Type *at = type_array(tb(TY_STRING), 3);
	Value a = BLK(3, VS("a"), VP(NULL), VS("c"));
	Value b = BLK(3, VS("a"), VP(NULL), VS("c"));
	cr_assert_eq(veq(at, a, b), 1);
	cr_assert_eq(vhash(at, a), vhash(at, b));
	cr_assert_eq(veq(at, a, BLK(3, VS("a"), VS("b"), VS("c"))), 0);
	/* struct { n int; a [3]string } */
	Type *st = mkstruct(2, "n", tb(TY_INT), "a", at);
	Value x = BLK(2, VI(7), a), y = BLK(2, VI(7), b);
	cr_assert_eq(veq(st, x, y), 1);
	cr_assert_eq(vhash(st, x), vhash(st, y));
	cr_assert_eq(veq(type_array(tb(TY_INT), 0), BLK(0), BLK(0)), 1);
}

VTEST(equal_named_types)
{
	Type *nt = mknamed("P", mkstruct(2, "x", tb(TY_INT), "y", tb(TY_INT)));
	cr_assert_eq(veq(nt, BLK(2, VI(1), VI(2)), BLK(2, VI(1), VI(2))), 1);
	cr_assert_eq(veq(nt, BLK(2, VI(1), VI(2)), BLK(2, VI(2), VI(1))), 0);
	Type *ns = mknamed("Name", tb(TY_STRING));
	cr_assert_eq(veq(ns, VS("q"), VS("q")), 1);
}

VTEST(equal_interfaces)
{
	Type *any = type_any;
	cr_assert_eq(veq(any, VP(NULL), VP(NULL)), 1);
	cr_assert_eq(veq(any, VP(NULL), BOX(tb(TY_INT), VI(0))), 0);
	cr_assert_eq(veq(any, BOX(tb(TY_INT), VI(3)), BOX(tb(TY_INT), VI(3))), 1);
	cr_assert_eq(vhash(any, BOX(tb(TY_INT), VI(3))), vhash(any, BOX(tb(TY_INT), VI(3))));
	cr_assert_eq(veq(any, BOX(tb(TY_INT), VI(3)), BOX(tb(TY_INT), VI(4))), 0);
	/* same bits, different dynamic types: any(int(1)) != any(int64(1)) */
	cr_assert_eq(veq(any, BOX(tb(TY_INT), VI(1)), BOX(tb(TY_INT64), VI(1))), 0);
	Type *n = mknamed("MyInt", tb(TY_INT));
	cr_assert_eq(veq(any, BOX(tb(TY_INT), VI(1)), BOX(n, VI(1))), 0);
	cr_assert_eq(veq(any, BOX(tb(TY_STRING), VS("s")), BOX(tb(TY_STRING), VS("s"))), 1);
	cr_assert_eq(veq(any, BOX(tb(TY_FLOAT64), VF(0.0)), BOX(tb(TY_FLOAT64), VF(-0.0))), 1);
	cr_assert_eq(vhash(any, BOX(tb(TY_FLOAT64), VF(0.0))), vhash(any, BOX(tb(TY_FLOAT64), VF(-0.0))));
}

VTEST(equal_interfaces_structural_types)
{
	/* any([2]int{1,2}) == any([2]int{1,2}), the array types made twice */
	Type *any = type_any;
	Value a = BOX(type_array(tb(TY_INT), 2), BLK(2, VI(1), VI(2)));
	Value b = BOX(type_array(tb(TY_INT), 2), BLK(2, VI(1), VI(2)));
	cr_assert_eq(((GolIface *)a.p)->type, ((GolIface *)b.p)->type);
	cr_assert_eq(veq(any, a, b), 1);
	cr_assert_eq(vhash(any, a), vhash(any, b));
	Value s1 = BOX(mkstruct(1, "X", tb(TY_STRING)), BLK(1, VS("k")));
	Value s2 = BOX(mkstruct(1, "X", tb(TY_STRING)), BLK(1, VS("k")));
	cr_assert_eq(veq(any, s1, s2), 1);
	cr_assert_eq(vhash(any, s1), vhash(any, s2));
}

VTEST(uncomparable_types)
{
	Type *sl = type_slice(tb(TY_INT)), *mp = type_map(tb(TY_STRING), tb(TY_INT));
	Type *fn = type_new(TY_FUNC);
	Type *bad = NULL;
	cr_assert_eq(value_equal(sl, VP(NULL), VP(NULL), &bad), -1);
	cr_assert_eq(bad, sl);
	bad = NULL;
	cr_assert_eq(value_equal(mp, VP(NULL), VP(NULL), &bad), -1);
	cr_assert_eq(bad, mp);
	bad = NULL;
	cr_assert_eq(value_equal(fn, VP(NULL), VP(NULL), &bad), -1);
	cr_assert_eq(bad, fn);
}

VTEST(uncomparable_in_struct_and_iface)
{
	Type *sl = type_slice(tb(TY_INT));
	Type *st = mkstruct(2, "s", sl, "a", tb(TY_INT));
	Type *bad = NULL;
	cr_assert_eq(value_equal(st, BLK(2, VP(NULL), VI(1)), BLK(2, VP(NULL), VI(1)), &bad), -1);
	cr_assert_eq(bad, sl);
	/* any([]int(nil)) == any([]int(nil)) panics in Go */
	Type *csl = rtype_canon(sl);
	bad = NULL;
	cr_assert_eq(value_equal(type_any, BOX(sl, VP(NULL)), BOX(type_slice(tb(TY_INT)), VP(NULL)), &bad), -1);
	cr_assert_eq(bad, csl);
	/* different dynamic types compare false without a panic */
	bad = NULL;
	cr_assert_eq(value_equal(type_any, BOX(sl, VP(NULL)), BOX(tb(TY_INT), VI(0)), &bad), 0);
	cr_assert_null(bad);
}

VTEST(unhashable_types)
{
	Type *sl = type_slice(tb(TY_STRING));
	Type *bad = NULL;
	value_hash(sl, VP(NULL), SEED, &bad);
	cr_assert_eq(bad, sl);
	/* a struct with a map field, hashed through an interface: Go names
	 * the dynamic type, not the map inside it */
	Type *mp = type_map(tb(TY_INT), tb(TY_INT));
	Type *st = mkstruct(2, "a", tb(TY_INT), "m", mp);
	bad = NULL;
	value_hash(type_any, BOX(st, BLK(2, VI(1), VP(NULL))), SEED, &bad);
	cr_assert_eq(bad, rtype_canon(st));
}

/* ---- maps ---------------------------------------------------------------------------- */

VTEST(key_classes)
{
	cr_assert_eq(key_class(tb(TY_STRING)), KEY_STRING);
	cr_assert_eq(key_class(mknamed("K", tb(TY_STRING))), KEY_STRING);
	cr_assert_eq(key_class(tb(TY_FLOAT64)), KEY_FLOAT);
	cr_assert_eq(key_class(tb(TY_FLOAT32)), KEY_FLOAT);
	cr_assert_eq(key_class(type_any), KEY_IFACE);
	cr_assert_eq(key_class(type_error), KEY_IFACE);
	cr_assert_eq(key_class(mkstruct(1, "x", tb(TY_INT))), KEY_BOXED);
	cr_assert_eq(key_class(type_array(tb(TY_INT), 2)), KEY_BOXED);
	cr_assert_eq(key_class(tb(TY_COMPLEX128)), KEY_BOXED);
	cr_assert_eq(key_class(tb(TY_INT)), KEY_WORD);
	cr_assert_eq(key_class(tb(TY_BOOL)), KEY_WORD);
	cr_assert_eq(key_class(type_pointer(tb(TY_INT))), KEY_WORD);
}

VTEST(map_string_keys)
{
	GolMap *m = rt_map_new(type_map(tb(TY_STRING), tb(TY_INT)), 0);
	cr_assert_eq(map_len(m), 0);
	mput(m, VS("a"), 1);
	mput(m, VS("b"), 2);
	mput(m, VP(NULL), 3); /* m[""] */
	mput(m, VS("a"), 10); /* overwrite through a different header */
	cr_assert_eq(map_len(m), 3);
	int64_t v;
	cr_assert(mget(m, VS("a"), &v));
	cr_assert_eq(v, 10);
	cr_assert(mget(m, VP(str_sub(S("xbx"), 1, 2)), &v)); /* a substring key */
	cr_assert_eq(v, 2);
	cr_assert(mget(m, VP(NULL), &v));
	cr_assert_eq(v, 3);
	cr_assert(!mget(m, VS("c"), NULL));
	Value k = VS("b");
	cr_assert(map_delete(m, &k));
	cr_assert(!map_delete(m, &k));
	cr_assert_eq(map_len(m), 2);
	cr_assert(!mget(m, VS("b"), NULL));
}

VTEST(map_string_keys_many)
{
	GolMap *m = rt_map_new(type_map(tb(TY_STRING), tb(TY_INT)), 16);
	char buf[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(buf, sizeof buf, "key%d", i);
		mput(m, VS(buf), i);
	}
	cr_assert_eq(map_len(m), 1000);
	for (int i = 0; i < 1000; i += 2) {
		snprintf(buf, sizeof buf, "key%d", i);
		Value k = VS(buf);
		cr_assert(map_delete(m, &k));
	}
	cr_assert_eq(map_len(m), 500);
	for (int i = 0; i < 1000; i++) {
		snprintf(buf, sizeof buf, "key%d", i);
		int64_t v = -1;
		bool found = mget(m, VS(buf), &v);
		cr_assert_eq(found, i % 2 == 1, "key%d", i);
		if (found)
			cr_assert_eq(v, i);
	}
}

VTEST(map_float_keys)
{
	GolMap *m = rt_map_new(type_map(tb(TY_FLOAT64), tb(TY_INT)), 0);
	mput(m, VF(0.0), 1);
	mput(m, VF(-0.0), 2); /* same key as +0 */
	mput(m, VF(1.5), 3);
	cr_assert_eq(map_len(m), 2);
	int64_t v;
	cr_assert(mget(m, VF(0.0), &v));
	cr_assert_eq(v, 2);
	mput(m, VF(NAN), 4);
	mput(m, VF(NAN), 5);
	mput(m, VF(NAN), 6);
	cr_assert_eq(map_len(m), 5); /* each NaN is a new entry */
	cr_assert(!mget(m, VF(NAN), NULL));
	Value n = VF(NAN);
	cr_assert(!map_delete(m, &n));
	cr_assert_eq(map_len(m), 5);
	Value z = VF(-0.0);
	cr_assert(map_delete(m, &z));
	cr_assert_eq(map_len(m), 4);
}

VTEST(map_struct_keys_boxed)
{
	/* map[struct{a int; s string}]int, keys boxed in interfaces */
	Type *kt = mkstruct(2, "a", tb(TY_INT), "s", tb(TY_STRING));
	Type *mt = type_map(kt, tb(TY_INT));
	cr_assert_eq(key_class(mt->key), KEY_BOXED);
	GolMap *m = rt_map_new(mt, 0);
	mput(m, BOX(kt, BLK(2, VI(1), VS("x"))), 100);
	mput(m, BOX(kt, BLK(2, VI(1), VS("y"))), 200);
	mput(m, BOX(kt, BLK(2, VI(2), VS("x"))), 300);
	mput(m, BOX(kt, BLK(2, VI(1), VS("x"))), 111); /* fresh but equal key */
	cr_assert_eq(map_len(m), 3);
	int64_t v;
	/* a key of a structurally identical type made anew */
	Type *kt2 = mkstruct(2, "a", tb(TY_INT), "s", tb(TY_STRING));
	cr_assert(mget(m, BOX(kt2, BLK(2, VI(1), VS("x"))), &v));
	cr_assert_eq(v, 111);
	cr_assert(mget(m, BOX(kt, BLK(2, VI(1), VS("y"))), &v));
	cr_assert_eq(v, 200);
	cr_assert(!mget(m, BOX(kt, BLK(2, VI(3), VS("x"))), NULL));
	Value k = BOX(kt, BLK(2, VI(2), VS("x")));
	cr_assert(map_delete(m, &k));
	cr_assert_eq(map_len(m), 2);
}

VTEST(map_array_keys_signed_zero)
{
	Type *kt = type_array(tb(TY_FLOAT64), 2);
	GolMap *m = rt_map_new(type_map(kt, tb(TY_INT)), 0);
	mput(m, BOX(kt, BLK(2, VF(0.0), VF(1.0))), 1);
	int64_t v;
	cr_assert(mget(m, BOX(kt, BLK(2, VF(-0.0), VF(1.0))), &v));
	cr_assert_eq(v, 1);
	mput(m, BOX(kt, BLK(2, VF(NAN), VF(1.0))), 2);
	mput(m, BOX(kt, BLK(2, VF(NAN), VF(1.0))), 3);
	cr_assert_eq(map_len(m), 3);
}

VTEST(map_complex_keys)
{
	Type *kt = tb(TY_COMPLEX128);
	GolMap *m = rt_map_new(type_map(kt, tb(TY_INT)), 0);
	mput(m, BOX(kt, VP(NULL)), 1);
	mput(m, BOX(kt, VC(0, 0)), 2); /* the same key as the NULL zero */
	mput(m, BOX(kt, VC(1, -1)), 3);
	cr_assert_eq(map_len(m), 2);
	int64_t v;
	cr_assert(mget(m, BOX(kt, VC(-0.0, 0)), &v));
	cr_assert_eq(v, 2);
	cr_assert(mget(m, BOX(kt, VC(1, -1)), &v));
	cr_assert_eq(v, 3);
}

VTEST(map_interface_keys)
{
	GolMap *m = rt_map_new(type_map(type_any, tb(TY_INT)), 0);
	mput(m, BOX(tb(TY_INT), VI(1)), 1);
	mput(m, BOX(tb(TY_INT64), VI(1)), 2); /* a different key: int64(1) */
	mput(m, BOX(tb(TY_STRING), VS("x")), 3);
	mput(m, VP(NULL), 4); /* m[nil] */
	Type *pt = mkstruct(1, "X", tb(TY_INT));
	mput(m, BOX(pt, BLK(1, VI(1))), 5);
	cr_assert_eq(map_len(m), 5);
	int64_t v;
	cr_assert(mget(m, BOX(tb(TY_INT), VI(1)), &v));
	cr_assert_eq(v, 1);
	cr_assert(mget(m, BOX(tb(TY_INT64), VI(1)), &v));
	cr_assert_eq(v, 2);
	cr_assert(mget(m, BOX(tb(TY_STRING), VS("x")), &v));
	cr_assert_eq(v, 3);
	cr_assert(mget(m, VP(NULL), &v));
	cr_assert_eq(v, 4);
	cr_assert(mget(m, BOX(mkstruct(1, "X", tb(TY_INT)), BLK(1, VI(1))), &v));
	cr_assert_eq(v, 5);
	cr_assert(!mget(m, BOX(tb(TY_INT32), VI(1)), NULL));
	Value k = VP(NULL);
	cr_assert(map_delete(m, &k));
	cr_assert_eq(map_len(m), 4);
}

VTEST(map_interface_key_unhashable)
{
	/* m[any([]int(nil))] panics in Go: the map reports the type */
	GolMap *m = rt_map_new(type_map(type_any, tb(TY_INT)), 0);
	mput(m, BOX(tb(TY_INT), VI(1)), 1);
	rt_key_error = NULL;
	Type *sl = type_slice(tb(TY_INT));
	Value k = BOX(sl, VP(NULL));
	map_get(m, &k);
	cr_assert_eq(rt_key_error, rtype_canon(sl));
	rt_key_error = NULL;
	mget(m, BOX(tb(TY_STRING), VS("fine")), NULL);
	cr_assert_null(rt_key_error);
}

VTEST(map_nil_and_word_keys)
{
	cr_assert_eq(map_len(NULL), 0);
	Value k = VI(5);
	cr_assert_null(map_get(NULL, &k));
	cr_assert(!map_delete(NULL, &k));
	GolMap *m = rt_map_new(type_map(tb(TY_INT), tb(TY_STRING)), 100);
	cr_assert_eq(map_len(m), 0);
	Value *p = map_set(m, &k);
	cr_assert_null(p->p); /* zero value "" on insert */
	p->p = S("five");
	cr_assert(str_equal(((Value *)map_get(m, &k))->p, S("five")));
	Value k2 = VI(-5);
	cr_assert_null(map_get(m, &k2));
}
