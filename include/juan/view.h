/* view.h - what the reader shows, as state without any terminal code. */
#ifndef JUAN_VIEW_H
#define JUAN_VIEW_H

#include <stddef.h>
#include <sys/types.h>

#include "juan/chrono.h"
#include "juan/layout.h"
#include "juan/search.h"
#include "juan/timeline.h"
#include "juan/util.h"

/*
 * The reader is a text pane, a side pane and a status line.  The view
 * holds everything they show except the drawing: the reading position (a
 * byte offset, the first byte of the top display line), the focus, the
 * side pane's mode, filter, selection and scroll, the marks, and the
 * search.  The curses code in src/ui/ reads this state and turns keys into
 * calls of the functions below, so that every behaviour can be tested
 * without a terminal.
 */

enum view_focus {
	VIEW_FOCUS_TEXT,	/* keys scroll the text */
	VIEW_FOCUS_PANE,	/* keys move the side pane's selection */
	VIEW_FOCUS_HIST		/* keys move along the timeline's
				   histogram (view_hist) */
};

enum view_pane {
	VIEW_PANE_OUTLINE,	/* the section tree */
	VIEW_PANE_TIMELINE,	/* the timeline entries */
	VIEW_PANE_RESULTS	/* the search matches */
};

/* One row of the side pane. */
struct view_item {
	size_t off;		/* byte where Enter jumps */
	size_t end;		/* one past the thing jumped to (highlight) */
	size_t index;		/* section, timeline entry or match index */
	int depth;		/* indentation: outline level - 1, else 0 */
};

/* A match of the search, as a byte range of the buffer. */
struct view_match {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte */
};

/* The most matches kept for the results pane and for match i/N. */
#define VIEW_MATCH_MAX 200000

/*
 * The view's state, opaque: the interface reads it through the functions
 * below and paints what view_paint_rows() and view_status() give.  Its
 * fields are in src/view-int.h, for view*.c and their tests.
 */
struct view;

/*
 * Makes a view of d (borrowed) with timeline tl (borrowed, may be NULL)
 * and a text pane of width columns and rows rows.  ambiwidth is 1 or 2.
 */
struct view *view_new(const struct doc *d, const struct timeline *tl,
    int width, int rows, int ambiwidth);
void view_free(struct view *v);

/*
 * Replaces the document and timeline, as when the full structure of a
 * large text arrives after a first one built on its beginning.  The text
 * must be the same bytes (the new buffer may be longer).  The position,
 * marks and search pattern stay (matches are counted again); the side pane
 * is rebuilt.
 */
void view_set_doc(struct view *v, const struct doc *d,
    const struct timeline *tl);
/*
 * The same, with tl's entries already in chronological order in by_date
 * (from timeline_sort_by_date; the view takes it over), so that a
 * thread can sort a long timeline rather than the reader's loop.
 */
void view_set_doc_sorted(struct view *v, const struct doc *d,
    const struct timeline *tl, size_t *by_date);

/* Sets the text pane's size; the first byte shown stays in view. */
void view_resize(struct view *v, int width, int rows);
/* Shows or hides boilerplate blocks. */
void view_set_boilerplate(struct view *v, int show);
/*
 * Shows a text with hints (Markdown) as its source (source 1) or rendered
 * (0), keeping the first byte shown; search then looks in what is shown.
 * view_has_render() tells whether the text has a rendering to toggle.
 */
void view_set_source(struct view *v, int source);
int view_source(const struct view *v);
int view_has_render(const struct view *v);

/*
 * Scrolling.  view_scroll moves by n display lines (negative: up) and
 * stops at the start or where the last line is at the bottom.  view_goto
 * puts the display line holding off at the top (clamped the same way).
 */
void view_scroll(struct view *v, long n);
void view_goto(struct view *v, size_t off);
void view_home(struct view *v);
void view_end(struct view *v);

/* One past the last byte shown (the end of the bottom display line). */
size_t view_bottom(struct view *v);
/*
 * The position in percent of the text shown, by bytes, as less does, of
 * the bottom line: hidden boilerplate (doc_hidden_before) is not counted
 * unless it is shown.
 */
int view_percent(struct view *v);

/* The section holding the top line, or -1. */
ssize_t view_section(const struct view *v);
/*
 * The timeline entry that dates the text in view: the last one (not a
 * citation) that starts on or above the top line within its section,
 * else the section's first, else the last one before; -1 when there is
 * none.
 */
ssize_t view_date_entry(struct view *v);

/*
 * Next / previous section after / before the top line, n times.  Return
 * 0, or -1 when there is none (nothing moves).
 */
int view_next_section(struct view *v, long n);
int view_prev_section(struct view *v, long n);
/*
 * Next / previous timeline entry in the pane's order, n times; the text
 * goes to it and it is highlighted.  Return -1 when there is none.
 */
int view_next_entry(struct view *v, long n);
int view_prev_entry(struct view *v, long n);

/* Side pane. */
void view_set_pane(struct view *v, enum view_pane p);
void view_toggle_tl_order(struct view *v);
/*
 * Sets the filter (NULL or "" for none); the rows are rebuilt.  Of a
 * long pane only the first VIEW_FILTER_SLICE rows are tried at once;
 * view_filter_step tries up to max_rows more, and returns 1 while some
 * are left (the reader calls it between keys, as it counts matches).
 * Rebuilding the rows for any other reason starts the filter again.
 */
#define VIEW_FILTER_SLICE	5000
void view_set_filter(struct view *v, const char *filter);
int view_filter_step(struct view *v, size_t max_rows);
/* Moves the selection by n rows, clamped; rows: rows the pane shows. */
void view_pane_move(struct view *v, long n, int rows);
/* Selects row i (clamped), scrolling the pane of rows rows to show it. */
void view_pane_select(struct view *v, size_t i, int rows);
/* Jumps the text to the selected row.  Returns -1 when there is none. */
int view_pane_jump(struct view *v);
/* Selects the row that matches the text's position (follow mode). */
void view_pane_follow(struct view *v, int rows);
/*
 * Appends the text of row i (terminal-safe, one line, without the
 * indentation) to b.
 */
void view_item_text(const struct view *v, size_t i, struct sbuf *b);
/* Row i of the side pane (i < nitems). */
struct view_item view_item(const struct view *v, size_t i);

/*
 * The timeline pane (view-tl.c).  Its rows say what happened: the value
 * with its modifier (chrono_label), the event, and the section when the
 * pane is cols >= VIEW_TL_SECTION_COLS columns wide (view_set_pane_cols);
 * the filter searches the value, the expression, the event and the
 * section.  Citations are left out until view_toggle_citations shows
 * them; the order (view_toggle_tl_order) and that toggle keep the
 * selected entry selected.
 */
#define VIEW_TL_SECTION_COLS	48
void view_set_pane_cols(struct view *v, int cols);
void view_toggle_citations(struct view *v);
int view_tl_citations(const struct view *v);	/* citations are shown */
/* Rows of the timeline pane without a filter (citations hidden or not). */
size_t view_tl_count(const struct view *v);

/*
 * The histogram of the pane's entries (all of them, in bins of at most
 * max_bins), rebuilt when max_bins or the entries shown change; NULL
 * without a timeline.  view_hist_cur is the bin selected (the one of the
 * date in view until the histogram is moved along), view_hist_in_view the
 * bin of the date in view or -1; view_hist_move moves the selection by n
 * bins, clamped; view_hist_jump goes to the first entry, in date order,
 * of the bin selected, and returns -1 when it is empty.
 */
const struct chrono_hist *view_hist(struct view *v, size_t max_bins);
size_t view_hist_cur(struct view *v);
ssize_t view_hist_in_view(struct view *v);
void view_hist_move(struct view *v, long n);
int view_hist_jump(struct view *v);
/* Selects the bin of the date in view (when the histogram gets the focus). */
void view_hist_follow(struct view *v);

/*
 * Goes to the first entry, in date order, that starts at or after the date
 * s (chrono_parse), highlighting it.  Returns 0, 1 when no entry is that
 * late, -1 when s is not a date.
 */
int view_goto_date(struct view *v, const char *s);

/* Marks: letter is 'a'..'z'.  view_mark_jump returns -1 when unset. */
void view_mark_set(struct view *v, int letter);
int view_mark_jump(struct view *v, int letter);

/*
 * Search.  view_search_set compiles pattern (NULL or "": the last one
 * again) and, with move, goes to the first match from the top line
 * forward (or before it when backward).  Returns 0 when a match was found,
 * 1 when there is none, -1 with *err set (allocated) for a bad pattern
 * (the previous search is kept then).  flags are VIEW_SEARCH_* bits:
 * PCRE2 syntax, Han variants not folded (search.h, struct search_opts).
 */
#define VIEW_SEARCH_REGEX	1	/* a PCRE2 regular expression */
#define VIEW_SEARCH_NOVARIANTS	2	/* 台湾 does not find 臺灣 */
int view_search_set(struct view *v, const char *pattern, int backward,
    int flags, char **err);
/* Drops the search and its highlight. */
void view_search_clear(struct view *v);
/*
 * Goes to the next match in the search's direction (reverse: the other
 * way), n times, wrapping at the ends.  Returns 0, 1 when it wrapped, -1
 * when there is no match.
 */
int view_search_step(struct view *v, int reverse, long n);
/*
 * Counts up to max_matches more matches; returns 1 while counting is not
 * finished.  The reader calls it between keys so that counting a large
 * text never blocks the screen.
 */
int view_search_count(struct view *v, size_t max_matches);
/* The 1-based number of the current match, or 0 when not known yet. */
size_t view_search_index(const struct view *v);
/*
 * Calls fn for each match that starts before end and ends after off, in
 * order, in the document's offsets.  Uses the counted matches when they
 * cover the range.
 */
void view_search_each(struct view *v, size_t off, size_t end,
    void (*fn)(void *, size_t, size_t), void *arg);
/*
 * Search before the whole document: view_set_text gives the whole text's
 * bytes (source_bytes(); NULL: search the document shown), whose offsets
 * are the document's plus the base of view_set_span, to be called before
 * view_set_doc_sorted whenever the text shown changes.  same tells that
 * the offsets found so far stand in the new text (then the count and the
 * current match are kept across the new document; else they are
 * dropped, and a match not yet shown is to be found again).  A match
 * found outside the document shown is pending: view_search_pending()
 * gives its offset in the text, the caller shows a document that holds
 * it (source_window(), or the whole), then calls view_search_show(),
 * which scrolls to it (0), or drops it if it still is not there (-1).
 */
void view_set_text(struct view *v, const char *text, size_t len, int same);
/*
 * Typeahead: while deferred (view_search_defer(v, 1)), view_search_set
 * compiles its pattern but finds nothing yet and returns 0;
 * view_search_flush() then makes the find that the last one deferred,
 * returning as view_search_set would (0 found, 1 none), or -1 when there
 * is none to make.  The reader defers the search of each key typed into
 * the prompt until no key is waiting, so that a pattern pasted or typed
 * ahead into a long text costs one search, not one a character.
 */
void view_search_defer(struct view *v, int on);
int view_search_flush(struct view *v);
int view_search_pending(const struct view *v, size_t *off);
int view_search_show(struct view *v);

/*
 * Calls fn for each timeline entry that starts before end and ends after
 * off, in document order; a binary search finds the first.
 */
void view_date_each(const struct view *v, size_t off, size_t end,
    void (*fn)(void *, size_t, size_t), void *arg);

/*
 * What the reader paints (view-paint.c): the text pane as rows of styled
 * cells, and the parts of the status line.  The interface maps each style
 * to its attributes and colours and draws the cells; it decides nothing
 * else about them.
 */
enum view_style {
	VIEW_STYLE_TEXT,	/* body text */
	VIEW_STYLE_HEADING,	/* a heading; see view_row.level */
	VIEW_STYLE_TITLE,	/* the document's title */
	VIEW_STYLE_CAPTION,
	VIEW_STYLE_FIGURE,
	VIEW_STYLE_BOILERPLATE,
	VIEW_STYLE_ENTRY,	/* a timeline entry */
	VIEW_STYLE_JUMP,	/* the section or entry jumped to */
	VIEW_STYLE_MATCH,	/* a search match */
	VIEW_STYLE_CURMATCH,	/* the current match */
	VIEW_STYLE_CTL,		/* a control character's visible form */
	VIEW_STYLE_LINK,	/* inline styles of the format stage, */
	VIEW_STYLE_CODE,	/* not given yet */
	VIEW_STYLE_EMPH,
	VIEW_STYLE_STRONG,
	VIEW_STYLE_INJECTED	/* the site's name injected into the body
				   (doc->injected) */
};

struct view_cell {
	struct lcell c;		/* the layout's cell: its bytes in the
				   shown document, columns, and the
				   visible form to draw instead, if any */
	unsigned char style;	/* enum view_style */
};

struct view_row {
	unsigned char style;	/* the line's: text, title, heading,
				   caption, figure or boilerplate */
	unsigned char level;	/* a heading's level (1 is the top) */
	size_t first;		/* its cells: view_paint.cells[first] */
	size_t n;		/* ... and the n after it */
};

/* The rows of one screen of the text pane; reused from frame to frame. */
struct view_paint {
	struct view_row *rows;	/* nrows rows from the top */
	int nrows;
	int rows_cap;
	struct view_cell *cells;	/* every row's cells, in order */
	size_t ncells, cells_cap;
};

/*
 * Fills p with the text pane's rows (v->rows at most, fewer at the end of
 * the text) and the cells of each that fit width columns.  Zero-width
 * cells that show nothing are left out.
 */
void view_paint_rows(struct view *v, int width, struct view_paint *p);
void view_paint_free(struct view_paint *p);

/* The parts of the status line; strings are borrowed from the document. */
struct view_status {
	const char *title;	/* the document's title, or NULL */
	const char *section;	/* the section in view (not the title's),
				   or NULL */
	const char *date;	/* the date of the text in view with its
				   modifier (in date_buf), or NULL */
	char date_buf[64];
	int have_match;		/* a current match: match i/N */
	size_t match_i;		/* its number from 1, 0 when not known */
	size_t match_n;		/* the matches counted */
	int match_more;		/* counting goes on: N+ */
	int percent;		/* the position in the whole text */
};

void view_status(struct view *v, struct view_status *st);

/*
 * The state the interface reads and sets (view-paint.c).  view_set_top
 * puts back a top offset read before (a prompt's origin) as it was;
 * view_set_span says which part of the whole text d is (base_off: where
 * it starts; total_len: the whole's bytes while d is a preview of the
 * beginning, else 0), for the position in percent.
 */
const struct doc *view_doc(const struct view *v);
const struct timeline *view_timeline(const struct view *v);
size_t view_top(const struct view *v);
void view_set_top(struct view *v, size_t top_off);
void view_highlight(const struct view *v, size_t *off, size_t *end);
void view_set_highlight(struct view *v, size_t off, size_t end);
void view_set_span(struct view *v, size_t base_off, size_t total_len);
enum view_focus view_focus(const struct view *v);
void view_set_focus(struct view *v, enum view_focus f);
enum view_pane view_pane(const struct view *v);
int view_pane_hidden(const struct view *v);
void view_set_pane_hidden(struct view *v, int hidden);
int view_pane_pct(const struct view *v);
void view_set_pane_pct(struct view *v, int pct);
int view_tl_by_date(const struct view *v);
size_t view_nitems(const struct view *v);	/* side pane rows */
size_t view_pane_top(const struct view *v);	/* first row shown */
size_t view_sel(const struct view *v);		/* the selected row */
const char *view_filter(const struct view *v);	/* or NULL */
int view_filtering(const struct view *v);	/* rows left to try */
const char *view_pattern(const struct view *v);	/* or NULL */
int view_searching(const struct view *v);	/* a search is set */
int view_search_backward(const struct view *v);
int view_have_match(const struct view *v);	/* a current match */
void view_drop_match(struct view *v);	/* no current match, the search
					   kept */
int view_counted(const struct view *v);		/* matches all counted */

/*
 * State kept across runs (view-state.c).  The directory is
 * $XDG_STATE_HOME/juan, or ~/.local/state/juan.  Files are written whole
 * to a temporary file and renamed over the old one, with mode 0600.  A file
 * that does not parse is ignored and *warn is set (allocated) to say so.
 */

/* The state directory (allocated), or NULL when there is no home. */
char *view_state_dir(void);
/*
 * Reads the saved position and marks of the document at path (a file
 * name; the key is its real path) and applies them to v when they still
 * fit the text: the bytes saved with the position must still be there, or
 * be found again elsewhere (the nearest copy wins); otherwise the position
 * stays.  Returns 1 when a position was restored, else 0.
 */
int view_state_load(struct view *v, const char *dir, const char *path,
    char **warn);
/* Saves v's position and marks for path.  Returns 0 or -1 (errno). */
int view_state_save(const struct view *v, const char *dir, const char *path);

/* Search history, oldest first. */
struct view_history {
	char **items;		/* n patterns, owned */
	size_t n;
	unsigned char *flags;	/* n VIEW_SEARCH_* bits of items[i] */
};

/* Reads the history file into h (emptied first). */
void view_history_load(struct view_history *h, const char *dir,
    char **warn);
/*
 * Appends pattern searched with flags (VIEW_SEARCH_*), moving an earlier
 * copy to the end, and saves.  The file is "juan-history 3": a line a
 * pattern, escaped (\n, \\), after "\r" for a regular expression and
 * then "\v" for variants not folded; files of versions 1 (no flags) and
 * 2 ("\r" only) are read too.
 */
int view_history_add(struct view_history *h, const char *dir,
    const char *pattern, int flags);
void view_history_free(struct view_history *h);

#endif
