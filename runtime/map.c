/*
 * map.c — Go's map: an open-addressing hash table with groups of eight slots.
 *
 * Layout. A table is an array of G groups, G a power of two. A group is one
 * 64-bit control word followed by eight slots; a slot is the key's bytes
 * followed by the value's bytes (slotsize = keysize + valsize, a multiple of
 * 8, so every key and value is 8-byte aligned). Byte i of the control word
 * (bits 8i..8i+7, read with shifts, never by address, so byte order does not
 * matter) describes slot i:
 *
 *     0b0hhhhhhh  full; hhhhhhh are the low 7 bits of the key's hash ("h2")
 *     0b10000000  empty: never used since the table was made or cleared
 *     0b11111110  deleted: a tombstone
 *
 * With these codes one 64-bit operation answers "which slots may hold this
 * h2", "which are empty", "which are free" for a whole group (SWAR), so a
 * lookup calls the key's eq callback almost only on the real match.
 *
 * Probing. A key's hash h picks its home group (h >> 7) & (G-1); the probe
 * sequence then visits home, home+1, home+3, home+6, ... (triangular steps),
 * which for a power-of-two G visits every group exactly once. A lookup
 * checks each group's h2 matches with eq and stops at the first group that
 * has an empty slot: the key would have been placed there or earlier.
 *
 * Invariants.
 *  1. Every table has at least one empty slot (full + deleted <= 7/8 of the
 *     slots, counted by growth_left), so every probe ends.
 *  2. A group that has been full since the table was built or cleared never
 *     has an empty slot again: a delete there leaves a tombstone. Only such
 *     groups are ever probed past (a key goes to the first free slot on its
 *     sequence), so a delete in a group that still has an empty slot may
 *     mark the slot empty rather than deleted: no key lies beyond it.
 *  3. Slots that are not full hold only zero bytes. Inserting thus never has
 *     to zero the value, and the collector never sees stale pointers.
 *  4. Entries never move within a table. Growing (doubling) and cleaning out
 *     tombstones (a same-size rehash) build a new table and leave the old one
 *     untouched; map_clear empties the table in place and counts the clear.
 *
 * Iteration relies on 4. An iterator walks the table it started on, from a
 * random group and a random slot offset within each group. While that table
 * is still the map's, deletes only turn slots non-full (so deleted entries
 * are skipped) and inserts only fill non-full slots (new entries may or may
 * not be reached); nothing existing moves, so each entry is produced once.
 * When the map has moved to a new table, the iterator keeps walking the old
 * one, now frozen (its only reference may be the iterator's), and for each
 * key there looks the key up in the map's current table: absent means it was
 * deleted, present gives the current value. A key that is not equal to
 * itself (NaN) cannot be looked up, and cannot be deleted except by clear,
 * so it is produced from the old table as is. A clear ends the iteration
 * (everything present at the start is gone; new entries need not be seen).
 *
 * Growth. Inserting into an empty slot needs growth_left > 0; otherwise the
 * table is rebuilt first: twice as large when more than half of the allowed
 * load is live entries, else at the same size to drop the tombstones. Maps
 * never shrink (nor do Go's).
 *
 * Randomness. Each map has its own hash seed, and each iteration a random
 * start, both drawn from a per-thread generator seeded from one global,
 * thread-safe source (the OS's entropy mixed with an atomic counter). So
 * iteration order differs between runs, between maps with the same
 * contents, and between two ranges over one map.
 */
#include "map.h"

#include "bytes.h"

#include <gc.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define CTRL_EMPTY 0x80u
#define CTRL_DELETED 0xFEu
#define LSB 0x0101010101010101ull
#define MSB 0x8080808080808080ull
#define EMPTY_WORD (LSB * CTRL_EMPTY)

#define GROUP_SLOTS 8
/* Tables at least this large are allocated with the collector's
 * "ignore off-page pointers" variant: the map and iterators always hold the
 * table's base address, and it spares the collector large-block warnings. */
#define BIG_TABLE (64 * 1024)
/* Hints past this many entries are honoured only this far. */
#define MAX_HINT (1ll << 26)

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define INLINE static inline __attribute__((always_inline))

struct GolMap {
	uint8_t *groups;     /* the table, or NULL before the first insert */
	uint64_t mask;       /* number of groups - 1 (when groups != NULL) */
	int64_t count;       /* live entries */
	int64_t growth_left; /* empty slots that may still be filled before a rebuild */
	uint32_t keysize, valsize;
	size_t slotsize, groupsize;
	MapHashFn hash;
	MapEqFn eq;
	uint64_t seed;
	uint32_t clears; /* number of map_clear calls, for iterators */
	uint8_t kind;    /* KIND_*: which key hash and equality are inlined */
	bool noscan;     /* table holds no pointers */
	uint8_t writing; /* a write is under way (atomic): see map_conflict */
};

/*
 * Goroutines on several threads may use one map at once without
 * synchronising: a bug in the program, which Go detects on a best-effort
 * basis and ends with "fatal error: concurrent map writes". A writer marks
 * the map for the length of its write; a writer or reader that finds the
 * mark, or a writer whose mark was cleared under it, reports the conflict
 * through map_conflict_hook (the VM's fatal error) before the table can be
 * corrupted further.
 */
void (*map_conflict_hook)(const char *msg);

static void __attribute__((noinline, cold)) map_conflict(const char *msg)
{
	if (map_conflict_hook)
		map_conflict_hook(msg);
	fprintf(stderr, "fatal error: %s\n", msg);
	abort();
}

static inline void write_begin(GolMap *m)
{
	if (UNLIKELY(__atomic_load_n(&m->writing, __ATOMIC_RELAXED)))
		map_conflict("concurrent map writes");
	__atomic_store_n(&m->writing, 1, __ATOMIC_RELAXED);
}

static inline void write_end(GolMap *m)
{
	if (UNLIKELY(!__atomic_load_n(&m->writing, __ATOMIC_RELAXED)))
		map_conflict("concurrent map writes");
	__atomic_store_n(&m->writing, 0, __ATOMIC_RELAXED);
}

static inline void read_check(GolMap *m, const char *msg)
{
	if (UNLIKELY(__atomic_load_n(&m->writing, __ATOMIC_RELAXED)))
		map_conflict(msg);
}

/* ---- random numbers ---------------------------------------------------- */

static _Atomic uint64_t rand_key; /* OS entropy, 0 until first use */
static _Atomic uint64_t rand_ctr; /* advanced by one draw per thread seeding */
static _Thread_local uint64_t tl_rand __attribute__((tls_model("initial-exec"))); /* per-thread generator state, 0 until seeded */

#define GOLDEN 0x9e3779b97f4a7c15ull

/* splitmix64's finaliser: a bijective 64-bit mixer. */
static inline uint64_t mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t os_entropy(void)
{
	uint64_t v = 0;
	if (getrandom(&v, sizeof v, GRND_NONBLOCK) == (ssize_t)sizeof v && v)
		return v;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return mix64((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 48) ^
		     (uint64_t)(uintptr_t)&v) | 1;
}

/* A fresh random word from the shared, thread-safe source. */
static uint64_t global_rand(void)
{
	uint64_t key = atomic_load_explicit(&rand_key, memory_order_relaxed);
	if (UNLIKELY(!key)) {
		uint64_t zero = 0, e = os_entropy();
		atomic_compare_exchange_strong(&rand_key, &zero, e);
		key = atomic_load(&rand_key);
	}
	return mix64(key + atomic_fetch_add_explicit(&rand_ctr, GOLDEN, memory_order_relaxed));
}

/* A random word from this thread's generator (splitmix64). */
static inline uint64_t fast_rand(void)
{
	if (UNLIKELY(!tl_rand))
		tl_rand = global_rand() | 1;
	tl_rand += GOLDEN;
	return mix64(tl_rand);
}

uint64_t rt_fastrand(void)
{
	return fast_rand();
}

/* ---- hashing ------------------------------------------------------------- */

#define K0 0xa5b35705f1e2c6a1ull
#define K1 0xbf58476d1ce4e5b9ull
#define K2 0x94d049bb133111ebull
#define K3 0xd6e8feb86659fd93ull

/* The 128-bit product of a and b, its halves xor-ed: every output bit
 * depends on every input bit of both. */
static inline uint64_t fold_mul(uint64_t a, uint64_t b)
{
	unsigned __int128 r = (unsigned __int128)a * b;
	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t rd64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t rd32(const void *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

static inline void wr64(void *p, uint64_t v)
{
	memcpy(p, &v, 8);
}

INLINE uint64_t hash_word(uint64_t v, uint64_t seed)
{
	return fold_mul(fold_mul(v ^ K0, seed ^ K1) ^ K2, K3);
}

uint64_t map_hash_u64(uint64_t v, uint64_t seed)
{
	return hash_word(v, seed);
}

INLINE uint64_t hash_bytes(const void *p, size_t n, uint64_t seed)
{
	const uint8_t *s = p;
	uint64_t h = (seed ^ K0) + (uint64_t)n * K3;
	uint64_t a, b;
	if (n <= 16) {
		if (n >= 8) {
			a = rd64(s);
			b = rd64(s + n - 8);
		} else if (n >= 4) {
			a = rd32(s);
			b = rd32(s + n - 4);
		} else if (n) {
			a = (uint64_t)s[0] | (uint64_t)s[n >> 1] << 8 | (uint64_t)s[n - 1] << 16;
			b = 0;
		} else {
			a = b = 0;
		}
	} else {
		size_t i = n;
		while (i > 16) {
			h = fold_mul(rd64(s) ^ K1, rd64(s + 8) ^ h);
			s += 16;
			i -= 16;
		}
		/* the last 16 bytes, overlapping what was already mixed */
		a = rd64(s + i - 16);
		b = rd64(s + i - 8);
	}
	return fold_mul(fold_mul(a ^ K1, b ^ h) ^ K2, K3);
}

uint64_t map_hash_bytes(const void *p, size_t n, uint64_t seed)
{
	return hash_bytes(p, n, seed);
}

uint64_t map_hash_f64(double v, uint64_t seed)
{
	if (v != v)
		return fast_rand(); /* NaN: never found again, so anywhere will do */
	if (v == 0)
		v = 0; /* -0 becomes +0 */
	uint64_t bits;
	memcpy(&bits, &v, 8);
	return hash_word(bits, seed);
}

uint64_t map_hash_combine(uint64_t h, uint64_t field)
{
	return fold_mul(h ^ K2, field ^ K1);
}

uint64_t map_hash_word(const void *key, uint64_t seed)
{
	return hash_word(rd64(key), seed);
}

bool map_eq_word(const void *a, const void *b)
{
	return rd64(a) == rd64(b);
}

uint64_t map_hash_float(const void *key, uint64_t seed)
{
	double d;
	memcpy(&d, key, 8);
	return map_hash_f64(d, seed);
}

bool map_eq_float(const void *a, const void *b)
{
	double x, y;
	memcpy(&x, a, 8);
	memcpy(&y, b, 8);
	return x == y;
}

/* ---- control words --------------------------------------------------------- */

/* Slots whose control byte may equal h2 (rarely, a full slot next to a real
 * match shows up too; eq sorts that out). Never reports empty or deleted. */
static inline uint64_t match_h2(uint64_t ctrl, uint64_t h2)
{
	uint64_t v = ctrl ^ (LSB * h2);
	return (v - LSB) & ~v & MSB;
}

/* Empty slots: bit 7 set and bit 1 clear. */
static inline uint64_t match_empty(uint64_t ctrl)
{
	return ctrl & ~(ctrl << 6) & MSB;
}

/* Empty or deleted slots. */
static inline uint64_t match_free(uint64_t ctrl)
{
	return ctrl & MSB;
}

static inline uint64_t match_full(uint64_t ctrl)
{
	return ~ctrl & MSB;
}

/* Index of the lowest slot in a match. */
static inline unsigned first_slot(uint64_t bits)
{
	return (unsigned)__builtin_ctzll(bits) >> 3;
}

static inline unsigned ctrl_byte(uint64_t ctrl, unsigned i)
{
	return (unsigned)(ctrl >> (8 * i)) & 0xFF;
}

static inline void set_ctrl(uint8_t *group, unsigned i, unsigned b)
{
	uint64_t c = rd64(group);
	c = (c & ~(0xFFull << (8 * i))) | ((uint64_t)b << (8 * i));
	wr64(group, c);
}

static inline uint8_t *slot_at(const GolMap *m, uint8_t *group, unsigned i)
{
	return group + 8 + (size_t)i * m->slotsize;
}

/* Most entries a table of cap slots may hold (full + deleted). */
static inline int64_t max_load(uint64_t cap)
{
	return (int64_t)(cap - cap / 8);
}

/* ---- tables ---------------------------------------------------------------- */

static void out_of_memory(void)
{
	fflush(stdout);
	fputs("fatal error: runtime: out of memory\n", stderr);
	exit(2);
}

/* A table of ng groups, all slots empty and zero. */
static uint8_t *table_alloc(const GolMap *m, uint64_t ng)
{
	if (ng > (SIZE_MAX / 2) / m->groupsize)
		out_of_memory();
	size_t bytes = (size_t)ng * m->groupsize;
	uint8_t *t;
	if (m->noscan) {
		t = bytes >= BIG_TABLE ? GC_MALLOC_ATOMIC_IGNORE_OFF_PAGE(bytes) : GC_MALLOC_ATOMIC(bytes);
		if (t)
			memset(t, 0, bytes);
	} else {
		t = bytes >= BIG_TABLE ? GC_MALLOC_IGNORE_OFF_PAGE(bytes) : GC_MALLOC(bytes);
	}
	if (!t)
		out_of_memory();
	for (uint64_t g = 0; g < ng; g++)
		wr64(t + g * m->groupsize, EMPTY_WORD);
	return t;
}

/* Key kinds whose hash and equality the table code inlines; any other key
 * goes through the map's hash and eq functions. Each operation is
 * instantiated once per kind (the kind argument is a constant), so the
 * common keys pay no indirect call per probe. */
enum { KIND_GENERIC, KIND_WORD, KIND_STR };

/* Evaluates CALL(kind) with kind a constant matching m's, so each inline
 * operation is compiled once per key kind. */
#define BY_KIND(m, CALL)                                                   \
	((m)->kind == KIND_WORD ? CALL(KIND_WORD)                          \
	 : (m)->kind == KIND_STR ? CALL(KIND_STR) : CALL(KIND_GENERIC))

INLINE uint64_t key_hash(const GolMap *m, const void *key, int kind)
{
	if (kind == KIND_WORD)
		return hash_word(rd64(key), m->seed);
	if (kind == KIND_STR) {
		const MapStr *k = *(const MapStr *const *)key;
		return k ? hash_bytes(k->p, (size_t)k->len, m->seed) : hash_bytes("", 0, m->seed);
	}
	return m->hash(key, m->seed);
}

/* Whether the probe key (whose first word is kw) equals the key in slot s. */
INLINE bool key_eq(const GolMap *m, const void *key, uint64_t kw, const uint8_t *s, int kind)
{
	if (kind == KIND_WORD)
		return rd64(s) == kw;
	if (kind == KIND_STR) {
		const MapStr *a = (const MapStr *)(uintptr_t)kw, *b = (const MapStr *)(uintptr_t)rd64(s);
		if (a == b)
			return true;
		int64_t la = a ? a->len : 0, lb = b ? b->len : 0;
		return la == lb && bytes_eq(a ? a->p : NULL, b ? b->p : NULL, (size_t)la);
	}
	return m->eq(key, s);
}

/* Set by map_key_bad during a hash callback (only generic keys can be
 * unhashable). */
static _Thread_local bool tl_key_bad __attribute__((tls_model("initial-exec")));

void map_key_bad(void)
{
	tl_key_bad = true;
}

/* The key's hash could not be computed: true once, for the operation
 * that asked. */
INLINE bool key_was_bad(int kind)
{
	if (kind != KIND_GENERIC || LIKELY(!tl_key_bad))
		return false;
	tl_key_bad = false;
	return true;
}

/* Where a lookup found its key. */
typedef struct Found {
	uint8_t *group; /* NULL when absent */
	unsigned i;
} Found;

/* Find key (hash h) in m's table, which must exist. */
INLINE Found find(const GolMap *m, const void *key, uint64_t h, int kind)
{
	uint8_t *groups = m->groups;
	uint64_t mask = m->mask, h2 = h & 0x7f, g = (h >> 7) & mask;
	size_t gs = m->groupsize;
	uint64_t kw = kind != KIND_GENERIC ? rd64(key) : 0;
	for (uint64_t step = 1;; step++) {
		uint8_t *gp = groups + g * gs;
		uint64_t ctrl = rd64(gp);
		for (uint64_t b = match_h2(ctrl, h2); b; b &= b - 1) {
			unsigned i = first_slot(b);
			uint8_t *s = slot_at(m, gp, i);
			if (key_eq(m, key, kw, s, kind))
				return (Found){gp, i};
		}
		if (LIKELY(match_empty(ctrl)))
			return (Found){NULL, 0};
		g = (g + step) & mask;
	}
}

/* The first free slot on the probe sequence of hash h in a table that has no
 * tombstones (a fresh one); marks it full with h's h2. */
INLINE uint8_t *place_fresh(const GolMap *m, uint8_t *groups, uint64_t mask, uint64_t h)
{
	uint64_t g = (h >> 7) & mask;
	for (uint64_t step = 1;; step++) {
		uint8_t *gp = groups + g * m->groupsize;
		uint64_t fr = match_free(rd64(gp));
		if (fr) {
			unsigned i = first_slot(fr);
			set_ctrl(gp, i, (unsigned)(h & 0x7f));
			return slot_at(m, gp, i);
		}
		g = (g + step) & mask;
	}
}

INLINE void rehash_impl(GolMap *m, uint64_t ng, int kind)
{
	uint8_t *old = m->groups, *t = table_alloc(m, ng);
	uint64_t oldng = old ? m->mask + 1 : 0, mask = ng - 1;
	for (uint64_t g = 0; g < oldng; g++) {
		uint8_t *gp = old + g * m->groupsize;
		for (uint64_t b = match_full(rd64(gp)); b; b &= b - 1) {
			uint8_t *s = slot_at(m, gp, first_slot(b));
			uint8_t *d = place_fresh(m, t, mask, key_hash(m, s, kind));
			memcpy(d, s, m->slotsize);
		}
	}
	m->groups = t; /* the old table is left as it was, for iterators */
	m->mask = mask;
	m->growth_left = max_load(ng * GROUP_SLOTS) - m->count;
}

/* Rebuild m's table so that an empty slot may be filled: larger when live
 * entries fill more than half the allowed load, else the same size. */
static void grow(GolMap *m)
{
	uint64_t ng = 1;
	if (m->groups) {
		ng = m->mask + 1;
		if (m->count + 1 > max_load(ng * GROUP_SLOTS) / 2)
			ng *= 2;
	}
#define REHASH(kind) rehash_impl(m, ng, kind)
	BY_KIND(m, REHASH);
#undef REHASH
}

/* ---- the map operations ---------------------------------------------------- */

GolMap *map_new_flags(uint32_t keysize, uint32_t valsize, MapHashFn hash, MapEqFn eq, int64_t hint,
		      unsigned flags)
{
	GolMap *m = GC_MALLOC(sizeof *m);
	if (!m)
		out_of_memory();
	/* keep 8-byte alignment even if a caller passes an odd size */
	keysize = (keysize + 7) & ~7u;
	valsize = (valsize + 7) & ~7u;
	m->keysize = keysize;
	m->valsize = valsize;
	m->slotsize = (size_t)keysize + valsize;
	m->groupsize = 8 + GROUP_SLOTS * m->slotsize;
	m->hash = hash;
	m->eq = eq;
	m->seed = fast_rand();
	if (keysize == 8 && hash == map_hash_word && eq == map_eq_word)
		m->kind = KIND_WORD;
	else if (keysize == 8 && (flags & MAP_STRKEY))
		m->kind = KIND_STR;
	else
		m->kind = KIND_GENERIC;
	m->noscan = (flags & MAP_NOSCAN) != 0;
	if (hint > 0) {
		if (hint > MAX_HINT)
			hint = MAX_HINT;
		uint64_t ng = 1;
		while (max_load(ng * GROUP_SLOTS) < hint)
			ng *= 2;
		m->groups = table_alloc(m, ng);
		m->mask = ng - 1;
		m->growth_left = max_load(ng * GROUP_SLOTS);
	}
	return m;
}

GolMap *map_new(uint32_t keysize, uint32_t valsize, MapHashFn hash, MapEqFn eq, int64_t hint)
{
	return map_new_flags(keysize, valsize, hash, eq, hint, 0);
}

int64_t map_len(const GolMap *m)
{
	return m ? m->count : 0;
}

INLINE void *get_impl(GolMap *m, const void *key, int kind)
{
	uint64_t h = key_hash(m, key, kind);
	if (key_was_bad(kind))
		return NULL;
	Found f = find(m, key, h, kind);
	return f.group ? slot_at(m, f.group, f.i) + m->keysize : NULL;
}

/* An empty map still hashes a key that may be unhashable: Go's lookup
 * panics on it all the same. */
static void check_key(GolMap *m, const void *key)
{
	if (m && m->kind == KIND_GENERIC) {
		(void)m->hash(key, m->seed);
		(void)key_was_bad(KIND_GENERIC);
	}
}

void *map_get(GolMap *m, const void *key)
{
	if (!m || m->count == 0) {
		check_key(m, key);
		return NULL;
	}
	read_check(m, "concurrent map read and map write");
#define OP(kind) get_impl(m, key, kind)
	return BY_KIND(m, OP);
#undef OP
}

INLINE void *set_impl(GolMap *m, const void *key, int kind)
{
	uint64_t h = key_hash(m, key, kind), h2 = h & 0x7f;
	if (key_was_bad(kind))
		return NULL;
	if (UNLIKELY(!m->groups))
		grow(m);
	uint64_t mask = m->mask, g = (h >> 7) & mask;
	uint64_t kw = kind != KIND_GENERIC ? rd64(key) : 0;
	size_t gs = m->groupsize;
	uint8_t *free_group = NULL;
	unsigned free_i = 0;
	for (uint64_t step = 1;; step++) {
		uint8_t *gp = m->groups + g * gs;
		uint64_t ctrl = rd64(gp);
		for (uint64_t b = match_h2(ctrl, h2); b; b &= b - 1) {
			uint8_t *s = slot_at(m, gp, first_slot(b));
			if (key_eq(m, key, kw, s, kind)) {
				/* the stored key becomes the new one, as in Go:
				 * equal keys may differ (+0 and -0) */
				if (kind != KIND_WORD)
					memcpy(s, key, m->keysize);
				return s + m->keysize;
			}
		}
		if (!free_group) {
			uint64_t fr = match_free(ctrl);
			if (fr) {
				free_group = gp;
				free_i = first_slot(fr);
			}
		}
		if (LIKELY(match_empty(ctrl)))
			break;
		g = (g + step) & mask;
	}
	/* absent: take the first free slot on the way (this group had an empty
	 * one, so there is one), unless filling an empty slot needs a rebuild */
	uint8_t *s;
	if (ctrl_byte(rd64(free_group), free_i) == CTRL_DELETED) {
		set_ctrl(free_group, free_i, (unsigned)h2);
		s = slot_at(m, free_group, free_i);
	} else if (LIKELY(m->growth_left > 0)) {
		set_ctrl(free_group, free_i, (unsigned)h2);
		s = slot_at(m, free_group, free_i);
		m->growth_left--;
	} else {
		grow(m); /* the new table has no tombstones and room to spare */
		s = place_fresh(m, m->groups, m->mask, h);
		m->growth_left--;
	}
	memcpy(s, key, m->keysize);
	m->count++;
	return s + m->keysize;
}

void *map_set(GolMap *m, const void *key)
{
	write_begin(m);
#define OP(kind) set_impl(m, key, kind)
	void *v = BY_KIND(m, OP);
#undef OP
	write_end(m);
	return v;
}

INLINE bool delete_impl(GolMap *m, const void *key, int kind)
{
	uint64_t h = key_hash(m, key, kind);
	if (key_was_bad(kind))
		return false;
	Found f = find(m, key, h, kind);
	if (!f.group)
		return false;
	if (match_empty(rd64(f.group))) {
		set_ctrl(f.group, f.i, CTRL_EMPTY); /* invariant 2: no probe went past this group */
		m->growth_left++;
	} else {
		set_ctrl(f.group, f.i, CTRL_DELETED);
	}
	memset(slot_at(m, f.group, f.i), 0, m->slotsize);
	m->count--;
	return true;
}

bool map_delete(GolMap *m, const void *key)
{
	if (!m || m->count == 0) {
		check_key(m, key);
		return false;
	}
	write_begin(m);
#define OP(kind) delete_impl(m, key, kind)
	bool r = BY_KIND(m, OP);
#undef OP
	write_end(m);
	return r;
}

void map_clear(GolMap *m)
{
	if (!m)
		return;
	write_begin(m);
	m->clears++;
	if (m->groups) {
		uint64_t ng = m->mask + 1;
		memset(m->groups, 0, (size_t)ng * m->groupsize);
		for (uint64_t g = 0; g < ng; g++)
			wr64(m->groups + g * m->groupsize, EMPTY_WORD);
		m->count = 0;
		m->growth_left = max_load(ng * GROUP_SLOTS);
	}
	write_end(m);
}

/* ---- iteration ------------------------------------------------------------- */

void map_iter_init(MapIter *it, GolMap *m)
{
	memset(it, 0, sizeof *it);
	it->m = m;
	if (!m || !m->groups || m->count == 0)
		return; /* groups stays NULL: nothing to produce */
	uint64_t r = fast_rand();
	it->groups = m->groups;
	it->mask = m->mask;
	it->gstart = (r >> 3) & m->mask;
	it->offset = (uint32_t)(r & 7);
	it->clears = m->clears;
}

bool map_iter_next(MapIter *it, void **key, void **val)
{
	GolMap *m = it->m;
	if (!it->groups)
		return false;
	read_check(m, "concurrent map iteration and map write");
	if (m->clears != it->clears) {
		it->groups = NULL;
		return false;
	}
	for (; it->gdone <= it->mask; it->gdone++, it->k = 0) {
		uint8_t *gp = it->groups + ((it->gstart + it->gdone) & it->mask) * m->groupsize;
		uint64_t ctrl = rd64(gp);
		if (!match_full(ctrl))
			continue;
		while (it->k < GROUP_SLOTS) {
			unsigned i = (it->offset + it->k) & 7;
			it->k++;
			if (ctrl_byte(ctrl, i) & 0x80)
				continue;
			uint8_t *s = slot_at(m, gp, i);
			if (it->groups != m->groups && (m->kind != KIND_GENERIC || m->eq(s, s))) {
				/* the map moved to a new table: the entry counts only if
				 * its key is still there, and its value is the new one */
				if (m->count == 0)
					continue;
#define FIND(kind) find(m, s, key_hash(m, s, kind), kind)
				Found f = BY_KIND(m, FIND);
#undef FIND
				if (!f.group)
					continue;
				s = slot_at(m, f.group, f.i);
			}
			if (key)
				*key = s;
			if (val)
				*val = s + m->keysize;
			return true;
		}
	}
	it->groups = NULL;
	return false;
}
