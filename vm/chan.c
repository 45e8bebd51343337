/*
 * chan.c — channels and select.
 *
 * A channel is a ring buffer of cap slots plus two queues of waiters:
 * goroutines parked in a send (with the value they send) and in a receive
 * (with where the value must go). An operation that finds a partner waiting
 * completes with it at once: a receive takes a parked sender's value
 * directly (or, on a full buffered channel, the oldest buffered value, and
 * the sender's value moves into the buffer), and the partner is made
 * runnable. Otherwise the operation uses the buffer, or parks.
 *
 * Closing wakes every waiter: receivers get the zero value and ok=false;
 * senders re-execute their send and panic with "send on closed channel".
 *
 * A select that must wait puts one waiter per case on the channels, all
 * sharing one SelGroup; the first partner to arrive finishes the group and
 * the others are skipped when found (removed lazily): the group's done flag
 * is claimed by compare-and-swap, so of two partners arriving on two
 * workers at once exactly one completes the select.
 *
 * Each channel has a lock (a spin lock: what it guards is a few stores).
 * An operation holds it from its check to its completion or its parking;
 * a select holds the locks of all its channels at once, taken in address
 * order, so two selects over the same channels can never wait on each
 * other. The parked goroutine is marked G_PARKING before the lock is
 * released (see sched.c), so a partner arriving at once cannot lose it.
 */
#include "map.h"
#include "vm_int.h"
#include "race.h"
#include "rt.h"

#include <gc.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

typedef struct SelGroup {
	int done;   /* claimed by the partner that completes the select */
	int pad;    /* the waiters that follow are 8-byte aligned */
} SelGroup;


typedef struct WaitQ {
	Waiter *head, *tail;
} WaitQ;

struct GolChan {
	Type *elem;
	int64_t cap, len, head; /* len: atomic, len(ch) reads it unlocked */
	Value *buf;
	bool closed;
	bool nosize;            /* zero-size elements (chan struct{}): see slot_addr */
	int lock;
	void *race_slots;       /* -race: the clocks of the buffer's slots (race.c's) */
	void *race_cells;       /* -race: the shadow of the channel's own word */
	WaitQ recvq, sendq;
};

static inline void chan_lock(GolChan *c)
{
	/* before worker threads start, this thread is the only one: no lock
	 * (threads start only from this thread, never inside an operation) */
	if (!sched_is_threaded())
		return;
	for (int spins = 0;; spins++) {
		if (!__atomic_exchange_n(&c->lock, 1, __ATOMIC_ACQUIRE))
			return;
		while (__atomic_load_n(&c->lock, __ATOMIC_RELAXED)) {
			if (++spins > 100) {
				sched_yield(); /* its holder lost its CPU */
				spins = 0;
			} else {
				__builtin_ia32_pause();
			}
		}
	}
}

static inline void chan_unlock(GolChan *c)
{
	if (!sched_is_threaded())
		return;
	__atomic_store_n(&c->lock, 0, __ATOMIC_RELEASE);
}

static inline void set_len(GolChan *c, int64_t n)
{
	__atomic_store_n(&c->len, n, __ATOMIC_RELAXED);
}

GolChan *chan_make(Type *chan_type, int64_t cap)
{
	GolChan *c = GC_MALLOC(sizeof *c);
	c->elem = type_under(chan_type)->elem;
	c->nosize = type_size(c->elem) == 0;
	c->cap = cap;
	if (cap > 0)
		c->buf = GC_MALLOC(sizeof(Value) * (size_t)cap);
	return c;
}

int64_t chan_len(GolChan *c) { return c ? __atomic_load_n(&c->len, __ATOMIC_RELAXED) : 0; }
int64_t chan_cap(GolChan *c) { return c ? c->cap : 0; }

/* A send or receive that waits uses the waiter inside its G: a goroutine
 * waits on one channel at a time, and its waiter has left the queue
 * (taken by the partner that woke it, or by close) before it runs again.
 * A select's waiters, which may stay behind in queues, are allocated. */
static Waiter *own_waiter(G *g)
{
	Waiter *w = &g->waiter;
	memset(w, 0, sizeof *w);
	w->g = g;
	return w;
}

/* Waiters of a select that another case completed stay in their queues
 * until something takes them out. A loop selecting on a channel that never
 * fires would pile them up: whoever joins a queue first drops the finished
 * ones at its head (O(1) for that loop, which finds only finished ones). */
static void prune_head(WaitQ *q)
{
	Waiter *w;
	while ((w = q->head) && ((w->sel && __atomic_load_n(&w->sel->done, __ATOMIC_ACQUIRE)) ||
				 g_status(w->g) == G_DEAD)) {
		q->head = w->next;
		if (!q->head)
			q->tail = NULL;
	}
}

static void enqueue(WaitQ *q, Waiter *w)
{
	prune_head(q);
	w->next = NULL;
	if (q->tail)
		q->tail->next = w;
	else
		q->head = w;
	q->tail = w;
}

/* The first waiter that can still be woken (skipping finished selects). */
static Waiter *dequeue(WaitQ *q)
{
	for (;;) {
		Waiter *w = q->head;
		if (!w)
			return NULL;
		q->head = w->next;
		if (!q->head)
			q->tail = NULL;
		if (g_status(w->g) == G_DEAD)
			continue; /* a REPL input interrupted while it waited */
		if (w->sel) {
			int zero = 0;
			if (!__atomic_compare_exchange_n(&w->sel->done, &zero, 1, false, __ATOMIC_ACQ_REL,
							 __ATOMIC_ACQUIRE))
				continue;
			if (w->chosen)
				w->chosen->i = w->case_index;
		}
		return w;
	}
}

/*
 * Happens-before, as Go's runtime tells its race detector (so that both
 * report the same races): a buffered channel's slot k is a synchronisation
 * object that the send putting a value there and the receive taking it
 * each release-store and acquire at once (race_acqrel: the k-th receive
 * happens before the (k+C)-th send completes, and a slot passes on only
 * its last user's clock); a hand-off between a sender and a parked
 * receiver (or the reverse) on an unbuffered channel orders each before
 * the other's completion (race_exchange); close release-stores the
 * channel and a receive that sees it closed acquires it; a channel of
 * zero-size elements has one object for all of that. A send reads, and
 * close writes, the channel itself, so a send racing with a close is a
 * reported race.
 */
/* The hooks are off the fast path: the branch is predicted not taken and
 * the channel code stays small enough to inline as before. */
#define RACE_ON __builtin_expect(race_enabled, 0)

static void *close_addr(GolChan *c)
{
	return &c->closed;
}

/* Go keeps no buffer for zero-size elements: every slot of such a channel
 * is the channel's own address, the one close releases, so each operation
 * on it is ordered after the one before. */
static void *slot_addr(GolChan *c, int64_t k)
{
	if (c->nosize)
		return close_addr(c);
	return c->cap ? (void *)&c->buf[k] : (void *)&c->len;
}

/* A buffered channel's slot k used by g (Go's racenotify). */
static void __attribute__((noinline, cold)) race_slot(GolChan *c, G *g, int64_t k)
{
	if (c->nosize)
		race_acquire_store(g, close_addr(c));
	else
		race_acqrel_slot(g, &c->race_slots, c->cap, k);
}

static void __attribute__((noinline, cold)) race_handoff(G *a, G *b, void *slot)
{
	race_exchange(a, b, slot);
}

static Value zero_of(Type *t)
{
	Value v;
	v.u = 0;
	Type *u = type_under(t);
	if (u->kind == TY_STRUCT || u->kind == TY_ARRAY)
		v.p = block_new(t);
	return v;
}

static void deliver(Waiter *w, Value v, bool ok)
{
	if (w->dst)
		*w->dst = v;
	if (w->okdst)
		w->okdst->u = ok;
}

/* A receive that can complete now: 1 with the value, 0 if it would wait. */
static inline __attribute__((always_inline)) int try_recv(VM *vm, GolChan *c, Value *v, bool *ok)
{
	Waiter *s;
	if (c->len > 0) {
		if (RACE_ON)
			race_slot(c, vm->cur, c->head);
		*v = c->buf[c->head];
		c->head = (c->head + 1) % c->cap;
		set_len(c, c->len - 1);
		*ok = true;
		/* a parked sender's value takes the freed slot */
		if ((s = dequeue(&c->sendq))) {
			int64_t k = (c->head + c->len) % c->cap;
			if (RACE_ON)
				race_slot(c, s->g, k);
			c->buf[k] = s->val;
			set_len(c, c->len + 1);
			sched_ready(vm, s->g);
		}
		return 1;
	}
	if ((s = dequeue(&c->sendq))) {
		if (RACE_ON)
			race_handoff(vm->cur, s->g, slot_addr(c, 0));
		*v = s->val;
		*ok = true;
		sched_ready(vm, s->g);
		return 1;
	}
	if (c->closed) {
		if (RACE_ON)
			race_acquire(vm->cur, close_addr(c));
		*v = zero_of(c->elem);
		*ok = false;
		return 1;
	}
	return 0;
}

/* A send that can complete now: 1 done, 0 would wait. (Closed is checked
 * by the caller.) */
static inline __attribute__((always_inline)) int try_send(VM *vm, GolChan *c, Value v)
{
	Waiter *r = dequeue(&c->recvq);
	if (r) {
		if (RACE_ON) {
			if (c->cap) {
				/* the buffer is empty: the value passes through the
				 * slot at the head, which both sides use, and the
				 * ring moves on as if it had been buffered */
				race_slot(c, vm->cur, c->head);
				race_slot(c, r->g, c->head);
				c->head = (c->head + 1) % c->cap;
			} else {
				race_handoff(vm->cur, r->g, slot_addr(c, 0));
			}
		}
		deliver(r, v, true);
		sched_ready(vm, r->g);
		return 1;
	}
	if (c->len < c->cap) {
		int64_t k = (c->head + c->len) % c->cap;
		if (RACE_ON)
			race_slot(c, vm->cur, k);
		c->buf[k] = v;
		set_len(c, c->len + 1);
		return 1;
	}
	return 0;
}

bool chan_try_send(VM *vm, GolChan *c, Value v)
{
	if (!c)
		return false;
	chan_lock(c);
	bool r = !c->closed && try_send(vm, c, v);
	chan_unlock(c);
	return r;
}

int chan_send(VM *vm, GolChan *c, Value v)
{
	if (!c) {
		sched_park(vm, "chan send (nil chan)");
		return CHAN_BLOCKED;
	}
	if (RACE_ON)
		race_chan_access(vm, c, &c->race_cells, NULL, false);
	chan_lock(c);
	if (c->closed) {
		chan_unlock(c);
		vm_panic_plain(vm, "send on closed channel");
		return CHAN_PANIC;
	}
	if (try_send(vm, c, v)) {
		chan_unlock(c);
		return CHAN_DONE;
	}
	Waiter *w = own_waiter(vm->cur);
	w->val = v;
	enqueue(&c->sendq, w);
	sched_park(vm, "chan send");
	chan_unlock(c);
	return CHAN_BLOCKED;
}

int chan_recv(VM *vm, GolChan *c, Value *dst, Value *okdst)
{
	if (!c) {
		sched_park(vm, "chan receive (nil chan)");
		return CHAN_BLOCKED;
	}
	Value v;
	bool ok;
	chan_lock(c);
	if (try_recv(vm, c, &v, &ok)) {
		chan_unlock(c);
		*dst = v;
		if (okdst)
			okdst->u = ok;
		return CHAN_DONE;
	}
	Waiter *w = own_waiter(vm->cur);
	w->dst = dst;
	w->okdst = okdst;
	enqueue(&c->recvq, w);
	sched_park(vm, "chan receive");
	chan_unlock(c);
	return CHAN_BLOCKED;
}

int chan_close(VM *vm, GolChan *c)
{
	if (!c) {
		vm_panic_plain(vm, "close of nil channel");
		return CHAN_PANIC;
	}
	chan_lock(c);
	if (c->closed) {
		chan_unlock(c);
		vm_panic_plain(vm, "close of closed channel");
		return CHAN_PANIC;
	}
	if (RACE_ON) {
		race_chan_access(vm, c, &c->race_cells, NULL, true);
		race_release_store(vm->cur, close_addr(c));
	}
	c->closed = true;
	Waiter *w;
	while ((w = dequeue(&c->recvq))) {
		if (RACE_ON)
			race_acquire(w->g, close_addr(c));
		deliver(w, zero_of(c->elem), false);
		sched_ready(vm, w->g);
	}
	while ((w = dequeue(&c->sendq))) {
		/* the sender re-executes its send and finds the channel closed */
		w->g->retry = true;
		sched_ready(vm, w->g);
	}
	chan_unlock(c);
	return CHAN_DONE;
}

/* Lock a select's channels, each once, in address order. Before worker
 * threads exist there is nothing to lock (chan_lock does nothing). */
static int lock_order(SelCase *cases, int n, GolChan **order)
{
	if (!sched_is_threaded())
		return 0;
	int m = 0;
	for (int i = 0; i < n; i++) {
		GolChan *c = cases[i].c;
		if (!c)
			continue;
		int j = m;
		while (j > 0 && order[j - 1] > c) {
			order[j] = order[j - 1];
			j--;
		}
		if (j > 0 && order[j - 1] == c) {
			/* already there: undo the shift */
			for (; j < m; j++)
				order[j] = order[j + 1];
			continue;
		}
		order[j] = c;
		m++;
	}
	for (int i = 0; i < m; i++)
		chan_lock(order[i]);
	return m;
}

static void unlock_all(GolChan **order, int m)
{
	for (int i = m - 1; i >= 0; i--)
		chan_unlock(order[i]);
}

int chan_select(VM *vm, SelCase *cases, int n, bool has_default, Value *chosen)
{
	/* poll in a random order, so no case is favoured */
	int m = n;
	int order[m > 0 ? m : 1];
	for (int i = 0; i < m; i++)
		order[i] = i;
	/* Fisher-Yates; each index is a 16-bit slice of a random word scaled
	 * to the range (multiply and shift, no division; the bias, under
	 * 64/65536, is far below what a select could show) */
	uint64_t r = 0;
	int bits = 0;
	for (int i = m - 1; i > 0; i--) {
		if (bits < 16) {
			r = rt_fastrand();
			bits = 64;
		}
		int j = (int)(((r & 0xFFFF) * (uint64_t)(i + 1)) >> 16);
		r >>= 16;
		bits -= 16;
		int t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	GolChan *locked[m > 0 ? m : 1];
	int nlocked = lock_order(cases, m, locked);
	for (int k = 0; k < m; k++) {
		SelCase *sc = &cases[order[k]];
		if (!sc->c)
			continue;
		if (sc->send) {
			if (RACE_ON)
				/* as Go's selectgo, a send case it polls reads the
				 * channel (a close writes it), at the case's line */
				race_chan_access(vm, sc->c, &sc->c->race_cells,
						 vm->frames[vm->nframes - 1].pc - n + order[k] + 1, false);
			if (sc->c->closed) {
				unlock_all(locked, nlocked);
				chosen->i = order[k]; /* the case that panics */
				vm_panic_plain(vm, "send on closed channel");
				return CHAN_PANIC;
			}
			if (try_send(vm, sc->c, sc->val)) {
				unlock_all(locked, nlocked);
				chosen->i = order[k];
				return CHAN_DONE;
			}
		} else {
			Value v;
			bool ok;
			if (try_recv(vm, sc->c, &v, &ok)) {
				unlock_all(locked, nlocked);
				if (sc->dst)
					*sc->dst = v;
				if (sc->okdst)
					sc->okdst->u = ok;
				chosen->i = order[k];
				return CHAN_DONE;
			}
		}
	}
	if (has_default) {
		unlock_all(locked, nlocked);
		chosen->i = -1;
		return CHAN_DONE;
	}
	bool any = false;
	/* the group and its waiters in one block: waiters a partner skips
	 * stay in their queues until dequeued, and keep the block alive */
	SelGroup *grp = GC_MALLOC(sizeof(SelGroup) + sizeof(Waiter) * (size_t)(m ? m : 1));
	Waiter *ws = (Waiter *)(grp + 1);
	for (int i = 0; i < m; i++) {
		SelCase *sc = &cases[i];
		if (!sc->c)
			continue;
		any = true;
		Waiter *w = &ws[i];
		w->g = vm->cur;
		w->sel = grp;
		w->case_index = i;
		w->chosen = chosen;
		if (sc->send) {
			w->val = sc->val;
			enqueue(&sc->c->sendq, w);
		} else {
			w->dst = sc->dst;
			w->okdst = sc->okdst;
			enqueue(&sc->c->recvq, w);
		}
	}
	(void)any;
	/* Go compiles a select of one case into that operation, and so names
	 * what it waits for */
	const char *reason = !n ? "select (no cases)" : "select";
	if (n == 1 && !has_default)
		reason = cases[0].send ? (cases[0].c ? "chan send" : "chan send (nil chan)")
				       : (cases[0].c ? "chan receive" : "chan receive (nil chan)");
	sched_park(vm, reason);
	unlock_all(locked, nlocked);
	return CHAN_BLOCKED;
}
