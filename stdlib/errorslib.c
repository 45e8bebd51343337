/*
 * errorslib.c — Go's package errors: Is, As and Unwrap (go1.19: one
 * Unwrap() error method per error, no joined errors). errors.New lives in
 * natives.c. Methods are found on the dynamic type of an error as a type
 * assertion to interface{ Unwrap() error } (Is(error) bool, As(any) bool)
 * would find them: by name and exact signature.
 */
#include "stdlib_natives.h"
#include "rt.h"
#include "vm.h"

#include <string.h>

/* Does x's dynamic type have method name with signature func(arg) res? */
static GolClosure *method_sig(GolIface *x, const char *name, Type *arg, Type *res, Value *recv)
{
	Selection sel;
	if (type_lookup(x->type, name, &sel) != 2 || !sel.type)
		return NULL;
	Type *sig = sel.type;
	if (sig->nresults != 1 || !type_identical(sig->results[0].type, res) || sig->variadic)
		return NULL;
	if (arg ? (sig->nfields != 1 || !type_identical(sig->fields[0].type, arg)) : sig->nfields != 0)
		return NULL;
	return std_method(x, name, recv);
}

/* errors.Unwrap; -1 after a panic. */
static int unwrap(VM *vm, GolIface *err, GolIface **out)
{
	*out = NULL;
	if (!err)
		return 0;
	Value recv, res;
	GolClosure *f = method_sig(err, "Unwrap", NULL, type_error, &recv);
	if (!f)
		return 0;
	if (std_call(vm, f, &recv, 1, &res, 1) < 0)
		return -1;
	*out = res.p;
	return 0;
}

static int e_unwrap(VM *vm, Value *a, int n, Value *r)
{
	GolIface *out;
	if (unwrap(vm, a[0].p, &out) < 0)
		return -1;
	r[0].p = out;
	return 0;
}

/* err == target for two interface values; comparing an uncomparable
 * dynamic type panics as in Go. */
static int errors_equal(VM *vm, GolIface *a, GolIface *b, bool *eq)
{
	Type *bad = NULL;
	int e = iface_equal(a, b, &bad);
	*eq = e == 1;
	if (e < 0)
		return vm_panic_error(vm, "comparing uncomparable type %s", type_string(bad, true));
	return 0;
}

static int e_is(VM *vm, Value *a, int n, Value *r)
{
	GolIface *err = a[0].p, *target = a[1].p;
	r[0].i = 0;
	if (!target) {
		r[0].i = err == NULL;
		return 0;
	}
	bool comparable = type_comparable(target->type);
	for (;;) {
		if (comparable) {
			bool eq;
			if (errors_equal(vm, err, target, &eq) < 0)
				return -1;
			if (eq) {
				r[0].i = 1;
				return 0;
			}
		}
		if (err) {
			Value recv, args[2], res;
			GolClosure *f = method_sig(err, "Is", type_error, type_basic[TY_BOOL], &recv);
			if (f) {
				args[0] = recv;
				args[1].p = target;
				if (std_call(vm, f, args, 2, &res, 1) < 0)
					return -1;
				if (res.i) {
					r[0].i = 1;
					return 0;
				}
			}
		}
		if (unwrap(vm, err, &err) < 0)
			return -1;
		if (!err)
			return 0;
	}
}

static bool is_aggregate(Type *t)
{
	TypeKind k = type_under(t)->kind;
	return k == TY_STRUCT || k == TY_ARRAY;
}

static int e_as(VM *vm, Value *a, int n, Value *r)
{
	GolIface *err = a[0].p, *target = a[1].p;
	r[0].i = 0;
	if (!target)
		return vm_panic_msg(vm, "errors: target cannot be nil");
	Type *pt = type_under(target->type);
	if (pt->kind != TY_POINTER || !target->v.p)
		return vm_panic_msg(vm, "errors: target must be a non-nil pointer");
	Type *et = pt->elem;
	const char *missing;
	bool ptr_only;
	bool target_iface = type_is_interface(et);
	if (!target_iface && !type_implements(et, type_error, &missing, &ptr_only))
		return vm_panic_msg(vm, "errors: *target must be interface or implement error");
	Type *canon = rtype_canon(et);
	while (err) {
		bool assignable;
		if (target_iface)
			assignable = type_implements(err->type, et, &missing, &ptr_only);
		else
			assignable = err->type == canon || type_identical(err->type, et);
		if (assignable) {
			Value *dst = target->v.p;
			if (target_iface) {
				vm_race_range(vm, dst, 1, true);
				dst->p = err;
			} else if (is_aggregate(et)) {
				vm_race_block(vm, et, dst, true);
				block_copy_into(et, dst, err->v.p);
			} else {
				vm_race_range(vm, dst, 1, true);
				*dst = err->v;
			}
			r[0].i = 1;
			return 0;
		}
		Value recv, args[2], res;
		GolClosure *f = method_sig(err, "As", type_any, type_basic[TY_BOOL], &recv);
		if (f) {
			args[0] = recv;
			args[1].p = target;
			if (std_call(vm, f, args, 2, &res, 1) < 0)
				return -1;
			if (res.i) {
				r[0].i = 1;
				return 0;
			}
		}
		if (unwrap(vm, err, &err) < 0)
			return -1;
	}
	return 0;
}

const NativeDef errors_natives[] = {
	{"errors.Is", e_is},
	{"errors.As", e_as},
	{"errors.Unwrap", e_unwrap},
	{NULL, NULL},
};
