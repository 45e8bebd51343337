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

int value_equal(Type *t, Value a, Value b, Type **bad);
uint64_t value_hash(Type *t, Value v, uint64_t seed, Type **bad);

typedef enum KeyClass { KEY_WORD, KEY_FLOAT, KEY_STRING, KEY_IFACE, KEY_BOXED } KeyClass;
KeyClass key_class(Type *key);
GolMap *rt_map_new(Type *map_type, int64_t hint);
/* A named error type whose values are a block {msg string} and whose
 * Error method returns msg: runtime.Error, *errors.errorString. With
 * ptr_recv the method is declared on *T (values are boxed as *T). */
Type *rt_error_type(const char *pkg, const char *name, bool ptr_recv);
/* A value of such a type: the block holding msg. */
Value rt_error_value(GolString *msg);

/* Set by key hashing/equality when a dynamic key type is unhashable. */
extern __thread Type *rt_key_error;

#endif
