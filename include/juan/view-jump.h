/* view-jump.h - the places the reader goes back to: jumps and marks. */
#ifndef JUAN_VIEW_JUMP_H
#define JUAN_VIEW_JUMP_H

#include <stddef.h>

#include "juan/view.h"

/*
 * The jump history, as vim keeps one: each jump (g, G, a search, a
 * section, a mark, a pane's item, a percentage) adds the place it left,
 * the newest last and an earlier copy of the same place dropped, at most
 * VIEW_JUMP_MAX.  Back (Ctrl-O) and forward walk through it; the first
 * step back from the newest end adds the place it starts from, so that
 * forward comes back to it.  '' goes to the place before the latest jump
 * and counts as a jump itself, so that '' again comes back.  Places are
 * byte offsets into the whole text (the top line's first byte); the
 * history does not know the text, so the caller clamps them.
 */
#define VIEW_JUMP_MAX	100

struct view_jumps {
	size_t off[VIEW_JUMP_MAX];	/* places, oldest first */
	size_t n;			/* entries */
	size_t cur;			/* where back and forward are: n
					   when not walking the history */
	size_t last_off;		/* '': the place before the latest
					   jump ... */
	int have_last;			/* ... when there is one */
};

void view_jump_init(struct view_jumps *j);
/* A jump left off. */
void view_jump_push(struct view_jumps *j, size_t off);
/*
 * Back and forward from here (the place shown now).  Return 0 and set
 * *to, or -1 when there is nothing that way (nothing changes then).
 */
int view_jump_back(struct view_jumps *j, size_t here, size_t *to);
int view_jump_forward(struct view_jumps *j, size_t here, size_t *to);
/* '': the place before the latest jump, from here; -1 when none. */
int view_jump_last(struct view_jumps *j, size_t here, size_t *to);

/*
 * Puts the place pct percent into v's text, as view_percent() counts it
 * (bytes shown), on the bottom row, so that the status line then says
 * pct; 100 or more goes to the end.
 */
void view_jump_percent(struct view *v, long pct);

/* A mark that is set. */
struct view_mark {
	int letter;		/* 'a'..'z' */
	size_t off;		/* the byte at the top when it was set */
};

/* Fills out (26 at most) with the marks set, by letter; returns how many. */
size_t view_jump_marks(const struct view *v, struct view_mark out[26]);

#endif
