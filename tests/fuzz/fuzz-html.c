/*
 * fuzz-html.c - the HTML converter (convert_html): any bytes are a page.
 *
 * The first byte chooses a charset hint (none, UTF-8, GB18030, Big5);
 * the rest is the page.  The conversion must succeed with a text that is
 * valid UTF-8 without a control but '\n', with blocks in order inside
 * it, never overlapping, no two line ends in a row inside a block, spans
 * inside the text and valid strings.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/convert.h"
#include "juan/hints.h"

/* The invariants of a converter's output (also used by fuzz-epub.c). */
static void
check_output(const char *text, size_t len, const struct hints *h)
{
	size_t i, prev = 0;

	FUZZ_CHECK(text != NULL && text[len] == '\0');
	FUZZ_CHECK(fuzz_utf8_ok(text, len));
	for (i = 0; i < len; i++)
		FUZZ_CHECK(((unsigned char)text[i] >= ' ' || text[i] == '\n') &&
		    text[i] != 0x7F);
	for (i = 0; i < h->nblocks; i++) {
		const struct hint_block *b = &h->blocks[i];

		FUZZ_CHECK(b->off >= prev && b->off <= b->end &&
		    b->end <= len);
		FUZZ_CHECK(b->kind <= HINT_BOILERPLATE);
		FUZZ_CHECK(b->off == b->end || memmem(text + b->off,
		    b->end - b->off, "\n\n", 2) == NULL);
		FUZZ_CHECK(b->kind != HINT_HEADING ||
		    (b->level >= 1 && b->level <= 6));
		prev = b->end;
	}
	for (i = 0; i < h->nspans; i++) {
		FUZZ_CHECK(h->spans[i].off <= h->spans[i].end &&
		    h->spans[i].end <= len);
		FUZZ_CHECK(h->spans[i].kind != SPAN_LINK ||
		    h->spans[i].link < h->nlinks);
		FUZZ_CHECK(i == 0 || h->spans[i].off >= h->spans[i - 1].off);
	}
	for (i = 0; i < h->ntoc; i++) {
		FUZZ_CHECK(h->toc[i].off <= len && h->toc[i].level >= 1);
		FUZZ_CHECK(fuzz_str_ok(h->toc[i].text));
	}
	FUZZ_CHECK(fuzz_str_ok(h->title) && fuzz_str_ok(h->site));
	FUZZ_CHECK(fuzz_str_ok(h->creator) && fuzz_str_ok(h->language));
	FUZZ_CHECK(h->year == 0 || (h->month >= 0 && h->month <= 12));
}

#ifndef FUZZ_EPUB
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = { NULL, "UTF-8", "GB18030",
	    "BIG5" };
	struct hints *h = NULL;
	char *text = NULL, *err = NULL;
	size_t len = 0;
	const char *hint = NULL;

	if (size > 0) {
		hint = hints[data[0] % 4];
		data++;
		size--;
	}
	FUZZ_CHECK(convert_html((const char *)data, size, hint, "fuzz.html",
	    &text, &len, &h, &err) == 0);
	check_output(text, len, h);
	free(text);
	hints_free(h);
	return 0;
}
#endif
