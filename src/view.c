/*
 * view.c - the reader's state: position, side pane, marks and search.
 *
 * The reading position is top_off, the first byte of the display line at
 * the top of the text pane; it is always the start of a display line of the
 * current layout (view_resize and view_set_doc re-align it with
 * layout_line_at, so that the byte at the top stays in view).  Nothing here
 * counts display lines over the whole text: scrolling walks the layout one
 * line at a time from the top, so a move costs what it shows, and the
 * bottom limit (the top at which the last line is at the bottom) is found
 * by walking back rows lines from the end.
 *
 * The side pane's rows are view-pane.c's, the timeline pane's view-tl.c's.
 * The search keeps one compiled pattern, the current match and a list of
 * matches counted in order from the start of the text, a bounded number
 * at a time (view_search_count), so that match i/N and the results pane
 * fill in while the reader stays responsive.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/view.h"
#include "view-int.h"

/* The most bytes one step of counting looks at. */
#define VIEW_COUNT_BYTES ((size_t)8 << 20)

/* Texts of this many bytes get a second search, for two threads. */
#define VIEW_PAR_MIN ((size_t)32 << 20)

struct view *
view_new(const struct doc *d, const struct timeline *tl, int width,
    int rows, int ambiwidth)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->doc = d;
	v->tl = tl;
	v->lo.width = width > 0 ? width : 1;
	v->lo.ambiwidth = ambiwidth == 2 ? 2 : 1;
	v->lo.show_boilerplate = 0;
	v->lo.hints = d != NULL ? d->hints : NULL;
	v->layout = layout_new(d, &v->lo);
	v->rows = rows > 0 ? rows : 0;
	v->pane_pct = 30;
	v->tl_by_date = 1;
	v->tl_cur = -1;
	view_pane_build_order(v);
	view_pane_build_items(v);
	view_home(v);
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	layout_free(v->layout);
	view_pane_drop_orders(v);
	free(v->items);
	search_free(v->fsearch);
	free(v->filter);
	search_free(v->search);
	search_free(v->search2);
	free(v->pattern);
	free(v->matches);
	free(v);
}

/* Moves top_off back to the start of the display line that holds it. */
static void
align_top(struct view *v)
{
	struct dline dl;

	if (layout_line_at(v->layout, v->top_off, &dl) == 0)
		v->top_off = dl.off;
	else
		v->top_off = 0;
}

void
view_set_doc(struct view *v, const struct doc *d, const struct timeline *tl)
{
	view_set_doc_sorted(v, d, tl, NULL);
}

void
view_set_doc_sorted(struct view *v, const struct doc *d,
    const struct timeline *tl, size_t *by_date)
{
	if (tl != v->tl || by_date != NULL) {
		view_pane_drop_orders(v);
		v->date_order = by_date;
	}
	v->doc = d;
	v->tl = tl;
	v->lo.hints = d != NULL && !v->source ? d->hints : NULL;
	layout_free(v->layout);
	v->layout = layout_new(d, &v->lo);
	if (v->search != NULL)
		search_set_hints(v->search, v->lo.hints);
	if (v->search2 != NULL)
		search_set_hints(v->search2, v->lo.hints);
	v->tl_cur = -1;
	/* A text given with view_set_text has said what of it stays. */
	if (!v->keep_search) {
		v->nmatches = v->count = v->count_from = 0;
		v->counted = 0;
	}
	v->keep_search = 0;
	view_pane_build_order(v);
	view_pane_build_items(v);
	align_top(v);
}

void
view_resize(struct view *v, int width, int rows)
{
	v->rows = rows > 0 ? rows : 0;
	if (width < 1)
		width = 1;
	if (width != v->lo.width) {
		v->lo.width = width;
		layout_set_opts(v->layout, &v->lo);
	}
	align_top(v);
}

void
view_set_boilerplate(struct view *v, int show)
{
	v->lo.show_boilerplate = show;
	layout_set_opts(v->layout, &v->lo);
	align_top(v);
}

void
view_set_source(struct view *v, int source)
{
	size_t top = v->top_off;

	v->source = source != 0;
	v->lo.hints = v->doc != NULL && !v->source ? v->doc->hints : NULL;
	layout_set_opts(v->layout, &v->lo);
	/* What search finds depends on what is shown: count again. */
	if (v->search != NULL)
		search_set_hints(v->search, v->lo.hints);
	if (v->search2 != NULL)
		search_set_hints(v->search2, v->lo.hints);
	v->nmatches = v->count = v->count_from = 0;
	v->counted = 0;
	if (v->pane == VIEW_PANE_RESULTS)
		view_pane_build_items(v);
	/* The offsets are the source's in both: the line that holds the
	 * first byte shown goes to the top. */
	view_goto(v, top);
}

/*
 * The highest top: the start of the display line rows - 1 lines above the
 * last one, or the first line when the whole text fits.
 */
static size_t
max_top(struct view *v)
{
	struct dline dl, pv;
	int i;

	if (layout_line_at(v->layout, v->doc->buf->len, &dl) != 0)
		return 0;
	for (i = 1; i < v->rows; i++) {
		if (layout_prev(v->layout, &dl, &pv) != 0)
			break;
		dl = pv;
	}
	return dl.off;
}

void
view_scroll(struct view *v, long n)
{
	struct dline dl, nx;
	size_t limit;

	if (layout_line_at(v->layout, v->top_off, &dl) != 0)
		return;
	if (n > 0) {
		limit = max_top(v);
		while (n-- > 0 && dl.off < limit &&
		    layout_next(v->layout, &dl, &nx) == 0)
			dl = nx;
	} else {
		while (n++ < 0 && layout_prev(v->layout, &dl, &nx) == 0)
			dl = nx;
	}
	v->top_off = dl.off;
}

void
view_goto(struct view *v, size_t off)
{
	struct dline dl;
	size_t limit;

	if (off > v->doc->buf->len)
		off = v->doc->buf->len;
	if (layout_line_at(v->layout, off, &dl) != 0) {
		v->top_off = 0;
		return;
	}
	limit = max_top(v);
	v->top_off = dl.off > limit ? limit : dl.off;
}

void
view_home(struct view *v)
{
	struct dline dl;

	v->top_off = layout_first(v->layout, &dl) == 0 ? dl.off : 0;
}

void
view_end(struct view *v)
{
	v->top_off = max_top(v);
}

size_t
view_bottom(struct view *v)
{
	struct dline dl, nx;
	int i;

	if (layout_line_at(v->layout, v->top_off, &dl) != 0)
		return v->doc->buf->len;
	for (i = 1; i < v->rows; i++) {
		if (layout_next(v->layout, &dl, &nx) != 0)
			return v->doc->buf->len;
		dl = nx;
	}
	/* Only hidden blocks below: the screen shows the end. */
	if (v->rows > 0 && layout_next(v->layout, &dl, &nx) != 0)
		return v->doc->buf->len;
	return v->rows > 0 ? dl.next : v->top_off;
}

int
view_percent(struct view *v)
{
	size_t len = v->total_len > 0 ? v->total_len : v->doc->buf->len, b;

	if (len == 0)
		return 100;
	b = v->base_off + view_bottom(v);
	if (b >= len)
		return 100;
	/* Of the bytes shown (a preview's are all counted). */
	if (v->total_len == 0 && !v->lo.show_boilerplate) {
		b -= doc_hidden_before(v->doc, b);
		len -= v->doc->hidden_len;
		if (len == 0)
			return 100;
	}
	return (int)((double)b * 100.0 / (double)len);
}

ssize_t
view_section(const struct view *v)
{
	size_t lo = 0, hi = v->doc->nsections, mid;

	/* The last section that starts at or before the top. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->doc->sections[mid].off <= v->top_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo - 1;
}

/* The first timeline entry (document order) at or after off. */
static size_t
entry_from(const struct view *v, size_t off)
{
	size_t lo = 0, hi = v->tl->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->tl->entries[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
view_date_each(const struct view *v, size_t off, size_t end,
    void (*fn)(void *, size_t, size_t), void *arg)
{
	const struct tl_entry *e;
	size_t lo = 0, hi, mid;

	if (v->tl == NULL)
		return;
	/* Entries do not overlap: their ends are in order too. */
	e = v->tl->entries;
	hi = v->tl->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (e[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < v->tl->n && e[lo].off < end; lo++)
		fn(arg, e[lo].off, e[lo].end);
}

ssize_t
view_date_entry(struct view *v)
{
	const struct tl_entry *e;
	struct dline dl;
	size_t top_end, sec_off = 0, sec_end = v->doc->buf->len, i, k;
	ssize_t sec, j, before = -1;

	if (v->tl == NULL || v->tl->n == 0)
		return -1;
	e = v->tl->entries;
	top_end = layout_line_at(v->layout, v->top_off, &dl) == 0 ?
	    dl.next : v->top_off + 1;
	if ((sec = view_section(v)) >= 0)
		sec_off = v->doc->sections[sec].off;
	if ((size_t)(sec + 1) < v->doc->nsections)
		sec_end = v->doc->sections[sec + 1].off;
	/*
	 * The last entry on or above the top line, in the section; a few
	 * citations are stepped over (they date a work, not the text).
	 */
	i = entry_from(v, top_end);
	for (j = (ssize_t)i - 1, k = 0; j >= 0 && k < 64; j--, k++) {
		if (e[j].citation)
			continue;
		if (e[j].off >= sec_off)
			return j;
		before = j;
		break;
	}
	/* Else the section's first, else the last one before it. */
	for (k = 0; i < v->tl->n && e[i].off < sec_end && k < 64; i++, k++)
		if (!e[i].citation)
			return (ssize_t)i;
	return before;
}

int
view_next_section(struct view *v, long n)
{
	size_t i, nsec = v->doc->nsections;
	ssize_t s = view_section(v);

	if (nsec == 0 || n <= 0)
		return -1;
	i = (size_t)(s + 1);
	/* A heading shown in the top line counts as the current one. */
	if (s >= 0 && v->doc->sections[s].off < v->top_off && i < nsec &&
	    v->doc->sections[i].off <= v->top_off)
		i++;
	if (i >= nsec)
		return -1;
	i += (size_t)n - 1;
	if (i >= nsec)
		i = nsec - 1;
	view_goto(v, v->doc->sections[i].off);
	v->hl_off = v->hl_end = 0;
	return 0;
}

int
view_prev_section(struct view *v, long n)
{
	ssize_t s = view_section(v);

	if (s < 0 || n <= 0)
		return -1;
	/*
	 * The first step goes to the heading of the section the top is in,
	 * or, when that heading is the top line, to the section before.
	 */
	if (v->doc->sections[s].off >= v->top_off) {
		if (s == 0)
			return -1;
		s--;
	}
	s -= n - 1;
	if (s < 0)
		s = 0;
	view_goto(v, v->doc->sections[s].off);
	v->hl_off = v->hl_end = 0;
	return 0;
}

/* Tells whether the highlighted entry is on the screen. */
int
view_cur_entry_shown(struct view *v)
{
	const struct tl_entry *e;

	if (v->tl_cur < 0 || (size_t)v->tl_cur >= v->tl_n)
		return 0;
	e = &v->tl->entries[v->tl_order[v->tl_cur]];
	return e->off >= v->top_off && e->off < view_bottom(v);
}

static void
go_entry(struct view *v, ssize_t pos)
{
	const struct tl_entry *e = &v->tl->entries[v->tl_order[pos]];

	v->tl_cur = pos;
	view_goto(v, e->off);
	v->hl_off = e->off;
	v->hl_end = e->end;
}

/*
 * In text order: the place in tl_order of the first entry shown that
 * starts at or after off (tl_order holds entry indexes in increasing
 * order then, some left out).
 */
static ssize_t
text_place(struct view *v, size_t off)
{
	size_t i = entry_from(v, off), lo = 0, hi = v->tl_n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->tl_order[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo;
}

int
view_next_entry(struct view *v, long n)
{
	ssize_t pos, last;

	if (v->tl == NULL || v->tl_n == 0 || n <= 0)
		return -1;
	last = (ssize_t)v->tl_n - 1;
	pos = v->tl_cur;
	/*
	 * In document order the next entry is the one after the text shown,
	 * unless the reader is still looking at the one jumped to.
	 */
	if (!v->tl_by_date && !view_cur_entry_shown(v))
		pos = text_place(v, v->top_off) - 1;
	if (pos >= last)
		return -1;
	pos += n;
	if (pos > last)
		pos = last;
	go_entry(v, pos);
	return 0;
}

int
view_prev_entry(struct view *v, long n)
{
	ssize_t pos;

	if (v->tl == NULL || v->tl_n == 0 || n <= 0)
		return -1;
	pos = v->tl_cur;
	if (!v->tl_by_date && !view_cur_entry_shown(v))
		pos = text_place(v, v->top_off);
	if (pos <= 0)
		return -1;
	pos -= n;
	if (pos < 0)
		pos = 0;
	go_entry(v, pos);
	return 0;
}

void
view_mark_set(struct view *v, int letter)
{
	if (letter < 'a' || letter > 'z')
		return;
	v->marks[letter - 'a'] = v->top_off;
	v->marks_set |= 1u << (letter - 'a');
}

int
view_mark_jump(struct view *v, int letter)
{
	if (letter < 'a' || letter > 'z' ||
	    !(v->marks_set & (1u << (letter - 'a'))))
		return -1;
	view_goto(v, v->marks[letter - 'a']);
	return 0;
}

/*
 * The text search looks in: the whole text's bytes given while a preview
 * is shown (view_set_text), else the document's.  Every search offset
 * (the current match, the matches counted) is an offset of it, that is
 * the document's plus base_off.
 */
const char *
view_search_text(const struct view *v, size_t *len)
{
	if (v->text != NULL) {
		*len = v->text_len;
		return v->text;
	}
	*len = v->doc->buf->len;
	return v->doc->buf->data;
}

/* The byte after the character at off (off < len) of the search text. */
static size_t
next_char(const struct view *v, size_t off)
{
	size_t n;
	const char *s = view_search_text(v, &n);

	off++;
	while (off < n && ((unsigned char)s[off] & 0xC0) == 0x80)
		off++;
	return off;
}

/*
 * Makes off..end (offsets of the search text) the current match and
 * scrolls it into view, or, when the document shown does not hold it (a
 * preview), leaves it for the caller to show (view_search_pending).
 */
static void
show_match(struct view *v, size_t off, size_t end)
{
	v->have_cur = 1;
	v->cur_off = off;
	v->cur_end = end;
	v->cur_pending = off < v->base_off ||
	    off - v->base_off > v->doc->buf->len;
	if (v->cur_pending)
		return;
	off -= v->base_off;
	if (off < v->top_off || off >= view_bottom(v))
		view_goto(v, off);
}

/* One step forward (dir > 0) or back; returns 0, 1 wrapped, -1 none. */
static int
find(struct view *v, int dir, size_t from)
{
	size_t a, z, n;
	const char *t = view_search_text(v, &n);

	if (dir > 0) {
		if (search_next_par(v->search, v->search2, t, n, from, &a,
		    &z)) {
			show_match(v, a, z);
			return 0;
		}
		if (search_next_par(v->search, v->search2, t, n, 0, &a, &z)) {
			show_match(v, a, z);
			return 1;
		}
	} else {
		if (search_prev(v->search, t, n, from, &a, &z)) {
			show_match(v, a, z);
			return 0;
		}
		if (search_prev(v->search, t, n, n + 1, &a, &z)) {
			show_match(v, a, z);
			return 1;
		}
	}
	return -1;
}

void
view_set_text(struct view *v, const char *text, size_t len, int same)
{
	if (!same || text != v->text || len != v->text_len) {
		if (!same) {
			/* The offsets found mean nothing in the new text. */
			v->refind = v->have_cur && v->cur_pending;
			v->have_cur = v->cur_pending = 0;
			v->nmatches = v->count = v->count_from = 0;
			v->counted = 0;
		}
		if (v->search != NULL)
			search_forget(v->search);
	}
	v->text = text;
	v->text_len = len;
	v->keep_search = 1;
}

int
view_search_pending(const struct view *v, size_t *off)
{
	if (v->search == NULL || !((v->have_cur && v->cur_pending) ||
	    v->refind))
		return 0;
	*off = v->cur_off;
	return 1;
}

int
view_search_show(struct view *v)
{
	if (v->search == NULL)
		return -1;
	if (v->refind) {
		v->refind = 0;
		return find(v, v->backward ? -1 : 1, v->top_off +
		    v->base_off) < 0 ? -1 : 0;
	}
	if (!v->have_cur || !v->cur_pending)
		return 0;
	show_match(v, v->cur_off, v->cur_end);
	if (v->cur_pending) {
		/* Still not shown: the match is dropped, not the search. */
		v->have_cur = v->cur_pending = 0;
		return -1;
	}
	return 0;
}

void
view_search_defer(struct view *v, int on)
{
	v->defer = on != 0;
}

int
view_search_flush(struct view *v)
{
	if (!v->deferred || v->search == NULL)
		return -1;
	v->deferred = 0;
	return find(v, v->backward ? -1 : 1, v->top_off + v->base_off) < 0 ?
	    1 : 0;
}

void
view_search_goto(struct view *v, size_t off, size_t end)
{
	show_match(v, off, end);
}

int
view_search_set(struct view *v, const char *pattern, int backward,
    int flags, char **err)
{
	struct search_opts so = { (flags & VIEW_SEARCH_REGEX) != 0, 0,
	    (flags & VIEW_SEARCH_NOVARIANTS) != 0 };
	struct search *s;
	char *p;
	size_t n;

	if (pattern == NULL || pattern[0] == '\0') {
		if (v->pattern == NULL) {
			*err = xstrdup("no previous pattern");
			return -1;
		}
		pattern = v->pattern;
	}
	if ((s = search_new(pattern, &so, err)) == NULL)
		return -1;
	search_set_hints(s, v->lo.hints);
	p = xstrdup(pattern);
	search_free(v->search2);
	v->search2 = NULL;
	(void)view_search_text(v, &n);
	if (n >= VIEW_PAR_MIN && util_threads() > 1 &&
	    (v->search2 = search_new(pattern, &so, err)) != NULL)
		search_set_hints(v->search2, v->lo.hints);
	search_free(v->search);
	free(v->pattern);
	v->search = s;
	v->pattern = p;
	v->backward = backward;
	v->have_cur = v->cur_pending = v->refind = v->deferred = 0;
	v->nmatches = v->count = v->count_from = 0;
	v->counted = 0;
	if (v->pane == VIEW_PANE_RESULTS)
		view_pane_build_items(v);
	v->deferred = v->defer;
	if (v->defer)
		return 0;
	return find(v, backward ? -1 : 1, v->top_off + v->base_off) < 0 ?
	    1 : 0;
}

void
view_search_clear(struct view *v)
{
	search_free(v->search);
	search_free(v->search2);
	v->search = v->search2 = NULL;
	v->have_cur = v->cur_pending = v->refind = v->deferred = 0;
	v->nmatches = v->count = v->count_from = 0;
	v->counted = 0;
	if (v->pane == VIEW_PANE_RESULTS)
		view_pane_build_items(v);
}

int
view_search_step(struct view *v, int reverse, long n)
{
	int dir, r, wrapped = 0;
	size_t from, n_text, top = v->top_off + v->base_off;

	if (v->search == NULL)
		return -1;
	dir = (v->backward ? -1 : 1) * (reverse ? -1 : 1);
	if (n < 1)
		n = 1;
	/*
	 * As in less, a search goes on from the screen: from the last
	 * match while it is in view, else from the top of the screen
	 * forward and from its bottom back.
	 */
	if (v->have_cur && !v->cur_pending && (v->cur_end < top ||
	    v->cur_off >= view_bottom(v) + v->base_off))
		v->have_cur = 0;
	(void)view_search_text(v, &n_text);
	while (n-- > 0) {
		if (dir > 0)
			from = !v->have_cur ? top :
			    v->cur_end > v->cur_off ? v->cur_end :
			    v->cur_off < n_text ?
			    next_char(v, v->cur_off) : v->cur_off;
		else
			from = v->have_cur ? v->cur_off : view_bottom(v) +
			    v->base_off;
		if ((r = find(v, dir, from)) < 0)
			return -1;
		wrapped |= r;
	}
	return wrapped;
}

int
view_search_count(struct view *v, size_t max_matches)
{
	struct buffer tb;
	const struct buffer *b = &tb;
	size_t a, z, added = 0, lim;

	if (v->search == NULL || v->counted)
		return 0;
	tb.data = (char *)view_search_text(v, &tb.len);
	/* A step also looks at no more than VIEW_COUNT_BYTES: a rare
	 * pattern in a large text must not hold the screen up either. */
	lim = v->count_from < b->len && b->len - v->count_from >
	    VIEW_COUNT_BYTES ? v->count_from + VIEW_COUNT_BYTES : b->len + 1;
	while (max_matches-- > 0) {
		if (v->count_from > b->len || !search_next_in(v->search,
		    b->data, b->len, v->count_from, lim, &a, &z)) {
			if (lim > b->len)
				v->counted = 1;
			else
				v->count_from = lim;
			break;
		}
		if (v->nmatches < VIEW_MATCH_MAX) {
			if (v->nmatches % 1024 == 0)
				v->matches = xreallocarray(v->matches,
				    v->nmatches + 1024, sizeof *v->matches);
			v->matches[v->nmatches].off = a;
			v->matches[v->nmatches].end = z;
			v->nmatches++;
			added++;
		}
		v->count++;
		v->count_from = z > a ? z : a < b->len ? next_char(v, a) :
		    b->len + 1;
	}
	if (added > 0 && v->pane == VIEW_PANE_RESULTS) {
		if (v->items != NULL) {
			/*
			 * Filtered: the new matches are rows to try after
			 * the others; the rows found and the selection stay.
			 */
			struct search_opts so = { 0, 0, 0 };
			char *err = NULL;

			v->items = xreallocarray(v->items, v->nmatches,
			    sizeof *v->items);
			v->filter_rows = v->nmatches;
			if (v->fsearch == NULL)
				v->fsearch = search_new(v->filter, &so, &err);
			free(err);
		} else
			view_pane_build_items(v);
	}
	return !v->counted;
}

size_t
view_search_index(const struct view *v)
{
	size_t lo = 0, hi = v->nmatches, mid;

	if (!v->have_cur)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->matches[mid].off < v->cur_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < v->nmatches && v->matches[lo].off == v->cur_off)
		return lo + 1;
	return 0;
}

/* Hands the matches of view_search_each over in the document's offsets. */
struct each_doc {
	void (*fn)(void *, size_t, size_t);
	void *arg;
	size_t base;
};

static void
each_doc(struct each_doc *e, size_t a, size_t z)
{
	a = a > e->base ? a - e->base : 0;
	z = z > e->base ? z - e->base : 0;
	e->fn(e->arg, a, z);
}

void
view_search_each(struct view *v, size_t off, size_t end,
    void (*fn)(void *, size_t, size_t), void *arg)
{
	struct each_doc e = { fn, arg, v->base_off };
	size_t lo = 0, hi = v->nmatches, mid, from, a, z, n;
	const char *t;

	if (v->search == NULL)
		return;
	t = view_search_text(v, &n);
	off += e.base;
	end += e.base;
	if (v->nmatches == v->count && (v->counted || v->count_from >= end)) {
		/* Counted matches do not overlap: their ends are sorted. */
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (v->matches[mid].end <= off)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < v->nmatches && v->matches[lo].off < end; lo++)
			each_doc(&e, v->matches[lo].off, v->matches[lo].end);
		return;
	}
	/* A match shown at the top may start a little above it. */
	from = off > 256 ? off - 256 : 0;
	while (from > 0 && ((unsigned char)t[from] & 0xC0) == 0x80)
		from--;
	while (from <= n && search_next(v->search, t, n, from, &a, &z) &&
	    a < end) {
		if (z > off || (z == a && a >= off))
			each_doc(&e, a, z);
		from = z > a ? z : a < n ? next_char(v, a) : n + 1;
	}
}
