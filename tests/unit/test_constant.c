/*
 * test_constant.c — unit tests for compiler/constant.c: exact Go constant
 * values (GMP integers and rationals).
 *
 * Every expectation was checked against go1.19, either by printing the
 * constant expression from a small Go program (`fmt.Println(1<<100>>98)`)
 * or, for const_string_of, by reading the constant's spelling in a
 * `go build` error message ("untyped float constant 1e+100").
 */
#include <criterion/criterion.h>
#include <gc.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../../compiler/constant.h"
#include "../../compiler/types.h"

static void setup(void)
{
	GC_INIT();
	const_init();
	types_init();
}

#define CTEST(name) Test(constant, name, .init = setup)

/* ---- helpers ------------------------------------------------------------------ */

static ConstVal *lit(LitKind k, const char *text)
{
	ConstVal *v = const_from_literal(k, text, 0);
	cr_assert_not_null(v, "literal %s did not parse", text);
	return v;
}

static ConstVal *I(const char *text) { return lit(LIT_INT, text); }
static ConstVal *F(const char *text) { return lit(LIT_FLOAT, text); }
static ConstVal *IM(const char *text) { return lit(LIT_IMAG, text); }
static ConstVal *N(int64_t v) { return const_int64(v); }
/* Literals carry no sign: -x is a unary minus. */
static ConstVal *NEG(const ConstVal *v) { return const_unary(OP_SUB, v, 0, false); }

static ConstVal *S(const char *s)
{
	return const_string((Str){s, strlen(s)});
}

/* x op y as the checker does it: integer division when both are integers. */
static ConstVal *bin(Op op, const ConstVal *x, const ConstVal *y)
{
	bool dz = true;
	bool intdiv = x->kind == CK_INT && y->kind == CK_INT;
	ConstVal *r = const_binary(op, x, y, intdiv, &dz);
	cr_assert_not_null(r);
	cr_assert(!dz);
	return r;
}

static const char *str(const ConstVal *v) { return const_string_of(v); }

/* An integer constant's value as text. */
static void assert_int(const ConstVal *v, const char *want)
{
	cr_assert_eq(v->kind, CK_INT);
	cr_assert_str_eq(str(v), want);
}

/* A float constant is exactly num/den. */
static void assert_q(const ConstVal *v, long num, unsigned long den)
{
	cr_assert_eq(v->kind, CK_FLOAT);
	mpq_t q;
	mpq_init(q);
	mpq_set_si(q, num, den);
	mpq_canonicalize(q);
	cr_assert(mpq_equal(v->f, q), "value is %s, want %ld/%lu", str(v), num, den);
}

/* A complex constant is exactly re + im i (small integer parts). */
static void assert_cx(const ConstVal *v, long re, long im)
{
	cr_assert_eq(v->kind, CK_COMPLEX);
	cr_assert_eq(mpq_cmp_si(v->f, re, 1), 0, "real part of %s", str(v));
	cr_assert_eq(mpq_cmp_si(v->im, im, 1), 0, "imaginary part of %s", str(v));
}

static bool eq(const ConstVal *x, const ConstVal *y) { return const_compare(OP_EQ, x, y); }

/* ---- integer literals ------------------------------------------------------------ */

CTEST(int_literal_decimal)
{
	assert_int(I("0"), "0");
	assert_int(I("42"), "42");
	assert_int(I("1_000_000"), "1000000");
	assert_int(I("123456789012345678901234567890"), "123456789012345678901234567890");
}

CTEST(int_literal_hex)
{
	assert_int(I("0xff"), "255");
	assert_int(I("0XfF"), "255");
	assert_int(I("0x_FF"), "255");
	assert_int(I("0xdead_beef"), "3735928559");
	assert_int(I("0x10000000000000000"), "18446744073709551616");
}

CTEST(int_literal_octal)
{
	assert_int(I("0o17"), "15");
	assert_int(I("0O17"), "15");
	assert_int(I("017"), "15");
	assert_int(I("0_17"), "15");
	assert_int(I("0o_7_7"), "63");
	assert_int(I("00"), "0");
}

CTEST(int_literal_binary)
{
	assert_int(I("0b1010"), "10");
	assert_int(I("0B_1_1"), "3");
	assert_int(I("0b1111111111111111111111111111111111111111111111111111111111111111"), "18446744073709551615");
}

CTEST(int_literal_malformed)
{
	cr_assert_null(const_from_literal(LIT_INT, "09", 0));
	cr_assert_null(const_from_literal(LIT_INT, "0b2", 0));
	cr_assert_null(const_from_literal(LIT_INT, "0x", 0));
}

CTEST(rune_literals)
{
	assert_int(const_from_literal(LIT_RUNE, "'a'", 'a'), "97");
	assert_int(const_from_literal(LIT_RUNE, "'\\n'", '\n'), "10");
	assert_int(const_from_literal(LIT_RUNE, "'\\u00e9'", 0xe9), "233");
	assert_int(const_from_literal(LIT_RUNE, "'\\U0001F600'", 0x1F600), "128512");
	assert_int(const_from_literal(LIT_RUNE, "'\\377'", 0377), "255");
}

/* ---- float and imaginary literals -------------------------------------------------- */

CTEST(float_literal_decimal)
{
	assert_q(F("1.5e3"), 1500, 1);
	assert_q(F(".5"), 1, 2);
	assert_q(F("1."), 1, 1);
	assert_q(F("1_0.2_5"), 41, 4);
	assert_q(F("1E-2"), 1, 100);
	assert_q(F("0.1"), 1, 10); /* exact, not the nearest double */
	assert_q(F("2.5e+1"), 25, 1);
}

CTEST(float_literal_hex)
{
	assert_q(F("0x1p-2"), 1, 4);
	assert_q(F("0x1.8p1"), 3, 1);
	assert_q(F("0X_1FFFP-16"), 8191, 65536);
	assert_q(F("0x.8p1"), 1, 1);
	assert_q(F("0x1P+4"), 16, 1);
}

CTEST(float_literal_huge_exponent_exact)
{
	/* 1e400 is far beyond float64 but exact as a constant */
	ConstVal *v = F("1e400");
	cr_assert(const_is_int_value(v));
	cr_assert_eq(mpz_sizeinbase(mpq_numref(v->f), 10), 401);
	ConstVal *back = bin(OP_DIV, v, F("1e399"));
	assert_q(back, 10, 1);
}

CTEST(imaginary_literals)
{
	assert_cx(IM("3i"), 0, 3);
	assert_cx(IM("0123i"), 0, 123); /* decimal, not octal */
	assert_cx(IM("0x10i"), 0, 16);
	assert_cx(IM("0b101i"), 0, 5);
	assert_cx(IM("0o17i"), 0, 15);
	assert_cx(IM("1.5e1i"), 0, 15);
	assert_cx(IM("0x1p2i"), 0, 4);
	assert_cx(IM("1_0i"), 0, 10);
	ConstVal *h = IM("0.5i");
	cr_assert_eq(mpq_cmp_si(h->im, 1, 2), 0);
}

/* ---- integer arithmetic ------------------------------------------------------------ */

CTEST(shift_huge_intermediate)
{
	/* const x = 1 << 100 >> 98 -> 4 */
	ConstVal *x = const_shift(OP_SHR, const_shift(OP_SHL, N(1), 100), 98);
	assert_int(x, "4");
	assert_int(const_shift(OP_SHL, N(1), 100), "1267650600228229401496703205376");
}

CTEST(huge_intermediate_arithmetic)
{
	ConstVal *big = const_shift(OP_SHL, N(1), 200);
	assert_int(bin(OP_DIV, big, const_shift(OP_SHL, N(1), 198)), "4");
	assert_int(bin(OP_REM, big, N(7)), "4");
	/* 1<<62*4 == 1<<64 */
	cr_assert(eq(bin(OP_MUL, const_shift(OP_SHL, N(1), 62), N(4)), const_shift(OP_SHL, N(1), 64)));
	/* 1e300*1e300/1e300 == 1e300 */
	ConstVal *e = F("1e300");
	cr_assert(eq(bin(OP_DIV, bin(OP_MUL, e, e), e), e));
}

CTEST(int_division_truncates_toward_zero)
{
	assert_int(bin(OP_DIV, N(-7), N(2)), "-3");
	assert_int(bin(OP_REM, N(-7), N(2)), "-1");
	assert_int(bin(OP_DIV, N(7), N(-2)), "-3");
	assert_int(bin(OP_REM, N(7), N(-2)), "1");
	assert_int(bin(OP_DIV, N(-7), N(-2)), "3");
	assert_int(bin(OP_REM, N(-7), N(-2)), "-1");
}

CTEST(division_by_zero)
{
	bool dz = false;
	cr_assert_null(const_binary(OP_DIV, N(1), N(0), true, &dz));
	cr_assert(dz);
	dz = false;
	cr_assert_null(const_binary(OP_REM, N(1), N(0), true, &dz));
	cr_assert(dz);
	dz = false;
	cr_assert_null(const_binary(OP_DIV, F("1.5"), F("0.0"), false, &dz));
	cr_assert(dz);
	dz = false;
	cr_assert_null(const_binary(OP_DIV, IM("1i"), N(0), false, &dz));
	cr_assert(dz);
}

CTEST(untyped_mixed_division_is_float)
{
	/* 7.0/2 and 7/2.0 are 3.5; 7/2 is 3 */
	assert_q(bin(OP_DIV, F("7.0"), N(2)), 7, 2);
	assert_q(bin(OP_DIV, N(7), F("2.0")), 7, 2);
	assert_int(bin(OP_DIV, N(7), N(2)), "3");
	bool dz;
	assert_q(const_binary(OP_DIV, N(7), N(2), false, &dz), 7, 2);
}

CTEST(bitwise_ops_negative)
{
	assert_int(bin(OP_ANDNOT, N(5), N(3)), "4");
	assert_int(bin(OP_ANDNOT, N(-5), N(3)), "-8");
	assert_int(bin(OP_AND, N(-6), N(3)), "2");
	assert_int(bin(OP_OR, N(6), N(9)), "15");
	assert_int(bin(OP_XOR, N(6), N(3)), "5");
	assert_int(bin(OP_XOR, N(-1), N(5)), "-6");
}

CTEST(shift_right_negative_rounds_down)
{
	assert_int(const_shift(OP_SHR, N(-5), 1), "-3");
	assert_int(const_shift(OP_SHR, N(-1), 10), "-1");
	assert_int(const_shift(OP_SHR, N(-8), 2), "-2");
	assert_int(const_shift(OP_SHR, N(5), 1), "2");
	assert_int(const_shift(OP_SHL, N(-3), 2), "-12");
	assert_int(const_shift(OP_SHL, N(1), 0), "1");
}

CTEST(shift_of_integer_float)
{
	/* 4.0 >> 1 == 2, an untyped int */
	assert_int(const_shift(OP_SHR, F("4.0"), 1), "2");
	assert_int(const_shift(OP_SHL, F("1e2"), 1), "200");
}

CTEST(complement_untyped_and_sized)
{
	assert_int(const_unary(OP_XOR, N(5), 0, false), "-6");       /* ^5 */
	assert_int(const_unary(OP_XOR, N(-1), 0, false), "0");       /* ^-1 */
	assert_int(const_unary(OP_XOR, N(5), 8, true), "250");       /* ^uint8(5) */
	assert_int(const_unary(OP_XOR, N(0), 8, true), "255");       /* ^uint8(0) */
	assert_int(const_unary(OP_XOR, N(0), 64, true), "18446744073709551615");
	assert_int(const_unary(OP_XOR, N(5), 0, false), "-6");       /* ^int8(5): signed passes 0 */
}

CTEST(unary_minus_plus_not)
{
	assert_int(const_unary(OP_SUB, N(5), 0, false), "-5");
	assert_q(const_unary(OP_SUB, F("0.25"), 0, false), -1, 4);
	assert_cx(const_unary(OP_SUB, IM("2i"), 0, false), 0, -2);
	ConstVal *x = N(9);
	cr_assert_eq(const_unary(OP_ADD, x, 0, false), x);
	cr_assert_eq(const_unary(OP_NOT, const_bool(true), 0, false)->b, false);
	cr_assert_null(const_unary(OP_XOR, F("1.5"), 0, false));
}

/* ---- float arithmetic ------------------------------------------------------------ */

CTEST(float_division_exact)
{
	/* 1.0/3*3 == 1 exactly */
	ConstVal *t = bin(OP_MUL, bin(OP_DIV, F("1.0"), N(3)), N(3));
	assert_q(t, 1, 1);
	cr_assert(const_is_int_value(t));
	cr_assert(eq(t, N(1)));
}

CTEST(float_sum_exact)
{
	/* 0.1+0.2 == 0.3 holds for Go constants */
	cr_assert(eq(bin(OP_ADD, F("0.1"), F("0.2")), F("0.3")));
	assert_q(bin(OP_SUB, F("0.3"), F("0.1")), 1, 5);
}

CTEST(float_rem_unsupported)
{
	bool dz;
	cr_assert_null(const_binary(OP_REM, F("1.5"), F("1.0"), false, &dz));
	cr_assert(!dz);
	cr_assert_null(const_binary(OP_ADD, S("a"), N(1), false, &dz));
}

/* ---- complex ---------------------------------------------------------------------- */

CTEST(complex_i_squared)
{
	ConstVal *i = IM("1i");
	ConstVal *sq = bin(OP_MUL, i, i);
	assert_cx(sq, -1, 0);
	cr_assert(eq(sq, N(-1)));
	cr_assert(const_is_int_value(sq));
	cr_assert_str_eq(str(sq), "(-1 + 0i)");
}

CTEST(complex_mul_div)
{
	ConstVal *a = bin(OP_ADD, N(1), IM("2i"));
	ConstVal *b = bin(OP_SUB, N(3), IM("4i"));
	assert_cx(bin(OP_MUL, a, b), 11, 2); /* (1+2i)*(3-4i) */
	ConstVal *q = bin(OP_DIV, a, b);     /* (-0.2+0.4i) */
	cr_assert_eq(mpq_cmp_si(q->f, -1, 5), 0);
	cr_assert_eq(mpq_cmp_si(q->im, 2, 5), 0);
	cr_assert_str_eq(str(q), "(-0.2 + 0.4i)");
	cr_assert(eq(bin(OP_MUL, q, b), a));
}

CTEST(complex_compare)
{
	ConstVal *a = bin(OP_ADD, N(1), IM("2i"));
	cr_assert(const_compare(OP_EQ, a, bin(OP_ADD, F("1.0"), IM("2i"))));
	cr_assert(const_compare(OP_NE, a, bin(OP_ADD, N(1), IM("3i"))));
	cr_assert(const_compare(OP_NE, a, N(1)));
	cr_assert(!const_is_int_value(a));
}

/* ---- promotion and comparison ------------------------------------------------------ */

CTEST(to_kind_promotes)
{
	ConstVal *f = const_to_kind(N(7), CK_FLOAT);
	assert_q(f, 7, 1);
	assert_cx(const_to_kind(N(-3), CK_COMPLEX), -3, 0);
	ConstVal *c = const_to_kind(F("2.5"), CK_COMPLEX);
	cr_assert_eq(c->kind, CK_COMPLEX);
	cr_assert_eq(mpq_cmp_si(c->f, 5, 2), 0);
	ConstVal *x = F("2.5");
	cr_assert_eq(const_to_kind(x, CK_INT), x); /* never demotes */
}

CTEST(compare_across_kinds)
{
	cr_assert(const_compare(OP_GT, F("2.5"), N(2)));
	cr_assert(const_compare(OP_EQ, N(2), F("2.0")));
	cr_assert(const_compare(OP_LT, N('a'), N(98)));
	cr_assert(const_compare(OP_LE, N(-1), NEG(F("0.5"))));
	cr_assert(const_compare(OP_GE, const_shift(OP_SHL, N(1), 100), F("1e30")));
	cr_assert(!const_compare(OP_LT, N(3), N(3)));
	cr_assert(const_compare(OP_NE, F("0.1"), F("0.10000000000000001")));
}

CTEST(compare_strings_bytewise)
{
	cr_assert(const_compare(OP_LT, S("abc"), S("abd")));
	cr_assert(const_compare(OP_LT, S("ab"), S("abc")));
	cr_assert(const_compare(OP_LT, S(""), S("a")));
	cr_assert(const_compare(OP_GT, S("\xff"), S("a"))); /* unsigned bytes */
	cr_assert(const_compare(OP_EQ, S("x"), S("x")));
	cr_assert(const_compare(OP_NE, const_string((Str){"a\0b", 3}), const_string((Str){"a\0c", 3})));
}

CTEST(bool_and_string_ops)
{
	ConstVal *t = const_bool(true), *f = const_bool(false);
	cr_assert_eq(bin(OP_ANDAND, t, f)->b, false);
	cr_assert_eq(bin(OP_OROR, t, f)->b, true);
	cr_assert(const_compare(OP_EQ, t, const_bool(true)));
	cr_assert(const_compare(OP_NE, t, f));
	ConstVal *s = bin(OP_ADD, S("foo"), S("bar"));
	cr_assert_eq(s->kind, CK_STRING);
	cr_assert_eq(s->s.len, 6);
	cr_assert_eq(memcmp(s->s.s, "foobar", 6), 0);
}

/* ---- integer representability ------------------------------------------------------ */

CTEST(fits_int8_boundaries)
{
	cr_assert(const_fits_int(N(-128), 8, false));
	cr_assert(const_fits_int(N(127), 8, false));
	cr_assert(!const_fits_int(N(-129), 8, false));
	cr_assert(!const_fits_int(N(128), 8, false));
}

CTEST(fits_uint8_boundaries)
{
	cr_assert(const_fits_int(N(0), 8, true));
	cr_assert(const_fits_int(N(255), 8, true));
	cr_assert(!const_fits_int(N(256), 8, true));
	cr_assert(!const_fits_int(N(-1), 8, true));
}

CTEST(fits_64bit_boundaries)
{
	ConstVal *umax = I("18446744073709551615");
	cr_assert(const_fits_int(umax, 64, true));
	cr_assert(!const_fits_int(bin(OP_ADD, umax, N(1)), 64, true));
	cr_assert(!const_fits_int(umax, 64, false));
	ConstVal *min = N(INT64_MIN);
	cr_assert(const_fits_int(min, 64, false));
	cr_assert(!const_fits_int(bin(OP_SUB, min, N(1)), 64, false));
	cr_assert(!const_fits_int(min, 64, true));
	cr_assert(const_fits_int(N(INT64_MAX), 64, false));
	cr_assert(!const_fits_int(bin(OP_ADD, N(INT64_MAX), N(1)), 64, false));
}

CTEST(fits_integer_valued_float)
{
	/* var x int8 = 127.0 is fine; 128.0 overflows */
	cr_assert(const_fits_int(F("127.0"), 8, false));
	cr_assert(!const_fits_int(F("128.0"), 8, false));
	cr_assert(const_fits_int(F("1e18"), 64, false));
	cr_assert(!const_fits_int(F("1e19"), 64, false));
	cr_assert(const_fits_int(F("1e19"), 64, true));
}

CTEST(is_int_value)
{
	cr_assert(const_is_int_value(N(3)));
	cr_assert(const_is_int_value(F("2.0")));
	cr_assert(const_is_int_value(F("1e100")));
	cr_assert(!const_is_int_value(F("2.5")));
	cr_assert(!const_is_int_value(F("1e-100")));
	cr_assert(const_is_int_value(const_to_kind(N(3), CK_COMPLEX)));
	cr_assert(!const_is_int_value(IM("1i")));
	cr_assert(!const_is_int_value(S("1")));
}

CTEST(sign)
{
	cr_assert_eq(const_sign(N(-5)), -1);
	cr_assert_eq(const_sign(N(0)), 0);
	cr_assert_eq(const_sign(I("99999999999999999999999")), 1);
	cr_assert_eq(const_sign(NEG(F("0.001"))), -1);
	cr_assert_eq(const_sign(F("0.0")), 0);
	cr_assert_eq(const_sign(F("1e-300")), 1);
}

/* ---- conversion to machine values ---------------------------------------------------- */

CTEST(to_double_correctly_rounded)
{
	double d;
	cr_assert(const_to_double(F("0.1"), 64, &d));
	cr_assert_eq(d, 0.1);
	cr_assert(const_to_double(F("0.1"), 32, &d));
	cr_assert_eq(d, (double)0.1f);
	cr_assert(const_to_double(F("1e23"), 64, &d));
	cr_assert_eq(d, 1e23);
	cr_assert(const_to_double(bin(OP_DIV, F("1.0"), N(3)), 64, &d));
	cr_assert_eq(d, 1.0 / 3);
	cr_assert(const_to_double(N(-42), 64, &d));
	cr_assert_eq(d, -42.0);
}

CTEST(to_double_ties_to_even)
{
	/* float64(9007199254740993) == 9007199254740992;
	 * float64(9007199254740995) == 9007199254740996 */
	double d;
	cr_assert(const_to_double(N(9007199254740993), 64, &d));
	cr_assert_eq(d, 9007199254740992.0);
	cr_assert(const_to_double(N(9007199254740995), 64, &d));
	cr_assert_eq(d, 9007199254740996.0);
	/* float32(16777217) == 16777216 */
	cr_assert(const_to_double(N(16777217), 32, &d));
	cr_assert_eq(d, 16777216.0);
}

CTEST(to_double_overflow)
{
	double d;
	cr_assert(!const_to_double(F("1e309"), 64, &d));
	cr_assert(!const_to_double(NEG(F("1e309")), 64, &d));
	cr_assert(!const_to_double(const_shift(OP_SHL, N(1), 1024), 64, &d));
	cr_assert(const_to_double(F("1.7976931348623157e308"), 64, &d));
	cr_assert_eq(d, 1.7976931348623157e308);
	/* float32: 1e39 overflows; MaxFloat32 and just below the halfway
	 * point to 2^128 fit; just above it overflows (go build agrees) */
	cr_assert(!const_to_double(F("1e39"), 32, &d));
	cr_assert(const_to_double(F("3.40282346638528859811704183484516925440e+38"), 32, &d));
	cr_assert_eq(d, (double)3.40282346638528859811704183484516925440e+38f);
	cr_assert(const_to_double(F("3.4028235677973366e38"), 32, &d));
	cr_assert(!const_to_double(F("3.4028235677973368e38"), 32, &d));
}

CTEST(to_double_underflow_and_denormals)
{
	double d;
	cr_assert(const_to_double(F("4.9406564584124654e-324"), 64, &d));
	cr_assert_eq(d, 4.9406564584124654e-324);
	cr_assert(const_to_double(F("1e-400"), 64, &d)); /* rounds to 0, not an overflow */
	cr_assert_eq(d, 0.0);
	cr_assert(const_to_double(F("1e-46"), 32, &d)); /* float32(1e-46) == 0 */
	cr_assert_eq(d, 0.0);
}

CTEST(round_float)
{
	ConstVal *r = const_round_float(F("0.1"), 32);
	cr_assert_eq(r->kind, CK_FLOAT);
	cr_assert(!eq(r, F("0.1")));
	mpq_t q;
	mpq_init(q);
	mpq_set_d(q, (double)0.1f);
	cr_assert(mpq_equal(r->f, q));
	r = const_round_float(F("0.1"), 64);
	mpq_set_d(q, 0.1);
	cr_assert(mpq_equal(r->f, q));
	/* float64(1<<53 + 1) is 1<<53 */
	r = const_round_float(const_to_kind(N(9007199254740993), CK_FLOAT), 64);
	cr_assert(eq(r, N(9007199254740992)));
}

CTEST(to_int64_wraps)
{
	cr_assert_eq(const_to_int64(N(-1)), -1);
	cr_assert_eq(const_to_int64(bin(OP_ADD, const_shift(OP_SHL, N(1), 64), N(5))), 5);
	cr_assert_eq(const_to_int64(const_shift(OP_SHL, N(1), 63)), INT64_MIN);
	cr_assert_eq(const_to_int64(I("18446744073709551615")), -1);
	cr_assert_eq(const_to_int64(N(INT64_MIN)), INT64_MIN);
	cr_assert_eq(const_to_int64(F("3.0")), 3);
	cr_assert_eq(const_to_int64(bin(OP_SUB, N(0), const_shift(OP_SHL, N(1), 64))), 0);
}

CTEST(to_uint64_wraps)
{
	cr_assert_eq(const_to_uint64(N(-1)), UINT64_MAX);
	cr_assert_eq(const_to_uint64(I("18446744073709551615")), UINT64_MAX);
	cr_assert_eq(const_to_uint64(N(INT64_MIN)), (uint64_t)1 << 63);
	cr_assert_eq(const_to_uint64(const_shift(OP_SHL, N(1), 64)), 0);
}

/* ---- spelling ---------------------------------------------------------------------- */

CTEST(string_of_ints)
{
	cr_assert_str_eq(str(N(256)), "256");
	cr_assert_str_eq(str(N(-7)), "-7");
	cr_assert_str_eq(str(N(0)), "0");
	cr_assert_str_eq(str(N(INT64_MIN)), "-9223372036854775808");
	/* untyped int constant 1267650600228229401496703205376 */
	cr_assert_str_eq(str(const_shift(OP_SHL, N(1), 100)), "1267650600228229401496703205376");
}

CTEST(string_of_floats)
{
	/* as go build prints them: 1e+100, 1.5, 0.333333, 300, 2.5e-07, 1e+06 */
	cr_assert_str_eq(str(F("1e100")), "1e+100");
	cr_assert_str_eq(str(F("1.5")), "1.5");
	cr_assert_str_eq(str(bin(OP_DIV, F("1.0"), N(3))), "0.333333");
	cr_assert_str_eq(str(F("300.0")), "300");
	cr_assert_str_eq(str(F("2.5e-7")), "2.5e-07");
	cr_assert_str_eq(str(bin(OP_ADD, F("1e6"), F("0.5"))), "1e+06");
	cr_assert_str_eq(str(NEG(F("0.25"))), "-0.25");
	cr_assert_str_eq(str(F("1e-10")), "1e-10");
	cr_assert_str_eq(str(F("1.0000001")), "1");
	cr_assert_str_eq(str(F("0x1p4")), "16");
	/* whole numbers of more than six digits, and values past float64 */
	cr_assert_str_eq(str(F("1e6")), "1e+06");
	cr_assert_str_eq(str(F("1234567.0")), "1.23457e+06");
	cr_assert_str_eq(str(F("1e309")), "1e+309");
	cr_assert_str_eq(str(NEG(F("2.5e400"))), "-2.5e+400");
	cr_assert_str_eq(str(F("1e-400")), "1e-400");
}

CTEST(string_of_strings_and_bools)
{
	cr_assert_str_eq(str(S("abc")), "\"abc\"");
	cr_assert_str_eq(str(S("")), "\"\"");
	cr_assert_str_eq(str(S("a\"b\nc\\")), "\"a\\\"b\\nc\\\\\"");
	cr_assert_str_eq(str(S("\x01")), "\"\\x01\"");
	cr_assert_str_eq(str(S("\xc3\xa9")), "\"\xc3\xa9\""); /* é kept as is */
	cr_assert_str_eq(str(const_bool(true)), "true");
	cr_assert_str_eq(str(const_bool(false)), "false");
}

CTEST(string_of_complex)
{
	cr_assert_str_eq(str(bin(OP_ADD, N(1), IM("2i"))), "(1 + 2i)");
	cr_assert_str_eq(str(IM("1.5i")), "(0 + 1.5i)");
}
