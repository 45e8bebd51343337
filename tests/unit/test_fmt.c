/*
 * test_fmt.c — unit tests for stdlib/fmt.c: Sprint, Sprintln, Sprintf and
 * Errorf over hand-built values, byte for byte against go1.19.
 *
 * Each expected string was produced by running the Go call in the comment
 * above it under go1.19 (a generator wrote the Go program and this table
 * from one list of 154 cases). The named types mirror this Go code:
 *
 *	type T struct { A int; B string }
 *	type P struct{ X, Y int }
 *	type MyInt int
 *	type MyStr string
 *	type Celsius float64
 *	func (c Celsius) String() string { return "celsius" }
 *	type Err struct{ msg string }
 *	func (e Err) Error() string  { return "err:" + e.msg }
 *	func (e Err) String() string { return "str:" + e.msg }
 *	type PS struct{ n int }
 *	func (p *PS) String() string { return "ptr-stringer" }
 *	type Wrap struct { C Celsius; c Celsius; E error; P *PS; I any }
 *	type t2 struct{ x int }
 *	type Emb struct { T; *t2; z bool }
 *	type Bytes []byte
 *	type Pair struct { B []byte; N int }
 *
 * Methods are natives, called through fmt_set_method_hook (no VM runs
 * here); Errorf cases print e.Error() + " / unwrap: " + the Error() of
 * errors.Unwrap(e), or <nil>.
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
#include "../../stdlib/fmt.h"

/* ---- values ------------------------------------------------------------------ */

#define NIL ((Value){0})

static Type *tb(TypeKind k)
{
	return type_basic[k];
}

static Value VI(int64_t i)
{
	return (Value){.i = i};
}

static Value VU(uint64_t u)
{
	return (Value){.u = u};
}

static Value VF(double f)
{
	return (Value){.f = f};
}

static Value VS(const char *s, size_t n)
{
	return (Value){.p = str_new(s, (int64_t)n)};
}

static Value VC(double re, double im)
{
	GolComplex *c = GC_MALLOC(sizeof *c);
	c->re = re;
	c->im = im;
	return (Value){.p = c};
}

/* complex64: parts rounded to float32 */
static Value vc64(double re, double im)
{
	return VC((double)(float)re, (double)(float)im);
}

static Value VSL(int n, ...)
{
	GolSlice *s = GC_MALLOC(sizeof *s);
	s->data = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
	s->len = s->cap = n;
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		s->data[i] = va_arg(ap, Value);
	va_end(ap);
	return (Value){.p = s};
}

/* A struct or array block. */
static Value VBLK(int n, ...)
{
	Value *b = GC_MALLOC(sizeof(Value) * (size_t)(n ? n : 1));
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		b[i] = va_arg(ap, Value);
	va_end(ap);
	return (Value){.p = b};
}

static Value VBOX(Type *t, Value v)
{
	return (Value){.p = iface_box(rtype_canon(t), v)};
}

/* A map with n key/value pairs, stored as the runtime stores them (rt.h). */
static Value VMAP(Type *mt, int n, ...)
{
	GolMap *m = rt_map_new(mt, n);
	bool boxed = key_class(mt->key) == KEY_BOXED;
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		Value k = va_arg(ap, Value), v = va_arg(ap, Value);
		if (boxed)
			k = VBOX(mt->key, k);
		*(Value *)map_set(m, &k) = v;
	}
	va_end(ap);
	return (Value){.p = m};
}

/* A pointer to a variable holding v. */
static Value VCELL(Value v)
{
	Value *cell = GC_MALLOC(sizeof *cell);
	*cell = v;
	return (Value){.p = cell};
}

static GolIface *BX(Type *t, Value v)
{
	return iface_box(rtype_canon(t), v);
}

/* ---- named types and their native methods ------------------------------------------ */

static Type *ty_T, *ty_P, *ty_MyInt, *ty_MyStr, *ty_Celsius, *ty_Err, *ty_PS, *ty_Wrap, *ty_t2, *ty_Emb,
	*ty_Bytes, *ty_Pair;

static GolString *cat(const char *a, GolString *b)
{
	size_t la = strlen(a);
	char *s = GC_MALLOC_ATOMIC(la + (size_t)str_len(b) + 1);
	memcpy(s, a, la);
	memcpy(s + la, str_ptr(b), (size_t)str_len(b));
	return str_new(s, (int64_t)(la + (size_t)str_len(b)));
}

static int celsius_string(VM *vm, Value *args, int nargs, Value *res)
{
	res[0].p = str_from_c("celsius");
	return 0;
}

static int err_error(VM *vm, Value *args, int nargs, Value *res)
{
	res[0].p = cat("err:", ((Value *)args[0].p)[0].p);
	return 0;
}

static int err_string(VM *vm, Value *args, int nargs, Value *res)
{
	res[0].p = cat("str:", ((Value *)args[0].p)[0].p);
	return 0;
}

static int ps_string(VM *vm, Value *args, int nargs, Value *res)
{
	res[0].p = str_from_c("ptr-stringer");
	return 0;
}

static Type *named(const char *name, Type *under)
{
	Type *t = type_named("main", name, NULL);
	t->underlying = under;
	return t;
}

static Type *strct(int n, ...)
{
	Type *t = type_new(TY_STRUCT);
	t->fields = GC_MALLOC(sizeof(Field) * (size_t)n);
	t->nfields = n;
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		const char *name = va_arg(ap, const char *);
		t->fields[i].type = va_arg(ap, Type *);
		if (name[0] == '!') { /* embedded */
			name++;
			t->fields[i].embedded = true;
		}
		t->fields[i].name = name;
	}
	va_end(ap);
	return t;
}

static void add_method(Type *t, const char *name, bool ptr_recv, NativeFn fn)
{
	Method *m = GC_MALLOC(sizeof(Method) * (size_t)(t->nmethods + 1));
	if (t->nmethods)
		memcpy(m, t->methods, sizeof(Method) * (size_t)t->nmethods);
	Type *sig = type_new(TY_FUNC);
	sig->results = GC_MALLOC(sizeof(Field));
	sig->results[0].type = type_basic[TY_STRING];
	sig->nresults = 1;
	GolClosure *c = GC_MALLOC(sizeof *c);
	c->native = fn;
	c->name = name;
	m[t->nmethods] = (Method){.name = name, .sig = sig, .ptr_recv = ptr_recv, .impl = c};
	t->methods = m;
	t->nmethods++;
}

/* Finds method name in the method set of t and calls its native, as
 * vm_call_string_method does. */
static int call_method(VM *vm, Type *t, Value v, const char *name, GolString **out)
{
	Type *n = t->kind == TY_POINTER ? t->elem : t;
	if (!n || n->kind != TY_NAMED)
		return 0;
	for (int i = 0; i < n->nmethods; i++) {
		Method *m = &n->methods[i];
		if (strcmp(m->name, name))
			continue;
		if (m->ptr_recv && t->kind != TY_POINTER)
			return 0;
		Value recv = v;
		if (!m->ptr_recv && t->kind == TY_POINTER) {
			TypeKind k = type_under(n)->kind;
			if (k != TY_STRUCT && k != TY_ARRAY)
				recv = *(Value *)v.p;
		}
		Value res[2];
		if (((GolClosure *)m->impl)->native(vm, &recv, 1, res) < 0)
			return -1;
		*out = res[0].p;
		return 1;
	}
	return 0;
}

static void setup(void)
{
	GC_INIT();
	types_init();
	fmt_set_method_hook(call_method);
	Type *I = tb(TY_INT), *S = tb(TY_STRING);
	ty_T = named("T", strct(2, "A", I, "B", S));
	ty_P = named("P", strct(2, "X", I, "Y", I));
	ty_MyInt = named("MyInt", I);
	ty_MyStr = named("MyStr", S);
	ty_Celsius = named("Celsius", tb(TY_FLOAT64));
	add_method(ty_Celsius, "String", false, celsius_string);
	ty_Err = named("Err", strct(1, "msg", S));
	add_method(ty_Err, "Error", false, err_error);
	add_method(ty_Err, "String", false, err_string);
	ty_PS = named("PS", strct(1, "n", I));
	add_method(ty_PS, "String", true, ps_string);
	ty_Wrap = named("Wrap", strct(5, "C", ty_Celsius, "c", ty_Celsius, "E", type_error, "P", type_pointer(ty_PS),
				      "I", type_any));
	ty_t2 = named("t2", strct(1, "x", I));
	ty_Emb = named("Emb", strct(3, "!T", ty_T, "!t2", type_pointer(ty_t2), "z", tb(TY_BOOL)));
	ty_Bytes = named("Bytes", type_slice(tb(TY_UINT8)));
	ty_Pair = named("Pair", strct(2, "B", type_slice(tb(TY_UINT8)), "N", I));
}

/* ---- calling fmt ------------------------------------------------------------------ */

#define MAXARGS 16

static GolIface **collect(int n, va_list ap)
{
	GolIface **a = GC_MALLOC(sizeof *a * MAXARGS);
	for (int i = 0; i < n; i++)
		a[i] = va_arg(ap, GolIface *);
	return a;
}

static const char *SPF(const char *format, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	GolIface **a = collect(n, ap);
	va_end(ap);
	FmtBuf b = {0};
	cr_assert_eq(fmt_sprintf(NULL, &b, format, strlen(format), a, n), 0);
	return b.p ? b.p : "";
}

static const char *SP(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	GolIface **a = collect(n, ap);
	va_end(ap);
	FmtBuf b = {0};
	cr_assert_eq(fmt_sprint(NULL, &b, a, n), 0);
	return b.p ? b.p : "";
}

static const char *SPLN(int n, ...)
{
	va_list ap;
	va_start(ap, n);
	GolIface **a = collect(n, ap);
	va_end(ap);
	FmtBuf b = {0};
	cr_assert_eq(fmt_sprintln(NULL, &b, a, n), 0);
	return b.p ? b.p : "";
}

static NativeFn native(const char *name)
{
	for (const NativeDef *d = fmt_natives; d->name; d++)
		if (!strcmp(d->name, name))
			return d->fn;
	cr_assert_fail("no native %s", name);
	return NULL;
}

/* A boxed error's Error() text. */
static const char *error_text(GolIface *e)
{
	GolString *s = NULL;
	cr_assert_eq(call_method(NULL, e->type, e->v, "Error", &s), 1);
	FmtBuf b = {0};
	fmtbuf_put(&b, str_ptr(s), (size_t)str_len(s));
	return b.p ? b.p : "";
}

/* fmt.Errorf(format, args...), shown as Error() / unwrap: Unwrap().Error() */
static const char *ERRORF(const char *format, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	GolIface **a = collect(n, ap);
	va_end(ap);
	GolSlice sl = {GC_MALLOC(sizeof(Value) * MAXARGS), n, n};
	for (int i = 0; i < n; i++)
		sl.data[i].p = a[i];
	Value args[2] = {{.p = str_from_c(format)}, {.p = &sl}}, res[2] = {{0}};
	cr_assert_eq(native("fmt.Errorf")(NULL, args, 2, res), 0);
	GolIface *e = res[0].p;
	cr_assert_not_null(e);
	/* Unwrap, found like Error among the methods of *fmt.wrapError */
	Type *nt = e->type->elem;
	GolIface *inner = NULL;
	for (int i = 0; i < nt->nmethods; i++)
		if (!strcmp(nt->methods[i].name, "Unwrap")) {
			Value r[1];
			cr_assert_eq(((GolClosure *)nt->methods[i].impl)->native(NULL, &e->v, 1, r), 0);
			inner = r[0].p;
		}
	FmtBuf out = {0};
	const char *parts[] = {error_text(e), " / unwrap: ", inner ? error_text(inner) : "<nil>"};
	for (int i = 0; i < 3; i++)
		fmtbuf_put(&out, parts[i], strlen(parts[i]));
	return out.p;
}

#define CHECK(got, want)                                                                      \
	do {                                                                                  \
		const char *got_ = (got), *want_ = (want);                                    \
		cr_expect_str_eq(got_, want_, "%s\n   got: %s\n  want: %s", #got, got_, want_); \
	} while (0)

Test(fmt, integers, .init = setup)
{
	/* fmt.Sprint(0, -7, 42) */
	CHECK(SP(3, BX(tb(TY_INT), VI(0LL)), BX(tb(TY_INT), VI(-7LL)), BX(tb(TY_INT), VI(42LL))),
	      "0 -7 42");
	/* fmt.Sprintf('%d|%5d|%-5d|%05d|%+d|% d', 42, 42, 42, -42, 42, 42) */
	CHECK(SPF("%d|%5d|%-5d|%05d|%+d|% d", 6, BX(tb(TY_INT), VI(42LL)), BX(tb(TY_INT), VI(42LL)), BX(tb(TY_INT), VI(42LL)), BX(tb(TY_INT), VI(-42LL)), BX(tb(TY_INT), VI(42LL)), BX(tb(TY_INT), VI(42LL))),
	      "42|   42|42   |-0042|+42| 42");
	/* fmt.Sprintf('%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b', 255, 255, 255, 255, 8, 8, 8, 5, 5) */
	CHECK(SPF("%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b", 9, BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(8LL)), BX(tb(TY_INT), VI(8LL)), BX(tb(TY_INT), VI(8LL)), BX(tb(TY_INT), VI(5LL)), BX(tb(TY_INT), VI(5LL))),
	      "ff|FF|0xff|0XFF|10|010|0o10|101|0b101");
	/* fmt.Sprintf('%.3d|%8.3d|%-8.3d|%08.3d|%.0d|%5.0d|', 7, 7, 7, 7, 0, 0) */
	CHECK(SPF("%.3d|%8.3d|%-8.3d|%08.3d|%.0d|%5.0d|", 6, BX(tb(TY_INT), VI(7LL)), BX(tb(TY_INT), VI(7LL)), BX(tb(TY_INT), VI(7LL)), BX(tb(TY_INT), VI(7LL)), BX(tb(TY_INT), VI(0LL)), BX(tb(TY_INT), VI(0LL))),
	      "007|     007|007     |     007||     |");
	/* fmt.Sprintf('%d %d %d %d', int8(-128), int16(32767), int32(-2147483648), int64(-9223372036854775808)) */
	CHECK(SPF("%d %d %d %d", 4, BX(tb(TY_INT8), VI(-128LL)), BX(tb(TY_INT16), VI(32767LL)), BX(tb(TY_INT32), VI(-2147483648LL)), BX(tb(TY_INT64), VI(INT64_MIN))),
	      "-128 32767 -2147483648 -9223372036854775808");
	/* fmt.Sprintf('%d %d %d %d %d', uint8(255), uint16(65535), uint32(4294967295), uint64(18446744073709551615), uintptr(7)) */
	CHECK(SPF("%d %d %d %d %d", 5, BX(tb(TY_UINT8), VU(255ULL)), BX(tb(TY_UINT16), VU(65535ULL)), BX(tb(TY_UINT32), VU(4294967295ULL)), BX(tb(TY_UINT64), VU(18446744073709551615ULL)), BX(tb(TY_UINTPTR), VU(7ULL))),
	      "255 65535 4294967295 18446744073709551615 7");
	/* fmt.Sprintf('%x %X %o %b', uint64(18446744073709551615), -255, -8, -5) */
	CHECK(SPF("%x %X %o %b", 4, BX(tb(TY_UINT64), VU(18446744073709551615ULL)), BX(tb(TY_INT), VI(-255LL)), BX(tb(TY_INT), VI(-8LL)), BX(tb(TY_INT), VI(-5LL))),
	      "ffffffffffffffff -FF -10 -101");
	/* fmt.Sprintf('%v %v', uint(3), int64(-3)) */
	CHECK(SPF("%v %v", 2, BX(tb(TY_UINT), VU(3ULL)), BX(tb(TY_INT64), VI(-3LL))),
	      "3 -3");
	/* fmt.Sprintf('%#v %#v %#v', 3, uint(3), uint8(200)) */
	CHECK(SPF("%#v %#v %#v", 3, BX(tb(TY_INT), VI(3LL)), BX(tb(TY_UINT), VU(3ULL)), BX(tb(TY_UINT8), VU(200ULL))),
	      "3 0x3 0xc8");
	/* fmt.Sprintf('%c|%c|%c|%q|%q|%+q|%U|%#U|%#U', 65, 19990, -1, 97, 9786, 9786, 128512, 128512, 10) */
	CHECK(SPF("%c|%c|%c|%q|%q|%+q|%U|%#U|%#U", 9, BX(tb(TY_INT), VI(65LL)), BX(tb(TY_INT), VI(19990LL)), BX(tb(TY_INT), VI(-1LL)), BX(tb(TY_INT), VI(97LL)), BX(tb(TY_INT), VI(9786LL)), BX(tb(TY_INT), VI(9786LL)), BX(tb(TY_INT), VI(128512LL)), BX(tb(TY_INT), VI(128512LL)), BX(tb(TY_INT), VI(10LL))),
	      "A|\344\270\226|\357\277\275|'a'|'\342\230\272'|'\134u263a'|U+1F600|U+1F600 '\360\237\230\200'|U+000A");
	/* fmt.Sprintf('%c %q', int32(55296), int32(1114112)) */
	CHECK(SPF("%c %q", 2, BX(tb(TY_INT32), VI(55296LL)), BX(tb(TY_INT32), VI(1114112LL))),
	      "\357\277\275 '\357\277\275'");
	/* fmt.Sprintf('%.6U|%10U|%-10U|', 65, 65, 65) */
	CHECK(SPF("%.6U|%10U|%-10U|", 3, BX(tb(TY_INT), VI(65LL)), BX(tb(TY_INT), VI(65LL)), BX(tb(TY_INT), VI(65LL))),
	      "U+000041|    U+0041|U+0041    |");
	/* fmt.Sprintf('%x|% x|%#x|%+d|%+d', int8(-1), 1234, 0, 0, 0) */
	CHECK(SPF("%x|% x|%#x|%+d|%+d", 5, BX(tb(TY_INT8), VI(-1LL)), BX(tb(TY_INT), VI(1234LL)), BX(tb(TY_INT), VI(0LL)), BX(tb(TY_INT), VI(0LL)), BX(tb(TY_INT), VI(0LL))),
	      "-1| 4d2|0x0|+0|+0");
	/* fmt.Sprintf('%6.2x|%-#8x|%#08x|%0-6d|', 10, 255, 255, 3) */
	CHECK(SPF("%6.2x|%-#8x|%#08x|%0-6d|", 4, BX(tb(TY_INT), VI(10LL)), BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(255LL)), BX(tb(TY_INT), VI(3LL))),
	      "    0a|0xff    |0x000000ff|3     |");
	/* fmt.Sprintf('%d', MyInt(5)) */
	CHECK(SPF("%d", 1, BX(ty_MyInt, VI(5LL))),
	      "5");
	/* fmt.Sprintf('%q %v %d', 39, int32(39), int32(120)) */
	CHECK(SPF("%q %v %d", 3, BX(tb(TY_INT), VI(39LL)), BX(tb(TY_INT32), VI(39LL)), BX(tb(TY_INT32), VI(120LL))),
	      "'\134'' 39 120");
}

Test(fmt, floats, .init = setup)
{
	/* fmt.Sprint(float64(1.0), float64(0.1), float64(1000000.0), float64(1e+21), float64(123456789.0), float64(1e-05), float64(0.0001)) */
	CHECK(SP(7, BX(tb(TY_FLOAT64), VF(1.0)), BX(tb(TY_FLOAT64), VF(0.1)), BX(tb(TY_FLOAT64), VF(1000000.0)), BX(tb(TY_FLOAT64), VF(1e+21)), BX(tb(TY_FLOAT64), VF(123456789.0)), BX(tb(TY_FLOAT64), VF(1e-05)), BX(tb(TY_FLOAT64), VF(0.0001))),
	      "1 0.1 1e+06 1e+21 1.23456789e+08 1e-05 0.0001");
	/* fmt.Sprint(float32(0.1), float32(16777216.0), float32(0.3333333333333333), float32(3.4028234663852886e+38)) */
	CHECK(SP(4, BX(tb(TY_FLOAT32), VF((double)(float)0.1)), BX(tb(TY_FLOAT32), VF((double)(float)16777216.0)), BX(tb(TY_FLOAT32), VF((double)(float)0.3333333333333333)), BX(tb(TY_FLOAT32), VF((double)(float)3.4028234663852886e+38))),
	      "0.1 1.6777216e+07 0.33333334 3.4028235e+38");
	/* fmt.Sprintf('%f|%.2f|%8.3f|%-8.2f|%08.3f|%+.1f|% .1f', float64(3.14159), float64(3.14159), float64(3.14159), float64(2.5), float64(-3.14159), float64(2.0), float64(2.0)) */
	CHECK(SPF("%f|%.2f|%8.3f|%-8.2f|%08.3f|%+.1f|% .1f", 7, BX(tb(TY_FLOAT64), VF(3.14159)), BX(tb(TY_FLOAT64), VF(3.14159)), BX(tb(TY_FLOAT64), VF(3.14159)), BX(tb(TY_FLOAT64), VF(2.5)), BX(tb(TY_FLOAT64), VF(-3.14159)), BX(tb(TY_FLOAT64), VF(2.0)), BX(tb(TY_FLOAT64), VF(2.0))),
	      "3.141590|3.14|   3.142|2.50    |-003.142|+2.0| 2.0");
	/* fmt.Sprintf('%e|%E|%.3e|%g|%G|%.3g|%g', float64(123456.789), float64(123456.789), float64(0.000123), float64(1e+20), float64(1e-20), float64(3.14159), float64(100000.0)) */
	CHECK(SPF("%e|%E|%.3e|%g|%G|%.3g|%g", 7, BX(tb(TY_FLOAT64), VF(123456.789)), BX(tb(TY_FLOAT64), VF(123456.789)), BX(tb(TY_FLOAT64), VF(0.000123)), BX(tb(TY_FLOAT64), VF(1e+20)), BX(tb(TY_FLOAT64), VF(1e-20)), BX(tb(TY_FLOAT64), VF(3.14159)), BX(tb(TY_FLOAT64), VF(100000.0))),
	      "1.234568e+05|1.234568E+05|1.230e-04|1e+20|1E-20|3.14|100000");
	/* fmt.Sprintf('%v %v %v %v', float64(math.NaN()), float64(math.Inf(1)), float64(math.Inf(-1)), float64(math.Copysign(0, -1))) */
	CHECK(SPF("%v %v %v %v", 4, BX(tb(TY_FLOAT64), VF(NAN)), BX(tb(TY_FLOAT64), VF(INFINITY)), BX(tb(TY_FLOAT64), VF(-INFINITY)), BX(tb(TY_FLOAT64), VF(-0.0))),
	      "NaN +Inf -Inf -0");
	/* fmt.Sprintf('%5.1f|%-6v|%06v|%+v|% v|%06.2f', float64(math.NaN()), float64(math.Inf(1)), float64(math.Inf(-1)), float64(math.NaN()), float64(math.NaN()), float64(math.Inf(1))) */
	CHECK(SPF("%5.1f|%-6v|%06v|%+v|% v|%06.2f", 6, BX(tb(TY_FLOAT64), VF(NAN)), BX(tb(TY_FLOAT64), VF(INFINITY)), BX(tb(TY_FLOAT64), VF(-INFINITY)), BX(tb(TY_FLOAT64), VF(NAN)), BX(tb(TY_FLOAT64), VF(NAN)), BX(tb(TY_FLOAT64), VF(INFINITY))),
	      "  NaN|+Inf  |  -Inf|NaN| NaN|  +Inf");
	/* fmt.Sprintf('%#g|%#.3g|%#v|%#.0f|%#e|%#.0e', float64(1.0), float64(2.0), float64(3.0), float64(4.0), float64(5.0), float64(6.0)) */
	CHECK(SPF("%#g|%#.3g|%#v|%#.0f|%#e|%#.0e", 6, BX(tb(TY_FLOAT64), VF(1.0)), BX(tb(TY_FLOAT64), VF(2.0)), BX(tb(TY_FLOAT64), VF(3.0)), BX(tb(TY_FLOAT64), VF(4.0)), BX(tb(TY_FLOAT64), VF(5.0)), BX(tb(TY_FLOAT64), VF(6.0))),
	      "1.00000|2.00|3|4.|5.000000e+00|6.e+00");
	/* fmt.Sprintf('%b|%x|%X|%.3x|%#x', float64(1.0), float64(1.5), float64(-1.5), float64(3.0), float64(1.0)) */
	CHECK(SPF("%b|%x|%X|%.3x|%#x", 5, BX(tb(TY_FLOAT64), VF(1.0)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_FLOAT64), VF(-1.5)), BX(tb(TY_FLOAT64), VF(3.0)), BX(tb(TY_FLOAT64), VF(1.0))),
	      "4503599627370496p-52|0x1.8p+00|-0X1.8P+00|0x1.800p+01|0x1.0000p+00");
	/* fmt.Sprintf('%08.3f|%-08.3f|%+08.3f|% 08.3f', float64(-1.5), float64(1.5), float64(1.5), float64(1.5)) */
	CHECK(SPF("%08.3f|%-08.3f|%+08.3f|% 08.3f", 4, BX(tb(TY_FLOAT64), VF(-1.5)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_FLOAT64), VF(1.5))),
	      "-001.500|1.500   |+001.500| 001.500");
	/* fmt.Sprintf('%.0f %.0f %.0f %.1f', float64(0.5), float64(1.5), float64(2.5), float64(0.05)) */
	CHECK(SPF("%.0f %.0f %.0f %.1f", 4, BX(tb(TY_FLOAT64), VF(0.5)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_FLOAT64), VF(2.5)), BX(tb(TY_FLOAT64), VF(0.05))),
	      "0 2 2 0.1");
	/* fmt.Sprintf('%v %.3v %10.4v|', float64(0.6666666666666666), float64(0.6666666666666666), float64(123.456)) */
	CHECK(SPF("%v %.3v %10.4v|", 3, BX(tb(TY_FLOAT64), VF(0.6666666666666666)), BX(tb(TY_FLOAT64), VF(0.6666666666666666)), BX(tb(TY_FLOAT64), VF(123.456))),
	      "0.6666666666666666 0.667      123.5|");
	/* fmt.Sprintf('%F %.2F', float64(1.5), float64(2.25)) */
	CHECK(SPF("%F %.2F", 2, BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_FLOAT64), VF(2.25))),
	      "1.500000 2.25");
	/* fmt.Sprintf('%g %e %f', float64(1e+100), float64(5e-324), float64(1e-07)) */
	CHECK(SPF("%g %e %f", 3, BX(tb(TY_FLOAT64), VF(1e+100)), BX(tb(TY_FLOAT64), VF(5e-324)), BX(tb(TY_FLOAT64), VF(1e-07))),
	      "1e+100 4.940656e-324 0.000000");
	/* fmt.Sprintf('%v %v', float32(1.5), float32(10000000.0)) */
	CHECK(SPF("%v %v", 2, BX(tb(TY_FLOAT32), VF((double)(float)1.5)), BX(tb(TY_FLOAT32), VF((double)(float)10000000.0))),
	      "1.5 1e+07");
	/* fmt.Sprintf('%d', float64(1.5)) */
	CHECK(SPF("%d", 1, BX(tb(TY_FLOAT64), VF(1.5))),
	      "%!d(float64=1.5)");
}

Test(fmt, complex, .init = setup)
{
	/* fmt.Sprint(complex128(complex(1.0, 2.0)), complex128(complex(-1.5, -0.5)), complex128(complex(0.0, 0.0))) */
	CHECK(SP(3, BX(tb(TY_COMPLEX128), VC(1.0, 2.0)), BX(tb(TY_COMPLEX128), VC(-1.5, -0.5)), BX(tb(TY_COMPLEX128), VC(0.0, 0.0))),
	      "(1+2i) (-1.5-0.5i) (0+0i)");
	/* fmt.Sprintf('%v|%.2f|%+.1e|%g|%8.2f', complex128(complex(1.0, 2.0)), complex128(complex(1.0, 2.0)), complex128(complex(1.0, -2.0)), complex128(complex(1000000.0, 1e-06)), complex128(complex(3.0, 4.0))) */
	CHECK(SPF("%v|%.2f|%+.1e|%g|%8.2f", 5, BX(tb(TY_COMPLEX128), VC(1.0, 2.0)), BX(tb(TY_COMPLEX128), VC(1.0, 2.0)), BX(tb(TY_COMPLEX128), VC(1.0, -2.0)), BX(tb(TY_COMPLEX128), VC(1000000.0, 1e-06)), BX(tb(TY_COMPLEX128), VC(3.0, 4.0))),
	      "(1+2i)|(1.00+2.00i)|(+1.0e+00-2.0e+00i)|(1e+06+1e-06i)|(    3.00   +4.00i)");
	/* fmt.Sprintf('%v %v', complex64(complex(0.1, 0.2)), complex64(complex(1.0, 2.0))) */
	CHECK(SPF("%v %v", 2, BX(tb(TY_COMPLEX64), vc64(0.1, 0.2)), BX(tb(TY_COMPLEX64), vc64(1.0, 2.0))),
	      "(0.1+0.2i) (1+2i)");
	/* fmt.Sprintf('%d', complex128(complex(1.0, 2.0))) */
	CHECK(SPF("%d", 1, BX(tb(TY_COMPLEX128), VC(1.0, 2.0))),
	      "%!d(complex128=(1+2i))");
	/* fmt.Sprintf('%v|%.1f', complex128(complex(1e+21, 1e-07)), complex128(complex(-2.25, 0.5))) */
	CHECK(SPF("%v|%.1f", 2, BX(tb(TY_COMPLEX128), VC(1e+21, 1e-07)), BX(tb(TY_COMPLEX128), VC(-2.25, 0.5))),
	      "(1e+21+1e-07i)|(-2.2+0.5i)");
}

Test(fmt, strings, .init = setup)
{
	/* fmt.Sprint("hi", "a b") */
	CHECK(SP(2, BX(tb(TY_STRING), VS("hi", 2)), BX(tb(TY_STRING), VS("a b", 3))),
	      "hia b");
	/* fmt.Sprintf('%s|%v|%q|%x|%X|% x|%#x|%# X', "h\303\251llo", "x", "a\042b\012", "hi", "hi", "abc", "abc", "abc") */
	CHECK(SPF("%s|%v|%q|%x|%X|% x|%#x|%# X", 8, BX(tb(TY_STRING), VS("h\303\251llo", 6)), BX(tb(TY_STRING), VS("x", 1)), BX(tb(TY_STRING), VS("a\042b\012", 4)), BX(tb(TY_STRING), VS("hi", 2)), BX(tb(TY_STRING), VS("hi", 2)), BX(tb(TY_STRING), VS("abc", 3)), BX(tb(TY_STRING), VS("abc", 3)), BX(tb(TY_STRING), VS("abc", 3))),
	      "h\303\251llo|x|\042a\134\042b\134n\042|6869|6869|61 62 63|0x616263|0X61 0X62 0X63");
	/* fmt.Sprintf('%5s|%-5s|%.2s|%5.1s|%-5.3s|%05s', "ab", "ab", "h\303\251llo", "h\303\251llo", "h\303\251llo", "ab") */
	CHECK(SPF("%5s|%-5s|%.2s|%5.1s|%-5.3s|%05s", 6, BX(tb(TY_STRING), VS("ab", 2)), BX(tb(TY_STRING), VS("ab", 2)), BX(tb(TY_STRING), VS("h\303\251llo", 6)), BX(tb(TY_STRING), VS("h\303\251llo", 6)), BX(tb(TY_STRING), VS("h\303\251llo", 6)), BX(tb(TY_STRING), VS("ab", 2))),
	      "   ab|ab   |h\303\251|    h|h\303\251l  |000ab");
	/* fmt.Sprintf('%q|%+q|%#q|%#q|%#+q', "\346\227\245\346\234\254", "\346\227\245\346\234\254", "back`tick", "raw\134n", "x") */
	CHECK(SPF("%q|%+q|%#q|%#q|%#+q", 5, BX(tb(TY_STRING), VS("\346\227\245\346\234\254", 6)), BX(tb(TY_STRING), VS("\346\227\245\346\234\254", 6)), BX(tb(TY_STRING), VS("back`tick", 9)), BX(tb(TY_STRING), VS("raw\134n", 5)), BX(tb(TY_STRING), VS("x", 1))),
	      "\042\346\227\245\346\234\254\042|\042\134u65e5\134u672c\042|\042back`tick\042|`raw\134n`|`x`");
	/* fmt.Sprintf('%q|%q|%q', "\000\001\177", "\377\376", "\302\255\342\200\213\357\273\277") */
	CHECK(SPF("%q|%q|%q", 3, BX(tb(TY_STRING), VS("\000\001\177", 3)), BX(tb(TY_STRING), VS("\377\376", 2)), BX(tb(TY_STRING), VS("\302\255\342\200\213\357\273\277", 8))),
	      "\042\134x00\134x01\134x7f\042|\042\134xff\134xfe\042|\042\134u00ad\134u200b\134ufeff\042");
	/* fmt.Sprintf('%q|%+q', "\360\237\230\200 \315\270 \363\240\200\201", "\360\237\230\200\303\251") */
	CHECK(SPF("%q|%+q", 2, BX(tb(TY_STRING), VS("\360\237\230\200 \315\270 \363\240\200\201", 12)), BX(tb(TY_STRING), VS("\360\237\230\200\303\251", 6))),
	      "\042\360\237\230\200 \134u0378 \134U000e0001\042|\042\134U0001f600\134u00e9\042");
	/* fmt.Sprintf('%x|%.1x|%10x|%-10X|', "hello", "hello", "ab", "ab") */
	CHECK(SPF("%x|%.1x|%10x|%-10X|", 4, BX(tb(TY_STRING), VS("hello", 5)), BX(tb(TY_STRING), VS("hello", 5)), BX(tb(TY_STRING), VS("ab", 2)), BX(tb(TY_STRING), VS("ab", 2))),
	      "68656c6c6f|68|      6162|6162      |");
	/* fmt.Sprintf('%10q|%-10q|%.3q', "a", "b", "abcdef") */
	CHECK(SPF("%10q|%-10q|%.3q", 3, BX(tb(TY_STRING), VS("a", 1)), BX(tb(TY_STRING), VS("b", 1)), BX(tb(TY_STRING), VS("abcdef", 6))),
	      "       \042a\042|\042b\042       |\042abc\042");
	/* fmt.Sprintf('%#v %#v', "q\042s", "") */
	CHECK(SPF("%#v %#v", 2, BX(tb(TY_STRING), VS("q\042s", 3)), BX(tb(TY_STRING), VS("", 0))),
	      "\042q\134\042s\042 \042\042");
	/* fmt.Sprintf('%d|%t', "str", "str") */
	CHECK(SPF("%d|%t", 2, BX(tb(TY_STRING), VS("str", 3)), BX(tb(TY_STRING), VS("str", 3))),
	      "%!d(string=str)|%!t(string=str)");
	/* fmt.Sprintf('%s', MyStr("named")) */
	CHECK(SPF("%s", 1, BX(ty_MyStr, VS("named", 5))),
	      "named");
	/* fmt.Sprintf('%q', "\007\010\014\015\011\013\134") */
	CHECK(SPF("%q", 1, BX(tb(TY_STRING), VS("\007\010\014\015\011\013\134", 7))),
	      "\042\134a\134b\134f\134r\134t\134v\134\134\042");
	/* fmt.Sprintf('%x|%X|%s|%q|%v|%d', "\336\255", "", "bad\377utf8", "", "", "") */
	CHECK(SPF("%x|%X|%s|%q|%v|%d", 6, BX(tb(TY_STRING), VS("\336\255", 2)), BX(tb(TY_STRING), VS("", 0)), BX(tb(TY_STRING), VS("bad\377utf8", 8)), BX(tb(TY_STRING), VS("", 0)), BX(tb(TY_STRING), VS("", 0)), BX(tb(TY_STRING), VS("", 0))),
	      "dead||bad\377utf8|\042\042||%!d(string=)");
	/* fmt.Sprintf('%.0s|%.10s|%5.3x', "abc", "abc", "abcdef") */
	CHECK(SPF("%.0s|%.10s|%5.3x", 3, BX(tb(TY_STRING), VS("abc", 3)), BX(tb(TY_STRING), VS("abc", 3)), BX(tb(TY_STRING), VS("abcdef", 6))),
	      "|abc|616263");
	/* fmt.Sprintf('%5s|%-4s|', "\346\227\245\346\234\254\350\252\236", "\303\251") */
	CHECK(SPF("%5s|%-4s|", 2, BX(tb(TY_STRING), VS("\346\227\245\346\234\254\350\252\236", 9)), BX(tb(TY_STRING), VS("\303\251", 2))),
	      "  \346\227\245\346\234\254\350\252\236|\303\251   |");
}

Test(fmt, bools, .init = setup)
{
	/* fmt.Sprint(true, false) */
	CHECK(SP(2, BX(tb(TY_BOOL), VI(1)), BX(tb(TY_BOOL), VI(0))),
	      "true false");
	/* fmt.Sprintf('%t|%v|%6t|%-6t|%d|%s', true, false, true, false, true, false) */
	CHECK(SPF("%t|%v|%6t|%-6t|%d|%s", 6, BX(tb(TY_BOOL), VI(1)), BX(tb(TY_BOOL), VI(0)), BX(tb(TY_BOOL), VI(1)), BX(tb(TY_BOOL), VI(0)), BX(tb(TY_BOOL), VI(1)), BX(tb(TY_BOOL), VI(0))),
	      "true|false|  true|false |%!d(bool=true)|%!s(bool=false)");
	/* fmt.Sprintf('%#v', true) */
	CHECK(SPF("%#v", 1, BX(tb(TY_BOOL), VI(1))),
	      "true");
}

Test(fmt, bytes, .init = setup)
{
	/* fmt.Sprintf('%v|%s|%x|%X|%q|% x|%#v|%d', []uint8{uint8(104), uint8(105)}, []uint8{uint8(104), uint8(105)}, []uint8{uint8(1), uint8(171)}, []uint8{uint8(1), uint8(171)}, []uint8{uint8(104), uint8(10)}, []uint8{uint8(1), uint8(2)}, []uint8{uint8(1), uint8(2)}, []uint8{uint8(1), uint8(2)}) */
	CHECK(SPF("%v|%s|%x|%X|%q|% x|%#v|%d", 8, BX(type_slice(tb(TY_UINT8)), VSL(2, VU(104ULL), VU(105ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(104ULL), VU(105ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(171ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(171ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(104ULL), VU(10ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(2ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(2ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(2ULL)))),
	      "[104 105]|hi|01ab|01AB|\042h\134n\042|01 02|[]byte{0x1, 0x2}|[1 2]");
	/* fmt.Sprintf('%#v|%v|%s|%x', []uint8(nil), []uint8(nil), []uint8(nil), []uint8(nil)) */
	CHECK(SPF("%#v|%v|%s|%x", 4, BX(type_slice(tb(TY_UINT8)), NIL), BX(type_slice(tb(TY_UINT8)), NIL), BX(type_slice(tb(TY_UINT8)), NIL), BX(type_slice(tb(TY_UINT8)), NIL)),
	      "[]byte(nil)|[]||");
	/* fmt.Sprintf('%c|%o|%5v|%.1s', []uint8{uint8(104), uint8(105)}, []uint8{uint8(8)}, []uint8{uint8(1), uint8(2)}, []uint8{uint8(104), uint8(105)}) */
	CHECK(SPF("%c|%o|%5v|%.1s", 4, BX(type_slice(tb(TY_UINT8)), VSL(2, VU(104ULL), VU(105ULL))), BX(type_slice(tb(TY_UINT8)), VSL(1, VU(8ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(1ULL), VU(2ULL))), BX(type_slice(tb(TY_UINT8)), VSL(2, VU(104ULL), VU(105ULL)))),
	      "[h i]|[10]|[    1     2]|h");
	/* fmt.Sprintf('%s|%x|%v|%#v', [2]uint8{uint8(104), uint8(105)}, [2]uint8{uint8(255), uint8(0)}, [2]uint8{uint8(1), uint8(2)}, [2]uint8{uint8(1), uint8(2)}) */
	CHECK(SPF("%s|%x|%v|%#v", 4, BX(type_array(tb(TY_UINT8), 2), VBLK(2, VU(104ULL), VU(105ULL))), BX(type_array(tb(TY_UINT8), 2), VBLK(2, VU(255ULL), VU(0ULL))), BX(type_array(tb(TY_UINT8), 2), VBLK(2, VU(1ULL), VU(2ULL))), BX(type_array(tb(TY_UINT8), 2), VBLK(2, VU(1ULL), VU(2ULL)))),
	      "hi|ff00|[1 2]|[2]uint8{0x1, 0x2}");
	/* fmt.Sprintf('%s|%v|%#v|%x', Bytes([]uint8{uint8(65)}), Bytes([]uint8{uint8(65)}), Bytes([]uint8{uint8(65)}), Bytes([]uint8{uint8(65)})) */
	CHECK(SPF("%s|%v|%#v|%x", 4, BX(ty_Bytes, VSL(1, VU(65ULL))), BX(ty_Bytes, VSL(1, VU(65ULL))), BX(ty_Bytes, VSL(1, VU(65ULL))), BX(ty_Bytes, VSL(1, VU(65ULL)))),
	      "A|[65]|main.Bytes{0x41}|41");
	/* fmt.Sprintf('%#v', Pair{[]uint8{uint8(1)}, 2}) */
	CHECK(SPF("%#v", 1, BX(ty_Pair, VBLK(2, VSL(1, VU(1ULL)), VI(2LL)))),
	      "main.Pair{B:[]uint8{0x1}, N:2}");
}

Test(fmt, slices_arrays, .init = setup)
{
	/* fmt.Sprint([]int{1, 2, 3}, []string{"a", "b"}, []int(nil), []int{}) */
	CHECK(SP(4, BX(type_slice(tb(TY_INT)), VSL(3, VI(1LL), VI(2LL), VI(3LL))), BX(type_slice(tb(TY_STRING)), VSL(2, VS("a", 1), VS("b", 1))), BX(type_slice(tb(TY_INT)), NIL), BX(type_slice(tb(TY_INT)), VSL(0))),
	      "[1 2 3] [a b] [] []");
	/* fmt.Sprintf('%v|%d|%x|%5d|%-3d|%q|%s', []int{1, 2}, []int{10, 20}, []int{10, 255}, []int{1, 2}, []int{1, 2}, []string{"a", "b"}, []string{"x", "y"}) */
	CHECK(SPF("%v|%d|%x|%5d|%-3d|%q|%s", 7, BX(type_slice(tb(TY_INT)), VSL(2, VI(1LL), VI(2LL))), BX(type_slice(tb(TY_INT)), VSL(2, VI(10LL), VI(20LL))), BX(type_slice(tb(TY_INT)), VSL(2, VI(10LL), VI(255LL))), BX(type_slice(tb(TY_INT)), VSL(2, VI(1LL), VI(2LL))), BX(type_slice(tb(TY_INT)), VSL(2, VI(1LL), VI(2LL))), BX(type_slice(tb(TY_STRING)), VSL(2, VS("a", 1), VS("b", 1))), BX(type_slice(tb(TY_STRING)), VSL(2, VS("x", 1), VS("y", 1)))),
	      "[1 2]|[10 20]|[a ff]|[    1     2]|[1   2  ]|[\042a\042 \042b\042]|[x y]");
	/* fmt.Sprintf('%#v|%#v|%#v|%#v', []int{1, 2}, []string{"a"}, []int(nil), []int{}) */
	CHECK(SPF("%#v|%#v|%#v|%#v", 4, BX(type_slice(tb(TY_INT)), VSL(2, VI(1LL), VI(2LL))), BX(type_slice(tb(TY_STRING)), VSL(1, VS("a", 1))), BX(type_slice(tb(TY_INT)), NIL), BX(type_slice(tb(TY_INT)), VSL(0))),
	      "[]int{1, 2}|[]string{\042a\042}|[]int(nil)|[]int{}");
	/* fmt.Sprintf('%v|%#v|%+v', [3]int{1, 2, 3}, [2]string{"a", "b"}, [1]bool{true}) */
	CHECK(SPF("%v|%#v|%+v", 3, BX(type_array(tb(TY_INT), 3), VBLK(3, VI(1LL), VI(2LL), VI(3LL))), BX(type_array(tb(TY_STRING), 2), VBLK(2, VS("a", 1), VS("b", 1))), BX(type_array(tb(TY_BOOL), 1), VBLK(1, VI(1)))),
	      "[1 2 3]|[2]string{\042a\042, \042b\042}|[true]");
	/* fmt.Sprintf('%v|%#v', [][]int{[]int{1}, []int{2, 3}}, [][]int{[]int{1}, []int(nil)}) */
	CHECK(SPF("%v|%#v", 2, BX(type_slice(type_slice(tb(TY_INT))), VSL(2, VSL(1, VI(1LL)), VSL(2, VI(2LL), VI(3LL)))), BX(type_slice(type_slice(tb(TY_INT))), VSL(2, VSL(1, VI(1LL)), NIL))),
	      "[[1] [2 3]]|[][]int{[]int{1}, []int(nil)}");
	/* fmt.Sprintf('%v|%#v|%T', []any{any(1), any("a"), any(nil), any(float64(2.5)), any(true)}, []any{any(1), any("a"), any(nil)}, []any{}) */
	CHECK(SPF("%v|%#v|%T", 3, BX(type_slice(type_any), VSL(5, VBOX(tb(TY_INT), VI(1LL)), VBOX(tb(TY_STRING), VS("a", 1)), NIL, VBOX(tb(TY_FLOAT64), VF(2.5)), VBOX(tb(TY_BOOL), VI(1)))), BX(type_slice(type_any), VSL(3, VBOX(tb(TY_INT), VI(1LL)), VBOX(tb(TY_STRING), VS("a", 1)), NIL)), BX(type_slice(type_any), VSL(0))),
	      "[1 a <nil> 2.5 true]|[]interface {}{1, \042a\042, interface {}(nil)}|[]interface {}");
	/* fmt.Sprintf('%s|%d', []any{any(1), any("a")}, []any{any(1), any("a")}) */
	CHECK(SPF("%s|%d", 2, BX(type_slice(type_any), VSL(2, VBOX(tb(TY_INT), VI(1LL)), VBOX(tb(TY_STRING), VS("a", 1)))), BX(type_slice(type_any), VSL(2, VBOX(tb(TY_INT), VI(1LL)), VBOX(tb(TY_STRING), VS("a", 1))))),
	      "[%!s(int=1) a]|[1 %!d(string=a)]");
	/* fmt.Sprintf('%v|%.2f|%6.2f|%e', []float64{float64(1.5), float64(2.25)}, []float64{float64(1.5), float64(2.25)}, []float64{float64(1.0)}, []float32{float32(0.1)}) */
	CHECK(SPF("%v|%.2f|%6.2f|%e", 4, BX(type_slice(tb(TY_FLOAT64)), VSL(2, VF(1.5), VF(2.25))), BX(type_slice(tb(TY_FLOAT64)), VSL(2, VF(1.5), VF(2.25))), BX(type_slice(tb(TY_FLOAT64)), VSL(1, VF(1.0))), BX(type_slice(tb(TY_FLOAT32)), VSL(1, VF((double)(float)0.1)))),
	      "[1.5 2.25]|[1.50 2.25]|[  1.00]|[1.000000e-01]");
	/* fmt.Sprintf('%v %t %x', []bool{true, false}, []bool{true}, []string{"hi", "yo"}) */
	CHECK(SPF("%v %t %x", 3, BX(type_slice(tb(TY_BOOL)), VSL(2, VI(1), VI(0))), BX(type_slice(tb(TY_BOOL)), VSL(1, VI(1))), BX(type_slice(tb(TY_STRING)), VSL(2, VS("hi", 2), VS("yo", 2)))),
	      "[true false] [true] [6869 796f]");
	/* fmt.Sprintf('%v|%#v', [0]int{}, [2][2]int{[2]int{1, 2}, [2]int{3, 4}}) */
	CHECK(SPF("%v|%#v", 2, BX(type_array(tb(TY_INT), 0), VBLK(0)), BX(type_array(type_array(tb(TY_INT), 2), 2), VBLK(2, VBLK(2, VI(1LL), VI(2LL)), VBLK(2, VI(3LL), VI(4LL))))),
	      "[]|[2][2]int{[2]int{1, 2}, [2]int{3, 4}}");
	/* fmt.Sprintf('%v', []error{error(nil)}) */
	CHECK(SPF("%v", 1, BX(type_slice(type_error), VSL(1, NIL))),
	      "[<nil>]");
	/* fmt.Sprintf('%#v', []error{error(nil)}) */
	CHECK(SPF("%#v", 1, BX(type_slice(type_error), VSL(1, NIL))),
	      "[]error{error(nil)}");
}

Test(fmt, maps, .init = setup)
{
	/* fmt.Sprint(map[string]int{"b": 2, "a": 1, "c": 3}) */
	CHECK(SP(1, BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 3, VS("b", 1), VI(2LL), VS("a", 1), VI(1LL), VS("c", 1), VI(3LL)))),
	      "map[a:1 b:2 c:3]");
	/* fmt.Sprint(map[int]string{10: "x", -1: "y", 3: "z"}) */
	CHECK(SP(1, BX(type_map(tb(TY_INT), tb(TY_STRING)), VMAP(type_map(tb(TY_INT), tb(TY_STRING)), 3, VI(10LL), VS("x", 1), VI(-1LL), VS("y", 1), VI(3LL), VS("z", 1)))),
	      "map[-1:y 3:z 10:x]");
	/* fmt.Sprintf('%v|%#v|%v|%#v', map[string]int(nil), map[string]int(nil), map[string]int{}, map[string]int{}) */
	CHECK(SPF("%v|%#v|%v|%#v", 4, BX(type_map(tb(TY_STRING), tb(TY_INT)), NIL), BX(type_map(tb(TY_STRING), tb(TY_INT)), NIL), BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 0)), BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 0))),
	      "map[]|map[string]int(nil)|map[]|map[string]int{}");
	/* fmt.Sprintf('%#v', map[string]int{"b": 2, "a": 1}) */
	CHECK(SPF("%#v", 1, BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 2, VS("b", 1), VI(2LL), VS("a", 1), VI(1LL)))),
	      "map[string]int{\042a\042:1, \042b\042:2}");
	/* fmt.Sprintf('%+v|%d|%x', map[string]bool{"k": true}, map[int]int{2: 20, 1: 10}, map[string]int{"k": 255}) */
	CHECK(SPF("%+v|%d|%x", 3, BX(type_map(tb(TY_STRING), tb(TY_BOOL)), VMAP(type_map(tb(TY_STRING), tb(TY_BOOL)), 1, VS("k", 1), VI(1))), BX(type_map(tb(TY_INT), tb(TY_INT)), VMAP(type_map(tb(TY_INT), tb(TY_INT)), 2, VI(2LL), VI(20LL), VI(1LL), VI(10LL))), BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 1, VS("k", 1), VI(255LL)))),
	      "map[k:true]|map[1:10 2:20]|map[6b:ff]");
	/* fmt.Sprint(map[float64]string{float64(2.5): "a", float64(math.NaN()): "n", float64(-1.0): "m", float64(math.Inf(1)): "i"}) */
	CHECK(SP(1, BX(type_map(tb(TY_FLOAT64), tb(TY_STRING)), VMAP(type_map(tb(TY_FLOAT64), tb(TY_STRING)), 4, VF(2.5), VS("a", 1), VF(NAN), VS("n", 1), VF(-1.0), VS("m", 1), VF(INFINITY), VS("i", 1)))),
	      "map[NaN:n -1:m 2.5:a +Inf:i]");
	/* fmt.Sprint(map[bool]int{true: 1, false: 0}) */
	CHECK(SP(1, BX(type_map(tb(TY_BOOL), tb(TY_INT)), VMAP(type_map(tb(TY_BOOL), tb(TY_INT)), 2, VI(1), VI(1LL), VI(0), VI(0LL)))),
	      "map[false:0 true:1]");
	/* fmt.Sprint(map[uint8]int{uint8(200): 1, uint8(3): 2}) */
	CHECK(SP(1, BX(type_map(tb(TY_UINT8), tb(TY_INT)), VMAP(type_map(tb(TY_UINT8), tb(TY_INT)), 2, VU(200ULL), VI(1LL), VU(3ULL), VI(2LL)))),
	      "map[3:2 200:1]");
	/* fmt.Sprint(map[int64]int{int64(-5): 1, int64(5): 2, int64(0): 3}) */
	CHECK(SP(1, BX(type_map(tb(TY_INT64), tb(TY_INT)), VMAP(type_map(tb(TY_INT64), tb(TY_INT)), 3, VI(-5LL), VI(1LL), VI(5LL), VI(2LL), VI(0LL), VI(3LL)))),
	      "map[-5:1 0:3 5:2]");
	/* fmt.Sprint(map[any]int{any(1): 1, any("a"): 2, any(float64(2.5)): 3, any(true): 4, any(int8(3)): 5, any(uint(3)): 6, any(int32(120)): 7}) */
	CHECK(SP(1, BX(type_map(type_any, tb(TY_INT)), VMAP(type_map(type_any, tb(TY_INT)), 7, VBOX(tb(TY_INT), VI(1LL)), VI(1LL), VBOX(tb(TY_STRING), VS("a", 1)), VI(2LL), VBOX(tb(TY_FLOAT64), VF(2.5)), VI(3LL), VBOX(tb(TY_BOOL), VI(1)), VI(4LL), VBOX(tb(TY_INT8), VI(3LL)), VI(5LL), VBOX(tb(TY_UINT), VU(3ULL)), VI(6LL), VBOX(tb(TY_INT32), VI(120LL)), VI(7LL)))),
	      "map[true:4 2.5:3 1:1 120:7 3:5 a:2 3:6]");
	/* fmt.Sprint(map[any]int{any(2): 1, any(1): 2, any("b"): 3, any("a"): 4, any(MyInt(9)): 5, any(T{1, "x"}): 6}) */
	CHECK(SP(1, BX(type_map(type_any, tb(TY_INT)), VMAP(type_map(type_any, tb(TY_INT)), 6, VBOX(tb(TY_INT), VI(2LL)), VI(1LL), VBOX(tb(TY_INT), VI(1LL)), VI(2LL), VBOX(tb(TY_STRING), VS("b", 1)), VI(3LL), VBOX(tb(TY_STRING), VS("a", 1)), VI(4LL), VBOX(ty_MyInt, VI(9LL)), VI(5LL), VBOX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), VI(6LL)))),
	      "map[1:2 2:1 9:5 a:4 b:3 {1 x}:6]");
	/* fmt.Sprint(map[T]int{T{2, "a"}: 1, T{1, "b"}: 2, T{1, "a"}: 3}) */
	CHECK(SP(1, BX(type_map(ty_T, tb(TY_INT)), VMAP(type_map(ty_T, tb(TY_INT)), 3, VBLK(2, VI(2LL), VS("a", 1)), VI(1LL), VBLK(2, VI(1LL), VS("b", 1)), VI(2LL), VBLK(2, VI(1LL), VS("a", 1)), VI(3LL)))),
	      "map[{1 a}:3 {1 b}:2 {2 a}:1]");
	/* fmt.Sprint(map[[2]int]string{[2]int{1, 2}: "x", [2]int{0, 9}: "y"}) */
	CHECK(SP(1, BX(type_map(type_array(tb(TY_INT), 2), tb(TY_STRING)), VMAP(type_map(type_array(tb(TY_INT), 2), tb(TY_STRING)), 2, VBLK(2, VI(1LL), VI(2LL)), VS("x", 1), VBLK(2, VI(0LL), VI(9LL)), VS("y", 1)))),
	      "map[[0 9]:y [1 2]:x]");
	/* fmt.Sprint(map[string][]int{"a": []int{1, 2}, "b": []int(nil)}) */
	CHECK(SP(1, BX(type_map(tb(TY_STRING), type_slice(tb(TY_INT))), VMAP(type_map(tb(TY_STRING), type_slice(tb(TY_INT))), 2, VS("a", 1), VSL(2, VI(1LL), VI(2LL)), VS("b", 1), NIL))),
	      "map[a:[1 2] b:[]]");
	/* fmt.Sprint(map[string]map[string]int{"o": map[string]int{"z": 1, "y": 2}}) */
	CHECK(SP(1, BX(type_map(tb(TY_STRING), type_map(tb(TY_STRING), tb(TY_INT))), VMAP(type_map(tb(TY_STRING), type_map(tb(TY_STRING), tb(TY_INT))), 1, VS("o", 1), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 2, VS("z", 1), VI(1LL), VS("y", 1), VI(2LL))))),
	      "map[o:map[y:2 z:1]]");
	/* fmt.Sprintf('%v|%#v', map[string]any{"a": any(1), "b": any(nil)}, map[string]any{"a": any(1), "b": any(nil)}) */
	CHECK(SPF("%v|%#v", 2, BX(type_map(tb(TY_STRING), type_any), VMAP(type_map(tb(TY_STRING), type_any), 2, VS("a", 1), VBOX(tb(TY_INT), VI(1LL)), VS("b", 1), NIL)), BX(type_map(tb(TY_STRING), type_any), VMAP(type_map(tb(TY_STRING), type_any), 2, VS("a", 1), VBOX(tb(TY_INT), VI(1LL)), VS("b", 1), NIL))),
	      "map[a:1 b:<nil>]|map[string]interface {}{\042a\042:1, \042b\042:interface {}(nil)}");
	/* fmt.Sprintf('%T|%T', map[string]int{}, map[string][]any{}) */
	CHECK(SPF("%T|%T", 2, BX(type_map(tb(TY_STRING), tb(TY_INT)), VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 0)), BX(type_map(tb(TY_STRING), type_slice(type_any)), VMAP(type_map(tb(TY_STRING), type_slice(type_any)), 0))),
	      "map[string]int|map[string][]interface {}");
	/* fmt.Sprint(map[complex128]int{complex128(complex(1.0, 2.0)): 1, complex128(complex(1.0, 1.0)): 2, complex128(complex(0.0, 5.0)): 3}) */
	CHECK(SP(1, BX(type_map(tb(TY_COMPLEX128), tb(TY_INT)), VMAP(type_map(tb(TY_COMPLEX128), tb(TY_INT)), 3, VC(1.0, 2.0), VI(1LL), VC(1.0, 1.0), VI(2LL), VC(0.0, 5.0), VI(3LL)))),
	      "map[(0+5i):3 (1+1i):2 (1+2i):1]");
	/* fmt.Sprint(map[MyStr]int{MyStr("b"): 1, MyStr("a"): 2}) */
	CHECK(SP(1, BX(type_map(ty_MyStr, tb(TY_INT)), VMAP(type_map(ty_MyStr, tb(TY_INT)), 2, VS("b", 1), VI(1LL), VS("a", 1), VI(2LL)))),
	      "map[a:2 b:1]");
}

Test(fmt, structs, .init = setup)
{
	/* fmt.Sprint(T{1, "x"}) */
	CHECK(SP(1, BX(ty_T, VBLK(2, VI(1LL), VS("x", 1)))),
	      "{1 x}");
	/* fmt.Sprintf('%v|%+v|%#v|%T', T{1, "x"}, T{1, "x"}, T{1, "x"}, T{1, "x"}) */
	CHECK(SPF("%v|%+v|%#v|%T", 4, BX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1)))),
	      "{1 x}|{A:1 B:x}|main.T{A:1, B:\042x\042}|main.T");
	/* fmt.Sprintf('%v|%+v|%#v', &T{2, "y"}, &T{2, "y"}, (*T)(nil)) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(type_pointer(ty_T), VBLK(2, VI(2LL), VS("y", 1))), BX(type_pointer(ty_T), VBLK(2, VI(2LL), VS("y", 1))), BX(type_pointer(ty_T), NIL)),
	      "&{2 y}|&{A:2 B:y}|(*main.T)(nil)");
	/* fmt.Sprintf('%v|%+v', (*T)(nil), (*T)(nil)) */
	CHECK(SPF("%v|%+v", 2, BX(type_pointer(ty_T), NIL), BX(type_pointer(ty_T), NIL)),
	      "<nil>|<nil>");
	/* fmt.Sprintf('%d|%x|%s|%5v|%q', T{10, "ab"}, T{255, "hi"}, T{1, "x"}, T{1, "x"}, T{1, "x"}) */
	CHECK(SPF("%d|%x|%s|%5v|%q", 5, BX(ty_T, VBLK(2, VI(10LL), VS("ab", 2))), BX(ty_T, VBLK(2, VI(255LL), VS("hi", 2))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1))), BX(ty_T, VBLK(2, VI(1LL), VS("x", 1)))),
	      "{10 %!d(string=ab)}|{ff 6869}|{%!s(int=1) x}|{    1     x}|{'\134x01' \042x\042}");
	/* fmt.Sprintf('%v|%+v|%#v', P{1, 2}, P{-1, 0}, P{1, 2}) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(ty_P, VBLK(2, VI(1LL), VI(2LL))), BX(ty_P, VBLK(2, VI(-1LL), VI(0LL))), BX(ty_P, VBLK(2, VI(1LL), VI(2LL)))),
	      "{1 2}|{X:-1 Y:0}|main.P{X:1, Y:2}");
	/* fmt.Sprintf('%v|%+v|%#v', Emb{T{1, "a"}, (*t2)(nil), true}, Emb{T{1, "a"}, (*t2)(nil), false}, Emb{T{1, "a"}, (*t2)(nil), true}) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(ty_Emb, VBLK(3, VBLK(2, VI(1LL), VS("a", 1)), NIL, VI(1))), BX(ty_Emb, VBLK(3, VBLK(2, VI(1LL), VS("a", 1)), NIL, VI(0))), BX(ty_Emb, VBLK(3, VBLK(2, VI(1LL), VS("a", 1)), NIL, VI(1)))),
	      "{{1 a} <nil> true}|{T:{A:1 B:a} t2:<nil> z:false}|main.Emb{T:main.T{A:1, B:\042a\042}, t2:(*main.t2)(nil), z:true}");
	/* fmt.Sprintf('%v|%+v|%#v', &Emb{T{1, "a"}, (*t2)(nil), true}, []T{T{1, "a"}, T{2, "b"}}, []T{T{1, "a"}}) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(type_pointer(ty_Emb), VBLK(3, VBLK(2, VI(1LL), VS("a", 1)), NIL, VI(1))), BX(type_slice(ty_T), VSL(2, VBLK(2, VI(1LL), VS("a", 1)), VBLK(2, VI(2LL), VS("b", 1)))), BX(type_slice(ty_T), VSL(1, VBLK(2, VI(1LL), VS("a", 1))))),
	      "&{{1 a} <nil> true}|[{A:1 B:a} {A:2 B:b}]|[]main.T{main.T{A:1, B:\042a\042}}");
	/* fmt.Sprintf('%v|%#v', []*T{(*T)(nil)}, []*T{(*T)(nil)}) */
	CHECK(SPF("%v|%#v", 2, BX(type_slice(type_pointer(ty_T)), VSL(1, NIL)), BX(type_slice(type_pointer(ty_T)), VSL(1, NIL))),
	      "[<nil>]|[]*main.T{(*main.T)(nil)}");
	/* fmt.Sprintf('%v|%+v|%#v', map[string]T{"k": T{1, "a"}}, map[string]T{"k": T{1, "a"}}, map[string]T{"k": T{1, "a"}}) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(type_map(tb(TY_STRING), ty_T), VMAP(type_map(tb(TY_STRING), ty_T), 1, VS("k", 1), VBLK(2, VI(1LL), VS("a", 1)))), BX(type_map(tb(TY_STRING), ty_T), VMAP(type_map(tb(TY_STRING), ty_T), 1, VS("k", 1), VBLK(2, VI(1LL), VS("a", 1)))), BX(type_map(tb(TY_STRING), ty_T), VMAP(type_map(tb(TY_STRING), ty_T), 1, VS("k", 1), VBLK(2, VI(1LL), VS("a", 1))))),
	      "map[k:{1 a}]|map[k:{A:1 B:a}]|map[string]main.T{\042k\042:main.T{A:1, B:\042a\042}}");
	/* fmt.Sprintf('%v|%+v|%#v', &[]int{1, 2}, &map[string]int{"a": 1}, &[2]int{1, 2}) */
	CHECK(SPF("%v|%+v|%#v", 3, BX(type_pointer(type_slice(tb(TY_INT))), VCELL(VSL(2, VI(1LL), VI(2LL)))), BX(type_pointer(type_map(tb(TY_STRING), tb(TY_INT))), VCELL(VMAP(type_map(tb(TY_STRING), tb(TY_INT)), 1, VS("a", 1), VI(1LL)))), BX(type_pointer(type_array(tb(TY_INT), 2)), VBLK(2, VI(1LL), VI(2LL)))),
	      "&[1 2]|&map[a:1]|&[2]int{1, 2}");
	/* fmt.Sprintf('%+v|%#v', &[]T{T{1, "a"}}, &[]string{"a"}) */
	CHECK(SPF("%+v|%#v", 2, BX(type_pointer(type_slice(ty_T)), VCELL(VSL(1, VBLK(2, VI(1LL), VS("a", 1))))), BX(type_pointer(type_slice(tb(TY_STRING))), VCELL(VSL(1, VS("a", 1))))),
	      "&[{A:1 B:a}]|&[]string{\042a\042}");
}

Test(fmt, stringers, .init = setup)
{
	/* fmt.Sprint(Celsius(float64(21.5)), []Celsius{Celsius(float64(1.0)), Celsius(float64(2.0))}) */
	CHECK(SP(2, BX(ty_Celsius, VF(21.5)), BX(type_slice(ty_Celsius), VSL(2, VF(1.0), VF(2.0)))),
	      "celsius [celsius celsius]");
	/* fmt.Sprintf('%v|%s|%q|%x|%d|%.2f|%#v|%5.3s|%-10v|', Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5)), Celsius(float64(21.5))) */
	CHECK(SPF("%v|%s|%q|%x|%d|%.2f|%#v|%5.3s|%-10v|", 9, BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5)), BX(ty_Celsius, VF(21.5))),
	      "celsius|celsius|\042celsius\042|63656c73697573|%!d(main.Celsius=21.5)|21.50|21.5|  cel|celsius   |");
	/* fmt.Sprint(Err{"boom"}, &Err{"p"}) */
	CHECK(SP(2, BX(ty_Err, VBLK(1, VS("boom", 4))), BX(type_pointer(ty_Err), VBLK(1, VS("p", 1)))),
	      "err:boom err:p");
	/* fmt.Sprintf('%v|%s|%d|%+v|%#v', Err{"e"}, Err{"e"}, Err{"e"}, Err{"e"}, Err{"e"}) */
	CHECK(SPF("%v|%s|%d|%+v|%#v", 5, BX(ty_Err, VBLK(1, VS("e", 1))), BX(ty_Err, VBLK(1, VS("e", 1))), BX(ty_Err, VBLK(1, VS("e", 1))), BX(ty_Err, VBLK(1, VS("e", 1))), BX(ty_Err, VBLK(1, VS("e", 1)))),
	      "err:e|err:e|{%!d(string=e)}|err:e|main.Err{msg:\042e\042}");
	/* fmt.Sprint(PS{1}, &PS{2}, []*PS{&PS{3}}, []PS{PS{4}}) */
	CHECK(SP(4, BX(ty_PS, VBLK(1, VI(1LL))), BX(type_pointer(ty_PS), VBLK(1, VI(2LL))), BX(type_slice(type_pointer(ty_PS)), VSL(1, VBLK(1, VI(3LL)))), BX(type_slice(ty_PS), VSL(1, VBLK(1, VI(4LL))))),
	      "{1} ptr-stringer [ptr-stringer] [{4}]");
	/* fmt.Sprintf('%v|%+v', Wrap{Celsius(float64(1.0)), Celsius(float64(2.0)), error(Err{"in"}), &PS{5}, any(Celsius(float64(3.0)))}, Wrap{Celsius(float64(1.0)), Celsius(float64(2.0)), error(nil), (*PS)(nil), any(nil)}) */
	CHECK(SPF("%v|%+v", 2, BX(ty_Wrap, VBLK(5, VF(1.0), VF(2.0), VBOX(ty_Err, VBLK(1, VS("in", 2))), VBLK(1, VI(5LL)), VBOX(ty_Celsius, VF(3.0)))), BX(ty_Wrap, VBLK(5, VF(1.0), VF(2.0), NIL, NIL, NIL))),
	      "{celsius 2 err:in ptr-stringer celsius}|{C:celsius c:2 E:<nil> P:ptr-stringer I:<nil>}");
	/* fmt.Sprintf('%#v', Wrap{Celsius(float64(1.0)), Celsius(float64(2.0)), error(nil), (*PS)(nil), any(nil)}) */
	CHECK(SPF("%#v", 1, BX(ty_Wrap, VBLK(5, VF(1.0), VF(2.0), NIL, NIL, NIL))),
	      "main.Wrap{C:1, c:2, E:error(nil), P:(*main.PS)(nil), I:interface {}(nil)}");
	/* fmt.Sprint(map[Celsius]Celsius{Celsius(float64(2.0)): Celsius(float64(1.0)), Celsius(float64(1.0)): Celsius(float64(2.0))}) */
	CHECK(SP(1, BX(type_map(ty_Celsius, ty_Celsius), VMAP(type_map(ty_Celsius, ty_Celsius), 2, VF(2.0), VF(1.0), VF(1.0), VF(2.0)))),
	      "map[celsius:celsius celsius:celsius]");
	/* fmt.Sprint(map[string]error{"a": error(Err{"x"}), "b": error(nil)}) */
	CHECK(SP(1, BX(type_map(tb(TY_STRING), type_error), VMAP(type_map(tb(TY_STRING), type_error), 2, VS("a", 1), VBOX(ty_Err, VBLK(1, VS("x", 1))), VS("b", 1), NIL))),
	      "map[a:err:x b:<nil>]");
	/* fmt.Sprintf('%v %d', []any{any(Celsius(float64(1.0))), any(Err{"q"})}, []any{any(Celsius(float64(1.0)))}) */
	CHECK(SPF("%v %d", 2, BX(type_slice(type_any), VSL(2, VBOX(ty_Celsius, VF(1.0)), VBOX(ty_Err, VBLK(1, VS("q", 1))))), BX(type_slice(type_any), VSL(1, VBOX(ty_Celsius, VF(1.0))))),
	      "[celsius err:q] [%!d(main.Celsius=1)]");
	/* fmt.Sprintf('%v|%s|%d|%+v|%v', (*Err)(nil), (*Err)(nil), (*Err)(nil), []*Celsius{(*Celsius)(nil)}, Wrap{Celsius(float64(1.0)), Celsius(float64(2.0)), error(nil), (*PS)(nil), any((*Err)(nil))}) */
	CHECK(SPF("%v|%s|%d|%+v|%v", 5, BX(type_pointer(ty_Err), NIL), BX(type_pointer(ty_Err), NIL), BX(type_pointer(ty_Err), NIL), BX(type_slice(type_pointer(ty_Celsius)), VSL(1, NIL)), BX(ty_Wrap, VBLK(5, VF(1.0), VF(2.0), NIL, NIL, VBOX(type_pointer(ty_Err), NIL)))),
	      "<nil>|<nil>|0|[<nil>]|{celsius 2 <nil> ptr-stringer <nil>}");
}

Test(fmt, errors, .init = setup)
{
	/* fmt.Sprintf('%!|%z|%!d(x)', 1, 2) */
	CHECK(SPF("%!|%z|%!d(x)", 2, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(2LL))),
	      "%!!(int=1)|%!z(int=2)|%!!(MISSING)d(x)");
	/* fmt.Sprintf('%d %d', 1) */
	CHECK(SPF("%d %d", 1, BX(tb(TY_INT), VI(1LL))),
	      "1 %!d(MISSING)");
	/* fmt.Sprintf('%d', 1, "extra", nil, float64(2.5)) */
	CHECK(SPF("%d", 4, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_STRING), VS("extra", 5)), NULL, BX(tb(TY_FLOAT64), VF(2.5))),
	      "1%!(EXTRA string=extra, <nil>, float64=2.5)");
	/* fmt.Sprintf('no verbs', 1, "a") */
	CHECK(SPF("no verbs", 2, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_STRING), VS("a", 1))),
	      "no verbs%!(EXTRA int=1, string=a)");
	/* fmt.Sprintf('%') */
	CHECK(SPF("%", 0),
	      "%!(NOVERB)");
	/* fmt.Sprintf('%-', 1) */
	CHECK(SPF("%-", 1, BX(tb(TY_INT), VI(1LL))),
	      "%!(NOVERB)%!(EXTRA int=1)");
	/* fmt.Sprintf('%.', 1) */
	CHECK(SPF("%.", 1, BX(tb(TY_INT), VI(1LL))),
	      "%!.(int=1)");
	/* fmt.Sprintf('%d|%s|%v|%x', nil, nil, nil, nil) */
	CHECK(SPF("%d|%s|%v|%x", 4, NULL, NULL, NULL, NULL),
	      "%!d(<nil>)|%!s(<nil>)|<nil>|%!x(<nil>)");
	/* fmt.Sprintf('%T|%T|%T|%T|%T', nil, 1, "s", float64(1.0), []int{}) */
	CHECK(SPF("%T|%T|%T|%T|%T", 5, NULL, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_STRING), VS("s", 1)), BX(tb(TY_FLOAT64), VF(1.0)), BX(type_slice(tb(TY_INT)), VSL(0))),
	      "<nil>|int|string|float64|[]int");
	/* fmt.Sprintf('%T|%T|%T|%T|%T', &T{1, "a"}, map[string][]int{}, MyInt(1), []error{}, any(1)) */
	CHECK(SPF("%T|%T|%T|%T|%T", 5, BX(type_pointer(ty_T), VBLK(2, VI(1LL), VS("a", 1))), BX(type_map(tb(TY_STRING), type_slice(tb(TY_INT))), VMAP(type_map(tb(TY_STRING), type_slice(tb(TY_INT))), 0)), BX(ty_MyInt, VI(1LL)), BX(type_slice(type_error), VSL(0)), (GolIface *)VBOX(tb(TY_INT), VI(1LL)).p),
	      "*main.T|map[string][]int|main.MyInt|[]error|int");
	/* fmt.Sprintf('%*d|%-*d|%*d|%.*f|%*.*f|', 5, 1, 5, 2, -5, 3, 2, float64(3.14159), 8, 3, float64(3.14159)) */
	CHECK(SPF("%*d|%-*d|%*d|%.*f|%*.*f|", 11, BX(tb(TY_INT), VI(5LL)), BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(5LL)), BX(tb(TY_INT), VI(2LL)), BX(tb(TY_INT), VI(-5LL)), BX(tb(TY_INT), VI(3LL)), BX(tb(TY_INT), VI(2LL)), BX(tb(TY_FLOAT64), VF(3.14159)), BX(tb(TY_INT), VI(8LL)), BX(tb(TY_INT), VI(3LL)), BX(tb(TY_FLOAT64), VF(3.14159))),
	      "    1|2    |3    |3.14|   3.142|");
	/* fmt.Sprintf('%*d|%.*d|%*d', "x", 1, float64(1.5), 2, 10000000, 3) */
	CHECK(SPF("%*d|%.*d|%*d", 6, BX(tb(TY_STRING), VS("x", 1)), BX(tb(TY_INT), VI(1LL)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_INT), VI(2LL)), BX(tb(TY_INT), VI(10000000LL)), BX(tb(TY_INT), VI(3LL))),
	      "%!(BADWIDTH)1|%!(BADPREC)2|%!(BADWIDTH)3");
	/* fmt.Sprintf('%.*d', -1, 42) */
	CHECK(SPF("%.*d", 2, BX(tb(TY_INT), VI(-1LL)), BX(tb(TY_INT), VI(42LL))),
	      "%!(BADPREC)42");
	/* fmt.Sprintf('%[2]d %[1]d|%[3]*.[2]*[1]f|%[5]d|%[0]d|%[x]d', 1, 2, 8, float64(0.0), 0) */
	CHECK(SPF("%[2]d %[1]d|%[3]*.[2]*[1]f|%[5]d|%[0]d|%[x]d", 5, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(2LL)), BX(tb(TY_INT), VI(8LL)), BX(tb(TY_FLOAT64), VF(0.0)), BX(tb(TY_INT), VI(0LL))),
	      "2 1|%!f(int=      01)|0|%!d(BADINDEX)|%!d(BADINDEX)");
	/* fmt.Sprintf('%d %d %[1]d %d', 1, 2) */
	CHECK(SPF("%d %d %[1]d %d", 2, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(2LL))),
	      "1 2 1 2");
	/* fmt.Sprintf('%[1]d %[1]x %[1]o', 64) */
	CHECK(SPF("%[1]d %[1]x %[1]o", 1, BX(tb(TY_INT), VI(64LL))),
	      "64 40 100");
	/* fmt.Sprintf('%v %v %v', 1, nil, "a") */
	CHECK(SPF("%v %v %v", 3, BX(tb(TY_INT), VI(1LL)), NULL, BX(tb(TY_STRING), VS("a", 1))),
	      "1 <nil> a");
	/* fmt.Sprintf('%t|%s|%q', 1, true, float64(1.5)) */
	CHECK(SPF("%t|%s|%q", 3, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_BOOL), VI(1)), BX(tb(TY_FLOAT64), VF(1.5))),
	      "%!t(int=1)|%!s(bool=true)|%!q(float64=1.5)");
	/* fmt.Sprintf('%z', T{1, "a"}) */
	CHECK(SPF("%z", 1, BX(ty_T, VBLK(2, VI(1LL), VS("a", 1)))),
	      "{%!z(int=1) %!z(string=a)}");
	/* fmt.Sprintf('%d', []any{any("a"), any(true)}) */
	CHECK(SPF("%d", 1, BX(type_slice(type_any), VSL(2, VBOX(tb(TY_STRING), VS("a", 1)), VBOX(tb(TY_BOOL), VI(1))))),
	      "[%!d(string=a) %!d(bool=true)]");
	/* fmt.Sprintf('%ä|%☺', 1, 2) */
	CHECK(SPF("%\303\244|%\342\230\272", 2, BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(2LL))),
	      "%!\303\244(int=1)|%!\342\230\272(int=2)");
	/* fmt.Sprintf('%s', (*T)(nil)) */
	CHECK(SPF("%s", 1, BX(type_pointer(ty_T), NIL)),
	      "%!s(*main.T=<nil>)");
	/* fmt.Sprintf('%v|%d|%s', []any{any(nil)}, []any{any(nil)}, []any{any(nil)}) */
	CHECK(SPF("%v|%d|%s", 3, BX(type_slice(type_any), VSL(1, NIL)), BX(type_slice(type_any), VSL(1, NIL)), BX(type_slice(type_any), VSL(1, NIL))),
	      "[<nil>]|[<nil>]|[<nil>]");
	/* fmt.Sprintf('%v %v', &T{0, ""}, T{0, ""}) */
	CHECK(SPF("%v %v", 2, BX(type_pointer(ty_T), VBLK(2, VI(0LL), VS("", 0))), BX(ty_T, VBLK(2, VI(0LL), VS("", 0)))),
	      "&{0 } {0 }");
	/* fmt.Sprintf('%w', 1) */
	CHECK(SPF("%w", 1, BX(tb(TY_INT), VI(1LL))),
	      "%!w(int=1)");
	/* fmt.Sprintf('%w', Err{"notwrapped"}) */
	CHECK(SPF("%w", 1, BX(ty_Err, VBLK(1, VS("notwrapped", 10)))),
	      "%!w(main.Err={notwrapped})");
	/* fmt.Sprintf('%%|%5%|%-5%|', 1) */
	CHECK(SPF("%%|%5%|%-5%|", 1, BX(tb(TY_INT), VI(1LL))),
	      "%|%|%|%!(EXTRA int=1)");
}

Test(fmt, print_spacing, .init = setup)
{
	/* fmt.Sprint("a", "b", 1, 2, "c", float64(1.5), true, "d") */
	CHECK(SP(8, BX(tb(TY_STRING), VS("a", 1)), BX(tb(TY_STRING), VS("b", 1)), BX(tb(TY_INT), VI(1LL)), BX(tb(TY_INT), VI(2LL)), BX(tb(TY_STRING), VS("c", 1)), BX(tb(TY_FLOAT64), VF(1.5)), BX(tb(TY_BOOL), VI(1)), BX(tb(TY_STRING), VS("d", 1))),
	      "ab1 2c1.5 trued");
	/* fmt.Sprint(1, nil, 2) */
	CHECK(SP(3, BX(tb(TY_INT), VI(1LL)), NULL, BX(tb(TY_INT), VI(2LL))),
	      "1 <nil> 2");
	/* fmt.Sprint() */
	CHECK(SP(0),
	      "");
	/* fmt.Sprintln() */
	CHECK(SPLN(0),
	      "\012");
	/* fmt.Sprintln("a", 1, nil, []int{1}, false) */
	CHECK(SPLN(5, BX(tb(TY_STRING), VS("a", 1)), BX(tb(TY_INT), VI(1LL)), NULL, BX(type_slice(tb(TY_INT)), VSL(1, VI(1LL))), BX(tb(TY_BOOL), VI(0))),
	      "a 1 <nil> [1] false\012");
	/* fmt.Sprint(MyStr("x"), MyStr("y"), 3) */
	CHECK(SP(3, BX(ty_MyStr, VS("x", 1)), BX(ty_MyStr, VS("y", 1)), BX(tb(TY_INT), VI(3LL))),
	      "xy3");
	/* fmt.Sprint(Celsius(float64(1.0)), Celsius(float64(2.0))) */
	CHECK(SP(2, BX(ty_Celsius, VF(1.0)), BX(ty_Celsius, VF(2.0))),
	      "celsius celsius");
}

Test(fmt, errorf, .init = setup)
{
	/* fmt.Errorf('plain %d', 1) */
	CHECK(ERRORF("plain %d", 1, BX(tb(TY_INT), VI(1LL))),
	      "plain 1 / unwrap: <nil>");
	/* fmt.Errorf('wrap: %w', error(Err{"inner"})) */
	CHECK(ERRORF("wrap: %w", 1, (GolIface *)VBOX(ty_Err, VBLK(1, VS("inner", 5))).p),
	      "wrap: err:inner / unwrap: err:inner");
	/* fmt.Errorf('%w and %w', error(Err{"a"}), error(Err{"b"})) */
	CHECK(ERRORF("%w and %w", 2, (GolIface *)VBOX(ty_Err, VBLK(1, VS("a", 1))).p, (GolIface *)VBOX(ty_Err, VBLK(1, VS("b", 1))).p),
	      "err:a and %!w(main.Err={b}) / unwrap: <nil>");
	/* fmt.Errorf('%w', 5) */
	CHECK(ERRORF("%w", 1, BX(tb(TY_INT), VI(5LL))),
	      "%!w(int=5) / unwrap: <nil>");
	/* fmt.Errorf('%w', nil) */
	CHECK(ERRORF("%w", 1, NULL),
	      "%!w(<nil>) / unwrap: <nil>");
	/* fmt.Errorf('%v %w', "x", error(&Err{"ptr"})) */
	CHECK(ERRORF("%v %w", 2, BX(tb(TY_STRING), VS("x", 1)), (GolIface *)VBOX(type_pointer(ty_Err), VBLK(1, VS("ptr", 3))).p),
	      "x err:ptr / unwrap: err:ptr");
}

/* ---- things the table cannot express -------------------------------------------------- */

Test(fmt, type_strings, .init = setup)
{
	struct {
		Type *t;
		const char *want;
	} rows[] = {
		{type_slice(type_byte), "[]uint8"},
		{type_slice(type_rune), "[]int32"},
		{type_slice(type_any), "[]interface {}"},
		{type_error, "error"},
		{type_pointer(ty_T), "*main.T"},
		{type_chan(tb(TY_INT), 2), "<-chan int"},
		{type_chan(type_chan(tb(TY_INT), 2), 0), "chan (<-chan int)"},
		{type_chan(tb(TY_STRING), 1), "chan<- string"},
		{strct(0), "struct {}"},
		{strct(2, "A", tb(TY_INT), "b", tb(TY_STRING)), "struct { A int; b string }"},
		{strct(2, "!T", ty_T, "!t2", type_pointer(ty_t2)), "struct { main.T; *main.t2 }"},
		{type_map(tb(TY_STRING), type_slice(type_error)), "map[string][]error"},
		{type_array(type_pointer(tb(TY_FLOAT64)), 3), "[3]*float64"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		FmtBuf b = {0};
		fmt_type_string(&b, rows[i].t);
		cr_expect_str_eq(b.p, rows[i].want);
	}
	/* func(int, ...string) (int, error) and interface { M(int) string; N() } */
	Type *f = type_new(TY_FUNC);
	f->fields = GC_MALLOC(2 * sizeof(Field));
	f->fields[0].type = tb(TY_INT);
	f->fields[1].type = type_slice(tb(TY_STRING));
	f->nfields = 2;
	f->variadic = true;
	f->results = GC_MALLOC(2 * sizeof(Field));
	f->results[0].type = tb(TY_INT);
	f->results[1].type = type_error;
	f->nresults = 2;
	FmtBuf b = {0};
	fmt_type_string(&b, f);
	cr_expect_str_eq(b.p, "func(int, ...string) (int, error)");
	Type *m = type_new(TY_FUNC);
	m->fields = GC_MALLOC(sizeof(Field));
	m->fields[0].type = tb(TY_INT);
	m->nfields = 1;
	m->results = GC_MALLOC(sizeof(Field));
	m->results[0].type = tb(TY_STRING);
	m->nresults = 1;
	Type *it = type_new(TY_INTERFACE);
	it->methods = GC_MALLOC(2 * sizeof(Method));
	it->methods[0] = (Method){.name = "M", .sig = m};
	it->methods[1] = (Method){.name = "N", .sig = type_new(TY_FUNC)};
	it->nmethods = 2;
	FmtBuf c = {0};
	fmt_type_string(&c, type_slice(it));
	cr_expect_str_eq(c.p, "[]interface { M(int) string; N() }");
}

Test(fmt, fmt_value, .init = setup)
{
	FmtBuf b = {0};
	fmt_value(NULL, &b, ty_T, VBLK(2, VI(1), VS("x", 1)), 'v');
	fmtbuf_put(&b, "|", 1);
	fmt_value(NULL, &b, type_any, VBOX(tb(TY_INT), VI(7)), 'v');
	fmtbuf_put(&b, "|", 1);
	fmt_value(NULL, &b, type_error, NIL, 'v');
	fmtbuf_put(&b, "|", 1);
	fmt_value(NULL, &b, ty_Celsius, VF(1), 'v');
	fmtbuf_put(&b, "|", 1);
	fmt_value(NULL, &b, type_pointer(ty_T), VBLK(2, VI(3), VS("y", 1)), 'v');
	cr_expect_str_eq(b.p, "{1 x}|7|<nil>|celsius|&{3 y}");
}

Test(fmt, no_methods_without_vm, .init = setup)
{
	fmt_set_method_hook(NULL);
	CHECK(SP(1, BX(ty_Celsius, VF(21.5))), "21.5");
	CHECK(SP(1, BX(ty_Err, VBLK(1, VS("e", 1)))), "{e}");
}

Test(fmt, quote_and_isprint, .init = setup)
{
	FmtBuf b = {0};
	fmt_quote(&b, "a\tb\xff\xe2\x98\xba", 7, false);
	fmtbuf_put(&b, " ", 1);
	fmt_quote(&b, "\xe2\x98\xba", 3, true);
	cr_expect_str_eq(b.p, "\"a\\tb\\xff\xe2\x98\xba\" \"\\u263a\"");
	cr_expect(fmt_is_print(0x263a));
	cr_expect(!fmt_is_print(0xad));
	cr_expect(!fmt_is_print(0x378));
	cr_expect(fmt_is_print(0x1F600));
	cr_expect(!fmt_is_print(0xE0001));
}

Test(fmt, long_widths, .init = setup)
{
	const char *s = SPF("%300d|%-200.150f|%#.100g", 3, BX(tb(TY_INT), VI(-5)), BX(tb(TY_FLOAT64), VF(0.1)),
			    BX(tb(TY_FLOAT64), VF(1)));
	cr_expect_eq(strlen(s), 300 + 1 + 200 + 1 + 101);
	cr_expect_eq(s[299], '5');
	cr_expect_eq(s[298], '-');
	cr_expect_eq(strncmp(s + 301, "0.1000000000000000055511151231257827", 36), 0);
	cr_expect_eq(strncmp(s + 502, "1.000000", 8), 0);
}
