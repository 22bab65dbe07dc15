/*
 * test-search-shown.c - search_set_hints(): search in the text a reader
 * sees of a Markdown source, with matches in source offsets.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/convert-md.h"
#include "juan/hints.h"
#include "juan/search.h"
#include "juan/util.h"
#include "tap.h"

/* The source offset of the first occurrence of needle in text. */
static size_t
at(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);

	return p != NULL ? (size_t)(p - text) : SIZE_MAX;
}

static void
test_across_markup(void)
{
	static const char text[] =
	    "前言\n\n茶馆开在**渡口的东边**，每天开门。"
	    "详见[镇志](http://x/)。\n"
	    "\n"
	    "ab *cd* ef and a [link](http://y/) end\n";
	size_t n = strlen(text), a, z;
	struct hints *h = convert_md(text, n);
	struct search *s;
	char *err = NULL;

	s = search_new("东边，每天", NULL, &err);
	ok(!search_next(s, text, n, 0, &a, &z),
	    "without hints a phrase across ** is not found");
	search_set_hints(s, h);
	ok(search_next(s, text, n, 0, &a, &z), "with hints it is found");
	is_int((long)a, (long)at(text, "东边"), "... from its first byte");
	is_int((long)z, (long)(at(text, "每天") + strlen("每天")),
	    "... to just after its last");
	ok(search_prev(s, text, n, n + 1, &a, &z) &&
	    a == at(text, "东边"), "search_prev finds it too");
	ok(!search_prev(s, text, n, a, &a, &z), "... and nothing before it");
	ok(!search_next_in(s, text, n, 0, at(text, "东边"), &a, &z),
	    "search_next_in keeps to its limit");
	search_free(s);

	s = search_new("详见镇志。", NULL, &err);
	search_set_hints(s, h);
	ok(search_next(s, text, n, 0, &a, &z) && a == at(text, "详见") &&
	    z == at(text, "](") + strlen("](http://x/)。"),
	    "a phrase across a link's brackets, its URL skipped");
	search_free(s);

	s = search_new("ab cd ef", NULL, &err);
	search_set_hints(s, h);
	ok(search_next(s, text, n, 0, &a, &z) && a == at(text, "ab *"),
	    "a phrase across * in Latin text");
	search_free(s);

	s = search_new("a link end", NULL, &err);
	search_set_hints(s, h);
	ok(search_next(s, text, n, 0, &a, &z), "link text in a phrase");
	search_free(s);

	s = search_new("http", NULL, &err);
	search_set_hints(s, h);
	ok(!search_next(s, text, n, 0, &a, &z), "a hidden URL is not found");
	search_set_hints(s, NULL);
	ok(search_next(s, text, n, 0, &a, &z), "... but in the source it is");
	search_free(s);
	hints_free(h);
}

/* Many chunks: every match is found once, in order, both ways. */
static void
test_chunks(void)
{
	struct sbuf b = SBUF_INIT;
	struct hints *h;
	struct search *s;
	size_t n, a, z, from = 0, fwd = 0, back = 0, last = 0;
	char *err = NULL;
	int i, order = 1;

	for (i = 0; i < 20000; i++)
		sbuf_printf(&b, "第%d段，**重**要的话。\n%s\n", i,
		    i % 3 ? "续行。" : "");
	n = b.len;
	h = convert_md(b.s, n);
	s = search_new("重要", NULL, &err);
	search_set_hints(s, h);
	while (search_next(s, b.s, n, from, &a, &z)) {
		if (fwd > 0 && a <= last)
			order = 0;
		last = a;
		fwd++;
		from = z;
	}
	is_int((long)fwd, 20000, "every match of a long text, forward");
	ok(order, "... in order");
	from = n + 1;
	while (search_prev(s, b.s, n, from, &a, &z)) {
		back++;
		from = a;
	}
	is_int((long)back, 20000, "... and backward");
	search_free(s);
	hints_free(h);
	sbuf_free(&b);
}

int
main(void)
{
	test_across_markup();
	test_chunks();
	return done_testing();
}
