/*
 * map.h — Go's map type for the VM, generic over the layout of keys and values.
 *
 * Owns: hash tables from fixed-size keys to fixed-size values with Go's
 * semantics (nil map reads, zero value on insert, delete of an absent key is
 * a no-op, NaN keys never equal, iteration in an unspecified order that
 * changes from map to map and from range to range, and that stays correct
 * while the map is modified), plus the hash/equality helpers the compiler
 * picks from for each key type.
 *
 * The map never knows Go types. A key is keysize bytes and a value valsize
 * bytes, each a multiple of 8 (the VM's 64-bit slots; 0 is allowed, e.g. for
 * map[K]struct{}). The map copies key bytes in and hands out pointers to its
 * own copies; it does not look inside them except through the two callbacks
 * given at creation. So a string key is stored as whatever the VM's slots
 * hold for a string (for example a pointer to an immutable string header),
 * and the string key's hash and eq callbacks dereference it. Keys that are
 * equal by eq must hash equal (for the seed given) by hash.
 *
 * Pointers returned by map_get, map_set and map_iter_next point into the
 * map's table: they are valid until the next map_set, map_delete or
 * map_clear on that map, and only while the map itself is reachable (the
 * collector keeps a table alive through the map, not through such interior
 * pointers). Go forbids taking the address of a map element, so the VM never
 * needs them longer than one operation.
 *
 * Memory is Boehm GC; nothing is ever freed by hand. No locking: like Go's
 * maps, a map must not be used by two goroutines at once without
 * synchronisation. The only global mutable state is the random source used
 * for seeds, which is thread-safe.
 */
#ifndef GOL_MAP_H
#define GOL_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Hash of the key at key (keysize bytes) with the map's seed. */
typedef uint64_t (*MapHashFn)(const void *key, uint64_t seed);
/* Equality of the keys at a and b (Go's ==; may be irreflexive, as for NaN). */
typedef bool (*MapEqFn)(const void *a, const void *b);

typedef struct GolMap GolMap;

/* Flags for map_new_flags. When neither keys nor values can hold pointers
 * (ints, floats, bools), the table is allocated pointer-free so the collector
 * never scans it. */
enum {
	MAP_NOSCAN = 1, /* key and value bytes never hold GC pointers */
	/* Each 8-byte key is a pointer to a MapStr (NULL for the empty string),
	 * compared and hashed by its bytes: the table then inlines both, and
	 * hash must be map_hash_bytes over those bytes (iterators may use it). */
	MAP_STRKEY = 2,
};

/* The layout a MAP_STRKEY key points to. */
typedef struct MapStr {
	int64_t len;
	const char *p;
} MapStr;

/* A new empty map. hint is Go's make(map[K]V, hint): a size to reserve room
 * for (negative counts as 0; very large hints are only partly honoured). The
 * table itself is allocated on the first insert when hint is 0. */
GolMap *map_new(uint32_t keysize, uint32_t valsize, MapHashFn hash, MapEqFn eq, int64_t hint);
GolMap *map_new_flags(uint32_t keysize, uint32_t valsize, MapHashFn hash, MapEqFn eq, int64_t hint,
		      unsigned flags);

/* Number of entries; a nil map (NULL) has length 0. */
int64_t map_len(const GolMap *m);

/* Called when goroutines are seen using a map at once without
 * synchronising, with Go's message ("concurrent map writes"); must not
 * return (the VM's fatal error). */
extern void (*map_conflict_hook)(const char *msg);

/* Called by a hash callback whose key cannot be hashed (an interface
 * value holding a slice): the operation under way stops without touching
 * the table (map_get and map_set return NULL, map_delete false), so the
 * caller can panic with the map as it was. */
void map_key_bad(void);

/* Pointer to the value stored under key, or NULL when absent. m may be NULL. */
void *map_get(GolMap *m, const void *key);

/* Pointer to the value slot of key, inserting key with a zeroed value when
 * absent; when present, the stored key becomes key (equal keys may still
 * differ, as +0 and -0 do, and Go keeps the last one written). m must not
 * be NULL (writing a nil map is the VM's panic). */
void *map_set(GolMap *m, const void *key);

/* Remove key; true when it was present. m may be NULL. */
bool map_delete(GolMap *m, const void *key);

/* Remove every entry (Go's clear(m)); the table keeps its size. m may be NULL. */
void map_clear(GolMap *m);

/*
 * Iteration, as Go's for-range over a map: each iteration starts at a random
 * point; entries added during iteration may or may not be produced; entries
 * deleted before being reached are not produced; every entry present at the
 * start and not deleted is produced exactly once, even when the map grows
 * during iteration. A MapIter must live where the collector sees it (stack,
 * VM frame or GC heap): it may hold the only reference to an old table.
 */
typedef struct MapIter {
	GolMap *m;
	uint8_t *groups;  /* the table being walked (the map's, or an old one after growth) */
	uint64_t mask;    /* its number of groups - 1 */
	uint64_t gstart;  /* first group visited */
	uint64_t gdone;   /* groups fully visited */
	uint32_t offset;  /* first slot visited within each group */
	uint32_t k;       /* slots visited in the current group */
	uint32_t clears;  /* m's clear count at the start */
} MapIter;

void map_iter_init(MapIter *it, GolMap *m);

/* The next entry: true with *key and *val pointing at it, or false at the
 * end. Either of key and val may be NULL when not wanted. */
bool map_iter_next(MapIter *it, void **key, void **val);

/* ---- hashing and equality helpers the compiler picks from ------------------ */

/* Hash of n arbitrary bytes (for strings: the bytes, not the header). */
uint64_t map_hash_bytes(const void *p, size_t n, uint64_t seed);
/* Hash of one 64-bit word. */
uint64_t map_hash_u64(uint64_t v, uint64_t seed);
/* Hash of a float64: +0 and -0 hash alike; a NaN hashes to a fresh random
 * value each time (NaN keys are never equal, so each insert adds an entry). */
uint64_t map_hash_f64(double v, uint64_t seed);
/* Combine a field's hash into a running hash, for struct and array keys:
 * h = map_hash_combine(h, field_hash). */
uint64_t map_hash_combine(uint64_t h, uint64_t field);

/* Ready-made callbacks. */
/* 8-byte keys compared bitwise: int and uint types, bool, rune, byte,
 * pointers, channels. The map recognises this pair and inlines them. */
uint64_t map_hash_word(const void *key, uint64_t seed);
bool map_eq_word(const void *a, const void *b);
/* 8-byte float64 keys with Go's ==. */
uint64_t map_hash_float(const void *key, uint64_t seed);
bool map_eq_float(const void *a, const void *b);

/* A random word from the calling thread's generator, seeded from OS
 * entropy: map seeds and iteration starts, and select's choice among ready
 * cases, differ from run to run as Go's do. */
uint64_t rt_fastrand(void);

#endif
