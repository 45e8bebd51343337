/*
 * synclib.c — sync (Mutex, RWMutex, WaitGroup, Once), time.Sleep and the
 * runtime package's goroutine functions.
 *
 * The sync types keep their state in the slots of the blocks their
 * declarations give them (stdlib/decls/sync.gol): a Mutex is
 * {state, sema} and uses state as "locked" and sema to hold its queue of
 * waiting goroutines. Waiting parks the goroutine in the VM (vm_wait) and
 * the call runs again when it is woken, so no OS thread ever blocks on a
 * gol-level lock. Every native here that reads or changes a sync object
 * runs under the VM's sync lock (the LOCKED wrappers), since goroutines
 * run on several threads; a Mutex's uncontended Lock and Unlock alone are
 * a compare-and-swap without it.
 */
#include "natives.h"
#include "stdlib_natives.h"
#include "vm.h"
#include "rt.h"
#include "map.h"
#include "types.h"

#include <gc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SLOT(v, i) (((Value *)(v).p)[i])
/* The race detector's synchronisation objects of an RWMutex, as Go's
 * RWMutex names them: writers release readerSem for later readers and
 * writers; readers release (merge) writerSem for the next writer. */
#define READER_SEM(v) ((Value *)(v).p + 1)
#define WRITER_SEM(v) ((Value *)(v).p + 2)
#define QUEUE(v, i) ((GWait **)&((Value *)(v).p)[i].p)

static void fatal(VM *vm, const char *msg)
{
	vm_fatal(vm, msg);
}

/* ---- Mutex: slot 0 the state (MU_LOCKED, MU_WAITERS), slot 1 waiters -----------
 * Uncontended Lock and Unlock are one compare-and-swap each, without the
 * sync lock. A Lock that finds the mutex held takes the sync lock, marks
 * MU_WAITERS and parks; an Unlock that finds MU_WAITERS takes the sync lock
 * and wakes the first waiter, which runs Lock again (a newcomer may get the
 * mutex first, as in Go's normal mode). */

enum { MU_LOCKED = 1, MU_WAITERS = 2 };

/* Held by a goroutine running on another worker, the mutex is likely free
 * again within a few hundred cycles: try a few times before parking, as
 * Go's Mutex spins (only when there are waiters-free windows to win, and
 * only with several workers; on one, the holder cannot run meanwhile). */
static bool mutex_spin(int64_t *st)
{
	if (vm_gomaxprocs(0) < 2)
		return false;
	for (int i = 0; i < 4; i++) {
		for (int k = 0; k < 30; k++)
			__builtin_ia32_pause();
		int64_t s = __atomic_load_n(st, __ATOMIC_RELAXED);
		if (s == 0 && __atomic_compare_exchange_n(st, &s, MU_LOCKED, false, __ATOMIC_ACQUIRE,
							  __ATOMIC_RELAXED))
			return true;
		if (s & MU_WAITERS)
			return false; /* others queue already: queue too */
	}
	return false;
}

static int mutex_lock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Mutex */
	(void)n;
	(void)r;
	int64_t *st = &SLOT(a[0], 0).i;
	int64_t s = 0;
	if (!__atomic_compare_exchange_n(st, &s, MU_LOCKED, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) &&
	    !mutex_spin(st)) {
		vm_sync_lock(vm);
		for (;;) {
			s = __atomic_load_n(st, __ATOMIC_RELAXED);
			if (!(s & MU_LOCKED)) {
				if (__atomic_compare_exchange_n(st, &s, s | MU_LOCKED, false, __ATOMIC_ACQUIRE,
								__ATOMIC_RELAXED))
					break;
				continue;
			}
			if ((s & MU_WAITERS) || __atomic_compare_exchange_n(st, &s, s | MU_WAITERS, false,
									   __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
				int rc = vm_wait(vm, QUEUE(a[0], 1), "semacquire");
				vm_sync_unlock(vm);
				return rc;
			}
		}
		vm_sync_unlock(vm);
	}
	/* Go's Lock: a CompareAndSwap of the state word (an atomic access a
	 * plain copy or overwrite of the Mutex races with), then an acquire.
	 * What the CompareAndSwap releases is replaced by Unlock's store
	 * before anyone acquires it: only its access counts */
	vm_race_atomic_write(vm, a[0].p);
	vm_race_acquire(vm, a[0].p);
	return 0;
}

static int mutex_trylock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Mutex */
	(void)n;
	int64_t *st = &SLOT(a[0], 0).i;
	int64_t s = __atomic_load_n(st, __ATOMIC_RELAXED);
	while (!(s & MU_LOCKED))
		if (__atomic_compare_exchange_n(st, &s, s | MU_LOCKED, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
			vm_race_atomic_write(vm, a[0].p);
			vm_race_acquire(vm, a[0].p);
			r[0].i = 1;
			return 0;
		}
	/* a failed TryLock orders nothing: Go's reads the state word with a
	 * plain load, the sync package's own and unwatched */
	r[0].i = 0;
	return 0;
}

static int mutex_unlock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Mutex */
	(void)n;
	(void)r;
	int64_t *st = &SLOT(a[0], 0).i;
	/* Go's Unlock: a release (a store), then an atomic add to the state
	 * word (which passes on nothing the store did not) */
	vm_race_release_store(vm, a[0].p);
	vm_race_atomic_write(vm, a[0].p);
	int64_t s = MU_LOCKED;
	if (__atomic_compare_exchange_n(st, &s, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		return 0;
	vm_sync_lock(vm);
	s = __atomic_load_n(st, __ATOMIC_RELAXED);
	if (!(s & MU_LOCKED)) {
		vm_sync_unlock(vm);
		fatal(vm, "sync: unlock of unlocked mutex");
	}
	vm_wake_one(vm, QUEUE(a[0], 1));
	__atomic_store_n(st, *QUEUE(a[0], 1) ? MU_WAITERS : 0, __ATOMIC_RELEASE);
	vm_sync_unlock(vm);
	return 0;
}

/* While a writer holds an RWMutex, Go's readerCount is lowered by this,
 * as %v shows */
#define RW_MAX_READERS ((int64_t)1 << 30)

/* ---- RWMutex: slot 0 the writer's Mutex block, slot 1 readers' queue,
 * slot 3 active readers ------------------------------------------------------- */

/* What Lock and TryLock do when the writer need not wait: false while a
 * writer holds or readers are active */
static bool rw_take_write(VM *vm, Value rw)
{
	Value w = SLOT(rw, 0);
	if (SLOT(w, 0).i || SLOT(rw, 3).i > 0)
		return false;
	SLOT(w, 0).i = 1;
	SLOT(rw, 3).i -= RW_MAX_READERS;
	vm_race_acquire(vm, READER_SEM(rw));
	vm_race_acquire(vm, WRITER_SEM(rw));
	return true;
}

/* What RLock and TryRLock do when the reader need not wait: false while
 * a writer holds or waits (a waiting writer keeps new readers out, as
 * Go's does) */
static bool rw_take_read(VM *vm, Value rw)
{
	Value w = SLOT(rw, 0);
	if (SLOT(w, 0).i || *QUEUE(w, 1))
		return false;
	SLOT(rw, 3).i++;
	vm_race_acquire(vm, READER_SEM(rw));
	return true;
}

static int rw_lock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	(void)r;
	if (!rw_take_write(vm, a[0]))
		return vm_wait(vm, QUEUE(SLOT(a[0], 0), 1), "semacquire");
	return 0;
}

static int rw_unlock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	(void)r;
	Value w = SLOT(a[0], 0);
	if (!SLOT(w, 0).i)
		fatal(vm, "sync: Unlock of unlocked RWMutex");
	vm_race_release_store(vm, READER_SEM(a[0]));
	SLOT(w, 0).i = 0;
	SLOT(a[0], 3).i += RW_MAX_READERS;
	vm_wake_all(vm, QUEUE(a[0], 1));
	vm_wake_one(vm, QUEUE(w, 1));
	return 0;
}

static int rw_rlock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	(void)r;
	if (!rw_take_read(vm, a[0]))
		return vm_wait(vm, QUEUE(a[0], 1), "semacquire");
	return 0;
}

static int rw_runlock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	(void)r;
	if (SLOT(a[0], 3).i <= 0)
		fatal(vm, "sync: RUnlock of unlocked RWMutex");
	vm_race_release(vm, WRITER_SEM(a[0]));
	if (--SLOT(a[0], 3).i == 0)
		vm_wake_one(vm, QUEUE(SLOT(a[0], 0), 1));
	return 0;
}

/* TryLock and TryRLock: what Lock and RLock do when they need not wait,
 * else false */
static int rw_trylock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	r[0].i = rw_take_write(vm, a[0]);
	return 0;
}

static int rw_tryrlock(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)n;
	r[0].i = rw_take_read(vm, a[0]);
	return 0;
}

static int rw_rlock_locked(VM *vm, Value *a, int n, Value *r);
static int rw_runlock_locked(VM *vm, Value *a, int n, Value *r);

/* RLocker: a Locker whose Lock and Unlock are the RWMutex's RLock and
 * RUnlock. Its values are the RWMutex's own block, typed *rlocker. */
static int rw_rlocker(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.RWMutex */
	(void)vm;
	(void)n;
	static Type *ptr;
	rt_lazy_lock();
	if (!ptr) {
		Type *t = type_named("sync", "rlocker", NULL);
		t->underlying = type_under(std_named_type("sync", "RWMutex"));
		Type *sig = type_new(TY_FUNC);
		t->methods = GC_MALLOC(sizeof(Method) * 2);
		static const char *const names[] = {"Lock", "Unlock"};
		NativeFn fns[] = {rw_rlock_locked, rw_runlock_locked};
		for (int k = 0; k < 2; k++) {
			GolClosure *f = GC_MALLOC(sizeof *f);
			f->native = fns[k];
			f->name = names[k];
			t->methods[k].name = names[k];
			t->methods[k].sig = sig;
			t->methods[k].impl = f;
			t->methods[k].ptr_recv = true;
		}
		t->nmethods = 2;
		ptr = rtype_canon(type_pointer(t));
	}
	rt_lazy_unlock();
	r[0].p = iface_box(ptr, a[0]);
	return 0;
}

/* ---- WaitGroup: slot 0 holds the [3]uint32 block: counter, waiters -------- */

/* A WaitGroup is Go's: slot 1 (state1) the counter << 32 | the waiters,
 * slot 2 (state2) here the waiters' queue. */
#define WG_COUNT(a) ((int32_t)(SLOT(a, 1).u >> 32))
#define WG_WAITERS(a) ((uint32_t)SLOT(a, 1).u)
#define WG_SET(a, count, waiters) (SLOT(a, 1).u = (uint64_t)(uint32_t)(count) << 32 | (uint32_t)(waiters))

static int wg_add(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.WaitGroup */
	(void)n;
	(void)r;
	int64_t count = WG_COUNT(a[0]);
	if (a[1].i < 0)
		vm_race_release(vm, a[0].p); /* Done happens before the Wait it releases */
	if (a[1].i > 0 && count == 0)
		/* Go's WaitGroup under -race: the first Add reads the word the
		 * first waiter writes, so an Add not ordered before a Wait that
		 * waits (wg.Add inside the goroutine) is reported as a race */
		vm_race_range(vm, &SLOT(a[0], 2), 1, false);
	count += a[1].i;
	if (count < 0)
		return vm_panic_msg(vm, "sync: negative WaitGroup counter");
	if (count == 0) {
		WG_SET(a[0], 0, 0);
		vm_wake_all(vm, QUEUE(a[0], 2));
	} else {
		WG_SET(a[0], count, WG_WAITERS(a[0]));
	}
	return 0;
}

static int wg_done(VM *vm, Value *a, int n, Value *r)
{
	Value args[2] = {a[0], {.i = -1}};
	(void)n;
	return wg_add(vm, args, 2, r);
}

static int wg_wait(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.WaitGroup */
	(void)n;
	(void)r;
	if (WG_COUNT(a[0]) > 0) {
		if (!WG_WAITERS(a[0]))
			vm_race_range(vm, &SLOT(a[0], 2), 1, true); /* the first waiter: see wg_add */
		WG_SET(a[0], WG_COUNT(a[0]), WG_WAITERS(a[0]) + 1);
		return vm_wait(vm, QUEUE(a[0], 2), "semacquire");
	}
	vm_race_acquire(vm, a[0].p);
	return 0;
}

/* ---- Once: slot 0 done (0 not yet, 1 running f, 2 done), slot 1 the
 * Mutex block whose queue holds the callers waiting for f ---------------------- */

/* f has returned or panicked: every Do from now on returns at once */
static int once_finish(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	vm_sync_lock(vm);
	SLOT(a[0], 0).i = 1; /* done, even if f panicked, as Go's Once */
	SLOT(SLOT(a[0], 1), 0).i = 0; /* its Mutex unlocked */
	/* Go's atomic store of done: f's return happens before every Do
	 * that sees it (and overwriting the Once races with it) */
	vm_race_atomic(vm, a[0].p, VM_ATOMIC_STORE);
	vm_race_release_store(vm, SLOT(a[0], 1).p); /* the Mutex's Unlock */
	vm_wake_all_through(vm, QUEUE(SLOT(a[0], 1), 1), SLOT(a[0], 1).p);
	vm_sync_unlock(vm);
	return 0;
}

static GolClosure once_finish_closure = {.native = once_finish, .name = "sync.(*Once).doSlow"};

static int once_do(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Once */
	vm_sync_lock(vm);
	/* Go's Once: done (slot 0, 1 once f has returned) and a Mutex (slot
	 * 1), locked while f runs. A load of done (acquire), and, for a caller
	 * that finds f not done, the Mutex around f or around waiting for it:
	 * so the callers that waited pass through the Mutex one after
	 * another, in the order they came */
	Value m = SLOT(a[0], 1);
	/* Go's atomic load of done, on every Do */
	vm_race_atomic(vm, a[0].p, VM_ATOMIC_LOAD);
	if (SLOT(a[0], 0).i) {
		vm_sync_unlock(vm);
		return 0;
	}
	if (SLOT(m, 0).i) {
		/* f is running in another goroutine: Do returns after it (and
		 * after the Mutex, see once_finish) */
		int rc = vm_wait(vm, QUEUE(SLOT(a[0], 1), 1), "semacquire");
		vm_sync_unlock(vm);
		return rc;
	}
	SLOT(m, 0).i = 1;
	vm_race_atomic_write(vm, m.p); /* doSlow's m.Lock(): its CompareAndSwap */
	vm_race_acquire(vm, m.p);
	vm_sync_unlock(vm);
	GolClosure *f = a[1].p;
	if (!f) {
		once_finish(vm, a, 1, NULL);
		return vm_panic_nil(vm); /* calling the nil func, done all the same */
	}
	if (vm_can_call_then_retry(f))
		/* f runs as an ordinary call of this goroutine (it may sleep,
		 * block or panic); once_finish, deferred in it, marks the Once
		 * done, and this Do, called again, returns */
		return vm_call_then_retry(vm, f, &once_finish_closure, a[0]);
	int rc = vm_call(vm, f, NULL, 0, NULL, 0);
	once_finish(vm, a, 1, NULL);
	return rc;
}

/* ---- Cond: slot 0 L (a Locker), slot 1 waiters, slot 2 its own address ------ */

/* Go's copyChecker: the first Wait, Signal or Broadcast records where the
 * Cond is, and a later one on a copy of it (another address, the same
 * record) panics. */
static int cond_check(VM *vm, Value c)
{
	uint64_t here = (uint64_t)(uintptr_t)c.p, was = 0;
	/* for -race, as Go's check does it: a plain read of the record, and
	 * the first time a CompareAndSwap (so overwriting a Cond that is in
	 * use races with its use) */
	vm_race_range(vm, &SLOT(c, 2), 1, false);
	if (__atomic_compare_exchange_n(&SLOT(c, 2).u, &was, here, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		vm_race_atomic(vm, &SLOT(c, 2), VM_ATOMIC_RMW);
		return 0;
	}
	if (was == here)
		return 0;
	return vm_panic_msg(vm, "sync.Cond is copied");
}

/* Call L.Lock or L.Unlock; natives are called directly so that a Lock
 * that must wait parks this goroutine (VM_BLOCK) like any lock. */
static int locker_call(VM *vm, GolIface *l, const char *name)
{
	Value recv;
	if (!l)
		return vm_panic_nil(vm);
	GolClosure *f = std_method(l, name, &recv);
	if (!f)
		return vm_panic_msg(vm, "sync: Locker has no %s method", name);
	if (f->native) {
		Value res[2];
		return f->native(vm, &recv, 1, res);
	}
	return vm_call(vm, f, &recv, 1, NULL, 0);
}

static int cond_wait(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Cond */
	(void)n;
	(void)r;
	int *st = vm_g_scratch(vm);
	GolIface *l = SLOT(a[0], 0).p;
	if (*st == 0 && cond_check(vm, a[0]) < 0)
		return -1;
	if (*st == 0) {
		/* on the queue first, then unlock: a Signal that comes after the
		 * Unlock finds this goroutine waiting (it is parked by then, or
		 * being parked, which the scheduler handles). L's methods run
		 * without the sync lock: a Locker written in Go may do anything
		 * a goroutine does. */
		vm_sync_lock(vm);
		vm_wait(vm, QUEUE(a[0], 1), "sync.Cond.Wait");
		vm_sync_unlock(vm);
		int rc = locker_call(vm, l, "Unlock");
		if (rc < 0) {
			/* the panic propagates from here: no wait, and no entry
			 * left behind for a later Signal to wake */
			vm_sync_lock(vm);
			vm_wait_cancel(vm, QUEUE(a[0], 1));
			vm_sync_unlock(vm);
			return rc;
		}
		*st = 1;
		return VM_BLOCK;
	}
	/* woken: take the lock back before returning (this may wait too) */
	int rc = locker_call(vm, l, "Lock");
	if (rc == VM_BLOCK)
		return rc;
	*st = 0;
	return rc;
}

static int cond_signal(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Cond */
	(void)n;
	(void)r;
	if (cond_check(vm, a[0]) < 0)
		return -1;
	vm_wake_one(vm, QUEUE(a[0], 1));
	return 0;
}

static int cond_broadcast(VM *vm, Value *a, int n, Value *r)
{
	if (!a[0].p)
		return vm_panic_nil(vm); /* a nil *sync.Cond */
	(void)n;
	(void)r;
	if (cond_check(vm, a[0]) < 0)
		return -1;
	vm_wake_all(vm, QUEUE(a[0], 1));
	return 0;
}

static int new_cond(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	static Type *cond_type;
	Value *blk = block_new(RT_LAZY(cond_type, std_named_type("sync", "Cond")));
	blk[0] = a[0];
	r[0].p = blk;
	return 0;
}

/* ---- sync/atomic ------------------------------------------------------------------ */
/* Each function works on one Value slot (a variable's cell, a field, the
 * single field of an atomic type), with the width of its type. The
 * __atomic builtins keep them right when goroutines run on several
 * threads; the narrow kinds wrap as their Go types do. */

/* The word a[0] points to, told to the race detector as an atomic access
 * of that kind (none for kind < 0: a CompareAndSwap says which once it
 * knows whether it swapped). */
static Value *atomic_slot(VM *vm, Value *a, int kind)
{
	Value *p = a[0].p;
	if (!p)
		vm_panic_nil(vm);
	else if (kind >= 0)
		vm_race_atomic(vm, p, kind);
	return p;
}

static int64_t wrap_width(int64_t v, int kind)
{
	switch (kind) {
	case 32: return (int32_t)v;
	case -32: return (uint32_t)v;
	default: return v;
	}
}

#define ATOMIC_FUNCS(NAME, KIND)                                                             \
	static int add_##NAME(VM *vm, Value *a, int n, Value *r)                             \
	{                                                                                  \
		(void)n;                                                                   \
		Value *p = atomic_slot(vm, a, VM_ATOMIC_RMW);                                     \
		if (!p)                                                                    \
			return -1;                                                         \
		/* one compare-and-swap of the wrapped sum: an add and a       \
		 * separate store would lose another thread's add between */   \
		int64_t old = __atomic_load_n(&p->i, __ATOMIC_RELAXED), nv;                \
		do                                                                         \
			nv = wrap_width((int64_t)((uint64_t)old + (uint64_t)a[1].i), KIND); \
		while (!__atomic_compare_exchange_n(&p->i, &old, nv, true, __ATOMIC_SEQ_CST, \
						    __ATOMIC_RELAXED));                    \
		r[0].i = nv;                                                               \
		return 0;                                                                  \
	}                                                                                  \
	static int load_##NAME(VM *vm, Value *a, int n, Value *r)                            \
	{                                                                                  \
		(void)n;                                                                   \
		Value *p = atomic_slot(vm, a, VM_ATOMIC_LOAD);                                     \
		if (!p)                                                                    \
			return -1;                                                         \
		r[0].i = __atomic_load_n(&p->i, __ATOMIC_SEQ_CST);                         \
		return 0;                                                                  \
	}                                                                                  \
	static int store_##NAME(VM *vm, Value *a, int n, Value *r)                           \
	{                                                                                  \
		(void)n;                                                                   \
		(void)r;                                                                   \
		Value *p = atomic_slot(vm, a, VM_ATOMIC_STORE);                                    \
		if (!p)                                                                    \
			return -1;                                                         \
		__atomic_store_n(&p->i, wrap_width(a[1].i, KIND), __ATOMIC_SEQ_CST);        \
		return 0;                                                                  \
	}                                                                                  \
	static int swap_##NAME(VM *vm, Value *a, int n, Value *r)                            \
	{                                                                                  \
		(void)n;                                                                   \
		Value *p = atomic_slot(vm, a, VM_ATOMIC_RMW);                                     \
		if (!p)                                                                    \
			return -1;                                                         \
		r[0].i = __atomic_exchange_n(&p->i, wrap_width(a[1].i, KIND), __ATOMIC_SEQ_CST); \
		return 0;                                                                  \
	}                                                                                  \
	static int cas_##NAME(VM *vm, Value *a, int n, Value *r)                             \
	{                                                                                  \
		(void)n;                                                                   \
		Value *p = atomic_slot(vm, a, -1);                                         \
		if (!p)                                                                    \
			return -1;                                                         \
		int64_t old = wrap_width(a[1].i, KIND);                                    \
		r[0].i = __atomic_compare_exchange_n(&p->i, &old, wrap_width(a[2].i, KIND), false, \
						     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);  \
		/* a failed CompareAndSwap only loads, as Go's detector has it */     \
		vm_race_atomic(vm, p, r[0].i ? VM_ATOMIC_RMW : VM_ATOMIC_LOAD);            \
		return 0;                                                                  \
	}

ATOMIC_FUNCS(i32, 32)
ATOMIC_FUNCS(i64, 64)
ATOMIC_FUNCS(u32, -32)
ATOMIC_FUNCS(u64, 64)

/* The atomic types' methods: Go's types put noCopy (and, for 64 bits,
 * align64) fields before v, so v is the receiver block's slot V; the
 * functions above take a pointer to the word. */
#define ATOMIC_METHOD(FN, V)                                                              \
	static int m_##FN(VM *vm, Value *a, int n, Value *r)                              \
	{                                                                                 \
		if (!a[0].p)                                                              \
			return vm_panic_nil(vm);                                          \
		Value b[3] = {{.p = (Value *)a[0].p + (V)}, {0}, {0}};                    \
		for (int k = 1; k < n && k < 3; k++)                                      \
			b[k] = a[k];                                                      \
		return FN(vm, b, n, r);                                                   \
	}
#define ATOMIC_METHODS(NAME, V)                                                           \
	ATOMIC_METHOD(add_##NAME, V)                                                      \
	ATOMIC_METHOD(load_##NAME, V)                                                     \
	ATOMIC_METHOD(store_##NAME, V)                                                    \
	ATOMIC_METHOD(swap_##NAME, V)                                                     \
	ATOMIC_METHOD(cas_##NAME, V)
ATOMIC_METHODS(i32, 1)
ATOMIC_METHODS(i64, 2)
ATOMIC_METHODS(u32, 1)
ATOMIC_METHODS(u64, 2)

/* atomic.Value: slot 0 holds the interface. */
/* Go's Value is two words, a type and the data, each stored atomically:
 * the first Store writes the data and then the type, a later one the data
 * only (after loading the type), and Load loads both. So a Load still
 * acquires what the first Store released through the type word. gol's
 * Value is one word; the type word's clock is kept at the byte after it. */
static void *type_word(Value *p)
{
	return (char *)p + 1;
}

static int av_load(VM *vm, Value *a, int n, Value *r)
{
	if (a[0].p)
		vm_race_acquire(vm, type_word(a[0].p));
	return load_i64(vm, a, n, r);
}

static int av_store(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (!a[1].p)
		return vm_panic_msg(vm, "sync/atomic: store of nil value into Value");
	Value *p = a[0].p;
	if (!p)
		return vm_panic_nil(vm);
	GolIface *first = __atomic_load_n((GolIface **)&p->p, __ATOMIC_SEQ_CST);
	vm_race_acquire(vm, type_word(p));
	vm_race_atomic(vm, p, VM_ATOMIC_STORE);
	if (!first)
		vm_race_release_store(vm, type_word(p));
	GolIface *old = __atomic_load_n((GolIface **)&p->p, __ATOMIC_SEQ_CST);
	if (old && old->type != ((GolIface *)a[1].p)->type)
		return vm_panic_msg(vm, "sync/atomic: store of inconsistently typed value into Value");
	__atomic_store_n(&p->p, a[1].p, __ATOMIC_SEQ_CST);
	return 0;
}

/* Swap and CompareAndSwap, with Go's panics; to the race detector a
 * swap is a read-modify-write of the data word (a CompareAndSwap that
 * fails, a load), after the type word's load */
static int av_swap(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolIface *nv = a[1].p;
	if (!nv)
		return vm_panic_msg(vm, "sync/atomic: swap of nil value into Value");
	Value *p = a[0].p;
	if (!p)
		return vm_panic_nil(vm);
	GolIface *cur = __atomic_load_n((GolIface **)&p->p, __ATOMIC_SEQ_CST);
	if (cur && cur->type != nv->type)
		return vm_panic_msg(vm, "sync/atomic: swap of inconsistently typed value into Value");
	vm_race_acquire(vm, type_word(p));
	vm_race_atomic(vm, p, cur ? VM_ATOMIC_RMW : VM_ATOMIC_STORE);
	if (!cur)
		vm_race_release_store(vm, type_word(p));
	r[0].p = __atomic_exchange_n((GolIface **)&p->p, nv, __ATOMIC_SEQ_CST);
	return 0;
}

static int av_cas(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	GolIface *old = a[1].p, *nv = a[2].p;
	if (!nv)
		return vm_panic_msg(vm, "sync/atomic: compare and swap of nil value into Value");
	if (old && old->type != nv->type)
		return vm_panic_msg(vm, "sync/atomic: compare and swap of inconsistently typed values");
	Value *p = a[0].p;
	if (!p)
		return vm_panic_nil(vm);
	vm_race_acquire(vm, type_word(p));
	GolIface *cur = __atomic_load_n((GolIface **)&p->p, __ATOMIC_SEQ_CST);
	if (!cur) {
		r[0].i = 0;
		if (old)
			return 0;
		vm_race_atomic(vm, p, VM_ATOMIC_STORE);
		vm_race_release_store(vm, type_word(p));
		GolIface *none = NULL;
		r[0].i = __atomic_compare_exchange_n((GolIface **)&p->p, &none, nv, false, __ATOMIC_SEQ_CST,
						     __ATOMIC_SEQ_CST);
		return 0;
	}
	if (cur->type != nv->type)
		return vm_panic_msg(vm, "sync/atomic: compare and swap of inconsistently typed value into Value");
	/* the current value against old with ==: an uncomparable type panics */
	Type *bad = NULL;
	int eq = iface_equal(cur, old, &bad);
	if (eq < 0)
		return vm_panic_error(vm, "comparing uncomparable type %s", rtype_string(bad));
	if (!eq) {
		vm_race_atomic(vm, p, VM_ATOMIC_LOAD);
		r[0].i = 0;
		return 0;
	}
	vm_race_atomic(vm, p, VM_ATOMIC_RMW);
	r[0].i = __atomic_compare_exchange_n((GolIface **)&p->p, &cur, nv, false, __ATOMIC_SEQ_CST,
					     __ATOMIC_SEQ_CST);
	return 0;
}

/* ---- time and runtime --------------------------------------------------------- */

static int time_sleep(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	return vm_sleep(vm, a[0].i);
}

/* A time.Time for "now": its monotonic reading (ext), which Sub, Since
 * and Until use, and the wall clock in nanoseconds since 1970 (wall), which
 * only String shows. */
static Value time_value(int64_t mono)
{
	static Type *time_type;
	Value v;
	v.p = block_new(RT_LAZY(time_type, std_named_type("time", "Time")));
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	((Value *)v.p)[0].i = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	((Value *)v.p)[1].i = mono;
	return v;
}

/* The monotonic clock when the program started: Go's m= readings count
 * from there. */
static int64_t mono_start;

static void __attribute__((constructor)) note_mono_start(void)
{
	mono_start = vm_now();
}

static int time_now(VM *vm, Value *a, int n, Value *r)
{
	(void)a;
	(void)n;
	(void)vm;
	r[0] = time_value(vm_now());
	return 0;
}

/* Time.String as Go's: Format("2006-01-02 15:04:05.999999999 -0700 MST")
 * in the local zone, then the monotonic reading, m=+0.000012345. */
static int time_string(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	int64_t wall = ((Value *)a[0].p)[0].i, mono = ((Value *)a[0].p)[1].i;
	if (!wall && !mono) { /* the zero Time: January 1, year 1, UTC */
		r[0].p = str_from_c("0001-01-01 00:00:00 +0000 UTC");
		return 0;
	}
	time_t sec = (time_t)(wall / 1000000000);
	long nsec = (long)(wall % 1000000000);
	struct tm tm;
	localtime_r(&sec, &tm);
	char frac[16] = "";
	if (nsec) {
		snprintf(frac, sizeof frac, ".%09ld", nsec);
		size_t k = strlen(frac);
		while (frac[k - 1] == '0')
			frac[--k] = 0;
	}
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	int64_t m = mono - mono_start;
	char buf[160];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d%s %c%02ld%02ld %s m=%c%lld.%09lld",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac, sign,
		 off / 3600, off / 60 % 60, tm.tm_zone ? tm.tm_zone : "UTC", m < 0 ? '-' : '+',
		 (long long)((m < 0 ? -m : m) / 1000000000), (long long)((m < 0 ? -m : m) % 1000000000));
	r[0].p = str_from_c(buf);
	return 0;
}

static int time_since(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	r[0].i = vm_now() - ((Value *)a[0].p)[1].i;
	return 0;
}

static int time_until(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	r[0].i = ((Value *)a[0].p)[1].i - vm_now();
	return 0;
}

/* A Time is the block {wall, mono, loc}: Unix nanoseconds and the
 * monotonic reading taken with them (every Time gol makes has both); the
 * zero Time, January 1 of year 1, is all zero. Go compares and subtracts
 * by monotonic readings where both Times have one, as here. */
#define T_WALL(v) (((Value *)(v).p)[0].i)
#define T_MONO(v) (((Value *)(v).p)[1].i)
#define ZERO_UNIX_SEC (-62135596800LL) /* the zero Time in Unix seconds */

static bool time_zero(Value t)
{
	return !T_WALL(t) && !T_MONO(t);
}

/* -1, 0 or 1 as t is before, at or after u. */
static int time_cmp(Value t, Value u)
{
	bool tz = time_zero(t), uz = time_zero(u);
	if (tz || uz)
		return tz == uz ? 0 : tz ? -1 : 1;
	return T_MONO(t) < T_MONO(u) ? -1 : T_MONO(t) > T_MONO(u);
}

static int time_sub(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	/* a zero Time is some 2,000 years from any other: the difference
	 * saturates, as Go's does */
	int c = time_cmp(a[0], a[1]);
	if (time_zero(a[0]) != time_zero(a[1]))
		r[0].i = c < 0 ? INT64_MIN : INT64_MAX;
	else
		r[0].i = time_zero(a[0]) ? 0 : T_MONO(a[0]) - T_MONO(a[1]);
	return 0;
}

static int time_before(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_cmp(a[0], a[1]) < 0; return 0; }
static int time_after_m(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_cmp(a[0], a[1]) > 0; return 0; }
static int time_equal(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_cmp(a[0], a[1]) == 0; return 0; }
static int time_iszero(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_zero(a[0]); return 0; }

static int time_add(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	if (time_zero(a[0]))
		return vm_panic_msg(vm, "gol: Time.Add on the zero Time is not supported yet");
	Value t;
	t.p = block_new(std_named_type("time", "Time"));
	T_WALL(t) = (int64_t)((uint64_t)T_WALL(a[0]) + (uint64_t)a[1].i);
	T_MONO(t) = (int64_t)((uint64_t)T_MONO(a[0]) + (uint64_t)a[1].i);
	r[0] = t;
	return 0;
}

/* Unix time in units of per nanoseconds, as Go computes it: seconds
 * times units plus the nanoseconds within the second divided down
 * (wrapping, as Go's int64 arithmetic does for the zero Time's nanoseconds). */
static int64_t time_unix_in(Value t, int64_t per)
{
	int64_t sec, nsec;
	if (time_zero(t)) {
		sec = ZERO_UNIX_SEC;
		nsec = 0;
	} else {
		sec = T_WALL(t) / 1000000000;
		nsec = T_WALL(t) % 1000000000;
		if (nsec < 0) {
			sec--;
			nsec += 1000000000;
		}
	}
	return (int64_t)((uint64_t)sec * (uint64_t)(1000000000 / per) + (uint64_t)(nsec / per));
}

static int time_unix(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_unix_in(a[0], 1000000000); return 0; }
static int time_unixmilli(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_unix_in(a[0], 1000000); return 0; }
static int time_unixmicro(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_unix_in(a[0], 1000); return 0; }
static int time_unixnano(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_unix_in(a[0], 1); return 0; }

/* t's calendar fields in the local zone (the zero Time's are UTC's:
 * Monday, January 1, year 1, midnight). */
static struct tm time_fields(Value t)
{
	struct tm tm;
	if (time_zero(t)) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = 1 - 1900;
		tm.tm_mday = 1;
		tm.tm_wday = 1;
		return tm;
	}
	time_t sec = (time_t)time_unix_in(t, 1000000000);
	localtime_r(&sec, &tm);
	return tm;
}

static int time_year(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_year + 1900; return 0; }
static int time_month(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_mon + 1; return 0; }
static int time_day(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_mday; return 0; }
static int time_hour(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_hour; return 0; }
static int time_minute(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_min; return 0; }
static int time_second(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_sec; return 0; }
static int time_weekday(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_wday; return 0; }
static int time_yearday(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = time_fields(a[0]).tm_yday + 1; return 0; }
static int time_nanosecond(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	int64_t ns = time_zero(a[0]) ? 0 : T_WALL(a[0]) % 1000000000;
	r[0].i = ns < 0 ? ns + 1000000000 : ns;
	return 0;
}

static Type *time_chan_type(void)
{
	static Type *t;
	return RT_LAZY(t, type_chan(std_named_type("time", "Time"), 2));
}

/* *Timer and *Ticker: a block {C, r}; r keeps the VM's timer handle. */
static int make_timer(VM *vm, const char *type, int64_t d, int64_t period, GolClosure *f, Value *r)
{
	Type *tt = std_named_type("time", type);
	Value *blk = block_new(tt);
	void *c = NULL;
	void *h = vm_timer_start(vm, f ? NULL : time_chan_type(), f, d, period, &c);
	blk[0].p = c;
	blk[1].p = h;
	r[0].p = blk;
	return 0;
}

static int time_newtimer(VM *vm, Value *a, int n, Value *r) { (void)n; return make_timer(vm, "Timer", a[0].i, 0, NULL, r); }
static int time_afterfunc(VM *vm, Value *a, int n, Value *r) { (void)n; return make_timer(vm, "Timer", a[0].i, 0, a[1].p, r); }

static int time_newticker(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	if (a[0].i <= 0)
		return vm_panic_msg(vm, "non-positive interval for NewTicker");
	return make_timer(vm, "Ticker", a[0].i, a[0].i, NULL, r);
}

static int time_tick(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	if (a[0].i <= 0) {
		r[0].p = NULL;
		return 0;
	}
	Value t;
	make_timer(vm, "Ticker", a[0].i, a[0].i, NULL, &t);
	r[0] = ((Value *)t.p)[0];
	return 0;
}

static int timer_stop(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	r[0].i = vm_timer_stop(vm, ((Value *)a[0].p)[1].p);
	return 0;
}

static int timer_reset(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	r[0].i = vm_timer_reset(vm, ((Value *)a[0].p)[1].p, a[1].i, 0);
	return 0;
}

static int ticker_reset(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (a[1].i <= 0)
		return vm_panic_msg(vm, "non-positive interval for Ticker.Reset");
	vm_timer_reset(vm, ((Value *)a[0].p)[1].p, a[1].i, a[1].i);
	return 0;
}

static int time_after(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	r[0].p = vm_after(vm, time_chan_type(), a[0].i, time_value(vm_now() + a[0].i));
	return 0;
}

/* ---- time.Duration ----------------------------------------------------------- */

/* Write the fraction v / 10^prec before *w (trailing zeros and, for a zero
 * fraction, the point omitted); returns v / 10^prec. */
static uint64_t dur_frac(char *buf, int *w, uint64_t v, int prec)
{
	bool print = false;
	for (int i = 0; i < prec; i++) {
		int digit = (int)(v % 10);
		print = print || digit;
		if (print)
			buf[--*w] = (char)('0' + digit);
		v /= 10;
	}
	if (print)
		buf[--*w] = '.';
	return v;
}

static void dur_int(char *buf, int *w, uint64_t v)
{
	do {
		buf[--*w] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
}

/* Go's Duration.String: 1h2m3.5s, 1.5ms, 3µs, 0s. */
/* The name of v among names[0..count), which name first, first + 1, ...;
 * for any other value Go's %!Type(v) (v printed as unsigned, as Go's
 * does: -1 is 18446744073709551615). */
static GolString *enum_name(const char *const *names, int64_t first, int64_t count, const char *type, int64_t v)
{
	if (v >= first && v - first < count)
		return str_from_c(names[v - first]);
	char buf[64];
	snprintf(buf, sizeof buf, "%%!%s(%llu)", type, (unsigned long long)v);
	return str_from_c(buf);
}

static int month_string(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	static const char *const names[] = {"January", "February", "March", "April", "May", "June",
					     "July", "August", "September", "October", "November", "December"};
	r[0].p = enum_name(names, 1, 12, "Month", a[0].i);
	return 0;
}

static int weekday_string(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	static const char *const names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
					     "Saturday"};
	r[0].p = enum_name(names, 0, 7, "Weekday", a[0].i);
	return 0;
}

static int dur_string(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	char buf[40];
	int w = sizeof buf;
	int64_t d = a[0].i;
	uint64_t u = d < 0 ? 0 - (uint64_t)d : (uint64_t)d;
	if (u < 1000000000ULL) {
		int prec;
		buf[--w] = 's';
		if (u == 0) {
			r[0].p = str_from_c("0s");
			return 0;
		} else if (u < 1000) {
			prec = 0;
			buf[--w] = 'n';
		} else if (u < 1000000) {
			prec = 3;
			buf[--w] = (char)0xB5; /* µ in UTF-8: C2 B5 */
			buf[--w] = (char)0xC2;
		} else {
			prec = 6;
			buf[--w] = 'm';
		}
		u = dur_frac(buf, &w, u, prec);
		dur_int(buf, &w, u);
	} else {
		buf[--w] = 's';
		u = dur_frac(buf, &w, u, 9);
		dur_int(buf, &w, u % 60);
		u /= 60;
		if (u > 0) {
			buf[--w] = 'm';
			dur_int(buf, &w, u % 60);
			u /= 60;
			if (u > 0) {
				buf[--w] = 'h';
				dur_int(buf, &w, u);
			}
		}
	}
	if (d < 0)
		buf[--w] = '-';
	r[0].p = str_new(buf + w, (int64_t)sizeof buf - w);
	return 0;
}

/* Seconds, Minutes, Hours as floats: whole part and remainder apart, as
 * Go computes them, so the result is exact where Go's is. */
static double dur_float(int64_t d, int64_t unit)
{
	int64_t whole = d / unit, frac = d % unit;
	return (double)whole + (double)frac / (double)unit;
}

static int dur_seconds(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].f = dur_float(a[0].i, 1000000000LL); return 0; }
static int dur_minutes(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].f = dur_float(a[0].i, 60000000000LL); return 0; }
static int dur_hours(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].f = dur_float(a[0].i, 3600000000000LL); return 0; }
static int dur_ms(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = a[0].i / 1000000; return 0; }
static int dur_us(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = a[0].i / 1000; return 0; }
static int dur_ns(VM *vm, Value *a, int n, Value *r) { (void)vm; (void)n; r[0].i = a[0].i; return 0; }

/* Duration.Truncate, Round and Abs as Go's: rounding halfway away from
 * zero, saturating where the result would overflow. */
static int dur_truncate(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	int64_t d = a[0].i, m = a[1].i;
	r[0].i = m <= 0 ? d : d - d % m;
	return 0;
}

static bool less_than_half(int64_t x, int64_t y)
{
	return (uint64_t)x + (uint64_t)x < (uint64_t)y;
}

static int dur_round(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	int64_t d = a[0].i, m = a[1].i;
	if (m <= 0) {
		r[0].i = d;
		return 0;
	}
	int64_t rem = d % m;
	if (d < 0) {
		rem = -rem;
		if (less_than_half(rem, m)) {
			r[0].i = d + rem;
			return 0;
		}
		int64_t d1 = (int64_t)((uint64_t)d - (uint64_t)m + (uint64_t)rem);
		r[0].i = d1 < d ? d1 : INT64_MIN;
		return 0;
	}
	if (less_than_half(rem, m)) {
		r[0].i = d - rem;
		return 0;
	}
	int64_t d1 = (int64_t)((uint64_t)d + (uint64_t)m - (uint64_t)rem);
	r[0].i = d1 > d ? d1 : INT64_MAX;
	return 0;
}

static int dur_abs(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	int64_t d = a[0].i;
	r[0].i = d >= 0 ? d : d == INT64_MIN ? INT64_MAX : -d;
	return 0;
}

static int rt_gosched(VM *vm, Value *a, int n, Value *r)
{
	(void)a;
	(void)n;
	(void)r;
	return vm_yield(vm);
}

/* runtime.GC: a full collection now. runtime.KeepAlive, LockOSThread and
 * UnlockOSThread change nothing a gol program can see (goroutines are not
 * threads; the collector scans conservatively). */
static int rt_gc(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)a;
	(void)n;
	(void)r;
	GC_gcollect();
	return 0;
}

static int rt_nothing(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)a;
	(void)n;
	(void)r;
	return 0;
}

static int rt_numgoroutine(VM *vm, Value *a, int n, Value *r)
{
	(void)a;
	(void)n;
	r[0].i = vm_num_goroutine(vm);
	return 0;
}

static int rt_numcpu(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)a;
	(void)n;
	long c = sysconf(_SC_NPROCESSORS_ONLN);
	r[0].i = c > 0 ? c : 1;
	return 0;
}

/* The number of worker threads (the scheduler's setting): returns the
 * previous value, as Go does. */
int64_t natives_gomaxprocs(int64_t n)
{
	return vm_gomaxprocs(n);
}

static int rt_gomaxprocs(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	r[0].i = natives_gomaxprocs(a[0].i);
	return 0;
}

#define LOCKED(fn)                                                   \
	static int fn##_locked(VM *vm, Value *a, int n, Value *r)    \
	{                                                            \
		vm_sync_lock(vm);                                    \
		int rc = fn(vm, a, n, r);                            \
		vm_sync_unlock(vm);                                  \
		return rc;                                           \
	}
LOCKED(rw_lock)
LOCKED(rw_unlock)
LOCKED(rw_rlock)
LOCKED(rw_runlock)
LOCKED(rw_trylock)
LOCKED(rw_tryrlock)
LOCKED(wg_add)
LOCKED(wg_done)
LOCKED(wg_wait)
LOCKED(cond_signal)
LOCKED(cond_broadcast)

/* ---- sync.Map ------------------------------------------------------------------- */
/* A Map's block is {mu Mutex, dirty map[any]any}: the entries live in an
 * ordinary map (made on the first store), guarded by one lock for every
 * Map (its operations are a few map steps). To the race detector every
 * operation acquires and releases the Map, as the atomic operations inside
 * Go's Map do (Go's detector orders even two loads). Range calls f on a
 * copy of the entries taken at its start, with the lock free (f may use
 * the Map). */

static pthread_mutex_t smap_lock = PTHREAD_MUTEX_INITIALIZER;

static GolMap *smap(Value m, bool make)
{
	GolMap *d = SLOT(m, 1).p;
	if (!d && make) {
		static Type *mt;
		if (!mt) {
			Type *st = type_under(std_named_type("sync", "Map"));
			mt = st->fields[1].type;
		}
		d = rt_map_new(mt, 0);
		SLOT(m, 1).p = d;
	}
	return d;
}

/* Look key up (insert it if insert); false after an unhashable key's panic. */
static bool smap_slot(VM *vm, Value m, Value key, bool insert, Value **slot)
{
	GolMap *d = smap(m, insert);
	*slot = NULL;
	if (d)
		*slot = insert ? map_set(d, &key) : map_get(d, &key);
	Type *bad = rt_key_error;
	if (bad) {
		rt_key_error = NULL;
		pthread_mutex_unlock(&smap_lock);
		vm_panic_error(vm, "hash of unhashable type %s", rtype_string(bad));
		return false;
	}
	return true;
}

enum { SMAP_LOAD, SMAP_STORE, SMAP_LOAD_OR_STORE, SMAP_LOAD_AND_DELETE };

/* One operation on Map a[0] with key a[1] (and value a[2]), results in r. */
static int smap_op(VM *vm, Value *a, Value *r, int op)
{
	if (!a[0].p)
		return vm_panic_nil(vm);
	vm_race_acquire(vm, a[0].p);
	pthread_mutex_lock(&smap_lock);
	Value *v;
	if (!smap_slot(vm, a[0], a[1], op == SMAP_STORE, &v))
		return -1;
	bool found = v != NULL;
	switch (op) {
	case SMAP_LOAD:
	case SMAP_LOAD_AND_DELETE:
		r[0].p = found ? v->p : NULL;
		r[1].i = found;
		if (found && op == SMAP_LOAD_AND_DELETE)
			map_delete(smap(a[0], false), &a[1]);
		break;
	case SMAP_STORE:
		*v = a[2];
		break;
	case SMAP_LOAD_OR_STORE:
		if (!found) {
			smap_slot(vm, a[0], a[1], true, &v);
			*v = a[2];
		}
		r[0] = *v;
		r[1].i = found;
		break;
	}
	pthread_mutex_unlock(&smap_lock);
	vm_race_release(vm, a[0].p);
	return 0;
}

static int smap_load(VM *vm, Value *a, int n, Value *r) { (void)n; return smap_op(vm, a, r, SMAP_LOAD); }
static int smap_store(VM *vm, Value *a, int n, Value *r) { (void)n; return smap_op(vm, a, r, SMAP_STORE); }
static int smap_load_or_store(VM *vm, Value *a, int n, Value *r) { (void)n; return smap_op(vm, a, r, SMAP_LOAD_OR_STORE); }
static int smap_load_and_delete(VM *vm, Value *a, int n, Value *r) { (void)n; return smap_op(vm, a, r, SMAP_LOAD_AND_DELETE); }

static int smap_delete(VM *vm, Value *a, int n, Value *r)
{
	Value res[2];
	(void)r;
	return smap_load_and_delete(vm, a, n, res);
}

static int smap_range(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (!a[0].p)
		return vm_panic_nil(vm);
	vm_race_acquire(vm, a[0].p);
	pthread_mutex_lock(&smap_lock);
	GolMap *d = smap(a[0], false);
	int64_t len = map_len(d), k = 0;
	Value *kv = GC_MALLOC(sizeof(Value) * (size_t)(2 * len + 2));
	if (d) {
		MapIter it;
		map_iter_init(&it, d);
		void *key, *val;
		while (k < len && map_iter_next(&it, &key, &val)) {
			kv[2 * k] = *(Value *)key;
			kv[2 * k + 1] = *(Value *)val;
			k++;
		}
	}
	pthread_mutex_unlock(&smap_lock);
	vm_race_release(vm, a[0].p);
	GolClosure *f = a[1].p;
	for (int64_t i = 0; i < k; i++) {
		Value res;
		if (std_call(vm, f, kv + 2 * i, 2, &res, 1) < 0)
			return -1;
		if (!res.i)
			break;
	}
	return 0;
}

/* ---- sync.Pool ------------------------------------------------------------------ */
/* A Pool's block is {local []any, New func() any}. As Go's Pool for one
 * goroutine: a private item, taken first, then the others last in first
 * out; empty, Get calls New (nil without one). local holds the private
 * item at 0 (nil when none) and the others after it, the newest last.
 * Items stay until taken (Go may drop them at a collection, and under
 * -race drops some at random, where gol keeps them). */

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;

static int pool_put(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (!a[0].p)
		return vm_panic_nil(vm);
	if (!a[1].p)
		return 0;
	vm_race_release(vm, a[0].p); /* a Put happens before the Get that takes it */
	pthread_mutex_lock(&pool_lock);
	GolSlice *l = SLOT(a[0], 0).p;
	if (!l) {
		l = std_slice_new(1, 8);
		SLOT(a[0], 0).p = l;
	}
	if (!l->data[0].p) {
		l->data[0] = a[1];
	} else {
		if (l->len == l->cap) {
			GolSlice *g = std_slice_new(l->len, 2 * l->cap);
			memcpy(g->data, l->data, sizeof(Value) * (size_t)l->len);
			l = g;
			SLOT(a[0], 0).p = l;
		}
		l->data[l->len++] = a[1];
	}
	pthread_mutex_unlock(&pool_lock);
	return 0;
}

static int pool_get(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	if (!a[0].p)
		return vm_panic_nil(vm);
	pthread_mutex_lock(&pool_lock);
	GolSlice *l = SLOT(a[0], 0).p;
	Value x = {0};
	if (l && l->data[0].p) {
		x = l->data[0];
		l->data[0].p = NULL;
	} else if (l && l->len > 1) {
		x = l->data[--l->len];
		l->data[l->len].p = NULL;
	}
	pthread_mutex_unlock(&pool_lock);
	if (x.p)
		vm_race_acquire(vm, a[0].p);
	if (!x.p && SLOT(a[0], 1).p)
		return std_call(vm, SLOT(a[0], 1).p, NULL, 0, r, 1);
	r[0] = x;
	return 0;
}

const NativeDef sync_natives[] = {
	{"sync.Pool.Get", pool_get},
	{"sync.Pool.Put", pool_put},
	{"sync.Map.Load", smap_load},
	{"sync.Map.Store", smap_store},
	{"sync.Map.LoadOrStore", smap_load_or_store},
	{"sync.Map.LoadAndDelete", smap_load_and_delete},
	{"sync.Map.Delete", smap_delete},
	{"sync.Map.Range", smap_range},
	{"sync.Mutex.Lock", mutex_lock},
	{"sync.Mutex.TryLock", mutex_trylock},
	{"sync.Mutex.Unlock", mutex_unlock},
	{"sync.RWMutex.Lock", rw_lock_locked},
	{"sync.RWMutex.Unlock", rw_unlock_locked},
	{"sync.RWMutex.RLock", rw_rlock_locked},
	{"sync.RWMutex.RUnlock", rw_runlock_locked},
	{"sync.RWMutex.TryLock", rw_trylock_locked},
	{"sync.RWMutex.TryRLock", rw_tryrlock_locked},
	{"sync.RWMutex.RLocker", rw_rlocker},
	{"sync.WaitGroup.Add", wg_add_locked},
	{"sync.WaitGroup.Done", wg_done_locked},
	{"sync.WaitGroup.Wait", wg_wait_locked},
	{"sync.Once.Do", once_do},
	{"sync.Cond.Wait", cond_wait},
	{"sync.Cond.Signal", cond_signal_locked},
	{"sync.Cond.Broadcast", cond_broadcast_locked},
	{"sync.NewCond", new_cond},
	{"sync/atomic.AddInt32", add_i32}, {"sync/atomic.AddInt64", add_i64},
	{"sync/atomic.AddUint32", add_u32}, {"sync/atomic.AddUint64", add_u64},
	{"sync/atomic.LoadInt32", load_i32}, {"sync/atomic.LoadInt64", load_i64},
	{"sync/atomic.LoadUint32", load_u32}, {"sync/atomic.LoadUint64", load_u64},
	{"sync/atomic.StoreInt32", store_i32}, {"sync/atomic.StoreInt64", store_i64},
	{"sync/atomic.StoreUint32", store_u32}, {"sync/atomic.StoreUint64", store_u64},
	{"sync/atomic.SwapInt32", swap_i32}, {"sync/atomic.SwapInt64", swap_i64},
	{"sync/atomic.SwapUint32", swap_u32}, {"sync/atomic.SwapUint64", swap_u64},
	{"sync/atomic.CompareAndSwapInt32", cas_i32}, {"sync/atomic.CompareAndSwapInt64", cas_i64},
	{"sync/atomic.CompareAndSwapUint32", cas_u32}, {"sync/atomic.CompareAndSwapUint64", cas_u64},
	/* the atomic types: the receiver is the block, v its last slot */
	{"sync/atomic.Int32.Add", m_add_i32}, {"sync/atomic.Int32.Load", m_load_i32},
	{"sync/atomic.Int32.Store", m_store_i32}, {"sync/atomic.Int32.Swap", m_swap_i32},
	{"sync/atomic.Int32.CompareAndSwap", m_cas_i32},
	{"sync/atomic.Int64.Add", m_add_i64}, {"sync/atomic.Int64.Load", m_load_i64},
	{"sync/atomic.Int64.Store", m_store_i64}, {"sync/atomic.Int64.Swap", m_swap_i64},
	{"sync/atomic.Int64.CompareAndSwap", m_cas_i64},
	{"sync/atomic.Uint32.Add", m_add_u32}, {"sync/atomic.Uint32.Load", m_load_u32},
	{"sync/atomic.Uint32.Store", m_store_u32}, {"sync/atomic.Uint32.Swap", m_swap_u32},
	{"sync/atomic.Uint32.CompareAndSwap", m_cas_u32},
	{"sync/atomic.Uint64.Add", m_add_u64}, {"sync/atomic.Uint64.Load", m_load_u64},
	{"sync/atomic.Uint64.Store", m_store_u64}, {"sync/atomic.Uint64.Swap", m_swap_u64},
	{"sync/atomic.Uint64.CompareAndSwap", m_cas_u64},
	{"sync/atomic.Bool.Load", m_load_u32}, {"sync/atomic.Bool.Store", m_store_u32},
	{"sync/atomic.Bool.Swap", m_swap_u32}, {"sync/atomic.Bool.CompareAndSwap", m_cas_u32},
	{"sync/atomic.Value.Load", av_load}, {"sync/atomic.Value.Store", av_store},
	{"sync/atomic.Value.Swap", av_swap}, {"sync/atomic.Value.CompareAndSwap", av_cas},
	{"time.Sleep", time_sleep},
	{"time.Now", time_now},
	{"time.Since", time_since},
	{"time.Until", time_until},
	{"time.Time.Sub", time_sub},
	{"time.Time.Add", time_add},
	{"time.Time.After", time_after_m},
	{"time.Time.Before", time_before},
	{"time.Time.Equal", time_equal},
	{"time.Time.IsZero", time_iszero},
	{"time.Time.Unix", time_unix},
	{"time.Time.UnixMilli", time_unixmilli},
	{"time.Time.UnixMicro", time_unixmicro},
	{"time.Time.UnixNano", time_unixnano},
	{"time.Time.Year", time_year},
	{"time.Time.Month", time_month},
	{"time.Time.Day", time_day},
	{"time.Time.Hour", time_hour},
	{"time.Time.Minute", time_minute},
	{"time.Time.Second", time_second},
	{"time.Time.Nanosecond", time_nanosecond},
	{"time.Time.Weekday", time_weekday},
	{"time.Time.YearDay", time_yearday},
	{"time.Duration.Truncate", dur_truncate},
	{"time.Duration.Round", dur_round},
	{"time.Duration.Abs", dur_abs},
	{"time.NewTimer", time_newtimer},
	{"time.AfterFunc", time_afterfunc},
	{"time.NewTicker", time_newticker},
	{"time.Tick", time_tick},
	{"time.Timer.Stop", timer_stop},
	{"time.Timer.Reset", timer_reset},
	{"time.Ticker.Stop", timer_stop},
	{"time.Ticker.Reset", ticker_reset},
	{"time.After", time_after},
	{"time.Duration.String", dur_string},
	{"time.Month.String", month_string},
	{"time.Weekday.String", weekday_string},
	{"time.Time.String", time_string},
	{"time.Duration.Seconds", dur_seconds},
	{"time.Duration.Minutes", dur_minutes},
	{"time.Duration.Hours", dur_hours},
	{"time.Duration.Milliseconds", dur_ms},
	{"time.Duration.Microseconds", dur_us},
	{"time.Duration.Nanoseconds", dur_ns},
	{"runtime.Gosched", rt_gosched},
	{"runtime.GC", rt_gc},
	{"runtime.KeepAlive", rt_nothing},
	{"runtime.LockOSThread", rt_nothing},
	{"runtime.UnlockOSThread", rt_nothing},
	{"runtime.NumGoroutine", rt_numgoroutine},
	{"runtime.NumCPU", rt_numcpu},
	{"runtime.GOMAXPROCS", rt_gomaxprocs},
	{NULL, NULL},
};
