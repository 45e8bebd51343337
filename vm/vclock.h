/*
 * vclock.h — vector clocks for the race detector.
 *
 * Owns: sparse vector clocks (goroutine id -> clock value, absent = 0) and
 * the four things the detector does with them: read an entry, raise an
 * entry, join one clock into another (entrywise maximum) and make one
 * clock a copy of another.
 *
 * A program may start millions of goroutines, and a clock that has heard
 * of them all (a WaitGroup's, a mutex's) is then as long; naive joins and
 * copies would cost that length on every channel operation. Here they
 * cost about the number of entries that changed: see vclock.c.
 *
 * Not thread-safe: the detector runs goroutines on one worker.
 */
#ifndef GOL_VCLOCK_H
#define GOL_VCLOCK_H

#include <stdbool.h>
#include <stdint.h>

typedef struct VCEntry {
	uint32_t tid;
	uint64_t clk;
} VCEntry;

typedef struct VCBase VCBase;
typedef struct VCDelta VCDelta;

/* A clock: the entries of base, raised by the first nd entries of d.
 * All zero is the empty clock. Bases and deltas are shared between clocks
 * (copies and joins are O(1) where they can be); see vclock.c for when
 * they may still change. */
typedef struct VC {
	VCBase *base;
	VCDelta *d;
	int nd;
} VC;

/* Entry tid of v (0 if absent). */
uint64_t vc_get(const VC *v, uint32_t tid);
/* Raise entry tid of v to at least clk. */
void vc_raise(VC *v, uint32_t tid, uint64_t clk);
/* dst = dst ⊔ src. src is not changed in value (its storage may become
 * shared). */
void vc_join(VC *dst, VC *src);
/* dst = dst ⊔ a ⊔ b, with entries ta and tb raised to at least ca and
 * cb (an exchange on an unbuffered channel). */
void vc_join2_raise(VC *dst, VC *a, uint32_t ta, uint64_t ca, VC *b, uint32_t tb, uint64_t cb);
/* dst = src. */
void vc_copy(VC *dst, VC *src);
/* dst = src with entry tid raised to at least clk (a release that leaves
 * the object's clock holding what the releaser's does). */
void vc_copy_raise(VC *dst, VC *src, uint32_t tid, uint64_t clk);

/* v becomes the empty clock, its storage given back where no other
 * clock shares it (v is never used again, or only as a fresh clock). */
void vc_drop(VC *v);

/* Tests: storage given back is first overwritten, so a clock still
 * using it would show wrong entries at once. */
extern bool vc_poison_freed;

/* Number of entries v holds in storage (for tests and statistics). */
int vc_stored(const VC *v);

#endif
