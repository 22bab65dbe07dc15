/*
 * ui.c - the interactive reader: curses drawing and keys over a view.
 *
 * All the reader's state is in struct view (view.h, opaque), which knows
 * nothing of the terminal: it says what the text pane's rows and the
 * status line show (view_paint_rows, view_status), and this file maps
 * their styles to curses attributes and draws them.  Keys become juan's
 * key codes (ui_key) and run the command table's commands (command.h),
 * with the count and the prompt kept by struct input (input.h).  The
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
 * handler (SIGINT, Ctrl-C, with the prompt open only cancels it); ncurses itself handles SIGTSTP (Ctrl-Z, then fg redraws) and
 * SIGWINCH (a KEY_RESIZE key).
 *
 * The text comes from a source (source.h), which shows a long text from
 * previews of its beginning and end while a thread builds the whole; the
 * loop swaps each stage in as it arrives (bg_poll).  A key that needs the
 * whole text (a move past the preview) waits for it, but for G, which
 * shows the end from the tail preview at once, and search, which looks in
 * the file's bytes and shows a match from a window around it
 * (search_land).
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

#include "juan/chrono.h"
#include "juan/doc.h"
#include "juan/command.h"
#include "juan/input.h"
#include "juan/layout.h"
#include "juan/format.h"
#include "juan/source.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "ui/ui.h"
#include "ui/ui-int.h"

#define PANE_MIN	10	/* narrowest side pane, columns */
#define TEXT_MIN	20	/* narrowest text pane beside a side pane */
#define COUNT_STEP	4000	/* matches counted between two key checks */

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
	w = u->cols * view_pane_pct(v) / 100;
	if (w < PANE_MIN)
		w = PANE_MIN;
	if (view_pane_hidden(v) || u->cols - w - 1 < TEXT_MIN ||
	    u->text_rows < 2)
		w = 0;
	u->pane_w = w;
	u->text_x = w > 0 ? w + 1 : 0;
	u->text_w = u->cols - u->text_x;
	ui_conf_measure(u);
	if (w == 0 && view_focus(v) != VIEW_FOCUS_TEXT)
		view_set_focus(v, VIEW_FOCUS_TEXT);
	if (view_focus(v) == VIEW_FOCUS_HIST && hist_rows(u) == 0)
		view_set_focus(v, VIEW_FOCUS_PANE);
	view_set_pane_cols(v, w > 1 ? w - 1 : 0);
	view_resize(v, u->text_w, u->text_rows);
}

/* Sets the side pane's mode, showing the pane if it was hidden. */
static void
show_pane(struct ui *u, enum view_pane p)
{
	struct view *v = u->v;

	view_set_pane_hidden(v, 0);
	view_set_pane(v, p);
	if (p != VIEW_PANE_TIMELINE && view_focus(v) == VIEW_FOCUS_HIST)
		view_set_focus(v, VIEW_FOCUS_PANE);
	geometry(u);
	view_pane_follow(v, pane_rows(u));
	if (u->pane_w == 0)
		set_msg(u, "%s",
		    _("The screen is too narrow for the side pane"));
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
			view_pane_select(v, d < 0 ? (view_pane_top(v) > 3 ?
			    view_pane_top(v) - 3 : 0) : view_pane_top(v) + 3 +
			    (size_t)pane_rows(u) - 1, pane_rows(u));
		else
			view_scroll(v, d);
		return;
	}
	if (!(me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_RELEASED)))
		return;
	if (me.x < u->pane_w && me.y >= 1 + hist_rows(u) &&
	    me.y <= pane_rows(u) + hist_rows(u)) {
		i = view_pane_top(v) + (size_t)(me.y - 1 - hist_rows(u));
		if (i < view_nitems(v)) {
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
		{ KEY_MOUSE, CMD_KEY_MOUSE }, { KEY_LEFT, CMD_KEY_LEFT },
		{ KEY_RIGHT, CMD_KEY_RIGHT }
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
	const struct buffer *b = view_doc(v)->buf;

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
	case CMD_ITEM_LAST: view_pane_select(v, view_nitems(v), prows); break;
	case CMD_SECTION_NEXT:
		if (view_next_section(v, n) < 0)
			set_msg(u, "%s", _("No next section"));
		break;
	case CMD_SECTION_PREV:
		if (view_prev_section(v, n) < 0)
			set_msg(u, "%s", _("No previous section"));
		break;
	case CMD_DATE_NEXT:
	case CMD_DATE_PREV:
		if ((c == CMD_DATE_NEXT ? view_next_entry(v, n) :
		    view_prev_entry(v, n)) < 0)
			set_msg(u, "%s", view_timeline(v) == NULL ||
			    view_timeline(v)->n == 0 ?
			    _("No dates in this text") : c == CMD_DATE_NEXT ?
			    _("No next date") : _("No previous date"));
		break;
	default:
		return 0;
	}
	return 1;
}

/* The commands of the timeline pane, its histogram and @. */
static void
ui_tl_cmd(struct ui *u, enum command c, long n)
{
	struct view *v = u->v;
	const struct chrono_hist *h;
	char lab[32];

	switch (c) {
	case CMD_TL_ORDER:
	case CMD_TL_CITE:
		if (view_pane(v) != VIEW_PANE_TIMELINE)
			break;
		if (c == CMD_TL_ORDER) {
			view_toggle_tl_order(v);
			set_msg(u, "%s", view_tl_by_date(v) ?
			    _("Timeline in date order") :
			    _("Timeline in text order"));
		} else {
			view_toggle_citations(v);
			set_msg(u, "%s", view_tl_citations(v) ?
			    _("Citations shown") : _("Citations hidden"));
		}
		/* The entry selected stays selected, and in view. */
		view_pane_select(v, view_sel(v), pane_rows(u));
		break;
	case CMD_HIST:
		if (view_pane(v) != VIEW_PANE_TIMELINE || view_pane_hidden(v))
			show_pane(u, VIEW_PANE_TIMELINE);
		if (u->pane_w == 0)
			break;
		if (hist_rows(u) == 0) {
			set_msg(u, "%s", view_timeline(v) == NULL ||
			    view_timeline(v)->n == 0 ?
			    _("No dates in this text") :
			    _("The screen is too low for the histogram"));
			break;
		}
		if (view_hist(v, (size_t)(u->pane_w > 2 ? u->pane_w - 2 :
		    1)) != NULL)
			view_hist_follow(v);
		view_set_focus(v, VIEW_FOCUS_HIST);
		break;
	case CMD_HIST_LEFT: view_hist_move(v, -n); break;
	case CMD_HIST_RIGHT: view_hist_move(v, n); break;
	case CMD_HIST_JUMP:
		h = view_hist(v, (size_t)(u->pane_w > 2 ? u->pane_w - 2 : 1));
		if (view_hist_jump(v) < 0 && h != NULL && h->nbins > 0) {
			chrono_hist_label(h, view_hist_cur(v), lab, sizeof lab);
			set_msg(u, _("No dates in %s"), lab);
		}
		break;
	case CMD_GOTO_DATE:
		input_open_prompt(&u->in, v, INPUT_DATE, 0);
		break;
	default:
		break;
	}
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
	case CMD_TL_CITE:
	case CMD_HIST:
	case CMD_HIST_LEFT:
	case CMD_HIST_RIGHT:
	case CMD_HIST_JUMP:
	case CMD_GOTO_DATE:
		ui_tl_cmd(u, c, n);
		break;
	case CMD_FOCUS:
		if (u->pane_w == 0)
			set_msg(u, "%s",
			    _("The side pane is hidden (\\ shows it)"));
		else
			view_set_focus(v, view_focus(v) == VIEW_FOCUS_TEXT ?
			    VIEW_FOCUS_PANE : VIEW_FOCUS_TEXT);
		break;
	case CMD_ITEM_JUMP:
		/* As a link does: the text shown is the one to read now. */
		if (view_pane_jump(v) < 0)
			set_msg(u, "%s", _("Nothing to jump to"));
		else
			view_set_focus(v, VIEW_FOCUS_TEXT);
		break;
	case CMD_FILTER:
		input_open_prompt(&u->in, v, INPUT_FILTER, 0);
		break;
	case CMD_FILTER_CLEAR:
		if (view_filter(v) != NULL)
			view_set_filter(v, NULL);
		break;
	case CMD_SEARCH:
	case CMD_SEARCH_BACK:
		input_open_prompt(&u->in, v, INPUT_SEARCH,
		    c == CMD_SEARCH_BACK);
		break;
	case CMD_MATCH_NEXT:
	case CMD_MATCH_PREV:
		if (!view_searching(v)) {
			set_msg(u, "%s", _("No previous search pattern"));
			break;
		}
		r = view_search_step(v, c == CMD_MATCH_PREV, n);
		input_search_msg(&u->in, v, r, c == CMD_MATCH_PREV);
		break;
	case CMD_UNHIGHLIGHT: view_set_highlight(v, 0, 0); break;
	case CMD_PANE_NARROW:
		if (view_pane_pct(v) > 15)
			view_set_pane_pct(v, view_pane_pct(v) - 5);
		geometry(u);
		break;
	case CMD_PANE_WIDEN:
		if (view_pane_pct(v) < 60)
			view_set_pane_pct(v, view_pane_pct(v) + 5);
		geometry(u);
		break;
	case CMD_PANE_HIDE:
		view_set_pane_hidden(v, !view_pane_hidden(v));
		geometry(u);
		break;
	case CMD_MARK_SET:
	case CMD_MARK_JUMP: u->in.pending = (int)key; break;
	case CMD_BOILERPLATE:
		u->show_boiler = !u->show_boiler;
		view_set_boilerplate(v, u->show_boiler);
		set_msg(u, "%s", u->show_boiler ? _("Boilerplate shown") :
		    _("Boilerplate hidden"));
		break;
	case CMD_MEASURE: ui_conf_toggle(u); geometry(u); break;
	case CMD_LINKS: ui_links_open(u); break;
	case CMD_SOURCE:
		if (!view_has_render(v)) {
			set_msg(u, "%s", _("Only Markdown has a source view"));
			break;
		}
		view_set_source(v, !view_source(v));
		set_msg(u, "%s", view_source(v) ? _("Markdown source") :
		    _("Markdown rendered"));
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
	enum view_focus f = view_focus(u->v);

	return command_find(key, f == VIEW_FOCUS_HIST ? 2 :
	    f == VIEW_FOCUS_PANE);
}

static void
key(struct ui *u, uint32_t k)
{
	const struct command_row *row;
	int have;
	long n;

	/* A resize is for the screen, whatever is open on it. */
	if (k == CMD_KEY_RESIZE) {
		geometry(u);
		clearok(curscr, TRUE);
		return;
	}
	if (u->help) {
		u->help = 0;
		return;
	}
	if (ui_jump_marks_key(u, k))
		return;
	if (u->links != NULL) {
		ui_links_key(u, k);
		return;
	}
	if (u->in.prompt != INPUT_NONE) {
		input_prompt_key(&u->in, u->v, k, pane_rows(u));
		ui_jump_prompt(u);
		return;
	}
	if (k == CMD_KEY_MOUSE) {
		mouse_key(u);
		return;
	}
	if (ui_jump_letter(u, k) || input_letter(&u->in, u->v, k) ||
	    input_count_key(&u->in, k))
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
	if (!move_cmd(u, row->cmd, n, have) &&
	    !ui_jump_cmd(u, row->cmd, n, have))
		other_cmd(u, row->cmd, n, k);
	ui_jump_after(u, row, u->jump_from);
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

/*
 * Asks on the terminal, before the screen is taken, whether to show a
 * file that looks binary, as less asks.  Returns 1 for yes (a line that
 * starts with y or Y), 0 otherwise.
 */
static int
ask_binary(struct ui *u)
{
	int c, yes;

	printf(_("\"%s\" may be a binary file.  See it anyway? (y/n) "),
	    u->o->name);
	fflush(stdout);
	c = getc(u->tty_in);
	yes = c == 'y' || c == 'Y';
	while (c != EOF && c != '\n' && c != '\r')
		c = getc(u->tty_in);
	return yes;
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
	/* A mapped file truncated under us is the buffer's SIGBUS first. */
	buffer_map_signals();
}

/* The place the view shows, in the offsets of the text it shows. */
static struct source_place
place_of(const struct view *v)
{
	struct source_place p;

	memset(&p, 0, sizeof p);
	p.top_off = view_top(v);
	view_highlight(v, &p.hl_off, &p.hl_end);
	return p;
}

/*
 * Shows what the source gives now, with the highlight of p; same: the
 * search's offsets stand in it (see view_set_text).
 */
static void
show_source(struct ui *u, const struct source_place *p, int same)
{
	struct view *v = u->v;
	const char *bytes;
	size_t len = 0;

	bytes = source_bytes(u->src, &len);
	view_set_text(v, bytes, len, same);
	view_set_highlight(v, p->hl_off, p->hl_end);
	view_set_span(v, source_base_off(u->src), source_total_len(u->src));
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
		show_source(u, &p, !(r & SOURCE_GOT_DOC) ||
		    source_bytes_kept(u->src));
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
	show_source(u, &p, 1);
	return 0;
}

/* Back from the tail to the preview of the beginning. */
static void
leave_tail(struct ui *u)
{
	struct source_place p = place_of(u->v);

	source_head(u->src, &p);
	show_source(u, &p, 1);
}

/* Tells whether the view still shows a preview. */
static int
in_preview(const struct ui *u)
{
	return source_loading(u->src);
}


/* Waits for the whole document (Ctrl-C still works). */
static void
need_full(struct ui *u)
{
	if (!in_preview(u))
		return;
	set_msg(u, "%s", _("Reading the whole text..."));
	ui_draw(u);
	source_wait(u->src, &ui_signal);
	clear_msg(u);
	bg_poll(u);
}

/*
 * Shows the match that search found outside the preview shown, from a
 * window of the file's bytes around it, or else from the whole text.
 * Not while the prompt is open: there the search follows the typing and
 * Esc goes back to the place the prompt opened at.
 */
static void
search_land(struct ui *u)
{
	struct source_place p;
	size_t off;

	if (u->in.prompt != INPUT_NONE || !view_search_pending(u->v, &off))
		return;
	p = place_of(u->v);
	if (source_window(u->src, off, &p) == 0) {
		u->state_pending = 0;
		show_source(u, &p, 1);
	} else
		need_full(u);
	view_search_show(u->v);
}

/*
 * The search the prompt deferred (typeahead, see view_search_defer) is
 * made once no key is waiting, or before Enter, which needs its answer.
 */
static void
search_flush(struct ui *u)
{
	if (view_search_flush(u->v) == 1) {
		free(u->in.prompt_err);
		u->in.prompt_err = xstrdup("not found");
	}
}

/* Before key k: in the search prompt, its search waits for the others. */
static void
search_typeahead(struct ui *u, uint32_t k)
{
	if (u->in.prompt != INPUT_SEARCH)
		return;
	if (k == '\r' || k == '\n')
		search_flush(u);
	else if (k != CMD_ESC)
		view_search_defer(u->v, 1);
}

/* The keys that search the file's bytes before its document is built. */
static int
bytes_key(const struct ui *u, enum command c)
{
	size_t n;

	return (c == CMD_SEARCH || c == CMD_SEARCH_BACK || c == CMD_RESULTS ||
	    c == CMD_MATCH_NEXT || c == CMD_MATCH_PREV) &&
	    source_bytes(u->src, &n) != NULL;
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
	int text = view_focus(v) == VIEW_FOCUS_TEXT, have = u->in.have_count;
	unsigned f;

	if (!in_preview(u) || (row = key_row(u, k)) == NULL)
		return;
	f = row->flags;
	if (bytes_key(u, row->cmd))
		return;
	/* G shows the end from the tail preview while the whole loads. */
	if (text && !have && (row->cmd == CMD_END || row->cmd == CMD_BOTTOM) &&
	    source_ready(u->src) == SOURCE_READY_PREVIEW &&
	    tail_preview(u) == 0)
		return;
	if (source_shown(u->src) == SOURCE_TAIL && text && !have) {
		/*
		 * At the end of the file: down is fine, g goes back to the
		 * beginning's preview, up is fine until near the tail's
		 * start, and what needs the whole text waits for it.  A
		 * mark holds an offset of the whole text: wait for it.
		 */
		if (row->cmd == CMD_MARK_SET)
			need_full(u);
		else if ((f & CMD_F_DOWN) &&
		    source_covers(u->src, view_bottom(v), 1))
			return;
		else if (f & CMD_F_TOP)
			leave_tail(u);
		else if ((f & CMD_F_UP) &&
		    !source_covers(u->src, view_top(v), -1))
			need_full(u);
		if (f & (CMD_F_UP | CMD_F_TOP) || row->cmd == CMD_MARK_SET)
			return;
	}
	if ((f & CMD_F_WHOLE) || (have && (f & CMD_F_TOP)))
		need_full(u);
	else if ((f & CMD_F_DOWN) && ((have &&
	    !source_reading_pipe(u->src)) ||
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
			set_msg(u, _("warning: %s"), warn);
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
	if (view_state_load(u->v, u->state_dir, u->o->file, &warn) == 1)
		ui_jump_resumed(u);
	if (warn != NULL) {
		set_msg(u, _("warning: %s"), warn);
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
	view_paint_free(&u->paint);
	ui_links_close(u);
	source_free(u->src);
}

int
ui_run(const struct source_opts *so, const struct app_opts *o)
{
	struct ui u;
	struct ui_probe probe;
	wint_t ch;
	uint32_t k;
	int r, amb, dirty = 1, fd, sig, drained = 0, truncation_told = 0;
	size_t piped = 0;
	char *err = NULL;

	memset(&u, 0, sizeof u);
	input_init(&u.in, &u.hist, NULL);
	input_set_novariants(&u.in, o->novariants);
	ui_trace_open();
	u.o = o;
	if (open_terminal(&u) < 0) {
		fprintf(stderr, _("juan: cannot open the terminal: %s\n"),
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

	/* As less does, a file that looks binary is shown only when asked. */
	if (!o->binary && source_format(u.src) == FORMAT_TEXT &&
	    source_doc(u.src)->buf->binary && !ask_binary(&u)) {
		ui_free(&u);
		return 0;
	}
	if ((u.scr = newterm(NULL, stdout, u.tty_in)) == NULL) {
		fprintf(stderr, _("juan: cannot use the terminal '%s'\n"),
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
	ui_init_colors(&u);
	ui_conf_colors(&u);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED |
	    BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	u.ascii_sep = amb == 2;
	ui_set_ambwide(amb == 2);

	u.v = view_new(source_doc(u.src), source_timeline(u.src), 1, 1, amb);
	view_set_span(u.v, 0, source_total_len(u.src));
	{
		size_t len = 0;
		const char *bytes = source_bytes(u.src, &len);

		view_set_text(u.v, bytes, len, 1);
	}
	ui_conf_start(&u);
	geometry(&u);
	start(&u);
	u.reading_stdin = source_reading_pipe(u.src);
	if (u.reading_stdin)
		set_msg(&u, "%s", _("Reading standard input... (q quits)"));

	while (!u.quit) {
		/* Ctrl-C in the prompt cancels it, as in less. */
		if (ui_signal == SIGINT && u.in.prompt != INPUT_NONE) {
			ui_signal = 0;
			input_prompt_key(&u.in, u.v, CMD_ESC, pane_rows(&u));
			dirty = drained = 1;
		}
		if (ui_signal != 0)
			break;
		/* Take in what the thread has finished, as it finishes. */
		if (!source_complete(u.src) && bg_poll(&u))
			dirty = 1;
		/* The status line counts the bytes of a pipe as they come. */
		if (u.reading_stdin && source_pipe_bytes(u.src) != piped) {
			piped = source_pipe_bytes(u.src);
			dirty = 1;
		}
		if (u.quit)
			break;
		/*
		 * A mapped file truncated under the reader: said once, when
		 * the prompt is closed (its own messages would hide it).
		 */
		if (!truncation_told && u.in.prompt == INPUT_NONE &&
		    buffer_map_truncated()) {
			truncation_told = 1;
			set_msg(&u, "%s", _("File truncated while reading: "
			    "the rest shows as empty"));
			dirty = 1;
		}
		if (drained)
			search_flush(&u);
		if (dirty && drained) {
			ui_draw(&u);
			dirty = 0;
			source_start(u.src);
		}
		/* Count matches between keys while nothing is typed. */
		timeout(dirty || view_filtering(u.v) ? 0 : view_searching(u.v)
		     && !view_counted(u.v) ? 0 : !source_complete(u.src) ? 100 :
		    1000);
		r = get_wch(&ch);
		if (r == ERR) {
			drained = 1;
			if (view_filtering(u.v)) {
				view_filter_step(u.v, INPUT_FILTER_STEP);
				dirty = 1;
			} else if (view_searching(u.v) && !view_counted(u.v)) {
				view_search_count(u.v, COUNT_STEP);
				dirty = 1;
			}
			continue;
		}
		drained = 0;
		ui_trace_key(r == KEY_CODE_YES, ch);
		k = ui_key(r == KEY_CODE_YES, ch);
		u.jump_from = ui_jump_here(&u);
		if (u.in.prompt == INPUT_NONE && !u.help)
			need_for_key(&u, k);
		search_typeahead(&u, k);
		key(&u, k);
		view_search_defer(u.v, 0);
		search_land(&u);
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
	ui_trace_close();
	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return 0;
}
