/*
 * vclock.c — vector clocks that cost what changed, not what they hold.
 *
 * A clock is two sorted sets of (tid, clock) pairs: a base, which may be
 * long and is shared freely between clocks, and a short delta of entries
 * raised since, which the base does not have (or has lower). An entry's
 * value is the larger of the two. A delta that grows past about half the
 * square root of its base's length is folded into a base, so a join pays
 * for deltas (short) on most operations and for a base (long) once per
 * fold: with n entries, O(sqrt n) per operation amortised. A base is
 * kept in chunks of up to 128 tids that never change once made, so a
 * fold makes new chunks only where the delta falls and shares the rest
 * with the base it came from: goroutines woken in turn, whose tids are
 * near one another, cost a fold of a long mutex clock a few chunks. A
 * chunk more than half full is an array of clock values by tid.
 *
 * Sharing. A base that a second clock refers to (or that another base is
 * marked as holding, below) never changes again; one held by a single
 * clock is grown in place when its delta folds. A short delta taken from
 * another clock is copied, a long one shared. A delta
 * is append-only once shared: a clock sees the first nd entries of its
 * delta, so another clock holding the same delta with a longer view may
 * have appended after them (only the one whose view reaches the end may
 * append), while changing an existing entry of a shared delta copies it.
 *
 * Knowing that one base holds at least every entry of another is what
 * makes joins cheap: the joiner simply takes the larger base. Bases come
 * in lines: a base made from another by folding a delta into it, or by
 * joining it with a third, holds at least what that one did, and becomes
 * the next in its line (a line has one newest base; a base made from an
 * older one starts a line of its own). Within a line, the later base holds
 * at least every entry of the earlier, so "dominates" is one comparison.
 * A base made from two also marks its place in the other's line (and
 * keeps up to three such marks from its makers): a WaitGroup's clock that
 * joined a mutex's clock knows, until the mutex's next fold, that it
 * holds it. A base also remembers the delta last folded into it: a clock still
 * holding (a view of) that delta next to that base drops it. And a base
 * folded from another remembers that one's place: a clock whose base holds
 * the older needs only the folded delta to hold the newer (a WaitGroup's
 * clock that each holder of a mutex joins takes each of the mutex's folds
 * as a delta, not as a merge of two long bases).
 *
 * The patterns this serves: a mutex or channel that passes a long clock
 * from goroutine to goroutine (each acquire takes the mutex's base, each
 * release adds one entry to a delta); a WaitGroup that a million
 * goroutines Done (its base, held by it alone, grows at its end); a
 * broadcast to many goroutines (all take one base).
 */
#include "vclock.h"

#include <gc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Line {
	uint32_t newest; /* seq of the newest base of this line */
} Line;

/* A place in a line: every base at or after it holds at least what the
 * base there held. */
typedef struct Mark {
	Line *line;
	uint32_t seq;
} Mark;

#define ALSO 3

/* A base's entries come in chunks: those whose tids share all bits but
 * the low CHUNK_BITS. A chunk never changes once made, and bases made
 * from one another share the chunks they do not change: folding a short
 * delta into a long base copies the chunks the delta touches and the
 * list of chunk pointers, not every entry. 128 tids a chunk: a dense one
 * is then 1 KB and a small object for the collector (at 256 it is just
 * over 2 KB, which the collector gives a 4 KB block of its own: a chain
 * of 2000 goroutines passing values on, conc_primesieve, took 10.5 s and
 * 63 MB under -race then, 7 s and 37 MB now; smaller chunks lengthen the
 * chunk lists that a clock of a million goroutines folds). */
#define CHUNK_BITS 7
#define CHUNK_MAX (1 << CHUNK_BITS) /* entries a chunk can hold */
#define CHUNK_LOW (CHUNK_MAX - 1)

/* A chunk more than half full is dense (a clock value for each of its
 * tids, 0 where absent: half the bytes of (tid, clock) pairs, found
 * without a search, joined by a loop the compiler vectorises); a
 * sparser one lists its entries. */
typedef struct Chunk {
	int n;             /* entries present */
	bool dense;
	uint64_t w[];      /* dense: w[tid & CHUNK_LOW]; else n VCEntry sorted by tid */
} Chunk;

static inline const VCEntry *chunk_list(const Chunk *c)
{
	return (const VCEntry *)(const void *)c->w;
}

typedef struct ChunkRef {
	uint32_t id;       /* its entries' tids >> CHUNK_BITS */
	const Chunk *c;
} ChunkRef;

struct VCBase {
	ChunkRef *c;       /* sorted by id, no empty chunk */
	int nc;            /* chunks */
	int n;             /* entries in all */
	int limit;         /* a delta longer than this is folded in */
	bool shared;       /* held by more than one clock: fixed from now on */
	Line *line;
	uint32_t seq;
	Mark also[ALSO];   /* places in other lines this base holds at least */
	int nalso;
	VCDelta *absorbed; /* the delta last folded into this base, */
	int absorbed_n;    /* its first absorbed_n entries */
	/* Set when this base is exactly the base at from (nothing when
	 * from.line is NULL) plus that absorbed view: a clock that holds the
	 * base at from lacks at most those entries. */
	bool has_from;
	Mark from;
};

struct VCDelta {
	int refs;          /* referrers: clocks whose d it is, and a base that
			    * absorbed it; more than one is "shared" */
	int fill, cap;     /* entries written; room */
	VCEntry e[];
};

/* Copy n entries (the ranges may overlap when dst > src). The clocks
 * of a few goroutines passing values back and forth copy one or two
 * entries per operation, which a call to the C library costs more than. */
static inline void move_entries(VCEntry *dst, const VCEntry *src, int n)
{
	if (n > 8) {
		memmove(dst, src, sizeof(VCEntry) * (size_t)n);
		return;
	}
	for (int i = n - 1; i >= 0; i--)
		dst[i] = src[i];
}

/* The first index in e[0..n) whose tid is >= tid. */
static int find(const VCEntry *e, int n, uint32_t tid)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (e[mid].tid < tid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static uint64_t lookup(const VCEntry *e, int n, uint32_t tid)
{
	int k = find(e, n, tid);
	return k < n && e[k].tid == tid ? e[k].clk : 0;
}

static uint64_t chunk_get(const Chunk *c, uint32_t tid)
{
	return c->dense ? c->w[tid & CHUNK_LOW] : lookup(chunk_list(c), c->n, tid);
}

/* c's entries, sorted: its own list, or for a dense chunk (of id) buf
 * filled; *n is set to their number. */
static const VCEntry *chunk_entries(const Chunk *c, uint32_t id, VCEntry *buf, int *n)
{
	*n = c->n;
	if (!c->dense)
		return chunk_list(c);
	int k = 0;
	for (uint32_t i = 0; i < CHUNK_MAX; i++)
		if (c->w[i])
			buf[k++] = (VCEntry){id << CHUNK_BITS | i, c->w[i]};
	*n = k;
	return buf;
}

static Chunk *dense_new(void)
{
	Chunk *c = GC_MALLOC_ATOMIC(sizeof *c + sizeof(uint64_t) * CHUNK_MAX);
	c->dense = true;
	return c;
}

/* A chunk of the n sorted entries e, all of one chunk. */
static const Chunk *chunk_make(const VCEntry *e, int n)
{
	if (n <= CHUNK_MAX / 2) {
		Chunk *c = GC_MALLOC_ATOMIC(sizeof *c + sizeof(VCEntry) * (size_t)n);
		c->dense = false;
		c->n = n;
		memcpy(c->w, e, sizeof(VCEntry) * (size_t)n);
		return c;
	}
	Chunk *c = dense_new();
	memset(c->w, 0, sizeof(uint64_t) * CHUNK_MAX);
	c->n = 0;
	for (int i = 0; i < n; i++) {
		c->w[e[i].tid & CHUNK_LOW] = e[i].clk;
		c->n += e[i].clk != 0; /* a 0 is an absent entry */
	}
	return c;
}

/* The first index in c[0..n) whose id is >= id. */
static int find_chunk(const ChunkRef *c, int n, uint32_t id)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (c[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static uint64_t base_get(const VCBase *b, uint32_t tid)
{
	if (!b)
		return 0;
	uint32_t id = tid >> CHUNK_BITS;
	int k = find_chunk(b->c, b->nc, id);
	return k < b->nc && b->c[k].id == id ? chunk_get(b->c[k].c, tid) : 0;
}

/* The longest delta kept beside a base of n entries. Each copy of a
 * delta costs its length, each fold the chunks it touches and the list
 * of chunks (n / 128 of them): half the square root balances the two
 * (a mutex that 100k woken goroutines pass on: 0.54 s at the square
 * root, 0.39 s at half). */
static int limit_for(int n)
{
	return 8 + (int)sqrt((double)n) / 2;
}

static bool at_or_after(const VCBase *a, Line *line, uint32_t seq)
{
	if (a->line == line)
		return a->seq >= seq;
	for (int i = 0; i < a->nalso; i++)
		if (a->also[i].line == line)
			return a->also[i].seq >= seq;
	return false;
}

/* Does a hold at least every entry of b? (Decided by lines: may say no
 * when the answer is yes, never the reverse.) */
static bool dominates(const VCBase *a, const VCBase *b)
{
	return !b || a == b || (a && at_or_after(a, b->line, b->seq));
}

static void add_mark(VCBase *c, Line *line, uint32_t seq)
{
	if (line == c->line)
		return; /* c is the newest of its own line */
	for (int i = 0; i < c->nalso; i++)
		if (c->also[i].line == line) {
			if (seq > c->also[i].seq)
				c->also[i].seq = seq;
			return;
		}
	if (c->nalso < ALSO)
		c->also[c->nalso++] = (Mark){line, seq};
}

/* Is b held by no other clock and the newest of its line, so that it may
 * grow in place? */
static bool own_newest(const VCBase *b)
{
	return b && !b->shared && b->line->newest == b->seq;
}

/* c, which is not shared, now holds at least every entry of b. */
static void mark_holds(VCBase *c, VCBase *b)
{
	b->shared = true; /* a base c is marked as holding no longer grows in place */
	add_mark(c, b->line, b->seq);
	for (int i = 0; i < b->nalso; i++)
		add_mark(c, b->also[i].line, b->also[i].seq);
}

/* c, just made, holds at least every entry of p and of q (either may be
 * NULL): it continues the line of one of them that is the newest of its
 * line, or starts a line, and remembers where it stands in the others
 * (q's first: a join's source is the likelier to be met again). */
static void follow(VCBase *c, VCBase *p, VCBase *q)
{
	VCBase *from = p && p->line->newest == p->seq ? p : q && q->line->newest == q->seq ? q : NULL;
	if (from) {
		c->line = from->line;
		c->seq = from->seq + 1;
		c->line->newest = c->seq;
	} else {
		c->line = GC_MALLOC_ATOMIC(sizeof *c->line);
		c->line->newest = 0;
		c->seq = 0;
	}
	c->nalso = 0;
	if (q)
		mark_holds(c, q);
	if (p)
		mark_holds(c, p);
}

/* out = the entrywise maximum of a[0..na) and b[0..nb), all sorted;
 * returns its length (out has room for na + nb). With more non-NULL,
 * more[0] (more[1]) says whether a (b) has an entry the other lacks or
 * holds lower. */
static inline __attribute__((always_inline)) int merge_max_more(VCEntry *out, const VCEntry *a, int na,
								   const VCEntry *b, int nb, bool *more)
{
	int i = 0, j = 0, k = 0;
	bool am = false, bm = false;
	while (i < na || j < nb) {
		if (j == nb || (i < na && a[i].tid < b[j].tid)) {
			out[k++] = a[i++];
			am = true;
		} else if (i == na || b[j].tid < a[i].tid) {
			out[k++] = b[j++];
			bm = true;
		} else {
			am |= a[i].clk > b[j].clk;
			bm |= b[j].clk > a[i].clk;
			out[k++] = (VCEntry){a[i].tid, a[i].clk > b[j].clk ? a[i].clk : b[j].clk};
			i++, j++;
		}
	}
	if (more)
		more[0] = am, more[1] = bm;
	return k;
}

static int merge_max(VCEntry *out, const VCEntry *a, int na, const VCEntry *b, int nb)
{
	return merge_max_more(out, a, na, b, nb, NULL);
}

/* The entrywise maximum of chunk a (NULL: empty) and the entries
 * d[0..nd), all of a's chunk: a itself when d adds nothing to it, else a
 * new chunk. */
static const Chunk *chunk_max(const Chunk *a, const VCEntry *d, int nd)
{
	if (a) {
		int j = 0;
		while (j < nd && chunk_get(a, d[j].tid) >= d[j].clk)
			j++;
		if (j == nd)
			return a;
		if (a->dense) {
			Chunk *c = dense_new();
			memcpy(c->w, a->w, sizeof(uint64_t) * CHUNK_MAX);
			c->n = a->n;
			for (j = 0; j < nd; j++) {
				uint64_t *w = &c->w[d[j].tid & CHUNK_LOW];
				if (d[j].clk > *w) {
					c->n += !*w;
					*w = d[j].clk;
				}
			}
			return c;
		}
	}
	VCEntry tmp[CHUNK_MAX];
	return chunk_make(tmp, merge_max(tmp, a ? chunk_list(a) : NULL, a ? a->n : 0, d, nd));
}

/* How many of the chunks that d[0..nd) (sorted) touches are not among
 * c[0..nc)? */
static int new_chunks(const ChunkRef *c, int nc, const VCEntry *d, int nd)
{
	int add = 0, k = 0;
	for (int j = 0; j < nd;) {
		uint32_t id = d[j].tid >> CHUNK_BITS;
		while (k < nc && c[k].id < id)
			k++;
		if (k == nc || c[k].id != id)
			add++;
		while (j < nd && d[j].tid >> CHUNK_BITS == id)
			j++;
	}
	return add;
}

/* out = the chunks c[0..nc) with d[0..nd) (sorted) folded in; returns
 * the number of chunks, and adds the number of new entries to *n. out
 * may be c when d touches no chunk c lacks: each chunk is then written
 * where it was read. */
static int fold_chunks(ChunkRef *out, const ChunkRef *c, int nc, const VCEntry *d, int nd, int *n)
{
	int i = 0, j = 0, k = 0;
	while (i < nc || j < nd) {
		uint32_t id = j < nd ? d[j].tid >> CHUNK_BITS : UINT32_MAX;
		if (i < nc && c[i].id < id) {
			out[k++] = c[i++];
			continue;
		}
		int j2 = j;
		while (j2 < nd && d[j2].tid >> CHUNK_BITS == id)
			j2++;
		const Chunk *old = i < nc && c[i].id == id ? c[i++].c : NULL;
		const Chunk *m = chunk_max(old, d + j, j2 - j);
		*n += m->n - (old ? old->n : 0);
		out[k++] = (ChunkRef){id, m};
		j = j2;
	}
	return k;
}

static ChunkRef *chunks_new(int n)
{
	return GC_MALLOC(sizeof(ChunkRef) * (size_t)(n ? n : 1));
}

/* A new base holding the entrywise maximum of a (NULL: empty) and
 * d[0..nd) (sorted). */
static VCBase *base_fold(const VCBase *a, const VCEntry *d, int nd)
{
	VCBase *c = GC_MALLOC(sizeof *c);
	int na = a ? a->nc : 0;
	c->c = chunks_new(na + new_chunks(a ? a->c : NULL, na, d, nd));
	c->n = a ? a->n : 0;
	c->nc = fold_chunks(c->c, a ? a->c : NULL, na, d, nd, &c->n);
	c->limit = limit_for(c->n);
	return c;
}

/* The entrywise maximum of chunks x and y (of id): either of them when
 * it holds the other, else a new chunk. */
static const Chunk *chunk_join(uint32_t id, const Chunk *x, const Chunk *y)
{
	if (x->dense && y->dense) {
		/* compared first: most often one holds the other (a clock
		 * that heard nothing new since), and no chunk is made */
		uint64_t xmore = 0, ymore = 0; /* has an entry the other lacks or is below */
		for (int i = 0; i < CHUNK_MAX; i++) {
			xmore |= x->w[i] > y->w[i];
			ymore |= y->w[i] > x->w[i];
		}
		if (!xmore || !ymore)
			return xmore ? x : y;
		Chunk *c = dense_new();
		int n = 0;
		for (int i = 0; i < CHUNK_MAX; i++) {
			uint64_t p = x->w[i], q = y->w[i];
			c->w[i] = p > q ? p : q;
			n += (p | q) != 0;
		}
		c->n = n;
		return c;
	}
	VCEntry xb[CHUNK_MAX], yb[CHUNK_MAX], tmp[CHUNK_MAX];
	int na, nb;
	bool more[2];
	const VCEntry *a = chunk_entries(x, id, xb, &na), *b = chunk_entries(y, id, yb, &nb);
	int k = merge_max_more(tmp, a, na, b, nb, more);
	if (!more[1])
		return x;
	if (!more[0])
		return y;
	return chunk_make(tmp, k);
}

/* A new base holding the entrywise maximum of a and b: chunks the two
 * share, or that only one has, are taken as they are. */
static VCBase *base_merge(const VCBase *a, const VCBase *b)
{
	VCBase *m = GC_MALLOC(sizeof *m);
	m->c = chunks_new(a->nc + b->nc);
	int i = 0, j = 0, k = 0, n = 0;
	while (i < a->nc || j < b->nc) {
		if (j == b->nc || (i < a->nc && a->c[i].id < b->c[j].id)) {
			m->c[k] = a->c[i++];
		} else if (i == a->nc || b->c[j].id < a->c[i].id) {
			m->c[k] = b->c[j++];
		} else {
			const Chunk *x = a->c[i].c, *y = b->c[j].c;
			m->c[k] = (ChunkRef){a->c[i].id, x == y ? x : chunk_join(a->c[i].id, x, y)};
			i++, j++;
		}
		n += m->c[k++].c->n;
	}
	m->nc = k;
	m->n = n;
	m->limit = limit_for(n);
	return m;
}

/* Fold d[0..nd) into b, which no other clock holds and which is the
 * newest of its line (so no clock relies on what it holds now). */
static void base_grow(VCBase *b, const VCEntry *d, int nd)
{
	int add = new_chunks(b->c, b->nc, d, nd);
	ChunkRef *out = b->c;
	if (add)
		out = chunks_new(b->nc + add);
	b->nc = fold_chunks(out, b->c, b->nc, d, nd, &b->n);
	b->c = out;
	b->limit = limit_for(b->n);
}

static VCDelta *delta_new(int cap)
{
	VCDelta *d = GC_MALLOC_ATOMIC(sizeof *d + sizeof(VCEntry) * (size_t)cap);
	d->refs = 1; /* the clock it is made for */
	d->fill = 0;
	d->cap = cap;
	return d;
}

static inline bool delta_shared(const VCDelta *d)
{
	return d->refs > 1;
}

/*
 * A delta no clock or base refers to any more goes back to the collector
 * at once. Deltas are most of what the detector allocates (a mutex passed
 * on by 100k goroutines makes about 190 MB of them, each replaced at the
 * next Unlock), and left to the collector they grow the heap by that much
 * before it looks. Its referrers are counted: the clocks whose d it is,
 * and the base that absorbed it in a fold (the folding clock's reference
 * passes to the base). A count that is too high only leaves the delta to
 * the collector, as when a clock in a collected object (a dead channel's
 * slot) goes without a word; one too low would free a delta in use, so
 * every place that makes a second reference counts it (take_delta).
 * (A freed delta's address may be handed out again: a stale pointer
 * would make holds_delta's identity test lie, which is why a base's
 * absorbed pointer counts too.)
 */
bool vc_poison_freed;

static void delta_drop(VCDelta *d)
{
	if (d && --d->refs == 0) {
		if (vc_poison_freed)
			memset(d, 0xA5, sizeof *d + sizeof(VCEntry) * (size_t)d->cap);
		GC_FREE(d);
	}
}

/* v's delta becomes n (its old one was v's alone unless shared). */
static inline void delta_replace(VC *v, VCDelta *n)
{
	VCDelta *old = v->d;
	v->d = n;
	if (old != n)
		delta_drop(old);
}

/* Make v's delta its own, with room for extra more entries. */
static void delta_own(VC *v, int extra)
{
	VCDelta *d = v->d;
	if (d && !delta_shared(d) && v->nd + extra <= d->cap)
		return;
	int need = v->nd + extra, cap = need + need / 2 + 1;
	VCDelta *n = delta_new(cap);
	if (v->nd)
		move_entries(n->e, d->e, v->nd);
	n->fill = v->nd;
	delta_replace(v, n);
}

/* Was the view d[0..nd) folded into b? */
static bool holds_delta(const VCBase *b, const VCDelta *d, int nd)
{
	return b && b->absorbed == d && nd <= b->absorbed_n;
}

/* Does base b hold every entry of d[0..nd) (sorted)? One pass over the
 * chunks d falls in. */
static bool base_holds(const VCBase *b, const VCEntry *d, int nd)
{
	if (!b)
		return false;
	int ci = 0;
	for (int j = 0; j < nd; j++) {
		uint32_t id = d[j].tid >> CHUNK_BITS;
		/* the chunk of a tid past the current one is searched for (a
		 * long clock's delta holds its newest tids, far into the list) */
		if (ci < b->nc && b->c[ci].id < id)
			ci += find_chunk(b->c + ci, b->nc - ci, id);
		if (ci == b->nc || b->c[ci].id != id || chunk_get(b->c[ci].c, d[j].tid) < d[j].clk)
			return false;
	}
	return true;
}

/* A delta this long that a new base may hold is looked through rather
 * than merged on: goroutines woken by one broadcast each hold its long
 * delta, and each would otherwise carry it into every join after the
 * base that absorbed it (a copy of it, not it) had come their way. */
#define CHECK_DELTA 32

/* Drop v's delta if v's base already holds it; rebased: v's base has
 * just changed, so look. */
static void drop_absorbed(VC *v, bool rebased)
{
	if (v->nd && (holds_delta(v->base, v->d, v->nd) ||
		      (rebased && v->nd > CHECK_DELTA && base_holds(v->base, v->d->e, v->nd)))) {
		delta_drop(v->d);
		v->d = NULL;
		v->nd = 0;
	}
}

/* Fold v's delta into a base. */
static void __attribute__((noinline)) fold(VC *v)
{
	VCBase *b = v->base;
	if (own_newest(b)) {
		base_grow(b, v->d->e, v->nd);
		b->has_from = false; /* it is its old self plus two deltas now */
	} else {
		VCBase *c = base_fold(b, v->d->e, v->nd);
		follow(c, b, NULL);
		c->has_from = true;
		c->from = b ? (Mark){b->line, b->seq} : (Mark){NULL, 0};
		v->base = b = c;
	}
	delta_drop(b->absorbed); /* v's reference to its delta passes to b */
	b->absorbed = v->d;
	b->absorbed_n = v->nd;
	v->d = NULL;
	v->nd = 0;
}

/* Fold v's delta once it is long. */
static inline void maybe_fold(VC *v)
{
	if (v->nd > (v->base ? v->base->limit : 8))
		fold(v);
}

uint64_t vc_get(const VC *v, uint32_t tid)
{
	uint64_t a = base_get(v->base, tid);
	if (v->nd) {
		uint64_t b = lookup(v->d->e, v->nd, tid);
		if (b > a)
			a = b;
	}
	return a;
}

/* Raise entry tid of v's delta to clk (not folding). */
static void raise_delta(VC *v, uint32_t tid, uint64_t clk)
{
	if (!clk || base_get(v->base, tid) >= clk)
		return;
	int k = v->nd ? find(v->d->e, v->nd, tid) : 0;
	if (k < v->nd && v->d->e[k].tid == tid) {
		if (v->d->e[k].clk >= clk)
			return;
		delta_own(v, 0);
		v->d->e[k].clk = clk;
		return;
	}
	if (k == v->nd && v->d && v->d->fill == v->nd && v->nd < v->d->cap) {
		/* a new largest tid, appended even to a shared delta: the
		 * clocks sharing it see only their own first entries */
		v->d->e[k] = (VCEntry){tid, clk};
	} else {
		delta_own(v, 1);
		move_entries(&v->d->e[k + 1], &v->d->e[k], v->nd - k);
		v->d->e[k] = (VCEntry){tid, clk};
	}
	v->d->fill = ++v->nd;
}

void vc_raise(VC *v, uint32_t tid, uint64_t clk)
{
	raise_delta(v, tid, clk);
	maybe_fold(v);
}

/* dst's delta = src's. Copied into dst's own delta when that has room,
 * or when short: sharing would cost a copy at the next change of either,
 * and clocks that pass short deltas around (a ring of goroutines, two
 * playing ping-pong) would copy on every operation. A long one is
 * shared. */
#define OWN_DELTA 32

static void take_delta(VC *dst, VC *src)
{
	int n = src->nd;
	bool room = dst->d && !delta_shared(dst->d) && dst->d->cap >= n;
	if (room || n <= OWN_DELTA) {
		if (!room)
			delta_replace(dst, delta_new(n + n / 2 + 4));
		move_entries(dst->d->e, src->d->e, n);
		dst->nd = dst->d->fill = n;
		return;
	}
	if (dst->d != src->d) {
		src->d->refs++;
		delta_replace(dst, src->d);
	}
	dst->nd = n;
}

/* dst's delta = its maximum with src's. */
static void delta_merge(VC *dst, VC *src)
{
	const VCEntry *a = dst->d->e, *e = src->d->e;
	int na = dst->nd, n = src->nd, add = 0;
	if (na == n && !delta_shared(dst->d)) {
		/* the same goroutines (two clocks that pass a channel's
		 * values back and forth): entrywise, in place; a raise made
		 * before a mismatch is found is kept, as any raise may be */
		VCEntry *w = dst->d->e;
		int i = 0;
		for (; i < n && w[i].tid == e[i].tid; i++)
			if (e[i].clk > w[i].clk)
				w[i].clk = e[i].clk;
		if (i == n)
			return;
	}
	if (na > 4 * n + 8) {
		/* a few entries into many (a goroutine's Done into a
		 * WaitGroup's clock): each on its own */
		VCDelta *sd = src->d;
		for (int j = 0; j < n; j++)
			raise_delta(dst, sd->e[j].tid, sd->e[j].clk);
		return;
	}
	bool raise = false, covered = true;
	for (int i = 0, j = 0; j < n || i < na; j++) {
		/* dst's entries before e[j]: covered if its base has them */
		while (i < na && (j == n || a[i].tid < e[j].tid)) {
			if (covered && base_get(dst->base, a[i].tid) < a[i].clk)
				covered = false;
			i++;
		}
		if (j == n)
			break;
		if (i < na && a[i].tid == e[j].tid) {
			raise |= e[j].clk > a[i].clk;
			covered &= e[j].clk >= a[i].clk;
			i++;
		} else {
			add++;
		}
	}
	if (covered) {
		/* src's delta holds all that dst's does (a goroutine woken
		 * by a broadcast): take it */
		take_delta(dst, src);
		return;
	}
	if (!add) {
		if (!raise)
			return;
		delta_own(dst, 0);
		VCEntry *w = dst->d->e;
		for (int i = 0, j = 0; j < n; j++) {
			while (w[i].tid < e[j].tid)
				i++;
			if (e[j].clk > w[i].clk)
				w[i].clk = e[j].clk;
		}
		return;
	}
	VCDelta *d = delta_new(na + add + (na + add) / 2 + 4);
	int k = merge_max(d->e, a, na, e, n);
	d->fill = k;
	delta_replace(dst, d);
	dst->nd = k;
}

/* dst's delta = its maximum with the view d[0..nd), unless dst's base
 * already holds that view. */
static void join_delta(VC *dst, VCDelta *d, int nd)
{
	if (!nd || holds_delta(dst->base, d, nd))
		return;
	VC src = {NULL, d, nd};
	if (!dst->nd) {
		take_delta(dst, &src);
	} else if (dst->d == d) {
		/* two views of one delta: the longer holds the shorter */
		if (nd > dst->nd)
			dst->nd = nd;
	} else {
		delta_merge(dst, &src);
	}
}

/* Does dst's base hold the base src's base was folded from? Then src's
 * base adds only the delta folded into it. (Two clocks whose lines both
 * advance, a WaitGroup's that every holder of a mutex joins, would
 * otherwise merge two long bases at each of the mutex's folds.) */
static bool holds_parent(const VCBase *db, const VCBase *sb)
{
	if (!sb->has_from)
		return false;
	return !sb->from.line || (db && at_or_after(db, sb->from.line, sb->from.seq));
}

void vc_join(VC *dst, VC *src)
{
	if (dst == src)
		return;
	VCBase *sb = src->base;
	bool rebased = false;
	if (!dominates(dst->base, sb)) {
		if (dominates(sb, dst->base)) {
			dst->base = sb;
			sb->shared = true;
			rebased = true;
		} else if (holds_parent(dst->base, sb) && own_newest(dst->base)) {
			/* dst lacks only what was last folded into sb: take
			 * that, and fold it into dst's base, which is dst's
			 * alone (so it grows in place); dst's base then holds
			 * sb and can say so */
			drop_absorbed(dst, false);
			join_delta(dst, sb->absorbed, sb->absorbed_n);
			if (dst->nd)
				fold(dst);
			mark_holds(dst->base, sb);
		} else {
			VCBase *c = base_merge(dst->base, sb);
			follow(c, dst->base, sb);
			dst->base = c;
			rebased = true;
		}
	}
	drop_absorbed(dst, rebased);
	join_delta(dst, src->d, src->nd);
	maybe_fold(dst);
}

void vc_copy(VC *dst, VC *src)
{
	if (dst == src)
		return;
	dst->base = src->base;
	if (src->base)
		src->base->shared = true;
	if (src->nd)
		take_delta(dst, src);
	else
		dst->nd = 0; /* an own delta is kept for reuse */
}

void vc_copy_raise(VC *dst, VC *src, uint32_t tid, uint64_t clk)
{
	int n = src->nd;
	bool room = dst->d && !delta_shared(dst->d) && dst->d->cap > n;
	if (dst == src || !(room || n < OWN_DELTA) || base_get(src->base, tid) >= clk) {
		vc_copy(dst, src);
		vc_raise(dst, tid, clk);
		return;
	}
	/* the copy of a short delta (take_delta's) with the entry raised
	 * on the way: one pass, no search and no shift afterwards (a
	 * raise of 0, or one the base holds, took the path above) */
	dst->base = src->base;
	if (src->base)
		src->base->shared = true;
	if (!room)
		delta_replace(dst, delta_new(n + n / 2 + 4));
	VCEntry own = {tid, clk};
	dst->nd = dst->d->fill = merge_max(dst->d->e, n ? src->d->e : NULL, n, &own, 1);
	maybe_fold(dst);
}

/* Small clocks on one base (two goroutines playing ping-pong, a ring of
 * a few): the three deltas and the two raises merged in one pass. */
#define SMALL_JOIN 24

void vc_join2_raise(VC *dst, VC *a, uint32_t ta, uint64_t ca, VC *b, uint32_t tb, uint64_t cb)
{
	if (dst == a || dst == b || a == b || dst->base != a->base || a->base != b->base ||
	    dst->nd > SMALL_JOIN || a->nd > SMALL_JOIN || b->nd > SMALL_JOIN) {
		vc_join(dst, a);
		vc_raise(dst, ta, ca);
		vc_join(dst, b);
		vc_raise(dst, tb, cb);
		return;
	}
	VCEntry x[3 * SMALL_JOIN + 2], z[3 * SMALL_JOIN + 2];
	/* the raises as one sorted list (a raise of 0 raises nothing and is
	 * not kept) */
	VCEntry own[2];
	int nown = 0;
	if (ca)
		own[nown++] = (VCEntry){ta, ca};
	if (cb)
		own[nown++] = (VCEntry){tb, cb};
	if (nown == 2 && own[1].tid <= own[0].tid) {
		VCEntry t = own[0];
		own[0] = own[1];
		own[1] = t;
		if (own[0].tid == own[1].tid)
			own[0].clk = ca > cb ? ca : cb, nown = 1;
	}
	int n = merge_max(x, dst->nd ? dst->d->e : NULL, dst->nd, a->nd ? a->d->e : NULL, a->nd);
	n = merge_max(z, x, n, b->nd ? b->d->e : NULL, b->nd);
	n = merge_max(x, z, n, own, nown);
	if (dst->base) {
		/* drop what the base already has (the raises may be old) */
		int k = 0;
		for (int i = 0; i < n; i++)
			if (base_get(dst->base, x[i].tid) < x[i].clk)
				x[k++] = x[i];
		n = k;
	}
	if (!dst->d || delta_shared(dst->d) || dst->d->cap < n)
		delta_replace(dst, delta_new(n + n / 2 + 4));
	move_entries(dst->d->e, x, n);
	dst->nd = dst->d->fill = n;
	maybe_fold(dst);
}

void vc_drop(VC *v)
{
	delta_drop(v->d);
	*v = (VC){0};
}

int vc_stored(const VC *v)
{
	return (v->base ? v->base->n : 0) + v->nd;
}
