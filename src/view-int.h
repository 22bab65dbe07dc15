/* view-int.h - the fields of struct view, for view*.c and their tests. */
#ifndef JUAN_VIEW_INT_H
#define JUAN_VIEW_INT_H

#include "juan/chrono.h"
#include "juan/view.h"

struct view {
	const struct doc *doc;		/* borrowed */
	const struct timeline *tl;	/* borrowed; NULL while unknown */
	struct layout *layout;		/* owned, at the text pane's width */
	struct layout_opts lo;		/* the layout's options */
	int source;			/* R: a text with hints shown as its
					   source (lo.hints NULL) */
	int rows;			/* text rows shown, >= 0 */
	size_t top_off;			/* first byte of the top line */
	size_t base_off;		/* offset in the whole text of doc's
					   first byte: doc is a preview of
					   its end; else 0 */
	size_t total_len;		/* bytes of the whole text when doc
					   covers only its beginning, else 0 */

	enum view_focus focus;
	enum view_pane pane;
	int pane_hidden;		/* hidden with '\' */
	int pane_pct;			/* side pane width, percent of all */
	int tl_by_date;			/* timeline in chronological order */
	size_t *tl_order;		/* tl->n entry indexes in pane order:
					   date_order or text_order */
	size_t *date_order;		/* owned, or NULL until needed */
	size_t *text_order;		/* owned, or NULL until needed */
	size_t *tl_pos;			/* the inverse of tl_order: each
					   entry's place in it, (size_t)-1
					   when hidden; owned, or NULL until
					   needed */
	size_t tl_n;			/* entries in tl_order */
	size_t *tl_shown;		/* owned: tl_order without the
					   citations, when some are hidden */
	int tl_cite;			/* citations shown in the pane */
	int pane_cols;			/* the side pane's width, columns */
	struct chrono_hist *hist;	/* the histogram, owned, or NULL
					   until asked for */
	size_t hist_bins;		/* ... of at most this many bins */
	size_t hist_cur;		/* its selected bin */
	struct view_item *items;	/* with a filter, the nitems rows
					   that pass it; else NULL: row i
					   is the pane's i-th (view_item) */
	size_t nitems;
	size_t sel;			/* selected row (< nitems, or 0) */
	size_t pane_top;		/* first row shown */
	char *filter;			/* pane filter, owned, or NULL */
	struct search *fsearch;		/* the filter, compiled, while rows
					   are left to try; owned */
	size_t filter_from;		/* the next row to try ... */
	size_t filter_rows;		/* ... of this many */

	ssize_t tl_cur;			/* position in tl_order of the
					   entry last jumped to, or -1 */
	size_t hl_off, hl_end;		/* highlighted range (the entry or
					   section jumped to); empty if equal */

	size_t marks[26];		/* byte offsets of marks a..z */
	unsigned marks_set;		/* bit i: mark 'a' + i is set */

	struct search *search;		/* the compiled pattern, owned */
	struct search *search2;		/* another, for a second thread in
					   a large text, owned, or NULL */
	char *pattern;			/* its text, owned, or NULL */
	int backward;			/* the search was started with '?' */
	int have_cur;			/* cur_off..cur_end is a match */
	size_t cur_off, cur_end;	/* the current match */
	struct view_match *matches;	/* nmatches, in order, at most
					   VIEW_MATCH_MAX kept */
	size_t nmatches;		/* matches kept */
	size_t count;			/* matches counted so far */
	size_t count_from;		/* where counting goes on */
	int counted;			/* counting reached the end */
	const char *text;		/* the whole text's bytes searched
					   while a preview is shown, or
					   NULL: the document's */
	size_t text_len;
	int keep_search;		/* view_set_text has been told: the
					   next document keeps the count */
	int cur_pending;		/* the current match is not in the
					   document shown */
	int refind;			/* it was, in a text replaced since:
					   find it again */
	int defer;			/* view_search_set finds nothing yet */
	int deferred;			/* ... and has a find to make */
};

/*
 * Between view.c and view-pane.c: the timeline's orders (tl_order) made
 * and forgotten, the side pane's rows rebuilt, and whether the entry last
 * jumped to is on the screen.
 */
void	view_pane_build_order(struct view *v);
void	view_pane_drop_orders(struct view *v);
void	view_pane_build_items(struct view *v);
int	view_cur_entry_shown(struct view *v);
/* The place of entry index in tl_order, (size_t)-1 when it is hidden. */
size_t	view_pane_rank(struct view *v, size_t index);
/*
 * view-tl.c: the text of the timeline pane's row for entry index (prev:
 * the row above's entry, or -1), as shown in cols columns (0: however
 * wide), or (cols -1) as the filter searches it; and the view's histogram
 * forgotten.
 */
void	view_tl_row(const struct view *v, size_t index, ssize_t prev,
	    int cols, struct sbuf *b);
void	view_tl_drop_hist(struct view *v);
/*
 * view.c: the text search looks in (offsets: the document's plus
 * base_off), and a match of it made the current one and shown.
 */
const char *view_search_text(const struct view *v, size_t *len);
void	view_search_goto(struct view *v, size_t off, size_t end);

#endif
