/*
 * ast.c — node allocation, lists and the S-expression dump.
 */
#include "ast.h"

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
		case N_SLICE: n = n->u.slice.x; continue;
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

typedef struct Buf {
	char *s;
	size_t len, cap;
} Buf;

static void put(Buf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		size_t room = b->cap - b->len;
		va_start(ap, fmt);
		int n = vsnprintf(b->s ? b->s + b->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < room) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = b->cap ? b->cap * 2 : 256;
		while (cap - b->len <= (size_t)n)
			cap *= 2;
		char *s = GC_MALLOC_ATOMIC(cap);
		if (b->len)
			memcpy(s, b->s, b->len);
		b->s = s;
		b->cap = cap;
	}
}

static void dump(Buf *b, const Node *n);

static void dump_list(Buf *b, const char *tag, const NodeList *l)
{
	put(b, " (%s", tag);
	for (int i = 0; i < l->len; i++)
		dump(b, l->v[i]);
	put(b, ")");
}

static void dump_opt(Buf *b, const Node *n)
{
	if (n)
		dump(b, n);
	else
		put(b, " _");
}

/* Short lowercase name: N_COMPOSITELIT -> "compositelit". */
static void dump_head(Buf *b, const Node *n)
{
	const char *k = node_kind_name(n->kind) + 2;
	put(b, " (");
	for (; *k; k++)
		put(b, "%c", *k >= 'A' && *k <= 'Z' ? *k - 'A' + 'a' : *k);
}

static void dump(Buf *b, const Node *n)
{
	if (!n) {
		put(b, " _");
		return;
	}
	switch (n->kind) {
	case N_IDENT:
		put(b, " %s", n->u.ident.name);
		return;
	case N_BASICLIT:
		put(b, " %s", n->u.lit.text);
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
			put(b, " type");
		break;
	case N_CALL:
		dump(b, n->u.call.fun);
		for (int i = 0; i < n->u.call.args.len; i++)
			dump(b, n->u.call.args.v[i]);
		if (n->u.call.ellipsis)
			put(b, " ...");
		break;
	case N_UNARY:
		put(b, " %s", op_text(n->u.op.op));
		dump(b, n->u.op.x);
		break;
	case N_BINARY:
		put(b, " %s", op_text(n->u.op.op));
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
		put(b, " %s", n->u.chan.dir == CHAN_SEND ? "send" : n->u.chan.dir == CHAN_RECV ? "recv" : "both");
		dump(b, n->u.chan.elem);
		break;
	case N_FIELD:
		for (int i = 0; i < n->u.field.names.len; i++)
			dump(b, n->u.field.names.v[i]);
		dump_opt(b, n->u.field.type);
		if (n->u.field.tag)
			dump(b, n->u.field.tag);
		if (n->u.field.embedded)
			put(b, " embedded");
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
		put(b, n->u.incdec.inc ? " ++" : " --");
		break;
	case N_ASSIGN:
		put(b, " %s%s", n->u.assign.define ? ":" : op_text(n->u.assign.op), "=");
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
		put(b, " %s", t[n->u.branch.tok]);
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
			put(b, " default");
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
		put(b, n->u.range.define ? " :=" : " =");
		dump_opt(b, n->u.range.key);
		dump_opt(b, n->u.range.value);
		dump(b, n->u.range.x);
		dump(b, n->u.range.body);
		break;
	case N_GENDECL: {
		static const char *const t[] = {"import", "const", "type", "var"};
		put(b, " %s", t[n->u.gen.tok]);
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
			put(b, " =");
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
	put(b, ")");
}

char *ast_dump(const Node *n)
{
	Buf b = {0};
	put(&b, "%s", "");
	dump(&b, n);
	/* every element is written with a leading space; drop the first */
	return b.len && b.s[0] == ' ' ? b.s + 1 : b.s;
}

/* ---- Go-syntax printing of expressions ------------------------------------- */

static void expr_str(Buf *b, const Node *n)
{
	if (!n) {
		put(b, "_");
		return;
	}
	switch (n->kind) {
	case N_IDENT:
		put(b, "%s", n->u.ident.name);
		break;
	case N_BASICLIT:
		put(b, "%s", n->u.lit.text);
		break;
	case N_PAREN:
		put(b, "(");
		expr_str(b, n->u.un1.x);
		put(b, ")");
		break;
	case N_SELECTOR:
		expr_str(b, n->u.selector.x);
		put(b, ".%s", n->u.selector.sel->u.ident.name);
		break;
	case N_INDEX:
		expr_str(b, n->u.index.x);
		put(b, "[");
		expr_str(b, n->u.index.index);
		put(b, "]");
		break;
	case N_SLICE:
		expr_str(b, n->u.slice.x);
		put(b, "[");
		if (n->u.slice.lo)
			expr_str(b, n->u.slice.lo);
		put(b, ":");
		if (n->u.slice.hi)
			expr_str(b, n->u.slice.hi);
		if (n->u.slice.three) {
			put(b, ":");
			expr_str(b, n->u.slice.max);
		}
		put(b, "]");
		break;
	case N_TYPEASSERT:
		expr_str(b, n->u.assert.x);
		put(b, ".(");
		if (n->u.assert.type)
			expr_str(b, n->u.assert.type);
		else
			put(b, "type");
		put(b, ")");
		break;
	case N_CALL:
		expr_str(b, n->u.call.fun);
		put(b, "(");
		for (int i = 0; i < n->u.call.args.len; i++) {
			if (i)
				put(b, ", ");
			expr_str(b, n->u.call.args.v[i]);
		}
		put(b, n->u.call.ellipsis ? "...)" : ")");
		break;
	case N_STAR:
		put(b, "*");
		expr_str(b, n->u.un1.x);
		break;
	case N_UNARY:
		put(b, "%s", op_text(n->u.op.op));
		expr_str(b, n->u.op.x);
		break;
	case N_BINARY:
		expr_str(b, n->u.op.x);
		put(b, " %s ", op_text(n->u.op.op));
		expr_str(b, n->u.op.y);
		break;
	case N_COMPOSITELIT:
		if (n->u.complit.type)
			expr_str(b, n->u.complit.type);
		put(b, n->u.complit.elts.len ? "{…}" : "{}");
		break;
	case N_FUNCLIT:
		put(b, "func literal");
		break;
	case N_SLICETYPE:
		put(b, "[]");
		expr_str(b, n->u.slicetype.elem);
		break;
	case N_ARRAYTYPE:
		put(b, "[");
		expr_str(b, n->u.array.len);
		put(b, "]");
		expr_str(b, n->u.array.elem);
		break;
	case N_ELLIPSIS:
		put(b, "...");
		if (n->u.un1.x)
			expr_str(b, n->u.un1.x);
		break;
	case N_MAPTYPE:
		put(b, "map[");
		expr_str(b, n->u.map.key);
		put(b, "]");
		expr_str(b, n->u.map.value);
		break;
	case N_CHANTYPE:
		put(b, n->u.chan.dir == CHAN_RECV ? "<-chan " : n->u.chan.dir == CHAN_SEND ? "chan<- " : "chan ");
		expr_str(b, n->u.chan.elem);
		break;
	default:
		put(b, "%s", node_kind_name(n->kind));
		break;
	}
}

char *ast_expr_string(const Node *n)
{
	Buf b = {0};
	put(&b, "%s", "");
	expr_str(&b, n);
	return b.s;
}

char *ast_list_string(const NodeList *l)
{
	Buf b = {0};
	put(&b, "%s", "");
	for (int i = 0; i < l->len; i++) {
		if (i)
			put(&b, ", ");
		expr_str(&b, l->v[i]);
	}
	return b.s;
}
