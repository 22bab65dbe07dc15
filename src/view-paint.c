/*
 * view-paint.c - what the reader paints: styled cells and the status line.
 *
 * view_paint_rows() walks the layout from top_off, as many display lines
 * as the text pane has rows, and gives each cell one style: the line's
 * (from its kind), over which a timeline entry, then the highlight of a
 * jump, then a search match win, in that order; a control's visible form
 * not otherwise styled is a control, but for a figure line's.  The
 * matches, the entries and the site names injected into the text
 * (doc-inject.c) on screen are gathered first as sorted ranges (struct
 * ranges), and each row's cells walk them once.  The cells are
 * copies of the layout's, so they stay valid while the layout's cache
 * moves on.  The accessors at the end are what the interface reads and
 * sets of the state that view.c keeps.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "view-int.h"

struct ranges {
	size_t (*r)[2];		/* n byte ranges [off, end) in order */
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

/* Tells whether off is in a range, *i walking forward with off. */
static int
in_ranges(const struct ranges *rs, size_t *i, size_t off)
{
	while (*i < rs->n && rs->r[*i][1] <= off)
		(*i)++;
	return *i < rs->n && rs->r[*i][0] <= off;
}

/*
 * Adds the ranges of d->injected (sorted, disjoint) that meet [off, end):
 * the first found by doc_injected_first(), then walked.
 */
static void
injected_add(const struct doc *d, size_t off, size_t end, struct ranges *rs)
{
	size_t lo = doc_injected_first(d, off);

	for (; lo < d->ninjected && d->injected[lo].off < end; lo++)
		ranges_add(rs, d->injected[lo].off, d->injected[lo].end);
}

static unsigned char
line_style(enum dline_kind k)
{
	switch (k) {
	case DLINE_TITLE:
		return VIEW_STYLE_TITLE;
	case DLINE_HEADING:
		return VIEW_STYLE_HEADING;
	case DLINE_CAPTION:
		return VIEW_STYLE_CAPTION;
	case DLINE_FIGURE:
		return VIEW_STYLE_FIGURE;
	case DLINE_BOILERPLATE:
		return VIEW_STYLE_BOILERPLATE;
	default:
		return VIEW_STYLE_TEXT;
	}
}

static struct view_row *
add_row(struct view_paint *p)
{
	if (p->nrows == p->rows_cap) {
		p->rows_cap = p->rows_cap ? p->rows_cap * 2 : 64;
		p->rows = xreallocarray(p->rows, (size_t)p->rows_cap,
		    sizeof *p->rows);
	}
	return &p->rows[p->nrows++];
}

static struct view_cell *
add_cell(struct view_paint *p)
{
	if (p->ncells == p->cells_cap) {
		p->cells_cap = p->cells_cap ? p->cells_cap * 2 : 1024;
		p->cells = xreallocarray(p->cells, p->cells_cap,
		    sizeof *p->cells);
	}
	return &p->cells[p->ncells++];
}

/*
 * The style the format stage gives a cell of a body line styled base: the
 * innermost of code, link, strong and emphasis (the interface adds the
 * attributes of the others from c->style), a drawn mark's own; a heading
 * or a title keeps its line's style from its first cell to its last.
 */
static unsigned char
inline_style(const struct lcell *c, unsigned char base)
{
	static const struct {
		unsigned char bit, style;
	} map[] = {
		{ LSTYLE_MARK, VIEW_STYLE_BOILERPLATE },
		{ LSTYLE_CODE, VIEW_STYLE_CODE },
		{ LSTYLE_LINK, VIEW_STYLE_LINK },
		{ LSTYLE_STRONG, VIEW_STYLE_STRONG },
		{ LSTYLE_EMPH, VIEW_STYLE_EMPH }
	};
	size_t i;

	if (base != VIEW_STYLE_TEXT)
		return base;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (c->style & map[i].bit)
			return map[i].style;
	return base;
}

/*
 * The ranges on screen that style a cell, each with its cursor: the
 * injected names, the timeline's entries, the search's matches.
 */
struct paint_ranges {
	struct ranges is, es, ms;
	size_t ii, ei, mi;		/* the next range of each to test */
};

/* The style of a cell at off of a line styled base. */
static unsigned char
cell_style(const struct view *v, const struct lcell *c, unsigned char base,
    struct paint_ranges *pr)
{
	struct ranges *es = &pr->es, *ms = &pr->ms;
	size_t *ei = &pr->ei, *mi = &pr->mi;
	unsigned char s;

	/* The site's name injected into body text: a style of its own,
	 * close to boilerplate's, so that it reads as not the author's. */
	if (base == VIEW_STYLE_TEXT && in_ranges(&pr->is, &pr->ii, c->off))
		base = VIEW_STYLE_INJECTED;
	base = inline_style(c, base);
	s = base;
	/* A date in a heading is drawn as the heading is. */
	if (in_ranges(es, ei, c->off) && base != VIEW_STYLE_HEADING &&
	    base != VIEW_STYLE_TITLE)
		s = VIEW_STYLE_ENTRY;
	if (c->off >= v->hl_off && c->off < v->hl_end)
		s = VIEW_STYLE_JUMP;
	if (in_ranges(ms, mi, c->off))
		s = v->have_cur && c->off + v->base_off >= v->cur_off &&
		    (c->off + v->base_off < v->cur_end ||
		    c->off + v->base_off == v->cur_off) ?
		    VIEW_STYLE_CURMATCH : VIEW_STYLE_MATCH;
	/* What the layout draws of markup (a bar, a bullet, a cell split
	 * by concealed bytes) is not a control's visible form. */
	if (c->repl[0] != '\0' && s == base && base != VIEW_STYLE_FIGURE &&
	    c->len > 0 && !(c->style & LSTYLE_MARK))
		s = VIEW_STYLE_CTL;
	return s;
}

void
view_paint_rows(struct view *v, int width, struct view_paint *p)
{
	struct paint_ranges pr;
	const struct lcell *c;
	struct view_row *r;
	struct view_cell *vc;
	struct dline dl, nx;
	size_t n, i, bottom;
	int row, col, have;

	p->nrows = 0;
	p->ncells = 0;
	if (v->rows < 1)
		return;
	memset(&pr, 0, sizeof pr);
	bottom = view_bottom(v);
	view_search_each(v, v->top_off, bottom, ranges_add, &pr.ms);
	view_date_each(v, v->top_off, bottom, ranges_add, &pr.es);
	injected_add(v->doc, v->top_off, bottom, &pr.is);
	have = layout_line_at(v->layout, v->top_off, &dl) == 0;
	for (row = 0; row < v->rows && have; row++) {
		r = add_row(p);
		r->style = line_style(dl.kind);
		r->level = (unsigned char)(dl.level > 0 ? dl.level : 0);
		r->first = p->ncells;
		n = layout_cells(v->layout, &dl, &c);
		for (i = 0, col = 0; i < n; i++) {
			if (col + c[i].width > width)
				break;
			if (c[i].width == 0 && c[i].repl[0] == '\0')
				continue;
			vc = add_cell(p);
			vc->c = c[i];
			vc->style = cell_style(v, &c[i], r->style, &pr);
			col += c[i].width;
		}
		r->n = p->ncells - r->first;
		have = layout_next(v->layout, &dl, &nx) == 0;
		dl = nx;
	}
	free(pr.ms.r);
	free(pr.es.r);
	free(pr.is.r);
}

void
view_paint_free(struct view_paint *p)
{
	free(p->rows);
	free(p->cells);
	memset(p, 0, sizeof *p);
}

void
view_status(struct view *v, struct view_status *st)
{
	const struct doc *d = v->doc;
	ssize_t s, e;

	memset(st, 0, sizeof *st);
	st->title = d->title;
	s = view_section(v);
	if (s >= 0 && d->sections[s].title != NULL && (d->title_block < 0 ||
	    d->sections[s].block != (size_t)d->title_block))
		st->section = d->sections[s].title;
	if ((e = view_date_entry(v)) >= 0) {
		chrono_label(&v->tl->entries[e], st->date_buf,
		    sizeof st->date_buf);
		st->date = st->date_buf;
	}
	if (v->search != NULL && v->have_cur) {
		st->have_match = 1;
		st->match_i = view_search_index(v);
		st->match_n = v->count;
		st->match_more = !v->counted;
	}
	st->percent = view_percent(v);
}

/*
 * The state the interface reads and sets.
 */
int
view_source(const struct view *v)
{
	return v->source;
}

int
view_has_render(const struct view *v)
{
	return v->doc != NULL && v->doc->hints != NULL &&
	    strcmp(v->doc->hints->format, "markdown") == 0;
}

const struct doc *
view_doc(const struct view *v)
{
	return v->doc;
}

const struct timeline *
view_timeline(const struct view *v)
{
	return v->tl;
}

size_t
view_top(const struct view *v)
{
	return v->top_off;
}

void
view_set_top(struct view *v, size_t top_off)
{
	v->top_off = top_off;
}

void
view_highlight(const struct view *v, size_t *off, size_t *end)
{
	*off = v->hl_off;
	*end = v->hl_end;
}

void
view_set_highlight(struct view *v, size_t off, size_t end)
{
	v->hl_off = off;
	v->hl_end = end;
}

void
view_set_span(struct view *v, size_t base_off, size_t total_len)
{
	v->base_off = base_off;
	v->total_len = total_len;
}

enum view_focus
view_focus(const struct view *v)
{
	return v->focus;
}

void
view_set_focus(struct view *v, enum view_focus f)
{
	v->focus = f;
}

enum view_pane
view_pane(const struct view *v)
{
	return v->pane;
}

int
view_pane_hidden(const struct view *v)
{
	return v->pane_hidden;
}

void
view_set_pane_hidden(struct view *v, int hidden)
{
	v->pane_hidden = hidden;
}

int
view_pane_pct(const struct view *v)
{
	return v->pane_pct;
}

void
view_set_pane_pct(struct view *v, int pct)
{
	v->pane_pct = pct;
}

int
view_tl_by_date(const struct view *v)
{
	return v->tl_by_date;
}

size_t
view_nitems(const struct view *v)
{
	return v->nitems;
}

size_t
view_pane_top(const struct view *v)
{
	return v->pane_top;
}

size_t
view_sel(const struct view *v)
{
	return v->sel;
}

const char *
view_filter(const struct view *v)
{
	return v->filter;
}

int
view_filtering(const struct view *v)
{
	return v->fsearch != NULL;
}

const char *
view_pattern(const struct view *v)
{
	return v->pattern;
}

int
view_searching(const struct view *v)
{
	return v->search != NULL;
}

int
view_search_backward(const struct view *v)
{
	return v->backward;
}

int
view_have_match(const struct view *v)
{
	return v->have_cur;
}

void
view_drop_match(struct view *v)
{
	v->have_cur = 0;
}

int
view_counted(const struct view *v)
{
	return v->counted;
}
