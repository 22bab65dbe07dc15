/*
 * test-view.c - the reader's state without a terminal: scrolling, sections,
 * timeline steps, the side pane, marks and search, and what the rows and
 * the status line paint.
 *
 * The document is built here by hand (blocks, sections and timeline
 * entries at known offsets), so that these tests check the view and not
 * the structure or timeline heuristics.  Every line is shorter than the
 * widths used, so one source line is one display line.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "view-int.h"
#include "tap.h"

#define NSEC	3	/* sections */
#define NLINE	30	/* body lines per section */

static size_t
find(const struct buffer *b, const char *s, size_t from)
{
	const char *p = memmem(b->data + from, b->len - from, s, strlen(s));

	return p != NULL ? (size_t)(p - b->data) : (size_t)-1;
}

/*
 * A text of NSEC sections "# Section K", each with NLINE body lines in one
 * block; line 5 of each section mentions a year.
 */
static struct buffer *
make_text(void)
{
	struct sbuf b = SBUF_INIT;
	struct buffer *buf;
	char *err = NULL;
	int s, i;

	for (s = 0; s < NSEC; s++) {
		sbuf_printf(&b, "# Section %d\n\n", s + 1);
		for (i = 0; i < NLINE; i++)
			if (i == 5)
				sbuf_printf(&b, "s%d event in %d year\n", s,
				    2010 - s);
			else
				sbuf_printf(&b, "s%d line %d words\n", s, i);
		sbuf_addc(&b, '\n');
	}
	buf = buffer_from_mem(b.s, b.len, NULL, &err);
	sbuf_free(&b);
	return buf;
}

static struct doc *
make_doc(const struct buffer *buf)
{
	struct doc *d = xcalloc(1, sizeof *d);
	size_t i, line = 0, start, end;

	d->buf = buf;
	d->title_block = -1;
	d->blocks = xcalloc(2 * NSEC, sizeof *d->blocks);
	d->sections = xcalloc(NSEC, sizeof *d->sections);
	for (i = 0; i < NSEC; i++) {
		struct block *h = &d->blocks[2 * i], *p = h + 1;
		struct section *s = &d->sections[i];

		start = buffer_line_start(buf, line);
		end = buffer_line_end(buf, line + 1);
		*h = (struct block){ start, end, BLOCK_HEADING, 1, 2,
		    (unsigned short)(end - start - 2), 0 };
		start = buffer_line_start(buf, line + 2);
		end = buffer_line_end(buf, line + 2 + NLINE);
		*p = (struct block){ start, end, BLOCK_PARAGRAPH, 0, 0, 0, 0 };
		s->block = 2 * i;
		s->level = 1;
		s->off = h->off;
		s->parent = -1;
		s->title = xasprintf("Section %zu", i + 1);
		s->line = line + 1;
		line += NLINE + 3;
	}
	for (i = 0; i < NSEC; i++)
		d->sections[i].end = i + 1 < NSEC ? d->sections[i + 1].off :
		    buf->len;
	d->nblocks = 2 * NSEC;
	d->nsections = NSEC;
	return d;
}

static struct timeline *
make_timeline(const struct doc *d)
{
	struct timeline *t = xcalloc(1, sizeof *t);
	size_t i, off = 0;

	t->entries = xcalloc(NSEC, sizeof *t->entries);
	for (i = 0; i < NSEC; i++) {
		struct tl_entry *e = &t->entries[i];
		char y[8];

		snprintf(y, sizeof y, "%d", (int)(2010 - i));
		off = find(d->buf, y, off);
		e->off = off;
		e->end = off + 4;
		memcpy(e->value, y, 5);
		e->line = buffer_line_of(d->buf, off);
		e->block = 2 * i + 1;
		e->section = (ssize_t)i;
		e->sort_start = 2010 - (long)i;
		e->sort_prec = 2;
	}
	t->n = NSEC;
	return t;
}

static void
collect(void *arg, size_t a, size_t z)
{
	size_t *n = arg;

	(void)a;
	(void)z;
	(*n)++;
}

static void
test_scroll(const struct doc *d)
{
	const struct buffer *b = d->buf;
	struct view *v = view_new(d, NULL, 40, 10, 1);
	size_t top;

	is_int(v->top_off, 0, "a new view starts at the top");
	view_scroll(v, 5);
	is_int(v->top_off, buffer_line_start(b, 5), "5j: five lines down");
	view_scroll(v, -2);
	is_int(v->top_off, buffer_line_start(b, 3), "2k: two lines up");
	view_scroll(v, -100);
	is_int(v->top_off, 0, "scrolling up stops at the top");
	view_end(v);
	is_int(view_bottom(v), b->len, "G shows the end at the bottom");
	is_int(view_percent(v), 100, "at the end the position is 100%%");
	top = v->top_off;
	view_scroll(v, 50);
	is_int(v->top_off, top, "scrolling down stops at the last page");
	view_home(v);
	ok(view_percent(v) < 20, "at the top the position is small (%d%%)",
	    view_percent(v));
	view_goto(v, buffer_line_start(b, 40) + 3);
	is_int(v->top_off, buffer_line_start(b, 40), "goto puts the line at the top");
	view_resize(v, 25, 5);
	ok(v->top_off <= buffer_line_start(b, 40) + 3 && v->top_off >=
	    buffer_line_start(b, 40), "a resize keeps the top byte in view");
	view_resize(v, 0, 0);
	ok(v->rows == 0 && v->lo.width == 1, "a 0x0 pane is clamped");
	view_resize(v, 40, 10);
	view_end(v);
	v->total_len = 4 * b->len;
	is_int(view_percent(v), 25,
	    "a view of the beginning counts percent of the whole text");
	v->total_len = 0;
	view_free(v);
}

static void
test_set_doc(const struct doc *d, const struct timeline *t)
{
	struct view *v = view_new(d, NULL, 40, 10, 1);
	char *err = NULL;

	view_goto(v, buffer_line_start(d->buf, 40));
	view_search_set(v, "event", 0, 0, &err);
	while (view_search_count(v, 100))
		;
	view_set_doc(v, d, t);
	is_int(v->top_off, buffer_line_start(d->buf, 40),
	    "a new document keeps the position");
	ok(v->tl == t && v->tl_order != NULL, "... and takes the timeline");
	ok(v->search != NULL && !v->counted && v->count == 0,
	    "... and counts the matches again");
	view_free(v);
}

/*
 * view_pane_follow bisects the side pane's rows; this is the scan it
 * replaces, for the row it must pick.
 */
static size_t
follow_scan(struct view *v)
{
	size_t i, best = v->sel;
	ssize_t want, s;

	if (v->pane == VIEW_PANE_OUTLINE) {
		s = view_section(v);
		for (i = 0; i < v->nitems && s >= 0; i++)
			if (view_item(v, i).index <= (size_t)s)
				best = i;
	} else {
		want = view_date_entry(v);
		for (i = 0; i < v->nitems && want >= 0; i++)
			if (view_item(v, i).index == (size_t)want)
				best = i;
	}
	return best;
}

/* The pane follows the text, in both orders, filtered or not. */
static void
test_follow(const struct doc *d, const struct timeline *t)
{
	static const char *filters[] = { NULL, "Section [13]", "20(10|08)" };
	struct view *v = view_new(d, t, 40, 10, 1);
	size_t line, f, bad = 0, tried = 0, want;
	int p, order;

	for (p = 0; p < 2; p++)
		for (order = 0; order < 2; order++)
			for (f = 0; f < 3; f++) {
				view_set_pane(v, p ? VIEW_PANE_TIMELINE :
				    VIEW_PANE_OUTLINE);
				if (p && v->tl_by_date != !order)
					view_toggle_tl_order(v);
				view_set_filter(v, filters[f]);
				for (line = 0; line < d->buf->nlines; line++) {
					view_goto(v, buffer_line_start(d->buf,
					    line));
					v->tl_cur = -1;
					want = follow_scan(v);
					view_pane_follow(v, 5);
					tried++;
					bad += v->sel != want;
				}
			}
	ok(tried > 300 && bad == 0, "the pane follows the text as a scan of "
	    "its rows would (%zu of %zu differ)", bad, tried);
	view_free(v);
}

/* A filter over a long pane is tried a slice at a time. */
static void
test_filter_slices(void)
{
	struct sbuf t = SBUF_INIT;
	struct buffer *b;
	struct doc *d;
	struct timeline *tl;
	struct view *v;
	char *err = NULL;
	size_t i, steps = 0, want = 0, n = 12 * VIEW_FILTER_SLICE;

	for (i = 0; i < n; i++)
		sbuf_printf(&t, "第%zu行：%zu年。\n\n", i % 1000, 1990 + i % 20);
	b = buffer_from_mem(t.s, t.len, NULL, &err);
	sbuf_free(&t);
	d = doc_new(b);
	tl = timeline_new(d);
	/* The filter searches the event too: 第1995行 never occurs. */
	for (i = 0; i < tl->n; i++)
		want += strcmp(tl->entries[i].value, "1995") == 0;
	v = view_new(d, tl, 40, 10, 1);
	view_set_pane(v, VIEW_PANE_TIMELINE);
	view_toggle_tl_order(v);	/* text order: the years spread out */
	view_set_filter(v, "1995");
	ok(tl->n == n && v->fsearch != NULL && v->nitems > 0 &&
	    v->nitems < want, "a filter over %zu rows tries the first %d at "
	    "once (%zu rows so far)", tl->n, VIEW_FILTER_SLICE, v->nitems);
	while (view_filter_step(v, 1000))
		steps++;
	ok(v->fsearch == NULL && v->nitems == want &&
	    steps + 1 >= (n - VIEW_FILTER_SLICE) / 1000,
	    "... and the rest in steps (%zu steps, %zu of %zu rows)", steps,
	    v->nitems, want);
	for (i = 0; i < v->nitems; i++)
		if (strcmp(tl->entries[view_item(v, i).index].value, "1995"))
			break;
	is_int(i, v->nitems, "... each row one the filter matches");
	view_set_filter(v, NULL);
	ok(v->fsearch == NULL && v->nitems == tl->n, "no filter: every row");
	view_free(v);

	/* Results filtered while the matches are still being counted. */
	v = view_new(d, tl, 40, 10, 1);
	view_search_set(v, "年", 0, 0, &err);
	view_set_pane(v, VIEW_PANE_RESULTS);
	view_search_count(v, 3 * VIEW_FILTER_SLICE);
	view_set_filter(v, "1995");
	while (view_filter_step(v, 1000))
		;
	steps = v->nitems;
	view_pane_select(v, steps - 1, 5);
	view_search_count(v, 2000);
	ok(v->nitems >= steps && v->sel == steps - 1, "counting more matches "
	    "keeps the filtered rows and the selection (%zu of %zu, row %zu)",
	    v->nitems, steps, v->sel);
	while (view_search_count(v, 2000) || view_filter_step(v, 1000))
		;
	is_int(v->nitems, n / 20, "... and ends with every row the filter "
	    "matches");
	view_free(v);
	timeline_free(tl);
	doc_free(d);
	buffer_free(b);
}

/* A chronological order sorted elsewhere is taken, and sorted once. */
static void
test_set_doc_sorted(const struct doc *d, const struct timeline *t)
{
	struct view *v = view_new(d, NULL, 40, 10, 1);
	size_t *order = xreallocarray(NULL, t->n, sizeof *order), *mine;

	timeline_sort_by_date(t, order);
	view_set_doc_sorted(v, d, t, order);
	ok(v->tl == t && v->tl_order == order,
	    "view_set_doc_sorted takes the order handed in");
	view_toggle_tl_order(v);
	ok(v->tl_order != order && v->tl_order[1] == 1,
	    "s shows the text order");
	view_toggle_tl_order(v);
	ok(v->tl_order == order, "s again: the same order, not sorted again");
	view_set_doc(v, d, t);
	ok(v->tl_order == order, "the same timeline again keeps its order");
	view_set_doc(v, d, NULL);
	ok(v->tl_order == NULL && v->date_order == NULL,
	    "no timeline: no order");
	view_set_doc(v, d, t);
	mine = xreallocarray(NULL, t->n, sizeof *mine);
	timeline_sort_by_date(t, mine);
	ok(v->tl_order != NULL && memcmp(mine, v->tl_order, t->n *
	    sizeof *mine) == 0, "a timeline without an order is sorted by "
	    "the view");
	free(mine);
	view_free(v);
}

static void
test_sections(const struct doc *d)
{
	struct view *v = view_new(d, NULL, 40, 10, 1);

	is_int(view_section(v), 0, "the first line is in section 0");
	is_int(view_next_section(v, 1), 0, "] finds a next section");
	is_int(v->top_off, d->sections[1].off, "] goes to section 2");
	is_int(view_section(v), 1, "the status names section 2");
	view_next_section(v, 1);
	is_int(v->top_off, d->sections[2].off, "] again goes to section 3");
	view_prev_section(v, 1);
	is_int(v->top_off, d->sections[1].off, "[ goes back to section 2");
	view_scroll(v, 3);
	view_prev_section(v, 1);
	is_int(v->top_off, d->sections[1].off,
	    "[ inside a section goes to its heading");
	view_home(v);
	view_next_section(v, 2);
	is_int(v->top_off, d->sections[2].off, "2] skips a section");
	is_int(view_prev_section(v, 9), 0, "9[ goes as far as it can");
	is_int(v->top_off, d->sections[0].off, "... to the first section");
	is_int(view_prev_section(v, 1), -1, "[ at the first heading fails");
	view_free(v);
}

struct spans {
	size_t a[16], z[16], n;
};

static void
span_add(void *arg, size_t a, size_t z)
{
	struct spans *s = arg;

	if (s->n < 16) {
		s->a[s->n] = a;
		s->z[s->n] = z;
	}
	s->n++;
}

/* view_date_each against a scan of every entry, over many ranges. */
static void
test_date_each(const struct doc *d, const struct timeline *t)
{
	struct view *v = view_new(d, t, 40, 10, 1);
	struct spans got, want;
	size_t off, end, i, bad = 0, len = d->buf->len;

	for (off = 0; off <= len; off += 7)
		for (end = off; end <= len && end <= off + 200; end += 13) {
			memset(&got, 0, sizeof got);
			memset(&want, 0, sizeof want);
			view_date_each(v, off, end, span_add, &got);
			for (i = 0; i < t->n; i++)
				if (t->entries[i].end > off &&
				    t->entries[i].off < end)
					span_add(&want, t->entries[i].off,
					    t->entries[i].end);
			if (got.n != want.n || memcmp(got.a, want.a,
			    sizeof got.a) != 0 || memcmp(got.z, want.z,
			    sizeof got.z) != 0)
				bad++;
		}
	is_int(bad, 0, "view_date_each finds the entries a scan finds");
	memset(&got, 0, sizeof got);
	view_date_each(v, t->entries[1].off + 1, t->entries[1].off + 2,
	    span_add, &got);
	ok(got.n == 1 && got.a[0] == t->entries[1].off,
	    "an entry that starts above the range is found");
	view_free(v);
}

static void
test_entries(const struct doc *d, const struct timeline *t)
{
	struct view *v = view_new(d, t, 40, 10, 1);
	size_t order[NSEC];
	struct sbuf b = SBUF_INIT;
	size_t i;

	timeline_sort_by_date(t, order);
	for (i = 0; i < NSEC; i++)
		if (v->tl_order[i] != order[i])
			break;
	is_int(i, NSEC, "the timeline pane is in chronological order first");
	view_toggle_tl_order(v);
	is_int(v->tl_by_date, 0, "s switches to document order");
	is_int(view_next_entry(v, 1), 0, "} finds an entry");
	is_int(v->hl_off, t->entries[0].off, "} highlights the first entry");
	is_int(buffer_line_of(d->buf, v->top_off), t->entries[0].line,
	    "} shows the entry's line at the top");
	is_int(view_date_entry(v), 0, "the date in view is that entry's");
	view_next_entry(v, 1);
	is_int(v->hl_off, t->entries[1].off, "} again: the second entry");
	view_prev_entry(v, 1);
	is_int(v->hl_off, t->entries[0].off, "{ goes back to the first");
	is_int(view_prev_entry(v, 1), -1, "{ before the first fails");
	view_goto(v, d->sections[2].off);
	view_next_entry(v, 1);
	is_int(v->hl_off, t->entries[2].off,
	    "after scrolling away, } takes the next entry after the text");
	is_int(view_next_entry(v, 1), -1, "} after the last fails");

	view_set_pane(v, VIEW_PANE_TIMELINE);
	is_int(v->nitems, NSEC, "the timeline pane lists every entry");
	ok(v->items == NULL, "... without a copy of them (no filter)");
	view_item_text(v, 1, &b);
	ok(strstr(b.s, "2009") != NULL, "a timeline row shows its value (%s)",
	    b.s);
	sbuf_free(&b);
	view_home(v);
	v->tl_cur = -1;
	view_pane_follow(v, 5);
	is_int(v->sel, 0, "the pane follows the text to the entry in view");
	view_free(v);
}

static void
test_pane(const struct doc *d)
{
	struct view *v = view_new(d, NULL, 40, 10, 1);
	struct sbuf b = SBUF_INIT;

	is_int(v->nitems, NSEC, "the outline lists every section");
	view_item_text(v, 2, &b);
	is_str(b.s, "Section 3", "an outline row is the heading's text");
	view_pane_move(v, 5, 2);
	is_int(v->sel, NSEC - 1, "moving the selection is clamped");
	is_int(v->pane_top, 1, "the pane scrolls to show the selection");
	view_pane_jump(v);
	is_int(v->top_off, d->sections[2].off, "Enter jumps to the section");
	view_home(v);
	view_pane_follow(v, 2);
	is_int(v->sel, 0, "the selection follows the text");
	view_set_filter(v, "Section 2");
	is_int(v->nitems, 1, "a filter narrows the pane");
	is_int(view_item(v, 0).index, 1, "... to the matching section");
	view_set_filter(v, "nothing like it");
	is_int(v->nitems, 0, "a filter can leave nothing");
	is_int(view_pane_jump(v), -1, "Enter on an empty pane does nothing");
	view_set_filter(v, NULL);
	is_int(v->nitems, NSEC, "clearing the filter shows all again");
	view_mark_set(v, 'a');
	view_next_section(v, 1);
	is_int(view_mark_jump(v, 'a'), 0, "'a returns to mark a");
	is_int(v->top_off, 0, "... where it was set");
	is_int(view_mark_jump(v, 'b'), -1, "an unset mark fails");
	sbuf_free(&b);
	view_free(v);
}

static void
test_search(const struct doc *d)
{
	struct view *v = view_new(d, NULL, 40, 10, 1);
	char *err = NULL;
	size_t n = 0, first;

	is_int(view_search_set(v, "event", 0, 0, &err), 0, "/event matches");
	first = find(d->buf, "event", 0);
	is_int(v->cur_off, first, "the first match is the current one");
	is_int(view_search_index(v), 0, "before counting, i is unknown");
	while (view_search_count(v, 1))
		;
	is_int(v->count, NSEC, "counting finds every match");
	is_int(view_search_index(v), 1, "match 1/3");
	is_int(view_search_step(v, 0, 1), 0, "n goes to the next match");
	is_int(view_search_index(v), 2, "match 2/3");
	ok(v->cur_off >= v->top_off && v->cur_off < view_bottom(v),
	    "the current match is on screen");
	is_int(view_search_step(v, 0, 1), 0, "n to the last");
	is_int(view_search_step(v, 0, 1), 1, "n after the last wraps");
	is_int(view_search_index(v), 1, "... to match 1");
	is_int(view_search_step(v, 1, 1), 1, "N before the first wraps");
	is_int(view_search_index(v), 3, "... to the last match");
	view_search_each(v, 0, d->buf->len, collect, &n);
	is_int(n, NSEC, "every match is reported for highlighting");
	view_home(v);
	is_int(view_search_set(v, "", 1, 0, &err), 0,
	    "an empty pattern repeats the last one");
	is_str(v->pattern, "event", "... with the same pattern");
	is_int(view_search_set(v, "no such words", 0, 0, &err), 1,
	    "a pattern that matches nothing says so");
	view_set_pane(v, VIEW_PANE_RESULTS);
	view_search_set(v, "line 1 ", 0, 0, &err);
	while (view_search_count(v, 1000))
		;
	is_int(v->nitems, NSEC, "the results pane lists every match");
	{
		struct sbuf b = SBUF_INIT;

		view_item_text(v, 1, &b);
		ok(b.s != NULL && strstr(b.s, "line 1 ") != NULL &&
		    strstr(b.s, "[Section 2]") != NULL,
		    "a result shows the match and its section (%s)", b.s);
		sbuf_free(&b);
	}
	view_pane_select(v, 2, 5);
	view_pane_jump(v);
	is_int(view_search_index(v), 3, "Enter on a result makes it current");
	view_search_clear(v);
	is_int(v->nitems, 0, "clearing the search empties the results");
	view_free(v);
}

/* The text of row r of p: its cells' bytes, or their visible forms. */
static char *
row_text(const struct view_paint *p, int r, const struct buffer *b)
{
	struct sbuf t = SBUF_INIT;
	size_t i;

	sbuf_adds(&t, "");
	for (i = 0; i < p->rows[r].n; i++) {
		const struct lcell *c = &p->cells[p->rows[r].first + i].c;

		if (c->repl[0] != '\0')
			sbuf_adds(&t, c->repl);
		else
			sbuf_add(&t, b->data + c->off, c->len);
	}
	return sbuf_take(&t);
}

/* How many cells of row r have style st. */
static size_t
row_count(const struct view_paint *p, int r, int st)
{
	size_t i, n = 0;

	for (i = 0; i < p->rows[r].n; i++)
		n += p->cells[p->rows[r].first + i].style == st;
	return n;
}

static void
test_paint(const struct doc *d, const struct timeline *t)
{
	struct view *v = view_new(d, t, 40, 6, 1);
	struct view_paint p;
	struct view_status st;
	char *s, *err = NULL;
	int r, cols;
	size_t i;

	memset(&p, 0, sizeof p);
	view_paint_rows(v, 40, &p);
	is_int(p.nrows, 6, "a row painted for each row of the pane");
	is_int(p.rows[0].style, VIEW_STYLE_HEADING, "the first is a heading");
	is_int(p.rows[0].level, 1, "... of level 1");
	s = row_text(&p, 0, d->buf);
	ok(strstr(s, "Section 1") != NULL, "... showing its text (%s)", s);
	free(s);
	is_int(row_count(&p, 0, VIEW_STYLE_HEADING), p.rows[0].n,
	    "... every cell in the heading's style");
	is_int(p.rows[2].style, VIEW_STYLE_TEXT, "the body is text");
	s = row_text(&p, 2, d->buf);
	is_str(s, "s0 line 0 words", "... showing its line");
	free(s);

	view_paint_rows(v, 5, &p);
	for (r = 0; r < p.nrows; r++) {
		for (i = 0, cols = 0; i < p.rows[r].n; i++)
			cols += p.cells[p.rows[r].first + i].c.width;
		if (cols > 5)
			break;
	}
	is_int(r, p.nrows, "no row has more cells than fit the width");

	/* A timeline entry, then a jump over it. */
	view_goto(v, t->entries[0].off);
	view_paint_rows(v, 40, &p);
	is_int(row_count(&p, 0, VIEW_STYLE_ENTRY), 4, "a year is an entry");
	view_status(v, &st);
	is_str(st.date, "2010", "the status line gives its date");
	is_str(st.section, "Section 1", "... and the section");
	ok(st.title == NULL, "... and no title, for a text without one");
	ok(!st.have_match, "no match yet");
	v->hl_off = t->entries[0].off;
	v->hl_end = t->entries[0].end;
	view_paint_rows(v, 40, &p);
	is_int(row_count(&p, 0, VIEW_STYLE_JUMP), 4, "a jump target wins "
	    "over the entry");
	is_int(row_count(&p, 0, VIEW_STYLE_ENTRY), 0, "... all of it");
	v->hl_off = v->hl_end = 0;

	/* Matches: the current one, and the others. */
	view_home(v);
	view_search_set(v, "words", 0, 0, &err);
	free(err);
	while (view_search_count(v, 100))
		;
	view_paint_rows(v, 40, &p);
	for (r = 0; r < p.nrows; r++)
		if (row_count(&p, r, VIEW_STYLE_CURMATCH) > 0)
			break;
	ok(r < p.nrows, "the current match is painted so");
	is_int(row_count(&p, r, VIEW_STYLE_CURMATCH), 5, "... all five "
	    "letters");
	is_int(row_count(&p, r + 1, VIEW_STYLE_MATCH), 5, "the next line's "
	    "match is a match");
	view_status(v, &st);
	ok(st.have_match && st.match_i == 1 && !st.match_more,
	    "the status line says match 1 of all (%zu)", st.match_i);
	is_int(st.match_n, NSEC * (NLINE - 1), "... of every one counted");
	view_search_clear(v);
	view_end(v);
	view_status(v, &st);
	is_int(st.percent, 100, "at the end: 100%%");
	view_paint_free(&p);
	ok(p.rows == NULL && p.cells == NULL, "painting frees its rows");
	view_free(v);
}

/* A control character shows as a control, but in a figure's line. */
static void
test_paint_ctl(void)
{
	static const char text[] = "a\x01z plain\n";
	struct buffer *b;
	struct doc *d;
	struct view *v;
	struct view_paint p;
	char *err = NULL, *s;
	size_t i;
	int found = 0;

	b = buffer_from_mem(text, sizeof text - 1, NULL, &err);
	d = doc_new(b);
	v = view_new(d, NULL, 40, 3, 1);
	memset(&p, 0, sizeof p);
	view_paint_rows(v, 40, &p);
	s = row_text(&p, 0, b);
	ok(strstr(s, "a^Az") != NULL, "a control shows visibly (%s)", s);
	free(s);
	for (i = 0; i < p.rows[0].n; i++)
		if (p.cells[i].c.repl[0] != '\0')
			found = p.cells[i].style == VIEW_STYLE_CTL;
	ok(found, "... painted as a control");
	is_int(row_count(&p, 0, VIEW_STYLE_TEXT), p.rows[0].n - 1,
	    "... and the rest as text");
	view_paint_free(&p);
	view_free(v);
	doc_free(d);
	buffer_free(b);
}

int
main(void)
{
	struct buffer *b = make_text();
	struct doc *d = make_doc(b);
	struct timeline *t = make_timeline(d);

	test_scroll(d);
	test_sections(d);
	test_entries(d, t);
	test_set_doc_sorted(d, t);
	test_follow(d, t);
	test_filter_slices();
	test_date_each(d, t);
	test_pane(d);
	test_search(d);
	test_set_doc(d, t);
	test_paint(d, t);
	test_paint_ctl();
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return done_testing();
}
