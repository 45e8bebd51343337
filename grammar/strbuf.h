/*
 * strbuf.h — a growable string on the collected heap.
 *
 * Owns: building text piece by piece with printf-style appends; used for
 * syntax dumps, type spellings and messages. The result stays valid as long
 * as it is referenced (the collector frees it).
 */
#ifndef GOL_STRBUF_H
#define GOL_STRBUF_H

#include <stddef.h>

typedef struct StrBuf {
	char *s;   /* NUL-terminated once anything was written */
	size_t len, cap;
} StrBuf;

void strbuf_printf(StrBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text so far ("" for an empty buffer). */
char *strbuf_str(StrBuf *b);

#endif
