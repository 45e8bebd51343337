/*
 * vm_int.h — the VM's internal state, shared by the interpreter loop
 * (vm.c), the scheduler (sched.c) and channels (chan.c). Not for stdlib:
 * natives use vm.h.
 */
#ifndef GOL_VM_INT_H
#define GOL_VM_INT_H

#include "program.h"
#include "vm.h"

#include <setjmp.h>
#include <stddef.h>
#include <signal.h>

typedef struct Defer {
	GolClosure *f;
	Value *args;
	int nargs;
	struct Proto *wrapper; /* -race: Go's closure making the call (see race_defer_wrapped) */
	struct Defer *next;
} Defer;

typedef struct Frame {
	GolClosure *cl;
	Proto *p;
	const Instr *pc;     /* next instruction (saved while a callee runs) */
	Defer *defers;
	void *race_ctx;      /* -race: the interned call path to this frame (race.c),
				NULL until its first access is recorded */
	size_t base;         /* index of R[0] in the stack */
	int ret_reg;         /* caller register receiving results */
	int nres;            /* results the caller wants (-1: any, for defers) */
	uint8_t is_defer;    /* started by the defer machinery: DEFER_CALL, or
				DEFER_RUNTIME for a call a deferred native asked
				for (fmt's String method, Once.Do's f), which the
				defer machinery runs but which may not recover */
	bool panicking;      /* running its defers because of a panic */
	bool at_ret;         /* running its defers at a return: pc is that RET
				(to run again), not the instruction after */
	bool recovered;      /* returning after a recover(): its line is that of
				recovered_pc, not its epilogue's */
	const Instr *recovered_pc; /* where it was when the panic passed it */
} Frame;
/* Is p, at instruction idx, the package's initialiser calling an init
 * function? Go's runtime calls those, so stacks (tracebacks, race
 * reports) show no main.init frame below them. */
bool vm_init_calling(const Proto *p, int idx);
/* push_frame clears the four flags with one store */
_Static_assert(offsetof(Frame, recovered) == offsetof(Frame, is_defer) + 3, "Frame's flags must be adjacent");

enum { DEFER_CALL = 1, DEFER_RUNTIME = 2 };

/* Frames kept in a panic's traceback, innermost first (Go prints 100). */
#define TRACE_FRAMES 100

typedef struct PanicRec {
	GolIface *value;
	bool recovered;
	bool signal; /* a nil dereference: Go reports it as a SIGSEGV */
	/* a later panic unwound the deferred call this one was running: it
	 * is over, kept only to be printed in the chain (Go's aborted) */
	bool aborted;
	/* the goroutine's frames when the panic began: unwinding pops them
	 * while deferred calls run, but an unrecovered panic prints them, as
	 * Go does (its defers run on top of the panicking frames) */
	Frame *frames;
	int nframes;
	struct PanicRec *next; /* an earlier panic this one interrupted */
} PanicRec;

/* A goroutine parked on a channel (chan.c): in the channel's queue of
 * senders or receivers. */
typedef struct Waiter {
	struct G *g;
	union {
		Value val;           /* a sender's value */
		struct {
			Value *dst, *okdst; /* a receiver's destinations (in its parked stack) */
		};
	};
	struct SelGroup *sel; /* select: shared by all of the goroutine's waiters */
	Value *chosen;       /* select: where the fired case index goes */
	struct Waiter *next;
	int case_index;
} Waiter;

/* What a goroutine is waiting for, as Go's tracebacks name it. */
/* G_PARKING: the goroutine has put itself on a wait queue but its worker has
 * not saved its registers yet; a wake-up that comes then turns it into
 * G_WAKING and the parking worker queues it once it is saved (sched.c). */
typedef enum GStatus { G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD, G_PARKING, G_WAKING } GStatus;

/*
 * A goroutine: its own register stack and frames, its panic state, and
 * what it waits for. The VM keeps the running goroutine's stack, frames
 * and panic state in its own fields (the loop reads them directly);
 * switching goroutines saves them here and loads the next one's.
 */
typedef struct G {
	int64_t id;
	const char *wait_reason;   /* "chan receive", "sleep", ... */
	Value *stack;
	size_t stack_cap;
	Frame *frames;
	PanicRec *panic;
	const Instr *retry_pc;
	Proto *created_by;         /* the function that ran the go statement */
	int64_t created_gid;
	struct G *next;            /* global queue link; sleepers being woken */
	void *race;                /* the race detector's state (race.c), or NULL */
	int status;                /* GStatus; atomic once workers run */
	int nframes, capframes;
	int scratch;               /* a blocking native's state across its calls */
	struct RtCalls *rtcalls;   /* natives' calls into gol code (rtcall.c) */
	int created_line;
	bool unwinding;
	bool retry;                /* resume at retry_pc: re-execute what blocked */
	bool sleeping;             /* in time.Sleep (its call runs again on wake-up) */
	bool resume_unwind;        /* blocked in a deferred call while a panic unwinds */
	Waiter waiter;             /* its place in a channel's queue (chan.c) */
	Frame frame0;              /* its first frame, until the frames grow */
} G;

/* A worker's bounded run queue: a ring its owner pushes at the tail and
 * pops at the head, and other workers steal from at the head (sched.c). */
#define RUNQ_SIZE 256

/*
 * A VM is one worker: an OS thread that runs goroutines. It holds the
 * running goroutine's registers and frames, its own run queue, and a copy
 * of the program-wide settings (globals, program, flags). What workers
 * share (every goroutine, the global queue, timers, idle workers) lives in
 * the scheduler (sched.c).
 */
struct VM {
	/* the running goroutine's state (see G) */
	Value *stack;
	size_t stack_cap;
	Frame *frames;
	int nframes, capframes;
	PanicRec *panic;
	bool unwinding;

	G *cur;                    /* the running goroutine */
	int budget;                /* instructions left in this time slice */
	int wid;                   /* worker index: 0 runs main.main */
	G *runnext;                /* made ready by the running goroutine: runs next
				    * (atomic: a thief may take it, see steal_work) */
	uint32_t rq_head, rq_tail; /* the ring rq (atomic: thieves read them) */
	G *rq[RUNQ_SIZE];
	uint32_t schedtick;        /* slices run: every 61st looks at the global queue first
				    * (atomic: thieves watch it) */
	uint64_t seed;             /* picks steal victims */
	int sync_depth;            /* sync natives' lock, held recursively (synclib.c) */
	int nested;                /* runs inside calls the runtime made (RUN_NESTED) */
	GolClosure *call_fn;       /* VM_CALL: what a native asked to run ... */
	Value call_args[3];        /* ... on these arguments ... */
	int call_nargs;
	Defer *call_defer;         /* ... with this deferred in it */
	struct RtCalls *rtfree;    /* a record vm_calls_end is done with, for reuse */
	bool native_may_call;      /* the native now running was called by a CALL
				    * instruction, which can call it again (rtcall.c) */
	G **gs;                    /* the goroutines this worker started (some dead) */
	int ngs, capgs;
	bool idle;                 /* waiting on wake for work (under the scheduler's lock) */
	bool notified;             /* woken by wakep: already off the idle list */
	void *wake;                /* its condition variable (sched.c) */
	struct VM *idle_next;

	Value *globals;
	Program *prog;
	int argc;
	char **argv;
	/* REPL sessions (vm_session_*): goroutines outlive each input, and
	 * a panic, a deadlock or a fatal error ends only the input */
	bool race;                 /* gol -race: the instrumented dispatch table */
	bool session;
	void *repl_race;           /* -race in a session: the inputs' one race state */
	jmp_buf *fatal_jmp;        /* where a fatal error returns to */
	int ginit_done;            /* standard package globals made so far */
	int exit_code;
};


/* Panics (vm.c). vm_pop_panic drops the newest panic, recovered, and
 * the aborted ones below it: what is left unwinds on unless recovered.
 * vm_abort_older_panic marks aborted the newest panic below the running
 * one, whose deferred call the running one has just unwound. */
void vm_pop_panic(VM *vm);
/* Go's stack-overflow report, then the end (vm.c). */
void vm_stack_overflow(VM *vm) __attribute__((noreturn));
/* The most frames a goroutine may have (vm.c). */
#define FRAME_LIMIT (1 << 22)
void vm_abort_older_panic(VM *vm);

/* chan.c: channel operations. They return CHAN_DONE, CHAN_BLOCKED (the
 * running goroutine was parked: the loop must switch) or CHAN_PANIC. */
enum { CHAN_DONE = 0, CHAN_BLOCKED = 1, CHAN_PANIC = -1 };
typedef struct GolChan GolChan;
GolChan *chan_make(Type *chan_type, int64_t cap);
int chan_send(VM *vm, GolChan *c, Value v);
int chan_recv(VM *vm, GolChan *c, Value *dst, Value *okdst);
int chan_close(VM *vm, GolChan *c);
int64_t chan_len(GolChan *c);
int64_t chan_cap(GolChan *c);
/* select: cases[i] as laid out by the compiler; *chosen gets the case
 * index, or -1 for default. */
typedef struct SelCase {
	GolChan *c;
	bool send;
	Value val;      /* send: the value */
	Value *dst;     /* receive: where the value goes (may be NULL) */
	Value *okdst;   /* receive: where ok goes (may be NULL) */
} SelCase;
int chan_select(VM *vm, SelCase *cases, int n, bool has_default, Value *chosen);
/* A send that never waits: false if it would have to. */
bool chan_try_send(VM *vm, GolChan *c, Value v);

/* sched.c */
/* A goroutine with a stack of stack_cap registers, not yet started. */
G *sched_new_g(VM *vm, size_t stack_cap);
/* Start g at function p (closure cl; NULL for a native's trampoline), its
 * arguments already in its stack from register 1: it runs next on vm. */
void sched_go(VM *vm, G *g, GolClosure *cl, Proto *p);
void sched_save(VM *vm);           /* running goroutine's state into vm->cur */
void sched_load(VM *vm, G *g);     /* make g the running goroutine */
/* A parked goroutine may run again: callable from any worker, even while
 * g's own worker is still parking it. */
void sched_ready(VM *vm, G *g);
/* Queue a runnable goroutine on vm's worker: next, in its runnext slot
 * (the one it displaces goes to the queue), or at the queue's tail. */
void sched_put(VM *vm, G *g, bool next);
void sched_park(VM *vm, const char *reason); /* the running goroutine waits */
void sched_wakep(void);            /* wake an idle worker for work just queued */
/* After the worker saved a goroutine that left its slice: queue it again
 * (its slice ended, or it yielded), or finish parking it. */
void sched_after_slice(VM *vm, G *g);
void sched_exit_g(VM *vm);         /* the running goroutine has finished */
void sched_exit_g_other(VM *vm, G *g);
/* The next goroutine for this worker, waiting for one if need be; NULL:
 * every goroutine waits and nothing can wake one (a deadlock), or, in a
 * session, an interrupt. */
G *sched_next(VM *vm);
/* A goroutine queued on this worker or globally, without waiting or
 * stealing (REPL sessions); *fresh: it starts a new time slice. */
G *sched_pop(VM *vm, bool *fresh);
/* Should the running goroutine give way at the end of its slice? */
bool sched_should_yield(VM *vm);
/* Wake due sleepers and fire due timers; returns when the next one is
 * due (monotonic ns), INT64_MAX if none is pending. */
int64_t sched_timers(VM *vm);
/* Worker threads: started when the program first starts a goroutine, up
 * to GOMAXPROCS (never for -race or a REPL session). */
void sched_start_workers(VM *vm);
extern bool sched_threaded;
static inline bool sched_is_threaded(void) { return __atomic_load_n(&sched_threaded, __ATOMIC_RELAXED); }
void sched_register_main(VM *vm);  /* vm is worker 0 */
void *sched_worker_main(void *vm); /* a worker thread's body (vm.c) */
/* A worker thread's C stack: reserved, touched only as deep as used.
 * ThreadSanitizer's runtime does not follow stacks that large. */
#if defined(__SANITIZE_THREAD__)
#define SCHED_WORKER_STACK ((size_t)8 << 20)
#else
#define SCHED_WORKER_STACK ((size_t)64 << 20)
#endif
void vm_note_c_stack(size_t size); /* this thread's C stack starts here */
void sched_name_thread(int wid);   /* name the calling thread gol-worker-wid */
void sched_set_next_id(int64_t id);
int sched_all(G ***all);           /* every goroutine not yet finished */        /* other workers were started */
/* Leave the process with code, output flushed; once several workers run,
 * after the first fatal report is complete and without another one. */
void sched_exit_process(int code) __attribute__((noreturn));
/* A fatal report is about to be printed: with several workers, only the
 * first worker to get here prints; the others wait to be ended. */
void sched_die_begin(VM *vm);
/* Set by SIGINT in a REPL session (vm_interrupt). */
extern volatile sig_atomic_t vm_interrupted;
void sched_deadlock(VM *vm) __attribute__((noreturn));

/* For the unit tests: a worker's ring (push spills half to the global
 * queue when full; steal takes half of victim's ring into thief's and
 * returns one), and the global queue. */
void sched_test_push(VM *vm, G *g);
G *sched_test_take(VM *vm);
G *sched_test_steal(VM *thief, VM *victim);
int64_t sched_test_global_len(void);
G *sched_test_global_take(void);

static inline int g_status(G *g) { return __atomic_load_n(&g->status, __ATOMIC_ACQUIRE); }
static inline void g_set_status(G *g, int s) { __atomic_store_n(&g->status, s, __ATOMIC_RELEASE); }
int64_t sched_now(void);

#endif
