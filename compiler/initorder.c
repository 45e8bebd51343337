/*
 * initorder.c — dependency order of package-level variable initialisers
 * (see initorder.h).
 *
 * Each unit's dependencies are found by walking its initialiser, and the
 * body of each function or method it reaches (once per unit), noting the
 * package-level variables met. A unit is ready when every unit it depends
 * on (other than itself) has run; the earliest ready one runs next. With
 * u units and a program of size N this is O(u * N) for the walks and
 * O(u^2) for the choosing: package-level variables are few.
 */
#include "initorder.h"

#include "scope.h"
#include "types.h"

#include <gc.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* A set of pointers (open addressing; a walk's visited functions, the
 * spec index of each spec node). */
typedef struct PtrMap {
	const void **keys;
	int *vals;
	int cap, len;
} PtrMap;

static size_t slot_of(const PtrMap *m, const void *k)
{
	uint64_t h = (uint64_t)(uintptr_t)k * 0x9e3779b97f4a7c15ull;
	size_t i = (size_t)(h >> 32) & (size_t)(m->cap - 1);
	while (m->keys[i] && m->keys[i] != k)
		i = (i + 1) & (size_t)(m->cap - 1);
	return i;
}

static void map_put(PtrMap *m, const void *k, int v)
{
	if (2 * (m->len + 1) > m->cap) {
		PtrMap n = {0};
		n.cap = m->cap ? 2 * m->cap : 64;
		n.keys = GC_MALLOC(sizeof *n.keys * (size_t)n.cap);
		n.vals = GC_MALLOC_ATOMIC(sizeof *n.vals * (size_t)n.cap);
		for (int i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t j = slot_of(&n, m->keys[i]);
				n.keys[j] = m->keys[i];
				n.vals[j] = m->vals[i];
				n.len++;
			}
		*m = n;
	}
	size_t i = slot_of(m, k);
	if (!m->keys[i])
		m->len++;
	m->keys[i] = k;
	m->vals[i] = v;
}

/* The value at k, or -1. */
static int map_get(const PtrMap *m, const void *k)
{
	if (!m->cap)
		return -1;
	size_t i = slot_of(m, k);
	return m->keys[i] ? m->vals[i] : -1;
}

typedef struct Walk {
	PtrMap *unit_of;    /* variable Obj -> its unit's index */
	PtrMap seen;        /* functions already walked for this unit */
	bool *deps;         /* deps[j]: this unit depends on unit j */
} Walk;

static void walk(Node *n, void *ctx);

static void walk_func(Walk *w, Obj *f)
{
	if (!f || !f->decl || f->decl->kind != N_FUNCDECL || !f->decl->u.func.body)
		return;
	if (map_get(&w->seen, f) >= 0)
		return;
	map_put(&w->seen, f, 1);
	walk(f->decl->u.func.body, w);
}

static void walk(Node *n, void *ctx)
{
	Walk *w = ctx;
	if (n->kind == N_IDENT && n->obj) {
		Obj *o = n->obj;
		if (o->kind == OBJ_VAR && o->global) {
			int j = map_get(w->unit_of, o);
			if (j >= 0)
				w->deps[j] = true;
		} else if (o->kind == OBJ_FUNC && o->global) {
			walk_func(w, o);
		}
		return;
	}
	if (n->kind == N_SELECTOR) {
		/* x.m and T.m name a method, whose body counts (an interface's
		 * methods have none to walk) */
		Node *x = n->u.selector.x;
		Selection sel;
		if (x->type && !type_is_interface(x->type) && n->u.selector.sel->kind == N_IDENT &&
		    type_lookup(x->type, n->u.selector.sel->u.ident.name, &sel) == 2 && sel.method)
			walk_func(w, sel.method->func);
	}
	ast_each_child(n, walk, w);
}

InitUnit *init_order(Node *file, int *n)
{
	int nu = 0, cap = 16;
	InitUnit *units = GC_MALLOC(sizeof *units * (size_t)cap);
	PtrMap unit_of = {0};
	for (int i = 0; i < file->u.file.decls.len; i++) {
		Node *d = file->u.file.decls.v[i];
		if (d->kind != N_GENDECL || d->u.gen.tok != DECL_VAR)
			continue;
		for (int s = 0; s < d->u.gen.specs.len; s++) {
			Node *spec = d->u.gen.specs.v[s];
			NodeList *names = &spec->u.value.names;
			/* a value per name: each is its own unit */
			bool each = names->len > 1 && spec->u.value.values.len == names->len;
			for (int k = 0; k < (each ? names->len : 1); k++) {
				if (nu == cap) {
					InitUnit *t = GC_MALLOC(sizeof *t * (size_t)(cap *= 2));
					memcpy(t, units, sizeof *t * (size_t)nu);
					units = t;
				}
				units[nu] = (InitUnit){spec, each ? k : -1};
				for (int v = 0; v < names->len; v++)
					if ((!each || v == k) && names->v[v]->obj)
						map_put(&unit_of, names->v[v]->obj, nu);
				nu++;
			}
		}
	}
	bool **deps = GC_MALLOC(sizeof *deps * (size_t)(nu ? nu : 1));
	for (int i = 0; i < nu; i++) {
		Walk w = {.unit_of = &unit_of};
		w.deps = GC_MALLOC_ATOMIC(sizeof(bool) * (size_t)nu);
		memset(w.deps, 0, sizeof(bool) * (size_t)nu);
		NodeList *values = &units[i].spec->u.value.values;
		for (int k = 0; k < values->len; k++)
			if (units[i].index < 0 || k == units[i].index)
				walk(values->v[k], &w);
		w.deps[i] = false;
		deps[i] = w.deps;
	}
	InitUnit *order = GC_MALLOC(sizeof *order * (size_t)(nu ? nu : 1));
	bool *done = GC_MALLOC_ATOMIC(sizeof(bool) * (size_t)(nu ? nu : 1));
	memset(done, 0, sizeof(bool) * (size_t)(nu ? nu : 1));
	for (int k = 0; k < nu; k++) {
		int pick = -1, first = -1;
		for (int i = 0; i < nu && pick < 0; i++) {
			if (done[i])
				continue;
			if (first < 0)
				first = i;
			bool ready = true;
			for (int j = 0; j < nu && ready; j++)
				ready = !deps[i][j] || done[j];
			if (ready)
				pick = i;
		}
		if (pick < 0)
			pick = first; /* a cycle: reported by the checker */
		done[pick] = true;
		order[k] = units[pick];
	}
	*n = nu;
	return order;
}
