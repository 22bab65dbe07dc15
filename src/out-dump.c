/*
 * out-dump.c - --dump: the text as the reader's text pane lays it out.
 *
 * Every display line of the layout, first to last, is written as its cells
 * (a cell's replacement or its buffer bytes, which the layout has already
 * made terminal-safe) and a newline.  Boilerplate is hidden, as in the
 * reader; Markdown, HTML and EPUB are rendered through the format
 * stage's hints (d->hints) unless --raw asked for the source.  Output goes
 * through a buffer flushed every OUT_CHUNK bytes, so a dump of a large
 * document needs no memory in proportion to it.
 */
#include "config.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "juan/doc.h"
#include "juan/layout.h"
#include "juan/util.h"
#include "out.h"

/* --width, else the terminal's width when stdout is one, else 80. */
static int
dump_width(const struct app_opts *o, FILE *fp)
{
	struct winsize ws;
	int fd = fileno(fp);

	if (o->width > 0)
		return o->width;
	if (fd >= 0 && isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

int
out_dump(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct layout_opts lo;
	struct layout *l;
	struct sbuf b = SBUF_INIT;
	const struct lcell *c;
	struct dline dl, nx;
	size_t i, n;
	int more;

	lo.width = dump_width(o, fp);
	lo.ambiwidth = o->ambiwidth == 2 ? 2 : 1;
	lo.show_boilerplate = 0;
	/* The format stage's hints render Markdown, HTML and EPUB; --raw
	 * gave none, so the source is shown. */
	lo.hints = d->hints;
	l = layout_new(d, &lo);
	more = layout_first(l, &dl) == 0;
	while (more) {
		if (dl.plain) {
			sbuf_add(&b, d->buf->data + dl.off, dl.end - dl.off);
			n = 0;
		} else
			n = layout_cells(l, &dl, &c);
		for (i = 0; i < n; i++) {
			if (c[i].repl[0] != '\0')
				sbuf_adds(&b, c[i].repl);
			else
				sbuf_add(&b, d->buf->data + c[i].off,
				    c[i].len);
		}
		sbuf_addc(&b, '\n');
		out_flush(&b, fp, 0);
		more = layout_next(l, &dl, &nx) == 0;
		dl = nx;
	}
	if (b.len > 0)
		fwrite(b.s, 1, b.len, fp);
	sbuf_free(&b);
	layout_free(l);
	return 0;
}
