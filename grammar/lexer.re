/*
 * lexer.re — Go's lexical grammar (re2c source; see lexer.h for the contract).
 *
 * re2c recognises the fixed vocabulary: white space, keywords, operators and
 * the first byte of each literal. The literals themselves (numbers, strings,
 * runes, comments) are scanned by small hand-written loops below, because
 * Go's error messages for them depend on where exactly scanning stopped, and
 * a loop that follows the same steps as Go's scanner reproduces them.
 *
 * The buffer ends in a NUL sentinel. A NUL inside the file is an error in
 * Go; the NUL rule tells the two apart by comparing with the limit. No re2c
 * rule can match across a NUL, so the sentinel is never passed.
 */
#include "lexer.h"
#include "parser.h"

#include <gc.h>
#include <stdio.h>
#include <string.h>

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "lx->cur";
	re2c:define:YYMARKER = "marker";
	re2c:yyfill:enable = 0;
*/

static Pos pos_of(const Lexer *lx, const unsigned char *p)
{
	return (Pos){lx->line, (int32_t)(p - lx->bol) + 1};
}

static void newline_at(Lexer *lx, const unsigned char *nl)
{
	lx->line++;
	lx->bol = nl + 1;
}

int utf8_decode(const unsigned char *s, size_t n, int32_t *r)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*r = (int32_t)c;
		return 1;
	}
	int len;
	int32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		goto bad;
	}
	if ((size_t)len > n)
		goto bad;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		goto bad;
	*r = v;
	return len;
bad:
	*r = 0xFFFD;
	return -1;
}

/* Encode r as UTF-8 into out (4 bytes room); returns the length. An
 * invalid rune is written as U+FFFD, as Go does. */
static int utf8_encode(int32_t r, char *out)
{
	if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
		r = 0xFFFD;
	if (r < 0x80) {
		out[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		out[0] = (char)(0xC0 | (r >> 6));
		out[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		out[0] = (char)(0xE0 | (r >> 12));
		out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
		out[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (r >> 18));
	out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
	out[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}

/* Go's %#U: "U+00D7 '×'" (the quoted form only for printable runes). */
static void fmt_rune_U(char *buf, size_t n, int32_t r)
{
	char enc[5] = {0};
	bool valid = r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
	if (valid && r >= 0x20 && r != 0x7F && !(r >= 0x80 && r < 0xA0) && r != 0xFFFD) {
		enc[utf8_encode(r, enc)] = 0;
		snprintf(buf, n, "U+%04X '%s'", (unsigned)r, enc);
	} else {
		snprintf(buf, n, "U+%04X", (unsigned)r);
	}
}

/*
 * Read the character at lx->cur for a hand-written scanning loop: returns
 * the rune (or -1 at the end of the buffer) and its width in *w. A NUL byte,
 * invalid UTF-8 or a BOM are reported here, exactly where Go's source
 * reader reports them, and then read as if they were ordinary characters.
 */
static int32_t peek(Lexer *lx, int *w)
{
	const unsigned char *p = lx->cur;
	if (p >= lx->lim) {
		*w = 0;
		return -1;
	}
	if (*p < 0x80) {
		*w = 1;
		return *p;
	}
	int32_t r;
	int n = utf8_decode(p, (size_t)(lx->lim - p), &r);
	*w = n < 0 ? 1 : n;
	return r;
}

/* Advance over the current character, reporting it if it is not allowed
 * in a Go source file. */
static void advance(Lexer *lx)
{
	const unsigned char *p = lx->cur;
	if (p >= lx->lim)
		return;
	if (*p == 0) {
		diag_errorf(lx->diag, pos_of(lx, p), "invalid NUL character");
		lx->cur++;
		return;
	}
	if (*p == '\n') {
		lx->cur++;
		newline_at(lx, p);
		return;
	}
	if (*p < 0x80) {
		lx->cur++;
		return;
	}
	int32_t r;
	int n = utf8_decode(p, (size_t)(lx->lim - p), &r);
	if (n < 0) {
		diag_errorf(lx->diag, pos_of(lx, p), "invalid UTF-8 encoding");
		lx->cur++;
		return;
	}
	if (r == 0xFEFF)
		diag_errorf(lx->diag, pos_of(lx, p), "invalid BOM in the middle of the file");
	lx->cur += n;
}

void lexer_init(Lexer *lx, const SrcFile *file, Diag *diag)
{
	memset(lx, 0, sizeof *lx);
	lx->cur = (const unsigned char *)file->text;
	lx->lim = lx->cur + file->len;
	lx->bol = lx->cur;
	lx->line = 1 + file->line_offset;
	lx->diag = diag;
	/* A byte order mark is allowed at the very start, and ignored. */
	if (file->len >= 3 && memcmp(file->text, "\xEF\xBB\xBF", 3) == 0) {
		lx->cur += 3;
		lx->bol = lx->cur - 3;
	}
}

/* ---- literal scanners ----------------------------------------------------- */

static const char *base_name(int base)
{
	switch (base) {
	case 2: return "binary";
	case 8: return "octal";
	case 10: return "decimal";
	case 16: return "hexadecimal";
	}
	return "?";
}

static bool is_dec(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_hex(int32_t c) { return is_dec(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
static int32_t lower(int32_t c) { return c | 0x20; }
static int32_t cur_ch(Lexer *lx) { return lx->cur < lx->lim ? *lx->cur : -1; }

/* Scan digits of base (decimal digits are read for bases <= 10 so that an
 * invalid one can be reported); bit 0 of the result: a digit was seen,
 * bit 1: a '_' was seen. *invalid gets the offset of the first digit that is
 * too large for the base. */
static int scan_digits(Lexer *lx, int base, const unsigned char *start, int *invalid)
{
	int digsep = 0;
	if (base <= 10) {
		int32_t max = '0' + base;
		for (int32_t c = cur_ch(lx); is_dec(c) || c == '_'; c = cur_ch(lx)) {
			if (c == '_')
				digsep |= 2;
			else {
				digsep |= 1;
				if (c >= max && invalid && *invalid < 0)
					*invalid = (int)(lx->cur - start);
			}
			lx->cur++;
		}
	} else {
		for (int32_t c = cur_ch(lx); is_hex(c) || c == '_'; c = cur_ch(lx)) {
			digsep |= c == '_' ? 2 : 1;
			lx->cur++;
		}
	}
	return digsep;
}

/* Index of the first misplaced '_' in a number literal, or -1. */
static int invalid_sep(const unsigned char *x, size_t n)
{
	int32_t x1 = ' ', d = '.';
	size_t i = 0;
	if (n >= 2 && x[0] == '0') {
		x1 = lower(x[1]);
		if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
			d = '0';
			i = 2;
		}
	}
	for (; i < n; i++) {
		int32_t p = d;
		d = x[i];
		if (d == '_') {
			if (p != '0')
				return (int)i;
		} else if (is_dec(d) || (x1 == 'x' && is_hex(d))) {
			d = '0';
		} else {
			if (p == '_')
				return (int)i - 1;
			d = '.';
		}
	}
	return d == '_' ? (int)n - 1 : -1;
}

/* A number literal starting at lx->tok; lx->cur is past the '.' when
 * seen_point. Mirrors Go's scanner step for step so errors land where Go
 * puts them. */
static int scan_number(Lexer *lx, bool seen_point)
{
	const unsigned char *start = lx->tok;
	bool ok = true;
	int kind = INT;
	int base = 10, prefix = 0, digsep = 0, invalid = -1;

	if (!seen_point) {
		if (cur_ch(lx) == '0') {
			lx->cur++;
			switch (lower(cur_ch(lx))) {
			case 'x': lx->cur++, base = 16, prefix = 'x'; break;
			case 'o': lx->cur++, base = 8, prefix = 'o'; break;
			case 'b': lx->cur++, base = 2, prefix = 'b'; break;
			default: base = 8, prefix = '0', digsep = 1; break;
			}
		}
		digsep |= scan_digits(lx, base, start, &invalid);
		if (cur_ch(lx) == '.') {
			if (prefix == 'o' || prefix == 'b') {
				diag_errorf(lx->diag, pos_of(lx, lx->cur), "invalid radix point in %s literal", base_name(base));
				ok = false;
			}
			lx->cur++;
			seen_point = true;
		}
	}
	if (seen_point) {
		kind = FLOAT;
		digsep |= scan_digits(lx, base, start, &invalid);
	}
	if (!(digsep & 1) && ok) {
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "%s literal has no digits", base_name(base));
		ok = false;
	}
	int32_t e = lower(cur_ch(lx));
	if (e == 'e' || e == 'p') {
		if (ok) {
			if (e == 'e' && prefix != 0 && prefix != '0') {
				diag_errorf(lx->diag, pos_of(lx, lx->cur), "'%c' exponent requires decimal mantissa", *lx->cur);
				ok = false;
			} else if (e == 'p' && prefix != 'x') {
				diag_errorf(lx->diag, pos_of(lx, lx->cur), "'%c' exponent requires hexadecimal mantissa", *lx->cur);
				ok = false;
			}
		}
		lx->cur++;
		kind = FLOAT;
		if (cur_ch(lx) == '+' || cur_ch(lx) == '-')
			lx->cur++;
		digsep = scan_digits(lx, 10, start, NULL) | (digsep & 2);
		if (!(digsep & 1) && ok) {
			diag_errorf(lx->diag, pos_of(lx, lx->cur), "exponent has no digits");
			ok = false;
		}
	} else if (prefix == 'x' && kind == FLOAT && ok) {
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "hexadecimal mantissa requires a 'p' exponent");
		ok = false;
	}
	if (cur_ch(lx) == 'i') {
		kind = IMAG;
		lx->cur++;
	}
	if (kind == INT && invalid >= 0 && ok) {
		Pos p = pos_of(lx, start + invalid);
		diag_errorf(lx->diag, p, "invalid digit '%c' in %s literal", start[invalid], base_name(base));
		ok = false;
	}
	if ((digsep & 2) && ok) {
		int i = invalid_sep(start, (size_t)(lx->cur - start));
		if (i >= 0)
			diag_errorf(lx->diag, pos_of(lx, start + i), "'_' must separate successive digits");
	}
	return kind;
}

/* A growable byte buffer for decoded string literals. */
typedef struct SBuf {
	char *s;
	size_t len, cap;
} SBuf;

static void sbuf_add(SBuf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *s = GC_MALLOC_ATOMIC(cap);
		if (b->len)
			memcpy(s, b->s, b->len);
		b->s = s;
		b->cap = cap;
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = 0;
}

/*
 * One escape sequence after a backslash (lx->cur is past the '\\'). Appends
 * its value to out (NULL: value not wanted) and stores a rune literal's
 * value in *rv. Returns false after reporting a malformed escape.
 */
static bool scan_escape(Lexer *lx, int32_t quote, SBuf *out, int32_t *rv)
{
	int n;
	uint32_t base, max;
	int32_t c = cur_ch(lx);
	char ch;
	switch (c) {
	case 'a': ch = '\a'; goto simple;
	case 'b': ch = '\b'; goto simple;
	case 'f': ch = '\f'; goto simple;
	case 'n': ch = '\n'; goto simple;
	case 'r': ch = '\r'; goto simple;
	case 't': ch = '\t'; goto simple;
	case 'v': ch = '\v'; goto simple;
	case '\\': ch = '\\'; goto simple;
	case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
		n = 3, base = 8, max = 255;
		break;
	case 'x':
		lx->cur++;
		n = 2, base = 16, max = 255;
		break;
	case 'u':
		lx->cur++;
		n = 4, base = 16, max = 0x10FFFF;
		break;
	case 'U':
		lx->cur++;
		n = 8, base = 16, max = 0x10FFFF;
		break;
	default:
		if (c == quote) {
			ch = (char)quote;
			goto simple;
		}
		if (c < 0)
			return true; /* the caller reports the unterminated literal */
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "unknown escape");
		return false;
	}

	uint32_t x = 0;
	for (int i = n; i > 0; i--) {
		int w;
		int32_t d0 = peek(lx, &w);
		if (d0 < 0)
			return true;
		uint32_t d = base;
		if (is_dec(d0))
			d = (uint32_t)(d0 - '0');
		else if (lower(d0) >= 'a' && lower(d0) <= 'f')
			d = (uint32_t)(lower(d0) - 'a' + 10);
		if (d >= base) {
			char q[32];
			if (d0 == '\n')
				snprintf(q, sizeof q, "'\\n'");
			else if (d0 == '\'')
				snprintf(q, sizeof q, "'\\''");
			else if (d0 == '\\')
				snprintf(q, sizeof q, "'\\\\'");
			else if (d0 >= 0x20 && d0 < 0x7F)
				snprintf(q, sizeof q, "'%c'", (char)d0);
			else {
				char enc[5] = {0};
				enc[utf8_encode(d0, enc)] = 0;
				snprintf(q, sizeof q, "'%s'", enc);
			}
			diag_errorf(lx->diag, pos_of(lx, lx->cur), "invalid character %s in %s escape", q, base_name((int)base));
			return false;
		}
		x = x * base + d;
		lx->cur++;
	}
	if (x > max && base == 8) {
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "octal escape value %u > 255", x);
		return false;
	}
	if (x > max || (x >= 0xD800 && x < 0xE000)) {
		char u[32];
		fmt_rune_U(u, sizeof u, (int32_t)x);
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "escape is invalid Unicode code point %s", u);
		return false;
	}
	if (rv)
		*rv = (int32_t)x;
	if (out) {
		if (n >= 4) { /* \u and \U denote runes, \x and octal denote bytes */
			char enc[4];
			sbuf_add(out, enc, (size_t)utf8_encode((int32_t)x, enc));
		} else {
			char b = (char)x;
			sbuf_add(out, &b, 1);
		}
	}
	return true;

simple:
	lx->cur++;
	if (out)
		sbuf_add(out, &ch, 1);
	if (rv)
		*rv = (unsigned char)ch;
	return true;
}

/* An interpreted string; lx->cur is past the opening quote. */
static void scan_string(Lexer *lx, Token *t)
{
	SBuf out = {0};
	sbuf_add(&out, "", 0);
	for (;;) {
		int32_t c = cur_ch(lx);
		if (c == '"') {
			lx->cur++;
			break;
		}
		if (c == '\\') {
			lx->cur++;
			scan_escape(lx, '"', &out, NULL);
			continue;
		}
		if (c == '\n') {
			diag_errorf(lx->diag, pos_of(lx, lx->cur), "newline in string");
			break;
		}
		if (c < 0) {
			diag_errorf(lx->diag, t->pos, "string not terminated");
			break;
		}
		const unsigned char *p = lx->cur;
		advance(lx);
		sbuf_add(&out, (const char *)p, (size_t)(lx->cur - p));
	}
	t->node->u.lit.val = (Str){out.s, out.len};
}

/* A raw string; lx->cur is past the opening backquote. Carriage returns
 * are dropped from the value, as the spec requires. */
static void scan_raw_string(Lexer *lx, Token *t)
{
	SBuf out = {0};
	sbuf_add(&out, "", 0);
	for (;;) {
		int32_t c = cur_ch(lx);
		if (c == '`') {
			lx->cur++;
			break;
		}
		if (c < 0) {
			diag_errorf(lx->diag, t->pos, "string not terminated");
			break;
		}
		const unsigned char *p = lx->cur;
		advance(lx);
		if (c != '\r')
			sbuf_add(&out, (const char *)p, (size_t)(lx->cur - p));
	}
	t->node->u.lit.val = (Str){out.s, out.len};
}

/* A rune literal; lx->cur is past the opening quote. */
static void scan_rune(Lexer *lx, Token *t)
{
	bool ok = true;
	int32_t val = 0;
	for (int n = 0;; n++) {
		int w;
		int32_t c = peek(lx, &w);
		if (c == '\'') {
			if (ok) {
				if (n == 0) {
					diag_errorf(lx->diag, pos_of(lx, lx->cur), "empty rune literal or unescaped '");
					ok = false;
				} else if (n != 1) {
					diag_errorf(lx->diag, t->pos, "more than one character in rune literal");
					ok = false;
				}
			}
			lx->cur++;
			break;
		}
		if (c == '\\') {
			lx->cur++;
			if (!scan_escape(lx, '\'', NULL, &val))
				ok = false;
			continue;
		}
		if (c == '\n') {
			if (ok) {
				diag_errorf(lx->diag, pos_of(lx, lx->cur), "newline in rune literal");
				ok = false;
			}
			break;
		}
		if (c < 0) {
			if (ok) {
				diag_errorf(lx->diag, t->pos, "rune literal not terminated");
				ok = false;
			}
			break;
		}
		val = c;
		advance(lx);
	}
	t->node->u.lit.rune = val;
}

/* Skip a block comment; lx->cur is past the opening slash-star. */
static void skip_block_comment(Lexer *lx, Pos start)
{
	while (lx->cur < lx->lim) {
		if (lx->cur[0] == '*' && lx->cur + 1 < lx->lim && lx->cur[1] == '/') {
			lx->cur += 2;
			return;
		}
		advance(lx);
	}
	diag_errorf(lx->diag, start, "comment not terminated");
}

/* Skip a line comment up to, not including, its newline. */
static void skip_line_comment(Lexer *lx)
{
	while (lx->cur < lx->lim && *lx->cur != '\n')
		advance(lx);
}

/* The rest of an identifier whose first part [tok, cur) is already read;
 * handles letters and digits outside ASCII. Returns false if it is pure
 * ASCII so far and ended there. */
static void scan_ident_rest(Lexer *lx)
{
	for (;;) {
		int32_t c = cur_ch(lx);
		if (c < 0)
			return;
		if (c < 0x80) {
			if (unicode_is_letter(c) || is_dec(c) || c == '_') {
				lx->cur++;
				continue;
			}
			return;
		}
		int w;
		int32_t r = peek(lx, &w);
		if (r == 0xFFFD && w == 1) {
			advance(lx); /* reports the bad byte, which Go then skips */
			continue;
		}
		if (unicode_is_letter(r) || unicode_is_digit(r)) {
			lx->cur += w;
			continue;
		}
		char u[32];
		fmt_rune_U(u, sizeof u, r);
		diag_errorf(lx->diag, pos_of(lx, lx->cur), "invalid character %s in identifier", u);
		lx->cur += w;
	}
}

static Node *lit_node(Token *t, LitKind k)
{
	Node *n = ast_new(N_BASICLIT, t->pos);
	n->u.lit.kind = k;
	return n;
}

/* ---- the token loop -------------------------------------------------------- */

static void finish(Lexer *lx, Token *t, int kind, bool nlsemi)
{
	t->kind = kind;
	t->start = (const char *)lx->tok;
	t->len = (size_t)(lx->cur - lx->tok);
	lx->nlsemi = nlsemi;
	if (t->node) {
		if (t->node->kind == N_IDENT)
			t->node->u.ident.name = ast_strndup(t->start, t->len);
		else {
			t->node->u.lit.text = ast_strndup(t->start, t->len);
			t->node->u.lit.bad = lx->diag->total != lx->tok_errs;
		}
	}
}

#define OPTOK(k, o, semi)                                                   \
	do {                                                                    \
		t->op = (o);                                                    \
		finish(lx, t, (k), (semi));                                     \
		return;                                                         \
	} while (0)

void lexer_next(Lexer *lx, Token *t)
{
	const unsigned char *marker;
	memset(t, 0, sizeof *t);
	for (;;) {
		lx->tok = lx->cur;
		lx->tok_errs = lx->diag->total;
		t->pos = pos_of(lx, lx->cur);
		if (lx->cur >= lx->lim) {
			lx->tok = lx->lim;
			if (lx->nlsemi) {
				lx->nlsemi = false;
				t->semi = "EOF";
				finish(lx, t, ';', false);
				return;
			}
			t->kind = 0;
			t->start = (const char *)lx->lim;
			return;
		}
		/*!re2c
		[ \t\r]+ { continue; }
		"\n" {
			if (lx->nlsemi) {
				t->semi = "newline";
				lx->cur--; /* the newline itself is the token */
				lx->cur++;
				finish(lx, t, ';', false);
				newline_at(lx, lx->cur - 1);
				return;
			}
			newline_at(lx, lx->cur - 1);
			continue;
		}
		"//" { skip_line_comment(lx); continue; }
		"/*" {
			int32_t line0 = lx->line;
			skip_block_comment(lx, t->pos);
			if (lx->line != line0 && lx->nlsemi) {
				/* A comment spanning lines acts as a newline. */
				t->semi = "newline";
				finish(lx, t, ';', false);
				return;
			}
			continue;
		}
		"\x00" {
			if (lx->cur - 1 >= lx->lim) {
				lx->cur = lx->lim;
				continue;
			}
			diag_errorf(lx->diag, t->pos, "invalid NUL character");
			continue;
		}

		"break"       { finish(lx, t, BREAK, true); return; }
		"case"        { finish(lx, t, CASE, false); return; }
		"chan"        { finish(lx, t, CHAN, false); return; }
		"const"       { finish(lx, t, CONST, false); return; }
		"continue"    { finish(lx, t, CONTINUE, true); return; }
		"default"     { finish(lx, t, DEFAULT, false); return; }
		"defer"       { finish(lx, t, DEFER, false); return; }
		"else"        { finish(lx, t, ELSE, false); return; }
		"fallthrough" { finish(lx, t, FALLTHROUGH, true); return; }
		"for"         { finish(lx, t, FOR, false); return; }
		"func"        { finish(lx, t, FUNC, false); return; }
		"go"          { finish(lx, t, GO, false); return; }
		"goto"        { finish(lx, t, GOTO, false); return; }
		"if"          { finish(lx, t, IF, false); return; }
		"import"      { finish(lx, t, IMPORT, false); return; }
		"interface"   { finish(lx, t, INTERFACE, false); return; }
		"map"         { finish(lx, t, MAP, false); return; }
		"package"     { finish(lx, t, PACKAGE, false); return; }
		"range"       { finish(lx, t, RANGE, false); return; }
		"return"      { finish(lx, t, RETURN, true); return; }
		"select"      { finish(lx, t, SELECT, false); return; }
		"struct"      { finish(lx, t, STRUCT, false); return; }
		"switch"      { finish(lx, t, SWITCH, false); return; }
		"type"        { finish(lx, t, TYPE, false); return; }
		"var"         { finish(lx, t, VAR, false); return; }

		[a-zA-Z_][a-zA-Z_0-9]* {
			if (lx->cur < lx->lim && *lx->cur >= 0x80)
				scan_ident_rest(lx);
			t->node = ast_ident(t->pos, NULL);
			finish(lx, t, IDENT, true);
			return;
		}
		[\x80-\xff] {
			lx->cur = lx->tok;
			int w;
			int32_t r = peek(lx, &w);
			if (r == 0xFFFD && w == 1) {
				advance(lx); /* reported; Go skips the byte */
				continue;
			}
			if (r == 0xFEFF) {
				advance(lx);
				continue;
			}
			if (unicode_is_digit(r)) {
				char u[32];
				fmt_rune_U(u, sizeof u, r);
				diag_errorf(lx->diag, t->pos, "identifier cannot begin with digit %s", u);
			} else if (!unicode_is_letter(r)) {
				char u[32];
				fmt_rune_U(u, sizeof u, r);
				diag_errorf(lx->diag, t->pos, "invalid character %s in identifier", u);
			}
			lx->cur += w;
			scan_ident_rest(lx);
			t->node = ast_ident(t->pos, NULL);
			finish(lx, t, IDENT, true);
			return;
		}

		[0-9] {
			lx->cur = lx->tok;
			int k = scan_number(lx, false);
			t->node = lit_node(t, k == INT ? LIT_INT : k == FLOAT ? LIT_FLOAT : LIT_IMAG);
			finish(lx, t, k, true);
			return;
		}
		"." [0-9] {
			lx->cur = lx->tok + 1;
			int k = scan_number(lx, true);
			t->node = lit_node(t, k == FLOAT ? LIT_FLOAT : LIT_IMAG);
			finish(lx, t, k, true);
			return;
		}
		"\"" {
			t->node = lit_node(t, LIT_STRING);
			scan_string(lx, t);
			finish(lx, t, STRING, true);
			return;
		}
		"`" {
			t->node = lit_node(t, LIT_STRING);
			scan_raw_string(lx, t);
			finish(lx, t, STRING, true);
			return;
		}
		"'" {
			t->node = lit_node(t, LIT_RUNE);
			scan_rune(lx, t);
			finish(lx, t, RUNE, true);
			return;
		}

		"..." { OPTOK(ELLIPSIS, OP_NONE, false); }
		"."   { OPTOK('.', OP_NONE, false); }
		","   { OPTOK(',', OP_NONE, false); }
		";"   { t->semi = "semicolon"; OPTOK(';', OP_NONE, false); }
		":="  { OPTOK(DEFINE, OP_NONE, false); }
		":"   { OPTOK(':', OP_NONE, false); }
		"("   { OPTOK('(', OP_NONE, false); }
		")"   { OPTOK(')', OP_NONE, true); }
		"["   { OPTOK('[', OP_NONE, false); }
		"]"   { OPTOK(']', OP_NONE, true); }
		"{"   { OPTOK('{', OP_NONE, false); }
		"}"   { OPTOK('}', OP_NONE, true); }
		"~"   { OPTOK('~', OP_TILDE, false); }

		"+"   { OPTOK('+', OP_ADD, false); }
		"-"   { OPTOK('-', OP_SUB, false); }
		"*"   { OPTOK('*', OP_MUL, false); }
		"/"   { OPTOK('/', OP_DIV, false); }
		"%"   { OPTOK('%', OP_REM, false); }
		"&"   { OPTOK('&', OP_AND, false); }
		"|"   { OPTOK('|', OP_OR, false); }
		"^"   { OPTOK('^', OP_XOR, false); }
		"<<"  { OPTOK(SHL, OP_SHL, false); }
		">>"  { OPTOK(SHR, OP_SHR, false); }
		"&^"  { OPTOK(ANDNOT, OP_ANDNOT, false); }
		"+="  { OPTOK(ASSIGNOP, OP_ADD, false); }
		"-="  { OPTOK(ASSIGNOP, OP_SUB, false); }
		"*="  { OPTOK(ASSIGNOP, OP_MUL, false); }
		"/="  { OPTOK(ASSIGNOP, OP_DIV, false); }
		"%="  { OPTOK(ASSIGNOP, OP_REM, false); }
		"&="  { OPTOK(ASSIGNOP, OP_AND, false); }
		"|="  { OPTOK(ASSIGNOP, OP_OR, false); }
		"^="  { OPTOK(ASSIGNOP, OP_XOR, false); }
		"<<=" { OPTOK(ASSIGNOP, OP_SHL, false); }
		">>=" { OPTOK(ASSIGNOP, OP_SHR, false); }
		"&^=" { OPTOK(ASSIGNOP, OP_ANDNOT, false); }
		"&&"  { OPTOK(ANDAND, OP_ANDAND, false); }
		"||"  { OPTOK(OROR, OP_OROR, false); }
		"<-"  { OPTOK(ARROW, OP_RECV, false); }
		"++"  { OPTOK(INC, OP_ADD, true); }
		"--"  { OPTOK(DEC, OP_SUB, true); }
		"=="  { OPTOK(EQ, OP_EQ, false); }
		"<"   { OPTOK('<', OP_LT, false); }
		">"   { OPTOK('>', OP_GT, false); }
		"="   { OPTOK('=', OP_NONE, false); }
		"!"   { OPTOK('!', OP_NOT, false); }
		"!="  { OPTOK(NE, OP_NE, false); }
		"<="  { OPTOK(LE, OP_LE, false); }
		">="  { OPTOK(GE, OP_GE, false); }

		* {
			char u[32];
			fmt_rune_U(u, sizeof u, lx->tok[0]);
			diag_errorf(lx->diag, t->pos, "invalid character %s", u);
			continue;
		}
		*/
	}
}

const char *token_describe(const Token *t)
{
	char buf[96];
	switch (t->kind) {
	case 0:
		return "EOF";
	case ';':
		return t->semi ? t->semi : "semicolon";
	case ',':
		return "comma";
	case IDENT:
		return ast_strndup(t->start, t->len);
	case INT: case FLOAT: case IMAG: case RUNE: case STRING: {
		size_t n = t->len > 64 ? 64 : t->len;
		snprintf(buf, sizeof buf, "literal %.*s", (int)n, t->start);
		return ast_strndup(buf, strlen(buf));
	}
	default:
		return ast_strndup(t->start, t->len);
	}
}
