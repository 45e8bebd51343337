/*
 * fmt.h — Go's package fmt: Print, Sprintf and friends over gol's values,
 * printing exactly what go1.19's fmt prints.
 *
 * Owns: formatting boxed Go values (GolIface*) with Go's verbs, flags,
 * widths and precisions, its error notations (%!d(string=x), %!(EXTRA ...),
 * %!d(MISSING), %!(NOVERB), %!(BADWIDTH) ...), its walk of composite values
 * (structs, arrays, slices, maps sorted as internal/fmtsort sorts them,
 * pointers at top level as &{...}), calling Error and String methods where
 * Go's fmt does (only for values an interface could hold: not inside
 * unexported struct fields), Errorf's error values, and reflect's spelling
 * of types for %T and %#v ("[]interface {}", "struct { A int }").
 * It is a port of go1.19's fmt/print.go and fmt/format.go; floats come
 * from fmtfloat.h, quoting follows strconv (with its IsPrint tables).
 *
 * Not done: Formatter and GoStringer (Format and GoString methods are
 * ignored); a String or Error method that panics makes the whole call
 * panic, where Go prints %!v(PANIC=String method: ...) or, for a nil
 * pointer receiver, <nil> — natives cannot recover panics yet. (A value
 * method reached through a nil pointer, which must panic, does print
 * <nil>: it is never called.) Exported field names are recognised by an
 * ASCII capital only.
 */
#ifndef GOL_FMT_H
#define GOL_FMT_H

#include <stddef.h>

#include "../vm/vm.h"
#include "natives.h"
#include "value.h"

/* A growable output buffer (GC-allocated). p is NUL-terminated when
 * non-NULL; the NUL is not counted in len. */
typedef struct FmtBuf {
	char *p;
	size_t len, cap;
} FmtBuf;
void fmtbuf_put(FmtBuf *b, const char *s, size_t n);

/* Go's Sprint / Sprintln / Sprintf over boxed arguments (args[i] is a
 * GolIface*, NULL for a nil interface). vm may be NULL in unit tests: then
 * String()/Error() methods are not called. Return -1 if a String/Error
 * method panicked (the panic is propagating), else 0. */
int fmt_sprint(VM *vm, FmtBuf *b, GolIface **args, int n);
int fmt_sprintln(VM *vm, FmtBuf *b, GolIface **args, int n);
int fmt_sprintf(VM *vm, FmtBuf *b, const char *format, size_t flen, GolIface **args, int n);

/* Format one value of static type t as the verb would at top level (used
 * by panics and print). An interface type t means v.p is a GolIface*. */
int fmt_value(VM *vm, FmtBuf *b, Type *t, Value v, char verb);

/* reflect's Type.String(), as %T writes it: "int", "main.T", "[]uint8",
 * "map[string]interface {}", "struct { A int }", "func(int) error". */
void fmt_type_string(FmtBuf *b, Type *t);
/* Write to standard output or error (fd 1 or 2) as an *os.File does: the
 * race detector sees the file's lock ordering the writers. */
void fmt_file_write(VM *vm, int fd, const char *p, size_t n);

/* strconv.Quote / QuoteToASCII (ascii), and strconv.IsPrint. */
void fmt_quote(FmtBuf *b, const char *s, size_t n, bool ascii);
bool fmt_is_print(int32_t r);

/* Unit tests only: replace vm_call_string_method (NULL restores it). */
typedef int (*FmtMethodFn)(VM *vm, Type *t, Value v, const char *name, GolString **out);
void fmt_set_method_hook(FmtMethodFn fn);

extern const NativeDef fmt_natives[]; /* terminated by {NULL, NULL} */

#endif
