/*
 * fuzz-md.c - Markdown: convert_md() and the layout over its hints.
 *
 * The first two bytes choose the width (1 to 300 columns), the third the
 * ambiguous width; the rest is the Markdown text.  The hints must be in
 * order and inside the text, with blocks that do not overlap; then every
 * display line, walked forward, must lie in the text, start after the one
 * before, fit the width with cells whose columns add up to it and whose
 * replacements are safe strings, and be found again by its offset; walking
 * back from the end must take as many steps.  Last, a search through the
 * hints (search-shown.c) for the text's first character must give
 * matches inside the text, in order, forward and back.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "juan/convert-md.h"
#include "juan/layout.h"
#include "juan/search.h"

/* A bound on the lines walked, so that one input cannot run for minutes. */
#define MAX_LINES 100000
#define MAX_MATCHES 10000

/* Searches the shown text for its first character, both ways. */
static void
check_search(const struct buffer *b, const struct hints *h)
{
	struct search *s;
	char pat[8], *err = NULL;
	size_t k = 1, a, z, from = 0, last = 0, n = 0;

	while (k < b->len && k < 4 && ((unsigned char)b->data[k] & 0xC0) ==
	    0x80)
		k++;
	if (b->len == 0 || b->data[0] == '\n' || b->data[0] == ' ')
		return;
	memcpy(pat, b->data, k);
	pat[k] = '\0';
	if ((s = search_new(pat, NULL, &err)) == NULL) {
		free(err);
		return;
	}
	search_set_hints(s, h);
	while (n < MAX_MATCHES && search_next(s, b->data, b->len, from, &a,
	    &z)) {
		FUZZ_CHECK(a >= from && a <= z && z <= b->len);
		FUZZ_CHECK(n == 0 || a > last);
		last = a;
		from = search_after(b->data, b->len, a, z);
		n++;
	}
	for (from = b->len + 1; n > 0 && search_prev(s, b->data, b->len,
	    from, &a, &z); from = a) {
		FUZZ_CHECK(a < from && z <= b->len);
		n--;
	}
	search_free(s);
}

static void
check_hints(const struct hints *h, size_t len)
{
	size_t i;

	for (i = 0; i < h->nblocks; i++) {
		FUZZ_CHECK(h->blocks[i].off <= h->blocks[i].end &&
		    h->blocks[i].end <= len);
		FUZZ_CHECK(i == 0 || h->blocks[i - 1].end <= h->blocks[i].off);
	}
	for (i = 0; i < h->nspans; i++) {
		FUZZ_CHECK(h->spans[i].off <= h->spans[i].end &&
		    h->spans[i].end <= len);
		FUZZ_CHECK(i == 0 || h->spans[i - 1].off <= h->spans[i].off);
		FUZZ_CHECK(h->spans[i].kind != SPAN_LINK ||
		    h->spans[i].link < h->nlinks);
	}
	for (i = 0; i < h->nlinks; i++)
		FUZZ_CHECK(fuzz_str_ok(h->links[i].url));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_opts o;
	struct buffer *b;
	struct hints *h;
	struct doc *d;
	struct layout *l;
	struct dline dl, nx, at;
	const struct lcell *cells;
	char *err = NULL;
	size_t i, n, lines = 0, back = 0;
	long sum;

	if (size < 3)
		return 0;
	memset(&o, 0, sizeof o);
	o.width = 1 + (int)(((unsigned)data[0] << 8 | data[1]) % 300);
	o.ambiwidth = 1 + (data[2] & 1);
	b = buffer_from_mem((const char *)data + 3, size - 3, NULL, &err);
	FUZZ_CHECK(b != NULL);
	h = convert_md(b->data, b->len);
	FUZZ_CHECK(h != NULL);
	check_hints(h, b->len);
	d = doc_new(b);
	o.hints = h;
	l = layout_new(d, &o);
	if (layout_first(l, &dl) == 0) {
		for (;;) {
			FUZZ_CHECK(dl.off <= dl.end && dl.end <= b->len);
			FUZZ_CHECK(dl.width >= 0 && dl.width <= o.width);
			n = layout_cells(l, &dl, &cells);
			sum = 0;
			for (i = 0; i < n; i++) {
				FUZZ_CHECK(cells[i].off + cells[i].len <=
				    b->len);
				FUZZ_CHECK(memchr(cells[i].repl, '\0',
				    sizeof cells[i].repl) != NULL);
				FUZZ_CHECK(fuzz_str_ok(cells[i].repl));
				sum += cells[i].width;
			}
			FUZZ_CHECK(sum == dl.width);
			FUZZ_CHECK(layout_line_at(l, dl.off, &at) == 0 &&
			    at.off == dl.off);
			if (++lines >= MAX_LINES ||
			    layout_next(l, &dl, &nx) != 0)
				break;
			FUZZ_CHECK(nx.off > dl.off);
			dl = nx;
		}
		while (lines < MAX_LINES && layout_prev(l, &dl, &nx) == 0) {
			FUZZ_CHECK(nx.off < dl.off);
			dl = nx;
			back++;
		}
		FUZZ_CHECK(lines >= MAX_LINES || back + 1 == lines);
	}
	layout_free(l);
	check_search(b, h);
	doc_free(d);
	hints_free(h);
	buffer_free(b);
	return 0;
}
