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

static inline bool bytes_eq(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;
	if (n > 16)
		return memcmp(p, q, n) == 0;
	if (n >= 8) {
		uint64_t x0, y0, x1, y1;
		memcpy(&x0, p, 8);
		memcpy(&y0, q, 8);
		memcpy(&x1, p + n - 8, 8);
		memcpy(&y1, q + n - 8, 8);
		return ((x0 ^ y0) | (x1 ^ y1)) == 0;
	}
	if (n >= 4) {
		uint32_t x0, y0, x1, y1;
		memcpy(&x0, p, 4);
		memcpy(&y0, q, 4);
		memcpy(&x1, p + n - 4, 4);
		memcpy(&y1, q + n - 4, 4);
		return ((x0 ^ y0) | (x1 ^ y1)) == 0;
	}
	for (size_t i = 0; i < n; i++)
		if (p[i] != q[i])
			return false;
	return true;
}

#endif
