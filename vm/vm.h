/*
 * vm.h — the virtual machine's public face: running a compiled program, and
 * the services native (C) functions may use while one runs.
 *
 * Owns: the VM object (globals, output buffer, the running goroutine's
 * state), entering Go code from C (vm_call), calling a method by name on a
 * dynamic value (what fmt needs for String and Error), and raising panics
 * from C with Go's messages.
 */
#ifndef GOL_VM_H
#define GOL_VM_H

#include "value.h"

#include <stdio.h>

typedef struct VM VM;
struct Program;

/* Run a compiled program's main; returns the process exit status
 * (0, 2 after an unrecovered panic, or os.Exit's code; with the race
 * detector on and races found, 66 or GORACE's exitcode for 0). */
int vm_run(struct Program *prog, int argc, char **argv);
/* Turn the race detector on for the next vm_run (gol -race). */
void vm_enable_race(void);

/* REPL sessions. A session is one VM whose globals and goroutines live
 * across inputs. vm_session_eval runs a compiled input on goroutine 1
 * while the other goroutines run too, until it returns: 0, 2 after a
 * panic, deadlock or fatal error (reported; only the input ends, and a
 * background goroutine's panic ends only that goroutine), 130 after
 * vm_interrupt (a SIGINT handler may call it). vm_session_idle runs the
 * background goroutines while the prompt waits: it returns 1 when fd has
 * input, 2 when goroutines have written output (still buffered: the
 * caller clears its prompt line, vm_flush, redraws), 3 after a goroutine
 * panicked (reported), 0 on an interrupt. With fd < 0 it returns 1 as
 * soon as no goroutine is ready (or after a bounded number of slices). */
struct Proto;
VM *vm_session_new(struct Program *prog, int argc, char **argv);
int vm_session_eval(VM *vm, struct Proto *p);
int vm_session_idle(VM *vm, int fd);
void vm_interrupt(void);
void vm_interrupt_clear(void);
/* The session ends: with -race, races found are summed up as a program's
 * are; returns the exit status (66 for status 0 after races). */
int vm_session_end(VM *vm, int status);
/* Every goroutine: id, state or wait reason, function and line. */
void vm_session_goroutines(VM *vm, FILE *out);

/* Call closure f with args; results written to results. Returns 0, or -1
 * if a panic is propagating (the caller must return -1 at once). */
int vm_call(VM *vm, GolClosure *f, Value *args, int nargs, Value *results, int nres);

/* A native that calls gol code (fmt: String, Error, GoString, Write)
 * brackets its work with vm_calls_begin and vm_calls_end and makes each
 * call through vm_calls_call (as vm_call). Called by a CALL instruction,
 * the calls are recorded, run afterwards as the goroutine's own calls
 * (which may block or be preempted), and the native is called again to
 * replay its work with their outcomes (rtcall.c). So the work must make
 * the same calls in the same order each time, and have no effect but its
 * result until vm_calls_end returns 0. vm_calls_begin and vm_calls_end
 * return VM_CALL when the native must return that at once; vm_calls_end
 * otherwise returns rc, the native's own outcome. vm_calls_pending says
 * whether recorded calls have yet to run (the results so far are zero
 * values): what would follow, a write, must wait. */
int vm_calls_begin(VM *vm);
/* On a replay, args gets the arguments the recorded call was made with. */
int vm_calls_call(VM *vm, GolClosure *f, Value *args, int nargs, Value *res, int nres);
bool vm_calls_pending(VM *vm);
int vm_calls_end(VM *vm, int rc);

/* If the dynamic type t (canonical) has a method `name` with signature
 * func() string, call it on v and store the result; returns 1 if called,
 * 0 if there is no such method, -1 if it panicked. */
int vm_call_string_method(VM *vm, Type *t, Value v, const char *name, GolString **out);

/* A native returns VM_BLOCK after parking the running goroutine (see
 * vm_wait, vm_sleep): the call is made again from the start once the
 * goroutine is woken. */
#define VM_BLOCK (-2)

/* A native returns vm_call_then_retry(vm, f, after, arg) to have gol
 * function f (a func() closure) run as an ordinary call of the running
 * goroutine, so that it may block or panic like any code, with after(arg)
 * deferred in it (it runs when f returns or panics); then the native is
 * called again with the same arguments. */
#define VM_CALL (-3)
int vm_call_then_retry(VM *vm, GolClosure *f, GolClosure *after, Value arg);
/* Can f run that way (a gol closure or method value, not a native or an
 * adapter)? */
bool vm_can_call_then_retry(GolClosure *f);

/* Park the running goroutine on queue *q (a list head the native owns,
 * e.g. in a Mutex's block) with Go's wait reason; returns VM_BLOCK.
 * vm_wake_one / vm_wake_all make waiters on q runnable again. */
typedef struct GWait GWait;
/* The lock that guards every sync object's state and wait queue (one for
 * all: what it guards is a few stores). Held recursively by one worker, so
 * a Cond's Wait may call its Locker's Unlock; held from a native's check
 * to its vm_wait, so no wake-up falls in between. */
void vm_sync_lock(VM *vm);
/* GOMAXPROCS: the number of worker threads; set if n > 0, returns the
 * previous setting (default: GOMAXPROCS from the environment, else the
 * number of CPUs). */
int64_t vm_gomaxprocs(int64_t n);
void vm_sync_unlock(VM *vm);
int vm_wait(VM *vm, GWait **q, const char *reason);
void vm_wake_one(VM *vm, GWait **q);
/* Undo vm_wait (the native fails after all): the running goroutine leaves
 * queue q and runs on. Caller holds the sync lock. */
void vm_wait_cancel(VM *vm, GWait **q);
void vm_wake_all(VM *vm, GWait **q);
/* vm_wake_all for waiters that, in Go, would take a Mutex one after the
 * other (Once.Do's callers waiting for f): to the race detector each, in
 * queue order, acquires and then release-stores lock. */
void vm_wake_all_through(VM *vm, GWait **q, void *lock);
/* time.Sleep: the first call parks for ns nanoseconds and returns
 * VM_BLOCK; the call made again after the wake-up returns 0. */
int vm_sleep(VM *vm, int64_t ns);
/* time.After: a channel of capacity 1 of chan_type that receives v after
 * ns nanoseconds. */
void *vm_after(VM *vm, Type *chan_type, int64_t ns, Value v);
int64_t vm_now(void);
/* Timers: after ns (then every period, if > 0) send the time on a new
 * channel of chan_type (returned in *chan_out), or start a goroutine
 * running f. Returns a handle for stop and reset (which report whether
 * the timer was still pending). */
void *vm_timer_start(VM *vm, Type *chan_type, GolClosure *f, int64_t ns, int64_t period, void **chan_out);
bool vm_timer_stop(VM *vm, void *timer);
bool vm_timer_reset(VM *vm, void *timer, int64_t ns, int64_t period);
/* A blocking native's own state, kept in the running goroutine across the
 * calls made again after each wake-up (zero at first). */
int *vm_g_scratch(VM *vm);

/* Let other goroutines run (runtime.Gosched): returns VM_BLOCK. */
int vm_yield(VM *vm);
int vm_num_goroutine(VM *vm);
/* close(c) for a deferred close: 0, or -1 after a panic. */
int vm_close_chan(VM *vm, void *c);

/* The race detector's hooks for natives that synchronise (sync, atomic);
 * they do nothing unless the program runs with -race. acquire: what was
 * released on addr happens before what the running goroutine does next;
 * release: what it did so far happens before a later acquire of addr (as
 * do earlier releases); release_store: the same, replacing what earlier
 * releases left (a Mutex's Unlock, as Go's sync tells its detector);
 * atomic: an atomic access to the word at addr (racing only with plain
 * accesses): a load acquires addr, a store releases it (what earlier
 * stores released is no longer passed on), a read-modify-write (Add,
 * Swap, CompareAndSwap) does both. */
enum { VM_ATOMIC_LOAD, VM_ATOMIC_STORE, VM_ATOMIC_RMW };
void vm_race_acquire(VM *vm, void *addr);
void vm_race_release(VM *vm, void *addr);
void vm_race_release_store(VM *vm, void *addr);
void vm_race_atomic(VM *vm, void *addr, int kind);
/* An atomic write of the word at addr that orders nothing itself (a
 * Mutex's state word: the Mutex's own edges are made apart). */
void vm_race_atomic_write(VM *vm, void *addr);
/* A library function reading (or writing) n words from p, as Go's own
 * library code would be seen doing (fmt printing a slice, sort sorting
 * one), made by the call the running goroutine is in. */
void vm_race_range(VM *vm, void *p, int64_t n, bool write);
/* The same for a whole struct or array of type t at block b, nested
 * blocks included (fmt printing &T{...}). */
void vm_race_block(VM *vm, Type *t, Value *b, bool write);
/* A library function appending n elements to s (strconv.AppendInt...):
 * the writes (or, when s grows, the reads) an append makes. */
void vm_race_append(VM *vm, GolSlice *s, int64_t n);

/* Raise a panic from C. vm_panic_error makes a runtime.Error ("runtime
 * error: " prefix is added); vm_panic_value panics with any Go value boxed
 * in an interface. Both return -1 for convenience: `return vm_panic...`. */
int vm_panic_error(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same as a runtime.boundsError (index and slice bounds, as Go's
 * %T and type switches see it), and a failed type assertion's
 * *runtime.TypeAssertionError (msg without the prefix). */
/* The closure for method `name` of a value v of dynamic type t and, in
 * *recv, the receiver to pass it: through embedded fields and embedded
 * interfaces, loaded through a pointer for a value method. NULL when
 * there is none (*why METHOD_NONE) or a nil pointer or interface is on
 * the way (METHOD_NIL: calling it is a nil dereference). */
enum { METHOD_FOUND, METHOD_NONE, METHOD_NIL };
struct GolClosure *vm_method_of(Type *t, Value v, const char *name, Value *recv, int *why);
int vm_panic_bounds(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vm_panic_assert(VM *vm, const char *msg);
/* The nil-dereference runtime error; Go detects these by the fault and its
 * report adds a [signal SIGSEGV ...] line, so this one is marked. */
int vm_panic_nil(VM *vm);
int vm_panic_msg(VM *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vm_panic_value(VM *vm, GolIface *v);
/* A runtime.Error without the "runtime error: " prefix, as Go's plain
 * runtime errors ("send on closed channel") are. */
int vm_panic_plain(VM *vm, const char *msg);
/* Go's fatal error: "fatal error: MSG", the goroutine's stack, exit 2. */
void vm_fatal(VM *vm, const char *msg) __attribute__((noreturn));

/* Take the panic that is propagating out of a failed vm_call (fmt does
 * this for a String method that panics: Go prints %!v(PANIC=...)); the
 * program goes on as if it had been recovered. Returns its value. */
GolIface *vm_take_panic(VM *vm);
/* The same, keeping the panic (opaque) to put back, recovered, below a
 * newer one that fmt lets go on (vm_panic_under): Go's chain shows both. */
void *vm_take_panic_rec(VM *vm, GolIface **value);
void vm_panic_under(VM *vm, void *rec);

/* Buffered standard output and error (flushed at exit and before a panic
 * report, so output order matches Go's). */
void vm_write(VM *vm, int fd, const char *p, size_t n);
void vm_flush(VM *vm);
/* Make the collector's failure to allocate Go's out-of-memory fatal
 * error (once, at start-up). */
void vm_install_oom(void);
/* A native recursing on the C stack (fmt through nested values) checks
 * here now and then: past the thread's allowance, Go's stack-overflow
 * report and exit status 2 rather than a crash. */
void vm_check_c_stack(VM *vm);
/* Output written but not yet flushed. */
bool vm_output_pending(void);

/* Writes v (of type t) to standard error as the print builtin does. */
void vm_print_value(VM *vm, Type *t, Value v);

/* The command-line arguments as os.Args sees them. */
GolSlice *vm_args(VM *vm);

/* End the program now with status code (os.Exit): deferred calls do not run. */
void vm_exit(VM *vm, int code) __attribute__((noreturn));

#endif
