/*
 * view-pane.c - the side pane's rows: outline, timeline and results.
 *
 * The side pane is a list of rows (struct view_item) rebuilt whenever its
 * mode, the timeline order or the filter changes; sel and pane_top index
 * that list.  Without a filter a row is made when asked for (view_item),
 * from the sections, the timeline's order (tl_order) or the matches, so a
 * pane of millions of rows costs nothing to show; with one, the rows that
 * pass are collected in items, a slice at a time (view_filter_step).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/view.h"
#include "view-int.h"

/*
 * Points tl_order at the pane's order of the timeline: the chronological
 * one is sorted once per timeline (or handed in by view_set_doc_sorted),
 * so that switching orders does not sort again.  Citations (a date in a
 * title or a link's text) are left out unless tl_cite: then tl_order is
 * tl_shown, a copy of the order without them.
 */
void
view_pane_build_order(struct view *v)
{
	size_t i, k, ncite = 0, n = v->tl != NULL ? v->tl->n : 0;
	size_t *base;

	v->tl_order = NULL;
	v->tl_n = 0;
	free(v->tl_pos);
	v->tl_pos = NULL;
	view_tl_drop_hist(v);
	if (n == 0)
		return;
	if (v->date_order == NULL) {
		v->date_order = xreallocarray(NULL, n, sizeof *v->date_order);
		timeline_sort_by_date(v->tl, v->date_order);
	}
	if (v->tl_by_date) {
		base = v->date_order;
	} else {
		if (v->text_order == NULL) {
			v->text_order = xreallocarray(NULL, n,
			    sizeof *v->text_order);
			for (i = 0; i < n; i++)
				v->text_order[i] = i;
		}
		base = v->text_order;
	}
	if (!v->tl_cite)
		for (i = 0; i < n; i++)
			ncite += v->tl->entries[i].citation;
	v->tl_order = base;
	v->tl_n = n;
	if (ncite == 0)
		return;
	v->tl_shown = xreallocarray(v->tl_shown, n - ncite + 1,
	    sizeof *v->tl_shown);
	for (i = k = 0; i < n; i++)
		if (!v->tl->entries[base[i]].citation)
			v->tl_shown[k++] = base[i];
	v->tl_order = v->tl_shown;
	v->tl_n = k;
}

/* Forgets the orders of a timeline that is being replaced. */
void
view_pane_drop_orders(struct view *v)
{
	free(v->date_order);
	free(v->text_order);
	free(v->tl_pos);
	free(v->tl_shown);
	v->date_order = v->text_order = v->tl_order = v->tl_pos = NULL;
	v->tl_shown = NULL;
	v->tl_n = 0;
	view_tl_drop_hist(v);
}

/*
 * The place of timeline entry index in the pane's order (tl_order): the
 * rows of the timeline pane, filtered or not, are in this order.
 */
size_t
view_pane_rank(struct view *v, size_t index)
{
	size_t i;

	if (v->tl_order == v->text_order)
		return index;
	if (v->tl_pos == NULL) {
		v->tl_pos = xreallocarray(NULL, v->tl->n, sizeof *v->tl_pos);
		memset(v->tl_pos, 0xff, v->tl->n * sizeof *v->tl_pos);
		for (i = 0; i < v->tl_n; i++)
			v->tl_pos[v->tl_order[i]] = i;
	}
	return v->tl_pos[index];
}

/*
 * The first row of the side pane whose key is at least key: the rows are
 * in the order of their keys (a section's index, an entry's rank).
 */
static size_t
item_from(struct view *v, size_t key)
{
	size_t lo = 0, hi = v->nitems, mid, k;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		k = v->pane == VIEW_PANE_TIMELINE ?
		    view_pane_rank(v, view_item(v, mid).index) :
		    view_item(v, mid).index;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends a one-line snippet of the text around off..end to b. */
static void
snippet(const struct view *v, size_t off, size_t end, struct sbuf *b)
{
	struct buffer tb;
	const struct buffer *buf = &tb;
	size_t a = off, z = end, k;

	/* Matches are offsets of the text searched (view_search_text). */
	tb.data = (char *)view_search_text(v, &tb.len);

	/*
	 * Up to 4 characters before the match, not across a line, so that
	 * the match still shows in a narrow pane.
	 */
	for (k = 0; k < 4 && a > 0 && buf->data[a - 1] != '\n'; k++) {
		a--;
		while (a > 0 && ((unsigned char)buf->data[a] & 0xC0) == 0x80)
			a--;
	}
	for (k = 0; k < 60 && z < buf->len && buf->data[z] != '\n'; k++)
		z++;
	while (z < buf->len && ((unsigned char)buf->data[z] & 0xC0) == 0x80)
		z++;
	/* Rendered Markdown: the text as shown, without its markup. */
	if (v->lo.hints != NULL) {
		char *t;
		size_t n = hints_shown(v->lo.hints, buf->data, a, z, &t, NULL);

		util_safe_add(b, t, n, 1);
		free(t);
		return;
	}
	util_safe_add(b, buf->data + a, z - a, 1);
}

static void
item_text(const struct view *v, enum view_pane p, size_t index,
    const struct view_item *prev, int cols, struct sbuf *b)
{
	const char *t;
	ssize_t sec;

	switch (p) {
	case VIEW_PANE_OUTLINE:
		t = v->doc->sections[index].title;
		if (t != NULL)
			util_safe_add(b, t, strlen(t), 1);
		break;
	case VIEW_PANE_TIMELINE:
		view_tl_row(v, index, prev != NULL ? (ssize_t)prev->index : -1,
		    cols, b);
		break;
	case VIEW_PANE_RESULTS:
		snippet(v, v->matches[index].off, v->matches[index].end, b);
		/* The section it is in follows the snippet. */
		sec = v->matches[index].off < v->base_off || v->matches[index].off
		    - v->base_off > v->doc->buf->len ? -1 :
		    doc_section_at(v->doc, v->matches[index].off -
		    v->base_off);
		if (sec >= 0 && (size_t)sec < v->doc->nsections &&
		    (t = v->doc->sections[sec].title) != NULL) {
			sbuf_adds(b, "  [");
			util_safe_add(b, t, strlen(t), 1);
			sbuf_addc(b, ']');
		}
		break;
	}
}

/* Row k of the unfiltered pane p. */
static void
make_item(const struct view *v, enum view_pane p, size_t k,
    struct view_item *it)
{
	memset(it, 0, sizeof *it);
	switch (p) {
	case VIEW_PANE_OUTLINE:
		it->index = k;
		it->off = v->doc->sections[k].off;
		it->end = v->doc->blocks[v->doc->sections[k].block].end;
		it->depth = v->doc->sections[k].level - 1;
		break;
	case VIEW_PANE_TIMELINE:
		it->index = v->tl_order[k];
		it->off = v->tl->entries[it->index].off;
		it->end = v->tl->entries[it->index].end;
		break;
	case VIEW_PANE_RESULTS:
		it->index = k;
		it->off = v->matches[k].off;
		it->end = v->matches[k].end;
		break;
	}
}

struct view_item
view_item(const struct view *v, size_t i)
{
	struct view_item it;

	if (v->items != NULL)
		return v->items[i];
	make_item(v, v->pane, i, &it);
	return it;
}

void
view_item_text(const struct view *v, size_t i, struct sbuf *b)
{
	struct view_item it, prev;

	if (i >= v->nitems)
		return;
	it = view_item(v, i);
	if (i > 0)
		prev = view_item(v, i - 1);
	item_text(v, v->pane, it.index, i > 0 ? &prev : NULL, v->pane_cols,
	    b);
}

/*
 * Builds the side pane's rows.  Without a filter they are the pane's
 * sections, entries or matches themselves, made when asked for
 * (view_item): a timeline of millions of entries costs nothing to show.
 * With a filter, the first VIEW_FILTER_SLICE rows are tried here and the
 * rest by view_filter_step, so that typing a filter stays quick.
 */
void
view_pane_build_items(struct view *v)
{
	struct search_opts so = { 0, 0, 0 };
	size_t n = 0;
	char *err = NULL;

	switch (v->pane) {
	case VIEW_PANE_OUTLINE:
		n = v->doc->nsections;
		break;
	case VIEW_PANE_TIMELINE:
		n = v->tl_n;
		break;
	case VIEW_PANE_RESULTS:
		n = v->nmatches;
		break;
	}
	free(v->items);
	v->items = NULL;
	v->nitems = n;
	search_free(v->fsearch);
	v->fsearch = NULL;
	v->filter_rows = n;
	v->filter_from = n;
	if (v->filter != NULL && n > 0) {
		v->fsearch = search_new(v->filter, &so, &err);
		free(err);
	}
	if (v->fsearch != NULL) {
		v->items = xreallocarray(NULL, n, sizeof *v->items);
		v->nitems = 0;
		v->filter_from = 0;
		view_filter_step(v, VIEW_FILTER_SLICE);
	}
	if (v->sel >= v->nitems)
		v->sel = v->nitems > 0 ? v->nitems - 1 : 0;
	if (v->pane_top > v->sel)
		v->pane_top = v->sel;
}

int
view_filter_step(struct view *v, size_t max_rows)
{
	struct view_item it;
	struct sbuf b = SBUF_INIT;
	size_t end, a, z;

	if (v->fsearch == NULL)
		return 0;
	end = v->filter_rows - v->filter_from > max_rows ?
	    v->filter_from + max_rows : v->filter_rows;
	for (; v->filter_from < end; v->filter_from++) {
		make_item(v, v->pane, v->filter_from, &it);
		sbuf_reset(&b);
		item_text(v, v->pane, it.index, NULL, -1, &b);
		if (b.len > 0 && search_next(v->fsearch, b.s, b.len, 0, &a,
		    &z))
			v->items[v->nitems++] = it;
	}
	sbuf_free(&b);
	if (v->filter_from < v->filter_rows)
		return 1;
	search_free(v->fsearch);
	v->fsearch = NULL;
	return 0;
}

void
view_set_pane(struct view *v, enum view_pane p)
{
	if (p != v->pane) {
		v->pane = p;
		v->sel = v->pane_top = 0;
		free(v->filter);
		v->filter = NULL;
	}
	view_pane_build_items(v);
}

void
view_set_filter(struct view *v, const char *filter)
{
	free(v->filter);
	v->filter = filter != NULL && filter[0] != '\0' ? xstrdup(filter) :
	    NULL;
	v->sel = v->pane_top = 0;
	view_pane_build_items(v);
}

void
view_pane_select(struct view *v, size_t i, int rows)
{
	if (v->nitems == 0) {
		v->sel = v->pane_top = 0;
		return;
	}
	if (i >= v->nitems)
		i = v->nitems - 1;
	v->sel = i;
	if (rows < 1)
		rows = 1;
	if (v->sel < v->pane_top)
		v->pane_top = v->sel;
	else if (v->sel >= v->pane_top + (size_t)rows)
		v->pane_top = v->sel - (size_t)rows + 1;
}

void
view_pane_move(struct view *v, long n, int rows)
{
	size_t i = v->sel;

	if (n < 0)
		i = (size_t)-n > i ? 0 : i - (size_t)-n;
	else
		i = (size_t)n > v->nitems ? v->nitems : i + (size_t)n;
	view_pane_select(v, i, rows);
}

int
view_pane_jump(struct view *v)
{
	struct view_item it;

	if (v->nitems == 0)
		return -1;
	it = view_item(v, v->sel);
	if (v->pane == VIEW_PANE_RESULTS) {
		/* A match may be outside a preview: then it is pending. */
		view_search_goto(v, it.off, it.end);
		view_goto(v, v->cur_pending ? v->top_off : it.off - v->base_off);
		v->hl_off = v->cur_pending ? 0 : it.off - v->base_off;
		v->hl_end = v->cur_pending ? 0 : it.end - v->base_off;
		return 0;
	}
	view_goto(v, it.off);
	v->hl_off = it.off;
	v->hl_end = it.end;
	if (v->pane == VIEW_PANE_TIMELINE)
		v->tl_cur = (ssize_t)view_pane_rank(v, it.index);
	return 0;
}

void
view_pane_follow(struct view *v, int rows)
{
	size_t i, best = v->sel;
	ssize_t want = -1, s;
	size_t from;

	/* The rows are in order: bisections, not scans (millions of rows). */
	switch (v->pane) {
	case VIEW_PANE_OUTLINE:
		/* The last section at or before the one in view. */
		s = view_section(v);
		if (s >= 0 && (i = item_from(v, (size_t)s + 1)) > 0)
			best = i - 1;
		break;
	case VIEW_PANE_TIMELINE:
		if (v->tl_cur >= 0 && view_cur_entry_shown(v))
			want = (ssize_t)v->tl_order[v->tl_cur];
		else
			want = view_date_entry(v);
		if (want >= 0 && (i = item_from(v, view_pane_rank(v,
		    (size_t)want))) < v->nitems &&
		    view_item(v, i).index == (size_t)want)
			best = i;
		break;
	case VIEW_PANE_RESULTS:
		from = v->have_cur ? v->cur_off : v->top_off + v->base_off;
		for (i = 0; i < v->nitems; i++)
			if (view_item(v, i).off >= from) {
				best = i;
				break;
			}
		break;
	}
	view_pane_select(v, best, rows);
}
