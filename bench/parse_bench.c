/*
 * parse_bench.c — how fast gol's grammar parses: a figure, not a test.
 *
 * Usage: parse-bench FILE.gol [K]
 *
 * Reads FILE once, then lexes and parses it K times (default 5), each time
 * into a fresh tree, and reports the best and the median run in lines per
 * second and MB/s. The collector runs before each timed run, so every run
 * starts from the same heap and pays for its own allocation. If the file
 * has errors they are printed and the exit status is 1 (a benchmark of
 * error recovery would measure something else).
 *
 * The last line is machine-readable for bench/parse:
 *   RESULT lines=N bytes=B best_lines_per_sec=X median_lines_per_sec=Y
 */
#include "ast.h"
#include "diag.h"
#include "parse.h"

#include <errno.h>
#include <gc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Lines as an editor counts them: newlines, plus an unterminated last line. */
static long count_lines(const SrcFile *f)
{
	long n = 0;
	for (size_t i = 0; i < f->len; i++)
		n += f->text[i] == '\n';
	if (f->len && f->text[f->len - 1] != '\n')
		n++;
	return n;
}

/* One parse; returns its error count (errors are printed on the first run
 * only). Kept out of line so the tree is dead once it returns. */
static __attribute__((noinline)) int parse_once(const SrcFile *src, int print)
{
	Diag diag;
	diag_init(&diag, src->name);
	Node *file = parse_file(src, &diag);
	int n = diag_count(&diag);
	if (n && print)
		diag_print(&diag, stderr);
	if (!file)
		n++;
	return n;
}

int main(int argc, char **argv)
{
	GC_INIT();
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: parse-bench FILE.gol [K]\n");
		return 2;
	}
	int k = argc == 3 ? atoi(argv[2]) : 5;
	if (k < 1) {
		fprintf(stderr, "parse-bench: K must be at least 1\n");
		return 2;
	}
	SrcFile src;
	int err = srcfile_read(argv[1], &src);
	if (err) {
		fprintf(stderr, "parse-bench: open %s: %s\n", argv[1], strerror(err));
		return 1;
	}
	long lines = count_lines(&src);
	double mb = (double)src.len / 1e6;

	double *t = malloc(sizeof *t * (size_t)k);
	for (int i = 0; i < k; i++) {
		GC_gcollect();
		double t0 = now();
		int errors = parse_once(&src, i == 0);
		t[i] = now() - t0;
		if (errors) {
			fprintf(stderr, "parse-bench: %s has %d error(s); not a benchmark input\n", argv[1], errors);
			return 1;
		}
	}
	qsort(t, (size_t)k, sizeof *t, cmp_double);
	double best = t[0];
	double median = k % 2 ? t[k / 2] : (t[k / 2 - 1] + t[k / 2]) / 2;

	printf("parse-bench: %s: %ld lines, %.2f MB, %d runs\n", argv[1], lines, mb, k);
	printf("  best:   %8.2f ms  %12.0f lines/s  %8.2f MB/s\n", best * 1e3, lines / best, mb / best);
	printf("  median: %8.2f ms  %12.0f lines/s  %8.2f MB/s\n", median * 1e3, lines / median, mb / median);
	printf("RESULT lines=%ld bytes=%zu best_lines_per_sec=%.0f median_lines_per_sec=%.0f\n", lines, src.len,
	       lines / best, lines / median);
	free(t);
	return 0;
}
