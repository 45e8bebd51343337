/*
 * strings.c — Go's package strings (Builder, Reader, Replacer and the
 * functions), ported from go1.19's strings package so that results match
 * Go's byte for byte, including its handling of invalid UTF-8 and the
 * order in which func arguments are called. Also the helpers the other
 * native modules share (stdlib_natives.h): byte slices, result buffers,
 * error values, standard named types and dynamic method calls.
 */
#define _GNU_SOURCE /* memmem */
#include "stdlib_natives.h"
#include "check.h"
#include "rt.h"
#include "vm.h"

#include <gc.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* ---- shared helpers ------------------------------------------------------------ */

GolSlice *std_slice_new(int64_t len, int64_t cap)
{
	if (cap < len)
		cap = len;
	GolSlice *s = GC_MALLOC(sizeof *s);
	s->data = GC_MALLOC(sizeof(Value) * (size_t)(cap ? cap : 1));
	s->len = len;
	s->cap = cap;
	return s;
}

/* Go 1.19's growslice for an element size of esize bytes (as the VM). */
static int64_t grow_cap(int64_t cap, int64_t need, int64_t esize)
{
	int64_t newcap = cap, dbl = cap + cap;
	if (need > dbl) {
		newcap = need;
	} else if (cap < 256) {
		newcap = dbl;
	} else {
		while (newcap < need)
			newcap += (newcap + 3 * 256) / 4;
	}
	static const int64_t classes[] = {8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
	int64_t bytes = newcap * esize;
	if (bytes <= 32768) {
		for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
			if (classes[i] >= bytes) {
				bytes = classes[i];
				break;
			}
	} else {
		bytes = (bytes + 8191) / 8192 * 8192;
	}
	return bytes / esize;
}

static GolSlice *slice_grow(GolSlice *s, int64_t add, int64_t esize)
{
	int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
	int64_t need = len + add;
	GolSlice *r = GC_MALLOC(sizeof *r);
	r->len = need;
	if (need <= cap) {
		r->data = s->data;
		r->cap = cap;
		return r;
	}
	r->cap = grow_cap(cap, need, esize);
	r->data = GC_MALLOC(sizeof(Value) * (size_t)r->cap);
	if (len)
		memcpy(r->data, s->data, sizeof(Value) * (size_t)len);
	return r;
}

GolSlice *std_append_bytes(GolSlice *s, const char *p, int64_t n)
{
	if (n <= 0)
		return s;
	int64_t len = s ? s->len : 0;
	GolSlice *r = slice_grow(s, n, 1);
	for (int64_t i = 0; i < n; i++)
		r->data[len + i].u = (unsigned char)p[i];
	return r;
}


GolSlice *std_append_user_bytes(VM *vm, GolSlice *s, const char *p, int64_t n)
{
	vm_race_append(vm, s, n);
	return std_append_bytes(s, p, n);
}

GolString *std_bytes_str(GolSlice *b)
{
	int64_t len = b ? b->len : 0;
	if (!len)
		return NULL;
	GolString *s = GC_MALLOC(sizeof *s + (size_t)len + 1);
	char *d = (char *)(s + 1);
	for (int64_t i = 0; i < len; i++)
		d[i] = (char)b->data[i].u;
	d[len] = 0;
	s->len = len;
	s->p = d;
	return s;
}

GolSlice *std_str_bytes(const char *p, int64_t n)
{
	GolSlice *s = std_slice_new(n, n);
	for (int64_t i = 0; i < n; i++)
		s->data[i].u = (unsigned char)p[i];
	return s;
}

void std_buf_put(StdBuf *b, const char *p, int64_t n)
{
	if (n <= 0)
		return;
	if (b->len + n + 1 > b->cap) {
		int64_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *q = GC_MALLOC_ATOMIC((size_t)cap);
		if (b->len)
			memcpy(q, b->p, (size_t)b->len);
		b->p = q;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, (size_t)n);
	b->len += n;
}

void std_buf_byte(StdBuf *b, char c)
{
	std_buf_put(b, &c, 1);
}

void std_buf_rune(StdBuf *b, int32_t r)
{
	char tmp[4];
	std_buf_put(b, tmp, std_utf8_encode(tmp, r));
}

GolString *std_buf_str(StdBuf *b)
{
	return str_new(b->p, b->len);
}

GolIface *std_error(const char *msg, int64_t n)
{
	static NativeFn errors_new;
	if (!errors_new)
		errors_new = natives_lookup("errors.New");
	Value a, r;
	a.p = str_new(msg, n);
	errors_new(NULL, &a, 1, &r);
	return r.p;
}



Type *std_named_type(const char *pkg, const char *name)
{
	return check_std_type(pkg, name);
}

GolClosure *std_method(GolIface *x, const char *name, Value *recv)
{
	int why;
	return vm_method_of(x->type, x->v, name, recv, &why);
}

int std_call(VM *vm, GolClosure *f, Value *args, int nargs, Value *res, int nres)
{
	if (!f)
		return vm_panic_nil(vm);
	Value tmp[16];
	Value out[16];
	if (f->bound) {
		tmp[0] = f->recv;
		for (int i = 0; i < nargs && i < 15; i++)
			tmp[i + 1] = args[i];
		args = tmp;
		nargs++;
	}
	memset(out, 0, sizeof out);
	if (vm_call(vm, f, args, nargs, out, nres) < 0)
		return -1;
	for (int i = 0; i < nres; i++)
		res[i] = out[i];
	return 0;
}

int std_call_method(VM *vm, GolIface *x, const char *name, Value *args, int nargs, Value *res, int nres)
{
	if (!x)
		return vm_panic_nil(vm);
	Value recv;
	GolClosure *f = std_method(x, name, &recv);
	if (!f)
		return vm_panic_error(vm, "method %s not found", name);
	Value a[16];
	a[0] = recv;
	for (int i = 0; i < nargs && i < 15; i++)
		a[i + 1] = args[i];
	return std_call(vm, f, a, nargs + 1, res, nres);
}

/* ---- string helpers ------------------------------------------------------------- */

#define S(v) ((GolString *)(v).p)
#define SP(v) str_ptr(S(v))
#define SL(v) str_len(S(v))
#define RUNE_ERROR 0xFFFD


static GolString *sub(GolString *s, int64_t lo, int64_t hi)
{
	if (lo == 0 && hi == str_len(s))
		return s;
	return str_sub(s, lo, hi);
}

static int64_t index_str(const char *s, int64_t n, const char *sep, int64_t m)
{
	if (m == 0)
		return 0;
	if (m > n)
		return -1;
	const char *p = memmem(s, (size_t)n, sep, (size_t)m);
	return p ? p - s : -1;
}

static int64_t last_index_str(const char *s, int64_t n, const char *sep, int64_t m)
{
	if (m == 0)
		return n;
	for (int64_t i = n - m; i >= 0; i--)
		if (s[i] == sep[0] && !memcmp(s + i, sep, (size_t)m))
			return i;
	return -1;
}

static int64_t count_str(const char *s, int64_t n, const char *sep, int64_t m)
{
	if (m == 0)
		return std_utf8_count((const unsigned char *)s, n) + 1;
	int64_t c = 0;
	for (;;) {
		int64_t i = index_str(s, n, sep, m);
		if (i < 0)
			return c;
		c++;
		s += i + m;
		n -= i + m;
	}
}

static int64_t index_byte(const char *s, int64_t n, int c)
{
	const char *p = n ? memchr(s, c, (size_t)n) : NULL;
	return p ? p - s : -1;
}

/* strings.IndexRune */
static int64_t index_rune(const char *s, int64_t n, int32_t r)
{
	if (0 <= r && r < 0x80)
		return index_byte(s, n, r);
	if (r == RUNE_ERROR) {
		for (int64_t i = 0; i < n;) {
			int w;
			int32_t c = std_utf8_decode((const unsigned char *)s + i, n - i, &w);
			if (c == RUNE_ERROR)
				return i;
			i += w;
		}
		return -1;
	}
	if (std_utf8_rune_len(r) < 0)
		return -1;
	char buf[4];
	int w = std_utf8_encode(buf, r);
	return index_str(s, n, buf, w);
}

static int32_t decode(const char *s, int64_t n, int *w)
{
	if (n > 0 && (unsigned char)s[0] < 0x80) {
		*w = 1;
		return (unsigned char)s[0];
	}
	return std_utf8_decode((const unsigned char *)s, n, w);
}


/* Call f(r) for a func(rune) bool / func(rune) rune. */
static int call_rune(VM *vm, GolClosure *f, int32_t r, Value *out)
{
	Value a;
	a.i = r;
	return std_call(vm, f, &a, 1, out, 1);
}

/* ---- simple functions ------------------------------------------------------------ */

static int s_clone(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = str_new(SP(a[0]), SL(a[0]));
	return 0;
}

static int s_compare(VM *vm, Value *a, int n, Value *r)
{
	int c = str_compare(S(a[0]), S(a[1]));
	r[0].i = c < 0 ? -1 : c > 0;
	return 0;
}

static int s_contains(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_str(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1])) >= 0;
	return 0;
}

static int64_t index_any(const char *s, int64_t n, const char *chars, int64_t m)
{
	if (m == 0)
		return -1;
	if (m == 1) {
		int32_t r = (unsigned char)chars[0];
		if (r >= 0x80)
			r = RUNE_ERROR;
		return index_rune(s, n, r);
	}
	for (int64_t i = 0; i < n;) {
		int w;
		int32_t c = decode(s + i, n - i, &w);
		if (index_rune(chars, m, c) >= 0)
			return i;
		i += w;
	}
	return -1;
}

static int64_t last_index_any(const char *s, int64_t n, const char *chars, int64_t m)
{
	if (m == 0)
		return -1;
	if (n == 1) {
		int32_t rc = (unsigned char)s[0];
		if (rc >= 0x80)
			rc = RUNE_ERROR;
		return index_rune(chars, m, rc) >= 0 ? 0 : -1;
	}
	if (m == 1) {
		int32_t rc = (unsigned char)chars[0];
		if (rc >= 0x80)
			rc = RUNE_ERROR;
		for (int64_t i = n; i > 0;) {
			int w;
			int32_t c = std_utf8_decode_last((const unsigned char *)s, i, &w);
			i -= w;
			if (c == rc)
				return i;
		}
		return -1;
	}
	for (int64_t i = n; i > 0;) {
		int w;
		int32_t c = std_utf8_decode_last((const unsigned char *)s, i, &w);
		i -= w;
		if (index_rune(chars, m, c) >= 0)
			return i;
	}
	return -1;
}

static int s_contains_any(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_any(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1])) >= 0;
	return 0;
}

static int s_contains_rune(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_rune(SP(a[0]), SL(a[0]), (int32_t)a[1].i) >= 0;
	return 0;
}

static int s_count(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = count_str(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_cut(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *sep = S(a[1]);
	int64_t i = index_str(str_ptr(s), str_len(s), str_ptr(sep), str_len(sep));
	if (i >= 0) {
		r[0].p = sub(s, 0, i);
		r[1].p = sub(s, i + str_len(sep), str_len(s));
		r[2].i = 1;
	} else {
		r[0].p = s;
		r[1].p = NULL;
		r[2].i = 0;
	}
	return 0;
}

static bool equal_fold(const char *s, int64_t sn, const char *t, int64_t tn)
{
	while (sn > 0 && tn > 0) {
		int w;
		int32_t sr = decode(s, sn, &w);
		s += w;
		sn -= w;
		int32_t tr = decode(t, tn, &w);
		t += w;
		tn -= w;
		if (tr == sr)
			continue;
		if (tr < sr) {
			int32_t x = tr;
			tr = sr;
			sr = x;
		}
		if (tr < 0x80) {
			if ('A' <= sr && sr <= 'Z' && tr == sr + 'a' - 'A')
				continue;
			return false;
		}
		int32_t r = uni_simple_fold(sr);
		while (r != sr && r < tr)
			r = uni_simple_fold(r);
		if (r == tr)
			continue;
		return false;
	}
	return sn == tn && (sn == 0 || !memcmp(s, t, (size_t)sn));
}

static int s_equal_fold(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = equal_fold(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_has_prefix(VM *vm, Value *a, int n, Value *r)
{
	int64_t ls = SL(a[0]), lp = SL(a[1]);
	r[0].i = ls >= lp && !memcmp(SP(a[0]), SP(a[1]), (size_t)lp);
	return 0;
}

static int s_has_suffix(VM *vm, Value *a, int n, Value *r)
{
	int64_t ls = SL(a[0]), lp = SL(a[1]);
	r[0].i = ls >= lp && !memcmp(SP(a[0]) + ls - lp, SP(a[1]), (size_t)lp);
	return 0;
}

static int s_index(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_str(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_index_any(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_any(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_index_byte(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_byte(SP(a[0]), SL(a[0]), (int)(a[1].u & 0xFF));
	return 0;
}

static int s_index_rune(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = index_rune(SP(a[0]), SL(a[0]), (int32_t)a[1].i);
	return 0;
}

static int s_last_index(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = last_index_str(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_last_index_any(VM *vm, Value *a, int n, Value *r)
{
	r[0].i = last_index_any(SP(a[0]), SL(a[0]), SP(a[1]), SL(a[1]));
	return 0;
}

static int s_last_index_byte(VM *vm, Value *a, int n, Value *r)
{
	const char *s = SP(a[0]);
	int c = (int)(a[1].u & 0xFF);
	int64_t i = SL(a[0]) - 1;
	while (i >= 0 && (unsigned char)s[i] != c)
		i--;
	r[0].i = i;
	return 0;
}

/* indexFunc(s, f, truth): -1 after a panic sets *err. */
static int index_func(VM *vm, GolString *s, GolClosure *f, bool truth, int64_t *out)
{
	const char *p = str_ptr(s);
	int64_t n = str_len(s);
	for (int64_t i = 0; i < n;) {
		int w;
		int32_t c = decode(p + i, n - i, &w);
		Value b;
		if (call_rune(vm, f, c, &b) < 0)
			return -1;
		if ((b.i != 0) == truth) {
			*out = i;
			return 0;
		}
		i += w;
	}
	*out = -1;
	return 0;
}

static int last_index_func(VM *vm, GolString *s, GolClosure *f, bool truth, int64_t *out)
{
	const unsigned char *p = (const unsigned char *)str_ptr(s);
	for (int64_t i = str_len(s); i > 0;) {
		int w;
		int32_t c = std_utf8_decode_last(p, i, &w);
		i -= w;
		Value b;
		if (call_rune(vm, f, c, &b) < 0)
			return -1;
		if ((b.i != 0) == truth) {
			*out = i;
			return 0;
		}
	}
	*out = -1;
	return 0;
}

static int s_index_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	GolClosure *f = a[1].p;
	int64_t i;
	if (index_func(vm, s, f, true, &i) < 0)
		return -1;
	r[0].i = i;
	return 0;
}

static int s_last_index_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	GolClosure *f = a[1].p;
	int64_t i;
	if (last_index_func(vm, s, f, true, &i) < 0)
		return -1;
	r[0].i = i;
	return 0;
}

static int s_join(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *el = a[0].p;
	GolString *sep = S(a[1]);
	int64_t cnt = el ? el->len : 0;
	if (cnt)
		vm_race_range(vm, el->data, cnt, false); /* joining reads the elements */
	if (cnt == 0) {
		r[0].p = NULL;
		return 0;
	}
	if (cnt == 1) {
		r[0] = el->data[0];
		return 0;
	}
	StdBuf b = {0};
	for (int64_t i = 0; i < cnt; i++) {
		if (i)
			std_buf_put(&b, str_ptr(sep), str_len(sep));
		GolString *e = el->data[i].p;
		std_buf_put(&b, str_ptr(e), str_len(e));
	}
	r[0].p = std_buf_str(&b);
	return 0;
}

static int s_map(VM *vm, Value *a, int n, Value *r)
{
	GolClosure *f = a[0].p;
	GolString *s = S(a[1]);
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	StdBuf b = {0};
	bool changed = false;
	for (int64_t i = 0; i < len;) {
		int w;
		int32_t c = decode(p + i, len - i, &w);
		Value m;
		if (call_rune(vm, f, c, &m) < 0)
			return -1;
		int32_t mr = (int32_t)m.i;
		if (mr != c || (c == RUNE_ERROR && w == 1))
			changed = true;
		if (mr >= 0)
			std_buf_rune(&b, mr);
		i += w;
	}
	r[0].p = changed ? std_buf_str(&b) : s;
	return 0;
}

static int s_repeat(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	int64_t count = a[1].i, len = str_len(s);
	if (count == 0) {
		r[0].p = NULL;
		return 0;
	}
	if (count < 0)
		return vm_panic_msg(vm, "strings: negative Repeat count");
	int64_t total;
	if (__builtin_mul_overflow(len, count, &total))
		return vm_panic_msg(vm, "strings: Repeat count causes overflow");
	if (total == 0) {
		r[0].p = NULL;
		return 0;
	}
	GolString *o = GC_MALLOC_ATOMIC(sizeof *o + (size_t)total + 1);
	char *d = (char *)(o + 1);
	if (!o)
		return vm_panic_error(vm, "makeslice: len out of range");
	for (int64_t i = 0; i < count; i++)
		memcpy(d + i * len, str_ptr(s), (size_t)len);
	d[total] = 0;
	o->p = d;
	o->len = total;
	r[0].p = o;
	return 0;
}

static GolString *replace(GolString *s, GolString *old, GolString *new, int64_t n)
{
	int64_t ls = str_len(s), lo = str_len(old), ln = str_len(new);
	const char *p = str_ptr(s), *po = str_ptr(old);
	if (str_equal(old, new) || n == 0)
		return s;
	int64_t m = count_str(p, ls, po, lo);
	if (m == 0)
		return s;
	if (n < 0 || m < n)
		n = m;
	StdBuf b = {0};
	int64_t start = 0;
	for (int64_t i = 0; i < n; i++) {
		int64_t j = start;
		if (lo == 0) {
			if (i > 0) {
				int w;
				std_utf8_decode((const unsigned char *)p + start, ls - start, &w);
				j += w;
			}
		} else {
			j += index_str(p + start, ls - start, po, lo);
		}
		std_buf_put(&b, p + start, j - start);
		std_buf_put(&b, str_ptr(new), ln);
		start = j + lo;
	}
	std_buf_put(&b, p + start, ls - start);
	return std_buf_str(&b);
}

static int s_replace(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = replace(S(a[0]), S(a[1]), S(a[2]), a[3].i);
	return 0;
}

static int s_replace_all(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = replace(S(a[0]), S(a[1]), S(a[2]), -1);
	return 0;
}

static GolSlice *explode(GolString *s, int64_t n)
{
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	int64_t l = std_utf8_count((const unsigned char *)p, len);
	if (n < 0 || n > l)
		n = l;
	GolSlice *a = std_slice_new(n, n);
	int64_t off = 0;
	for (int64_t i = 0; i < n - 1; i++) {
		int w;
		int32_t c = std_utf8_decode((const unsigned char *)p + off, len - off, &w);
		a->data[i].p = c == RUNE_ERROR ? str_new("\xEF\xBF\xBD", 3) : sub(s, off, off + w);
		off += w;
	}
	if (n > 0)
		a->data[n - 1].p = sub(s, off, len);
	return a;
}

static GolSlice *gen_split(GolString *s, GolString *sep, int64_t save, int64_t n)
{
	if (n == 0)
		return NULL;
	int64_t ls = str_len(s), lsep = str_len(sep);
	const char *p = str_ptr(s), *ps = str_ptr(sep);
	if (lsep == 0)
		return explode(s, n);
	if (n < 0)
		n = count_str(p, ls, ps, lsep) + 1;
	if (n > ls + 1)
		n = ls + 1;
	GolSlice *a = std_slice_new(n, n);
	n--;
	int64_t i = 0, off = 0;
	while (i < n) {
		int64_t m = index_str(p + off, ls - off, ps, lsep);
		if (m < 0)
			break;
		a->data[i].p = sub(s, off, off + m + save);
		off += m + lsep;
		i++;
	}
	a->data[i].p = sub(s, off, ls);
	a->len = i + 1;
	return a;
}

static int s_split(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = gen_split(S(a[0]), S(a[1]), 0, -1);
	return 0;
}

static int s_split_after(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = gen_split(S(a[0]), S(a[1]), SL(a[1]), -1);
	return 0;
}

static int s_split_n(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = gen_split(S(a[0]), S(a[1]), 0, a[2].i);
	return 0;
}

static int s_split_after_n(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = gen_split(S(a[0]), S(a[1]), SL(a[1]), a[2].i);
	return 0;
}

/* FieldsFunc with f either a Go func or (f == NULL) unicode.IsSpace. */
static int fields(VM *vm, GolString *s, GolClosure *f, Value *r)
{
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	int64_t cap = 32, nsp = 0;
	int64_t *spans = GC_MALLOC_ATOMIC(sizeof(int64_t) * 2 * (size_t)cap);
	int64_t start = -1;
	for (int64_t i = 0; i < len;) {
		int w;
		int32_t c = decode(p + i, len - i, &w);
		bool sep;
		if (f) {
			Value b;
			if (call_rune(vm, f, c, &b) < 0)
				return -1;
			sep = b.i != 0;
		} else {
			sep = uni_is_space(c);
		}
		if (sep) {
			if (start >= 0) {
				if (nsp == cap) {
					int64_t *v = GC_MALLOC_ATOMIC(sizeof(int64_t) * 4 * (size_t)cap);
					memcpy(v, spans, sizeof(int64_t) * 2 * (size_t)cap);
					spans = v;
					cap *= 2;
				}
				spans[2 * nsp] = start;
				spans[2 * nsp + 1] = i;
				nsp++;
				start = -1;
			}
		} else if (start < 0) {
			start = i;
		}
		i += w;
	}
	if (start >= 0) {
		if (nsp == cap) {
			int64_t *v = GC_MALLOC_ATOMIC(sizeof(int64_t) * 4 * (size_t)cap);
			memcpy(v, spans, sizeof(int64_t) * 2 * (size_t)cap);
			spans = v;
			cap *= 2;
		}
		spans[2 * nsp] = start;
		spans[2 * nsp + 1] = len;
		nsp++;
	}
	GolSlice *a = std_slice_new(nsp, nsp);
	for (int64_t i = 0; i < nsp; i++)
		a->data[i].p = sub(s, spans[2 * i], spans[2 * i + 1]);
	r[0].p = a;
	return 0;
}

static int s_fields(VM *vm, Value *a, int n, Value *r)
{
	return fields(vm, S(a[0]), NULL, r);
}

static int s_fields_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	GolClosure *f = a[1].p;
	return fields(vm, s, f, r);
}

static bool is_separator(int32_t r)
{
	if (r <= 0x7F) {
		if (('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r == '_')
			return false;
		return true;
	}
	if (uni_is_letter(r) || uni_is_digit(r))
		return false;
	return uni_is_space(r);
}

/* Map with a C mapping (ToUpper, ToLower, ToTitle, Title). */
static GolString *map_c(GolString *s, int32_t (*fn)(int32_t, void *), void *ctx)
{
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	StdBuf b = {0};
	bool changed = false;
	for (int64_t i = 0; i < len;) {
		int w;
		int32_t c = decode(p + i, len - i, &w);
		int32_t m = fn(c, ctx);
		if (m != c || (c == RUNE_ERROR && w == 1))
			changed = true;
		if (m >= 0)
			std_buf_rune(&b, m);
		i += w;
	}
	return changed ? std_buf_str(&b) : s;
}

static int32_t title_fn(int32_t r, void *ctx)
{
	int32_t *prev = ctx;
	if (is_separator(*prev)) {
		*prev = r;
		return uni_to_title(r);
	}
	*prev = r;
	return r;
}

static int32_t upper_fn(int32_t r, void *ctx)
{
	(void)ctx;
	return uni_to_upper(r);
}

static int32_t lower_fn(int32_t r, void *ctx)
{
	(void)ctx;
	return uni_to_lower(r);
}

static int32_t totitle_fn(int32_t r, void *ctx)
{
	(void)ctx;
	return uni_to_title(r);
}

static int s_title(VM *vm, Value *a, int n, Value *r)
{
	int32_t prev = ' ';
	r[0].p = map_c(S(a[0]), title_fn, &prev);
	return 0;
}

static int s_to_upper(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = map_c(S(a[0]), upper_fn, NULL);
	return 0;
}

static int s_to_lower(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = map_c(S(a[0]), lower_fn, NULL);
	return 0;
}

static int s_to_title(VM *vm, Value *a, int n, Value *r)
{
	r[0].p = map_c(S(a[0]), totitle_fn, NULL);
	return 0;
}

static int s_to_valid_utf8(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *rep = S(a[1]);
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	if (std_utf8_valid((const unsigned char *)p, len)) {
		r[0].p = s;
		return 0;
	}
	StdBuf b = {0};
	bool invalid = false;
	for (int64_t i = 0; i < len;) {
		unsigned char c = (unsigned char)p[i];
		if (c < 0x80) {
			i++;
			invalid = false;
			std_buf_byte(&b, (char)c);
			continue;
		}
		int w;
		std_utf8_decode((const unsigned char *)p + i, len - i, &w);
		if (w == 1) {
			i++;
			if (!invalid) {
				invalid = true;
				std_buf_put(&b, str_ptr(rep), str_len(rep));
			}
			continue;
		}
		invalid = false;
		std_buf_put(&b, p + i, w);
		i += w;
	}
	r[0].p = std_buf_str(&b);
	return 0;
}

static GolString *trim_left(GolString *s, const char *cut, int64_t m)
{
	const char *p = str_ptr(s);
	int64_t len = str_len(s), i = 0;
	while (i < len) {
		int w;
		int32_t c = decode(p + i, len - i, &w);
		if (index_rune(cut, m, c) < 0)
			break;
		i += w;
	}
	return sub(s, i, len);
}

static GolString *trim_right(GolString *s, const char *cut, int64_t m)
{
	const unsigned char *p = (const unsigned char *)str_ptr(s);
	int64_t i = str_len(s);
	while (i > 0) {
		int w;
		int32_t c = std_utf8_decode_last(p, i, &w);
		if (index_rune(cut, m, c) < 0)
			break;
		i -= w;
	}
	return sub(s, 0, i);
}

static int s_trim(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	if (!str_len(s) || !SL(a[1])) {
		r[0].p = s;
		return 0;
	}
	s = trim_left(s, SP(a[1]), SL(a[1]));
	r[0].p = trim_right(s, SP(a[1]), SL(a[1]));
	return 0;
}

static int s_trim_left(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	r[0].p = (!str_len(s) || !SL(a[1])) ? s : trim_left(s, SP(a[1]), SL(a[1]));
	return 0;
}

static int s_trim_right(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	r[0].p = (!str_len(s) || !SL(a[1])) ? s : trim_right(s, SP(a[1]), SL(a[1]));
	return 0;
}

static int trim_left_func(VM *vm, GolString *s, GolClosure *f, GolString **out)
{
	int64_t i;
	if (index_func(vm, s, f, false, &i) < 0)
		return -1;
	*out = i < 0 ? NULL : sub(s, i, str_len(s));
	return 0;
}

static int trim_right_func(VM *vm, GolString *s, GolClosure *f, GolString **out)
{
	int64_t i;
	if (last_index_func(vm, s, f, false, &i) < 0)
		return -1;
	const char *p = str_ptr(s);
	if (i >= 0 && (unsigned char)p[i] >= 0x80) {
		int w;
		std_utf8_decode((const unsigned char *)p + i, str_len(s) - i, &w);
		i += w;
	} else {
		i++;
	}
	*out = sub(s, 0, i);
	return 0;
}

static int s_trim_left_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *o;
	GolClosure *f = a[1].p;
	if (trim_left_func(vm, s, f, &o) < 0)
		return -1;
	r[0].p = o;
	return 0;
}

static int s_trim_right_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *o;
	GolClosure *f = a[1].p;
	if (trim_right_func(vm, s, f, &o) < 0)
		return -1;
	r[0].p = o;
	return 0;
}

static int s_trim_func(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]), *o;
	GolClosure *f = a[1].p;
	if (trim_left_func(vm, s, f, &o) < 0 || trim_right_func(vm, o, f, &o) < 0)
		return -1;
	r[0].p = o;
	return 0;
}

static int s_trim_space(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	const unsigned char *p = (const unsigned char *)str_ptr(s);
	int64_t len = str_len(s), i = 0, j = len;
	while (i < len) {
		int w;
		int32_t c = decode((const char *)p + i, len - i, &w);
		if (!uni_is_space(c))
			break;
		i += w;
	}
	while (j > i) {
		int w;
		int32_t c = std_utf8_decode_last(p, j, &w);
		if (!uni_is_space(c))
			break;
		j -= w;
	}
	r[0].p = sub(s, i, j);
	return 0;
}

static int s_trim_prefix(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	int64_t ls = str_len(s), lp = SL(a[1]);
	if (ls >= lp && !memcmp(str_ptr(s), SP(a[1]), (size_t)lp))
		r[0].p = sub(s, lp, ls);
	else
		r[0].p = s;
	return 0;
}

static int s_trim_suffix(VM *vm, Value *a, int n, Value *r)
{
	GolString *s = S(a[0]);
	int64_t ls = str_len(s), lp = SL(a[1]);
	if (ls >= lp && !memcmp(str_ptr(s) + ls - lp, SP(a[1]), (size_t)lp))
		r[0].p = sub(s, 0, ls - lp);
	else
		r[0].p = s;
	return 0;
}

/* ---- Builder ------------------------------------------------------------------------ */
/* Fields: addr *Builder (slot 0), buf []byte (slot 1). Under -race a
 * method's accesses are Go's: every write checks addr and appends to buf,
 * String, Len and Cap read buf, Reset writes both. */

/* The check every write makes first; the write's accesses. */
static int builder_check(VM *vm, Value *b)
{
	if (!b)
		return vm_panic_nil(vm);
	vm_race_range(vm, &b[0], 1, false);
	vm_race_range(vm, &b[1], 1, true);
	if (!b[0].p)
		b[0].p = b;
	else if (b[0].p != b)
		return vm_panic_msg(vm, "strings: illegal use of non-zero Builder copied by value");
	return 0;
}

/* b's buffer, read by String, Len or Cap (NULL: a nil receiver, panicking). */
static Value *builder_read(VM *vm, Value *a)
{
	Value *b = a[0].p;
	if (!b) {
		vm_panic_nil(vm);
		return NULL;
	}
	vm_race_range(vm, &b[1], 1, false);
	return b;
}

static int b_string(VM *vm, Value *a, int n, Value *r)
{
	Value *b = builder_read(vm, a);
	if (!b)
		return -1;
	r[0].p = std_bytes_str(b[1].p);
	return 0;
}

static int b_len(VM *vm, Value *a, int n, Value *r)
{
	Value *b = builder_read(vm, a);
	if (!b)
		return -1;
	GolSlice *s = b[1].p;
	r[0].i = s ? s->len : 0;
	return 0;
}

static int b_cap(VM *vm, Value *a, int n, Value *r)
{
	Value *b = builder_read(vm, a);
	if (!b)
		return -1;
	GolSlice *s = b[1].p;
	r[0].i = s ? s->cap : 0;
	return 0;
}

static int b_reset(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (!b)
		return vm_panic_nil(vm);
	vm_race_range(vm, b, 2, true);
	b[0].p = NULL;
	b[1].p = NULL;
	return 0;
}

static int b_grow(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (builder_check(vm, b) < 0)
		return -1;
	int64_t g = a[1].i;
	if (g < 0)
		return vm_panic_msg(vm, "strings.Builder.Grow: negative count");
	GolSlice *s = b[1].p;
	int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
	if (cap - len < g) {
		GolSlice *ns = std_slice_new(len, 2 * cap + g);
		if (len)
			memcpy(ns->data, s->data, sizeof(Value) * (size_t)len);
		b[1].p = ns;
	}
	return 0;
}

static int b_write(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (builder_check(vm, b) < 0)
		return -1;
	GolSlice *p = a[1].p;
	int64_t len = p ? p->len : 0;
	if (len) {
		vm_race_range(vm, p->data, len, false); /* Write reads p */
		GolSlice *s = b[1].p;
		int64_t old = s ? s->len : 0;
		GolSlice *ns = slice_grow(s, len, 1);
		memmove(ns->data + old, p->data, sizeof(Value) * (size_t)len);
		b[1].p = ns;
	}
	r[0].i = len;
	r[1].p = NULL;
	return 0;
}

static int b_write_byte(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (builder_check(vm, b) < 0)
		return -1;
	char c = (char)a[1].u;
	b[1].p = std_append_bytes(b[1].p, &c, 1);
	r[0].p = NULL;
	return 0;
}

static int b_write_rune(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (builder_check(vm, b) < 0)
		return -1;
	char tmp[4];
	int w = std_utf8_encode(tmp, (int32_t)a[1].i);
	GolSlice *s = b[1].p;
	int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
	if (w > 1 && cap - len < 4) {
		/* go1.19: grow to 2*cap+UTFMax, then encode in place */
		GolSlice *ns = std_slice_new(len, 2 * cap + 4);
		if (len)
			memcpy(ns->data, s->data, sizeof(Value) * (size_t)len);
		s = ns;
	}
	if (w == 1) {
		b[1].p = std_append_bytes(s, tmp, 1);
	} else {
		GolSlice *ns = GC_MALLOC(sizeof *ns);
		*ns = *s;
		for (int i = 0; i < w; i++)
			ns->data[len + i].u = (unsigned char)tmp[i];
		ns->len = len + w;
		b[1].p = ns;
	}
	r[0].i = w;
	r[1].p = NULL;
	return 0;
}

static int b_write_string(VM *vm, Value *a, int n, Value *r)
{
	Value *b = a[0].p;
	if (builder_check(vm, b) < 0)
		return -1;
	b[1].p = std_append_bytes(b[1].p, SP(a[1]), SL(a[1]));
	r[0].i = SL(a[1]);
	r[1].p = NULL;
	return 0;
}

/* ---- Reader ---------------------------------------------------------------------------- */
/* Fields: s string, i int64, prevRune int. */

static GolIface *io_eof(void)
{
	return std_io_eof();
}

static Value *reader(VM *vm, Value *a)
{
	Value *rd = a[0].p;
	if (!rd)
		vm_panic_nil(vm);
	return rd;
}

#define NEED_READER(rd)                 \
	Value *rd = reader(vm, a);      \
	if (!rd)                        \
		return -1;

static int r_new(VM *vm, Value *a, int n, Value *r)
{
	Value *rd = GC_MALLOC(sizeof(Value) * 3);
	rd[0] = a[0];
	rd[1].i = 0;
	rd[2].i = -1;
	r[0].p = rd;
	return 0;
}

static int r_reset(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	rd[0] = a[1];
	rd[1].i = 0;
	rd[2].i = -1;
	return 0;
}

static int r_len(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	int64_t len = str_len(rd[0].p);
	r[0].i = rd[1].i >= len ? 0 : len - rd[1].i;
	return 0;
}

static int r_size(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	r[0].i = str_len(rd[0].p);
	return 0;
}

static int r_read(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	GolSlice *b = a[1].p;
	GolString *s = rd[0].p;
	int64_t len = str_len(s), i = rd[1].i;
	if (i >= len) {
		r[0].i = 0;
		r[1].p = io_eof();
		return 0;
	}
	rd[2].i = -1;
	int64_t m = b ? b->len : 0;
	if (m > len - i)
		m = len - i;
	if (m > 0)
		vm_race_range(vm, b->data, m, true); /* Read writes into b */
	for (int64_t k = 0; k < m; k++)
		b->data[k].u = (unsigned char)s->p[i + k];
	rd[1].i = i + m;
	r[0].i = m;
	r[1].p = NULL;
	return 0;
}

static int r_read_at(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	GolSlice *b = a[1].p;
	int64_t off = a[2].i;
	GolString *s = rd[0].p;
	int64_t len = str_len(s);
	r[0].i = 0;
	r[1].p = NULL;
	if (off < 0) {
		const char *msg = "strings.Reader.ReadAt: negative offset";
		r[1].p = std_error(msg, (int64_t)strlen(msg));
		return 0;
	}
	if (off >= len) {
		r[1].p = io_eof();
		return 0;
	}
	int64_t m = b ? b->len : 0, want = m;
	if (m > len - off)
		m = len - off;
	if (m > 0)
		vm_race_range(vm, b->data, m, true); /* ReadAt writes into b */
	for (int64_t k = 0; k < m; k++)
		b->data[k].u = (unsigned char)s->p[off + k];
	r[0].i = m;
	if (m < want)
		r[1].p = io_eof();
	return 0;
}

static int r_read_byte(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	GolString *s = rd[0].p;
	rd[2].i = -1;
	if (rd[1].i >= str_len(s)) {
		r[0].u = 0;
		r[1].p = io_eof();
		return 0;
	}
	r[0].u = (unsigned char)s->p[rd[1].i];
	rd[1].i++;
	r[1].p = NULL;
	return 0;
}

static int r_unread_byte(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	if (rd[1].i <= 0) {
		const char *msg = "strings.Reader.UnreadByte: at beginning of string";
		r[0].p = std_error(msg, (int64_t)strlen(msg));
		return 0;
	}
	rd[2].i = -1;
	rd[1].i--;
	r[0].p = NULL;
	return 0;
}

static int r_read_rune(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	GolString *s = rd[0].p;
	int64_t len = str_len(s), i = rd[1].i;
	if (i >= len) {
		rd[2].i = -1;
		r[0].i = 0;
		r[1].i = 0;
		r[2].p = io_eof();
		return 0;
	}
	rd[2].i = i;
	int w;
	int32_t c = decode(s->p + i, len - i, &w);
	rd[1].i = i + w;
	r[0].i = c;
	r[1].i = w;
	r[2].p = NULL;
	return 0;
}

static int r_unread_rune(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	const char *msg = NULL;
	if (rd[1].i <= 0)
		msg = "strings.Reader.UnreadRune: at beginning of string";
	else if (rd[2].i < 0)
		msg = "strings.Reader.UnreadRune: previous operation was not ReadRune";
	if (msg) {
		r[0].p = std_error(msg, (int64_t)strlen(msg));
		return 0;
	}
	rd[1].i = rd[2].i;
	rd[2].i = -1;
	r[0].p = NULL;
	return 0;
}

static int r_seek(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	int64_t off = a[1].i, whence = a[2].i, abs;
	rd[2].i = -1;
	r[0].i = 0;
	const char *msg = NULL;
	switch (whence) {
	case 0: abs = off; break;
	case 1: abs = rd[1].i + off; break;
	case 2: abs = str_len(rd[0].p) + off; break;
	default: msg = "strings.Reader.Seek: invalid whence"; abs = 0; break;
	}
	if (!msg && abs < 0)
		msg = "strings.Reader.Seek: negative position";
	if (msg) {
		r[1].p = std_error(msg, (int64_t)strlen(msg));
		return 0;
	}
	rd[1].i = abs;
	r[0].i = abs;
	r[1].p = NULL;
	return 0;
}

/* io.WriteString(w, s): w's WriteString method if it has one, else Write. */
static int write_string_to(VM *vm, GolIface *w, GolString *s, int64_t *nw, GolIface **err)
{
	if (!w)
		return vm_panic_nil(vm);
	Value recv, res[2];
	GolClosure *f = std_method(w, "WriteString", &recv);
	Value args[2];
	args[0] = recv;
	if (f) {
		args[1].p = s;
	} else {
		f = std_method(w, "Write", &recv);
		args[0] = recv;
		args[1].p = std_str_bytes(str_ptr(s), str_len(s));
	}
	if (std_call(vm, f, args, 2, res, 2) < 0)
		return -1;
	*nw = res[0].i;
	*err = res[1].p;
	return 0;
}

static int r_write_to(VM *vm, Value *a, int n, Value *r)
{
	NEED_READER(rd);
	GolIface *w = a[1].p;
	rd[2].i = -1;
	GolString *s = rd[0].p;
	int64_t len = str_len(s), i = rd[1].i;
	r[0].i = 0;
	r[1].p = NULL;
	if (i >= len)
		return 0;
	GolString *rest = sub(s, i, len);
	int64_t m;
	GolIface *err;
	if (write_string_to(vm, w, rest, &m, &err) < 0)
		return -1;
	if (m > len - i)
		return vm_panic_msg(vm, "strings.Reader.WriteTo: invalid WriteString count");
	rd[1].i = i + m;
	r[0].i = m;
	if (m != len - i && !err)
		err = std_io_error(STD_IO_SHORT_WRITE);
	r[1].p = err;
	return 0;
}

/* ---- Replacer ----------------------------------------------------------------------------- */
/* Fields: oldnew []string. The generic algorithm of Go's replacer: at each
 * byte position, the first listed old string that matches wins; an empty
 * old string matches between bytes but not twice at one position. */

static int rep_new(VM *vm, Value *a, int n, Value *r)
{
	GolSlice *on = a[0].p;
	int64_t len = on ? on->len : 0;
	if (len % 2 == 1)
		return vm_panic_msg(vm, "strings.NewReplacer: odd argument count");
	Value *blk = GC_MALLOC(sizeof(Value));
	GolSlice *c = len ? std_slice_new(len, len) : NULL;
	for (int64_t i = 0; i < len; i++)
		c->data[i] = on->data[i];
	blk[0].p = c;
	r[0].p = blk;
	return 0;
}

static GolString *rep_apply(Value *rp, GolString *s)
{
	GolSlice *on = rp[0].p;
	int64_t npairs = on ? on->len / 2 : 0;
	const char *p = str_ptr(s);
	int64_t len = str_len(s);
	if (!npairs)
		return s;
	StdBuf b = {0};
	int64_t last = 0;
	bool prev_empty = false, any = false;
	for (int64_t i = 0; i <= len;) {
		int64_t best = -1;
		for (int64_t k = 0; k < npairs; k++) {
			GolString *o = on->data[2 * k].p;
			int64_t lo = str_len(o);
			if (lo == 0 && prev_empty)
				continue;
			if (lo <= len - i && !memcmp(p + i, str_ptr(o), (size_t)lo)) {
				best = k;
				break;
			}
		}
		if (best >= 0) {
			GolString *o = on->data[2 * best].p, *nw = on->data[2 * best + 1].p;
			int64_t kl = str_len(o);
			prev_empty = kl == 0;
			std_buf_put(&b, p + last, i - last);
			std_buf_put(&b, str_ptr(nw), str_len(nw));
			any = true;
			i += kl;
			last = i;
			continue;
		}
		prev_empty = false;
		i++;
	}
	if (!any)
		return s;
	if (last != len)
		std_buf_put(&b, p + last, len - last);
	return std_buf_str(&b);
}

static int rep_replace(VM *vm, Value *a, int n, Value *r)
{
	Value *rp = a[0].p;
	if (!rp)
		return vm_panic_nil(vm);
	r[0].p = rep_apply(rp, S(a[1]));
	return 0;
}

static int rep_write_string(VM *vm, Value *a, int n, Value *r)
{
	Value *rp = a[0].p;
	GolIface *w = a[1].p;
	if (!rp)
		return vm_panic_nil(vm);
	GolString *out = rep_apply(rp, S(a[2]));
	int64_t m;
	GolIface *err;
	if (write_string_to(vm, w, out, &m, &err) < 0)
		return -1;
	r[0].i = m;
	r[1].p = err;
	return 0;
}

const NativeDef strings_natives[] = {
	{"strings.Builder.Cap", b_cap},
	{"strings.Builder.Grow", b_grow},
	{"strings.Builder.Len", b_len},
	{"strings.Builder.Reset", b_reset},
	{"strings.Builder.String", b_string},
	{"strings.Builder.Write", b_write},
	{"strings.Builder.WriteByte", b_write_byte},
	{"strings.Builder.WriteRune", b_write_rune},
	{"strings.Builder.WriteString", b_write_string},
	{"strings.NewReader", r_new},
	{"strings.Reader.Len", r_len},
	{"strings.Reader.Read", r_read},
	{"strings.Reader.ReadAt", r_read_at},
	{"strings.Reader.ReadByte", r_read_byte},
	{"strings.Reader.ReadRune", r_read_rune},
	{"strings.Reader.Reset", r_reset},
	{"strings.Reader.Seek", r_seek},
	{"strings.Reader.Size", r_size},
	{"strings.Reader.UnreadByte", r_unread_byte},
	{"strings.Reader.UnreadRune", r_unread_rune},
	{"strings.Reader.WriteTo", r_write_to},
	{"strings.NewReplacer", rep_new},
	{"strings.Replacer.Replace", rep_replace},
	{"strings.Replacer.WriteString", rep_write_string},
	{"strings.Clone", s_clone},
	{"strings.Compare", s_compare},
	{"strings.Contains", s_contains},
	{"strings.ContainsAny", s_contains_any},
	{"strings.ContainsRune", s_contains_rune},
	{"strings.Count", s_count},
	{"strings.Cut", s_cut},
	{"strings.EqualFold", s_equal_fold},
	{"strings.Fields", s_fields},
	{"strings.FieldsFunc", s_fields_func},
	{"strings.HasPrefix", s_has_prefix},
	{"strings.HasSuffix", s_has_suffix},
	{"strings.Index", s_index},
	{"strings.IndexAny", s_index_any},
	{"strings.IndexByte", s_index_byte},
	{"strings.IndexFunc", s_index_func},
	{"strings.IndexRune", s_index_rune},
	{"strings.Join", s_join},
	{"strings.LastIndex", s_last_index},
	{"strings.LastIndexAny", s_last_index_any},
	{"strings.LastIndexByte", s_last_index_byte},
	{"strings.LastIndexFunc", s_last_index_func},
	{"strings.Map", s_map},
	{"strings.Repeat", s_repeat},
	{"strings.Replace", s_replace},
	{"strings.ReplaceAll", s_replace_all},
	{"strings.Split", s_split},
	{"strings.SplitAfter", s_split_after},
	{"strings.SplitAfterN", s_split_after_n},
	{"strings.SplitN", s_split_n},
	{"strings.Title", s_title},
	{"strings.ToLower", s_to_lower},
	{"strings.ToTitle", s_to_title},
	{"strings.ToUpper", s_to_upper},
	{"strings.ToValidUTF8", s_to_valid_utf8},
	{"strings.Trim", s_trim},
	{"strings.TrimFunc", s_trim_func},
	{"strings.TrimLeft", s_trim_left},
	{"strings.TrimLeftFunc", s_trim_left_func},
	{"strings.TrimPrefix", s_trim_prefix},
	{"strings.TrimRight", s_trim_right},
	{"strings.TrimRightFunc", s_trim_right_func},
	{"strings.TrimSpace", s_trim_space},
	{"strings.TrimSuffix", s_trim_suffix},
	{NULL, NULL},
};
