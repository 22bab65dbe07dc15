/* input.h - the reader's input state: counts, marks, the prompt. */
#ifndef JUAN_INPUT_H
#define JUAN_INPUT_H

#include <stddef.h>
#include <stdint.h>

#include "juan/util.h"
#include "juan/view.h"

/*
 * What the keys build up between two commands, without curses: the count
 * typed before a command (5j), a mark command waiting for its letter, and
 * the prompt of a search or a filter with its line editor.  A search is
 * incremental: each key runs the pattern typed so far from where the
 * prompt opened, Esc puts back the search and the place from before,
 * Enter keeps the new one.  Keys are enum cmd_key codes (command.h).
 * Messages for the status line are kept here too (msg).
 */
enum input_prompt {
	INPUT_NONE,		/* no prompt: the status line shows */
	INPUT_SEARCH,		/* '/' or '?' in the text */
	INPUT_FILTER,		/* '/' in the side pane */
	INPUT_DATE		/* '@': Go to date: (view_goto_date) */
};

/* Side pane rows filtered a step at a time (view_filter_step). */
#define INPUT_FILTER_STEP 5000

struct input {
	long count;			/* the count typed before a key */
	int have_count;			/* a count was typed */
	int pending;			/* 'm' or '\'' awaiting a letter */
	char *msg;			/* status message, owned, or NULL */

	enum input_prompt prompt;
	struct sbuf line;		/* the prompt's text */
	int backward;			/* prompt opened with '?' */
	int regex;			/* Ctrl-R: the pattern is a regex */
	int last_regex;			/* the last search was one */
	int old_regex;			/* last_regex when the prompt opened */
	int novariants;			/* Ctrl-T: Han variants not folded */
	int last_novariants;		/* the last search folded none */
	int old_novariants;		/* last_novariants at the opening */
	int novariants_dflt;		/* each search's start: --no-variants */
	size_t origin;			/* top_off when the prompt opened */
	char *old_pattern;		/* search before the prompt, owned */
	int old_backward;
	size_t hist_pos;		/* history index while browsing */
	char *prompt_err;		/* bad pattern message, owned */

	struct view_history *hist;	/* borrowed: earlier patterns */
	const char *state_dir;		/* borrowed: where hist is saved,
					   or NULL */
};

/* Starts in with the history hist kept under state_dir (may be NULL). */
void input_init(struct input *in, struct view_history *hist,
    const char *state_dir);
/*
 * Whether each search starts without Han variants folded (--no-variants;
 * Ctrl-T in the prompt switches it for the search typed).
 */
void input_set_novariants(struct input *in, int novariants);
void input_free(struct input *in);

void input_msg(struct input *in, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void input_clear_msg(struct input *in);

/*
 * Takes key as a digit of a count when it is one (a 0 only after another
 * digit, since 0 alone is no count); returns 1 when it did.
 */
int input_count_key(struct input *in, uint32_t key);

/* The count typed, or dflt without one; the count is then forgotten. */
long input_take_count(struct input *in, long dflt);

/*
 * With a mark command pending ('m' set, '\'' jump), takes key as its
 * letter, sets or jumps to the mark in v, and returns 1; returns 0 when
 * nothing is pending.
 */
int input_letter(struct input *in, struct view *v, uint32_t key);

/* The message for the result r of view_search_step (reverse: N). */
void input_search_msg(struct input *in, const struct view *v, int r,
    int reverse);

/*
 * The message for the result r of view_goto_date(date): none for 0, "No
 * date at or after ..." for 1, "Not a date: ..." for -1.
 */
void input_date_msg(struct input *in, int r, const char *date);

/* Opens the prompt of kind k ('?' when backward), saving v's search. */
void input_open_prompt(struct input *in, struct view *v,
    enum input_prompt k, int backward);

/*
 * A key while the prompt is open: edits the line and runs it as typed,
 * Enter accepts, Esc (or Backspace on an empty line) cancels, Up and Down
 * recall the history, Ctrl-R switches to a regular expression, Ctrl-T
 * switches the folding of Han variants (台湾 finds 臺灣) off or on, Ctrl-U
 * empties the line.  pane_rows is the side pane's rows (Enter on a filter
 * selects its first row).
 */
void input_prompt_key(struct input *in, struct view *v, uint32_t key,
    int pane_rows);

#endif
