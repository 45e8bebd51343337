/*
 * diag.c — see diag.h.
 */
#include "diag.h"

#include <gc.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diag *d, const char *filename)
{
	memset(d, 0, sizeof *d);
	d->filename = filename;
}

void diag_errorf(Diag *d, Pos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *buf = GC_MALLOC_ATOMIC((size_t)(len > 0 ? len : 0) + 1);
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
	va_end(ap);

	/* Go keeps only the first syntax error of a line: the ones after it are
	 * almost always the parser losing its footing on the same mistake. */
	if (strncmp(buf, "syntax error", 12) == 0) {
		if (d->last_syntax_line == pos.line)
			return;
		d->last_syntax_line = pos.line;
	} else if (d->len > 0 && d->v[d->len - 1].pos.line == pos.line && !strcmp(d->v[d->len - 1].msg, buf)) {
		return; /* the same complaint twice on one line is said once */
	}
	d->total++;
	if (!strncmp(buf, "syntax error", 12) || !strncmp(buf, "too deeply nested", 17) ||
	    strstr(buf, "generics are not supported"))
		d->stops++;
	if (d->len >= DIAG_MAX_ERRORS)
		return;
	if (d->len == d->cap) {
		int cap = d->cap ? d->cap * 2 : 8;
		DiagEntry *v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (d->len)
			memcpy(v, d->v, sizeof *v * (size_t)d->len);
		d->v = v;
		d->cap = cap;
	}
	DiagEntry *e = &d->v[d->len];
	e->pos = pos;
	e->msg = ast_strndup(buf, strlen(buf));
	e->seq = d->len;
	d->len++;
}

int diag_full(const Diag *d)
{
	return d->len >= DIAG_MAX_ERRORS;
}

int diag_count(const Diag *d)
{
	return d->len;
}

int diag_stops(const Diag *d)
{
	return d->stops;
}

static int cmp_entry(const void *a, const void *b)
{
	const DiagEntry *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq - y->seq;
}

void diag_print(Diag *d, FILE *f)
{
	if (d->len)
		qsort(d->v, (size_t)d->len, sizeof *d->v, cmp_entry);
	for (int i = 0; i < d->len; i++)
		fprintf(f, "%s:%d:%d: %s\n", d->filename, d->v[i].pos.line, d->v[i].pos.col, d->v[i].msg);
	/* Go's compiler stops at its tenth error, saying so (even when
	 * there would have been no more) at the place of that tenth error
	 * as found, which sorting may have moved from the end */
	if (d->total >= DIAG_MAX_ERRORS && d->len > 0) {
		DiagEntry *tenth = &d->v[0];
		for (int i = 1; i < d->len; i++)
			if (d->v[i].seq > tenth->seq)
				tenth = &d->v[i];
		fprintf(f, "%s:%d:%d: too many errors\n", d->filename, tenth->pos.line, tenth->pos.col);
	}
}
