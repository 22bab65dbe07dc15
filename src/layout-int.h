/* layout-int.h - what layout.c, layout-fig.c and layout-md.c share. */
#ifndef JUAN_LAYOUT_INT_H
#define JUAN_LAYOUT_INT_H

#include <stddef.h>

#include "juan/layout.h"

#define CACHE_SIZE	32	/* pieces kept */

/* One display line of a piece. */
struct lline {
	size_t off;		/* first byte shown */
	size_t end;		/* one past the last byte shown */
	size_t next;		/* start of the following line */
	int width;		/* columns */
	int plain;		/* no cell shows a replacement */
	size_t voff, vend;	/* with hints: the line's bytes of the
				   piece's shown text (layout-md.c) */
	int flags;		/* with hints: LL_* */
};

/* Flags of a display line laid out with hints. */
#define LL_HIDDEN	1	/* a source line of markup only: not shown */
#define LL_CUT		2	/* code cut at the margin: ends in a marker */
#define LL_FIRST	4	/* the first line of its source line */

/* A laid-out piece of a source line. */
struct lpiece {
	size_t off;		/* first byte of the piece */
	size_t end;		/* one past its last byte */
	size_t ls, le;		/* with hints: its source line */
	struct lline *lines;	/* nlines lines in order */
	size_t nlines;
	size_t cap;		/* lines allocated */
	unsigned long used;	/* clock of the last use, 0 when empty */
};

struct layout {
	const struct doc *doc;		/* borrowed */
	struct layout_opts o;
	size_t piece;			/* piece size, bytes */
	struct lpiece cache[CACHE_SIZE];
	unsigned long clock;		/* counts cache uses */
	struct lpiece *hint;		/* piece of the last line returned */
	size_t hint_idx;		/* its index in hint->lines */
	size_t gap_off;			/* the last blank line returned */
	size_t gap_block;		/* the block after its gap */
	size_t first_shown;		/* first block not hidden, or SIZE_MAX
					   when not known yet */
	char *brk;			/* break opportunities of a piece */
	size_t brkcap;			/* bytes allocated at brk */
	struct lcell *cells;		/* layout_cells() result */
	size_t ncap;			/* cells allocated */
	struct lcell *fcells;		/* scratch for a figure's width */
	size_t fcap;			/* fcells allocated */
	struct layout_md *md;		/* the hints' state (layout-md.c), or
					   NULL for plain text */
};

/* A grapheme cluster as it is shown. */
struct clus {
	size_t len;		/* bytes */
	int width;		/* columns */
	int space;		/* a U+0020 space, which may hang and drop */
	char repl[12];		/* shown instead of the bytes, or "" */
};

struct layout_md;

/* Measures the cluster at s[q] (q < end) shown at column col. */
void layout_clus_at(const struct layout_opts *o, const char *s, size_t q,
    size_t end, int col, struct clus *cl);
/* Cuts a cluster wider than the line to the width, ending in '>'. */
void layout_clus_clip(struct clus *cl, int width);
/*
 * Breaks s[ps, pe) into lines of at most o->width columns, appended to
 * pc->lines (offsets are offsets into s).
 */
void layout_piece_break(struct layout *l, const struct layout_opts *o,
    const char *s, size_t ps, size_t pe, struct lpiece *pc);
/* A zeroed cell appended to *arr (n of cap used). */
struct lcell *layout_cell_push(struct lcell **arr, size_t *cap, size_t *n);

/* layout-fig.c: the placeholder cells of figure block b. */
size_t layout_fig_cells(struct layout *l, size_t b, struct lcell **arr,
    size_t *cap, int *widthp);

/*
 * layout-md.c, the layout with hints.  layout_md_new() indexes the hints
 * (NULL when o->hints is NULL); layout_md_piece() lays out the piece
 * [ps, pe) of the source line [ls, le) into pc; layout_md_cells() gives the
 * cells of line idx of pc; layout_md_kind() sets the kind and level of a
 * display line at x; layout_md_block_hidden() tells whether doc block b
 * shows nothing.
 */
struct layout_md *layout_md_new(const struct layout *l);
void layout_md_free(struct layout_md *md);
void layout_md_piece(struct layout *l, size_t ls, size_t le, size_t ps,
    size_t pe, struct lpiece *pc);
size_t layout_md_cells(struct layout *l, const struct lpiece *pc,
    size_t idx, const struct lcell **cells);
void layout_md_kind(struct layout *l, size_t x, struct dline *dl);
/*
 * Widens the source line [*ls, *le) of a doc block [boff, bend) to the
 * source lines of the paragraph (or list item, quote, caption) that holds
 * it, which are laid out as one: a soft line break is a space, or nothing
 * between two wide characters.
 */
void layout_md_extent(struct layout *l, size_t boff, size_t bend,
    size_t *ls, size_t *le);
int layout_md_block_hidden(struct layout *l, size_t b);

#endif
