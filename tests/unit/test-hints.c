/* test-hints.c - the format stage's structure hints (src/hints.c). */
#include <stdlib.h>
#include <string.h>

#include "juan/hints.h"
#include "tap.h"

int
main(void)
{
	struct hints *h = hints_new("markdown");
	uint32_t a, b;
	size_t i;

	is_str(h->format, "markdown", "the format is kept");
	ok(h->nblocks == 0 && h->nspans == 0 && h->ntoc == 0,
	    "a new set is empty");

	/* Appended out of order, as a parser's callbacks may report them. */
	hints_add_block(h, 40, 60, HINT_PARAGRAPH, 0);
	hints_add_block(h, 0, 10, HINT_HEADING, 2);
	hints_add_block(h, 20, 30, HINT_CODE, 0);
	hints_add_block(h, 35, 30, HINT_RULE, 0);
	ok(h->blocks[3].end == 35, "an end before the start is the start");
	hints_add_span(h, 5, 8, SPAN_STRONG, 0);	/* inner, added first */
	hints_add_span(h, 5, 9, SPAN_LINK, 0);		/* outer, same start */
	hints_add_span(h, 0, 3, SPAN_CONCEAL, 0);
	hints_sort(h);
	ok(h->blocks[0].off == 0 && h->blocks[0].level == 2 &&
	    h->blocks[1].off == 20 && h->blocks[2].off == 35 &&
	    h->blocks[3].off == 40, "blocks sorted by offset");
	ok(h->spans[0].kind == SPAN_CONCEAL && h->spans[1].kind == SPAN_LINK &&
	    h->spans[2].kind == SPAN_STRONG,
	    "spans sorted by offset, the outer of two first");

	a = hints_add_link(h, "https://example.org/a");
	b = hints_add_link(h, NULL);
	ok(a == 0 && b == 1, "links are numbered in order");
	is_str(h->links[0].url, "https://example.org/a", "a link's url");
	is_str(h->links[1].url, "", "a missing url is empty");

	/* Many of each: the arrays grow past their first capacity. */
	for (i = 0; i < 1000; i++) {
		hints_add_block(h, 1000 - i, 1001 - i, HINT_PARAGRAPH, 0);
		hints_add_toc(h, i, (int)(i % 3), "章");
	}
	hints_sort(h);
	for (i = 1; i < h->nblocks; i++)
		if (h->blocks[i - 1].off > h->blocks[i].off)
			break;
	ok(i == h->nblocks && h->nblocks == 1004, "1004 blocks in order");
	ok(h->ntoc == 1000 && h->toc[999].off == 999 && h->toc[0].level == 1,
	    "toc entries kept in reading order, levels from 1");
	is_str(h->toc[500].text, "章", "a toc entry's text");

	hints_free(h);
	hints_free(NULL);
	ok(1, "hints_free(NULL) does nothing");
	done_testing();
}
