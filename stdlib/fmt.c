/*
 * fmt.c — see fmt.h.
 *
 * A close port of go1.19's fmt: the Printer below is Go's pp (print.go:
 * printArg, printValue, handleMethods, doPrintf ...) and the fmt_* helpers
 * are Go's fmt (format.go: fmtInteger, fmtFloat, fmtQ, pad ...), keeping
 * Go's names in comments where they help to compare. reflect.Value becomes
 * a (Type *, Value) pair as value.h lays values out; CanInterface (false
 * below an unexported struct field) is tracked as a flag, because fmt only
 * calls Error/String on values an interface could hold.
 *
 * Map keys are sorted as internal/fmtsort sorts them. Interface keys of
 * different dynamic types are ordered by Go by the address of their type
 * descriptors, which the Go linker lays out by size and then by name; here
 * the same order comes from an estimate of each descriptor's size (see
 * rtype_size) and then the type's name.
 */
#include "fmt.h"

#include "fmtfloat.h"
#include "map.h"
#include "rt.h"

#include <gc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the output buffer ---------------------------------------------------- */

void fmtbuf_put(FmtBuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap || !b->p) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *d = GC_MALLOC_ATOMIC(cap);
		if (b->len)
			memcpy(d, b->p, b->len);
		b->p = d;
		b->cap = cap;
	}
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

static void buf_byte(FmtBuf *b, char c)
{
	if (b->p && b->len + 2 <= b->cap) {
		b->p[b->len++] = c;
		b->p[b->len] = 0;
		return;
	}
	fmtbuf_put(b, &c, 1);
}

static void buf_str(FmtBuf *b, const char *s)
{
	fmtbuf_put(b, s, strlen(s));
}

/* ---- UTF-8, exactly as Go's unicode/utf8 ----------------------------------- */

#define RUNE_ERROR 0xFFFD
#define MAX_RUNE 0x10FFFF

/* utf8.DecodeRune: (RuneError, 1) for any invalid or incomplete sequence. */
static int32_t utf8_decode(const unsigned char *s, size_t n, int *width)
{
	unsigned c = s[0];
	*width = 1;
	if (c < 0x80)
		return (int32_t)c;
	int need;
	unsigned lo = 0x80, hi = 0xBF;
	int32_t r;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		r = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		r = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		r = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return RUNE_ERROR;
	}
	if (n < (size_t)need + 1)
		return RUNE_ERROR;
	for (int k = 1; k <= need; k++) {
		unsigned d = s[k];
		if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF))
			return RUNE_ERROR;
		r = (r << 6) | (int32_t)(d & 0x3F);
	}
	*width = need + 1;
	return r;
}

static bool valid_rune(int64_t r)
{
	return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= MAX_RUNE);
}

/* utf8.EncodeRune: invalid runes become RuneError. Returns the length. */
static int utf8_encode(char *p, int64_t r)
{
	if (!valid_rune(r))
		r = RUNE_ERROR;
	if (r < 0x80) {
		p[0] = (char)r;
		return 1;
	}
	if (r < 0x800) {
		p[0] = (char)(0xC0 | (r >> 6));
		p[1] = (char)(0x80 | (r & 0x3F));
		return 2;
	}
	if (r < 0x10000) {
		p[0] = (char)(0xE0 | (r >> 12));
		p[1] = (char)(0x80 | ((r >> 6) & 0x3F));
		p[2] = (char)(0x80 | (r & 0x3F));
		return 3;
	}
	p[0] = (char)(0xF0 | (r >> 18));
	p[1] = (char)(0x80 | ((r >> 12) & 0x3F));
	p[2] = (char)(0x80 | ((r >> 6) & 0x3F));
	p[3] = (char)(0x80 | (r & 0x3F));
	return 4;
}

static void buf_rune(FmtBuf *b, int64_t r)
{
	char tmp[4];
	fmtbuf_put(b, tmp, (size_t)utf8_encode(tmp, r));
}

static int64_t rune_count(const char *s, size_t n)
{
	int64_t count = 0;
	for (size_t i = 0; i < n; count++) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int w;
		utf8_decode((const unsigned char *)s + i, n - i, &w);
		i += (size_t)w;
	}
	return count;
}

/* ---- strconv's IsPrint and quoting ------------------------------------------ */

/* Tables copied from go1.19's strconv/isprint.go (generated there by
 * makeisprint.go from Unicode 13.0). */
static const uint16_t is_print16[] = {
	0x0020, 0x007e, 0x00a1, 0x0377, 0x037a, 0x037f, 0x0384, 0x0556,
	0x0559, 0x058a, 0x058d, 0x05c7, 0x05d0, 0x05ea, 0x05ef, 0x05f4,
	0x0606, 0x061b, 0x061e, 0x070d, 0x0710, 0x074a, 0x074d, 0x07b1,
	0x07c0, 0x07fa, 0x07fd, 0x082d, 0x0830, 0x085b, 0x085e, 0x086a,
	0x08a0, 0x08c7, 0x08d3, 0x098c, 0x098f, 0x0990, 0x0993, 0x09b2,
	0x09b6, 0x09b9, 0x09bc, 0x09c4, 0x09c7, 0x09c8, 0x09cb, 0x09ce,
	0x09d7, 0x09d7, 0x09dc, 0x09e3, 0x09e6, 0x09fe, 0x0a01, 0x0a0a,
	0x0a0f, 0x0a10, 0x0a13, 0x0a39, 0x0a3c, 0x0a42, 0x0a47, 0x0a48,
	0x0a4b, 0x0a4d, 0x0a51, 0x0a51, 0x0a59, 0x0a5e, 0x0a66, 0x0a76,
	0x0a81, 0x0ab9, 0x0abc, 0x0acd, 0x0ad0, 0x0ad0, 0x0ae0, 0x0ae3,
	0x0ae6, 0x0af1, 0x0af9, 0x0b0c, 0x0b0f, 0x0b10, 0x0b13, 0x0b39,
	0x0b3c, 0x0b44, 0x0b47, 0x0b48, 0x0b4b, 0x0b4d, 0x0b55, 0x0b57,
	0x0b5c, 0x0b63, 0x0b66, 0x0b77, 0x0b82, 0x0b8a, 0x0b8e, 0x0b95,
	0x0b99, 0x0b9f, 0x0ba3, 0x0ba4, 0x0ba8, 0x0baa, 0x0bae, 0x0bb9,
	0x0bbe, 0x0bc2, 0x0bc6, 0x0bcd, 0x0bd0, 0x0bd0, 0x0bd7, 0x0bd7,
	0x0be6, 0x0bfa, 0x0c00, 0x0c39, 0x0c3d, 0x0c4d, 0x0c55, 0x0c5a,
	0x0c60, 0x0c63, 0x0c66, 0x0c6f, 0x0c77, 0x0cb9, 0x0cbc, 0x0ccd,
	0x0cd5, 0x0cd6, 0x0cde, 0x0ce3, 0x0ce6, 0x0cf2, 0x0d00, 0x0d4f,
	0x0d54, 0x0d63, 0x0d66, 0x0d96, 0x0d9a, 0x0dbd, 0x0dc0, 0x0dc6,
	0x0dca, 0x0dca, 0x0dcf, 0x0ddf, 0x0de6, 0x0def, 0x0df2, 0x0df4,
	0x0e01, 0x0e3a, 0x0e3f, 0x0e5b, 0x0e81, 0x0ebd, 0x0ec0, 0x0ecd,
	0x0ed0, 0x0ed9, 0x0edc, 0x0edf, 0x0f00, 0x0f6c, 0x0f71, 0x0fda,
	0x1000, 0x10c7, 0x10cd, 0x10cd, 0x10d0, 0x124d, 0x1250, 0x125d,
	0x1260, 0x128d, 0x1290, 0x12b5, 0x12b8, 0x12c5, 0x12c8, 0x1315,
	0x1318, 0x135a, 0x135d, 0x137c, 0x1380, 0x1399, 0x13a0, 0x13f5,
	0x13f8, 0x13fd, 0x1400, 0x169c, 0x16a0, 0x16f8, 0x1700, 0x1714,
	0x1720, 0x1736, 0x1740, 0x1753, 0x1760, 0x1773, 0x1780, 0x17dd,
	0x17e0, 0x17e9, 0x17f0, 0x17f9, 0x1800, 0x180d, 0x1810, 0x1819,
	0x1820, 0x1878, 0x1880, 0x18aa, 0x18b0, 0x18f5, 0x1900, 0x192b,
	0x1930, 0x193b, 0x1940, 0x1940, 0x1944, 0x196d, 0x1970, 0x1974,
	0x1980, 0x19ab, 0x19b0, 0x19c9, 0x19d0, 0x19da, 0x19de, 0x1a1b,
	0x1a1e, 0x1a7c, 0x1a7f, 0x1a89, 0x1a90, 0x1a99, 0x1aa0, 0x1aad,
	0x1ab0, 0x1ac0, 0x1b00, 0x1b4b, 0x1b50, 0x1b7c, 0x1b80, 0x1bf3,
	0x1bfc, 0x1c37, 0x1c3b, 0x1c49, 0x1c4d, 0x1c88, 0x1c90, 0x1cba,
	0x1cbd, 0x1cc7, 0x1cd0, 0x1cfa, 0x1d00, 0x1f15, 0x1f18, 0x1f1d,
	0x1f20, 0x1f45, 0x1f48, 0x1f4d, 0x1f50, 0x1f7d, 0x1f80, 0x1fd3,
	0x1fd6, 0x1fef, 0x1ff2, 0x1ffe, 0x2010, 0x2027, 0x2030, 0x205e,
	0x2070, 0x2071, 0x2074, 0x209c, 0x20a0, 0x20bf, 0x20d0, 0x20f0,
	0x2100, 0x218b, 0x2190, 0x2426, 0x2440, 0x244a, 0x2460, 0x2b73,
	0x2b76, 0x2cf3, 0x2cf9, 0x2d27, 0x2d2d, 0x2d2d, 0x2d30, 0x2d67,
	0x2d6f, 0x2d70, 0x2d7f, 0x2d96, 0x2da0, 0x2e52, 0x2e80, 0x2ef3,
	0x2f00, 0x2fd5, 0x2ff0, 0x2ffb, 0x3001, 0x3096, 0x3099, 0x30ff,
	0x3105, 0x31e3, 0x31f0, 0x9ffc, 0xa000, 0xa48c, 0xa490, 0xa4c6,
	0xa4d0, 0xa62b, 0xa640, 0xa6f7, 0xa700, 0xa7bf, 0xa7c2, 0xa7ca,
	0xa7f5, 0xa82c, 0xa830, 0xa839, 0xa840, 0xa877, 0xa880, 0xa8c5,
	0xa8ce, 0xa8d9, 0xa8e0, 0xa953, 0xa95f, 0xa97c, 0xa980, 0xa9d9,
	0xa9de, 0xaa36, 0xaa40, 0xaa4d, 0xaa50, 0xaa59, 0xaa5c, 0xaac2,
	0xaadb, 0xaaf6, 0xab01, 0xab06, 0xab09, 0xab0e, 0xab11, 0xab16,
	0xab20, 0xab6b, 0xab70, 0xabed, 0xabf0, 0xabf9, 0xac00, 0xd7a3,
	0xd7b0, 0xd7c6, 0xd7cb, 0xd7fb, 0xf900, 0xfa6d, 0xfa70, 0xfad9,
	0xfb00, 0xfb06, 0xfb13, 0xfb17, 0xfb1d, 0xfbc1, 0xfbd3, 0xfd3f,
	0xfd50, 0xfd8f, 0xfd92, 0xfdc7, 0xfdf0, 0xfdfd, 0xfe00, 0xfe19,
	0xfe20, 0xfe6b, 0xfe70, 0xfefc, 0xff01, 0xffbe, 0xffc2, 0xffc7,
	0xffca, 0xffcf, 0xffd2, 0xffd7, 0xffda, 0xffdc, 0xffe0, 0xffee,
	0xfffc, 0xfffd,
};

static const uint16_t is_not_print16[] = {
	0x00ad, 0x038b, 0x038d, 0x03a2, 0x0530, 0x0590, 0x06dd, 0x083f,
	0x085f, 0x08b5, 0x08e2, 0x0984, 0x09a9, 0x09b1, 0x09de, 0x0a04,
	0x0a29, 0x0a31, 0x0a34, 0x0a37, 0x0a3d, 0x0a5d, 0x0a84, 0x0a8e,
	0x0a92, 0x0aa9, 0x0ab1, 0x0ab4, 0x0ac6, 0x0aca, 0x0b00, 0x0b04,
	0x0b29, 0x0b31, 0x0b34, 0x0b5e, 0x0b84, 0x0b91, 0x0b9b, 0x0b9d,
	0x0bc9, 0x0c0d, 0x0c11, 0x0c29, 0x0c45, 0x0c49, 0x0c57, 0x0c8d,
	0x0c91, 0x0ca9, 0x0cb4, 0x0cc5, 0x0cc9, 0x0cdf, 0x0cf0, 0x0d0d,
	0x0d11, 0x0d45, 0x0d49, 0x0d80, 0x0d84, 0x0db2, 0x0dbc, 0x0dd5,
	0x0dd7, 0x0e83, 0x0e85, 0x0e8b, 0x0ea4, 0x0ea6, 0x0ec5, 0x0ec7,
	0x0f48, 0x0f98, 0x0fbd, 0x0fcd, 0x10c6, 0x1249, 0x1257, 0x1259,
	0x1289, 0x12b1, 0x12bf, 0x12c1, 0x12d7, 0x1311, 0x1680, 0x170d,
	0x176d, 0x1771, 0x191f, 0x1a5f, 0x1dfa, 0x1f58, 0x1f5a, 0x1f5c,
	0x1f5e, 0x1fb5, 0x1fc5, 0x1fdc, 0x1ff5, 0x208f, 0x2b96, 0x2c2f,
	0x2c5f, 0x2d26, 0x2da7, 0x2daf, 0x2db7, 0x2dbf, 0x2dc7, 0x2dcf,
	0x2dd7, 0x2ddf, 0x2e9a, 0x3040, 0x3130, 0x318f, 0x321f, 0xa9ce,
	0xa9ff, 0xab27, 0xab2f, 0xfb37, 0xfb3d, 0xfb3f, 0xfb42, 0xfb45,
	0xfe53, 0xfe67, 0xfe75, 0xffe7,
};

static const uint32_t is_print32[] = {
	0x010000, 0x01004d, 0x010050, 0x01005d, 0x010080, 0x0100fa, 0x010100, 0x010102,
	0x010107, 0x010133, 0x010137, 0x01019c, 0x0101a0, 0x0101a0, 0x0101d0, 0x0101fd,
	0x010280, 0x01029c, 0x0102a0, 0x0102d0, 0x0102e0, 0x0102fb, 0x010300, 0x010323,
	0x01032d, 0x01034a, 0x010350, 0x01037a, 0x010380, 0x0103c3, 0x0103c8, 0x0103d5,
	0x010400, 0x01049d, 0x0104a0, 0x0104a9, 0x0104b0, 0x0104d3, 0x0104d8, 0x0104fb,
	0x010500, 0x010527, 0x010530, 0x010563, 0x01056f, 0x01056f, 0x010600, 0x010736,
	0x010740, 0x010755, 0x010760, 0x010767, 0x010800, 0x010805, 0x010808, 0x010838,
	0x01083c, 0x01083c, 0x01083f, 0x01089e, 0x0108a7, 0x0108af, 0x0108e0, 0x0108f5,
	0x0108fb, 0x01091b, 0x01091f, 0x010939, 0x01093f, 0x01093f, 0x010980, 0x0109b7,
	0x0109bc, 0x0109cf, 0x0109d2, 0x010a06, 0x010a0c, 0x010a35, 0x010a38, 0x010a3a,
	0x010a3f, 0x010a48, 0x010a50, 0x010a58, 0x010a60, 0x010a9f, 0x010ac0, 0x010ae6,
	0x010aeb, 0x010af6, 0x010b00, 0x010b35, 0x010b39, 0x010b55, 0x010b58, 0x010b72,
	0x010b78, 0x010b91, 0x010b99, 0x010b9c, 0x010ba9, 0x010baf, 0x010c00, 0x010c48,
	0x010c80, 0x010cb2, 0x010cc0, 0x010cf2, 0x010cfa, 0x010d27, 0x010d30, 0x010d39,
	0x010e60, 0x010ead, 0x010eb0, 0x010eb1, 0x010f00, 0x010f27, 0x010f30, 0x010f59,
	0x010fb0, 0x010fcb, 0x010fe0, 0x010ff6, 0x011000, 0x01104d, 0x011052, 0x01106f,
	0x01107f, 0x0110c1, 0x0110d0, 0x0110e8, 0x0110f0, 0x0110f9, 0x011100, 0x011147,
	0x011150, 0x011176, 0x011180, 0x0111f4, 0x011200, 0x01123e, 0x011280, 0x0112a9,
	0x0112b0, 0x0112ea, 0x0112f0, 0x0112f9, 0x011300, 0x01130c, 0x01130f, 0x011310,
	0x011313, 0x011344, 0x011347, 0x011348, 0x01134b, 0x01134d, 0x011350, 0x011350,
	0x011357, 0x011357, 0x01135d, 0x011363, 0x011366, 0x01136c, 0x011370, 0x011374,
	0x011400, 0x011461, 0x011480, 0x0114c7, 0x0114d0, 0x0114d9, 0x011580, 0x0115b5,
	0x0115b8, 0x0115dd, 0x011600, 0x011644, 0x011650, 0x011659, 0x011660, 0x01166c,
	0x011680, 0x0116b8, 0x0116c0, 0x0116c9, 0x011700, 0x01171a, 0x01171d, 0x01172b,
	0x011730, 0x01173f, 0x011800, 0x01183b, 0x0118a0, 0x0118f2, 0x0118ff, 0x011906,
	0x011909, 0x011909, 0x01190c, 0x011938, 0x01193b, 0x011946, 0x011950, 0x011959,
	0x0119a0, 0x0119a7, 0x0119aa, 0x0119d7, 0x0119da, 0x0119e4, 0x011a00, 0x011a47,
	0x011a50, 0x011aa2, 0x011ac0, 0x011af8, 0x011c00, 0x011c45, 0x011c50, 0x011c6c,
	0x011c70, 0x011c8f, 0x011c92, 0x011cb6, 0x011d00, 0x011d36, 0x011d3a, 0x011d47,
	0x011d50, 0x011d59, 0x011d60, 0x011d98, 0x011da0, 0x011da9, 0x011ee0, 0x011ef8,
	0x011fb0, 0x011fb0, 0x011fc0, 0x011ff1, 0x011fff, 0x012399, 0x012400, 0x012474,
	0x012480, 0x012543, 0x013000, 0x01342e, 0x014400, 0x014646, 0x016800, 0x016a38,
	0x016a40, 0x016a69, 0x016a6e, 0x016a6f, 0x016ad0, 0x016aed, 0x016af0, 0x016af5,
	0x016b00, 0x016b45, 0x016b50, 0x016b77, 0x016b7d, 0x016b8f, 0x016e40, 0x016e9a,
	0x016f00, 0x016f4a, 0x016f4f, 0x016f87, 0x016f8f, 0x016f9f, 0x016fe0, 0x016fe4,
	0x016ff0, 0x016ff1, 0x017000, 0x0187f7, 0x018800, 0x018cd5, 0x018d00, 0x018d08,
	0x01b000, 0x01b11e, 0x01b150, 0x01b152, 0x01b164, 0x01b167, 0x01b170, 0x01b2fb,
	0x01bc00, 0x01bc6a, 0x01bc70, 0x01bc7c, 0x01bc80, 0x01bc88, 0x01bc90, 0x01bc99,
	0x01bc9c, 0x01bc9f, 0x01d000, 0x01d0f5, 0x01d100, 0x01d126, 0x01d129, 0x01d172,
	0x01d17b, 0x01d1e8, 0x01d200, 0x01d245, 0x01d2e0, 0x01d2f3, 0x01d300, 0x01d356,
	0x01d360, 0x01d378, 0x01d400, 0x01d49f, 0x01d4a2, 0x01d4a2, 0x01d4a5, 0x01d4a6,
	0x01d4a9, 0x01d50a, 0x01d50d, 0x01d546, 0x01d54a, 0x01d6a5, 0x01d6a8, 0x01d7cb,
	0x01d7ce, 0x01da8b, 0x01da9b, 0x01daaf, 0x01e000, 0x01e018, 0x01e01b, 0x01e02a,
	0x01e100, 0x01e12c, 0x01e130, 0x01e13d, 0x01e140, 0x01e149, 0x01e14e, 0x01e14f,
	0x01e2c0, 0x01e2f9, 0x01e2ff, 0x01e2ff, 0x01e800, 0x01e8c4, 0x01e8c7, 0x01e8d6,
	0x01e900, 0x01e94b, 0x01e950, 0x01e959, 0x01e95e, 0x01e95f, 0x01ec71, 0x01ecb4,
	0x01ed01, 0x01ed3d, 0x01ee00, 0x01ee24, 0x01ee27, 0x01ee3b, 0x01ee42, 0x01ee42,
	0x01ee47, 0x01ee54, 0x01ee57, 0x01ee64, 0x01ee67, 0x01ee9b, 0x01eea1, 0x01eebb,
	0x01eef0, 0x01eef1, 0x01f000, 0x01f02b, 0x01f030, 0x01f093, 0x01f0a0, 0x01f0ae,
	0x01f0b1, 0x01f0f5, 0x01f100, 0x01f1ad, 0x01f1e6, 0x01f202, 0x01f210, 0x01f23b,
	0x01f240, 0x01f248, 0x01f250, 0x01f251, 0x01f260, 0x01f265, 0x01f300, 0x01f6d7,
	0x01f6e0, 0x01f6ec, 0x01f6f0, 0x01f6fc, 0x01f700, 0x01f773, 0x01f780, 0x01f7d8,
	0x01f7e0, 0x01f7eb, 0x01f800, 0x01f80b, 0x01f810, 0x01f847, 0x01f850, 0x01f859,
	0x01f860, 0x01f887, 0x01f890, 0x01f8ad, 0x01f8b0, 0x01f8b1, 0x01f900, 0x01fa53,
	0x01fa60, 0x01fa6d, 0x01fa70, 0x01fa74, 0x01fa78, 0x01fa7a, 0x01fa80, 0x01fa86,
	0x01fa90, 0x01faa8, 0x01fab0, 0x01fab6, 0x01fac0, 0x01fac2, 0x01fad0, 0x01fad6,
	0x01fb00, 0x01fbca, 0x01fbf0, 0x01fbf9, 0x020000, 0x02a6dd, 0x02a700, 0x02b734,
	0x02b740, 0x02b81d, 0x02b820, 0x02cea1, 0x02ceb0, 0x02ebe0, 0x02f800, 0x02fa1d,
	0x030000, 0x03134a, 0x0e0100, 0x0e01ef,
};

static const uint16_t is_not_print32[] = {
	0x000c, 0x0027, 0x003b, 0x003e, 0x018f, 0x039e, 0x0809, 0x0836,
	0x0856, 0x08f3, 0x0a04, 0x0a14, 0x0a18, 0x0e7f, 0x0eaa, 0x10bd,
	0x1135, 0x11e0, 0x1212, 0x1287, 0x1289, 0x128e, 0x129e, 0x1304,
	0x1329, 0x1331, 0x1334, 0x133a, 0x145c, 0x1914, 0x1917, 0x1936,
	0x1c09, 0x1c37, 0x1ca8, 0x1d07, 0x1d0a, 0x1d3b, 0x1d3e, 0x1d66,
	0x1d69, 0x1d8f, 0x1d92, 0x246f, 0x6a5f, 0x6b5a, 0x6b62, 0xd455,
	0xd49d, 0xd4ad, 0xd4ba, 0xd4bc, 0xd4c4, 0xd506, 0xd515, 0xd51d,
	0xd53a, 0xd53f, 0xd545, 0xd551, 0xdaa0, 0xe007, 0xe022, 0xe025,
	0xee04, 0xee20, 0xee23, 0xee28, 0xee33, 0xee38, 0xee3a, 0xee48,
	0xee4a, 0xee4c, 0xee50, 0xee53, 0xee58, 0xee5a, 0xee5c, 0xee5e,
	0xee60, 0xee63, 0xee6b, 0xee73, 0xee78, 0xee7d, 0xee7f, 0xee8a,
	0xeea4, 0xeeaa, 0xf0c0, 0xf0d0, 0xf979, 0xf9cc, 0xfb93,
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static size_t bsearch16(const uint16_t *a, size_t n, uint16_t x)
{
	size_t i = 0, j = n;
	while (i < j) {
		size_t h = i + (j - i) / 2;
		if (a[h] < x)
			i = h + 1;
		else
			j = h;
	}
	return i;
}

static size_t bsearch32(const uint32_t *a, size_t n, uint32_t x)
{
	size_t i = 0, j = n;
	while (i < j) {
		size_t h = i + (j - i) / 2;
		if (a[h] < x)
			i = h + 1;
		else
			j = h;
	}
	return i;
}

/* strconv.IsPrint */
bool fmt_is_print(int32_t r)
{
	if (r <= 0xFF) {
		if (0x20 <= r && r <= 0x7E)
			return true;
		if (0xA1 <= r && r <= 0xFF)
			return r != 0xAD;
		return false;
	}
	if (r < 0x10000) {
		uint16_t rr = (uint16_t)r;
		size_t i = bsearch16(is_print16, NELEM(is_print16), rr);
		if (i >= NELEM(is_print16) || rr < is_print16[i & ~(size_t)1] || is_print16[i | 1] < rr)
			return false;
		size_t j = bsearch16(is_not_print16, NELEM(is_not_print16), rr);
		return j >= NELEM(is_not_print16) || is_not_print16[j] != rr;
	}
	uint32_t rr = (uint32_t)r;
	size_t i = bsearch32(is_print32, NELEM(is_print32), rr);
	if (i >= NELEM(is_print32) || rr < is_print32[i & ~(size_t)1] || is_print32[i | 1] < rr)
		return false;
	if (r >= 0x20000)
		return true;
	uint16_t lo = (uint16_t)(r - 0x10000);
	size_t j = bsearch16(is_not_print32, NELEM(is_not_print32), lo);
	return j >= NELEM(is_not_print32) || is_not_print32[j] != lo;
}

static const char lowerhex[] = "0123456789abcdef";

/* strconv's appendEscapedRune (graphicOnly false). */
static void append_escaped_rune(FmtBuf *b, int32_t r, char quote, bool ascii)
{
	if (r == quote || r == '\\') {
		buf_byte(b, '\\');
		buf_byte(b, (char)r);
		return;
	}
	if (ascii) {
		if (r < 0x80 && fmt_is_print(r)) {
			buf_byte(b, (char)r);
			return;
		}
	} else if (fmt_is_print(r)) {
		buf_rune(b, r);
		return;
	}
	switch (r) {
	case '\a': buf_str(b, "\\a"); return;
	case '\b': buf_str(b, "\\b"); return;
	case '\f': buf_str(b, "\\f"); return;
	case '\n': buf_str(b, "\\n"); return;
	case '\r': buf_str(b, "\\r"); return;
	case '\t': buf_str(b, "\\t"); return;
	case '\v': buf_str(b, "\\v"); return;
	}
	char tmp[12];
	if (r < ' ' || r == 0x7f) {
		unsigned char c = (unsigned char)r;
		tmp[0] = '\\';
		tmp[1] = 'x';
		tmp[2] = lowerhex[c >> 4];
		tmp[3] = lowerhex[c & 0xF];
		fmtbuf_put(b, tmp, 4);
		return;
	}
	if (!valid_rune(r))
		r = 0xFFFD;
	if (r < 0x10000) {
		tmp[0] = '\\';
		tmp[1] = 'u';
		for (int s = 12, k = 2; s >= 0; s -= 4)
			tmp[k++] = lowerhex[(r >> s) & 0xF];
		fmtbuf_put(b, tmp, 6);
	} else {
		tmp[0] = '\\';
		tmp[1] = 'U';
		for (int s = 28, k = 2; s >= 0; s -= 4)
			tmp[k++] = lowerhex[(r >> s) & 0xF];
		fmtbuf_put(b, tmp, 10);
	}
}

/* strconv.Quote / QuoteToASCII */
void fmt_quote(FmtBuf *b, const char *s, size_t n, bool ascii)
{
	buf_byte(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		int32_t r = c;
		int w = 1;
		if (c >= 0x80)
			r = utf8_decode((const unsigned char *)s + i, n - i, &w);
		if (w == 1 && r == RUNE_ERROR) {
			char tmp[4] = {'\\', 'x', lowerhex[c >> 4], lowerhex[c & 0xF]};
			fmtbuf_put(b, tmp, 4);
			i++;
			continue;
		}
		append_escaped_rune(b, r, '"', ascii);
		i += (size_t)w;
	}
	buf_byte(b, '"');
}

/* strconv.QuoteRune / QuoteRuneToASCII */
static void quote_rune(FmtBuf *b, int64_t r, bool ascii)
{
	buf_byte(b, '\'');
	if (!valid_rune(r))
		r = RUNE_ERROR;
	append_escaped_rune(b, (int32_t)r, '\'', ascii);
	buf_byte(b, '\'');
}

/* strconv.CanBackquote */
static bool can_backquote(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int w;
		int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
		i += (size_t)w;
		if (w > 1) {
			if (r == 0xFEFF)
				return false;
			continue;
		}
		if (r == RUNE_ERROR)
			return false;
		if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
			return false;
	}
	return true;
}

/* ---- types as reflect spells them ------------------------------------------ */

static bool is_basic(TypeKind k)
{
	return k >= TY_BOOL && k <= TY_UNTYPED_NIL;
}

/* The kind of t's underlying type, untyped kinds replaced by their default. */
static TypeKind kind_of(Type *t)
{
	Type *u = type_under(t);
	if (!u)
		return TY_INVALID;
	switch (u->kind) {
	case TY_UNTYPED_BOOL: return TY_BOOL;
	case TY_UNTYPED_INT: return TY_INT;
	case TY_UNTYPED_RUNE: return TY_INT32;
	case TY_UNTYPED_FLOAT: return TY_FLOAT64;
	case TY_UNTYPED_COMPLEX: return TY_COMPLEX128;
	case TY_UNTYPED_STRING: return TY_STRING;
	case TY_UNTYPED_NIL: return TY_INVALID;
	default: return u->kind;
	}
}

/* reflect's spelling, which run-time messages share (types.c) */
static void write_rtype(FmtBuf *b, Type *t)
{
	buf_str(b, rtype_string(t));
}

void fmt_type_string(FmtBuf *b, Type *t)
{
	write_rtype(b, t);
}

/* ---- map key order (internal/fmtsort) -------------------------------------- */

/* An estimate of the size of Go's runtime type descriptor for t (go1.19,
 * amd64): rtype is 48 bytes; kinds add their fields; named types and types
 * with methods add an uncommonType (16) plus 16 per method; structs, funcs
 * and interfaces add their field/parameter/method arrays. The linker places
 * descriptors by size, then by name, and fmtsort orders interface keys of
 * different types by descriptor address. */
static long rtype_size(Type *t)
{
	Type *u = type_under(t);
	if (!u)
		return 0;
	long sz = 48;
	switch (u->kind) {
	case TY_ARRAY: sz += 24; break;
	case TY_CHAN: sz += 16; break;
	case TY_FUNC: sz += 8 + 8 * (u->nfields + u->nresults); break;
	case TY_INTERFACE: sz += 32 + 8 * u->nmethods; break;
	case TY_MAP: sz += 40; break;
	case TY_POINTER: sz += 8; break;
	case TY_SLICE: sz += 8; break;
	case TY_STRUCT: sz += 32 + 24 * u->nfields; break;
	default: break;
	}
	int nm = 0;
	bool named = t->kind == TY_NAMED || is_basic(t->kind);
	if (t->kind == TY_NAMED && u->kind != TY_INTERFACE) {
		for (int i = 0; i < t->nmethods; i++)
			nm += !t->methods[i].ptr_recv;
	} else if (t->kind == TY_POINTER && t->elem && t->elem->kind == TY_NAMED) {
		nm = t->elem->nmethods;
	}
	if (named || nm)
		sz += 16 + 16 * nm;
	return sz;
}

static int type_order(Type *a, Type *b)
{
	if (a == b || type_identical(a, b))
		return 0;
	long sa = rtype_size(a), sb = rtype_size(b);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	FmtBuf x = {0}, y = {0};
	write_rtype(&x, a);
	write_rtype(&y, b);
	int c = strcmp(x.p, y.p);
	return c < 0 ? -1 : c > 0 ? 1 : 0;
}

static int float_compare(double a, double b)
{
	if (a != a)
		return -1;
	if (b != b)
		return 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

static int string_compare(GolString *a, GolString *b)
{
	int64_t la = str_len(a), lb = str_len(b);
	int c = memcmp(str_ptr(a), str_ptr(b), (size_t)(la < lb ? la : lb));
	if (c)
		return c < 0 ? -1 : 1;
	return la < lb ? -1 : la > lb ? 1 : 0;
}

static Value block_at(Value agg, int64_t i)
{
	Value z = {0};
	return agg.p ? ((Value *)agg.p)[i] : z;
}

/* fmtsort's compare: -1, 0, 1. */
static int key_compare(Type *t, Value a, Value b)
{
	Type *u = type_under(t);
	switch (kind_of(t)) {
	case TY_BOOL:
		return (a.i != 0) == (b.i != 0) ? 0 : a.i ? 1 : -1;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
		return a.i < b.i ? -1 : a.i > b.i ? 1 : 0;
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
	case TY_POINTER: case TY_UNSAFEPTR:
		return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
	case TY_CHAN:
		if (!a.p || !b.p)
			return !a.p && !b.p ? 0 : !a.p ? -1 : 1;
		return a.u < b.u ? -1 : a.u > b.u ? 1 : 0;
	case TY_STRING:
		return string_compare(a.p, b.p);
	case TY_FLOAT32: case TY_FLOAT64:
		return float_compare(a.f, b.f);
	case TY_COMPLEX64: case TY_COMPLEX128: {
		GolComplex z = {0, 0}, *x = a.p ? a.p : &z, *y = b.p ? b.p : &z;
		int c = float_compare(x->re, y->re);
		return c ? c : float_compare(x->im, y->im);
	}
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++) {
			int c = key_compare(u->fields[i].type, block_at(a, i), block_at(b, i));
			if (c)
				return c;
		}
		return 0;
	case TY_ARRAY:
		for (int64_t i = 0; i < u->len; i++) {
			int c = key_compare(u->elem, block_at(a, i), block_at(b, i));
			if (c)
				return c;
		}
		return 0;
	case TY_INTERFACE: {
		GolIface *x = a.p, *y = b.p;
		if (!x || !y)
			return !x && !y ? 0 : !x ? -1 : 1;
		int c = type_order(x->type, y->type);
		return c ? c : key_compare(x->type, x->v, y->v);
	}
	default:
		return 0;
	}
}

typedef struct Entry {
	Value k, v;
} Entry;

/* Stable merge sort (sort.Stable). */
static void sort_entries(Type *kt, Entry *e, Entry *tmp, size_t n)
{
	if (n < 2)
		return;
	if (n <= 8) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = i; j > 0 && key_compare(kt, e[j].k, e[j - 1].k) < 0; j--) {
				Entry x = e[j];
				e[j] = e[j - 1];
				e[j - 1] = x;
			}
		return;
	}
	size_t m = n / 2;
	sort_entries(kt, e, tmp, m);
	sort_entries(kt, e + m, tmp, n - m);
	size_t i = 0, j = m, k = 0;
	while (i < m && j < n)
		tmp[k++] = key_compare(kt, e[j].k, e[i].k) < 0 ? e[j++] : e[i++];
	while (i < m)
		tmp[k++] = e[i++];
	while (j < n)
		tmp[k++] = e[j++];
	memcpy(e, tmp, n * sizeof *e);
}

/* ---- the printer (Go's pp and fmt) ----------------------------------------- */

typedef struct Flags {
	bool wid_present, prec_present, minus, plus, sharp, space, zero;
	/* %+v and %#v: set at top level, with plus/sharp cleared */
	bool plus_v, sharp_v;
} Flags;

typedef struct Printer {
	VM *vm;
	FmtMethodFn call_method; /* NULL: methods are not called */
	FmtBuf *buf;
	Flags f;
	int wid, prec;
	bool reordered, good_arg_num;
	bool erroring; /* printing an error string: no methods */
	bool wrap_errs;
	GolIface *wrapped_err;
	/* The item being printed, for bad_verb: 0 none (a nil argument),
	 * 1 an argument (cur_box), 2 a value inside one. */
	int cur;
	GolIface *cur_box;
	Type *cur_t;
	Value cur_v;
} Printer;

static FmtMethodFn method_hook;

void fmt_set_method_hook(FmtMethodFn fn)
{
	method_hook = fn;
}

static void printer_init(Printer *p, VM *vm, FmtBuf *b)
{
	memset(p, 0, sizeof *p);
	p->vm = vm;
	p->buf = b;
	p->call_method = method_hook ? method_hook : vm ? vm_call_string_method : NULL;
}

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

static void put(Printer *p, const char *s, size_t n)
{
	fmtbuf_put(p->buf, s, n);
}

static void puts_(Printer *p, const char *s)
{
	fmtbuf_put(p->buf, s, strlen(s));
}

static void putc_(Printer *p, char c)
{
	buf_byte(p->buf, c);
}

static char *scratch(char *stack, size_t stack_size, size_t need)
{
	return need <= stack_size ? stack : GC_MALLOC_ATOMIC(need);
}

/* writePadding */
static void write_padding(Printer *p, int64_t n)
{
	if (n <= 0)
		return;
	char c = p->f.zero ? '0' : ' ';
	char chunk[64];
	memset(chunk, c, sizeof chunk);
	while (n > 0) {
		size_t k = n > 64 ? 64 : (size_t)n;
		put(p, chunk, k);
		n -= (int64_t)k;
	}
}

/* pad / padString */
static void pad(Printer *p, const char *s, size_t n)
{
	if (!p->f.wid_present || p->wid == 0) {
		put(p, s, n);
		return;
	}
	int64_t width = p->wid - rune_count(s, n);
	if (!p->f.minus) {
		write_padding(p, width);
		put(p, s, n);
	} else {
		put(p, s, n);
		write_padding(p, width);
	}
}

static void pad_str(Printer *p, const char *s)
{
	pad(p, s, strlen(s));
}

/* fmtBoolean */
static void fmt_boolean(Printer *p, bool v)
{
	pad_str(p, v ? "true" : "false");
}

/* fmtUnicode: "U+0078", or with # "U+0078 'x'" */
static void fmt_unicode(Printer *p, uint64_t u)
{
	char stack[68];
	int prec = 4;
	size_t size = sizeof stack;
	if (p->f.prec_present && p->prec > 4) {
		prec = p->prec;
		size_t width = 2 + (size_t)prec + 2 + 4 + 1;
		if (width > size)
			size = width;
	}
	char *buf = scratch(stack, sizeof stack, size);
	size_t i = size;
	if (p->f.sharp && u <= MAX_RUNE && fmt_is_print((int32_t)u)) {
		char enc[4];
		int w = utf8_encode(enc, (int64_t)u);
		buf[--i] = '\'';
		i -= (size_t)w;
		memcpy(buf + i, enc, (size_t)w);
		buf[--i] = '\'';
		buf[--i] = ' ';
	}
	while (u >= 16) {
		buf[--i] = udigits[u & 0xF];
		prec--;
		u >>= 4;
	}
	buf[--i] = udigits[u];
	prec--;
	while (prec > 0) {
		buf[--i] = '0';
		prec--;
	}
	buf[--i] = '+';
	buf[--i] = 'U';
	bool old_zero = p->f.zero;
	p->f.zero = false;
	pad(p, buf + i, size - i);
	p->f.zero = old_zero;
}

/* fmt.fmtInteger */
static void fmt_integer(Printer *p, uint64_t u, int base, bool is_signed, int verb, const char *digits)
{
	bool negative = is_signed && (int64_t)u < 0;
	if (negative)
		u = -u;
	char stack[68];
	size_t size = sizeof stack;
	if (p->f.wid_present || p->f.prec_present) {
		size_t width = 3 + (size_t)p->wid + (size_t)p->prec;
		if (width > size)
			size = width;
	}
	char *buf = scratch(stack, sizeof stack, size);

	int64_t prec = 0;
	if (p->f.prec_present) {
		prec = p->prec;
		if (prec == 0 && u == 0) {
			bool old_zero = p->f.zero;
			p->f.zero = false;
			write_padding(p, p->wid);
			p->f.zero = old_zero;
			return;
		}
	} else if (p->f.zero && p->f.wid_present) {
		prec = p->wid;
		if (negative || p->f.plus || p->f.space)
			prec--;
	}

	size_t i = size;
	switch (base) {
	case 10:
		while (u >= 10) {
			uint64_t next = u / 10;
			buf[--i] = (char)('0' + (u - next * 10));
			u = next;
		}
		break;
	case 16:
		while (u >= 16) {
			buf[--i] = digits[u & 0xF];
			u >>= 4;
		}
		break;
	case 8:
		while (u >= 8) {
			buf[--i] = (char)('0' + (u & 7));
			u >>= 3;
		}
		break;
	case 2:
		while (u >= 2) {
			buf[--i] = (char)('0' + (u & 1));
			u >>= 1;
		}
		break;
	}
	buf[--i] = digits[u];
	while (i > 0 && prec > (int64_t)(size - i))
		buf[--i] = '0';

	if (p->f.sharp) {
		switch (base) {
		case 2:
			buf[--i] = 'b';
			buf[--i] = '0';
			break;
		case 8:
			if (buf[i] != '0')
				buf[--i] = '0';
			break;
		case 16:
			buf[--i] = digits[16];
			buf[--i] = '0';
			break;
		}
	}
	if (verb == 'O') {
		buf[--i] = 'o';
		buf[--i] = '0';
	}
	if (negative)
		buf[--i] = '-';
	else if (p->f.plus)
		buf[--i] = '+';
	else if (p->f.space)
		buf[--i] = ' ';

	bool old_zero = p->f.zero;
	p->f.zero = false;
	pad(p, buf + i, size - i);
	p->f.zero = old_zero;
}

/* truncateString: the length of s cut to the precision (in runes). */
static size_t truncate_len(Printer *p, const char *s, size_t n)
{
	if (p->f.prec_present) {
		int64_t k = p->prec;
		for (size_t i = 0; i < n;) {
			if (--k < 0)
				return i;
			int w = 1;
			if ((unsigned char)s[i] >= 0x80)
				utf8_decode((const unsigned char *)s + i, n - i, &w);
			i += (size_t)w;
		}
	}
	return n;
}

/* fmtS / fmtBs */
static void fmt_s(Printer *p, const char *s, size_t n)
{
	pad(p, s, truncate_len(p, s, n));
}

/* fmtSbx: hexadecimal encoding of bytes */
static void fmt_sbx(Printer *p, const char *s, size_t n, const char *digits)
{
	int64_t length = (int64_t)n;
	if (p->f.prec_present && p->prec < length)
		length = p->prec;
	int64_t width = 2 * length;
	if (width > 0) {
		if (p->f.space) {
			if (p->f.sharp)
				width *= 2;
			width += length - 1;
		} else if (p->f.sharp) {
			width += 2;
		}
	} else {
		if (p->f.wid_present)
			write_padding(p, p->wid);
		return;
	}
	if (p->f.wid_present && p->wid > width && !p->f.minus)
		write_padding(p, p->wid - width);
	char pre[2] = {'0', digits[16]};
	if (p->f.sharp)
		put(p, pre, 2);
	for (int64_t i = 0; i < length; i++) {
		if (p->f.space && i > 0) {
			putc_(p, ' ');
			if (p->f.sharp)
				put(p, pre, 2);
		}
		unsigned char c = (unsigned char)s[i];
		char hx[2] = {digits[c >> 4], digits[c & 0xF]};
		put(p, hx, 2);
	}
	if (p->f.wid_present && p->wid > width && p->f.minus)
		write_padding(p, p->wid - width);
}

/* fmtQ */
static void fmt_q(Printer *p, const char *s, size_t n)
{
	n = truncate_len(p, s, n);
	FmtBuf q = {0};
	if (p->f.sharp && can_backquote(s, n)) {
		buf_byte(&q, '`');
		fmtbuf_put(&q, s, n);
		buf_byte(&q, '`');
	} else {
		fmt_quote(&q, s, n, p->f.plus);
	}
	pad(p, q.p, q.len);
}

static int64_t rune_of(uint64_t c)
{
	return c > MAX_RUNE ? RUNE_ERROR : (int64_t)(int32_t)c;
}

/* fmtC */
static void fmt_c(Printer *p, uint64_t c)
{
	char enc[4];
	pad(p, enc, (size_t)utf8_encode(enc, rune_of(c)));
}

/* fmtQc */
static void fmt_qc(Printer *p, uint64_t c)
{
	FmtBuf q = {0};
	quote_rune(&q, rune_of(c), p->f.plus);
	pad(p, q.p, q.len);
}

/* fmt.fmtFloat */
static void fmt_float(Printer *p, double v, int size, int verb, int prec)
{
	if (p->f.prec_present)
		prec = p->prec;
	/* num[0] is reserved for a sign; the # flag may append a point,
	 * zeros (up to the precision) and the exponent saved in tail. */
	char stack[512];
	size_t extra = p->f.sharp ? (size_t)(prec > 6 ? prec : 6) + 8 : 0;
	size_t cap = sizeof stack;
	char *num = stack;
	if (extra + 64 > cap) {
		cap = extra + 64;
		num = GC_MALLOC_ATOMIC(cap);
	}
	int need = fmtfloat_format(num + 1, cap - 1 - extra, v, (char)verb, prec, size);
	if ((size_t)need + 2 + extra > cap) {
		cap = (size_t)need + 2 + extra;
		num = GC_MALLOC_ATOMIC(cap);
		fmtfloat_format(num + 1, cap - 1 - extra, v, (char)verb, prec, size);
	}
	size_t len = (size_t)need + 1;
	if (num[1] == '-' || num[1] == '+') {
		num++;
		len--;
	} else {
		num[0] = '+';
	}
	if (p->f.space && num[0] == '+' && !p->f.plus)
		num[0] = ' ';
	if (num[1] == 'I' || num[1] == 'N') {
		bool old_zero = p->f.zero;
		p->f.zero = false;
		if (num[1] == 'N' && !p->f.space && !p->f.plus) {
			num++;
			len--;
		}
		pad(p, num, len);
		p->f.zero = old_zero;
		return;
	}
	if (p->f.sharp && verb != 'b') {
		int digits = 0;
		switch (verb) {
		case 'v': case 'g': case 'G': case 'x':
			digits = prec;
			if (digits == -1)
				digits = 6;
		}
		char tail[8];
		size_t ntail = 0;
		bool has_point = false, saw_nonzero = false;
		for (size_t i = 1; i < len; i++) {
			switch (num[i]) {
			case '.':
				has_point = true;
				break;
			case 'p': case 'P':
				ntail = len - i < sizeof tail ? len - i : sizeof tail;
				memcpy(tail, num + i, ntail);
				len = i;
				break;
			case 'e': case 'E':
				if (verb != 'x' && verb != 'X') {
					ntail = len - i < sizeof tail ? len - i : sizeof tail;
					memcpy(tail, num + i, ntail);
					len = i;
					break;
				}
				/* fallthrough */
			default:
				if (num[i] != '0')
					saw_nonzero = true;
				if (saw_nonzero)
					digits--;
			}
		}
		if (!has_point) {
			if (len == 2 && num[1] == '0')
				digits--;
			num[len++] = '.';
		}
		while (digits > 0) {
			num[len++] = '0';
			digits--;
		}
		memcpy(num + len, tail, ntail);
		len += ntail;
	}
	if (p->f.plus || num[0] != '+') {
		if (p->f.zero && p->f.wid_present && p->wid > (int64_t)len) {
			putc_(p, num[0]);
			write_padding(p, p->wid - (int64_t)len);
			put(p, num + 1, len - 1);
			return;
		}
		pad(p, num, len);
		return;
	}
	pad(p, num + 1, len - 1);
}

/* ---- pp --------------------------------------------------------------------- */

static int print_arg(Printer *p, GolIface *arg, int verb);
static int print_value(Printer *p, Type *t, Value v, int verb, int depth, bool ci);

static void clear_flags(Printer *p)
{
	memset(&p->f, 0, sizeof p->f);
}

static void put_type(Printer *p, Type *t)
{
	write_rtype(p->buf, t);
}

/* badVerb: %!verb(type=value) */
static void bad_verb(Printer *p, int verb)
{
	p->erroring = true;
	puts_(p, "%!");
	buf_rune(p->buf, verb);
	putc_(p, '(');
	if (p->cur == 1 || p->cur == 2) {
		Type *t = p->cur == 1 ? p->cur_box->type : p->cur_t;
		Value v = p->cur == 1 ? p->cur_box->v : p->cur_v;
		put_type(p, t);
		putc_(p, '=');
		if (p->cur == 1)
			print_arg(p, p->cur_box, 'v');
		else
			print_value(p, t, v, 'v', 0, true);
	} else {
		puts_(p, "<nil>");
	}
	putc_(p, ')');
	p->erroring = false;
}

static void fmt_bool(Printer *p, bool v, int verb)
{
	if (verb == 't' || verb == 'v')
		fmt_boolean(p, v);
	else
		bad_verb(p, verb);
}

/* fmt0x64 */
static void fmt_0x64(Printer *p, uint64_t v, bool leading0x)
{
	bool sharp = p->f.sharp;
	p->f.sharp = leading0x;
	fmt_integer(p, v, 16, false, 'v', ldigits);
	p->f.sharp = sharp;
}

/* pp.fmtInteger */
static void pp_integer(Printer *p, uint64_t v, bool is_signed, int verb)
{
	switch (verb) {
	case 'v':
		if (p->f.sharp_v && !is_signed)
			fmt_0x64(p, v, true);
		else
			fmt_integer(p, v, 10, is_signed, verb, ldigits);
		break;
	case 'd': fmt_integer(p, v, 10, is_signed, verb, ldigits); break;
	case 'b': fmt_integer(p, v, 2, is_signed, verb, ldigits); break;
	case 'o': case 'O': fmt_integer(p, v, 8, is_signed, verb, ldigits); break;
	case 'x': fmt_integer(p, v, 16, is_signed, verb, ldigits); break;
	case 'X': fmt_integer(p, v, 16, is_signed, verb, udigits); break;
	case 'c': fmt_c(p, v); break;
	case 'q': fmt_qc(p, v); break;
	case 'U': fmt_unicode(p, v); break;
	default: bad_verb(p, verb);
	}
}

/* pp.fmtFloat */
static void pp_float(Printer *p, double v, int size, int verb)
{
	switch (verb) {
	case 'v': fmt_float(p, v, size, 'g', -1); break;
	case 'b': case 'g': case 'G': case 'x': case 'X': fmt_float(p, v, size, verb, -1); break;
	case 'f': case 'e': case 'E': fmt_float(p, v, size, verb, 6); break;
	case 'F': fmt_float(p, v, size, 'f', 6); break;
	default: bad_verb(p, verb);
	}
}

/* pp.fmtComplex */
static void pp_complex(Printer *p, GolComplex *c, int size, int verb)
{
	GolComplex z = {0, 0};
	if (!c)
		c = &z;
	switch (verb) {
	case 'v': case 'b': case 'g': case 'G': case 'x': case 'X': case 'f': case 'F': case 'e': case 'E': {
		bool old_plus = p->f.plus;
		putc_(p, '(');
		pp_float(p, c->re, size / 2, verb);
		p->f.plus = true;
		pp_float(p, c->im, size / 2, verb);
		puts_(p, "i)");
		p->f.plus = old_plus;
		break;
	}
	default:
		bad_verb(p, verb);
	}
}

/* pp.fmtString */
static void pp_string(Printer *p, const char *s, size_t n, int verb)
{
	switch (verb) {
	case 'v':
		if (p->f.sharp_v)
			fmt_q(p, s, n);
		else
			fmt_s(p, s, n);
		break;
	case 's': fmt_s(p, s, n); break;
	case 'x': fmt_sbx(p, s, n, ldigits); break;
	case 'X': fmt_sbx(p, s, n, udigits); break;
	case 'q': fmt_q(p, s, n); break;
	default: bad_verb(p, verb);
	}
}

/* pp.fmtBytes, for a []byte (t) or a byte array, held one byte per Value.
 * is_nil: a nil slice. bytes_type: write "[]byte" rather than t for %#v. */
static int pp_bytes(Printer *p, Type *t, Value v, const Value *data, int64_t n, bool is_nil, int verb,
		    bool bytes_type)
{
	switch (verb) {
	case 'v': case 'd':
		if (p->f.sharp_v) {
			if (bytes_type)
				puts_(p, "[]byte");
			else
				put_type(p, t);
			if (is_nil) {
				puts_(p, "(nil)");
				return 0;
			}
			putc_(p, '{');
			for (int64_t i = 0; i < n; i++) {
				if (i > 0)
					puts_(p, ", ");
				fmt_0x64(p, data[i].u & 0xFF, true);
			}
			putc_(p, '}');
		} else {
			putc_(p, '[');
			for (int64_t i = 0; i < n; i++) {
				if (i > 0)
					putc_(p, ' ');
				fmt_integer(p, data[i].u & 0xFF, 10, false, verb, ldigits);
			}
			putc_(p, ']');
		}
		return 0;
	case 's': case 'x': case 'X': case 'q': {
		char stack[256];
		char *s = scratch(stack, sizeof stack, (size_t)n + 1);
		for (int64_t i = 0; i < n; i++)
			s[i] = (char)(data[i].u & 0xFF);
		if (verb == 's')
			fmt_s(p, s, (size_t)n);
		else if (verb == 'q')
			fmt_q(p, s, (size_t)n);
		else
			fmt_sbx(p, s, (size_t)n, verb == 'x' ? ldigits : udigits);
		return 0;
	}
	default:
		/* printValue(reflect.ValueOf(v), verb, 0): element by element */
		return print_value(p, t, v, verb, 0, true);
	}
}

/* pp.fmtPointer */
static void pp_pointer(Printer *p, Type *t, Value v, int verb)
{
	uint64_t u;
	switch (kind_of(t)) {
	case TY_CHAN: case TY_FUNC: case TY_MAP: case TY_POINTER: case TY_UNSAFEPTR:
		u = (uint64_t)(uintptr_t)v.p;
		break;
	case TY_SLICE: {
		GolSlice *s = v.p;
		u = s ? (uint64_t)(uintptr_t)(s->data ? (void *)s->data : (void *)s) : 0;
		break;
	}
	default:
		bad_verb(p, verb);
		return;
	}
	switch (verb) {
	case 'v':
		if (p->f.sharp_v) {
			putc_(p, '(');
			put_type(p, t);
			puts_(p, ")(");
			if (u == 0)
				puts_(p, "nil");
			else
				fmt_0x64(p, u, true);
			putc_(p, ')');
		} else if (u == 0) {
			pad_str(p, "<nil>");
		} else {
			fmt_0x64(p, u, !p->f.sharp);
		}
		break;
	case 'p':
		fmt_0x64(p, u, !p->f.sharp);
		break;
	case 'b': case 'o': case 'd': case 'x': case 'X':
		pp_integer(p, u, false, verb);
		break;
	default:
		bad_verb(p, verb);
	}
}

static bool is_error_type(Type *t)
{
	const char *missing;
	bool ptr_only;
	return type_error && type_implements(t, type_error, &missing, &ptr_only);
}

static bool has_embedded(Type *t)
{
	if (!t || t->kind != TY_STRUCT)
		return false;
	for (int i = 0; i < t->nfields; i++)
		if (t->fields[i].embedded)
			return true;
	return false;
}

/* Can a value of type t have methods at all? (Unnamed basic types, slices,
 * maps ... cannot; a struct only through embedded fields.) */
static bool may_have_methods(Type *t)
{
	switch (t->kind) {
	case TY_NAMED:
		return true;
	case TY_POINTER:
		return t->elem && (t->elem->kind == TY_NAMED || has_embedded(t->elem));
	case TY_STRUCT:
		return has_embedded(t);
	default:
		return false;
	}
}

/* Is v a nil pointer whose method set has name() string through a value
 * receiver? Calling it dereferences nil, which panics; Go's catchPanic
 * then prints "<nil>" (for any panic with a nil pointer receiver; panics
 * in pointer-receiver methods cannot be recovered here yet). */
static bool nil_value_method(Type *t, Value v, const char *name)
{
	if (t->kind != TY_POINTER || v.p)
		return false;
	Selection sel;
	if (type_lookup(t, name, &sel) != 2 || !sel.method || sel.method->ptr_recv)
		return false;
	Type *sig = sel.type;
	return sig && sig->kind == TY_FUNC && sig->nfields == 0 && sig->nresults == 1 &&
	       kind_of(sig->results[0].type) == TY_STRING;
}

/* A method fmt called has panicked (the panic is the VM's): Go's
 * catchPanic. <nil> for a nil pointer receiver; else %!v(PANIC=Name
 * method: value), the value printed in turn, unless that printing is
 * what panicked, in which case the panic goes on (-1) as Go's does, with
 * the first one below it. 1 when printed. */
static _Thread_local int printing_panic __attribute__((tls_model("initial-exec")));

static int catch_panic(Printer *p, Type *t, Value v, int verb, const char *name)
{
	if (printing_panic)
		return -1;
	GolIface *pv;
	void *rec = vm_take_panic_rec(p->vm, &pv);
	if (type_under(t)->kind == TY_POINTER && !v.p) {
		puts_(p, "<nil>");
		return 1;
	}
	char head[64];
	snprintf(head, sizeof head, "%%!%c(PANIC=%s method: ", verb, name);
	puts_(p, head);
	printing_panic++;
	int r = fmt_value(p->vm, p->buf, pv ? pv->type : NULL, pv ? pv->v : (Value){0}, 'v');
	printing_panic--;
	if (r < 0) {
		vm_panic_under(p->vm, rec);
		return -1;
	}
	puts_(p, ")");
	return 1;
}

/* handleMethods: 1 handled, 0 not, -1 a method panicked. box is the
 * argument's interface value when at top level. */
/* Print the result of v's method `name` (a String, Error or GoString
 * method: no arguments, a string back) formatted by verb `as`: 1 done,
 * 0 no such method, -1 an error. A panic in the method becomes part of
 * the output, as Go's catchPanic makes it (`verb` names the verb). */
static int string_method(Printer *p, Type *t, Value v, int verb, const char *name, int as)
{
	if (nil_value_method(t, v, name)) {
		/* the call would panic, and catchPanic prints <nil> for a nil
		 * pointer */
		puts_(p, "<nil>");
		return 1;
	}
	GolString *s = NULL;
	int r = p->call_method(p->vm, t, v, name, &s);
	if (r < 0 && p->vm)
		return catch_panic(p, t, v, verb, name);
	if (r < 0)
		return -1;
	if (r > 0) {
		pp_string(p, str_ptr(s), (size_t)str_len(s), as);
		return 1;
	}
	return 0;
}

static int format_method(Printer *p, Type *t, Value v, int verb);

static int handle_methods(Printer *p, Type *t, Value v, int verb, GolIface *box)
{
	if (p->erroring)
		return 0;
	if (verb == 'w') {
		if (!is_error_type(t) || !p->wrap_errs || p->wrapped_err) {
			p->wrapped_err = NULL;
			p->wrap_errs = false;
			bad_verb(p, verb);
			return 1;
		}
		p->wrapped_err = box ? box : iface_box(t, v);
		verb = 'v';
	}
	if (!p->call_method)
		return 0;
	/* a Formatter formats itself, whatever the verb */
	int r = format_method(p, t, v, verb);
	if (r)
		return r;
	if (p->f.sharp_v) /* %#v: a GoStringer's text, as %s formats it */
		return string_method(p, t, v, 'v', "GoString", 's');
	switch (verb) {
	case 'v': case 's': case 'x': case 'X': case 'q': {
		int r = string_method(p, t, v, verb, "Error", verb);
		return r ? r : string_method(p, t, v, verb, "String", verb);
	}
	}
	return 0;
}

/* A basic kind's value. */
static void print_basic(Printer *p, Type *t, Value v, int verb)
{
	switch (kind_of(t)) {
	case TY_BOOL: fmt_bool(p, v.i != 0, verb); break;
	case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
		pp_integer(p, (uint64_t)v.i, true, verb);
		break;
	case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
		pp_integer(p, v.u, false, verb);
		break;
	case TY_FLOAT32: pp_float(p, v.f, 32, verb); break;
	case TY_FLOAT64: pp_float(p, v.f, 64, verb); break;
	case TY_COMPLEX64: pp_complex(p, v.p, 64, verb); break;
	case TY_COMPLEX128: pp_complex(p, v.p, 128, verb); break;
	case TY_STRING: pp_string(p, str_ptr(v.p), (size_t)str_len(v.p), verb); break;
	case TY_UNSAFEPTR: pp_pointer(p, t, v, verb); break;
	default:
		/* unknownType */
		putc_(p, '?');
		put_type(p, t);
		putc_(p, '?');
	}
}

/* struct{} and the like: a map may store no bytes for them. */
static bool zero_size(Type *t)
{
	Type *u = type_under(t);
	if (!u)
		return true;
	if (u->kind == TY_ARRAY)
		return u->len == 0 || zero_size(u->elem);
	if (u->kind == TY_STRUCT) {
		for (int i = 0; i < u->nfields; i++)
			if (!zero_size(u->fields[i].type))
				return false;
		return true;
	}
	return false;
}

static bool is_exported(const char *name)
{
	return name && name[0] >= 'A' && name[0] <= 'Z';
}

/* printArg */
static int print_arg(Printer *p, GolIface *arg, int verb)
{
	p->cur = arg ? 1 : 0;
	p->cur_box = arg;
	if (!arg) {
		if (verb == 'T' || verb == 'v')
			pad_str(p, "<nil>");
		else
			bad_verb(p, verb);
		return 0;
	}
	Type *t = arg->type;
	Value v = arg->v;
	if (verb == 'T') {
		FmtBuf tb = {0};
		write_rtype(&tb, t);
		fmt_s(p, tb.p, tb.len);
		return 0;
	}
	if (verb == 'p') {
		pp_pointer(p, t, v, 'p');
		return 0;
	}
	if (t->kind != TY_NAMED && is_basic(t->kind)) {
		print_basic(p, t, v, verb);
		return 0;
	}
	if (t->kind == TY_SLICE && t->elem && t->elem->kind == TY_UINT8) {
		/* case []byte: */
		GolSlice *s = v.p;
		return pp_bytes(p, t, v, s ? s->data : NULL, s ? s->len : 0, !s, verb, true);
	}
	/* %w is handleMethods' whatever the type: an argument that is no
	 * error is a bad verb as a whole (not element by element) */
	if (may_have_methods(t) || verb == 'w') {
		int r = handle_methods(p, t, v, verb, arg);
		if (r)
			return r < 0 ? -1 : 0;
	}
	return print_value(p, t, v, verb, 0, true);
}

/* printValue. ci: CanInterface (false below unexported fields). */
static int print_value(Printer *p, Type *t, Value v, int verb, int depth, bool ci)
{
	/* a value nested very deep (a slice of slices of ...) recurses here
	 * on the C stack: past what it allows, Go's stack-overflow end */
	if ((depth & 63) == 63)
		vm_check_c_stack(p->vm);
	Type *u = type_under(t);
	if (u && u->kind == TY_INTERFACE) {
		GolIface *box = v.p;
		if (box)
			return print_value(p, box->type, box->v, verb, depth + 1, ci);
		p->cur = 2;
		p->cur_t = t;
		p->cur_v = v;
		if (p->f.sharp_v) {
			put_type(p, t);
			puts_(p, "(nil)");
		} else {
			puts_(p, "<nil>");
		}
		return 0;
	}
	if (depth > 0 && ci && may_have_methods(t)) {
		int r = handle_methods(p, t, v, verb, NULL);
		if (r)
			return r < 0 ? -1 : 0;
	}
	p->cur = 2;
	p->cur_t = t;
	p->cur_v = v;

	switch (kind_of(t)) {
	case TY_MAP: {
		GolMap *m = v.p;
		if (m)
			vm_race_range(p->vm, m, 1, false); /* printing reads the map */
		if (p->f.sharp_v) {
			put_type(p, t);
			if (!m) {
				puts_(p, "(nil)");
				return 0;
			}
			putc_(p, '{');
		} else {
			puts_(p, "map[");
		}
		size_t n = (size_t)map_len(m), k = 0;
		Entry *e = NULL;
		if (n) {
			e = GC_MALLOC(2 * n * sizeof *e);
			MapIter it;
			map_iter_init(&it, m);
			void *kp, *vp;
			bool kz = zero_size(u->key), vz = zero_size(u->elem);
			/* struct, array and complex keys are kept boxed (rt.h) */
			bool boxed = key_class(u->key) == KEY_BOXED;
			while (k < n && map_iter_next(&it, &kp, &vp)) {
				e[k].k = kz || !kp ? (Value){0} : *(Value *)kp;
				if (boxed && e[k].k.p)
					e[k].k = ((GolIface *)e[k].k.p)->v;
				e[k].v = vz || !vp ? (Value){0} : *(Value *)vp;
				k++;
			}
			sort_entries(u->key, e, e + n, k);
		}
		for (size_t i = 0; i < k; i++) {
			if (i > 0) {
				if (p->f.sharp_v)
					puts_(p, ", ");
				else
					putc_(p, ' ');
			}
			if (print_value(p, u->key, e[i].k, verb, depth + 1, ci) < 0)
				return -1;
			putc_(p, ':');
			if (print_value(p, u->elem, e[i].v, verb, depth + 1, ci) < 0)
				return -1;
		}
		putc_(p, p->f.sharp_v ? '}' : ']');
		return 0;
	}
	case TY_STRUCT:
		if (p->f.sharp_v)
			put_type(p, t);
		putc_(p, '{');
		for (int i = 0; i < u->nfields; i++) {
			Field *f = &u->fields[i];
			if (i > 0) {
				if (p->f.sharp_v)
					puts_(p, ", ");
				else
					putc_(p, ' ');
			}
			if ((p->f.plus_v || p->f.sharp_v) && f->name && f->name[0]) {
				puts_(p, f->name);
				putc_(p, ':');
			}
			/* getField: an interface field prints its dynamic value
			 * (print_value unwraps it) */
			if (print_value(p, f->type, block_at(v, i), verb, depth + 1, ci && is_exported(f->name)) < 0)
				return -1;
		}
		putc_(p, '}');
		return 0;
	case TY_ARRAY:
	case TY_SLICE: {
		bool is_slice = u->kind == TY_SLICE;
		GolSlice *s = is_slice ? v.p : NULL;
		int64_t n = is_slice ? (s ? s->len : 0) : u->len;
		Value *data = is_slice ? (s ? s->data : NULL) : v.p;
		if (is_slice && s)
			vm_race_range(p->vm, data, n, false); /* printing reads the elements */
		if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && kind_of(u->elem) == TY_UINT8) {
			Value *bytes = data;
			if (!data && n) { /* an array without a block: zeros */
				bytes = GC_MALLOC_ATOMIC((size_t)n * sizeof(Value));
				memset(bytes, 0, (size_t)n * sizeof(Value));
			}
			return pp_bytes(p, t, v, bytes, n, is_slice && !s, verb, false);
		}
		if (p->f.sharp_v) {
			put_type(p, t);
			if (is_slice && !s) {
				puts_(p, "(nil)");
				return 0;
			}
			putc_(p, '{');
		} else {
			putc_(p, '[');
		}
		for (int64_t i = 0; i < n; i++) {
			if (i > 0) {
				if (p->f.sharp_v)
					puts_(p, ", ");
				else
					putc_(p, ' ');
			}
			Value ev = data ? data[i] : (Value){0};
			if (print_value(p, u->elem, ev, verb, depth + 1, ci) < 0)
				return -1;
		}
		putc_(p, p->f.sharp_v ? '}' : ']');
		return 0;
	}
	case TY_POINTER:
		/* a pointer to an array, slice, struct or map: &{...} at top
		 * level only (avoids loops) */
		if (depth == 0 && v.p) {
			switch (kind_of(u->elem)) {
			case TY_ARRAY:
			case TY_STRUCT:
				/* a pointer to an aggregate is its block, which
				 * printing reads */
				vm_race_block(p->vm, u->elem, v.p, false);
				putc_(p, '&');
				return print_value(p, u->elem, v, verb, depth + 1, ci);
			case TY_SLICE:
			case TY_MAP:
				putc_(p, '&');
				return print_value(p, u->elem, *(Value *)v.p, verb, depth + 1, ci);
			default:
				break;
			}
		}
		pp_pointer(p, t, v, verb);
		return 0;
	case TY_CHAN:
	case TY_FUNC:
	case TY_UNSAFEPTR:
		pp_pointer(p, t, v, verb);
		return 0;
	default:
		print_basic(p, t, v, verb);
		return 0;
	}
}

/* ---- Printf's format string ------------------------------------------------- */

static bool too_large(int64_t x)
{
	return x > 1000000 || x < -1000000;
}

/* parsenum: returns the new index; *isnum false when no digits. */
static size_t parse_num(const char *s, size_t start, size_t end, int *num, bool *isnum)
{
	*num = 0;
	*isnum = false;
	if (start >= end)
		return end;
	size_t i;
	for (i = start; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
		if (too_large(*num)) {
			*num = 0;
			*isnum = false;
			return end;
		}
		*num = *num * 10 + (s[i] - '0');
		*isnum = true;
	}
	return i;
}

/* intFromArg */
static int int_from_arg(GolIface **a, int na, int arg_num, int *num, bool *is_int)
{
	*num = 0;
	*is_int = false;
	if (arg_num >= na)
		return arg_num;
	GolIface *x = a[arg_num];
	if (x) {
		switch (kind_of(x->type)) {
		case TY_INT: case TY_INT8: case TY_INT16: case TY_INT32: case TY_INT64:
			*num = (int)x->v.i; /* checked by too_large below */
			*is_int = !too_large(x->v.i);
			if (!*is_int)
				*num = 0;
			break;
		case TY_UINT: case TY_UINT8: case TY_UINT16: case TY_UINT32: case TY_UINT64: case TY_UINTPTR:
			if ((int64_t)x->v.u >= 0 && !too_large((int64_t)x->v.u)) {
				*num = (int)x->v.u;
				*is_int = true;
			}
			break;
		default:
			break;
		}
	}
	if (too_large(*num)) {
		*num = 0;
		*is_int = false;
	}
	return arg_num + 1;
}

/* parseArgNumber: format[0] is '['. */
static void parse_arg_number(const char *f, size_t n, int *index, size_t *wid, bool *ok)
{
	*index = 0;
	*wid = 1;
	*ok = false;
	if (n < 3)
		return;
	for (size_t i = 1; i < n; i++) {
		if (f[i] == ']') {
			int width;
			bool isnum;
			size_t newi = parse_num(f, 1, i, &width, &isnum);
			if (!isnum || newi != i) {
				*wid = i + 1;
				return;
			}
			*index = width - 1;
			*wid = i + 1;
			*ok = true;
			return;
		}
	}
}

/* argNumber */
static int arg_number(Printer *p, int arg_num, const char *format, size_t end, size_t *i, int num_args,
		      bool *found)
{
	*found = false;
	if (*i >= end || format[*i] != '[')
		return arg_num;
	p->reordered = true;
	int index;
	size_t wid;
	bool ok;
	parse_arg_number(format + *i, end - *i, &index, &wid, &ok);
	*i += wid;
	if (ok && 0 <= index && index < num_args) {
		*found = true;
		return index;
	}
	p->good_arg_num = false;
	*found = ok;
	return arg_num;
}

static void set_v_flags(Printer *p)
{
	p->f.sharp_v = p->f.sharp;
	p->f.sharp = false;
	p->f.plus_v = p->f.plus;
	p->f.plus = false;
}

/* doPrintf */
static int do_printf(Printer *p, const char *format, size_t end, GolIface **a, int na)
{
	int arg_num = 0;
	bool after_index = false;
	p->reordered = false;
	size_t i = 0;
	while (i < end) {
		p->good_arg_num = true;
		size_t lasti = i;
		while (i < end && format[i] != '%')
			i++;
		if (i > lasti)
			put(p, format + lasti, i - lasti);
		if (i >= end)
			break;
		i++; /* the % */

		clear_flags(p);
		bool simple = false, stop = false;
		for (; i < end && !stop; i++) {
			char c = format[i];
			switch (c) {
			case '#': p->f.sharp = true; break;
			case '0': p->f.zero = !p->f.minus; break;
			case '+': p->f.plus = true; break;
			case '-':
				p->f.minus = true;
				p->f.zero = false;
				break;
			case ' ': p->f.space = true; break;
			default:
				/* fast path: a lower-case verb without width etc. */
				if ('a' <= c && c <= 'z' && arg_num < na) {
					if (c == 'v')
						set_v_flags(p);
					if (print_arg(p, a[arg_num], c) < 0)
						return -1;
					arg_num++;
					simple = true;
				}
				stop = true;
				i--; /* undo the loop's i++ */
			}
		}
		if (simple) {
			i++;
			continue;
		}

		arg_num = arg_number(p, arg_num, format, end, &i, na, &after_index);

		/* width */
		if (i < end && format[i] == '*') {
			i++;
			arg_num = int_from_arg(a, na, arg_num, &p->wid, &p->f.wid_present);
			if (!p->f.wid_present)
				puts_(p, "%!(BADWIDTH)");
			if (p->wid < 0) {
				p->wid = -p->wid;
				p->f.minus = true;
				p->f.zero = false;
			}
			after_index = false;
		} else {
			i = parse_num(format, i, end, &p->wid, &p->f.wid_present);
			if (after_index && p->f.wid_present)
				p->good_arg_num = false;
		}

		/* precision */
		if (i + 1 < end && format[i] == '.') {
			i++;
			if (after_index)
				p->good_arg_num = false;
			arg_num = arg_number(p, arg_num, format, end, &i, na, &after_index);
			if (i < end && format[i] == '*') {
				i++;
				arg_num = int_from_arg(a, na, arg_num, &p->prec, &p->f.prec_present);
				if (p->prec < 0) {
					p->prec = 0;
					p->f.prec_present = false;
				}
				if (!p->f.prec_present)
					puts_(p, "%!(BADPREC)");
				after_index = false;
			} else {
				i = parse_num(format, i, end, &p->prec, &p->f.prec_present);
				if (!p->f.prec_present) {
					p->prec = 0;
					p->f.prec_present = true;
				}
			}
		}

		if (!after_index)
			arg_num = arg_number(p, arg_num, format, end, &i, na, &after_index);

		if (i >= end) {
			puts_(p, "%!(NOVERB)");
			break;
		}

		int verb = (unsigned char)format[i];
		int size = 1;
		if (verb >= 0x80)
			verb = utf8_decode((const unsigned char *)format + i, end - i, &size);
		i += (size_t)size;

		if (verb == '%') {
			putc_(p, '%');
		} else if (!p->good_arg_num) {
			puts_(p, "%!");
			buf_rune(p->buf, verb);
			puts_(p, "(BADINDEX)");
		} else if (arg_num >= na) {
			puts_(p, "%!");
			buf_rune(p->buf, verb);
			puts_(p, "(MISSING)");
		} else {
			if (verb == 'v')
				set_v_flags(p);
			if (print_arg(p, a[arg_num], verb) < 0)
				return -1;
			arg_num++;
		}
	}

	if (!p->reordered && arg_num < na) {
		clear_flags(p);
		puts_(p, "%!(EXTRA ");
		for (int k = arg_num; k < na; k++) {
			if (k > arg_num)
				puts_(p, ", ");
			if (!a[k]) {
				puts_(p, "<nil>");
			} else {
				put_type(p, a[k]->type);
				putc_(p, '=');
				if (print_arg(p, a[k], 'v') < 0)
					return -1;
			}
		}
		putc_(p, ')');
	}
	return 0;
}

/* doPrint: spaces between operands when neither is a string. */
static int do_print(Printer *p, GolIface **a, int na)
{
	bool prev_string = false;
	for (int k = 0; k < na; k++) {
		bool is_string = a[k] && kind_of(a[k]->type) == TY_STRING;
		if (k > 0 && !is_string && !prev_string)
			putc_(p, ' ');
		if (print_arg(p, a[k], 'v') < 0)
			return -1;
		prev_string = is_string;
	}
	return 0;
}

static int do_println(Printer *p, GolIface **a, int na)
{
	for (int k = 0; k < na; k++) {
		if (k > 0)
			putc_(p, ' ');
		if (print_arg(p, a[k], 'v') < 0)
			return -1;
	}
	putc_(p, '\n');
	return 0;
}

int fmt_sprint(VM *vm, FmtBuf *b, GolIface **args, int n)
{
	Printer p;
	printer_init(&p, vm, b);
	return do_print(&p, args, n);
}

int fmt_sprintln(VM *vm, FmtBuf *b, GolIface **args, int n)
{
	Printer p;
	printer_init(&p, vm, b);
	return do_println(&p, args, n);
}

int fmt_sprintf(VM *vm, FmtBuf *b, const char *format, size_t flen, GolIface **args, int n)
{
	Printer p;
	printer_init(&p, vm, b);
	return do_printf(&p, format, flen, args, n);
}

int fmt_value(VM *vm, FmtBuf *b, Type *t, Value v, char verb)
{
	Printer p;
	printer_init(&p, vm, b);
	Type *u = type_under(t);
	if (u && u->kind == TY_INTERFACE)
		return print_arg(&p, v.p, verb);
	GolIface box = {t, v};
	return print_arg(&p, &box, verb);
}

/* ---- Errorf's error type ------------------------------------------------------ */

/*
 * type wrapError struct { msg string; err error }, with
 * func (e *wrapError) Error() string and func (e *wrapError) Unwrap() error.
 * Errorf returns a *wrapError when it has a %w; without one it returns
 * errors.New's *errors.errorString, as Go does.
 */
static Type *wrap_error_ptr;
static pthread_once_t wrap_error_once = PTHREAD_ONCE_INIT;

static int wrap_error_error(VM *vm, Value *args, int nargs, Value *results)
{
	Value *blk = args[0].p;
	if (!blk)
		return vm_panic_nil(vm);
	vm_race_range(vm, blk, 1, false);
	results[0] = blk[0];
	return 0;
}

static int wrap_error_unwrap(VM *vm, Value *args, int nargs, Value *results)
{
	Value *blk = args[0].p;
	if (!blk)
		return vm_panic_nil(vm);
	results[0] = blk[1];
	return 0;
}

static Type *func_returning(Type *r)
{
	Type *sig = type_new(TY_FUNC);
	sig->results = GC_MALLOC(sizeof(Field));
	sig->results[0].type = r;
	sig->nresults = 1;
	return sig;
}

static GolClosure *native_closure(NativeFn fn, const char *name)
{
	GolClosure *c = GC_MALLOC(sizeof *c);
	c->native = fn;
	c->name = name;
	return c;
}

static void make_wrap_error(void)
{
	Type *st = type_new(TY_STRUCT);
	st->fields = GC_MALLOC(2 * sizeof(Field));
	st->fields[0].name = "msg";
	st->fields[0].type = type_basic[TY_STRING];
	st->fields[1].name = "err";
	st->fields[1].type = type_error;
	st->nfields = 2;
	Type *named = type_named("fmt", "wrapError", NULL);
	named->underlying = st;
	Method *m = GC_MALLOC(2 * sizeof(Method));
	m[0].name = "Error";
	m[0].sig = func_returning(type_basic[TY_STRING]);
	m[0].ptr_recv = true;
	m[0].impl = native_closure(wrap_error_error, "fmt.(*wrapError).Error");
	m[1].name = "Unwrap";
	m[1].sig = func_returning(type_error);
	m[1].ptr_recv = true;
	m[1].impl = native_closure(wrap_error_unwrap, "fmt.(*wrapError).Unwrap");
	named->methods = m;
	named->nmethods = 2;
	wrap_error_ptr = rtype_canon(type_pointer(named));
}

/* ---- fmt.State, for a Formatter's Format ----------------------------------------- */

/*
 * Go passes Format its printer, whose Write adds to the output and whose
 * Width, Precision and Flag tell the verb's flags. Here a State of its
 * own: a snapshot of the flags and a buffer the call writes to. The call
 * may run later (vm/rtcall.c): what it wrote goes into the output when
 * fmt's work replays.
 */
typedef struct FmtState {
	Flags f;
	int wid, prec;
	char *bytes;
	size_t len, cap;
} FmtState;

static Type *state_ptr;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static int state_write(VM *vm, Value *args, int nargs, Value *results)
{
	(void)vm;
	(void)nargs;
	FmtState *st = args[0].p;
	GolSlice *b = args[1].p;
	int64_t n = b ? b->len : 0;
	if (st->len + (size_t)n > st->cap) {
		size_t cap = (st->len + (size_t)n) * 2 + 16;
		char *nb = GC_MALLOC_ATOMIC(cap);
		if (st->len)
			memcpy(nb, st->bytes, st->len);
		st->bytes = nb;
		st->cap = cap;
	}
	for (int64_t k = 0; k < n; k++)
		st->bytes[st->len++] = (char)b->data[k].u;
	results[0].i = n;
	results[1].p = NULL;
	return 0;
}

/* Width and Precision: the number and whether it was given (when it was
 * not, Go's number is what an earlier verb of the same call left) */
static int state_number(Value *results, bool present, int n)
{
	results[0].i = n;
	results[1].i = present;
	return 0;
}

static int state_width(VM *vm, Value *args, int nargs, Value *results)
{
	(void)vm;
	(void)nargs;
	FmtState *st = args[0].p;
	return state_number(results, st->f.wid_present, st->wid);
}

static int state_precision(VM *vm, Value *args, int nargs, Value *results)
{
	(void)vm;
	(void)nargs;
	FmtState *st = args[0].p;
	return state_number(results, st->f.prec_present, st->prec);
}

static int state_flag(VM *vm, Value *args, int nargs, Value *results)
{
	(void)vm;
	(void)nargs;
	FmtState *st = args[0].p;
	switch (args[1].i) {
	case '-': results[0].i = st->f.minus; break;
	case '+': results[0].i = st->f.plus || st->f.plus_v; break;
	case '#': results[0].i = st->f.sharp || st->f.sharp_v; break;
	case ' ': results[0].i = st->f.space; break;
	case '0': results[0].i = st->f.zero; break;
	default: results[0].i = 0;
	}
	return 0;
}

static Type *func_of(int np, Type *p0, int nr, Type *r0, Type *r1)
{
	Type *sig = type_new(TY_FUNC);
	if (np) {
		sig->fields = GC_MALLOC(sizeof(Field));
		sig->fields[0].type = p0;
		sig->nfields = 1;
	}
	sig->results = GC_MALLOC(sizeof(Field) * 2);
	sig->results[0].type = r0;
	if (nr > 1)
		sig->results[1].type = r1;
	sig->nresults = nr;
	return sig;
}

static void make_state_type(void)
{
	Type *named = type_named("fmt", "pp", NULL);
	named->underlying = type_new(TY_STRUCT);
	Method *m = GC_MALLOC(4 * sizeof(Method));
	Type *int_t = type_basic[TY_INT], *bool_t = type_basic[TY_BOOL];
	m[0] = (Method){.name = "Flag", .sig = func_of(1, int_t, 1, bool_t, NULL), .ptr_recv = true,
			.impl = native_closure(state_flag, "fmt.(*pp).Flag")};
	m[1] = (Method){.name = "Precision", .sig = func_of(0, NULL, 2, int_t, bool_t), .ptr_recv = true,
			.impl = native_closure(state_precision, "fmt.(*pp).Precision")};
	m[2] = (Method){.name = "Width", .sig = func_of(0, NULL, 2, int_t, bool_t), .ptr_recv = true,
			.impl = native_closure(state_width, "fmt.(*pp).Width")};
	m[3] = (Method){.name = "Write", .sig = func_of(1, type_slice(type_basic[TY_UINT8]), 2, int_t, type_error),
			.ptr_recv = true, .impl = native_closure(state_write, "fmt.(*pp).Write")};
	named->methods = m;
	named->nmethods = 4;
	state_ptr = rtype_canon(type_pointer(named));
}

/* Is Format, on t, the method of a Formatter (func(fmt.State, rune))? */
static bool is_format_method(Type *t)
{
	Selection sel;
	if (type_lookup(t, "Format", &sel) != 2 || !sel.type)
		return false;
	Type *sig = sel.type;
	if (sig->nfields != 2 || sig->nresults != 0 || sig->variadic)
		return false;
	Type *st = sig->fields[0].type, *rt = type_under(sig->fields[1].type);
	return st && st->kind == TY_NAMED && st->pkg && !strcmp(st->pkg, "fmt") && st->name &&
	       !strcmp(st->name, "State") && rt && rt->kind == TY_INT32;
}

/* handleMethods' Formatter case: 1 done, 0 t is no Formatter, -1 an error.
 * A panic in Format is printed as Go's catchPanic prints it. */
static int format_method(Printer *p, Type *t, Value v, int verb)
{
	if (!p->vm || !is_format_method(t))
		return 0;
	Value recv;
	int why;
	GolClosure *f = vm_method_of(t, v, "Format", &recv, &why);
	if (!f && why != METHOD_NIL) /* a pointer method, and v is no pointer */
		return 0;
	pthread_once(&state_once, make_state_type);
	FmtState *st = GC_MALLOC(sizeof *st);
	st->f = p->f;
	st->wid = p->wid;
	st->prec = p->prec;
	Value args[3] = {recv, {.p = iface_box(state_ptr, (Value){.p = st})}, {.i = verb}};
	/* a nil pointer on the way: the call panics (<nil> for a nil
	 * pointer argument, as Go's catchPanic prints it) */
	int rc = why == METHOD_NIL ? vm_panic_nil(p->vm) : vm_calls_call(p->vm, f, args, 3, NULL, 0);
	if (rc < 0)
		return catch_panic(p, t, v, verb, "Format");
	/* the State the call was made with (a replay's is the recorded one) */
	FmtState *done = ((GolIface *)args[1].p)->v.p;
	put(p, done->bytes ? done->bytes : "", done->len);
	return 1;
}

static GolIface *new_wrap_error(const char *msg, size_t n, GolIface *err)
{
	pthread_once(&wrap_error_once, make_wrap_error);
	Value *blk = GC_MALLOC(2 * sizeof(Value));
	blk[0].p = str_new(msg, (int64_t)n);
	blk[1].p = err;
	return iface_box(wrap_error_ptr, (Value){.p = blk});
}

/* ---- the natives ----------------------------------------------------------------- */

/* The ...any argument as an array of boxes. */
static GolIface **unpack(Value v, int *n, GolIface **stack, int nstack)
{
	GolSlice *s = v.p;
	*n = s ? (int)s->len : 0;
	GolIface **a = *n <= nstack ? stack : GC_MALLOC((size_t)*n * sizeof *a);
	for (int i = 0; i < *n; i++)
		a[i] = s->data[i].p;
	return a;
}

enum { PRINT, PRINTLN, PRINTF };

static int format_args(VM *vm, FmtBuf *b, int mode, Value *args)
{
	GolIface *stack[16];
	int n;
	if (mode == PRINTF) {
		GolIface **a = unpack(args[1], &n, stack, 16);
		GolString *f = args[0].p;
		return fmt_sprintf(vm, b, str_ptr(f), (size_t)str_len(f), a, n);
	}
	GolIface **a = unpack(args[0], &n, stack, 16);
	return mode == PRINT ? fmt_sprint(vm, b, a, n) : fmt_sprintln(vm, b, a, n);
}

/*
 * Writing to an *os.File: Go's file descriptor takes a lock (atomic
 * operations its race detector sees) around every write, so two goroutines
 * that both print are ordered, write before write, and Go reports no race
 * between what one did before printing and what the other does after. The
 * detector is told the same: each write acquires and releases the file's
 * synchronisation object.
 */
static char file_sync[3];

void fmt_file_write(VM *vm, int fd, const char *p, size_t n)
{
	void *sync = &file_sync[fd == 2 ? 2 : 1];
	vm_race_acquire(vm, sync);
	vm_race_release(vm, sync);
	vm_write(vm, fd, p, n);
}

/* Each fmt function does its work between vm_calls_begin and
 * vm_calls_end, so that the methods it calls run as the goroutine's own
 * calls (rtcall.c): a String method may take a lock another goroutine
 * holds. Nothing is written until every call has run. */
static int print_to_stdout(VM *vm, int mode, Value *args, Value *results)
{
	int rc = vm_calls_begin(vm);
	if (rc == VM_CALL)
		return rc;
	char stack[512];
	FmtBuf b = {stack, 0, sizeof stack};
	stack[0] = 0;
	rc = vm_calls_end(vm, format_args(vm, &b, mode, args));
	if (rc < 0)
		return rc;
	fmt_file_write(vm, 1, b.p, b.len);
	results[0].i = (int64_t)b.len;
	results[1].p = NULL;
	return 0;
}

static int to_string(VM *vm, int mode, Value *args, Value *results)
{
	char stack[512];
	FmtBuf b = {stack, 0, sizeof stack};
	stack[0] = 0;
	int rc = vm_calls_begin(vm);
	if (rc == VM_CALL)
		return rc;
	rc = vm_calls_end(vm, format_args(vm, &b, mode, args));
	if (rc < 0)
		return rc;
	results[0].p = str_new(b.p, (int64_t)b.len);
	return 0;
}

static bool is_os_file_ptr(Type *t)
{
	return t && t->kind == TY_POINTER && t->elem && t->elem->kind == TY_NAMED && t->elem->pkg &&
	       !strcmp(t->elem->pkg, "os") && t->elem->name && !strcmp(t->elem->name, "File");
}

/* w.Write(b): *os.File directly, anything else through its Write method. */
static int write_to(VM *vm, GolIface *w, FmtBuf *b, Value *results)
{
	if (!w)
		return vm_panic_nil(vm);
	if (is_os_file_ptr(w->type)) {
		Value *file = w->v.p;
		if (!file) {
			/* (*os.File)(nil).Write returns os.ErrInvalid */
			results[0].i = 0;
			results[1].p = new_wrap_error("invalid argument", 16, NULL);
			return 0;
		}
		fmt_file_write(vm, (int)file[0].i, b->p, b->len);
		results[0].i = (int64_t)b->len;
		results[1].p = NULL;
		return 0;
	}
	/* Write, as a method call on w finds it (promoted ones too) */
	Value recv;
	int why;
	GolClosure *m = vm_method_of(w->type, w->v, "Write", &recv, &why);
	if (why == METHOD_NIL)
		return vm_panic_nil(vm);
	if (!m) {
		results[0].i = 0;
		results[1].p = new_wrap_error("gol: fmt.Fprint to this io.Writer is not supported", 50, NULL);
		return 0;
	}
	GolSlice *s = GC_MALLOC(sizeof *s);
	s->data = GC_MALLOC_ATOMIC((b->len ? b->len : 1) * sizeof(Value));
	for (size_t i = 0; i < b->len; i++)
		s->data[i].u = (unsigned char)b->p[i];
	s->len = s->cap = (int64_t)b->len;
	Value args[2] = {recv, {.p = s}};
	return vm_calls_call(vm, m, args, 2, results, 2);
}

static int fprint_any(VM *vm, int mode, Value *args, Value *results)
{
	char stack[512];
	FmtBuf b = {stack, 0, sizeof stack};
	stack[0] = 0;
	int rc = vm_calls_begin(vm);
	if (rc == VM_CALL)
		return rc;
	rc = format_args(vm, &b, mode, args + 1);
	if (rc >= 0 && !vm_calls_pending(vm))
		rc = write_to(vm, args[0].p, &b, results);
	return vm_calls_end(vm, rc);
}

static int nat_print(VM *vm, Value *args, int nargs, Value *results)
{
	return print_to_stdout(vm, PRINT, args, results);
}

static int nat_println(VM *vm, Value *args, int nargs, Value *results)
{
	return print_to_stdout(vm, PRINTLN, args, results);
}

static int nat_printf(VM *vm, Value *args, int nargs, Value *results)
{
	return print_to_stdout(vm, PRINTF, args, results);
}

static int nat_sprint(VM *vm, Value *args, int nargs, Value *results)
{
	return to_string(vm, PRINT, args, results);
}

static int nat_sprintln(VM *vm, Value *args, int nargs, Value *results)
{
	return to_string(vm, PRINTLN, args, results);
}

static int nat_sprintf(VM *vm, Value *args, int nargs, Value *results)
{
	return to_string(vm, PRINTF, args, results);
}

static int nat_fprint(VM *vm, Value *args, int nargs, Value *results)
{
	return fprint_any(vm, PRINT, args, results);
}

static int nat_fprintln(VM *vm, Value *args, int nargs, Value *results)
{
	return fprint_any(vm, PRINTLN, args, results);
}

static int nat_fprintf(VM *vm, Value *args, int nargs, Value *results)
{
	return fprint_any(vm, PRINTF, args, results);
}

static int nat_errorf(VM *vm, Value *args, int nargs, Value *results)
{
	char stack[512];
	FmtBuf b = {stack, 0, sizeof stack};
	stack[0] = 0;
	GolIface *astack[16];
	int n;
	GolIface **a = unpack(args[1], &n, astack, 16);
	GolString *f = args[0].p;
	int rc = vm_calls_begin(vm);
	if (rc == VM_CALL)
		return rc;
	Printer p;
	printer_init(&p, vm, &b);
	p.wrap_errs = true;
	rc = vm_calls_end(vm, do_printf(&p, str_ptr(f), (size_t)str_len(f), a, n));
	if (rc < 0)
		return rc;
	if (!p.wrapped_err) {
		/* without %w, Go's Errorf is errors.New(message) */
		Value msg;
		msg.p = str_new(b.p, (int64_t)b.len);
		return natives_lookup("errors.New")(vm, &msg, 1, results);
	}
	results[0].p = new_wrap_error(b.p, b.len, p.wrapped_err);
	vm_race_range(vm, ((GolIface *)results[0].p)->v.p, 2, true); /* &wrapError{msg, err} */
	return 0;
}

const NativeDef fmt_natives[] = {
	{"fmt.Print", nat_print},
	{"fmt.Println", nat_println},
	{"fmt.Printf", nat_printf},
	{"fmt.Sprint", nat_sprint},
	{"fmt.Sprintln", nat_sprintln},
	{"fmt.Sprintf", nat_sprintf},
	{"fmt.Fprint", nat_fprint},
	{"fmt.Fprintln", nat_fprintln},
	{"fmt.Fprintf", nat_fprintf},
	{"fmt.Errorf", nat_errorf},
	{NULL, NULL},
};
