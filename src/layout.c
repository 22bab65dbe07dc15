/*
 * layout.c - display lines (first cut: one display line per source line).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <uniwidth.h>

#include "juan/layout.h"
#include "juan/util.h"

struct layout {
	const struct doc *doc;
	struct layout_opts o;
	struct lcell *cells;
	size_t ncap;
};

struct layout *
layout_new(const struct doc *d, const struct layout_opts *o)
{
	struct layout *l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->o = *o;
	return l;
}

void
layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->cells);
	free(l);
}

void
layout_set_opts(struct layout *l, const struct layout_opts *o)
{
	l->o = *o;
}

static int
line_from(struct layout *l, size_t line, struct dline *dl)
{
	const struct buffer *b = l->doc->buf;

	if (line == 0 || line > b->nlines)
		return -1;
	memset(dl, 0, sizeof *dl);
	dl->off = b->line_off[line - 1];
	dl->end = buffer_line_end(b, line);
	dl->next = dl->end < b->len ? dl->end + 1 : b->len;
	dl->kind = dl->off == dl->end ? DLINE_BLANK : DLINE_TEXT;
	dl->block = doc_block_at(l->doc, dl->off);
	dl->width = layout_str_width(b->data + dl->off, dl->end - dl->off,
	    l->o.ambiwidth);
	return 0;
}

int
layout_line_at(struct layout *l, size_t off, struct dline *dl)
{
	return line_from(l, buffer_line_of(l->doc->buf, off), dl);
}

int
layout_first(struct layout *l, struct dline *dl)
{
	return line_from(l, 1, dl);
}

int
layout_next(struct layout *l, const struct dline *cur, struct dline *dl)
{
	if (cur->next >= l->doc->buf->len)
		return -1;
	return layout_line_at(l, cur->next, dl);
}

int
layout_prev(struct layout *l, const struct dline *cur, struct dline *dl)
{
	size_t line = buffer_line_of(l->doc->buf, cur->off);

	return line_from(l, line - 1, dl);
}

size_t
layout_cells(struct layout *l, const struct dline *dl,
    const struct lcell **cells)
{
	const char *s = l->doc->buf->data;
	size_t i = dl->off, n = 0;
	uint32_t c;
	int k;

	while (i < dl->end) {
		if (n == l->ncap) {
			l->ncap = l->ncap ? l->ncap * 2 : 256;
			l->cells = xreallocarray(l->cells, l->ncap,
			    sizeof *l->cells);
		}
		k = util_u8_next(s + i, dl->end - i, &c);
		memset(&l->cells[n], 0, sizeof l->cells[n]);
		l->cells[n].off = i;
		l->cells[n].len = (uint32_t)k;
		if (util_ctl_repr(c, l->cells[n].repl) > 0)
			l->cells[n].width = (uint16_t)strlen(l->cells[n].repl);
		else
			l->cells[n].width = (uint16_t)uc_width(c,
			    l->o.ambiwidth == 2 ? "GBK" : "UTF-8");
		i += (size_t)k;
		n++;
	}
	*cells = l->cells;
	return n;
}

int
layout_col_of(struct layout *l, const struct dline *dl, size_t off)
{
	const struct lcell *c;
	size_t i, n = layout_cells(l, dl, &c);
	int col = 0;

	for (i = 0; i < n && c[i].off < off; i++)
		col += c[i].width;
	return col;
}

int
layout_str_width(const char *s, size_t n, int ambiwidth)
{
	size_t i = 0;
	uint32_t c;
	int k, w = 0, cw;
	char rep[12];

	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		if ((cw = util_ctl_repr(c, rep)) == 0)
			cw = uc_width(c, ambiwidth == 2 ? "GBK" : "UTF-8");
		if (cw > 0)
			w += cw;
		i += (size_t)k;
	}
	return w;
}
