/*
 * check_stmt.c — statements and function bodies: scopes, assignments and
 * short variable declarations, control flow, labels, and the "missing
 * return" rule (Go's terminating statements).
 */
#include "check_int.h"
#include "value.h"

#include <gc.h>
#include <stdio.h>
#include <string.h>

static void check_stmt(Checker *c, Node *s);
static void check_block_stmts(Checker *c, NodeList *l);

static void open_scope(Checker *c) { c->scope = scope_new(c->scope); }
static void close_scope(Checker *c) { c->scope = c->scope->parent; }

static const char *tstr(Type *t) { return type_string(t, false); }

/* ---- assignments ----------------------------------------------------------------- */

/* May x, checked from n, be assigned to (a variable or a map index)?
 * Reports if not, as types2's assignVar. */
static bool assignable_operand(Checker *c, Node *n, Operand *x)
{
	if (x->mode == M_VAR || x->mode == M_MAPINDEX)
		return true;
	Node *inner = ast_unparen(n);
	if (inner->kind == N_SELECTOR) {
		/* a field of a map element, which is not addressable */
		Node *sx = ast_unparen(inner->u.selector.x);
		if (sx->kind == N_INDEX && sx->u.index.x->type && type_under(sx->u.index.x->type)->kind == TY_MAP) {
			checker_error(c, ast_start(n), "cannot assign to struct field %s in map", ast_expr_string(n));
			return false;
		}
	}
	checker_error(c, ast_start(n), "cannot assign to %s", operand_string(x));
	return false;
}

/* Is n something that can be assigned to? Reports if not. */
static bool check_lhs(Checker *c, Node *n, Operand *x)
{
	if (n->kind == N_IDENT && !strcmp(n->u.ident.name, "_")) {
		x->mode = M_VAR;
		x->type = NULL; /* anything goes */
		x->expr = n;
		return true;
	}
	/* an assignment is not a use of the variable */
	Obj *o = NULL;
	bool was_used = false;
	if (n->kind == N_IDENT) {
		o = scope_lookup(c->scope, n->u.ident.name, NULL);
		if (o && o->kind == OBJ_VAR)
			was_used = o->used;
	}
	check_expr(c, n, x, NULL);
	if (o && o->kind == OBJ_VAR && !o->global) {
		o->used = was_used;
		o->reassigned = true;
	}
	if (x->mode == M_INVALID)
		return false;
	return assignable_operand(c, n, x);
}

/* Returns false if anything failed (and was reported). */
static bool assign_values_ok(Checker *c, NodeList *lhs, NodeList *rhs)
{
	bool ok = true;
	int nl = lhs->len, nr = rhs->len;
	if (list_too_long(c, ast_start(lhs->v[0]), nl > nr ? nl : nr, "operands of one assignment"))
		return false;
	Operand lx[64];
	for (int i = 0; i < nl && i < 64; i++)
		ok &= check_lhs(c, lhs->v[i], &lx[i]);
	if (nl == nr) {
		for (int i = 0; i < nr && i < 64; i++) {
			Operand x;
			/* x = f() counts f's results */
			if (nl == 1)
				check_expr_assigned(c, rhs->v[i], &x, lx[i].mode != M_INVALID ? lx[i].type : NULL);
			else
				check_expr(c, rhs->v[i], &x, lx[i].mode != M_INVALID ? lx[i].type : NULL);
			if (lx[i].mode == M_INVALID || x.mode == M_INVALID) {
				ok = false;
				continue;
			}
			if (lx[i].type) {
				ok &= assign_to(c, &x, lx[i].type, "assignment");
			} else if (x.mode == M_NIL) {
				checker_error(c, x.expr->pos, "use of untyped nil in assignment");
				ok = false;
			} else {
				use_default(c, &x);
				ok &= x.mode != M_INVALID;
			}
		}
		return ok;
	}
	if (nr == 1) {
		Operand xs[64];
		int got = check_values(c, rhs->v[0], xs, 64, true);
		if (got == -2) {
			if (nl == 2)
				got = 2;
			else
				got = 1;
			if (got == 2)
				rhs->v[0]->cv = (ConstVal *)1; /* marks a comma-ok form */
		}
		if (got < 0)
			return false;
		if (got != nl) {
			if (rhs->v[0]->kind == N_CALL)
				checker_error(c, ast_start(rhs->v[0]), "assignment mismatch: %d variable%s but %s returns %d value%s", nl,
					      nl == 1 ? "" : "s", ast_expr_string(rhs->v[0]->u.call.fun), got, got == 1 ? "" : "s");
			else
				checker_error(c, ast_start(rhs->v[0]), "assignment mismatch: %d variable%s but %d value%s", nl,
					      nl == 1 ? "" : "s", got, got == 1 ? "" : "s");
			return false;
		}
		Node *r0 = rhs->v[0];
		Type *t0 = NULL;
		for (int i = 0; i < nl; i++) {
			if (lx[i].mode == M_INVALID)
				continue;
			if (lx[i].type)
				ok &= assign_to(c, &xs[i], lx[i].type, "assignment");
			if (i == 0)
				t0 = r0->type;
		}
		/* the ok of a comma-ok form shares the node of the value: its
		 * conversion to bool must not retype the node */
		if (r0->cv == (ConstVal *)1 && t0)
			r0->type = t0;
		return ok;
	}
	/* the count is wrong; a value in error (a call of two results
	 * among several values) has said so already, as types2 lets it */
	bool quiet = false;
	for (int i = 0; i < nr; i++) {
		Operand x;
		check_expr(c, rhs->v[i], &x, NULL);
		quiet |= x.mode == M_INVALID;
	}
	if (!quiet)
		checker_error(c, ast_start(rhs->v[0]), "assignment mismatch: %d variable%s but %d value%s", nl,
			      nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
	return false;
}

/* After a failed assignment its variables count as used, so that no
 * "declared but not used" follows the error (types2 does the same). */
static void use_lhs_vars(Checker *c, NodeList *lhs)
{
	for (int i = 0; i < lhs->len; i++) {
		Node *n = ast_unparen(lhs->v[i]);
		if (n->kind != N_IDENT || !strcmp(n->u.ident.name, "_"))
			continue;
		Obj *o = scope_lookup(c->scope, n->u.ident.name, NULL);
		if (o && o->kind == OBJ_VAR)
			o->used = true;
	}
}

static void assign_values(Checker *c, NodeList *lhs, NodeList *rhs)
{
	/* (not a comma-ok form's: types2 assigns its two variables one by
	 * one, and one that took its value is not thereby used) */
	if (!assign_values_ok(c, lhs, rhs) && !(rhs->len == 1 && rhs->v[0]->cv == (ConstVal *)1))
		use_lhs_vars(c, lhs);
}

/* x := ... and var x = ... share this: declare names with the types of
 * values (or typ), after checking the values in the outer scope.
 * A variable whose initialisation failed counts as used, so that no
 * "declared but not used" follows the error, as in types2: each such
 * variable of `var a, b = x, y`, every variable of a declaration whose
 * counts do not match, and every variable of `a, b := x, y` once one
 * failed. */
static void declare_vars(Checker *c, Node *s, NodeList *names, Type *typ, NodeList *values, bool short_decl)
{
	int nl = names->len, nv = values->len;
	/* (reported once; its variables then count as used) */
	bool too_long = list_too_long(c, s->pos, nl > nv ? nl : nv, "variables or values in one declaration");
	Type *types[64];
	bool bad[64] = {false};
	for (int i = 0; i < 64; i++)
		types[i] = typ ? typ : type_invalid;
	const char *context = short_decl ? "assignment" : "variable declaration";
	/* var a, b = x, y, z: each variable with a value of its own is
	 * initialised from it, one with none has its type (or none), and an
	 * extra value is not looked at; as types2 does, which then reports
	 * the counts (so such variables are not "used" by the error) */
	bool pairwise = nv == nl || (!short_decl && nv > 1);
	if (pairwise) {
		for (int i = 0; i < nv && i < nl && i < 64; i++) {
			Operand x;
			Type *hint = typ;
			Obj *existing = NULL;
			if (short_decl && names->v[i]->kind == N_IDENT)
				existing = scope_lookup_here(c->scope, names->v[i]->u.ident.name);
			if (existing && existing->kind == OBJ_VAR)
				hint = existing->type;
			bad[i] = true;
			/* x := f() counts f's results (var x = f() does not) */
			if (nl == 1 && short_decl)
				check_expr_assigned(c, values->v[i], &x, hint);
			else
				check_expr(c, values->v[i], &x, hint);
			if (x.mode == M_INVALID)
				continue;
			if (typ) {
				bad[i] = !assign_to(c, &x, typ, context);
			} else if (existing && existing->kind == OBJ_VAR) {
				bad[i] = !assign_to(c, &x, existing->type, "assignment");
				types[i] = existing->type;
			} else {
				if (x.mode == M_NIL) {
					checker_error(c, x.expr->pos, "use of untyped nil in %s", context);
					continue;
				}
				use_default_in(c, &x, context);
				bad[i] = x.mode == M_INVALID;
				types[i] = x.type;
			}
		}
	} else if (nv == 1) {
		Operand xs[64];
		for (int i = 0; i < 64; i++)
			bad[i] = true;
		int got = check_values(c, values->v[0], xs, 64, true);
		if (got == -2) {
			got = nl == 2 ? 2 : 1;
			if (got == 2)
				values->v[0]->cv = (ConstVal *)1;
			if (got == 2) {
				if (!typ)
					use_default(c, &xs[0]);
				xs[1].type = type_basic[TY_BOOL];
			}
		}
		if (got >= 0 && got != nl) {
			if (values->v[0]->kind == N_CALL)
				checker_error(c, ast_start(values->v[0]), "assignment mismatch: %d variable%s but %s returns %d value%s", nl,
					      nl == 1 ? "" : "s", ast_expr_string(values->v[0]->u.call.fun), got, got == 1 ? "" : "s");
			else
				checker_error(c, ast_start(values->v[0]), "assignment mismatch: %d variable%s but %d value%s", nl,
					      nl == 1 ? "" : "s", got, got == 1 ? "" : "s");
		} else if (got == nl) {
			for (int i = 0; i < nl && i < 64; i++) {
				if (typ) {
					bad[i] = !assign_to(c, &xs[i], typ, "assignment");
				} else {
					use_default(c, &xs[i]);
					bad[i] = xs[i].mode == M_INVALID;
					types[i] = xs[i].type;
				}
			}
		}
	} else if (nv > 0) {
		for (int i = 0; i < 64; i++)
			bad[i] = true;
		bool quiet = false; /* as for an assignment, above */
		for (int i = 0; i < nv; i++) {
			Operand x;
			check_expr(c, values->v[i], &x, NULL);
			quiet |= x.mode == M_INVALID;
		}
		if (!quiet)
			checker_error(c, ast_start(values->v[0]), "assignment mismatch: %d variable%s but %d value%s", nl,
				      nl == 1 ? "" : "s", nv, nv == 1 ? "" : "s");
	}
	if (nv > nl && pairwise)
		checker_error(c, ast_start(values->v[nl]), "extra init expr %s", ast_expr_string(values->v[nl]));
	else if (nv < nl && pairwise)
		checker_error(c, names->v[nv]->pos, "missing init expr for %s", names->v[nv]->u.ident.name);
	if (short_decl || (nv != nl && !pairwise)) {
		bool any_bad = false;
		for (int i = 0; i < nl && i < 64; i++)
			any_bad |= bad[i];
		for (int i = 0; i < nl && i < 64; i++)
			bad[i] = any_bad;
	}
	bool any_new = false, lhs_err = false;
	for (int i = 0; i < nl; i++) {
		Node *id = names->v[i];
		if (id->kind != N_IDENT) {
			continue; /* the parser reported non-name on left side */
		}
		const char *name = id->u.ident.name;
		if (short_decl && strcmp(name, "_")) {
			bool repeated = false;
			for (int k = 0; k < i; k++)
				if (names->v[k]->kind == N_IDENT && !strcmp(names->v[k]->u.ident.name, name))
					repeated = true;
			if (repeated) {
				checker_error(c, id->pos, "%s repeated on left side of :=", name);
				lhs_err = true;
				continue;
			}
		}
		if (short_decl) {
			Obj *old = strcmp(name, "_") ? scope_lookup_here(c->scope, name) : NULL;
			if (c->repl_scope && c->scope == c->repl_scope) {
				/* at the REPL prompt `x := v` may always be said
				 * again: it assigns to the session's x if the type
				 * is the same, else declares a new x in its place */
				old = strcmp(name, "_") ? scope_lookup_here(c->pkg->scope, name) : NULL;
				if (old && (old->kind != OBJ_VAR || i >= 64 || !types[i] || !old->type
					    || !type_identical(old->type, types[i])))
					old = NULL;
				any_new = true;
			}
			if (old) {
				/* redeclaration: plain assignment to the existing variable */
				id->obj = old;
				old->reassigned = true;
				if (old->kind != OBJ_VAR) {
					checker_error(c, id->pos, "cannot assign to %s", name);
					lhs_err = true;
				}
				else if (i < 64 && bad[i])
					old->used = true;
				continue;
			}
			if (strcmp(name, "_"))
				any_new = true;
		}
		Obj *o = obj_new(OBJ_VAR, name, id->pos, i < 64 ? types[i] : type_invalid);
		o->decl = s;
		o->state = 2;
		o->used = too_long || i >= 64 || bad[i];
		id->obj = o;
		id->type = o->type;
		declare_local(c, o);
	}
	/* types2 says nothing of new variables after a wrong left side */
	if (short_decl && !any_new && !lhs_err)
		checker_error(c, s->pos, "no new variables on left side of :=");
}

/* ---- declarations in function bodies ------------------------------------------------- */

static void check_local_decl(Checker *c, Node *d)
{
	Node *prev_values = NULL;
	for (int i = 0; i < d->u.gen.specs.len; i++) {
		Node *spec = d->u.gen.specs.v[i];
		if (spec->kind == N_TYPESPEC) {
			const char *name = spec->u.typespec.name->u.ident.name;
			Obj *o = obj_new(OBJ_TYPE, name, spec->u.typespec.name->pos, NULL);
			o->decl = spec;
			o->state = 2;
			spec->u.typespec.name->obj = o;
			if (spec->u.typespec.alias) {
				o->type = check_type(c, spec->u.typespec.type);
				declare_local(c, o);
			} else {
				o->type = type_named(c->pkg->name, name, o);
				declare_local(c, o); /* visible in its own definition */
				o->type->underlying = type_under(check_type(c, spec->u.typespec.type));
				if (o->type->underlying && o->type->underlying->kind != TY_STRUCT)
					note_size(c, o->type->underlying, o->pos);
			}
			continue;
		}
		if (d->u.gen.tok == DECL_VAR) {
			Type *typ = spec->u.value.type ? check_type(c, spec->u.value.type) : NULL;
			if (typ && spec->u.value.names.len)
				note_size(c, typ, spec->u.value.names.v[0]->pos);
			declare_vars(c, spec, &spec->u.value.names, typ, &spec->u.value.values, false);
			continue;
		}
		/* const */
		Node *vspec = spec;
		if (spec->u.value.values.len || spec->u.value.type)
			prev_values = spec;
		else
			vspec = prev_values;
		int saved = c->iota;
		c->iota = spec->u.value.iota;
		Type *typ = vspec && vspec->u.value.type ? check_type(c, vspec->u.value.type) : NULL;
		bool typ_ok = const_type_ok(c, vspec ? vspec->u.value.type : NULL, typ);
		list_too_long(c, spec->pos, spec->u.value.names.len, "constants in one declaration");
		Obj *made[64];
		int nm = 0;
		for (int k = 0; k < spec->u.value.names.len; k++) {
			Node *id = spec->u.value.names.v[k];
			Obj *o = obj_new(OBJ_CONST, id->u.ident.name, id->pos, type_invalid);
			o->state = 2;
			id->obj = o;
			if (vspec && k < vspec->u.value.values.len && typ_ok) {
				/* an inherited expression's errors are the constant's */
				Pos saved_errpos = c->errpos;
				if (vspec != spec)
					c->errpos = id->pos;
				Operand x;
				check_expr(c, vspec->u.value.values.v[k], &x, typ);
				if (x.mode == M_CONST) {
					if (typ)
						assign_to(c, &x, typ, "constant declaration");
					o->type = x.type;
					o->cv = x.cv;
				} else if (x.mode != M_INVALID) {
					checker_error(c, x.expr->pos, "%s is not constant", operand_string(&x));
				}
				c->errpos = saved_errpos;
			}
			if (nm < 64)
				made[nm++] = o;
		}
		const_arity(c, spec, vspec);
		c->iota = saved;
		/* constants come into scope after their spec */
		for (int k = 0; k < nm; k++) {
			made[k]->used = true; /* unused constants are fine in Go */
			declare_local(c, made[k]);
		}
	}
}

/* ---- terminating statements (for "missing return") -------------------------------------- */

static bool has_break(Node *s, const char *label, bool top);

static bool list_has_break(NodeList *l, const char *label, bool top)
{
	for (int i = 0; i < l->len; i++)
		if (has_break(l->v[i], label, top))
			return true;
	return false;
}

/* Does s contain a break that leaves the statement under consideration
 * (an unlabeled one not inside a nested breakable statement, or one with
 * the statement's label)? */
static bool has_break(Node *s, const char *label, bool top)
{
	if (!s)
		return false;
	switch (s->kind) {
	case N_BRANCH:
		if (s->u.branch.tok != BR_BREAK)
			return false;
		if (!s->u.branch.label)
			return top;
		return label && !strcmp(s->u.branch.label->u.ident.name, label);
	case N_BLOCK:
		return list_has_break(&s->u.block.stmts, label, top);
	case N_LABELED:
		return has_break(s->u.labeled.stmt, label, top);
	case N_IF:
		return has_break(s->u.ifstmt.then, label, top) || has_break(s->u.ifstmt.els, label, top);
	case N_CASECLAUSE:
	case N_COMMCLAUSE:
		return list_has_break(&s->u.clause.body, label, top);
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		return list_has_break(&s->u.sw.body, label, false);
	case N_FOR:
		return has_break(s->u.forstmt.body, label, false);
	case N_RANGE:
		return has_break(s->u.range.body, label, false);
	default:
		return false;
	}
}

static bool is_terminating(Node *s, const char *label);

static bool list_terminating(NodeList *l)
{
	/* trailing empty statements do not count */
	for (int i = l->len - 1; i >= 0; i--) {
		if (l->v[i]->kind == N_EMPTYSTMT)
			continue;
		return is_terminating(l->v[i], NULL);
	}
	return false;
}

static bool is_terminating(Node *s, const char *label)
{
	switch (s->kind) {
	case N_RETURN:
		return true;
	case N_BRANCH:
		return s->u.branch.tok == BR_GOTO || s->u.branch.tok == BR_FALLTHROUGH;
	case N_EXPRSTMT: {
		Node *x = ast_unparen(s->u.exprstmt.x);
		return x->kind == N_CALL && x->u.call.fun->kind == N_IDENT
		       && x->u.call.fun->obj && ((Obj *)x->u.call.fun->obj)->kind == OBJ_BUILTIN
		       && ((Obj *)x->u.call.fun->obj)->builtin == BI_PANIC;
	}
	case N_BLOCK:
		return list_terminating(&s->u.block.stmts);
	case N_IF:
		return s->u.ifstmt.els && is_terminating(s->u.ifstmt.then, NULL) && is_terminating(s->u.ifstmt.els, NULL);
	case N_LABELED:
		return is_terminating(s->u.labeled.stmt, s->u.labeled.label->u.ident.name);
	case N_FOR:
		return !s->u.forstmt.cond && !has_break(s->u.forstmt.body, label, true);
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT: {
		bool has_default = s->kind == N_SELECT;
		for (int i = 0; i < s->u.sw.body.len; i++) {
			Node *cl = s->u.sw.body.v[i];
			if (cl->u.clause.is_default)
				has_default = true;
			if (has_break(cl, label, true))
				return false;
			NodeList *b = &cl->u.clause.body;
			if (!list_terminating(b))
				return false;
		}
		return has_default;
	}
	default:
		return false;
	}
}

/* ---- statements ------------------------------------------------------------------------ */

/* A select case must be a send, a receive, or an assignment from one; as
 * types2, a case that is neither is reported and left unchecked. */
static bool select_comm_ok(Checker *c, Node *s)
{
	Node *rx = NULL;
	if (s->kind == N_SEND)
		return true;
	if (s->kind == N_EXPRSTMT)
		rx = s->u.exprstmt.x;
	else if (s->kind == N_ASSIGN && s->u.assign.op == OP_NONE && s->u.assign.rhs.len == 1)
		rx = s->u.assign.rhs.v[0];
	rx = ast_unparen(rx);
	if (rx && rx->kind == N_UNARY && rx->u.op.op == OP_RECV)
		return true;
	/* an assignment where it starts; an expression where Go's parser
	 * places it (a binary one at its operator, a call at its '(') */
	Pos at = s->pos;
	if (s->kind == N_EXPRSTMT) {
		Node *x = s->u.exprstmt.x;
		at = x->kind == N_CALL && x->u.call.lparen.line ? x->u.call.lparen : x->pos;
	} else if (s->kind == N_ASSIGN && s->u.assign.lhs.len) {
		at = ast_start(s->u.assign.lhs.v[0]);
	}
	checker_error(c, at, "select case must be send or receive (possibly with assignment)");
	return false;
}

static void check_cond(Checker *c, Node *cond, const char *what)
{
	Operand x;
	check_expr(c, cond, &x, NULL);
	if (x.mode == M_INVALID)
		return;
	if (!type_is_boolean(x.type)) {
		checker_error(c, cond->pos, "non-boolean condition in %s statement", what);
		return;
	}
	use_default(c, &x);
}

static void check_simple(Checker *c, Node *s)
{
	if (s)
		check_stmt(c, s);
}

/* May case value v (of node e) be compared with the tag's type tt? Else
 * reports why, at v, as types2's comparison of a switch case. */
static bool case_comparable(Checker *c, Node *e, Operand *v, Type *tt, const char *tagstr)
{
	const char *cause;
	if (!comparison_types_match(v->type, tt)) {
		checker_error(c, ast_start(e), "invalid case %s in switch on %s (mismatched types %s and %s)", ast_expr_string(e),
			      tagstr, tstr(v->type), tstr(tt));
		return false;
	}
	if (!type_comparable(v->type))
		cause = incomparable_cause(v->type);
	else if (!type_comparable(tt))
		cause = incomparable_cause(tt);
	else
		return true;
	checker_error(c, ast_start(e), "invalid case %s in switch on %s (%s)", ast_expr_string(e), tagstr, cause);
	return false;
}

/* types2 looks for a second default before it checks any clause. */
static void multiple_defaults(Checker *c, NodeList *body)
{
	Node *first = NULL;
	for (int i = 0; i < body->len; i++) {
		Node *cl = body->v[i];
		if (!cl->u.clause.is_default)
			continue;
		if (first)
			checker_error(c, cl->pos, "multiple defaults (first at %s:%d:%d)", c->diag->filename, first->pos.line,
				      first->pos.col);
		else
			first = cl;
	}
}

/* The statement of a clause's body a fallthrough may be: its last, past
 * trailing empty statements and through labels, as checkBranches sees it. */
static Node *clause_last_stmt(NodeList *body)
{
	int n = body->len;
	while (n > 0 && body->v[n - 1]->kind == N_EMPTYSTMT)
		n--;
	if (!n)
		return NULL;
	Node *st = body->v[n - 1];
	while (st->kind == N_LABELED)
		st = st->u.labeled.stmt;
	return st;
}

static void check_switch(Checker *c, Node *s)
{
	open_scope(c);
	check_simple(c, s->u.sw.init);
	Operand tag;
	memset(&tag, 0, sizeof tag);
	Type *tt = type_basic[TY_BOOL];
	if (s->u.sw.tag) {
		/* the tag is assigned to a hidden variable of its (default) type */
		check_expr(c, s->u.sw.tag, &tag, NULL);
		if (tag.mode == M_NIL) {
			checker_error(c, ast_start(s->u.sw.tag), "use of untyped nil in switch expression");
			tag.mode = M_INVALID;
		}
		use_default_in(c, &tag, "switch expression");
		if (tag.mode != M_INVALID && !type_comparable(tag.type) && !type_nillable(tag.type)) {
			checker_error(c, ast_start(s->u.sw.tag), "cannot switch on %s (%s is not comparable)", operand_string(&tag),
				      tstr(tag.type));
			tag.mode = M_INVALID;
		}
		tt = tag.mode == M_INVALID ? NULL : tag.type;
	}
	/* a switch without a tag switches on the constant true */
	const char *tagstr = s->u.sw.tag ? ast_expr_string(s->u.sw.tag) : "true";
	c->switch_depth++;
	BreakKind outer_bk = c->breakable;
	Node *outer_last = c->clause_last;
	bool outer_final = c->clause_final;
	c->breakable = BK_SWITCH;
	multiple_defaults(c, &s->u.sw.body);
	/* the constant cases so far (on the heap: switches nest, and each
	 * level's frame would otherwise hold them all) */
	Operand *seen = GC_MALLOC(sizeof(Operand) * 256);
	int nseen = 0;
	for (int i = 0; i < s->u.sw.body.len; i++) {
		Node *cl = s->u.sw.body.v[i];
		for (int k = 0; k < cl->u.clause.list.len; k++) {
			Operand v;
			check_expr(c, cl->u.clause.list.v[k], &v, tt);
			if (v.mode == M_INVALID || !tt)
				continue;
			/* case v is compared as tag == v */
			if (!convert_untyped_report(c, &v, tt))
				continue;
			if (v.mode != M_NIL && !case_comparable(c, cl->u.clause.list.v[k], &v, tt, tagstr))
				continue;
			/* types2 (as gc) looks for duplicates among integer,
			 * float and string constants only */
			if (v.mode == M_CONST && !type_is_boolean(v.type) && !type_is_complex(v.type)) {
				for (int q = 0; q < nseen; q++)
					if (type_identical(seen[q].type, v.type) && const_compare(OP_EQ, seen[q].cv, v.cv)) {
						/* types2 places this at the node's own position
						 * (a binary expression's operator), not its start */
						Pos p = seen[q].expr->pos;
						checker_error(c, ast_start(cl->u.clause.list.v[k]),
							      "duplicate case %s in expression switch\n\t%s:%d:%d: previous case",
							      operand_string(&v), c->diag->filename, p.line, p.col);
						break;
					}
				if (nseen < 256)
					seen[nseen++] = v;
			}
		}
		open_scope(c);
		c->clause_last = clause_last_stmt(&cl->u.clause.body);
		c->clause_final = i == s->u.sw.body.len - 1;
		check_block_stmts(c, &cl->u.clause.body);
		close_scope(c);
	}
	c->switch_depth--;
	c->breakable = outer_bk;
	c->clause_last = outer_last;
	c->clause_final = outer_final;
	close_scope(c);
}

/* Reports te, a case of a type switch (a type, or nil), if an earlier case
 * has the same type; else adds it to seen. Returns whether it was new. */
static bool type_case_seen(Checker *c, Node **seen, int *nseen, Node *te)
{
	bool is_nil = te->type->kind == TY_UNTYPED_NIL;
	for (int i = 0; i < *nseen; i++) {
		Type *t = seen[i]->type;
		if (is_nil ? t->kind == TY_UNTYPED_NIL : t->kind != TY_UNTYPED_NIL && type_identical(t, te->type)) {
			Pos p = ast_start(seen[i]);
			checker_error(c, ast_start(te), "duplicate case %s in type switch\n\t%s:%d:%d: previous case",
				      is_nil ? "nil" : tstr(te->type), c->diag->filename, p.line, p.col);
			return false;
		}
	}
	seen[(*nseen)++] = te;
	return true;
}

static void check_type_switch(Checker *c, Node *s)
{
	open_scope(c);
	check_simple(c, s->u.sw.init);
	Node *g = s->u.sw.assign;
	Node *ax = g->kind == N_EXPRSTMT ? g->u.exprstmt.x : g->u.assign.rhs.v[0];
	Node *bind = g->kind == N_ASSIGN ? g->u.assign.lhs.v[0] : NULL;
	Operand x;
	check_expr(c, ax->u.assert.x, &x, NULL);
	/* types2 leaves a switch on an invalid operand there, before its
	 * defaults are looked at (one that is no interface is checked on) */
	bool x_valid = x.mode != M_INVALID;
	if (x.mode != M_INVALID && !type_is_interface(x.type)) {
		checker_error(c, ax->u.assert.x->pos, "%s is not an interface", operand_string(&x));
		x.mode = M_INVALID;
	}
	ax->type = x.type;
	if (x_valid)
		multiple_defaults(c, &s->u.sw.body);
	c->switch_depth++;
	BreakKind outer_bk = c->breakable;
	c->breakable = BK_TYPESWITCH;
	Obj **bound = GC_MALLOC(sizeof(Obj *) * (size_t)(s->u.sw.body.len + 1));
	int nb = 0;
	/* the case types so far (NULL for nil), to find one given twice */
	int ncases = 0;
	for (int i = 0; i < s->u.sw.body.len; i++)
		ncases += s->u.sw.body.v[i]->u.clause.list.len;
	Node **seen = GC_MALLOC(sizeof(Node *) * (size_t)(ncases + 1));
	int nseen = 0;
	for (int i = 0; i < s->u.sw.body.len; i++) {
		Node *cl = s->u.sw.body.v[i];
		Type *single = NULL;
		for (int k = 0; k < cl->u.clause.list.len; k++) {
			Node *te = cl->u.clause.list.v[k];
			if (te->kind == N_IDENT && !strcmp(te->u.ident.name, "nil")) {
				te->type = type_basic[TY_UNTYPED_NIL];
				single = NULL;
				type_case_seen(c, seen, &nseen, te);
				continue;
			}
			Type *t = check_type(c, te);
			te->type = t;
			single = cl->u.clause.list.len == 1 ? t : NULL;
			if (t->kind == TY_INVALID || !type_case_seen(c, seen, &nseen, te))
				continue;
			if (x.mode != M_INVALID && t->kind != TY_INVALID && !type_is_interface(t)) {
				const char *why = missing_method_reason(t, x.type);
				if (why)
					checker_error(c, ast_start(te), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s",
						      ast_expr_string(te), operand_string(&x), tstr(t), why);
			}
		}
		open_scope(c);
		if (bind && strcmp(bind->u.ident.name, "_")) {
			Obj *o = obj_new(OBJ_VAR, bind->u.ident.name, bind->pos, single ? single : x.type);
			o->decl = cl;
			o->state = 2;
			o->func = c->fn ? c->fn->obj : NULL;
			scope_insert(c->scope, o);
			cl->obj = o;
			bound[nb++] = o;
		}
		check_block_stmts(c, &cl->u.clause.body);
		close_scope(c);
	}
	c->switch_depth--;
	c->breakable = outer_bk;
	if (bind) {
		bool used = false;
		for (int i = 0; i < nb; i++)
			used |= bound[i]->used;
		if (!used && strcmp(bind->u.ident.name, "_"))
			checker_error(c, bind->pos, "%s declared but not used", bind->u.ident.name);
		/* the symbolic variable itself, for the compiler */
		Obj *o = obj_new(OBJ_VAR, bind->u.ident.name, bind->pos, x.type);
		o->used = true;
		bind->obj = o;
	}
	close_scope(c);
}

static void check_range(Checker *c, Node *s)
{
	open_scope(c);
	Operand x;
	check_expr(c, s->u.range.x, &x, NULL);
	Type *kt = NULL, *vt = NULL;
	if (x.mode != M_INVALID) {
		Type *u = type_under(x.type);
		if (u->kind == TY_POINTER && type_under(u->elem)->kind == TY_ARRAY)
			u = type_under(u->elem);
		switch (u->kind) {
		case TY_STRING:
		case TY_UNTYPED_STRING:
			use_default(c, &x);
			kt = type_basic[TY_INT];
			vt = type_rune;
			break;
		case TY_ARRAY:
		case TY_SLICE:
			kt = type_basic[TY_INT];
			vt = u->elem;
			break;
		case TY_MAP:
			kt = u->key;
			vt = u->elem;
			break;
		case TY_CHAN:
			kt = u->elem;
			if (s->u.range.value)
				checker_error(c, s->u.range.value->pos, "range over %s permits only one iteration variable",
					      operand_string(&x));
			if (u->chandir == 1) {
				checker_error(c, ast_start(s->u.range.x), "cannot range over %s (receive from send-only channel)",
					      operand_string(&x));
				kt = NULL;
			}
			break;
		default:
			if (type_is_integer(u)) {
				if (type_is_untyped(x.type))
					use_default(c, &x);
				kt = x.type;
				if (s->u.range.value)
					checker_error(c, s->u.range.value->pos, "range over %s permits only one iteration variable",
						      operand_string(&x));
				break;
			}
			checker_error(c, ast_start(s->u.range.x), "cannot range over %s", operand_string(&x));
			break;
		}
	}
	/* types2 looks for a third variable only when not ranging over a
	 * channel, which has its own complaint about a second one */
	if (s->u.range.extra && !(x.mode != M_INVALID && type_under(x.type)->kind == TY_CHAN))
		checker_error(c, ast_start(s->u.range.extra), "range clause permits at most two iteration variables");
	Node *vars[2] = {s->u.range.key, s->u.range.value};
	Type *types[2] = {kt, vt};
	if (s->u.range.define) {
		for (int i = 0; i < 2; i++) {
			Node *id = vars[i];
			if (!id)
				continue;
			if (id->kind != N_IDENT) {
				checker_error(c, id->pos, "non-name %s on left side of :=", ast_expr_string(id));
				continue;
			}
			Obj *o = obj_new(OBJ_VAR, id->u.ident.name, id->pos, types[i] ? types[i] : type_invalid);
			/* a variable without a type already had its error: it is
			 * not reported unused too */
			o->used = !types[i];
			o->decl = s;
			o->state = 2;
			id->obj = o;
			id->type = o->type;
			declare_local(c, o);
		}
	} else {
		for (int i = 0; i < 2; i++) {
			if (!vars[i])
				continue;
			Operand lx;
			if (check_lhs(c, vars[i], &lx) && lx.type && types[i]) {
				Operand v = {.mode = M_VALUE, .type = types[i], .expr = vars[i]};
				/* types2 reports it at the variable, as an assignment's */
				assign_to(c, &v, lx.type, "assignment");
			}
		}
	}
	c->loop_depth++;
	BreakKind outer_bk = c->breakable;
	c->breakable = BK_LOOP;
	check_stmt(c, s->u.range.body);
	c->breakable = outer_bk;
	c->loop_depth--;
	close_scope(c);
}

/* A bare return returns the named results, which must be what their
 * names mean there: Go rejects one that an inner declaration hides. */
static void check_results_in_scope(Checker *c, Node *s)
{
	if (!c->fn->results)
		return;
	for (int i = 0; i < c->fn->sig->nresults; i++) {
		Obj *res = c->fn->results[i];
		if (!res || !strcmp(res->name, "_"))
			continue;
		Obj *alt = scope_lookup(c->scope, res->name, NULL);
		if (alt && alt != res)
			checker_error(c, s->pos, "result parameter %s not in scope at return\n\t%s:%d:%d: inner declaration of var %s %s",
				      res->name, c->diag->filename, alt->pos.line, alt->pos.col, res->name, tstr(res->type));
	}
}

/* The result types of sig as "want (int, error)" lists them: types only. */
static const char *results_summary(Type *sig)
{
	Field *f = GC_MALLOC(sizeof(Field) * (size_t)(sig->nresults + 1));
	for (int i = 0; i < sig->nresults; i++)
		f[i].type = sig->results[i].type;
	return type_string(type_tuple(f, sig->nresults), false);
}

static void check_return(Checker *c, Node *s)
{
	Type *sig = c->fn ? c->fn->sig : NULL;
	NodeList *r = &s->u.ret.results;
	if (!sig)
		return;
	int want = sig->nresults;
	if (r->len == 0) {
		if (want > 0 && !(sig->results[0].name && sig->results[0].name[0]))
			checker_error(c, s->pos, "not enough return values\n\thave ()\n\twant %s",
				      results_summary(sig));
		else if (want > 0)
			check_results_in_scope(c, s);
		return;
	}
	if (list_too_long(c, s->pos, r->len, "values in one return"))
		return;
	Operand xs[64];
	int n;
	if (r->len == 1 && want > 1) {
		n = check_values(c, r->v[0], xs, 64, false);
		if (n < 0)
			return;
	} else {
		n = r->len;
		for (int i = 0; i < n && i < 64; i++)
			check_expr(c, r->v[i], &xs[i], i < want ? sig->results[i].type : NULL);
	}
	bool any_invalid = false;
	for (int i = 0; i < n && i < 64; i++)
		any_invalid |= xs[i].mode == M_INVALID;
	if (any_invalid && n != want)
		return; /* the count is not judged past a value in error */
	if (n != want) {
		char have[512] = "(";
		for (int i = 0; i < n && i < 64; i++) {
			const char *ts = summary_type(&xs[i]);
			snprintf(have + strlen(have), sizeof have - strlen(have), "%s%s", i ? ", " : "", ts);
		}
		strcat(have, ")");
		checker_error(c, ast_start(n > want && r->len > want ? r->v[want] : r->v[0]), "%s return values\n\thave %s\n\twant %s", n > want ? "too many" : "not enough",
			      have, results_summary(sig));
		return;
	}
	/* each value that is not in error is judged on its own */
	for (int i = 0; i < n; i++)
		if (xs[i].mode != M_INVALID)
			assign_to(c, &xs[i], sig->results[i].type, "return statement");
}

/* Labels of a function: declared once, each must be used. */
typedef struct Label {
	const char *name;
	Pos pos;
	bool used;
	Node *stmt;
} Label;

static void collect_labels(Checker *c, Node *s, Label *labels, int *n)
{
	if (!s)
		return;
	switch (s->kind) {
	case N_LABELED: {
		const char *name = s->u.labeled.label->u.ident.name;
		bool dup = false;
		for (int i = 0; i < *n; i++)
			if (!strcmp(labels[i].name, name)) {
				checker_error(c, s->u.labeled.label->pos, "label %s already defined at %s:%d:%d", name,
					      c->diag->filename, labels[i].pos.line, labels[i].pos.col);
				dup = true;
			}
		if (!dup && *n < 256 && strcmp(name, "_")) {
			labels[*n].name = name;
			labels[*n].pos = s->u.labeled.label->pos;
			labels[*n].used = false;
			labels[*n].stmt = s->u.labeled.stmt;
			(*n)++;
		}
		collect_labels(c, s->u.labeled.stmt, labels, n);
		break;
	}
	case N_BLOCK:
		for (int i = 0; i < s->u.block.stmts.len; i++)
			collect_labels(c, s->u.block.stmts.v[i], labels, n);
		break;
	case N_IF:
		collect_labels(c, s->u.ifstmt.then, labels, n);
		collect_labels(c, s->u.ifstmt.els, labels, n);
		break;
	case N_FOR:
		collect_labels(c, s->u.forstmt.body, labels, n);
		break;
	case N_RANGE:
		collect_labels(c, s->u.range.body, labels, n);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		for (int i = 0; i < s->u.sw.body.len; i++)
			for (int k = 0; k < s->u.sw.body.v[i]->u.clause.body.len; k++)
				collect_labels(c, s->u.sw.body.v[i]->u.clause.body.v[k], labels, n);
		break;
	default:
		break;
	}
}

static Label *fn_labels;
static int fn_nlabels;
/* Labels of statements enclosing the current one (for break/continue L). */
static const char *enclosing[256];
static int enclosing_kind[256]; /* 1 loop, 2 switch/select */
static int nenclosing;

static void check_branch(Checker *c, Node *s)
{
	BranchTok t = s->u.branch.tok;
	const char *kw = t == BR_BREAK ? "break" : t == BR_CONTINUE ? "continue" : t == BR_GOTO ? "goto" : "fallthrough";
	if (t == BR_FALLTHROUGH) {
		if (c->breakable == BK_TYPESWITCH)
			checker_error(c, s->pos, "cannot fallthrough in type switch");
		else if (c->breakable != BK_SWITCH || s != c->clause_last)
			checker_error(c, s->pos, "fallthrough statement out of place");
		else if (c->clause_final)
			checker_error(c, s->pos, "cannot fallthrough final case in switch");
		return;
	}
	if (s->u.branch.label) {
		const char *name = s->u.branch.label->u.ident.name;
		Label *l = NULL;
		Pos at = s->u.branch.label->pos;
		for (int i = 0; i < fn_nlabels; i++)
			if (!strcmp(fn_labels[i].name, name))
				l = &fn_labels[i];
		/* Go's check of branches meets labels in source order: for
		 * break and continue, one declared further on is not defined
		 * yet (and not used by them) */
		if (l && t != BR_GOTO
		    && (l->pos.line > at.line || (l->pos.line == at.line && l->pos.col > at.col)))
			l = NULL;
		if (!l) {
			if (t == BR_GOTO)
				checker_error(c, s->u.branch.label->pos, "label %s not defined", name);
			else
				checker_error(c, s->u.branch.label->pos, "%s label not defined: %s", kw, name);
			return;
		}
		l->used = true;
		if (t == BR_GOTO)
			return;
		for (int i = nenclosing - 1; i >= 0; i--)
			if (enclosing[i] && !strcmp(enclosing[i], name)) {
				if (t == BR_CONTINUE && enclosing_kind[i] != 1)
					checker_error(c, s->u.branch.label->pos, "invalid continue label %s", name);
				return;
			}
		checker_error(c, s->u.branch.label->pos, "invalid %s label %s", kw, name);
		return;
	}
	if (t == BR_BREAK && !c->loop_depth && !c->switch_depth && !c->select_depth)
		checker_error(c, s->pos, "break is not in a loop, switch, or select");
	if (t == BR_CONTINUE && !c->loop_depth)
		checker_error(c, s->pos, "continue is not in a loop");
}

/* At the REPL prompt an expression statement with a value prints it, as
 * fmt.Println would: the statement becomes a call of fmt.Println (through
 * a package name no program can spell, so a user's own `fmt` does not get
 * in the way). Returns false for an expression without a value, which is
 * then checked as an ordinary statement. */
static bool repl_print_stmt(Checker *c, Node *s)
{
	Node *e = s->u.exprstmt.x;
	Operand xs[64];
	memset(xs, 0, sizeof xs);
	int got = check_multi(c, e, xs, 64, false);
	if (got < 0 || xs[0].mode == M_INVALID)
		return true; /* reported */
	if (xs[0].mode == M_NOVALUE)
		return false;
	/* fmt.Println("x") at the prompt prints x, not also its byte count */
	Node *in = ast_unparen(e);
	if (in->kind == N_CALL && in->u.call.fun->kind == N_SELECTOR) {
		Node *px = in->u.call.fun->u.selector.x;
		const char *f = in->u.call.fun->u.selector.sel->u.ident.name;
		Obj *po = px->kind == N_IDENT ? px->obj : NULL;
		if (po && po->kind == OBJ_PKG && po->pkg && !strcmp(po->pkg, "fmt")
		    && (!strncmp(f, "Print", 5) || !strncmp(f, "Fprint", 6)))
			return false;
	}
	Node *sel = ast_new(N_SELECTOR, e->pos);
	sel->u.selector.x = ast_ident(e->pos, REPL_FMT);
	sel->u.selector.sel = ast_ident(e->pos, "Println");
	Node *call = ast_new(N_CALL, e->pos);
	call->u.call.fun = sel;
	nodelist_push(&call->u.call.args, e);
	call->end = e->pos;
	s->u.exprstmt.x = call;
	Operand x;
	check_multi(c, call, &x, 1, false);
	return true;
}

static void check_stmt(Checker *c, Node *s)
{
	switch (s->kind) {
	case N_BAD:
	case N_EMPTYSTMT:
		return;
	case N_DECLSTMT:
		check_local_decl(c, s->u.declstmt.decl);
		return;
	case N_LABELED: {
		const char *name = s->u.labeled.label->u.ident.name;
		Node *inner = s->u.labeled.stmt;
		int kind = (inner->kind == N_FOR || inner->kind == N_RANGE) ? 1
			   : (inner->kind == N_SWITCH || inner->kind == N_TYPESWITCH || inner->kind == N_SELECT) ? 2 : 0;
		/* a label declared again does not name its statement: break
		 * and continue find the first declaration's (syntax's
		 * enclosingTarget), which this is not */
		for (int i = 0; i < fn_nlabels; i++)
			if (!strcmp(fn_labels[i].name, name) && fn_labels[i].stmt != inner)
				kind = 0;
		if (nenclosing < 256) {
			enclosing[nenclosing] = kind ? name : NULL;
			enclosing_kind[nenclosing] = kind;
			nenclosing++;
		}
		check_stmt(c, inner);
		nenclosing--;
		return;
	}
	case N_EXPRSTMT: {
		if (c->repl_scope && c->scope == c->repl_scope && repl_print_stmt(c, s))
			return;
		Operand x;
		Node *e = s->u.exprstmt.x;
		memset(&x, 0, sizeof x);
		if (check_multi(c, e, &x, 1, false) < 0 || x.mode == M_INVALID)
			return;
		Node *inner = ast_unparen(e);
		bool is_call = inner->kind == N_CALL;
		bool is_recv = inner->kind == N_UNARY && inner->u.op.op == OP_RECV;
		if (is_call) {
			/* conversions and some builtins are not statements */
			Node *fun = inner->u.call.fun;
			/* a builtin that only computes a value, or a conversion */
			bool unused = false;
			if (fun->obj && ((Obj *)fun->obj)->kind == OBJ_BUILTIN) {
				Builtin b = ((Obj *)fun->obj)->builtin;
				unused = b == BI_APPEND || b == BI_CAP || b == BI_LEN || b == BI_MAKE || b == BI_NEW
					 || b == BI_COMPLEX || b == BI_REAL || b == BI_IMAG || b == BI_MIN || b == BI_MAX;
			} else {
				unused = fun->type && (x.mode == M_VALUE || x.mode == M_CONST) && inner->type
					 && !(fun->type->kind == TY_FUNC || type_under(fun->type)->kind == TY_FUNC);
			}
			if (unused)
				checker_error(c, ast_start(e), "%s is not used", operand_string(&x));
			return;
		}
		if (is_recv)
			return;
		checker_error(c, ast_start(e), "%s is not used", operand_string(&x));
		return;
	}
	case N_SEND: {
		/* types2 checks both operands before the channel's type, and
		 * reports at the statement's start */
		Operand ch, v;
		check_expr(c, s->u.send.ch, &ch, NULL);
		Type *u = ch.mode == M_INVALID ? NULL : type_under(ch.type);
		Type *elem = u && u->kind == TY_CHAN ? u->elem : NULL;
		check_expr(c, s->u.send.value, &v, elem);
		if (!u || v.mode == M_INVALID)
			return;
		if (u->kind != TY_CHAN) {
			checker_error(c, ast_start(s->u.send.ch), "invalid operation: cannot send to non-channel %s",
				      operand_string(&ch));
			return;
		}
		if (u->chandir == 2) {
			checker_error(c, ast_start(s->u.send.ch), "invalid operation: cannot send to receive-only channel %s",
				      operand_string(&ch));
			return;
		}
		assign_to(c, &v, u->elem, "send");
		return;
	}
	case N_INCDEC: {
		/* x++ reads x: unlike a plain assignment it counts as a use */
		Operand x;
		check_expr(c, s->u.incdec.x, &x, NULL);
		if (x.mode == M_INVALID)
			return;
		if (x.type && !type_is_numeric(x.type)) {
			checker_error(c, ast_start(s->u.incdec.x), "invalid operation: %s%s (non-numeric type %s)",
				      ast_expr_string(s->u.incdec.x), s->u.incdec.inc ? "++" : "--", tstr(x.type));
			return;
		}
		assignable_operand(c, s->u.incdec.x, &x);
		return;
	}
	case N_ASSIGN:
		if (s->u.assign.define) {
			declare_vars(c, s, &s->u.assign.lhs, NULL, &s->u.assign.rhs, true);
			return;
		}
		if (s->u.assign.op != OP_NONE) {
			/* x op= y is x = x op y, with x evaluated once */
			Operand lx, y;
			if (!check_lhs(c, s->u.assign.lhs.v[0], &lx)) {
				check_expr(c, s->u.assign.rhs.v[0], &y, NULL);
				return;
			}
			Node bin;
			memset(&bin, 0, sizeof bin);
			bin.kind = N_BINARY;
			bin.pos = s->pos;
			bin.u.op.op = s->u.assign.op;
			bin.u.op.x = s->u.assign.lhs.v[0];
			bin.u.op.y = s->u.assign.rhs.v[0];
			/* x op= y reads x: it counts as a use of x */
			Operand r;
			Node *outer = c->assign_op;
			c->assign_op = &bin;
			check_expr(c, &bin, &r, lx.type);
			c->assign_op = outer;
			if (r.mode != M_INVALID && lx.type)
				assign_to(c, &r, lx.type, "assignment");
			return;
		}
		assign_values(c, &s->u.assign.lhs, &s->u.assign.rhs);
		return;
	case N_GO:
	case N_DEFER: {
		Node *call = ast_unparen(s->u.gostmt.call);
		if (call->kind != N_CALL) {
			Operand x;
			check_expr(c, call, &x, NULL);
			return;
		}
		Operand x;
		memset(&x, 0, sizeof x);
		if (check_multi(c, call, &x, 1, false) < 0 || x.mode == M_INVALID)
			return;
		const char *kw = s->kind == N_GO ? "go" : "defer";
		Node *fun = call->u.call.fun;
		if (c->conversion == call) {
			checker_error(c, ast_start(call), "%s requires function call, not conversion %s", kw, operand_string(&x));
			return;
		}
		if (fun->obj && ((Obj *)fun->obj)->kind == OBJ_BUILTIN) {
			/* the builtins types2 calls expressions, not statements */
			Builtin b = ((Obj *)fun->obj)->builtin;
			if (b == BI_APPEND || b == BI_CAP || b == BI_LEN || b == BI_MAKE || b == BI_NEW || b == BI_COMPLEX
			    || b == BI_REAL || b == BI_IMAG || b == BI_MIN || b == BI_MAX)
				checker_error(c, ast_start(call), "%s discards result of %s", kw, operand_string(&x));
		}
		return;
	}
	case N_RETURN:
		check_return(c, s);
		return;
	case N_BRANCH:
		check_branch(c, s);
		return;
	case N_BLOCK:
		open_scope(c);
		check_block_stmts(c, &s->u.block.stmts);
		close_scope(c);
		return;
	case N_IF:
		open_scope(c);
		check_simple(c, s->u.ifstmt.init);
		check_cond(c, s->u.ifstmt.cond, "if");
		check_stmt(c, s->u.ifstmt.then);
		if (s->u.ifstmt.els)
			check_stmt(c, s->u.ifstmt.els);
		close_scope(c);
		return;
	case N_SWITCH:
		check_switch(c, s);
		return;
	case N_TYPESWITCH:
		check_type_switch(c, s);
		return;
	case N_SELECT: {
		c->select_depth++;
		BreakKind outer_bk = c->breakable;
		c->breakable = BK_LOOP;
		multiple_defaults(c, &s->u.sw.body);
		for (int i = 0; i < s->u.sw.body.len; i++) {
			Node *cl = s->u.sw.body.v[i];
			open_scope(c);
			/* (a case that is neither is not looked into further,
			 * its body included, as types2 does) */
			bool ok = !cl->u.clause.comm || select_comm_ok(c, cl->u.clause.comm);
			if (ok && cl->u.clause.comm)
				check_stmt(c, cl->u.clause.comm);
			if (ok)
				check_block_stmts(c, &cl->u.clause.body);
			close_scope(c);
		}
		c->breakable = outer_bk;
		c->select_depth--;
		return;
	}
	case N_FOR:
		open_scope(c);
		check_simple(c, s->u.forstmt.init);
		if (s->u.forstmt.cond)
			check_cond(c, s->u.forstmt.cond, "for");
		check_simple(c, s->u.forstmt.post);
		c->loop_depth++;
		BreakKind outer_bk = c->breakable;
		c->breakable = BK_LOOP;
		check_stmt(c, s->u.forstmt.body);
		c->breakable = outer_bk;
		c->loop_depth--;
		close_scope(c);
		return;
	case N_RANGE:
		check_range(c, s);
		return;
	default:
		checker_error(c, s->pos, "unexpected statement");
		return;
	}
}

/* ---- goto ------------------------------------------------------------------------- */

/* Where a goto may jump, by the rules Go's compiler checks on its syntax
 * tree (cmd/compile's syntax.checkBranches): into its own block or an
 * enclosing one, never into another block, and not forward over a
 * variable declaration of the block its label is in. The body is walked
 * block by block in source order; a goto whose label is not yet declared
 * in an enclosing block waits as a forward goto, and the ones a block
 * leaves unresolved wait in the block around it. */
typedef struct GotoBlock {
	struct GotoBlock *parent;
	Pos start; /* its `{`, or its case clause's keyword */
} GotoBlock;

typedef struct GotoLabel {
	const char *name;
	GotoBlock *block;
} GotoLabel;

typedef struct GotoWalk {
	Checker *c;
	GotoLabel *labels; /* the labels declared so far in the body */
	int nlabels, cap;
} GotoWalk;

static GotoLabel *goto_label(GotoWalk *w, const char *name)
{
	for (int i = 0; i < w->nlabels; i++)
		if (!strcmp(w->labels[i].name, name))
			return &w->labels[i];
	return NULL;
}

static void goto_declare(GotoWalk *w, const char *name, GotoBlock *b)
{
	if (goto_label(w, name))
		return; /* a duplicate, reported with the other labels */
	GC_RESERVE(w->labels, w->nlabels, w->cap, 16);
	w->labels[w->nlabels++] = (GotoLabel){name, b};
}

static NodeList goto_block(GotoWalk *w, GotoBlock *parent, Pos start, NodeList *stmts);

/* The forward gotos an inner block leaves join the enclosing block's. */
static void goto_inner(GotoWalk *w, GotoBlock *b, NodeList *fwd, Pos start, NodeList *stmts)
{
	NodeList inner = goto_block(w, b, start, stmts);
	for (int i = 0; i < inner.len; i++)
		nodelist_push(fwd, inner.v[i]);
}

static bool in_list(const NodeList *l, const Node *n)
{
	for (int i = 0; i < l->len; i++)
		if (l->v[i] == n)
			return true;
	return false;
}

/* The last variable declaration seen in a block, and the forward gotos
 * that were waiting when it was made: they jump over it if their label
 * follows in the same block. */
typedef struct VarSeen {
	const char *name; /* NULL: none yet */
	Pos pos;
	NodeList waiting;
} VarSeen;

static void var_seen(VarSeen *v, const char *name, Pos pos, const NodeList *fwd)
{
	v->name = name;
	v->pos = pos;
	v->waiting = (NodeList){0};
	for (int i = 0; i < fwd->len; i++)
		nodelist_push(&v->waiting, fwd->v[i]);
}

/* A label resolves the forward gotos waiting for it. */
static void goto_resolve(GotoWalk *w, NodeList *fwd, const char *name, const VarSeen *var)
{
	int kept = 0;
	for (int k = 0; k < fwd->len; k++) {
		Node *g = fwd->v[k];
		if (strcmp(g->u.branch.label->u.ident.name, name)) {
			fwd->v[kept++] = g;
			continue;
		}
		if (var->name && in_list(&var->waiting, g))
			checker_error(w->c, g->u.branch.label->pos, "goto %s jumps over declaration of %s at %s:%d:%d", name,
				      var->name, w->c->diag->filename, var->pos.line, var->pos.col);
	}
	fwd->len = kept;
}

/* Walks one block; returns its unresolved forward gotos. */
static NodeList goto_block(GotoWalk *w, GotoBlock *parent, Pos start, NodeList *stmts)
{
	/* labels keep their block after the walk leaves it */
	GotoBlock *b = GC_MALLOC(sizeof *b);
	b->parent = parent;
	b->start = start;
	NodeList fwd = {0};
	VarSeen var = {0};
	for (int i = 0; i < stmts->len; i++) {
		Node *s = stmts->v[i];
		while (s->kind == N_LABELED) {
			const char *name = s->u.labeled.label->u.ident.name;
			if (strcmp(name, "_")) {
				goto_declare(w, name, b);
				goto_resolve(w, &fwd, name, &var);
			}
			s = s->u.labeled.stmt;
		}
		switch (s->kind) {
		case N_DECLSTMT: {
			/* at the first name */
			Node *d = s->u.declstmt.decl;
			if (d->u.gen.tok == DECL_VAR && d->u.gen.specs.len) {
				Node *id = d->u.gen.specs.v[0]->u.value.names.v[0];
				var_seen(&var, id->u.ident.name, id->pos, &fwd);
			}
			break;
		}
		case N_ASSIGN:
			/* at the :=, naming all on its left */
			if (s->u.assign.define)
				var_seen(&var, ast_list_string(&s->u.assign.lhs), s->pos, &fwd);
			break;
		case N_BRANCH:
			if (s->u.branch.tok == BR_GOTO && s->u.branch.label) {
				GotoLabel *l = goto_label(w, s->u.branch.label->u.ident.name);
				GotoBlock *e = b;
				while (l && e && e != l->block)
					e = e->parent;
				if (!l || !e)
					nodelist_push(&fwd, s);
			}
			break;
		case N_BLOCK:
			goto_inner(w, b, &fwd, s->pos, &s->u.block.stmts);
			break;
		case N_IF:
			goto_inner(w, b, &fwd, s->u.ifstmt.then->pos, &s->u.ifstmt.then->u.block.stmts);
			if (s->u.ifstmt.els) {
				/* Go's else is a block holding the else's block or if */
				NodeList els = nodelist_of(s->u.ifstmt.els);
				goto_inner(w, b, &fwd, s->u.ifstmt.els->pos, &els);
			}
			break;
		case N_FOR:
			goto_inner(w, b, &fwd, s->u.forstmt.body->pos, &s->u.forstmt.body->u.block.stmts);
			break;
		case N_RANGE:
			goto_inner(w, b, &fwd, s->u.range.body->pos, &s->u.range.body->u.block.stmts);
			break;
		case N_SWITCH:
		case N_TYPESWITCH:
		case N_SELECT:
			for (int k = 0; k < s->u.sw.body.len; k++) {
				Node *cl = s->u.sw.body.v[k];
				goto_inner(w, b, &fwd, cl->pos, &cl->u.clause.body);
			}
			break;
		default:
			break;
		}
	}
	return fwd;
}

/* Check the gotos of a function body: one left unresolved at its end has
 * its label only inside a block it may not enter (or has none, which
 * check_branch reports). */
static void check_gotos(Checker *c, Node *body)
{
	GotoWalk w = {.c = c};
	NodeList fwd = goto_block(&w, NULL, body->pos, &body->u.block.stmts);
	for (int i = 0; i < fwd.len; i++) {
		Node *label = fwd.v[i]->u.branch.label;
		GotoLabel *l = goto_label(&w, label->u.ident.name);
		if (l)
			checker_error(c, label->pos, "goto %s jumps into block starting at %s:%d:%d", label->u.ident.name,
				      c->diag->filename, l->block->start.line, l->block->start.col);
	}
}

static void check_block_stmts(Checker *c, NodeList *l)
{
	/* The loop/switch depth of enclosing statements does not leak into
	 * nested function literals; that is handled in check_func_body. */
	for (int i = 0; i < l->len; i++)
		check_stmt(c, l->v[i]);
}

void check_func_body(Checker *c, Type *sig, Node *recv, Node *ftype, Node *body, Obj *fobj)
{
	FuncCtx fc = {.sig = sig, .obj = fobj, .outer = c->fn};
	Obj *lit_owner = NULL;
	if (!fobj) {
		/* a literal gets an anonymous owner so captures are visible */
		lit_owner = obj_new(OBJ_FUNC, "func", body->pos, sig);
		fc.obj = lit_owner;
	}
	Checker saved = *c;
	c->fn = &fc;
	c->loop_depth = c->switch_depth = c->select_depth = 0;
	c->breakable = BK_NONE;
	c->clause_last = NULL;
	c->scope = scope_new(c->scope);
	c->scope->func_boundary = true;
	if (c->repl_pending) {
		/* the body of a REPL input: its top-level names persist */
		c->repl_pending = false;
		c->repl_scope = c->scope;
	}
	Label *saved_labels = fn_labels;
	int saved_nlabels = fn_nlabels, saved_nenclosing = nenclosing;
	Label *labels = GC_MALLOC(sizeof(Label) * 256);
	int nlabels = 0;
	collect_labels(c, body, labels, &nlabels);
	fn_labels = labels;
	fn_nlabels = nlabels;
	nenclosing = 0;

	/* receiver and parameters, then named results, all in the body's scope */
	if (recv) {
		NodeList rl = nodelist_of(recv);
		for (int i = 0; i < rl.len; i++) {
			Node *f = rl.v[i];
			Type *rt = check_type(c, f->u.field.type);
			for (int k = 0; k < f->u.field.names.len; k++) {
				Node *id = f->u.field.names.v[k];
				Obj *o = obj_new(OBJ_VAR, id->u.ident.name, id->pos, rt);
				o->used = true;
				o->state = 2;
				id->obj = o;
				declare_local(c, o);
			}
		}
	}
	NodeList *lists[2] = {&ftype->u.functype.params, &ftype->u.functype.results};
	if (sig->nresults > 0 && sig->results[0].name && sig->results[0].name[0])
		fc.results = GC_MALLOC(sizeof(Obj *) * (size_t)sig->nresults);
	int pi = 0;
	for (int l = 0; l < 2; l++) {
		Field *fs = l == 0 ? sig->fields : sig->results;
		pi = 0;
		for (int i = 0; i < lists[l]->len; i++) {
			Node *f = lists[l]->v[i];
			int k = f->u.field.names.len;
			for (int j = 0; j < k; j++, pi++) {
				Node *id = f->u.field.names.v[j];
				Obj *o = obj_new(OBJ_VAR, id->u.ident.name, id->pos, fs[pi].type);
				o->used = true; /* unused parameters are fine */
				o->state = 2;
				id->obj = o;
				declare_local(c, o);
				if (l == 1 && fc.results && pi < sig->nresults)
					fc.results[pi] = o;
			}
			if (!k)
				pi++;
		}
	}
	check_block_stmts(c, &body->u.block.stmts);
	check_gotos(c, body);
	for (int i = 0; i < nlabels; i++)
		if (!labels[i].used)
			checker_error(c, labels[i].pos, "label %s defined and not used", labels[i].name);
	if (sig->nresults > 0 && !list_terminating(&body->u.block.stmts))
		checker_error(c, body->end, "missing return");
	fn_labels = saved_labels;
	fn_nlabels = saved_nlabels;
	nenclosing = saved_nenclosing;
	Obj **locals = c->locals;
	int nlocals = c->nlocals, caplocals = c->caplocals;
	*c = saved;
	c->locals = locals;
	c->nlocals = nlocals;
	c->caplocals = caplocals;
}
