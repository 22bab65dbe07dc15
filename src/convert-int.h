/* convert-int.h - what the HTML and EPUB converters share. */
#ifndef JUAN_CONVERT_INT_H
#define JUAN_CONVERT_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "juan/hints.h"
#include "juan/util.h"

/*
 * The page analysis of convert-html.c marks nodes through their _private
 * pointer with a struct conv_node whose first member is these flags; the
 * walker of convert-walk.c reads them.  An EPUB document leaves _private
 * NULL: all of its body is text.
 */
enum {
	CN_ARTICLE = 1,		/* a root of the article: text from here */
	CN_TITLE = 2,		/* the headline: a HINT_TITLE block */
	CN_BOILER = 4,		/* boilerplate inside the article */
	CN_LAYOUT = 8,		/* a table row or list item used for layout */
	CN_HEADING = 16,	/* styled as a sub-heading: counts as bold */
	CN_CAPTION = 32		/* classed as an image caption */
};

struct conv_frame;

/*
 * The walker's state: the text made so far, the hints, the open block
 * and a stack of frames, one per element entered, so that the tree is
 * walked without recursion whatever its depth.
 */
struct conv {
	struct sbuf out;	/* the text */
	struct hints *h;
	int open;		/* a block is open (has at least its start) */
	size_t para_off;	/* where the open block's text starts */
	size_t sep_off;		/* where its separator starts */
	size_t nspans_open;	/* spans when the block opened */
	size_t nchars;		/* characters of the open block */
	size_t nbold;		/* of them, bold */
	int nl_pending;		/* a <br>: '\n' before the next character */
	int space;		/* collapsed white space pending */
	int lines;		/* line breaks in the open block */
	int kind, level;	/* the kind of block the text is in */
	int boiler;		/* emitting boilerplate */
	int blk_boiler;		/* the open block is boilerplate */
	int bold;		/* inside strong, b or a styled heading */
	int pre;		/* inside pre */
	int cell;		/* inside a data cell */
	int link;		/* inside a link */
	size_t nlinkc;		/* characters of the open block in links */
	int lists;		/* list depth */
	int figure;		/* inside a figure */
	int br;			/* what a <br> does here (convert-walk.c) */
	int last_kind;		/* kind of the last block, or -1 */
	struct conv_frame *fr;	/* nfr frames */
	size_t nfr, capfr;

	/* EPUB: anchor(arg, id) gives the index of a table of contents
	 * target for an element id, or -1; its offset is then written to
	 * anchor_off[index] (if still SIZE_MAX) when the next block starts. */
	long (*anchor)(void *arg, const char *id);
	void *arg;
	size_t *anchor_off;
	long *pend;
	size_t npend, cappend;
};

void conv_init(struct conv *c, struct hints *h);

/* Walks the children of root, boiler saying whether what is outside a
 * CN_ARTICLE node is boilerplate. */
void conv_walk(struct conv *c, xmlNode *root, int boiler);

/* Closes the open block, if any. */
void conv_block_end(struct conv *c);

/* Appends a block of kind with text s (collapsed as HTML text is). */
void conv_add_block(struct conv *c, int kind, int level, const char *s);

/* Asks that anchor idx point at the next block's start. */
void conv_anchor_here(struct conv *c, long idx);

/* Ends the text: closes the block, resolves pending anchors. */
void conv_finish(struct conv *c);

/* Frees the walker's own memory (not the text or the hints). */
void conv_done(struct conv *c);

/* The value of attribute name (or prefix:name, or name in any namespace)
 * of n, owned by the caller (xmlFree), or NULL. */
xmlChar *conv_attr(xmlNode *n, const char *name);

/* Element n is never text: script, style, head, hidden ones... */
int conv_skipped(xmlNode *n);

/* Element n is a block element (div, p, h1, li, table...). */
int conv_is_block(xmlNode *n);

/* Appends the text of n's subtree to b, white space collapsed, at most
 * max bytes (then it stops). */
void conv_node_text(xmlNode *n, struct sbuf *b, size_t max);

/* Trims white space at both ends of b. */
void conv_trim(struct sbuf *b);

/* Reads s[0..n) as HTML (or XHTML with xml set, falling back to HTML if
 * it is not well-formed); NULL if nothing could be read. */
xmlDoc *conv_parse(const char *s, size_t n, int xml);

/* The first element named name (local name) under n, in document order. */
xmlNode *conv_find(xmlNode *n, const char *name);

#endif
