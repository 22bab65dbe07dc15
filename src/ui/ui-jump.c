/*
 * ui-jump.c - the reader's places: jumps back and forth, a percentage,
 * where the text is (=), the marks' box (M), the note of a place resumed.
 *
 * The jump history is the engine's (view-jump.h, in struct ui): this file
 * decides what is a jump (a command flagged CMD_F_JUMP in the command
 * table, a search accepted in the prompt, a mark's letter, '' itself)
 * and records the place a jump left when the place shown has changed.
 * Places are offsets into the whole text (the base of a tail preview
 * added), so that a jump made while a long text still loads points at
 * the same bytes once the whole has arrived; the commands that go to one
 * need the whole text (CMD_F_WHOLE), so there the base is 0.  The marks'
 * box is drawn over the screen like the help box, a row a mark (letter,
 * percent, line, the text of that line, terminal-safe), and takes the keys
 * while it is open.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/format.h"
#include "juan/layout.h"
#include "juan/view-jump.h"
#include "ui/ui-int.h"

#define MARK_TEXT_MAX	240	/* bytes of a mark's line shown */
#define MARK_SKIP_MAX	4096	/* blank bytes skipped to find it */

size_t
ui_jump_here(const struct ui *u)
{
	return source_base_off(u->src) + view_top(u->v);
}

/* Shows the place off of the whole text. */
static void
go(struct ui *u, size_t off)
{
	size_t base = source_base_off(u->src);

	view_goto(u->v, off > base ? off - base : 0);
}

void
ui_jump_after(struct ui *u, const struct command_row *row, size_t before)
{
	if (row != NULL && (row->flags & CMD_F_JUMP) &&
	    ui_jump_here(u) != before)
		view_jump_push(&u->jumps, before);
}

void
ui_jump_prompt(struct ui *u)
{
	/* A search accepted where the prompt opened is a jump from there. */
	if (u->in.prompt == INPUT_NONE && view_top(u->v) != u->in.origin)
		view_jump_push(&u->jumps, source_base_off(u->src) +
		    u->in.origin);
}

int
ui_jump_letter(struct ui *u, uint32_t key)
{
	size_t to, before = ui_jump_here(u);

	if (u->in.pending != '\'')
		return 0;
	if (key == '\'' || key == '`') {
		u->in.pending = 0;
		if (view_jump_last(&u->jumps, before, &to) < 0)
			input_msg(&u->in, "%s", _("No jump to go back from"));
		else
			go(u, to);
		return 1;
	}
	if (key < 'a' || key > 'z')
		return 0;
	(void)input_letter(&u->in, u->v, key);
	if (ui_jump_here(u) != before)
		view_jump_push(&u->jumps, before);
	return 1;
}

/* The message of =: name, lines shown, bytes, encoding, format, percent. */
static void
info(struct ui *u)
{
	const struct buffer *b = view_doc(u->v)->buf;
	size_t top = view_top(u->v), bot = view_bottom(u->v);
	size_t total = source_total_len(u->src) > 0 ?
	    source_total_len(u->src) : source_base_off(u->src) + b->len;
	struct sbuf s = SBUF_INIT;

	sbuf_printf(&s, "%s", u->o->name);
	if (source_shown(u->src) == SOURCE_TAIL)
		sbuf_adds(&s, _(" \xc2\xb7 lines ?"));
	else if (b->nlines == 0 || b->len == 0)
		sbuf_adds(&s, _(" \xc2\xb7 no lines"));
	else
		sbuf_printf(&s, _(" \xc2\xb7 lines %zu-%zu/%s%zu"),
		    buffer_line_of(b, top), buffer_line_of(b, bot > top ?
		    bot - 1 : top), source_loading(u->src) ? ">" : "",
		    b->nlines);
	sbuf_printf(&s, _(" \xc2\xb7 byte %zu/%zu \xc2\xb7 "),
	    source_base_off(u->src) + top, total);
	util_safe_add(&s, b->encoding != NULL ? b->encoding : "UTF-8",
	    strlen(b->encoding != NULL ? b->encoding : "UTF-8"), 1);
	sbuf_printf(&s, " \xc2\xb7 %s \xc2\xb7 %d%%",
	    format_name((enum format_kind)source_format(u->src)),
	    view_percent(u->v));
	input_msg(&u->in, "%s", s.s);
	sbuf_free(&s);
}

static void
open_marks(struct ui *u)
{
	struct view_mark m[26];

	if (view_jump_marks(u->v, m) == 0) {
		input_msg(&u->in, "%s",
		    _("No marks yet (m and a letter sets one)"));
		return;
	}
	u->marks_open = 1;
	u->marks_sel = 0;
}

int
ui_jump_cmd(struct ui *u, enum command c, long n, int have)
{
	size_t to, here = ui_jump_here(u);

	switch (c) {
	case CMD_JUMP_BACK:
		if (view_jump_back(&u->jumps, here, &to) < 0)
			input_msg(&u->in, "%s", _("At the oldest jump"));
		else
			go(u, to);
		return 1;
	case CMD_JUMP_FORWARD:
		if (view_jump_forward(&u->jumps, here, &to) < 0)
			input_msg(&u->in, "%s", _("At the newest jump"));
		else
			go(u, to);
		return 1;
	case CMD_PERCENT:
		view_jump_percent(u->v, have ? n : 0);
		return 1;
	case CMD_INFO:
		info(u);
		return 1;
	case CMD_MARKS:
		open_marks(u);
		return 1;
	default:
		return 0;
	}
}

/* Goes to mark i of m (n of them), as a jump, and closes the box. */
static void
marks_go(struct ui *u, const struct view_mark *m, size_t i)
{
	size_t before = ui_jump_here(u);

	u->marks_open = 0;
	go(u, m[i].off);
	if (ui_jump_here(u) != before)
		view_jump_push(&u->jumps, before);
}

int
ui_jump_marks_key(struct ui *u, uint32_t key)
{
	struct view_mark m[26];
	size_t n, i;

	if (!u->marks_open)
		return 0;
	if (key == CMD_KEY_RESIZE)
		return 0;
	n = view_jump_marks(u->v, m);
	if (n == 0) {
		u->marks_open = 0;
		return 1;
	}
	if (u->marks_sel >= n)
		u->marks_sel = n - 1;
	switch (key) {
	case 'j': case CMD_KEY_DOWN: case CMD_CTRL('n'):
		if (u->marks_sel + 1 < n)
			u->marks_sel++;
		break;
	case 'k': case CMD_KEY_UP: case CMD_CTRL('p'):
		if (u->marks_sel > 0)
			u->marks_sel--;
		break;
	case 'g': case CMD_KEY_HOME:
		u->marks_sel = 0;
		break;
	case 'G': case CMD_KEY_END:
		u->marks_sel = n - 1;
		break;
	case '\n': case '\r': case CMD_KEY_ENTER:
		marks_go(u, m, u->marks_sel);
		break;
	default:
		/* A mark's letter goes there; any other key closes. */
		for (i = 0; i < n; i++)
			if ((uint32_t)m[i].letter == key) {
				marks_go(u, m, i);
				return 1;
			}
		u->marks_open = 0;
		break;
	}
	return 1;
}

/*
 * Puts the terminal-safe UTF-8 string s at y, x in at most w columns,
 * padded with blanks.  A character whose width the layout and curses
 * disagree on (an ambiguous one at --ambiwidth=2) is drawn as blanks of
 * its width, so that the row stays in its columns.
 */
static void
put_fit(struct ui *u, int y, int x, int w, const char *s, attr_t a)
{
	int amb = u->ascii_sep ? 2 : 1, cw, used = 0, k;
	size_t i = 0, n = strlen(s);
	uint32_t c;
	wchar_t wc[2] = { 0, 0 };

	attron(a);
	move(y, x);
	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		cw = layout_str_width(s + i, (size_t)k, amb);
		i += (size_t)k;
		if (cw <= 0)
			continue;
		if (used + cw > w)
			break;
		wc[0] = (wchar_t)c;
		if (wcwidth(wc[0]) == cw)
			addnwstr(wc, 1);
		else
			for (k = 0; k < cw; k++)
				addch(' ');
		used += cw;
	}
	for (; used < w; used++)
		addch(' ');
	attroff(a);
}

/* The row of mark m: letter, percent, line, the line's text. */
static void
mark_row(struct ui *u, const struct view_mark *m, struct sbuf *s)
{
	const struct buffer *b = view_doc(u->v)->buf;
	size_t off = m->off < b->len ? m->off : b->len, at, end, len;
	int pct = b->len > 0 ? (int)((double)off * 100.0 / (double)b->len) :
	    0;

	/* The text from the first line that is not blank, near the mark. */
	for (at = off; at < b->len && at - off < MARK_SKIP_MAX &&
	    strchr(" \t\r\n", b->data[at]) != NULL; at++)
		;
	if (at == b->len || at - off == MARK_SKIP_MAX)
		at = off;
	end = buffer_line_end(b, buffer_line_of(b, at));
	len = end > at ? end - at : 0;
	if (len > MARK_TEXT_MAX) {
		len = MARK_TEXT_MAX;
		while (len > 0 && (b->data[at + len] & 0xc0) == 0x80)
			len--;
	}
	sbuf_printf(s, _("%c %3d%%  line %-7zu "), m->letter, pct,
	    buffer_line_of(b, off));
	util_safe_add(s, b->data + at, len, 1);
}

void
ui_jump_draw(struct ui *u)
{
	struct view_mark m[26];
	struct sbuf s = SBUF_INIT;
	size_t n, i, first;
	int w, h, x, y, rows, r;
	attr_t box = u->color ? COLOR_PAIR(C_STATUS) : A_REVERSE;

	if (!u->marks_open || (n = view_jump_marks(u->v, m)) == 0)
		return;
	w = u->cols > 74 ? 72 : u->cols - 2;
	h = (int)n + 4;
	if (h > u->lines)
		h = u->lines;
	if (w < 4 || h < 3)
		return;
	x = (u->cols - w) / 2;
	y = (u->lines - h) / 2;
	rows = h - 3;
	if (rows < 1)
		rows = 1;
	first = u->marks_sel >= (size_t)rows ? u->marks_sel + 1 -
	    (size_t)rows : 0;
	put_fit(u, y, x, w, _(" Marks"), box | A_BOLD);
	for (r = 0; r < rows && y + 1 + r < u->lines; r++) {
		i = first + (size_t)r;
		sbuf_reset(&s);
		sbuf_adds(&s, " ");
		if (i < n)
			mark_row(u, &m[i], &s);
		put_fit(u, y + 1 + r, x, w, s.s, i == u->marks_sel ?
		    (box ^ A_REVERSE) | A_BOLD : box);
	}
	if (y + 1 + rows < u->lines && 1 + rows < h)
		put_fit(u, y + 1 + rows, x, w, "", box);
	if (y + 2 + rows < u->lines && 2 + rows < h)
		put_fit(u, y + 2 + rows, x, w, _(" Enter or a letter: go there"
		    "   Esc: close"), box);
	sbuf_free(&s);
}

void
ui_jump_resumed(struct ui *u)
{
	struct view_status vs;
	struct sbuf s = SBUF_INIT;

	/* A warning already there (the settings file's) matters more. */
	if (u->in.msg != NULL)
		return;
	view_status(u->v, &vs);
	sbuf_printf(&s, _("Resumed at %d%%"), view_percent(u->v));
	if (vs.section != NULL) {
		sbuf_adds(&s, _(" \xc2\xb7 section "));
		sbuf_adds(&s, vs.section);
	}
	input_msg(&u->in, "%s", s.s);
	sbuf_free(&s);
}
