/*
 * ui.c - the interactive reader: curses drawing and keys over a view.
 *
 * All the reader's state is in struct view (view.h), which knows nothing
 * of the terminal; this file draws it and turns keys into view calls.  The
 * screen is split into a side pane (left, pane_w columns, a header row and
 * the rows of the outline, timeline or search results), a one-column
 * separator, the text pane (text_w columns) and a status line at the
 * bottom that doubles as the search prompt.  Every document byte reaches
 * the terminal through the layout's cells (which show controls as visible
 * replacements) or through util_safe_add, never raw.
 *
 * The loop reads keys with a timeout, handles every key that is waiting
 * before it draws once (so a flood of keys or of resizes costs one
 * redraw), and between keys counts search matches a bounded number at a
 * time.  SIGINT, SIGTERM and SIGHUP only set a flag that the loop checks,
 * so that the terminal is restored by ordinary code, never from a signal
 * handler; ncurses itself handles SIGTSTP (Ctrl-Z, then fg redraws) and
 * SIGWINCH (a KEY_RESIZE key).
 *
 * The text comes from a source (source.h), which shows a long text from
 * previews of its beginning and end while a thread builds the whole; the
 * loop swaps each stage in as it arrives (bg_poll).  A key that needs the
 * whole text (a search, a move past the preview) waits for it, but for G,
 * which shows the end from the tail preview at once.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <unistr.h>

#include "juan/doc.h"
#include "juan/command.h"
#include "juan/input.h"
#include "juan/layout.h"
#include "juan/source.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "ui/ui.h"

#define PANE_MIN	10	/* narrowest side pane, columns */
#define TEXT_MIN	20	/* narrowest text pane beside a side pane */
#define COUNT_STEP	4000	/* matches counted between two key checks */

enum {
	C_HEADING = 1,		/* color pairs */
	C_TITLE,
	C_CAPTION,
	C_FIGURE,
	C_MATCH,
	C_CURMATCH,
	C_ENTRY,
	C_JUMP,
	C_CTL,
	C_STATUS,
	C_PANEHEAD,
	C_DIM
};

struct ui {
	const struct app_opts *o;
	struct source *src;		/* the text, in stages; owned */
	int reading_stdin;		/* the thread still reads stdin */
	int state_pending;		/* position to restore when the
					   whole document arrives */
	struct view *v;			/* owned */
	SCREEN *scr;			/* the curses screen */
	FILE *tty_in;			/* keys: stdin or /dev/tty */
	int color;			/* colors in use */
	int ascii_sep;			/* separator drawn as '|' */
	int help_drawn;			/* the help was up at the last draw */

	int lines, cols;		/* screen size */
	int pane_w;			/* side pane columns, 0 when none */
	int text_x, text_w;		/* text pane column and width */
	int text_rows;			/* rows of text (all but status) */

	int help;			/* the help overlay is shown */
	int quit;
	int show_boiler;		/* boilerplate blocks shown */
	struct input in;		/* count, marks, prompt, message */

	char *state_dir;		/* owned, or NULL */
	struct view_history hist;
};

static volatile sig_atomic_t ui_signal;
static SCREEN *ui_active;	/* for the exit paths */

static void
on_signal(int sig)
{
	ui_signal = sig;
}

/*
 * A crash still gives the terminal back before the default action (a core
 * dump) happens.  endwin() is not async-signal-safe, but the program is
 * ending anyway, and a terminal left in raw mode on the alternate screen
 * is the worse outcome.  Builds with AddressSanitizer keep its handler,
 * which reports the crash.
 */
static void
on_fatal(int sig)
{
	if (ui_active != NULL)
		endwin();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Restores the terminal when the program ends without quitting. */
static void
restore_at_exit(void)
{
	if (ui_active != NULL) {
		endwin();
		ui_active = NULL;
	}
}

static void
set_msg(struct ui *u, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
set_msg(struct ui *u, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	input_msg(&u->in, "%s", b.s != NULL ? b.s : "");
	sbuf_free(&b);
}

static void
clear_msg(struct ui *u)
{
	input_clear_msg(&u->in);
}

static int
pane_rows(const struct ui *u)
{
	return u->text_rows > 1 ? u->text_rows - 1 : 1;
}

/* Works out the geometry from the screen size and the pane settings. */
static void
geometry(struct ui *u)
{
	struct view *v = u->v;
	int w;

	getmaxyx(stdscr, u->lines, u->cols);
	if (u->lines < 1)
		u->lines = 1;
	if (u->cols < 1)
		u->cols = 1;
	u->text_rows = u->lines - 1;
	w = u->cols * v->pane_pct / 100;
	if (w < PANE_MIN)
		w = PANE_MIN;
	if (v->pane_hidden || u->cols - w - 1 < TEXT_MIN || u->text_rows < 2)
		w = 0;
	u->pane_w = w;
	u->text_x = w > 0 ? w + 1 : 0;
	u->text_w = u->cols - u->text_x;
	if (w == 0 && v->focus == VIEW_FOCUS_PANE)
		v->focus = VIEW_FOCUS_TEXT;
	view_resize(v, u->text_w, u->text_rows);
}

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
 * left of a character that has moved.
 */
struct overlay {
	int y, x;
	char s[4 * CCHARW_MAX + 1];	/* the cluster's UTF-8 bytes */
	attr_t attr;
	short pair;
};

static struct {
	int on;				/* ambiguous characters are wide */
	struct overlay *v;		/* this frame's characters */
	size_t n, cap;
	unsigned char *rows;		/* rows that held one last frame */
	int nrows;
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
 * Puts the characters wc (a cluster, NUL-ended) at y, x, in width columns
 * as the layout measured them.  A character curses would measure narrower
 * than it is drawn becomes an overlay.
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

	if (!ambwide.on || width != 2 || wcwidth(wc[0]) != 1) {
		if (setcchar(&cc, wc, attr, pair, NULL) == OK)
			mvadd_wch(y, x, &cc);
		return;
	}
	setcchar(&cc, sp, attr, pair, NULL);
	mvadd_wch(y, x, &cc);
	mvadd_wch(y, x + 1, &cc);
	if (ambwide.n == ambwide.cap) {
		ambwide.cap = ambwide.cap ? ambwide.cap * 2 : 64;
		ambwide.v = xreallocarray(ambwide.v, ambwide.cap, sizeof *ambwide.v);
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
		wrote = 1;
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
	case C_DIM:
		s.attr = u->color ? A_NORMAL : A_DIM;
		break;
	case C_MATCH:
		s.attr = u->color ? A_NORMAL : A_UNDERLINE | A_BOLD;
		break;
	case C_CURMATCH:
		s.attr = u->color ? A_BOLD : A_REVERSE | A_BOLD;
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

static void
init_colors(struct ui *u)
{
	const char *nc = getenv("NO_COLOR");

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
	init_pair(C_DIM, COLOR_BLUE, -1);
}

/* The ranges that color the text pane, collected for the screen. */
struct ranges {
	size_t (*r)[2];		/* n ranges [off, end) in order */
	size_t n, cap;
};

static void
ranges_add(void *arg, size_t a, size_t z)
{
	struct ranges *rs = arg;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		rs->r = xreallocarray(rs->r, rs->cap, sizeof *rs->r);
	}
	rs->r[rs->n][0] = a;
	rs->r[rs->n][1] = z > a ? z : a + 1;
	rs->n++;
}

/* Tells whether off is in one of rs from *i on (advancing *i). */
static int
in_ranges(const struct ranges *rs, size_t *i, size_t off)
{
	while (*i < rs->n && rs->r[*i][1] <= off)
		(*i)++;
	return *i < rs->n && rs->r[*i][0] <= off;
}

static void
draw_text(struct ui *u)
{
	struct view *v = u->v;
	const struct buffer *b = v->doc->buf;
	struct ranges ms = { NULL, 0, 0 }, es = { NULL, 0, 0 };
	const struct lcell *c;
	struct dline dl, nx;
	struct style base, st;
	size_t n, i, mi = 0, ei = 0, bottom, k;
	wchar_t wc[CCHARW_MAX + 1];
	int row, col, have, nw;
	uint32_t ch;

	for (row = 0; row < u->text_rows; row++)
		blank(row, u->text_x, u->text_w, A_NORMAL, 0);
	if (u->text_rows < 1)
		return;
	bottom = view_bottom(v);
	view_search_each(v, v->top_off, bottom, ranges_add, &ms);
	view_date_each(v, v->top_off, bottom, ranges_add, &es);
	have = layout_line_at(v->layout, v->top_off, &dl) == 0;
	for (row = 0; row < u->text_rows && have; row++) {
		base = style(u, 0);
		switch (dl.kind) {
		case DLINE_TITLE:
			base = style(u, C_TITLE);
			break;
		case DLINE_HEADING:
			base = style(u, C_HEADING);
			if (dl.level <= 1)
				base.attr |= A_UNDERLINE;
			break;
		case DLINE_CAPTION:
			base = style(u, C_CAPTION);
			break;
		case DLINE_FIGURE:
			base = style(u, C_FIGURE);
			break;
		case DLINE_BOILERPLATE:
			base = style(u, C_DIM);
			break;
		default:
			break;
		}
		n = layout_cells(v->layout, &dl, &c);
		col = 0;
		for (i = 0; i < n; i++) {
			if (col + c[i].width > u->text_w)
				break;
			st = base;
			if (in_ranges(&es, &ei, c[i].off))
				st = style(u, C_ENTRY);
			if (c[i].off >= v->hl_off && c[i].off < v->hl_end)
				st = style(u, C_JUMP);
			if (in_ranges(&ms, &mi, c[i].off))
				st = style(u, v->have_cur &&
				    c[i].off >= v->cur_off &&
				    (c[i].off < v->cur_end ||
				    c[i].off == v->cur_off) ? C_CURMATCH :
				    C_MATCH);
			if (c[i].repl[0] != '\0') {
				if (dl.kind != DLINE_FIGURE && st.pair == 0 &&
				    st.attr == base.attr)
					st = style(u, C_CTL);
				draw_str(row, u->text_x + col, c[i].width,
				    c[i].repl, st.attr, st.pair);
				col += c[i].width;
				continue;
			}
			if (c[i].width == 0)
				continue;
			/* The cluster's characters, as many as fit a cell. */
			nw = 0;
			for (k = c[i].off; k < c[i].off + c[i].len &&
			    nw < CCHARW_MAX;) {
				k += (size_t)util_u8_next(b->data + k,
				    c[i].off + c[i].len - k, &ch);
				wc[nw++] = (wchar_t)ch;
			}
			wc[nw] = L'\0';
			if (wcwidth(wc[0]) < 0) {
				wc[0] = 0xFFFD;
				wc[1] = L'\0';
			}
			put_cell(row, u->text_x + col, wc, c[i].width,
			    st.attr, st.pair);
			col += c[i].width;
		}
		have = layout_next(v->layout, &dl, &nx) == 0;
		dl = nx;
	}
	free(ms.r);
	free(es.r);
}

static int	 in_preview(const struct ui *);

static const char *
pane_name(const struct view *v)
{
	switch (v->pane) {
	case VIEW_PANE_OUTLINE:
		return "Outline";
	case VIEW_PANE_TIMELINE:
		return v->tl_by_date ? "Timeline" : "Timeline (text order)";
	default:
		return "Results";
	}
}

static void
draw_pane(struct ui *u)
{
	struct view *v = u->v;
	struct sbuf b = SBUF_INIT;
	struct style hs = style(u, C_PANEHEAD), ds = style(u, C_DIM);
	int row, rows = pane_rows(u), x, ind;
	size_t i;
	attr_t a;
	chtype sep;

	if (u->pane_w == 0)
		return;
	sbuf_printf(&b, " %s", pane_name(v));
	if (v->pane == VIEW_PANE_RESULTS && v->pattern != NULL) {
		sbuf_adds(&b, " ");
		util_safe_add(&b, v->pattern, strlen(v->pattern), 1);
	}
	if (v->filter != NULL) {
		sbuf_adds(&b, " /");
		util_safe_add(&b, v->filter, strlen(v->filter), 1);
	}
	sbuf_printf(&b, " (%zu%s)", v->nitems, v->fsearch != NULL ||
	    (v->pane == VIEW_PANE_RESULTS && v->search != NULL &&
	    !v->counted) ? "+" : "");
	/* What the thread is still building. */
	if (!source_complete(u->src) && (v->pane == VIEW_PANE_TIMELINE ||
	    in_preview(u)))
		sbuf_adds(&b, " reading...");
	blank(0, 0, u->pane_w, hs.attr | (v->focus == VIEW_FOCUS_PANE ?
	    A_BOLD : 0), hs.pair);
	draw_str(0, 0, u->pane_w, b.s, hs.attr | (v->focus ==
	    VIEW_FOCUS_PANE ? A_BOLD : 0), hs.pair);
	for (row = 1; row < u->text_rows; row++)
		blank(row, 0, u->pane_w, A_NORMAL, 0);
	if (v->nitems == 0) {
		const char *e = v->fsearch != NULL ? "(filtering...)" :
		    v->filter != NULL ? "(nothing matches)" :
		    v->pane == VIEW_PANE_OUTLINE ? "(no headings found)" :
		    v->pane == VIEW_PANE_TIMELINE ? "(no dates found)" :
		    v->search == NULL ? "(no search yet: /)" : "(no matches)";

		draw_str(1, 1, u->pane_w - 1, e, ds.attr, ds.pair);
	}
	for (row = 1, i = v->pane_top; row <= rows && i < v->nitems;
	    row++, i++) {
		sbuf_reset(&b);
		view_item_text(v, i, &b);
		a = A_NORMAL;
		if (i == v->sel)
			a = v->focus == VIEW_FOCUS_PANE ? A_REVERSE :
			    A_BOLD | A_UNDERLINE;
		ind = view_item(v, i).depth * 2;
		if (ind > u->pane_w / 3)
			ind = u->pane_w / 3;
		x = 1 + ind;
		if (i == v->sel)
			blank(row, 0, u->pane_w, a, 0);
		if (x < u->pane_w)
			draw_str(row, x, u->pane_w - x, b.s != NULL ? b.s :
			    "", a, 0);
	}
	sep = u->ascii_sep ? '|' : ACS_VLINE;
	for (row = 0; row < u->text_rows; row++)
		mvaddch(row, u->pane_w, sep);
	sbuf_free(&b);
}

static void
draw_status(struct ui *u)
{
	struct view *v = u->v;
	const struct input *in = &u->in;
	struct sbuf l = SBUF_INIT, r = SBUF_INIT;
	struct style st = style(u, C_STATUS);
	ssize_t s, e;
	size_t idx;
	const char *t;
	int rw, y = u->lines - 1;

	if (in->prompt != INPUT_NONE) {
		struct style es = style(u, C_CTL);

		sbuf_adds(&l, in->prompt == INPUT_FILTER ? "filter /" :
		    in->backward ? "?" : "/");
		if (in->regex && in->prompt == INPUT_SEARCH)
			sbuf_adds(&r, "[regex] ");
		util_safe_add(&l, in->line.s != NULL ? in->line.s : "",
		    in->line.len, 1);
		blank(y, 0, u->cols, A_NORMAL, 0);
		rw = draw_str(y, 0, u->cols, l.s, A_NORMAL, 0);
		if (in->prompt_err != NULL && rw + 3 < u->cols)
			draw_str(y, rw + 2, u->cols - rw - 2, in->prompt_err,
			    es.attr | A_BOLD, es.pair);
		else if (r.len > 0 && rw + (int)r.len + 1 < u->cols)
			draw_str(y, u->cols - (int)r.len, (int)r.len, r.s,
			    A_DIM, 0);
		move(y, rw < u->cols ? rw : u->cols - 1);
		sbuf_free(&l);
		sbuf_free(&r);
		return;
	}
	if (in->msg != NULL) {
		util_safe_add(&l, in->msg, strlen(in->msg), 1);
	} else {
		t = source_title(u->src);
		if (t == NULL)
			t = u->o->name;
		util_safe_add(&l, t, strlen(t), 1);
		s = view_section(v);
		if (s >= 0 && v->doc->sections[s].title != NULL &&
		    (v->doc->title_block < 0 || v->doc->sections[s].block !=
		    (size_t)v->doc->title_block)) {
			sbuf_adds(&l, " > ");
			t = v->doc->sections[s].title;
			util_safe_add(&l, t, strlen(t), 1);
		}
	}
	if ((e = view_date_entry(v)) >= 0)
		util_safe_add(&r, v->tl->entries[e].value,
		    strlen(v->tl->entries[e].value), 1);
	if (v->search != NULL && v->have_cur) {
		idx = view_search_index(v);
		if (idx > 0)
			sbuf_printf(&r, "%smatch %zu/%zu%s", r.len ? "  " : "",
			    idx, v->count, v->counted ? "" : "+");
		else
			sbuf_printf(&r, "%smatch ?/%zu%s", r.len ? "  " : "",
			    v->count, v->counted ? "" : "+");
	}
	sbuf_printf(&r, "%s%3d%%", r.len ? "  " : "", view_percent(v));
	blank(y, 0, u->cols, st.attr, st.pair);
	rw = str_cols(r.s);
	if (rw + 1 >= u->cols) {
		draw_str(y, 0, u->cols, r.s, st.attr, st.pair);
	} else {
		draw_str(y, 1, u->cols - rw - 3, l.s, st.attr |
		    (in->msg != NULL ? A_BOLD : 0), st.pair);
		draw_str(y, u->cols - rw - 1, rw, r.s, st.attr, st.pair);
	}
	sbuf_free(&l);
	sbuf_free(&r);
}

static void
draw_help(struct ui *u)
{
	const char *const *help_lines = command_help();
	size_t i, n;
	int w = 0, h, x, y, k;
	struct style st = style(u, C_STATUS);

	for (n = 0; help_lines[n] != NULL; n++)
		;
	h = (int)n + 2;
	for (i = 0; i < n; i++)
		if ((k = str_cols(help_lines[i])) > w)
			w = k;
	w += 4;
	if (w > u->cols)
		w = u->cols;
	if (h > u->lines)
		h = u->lines;
	x = (u->cols - w) / 2;
	y = (u->lines - h) / 2;
	amb_drop(y, x, h, w);
	for (k = 0; k < h; k++)
		blank(y + k, x, w, st.attr, st.pair);
	for (i = 0; i < n && (int)i + 1 < h; i++)
		draw_str(y + 1 + (int)i, x + 2, w - 3, help_lines[i],
		    st.attr | (i == 0 ? A_BOLD : 0), st.pair);
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

static void
trace_open(void)
{
	const char *path = getenv("JUAN_TRACE");

	if (path != NULL && *path != '\0')
		jtrace.f = fopen(path, "ae");
	jtrace.start = mono_ms();
}

static void
trace_key(int is_key, wint_t ch)
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

static void
draw(struct ui *u)
{
	if (u->v->focus == VIEW_FOCUS_TEXT)
		view_pane_follow(u->v, pane_rows(u));
	draw_pane(u);
	draw_text(u);
	draw_status(u);
	if (u->help)
		draw_help(u);
	if (u->in.prompt == INPUT_NONE)
		move(u->lines - 1, u->cols - 1);
	/*
	 * The help box cuts through the text's characters at its edges;
	 * with overlays on screen, opening or closing it repaints all.
	 */
	if (ambwide.on && u->help != u->help_drawn)
		clearok(curscr, TRUE);
	u->help_drawn = u->help;
	amb_touch();
	refresh();
	amb_flush();
	trace_drawn();
}

/* Sets the side pane's mode, showing the pane if it was hidden. */
static void
show_pane(struct ui *u, enum view_pane p)
{
	struct view *v = u->v;

	v->pane_hidden = 0;
	view_set_pane(v, p);
	geometry(u);
	view_pane_follow(v, pane_rows(u));
	if (u->pane_w == 0)
		set_msg(u, "The screen is too narrow for the side pane");
}

static void
mouse_key(struct ui *u)
{
	struct view *v = u->v;
	MEVENT me;
	size_t i;

	if (getmouse(&me) != OK)
		return;
	if (me.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		long d = me.bstate & BUTTON4_PRESSED ? -3 : 3;

		if (me.x < u->pane_w)
			view_pane_select(v, d < 0 ? (v->pane_top > 3 ?
			    v->pane_top - 3 : 0) : v->pane_top + 3 +
			    (size_t)pane_rows(u) - 1, pane_rows(u));
		else
			view_scroll(v, d);
		return;
	}
	if (!(me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_RELEASED)))
		return;
	if (me.x < u->pane_w && me.y >= 1 && me.y <= pane_rows(u)) {
		i = v->pane_top + (size_t)me.y - 1;
		if (i < v->nitems) {
			view_pane_select(v, i, pane_rows(u));
			view_pane_jump(v);
		}
	}
}

/* The key curses read, as juan's own key code (command.h). */
static uint32_t
ui_key(int is_key, wint_t ch)
{
	static const struct {
		int curses;
		uint32_t key;
	} keys[] = {
		{ KEY_DOWN, CMD_KEY_DOWN }, { KEY_UP, CMD_KEY_UP },
		{ KEY_NPAGE, CMD_KEY_NPAGE }, { KEY_PPAGE, CMD_KEY_PPAGE },
		{ KEY_HOME, CMD_KEY_HOME }, { KEY_END, CMD_KEY_END },
		{ KEY_ENTER, CMD_KEY_ENTER },
		{ KEY_BACKSPACE, CMD_KEY_BACKSPACE },
		{ KEY_F(1), CMD_KEY_F1 }, { KEY_RESIZE, CMD_KEY_RESIZE },
		{ KEY_MOUSE, CMD_KEY_MOUSE }
	};
	size_t i;

	if (!is_key)
		return ch <= 0x10FFFF ? (uint32_t)ch : CMD_KEY_OTHER;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i].curses == (int)ch)
			return keys[i].key;
	return CMD_KEY_OTHER;
}

/* Goes to line n (a count: 1-based), within the text. */
static void
goto_line(struct view *v, long n)
{
	const struct buffer *b = v->doc->buf;

	if (n < 1)
		n = 1;
	if ((size_t)n > b->nlines)
		n = (long)b->nlines;
	view_goto(v, n > 0 ? buffer_line_start(b, (size_t)n - 1) : 0);
}

/* The commands that move the text or the side pane's selection. */
static int
move_cmd(struct ui *u, enum command c, long n, int have)
{
	struct view *v = u->v;
	int rows = u->text_rows > 0 ? u->text_rows : 1, prows = pane_rows(u);

	switch (c) {
	case CMD_LINE_DOWN: view_scroll(v, n); break;
	case CMD_LINE_UP: view_scroll(v, -n); break;
	case CMD_PAGE_DOWN: view_scroll(v, n * rows); break;
	case CMD_PAGE_UP: view_scroll(v, -n * rows); break;
	case CMD_HALF_DOWN: view_scroll(v, n * (rows + 1) / 2); break;
	case CMD_HALF_UP: view_scroll(v, -n * (rows + 1) / 2); break;
	case CMD_HOME: view_home(v); break;
	case CMD_BOTTOM: view_end(v); break;
	case CMD_START:
	case CMD_END:
		if (have)
			goto_line(v, n);
		else if (c == CMD_START)
			view_home(v);
		else
			view_end(v);
		break;
	case CMD_ITEM_DOWN: view_pane_move(v, n, prows); break;
	case CMD_ITEM_UP: view_pane_move(v, -n, prows); break;
	case CMD_ITEM_PAGE_DOWN: view_pane_move(v, prows, prows); break;
	case CMD_ITEM_PAGE_UP: view_pane_move(v, -prows, prows); break;
	case CMD_ITEM_FIRST: view_pane_select(v, 0, prows); break;
	case CMD_ITEM_LAST: view_pane_select(v, v->nitems, prows); break;
	case CMD_SECTION_NEXT:
		if (view_next_section(v, n) < 0)
			set_msg(u, "No next section");
		break;
	case CMD_SECTION_PREV:
		if (view_prev_section(v, n) < 0)
			set_msg(u, "No previous section");
		break;
	case CMD_DATE_NEXT:
	case CMD_DATE_PREV:
		if ((c == CMD_DATE_NEXT ? view_next_entry(v, n) :
		    view_prev_entry(v, n)) < 0)
			set_msg(u, v->tl == NULL || v->tl->n == 0 ?
			    "No dates in this text" : c == CMD_DATE_NEXT ?
			    "No next date" : "No previous date");
		break;
	default:
		return 0;
	}
	return 1;
}

/* The commands of the side pane, search, marks and the rest. */
static void
other_cmd(struct ui *u, enum command c, long n, uint32_t key)
{
	struct view *v = u->v;
	int r;

	switch (c) {
	case CMD_OUTLINE: show_pane(u, VIEW_PANE_OUTLINE); break;
	case CMD_TIMELINE: show_pane(u, VIEW_PANE_TIMELINE); break;
	case CMD_RESULTS: show_pane(u, VIEW_PANE_RESULTS); break;
	case CMD_TL_ORDER:
		if (v->pane == VIEW_PANE_TIMELINE) {
			view_toggle_tl_order(v);
			set_msg(u, "Timeline in %s order",
			    v->tl_by_date ? "date" : "text");
		}
		break;
	case CMD_FOCUS:
		if (u->pane_w == 0)
			set_msg(u, "The side pane is hidden (\\ shows it)");
		else
			v->focus = v->focus == VIEW_FOCUS_TEXT ?
			    VIEW_FOCUS_PANE : VIEW_FOCUS_TEXT;
		break;
	case CMD_ITEM_JUMP:
		if (view_pane_jump(v) < 0)
			set_msg(u, "Nothing to jump to");
		break;
	case CMD_FILTER:
		input_open_prompt(&u->in, v, INPUT_FILTER, 0);
		break;
	case CMD_FILTER_CLEAR:
		if (v->filter != NULL)
			view_set_filter(v, NULL);
		break;
	case CMD_SEARCH:
	case CMD_SEARCH_BACK:
		input_open_prompt(&u->in, v, INPUT_SEARCH,
		    c == CMD_SEARCH_BACK);
		break;
	case CMD_MATCH_NEXT:
	case CMD_MATCH_PREV:
		if (v->search == NULL) {
			set_msg(u, "No previous search pattern");
			break;
		}
		r = view_search_step(v, c == CMD_MATCH_PREV, n);
		input_search_msg(&u->in, v, r, c == CMD_MATCH_PREV);
		break;
	case CMD_UNHIGHLIGHT: v->hl_off = v->hl_end = 0; break;
	case CMD_PANE_NARROW:
		if (v->pane_pct > 15)
			v->pane_pct -= 5;
		geometry(u);
		break;
	case CMD_PANE_WIDEN:
		if (v->pane_pct < 60)
			v->pane_pct += 5;
		geometry(u);
		break;
	case CMD_PANE_HIDE:
		v->pane_hidden = !v->pane_hidden;
		geometry(u);
		break;
	case CMD_MARK_SET:
	case CMD_MARK_JUMP: u->in.pending = (int)key; break;
	case CMD_BOILERPLATE:
		u->show_boiler = !u->show_boiler;
		view_set_boilerplate(v, u->show_boiler);
		set_msg(u, "Boilerplate %s", u->show_boiler ? "shown" :
		    "hidden");
		break;
	case CMD_REDRAW: clearok(curscr, TRUE); break;
	case CMD_HELP: u->help = 1; break;
	case CMD_QUIT: u->quit = 1; break;
	default: break;
	}
}

/* The command of key in the current focus, or NULL. */
static const struct command_row *
key_row(const struct ui *u, uint32_t key)
{
	return command_find(key, u->v->focus == VIEW_FOCUS_PANE);
}

static void
key(struct ui *u, uint32_t k)
{
	const struct command_row *row;
	int have;
	long n;

	if (u->help) {
		u->help = 0;
		return;
	}
	if (u->in.prompt != INPUT_NONE) {
		input_prompt_key(&u->in, u->v, k, pane_rows(u));
		return;
	}
	if (k == CMD_KEY_RESIZE) {
		geometry(u);
		return;
	}
	if (k == CMD_KEY_MOUSE) {
		mouse_key(u);
		return;
	}
	if (input_letter(&u->in, u->v, k) || input_count_key(&u->in, k))
		return;
	clear_msg(u);
	row = key_row(u, k);
	/* A command takes the count, or forgets it. */
	have = u->in.have_count;
	n = input_take_count(&u->in, 1);
	if (row == NULL)
		return;
	if (!(row->flags & CMD_F_COUNT))
		n = 1;
	if (!move_cmd(u, row->cmd, n, have))
		other_cmd(u, row->cmd, n, k);
}

static int
open_terminal(struct ui *u)
{
	int fd;

	if (isatty(STDIN_FILENO)) {
		u->tty_in = stdin;
		return 0;
	}
	/* The text came from a pipe: keys come from the terminal. */
	if ((fd = open("/dev/tty", O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if ((u->tty_in = fdopen(fd, "r")) == NULL) {
		close(fd);
		return -1;
	}
	return 0;
}

static void
install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal must interrupt the wait for a key. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGABRT, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);
#ifndef __SANITIZE_ADDRESS__
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
#endif
}

/* The place the view shows, in the offsets of the text it shows. */
static struct source_place
place_of(const struct view *v)
{
	struct source_place p;

	memset(&p, 0, sizeof p);
	p.top_off = v->top_off;
	p.hl_off = v->hl_off;
	p.hl_end = v->hl_end;
	return p;
}

/* Shows what the source gives now, with the highlight of p. */
static void
show_source(struct ui *u, const struct source_place *p)
{
	struct view *v = u->v;

	v->hl_off = p->hl_off;
	v->hl_end = p->hl_end;
	v->base_off = source_base_off(u->src);
	v->total_len = source_total_len(u->src);
	view_set_doc_sorted(v, source_doc(u->src), source_timeline(u->src),
	    source_take_order(u->src));
}

static void	 load_state(struct ui *);

/* Swaps in what the source has finished; 1 when anything changed. */
static int
bg_poll(struct ui *u)
{
	struct source_place p;
	int r, any = 0;

	for (;;) {
		p = place_of(u->v);
		if ((r = source_poll(u->src, &p)) == 0)
			return any;
		any = 1;
		if (r & SOURCE_FAILED) {
			/* The text could not be loaded after all: give up. */
			u->quit = 1;
			return 1;
		}
		show_source(u, &p);
		if ((r & SOURCE_MOVED) && p.to_end)
			view_end(u->v);
		else if (r & SOURCE_MOVED)
			view_goto(u->v, p.top_off);
		if (r & SOURCE_GOT_DOC) {
			if (u->reading_stdin) {
				u->reading_stdin = 0;
				clear_msg(u);
			}
			if (u->state_pending) {
				u->state_pending = 0;
				load_state(u);
			}
		}
	}
}

/* Shows the end of the text from its tail; -1 when there is none. */
static int
tail_preview(struct ui *u)
{
	struct source_place p = place_of(u->v);

	if (source_tail(u->src, &p) < 0)
		return -1;
	/* The user has moved: a saved place must not move them back. */
	u->state_pending = 0;
	show_source(u, &p);
	return 0;
}

/* Back from the tail to the preview of the beginning. */
static void
leave_tail(struct ui *u)
{
	struct source_place p = place_of(u->v);

	source_head(u->src, &p);
	show_source(u, &p);
}

/* Tells whether the view still shows a preview. */
static int
in_preview(const struct ui *u)
{
	return source_loading(u->src);
}

static void	 draw(struct ui *);

/* Waits for the whole document (Ctrl-C still works). */
static void
need_full(struct ui *u)
{
	if (!in_preview(u))
		return;
	set_msg(u, "Reading the whole text...");
	draw(u);
	source_wait(u->src, &ui_signal);
	clear_msg(u);
	bg_poll(u);
}

/*
 * Keys that move past what the preview holds, or need the whole text,
 * wait for it (the flags of their commands, command.h).
 */
static void
need_for_key(struct ui *u, uint32_t k)
{
	struct view *v = u->v;
	const struct command_row *row;
	int text = v->focus == VIEW_FOCUS_TEXT, have = u->in.have_count;
	unsigned f;

	if (!in_preview(u) || (row = key_row(u, k)) == NULL)
		return;
	f = row->flags;
	if (source_shown(u->src) == SOURCE_TAIL && text && !have) {
		/*
		 * At the end of the file: down is fine, g goes back to the
		 * beginning's preview, up is fine until near the tail's
		 * start, and what needs the whole text waits for it.  A
		 * mark holds an offset of the whole text: wait for it.
		 */
		if (row->cmd == CMD_MARK_SET)
			need_full(u);
		else if (f & CMD_F_DOWN)
			return;
		else if (f & CMD_F_TOP)
			leave_tail(u);
		else if ((f & CMD_F_UP) &&
		    !source_covers(u->src, v->top_off, -1))
			need_full(u);
		if (f & (CMD_F_UP | CMD_F_TOP) || row->cmd == CMD_MARK_SET)
			return;
	}
	/* G shows the end from the tail preview while the whole loads. */
	if (text && !have && (row->cmd == CMD_END || row->cmd == CMD_BOTTOM) &&
	    source_ready(u->src) == SOURCE_READY_PREVIEW &&
	    tail_preview(u) == 0)
		return;
	if ((f & CMD_F_WHOLE) || (have && (f & CMD_F_TOP)))
		need_full(u);
	else if ((f & CMD_F_DOWN) && (have ||
	    !source_covers(u->src, view_bottom(v), 1)))
		need_full(u);
}

static void
start(struct ui *u)
{
	char *warn = NULL;

	u->state_dir = view_state_dir();
	u->in.state_dir = u->state_dir;
	if (u->state_dir != NULL) {
		view_history_load(&u->hist, u->state_dir, &warn);
		if (warn != NULL) {
			set_msg(u, "warning: %s", warn);
			free(warn);
			warn = NULL;
		}
		if (in_preview(u))
			u->state_pending = 1;
		else
			load_state(u);
	}
}

/* Restores the position saved for this file by an earlier run. */
static void
load_state(struct ui *u)
{
	char *warn = NULL;

	if (u->state_dir == NULL || u->o->file == NULL ||
	    strcmp(u->o->file, "-") == 0 || u->o->is_guide)
		return;
	view_state_load(u->v, u->state_dir, u->o->file, &warn);
	if (warn != NULL) {
		set_msg(u, "warning: %s", warn);
		free(warn);
	}
}

static void
finish(struct ui *u)
{
	/*
	 * A position not restored yet must not be overwritten, and the
	 * tail preview's offsets are not the whole text's: the place is
	 * not saved then.
	 */
	if (u->state_pending || source_shown(u->src) == SOURCE_TAIL)
		return;
	if (u->state_dir != NULL && u->o->file != NULL &&
	    strcmp(u->o->file, "-") != 0 && !u->o->is_guide)
		(void)view_state_save(u->v, u->state_dir, u->o->file);
}

/*
 * Frees everything.  A thread still reading the text is told to stop and
 * frees what it built when it ends (source_free).
 */
static void
ui_free(struct ui *u)
{
	view_free(u->v);
	view_history_free(&u->hist);
	free(u->state_dir);
	input_free(&u->in);
	source_free(u->src);
}

int
ui_run(const struct source_opts *so, const struct app_opts *o)
{
	struct ui u;
	struct ui_probe probe;
	wint_t ch;
	uint32_t k;
	int r, amb, dirty = 1, fd, sig, drained = 0;
	char *err = NULL;

	memset(&u, 0, sizeof u);
	input_init(&u.in, &u.hist, NULL);
	trace_open();
	u.o = o;
	if (open_terminal(&u) < 0) {
		fprintf(stderr, "juan: cannot open the terminal: %s\n",
		    strerror(errno));
		return 1;
	}
	/*
	 * The terminal's answer to the width question travels while the
	 * preview is built.
	 */
	amb = o->ambiwidth;
	fd = -1;
	if (amb == 0) {
		fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
		if (fd < 0 || ui_probe_ask(&probe, fd) < 0)
			amb = 1;
	}
	u.src = source_open(so, &err);
	if (amb == 0)
		amb = ui_probe_answer(&probe);
	if (fd >= 0)
		close(fd);
	if (u.src == NULL) {
		fprintf(stderr, "juan: %s: %s\n", o->name, err);
		free(err);
		if (u.tty_in != stdin)
			fclose(u.tty_in);
		return 1;
	}

	if ((u.scr = newterm(NULL, stdout, u.tty_in)) == NULL) {
		fprintf(stderr, "juan: cannot use the terminal '%s'\n",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		ui_free(&u);
		return 1;
	}
	ui_active = u.scr;
	atexit(restore_at_exit);
	install_signals();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	init_colors(&u);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	u.ascii_sep = amb == 2;
	ambwide.on = amb == 2;

	u.v = view_new(source_doc(u.src), source_timeline(u.src), 1, 1, amb);
	u.v->total_len = source_total_len(u.src);
	geometry(&u);
	start(&u);
	u.reading_stdin = source_reading_pipe(u.src);
	if (u.reading_stdin)
		set_msg(&u, "Reading standard input... (q quits)");

	while (!u.quit && ui_signal == 0) {
		/* Take in what the thread has finished, as it finishes. */
		if (!source_complete(u.src) && bg_poll(&u))
			dirty = 1;
		if (u.quit)
			break;
		if (dirty && drained) {
			draw(&u);
			dirty = 0;
			source_start(u.src);
		}
		/* Count matches between keys while nothing is typed. */
		timeout(dirty || u.v->fsearch != NULL ? 0 : u.v->search !=
		    NULL && !u.v->counted ? 0 : !source_complete(u.src) ? 100 :
		    1000);
		r = get_wch(&ch);
		if (r == ERR) {
			drained = 1;
			if (u.v->fsearch != NULL) {
				view_filter_step(u.v, INPUT_FILTER_STEP);
				dirty = 1;
			} else if (u.v->search != NULL && !u.v->counted) {
				view_search_count(u.v, COUNT_STEP);
				dirty = 1;
			}
			continue;
		}
		drained = 0;
		trace_key(r == KEY_CODE_YES, ch);
		k = ui_key(r == KEY_CODE_YES, ch);
		if (u.in.prompt == INPUT_NONE && !u.help)
			need_for_key(&u, k);
		key(&u, k);
		dirty = 1;
	}
	sig = ui_signal;
	finish(&u);
	endwin();
	ui_active = NULL;
	delscreen(u.scr);
	if (u.tty_in != stdin)
		fclose(u.tty_in);
	if (source_error(u.src) != NULL) {
		fprintf(stderr, "juan: %s: %s\n", o->name,
		    source_error(u.src));
		ui_free(&u);
		return 1;
	}
	ui_free(&u);
	if (jtrace.f != NULL)
		fclose(jtrace.f);
	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return 0;
}
