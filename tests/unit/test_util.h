/*
 * test_util.h — helpers shared by gol's Criterion unit tests.
 *
 * Criterion runs every test in a worker process, so the Boehm collector is
 * started by a fixture (gc_setup, used as `.init`) inside that process, not
 * in main. Everything the helpers return is GC-allocated and reachable from
 * the caller's stack, so nothing is freed by hand.
 *
 *   lex("a + b")          every token of a source string, plus its errors
 *   toks_str(lx)          the tokens as text: "a + b ;/EOF"
 *   parse_src(src)        a whole file: its ast_dump and its errors
 *   expr_dump("a+b")      one expression's dump ("(binary + a b)")
 *   stmts_dump("x++")     the dump of statements inside a function body
 *   errs_str(&diag)       the errors as "LINE:COL: msg\n" lines, sorted
 */
#ifndef GOL_TEST_UTIL_H
#define GOL_TEST_UTIL_H

#include <criterion/criterion.h>
#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "parse.h"
#include "parser.h"

/* Start the collector in the worker process that runs the test. */
static void gc_setup(void)
{
	GC_INIT();
}

/* printf into a collected string. */
static inline char *tu_fmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline char *tu_fmt(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = GC_MALLOC_ATOMIC((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* A growable collected string. */
typedef struct TuBuf {
	char *s;
	size_t len, cap;
} TuBuf;

static inline void tu_put(TuBuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 128;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *d = GC_MALLOC_ATOMIC(cap);
		if (b->len)
			memcpy(d, b->s, b->len);
		b->s = d;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static inline void tu_puts(TuBuf *b, const char *s)
{
	tu_put(b, s, strlen(s));
}

static inline const char *tu_str(const TuBuf *b)
{
	return b->s ? b->s : "";
}

/* A SrcFile over a collected, NUL-terminated copy of len bytes. */
static inline SrcFile tu_src(const char *text, size_t len)
{
	char *copy = GC_MALLOC_ATOMIC(len + 1);
	memcpy(copy, text, len);
	copy[len] = 0;
	return (SrcFile){"test.gol", copy, len, 0};
}

/* Every error of d as "LINE:COL: message\n", in position order (report
 * order for equal positions), as `go build` lists them. "" when none. */
static inline const char *errs_str(const Diag *d)
{
	int n = diag_count(d);
	DiagEntry *v = GC_MALLOC(sizeof *v * (size_t)(n ? n : 1));
	if (n)
		memcpy(v, d->v, sizeof *v * (size_t)n);
	for (int i = 1; i < n; i++) /* insertion sort: stable, n is tiny */
		for (int j = i; j > 0; j--) {
			DiagEntry *a = &v[j - 1], *b = &v[j];
			if (a->pos.line < b->pos.line || (a->pos.line == b->pos.line && a->pos.col <= b->pos.col))
				break;
			DiagEntry t = *a;
			*a = *b;
			*b = t;
		}
	TuBuf b = {0};
	tu_puts(&b, "");
	for (int i = 0; i < n; i++)
		tu_puts(&b, tu_fmt("%d:%d: %s\n", v[i].pos.line, v[i].pos.col, v[i].msg));
	return tu_str(&b);
}

/* ---- lexing ---------------------------------------------------------------- */

#define TU_MAX_TOKENS 4096

typedef struct Lexed {
	SrcFile src;
	Token *v; /* the tokens, without the final kind-0 one */
	int n;
	Token end; /* the kind-0 token */
	Diag diag;
} Lexed;

/* Lex len bytes (which may hold NULs) to the end. */
static inline Lexed *lex_n(const char *text, size_t len)
{
	Lexed *lx = GC_MALLOC(sizeof *lx);
	lx->src = tu_src(text, len);
	diag_init(&lx->diag, lx->src.name);
	lx->v = GC_MALLOC(sizeof *lx->v * TU_MAX_TOKENS);
	Lexer l;
	lexer_init(&l, &lx->src, &lx->diag);
	for (;;) {
		Token t;
		lexer_next(&l, &t);
		if (t.kind == 0) {
			lx->end = t;
			break;
		}
		cr_assert_lt(lx->n, TU_MAX_TOKENS, "lexer does not reach the end");
		lx->v[lx->n++] = t;
	}
	return lx;
}

static inline Lexed *lex(const char *text)
{
	return lex_n(text, strlen(text));
}

/* One token as text: its source bytes, a ';' as ";/newline", ";/EOF" or
 * ";/semicolon". */
static inline const char *tok_str(const Token *t)
{
	if (t->kind == ';')
		return tu_fmt(";/%s", t->semi ? t->semi : "?");
	return tu_fmt("%.*s", (int)t->len, t->start);
}

/* All tokens, space-separated. */
static inline const char *toks_str(const Lexed *lx)
{
	TuBuf b = {0};
	tu_puts(&b, "");
	for (int i = 0; i < lx->n; i++) {
		if (i)
			tu_puts(&b, " ");
		tu_puts(&b, tok_str(&lx->v[i]));
	}
	return tu_str(&b);
}

/* The parser's name of a token code, for messages. */
static inline const char *tok_kind_name(int k)
{
	switch (k) {
	case 0: return "EOF";
	case IDENT: return "IDENT";
	case INT: return "INT";
	case FLOAT: return "FLOAT";
	case IMAG: return "IMAG";
	case RUNE: return "RUNE";
	case STRING: return "STRING";
	case SHL: return "SHL";
	case SHR: return "SHR";
	case ANDNOT: return "ANDNOT";
	case ANDAND: return "ANDAND";
	case OROR: return "OROR";
	case ARROW: return "ARROW";
	case INC: return "INC";
	case DEC: return "DEC";
	case EQ: return "EQ";
	case NE: return "NE";
	case LE: return "LE";
	case GE: return "GE";
	case ASSIGNOP: return "ASSIGNOP";
	case DEFINE: return "DEFINE";
	case ELLIPSIS: return "ELLIPSIS";
	default:
		if (k > 0 && k < 128)
			return tu_fmt("'%c'", k);
		return tu_fmt("token#%d", k);
	}
}

/* The kinds of all tokens, space-separated ("IDENT '+' IDENT ';'"). */
static inline const char *kinds_str(const Lexed *lx)
{
	TuBuf b = {0};
	tu_puts(&b, "");
	for (int i = 0; i < lx->n; i++) {
		if (i)
			tu_puts(&b, " ");
		tu_puts(&b, tok_kind_name(lx->v[i].kind));
	}
	return tu_str(&b);
}

/* ---- parsing --------------------------------------------------------------- */

typedef struct Parsed {
	SrcFile src;
	Node *file;
	const char *dump; /* ast_dump of the file */
	const char *errs; /* errs_str of its errors */
	Diag diag;
} Parsed;

static inline Parsed *parse_n(const char *text, size_t len)
{
	Parsed *p = GC_MALLOC(sizeof *p);
	p->src = tu_src(text, len);
	diag_init(&p->diag, p->src.name);
	p->file = parse_file(&p->src, &p->diag);
	cr_assert_not_null(p->file);
	p->dump = ast_dump(p->file);
	p->errs = errs_str(&p->diag);
	return p;
}

static inline Parsed *parse_src(const char *text)
{
	return parse_n(text, strlen(text));
}

/* Parse text, which must parse without errors; returns its dump. */
static inline const char *parse_ok(const char *text)
{
	Parsed *p = parse_src(text);
	cr_assert_str_eq(p->errs, "", "unexpected errors parsing:\n%s", text);
	return p->dump;
}

/* The dump of expression e, parsed as `var _ = e` (which must succeed). */
static inline const char *expr_dump(const char *e)
{
	Parsed *p = parse_src(tu_fmt("var _ = %s\n", e));
	cr_assert_str_eq(p->errs, "", "unexpected errors parsing expression %s", e);
	cr_assert_eq(p->file->u.file.decls.len, 1);
	Node *spec = p->file->u.file.decls.v[0]->u.gen.specs.v[0];
	cr_assert_eq(spec->u.value.values.len, 1);
	return ast_dump(spec->u.value.values.v[0]);
}

/* The body statements of `func f() {\n<body>\n}`, each dumped, joined by
 * spaces (the body must parse without errors). */
static inline const char *stmts_dump(const char *body)
{
	Parsed *p = parse_src(tu_fmt("func f() {\n%s\n}\n", body));
	cr_assert_str_eq(p->errs, "", "unexpected errors parsing statements:\n%s", body);
	cr_assert_eq(p->file->u.file.decls.len, 1);
	Node *blk = p->file->u.file.decls.v[0]->u.func.body;
	TuBuf b = {0};
	tu_puts(&b, "");
	for (int i = 0; i < blk->u.block.stmts.len; i++) {
		if (i)
			tu_puts(&b, " ");
		tu_puts(&b, ast_dump(blk->u.block.stmts.v[i]));
	}
	return tu_str(&b);
}

#endif
