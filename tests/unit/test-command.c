/*
 * test-command.c - the command table: which command a key runs in each
 * focus, that no key means two things, the flags the reader's loading
 * decisions read, and the help box drawn from the table.
 */
#include "config.h"

#include <string.h>

#include "juan/command.h"
#include "tap.h"

static enum command
cmd(uint32_t key, int pane)
{
	const struct command_row *r = command_find(key, pane);

	return r != NULL ? r->cmd : CMD_NONE;
}

static void
test_find(void)
{
	static const struct {
		uint32_t key;
		int pane;
		enum command want;
	} cases[] = {
		{ 'j', 0, CMD_LINE_DOWN }, { CMD_KEY_DOWN, 0, CMD_LINE_DOWN },
		{ CMD_CTRL('e'), 0, CMD_LINE_DOWN }, { '\r', 0, CMD_LINE_DOWN },
		{ CMD_KEY_ENTER, 0, CMD_LINE_DOWN },
		{ 'k', 0, CMD_LINE_UP }, { CMD_KEY_UP, 0, CMD_LINE_UP },
		{ ' ', 0, CMD_PAGE_DOWN }, { CMD_KEY_NPAGE, 0, CMD_PAGE_DOWN },
		{ 'b', 0, CMD_PAGE_UP }, { 'd', 0, CMD_HALF_DOWN },
		{ CMD_CTRL('u'), 0, CMD_HALF_UP },
		{ 'g', 0, CMD_START }, { 'G', 0, CMD_END },
		{ CMD_KEY_HOME, 0, CMD_HOME }, { CMD_KEY_END, 0, CMD_BOTTOM },
		{ '/', 0, CMD_SEARCH }, { '?', 0, CMD_SEARCH_BACK },
		{ CMD_ESC, 0, CMD_UNHIGHLIGHT }, { 'q', 0, CMD_QUIT },
		{ CMD_KEY_F1, 0, CMD_HELP }, { CMD_CTRL('l'), 0, CMD_REDRAW },
		{ '\'', 0, CMD_MARK_JUMP }, { '\t', 1, CMD_FOCUS },
		/* The side pane focused: its rows first, else the text's. */
		{ 'j', 1, CMD_ITEM_DOWN }, { CMD_KEY_UP, 1, CMD_ITEM_UP },
		{ 'f', 1, CMD_ITEM_PAGE_DOWN }, { 'g', 1, CMD_ITEM_FIRST },
		{ CMD_KEY_END, 1, CMD_ITEM_LAST }, { '\n', 1, CMD_ITEM_JUMP },
		{ CMD_KEY_ENTER, 1, CMD_ITEM_JUMP }, { '/', 1, CMD_FILTER },
		{ CMD_ESC, 1, CMD_FILTER_CLEAR }, { '?', 1, CMD_SEARCH_BACK },
		{ 'd', 1, CMD_HALF_DOWN }, { 'o', 1, CMD_OUTLINE },
		/* No command. */
		{ 'x', 0, CMD_NONE }, { 0, 0, CMD_NONE },
		{ CMD_KEY_OTHER, 1, CMD_NONE }, { '5', 0, CMD_NONE },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_int(cmd(cases[i].key, cases[i].pane), cases[i].want,
		    "key %#x with the %s focused", (unsigned)cases[i].key,
		    cases[i].pane ? "side pane" : "text");
}

/* No key is two commands in the same focus; every row has a key. */
static void
test_table(void)
{
	size_t i, j, a, b, dup = 0, nokey = 0, nodoc = 0;

	for (i = 0; i < command_nrows; i++) {
		const struct command_row *r = &command_rows[i];

		if (r->keys[0] == 0)
			nokey++;
		if (r->doc == NULL || (r->help != NULL && r->help_keys == NULL))
			nodoc++;
		for (j = i + 1; j < command_nrows; j++) {
			const struct command_row *s = &command_rows[j];

			if ((r->flags & (CMD_F_PANE | CMD_F_HIST)) !=
			    (s->flags & (CMD_F_PANE | CMD_F_HIST)))
				continue;
			for (a = 0; a < CMD_KEYS_MAX && r->keys[a]; a++)
				for (b = 0; b < CMD_KEYS_MAX && s->keys[b]; b++)
					if (r->keys[a] == s->keys[b])
						dup++;
		}
	}
	is_int(dup, 0, "no key runs two commands in one focus");
	is_int(nokey, 0, "every command has a key");
	is_int(nodoc, 0, "every row names its keys for the docs");
}

static unsigned
flags(enum command c)
{
	size_t i;

	for (i = 0; i < command_nrows; i++)
		if (command_rows[i].cmd == c)
			return command_rows[i].flags;
	return 0;
}

static void
test_flags(void)
{
	ok(flags(CMD_LINE_DOWN) & CMD_F_COUNT, "j takes a count");
	ok(flags(CMD_LINE_DOWN) & CMD_F_DOWN, "... and moves down");
	ok(flags(CMD_PAGE_UP) & CMD_F_UP, "b moves up");
	ok(flags(CMD_START) & CMD_F_TOP, "g goes to the top");
	ok(flags(CMD_END) & CMD_F_WHOLE, "G needs the whole text");
	ok(flags(CMD_SEARCH) & CMD_F_WHOLE, "so does a search");
	ok(flags(CMD_MATCH_NEXT) & CMD_F_WHOLE, "... and n");
	ok(!(flags(CMD_OUTLINE) & CMD_F_WHOLE), "o does not");
	ok(flags(CMD_MARK_SET) & CMD_F_LETTER, "m reads a letter");
	ok(!(flags(CMD_QUIT) & CMD_F_COUNT), "q takes no count");
	ok(flags(CMD_ITEM_DOWN) & CMD_F_PANE, "the pane's j is the pane's");
	ok(command_find('h', 2)->cmd == CMD_HIST_LEFT &&
	    command_find(CMD_KEY_RIGHT, 2)->cmd == CMD_HIST_RIGHT &&
	    command_find('\r', 2)->cmd == CMD_HIST_JUMP,
	    "on the histogram h, Right and Enter move along it and jump");
	ok(command_find('h', 0)->cmd == CMD_HELP &&
	    command_find('h', 1)->cmd == CMD_HELP &&
	    command_find('\r', 1)->cmd == CMD_ITEM_JUMP,
	    "... and elsewhere are what they were");
	ok(command_find('j', 2)->cmd == CMD_ITEM_DOWN &&
	    command_find('\t', 2)->cmd == CMD_FOCUS,
	    "on the histogram the pane's other keys still work");
	ok(command_find('@', 0)->cmd == CMD_GOTO_DATE &&
	    command_find('T', 0)->cmd == CMD_HIST &&
	    command_find('c', 0)->cmd == CMD_TL_CITE, "@, T and c");
}

static void
test_help(void)
{
	const char *const *h = command_help();
	size_t n;
	int jk = 0, prompt = 0, wide = 0;

	for (n = 0; h[n] != NULL; n++) {
		if (strcmp(h[n], "j k Down Up     scroll a line (5j: five)")
		    == 0)
			jk = 1;
		if (strncmp(h[n], "  in the prompt:", 16) == 0)
			prompt = 1;
		if (strlen(h[n]) > 60)
			wide = 1;
	}
	is_str(h[0], "juan - keys", "the help box has its title");
	is_str(h[n - 1], "Press any key.", "... and ends with what to do");
	ok(jk, "a line per command with a help line");
	ok(prompt, "a help line may go on on a line of its own");
	ok(!wide, "no line is too wide for a small terminal");
	is_int(n, 22, "22 lines: it fits a 24-line terminal");
	ok(command_help() == h, "built once");
}

int
main(void)
{
	test_find();
	test_table();
	test_flags();
	test_help();
	return done_testing();
}
