/*
 * constant.c — see constant.h.
 */
#include "constant.h"

#include <gc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *gmp_alloc(size_t n) { return GC_MALLOC_ATOMIC(n); }
static void *gmp_realloc(void *p, size_t old, size_t n)
{
	void *q = GC_MALLOC_ATOMIC(n);
	memcpy(q, p, old < n ? old : n);
	return q;
}
static void gmp_free(void *p, size_t n) { (void)p; (void)n; }

void const_init(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	/* GMP limbs then live on the collected heap and vanish with the
	 * ConstVal that owns them; no mpz_clear is ever needed. */
	mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

static ConstVal *cv_new(ConstKind k)
{
	ConstVal *v = GC_MALLOC(sizeof *v);
	v->kind = k;
	mpz_init(v->i);
	mpq_init(v->f);
	mpq_init(v->im);
	return v;
}

ConstVal *const_bool(bool b)
{
	ConstVal *v = cv_new(CK_BOOL);
	v->b = b;
	return v;
}

ConstVal *const_string(Str s)
{
	ConstVal *v = cv_new(CK_STRING);
	v->s = s;
	return v;
}

ConstVal *const_int64(int64_t x)
{
	ConstVal *v = cv_new(CK_INT);
	mpz_set_si(v->i, x);
	return v;
}

/* Digits of text without '_' separators. */
static char *strip_seps(const char *text)
{
	size_t n = strlen(text);
	char *d = GC_MALLOC_ATOMIC(n + 1), *o = d;
	for (const char *p = text; *p; p++)
		if (*p != '_')
			*o++ = *p;
	*o = 0;
	return d;
}

/* Parse a decimal or hexadecimal float literal exactly into q. */
static bool parse_float(const char *s, mpq_t q)
{
	bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	int base = hex ? 16 : 10;
	const char *p = hex ? s + 2 : s;
	mpz_t mant;
	mpz_init(mant);
	long frac_digits = 0;
	bool seen_point = false;
	for (; *p; p++) {
		int d;
		if (*p == '.') {
			seen_point = true;
			continue;
		}
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (hex && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'f'))
			d = (*p | 0x20) - 'a' + 10;
		else
			break;
		mpz_mul_ui(mant, mant, (unsigned long)base);
		mpz_add_ui(mant, mant, (unsigned long)d);
		if (seen_point)
			frac_digits++;
	}
	long exp = 0;
	if (*p == 'e' || *p == 'E' || *p == 'p' || *p == 'P') {
		exp = strtol(p + 1, NULL, 10);
		if (exp > 100000 || exp < -100000)
			return false;
	}
	mpq_set_z(q, mant);
	/* value = mant * base^-frac * (10 or 2)^exp */
	mpz_t pw;
	mpz_init(pw);
	mpz_ui_pow_ui(pw, (unsigned long)base, (unsigned long)frac_digits);
	mpq_t t;
	mpq_init(t);
	mpq_set_z(t, pw);
	mpq_div(q, q, t);
	int eb = hex ? 2 : 10;
	mpz_ui_pow_ui(pw, (unsigned long)eb, (unsigned long)labs(exp));
	mpq_set_z(t, pw);
	if (exp >= 0)
		mpq_mul(q, q, t);
	else
		mpq_div(q, q, t);
	mpq_canonicalize(q);
	return true;
}

ConstVal *const_from_literal(LitKind kind, const char *text, int32_t rune)
{
	char *s = strip_seps(text);
	ConstVal *v;
	switch (kind) {
	case LIT_INT: {
		v = cv_new(CK_INT);
		int base = 10;
		const char *p = s;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			base = 16, p = s + 2;
		else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
			base = 2, p = s + 2;
		else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
			base = 8, p = s + 2;
		else if (s[0] == '0' && s[1])
			base = 8, p = s + 1;
		if (mpz_set_str(v->i, p, base) != 0)
			return NULL;
		return v;
	}
	case LIT_FLOAT:
		v = cv_new(CK_FLOAT);
		if (!parse_float(s, v->f))
			return NULL;
		return v;
	case LIT_IMAG: {
		v = cv_new(CK_COMPLEX);
		size_t n = strlen(s);
		if (n && s[n - 1] == 'i')
			s[n - 1] = 0;
		/* 0123i is decimal 123i, for historical reasons; 0b and 0o
		 * prefixes are integers */
		if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B' || s[1] == 'o' || s[1] == 'O')) {
			mpz_t z;
			mpz_init(z);
			if (mpz_set_str(z, s + 2, (s[1] | 0x20) == 'b' ? 2 : 8) != 0)
				return NULL;
			mpq_set_z(v->im, z);
			return v;
		}
		if (!parse_float(s, v->im))
			return NULL;
		return v;
	}
	case LIT_RUNE:
		return const_int64(rune);
	default:
		return NULL;
	}
}

ConstVal *const_to_kind(const ConstVal *v, ConstKind k)
{
	if (v->kind >= k || v->kind < CK_INT)
		return (ConstVal *)v;
	ConstVal *r = cv_new(k);
	if (v->kind == CK_INT)
		mpq_set_z(r->f, v->i);
	else
		mpq_set(r->f, v->f);
	if (k == CK_INT)
		mpz_set(r->i, v->i);
	return r;
}

static ConstKind max_kind(ConstKind a, ConstKind b) { return a > b ? a : b; }

ConstVal *const_binary(Op op, const ConstVal *x, const ConstVal *y, bool integer_div, bool *divzero)
{
	*divzero = false;
	if (x->kind == CK_STRING && y->kind == CK_STRING && op == OP_ADD) {
		size_t n = x->s.len + y->s.len;
		char *d = GC_MALLOC_ATOMIC(n + 1);
		memcpy(d, x->s.s, x->s.len);
		memcpy(d + x->s.len, y->s.s, y->s.len);
		d[n] = 0;
		return const_string((Str){d, n});
	}
	if (x->kind == CK_BOOL && y->kind == CK_BOOL) {
		if (op == OP_ANDAND)
			return const_bool(x->b && y->b);
		if (op == OP_OROR)
			return const_bool(x->b || y->b);
		return NULL;
	}
	if (x->kind < CK_INT || y->kind < CK_INT)
		return NULL;
	ConstKind k = max_kind(x->kind, y->kind);
	if (op == OP_DIV && !integer_div && k == CK_INT)
		k = CK_FLOAT; /* untyped 1/2 with a float operand elsewhere */
	x = const_to_kind(x, k);
	y = const_to_kind(y, k);
	ConstVal *r = cv_new(k);
	if (k == CK_INT) {
		switch (op) {
		case OP_ADD: mpz_add(r->i, x->i, y->i); break;
		case OP_SUB: mpz_sub(r->i, x->i, y->i); break;
		case OP_MUL: mpz_mul(r->i, x->i, y->i); break;
		case OP_DIV:
		case OP_REM:
			if (mpz_sgn(y->i) == 0) {
				*divzero = true;
				return NULL;
			}
			/* Go truncates toward zero */
			if (op == OP_DIV)
				mpz_tdiv_q(r->i, x->i, y->i);
			else
				mpz_tdiv_r(r->i, x->i, y->i);
			break;
		case OP_AND: mpz_and(r->i, x->i, y->i); break;
		case OP_OR: mpz_ior(r->i, x->i, y->i); break;
		case OP_XOR: mpz_xor(r->i, x->i, y->i); break;
		case OP_ANDNOT: {
			mpz_t c;
			mpz_init(c);
			mpz_com(c, y->i);
			mpz_and(r->i, x->i, c);
			break;
		}
		default: return NULL;
		}
		return r;
	}
	if (k == CK_FLOAT) {
		switch (op) {
		case OP_ADD: mpq_add(r->f, x->f, y->f); break;
		case OP_SUB: mpq_sub(r->f, x->f, y->f); break;
		case OP_MUL: mpq_mul(r->f, x->f, y->f); break;
		case OP_DIV:
			if (mpq_sgn(y->f) == 0) {
				*divzero = true;
				return NULL;
			}
			mpq_div(r->f, x->f, y->f);
			break;
		default: return NULL;
		}
		return r;
	}
	/* complex */
	mpq_t a, b;
	mpq_init(a);
	mpq_init(b);
	switch (op) {
	case OP_ADD: mpq_add(r->f, x->f, y->f); mpq_add(r->im, x->im, y->im); break;
	case OP_SUB: mpq_sub(r->f, x->f, y->f); mpq_sub(r->im, x->im, y->im); break;
	case OP_MUL:
		mpq_mul(a, x->f, y->f); mpq_mul(b, x->im, y->im); mpq_sub(r->f, a, b);
		mpq_mul(a, x->f, y->im); mpq_mul(b, x->im, y->f); mpq_add(r->im, a, b);
		break;
	case OP_DIV: {
		mpq_t den;
		mpq_init(den);
		mpq_mul(a, y->f, y->f); mpq_mul(b, y->im, y->im); mpq_add(den, a, b);
		if (mpq_sgn(den) == 0) {
			*divzero = true;
			return NULL;
		}
		mpq_mul(a, x->f, y->f); mpq_mul(b, x->im, y->im); mpq_add(a, a, b); mpq_div(r->f, a, den);
		mpq_mul(a, x->im, y->f); mpq_mul(b, x->f, y->im); mpq_sub(a, a, b); mpq_div(r->im, a, den);
		break;
	}
	default: return NULL;
	}
	return r;
}

ConstVal *const_shift(Op op, const ConstVal *x, uint64_t s)
{
	ConstVal *r = cv_new(CK_INT);
	mpz_t xi;
	mpz_init(xi);
	if (x->kind == CK_INT)
		mpz_set(xi, x->i);
	else
		mpz_set_q(xi, x->f);
	if (op == OP_SHL)
		mpz_mul_2exp(r->i, xi, s);
	else
		mpz_fdiv_q_2exp(r->i, xi, s); /* arithmetic shift: rounds toward -inf */
	return r;
}

bool const_compare(Op op, const ConstVal *x, const ConstVal *y)
{
	int c;
	if (x->kind == CK_STRING) {
		size_t n = x->s.len < y->s.len ? x->s.len : y->s.len;
		c = memcmp(x->s.s, y->s.s, n);
		if (c == 0)
			c = x->s.len < y->s.len ? -1 : x->s.len > y->s.len;
	} else if (x->kind == CK_BOOL) {
		c = x->b != y->b;
	} else {
		ConstKind k = max_kind(x->kind, y->kind);
		x = const_to_kind(x, k);
		y = const_to_kind(y, k);
		if (k == CK_INT)
			c = mpz_cmp(x->i, y->i);
		else if (k == CK_FLOAT)
			c = mpq_cmp(x->f, y->f);
		else
			c = !(mpq_equal(x->f, y->f) && mpq_equal(x->im, y->im));
	}
	switch (op) {
	case OP_EQ: return c == 0;
	case OP_NE: return c != 0;
	case OP_LT: return c < 0;
	case OP_LE: return c <= 0;
	case OP_GT: return c > 0;
	case OP_GE: return c >= 0;
	default: return false;
	}
}

ConstVal *const_unary(Op op, const ConstVal *x, int bits, bool is_unsigned)
{
	if (op == OP_NOT && x->kind == CK_BOOL)
		return const_bool(!x->b);
	if (op == OP_ADD)
		return (ConstVal *)x;
	ConstVal *r = cv_new(x->kind);
	if (op == OP_SUB) {
		if (x->kind == CK_INT)
			mpz_neg(r->i, x->i);
		else {
			mpq_neg(r->f, x->f);
			mpq_neg(r->im, x->im);
		}
		return r;
	}
	if (op == OP_XOR && x->kind == CK_INT) {
		if (is_unsigned && bits > 0) {
			/* ^x for an unsigned type flips exactly `bits` bits */
			mpz_t m;
			mpz_init(m);
			mpz_setbit(m, (mp_bitcnt_t)bits);
			mpz_sub_ui(m, m, 1);
			mpz_xor(r->i, x->i, m);
		} else {
			mpz_com(r->i, x->i);
		}
		return r;
	}
	return NULL;
}

bool const_is_int_value(const ConstVal *v)
{
	if (v->kind == CK_INT)
		return true;
	if (v->kind == CK_FLOAT)
		return mpz_cmp_ui(mpq_denref(v->f), 1) == 0;
	if (v->kind == CK_COMPLEX)
		return mpq_sgn(v->im) == 0 && mpz_cmp_ui(mpq_denref(v->f), 1) == 0;
	return false;
}

ConstVal *const_to_int_value(const ConstVal *v)
{
	if (v->kind == CK_INT || !const_is_int_value(v))
		return (ConstVal *)v;
	ConstVal *r = cv_new(CK_INT);
	mpz_set_q(r->i, v->f);
	return r;
}

static void as_mpz(const ConstVal *v, mpz_t out)
{
	if (v->kind == CK_INT)
		mpz_set(out, v->i);
	else
		mpz_set_q(out, v->f);
}

bool const_fits_int(const ConstVal *v, int bits, bool is_unsigned)
{
	mpz_t z, lo, hi;
	mpz_inits(z, lo, hi, NULL);
	as_mpz(v, z);
	if (is_unsigned) {
		mpz_set_ui(lo, 0);
		mpz_setbit(hi, (mp_bitcnt_t)bits);
		mpz_sub_ui(hi, hi, 1);
	} else {
		mpz_setbit(hi, (mp_bitcnt_t)(bits - 1));
		mpz_neg(lo, hi);
		mpz_sub_ui(hi, hi, 1);
	}
	return mpz_cmp(z, lo) >= 0 && mpz_cmp(z, hi) <= 0;
}

/* Correctly rounded conversion: GMP's mpq_get_d truncates, so go through
 * a decimal string that strtod rounds exactly. */
/* q rounded to the nearest binary floating-point value with mant bits of
 * significand, exponents of its last bit from emin (subnormals there) to
 * emax, ties to even, as Go rounds constants: exactly, from the rational
 * (a decimal string of limited length can fall just short of a tie). The
 * result is exact in a double. */
static double q_round(const mpq_t q, int mant, long emin, long emax)
{
	int sgn = mpq_sgn(q);
	if (sgn == 0)
		return 0.0;
	mpz_t n, d, m, r, t;
	mpz_inits(n, d, m, r, t, NULL);
	mpz_abs(n, mpq_numref(q));
	mpz_set(d, mpq_denref(q));
	/* q / 2^e = m + r/D, with m of mant bits unless e is at emin */
	long e = (long)mpz_sizeinbase(n, 2) - (long)mpz_sizeinbase(d, 2) - mant;
	for (int guard = 0; guard < 8; guard++) {
		if (e < emin)
			e = emin;
		if (e >= 0) {
			mpz_mul_2exp(t, d, (mp_bitcnt_t)e);
			mpz_tdiv_qr(m, r, n, t);
		} else {
			mpz_mul_2exp(t, n, (mp_bitcnt_t)-e);
			mpz_tdiv_qr(m, r, t, d);
			mpz_set(t, d);
		}
		if (mpz_sizeinbase(m, 2) > (size_t)mant && mpz_sgn(m)) {
			e++;
			continue;
		}
		if (mpz_sgn(m) && mpz_sizeinbase(m, 2) < (size_t)mant && e > emin) {
			e--;
			continue;
		}
		break;
	}
	/* t is the divisor D: round half to even by 2r against D */
	mpz_mul_2exp(r, r, 1);
	int c = mpz_cmp(r, t);
	if (c > 0 || (c == 0 && mpz_odd_p(m)))
		mpz_add_ui(m, m, 1);
	if (mpz_sizeinbase(m, 2) > (size_t)mant) {
		mpz_fdiv_q_2exp(m, m, 1);
		e++;
	}
	double v = e > emax ? HUGE_VAL : ldexp(mpz_get_d(m), (int)e);
	mpz_clears(n, d, m, r, t, NULL);
	return sgn < 0 ? -v : v;
}

static double q_to_double(const mpq_t q, int bits)
{
	if (bits == 32)
		return q_round(q, 24, -149, 104);
	return q_round(q, 53, -1074, 971);
}

bool const_to_double(const ConstVal *v, int bits, double *out)
{
	double d;
	if (v->kind == CK_INT) {
		mpq_t q;
		mpq_init(q);
		mpq_set_z(q, v->i);
		d = q_to_double(q, bits);
	} else {
		d = q_to_double(v->f, bits);
	}
	*out = d;
	return !isinf(d);
}

ConstVal *const_round_float(const ConstVal *v, int bits)
{
	double d;
	const_to_double(v, bits, &d);
	ConstVal *r = cv_new(CK_FLOAT);
	mpq_set_d(r->f, d);
	return r;
}

int64_t const_to_int64(const ConstVal *v)
{
	return (int64_t)const_to_uint64(v);
}

uint64_t const_to_uint64(const ConstVal *v)
{
	mpz_t z, m;
	mpz_inits(z, m, NULL);
	as_mpz(v, z);
	mpz_setbit(m, 64);
	mpz_fdiv_r(z, z, m); /* into [0, 2^64) */
	uint64_t lo = mpz_getlimbn(z, 0);
	if (sizeof(mp_limb_t) < 8)
		lo |= (uint64_t)mpz_getlimbn(z, 1) << 32;
	return lo;
}

int const_sign(const ConstVal *v)
{
	if (v->kind == CK_INT)
		return mpz_sgn(v->i);
	return mpq_sgn(v->f);
}

/* A float the way Go's constant messages print it (go/constant's String):
 * %.6g of the nearest float64 ("1e+06", "0.333333"), or, past float64's
 * range (where that would be inf or 0), the same six digits with an
 * exponent worked out from the binary one, so 1e309 is "1e+309". */
static char *float_text(const mpq_t q)
{
	char buf[128];
	ConstVal v = {.kind = CK_FLOAT};
	mpq_init(v.f);
	mpq_set(v.f, q);
	double d;
	bool finite = const_to_double(&v, 64, &d);
	mpq_clear(v.f);
	if (mpq_sgn(q) == 0 || (finite && d != 0)) {
		snprintf(buf, sizeof buf, "%.6g", d);
		return ast_strndup(buf, strlen(buf));
	}
	mpf_t f;
	mpf_init2(f, 512);
	mpf_set_q(f, q);
	long exp;
	double m = mpf_get_d_2exp(&exp, f); /* 0.5 <= |m| < 1 */
	mpf_clear(f);
	/* the decimal exponent: exp * log10(2), its fraction moved into m */
	double dexp = (double)exp * 0.30102999566398119521373889472449302676818988146210854131;
	long long e = (long long)dexp;
	m *= pow(10, dexp - (double)e);
	if (fabs(m) < 1 - 0.5e-6) {
		m *= 10;
		e--;
	} else if (fabs(m) >= 10) {
		m /= 10;
		e++;
	}
	snprintf(buf, sizeof buf, "%.6ge%+lld", m, e);
	return ast_strndup(buf, strlen(buf));
}

char *const_string_of(const ConstVal *v)
{
	char buf[64];
	switch (v->kind) {
	case CK_BOOL:
		return v->b ? "true" : "false";
	case CK_STRING: {
		size_t n = v->s.len;
		char *d = GC_MALLOC_ATOMIC(n * 4 + 3), *o = d;
		*o++ = '"';
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)v->s.s[i];
			if (c == '"' || c == '\\') {
				*o++ = '\\';
				*o++ = (char)c;
			} else if (c == '\n') {
				*o++ = '\\';
				*o++ = 'n';
			} else if (c < 0x20) {
				o += sprintf(o, "\\x%02x", c);
			} else {
				*o++ = (char)c;
			}
		}
		*o++ = '"';
		*o = 0;
		return d;
	}
	case CK_INT:
		return mpz_get_str(NULL, 10, v->i);
	case CK_FLOAT:
		return float_text(v->f);
	case CK_COMPLEX:
		snprintf(buf, sizeof buf, "(%s + %si)", float_text(v->f), float_text(v->im));
		return ast_strndup(buf, strlen(buf));
	}
	return "?";
}
