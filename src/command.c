/*
 * command.c - the reader's commands and their keys, in one table.
 *
 * command_rows has a row per command: its keys, its flags (takes a count,
 * needs the whole text, which way it moves the text, side pane only), the
 * names the documentation gives its keys, and its line in the help box.
 * The interface dispatches keys through command_find(), decides from the
 * flags whether a key must wait for the whole text, and draws the help
 * box from command_help(); tests/keys.sh checks the README and the manual
 * against the table.  The rows are in the order of the help box; a row
 * flagged CMD_F_PANE wins over another row with the same key while the
 * side pane has the focus, whatever their order, and one flagged
 * CMD_F_HIST over both while the timeline's histogram has it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "juan/command.h"
#include "juan/util.h"

#define C(c)	CMD_CTRL(c)
#define K(k)	CMD_KEY_##k

const struct command_row command_rows[] = {
	{ CMD_LINE_DOWN, { 'j', 'e', C('e'), C('n'), '\n', '\r', K(DOWN),
	    K(ENTER) }, CMD_F_COUNT | CMD_F_DOWN, "j Down",
	    "j k Down Up", N_("scroll a line (5j: five)") },
	{ CMD_LINE_UP, { 'k', 'y', C('y'), C('p'), K(UP) },
	    CMD_F_COUNT | CMD_F_UP, "k Up", NULL, NULL },
	{ CMD_ITEM_DOWN, { 'j', K(DOWN) }, CMD_F_PANE | CMD_F_COUNT, "",
	    NULL, NULL },
	{ CMD_ITEM_UP, { 'k', K(UP) }, CMD_F_PANE | CMD_F_COUNT, "",
	    NULL, NULL },
	{ CMD_PAGE_DOWN, { ' ', 'f', C('f'), C('v'), K(NPAGE) },
	    CMD_F_COUNT | CMD_F_DOWN, "Space f PgDn",
	    "Space f PgDn", N_("a page down;  b PgUp  up") },
	{ CMD_PAGE_UP, { 'b', C('b'), K(PPAGE) }, CMD_F_COUNT | CMD_F_UP,
	    "b PgUp", NULL, NULL },
	{ CMD_ITEM_PAGE_DOWN, { ' ', 'f', K(NPAGE) }, CMD_F_PANE, "",
	    NULL, NULL },
	{ CMD_ITEM_PAGE_UP, { 'b', K(PPAGE) }, CMD_F_PANE, "", NULL, NULL },
	{ CMD_HALF_DOWN, { 'd', C('d') }, CMD_F_COUNT | CMD_F_DOWN, "d",
	    "d u", N_("half a page down / up") },
	{ CMD_HALF_UP, { 'u', C('u') }, CMD_F_COUNT | CMD_F_UP, "u",
	    NULL, NULL },
	{ CMD_START, { 'g' }, CMD_F_COUNT | CMD_F_TOP | CMD_F_JUMP, "g",
	    "g Home  G End", N_("start / end (42g: line 42)") },
	{ CMD_HOME, { K(HOME) }, CMD_F_TOP | CMD_F_JUMP, "Home", NULL, NULL },
	{ CMD_END, { 'G' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_DOWN |
	    CMD_F_JUMP, "G", NULL, NULL },
	{ CMD_BOTTOM, { K(END) }, CMD_F_WHOLE | CMD_F_DOWN | CMD_F_JUMP,
	    "End", NULL, NULL },
	{ CMD_ITEM_FIRST, { 'g', K(HOME) }, CMD_F_PANE, "", NULL, NULL },
	{ CMD_ITEM_LAST, { 'G', K(END) }, CMD_F_PANE | CMD_F_WHOLE, "",
	    NULL, NULL },
	{ CMD_SECTION_NEXT, { ']' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "]", "] [", N_("next / previous section") },
	{ CMD_SECTION_PREV, { '[' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "[", NULL, NULL },
	{ CMD_DATE_NEXT, { '}' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "}", "} {  @", N_("next / prev date (pane order); @ go to one") },
	{ CMD_DATE_PREV, { '{' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "{", NULL, NULL },
	{ CMD_OUTLINE, { 'o' }, 0, "o", "o t r",
	    N_("outline / timeline / results") },
	{ CMD_TIMELINE, { 't' }, 0, "t", NULL, NULL },
	{ CMD_RESULTS, { 'r' }, CMD_F_WHOLE, "r", NULL, NULL },
	{ CMD_TL_ORDER, { 's' }, CMD_F_WHOLE, "s", "s c  T h l",
	    N_("timeline order, citations; histogram") },
	{ CMD_TL_CITE, { 'c' }, CMD_F_WHOLE, "c", NULL, NULL },
	{ CMD_HIST, { 'T' }, CMD_F_WHOLE, "T", NULL, NULL },
	{ CMD_HIST_LEFT, { 'h', K(LEFT) }, CMD_F_HIST | CMD_F_COUNT,
	    "h Left", NULL, NULL },
	{ CMD_HIST_RIGHT, { 'l', K(RIGHT) }, CMD_F_HIST | CMD_F_COUNT,
	    "l Right", NULL, NULL },
	{ CMD_HIST_JUMP, { '\n', '\r', K(ENTER) }, CMD_F_HIST | CMD_F_JUMP,
	    "", NULL, NULL },
	{ CMD_GOTO_DATE, { '@' }, CMD_F_WHOLE, "@", NULL, NULL },
	{ CMD_FOCUS, { '\t' }, 0, "Tab", "Tab  Enter",
	    N_("text <-> side pane;  go to its item") },
	{ CMD_ITEM_JUMP, { '\n', '\r', K(ENTER) }, CMD_F_PANE | CMD_F_JUMP,
	    "Enter", NULL, NULL },
	{ CMD_SEARCH, { '/' }, CMD_F_WHOLE, "/", "/ ?  n N",
	    N_("search, next, previous\n"
	    "  in the prompt: Up Down history, ^R regex, ^T variants") },
	{ CMD_SEARCH_BACK, { '?' }, CMD_F_WHOLE, "?", NULL, NULL },
	{ CMD_MATCH_NEXT, { 'n' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "n", NULL, NULL },
	{ CMD_MATCH_PREV, { 'N' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "N", NULL, NULL },
	{ CMD_FILTER, { '/' }, CMD_F_PANE | CMD_F_WHOLE, "/",
	    "/", N_("in the side pane: filter it; Esc clears") },
	{ CMD_FILTER_CLEAR, { CMD_ESC }, CMD_F_PANE, "Esc", NULL, NULL },
	{ CMD_UNHIGHLIGHT, { CMD_ESC }, 0, "", NULL, NULL },
	{ CMD_PANE_NARROW, { '<' }, 0, "<", "< > \\  w",
	    N_("narrow / widen / hide pane;  w  text width") },
	{ CMD_PANE_WIDEN, { '>' }, 0, ">", NULL, NULL },
	{ CMD_PANE_HIDE, { '\\' }, 0, "\\", NULL, NULL },
	{ CMD_MARK_SET, { 'm' }, CMD_F_LETTER, "m", "m<a-z> '<a-z>",
	    N_("set / go to a mark;  M  list the marks") },
	{ CMD_MARK_JUMP, { '\'' }, CMD_F_LETTER | CMD_F_WHOLE, "'",
	    NULL, NULL },
	{ CMD_MARKS, { 'M' }, CMD_F_WHOLE, "M", NULL, NULL },
	{ CMD_JUMP_BACK, { C('o') }, CMD_F_WHOLE, "Ctrl-O", "'' ^O ^]",
	    N_("back before the last jump;  older / newer") },
	{ CMD_JUMP_FORWARD, { C(']') }, CMD_F_WHOLE, "Ctrl-]", NULL, NULL },
	{ CMD_PERCENT, { '%', 'p' }, CMD_F_COUNT | CMD_F_WHOLE | CMD_F_JUMP,
	    "% p", "% p", N_("to N% (50p);  = ^G  file, line, encoding") },
	{ CMD_INFO, { '=', C('g') }, 0, "= Ctrl-G", NULL, NULL },
	{ CMD_MEASURE, { 'w' }, 0, "w", NULL, NULL },
	{ CMD_BOILERPLATE, { 'B' }, 0, "B", "B L R ^L",
	    N_("boilerplate / links / source / redraw") },
	{ CMD_LINKS, { 'L' }, 0, "L", NULL, NULL },
	{ CMD_SOURCE, { 'R' }, 0, "R", NULL, NULL },
	{ CMD_REDRAW, { C('l') }, 0, "Ctrl-L", NULL, NULL },
	{ CMD_HELP, { 'h', 'H', K(F1) }, 0, "h F1", "h F1",
	    N_("this help;  q  quit") },
	{ CMD_QUIT, { 'q', 'Q' }, 0, "q", NULL, NULL },
};

const size_t command_nrows = sizeof command_rows / sizeof command_rows[0];

static int
has_key(const struct command_row *r, uint32_t key)
{
	size_t i;

	for (i = 0; i < CMD_KEYS_MAX && r->keys[i] != 0; i++)
		if (r->keys[i] == key)
			return 1;
	return 0;
}

const struct command_row *
command_find(uint32_t key, int pane)
{
	size_t i;

	if (key == 0)
		return NULL;
	if (pane == 2)
		for (i = 0; i < command_nrows; i++)
			if ((command_rows[i].flags & CMD_F_HIST) &&
			    has_key(&command_rows[i], key))
				return &command_rows[i];
	if (pane)
		for (i = 0; i < command_nrows; i++)
			if ((command_rows[i].flags & CMD_F_PANE) &&
			    has_key(&command_rows[i], key))
				return &command_rows[i];
	for (i = 0; i < command_nrows; i++)
		if (!(command_rows[i].flags & (CMD_F_PANE | CMD_F_HIST)) &&
		    has_key(&command_rows[i], key))
			return &command_rows[i];
	return NULL;
}

const char *const *
command_help(void)
{
	static const char *lines[2 * (sizeof command_rows /
	    sizeof command_rows[0]) + 5];
	static char *store;
	struct sbuf b = SBUF_INIT;
	size_t i, n = 0, k, at[sizeof lines / sizeof lines[0]];
	const char *h, *nl;

	if (store != NULL)
		return lines;
	/* Offsets first: the storage moves while it grows. */
	at[n++] = b.len;
	sbuf_adds(&b, _("juan - keys"));
	sbuf_add(&b, "", 1);
	at[n++] = b.len;
	sbuf_add(&b, "", 1);
	for (i = 0; i < command_nrows; i++) {
		if ((h = command_rows[i].help) == NULL)
			continue;
		h = _(h);
		at[n++] = b.len;
		sbuf_printf(&b, "%-16s", command_rows[i].help_keys);
		while ((nl = strchr(h, '\n')) != NULL) {
			sbuf_add(&b, h, (size_t)(nl - h));
			sbuf_add(&b, "", 1);
			at[n++] = b.len;
			h = nl + 1;
		}
		sbuf_adds(&b, h);
		sbuf_add(&b, "", 1);
	}
	at[n++] = b.len;
	sbuf_add(&b, "", 1);
	at[n++] = b.len;
	sbuf_adds(&b, _("Press any key."));
	sbuf_add(&b, "", 1);
	store = sbuf_take(&b);
	for (k = 0; k < n; k++)
		lines[k] = store + at[k];
	lines[n] = NULL;
	return lines;
}
