/*
 * fuzz-timeline.c - the timeline (timeline_new) and its date order.
 *
 * The input is a file, loaded with detection.  Every entry must lie in the
 * text, in document order, with a NUL-terminated value, a kind and an
 * event that are valid UTF-8; the chronological order must be a
 * permutation of the entries.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/timeline.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	char *err = NULL, *seen;
	size_t i, *order;

	b = buffer_from_mem((const char *)data, size, NULL, &err);
	FUZZ_CHECK(b != NULL);
	d = doc_new(b);
	t = timeline_new(d);
	FUZZ_CHECK(t != NULL);
	for (i = 0; i < t->n; i++) {
		const struct tl_entry *e = &t->entries[i];

		FUZZ_CHECK(e->off < e->end && e->end <= b->len);
		FUZZ_CHECK(i == 0 || e->off >= t->entries[i - 1].off);
		FUZZ_CHECK(memchr(e->value, '\0', sizeof e->value) != NULL);
		FUZZ_CHECK(e->value[0] != '\0');
		FUZZ_CHECK(fuzz_str_ok(e->value));
		FUZZ_CHECK(timeline_kind_name(e->kind) != NULL);
		(void)timeline_mod_name(e->mod);
		FUZZ_CHECK(e->line == buffer_line_of(b, e->off));
		FUZZ_CHECK(e->block <= d->nblocks);
		FUZZ_CHECK(e->section >= -1 &&
		    e->section < (ssize_t)d->nsections);
		FUZZ_CHECK(e->event != NULL && fuzz_str_ok(e->event));
	}
	order = calloc(t->n + 1, sizeof *order);
	seen = calloc(t->n + 1, 1);
	timeline_sort_by_date(t, order);
	for (i = 0; i < t->n; i++) {
		FUZZ_CHECK(order[i] < t->n && !seen[order[i]]);
		seen[order[i]] = 1;
	}
	free(order);
	free(seen);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return 0;
}
