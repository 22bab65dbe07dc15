/*
 * test-timeline-bench.c - how long the timeline of a large file takes.
 *
 * Not a test: a benchmark built with make check but not run by it.
 * Usage: test-timeline-bench FILE.  It prints the processor time to load
 * the file, to build the document model and to extract the timeline,
 * separately, so that the timeline's share can be compared with grep on
 * the same file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"

/*
 * Processor time of this process, in seconds: on a shared machine the
 * wall clock measures the neighbours as much as the code.
 */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	char *err = NULL;
	double t0, t1, t2, t3;

	if (argc != 2) {
		fputs("usage: test-timeline-bench FILE\n", stderr);
		return 2;
	}
	t0 = now();
	if ((b = buffer_load(argv[1], NULL, 0, &err)) == NULL) {
		fprintf(stderr, "test-timeline-bench: %s: %s\n", argv[1], err);
		return 1;
	}
	t1 = now();
	d = doc_new(b);
	t2 = now();
	t = timeline_new(d);
	t3 = now();
	printf("bytes %zu entries %zu\nload %.3f s\ndoc %.3f s\n"
	    "timeline %.3f s (%.0f MB/s)\n", b->len, t->n, t1 - t0, t2 - t1,
	    t3 - t2, (double)b->len / 1e6 / (t3 - t2));
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return 0;
}
