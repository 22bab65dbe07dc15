/*
 * doc-hints.c - the document model from the format stage's hints.
 *
 * For Markdown, HTML and EPUB the format stage knows the structure and
 * hands it on as hints (juan/hints.h): blocks by kind, spans, and maybe a
 * table of contents.  doc_new_hints() turns each hint block into a block
 * of the model, in order, trimmed to its lines' words (a block never
 * holds a '\n' at its end and never overlaps the one before), and reads
 * the lines that no hint block touches by the plain-text rules of
 * doc-gather.c, as if blank lines stood around them.  The evidence of a
 * hinted block (struct binfo) says "decided": a heading is of the
 * Markdown family with its hinted level as the '#' count, so that
 * levels are numbered as for Markdown, and any other block is plain
 * text that no plain-text rule promotes.  With a table of contents the
 * sections are its entries, not the headings: an EPUB's chapters are
 * what its reader asks for, whatever the pages' markup says.  The doc
 * keeps a borrowed pointer to the hints, for the layout's spans.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/hints.h"
#include "juan/util.h"

/* The block kind of each hint kind, by enum hint_kind. */
static const unsigned char hint_kinds[] = {
	[HINT_PARAGRAPH] = BLOCK_PARAGRAPH,
	[HINT_TITLE] = BLOCK_TITLE,
	[HINT_HEADING] = BLOCK_HEADING,
	[HINT_FIGURE] = BLOCK_FIGURE,
	[HINT_CAPTION] = BLOCK_CAPTION,
	[HINT_LIST_ITEM] = BLOCK_LIST_ITEM,
	[HINT_CODE] = BLOCK_CODE,
	[HINT_QUOTE] = BLOCK_QUOTE,
	[HINT_TABLE_ROW] = BLOCK_TABLE_ROW,
	[HINT_RULE] = BLOCK_RULE,
	[HINT_BOILERPLATE] = BLOCK_BOILERPLATE,
};

/* The first span that ends after off (spans are sorted by off). */
static size_t
span_from(const struct hints *h, size_t off)
{
	size_t lo = 0, hi = h->nspans, mid;

	/* Spans do not cross, so those starting before a span ending by
	 * off that also end after it nest in it: bisect on off, then step
	 * back over the enclosing ones. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->spans[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo > 0 && h->spans[lo - 1].end > off)
		lo--;
	return lo;
}

/*
 * Narrows [*off, *end) to drop the concealed markup at both ends ("## ",
 * a closing "#", "**"), then white space: the words of a heading.
 */
static void
unconceal(const struct hints *h, const char *s, size_t *off, size_t *end)
{
	size_t i, moved = 1;

	doc_lex_trim(s, off, end);
	while (moved && *off < *end) {
		moved = 0;
		for (i = span_from(h, *off); i < h->nspans &&
		    h->spans[i].off <= *off; i++)
			if (h->spans[i].kind == SPAN_CONCEAL &&
			    h->spans[i].end > *off) {
				*off = h->spans[i].end < *end ?
				    h->spans[i].end : *end;
				doc_lex_trim(s, off, end);
				moved = 1;
				break;
			}
	}
	moved = 1;
	while (moved && *off < *end) {
		moved = 0;
		for (i = span_from(h, *off); i < h->nspans &&
		    h->spans[i].off < *end; i++)
			if (h->spans[i].kind == SPAN_CONCEAL &&
			    h->spans[i].end >= *end &&
			    h->spans[i].off > *off) {
				*end = h->spans[i].off;
				doc_lex_trim(s, off, end);
				moved = 1;
				break;
			}
	}
}

/*
 * Appends hint block hb as a block, if anything of it is left after the
 * previous block (from) and trimming; sets the title block.
 */
static void
add_hinted(struct build *b, const struct hints *h,
    const struct hint_block *hb, size_t from)
{
	struct doc *d = b->d;
	struct line l;
	size_t off = hb->off < from ? from : hb->off, end = hb->end, i;
	const char *nl;
	enum block_kind kind;

	if (end > d->buf->len)
		end = d->buf->len;
	doc_lex_trim(b->s, &off, &end);
	while (end > off && (b->s[end - 1] == '\n' || b->s[end - 1] == '\r'))
		end--;
	if (off >= end || hb->kind >= sizeof hint_kinds)
		return;
	kind = (enum block_kind)hint_kinds[hb->kind];
	memset(&l, 0, sizeof l);
	l.cls = LC_TEXT;
	l.off = l.text_off = off;
	l.end_off = l.text_end = end;
	if (kind == BLOCK_HEADING || kind == BLOCK_TITLE) {
		nl = memchr(b->s + off, '\n', end - off);
		if (nl != NULL)
			l.text_end = (size_t)(nl - b->s);
		unconceal(h, b->s, &l.text_off, &l.text_end);
		if (kind == BLOCK_HEADING) {
			l.cls = LC_HEAD;
			l.fam = FAM_MD;
			l.md = hb->level < 1 ? 1 : hb->level > 6 ? 6 :
			    hb->level;
		}
	}
	i = doc_gather_add(b, off, end, kind, &l);
	b->bi[i].flags |= LF_HINTED;
	if (kind == BLOCK_LIST_ITEM || kind == BLOCK_QUOTE)
		d->blocks[i].level = hb->level;
	if (kind == BLOCK_TITLE) {
		if (d->title_block < 0)
			d->title_block = (ssize_t)i;
		else
			doc_set_kind(b, i, BLOCK_HEADING);
	}
}

/*
 * Pass 2 with hints: the hint blocks in order, and the runs of lines
 * between them that no hint block touches gathered as plain text.
 */
static void
hints_gather(struct build *b, const struct hints *h)
{
	const struct buffer *buf = b->d->buf;
	size_t line = 0, first, i, covered = 0;

	for (i = 0; i < h->nblocks; i++) {
		const struct hint_block *hb = &h->blocks[i];

		if (hb->off >= buf->len)
			break;
		first = buffer_line_of(buf, hb->off) - 1;
		if (first > line)
			doc_gather_lines(b, line, first);
		add_hinted(b, h, hb, covered);
		if (hb->end > covered)
			covered = hb->end < buf->len ? hb->end : buf->len;
		/* The line after the one holding the block's last byte. */
		line = covered > hb->off ? buffer_line_of(buf, covered - 1) :
		    first + 1;
		if (line < first + 1)
			line = first + 1;
	}
	if (line < buf->nlines)
		doc_gather_lines(b, line, buf->nlines);
}

/* Orders toc entries by target, then by their place in the toc. */
static int
toc_cmp(const void *x, const void *y)
{
	const struct hint_toc *const *a = x, *const *c = y;

	if ((*a)->off != (*c)->off)
		return (*a)->off < (*c)->off ? -1 : 1;
	return *a < *c ? -1 : *a > *c;
}

/*
 * Pass 4 with a table of contents: its entries are the sections, in the
 * order of their targets, each with the block its target falls in.  A
 * level deeper than one below the entry before is brought up, so that
 * levels stay consecutive.
 */
static void
hints_sections(struct build *b, const struct hints *h)
{
	struct doc *d = b->d;
	const struct buffer *buf = d->buf;
	const struct hint_toc **t;
	ssize_t open[MAX_LEVEL + 1];
	size_t i, n = h->ntoc, bytes = 0, len, off, blk;
	struct section *s;
	char *w;
	int lv, m, prev = 0;

	if (d->nblocks == 0)
		return;
	t = xreallocarray(NULL, n, sizeof *t);
	for (i = 0; i < n; i++) {
		t[i] = &h->toc[i];
		bytes += strlen(h->toc[i].text) + 1;
	}
	qsort(t, n, sizeof *t, toc_cmp);
	d->sections = xcalloc(n, sizeof *d->sections);
	w = d->strings = xmalloc(bytes);
	for (m = 0; m <= MAX_LEVEL; m++)
		open[m] = -1;
	for (i = 0; i < n; i++) {
		off = t[i]->off < buf->len ? t[i]->off : buf->len;
		lv = t[i]->level < 1 ? 1 : t[i]->level;
		if (lv > prev + 1)
			lv = prev + 1;
		if (lv > MAX_LEVEL)
			lv = MAX_LEVEL;
		prev = lv;
		blk = doc_block_at(d, off);
		if (blk >= d->nblocks)
			blk = d->nblocks - 1;
		s = &d->sections[d->nsections];
		s->block = blk;
		s->level = lv;
		s->off = off;
		s->end = buf->len;
		s->line = buffer_line_of(buf, off);
		s->end_line = buffer_line_of(buf, d->blocks[d->nblocks - 1].end);
		s->parent = -1;
		for (m = lv; m <= MAX_LEVEL; m++)
			if (open[m] >= 0) {
				d->sections[open[m]].end = off;
				d->sections[open[m]].end_line = blk > 0 ?
				    buffer_line_of(buf, d->blocks[blk - 1].end) :
				    s->line;
				if (d->sections[open[m]].end_line <
				    d->sections[open[m]].line)
					d->sections[open[m]].end_line =
					    d->sections[open[m]].line;
				open[m] = -1;
			}
		for (m = lv - 1; m >= 1; m--)
			if (open[m] >= 0) {
				s->parent = (int32_t)open[m];
				break;
			}
		len = strlen(t[i]->text);
		memcpy(w, t[i]->text, len + 1);
		s->title = w;
		w += len + 1;
		open[lv] = (ssize_t)d->nsections;
		d->nsections++;
	}
	free(t);
}

/*
 * The title from the hints: the hinted title block, or the first
 * heading whose words are the hints' title; else, with no title in the
 * hints either, the Markdown rule (a unique "# Title").
 */
static void
hints_title(struct build *b, const struct hints *h)
{
	struct doc *d = b->d;
	size_t i, off, end, n;

	if (d->title_block < 0 && h->title != NULL) {
		n = strlen(h->title);
		for (i = 0; i < d->nblocks; i++) {
			if (d->blocks[i].kind != BLOCK_HEADING)
				continue;
			block_text(&d->blocks[i], &off, &end);
			if (end - off == n && memcmp(b->s + off, h->title,
			    n) == 0) {
				doc_set_kind(b, i, BLOCK_TITLE);
				d->title_block = (ssize_t)i;
			}
			break;
		}
	}
	if (d->title_block < 0 && h->title == NULL)
		doc_meta_title_md(b);
	if (d->title_block >= 0) {
		b->title.fam = b->bi[d->title_block].fam;
		b->title.md = b->bi[d->title_block].md;
	}
}

struct doc *
doc_new_hints(const struct buffer *buf, const struct hints *h)
{
	struct build b;
	struct doc *d;

	if (h == NULL)
		return doc_new(buf);
	d = doc_build_start(&b, buf);
	d->hints = h;
	hints_gather(&b, h);
	hints_title(&b, h);
	doc_heading_decide(&b);
	doc_meta_title_text(&b);
	if (h->title != NULL) {
		free(d->title);
		d->title = xstrdup(h->title);
		d->title_source = DOC_TITLE_FORMAT;
	} else if (d->title != NULL)
		d->title_source = DOC_TITLE_TEXT;
	if (h->site != NULL)
		d->site = xstrdup(h->site);
	free(b.bi);
	b.bi = NULL;
	if (h->ntoc > 0)
		hints_sections(&b, h);
	else
		doc_heading_sections(&b);
	if (h->year != 0) {
		d->date.year = h->year;
		d->date.month = h->month;
		d->date.day = h->day;
		d->date.off = 0;
	} else
		doc_meta_date(&b);
	if (d->title == NULL)
		doc_meta_file_title(d);
	doc_inject_find(d);
	doc_build_end(&b);
	return d;
}
