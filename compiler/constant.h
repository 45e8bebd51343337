/*
 * constant.h — exact values of Go constant expressions.
 *
 * Owns: the ConstVal type and its arithmetic. Go requires untyped constants
 * to be exact (`1 << 100 >> 98` is 4, `1e300 * 1e300 / 1e300` is 1e300), so
 * integers are GMP integers and floats are GMP rationals; a value is rounded
 * only when it is converted to a typed float or integer, and the checker asks
 * here whether that conversion is exact enough ("representable").
 */
#ifndef GOL_CONSTANT_H
#define GOL_CONSTANT_H

#include <gmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "ast.h"

typedef enum ConstKind { CK_BOOL, CK_STRING, CK_INT, CK_FLOAT, CK_COMPLEX } ConstKind;

typedef struct ConstVal {
	ConstKind kind;
	bool b;
	Str s;
	mpz_t i;      /* CK_INT */
	mpq_t f;      /* CK_FLOAT; the real part of CK_COMPLEX */
	mpq_t im;     /* CK_COMPLEX imaginary part */
} ConstVal;

/* GMP is pointed at the collector once, before any constant is made. */
void const_init(void);

ConstVal *const_bool(bool b);
ConstVal *const_string(Str s);
ConstVal *const_int64(int64_t v);
/* From literal text as the lexer kept it (INT, FLOAT, IMAG, RUNE kinds);
 * NULL if malformed (the lexer has already reported it). */
ConstVal *const_from_literal(LitKind kind, const char *text, int32_t rune);

/* Promote to at least kind k (int -> float -> complex). */
ConstVal *const_to_kind(const ConstVal *v, ConstKind k);

/* Arithmetic and comparison; op is an Op from ast.h. Returns NULL for a
 * division by zero (*divzero set) or an unsupported combination. */
ConstVal *const_binary(Op op, const ConstVal *x, const ConstVal *y, bool integer_div, bool *divzero);
ConstVal *const_shift(Op op, const ConstVal *x, uint64_t s);
bool const_compare(Op op, const ConstVal *x, const ConstVal *y);
/* Unary - + ^ !; bits/unsigned give ^'s width for typed operands (0: untyped). */
ConstVal *const_unary(Op op, const ConstVal *x, int bits, bool is_unsigned);

/* Is the value an integer (a float with no fraction counts)? */
bool const_is_int_value(const ConstVal *v);
/* v as an integer constant when its value is integral (a float with no
 * fraction, a complex with neither a fraction nor an imaginary part: Go's
 * constant.ToInt); else v itself. */
ConstVal *const_to_int_value(const ConstVal *v);
/* Does the integer value fit in a signed/unsigned integer of `bits`? */
bool const_fits_int(const ConstVal *v, int bits, bool is_unsigned);
/* Round to float64 / float32; false if it overflows to infinity. */
bool const_to_double(const ConstVal *v, int bits, double *out);
/* Round a float constant to the nearest float64/float32 value, as a
 * conversion to a typed float does. */
ConstVal *const_round_float(const ConstVal *v, int bits);
/* Truncate an integer-valued constant into int64 (two's complement wrap). */
int64_t const_to_int64(const ConstVal *v);
uint64_t const_to_uint64(const ConstVal *v);
/* Sign: -1, 0, 1 (for ints and floats). */
int const_sign(const ConstVal *v);

/* Go's spelling in messages: "256", "1.5", "1e+100", "\"abc\"", "true". */
char *const_string_of(const ConstVal *v);

#endif
