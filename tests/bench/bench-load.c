/*
 * bench-load.c - times buffer_load on the files named, for tests/bench/run.
 *
 * For each FILE it loads the file REPEAT times (default 3) and prints
 * "FILE BYTES LINES BEST_SECONDS MB_PER_S" with the best wall-clock time,
 * so that page-cache warm-up does not count.  The load is the whole of it:
 * read, encoding detection and validation, line ends and the line index.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "juan/buffer.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	const char *r = getenv("REPEAT");
	int i, k, repeat = r != NULL ? atoi(r) : 3;
	struct buffer *b;
	char *err = NULL;
	double t, best;
	size_t len = 0, lines = 0;

	if (repeat < 1)
		repeat = 1;
	for (i = 1; i < argc; i++) {
		best = -1;
		for (k = 0; k < repeat; k++) {
			t = now();
			b = buffer_load(argv[i], NULL, 0, &err);
			t = now() - t;
			if (b == NULL) {
				fprintf(stderr, "bench-load: %s: %s\n",
				    argv[i], err);
				return 1;
			}
			len = b->len;
			lines = b->nlines;
			buffer_free(b);
			if (best < 0 || t < best)
				best = t;
		}
		printf("%s %zu %zu %.3f %.0f\n", argv[i], len, lines, best,
		    (double)len / 1e6 / best);
	}
	return 0;
}
