/*
 * program.h — a compiled program: what the compiler hands the VM.
 *
 * Owns: Proto (one compiled function: its instructions, constants, line
 * table and frame size) and Program (the protos, the globals, the entry
 * points). The VM reads these; it never sees the syntax tree.
 */
#ifndef GOL_PROGRAM_H
#define GOL_PROGRAM_H

#include <stdio.h>

#include "opcodes.h"
#include "value.h"

/* How a closure captures one variable: from the creating function's
 * register (which holds a cell) or from its own captured cells. */
typedef struct Capture {
	bool from_reg;
	int index;
} Capture;

typedef struct Proto {
	const char *name;      /* Go's name: main.main, main.(*T).M, main.main.func1 */
	const char *file;
	int line;              /* line of the declaration */
	Instr *code;
	int ncode;
	int32_t *lines;        /* source line of each instruction */
	Value *k;              /* constants */
	int nk;
	struct Proto **protos; /* function literals created here */
	int nprotos;
	int nparams;           /* parameter slots, receiver first */
	int nresults;
	int nregs;             /* frame size in registers */
	bool variadic;
	bool wrapper;          /* no code: stands for the closure Go 1.19 runs a
				* `go f(x)` through, for -race's reports */
	Type *sig;
	int epilogue;          /* pc where a recovered panic resumes: returns
				* the named results, or zero values */
	Capture *captures;     /* how a closure of this proto is filled */
	int ncaptures;
	/* The index and slice instructions whose bounds are of a 64-bit
	 * unsigned type, for Go's message about a bound of 2^63 or more
	 * (shown as such, not as negative): ascending, each the offset of
	 * the word after the instruction (pc when it panics) << 3 | which
	 * bounds (1 index or low, 2 high, 4 max). */
	uint32_t *ubounds;
	int nubounds;
} Proto;

typedef struct Program {
	Proto *init;           /* package initialisation (globals, init funcs) */
	Proto *main;
	int nglobals;
	Value *globals;
	NativeFn *global_init;  /* per global: the native that makes a standard
				 * package's variable (os.Args), else NULL */
	const char *file;
} Program;

/* Compile a checked program; NULL after reporting errors to diag. */
struct Package;
struct Diag;
Program *compile_program(struct Package *pkg, struct Diag *diag);

struct Node;
/* The REPL: a program whose globals grow input by input (at most
 * REPL_MAX_GLOBALS), and the compilation of one checked input (see
 * check_repl_input): its statements as a function main.main, or its
 * declarations (functions go into their closures; the returned main.init
 * initialises its variables). NULL after reporting errors. */
#define REPL_MAX_GLOBALS 65536
Program *compile_repl_program(const char *filename);
Proto *compile_repl_input(Program *prog, struct Package *pkg, struct Node *file, bool stmts, struct Diag *diag);

/* Print every function's bytecode with source lines (gol disasm). */
void disasm_program(Program *prog, FILE *out);
/* Print the newest function named name (f, T.M or the full name); false
 * if there is none. */
bool disasm_named(const char *name, FILE *out);

#endif
