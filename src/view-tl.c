/*
 * view-tl.c - the timeline pane: its rows, its histogram, going to a date.
 *
 * The pane's rows are tl_order (view-pane.c), the timeline's entries in
 * date or text order with the citations left out unless tl_cite.  A row
 * is made when drawn: the entry's value with its modifier (chrono_label),
 * then its event, then, in a pane wide enough, its section.  The
 * histogram (struct chrono_hist) is built from the chronological order
 * when first asked for at a width and dropped whenever the entries shown
 * change; hist_cur is its selected bin.  Going to a date is a bisection
 * of the chronological order by sort key, the hidden entries stepped
 * over.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/chrono.h"
#include "juan/view.h"
#include "view-int.h"

/* Appends s (document text), cut to at most cols columns; returns them. */
static int
add_cols(const struct view *v, struct sbuf *b, const char *s, size_t n,
    int cols)
{
	struct sbuf t = SBUF_INIT;
	size_t i = 0;
	uint32_t c;
	int k, w, used = 0;

	util_safe_add(&t, s, n, 1);
	while (i < t.len) {
		k = util_u8_next(t.s + i, t.len - i, &c);
		w = layout_str_width(t.s + i, (size_t)k, v->lo.ambiwidth);
		if (used + w > cols)
			break;
		used += w;
		i += (size_t)k;
	}
	sbuf_add(b, t.s != NULL ? t.s : "", i);
	sbuf_free(&t);
	return used;
}

void
view_tl_row(const struct view *v, size_t index, ssize_t prev, int cols,
    struct sbuf *b)
{
	const struct tl_entry *e = &v->tl->entries[index];
	const char *sec = NULL, *ev = e->event != NULL ? e->event : "";
	char lab[80], plab[80];
	size_t len = b->len, elen = e->end - e->off;
	int used, room, secw = 0;

	chrono_label(e, lab, sizeof lab);
	if (e->section >= 0 && (size_t)e->section < v->doc->nsections)
		sec = v->doc->sections[e->section].title;
	if (cols < 0) {
		/* What the filter searches. */
		util_safe_add(b, lab, strlen(lab), 1);
		sbuf_addc(b, ' ');
		util_safe_add(b, v->doc->buf->data + e->off, elen, 1);
		sbuf_addc(b, ' ');
		util_safe_add(b, ev, strlen(ev), 1);
		if (sec != NULL) {
			sbuf_addc(b, ' ');
			util_safe_add(b, sec, strlen(sec), 1);
		}
		return;
	}
	if (cols == 0)
		cols = 1000;
	/* Entries of one value group under it: it is shown once. */
	if (prev >= 0) {
		chrono_label(&v->tl->entries[prev], plab, sizeof plab);
		if (strcmp(plab, lab) == 0) {
			sbuf_printf(b, "%*s", layout_str_width(lab,
			    strlen(lab), v->lo.ambiwidth), "");
			lab[0] = '\0';
		}
	}
	util_safe_add(b, lab, strlen(lab), 1);
	sbuf_adds(b, e->kind == TL_TARGET ? " >" : e->kind == TL_RELATIVE ?
	    " ~" : "  ");
	used = layout_str_width(b->s + len, b->len - len, v->lo.ambiwidth);
	/* A date alone in its clause (a heading) is its own event. */
	if (ev[0] == '\0' || (strlen(ev) == elen &&
	    memcmp(ev, v->doc->buf->data + e->off, elen) == 0))
		ev = "";
	if (ev[0] == '\0')
		ev = NULL;
	if (cols >= VIEW_TL_SECTION_COLS && sec != NULL && (e->section < 0 ||
	    v->doc->sections[e->section].block != e->block))
		secw = layout_str_width(sec, strlen(sec), v->lo.ambiwidth);
	if (secw > cols / 3)
		secw = cols / 3;
	room = cols - used - (secw > 0 ? secw + 4 : 0);
	if (ev != NULL)
		used += add_cols(v, b, ev, strlen(ev), room > 0 ? room : 0);
	else
		used += add_cols(v, b, v->doc->buf->data + e->off, elen,
		    room > 0 ? room : 0);
	if (secw > 0) {
		sbuf_adds(b, "  [");
		add_cols(v, b, sec, strlen(sec), secw);
		sbuf_addc(b, ']');
	}
}

void
view_set_pane_cols(struct view *v, int cols)
{
	v->pane_cols = cols > 0 ? cols : 0;
}

void
view_tl_drop_hist(struct view *v)
{
	chrono_hist_free(v->hist);
	v->hist = NULL;
	v->hist_bins = 0;
}

size_t
view_tl_count(const struct view *v)
{
	return v->tl_n;
}

int
view_tl_citations(const struct view *v)
{
	return v->tl_cite;
}

/*
 * Rebuilds the order and the rows, keeping the selected entry selected
 * (the filter is run to the end to find it, when there is one).
 */
static void
rebuild_keep(struct view *v)
{
	ssize_t want = -1;
	size_t i, r;

	if (v->pane == VIEW_PANE_TIMELINE && v->nitems > 0 &&
	    v->sel < v->nitems)
		want = (ssize_t)view_item(v, v->sel).index;
	v->tl_cur = -1;
	view_pane_build_order(v);
	view_pane_build_items(v);
	if (want < 0 || (r = view_pane_rank(v, (size_t)want)) == (size_t)-1)
		return;
	if (v->items == NULL) {
		v->sel = r < v->nitems ? r : v->sel;
		return;
	}
	while (view_filter_step(v, VIEW_FILTER_SLICE))
		;
	for (i = 0; i < v->nitems; i++)
		if (v->items[i].index == (size_t)want)
			v->sel = i;
}

void
view_toggle_tl_order(struct view *v)
{
	v->tl_by_date = !v->tl_by_date;
	rebuild_keep(v);
}

void
view_toggle_citations(struct view *v)
{
	v->tl_cite = !v->tl_cite;
	rebuild_keep(v);
}

const struct chrono_hist *
view_hist(struct view *v, size_t max_bins)
{
	if (v->tl == NULL || v->tl->n == 0 || v->date_order == NULL)
		return NULL;
	if (max_bins < 1)
		max_bins = 1;
	if (v->hist == NULL || v->hist_bins != max_bins) {
		chrono_hist_free(v->hist);
		v->hist = chrono_hist_new(v->tl, v->date_order, v->tl_cite,
		    max_bins);
		v->hist_bins = max_bins;
		view_hist_follow(v);
	}
	return v->hist;
}

ssize_t
view_hist_in_view(struct view *v)
{
	ssize_t e;

	if (v->hist == NULL || (e = view_date_entry(v)) < 0)
		return -1;
	return chrono_hist_bin(v->hist, v->tl->entries[e].sort_start);
}

void
view_hist_follow(struct view *v)
{
	ssize_t b = view_hist_in_view(v);

	v->hist_cur = b >= 0 ? (size_t)b : 0;
}

size_t
view_hist_cur(struct view *v)
{
	if (v->hist == NULL || v->hist_cur >= v->hist->nbins)
		return 0;
	return v->hist_cur;
}

void
view_hist_move(struct view *v, long n)
{
	size_t i = view_hist_cur(v);

	if (v->hist == NULL || v->hist->nbins == 0)
		return;
	if (n < 0)
		i = (size_t)-n > i ? 0 : i - (size_t)-n;
	else
		i = (size_t)n >= v->hist->nbins - i ? v->hist->nbins - 1 :
		    i + (size_t)n;
	v->hist_cur = i;
}

/* Goes to entry index, as } would, and selects its row. */
static void
go_index(struct view *v, size_t index)
{
	const struct tl_entry *e = &v->tl->entries[index];
	size_t r = view_pane_rank(v, index), i;

	v->tl_cur = r != (size_t)-1 ? (ssize_t)r : -1;
	view_goto(v, e->off);
	v->hl_off = e->off;
	v->hl_end = e->end;
	if (v->pane != VIEW_PANE_TIMELINE || r == (size_t)-1)
		return;
	if (v->items == NULL) {
		v->sel = r < v->nitems ? r : v->sel;
		return;
	}
	for (i = 0; i < v->nitems; i++)
		if (v->items[i].index == index)
			v->sel = i;
}

int
view_hist_jump(struct view *v)
{
	size_t i = view_hist_cur(v);

	if (v->hist == NULL || i >= v->hist->nbins ||
	    v->hist->first[i] == (size_t)-1)
		return -1;
	go_index(v, v->hist->first[i]);
	return 0;
}

int
view_goto_date(struct view *v, const char *s)
{
	const size_t *o = v->date_order;
	size_t lo = 0, hi, mid;
	long a, z;

	if (chrono_parse(s, &a, &z) < 0)
		return -1;
	if (v->tl == NULL || v->tl->n == 0 || o == NULL)
		return 1;
	hi = v->tl->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v->tl->entries[o[mid]].sort_start < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < v->tl->n && v->tl->entries[o[lo]].citation && !v->tl_cite)
		lo++;
	if (lo >= v->tl->n)
		return 1;
	go_index(v, o[lo]);
	return 0;
}
