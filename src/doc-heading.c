/*
 * doc-heading.c - passes 3 and 4 of the document model: headings,
 * levels, sections.
 *
 * Pass 3 reads the evidence of pass 2 (b->bi, a few bytes a block) and
 * decides from the neighbours which candidate headings are headings (a
 * run of "1." "2." with nothing between is a list; a short plain line
 * must be followed by body text), then the levels: heading families in
 * the order they first appear, a family known to be higher in its scheme
 * moved first.  Pass 4 makes the section tree from the heading blocks.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/util.h"

/* Tells whether the words t[0..n) are set in "**" or "__". */
int
doc_emphasized(const char *t, size_t n)
{
	return n > 4 && ((STARTS(t, n, "**") && memcmp(t + n - 2, "**", 2) ==
	    0) || (STARTS(t, n, "__") && memcmp(t + n - 2, "__", 2) == 0));
}

/*
 * Drops the "**" or "__" around the text of heading i: **小标题**.  A
 * line that pass 2 found plain says so without the text being read.
 */
static void
strip_emphasis(const struct build *b, size_t i)
{
	struct block *k = &b->d->blocks[i];
	size_t off, end;

	if ((b->bi[i].note & (NOTE_PLAIN | NOTE_EMPH)) == NOTE_PLAIN &&
	    (b->bi[i].flags & LF_SINGLE))
		return;
	block_text(k, &off, &end);
	if (doc_emphasized(b->s + off, end - off)) {
		off += 2;
		end -= 2;
		doc_lex_trim(b->s, &off, &end);
		doc_set_text(b->s, k, off, end);
	}
}

/* Tells whether block i is body text a plain heading may introduce. */
static int
is_body(const struct build *b, size_t i)
{
	int kind = b->bi[i].kind;

	if (kind == BLOCK_LIST_ITEM || kind == BLOCK_CODE)
		return 1;
	return kind == BLOCK_PARAGRAPH && !(b->bi[i].cls == LC_SHORT &&
	    (b->bi[i].flags & LF_SINGLE));
}

/* Tells whether block i is a short line alone, a plain heading candidate. */
static int
is_short_alone(const struct build *b, size_t i)
{
	return b->bi[i].kind == BLOCK_PARAGRAPH &&
	    b->bi[i].cls == LC_SHORT && (b->bi[i].flags & LF_SINGLE);
}

/* The rank of a family within its scheme, and the scheme. */
static int
rank(enum family f, int *scheme)
{
	*scheme = 0;
	switch (f) {
	case FAM_PART: case FAM_CHAPTER: case FAM_SECTION: case FAM_ROMAN:
	case FAM_CN_CAP:
	case FAM_CN_NUM: case FAM_CN_PAREN: case FAM_ARABIC: case FAM_DEC2:
	case FAM_DEC3: case FAM_DEC4: case FAM_AR_PAREN:
		*scheme = 1;
		return (int)f;
	case FAM_DASH_SUB: case FAM_DASH_LEAD:
		*scheme = 2;
		return (int)f;
	default:
		return 0;
	}
}

/*
 * Assigns heading levels: families in order of first appearance, a family
 * known to be higher in its scheme moved before a lower one, Markdown
 * taking one level per distinct '#' count (fewer '#' higher).
 */
static void
assign_levels(struct build *b)
{
	struct doc *d = b->d;
	int order[FAM_COUNT], n = 0, level[FAM_COUNT], mdlevel[8];
	int seen[FAM_COUNT], mdseen[8], moved, i, j, x, y, sx, sy, lv, plain;
	size_t k;

	memset(seen, 0, sizeof seen);
	memset(mdseen, 0, sizeof mdseen);
	memset(level, 0, sizeof level);
	memset(mdlevel, 0, sizeof mdlevel);
	for (k = 0; k < d->nblocks; k++) {
		if (b->bi[k].kind != BLOCK_HEADING)
			continue;
		if (!seen[b->bi[k].fam]) {
			seen[b->bi[k].fam] = 1;
			order[n++] = b->bi[k].fam;
		}
		if (b->bi[k].fam == FAM_MD)
			mdseen[b->bi[k].md & 7] = 1;
	}
	do {
		moved = 0;
		for (i = 0; i < n && !moved; i++)
			for (j = i + 1; j < n && !moved; j++) {
				x = rank((enum family)order[i], &sx);
				y = rank((enum family)order[j], &sy);
				if (sx != 0 && sx == sy && y < x) {
					int f = order[j];

					memmove(&order[i + 1], &order[i],
					    (size_t)(j - i) * sizeof *order);
					order[i] = f;
					moved = 1;
				}
			}
	} while (moved);
	/*
	 * In a numbered document, headings without numbers are front or back
	 * matter (摘要, 参考文献, Acknowledgements): they go at the top level
	 * with the first numbered family, not below the last one.
	 */
	plain = -1;
	for (i = 0; i < n; i++) {
		rank((enum family)order[i], &sx);
		if (order[i] == FAM_PLAIN)
			plain = i;
		else if (sx != 1)
			break;
	}
	if (plain >= 0 && i == n && n > 1) {
		memmove(&order[plain], &order[plain + 1],
		    (size_t)(n - plain - 1) * sizeof *order);
		n--;
	} else
		plain = -1;
	lv = 0;
	for (i = 0; i < n; i++) {
		if (order[i] == FAM_MD) {
			for (j = 1; j <= 6; j++)
				if (mdseen[j])
					mdlevel[j] = ++lv;
		} else
			level[order[i]] = ++lv;
	}
	if (plain >= 0)
		level[FAM_PLAIN] = 1;
	for (k = 0; k < d->nblocks; k++) {
		if (b->bi[k].kind != BLOCK_HEADING)
			continue;
		lv = b->bi[k].fam == FAM_MD ? mdlevel[b->bi[k].md & 7] :
		    level[b->bi[k].fam];
		/* Right under a heading, such a line is its subtitle. */
		if (plain >= 0 && b->bi[k].fam == FAM_PLAIN && k > 0 &&
		    b->bi[k - 1].kind == BLOCK_HEADING)
			lv = d->blocks[k - 1].level + 1;
		d->blocks[k].level = (unsigned char)(lv > MAX_LEVEL ?
		    MAX_LEVEL : lv);
	}
}

/*
 * Keeps the headings marked only by indentation where the evidence
 * holds: the line stands alone between blank lines and is indented more
 * than the body (the indentation most body lines have), by two
 * full-width spaces at least.  In a novel whose every paragraph is
 * indented so, a short indented line is only a short paragraph.
 */
static void
indent_headings(struct build *b)
{
	struct binfo *bi = b->bi;
	size_t i, best = 0;
	int body = 0, k, ind;

	for (k = 0; k < INDENT_UNITS; k++)
		if (b->indent_hist[k] > best) {
			best = b->indent_hist[k];
			body = k;
		}
	for (i = 0; i < b->d->nblocks; i++) {
		if (bi[i].kind != BLOCK_HEADING || bi[i].fam < FAM_IND1 ||
		    bi[i].fam > FAM_IND4)
			continue;
		ind = 2 + (bi[i].fam - FAM_IND1);
		if (ind > body && (bi[i].flags & LF_SINGLE) &&
		    (bi[i].flags & LF_BLANK_BEFORE) &&
		    ((bi[i].flags & LF_BLANK_AFTER) || i + 1 == b->d->nblocks))
			continue;
		doc_set_kind(b, i, BLOCK_PARAGRAPH);
		bi[i].cls = LC_TEXT;
		bi[i].fam = FAM_NONE;
	}
}

/* Pass 3: decide the headings and their levels. */
void
doc_heading_decide(struct build *b)
{
	struct doc *d = b->d;
	struct binfo *bi = b->bi;
	size_t i, n = d->nblocks;
	int has_md, fam, chapters = 0;

	indent_headings(b);
	has_md = d->title_block >= 0 && b->title.fam == FAM_MD;
	for (i = 0; i < n; i++) {
		fam = bi[i].fam;
		if (bi[i].kind != BLOCK_HEADING)
			continue;
		if (fam == FAM_MD) {
			has_md = 1;
			continue;
		}
		/*
		 * Siblings with nothing between them are a list; a run-in
		 * heading has its body with it, and a line with a wiki's
		 * edit mark (FAM_PLAIN already) is a heading for sure.
		 */
		if ((bi[i].flags & LF_RUNIN) || fam == FAM_PLAIN)
			continue;
		if ((i > 0 && bi[i - 1].cls == LC_HEAD &&
		    bi[i - 1].fam == fam && !(bi[i - 1].flags & LF_RUNIN)) ||
		    (i + 1 < n && bi[i + 1].cls == LC_HEAD &&
		    bi[i + 1].fam == fam && !(bi[i + 1].flags & LF_RUNIN))) {
			doc_set_kind(b, i, fam == FAM_DASH_SUB ||
			    fam == FAM_DASH_LEAD ? BLOCK_PARAGRAPH :
			    BLOCK_LIST_ITEM);
		}
	}
	/*
	 * A short line alone, not in a run of them, followed by body; but
	 * not in a text whose chapters are numbered (a novel's 第一章): its
	 * structure is explicit, and a short line there is a short line.
	 */
	for (i = 0; i < n && !chapters; i++)
		if (bi[i].kind == BLOCK_HEADING && (bi[i].fam == FAM_CHAPTER ||
		    bi[i].fam == FAM_PART))
			chapters = 1;
	/* (Right under a chapter heading, such a line is its subtitle.) */
	for (i = 0; i + 1 < n && !has_md; i++)
		if (is_short_alone(b, i) && is_body(b, i + 1) &&
		    (!chapters || (i > 0 && bi[i - 1].kind == BLOCK_HEADING)) &&
		    (i == 0 || !is_short_alone(b, i - 1))) {
			doc_set_kind(b, i, BLOCK_HEADING);
			doc_text_first_line(b, i);
			strip_emphasis(b, i);
			bi[i].fam = FAM_PLAIN;
		}
	assign_levels(b);
}

/*
 * Pass 4: the sections, their ranges and parents.  The evidence records
 * are done with (their memory goes to the titles), so the blocks' kinds
 * are read; the lines are found by galloping from the previous
 * heading's.
 */
void
doc_heading_sections(struct build *b)
{
	struct doc *d = b->d;
	const struct buffer *buf = d->buf;
	struct section *s;
	ssize_t open[MAX_LEVEL + 1];
	size_t i, n = 0, line = 1, off, end, bytes = 0, rel = 0;
	char *w;
	int lv, m;

	/*
	 * Count first: one allocation each for sections and titles.  Past
	 * DOC_MAX_SECTIONS headings (a text of gigabytes of nothing else)
	 * the rest stay headings without sections of their own.
	 */
	for (i = 0; i < d->nblocks && n < DOC_MAX_SECTIONS; i++)
		if (d->blocks[i].kind == BLOCK_HEADING) {
			n++;
			bytes += d->blocks[i].tlen + 1u;
		}
	if (n == 0) {
		free(b->bi);
		b->bi = NULL;
		return;
	}
	/*
	 * The evidence (b->bi), when it is still there, is done with: its
	 * pages, touched already, hold the titles, where fresh ones would
	 * cost a fault each.
	 */
	w = d->strings = b->bi != NULL ? xrealloc(b->bi, bytes) :
	    xmalloc(bytes);
	b->bi = NULL;
	d->sections = xcalloc(n, sizeof *d->sections);
	for (m = 0; m <= MAX_LEVEL; m++)
		open[m] = -1;
	for (i = 0; i < d->nblocks; i++) {
		const struct block *k = &d->blocks[i];

		if (k->kind != BLOCK_HEADING)
			continue;
		if (d->nsections == n)
			break;
		buffer_release_behind(buf, &rel, k->off);
		lv = k->level;
		line = buffer_line_from(buf, k->off, line);
		/* Close the open sections at this level and below. */
		for (m = lv; m <= MAX_LEVEL; m++)
			if (open[m] >= 0) {
				d->sections[open[m]].end = k->off;
				d->sections[open[m]].end_line = i > 0 ?
				    buffer_line_from(buf, d->blocks[i - 1].end,
				    d->sections[open[m]].line) : line;
				open[m] = -1;
			}
		s = &d->sections[d->nsections];
		s->block = i;
		s->level = lv;
		s->off = k->off;
		s->end = buf->len;
		s->line = line;
		s->end_line = line;
		s->parent = -1;
		for (m = lv - 1; m >= 1; m--)
			if (open[m] >= 0) {
				s->parent = (int32_t)open[m];
				break;
			}
		block_text(k, &off, &end);
		memcpy(w, b->s + off, end - off);
		w[end - off] = '\0';
		s->title = w;
		w += end - off + 1;
		open[lv] = (ssize_t)d->nsections;
		d->nsections++;
	}
	for (m = 1; m <= MAX_LEVEL; m++)
		if (open[m] >= 0)
			d->sections[open[m]].end_line = buffer_line_from(buf,
			    d->blocks[d->nblocks - 1].end,
			    d->sections[open[m]].line);
}

/* Looks for a full date in s[0..n); returns its offset or n. */
