/*
 * ui-draw.c - the reader's screen: the view's cells and parts in curses.
 *
 * Each frame is painted whole from the view (view_paint_rows for the text
 * pane's rows of styled cells, view_status for the status line's parts,
 * the side pane's rows) and the source (whether the whole text is still
 * being read); this file maps the view's styles to curses attributes and
 * colour pairs (style, paint_style) and decides nothing else about what
 * is shown.  curses then sends only what changed.  Characters curses
 * would measure narrower than the terminal draws them, and clusters it
 * cannot hold in one cell (emoji ZWJ sequences, flags), are written by
 * hand after each refresh (the overlays below).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include <unistr.h>

#include "juan/command.h"
#include "juan/layout.h"
#include "ui/ui-int.h"

#define CLUSTER_MAX	16	/* characters of a cluster drawn */

/*
 * East Asian Ambiguous characters at width 2 (--ambiwidth=2, or a terminal
 * that answered so).  curses measures characters with the C library's
 * wcwidth(), which says 1 for them, so a terminal that draws them two
 * columns wide would be a column ahead of curses after each one, and the
 * rest of the row would be misdrawn.  Such a character is therefore not
 * given to curses: its two cells are drawn as blanks, and after each
 * refresh it is written by hand over them (cursor address, attributes,
 * the character; then the attributes and cursor curses expects).  A row
 * that held one in the frame before is redrawn whole, so that nothing is
 * left of a character that has moved.  The same is done, whatever the
 * ambiguous width, for a cluster that curses cannot hold in one cell
 * (curses_cell): an emoji ZWJ sequence or a flag, which curses would cut
 * to its first character, leaving the row short of what the layout
 * measured.
 */
struct overlay {
	int y, x;
	char s[4 * CLUSTER_MAX + 1];	/* the cluster's UTF-8 bytes */
	attr_t attr;
	short pair;
};

static struct {
	int on;				/* ambiguous characters are wide */
	struct overlay *v;		/* this frame's characters */
	size_t n, cap;
	unsigned char *rows;		/* rows that held one last frame */
	int nrows;
	int drawn;			/* overlays have been drawn */
} ambwide;

/* The columns of the character c as drawn: wcwidth, or 2 for ambiguous. */
static int
char_cols(uint32_t c)
{
	uint8_t u[4];
	int w = wcwidth((wchar_t)c), k;

	if (w != 1 || !ambwide.on || c < 0x80)
		return w;
	if ((k = u8_uctomb(u, c, (int)sizeof u)) <= 0)
		return w;
	return layout_str_width((const char *)u, (size_t)k, 2) == 2 ? 2 : 1;
}

/*
 * Tells whether curses can hold the cluster wc in one cell of width
 * columns: one spacing character that it measures as wide as the layout
 * did, followed by non-spacing ones.  An emoji ZWJ sequence (two spacing
 * characters joined by U+200D) or a flag (two regional indicators) is
 * not such a cell: curses would keep its first character only.
 */
static int
curses_cell(const wchar_t *wc, int width)
{
	size_t i;

	if (wcwidth(wc[0]) != width)
		return 0;
	for (i = 1; wc[i] != L'\0'; i++)
		if (wcwidth(wc[i]) != 0)
			return 0;
	return 1;
}

/*
 * Puts the characters wc (a cluster, NUL-ended) at y, x, in width columns
 * as the layout measured them.  A character curses would measure narrower
 * than it is drawn, or a cluster curses cannot hold in one cell, becomes
 * an overlay.
 */
static void
put_cell(int y, int x, const wchar_t *wc, int width, attr_t attr,
    short pair)
{
	cchar_t cc;
	wchar_t sp[2] = { L' ', L'\0' };
	struct overlay *o;
	size_t i, k = 0;
	int n;

	if (width < 1 || curses_cell(wc, width) || (width == 1 &&
	    wc[1] == L'\0')) {
		wchar_t cw[CCHARW_MAX + 1];

		for (i = 0; i < CCHARW_MAX && wc[i] != L'\0'; i++)
			cw[i] = wc[i];
		cw[i] = L'\0';
		if (setcchar(&cc, cw, attr, pair, NULL) == OK)
			mvadd_wch(y, x, &cc);
		return;
	}
	setcchar(&cc, sp, attr, pair, NULL);
	for (n = 0; n < width; n++)
		mvadd_wch(y, x + n, &cc);
	if (ambwide.n == ambwide.cap) {
		ambwide.cap = ambwide.cap ? ambwide.cap * 2 : 64;
		ambwide.v = xreallocarray(ambwide.v, ambwide.cap,
		    sizeof *ambwide.v);
	}
	o = &ambwide.v[ambwide.n++];
	o->y = y;
	o->x = x;
	o->attr = attr;
	o->pair = pair;
	for (i = 0; wc[i] != L'\0' && k + 4 < sizeof o->s; i++) {
		n = u8_uctomb((uint8_t *)o->s + k, (ucs4_t)wc[i], 4);
		if (n > 0)
			k += (size_t)n;
	}
	o->s[k] = '\0';
}

/*
 * tputs() is declared in <term.h>, whose capability macros (lines,
 * columns, ...) would clash with this file's names.
 */
int tputs(const char *, int, int (*)(int));

static int
amb_putc(int c)
{
	return putc(c, stdout);
}

/* Moves the terminal's cursor to y, x (terminfo's cup). */
static void
amb_move(int y, int x)
{
	static char *cup;

	if (cup == NULL)
		cup = tigetstr("cup");
	if (cup != NULL && cup != (char *)-1)
		tputs(tiparm(cup, y, x), 1, amb_putc);
}

/* Forgets the overlays under the box of h rows and w columns at y, x. */
static void
amb_drop(int y, int x, int h, int w)
{
	size_t i, k = 0;

	for (i = 0; i < ambwide.n; i++) {
		const struct overlay *o = &ambwide.v[i];

		if (o->y >= y && o->y < y + h && o->x + 1 >= x &&
		    o->x < x + w)
			continue;
		ambwide.v[k++] = *o;
	}
	ambwide.n = k;
}

/* Before refresh: the rows that held overlays are drawn again whole. */
static void
amb_touch(void)
{
	int r;

	for (r = 0; r < ambwide.nrows; r++)
		if (ambwide.rows[r] && r < LINES)
			wredrawln(stdscr, r, 1);
}

/*
 * After refresh: writes this frame's overlays whose blanks are still
 * there (a help box drawn later may cover them), then leaves the
 * attributes and the cursor as curses believes them.
 */
static void
amb_flush(void)
{
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1];
	attr_t a;
	short p;
	size_t i;
	int cy, cx, wrote = 0;

	if (ambwide.nrows < LINES) {
		ambwide.rows = xrealloc(ambwide.rows, (size_t)LINES);
		ambwide.nrows = LINES;
	}
	memset(ambwide.rows, 0, (size_t)ambwide.nrows);
	for (i = 0; i < ambwide.n; i++) {
		const struct overlay *o = &ambwide.v[i];

		if (o->y >= LINES || o->x + 1 >= COLS ||
		    mvwin_wch(stdscr, o->y, o->x, &cc) != OK ||
		    getcchar(&cc, wc, &a, &p, NULL) == ERR ||
		    wc[0] != L' ' || (a & ~A_COLOR) != (o->attr & ~A_COLOR) ||
		    p != o->pair)
			continue;
		ambwide.rows[o->y] = 1;
		amb_move(o->y, o->x);
		vid_puts(o->attr, o->pair, NULL, amb_putc);
		fputs(o->s, stdout);
		wrote = ambwide.drawn = 1;
	}
	ambwide.n = 0;
	if (!wrote)
		return;
	vid_puts(A_NORMAL, 0, NULL, amb_putc);
	getyx(curscr, cy, cx);
	amb_move(cy, cx);
	fflush(stdout);
}

/*
 * Draws the UTF-8 string s (already terminal-safe) at y, x in at most
 * maxw columns with attr; returns the columns used.
 */
static int
draw_str(int y, int x, int maxw, const char *s, attr_t attr, short pair)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;
	wchar_t wc[2];
	int k, w, used = 0;

	while (i < n && used < maxw) {
		k = util_u8_next(s + i, n - i, &c);
		i += (size_t)k;
		wc[0] = (wchar_t)c;
		wc[1] = L'\0';
		w = char_cols(c);
		if (w < 0) {
			wc[0] = L'?';
			w = 1;
		}
		if (w == 0 && used == 0)
			continue;
		if (used + w > maxw)
			break;
		put_cell(y, x + used, wc, w, attr, pair);
		used += w;
	}
	return used;
}

/* Columns that draw_str would use for s. */
static int
str_cols(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;
	int k, w, cols = 0;

	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		i += (size_t)k;
		w = char_cols(c);
		cols += w < 0 ? 1 : w;
	}
	return cols;
}

/*
 * Draws s as draw_str does, but a string wider than maxw is cut to end
 * in an ellipsis, so that a reader sees that something is missing.
 */
static int
draw_cut(int y, int x, int maxw, const char *s, attr_t attr, short pair)
{
	int ew = char_cols(0x2026), used;

	if (str_cols(s) <= maxw || maxw <= ew)
		return draw_str(y, x, maxw, s, attr, pair);
	used = draw_str(y, x, maxw - ew, s, attr, pair);
	return used + draw_str(y, x + used, ew, "\u2026", attr, pair);
}

/* Fills columns x..x+n of row y with blanks in attr. */
static void
blank(int y, int x, int n, attr_t attr, short pair)
{
	cchar_t cc;
	wchar_t sp[2] = { L' ', L'\0' };

	setcchar(&cc, sp, attr, pair, NULL);
	while (n-- > 0)
		mvadd_wch(y, x++, &cc);
}

/* A style: attributes and a color pair (0 when monochrome). */
struct style {
	attr_t attr;
	short pair;
};

static struct style
style(const struct ui *u, int which)
{
	struct style s = { A_NORMAL, 0 };

	if (u->color)
		s.pair = (short)which;
	switch (which) {
	case C_HEADING:
	case C_TITLE:
		s.attr = A_BOLD;
		break;
	case C_CAPTION:
		s.attr = u->color ? A_NORMAL : A_DIM;
		break;
	case C_DIM:
		/* Below 16 colours there is no grey (ui_init_colors). */
		s.attr = u->color && COLORS >= 16 ? A_NORMAL : A_DIM;
		break;
	case C_MATCH:
		/* Not bold and underlined: that is a level-1 heading. */
		s.attr = u->color ? A_NORMAL : A_REVERSE;
		break;
	case C_CURMATCH:
		s.attr = u->color ? A_BOLD : A_REVERSE | A_BOLD | A_UNDERLINE;
		break;
	case C_ENTRY:
		s.attr = u->color ? A_NORMAL : A_UNDERLINE;
		break;
	case C_JUMP:
		s.attr = A_REVERSE;
		break;
	case C_STATUS:
	case C_PANEHEAD:
		s.attr = A_REVERSE;
		break;
	case C_CTL:
		s.attr = u->color ? A_NORMAL : A_DIM;
		break;
	case C_FIGURE:
		s.attr = u->color ? A_NORMAL : A_DIM;
		break;
	}
	if (u->color && (which == C_STATUS || which == C_PANEHEAD))
		s.attr = which == C_PANEHEAD ? A_BOLD : A_NORMAL;
	return s;
}

/* The terminal can draw italics (its terminfo has sitm). */
static int has_italic;

void
ui_init_colors(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");
	char *sitm = tigetstr("sitm");

	has_italic = sitm != NULL && sitm != (char *)-1 && *sitm != '\0';

	u->color = 0;
	if ((nc != NULL && nc[0] != '\0') || !has_colors() ||
	    start_color() != OK || COLORS < 8 || COLOR_PAIRS < 16)
		return;
	u->color = 1;
	use_default_colors();
	init_pair(C_HEADING, COLOR_YELLOW, -1);
	init_pair(C_TITLE, COLOR_CYAN, -1);
	init_pair(C_CAPTION, COLOR_GREEN, -1);
	init_pair(C_FIGURE, COLOR_MAGENTA, -1);
	init_pair(C_MATCH, COLOR_BLACK, COLOR_YELLOW);
	init_pair(C_CURMATCH, COLOR_BLACK, COLOR_GREEN);
	init_pair(C_ENTRY, COLOR_CYAN, -1);
	init_pair(C_JUMP, COLOR_BLACK, COLOR_CYAN);
	init_pair(C_CTL, COLOR_RED, -1);
	init_pair(C_STATUS, COLOR_BLACK, COLOR_WHITE);
	init_pair(C_PANEHEAD, COLOR_WHITE, COLOR_BLUE);
	/*
	 * Grey, not dark blue, which is hard to read on a black ground;
	 * without 16 colours, the terminal's own colour.
	 */
	init_pair(C_DIM, COLORS >= 256 ? 245 : COLORS >= 16 ? 8 : -1, -1);
	init_pair(C_CODE, COLOR_GREEN, -1);
	init_pair(C_LINK, COLOR_CYAN, -1);
}

/* The ranges that color the text pane, collected for the screen. */
/* The curses style of a view style, on a row styled as r. */
static struct style
paint_style(const struct ui *u, const struct view_row *r, int vs,
    int style_bits)
{
	static const int pairs[] = {
		[VIEW_STYLE_TEXT] = 0, [VIEW_STYLE_HEADING] = C_HEADING,
		[VIEW_STYLE_TITLE] = C_TITLE, [VIEW_STYLE_CAPTION] = C_CAPTION,
		[VIEW_STYLE_FIGURE] = C_FIGURE,
		[VIEW_STYLE_BOILERPLATE] = C_DIM, [VIEW_STYLE_ENTRY] = C_ENTRY,
		[VIEW_STYLE_JUMP] = C_JUMP, [VIEW_STYLE_MATCH] = C_MATCH,
		[VIEW_STYLE_CURMATCH] = C_CURMATCH, [VIEW_STYLE_CTL] = C_CTL,
		[VIEW_STYLE_LINK] = C_LINK, [VIEW_STYLE_CODE] = C_CODE,
		[VIEW_STYLE_EMPH] = 0, [VIEW_STYLE_STRONG] = 0,
		[VIEW_STYLE_INJECTED] = C_DIM
	};
	/* Inline styles add their attributes to whatever else styles a
	 * cell (a match, a link in bold), with or without colours. */
	static const struct {
		int bit;
		attr_t attr;
	} inl[] = {
		{ LSTYLE_STRONG, A_BOLD }, { LSTYLE_EMPH, A_ITALIC },
		{ LSTYLE_LINK, A_UNDERLINE }
	};
	/* Where the terminal has no italics, emphasis is underlined. */
	attr_t italic = has_italic ? A_ITALIC : A_UNDERLINE;
	struct style st;
	size_t i;

	/* In colour, a control keeps a coloured line's colour. */
	if (vs == VIEW_STYLE_CTL && u->color && r->style != VIEW_STYLE_TEXT)
		vs = r->style;
	st = style(u, vs >= 0 && (size_t)vs < sizeof pairs / sizeof pairs[0] ?
	    pairs[vs] : 0);
	/* Heading levels: 1 bold and underlined, 2 bold, deeper ones
	 * underlined in monochrome and not bold in colour. */
	if (vs == VIEW_STYLE_HEADING && r->level <= 1)
		st.attr |= A_UNDERLINE;
	else if (vs == VIEW_STYLE_HEADING && r->level >= 3)
		st.attr = u->color ? A_NORMAL : A_UNDERLINE;
	else if (vs == VIEW_STYLE_CODE && !u->color)
		st.attr |= A_DIM;
	/* An injected site name: boilerplate's grey, and slanted (or
	 * underlined), so that it differs from boilerplate without colours
	 * too. */
	else if (vs == VIEW_STYLE_INJECTED)
		st.attr |= (u->color ? 0 : A_DIM) | (has_italic ? A_ITALIC :
		    A_UNDERLINE);
	if (r->style == VIEW_STYLE_TEXT)
		for (i = 0; i < sizeof inl / sizeof inl[0]; i++)
			if (style_bits & inl[i].bit)
				st.attr |= inl[i].attr == A_ITALIC ? italic :
				    inl[i].attr;
	return st;
}

/* Draws the cell vc at y, x: its visible form, or its characters. */
static void
draw_cell(struct ui *u, int y, int x, const struct view_cell *vc,
    struct style st)
{
	const struct buffer *b = view_doc(u->v)->buf;
	const struct lcell *c = &vc->c;
	wchar_t wc[CLUSTER_MAX + 1];
	size_t k;
	uint32_t ch;
	int nw = 0;

	if (c->repl[0] != '\0') {
		draw_str(y, x, c->width, c->repl, st.attr, st.pair);
		return;
	}
	/* The cluster's characters, as many as fit a cell. */
	for (k = c->off; k < c->off + c->len && nw < CLUSTER_MAX;) {
		k += (size_t)util_u8_next(b->data + k, c->off + c->len - k,
		    &ch);
		wc[nw++] = (wchar_t)ch;
	}
	wc[nw] = L'\0';
	if (wcwidth(wc[0]) < 0) {
		wc[0] = 0xFFFD;
		wc[1] = L'\0';
	}
	put_cell(y, x, wc, c->width, st.attr, st.pair);
}

static void
draw_text(struct ui *u)
{
	struct view_paint *p = &u->paint;
	const struct view_row *r;
	const struct view_cell *vc;
	int row, col;
	size_t i;

	/* From the separator on: the margins of a narrowed column too. */
	for (row = 0; row < u->text_rows; row++)
		blank(row, u->pane_w + !!u->pane_w, u->cols - u->pane_w -
		    !!u->pane_w, A_NORMAL, 0);
	if (u->text_rows < 1)
		return;
	if (u->reading_stdin && view_doc(u->v)->buf->len == 0) {
		/* Nothing has arrived yet: say so rather than show blank. */
		struct style ds = style(u, C_DIM);

		draw_cut(0, u->text_x + 1, u->text_w - 1,
		    _("Reading standard input..."), ds.attr, ds.pair);
		return;
	}
	view_paint_rows(u->v, u->text_w, p);
	for (row = 0; row < p->nrows; row++) {
		r = &p->rows[row];
		for (i = 0, col = 0; i < r->n; i++) {
			vc = &p->cells[r->first + i];
			draw_cell(u, row, u->text_x + col, vc,
			    paint_style(u, r, vc->style, vc->c.style));
			col += vc->c.width;
		}
	}
}


/*
 * The pane's name; the timeline's names its order, shorter at each level
 * (0 the full name) for a narrow pane.
 */
static const char *
pane_name(const struct view *v, int level)
{
	static const char *const tl[3][2] = {
		{ N_("Timeline \xc2\xb7 in text order"),
		    N_("Timeline \xc2\xb7 by date") },
		{ N_("Timeline \xc2\xb7 text"), N_("Timeline \xc2\xb7 date") },
		{ N_("\xc2\xb7 text"), N_("\xc2\xb7 date") }
	};

	switch (view_pane(v)) {
	case VIEW_PANE_OUTLINE:
		return _("Outline");
	case VIEW_PANE_TIMELINE:
		return _(tl[level < 0 ? 0 : level > 2 ? 2 : level]
		    [view_tl_by_date(v) ? 1 : 0]);
	default:
		return _("Results");
	}
}

/* The side pane's header at name level lvl (pane_name) in b. */
static void
pane_head(struct ui *u, int lvl, struct sbuf *b)
{
	struct view *v = u->v;

	/* The pane with the focus says so, as Tab changes it. */
	sbuf_printf(b, "%s%s", view_focus(v) != VIEW_FOCUS_TEXT ? ">" : " ",
	    pane_name(v, lvl));
	if (view_pane(v) == VIEW_PANE_RESULTS && view_pattern(v) != NULL) {
		sbuf_adds(b, " ");
		util_safe_add(b, view_pattern(v), strlen(view_pattern(v)), 1);
	}
	if (view_filter(v) != NULL) {
		sbuf_adds(b, " /");
		util_safe_add(b, view_filter(v), strlen(view_filter(v)), 1);
	}
	sbuf_printf(b, " (%zu%s)", view_nitems(v), view_filtering(v) ||
	    (view_pane(v) == VIEW_PANE_RESULTS && view_searching(v) &&
	    !view_counted(v)) ? "+" : "");
	/* What the thread is still building. */
	if (!source_complete(u->src) && (view_pane(v) == VIEW_PANE_TIMELINE ||
	    source_loading(u->src)))
		sbuf_printf(b, " %s", _("reading..."));
}

static void
draw_pane(struct ui *u)
{
	struct view *v = u->v;
	struct sbuf b = SBUF_INIT;
	struct style hs = style(u, C_PANEHEAD), ds = style(u, C_DIM);
	int row, rows = pane_rows(u), x, ind, hy, lvl;
	size_t i;
	attr_t a;
	chtype sep;

	if (u->pane_w == 0)
		return;
	for (lvl = 0; lvl < 3; lvl++) {
		sbuf_reset(&b);
		pane_head(u, lvl, &b);
		if (str_cols(b.s) <= u->pane_w)
			break;
	}
	blank(0, 0, u->pane_w, hs.attr | (view_focus(v) != VIEW_FOCUS_TEXT ?
	    A_BOLD : 0), hs.pair);
	draw_str(0, 0, u->pane_w, b.s, hs.attr | (view_focus(v) !=
	    VIEW_FOCUS_TEXT ? A_BOLD : 0), hs.pair);
	for (row = 1; row < u->text_rows; row++)
		blank(row, 0, u->pane_w, A_NORMAL, 0);
	/* The timeline's histogram, then its rows. */
	if ((hy = hist_rows(u)) > 0)
		ui_hist_draw(u, 1);
	if (view_nitems(v) == 0) {
		const char *e = view_filtering(v) ? _("(filtering...)") :
		    view_filter(v) != NULL ? _("(nothing matches)") :
		    !source_complete(u->src) && source_reading_pipe(u->src) ?
		    _("(reading...)") :
		    view_pane(v) == VIEW_PANE_OUTLINE ?
		    _("(no headings found)") :
		    view_pane(v) == VIEW_PANE_TIMELINE ?
		    _("(no dates found)") :
		    !view_searching(v) ? _("(no search yet: /)") :
		    _("(no matches)");

		draw_str(1 + hy, 1, u->pane_w - 1, e, ds.attr, ds.pair);
	}
	for (row = 1, i = view_pane_top(v); row <= rows && i < view_nitems(v);
	    row++, i++) {
		sbuf_reset(&b);
		view_item_text(v, i, &b);
		a = A_NORMAL;
		if (i == view_sel(v))
			a = view_focus(v) == VIEW_FOCUS_PANE ? A_REVERSE :
			    A_BOLD | A_UNDERLINE;
		ind = view_item(v, i).depth * 2;
		if (ind > u->pane_w / 3)
			ind = u->pane_w / 3;
		x = 1 + ind;
		if (i == view_sel(v))
			blank(row + hy, 0, u->pane_w, a, 0);
		if (x < u->pane_w)
			draw_cut(row + hy, x, u->pane_w - x, b.s != NULL ? b.s :
			    "", a, 0);
	}
	sep = u->ascii_sep ? '|' : ACS_VLINE;
	for (row = 0; row < u->text_rows; row++)
		mvaddch(row, u->pane_w, sep);
	sbuf_free(&b);
}

/*
 * The prompt on the status line: what it asks, the pattern (its end when
 * it is wider than the line, after an ellipsis), and at the right the
 * modes that are not the default (a regex; Han variants off, or on
 * under --no-variants), then the error or the matches counted so far.
 */
static void
draw_prompt(struct ui *u)
{
	struct view *v = u->v;
	const struct input *in = &u->in;
	struct view_status vs;
	struct sbuf l = SBUF_INIT, r = SBUF_INIT;
	struct style es = style(u, C_CTL);
	const char *p;
	int y = u->lines - 1, rw = 0, pw, room, cx, ew = char_cols(0x2026);
	size_t skip = 0;
	uint32_t c;

	p = in->prompt == INPUT_FILTER ? _("filter /") :
	    in->prompt == INPUT_DATE ? _("Go to date: ") : in->backward ? "?" :
	    "/";
	util_safe_add(&l, in->line.s != NULL ? in->line.s : "", in->line.len,
	    1);
	/* The modes come first: they tell why a pattern is not found. */
	if (in->prompt == INPUT_SEARCH && in->regex)
		sbuf_adds(&r, _("[regex]"));
	if (in->prompt == INPUT_SEARCH && in->novariants !=
	    in->novariants_dflt)
		sbuf_printf(&r, "%s%s", r.len ? " " : "",
		    in->novariants ? _("[no variants]") : _("[variants]"));
	if (in->prompt_err != NULL) {
		sbuf_printf(&r, "%s%s", r.len ? " " : "", in->prompt_err);
	} else if (in->prompt == INPUT_SEARCH) {
		view_status(v, &vs);
		if (vs.have_match && in->line.len > 0) {
			sbuf_adds(&r, r.len ? " " : "");
			sbuf_printf(&r, vs.match_more ? _("%zu+ matches") :
			    P_("%zu match", "%zu matches", vs.match_n),
			    vs.match_n);
		}
	}
	pw = str_cols(p);
	/*
	 * The right part only when the pattern keeps 10 columns; an error
	 * takes what the pattern leaves, cut.
	 */
	if (r.len > 0 && (rw = str_cols(r.s)) + pw + 12 > u->cols) {
		rw = 0;
		if (in->prompt_err != NULL) {
			rw = u->cols - pw - (l.len > 0 ? str_cols(l.s) : 0) - 3;
			if (rw > u->cols - pw - 12)
				rw = u->cols - pw - 12;
		}
		if (rw < 6)
			rw = 0;
	}
	room = u->cols - pw - (rw > 0 ? rw + 2 : 0) - 1;
	blank(y, 0, u->cols, A_NORMAL, 0);
	cx = draw_str(y, 0, u->cols, p, A_NORMAL, 0);
	if (l.len > 0 && str_cols(l.s) > room && room > ew) {
		/* Scrolled: the end of the pattern, where the cursor is. */
		while (skip < l.len && str_cols(l.s + skip) > room - ew)
			skip += (size_t)util_u8_next(l.s + skip, l.len - skip,
			    &c);
		cx += draw_str(y, cx, ew, "\u2026", A_DIM, 0);
	}
	if (l.len > 0 && room > 0)
		cx += draw_str(y, cx, room, l.s + skip, A_NORMAL, 0);
	if (rw > 0)
		draw_cut(y, u->cols - rw - 1, rw, r.s, in->prompt_err != NULL ?
		    es.attr | A_BOLD : A_DIM, in->prompt_err != NULL ?
		    es.pair : 0);
	move(y, cx < u->cols ? cx : u->cols - 1);
	sbuf_free(&l);
	sbuf_free(&r);
}

/*
 * The left part of the status line in w columns: the message, or the
 * title and the section.  The section, which changes as one reads, gets
 * its room first, and the title, which never does, what is left (none
 * when that is under 6 columns); what is cut ends in an ellipsis.
 */
static void
draw_where(struct ui *u, const struct view_status *vs, int x, int w,
    struct style st)
{
	struct sbuf t = SBUF_INIT, sec = SBUF_INIT;
	const char *title;
	int tw, sw, used = 0;

	if (u->in.msg != NULL) {
		util_safe_add(&t, u->in.msg, strlen(u->in.msg), 1);
		draw_cut(u->lines - 1, x, w, t.s, st.attr | A_BOLD, st.pair);
		sbuf_free(&t);
		return;
	}
	title = source_title(u->src);
	if (title == NULL)
		title = u->o->name;
	util_safe_add(&t, title, strlen(title), 1);
	if (vs->section != NULL)
		util_safe_add(&sec, vs->section, strlen(vs->section), 1);
	tw = t.len > 0 ? str_cols(t.s) : 0;
	sw = sec.len > 0 ? str_cols(sec.s) : -3;
	if (tw + 3 + sw > w && sec.len > 0) {
		tw = w - 3 - sw;
		if (tw < 6)
			tw = 0;
	}
	if (tw > 0) {
		used = draw_cut(u->lines - 1, x, sec.len > 0 ? tw : w, t.s,
		    st.attr, st.pair);
		if (sec.len > 0 && used + 3 < w)
			used += draw_str(u->lines - 1, x + used, 3, " > ",
			    st.attr, st.pair);
	}
	if (sec.len > 0 && used < w)
		draw_cut(u->lines - 1, x + used, w - used, sec.s, st.attr,
		    st.pair);
	sbuf_free(&t);
	sbuf_free(&sec);
}

/*
 * What stands for the percent while a pipe is still read, when nothing is
 * known of the whole: how much has arrived, "reading 12 KiB".
 */
static void
reading_size(struct sbuf *s, size_t n, int cols)
{
	char size[32];

	if (n < 1024)
		snprintf(size, sizeof size, "%zu B", n);
	else if (n < (size_t)1 << 20)
		snprintf(size, sizeof size, "%zu KiB", n >> 10);
	else
		snprintf(size, sizeof size, "%zu MiB", n >> 20);
	if (cols >= 40)
		/* TRANSLATORS: %s is a size such as "12 KiB". */
		sbuf_printf(s, _("reading %s"), size);
	else
		sbuf_adds(s, size);
}

/*
 * The status line: where one is at the left, and at the right the date,
 * the match and the percent.  The percent is always there (but while a
 * pipe is still read: then the bytes that have arrived); the date and
 * then the match give way to it on a narrow screen.
 */
static void
draw_status(struct ui *u)
{
	struct view_status vs;
	struct sbuf r = SBUF_INIT, pct = SBUF_INIT, m = SBUF_INIT;
	struct style st = style(u, C_STATUS);
	int rw, y = u->lines - 1;

	if (u->in.prompt != INPUT_NONE) {
		draw_prompt(u);
		return;
	}
	view_status(u->v, &vs);
	if (!u->reading_stdin)
		sbuf_printf(&pct, "%3d%%", vs.percent);
	else
		reading_size(&pct, source_pipe_bytes(u->src), u->cols);
	if (vs.have_match && vs.match_i > 0)
		sbuf_printf(&m, _("match %zu/%zu%s"), vs.match_i, vs.match_n,
		    vs.match_more ? "+" : "");
	else if (vs.have_match)
		sbuf_printf(&m, _("match ?/%zu%s"), vs.match_n,
		    vs.match_more ? "+" : "");
	if (vs.date != NULL)
		util_safe_add(&r, vs.date, strlen(vs.date), 1);
	/*
	 * What the right part may take: all but 2 columns of margin, and
	 * the date only when it leaves the section 10 of them.
	 */
	if (r.len > 0 && str_cols(r.s) + 2 + (m.len > 0 ? str_cols(m.s) + 2 :
	    0) + (int)pct.len > u->cols - 12)
		sbuf_reset(&r);
	if (m.len > 0 && str_cols(m.s) + 2 + (int)pct.len > u->cols - 2)
		sbuf_reset(&m);
	if (m.len > 0)
		sbuf_printf(&r, "%s%s", r.len > 0 ? "  " : "", m.s);
	if (pct.len > 0)
		sbuf_printf(&r, "%s%s", r.len > 0 ? "  " : "", pct.s);
	blank(y, 0, u->cols, st.attr, st.pair);
	rw = r.len > 0 ? str_cols(r.s) : 0;
	if (rw + 1 >= u->cols) {
		draw_str(y, 0, u->cols, r.s, st.attr, st.pair);
	} else {
		if (u->cols - rw - 3 > 0)
			draw_where(u, &vs, 1, u->cols - rw - 3, st);
		if (rw > 0)
			draw_str(y, u->cols - rw - 1, rw, r.s, st.attr,
			    st.pair);
	}
	sbuf_free(&r);
	sbuf_free(&pct);
	sbuf_free(&m);
}

void
ui_draw_box(struct ui *u, const char *const *lines, size_t n, size_t sel,
    size_t nsel)
{
	size_t i;
	int w = 0, h, x, y, k;
	struct style st = style(u, C_STATUS), ss = style(u, C_PANEHEAD);

	h = (int)n + 2;
	for (i = 0; i < n; i++)
		if ((k = str_cols(lines[i])) > w)
			w = k;
	w += 4;
	if (w > u->cols)
		w = u->cols;
	if (h > u->lines)
		h = u->lines;
	x = (u->cols - w) / 2;
	y = (u->lines - h) / 2;
	/* Without colours the chosen lines are the box's reverse. */
	if (!u->color)
		ss.attr = A_BOLD;
	amb_drop(y, x, h, w);
	for (k = 0; k < h; k++)
		blank(y + k, x, w, st.attr, st.pair);
	for (i = 0; i < n && (int)i + 1 < h; i++) {
		if (i >= sel && i - sel < nsel) {
			blank(y + 1 + (int)i, x + 1, w - 2, ss.attr, ss.pair);
			draw_str(y + 1 + (int)i, x + 2, w - 3, lines[i],
			    ss.attr, ss.pair);
		} else
			draw_str(y + 1 + (int)i, x + 2, w - 3, lines[i],
			    st.attr | (i == 0 ? A_BOLD : 0), st.pair);
	}
}

static void
draw_help(struct ui *u)
{
	const char *const *help_lines = command_help();
	size_t n;

	for (n = 0; help_lines[n] != NULL; n++)
		;
	ui_draw_box(u, help_lines, n, SIZE_MAX, 0);
}

/*
 * JUAN_TRACE=FILE, a measuring hook (HACKING.md): the reader appends to
 * FILE how long it took, in milliseconds on the monotonic clock, from the
 * start of ui_run to its first screen ("first-screen MS"), and from reading
 * each key to the end of the screen that answers it ("key K MS"), for
 * tests/bench/run.
 */
static struct {
	FILE *f;
	double start, key;	/* ms; key < 0: no key waits for a screen */
	int first;		/* the first screen is drawn */
	char name[16];
} jtrace = { NULL, 0, -1, 0, "" };

static double
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void
ui_trace_open(void)
{
	const char *path = getenv("JUAN_TRACE");

	if (path != NULL && *path != '\0')
		jtrace.f = fopen(path, "ae");
	jtrace.start = mono_ms();
}

void
ui_trace_key(int is_key, wint_t ch)
{
	if (jtrace.f == NULL)
		return;
	jtrace.key = mono_ms();
	if (!is_key && ch > 32 && ch < 127)
		snprintf(jtrace.name, sizeof jtrace.name, "%c", (int)ch);
	else
		snprintf(jtrace.name, sizeof jtrace.name, "%s%ld",
		    is_key ? "k" : "c", (long)ch);
}

/* After a screen is drawn. */
static void
trace_drawn(void)
{
	if (jtrace.f == NULL)
		return;
	if (!jtrace.first) {
		jtrace.first = 1;
		fprintf(jtrace.f, "first-screen %.2f\n",
		    mono_ms() - jtrace.start);
	}
	if (jtrace.key >= 0) {
		fprintf(jtrace.f, "key %s %.2f\n", jtrace.name,
		    mono_ms() - jtrace.key);
		jtrace.key = -1;
	}
	fflush(jtrace.f);
}

void
ui_draw(struct ui *u)
{
	if (view_focus(u->v) != VIEW_FOCUS_PANE)
		view_pane_follow(u->v, pane_rows(u));
	draw_pane(u);
	draw_text(u);
	draw_status(u);
	if (u->help)
		draw_help(u);
	else if (u->links != NULL)
		ui_links_draw(u);
	ui_jump_draw(u);
	if (u->in.prompt == INPUT_NONE)
		move(u->lines - 1, u->cols - 1);
	/*
	 * The help box cuts through the text's characters at its edges;
	 * with overlays on screen, opening or closing it repaints all.
	 */
	if ((ambwide.on || ambwide.drawn) && u->help != u->help_drawn)
		clearok(curscr, TRUE);
	u->help_drawn = u->help;
	amb_touch();
	refresh();
	amb_flush();
	trace_drawn();
}

void
ui_trace_close(void)
{
	if (jtrace.f != NULL)
		fclose(jtrace.f);
	jtrace.f = NULL;
}

void
ui_set_ambwide(int on)
{
	ambwide.on = on;
}
