/*
 * test_sched.c — unit tests for the M:N scheduler (vm/sched.c) and, end to
 * end, for channels, select, sync and timers running on several workers.
 *
 *  - a worker's run queue on one thread: FIFO order, indices that wrap,
 *    a full ring spilling half of itself (and the new goroutine) to the
 *    global queue; nothing lost, nothing duplicated;
 *  - stealing: half of the victim's ring (rounded up), one returned and the
 *    rest put in the thief's ring; an empty victim gives nothing;
 *  - stealing under contention: an owner thread pushing and taking a
 *    million goroutines on its ring while three thieves steal from it (and
 *    take from the global queue); every goroutine is taken exactly once;
 *    the same with the owner pushing a pool of goroutines round after round
 *    so that its ring spills again and again while thieves steal (a signal
 *    holds the owner now and then while its ring is full, so that thieves
 *    get to act inside its short windows even on a machine with few CPUs);
 *  - gol programs compiled and run in a child process (the VM ends the
 *    process itself once worker threads run) with GOMAXPROCS 4: many
 *    senders and receivers on one channel (unbuffered, buffered), select
 *    over four producers and a quit channel, close waking 1000 receivers,
 *    a Mutex counter, WaitGroups, timers, and a deadlock report.
 *
 * The ring tests use the scheduler's test entry points (vm_int.h:
 * sched_test_*); the ring belongs to zeroed VM structs made here.
 */
#ifndef GC_THREADS
#define GC_THREADS /* meson passes it too: gc.h routes pthread_create through the collector */
#endif
#include "test_util.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "program.h"
#include "vm.h"
#include "vm_int.h"

#define STEST(name, ...) Test(sched, name, .init = gc_setup, ##__VA_ARGS__)
/* The gol programs run in a child this test forks: the test process itself
 * does not start the collector. */
#define PTEST(name, ...) Test(sched, name, .timeout = 300, ##__VA_ARGS__)

/* ---- run queue helpers ---------------------------------------------------------- */

/* A worker as the ring tests need it: zeroed, never collected (its ring
 * holds the only pointers to some goroutines). */
static VM *new_vm(void)
{
	VM *vm = GC_MALLOC_UNCOLLECTABLE(sizeof *vm);
	cr_assert_not_null(vm);
	memset(vm, 0, sizeof *vm);
	return vm;
}

static G *new_g(int64_t id)
{
	G *g = GC_MALLOC(sizeof *g);
	cr_assert_not_null(g);
	memset(g, 0, sizeof *g);
	g->id = id;
	return g;
}

static uint32_t ring_len(VM *vm)
{
	return __atomic_load_n(&vm->rq_tail, __ATOMIC_ACQUIRE) - __atomic_load_n(&vm->rq_head, __ATOMIC_ACQUIRE);
}

/* Goroutines 0..n-1 (ids), kept in a collected array the test holds. */
static G **make_gs(int n)
{
	G **v = GC_MALLOC(sizeof *v * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++)
		v[i] = new_g(i);
	return v;
}

/* Take everything from vm's ring, checking the ids come out as
 * first, first+1, ... ; returns how many. */
static int take_run(VM *vm, int64_t first, const char *what)
{
	int n = 0;
	G *g;
	while ((g = sched_test_take(vm))) {
		cr_assert_eq(g->id, first + n, "%s: goroutine #%d taken is %lld, expected %lld", what, n,
			     (long long)g->id, (long long)(first + n));
		n++;
	}
	return n;
}

/* The global queue drained into seen[] (counts per id, ids < n); returns
 * how many it held. */
static int drain_global(int *seen, int n)
{
	int cnt = 0;
	G *g;
	while ((g = sched_test_global_take())) {
		cr_assert(g->id >= 0 && g->id < n, "global queue gave an unknown goroutine %lld", (long long)g->id);
		seen[g->id]++;
		cnt++;
	}
	cr_assert_eq(sched_test_global_len(), 0);
	return cnt;
}

static void assert_each_once(const int *seen, int n)
{
	for (int i = 0; i < n; i++)
		cr_assert_eq(seen[i], 1, "goroutine %d came back %d times", i, seen[i]);
}

/* ---- the ring, one thread --------------------------------------------------------- */

STEST(runq_fifo)
{
	VM *vm = new_vm();
	G **gs = make_gs(100);
	cr_assert_null(sched_test_take(vm), "a new ring is empty");
	for (int i = 0; i < 100; i++)
		sched_test_push(vm, gs[i]);
	cr_assert_eq(ring_len(vm), 100);
	for (int i = 0; i < 100; i++) {
		G *g = sched_test_take(vm);
		cr_assert_eq(g, gs[i], "take #%d: got goroutine %lld", i, g ? (long long)g->id : -1LL);
	}
	cr_assert_null(sched_test_take(vm), "empty after taking everything");
	cr_assert_null(sched_test_take(vm));
	cr_assert_eq(ring_len(vm), 0);
	cr_assert_eq(sched_test_global_len(), 0, "nothing spilled");
}

STEST(runq_full_ring_does_not_spill)
{
	VM *vm = new_vm();
	G **gs = make_gs(RUNQ_SIZE);
	for (int i = 0; i < RUNQ_SIZE; i++)
		sched_test_push(vm, gs[i]);
	cr_assert_eq(ring_len(vm), RUNQ_SIZE);
	cr_assert_eq(sched_test_global_len(), 0, "exactly RUNQ_SIZE fit in the ring");
	cr_assert_eq(take_run(vm, 0, "full ring"), RUNQ_SIZE);
	cr_assert_null(sched_test_global_take());
}

/* Pushes and takes interleaved (never more than the ring holds), checked
 * against a plain FIFO: the indices go round the ring many times. */
STEST(runq_interleaved_matches_fifo)
{
	VM *vm = new_vm();
	enum { TOTAL = 20000 };
	G **gs = make_gs(TOTAL);
	int pushed = 0, taken = 0;
	uint64_t x = 88172645463325252ull;
	while (taken < TOTAL) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		int burst = (int)(x % 40);
		bool push = (x >> 20) & 1;
		for (int k = 0; k < burst; k++) {
			if (push && pushed < TOTAL && pushed - taken < RUNQ_SIZE) {
				sched_test_push(vm, gs[pushed++]);
			} else if (!push || pushed == TOTAL) {
				G *g = sched_test_take(vm);
				if (pushed == taken) {
					cr_assert_null(g, "ring should be empty after %d", taken);
					break;
				}
				cr_assert_eq(g, gs[taken], "take #%d: got %lld", taken, g ? (long long)g->id : -1LL);
				taken++;
			}
		}
		cr_assert_eq(ring_len(vm), (uint32_t)(pushed - taken));
	}
	cr_assert_null(sched_test_take(vm));
	cr_assert_eq(sched_test_global_len(), 0);
	cr_assert(vm->rq_tail > 10 * RUNQ_SIZE, "the indices went round the ring (tail %u)", vm->rq_tail);
}

/* The indices only grow: they pass 2^32 and wrap, which must not matter. */
STEST(runq_index_wraparound)
{
	VM *vm = new_vm();
	vm->rq_head = vm->rq_tail = UINT32_MAX - 100;
	G **gs = make_gs(RUNQ_SIZE + 1);
	for (int i = 0; i < RUNQ_SIZE; i++)
		sched_test_push(vm, gs[i]);
	cr_assert_eq(ring_len(vm), RUNQ_SIZE);
	cr_assert_eq(sched_test_global_len(), 0, "a full ring across the wrap does not spill");
	cr_assert_lt(vm->rq_tail, vm->rq_head, "tail wrapped past 2^32");
	/* one more spills, across the wrap too */
	sched_test_push(vm, gs[RUNQ_SIZE]);
	cr_assert_eq(sched_test_global_len(), RUNQ_SIZE / 2 + 1);
	cr_assert_eq(ring_len(vm), RUNQ_SIZE / 2);
	cr_assert_eq(take_run(vm, RUNQ_SIZE / 2, "ring after wrap"), RUNQ_SIZE / 2);
	for (int i = 0; i < RUNQ_SIZE / 2; i++) {
		G *g = sched_test_global_take();
		cr_assert_eq(g, gs[i], "global #%d", i);
	}
	cr_assert_eq(sched_test_global_take(), gs[RUNQ_SIZE], "the new goroutine spills last");
	cr_assert_null(sched_test_global_take());
}

/* One past full: the older half of the ring and the new goroutine move to
 * the global queue (in that order); the newer half stays. */
STEST(runq_spill_half_plus_new)
{
	VM *vm = new_vm();
	enum { N = 300 };
	G **gs = make_gs(N);
	for (int i = 0; i < N; i++)
		sched_test_push(vm, gs[i]);
	cr_assert_eq(sched_test_global_len(), RUNQ_SIZE / 2 + 1, "half the ring plus the new one spilled");
	cr_assert_eq(ring_len(vm), N - (RUNQ_SIZE / 2 + 1));
	/* global: 0..127, then 256 */
	for (int i = 0; i < RUNQ_SIZE / 2; i++) {
		G *g = sched_test_global_take();
		cr_assert_eq(g, gs[i], "global #%d is %lld", i, g ? (long long)g->id : -1LL);
	}
	G *g = sched_test_global_take();
	cr_assert_eq(g, gs[RUNQ_SIZE], "then the goroutine whose push spilled (%lld)", g ? (long long)g->id : -1LL);
	cr_assert_null(sched_test_global_take());
	/* ring: 128..255, then 257..299 */
	for (int i = RUNQ_SIZE / 2; i < N; i++) {
		if (i == RUNQ_SIZE)
			continue;
		g = sched_test_take(vm);
		cr_assert_eq(g, gs[i], "ring gives %lld, expected %d", g ? (long long)g->id : -1LL, i);
	}
	cr_assert_null(sched_test_take(vm));
}

/* Many spills: every goroutine comes back exactly once, across the ring
 * and the global queue, each in its order. */
STEST(runq_many_spills_lose_nothing)
{
	VM *vm = new_vm();
	enum { N = 5000 };
	G **gs = make_gs(N);
	int *seen = GC_MALLOC_ATOMIC(sizeof *seen * N);
	memset(seen, 0, sizeof *seen * N);
	for (int i = 0; i < N; i++) {
		sched_test_push(vm, gs[i]);
		cr_assert_leq(ring_len(vm), RUNQ_SIZE);
	}
	cr_assert_gt(sched_test_global_len(), 0);
	int64_t glen = sched_test_global_len();
	int64_t last = -1;
	int in_ring = 0;
	G *g;
	while ((g = sched_test_take(vm))) {
		cr_assert_gt(g->id, last, "the ring keeps push order");
		last = g->id;
		seen[g->id]++;
		in_ring++;
	}
	int in_global = drain_global(seen, N);
	cr_assert_eq(in_global, glen);
	cr_assert_eq(in_ring + in_global, N);
	assert_each_once(seen, N);
}

/* ---- stealing, one thread ------------------------------------------------------------ */

STEST(steal_from_empty_victim)
{
	VM *thief = new_vm(), *victim = new_vm();
	cr_assert_null(sched_test_steal(thief, victim));
	cr_assert_eq(ring_len(thief), 0);
	cr_assert_eq(ring_len(victim), 0);
	/* emptied after use, with indices away from 0 */
	G **gs = make_gs(3);
	for (int i = 0; i < 3; i++)
		sched_test_push(victim, gs[i]);
	cr_assert_eq(take_run(victim, 0, "victim"), 3);
	cr_assert_null(sched_test_steal(thief, victim));
	cr_assert_eq(ring_len(thief), 0);
	cr_assert_eq(sched_test_global_len(), 0);
}

/* For every size k the victim can hold: the thief gets ceil(k/2), the
 * oldest ones; the last of them is returned, the others are in the thief's
 * ring in order; the victim keeps the rest in order. */
STEST(steal_takes_half_rounded_up)
{
	VM *thief = new_vm(), *victim = new_vm();
	for (int k = 1; k <= RUNQ_SIZE; k++) {
		memset(thief, 0, sizeof *thief);
		memset(victim, 0, sizeof *victim);
		/* start the victim's indices at an offset that varies with k */
		victim->rq_head = victim->rq_tail = (uint32_t)k * 37u;
		G **gs = make_gs(k);
		for (int i = 0; i < k; i++)
			sched_test_push(victim, gs[i]);
		int n = k - k / 2;
		G *g = sched_test_steal(thief, victim);
		cr_assert_not_null(g, "k=%d: nothing stolen", k);
		cr_assert_eq(g, gs[n - 1], "k=%d: steal returned %lld, expected %d", k, (long long)g->id, n - 1);
		cr_assert_eq(ring_len(thief), (uint32_t)(n - 1), "k=%d: thief holds %u", k, ring_len(thief));
		cr_assert_eq(ring_len(victim), (uint32_t)(k - n), "k=%d: victim keeps %u", k, ring_len(victim));
		cr_assert_eq(take_run(thief, 0, "thief"), n - 1);
		cr_assert_eq(take_run(victim, n, "victim"), k - n);
		cr_assert_eq(sched_test_global_len(), 0, "k=%d: a steal spills nothing", k);
	}
}

/* Stealing again and again empties the victim; every goroutine is seen
 * once, whether returned by the steal or found in the thief's ring. */
STEST(steal_repeatedly_until_empty)
{
	VM *thief = new_vm(), *victim = new_vm();
	enum { K = 200 };
	G **gs = make_gs(K);
	int seen[K] = {0};
	/* the victim's ring is not at its start: some were taken already */
	G **pre = make_gs(17);
	for (int i = 0; i < 17; i++)
		sched_test_push(victim, pre[i]);
	cr_assert_eq(take_run(victim, 0, "pre"), 17);
	for (int i = 0; i < K; i++)
		sched_test_push(victim, gs[i]);
	int steals = 0;
	uint32_t left = K;
	G *g;
	while ((g = sched_test_steal(thief, victim))) {
		uint32_t n = left - left / 2;
		steals++;
		cr_assert_eq(ring_len(victim), left - n, "steal #%d leaves %u", steals, ring_len(victim));
		left -= n;
		seen[g->id]++;
		G *h;
		while ((h = sched_test_take(thief)))
			seen[h->id]++;
	}
	cr_assert_eq(left, 0);
	cr_assert_eq(ring_len(victim), 0);
	/* 200 -> 100 -> 50 -> 25 -> 12 -> 6 -> 3 -> 1 -> 0 */
	cr_assert_eq(steals, 8);
	assert_each_once(seen, K);
}

/* ---- stealing under contention ----------------------------------------------------- */

/*
 * An owner thread pushes to and takes from its ring (it alone: single
 * producer), thieves steal from it into their own rings and drain those,
 * and take from the global queue now and then. Every goroutine carries a
 * distinct id; each must be taken exactly once.
 *
 * A perturber thread sends the owner a signal every few microseconds; if
 * the owner's ring is full then (it is about to spill, or deciding to), the
 * handler holds it until the thieves have emptied the ring. On a machine
 * with few CPUs this is what lets thieves act inside the owner's short
 * windows at all. It changes only the interleaving, never what must come
 * out.
 */
enum { C_TOTAL = 1000000, C_THIEVES = 3, SP_POOL = 4096, SP_ROUNDS = 2000 };

typedef struct Contention {
	VM *owner;
	VM *thieves[C_THIEVES];
	int64_t nids;               /* ids are 0 .. nids-1 */
	int *taken;                 /* per id: times taken (atomic) */
	int done;                   /* atomic: the owner has finished */
	int64_t bad;                /* atomic: goroutines with an id out of range */
	int64_t by_owner, by_steal, by_global;
	int64_t steals;
	int64_t pauses;             /* the owner held by ct_pause */
	int64_t pauses_done;        /* ... until thieves emptied its ring */
	/* the owner saw its ring hold more than RUNQ_SIZE after a push: the
	 * head passed the tail (a spill moved more than the ring held) */
	int64_t corrupt_at;         /* the push's goroutine id, -1 none */
	uint32_t corrupt_len;
	/* spill rounds: a round whose goroutines did not all come back, or
	 * came back twice */
	int lost_round;             /* -1 none */
	int64_t lost_count;
	int wrong_round;            /* -1 none */
	int64_t wrong_id;
	int wrong_count;
} Contention;

static Contention CT = {.corrupt_at = -1, .lost_round = -1, .wrong_round = -1};

static void ct_count(G *g, int64_t *counter)
{
	int64_t id = g->id;
	if (id < 0 || id >= CT.nids) {
		__atomic_add_fetch(&CT.bad, 1, __ATOMIC_RELAXED);
		return;
	}
	__atomic_add_fetch(&CT.taken[id], 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(counter, 1, __ATOMIC_RELEASE);
}

static int64_t ct_total(void)
{
	return __atomic_load_n(&CT.by_owner, __ATOMIC_ACQUIRE) + __atomic_load_n(&CT.by_steal, __ATOMIC_ACQUIRE) +
	       __atomic_load_n(&CT.by_global, __ATOMIC_ACQUIRE);
}

/* No Criterion assertion off the test's thread. */
static G *ct_new_g(int64_t id)
{
	G *g = GC_MALLOC(sizeof *g);
	if (!g)
		abort();
	g->id = id;
	return g;
}

static uint64_t ct_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* After the owner pushed goroutine id: thieves only move the head
 * forward, towards the tail, so the ring never holds more than
 * RUNQ_SIZE. False (and the owner must stop) if it does. */
static bool ct_ring_sane(int64_t id)
{
	uint32_t len = ring_len(CT.owner);
	if (len <= RUNQ_SIZE)
		return true;
	CT.corrupt_at = id;
	CT.corrupt_len = len;
	/* the ring is lost: empty it, so that thieves looking at a "ring"
	 * of ~2^32 (which they wait to see settle) can leave */
	__atomic_store_n(&CT.owner->rq_head, __atomic_load_n(&CT.owner->rq_tail, __ATOMIC_RELAXED), __ATOMIC_RELEASE);
	__atomic_store_n(&CT.done, 1, __ATOMIC_RELEASE);
	return false;
}

static void ct_pause(int sig)
{
	(void)sig;
	if (ring_len(CT.owner) < RUNQ_SIZE)
		return;
	__atomic_add_fetch(&CT.pauses, 1, __ATOMIC_RELAXED);
	for (int i = 0; i < 1000 && ring_len(CT.owner) != 0; i++)
		sched_yield();
	if (ring_len(CT.owner) == 0)
		__atomic_add_fetch(&CT.pauses_done, 1, __ATOMIC_RELAXED);
}

static void *ct_perturber(void *arg)
{
	pthread_t owner = *(pthread_t *)arg;
	while (!__atomic_load_n(&CT.done, __ATOMIC_ACQUIRE)) {
		pthread_kill(owner, SIGUSR2);
		/* a few microseconds, then again (a sleep would be much longer) */
		int64_t until = sched_now() + 2000;
		while (sched_now() < until)
			__builtin_ia32_pause();
	}
	return NULL;
}

static void *ct_thief(void *arg)
{
	VM *me = arg;
	uint64_t s = 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)arg;
	for (;;) {
		bool done = __atomic_load_n(&CT.done, __ATOMIC_ACQUIRE);
		G *g = sched_test_steal(me, CT.owner);
		if (g) {
			__atomic_add_fetch(&CT.steals, 1, __ATOMIC_RELEASE);
			ct_count(g, &CT.by_steal);
			/* a thief's ring is its own: it drains it before it
			 * steals again (steal wants an empty thief) */
			while ((g = sched_test_take(me)))
				ct_count(g, &CT.by_steal);
			continue;
		}
		if (ct_rand(&s) % 4 == 0 && (g = sched_test_global_take())) {
			ct_count(g, &CT.by_global);
			continue;
		}
		if (done)
			break; /* the owner's ring was empty after it finished */
		sched_yield();
	}
	return NULL;
}

/* C_TOTAL distinct goroutines, made as they are pushed: referenced only
 * from the rings, the global queue and the threads' stacks, where the
 * collector must see them. */
static void *ct_owner(void *arg)
{
	(void)arg;
	uint64_t s = 0x2545f4914f6cdd1dull;
	int64_t next = 0;
	/* first a batch left alone until a thief has taken from it, so
	 * that stealing certainly overlaps with the owner's work */
	for (; next < 200; next++)
		sched_test_push(CT.owner, ct_new_g(next));
	while (__atomic_load_n(&CT.steals, __ATOMIC_ACQUIRE) == 0)
		sched_yield();
	while (next < C_TOTAL) {
		/* bursts of up to 400: some overflow the ring and spill */
		int burst = 1 + (int)(ct_rand(&s) % 400);
		if (burst > C_TOTAL - next)
			burst = (int)(C_TOTAL - next);
		/* made first, so that the pushes follow each other closely
		 * (this array on the owner's stack is one more place the
		 * collector must see them) */
		G *fresh[400];
		for (int k = 0; k < burst; k++)
			fresh[k] = ct_new_g(next + k);
		for (int k = 0; k < burst; k++, next++) {
			sched_test_push(CT.owner, fresh[k]);
			fresh[k] = NULL;
			if (!ct_ring_sane(next))
				return NULL;
		}
		int takes = (int)(ct_rand(&s) % (uint64_t)(burst + 1));
		for (int k = 0; k < takes; k++) {
			G *g = sched_test_take(CT.owner);
			if (!g)
				break;
			ct_count(g, &CT.by_owner);
		}
	}
	G *g;
	while ((g = sched_test_take(CT.owner)))
		ct_count(g, &CT.by_owner);
	__atomic_store_n(&CT.done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* SP_ROUNDS rounds over one pool of SP_POOL goroutines: all pushed in a
 * row (the ring fills and spills again and again while thieves steal),
 * then everything collected back before the next round. */
static void *ct_spill_owner(void *arg)
{
	(void)arg;
	G **pool = GC_MALLOC(sizeof *pool * SP_POOL);
	if (!pool)
		abort();
	for (int k = 0; k < SP_POOL; k++)
		pool[k] = ct_new_g(k);
	for (int round = 0; round < SP_ROUNDS; round++) {
		for (int k = 0; k < SP_POOL; k++) {
			sched_test_push(CT.owner, pool[k]);
			if (!ct_ring_sane(k))
				return NULL;
		}
		G *g;
		while ((g = sched_test_take(CT.owner)))
			ct_count(g, &CT.by_owner);
		/* the rest is with the thieves or in the global queue */
		int64_t want = (int64_t)(round + 1) * SP_POOL, seen = ct_total();
		long idle = 0;
		while (seen < want) {
			if ((g = sched_test_global_take()))
				ct_count(g, &CT.by_global);
			else
				sched_yield();
			int64_t now = ct_total();
			idle = now == seen ? idle + 1 : 0;
			seen = now;
			if (idle > 20000000) { /* nothing came back for very long: lost */
				CT.lost_round = round;
				CT.lost_count = want - seen;
				__atomic_store_n(&CT.done, 1, __ATOMIC_RELEASE);
				return NULL;
			}
		}
		for (int k = 0; k < SP_POOL; k++) {
			int c = __atomic_load_n(&CT.taken[k], __ATOMIC_ACQUIRE);
			if (c != round + 1) {
				CT.wrong_round = round;
				CT.wrong_id = k;
				CT.wrong_count = c - round;
				__atomic_store_n(&CT.done, 1, __ATOMIC_RELEASE);
				return NULL;
			}
		}
	}
	__atomic_store_n(&CT.done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* Run owner_fn against C_THIEVES thieves and the perturber; afterwards
 * take what is left in the global queue. */
static void ct_run(void *(*owner_fn)(void *), int64_t nids)
{
	CT.owner = new_vm();
	for (int i = 0; i < C_THIEVES; i++)
		CT.thieves[i] = new_vm();
	CT.nids = nids;
	CT.taken = calloc((size_t)nids, sizeof *CT.taken);
	cr_assert_not_null(CT.taken);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ct_pause;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	cr_assert_eq(sigaction(SIGUSR2, &sa, NULL), 0);
	pthread_t owner, perturber, thieves[C_THIEVES];
	for (int i = 0; i < C_THIEVES; i++)
		cr_assert_eq(pthread_create(&thieves[i], NULL, ct_thief, CT.thieves[i]), 0);
	cr_assert_eq(pthread_create(&owner, NULL, owner_fn, NULL), 0);
	cr_assert_eq(pthread_create(&perturber, NULL, ct_perturber, &owner), 0);
	/* the perturber first: it signals the owner until the owner is done,
	 * so the owner's id must stay valid (unjoined) until it stops */
	cr_assert_eq(pthread_join(perturber, NULL), 0);
	cr_assert_eq(pthread_join(owner, NULL), 0);
	for (int i = 0; i < C_THIEVES; i++)
		cr_assert_eq(pthread_join(thieves[i], NULL), 0);
	cr_log_info("%lld taken by the owner, %lld by %lld steals, %lld from the global queue; "
		    "owner paused %lld times with a full ring (%lld until thieves emptied it)",
		    (long long)CT.by_owner, (long long)CT.by_steal, (long long)CT.steals, (long long)CT.by_global,
		    (long long)CT.pauses, (long long)CT.pauses_done);
	cr_assert_eq(CT.corrupt_at, -1,
		     "after pushing goroutine %lld the owner's ring holds %u: its head passed its tail by %u "
		     "(a spill moved more goroutines than the ring held; stale ones went to the global queue)",
		     (long long)CT.corrupt_at, CT.corrupt_len, (uint32_t)0 - CT.corrupt_len);
	/* what spilled and nobody took yet (bounded: a corrupted list could
	 * otherwise loop) */
	G *g;
	int64_t guard = 0;
	while (guard++ <= nids && (g = sched_test_global_take()))
		ct_count(g, &CT.by_global);
	cr_assert_eq(sched_test_global_len(), 0, "the global queue counts %lld goroutines its list does not hold",
		     (long long)sched_test_global_len());
	cr_assert_eq(ring_len(CT.owner), 0);
	for (int i = 0; i < C_THIEVES; i++)
		cr_assert_eq(ring_len(CT.thieves[i]), 0);
	cr_assert_eq(CT.bad, 0, "%lld goroutines with an id never pushed (a stale or torn slot)", (long long)CT.bad);
}

/* Each id's count must be times; reports the first that is not. */
static void ct_assert_counts(int times)
{
	int64_t missing = 0, dup = 0, first_missing = -1, first_dup = -1;
	for (int64_t i = 0; i < CT.nids; i++) {
		if (CT.taken[i] < times) {
			if (first_missing < 0)
				first_missing = i;
			missing++;
		} else if (CT.taken[i] > times) {
			if (first_dup < 0)
				first_dup = i;
			dup++;
		}
	}
	cr_assert_eq(missing, 0, "%lld goroutines lost (first: %lld)", (long long)missing, (long long)first_missing);
	cr_assert_eq(dup, 0, "%lld goroutines taken too often (first: %lld)", (long long)dup, (long long)first_dup);
	cr_assert_eq(ct_total(), CT.nids * times);
}

STEST(steal_under_contention, .timeout = 300)
{
	ct_run(ct_owner, C_TOTAL);
	ct_assert_counts(1);
	cr_assert_gt(CT.steals, 0);
	free(CT.taken);
}

STEST(steal_while_owner_spills, .timeout = 300)
{
	ct_run(ct_spill_owner, SP_POOL);
	cr_assert_eq(CT.lost_round, -1, "round %d: %lld goroutines never came back", CT.lost_round,
		     (long long)CT.lost_count);
	cr_assert_eq(CT.wrong_round, -1, "round %d: goroutine %lld came back %d times", CT.wrong_round,
		     (long long)CT.wrong_id, CT.wrong_count);
	ct_assert_counts(SP_ROUNDS);
	free(CT.taken);
}

/* ---- gol programs, run in a child ------------------------------------------------------ */

typedef struct RunResult {
	int exited;   /* 1: exited with code; 0: killed by signal sig */
	int code;
	int sig;
	char *out;
	char *err;
} RunResult;

/* The child: compile path (as cli/main.c's front does) and run it on procs
 * workers; never returns. */
static void child_run(const char *path, int procs, int out_fd, int err_fd)
{
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM, SIGTERM, SIGINT};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], SIG_DFL);
	if (dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
		_exit(120);
	close(out_fd);
	close(err_fd);
	/* a hang ends the child (SIGALRM), so the test reports it */
	alarm(120);
	GC_INIT();
	SrcFile src;
	int e = srcfile_read(path, &src);
	if (e) {
		fprintf(stderr, "open %s: %s\n", path, srcfile_strerror(e));
		fflush(NULL);
		_exit(121);
	}
	Diag diag;
	diag_init(&diag, path);
	Node *file = parse_file(&src, &diag);
	Package *pkg = NULL;
	Program *prog = NULL;
	if (!diag_count(&diag))
		pkg = check_program(file, &diag);
	if (!diag_count(&diag) && pkg)
		prog = compile_program(pkg, &diag);
	if (diag_count(&diag) || !prog) {
		diag_print(&diag, stderr);
		fflush(NULL);
		_exit(122);
	}
	vm_gomaxprocs(procs);
	char *argv[] = {(char *)path, NULL};
	/* returns only if no worker thread was started */
	int r = vm_run(prog, 1, argv);
	fflush(NULL);
	_exit(r);
}

static char *slurp_fd(int fd)
{
	size_t cap = 4096, len = 0;
	char *s = malloc(cap);
	cr_assert_not_null(s);
	lseek(fd, 0, SEEK_SET);
	for (;;) {
		if (len + 1 >= cap) {
			cap *= 2;
			s = realloc(s, cap);
			cr_assert_not_null(s);
		}
		ssize_t n = read(fd, s + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		cr_assert_geq(n, 0, "read: %s", strerror(errno));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	s[len] = 0;
	return s;
}

static int temp_file(char *tmpl, int suffix)
{
	int fd = suffix ? mkstemps(tmpl, suffix) : mkstemp(tmpl);
	cr_assert_geq(fd, 0, "mkstemp %s: %s", tmpl, strerror(errno));
	return fd;
}

/* Write text to a temporary .gol file, run it in a child on procs
 * workers, and collect its exit and output. */
static RunResult run_gol(const char *text, int procs)
{
	char src[] = "/tmp/gol-sched-XXXXXX.gol";
	char outp[] = "/tmp/gol-sched-out-XXXXXX";
	char errp[] = "/tmp/gol-sched-err-XXXXXX";
	int sfd = temp_file(src, 4);
	size_t len = strlen(text);
	cr_assert_eq(write(sfd, text, len), (ssize_t)len);
	close(sfd);
	int ofd = temp_file(outp, 0), efd = temp_file(errp, 0);
	fflush(NULL);
	pid_t pid = fork();
	cr_assert_geq(pid, 0, "fork: %s", strerror(errno));
	if (pid == 0)
		child_run(src, procs, ofd, efd);
	int st;
	pid_t w;
	while ((w = waitpid(pid, &st, 0)) < 0 && errno == EINTR)
		;
	cr_assert_eq(w, pid, "waitpid: %s", strerror(errno));
	RunResult r = {0};
	r.exited = WIFEXITED(st);
	r.code = r.exited ? WEXITSTATUS(st) : -1;
	r.sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
	r.out = slurp_fd(ofd);
	r.err = slurp_fd(efd);
	close(ofd);
	close(efd);
	unlink(src);
	unlink(outp);
	unlink(errp);
	return r;
}

static void assert_ran(const RunResult *r, int code, const char *what)
{
	cr_assert(r->exited, "%s: killed by signal %d%s\nstdout:\n%s\nstderr:\n%s", what, r->sig,
		  r->sig == SIGALRM ? " (no end after 120 s: hung)" : "", r->out, r->err);
	cr_assert_eq(r->code, code, "%s: exit status %d, expected %d\nstdout:\n%s\nstderr:\n%s", what, r->code, code,
		     r->out, r->err);
}

/* Run text on procs workers: it must exit 0 and print exactly want, with
 * nothing on stderr. */
static void expect_output(const char *text, int procs, const char *want)
{
	RunResult r = run_gol(text, procs);
	char what[32];
	snprintf(what, sizeof what, "procs=%d", procs);
	assert_ran(&r, 0, what);
	cr_assert_str_eq(r.err, "", "%s: unexpected stderr:\n%s", what, r.err);
	cr_assert_str_eq(r.out, want, "%s: stdout is\n%s\nexpected\n%s", what, r.out, want);
	free(r.out);
	free(r.err);
}

/* 8 senders x 20000 values (1..160000) on one channel, 8 receivers
 * counting, summing and summing squares: exact totals. */
static const char many_senders_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	")\n"
	"\n"
	"type tally struct {\n"
	"\tn, sum, sq int\n"
	"}\n"
	"\n"
	"func main() {\n"
	"\tch := make(chan int%s)\n"
	"\tresults := make(chan tally)\n"
	"\tvar senders sync.WaitGroup\n"
	"\tfor s := 0; s < 8; s++ {\n"
	"\t\tsenders.Add(1)\n"
	"\t\tgo func(s int) {\n"
	"\t\t\tdefer senders.Done()\n"
	"\t\t\tfor i := 1; i <= 20000; i++ {\n"
	"\t\t\t\tch <- s*20000 + i\n"
	"\t\t\t}\n"
	"\t\t}(s)\n"
	"\t}\n"
	"\tfor r := 0; r < 8; r++ {\n"
	"\t\tgo func() {\n"
	"\t\t\tvar t tally\n"
	"\t\t\tfor v := range ch {\n"
	"\t\t\t\tt.n++\n"
	"\t\t\t\tt.sum += v\n"
	"\t\t\t\tt.sq += v * v\n"
	"\t\t\t}\n"
	"\t\t\tresults <- t\n"
	"\t\t}()\n"
	"\t}\n"
	"\tsenders.Wait()\n"
	"\tclose(ch)\n"
	"\tvar all tally\n"
	"\tfor r := 0; r < 8; r++ {\n"
	"\t\tt := <-results\n"
	"\t\tall.n += t.n\n"
	"\t\tall.sum += t.sum\n"
	"\t\tall.sq += t.sq\n"
	"\t}\n"
	"\tfmt.Println(all.n, all.sum, all.sq)\n"
	"}\n";

static char *many_senders_want(void)
{
	int64_t n = 8 * 20000;
	static char buf[128];
	snprintf(buf, sizeof buf, "%lld %lld %lld\n", (long long)n, (long long)(n * (n + 1) / 2),
		 (long long)(n * (n + 1) * (2 * n + 1) / 6));
	return buf;
}

static char *many_senders_prog(const char *cap)
{
	static char buf[sizeof many_senders_src + 16];
	snprintf(buf, sizeof buf, many_senders_src, cap);
	return buf;
}

PTEST(chan_unbuffered_many_senders_receivers)
{
	cr_assert_str_eq(many_senders_want(), "160000 12800080000 1365346133360000\n");
	expect_output(many_senders_prog(""), 4, many_senders_want());
}

PTEST(chan_buffered_many_senders_receivers)
{
	expect_output(many_senders_prog(", 4"), 4, many_senders_want());
}

/* The same on 1 (no worker thread), 2 and 8 workers. */
PTEST(chan_many_senders_other_procs)
{
	int procs[] = {1, 2, 8};
	for (int i = 0; i < 3; i++) {
		expect_output(many_senders_prog(""), procs[i], many_senders_want());
		expect_output(many_senders_prog(", 4"), procs[i], many_senders_want());
	}
}

/* 4 producers on 4 unbuffered channels, 4 consumers selecting over them
 * and a quit channel closed once every value was handed over. */
static const char select_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	")\n"
	"\n"
	"type tally struct {\n"
	"\tper      [4]int\n"
	"\tsum      int\n"
	"\tquitSeen bool\n"
	"}\n"
	"\n"
	"func main() {\n"
	"\ta, b, c, d := make(chan int), make(chan int), make(chan int), make(chan int)\n"
	"\tquit := make(chan struct{})\n"
	"\tresults := make(chan tally)\n"
	"\tvar producers sync.WaitGroup\n"
	"\tproduce := func(ch chan int, base int) {\n"
	"\t\tdefer producers.Done()\n"
	"\t\tfor i := 0; i < 10000; i++ {\n"
	"\t\t\tch <- base + i\n"
	"\t\t}\n"
	"\t}\n"
	"\tproducers.Add(4)\n"
	"\tgo produce(a, 0)\n"
	"\tgo produce(b, 10000)\n"
	"\tgo produce(c, 20000)\n"
	"\tgo produce(d, 30000)\n"
	"\tfor k := 0; k < 4; k++ {\n"
	"\t\tgo func() {\n"
	"\t\t\tvar t tally\n"
	"\t\t\tfor {\n"
	"\t\t\t\tselect {\n"
	"\t\t\t\tcase v := <-a:\n"
	"\t\t\t\t\tt.per[0]++\n"
	"\t\t\t\t\tt.sum += v\n"
	"\t\t\t\tcase v := <-b:\n"
	"\t\t\t\t\tt.per[1]++\n"
	"\t\t\t\t\tt.sum += v\n"
	"\t\t\t\tcase v := <-c:\n"
	"\t\t\t\t\tt.per[2]++\n"
	"\t\t\t\t\tt.sum += v\n"
	"\t\t\t\tcase v := <-d:\n"
	"\t\t\t\t\tt.per[3]++\n"
	"\t\t\t\t\tt.sum += v\n"
	"\t\t\t\tcase <-quit:\n"
	"\t\t\t\t\tt.quitSeen = true\n"
	"\t\t\t\t\tresults <- t\n"
	"\t\t\t\t\treturn\n"
	"\t\t\t\t}\n"
	"\t\t\t}\n"
	"\t\t}()\n"
	"\t}\n"
	"\tproducers.Wait()\n"
	"\tclose(quit)\n"
	"\tvar per [4]int\n"
	"\tsum, quits := 0, 0\n"
	"\tfor k := 0; k < 4; k++ {\n"
	"\t\tt := <-results\n"
	"\t\tfor i := 0; i < 4; i++ {\n"
	"\t\t\tper[i] += t.per[i]\n"
	"\t\t}\n"
	"\t\tsum += t.sum\n"
	"\t\tif t.quitSeen {\n"
	"\t\t\tquits++\n"
	"\t\t}\n"
	"\t}\n"
	"\tfmt.Println(per[0]+per[1]+per[2]+per[3], per, sum, quits)\n"
	"}\n";

PTEST(select_four_producers_and_quit)
{
	expect_output(select_src, 4, "40000 [10000 10000 10000 10000] 799980000 4\n");
}

/* 1000 goroutines parked in a receive; one close wakes them all, each
 * with the zero value and ok == false. */
static const char close_wakes_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	"\t\"time\"\n"
	")\n"
	"\n"
	"func main() {\n"
	"\tch := make(chan int)\n"
	"\tvar started, finished sync.WaitGroup\n"
	"\tvar mu sync.Mutex\n"
	"\tclosedSeen, values := 0, 0\n"
	"\tfor i := 0; i < 1000; i++ {\n"
	"\t\tstarted.Add(1)\n"
	"\t\tfinished.Add(1)\n"
	"\t\tgo func() {\n"
	"\t\t\tdefer finished.Done()\n"
	"\t\t\tstarted.Done()\n"
	"\t\t\tv, ok := <-ch\n"
	"\t\t\tmu.Lock()\n"
	"\t\t\tif !ok && v == 0 {\n"
	"\t\t\t\tclosedSeen++\n"
	"\t\t\t} else {\n"
	"\t\t\t\tvalues++\n"
	"\t\t\t}\n"
	"\t\t\tmu.Unlock()\n"
	"\t\t}()\n"
	"\t}\n"
	"\tstarted.Wait()\n"
	"\t// let them reach the receive and park there\n"
	"\ttime.Sleep(20 * time.Millisecond)\n"
	"\tclose(ch)\n"
	"\tfinished.Wait()\n"
	"\tfmt.Println(closedSeen, values)\n"
	"}\n";

PTEST(close_wakes_1000_receivers)
{
	expect_output(close_wakes_src, 4, "1000 0\n");
}

static const char mutex_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	")\n"
	"\n"
	"func main() {\n"
	"\tvar mu sync.Mutex\n"
	"\tvar wg sync.WaitGroup\n"
	"\tcounter := 0\n"
	"\tfor g := 0; g < 8; g++ {\n"
	"\t\twg.Add(1)\n"
	"\t\tgo func() {\n"
	"\t\t\tdefer wg.Done()\n"
	"\t\t\tfor i := 0; i < 10000; i++ {\n"
	"\t\t\t\tmu.Lock()\n"
	"\t\t\t\tcounter++\n"
	"\t\t\t\tmu.Unlock()\n"
	"\t\t\t}\n"
	"\t\t}()\n"
	"\t}\n"
	"\twg.Wait()\n"
	"\tfmt.Println(counter)\n"
	"}\n";

PTEST(mutex_counter_8x10000)
{
	expect_output(mutex_src, 4, "80000\n");
}

/* Workers writing their slots, several goroutines besides main waiting on
 * one WaitGroup, then the WaitGroup reused for three more rounds. */
static const char waitgroup_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	")\n"
	"\n"
	"func main() {\n"
	"\tvar wg sync.WaitGroup\n"
	"\tsquares := make([]int, 200)\n"
	"\tfor i := 0; i < 200; i++ {\n"
	"\t\twg.Add(1)\n"
	"\t\tgo func(i int) {\n"
	"\t\t\tdefer wg.Done()\n"
	"\t\t\tsquares[i] = i * i\n"
	"\t\t}(i)\n"
	"\t}\n"
	"\tsums := make(chan int)\n"
	"\tfor w := 0; w < 4; w++ {\n"
	"\t\tgo func() {\n"
	"\t\t\twg.Wait()\n"
	"\t\t\ts := 0\n"
	"\t\t\tfor _, v := range squares {\n"
	"\t\t\t\ts += v\n"
	"\t\t\t}\n"
	"\t\t\tsums <- s\n"
	"\t\t}()\n"
	"\t}\n"
	"\twg.Wait()\n"
	"\ttotal := 0\n"
	"\tfor _, v := range squares {\n"
	"\t\ttotal += v\n"
	"\t}\n"
	"\tfmt.Println(total, <-sums, <-sums, <-sums, <-sums)\n"
	"\tfor round := 0; round < 3; round++ {\n"
	"\t\tn := 0\n"
	"\t\tvar mu sync.Mutex\n"
	"\t\tfor i := 0; i < 50; i++ {\n"
	"\t\t\twg.Add(1)\n"
	"\t\t\tgo func() {\n"
	"\t\t\t\tdefer wg.Done()\n"
	"\t\t\t\tmu.Lock()\n"
	"\t\t\t\tn++\n"
	"\t\t\t\tmu.Unlock()\n"
	"\t\t\t}()\n"
	"\t\t}\n"
	"\t\twg.Wait()\n"
	"\t\tfmt.Println(\"round\", round, n)\n"
	"\t}\n"
	"}\n";

PTEST(waitgroup_many_waiters_and_reuse)
{
	/* sum of i*i for i < 200 = 199*200*399/6 */
	expect_output(waitgroup_src, 4,
		      "2646700 2646700 2646700 2646700 2646700\n"
		      "round 0 50\n"
		      "round 1 50\n"
		      "round 2 50\n");
}

/* Timers on worker threads (a go statement first starts them). */
static const char timers_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"time\"\n"
	")\n"
	"\n"
	"func main() {\n"
	"\tstarted := make(chan bool)\n"
	"\tgo func() { started <- true }()\n"
	"\t<-started\n"
	"\n"
	"\tselect {\n"
	"\tcase <-time.After(5 * time.Millisecond):\n"
	"\t\tfmt.Println(\"after fired\")\n"
	"\t}\n"
	"\n"
	"\tt := time.NewTimer(20 * time.Millisecond)\n"
	"\tfmt.Println(\"stop before firing:\", t.Stop())\n"
	"\ttime.Sleep(60 * time.Millisecond)\n"
	"\tselect {\n"
	"\tcase <-t.C:\n"
	"\t\tfmt.Println(\"stopped timer fired\")\n"
	"\tdefault:\n"
	"\t\tfmt.Println(\"stopped timer silent\")\n"
	"\t}\n"
	"\tt2 := time.NewTimer(time.Millisecond)\n"
	"\t<-t2.C\n"
	"\tfmt.Println(\"stop after firing:\", t2.Stop())\n"
	"\n"
	"\tdone := make(chan int)\n"
	"\ttime.AfterFunc(5*time.Millisecond, func() { done <- 42 })\n"
	"\tfmt.Println(\"afterfunc:\", <-done)\n"
	"\n"
	"\ttk := time.NewTicker(2 * time.Millisecond)\n"
	"\tticks := 0\n"
	"\tfor ticks < 3 {\n"
	"\t\t<-tk.C\n"
	"\t\tticks++\n"
	"\t}\n"
	"\ttk.Stop()\n"
	"\tselect {\n"
	"\tcase <-tk.C:\n"
	"\tdefault:\n"
	"\t}\n"
	"\ttime.Sleep(20 * time.Millisecond)\n"
	"\tselect {\n"
	"\tcase <-tk.C:\n"
	"\t\tfmt.Println(\"ticker ticked after Stop\")\n"
	"\tdefault:\n"
	"\t\tfmt.Println(\"ticks:\", ticks, \"then silent\")\n"
	"\t}\n"
	"}\n";

PTEST(timers_after_stop_afterfunc_ticker)
{
	expect_output(timers_src, 4,
		      "after fired\n"
		      "stop before firing: true\n"
		      "stopped timer silent\n"
		      "stop after firing: false\n"
		      "afterfunc: 42\n"
		      "ticks: 3 then silent\n");
}

/* Main waits on a sleeper first (not a deadlock: a timer is pending), then
 * a stopped timer must not hide the real deadlock that follows. */
static const char deadlock_src[] =
	"package main\n"
	"\n"
	"import (\n"
	"\t\"fmt\"\n"
	"\t\"sync\"\n"
	"\t\"time\"\n"
	")\n"
	"\n"
	"func main() {\n"
	"\tch := make(chan int)\n"
	"\tgo func() {\n"
	"\t\ttime.Sleep(10 * time.Millisecond)\n"
	"\t\tch <- 1\n"
	"\t}()\n"
	"\tfmt.Println(\"got\", <-ch)\n"
	"\tt := time.NewTimer(time.Hour)\n"
	"\tt.Stop()\n"
	"\tvar wg sync.WaitGroup\n"
	"\tfor i := 0; i < 8; i++ {\n"
	"\t\twg.Add(1)\n"
	"\t\tgo func() {\n"
	"\t\t\tdefer wg.Done()\n"
	"\t\t\t<-ch\n"
	"\t\t}()\n"
	"\t}\n"
	"\tfmt.Println(\"waiting\")\n"
	"\twg.Wait()\n"
	"\tfmt.Println(\"unreachable\")\n"
	"}\n";

static int count_occurrences(const char *s, const char *sub)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, sub)); p += strlen(sub))
		n++;
	return n;
}

PTEST(deadlock_with_4_workers)
{
	RunResult r = run_gol(deadlock_src, 4);
	assert_ran(&r, 2, "deadlock");
	cr_assert_str_eq(r.out, "got 1\nwaiting\n");
	const char *head = "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [";
	cr_assert(!strncmp(r.err, head, strlen(head)), "stderr is\n%s", r.err);
	cr_assert_eq(count_occurrences(r.err, "fatal error:"), 1, "one report:\n%s", r.err);
	cr_assert_eq(count_occurrences(r.err, " [chan receive]:\n"), 8, "every receiver listed:\n%s", r.err);
	free(r.out);
	free(r.err);
}
