/*
 * race.h — the data-race detector (`gol -race`).
 *
 * Owns: happens-before tracking in the manner of FastTrack (Flanagan and
 * Freund, PLDI 2009): a vector clock per goroutine and per synchronisation
 * object, an epoch (goroutine, clock) for the last write and the last read
 * of every memory word the program shares, and a vector clock of reads only
 * while reads really are concurrent. A race is two accesses to one word,
 * at least one a write and not both atomic, neither ordered before the
 * other; it is reported at once in the format of `go run -race`.
 *
 * The interpreter calls race_read/race_write from the instrumented copies
 * of its memory instructions (in run_race, the second compilation of the
 * loop in interp.inc, so a program run without -race pays nothing);
 * channels, sync and
 * sync/atomic call the acquire and release hooks at the points where the
 * Go memory model puts its edges. Every hook is a no-op unless
 * race_enabled.
 */
#ifndef GOL_RACE_H
#define GOL_RACE_H

#include "vm_int.h"

#include <stdbool.h>

extern bool race_enabled;

/* Turn the detector on (before the first goroutine exists). */
void race_init(VM *vm);

/* Goroutines: the main one, one started by a go statement at pc (the
 * creator's frames are its "created at" stack), and one that ended. */
void race_main(G *g);
struct Proto;
/* wrapper: NULL, or the proto standing for the closure Go 1.19 runs
 * `go f(x)` through (its reports show it under f) */
void race_go(VM *vm, G *parent, G *child, const Instr *pc, struct Proto *wrapper);
void race_finished(G *g);
/* The top frame is a deferred call that its caller, returning, runs
 * through wrapper: the proto standing for the closure Go 1.19 makes of a
 * deferred call with arguments (its reports show it under the call, and
 * runtime.deferreturn in the caller's place). */
void race_defer_wrapped(VM *vm, struct Proto *wrapper);
/* A goroutine is on its way (a timer that will start one has been set):
 * from now on accesses are watched. */
void race_end_solo(void);

/* A plain access by the running goroutine to the word at addr, made by
 * the instruction at pc in the innermost frame (NULL: that frame's saved
 * pc, for natives). */
void race_read(VM *vm, void *addr, const Instr *pc);
/* The accesses between these are one access to a range of words (a block
 * copied, copy(), string(bytes)): it reports at most one race. */
void race_range_begin(void);
void race_range_end(void);
/* An access the runtime makes for the program's instruction at pc (a
 * map's header): reported as at pc, but a race on it is a report apart
 * from one on the program's own access there, as in Go. */
void race_runtime_access(VM *vm, void *addr, const Instr *pc, bool write);
void race_write(VM *vm, void *addr, const Instr *pc);
/* A send's read (write: a close's write) of the channel chan itself,
 * whose cells *cells keeps once found (NULL before). */
void race_chan_access(VM *vm, void *chan, void **cells, const Instr *pc, bool write);
/* True while only main has run (see race.c): nothing is watched, and the
 * -race interpreter loop dispatches through the plain table. */
extern bool race_solo;
/* append(s, n more elements) by the instruction at pc (NULL: a native's
 * call): an append that fits writes the elements past s's length in
 * place, one that grows reads s's elements into the new array. */
void race_append(VM *vm, GolSlice *s, int64_t n, const Instr *pc);
/* An append instruction's two halves: before it, a growing one's read of
 * the old elements (one range); after it, the writes of the n elements
 * it put at from in r. */
void race_append_read(VM *vm, GolSlice *s, int64_t n, const Instr *pc);
void race_appended(VM *vm, GolSlice *r, int64_t from, int64_t n, const Instr *pc);
/* A sync/atomic operation on the word at addr (VM_ATOMIC_LOAD, _STORE or
 * _RMW): an access that races only with plain ones; a load acquires addr,
 * a store releases it (replacing what earlier stores released), a
 * read-modify-write does both. */
void race_atomic(VM *vm, void *addr, int kind);

/* Happens-before edges through the synchronisation object at addr:
 * acquire joins the object's clock into g's; release joins g's clock into
 * the object's and starts a new epoch of g. */
void race_acquire(G *g, void *addr);
void race_release(G *g, void *addr);
/* A release that replaces what the object held (an atomic store, a
 * Mutex's Unlock, a close): its clock becomes g's. These follow what Go's
 * runtime and sync package tell its detector, so that both report the
 * same races. */
void race_release_store(G *g, void *addr);
/* A buffered channel's slot, used by a send or a receive: the object's
 * clock becomes g's as it was, and g acquires what the object held. */
void race_acqrel(G *g, void *addr);
/* race_acqrel on slot k of a buffered channel of cap slots, whose clocks
 * *slots holds (NULL until the first: then the channel's own, found
 * without a search and gone with it). */
void race_acqrel_slot(G *g, void **slots, int64_t cap, int64_t k);
/* An acquire, then a release that stores (the one slot of a channel of
 * zero-size elements). */
void race_acquire_store(G *g, void *addr);
/* An unbuffered hand-off between a and b: each operation happens before
 * the other's completion, and nothing earlier users of the channel knew
 * passes (Go's racesync stores a's clock, then b's, over addr's; nothing
 * acquires addr before a later hand-off or a close stores over it again,
 * so addr's own clock is left as it is). */
void race_exchange(G *a, G *b, void *addr);

/* The goroutine a channel timer's send is made by: it has acquired what
 * starting and resetting the timer released. */
G *race_timer_g(void *timer);

/* At the end of a run: if races were found, print Go's summary line and
 * return the exit status GORACE's exitcode asks for (66 by default);
 * otherwise return status unchanged. */
int race_fini(VM *vm, int status);

#endif
