/*
 * layout-md.c - the layout of a text with structure hints (Markdown).
 *
 * The buffer stays the source; a piece of a source line is laid out from
 * its shown text, a small copy made on demand ("vis"): the bytes that are
 * not concealed, each with the source offset it came from (vmap) and a
 * style (vfl), and the bytes the layout draws there (a table's padding
 * and " │ ", a rule's "─"), flagged VIRT and mapped to the source offset
 * after the last real byte before them.  The breaker of layout.c breaks
 * that copy at the width left by the line's prefix (a quote's bars, a
 * list item's indent and marker, a figure's "[图] ", which is as wide on
 * the first display line as on the ones after it), between the <br>
 * breaks; a code line is cut instead.  The lines are then mapped back to
 * source offsets, keeping their vis range (lline.voff, vend), so that
 * layout_md_cells() makes the cells of a line from the same copy, which
 * is kept for the last piece asked for.
 *
 * The conceal spans are copied into two sorted arrays (coff, cend) when
 * the layout is made, so that a byte's concealment is a bisection; the
 * column widths of the last table asked for are kept too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/layout.h"
#include "juan/util.h"
#include "layout-int.h"

#define NONE		SIZE_MAX
#define VIRT		0x80	/* vfl: drawn by the layout */
#define MAX_ACTIVE	32	/* nested spans followed */
#define LOOKBACK	64	/* spans looked at before a piece */
#define TABLE_ROWS	4096	/* rows measured around a table row */
#define MAX_COLS	64	/* columns of a table aligned */

#define BAR		"\xe2\x94\x82"	/* │ */
#define BULLET		"\xe2\x80\xa2"	/* • */
#define RULE_CH		"\xe2\x94\x80"	/* ─ */
#define CUT_MARK	"\xe2\x86\x92"	/* → */
#define NBSP		"\xc2\xa0"	/* keeps a bar off a line's end */

struct layout_md {
	const struct hints *h;
	size_t *coff, *cend;	/* the concealed ranges, merged, sorted */
	size_t nc;
	/* The shown text of piece [vps, vpe), when vvalid. */
	int vvalid;
	size_t vps, vpe;
	char *vis;
	size_t *vmap;
	unsigned char *vfl;
	size_t nvis, vcap;
	size_t *brks;		/* vis offsets of <br> breaks */
	size_t *bsrc;		/* and the source offsets of their tags */
	size_t nbrk, bcap;
	struct lcell *pre;	/* scratch: a prefix's cells */
	size_t npre, precap;
	/* The last table measured: hint blocks [tfirst, tlast]. */
	size_t tfirst, tlast;
	int colw[MAX_COLS];
	size_t cidx[MAX_COLS + 1];	/* a row's cell spans */
	int ncol, aligned;
	/* layout_md_block_hidden()'s last answer. */
	size_t memo_b;
	int memo;
};

static size_t
first_conceal(const struct layout_md *md, size_t x)
{
	size_t lo = 0, hi = md->nc, mid;

	/* The first concealed range that ends after x. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (md->cend[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct layout_md *
layout_md_new(const struct layout *l)
{
	const struct hints *h = l->o.hints;
	struct layout_md *md;
	size_t i, n = 0;

	if (h == NULL)
		return NULL;
	md = xcalloc(1, sizeof *md);
	md->h = h;
	md->coff = xreallocarray(NULL, h->nspans + 1, sizeof *md->coff);
	md->cend = xreallocarray(NULL, h->nspans + 1, sizeof *md->cend);
	for (i = 0; i < h->nspans; i++) {
		const struct hint_span *sp = &h->spans[i];

		if (sp->kind != SPAN_CONCEAL || sp->end <= sp->off)
			continue;
		if (n > 0 && sp->off <= md->cend[n - 1]) {
			if (sp->end > md->cend[n - 1])
				md->cend[n - 1] = sp->end;
			continue;
		}
		md->coff[n] = sp->off;
		md->cend[n] = sp->end;
		n++;
	}
	md->nc = n;
	md->tfirst = NONE;
	md->memo_b = NONE;
	return md;
}

void
layout_md_free(struct layout_md *md)
{
	if (md == NULL)
		return;
	free(md->coff);
	free(md->cend);
	free(md->vis);
	free(md->vmap);
	free(md->vfl);
	free(md->brks);
	free(md->bsrc);
	free(md->pre);
	free(md);
}

/* The hint block on the source line [ls, le], or NONE. */
static size_t
line_block(const struct hints *h, size_t ls, size_t le)
{
	size_t lo = 0, hi = h->nblocks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->blocks[mid].off <= le)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || h->blocks[lo - 1].end < ls)
		return NONE;
	return lo - 1;
}

/* The end of a list item's marker at off ("-", "12."), or off if none. */
static size_t
marker_end(const char *s, size_t off, size_t end)
{
	size_t i = off;

	if (i < end && (s[i] == '-' || s[i] == '+' || s[i] == '*'))
		i++;
	else {
		while (i < end && i - off < 9 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == off || i >= end || (s[i] != '.' && s[i] != ')'))
			return off;
		i++;
	}
	return i < end && (s[i] == ' ' || s[i] == '\t') ? i : i == end ? i :
	    off;
}

static int
style_of(int kind)
{
	static const int bits[] = {
		[SPAN_EMPH] = LSTYLE_EMPH, [SPAN_STRONG] = LSTYLE_STRONG,
		[SPAN_CODE] = LSTYLE_CODE, [SPAN_LINK] = LSTYLE_LINK,
		[SPAN_STRIKE] = LSTYLE_STRIKE
	};

	return kind >= 0 && (size_t)kind < sizeof bits / sizeof bits[0] ?
	    bits[kind] : 0;
}

static void
vis_room(struct layout_md *md, size_t n)
{
	if (md->nvis + n <= md->vcap)
		return;
	md->vcap = (md->nvis + n) * 2 + 64;
	md->vis = xrealloc(md->vis, md->vcap);
	md->vmap = xreallocarray(md->vmap, md->vcap, sizeof *md->vmap);
	md->vfl = xrealloc(md->vfl, md->vcap);
}

/* Appends the bytes the layout draws at source offset at. */
static void
vis_virt(struct layout_md *md, const char *str, size_t at, int style)
{
	size_t n = strlen(str), i;

	vis_room(md, n);
	for (i = 0; i < n; i++) {
		md->vis[md->nvis] = str[i];
		md->vmap[md->nvis] = at;
		md->vfl[md->nvis++] = (unsigned char)(VIRT | style);
	}
}

/* Where a virtual byte appended now is drawn: after the last real one. */
static size_t
vis_at(const struct layout_md *md, size_t ps)
{
	size_t i = md->nvis;

	while (i > 0 && (md->vfl[i - 1] & VIRT))
		i--;
	return i > 0 ? md->vmap[i - 1] + 1 : ps;
}

/* A <br> at source offset at, before the shown byte to come. */
static void
brk_push(struct layout_md *md, size_t at)
{
	if (md->nbrk == md->bcap) {
		md->bcap = md->bcap * 2 + 8;
		md->brks = xreallocarray(md->brks, md->bcap, sizeof *md->brks);
		md->bsrc = xreallocarray(md->bsrc, md->bcap, sizeof *md->bsrc);
	}
	md->brks[md->nbrk] = md->nvis;
	md->bsrc[md->nbrk++] = at;
}

/*
 * Tells whether the character at s[x] (x < n) is two columns wide and not
 * Hangul: Chinese and Japanese put no space between words, so a line
 * break between two such characters is no space, but Korean does (as the
 * CSS rules for segment breaks say).
 */
static int
wide_at(const char *s, size_t x, size_t n)
{
	static const uint32_t hangul[][2] = {
		{ 0x1100, 0x11FF }, { 0x3130, 0x318F }, { 0xA960, 0xA97F },
		{ 0xAC00, 0xD7FF }, { 0xFFA0, 0xFFDC }
	};
	uint32_t c;
	size_t i;
	int k = util_u8_next(s + x, n - x, &c);

	for (i = 0; i < sizeof hangul / sizeof hangul[0]; i++)
		if (c >= hangul[i][0] && c <= hangul[i][1])
			return 0;
	return layout_str_width(s + x, (size_t)k, 1) == 2;
}

/* The first shown byte after x before b that is not a blank, or b. */
static size_t
next_shown(const struct layout_md *md, const char *s, size_t x, size_t b)
{
	size_t ci = first_conceal(md, x);

	while (x < b) {
		while (ci < md->nc && md->cend[ci] <= x)
			ci++;
		if (ci < md->nc && md->coff[ci] <= x)
			x = md->cend[ci];
		else if (s[x] == ' ' || s[x] == '\t' || s[x] == '\r')
			x++;
		else
			break;
	}
	return x < b ? x : b;
}

/*
 * A soft line break at s[x] inside a paragraph laid out as one line: a
 * space, mapped to the '\n', but nothing between two wide characters
 * (Chinese and Japanese put no space between words) and nothing at the
 * start of the shown text or before a blank.
 */
static void
vis_softbreak(struct layout *l, size_t x, size_t b, int style)
{
	struct layout_md *md = l->md;
	const char *s = l->doc->buf->data;
	size_t i = md->nvis, nx = next_shown(md, s, x + 1, b);

	while (i > 0 && (md->vfl[i - 1] & VIRT))
		i--;
	/* After a break (a <br> ending the line) it is nothing either. */
	if (i == 0 || nx >= b || md->vis[i - 1] == ' ' || (md->nbrk > 0 &&
	    md->brks[md->nbrk - 1] == md->nvis))
		return;
	while (i > 1 && ((unsigned char)md->vis[i - 1] & 0xC0) == 0x80)
		i--;
	if (wide_at(md->vis, i - 1, md->nvis) && wide_at(s, nx, b))
		return;
	md->vis[md->nvis] = ' ';
	md->vmap[md->nvis] = x;
	md->vfl[md->nvis++] = (unsigned char)style;
}

/*
 * Appends the shown bytes of s[a, b), with their styles; a <br> is a break,
 * or a space when breaks is 0 (in a table cell).  base is the style every
 * byte gets.
 */
static void
vis_text(struct layout *l, size_t a, size_t b, int base, int breaks)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	const char *s = l->doc->buf->data;
	size_t act[MAX_ACTIVE], nact = 0, lo = 0, hi = h->nspans, mid, i, k;
	size_t ci = first_conceal(md, a), x;
	int actb[MAX_ACTIVE], style;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->spans[mid].off < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* The spans that began before a and go on past it. */
	for (k = lo; k > 0 && lo - k < LOOKBACK && nact < MAX_ACTIVE; k--)
		if (h->spans[k - 1].end > a && style_of(h->spans[k - 1].kind)) {
			act[nact] = h->spans[k - 1].end;
			actb[nact++] = style_of(h->spans[k - 1].kind);
		}
	k = lo;
	vis_room(md, b - a);
	for (x = a; x < b; x++) {
		for (; k < h->nspans && h->spans[k].off <= x; k++) {
			if (h->spans[k].kind == SPAN_BREAK) {
				if (!breaks)
					vis_virt(md, " ", vis_at(md, a), 0);
				else
					brk_push(md, h->spans[k].off);
				vis_room(md, b - x);
			}
			if (style_of(h->spans[k].kind) && nact < MAX_ACTIVE &&
			    h->spans[k].end > x) {
				act[nact] = h->spans[k].end;
				actb[nact++] = style_of(h->spans[k].kind);
			}
		}
		while (ci < md->nc && md->cend[ci] <= x)
			ci++;
		if (ci < md->nc && md->coff[ci] <= x) {
			x = (md->cend[ci] < b ? md->cend[ci] : b) - 1;
			continue;
		}
		style = base;
		for (i = 0; i < nact; i++) {
			if (act[i] <= x) {
				act[i] = act[--nact];
				actb[i] = actb[nact];
				i--;
				continue;
			}
			style |= actb[i];
		}
		if (s[x] == '\n') {
			vis_softbreak(l, x, b, style);
			continue;
		}
		md->vis[md->nvis] = s[x];
		md->vmap[md->nvis] = x;
		md->vfl[md->nvis++] = (unsigned char)style;
	}
}

/* Columns of the shown bytes of s[a, b). */
static int
shown_width(struct layout *l, size_t a, size_t b)
{
	const char *s = l->doc->buf->data;
	struct layout_md *md = l->md;
	size_t ci = first_conceal(md, a), x = a, e;
	int w = 0;

	while (x < b) {
		if (ci < md->nc && md->coff[ci] <= x) {
			x = md->cend[ci++];
			continue;
		}
		e = ci < md->nc && md->coff[ci] < b ? md->coff[ci] : b;
		w += layout_str_width(s + x, e - x, l->o.ambiwidth);
		x = e;
	}
	return w;
}

/* Tells whether s[a, b) holds a blank line. */
static int
has_blank_line(const char *s, size_t a, size_t b)
{
	const char *nl = memchr(s + a, '\n', b - a);
	size_t i;

	while (nl != NULL) {
		for (i = (size_t)(nl - s) + 1; i < b && (s[i] == ' ' ||
		    s[i] == '\t' || s[i] == '\r'); i++)
			;
		if (i < b && s[i] == '\n')
			return 1;
		nl = i < b ? memchr(s + i, '\n', b - i) : NULL;
	}
	return 0;
}

/*
 * The cell spans of row block r: their indexes into md->cidx (at most
 * MAX_COLS + 1 of them), and their count.
 */
static size_t
row_cells(struct layout_md *md, size_t r)
{
	const struct hints *h = md->h;
	const struct hint_block *b = &h->blocks[r];
	size_t lo = 0, hi = h->nspans, mid, n = 0, i;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->spans[mid].off < b->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < h->nspans && h->spans[i].off <= b->end &&
	    n <= MAX_COLS; i++)
		if (h->spans[i].kind == SPAN_CELL)
			md->cidx[n++] = i;
	return n;
}

/* Measures the table of row block r, unless it is the one measured last. */
static void
table_measure(struct layout *l, size_t r, int bars_w)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	const char *s = l->doc->buf->data;
	size_t a = r, b = r, i, k, nc;
	int total, w;

	if (md->tfirst != NONE && md->tfirst <= r && r <= md->tlast)
		return;
	while (a > 0 && r - a < TABLE_ROWS &&
	    h->blocks[a - 1].kind == HINT_TABLE_ROW &&
	    !has_blank_line(s, h->blocks[a - 1].end, h->blocks[a].off))
		a--;
	while (b + 1 < h->nblocks && b - r < TABLE_ROWS &&
	    h->blocks[b + 1].kind == HINT_TABLE_ROW &&
	    !has_blank_line(s, h->blocks[b].end, h->blocks[b + 1].off))
		b++;
	md->tfirst = a;
	md->tlast = b;
	md->ncol = 0;
	memset(md->colw, 0, sizeof md->colw);
	for (i = a; i <= b; i++) {
		nc = row_cells(md, i);
		for (k = 0; k < nc && k < MAX_COLS; k++) {
			w = shown_width(l, h->spans[md->cidx[k]].off,
			    h->spans[md->cidx[k]].end);
			if (w > md->colw[k])
				md->colw[k] = w;
		}
		if ((int)nc > md->ncol)
			md->ncol = nc > MAX_COLS ? MAX_COLS + 1 : (int)nc;
	}
	total = bars_w;
	for (k = 0; k < (size_t)md->ncol && k < MAX_COLS; k++)
		total += md->colw[k] + (k > 0 ? 2 + layout_str_width(BAR, 3,
		    l->o.ambiwidth) : 0);
	md->aligned = md->ncol <= MAX_COLS && total <= l->o.width;
}

/* The shown text of a table row's piece: cells, padding, separators. */
static void
vis_row(struct layout *l, size_t r, size_t ps, size_t pe, int bars_w)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	size_t cells[MAX_COLS + 1], nc, k, a, b;
	int w;

	table_measure(l, r, bars_w);
	nc = row_cells(md, r);
	memcpy(cells, md->cidx, nc * sizeof *cells);
	for (k = 0; k < nc; k++) {
		a = h->spans[cells[k]].off;
		b = h->spans[cells[k]].end;
		w = shown_width(l, a, b);
		if (a < ps)
			a = ps;
		if (b > pe)
			b = pe;
		if (k > 0)
			vis_virt(md, " " BAR NBSP, vis_at(md, ps),
			    LSTYLE_MARK);
		if (a < b)
			vis_text(l, a, b, 0, 0);
		if (md->aligned && k + 1 < nc && k < MAX_COLS)
			for (; w < md->colw[k]; w++)
				vis_virt(md, " ", vis_at(md, ps), 0);
	}
}

/* Columns of the bars of the source line [ls, le) in block hb. */
static int
bars_of(struct layout *l, size_t hb, size_t ls, size_t le)
{
	const struct layout_md *md = l->md;
	const char *s = l->doc->buf->data;
	size_t i = first_conceal(md, ls), x, e;
	int n = 0;

	if (hb != NONE && md->h->blocks[hb].kind == HINT_QUOTE)
		return md->h->blocks[hb].level;
	if (i >= md->nc || md->coff[i] > ls)
		return 0;
	e = md->cend[i] < le ? md->cend[i] : le;
	for (x = ls; x < e; x++)
		n += s[x] == '>';
	return n;
}

/* The shown text of the piece [ps, pe) of source line [ls, le). */
static void
vis_build(struct layout *l, size_t ls, size_t le, size_t ps, size_t pe)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	const char *s = l->doc->buf->data;
	size_t hb = line_block(h, ls, le), me, n, i;
	int kind = hb != NONE ? h->blocks[hb].kind : HINT_PARAGRAPH, w;

	if (md->vvalid && md->vps == ps && md->vpe == pe)
		return;
	md->nvis = md->nbrk = 0;
	md->vps = ps;
	md->vpe = pe;
	md->vvalid = 1;
	if (kind == HINT_RULE) {
		w = layout_str_width(RULE_CH, 3, l->o.ambiwidth);
		n = (size_t)((l->o.width - 2 * bars_of(l, hb, ls, le)) / w);
		for (i = 0; i < n; i++)
			vis_virt(md, RULE_CH, ps, LSTYLE_MARK);
		return;
	}
	if (kind == HINT_TABLE_ROW) {
		vis_row(l, hb, ps, pe, 2 * bars_of(l, hb, ls, le));
		return;
	}
	if (kind == HINT_LIST_ITEM && ps == ls && h->blocks[hb].off >= ls &&
	    h->blocks[hb].off <= le) {
		/* The marker belongs to the prefix. */
		me = marker_end(s, h->blocks[hb].off, le);
		if (me > h->blocks[hb].off) {
			vis_text(l, ps, h->blocks[hb].off, 0, 1);
			ps = me < le ? me + 1 : le;
		}
	}
	vis_text(l, ps, pe, kind == HINT_CODE ? LSTYLE_CODE :
	    kind == HINT_HEADING || kind == HINT_TITLE ? LSTYLE_HEADING : 0,
	    kind != HINT_CODE);
}

static struct lcell *
pre_push(struct layout_md *md, size_t off, uint32_t len, const char *repl,
    int width)
{
	struct lcell *c = layout_cell_push(&md->pre, &md->precap, &md->npre);

	c->off = off;
	c->len = len;
	c->width = (uint16_t)width;
	snprintf(c->repl, sizeof c->repl, "%s", repl);
	c->style = LSTYLE_MARK;
	return c;
}

/*
 * The prefix of a display line of the source line [ls, le) in block hb
 * into md->pre: the quote's bars, a list item's indent and, on the first
 * display line of the item, its marker ("•" over "-", "*" and "+"), on
 * the others as many spaces; a figure's "[图] ".  At most half the width
 * (less one column): deeper prefixes are cut.  Returns the columns.
 */
static int
prefix(struct layout *l, size_t hb, size_t ls, size_t le, int first)
{
	struct layout_md *md = l->md;
	const struct hint_block *bk = hb != NONE ? &md->h->blocks[hb] : NULL;
	const char *s = l->doc->buf->data;
	int amb = l->o.ambiwidth, w = 0, i, n, max = (l->o.width - 1) / 2;
	size_t me, x;

	md->npre = 0;
	n = bars_of(l, hb, ls, le);
	for (i = 0; i < n && i < 16; i++) {
		pre_push(md, ls, 0, BAR, layout_str_width(BAR, 3, amb));
		pre_push(md, ls, 0, " ", 1);
	}
	if (bk != NULL && bk->kind == HINT_LIST_ITEM) {
		for (i = 1; i < bk->level && i < 8; i++)
			pre_push(md, ls, 0, "  ", 2);
		me = marker_end(s, bk->off, bk->end);
		if (first && bk->off >= ls && bk->off <= le && me > bk->off) {
			if (me == bk->off + 1 && s[bk->off] != ')' &&
			    (s[bk->off] < '0' || s[bk->off] > '9'))
				pre_push(md, bk->off, 1, BULLET,
				    layout_str_width(BULLET, 3, amb));
			else
				for (x = bk->off; x < me; x++)
					pre_push(md, x, 1, "", 1);
			if (me < le && s[me] == ' ')
				pre_push(md, me, 1, "", 1);
			else
				pre_push(md, me, 0, " ", 1);
		} else if (me > bk->off && (me > bk->off + 1 ||
		    (s[bk->off] >= '0' && s[bk->off] <= '9')))
			for (x = bk->off; x <= me; x++)
				pre_push(md, ls, 0, " ", 1);
		else {
			/* As wide, cell by cell, as "• ": cut alike. */
			i = layout_str_width(BULLET, 3, amb);
			pre_push(md, ls, 0, i == 2 ? "  " : " ", i);
			pre_push(md, ls, 0, " ", 1);
		}
	}
	/* A code block in a list item is indented under the item's text. */
	if (bk != NULL && bk->kind == HINT_CODE)
		for (i = 0; i < bk->level && i < 8; i++)
			pre_push(md, ls, 0, "  ", 2);
	if (bk != NULL && bk->kind == HINT_FIGURE) {
		if (first && bk->off >= ls && bk->off <= le) {
			pre_push(md, bk->off, 0, "[", 1);
			pre_push(md, bk->off, 0, "\xe5\x9b\xbe", 2);
			pre_push(md, bk->off, 0, "]", 1);
			pre_push(md, bk->off, 0, " ", 1);
		} else {
			pre_push(md, ls, 0, " ", 1);
			pre_push(md, ls, 0, "  ", 2);
			pre_push(md, ls, 0, " ", 1);
			pre_push(md, ls, 0, " ", 1);
		}
	}
	for (x = 0; x < md->npre; x++) {
		if (w + md->pre[x].width > max) {
			md->npre = x;
			break;
		}
		w += md->pre[x].width;
	}
	return w;
}

/* Tells whether the shown text is blank and the line has markup. */
static int
markup_only(const struct layout_md *md, size_t ls, size_t le)
{
	size_t i;

	for (i = 0; i < md->nvis; i++)
		if ((md->vfl[i] & VIRT) || (md->vis[i] != ' ' &&
		    md->vis[i] != '\t'))
			return 0;
	i = first_conceal(md, ls);
	return i < md->nc && md->coff[i] < (le > ls ? le : ls + 1);
}

/* The source offset just after vis byte v - 1 (ps when v is 0). */
static size_t
src_end(const struct layout_md *md, size_t v, size_t ps)
{
	if (v == 0)
		return ps;
	return (md->vfl[v - 1] & VIRT) ? md->vmap[v - 1] : md->vmap[v - 1] + 1;
}

/* A code line: never wrapped, cut with a marker when it is too wide. */
static void
code_line(struct layout *l, const struct layout_opts *o, int pw, size_t ps,
    size_t pe, struct lpiece *pc)
{
	struct layout_md *md = l->md;
	struct lline *ln;
	struct clus cl;
	size_t v;
	int col = 0, mw = 1, cut = 0, lim = o->width;

	for (;;) {
		for (v = 0, col = 0; v < md->nvis; v += cl.len) {
			layout_clus_at(o, md->vis, v, md->nvis, col, &cl);
			if (col + cl.width > lim)
				break;
			col += cl.width;
		}
		if (v >= md->nvis || cut)
			break;
		cut = 1;
		mw = l->o.ambiwidth == 2 ? 1 : layout_str_width(CUT_MARK, 3,
		    1);
		lim = o->width - mw;
	}
	pc->nlines = 0;
	layout_piece_break(l, o, md->vis, 0, 0, pc);
	ln = &pc->lines[0];
	ln->off = ps;
	ln->end = cut ? src_end(md, v, ps) : pe;
	ln->next = pe;
	ln->width = pw + col + (cut ? mw : 0);
	ln->plain = 0;
	ln->voff = 0;
	ln->vend = v;
	ln->flags = cut ? LL_CUT : 0;
}

/*
 * Breaks the shown text between its <br> breaks (none at its very start
 * or end) and maps the lines back to the source.
 */
static void
text_lines(struct layout *l, const struct layout_opts *o, int pw, size_t ps,
    size_t pe, struct lpiece *pc)
{
	struct layout_md *md = l->md;
	struct lline *ln;
	size_t a = 0, b, j, k, k0, prev = 0;

	pc->nlines = 0;
	for (j = 0; j <= md->nbrk; j++) {
		b = j < md->nbrk ? md->brks[j] : md->nvis;
		if (j < md->nbrk && (b == 0 || b == md->nvis))
			continue;
		k0 = pc->nlines;
		layout_piece_break(l, o, md->vis, a, b, pc);
		for (k = k0; k < pc->nlines; k++) {
			ln = &pc->lines[k];
			ln->voff = ln->off;
			ln->vend = ln->end;
			ln->width += pw;
			ln->plain = 0;
			ln->flags = 0;
			if (k == 0)
				ln->off = ps;
			else if (k == k0)
				ln->off = md->bsrc[j - 1];
			else
				ln->off = ln->voff < md->nvis ?
				    md->vmap[ln->voff] : pe;
			if (k > 0 && ln->off <= prev)
				ln->off = prev + 1;
			prev = ln->off;
		}
		a = b;
	}
	for (k = 0; k < pc->nlines; k++) {
		ln = &pc->lines[k];
		ln->next = k + 1 < pc->nlines ? pc->lines[k + 1].off : pe;
		ln->end = k + 1 < pc->nlines ? src_end(md, ln->vend, ps) : pe;
		if (ln->end < ln->off)
			ln->end = ln->off;
		if (ln->end > ln->next)
			ln->end = ln->next;
	}
}

void
layout_md_piece(struct layout *l, size_t ls, size_t le, size_t ps,
    size_t pe, struct lpiece *pc)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	size_t hb = line_block(h, ls, le);
	int kind = hb != NONE ? h->blocks[hb].kind : HINT_PARAGRAPH, pw;
	struct layout_opts o = l->o;

	pc->off = ps;
	pc->end = pe;
	pc->ls = ls;
	pc->le = le;
	vis_build(l, ls, le, ps, pe);
	pw = prefix(l, hb, ls, le, ps == ls);
	o.width = l->o.width - pw > 0 ? l->o.width - pw : 1;
	if (kind != HINT_RULE && kind != HINT_FIGURE && kind != HINT_CODE &&
	    markup_only(md, ls, le)) {
		pc->nlines = 0;
		layout_piece_break(l, &o, md->vis, 0, 0, pc);
		pc->lines[0].off = ps;
		pc->lines[0].end = pc->lines[0].next = pe;
		pc->lines[0].width = 0;
		pc->lines[0].plain = 0;
		pc->lines[0].voff = pc->lines[0].vend = 0;
		pc->lines[0].flags = LL_HIDDEN;
	} else if (kind == HINT_CODE)
		code_line(l, &o, pw, ps, pe, pc);
	else
		text_lines(l, &o, pw, ps, pe, pc);
	if (ps == ls)
		pc->lines[0].flags |= LL_FIRST;
}

size_t
layout_md_cells(struct layout *l, const struct lpiece *pc, size_t idx,
    const struct lcell **cells)
{
	struct layout_md *md = l->md;
	const struct lline *ln = &pc->lines[idx];
	size_t hb = line_block(md->h, pc->ls, pc->le), n = 0, v, j;
	struct layout_opts o = l->o;
	struct lcell *c;
	struct clus cl;
	int pw, col = 0, contig;

	*cells = l->cells;
	if (ln->flags & LL_HIDDEN)
		return 0;
	vis_build(l, pc->ls, pc->le, pc->off, pc->end);
	pw = prefix(l, hb, pc->ls, pc->le, (ln->flags & LL_FIRST) != 0);
	for (j = 0; j < md->npre; j++)
		*layout_cell_push(&l->cells, &l->ncap, &n) = md->pre[j];
	o.width = l->o.width - pw > 0 ? l->o.width - pw : 1;
	for (v = ln->voff; v < ln->vend && v < md->nvis; v += cl.len) {
		layout_clus_at(&o, md->vis, v, ln->vend, col, &cl);
		if (cl.width > o.width && !cl.space)
			layout_clus_clip(&cl, o.width);
		c = layout_cell_push(&l->cells, &l->ncap, &n);
		c->off = md->vmap[v];
		c->width = (uint16_t)cl.width;
		c->style = md->vfl[v] & ~VIRT;
		contig = 1;
		for (j = v; j < v + cl.len; j++)
			if ((md->vfl[j] & VIRT) ||
			    md->vmap[j] != md->vmap[v] + (j - v) ||
			    l->doc->buf->data[md->vmap[j]] != md->vis[j])
				contig = 0;
		if (contig) {
			c->len = (uint32_t)cl.len;
			memcpy(c->repl, cl.repl, sizeof cl.repl);
		} else if (cl.repl[0] != '\0')
			memcpy(c->repl, cl.repl, sizeof cl.repl);
		else if (cl.len < sizeof c->repl) {
			/* Drawn, or a cluster that concealed bytes split. */
			memcpy(c->repl, md->vis + v, cl.len);
			c->repl[cl.len] = '\0';
		} else
			strcpy(c->repl, "?");
		col += cl.width;
	}
	if (ln->flags & LL_CUT) {
		c = layout_cell_push(&l->cells, &l->ncap, &n);
		c->off = ln->end;
		c->width = 1;
		strcpy(c->repl, ">");
		if (l->o.ambiwidth != 2) {
			strcpy(c->repl, CUT_MARK);
			c->width = (uint16_t)layout_str_width(CUT_MARK, 3, 1);
		}
		c->style = LSTYLE_MARK;
	}
	*cells = l->cells;
	return n;
}

void
layout_md_extent(struct layout *l, size_t boff, size_t bend, size_t *ls,
    size_t *le)
{
	const struct hints *h = l->md->h;
	const char *s = l->doc->buf->data;
	size_t hb = line_block(h, *ls, *le), a, z;
	static const unsigned char flows[] = {
		[HINT_PARAGRAPH] = 1, [HINT_LIST_ITEM] = 1, [HINT_QUOTE] = 1,
		[HINT_CAPTION] = 1
	};

	if (hb == NONE || h->blocks[hb].kind >= sizeof flows ||
	    !flows[h->blocks[hb].kind])
		return;
	a = h->blocks[hb].off;
	z = h->blocks[hb].end;
	if (a >= *ls && z <= *le)
		return;
	while (a > boff && s[a - 1] != '\n')
		a--;
	while (z < bend && s[z] != '\n')
		z++;
	if (a < *ls)
		*ls = a < boff ? boff : a;
	if (z > *le)
		*le = z > bend ? bend : z;
}

void
layout_md_kind(struct layout *l, size_t x, struct dline *dl)
{
	const struct hints *h = l->md->h;
	const struct lpiece *pc = l->hint;
	size_t hb;

	(void)x;
	if (pc == NULL || dl->kind == DLINE_BOILERPLATE)
		return;
	hb = line_block(h, pc->ls, pc->le);
	dl->kind = DLINE_TEXT;
	dl->level = 0;
	dl->plain = 0;
	if (hb == NONE)
		return;
	switch (h->blocks[hb].kind) {
	case HINT_HEADING:
		/* The document's title stays its title. */
		dl->kind = l->doc->blocks[dl->block].kind == BLOCK_TITLE ?
		    DLINE_TITLE : DLINE_HEADING;
		dl->level = h->blocks[hb].level;
		break;
	case HINT_TITLE:
		dl->kind = DLINE_TITLE;
		dl->level = 1;
		break;
	case HINT_FIGURE:
		dl->kind = DLINE_FIGURE;
		break;
	case HINT_CAPTION:
		dl->kind = DLINE_CAPTION;
		break;
	case HINT_BOILERPLATE:
		dl->kind = DLINE_BOILERPLATE;
		break;
	default:
		break;
	}
}

int
layout_md_block_hidden(struct layout *l, size_t b)
{
	struct layout_md *md = l->md;
	const struct hints *h = md->h;
	const struct block *bk = &l->doc->blocks[b];
	const char *s = l->doc->buf->data;
	size_t i, x = bk->off, lo = 0, hi = h->nblocks, mid;

	if (md->memo_b == b)
		return md->memo;
	md->memo_b = b;
	md->memo = 0;
	for (i = first_conceal(md, x); x < bk->end; ) {
		if (i < md->nc && md->coff[i] <= x) {
			x = md->cend[i++];
			continue;
		}
		if (s[x] != '\n' && s[x] != ' ' && s[x] != '\t' && s[x] != '\r')
			return 0;
		x++;
	}
	/* Rules and figures are drawn over concealed bytes. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->blocks[mid].end < bk->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < h->nblocks && h->blocks[i].off <= bk->end; i++)
		if (h->blocks[i].kind == HINT_RULE ||
		    h->blocks[i].kind == HINT_FIGURE ||
		    h->blocks[i].kind == HINT_CODE)
			return 0;
	md->memo = 1;
	return 1;
}
