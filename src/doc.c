/*
 * doc.c - the document model: blocks, sections, title, figures, date.
 *
 * The model is an array of blocks (byte ranges of the buffer, in order,
 * never overlapping) and an array of sections (the heading blocks as a
 * tree, each knowing its parent by index).  Nothing copies the text except
 * the short title strings.  doc_new() builds it in passes, each in a file
 * of its own (see doc-int.h):
 *
 *   1. find the title: the first line that is not boilerplate, if it is
 *      short, has no sentence-final punctuation and stands alone
 *      (doc-meta.c);
 *   2. one pass over the lines, classifying each (doc-lex.c) and
 *      gathering lines into blocks (doc-gather.c);
 *   3. one pass over the blocks deciding, from the neighbours, which
 *      candidate headings are headings, and the heading levels
 *      (doc-heading.c), and the title's site suffix (doc-meta.c);
 *   4. the sections, their ranges and parents (doc-heading.c), and the
 *      document date (doc-meta.c).
 *
 * The per-block evidence of pass 2 lives in a small side array (struct
 * binfo, a few bytes a block) whose memory pass 4 takes for the section
 * titles.  This file
 * keeps the public functions and the setters of a block's kind and text.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/util.h"

/* Building blocks. */

/*
 * Sets the kind of block i.  The kind is kept in the small binfo array
 * too, so that the decisions of pass 3 read a few bytes a block.
 */
void
doc_set_kind(struct build *b, size_t i, enum block_kind kind)
{
	b->d->blocks[i].kind = kind;
	b->bi[i].kind = (unsigned char)kind;
}

/*
 * Sets the text of heading or title block k (in text s) to [off, end),
 * which lies in its first line.  The 16-bit fields hold a text that starts
 * at most 64 KiB into the block (doc_gather_add() makes a
 * heading that does not a paragraph; such a title has no text) and keep
 * its first 64 KiB.
 */
void
doc_set_text(const char *s, struct block *k, size_t off, size_t end)
{
	if (off < k->off || end < off || off - k->off > USHRT_MAX) {
		off = k->off;
		end = k->off;
	}
	/* A longer heading keeps its first 64 KiB, whole characters. */
	if (end - off > USHRT_MAX) {
		end = off + USHRT_MAX;
		while (end > off && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
	}
	k->head = (unsigned short)(off - k->off);
	k->tlen = (unsigned short)(end - off);
}

/*
 * Makes the text of block i its trimmed first line, without "[编辑]".  A
 * block of one line that pass 2 found with nothing to trim is its text:
 * the text, far from the cache by now, is not read again.
 */
void
doc_text_first_line(struct build *b, size_t i)
{
	struct block *k = &b->d->blocks[i];
	const char *nl;
	size_t off = k->off, end;

	if ((b->bi[i].note & NOTE_PLAIN) && (b->bi[i].flags & LF_SINGLE)) {
		doc_set_text(b->s, k, k->off, k->end);
		return;
	}
	nl = memchr(b->s + k->off, '\n', k->end - k->off);
	end = nl != NULL ? (size_t)(nl - b->s) : k->end;
	doc_lex_trim(b->s, &off, &end);
	doc_lex_drop_edit_mark(b->s, &off, &end);
	doc_set_text(b->s, k, off, end);
}


/* The end of line i (0-based): its '\n', or the end of the text. */
size_t
doc_line_end(const struct buffer *buf, size_t i)
{
	size_t e = i + 1 < buf->nlines ? buffer_line_start(buf, i + 1) - 1 :
	    buf->len;

	if (e > buffer_line_start(buf, i) && buf->data[e - 1] == '\n')
		e--;
	return e;
}


/* A new doc of buf and the state to build it. */
struct doc *
doc_build_start(struct build *b, const struct buffer *buf)
{
	struct doc *d = xcalloc(1, sizeof *d);

	d->buf = buf;
	d->title_block = -1;
	memset(b, 0, sizeof *b);
	b->d = d;
	b->s = buf->data;
	b->title_line = -1;
	b->title_more = -1;
	/*
	 * A block holds one line at least, so the arrays are sized for that
	 * at once: a large allocation is only reserved until it is touched,
	 * and growing it by copying would touch it all twice.  What is left
	 * over is given back by doc_build_end().
	 */
	b->cap = buf->nlines > 0 ? buf->nlines : 1;
	d->blocks = xreallocarray(NULL, b->cap, sizeof *d->blocks);
	b->bi = xreallocarray(NULL, b->cap, sizeof *b->bi);
	return d;
}

/* Frees the evidence of pass 2 (if not yet) and the unused blocks. */
void
doc_build_end(struct build *b)
{
	struct doc *d = b->d;

	free(b->bi);
	b->bi = NULL;
	free(b->toc);
	b->toc = NULL;
	if (d->nblocks < b->cap / 2)
		d->blocks = xreallocarray(d->blocks, d->nblocks ? d->nblocks :
		    1, sizeof *d->blocks);
	doc_hidden_build(d);
}

struct doc *
doc_new(const struct buffer *buf)
{
	struct build b;
	struct doc *d = doc_build_start(&b, buf);

	doc_meta_find_title(&b);
	doc_gather(&b);
	doc_meta_title_md(&b);
	doc_meta_subtitle(&b);
	doc_meta_aozora(&b);
	doc_toc_find(&b);
	doc_toc_page_joins(&b);
	doc_heading_decide(&b);
	doc_toc_levels(&b);
	doc_meta_title_text(&b);
	/* The evidence is done with: its memory holds the section titles. */
	doc_heading_sections(&b);
	doc_meta_date(&b);
	doc_meta_file_title(d);
	doc_inject_find(d);
	doc_build_end(&b);
	return d;
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	if (d->strings != NULL)
		free(d->strings);
	else
		for (i = 0; i < d->nsections; i++)
			free(d->sections[i].title);
	free(d->sections);
	free(d->blocks);
	free(d->title);
	free(d->site);
	free(d->injected);
	free(d->hidden);
	free(d);
}

size_t
doc_block_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nblocks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->blocks[mid].end < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

ssize_t
doc_section_at(const struct doc *d, size_t off)
{
	/*
	 * The answer before, in this thread: callers ask in document order
	 * (a timeline asks at every entry), so it or the next section is
	 * most often the answer again, which the test below proves for any
	 * document without the search.
	 */
	static _Thread_local size_t last;
	const struct section *sec = d->sections;
	size_t lo = 0, hi = d->nsections, mid, k;

	if (hi == 0 || sec[0].off > off)
		return -1;
	for (k = last; k < last + 2 && k < hi; k++)
		if (sec[k].off <= off && (k + 1 == hi || sec[k + 1].off > off))
			return (ssize_t)(last = k);
	/* The last section starting at or before off holds it. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sec[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	last = lo - 1;
	return (ssize_t)lo - 1;
}

size_t
doc_injected_first(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->ninjected, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->injected[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
doc_injected_at(const struct doc *d, size_t off)
{
	size_t i = doc_injected_first(d, off);

	return i < d->ninjected && d->injected[i].off <= off;
}

size_t
doc_block_line(const struct doc *d, size_t i)
{
	return buffer_line_of(d->buf, d->blocks[i].off);
}

const char *
doc_kind_name(enum block_kind k)
{
	static const char *const names[] = { "paragraph", "title", "heading",
	    "figure", "caption", "list-item", "boilerplate", "code", "quote",
	    "table-row", "rule", "toc" };

	if ((unsigned)k >= sizeof names / sizeof names[0])
		return "unknown";
	return names[k];
}
