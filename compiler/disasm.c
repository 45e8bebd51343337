/*
 * disasm.c — the opcode tables and `gol disasm`: every function's code with
 * the source line of each instruction.
 */
#include "program.h"

#include <string.h>

#include <stdio.h>

const char *const opcode_names[BC__COUNT] = {
#define OP(name, shape, doc) #name,
	GOL_OPCODES(OP)
#undef OP
};

const OpShape opcode_shapes[BC__COUNT] = {
#define OP(name, shape, doc) SHAPE_##shape,
	GOL_OPCODES(OP)
#undef OP
};

static void disasm_proto(Proto *p, FILE *out)
{
	fprintf(out, "func %s (params %d, results %d, registers %d, constants %d)\n", p->name, p->nparams,
		p->nresults, p->nregs, p->nk);
	for (int i = 0; i < p->ncode; i++) {
		Instr in = p->code[i];
		fprintf(out, "  %4d  line %-4d %-9s", i, p->lines[i], opcode_names[in.op]);
		switch (opcode_shapes[in.op]) {
		case SHAPE_A: fprintf(out, " %d", in.a); break;
		case SHAPE_AB: fprintf(out, " %d %d", in.a, in.b); break;
		case SHAPE_ABC: fprintf(out, " %d %d %d", in.a, in.b, in.c); break;
		case SHAPE_ASBX: fprintf(out, " %d %d", in.a, in.sbx); break;
		case SHAPE_SBX: fprintf(out, " %d  ; to %d", in.sbx, i + 1 + in.sbx); break;
		case SHAPE_ABX: fprintf(out, " %d %u", in.a, in.bx); break;
		}
		/* the field instructions name their field in X, field 0 too */
		bool field = (in.op >= BC_ADDIX && in.op <= BC_MULFX) || (in.op >= BC_FADDI && in.op <= BC_FADDIK);
		if (in.x || field)
			fprintf(out, "  x=%d", in.x);
		fputc('\n', out);
	}
	for (int i = 0; i < p->nprotos; i++)
		if (!p->protos[i]->wrapper)
			disasm_proto(p->protos[i], out);
}

void disasm_program(Program *prog, FILE *out)
{
	(void)prog;
	disasm_proto(prog->init, out);
	extern Proto **compiled_protos;
	extern int ncompiled_protos;
	for (int i = 0; i < ncompiled_protos; i++)
		disasm_proto(compiled_protos[i], out);
}

/* Does proto name (main.f, main.T.M, main.(*T).M) answer to what a user
 * types: f, T.M, (*T).M, or the full name? */
static bool name_matches(const char *full, const char *want)
{
	if (!strcmp(full, want))
		return true;
	if (strncmp(full, "main.", 5))
		return false;
	full += 5;
	if (!strcmp(full, want))
		return true;
	/* T.M also finds (*T).M */
	if (full[0] == '(' && full[1] == '*') {
		const char *close = strchr(full, ')');
		size_t tl = close ? (size_t)(close - full - 2) : 0;
		if (close && !strncmp(want, full + 2, tl) && !strcmp(want + tl, close + 1))
			return true;
	}
	return false;
}

bool disasm_named(const char *name, FILE *out)
{
	extern Proto **compiled_protos;
	extern int ncompiled_protos;
	/* the newest first: a function declared again at the prompt */
	for (int i = ncompiled_protos - 1; i >= 0; i--)
		if (name_matches(compiled_protos[i]->name, name)) {
			disasm_proto(compiled_protos[i], out);
			return true;
		}
	return false;
}
