/*
 * doc-gather.c - pass 2 of the document model: lines into blocks.
 *
 * One pass over the lines classifies each (doc_lex_classify()) and
 * gathers them into blocks, appended to the doc's array, with the
 * evidence of each block in the side array b->bi.  Headings, figures and
 * boilerplate are blocks of their own; other lines join the block before
 * them when no blank line separates them and the earlier line looks
 * hard-wrapped (short, and not ending a CJK sentence).  A paragraph right
 * after a figure is checked for a caption when it is complete.  A large
 * text is gathered in two halves at once (doc_gather()).
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/util.h"

/*
 * Appends a block of kind on [off, end), with the evidence of its first
 * line l, and returns its index.
 */
size_t
doc_gather_add(struct build *b, size_t off, size_t end, enum block_kind kind,
    const struct line *l)
{
	struct doc *d = b->d;
	struct block *k;
	struct binfo *bi;

	if (d->nblocks == b->cap) {
		/* doc_new sized the arrays for the worst case already. */
		b->cap = b->cap ? b->cap * 2 : 256;
		d->blocks = xreallocarray(d->blocks, b->cap, sizeof *d->blocks);
		b->bi = xreallocarray(b->bi, b->cap, sizeof *b->bi);
	}
	k = &d->blocks[d->nblocks];
	k->off = off;
	k->end = end;
	k->kind = (unsigned char)kind;
	k->level = 0;
	k->flags = 0;
	k->head = k->tlen = 0;
	/*
	 * A heading whose words start more than 64 KiB into it (after that
	 * many blanks) cannot keep them: it is a paragraph.
	 */
	if (kind == BLOCK_HEADING && l->text_off > off &&
	    l->text_off - off > USHRT_MAX)
		k->kind = (unsigned char)(kind = BLOCK_PARAGRAPH);
	/* Only headings and the title have text other than the block. */
	if (kind == BLOCK_HEADING || kind == BLOCK_TITLE)
		doc_set_text(b->s, k, l->text_off, l->text_end);
	bi = &b->bi[d->nblocks];
	bi->kind = (unsigned char)kind;
	bi->cls = (unsigned char)l->cls;
	bi->fam = (unsigned char)l->fam;
	bi->md = (unsigned char)l->md;
	bi->flags = (unsigned char)(LF_SINGLE | (l->flags &
	    (LF_DOTLIST | LF_RUNIN)));
	if (kind == BLOCK_HEADING && (l->flags & LF_RUNIN))
		k->flags |= BLOCK_RUN_IN;
	if (l->cls == LC_SHORT && l->cols > DOC_HEADING_MAX_COLS)
		bi->cls = LC_TEXT;
	bi->tail = 0;
	doc_toc_note(b, d->nblocks);
	return d->nblocks++;
}

static int is_caption(const struct build *b, size_t i);

/*
 * The binfo.tail of a block whose last line is l, [.., end): how the
 * line ends is known when nothing was trimmed at its end (no white
 * space, no wiki edit mark), as then l's words are the line trimmed.
 */
static unsigned char
line_tail(const struct line *l, size_t end)
{
	return l->end_off == end ? (unsigned char)(l->end + 1) : 0;
}

/*
 * Makes the last block a caption if it is a paragraph that follows a
 * figure and looks like one.  doc_gather() calls it whenever a block is
 * complete, while the block is still in the processor's cache.
 */
static void
close_block(struct build *b)
{
	size_t n = b->d->nblocks;

	if (n >= 2 && b->bi[n - 2].kind == BLOCK_FIGURE &&
	    b->bi[n - 1].kind == BLOCK_PARAGRAPH && is_caption(b, n - 1)) {
		doc_set_kind(b, n - 1, BLOCK_CAPTION);
	}
}

/*
 * Tells whether the rule [off, end) may underline block i: a setext
 * underline is about as long as its heading, where a rule across the
 * page under a short line (an author's name above the notes of an
 * Aozora text) is a rule.
 */
static int
underlines(const struct build *b, size_t i, size_t off, size_t end)
{
	const struct block *k = &b->d->blocks[i];

	doc_lex_trim(b->s, &off, &end);
	return end - off <= 2 * doc_lex_cols(b->s + k->off, k->end - k->off) +
	    8;
}

/* The state of pass 2 from one line to the next. */
struct gstate {
	int prev_blank;		/* the line before was blank */
	int join;		/* the next text line may join block cur */
	int cont;		/* ... and block cur ends mid-sentence */
	int in_fence;		/* inside a fenced code block */
	char fch;		/* its fence character */
	size_t flen;		/* and fence length */
	size_t cur;		/* the last block */
};

/* The state at the start of the text, or after a blank line. */
static const struct gstate GSTATE_START = { 1, 0, 0, 0, 0, 0, 0 };

/*
 * Pass 2: lines into blocks, the lines [from, to) of the text (0-based),
 * from the state *g, which is left as it is after line to - 1.  See the
 * top of the file for the joining rule.  A numbered or dash line right
 * after a line that looks cut by hard wrapping (no blank line, no
 * sentence end) is taken as part of it.  The last block is not closed:
 * the caller calls close_block() at the end.
 */
static void
gather_range(struct build *b, size_t from, size_t to, struct gstate *g)
{
	const struct buffer *buf = b->d->buf;
	struct doc *d = b->d;
	const char *s = b->s;
	struct line l;
	size_t i, off, end, cur = g->cur;
	int prev_blank = g->prev_blank, join = g->join, cont = g->cont;
	int in_fence = g->in_fence, k;
	char fch = g->fch;
	size_t flen = g->flen;
	enum block_kind kind;

	for (i = from; i < to; i++) {
		off = buffer_line_start(buf, i);
		end = doc_line_end(buf, i);
		if (in_fence) {
			d->blocks[cur].end = end;
			/* It stays LF_SINGLE: note it again. */
			doc_toc_note(b, cur);
			b->bi[cur].tail = 0;
			if (doc_lex_fence_closes(s, off, end, fch, flen))
				in_fence = 0;
			continue;
		}
		if (off == end)
			l.cls = LC_BLANK;	/* the common case, quickly */
		else
			doc_lex_classify(s, off, end, DOC_HEADING_MAX_COLS, &l);
		if (l.cls == LC_BLANK) {
			if (d->nblocks > 0)
				b->bi[cur].flags |= LF_BLANK_AFTER;
			prev_blank = 1;
			join = cont = 0;
			continue;
		}
		/*
		 * The body's indentation: the first lines of paragraphs
		 * (after a blank line, or indented) of some length; the
		 * lines that go on with a paragraph say nothing of it.
		 */
		if (l.cls == LC_TEXT && l.end_off - l.off >= BODY_MIN_BYTES &&
		    (prev_blank || (l.flags & LF_INDENT)))
			b->indent_hist[l.indent]++;
		if ((ssize_t)i == b->title_line) {
			l = b->title;
			cur = doc_gather_add(b, off, end, BLOCK_TITLE, &l);
			d->title_block = (ssize_t)cur;
			b->bi[cur].fam = FAM_NONE;
			prev_blank = join = cont = 0;
			continue;
		}
		if (l.cls != LC_FENCE && l.cls != LC_FIGURE && !l.md &&
		    doc_meta_repeats_title(b, &l))
			l.cls = LC_BOILER;
		/* A setext underline makes the line above a heading. */
		if (!prev_blank && d->nblocks > 0 && (k = doc_lex_setext(s, off,
		    end)) > 0 && (b->bi[cur].kind == BLOCK_PARAGRAPH ||
		    (b->bi[cur].kind == BLOCK_HEADING &&
		    b->bi[cur].fam != FAM_MD)) &&
		    (b->bi[cur].flags & LF_SINGLE) &&
		    d->blocks[cur].end - d->blocks[cur].off <=
		    2 * DOC_MD_HEADING_MAX_COLS && underlines(b, cur, off,
		    end)) {
			doc_set_kind(b, cur, BLOCK_HEADING);
			doc_text_first_line(b, cur);
			d->blocks[cur].end = end;
			doc_toc_note(b, cur);
			b->bi[cur].tail = 0;
			b->bi[cur].cls = LC_HEAD;
			b->bi[cur].fam = FAM_MD;
			b->bi[cur].md = (unsigned char)k;
			join = cont = 0;
			continue;
		}
		if (l.cls == LC_HEAD && l.fam != FAM_MD && !prev_blank &&
		    join && cont) {
			l.cls = (l.flags & LF_DOTLIST) ? LC_LIST : LC_TEXT;
			l.fam = FAM_NONE;
			l.text_off = l.off;
			l.text_end = l.end_off;
		}
		if ((l.cls == LC_TEXT || l.cls == LC_SHORT) && !prev_blank &&
		    join && (!(l.flags & LF_INDENT) ||
		    b->bi[cur].kind == BLOCK_LIST_ITEM)) {
			d->blocks[cur].end = end;
			b->bi[cur].flags &= (unsigned char)~LF_SINGLE;
			b->bi[cur].tail = line_tail(&l, end);
		} else {
			switch (l.cls) {
			case LC_HEAD:
				kind = BLOCK_HEADING;
				break;
			case LC_LIST:
				kind = BLOCK_LIST_ITEM;
				break;
			case LC_FIGURE:
				kind = BLOCK_FIGURE;
				break;
			case LC_BOILER:
				kind = BLOCK_BOILERPLATE;
				break;
			case LC_FENCE:
				kind = BLOCK_CODE;
				break;
			default:
				kind = BLOCK_PARAGRAPH;
				break;
			}
			close_block(b);
			cur = doc_gather_add(b, off, end, kind, &l);
			b->bi[cur].tail = line_tail(&l, end);
			if (l.off == off && l.end_off == end)
				b->bi[cur].note |= (unsigned char)(NOTE_PLAIN |
				    (doc_emphasized(s + off, end - off) ?
				    NOTE_EMPH : 0));
			if (prev_blank)
				b->bi[cur].flags |= LF_BLANK_BEFORE;
			if (l.cls == LC_FENCE) {
				in_fence = 1;
				doc_lex_fence(s, off, end, &fch, &flen);
			}
		}
		kind = (enum block_kind)b->bi[cur].kind;
		/* A run-in heading is a paragraph that may go on. */
		join = (kind == BLOCK_PARAGRAPH || kind == BLOCK_LIST_ITEM ||
		    (b->bi[cur].flags & LF_RUNIN)) &&
		    !(l.flags & LF_LONG) && l.end != END_SENT_CJK;
		cont = join && l.end != END_SENT && l.end != END_COLON;
		prev_blank = 0;
	}
	g->prev_blank = prev_blank;
	g->join = join;
	g->cont = cont;
	g->in_fence = in_fence;
	g->fch = fch;
	g->flen = flen;
	g->cur = cur;
}

/*
 * Gathers the lines [from, to) alone, as if blank lines stood around
 * them: the text between two hint blocks.
 */
void
doc_gather_lines(struct build *b, size_t from, size_t to)
{
	struct gstate g = GSTATE_START;

	gather_range(b, from, to, &g);
	close_block(b);
}

/* Texts with fewer lines are gathered in one piece. */
#define SPLIT_MIN_LINES	200000
/* How far from the middle the split may look for a blank line. */
#define SPLIT_SEARCH	100000

/* One of the two pieces of a split pass 2. */
struct half {
	struct build b;		/* the first: the real build; the second: a
				   copy with a doc of its own, whose arrays
				   lie in the first's */
	struct doc d;
	size_t from, to;
	struct gstate g;
};

static void
gather_half(void *arg)
{
	struct half *h = arg;

	gather_range(&h->b, h->from, h->to, &h->g);
	close_block(&h->b);
}

/*
 * Tells whether line i (0-based) is blank: empty or white space only,
 * which pass 2 treats alike when outside a fence.
 */
static int
blank_line(const struct build *b, size_t i)
{
	size_t off = buffer_line_start(b->d->buf, i);
	size_t end = doc_line_end(b->d->buf, i);

	doc_lex_trim(b->s, &off, &end);
	return off == end;
}

/*
 * The most blocks lines [0, m) can make: one for each line that is not
 * empty (m < nlines).  The line index tells, without the text.
 */
static size_t
blocks_bound(const struct buffer *buf, size_t m)
{
	size_t i, n = m;

	for (i = 0; i < m; i++)
		if (buffer_line_start(buf, i + 1) - buffer_line_start(buf, i) ==
		    1)
			n--;
	return n;
}

/*
 * Pass 2 over the whole text.  A large text is split at a blank line near
 * its middle and its two halves gathered at the same time: after a blank
 * line the state is GSTATE_START, unless the line was inside a fenced
 * code block, which is only known once the first half is done; then the
 * second half is gathered again after it.  The second half's blocks are
 * written into the same arrays, past the most blocks the first half can
 * make, and moved down to follow the first's: so each array is touched
 * about once (a fresh page is a costly one), and the one decision that
 * looks across the split (a caption right after a figure) is made again
 * at the seam.
 */
void
doc_gather(struct build *b)
{
	const struct buffer *buf = b->d->buf;
	struct doc *d = b->d;
	struct half h1, h2;
	size_t m = buf->nlines / 2, lim, n1, n2, k, at;
	struct gstate g = GSTATE_START;

	if (buf->nlines < SPLIT_MIN_LINES || util_threads() < 2) {
		gather_range(b, 0, buf->nlines, &g);
		close_block(b);
		return;
	}
	lim = m + SPLIT_SEARCH < buf->nlines ? m + SPLIT_SEARCH : buf->nlines;
	while (m < lim && !blank_line(b, m - 1))
		m++;
	if (m == lim || (ssize_t)m <= b->title_line) {
		gather_range(b, 0, buf->nlines, &g);
		close_block(b);
		return;
	}
	/*
	 * Each half makes at most a block a line that is not empty, and
	 * doc_build_start() sized the arrays at one a line: the second
	 * half's part, past at, never makes them grow.
	 */
	at = blocks_bound(buf, m);
	memset(&h1, 0, sizeof h1);
	memset(&h2, 0, sizeof h2);
	h1.b = *b;
	h1.from = 0;
	h1.to = m;
	h1.g = GSTATE_START;
	h2.b = *b;
	h2.d.buf = buf;
	h2.d.title_block = -1;
	h2.b.d = &h2.d;
	h2.b.cap = b->cap - at;
	h2.d.blocks = d->blocks + at;
	h2.b.bi = b->bi + at;
	h2.from = m;
	h2.to = buf->nlines;
	h2.g = GSTATE_START;
	util_par2(gather_half, &h1, &h2);
	*b = h1.b;
	if (h1.g.in_fence) {
		/* The split fell inside a code block: go on from there. */
		gather_range(b, m, buf->nlines, &h1.g);
		close_block(b);
	} else {
		n1 = d->nblocks;
		n2 = h2.d.nblocks;
		memmove(d->blocks + n1, d->blocks + at, n2 * sizeof *d->blocks);
		memmove(b->bi + n1, b->bi + at, n2 * sizeof *b->bi);
		/* What the second half left past the end is given back. */
		util_release(d->blocks + n1 + n2,
		    (at - n1) * sizeof *d->blocks);
		util_release(b->bi + n1 + n2, (at - n1) * sizeof *b->bi);
		d->nblocks = n1 + n2;
		if (n1 > 0 && n2 > 0 && b->bi[n1 - 1].kind == BLOCK_FIGURE &&
		    b->bi[n1].kind == BLOCK_PARAGRAPH && is_caption(b, n1))
			doc_set_kind(b, n1, BLOCK_CAPTION);
		b->title_seen |= h2.b.title_seen;
		for (k = 0; k < INDENT_UNITS; k++)
			b->indent_hist[k] += h2.b.indent_hist[k];
		for (k = 0; k < b->nsuf; k++)
			if (!b->suf[k].seen && h2.b.suf[k].seen) {
				b->suf[k].seen = 1;
				b->suf[k].seen_off = h2.b.suf[k].seen_off;
			}
		if (b->rsite_end == b->rsite_off) {
			b->rsite_off = h2.b.rsite_off;
			b->rsite_end = h2.b.rsite_end;
		}
	}
}

/*
 * Tells whether s[0..n) carries a photo credit: 图/ 图／ 资料图片 供图
 * 图片来源 摄影, or Photo: Photo by Image: Credit:.  Every Chinese form but
 * one holds 图, so one search for it finds the places to look at.
 */
static int
has_credit(const char *s, size_t n)
{
	static const char *const latin[] = { "Photo:", "Photo by", "Image:",
	    "Credit:", NULL };
	const char *p = s, *e = s + n;
	size_t at, left;

	while ((p = memmem(p, (size_t)(e - p), "图", 3)) != NULL) {
		at = (size_t)(p - s);
		left = n - at - 3;
		if (STARTS(p + 3, left, "/") || STARTS(p + 3, left, "／") ||
		    STARTS(p + 3, left, "片来源") ||
		    (at >= 3 && memcmp(p - 3, "供", 3) == 0) ||
		    (at >= 6 && memcmp(p - 6, "资料", 6) == 0 &&
		    STARTS(p + 3, left, "片")))
			return 1;
		p += 3;
	}
	return doc_lex_contains(s, n, "摄影") ||
	    doc_lex_contains_any(s, n, latin);
}

/* Tells whether block i, after a figure, is its caption. */
static int
is_caption(const struct build *b, size_t i)
{
	static const char *const after[] = { "摄", "摄）", "摄)", "摄。",
	    NULL };
	const struct block *k = &b->d->blocks[i];
	const char *s = b->s + k->off;
	size_t n = k->end - k->off, j;
	const char *const *p;

	if (k->kind != BLOCK_PARAGRAPH || n > 3 * CAPTION_MAX_COLS)
		return 0;
	if (STARTS(s, n, "图为") || has_credit(s, n))
		return doc_lex_cols(s, n) <= CAPTION_MAX_COLS;
	/* "…记者 李明 摄": 摄 ending the text or a clause. */
	for (j = 0; j + 3 <= n; j++)
		if (memcmp(s + j, "摄", 3) == 0)
			for (p = after; *p != NULL; p++)
				if (j + strlen(*p) <= n &&
				    memcmp(s + j, *p, strlen(*p)) == 0 &&
				    (j + strlen(*p) == n || s[j + strlen(*p)]
				    == ' ' || s[j + strlen(*p)] == '\n'))
					return doc_lex_cols(s, n) <=
					    CAPTION_MAX_COLS;
	return doc_lex_starts_with_date(s, n) &&
	    doc_lex_cols(s, n) <= DATE_CAPTION_MAX_COLS;
}
