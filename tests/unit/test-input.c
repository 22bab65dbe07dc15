/*
 * test-input.c - the reader's input state without a terminal: counts,
 * marks, and the prompt's line editor with the incremental search's save
 * and restore.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/command.h"
#include "juan/doc.h"
#include "juan/input.h"
#include "juan/view.h"
#include "tap.h"

static const char text[] =
    "# Title\n\nThe first paragraph has alpha in it.\n\n"
    "The second has beta and 汉字.\n\nThe third has alpha again.\n";

static void
type(struct input *in, struct view *v, const char *s)
{
	for (; *s != '\0'; s++)
		input_prompt_key(in, v, (uint32_t)(unsigned char)*s, 10);
}

static void
test_count(void)
{
	struct input in;

	input_init(&in, NULL, NULL);
	ok(!input_count_key(&in, '0'), "0 alone is no count");
	ok(input_count_key(&in, '4'), "a digit starts a count");
	ok(input_count_key(&in, '0'), "... and 0 goes on with it");
	ok(!input_count_key(&in, 'j'), "a letter is no digit");
	is_int(input_take_count(&in, 1), 40, "the count is 40");
	is_int(input_take_count(&in, 1), 1, "... then forgotten");
	is_int(input_take_count(&in, 7), 7, "no count: the default");
	input_free(&in);
}

static void
test_marks(struct view *v)
{
	struct input in;
	size_t top;

	input_init(&in, NULL, NULL);
	ok(!input_letter(&in, v, 'a'), "no mark command pending");
	view_scroll(v, 2);
	top = view_top(v);
	in.pending = 'm';
	ok(input_letter(&in, v, 'a'), "m then a letter");
	is_str(in.msg, "Mark a set", "... sets the mark");
	view_home(v);
	in.pending = '\'';
	ok(input_letter(&in, v, 'a'), "' then the letter");
	is_int(view_top(v), top, "... goes back to it");
	in.pending = '\'';
	input_letter(&in, v, 'b');
	is_str(in.msg, "Mark b is not set", "an unset mark is said so");
	in.pending = 'm';
	input_letter(&in, v, CMD_KEY_DOWN);
	is_str(in.msg, "Marks are letters a to z", "only letters are marks");
	is_int(in.pending, 0, "nothing pending after it");
	input_free(&in);
}

static void
test_prompt(struct view *v)
{
	struct view_history hist = { NULL, 0, NULL };
	struct input in;
	size_t top;

	input_init(&in, &hist, NULL);
	view_home(v);
	top = view_top(v);
	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	is_int(in.prompt, INPUT_SEARCH, "/ opens the search prompt");
	type(&in, v, "alp");
	is_str(in.line.s, "alp", "the line holds what is typed");
	ok(view_searching(v) && view_have_match(v),
	    "... searched as it is typed");
	input_prompt_key(&in, v, CMD_KEY_BACKSPACE, 10);
	is_str(in.line.s, "al", "Backspace takes a character back");
	input_prompt_key(&in, v, CMD_CTRL('u'), 10);
	is_str(in.line.s, "", "Ctrl-U empties the line");
	ok(!view_searching(v), "... and the search with it");
	type(&in, v, "zzz");
	is_str(in.prompt_err, "not found", "a pattern not there says so");
	input_prompt_key(&in, v, CMD_ESC, 10);
	is_int(in.prompt, INPUT_NONE, "Esc closes the prompt");
	ok(!view_searching(v), "... restoring no search");
	is_int(view_top(v), top, "... and the place");

	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	input_prompt_key(&in, v, 0x6C49, 10);		/* 汉 */
	is_str(in.line.s, "汉", "a CJK character is typed as UTF-8");
	input_prompt_key(&in, v, CMD_KEY_BACKSPACE, 10);
	is_str(in.line.s, "", "... and taken back whole");
	type(&in, v, "alpha");
	input_prompt_key(&in, v, '\r', 10);
	is_int(in.prompt, INPUT_NONE, "Enter accepts");
	is_str(view_pattern(v), "alpha", "... keeping the search");
	is_int(hist.n, 1, "... in the history");

	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	is_str(in.old_pattern, "alpha", "a new prompt saves the search");
	type(&in, v, "beta");
	input_prompt_key(&in, v, CMD_ESC, 10);
	is_str(view_pattern(v), "alpha", "Esc puts the saved search back");

	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	input_prompt_key(&in, v, CMD_KEY_UP, 10);
	is_str(in.line.s, "alpha", "Up recalls the history");
	input_prompt_key(&in, v, CMD_KEY_DOWN, 10);
	is_str(in.line.s, "", "Down comes back to an empty line");
	input_prompt_key(&in, v, CMD_CTRL('r'), 10);
	ok(in.regex, "Ctrl-R makes it a regular expression");
	type(&in, v, "(");
	ok(in.prompt_err != NULL &&
	    strncmp(in.prompt_err, "bad pattern", 11) == 0,
	    "a bad expression is said so (%s)",
	    in.prompt_err != NULL ? in.prompt_err : "none");
	input_prompt_key(&in, v, CMD_KEY_BACKSPACE, 10);
	input_prompt_key(&in, v, CMD_KEY_BACKSPACE, 10);
	is_int(in.prompt, INPUT_NONE, "Backspace on an empty line cancels");
	input_free(&in);
	view_history_free(&hist);
}

/* Types the UTF-8 string s a character at a time. */
static void
type_u8(struct input *in, struct view *v, const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t c;

	while (i < n) {
		i += (size_t)util_u8_next(s + i, n - i, &c);
		input_prompt_key(in, v, c, 10);
	}
}

static void
test_variants(void)
{
	static const char tw[] = "前言。\n\n在台灣出版的書。\n";
	struct view_history hist = { NULL, 0, NULL };
	struct buffer *b;
	struct doc *d;
	struct view *v;
	struct input in;
	char *err = NULL;

	b = buffer_from_mem(tw, sizeof tw - 1, NULL, &err);
	d = doc_new(b);
	v = view_new(d, NULL, 40, 3, 1);
	input_init(&in, &hist, NULL);
	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	ok(!in.novariants, "a search folds variants by default");
	type_u8(&in, v, "台湾");
	ok(view_have_match(v) && in.prompt_err == NULL,
	    "... so 台湾 finds 台灣");
	input_prompt_key(&in, v, CMD_CTRL('t'), 10);
	ok(in.novariants, "Ctrl-T turns variants off");
	ok(!view_have_match(v) && in.prompt_err != NULL &&
	    strcmp(in.prompt_err, "not found") == 0,
	    "... and 台湾 no longer finds 台灣");
	input_prompt_key(&in, v, CMD_CTRL('t'), 10);
	ok(!in.novariants && view_have_match(v), "Ctrl-T again turns them on");
	input_prompt_key(&in, v, CMD_CTRL('t'), 10);
	input_prompt_key(&in, v, '\r', 10);
	ok(hist.n == 1 && hist.flags[0] == VIEW_SEARCH_NOVARIANTS,
	    "the history keeps the search without variants");

	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	ok(!in.novariants, "the next search starts with variants again");
	input_prompt_key(&in, v, CMD_KEY_UP, 10);
	ok(in.novariants && strcmp(in.line.s, "台湾") == 0,
	    "Up recalls the pattern without variants");
	input_prompt_key(&in, v, CMD_KEY_DOWN, 10);
	ok(!in.novariants, "Down to the empty line: the default again");
	type_u8(&in, v, "出版");
	input_prompt_key(&in, v, CMD_ESC, 10);
	ok(view_searching(v) && strcmp(view_pattern(v), "台湾") == 0 &&
	    view_search_step(v, 0, 1) < 0,
	    "Esc puts back the last search, still without variants");

	input_set_novariants(&in, 1);
	input_open_prompt(&in, v, INPUT_SEARCH, 0);
	ok(in.novariants, "--no-variants: a search starts without them");
	type_u8(&in, v, "台湾");
	ok(!view_have_match(v), "... and 台湾 does not find 台灣");
	input_prompt_key(&in, v, CMD_CTRL('t'), 10);
	ok(!in.novariants && view_have_match(v), "... until Ctrl-T");
	input_prompt_key(&in, v, CMD_ESC, 10);

	input_open_prompt(&in, v, INPUT_FILTER, 0);
	input_prompt_key(&in, v, CMD_CTRL('t'), 10);
	ok(in.novariants, "Ctrl-T does nothing in a filter's prompt");
	input_prompt_key(&in, v, CMD_ESC, 10);
	input_free(&in);
	view_history_free(&hist);
	view_free(v);
	doc_free(d);
	buffer_free(b);
}

int
main(void)
{
	struct buffer *b;
	struct doc *d;
	struct view *v;
	char *err = NULL;

	b = buffer_from_mem(text, sizeof text - 1, NULL, &err);
	d = doc_new(b);
	v = view_new(d, NULL, 40, 3, 1);
	test_count();
	test_marks(v);
	test_prompt(v);
	test_variants();
	view_free(v);
	doc_free(d);
	buffer_free(b);
	return done_testing();
}
