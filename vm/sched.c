/*
 * sched.c — goroutines and the M:N scheduler.
 *
 * A goroutine is a G: a register stack that starts small and grows, its
 * frames, its panic state. Goroutines run on workers (VM): OS threads, as
 * many as GOMAXPROCS. Worker 0 runs main (on a thread of its own with a
 * worker's C stack, while the process's main thread waits; a REPL session
 * runs it on the main thread); the others start when the program first
 * says `go` (never for -race runs and REPL sessions, which use one).
 *
 * A goroutine runs until it blocks (a channel, a lock, a sleep),
 * finishes, or spends its time slice (a budget counted at loop back-edges
 * and calls, and checked against other work waiting).
 *
 * Where a runnable goroutine waits:
 *  - runnext, one slot per worker: a goroutine the running one made ready
 *    (the receiver of its send, the child of its go statement) runs next
 *    on the same worker and inherits the time slice, so a ping-pong pair
 *    stays on one worker and never waits behind the queue. A thief takes
 *    it only when the owner has not scheduled for 20 microseconds (the
 *    owner is busy in a long slice), so the pair is not split.
 *  - the worker's run queue, a ring of RUNQ_SIZE: its owner pushes at the
 *    tail and pops at the head; a thief takes half from the head. Indices
 *    are atomic and only ever grow, so a thief's compare-and-swap on the
 *    head fails if the owner or another thief got there first. A full
 *    ring spills half of itself to the global queue.
 *  - the global queue, under the scheduler's lock: spills, goroutines
 *    whose time slice ended (behind what they started), goroutines of a
 *    worker that GOMAXPROCS turned off. Every 61st slice a worker looks
 *    there first, so nothing in it starves.
 *
 * Work-sharing and stealing: queuing work a thief could take wakes one idle
 * worker, unless one is already looking for work (spinning), so a burst of
 * go statements does not wake a herd. A worker with nothing to run fires
 * due timers, takes from the global queue, then steals half of a victim's
 * ring (victims visited from a random start); it keeps looking for a few
 * tens of microseconds (spinning) and then sleeps on its own condition
 * variable until woken or until the next timer is due. A program blocked
 * in time.Sleep costs no CPU.
 *
 * Parking without lost wake-ups: a goroutine that must wait puts itself on
 * a wait queue (a channel's, a Mutex's, the sleepers) under that queue's
 * lock and is marked G_PARKING before the lock is released; its worker
 * then leaves the interpreter and saves its registers. A waker on another
 * worker may come in between: it finds G_PARKING, changes it to G_WAKING and
 * leaves the queuing to the parking worker, which does it once the state
 * is saved (sched_after_slice). So a goroutine never runs on two workers
 * and never resumes from half-saved registers.
 *
 * Deadlock: every started worker idle, no goroutine queued anywhere, no
 * sleeper and no timer pending. No worker is running then, so no wake-up
 * can come: Go's "all goroutines are asleep".
 *
 * Lock order: a channel's lock or the sync natives' lock, then the
 * scheduler's. The scheduler's lock is never held while taking another, so
 * due timers are collected under it and fired after it is released.
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include "vm_int.h"
#include "race.h"
#include "rt.h"

#include <gc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
#include <sched.h>

#define MAX_PROCS 256

static void recompute_due_locked(void);
static void wakep(void);

int64_t sched_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

typedef struct Timer Timer;

/* A goroutine in time.Sleep and when it wakes (kept here, not in every G). */
typedef struct Sleeper {
	G *g;
	int64_t when;
} Sleeper;

/* What the workers share. Fields under `lock` unless marked atomic. */
static struct {
	pthread_mutex_t lock;
	G *gq_head, *gq_tail;
	int64_t gq_len;            /* atomic reads outside the lock */
	int64_t live;              /* atomic: goroutines not yet finished */
	int64_t next_id;           /* atomic */
	Sleeper *sleepers;         /* goroutines in time.Sleep */
	int nsleepers, capsleepers;
	Timer *timers;             /* pending timers, unordered */
	int64_t next_due;          /* atomic: first sleeper or timer, INT64_MAX none */
	VM *workers[MAX_PROCS];
	int nworkers;              /* atomic: workers that exist (0 runs main) */
	int procs;                 /* atomic: GOMAXPROCS */
	int nidle;                 /* atomic: workers waiting for work */
	int nspinning;             /* atomic: woken workers still looking for work */
	VM *idle;                  /* idle workers that wakep may wake */
	pthread_mutex_t die;       /* held by the worker printing a fatal report */
} S = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.die = PTHREAD_MUTEX_INITIALIZER,
	.next_due = INT64_MAX,
};

bool sched_threaded;

static inline int64_t aload(int64_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static inline int iload(int *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }

/* ---- goroutines --------------------------------------------------------------- */

G *sched_new_g(VM *vm, size_t stack_cap)
{
	/* one block: the G, its first frame inside it, and its first stack
	 * after it; both move out when they grow (a parked goroutine should
	 * cost little, and starting one should allocate once) */
	G *g = GC_MALLOC(sizeof *g + sizeof(Value) * stack_cap);
	g->id = __atomic_add_fetch(&S.next_id, 1, __ATOMIC_RELAXED);
	g->status = G_RUNNABLE;
	g->stack = (Value *)(g + 1);
	g->stack_cap = stack_cap;
	g->capframes = 1;
	g->frames = &g->frame0;
	__atomic_add_fetch(&S.live, 1, __ATOMIC_RELAXED);
	/* listed by the worker that starts it, which alone changes its list:
	 * a finished goroutine is only marked dead, and dropped from the list
	 * when the list is full (so starting one takes no lock) */
	if (vm->ngs == vm->capgs) {
		int n = 0;
		for (int i = 0; i < vm->ngs; i++)
			if (g_status(vm->gs[i]) != G_DEAD)
				vm->gs[n++] = vm->gs[i];
		for (int i = n; i < vm->ngs; i++)
			vm->gs[i] = NULL;
		vm->ngs = n;
		if (n >= vm->capgs / 2) {
			int cap = vm->capgs ? vm->capgs * 2 : 64;
			G **v = gc_resized(vm->gs, (size_t)n, (size_t)cap, sizeof *v, false);
			__atomic_store_n(&vm->gs, v, __ATOMIC_RELEASE);
			vm->capgs = cap;
		}
	}
	vm->gs[vm->ngs] = g;
	__atomic_store_n(&vm->ngs, vm->ngs + 1, __ATOMIC_RELEASE);
	return g;
}

void sched_go(VM *vm, G *g, GolClosure *cl, Proto *p)
{
	Frame *nf = &g->frames[0];
	memset(nf, 0, sizeof *nf);
	nf->cl = cl;
	nf->p = p;
	nf->pc = p->code;
	nf->base = 1;
	nf->ret_reg = -1;
	g->nframes = 1;
	if (!sched_is_threaded())
		sched_start_workers(vm);
	sched_put(vm, g, true);
	if (sched_is_threaded())
		wakep(); /* a new goroutine: an idle worker may take it */
}

/* REPL sessions number their inputs' goroutine 1 and the others from 2. */
void sched_set_next_id(int64_t id)
{
	__atomic_store_n(&S.next_id, id, __ATOMIC_RELAXED);
}

static int by_id(const void *a, const void *b)
{
	int64_t x = (*(G *const *)a)->id, y = (*(G *const *)b)->id;
	return x < y ? -1 : x > y;
}

int sched_all(G ***all)
{
	/* read when no worker runs (a deadlock) or in a session (one worker) */
	int total = 0, nw = iload(&S.nworkers);
	for (int w = 0; w < nw; w++)
		total += S.workers[w] ? S.workers[w]->ngs : 0;
	G **v = GC_MALLOC(sizeof *v * (size_t)(total + 1));
	int n = 0;
	for (int w = 0; w < nw; w++) {
		VM *vm = S.workers[w];
		for (int i = 0; vm && i < vm->ngs; i++)
			if (g_status(vm->gs[i]) != G_DEAD)
				v[n++] = vm->gs[i];
	}
	/* in the order they were started, as Go lists them */
	qsort(v, (size_t)n, sizeof *v, by_id);
	*all = v;
	return n;
}

void sched_save(VM *vm)
{
	G *g = vm->cur;
	if (!g)
		return;
	g->stack = vm->stack;
	g->stack_cap = vm->stack_cap;
	g->frames = vm->frames;
	g->nframes = vm->nframes;
	g->capframes = vm->capframes;
	g->panic = vm->panic;
	g->unwinding = vm->unwinding;
}

void sched_load(VM *vm, G *g)
{
	vm->cur = g;
	vm->stack = g->stack;
	vm->stack_cap = g->stack_cap;
	vm->frames = g->frames;
	vm->nframes = g->nframes;
	vm->capframes = g->capframes;
	vm->panic = g->panic;
	vm->unwinding = g->unwinding;
	g_set_status(g, G_RUNNING);
}

/* ---- run queues ------------------------------------------------------------- */


/* The global queue; caller holds S.lock. */
static void gq_put_locked(G *g)
{
	g->next = NULL;
	if (S.gq_tail)
		S.gq_tail->next = g;
	else
		S.gq_head = g;
	S.gq_tail = g;
	__atomic_store_n(&S.gq_len, S.gq_len + 1, __ATOMIC_RELEASE);
}

static G *gq_get_locked(void)
{
	G *g = S.gq_head;
	if (!g)
		return NULL;
	S.gq_head = g->next;
	if (!S.gq_head)
		S.gq_tail = NULL;
	g->next = NULL;
	__atomic_store_n(&S.gq_len, S.gq_len - 1, __ATOMIC_RELEASE);
	return g;
}

static G *gq_get(void)
{
	if (!aload(&S.gq_len))
		return NULL;
	pthread_mutex_lock(&S.lock);
	G *g = gq_get_locked();
	pthread_mutex_unlock(&S.lock);
	return g;
}

/* The ring was full with head h: move that half of it and g to the global
 * queue. False if a thief took from the ring meanwhile (the head moved):
 * the caller tries the push again, since there is room now. The head must
 * be the one seen full: read afresh, it could be past what the ring holds. */
static bool runq_spill(VM *vm, G *g, uint32_t h)
{
	G *batch[RUNQ_SIZE / 2 + 1];
	uint32_t n = RUNQ_SIZE / 2;
	for (uint32_t i = 0; i < n; i++)
		batch[i] = __atomic_load_n(&vm->rq[(h + i) % RUNQ_SIZE], __ATOMIC_RELAXED);
	if (!__atomic_compare_exchange_n(&vm->rq_head, &h, h + n, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		return false;
	batch[n++] = g;
	pthread_mutex_lock(&S.lock);
	for (uint32_t i = 0; i < n; i++)
		gq_put_locked(batch[i]);
	pthread_mutex_unlock(&S.lock);
	return true;
}

static void runq_push(VM *vm, G *g)
{
	for (;;) {
		uint32_t h = __atomic_load_n(&vm->rq_head, __ATOMIC_ACQUIRE);
		uint32_t t = __atomic_load_n(&vm->rq_tail, __ATOMIC_RELAXED);
		if (t - h < RUNQ_SIZE) {
			__atomic_store_n(&vm->rq[t % RUNQ_SIZE], g, __ATOMIC_RELAXED);
			__atomic_store_n(&vm->rq_tail, t + 1, __ATOMIC_RELEASE);
			return;
		}
		if (runq_spill(vm, g, h))
			return;
	}
}

static G *runq_take(VM *vm)
{
	for (;;) {
		uint32_t h = __atomic_load_n(&vm->rq_head, __ATOMIC_ACQUIRE);
		uint32_t t = __atomic_load_n(&vm->rq_tail, __ATOMIC_RELAXED);
		if (t == h)
			return NULL;
		G *g = __atomic_load_n(&vm->rq[h % RUNQ_SIZE], __ATOMIC_RELAXED);
		if (__atomic_compare_exchange_n(&vm->rq_head, &h, h + 1, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
			return g;
	}
}

static bool runq_empty(VM *vm)
{
	return __atomic_load_n(&vm->rq_tail, __ATOMIC_ACQUIRE) == __atomic_load_n(&vm->rq_head, __ATOMIC_ACQUIRE);
}

/* Take half of victim's ring into thief's (which is empty); returns one
 * of them to run, or NULL. */
static G *runq_steal(VM *thief, VM *victim)
{
	G *batch[RUNQ_SIZE / 2];
	uint32_t n;
	for (;;) {
		uint32_t h = __atomic_load_n(&victim->rq_head, __ATOMIC_ACQUIRE);
		uint32_t t = __atomic_load_n(&victim->rq_tail, __ATOMIC_ACQUIRE);
		n = t - h;
		n -= n / 2;
		if (n == 0)
			return NULL;
		if (n > RUNQ_SIZE / 2)
			continue; /* read between the owner's moves: look again */
		for (uint32_t i = 0; i < n; i++)
			batch[i] = __atomic_load_n(&victim->rq[(h + i) % RUNQ_SIZE], __ATOMIC_RELAXED);
		if (__atomic_compare_exchange_n(&victim->rq_head, &h, h + n, false, __ATOMIC_RELEASE,
						__ATOMIC_RELAXED))
			break;
	}
	for (uint32_t i = 0; i + 1 < n; i++)
		runq_push(thief, batch[i]);
	return batch[n - 1];
}

/* The ring's operations, for the unit tests (tests/unit/test_sched.c). */
void sched_test_push(VM *vm, G *g) { runq_push(vm, g); }
G *sched_test_take(VM *vm) { return runq_take(vm); }
G *sched_test_steal(VM *thief, VM *victim) { return runq_steal(thief, victim); }
int64_t sched_test_global_len(void) { return aload(&S.gq_len); }
G *sched_test_global_take(void) { return gq_get(); }

void sched_put(VM *vm, G *g, bool next)
{
	if (next) {
		G *old = __atomic_exchange_n(&vm->runnext, g, __ATOMIC_ACQ_REL);
		if (!old)
			return; /* this worker runs it soon: nobody to wake */
		g = old;
	}
	runq_push(vm, g);
	if (sched_is_threaded())
		wakep();
}

void sched_ready(VM *vm, G *g)
{
	for (;;) {
		int s = g_status(g);
		if (s == G_PARKING) {
			/* its worker is still saving it: that worker queues it */
			if (__atomic_compare_exchange_n(&g->status, &s, G_WAKING, false, __ATOMIC_ACQ_REL,
							__ATOMIC_ACQUIRE))
				return;
			continue;
		}
		if (s != G_WAITING)
			return; /* dead, or already woken */
		if (__atomic_compare_exchange_n(&g->status, &s, G_RUNNABLE, false, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			break;
	}
	g->wait_reason = NULL;
	sched_put(vm, g, true);
}

void sched_park(VM *vm, const char *reason)
{
	vm->cur->wait_reason = reason;
	g_set_status(vm->cur, G_PARKING);
}

void sched_after_slice(VM *vm, G *g)
{
	int s = g_status(g);
	if (s == G_RUNNING) {
		/* its slice ended, or it yielded: behind everything queued,
		 * on the global queue, so that the goroutines it started (which
		 * overflow from this worker's ring to the global queue) run
		 * before it does again */
		g_set_status(g, G_RUNNABLE);
		pthread_mutex_lock(&S.lock);
		gq_put_locked(g);
		pthread_mutex_unlock(&S.lock);
		if (sched_is_threaded())
			wakep();
		return;
	}
	if (s == G_PARKING &&
	    __atomic_compare_exchange_n(&g->status, &s, G_WAITING, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return;
	if (s == G_WAKING) {
		/* woken while it was being parked */
		g->wait_reason = NULL;
		g_set_status(g, G_RUNNABLE);
		sched_put(vm, g, true);
	}
}

void sched_exit_g(VM *vm)
{
	sched_exit_g_other(vm, vm->cur);
}

void sched_exit_g_other(VM *vm, G *g)
{
	g_set_status(g, G_DEAD);
	if (!(vm->session && g->id == 1)) /* a REPL input's race state lives on */
		race_finished(g);
	__atomic_sub_fetch(&S.live, 1, __ATOMIC_RELAXED);
	if (g->sleeping) {
		/* killed in time.Sleep (an interrupted REPL input): a sleeper
		 * left behind would keep the scheduler waiting for it */
		pthread_mutex_lock(&S.lock);
		for (int i = 0; i < S.nsleepers; i++)
			if (S.sleepers[i].g == g) {
				S.sleepers[i] = S.sleepers[--S.nsleepers];
				break;
			}
		g->sleeping = false;
		recompute_due_locked();
		pthread_mutex_unlock(&S.lock);
	}
	/* the collector may take its stack now */
	g->stack = NULL;
	g->frames = NULL;
}

/* ---- timers ----------------------------------------------------------------- */

/*
 * A timer sends the current time on its channel when due (time.After,
 * NewTimer, tickers: a ticker re-arms itself every period and drops a tick
 * the reader has not taken, as Go's does), or starts a goroutine running
 * its function (AfterFunc). Pending timers are an unordered list under the
 * scheduler's lock; S.next_due caches the earliest, so a worker knows
 * without the lock whether any is due.
 */
struct Timer {
	int64_t when;
	int64_t period;      /* tickers: > 0 */
	GolChan *c;
	GolClosure *f;       /* AfterFunc */
	Type *time_type;     /* what the channel carries */
	bool pending;
	struct Timer *next;
};

/* What firing a timer needs, copied under the lock: once the lock is
 * released a ticker (or a timer Reset at once) may be due again and be
 * collected by another worker, so nothing of the Timer is relied on. */
typedef struct Firing {
	Timer *t;            /* the race detector's key only */
	GolChan *c;
	GolClosure *f;
	Type *time_type;
	struct Firing *next;
} Firing;

/* Caller holds S.lock. An idle worker sleeps until the deadline it saw:
 * an earlier one wakes one of them to look again. */
static void due_lower(int64_t when)
{
	int64_t cur = aload(&S.next_due);
	while (when < cur &&
	       !__atomic_compare_exchange_n(&S.next_due, &cur, when, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		;
	if (when < cur && S.idle)
		pthread_cond_signal(S.idle->wake);
}

/* Caller holds S.lock. */
static void timer_add_locked(Timer *t)
{
	t->pending = true;
	t->next = S.timers;
	S.timers = t;
	due_lower(t->when);
}

static bool timer_remove_locked(Timer *t)
{
	for (Timer **p = &S.timers; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			t->pending = false;
			recompute_due_locked();
			return true;
		}
	return false;
}

/* After a removal: a stopped timer or a killed sleeper must not keep the
 * scheduler waiting (nor hide a deadlock). */
static void recompute_due_locked(void)
{
	int64_t first = INT64_MAX;
	for (int i = 0; i < S.nsleepers; i++)
		if (S.sleepers[i].when < first)
			first = S.sleepers[i].when;
	for (Timer *t = S.timers; t; t = t->next)
		if (t->when < first)
			first = t->when;
	__atomic_store_n(&S.next_due, first, __ATOMIC_RELEASE);
}

/* The time value a timer sends: a time.Time with the monotonic reading. */
static Value time_now_value(Type *tt, int64_t mono)
{
	Value v;
	v.p = block_new(tt);
	((Value *)v.p)[1].i = mono;
	return v;
}

static G *start_goroutine(VM *vm, GolClosure *f);

static void fire(VM *vm, Firing *t, int64_t now)
{
	if (t->f) {
		G *g = start_goroutine(vm, t->f);
		/* AfterFunc's call happens before its function runs */
		if (race_enabled) {
			race_go(vm, NULL, g, NULL, NULL);
			race_acquire(g, t->t);
		}
	} else if (t->c) {
		/* the send is the timer's, not the running goroutine's */
		G *cur = vm->cur;
		vm->cur = race_enabled ? race_timer_g(t->t) : NULL;
		chan_try_send(vm, t->c, t->time_type ? time_now_value(t->time_type, now) : (Value){0});
		vm->cur = cur;
	}
}

int64_t sched_timers(VM *vm)
{
	int64_t due = aload(&S.next_due);
	if (due == INT64_MAX)
		return INT64_MAX;
	int64_t now = sched_now();
	if (due > now)
		return due;
	G *woken = NULL;
	Firing *fired = NULL;
	pthread_mutex_lock(&S.lock);
	int64_t first = INT64_MAX;
	for (int i = 0; i < S.nsleepers;) {
		G *g = S.sleepers[i].g;
		int64_t when = S.sleepers[i].when;
		if (when <= now) {
			S.sleepers[i] = S.sleepers[--S.nsleepers];
			g->next = woken;
			woken = g;
			continue;
		}
		if (when < first)
			first = when;
		i++;
	}
	for (Timer **p = &S.timers; *p;) {
		Timer *t = *p;
		if (t->when > now) {
			if (t->when < first)
				first = t->when;
			p = &t->next;
			continue;
		}
		*p = t->next;
		t->pending = false;
		Firing *fg = GC_MALLOC(sizeof *fg);
		*fg = (Firing){t, t->c, t->f, t->time_type, fired};
		fired = fg;
		if (t->period > 0) {
			t->when += t->period;
			if (t->when <= now)
				t->when = now + t->period;
			t->pending = true;
			t->next = *p;
			*p = t;
			if (t->when < first)
				first = t->when;
			p = &t->next;
		}
	}
	__atomic_store_n(&S.next_due, first, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&S.lock);
	/* fired outside the lock: a send takes its channel's lock */
	while (woken) {
		G *g = woken;
		woken = g->next;
		g->next = NULL;
		sched_ready(vm, g);
	}
	/* in the order they were collected is not Go's order either: Go
	 * fires due timers in deadline order, which the list does not keep */
	for (Firing *t = fired; t; t = t->next)
		fire(vm, t, now);
	return first;
}

/* ---- workers -------------------------------------------------------------------- */


/* The condition variable a worker sleeps on; CLOCK_MONOTONIC deadlines. */
static pthread_cond_t *new_cond(void)
{
	pthread_cond_t *cv = GC_MALLOC_UNCOLLECTABLE(sizeof *cv);
	pthread_condattr_t a;
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(cv, &a);
	pthread_condattr_destroy(&a);
	return cv;
}

static int default_procs(void)
{
	long c = sysconf(_SC_NPROCESSORS_ONLN);
	return c > 0 ? (int)(c < MAX_PROCS ? c : MAX_PROCS) : 1;
}

static int procs_setting(void)
{
	int p = iload(&S.procs);
	if (!p) {
		const char *e = getenv("GOMAXPROCS");
		long v = e ? strtol(e, NULL, 10) : 0;
		p = v > 0 ? (int)(v < MAX_PROCS ? v : MAX_PROCS) : default_procs();
		int zero = 0;
		__atomic_compare_exchange_n(&S.procs, &zero, p, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
		p = iload(&S.procs);
	}
	return p;
}

int64_t vm_gomaxprocs(int64_t n)
{
	int old = procs_setting();
	if (n > 0) {
		__atomic_store_n(&S.procs, (int)(n < MAX_PROCS ? n : MAX_PROCS), __ATOMIC_RELEASE);
		VM *w0 = S.workers[0];
		if (w0)
			sched_start_workers(w0);
		/* a worker turned off earlier may be needed again */
		pthread_mutex_lock(&S.lock);
		for (int i = 0; i < iload(&S.nworkers); i++)
			pthread_cond_signal(S.workers[i]->wake);
		pthread_mutex_unlock(&S.lock);
	}
	return old;
}

/* Worker threads are named gol-worker-N (ps -L, top -H, gdb show it). */
void sched_name_thread(int wid)
{
	char name[16];
	snprintf(name, sizeof name, "gol-worker-%d", wid);
	pthread_setname_np(pthread_self(), name);
}

/* Register vm as worker 0 (the thread that runs main). A new REPL
 * session (:reset) forgets the goroutines, sleepers and timers of the one
 * before: its worker is never started again. */
void sched_register_main(VM *vm)
{
	pthread_mutex_lock(&S.lock);
	__atomic_store_n(&S.live, 0, __ATOMIC_RELAXED);
	S.nsleepers = 0;
	S.timers = NULL;
	S.gq_head = S.gq_tail = NULL;
	__atomic_store_n(&S.gq_len, 0, __ATOMIC_RELEASE);
	__atomic_store_n(&S.next_due, INT64_MAX, __ATOMIC_RELEASE);
	__atomic_store_n(&S.next_id, 0, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&S.lock);
	vm->wid = 0;
	vm->wake = new_cond();
	vm->seed = 0x9e3779b97f4a7c15ull;
	S.workers[0] = vm;
	if (!iload(&S.nworkers))
		__atomic_store_n(&S.nworkers, 1, __ATOMIC_RELEASE);
}

void sched_start_workers(VM *vm)
{
	if (vm->session || vm->race)
		return;
	int want = procs_setting();
	if (want <= iload(&S.nworkers))
		return;
	pthread_mutex_lock(&S.lock);
	int n = S.nworkers;
	while (n < want) {
		VM *w = GC_MALLOC_UNCOLLECTABLE(sizeof *w);
		memset(w, 0, sizeof *w);
		/* the program-wide settings, which never change once it runs
		 * (vm may be running a goroutine on another thread) */
		w->globals = vm->globals;
		w->prog = vm->prog;
		w->argc = vm->argc;
		w->argv = vm->argv;
		w->ginit_done = vm->ginit_done;
		w->exit_code = -1;
		w->wid = n;
		w->seed = 0x9e3779b97f4a7c15ull * (uint64_t)(n + 1);
		w->wake = new_cond();
		S.workers[n] = w;
		/* before the thread exists, so that it sees the flag set */
		__atomic_store_n(&sched_threaded, true, __ATOMIC_RELEASE);
		pthread_t th;
		pthread_attr_t at;
		pthread_attr_init(&at);
		pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
		pthread_attr_setstacksize(&at, SCHED_WORKER_STACK);
		if (pthread_create(&th, &at, sched_worker_main, w) != 0) {
			pthread_attr_destroy(&at);
			break;
		}
		pthread_attr_destroy(&at);
		n++;
		__atomic_store_n(&S.nworkers, n, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&S.lock);
}

/* Wake one idle worker to look for the work just queued, unless one is
 * looking already. */
static void wakep(void)
{
	if (!iload(&S.nidle) || iload(&S.nspinning))
		return;
	pthread_mutex_lock(&S.lock);
	VM *w = S.idle;
	int procs = iload(&S.procs);
	VM **p = &S.idle;
	while (w && w->wid >= procs) {
		p = &w->idle_next;
		w = w->idle_next;
	}
	if (w && !iload(&S.nspinning)) {
		*p = w->idle_next;
		w->idle_next = NULL;
		w->idle = false;
		w->notified = true;
		__atomic_sub_fetch(&S.nidle, 1, __ATOMIC_SEQ_CST);
		__atomic_add_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
		pthread_cond_signal(w->wake);
	}
	pthread_mutex_unlock(&S.lock);
}

static uint64_t next_rand(VM *vm)
{
	vm->seed ^= vm->seed << 13;
	vm->seed ^= vm->seed >> 7;
	vm->seed ^= vm->seed << 17;
	return vm->seed;
}

/* Move everything queued on vm to the global queue (GOMAXPROCS turned
 * the worker off). */
static void hand_off(VM *vm)
{
	G *g = __atomic_exchange_n(&vm->runnext, NULL, __ATOMIC_ACQ_REL);
	pthread_mutex_lock(&S.lock);
	if (g)
		gq_put_locked(g);
	while ((g = runq_take(vm)))
		gq_put_locked(g);
	pthread_mutex_unlock(&S.lock);
}

/* Count a scheduling decision (thieves watch the count: see steal_work). */
static inline uint32_t tick(VM *vm)
{
	uint32_t t = __atomic_load_n(&vm->schedtick, __ATOMIC_RELAXED) + 1;
	__atomic_store_n(&vm->schedtick, t, __ATOMIC_RELAXED);
	return t;
}

static G *pop_any(VM *vm, bool *fresh)
{
	G *g;
	*fresh = true;
	if (tick(vm) % 61 == 0 && (g = gq_get()))
		return g;
	if (__atomic_load_n(&vm->runnext, __ATOMIC_RELAXED) &&
	    (g = __atomic_exchange_n(&vm->runnext, NULL, __ATOMIC_ACQ_REL))) {
		*fresh = false;
		return g;
	}
	if ((g = runq_take(vm)))
		return g;
	return gq_get();
}

G *sched_pop(VM *vm, bool *fresh)
{
	/* a goroutine that died queued (an interrupted REPL input) is dropped */
	for (;;) {
		G *g = pop_any(vm, fresh);
		if (!g || g_status(g) != G_DEAD)
			return g;
	}
}

static G *steal_work(VM *vm)
{
	int n = iload(&S.nworkers);
	if (n < 2)
		return NULL;
	for (int round = 0; round < 2; round++) {
		int start = (int)(next_rand(vm) % (uint64_t)n);
		for (int k = 0; k < n; k++) {
			VM *v = S.workers[(start + k) % n];
			if (v == vm || !v)
				continue;
			G *g = runq_steal(vm, v);
			if (g)
				return g;
		}
	}
	/* a victim's runnext, if its owner has not scheduled for 20 us: it
	 * is in a long slice, and the goroutine would wait for all of it */
	for (int k = 0; k < n; k++) {
		VM *v = S.workers[k];
		G *g;
		if (v == vm || !v || !(g = __atomic_load_n(&v->runnext, __ATOMIC_ACQUIRE)))
			continue;
		uint32_t t = __atomic_load_n(&v->schedtick, __ATOMIC_RELAXED);
		usleep(20);
		if (__atomic_load_n(&v->schedtick, __ATOMIC_RELAXED) == t &&
		    __atomic_compare_exchange_n(&v->runnext, &g, NULL, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
			return g;
	}
	return NULL;
}

/* Work was queued where any worker may take it: wake one if none looks. */
void sched_wakep(void)
{
	wakep();
}

static bool any_queued(void)
{
	if (aload(&S.gq_len))
		return true;
	int n = iload(&S.nworkers);
	for (int i = 0; i < n; i++)
		if (S.workers[i] && !runq_empty(S.workers[i]))
			return true;
	return false;
}

static void idle_remove_locked(VM *vm)
{
	for (VM **p = &S.idle; *p; p = &(*p)->idle_next)
		if (*p == vm) {
			*p = vm->idle_next;
			break;
		}
	vm->idle_next = NULL;
	if (vm->idle) {
		vm->idle = false;
		__atomic_sub_fetch(&S.nidle, 1, __ATOMIC_SEQ_CST);
	}
}

/* Sleep until woken or until deadline (monotonic ns); caller holds S.lock. */
static void wait_locked(VM *vm, int64_t deadline)
{
	if (deadline == INT64_MAX) {
		pthread_cond_wait(vm->wake, &S.lock);
		return;
	}
	struct timespec ts = {deadline / 1000000000, deadline % 1000000000};
	pthread_cond_timedwait(vm->wake, &S.lock, &ts);
}

/* A fatal report on another worker asked this one to stop (see
 * sched_stop_others): it parks for good, the process ends soon. */
static int stopping, nstopped;

static void stop_if_asked(VM *vm)
{
	if (!__atomic_load_n(&stopping, __ATOMIC_ACQUIRE))
		return;
	vm_flush(vm);
	__atomic_add_fetch(&nstopped, 1, __ATOMIC_ACQ_REL);
	for (;;)
		pause();
}

bool sched_stop_others(VM *vm)
{
	if (!sched_is_threaded())
		return true;
	__atomic_store_n(&stopping, 1, __ATOMIC_RELEASE);
	for (int tries = 0; tries < 200; tries++) {
		/* the idle ones wait on their wake condition: wake them to
		 * see the request */
		pthread_mutex_lock(&S.lock);
		int others = 0;
		for (int w = 0; w < iload(&S.nworkers); w++)
			if (S.workers[w] && S.workers[w] != vm) {
				others++;
				pthread_cond_signal(S.workers[w]->wake);
			}
		pthread_mutex_unlock(&S.lock);
		if (__atomic_load_n(&nstopped, __ATOMIC_ACQUIRE) >= others)
			return true;
		struct timespec ts = {0, 1000000};
		nanosleep(&ts, NULL);
	}
	return false;
}

G *sched_next(VM *vm)
{
	stop_if_asked(vm);
	/* the common case first: the goroutine just made ready runs next */
	G *next = __atomic_load_n(&vm->runnext, __ATOMIC_RELAXED);
	if (next && !vm->notified && !vm->session && aload(&S.next_due) == INT64_MAX &&
	    vm->wid < iload(&S.procs) && (tick(vm) % 61 != 0) &&
	    (next = __atomic_exchange_n(&vm->runnext, NULL, __ATOMIC_ACQ_REL)) && g_status(next) != G_DEAD) {
		if (vm->budget <= 0)
			vm->budget = 20000;
		return next;
	}
	bool spinning = false;
	int spins = 0;
	if (vm->notified) {
		vm->notified = false;
		spinning = true; /* wakep counted this worker as looking */
	}
	for (;;) {
		stop_if_asked(vm);
		if (vm->session && vm_interrupted) {
			if (spinning)
				__atomic_sub_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
			return NULL;
		}
		if (vm->wid >= iload(&S.procs) && vm->wid > 0) {
			if (spinning) {
				spinning = false;
				__atomic_sub_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
			}
			hand_off(vm);
			if (any_queued())
				wakep(); /* what it gave up must not wait for a sleeper */
		} else {
			if (aload(&S.next_due) != INT64_MAX)
				sched_timers(vm);
			bool fresh;
			G *g = sched_pop(vm, &fresh);
			if (!g)
				g = steal_work(vm);
			if (g) {
				if (spinning) {
					__atomic_sub_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
					/* there may be more: let another worker look */
					if (any_queued())
						wakep();
				}
				if (fresh || vm->budget <= 0)
					vm->budget = 20000;
				return g;
			}
		}
		/* nothing to run: look again for a few tens of microseconds
		 * before sleeping. Goroutines handing work to each other across
		 * workers then find the other worker awake (and, seeing it
		 * spin, do not make a system call to wake anyone) */
		if (sched_is_threaded() && !vm->session && spins < 40 && vm->wid < iload(&S.procs)) {
			if (!spinning) {
				spinning = true;
				__atomic_add_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
			}
			spins++;
			for (int k = 0; k < 64; k++)
				__builtin_ia32_pause();
			continue;
		}
		if (spinning) {
			spinning = false;
			__atomic_sub_fetch(&S.nspinning, 1, __ATOMIC_SEQ_CST);
		}
		/* nothing to run: become idle, then look once more, so that work
		 * queued while we were looking is not missed (its queuer
		 * either saw us idle and woke us, or we see its work) */
		vm_flush(vm);
		pthread_mutex_lock(&S.lock);
		bool off = vm->wid >= S.procs && vm->wid > 0;
		vm->idle = true;
		__atomic_add_fetch(&S.nidle, 1, __ATOMIC_SEQ_CST);
		if (!off) {
			vm->idle_next = S.idle;
			S.idle = vm;
		}
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		int64_t due = aload(&S.next_due);
		if (!off && (any_queued() || due <= sched_now())) {
			idle_remove_locked(vm);
			pthread_mutex_unlock(&S.lock);
			continue;
		}
		if (due == INT64_MAX && iload(&S.nidle) == iload(&S.nworkers) && !any_queued()) {
			/* every worker idle, nothing queued, nothing timed */
			idle_remove_locked(vm);
			pthread_mutex_unlock(&S.lock);
			return NULL;
		}
		if (vm->session) {
			/* a REPL session is one worker: sleep where Ctrl-C can
			 * interrupt */
			idle_remove_locked(vm);
			pthread_mutex_unlock(&S.lock);
			int64_t d = due - sched_now();
			if (d > 0) {
				struct timespec ts = {d / 1000000000, d % 1000000000};
				nanosleep(&ts, NULL);
			}
			continue;
		}
		wait_locked(vm, off ? INT64_MAX : due);
		spins = 0;
		if (vm->notified) {
			vm->notified = false;
			spinning = true;
		} else {
			idle_remove_locked(vm);
		}
		pthread_mutex_unlock(&S.lock);
	}
}

bool sched_should_yield(VM *vm)
{
	if (__atomic_load_n(&vm->runnext, __ATOMIC_RELAXED) || !runq_empty(vm) || aload(&S.gq_len))
		return true;
	if (vm->wid > 0 && vm->wid >= iload(&S.procs))
		return true;
	int64_t due = aload(&S.next_due);
	return due != INT64_MAX && due <= sched_now();
}

/* ---- leaving -------------------------------------------------------------------- */

/* The thread holding S.die: it may report again (a fatal error in the
 * String method of the value its panic report prints) and exit. */
static pthread_t die_owner;
static int die_owned;

static void die_lock(void)
{
	if (__atomic_load_n(&die_owned, __ATOMIC_ACQUIRE) && pthread_equal(die_owner, pthread_self()))
		return;
	pthread_mutex_lock(&S.die); /* never released: the process ends */
	die_owner = pthread_self();
	__atomic_store_n(&die_owned, 1, __ATOMIC_RELEASE);
}

void sched_die_begin(VM *vm)
{
	(void)vm;
	if (__atomic_load_n(&sched_threaded, __ATOMIC_ACQUIRE))
		die_lock();
}

void sched_exit_process(int code)
{
	vm_flush(NULL);
	if (!sched_is_threaded())
		exit(code);
	/* a worker reporting a panic or fatal error ends the process itself,
	 * with its own status: main returning meanwhile waits for it, as Go's
	 * runtime.main does */
	die_lock();
	vm_flush(NULL);
	fflush(NULL);
	_exit(code);
}

/* ---- services for natives (vm.h) ------------------------------------------ */

static pthread_mutex_t sync_mu = PTHREAD_MUTEX_INITIALIZER;

void vm_sync_lock(VM *vm)
{
	if (vm->sync_depth++ == 0)
		pthread_mutex_lock(&sync_mu);
}

void vm_sync_unlock(VM *vm)
{
	if (--vm->sync_depth == 0)
		pthread_mutex_unlock(&sync_mu);
}

/* A wait queue is a circular list reached through its last element (*q
 * is the tail, tail->next the head): appending and taking the first are
 * both O(1) however many goroutines wait (a contended Mutex can have a
 * hundred thousand). Callers hold the sync lock. */
struct GWait {
	G *g;
	struct GWait *next;
};

int vm_wait(VM *vm, GWait **q, const char *reason)
{
	GWait *w = GC_MALLOC(sizeof *w);
	w->g = vm->cur;
	if (*q) {
		w->next = (*q)->next;
		(*q)->next = w;
	} else {
		w->next = w;
	}
	*q = w;
	sched_park(vm, reason);
	return VM_BLOCK;
}

void vm_wait_cancel(VM *vm, GWait **q)
{
	G *g = vm->cur;
	GWait *tail = *q;
	if (tail) {
		/* the circular list from its head: unlink g's entry */
		GWait *prev = tail, *w = tail->next;
		for (;;) {
			if (w->g == g) {
				if (w == prev)
					*q = NULL; /* it was the only one */
				else {
					prev->next = w->next;
					if (w == tail)
						*q = prev;
				}
				break;
			}
			if (w == tail)
				break;
			prev = w;
			w = w->next;
		}
	}
	g_set_status(g, G_RUNNING);
	g->wait_reason = NULL;
}

void vm_wake_one(VM *vm, GWait **q)
{
	/* a goroutine that died waiting (an interrupted REPL input) is
	 * passed over: the wake-up goes to a live one */
	while (*q) {
		GWait *tail = *q, *w = tail->next;
		if (w == tail)
			*q = NULL;
		else
			tail->next = w->next;
		if (g_status(w->g) != G_DEAD) {
			sched_ready(vm, w->g);
			return;
		}
	}
}

void vm_wake_all(VM *vm, GWait **q)
{
	while (*q)
		vm_wake_one(vm, q);
}

void vm_wake_all_through(VM *vm, GWait **q, void *lock)
{
	if (race_enabled && *q) {
		GWait *tail = *q, *w = tail;
		do {
			w = w->next;
			race_acquire(w->g, lock);
			race_release_store(w->g, lock);
		} while (w != tail);
	}
	vm_wake_all(vm, q);
}

int vm_sleep(VM *vm, int64_t ns)
{
	G *g = vm->cur;
	if (g->sleeping) {
		g->sleeping = false; /* the call again, after the wake-up */
		return 0;
	}
	if (ns <= 0)
		return 0;
	g->sleeping = true;
	pthread_mutex_lock(&S.lock);
	int64_t when = sched_now() + ns;
	GC_RESERVE(S.sleepers, S.nsleepers, S.capsleepers, 16);
	S.sleepers[S.nsleepers++] = (Sleeper){g, when};
	sched_park(vm, "sleep");
	due_lower(when);
	pthread_mutex_unlock(&S.lock);
	return VM_BLOCK;
}

int vm_yield(VM *vm)
{
	(void)vm; /* still running: the loop puts it back at the end of the queue */
	return VM_BLOCK;
}

int vm_num_goroutine(VM *vm)
{
	(void)vm;
	return (int)__atomic_load_n(&S.live, __ATOMIC_RELAXED);
}

void *vm_after(VM *vm, Type *chan_type, int64_t ns, Value v)
{
	(void)v;
	return vm_timer_start(vm, chan_type, NULL, ns, 0, NULL);
}

void *vm_timer_start(VM *vm, Type *chan_type, GolClosure *f, int64_t ns, int64_t period, void **chan_out)
{
	Timer *t = GC_MALLOC(sizeof *t);
	t->when = sched_now() + (ns > 0 ? ns : 0);
	t->period = period;
	t->f = f;
	if (chan_type) {
		t->c = chan_make(chan_type, 1);
		t->time_type = type_under(chan_type)->elem;
	}
	if (chan_out)
		*chan_out = t->c;
	if (race_enabled) {
		/* what main does from now on is concurrent with f's goroutine */
		if (f)
			race_end_solo();
		race_release_store(vm->cur, t); /* starting a timer happens before it fires */
	}
	pthread_mutex_lock(&S.lock);
	timer_add_locked(t);
	pthread_mutex_unlock(&S.lock);
	return chan_out ? (void *)t : (void *)t->c;
}

bool vm_timer_stop(VM *vm, void *t)
{
	(void)vm;
	if (!t)
		return false;
	pthread_mutex_lock(&S.lock);
	bool was = timer_remove_locked(t);
	pthread_mutex_unlock(&S.lock);
	return was;
}

bool vm_timer_reset(VM *vm, void *tp, int64_t ns, int64_t period)
{
	Timer *t = tp;
	if (!t)
		return false;
	/* a Timer's Reset happens before the firing it sets (a release that
	 * stores, as Go's resetTimer tells its detector); a Ticker's goes
	 * through modTimer, which tells it nothing */
	if (race_enabled && period <= 0)
		race_release_store(vm->cur, t);
	pthread_mutex_lock(&S.lock);
	bool was = timer_remove_locked(t);
	t->when = sched_now() + (ns > 0 ? ns : 0);
	if (period > 0)
		t->period = period;
	timer_add_locked(t);
	pthread_mutex_unlock(&S.lock);
	return was;
}

/* A goroutine for f with no arguments (AfterFunc's: a function, a method
 * value, a native such as wg.Done). */
static G *start_goroutine(VM *vm, GolClosure *f)
{
	Proto *ep;
	GolClosure *cl;
	G *g = go_prepare(vm, f, NULL, 0, &ep, &cl);
	g->by_timer = true;
	sched_go(vm, g, cl, ep);
	return g;
}

int *vm_g_scratch(VM *vm)
{
	return &vm->cur->scratch;
}

int64_t vm_now(void)
{
	return sched_now();
}

int vm_close_chan(VM *vm, void *c)
{
	return chan_close(vm, c) == CHAN_PANIC ? -1 : 0;
}
