/*
 * doc-hidden.c - the bytes the reader hides: boilerplate blocks.
 *
 * The reader hides boilerplate blocks (unless asked to show them), with
 * the blank lines before each, the blank lines after the last block when
 * it is hidden, those after hidden blocks at the start of the text, and
 * those before a paragraph that goes on across a hidden page break (the
 * layout's rules, src/layout.c's gap_shown).  doc_hidden_build() finds
 * these byte ranges once, merged where they touch, into d->hidden, in
 * text order, each with the count of hidden bytes before it; the
 * position in percent then counts only the bytes shown, by bisection over
 * the ranges (a text may have millions of blocks, and the percent is
 * asked for on every screen).
 */
#include "config.h"

#include <stdlib.h>

#include "doc-int.h"
#include "juan/util.h"

/* Adds [off, end) to d->hidden, merged with the last range if they touch. */
static void
add_range(struct doc *d, size_t *cap, size_t off, size_t end)
{
	struct doc_hidden *h;

	if (end <= off)
		return;
	if (d->nhidden > 0 && d->hidden[d->nhidden - 1].end >= off) {
		h = &d->hidden[d->nhidden - 1];
		if (end > h->end) {
			d->hidden_len += end - h->end;
			h->end = end;
		}
		return;
	}
	if (d->nhidden == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		d->hidden = xreallocarray(d->hidden, *cap, sizeof *d->hidden);
	}
	h = &d->hidden[d->nhidden++];
	h->off = off;
	h->end = end;
	h->before = d->hidden_len;
	d->hidden_len += end - off;
}

void
doc_hidden_build(struct doc *d)
{
	const struct block *k = d->blocks;
	size_t len = d->buf->len, cap = 0, i, off, end;
	int lead = 1;

	for (i = 0; i < d->nblocks; i++) {
		if (k[i].kind != BLOCK_BOILERPLATE) {
			/* The blank lines after a hidden start are hidden. */
			if (lead && i > 0)
				add_range(d, &cap, k[i - 1].end, k[i].off);
			lead = 0;
			if (i > 0 && (k[i].flags & BLOCK_JOINED) &&
			    k[i - 1].kind == BLOCK_BOILERPLATE)
				add_range(d, &cap, k[i - 1].end, k[i].off);
			continue;
		}
		/* The block, its newline and the blank lines before it. */
		off = i > 0 ? k[i - 1].end + 1 : 0;
		if (off > k[i].off)
			off = k[i].off;
		end = k[i].end < len ? k[i].end + 1 : len;
		if (i + 1 == d->nblocks)
			end = len;
		add_range(d, &cap, off, end);
	}
	if (d->nhidden > 0 && d->nhidden < cap)
		d->hidden = xreallocarray(d->hidden, d->nhidden,
		    sizeof *d->hidden);
}

size_t
doc_hidden_before(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nhidden, mid;
	const struct doc_hidden *h;

	/* The last range that starts before off. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->hidden[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return 0;
	h = &d->hidden[lo - 1];
	return h->before + (off < h->end ? off : h->end) - h->off;
}

size_t
doc_hidden_off(const struct doc *d, size_t shown_off)
{
	size_t lo = 0, hi = d->nhidden, mid;
	const struct doc_hidden *h;

	/*
	 * A range starts shown_off - before shown bytes into the text: the
	 * last range that starts at or before the shown offset is the one
	 * just behind it, and the byte is that many hidden bytes on.
	 */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		h = &d->hidden[mid];
		if (h->off - h->before <= shown_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return shown_off;
	h = &d->hidden[lo - 1];
	return shown_off + h->before + (h->end - h->off);
}
