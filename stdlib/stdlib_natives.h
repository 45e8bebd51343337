/*
 * stdlib_natives.h — the C implementations of Go's strings, strconv, math,
 * math/rand, unicode, unicode/utf8, sort, errors and os (environment)
 * packages, and the helpers those modules share.
 *
 * Owns: the native tables of those packages (registered in natives.c),
 * including their package variables, and small
 * services over gol's value representation (value.h): byte slices and Go's
 * append growth, building strings, UTF-8 as Go decodes it, Unicode classes
 * and case mapping with Go's tables, calling a method of a dynamic value.
 */
#ifndef GOL_STDLIB_NATIVES_H
#define GOL_STDLIB_NATIVES_H

#include <stdbool.h>
#include <stdint.h>

#include "natives.h"
#include "value.h"

struct VM;

/* Each table is terminated by {NULL, NULL}. */
extern const NativeDef strings_natives[];
extern const NativeDef io_natives[];
extern const NativeDef sync_natives[];
extern const NativeDef strconv_natives[];
extern const NativeDef math_natives[];
extern const NativeDef rand_natives[];
extern const NativeDef unicode_natives[];
extern const NativeDef unicode_var_natives[];
extern const NativeDef utf8_natives[];
extern const NativeDef sort_natives[];
extern const NativeDef errors_natives[];
extern const NativeDef os_natives[];

/* Package variables (strconv.ErrRange, unicode.Upper ...) are natives in
 * these tables too: called once at start-up, they return the variable's
 * value (the same value every time, so errors compare by identity). */

/* ---- byte slices and strings (strings.c) ---------------------------------- */

/* A new slice of len zero values and capacity cap (cap >= len). */
GolSlice *std_slice_new(int64_t len, int64_t cap);
/* append(s, p[:n]...) for a []byte with Go's growth (esize 1 byte). */
GolSlice *std_append_bytes(GolSlice *s, const char *p, int64_t n);
/* The same for a library function appending to the program's slice
 * (strconv.AppendInt...): what it writes is seen by the race detector. */
GolSlice *std_append_user_bytes(struct VM *vm, GolSlice *s, const char *p, int64_t n);
/* string(b) of a []byte. */
GolString *std_bytes_str(GolSlice *b);
/* []byte(s) as a fresh slice (len == cap). */
GolSlice *std_str_bytes(const char *p, int64_t n);

/* A growable byte buffer for building results (GC memory). */
typedef struct StdBuf {
	char *p;
	int64_t len, cap;
} StdBuf;
void std_buf_put(StdBuf *b, const char *p, int64_t n);
void std_buf_byte(StdBuf *b, char c);
void std_buf_rune(StdBuf *b, int32_t r);   /* invalid runes as U+FFFD */
GolString *std_buf_str(StdBuf *b);

/* errors.New(msg). */
GolIface *std_error(const char *msg, int64_t n);
/* Package io's error values (iolib.c): each made once, so a reader's
 * io.EOF is the very value a program compares with. */
enum {
	STD_IO_EOF, STD_IO_UNEXPECTED_EOF, STD_IO_SHORT_WRITE, STD_IO_SHORT_BUFFER, STD_IO_NO_PROGRESS,
	STD_IO_CLOSED_PIPE, STD_IO_INVALID_WRITE, STD_IO_NERR
};
GolIface *std_io_error(int which);
GolIface *std_io_eof(void);

/* The checker's named type pkg.name (e.g. "strconv", "NumError"); NULL if
 * there is none. */
Type *std_named_type(const char *pkg, const char *name);

/* Find method `name` of the dynamic value x (an interface box): the
 * closure to call and the receiver to pass first. NULL if x's type has no
 * such method. Methods of standard types without an attached closure are
 * resolved to their natives. */
GolClosure *std_method(GolIface *x, const char *name, Value *recv);
/* Call a func value (a bound method value gets its receiver first). */
int std_call(struct VM *vm, GolClosure *f, Value *args, int nargs, Value *res, int nres);
/* Call method `name` on x with args; -1 after a panic. Panics with Go's
 * nil-pointer message when x is nil. */
int std_call_method(struct VM *vm, GolIface *x, const char *name, Value *args, int nargs, Value *res, int nres);

/* ---- UTF-8 and Unicode (unicode.c) ----------------------------------------- */

/* utf8.DecodeRune: (RuneError, 1) for an invalid encoding, (RuneError, 0)
 * for empty input. */
int32_t std_utf8_decode(const unsigned char *p, int64_t n, int *size);
int32_t std_utf8_decode_last(const unsigned char *p, int64_t n, int *size);
/* utf8.EncodeRune into p (4 bytes room); invalid runes as U+FFFD. */
int std_utf8_encode(char *p, int32_t r);
int std_utf8_rune_len(int32_t r);          /* -1 if not encodable */
int64_t std_utf8_count(const unsigned char *p, int64_t n);
bool std_utf8_valid(const unsigned char *p, int64_t n);

bool uni_is_space(int32_t r);
bool uni_is_letter(int32_t r);
bool uni_is_digit(int32_t r);
bool uni_is_upper(int32_t r);
bool uni_is_lower(int32_t r);
bool uni_is_title(int32_t r);
bool uni_is_print(int32_t r);
bool uni_is_graphic(int32_t r);
int32_t uni_to_upper(int32_t r);
int32_t uni_to_lower(int32_t r);
int32_t uni_to_title(int32_t r);
int32_t uni_simple_fold(int32_t r);

#endif
