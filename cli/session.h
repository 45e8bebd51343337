/*
 * session.h — one REPL session, whatever the terminal does.
 *
 * Owns: the session's package, program and VM, which live across inputs;
 * deciding when the lines typed so far make a whole input; turning an input
 * into declarations or statements, checking, compiling and running it; the
 * `:` commands; and the names tab completion offers. The terminal front
 * end (repl.c) reads lines and calls these; the session never touches the
 * terminal, so scripted sessions (standard input not a terminal) go
 * through exactly the same code.
 */
#ifndef GOL_SESSION_H
#define GOL_SESSION_H

#include "vm.h"

#include <stdbool.h>

typedef struct Session Session;

/* What an input ended in; a non-interactive session exits with the worst. */
enum {
	SESSION_OK = 0,
	SESSION_ERRORS = 1,      /* syntax or type errors (reported) */
	SESSION_PANIC = 2,       /* a panic, deadlock or fatal error (reported) */
	SESSION_INTERRUPTED = 130,
	SESSION_QUIT = -1,       /* :quit */
};

Session *session_new(int argc, char **argv);
VM *session_vm(Session *s);

/* Whether text (every line typed so far, newline-separated) needs more
 * lines: an open bracket, an unfinished raw string or block comment, or a
 * last token that cannot end a statement (an operator, a comma, a dot). */
bool session_incomplete(const char *text);

/* Run one whole input: a `:` command, declarations, or statements. */
int session_eval(Session *s, const char *text);

/* Tab completion: the candidates for the word that ends at cursor in
 * line (sorted, distinct, NULL-terminated); *word_start gets the offset
 * where that word begins. */
const char **session_complete(Session *s, const char *line, int cursor, int *word_start);

/* The `:help` text. */
extern const char session_help[];

#endif
