/*
 * repl.c — the REPL's two front ends: a terminal with libedit, and any
 * other standard input (a pipe or file) read line by line without prompts.
 *
 * Both gather lines until session_incomplete says the input is whole,
 * then hand it to the session. On a terminal, goroutines run while the
 * prompt waits: libedit reads characters through getc_fn, which lets the
 * VM run background goroutines until a key arrives; their output clears
 * the prompt line first and the prompt is drawn again after it, so the
 * two never mix on one line. SIGINT only raises a flag: the VM stops the
 * running input at its next time-slice check, and at the prompt it
 * abandons the line being typed.
 */
#include "repl.h"
#include "session.h"

#include <errno.h>
#include <gc.h>
#include <histedit.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The lines of the input being gathered. */
typedef struct Input {
	char *p;
	size_t len, cap;
} Input;

static void input_add(Input *in, const char *line)
{
	size_t n = strlen(line);
	if (in->len + n + 2 > in->cap) {
		size_t cap = (in->len + n + 2) * 2;
		char *p = GC_MALLOC_ATOMIC(cap);
		if (in->len)
			memcpy(p, in->p, in->len);
		in->p = p;
		in->cap = cap;
	}
	memcpy(in->p + in->len, line, n);
	in->len += n;
	if (!n || line[n - 1] != '\n')
		in->p[in->len++] = '\n';
	in->p[in->len] = 0;
}

static bool input_blank(const Input *in)
{
	for (size_t i = 0; i < in->len; i++)
		if (in->p[i] != ' ' && in->p[i] != '\t' && in->p[i] != '\n' && in->p[i] != '\r')
			return false;
	return true;
}

static bool is_command(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	return *line == ':';
}

static int worse(int a, int b)
{
	return b > a ? b : a;
}

/* Add a line to the input being gathered; run the input once it is whole.
 * A command is one line; typed while an input is still open, it first
 * ends that input (whose errors then say what was missing). *status gets
 * the worst status of what ran; *ran says whether anything did. Returns
 * true for :quit. */
static bool feed_line(Session *s, Input *in, const char *line, int *status, bool *ran)
{
	*ran = false;
	if (is_command(line) && in->len) {
		*status = worse(*status, session_eval(s, in->p));
		in->len = 0;
	}
	input_add(in, line);
	if (input_blank(in)) {
		in->len = 0;
		return false;
	}
	if (!is_command(in->p) && session_incomplete(in->p))
		return false;
	*ran = true;
	int r = session_eval(s, in->p);
	in->len = 0;
	if (r == SESSION_QUIT)
		return true;
	*status = worse(*status, r);
	return false;
}

/* ---- standard input that is not a terminal --------------------------------------- */

static int run_script(Session *s, FILE *in)
{
	int status = 0;
	Input acc = {0};
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, in) >= 0) {
		bool ran;
		if (feed_line(s, &acc, line, &status, &ran))
			break;
		if (!ran)
			continue;
		/* the goroutines this input made ready run before the next
		 * input, as they would while a person types it */
		for (int k; (k = vm_session_idle(session_vm(s), -1)) != 1;) {
			vm_flush(session_vm(s));
			if (k == 3)
				status = worse(status, SESSION_PANIC);
		}
	}
	free(line);
	/* an input still open at the end: its errors say what is missing */
	if (acc.len && !input_blank(&acc))
		status = worse(status, session_eval(s, acc.p));
	vm_flush(session_vm(s));
	return status;
}

/* ---- the terminal ------------------------------------------------------------------- */

static Session *S;
static EditLine *el;
static const char *prompt = "gol> ";
static bool prompt_interrupted;
static volatile sig_atomic_t at_prompt; /* waiting for a key, not running */

static char *prompt_fn(EditLine *e)
{
	(void)e;
	return (char *)prompt;
}

/* One character for libedit; the VM runs goroutines until one arrives. */
static int getc_fn(EditLine *e, wchar_t *wc)
{
	VM *vm = session_vm(S);
	for (;;) {
		at_prompt = 1;
		int r = vm_session_idle(vm, 0);
		at_prompt = 0;
		if (r == 2 || r == 3) {
			/* goroutine output: on a line of its own, then the
			 * prompt and what was typed so far again */
			if (write(1, "\r\033[K", 4) < 0) {
			}
			vm_flush(vm);
			el_set(e, EL_REFRESH);
			continue;
		}
		if (r == 0) {
			prompt_interrupted = true;
			return -1;
		}
		unsigned char c;
		ssize_t n = read(0, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		if (c == 3) { /* Ctrl-C arriving as a character */
			prompt_interrupted = true;
			return -1;
		}
		/* UTF-8: the lead byte says how many follow */
		int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
		wchar_t w = more == 3 ? c & 0x07 : more == 2 ? c & 0x0F : more == 1 ? c & 0x1F : c;
		for (int i = 0; i < more; i++) {
			unsigned char d;
			if (read(0, &d, 1) != 1)
				return 0;
			w = (w << 6) | (d & 0x3F);
		}
		*wc = w;
		return 1;
	}
}

/* Tab: complete the word before the cursor, or list the choices. */
static unsigned char complete_fn(EditLine *e, int ch)
{
	(void)ch;
	const LineInfo *li = el_line(e);
	int cursor = (int)(li->cursor - li->buffer);
	char *line = GC_MALLOC_ATOMIC((size_t)cursor + 1);
	memcpy(line, li->buffer, (size_t)cursor);
	line[cursor] = 0;
	int ws;
	const char **c = session_complete(S, line, cursor, &ws);
	if (!c[0])
		return CC_REFRESH_BEEP;
	size_t have = (size_t)(cursor - ws), common = strlen(c[0]);
	for (int i = 1; c[i]; i++) {
		size_t k = 0;
		while (k < common && c[i][k] == c[0][k])
			k++;
		common = k;
	}
	if (common > have) {
		char *ins = GC_MALLOC_ATOMIC(common - have + 1);
		memcpy(ins, c[0] + have, common - have);
		ins[common - have] = 0;
		el_insertstr(e, ins);
		return CC_REFRESH;
	}
	if (!c[1])
		return CC_REFRESH;
	/* several: list them under the line, in columns */
	size_t width = 0;
	int n = 0;
	for (; c[n]; n++)
		if (strlen(c[n]) > width)
			width = strlen(c[n]);
	int cols = (int)(80 / (width + 2));
	if (cols < 1)
		cols = 1;
	putchar('\n');
	for (int i = 0; i < n && i < 200; i++)
		printf("%-*s%s", (int)width + 2, c[i], (i + 1) % cols == 0 || i + 1 == n ? "\n" : "");
	if (n > 200)
		printf("... and %d more\n", n - 200);
	fflush(stdout);
	return CC_REDISPLAY;
}

static void on_sigint(int sig)
{
	(void)sig;
	/* the terminal echoed ^C; what follows goes on a line of its own */
	if (!at_prompt && write(1, "\n", 1) < 0) {
	}
	vm_interrupt();
}

static char *history_path(void)
{
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	size_t n = strlen(home) + 32;
	char *p = GC_MALLOC_ATOMIC(n);
	snprintf(p, n, "%s/.gol_history", home);
	return p;
}

static int run_terminal(Session *s, const char *argv0)
{
	S = s;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL); /* no SA_RESTART: a wait must see it */

	HistEvent ev;
	History *hist = history_init();
	history(hist, &ev, H_SETSIZE, 1000);
	history(hist, &ev, H_SETUNIQUE, 1);
	char *hpath = history_path();
	if (hpath)
		history(hist, &ev, H_LOAD, hpath);

	el = el_init(argv0, stdin, stdout, stderr);
	el_set(el, EL_EDITOR, "emacs");
	el_set(el, EL_PROMPT, prompt_fn);
	el_set(el, EL_HIST, history, hist);
	el_set(el, EL_GETCFN, getc_fn);
	el_set(el, EL_ADDFN, "gol-complete", "complete a name or command", complete_fn);
	el_set(el, EL_BIND, "^I", "gol-complete", NULL);
	el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
	el_source(el, NULL); /* the user's ~/.editrc, if any */

	printf("gol %s: Go, interactively. :help for help, Ctrl-D to leave.\n", GOL_VERSION);
	Input acc = {0};
	for (;;) {
		prompt = acc.len ? "...> " : "gol> ";
		prompt_interrupted = false;
		int count = 0;
		const char *line = el_gets(el, &count);
		if (!line) {
			if (prompt_interrupted) {
				/* Ctrl-C at the prompt: drop what was typed */
				vm_interrupt_clear();
				printf("^C\n");
				acc.len = 0;
				continue;
			}
			putchar('\n');
			break;
		}
		/* history keeps each line typed */
		char *entry = GC_MALLOC_ATOMIC((size_t)count + 1);
		memcpy(entry, line, (size_t)count + 1);
		if (count && entry[count - 1] == '\n')
			entry[count - 1] = 0;
		if (*entry) {
			history(hist, &ev, H_ENTER, entry);
			if (hpath)
				history(hist, &ev, H_SAVE, hpath);
		}
		bool ran;
		int status = 0;
		bool quit = feed_line(s, &acc, line, &status, &ran);
		fflush(stdout);
		if (quit)
			break;
	}
	el_end(el);
	history_end(hist);
	vm_flush(session_vm(s));
	return 0;
}

int repl_main(int argc, char **argv)
{
	Session *s = session_new(argc, argv);
	int status = isatty(0) && isatty(1) ? run_terminal(s, argv[0]) : run_script(s, stdin);
	return vm_session_end(session_vm(s), status);
}
