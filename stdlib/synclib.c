/*
 * synclib.c — sync (Mutex, RWMutex, WaitGroup, Once), time.Sleep and the
 * runtime package's goroutine functions.
 *
 * The sync types keep their state in the slots of the blocks their
 * declarations give them (stdlib/decls/sync.gol): a Mutex is
 * {state, sema} and uses state as "locked" and sema to hold its queue of
 * waiting goroutines. Waiting parks the goroutine in the VM (vm_wait) and
 * the call runs again when it is woken, so no OS thread ever blocks on a
 * gol-level lock.
 */
#include "natives.h"
#include "stdlib_natives.h"
#include "vm.h"
#include "rt.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define SLOT(v, i) (((Value *)(v).p)[i])
#define QUEUE(v, i) ((GWait **)&((Value *)(v).p)[i].p)

static void fatal(VM *vm, const char *msg)
{
	vm_flush(vm);
	fprintf(stderr, "fatal error: %s\n", msg);
	exit(2);
}

/* ---- Mutex: slot 0 locked, slot 1 waiters ---------------------------------- */

static int mutex_lock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (SLOT(a[0], 0).i)
		return vm_wait(vm, QUEUE(a[0], 1), "sync.Mutex.Lock");
	SLOT(a[0], 0).i = 1;
	return 0;
}

static int mutex_trylock(VM *vm, Value *a, int n, Value *r)
{
	(void)vm;
	(void)n;
	if (SLOT(a[0], 0).i) {
		r[0].i = 0;
		return 0;
	}
	SLOT(a[0], 0).i = 1;
	r[0].i = 1;
	return 0;
}

static int mutex_unlock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (!SLOT(a[0], 0).i)
		fatal(vm, "sync: unlock of unlocked mutex");
	SLOT(a[0], 0).i = 0;
	vm_wake_one(vm, QUEUE(a[0], 1));
	return 0;
}

/* ---- RWMutex: slot 0 the writer's Mutex block, slot 1 readers' queue,
 * slot 3 active readers ------------------------------------------------------- */

static int rw_lock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	Value w = SLOT(a[0], 0);
	if (SLOT(w, 0).i || SLOT(a[0], 3).i > 0)
		return vm_wait(vm, QUEUE(w, 1), "sync.RWMutex.Lock");
	SLOT(w, 0).i = 1;
	return 0;
}

static int rw_unlock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	Value w = SLOT(a[0], 0);
	if (!SLOT(w, 0).i)
		fatal(vm, "sync: Unlock of unlocked RWMutex");
	SLOT(w, 0).i = 0;
	vm_wake_all(vm, QUEUE(a[0], 1));
	vm_wake_one(vm, QUEUE(w, 1));
	return 0;
}

static int rw_rlock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	Value w = SLOT(a[0], 0);
	/* a waiting writer keeps new readers out, as Go's does */
	if (SLOT(w, 0).i || *QUEUE(w, 1))
		return vm_wait(vm, QUEUE(a[0], 1), "sync.RWMutex.RLock");
	SLOT(a[0], 3).i++;
	return 0;
}

static int rw_runlock(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (SLOT(a[0], 3).i <= 0)
		fatal(vm, "sync: RUnlock of unlocked RWMutex");
	if (--SLOT(a[0], 3).i == 0)
		vm_wake_one(vm, QUEUE(SLOT(a[0], 0), 1));
	return 0;
}

/* ---- WaitGroup: slot 0 holds the [3]uint32 block: counter, waiters -------- */

static int wg_add(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	Value st = SLOT(a[0], 0);
	SLOT(st, 0).i += a[1].i;
	if (SLOT(st, 0).i < 0)
		return vm_panic_msg(vm, "sync: negative WaitGroup counter");
	if (SLOT(st, 0).i == 0)
		vm_wake_all(vm, QUEUE(st, 1));
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
	(void)n;
	(void)r;
	Value st = SLOT(a[0], 0);
	if (SLOT(st, 0).i > 0)
		return vm_wait(vm, QUEUE(st, 1), "sync.WaitGroup.Wait");
	return 0;
}

/* ---- Once: slot 0 done -------------------------------------------------------- */

static int once_do(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	if (SLOT(a[0], 0).i)
		return 0;
	SLOT(a[0], 0).i = 1;
	return vm_call(vm, a[1].p, NULL, 0, NULL, 0);
}

/* ---- time and runtime --------------------------------------------------------- */

static int time_sleep(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	(void)r;
	return vm_sleep(vm, a[0].i);
}

/* A time.Time for "now": only its monotonic reading is kept (ext). */
static Value time_value(int64_t mono)
{
	static Type *time_type;
	if (!time_type)
		time_type = std_named_type("time", "Time");
	Value v;
	v.p = block_new(time_type);
	((Value *)v.p)[1].i = mono;
	return v;
}

static int time_after(VM *vm, Value *a, int n, Value *r)
{
	(void)n;
	static Type *chan_type;
	if (!chan_type)
		chan_type = type_chan(std_named_type("time", "Time"), 2);
	r[0].p = vm_after(vm, chan_type, a[0].i, time_value(vm_now() + a[0].i));
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

static int rt_gosched(VM *vm, Value *a, int n, Value *r)
{
	(void)a;
	(void)n;
	(void)r;
	return vm_yield(vm);
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

/* One worker runs every goroutine for now; the setting is remembered
 * and reported as Go does (the previous value). */
static int rt_gomaxprocs(VM *vm, Value *a, int n, Value *r)
{
	static int64_t procs;
	(void)n;
	if (!procs)
		rt_numcpu(vm, a, 0, r), procs = r[0].i;
	r[0].i = procs;
	if (a[0].i > 0)
		procs = a[0].i;
	return 0;
}

const NativeDef sync_natives[] = {
	{"sync.Mutex.Lock", mutex_lock},
	{"sync.Mutex.TryLock", mutex_trylock},
	{"sync.Mutex.Unlock", mutex_unlock},
	{"sync.RWMutex.Lock", rw_lock},
	{"sync.RWMutex.Unlock", rw_unlock},
	{"sync.RWMutex.RLock", rw_rlock},
	{"sync.RWMutex.RUnlock", rw_runlock},
	{"sync.WaitGroup.Add", wg_add},
	{"sync.WaitGroup.Done", wg_done},
	{"sync.WaitGroup.Wait", wg_wait},
	{"sync.Once.Do", once_do},
	{"time.Sleep", time_sleep},
	{"time.After", time_after},
	{"time.Duration.String", dur_string},
	{"time.Duration.Seconds", dur_seconds},
	{"time.Duration.Minutes", dur_minutes},
	{"time.Duration.Hours", dur_hours},
	{"time.Duration.Milliseconds", dur_ms},
	{"time.Duration.Microseconds", dur_us},
	{"time.Duration.Nanoseconds", dur_ns},
	{"runtime.Gosched", rt_gosched},
	{"runtime.NumGoroutine", rt_numgoroutine},
	{"runtime.NumCPU", rt_numcpu},
	{"runtime.GOMAXPROCS", rt_gomaxprocs},
	{NULL, NULL},
};
