/*
 * input.c - the reader's input state: counts, marks, the prompt.
 *
 * struct input (input.h) holds what keys build up between commands: the
 * count, a pending mark command, the status message, and the prompt's
 * line (valid UTF-8, at most about 1,000 bytes) with what it needs to
 * undo an incremental search: the top offset and the search from before
 * it opened (origin, old_pattern, old_backward, and its regex and
 * variants flags).  Nothing here draws: the
 * interface shows in->msg and the line, and passes keys as enum cmd_key
 * codes.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "juan/command.h"
#include "juan/input.h"

void
input_init(struct input *in, struct view_history *hist,
    const char *state_dir)
{
	memset(in, 0, sizeof *in);
	in->hist = hist;
	in->state_dir = state_dir;
}

void
input_set_novariants(struct input *in, int novariants)
{
	in->novariants_dflt = in->last_novariants = novariants != 0;
}

/* The VIEW_SEARCH_* flags of a search. */
static int
search_flags(int regex, int novariants)
{
	return (regex ? VIEW_SEARCH_REGEX : 0) |
	    (novariants ? VIEW_SEARCH_NOVARIANTS : 0);
}

void
input_free(struct input *in)
{
	free(in->msg);
	free(in->old_pattern);
	free(in->prompt_err);
	sbuf_free(&in->line);
	in->msg = in->old_pattern = in->prompt_err = NULL;
}

void
input_msg(struct input *in, const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	free(in->msg);
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	in->msg = sbuf_take(&b);
}

void
input_clear_msg(struct input *in)
{
	free(in->msg);
	in->msg = NULL;
}

int
input_count_key(struct input *in, uint32_t key)
{
	if (key < '0' || key > '9' || (!in->have_count && key == '0'))
		return 0;
	if (in->count < 100000000)
		in->count = in->count * 10 + (long)(key - '0');
	in->have_count = 1;
	return 1;
}

long
input_take_count(struct input *in, long dflt)
{
	long n = in->have_count ? in->count : dflt;

	in->have_count = 0;
	in->count = 0;
	return n;
}

int
input_letter(struct input *in, struct view *v, uint32_t key)
{
	int p = in->pending;

	if (p == 0)
		return 0;
	in->pending = 0;
	if (key < 'a' || key > 'z') {
		input_msg(in, "%s", _("Marks are letters a to z"));
		return 1;
	}
	if (p == 'm') {
		view_mark_set(v, (int)key);
		input_msg(in, _("Mark %c set"), (int)key);
	} else if (view_mark_jump(v, (int)key) < 0) {
		input_msg(in, _("Mark %c is not set"), (int)key);
	}
	return 1;
}

void
input_search_msg(struct input *in, const struct view *v, int r,
    int reverse)
{
	int fwd = !view_search_backward(v) != !!reverse;

	if (r < 0)
		input_msg(in, "%s", _("Pattern not found"));
	else if (r == 1)
		input_msg(in, "%s", fwd ?
		    _("search hit BOTTOM, continuing at TOP") :
		    _("search hit TOP, continuing at BOTTOM"));
}

void
input_date_msg(struct input *in, int r, const char *date)
{
	struct sbuf b = SBUF_INIT;

	util_safe_add(&b, date, strlen(date), 1);
	if (r < 0)
		input_msg(in, _("Not a date: %s (2016, 2016-04, 2016-04-19, "
		    "198X, BC221)"), b.s != NULL ? b.s : "");
	else if (r > 0)
		input_msg(in, _("No date at or after %s"),
		    b.s != NULL ? b.s : "");
	sbuf_free(&b);
}

void
input_open_prompt(struct input *in, struct view *v, enum input_prompt k,
    int backward)
{
	in->prompt = k;
	in->backward = backward;
	sbuf_reset(&in->line);
	sbuf_adds(&in->line, "");
	in->origin = view_top(v);
	free(in->old_pattern);
	in->old_pattern = view_pattern(v) != NULL && view_searching(v) ?
	    xstrdup(view_pattern(v)) : NULL;
	in->old_backward = view_search_backward(v);
	/*
	 * Each search starts literal and with variants as --no-variants
	 * says; Ctrl-R, Ctrl-T or the history say otherwise.
	 */
	in->old_regex = in->last_regex;
	in->regex = 0;
	in->old_novariants = in->last_novariants;
	in->novariants = in->novariants_dflt;
	in->hist_pos = in->hist->n;
	free(in->prompt_err);
	in->prompt_err = NULL;
	input_clear_msg(in);
	if (k == INPUT_FILTER && view_filter(v) != NULL)
		sbuf_adds(&in->line, view_filter(v));
}

/* Runs the search as typed so far (incremental). */
static void
prompt_update(struct input *in, struct view *v)
{
	char *err = NULL;
	int r;

	free(in->prompt_err);
	in->prompt_err = NULL;
	if (in->prompt == INPUT_DATE)
		return;
	if (in->prompt == INPUT_FILTER) {
		view_set_filter(v, in->line.s);
		return;
	}
	view_set_top(v, in->origin);
	if (in->line.len == 0) {
		view_search_clear(v);
		return;
	}
	r = view_search_set(v, in->line.s, in->backward,
	    search_flags(in->regex, in->novariants), &err);
	if (r < 0) {
		in->prompt_err = xasprintf(_("bad pattern: %s"), err);
		free(err);
		view_search_clear(v);
	} else if (r == 1) {
		in->prompt_err = xstrdup(_("not found"));
	}
}

/* Puts back the search that was there before the prompt. */
static void
restore_search(struct input *in, struct view *v)
{
	char *err = NULL;

	if (in->old_pattern != NULL) {
		view_search_set(v, in->old_pattern, in->old_backward,
		    search_flags(in->old_regex, in->old_novariants), &err);
		free(err);
		view_drop_match(v);
	} else {
		view_search_clear(v);
	}
	view_set_top(v, in->origin);
}

static void
prompt_accept(struct input *in, struct view *v, int pane_rows)
{
	char *err = NULL;
	int r;

	if (in->prompt == INPUT_DATE) {
		in->prompt = INPUT_NONE;
		input_date_msg(in, view_goto_date(v, in->line.s), in->line.s);
		return;
	}
	if (in->prompt == INPUT_FILTER) {
		/* The filter stays; Enter also jumps to the first row. */
		in->prompt = INPUT_NONE;
		while (view_nitems(v) == 0 &&
		    view_filter_step(v, INPUT_FILTER_STEP))
			;
		if (view_nitems(v) > 0) {
			view_pane_select(v, 0, pane_rows);
			view_pane_jump(v);
		}
		return;
	}
	in->prompt = INPUT_NONE;
	if (in->prompt_err != NULL && in->line.len > 0 &&
	    strcmp(in->prompt_err, _("not found")) != 0) {
		input_msg(in, "%s", in->prompt_err);
		restore_search(in, v);
		return;
	}
	if (in->line.len == 0) {
		/* An empty pattern repeats the last search. */
		if (in->old_pattern == NULL) {
			input_msg(in, "%s", _("No previous search pattern"));
			view_set_top(v, in->origin);
			return;
		}
		r = view_search_set(v, in->old_pattern, in->backward,
		    search_flags(in->old_regex, in->old_novariants), &err);
		free(err);
		view_set_top(v, in->origin);
		r = view_search_step(v, 0, 1);
		input_search_msg(in, v, r, 0);
		return;
	}
	in->last_regex = in->regex;
	in->last_novariants = in->novariants;
	if (view_history_add(in->hist, in->state_dir, in->line.s,
	    search_flags(in->regex, in->novariants)) < 0 &&
	    in->state_dir != NULL)
		input_msg(in, _("cannot save the search history: %s"),
		    strerror(errno));
	if (!view_have_match(v))
		input_msg(in, _("Pattern not found: %s"), in->line.s);
}

static void
prompt_cancel(struct input *in, struct view *v)
{
	if (in->prompt == INPUT_FILTER)
		view_set_filter(v, NULL);
	else if (in->prompt == INPUT_SEARCH)
		restore_search(in, v);
	in->prompt = INPUT_NONE;
}

static void
prompt_history(struct input *in, struct view *v, int dir)
{
	if (in->prompt != INPUT_SEARCH || in->hist->n == 0)
		return;
	if (dir < 0 && in->hist_pos > 0)
		in->hist_pos--;
	else if (dir > 0 && in->hist_pos < in->hist->n)
		in->hist_pos++;
	sbuf_reset(&in->line);
	sbuf_adds(&in->line, in->hist_pos < in->hist->n ?
	    in->hist->items[in->hist_pos] : "");
	if (in->hist_pos < in->hist->n) {
		in->regex = (in->hist->flags[in->hist_pos] &
		    VIEW_SEARCH_REGEX) != 0;
		in->novariants = (in->hist->flags[in->hist_pos] &
		    VIEW_SEARCH_NOVARIANTS) != 0;
	} else {
		in->regex = 0;
		in->novariants = in->novariants_dflt;
	}
	prompt_update(in, v);
}

void
input_prompt_key(struct input *in, struct view *v, uint32_t ch,
    int pane_rows)
{
	char mb[8];
	size_t n;

	switch (ch) {
	case CMD_KEY_ENTER:
		prompt_accept(in, v, pane_rows);
		return;
	case CMD_KEY_UP:
		prompt_history(in, v, -1);
		return;
	case CMD_KEY_DOWN:
		prompt_history(in, v, 1);
		return;
	}
	if (ch == '\n' || ch == '\r') {
		prompt_accept(in, v, pane_rows);
		return;
	}
	if (ch == CMD_ESC) {
		prompt_cancel(in, v);
		return;
	}
	if (ch == CMD_CTRL('r')) {
		in->regex = !in->regex;
		prompt_update(in, v);
		return;
	}
	/*
	 * Ctrl-T, for traditional: Ctrl-V would be readline's literal
	 * insert and Ctrl-S the terminal's flow control.
	 */
	if (ch == CMD_CTRL('t') && in->prompt == INPUT_SEARCH) {
		in->novariants = !in->novariants;
		prompt_update(in, v);
		return;
	}
	if (ch == CMD_CTRL('u')) {
		sbuf_reset(&in->line);
		sbuf_adds(&in->line, "");
		prompt_update(in, v);
		return;
	}
	if (ch == CMD_KEY_BACKSPACE || ch == 127 || ch == 8) {
		if (in->line.len == 0) {
			prompt_cancel(in, v);
			return;
		}
		n = in->line.len - 1;
		while (n > 0 && ((unsigned char)in->line.s[n] & 0xC0) == 0x80)
			n--;
		in->line.len = n;
		in->line.s[n] = '\0';
		prompt_update(in, v);
		return;
	}
	if (ch < 32 || (ch >= 0x7F && ch < 0xA0) || ch > 0x10FFFF ||
	    (ch >= 0xD800 && ch <= 0xDFFF))
		return;
	/* Encode the character as UTF-8 whatever the locale. */
	if (ch < 0x80) {
		mb[0] = (char)ch;
		n = 1;
	} else if (ch < 0x800) {
		mb[0] = (char)(0xC0 | ch >> 6);
		mb[1] = (char)(0x80 | (ch & 0x3F));
		n = 2;
	} else if (ch < 0x10000) {
		mb[0] = (char)(0xE0 | ch >> 12);
		mb[1] = (char)(0x80 | (ch >> 6 & 0x3F));
		mb[2] = (char)(0x80 | (ch & 0x3F));
		n = 3;
	} else {
		mb[0] = (char)(0xF0 | ch >> 18);
		mb[1] = (char)(0x80 | (ch >> 12 & 0x3F));
		mb[2] = (char)(0x80 | (ch >> 6 & 0x3F));
		mb[3] = (char)(0x80 | (ch & 0x3F));
		n = 4;
	}
	if (in->line.len < 1000)
		sbuf_add(&in->line, mb, n);
	prompt_update(in, v);
}

