/*
 * race.c — FastTrack happens-before race detection for `gol -race`.
 *
 * Clocks. Every goroutine has a thread id (tid, never reused) and a vector
 * clock: for each goroutine it has heard of, the last clock value of that
 * goroutine that happens before its own present (vclock.c: sparse, and
 * shared between clocks so that passing a long one around costs about
 * what changed). A goroutine's own entry is kept beside its vector. A
 * release joins the goroutine's clock (own entry included) into the
 * synchronisation object's and then ticks the goroutine, so what it does
 * afterwards is a new epoch; an acquire joins the object's clock into the
 * goroutine's. While main is the only goroutine there has been, nothing
 * is checked or recorded (see race_solo).
 *
 * Shadow words. Each word the program shares (a global, a field, an
 * element, a cell, a map as a whole) gets a shadow cell on first access:
 * the epoch of its last write, and either the epoch of its last read (when
 * every read so far is ordered: the common case, O(1)) or a list of
 * concurrent reads (read-shared). An access by goroutine t races with the
 * recorded one when that epoch (u, c) is not ordered before t's present:
 * c > t.vc[u]. The cell also keeps where each recorded access was made
 * (its instruction), for the report. Cells live outside the collector's
 * heap, one array per heap object, and go when the object does (see
 * "shadow words" below); synchronisation clocks likewise.
 *
 * Reports follow `go run -race`: the current access with its whole stack,
 * the previous one with its whole stack too, then where each goroutine
 * involved (other than main) was created. The previous access's stack is
 * kept cheaply: a cell records one pointer, the access's location, an
 * interned chain (Ctx) of the access's instruction and the call sites
 * below it. Each frame computes its own chain once, at its first recorded
 * access; a small cache maps (instruction, frame chain) to the location. As Go's does, the detector
 * reports the first race on an address only once, and a pair of source
 * locations once.
 */
#include "race.h"

#include "fmt.h"
#include "vclock.h"

#include <gc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool race_enabled;

/* True until the first goroutine other than main exists. While main runs
 * alone, nothing it does can race: everything it does happens before the
 * go statement (or timer) that starts any other goroutine, so every other
 * goroutine's vector clock will cover it. Its accesses then need neither
 * checking nor recording, and a sequential program (or the sequential
 * start of a concurrent one) runs with no shadow memory. Once false it
 * stays false: a goroutine that has ended is not joined by anyone. */
bool race_solo = true;

/* ---- vector clocks ------------------------------------------------------------------ */

/* Vector clocks are vclock.c's: joins and copies cost about what changed. */

/* ---- goroutines ------------------------------------------------------------------------ */

/* Where an access or a go statement was made: an interned call path
 * (Ctx, under "shadow words" below). */
typedef struct Ctx Ctx;
static Ctx *access_loc(VM *vm, const Instr *pc);
static Ctx *ctx_intern(const Instr *pc, Ctx *up);
static Ctx ctx_root; /* the path of a goroutine's first frame */

/* A goroutine's detector state while it lives (its G points to it). */
typedef struct RaceG {
	uint32_t tid;
	uint64_t clk;      /* its own entry of vc, kept at hand */
	bool ticked;       /* released since its last access: clk is due a
			    * tick before the next access (see tick) */
	VC vc;
	Ctx *root;         /* the path below its first frame: NULL, or the
			    * wrapper Go runs `go f(x)` through */
} RaceG;

/* What a report needs of any goroutine, running or finished, by tid:
 * kept for the whole run, 16 bytes each in chunks outside the collected
 * heap (a program may start millions of goroutines; the clock state of a
 * finished one is dropped with its RaceG). */
typedef struct GInfo {
	Ctx *created;      /* the creator's stack at the go statement (NULL: main, a timer's) */
	uint64_t gid : 63;
	uint64_t finished : 1;
} GInfo;

#define INFO_CHUNK 4096
static GInfo **infos;  /* infos[tid / INFO_CHUNK][tid % INFO_CHUNK] */
static uint32_t ntids, info_chunks;
static VM *race_vm;
static const char *abs_file; /* the program's path as Go prints it */

static GInfo *info_of(uint32_t tid)
{
	return tid < ntids ? &infos[tid / INFO_CHUNK][tid % INFO_CHUNK] : NULL;
}

static RaceG *new_rg(G *g)
{
	if (ntids == info_chunks * INFO_CHUNK) {
		GInfo **d = realloc(infos, sizeof *d * (info_chunks + 1));
		GInfo *c = calloc(INFO_CHUNK, sizeof *c);
		if (!d || !c)
			exit(2);
		d[info_chunks++] = c;
		infos = d;
	}
	RaceG *r = GC_MALLOC(sizeof *r);
	r->tid = ntids++;
	info_of(r->tid)->gid = g->id;
	r->clk = 1;
	g->race = r;
	return r;
}

/* A goroutine's own entry is r->clk, not kept in its vector; a release
 * writes it into the object's clock and then ticks. The tick itself waits
 * for the goroutine's next access: accesses after a release must carry a
 * later epoch than the one released, but a goroutine that releases again
 * before accessing anything has nothing new to tell apart, so its clock
 * stays as it was. Goroutines that only pass values on through channels
 * (a pipeline's stages, a ring) then release the same clock over and over,
 * and the clocks that hear of them stop changing: a join of an unchanged
 * clock costs a comparison, not a merge. */
static void tick(RaceG *r)
{
	r->ticked = true;
}

/* r's epoch for an access it is making now. */
static inline uint64_t access_clk(RaceG *r)
{
	if (r->ticked) {
		r->clk++;
		r->ticked = false;
	}
	return r->clk;
}

void race_init(VM *vm)
{
	race_enabled = true;
	race_vm = vm;
	char *p = realpath(vm->prog->file, NULL);
	abs_file = p ? p : vm->prog->file;
}

void race_main(G *g)
{
	new_rg(g);
}

void race_go(VM *vm, G *parent, G *child, const Instr *pc, struct Proto *wrapper)
{
	RaceG *p = parent ? parent->race : NULL;
	RaceG *c = new_rg(child);
	if (wrapper) /* its one instruction is the call's line */
		c->root = ctx_intern(wrapper->code + 1, &ctx_root);
	race_solo = false;
	if (p) {
		vc_copy_raise(&c->vc, &p->vc, p->tid, p->clk);
		tick(p);
	}
	if (!parent || !vm->nframes)
		return; /* started by a timer: no go statement to show */
	/* the creator's stack, interned as accesses' locations are: the
	 * goroutines a loop starts share one */
	info_of(c->tid)->created = access_loc(vm, pc ? pc : vm->frames[vm->nframes - 1].pc);
}

void race_end_solo(void)
{
	race_solo = false;
}

void race_finished(G *g)
{
	RaceG *r = g->race;
	if (!r)
		return;
	info_of(r->tid)->finished = true;
	/* its clock is never read again (its accesses live on as epochs in
	 * shadow cells and sync clocks); its creation stack is kept for
	 * reports */
	vc_drop(&r->vc);
}

/* ---- synchronisation objects --------------------------------------------------------- */

/*
 * A clock per synchronisation object (a mutex, a channel slot, a
 * WaitGroup, an atomic word), found by its address. The table holds the
 * addresses disguised, so it keeps no object alive, and a disappearing
 * link on the object that holds the address tells when the collector has
 * freed it: the clock is then dropped (a new object at that address starts
 * with none), and a program that makes millions of mutexes or channels
 * does not keep them all.
 */
typedef struct Sync {
	uintptr_t key;      /* the address, disguised */
	void *link;         /* the holding object, disguised; 0 once freed
			     * (static memory: never) */
	VC vc;
	/* tid + 1 of the goroutine whose releases alone made vc (0: none
	 * or several): vc then holds nothing that goroutine does not, as a
	 * goroutine's clock only grows, so its next acquire here is free. A
	 * mutex that one goroutine locks and unlocks over and over (no one
	 * else taking it between) costs no join. */
	uint32_t from;
} Sync;

static Sync **syncs;
static size_t nsyncs, capsyncs;

static size_t hash_addr(uintptr_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static void sync_watch(Sync *s, void *addr)
{
	void *base = GC_base(addr);
	if (base) {
		s->link = (void *)GC_HIDE_POINTER(base);
		GC_general_register_disappearing_link(&s->link, base);
	} else {
		s->link = (void *)1;
	}
}

/* The clocks found last, by address bits: the slots of a buffered
 * channel (consecutive words) and a busy mutex are found without probing.
 * An entry whose object has died fails its check and is looked up anew. */
#define SYNC_CACHE 256
static struct {
	uintptr_t key;
	Sync *s;
} sync_cache[SYNC_CACHE];

static Sync *sync_lookup(void *addr);

static Sync *sync_get(void *addr)
{
	uintptr_t key = GC_HIDE_POINTER(addr);
	size_t c = ((uintptr_t)addr >> 3) & (SYNC_CACHE - 1);
	if (sync_cache[c].key == key && sync_cache[c].s->link)
		return sync_cache[c].s;
	Sync *s = sync_lookup(addr);
	sync_cache[c].key = key;
	sync_cache[c].s = s;
	return s;
}

static Sync *sync_lookup(void *addr)
{
	if (4 * (nsyncs + 1) > 3 * capsyncs) {
		/* grow, dropping the clocks of freed objects */
		size_t live = 0;
		for (size_t i = 0; i < capsyncs; i++)
			if (syncs[i] && syncs[i]->link)
				live++;
		size_t cap = capsyncs ? capsyncs : 1024;
		while (cap < 2 * (live + 1))
			cap *= 2;
		Sync **t = GC_MALLOC(sizeof *t * cap);
		nsyncs = 0;
		for (size_t i = 0; i < capsyncs; i++)
			if (syncs[i] && syncs[i]->link) {
				size_t h = hash_addr(syncs[i]->key) & (cap - 1);
				while (t[h])
					h = (h + 1) & (cap - 1);
				t[h] = syncs[i];
				nsyncs++;
			}
		syncs = t;
		capsyncs = cap;
	}
	uintptr_t key = GC_HIDE_POINTER(addr);
	size_t h = hash_addr(key) & (capsyncs - 1);
	while (syncs[h]) {
		Sync *s = syncs[h];
		if (s->key == key) {
			if (!s->link) {
				/* the object died and another took its place */
				vc_drop(&s->vc);
				s->from = 0;
				sync_watch(s, addr);
			}
			return s;
		}
		h = (h + 1) & (capsyncs - 1);
	}
	Sync *s = GC_MALLOC(sizeof *s);
	s->key = key;
	sync_watch(s, addr);
	syncs[h] = s;
	nsyncs++;
	return s;
}

void race_acquire(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	RaceG *r = g->race;
	Sync *s = sync_get(addr);
	if (s->from != r->tid + 1)
		vc_join(&r->vc, &s->vc);
}

void race_release(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	RaceG *r = g->race;
	Sync *s = sync_get(addr);
	vc_join(&s->vc, &r->vc);
	vc_raise(&s->vc, r->tid, r->clk);
	if (s->from != r->tid + 1)
		s->from = 0; /* what vc held joins r's: r's alone only if it was */
	tick(r);
}

/* s's clock becomes r's with r's own entry, and r starts a new epoch. */
static void store_release(RaceG *r, Sync *s)
{
	vc_copy_raise(&s->vc, &r->vc, r->tid, r->clk);
	s->from = r->tid + 1;
	tick(r);
}

void race_release_store(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	store_release(g->race, sync_get(addr));
}

void race_exchange(G *ga, G *gb, void *addr)
{
	if (!race_enabled || !ga || !gb || !ga->race || !gb->race) {
		race_acqrel(ga, addr);
		race_acqrel(gb, addr);
		return;
	}
	/* Go's racesync: a releases (a store: what the object held before
	 * is not passed on), b acquires, b releases, a acquires. Afterwards
	 * each knows what the other knew; earlier exchanges on the channel
	 * order nothing here */
	RaceG *a = ga->race, *b = gb->race;
	(void)addr; /* what it holds afterwards is never acquired before a
		     * later exchange or a close replaces it */
	vc_join(&b->vc, &a->vc);
	vc_raise(&b->vc, a->tid, a->clk);
	vc_raise(&b->vc, b->tid, b->clk);
	vc_copy(&a->vc, &b->vc);
	tick(a);
	tick(b);
}

/* Go's racereleaseacquire (TSan's ReleaseStoreAcquire), a buffered
 * channel's slot: the object takes r's clock as it was before, and r then
 * acquires what the object held. So the slot passes on the last user's
 * clock, not everything every user of it ever knew. */
static void acqrel(RaceG *r, VC *obj)
{
	/* the two clocks change places (no copy), then r joins in its old
	 * one, which the object keeps, raised by r's own entry */
	VC mine = r->vc;
	r->vc = *obj;
	*obj = mine;
	vc_join(&r->vc, obj);
	vc_raise(obj, r->tid, r->clk);
	tick(r);
}

void race_acqrel(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	RaceG *r = g->race;
	Sync *s = sync_get(addr);
	acqrel(r, &s->vc);
	s->from = r->tid + 1; /* it holds what r held before */
}

void race_acqrel_slot(G *g, void **slots, int64_t cap, int64_t k)
{
	if (!race_enabled || !g || !g->race)
		return;
	if (!*slots)
		*slots = GC_MALLOC(sizeof(VC) * (size_t)cap);
	acqrel(g->race, (VC *)*slots + k);
}

void race_acquire_store(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	/* an acquire, then a release that stores: the object passes on all
	 * g knows (g holding all the object held) */
	RaceG *r = g->race;
	Sync *s = sync_get(addr);
	if (s->from != r->tid + 1)
		vc_join(&r->vc, &s->vc);
	store_release(r, s);
}

/* ---- shadow words --------------------------------------------------------------------- */

/*
 * A shadow cell per shared word. The cells of one heap object sit in one
 * array (ObjShadow, outside the collector's heap, found by the object's
 * base address), so the words of a slice or struct are next to each other
 * and an access costs an index once its object is found. The collector
 * neither scans these arrays nor sees the addresses in them, so watched
 * objects die as they would without -race; a disappearing link tells the
 * detector when one has died, and the cells of a dead object are dropped
 * before its memory can be reused by another (history never passes to a
 * stranger). Words outside the collector's heap, if any, have cells in a
 * table of their own.
 *
 * An epoch is (tid << 40 | clock); 0 means no access. Accesses remember
 * where they were made by the instruction pointer alone; the function is
 * found from it when a report is printed.
 */
#define EPOCH(tid, clk) (((uint64_t)(tid) << 40) | (uint64_t)(clk))
#define EP_TID(e) ((uint32_t)((e) >> 40))
#define EP_CLK(e) ((e) & ((1ULL << 40) - 1))

enum { SH_WATOMIC = 1, SH_RATOMIC = 2, SH_REPORTED = 4 };

/* A call path: the call instruction in the caller (pc, just past it), and
 * the caller's own path (ctx_root below a goroutine's first frame). An
 * access's location is the same: its instruction and its frame's path.
 * Interned, never freed: a program has as many as it has distinct paths to
 * an access. */
typedef struct Ctx {
	const Instr *pc;
	struct Ctx *up;
	struct Ctx *hnext;
} Ctx;

static Ctx **ctx_tab;
static size_t ctx_n, ctx_cap;

static size_t ctx_hash(const Instr *pc, Ctx *up, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)pc * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)up * 0xc2b2ae3d27d4eb4full;
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* Distinct call paths can be exponential in a recursion's depth (a tree
 * built by two recursive calls has a path per node): past CTX_LIMIT paths
 * new ones are cut short at ctx_cut, and a report shows the frames kept.
 * Access locations under ctx_cut stay distinct (there are as many as
 * instructions), so the previous access's own line is never lost. */
#define CTX_LIMIT (1u << 18)
static Ctx ctx_cut;

static Ctx *ctx_find(const Instr *pc, Ctx *up, size_t *k)
{
	*k = ctx_hash(pc, up, ctx_cap);
	for (Ctx *c = ctx_tab[*k]; c; c = c->hnext)
		if (c->pc == pc && c->up == up)
			return c;
	return NULL;
}

static Ctx *ctx_intern(const Instr *pc, Ctx *up)
{
	if (ctx_cap) {
		size_t k;
		Ctx *c = ctx_find(pc, up, &k);
		if (c)
			return c;
		if (ctx_n >= CTX_LIMIT && up != &ctx_cut)
			return ctx_intern(pc, &ctx_cut);
	}
	if (ctx_n * 2 >= ctx_cap) {
		size_t cap = ctx_cap ? ctx_cap * 2 : 1024;
		Ctx **t = calloc(cap, sizeof *t);
		if (!t)
			exit(2);
		for (size_t i = 0; i < ctx_cap; i++)
			for (Ctx *c = ctx_tab[i], *n; c; c = n) {
				n = c->hnext;
				size_t k = ctx_hash(c->pc, c->up, cap);
				c->hnext = t[k];
				t[k] = c;
			}
		free(ctx_tab);
		ctx_tab = t;
		ctx_cap = cap;
	}
	size_t k = ctx_hash(pc, up, ctx_cap);
	Ctx *c = malloc(sizeof *c);
	if (!c)
		exit(2);
	*c = (Ctx){pc, up, ctx_tab[k]};
	ctx_tab[k] = c;
	ctx_n++;
	return c;
}

/* Stands in a path for a function running its deferred calls at a
 * return: Go's stacks show runtime.deferreturn there, and not the
 * function. */
static const Instr deferreturn_frame[1];

/* Stand-ins for the wrappers Go calls method values through
 * (main.(*C).Inc-fm, at <autogenerated>:1), one per method, found by
 * proto_of like the program's functions. */
static Proto **fms;
static int nfms;

static Proto *fm_proto(Proto *target)
{
	for (int i = 0; i < nfms; i++)
		if (fms[i]->protos[0] == target)
			return fms[i];
	Proto *w = GC_MALLOC_UNCOLLECTABLE(sizeof *w);
	char name[512];
	snprintf(name, sizeof name, "%s-fm", target->name);
	w->name = GC_strdup(name);
	w->file = "<autogenerated>";
	w->ncode = 1;
	w->code = GC_MALLOC_UNCOLLECTABLE(sizeof(Instr) * 2);
	w->lines = GC_MALLOC_UNCOLLECTABLE(sizeof(int32_t));
	w->lines[0] = w->line = 1;
	w->protos = GC_MALLOC_UNCOLLECTABLE(sizeof(Proto *));
	w->protos[0] = target; /* its key (nprotos stays 0: not searched) */
	Proto **v = GC_MALLOC_UNCOLLECTABLE(sizeof *v * (size_t)(nfms + 1));
	if (nfms)
		memcpy(v, fms, sizeof *v * (size_t)nfms);
	fms = v;
	fms[nfms++] = w;
	return w;
}

/* The path below the running goroutine's first frame. */
static Ctx *root_ctx(VM *vm)
{
	RaceG *r = vm->cur ? vm->cur->race : NULL;
	return r && r->root ? r->root : &ctx_root;
}

/* The call path of the running goroutine's frame top, made (and kept in
 * the frames) for those below it that have none yet. */
static Ctx *frame_ctx_build(VM *vm, int top);

static inline Ctx *frame_ctx(VM *vm, int top)
{
	/* made once per frame: every access after the first finds it here */
	if (__builtin_expect(vm->frames[top].race_ctx != NULL, 1))
		return vm->frames[top].race_ctx;
	return frame_ctx_build(vm, top);
}

static Ctx * __attribute__((noinline)) frame_ctx_build(VM *vm, int top)
{
	int i = top;
	while (i > 0 && !vm->frames[i - 1].race_ctx)
		i--;
	/* frames[i - 1] has a path (or i is 0): build upwards from there */
	for (; i <= top; i++) {
		Frame *up = &vm->frames[i - (i > 0)];
		Ctx *c = i == 0 ? root_ctx(vm)
				: ctx_intern(up->at_ret && vm->frames[i].is_defer == DEFER_CALL ? deferreturn_frame : up->pc,
					     up->race_ctx);
		GolClosure *cl = vm->frames[i].cl;
		if (cl && cl->method_value && cl->proto)
			c = ctx_intern(fm_proto(cl->proto)->code + 1, c); /* Go's x.M-fm */
		vm->frames[i].race_ctx = c;
	}
	return vm->frames[top].race_ctx;
}

static Ctx *top_ctx(VM *vm)
{
	return frame_ctx(vm, vm->nframes - 1);
}

void race_defer_wrapped(VM *vm, struct Proto *wrapper)
{
	int top = vm->nframes - 1;
	if (top < 1)
		return;
	/* its path: the wrapper, at the defer statement's line, and
	 * runtime.deferreturn where the returning function was */
	Ctx *up = ctx_intern(deferreturn_frame, frame_ctx(vm, top - 1));
	vm->frames[top].race_ctx = ctx_intern(wrapper->code + 1, up);
}

/* While set, accesses are made by the runtime on the program's behalf (a
 * map's header, read or written by Go's runtime.mapaccess/mapassign): their
 * location is one more frame above the program's, which is not printed
 * but keeps them apart from the program's own accesses at the same
 * instruction (Go reports a race on the header and one on the entry's
 * value as two). -race runs on one worker: a plain static will do. */
static bool in_runtime;
static const Instr runtime_frame[1];

/* Where the running goroutine's access at pc is: (pc, its frame's path). */
static Ctx *access_loc_at(VM *vm, const Instr *pc);
static Ctx *access_loc(VM *vm, const Instr *pc)
{
	Ctx *loc = access_loc_at(vm, pc);
	return in_runtime ? ctx_intern(runtime_frame, loc) : loc;
}

static Ctx *access_loc_at(VM *vm, const Instr *pc)
{
	static struct {
		const Instr *pc;
		Ctx *up, *loc;
	} cache[4096];
	Ctx *up = top_ctx(vm);
	uint64_t h = (uint64_t)(uintptr_t)pc * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)up;
	size_t k = (size_t)(h >> 52);
	if (cache[k].pc == pc && cache[k].up == up)
		return cache[k].loc;
	Ctx *loc = ctx_intern(pc, up);
	cache[k].pc = pc;
	cache[k].up = up;
	cache[k].loc = loc;
	return loc;
}

/* access_loc, when the word's last access of this kind was very likely
 * made where this one is (a loop): that location if it is the same. */
static Ctx *loc_again(VM *vm, const Instr *pc, Ctx *last)
{
	if (last && last->pc == pc && last->up == top_ctx(vm))
		return last;
	return access_loc(vm, pc);
}

typedef struct ReadEnt {
	uint64_t ep;
	Ctx *loc;
	bool atomic;
} ReadEnt;

/* The reads of a word not ordered with each other, at most one per
 * goroutine. A large set (a hundred thousand goroutines reading one
 * captured variable) also has an index by tid, so that each read costs
 * O(1) and not the set's length. */
typedef struct ReadSet {
	ReadEnt *v;
	int n, cap;
	int *idx;           /* open addressing: position + 1, 0 empty; NULL while small */
	int idxcap;         /* a power of two, at least 2n */
} ReadSet;

#define RS_INDEXED 16

typedef struct Shadow {
	uint64_t w, r;      /* last write; last read while reads are ordered */
	Ctx *wloc, *rloc;   /* where they were made (instruction and call path) */
	ReadSet *rs;        /* read-shared: reads not ordered with each other */
	uint32_t flags;
} Shadow;

typedef struct ObjShadow {
	void *link;         /* the object, cleared by the collector when it dies */
	uintptr_t base;
	size_t nwords;
	Shadow cells[];
} ObjShadow;

/* Open addressing by base; the key is kept in the table so that probing
 * does not touch the cells. */
typedef struct ObjSlot {
	uintptr_t base;     /* 0: empty */
	ObjShadow *o;
} ObjSlot;
static ObjSlot *objs;
static size_t nobjs, capobjs;
static ObjShadow *last_obj;     /* the object obj_get found last */
/* The objects accessed last, most recent first: a loop over a few structs
 * (the bodies of n-body) finds them here without asking the collector. */
#define RECENT 4
static ObjShadow *recent[RECENT];

static size_t hash_word(uintptr_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static void obj_free(ObjShadow *o)
{
	if (o->link)
		GC_unregister_disappearing_link(&o->link);
	for (size_t k = 0; k < o->nwords; k++)
		if (o->cells[k].rs) {
			free(o->cells[k].rs->v);
			free(o->cells[k].rs->idx);
			free(o->cells[k].rs);
		}
	if (last_obj == o)
		last_obj = NULL;
	for (int i = 0; i < RECENT; i++)
		if (recent[i] == o)
			recent[i] = NULL;
	free(o);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (!p) {
		fprintf(stderr, "gol: out of memory for the race detector's shadow\n");
		exit(2);
	}
	return p;
}

/* Grow the table, dropping the objects that died. */
static void objs_grow(void)
{
	size_t live = 0;
	for (size_t i = 0; i < capobjs; i++)
		if (objs[i].base && objs[i].o->link)
			live++;
	size_t cap = capobjs ? capobjs : 1024;
	while (cap < 4 * (live + 1))
		cap *= 2;
	ObjSlot *t = xcalloc(cap, sizeof *t);
	nobjs = 0;
	for (size_t i = 0; i < capobjs; i++) {
		ObjShadow *o = objs[i].o;
		if (!objs[i].base)
			continue;
		if (!o->link) {
			obj_free(o);
			continue;
		}
		size_t h = hash_word(o->base) & (cap - 1);
		while (t[h].base)
			h = (h + 1) & (cap - 1);
		t[h] = objs[i];
		nobjs++;
	}
	free(objs);
	objs = t;
	capobjs = cap;
}

static ObjShadow *obj_new(void *base)
{
	size_t nwords = GC_size(base) / sizeof(Value);
	ObjShadow *o = xcalloc(1, sizeof *o + sizeof(Shadow) * (nwords ? nwords : 1));
	o->base = (uintptr_t)base;
	o->nwords = nwords;
	o->link = base;
	GC_general_register_disappearing_link(&o->link, base);
	return o;
}

/* The cells of the live object at base. */
static ObjShadow *obj_get(void *base)
{
	if (last_obj && last_obj->base == (uintptr_t)base && last_obj->link)
		return last_obj;
	if (2 * (nobjs + 1) > capobjs)
		objs_grow();
	uintptr_t b = (uintptr_t)base;
	size_t h = hash_word(b) & (capobjs - 1);
	while (objs[h].base) {
		if (objs[h].base == b) {
			if (!objs[h].o->link) {
				/* the object that was here died: another one now */
				obj_free(objs[h].o);
				objs[h].o = obj_new(base);
			}
			return last_obj = objs[h].o;
		}
		h = (h + 1) & (capobjs - 1);
	}
	nobjs++;
	objs[h].base = b;
	return last_obj = objs[h].o = obj_new(base);
}

/* Words outside the collector's heap. */
typedef struct StaticCell {
	uintptr_t addr;
	Shadow cell;
} StaticCell;
static StaticCell *statics;
static size_t nstatics, capstatics;

static Shadow *static_get(uintptr_t a)
{
	if (4 * (nstatics + 1) > 3 * capstatics) {
		size_t cap = capstatics ? capstatics * 2 : 256;
		StaticCell *t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < capstatics; i++)
			if (statics[i].addr) {
				size_t h = hash_word(statics[i].addr) & (cap - 1);
				while (t[h].addr)
					h = (h + 1) & (cap - 1);
				t[h] = statics[i];
			}
		free(statics);
		statics = t;
		capstatics = cap;
	}
	size_t h = hash_word(a) & (capstatics - 1);
	while (statics[h].addr) {
		if (statics[h].addr == a)
			return &statics[h].cell;
		h = (h + 1) & (capstatics - 1);
	}
	statics[h].addr = a;
	nstatics++;
	return &statics[h].cell;
}

static Shadow *shadow_get(void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	for (int i = 0; i < RECENT; i++) {
		ObjShadow *o = recent[i];
		if (o && a - o->base < o->nwords * sizeof(Value) && o->link) {
			if (i) {
				recent[i] = recent[0];
				recent[0] = o;
			}
			return &o->cells[(a - o->base) / sizeof(Value)];
		}
	}
	void *base = GC_base(addr);
	if (!base)
		return static_get(a);
	ObjShadow *o = obj_get(base);
	memmove(recent + 1, recent, sizeof *recent * (RECENT - 1));
	recent[0] = o;
	size_t k = (a - o->base) / sizeof(Value);
	return k < o->nwords ? &o->cells[k] : static_get(a);
}

static size_t rs_slot(const ReadSet *rs, uint32_t tid)
{
	size_t h = hash_addr(tid) & (size_t)(rs->idxcap - 1);
	while (rs->idx[h] && EP_TID(rs->v[rs->idx[h] - 1].ep) != tid)
		h = (h + 1) & (size_t)(rs->idxcap - 1);
	return h;
}

static void rs_reindex(ReadSet *rs)
{
	free(rs->idx);
	rs->idxcap = 64;
	while (rs->idxcap < 2 * rs->cap)
		rs->idxcap *= 2;
	rs->idx = calloc((size_t)rs->idxcap, sizeof *rs->idx);
	if (!rs->idx)
		exit(2);
	for (int i = 0; i < rs->n; i++)
		rs->idx[rs_slot(rs, EP_TID(rs->v[i].ep))] = i + 1;
}

static void rs_add(Shadow *s, uint64_t ep, Ctx *loc, bool atomic)
{
	ReadSet *rs = s->rs;
	if (!rs) {
		rs = s->rs = calloc(1, sizeof *rs);
		if (!rs)
			exit(2);
	}
	uint32_t tid = EP_TID(ep);
	size_t h = 0;
	if (rs->idx) {
		h = rs_slot(rs, tid);
		if (rs->idx[h]) {
			rs->v[rs->idx[h] - 1] = (ReadEnt){ep, loc, atomic};
			return;
		}
	} else {
		for (int i = 0; i < rs->n; i++)
			if (EP_TID(rs->v[i].ep) == tid) {
				rs->v[i] = (ReadEnt){ep, loc, atomic};
				return;
			}
	}
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 4;
		rs->v = realloc(rs->v, sizeof *rs->v * (size_t)rs->cap);
		if (!rs->v)
			exit(2);
	}
	rs->v[rs->n++] = (ReadEnt){ep, loc, atomic};
	if (rs->idx && 2 * rs->cap <= rs->idxcap)
		rs->idx[h] = rs->n;
	else if (rs->n >= RS_INDEXED)
		rs_reindex(rs);
}

static void rs_clear(Shadow *s)
{
	ReadSet *rs = s->rs;
	if (!rs)
		return;
	rs->n = 0;
	if (rs->idx)
		memset(rs->idx, 0, sizeof *rs->idx * (size_t)rs->idxcap);
}

/* ---- reports ----------------------------------------------------------------------------- */

static int nraces;

/* Pairs of access stacks already reported (unordered): as Go's detector,
 * a race between the same two lines reached through other calls is
 * another report. An interned Ctx is a whole stack. */
typedef struct LocPair {
	const Ctx *a, *b;
} LocPair;
static LocPair *pairs;
static int npairs, cappairs;

static bool pair_seen(const Ctx *a, const Ctx *b)
{
	if (a > b) {
		const Ctx *t = a;
		a = b;
		b = t;
	}
	for (int i = 0; i < npairs; i++)
		if (pairs[i].a == a && pairs[i].b == b)
			return true;
	GC_RESERVE_ATOMIC(pairs, npairs, cappairs, 16);
	pairs[npairs++] = (LocPair){a, b};
	return false;
}

static const char *file_of(Proto *p)
{
	/* the program's own file by its absolute path, as Go prints it */
	if (race_vm && p->file == race_vm->prog->file)
		return abs_file;
	return p->file;
}

extern Proto **compiled_protos;
extern int ncompiled_protos;

static Proto *proto_in(Proto *p, const Instr *pc)
{
	if (!p)
		return NULL;
	if (pc > p->code && pc <= p->code + p->ncode)
		return p;
	for (int i = 0; i < p->nprotos; i++) {
		Proto *q = proto_in(p->protos[i], pc);
		if (q)
			return q;
	}
	return NULL;
}

/* The function whose code holds pc (pc is just past the instruction). */
static Proto *proto_of(const Instr *pc)
{
	Proto *p = race_vm ? proto_in(race_vm->prog->init, pc) : NULL;
	for (int i = 0; !p && i < ncompiled_protos; i++)
		p = proto_in(compiled_protos[i], pc);
	for (int i = 0; !p && i < nfms; i++)
		p = proto_in(fms[i], pc);
	return p;
}

static void put_frame(FmtBuf *b, Proto *p, const Instr *pc)
{
	if (!p)
		return;
	int idx = pc ? (int)(pc - p->code) - 1 : 0;
	if (idx < 0)
		idx = 0;
	char line[1024];
	snprintf(line, sizeof line, "  %s()\n      %s:%d +0x%x\n", p->name, file_of(p),
		 p->ncode ? p->lines[idx] : p->line, idx * 8);
	fmtbuf_put(b, line, strlen(line));
}

/* A recorded stack, innermost frame first. */
static void put_stack(FmtBuf *b, Ctx *loc)
{
	static const char deferreturn[] = "  runtime.deferreturn()\n      runtime/panic.go:476 +0x0\n";
	for (Ctx *c = loc; c && c != &ctx_root && c != &ctx_cut; c = c->up) {
		if (c->pc == deferreturn_frame) {
			fmtbuf_put(b, deferreturn, sizeof deferreturn - 1);
			continue;
		}
		Proto *p = proto_of(c->pc);
		if (p && !vm_init_calling(p, (int)(c->pc - p->code) - 1))
			put_frame(b, p, c->pc);
	}
}

static void put_access(FmtBuf *b, const char *kind, uintptr_t addr, int64_t gid)
{
	char line[256];
	if (gid == 1)
		snprintf(line, sizeof line, "%s at 0x%012llx by main goroutine:\n", kind, (unsigned long long)addr);
	else
		snprintf(line, sizeof line, "%s at 0x%012llx by goroutine %lld:\n", kind, (unsigned long long)addr,
			 (long long)gid);
	fmtbuf_put(b, line, strlen(line));
}

static void put_created(FmtBuf *b, GInfo *r, bool running)
{
	if (!r || r->gid == 1)
		return;
	char line[128];
	snprintf(line, sizeof line, "\nGoroutine %lld (%s) created at:\n", (long long)r->gid,
		 running ? "running" : "finished");
	fmtbuf_put(b, line, strlen(line));
	if (!r->created) {
		/* started by the runtime for a time.AfterFunc: Go shows its
		 * library function there */
		const char *af = "  time.goFunc()\n      time/sleep.go:176 +0x0\n";
		fmtbuf_put(b, af, strlen(af));
		return;
	}
	put_stack(b, r->created);
}

/* The running goroutine's access at pc (write or not, atomic or not)
 * races with the recorded one (epoch pep, made at ppc). */

/* Inside one access to a range of words (a struct copied, copy(),
 * string(bytes)): Go's detector checks such an access as one and stops at
 * its first race (the words after it are left as they were), so a range
 * reports at most one. */
static bool range_on, range_hit;

void race_range_begin(void)
{
	range_on = true;
	range_hit = false;
}

void race_range_end(void)
{
	range_on = false;
}

static void report(VM *vm, Shadow *s, uintptr_t addr, const Instr *pc, bool write, bool atomic, uint64_t pep,
		   Ctx *ploc, bool pwrite, bool patomic)
{
	if (range_on) {
		if (range_hit)
			return;
		range_hit = true;
	}
	if (s->flags & SH_REPORTED)
		return;
	s->flags |= SH_REPORTED;
	if (pair_seen(access_loc(vm, pc), ploc))
		return;
	nraces++;
	GInfo *cur = info_of(((RaceG *)vm->cur->race)->tid);
	GInfo *prev = info_of(EP_TID(pep));
	FmtBuf b = {0};
	const char *head = "==================\nWARNING: DATA RACE\n";
	fmtbuf_put(&b, head, strlen(head));
	put_access(&b, atomic ? (write ? "Atomic write" : "Atomic read") : (write ? "Write" : "Read"), addr,
		   cur->gid);
	/* the current stack as recorded ones are (wrappers, deferreturn) */
	put_stack(&b, ctx_intern(pc ? pc : vm->frames[vm->nframes - 1].pc, top_ctx(vm)));
	fmtbuf_put(&b, "\n", 1);
	put_access(&b,
		   patomic ? (pwrite ? "Previous atomic write" : "Previous atomic read")
			   : (pwrite ? "Previous write" : "Previous read"),
		   addr, prev ? prev->gid : 0);
	put_stack(&b, ploc);
	put_created(&b, cur, true);
	if (prev && prev != cur)
		put_created(&b, prev, !prev->finished);
	const char *tail = "==================\n";
	fmtbuf_put(&b, tail, strlen(tail));
	vm_write(vm, 2, b.p, b.len);
}

/* ---- accesses ---------------------------------------------------------------------------- */

/* Is the access of epoch ep ordered before goroutine r's present? */
static bool ordered(uint64_t ep, RaceG *r)
{
	uint32_t tid = EP_TID(ep);
	return EP_CLK(ep) <= (tid == r->tid ? r->clk : vc_get(&r->vc, tid));
}

/* Is an access by vm's goroutine now to be checked and recorded? */
static inline bool watching(VM *vm)
{
	G *g = vm->cur;
	if (race_solo || !g || !g->race || !vm->nframes)
		return false;
	return !(range_on && range_hit); /* a range access stops at its first race, as Go's does */
}

/* The access, its word's cell s found. */
static inline __attribute__((always_inline)) void access_cell(VM *vm, Shadow *s, void *addr, const Instr *pc,
							      bool write, bool atomic)
{
	RaceG *r = vm->cur->race;
	if (!pc)
		pc = vm->frames[vm->nframes - 1].pc;
	uint64_t e = EPOCH(r->tid, access_clk(r));
	bool watomic = s->flags & SH_WATOMIC, ratomic = s->flags & SH_RATOMIC;
	if (!write) {
		if (s->r == e && !(s->rs && s->rs->n) && ratomic == atomic)
			return; /* read again in the same epoch */
		if (s->w && !ordered(s->w, r) && !(atomic && watomic))
			report(vm, s, (uintptr_t)addr, pc, false, atomic, s->w, s->wloc, true, watomic);
		if (s->rs && s->rs->n) {
			rs_add(s, e, access_loc(vm, pc), atomic);
		} else if (!s->r || ordered(s->r, r)) {
			s->r = e;
			s->rloc = loc_again(vm, pc, s->rloc);
			s->flags = (s->flags & ~SH_RATOMIC) | (atomic ? SH_RATOMIC : 0);
		} else {
			/* a read concurrent with the last one: read-shared */
			rs_add(s, s->r, s->rloc, ratomic);
			rs_add(s, e, access_loc(vm, pc), atomic);
			s->r = 0;
		}
		return;
	}
	if (s->w == e && !s->r && !(s->rs && s->rs->n) && watomic == atomic)
		return; /* written again in the same epoch */
	if (s->w && !ordered(s->w, r) && !(atomic && watomic))
		report(vm, s, (uintptr_t)addr, pc, true, atomic, s->w, s->wloc, true, watomic);
	if (s->rs && s->rs->n) {
		for (int i = 0; i < s->rs->n; i++) {
			ReadEnt *re = &s->rs->v[i];
			if (!ordered(re->ep, r) && !(atomic && re->atomic)) {
				report(vm, s, (uintptr_t)addr, pc, true, atomic, re->ep, re->loc, false, re->atomic);
				break;
			}
		}
		rs_clear(s);
	} else if (s->r && !ordered(s->r, r) && !(atomic && ratomic)) {
		report(vm, s, (uintptr_t)addr, pc, true, atomic, s->r, s->rloc, false, ratomic);
	}
	/* every earlier read is ordered before this write or was reported:
	 * the write stands for them from now on */
	s->r = 0;
	s->w = e;
	s->wloc = loc_again(vm, pc, s->wloc);
	s->flags = (s->flags & ~SH_WATOMIC) | (atomic ? SH_WATOMIC : 0);
}

static void access(VM *vm, void *addr, const Instr *pc, bool write, bool atomic)
{
	if (watching(vm))
		access_cell(vm, shadow_get(addr), addr, pc, write, atomic);
}

void race_chan_access(VM *vm, void *chan, void **cells, const Instr *pc, bool write)
{
	if (!watching(vm))
		return;
	/* the channel's cells live while it does (they go only once the
	 * collector has cleared their link to it) */
	if (!*cells)
		*cells = obj_get(chan);
	access_cell(vm, &((ObjShadow *)*cells)->cells[0], chan, pc, write, false);
}

void race_read(VM *vm, void *addr, const Instr *pc)
{
	access(vm, addr, pc, false, false);
}

void race_write(VM *vm, void *addr, const Instr *pc)
{
	access(vm, addr, pc, true, false);
}

void race_runtime_access(VM *vm, void *addr, const Instr *pc, bool write)
{
	in_runtime = true;
	access(vm, addr, pc, write, false);
	in_runtime = false;
}

void race_atomic(VM *vm, void *addr, int kind)
{
	if (!race_enabled)
		return;
	/* an atomic operation synchronises with those that observe it: a
	 * load acquires what the store it sees released. A store replaces
	 * the value, so what earlier stores released is no longer seen
	 * through it (the object's clock becomes the storer's); a
	 * read-modify-write sees the value before it, and passes on what
	 * that one released with its own */
	if (kind != VM_ATOMIC_STORE)
		race_acquire(vm->cur, addr);
	access(vm, addr, NULL, kind != VM_ATOMIC_LOAD, true);
	if (kind == VM_ATOMIC_STORE)
		race_release_store(vm->cur, addr);
	else if (kind != VM_ATOMIC_LOAD)
		race_release(vm->cur, addr);
}

int race_fini(VM *vm, int status)
{
	/* a program that panicked or called os.Exit(N) ends as it would
	 * without the detector, as Go's does */
	if (!race_enabled || !nraces || status != 0)
		return status;
	vm_flush(vm);
	char line[64];
	snprintf(line, sizeof line, "Found %d data race(s)\n", nraces);
	vm_write(vm, 2, line, strlen(line));
	vm_flush(vm);
	/* GORACE="exitcode=N ..." */
	int code = 66;
	const char *env = getenv("GORACE");
	if (env) {
		const char *p = strstr(env, "exitcode=");
		if (p)
			code = atoi(p + 9);
	}
	return code;
}

void vm_race_acquire(VM *vm, void *addr)
{
	if (race_enabled)
		race_acquire(vm->cur, addr);
}

void vm_race_release_store(VM *vm, void *addr)
{
	if (race_enabled)
		race_release_store(vm->cur, addr);
}

void vm_race_release(VM *vm, void *addr)
{
	if (race_enabled)
		race_release(vm->cur, addr);
}

void vm_race_atomic(VM *vm, void *addr, int kind)
{
	race_atomic(vm, addr, kind);
}

void vm_race_atomic_write(VM *vm, void *addr)
{
	if (!race_enabled)
		return;
	access(vm, addr, NULL, true, true);
	/* a CompareAndSwap or Add of a lock's state word: Go's detector
	 * takes it as a release too, so what the goroutine does next is a
	 * new epoch (a report names the access after a Lock, not the one
	 * before it; a Wait that need not wait is only an acquire, and
	 * does not) */
	if (vm->cur && vm->cur->race)
		tick(vm->cur->race);
}

void vm_enable_race(void)
{
	race_enabled = true;
}

G *race_timer_g(void *timer)
{
	/* One pseudo-goroutine sends for every channel timer. It knows what
	 * the timer's start and resets released, so its send carries those
	 * edges to the receiver. As it also keeps what earlier timers knew,
	 * it may order a little more than Go does, never less. */
	static G tg;
	if (!tg.race)
		new_rg(&tg);
	race_acquire(&tg, timer);
	return &tg;
}

void race_append_read(VM *vm, GolSlice *s, int64_t n, const Instr *pc)
{
	if (race_solo || !s || n <= 0 || s->len + n <= s->cap)
		return;
	/* growing reads the old elements as one range */
	bool outer = range_on;
	if (!outer)
		race_range_begin();
	for (int64_t k = 0; k < s->len; k++)
		access(vm, &s->data[k], pc, false, false);
	if (!outer)
		race_range_end();
}

void race_appended(VM *vm, GolSlice *r, int64_t from, int64_t n, const Instr *pc)
{
	if (race_solo || !r)
		return;
	for (int64_t k = 0; k < n; k++)
		access(vm, &r->data[from + k], pc, true, false);
}

void race_append(VM *vm, GolSlice *s, int64_t n, const Instr *pc)
{
	if (race_solo || !s || n <= 0)
		return;
	if (s->len + n <= s->cap)
		race_appended(vm, s, s->len, n, pc);
	else
		race_append_read(vm, s, n, pc);
}

void vm_race_append(VM *vm, GolSlice *s, int64_t n)
{
	if (race_enabled && vm)
		race_append(vm, s, n, NULL);
}

void vm_race_range(VM *vm, void *p, int64_t n, bool write)
{
	if (!race_enabled || !p || !vm)
		return;
	for (int64_t k = 0; k < n; k++)
		access(vm, (Value *)p + k, NULL, write, false);
}
