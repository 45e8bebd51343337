/*
 * session.c — one REPL session: inputs in, results out.
 *
 * An input is either declarations (func, type, import, const, var at
 * package level) or statements. Statements are parsed as the body of a
 * function main wrapped around them (the wrapper's line is numbered 0, so
 * the input's lines count from 1 as the user typed them); the checker
 * lifts the names they declare at top level into the session's package,
 * and turns an expression statement with a value into a call of
 * fmt.Println. Either way the input compiles to one function that runs on
 * goroutine 1 of the session's VM, while goroutines started earlier keep
 * their state (and run whenever the VM does).
 */
#include "session.h"

#include "ast.h"
#include "check.h"
#include "diag.h"
#include "lexer.h"
#include "natives.h"
#include "parse.h"
#include "parser.h"
#include "program.h"

#include <errno.h>
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Session {
	Package *pkg;
	Program *prog;
	VM *vm;
	int argc;
	char **argv;
};

const char session_help[] =
	"Type Go declarations (func, type, var, const, import), statements or\n"
	"expressions; an expression's value is printed as fmt.Println prints it.\n"
	"An input with open brackets, or ending in an operator, continues on the\n"
	"next line. Every standard package is visible without an import.\n"
	"Goroutines you start keep running while the prompt waits.\n"
	"\n"
	"Commands:\n"
	"  :help           this text\n"
	"  :quit           leave (also Ctrl-D)\n"
	"  :goroutines     every goroutine: id, state or wait reason, function, line\n"
	"  :type EXPR      the type of EXPR\n"
	"  :disasm NAME    the bytecode of function NAME (or T.M for a method)\n"
	"  :reset          forget every declaration and goroutine\n"
	"  :load FILE      run FILE's declarations and statements in this session\n"
	"  :procs [N]      show or set GOMAXPROCS (a session runs its goroutines\n"
	"                  on one worker thread, so this changes only what\n"
	"                  runtime.GOMAXPROCS reports)\n"
	"\n"
	"Ctrl-C interrupts a running input (or a blocked one) and keeps the session.\n"
	"Started as `gol -race`, the session reports data races as they happen.\n";

static const char *const repl_file = "<repl>";

static void session_start(Session *s)
{
	s->pkg = check_repl_package();
	s->prog = compile_repl_program(repl_file);
	s->vm = vm_session_new(s->prog, s->argc, s->argv);
}

Session *session_new(int argc, char **argv)
{
	Session *s = GC_MALLOC_UNCOLLECTABLE(sizeof *s);
	memset(s, 0, sizeof *s);
	s->argc = argc;
	s->argv = argv;
	session_start(s);
	return s;
}

VM *session_vm(Session *s)
{
	return s->vm;
}

/* ---- when is an input whole ---------------------------------------------------------- */

/* Tokens after which a statement cannot end. */
static bool continues(int kind)
{
	switch (kind) {
	case '+': case '-': case '*': case '/': case '%': case '&': case '|': case '^':
	case '<': case '>': case '!': case '=': case ',': case '.': case ':':
	case SHL: case SHR: case ANDNOT: case ANDAND: case OROR: case ARROW:
	case EQ: case NE: case LE: case GE: case ASSIGNOP: case DEFINE:
		return true;
	default:
		return false;
	}
}

bool session_incomplete(const char *text)
{
	SrcFile f = {repl_file, text, strlen(text), 0};
	Diag d;
	diag_init(&d, repl_file);
	Lexer lx;
	lexer_init(&lx, &f, &d);
	int depth = 0, last = 0;
	for (;;) {
		Token t;
		lexer_next(&lx, &t);
		if (!t.kind)
			break;
		if (t.kind == ';' && t.semi && strcmp(t.semi, "semicolon"))
			continue; /* an automatic semicolon: not a token the user typed */
		if (t.kind == '(' || t.kind == '[' || t.kind == '{')
			depth++;
		else if ((t.kind == ')' || t.kind == ']' || t.kind == '}') && depth > 0)
			depth--;
		last = t.kind;
	}
	for (int i = 0; i < d.len; i++)
		if (strstr(d.v[i].msg, "not terminated"))
			return true;
	return depth > 0 || continues(last);
}

/* ---- parsing -------------------------------------------------------------------------------- */

/* The first token of text (0 if none). */
static int first_token(const char *text, int *second)
{
	SrcFile f = {repl_file, text, strlen(text), 0};
	Diag d;
	diag_init(&d, repl_file);
	Lexer lx;
	lexer_init(&lx, &f, &d);
	Token t, u;
	lexer_next(&lx, &t);
	lexer_next(&lx, &u);
	*second = u.kind;
	return t.kind;
}

static Node *parse_decls(const char *name, const char *text, Diag *d)
{
	SrcFile f = {name, text, strlen(text), 0};
	diag_init(d, name);
	return parse_file(&f, d);
}

static Node *parse_stmts(const char *name, const char *text, Diag *d)
{
	size_t n = strlen(text);
	char *w = GC_MALLOC_ATOMIC(n + 32);
	int k = snprintf(w, n + 32, "func main() {\n%s\n}", text);
	/* the wrapper's first line is line 0: the input counts from 1 */
	SrcFile f = {name, w, (size_t)k, -1};
	diag_init(d, name);
	Node *file = parse_file(&f, d);
	/* an error at the wrapper's closing brace is the input ending early:
	 * say so, at the input's end */
	int32_t last = 1, col = 1;
	for (const char *p = text; *p; p++) {
		if (*p == '\n' && p[1]) {
			last++;
			col = 1;
		} else if (*p != '\n') {
			col++;
		}
	}
	for (int i = 0; i < d->len; i++)
		if (d->v[i].pos.line > last) {
			d->v[i].pos = (Pos){last, col};
			const char *m = d->v[i].msg, *u = strstr(m, "unexpected }");
			if (u) {
				size_t n = strlen(m) + 8;
				char *msg = GC_MALLOC_ATOMIC(n);
				snprintf(msg, n, "%.*sunexpected EOF%s", (int)(u - m), m, u + 12);
				d->v[i].msg = msg;
			}
		}
	return file;
}

/* Parse an input: declarations if it starts like them and parses as
 * them, else statements. Returns the tree, with *stmts saying which, or
 * NULL after printing the errors of the likelier reading. */
static Node *parse_input(const char *name, const char *text, bool *stmts)
{
	int second;
	int first = first_token(text, &second);
	bool decl_like = first == FUNC || first == TYPE || first == IMPORT || first == CONST || first == VAR
			 || first == PACKAGE;
	Diag dd, ds;
	if (decl_like) {
		Node *file = parse_decls(name, text, &dd);
		if (!diag_count(&dd)) {
			*stmts = false;
			return file;
		}
	}
	Node *body = NULL;
	if (first != IMPORT && first != PACKAGE) {
		body = parse_stmts(name, text, &ds);
		if (!diag_count(&ds)) {
			*stmts = true;
			return body;
		}
	}
	/* both failed: a func with a name, a type or an import was meant as a
	 * declaration; anything else as statements */
	bool report_decl = decl_like && (first != FUNC || second == IDENT || !body);
	diag_print(report_decl ? &dd : &ds, stderr);
	return NULL;
}

/* ---- running ------------------------------------------------------------------------------ */

/* Check, compile and run one input of declarations or statements; name
 * is where it comes from (<repl>, or the file :load reads). */
static int run_input(Session *s, const char *name, const char *text)
{
	bool stmts = false;
	Node *file = parse_input(name, text, &stmts);
	if (!file)
		return SESSION_ERRORS;
	Diag d;
	diag_init(&d, name);
	void *before = check_repl_snapshot(s->pkg);
	if (!check_repl_input(s->pkg, file, stmts, &d)) {
		diag_print(&d, stderr);
		return SESSION_ERRORS;
	}
	s->prog->file = name;
	Proto *p = compile_repl_input(s->prog, s->pkg, file, stmts, &d);
	s->prog->file = repl_file;
	if (!p) {
		/* what the input declared goes, as for a type error */
		check_repl_restore(s->pkg, before);
		diag_print(&d, stderr);
		return SESSION_ERRORS;
	}
	fflush(stdout);
	int r = vm_session_eval(s->vm, p);
	vm_flush(s->vm);
	if (r == SESSION_INTERRUPTED)
		fprintf(stderr, "interrupted\n");
	return r;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* A command's argument, without surrounding space. */
static char *argument(const char *p)
{
	p = skip_space(p);
	size_t n = strlen(p);
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n' || p[n - 1] == '\r'))
		n--;
	char *a = GC_MALLOC_ATOMIC(n + 1);
	memcpy(a, p, n);
	a[n] = 0;
	return a;
}

static int cmd_type(Session *s, const char *expr)
{
	if (!*expr) {
		fprintf(stderr, "usage: :type EXPR\n");
		return SESSION_ERRORS;
	}
	/* `_ = EXPR` with EXPR where the user's columns are */
	size_t n = strlen(expr);
	char *w = GC_MALLOC_ATOMIC(n + 32);
	int k = snprintf(w, n + 32, "func main() { _ = (\n%s)}", expr);
	SrcFile f = {repl_file, w, (size_t)k, -1};
	Diag d;
	diag_init(&d, repl_file);
	Node *file = parse_file(&f, &d);
	if (diag_count(&d)) {
		diag_print(&d, stderr);
		return SESSION_ERRORS;
	}
	diag_init(&d, repl_file);
	if (!check_repl_input(s->pkg, file, true, &d)) {
		diag_print(&d, stderr);
		return SESSION_ERRORS;
	}
	Node *body = file->u.file.decls.v[0]->u.func.body;
	Node *as = body->u.block.stmts.v[0];
	Type *t = as->u.assign.rhs.v[0]->type;
	printf("%s\n", t ? type_string(t, true) : "?");
	return SESSION_OK;
}

static int cmd_load(Session *s, const char *path)
{
	SrcFile src;
	int err = srcfile_read(path, &src);
	if (err) {
		fprintf(stderr, "gol: open %s: %s\n", path, srcfile_strerror(err));
		return SESSION_ERRORS;
	}
	return run_input(s, path, src.text);
}

static int command(Session *s, const char *line)
{
	const char *p = line + 1;
	size_t n = 0;
	while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != '\n')
		n++;
	char *arg = argument(p + n);
#define IS(name) (n == strlen(name) && !strncmp(p, name, n))
	if (IS("quit") || IS("q") || IS("exit"))
		return SESSION_QUIT;
	if (IS("help") || IS("h") || IS("?")) {
		fputs(session_help, stdout);
		return SESSION_OK;
	}
	if (IS("goroutines")) {
		vm_flush(s->vm);
		vm_session_goroutines(s->vm, stdout);
		return SESSION_OK;
	}
	if (IS("type"))
		return cmd_type(s, arg);
	if (IS("disasm")) {
		if (!*arg) {
			fprintf(stderr, "usage: :disasm NAME\n");
			return SESSION_ERRORS;
		}
		if (!disasm_named(arg, stdout)) {
			fprintf(stderr, "no function %s\n", arg);
			return SESSION_ERRORS;
		}
		return SESSION_OK;
	}
	if (IS("reset")) {
		session_start(s);
		return SESSION_OK;
	}
	if (IS("load")) {
		if (!*arg) {
			fprintf(stderr, "usage: :load FILE\n");
			return SESSION_ERRORS;
		}
		return cmd_load(s, arg);
	}
	if (IS("procs")) {
		if (!*arg) {
			printf("%lld\n", (long long)natives_gomaxprocs(0));
			return SESSION_OK;
		}
		char *end;
		long v = strtol(arg, &end, 10);
		if (*end || v < 1 || v > 256) {
			fprintf(stderr, ":procs wants a number from 1 to 256\n");
			return SESSION_ERRORS;
		}
		natives_gomaxprocs(v);
		return SESSION_OK;
	}
#undef IS
	fprintf(stderr, "unknown command :%.*s (:help lists them)\n", (int)n, p);
	return SESSION_ERRORS;
}

int session_eval(Session *s, const char *text)
{
	const char *p = skip_space(text);
	if (!*p)
		return SESSION_OK;
	/* the program's output, the session's and the errors share the
	 * terminal (or one pipe): each is flushed before another writes */
	vm_flush(s->vm);
	fflush(stdout);
	int r = *p == ':' ? command(s, p) : run_input(s, repl_file, text);
	vm_flush(s->vm);
	fflush(stdout);
	return r;
}

/* ---- completion ---------------------------------------------------------------------------- */

static const char *const keywords[] = {
	"break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough",
	"for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range",
	"return", "select", "struct", "switch", "type", "var", NULL,
};

static const char *const commands[] = {
	":disasm", ":goroutines", ":help", ":load", ":procs", ":quit", ":reset", ":type", NULL,
};

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
	       || (unsigned char)c >= 0x80;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **session_complete(Session *s, const char *line, int cursor, int *word_start)
{
	int b = cursor;
	while (b > 0 && ident_char(line[b - 1]))
		b--;
	*word_start = b;
	const char *prefix = line + b;
	size_t plen = (size_t)(cursor - b);
	const char *const *pools[3] = {NULL, NULL, NULL};
	if (b == 1 && line[0] == ':') {
		/* a command: complete with its colon */
		*word_start = 0;
		prefix = line;
		plen = (size_t)cursor;
		pools[0] = commands;
	} else if (b > 0 && line[b - 1] == '.') {
		/* pkg.Name */
		int a = b - 1;
		while (a > 0 && ident_char(line[a - 1]))
			a--;
		char pkg[64];
		int len = b - 1 - a;
		if (len <= 0 || len >= (int)sizeof pkg)
			return GC_MALLOC(sizeof(char *));
		memcpy(pkg, line + a, (size_t)len);
		pkg[len] = 0;
		pools[0] = check_repl_names(s->pkg, pkg);
	} else {
		pools[0] = keywords;
		pools[1] = check_repl_names(s->pkg, NULL);
	}
	int n = 0, cap = 64;
	const char **out = GC_MALLOC(sizeof *out * (size_t)cap);
	for (int k = 0; k < 3; k++)
		for (int i = 0; pools[k] && pools[k][i]; i++) {
			if (strncmp(pools[k][i], prefix, plen))
				continue;
			if (n + 1 >= cap) {
				cap *= 2;
				const char **w = GC_MALLOC(sizeof *w * (size_t)cap);
				memcpy(w, out, sizeof *w * (size_t)n);
				out = w;
			}
			out[n++] = pools[k][i];
		}
	qsort(out, (size_t)n, sizeof *out, cmp_str);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (!m || strcmp(out[m - 1], out[i]))
			out[m++] = out[i];
	out[m] = NULL;
	return out;
}
