/*
 * test-view-md.c - the view of a Markdown text: the styles painted from
 * the layout's (strong, emphasis, code, link, a heading whole with a date
 * in it), the source view (view_set_source) at the same place, and search
 * in what is shown.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/convert-md.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "juan/util.h"
#include "tap.h"

static const char text[] =
    "# 标题\n"
    "\n"
    "正文有**重点**、*强调*、`代码`和[链接](http://x.example/)。\n"
    "\n"
    "## 2020年5月4日 开张\n"
    "\n"
    "> 引文\n"
    "\n"
    "```\n"
    "code line\n"
    "```\n";

/* The style of the first painted cell whose bytes start with s. */
static int
style_of(const struct view_paint *p, const char *data, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < p->ncells; i++)
		if (p->cells[i].c.len > 0 &&
		    strncmp(data + p->cells[i].c.off, s, p->cells[i].c.len) ==
		    0 && strncmp(data + p->cells[i].c.off, s, n) == 0)
			return p->cells[i].style;
	return -1;
}

/* The row's cells as text (their bytes, or what is drawn instead). */
static char *
row_text(const struct view_paint *p, int row, const char *data)
{
	struct sbuf b = SBUF_INIT;
	const struct view_cell *c;
	size_t i;

	for (i = 0; i < p->rows[row].n; i++) {
		c = &p->cells[p->rows[row].first + i];
		if (c->c.repl[0] != '\0')
			sbuf_adds(&b, c->c.repl);
		else
			sbuf_add(&b, data + c->c.off, c->c.len);
	}
	sbuf_addc(&b, '\0');
	return sbuf_take(&b);
}

int
main(void)
{
	char *err = NULL, *s;
	struct buffer *buf = buffer_from_mem(text, strlen(text), "UTF-8",
	    &err);
	struct hints *h = convert_md(buf->data, buf->len);
	/* As the source makes it: the plain model, the hints attached. */
	struct doc *d = doc_new(buf);
	struct timeline *tl;
	struct view *v;
	struct view_paint p;
	size_t i, top;
	int r, heading = -1, all = 1;

	d->hints = h;
	tl = timeline_new(d);
	v = view_new(d, tl, 60, 3, 1);
	memset(&p, 0, sizeof p);
	ok(view_has_render(v), "a Markdown text has a rendering");
	view_resize(v, 60, 20);
	view_paint_rows(v, 60, &p);
	is_int(style_of(&p, buf->data, "重"), VIEW_STYLE_STRONG,
	    "strong text is painted strong");
	is_int(style_of(&p, buf->data, "强"), VIEW_STYLE_EMPH,
	    "emphasis is painted as emphasis");
	is_int(style_of(&p, buf->data, "代"), VIEW_STYLE_CODE,
	    "inline code is painted as code");
	is_int(style_of(&p, buf->data, "链"), VIEW_STYLE_LINK,
	    "a link's text is painted as a link");
	is_int(style_of(&p, buf->data, "code"), VIEW_STYLE_CODE,
	    "a code block is painted as code");
	for (r = 0; r < p.nrows; r++) {
		s = row_text(&p, r, buf->data);
		if (strstr(s, "2020") != NULL)
			heading = r;
		free(s);
	}
	ok(heading >= 0 && p.rows[heading].style == VIEW_STYLE_HEADING,
	    "the dated heading is a heading row");
	ok(tl->n > 0, "its date is a timeline entry");
	for (i = 0; heading >= 0 && i < p.rows[heading].n; i++)
		if (p.cells[p.rows[heading].first + i].style !=
		    VIEW_STYLE_HEADING)
			all = 0;
	ok(heading >= 0 && all,
	    "every cell of it, its date too, is in the heading's style");
	for (r = 0; r < p.nrows; r++) {
		s = row_text(&p, r, buf->data);
		if (strstr(s, "引文") != NULL)
			ok(p.cells[p.rows[r].first].style !=
			    VIEW_STYLE_CTL, "a quote's bar is not a control");
		free(s);
	}

	/* Search sees what is shown, then the source. */
	is_int(view_search_set(v, "重点、强调", 0, 0, &err), 0,
	    "search finds a phrase across ** and *");
	view_search_clear(v);

	/* The source view, at the same place. */
	view_resize(v, 60, 3);
	view_goto(v, (size_t)(strstr(text, "## 2020") - text));
	top = view_top(v);
	view_set_source(v, 1);
	ok(view_source(v), "R shows the source");
	is_int((long)view_top(v), (long)top, "... at the same place");
	view_paint_rows(v, 60, &p);
	s = row_text(&p, 0, buf->data);
	ok(strncmp(s, "## 2020", 7) == 0, "... with its markers (%s)", s);
	free(s);
	is_int(view_search_set(v, "重点、强调", 0, 0, &err), 1,
	    "... where the phrase across markup is not found");
	ok(view_search_set(v, "**重点**", 0, 0, &err) == 0,
	    "... but its source is");
	view_search_clear(v);
	/* The search moved the text: back to the heading's source line. */
	view_goto(v, top);
	view_set_source(v, 0);
	view_paint_rows(v, 60, &p);
	s = row_text(&p, 0, buf->data);
	ok(strncmp(s, "2020", 4) == 0, "rendered again (%s)", s);
	free(s);

	view_paint_free(&p);
	view_free(v);
	timeline_free(tl);
	doc_free(d);
	hints_free(h);
	buffer_free(buf);
	return done_testing();
}
