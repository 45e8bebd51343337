/*
 * ast.c — node allocation, lists and the S-expression dump.
 */
#include "ast.h"
#include "strbuf.h"

#include <gc.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const op_texts[] = {
#define X(name, text) text,
	GOL_OPS(X)
#undef X
};

const char *op_text(Op op)
{
	return (unsigned)op < OP__COUNT ? op_texts[op] : "?";
}

static const char *const kind_names[] = {
#define X(k) #k,
	GOL_NODE_KINDS(X)
#undef X
};

const char *node_kind_name(NodeKind k)
{
	return (unsigned)k < N__COUNT ? kind_names[k] : "N_?";
}

Node *ast_new(NodeKind kind, Pos pos)
{
	Node *n = GC_MALLOC(sizeof *n);
	n->kind = kind;
	n->pos = pos;
	return n;
}

void nodelist_push(NodeList *l, Node *n)
{
	if (l->len == l->cap) {
		int cap = l->cap ? l->cap * 2 : 4;
		Node **v = GC_MALLOC(sizeof *v * (size_t)cap);
		if (l->len)
			memcpy(v, l->v, sizeof *v * (size_t)l->len);
		l->v = v;
		l->cap = cap;
	}
	l->v[l->len++] = n;
}

NodeList nodelist_of(Node *n)
{
	NodeList l = {0};
	nodelist_push(&l, n);
	return l;
}

char *ast_strndup(const char *s, size_t len)
{
	char *d = GC_MALLOC_ATOMIC(len + 1);
	memcpy(d, s, len);
	d[len] = 0;
	return d;
}

Node *ast_ident(Pos pos, const char *name)
{
	Node *n = ast_new(N_IDENT, pos);
	n->u.ident.name = name;
	return n;
}

Node *ast_unary(Pos pos, Op op, Node *x)
{
	Node *n = ast_new(N_UNARY, pos);
	n->u.op.op = op;
	n->u.op.x = x;
	return n;
}

Node *ast_binary(Pos pos, Op op, Node *x, Node *y)
{
	Node *n = ast_new(N_BINARY, pos);
	n->u.op.op = op;
	n->u.op.x = x;
	n->u.op.y = y;
	return n;
}

Pos ast_start(const Node *n)
{
	for (;;) {
		switch (n->kind) {
		case N_BINARY: n = n->u.op.x; continue;
		case N_CALL: n = n->u.call.fun; continue;
		case N_INDEX: n = n->u.index.x; continue;
		/* Go 1.19's start position stops at a slice expression's '['
		 * (its StartPos has no case for them): errors about s[i:j]
		 * are placed there, and so they are here */
		case N_SLICE: return n->u.slice.op.line ? n->u.slice.op : n->pos;
		case N_SELECTOR: n = n->u.selector.x; continue;
		case N_TYPEASSERT: n = n->u.assert.x; continue;
		case N_COMPOSITELIT:
			if (n->u.complit.type) {
				n = n->u.complit.type;
				continue;
			}
			return n->pos;
		case N_KEYVALUE: n = n->u.kv.key; continue;
		default: return n->pos;
		}
	}
}

Node *ast_unparen(Node *n)
{
	while (n && n->kind == N_PAREN)
		n = n->u.un1.x;
	return n;
}

/* ---- dump ---------------------------------------------------------------- */

static void dump(StrBuf *b, const Node *n);

static void dump_list(StrBuf *b, const char *tag, const NodeList *l)
{
	strbuf_printf(b, " (%s", tag);
	for (int i = 0; i < l->len; i++)
		dump(b, l->v[i]);
	strbuf_printf(b, ")");
}

static void dump_opt(StrBuf *b, const Node *n)
{
	if (n)
		dump(b, n);
	else
		strbuf_printf(b, " _");
}

/* Short lowercase name: N_COMPOSITELIT -> "compositelit". */
static void dump_head(StrBuf *b, const Node *n)
{
	const char *k = node_kind_name(n->kind) + 2;
	strbuf_printf(b, " (");
	for (; *k; k++)
		strbuf_printf(b, "%c", *k >= 'A' && *k <= 'Z' ? *k - 'A' + 'a' : *k);
}

static void dump(StrBuf *b, const Node *n)
{
	if (!n) {
		strbuf_printf(b, " _");
		return;
	}
	switch (n->kind) {
	case N_IDENT:
		strbuf_printf(b, " %s", n->u.ident.name);
		return;
	case N_BASICLIT:
		strbuf_printf(b, " %s", n->u.lit.text);
		return;
	default:
		break;
	}
	dump_head(b, n);
	switch (n->kind) {
	case N_COMPOSITELIT:
		dump_opt(b, n->u.complit.type);
		dump_list(b, "elts", &n->u.complit.elts);
		break;
	case N_KEYVALUE:
		dump(b, n->u.kv.key);
		dump(b, n->u.kv.value);
		break;
	case N_FUNCLIT:
		dump(b, n->u.funclit.type);
		dump(b, n->u.funclit.body);
		break;
	case N_PAREN:
	case N_STAR:
	case N_ELLIPSIS:
		dump_opt(b, n->u.un1.x);
		break;
	case N_SELECTOR:
		dump(b, n->u.selector.x);
		dump(b, n->u.selector.sel);
		break;
	case N_INDEX:
		dump(b, n->u.index.x);
		dump(b, n->u.index.index);
		break;
	case N_SLICE:
		dump(b, n->u.slice.x);
		dump_opt(b, n->u.slice.lo);
		dump_opt(b, n->u.slice.hi);
		if (n->u.slice.three)
			dump_opt(b, n->u.slice.max);
		break;
	case N_TYPEASSERT:
		dump(b, n->u.assert.x);
		if (n->u.assert.type)
			dump(b, n->u.assert.type);
		else
			strbuf_printf(b, " type");
		break;
	case N_CALL:
		dump(b, n->u.call.fun);
		for (int i = 0; i < n->u.call.args.len; i++)
			dump(b, n->u.call.args.v[i]);
		if (n->u.call.ellipsis)
			strbuf_printf(b, " ...");
		break;
	case N_UNARY:
		strbuf_printf(b, " %s", op_text(n->u.op.op));
		dump(b, n->u.op.x);
		break;
	case N_BINARY:
		strbuf_printf(b, " %s", op_text(n->u.op.op));
		dump(b, n->u.op.x);
		dump(b, n->u.op.y);
		break;
	case N_ARRAYTYPE:
		dump(b, n->u.array.len);
		dump(b, n->u.array.elem);
		break;
	case N_SLICETYPE:
		dump(b, n->u.slicetype.elem);
		break;
	case N_STRUCTTYPE:
	case N_INTERFACETYPE:
		for (int i = 0; i < n->u.fields.fields.len; i++)
			dump(b, n->u.fields.fields.v[i]);
		break;
	case N_FUNCTYPE:
		dump_list(b, "params", &n->u.functype.params);
		dump_list(b, "results", &n->u.functype.results);
		break;
	case N_MAPTYPE:
		dump(b, n->u.map.key);
		dump(b, n->u.map.value);
		break;
	case N_CHANTYPE:
		strbuf_printf(b, " %s", n->u.chan.dir == CHAN_SEND ? "send" : n->u.chan.dir == CHAN_RECV ? "recv" : "both");
		dump(b, n->u.chan.elem);
		break;
	case N_FIELD:
		for (int i = 0; i < n->u.field.names.len; i++)
			dump(b, n->u.field.names.v[i]);
		dump_opt(b, n->u.field.type);
		if (n->u.field.tag)
			dump(b, n->u.field.tag);
		if (n->u.field.embedded)
			strbuf_printf(b, " embedded");
		break;
	case N_DECLSTMT:
		dump(b, n->u.declstmt.decl);
		break;
	case N_EMPTYSTMT:
		break;
	case N_LABELED:
		dump(b, n->u.labeled.label);
		dump(b, n->u.labeled.stmt);
		break;
	case N_EXPRSTMT:
		dump(b, n->u.exprstmt.x);
		break;
	case N_SEND:
		dump(b, n->u.send.ch);
		dump(b, n->u.send.value);
		break;
	case N_INCDEC:
		dump(b, n->u.incdec.x);
		strbuf_printf(b, n->u.incdec.inc ? " ++" : " --");
		break;
	case N_ASSIGN:
		strbuf_printf(b, " %s%s", n->u.assign.define ? ":" : op_text(n->u.assign.op), "=");
		dump_list(b, "lhs", &n->u.assign.lhs);
		dump_list(b, "rhs", &n->u.assign.rhs);
		break;
	case N_GO:
	case N_DEFER:
		dump(b, n->u.gostmt.call);
		break;
	case N_RETURN:
		for (int i = 0; i < n->u.ret.results.len; i++)
			dump(b, n->u.ret.results.v[i]);
		break;
	case N_BRANCH: {
		static const char *const t[] = {"break", "continue", "goto", "fallthrough"};
		strbuf_printf(b, " %s", t[n->u.branch.tok]);
		if (n->u.branch.label)
			dump(b, n->u.branch.label);
		break;
	}
	case N_BLOCK:
		for (int i = 0; i < n->u.block.stmts.len; i++)
			dump(b, n->u.block.stmts.v[i]);
		break;
	case N_IF:
		dump_opt(b, n->u.ifstmt.init);
		dump(b, n->u.ifstmt.cond);
		dump(b, n->u.ifstmt.then);
		dump_opt(b, n->u.ifstmt.els);
		break;
	case N_CASECLAUSE:
		if (n->u.clause.is_default)
			strbuf_printf(b, " default");
		else
			dump_list(b, "list", &n->u.clause.list);
		dump_list(b, "body", &n->u.clause.body);
		break;
	case N_COMMCLAUSE:
		dump_opt(b, n->u.clause.comm);
		dump_list(b, "body", &n->u.clause.body);
		break;
	case N_SWITCH:
	case N_TYPESWITCH:
	case N_SELECT:
		if (n->kind != N_SELECT) {
			dump_opt(b, n->u.sw.init);
			dump_opt(b, n->kind == N_SWITCH ? n->u.sw.tag : n->u.sw.assign);
		}
		for (int i = 0; i < n->u.sw.body.len; i++)
			dump(b, n->u.sw.body.v[i]);
		break;
	case N_FOR:
		dump_opt(b, n->u.forstmt.init);
		dump_opt(b, n->u.forstmt.cond);
		dump_opt(b, n->u.forstmt.post);
		dump(b, n->u.forstmt.body);
		break;
	case N_RANGE:
		strbuf_printf(b, n->u.range.define ? " :=" : " =");
		dump_opt(b, n->u.range.key);
		dump_opt(b, n->u.range.value);
		dump(b, n->u.range.x);
		dump(b, n->u.range.body);
		break;
	case N_GENDECL: {
		static const char *const t[] = {"import", "const", "type", "var"};
		strbuf_printf(b, " %s", t[n->u.gen.tok]);
		for (int i = 0; i < n->u.gen.specs.len; i++)
			dump(b, n->u.gen.specs.v[i]);
		break;
	}
	case N_IMPORTSPEC:
		dump_opt(b, n->u.import.name);
		dump(b, n->u.import.path);
		break;
	case N_VALUESPEC:
		dump_list(b, "names", &n->u.value.names);
		dump_opt(b, n->u.value.type);
		dump_list(b, "values", &n->u.value.values);
		break;
	case N_TYPESPEC:
		dump(b, n->u.typespec.name);
		if (n->u.typespec.alias)
			strbuf_printf(b, " =");
		dump(b, n->u.typespec.type);
		break;
	case N_FUNCDECL:
		dump_opt(b, n->u.func.recv);
		dump(b, n->u.func.name);
		dump(b, n->u.func.type);
		dump_opt(b, n->u.func.body);
		break;
	case N_FILE:
		dump_opt(b, n->u.file.pkg);
		for (int i = 0; i < n->u.file.imports.len; i++)
			dump(b, n->u.file.imports.v[i]);
		for (int i = 0; i < n->u.file.decls.len; i++)
			dump(b, n->u.file.decls.v[i]);
		break;
	default:
		break;
	}
	strbuf_printf(b, ")");
}

char *ast_dump(const Node *n)
{
	StrBuf b = {0};
	strbuf_str(&b);
	dump(&b, n);
	/* every element is written with a leading space; drop the first */
	return b.len && b.s[0] == ' ' ? b.s + 1 : b.s;
}

/* ---- Go-syntax printing of expressions ------------------------------------- */

static void expr_str(StrBuf *b, const Node *n);

/* A parameter's or field's type, written without parentheses around it. */
static void type_str(StrBuf *b, const Node *t)
{
	while (t->kind == N_PAREN)
		t = t->u.un1.x;
	expr_str(b, t);
}

/* Fields as Go writes them back: "a, b int", then the tag; joined by sep. */
static void fields_str(StrBuf *b, const NodeList *fields, const char *sep)
{
	for (int i = 0; i < fields->len; i++) {
		Node *f = fields->v[i];
		if (i)
			strbuf_printf(b, "%s", sep);
		for (int k = 0; k < f->u.field.names.len; k++)
			strbuf_printf(b, "%s%s", k ? ", " : "", f->u.field.names.v[k]->u.ident.name);
		if (f->u.field.names.len)
			strbuf_printf(b, " ");
		type_str(b, f->u.field.type);
		if (f->u.field.tag)
			strbuf_printf(b, " %s", f->u.field.tag->u.lit.text);
	}
}

/* A signature: "(a int, b string) (x int)", one unnamed result bare. */
static void sig_str(StrBuf *b, const Node *ft)
{
	strbuf_printf(b, "(");
	fields_str(b, &ft->u.functype.params, ", ");
	strbuf_printf(b, ")");
	const NodeList *r = &ft->u.functype.results;
	if (r->len == 1 && !r->v[0]->u.field.names.len) {
		strbuf_printf(b, " ");
		type_str(b, r->v[0]->u.field.type);
	} else if (r->len) {
		strbuf_printf(b, " (");
		fields_str(b, r, ", ");
		strbuf_printf(b, ")");
	}
}

static void expr_str(StrBuf *b, const Node *n)
{
	if (!n) {
		strbuf_printf(b, "_");
		return;
	}
	switch (n->kind) {
	case N_IDENT:
		strbuf_printf(b, "%s", n->u.ident.name);
		break;
	case N_BASICLIT:
		strbuf_printf(b, "%s", n->u.lit.text);
		break;
	case N_PAREN:
		strbuf_printf(b, "(");
		expr_str(b, n->u.un1.x);
		strbuf_printf(b, ")");
		break;
	case N_SELECTOR:
		expr_str(b, n->u.selector.x);
		strbuf_printf(b, ".%s", n->u.selector.sel->u.ident.name);
		break;
	case N_INDEX:
		expr_str(b, n->u.index.x);
		strbuf_printf(b, "[");
		expr_str(b, n->u.index.index);
		strbuf_printf(b, "]");
		break;
	case N_SLICE:
		expr_str(b, n->u.slice.x);
		strbuf_printf(b, "[");
		if (n->u.slice.lo)
			expr_str(b, n->u.slice.lo);
		strbuf_printf(b, ":");
		if (n->u.slice.hi)
			expr_str(b, n->u.slice.hi);
		if (n->u.slice.three) {
			strbuf_printf(b, ":");
			expr_str(b, n->u.slice.max);
		}
		strbuf_printf(b, "]");
		break;
	case N_TYPEASSERT:
		expr_str(b, n->u.assert.x);
		strbuf_printf(b, ".(");
		if (n->u.assert.type)
			expr_str(b, n->u.assert.type);
		else
			strbuf_printf(b, "type");
		strbuf_printf(b, ")");
		break;
	case N_CALL:
		expr_str(b, n->u.call.fun);
		strbuf_printf(b, "(");
		for (int i = 0; i < n->u.call.args.len; i++) {
			if (i)
				strbuf_printf(b, ", ");
			expr_str(b, n->u.call.args.v[i]);
		}
		strbuf_printf(b, n->u.call.ellipsis ? "...)" : ")");
		break;
	case N_STAR:
		strbuf_printf(b, "*");
		expr_str(b, n->u.un1.x);
		break;
	case N_UNARY:
		strbuf_printf(b, "%s", op_text(n->u.op.op));
		expr_str(b, n->u.op.x);
		break;
	case N_BINARY:
		expr_str(b, n->u.op.x);
		strbuf_printf(b, " %s ", op_text(n->u.op.op));
		expr_str(b, n->u.op.y);
		break;
	case N_COMPOSITELIT:
		if (n->u.complit.type)
			expr_str(b, n->u.complit.type);
		strbuf_printf(b, n->u.complit.elts.len ? "{…}" : "{}");
		break;
	case N_FUNCLIT:
		/* Go's short form: the body only as {} or {…} */
		expr_str(b, n->u.funclit.type);
		strbuf_printf(b, n->u.funclit.body->u.block.stmts.len ? " {…}" : " {}");
		break;
	case N_FUNCTYPE:
		strbuf_printf(b, "func");
		sig_str(b, n);
		break;
	case N_STRUCTTYPE:
		strbuf_printf(b, "struct{");
		fields_str(b, &n->u.fields.fields, "; ");
		strbuf_printf(b, "}");
		break;
	case N_INTERFACETYPE:
		strbuf_printf(b, "interface{");
		for (int i = 0; i < n->u.fields.fields.len; i++) {
			Node *m = n->u.fields.fields.v[i];
			if (i)
				strbuf_printf(b, "; ");
			if (m->u.field.names.len) {
				strbuf_printf(b, "%s", m->u.field.names.v[0]->u.ident.name);
				sig_str(b, m->u.field.type);
			} else {
				expr_str(b, m->u.field.type);
			}
		}
		strbuf_printf(b, "}");
		break;
	case N_SLICETYPE:
		strbuf_printf(b, "[]");
		expr_str(b, n->u.slicetype.elem);
		break;
	case N_ARRAYTYPE:
		strbuf_printf(b, "[");
		expr_str(b, n->u.array.len);
		strbuf_printf(b, "]");
		expr_str(b, n->u.array.elem);
		break;
	case N_ELLIPSIS:
		strbuf_printf(b, "...");
		if (n->u.un1.x)
			expr_str(b, n->u.un1.x);
		break;
	case N_MAPTYPE:
		strbuf_printf(b, "map[");
		expr_str(b, n->u.map.key);
		strbuf_printf(b, "]");
		expr_str(b, n->u.map.value);
		break;
	case N_CHANTYPE:
		strbuf_printf(b, n->u.chan.dir == CHAN_RECV ? "<-chan " : n->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
		expr_str(b, n->u.chan.elem);
		break;
	default:
		strbuf_printf(b, "%s", node_kind_name(n->kind));
		break;
	}
}

char *ast_expr_string(const Node *n)
{
	StrBuf b = {0};
	expr_str(&b, n);
	return strbuf_str(&b);
}

char *ast_list_string(const NodeList *l)
{
	StrBuf b = {0};
	strbuf_str(&b);
	for (int i = 0; i < l->len; i++) {
		if (i)
			strbuf_printf(&b, ", ");
		expr_str(&b, l->v[i]);
	}
	return b.s;
}

static void each_in(NodeList *l, void (*f)(Node *, void *), void *ctx)
{
	for (int i = 0; i < l->len; i++)
		if (l->v[i])
			f(l->v[i], ctx);
}

void ast_each_child(Node *n, void (*f)(Node *child, void *ctx), void *ctx)
{
	if (!n)
		return;
	Node *one[5] = {0};
	NodeList *lists[3] = {0};
	switch (n->kind) {
	case N_COMPOSITELIT: one[0] = n->u.complit.type; lists[0] = &n->u.complit.elts; break;
	case N_KEYVALUE: one[0] = n->u.kv.key; one[1] = n->u.kv.value; break;
	case N_FUNCLIT: one[0] = n->u.funclit.type; one[1] = n->u.funclit.body; break;
	case N_PAREN: case N_STAR: case N_ELLIPSIS: one[0] = n->u.un1.x; break;
	case N_SELECTOR: one[0] = n->u.selector.x; one[1] = n->u.selector.sel; break;
	case N_INDEX: one[0] = n->u.index.x; one[1] = n->u.index.index; break;
	case N_SLICE:
		one[0] = n->u.slice.x; one[1] = n->u.slice.lo; one[2] = n->u.slice.hi; one[3] = n->u.slice.max;
		break;
	case N_TYPEASSERT: one[0] = n->u.assert.x; one[1] = n->u.assert.type; break;
	case N_CALL: one[0] = n->u.call.fun; lists[0] = &n->u.call.args; break;
	case N_UNARY: case N_BINARY: one[0] = n->u.op.x; one[1] = n->u.op.y; break;
	case N_ARRAYTYPE: one[0] = n->u.array.len; one[1] = n->u.array.elem; break;
	case N_SLICETYPE: one[0] = n->u.slicetype.elem; break;
	case N_STRUCTTYPE: case N_INTERFACETYPE: lists[0] = &n->u.fields.fields; break;
	case N_FUNCTYPE: lists[0] = &n->u.functype.params; lists[1] = &n->u.functype.results; break;
	case N_MAPTYPE: one[0] = n->u.map.key; one[1] = n->u.map.value; break;
	case N_CHANTYPE: one[0] = n->u.chan.elem; break;
	case N_FIELD: lists[0] = &n->u.field.names; one[0] = n->u.field.type; one[1] = n->u.field.tag; break;
	case N_DECLSTMT: one[0] = n->u.declstmt.decl; break;
	case N_LABELED: one[0] = n->u.labeled.label; one[1] = n->u.labeled.stmt; break;
	case N_EXPRSTMT: one[0] = n->u.exprstmt.x; break;
	case N_SEND: one[0] = n->u.send.ch; one[1] = n->u.send.value; break;
	case N_INCDEC: one[0] = n->u.incdec.x; break;
	case N_ASSIGN: lists[0] = &n->u.assign.lhs; lists[1] = &n->u.assign.rhs; break;
	case N_GO: case N_DEFER: one[0] = n->u.gostmt.call; break;
	case N_RETURN: lists[0] = &n->u.ret.results; break;
	case N_BRANCH: one[0] = n->u.branch.label; break;
	case N_BLOCK: lists[0] = &n->u.block.stmts; break;
	case N_IF:
		one[0] = n->u.ifstmt.init; one[1] = n->u.ifstmt.cond; one[2] = n->u.ifstmt.then; one[3] = n->u.ifstmt.els;
		break;
	case N_CASECLAUSE: case N_COMMCLAUSE:
		lists[0] = &n->u.clause.list; one[0] = n->u.clause.comm; lists[1] = &n->u.clause.body;
		break;
	case N_SWITCH: case N_TYPESWITCH: case N_SELECT:
		one[0] = n->u.sw.init; one[1] = n->u.sw.tag; one[2] = n->u.sw.assign; lists[0] = &n->u.sw.body;
		break;
	case N_FOR:
		one[0] = n->u.forstmt.init; one[1] = n->u.forstmt.cond; one[2] = n->u.forstmt.post; one[3] = n->u.forstmt.body;
		break;
	case N_RANGE:
		one[0] = n->u.range.key; one[1] = n->u.range.value; one[2] = n->u.range.x; one[3] = n->u.range.body;
		one[4] = n->u.range.extra;
		break;
	case N_GENDECL: lists[0] = &n->u.gen.specs; break;
	case N_IMPORTSPEC: one[0] = n->u.import.name; one[1] = n->u.import.path; break;
	case N_VALUESPEC: lists[0] = &n->u.value.names; one[0] = n->u.value.type; lists[1] = &n->u.value.values; break;
	case N_TYPESPEC: one[0] = n->u.typespec.name; one[1] = n->u.typespec.type; break;
	case N_FUNCDECL:
		one[0] = n->u.func.recv; one[1] = n->u.func.name; one[2] = n->u.func.type; one[3] = n->u.func.body;
		break;
	case N_FILE: one[0] = n->u.file.pkg; lists[0] = &n->u.file.imports; lists[1] = &n->u.file.decls; break;
	default: /* N_BAD, N_IDENT, N_BASICLIT, N_EMPTYSTMT: no children */
		return;
	}
	for (int i = 0; i < 5; i++)
		if (one[i])
			f(one[i], ctx);
	for (int i = 0; i < 3; i++)
		if (lists[i])
			each_in(lists[i], f, ctx);
}
