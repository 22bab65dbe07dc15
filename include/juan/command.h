/* command.h - the reader's commands and their keys, in one table. */
#ifndef JUAN_COMMAND_H
#define JUAN_COMMAND_H

#include <stddef.h>
#include <stdint.h>

/*
 * A key is a Unicode code point (a typed character, a control character
 * such as 27 for Esc) or one of these codes above Unicode for the keys
 * that are not characters.  The interface translates its own key codes
 * into these, so that nothing here depends on curses.
 */
enum cmd_key {
	CMD_KEY_DOWN = 0x110000,
	CMD_KEY_UP,
	CMD_KEY_NPAGE,
	CMD_KEY_PPAGE,
	CMD_KEY_HOME,
	CMD_KEY_END,
	CMD_KEY_ENTER,
	CMD_KEY_BACKSPACE,
	CMD_KEY_F1,
	CMD_KEY_RESIZE,
	CMD_KEY_MOUSE,
	CMD_KEY_LEFT,
	CMD_KEY_RIGHT,
	CMD_KEY_OTHER		/* a key juan has no use for */
};

#define CMD_CTRL(c)	((uint32_t)(c) & 0x1f)	/* Ctrl-c */
#define CMD_ESC		27u

enum command {
	CMD_NONE,
	CMD_LINE_DOWN,		/* the text */
	CMD_LINE_UP,
	CMD_PAGE_DOWN,
	CMD_PAGE_UP,
	CMD_HALF_DOWN,
	CMD_HALF_UP,
	CMD_START,		/* g: the start, or with a count a line */
	CMD_END,		/* G: the end, or with a count a line */
	CMD_HOME,		/* Home: the start */
	CMD_BOTTOM,		/* End: the end */
	CMD_SECTION_NEXT,
	CMD_SECTION_PREV,
	CMD_DATE_NEXT,
	CMD_DATE_PREV,
	CMD_OUTLINE,		/* the side pane */
	CMD_TIMELINE,
	CMD_RESULTS,
	CMD_TL_ORDER,
	CMD_TL_CITE,		/* the timeline's citations shown */
	CMD_HIST,		/* T: the focus on the histogram */
	CMD_HIST_LEFT,		/* the histogram, focused */
	CMD_HIST_RIGHT,
	CMD_HIST_JUMP,
	CMD_GOTO_DATE,		/* @: the prompt Go to date: */
	CMD_FOCUS,
	CMD_ITEM_DOWN,		/* the side pane, focused */
	CMD_ITEM_UP,
	CMD_ITEM_PAGE_DOWN,
	CMD_ITEM_PAGE_UP,
	CMD_ITEM_FIRST,
	CMD_ITEM_LAST,
	CMD_ITEM_JUMP,
	CMD_FILTER,
	CMD_FILTER_CLEAR,
	CMD_SEARCH,		/* searching */
	CMD_SEARCH_BACK,
	CMD_MATCH_NEXT,
	CMD_MATCH_PREV,
	CMD_UNHIGHLIGHT,
	CMD_PANE_NARROW,	/* the rest */
	CMD_PANE_WIDEN,
	CMD_PANE_HIDE,
	CMD_MARK_SET,
	CMD_MARK_JUMP,
	CMD_BOILERPLATE,
	CMD_LINKS,		/* Markdown: the links on the screen */
	CMD_SOURCE,		/* Markdown: source or rendered */
	CMD_REDRAW,
	CMD_HELP,
	CMD_QUIT,
	CMD_JUMP_BACK,		/* places (src/ui/ui-jump.c) */
	CMD_JUMP_FORWARD,
	CMD_PERCENT,
	CMD_INFO,
	CMD_MARKS,
	CMD_MEASURE
};

/* What a command is (struct command_row.flags). */
enum {
	CMD_F_COUNT = 1 << 0,	/* takes a count (5j) */
	CMD_F_WHOLE = 1 << 1,	/* needs the whole text, not a preview */
	CMD_F_DOWN = 1 << 2,	/* moves the text down, or to its end */
	CMD_F_UP = 1 << 3,	/* moves the text up */
	CMD_F_TOP = 1 << 4,	/* moves the text to its beginning */
	CMD_F_PANE = 1 << 5,	/* only while the side pane is focused */
	CMD_F_LETTER = 1 << 6,	/* a letter follows (a mark) */
	CMD_F_JUMP = 1 << 7,	/* a jump: '' and Ctrl-O come back */
	CMD_F_HIST = 1 << 8	/* only while the histogram is focused */
};

#define CMD_KEYS_MAX 8

struct command_row {
	enum command cmd;
	uint32_t keys[CMD_KEYS_MAX];	/* the keys, 0-ended */
	unsigned flags;			/* CMD_F_* */
	const char *doc;		/* its keys as the README and the
					   manual name them ("j Down"),
					   space-separated; "" for aliases
					   left undocumented */
	const char *help_keys;		/* the help box's line: keys ... */
	const char *help;		/* ... and what they do ('\n'
					   starts another line), or NULL:
					   the line of an earlier row
					   covers this one */
};

/* The table, command_nrows rows. */
extern const struct command_row command_rows[];
extern const size_t command_nrows;

/*
 * The row of key: with pane 2 (the histogram has the focus) a row flagged
 * CMD_F_HIST first; with pane set (the side pane or its histogram has
 * the focus), then a row flagged CMD_F_PANE; else the first other row;
 * NULL when the key is no command's.
 */
const struct command_row *command_find(uint32_t key, int pane);

/*
 * The help box's lines in order, NULL-ended, each "KEYS  what they do"
 * with the keys padded to one column; static storage, built once.
 */
const char *const *command_help(void);

#endif
