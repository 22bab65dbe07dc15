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
#include "juan/layout.h"
#include "juan/source.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "ui/ui.h"

#define PANE_MIN	10	/* narrowest side pane, columns */
#define TEXT_MIN	20	/* narrowest text pane beside a side pane */
#define COUNT_STEP	4000	/* matches counted between two key checks */
#define FILTER_STEP	5000	/* side pane rows filtered between two */

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

enum prompt_kind {
	P_NONE,			/* no prompt: the status line shows */
	P_SEARCH,		/* '/' or '?' in the text */
	P_FILTER		/* '/' in the side pane */
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

	long count;			/* the count typed before a key */
	int have_count;			/* a count was typed */
	int pending;			/* 'm' or '\'' awaiting a letter */
	int help;			/* the help overlay is shown */
	int quit;
	int show_boiler;		/* boilerplate blocks shown */
	char *msg;			/* status message, owned, or NULL */

	enum prompt_kind prompt;
	struct sbuf line;		/* the prompt's text */
	int backward;			/* prompt opened with '?' */
	int regex;			/* Ctrl-R: the pattern is a regex */
	size_t origin;			/* top_off when the prompt opened */
	char *old_pattern;		/* search before the prompt, owned */
	int old_backward;
	size_t hist_pos;		/* history index while browsing */
	char *prompt_err;		/* bad pattern message, owned */

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

	free(u->msg);
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	u->msg = sbuf_take(&b);
}

static void
clear_msg(struct ui *u)
{
	free(u->msg);
	u->msg = NULL;
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
	struct sbuf l = SBUF_INIT, r = SBUF_INIT;
	struct style st = style(u, C_STATUS);
	ssize_t s, e;
	size_t idx;
	const char *t;
	int rw, y = u->lines - 1;

	if (u->prompt != P_NONE) {
		struct style es = style(u, C_CTL);

		sbuf_adds(&l, u->prompt == P_FILTER ? "filter /" :
		    u->backward ? "?" : "/");
		if (u->regex && u->prompt == P_SEARCH)
			sbuf_adds(&r, "[regex] ");
		util_safe_add(&l, u->line.s != NULL ? u->line.s : "",
		    u->line.len, 1);
		blank(y, 0, u->cols, A_NORMAL, 0);
		rw = draw_str(y, 0, u->cols, l.s, A_NORMAL, 0);
		if (u->prompt_err != NULL && rw + 3 < u->cols)
			draw_str(y, rw + 2, u->cols - rw - 2, u->prompt_err,
			    es.attr | A_BOLD, es.pair);
		else if (r.len > 0 && rw + (int)r.len + 1 < u->cols)
			draw_str(y, u->cols - (int)r.len, (int)r.len, r.s,
			    A_DIM, 0);
		move(y, rw < u->cols ? rw : u->cols - 1);
		sbuf_free(&l);
		sbuf_free(&r);
		return;
	}
	if (u->msg != NULL) {
		util_safe_add(&l, u->msg, strlen(u->msg), 1);
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
		    (u->msg != NULL ? A_BOLD : 0), st.pair);
		draw_str(y, u->cols - rw - 1, rw, r.s, st.attr, st.pair);
	}
	sbuf_free(&l);
	sbuf_free(&r);
}

static const char *const help_lines[] = {
	"juan - keys",
	"",
	"j k Down Up     scroll a line (5j: five)",
	"Space f PgDn    a page down;  b PgUp  up",
	"d u             half a page down / up",
	"g Home  G End   start / end (42g: line 42)",
	"] [             next / previous section",
	"} {             next / previous date",
	"o t r           outline / timeline / results",
	"s               timeline by date or text",
	"Tab             text <-> side pane",
	"Enter           jump to the pane's item",
	"/ ?  n N        search, next, previous",
	"  in the prompt: Up Down history, ^R regex",
	"/ in the pane   filter it; Esc clears",
	"< > \\           narrow / widen / hide pane",
	"m<a-z> '<a-z>   set / go to a mark",
	"B               show boilerplate",
	"^L              redraw",
	"h F1            this help;  q  quit",
	"",
	"Press any key.",
};

static void
draw_help(struct ui *u)
{
	size_t i, n = sizeof help_lines / sizeof help_lines[0];
	int w = 0, h = (int)n + 2, x, y, k;
	struct style st = style(u, C_STATUS);

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
	if (u->prompt == P_NONE)
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

/* Says what a search step did; reverse: it went against the search. */
static void
search_result_msg(struct ui *u, int r, int reverse)
{
	struct view *v = u->v;
	int fwd = !v->backward != !!reverse;

	if (r < 0)
		set_msg(u, "Pattern not found");
	else if (r == 1)
		set_msg(u, "search hit %s, continuing at %s", fwd ? "BOTTOM" :
		    "TOP", fwd ? "TOP" : "BOTTOM");
}

static void
open_prompt(struct ui *u, enum prompt_kind k, int backward)
{
	struct view *v = u->v;

	u->prompt = k;
	u->backward = backward;
	sbuf_reset(&u->line);
	sbuf_adds(&u->line, "");
	u->origin = v->top_off;
	free(u->old_pattern);
	u->old_pattern = v->pattern != NULL && v->search != NULL ?
	    xstrdup(v->pattern) : NULL;
	u->old_backward = v->backward;
	u->hist_pos = u->hist.n;
	free(u->prompt_err);
	u->prompt_err = NULL;
	clear_msg(u);
	if (k == P_FILTER && v->filter != NULL)
		sbuf_adds(&u->line, v->filter);
}

/* Runs the search as typed so far (incremental). */
static void
prompt_update(struct ui *u)
{
	struct view *v = u->v;
	char *err = NULL;
	int r;

	free(u->prompt_err);
	u->prompt_err = NULL;
	if (u->prompt == P_FILTER) {
		view_set_filter(v, u->line.s);
		return;
	}
	v->top_off = u->origin;
	if (u->line.len == 0) {
		view_search_clear(v);
		return;
	}
	r = view_search_set(v, u->line.s, u->backward, u->regex, &err);
	if (r < 0) {
		u->prompt_err = xasprintf("bad pattern: %s", err);
		free(err);
		view_search_clear(v);
	} else if (r == 1) {
		u->prompt_err = xstrdup("not found");
	}
}

/* Puts back the search that was there before the prompt. */
static void
restore_search(struct ui *u)
{
	struct view *v = u->v;
	char *err = NULL;

	if (u->old_pattern != NULL) {
		view_search_set(v, u->old_pattern, u->old_backward, 0, &err);
		free(err);
		v->have_cur = 0;
	} else {
		view_search_clear(v);
	}
	v->top_off = u->origin;
}

static void
prompt_accept(struct ui *u)
{
	struct view *v = u->v;
	char *err = NULL;
	int r;

	if (u->prompt == P_FILTER) {
		/* The filter stays; Enter also jumps to the first row. */
		u->prompt = P_NONE;
		while (v->nitems == 0 && view_filter_step(v, FILTER_STEP))
			;
		if (v->nitems > 0) {
			view_pane_select(v, 0, pane_rows(u));
			view_pane_jump(v);
		}
		return;
	}
	u->prompt = P_NONE;
	if (u->prompt_err != NULL && u->line.len > 0 &&
	    strcmp(u->prompt_err, "not found") != 0) {
		set_msg(u, "%s", u->prompt_err);
		restore_search(u);
		return;
	}
	if (u->line.len == 0) {
		/* An empty pattern repeats the last search. */
		if (u->old_pattern == NULL) {
			set_msg(u, "No previous search pattern");
			v->top_off = u->origin;
			return;
		}
		r = view_search_set(v, u->old_pattern, u->backward, u->regex,
		    &err);
		free(err);
		v->top_off = u->origin;
		r = view_search_step(v, 0, 1);
		search_result_msg(u, r, 0);
		return;
	}
	if (view_history_add(&u->hist, u->state_dir, u->line.s) < 0 &&
	    u->state_dir != NULL)
		set_msg(u, "cannot save the search history: %s",
		    strerror(errno));
	if (!v->have_cur)
		set_msg(u, "Pattern not found: %s", u->line.s);
}

static void
prompt_cancel(struct ui *u)
{
	struct view *v = u->v;

	if (u->prompt == P_FILTER) {
		view_set_filter(v, NULL);
	} else {
		restore_search(u);
	}
	u->prompt = P_NONE;
}

static void
prompt_history(struct ui *u, int dir)
{
	if (u->prompt != P_SEARCH || u->hist.n == 0)
		return;
	if (dir < 0 && u->hist_pos > 0)
		u->hist_pos--;
	else if (dir > 0 && u->hist_pos < u->hist.n)
		u->hist_pos++;
	sbuf_reset(&u->line);
	sbuf_adds(&u->line, u->hist_pos < u->hist.n ?
	    u->hist.items[u->hist_pos] : "");
	prompt_update(u);
}

static void
prompt_key(struct ui *u, int is_key, wint_t ch)
{
	char mb[8];
	size_t n;

	if (is_key) {
		switch (ch) {
		case KEY_ENTER:
			prompt_accept(u);
			return;
		case KEY_BACKSPACE:
			break;
		case KEY_UP:
			prompt_history(u, -1);
			return;
		case KEY_DOWN:
			prompt_history(u, 1);
			return;
		default:
			return;
		}
	}
	if (!is_key && (ch == '\n' || ch == '\r')) {
		prompt_accept(u);
		return;
	}
	if (!is_key && ch == 27) {
		prompt_cancel(u);
		return;
	}
	if (!is_key && ch == 18) {	/* ^R */
		u->regex = !u->regex;
		prompt_update(u);
		return;
	}
	if (!is_key && ch == 21) {	/* ^U */
		sbuf_reset(&u->line);
		sbuf_adds(&u->line, "");
		prompt_update(u);
		return;
	}
	if ((is_key && ch == KEY_BACKSPACE) || ch == 127 || ch == 8) {
		if (u->line.len == 0) {
			prompt_cancel(u);
			return;
		}
		n = u->line.len - 1;
		while (n > 0 && ((unsigned char)u->line.s[n] & 0xC0) == 0x80)
			n--;
		u->line.len = n;
		u->line.s[n] = '\0';
		prompt_update(u);
		return;
	}
	if (ch < 32 || (ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF ||
	    (ch >= 0xD800 && ch <= 0xDFFF))
		return;
	/* Encode the character as UTF-8 whatever the locale. */
	if (ch < 0x80) {
		mb[0] = (char)ch;
		n = 1;
	} else if (ch < 0x800) {
		mb[0] = (char)(0xC0 | ch >> 6);
		mb[1] = (char)(0x80 | (ch & 0x3F));
		n = 2;
	} else if (ch < 0x10000) {
		mb[0] = (char)(0xE0 | ch >> 12);
		mb[1] = (char)(0x80 | (ch >> 6 & 0x3F));
		mb[2] = (char)(0x80 | (ch & 0x3F));
		n = 3;
	} else {
		mb[0] = (char)(0xF0 | ch >> 18);
		mb[1] = (char)(0x80 | (ch >> 12 & 0x3F));
		mb[2] = (char)(0x80 | (ch >> 6 & 0x3F));
		mb[3] = (char)(0x80 | (ch & 0x3F));
		n = 4;
	}
	if (u->line.len < 1000)
		sbuf_add(&u->line, mb, n);
	prompt_update(u);
}

static long
take_count(struct ui *u, long dflt)
{
	long n = u->have_count ? u->count : dflt;

	u->have_count = 0;
	u->count = 0;
	return n;
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

/* A key while the side pane has the focus; returns 0 if not handled. */
static int
pane_key(struct ui *u, int is_key, wint_t ch)
{
	struct view *v = u->v;
	int rows = pane_rows(u);

	if (is_key) {
		switch (ch) {
		case KEY_DOWN:
			view_pane_move(v, take_count(u, 1), rows);
			return 1;
		case KEY_UP:
			view_pane_move(v, -take_count(u, 1), rows);
			return 1;
		case KEY_NPAGE:
			view_pane_move(v, rows, rows);
			return 1;
		case KEY_PPAGE:
			view_pane_move(v, -rows, rows);
			return 1;
		case KEY_HOME:
			view_pane_select(v, 0, rows);
			return 1;
		case KEY_END:
			view_pane_select(v, v->nitems, rows);
			return 1;
		case KEY_ENTER:
			view_pane_jump(v);
			return 1;
		}
		return 0;
	}
	switch (ch) {
	case 'j':
		view_pane_move(v, take_count(u, 1), rows);
		return 1;
	case 'k':
		view_pane_move(v, -take_count(u, 1), rows);
		return 1;
	case ' ':
	case 'f':
		view_pane_move(v, rows, rows);
		return 1;
	case 'b':
		view_pane_move(v, -rows, rows);
		return 1;
	case 'g':
		view_pane_select(v, 0, rows);
		return 1;
	case 'G':
		view_pane_select(v, v->nitems, rows);
		return 1;
	case '\n':
	case '\r':
		if (view_pane_jump(v) < 0)
			set_msg(u, "Nothing to jump to");
		return 1;
	case '/':
		open_prompt(u, P_FILTER, 0);
		return 1;
	case 27:
		if (v->filter != NULL)
			view_set_filter(v, NULL);
		return 1;
	}
	return 0;
}

static void
text_key(struct ui *u, int is_key, wint_t ch)
{
	struct view *v = u->v;
	int rows = u->text_rows > 0 ? u->text_rows : 1;
	long n;

	if (is_key) {
		switch (ch) {
		case KEY_DOWN:
			view_scroll(v, take_count(u, 1));
			break;
		case KEY_UP:
			view_scroll(v, -take_count(u, 1));
			break;
		case KEY_NPAGE:
			view_scroll(v, take_count(u, 1) * rows);
			break;
		case KEY_PPAGE:
			view_scroll(v, -take_count(u, 1) * rows);
			break;
		case KEY_HOME:
			view_home(v);
			break;
		case KEY_END:
			view_end(v);
			break;
		case KEY_ENTER:
			view_scroll(v, take_count(u, 1));
			break;
		}
		return;
	}
	switch (ch) {
	case 'j':
	case 'e':
	case 5:		/* ^E */
	case 14:	/* ^N */
	case '\n':
	case '\r':
		view_scroll(v, take_count(u, 1));
		break;
	case 'k':
	case 'y':
	case 25:	/* ^Y */
	case 16:	/* ^P */
		view_scroll(v, -take_count(u, 1));
		break;
	case ' ':
	case 'f':
	case 6:		/* ^F */
	case 22:	/* ^V */
		view_scroll(v, take_count(u, 1) * rows);
		break;
	case 'b':
	case 2:		/* ^B */
		view_scroll(v, -take_count(u, 1) * rows);
		break;
	case 'd':
	case 4:		/* ^D */
		view_scroll(v, take_count(u, 1) * (rows + 1) / 2);
		break;
	case 'u':
	case 21:	/* ^U */
		view_scroll(v, -take_count(u, 1) * (rows + 1) / 2);
		break;
	case 'g':
	case 'G':
		if (u->have_count) {
			n = take_count(u, 1);
			if (n < 1)
				n = 1;
			if ((size_t)n > v->doc->buf->nlines)
				n = (long)v->doc->buf->nlines;
			view_goto(v, n > 0 ? buffer_line_start(v->doc->buf, n - 1) :
			    0);
		} else if (ch == 'g') {
			view_home(v);
		} else {
			view_end(v);
		}
		break;
	case '/':
	case '?':
		open_prompt(u, P_SEARCH, ch == '?');
		break;
	case 27:
		v->hl_off = v->hl_end = 0;
		break;
	}
	if (u->have_count && ch != 27)
		take_count(u, 1);
}

static void
key(struct ui *u, int is_key, wint_t ch)
{
	struct view *v = u->v;
	int r;

	if (u->help) {
		u->help = 0;
		return;
	}
	if (u->prompt != P_NONE) {
		prompt_key(u, is_key, ch);
		return;
	}
	if (is_key && ch == KEY_RESIZE) {
		geometry(u);
		return;
	}
	if (is_key && ch == KEY_MOUSE) {
		mouse_key(u);
		return;
	}
	if (u->pending) {
		int p = u->pending;

		u->pending = 0;
		if (is_key || ch < 'a' || ch > 'z') {
			set_msg(u, "Marks are letters a to z");
			return;
		}
		if (p == 'm') {
			view_mark_set(v, (int)ch);
			set_msg(u, "Mark %c set", (int)ch);
		} else if (view_mark_jump(v, (int)ch) < 0) {
			set_msg(u, "Mark %c is not set", (int)ch);
		}
		return;
	}
	if (!is_key && ch >= '0' && ch <= '9' && (u->have_count ||
	    ch != '0')) {
		if (u->count < 100000000)
			u->count = u->count * 10 + (long)(ch - '0');
		u->have_count = 1;
		return;
	}
	clear_msg(u);
	if (is_key && ch == KEY_F(1)) {
		u->help = 1;
		return;
	}
	if (!is_key) {
		switch (ch) {
		case 'q':
		case 'Q':
			u->quit = 1;
			return;
		case 'h':
		case 'H':
			u->help = 1;
			return;
		case '\t':
			if (u->pane_w == 0)
				set_msg(u, "The side pane is hidden (\\ "
				    "shows it)");
			else
				v->focus = v->focus == VIEW_FOCUS_TEXT ?
				    VIEW_FOCUS_PANE : VIEW_FOCUS_TEXT;
			return;
		case 'o':
			show_pane(u, VIEW_PANE_OUTLINE);
			return;
		case 't':
			show_pane(u, VIEW_PANE_TIMELINE);
			return;
		case 'r':
			show_pane(u, VIEW_PANE_RESULTS);
			return;
		case 's':
			if (v->pane == VIEW_PANE_TIMELINE) {
				view_toggle_tl_order(v);
				set_msg(u, "Timeline in %s order",
				    v->tl_by_date ? "date" : "text");
			}
			return;
		case '<':
			if (v->pane_pct > 15)
				v->pane_pct -= 5;
			geometry(u);
			return;
		case '>':
			if (v->pane_pct < 60)
				v->pane_pct += 5;
			geometry(u);
			return;
		case '\\':
			v->pane_hidden = !v->pane_hidden;
			geometry(u);
			return;
		case ']':
			if (view_next_section(v, take_count(u, 1)) < 0)
				set_msg(u, "No next section");
			return;
		case '[':
			if (view_prev_section(v, take_count(u, 1)) < 0)
				set_msg(u, "No previous section");
			return;
		case '}':
			if (view_next_entry(v, take_count(u, 1)) < 0)
				set_msg(u, v->tl == NULL || v->tl->n == 0 ?
				    "No dates in this text" :
				    "No next date");
			return;
		case '{':
			if (view_prev_entry(v, take_count(u, 1)) < 0)
				set_msg(u, v->tl == NULL || v->tl->n == 0 ?
				    "No dates in this text" :
				    "No previous date");
			return;
		case 'n':
		case 'N':
			if (v->search == NULL) {
				set_msg(u, "No previous search pattern");
				return;
			}
			r = view_search_step(v, ch == 'N', take_count(u, 1));
			search_result_msg(u, r, ch == 'N');
			return;
		case 'm':
		case '\'':
			u->pending = (int)ch;
			return;
		case 'B':
			u->show_boiler = !u->show_boiler;
			view_set_boilerplate(v, u->show_boiler);
			set_msg(u, "Boilerplate %s", u->show_boiler ?
			    "shown" : "hidden");
			return;
		case 12:	/* ^L */
			clearok(curscr, TRUE);
			return;
		}
	}
	if (v->focus == VIEW_FOCUS_PANE && pane_key(u, is_key, ch))
		return;
	text_key(u, is_key, ch);
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
 * How a key moves the text: 1 down (or to the end), -1 up, 2 to the
 * beginning, 0 otherwise.
 */
static int
tail_move(int is_key, wint_t ch)
{
	if (is_key)
		switch (ch) {
		case KEY_END: case KEY_NPAGE: case KEY_DOWN: case KEY_ENTER:
			return 1;
		case KEY_UP: case KEY_PPAGE:
			return -1;
		case KEY_HOME:
			return 2;
		default:
			return 0;
		}
	switch (ch) {
	case 'G': case 'j': case 'e': case 5: case 14: case '\n': case '\r':
	case ' ': case 'f': case 6: case 22: case 'd': case 4:
		return 1;
	case 'k': case 'y': case 'b': case 'u': case 25: case 16: case 11:
	case 2: case 21:
		return -1;
	case 'g':
		return 2;
	default:
		return 0;
	}
}

/*
 * Keys that move past what the preview holds, or need the whole text,
 * wait for it.
 */
static void
need_for_key(struct ui *u, int is_key, wint_t ch)
{
	struct view *v = u->v;

	if (!in_preview(u))
		return;
	if (source_shown(u->src) == SOURCE_TAIL &&
	    v->focus == VIEW_FOCUS_TEXT && !u->have_count) {
		/*
		 * At the end of the file: down is fine, g goes back to the
		 * beginning's preview, up is fine until near the tail's
		 * start, and what needs the whole text waits for it.
		 */
		/* A mark holds an offset of the whole text: wait for it. */
		if (!is_key && ch == 'm') {
			need_full(u);
			return;
		}
		switch (tail_move(is_key, ch)) {
		case 1:
			return;
		case 2:
			leave_tail(u);
			return;
		case -1:
			if (!source_covers(u->src, v->top_off, -1))
				need_full(u);
			return;
		}
	}
	if (v->focus == VIEW_FOCUS_TEXT && !u->have_count &&
	    ((is_key && ch == KEY_END) || (!is_key && ch == 'G')) &&
	    source_ready(u->src) == SOURCE_READY_PREVIEW &&
	    tail_preview(u) == 0)
		return;
	if (is_key) {
		if (ch == KEY_END || ch == KEY_NPAGE || ch == KEY_DOWN ||
		    ch == KEY_ENTER)
			goto near_end;
		return;
	}
	switch (ch) {
	case 'G': case '/': case '?': case 'n': case 'N': case ']':
	case '}': case '{': case '[': case '\'': case 'r': case 's':
		need_full(u);
		return;
	case 'g':
		if (u->have_count)
			need_full(u);
		return;
	case 'j': case 'e': case 5: case 14: case '\n': case '\r':
	case ' ': case 'f': case 6: case 22: case 'd': case 4:
		goto near_end;
	}
	return;
near_end:
	if (!source_covers(u->src, view_bottom(v), 1) || u->have_count)
		need_full(u);
}

static void
start(struct ui *u)
{
	char *warn = NULL;

	u->state_dir = view_state_dir();
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
	free(u->msg);
	free(u->old_pattern);
	free(u->prompt_err);
	sbuf_free(&u->line);
	source_free(u->src);
}

int
ui_run(const struct source_opts *so, const struct app_opts *o)
{
	struct ui u;
	struct ui_probe probe;
	wint_t ch;
	int r, amb, dirty = 1, fd, sig, drained = 0;
	char *err = NULL;

	memset(&u, 0, sizeof u);
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
				view_filter_step(u.v, FILTER_STEP);
				dirty = 1;
			} else if (u.v->search != NULL && !u.v->counted) {
				view_search_count(u.v, COUNT_STEP);
				dirty = 1;
			}
			continue;
		}
		drained = 0;
		trace_key(r == KEY_CODE_YES, ch);
		if (u.prompt == P_NONE && !u.help)
			need_for_key(&u, r == KEY_CODE_YES, ch);
		key(&u, r == KEY_CODE_YES, ch);
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
