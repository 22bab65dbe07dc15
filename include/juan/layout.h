/* layout.h - wrapping the document into display lines of cells. */
#ifndef JUAN_LAYOUT_H
#define JUAN_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "juan/doc.h"
#include "juan/hints.h"

/*
 * A display line: a byte range of the buffer shown on one screen row.  A
 * display line is identified by its start offset; lines of one block are
 * consecutive byte ranges of it (the spaces at which a break happened are
 * not shown).  Blank source lines between blocks are display lines of kind
 * DLINE_BLANK with off == end == the blank line's first byte.
 *
 * The bytes in [end, next) are never shown: they are U+0020 spaces at
 * which a wrap happened, and, on the last display line of a source line,
 * that line's trailing spaces and its '\n'.  A figure is one display line
 * covering its whole block, shown as a placeholder (see layout_cells).
 * With hints (see struct layout_opts) the bytes in [end, next) may also be
 * concealed markup, or the rest of a code line cut at the margin; display
 * lines still tile the shown text in order, each with its own start.
 */
enum dline_kind {
	DLINE_TEXT,		/* paragraph, list item, code */
	DLINE_BLANK,		/* a blank source line */
	DLINE_TITLE,
	DLINE_HEADING,		/* see level */
	DLINE_FIGURE,		/* a placeholder for an image line */
	DLINE_CAPTION,
	DLINE_BOILERPLATE
};

struct dline {
	size_t off;		/* first byte shown */
	size_t end;		/* one past the last byte shown */
	size_t next;		/* where the following display line starts */
	int width;		/* columns used */
	enum dline_kind kind;
	int level;		/* heading level, else 0 */
	size_t block;		/* block index; nblocks for a blank line */
	int plain;		/* 1 when every cell shows its own bytes (no
				   tab, control, cut cluster or figure), so
				   the bytes [off, end) can be shown as they
				   are */
};

/*
 * A cell group: one grapheme cluster (or one expanded tab, or one shown
 * control) with its columns.  When repl[0] != '\0' the cell shows repl (a
 * NUL-terminated safe string such as "^[", "<U+202E>", spaces for a tab, or
 * a figure placeholder) instead of the buffer bytes.
 *
 * Replacements: a tab is shown as spaces up to the next multiple of 8
 * columns (fewer when the line ends first); a control as util_ctl_repr()
 * writes it (U+2028 and U+2029 as "<U+2028>" too); a cluster wider than the
 * whole line (a wide character at width 1, a control's "<U+202E>" at width
 * 5) is shown alone on its line, cut to the width with its last column
 * replaced by '>'.  A figure's placeholder cells ("[", "图", "]", " ")
 * have len 0 and off at the block's start; the file name after them (the
 * last path component of the line or of a Markdown image's target) is
 * shown from the buffer, and when it does not fit it is cut and ends in a
 * "…" cell (">" at width 1 with ambiwidth 2) of len 0 at the name's end.
 *
 * With hints (struct layout_opts), cells also carry a style, and some have
 * len 0 and show what the layout draws: a block quote's bar "│ ", a list
 * item's bullet "•" (over its "-", "*" or "+", len 1) and hanging indent,
 * a table's padding and " │ " between cells, a thematic break's "─", a
 * figure's "[图] ", and the "→" (">" with ambiwidth 2) that ends a code
 * line cut at the margin.  Such a cell's off is the source byte at which
 * it is drawn.
 */
enum lcell_style {
	LSTYLE_EMPH = 1,	/* emphasis */
	LSTYLE_STRONG = 2,	/* strong */
	LSTYLE_CODE = 4,	/* inline code, or a code block */
	LSTYLE_LINK = 8,	/* a link's text */
	LSTYLE_STRIKE = 16,	/* strikethrough */
	LSTYLE_HEADING = 32,	/* a heading's text (see dline.level) */
	LSTYLE_MARK = 64	/* drawn by the layout: bars, bullets, rules */
};

struct lcell {
	size_t off;		/* first byte of the cluster in the buffer */
	uint32_t len;		/* bytes of the cluster */
	uint16_t width;		/* columns: 0, 1, 2, or more for tab/repl */
	char repl[30];		/* shown instead of the bytes, or "" */
	uint8_t style;		/* LSTYLE_* bits; 0 without hints */
};

/*
 * hints: the structure of the text from the format stage (hints.h), or
 * NULL for plain text, which is laid out as it always was.  With hints the
 * buffer is shown as the hints say: concealed bytes take no column and
 * are never shown (the cells around them keep their source offsets, and a
 * source line of concealed bytes only, such as a code fence, is not
 * shown at all), a HINT_CODE line is never wrapped (it is cut at the
 * margin), and the other kinds are drawn as the comment of struct lcell
 * says.  A display line's kind comes from the hint block at it.  The
 * hints are borrowed and must outlive the layout.
 */
struct layout_opts {
	int width;		/* columns, >= 1 */
	int ambiwidth;		/* 1 or 2: East Asian Ambiguous width */
	int show_boilerplate;	/* 0 hides boilerplate blocks */
	const struct hints *hints;	/* borrowed, or NULL */
};

/*
 * Source lines longer than this many bytes are laid out in pieces, each
 * starting at a restart point found near a multiple of it (see layout.c);
 * a display line ends at every restart point.
 */
#define LAYOUT_PIECE ((size_t)32 * 1024)

/*
 * A layout of a document at one width.  It is lazy: lines are computed
 * only around the offsets asked for and cached per piece of source line.
 * It borrows the doc, which must outlive it.
 */
struct layout;

struct layout *layout_new(const struct doc *d, const struct layout_opts *o);
void layout_free(struct layout *l);
/* Changes width, ambiwidth or boilerplate; cached lines are dropped. */
void layout_set_opts(struct layout *l, const struct layout_opts *o);
/*
 * Sets the piece size in bytes (default LAYOUT_PIECE, at least 64) and
 * drops cached lines.  Tests use small pieces to reach the restart logic.
 */
void layout_set_piece(struct layout *l, size_t bytes);

/*
 * Fills *dl with the display line holding byte off (the last line when off
 * is past the end; the next shown line when off is hidden boilerplate).
 * Returns 0, or -1 when the document shows nothing.
 */
int layout_line_at(struct layout *l, size_t off, struct dline *dl);
/* The line after / before *cur into *dl; returns -1 at the end / start. */
int layout_next(struct layout *l, const struct dline *cur, struct dline *dl);
int layout_prev(struct layout *l, const struct dline *cur, struct dline *dl);
/* The first display line of the document. */
int layout_first(struct layout *l, struct dline *dl);

/*
 * The cells of a display line.  Returns their count and points *cells at
 * an array owned by the layout, valid until the next call.
 */
size_t layout_cells(struct layout *l, const struct dline *dl,
    const struct lcell **cells);

/* The column at which byte off is shown on its display line. */
int layout_col_of(struct layout *l, const struct dline *dl, size_t off);
/*
 * The reverse: the first byte of the cell shown at column col of the
 * display line (a wide cell covers two columns); dl->end past its last
 * cell.  A figure's placeholder columns give the block's first byte.
 */
size_t layout_off_at(struct layout *l, const struct dline *dl, int col);

/*
 * Fills brk[0..n) with the UAX #14 break opportunities of the UTF-8 text
 * s[0..n), exactly as u8_possible_linebreaks(s, n, "UTF-8", brk) does, but
 * several times faster for text made of common CJK and Latin characters.
 * Returns 1 when that fast path was taken, 0 when libunistring was asked.
 */
int layout_breaks(const char *s, size_t n, char *brk);

/*
 * Columns of a UTF-8 string as it would be shown on one line (controls
 * visible, tabs as one space, clusters whole), with ambiwidth 1 or 2.
 */
int layout_str_width(const char *s, size_t n, int ambiwidth);

#endif
