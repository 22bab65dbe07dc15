/* doc.h - the document model: blocks, sections, figures and metadata. */
#ifndef JUAN_DOC_H
#define JUAN_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "juan/buffer.h"

/*
 * Bounds of the heading evidence, in display columns (a CJK character
 * counts two).  A plain-text heading is at most one line of a standard
 * 80-column terminal, which is about one long sentence of Chinese (40
 * characters); a line any longer is body text whatever it starts with.
 * A Markdown "#" heading is explicit markup and may be longer, up to
 * DOC_MD_HEADING_MAX_COLS; the title line may carry a site-name suffix
 * and gets DOC_TITLE_MAX_COLS.
 */
#define DOC_HEADING_MAX_COLS	80
#define DOC_MD_HEADING_MAX_COLS	200
#define DOC_TITLE_MAX_COLS	120

enum block_kind {
	BLOCK_PARAGRAPH,	/* body text */
	BLOCK_TITLE,		/* the document's title line */
	BLOCK_HEADING,		/* a section heading; see level */
	BLOCK_FIGURE,		/* an image file-name line */
	BLOCK_CAPTION,		/* the caption of the figure before it */
	BLOCK_LIST_ITEM,	/* a list item ("- ", "* ", "1) ") */
	BLOCK_BOILERPLATE,	/* breadcrumb, repeated title, footer links */
	BLOCK_CODE,		/* a fenced or indented code line run */
	/* Kinds only the format stage's hints give (doc_new_hints()): */
	BLOCK_QUOTE,		/* a block quote; level is its depth */
	BLOCK_TABLE_ROW,	/* one row of a table (cells in the hints) */
	BLOCK_RULE,		/* a thematic break */
	/* A kind of plain text found after the others (doc-toc.c): */
	BLOCK_TOC		/* a table of contents: its title line and
				   the entries that repeat the headings */
};

/* Block flags. */
#define BLOCK_RUN_IN	0x01	/* a heading that is the first sentence of
				   its paragraph: [head, head + tlen) is
				   the heading, the rest is body text */
#define BLOCK_JOINED	0x02	/* a paragraph that goes on with the one
				   before it, page furniture (a page
				   break, a page number, a running header)
				   between them cutting a sentence */

/*
 * A block is a byte range of the buffer: one or more whole source lines
 * without the final '\n'.  Blank lines separate blocks and belong to none;
 * a line that is a heading, title, figure or boilerplate is a block of its
 * own even without blank lines around it.  Blocks are in document order and
 * do not overlap.  A caption's figure is the block right before it.
 *
 * A document has about one block for every two lines, millions of them in
 * a large text, so a block keeps only what cannot be found again cheaply
 * (24 bytes): its line comes from doc_block_line(), its section from
 * doc_section_at(), its heading text from block_text().
 */
struct block {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte (before '\n') */
	unsigned char kind;	/* enum block_kind */
	unsigned char level;	/* heading level 1..6; the depth of a list
				   item or quote from hints (0 when not
				   known); 0 for other kinds */
	unsigned short head;	/* heading and title: the text without
				   markers starts head bytes after off */
	unsigned short tlen;	/* and is tlen bytes long ("## " and "#"
				   dropped, "一、" kept) */
	unsigned char flags;	/* BLOCK_RUN_IN, BLOCK_JOINED */
};

/*
 * The text of a block: for a heading or the title, the words without their
 * markers (and the title without its site suffix); for any other block,
 * the whole block.
 */
static inline void
block_text(const struct block *k, size_t *off, size_t *end)
{
	if (k->kind == BLOCK_HEADING || k->kind == BLOCK_TITLE) {
		*off = k->off + k->head;
		*end = *off + k->tlen;
	} else {
		*off = k->off;
		*end = k->end;
	}
}

/*
 * A section is a heading and everything up to the next heading of the
 * same or a higher (smaller) level: [off, end) runs from the heading's
 * first byte to the first byte of that next heading (or to the end of the
 * text), so the sections of one level tile the text after the first one.
 */
struct section {
	size_t block;		/* index of the heading block */
	size_t off;		/* the heading's first byte */
	size_t end;		/* one past the section's last byte */
	char *title;		/* heading text, markers removed (owned by
				   the doc: the titles share one block) */
	size_t line;		/* 1-based source line of the heading */
	size_t end_line;	/* 1-based source line of the section's
				   last non-blank line */
	int32_t parent;		/* enclosing section, or -1 */
	int level;		/* 1 = top; levels are consecutive from 1 */
};

/* A document has at most this many sections (parent is 32 bits). */
#define DOC_MAX_SECTIONS	((size_t)INT32_MAX)

struct doc_date {
	int year, month, day;	/* month, day 0 when unknown; year 0: none */
	size_t off;		/* where it was found */
};

struct hints;

/*
 * A range of bytes the reader hides (doc_hidden_build in doc-hidden.c):
 * boilerplate blocks with the blank lines that go with them.
 */
struct doc_hidden {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte */
	size_t before;		/* hidden bytes before off */
};

/* A byte range of the text: [off, end). */
struct doc_span {
	size_t off;		/* first byte */
	size_t end;		/* one past the last byte */
};

/* Where the title came from. */
enum doc_title_source {
	DOC_TITLE_NONE,		/* there is no title */
	DOC_TITLE_TEXT,		/* a line of the text */
	DOC_TITLE_FILE,		/* the file's name, the text having none */
	DOC_TITLE_FORMAT	/* the format's metadata (hints) */
};

struct doc {
	const struct buffer *buf;	/* borrowed; must outlive the doc */
	const struct hints *hints;	/* borrowed, the format stage's
					   spans and links; NULL for plain
					   text (doc_new()) */
	struct block *blocks;		/* nblocks blocks in order */
	size_t nblocks;
	struct section *sections;	/* nsections, in document order */
	size_t nsections;
	char *title;			/* owned; NULL when none was found */
	ssize_t title_block;		/* the title's block, or -1 */
	int title_source;		/* enum doc_title_source */
	char *site;			/* site name, owned, or NULL */
	struct doc_date date;		/* document date; year 0 if none */
	char *strings;			/* the section titles, one block; NULL
					   when each title is its own
					   allocation (a model built by
					   hand) */
	struct doc_span *injected;	/* ninjected ranges in order, owned:
					   the site's name injected into
					   body text (a watermark, a source
					   note in brackets) */
	size_t ninjected;
	struct doc_hidden *hidden;	/* nhidden ranges in order, owned:
					   what the reader hides */
	size_t nhidden;
	size_t hidden_len;		/* their bytes */
};

/*
 * Builds the document model of buf.  Never fails: any text gives a model
 * (an empty text gives no blocks).  The doc borrows buf.
 */
struct doc *doc_new(const struct buffer *buf);

/*
 * Builds the document model of buf from the format stage's hints
 * (Markdown, HTML, EPUB; see juan/hints.h), whose offsets refer to buf.
 * The hint blocks become blocks (a quote, a table row and a rule the
 * kinds of their own), a table of contents (ntoc > 0) becomes the
 * sections, and the title, site and date are the hints' when they have
 * them; text no hint block covers is read by the plain-text rules.  The
 * doc borrows buf and hints, which must outlive it; with hints NULL this
 * is doc_new(buf).
 */
struct doc *doc_new_hints(const struct buffer *buf, const struct hints *h);
void doc_free(struct doc *d);

/*
 * The index of the block holding byte off (the newline that ends a block
 * counts as the block's), or of the first block after off when off is in
 * a gap; d->nblocks when off is past the last block.
 */
size_t doc_block_at(const struct doc *d, size_t off);

/* The innermost section holding off, or -1 before the first heading. */
ssize_t doc_section_at(const struct doc *d, size_t off);

/* The 1-based source line where block i starts. */
size_t doc_block_line(const struct doc *d, size_t i);

/*
 * Tells whether byte off lies in a range of d->injected: the site's name
 * injected into body text, which the reader shows as boilerplate.
 */
int doc_injected_at(const struct doc *d, size_t off);

/*
 * The index in d->injected of the first name that ends after off
 * (d->ninjected when none does), by bisection.
 */
size_t doc_injected_first(const struct doc *d, size_t off);

/*
 * The bytes of d->hidden before off (off itself not counted), and the
 * inverse: the offset of the first byte shown after shown_off bytes shown.
 * The position in percent counts shown bytes only.
 */
size_t doc_hidden_before(const struct doc *d, size_t off);
size_t doc_hidden_off(const struct doc *d, size_t shown_off);

/* The name of a block kind: "paragraph", "heading", ... */
const char *doc_kind_name(enum block_kind k);

#endif
