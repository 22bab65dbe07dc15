/*
 * test-view-jump.c - the jump history (back, forward, '' and the cap),
 * going to a percentage, and the marks listed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/doc.h"
#include "juan/view-jump.h"
#include "juan/view.h"
#include "tap.h"

static void
test_history(void)
{
	struct view_jumps j;
	size_t to = 0, i;

	view_jump_init(&j);
	ok(view_jump_back(&j, 10, &to) < 0, "no history: nothing back");
	ok(view_jump_forward(&j, 10, &to) < 0, "... nor forward");
	ok(view_jump_last(&j, 10, &to) < 0, "... nor ''");

	/* At 100, jump to 200, then to 300, then to 400. */
	view_jump_push(&j, 100);
	view_jump_push(&j, 200);
	view_jump_push(&j, 300);
	ok(view_jump_back(&j, 400, &to) == 0 && to == 300, "back: 300");
	ok(view_jump_back(&j, 300, &to) == 0 && to == 200, "back: 200");
	ok(view_jump_back(&j, 200, &to) == 0 && to == 100, "back: 100");
	ok(view_jump_back(&j, 100, &to) < 0, "back at the oldest: nothing");
	ok(view_jump_forward(&j, 100, &to) == 0 && to == 200, "forward: 200");
	ok(view_jump_forward(&j, 200, &to) == 0 && to == 300, "forward: 300");
	ok(view_jump_forward(&j, 300, &to) == 0 && to == 400,
	    "forward: 400, where back started");
	ok(view_jump_forward(&j, 400, &to) < 0, "forward at the newest: "
	    "nothing");

	/* A jump from 200 again: its old entry goes, it is the newest. */
	view_jump_back(&j, 400, &to);
	view_jump_back(&j, 300, &to);
	view_jump_push(&j, 200);
	ok(view_jump_back(&j, 500, &to) == 0 && to == 200, "a new jump "
	    "starts again at the newest end");
	ok(view_jump_back(&j, 200, &to) == 0 && to == 400, "... an earlier "
	    "copy of 200 dropped");
	ok(view_jump_back(&j, 400, &to) == 0 && to == 300, "... the rest "
	    "kept");

	/* '' toggles between two places. */
	view_jump_init(&j);
	view_jump_push(&j, 100);
	ok(view_jump_last(&j, 900, &to) == 0 && to == 100, "'': back to 100");
	ok(view_jump_last(&j, 100, &to) == 0 && to == 900, "'' again: 900");
	ok(view_jump_last(&j, 900, &to) == 0 && to == 100, "and 100");
	ok(view_jump_last(&j, 100, &to) == 0 && to == 900, "and 900");
	ok(view_jump_back(&j, 900, &to) == 0 && to == 100, "'' is a jump: "
	    "back goes to 100");
	ok(view_jump_last(&j, 100, &to) == 0 && to == 900, "after a step "
	    "back, '' goes where the step started");
	ok(view_jump_last(&j, 900, &to) == 0 && to == 100, "...and back");

	/* The cap: the oldest go. */
	view_jump_init(&j);
	for (i = 0; i < VIEW_JUMP_MAX + 20; i++)
		view_jump_push(&j, i * 10);
	is_int((int)j.n, VIEW_JUMP_MAX, "at most %d places", VIEW_JUMP_MAX);
	for (i = 0; view_jump_back(&j, 99999, &to) == 0; i++)
		;
	/* The first step back keeps 99999 and drops one more. */
	is_int((int)to, 210, "the oldest kept is the 22nd");
	is_int((int)i, VIEW_JUMP_MAX - 1, "back steps through every place");
}

static void
test_view(void)
{
	struct sbuf b = SBUF_INIT;
	struct buffer *buf;
	struct doc *d;
	struct view *v;
	struct view_mark m[26];
	char *err = NULL;
	size_t q;
	int i;

	for (i = 1; i <= 1000; i++)
		sbuf_printf(&b, "L%04d\n\n", i);
	buf = buffer_from_mem(b.s, b.len, NULL, &err);
	d = doc_new(buf);
	v = view_new(d, NULL, 40, 10, 1);
	view_jump_percent(v, 50);
	ok(strncmp(buf->data + view_bottom(v), "L0501", 5) == 0,
	    "50%% puts the first half above the bottom (%.5s next)",
	    buf->data + view_bottom(v));
	is_int(view_percent(v), 50, "... so the status line says 50%%");
	view_jump_percent(v, 10);
	ok(strncmp(buf->data + view_bottom(v), "L0101", 5) == 0,
	    "10%%: L0101 next");
	view_jump_percent(v, 0);
	is_int((int)view_top(v), 0, "0%%: the start");
	view_end(v);
	i = (int)view_top(v);
	view_home(v);
	view_jump_percent(v, 100);
	is_int((int)view_top(v), i, "100%%: the end");
	view_home(v);
	view_jump_percent(v, 250);
	is_int((int)view_top(v), i, "250%%: the end too");

	is_int((int)view_jump_marks(v, m), 0, "no marks yet");
	view_jump_percent(v, 30);
	q = view_top(v);
	view_mark_set(v, 'q');
	view_home(v);
	view_mark_set(v, 'b');
	is_int((int)view_jump_marks(v, m), 2, "two marks");
	ok(m[0].letter == 'b' && m[0].off == 0, "in letter order: b at 0");
	ok(m[1].letter == 'q' && m[1].off == q, "q where it was set");
	view_free(v);
	doc_free(d);
	buffer_free(buf);
	sbuf_free(&b);
}

/*
 * A text with boilerplate in its middle: a run of footer lines as long
 * as the body text before it.  The percent counts the text shown only,
 * and a percentage goes where the percent says it.
 */
static void
test_hidden(void)
{
	struct sbuf b = SBUF_INIT;
	struct buffer *buf;
	struct doc *d;
	struct view *v;
	char *err = NULL;
	size_t i, a_len, a_last, bp_off, bp_end, shown;
	int pct;

	for (i = 0; i < 400; i++)
		sbuf_printf(&b, "甲段第%03zu句，正文在此继续。\n\n", i);
	a_len = b.len;
	for (i = 0; i < 800; i++)
		sbuf_printf(&b, "网站地图 | 联系我们 | 版权所有\n");
	sbuf_adds(&b, "\n");
	for (i = 0; i < 400; i++)
		sbuf_printf(&b, "乙段第%03zu句，正文在此继续。\n\n", i);
	buf = buffer_from_mem(b.s, b.len, NULL, &err);
	d = doc_new(buf);
	bp_off = (size_t)(strstr(buf->data, "网站地图") - buf->data);
	/* The blank line after it goes with the text after it. */
	bp_end = (size_t)(strstr(buf->data, "乙段第000") - buf->data) - 1;
	is_int(d->nhidden, 1, "the footer lines are one hidden range");
	ok(d->nhidden == 1 && d->hidden[0].off <= bp_off &&
	    d->hidden[0].off >= a_len - 2 && d->hidden[0].end == bp_end,
	    "from the blank line before it to the text after it");
	is_int(d->hidden_len, bp_end - d->hidden[0].off,
	    "hidden_len counts its bytes");
	is_int(doc_hidden_before(d, 10), 0, "nothing hidden before 10");
	is_int(doc_hidden_before(d, bp_off + 5), bp_off + 5 -
	    d->hidden[0].off, "inside the range: the part before");
	is_int(doc_hidden_before(d, buf->len), d->hidden_len,
	    "at the end: all of it");
	shown = d->hidden[0].off;
	is_int(doc_hidden_off(d, shown - 1), shown - 1,
	    "a shown offset before the range is itself");
	is_int(doc_hidden_off(d, shown), bp_end,
	    "the shown offset at the range is the byte after it");
	is_int(doc_hidden_off(d, shown + 7), bp_end + 7, "and on from there");

	v = view_new(d, NULL, 40, 6, 1);
	view_end(v);
	is_int(view_percent(v), 100, "at the end: 100%%");
	view_goto(v, bp_end);
	view_scroll(v, -1);
	pct = view_percent(v);
	ok(pct >= 48 && pct <= 58, "just after the footer, about half the "
	    "text shown is above the bottom: %d%%", pct);
	view_set_boilerplate(v, 1);
	is_int(view_percent(v), (int)(view_bottom(v) * 100 / buf->len),
	    "with boilerplate shown it counts: the percent of all bytes");
	ok(view_percent(v) < pct - 20, "... which is less here: the footer "
	    "comes on the screen (%d%%)", view_percent(v));
	view_set_boilerplate(v, 0);
	for (i = 10; i <= 90; i += 20) {
		view_jump_percent(v, (long)i);
		is_int(view_percent(v), (int)i, "%zu%% says %zu%%", i, i);
	}
	view_jump_percent(v, 50);
	a_last = (size_t)(strstr(buf->data, "甲段第399") - buf->data);
	ok((view_top(v) <= a_last && a_last < view_bottom(v)) ||
	    (view_top(v) <= bp_end + 1 && bp_end + 1 < view_bottom(v)),
	    "50%% is where the hidden footer is, the halves being equal");
	view_set_boilerplate(v, 1);
	view_jump_percent(v, 50);
	is_int(view_percent(v), 50, "with boilerplate shown, 50%% says 50%%");
	ok(view_top(v) >= a_len - 2 && view_bottom(v) <= bp_end,
	    "... and is in the footer");
	view_free(v);
	doc_free(d);
	buffer_free(buf);
	sbuf_free(&b);
}

int
main(void)
{
	test_history();
	test_view();
	test_hidden();
	return done_testing();
}
