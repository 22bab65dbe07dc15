/*
 * tl-check.c - what the timeline's table-driven unit tests share: a text's
 * timeline rendered as one string, and the rows that give one and what
 * it must be.  (The test points stay in each test: tap.h counts them
 * per file.)
 *
 * Each text becomes a buffer, a document (its date's year set from the
 * row) and a timeline, all freed once the entries are written out; the
 * rendering is the one test-timeline.c and test-timeline-chron.c write
 * their rows' wants in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tl-check.h"

char *
tl_check_render(const char *text, int doc_year, int lunar)
{
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	struct sbuf out = SBUF_INIT;
	char *err = NULL;
	size_t i;

	b = buffer_from_mem(text, strlen(text), NULL, &err);
	free(err);
	d = doc_new(b);
	d->date.year = doc_year;
	t = timeline_new(d);
	for (i = 0; i < t->n; i++) {
		const struct tl_entry *e = &t->entries[i];
		const char *mod = timeline_mod_name(e->mod);

		sbuf_printf(&out, "%s%s %s%s%s%s", i ? "; " : "", e->value,
		    timeline_kind_name(e->kind), mod ? ":" : "",
		    mod ? mod : "", lunar && e->lunar ? " lunar" : "");
	}
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return sbuf_take(&out);
}
