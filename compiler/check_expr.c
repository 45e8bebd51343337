/*
 * check_expr.c — expressions: operands, untyped constants and their
 * conversion, operators, selectors, indexing, calls, conversions, builtins
 * and composite literals.
 *
 * Untyped constants stay untyped (and exact) until an operation or an
 * assignment gives them a type; convert_untyped is the one place where that
 * happens, and where "overflows" / "truncated" are decided.
 */
#include "check_int.h"

#include <gc.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *tstr(Type *t) { return type_string(t, false); }

/* A collected string made as printf makes it. */
static char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *str_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ast_strndup(buf, strlen(buf));
}

char *operand_string(Operand *x)
{
	char buf[1024];
	const char *e = x->expr ? ast_expr_string(x->expr) : "?";
	switch (x->mode) {
	case M_NIL:
		return "nil";
	case M_CONST: {
		const char *v = const_string_of(x->cv);
		if (type_is_untyped(x->type)) {
			if (!strcmp(v, e))
				snprintf(buf, sizeof buf, "%s (%s constant)", e, tstr(x->type));
			else
				snprintf(buf, sizeof buf, "%s (%s constant %s)", e, tstr(x->type), v);
		} else if (!strcmp(v, e)) {
			snprintf(buf, sizeof buf, "%s (constant of type %s)", e, tstr(x->type));
		} else {
			snprintf(buf, sizeof buf, "%s (constant %s of type %s)", e, v, tstr(x->type));
		}
		break;
	}
	case M_VAR:
		snprintf(buf, sizeof buf, "%s (variable of type %s)", e, tstr(x->type));
		break;
	case M_MAPINDEX:
		snprintf(buf, sizeof buf, "%s (map index expression of type %s)", e, tstr(x->type));
		break;
	case M_COMMAOK:
		snprintf(buf, sizeof buf, "%s (comma, ok expression of type %s)", e, tstr(x->type));
		break;
	case M_TYPE:
		snprintf(buf, sizeof buf, "%s (type)", e);
		break;
	case M_NOVALUE:
		snprintf(buf, sizeof buf, "%s (no value)", e);
		break;
	case M_BUILTIN:
		snprintf(buf, sizeof buf, "%s (built-in)", e);
		break;
	default:
		/* an untyped non-constant value: a comparison, a shift */
		if (x->type && type_is_untyped(x->type))
			snprintf(buf, sizeof buf, "%s (%s value)", e, tstr(x->type));
		else
			snprintf(buf, sizeof buf, "%s (value of type %s)", e, tstr(x->type));
		break;
	}
	return ast_strndup(buf, strlen(buf));
}

const char *summary_type(Operand *x)
{
	if (!x->type || x->type->kind == TY_INVALID)
		return "<T>";
	if (x->mode == M_NIL)
		return "nil";
	if (!type_is_untyped(x->type))
		return tstr(x->type);
	if (type_is_numeric(x->type))
		return "number";
	const char *s = tstr(x->type);
	return strncmp(s, "untyped ", 8) ? s : s + 8;
}

/* Leave the result on the node for the compiler. */
void record(Operand *x)
{
	if (!x->expr)
		return;
	x->expr->type = x->type;
	if (x->mode == M_CONST)
		x->expr->cv = x->cv;
}

static void invalid(Operand *x)
{
	x->mode = M_INVALID;
	x->type = type_invalid;
}

/* ---- untyped conversion ----------------------------------------------------- */

/* Can constant v be represented in basic type t? *why: "overflows" or
 * "truncated". Rounds floats in place as a conversion would. */
static bool representable(ConstVal **v, Type *t, const char **why)
{
	Type *u = type_under(t);
	ConstVal *x = *v;
	*why = NULL;
	if (type_is_integer(u)) {
		if (x->kind == CK_BOOL || x->kind == CK_STRING)
			return false;
		if (!const_is_int_value(x)) {
			*why = "truncated";
			return false;
		}
		if (u->kind == TY_UNTYPED_INT || u->kind == TY_UNTYPED_RUNE)
			return true;
		if (!const_fits_int(x, type_bits(u), type_is_unsigned(u))) {
			*why = "overflows";
			return false;
		}
		ConstVal *r = const_to_kind(x, CK_INT);
		if (x->kind != CK_INT) {
			r = const_int64(0);
			mpz_set_q(r->i, x->f);
		}
		*v = r;
		return true;
	}
	if (type_is_float(u)) {
		if (x->kind < CK_INT)
			return false;
		if (x->kind == CK_COMPLEX && mpq_sgn(x->im)) {
			*why = "overflows"; /* types2's word for any number that does not fit */
			return false;
		}
		if (u->kind == TY_UNTYPED_FLOAT) {
			*v = const_to_kind(x, CK_FLOAT);
			return true;
		}
		double d;
		if (!const_to_double(x, type_bits(u), &d)) {
			*why = "overflows";
			return false;
		}
		*v = const_round_float(x, type_bits(u));
		return true;
	}
	if (type_is_complex(u)) {
		if (x->kind < CK_INT)
			return false;
		if (u->kind == TY_UNTYPED_COMPLEX)
			return true;
		/* each part must fit the part's float type */
		ConstVal *cx = const_to_kind(x, CK_COMPLEX);
		for (int part = 0; part < 2; part++) {
			ConstVal f = {.kind = CK_FLOAT};
			mpq_init(f.f);
			mpq_set(f.f, part ? cx->im : cx->f);
			double d;
			bool fits = const_to_double(&f, type_bits(u) / 2, &d);
			mpq_clear(f.f);
			if (!fits) {
				*why = "overflows";
				return false;
			}
		}
		return true;
	}
	if (type_is_string(u))
		return x->kind == CK_STRING;
	if (type_is_boolean(u))
		return x->kind == CK_BOOL;
	return false;
}

void convert_untyped(Checker *c, Operand *x, Type *target)
{
	if (x->mode == M_INVALID || !type_is_untyped(x->type) || !target || target->kind == TY_INVALID)
		return;
	Type *tu = type_under(target);
	if (type_is_untyped(target)) {
		/* both untyped: the larger kind wins (int < rune < float < complex) */
		if (x->mode == M_CONST && target->kind > x->type->kind && target->kind != TY_UNTYPED_NIL
		    && type_is_numeric(x->type) && type_is_numeric(target)) {
			x->type = target;
		}
		record(x);
		return;
	}
	if (x->mode == M_NIL || x->type->kind == TY_UNTYPED_NIL) {
		if (!type_nillable(target)) {
			checker_error(c, ast_start(x->expr), "cannot use nil as %s value in assignment", tstr(target));
			invalid(x);
			return;
		}
		x->type = target;
		record(x);
		return;
	}
	if (tu->kind == TY_INTERFACE) {
		use_default(c, x);
		return;
	}
	if (x->mode == M_CONST) {
		const char *why;
		ConstVal *v = x->cv;
		if (!representable(&v, target, &why)) {
			/* types2 words it by the kinds, not the value: a float
			 * (or complex) that does not fit an integer type is
			 * truncated, whole as it may be (1000.0 into an int8) */
			if (why && !type_is_integer(x->type) && type_is_integer(tu))
				why = "truncated";
			/* the caller words the error (it knows the context) */
			x->mode = M_INVALID;
			x->cv = (ConstVal *)why; /* smuggle the reason out */
			return;
		}
		x->cv = v;
		x->type = target;
		record(x);
		return;
	}
	/* untyped non-constant values: comparisons (bool) and shifts */
	if (x->type->kind == TY_UNTYPED_BOOL && !type_is_boolean(tu))
		return;
	if (type_is_numeric(x->type) && !type_is_numeric(tu)) {
		/* the caller words the error */
		x->mode = M_INVALID;
		x->cv = NULL;
		return;
	}
	x->type = target;
	record(x);
}

void use_default(Checker *c, Operand *x)
{
	use_default_in(c, x, "assignment");
}

/* use_default where a constant that does not fit its default type is
 * reported as used in context ("argument to println"). */
void use_default_in(Checker *c, Operand *x, const char *context)
{
	if (x->mode == M_INVALID || !type_is_untyped(x->type))
		return;
	if (x->type->kind == TY_UNTYPED_NIL) {
		return;
	}
	Type *d = type_default(x->type);
	Operand saved = *x;
	convert_untyped(c, x, d);
	if (x->mode == M_INVALID && saved.mode == M_CONST) {
		const char *why = (const char *)x->cv;
		*x = saved;
		checker_error(c, ast_start(x->expr), "cannot use %s as %s value in %s%s%s", operand_string(x), tstr(d),
			      context, why ? " " : "", why ? (strcmp(why, "overflows") ? "(truncated)" : "(overflows)") : "");
		invalid(x);
	}
}

/* convert_untyped where the place has no words of its own (a case value,
 * the constant of a shift): types2's convertUntyped, with its messages,
 * which name the target's underlying type. Only an empty interface takes
 * an untyped value there. Returns whether x converted; else it is
 * reported and invalid. */
bool convert_untyped_report(Checker *c, Operand *x, Type *target)
{
	if (x->mode == M_INVALID)
		return false;
	if (x->mode != M_NIL && !type_is_untyped(x->type))
		return true;
	Type *tu = type_under(target);
	bool ok;
	if (x->mode == M_NIL || x->type->kind == TY_UNTYPED_NIL)
		ok = type_nillable(tu);
	else if (tu->kind == TY_INTERFACE)
		ok = tu->nmethods == 0;
	else
		ok = (type_is_numeric(x->type) && type_is_numeric(tu)) || (type_is_string(x->type) && type_is_string(tu))
		     || (type_is_boolean(x->type) && type_is_boolean(tu));
	Operand saved = *x;
	if (ok) {
		convert_untyped(c, x, target);
		if (x->mode != M_INVALID)
			return true;
		*x = saved;
	}
	if (ok && x->mode == M_CONST)
		/* a numeric constant out of range */
		checker_error(c, ast_start(x->expr), "%s %s %s", operand_string(x),
			      !type_is_integer(x->type) && type_is_integer(tu) ? "truncated to" : "overflows", tstr(tu));
	else
		checker_error(c, ast_start(x->expr), "cannot convert %s to %s", operand_string(x), tstr(tu));
	invalid(x);
	return false;
}

/* Why type t does not implement interface iface, as types2 says it
 * ("(missing String method)", "(String method has pointer receiver)",
 * "(wrong type for String method)" with what it has and wants), or NULL
 * if it does. */
/* types2's words for why a pointer to an interface is no interface */
static const char *iface_ptr_why(Type *t)
{
	return str_printf("type %s is pointer to interface, not interface", tstr(t));
}

const char *missing_method_reason(Type *t, Type *iface)
{
	const char *name;
	bool ptr_only;
	if (type_implements(t, iface, &name, &ptr_only))
		return NULL;
	if (!name)
		return "";
	if (type_is_interface_ptr(t))
		return str_printf("(%s)", iface_ptr_why(t));
	if (ptr_only)
		return str_printf("(%s method has pointer receiver)", name);
	Type *want = NULL, *have = NULL;
	Type *iu = type_under(iface), *tu = type_under(t);
	for (int i = 0; i < iu->nmethods; i++)
		if (!strcmp(iu->methods[i].name, name))
			want = iu->methods[i].sig;
	Selection sel;
	if (tu && tu->kind == TY_INTERFACE) {
		for (int i = 0; i < tu->nmethods; i++)
			if (!strcmp(tu->methods[i].name, name))
				have = tu->methods[i].sig;
	} else if (type_lookup(t, name, &sel) == 2) {
		have = sel.type;
	}
	if (want && !have && tu && tu->kind != TY_INTERFACE) {
		/* a method whose name differs only in case is shown, as types2
		 * shows what it found with its case-folding lookup (only a
		 * type's own methods are looked at here) */
		Type *nt = t->kind == TY_POINTER ? t->elem : t;
		for (int i = 0; nt->kind == TY_NAMED && i < nt->nmethods; i++)
			if (!strcasecmp(nt->methods[i].name, name) && nt->methods[i].sig)
				return str_printf("(missing %s method)\n\t\thave %s%s\n\t\twant %s%s", name,
						  nt->methods[i].name, type_string(nt->methods[i].sig, false) + 4, name,
						  type_string(want, false) + 4);
	}
	if (!want || !have)
		return str_printf("(missing %s method)", name);
	/* type_string of a signature starts with "func" */
	return str_printf("(wrong type for %s method)\n\t\thave %s%s\n\t\twant %s%s", name, name,
			  type_string(have, false) + 4, name, type_string(want, false) + 4);
}

/* Is x assignable to t? Reports "cannot use ... as ... in context". */
bool assign_to(Checker *c, Operand *x, Type *t, const char *context)
{
	if (x->mode == M_INVALID || !t || t->kind == TY_INVALID)
		return false;
	if (x->mode == M_TYPE || x->mode == M_BUILTIN || x->mode == M_PKG) {
		checker_error(c, ast_start(x->expr), "%s is not an expression", operand_string(x));
		invalid(x);
		return false;
	}
	if (x->mode == M_NOVALUE) {
		checker_error(c, ast_start(x->expr), "%s (no value) used as value", ast_expr_string(x->expr));
		invalid(x);
		return false;
	}
	if (type_is_untyped(x->type)) {
		Operand saved = *x;
		Type *tu = type_under(t);
		if (x->mode == M_NIL || x->type->kind == TY_UNTYPED_NIL) {
			if (!type_nillable(t)) {
				checker_error(c, ast_start(x->expr), "cannot use nil as %s value in %s", tstr(t), context);
				invalid(x);
				return false;
			}
			x->type = t;
			record(x);
			return true;
		}
		if (tu->kind == TY_INTERFACE) {
			use_default_in(c, x, context);
			if (x->mode == M_INVALID)
				return false;
		} else {
			/* the kinds must agree before values are compared */
			bool ok = (type_is_numeric(x->type) && type_is_numeric(tu))
				  || (type_is_string(x->type) && type_is_string(tu))
				  || (type_is_boolean(x->type) && type_is_boolean(tu));
			if (ok)
				convert_untyped(c, x, t);
			if (!ok || x->mode == M_INVALID) {
				const char *why = ok ? (const char *)x->cv : NULL;
				*x = saved;
				if (x->mode == M_CONST)
					checker_error(c, ast_start(x->expr), "cannot use %s as %s value in %s%s%s",
						      operand_string(x), tstr(t), context, why ? " " : "",
						      why ? (strcmp(why, "overflows") ? "(truncated)" : "(overflows)") : "");
				else
					checker_error(c, ast_start(x->expr), "cannot use %s as %s value in %s",
						      operand_string(x), tstr(t), context);
				invalid(x);
				return false;
			}
			return true;
		}
	}
	Type *v = x->type;
	if (type_identical(v, t))
		return true;
	Type *vu = type_under(v), *tu = type_under(t);
	/* identical underlying types and at least one is not named */
	if ((v->kind != TY_NAMED || t->kind != TY_NAMED) && type_identical(vu, tu)
	    && vu->kind != TY_INVALID && !(vu->kind <= TY_UNTYPED_NIL && v->kind == TY_NAMED && t->kind != TY_NAMED && 0))
		if (v->kind != TY_NAMED || t->kind != TY_NAMED)
			if (!(vu->kind < TY_ARRAY && v->kind != t->kind))
				return true;
	if (tu->kind == TY_INTERFACE) {
		const char *why = missing_method_reason(v, t);
		if (!why)
			return true;
		checker_error(c, ast_start(x->expr), "cannot use %s as type %s in %s:\n\t%s does not implement %s %s",
			      operand_string(x), tstr(t), context, tstr(v), tstr(t), why);
		invalid(x);
		return false;
	}
	/* bidirectional channel to directional */
	if (vu->kind == TY_CHAN && tu->kind == TY_CHAN && vu->chandir == 0 && type_identical(vu->elem, tu->elem)
	    && (v->kind != TY_NAMED || t->kind != TY_NAMED))
		return true;
	/* a pointer to an interface is no interface (types2 checks the value
	 * against it as against one, and says why that fails) */
	if (type_is_interface_ptr(t)) {
		checker_error(c, ast_start(x->expr), "cannot use %s as type %s in %s:\n\t%s does not implement %s (%s)",
			      operand_string(x), tstr(t), context, tstr(v), tstr(t), iface_ptr_why(t));
		invalid(x);
		return false;
	}
	/* an interface value where a type that implements it is wanted: the
	 * type assertion is what is missing, types2 says */
	if (vu->kind == TY_INTERFACE && tu->kind != TY_INTERFACE && !missing_method_reason(t, v)) {
		checker_error(c, ast_start(x->expr), "cannot use %s as type %s in %s:\n\tneed type assertion",
			      operand_string(x), tstr(t), context);
		invalid(x);
		return false;
	}
	checker_error(c, ast_start(x->expr), "cannot use %s as type %s in %s", operand_string(x), tstr(t), context);
	invalid(x);
	return false;
}

/* ---- identifiers and selectors ------------------------------------------------ */

static void want_single(Checker *c, Node *n, Operand *x);
static void check_raw(Checker *c, Node *n, Operand *x, Type *hint);

static void check_ident(Checker *c, Node *n, Operand *x)
{
	const char *name = n->u.ident.name;
	x->expr = n;
	if (!strcmp(name, "_")) {
		checker_error(c, ast_start(n), "cannot use _ as value or type");
		invalid(x);
		return;
	}
	Obj *o = scope_lookup(c->scope, name, NULL);
	if (!o && c->dot_scope && scope_lookup_here(c->dot_scope, name)) {
		if (!c->dot_import->used)
			checker_error(c, c->dot_import->decl->u.import.name->pos, "gol: dot imports are not supported yet");
		c->dot_import->used = true;
		invalid(x);
		return;
	}
	if (!o) {
		checker_error(c, ast_start(n), "undefined: %s", name);
		invalid(x);
		return;
	}
	n->obj = o;
	if (o->kind != OBJ_PKG)
		o->used = true;
	record_dep(c, o);
	if (o->global && o->state != 2)
		resolve_obj(c, o);
	switch (o->kind) {
	case OBJ_VAR:
		x->mode = M_VAR;
		x->type = o->type ? o->type : type_invalid;
		/* a variable of an enclosing function, used in a closure */
		if (!o->global && c->fn && o->func != c->fn->obj)
			o->captured = true;
		/* one whose type is in error is an invalid operand: whatever it
		 * is used in has had its error (as types2 has it) */
		if (x->type->kind == TY_INVALID)
			invalid(x);
		break;
	case OBJ_CONST:
		if (!strcmp(name, "iota") && o->pos.line == 0) {
			if (c->iota < 0) {
				checker_error(c, ast_start(n), "cannot use iota outside constant declaration");
				invalid(x);
				return;
			}
			x->mode = M_CONST;
			x->type = type_basic[TY_UNTYPED_INT];
			x->cv = const_int64(c->iota);
			break;
		}
		x->mode = o->type && o->type->kind == TY_INVALID ? M_INVALID : M_CONST;
		x->type = o->type ? o->type : type_invalid;
		x->cv = o->cv;
		if (!x->cv)
			invalid(x);
		break;
	case OBJ_TYPE:
		x->mode = M_TYPE;
		x->type = o->type ? o->type : type_invalid;
		break;
	case OBJ_FUNC:
		x->mode = M_VALUE;
		x->type = o->type ? o->type : type_invalid;
		break;
	case OBJ_BUILTIN:
		x->mode = M_BUILTIN;
		x->bi = o->builtin;
		x->type = type_invalid;
		break;
	case OBJ_PKG:
		x->mode = M_PKG;
		x->obj = o;
		break;
	case OBJ_NIL:
		x->mode = M_NIL;
		x->type = type_basic[TY_UNTYPED_NIL];
		break;
	default:
		invalid(x);
		break;
	}
	record(x);
}

const char *visible_pkg(Checker *c)
{
	if (c->stdlib || c->home)
		return NULL;
	return c->pkg->path;
}

/* Why t.sel does not exist, in types2's words: with the hint that a name
 * differing in the case of its first letter does ("but does have Name"),
 * or that t points to an interface. */
static const char *no_field_or_method(Checker *c, Type *t, const char *sel)
{
	if (t->kind == TY_POINTER && type_is_interface(t->elem))
		return iface_ptr_why(t);
	const char *why = str_printf("type %s has no field or method %s", tstr(t), sel);
	char *other = ast_strndup(sel, strlen(sel));
	if (other[0] >= 'a' && other[0] <= 'z')
		other[0] = (char)(other[0] - 'a' + 'A');
	else if (other[0] >= 'A' && other[0] <= 'Z')
		other[0] = (char)(other[0] - 'A' + 'a');
	else
		return why;
	Selection s;
	if (type_lookup_from(t, other, visible_pkg(c), &s) > 0)
		return str_printf("%s, but does have %s", why, other);
	return why;
}

static void check_selector(Checker *c, Node *n, Operand *x)
{
	Node *lhs = n->u.selector.x;
	const char *sel = n->u.selector.sel->u.ident.name;
	x->expr = n;
	if (lhs->kind == N_IDENT) {
		Obj *o = scope_lookup(c->scope, lhs->u.ident.name, NULL);
		if (o && o->kind == OBJ_PKG) {
			o->used = true;
			lhs->obj = o;
			Obj *m = scope_lookup_here(pkg_scope_of(c, o), sel);
			if (!m || !(sel[0] >= 'A' && sel[0] <= 'Z')) {
				if (m)
					checker_error(c, ast_start(n->u.selector.sel), "name %s not exported by package %s", sel, o->name);
				else
					checker_error(c, ast_start(n->u.selector.sel), "undefined: %s.%s", lhs->u.ident.name, sel);
				invalid(x);
				return;
			}
			if (m->state != 2)
				resolve_obj(c, m);
			n->u.selector.sel->obj = m;
			n->obj = m;
			switch (m->kind) {
			case OBJ_VAR: x->mode = M_VAR; break;
			case OBJ_CONST: x->mode = M_CONST; x->cv = m->cv; break;
			case OBJ_TYPE: x->mode = M_TYPE; break;
			case OBJ_FUNC: x->mode = M_VALUE; break;
			default: invalid(x); return;
			}
			x->type = m->type ? m->type : type_invalid;
			if (x->mode == M_CONST && !x->cv)
				invalid(x);
			record(x);
			return;
		}
	}
	Operand base;
	check_expr_or_type(c, lhs, &base);
	if (base.mode == M_VALUE && base.type && base.type->kind == TY_TUPLE)
		want_single(c, lhs, &base); /* g().x of a call of several results */
	if (base.mode == M_INVALID) {
		invalid(x);
		return;
	}
	Selection s;
	Type *bt = base.type;
	if (base.mode == M_TYPE) {
		/* method expression T.M or (*T).M */
		int k = type_lookup_from(bt, sel, visible_pkg(c), &s);
		if (k == 0) {
			checker_error(c, ast_start(n->u.selector.sel), "%s.%s undefined (%s)", ast_expr_string(lhs), sel,
				      no_field_or_method(c, bt, sel));
			invalid(x);
			return;
		}
		if (k != 2) {
			checker_error(c, ast_start(n->u.selector.sel), "%s.%s undefined (type %s has no method %s)",
				      ast_expr_string(lhs), sel, tstr(bt), sel);
			invalid(x);
			return;
		}
		/* T.M for a method of *T: not in T's method set */
		if (s.method && s.method->ptr_recv && !s.indirect && bt->kind != TY_POINTER && !type_is_interface(bt)) {
			checker_error(c, ast_start(n->u.selector.sel), "cannot call pointer method %s on %s", sel, tstr(bt));
			invalid(x);
			return;
		}
		if (s.method && s.method->func)
			record_dep(c, s.method->func);
		/* func(recv, params...) results */
		Type *sig = s.type;
		Type *f = type_new(TY_FUNC);
		f->nfields = sig->nfields + 1;
		f->fields = GC_MALLOC(sizeof(Field) * (size_t)f->nfields);
		f->fields[0].type = bt;
		/* the receiver is named as the method's other parameters are
		 * (its own name, or _), as types2 shows the signature */
		if (sig->nfields && sig->fields[0].name) {
			Node *fd = s.method && s.method->func ? s.method->func->decl : NULL;
			Node *rv = fd && fd->kind == N_FUNCDECL ? fd->u.func.recv : NULL;
			f->fields[0].name = rv && rv->u.field.names.len ? rv->u.field.names.v[0]->u.ident.name : "_";
		}
		memcpy(f->fields + 1, sig->fields, sizeof(Field) * (size_t)sig->nfields);
		f->results = sig->results;
		f->nresults = sig->nresults;
		f->variadic = sig->variadic;
		x->mode = M_VALUE;
		x->type = f;
		record(x);
		return;
	}
	if (base.mode == M_NOVALUE || base.mode == M_BUILTIN || base.mode == M_NIL || base.mode == M_PKG) {
		checker_error(c, ast_start(n), "%s.%s undefined", ast_expr_string(lhs), sel);
		invalid(x);
		return;
	}
	int k = type_lookup_from(bt, sel, visible_pkg(c), &s);
	/* a pointer to an interface has no methods */
	if (type_under(bt)->kind == TY_POINTER && type_is_interface(type_under(bt)->elem))
		k = 0;
	if (k <= 0) {
		if (k < 0)
			checker_error(c, ast_start(n->u.selector.sel), "ambiguous selector %s.%s", ast_expr_string(lhs), sel);
		else
			checker_error(c, ast_start(n->u.selector.sel), "%s.%s undefined (%s)", ast_expr_string(lhs), sel,
				      no_field_or_method(c, bt, sel));
		invalid(x);
		return;
	}
	if (k == 1) {
		x->mode = (base.mode == M_VAR || s.indirect || bt->kind == TY_POINTER) ? M_VAR : M_VALUE;
		x->type = s.type;
	} else {
		/* a method value: pointer methods need an addressable operand */
		if (s.method && s.method->ptr_recv && !s.indirect && bt->kind != TY_POINTER && base.mode != M_VAR
		    && !type_is_interface(bt)) {
			checker_error(c, n->u.selector.sel->pos, "cannot call pointer method %s on %s", sel, tstr(bt));
			invalid(x);
			return;
		}
		if (s.method && s.method->func)
			record_dep(c, s.method->func);
		x->mode = M_VALUE;
		x->type = s.type;
		if (base.mode == M_VAR && lhs->kind == N_IDENT && lhs->obj && s.method && s.method->ptr_recv)
			((Obj *)lhs->obj)->addr_taken = true;
	}
	record(x);
}

/* ---- composite literals ----------------------------------------------------------- */

static int64_t check_index(Checker *c, Node *n, int64_t max, bool allow_eq);

typedef struct IndexSeen {
	int64_t index;
	int elt; /* position among the elements */
} IndexSeen;

static int cmp_index_seen(const void *a, const void *b)
{
	const IndexSeen *x = a, *y = b;
	if (x->index != y->index)
		return x->index < y->index ? -1 : 1;
	return (x->elt > y->elt) - (x->elt < y->elt);
}

/* The elements of an array or slice literal, as types2's indexedElts: a
 * key is a constant int index below length (-1: no bound), an element
 * without one takes the index after the previous element's, and no index
 * is given twice. Returns the length the elements need. */
static int64_t check_indexed_elts(Checker *c, NodeList *elts, Type *elem, int64_t length)
{
	IndexSeen *seen = GC_MALLOC_ATOMIC(sizeof *seen * (size_t)(elts->len + 1));
	int nseen = 0;
	int64_t index = 0, max = 0;
	for (int i = 0; i < elts->len; i++) {
		Node *e = elts->v[i], *val = e;
		bool valid = false;
		if (e->kind == N_KEYVALUE) {
			int64_t k = check_index(c, e->u.kv.key, length, false);
			if (k >= 0) {
				index = k;
				valid = true;
			} else if (k == -1) {
				checker_error(c, e->pos, "index %s must be integer constant", ast_expr_string(e->u.kv.key));
			}
			val = e->u.kv.value;
		} else if (length >= 0 && index >= length) {
			checker_error(c, ast_start(e), "index %lld is out of bounds (>= %lld)", (long long)index, (long long)length);
		} else {
			valid = true;
		}
		if (valid)
			seen[nseen++] = (IndexSeen){index, i};
		index++;
		if (index > max)
			max = index;
		Operand v;
		check_expr(c, val, &v, elem);
		assign_to(c, &v, elem, "array or slice literal");
	}
	/* a later element at an index already given is the duplicate (at
	 * its colon, or where it starts without a key) */
	qsort(seen, (size_t)nseen, sizeof *seen, cmp_index_seen);
	for (int i = 1; i < nseen; i++)
		if (seen[i].index == seen[i - 1].index)
			checker_error(c, elts->v[seen[i].elt]->pos, "duplicate index %lld in array or slice literal",
				      (long long)seen[i].index);
	return max;
}

/* The constant keys of a map literal, to find one given twice: a value
 * and, for an interface key type, its type (1 and 1.0 differ there). */
typedef struct KeySeen {
	ConstVal *v;
	Type *t;
} KeySeen;

typedef struct KeySet {
	KeySeen *slots;
	size_t mask;
} KeySet;

static uint64_t const_hash(const ConstVal *v)
{
	uint64_t h = 1469598103934665603u;
	switch (v->kind) {
	case CK_BOOL:
		return v->b;
	case CK_STRING:
		for (size_t i = 0; i < v->s.len; i++)
			h = (h ^ (unsigned char)v->s.s[i]) * 1099511628211u;
		return h;
	case CK_COMPLEX:
		return 0; /* rare: one chain, told apart by const_compare */
	default: {
		/* 1 and 1.0 are one key: hash the integer value if there is one */
		if (const_is_int_value(v))
			return (uint64_t)const_to_int64(v) * 0x9E3779B97F4A7C15u;
		double d = 0;
		const_to_double(v, 64, &d);
		memcpy(&h, &d, sizeof h);
		return h * 0x9E3779B97F4A7C15u;
	}
	}
}

/* Adds key (v of type t) to the set; false if it was there already. */
static bool keyset_add(KeySet *ks, ConstVal *v, Type *t, bool iface)
{
	size_t i = (size_t)const_hash(v) & ks->mask;
	for (; ks->slots[i].v; i = (i + 1) & ks->mask) {
		/* keys of one type are of one kind, as const_compare wants */
		KeySeen *k = &ks->slots[i];
		if ((!iface || type_identical(k->t, t)) && const_compare(OP_EQ, k->v, v))
			return false;
	}
	ks->slots[i] = (KeySeen){v, t};
	return true;
}

/* Expressions whose surroundings are already in error are still looked
 * at, as types2's use does: their own errors are reported and their
 * variables count as used (no "declared but not used" follows). A keyed
 * element counts by its value. */
static void use_exprs(Checker *c, NodeList *l, int from)
{
	for (int i = from; i < l->len; i++) {
		Node *e = l->v[i];
		if (e && e->kind == N_KEYVALUE)
			e = e->u.kv.value;
		if (!e)
			continue;
		Operand xs[64];
		check_multi(c, e, xs, 64, false);
	}
}

static void check_complit(Checker *c, Node *n, Operand *x, Type *hint)
{
	Type *t;
	x->expr = n;
	Node *tn = n->u.complit.type;
	if (tn) {
		if (tn->kind == N_ARRAYTYPE && tn->u.array.len->kind == N_ELLIPSIS) {
			/* [...]T: the length is the one its elements need */
			Type *elem = check_type(c, tn->u.array.elem);
			t = type_array(elem, check_indexed_elts(c, &n->u.complit.elts, elem, -1));
			tn->type = t;
			x->mode = M_VALUE;
			x->type = t;
			record(x);
			return;
		} else {
			t = check_type(c, tn);
			if (t && t->kind == TY_INVALID) {
				use_exprs(c, &n->u.complit.elts, 0);
				invalid(x);
				return;
			}
		}
	} else if (hint) {
		t = hint;
	} else {
		checker_error(c, ast_start(n), "invalid composite literal type: missing type");
		invalid(x);
		return;
	}
	Type *u = type_under(t);
	bool ptr_elided = false;
	if (!tn && u && u->kind == TY_POINTER) {
		/* &T elided in [] *T{{...}} */
		ptr_elided = true;
		u = type_under(u->elem);
	}
	/* the literal's type as types2 names it: as written, or when elided
	 * the core type of the element type (T in []*T{{...}}, but the
	 * struct itself in []T{{...}}) */
	Type *base = tn ? t : ptr_elided ? type_under(t)->elem : u;
	switch (u ? u->kind : TY_INVALID) {
	case TY_STRUCT: {
		NodeList *el = &n->u.complit.elts;
		bool keyed = el->len && el->v[0]->kind == N_KEYVALUE;
		/* the unexported fields of another package's struct are not
		 * there for a literal to name or fill */
		bool foreign = base->kind == TY_NAMED && base->pkg && strcmp(base->pkg, c->pkg->name);

		bool *seen = keyed ? GC_MALLOC_ATOMIC((size_t)u->nfields + 1) : NULL;
		if (seen)
			memset(seen, 0, (size_t)u->nfields + 1);
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			Operand v;
			if (keyed) {
				if (e->kind != N_KEYVALUE) {
					checker_error(c, ast_start(e), "mixture of field:value and value elements in struct literal");
					continue;
				}
				if (e->u.kv.key->kind != N_IDENT) {
					check_expr(c, e->u.kv.value, &v, NULL);
					checker_error(c, e->pos, "invalid field name %s in struct literal",
						      ast_expr_string(e->u.kv.key));
					continue;
				}
				const char *fname = e->u.kv.key->u.ident.name;
				int fi = -1;
				for (int k = 0; k < u->nfields; k++)
					if (u->fields[k].name && !strcmp(u->fields[k].name, fname)
					    && !(foreign && !(fname[0] >= 'A' && fname[0] <= 'Z')))
						fi = k;
				if (fi < 0) {
					checker_error(c, ast_start(e->u.kv.key), "unknown field '%s' in struct literal of type %s",
						      fname, tstr(base));
					check_expr(c, e->u.kv.value, &v, NULL);
					continue;
				}
				e->u.kv.key->type = u->fields[fi].type;
				e->u.kv.key->cv = const_int64(fi);
				check_expr(c, e->u.kv.value, &v, u->fields[fi].type);
				assign_to(c, &v, u->fields[fi].type, "struct literal");
				if (seen[fi])
					checker_error(c, e->pos, "duplicate field name %s in struct literal", fname);
				seen[fi] = true;
			} else {
				if (e->kind == N_KEYVALUE) {
					/* types2 reports a key: value at its colon */
					checker_error(c, e->pos, "mixture of field:value and value elements in struct literal");
					continue;
				}
				if (i >= u->nfields) {
					/* types2 checks no element after the first extra one */
					check_expr(c, e, &v, NULL);
					checker_error(c, ast_start(e), "too many values in %s{…}", tstr(base));
					break;
				}
				check_expr(c, e, &v, u->fields[i].type);
				const char *fname = u->fields[i].name;
				if (foreign && fname && !(fname[0] >= 'A' && fname[0] <= 'Z')) {
					checker_error(c, ast_start(e), "implicit assignment to unexported field %s in %s literal",
						      fname, tstr(t));
					continue;
				}
				assign_to(c, &v, u->fields[i].type, "struct literal");
			}
		}
		if (!keyed && el->len && el->len < u->nfields)
			checker_error(c, n->end.line ? n->end : n->pos, "too few values in %s{…}", tstr(base));
		break;
	}
	case TY_ARRAY:
	case TY_SLICE:
		check_indexed_elts(c, &n->u.complit.elts, u->elem, u->kind == TY_ARRAY ? u->len : -1);
		break;
	case TY_MAP: {
		NodeList *el = &n->u.complit.elts;
		bool iface = type_is_interface(u->key);
		size_t cap = 16;
		while (cap < (size_t)el->len * 2)
			cap *= 2;
		KeySet keys = {GC_MALLOC(sizeof(KeySeen) * cap), cap - 1};
		for (int i = 0; i < el->len; i++) {
			Node *e = el->v[i];
			Operand k, v;
			if (e->kind != N_KEYVALUE) {
				checker_error(c, ast_start(e), "missing key in map literal");
				check_expr(c, e, &v, u->elem);
				continue;
			}
			check_expr(c, e->u.kv.key, &k, u->key);
			bool key_ok = k.mode != M_INVALID && assign_to(c, &k, u->key, "map literal");
			if (!key_ok)
				continue; /* types2 leaves the value of a bad key unchecked */
			if (k.mode == M_CONST && !keyset_add(&keys, k.cv, k.type, iface)) {
				/* and that of a duplicate */
				checker_error(c, ast_start(e->u.kv.key), "duplicate key %s in map literal", const_string_of(k.cv));
				continue;
			}
			check_expr(c, e->u.kv.value, &v, u->elem);
			assign_to(c, &v, u->elem, "map literal");
		}
		break;
	}
	default:
		if (u && u->kind != TY_INVALID)
			checker_error(c, ast_start(n), "invalid composite literal type %s", tstr(t));
		invalid(x);
		return;
	}
	(void)ptr_elided;
	x->mode = M_VALUE;
	x->type = t;
	record(x);
}

/* ---- operators ------------------------------------------------------------------ */

static bool is_comparison(Op op)
{
	return op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
}

/* Does operator op apply to operands of type t? */
static bool op_allowed(Op op, Type *t)
{
	switch (op) {
	case OP_ADD:
		return type_is_numeric(t) || type_is_string(t);
	case OP_SUB: case OP_MUL: case OP_DIV:
		return type_is_numeric(t);
	case OP_REM: case OP_AND: case OP_OR: case OP_XOR: case OP_ANDNOT:
		return type_is_integer(t);
	case OP_ANDAND: case OP_OROR:
		return type_is_boolean(t);
	default:
		return true;
	}
}

/* The name types2 gives the operation of n when its constant result
 * grows too big. */
static const char *op_name(Node *n)
{
	if (n->kind == N_UNARY)
		return n->u.op.op == OP_XOR ? "bitwise complement" : "";
	if (n->kind != N_BINARY)
		return "";
	switch (n->u.op.op) {
	case OP_ADD: return "addition";
	case OP_SUB: return "subtraction";
	case OP_XOR: return "bitwise XOR";
	case OP_MUL: return "multiplication";
	case OP_SHL: return "shift";
	default: return "";
	}
}

/* x, of node n (an operation), becomes the constant r. A typed constant
 * must be representable in its type (and is rounded to it, for floats);
 * an untyped integer may not grow past 512 bits. Else the error is
 * types2's: "c * 2 (constant 200 of type int8) overflows int8",
 * "constant shift overflow" (at the operator). */
static void const_result(Checker *c, Node *n, Operand *x, ConstVal *r)
{
	x->cv = r;
	x->expr = n;
	if (!type_is_untyped(x->type)) {
		const char *why;
		ConstVal *v = r;
		if (!representable(&v, x->type, &why)) {
			checker_error(c, ast_start(n), "%s overflows %s", operand_string(x), tstr(type_under(x->type)));
			invalid(x);
			return;
		}
		x->cv = v;
	} else if (r->kind == CK_INT && mpz_sizeinbase(r->i, 2) > 512) {
		checker_error(c, n->pos, "constant %s overflow", op_name(n));
		invalid(x);
		return;
	}
	record(x);
}


/* types2 names the whole shift when its untyped constant operand ends up
 * with a type that cannot shift. */
static void report_shift_of_type(Checker *c, Node *shift, Type *t)
{
	checker_error(c, ast_start(shift->u.op.x), "invalid operation: %s (shift of type %s)", ast_expr_string(shift), tstr(t));
}

/* Report each shift of an untyped constant in n, a value the checker left
 * untyped (1<<i + 1, see type_shifted_constant), converted to t, a type
 * that cannot shift. */
static void report_untyped_shifts(Checker *c, Node *n, Type *t)
{
	n = ast_unparen(n);
	if (!n->type || !type_is_untyped(n->type))
		return;
	if (n->kind == N_UNARY) {
		report_untyped_shifts(c, n->u.op.x, t);
	} else if (n->kind == N_BINARY && (n->u.op.op == OP_SHL || n->u.op.op == OP_SHR)) {
		report_shift_of_type(c, n, t);
	} else if (n->kind == N_BINARY) {
		report_untyped_shifts(c, n->u.op.x, t);
		report_untyped_shifts(c, n->u.op.y, t);
	}
}

/* The left operand of a non-constant shift, an untyped constant, takes
 * the type it would have if the shift were replaced by it alone: the type
 * the context gives it, or else its default type (1.0 << n is a float64
 * shift). Returns false when x is done with: reported and invalid, or left
 * an untyped value for the context to report (var s string = 1 << n is
 * "cannot use 1 << n (untyped int value) as string value"; string(1 << n)
 * is reported by the conversion). */
static bool type_shifted_constant(Checker *c, Node *n, Operand *x, Type *hint)
{
	if (x->mode == M_CONST && !const_is_int_value(x->cv)) {
		checker_error(c, ast_start(x->expr), "invalid operation: shifted operand %s must be integer", operand_string(x));
		invalid(x);
		return false;
	}
	Type *target = hint && !type_is_untyped(hint) && !type_is_interface(hint) ? hint : type_default(x->type);
	if (!type_is_numeric(target)) {
		x->mode = M_VALUE;
		x->expr = n;
		record(x);
		return false;
	}
	if (!type_is_integer(target)) {
		report_shift_of_type(c, n, target);
		invalid(x);
		return false;
	}
	/* an integer value that overflows target */
	return convert_untyped_report(c, x, target);
}

static void check_shift(Checker *c, Node *n, Operand *x, Operand *y, Type *hint)
{
	/* the shifted operand: an integer, or a constant with an integer value */
	if (!type_is_integer(x->type)
	    && !(x->mode == M_CONST && type_is_untyped(x->type) && type_is_numeric(x->type) && const_is_int_value(x->cv))) {
		checker_error(c, ast_start(x->expr), "invalid operation: shifted operand %s must be integer", operand_string(x));
		invalid(x);
		return;
	}
	/* the count: an integer, or an untyped constant a uint can hold */
	if (y->mode == M_CONST && type_is_numeric(y->type) && const_is_int_value(y->cv) && const_sign(y->cv) < 0) {
		checker_error(c, ast_start(y->expr), "invalid operation: negative shift count %s", operand_string(y));
		invalid(x);
		return;
	}
	Operand y0 = *y; /* types2 names the count untyped in what follows */
	if (y->mode == M_CONST && type_is_untyped(y->type)) {
		if (!convert_untyped_report(c, y, type_basic[TY_UINT])) {
			invalid(x);
			return;
		}
	} else if (!type_is_integer(y->type)) {
		checker_error(c, ast_start(y->expr), "invalid operation: shift count %s must be integer", operand_string(y));
		invalid(x);
		return;
	} else if (type_is_untyped(y->type)) {
		convert_untyped(c, y, type_basic[TY_UINT]);
	}
	if (x->mode == M_CONST && y->mode == M_CONST) {
		/* as far as the smallest float64 needs (Go's bound) */
		if (!const_fits_int(y->cv, 64, true) || const_to_uint64(y->cv) > 1023 - 1 + 52) {
			checker_error(c, ast_start(y->expr), "invalid operation: invalid shift count %s", operand_string(&y0));
			invalid(x);
			return;
		}
		/* 2.0 << 1 is an untyped int */
		if (!type_is_integer(x->type))
			x->type = type_basic[TY_UNTYPED_INT];
		const_result(c, n, x, const_shift(n->u.op.op, x->cv, const_to_uint64(y->cv)));
		return;
	}
	if (type_is_untyped(x->type)) {
		if (!type_shifted_constant(c, n, x, hint))
			return;
	}
	if (!type_is_integer(x->type)) {
		checker_error(c, ast_start(x->expr), "invalid operation: shifted operand %s must be integer", operand_string(x));
		invalid(x);
		return;
	}
	x->mode = M_VALUE;
	x->expr = n;
	record(x);
}

/* types2's kindString: the kind of a type, as "operator < not defined on
 * struct" names it; a basic type by its name. */
static const char *kind_string(Type *t)
{
	switch (type_under(t)->kind) {
	case TY_ARRAY: return "array";
	case TY_SLICE: return "slice";
	case TY_STRUCT: return "struct";
	case TY_POINTER: return "pointer";
	case TY_FUNC: return "func";
	case TY_INTERFACE: return "interface";
	case TY_MAP: return "map";
	case TY_CHAN: return "chan";
	default: return tstr(t);
	}
}

const char *incomparable_cause(Type *t)
{
	Type *u = type_under(t);
	switch (u->kind) {
	case TY_SLICE:
	case TY_FUNC:
	case TY_MAP:
		return str_printf("%s can only be compared to nil", kind_string(t));
	case TY_STRUCT:
		for (int i = 0; i < u->nfields; i++)
			if (!type_comparable(u->fields[i].type))
				return str_printf("struct containing %s cannot be compared", tstr(u->fields[i].type));
		break;
	case TY_ARRAY:
		if (!type_comparable(u->elem))
			return str_printf("%s cannot be compared", tstr(u));
		break;
	default:
		break;
	}
	return str_printf("operator == not defined on %s", kind_string(t));
}

/* May values of types xt and yt (typed) be compared: is one assignable
 * to the other? */
bool comparison_types_match(Type *xt, Type *yt)
{
	if (type_identical(xt, yt))
		return true;
	/* an interface compared with a value that implements it */
	const char *m;
	bool po;
	if ((type_is_interface(xt) && type_implements(yt, xt, &m, &po))
	    || (type_is_interface(yt) && type_implements(xt, yt, &m, &po)))
		return true;
	/* a named and an unnamed type with the same underlying type */
	Type *xu = type_under(xt), *yu = type_under(yt);
	if ((xt->kind != TY_NAMED || yt->kind != TY_NAMED) && xu->kind > TY_UNTYPED_NIL && type_identical(xu, yu))
		return true;
	/* a bidirectional channel and a directional one */
	return xu->kind == TY_CHAN && yu->kind == TY_CHAN && type_identical(xu->elem, yu->elem)
	       && (xu->chandir == 0 || yu->chandir == 0);
}

/* types2's canMix: may the operands of a binary operation be brought to
 * one type (booleans with booleans, strings with strings, nil with what
 * has nil; anything with an interface)? */
static bool can_mix(Operand *x, Operand *y)
{
	if (type_is_interface(x->type) || type_is_interface(y->type))
		return true;
	if (type_is_boolean(x->type) != type_is_boolean(y->type) || type_is_string(x->type) != type_is_string(y->type))
		return false;
	if (x->mode == M_NIL && !type_nillable(y->type))
		return false;
	return !(y->mode == M_NIL && !type_nillable(x->type));
}

/* Could n be an untyped non-constant value built from a shift (1<<i,
 * 1<<i + 1, -(1<<i)), whose constant takes its type from where n is? */
static bool may_be_untyped_shift(Node *n)
{
	n = ast_unparen(n);
	if (n->kind == N_UNARY)
		return (n->u.op.op == OP_ADD || n->u.op.op == OP_SUB || n->u.op.op == OP_XOR) && may_be_untyped_shift(n->u.op.x);
	if (n->kind != N_BINARY || is_comparison(n->u.op.op) || n->u.op.op == OP_ANDAND || n->u.op.op == OP_OROR)
		return false;
	if (n->u.op.op == OP_SHL || n->u.op.op == OP_SHR)
		return true;
	return may_be_untyped_shift(n->u.op.x) || may_be_untyped_shift(n->u.op.y);
}

static void check_binary(Checker *c, Node *n, Operand *x, Type *hint)
{
	Op op = n->u.op.op;
	Operand y;
	bool shift = op == OP_SHL || op == OP_SHR;
	if (shift) {
		/* the shifted operand's type is the context's */
		check_expr(c, n->u.op.x, x, hint);
		check_expr(c, n->u.op.y, &y, NULL);
	} else {
		/* An untyped constant shifted by a non-constant count takes the
		 * type its place gives it: the other operand's here (v | 1<<i,
		 * 1<<i == v), else the context's (not a comparison's, whose
		 * result is a bool). The operand that cannot be such a shift is
		 * checked first, so its type is known; errors are sorted by
		 * position, so the order is not seen. */
		Type *ctx = is_comparison(op) ? NULL : hint;
		bool y_first = may_be_untyped_shift(n->u.op.x) && !may_be_untyped_shift(n->u.op.y);
		Operand *first = y_first ? &y : x, *second = y_first ? x : &y;
		check_expr(c, y_first ? n->u.op.y : n->u.op.x, first, ctx);
		Type *other = first->mode != M_INVALID && !type_is_untyped(first->type) ? first->type : ctx;
		check_expr(c, y_first ? n->u.op.x : n->u.op.y, second, other);
	}
	if (x->mode == M_INVALID || y.mode == M_INVALID) {
		invalid(x);
		x->expr = n;
		return;
	}
	if (op == OP_SHL || op == OP_SHR) {
		check_shift(c, n, x, &y, hint);
		return;
	}
	/* bring an untyped operand to the other's type, when their kinds
	 * may mix (else it is a mismatch): then failing is the conversion's
	 * error ("200 (untyped int constant) overflows int8") */
	if (type_is_untyped(x->type) && !type_is_untyped(y.type)) {
		if (!can_mix(x, &y))
			goto mismatch;
		if (!convert_untyped_report(c, x, y.type)) {
			x->expr = n;
			return;
		}
	} else if (type_is_untyped(y.type) && !type_is_untyped(x->type)) {
		if (!can_mix(x, &y))
			goto mismatch;
		if (!convert_untyped_report(c, &y, x->type)) {
			invalid(x);
			x->expr = n;
			return;
		}
	} else if (type_is_untyped(x->type) && type_is_untyped(y.type)) {
		bool xn = x->mode == M_NIL, yn = y.mode == M_NIL;
		if (xn || yn) {
			if (xn && yn && is_comparison(op)) {
				/* == and != find untyped nil has no nil at the
				 * second operand, an order the first */
				bool eq = op == OP_EQ || op == OP_NE;
				checker_error(c, ast_start(eq ? n->u.op.y : n->u.op.x),
					      "invalid operation: %s (operator %s not defined on untyped nil)",
					      ast_expr_string(n), op_text(op));
				invalid(x);
				return;
			}
			if (xn && yn) {
				checker_error(c, ast_start(n), "invalid operation: operator %s not defined on nil", op_text(op));
				invalid(x);
				return;
			}
			goto mismatch;
		}
		bool same_class = (type_is_numeric(x->type) && type_is_numeric(y.type))
				  || (type_is_string(x->type) && type_is_string(y.type))
				  || (type_is_boolean(x->type) && type_is_boolean(y.type));
		if (!same_class)
			goto mismatch;
		Type *big = x->type->kind >= y.type->kind ? x->type : y.type;
		if (type_is_numeric(big)) {
			convert_untyped(c, x, big);
			convert_untyped(c, &y, big);
		}
	}
	if (is_comparison(op)) {
		Type *xt = x->type, *yt = y.type;
		if (x->mode == M_NIL || y.mode == M_NIL) {
			Operand *other = x->mode == M_NIL ? &y : x;
			if (!type_nillable(other->type))
				goto mismatch;
			if (op != OP_EQ && op != OP_NE) {
				/* nil took the other's type: the first operand is
				 * not ordered */
				checker_error(c, ast_start(n->u.op.x), "invalid operation: %s (operator %s not defined on %s)",
					      ast_expr_string(n), op_text(op), kind_string(other->type));
				invalid(x);
				return;
			}
		} else {
			if (!comparison_types_match(xt, yt))
				goto mismatch;
			/* the operand that cannot be compared or ordered is
			 * where types2 reports it */
			bool eq = op == OP_EQ || op == OP_NE;
			Operand *bad = eq ? (!type_comparable(xt) ? x : !type_comparable(yt) ? &y : NULL)
					  : (!type_ordered(xt) ? x : !type_ordered(yt) ? &y : NULL);
			if (bad) {
				const char *cause = eq ? incomparable_cause(bad->type)
						       : str_printf("operator %s not defined on %s", op_text(op), kind_string(bad->type));
				checker_error(c, ast_start(bad->expr), "invalid operation: %s (%s)", ast_expr_string(n), cause);
				invalid(x);
				return;
			}
		}
		if (x->mode == M_CONST && y.mode == M_CONST) {
			x->cv = const_bool(const_compare(op, x->cv, y.cv));
		} else {
			x->mode = M_VALUE;
			/* both sides are now typed: record them for the compiler */
			use_default(c, x);
			use_default(c, &y);
		}
		x->type = type_basic[TY_UNTYPED_BOOL];
		x->expr = n;
		record(x);
		return;
	}
	if (!type_identical(x->type, y.type))
		goto mismatch;
	if (!op_allowed(op, x->type)) {
		checker_error(c, ast_start(n), "invalid operation: operator %s not defined on %s", op_text(op), operand_string(x));
		invalid(x);
		return;
	}
	if (x->mode == M_CONST && y.mode == M_CONST) {
		bool divzero;
		bool intdiv = type_is_integer(x->type);
		ConstVal *r = const_binary(op, x->cv, y.cv, intdiv, &divzero);
		if (!r) {
			if (divzero)
				checker_error(c, ast_start(n->u.op.y), "invalid operation: division by zero");
			invalid(x);
			return;
		}
		const_result(c, n, x, r);
		return;
	}
	if ((op == OP_DIV || op == OP_REM) && y.mode == M_CONST && type_is_integer(x->type) && const_sign(y.cv) == 0) {
		checker_error(c, ast_start(n->u.op.y), "invalid operation: division by zero");
		invalid(x);
		return;
	}
	x->mode = M_VALUE;
	x->expr = n;
	record(x);
	return;

mismatch:
	/* a comparison's mismatch is only known at its second operand */
	checker_error(c, is_comparison(op) ? ast_start(n->u.op.y) : ast_start(n), "invalid operation: %s%s%s (mismatched types %s and %s)",
		      n == c->assign_op ? ast_expr_string(n->u.op.x) : ast_expr_string(n),
		      n == c->assign_op ? str_printf(" %s= ", op_text(op)) : "",
		      n == c->assign_op ? ast_expr_string(n->u.op.y) : "",
		      x->mode == M_NIL ? "untyped nil" : tstr(x->type), y.mode == M_NIL ? "untyped nil" : tstr(y.type));
	invalid(x);
	x->expr = n;
}

static void check_unary(Checker *c, Node *n, Operand *x, Type *hint)
{
	Op op = n->u.op.op;
	if (op == OP_AND) {
		Node *inner = ast_unparen(n->u.op.x);
		if (inner->kind == N_COMPOSITELIT) {
			Type *h = hint && type_under(hint)->kind == TY_POINTER ? type_under(hint)->elem : NULL;
			check_expr(c, inner, x, h);
		} else {
			check_expr(c, n->u.op.x, x, NULL);
			if (x->mode != M_INVALID && x->mode != M_VAR) {
				checker_error(c, ast_start(n->u.op.x), "invalid operation: cannot take address of %s", operand_string(x));
				invalid(x);
				return;
			}
			if (inner->kind == N_IDENT && inner->obj)
				((Obj *)inner->obj)->addr_taken = true;
		}
		if (x->mode == M_INVALID)
			return;
		x->mode = M_VALUE;
		x->type = type_pointer(x->type);
		x->expr = n;
		record(x);
		return;
	}
	if (op == OP_RECV) {
		check_expr(c, n->u.op.x, x, NULL);
		if (x->mode == M_INVALID)
			return;
		Type *u = type_under(x->type);
		if (!u || u->kind != TY_CHAN) {
			checker_error(c, ast_start(n->u.op.x), "invalid operation: cannot receive from non-channel %s", operand_string(x));
			invalid(x);
			return;
		}
		if (u->chandir == 1) {
			checker_error(c, ast_start(n->u.op.x), "invalid operation: cannot receive from send-only channel %s", operand_string(x));
			invalid(x);
			return;
		}
		x->mode = M_COMMAOK;
		x->type = u->elem;
		x->expr = n;
		record(x);
		return;
	}
	check_expr(c, n->u.op.x, x, hint);
	if (x->mode == M_INVALID)
		return;
	bool ok = op == OP_NOT ? type_is_boolean(x->type)
		  : op == OP_XOR ? type_is_integer(x->type) : type_is_numeric(x->type);
	if (!ok) {
		checker_error(c, ast_start(n->u.op.x), "invalid operation: operator %s not defined on %s", op_text(op), operand_string(x));
		invalid(x);
		return;
	}
	if (x->mode == M_CONST) {
		bool uns = !type_is_untyped(x->type) && type_is_unsigned(x->type);
		ConstVal *r = const_unary(op, x->cv, uns ? type_bits(x->type) : 0, uns);
		if (!r) {
			invalid(x);
			return;
		}
		const_result(c, n, x, r);
		return;
	}
	x->mode = M_VALUE;
	x->expr = n;
	record(x);
}

/* ---- index and slice ------------------------------------------------------------- */

/* Check an index (or a size for make), as types2's index and
 * isValidIndex: an untyped constant becomes an int first, so the
 * messages that follow call it a "constant of type int". max is the
 * length it must stay below (or not exceed, allow_eq), -1 if none.
 * Returns its constant value, -1 if it is not constant, -2 if it was
 * reported. */
static int64_t check_index(Checker *c, Node *n, int64_t max, bool allow_eq)
{
	Operand i;
	/* an index is an int: 1.0 << n is an int shift here */
	check_expr(c, n, &i, type_basic[TY_INT]);
	if (!convert_untyped_report(c, &i, type_basic[TY_INT]))
		return -2;
	if (!type_is_integer(i.type)) {
		checker_error(c, ast_start(n), "invalid argument: index %s must be integer", operand_string(&i));
		return -2;
	}
	if (i.mode != M_CONST)
		return -1;
	if (const_sign(i.cv) < 0) {
		checker_error(c, ast_start(n), "invalid argument: index %s must not be negative", operand_string(&i));
		return -2;
	}
	if (!const_fits_int(i.cv, 64, false)) {
		checker_error(c, ast_start(n), "invalid argument: index %s overflows int", operand_string(&i));
		return -2;
	}
	int64_t v = const_to_int64(i.cv);
	if (max >= 0 && (allow_eq ? v > max : v >= max)) {
		checker_error(c, ast_start(n), "invalid argument: index %s out of bounds [0:%lld]", const_string_of(i.cv),
			      (long long)(allow_eq ? max + 1 : max));
		return -2;
	}
	return v;
}

/* Where the '[' after x is: types2 reports some index errors there. The
 * tree does not keep it; it is taken to follow x directly: past the ) or }
 * that ends a call or literal, or past the text of a name or a chain of
 * selectors of names (all on one line, nothing between the tokens). */
static Pos bracket_pos(Node *x)
{
	if ((x->kind == N_CALL || x->kind == N_COMPOSITELIT) && x->end.line) {
		/* just past the closing ) or } */
		Pos p = x->end;
		p.col++;
		return p;
	}
	Node *e = x;
	while (e->kind == N_SELECTOR)
		e = e->u.selector.x;
	if (e->kind != N_IDENT)
		return ast_start(x);
	Pos p = ast_start(x);
	p.col += (int)strlen(ast_expr_string(x));
	return p;
}

static void check_index_expr(Checker *c, Node *n, Operand *x)
{
	check_expr(c, n->u.index.x, x, NULL);
	if (x->mode == M_INVALID) {
		Operand i;
		check_expr(c, n->u.index.index, &i, NULL); /* (its variables used) */
		x->expr = n;
		invalid(x);
		return;
	}
	Type *t = x->type, *u = type_under(t);
	if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) {
		u = type_under(u->elem);
		x->mode = M_VAR;
	}
	switch (u->kind) {
	case TY_STRING:
	case TY_UNTYPED_STRING: {
		int64_t max = x->mode == M_CONST ? (int64_t)x->cv->s.len : -1;
		int64_t idx = check_index(c, n->u.index.index, max, false);
		if (x->mode == M_CONST && idx >= 0) {
			x->mode = M_VALUE; /* indexing a constant string is not constant */
		} else {
			x->mode = M_VALUE;
		}
		x->type = type_byte;
		break;
	}
	case TY_ARRAY:
		check_index(c, n->u.index.index, u->len, false);
		if (x->mode != M_VAR)
			x->mode = M_VALUE;
		x->type = u->elem;
		break;
	case TY_SLICE:
		check_index(c, n->u.index.index, -1, false);
		x->mode = M_VAR;
		x->type = u->elem;
		break;
	case TY_MAP: {
		Operand k;
		check_expr(c, n->u.index.index, &k, u->key);
		assign_to(c, &k, u->key, "map index");
		x->mode = M_MAPINDEX;
		x->type = u->elem;
		break;
	}
	default:
		checker_error(c, bracket_pos(n->u.index.x), "invalid operation: cannot index %s", operand_string(x));
		invalid(x);
		x->expr = n;
		return;
	}
	x->expr = n;
	record(x);
}

static void check_slice_expr(Checker *c, Node *n, Operand *x)
{
	Node *parts[3] = {n->u.slice.lo, n->u.slice.hi, n->u.slice.max};
	check_expr(c, n->u.slice.x, x, NULL);
	if (x->mode == M_INVALID) {
		/* the indices are still checked (and their variables used) */
		for (int i = 0; i < 3; i++) {
			Operand e;
			if (parts[i])
				check_expr(c, parts[i], &e, NULL);
		}
		x->expr = n;
		return;
	}
	Type *u = type_under(x->type);
	Type *result = x->type;
	int64_t cap = -1;
	if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY) {
		u = type_under(u->elem);
		result = type_slice(u->elem);
		cap = u->len;
	} else if (u->kind == TY_ARRAY) {
		if (x->mode != M_VAR) {
			checker_error(c, ast_start(n->u.slice.x), "invalid operation: %s (slice of unaddressable value)",
				      operand_string(x));
			invalid(x);
			return;
		}
		result = type_slice(u->elem);
		cap = u->len;
	} else if (u->kind == TY_STRING || u->kind == TY_UNTYPED_STRING) {
		if (n->u.slice.three) {
			checker_error(c, ast_start(n->u.slice.max ? n->u.slice.max : n), "invalid operation: 3-index slice of string");
			invalid(x);
			return;
		}
		result = u->kind == TY_UNTYPED_STRING ? type_basic[TY_STRING] : x->type;
		if (x->mode == M_CONST)
			cap = (int64_t)x->cv->s.len;
	} else if (u->kind != TY_SLICE) {
		checker_error(c, ast_start(n->u.slice.x), "invalid operation: cannot slice %s", operand_string(x));
		invalid(x);
		return;
	}
	int64_t vals[3] = {-1, -1, -1};
	for (int i = 0; i < 3; i++)
		if (parts[i])
			vals[i] = check_index(c, parts[i], cap, true);
	for (int i = 0; i < 3; i++)
		for (int j = i + 1; j < 3; j++)
			if (vals[i] >= 0 && vals[j] >= 0 && vals[i] > vals[j])
				checker_error(c, ast_start(parts[j]), "invalid slice indices: %lld < %lld", (long long)vals[j], (long long)vals[i]);
	x->mode = M_VALUE;
	x->type = result;
	x->expr = n;
	record(x);
}

/* ---- calls --------------------------------------------------------------------------- */

static void check_builtin(Checker *c, Node *n, Builtin bi, Operand *x, Type *hint);

/* Arguments against a signature; handles f(g()) with multiple results. */
static void check_args(Checker *c, Node *call, Type *sig, const char *fname)
{
	NodeList *args = &call->u.call.args;
	if (list_too_long(c, ast_start(call), args->len, "arguments in one call")) {
		for (int i = 0; i < args->len; i++) { /* their names are used */
			Operand t;
			check_expr(c, args->v[i], &t, NULL);
		}
		return;
	}
	Operand ops[64];
	int nops = 0;
	/* f(g()) passes all of g's results, whatever f takes ("too many
	 * arguments", not a multiple value in a single-value context); a
	 * builtin's call keeps its hint */
	Node *only = args->len == 1 ? ast_unparen(args->v[0]) : NULL;
	bool spread = only && only->kind == N_CALL;
	if (spread && sig->nfields <= 1 && !sig->variadic) {
		Node *fn = ast_unparen(only->u.call.fun);
		Obj *o = fn->kind == N_IDENT ? scope_lookup(c->scope, fn->u.ident.name, NULL) : NULL;
		spread = !(o && o->kind == OBJ_BUILTIN);
	}
	if (spread) {
		nops = check_values(c, args->v[0], ops, 64, false);
		if (nops < 0)
			return;
	} else {
		for (int i = 0; i < args->len && i < 64; i++) {
			Type *h = NULL;
			if (i < sig->nfields)
				h = sig->fields[i].type;
			if (sig->variadic && i >= sig->nfields - 1)
				h = call->u.call.ellipsis ? sig->fields[sig->nfields - 1].type
							  : sig->fields[sig->nfields - 1].type->elem;
			check_expr(c, args->v[i], &ops[nops], h);
			nops++;
		}
	}
	for (int i = 0; i < nops; i++)
		if (ops[i].mode == M_INVALID)
			return;
	int np = sig->nfields;
	bool variadic = sig->variadic && !call->u.call.ellipsis;
	if (call->u.call.ellipsis && !sig->variadic) {
		checker_error(c, ast_start(call), "cannot use ... in call to non-variadic %s", fname);
		return;
	}
	bool count_ok = variadic ? nops >= np - 1 : nops == np;
	if (!count_ok) {
		char have[512] = "(", want[512];
		for (int i = 0; i < nops; i++) {
			const char *ts = summary_type(&ops[i]);
			snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s", i ? ", " : "", ts);
		}
		strcat(have, ")");
		/* want lists the parameters' types only */
		Type tmp = *sig;
		tmp.nresults = 0;
		tmp.fields = GC_MALLOC(sizeof(Field) * (size_t)(sig->nfields + 1));
		for (int i = 0; i < sig->nfields; i++)
			tmp.fields[i].type = sig->fields[i].type;
		char *w = type_string(&tmp, false) + 4; /* drop "func" */
		snprintf(want, sizeof want, "%s", w);
		Pos at = nops < np ? (args->len ? ast_start(args->v[args->len - 1]) : ast_start(call))
				   : ast_start(args->v[args->len > np ? np : 0]);
		if (args->len == 1 && nops > 1)
			at = ast_start(args->v[0]);
		checker_error(c, at, "%s arguments in call to %s\n\thave %s\n\twant %s",
			      nops < np ? "not enough" : "too many", fname, have, want);
		return;
	}
	for (int i = 0; i < nops; i++) {
		Type *pt;
		if (sig->variadic && i >= np - 1)
			pt = variadic ? sig->fields[np - 1].type->elem : sig->fields[np - 1].type;
		else
			pt = sig->fields[i].type;
		char ctx[300];
		snprintf(ctx, sizeof ctx, "argument to %s", fname);
		assign_to(c, &ops[i], pt, ctx);
	}
}

static void check_conversion(Checker *c, Node *n, Type *t, Operand *x)
{
	if (n->u.call.ellipsis && n->u.call.args.len == 1) {
		Operand e;
		check_expr(c, n->u.call.args.v[0], &e, NULL);
		checker_error(c, ast_start(n->u.call.args.v[0]), "invalid use of ... in type conversion to %s", tstr(t));
		invalid(x);
		return;
	}
	if (n->u.call.args.len != 1) {
		/* too many: at the first one too many, as types2 says it */
		checker_error(c, n->u.call.args.len > 1 ? ast_start(n->u.call.args.v[1]) : ast_start(n),
			      n->u.call.args.len ? "too many arguments in conversion to %s"
						 : "missing argument in conversion to %s", tstr(t));
		invalid(x);
		return;
	}
	check_expr(c, n->u.call.args.v[0], x, t);
	if (x->mode == M_INVALID)
		return;
	Type *from = x->type, *tu = type_under(t), *fu = type_under(from);
	if (x->mode == M_VALUE && type_is_untyped(from) && type_is_numeric(from) && !type_is_numeric(tu)
	    && tu->kind != TY_INTERFACE) {
		/* string(1 << i): the shift's constant would be a string */
		report_untyped_shifts(c, n->u.call.args.v[0], t);
		invalid(x);
		return;
	}
	bool ok = false;
	if (x->mode == M_CONST && !type_is_interface(t) && (tu->kind <= TY_UNTYPED_NIL)) {
		/* constant conversion: representable, or int -> string */
		if (type_is_integer(from) && type_is_string(tu)) {
			int64_t r = const_fits_int(x->cv, 32, false) ? const_to_int64(x->cv) : 0xFFFD;
			char buf[8];
			int len = 0;
			if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000))
				r = 0xFFFD;
			if (r < 0x80) buf[len++] = (char)r;
			else if (r < 0x800) { buf[len++] = (char)(0xC0 | (r >> 6)); buf[len++] = (char)(0x80 | (r & 0x3F)); }
			else if (r < 0x10000) { buf[len++] = (char)(0xE0 | (r >> 12)); buf[len++] = (char)(0x80 | ((r >> 6) & 0x3F)); buf[len++] = (char)(0x80 | (r & 0x3F)); }
			else { buf[len++] = (char)(0xF0 | (r >> 18)); buf[len++] = (char)(0x80 | ((r >> 12) & 0x3F)); buf[len++] = (char)(0x80 | ((r >> 6) & 0x3F)); buf[len++] = (char)(0x80 | (r & 0x3F)); }
			x->cv = const_string((Str){ast_strndup(buf, (size_t)len), (size_t)len});
			x->type = t;
			x->expr = n;
			record(x);
			return;
		}
		const char *why;
		ConstVal *v = x->cv;
		bool kinds = (type_is_numeric(from) && type_is_numeric(tu)) || (type_is_string(from) && type_is_string(tu))
			     || (type_is_boolean(from) && type_is_boolean(tu));
		if (kinds) {
			/* Go 1.19 gives no reason (overflows, truncated) here */
			if ((type_is_integer(tu) && !const_is_int_value(v)) || !representable(&v, t, &why)) {
				/* a value converted to an integer type is shown as
				 * the integer it is, when it is one (types2 has
				 * made it one by then): 1e19 as 10000000000000000000 */
				Operand shown = *x;
				if (type_is_integer(tu))
					shown.cv = const_to_int_value(x->cv);
				checker_error(c, ast_start(n->u.call.args.v[0]), "cannot convert %s to type %s",
					      operand_string(&shown), tstr(t));
				invalid(x);
				return;
			}
			x->cv = v;
			x->type = t;
			x->expr = n;
			record(x);
			return;
		}
	}
	/* the error names the argument as written (an untyped constant
	 * stays untyped), not as its default type */
	Operand orig = *x;
	if (type_is_untyped(from)) {
		if (x->mode == M_NIL) {
			ok = type_nillable(t);
		} else {
			Operand saved = *x;
			use_default(c, x);
			if (x->mode == M_INVALID)
				*x = saved;
			from = x->type;
			fu = type_under(from);
		}
	}
	if (!ok) {
		const char *m;
		bool po;
		if (type_identical_ignoring_tags(fu, tu))
			ok = true;
		else if (fu->kind == TY_POINTER && tu->kind == TY_POINTER && from->kind != TY_NAMED && t->kind != TY_NAMED
			 && type_identical(type_under(fu->elem), type_under(tu->elem)))
			ok = true;
		else if ((type_is_integer(fu) || type_is_float(fu)) && (type_is_integer(tu) || type_is_float(tu)))
			ok = true;
		else if (type_is_complex(fu) && type_is_complex(tu))
			ok = true;
		else if (type_is_string(tu) && (type_is_integer(fu)
						|| (fu->kind == TY_SLICE && (type_under(fu->elem)->kind == TY_UINT8
									      || type_under(fu->elem)->kind == TY_INT32))))
			ok = true;
		else if (type_is_string(fu) && tu->kind == TY_SLICE
			 && (type_under(tu->elem)->kind == TY_UINT8 || type_under(tu->elem)->kind == TY_INT32))
			ok = true;
		else if (type_is_interface(t) && type_implements(from, t, &m, &po))
			ok = true;
		else if (fu->kind == TY_CHAN && tu->kind == TY_CHAN && type_identical(fu->elem, tu->elem) && fu->chandir == 0)
			ok = true;
		else if (fu->kind == TY_SLICE && tu->kind == TY_POINTER && type_under(tu->elem)->kind == TY_ARRAY
			 && type_identical(fu->elem, type_under(tu->elem)->elem))
			ok = true;
	}
	if (!ok) {
		const char *why = type_is_interface(t) && !type_is_untyped(orig.type) ? missing_method_reason(from, t) : NULL;
		if (why && *why)
			checker_error(c, ast_start(n->u.call.args.v[0]), "cannot convert %s to type %s:\n\t%s does not implement %s %s",
				      operand_string(&orig), tstr(t), tstr(from), tstr(t), why);
		else
			checker_error(c, ast_start(n->u.call.args.v[0]), "cannot convert %s to type %s", operand_string(&orig),
				      tstr(t));
		invalid(x);
		return;
	}
	x->mode = M_VALUE;
	x->type = t;
	x->expr = n;
	record(x);
}

static void check_call(Checker *c, Node *n, Operand *x, Type *hint)
{
	Operand f;
	check_expr_or_type(c, n->u.call.fun, &f);
	x->expr = n;
	if (f.mode == M_INVALID) {
		for (int i = 0; i < n->u.call.args.len; i++) {
			Operand a;
			check_expr(c, n->u.call.args.v[i], &a, NULL);
		}
		invalid(x);
		return;
	}
	if (f.mode == M_TYPE) {
		check_conversion(c, n, f.type, x);
		c->conversion = n;
		return;
	}
	if (f.mode == M_BUILTIN) {
		check_builtin(c, n, f.bi, x, hint);
		return;
	}
	if (f.mode == M_PKG) {
		checker_error(c, ast_start(n), "use of package %s not in selector", ast_expr_string(n->u.call.fun));
		invalid(x);
		return;
	}
	Type *sig = type_under(f.type);
	if (!sig || sig->kind != TY_FUNC) {
		checker_error(c, ast_start(n), "invalid operation: cannot call non-function %s", operand_string(&f));
		invalid(x);
		return;
	}
	const char *fname = ast_expr_string(n->u.call.fun);
	/* the REPL's hidden print is fmt.Println to the one who typed it */
	if (!strncmp(fname, REPL_FMT ".", strlen(REPL_FMT) + 1))
		fname = str_printf("fmt.%s", fname + strlen(REPL_FMT) + 1);
	check_args(c, n, sig, fname);
	if (sig->nresults == 0) {
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
	} else if (sig->nresults == 1) {
		x->mode = M_VALUE;
		x->type = sig->results[0].type;
	} else {
		x->mode = M_VALUE;
		x->type = type_tuple(sig->results, sig->nresults);
	}
	x->expr = n;
	record(x);
}

/* An argument of print or println is assigned to a parameter of its own
 * (default) type, which nil does not have. */
static void print_arg(Checker *c, Builtin bi, Node *arg, Operand *e)
{
	const char *context = bi == BI_PRINT ? "argument to print" : "argument to println";
	if (e->mode == M_INVALID)
		return;
	if (e->mode == M_NIL)
		checker_error(c, ast_start(arg), "use of untyped nil in %s", context);
	else if (e->mode == M_NOVALUE)
		checker_error(c, ast_start(arg), "%s (no value) used as value", ast_expr_string(arg));
	else
		use_default_in(c, e, context);
}

/* Evaluates the arguments of a builtin call whose count is wrong, as
 * types2 does before it counts them (not those of make and new, which
 * start with a type). Returns false if the first one is invalid. */
/* A builtin's arguments: as written, or, where the only one written is
 * a call, its results already evaluated (types2 lets one call of several
 * results stand for all the arguments of every builtin but make and new:
 * append(f()), copy(g())). */
typedef struct BArgs {
	NodeList *list;
	int n;          /* arguments: written, or the call's results */
	bool pre;       /* op[0..n) evaluated (the only argument is a call) */
	bool spread;    /* ... and it has more than one result */
	Operand *op;
} BArgs;

/* Argument i of b into x, evaluated with hint if not yet. */
static void barg(Checker *c, BArgs *b, int i, Operand *x, Type *hint)
{
	if (b->pre)
		*x = b->op[i];
	else
		check_expr(c, b->list->v[i], x, hint);
}

/* Where argument i of b is written (each result of a spread call is the
 * call). */
static Node *barg_node(BArgs *b, int i)
{
	return b->list->v[b->spread ? 0 : i];
}

static bool builtin_args_ok(Checker *c, Builtin bi, NodeList *args)
{
	bool ok = true;
	if (bi == BI_NEW || bi == BI_MAKE)
		return true;
	for (int i = 0; i < args->len; i++) {
		Operand e;
		check_expr(c, args->v[i], &e, NULL);
		if (i == 0 && e.mode == M_INVALID)
			ok = false;
	}
	return ok;
}

static void check_builtin(Checker *c, Node *n, Builtin bi, Operand *x, Type *hint)
{
	NodeList *args = &n->u.call.args;
	const char *name = ast_expr_string(n->u.call.fun);
	Operand a[8];
	BArgs b = {args, args->len, false, false, NULL};
	x->expr = n;
	if (args->len == 1 && ast_unparen(args->v[0])->kind == N_CALL && bi != BI_MAKE && bi != BI_NEW
	    && bi != BI_PRINT && bi != BI_PRINTLN && (!n->u.call.ellipsis || bi == BI_APPEND)) {
		Operand f;
		check_raw(c, args->v[0], &f, NULL);
		if (f.mode == M_VALUE && f.type && f.type->kind == TY_TUPLE && !n->u.call.ellipsis) {
			b.n = f.type->nfields;
			b.spread = true;
			b.op = GC_MALLOC(sizeof(Operand) * (size_t)b.n);
			for (int i = 0; i < b.n; i++)
				b.op[i] = (Operand){M_VALUE, f.type->fields[i].type, NULL, args->v[0], 0, NULL};
		} else {
			if (f.mode == M_VALUE && f.type && f.type->kind == TY_TUPLE) {
				checker_error(c, ast_start(n), "cannot use ... with %d-valued %s", f.type->nfields,
					      ast_expr_string(args->v[0]));
				invalid(x);
				return;
			}
			want_single(c, args->v[0], &f);
			b.op = GC_MALLOC(sizeof(Operand));
			b.op[0] = f;
		}
		b.pre = true;
	}
	int na = b.n;
	/* types2 evaluates the arguments of every builtin but make and new
	 * before it counts them: their own errors come first, and an
	 * invalid first argument leaves the count unreported */
#define NEED(lo, hi)                                                                                   \
	do {                                                                                           \
		if (na < (lo) || ((hi) >= 0 && na > (hi))) {                                           \
			if (b.pre ? b.op[0].mode == M_INVALID : !builtin_args_ok(c, bi, args)) {       \
				invalid(x);                                                            \
				return;                                                                \
			}                                                                              \
			checker_error(c, ast_start(n), "invalid operation: %s arguments for %s (expected %d, found %d)", \
				      na < (lo) ? "not enough" : "too many", ast_expr_string(n),          \
				      na < (lo) ? (lo) : (hi), na);                                     \
			invalid(x);                                                                    \
			return;                                                                        \
		}                                                                                      \
	} while (0)
	if (n->u.call.ellipsis && bi != BI_APPEND) {
		checker_error(c, ast_start(n), "invalid operation: invalid use of ... with built-in %s", name);
		builtin_args_ok(c, BI_MAKE, args);
		invalid(x);
		return;
	}
	switch (bi) {
	case BI_LEN:
	case BI_CAP: {
		NEED(1, 1);
		barg(c, &b, 0, &a[0], NULL);
		if (a[0].mode == M_INVALID) {
			invalid(x);
			return;
		}
		Type *u = type_under(a[0].type);
		if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY)
			u = type_under(u->elem);
		bool ok = u->kind == TY_SLICE || u->kind == TY_ARRAY || u->kind == TY_CHAN
			  || (bi == BI_LEN && (u->kind == TY_MAP || type_is_string(u)));
		if (!ok) {
			checker_error(c, ast_start(args->v[0]), "invalid argument: %s for %s", operand_string(&a[0]), name);
			invalid(x);
			return;
		}
		x->type = type_basic[TY_INT];
		if (a[0].mode == M_CONST && type_is_string(u)) {
			x->mode = M_CONST;
			x->cv = const_int64((int64_t)a[0].cv->s.len);
		} else if (u->kind == TY_ARRAY) {
			x->mode = M_CONST;
			x->cv = const_int64(u->len);
		} else {
			x->mode = M_VALUE;
		}
		use_default(c, &a[0]);
		break;
	}
	case BI_NEW: {
		NEED(1, 1);
		Type *t = check_type(c, args->v[0]);
		x->mode = M_VALUE;
		x->type = type_pointer(t);
		break;
	}
	case BI_MAKE: {
		NEED(1, -1);
		Type *t = check_type(c, args->v[0]);
		Type *u = type_under(t);
		int maxargs = u->kind == TY_SLICE ? 3 : (u->kind == TY_MAP || u->kind == TY_CHAN) ? 2 : 0;
		if (!maxargs) {
			if (u->kind != TY_INVALID)
				checker_error(c, ast_start(args->v[0]), "invalid argument: cannot make %s; type must be slice, map, or channel",
					      ast_expr_string(args->v[0]));
			invalid(x);
			return;
		}
		if (u->kind == TY_SLICE && na < 2) {
			checker_error(c, ast_start(n), "invalid operation: %s expects 2 or 3 arguments; found %d", ast_expr_string(n), na);
			invalid(x);
			return;
		}
		if (na > maxargs) {
			checker_error(c, ast_start(n), "invalid operation: %s expects %d or %d arguments; found %d",
				      ast_expr_string(n), maxargs - 1, maxargs, na);
			invalid(x);
			return;
		}
		int64_t sizes[2] = {-1, -1};
		for (int i = 1; i < na; i++)
			sizes[i - 1] = check_index(c, args->v[i], -1, false);
		if (sizes[0] >= 0 && sizes[1] >= 0 && sizes[0] > sizes[1])
			checker_error(c, ast_start(args->v[1]), "invalid argument: length and capacity swapped");
		x->mode = M_VALUE;
		x->type = t;
		break;
	}
	case BI_APPEND: {
		NEED(1, -1);
		barg(c, &b, 0, &a[0], hint);
		if (a[0].mode == M_INVALID) {
			use_exprs(c, args, 1);
			invalid(x);
			return;
		}
		if (a[0].mode == M_NIL) {
			checker_error(c, ast_start(barg_node(&b, 0)), "first argument to append must be a slice; have untyped nil");
			use_exprs(c, args, 1);
			invalid(x);
			return;
		}
		Type *st = a[0].type, *su = type_under(st);
		if (su->kind != TY_SLICE) {
			checker_error(c, ast_start(barg_node(&b, 0)), "first argument to append must be a slice; have %s", operand_string(&a[0]));
			use_exprs(c, args, 1);
			invalid(x);
			return;
		}
		if (n->u.call.ellipsis) {
			if (na != 2) {
				/* types2 counts the arguments against append's
				 * signature, (s, ...elem), and says what it got */
				char have[512];
				snprintf(have, sizeof have, "%s", summary_type(&a[0]));
				for (int i = 1; i < na; i++) {
					Operand e;
					check_expr(c, args->v[i], &e, NULL);
					size_t l = strlen(have);
					snprintf(have + l, sizeof have - l, ", %s", summary_type(&e));
				}
				checker_error(c, ast_start(args->v[na > 2 ? 2 : na - 1]),
					      "%s arguments in call to append\n\thave (%s)\n\twant (%s, ...%s)",
					      na > 2 ? "too many" : "not enough", have, tstr(st), tstr(su->elem));
				invalid(x);
				return;
			}
			Operand s;
			check_expr(c, args->v[1], &s, st);
			if (s.mode != M_INVALID) {
				if (type_is_string(s.type) && type_under(su->elem)->kind == TY_UINT8) {
					use_default(c, &s);
				} else {
					assign_to(c, &s, st, "argument to append");
				}
			}
		} else {
			for (int i = 1; i < na; i++) {
				Operand e;
				barg(c, &b, i, &e, su->elem);
				assign_to(c, &e, su->elem, "argument to append");
			}
		}
		x->mode = M_VALUE;
		x->type = st;
		break;
	}
	case BI_COPY: {
		NEED(2, 2);
		barg(c, &b, 0, &a[0], NULL);
		barg(c, &b, 1, &a[1], NULL);
		if (a[0].mode == M_INVALID || a[1].mode == M_INVALID) {
			invalid(x);
			return;
		}
		Type *dst = type_under(a[0].type), *src = type_under(a[1].type);
		Type *src_elem = type_is_string(src) ? type_byte : src->kind == TY_SLICE ? src->elem : NULL;
		if (dst->kind != TY_SLICE || !src_elem) {
			checker_error(c, ast_start(args->v[0]), "invalid argument: copy expects slice arguments; found %s and %s",
				      operand_string(&a[0]), operand_string(&a[1]));
			invalid(x);
			return;
		}
		if (!type_identical(dst->elem, src_elem)) {
			checker_error(c, ast_start(args->v[0]),
				      "invalid argument: arguments to copy %s and %s have different element types %s and %s",
				      operand_string(&a[0]), operand_string(&a[1]), tstr(dst->elem), tstr(src_elem));
			invalid(x);
			return;
		}
		use_default(c, &a[1]);
		x->mode = M_VALUE;
		x->type = type_basic[TY_INT];
		break;
	}
	case BI_DELETE: {
		NEED(2, 2);
		barg(c, &b, 0, &a[0], NULL);
		if (a[0].mode == M_INVALID) {
			invalid(x);
			return;
		}
		Type *u = type_under(a[0].type);
		if (u->kind != TY_MAP) {
			checker_error(c, ast_start(args->v[0]), "invalid argument: %s is not a map", operand_string(&a[0]));
			invalid(x);
			return;
		}
		barg(c, &b, 1, &a[1], u->key);
		assign_to(c, &a[1], u->key, "argument to delete");
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		break;
	}
	case BI_CLEAR: {
		NEED(1, 1);
		barg(c, &b, 0, &a[0], NULL);
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		break;
	}
	case BI_CLOSE: {
		NEED(1, 1);
		barg(c, &b, 0, &a[0], NULL);
		if (a[0].mode != M_INVALID) {
			Type *u = type_under(a[0].type);
			if (u->kind != TY_CHAN)
				checker_error(c, ast_start(args->v[0]), "invalid operation: cannot close non-channel %s",
					      operand_string(&a[0]));
			else if (u->chandir == 2)
				checker_error(c, ast_start(args->v[0]), "invalid operation: cannot close receive-only channel %s",
					      operand_string(&a[0]));
		}
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		break;
	}
	case BI_PANIC: {
		NEED(1, 1);
		barg(c, &b, 0, &a[0], type_any);
		assign_to(c, &a[0], type_any, "argument to panic");
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		break;
	}
	case BI_PRINT:
	case BI_PRINTLN: {
		/* println(f()) prints each of f's results */
		Node *only = na == 1 ? ast_unparen(args->v[0]) : NULL;
		if (only && only->kind == N_CALL) {
			Operand e;
			if (check_multi(c, args->v[0], &e, 1, false) == 1)
				print_arg(c, bi, args->v[0], &e);
		} else {
			for (int i = 0; i < na; i++) {
				Operand e;
				check_expr(c, args->v[i], &e, NULL);
				print_arg(c, bi, args->v[i], &e);
			}
		}
		x->mode = M_NOVALUE;
		x->type = type_tuple(NULL, 0);
		break;
	}
	case BI_RECOVER:
		NEED(0, 0);
		x->mode = M_VALUE;
		x->type = type_any;
		break;
	case BI_MIN:
	case BI_MAX: {
		NEED(1, -1);
		/* as Go 1.21's types2: each argument must be ordered; an
		 * untyped one takes the type of the other where both are
		 * numbers, or both strings (matchTypes); then the types must
		 * be the same */
		Operand acc;
		for (int i = 0; i < na; i++) {
			Operand e;
			barg(c, &b, i, &e, hint);
			if (e.mode == M_INVALID) {
				invalid(x);
				return;
			}
			if (!type_ordered(e.type)) {
				checker_error(c, ast_start(barg_node(&b, i)), "invalid argument: %s cannot be ordered",
					      operand_string(&e));
				invalid(x);
				return;
			}
			if (i == 0) {
				acc = e;
				continue;
			}
			bool xu = type_is_untyped(acc.type), yu = type_is_untyped(e.type);
			if ((xu || yu) && type_is_string(acc.type) == type_is_string(e.type)) {
				if (xu && yu) {
					/* both untyped numbers: the kind that comes later
					 * (int, rune, float) */
					if (e.type->kind > acc.type->kind)
						acc.type = e.type;
					else
						e.type = acc.type;
				} else if (xu) {
					if (!convert_untyped_report(c, &acc, e.type)) {
						invalid(x);
						return;
					}
				} else if (!convert_untyped_report(c, &e, acc.type)) {
					invalid(x);
					return;
				}
			}
			if (!type_identical(acc.type, e.type)) {
				checker_error(c, ast_start(barg_node(&b, i)),
					      "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
					      tstr(acc.type), tstr(e.type), ast_expr_string(barg_node(&b, i)));
				invalid(x);
				return;
			}
			if (acc.mode == M_CONST && e.mode == M_CONST) {
				if (const_compare(OP_LT, e.cv, acc.cv) == (bi == BI_MIN))
					acc.cv = e.cv;
			} else {
				acc.mode = M_VALUE;
			}
		}
		x->mode = acc.mode;
		x->type = acc.type;
		x->cv = acc.cv;
		break;
	}
	case BI_COMPLEX: {
		NEED(2, 2);
		barg(c, &b, 0, &a[0], NULL);
		barg(c, &b, 1, &a[1], NULL);
		if (a[0].mode == M_INVALID || a[1].mode == M_INVALID) {
			invalid(x);
			return;
		}
		if (a[0].mode == M_CONST && a[1].mode == M_CONST && type_is_untyped(a[0].type) && type_is_untyped(a[1].type)) {
			ConstVal *r = const_to_kind(const_to_kind(a[0].cv, CK_FLOAT), CK_COMPLEX);
			ConstVal *im = const_to_kind(a[1].cv, CK_FLOAT);
			ConstVal *z = const_to_kind(const_int64(0), CK_COMPLEX);
			mpq_set(z->f, r->f);
			mpq_set(z->im, im->f);
			x->mode = M_CONST;
			x->cv = z;
			x->type = type_basic[TY_UNTYPED_COMPLEX];
			break;
		}
		if (type_is_untyped(a[0].type))
			convert_untyped(c, &a[0], type_is_untyped(a[1].type) ? type_basic[TY_FLOAT64] : a[1].type);
		if (type_is_untyped(a[1].type))
			convert_untyped(c, &a[1], a[0].type);
		x->mode = M_VALUE;
		x->type = type_under(a[0].type)->kind == TY_FLOAT32 ? type_basic[TY_COMPLEX64] : type_basic[TY_COMPLEX128];
		break;
	}
	case BI_REAL:
	case BI_IMAG: {
		NEED(1, 1);
		barg(c, &b, 0, &a[0], NULL);
		if (a[0].mode == M_INVALID) {
			invalid(x);
			return;
		}
		if (a[0].mode == M_CONST && type_is_untyped(a[0].type)) {
			ConstVal *z = const_to_kind(a[0].cv, CK_COMPLEX);
			ConstVal *r = const_to_kind(const_int64(0), CK_FLOAT);
			mpq_set(r->f, bi == BI_REAL ? z->f : z->im);
			x->mode = M_CONST;
			x->cv = r;
			x->type = type_basic[TY_UNTYPED_FLOAT];
			break;
		}
		use_default(c, &a[0]);
		x->mode = M_VALUE;
		x->type = type_under(a[0].type)->kind == TY_COMPLEX64 ? type_basic[TY_FLOAT32] : type_basic[TY_FLOAT64];
		break;
	}
	default:
		invalid(x);
		return;
	}
#undef NEED
	x->expr = n;
	record(x);
}

/* ---- type assertions and function literals -------------------------------------------- */

static void check_assert(Checker *c, Node *n, Operand *x)
{
	if (!n->u.assert.type) {
		/* before its operand is looked at (which then goes unused), as
		 * types2 reports it */
		checker_error(c, ast_start(n), "invalid AST: use of .(type) outside type switch");
		x->expr = n;
		invalid(x);
		return;
	}
	check_expr(c, n->u.assert.x, x, NULL);
	x->expr = n;
	if (x->mode == M_INVALID)
		return;
	if (!type_is_interface(x->type)) {
		x->expr = n->u.assert.x;
		checker_error(c, ast_start(n->u.assert.x), "invalid operation: %s is not an interface", operand_string(x));
		invalid(x);
		return;
	}
	Type *t = check_type(c, n->u.assert.type);
	if (t->kind == TY_INVALID) {
		invalid(x);
		return;
	}
	const char *why = type_is_interface(t) ? NULL : missing_method_reason(t, x->type);
	if (why) {
		/* the assertion still has type t, and checking goes on with
		 * it, as types2 does */
		checker_error(c, ast_start(n), "impossible type assertion: %s\n\t%s does not implement %s %s",
			      ast_expr_string(n), tstr(t), tstr(x->type), why);
	}
	x->mode = M_COMMAOK;
	x->type = t;
	record(x);
}

Type *check_funclit_sig(Checker *c, Node *lit)
{
	return check_signature(c, lit->u.funclit.type, NULL);
}

/* ---- dispatch --------------------------------------------------------------------------- */

static void check_raw(Checker *c, Node *n, Operand *x, Type *hint)
{
	memset(x, 0, sizeof *x);
	x->expr = n;
	switch (n->kind) {
	case N_BAD:
		invalid(x);
		return;
	case N_IDENT:
		check_ident(c, n, x);
		return;
	case N_BASICLIT: {
		LitKind k = n->u.lit.kind;
		if (n->u.lit.bad) {
			/* the lexer has said what is wrong with it */
			invalid(x);
			return;
		}
		x->mode = M_CONST;
		if (k == LIT_STRING) {
			x->cv = const_string(n->u.lit.val);
			x->type = type_basic[TY_UNTYPED_STRING];
		} else {
			x->cv = const_from_literal(k, n->u.lit.text, n->u.lit.rune);
			x->type = type_basic[k == LIT_INT ? TY_UNTYPED_INT : k == LIT_FLOAT ? TY_UNTYPED_FLOAT
					     : k == LIT_IMAG ? TY_UNTYPED_COMPLEX : TY_UNTYPED_RUNE];
			if (!x->cv) {
				/* an exponent past what Go's constants hold (a binary
				 * exponent beyond 32 bits) is Go's malformed constant;
				 * a smaller one past gol's bound (±100000) is gol's */
				const char *t = n->u.lit.text, *e = strpbrk(t, (t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) ? "pP" : "eE");
				double x10 = e ? fabs(strtod(e + 1, NULL)) * (strchr("pP", *e) ? 1 : 3.3219280948873623) : 0;
				if (x10 > 2147483647.0)
					checker_error(c, n->pos, "malformed constant: %s", t);
				else
					checker_error(c, n->pos, "gol: constant %s is too large (exponents up to 100000 are supported)", t);
				invalid(x);
				return;
			}
		}
		record(x);
		return;
	}
	case N_PAREN:
		check_raw(c, n->u.un1.x, x, hint);
		if (x->mode == M_CONST || x->mode == M_TYPE)
			x->expr = n;
		else
			x->expr = n;
		record(x);
		return;
	case N_FUNCLIT: {
		Type *sig = check_funclit_sig(c, n);
		check_func_body(c, sig, NULL, n->u.funclit.type, n->u.funclit.body, NULL);
		x->mode = M_VALUE;
		x->type = sig;
		record(x);
		return;
	}
	case N_COMPOSITELIT:
		check_complit(c, n, x, hint);
		return;
	case N_SELECTOR:
		check_selector(c, n, x);
		return;
	case N_INDEX:
		check_index_expr(c, n, x);
		return;
	case N_SLICE:
		check_slice_expr(c, n, x);
		return;
	case N_TYPEASSERT:
		check_assert(c, n, x);
		return;
	case N_CALL:
		check_call(c, n, x, hint);
		return;
	case N_STAR:
		check_expr_or_type(c, n->u.un1.x, x);
		x->expr = n;
		if (x->mode == M_INVALID)
			return;
		if (x->mode == M_PKG) { /* a package has no type to indirect */
			checker_error(c, n->u.un1.x->pos, "use of package %s not in selector", ast_expr_string(n->u.un1.x));
			invalid(x);
			return;
		}
		if (x->mode == M_TYPE) {
			x->type = type_pointer(x->type);
			record(x);
			return;
		}
		if (x->mode == M_NIL) {
			checker_error(c, ast_start(n), "invalid operation: cannot indirect nil");
			invalid(x);
			return;
		}
		if (x->mode == M_NOVALUE) {
			checker_error(c, ast_start(n->u.un1.x), "%s (no value) used as value or type",
				      ast_expr_string(n->u.un1.x));
			invalid(x);
			return;
		}
		if (x->type && x->type->kind == TY_TUPLE) {
			x->expr = n->u.un1.x;
			want_single(c, n->u.un1.x, x); /* a call of several results */
			return;
		}
		if (type_under(x->type)->kind != TY_POINTER) {
			x->expr = n->u.un1.x;
			checker_error(c, ast_start(n->u.un1.x), "invalid operation: cannot indirect %s", operand_string(x));
			invalid(x);
			return;
		}
		x->mode = M_VAR;
		x->type = type_under(x->type)->elem;
		record(x);
		return;
	case N_UNARY:
		check_unary(c, n, x, hint);
		return;
	case N_BINARY:
		check_binary(c, n, x, hint);
		return;
	case N_KEYVALUE:
		checker_error(c, ast_start(n), "unexpected key:value expression");
		invalid(x);
		return;
	case N_ARRAYTYPE: case N_SLICETYPE: case N_STRUCTTYPE: case N_FUNCTYPE:
	case N_INTERFACETYPE: case N_MAPTYPE: case N_CHANTYPE:
		x->mode = M_TYPE;
		x->type = check_type(c, n);
		record(x);
		return;
	default:
		checker_error(c, ast_start(n), "unexpected expression");
		invalid(x);
		return;
	}
}

void check_expr_or_type(Checker *c, Node *n, Operand *x)
{
	check_raw(c, n, x, NULL);
}

/* What is not a single value is reported where one is wanted. */
static void want_single(Checker *c, Node *n, Operand *x)
{
	switch (x->mode) {
	case M_TYPE:
		checker_error(c, ast_start(n), "%s (type) is not an expression", ast_expr_string(n));
		invalid(x);
		break;
	case M_BUILTIN:
		checker_error(c, ast_start(n), "%s (built-in) must be called", ast_expr_string(n));
		invalid(x);
		break;
	case M_PKG:
		checker_error(c, ast_start(n), "use of package %s not in selector", ast_expr_string(n));
		invalid(x);
		break;
	case M_VALUE:
		if (x->type && x->type->kind == TY_TUPLE) {
			checker_error(c, ast_start(n), "multiple-value %s (value of type %s) in single-value context",
				      ast_expr_string(n), tstr(x->type));
			invalid(x);
		}
		break;
	case M_NOVALUE:
		/* a call of a function without results, where a value is
		 * wanted: types2 says so wherever that is */
		checker_error(c, ast_start(n), "%s (no value) used as value", ast_expr_string(n));
		invalid(x);
		break;
	default:
		break;
	}
}

void check_expr(Checker *c, Node *n, Operand *x, Type *hint)
{
	check_raw(c, n, x, hint);
	want_single(c, n, x);
}

void check_expr_assigned(Checker *c, Node *n, Operand *x, Type *hint)
{
	check_raw(c, n, x, hint);
	Node *call = ast_unparen(n);
	if (x->mode == M_VALUE && x->type && x->type->kind == TY_TUPLE && call->kind == N_CALL) {
		checker_error(c, ast_start(n), "assignment mismatch: 1 variable but %s returns %d value%s",
			      ast_expr_string(call->u.call.fun), x->type->nfields, x->type->nfields == 1 ? "" : "s");
		invalid(x);
		return;
	}
	want_single(c, n, x);
}

int check_values(Checker *c, Node *n, Operand *out, int max, bool allow_commaok)
{
	int got = check_multi(c, n, out, max, allow_commaok);
	if (got == 1 && out[0].mode == M_NOVALUE) {
		want_single(c, n, &out[0]); /* reports it */
		return -1;
	}
	return got;
}

int check_multi(Checker *c, Node *n, Operand *out, int max, bool allow_commaok)
{
	Operand x;
	check_raw(c, n, &x, NULL);
	if (max > 0)
		out[0] = x;
	if (x.mode == M_INVALID)
		return -1;
	if (x.mode == M_VALUE && x.type && x.type->kind == TY_TUPLE) {
		int k = x.type->nfields < max ? x.type->nfields : max;
		for (int i = 0; i < k; i++) {
			out[i].mode = M_VALUE;
			out[i].type = x.type->fields[i].type;
			out[i].expr = n;
			out[i].cv = NULL;
		}
		return x.type->nfields;
	}
	if (allow_commaok && (x.mode == M_MAPINDEX || x.mode == M_COMMAOK) && max >= 2) {
		out[0] = x;
		out[1].mode = M_VALUE;
		out[1].type = type_basic[TY_UNTYPED_BOOL];
		out[1].expr = n;
		return -2; /* caller decides between 1 and 2 */
	}
	if (x.mode == M_NOVALUE) {
		out[0] = x;
		return 1;
	}
	if (x.mode == M_TYPE || x.mode == M_BUILTIN || x.mode == M_PKG) {
		check_expr(c, n, &x, NULL); /* reports */
		return -1;
	}
	out[0] = x;
	return 1;
}
