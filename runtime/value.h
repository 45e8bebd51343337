/*
 * value.h — how Go values live in gol's VM: the representation contract
 * shared by the compiler, the VM, the runtime and the standard library.
 *
 * Every Go value occupies exactly one 64-bit slot (Value). Scalars are held
 * directly; everything else is a pointer to a collected object:
 *
 *   bool, ints      i (sign- or zero-extended to 64 bits, wrapped to width)
 *   float32/64      f (a float32 is kept rounded to float precision)
 *   complex         p -> GolComplex (immutable)
 *   string          p -> GolString (immutable; NULL is "")
 *   slice           p -> GolSlice header (immutable; append makes a new one;
 *                   NULL is the nil slice)
 *   array, struct   p -> a block of Values, one per element / field. The
 *                   block is owned by exactly one variable, element or field:
 *                   assignment copies the contents into the destination's
 *                   block (value semantics), so a pointer to an aggregate is
 *                   simply its block pointer and aliases the variable.
 *                   Nested aggregates are nested blocks, each owned once.
 *   pointer         to an aggregate: its block; to anything else: the
 *                   address of the Value slot (a cell, a field, an element)
 *   map             p -> GolMap (runtime/map.h); NULL is the nil map
 *   func            p -> GolClosure; NULL is the nil func
 *   interface       p -> GolIface box {type, value} (immutable); NULL is nil
 *   chan            p -> GolChan (later)
 *
 * Type descriptors at run time are the checker's Type objects (types.h),
 * made canonical by rtype_canon so that pointer equality is type identity.
 */
#ifndef GOL_VALUE_H
#define GOL_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

/* A copy of the n elements (elem bytes each) of collected array p in a new
 * collected array of cap elements; atomic: the elements hold no pointers. */
void *gc_resized(const void *p, size_t n, size_t cap, size_t elem, bool atomic);
/* GC_RESERVE(arr, n, cap, first): room for one more element in collected
 * array arr holding n of cap, doubling it (first when empty). */
#define GC_RESERVE_KIND(arr, n, cap, first, atomic)                                       \
	do {                                                                              \
		if ((n) == (cap)) {                                                       \
			__typeof__(cap) grown_ = (cap) ? (cap) * 2 : (first);             \
			(arr) = gc_resized((arr), (size_t)(n), (size_t)grown_, sizeof *(arr), (atomic)); \
			(cap) = grown_;                                                   \
		}                                                                         \
	} while (0)
#define GC_RESERVE(arr, n, cap, first) GC_RESERVE_KIND(arr, n, cap, first, false)
#define GC_RESERVE_ATOMIC(arr, n, cap, first) GC_RESERVE_KIND(arr, n, cap, first, true)

typedef union Value {
	int64_t i;
	uint64_t u;
	double f;
	void *p;
} Value;

typedef struct GolString {
	int64_t len;
	const char *p;   /* len bytes, not NUL-terminated in general */
} GolString;

typedef struct GolSlice {
	Value *data;     /* cap slots; data[i] is element i */
	int64_t len, cap;
} GolSlice;

typedef struct GolIface {
	Type *type;      /* canonical dynamic type */
	Value v;
} GolIface;

typedef struct GolComplex {
	double re, im;
} GolComplex;

struct VM;
struct Proto;

/* A native (C) function: args[0..nargs) in, results[0..nres) out. Returns
 * 0, or -1 after vm_panic was called. Variadic Go parameters arrive as one
 * slice value. */
typedef int (*NativeFn)(struct VM *vm, Value *args, int nargs, Value *results);

enum { WRAP_NONE, WRAP_DEREF, WRAP_IFACE, WRAP_EMBED };

/* How WRAP_EMBED hands over the embedded field it reached: as it is, the
 * value it points to, or its address. */
enum { EMBED_VALUE, EMBED_LOAD, EMBED_ADDR };

/* Method expressions that need adapting: WRAP_DEREF calls `target` with
 * *arg0 ((*T).M for a value method M); WRAP_IFACE calls method `mname` of
 * the dynamic value in arg0 (I.M); WRAP_EMBED calls `target` with the
 * field arg0 embeds along `path` (T.M for a method M promoted from an
 * embedded field). Kept apart: few closures are adapters, and every
 * goroutine's closure should be small. */
typedef struct GolWrap {
	struct GolClosure *target;
	const char *mname;
	Type *recv_type;       /* WRAP_DEREF: T, to copy an aggregate receiver */
	int depth, mode;       /* WRAP_EMBED: path's length, EMBED_* */
	int path[EMBED_MAX];   /* WRAP_EMBED: field indices, outermost first */
} GolWrap;

typedef struct GolClosure {
	struct Proto *proto;   /* NULL for a native */
	NativeFn native;
	const char *name;      /* for natives: "fmt.Println" */
	Value recv;
	const GolWrap *w;      /* wrap != 0: what the adapter calls */
	bool bound;            /* a method value: recv is the first argument */
	uint8_t wrap;
	bool method_value;     /* made by a method value expression (x.M): Go
				* calls it through its M-fm wrapper, which race
				* reports show */
	int ncells;
	Value *cells[];        /* captured variables (each a heap slot) */
} GolClosure;

/* ---- strings ------------------------------------------------------------- */
GolString *str_new(const char *p, int64_t len);       /* copies */
GolString *str_from_c(const char *s);
GolString *str_concat(GolString *a, GolString *b);
int str_compare(GolString *a, GolString *b);           /* <0, 0, >0 */
bool str_equal(GolString *a, GolString *b);
static inline int64_t str_len(GolString *s) { return s ? s->len : 0; }
static inline const char *str_ptr(GolString *s) { return s ? s->p : ""; }

/* ---- canonical types ---------------------------------------------------- */
Type *rtype_canon(Type *t);

/* ---- interfaces ----------------------------------------------------------- */
GolIface *iface_box(Type *t, Value v);

#endif
