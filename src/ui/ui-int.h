/* ui-int.h - the reader's state, shared by ui.c and ui-draw.c. */
#ifndef JUAN_UI_INT_H
#define JUAN_UI_INT_H

#include <stdio.h>
#include <wchar.h>

#include "juan/input.h"
#include "juan/source.h"
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
	C_DIM
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
	int quit;
	int show_boiler;		/* boilerplate blocks shown */
	struct input in;		/* count, marks, prompt, message */
	struct view_paint paint;	/* the text pane's cells, reused */

	char *state_dir;		/* owned, or NULL */
	struct view_history hist;
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

#endif
