/*
 * fuzz-doc.c - the document model (doc_new): blocks, sections, metadata.
 *
 * The input is a file, loaded with detection.  The model must be made of
 * blocks in order, inside the text, not overlapping; sections whose
 * heading blocks exist, whose ranges hold them, and whose parents come
 * before them; and titles that are valid UTF-8.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/doc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer *b;
	struct doc *d;
	char *err = NULL;
	size_t i, prev_end = 0, len, off, toff, tend;

	b = buffer_from_mem((const char *)data, size, NULL, &err);
	FUZZ_CHECK(b != NULL);
	d = doc_new(b);
	FUZZ_CHECK(d != NULL);
	len = b->len;
	for (i = 0; i < d->nblocks; i++) {
		const struct block *k = &d->blocks[i];

		FUZZ_CHECK(k->off <= k->end && k->end <= len);
		FUZZ_CHECK(i == 0 || k->off >= prev_end);
		block_text(k, &toff, &tend);
		FUZZ_CHECK(toff >= k->off && toff <= tend && tend <= k->end);
		FUZZ_CHECK(k->kind != BLOCK_CAPTION ||
		    (i > 0 && d->blocks[i - 1].kind == BLOCK_FIGURE));
		FUZZ_CHECK(k->kind != BLOCK_HEADING ||
		    (k->level >= 1 && k->level <= 6));
		FUZZ_CHECK(doc_kind_name(k->kind) != NULL);
		FUZZ_CHECK(doc_block_at(d, k->off) == i || k->off == k->end);
		prev_end = k->end;
	}
	for (i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];

		FUZZ_CHECK(s->block < d->nblocks);
		FUZZ_CHECK(s->off <= s->end && s->end <= len);
		FUZZ_CHECK(s->level >= 1);
		FUZZ_CHECK(s->line == buffer_line_of(b, s->off));
		FUZZ_CHECK(s->end_line >= s->line &&
		    s->end_line <= (b->nlines ? b->nlines : 1));
		FUZZ_CHECK(s->parent >= -1 && s->parent < (ssize_t)i);
		FUZZ_CHECK(s->parent == -1 ||
		    d->sections[s->parent].level < s->level);
		FUZZ_CHECK(s->title != NULL && fuzz_str_ok(s->title));
	}
	FUZZ_CHECK(fuzz_str_ok(d->title));
	FUZZ_CHECK(fuzz_str_ok(d->site));
	FUZZ_CHECK(d->title_block >= -1 &&
	    d->title_block < (ssize_t)d->nblocks);
	/* Lookups at a spread of offsets, the ends included. */
	for (off = 0; off <= len; off += len / 64 + 1) {
		size_t bi = doc_block_at(d, off);
		ssize_t si = doc_section_at(d, off);

		FUZZ_CHECK(bi <= d->nblocks);
		FUZZ_CHECK(si >= -1 && si < (ssize_t)d->nsections);
	}
	(void)doc_block_at(d, len);
	(void)doc_section_at(d, len);
	doc_free(d);
	buffer_free(b);
	return 0;
}
