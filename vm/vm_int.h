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
#include <signal.h>

typedef struct Defer {
	GolClosure *f;
	Value *args;
	int nargs;
	struct Defer *next;
} Defer;

typedef struct Frame {
	GolClosure *cl;
	Proto *p;
	const Instr *pc;     /* next instruction (saved while a callee runs) */
	size_t base;         /* index of R[0] in the stack */
	int ret_reg;         /* caller register receiving results */
	int nres;            /* results the caller wants (-1: any, for defers) */
	Defer *defers;
	bool is_defer;       /* started by the defer machinery */
	bool panicking;      /* running its defers because of a panic */
} Frame;

/* Frames kept in a panic's traceback, innermost first (Go prints 100). */
#define TRACE_FRAMES 100

typedef struct PanicRec {
	GolIface *value;
	bool recovered;
	bool signal; /* a nil dereference: Go reports it as a SIGSEGV */
	/* the goroutine's frames when the panic began: unwinding pops them
	 * while deferred calls run, but an unrecovered panic prints them, as
	 * Go does (its defers run on top of the panicking frames) */
	Frame *frames;
	int nframes;
	struct PanicRec *next; /* an earlier panic this one interrupted */
} PanicRec;

/* What a goroutine is waiting for, as Go's tracebacks name it. */
typedef enum GStatus { G_RUNNABLE, G_RUNNING, G_WAITING, G_DEAD } GStatus;

/*
 * A goroutine: its own register stack and frames, its panic state, and
 * what it waits for. The VM keeps the running goroutine's stack, frames
 * and panic state in its own fields (the loop reads them directly);
 * switching goroutines saves them here and loads the next one's.
 */
typedef struct G {
	int64_t id;
	int all_index;             /* its place in vm->all */
	GStatus status;
	const char *wait_reason;   /* "chan receive", "sleep", ... */
	Value *stack;
	size_t stack_cap;
	Frame *frames;
	int nframes, capframes;
	PanicRec *panic;
	bool unwinding;
	bool retry;                /* resume at retry_pc: re-execute what blocked */
	const Instr *retry_pc;
	int64_t wake_at;           /* sleeping: monotonic ns, else 0 */
	bool sleeping;             /* in time.Sleep (its call runs again on wake-up) */
	int scratch;               /* a blocking native's state across its calls */
	struct G *wait_next;       /* link in a native's wait queue (GWait) */
	int select_case;           /* select: the case that fired, -1 none */
	Proto *created_by;         /* the function that ran the go statement */
	int created_line;
	int64_t created_gid;
	struct G *next;            /* run queue / wait queue link */
	void *race;                /* the race detector's state (race.c), or NULL */
} G;

struct VM {
	/* the running goroutine's state (see G) */
	Value *stack;
	size_t stack_cap;
	Frame *frames;
	int nframes, capframes;
	PanicRec *panic;
	bool unwinding;

	G *cur;                    /* the running goroutine */
	G *runq_head, *runq_tail;  /* runnable goroutines, first in first out */
	G **all;                   /* every goroutine not yet finished */
	int nall, capall;
	int64_t next_id;
	G **sleepers;              /* goroutines in time.Sleep */
	int nsleepers, capsleepers;
	struct Timer *timers;      /* pending time.After sends, unordered */
	int budget;                /* instructions left in this time slice */

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
	char outbuf[2][1 << 15];
	size_t outlen[2];
	int exit_code;
};


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
G *sched_new_g(VM *vm);
void sched_save(VM *vm);           /* running goroutine's state into vm->cur */
void sched_load(VM *vm, G *g);     /* make g the running goroutine */
void sched_ready(VM *vm, G *g);    /* g may run again */
void sched_park(VM *vm, const char *reason); /* the running goroutine waits */
void sched_exit_g(VM *vm);         /* the running goroutine has finished */
void sched_exit_g_other(VM *vm, G *g);
G *sched_next(VM *vm);             /* the next goroutine to run; NULL: deadlock
				    * (or, in a session, an interrupt) */
/* Wake due sleepers and fire due timers; returns when the next one is
 * due (monotonic ns), INT64_MAX if none is pending. */
int64_t sched_timers(VM *vm);
/* Set by SIGINT in a REPL session (vm_interrupt). */
extern volatile sig_atomic_t vm_interrupted;
void sched_deadlock(VM *vm) __attribute__((noreturn));

/* The first runnable goroutine queued, or NULL (a goroutine that died
 * queued, an interrupted REPL input, is dropped). */
static inline G *sched_pop(VM *vm)
{
	for (;;) {
		G *g = vm->runq_head;
		if (!g)
			return NULL;
		vm->runq_head = g->next;
		if (!vm->runq_head)
			vm->runq_tail = NULL;
		g->next = NULL;
		if (g->status != G_DEAD)
			return g;
	}
}
int64_t sched_now(void);

#endif
