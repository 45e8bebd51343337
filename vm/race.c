/*
 * race.c — FastTrack happens-before race detection for `gol -race`.
 *
 * Clocks. Every goroutine has a thread id (tid, never reused) and a vector
 * clock: for each goroutine it has heard of, the last clock value of that
 * goroutine that happens before its own present. Vector clocks are sparse
 * (sorted tid/clock pairs): a goroutine usually hears of few others, and a
 * program may start millions. A release joins the goroutine's clock into
 * the synchronisation object's and then ticks the goroutine's own entry, so
 * what it does afterwards is a new epoch; an acquire joins the object's
 * clock into the goroutine's.
 *
 * Shadow words. Each word the program shares (a global, a field, an
 * element, a cell, a map as a whole) gets a shadow cell on first access:
 * the epoch of its last write, and either the epoch of its last read (when
 * every read so far is ordered: the common case, O(1)) or a list of
 * concurrent reads (read-shared). An access by goroutine t races with the
 * recorded one when that epoch (u, c) is not ordered before t's present:
 * c > t.vc[u]. The cell also keeps where each recorded access was made
 * (function and instruction), for the report.
 *
 * Shadow cells are found by address in an open-addressing table held by
 * the collector: a cell holds its word's address as a real pointer, which
 * keeps the object alive, so an address is never reused for another object
 * while its history could still speak of it (the price is memory, as with
 * Go's own detector).
 *
 * Reports follow `go run -race`: the current access with its whole stack,
 * the previous one with its function and line, then where each goroutine
 * involved (other than main) was created. As Go's does, the detector
 * reports the first race on an address only once, and a pair of source
 * locations once.
 */
#include "race.h"

#include "fmt.h"

#include <gc.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool race_enabled;

/* ---- vector clocks ------------------------------------------------------------------ */

typedef struct VCEntry {
	uint32_t tid;
	uint64_t clk;
} VCEntry;

typedef struct VC {
	VCEntry *e;
	int n, cap;
} VC;

static uint64_t vc_get(const VC *v, uint32_t tid)
{
	int lo = 0, hi = v->n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (v->e[mid].tid == tid)
			return v->e[mid].clk;
		if (v->e[mid].tid < tid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

static void vc_reserve(VC *v, int need)
{
	if (need <= v->cap)
		return;
	int cap = v->cap ? v->cap * 2 : 4;
	while (cap < need)
		cap *= 2;
	VCEntry *e = GC_MALLOC_ATOMIC(sizeof *e * (size_t)cap);
	if (v->n)
		memcpy(e, v->e, sizeof *e * (size_t)v->n);
	v->e = e;
	v->cap = cap;
}

static void vc_set(VC *v, uint32_t tid, uint64_t clk)
{
	int lo = 0, hi = v->n - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (v->e[mid].tid == tid) {
			v->e[mid].clk = clk;
			return;
		}
		if (v->e[mid].tid < tid)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	vc_reserve(v, v->n + 1);
	memmove(v->e + lo + 1, v->e + lo, sizeof *v->e * (size_t)(v->n - lo));
	v->e[lo] = (VCEntry){tid, clk};
	v->n++;
}

/* dst = dst ⊔ src (entrywise maximum). */
static void vc_join(VC *dst, const VC *src)
{
	if (!src->n)
		return;
	/* the common case adds nothing new: check before allocating */
	bool grows = false;
	for (int i = 0, j = 0; i < src->n; i++) {
		while (j < dst->n && dst->e[j].tid < src->e[i].tid)
			j++;
		if (j == dst->n || dst->e[j].tid != src->e[i].tid) {
			grows = true;
			break;
		}
		if (src->e[i].clk > dst->e[j].clk)
			dst->e[j].clk = src->e[i].clk;
	}
	if (!grows)
		return;
	int cap = dst->n + src->n;
	VCEntry *e = GC_MALLOC_ATOMIC(sizeof *e * (size_t)cap);
	int i = 0, j = 0, k = 0;
	while (i < dst->n || j < src->n) {
		if (j == src->n || (i < dst->n && dst->e[i].tid < src->e[j].tid))
			e[k++] = dst->e[i++];
		else if (i == dst->n || src->e[j].tid < dst->e[i].tid)
			e[k++] = src->e[j++];
		else {
			e[k] = dst->e[i];
			if (src->e[j].clk > e[k].clk)
				e[k].clk = src->e[j].clk;
			k++, i++, j++;
		}
	}
	dst->e = e;
	dst->n = k;
	dst->cap = cap;
}

/* ---- goroutines ------------------------------------------------------------------------ */

/* Where an access or a go statement was made: a function and the
 * instruction after the one that did it (as frames keep their pc). */
typedef struct Site {
	Proto *p;
	const Instr *pc;
} Site;

typedef struct RaceG {
	uint32_t tid;
	int64_t gid;
	uint64_t clk;      /* its own entry of vc, kept at hand */
	VC vc;
	bool finished;
	Site *created;     /* the creator's stack at the go statement, innermost first */
	int ncreated;
} RaceG;

static RaceG **by_tid;
static uint32_t ntids, captids;
static VM *race_vm;
static const char *abs_file; /* the program's path as Go prints it */

static RaceG *new_rg(G *g)
{
	RaceG *r = GC_MALLOC(sizeof *r);
	if (ntids == captids) {
		captids = captids ? captids * 2 : 256;
		RaceG **v = GC_MALLOC(sizeof *v * captids);
		if (ntids)
			memcpy(v, by_tid, sizeof *v * ntids);
		by_tid = v;
	}
	r->tid = ntids;
	by_tid[ntids++] = r;
	r->gid = g->id;
	r->clk = 1;
	vc_set(&r->vc, r->tid, 1);
	g->race = r;
	return r;
}

static void tick(RaceG *r)
{
	r->clk++;
	vc_set(&r->vc, r->tid, r->clk);
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

void race_go(VM *vm, G *parent, G *child, const Instr *pc)
{
	RaceG *p = parent ? parent->race : NULL;
	RaceG *c = new_rg(child);
	if (p) {
		vc_join(&c->vc, &p->vc);
		tick(p);
	}
	if (!parent)
		return; /* started by a timer: no go statement to show */
	/* the creator's stack, innermost first */
	int n = vm->nframes;
	c->created = GC_MALLOC(sizeof(Site) * (size_t)(n ? n : 1));
	for (int i = n - 1; i >= 0; i--) {
		Frame *f = &vm->frames[i];
		if (!f->p)
			continue;
		c->created[c->ncreated++] = (Site){f->p, i == n - 1 && pc ? pc : f->pc};
	}
}

void race_finished(G *g)
{
	if (g->race)
		((RaceG *)g->race)->finished = true;
}

/* ---- synchronisation objects --------------------------------------------------------- */

typedef struct Sync {
	void *addr;
	VC vc;
} Sync;

static Sync **syncs;
static size_t nsyncs, capsyncs;

static size_t hash_addr(void *p)
{
	uintptr_t x = (uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static Sync *sync_get(void *addr)
{
	if (2 * (nsyncs + 1) > capsyncs) {
		size_t cap = capsyncs ? capsyncs * 2 : 1024;
		Sync **t = GC_MALLOC(sizeof *t * cap);
		for (size_t i = 0; i < capsyncs; i++)
			if (syncs[i]) {
				size_t h = hash_addr(syncs[i]->addr) & (cap - 1);
				while (t[h])
					h = (h + 1) & (cap - 1);
				t[h] = syncs[i];
			}
		syncs = t;
		capsyncs = cap;
	}
	size_t h = hash_addr(addr) & (capsyncs - 1);
	while (syncs[h]) {
		if (syncs[h]->addr == addr)
			return syncs[h];
		h = (h + 1) & (capsyncs - 1);
	}
	Sync *s = GC_MALLOC(sizeof *s);
	s->addr = addr;
	syncs[h] = s;
	nsyncs++;
	return s;
}

void race_acquire(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	RaceG *r = g->race;
	vc_join(&r->vc, &sync_get(addr)->vc);
}

void race_release(G *g, void *addr)
{
	if (!race_enabled || !g || !g->race)
		return;
	RaceG *r = g->race;
	vc_join(&sync_get(addr)->vc, &r->vc);
	tick(r);
}

void race_acqrel(G *g, void *addr)
{
	race_acquire(g, addr);
	race_release(g, addr);
}

/* ---- shadow words --------------------------------------------------------------------- */

typedef struct ReadEnt {
	uint32_t tid;
	uint64_t clk;
	Site site;
	bool atomic;
} ReadEnt;

/* A recorded access: epoch (tid, clk) and where it was made. clk 0: none. */
typedef struct Shadow {
	void *addr;
	uint32_t wtid;
	uint64_t wclk;
	Site wsite;
	bool watomic;
	uint32_t rtid;     /* the last read while reads are ordered */
	uint64_t rclk;
	Site rsite;
	bool ratomic;
	ReadEnt *rs;       /* read-shared: one entry per reading goroutine */
	int nrs, caprs;
	bool reported;     /* Go reports the first race on an address only */
} Shadow;

static Shadow **shadows;
static size_t nshadows, capshadows;

static Shadow *shadow_get(void *addr)
{
	if (2 * (nshadows + 1) > capshadows) {
		size_t cap = capshadows ? capshadows * 2 : 4096;
		Shadow **t = GC_MALLOC(sizeof *t * cap);
		for (size_t i = 0; i < capshadows; i++)
			if (shadows[i]) {
				size_t h = hash_addr(shadows[i]->addr) & (cap - 1);
				while (t[h])
					h = (h + 1) & (cap - 1);
				t[h] = shadows[i];
			}
		shadows = t;
		capshadows = cap;
	}
	size_t h = hash_addr(addr) & (capshadows - 1);
	while (shadows[h]) {
		if (shadows[h]->addr == addr)
			return shadows[h];
		h = (h + 1) & (capshadows - 1);
	}
	Shadow *s = GC_MALLOC(sizeof *s);
	s->addr = addr;
	shadows[h] = s;
	nshadows++;
	return s;
}

/* ---- reports ----------------------------------------------------------------------------- */

static int nraces;

/* Pairs of locations already reported (unordered). */
typedef struct LocPair {
	const Instr *a, *b;
} LocPair;
static LocPair *pairs;
static int npairs, cappairs;

static bool pair_seen(const Instr *a, const Instr *b)
{
	if (a > b) {
		const Instr *t = a;
		a = b;
		b = t;
	}
	for (int i = 0; i < npairs; i++)
		if (pairs[i].a == a && pairs[i].b == b)
			return true;
	if (npairs == cappairs) {
		cappairs = cappairs ? cappairs * 2 : 16;
		LocPair *v = GC_MALLOC_ATOMIC(sizeof *v * (size_t)cappairs);
		if (npairs)
			memcpy(v, pairs, sizeof *v * (size_t)npairs);
		pairs = v;
	}
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

static void put_frame(FmtBuf *b, Proto *p, const Instr *pc)
{
	int idx = pc ? (int)(pc - p->code) - 1 : 0;
	if (idx < 0)
		idx = 0;
	char line[1024];
	snprintf(line, sizeof line, "  %s()\n      %s:%d +0x%x\n", p->name, file_of(p),
		 p->ncode ? p->lines[idx] : p->line, idx * 8);
	fmtbuf_put(b, line, strlen(line));
}

static void put_access(FmtBuf *b, const char *kind, void *addr, int64_t gid)
{
	char line[256];
	if (gid == 1)
		snprintf(line, sizeof line, "%s at 0x%012llx by main goroutine:\n", kind,
			 (unsigned long long)(uintptr_t)addr);
	else
		snprintf(line, sizeof line, "%s at 0x%012llx by goroutine %lld:\n", kind,
			 (unsigned long long)(uintptr_t)addr, (long long)gid);
	fmtbuf_put(b, line, strlen(line));
}

static void put_created(FmtBuf *b, RaceG *r, bool running)
{
	if (!r || r->gid == 1)
		return;
	char line[128];
	snprintf(line, sizeof line, "\nGoroutine %lld (%s) created at:\n", (long long)r->gid,
		 running ? "running" : "finished");
	fmtbuf_put(b, line, strlen(line));
	for (int i = 0; i < r->ncreated; i++)
		put_frame(b, r->created[i].p, r->created[i].pc);
}

/* The running goroutine's access at pc (write or not, atomic or not)
 * races with the recorded one of goroutine ptid at psite. */
static void report(VM *vm, Shadow *s, const Instr *pc, bool write, bool atomic, uint32_t ptid, Site psite,
		   bool pwrite, bool patomic)
{
	if (s->reported)
		return;
	s->reported = true;
	if (pair_seen(pc, psite.pc))
		return;
	nraces++;
	RaceG *cur = vm->cur->race;
	RaceG *prev = ptid < ntids ? by_tid[ptid] : NULL;
	FmtBuf b = {0};
	const char *head = "==================\nWARNING: DATA RACE\n";
	fmtbuf_put(&b, head, strlen(head));
	put_access(&b, atomic ? (write ? "Atomic write" : "Atomic read") : (write ? "Write" : "Read"), s->addr,
		   cur->gid);
	for (int i = vm->nframes - 1; i >= 0; i--) {
		Frame *f = &vm->frames[i];
		if (f->p)
			put_frame(&b, f->p, i == vm->nframes - 1 && pc ? pc : f->pc);
	}
	fmtbuf_put(&b, "\n", 1);
	put_access(&b,
		   patomic ? (pwrite ? "Previous atomic write" : "Previous atomic read")
			   : (pwrite ? "Previous write" : "Previous read"),
		   s->addr, prev ? prev->gid : 0);
	if (psite.p)
		put_frame(&b, psite.p, psite.pc);
	put_created(&b, cur, true);
	if (prev && prev != cur)
		put_created(&b, prev, !prev->finished);
	const char *tail = "==================\n";
	fmtbuf_put(&b, tail, strlen(tail));
	vm_write(vm, 2, b.p, b.len);
}

/* ---- accesses ---------------------------------------------------------------------------- */

static Site here(VM *vm, const Instr *pc)
{
	Frame *f = &vm->frames[vm->nframes - 1];
	return (Site){f->p, pc ? pc : f->pc};
}

static bool ordered(uint32_t tid, uint64_t clk, RaceG *r)
{
	return clk <= (tid == r->tid ? r->clk : vc_get(&r->vc, tid));
}

static void access(VM *vm, void *addr, const Instr *pc, bool write, bool atomic)
{
	G *g = vm->cur;
	if (!g || !g->race || !vm->nframes)
		return;
	RaceG *r = g->race;
	Shadow *s = shadow_get(addr);
	Site site = here(vm, pc);
	if (!write) {
		if (!s->nrs && s->rtid == r->tid && s->rclk == r->clk && s->ratomic == atomic)
			return; /* read again in the same epoch */
		if (s->wclk && !ordered(s->wtid, s->wclk, r) && !(atomic && s->watomic))
			report(vm, s, site.pc, false, atomic, s->wtid, s->wsite, true, s->watomic);
		if (s->nrs) {
			for (int i = 0; i < s->nrs; i++)
				if (s->rs[i].tid == r->tid) {
					s->rs[i] = (ReadEnt){r->tid, r->clk, site, atomic};
					return;
				}
		} else if (!s->rclk || ordered(s->rtid, s->rclk, r)) {
			s->rtid = r->tid;
			s->rclk = r->clk;
			s->rsite = site;
			s->ratomic = atomic;
			return;
		} else {
			/* a second read concurrent with the first: read-shared */
			s->caprs = 4;
			s->rs = GC_MALLOC(sizeof *s->rs * (size_t)s->caprs);
			s->rs[0] = (ReadEnt){s->rtid, s->rclk, s->rsite, s->ratomic};
			s->nrs = 1;
			s->rclk = 0;
		}
		if (s->nrs == s->caprs) {
			s->caprs *= 2;
			ReadEnt *v = GC_MALLOC(sizeof *v * (size_t)s->caprs);
			memcpy(v, s->rs, sizeof *v * (size_t)s->nrs);
			s->rs = v;
		}
		s->rs[s->nrs++] = (ReadEnt){r->tid, r->clk, site, atomic};
		return;
	}
	if (s->wtid == r->tid && s->wclk == r->clk && s->watomic == atomic && !s->nrs && !s->rclk)
		return; /* written again in the same epoch */
	if (s->wclk && !ordered(s->wtid, s->wclk, r) && !(atomic && s->watomic))
		report(vm, s, site.pc, true, atomic, s->wtid, s->wsite, true, s->watomic);
	if (s->nrs) {
		for (int i = 0; i < s->nrs; i++)
			if (!ordered(s->rs[i].tid, s->rs[i].clk, r) && !(atomic && s->rs[i].atomic)) {
				report(vm, s, site.pc, true, atomic, s->rs[i].tid, s->rs[i].site, false, s->rs[i].atomic);
				break;
			}
		s->nrs = 0;
		s->rs = NULL;
	} else if (s->rclk && !ordered(s->rtid, s->rclk, r) && !(atomic && s->ratomic)) {
		report(vm, s, site.pc, true, atomic, s->rtid, s->rsite, false, s->ratomic);
	}
	/* every earlier read is ordered before this write or was reported: the
	 * write stands for them from now on */
	s->rclk = 0;
	s->wtid = r->tid;
	s->wclk = r->clk;
	s->wsite = site;
	s->watomic = atomic;
}

void race_read(VM *vm, void *addr, const Instr *pc)
{
	access(vm, addr, pc, false, false);
}

void race_write(VM *vm, void *addr, const Instr *pc)
{
	access(vm, addr, pc, true, false);
}

void race_atomic(VM *vm, void *addr, bool write)
{
	if (!race_enabled)
		return;
	/* an atomic operation synchronises with those that observe it */
	race_acquire(vm->cur, addr);
	access(vm, addr, NULL, write, true);
	if (write)
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

void vm_race_release(VM *vm, void *addr)
{
	if (race_enabled)
		race_release(vm->cur, addr);
}

void vm_race_atomic(VM *vm, void *addr, bool write)
{
	race_atomic(vm, addr, write);
}

void vm_enable_race(void)
{
	race_enabled = true;
}
