/*
 * scope.c — see scope.h.
 */
#include "scope.h"

#include <gc.h>
#include <string.h>

Scope *scope_new(Scope *parent)
{
	Scope *s = GC_MALLOC(sizeof *s);
	s->parent = parent;
	return s;
}

Obj *obj_new(ObjKind kind, const char *name, Pos pos, Type *type)
{
	Obj *o = GC_MALLOC(sizeof *o);
	o->kind = kind;
	o->name = name;
	o->pos = pos;
	o->type = type;
	o->slot = -1;
	return o;
}

Obj *scope_lookup_here(Scope *s, const char *name)
{
	/* Scopes are small except the package and universe ones; a linear
	 * scan from the newest entry is fast enough for a checker. */
	for (int i = s->len - 1; i >= 0; i--)
		if (!strcmp(s->objs[i]->name, name))
			return s->objs[i];
	return NULL;
}

Obj *scope_insert(Scope *s, Obj *obj)
{
	if (!strcmp(obj->name, "_"))
		return NULL;
	Obj *old = scope_lookup_here(s, obj->name);
	if (old)
		return old;
	if (s->len == s->cap) {
		int cap = s->cap ? s->cap * 2 : 8;
		Obj **v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (s->len)
			memcpy(v, s->objs, sizeof *v * (size_t)s->len);
		s->objs = v;
		s->cap = cap;
	}
	s->objs[s->len++] = obj;
	return NULL;
}

Obj *scope_replace(Scope *s, Obj *obj)
{
	for (int i = s->len - 1; i >= 0; i--)
		if (!strcmp(s->objs[i]->name, obj->name)) {
			Obj *old = s->objs[i];
			s->objs[i] = obj;
			return old;
		}
	scope_insert(s, obj);
	return NULL;
}

Obj *scope_remove(Scope *s, const char *name)
{
	for (int i = s->len - 1; i >= 0; i--)
		if (!strcmp(s->objs[i]->name, name)) {
			Obj *old = s->objs[i];
			memmove(s->objs + i, s->objs + i + 1, sizeof *s->objs * (size_t)(s->len - i - 1));
			s->len--;
			return old;
		}
	return NULL;
}

Obj *scope_lookup(Scope *s, const char *name, Scope **found_in)
{
	for (; s; s = s->parent) {
		Obj *o = scope_lookup_here(s, name);
		if (o) {
			if (found_in)
				*found_in = s;
			return o;
		}
	}
	return NULL;
}
