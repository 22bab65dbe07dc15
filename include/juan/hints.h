/* hints.h - what the format stage knows of a text's structure. */
#ifndef JUAN_HINTS_H
#define JUAN_HINTS_H

#include <stddef.h>
#include <stdint.h>

/*
 * The format stage (Markdown through md4c, HTML through libxml2, EPUB
 * through libzip and libxml2) reads structure that plain text only
 * suggests.  It hands it on as hints over the UTF-8 text buffer, so that
 * every later layer works on one kind of input:
 *
 * - for HTML and EPUB the buffer is the converted text (one block a line
 *   or a run of lines, blocks separated by blank lines) and the offsets
 *   below refer to it;
 * - for Markdown the buffer is the source itself and the offsets refer to
 *   the source: markup the reader should not see (the "## " of a heading,
 *   "**", a link's "](url)", an HTML comment) is a SPAN_CONCEAL span, so
 *   that positions, marks, the outline and the timeline stay source
 *   offsets while the layout shows the rendered text.
 *
 * All arrays are sorted by off.  Blocks do not overlap; spans may nest
 * (a SPAN_STRONG inside a SPAN_LINK) but never cross.  Every string is
 * owned by the hints and is valid UTF-8 without control characters.
 */

enum hint_kind {
	HINT_PARAGRAPH,		/* body text */
	HINT_TITLE,		/* the document's title (headline) */
	HINT_HEADING,		/* a section heading; see level */
	HINT_FIGURE,		/* an image; [off, end) is its alt text or
				   file name, which may be empty */
	HINT_CAPTION,		/* the caption of the figure before it */
	HINT_LIST_ITEM,		/* a list item; level is its depth (1..) */
	HINT_CODE,		/* preformatted: never reflowed; level is
				   the depth of the list it is in, or 0 */
	HINT_QUOTE,		/* a block quote; level is its depth */
	HINT_TABLE_ROW,		/* one row of a table, cells in spans */
	HINT_RULE,		/* a thematic break */
	HINT_BOILERPLATE	/* navigation, footers, scripts' text...:
				   hidden unless the reader asks (B) */
};

struct hint_block {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte */
	unsigned char kind;	/* enum hint_kind */
	unsigned char level;	/* heading level 1..6, depth; else 0 */
};

enum span_kind {
	SPAN_CONCEAL,		/* bytes never shown (markup) */
	SPAN_EMPH,		/* emphasis: shown in italics or underline */
	SPAN_STRONG,		/* strong: bold */
	SPAN_CODE,		/* inline code */
	SPAN_LINK,		/* a link's text; see link */
	SPAN_STRIKE,		/* strikethrough */
	SPAN_RUBY,		/* a ruby reading: shown lighter, or hidden */
	SPAN_CELL,		/* one table cell of a HINT_TABLE_ROW */
	SPAN_BREAK		/* a hard line break (<br>) at off */
};

struct hint_span {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte */
	unsigned char kind;	/* enum span_kind */
	uint32_t link;		/* SPAN_LINK: index into links[] */
};

struct hint_link {
	char *url;		/* the target, owned */
};

/* An entry of a book's table of contents (EPUB nav or toc.ncx). */
struct hint_toc {
	size_t off;		/* where the entry's target starts */
	int level;		/* 1 = top */
	char *text;		/* the entry's label, owned */
};

struct hints {
	struct hint_block *blocks;	/* nblocks, by off */
	size_t nblocks;
	struct hint_span *spans;	/* nspans, by off */
	size_t nspans;
	struct hint_link *links;	/* nlinks */
	size_t nlinks;
	struct hint_toc *toc;		/* ntoc, in reading order; when
					   there is one it is the outline */
	size_t ntoc;
	char *format;		/* "markdown", "html", "epub" (owned) */
	char *title;		/* the title, or NULL */
	char *site;		/* the site's name, or NULL */
	char *creator;		/* the author (EPUB dc:creator), or NULL */
	char *language;		/* the language (dc:language, <html lang>) */
	char *encoding;		/* the encoding the page was read in, as
				   iconv names it, or NULL: UTF-8 */
	int year, month, day;	/* the publication date; year 0: none */
};

/* A new, empty set of hints. */
struct hints *hints_new(const char *format);

/* Appends a block, a span, a link (url copied; returns its index) or a
 * table-of-contents entry (text copied). */
void hints_add_block(struct hints *h, size_t off, size_t end, int kind,
    int level);
void hints_add_span(struct hints *h, size_t off, size_t end, int kind,
    uint32_t link);
uint32_t hints_add_link(struct hints *h, const char *url);
void hints_add_toc(struct hints *h, size_t off, int level, const char *text);

/* Sorts the blocks and spans by offset (stable: an outer span that starts
 * where an inner one does stays first). */
void hints_sort(struct hints *h);

void hints_free(struct hints *h);

/*
 * The text a reader sees of text[off, end) (h sorted, its offsets into
 * text): the bytes no SPAN_CONCEAL covers, in *out (allocated,
 * NUL-terminated), and when map is not NULL, in (*map)[i] the source
 * offset of byte i of *out, and (*map)[n] = end (allocated).  Returns n,
 * the bytes of *out.  A search looks for a phrase in *out, so that one
 * that spans "**" or a link's brackets is found, and maps the match back
 * to source offsets through *map.  The caller frees both.
 */
size_t hints_shown(const struct hints *h, const char *text, size_t off,
    size_t end, char **out, size_t **map);

#endif
