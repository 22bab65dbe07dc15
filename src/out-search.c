/*
 * out-search.c - --search: each match as LINE:COLUMN: CONTEXT.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "juan/layout.h"
#include "juan/search.h"
#include "juan/util.h"
#include "out.h"

int
out_search(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct search_opts so = { o->regex, 0 };
	const struct buffer *buf = d->buf;
	struct search *s;
	char *err = NULL;
	size_t from = 0, a, z, line, count = 0;

	s = search_new(o->pattern, &so, &err);
	if (s == NULL) {
		fprintf(stderr, "juan: %s\n", err);
		free(err);
		return 2;
	}
	while (search_next(s, buf->data, buf->len, from, &a, &z)) {
		struct sbuf b = SBUF_INIT;
		size_t ls, le;

		line = buffer_line_of(buf, a);
		ls = buf->line_off[line - 1];
		le = buffer_line_end(buf, line);
		sbuf_printf(&b, "%zu:%d: ", line,
		    layout_str_width(buf->data + ls, a - ls, 1) + 1);
		util_safe_add(&b, buf->data + ls, le - ls, 1);
		sbuf_addc(&b, '\n');
		fwrite(b.s, 1, b.len, fp);
		sbuf_free(&b);
		count++;
		from = z > a ? z : a + 1;
	}
	search_free(s);
	return count > 0 ? 0 : 1;
}
