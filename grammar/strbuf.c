/*
 * strbuf.c — see strbuf.h.
 */
#include "strbuf.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void strbuf_printf(StrBuf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		size_t room = b->cap - b->len;
		va_start(ap, fmt);
		int n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < room) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap - b->len <= (size_t)n)
			cap *= 2;
		char *s = GC_MALLOC_ATOMIC(cap);
		if (b->len)
			memcpy(s, b->s, b->len);
		b->s = s;
		b->cap = cap;
	}
}

char *strbuf_str(StrBuf *b)
{
	if (!b->s)
		strbuf_printf(b, "%s", "");
	return b->s;
}
