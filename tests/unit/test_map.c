/*
 * test_map.c — unit tests for Go's map (runtime/map.c): insert, get,
 * overwrite and delete; growth through many sizes; iteration (every entry
 * once, order randomised, deletes and inserts during iteration); float keys
 * (NaN, +0/-0); multi-word and string keys through callbacks; random
 * operations checked against a plain array; nil-map reads.
 */
#include "test_util.h"

#include <math.h>

#include "../../runtime/map.h"
#include "../../runtime/bytes.h"

#define MTEST(name) Test(map, name, .init = gc_setup)

/* ---- helpers --------------------------------------------------------------- */

/* map[int]int using the inlined word callbacks. */
static GolMap *int_map(int64_t hint)
{
	return map_new(8, 8, map_hash_word, map_eq_word, hint);
}

/* The same key type through ordinary (non-inlined) callbacks. */
static uint64_t hash_i64_bytes(const void *k, uint64_t seed)
{
	return map_hash_bytes(k, 8, seed);
}

static bool eq_i64_bytes(const void *a, const void *b)
{
	return memcmp(a, b, 8) == 0;
}

static GolMap *int_map_generic(int64_t hint)
{
	return map_new(8, 8, hash_i64_bytes, eq_i64_bytes, hint);
}

static void put(GolMap *m, int64_t k, int64_t v)
{
	int64_t *p = map_set(m, &k);
	cr_assert_not_null(p);
	*p = v;
}

/* Whether k is present, and its value in *v. */
static bool get(GolMap *m, int64_t k, int64_t *v)
{
	int64_t *p = map_get(m, &k);
	if (p && v)
		*v = *p;
	return p != NULL;
}

static bool del(GolMap *m, int64_t k)
{
	return map_delete(m, &k);
}

/* A small deterministic generator for the tests' own choices. */
static uint64_t xs_state;

static uint64_t xs(void)
{
	uint64_t x = xs_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return xs_state = x;
}

/* Iterate m, recording each key (0 <= key < n) in seen[] and checking the
 * value; returns the number of entries produced. */
static int64_t iterate_ints(GolMap *m, int64_t n, int *seen)
{
	MapIter it;
	void *k, *v;
	int64_t cnt = 0;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, &v)) {
		int64_t key = *(int64_t *)k, val = *(int64_t *)v;
		cr_assert(key >= 0 && key < n, "key %ld out of range", (long)key);
		cr_assert_eq(val, key * 3 + 1, "key %ld has value %ld", (long)key, (long)val);
		seen[key]++;
		cnt++;
	}
	return cnt;
}

/* ---- basic operations ------------------------------------------------------ */

MTEST(insert_get_overwrite_delete)
{
	GolMap *m = int_map(0);
	cr_assert_eq(map_len(m), 0);
	cr_assert_null(map_get(m, &(int64_t){1}));
	cr_assert(!del(m, 1));

	for (int64_t i = 0; i < 100; i++) {
		int64_t *p = map_set(m, &i);
		cr_assert_eq(*p, 0, "new entry %ld not zeroed", (long)i);
		*p = i * 10;
		cr_assert_eq(map_len(m), i + 1);
	}
	for (int64_t i = 0; i < 100; i++) {
		int64_t v;
		cr_assert(get(m, i, &v));
		cr_assert_eq(v, i * 10);
	}
	cr_assert(!get(m, 100, NULL));
	cr_assert(!get(m, -1, NULL));

	/* overwrite: same slot, no new entry */
	int64_t *p1 = map_set(m, &(int64_t){42});
	cr_assert_eq(*p1, 420);
	*p1 = -7;
	cr_assert_eq(map_len(m), 100);
	int64_t v;
	cr_assert(get(m, 42, &v));
	cr_assert_eq(v, -7);

	/* delete */
	cr_assert(del(m, 42));
	cr_assert(!del(m, 42));
	cr_assert(!get(m, 42, NULL));
	cr_assert_eq(map_len(m), 99);
	/* re-insert after delete starts from the zero value */
	int64_t *p2 = map_set(m, &(int64_t){42});
	cr_assert_eq(*p2, 0);
	cr_assert_eq(map_len(m), 100);

	for (int64_t i = 0; i < 100; i++)
		cr_assert(del(m, i));
	cr_assert_eq(map_len(m), 0);
	for (int64_t i = 0; i < 100; i++)
		cr_assert(!get(m, i, NULL));
}

MTEST(negative_and_extreme_keys)
{
	GolMap *m = int_map(0);
	int64_t keys[] = {0, -1, 1, INT64_MIN, INT64_MAX, 1ll << 32, -(1ll << 40), 0x7f, 0x80, 0xff};
	int n = sizeof keys / sizeof keys[0];
	for (int i = 0; i < n; i++)
		put(m, keys[i], i);
	cr_assert_eq(map_len(m), n);
	for (int i = 0; i < n; i++) {
		int64_t v;
		cr_assert(get(m, keys[i], &v));
		cr_assert_eq(v, i);
	}
}

MTEST(clear)
{
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 1000; i++)
		put(m, i, i);
	map_clear(m);
	cr_assert_eq(map_len(m), 0);
	for (int64_t i = 0; i < 1000; i++)
		cr_assert(!get(m, i, NULL));
	MapIter it;
	map_iter_init(&it, m);
	cr_assert(!map_iter_next(&it, NULL, NULL));
	/* usable again, and values start from zero */
	for (int64_t i = 0; i < 1000; i++) {
		int64_t *p = map_set(m, &i);
		cr_assert_eq(*p, 0);
		*p = i + 1;
	}
	cr_assert_eq(map_len(m), 1000);
	map_clear(NULL); /* clear of a nil map is a no-op */
}

MTEST(nil_map_reads)
{
	GolMap *m = NULL;
	cr_assert_eq(map_len(m), 0);
	cr_assert_null(map_get(m, &(int64_t){5}));
	cr_assert(!map_delete(m, &(int64_t){5}));
	map_clear(m);
	MapIter it;
	map_iter_init(&it, m);
	void *k = (void *)1, *v = (void *)1;
	cr_assert(!map_iter_next(&it, &k, &v));
	cr_assert(!map_iter_next(&it, &k, &v));
}

MTEST(empty_map_without_table)
{
	GolMap *m = int_map(0);
	cr_assert_null(map_get(m, &(int64_t){0}));
	cr_assert(!del(m, 0));
	MapIter it;
	map_iter_init(&it, m);
	cr_assert(!map_iter_next(&it, NULL, NULL));
	map_clear(m);
	put(m, 3, 4);
	cr_assert_eq(map_len(m), 1);
}

/* ---- growth ---------------------------------------------------------------- */

static void check_growth(GolMap *m, int64_t n)
{
	int64_t next_check = 1;
	for (int64_t i = 0; i < n; i++) {
		put(m, i * 7919 - n, i);
		cr_assert_eq(map_len(m), i + 1);
		if (i + 1 == next_check || i + 1 == n) {
			/* everything so far is there, nothing else */
			for (int64_t j = 0; j <= i; j++) {
				int64_t v = -1;
				cr_assert(get(m, j * 7919 - n, &v), "key %ld lost at size %ld", (long)j, (long)i + 1);
				cr_assert_eq(v, j);
			}
			cr_assert(!get(m, (i + 1) * 7919 - n, NULL));
			cr_assert(!get(m, 1, NULL));
			next_check = next_check * 3 / 2 + 1;
		}
	}
}

MTEST(growth_word_keys)
{
	int64_t hints[] = {0, 1, 7, 8, 9, 100, 5000};
	for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++)
		check_growth(int_map(hints[h]), 100000);
}

MTEST(growth_generic_keys)
{
	check_growth(int_map_generic(0), 100000);
	check_growth(int_map_generic(33), 3000);
}

MTEST(growth_noscan)
{
	check_growth(map_new_flags(8, 8, map_hash_word, map_eq_word, 0, MAP_NOSCAN), 100000);
	check_growth(map_new_flags(8, 8, map_hash_word, map_eq_word, 70000, MAP_NOSCAN), 100000);
}

MTEST(hint_edge_cases)
{
	GolMap *a = int_map(-5); /* negative counts as 0 */
	put(a, 1, 2);
	cr_assert_eq(map_len(a), 1);
	GolMap *b = int_map(INT64_MAX); /* only partly honoured */
	put(b, 1, 2);
	cr_assert_eq(map_len(b), 1);
}

MTEST(two_million_int_inserts)
{
	GolMap *m = int_map(0);
	const int64_t n = 2000000;
	for (int64_t i = 0; i < n; i++)
		*(int64_t *)map_set(m, &i) = i;
	cr_assert_eq(map_len(m), n);
	for (int64_t i = 0; i < n; i += 997) {
		int64_t v;
		cr_assert(get(m, i, &v));
		cr_assert_eq(v, i);
	}
	cr_assert(!get(m, n, NULL));
}

/* Churn: many inserts and deletes on a small live set must not grow the
 * table without bound (tombstones are cleaned by same-size rebuilds) and
 * must stay correct. */
MTEST(churn_tombstones)
{
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 200000; i++) {
		put(m, i, i);
		if (i >= 50)
			cr_assert(del(m, i - 50));
		cr_assert_eq(map_len(m), i < 50 ? i + 1 : 50);
	}
	for (int64_t i = 200000 - 50; i < 200000; i++)
		cr_assert(get(m, i, NULL));
	for (int64_t i = 0; i < 200000 - 50; i += 101)
		cr_assert(!get(m, i, NULL));
}

/* ---- iteration ------------------------------------------------------------- */

MTEST(iteration_sees_every_element_once)
{
	int64_t sizes[] = {0, 1, 2, 7, 8, 9, 15, 16, 17, 56, 57, 100, 1000, 50000};
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		int64_t n = sizes[s];
		GolMap *m = int_map(0);
		for (int64_t i = 0; i < n; i++)
			put(m, i, i * 3 + 1);
		for (int rep = 0; rep < 3; rep++) {
			int *seen = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)(n + 1));
			memset(seen, 0, sizeof(int) * (size_t)(n + 1));
			cr_assert_eq(iterate_ints(m, n, seen), n);
			for (int64_t i = 0; i < n; i++)
				cr_assert_eq(seen[i], 1, "size %ld: key %ld seen %d times", (long)n, (long)i, seen[i]);
		}
	}
}

MTEST(iteration_after_deletes)
{
	GolMap *m = int_map(0);
	int64_t n = 5000;
	for (int64_t i = 0; i < n; i++)
		put(m, i, i * 3 + 1);
	for (int64_t i = 0; i < n; i += 3)
		del(m, i);
	int *seen = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)n);
	memset(seen, 0, sizeof(int) * (size_t)n);
	int64_t cnt = iterate_ints(m, n, seen);
	cr_assert_eq(cnt, map_len(m));
	for (int64_t i = 0; i < n; i++)
		cr_assert_eq(seen[i], i % 3 ? 1 : 0);
}

/* The keys of m in iteration order. */
static int64_t *order_of(GolMap *m)
{
	int64_t *v = GC_MALLOC_ATOMIC(sizeof(int64_t) * (size_t)(map_len(m) + 1));
	int64_t n = 0;
	MapIter it;
	void *k;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, NULL))
		v[n++] = *(int64_t *)k;
	cr_assert_eq(n, map_len(m));
	return v;
}

MTEST(iteration_order_differs_between_maps)
{
	int differ = 0;
	for (int t = 0; t < 20; t++) {
		GolMap *a = int_map(0), *b = int_map(0);
		for (int64_t i = 0; i < 50; i++) {
			put(a, i, i);
			put(b, i, i);
		}
		if (memcmp(order_of(a), order_of(b), 50 * sizeof(int64_t)) != 0)
			differ++;
	}
	cr_assert_geq(differ, 1, "20 pairs of maps with the same contents all iterated alike");
}

MTEST(iteration_order_differs_between_ranges)
{
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 50; i++)
		put(m, i, i);
	int64_t *first = order_of(m);
	int differ = 0;
	for (int t = 0; t < 20; t++)
		if (memcmp(order_of(m), first, 50 * sizeof(int64_t)) != 0)
			differ++;
	cr_assert_geq(differ, 1);
}

MTEST(iteration_order_of_small_maps_varies)
{
	/* even a 3-entry map (a single group) does not always start alike */
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 3; i++)
		put(m, i, i);
	int firsts[3] = {0};
	for (int t = 0; t < 200; t++)
		firsts[order_of(m)[0]]++;
	cr_assert(firsts[0] > 0 && firsts[1] > 0 && firsts[2] > 0);
}

MTEST(delete_during_iteration)
{
	for (int rep = 0; rep < 20; rep++) {
		int64_t n = 1000;
		GolMap *m = int_map(0);
		for (int64_t i = 0; i < n; i++)
			put(m, i, i * 3 + 1);
		int seen[1000] = {0}, deleted[1000] = {0};
		MapIter it;
		void *k, *v;
		map_iter_init(&it, m);
		while (map_iter_next(&it, &k, &v)) {
			int64_t key = *(int64_t *)k;
			cr_assert(!deleted[key], "key %ld produced after being deleted", (long)key);
			cr_assert_eq(*(int64_t *)v, key * 3 + 1);
			seen[key]++;
			/* delete the key itself, and now and then one not yet seen */
			if (key % 2 == 0) {
				cr_assert(del(m, key));
				deleted[key] = 1;
			}
			int64_t other = (key * 37 + 11) % n;
			if (!deleted[other] && !seen[other]) {
				cr_assert(del(m, other));
				deleted[other] = 1;
			}
		}
		for (int64_t i = 0; i < n; i++) {
			cr_assert_leq(seen[i], 1);
			if (!deleted[i] || seen[i])
				continue;
			cr_assert(!get(m, i, NULL));
		}
		for (int64_t i = 0; i < n; i++)
			cr_assert(seen[i] == 1 || deleted[i], "key %ld neither seen nor deleted", (long)i);
	}
}

MTEST(delete_everything_during_iteration)
{
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 3000; i++)
		put(m, i, i * 3 + 1);
	int seen[3000] = {0};
	MapIter it;
	void *k;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, NULL)) {
		int64_t key = *(int64_t *)k;
		seen[key]++;
		cr_assert(del(m, key));
	}
	cr_assert_eq(map_len(m), 0);
	for (int i = 0; i < 3000; i++)
		cr_assert_eq(seen[i], 1);
}

/* Insert many new keys (the table grows several times), delete unseen old
 * keys and overwrite unseen old values, all during one range: every old key
 * not deleted is produced exactly once with its current value; deleted ones
 * never; new ones at most once. */
static void insert_during_iteration(int64_t n, int per_step)
{
	GolMap *m = int_map(0);
	int64_t *cur = GC_MALLOC_ATOMIC(sizeof(int64_t) * (size_t)n);
	int *seen = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)n);
	char *deleted = GC_MALLOC_ATOMIC((size_t)n);
	memset(seen, 0, sizeof(int) * (size_t)n);
	memset(deleted, 0, (size_t)n);
	for (int64_t i = 0; i < n; i++) {
		put(m, i, i);
		cur[i] = i;
	}
	GolMap *newseen = int_map(0);
	int64_t next_new = 1000000;
	MapIter it;
	void *k, *v;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, &v)) {
		int64_t key = *(int64_t *)k, val = *(int64_t *)v;
		if (key >= 1000000) {
			cr_assert_eq(val, -key);
			int64_t *c = map_set(newseen, &key);
			cr_assert_eq(*c, 0, "new key %ld produced twice", (long)key);
			*c = 1;
			continue;
		}
		cr_assert(key >= 0 && key < n);
		cr_assert(!deleted[key], "deleted key %ld produced", (long)key);
		cr_assert_eq(val, cur[key], "key %ld: value %ld, want %ld", (long)key, (long)val, (long)cur[key]);
		seen[key]++;
		for (int j = 0; j < per_step; j++, next_new++)
			put(m, next_new, -next_new);
		int64_t d = (int64_t)(xs() % (uint64_t)n);
		if (!seen[d] && !deleted[d]) {
			cr_assert(del(m, d));
			deleted[d] = 1;
		}
		int64_t w = (int64_t)(xs() % (uint64_t)n);
		if (!deleted[w]) {
			cur[w] += 1000;
			put(m, w, cur[w]);
		}
	}
	for (int64_t i = 0; i < n; i++) {
		if (deleted[i])
			cr_assert_eq(seen[i], 0);
		else
			cr_assert_eq(seen[i], 1, "key %ld seen %d times", (long)i, seen[i]);
	}
	int64_t ndel = 0;
	for (int64_t i = 0; i < n; i++)
		ndel += deleted[i];
	cr_assert_eq(map_len(m), n - ndel + (next_new - 1000000));
}

MTEST(insert_during_iteration)
{
	xs_state = 88172645463325252ull;
	for (int rep = 0; rep < 10; rep++) {
		insert_during_iteration(1000, 10);
		insert_during_iteration(7, 50);
		insert_during_iteration(100, 1);
	}
	insert_during_iteration(20000, 3);
}

MTEST(clear_during_iteration)
{
	GolMap *m = int_map(0);
	for (int64_t i = 0; i < 100; i++)
		put(m, i, i);
	MapIter it;
	void *k;
	map_iter_init(&it, m);
	cr_assert(map_iter_next(&it, &k, NULL));
	map_clear(m);
	put(m, 500, 1);
	int extra = 0;
	while (map_iter_next(&it, &k, NULL)) {
		cr_assert_eq(*(int64_t *)k, 500, "old key %ld produced after clear", (long)*(int64_t *)k);
		extra++;
	}
	cr_assert_leq(extra, 1);
}

MTEST(iterator_key_val_optional)
{
	GolMap *m = int_map(0);
	put(m, 1, 2);
	MapIter it;
	void *v;
	map_iter_init(&it, m);
	cr_assert(map_iter_next(&it, NULL, &v));
	cr_assert_eq(*(int64_t *)v, 2);
	cr_assert(!map_iter_next(&it, NULL, NULL));
}

/* ---- float keys ------------------------------------------------------------ */

static GolMap *float_map(void)
{
	return map_new(8, 8, map_hash_float, map_eq_float, 0);
}

static int64_t *fset(GolMap *m, double k)
{
	return map_set(m, &k);
}

static int64_t *fget(GolMap *m, double k)
{
	return map_get(m, &k);
}

MTEST(nan_keys)
{
	GolMap *m = float_map();
	*fset(m, NAN) = 1;
	*fset(m, NAN) = 2;
	*fset(m, -NAN) = 3;
	*fset(m, 1.0) = 4;
	cr_assert_eq(map_len(m), 4, "each NaN insert adds an entry");
	cr_assert_null(fget(m, NAN));
	cr_assert(!map_delete(m, &(double){NAN}));
	cr_assert_eq(map_len(m), 4);
	cr_assert_eq(*fget(m, 1.0), 4);

	int got[5] = {0}, nans = 0;
	MapIter it;
	void *k, *v;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, &v)) {
		double d = *(double *)k;
		int64_t val = *(int64_t *)v;
		cr_assert(val >= 1 && val <= 4);
		got[val]++;
		if (isnan(d))
			nans++;
	}
	cr_assert_eq(nans, 3);
	for (int i = 1; i <= 4; i++)
		cr_assert_eq(got[i], 1);

	map_clear(m);
	cr_assert_eq(map_len(m), 0);
	map_iter_init(&it, m);
	cr_assert(!map_iter_next(&it, NULL, NULL));
}

MTEST(nan_keys_survive_growth_during_iteration)
{
	GolMap *m = float_map();
	for (int i = 0; i < 100; i++)
		*fset(m, NAN) = i;
	cr_assert_eq(map_len(m), 100);
	int seen[100] = {0};
	double next = 1;
	MapIter it;
	void *k, *v;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, &v)) {
		double d = *(double *)k;
		if (!isnan(d))
			continue;
		int64_t val = *(int64_t *)v;
		cr_assert(val >= 0 && val < 100);
		seen[val]++;
		for (int j = 0; j < 20; j++)
			*fset(m, next++) = -1;
	}
	for (int i = 0; i < 100; i++)
		cr_assert_eq(seen[i], 1, "NaN entry %d seen %d times", i, seen[i]);
}

MTEST(plus_and_minus_zero_are_one_key)
{
	GolMap *m = float_map();
	*fset(m, 0.0) = 1;
	int64_t *p = fget(m, -0.0);
	cr_assert_not_null(p);
	cr_assert_eq(*p, 1);
	*fset(m, -0.0) = 2;
	cr_assert_eq(map_len(m), 1);
	cr_assert_eq(*fget(m, 0.0), 2);
	cr_assert(map_delete(m, &(double){-0.0}));
	cr_assert_eq(map_len(m), 0);
	cr_assert_null(fget(m, 0.0));

	cr_assert_eq(map_hash_f64(0.0, 12345), map_hash_f64(-0.0, 12345));
	cr_assert_neq(map_hash_f64(NAN, 12345), map_hash_f64(NAN, 12345));
}

MTEST(float_keys_many)
{
	GolMap *m = float_map();
	for (int i = 0; i < 20000; i++)
		*fset(m, i * 0.25 - 100) = i;
	cr_assert_eq(map_len(m), 20000);
	for (int i = 0; i < 20000; i++) {
		int64_t *p = fget(m, i * 0.25 - 100);
		cr_assert_not_null(p);
		cr_assert_eq(*p, i);
	}
	cr_assert_null(fget(m, 0.1));
	cr_assert_null(fget(m, INFINITY));
	*fset(m, INFINITY) = 7;
	*fset(m, -INFINITY) = 8;
	cr_assert_eq(*fget(m, INFINITY), 7);
	cr_assert_eq(*fget(m, -INFINITY), 8);
}

/* ---- struct and string keys ------------------------------------------------ */

/* A Go struct{ a int; b float64 } key, as the VM lays it out: two slots. */
typedef struct Pair {
	int64_t a;
	double b;
} Pair;

static uint64_t hash_pair(const void *k, uint64_t seed)
{
	const Pair *p = k;
	return map_hash_combine(map_hash_u64((uint64_t)p->a, seed), map_hash_f64(p->b, seed));
}

static bool eq_pair(const void *x, const void *y)
{
	const Pair *p = x, *q = y;
	return p->a == q->a && p->b == q->b;
}

MTEST(struct_keys_16_bytes)
{
	GolMap *m = map_new(sizeof(Pair), 24, hash_pair, eq_pair, 0);
	for (int64_t i = 0; i < 10000; i++) {
		Pair k = {i % 100, (double)(i / 100)};
		int64_t *v = map_set(m, &k);
		cr_assert_eq(v[0] | v[1] | v[2], 0);
		v[0] = i;
		v[1] = -i;
		v[2] = i * 2;
	}
	cr_assert_eq(map_len(m), 10000);
	for (int64_t i = 0; i < 10000; i++) {
		Pair k = {i % 100, (double)(i / 100)};
		int64_t *v = map_get(m, &k);
		cr_assert_not_null(v);
		cr_assert(v[0] == i && v[1] == -i && v[2] == i * 2);
	}
	cr_assert_null(map_get(m, &(Pair){100, 0}));
	cr_assert_null(map_get(m, &(Pair){0, 100}));
	/* -0 in a field still matches +0 */
	cr_assert_not_null(map_get(m, &(Pair){5, -0.0}));
	/* a NaN field makes every insert new */
	map_set(m, &(Pair){1, NAN});
	map_set(m, &(Pair){1, NAN});
	cr_assert_eq(map_len(m), 10002);
	cr_assert_null(map_get(m, &(Pair){1, NAN}));
	cr_assert(map_delete(m, &(Pair){7, 3}));
	cr_assert_null(map_get(m, &(Pair){7, 3}));
	cr_assert_eq(map_len(m), 10001);
}

/* A string key as the VM might hold it: one slot with a pointer to an
 * immutable header. The callbacks dereference it. */
typedef struct StrHdr {
	const char *p;
	int64_t len;
} StrHdr;

static uint64_t hash_strptr(const void *k, uint64_t seed)
{
	const StrHdr *s = *(StrHdr *const *)k;
	return map_hash_bytes(s->p, (size_t)s->len, seed);
}

static bool eq_strptr(const void *a, const void *b)
{
	const StrHdr *x = *(StrHdr *const *)a, *y = *(StrHdr *const *)b;
	return x->len == y->len && memcmp(x->p, y->p, (size_t)x->len) == 0;
}

static StrHdr *mkstr(const char *fmt, long i)
{
	StrHdr *s = GC_MALLOC(sizeof *s);
	char *p = tu_fmt(fmt, i);
	s->p = p;
	s->len = (int64_t)strlen(p);
	return s;
}

MTEST(string_keys_via_header_pointer)
{
	GolMap *m = map_new(8, 8, hash_strptr, eq_strptr, 0);
	for (long i = 0; i < 20000; i++) {
		StrHdr *s = mkstr("key-%ld", i);
		*(int64_t *)map_set(m, &s) = i;
	}
	StrHdr *empty = mkstr("%.0ld", 0); /* "" */
	cr_assert_eq(empty->len, 0);
	*(int64_t *)map_set(m, &empty) = -1;
	cr_assert_eq(map_len(m), 20001);
	/* look up with fresh copies: equal content, different pointers */
	for (long i = 0; i < 20000; i++) {
		StrHdr *s = mkstr("key-%ld", i);
		int64_t *v = map_get(m, &s);
		cr_assert_not_null(v, "key-%ld missing", i);
		cr_assert_eq(*v, i);
	}
	StrHdr *e2 = mkstr("%.0ld", 0);
	cr_assert_eq(*(int64_t *)map_get(m, &e2), -1);
	StrHdr *miss = mkstr("key-%ld", 20000);
	cr_assert_null(map_get(m, &miss));
	StrHdr *k5 = mkstr("key-%ld", 5);
	cr_assert(map_delete(m, &k5));
	cr_assert_null(map_get(m, &k5));
}

/* bytes_eq, which map keys and string == share: every length up to 40,
 * equal, and unequal at each single position (its inline paths compare
 * two overlapping words; a mistake there misses some position). */
MTEST(bytes_eq_every_length_and_position)
{
	char a[48], b[48];
	for (size_t n = 0; n <= 40; n++) {
		memset(a, 'x', sizeof a);
		memset(b, 'x', sizeof b);
		cr_assert(bytes_eq(a, b, n), "length %zu: equal", n);
		for (size_t j = 0; j < n; j++) {
			b[j] = 'y';
			cr_assert(!bytes_eq(a, b, n), "length %zu: differs at %zu", n, j);
			cr_assert(!bytes_eq(b, a, n), "length %zu: differs at %zu", n, j);
			b[j] = 'x';
		}
		b[n] = 'y'; /* past the end: not compared */
		cr_assert(bytes_eq(a, b, n), "length %zu: a byte past the end", n);
	}
}

/* A MAP_STRKEY key: a MapStr made fresh each time (NULL for ""). */
static MapStr *mkmapstr(const char *p, size_t n)
{
	if (!n)
		return NULL;
	MapStr *s = GC_MALLOC(sizeof *s);
	char *b = GC_MALLOC_ATOMIC(n);
	memcpy(b, p, n);
	s->len = (int64_t)n;
	s->p = b;
	return s;
}

static uint64_t hash_mapstr(const void *k, uint64_t seed)
{
	const MapStr *s = *(const MapStr *const *)k;
	return s ? map_hash_bytes(s->p, (size_t)s->len, seed) : map_hash_bytes("", 0, seed);
}

/* The inlined comparison of short string keys: strings of every length
 * up to 24 that differ from one another in a single byte, at every
 * position, are all distinct keys, and each is found by an equal copy. */
MTEST(string_keys_differing_in_one_byte)
{
	GolMap *m = map_new_flags(8, 8, hash_mapstr, NULL, 0, MAP_STRKEY);
	char buf[32];
	int64_t n = 0;
	for (size_t len = 0; len <= 24; len++)
		for (size_t j = 0; j <= len; j++) {
			memset(buf, 'a', len);
			if (j < len)
				buf[j] = 'b'; /* j == len: all 'a' */
			MapStr *k = mkmapstr(buf, len);
			int64_t *v = map_set(m, &k);
			cr_assert_eq(*v, 0, "length %zu, byte %zu: found as another key", len, j);
			*v = ++n;
		}
	cr_assert_eq(map_len(m), n);
	int64_t want = 0;
	for (size_t len = 0; len <= 24; len++)
		for (size_t j = 0; j <= len; j++) {
			memset(buf, 'a', len);
			if (j < len)
				buf[j] = 'b';
			MapStr *k = mkmapstr(buf, len);
			int64_t *v = map_get(m, &k);
			want++;
			cr_assert(v && *v == want, "length %zu, byte %zu", len, j);
		}
}

MTEST(value_size_zero_is_a_set)
{
	GolMap *m = map_new(8, 0, map_hash_word, map_eq_word, 0);
	for (int64_t i = 0; i < 1000; i++)
		cr_assert_not_null(map_set(m, &i));
	cr_assert_eq(map_len(m), 1000);
	cr_assert_not_null(map_get(m, &(int64_t){500}));
	cr_assert_null(map_get(m, &(int64_t){1000}));
	int64_t sum = 0;
	MapIter it;
	void *k;
	map_iter_init(&it, m);
	while (map_iter_next(&it, &k, NULL))
		sum += *(int64_t *)k;
	cr_assert_eq(sum, 999 * 1000 / 2);
}

/* ---- random operations against a reference --------------------------------- */

static void random_ops(GolMap *m, int64_t nkeys, int nops, uint64_t seed)
{
	xs_state = seed;
	int64_t *val = GC_MALLOC_ATOMIC(sizeof(int64_t) * (size_t)nkeys);
	char *present = GC_MALLOC_ATOMIC((size_t)nkeys);
	int *seen = GC_MALLOC_ATOMIC(sizeof(int) * (size_t)nkeys);
	memset(present, 0, (size_t)nkeys);
	int64_t len = 0;
	for (int op = 0; op < nops; op++) {
		uint64_t r = xs();
		int64_t k = (int64_t)((r >> 8) % (uint64_t)nkeys);
		switch (r % 100) {
		case 0 ... 39: { /* set */
			int64_t *p = map_set(m, &k);
			if (!present[k]) {
				cr_assert_eq(*p, 0, "op %d: new key %ld not zero", op, (long)k);
				present[k] = 1;
				len++;
			} else {
				cr_assert_eq(*p, val[k], "op %d: key %ld", op, (long)k);
			}
			*p = val[k] = (int64_t)(r >> 16);
			break;
		}
		case 40 ... 69: { /* get */
			int64_t *p = map_get(m, &k);
			cr_assert_eq(p != NULL, present[k] != 0, "op %d: get %ld", op, (long)k);
			if (p)
				cr_assert_eq(*p, val[k]);
			break;
		}
		case 70 ... 98: { /* delete */
			bool was = map_delete(m, &k);
			cr_assert_eq(was, present[k] != 0, "op %d: delete %ld", op, (long)k);
			if (was)
				len--;
			present[k] = 0;
			break;
		}
		default:
			if ((r >> 20) % 64 == 0) { /* clear, rarely */
				map_clear(m);
				memset(present, 0, (size_t)nkeys);
				len = 0;
			}
			break;
		}
		cr_assert_eq(map_len(m), len, "op %d: len", op);
		if (op % 10000 == 9999) {
			memset(seen, 0, sizeof(int) * (size_t)nkeys);
			MapIter it;
			void *kp, *vp;
			int64_t cnt = 0;
			map_iter_init(&it, m);
			while (map_iter_next(&it, &kp, &vp)) {
				int64_t key = *(int64_t *)kp;
				cr_assert(key >= 0 && key < nkeys && present[key]);
				cr_assert_eq(*(int64_t *)vp, val[key]);
				seen[key]++;
				cnt++;
			}
			cr_assert_eq(cnt, len);
			for (int64_t i = 0; i < nkeys; i++)
				cr_assert_eq(seen[i], present[i] ? 1 : 0);
		}
	}
}

MTEST(random_ops_against_reference)
{
	random_ops(int_map(0), 5000, 100000, 0x1234567887654321ull);
	random_ops(int_map_generic(0), 5000, 100000, 0x0badc0ffee0ddf00ull);
	random_ops(int_map(0), 40, 100000, 0x5eed5eed5eed5eedull);       /* tiny: tombstone churn */
	random_ops(int_map(0), 1000000, 100000, 0xfeedfacecafebeefull); /* sparse */
}

/* ---- hash helpers ---------------------------------------------------------- */

MTEST(hash_bytes_properties)
{
	char a[64], b[64];
	for (int i = 0; i < 64; i++)
		a[i] = b[i] = (char)('a' + i % 26);
	for (size_t n = 0; n <= 64; n++)
		cr_assert_eq(map_hash_bytes(a, n, 99), map_hash_bytes(b, n, 99), "equal bytes, n=%zu", n);
	/* prefixes of one buffer all hash apart, and seeds matter */
	GolMap *hs = int_map(0);
	for (size_t n = 0; n <= 64; n++) {
		int64_t h = (int64_t)map_hash_bytes(a, n, 99);
		cr_assert_null(map_get(hs, &h), "prefix %zu collides", n);
		put(hs, h, 1);
		if (n)
			cr_assert_neq(map_hash_bytes(a, n, 99), map_hash_bytes(a, n, 100));
	}
	/* one flipped bit changes the hash, at every position */
	for (size_t n = 1; n <= 64; n++)
		for (size_t bit = 0; bit < n * 8; bit += 7) {
			memcpy(b, a, 64);
			b[bit / 8] ^= (char)(1 << (bit % 8));
			cr_assert_neq(map_hash_bytes(a, n, 5), map_hash_bytes(b, n, 5), "n=%zu bit=%zu", n, bit);
		}
	/* the low 7 bits (used inside groups) of sequential ints spread out */
	int buckets[128] = {0};
	for (uint64_t i = 0; i < 12800; i++)
		buckets[map_hash_u64(i, 42) & 127]++;
	for (int i = 0; i < 128; i++)
		cr_assert(buckets[i] > 50 && buckets[i] < 150, "h2 bucket %d has %d", i, buckets[i]);
}
