/*
 * strconv.c — Go's package strconv: parsing and formatting numbers and
 * booleans, quoting and unquoting, with go1.19's accepted syntax (signs,
 * base prefixes and underscores, "inf"/"nan", hex floats), its range
 * clamping and its *NumError values ("strconv.Atoi: parsing \"x\": invalid
 * syntax"). Floats are parsed by glibc's correctly rounded strtod/strtof
 * after Go's syntax check, and printed by fmtfloat (Go's shortest and
 * fixed-precision layouts).
 */
#include "stdlib_natives.h"
#include "fmt.h"
#include "fmtfloat.h"
#include "rt.h"
#include "vm.h"

#include <errno.h>
#include <gc.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(v) ((GolString *)(v).p)

/* ---- errors ------------------------------------------------------------------------------ */

static GolIface *err_range, *err_syntax;
static pthread_mutex_t err_lock = PTHREAD_MUTEX_INITIALIZER;

static void make_errors(void)
{
	pthread_mutex_lock(&err_lock);
	if (!err_range) {
		err_syntax = std_error("invalid syntax", 14);
		err_range = std_error("value out of range", 18);
	}
	pthread_mutex_unlock(&err_lock);
}

static int v_err_range(VM *vm, Value *a, int n, Value *r)
{
	make_errors();
	r[0].p = err_range;
	return 0;
}

static int v_err_syntax(VM *vm, Value *a, int n, Value *r)
{
	make_errors();
	r[0].p = err_syntax;
	return 0;
}

static Type *numerror_ptr;

/* A *NumError{Func, Num, Err} boxed as an error. */
static GolIface *num_error(const char *fn, GolString *num, GolIface *err)
{
	Type *ptr = RT_LAZY(numerror_ptr, rtype_canon(type_pointer(std_named_type("strconv", "NumError"))));
	Value *blk = GC_MALLOC(sizeof(Value) * 3);
	blk[0].p = str_from_c(fn);
	blk[1].p = num ? str_new(num->p, num->len) : NULL; /* Go clones Num */
	blk[2].p = err;
	Value v;
	v.p = blk;
	return iface_box(ptr, v);
}

static GolIface *syntax_error(const char *fn, GolString *s)
{
	make_errors();
	return num_error(fn, s, err_syntax);
}

static GolIface *range_error(const char *fn, GolString *s)
{
	make_errors();
	return num_error(fn, s, err_range);
}

static GolIface *msg_error(const char *fn, GolString *s, const char *what, long long n)
{
	char buf[64];
	int k = snprintf(buf, sizeof buf, "%s %lld", what, n);
	return num_error(fn, s, std_error(buf, k));
}

/* ---- quoting -------------------------------------------------------------------------------- */

static const char lowerhex[] = "0123456789abcdef";

static bool valid_rune(int64_t r)
{
	return (0 <= r && r < 0xD800) || (0xDFFF < r && r <= 0x10FFFF);
}

static bool in_graphic_list(int32_t r)
{
	static const uint16_t list[] = {0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
					0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000};
	if (r > 0xFFFF)
		return false;
	for (size_t i = 0; i < sizeof list / sizeof *list; i++)
		if (list[i] == r)
			return true;
	return false;
}

static bool is_graphic(int32_t r)
{
	return fmt_is_print(r) || in_graphic_list(r);
}

/* Quoting writes either to a buffer (Quote) or, one Go append call per
 * piece, to a []byte (AppendQuote), so capacities grow as in Go. */
typedef struct Out {
	StdBuf *b;
	GolSlice *s;
	VM *vm;
} Out;

static void out_put(Out *o, const char *p, int64_t n)
{
	if (o->b)
		std_buf_put(o->b, p, n);
	else
		o->s = std_append_user_bytes(o->vm, o->s, p, n);
}

static void out_byte(Out *o, char c)
{
	out_put(o, &c, 1);
}

static void escaped_rune(Out *b, int32_t r, char quote, bool ascii, bool graphic)
{
	if (r == quote || r == '\\') {
		out_byte(b, '\\');
		out_byte(b, (char)r);
		return;
	}
	if (ascii) {
		if (r < 0x80 && fmt_is_print(r)) {
			out_byte(b, (char)r);
			return;
		}
	} else if (fmt_is_print(r) || (graphic && in_graphic_list(r))) {
		char tmp[4];
		out_put(b, tmp, std_utf8_encode(tmp, r));
		return;
	}
	switch (r) {
	case '\a': out_put(b, "\\a", 2); return;
	case '\b': out_put(b, "\\b", 2); return;
	case '\f': out_put(b, "\\f", 2); return;
	case '\n': out_put(b, "\\n", 2); return;
	case '\r': out_put(b, "\\r", 2); return;
	case '\t': out_put(b, "\\t", 2); return;
	case '\v': out_put(b, "\\v", 2); return;
	}
	if (r < ' ' || r == 0x7F) {
		out_put(b, "\\x", 2);
		out_byte(b, lowerhex[(r >> 4) & 0xF]);
		out_byte(b, lowerhex[r & 0xF]);
		return;
	}
	if (!valid_rune(r))
		r = 0xFFFD;
	if (r < 0x10000) {
		out_put(b, "\\u", 2);
		for (int sh = 12; sh >= 0; sh -= 4)
			out_byte(b, lowerhex[(r >> sh) & 0xF]);
	} else {
		out_put(b, "\\U", 2);
		for (int sh = 28; sh >= 0; sh -= 4)
			out_byte(b, lowerhex[(r >> sh) & 0xF]);
	}
}

static void quote_with(Out *b, const char *s, int64_t n, char quote, bool ascii, bool graphic)
{
	if (!b->b) {
		int64_t len = b->s ? b->s->len : 0, cap = b->s ? b->s->cap : 0;
		if (cap - len < n) {
			GolSlice *ns = std_slice_new(len, len + 1 + n + 1);
			if (len)
				memcpy(ns->data, b->s->data, sizeof(Value) * (size_t)len);
			b->s = ns;
		}
	}
	out_byte(b, quote);
	for (int64_t i = 0; i < n;) {
		int w = 1;
		int32_t r = (unsigned char)s[i];
		if (r >= 0x80)
			r = std_utf8_decode((const unsigned char *)s + i, n - i, &w);
		if (w == 1 && r == 0xFFFD) {
			out_put(b, "\\x", 2);
			out_byte(b, lowerhex[(unsigned char)s[i] >> 4]);
			out_byte(b, lowerhex[s[i] & 0xF]);
			i++;
			continue;
		}
		escaped_rune(b, r, quote, ascii, graphic);
		i += w;
	}
	out_byte(b, quote);
}

static void quote_rune_with(Out *b, int64_t r, bool ascii, bool graphic)
{
	out_byte(b, '\'');
	if (!valid_rune(r))
		r = 0xFFFD;
	escaped_rune(b, (int32_t)r, '\'', ascii, graphic);
	out_byte(b, '\'');
}

#define QUOTE_FN(name, ascii, graphic)                                                    \
	static int name(VM *vm, Value *a, int n, Value *r)                                \
	{                                                                                 \
		StdBuf buf = {0};                                                         \
		Out o = {&buf, NULL, vm};                                                     \
		quote_with(&o, str_ptr(S(a[0])), str_len(S(a[0])), '"', ascii, graphic);  \
		r[0].p = std_buf_str(&buf);                                               \
		return 0;                                                                 \
	}                                                                                 \
	static int name##_append(VM *vm, Value *a, int n, Value *r)                       \
	{                                                                                 \
		Out o = {NULL, a[0].p, vm};                                                   \
		quote_with(&o, str_ptr(S(a[1])), str_len(S(a[1])), '"', ascii, graphic);  \
		r[0].p = o.s;                                                             \
		return 0;                                                                 \
	}
#define QUOTE_RUNE_FN(name, ascii, graphic)                                               \
	static int name(VM *vm, Value *a, int n, Value *r)                                \
	{                                                                                 \
		StdBuf buf = {0};                                                         \
		Out o = {&buf, NULL, vm};                                                     \
		quote_rune_with(&o, (int32_t)a[0].i, ascii, graphic);                     \
		r[0].p = std_buf_str(&buf);                                               \
		return 0;                                                                 \
	}                                                                                 \
	static int name##_append(VM *vm, Value *a, int n, Value *r)                       \
	{                                                                                 \
		Out o = {NULL, a[0].p, vm};                                                   \
		quote_rune_with(&o, (int32_t)a[1].i, ascii, graphic);                     \
		r[0].p = o.s;                                                             \
		return 0;                                                                 \
	}

QUOTE_FN(q_quote, false, false)
QUOTE_FN(q_quote_ascii, true, false)
QUOTE_FN(q_quote_graphic, false, true)
QUOTE_RUNE_FN(q_quote_rune, false, false)
QUOTE_RUNE_FN(q_quote_rune_ascii, true, false)
QUOTE_RUNE_FN(q_quote_rune_graphic, false, true)

static int q_can_backquote(VM *vm, Value *a, int n, Value *r)
{
	const unsigned char *s = (const unsigned char *)str_ptr(S(a[0]));
	int64_t len = str_len(S(a[0]));
	r[0].i = 1;
	for (int64_t i = 0; i < len;) {
		int w;
		int32_t c = std_utf8_decode(s + i, len - i, &w);
		i += w;
		if (w > 1) {
			if (c == 0xFEFF) {
				r[0].i = 0;
				return 0;
			}
			continue;
		}
		if (c == 0xFFFD || (c < ' ' && c != '\t') || c == '`' || c == 0x7F) {
			r[0].i = 0;
			return 0;
		}
	}
	return 0;
}

static int q_is_print(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = fmt_is_print((int32_t)a[0].i);
	return 0;
}

static int q_is_graphic(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = is_graphic((int32_t)a[0].i);
	return 0;
}

static int unhex(unsigned char c)
{
	if ('0' <= c && c <= '9')
		return c - '0';
	if ('a' <= c && c <= 'f')
		return c - 'a' + 10;
	if ('A' <= c && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* strconv.UnquoteChar over s[0:n]; returns false on a syntax error. */
static bool unquote_char(const char *s, int64_t n, char quote, int32_t *value, bool *multibyte, int64_t *used)
{
	*multibyte = false;
	if (n == 0)
		return false;
	unsigned char c = (unsigned char)s[0];
	if (c == (unsigned char)quote && (quote == '\'' || quote == '"'))
		return false;
	if (c >= 0x80) {
		int w;
		*value = std_utf8_decode((const unsigned char *)s, n, &w);
		*multibyte = true;
		*used = w;
		return true;
	}
	if (c != '\\') {
		*value = c;
		*used = 1;
		return true;
	}
	if (n <= 1)
		return false;
	c = (unsigned char)s[1];
	int64_t k = 2;
	switch (c) {
	case 'a': *value = '\a'; break;
	case 'b': *value = '\b'; break;
	case 'f': *value = '\f'; break;
	case 'n': *value = '\n'; break;
	case 'r': *value = '\r'; break;
	case 't': *value = '\t'; break;
	case 'v': *value = '\v'; break;
	case 'x': case 'u': case 'U': {
		int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
		if (n - k < nd)
			return false;
		int32_t v = 0;
		for (int j = 0; j < nd; j++) {
			int x = unhex((unsigned char)s[k + j]);
			if (x < 0)
				return false;
			v = (int32_t)((uint32_t)v << 4 | (uint32_t)x);
		}
		k += nd;
		if (c == 'x') {
			*value = v;
			break;
		}
		if (!valid_rune(v))
			return false;
		*value = v;
		*multibyte = true;
		break;
	}
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
		int32_t v = c - '0';
		if (n - k < 2)
			return false;
		for (int j = 0; j < 2; j++) {
			int x = (unsigned char)s[k + j] - '0';
			if (x < 0 || x > 7)
				return false;
			v = (v << 3) | x;
		}
		k += 2;
		if (v > 255)
			return false;
		*value = v;
		break;
	}
	case '\\':
		*value = '\\';
		break;
	case '\'': case '"':
		if (c != (unsigned char)quote)
			return false;
		*value = c;
		break;
	default:
		return false;
	}
	*used = k;
	return true;
}

static int q_unquote_char(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	char quote = (char)a[1].u;
	int32_t v = 0;
	bool mb = false;
	int64_t used = 0;
	if (!unquote_char(str_ptr(s), str_len(s), quote, &v, &mb, &used)) {
		make_errors();
		r[0].i = 0;
		r[1].i = 0;
		r[2].p = NULL;
		r[3].p = err_syntax;
		return 0;
	}
	r[0].i = v;
	r[1].i = mb;
	r[2].p = str_sub(s, used, str_len(s));
	r[3].p = NULL;
	return 0;
}

/* strconv's unquote: *out gets the result, *rest_at where the quoted
 * prefix ends; false on a syntax error. */
static bool unquote(GolString *in, bool unescape, GolString **out, int64_t *rest_at)
{
	const char *p = str_ptr(in);
	int64_t n = str_len(in);
	*out = NULL;
	if (n < 2)
		return false;
	char quote = p[0];
	const char *q = memchr(p + 1, quote, (size_t)(n - 1));
	if (!q)
		return false;
	int64_t end = (q - (p + 1)) + 2;
	if (quote == '`') {
		if (!unescape) {
			*out = str_sub(in, 0, end);
		} else if (!memchr(p, '\r', (size_t)end)) {
			*out = str_sub(in, 1, end - 1);
		} else {
			StdBuf b = {0};
			for (int64_t i = 1; i < end - 1; i++)
				if (p[i] != '\r')
					std_buf_byte(&b, p[i]);
			*out = std_buf_str(&b);
		}
		*rest_at = end;
		return true;
	}
	if (quote != '"' && quote != '\'')
		return false;
	if (!memchr(p, '\\', (size_t)end) && !memchr(p, '\n', (size_t)end)) {
		bool valid;
		if (quote == '"') {
			valid = std_utf8_valid((const unsigned char *)p + 1, end - 2);
		} else {
			int w;
			int32_t c = std_utf8_decode((const unsigned char *)p + 1, end - 2, &w);
			valid = 1 + w + 1 == end && (c != 0xFFFD || w != 1);
		}
		if (valid) {
			*out = unescape ? str_sub(in, 1, end - 1) : str_sub(in, 0, end);
			*rest_at = end;
			return true;
		}
	}
	StdBuf b = {0};
	int64_t i = 1;
	while (i < n && p[i] != quote) {
		int32_t v;
		bool mb;
		int64_t used;
		if (p[i] == '\n' || !unquote_char(p + i, n - i, quote, &v, &mb, &used))
			return false;
		i += used;
		if (unescape) {
			if (v < 0x80 || !mb)
				std_buf_byte(&b, (char)v);
			else
				std_buf_rune(&b, v);
		}
		if (quote == '\'')
			break;
	}
	if (!(i < n && p[i] == quote))
		return false;
	i++;
	*out = unescape ? std_buf_str(&b) : str_sub(in, 0, i);
	*rest_at = i;
	return true;
}

static int q_unquote(VM *vm, Value *a, int n, Value *r)
{
	GolString *out;
	int64_t at = 0;
	make_errors();
	if (!unquote(S(a[0]), true, &out, &at) || at != str_len(S(a[0]))) {
		r[0].p = NULL;
		r[1].p = err_syntax;
		return 0;
	}
	r[0].p = out;
	r[1].p = NULL;
	return 0;
}

static int q_quoted_prefix(VM *vm, Value *a, int n, Value *r)
{
	GolString *out;
	int64_t at = 0;
	make_errors();
	if (!unquote(S(a[0]), false, &out, &at)) {
		r[0].p = NULL;
		r[1].p = err_syntax;
		return 0;
	}
	r[0].p = out;
	r[1].p = NULL;
	return 0;
}

/* ---- integers ---------------------------------------------------------------------------------- */

static int lower(int c)
{
	return c | ('x' - 'X');
}

static bool underscore_ok(const char *s, int64_t n)
{
	int saw = '^';
	int64_t i = 0;
	if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
		s++;
		n--;
	}
	bool hex = false;
	if (n >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
		i = 2;
		saw = '0';
		hex = lower(s[1]) == 'x';
	}
	for (; i < n; i++) {
		if (('0' <= s[i] && s[i] <= '9') || (hex && 'a' <= lower(s[i]) && lower(s[i]) <= 'f')) {
			saw = '0';
			continue;
		}
		if (s[i] == '_') {
			if (saw != '0')
				return false;
			saw = '_';
			continue;
		}
		if (saw == '_')
			return false;
		saw = '!';
	}
	return saw != '_';
}

/* ParseUint over s (whose original text, for errors, is s0). */
static uint64_t parse_uint(const char *fn, GolString *s0, const char *s, int64_t n, int64_t base, int64_t bits, GolIface **err)
{
	*err = NULL;
	if (n == 0) {
		*err = syntax_error(fn, s0);
		return 0;
	}
	bool base0 = base == 0;
	const char *orig = s;
	int64_t orig_n = n;
	if (2 <= base && base <= 36) {
	} else if (base == 0) {
		base = 10;
		if (s[0] == '0') {
			if (n >= 3 && lower(s[1]) == 'b') {
				base = 2;
				s += 2;
				n -= 2;
			} else if (n >= 3 && lower(s[1]) == 'o') {
				base = 8;
				s += 2;
				n -= 2;
			} else if (n >= 3 && lower(s[1]) == 'x') {
				base = 16;
				s += 2;
				n -= 2;
			} else {
				base = 8;
				s += 1;
				n -= 1;
			}
		}
	} else {
		*err = msg_error(fn, s0, "invalid base", (long long)base);
		return 0;
	}
	if (bits == 0) {
		bits = 64;
	} else if (bits < 0 || bits > 64) {
		*err = msg_error(fn, s0, "invalid bit size", (long long)bits);
		return 0;
	}
	uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
	uint64_t maxv = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
	bool underscores = false;
	uint64_t v = 0;
	for (int64_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i], d;
		if (c == '_' && base0) {
			underscores = true;
			continue;
		} else if ('0' <= c && c <= '9') {
			d = c - '0';
		} else if ('a' <= lower(c) && lower(c) <= 'z') {
			d = lower(c) - 'a' + 10;
		} else {
			*err = syntax_error(fn, s0);
			return 0;
		}
		if (d >= base) {
			*err = syntax_error(fn, s0);
			return 0;
		}
		if (v >= cutoff) {
			*err = range_error(fn, s0);
			return maxv;
		}
		v *= (uint64_t)base;
		uint64_t v1 = v + (uint64_t)d;
		if (v1 < v || v1 > maxv) {
			*err = range_error(fn, s0);
			return maxv;
		}
		v = v1;
	}
	if (underscores && !underscore_ok(orig, orig_n)) {
		*err = syntax_error(fn, s0);
		return 0;
	}
	return v;
}

static bool is_range(GolIface *err)
{
	return err && ((Value *)err->v.p)[2].p == err_range;
}

static int64_t parse_int(const char *fn, GolString *s0, int64_t base, int64_t bits, GolIface **err)
{
	const char *s = str_ptr(s0);
	int64_t n = str_len(s0);
	*err = NULL;
	if (n == 0) {
		*err = syntax_error(fn, s0);
		return 0;
	}
	bool neg = false;
	if (s[0] == '+') {
		s++;
		n--;
	} else if (s[0] == '-') {
		neg = true;
		s++;
		n--;
	}
	uint64_t un = parse_uint(fn, s0, s, n, base, bits, err);
	if (*err && !is_range(*err))
		return 0;
	if (bits == 0)
		bits = 64;
	uint64_t cutoff = (uint64_t)1 << (bits - 1);
	if (!neg && un >= cutoff) {
		*err = range_error(fn, s0);
		return (int64_t)(cutoff - 1);
	}
	/* negated as unsigned: -(1<<63) is the one value whose int64
	 * negation would overflow */
	if (neg && un > cutoff) {
		*err = range_error(fn, s0);
		return (int64_t)(0 - cutoff);
	}
	/* as Go's: a range error from the unsigned parse whose clamped value
	 * passes these checks is dropped (only bits 1 and a negative value:
	 * ParseInt("-2", 10, 1) is -1 and no error) */
	*err = NULL;
	return neg ? (int64_t)(0 - un) : (int64_t)un;
}

static int c_atoi(VM *vm, Value *a, int n, Value *r)
{
	GolString *s0 = S(a[0]);
	const char *s = str_ptr(s0);
	int64_t len = str_len(s0);
	r[1].p = NULL;
	if (0 < len && len < 19) {
		int64_t i = 0;
		if (s[0] == '-' || s[0] == '+') {
			i = 1;
			if (len < 2) {
				r[0].i = 0;
				r[1].p = syntax_error("Atoi", s0);
				return 0;
			}
		}
		int64_t v = 0;
		for (; i < len; i++) {
			unsigned d = (unsigned char)s[i] - '0';
			if (d > 9) {
				r[0].i = 0;
				r[1].p = syntax_error("Atoi", s0);
				return 0;
			}
			v = v * 10 + d;
		}
		r[0].i = s[0] == '-' ? -v : v;
		return 0;
	}
	GolIface *err;
	r[0].i = parse_int("Atoi", s0, 10, 0, &err);
	r[1].p = err;
	return 0;
}

static int c_parse_int(VM *vm, Value *a, int n, Value *r)
{
	GolIface *err;
	r[0].i = parse_int("ParseInt", S(a[0]), a[1].i, a[2].i, &err);
	r[1].p = err;
	return 0;
}

static int c_parse_uint(VM *vm, Value *a, int n, Value *r)
{
	GolIface *err;
	GolString *s = S(a[0]);
	r[0].u = parse_uint("ParseUint", s, str_ptr(s), str_len(s), a[1].i, a[2].i, &err);
	r[1].p = err;
	return 0;
}

static int c_parse_bool(VM *vm, Value *a, int n, Value *r)
{
	static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True"};
	static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False"};
	GolString *s = S(a[0]);
	r[0].i = 0;
	r[1].p = NULL;
	for (int i = 0; i < 6; i++) {
		if ((int64_t)strlen(t[i]) == str_len(s) && !memcmp(t[i], str_ptr(s), strlen(t[i]))) {
			r[0].i = 1;
			return 0;
		}
		if ((int64_t)strlen(f[i]) == str_len(s) && !memcmp(f[i], str_ptr(s), strlen(f[i])))
			return 0;
	}
	r[1].p = syntax_error("ParseBool", s);
	return 0;
}

static int format_bits(char *buf, uint64_t u, int64_t base, bool neg)
{
	static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	char tmp[72];
	int i = 72;
	do {
		tmp[--i] = digits[u % (uint64_t)base];
		u /= (uint64_t)base;
	} while (u);
	if (neg)
		tmp[--i] = '-';
	memcpy(buf, tmp + i, (size_t)(72 - i));
	return 72 - i;
}

static int format_int(VM *vm, char *buf, Value v, int64_t base, bool is_signed, int *len)
{
	if (base < 2 || base > 36)
		return vm_panic_msg(vm, "strconv: illegal AppendInt/FormatInt base");
	bool neg = is_signed && v.i < 0;
	uint64_t u = neg ? (uint64_t)0 - v.u : v.u;
	*len = format_bits(buf, u, base, neg);
	return 0;
}

static int c_format_int(VM *vm, Value *a, int n, Value *r)
{
	char buf[72];
	int len;
	if (format_int(vm, buf, a[0], a[1].i, true, &len) < 0)
		return -1;
	r[0].p = str_new(buf, len);
	return 0;
}

static int c_format_uint(VM *vm, Value *a, int n, Value *r)
{
	char buf[72];
	int len;
	if (format_int(vm, buf, a[0], a[1].i, false, &len) < 0)
		return -1;
	r[0].p = str_new(buf, len);
	return 0;
}

static int c_append_int(VM *vm, Value *a, int n, Value *r)
{
	char buf[72];
	int len;
	if (format_int(vm, buf, a[1], a[2].i, true, &len) < 0)
		return -1;
	r[0].p = std_append_user_bytes(vm, a[0].p, buf, len);
	return 0;
}

static int c_append_uint(VM *vm, Value *a, int n, Value *r)
{
	char buf[72];
	int len;
	if (format_int(vm, buf, a[1], a[2].i, false, &len) < 0)
		return -1;
	r[0].p = std_append_user_bytes(vm, a[0].p, buf, len);
	return 0;
}

static int c_format_bool(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = a[0].i ? str_new("true", 4) : str_new("false", 5);
	return 0;
}

static int c_append_bool(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = a[1].i ? std_append_user_bytes(vm, a[0].p, "true", 4) : std_append_user_bytes(vm, a[0].p, "false", 5);
	return 0;
}

/* ---- floats ------------------------------------------------------------------------------------ */

static char *format_float(VM *vm, double f, int64_t fmt, int64_t prec, int64_t bits, int *len)
{
	if (bits != 32 && bits != 64) {
		vm_panic_msg(vm, "strconv: illegal AppendFloat/FormatFloat bitSize");
		return NULL;
	}
	if (prec > 1 << 20)
		prec = 1 << 20;
	if (prec < -1)
		prec = -1; /* Go treats any negative precision as shortest */
	char small[64];
	int need = fmtfloat_format(small, sizeof small, f, (char)fmt, (int)prec, (int)bits);
	char *buf = GC_MALLOC_ATOMIC((size_t)need + 1);
	if (need < (int)sizeof small)
		memcpy(buf, small, (size_t)need + 1);
	else
		fmtfloat_format(buf, (size_t)need + 1, f, (char)fmt, (int)prec, (int)bits);
	*len = need;
	return buf;
}

static int c_format_float(VM *vm, Value *a, int n, Value *r)
{
	int len;
	char *s = format_float(vm, a[0].f, (int64_t)(a[1].u & 0xFF), a[2].i, a[3].i, &len);
	if (!s)
		return -1;
	r[0].p = str_new(s, len);
	return 0;
}

static int c_append_float(VM *vm, Value *a, int n, Value *r)
{
	int len;
	char *s = format_float(vm, a[1].f, (int64_t)(a[2].u & 0xFF), a[3].i, a[4].i, &len);
	if (!s)
		return -1;
	r[0].p = std_append_user_bytes(vm, a[0].p, s, len);
	return 0;
}

static int c_format_complex(VM *vm, Value *a, int n, Value *r)
{
	GolComplex *c = a[0].p;
	int64_t bits = a[3].i;
	if (bits != 64 && bits != 128)
		return vm_panic_msg(vm, "invalid bitSize");
	bits >>= 1;
	int lre, lim;
	double re = c ? c->re : 0, im = c ? c->im : 0;
	char *sre = format_float(vm, re, (int64_t)(a[1].u & 0xFF), a[2].i, bits, &lre);
	char *sim = format_float(vm, im, (int64_t)(a[1].u & 0xFF), a[2].i, bits, &lim);
	StdBuf b = {0};
	std_buf_byte(&b, '(');
	std_buf_put(&b, sre, lre);
	if (sim[0] != '+' && sim[0] != '-')
		std_buf_byte(&b, '+');
	std_buf_put(&b, sim, lim);
	std_buf_put(&b, "i)", 2);
	r[0].p = std_buf_str(&b);
	return 0;
}

static int64_t prefix_len_ignore_case(const char *s, int64_t n, const char *prefix)
{
	int64_t i = 0, m = (int64_t)strlen(prefix);
	if (n < m)
		m = n;
	while (i < m && lower((unsigned char)s[i]) == prefix[i])
		i++;
	return i;
}

/* strconv's special: infinities and NaN; returns the bytes used or 0. */
static int64_t special(const char *s, int64_t n, double *f)
{
	if (n == 0)
		return 0;
	int sign = 1;
	int64_t nsign = 0;
	switch (s[0]) {
	case '+': case '-':
		if (s[0] == '-')
			sign = -1;
		nsign = 1;
		s++;
		n--;
		/* fallthrough */
	case 'i': case 'I': {
		int64_t k = prefix_len_ignore_case(s, n, "infinity");
		if (3 < k && k < 8)
			k = 3;
		if (k == 3 || k == 8) {
			*f = sign * INFINITY;
			return nsign + k;
		}
		break;
	}
	case 'n': case 'N':
		if (prefix_len_ignore_case(s, n, "nan") == 3) {
			*f = NAN;
			return 3;
		}
		break;
	}
	return 0;
}

/* Go's readFloat, checking syntax only: the length of the float prefix
 * of s, or -1 if there is none. */
static int64_t read_float(const char *s, int64_t n)
{
	int64_t i = 0;
	bool underscores = false;
	if (i >= n)
		return -1;
	if (s[i] == '+' || s[i] == '-')
		i++;
	int base = 10;
	char exp_char = 'e';
	if (i + 2 < n && s[i] == '0' && lower(s[i + 1]) == 'x') {
		base = 16;
		i += 2;
		exp_char = 'p';
	}
	bool sawdot = false, sawdigits = false;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '_') {
			underscores = true;
			continue;
		}
		if (c == '.') {
			if (sawdot)
				break;
			sawdot = true;
			continue;
		}
		if (('0' <= c && c <= '9') || (base == 16 && 'a' <= lower(c) && lower(c) <= 'f')) {
			sawdigits = true;
			continue;
		}
		break;
	}
	if (!sawdigits)
		return -1;
	if (i < n && lower(s[i]) == exp_char) {
		i++;
		if (i >= n)
			return -1;
		if (s[i] == '+' || s[i] == '-')
			i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return -1;
		for (; i < n && (('0' <= s[i] && s[i] <= '9') || s[i] == '_'); i++)
			if (s[i] == '_')
				underscores = true;
	} else if (base == 16) {
		return -1;
	}
	if (underscores && !underscore_ok(s, i))
		return -1;
	return i;
}

/* parseFloatPrefix: the value of the longest float prefix of s and its
 * length; *err set (a *NumError for fn with Num = whole) as Go does. */
static double parse_float_prefix(const char *fn, GolString *whole, const char *s, int64_t n, int bits,
				 int64_t *used, GolIface **err)
{
	*err = NULL;
	double f;
	int64_t k = special(s, n, &f);
	if (k) {
		*used = k;
		return f;
	}
	k = read_float(s, n);
	if (k < 0) {
		*used = 0;
		*err = syntax_error(fn, whole);
		return 0;
	}
	*used = k;
	char *clean = GC_MALLOC_ATOMIC((size_t)k + 1);
	int64_t m = 0;
	for (int64_t i = 0; i < k; i++)
		if (s[i] != '_')
			clean[m++] = s[i];
	clean[m] = 0;
	if (bits == 32) {
		float v = strtof(clean, NULL);
		if (isinf(v)) {
			*err = range_error(fn, whole);
		}
		return v;
	}
	double v = strtod(clean, NULL);
	if (isinf(v))
		*err = range_error(fn, whole);
	return v;
}

static int c_parse_float(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	int64_t used;
	GolIface *err;
	double f = parse_float_prefix("ParseFloat", s, str_ptr(s), str_len(s), a[1].i == 32 ? 32 : 64, &used, &err);
	make_errors();
	if (used != str_len(s) && (!err || ((Value *)err->v.p)[2].p != err_syntax)) {
		r[0].f = 0;
		r[1].p = syntax_error("ParseFloat", s);
		return 0;
	}
	r[0].f = f;
	r[1].p = err;
	return 0;
}

static GolComplex *complex_new(double re, double im)
{
	GolComplex *c = GC_MALLOC_ATOMIC(sizeof *c);
	c->re = re;
	c->im = im;
	return c;
}

/* convErr: a range error is kept pending, any other returned at once. */
static GolIface *conv_err(GolIface *err, GolString *orig, GolIface **pending)
{
	Value *blk = err->v.p;
	blk[0].p = str_from_c("ParseComplex");
	blk[1].p = orig;
	if (blk[2].p == err_range) {
		*pending = err;
		return NULL;
	}
	return err;
}

static int c_parse_complex(VM *vm, Value *a, int n, Value *r)
{
	GolString *orig = S(a[0]);
	int bits = a[1].i == 64 ? 32 : 64;
	const char *s = str_ptr(orig);
	int64_t len = str_len(orig);
	make_errors();
	r[0].p = complex_new(0, 0);
	r[1].p = NULL;
	if (len >= 2 && s[0] == '(' && s[len - 1] == ')') {
		s++;
		len -= 2;
	}
	GolIface *pending = NULL, *err;
	int64_t used;
	double re = parse_float_prefix("ParseComplex", orig, s, len, bits, &used, &err);
	if (err && (err = conv_err(err, orig, &pending))) {
		r[1].p = err;
		return 0;
	}
	s += used;
	len -= used;
	if (len == 0) {
		r[0].p = complex_new(re, 0);
		r[1].p = pending;
		return 0;
	}
	switch (s[0]) {
	case '+':
		if (len > 1 && s[1] != '+') {
			s++;
			len--;
		}
		break;
	case '-':
		break;
	case 'i':
		if (len == 1) {
			r[0].p = complex_new(0, re);
			r[1].p = pending;
			return 0;
		}
		/* fallthrough */
	default:
		r[1].p = syntax_error("ParseComplex", orig);
		return 0;
	}
	double im = parse_float_prefix("ParseComplex", orig, s, len, bits, &used, &err);
	if (err && (err = conv_err(err, orig, &pending))) {
		r[1].p = err;
		return 0;
	}
	s += used;
	len -= used;
	if (!(len == 1 && s[0] == 'i')) {
		r[1].p = syntax_error("ParseComplex", orig);
		return 0;
	}
	r[0].p = complex_new(re, im);
	r[1].p = pending;
	return 0;
}

/* ---- *NumError ------------------------------------------------------------------------------------ */

static int ne_error(VM *vm, Value *a, int n, Value *r)
{
	Value *e = a[0].p;
	if (!e)
		return vm_panic_nil(vm);
	GolString *fn = e[0].p, *num = e[1].p;
	GolIface *err = e[2].p;
	Value msg;
	if (std_call_method(vm, err, "Error", NULL, 0, &msg, 1) < 0)
		return -1;
	StdBuf b = {0};
	std_buf_put(&b, "strconv.", 8);
	std_buf_put(&b, str_ptr(fn), str_len(fn));
	std_buf_put(&b, ": parsing ", 10);
	Out o = {&b, NULL, vm};
	quote_with(&o, str_ptr(num), str_len(num), '"', false, false);
	std_buf_put(&b, ": ", 2);
	std_buf_put(&b, str_ptr(msg.p), str_len(msg.p));
	r[0].p = std_buf_str(&b);
	return 0;
}

static int ne_unwrap(VM *vm, Value *a, int n, Value *r)
{
	Value *e = a[0].p;
	if (!e)
		return vm_panic_nil(vm);
	r[0] = e[2];
	return 0;
}

const NativeDef strconv_natives[] = {
	{"strconv.ErrRange", v_err_range},
	{"strconv.ErrSyntax", v_err_syntax},
	{"strconv.NumError.Error", ne_error},
	{"strconv.NumError.Unwrap", ne_unwrap},
	{"strconv.Atoi", c_atoi},
	{"strconv.ParseBool", c_parse_bool},
	{"strconv.ParseComplex", c_parse_complex},
	{"strconv.ParseFloat", c_parse_float},
	{"strconv.ParseInt", c_parse_int},
	{"strconv.ParseUint", c_parse_uint},
	{"strconv.FormatBool", c_format_bool},
	{"strconv.FormatComplex", c_format_complex},
	{"strconv.FormatFloat", c_format_float},
	{"strconv.FormatInt", c_format_int},
	{"strconv.FormatUint", c_format_uint},
	{"strconv.AppendBool", c_append_bool},
	{"strconv.AppendFloat", c_append_float},
	{"strconv.AppendInt", c_append_int},
	{"strconv.AppendUint", c_append_uint},
	{"strconv.AppendQuote", q_quote_append},
	{"strconv.AppendQuoteRune", q_quote_rune_append},
	{"strconv.AppendQuoteRuneToASCII", q_quote_rune_ascii_append},
	{"strconv.AppendQuoteRuneToGraphic", q_quote_rune_graphic_append},
	{"strconv.AppendQuoteToASCII", q_quote_ascii_append},
	{"strconv.AppendQuoteToGraphic", q_quote_graphic_append},
	{"strconv.Quote", q_quote},
	{"strconv.QuoteRune", q_quote_rune},
	{"strconv.QuoteRuneToASCII", q_quote_rune_ascii},
	{"strconv.QuoteRuneToGraphic", q_quote_rune_graphic},
	{"strconv.QuoteToASCII", q_quote_ascii},
	{"strconv.QuoteToGraphic", q_quote_graphic},
	{"strconv.QuotedPrefix", q_quoted_prefix},
	{"strconv.Unquote", q_unquote},
	{"strconv.UnquoteChar", q_unquote_char},
	{"strconv.CanBackquote", q_can_backquote},
	{"strconv.IsGraphic", q_is_graphic},
	{"strconv.IsPrint", q_is_print},
	{NULL, NULL},
};
