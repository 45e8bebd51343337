/*
 * sched.c — goroutines and the scheduler.
 *
 * A goroutine is a G: a register stack that starts small and grows, its
 * frames, its panic state. This first scheduler runs every goroutine on one
 * OS thread, cooperatively: a goroutine runs until it blocks (a channel, a
 * lock, a sleep), finishes, or spends its time slice (an instruction budget
 * counted at loop back-edges), and the next runnable one is taken from a
 * first-in-first-out queue. Sleepers wait in a list ordered by wake time;
 * when nothing is runnable the thread sleeps until the first of them.
 * Nothing runnable and nobody sleeping is Go's deadlock.
 *
 * Invariant: vm->stack, vm->frames, vm->panic... always belong to vm->cur;
 * every other goroutine's copies are in its G (sched_save / sched_load).
 */
#include "vm_int.h"
#include "race.h"
#include "rt.h"

#include <gc.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>

int64_t sched_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

G *sched_new_g(VM *vm)
{
	G *g = GC_MALLOC(sizeof *g);
	g->id = ++vm->next_id;
	g->status = G_RUNNABLE;
	/* small to start: a parked goroutine should cost little. Its stack
	 * is sized for its first function when it is started (go), and both
	 * the stack and the frames grow by doubling when calls need more. */
	g->capframes = 1;
	g->frames = GC_MALLOC(sizeof(Frame) * (size_t)g->capframes);
	g->select_case = -1;
	if (vm->nall == vm->capall) {
		int cap = vm->capall ? vm->capall * 2 : 16;
		G **v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (vm->nall)
			memcpy(v, vm->all, sizeof *v * (size_t)vm->nall);
		vm->all = v;
		vm->capall = cap;
	}
	g->all_index = vm->nall;
	vm->all[vm->nall++] = g;
	return g;
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
	g->status = G_RUNNING;
}

void sched_ready(VM *vm, G *g)
{
	if (g->status == G_DEAD)
		return;
	g->status = G_RUNNABLE;
	g->wait_reason = NULL;
	g->next = NULL;
	if (vm->runq_tail)
		vm->runq_tail->next = g;
	else
		vm->runq_head = g;
	vm->runq_tail = g;
}

void sched_park(VM *vm, const char *reason)
{
	vm->cur->status = G_WAITING;
	vm->cur->wait_reason = reason;
}

void sched_exit_g(VM *vm)
{
	sched_exit_g_other(vm, vm->cur);
}

void sched_exit_g_other(VM *vm, G *g)
{
	g->status = G_DEAD;
	if (!(vm->session && g->id == 1)) /* a REPL input's race state lives on */
		race_finished(g);
	if (g->wake_at) {
		/* killed in time.Sleep (an interrupted REPL input): a sleeper
		 * left behind would keep the scheduler waiting for it */
		for (int i = 0; i < vm->nsleepers; i++)
			if (vm->sleepers[i] == g) {
				vm->sleepers[i] = vm->sleepers[--vm->nsleepers];
				break;
			}
		g->wake_at = 0;
	}
	/* O(1): the last goroutine takes its place in the list */
	int i = g->all_index;
	if (i >= 0 && i < vm->nall && vm->all[i] == g) {
		G *last = vm->all[--vm->nall];
		vm->all[i] = last;
		last->all_index = i;
	}
	/* the collector may take its stack now */
	g->stack = NULL;
	g->frames = NULL;
}

/*
 * A timer sends the current time on its channel when due (time.After,
 * NewTimer, tickers: a ticker re-arms itself every period and drops a tick
 * the reader has not taken, as Go's does), or starts a goroutine running
 * its function (AfterFunc). Pending timers are an unordered list; the
 * scheduler fires the due ones whenever it looks for work.
 */
typedef struct Timer {
	int64_t when;
	int64_t period;      /* tickers: > 0 */
	GolChan *c;
	GolClosure *f;       /* AfterFunc */
	Type *time_type;     /* what the channel carries */
	bool pending;
	struct Timer *next;
} Timer;

static void timer_add(VM *vm, Timer *t)
{
	t->pending = true;
	t->next = vm->timers;
	vm->timers = t;
}

void sched_timer(VM *vm, int64_t when, GolChan *c, Value v)
{
	(void)v;
	Timer *t = GC_MALLOC(sizeof *t);
	t->when = when;
	t->c = c;
	timer_add(vm, t);
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

static void fire_timers(VM *vm, int64_t now)
{
	for (Timer **p = &vm->timers; *p;) {
		Timer *t = *p;
		if (t->when > now) {
			p = &t->next;
			continue;
		}
		*p = t->next;
		t->pending = false;
		if (t->f) {
			G *g = start_goroutine(vm, t->f);
			/* AfterFunc's call happens before its function runs */
			if (race_enabled) {
				race_go(vm, NULL, g, NULL);
				race_acquire(g, t);
			}
		} else if (t->c) {
			/* the send is the timer's, not the running goroutine's */
			G *cur = vm->cur;
			vm->cur = race_enabled ? race_timer_g(t) : NULL;
			chan_try_send(vm, t->c, t->time_type ? time_now_value(t->time_type, now) : (Value){0});
			vm->cur = cur;
		}
		if (t->period > 0) {
			t->when += t->period;
			if (t->when <= now)
				t->when = now + t->period;
			timer_add(vm, t);
		}
	}
}

static bool timer_remove(VM *vm, Timer *t)
{
	for (Timer **p = &vm->timers; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			t->pending = false;
			return true;
		}
	return false;
}

/* Wake the sleepers whose time has come. */
static void wake_sleepers(VM *vm, int64_t now)
{
	for (int i = 0; i < vm->nsleepers;) {
		G *g = vm->sleepers[i];
		if (g->wake_at <= now) {
			vm->sleepers[i] = vm->sleepers[--vm->nsleepers];
			g->wake_at = 0;
			sched_ready(vm, g);
			continue;
		}
		i++;
	}
}

int64_t sched_timers(VM *vm)
{
	if (!vm->nsleepers && !vm->timers)
		return INT64_MAX;
	int64_t now = sched_now();
	wake_sleepers(vm, now);
	fire_timers(vm, now);
	int64_t first = INT64_MAX;
	for (int i = 0; i < vm->nsleepers; i++)
		if (vm->sleepers[i]->wake_at < first)
			first = vm->sleepers[i]->wake_at;
	for (Timer *t = vm->timers; t; t = t->next)
		if (t->when < first)
			first = t->when;
	return first;
}

G *sched_next(VM *vm)
{
	for (;;) {
		if (vm->session && vm_interrupted)
			return NULL;
		int64_t first = vm->nsleepers || vm->timers ? sched_timers(vm) : INT64_MAX;
		G *g = sched_pop(vm);
		if (g)
			return g;
		if (first == INT64_MAX)
			return NULL;
		/* nothing to do until the first sleeper or timer is due: no busy wait */
		int64_t d = first - sched_now();
		if (d > 0) {
			vm_flush(vm);
			struct timespec ts = {d / 1000000000, d % 1000000000};
			nanosleep(&ts, NULL);
		}
	}
}

/* ---- services for natives (vm.h) ------------------------------------------ */

struct GWait {
	G *g;
	struct GWait *next;
};

int vm_wait(VM *vm, GWait **q, const char *reason)
{
	GWait *w = GC_MALLOC(sizeof *w);
	w->g = vm->cur;
	/* first in, first out */
	GWait **p = q;
	while (*p)
		p = &(*p)->next;
	*p = w;
	sched_park(vm, reason);
	return VM_BLOCK;
}

void vm_wake_one(VM *vm, GWait **q)
{
	/* a goroutine that died waiting (an interrupted REPL input) is
	 * passed over: the wake-up goes to a live one */
	for (GWait *w; (w = *q);) {
		*q = w->next;
		if (w->g->status != G_DEAD) {
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
	g->wake_at = sched_now() + ns;
	if (vm->nsleepers == vm->capsleepers) {
		int cap = vm->capsleepers ? vm->capsleepers * 2 : 16;
		G **v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (vm->nsleepers)
			memcpy(v, vm->sleepers, sizeof *v * (size_t)vm->nsleepers);
		vm->sleepers = v;
		vm->capsleepers = cap;
	}
	vm->sleepers[vm->nsleepers++] = g;
	sched_park(vm, "sleep");
	return VM_BLOCK;
}

int vm_yield(VM *vm)
{
	(void)vm; /* still running: the loop puts it back at the end of the queue */
	return VM_BLOCK;
}

int vm_num_goroutine(VM *vm)
{
	return vm->nall;
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
	if (race_enabled)
		race_release(vm->cur, t); /* starting a timer happens before it fires */
	timer_add(vm, t);
	return chan_out ? (void *)t : (void *)t->c;
}

bool vm_timer_stop(VM *vm, void *t)
{
	return t && timer_remove(vm, t);
}

bool vm_timer_reset(VM *vm, void *tp, int64_t ns, int64_t period)
{
	Timer *t = tp;
	if (!t)
		return false;
	bool was = timer_remove(vm, t);
	if (race_enabled)
		race_release(vm->cur, t); /* Reset happens before the firing it sets */
	t->when = sched_now() + (ns > 0 ? ns : 0);
	if (period > 0)
		t->period = period;
	timer_add(vm, t);
	return was;
}

/* A goroutine for fn with no arguments (AfterFunc). */
static G *start_goroutine(VM *vm, GolClosure *f)
{
	G *g = sched_new_g(vm);
	g->stack_cap = 1 + (size_t)f->proto->nregs + 2;
	g->stack = GC_MALLOC(sizeof(Value) * g->stack_cap);
	Frame *nf = &g->frames[0];
	memset(nf, 0, sizeof *nf);
	nf->cl = f;
	nf->p = f->proto;
	nf->pc = f->proto->code;
	nf->base = 1;
	nf->ret_reg = -1;
	g->nframes = 1;
	sched_ready(vm, g);
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
