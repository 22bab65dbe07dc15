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
	int i;

	for (i = 1; i <= 1000; i++)
		sbuf_printf(&b, "L%04d\n\n", i);
	buf = buffer_from_mem(b.s, b.len, NULL, &err);
	d = doc_new(buf);
	v = view_new(d, NULL, 40, 10, 1);
	view_jump_percent(v, 50);
	ok(strncmp(buf->data + view_top(v), "L0501", 5) == 0,
	    "50%% puts the middle byte's line at the top (%.5s)",
	    buf->data + view_top(v));
	view_jump_percent(v, 10);
	ok(strncmp(buf->data + view_top(v), "L0101", 5) == 0, "10%%: L0101");
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
	view_mark_set(v, 'q');
	view_home(v);
	view_mark_set(v, 'b');
	is_int((int)view_jump_marks(v, m), 2, "two marks");
	ok(m[0].letter == 'b' && m[0].off == 0, "in letter order: b at 0");
	ok(m[1].letter == 'q' && strncmp(buf->data + m[1].off, "L0301", 5)
	    == 0, "q where it was set");
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
	return done_testing();
}
