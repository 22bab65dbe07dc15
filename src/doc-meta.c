/*
 * doc-meta.c - the metadata of the document model: title, site, date.
 *
 * The title is found first (pass 1) by looking at the first lines, with
 * the places where a site-name suffix could start (struct suffix);
 * while the lines are gathered, those that repeat the title, whole or
 * without a suffix, are marked (they become boilerplate); once the
 * headings are known the title loses the suffix whose base was repeated,
 * and the suffix is the site.  The date is a dateline near the top or a
 * date in a figure's file name.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/util.h"

/* A byline's name is at most this long (columns). */
#define BYLINE_MAX_COLS	16
/* A site name is at most this long (columns). */
#define SITE_MAX_COLS	40

/* What parts a title from the site's name: 标题 - 网站名, 标题_网站名. */
static const char *const seps[] = { " | ", " - ", " _ ", " – ", " — ", "｜",
	"丨", "|", "-", "_", "—", NULL };

/*
 * Tells whether line i (0-based), classified as l, is an author's name
 * right under a title: short, no sentence, and followed by a blank line,
 * a rule or the end (as Aozora Bunko texts open: title, author, rule).
 */
static int
name_below(const struct build *b, size_t i, const struct line *l)
{
	const struct buffer *buf = b->d->buf;
	struct line next;

	if (l->cls != LC_SHORT || l->cols == 0 || l->cols > BYLINE_MAX_COLS)
		return 0;
	if (i + 1 >= buf->nlines)
		return 1;
	doc_lex_classify(b->s, buffer_line_start(buf, i + 1),
	    doc_line_end(buf, i + 1), DOC_HEADING_MAX_COLS, &next);
	return next.cls == LC_BLANK || next.cls == LC_BOILER;
}

/*
 * Pass 1: the title is the first line that is neither blank nor
 * boilerplate (looking at the first few lines only), if it is short, has no
 * sentence-final punctuation, is not numbered, and stands alone: the next
 * line is blank, boilerplate, a figure, a Markdown heading, an indented
 * new paragraph, or a dateline or byline (not text that may continue it).  A
 * Markdown heading qualifies whatever follows it; whether it is the title
 * or the first heading is decided once all headings are known.
 */
void
doc_meta_find_title(struct build *b)
{
	const struct buffer *buf = b->d->buf;
	const char *const *p;
	struct line l, next;
	size_t i, j, k, skipped = 0, toff, tend, nn;
	const char *nt;
	const char *s = b->s;

	b->title_line = -1;
	for (i = 0; i < buf->nlines && skipped < 8; i++) {
		doc_lex_classify(s, buffer_line_start(buf, i),
		    doc_line_end(buf, i), DOC_TITLE_MAX_COLS, &l);
		if (l.cls == LC_BLANK)
			continue;
		if (l.cls != LC_BOILER)
			break;
		skipped++;
	}
	if (i >= buf->nlines || skipped >= 8)
		return;
	if (!(l.cls == LC_SHORT || (l.cls == LC_HEAD && (l.fam == FAM_MD ||
	    l.fam == FAM_DASH_SUB))))
		return;
	if (l.fam != FAM_MD && i + 1 < buf->nlines) {
		doc_lex_classify(s, buffer_line_start(buf, i + 1),
		    doc_line_end(buf, i + 1), DOC_HEADING_MAX_COLS, &next);
		nt = s + next.off;
		nn = next.end_off - next.off;
		if (!(next.cls == LC_BLANK || next.cls == LC_BOILER ||
		    next.cls == LC_FIGURE || next.fam == FAM_MD ||
		    ((next.cls == LC_TEXT || next.cls == LC_SHORT) &&
		    ((next.flags & LF_INDENT) ||
		    doc_lex_starts_with_date(nt, nn) ||
		    doc_lex_starts_any(nt, nn, doc_lex_bylines))) ||
		    name_below(b, i + 1, &next)))
			return;
	}
	b->title_line = (ssize_t)i;
	b->title = l;
	/* The places where a site-name suffix could start. */
	toff = l.text_off;
	tend = l.text_end;
	for (j = toff + 1; j < tend && b->nsuf < MAX_SUFFIXES; j++) {
		for (p = seps; *p != NULL; p++)
			if (doc_lex_starts(s + j, tend - j, *p))
				break;
		if (*p == NULL)
			continue;
		/* "——" is the subtitle dash, not a separator. */
		if (strcmp(*p, "—") == 0 && (STARTS(s + j + 3, tend - j - 3,
		    "—") || (j >= toff + 3 && STARTS(s + j - 3, 3, "—"))))
			continue;
		k = b->nsuf;
		b->suf[k].base_off = toff;
		b->suf[k].base_end = j;
		b->suf[k].site_off = j + strlen(*p);
		b->suf[k].site_end = tend;
		doc_lex_trim(s, &b->suf[k].base_off, &b->suf[k].base_end);
		doc_lex_trim(s, &b->suf[k].site_off, &b->suf[k].site_end);
		if (b->suf[k].base_off < b->suf[k].base_end &&
		    b->suf[k].site_off < b->suf[k].site_end &&
		    doc_lex_cols(s + b->suf[k].site_off, b->suf[k].site_end -
		    b->suf[k].site_off) <= SITE_MAX_COLS)
			b->nsuf++;
		j += strlen(*p) - 1;
	}
}

/*
 * Tells whether t[0..n) is the title (tn bytes at title) followed by a
 * separator and a site name; sets [*so, *se) to the site.
 */
static int
suffixed(const char *s, size_t t_off, size_t n, size_t title_off, size_t tn,
    size_t *so, size_t *se)
{
	const char *const *p;
	size_t i;

	if (n <= tn || memcmp(s + t_off, s + title_off, tn) != 0)
		return 0;
	i = t_off + tn;
	for (p = seps; *p != NULL; p++)
		if (doc_lex_starts(s + i, t_off + n - i, *p))
			break;
	if (*p == NULL)
		return 0;
	*so = i + strlen(*p);
	*se = t_off + n;
	doc_lex_trim(s, so, se);
	return *so < *se && doc_lex_cols(s + *so, *se - *so) <= SITE_MAX_COLS;
}

/*
 * Tells whether the line l repeats the title, whole, without a suffix,
 * or with one it lacks ("标题 - 网站名" after a clean "标题").
 */
int
doc_meta_repeats_title(struct build *b, const struct line *l)
{
	size_t n = l->text_end - l->text_off, k, tn, so, se;
	const char *t = b->s + l->text_off;
	int hit = 0;

	if (b->title_line < 0)
		return 0;
	tn = b->title.text_end - b->title.text_off;
	if (n == tn && memcmp(t, b->s + b->title.text_off, n) == 0) {
		b->title_seen = 1;
		hit = 1;
	}
	for (k = 0; k < b->nsuf; k++)
		if (n == b->suf[k].base_end - b->suf[k].base_off &&
		    memcmp(t, b->s + b->suf[k].base_off, n) == 0) {
			if (!b->suf[k].seen)
				b->suf[k].seen_off = l->off;
			b->suf[k].seen = 1;
			hit = 1;
		}
	if (!hit && tn > 0 && b->title.fam != FAM_MD &&
	    suffixed(b->s, l->text_off, n, b->title.text_off, tn, &so, &se)) {
		if (b->rsite_end == b->rsite_off) {
			b->rsite_off = so;
			b->rsite_end = se;
		}
		hit = 1;
	}
	return hit;
}

/*
 * Pass 3, before the headings: a "# Title" is the title only if no
 * heading has as few '#'; else a first Markdown heading with the fewest
 * marks is the title.
 */
void
doc_meta_title_md(struct build *b)
{
	struct doc *d = b->d;
	struct binfo *bi = b->bi;
	size_t i, j, n = d->nblocks;

	/* A "# Title" is the title only if no heading has as few '#'. */
	if (d->title_block >= 0 && b->title.fam == FAM_MD) {
		for (i = 0; i < n; i++)
			if (bi[i].kind == BLOCK_HEADING &&
			    bi[i].fam == FAM_MD && bi[i].md <= b->title.md)
				break;
		if (i < n) {
			doc_set_kind(b, (size_t)d->title_block, BLOCK_HEADING);
			bi[d->title_block].cls = LC_HEAD;
			bi[d->title_block].fam = FAM_MD;
			d->title_block = -1;
			b->nsuf = 0;
			b->title_seen = 0;
		}
	}
	/* Else a first setext heading with the fewest marks is the title. */
	for (i = 0; i < n && d->title_block < 0; i++) {
		if (bi[i].kind == BLOCK_BOILERPLATE)
			continue;
		if (bi[i].kind == BLOCK_HEADING && bi[i].fam == FAM_MD) {
			for (j = i + 1; j < n; j++)
				if (bi[j].kind == BLOCK_HEADING &&
				    bi[j].fam == FAM_MD && bi[j].md <= bi[i].md)
					break;
			if (j == n) {
				doc_set_kind(b, i, BLOCK_TITLE);
				d->title_block = (ssize_t)i;
				b->title.fam = FAM_MD;
				b->title.md = bi[i].md;
			}
		}
		break;
	}
}

/* How many blocks from the top may open Aozora's notes, and their size. */
#define NOTES_FIRST_BLOCKS	8
#define NOTES_MAX_BLOCKS	40
/* A colophon starts this many blocks from the end at most. */
#define COLOPHON_BLOCKS		40

/* Tells whether block i is a rule: a line of 20 '-' or more, alone. */
static int
rule_line(const struct build *b, size_t i)
{
	const struct block *k = &b->d->blocks[i];
	size_t j;

	if (b->bi[i].kind != BLOCK_BOILERPLATE ||
	    !(b->bi[i].flags & LF_SINGLE) || k->end - k->off < 20)
		return 0;
	for (j = k->off; j < k->end; j++)
		if (b->s[j] != '-' && b->s[j] != ' ')
			return 0;
	return 1;
}

/*
 * Aozora Bunko's front and back matter: the notes on the marks used
 * ("【テキスト中に現れる記号について】"), between two rules near the top, and
 * the colophon from "底本：" to the end.  Both are boilerplate, whatever
 * short lines they hold.
 */
void
doc_meta_aozora(struct build *b)
{
	struct doc *d = b->d;
	size_t i, j, n = d->nblocks;

	for (i = 0; i < n && i < NOTES_FIRST_BLOCKS; i++)
		if (rule_line(b, i))
			break;
	for (j = i + 1; i < n && i < NOTES_FIRST_BLOCKS && j < n &&
	    j <= i + NOTES_MAX_BLOCKS; j++)
		if (rule_line(b, j)) {
			for (; i <= j; i++) {
				doc_set_kind(b, i, BLOCK_BOILERPLATE);
				b->bi[i].cls = LC_BOILER;
				b->bi[i].fam = FAM_NONE;
			}
			break;
		}
	for (i = n > COLOPHON_BLOCKS ? n - COLOPHON_BLOCKS : 0; i < n; i++)
		if (STARTS(b->s + d->blocks[i].off, d->blocks[i].end -
		    d->blocks[i].off, "底本："))
			break;
	for (; i < n; i++) {
		doc_set_kind(b, i, BLOCK_BOILERPLATE);
		b->bi[i].cls = LC_BOILER;
		b->bi[i].fam = FAM_NONE;
	}
}

/* Tells whether block i is a one-line paragraph holding only a date. */
static int
dateline(const struct build *b, size_t i)
{
	const char *t;
	size_t n;

	if (i >= b->d->nblocks || b->bi[i].kind != BLOCK_PARAGRAPH ||
	    !(b->bi[i].flags & LF_SINGLE))
		return 0;
	t = b->s + b->d->blocks[i].off;
	n = b->d->blocks[i].end - b->d->blocks[i].off;
	if (n > 60)
		return 0;
	if (STARTS(t, n, "（"))
		t += 3, n -= 3;
	else if (n > 0 && t[0] == '(')
		t++, n--;
	return doc_lex_starts_with_date(t, n);
}

/* Tells whether block i is a "——" line, a subtitle after a title. */
static int
dash_line(const struct build *b, size_t i)
{
	return i < b->d->nblocks && b->bi[i].kind == BLOCK_HEADING &&
	    b->bi[i].fam == FAM_DASH_LEAD;
}

/*
 * Pass 3, before the headings: the lines that belong to the title.  A
 * title may be set in two lines, the second short and alone, when a
 * "——" subtitle follows them (the form of speeches and reports); the
 * subtitle right after the title is part of the title page, not the
 * first section.
 */
void
doc_meta_subtitle(struct build *b)
{
	struct doc *d = b->d;
	struct binfo *bi = b->bi;
	size_t j;

	if (d->title_block < 0 || b->title.fam == FAM_MD)
		return;
	j = (size_t)d->title_block + 1;
	/* A name on the line under the title is its author's. */
	if (j < d->nblocks && bi[j].kind == BLOCK_PARAGRAPH &&
	    bi[j].cls == LC_SHORT && (bi[j].flags & LF_SINGLE) &&
	    !(bi[j].flags & LF_BLANK_BEFORE) &&
	    doc_lex_cols(b->s + d->blocks[j].off, d->blocks[j].end -
	    d->blocks[j].off) <= BYLINE_MAX_COLS) {
		bi[j].cls = LC_TEXT;
		return;
	}
	if (j < d->nblocks && bi[j].kind == BLOCK_PARAGRAPH &&
	    bi[j].cls == LC_SHORT && (bi[j].flags & LF_SINGLE) &&
	    dash_line(b, j + 1)) {
		doc_set_kind(b, j, BLOCK_TITLE);
		doc_text_first_line(b, j);
		b->title_more = (ssize_t)j++;
	}
	if (dash_line(b, j)) {
		doc_set_kind(b, j, BLOCK_PARAGRAPH);
		bi[j].cls = LC_TEXT;
		bi[j].fam = FAM_NONE;
		j++;
	} else if (!dateline(b, j))
		return;
	/* After a subtitle or a dateline, a name alone is the byline. */
	while (dateline(b, j))
		j++;
	if (j < d->nblocks && bi[j].kind == BLOCK_PARAGRAPH &&
	    bi[j].cls == LC_SHORT && (bi[j].flags & LF_SINGLE) &&
	    doc_lex_cols(b->s + d->blocks[j].off, d->blocks[j].end -
	    d->blocks[j].off) <= BYLINE_MAX_COLS)
		bi[j].cls = LC_TEXT;
}

/*
 * Makes the clean line of the title (at byte off, which pass 2 made
 * boilerplate as a repeat) the title, and the suffixed line boilerplate;
 * returns the title block.  A title set in two lines stays as it is.
 */
static struct block *
clean_title(struct build *b, size_t off)
{
	struct doc *d = b->d;
	size_t j = doc_block_at(d, off);

	if (b->title_more >= 0 || j >= d->nblocks || (ssize_t)j ==
	    d->title_block || d->blocks[j].kind != BLOCK_BOILERPLATE ||
	    d->blocks[j].off > off || !(b->bi[j].flags & LF_SINGLE))
		return &d->blocks[d->title_block];
	doc_set_kind(b, (size_t)d->title_block, BLOCK_BOILERPLATE);
	doc_set_kind(b, j, BLOCK_TITLE);
	doc_text_first_line(b, j);
	d->title_block = (ssize_t)j;
	return &d->blocks[j];
}

/*
 * Pass 3, after the headings: the title's text and string, without the
 * longest suffix whose base was repeated (that suffix is the site name).
 */
void
doc_meta_title_text(struct build *b)
{
	struct doc *d = b->d;
	struct block *k;
	size_t i, best, off, end;

	if (d->title_block < 0)
		return;
	k = &d->blocks[d->title_block];
	best = MAX_SUFFIXES;
	for (i = 0; i < b->nsuf; i++)
		if (b->suf[i].seen && (best == MAX_SUFFIXES ||
		    b->suf[i].base_end > b->suf[best].base_end))
			best = i;
	if (best < MAX_SUFFIXES && !b->title_seen) {
		doc_set_text(b->s, k, b->suf[best].base_off,
		    b->suf[best].base_end);
		d->site = xstrndup(b->s + b->suf[best].site_off,
		    b->suf[best].site_end - b->suf[best].site_off);
		k = clean_title(b, b->suf[best].seen_off);
	} else if (b->rsite_end > b->rsite_off)
		d->site = xstrndup(b->s + b->rsite_off, b->rsite_end -
		    b->rsite_off);
	block_text(k, &off, &end);
	if (b->title_more >= 0) {
		size_t off2, end2, n1 = end - off, n2;

		block_text(&d->blocks[b->title_more], &off2, &end2);
		n2 = end2 - off2;
		d->title = xmalloc(n1 + n2 + 2);
		memcpy(d->title, b->s + off, n1);
		d->title[n1] = ' ';
		memcpy(d->title + n1 + 1, b->s + off2, n2);
		d->title[n1 + n2 + 1] = '\0';
		return;
	}
	d->title = xstrndup(b->s + off, end - off);
}

/*
 * The title from the file's name when the text has none, as a reader
 * names a book by its file: the last component of the path without its
 * extension ("骆驼祥子.txt" gives 骆驼祥子).  Standard input has no name.
 */
void
doc_meta_file_title(struct doc *d)
{
	const char *name = d->buf->name, *base, *dot;
	size_t n;

	if (d->title != NULL) {
		d->title_source = DOC_TITLE_TEXT;
		return;
	}
	if (name == NULL || strcmp(name, "-") == 0)
		return;
	base = strrchr(name, '/');
	base = base != NULL ? base + 1 : name;
	dot = strrchr(base, '.');
	n = dot != NULL && dot > base && strlen(dot) <= 6 ? (size_t)(dot - base) :
	    strlen(base);
	/* A Markdown file is named by its first heading. */
	if (n == 0 || (dot != NULL && (strcmp(dot, ".md") == 0 ||
	    strcmp(dot, ".markdown") == 0)))
		return;
	d->title = xstrndup(base, n);
	d->title_source = DOC_TITLE_FILE;
}

/* Looks for a full date in s[0..n); returns its offset or n. */
static size_t
find_date(const char *s, size_t n, int eight, struct doc_date *dt)
{
	size_t i;
	int y, m, dd;

	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    STARTS(s + i, n - i, "\xef\xbc")))
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		if (doc_lex_parse_date(s + i, n - i, 0, eight, &y, &m,
		    &dd) > 0) {
			dt->year = y;
			dt->month = m;
			dt->day = dd;
			return i;
		}
	}
	return n;
}

/*
 * The document date: a dateline (a short block near the top, before the
 * first heading, holding a full date and not ending a sentence), else the
 * first figure whose file name holds a date (20231012 or 2023-10-12).
 */
void
doc_meta_date(struct build *b)
{
	struct doc *d = b->d;
	const struct block *k;
	size_t i, n, at;

	for (i = 0; i < d->nblocks && i < DATELINE_BLOCKS; i++) {
		k = &d->blocks[i];
		if (k->kind == BLOCK_HEADING)
			break;
		n = k->end - k->off;
		if ((k->kind != BLOCK_PARAGRAPH &&
		    k->kind != BLOCK_BOILERPLATE) || n > 3 * 100 ||
		    doc_lex_cols(b->s + k->off, n) > 100)
			continue;
		if (doc_lex_line_end(b->s + k->off, n) == END_SENT_CJK ||
		    doc_lex_line_end(b->s + k->off, n) == END_SENT)
			continue;
		if ((at = find_date(b->s + k->off, n, 0, &d->date)) < n) {
			d->date.off = k->off + at;
			return;
		}
	}
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].kind != BLOCK_FIGURE)
			continue;
		k = &d->blocks[i];
		n = k->end - k->off;
		if ((at = find_date(b->s + k->off, n, 1, &d->date)) < n ||
		    (at = find_date(b->s + k->off, n, 0, &d->date)) < n) {
			d->date.off = k->off + at;
			return;
		}
	}
	memset(&d->date, 0, sizeof d->date);
}
