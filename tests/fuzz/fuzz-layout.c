/*
 * fuzz-layout.c - the layout: every display line at a random width.
 *
 * The first two bytes choose the width (1 to 400 columns), the third the
 * ambiguous width and whether boilerplate shows; the rest is the file.
 * Walking every display line forward, each must start where the one
 * before said the next starts, lie in the text, and have cells whose
 * widths add up to its width and stay within the width of the screen.
 * Walking back from the end must meet the same lines.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/layout.h"

/* A bound on the lines walked, so that one input cannot run for minutes. */
#define MAX_LINES 200000

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_opts o;
	struct buffer *b;
	struct doc *d;
	struct layout *l;
	struct dline dl, nx;
	const struct lcell *cells;
	char *err = NULL;
	size_t i, n, lines = 0, back = 0, last_off = 0;
	int same = 0;		/* lines in a row with the same start */
	long sum;

	if (size < 3)
		return 0;
	o.width = 1 + (int)(((unsigned)data[0] << 8 | data[1]) % 400);
	o.ambiwidth = 1 + (data[2] & 1);
	o.show_boilerplate = (data[2] >> 1) & 1;
	o.hints = NULL;
	b = buffer_from_mem((const char *)data + 3, size - 3, NULL, &err);
	FUZZ_CHECK(b != NULL);
	d = doc_new(b);
	l = layout_new(d, &o);
	FUZZ_CHECK(l != NULL);
	if (layout_first(l, &dl) == 0) {
		for (;;) {
			FUZZ_CHECK(dl.off <= dl.end && dl.end <= b->len);
			FUZZ_CHECK(dl.next >= dl.end || dl.next == b->len);
			FUZZ_CHECK(dl.width >= 0 && dl.width <= o.width);
			n = layout_cells(l, &dl, &cells);
			sum = 0;
			for (i = 0; i < n; i++) {
				FUZZ_CHECK(cells[i].off >= dl.off);
				FUZZ_CHECK(cells[i].off + cells[i].len <=
				    b->len);
				FUZZ_CHECK(memchr(cells[i].repl, '\0',
				    sizeof cells[i].repl) != NULL);
				FUZZ_CHECK(fuzz_str_ok(cells[i].repl));
				sum += cells[i].width;
			}
			FUZZ_CHECK(sum <= o.width);
			FUZZ_CHECK(layout_col_of(l, &dl, dl.off) >= 0);
			last_off = dl.off;
			if (++lines >= MAX_LINES ||
			    layout_next(l, &dl, &nx) != 0)
				break;
			/* Lines follow one another without going back,
			 * and a walk always moves on. */
			FUZZ_CHECK(nx.off >= dl.off);
			same = nx.off == dl.off ? same + 1 : 0;
			FUZZ_CHECK(same < 3);
			dl = nx;
		}
		/* Back from the last line, a bounded way. */
		FUZZ_CHECK(layout_line_at(l, last_off, &dl) == 0);
		while (back < 2000 && layout_prev(l, &dl, &nx) == 0) {
			FUZZ_CHECK(nx.off <= dl.off);
			dl = nx;
			back++;
		}
		/* And at offsets spread over the text. */
		for (i = 0; i <= b->len; i += b->len / 16 + 1)
			FUZZ_CHECK(layout_line_at(l, i, &dl) == 0 &&
			    dl.off <= b->len);
	}
	(void)layout_str_width(b->data, b->len < 4096 ? b->len : 4096,
	    o.ambiwidth);
	layout_free(l);
	doc_free(d);
	buffer_free(b);
	return 0;
}
