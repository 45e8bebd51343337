/*
 * rtcall.c — calls a native makes into gol code, run as the goroutine's own
 * calls.
 *
 * fmt calls String, Error and GoString methods while it formats, and a
 * Writer's Write when it is done. Made from C (vm_call), such a call runs
 * on a nested interpreter loop above the native's C frames, and those
 * frames cannot be put aside: a method that must wait (a Lock another
 * goroutine holds, a channel) could not park its goroutine. So a native
 * that calls out records its calls instead of making them, and is called
 * again once they have run as ordinary calls:
 *
 *   1. The CALL instruction calls the native. Its work makes each call
 *      through vm_calls_call, which records the call and answers it with
 *      zero results; vm_calls_end sees calls that have not run and returns
 *      VM_CALL, which the native returns, its output thrown away.
 *   2. Each recorded call runs as a call of the goroutine above the
 *      native's caller, with a finisher deferred in it that recovers a
 *      panic and keeps it. The call may block, be preempted, move to
 *      another worker. When it returns, its results sit just above its
 *      caller's registers, and the CALL instruction runs again:
 *      vm_calls_begin keeps those results and starts the next call.
 *   3. When every call has run, the native's work replays from the start
 *      and vm_calls_call answers each call, in order, with what it
 *      returned or panicked. A call the replay meets for the first time
 *      (fmt printing a method's panic value calls that value's Error) is
 *      recorded in its turn, and the round repeats.
 *
 * The native's work should make the same calls in the same order each
 * time and have no effect but its result until vm_calls_end returns 0;
 * fmt's formatting does only that. Go calls the methods in the same order,
 * all before the one write. What differs: the replay reads the values it
 * prints after all the methods ran, where Go reads each before the next
 * method runs, so a method that changes what is printed shows. When that
 * change makes the replay meet other calls, each is answered by an unused
 * record of the same method on the same receiver, or recorded for another
 * round; a method never runs twice.
 *
 * A native that was not called by a CALL instruction (a call made from C)
 * cannot be called again: its calls are made at once, nested, as vm_call
 * makes them. So is a call of a native function, which cannot wait, and
 * every call after MAX_ROUNDS rounds.
 *
 * The records of one goroutine form a stack, innermost first: a method fmt
 * calls may print in turn. A record is known by its native's caller frame
 * (depth and saved pc), which stays put while the native's calls run above
 * it.
 */
#include "vm_int.h"

#include <gc.h>
#include <string.h>

typedef struct RtCall {
	GolClosure *f;
	Value args[3];
	int nargs;
	Value res[2];
	PanicRec *panic; /* the panic it raised, if it did (raised again by
			  * the replay, with its frames) */
	bool panicked;
	bool used;       /* answered in the replay under way */
} RtCall;

typedef struct RtCalls {
	struct RtCalls *next; /* an enclosing native's record */
	const Instr *pc;      /* the native's caller: its saved pc ... */
	int depth;            /* ... and frame count */
	RtCall *v;            /* inline, or allocated past two calls */
	int n, cap;
	RtCall inline_v[2];
	Defer finish;         /* deferred in the running call (one at a time) */
	Value finish_arg;
	int ran;      /* v[0..ran) have run and hold their outcome */
	bool running; /* v[ran] is running now */
	bool broken;  /* the replay met a call other than the one recorded */
	int pos;      /* the replay's next call */
	int level;    /* records below it, this one included */
	int rounds;   /* replays so far */
} RtCalls;

/* A replay that keeps meeting calls it has not seen (a method that
 * changes what is printed) gives up after this many rounds and makes the
 * rest of its calls at once, nested. */
#define MAX_ROUNDS 16

/* In Go the library's frames between (fmt's, five or so for a String
 * method) take stack too: a recursion through calls the runtime makes
 * overflows at fewer levels than plain calls do. */
#define LEVEL_LIMIT (FRAME_LIMIT / 8)

static bool is_ours(VM *vm, RtCalls *r)
{
	return r && r->depth == vm->nframes && r->pc == vm->frames[vm->nframes - 1].pc;
}

/* The finisher deferred in each call: a panic becomes the call's outcome
 * and the call returns normally (interp.inc's unwind loop sees the
 * recovered panic). */
static int rtcall_finish(VM *vm, Value *args, int nargs, Value *res)
{
	(void)nargs;
	(void)res;
	RtCalls *r = args[0].p;
	PanicRec *p = vm->panic;
	/* the call's frame runs its deferred calls because of a panic (not
	 * merely while one that began outside it is in flight) */
	if (vm->frames[vm->nframes - 1].panicking && vm->unwinding && p && !p->recovered) {
		p->recovered = true;
		vm->unwinding = false;
		r->v[r->ran].panicked = true;
		r->v[r->ran].panic = p;
	}
	return 0;
}

static GolClosure finish_closure = {.native = rtcall_finish};

static int start_next(VM *vm, RtCalls *r)
{
	if (r->level > LEVEL_LIMIT)
		vm_stack_overflow(vm);
	RtCall *c = &r->v[r->ran];
	r->running = true;
	Defer *d = &r->finish;
	memset(d, 0, sizeof *d);
	d->f = &finish_closure;
	d->nargs = 1;
	r->finish_arg.p = r;
	d->args = &r->finish_arg;
	vm->call_fn = c->f;
	memcpy(vm->call_args, c->args, sizeof c->args);
	vm->call_nargs = c->nargs;
	vm->call_defer = d;
	return VM_CALL;
}

int vm_calls_begin(VM *vm)
{
	if (!vm) /* fmt used from C alone (unit tests) */
		return 0;
	bool may = vm->native_may_call;
	vm->native_may_call = false;
	G *g = vm->cur;
	if (!g || !vm->nframes)
		return 0;
	/* records deeper than this frame were left by natives a panic
	 * ended */
	RtCalls *r = g->rtcalls;
	while (r && r->depth > vm->nframes)
		r = r->next;
	g->rtcalls = r;
	if (is_ours(vm, r)) {
		/* called again: a recorded call has just returned */
		if (r->running) {
			RtCall *c = &r->v[r->ran];
			if (!c->panicked) {
				Frame *top = &vm->frames[vm->nframes - 1];
				Value *out = vm->stack + top->base + top->p->nregs;
				c->res[0] = out[0];
				c->res[1] = out[1];
			}
			r->running = false;
			r->ran++;
		}
		if (r->ran < r->n)
			return start_next(vm, r);
		r->pos = 0;
		if (++r->rounds > MAX_ROUNDS)
			r->broken = true;
		for (int k = 0; k < r->n; k++)
			r->v[k].used = false;
		return 0;
	}
	if (!may)
		return 0;
	/* most fmt calls call no method: their record is the last one's */
	r = vm->rtfree;
	vm->rtfree = NULL;
	if (!r)
		r = GC_MALLOC(sizeof *r);
	r->pos = 0;
	r->level = (g->rtcalls ? g->rtcalls->level : 0) + 1;
	r->depth = vm->nframes;
	r->pc = vm->frames[vm->nframes - 1].pc;
	r->next = g->rtcalls;
	g->rtcalls = r;
	return 0;
}

static bool runs_as_call(GolClosure *f, int nargs)
{
	return f && f->proto && !f->native && !f->bound && !f->wrap && f->proto->nparams == nargs;
}

int vm_calls_call(VM *vm, GolClosure *f, Value *args, int nargs, Value *res, int nres)
{
	RtCalls *r = vm && vm->cur ? vm->cur->rtcalls : NULL;
	if (!is_ours(vm, r) || r->broken || !runs_as_call(f, nargs) || nargs > 3 || nres > 2)
		return vm_call(vm, f, args, nargs, res, nres);
	/* the call that ran for this one: the next recorded, or, when what
	 * is printed changed meanwhile, an unused one of the same method on
	 * the same receiver; else it is new, recorded for the next round */
	RtCall *c = NULL;
	for (int k = r->pos; k < r->ran && !c; k++)
		if (!r->v[k].used && r->v[k].f == f && r->v[k].nargs == nargs &&
		    (k == r->pos || r->v[k].args[0].u == args[0].u))
			c = &r->v[k];
	if (c) {
		c->used = true;
		if (c == &r->v[r->pos])
			r->pos++;
		/* the arguments the call was made with (fmt's Format wrote into
		 * the State it was given then) */
		memcpy(args, c->args, sizeof(Value) * (size_t)nargs);
		if (c->panicked) {
			PanicRec *p = c->panic;
			p->recovered = false;
			p->aborted = false;
			p->next = vm->panic;
			vm->panic = p;
			vm->unwinding = true;
			return -1;
		}
		for (int k = 0; k < nres; k++)
			res[k] = c->res[k];
		return 0;
	}
	if (!r->v) {
		r->v = r->inline_v;
		r->cap = 2;
	}
	if (r->n == r->cap) {
		int cap = r->cap * 2;
		RtCall *v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (r->n)
			memcpy(v, r->v, sizeof *v * (size_t)r->n);
		r->v = v;
		r->cap = cap;
	}
	c = &r->v[r->n++];
	memset(c, 0, sizeof *c);
	c->f = f;
	c->nargs = nargs;
	c->used = true;
	memcpy(c->args, args, sizeof(Value) * (size_t)nargs);
	for (int k = 0; k < nres; k++)
		res[k].u = 0;
	return 0;
}

bool vm_calls_pending(VM *vm)
{
	RtCalls *r = vm && vm->cur ? vm->cur->rtcalls : NULL;
	return is_ours(vm, r) && r->ran < r->n;
}

int vm_calls_end(VM *vm, int rc)
{
	G *g = vm ? vm->cur : NULL;
	RtCalls *r = g ? g->rtcalls : NULL;
	if (!is_ours(vm, r))
		return rc;
	if (rc >= 0 && !r->broken && r->ran < r->n)
		return start_next(vm, r);
	g->rtcalls = r->next;
	/* kept for the next fmt call on this worker (its outcomes are
	 * overwritten as it records) */
	r->n = r->ran = r->rounds = 0;
	r->running = r->broken = false;
	if (r->cap > 8) {
		r->v = r->inline_v;
		r->cap = 2;
	}
	vm->rtfree = r;
	return rc;
}
