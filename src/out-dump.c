/*
 * out-dump.c - --dump: the text as the reader lays it out.
 */
#include "config.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "juan/layout.h"
#include "juan/util.h"
#include "out.h"

int
out_dump(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct layout_opts lo = { o->width ? o->width : 80,
	    o->ambiwidth == 2 ? 2 : 1, 0 };
	struct layout *l = layout_new(d, &lo);
	struct sbuf b = SBUF_INIT;
	const struct lcell *c;
	struct dline dl, nx;
	size_t i, n;
	int more;

	more = layout_first(l, &dl) == 0;
	while (more) {
		n = layout_cells(l, &dl, &c);
		for (i = 0; i < n; i++) {
			if (c[i].repl[0] != '\0')
				sbuf_adds(&b, c[i].repl);
			else
				sbuf_add(&b, d->buf->data + c[i].off,
				    c[i].len);
		}
		sbuf_addc(&b, '\n');
		more = layout_next(l, &dl, &nx) == 0;
		dl = nx;
	}
	fwrite(b.s != NULL ? b.s : "", 1, b.len, fp);
	sbuf_free(&b);
	layout_free(l);
	return 0;
}
