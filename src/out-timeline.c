/*
 * out-timeline.c - --timeline: one dated mention per line.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "juan/timeline.h"
#include "juan/util.h"
#include "out.h"

int
out_timeline(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct timeline *t = timeline_new(d);
	struct sbuf b = SBUF_INIT;
	size_t i;

	(void)o;
	for (i = 0; i < t->n; i++) {
		const struct tl_entry *e = &t->entries[i];

		sbuf_printf(&b, "%s\t%zu\t", e->value, e->line);
		util_safe_add(&b, d->buf->data + e->off, e->end - e->off, 1);
		sbuf_addc(&b, '\n');
	}
	fwrite(b.s != NULL ? b.s : "", 1, b.len, fp);
	sbuf_free(&b);
	timeline_free(t);
	return 0;
}
