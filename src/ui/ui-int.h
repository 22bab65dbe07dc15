/* ui-int.h - the reader's state, shared by ui.c and ui-draw.c. */
#ifndef JUAN_UI_INT_H
#define JUAN_UI_INT_H

#include <stdint.h>
#include <stdio.h>
#include <wchar.h>

#include "juan/command.h"
#include "juan/input.h"
#include "juan/source.h"
#include "juan/view-jump.h"
#include "juan/view.h"
#include "app.h"

enum {
	C_HEADING = 1,		/* color pairs */
	C_TITLE,
	C_CAPTION,
	C_FIGURE,
	C_MATCH,
	C_CURMATCH,
	C_ENTRY,
	C_JUMP,
	C_CTL,
	C_STATUS,
	C_PANEHEAD,
	C_DIM,
	C_CODE,			/* Markdown: code */
	C_LINK			/* Markdown: a link's text */
};

struct ui {
	const struct app_opts *o;
	struct source *src;		/* the text, in stages; owned */
	int reading_stdin;		/* the thread still reads stdin */
	int state_pending;		/* position to restore when the
					   whole document arrives */
	struct view *v;			/* owned */
	SCREEN *scr;			/* the curses screen */
	FILE *tty_in;			/* keys: stdin or /dev/tty */
	int color;			/* colors in use */
	int ascii_sep;			/* separator drawn as '|' */
	int help_drawn;			/* the help was up at the last draw */

	int lines, cols;		/* screen size */
	int pane_w;			/* side pane columns, 0 when none */
	int text_x, text_w;		/* text pane column and width */
	int text_rows;			/* rows of text (all but status) */

	int help;			/* the help overlay is shown */
	struct ui_links *links;		/* the links box (L), or NULL */
	int quit;
	int show_boiler;		/* boilerplate blocks shown */
	struct input in;		/* count, marks, prompt, message */
	struct view_paint paint;	/* the text pane's cells, reused */

	char *state_dir;		/* owned, or NULL */
	struct view_history hist;

	struct view_jumps jumps;	/* '' Ctrl-O Ctrl-] (ui-jump.c) */
	size_t jump_from;		/* the place before the key read */
	int marks_open;			/* the marks' box is shown (M) */
	size_t marks_sel;		/* ... its selected row */
	int max_w;			/* the text column's widest, columns */
	int measure_on;			/* ... and whether it is kept (w) */
};

/* Rows of the timeline's histogram (ui-hist.c), 0 when not shown. */
#define HIST_ROWS	3
static inline int
hist_rows(const struct ui *u)
{
	const struct timeline *t = view_timeline(u->v);

	return u->pane_w > 0 && view_pane(u->v) == VIEW_PANE_TIMELINE &&
	    u->text_rows >= 8 && t != NULL && t->n > 0 ? HIST_ROWS : 0;
}

/* The side pane's rows below its header (and the histogram). */
static inline int
pane_rows(const struct ui *u)
{
	int n = u->text_rows - 1 - hist_rows(u);

	return n > 1 ? n : 1;
}

/*
 * Drawing (ui-draw.c): ui_draw paints the whole screen from the view and
 * the source; ui_init_colors sets the colour pairs up (none with
 * NO_COLOR or a terminal without colours); ui_set_ambwide says that East
 * Asian Ambiguous characters are two columns wide.  The JUAN_TRACE hook:
 * ui_trace_open at the start, ui_trace_key when a key is read (the next
 * screen drawn answers it), ui_trace_close at the end.
 */
void ui_draw(struct ui *u);
/*
 * ui-hist.c: draws the timeline's histogram in the HIST_ROWS rows from y
 * of the side pane: the bars, the axis's labels, the period selected (or
 * in view) and its count.
 */
void ui_hist_draw(struct ui *u, int y);
void ui_init_colors(struct ui *u);
void ui_set_ambwide(int on);
void ui_trace_open(void);
void ui_trace_key(int is_key, wint_t ch);
void ui_trace_close(void);

/*
 * Places (ui-jump.c).  ui_jump_here is the place shown, as an offset into
 * the whole text.  The reader calls ui_jump_after after each command with
 * the place before the key (u->jump_from), ui_jump_prompt after each key
 * of a prompt, and ui_jump_letter before a mark's letter is taken ('':
 * the place before the last jump); ui_jump_cmd runs the commands of
 * places (Ctrl-O, Ctrl-], a percentage, =, M) and returns 0 for others;
 * ui_jump_marks_key takes the keys while the marks' box is open (returns
 * 0 for a key it leaves to the reader), ui_jump_draw draws that box, and
 * ui_jump_resumed gives the note of a place restored from an earlier run.
 */
size_t ui_jump_here(const struct ui *u);
void ui_jump_after(struct ui *u, const struct command_row *row,
    size_t before);
void ui_jump_prompt(struct ui *u);
int ui_jump_letter(struct ui *u, uint32_t key);
int ui_jump_cmd(struct ui *u, enum command c, long n, int have);
int ui_jump_marks_key(struct ui *u, uint32_t key);
void ui_jump_draw(struct ui *u);
void ui_jump_resumed(struct ui *u);

/*
 * Settings (ui-conf.c): ui_conf_start applies the settings file's pane,
 * pane width and timeline order and the measure (--max-width) to a new
 * view; ui_conf_colors its colours, after ui_init_colors; ui_conf_measure
 * narrows and centres the text pane (text_x, text_w) to the measure, from
 * geometry(); ui_conf_toggle turns the measure on or off (w).
 */
void ui_conf_start(struct ui *u);
void ui_conf_colors(struct ui *u);
void ui_conf_measure(struct ui *u);
void ui_conf_toggle(struct ui *u);

/*
 * ui_draw_box draws a box in the middle of the screen holding n lines
 * (line 0 in bold: its title), lines [sel, sel + nsel) chosen.
 */
void ui_draw_box(struct ui *u, const char *const *lines, size_t n,
    size_t sel, size_t nsel);

/*
 * The links box (ui-links.c), opened by L: ui_links_open() lists the
 * links on the screen (or says there are none); while u->links is set,
 * ui_links_key() takes every key (choosing, copying with Enter or a
 * number, closing) and ui_links_draw() draws the box over the text;
 * ui_links_close() closes it (NULL: nothing).
 */
struct ui_links;
void ui_links_open(struct ui *u);
void ui_links_key(struct ui *u, uint32_t key);
void ui_links_draw(struct ui *u);
void ui_links_close(struct ui *u);

#endif
