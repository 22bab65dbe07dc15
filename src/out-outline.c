/*
 * out-outline.c - --outline: the title and the section tree.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "juan/util.h"
#include "out.h"

int
out_outline(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct sbuf b = SBUF_INIT;
	size_t i;
	int k;

	(void)o;
	if (d->title != NULL) {
		util_safe_add(&b, d->title, strlen(d->title), 1);
		sbuf_addc(&b, '\n');
	}
	for (i = 0; i < d->nsections; i++) {
		const struct section *s = &d->sections[i];

		for (k = 1; k < s->level; k++)
			sbuf_adds(&b, "  ");
		util_safe_add(&b, s->title, strlen(s->title), 1);
		sbuf_printf(&b, "  %zu\n", s->line);
	}
	fwrite(b.s, 1, b.len, fp);
	sbuf_free(&b);
	return 0;
}
