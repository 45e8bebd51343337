/*
 * fmtfloat.c — see fmtfloat.h.
 *
 * Two halves, as in Go's strconv/ftoa.go:
 *
 *  1. Digits: a decimal digit string d[0..nd) with decimal point position dp
 *     (value = 0.d[0]d[1]... * 10^dp), trailing zeros trimmed, zero being
 *     nd = dp = 0. Go's digit generators (Ryu, and its exact big-decimal
 *     fallback) all yield the exactly rounded digits with ties to even and
 *     trim trailing zeros, so any exact method gives the same Digits; here
 *     glibc's snprintf (exactly rounded, ties to even in the default rounding
 *     mode) produces them, and the shortest digits are found by a round-trip
 *     search (see shortest_digits).
 *
 *  2. Layout: fmt_e, fmt_f and format_digits are line-by-line ports of Go's
 *     fmtE, fmtF and formatDigits; fmt_b and fmt_x of fmtB and fmtX, which
 *     work on the binary mantissa and exponent directly.
 */
#include "fmtfloat.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A double's exact decimal expansion has at most 767 significant digits, so
 * trimmed digit strings always fit. */
#define MAXDIGITS 800

typedef struct Digits {
	char d[MAXDIGITS];
	int nd, dp;
} Digits;

/* Output sink with snprintf semantics: writes what fits, counts everything. */
typedef struct Out {
	char *buf;
	size_t cap, len;
} Out;

static void put(Out *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void puts_(Out *o, const char *s)
{
	while (*s)
		put(o, *s++);
}

static void put_uint(Out *o, uint64_t v)
{
	char tmp[24];
	int i = 0;
	do {
		tmp[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i > 0)
		put(o, tmp[--i]);
}

/* ---- digit generation ---------------------------------------------------- */

/* Trim trailing zeros; an all-zero string is the value zero (nd = dp = 0),
 * as Go represents it. */
static void trim(Digits *dg)
{
	while (dg->nd > 0 && dg->d[dg->nd - 1] == '0')
		dg->nd--;
	if (dg->nd == 0)
		dg->dp = 0;
}

/* Parse snprintf's "%.Ne" output ("d.ddd" or "d", then "e±XX") of a
 * non-negative value into dg. */
static void parse_e(Digits *dg, const char *s)
{
	dg->nd = 0;
	for (; *s && *s != 'e'; s++)
		if (*s != '.' && dg->nd < MAXDIGITS)
			dg->d[dg->nd++] = *s;
	dg->dp = (*s == 'e' ? atoi(s + 1) : 0) + 1;
	trim(dg);
}

/* Parse snprintf's "%.Nf" output of a non-negative value into dg. Leading
 * zeros move the decimal point left. Digits past MAXDIGITS can only be the
 * zeros after the exact expansion ends, so dropping them loses nothing. */
static void parse_f(Digits *dg, const char *s)
{
	int dp = 0, nd = 0;
	bool seen_point = false, leading = true;
	for (; *s; s++) {
		if (*s == '.') {
			seen_point = true;
			continue;
		}
		if (!seen_point)
			dp++;
		if (leading && *s == '0') {
			dp--;
			continue;
		}
		leading = false;
		if (nd < MAXDIGITS)
			dg->d[nd++] = *s;
	}
	dg->nd = nd;
	dg->dp = dp;
	trim(dg);
}

/* snprintf into a stack buffer, or a heap one when the result is long
 * ('f' of 1e308, or a large explicit precision). Returns the string; *heap
 * is set to what must be freed (or NULL). */
static char *fmt_libc(char *stackbuf, size_t stackn, char **heap, const char *f, int prec, double v)
{
	*heap = NULL;
	int need = snprintf(stackbuf, stackn, f, prec, v);
	if (need >= 0 && (size_t)need < stackn)
		return stackbuf;
	*heap = malloc((size_t)need + 1);
	if (!*heap)
		abort();
	snprintf(*heap, (size_t)need + 1, f, prec, v);
	return *heap;
}

/* Exactly rounded digits of the non-negative finite v: with fmt 'f', prec
 * digits after the decimal point; otherwise ndig significant digits. */
static void fixed_digits(Digits *dg, double v, char fmt, int prec, int ndig)
{
	char stackbuf[512], *heap;
	const char *s;
	if (fmt == 'f') {
		s = fmt_libc(stackbuf, sizeof stackbuf, &heap, "%.*f", prec, v);
		parse_f(dg, s);
	} else {
		s = fmt_libc(stackbuf, sizeof stackbuf, &heap, "%.*e", ndig - 1, v);
		parse_e(dg, s);
	}
	free(heap);
}

/* Does the decimal m * 10^q (m > 0) read back as exactly v? strtod/strtof
 * round to nearest, ties to even, as Go's parser does, so this is exactly
 * "m * 10^q lies in v's rounding interval, boundaries included when v's
 * mantissa is even" — Go's admissibility rule for shortest digits. */
static bool round_trips(uint64_t m, int q, double v, bool is32)
{
	char s[48];
	int i = sizeof s;
	s[--i] = '\0';
	int e = q < 0 ? -q : q;
	do {
		s[--i] = (char)('0' + e % 10);
		e /= 10;
	} while (e);
	if (q < 0)
		s[--i] = '-';
	s[--i] = 'e';
	do {
		s[--i] = (char)('0' + m % 10);
		m /= 10;
	} while (m);
	if (is32)
		return strtof(s + i, NULL) == (float)v;
	return strtod(s + i, NULL) == v;
}

static const uint64_t pow10u[] = {
	1ull,
	10ull,
	100ull,
	1000ull,
	10000ull,
	100000ull,
	1000000ull,
	10000000ull,
	100000000ull,
	1000000000ull,
	10000000000ull,
	100000000000ull,
	1000000000000ull,
	10000000000000ull,
	100000000000000ull,
	1000000000000000ull,
	10000000000000000ull,
	100000000000000000ull,
	1000000000000000000ull,
};

/* The long expansion shortest_digits rounds from: 26 significant digits. */
#define LONGDIGITS 26

typedef struct Long {
	char d[LONGDIGITS + 1]; /* exactly LONGDIGITS digits */
	int exp;                /* value = d[0].d[1..] * 10^exp */
	double v;
} Long;

/* The p-digit (p <= 17) decimal nearest to v, as m * 10^q with
 * 10^(p-1) <= m < 10^p, rounding the long expansion. Rounding a rounded
 * string twice is wrong only when the long string's tail past p reads
 * exactly 5000...0 (the true tail may be just above or below one half, or
 * be the exact tie); then ask snprintf for p digits directly. */
static void nearest(const Long *L, int p, uint64_t *m, int *q)
{
	uint64_t mm = 0;
	for (int i = 0; i < p; i++)
		mm = mm * 10 + (uint64_t)(L->d[i] - '0');
	int qq = L->exp - p + 1;
	char c = L->d[p];
	bool up;
	if (c != '5') {
		up = c > '5';
	} else {
		bool rest_zero = true;
		for (int i = p + 1; i < LONGDIGITS; i++)
			if (L->d[i] != '0')
				rest_zero = false;
		if (rest_zero) {
			char s[40];
			snprintf(s, sizeof s, "%.*e", p - 1, L->v);
			mm = 0;
			const char *t = s;
			for (; *t != 'e'; t++)
				if (*t != '.')
					mm = mm * 10 + (uint64_t)(*t - '0');
			*m = mm;
			*q = atoi(t + 1) - p + 1;
			return;
		}
		up = true;
	}
	if (up && ++mm == pow10u[p]) {
		mm = pow10u[p - 1];
		qq++;
	}
	*m = mm;
	*q = qq;
}

/* Is there a p-digit decimal that reads back as v? If so, store the one Go
 * picks (the nearest to v) in *m, *q.
 *
 * Rounding intervals are symmetric around v except when v's mantissa is a
 * power of two (asym), where the gap below is half the gap above. In the
 * symmetric case, if any p-digit decimal is admissible then so is the
 * nearest one. In the asymmetric case the nearest may fall just below the
 * narrow lower boundary while its upper neighbour is still inside — that
 * neighbour is then the only admissible p-digit decimal. */
static bool try_prec(const Long *L, int p, bool asym, bool is32, uint64_t *m, int *q)
{
	nearest(L, p, m, q);
	if (round_trips(*m, *q, L->v, is32))
		return true;
	if (asym) {
		uint64_t m2 = *m + 1;
		int q2 = *q;
		if (m2 == pow10u[p]) {
			m2 = pow10u[p - 1];
			q2++;
		}
		if (round_trips(m2, q2, L->v, is32)) {
			*m = m2;
			*q = q2;
			return true;
		}
	}
	return false;
}

/* The shortest digits that read back as v (positive, finite) as a float64,
 * or as a float32 when is32, the nearest to v among those — what Go's ryuFtoaShortest
 * yields. Admissibility is monotone in p (a p-digit decimal with a zero
 * appended is a (p+1)-digit one), so binary search finds the least p; 17
 * digits always suffice for float64 and 9 for float32. */
static void shortest_digits(Digits *dg, double v, bool asym, bool is32)
{
	Long L;
	char s[48];
	snprintf(s, sizeof s, "%.*e", LONGDIGITS - 1, v);
	int nd = 0;
	const char *t = s;
	for (; *t != 'e'; t++)
		if (*t != '.')
			L.d[nd++] = *t;
	L.d[nd] = '\0';
	L.exp = atoi(t + 1);
	L.v = v;

	uint64_t m = 0, bm = 0;
	int q = 0, bq = 0;
	int lo = 1, hi = is32 ? 9 : 17;
	bool have_hi = false;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (try_prec(&L, mid, asym, is32, &m, &q)) {
			hi = mid;
			bm = m;
			bq = q;
			have_hi = true;
		} else {
			lo = mid + 1;
		}
	}
	/* hi only moves on success, so bm, bq belong to the final hi (= lo);
	 * without any success lo is the maximum, which always round-trips. */
	if (!have_hi)
		try_prec(&L, lo, asym, is32, &bm, &bq);
	/* bm holds exactly lo significant digits (10^(lo-1) <= bm < 10^lo). */
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + bm % 10);
		bm /= 10;
	} while (bm);
	dg->nd = n;
	for (int i = 0; i < n; i++)
		dg->d[i] = tmp[n - 1 - i];
	dg->dp = bq + n;
	trim(dg);
}

/* ---- layout (ports of strconv/ftoa.go) ----------------------------------- */

static void fmt_e(Out *o, bool neg, const Digits *dg, int prec, char fmt)
{
	if (neg)
		put(o, '-');
	put(o, dg->nd != 0 ? dg->d[0] : '0');
	if (prec > 0) {
		put(o, '.');
		int i = 1;
		int m = dg->nd < prec + 1 ? dg->nd : prec + 1;
		for (; i < m; i++)
			put(o, dg->d[i]);
		for (; i <= prec; i++)
			put(o, '0');
	}
	put(o, fmt);
	int exp = dg->nd == 0 ? 0 : dg->dp - 1; /* zero has exponent 0 */
	if (exp < 0) {
		put(o, '-');
		exp = -exp;
	} else {
		put(o, '+');
	}
	/* At least two exponent digits, as Go (and C) print. */
	if (exp < 10)
		put(o, '0');
	put_uint(o, (uint64_t)exp);
}

static void fmt_f(Out *o, bool neg, const Digits *dg, int prec)
{
	if (neg)
		put(o, '-');
	if (dg->dp > 0) {
		int m = dg->nd < dg->dp ? dg->nd : dg->dp;
		for (int i = 0; i < m; i++)
			put(o, dg->d[i]);
		for (; m < dg->dp; m++)
			put(o, '0');
	} else {
		put(o, '0');
	}
	if (prec > 0) {
		put(o, '.');
		for (int i = 0; i < prec; i++) {
			int j = dg->dp + i;
			put(o, 0 <= j && j < dg->nd ? dg->d[j] : '0');
		}
	}
}

/* prec here is Go's adjusted precision: for shortest digits, the count
 * derived from the digits themselves; for 'g', never 0. */
static void format_digits(Out *o, bool shortest, bool neg, const Digits *dg, int prec, char fmt)
{
	switch (fmt) {
	case 'e':
	case 'E':
		fmt_e(o, neg, dg, prec, fmt);
		return;
	case 'f':
		fmt_f(o, neg, dg, prec);
		return;
	case 'g':
	case 'G': {
		int eprec = prec;
		if (eprec > dg->nd && dg->nd >= dg->dp)
			eprec = dg->nd;
		/* %e is used if the exponent from the conversion is less than -4
		 * or greater than or equal to the precision; for shortest digits
		 * Go decides with precision 6. */
		if (shortest)
			eprec = 6;
		int exp = dg->dp - 1;
		if (exp < -4 || exp >= eprec) {
			if (prec > dg->nd)
				prec = dg->nd;
			fmt_e(o, neg, dg, prec - 1, (char)(fmt + 'e' - 'g'));
			return;
		}
		if (prec > dg->dp)
			prec = dg->nd;
		fmt_f(o, neg, dg, prec - dg->dp > 0 ? prec - dg->dp : 0);
		return;
	}
	}
	put(o, '%');
	put(o, fmt);
}

/* mant and exp as Go's genericFtoa leaves them: value = mant * 2^(exp -
 * mantbits), with the implicit bit already in mant. */
static void fmt_b(Out *o, bool neg, uint64_t mant, int exp, int mantbits)
{
	if (neg)
		put(o, '-');
	put_uint(o, mant);
	put(o, 'p');
	exp -= mantbits;
	if (exp >= 0) {
		put(o, '+');
	} else {
		put(o, '-');
		exp = -exp;
	}
	put_uint(o, (uint64_t)exp);
}

static void fmt_x(Out *o, int prec, char fmt, bool neg, uint64_t mant, int exp, int mantbits)
{
	if (mant == 0)
		exp = 0;
	/* Shift so the leading 1 is at bit 60 (the integer digit). */
	mant <<= 60 - mantbits;
	while (mant != 0 && (mant & (1ull << 60)) == 0) {
		mant <<= 1;
		exp--;
	}
	/* Round to prec hex digits, ties to even. */
	if (prec >= 0 && prec < 15) {
		unsigned shift = (unsigned)prec * 4;
		uint64_t extra = (mant << shift) & ((1ull << 60) - 1);
		mant >>= 60 - shift;
		if ((extra | (mant & 1)) > (1ull << 59))
			mant++;
		mant <<= 60 - shift;
		if (mant & (1ull << 61)) {
			/* Wrapped around. */
			mant >>= 1;
			exp++;
		}
	}
	const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	if (neg)
		put(o, '-');
	put(o, '0');
	put(o, fmt);
	put(o, (char)('0' + ((mant >> 60) & 1)));
	mant <<= 4; /* remove leading 0 or 1 */
	if (prec < 0 && mant != 0) {
		put(o, '.');
		while (mant != 0) {
			put(o, hex[(mant >> 60) & 15]);
			mant <<= 4;
		}
	} else if (prec > 0) {
		put(o, '.');
		for (int i = 0; i < prec; i++) {
			put(o, hex[(mant >> 60) & 15]);
			mant <<= 4;
		}
	}
	put(o, fmt == 'X' ? 'P' : 'p');
	if (exp < 0) {
		put(o, '-');
		exp = -exp;
	} else {
		put(o, '+');
	}
	if (exp < 10)
		put(o, '0');
	put_uint(o, (uint64_t)exp);
}

/* ---- entry points --------------------------------------------------------- */

static int finish(Out *o)
{
	if (o->cap > 0)
		o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
	return (int)o->len;
}

int fmtfloat_format(char *buf, size_t n, double val, char fmt, int prec, int bitsize)
{
	Out o = {buf, n, 0};
	bool is32 = bitsize == 32;
	int mantbits = is32 ? 23 : 52, expbits = is32 ? 8 : 11, bias = is32 ? -127 : -1023;
	uint64_t bits;
	double v;
	if (is32) {
		float f = (float)val;
		uint32_t b32;
		memcpy(&b32, &f, sizeof b32);
		bits = b32;
		v = f;
	} else {
		memcpy(&bits, &val, sizeof bits);
		v = val;
	}
	bool neg = (bits >> (expbits + mantbits)) != 0;
	int exp = (int)(bits >> mantbits) & ((1 << expbits) - 1);
	uint64_t mant = bits & ((1ull << mantbits) - 1);

	if (exp == (1 << expbits) - 1) {
		puts_(&o, mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
		return finish(&o);
	}
	/* Go's asymmetric-interval condition (roundShortest / computeBounds):
	 * a bare power of two above the smallest normal exponent. */
	bool asym = mant == 0 && exp > 1;
	if (exp == 0)
		exp++; /* denormal */
	else
		mant |= 1ull << mantbits;
	exp += bias;

	if (fmt == 'b') {
		fmt_b(&o, neg, mant, exp, mantbits);
		return finish(&o);
	}
	if (fmt == 'x' || fmt == 'X') {
		fmt_x(&o, prec, fmt, neg, mant, exp, mantbits);
		return finish(&o);
	}

	Digits dg;
	double a = neg ? -v : v; /* fabs without libm */
	bool shortest = prec < 0;
	if (shortest) {
		if (a == 0) {
			dg.nd = dg.dp = 0;
		} else {
			shortest_digits(&dg, a, asym, is32);
		}
		switch (fmt) {
		case 'e':
		case 'E':
			prec = dg.nd - 1 > 0 ? dg.nd - 1 : 0;
			break;
		case 'f':
			prec = dg.nd - dg.dp > 0 ? dg.nd - dg.dp : 0;
			break;
		case 'g':
		case 'G':
			prec = dg.nd;
			break;
		}
	} else {
		switch (fmt) {
		case 'e':
		case 'E':
			fixed_digits(&dg, a, 'e', prec, prec + 1);
			break;
		case 'f':
			fixed_digits(&dg, a, 'f', prec, 0);
			break;
		case 'g':
		case 'G':
			if (prec == 0)
				prec = 1;
			fixed_digits(&dg, a, 'e', prec, prec);
			break;
		default:
			dg.nd = dg.dp = 0;
			break;
		}
	}
	format_digits(&o, shortest, neg, &dg, prec, fmt);
	return finish(&o);
}

int fmtfloat_v(char *buf, size_t n, double v, int bitsize)
{
	return fmtfloat_format(buf, n, v, 'g', -1, bitsize);
}
