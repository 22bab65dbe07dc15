/*
 * bench-load.c - times buffer_load on the files named, for tests/bench/run.
 *
 * For each FILE it loads the file REPEAT times (default 3) and prints
 * "FILE BYTES LINES BEST_SECONDS MB_PER_S BEST_CPU_SECONDS" with the best
 * wall-clock time, so that page-cache warm-up does not count, and the best
 * processor time (user and system), which a busy machine disturbs less.  The load is the whole of it:
 * read, encoding detection and validation, line ends and the line index.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "juan/buffer.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
	const char *r = getenv("REPEAT");
	int i, k, repeat = r != NULL ? atoi(r) : 3;
	struct buffer *b;
	char *err = NULL;
	double t, c, best, best_cpu;
	size_t len = 0, lines = 0;

	if (repeat < 1)
		repeat = 1;
	for (i = 1; i < argc; i++) {
		best = best_cpu = -1;
		for (k = 0; k < repeat; k++) {
			t = now();
			c = cpu();
			b = buffer_load(argv[i], NULL, 0, &err);
			t = now() - t;
			c = cpu() - c;
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
			if (best_cpu < 0 || c < best_cpu)
				best_cpu = c;
		}
		printf("%s %zu %zu %.3f %.0f %.3f\n", argv[i], len, lines, best,
		    (double)len / 1e6 / best, best_cpu);
	}
	return 0;
}
