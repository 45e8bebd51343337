/*
 * fmtfloat.h — floating-point to text, exactly as Go's strconv.FormatFloat
 * and fmt's %v print it.
 *
 * Owns: turning a float64 or float32 value into the exact bytes Go prints:
 * the shortest round-tripping digits (prec -1), correctly rounded fixed
 * precision (ties to even on the exact binary value), the 'e' 'E' 'f' 'g'
 * 'G' 'b' 'x' 'X' layouts with Go's rules (two-digit minimum exponents,
 * Go's %g switch to exponent form, trailing-zero handling), and the special
 * values "NaN", "+Inf", "-Inf", "-0".
 *
 * Self-contained: libc only. Digits come from glibc's snprintf, which is
 * exactly rounded; the Go-specific layout is done here, ported from
 * go1.19's strconv/ftoa.go.
 */
#ifndef GOL_FMTFLOAT_H
#define GOL_FMTFLOAT_H

#include <stddef.h>

/* Append the formatting of v to buf (capacity n, always NUL-terminated when
 * n > 0); returns the length the full result needs, like snprintf.
 * fmt: 'e' 'E' 'f' 'g' 'G' 'b' 'x' 'X' as strconv.FormatFloat; prec -1 means
 * the shortest representation that round-trips at bitsize (32 or 64).
 * With bitsize 32, v is first converted to float32, as Go does.
 * An unknown fmt gives "%" followed by the letter, as Go does. */
int fmtfloat_format(char *buf, size_t n, double v, char fmt, int prec, int bitsize);

/* Go's fmt %v (and Print/Println) for a float64 (bitsize 64) or float32
 * (bitsize 32). fmt prints %v as strconv 'g' with shortest digits, so the
 * exponent form is used when the decimal exponent is < -4 or >= 6 — the
 * %g threshold for shortest digits — e.g. 100000 but 1e+06 and
 * 1.23456789e+08 (checked against go1.19; fmt has no threshold of 21, that
 * is encoding/json's). Infinity keeps its sign: "+Inf". */
int fmtfloat_v(char *buf, size_t n, double v, int bitsize);

#endif
