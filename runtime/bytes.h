/*
 * bytes.h — comparison of byte strings, shared by the map and the string
 * runtime.
 *
 * Owns: bytes_eq, the equality that string ==, switch cases and map keys
 * of string type all come down to. Most strings compared are short (map
 * keys, words), for which a call to memcmp costs more than the comparison
 * itself, so up to 16 bytes are compared inline as two overlapping loads
 * that never read outside the n bytes (a substring may end at the last
 * byte of its block).
 */
#ifndef GOL_BYTES_H
#define GOL_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* w (8 or 4) bytes at p as one word. */
static inline uint64_t bytes_word(const unsigned char *p, size_t w)
{
	if (w == 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		return v;
	}
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static inline bool bytes_eq(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	if (n > 16)
		return memcmp(p, q, n) == 0;
	if (n >= 4) {
		/* the first and the last w bytes, overlapping when n < 2w */
		size_t w = n >= 8 ? 8 : 4;
		return ((bytes_word(p, w) ^ bytes_word(q, w)) | (bytes_word(p + n - w, w) ^ bytes_word(q + n - w, w))) == 0;
	}
	for (size_t i = 0; i < n; i++)
		if (p[i] != q[i])
			return false;
	return true;
}

#endif
