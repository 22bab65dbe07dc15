/*
 * bench-layout.c - times the layout of one screen anywhere in a document.
 *
 * Usage: bench-layout FILE [WIDTH [ROWS [SCREENS]]].  Loads FILE, builds
 * its document model, walks all of it as --dump does (layout_next, and
 * layout_cells for lines that are not plain), then for SCREENS random offsets (with a fresh cache
 * each time, the worst case) asks layout_line_at() for the line there and
 * lays out ROWS lines with layout_next() and layout_cells(), as the reader
 * does for one screen.  Prints the mean and the worst time per screen, in
 * processor time.  Not
 * run by make check: performance is measured, never asserted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/layout.h"

/*
 * Processor time of this process: the machines this runs on are shared,
 * and wall time there says more about the neighbours than about juan.
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
	struct layout_opts o = { 80, 1, 0, NULL };
	struct buffer *b;
	struct doc *d;
	struct layout *l;
	const struct lcell *c;
	struct dline dl, nx;
	char *err = NULL;
	double t0, t, sum = 0, worst = 0;
	int rows = 50, screens = 200, i, r;
	size_t off, cells = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-layout FILE [WIDTH [ROWS "
		    "[SCREENS]]]\n");
		return 2;
	}
	if (argc > 2)
		o.width = atoi(argv[2]);
	if (argc > 3)
		rows = atoi(argv[3]);
	if (argc > 4)
		screens = atoi(argv[4]);
	t0 = now();
	if ((b = buffer_load(argv[1], NULL, 0, &err)) == NULL) {
		fprintf(stderr, "bench-layout: %s: %s\n", argv[1], err);
		return 1;
	}
	printf("load: %.3f s, %zu bytes\n", now() - t0, b->len);
	t0 = now();
	d = doc_new(b);
	printf("doc: %.3f s, %zu blocks\n", now() - t0, d->nblocks);
	/* The whole document, as --dump walks it. */
	l = layout_new(d, &o);
	t0 = now();
	r = layout_first(l, &dl);
	while (r == 0) {
		if (!dl.plain)
			cells += layout_cells(l, &dl, &c);
		r = layout_next(l, &dl, &nx);
		dl = nx;
	}
	t = now() - t0;
	printf("walk at width %d: %.3f s, %.1f MB/s\n", o.width, t,
	    (double)b->len / t / 1e6);
	layout_free(l);
	srand(1);
	for (i = 0; i < screens; i++) {
		off = b->len > 0 ? ((size_t)rand() * 4096 + (size_t)rand()) %
		    b->len : 0;
		l = layout_new(d, &o);
		t0 = now();
		if (layout_line_at(l, off, &dl) == 0) {
			for (r = 0; r < rows; r++) {
				cells += layout_cells(l, &dl, &c);
				if (layout_next(l, &dl, &nx) != 0)
					break;
				dl = nx;
			}
		}
		t = now() - t0;
		layout_free(l);
		sum += t;
		if (t > worst)
			worst = t;
	}
	printf("screen of %d rows at width %d: mean %.3f ms, worst %.3f ms "
	    "(%d screens, %zu cells)\n", rows, o.width,
	    sum / screens * 1e3, worst * 1e3, screens, cells);
	doc_free(d);
	buffer_free(b);
	return 0;
}
