/*
 * rt.h — type-directed operations on values, used by the VM and stdlib.
 *
 * Owns: zeroed blocks for structs and arrays, deep copies (value
 * semantics), equality and hashing by type, substring headers, and the
 * mapping of Go map key types onto runtime/map's byte-slot keys.
 */
#ifndef GOL_RT_H
#define GOL_RT_H

#include "value.h"
#include "map.h"

GolString *str_sub(GolString *s, int64_t lo, int64_t hi);

int64_t block_len(Type *t);
/* Is a value of type t a block (a struct or an array)? */
bool aggregate(Type *t);
Type *block_elem(Type *t, int64_t i);
Value *block_new(Type *t);
void block_copy_into(Type *t, Value *dst, Value *src);
Value *block_clone(Type *t, Value *src);
/* (a+bi) / (c+di) as Go's runtime divides complex128 values. */
void rt_complex_div(double a, double b, double c, double d, double *re, double *im);
/* Go's copy(dst, src): src a slice, or (from_string) a string copied
 * into a []byte; agg the element type when elements are blocks (copied
 * as values), else NULL. Returns the number of elements copied. */
int64_t rt_copy(Type *agg, GolSlice *d, Value src, bool from_string);

int value_equal(Type *t, Value a, Value b, Type **bad);
uint64_t value_hash(Type *t, Value v, uint64_t seed, Type **bad);
/* == and the hash of interface values: as value_equal and value_hash,
 * with *bad the dynamic type that cannot be compared (Go's message names
 * it: "comparing uncomparable type main.W", not the slice inside). */
int iface_equal(GolIface *x, GolIface *y, Type **bad);
uint64_t iface_hash(GolIface *x, uint64_t seed, Type **bad);

typedef enum KeyClass { KEY_WORD, KEY_FLOAT, KEY_STRING, KEY_IFACE, KEY_BOXED } KeyClass;
KeyClass key_class(Type *key);
GolMap *rt_map_new(Type *map_type, int64_t hint);
/* A named error type whose values are a block {msg string} and whose
 * Error method returns msg: runtime.Error, *errors.errorString. With
 * ptr_recv the method is declared on *T (values are boxed as *T). */
Type *rt_error_type(const char *pkg, const char *name, bool ptr_recv);
/* A value of such a type: the block holding msg. */
Value rt_error_value(GolString *msg);
/* Set by the VM: tells the race detector that the running goroutine reads
 * (or writes) the word at p, as library code in Go would be seen doing
 * (an error's message read by its Error method). */
extern void (*rt_race_word)(struct VM *vm, void *p, bool write);

/* RT_LAZY(slot, expr): slot, made from expr the first time it is needed.
 * Goroutines run on several threads: the first caller makes it under one
 * (recursive) lock, every later one reads it with one acquire load. */
void rt_lazy_lock(void);
void rt_lazy_unlock(void);
#define RT_LAZY(slot, expr)                                                       \
	({                                                                        \
		__typeof__(slot) lazy_v_ = __atomic_load_n(&(slot), __ATOMIC_ACQUIRE); \
		if (!lazy_v_) {                                                   \
			rt_lazy_lock();                                           \
			lazy_v_ = (slot);                                         \
			if (!lazy_v_) {                                           \
				lazy_v_ = (expr);                                 \
				__atomic_store_n(&(slot), lazy_v_, __ATOMIC_RELEASE); \
			}                                                         \
			rt_lazy_unlock();                                         \
		}                                                                 \
		lazy_v_;                                                          \
	})

/* Set by key hashing/equality when a dynamic key type is unhashable. */
/* initial-exec: gol is an executable, and the model avoids a call per access */
extern __thread Type *rt_key_error __attribute__((tls_model("initial-exec")));

#endif
