/*
 * parser.y — Go's syntax for gol (bison source; the contract is in parse.h).
 *
 * The grammar follows the Go specification's productions with two changes
 * that an LALR(1) parser needs:
 *
 *  - Types are expressions. `[]int`, `map[K]V`, `func(int)`, `*T` are
 *    operands, so `[]byte(s)`, `make(map[K]V)` and `(*T)(p)` parse with no
 *    special case; declarations use the `type` nonterminal, which builds the
 *    same nodes.
 *
 *  - Statement headers (`if`, `for`, `switch`) use a second copy of the
 *    expression rules, suffixed _nc ("no composite literal"), in which an
 *    operand named by an identifier cannot take a `{` — Go's rule that
 *    `if x == T{} {` must be written `if x == (T{}) {`. Inside brackets the
 *    full rules apply again, exactly as Go's xnest counter does.
 *
 * Parameter lists are read as a list of "maybe a name, maybe a type" entries
 * and regrouped afterwards (fix_params), as Go's own parser does, because
 * `func(a, b int)` and `func(int, string)` differ only after the last comma.
 *
 * Syntax errors are reported by report_syntax_error (at the end of this
 * file) in Go's words; recovery resynchronises at statement and declaration
 * boundaries.
 */

%code requires {
#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "parse.h"
typedef struct Parser Parser;
#define YYLTYPE Pos
#define YYLTYPE_IS_DECLARED 1
#define YYLTYPE_IS_TRIVIAL 0
}

%code provides {
/* The state one parse needs; lives on the caller's stack. */
struct Parser {
	Lexer lx;
	Diag *diag;
	Node *file;
	Token tok;        /* the token last handed to bison */
	Token prev;       /* the one before it */
	int prev2;        /* the kind of the one before that */
	int depth;        /* open ( [ { right now */
	/* What each open bracket is: '(' '[' '{', or 'S' / 'I' for the brace
	 * of a struct / interface type (their error messages differ). */
	char open[PARSE_MAX_NESTING + 1];
	int hdr_kw;       /* IF, FOR or SWITCH while its header is read, else 0 */
	int hdr_depth;    /* the bracket depth that header started at */
	int la_hdr;       /* hdr_kw as it was before the latest token was read */
	Node *last_top;   /* the latest complete top-level declaration */
	bool skip_to_decl;/* recovering from a top-level error: skip to a declaration keyword */
	bool aborted;     /* nesting limit hit: stop reporting */
	bool generics_reported;
	bool has_pkg;     /* the file starts with a package clause */
	int top_kw;       /* the keyword of the top-level declaration being read */
	/* The token before each open bracket (a '[' after an operand is an
	 * index, else it begins a type) */
	int open_after[PARSE_MAX_NESTING + 1], open_after2[PARSE_MAX_NESTING + 1];
	/* In a case or default clause's header (case_depth: its depth) */
	bool in_case;
	int case_depth;
	bool la_unmatched; /* the latest closing bracket closed nothing */
	/* A token that cannot start a statement ended a block's statements
	 * (an else on the line after its if's brace): as Go's parser, drop it
	 * and close the block there. close_block: the next token handed to
	 * bison is a '}' of ours (1 for a function's body, 2 for a block in
	 * one); after_close then judges the token after it as Go does: a
	 * function must be followed by ';', else "after top level
	 * declaration" and a skip to the next declaration; a statement by ';'
	 * or '}', else "at end of statement" and skip_stmt_rest, a skip past
	 * the next ';' (not past a '}', case, default or statement keyword).
	 * The token so judged is handed back (pushback) after a ';' of ours. */
	int close_block, after_close;
	/* after_close found the function's ';': the declaration after it is
	 * judged here, as bison (which takes three tokens after an error
	 * before it reports again) would not */
	bool judge_next_decl;
	bool skip_stmt_rest, has_pushback;
	Token pushback;
	/* A token that cannot start a statement (or a clause) in a switch or
	 * select body: as Go's parser, skip to a ':' (taken as the clause's),
	 * or else to a case, default, '}' or statement keyword, which is then
	 * reported as wanting a ':' and dropped. */
	bool skip_to_colon;
};
int yylex(YYSTYPE *lval, Pos *lloc, Parser *p);
}

%code {
#include <gc.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include "parse.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                        \
	do {                                               \
		if (N)                                     \
			(Cur) = YYRHSLOC(Rhs, 1);          \
		else                                       \
			(Cur) = YYRHSLOC(Rhs, 0);          \
	} while (0)

#define YYMALLOC GC_MALLOC_UNCOLLECTABLE
#define YYFREE GC_FREE
#define YYMAXDEPTH 20000

static void yyerror(Pos *loc, Parser *p, const char *msg);
static Node *mk(NodeKind k, Pos pos) { return ast_new(k, pos); }
static Node *mk_bad(Pos pos) { return ast_new(N_BAD, pos); }
static void fix_params(Parser *p, NodeList *l);
static Node *mk_field(NodeList names, Node *type, Node *tag, bool embedded, Pos pos);
static Node *mk_header_stmt(Parser *p, NodeKind k, Pos pos, Node *init, Node *cond);
static Node *recv_chan_type(Parser *p, Node *x, Pos pos);
static Node *expr_of(Parser *p, Node *stmt, const char *what);
static void generics_error(Parser *p, Pos pos);
static Node *mk_assign(Parser *p, Pos pos, NodeList lhs, Op op, NodeList rhs, bool define);
static Node *mk_call_stmt(Parser *p, NodeKind k, Pos pos, Node *x);
static int const_iota;
}

%expect 6
/* shift/reduce conflicts bison resolves by shifting, as Go's parser reads
 * them (among them: a type name followed by '[' in a type is a generic
 * instance, which gol reports as unsupported) */
%expect 10
%define api.pure full
%define parse.error custom
%define parse.lac full
%define lr.default-reduction accepting
%locations
%param {Parser *p}

%union {
	Node *node;
	NodeList list;
	Op op;
	int num;
}

%token <node> IDENT INT FLOAT IMAG RUNE STRING
%token BREAK CASE CHAN CONST CONTINUE DEFAULT DEFER ELSE FALLTHROUGH FOR FUNC
%token GO GOTO IF IMPORT INTERFACE MAP PACKAGE RANGE RETURN SELECT STRUCT
%token SWITCH TYPE VAR
%token <op> SHL SHR ANDNOT ANDAND OROR ARROW INC DEC EQ NE LE GE ASSIGNOP
%token DEFINE ELLIPSIS
%token <op> '+' '-' '*' '/' '%' '&' '|' '^' '<' '>' '!' '~'
/* A ';' carries what it stood for: 0 written, 1 newline, 2 end of file. */
%token <num> ';'

%left OROR
%left ANDAND
%left EQ NE '<' LE '>' GE
%left '+' '-' '|' '^'
%left '*' '/' '%' SHL SHR '&' ANDNOT

%type <node> package_clause import_spec topdecl common_decl func_decl
%type <node> var_spec const_spec type_spec
%type <list> import_specs import_spec_list var_specs var_spec_list
%type <list> const_specs const_spec_list type_specs type_spec_list
%type <node> signature params_sig func_body
%type <list> receiver
%type <list> result
%type <list> params param_list
%type <node> param_decl
%type <node> type ntype ntype_norecv nonparen_type type_name literal_type
%type <node> struct_type interface_type func_type chan_type chan_elem
%type <list> field_decls field_list iface_elems iface_list
%type <node> field_decl otag iface_elem
%type <node> expr unary_expr primary_expr operand literal oexpr func_lit
%type <node> expr_nc unary_nc primary_nc operand_nc oexpr_nc
%type <node> element key_or_value complit_body
%type <list> expr_list oexpr_list elements element_list call_args arg_list
%type <list> expr_list_nc ident_list
%type <op> unary_op
%type <node> stmt simple_stmt simple_stmt_nc osimple_stmt_nc labeled_stmt
%type <node> block if_stmt else_part for_stmt switch_stmt select_stmt
%type <node> case_clause comm_clause comm
%type <list> stmt_list case_clauses comm_clauses
%type <node> olabel

%start file

%%

file
	: package_clause imports topdecls {
		p->file->u.file.pkg = $1;
	}
	;

package_clause
	: %empty            { $$ = NULL; }
	| PACKAGE IDENT ';' { $$ = $2; p->file->u.file.pkg = $2; }
	;

imports
	: %empty
	| imports IMPORT import_spec ';' {
		nodelist_push(&p->file->u.file.imports, $3);
	}
	| imports IMPORT '(' import_specs ')' ';' {
		for (int i = 0; i < $4.len; i++)
			nodelist_push(&p->file->u.file.imports, $4.v[i]);
	}
	;

import_specs
	: %empty                    { $$ = (NodeList){0}; }
	| import_spec_list          { $$ = $1; }
	| import_spec_list ';'      { $$ = $1; }
	;

import_spec_list
	: import_spec                      { $$ = nodelist_of($1); }
	| import_spec_list ';' import_spec { $$ = $1; nodelist_push(&$$, $3); }
	;

import_spec
	: STRING       { $$ = mk(N_IMPORTSPEC, @1); $$->u.import.path = $1; }
	| IDENT STRING { $$ = mk(N_IMPORTSPEC, @1); $$->u.import.name = $1; $$->u.import.path = $2; }
	| '.' STRING   { $$ = mk(N_IMPORTSPEC, @1); $$->u.import.name = ast_ident(@1, "."); $$->u.import.path = $2; }
	;

topdecls
	: %empty {
		/* Like Go, do not go on when the package clause, or the token
		 * right after it, is already in error. */
		if (p->file->u.file.pkg && diag_count(p->diag))
			YYABORT;
	}
	| topdecls topdecl ';' {
		if ($2)
			nodelist_push(&p->file->u.file.decls, $2);
	}
	| topdecls error { yyerrok; }
	;

topdecl
	: common_decl { $$ = $1; p->last_top = $1; }
	| func_decl   { $$ = $1; p->last_top = $1; }
	;

/* ---- declarations ---------------------------------------------------------- */

common_decl
	: VAR var_spec {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_VAR; $$->u.gen.specs = nodelist_of($2);
	}
	| VAR '(' var_specs ')' {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_VAR; $$->u.gen.specs = $3; $$->u.gen.grouped = true;
	}
	| CONST { const_iota = 0; } const_spec {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_CONST; $$->u.gen.specs = nodelist_of($3);
	}
	| CONST '(' { const_iota = 0; } const_specs ')' {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_CONST; $$->u.gen.specs = $4; $$->u.gen.grouped = true;
	}
	| TYPE type_spec {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_TYPE; $$->u.gen.specs = nodelist_of($2);
	}
	| TYPE '(' type_specs ')' {
		$$ = mk(N_GENDECL, @1); $$->u.gen.tok = DECL_TYPE; $$->u.gen.specs = $3; $$->u.gen.grouped = true;
	}
	;

var_specs
	: %empty             { $$ = (NodeList){0}; }
	| var_spec_list      { $$ = $1; }
	| var_spec_list ';'  { $$ = $1; }
	;
var_spec_list
	: var_spec                   { $$ = nodelist_of($1); }
	| var_spec_list ';' var_spec { $$ = $1; nodelist_push(&$$, $3); }
	;
var_spec
	: ident_list type {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.type = $2;
	}
	| ident_list type '=' expr_list {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.type = $2; $$->u.value.values = $4;
	}
	| ident_list '=' expr_list {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.values = $3;
	}
	;

const_specs
	: %empty              { $$ = (NodeList){0}; }
	| const_spec_list     { $$ = $1; }
	| const_spec_list ';' { $$ = $1; }
	;
const_spec_list
	: const_spec                     { $$ = nodelist_of($1); }
	| const_spec_list ';' const_spec { $$ = $1; nodelist_push(&$$, $3); }
	;
const_spec
	: ident_list {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.iota = const_iota++;
	}
	| ident_list type '=' expr_list {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.type = $2;
		$$->u.value.values = $4; $$->u.value.iota = const_iota++;
	}
	| ident_list type {
		/* no values: the checker says "missing init expr", as Go's */
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.type = $2;
		$$->u.value.iota = const_iota++;
	}
	| ident_list '=' expr_list {
		$$ = mk(N_VALUESPEC, @1); $$->u.value.names = $1; $$->u.value.values = $3;
		$$->u.value.iota = const_iota++;
	}
	;

type_specs
	: %empty             { $$ = (NodeList){0}; }
	| type_spec_list     { $$ = $1; }
	| type_spec_list ';' { $$ = $1; }
	;
type_spec_list
	: type_spec                    { $$ = nodelist_of($1); }
	| type_spec_list ';' type_spec { $$ = $1; nodelist_push(&$$, $3); }
	;
type_spec
	: IDENT type {
		$$ = mk(N_TYPESPEC, @1); $$->u.typespec.name = $1; $$->u.typespec.type = $2;
	}
	| IDENT '=' type {
		$$ = mk(N_TYPESPEC, @1); $$->u.typespec.name = $1; $$->u.typespec.type = $3; $$->u.typespec.alias = true;
	}
	| IDENT '[' IDENT tparam_rest ']' type {
		generics_error(p, @2);
		$$ = mk(N_TYPESPEC, @1); $$->u.typespec.name = $1; $$->u.typespec.type = $6;
	}
	;

/* A type parameter list, recognised only to be rejected. After `[ name`,
 * a second name, a comma or a constraint-only token tells it apart from
 * an array length. */
tparam_rest
	: tconstraint
	| ',' ident_list tconstraint
	| tparam_rest ',' ident_list tconstraint
	;
tconstraint
	: tterm
	| tconstraint '|' tterm
	;
tterm
	: ntype
	| '~' type
	;
tparams
	: '[' ident_list tconstraint ']'
	| '[' ident_list tconstraint ',' tparam_more ']'
	;
tparam_more
	: ident_list tconstraint
	| tparam_more ',' ident_list tconstraint
	;

func_decl
	: FUNC IDENT signature func_body {
		$$ = mk(N_FUNCDECL, @1); $$->u.func.name = $2; $$->u.func.type = $3; $$->u.func.body = $4;
	}
	| FUNC receiver IDENT signature func_body {
		/* errors at the method's name, as Go reports them; with more
		 * than one, the first is the receiver (and the checker goes
		 * on), with none the function is not a method */
		Node *recv = $2.len ? $2.v[0] : NULL;
		if (!recv)
			diag_errorf(p->diag, @3, "method has no receiver");
		else if ($2.len > 1 || recv->u.field.names.len > 1)
			diag_errorf(p->diag, @3, "method has multiple receivers");
		if (recv && recv->u.field.names.len > 1) {
			Node *first = mk(N_FIELD, recv->pos);
			*first = *recv;
			first->u.field.names.len = 1;
			recv = first;
		}
		$$ = mk(N_FUNCDECL, @1); $$->u.func.recv = recv; $$->u.func.name = $3;
		$$->u.func.type = $4; $$->u.func.body = $5;
	}
	| FUNC IDENT tparams signature func_body {
		generics_error(p, @3);
		$$ = mk(N_FUNCDECL, @1); $$->u.func.name = $2; $$->u.func.type = $4; $$->u.func.body = $5;
	}
	;

receiver
	: params { $$ = $1; } /* (func_decl checks there is exactly one) */
	;

func_body
	: %empty { $$ = NULL; }
	| block  { $$ = $1; }
	;

signature
	: params_sig result {
		$$ = $1;
		$$->u.functype.results = $2;
	}
	;

params_sig
	: params { $$ = mk(N_FUNCTYPE, @1); $$->u.functype.params = $1; }
	;

/* A result is a parenthesised parameter list or one unnamed type. */
result
	: %empty             { $$ = (NodeList){0}; }
	| params             { $$ = $1; }
	| nonparen_type      { $$ = nodelist_of(mk_field((NodeList){0}, $1, NULL, false, $1->pos)); }
	;

params
	: '(' ')'                { $$ = (NodeList){0}; }
	| '(' param_list ')'     { $$ = $2; fix_params(p, &$$); }
	| '(' param_list ',' ')' { $$ = $2; fix_params(p, &$$); }
	;

param_list
	: param_decl                { $$ = nodelist_of($1); }
	| param_list ',' param_decl { $$ = $1; nodelist_push(&$$, $3); }
	;

param_decl
	: type                 { $$ = mk_field((NodeList){0}, $1, NULL, false, @1); }
	| IDENT type           { $$ = mk_field(nodelist_of($1), $2, NULL, false, @1); }
	| IDENT ELLIPSIS type  {
		Node *e = mk(N_ELLIPSIS, @2); e->u.un1.x = $3;
		$$ = mk_field(nodelist_of($1), e, NULL, false, @1);
	}
	| ELLIPSIS type {
		Node *e = mk(N_ELLIPSIS, @1); e->u.un1.x = $2;
		$$ = mk_field((NodeList){0}, e, NULL, false, @1);
	}
	;

/* ---- types ----------------------------------------------------------------- */

type
	: ntype          { $$ = $1; }
	| '(' type ')'   { $$ = mk(N_PAREN, @1); $$->u.un1.x = $2; }
	;

nonparen_type
	: ntype { $$ = $1; }
	;

ntype
	: ntype_norecv   { $$ = $1; }
	| ARROW CHAN type {
		$$ = mk(N_CHANTYPE, @1); $$->u.chan.dir = CHAN_RECV; $$->u.chan.elem = $3;
	}
	;

/* Every type but `<-chan T`: what a plain `chan` may hold unparenthesised. */
ntype_norecv
	: type_name      { $$ = $1; }
	| literal_type   { $$ = $1; }
	| '*' type       { $$ = mk(N_STAR, @1); $$->u.un1.x = $2; }
	| chan_type      { $$ = $1; }
	| func_type      { $$ = $1; }
	;

type_name
	: IDENT            { $$ = $1; }
	| IDENT '.' IDENT  { $$ = mk(N_SELECTOR, @1); $$->u.selector.x = $1; $$->u.selector.sel = $3; $$->u.selector.op = @2; }
	| IDENT '.' IDENT '[' type ']' {
		/* a library's generic type (atomic.Pointer[T]) */
		generics_error(p, @4);
		$$ = mk(N_SELECTOR, @1); $$->u.selector.x = $1; $$->u.selector.sel = $3; $$->u.selector.op = @2;
	}
	;

/* Types that can head a composite literal or a conversion in an expression. */
literal_type
	: '[' ']' type {
		$$ = mk(N_SLICETYPE, @1); $$->u.slicetype.elem = $3;
	}
	| '[' expr ']' type {
		$$ = mk(N_ARRAYTYPE, @1); $$->u.array.len = $2; $$->u.array.elem = $4;
	}
	| '[' ELLIPSIS ']' type {
		$$ = mk(N_ARRAYTYPE, @1); $$->u.array.len = mk(N_ELLIPSIS, @2); $$->u.array.elem = $4;
	}
	| MAP '[' type ']' type {
		$$ = mk(N_MAPTYPE, @1); $$->u.map.key = $3; $$->u.map.value = $5;
	}
	| struct_type    { $$ = $1; }
	| interface_type { $$ = $1; }
	;

/* `chan<- chan T` is chan<- (chan T): the arrow binds to the leftmost
 * chan, so the element of a plain `chan` cannot itself begin with `<-`. */
chan_type
	: CHAN chan_elem {
		$$ = mk(N_CHANTYPE, @1); $$->u.chan.dir = CHAN_BOTH; $$->u.chan.elem = $2;
	}
	| CHAN ARROW type {
		$$ = mk(N_CHANTYPE, @1); $$->u.chan.dir = CHAN_SEND; $$->u.chan.elem = $3;
	}
	;

func_type
	/* at its parameters' "(", where Go's parser places a func type */
	: FUNC signature { $$ = $2; }
	;

chan_elem
	: ntype_norecv   { $$ = $1; }
	| '(' type ')'   { $$ = mk(N_PAREN, @1); $$->u.un1.x = $2; }
	;

struct_type
	: STRUCT '{' field_decls '}' {
		$$ = mk(N_STRUCTTYPE, @1); $$->u.fields.fields = $3; $$->end = @4;
	}
	;

field_decls
	: %empty          { $$ = (NodeList){0}; }
	| field_list      { $$ = $1; }
	| field_list ';'  { $$ = $1; }
	;
field_list
	: field_decl                { $$ = nodelist_of($1); }
	| field_list ';' field_decl { $$ = $1; nodelist_push(&$$, $3); }
	;
field_decl
	: ident_list type otag { $$ = mk_field($1, $2, $3, false, @1); }
	| type_name otag       { $$ = mk_field((NodeList){0}, $1, $2, true, @1); }
	| '*' type_name otag {
		Node *s = mk(N_STAR, @1); s->u.un1.x = $2;
		$$ = mk_field((NodeList){0}, s, $3, true, @1);
	}
	;
otag
	: %empty { $$ = NULL; }
	| STRING { $$ = $1; }
	;

interface_type
	: INTERFACE '{' iface_elems '}' {
		$$ = mk(N_INTERFACETYPE, @1); $$->u.fields.fields = $3; $$->end = @4;
	}
	;
iface_elems
	: %empty          { $$ = (NodeList){0}; }
	| iface_list      { $$ = $1; }
	| iface_list ';'  { $$ = $1; }
	;
iface_list
	: iface_elem                { $$ = nodelist_of($1); }
	| iface_list ';' iface_elem { $$ = $1; nodelist_push(&$$, $3); }
	;
iface_elem
	: IDENT signature {
		$$ = mk_field(nodelist_of($1), $2, NULL, false, @1);
	}
	| type_name {
		$$ = mk_field((NodeList){0}, $1, NULL, true, @1);
	}
	| '~' type {
		generics_error(p, @1);
		$$ = mk_field((NodeList){0}, $2, NULL, true, @1);
	}
	| iface_elem '|' tterm {
		generics_error(p, @2);
		$$ = $1;
	}
	;

/* ---- expressions ----------------------------------------------------------- */

expr
	: unary_expr            { $$ = $1; }
	| expr OROR expr        { $$ = ast_binary(@2, $2, $1, $3); }
	| expr ANDAND expr      { $$ = ast_binary(@2, $2, $1, $3); }
	| expr EQ expr          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr NE expr          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '<' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr LE expr          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '>' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr GE expr          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '+' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '-' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '|' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '^' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '*' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '/' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '%' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr SHL expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr SHR expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr '&' expr         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr ANDNOT expr      { $$ = ast_binary(@2, $2, $1, $3); }
	;

unary_op
	: '+' { $$ = OP_ADD; } | '-' { $$ = OP_SUB; } | '!' { $$ = OP_NOT; }
	| '^' { $$ = OP_XOR; } | '&' { $$ = OP_AND; }
	;

unary_expr
	: primary_expr           { $$ = $1; }
	| unary_op unary_expr    { $$ = ast_unary(@1, $1, $2); }
	| '*' unary_expr         { $$ = mk(N_STAR, @1); $$->u.un1.x = $2; }
	| ARROW unary_expr       { $$ = recv_chan_type(p, $2, @1); }
	;

primary_expr
	: operand                               { $$ = $1; }
	| primary_expr '.' IDENT {
		$$ = mk(N_SELECTOR, @1); $$->u.selector.x = $1; $$->u.selector.sel = $3; $$->u.selector.op = @2;
	}
	| primary_expr '.' '(' type ')' {
		$$ = mk(N_TYPEASSERT, @1); $$->u.assert.x = $1; $$->u.assert.type = $4;
	}
	| primary_expr '.' '(' TYPE ')' {
		$$ = mk(N_TYPEASSERT, @1); $$->u.assert.x = $1;
	}
	| primary_expr '[' expr ']' {
		$$ = mk(N_INDEX, @1); $$->u.index.x = $1; $$->u.index.index = $3; $$->u.index.op = @2;
	}
	| primary_expr '[' oexpr ':' oexpr ']' {
		$$ = mk(N_SLICE, @1); $$->u.slice.x = $1; $$->u.slice.lo = $3; $$->u.slice.hi = $5; $$->u.slice.op = @2;
	}
	| primary_expr '[' oexpr ':' oexpr ':' oexpr ']' {
		$$ = mk(N_SLICE, @1); $$->u.slice.x = $1; $$->u.slice.lo = $3; $$->u.slice.hi = $5; $$->u.slice.op = @2;
		$$->u.slice.max = $7; $$->u.slice.three = true;
		if (!$5)
			diag_errorf(p->diag, @6, "middle index required in 3-index slice");
		else if (!$7)
			diag_errorf(p->diag, @8, "final index required in 3-index slice");
	}
	| primary_expr '(' call_args ')' {
		$$ = mk(N_CALL, @1); $$->u.call.fun = $1; $$->u.call.args = $3; $$->end = @4;
		$$->u.call.lparen = @2;
	}
	| primary_expr '(' arg_list ELLIPSIS call_tail ')' {
		$$ = mk(N_CALL, @1); $$->u.call.fun = $1; $$->u.call.args = $3;
		$$->u.call.ellipsis = true; $$->end = @6; $$->u.call.lparen = @2;
	}
	| primary_expr complit_body {
		$$ = $2; $$->pos = @1; $$->u.complit.type = $1;
	}
	;

call_tail
	: %empty
	| ','
	;

call_args
	: %empty           { $$ = (NodeList){0}; }
	| arg_list         { $$ = $1; }
	| arg_list ','     { $$ = $1; }
	;
arg_list
	: expr              { $$ = nodelist_of($1); }
	| arg_list ',' expr { $$ = $1; nodelist_push(&$$, $3); }
	;

operand
	: literal          { $$ = $1; }
	| IDENT            { $$ = $1; }
	| '(' expr ')'     { $$ = mk(N_PAREN, @1); $$->u.un1.x = $2; }
	| func_lit         { $$ = $1; }
	| literal_type     { $$ = $1; }
	| chan_type        { $$ = $1; }
	| func_type { $$ = $1; }
	;

literal
	: INT | FLOAT | IMAG | RUNE | STRING
	;

func_lit
	: FUNC signature block {
		$$ = mk(N_FUNCLIT, @1); $2->pos = @1; $$->u.funclit.type = $2; $$->u.funclit.body = $3;
	}
	;

complit_body
	: '{' elements '}' {
		$$ = mk(N_COMPOSITELIT, @1); $$->u.complit.elts = $2; $$->end = @3;
	}
	| '{' element_list error '}' {
		$$ = mk(N_COMPOSITELIT, @1); $$->u.complit.elts = $2; $$->end = @4;
	}
	;

elements
	: %empty            { $$ = (NodeList){0}; }
	| element_list      { $$ = $1; }
	| element_list ','  { $$ = $1; }
	;
element_list
	: element                  { $$ = nodelist_of($1); }
	| element_list ',' element { $$ = $1; nodelist_push(&$$, $3); }
	;
element
	: key_or_value                  { $$ = $1; }
	| key_or_value ':' key_or_value {
		/* at the colon, as in Go's syntax tree: types2 places
		 * "duplicate index" there */
		$$ = mk(N_KEYVALUE, @2); $$->u.kv.key = $1; $$->u.kv.value = $3;
	}
	;
key_or_value
	: expr          { $$ = $1; }
	| complit_body  { $$ = $1; }
	;

/* The header copies: an identifier-named operand takes no `{`. */
expr_nc
	: unary_nc                    { $$ = $1; }
	| expr_nc OROR expr_nc        { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc ANDAND expr_nc      { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc EQ expr_nc          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc NE expr_nc          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '<' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc LE expr_nc          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '>' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc GE expr_nc          { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '+' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '-' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '|' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '^' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '*' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '/' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '%' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc SHL expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc SHR expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc '&' expr_nc         { $$ = ast_binary(@2, $2, $1, $3); }
	| expr_nc ANDNOT expr_nc      { $$ = ast_binary(@2, $2, $1, $3); }
	;

unary_nc
	: primary_nc             { $$ = $1; }
	| unary_op unary_nc      { $$ = ast_unary(@1, $1, $2); }
	| '*' unary_nc           { $$ = mk(N_STAR, @1); $$->u.un1.x = $2; }
	| ARROW unary_nc         { $$ = recv_chan_type(p, $2, @1); }
	;

primary_nc
	: operand_nc                          { $$ = $1; }
	| primary_nc '.' IDENT {
		$$ = mk(N_SELECTOR, @1); $$->u.selector.x = $1; $$->u.selector.sel = $3; $$->u.selector.op = @2;
	}
	| primary_nc '.' '(' type ')' {
		$$ = mk(N_TYPEASSERT, @1); $$->u.assert.x = $1; $$->u.assert.type = $4;
	}
	| primary_nc '.' '(' TYPE ')' {
		$$ = mk(N_TYPEASSERT, @1); $$->u.assert.x = $1;
	}
	| primary_nc '[' expr ']' {
		$$ = mk(N_INDEX, @1); $$->u.index.x = $1; $$->u.index.index = $3; $$->u.index.op = @2;
	}
	| primary_nc '[' oexpr ':' oexpr ']' {
		$$ = mk(N_SLICE, @1); $$->u.slice.x = $1; $$->u.slice.lo = $3; $$->u.slice.hi = $5; $$->u.slice.op = @2;
	}
	| primary_nc '[' oexpr ':' oexpr ':' oexpr ']' {
		$$ = mk(N_SLICE, @1); $$->u.slice.x = $1; $$->u.slice.lo = $3; $$->u.slice.hi = $5; $$->u.slice.op = @2;
		$$->u.slice.max = $7; $$->u.slice.three = true;
	}
	| primary_nc '(' call_args ')' {
		$$ = mk(N_CALL, @1); $$->u.call.fun = $1; $$->u.call.args = $3; $$->end = @4;
		$$->u.call.lparen = @2;
	}
	| primary_nc '(' arg_list ELLIPSIS call_tail ')' {
		$$ = mk(N_CALL, @1); $$->u.call.fun = $1; $$->u.call.args = $3;
		$$->u.call.ellipsis = true; $$->end = @6; $$->u.call.lparen = @2;
	}
	;

operand_nc
	: literal          { $$ = $1; }
	| IDENT            { $$ = $1; }
	| '(' expr ')'     { $$ = mk(N_PAREN, @1); $$->u.un1.x = $2; }
	| func_lit         { $$ = $1; }
	| literal_type     { $$ = $1; }
	| literal_type complit_body { $$ = $2; $$->pos = @1; $$->u.complit.type = $1; }
	| chan_type        { $$ = $1; }
	| func_type { $$ = $1; }
	;

oexpr
	: %empty { $$ = NULL; }
	| expr   { $$ = $1; }
	;

expr_list
	: expr               { $$ = nodelist_of($1); }
	| expr_list ',' expr { $$ = $1; nodelist_push(&$$, $3); }
	;
oexpr_list
	: %empty     { $$ = (NodeList){0}; }
	| expr_list  { $$ = $1; }
	;
expr_list_nc
	: expr_nc                  { $$ = nodelist_of($1); }
	| expr_list_nc ',' expr_nc { $$ = $1; nodelist_push(&$$, $3); }
	;

ident_list
	: IDENT                { $$ = nodelist_of($1); }
	| ident_list ',' IDENT { $$ = $1; nodelist_push(&$$, $3); }
	;

/* ---- statements ------------------------------------------------------------ */

block
	: '{' stmt_list '}' {
		$$ = mk(N_BLOCK, @1); $$->u.block.stmts = $2; $$->end = @3;
	}
	;

stmt_list
	: stmt {
		$$ = (NodeList){0};
		if ($1) nodelist_push(&$$, $1);
	}
	| stmt_list ';' stmt {
		$$ = $1;
		if ($3) nodelist_push(&$$, $3);
	}
	;

stmt
	: %empty        { $$ = NULL; }
	| simple_stmt   { $$ = $1; }
	| common_decl   { $$ = mk(N_DECLSTMT, @1); $$->u.declstmt.decl = $1; }
	| labeled_stmt  { $$ = $1; }
	| GO expr       { $$ = mk_call_stmt(p, N_GO, @1, $2); }
	| DEFER expr    { $$ = mk_call_stmt(p, N_DEFER, @1, $2); }
	| RETURN oexpr_list { $$ = mk(N_RETURN, @1); $$->u.ret.results = $2; }
	| BREAK olabel  { $$ = mk(N_BRANCH, @1); $$->u.branch.tok = BR_BREAK; $$->u.branch.label = $2; }
	| CONTINUE olabel { $$ = mk(N_BRANCH, @1); $$->u.branch.tok = BR_CONTINUE; $$->u.branch.label = $2; }
	| GOTO IDENT    { $$ = mk(N_BRANCH, @1); $$->u.branch.tok = BR_GOTO; $$->u.branch.label = $2; }
	| FALLTHROUGH   { $$ = mk(N_BRANCH, @1); $$->u.branch.tok = BR_FALLTHROUGH; }
	| block         { $$ = $1; }
	| if_stmt       { $$ = $1; }
	| switch_stmt   { $$ = $1; }
	| select_stmt   { $$ = $1; }
	| for_stmt      { $$ = $1; }
	| error         { $$ = mk_bad(@1); }
	;

olabel
	: %empty { $$ = NULL; }
	| IDENT  { $$ = $1; }
	;

labeled_stmt
	: IDENT ':' stmt {
		$$ = mk(N_LABELED, @1); $$->u.labeled.label = $1;
		$$->u.labeled.stmt = $3 ? $3 : mk(N_EMPTYSTMT, @2);
	}
	;

simple_stmt
	: expr                        { $$ = mk(N_EXPRSTMT, @1); $$->u.exprstmt.x = $1; }
	| expr ARROW expr             { $$ = mk(N_SEND, @2); $$->u.send.ch = $1; $$->u.send.value = $3; }
	| expr INC                    { $$ = mk(N_INCDEC, @2); $$->u.incdec.x = $1; $$->u.incdec.inc = true; }
	| expr DEC                    { $$ = mk(N_INCDEC, @2); $$->u.incdec.x = $1; }
	| expr_list '=' expr_list     { $$ = mk_assign(p, @2, $1, OP_NONE, $3, false); }
	| expr_list ASSIGNOP expr_list { $$ = mk_assign(p, @2, $1, $2, $3, false); }
	| expr_list DEFINE expr_list  { $$ = mk_assign(p, @2, $1, OP_NONE, $3, true); }
	;

simple_stmt_nc
	: expr_nc                         { $$ = mk(N_EXPRSTMT, @1); $$->u.exprstmt.x = $1; }
	| expr_nc ARROW expr_nc           { $$ = mk(N_SEND, @2); $$->u.send.ch = $1; $$->u.send.value = $3; }
	| expr_nc INC                     { $$ = mk(N_INCDEC, @2); $$->u.incdec.x = $1; $$->u.incdec.inc = true; }
	| expr_nc DEC                     { $$ = mk(N_INCDEC, @2); $$->u.incdec.x = $1; }
	| expr_list_nc '=' expr_list_nc   { $$ = mk_assign(p, @2, $1, OP_NONE, $3, false); }
	| expr_list_nc ASSIGNOP expr_list_nc { $$ = mk_assign(p, @2, $1, $2, $3, false); }
	| expr_list_nc DEFINE expr_list_nc { $$ = mk_assign(p, @2, $1, OP_NONE, $3, true); }
	;

osimple_stmt_nc
	: %empty          { $$ = NULL; }
	| simple_stmt_nc  { $$ = $1; }
	;

if_stmt
	: IF error block else_part {
		$$ = mk(N_IF, @1); $$->u.ifstmt.cond = mk_bad(@2); $$->u.ifstmt.then = $3; $$->u.ifstmt.els = $4;
	}
	| IF simple_stmt_nc block else_part {
		$$ = mk_header_stmt(p, N_IF, @1, NULL, $2);
		$$->u.ifstmt.then = $3; $$->u.ifstmt.els = $4;
	}
	| IF osimple_stmt_nc ';' osimple_stmt_nc block else_part {
		/* Go tells `if x; {` (no condition) from `if x` followed by a
		 * brace on the next line. */
		if (!$4 && $3 == 0)
			diag_errorf(p->diag, @3, "syntax error: missing condition in if statement");
		else if (!$4)
			diag_errorf(p->diag, @3, "syntax error: unexpected %s, expecting { after if clause",
				    $3 == 1 ? "newline" : "EOF");
		$$ = mk_header_stmt(p, N_IF, @1, $2, $4);
		$$->u.ifstmt.then = $5; $$->u.ifstmt.els = $6;
	}
	;

else_part
	: %empty             { $$ = NULL; }
	| ELSE if_stmt       { $$ = $2; }
	| ELSE block         { $$ = $2; }
	;

for_stmt
	: FOR error block {
		$$ = mk(N_FOR, @1); $$->u.forstmt.body = $3;
	}
	| FOR block {
		$$ = mk(N_FOR, @1); $$->u.forstmt.body = $2;
	}
	| FOR expr_nc block {
		$$ = mk(N_FOR, @1); $$->u.forstmt.cond = $2; $$->u.forstmt.body = $3;
	}
	| FOR osimple_stmt_nc ';' oexpr_nc ';' osimple_stmt_nc block {
		$$ = mk(N_FOR, @1); $$->u.forstmt.init = $2; $$->u.forstmt.cond = $4;
		$$->u.forstmt.post = $6; $$->u.forstmt.body = $7;
		if ($6 && $6->kind == N_ASSIGN && $6->u.assign.define)
			diag_errorf(p->diag, $6->pos, "syntax error: cannot declare in post statement of for loop");
	}
	| FOR RANGE expr_nc block {
		$$ = mk(N_RANGE, @1); $$->u.range.x = $3; $$->u.range.body = $4;
	}
	| FOR expr_list_nc '=' RANGE expr_nc block {
		$$ = mk(N_RANGE, @1); $$->u.range.x = $5; $$->u.range.body = $6;
		$$->u.range.key = $2.v[0];
		$$->u.range.value = $2.len > 1 ? $2.v[1] : NULL;
		$$->u.range.extra = $2.len > 2 ? $2.v[2] : NULL;
	}
	| FOR expr_list_nc DEFINE RANGE expr_nc block {
		$$ = mk(N_RANGE, @1); $$->u.range.x = $5; $$->u.range.body = $6; $$->u.range.define = true;
		$$->u.range.key = $2.v[0];
		$$->u.range.value = $2.len > 1 ? $2.v[1] : NULL;
		$$->u.range.extra = $2.len > 2 ? $2.v[2] : NULL;
	}
	;

oexpr_nc
	: %empty   { $$ = NULL; }
	| expr_nc  { $$ = $1; }
	;

switch_stmt
	: SWITCH '{' case_clauses '}' {
		$$ = mk_header_stmt(p, N_SWITCH, @1, NULL, NULL); $$->u.sw.body = $3;
	}
	| SWITCH simple_stmt_nc '{' case_clauses '}' {
		$$ = mk_header_stmt(p, N_SWITCH, @1, NULL, $2); $$->u.sw.body = $4;
	}
	| SWITCH osimple_stmt_nc ';' osimple_stmt_nc '{' case_clauses '}' {
		$$ = mk_header_stmt(p, N_SWITCH, @1, $2, $4); $$->u.sw.body = $6;
	}
	;

case_clauses
	: %empty                    { $$ = (NodeList){0}; }
	| case_clauses case_clause  { $$ = $1; nodelist_push(&$$, $2); }
	;

case_clause
	: CASE expr_list ':' stmt_list {
		$$ = mk(N_CASECLAUSE, @1); $$->u.clause.list = $2; $$->u.clause.body = $4;
	}
	| CASE error stmt_list {
		$$ = mk(N_CASECLAUSE, @1); $$->u.clause.body = $3;
	}
	| DEFAULT ':' stmt_list {
		$$ = mk(N_CASECLAUSE, @1); $$->u.clause.is_default = true; $$->u.clause.body = $3;
	}
	;

select_stmt
	: SELECT '{' comm_clauses '}' {
		$$ = mk(N_SELECT, @1); $$->u.sw.body = $3;
	}
	;

comm_clauses
	: %empty                    { $$ = (NodeList){0}; }
	| comm_clauses comm_clause  { $$ = $1; nodelist_push(&$$, $2); }
	;

comm_clause
	: CASE comm ':' stmt_list {
		$$ = mk(N_COMMCLAUSE, @1); $$->u.clause.comm = $2; $$->u.clause.body = $4;
	}
	| DEFAULT ':' stmt_list {
		$$ = mk(N_COMMCLAUSE, @1); $$->u.clause.is_default = true; $$->u.clause.body = $3;
	}
	;

comm
	: simple_stmt  { $$ = $1; } /* a send or a receive: the checker's to say */
	;

%%

/* ---- the token feed ------------------------------------------------------- */

static bool is_decl_keyword(int k)
{
	return k == IMPORT || k == CONST || k == TYPE || k == VAR || k == FUNC || k == 0;
}

/* Keywords that start a statement: Go's parser stops skipping at them
 * inside a function (its stopset). */
static bool stops_skip(int k)
{
	return k == BREAK || k == CONST || k == CONTINUE || k == DEFER || k == FALLTHROUGH || k == FOR || k == GO
	       || k == GOTO || k == IF || k == RETURN || k == SELECT || k == SWITCH || k == TYPE || k == VAR || k == 0;
}

/* What the parser keeps track of about each token read (the brackets open,
 * the statement header or clause being read); false if reading stops. */
static bool note_token(Parser *p, const Token *t)
{
	switch (t->kind) {
	case '(': case '[': case '{':
		if (p->depth >= PARSE_MAX_NESTING) {
			diag_errorf(p->diag, t->pos, "too deeply nested (more than %d levels of brackets)", PARSE_MAX_NESTING);
			p->aborted = true;
			return false;
		}
		if (t->kind == '{' && p->hdr_kw && p->depth == p->hdr_depth)
			p->hdr_kw = 0; /* the body's brace ends the header */
		p->open_after[p->depth] = p->prev.kind;
		p->open_after2[p->depth] = p->prev2;
		p->open[p->depth++] = t->kind == '{' && p->prev.kind == STRUCT ? 'S'
				    : t->kind == '{' && p->prev.kind == INTERFACE ? 'I'
				    : (char)t->kind;
		break;
	case ')': case ']': case '}':
		p->la_unmatched = p->depth == 0;
		if (p->depth > 0)
			p->depth--;
		break;
	case PACKAGE:
		p->has_pkg = true;
		break;
	case IF: case FOR: case SWITCH:
		p->hdr_kw = t->kind;
		p->hdr_depth = p->depth;
		break;
	case CASE: case DEFAULT:
		p->in_case = true;
		p->case_depth = p->depth;
		break;
	case ':':
		if (p->in_case && p->depth == p->case_depth)
			p->in_case = false;
		break;
	case IMPORT: case FUNC: case VAR: case CONST: case TYPE:
		if (p->depth == 0)
			p->top_kw = t->kind;
		break;
	}
	return true;
}

int yylex(YYSTYPE *lval, Pos *lloc, Parser *p)
{
	if (p->aborted)
		return 0;
	if (p->close_block) {
		/* bison has dropped the offending token (p->tok) by now */
		p->after_close = p->close_block;
		p->close_block = 0;
		p->prev2 = p->prev.kind;
		p->prev = p->tok;
		/* (a dropped ')' or ']' closed the block's brace in the
		 * bookkeeping already) */
		if (p->tok.kind != ')' && p->tok.kind != ']' && p->depth > 0)
			p->depth--;
		p->tok.kind = '}';
		p->tok.node = NULL;
		*lloc = p->tok.pos;
		lval->op = 0;
		return '}';
	}
	for (;;) {
		p->prev2 = p->prev.kind;
		p->prev = p->tok;
		p->la_hdr = p->hdr_kw;
		bool fresh = !p->has_pushback;
		if (p->has_pushback) {
			p->tok = p->pushback;
			p->has_pushback = false;
		} else {
			lexer_next(&p->lx, &p->tok);
		}
		Token *t = &p->tok;
		if (p->judge_next_decl && t->kind != ';') {
			p->judge_next_decl = false;
			if (!is_decl_keyword(t->kind)) {
				diag_errorf(p->diag, t->pos, "syntax error: non-declaration statement outside function body");
				p->skip_to_decl = true;
			}
		}
		if (p->after_close) {
			bool nested = p->after_close == 2;
			p->after_close = 0;
			if (!nested && t->kind == ';')
				p->judge_next_decl = true;
			if (t->kind != ';' && t->kind != 0 && !(nested && t->kind == '}')) {
				diag_errorf(p->diag, t->pos,
					    nested ? "syntax error: unexpected %s at end of statement"
						   : "syntax error: unexpected %s after top level declaration",
					    token_describe(t));
				if (nested)
					p->skip_stmt_rest = true;
				else
					p->skip_to_decl = true;
				if (fresh && !note_token(p, t))
					return 0;
				p->pushback = *t;
				p->has_pushback = true;
				t->kind = ';';
				t->node = NULL;
				*lloc = t->pos;
				lval->num = 1;
				return ';';
			}
		}
		if (fresh && !note_token(p, t))
			return 0;
		if (p->skip_to_colon) {
			if (t->kind != ':' && t->kind != '}' && t->kind != CASE && t->kind != DEFAULT
			    && !stops_skip(t->kind))
				continue;
			p->skip_to_colon = false;
			if (t->kind == ':')
				continue;
			if (t->kind) {
				diag_errorf(p->diag, t->pos, "syntax error: unexpected %s, expecting :", token_describe(t));
				continue;
			}
		}
		if (p->skip_stmt_rest) {
			if (t->kind == ';') {
				p->skip_stmt_rest = false;
				continue;
			}
			if (t->kind != '}' && t->kind != CASE && t->kind != DEFAULT && !stops_skip(t->kind))
				continue;
			p->skip_stmt_rest = false;
		}
		/* After a syntax error between declarations, Go skips ahead to the
		 * next declaration keyword; doing the same keeps one mistake from
		 * being reported again on every following line. */
		if (p->skip_to_decl) {
			if (!is_decl_keyword(t->kind))
				continue;
			p->skip_to_decl = false;
			p->depth = 0;
			p->hdr_kw = 0;
		}
		*lloc = t->pos;
		if (t->node)
			lval->node = t->node;
		else if (t->kind == ';')
			lval->num = !strcmp(t->semi, "newline") ? 1 : !strcmp(t->semi, "EOF") ? 2 : 0;
		else
			lval->op = t->op;
		return t->kind;
	}
}

static void yyerror(Pos *loc, Parser *p, const char *msg)
{
	if (p->aborted)
		return;
	/* Only bison's own failures reach here: its stack limit. */
	if (strstr(msg, "exhausted")) {
		diag_errorf(p->diag, *loc, "too deeply nested (expression or statement nesting too deep)");
		p->aborted = true;
		return;
	}
	diag_errorf(p->diag, *loc, "syntax error: %s", msg);
}

/* ---- syntax error messages in Go's words ---------------------------------- */

static bool has(const yysymbol_kind_t *exp, int n, yysymbol_kind_t k)
{
	for (int i = 0; i < n; i++)
		if (exp[i] == k)
			return true;
	return false;
}

/* Is the character token c among the expected ones? (bison names those
 * symbols by quoting the character.) */
static bool has_ch(const yysymbol_kind_t *exp, int n, char c)
{
	for (int i = 0; i < n; i++) {
		const char *s = yysymbol_name(exp[i]);
		if (s[0] == '\'' && s[1] == c && s[2] == '\'' && !s[3])
			return true;
	}
	return false;
}

/* Go names some tokens its own way in "expecting ..." lists. */
static const char *expect_name(yysymbol_kind_t k)
{
	switch (k) {
	case YYSYMBOL_IDENT: return "name";
	case YYSYMBOL_YYEOF: return "EOF";
	default: break;
	}
	const char *s = yysymbol_name(k);
	/* bison quotes character tokens: "'('" */
	if (s[0] == '"' || s[0] == '\'') {
		size_t n = strlen(s);
		return ast_strndup(s + 1, n - 2);
	}
	static const struct { yysymbol_kind_t k; const char *s; } names[] = {
		{YYSYMBOL_ELLIPSIS, "..."}, {YYSYMBOL_DEFINE, ":="}, {YYSYMBOL_ARROW, "<-"},
		{YYSYMBOL_CASE, "case"}, {YYSYMBOL_DEFAULT, "default"}, {YYSYMBOL_TYPE, "type"},
		{YYSYMBOL_RANGE, "range"}, {YYSYMBOL_CHAN, "chan"}, {YYSYMBOL_FUNC, "func"},
		{YYSYMBOL_STRING, "literal"}, {YYSYMBOL_ELSE, "else"}, {YYSYMBOL_IF, "if"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].k == k)
			return names[i].s;
	return s;
}


/* The token after the lookahead, read from a copy of the lexer (its
 * errors, if any, are reported when the parser gets there). */
static Token peek_token(Parser *p)
{
	Lexer peek = p->lx;
	Diag scratch;
	Token next;
	diag_init(&scratch, p->diag->filename);
	peek.diag = &scratch;
	lexer_next(&peek, &next);
	return next;
}

/* Does a token of this kind end an operand (so a '[' after it indexes)? */
static bool ends_operand(int kind)
{
	return kind == IDENT || kind == INT || kind == FLOAT || kind == IMAG || kind == RUNE || kind == STRING ||
	       kind == ')' || kind == ']' || kind == '}';
}

/* A switch or select body has la where a clause should start: skip as Go
 * does (p->skip_to_colon), from the token after la (bison drops la). Not
 * for a bracket, whose partner the skipping would lose. */
static void skip_clause_start(Parser *p, int la)
{
	p->skip_to_colon = la != 0 && la != ':' && la != '}' && la != CASE && la != DEFAULT && !stops_skip(la)
			   && la != '(' && la != ')' && la != '[' && la != ']' && la != '{';
}

static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *p)
{
	if (p->aborted)
		return 0;
	yysymbol_kind_t exp[128];
	int n = yypcontext_expected_tokens(ctx, exp, 128);
	if (n < 0)
		n = 0;
	const Token *t = &p->tok;
	Pos pos = t->pos;
	const char *tok = token_describe(t);
	int la = t->kind;
	Diag *d = p->diag;
	/* The innermost open bracket before the lookahead was read (reading
	 * a bracket already moved the depth). */
	int d0 = p->depth + (la == ')' || la == ']' || la == '}') - (la == '(' || la == '[' || la == '{');
	char inner = d0 > 0 && d0 <= PARSE_MAX_NESTING ? p->open[d0 - 1] : 0;

	bool stmt_start = has(exp, n, YYSYMBOL_FOR) && has(exp, n, YYSYMBOL_RETURN);
	bool expr_start = has(exp, n, YYSYMBOL_INT) && has(exp, n, YYSYMBOL_IDENT);
	bool type_start = has(exp, n, YYSYMBOL_MAP) && has(exp, n, YYSYMBOL_CHAN) && !expr_start;
	bool semi = has_ch(exp, n, ';'), rbrace = has_ch(exp, n, '}');
	bool comma = has_ch(exp, n, ','), rparen = has_ch(exp, n, ')');

	/* Go gives up at once when the package clause or the token after it
	 * is already in error (a lexical error was reported there). */
	if (p->has_pkg && !p->last_top && !p->file->u.file.imports.len && diag_count(d)) {
		p->aborted = true;
		return 0;
	}
	/* Between declarations: Go skips to the next declaration keyword. */
	if (has(exp, n, YYSYMBOL_FUNC) && has(exp, n, YYSYMBOL_VAR) && has(exp, n, YYSYMBOL_CONST)
	    && !has(exp, n, YYSYMBOL_IDENT)) {
		Node *last = p->last_top;
		if (la == '{' && last && last->kind == N_FUNCDECL && !last->u.func.body)
			diag_errorf(d, pos, "syntax error: unexpected semicolon or newline before {");
		else
			diag_errorf(d, pos, "syntax error: non-declaration statement outside function body");
		p->skip_to_decl = true;
		return 0;
	}
	bool top = (la == ')' || la == ']' || la == '}') ? p->la_unmatched : d0 == 0;
	if (top && semi && la != ';' && la != 0 && p->top_kw != IMPORT) {
		/* a top-level declaration is complete and something follows
		 * it on the same line */
		diag_errorf(d, pos, "syntax error: unexpected %s after top level declaration", tok);
		return 0;
	}
	if (la == ']' && p->prev.kind == '[') {
		diag_errorf(d, pos, "syntax error: unexpected ], expecting operand");
		return 0;
	}
	if (type_start && (p->prev.kind == CHAN || (p->prev.kind == ARROW && p->prev2 == CHAN))) {
		diag_errorf(d, pos, "syntax error: missing channel element type");
		return 0;
	}
	if (la == ',' && inner == '[' && has_ch(exp, n, ']') && d0 > 0) {
		int after = p->open_after[d0 - 1], after2 = p->open_after2[d0 - 1];
		if (!ends_operand(after) || (after == IDENT && after2 == VAR)) {
			/* an array type's length, followed by a comma */
			diag_errorf(d, pos, "syntax error: unexpected comma; expecting ]");
		} else {
			/* an index: Go takes the comma and balks at what follows */
			Token next = peek_token(p);
			diag_errorf(d, next.pos, "syntax error: unexpected %s, expecting ]", token_describe(&next));
		}
		return 0;
	}
	if (p->in_case && d0 == p->case_depth && has_ch(exp, n, ':')) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting :", tok);
		return 0;
	}
	if (p->prev.kind == ELSE && la != IF && la != '{') {
		diag_errorf(d, pos, "syntax error: else must be followed by if or statement block");
		return 0;
	}
	if (la == 0 && diag_count(d))
		return 0; /* as Go: no follow-up complaints about the end of the file */
	if (p->la_hdr && p->prev.kind == p->la_hdr) {
		if (la == VAR) {
			/* Go reports this at the token after `var`. */
			Token next = peek_token(p);
			diag_errorf(d, next.pos, "syntax error: var declaration not allowed in %s initializer",
				    p->la_hdr == FOR ? "for" : p->la_hdr == IF ? "if" : "switch");
			return 0;
		}
		if (la == '{' && p->la_hdr == IF) {
			diag_errorf(d, pos, "syntax error: missing condition in if statement");
			return 0;
		}
	}
	if (stmt_start) {
		if (has(exp, n, YYSYMBOL_CASE)) {
			diag_errorf(d, pos, "syntax error: unexpected %s, expecting case or default or }", tok);
			skip_clause_start(p, la);
		} else {
			diag_errorf(d, pos, "syntax error: unexpected %s, expecting }", tok);
			/* Go skips this one token and ends the block (an else on
			 * the line after its if's brace ends the function) */
			if (la != 0 && la != '(' && la != '[' && la != '{' && la != '}') {
				/* the brace this closes was opened at depth d0 - 1 */
				p->close_block = d0 > 1 ? 2 : 1;
			}
		}
		return 0;
	}
	if (has(exp, n, YYSYMBOL_CASE) && has(exp, n, YYSYMBOL_DEFAULT) && rbrace) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting case or default or }", tok);
		skip_clause_start(p, la);
		return 0;
	}
	if (la == DEFINE && has_ch(exp, n, '=') && !has(exp, n, YYSYMBOL_DEFINE)) {
		diag_errorf(d, pos, "syntax error: unexpected :=, expecting =");
		return 0;
	}
	if ((p->prev.kind == VAR || p->prev.kind == CONST || p->prev.kind == TYPE)
	    && has(exp, n, YYSYMBOL_IDENT) && has_ch(exp, n, '(')) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting name", tok);
		return 0;
	}
	if (p->prev2 == TYPE && p->prev.kind == IDENT && type_start) {
		diag_errorf(d, pos, "syntax error: unexpected %s in type declaration", tok);
		return 0;
	}
	if ((inner == 'S' || inner == 'I') && semi && rbrace) {
		diag_errorf(d, pos, "syntax error: unexpected %s in %s type; possibly missing semicolon or newline or }",
			    tok, inner == 'S' ? "struct" : "interface");
		return 0;
	}
	if (inner == '{' && comma && rbrace && !semi) {
		diag_errorf(d, pos, "syntax error: unexpected %s in composite literal; possibly missing comma or }", tok);
		return 0;
	}
	if (inner == '(' && comma && rparen && la != 0) {
		diag_errorf(d, pos, "syntax error: unexpected %s in %s list; possibly missing comma or )", tok,
			    has(exp, n, YYSYMBOL_OROR) ? "argument" : "parameter");
		return 0;
	}
	if (la == 0 && inner && (inner == '(' ? rparen : inner == '[' ? has_ch(exp, n, ']') : rbrace)) {
		diag_errorf(d, pos, "syntax error: unexpected EOF, expecting %c",
			    inner == '(' ? ')' : inner == '[' ? ']' : '}');
		return 0;
	}
	if (p->hdr_kw == FOR && p->depth == p->hdr_depth && has_ch(exp, n, '{')) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting { after for clause", tok);
		return 0;
	}
	if (p->la_hdr == FOR && la == '{' && p->prev.kind == ';') { /* (the brace ended the header) */
		/* `for cond` with the brace on the next line: the newline
		 * ended the init statement, and Go wants a condition next */
		diag_errorf(d, pos, "syntax error: unexpected {, expecting for loop condition");
		return 0;
	}
	if ((p->hdr_kw == IF || p->hdr_kw == SWITCH) && p->depth == p->hdr_depth && has_ch(exp, n, '{')) {
		/* the header's last statement ended where a brace belongs */
		if (p->hdr_kw == IF)
			diag_errorf(d, pos, "syntax error: unexpected %s, expecting { after if clause", tok);
		else
			diag_errorf(d, pos, "syntax error: missing { after switch clause");
		return 0;
	}
	if (semi && rbrace) {
		diag_errorf(d, pos, "syntax error: unexpected %s at end of statement", tok);
		return 0;
	}
	if (has(exp, n, YYSYMBOL_DEFINE) && has_ch(exp, n, '=')) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting := or = or comma", tok);
		return 0;
	}
	if (expr_start) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting expression", tok);
		return 0;
	}
	if (type_start) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting type", tok);
		return 0;
	}
	if (inner == '[' && has_ch(exp, n, ':') && has_ch(exp, n, ']')) {
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting comma, : or ]", tok);
		return 0;
	}

	/* What is left after dropping the tokens that would merely continue
	 * an expression is what Go's parser "wants" at this point. */
	const char *want[4];
	int nw = 0;
	for (int i = 0; i < n && nw < 4; i++) {
		const char *s = yysymbol_name(exp[i]);
		if (exp[i] == YYSYMBOL_YYerror || exp[i] == YYSYMBOL_INC || exp[i] == YYSYMBOL_DEC
		    || exp[i] == YYSYMBOL_ARROW || exp[i] == YYSYMBOL_ASSIGNOP || exp[i] == YYSYMBOL_OROR
		    || exp[i] == YYSYMBOL_ANDAND || exp[i] == YYSYMBOL_EQ || exp[i] == YYSYMBOL_NE
		    || exp[i] == YYSYMBOL_LE || exp[i] == YYSYMBOL_GE || exp[i] == YYSYMBOL_SHL
		    || exp[i] == YYSYMBOL_SHR || exp[i] == YYSYMBOL_ANDNOT)
			continue;
		if (s[0] == '\'' && strchr("+-*/%&|^<>.[{", s[1]) && !(s[1] == '[' && has_ch(exp, n, '(')))
			continue;
		if (s[0] == '\'' && s[1] == '(' && n > 2)
			continue; /* a call would continue the expression */
		if (s[0] == '\'' && s[1] == '[' && has_ch(exp, n, '('))
			continue; /* a type parameter list: gol does not offer one */
		if (s[0] == '\'' && s[1] == ',' && has_ch(exp, n, ':'))
			continue; /* Go's expression lists end in a wanted token */
		want[nw++] = s[0] == '\'' && s[1] == ';' ? "semicolon or newline" : expect_name(exp[i]);
	}
	if (nw == 1)
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting %s", tok, want[0]);
	else if (nw == 2)
		diag_errorf(d, pos, "syntax error: unexpected %s, expecting %s or %s", tok, want[0], want[1]);
	else
		diag_errorf(d, pos, "syntax error: unexpected %s", tok);
	return 0;
}

/* ---- helpers for the actions ---------------------------------------------- */

static Node *mk_field(NodeList names, Node *type, Node *tag, bool embedded, Pos pos)
{
	Node *f = ast_new(N_FIELD, pos);
	f->u.field.names = names;
	f->u.field.type = type;
	f->u.field.tag = tag;
	f->u.field.embedded = embedded;
	return f;
}

/*
 * Regroup a parameter list. Entries were read as either `type` alone or
 * `name type`. If any entry has a name, every lone entry must be a name
 * that shares the type of the next named entry: `a, b int, c string`.
 */
static void fix_params(Parser *p, NodeList *l)
{
	int named = 0;
	for (int i = 0; i < l->len; i++)
		if (l->v[i]->u.field.names.len)
			named++;
	if (!named)
		return;
	NodeList out = {0};
	NodeList pending = {0};
	for (int i = 0; i < l->len; i++) {
		Node *f = l->v[i];
		if (!f->u.field.names.len) {
			Node *t = f->u.field.type;
			if (t->kind != N_IDENT) {
				diag_errorf(p->diag, t->pos, "syntax error: mixed named and unnamed parameters");
				return;
			}
			nodelist_push(&pending, t);
			continue;
		}
		if (pending.len) {
			Node *g = mk_field(pending, f->u.field.type, NULL, false, pending.v[0]->pos);
			nodelist_push(&g->u.field.names, f->u.field.names.v[0]);
			nodelist_push(&out, g);
			pending = (NodeList){0};
		} else {
			nodelist_push(&out, f);
		}
	}
	if (pending.len) {
		diag_errorf(p->diag, pending.v[pending.len - 1]->pos, "syntax error: mixed named and unnamed parameters");
		return;
	}
	*l = out;
}

/* `<-x` where x is a channel type written without parentheses is a
 * receive-only channel type, re-associated as Go's parser does it:
 * `<-chan <-chan int` arrives as <- (chan<- (chan int)), and each
 * send-only level down the chain of element types becomes receive-only,
 * ending at the first bidirectional one. */
static Node *recv_chan_type(Parser *p, Node *x, Pos pos)
{
	if (x->kind != N_CHANTYPE)
		return ast_unary(pos, OP_RECV, x);
	ChanDir dir = CHAN_SEND;
	Node *t = x;
	while (dir == CHAN_SEND && t && t->kind == N_CHANTYPE) {
		dir = t->u.chan.dir;
		if (dir == CHAN_RECV)
			diag_errorf(p->diag, t->pos, "syntax error: unexpected <-, expecting chan");
		t->u.chan.dir = CHAN_RECV;
		t = t->u.chan.elem;
	}
	if (dir == CHAN_SEND && t)
		diag_errorf(p->diag, t->pos, "syntax error: unexpected %s, expecting chan", ast_expr_string(t));
	x->pos = pos;
	return x;
}

static void generics_error(Parser *p, Pos pos)
{
	if (p->generics_reported)
		return; /* once is enough: the rest would say the same */
	p->generics_reported = true;
	diag_errorf(p->diag, pos, "gol: generics are not supported yet");
}

static Node *mk_assign(Parser *p, Pos pos, NodeList lhs, Op op, NodeList rhs, bool define)
{
	Node *n = ast_new(N_ASSIGN, pos);
	n->u.assign.lhs = lhs;
	n->u.assign.rhs = rhs;
	n->u.assign.op = op;
	n->u.assign.define = define;
	if (op != OP_NONE && (lhs.len != 1 || rhs.len != 1))
		diag_errorf(p->diag, pos, "syntax error: unexpected %s=, expecting := or = or comma", op_text(op));
	if (define)
		for (int i = 0; i < lhs.len; i++)
			if (lhs.v[i]->kind != N_IDENT)
				diag_errorf(p->diag, lhs.v[i]->pos, "non-name %s on left side of :=",
					    ast_expr_string(lhs.v[i]));
	return n;
}

/* The expression of a header's condition statement. */
static Node *expr_of(Parser *p, Node *stmt, const char *what)
{
	if (!stmt)
		return NULL;
	if (stmt->kind == N_EXPRSTMT)
		return stmt->u.exprstmt.x;
	/* Go quotes the statement; a plain `=` gets parentheses around its
	 * sides to stress that it is an assignment, not a comparison. */
	if (stmt->kind == N_ASSIGN && !stmt->u.assign.define && stmt->u.assign.op == OP_NONE)
		diag_errorf(p->diag, stmt->pos, "syntax error: cannot use assignment (%s) = (%s) as value",
			    ast_list_string(&stmt->u.assign.lhs), ast_list_string(&stmt->u.assign.rhs));
	else if (stmt->kind == N_ASSIGN)
		diag_errorf(p->diag, stmt->pos, "syntax error: cannot use %s %s%s %s as value",
			    ast_list_string(&stmt->u.assign.lhs), stmt->u.assign.define ? ":" : op_text(stmt->u.assign.op),
			    "=", ast_list_string(&stmt->u.assign.rhs));
	else if (stmt->kind == N_INCDEC)
		diag_errorf(p->diag, stmt->pos, "syntax error: cannot use %s%s as value",
			    ast_expr_string(stmt->u.incdec.x), stmt->u.incdec.inc ? "++" : "--");
	else if (stmt->kind == N_SEND)
		diag_errorf(p->diag, stmt->pos, "syntax error: cannot use %s <- %s as value",
			    ast_expr_string(stmt->u.send.ch), ast_expr_string(stmt->u.send.value));
	(void)what;
	return mk_bad(stmt->pos);
}

static bool is_type_guard(Node *s)
{
	if (!s)
		return false;
	Node *x = NULL;
	if (s->kind == N_EXPRSTMT)
		x = s->u.exprstmt.x;
	else if (s->kind == N_ASSIGN && s->u.assign.define && s->u.assign.lhs.len == 1 && s->u.assign.rhs.len == 1)
		x = s->u.assign.rhs.v[0];
	return x && x->kind == N_TYPEASSERT && x->u.assert.type == NULL;
}

/* Build an if or switch from its header parts: init may be NULL; cond is
 * the statement after it (an expression statement, or for a switch a type
 * switch guard). */
static Node *mk_header_stmt(Parser *p, NodeKind k, Pos pos, Node *init, Node *cond)
{
	if (k == N_IF) {
		Node *n = ast_new(N_IF, pos);
		n->u.ifstmt.init = init;
		n->u.ifstmt.cond = cond ? expr_of(p, cond, "if statement") : mk_bad(pos);
		return n;
	}
	if (is_type_guard(cond)) {
		Node *n = ast_new(N_TYPESWITCH, pos);
		n->u.sw.init = init;
		n->u.sw.assign = cond;
		return n;
	}
	Node *n = ast_new(N_SWITCH, pos);
	n->u.sw.init = init;
	n->u.sw.tag = expr_of(p, cond, "switch statement");
	return n;
}

/* Where Go's parser places expression x: at the operator of a selector,
 * index or slice expression, else where it starts. */
static Pos op_pos(const Node *x)
{
	if (!x)
		return (Pos){0, 0};
	switch (x->kind) {
	case N_SELECTOR: return x->u.selector.op.line ? x->u.selector.op : x->pos;
	case N_INDEX: return x->u.index.op.line ? x->u.index.op : x->pos;
	case N_SLICE: return x->u.slice.op.line ? x->u.slice.op : x->pos;
	default: return x->pos;
	}
}

static Node *mk_call_stmt(Parser *p, NodeKind k, Pos pos, Node *x)
{
	Node *n = ast_new(k, pos);
	Node *c = ast_unparen(x);
	if (c && c != x && c->kind != N_CALL) {
		/* Go first complains of the parentheses, then of what is in them */
		diag_errorf(p->diag, x->pos, "expression in %s must not be parenthesized", k == N_GO ? "go" : "defer");
		x = c;
	}
	if (!c || c->kind != N_CALL) {
		diag_errorf(p->diag, op_pos(x), "expression in %s must be function call",
			    k == N_GO ? "go" : "defer");
		/* taken as a call without arguments (the parentheses forgotten,
		 * most likely), so the checker can go on, as Go's does */
		if (x && x->kind != N_BAD) {
			Node *call = ast_new(N_CALL, x->pos);
			call->u.call.fun = x;
			n->u.gostmt.call = call;
			return n;
		}
	} else if (c != x) {
		diag_errorf(p->diag, x->pos, "expression in %s must not be parenthesized",
			    k == N_GO ? "go" : "defer");
	}
	n->u.gostmt.call = x;
	return n;
}

/* ---- entry points ------------------------------------------------------------ */

Node *parse_file(const SrcFile *file, Diag *diag)
{
	Parser p;
	memset(&p, 0, sizeof p);
	p.diag = diag;
	p.file = ast_new(N_FILE, (Pos){1, 1});
	lexer_init(&p.lx, file, diag);
	yyparse(&p);
	return p.file;
}

int srcfile_read(const char *path, SrcFile *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	size_t cap = 1 << 16, len = 0;
	char *buf = GC_MALLOC_ATOMIC(cap);
	for (;;) {
		if (len + 1 >= cap) {
			char *nb = GC_MALLOC_ATOMIC(cap * 2);
			memcpy(nb, buf, len);
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + len, 1, cap - len - 1, f);
		len += r;
		if (r == 0)
			break;
	}
	/* the read's own reason (a directory opens but does not read) */
	int err = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (err)
		return err;
	buf[len] = 0;
	out->name = path;
	out->text = buf;
	out->len = len;
	out->line_offset = 0;
	return 0;
}

const char *srcfile_strerror(int err)
{
	switch (err) {
	case ENOENT: return "no such file or directory";
	case EACCES: return "permission denied";
	case EISDIR: return "is a directory";
	default: return strerror(err);
	}
}
