/*
 * main.c — the `gol` command: dispatches subcommands.
 *
 * Owns: argument handling, reading the source file, and turning the
 * grammar's verdict into output and exit status (0 fine, 1 compile errors
 * or unreadable file, 2 usage).
 */
#include "ast.h"
#include "diag.h"
#include "parse.h"
#include "check.h"
#include "program.h"
#include "vm.h"
#include "repl.h"

#include <errno.h>
#include <gc.h>
#include <sys/resource.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GOL_VERSION
#define GOL_VERSION "dev"
#endif

static const char usage[] =
	"gol is an interpreter for a strict subset of Go.\n"
	"\n"
	"Usage:\n"
	"\tgol                  interactive session (REPL); with standard input not a\n"
	"\t                     terminal, runs the session typed there (also: gol repl)\n"
	"\tgol FILE.gol [args]  run FILE (also: gol run FILE.gol [args])\n"
	"\tgol -race FILE.gol   run FILE with the data-race detector: races are reported\n"
	"\t                     as go run -race reports them, exit status 66 if any\n"
	"\t                     (GORACE=exitcode=N changes it); gol -race alone: a\n"
	"\t                     REPL session that reports races as they happen\n"
	"\tgol -procs N FILE    run FILE's goroutines on N worker threads (default: the\n"
	"\t                     GOMAXPROCS environment variable, else the number of CPUs;\n"
	"\t                     -race and the REPL use one)\n"
	"\tgol check FILE.gol   parse, type-check and compile FILE without running it, and\n"
	"\t                     report its errors (exit 1 if any)\n"
	"\tgol disasm FILE.gol  print FILE's compiled bytecode with source lines\n"
	"\tgol ast FILE.gol     print FILE's syntax tree as an S-expression\n"
	"\tgol version          print gol's version\n"
	"\tgol help             print this help\n";

/* How far the front end takes a file. */
enum Stage { PARSE, CHECK, COMPILE };

/* Read path and take it through the stages up to stage, printing every
 * error; false after errors (or an unreadable file). *tree gets the syntax
 * tree, *prog (for COMPILE) the program. */
static bool front(const char *path, enum Stage stage, Node **tree, Program **prog)
{
	SrcFile src;
	int err = srcfile_read(path, &src);
	if (err) {
		fprintf(stderr, "gol: open %s: %s\n", path, srcfile_strerror(err));
		return false;
	}
	Diag diag;
	diag_init(&diag, path);
	Node *file = parse_file(&src, &diag);
	Package *pkg = NULL;
	if (!diag_stops(&diag) && stage >= CHECK)
		pkg = check_program(file, &diag);
	if (!diag_count(&diag) && pkg && stage >= COMPILE)
		*prog = compile_program(pkg, &diag);
	if (diag_count(&diag)) {
		diag_print(&diag, stderr);
		return false;
	}
	*tree = file;
	return stage < COMPILE || *prog;
}

/* The collector's warnings (large blocks during deep recursion) are not
 * the program's output. */
static void gc_quiet(char *msg, GC_word arg)
{
	(void)msg;
	(void)arg;
}

/* The front end recurses on the main thread's stack as deep as a program
 * nests (the parser stops at 1000 levels); a sanitizer build's frames are
 * several times larger. Linux grows the main thread's stack up to the
 * soft limit in force when it grows, and leaves at least 128 MB free below
 * it: raise the limit to 96 MB where the hard limit allows. */
static void roomy_main_stack(void)
{
	struct rlimit rl;
	rlim_t want = (rlim_t)96 << 20;
	if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < want)
		want = rl.rlim_max;
	rl.rlim_cur = want;
	setrlimit(RLIMIT_STACK, &rl);
}

int main(int argc, char **argv)
{
	roomy_main_stack();
	GC_INIT();
	GC_set_warn_proc(gc_quiet);
	/* grow the heap rather than collect often: interpreted programs
	 * allocate many small objects that die young */
	GC_set_free_space_divisor(1);
	vm_install_oom();
	/* flags may come before or after run: gol -race -procs 2 [run] FILE,
	 * gol run -race FILE; the first word that is not one ends them */
	bool race = false;
	for (int k = 1; k < argc && k <= 3;) {
		if (!strcmp(argv[k], "-race")) {
			race = true;
			memmove(argv + k, argv + k + 1, sizeof *argv * (size_t)(argc - k));
			argc--;
			continue;
		}
		if (!strcmp(argv[k], "-procs") || !strncmp(argv[k], "-procs=", 7)) {
			const char *v = argv[k][6] == '=' ? argv[k] + 7 : k + 1 < argc ? argv[k + 1] : "";
			int used = argv[k][6] == '=' ? 1 : 2;
			char *end;
			long n = strtol(v, &end, 10);
			if (!*v || *end || n < 1 || n > 256) {
				fprintf(stderr, "gol: -procs wants a number from 1 to 256\n");
				return 2;
			}
			vm_gomaxprocs(n);
			if (used > argc - k)
				used = argc - k;
			memmove(argv + k, argv + k + used, sizeof *argv * (size_t)(argc - k - used + 1));
			argc -= used;
			continue;
		}
		if (!strcmp(argv[k], "run")) {
			k++;
			continue;
		}
		break;
	}
	if (argc < 2 || !strcmp(argv[1], "repl")) {
		if (race)
			vm_enable_race(); /* a REPL session that reports races as they happen */
		return repl_main(argc, argv);
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage, stdout);
		return 0;
	}
	if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
		printf("gol version %s\n", GOL_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "check") || !strcmp(cmd, "ast")) {
		if (argc != 3) {
			fprintf(stderr, "usage: gol %s FILE.gol\n", cmd);
			return 2;
		}
		Node *file = NULL;
		Program *prog = NULL;
		/* check compiles too (without running): what gol cannot run
		 * yet (a library function it lacks) is an error of the
		 * program's, reported as run would */
		if (!front(argv[2], !strcmp(cmd, "check") ? COMPILE : PARSE, &file, &prog))
			return 1;
		if (!strcmp(cmd, "ast"))
			printf("%s\n", ast_dump(file));
		return 0;
	}
	if (!strcmp(cmd, "disasm")) {
		if (argc != 3) {
			fprintf(stderr, "usage: gol disasm FILE.gol\n");
			return 2;
		}
		Node *file = NULL;
		Program *prog = NULL;
		if (!front(argv[2], COMPILE, &file, &prog))
			return 1;
		disasm_program(prog, stdout);
		return 0;
	}
	if (!strcmp(cmd, "run") || (cmd[0] != '-' && strchr(cmd, '.'))) {
		int first = !strcmp(cmd, "run") ? 2 : 1;
		if (first >= argc) {
			fprintf(stderr, "usage: gol run FILE.gol [args]\n");
			return 2;
		}
		Node *file = NULL;
		Program *prog = NULL;
		if (!front(argv[first], COMPILE, &file, &prog))
			return 1;
		if (race)
			vm_enable_race();
		return vm_run(prog, argc - first, argv + first);
	}
	fprintf(stderr, "gol: unknown command %s\nRun 'gol help' for usage.\n", cmd);
	return 2;
}
