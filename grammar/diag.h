/*
 * diag.h — compile-time error collection and reporting.
 *
 * Owns: the list of errors found in one source file by the lexer, the parser
 * and later the checker, and printing them the way `go build` does:
 * `FILE:LINE:COL: message`, sorted by position, at most one syntax error per
 * line (a later "syntax error" on a line that already has one is dropped, as
 * Go's compiler does), and after ten errors a final "too many errors" line.
 */
#ifndef GOL_DIAG_H
#define GOL_DIAG_H

#include "ast.h"
#include <stdio.h>

#define DIAG_MAX_ERRORS 10

typedef struct DiagEntry {
	Pos pos;
	char *msg;
	int seq; /* order of report, to keep sorting stable */
} DiagEntry;

typedef struct Diag {
	const char *filename;
	DiagEntry *v;
	int len, cap;
	int32_t last_syntax_line; /* line of the last syntax error, 0 if none */
	int total;                /* errors reported, including dropped ones */
	int stops;                /* errors after which the checker does not run */
} Diag;

void diag_init(Diag *d, const char *filename);

/* Record an error at pos; printf-style message. */
void diag_errorf(Diag *d, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* True once the error limit is reached: callers may stop early. */
int diag_full(const Diag *d);

/* Number of errors kept. */
int diag_count(const Diag *d);

/* Errors after which a file is not type-checked: syntax errors, as Go's
 * compiler stops on them (its other parse errors, an unknown escape or a
 * go statement without a call, let it check the file and report more),
 * and nesting or generics that gol's checker cannot take. */
int diag_stops(const Diag *d);

/* Sort and print every kept error to f as go build does. */
void diag_print(Diag *d, FILE *f);

#endif
