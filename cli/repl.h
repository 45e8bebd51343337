/*
 * repl.h — `gol` with no file: the interactive session (or, when standard
 * input is not a terminal, the same session fed from it).
 */
#ifndef GOL_REPL_H
#define GOL_REPL_H

/* Run the REPL; returns the exit status (non-interactive: 0, or the worst
 * of 1 for compile errors and 2 for a panic, deadlock or fatal error). */
int repl_main(int argc, char **argv);

#endif
