/*
 * test-view-tl.c - the timeline pane's state: rows that say what
 * happened, grouped by value, with the section when wide; the filter over
 * the event and the section; citations hidden until asked for; s keeping
 * the selected entry; the histogram and its jump; @ going to a date; the
 * status line's date with its modifier.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/chrono.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/view.h"
#include "view-int.h"
#include "tap.h"

static const char text[] =
    "# 青溪镇大事记\n\n"
    "## 二〇一六年\n\n"
    "2016年4月19日，镇里召开座谈会，居民代表发言。\n\n"
    "2016年4月19日，会后成立了监督小组。\n\n"
    "2016年底，图书馆主体完工。\n\n"
    "## 二〇一八年\n\n"
    "2018年1月8日，图书馆正式开放。\n\n"
    "2018年6月，编纂委员会成立，他们参考了《2009年统计年鉴》。\n\n"
    "## 旧事\n\n"
    "2015年秋，第一条公交线路开通。\n\n"
    "这一段没有日期，只是一些闲话，用来把正文拉长。\n\n"
    "又一段没有日期的话。\n";

static char *
row(struct view *v, size_t i)
{
	struct sbuf b = SBUF_INIT;

	view_item_text(v, i, &b);
	return b.s != NULL ? sbuf_take(&b) : xstrdup("");
}

/* The row of v whose text holds s, or -1. */
static long
row_with(struct view *v, const char *s)
{
	size_t i;
	char *r;

	for (i = 0; i < view_nitems(v); i++) {
		r = row(v, i);
		if (strstr(r, s) != NULL) {
			free(r);
			return (long)i;
		}
		free(r);
	}
	return -1;
}

int
main(void)
{
	struct buffer *b = buffer_from_mem(text, strlen(text), NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);
	struct view *v = view_new(d, t, 40, 4, 1);
	const struct chrono_hist *h;
	struct view_status st;
	char *r, lab[16];
	long i, j;
	size_t k, cites = 0;
	ssize_t e;

	for (k = 0; k < t->n; k++)
		cites += t->entries[k].citation;
	ok(cites == 1, "the fixture has one citation (%zu)", cites);
	view_set_pane(v, VIEW_PANE_TIMELINE);
	view_set_pane_cols(v, 30);
	is_int(view_nitems(v), t->n - 1, "the pane leaves the citation out");
	ok(row_with(v, "2009") < 0, "... no row for 《2009年统计年鉴》");
	i = row_with(v, "座谈会");
	ok(i >= 0, "a row says what happened (座谈会)");
	r = row(v, (size_t)i);
	ok(strncmp(r, "2016-04-19", 10) == 0 && strstr(r, "2016年4月19日") ==
	    NULL, "... after its value, without the expression (%s)", r);
	free(r);
	r = row(v, (size_t)i + 1);
	ok(strstr(r, "监督小组") != NULL && strncmp(r, "          ", 10) == 0,
	    "the next entry of that value is grouped under it (%s)", r);
	free(r);
	i = row_with(v, "图书馆主体");
	r = i >= 0 ? row(v, (size_t)i) : xstrdup("");
	ok(strncmp(r, "2016 末", strlen("2016 末")) == 0,
	    "the value shows its modifier (%s)", r);
	free(r);
	i = row_with(v, "公交");
	r = i >= 0 ? row(v, (size_t)i) : xstrdup("");
	ok(strncmp(r, "2015 秋", strlen("2015 秋")) == 0, "a season (%s)", r);
	ok(strstr(r, "[") == NULL, "a narrow pane shows no section");
	free(r);
	view_set_pane_cols(v, 60);
	r = row(v, (size_t)i);
	ok(strstr(r, "[旧事]") != NULL, "a wide pane shows the section (%s)",
	    r);
	free(r);

	/* The filter searches the event and the section. */
	view_set_filter(v, "座谈会");
	is_int(view_nitems(v), 1, "the filter finds an event's words");
	view_set_filter(v, "旧事");
	is_int(view_nitems(v), 1, "... and a section's title");
	view_set_filter(v, "2016 末");
	is_int(view_nitems(v), 1, "... and the value with its modifier");
	view_set_filter(v, NULL);

	/* Citations on request. */
	view_toggle_citations(v);
	is_int(view_nitems(v), t->n, "c shows the citations");
	ok(row_with(v, "统计年鉴") >= 0, "... the cited year among them");
	view_toggle_citations(v);
	is_int(view_nitems(v), t->n - 1, "c again hides them");

	/* s keeps the selected entry. */
	i = row_with(v, "开放");
	view_pane_select(v, (size_t)i, 3);
	k = view_item(v, view_sel(v)).index;
	view_toggle_tl_order(v);
	ok(!view_tl_by_date(v) && view_item(v, view_sel(v)).index == k,
	    "s keeps the selected entry selected (row %ld, now %zu)", i,
	    view_sel(v));
	view_set_filter(v, "图书馆");
	j = row_with(v, "开放");
	view_pane_select(v, (size_t)j, 3);
	k = view_item(v, view_sel(v)).index;
	view_toggle_tl_order(v);
	ok(view_tl_by_date(v) && view_item(v, view_sel(v)).index == k,
	    "... with a filter too");
	view_set_filter(v, NULL);

	/* } in date order follows the pane's rows. */
	view_home(v);
	view_next_entry(v, 1);
	is_int(view_item(v, 0).index, v->tl_order[v->tl_cur],
	    "} from the top goes to the pane's first row");

	/* @ */
	is_int(view_goto_date(v, "2017"), 0, "@2017 finds an entry");
	e = view_date_entry(v);
	ok(e >= 0 && strcmp(t->entries[e].value, "2018") == 0,
	    "... the first at or after it, the heading's 2018 (%s)",
	    e >= 0 ? t->entries[e].value : "none");
	is_int(view_goto_date(v, "2016年4月"), 0, "@2016年4月");
	e = view_date_entry(v);
	ok(e >= 0 && strstr(t->entries[e].event, "座谈会") != NULL,
	    "... the first of 2016-04-19 in date order");
	is_int(view_goto_date(v, "2030"), 1, "@2030: none that late");
	is_int(view_goto_date(v, "soon"), -1, "@soon is no date");
	is_int(view_goto_date(v, "2008"), 0, "@2008 steps over the citation");
	e = view_date_entry(v);
	ok(e >= 0 && !t->entries[e].citation, "... to the first shown");

	/* The status line's date has its modifier. */
	view_goto(v, t->entries[0].off);
	for (k = 0; k < t->n; k++)
		if (t->entries[k].mod == TL_MOD_END)
			break;
	view_goto(v, t->entries[k].off);
	view_status(v, &st);
	is_str(st.date, "2016 末", "the status line gives the modifier");
	/* Below the last entry of a section: still that entry's date. */
	view_end(v);
	view_status(v, &st);
	is_str(st.date, "2015 秋", "the date in view is the one above");

	/* The histogram. */
	h = view_hist(v, 20);
	ok(h != NULL && h->unit == 1 && h->first_year == 2015 &&
	    h->nbins == 4, "the histogram has a bin a year, 2015-2018");
	ok(h != NULL && h->total == t->n - 1, "... of the entries shown");
	view_goto(v, 0);
	view_status(v, &st);
	ok(st.date == NULL, "above the first dated section, no date in view");
	view_goto(v, t->entries[0].off);
	view_hist_follow(v);
	chrono_hist_label(h, view_hist_cur(v), lab, sizeof lab);
	is_str(lab, "2016", "its selection starts at the date in view");
	view_hist_move(v, 1);
	is_int(view_hist_cur(v), 2, "-> moves a bin");
	is_int(view_hist_jump(v), -1, "Enter on an empty year fails");
	view_hist_move(v, 9);
	is_int(view_hist_cur(v), 3, "-> stops at the last bin");
	is_int(view_hist_jump(v), 0, "Enter goes to its first entry");
	e = view_date_entry(v);
	ok(e >= 0 && strcmp(t->entries[e].value, "2018") == 0,
	    "... the first of 2018 by date, its heading");
	is_int(view_hist_in_view(v), 3, "the bin in view follows");
	view_hist_move(v, -9);
	is_int(view_hist_cur(v), 0, "<- stops at the first");

	view_free(v);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return done_testing();
}
