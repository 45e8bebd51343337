/*
 * test_vclock.c — unit tests for the race detector's vector clocks
 * (vm/vclock.c), against a plain model: one dense array of clock values per
 * clock, where raise is a max, join an entrywise max, copy an assignment.
 *
 *  - random operations on a dozen clocks over few goroutine ids (deltas
 *    only), over many (deltas fold into bases, bases are shared, grown in
 *    place and merged), and with new ids that only grow (appends to shared
 *    deltas); copies, half of them raising an entry on the way, and
 *    joins of two clocks with two raises (an exchange); then with 3 to 24 clocks, four mixes of operations, ids from
 *    a sliding window, and raises that are new, equal, lower or small;
 *    every entry of every clock checked against the model;
 *  - the patterns the representation exists for, checked the same way and
 *    for their cost in stored entries: a mutex passed between thousands of
 *    goroutines that a broadcast woke, and a WaitGroup a hundred thousand
 *    goroutines Done;
 *  - a chain of goroutines passing values on by exchanges (a prime
 *    sieve's filters), where long clocks that each know most of the
 *    others are joined chunk by chunk: equal, one holding the other, or
 *    each holding something the other lacks.
 */
#include "test_util.h"

#include "vclock.h"

#define MAXC 24
#define MAXT 2048

/* The shape of a random run: how many clocks, which mix of operations
 * (percent thresholds for raise, join, copy; the rest clears), and
 * whether raised ids come from a sliding window of 48 (goroutines that
 * come and go) rather than from anywhere. */
static int nclocks = 12;
static unsigned mix[3] = {50, 85, 98};
static bool window;

static VC clocks[MAXC];
static uint64_t model[MAXC][MAXT];
static uint64_t rng = 88172645463325252ull;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void check_all(int ntids, const char *when, long step)
{
	for (int c = 0; c < nclocks; c++)
		for (int t = 0; t < ntids; t++) {
			uint64_t got = vc_get(&clocks[c], (uint32_t)t);
			if (got != model[c][t])
				cr_assert_fail("%s, step %ld: clock %d entry %d is %llu, model says %llu", when, step, c, t,
					 (unsigned long long)got, (unsigned long long)model[c][t]);
		}
}

/* ntids ids; growing: raises use ids that mostly increase. */
static void random_ops(int ntids, long steps, bool growing, const char *name)
{
	vc_poison_freed = true;
	memset(clocks, 0, sizeof clocks);
	memset(model, 0, sizeof model);
	uint64_t now = 1;
	int next_tid = 1, lo = 0;
	for (long s = 0; s < steps; s++) {
		int a = (int)(rnd() % (uint64_t)nclocks), b = (int)(rnd() % (uint64_t)nclocks);
		unsigned op = (unsigned)(rnd() % 100);
		if (op < mix[0]) {
			int t;
			if (window) {
				if (rnd() % 40 == 0 && lo + 48 < ntids)
					lo++;
				t = lo + (int)(rnd() % 48);
				if (t >= ntids)
					t = ntids - 1;
			} else if (growing && rnd() % 3 == 0 && next_tid < ntids) {
				t = next_tid++;
			} else {
				t = (int)(rnd() % (uint64_t)(growing ? next_tid : ntids));
			}
			/* a new value, the same, one lower, or a small one */
			unsigned k = (unsigned)(rnd() % 6);
			uint64_t v = k == 0 ? model[a][t] : k == 1 ? rnd() % 6 : k == 2 && model[a][t] ? model[a][t] - 1 : now++;
			vc_raise(&clocks[a], (uint32_t)t, v);
			if (v > model[a][t])
				model[a][t] = v;
		} else if (op < mix[1] && rnd() % 3 == 0) {
			/* a joins b and c and raises two entries (an exchange) */
			int c = (int)(rnd() % (uint64_t)nclocks);
			int lim = growing ? next_tid : ntids;
			uint32_t t1 = (uint32_t)(rnd() % (uint64_t)lim), t2 = (uint32_t)(rnd() % (uint64_t)lim);
			uint64_t v1 = rnd() % 4 == 0 ? model[a][t1] : now++, v2 = rnd() % 4 == 0 ? 1 : now++;
			vc_join2_raise(&clocks[a], &clocks[b], t1, v1, &clocks[c], t2, v2);
			for (int t = 0; t < ntids; t++) {
				if (model[b][t] > model[a][t])
					model[a][t] = model[b][t];
				if (model[c][t] > model[a][t])
					model[a][t] = model[c][t];
			}
			if (v1 > model[a][t1])
				model[a][t1] = v1;
			if (v2 > model[a][t2])
				model[a][t2] = v2;
		} else if (op < mix[1]) {
			vc_join(&clocks[a], &clocks[b]);
			for (int t = 0; t < ntids; t++)
				if (model[b][t] > model[a][t])
					model[a][t] = model[b][t];
		} else if (op < mix[2]) {
			/* half of the copies raise an entry on the way (what a
			 * release into a buffered channel's slot does) */
			bool raise = rnd() % 2;
			int t = (int)(rnd() % (uint64_t)(growing ? next_tid : ntids));
			uint64_t v = rnd() % 3 == 0 ? model[b][t] : now++;
			if (raise)
				vc_copy_raise(&clocks[a], &clocks[b], (uint32_t)t, v);
			else
				vc_copy(&clocks[a], &clocks[b]);
			if (a != b)
				memcpy(model[a], model[b], sizeof model[a]);
			if (raise && v > model[a][t])
				model[a][t] = v;
		} else {
			/* a goroutine that ends: its storage goes back where
			 * no other clock shares it (overwritten on the way, so
			 * a clock still using it fails the next check) */
			vc_drop(&clocks[a]);
			memset(model[a], 0, sizeof model[a]);
		}
		if (s % 97 == 0)
			check_all(ntids, name, s);
	}
	check_all(ntids, name, steps);
}

Test(vclock, few_ids_random, .init = gc_setup)
{
	random_ops(6, 200000, false, "6 ids");
}

Test(vclock, many_ids_random, .init = gc_setup)
{
	for (int seed = 1; seed <= 4; seed++) {
		rng = 88172645463325252ull * (uint64_t)seed;
		random_ops(40, 50000, false, "40 ids");
		random_ops(300, 50000, false, "300 ids");
		random_ops(MAXT, 10000, false, "2048 ids");
	}
}

Test(vclock, growing_ids_random, .init = gc_setup)
{
	for (int seed = 1; seed <= 4; seed++) {
		rng = 0x9e3779b97f4a7c15ull * (uint64_t)seed;
		random_ops(MAXT, 40000, true, "growing ids");
	}
}

Test(vclock, empty_and_self, .init = gc_setup)
{
	VC a = {0}, b = {0};
	cr_assert_eq(vc_get(&a, 7), 0);
	vc_join(&a, &b);
	vc_copy(&a, &b);
	cr_assert_eq(vc_stored(&a), 0);
	vc_raise(&a, 7, 3);
	vc_raise(&a, 7, 2); /* never lowers */
	vc_raise(&a, 5, 0);
	vc_join(&a, &a);
	cr_assert_eq(vc_get(&a, 7), 3);
	cr_assert_eq(vc_get(&a, 5), 0);
	cr_assert_eq(vc_stored(&a), 1);
}

/* Goroutines 1..N: each Done a ready WaitGroup (clock 1), is woken by
 * main's close of start, locks and unlocks one mutex (released at clock
 * 2) and Done another WaitGroup (at clock 3), then ends. */
Test(vclock, mutex_chain_after_broadcast, .init = gc_setup)
{
	enum { N = 20000 };
	VC ready = {0}, start = {0}, mu = {0}, wg = {0}, m = {0};
	for (int i = 1; i <= N; i++)
		vc_raise(&ready, (uint32_t)i, 1);
	vc_join(&m, &ready);  /* ready.Wait */
	vc_join(&start, &m);  /* close(start) */
	vc_raise(&start, 0, 1);
	long most = 0;
	for (int i = 1; i <= N; i++) {
		VC g = {0};
		vc_raise(&g, 0, 1);   /* created by main */
		vc_join(&g, &start);  /* <-start */
		vc_join(&g, &mu);     /* Lock */
		cr_assert_eq(vc_get(&g, (uint32_t)(i - 1)), i > 1 ? 2 : 1, "goroutine %d knows its predecessor's unlock", i);
		if (i < N)
			cr_assert_eq(vc_get(&g, (uint32_t)(i + 1)), 1);
		vc_join(&mu, &g);     /* Unlock */
		vc_raise(&mu, (uint32_t)i, 2);
		vc_join(&wg, &g);     /* Done */
		vc_raise(&wg, (uint32_t)i, 3);
		long st = vc_stored(&g) - N;
		if (st > most)
			most = st;
	}
	vc_join(&m, &wg);     /* wg.Wait */
	for (int i = 1; i <= N; i++)
		cr_assert_eq(vc_get(&m, (uint32_t)i), 3, "entry %d", i);
	cr_assert_eq(vc_get(&m, 0), 1);
	cr_assert_eq(vc_get(&mu, 0), 1);
	/* a goroutine's clock is the shared long base plus a short delta */
	cr_assert_lt(most, 8 + 2 * 142, "a goroutine stored %ld entries past the base", most);
}

/* The same as race.c does it: Unlock stores the holder's clock into the
 * mutex's (sharing its long delta), and each goroutine's clock is dropped
 * when it ends, its storage given back and overwritten unless the mutex
 * still shares it: every goroutine must still find its predecessor's
 * unlock in the mutex's clock. */
Test(vclock, mutex_chain_with_drops, .init = gc_setup)
{
	enum { N = 20000 };
	vc_poison_freed = true;
	VC ready = {0}, start = {0}, mu = {0}, wg = {0}, m = {0};
	for (int i = 1; i <= N; i++)
		vc_raise(&ready, (uint32_t)i, 1);
	vc_join(&m, &ready);
	vc_join(&start, &m);
	vc_raise(&start, 0, 1);
	for (int i = 1; i <= N; i++) {
		VC g = {0};
		vc_raise(&g, 0, 1);
		vc_join(&g, &start);
		vc_join(&g, &mu);                        /* Lock */
		cr_assert_eq(vc_get(&g, (uint32_t)(i - 1)), i > 1 ? 2 : 1, "goroutine %d knows its predecessor's unlock", i);
		vc_copy_raise(&mu, &g, (uint32_t)i, 2);  /* Unlock */
		vc_join(&wg, &g);                        /* Done */
		vc_raise(&wg, (uint32_t)i, 3);
		vc_drop(&g);                             /* it ends */
		VC other = {0};                          /* storage handed out again */
		for (int k = 0; k < 40; k++)
			vc_raise(&other, (uint32_t)(N + 1 + k), 9);
		vc_drop(&other);
	}
	vc_join(&m, &wg);
	for (int i = 1; i <= N; i++)
		cr_assert_eq(vc_get(&m, (uint32_t)i), 3, "entry %d", i);
	for (int i = 1; i <= N; i++)
		cr_assert_eq(vc_get(&mu, (uint32_t)i), 2, "mutex entry %d", i);
}

/* A WaitGroup Done by 100000 goroutines, each knowing only main. */
Test(vclock, waitgroup_of_many, .init = gc_setup)
{
	enum { N = 100000 };
	VC main_vc = {0}, wg = {0};
	vc_raise(&main_vc, 0, 1);
	for (int i = 1; i <= N; i++) {
		VC c = {0};
		vc_copy(&c, &main_vc);
		vc_raise(&c, 0, (uint64_t)i + 1);
		vc_join(&wg, &c);
		vc_raise(&wg, (uint32_t)i, 1);
	}
	vc_join(&main_vc, &wg);
	cr_assert_eq(vc_stored(&main_vc) >= N + 1, true);
	cr_assert_eq(vc_get(&main_vc, 0), N + 1);
	for (int i = 1; i <= N; i += 997)
		cr_assert_eq(vc_get(&main_vc, (uint32_t)i), 1);
}

/* Fewer and more clocks, other mixes of operations, ids from a sliding
 * window. */
Test(vclock, mixed_shapes_random, .init = gc_setup)
{
	static const unsigned mixes[4][3] = {{50, 85, 98}, {25, 85, 99}, {70, 80, 95}, {20, 50, 90}};
	static const int counts[] = {3, 6, 24};
	for (int seed = 1; seed <= 3; seed++)
		for (int m = 0; m < 4; m++)
			for (int k = 0; k < 3; k++)
				for (int w = 0; w < 2; w++) {
					nclocks = counts[k];
					memcpy(mix, mixes[m], sizeof mix);
					window = w;
					rng = 0x2545F4914F6CDD1Dull * (uint64_t)(seed * 131 + m * 7 + k * 3 + w);
					random_ops(10, 20000, false, "10 ids");
					random_ops(400, 20000, !w, "400 ids");
					random_ops(MAXT, 15000, true, "growing ids");
				}
	nclocks = 12;
	memcpy(mix, mixes[0], sizeof mix);
	window = false;
}

/* A chain of K goroutines, each passing values to the next over an
 * unbuffered channel (race.c's exchange: b joins a, both own entries
 * raised, a takes b's clock, both tick). Values go a random distance down
 * the chain, so clocks hear of one another in every order. */
Test(vclock, exchange_chain, .init = gc_setup)
{
	enum { K = 600 };
	static VC g[K];
	static uint64_t own[K], mod[K][K];
	memset(g, 0, sizeof g);
	memset(mod, 0, sizeof mod);
	for (int k = 0; k < K; k++)
		own[k] = 1;
	rng = 0x51afd7ed558ccdull;
	for (int step = 0; step < 3000; step++) {
		int depth = 1 + (int)(rnd() % (uint64_t)(K - 1));
		if (rnd() % 4)
			depth = 1 + (int)(rnd() % 8); /* most values stop early */
		for (int a = 0; a + 1 <= depth && a + 1 < K; a++) {
			int b = a + 1;
			vc_join(&g[b], &g[a]);
			vc_raise(&g[b], (uint32_t)a, own[a]);
			vc_raise(&g[b], (uint32_t)b, own[b]);
			vc_copy(&g[a], &g[b]);
			for (int t = 0; t < K; t++)
				if (mod[a][t] > mod[b][t])
					mod[b][t] = mod[a][t];
			if (own[a] > mod[b][a])
				mod[b][a] = own[a];
			if (own[b] > mod[b][b])
				mod[b][b] = own[b];
			memcpy(mod[a], mod[b], sizeof mod[a]);
			own[a]++;
			own[b]++;
		}
		if (step % 250 == 0 || step == 2999)
			for (int c = 0; c < K; c++)
				for (int t = 0; t < K; t++)
					if (vc_get(&g[c], (uint32_t)t) != mod[c][t])
						cr_assert_fail("step %d: clock %d entry %d is %llu, model says %llu", step, c, t,
							       (unsigned long long)vc_get(&g[c], (uint32_t)t),
							       (unsigned long long)mod[c][t]);
	}
}
