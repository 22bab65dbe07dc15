/*
 * layout-fig.c - a figure's placeholder line, and widths of strings.
 *
 * A figure block is one display line: the placeholder "[图] " (cells of
 * no bytes at the block's start) and the image's file name from the
 * buffer, cut with "…" when it does not fit.  Its cells are made anew
 * whenever they are asked for; a figure is a single short line.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "juan/layout.h"
#include "juan/util.h"
#include "layout-int.h"

/*
 * The file name a figure line shows: the last path component of a
 * Markdown image's target or of the line itself, or the whole line.
 */
static void
figure_name(const char *s, size_t off, size_t end, size_t *no, size_t *ne)
{
	size_t i, a = off, e = end;

	while (a < e && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	if (e - a > 4 && s[a] == '!' && s[a + 1] == '[' && s[e - 1] == ')') {
		for (i = e - 1; i > a && s[i] != '('; i--)
			;
		if (i > a) {
			a = i + 1;
			e--;
		}
	}
	for (i = e; i > a; i--)
		if (s[i - 1] == '/' || s[i - 1] == '\\')
			break;
	if (i < e)
		a = i;
	*no = a;
	*ne = e;
}

struct lcell *
layout_cell_push(struct lcell **arr, size_t *cap, size_t *n)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*arr = xreallocarray(*arr, *cap, sizeof **arr);
	}
	memset(&(*arr)[*n], 0, sizeof **arr);
	return &(*arr)[(*n)++];
}

/* The placeholder cells of figure block b; returns their count. */
size_t
layout_fig_cells(struct layout *l, size_t b, struct lcell **arr, size_t *cap,
    int *widthp)
{
	static const char *const pre[] = { "[", "\xe5\x9b\xbe", "]", " " };
	const char *s = l->doc->buf->data;
	const struct block *bk = &l->doc->blocks[b];
	const int width = l->o.width;
	size_t n = 0, i, no, ne, keep;
	int col = 0, ew, fit;
	struct lcell *c;
	struct clus cl;

	for (i = 0; i < 4; i++) {
		c = layout_cell_push(arr, cap, &n);
		c->off = bk->off;
		c->width = i == 1 ? 2 : 1;
		strcpy(c->repl, pre[i]);
		col += c->width;
	}
	figure_name(s, bk->off, bk->end, &no, &ne);
	for (i = no; i < ne; i += cl.len) {
		layout_clus_at(&l->o, s, i, ne, col, &cl);
		c = layout_cell_push(arr, cap, &n);
		c->off = i;
		c->len = (uint32_t)cl.len;
		c->width = (uint16_t)cl.width;
		memcpy(c->repl, cl.repl, sizeof cl.repl);
		col += cl.width;
	}
	if (col > width) {
		/* Keep what fits with room for "…" (">" if it cannot fit). */
		ew = l->o.ambiwidth == 2 && width >= 2 ? 2 : 1;
		fit = 0;
		for (keep = 0; keep < n && fit + (*arr)[keep].width <=
		    width - ew; keep++)
			fit += (*arr)[keep].width;
		n = keep;
		c = layout_cell_push(arr, cap, &n);
		c->off = ne;
		c->width = (uint16_t)ew;
		strcpy(c->repl, l->o.ambiwidth == 2 && width < 2 ? ">" :
		    "\xe2\x80\xa6");
		col = fit + ew;
	}
	*widthp = col;
	return n;
}

int
layout_str_width(const char *s, size_t n, int ambiwidth)
{
	struct layout_opts o = { INT_MAX, ambiwidth, 1, NULL };
	struct clus cl;
	size_t i;
	int w = 0;

	for (i = 0; i < n; i += cl.len) {
		if (s[i] == '\t') {
			cl.len = 1;
			w++;
			continue;
		}
		layout_clus_at(&o, s, i, n, w, &cl);
		w += cl.width;
	}
	return w;
}
