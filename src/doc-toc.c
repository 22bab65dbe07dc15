/*
 * doc-toc.c - pass 3 of the document model, before the headings: a table
 * of contents, and the page furniture that cuts a sentence in two.
 *
 * Both look at the blocks of pass 2 and their evidence (b->bi) and change
 * them in place before doc_heading_decide() runs.  A table of contents is
 * a line naming one (目录, 目錄, 目次, Contents) and the run of short
 * lines right after it that repeat the headings, maybe with dot leaders
 * and page numbers; it ends at the first line that repeats its first
 * entry (the real heading), at a blank line after an entry, or at a line
 * that is no entry.  Its blocks become one block of kind BLOCK_TOC: the
 * blocks it swallows are marked (kind SWALLOWED in b->bi) and the arrays
 * closed up once at the end, so many tables cost one pass.
 *
 * Page furniture between the halves of a sentence: a paragraph that
 * stops mid-sentence, one to MAX_MIDDLE single-line blocks that are a
 * page break, a page number or a running header (a short line that
 * stands so between halves more than once), then an unindented
 * paragraph: the lines between become boilerplate and the second half
 * is flagged BLOCK_JOINED, the same paragraph.  And as a heading is
 * never the last line of a page, a short line before a page break is
 * no heading (not_before_break()).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "lex.h"
#include "juan/util.h"

/* The mark of a block swallowed by the table of contents before it. */
#define SWALLOWED	0xff
/* A table of contents has at most this many lines. */
#define TOC_MAX_LINES	4000
/* Page furniture between two halves: at most this many blocks. */
#define MAX_MIDDLE	3
/* A running header is at most this long (columns). */
#define HEADER_MAX_COLS	40
/* A page number that says so, and a page-end line: at most (bytes). */
#define PAGE_NO_MAX_BYTES	48
#define PAGE_END_MAX_BYTES	64

/* The names of a table of contents, white space removed. */
static const char *const toc_words[] = { "目录", "目錄", "目次", "Contents",
	"CONTENTS", "TableofContents", "TABLEOFCONTENTS", NULL };

/* Dot leaders between an entry and its page number. */
static const char *const leaders[] = { ".", "\xc2\xb7", "\xe2\x80\xa6",
	"\xef\xbc\x8e", "\xe2\x8b\xaf", "\xe2\x80\xa5", NULL };
/* What else a line of page furniture may show around its number. */
static const char *const page_parts[] = { " ", "\xe3\x80\x80", "-",
	"\xe2\x80\x94", "\xe2\x80\x93", "\xc2\xb7", "/", "第", "页", "頁",
	"Page", "page", "p.", NULL };

/* The length of the white space at s[0..n): space, tab, U+3000. */
static size_t
space_at(const char *s, size_t n)
{
	if (n > 0 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	return STARTS(s, n, "\xe3\x80\x80") ? 3 : 0;
}

/* The literal of the table lits that ends s[0..n), or 0. */
static size_t
ends_with(const char *s, size_t n, const char *const *lits)
{
	size_t k;

	for (; *lits != NULL; lits++) {
		k = strlen(*lits);
		if (n >= k && memcmp(s + n - k, *lits, k) == 0)
			return k;
	}
	return 0;
}

/* The length of the digit (ASCII or full-width) ending s[0..n), or 0. */
static size_t
digit_back(const char *s, size_t n)
{
	if (n >= 1 && s[n - 1] >= '0' && s[n - 1] <= '9')
		return 1;
	if (n >= 3 && (unsigned char)s[n - 3] == 0xef &&
	    (unsigned char)s[n - 2] == 0xbc &&
	    (unsigned char)s[n - 1] >= 0x90 &&
	    (unsigned char)s[n - 1] <= 0x99)
		return 3;
	return 0;
}

/*
 * Tells whether the trimmed line t[0..n) names a table of contents: one
 * of toc_words, maybe spaced out (目　录) and with a colon after it.
 */
static int
toc_title(const char *t, size_t n)
{
	char w[48];
	size_t i, k, m = 0;
	const char *const *p;

	if (n == 0 || n > 40)
		return 0;
	for (i = 0; i < n; i += k) {
		if ((k = space_at(t + i, n - i)) > 0)
			continue;
		k = 1;
		w[m++] = t[i];
	}
	if (m >= 1 && w[m - 1] == ':')
		m--;
	else if (m >= 3 && memcmp(w + m - 3, "：", 3) == 0)
		m -= 3;
	for (p = toc_words; *p != NULL; p++)
		if (strlen(*p) == m && memcmp(w, *p, m) == 0)
			return 1;
	return 0;
}

/*
 * Narrows the trimmed entry [*off, *end) of s to its words: without a
 * page number that follows dot leaders, a tab, wide space or a CJK word,
 * and without the leaders.  *marked is set when a number or leaders were
 * there.  "Chapter 12" keeps its number: a space alone after a Latin
 * word does not part a page number.
 */
static void
entry_core(const char *s, size_t *off, size_t *end, int *marked)
{
	size_t e = *end, k, d;
	int dig = 0;

	*marked = 0;
	while (e > *off && (k = digit_back(s + *off, e - *off)) > 0) {
		e -= k;
		dig = 1;
	}
	if (dig) {
		d = e;
		if (d > *off && ends_with(s + *off, d - *off, leaders) > 0)
			;	/* leaders: a page number */
		else if (d > *off && (s[d - 1] == '\t' || (d >= *off + 2 &&
		    s[d - 1] == ' ' && s[d - 2] == ' ') || (d >= *off + 3 &&
		    memcmp(s + d - 3, "\xe3\x80\x80", 3) == 0) ||
		    (d >= *off + 2 && s[d - 1] == ' ' &&
		    (unsigned char)s[d - 2] >= 0x80)))
			;	/* wide space or a CJK word before it */
		else
			e = *end;
		if (e < *end)
			*marked = 1;
	}
	while (e > *off && ((k = ends_with(s + *off, e - *off, leaders)) > 0 ||
	    (k = space_at(s + e - 1, 1)) > 0 || (e >= *off + 3 &&
	    (k = space_at(s + e - 3, 3)) == 3)))
		if (k != 1 || s[e - 1] != ' ' || *marked) {
			if (k != 1 || s[e - 1] != ' ')
				*marked = 1;
			e -= k;
		} else
			break;
	doc_lex_trim(s, off, &e);
	*end = e;
}

/* Drops a wiki's numbering ("2.1 ", "3 ") from the words [*off, end). */
static void
strip_number(const char *s, size_t *off, size_t end)
{
	size_t i = *off, len;
	int k = 0;

	while (i < end && (lex_digit(s, end, i, &len) >= 0 || (k > 0 &&
	    s[i] == '.'))) {
		i += s[i] == '.' ? 1 : len;
		k++;
	}
	if (k > 0 && i < end && (s[i] == ' ' || STARTS(s + i, end - i, "、") ||
	    STARTS(s + i, end - i, "．"))) {
		i += s[i] == ' ' ? 1 : 3;
		while (i < end && s[i] == ' ')
			i++;
		*off = i;
	}
}

/* The words of one line, as entry or as heading. */
struct words {
	size_t off, end;	/* the words, leaders and page number cut */
	size_t noff;		/* the words after a wiki's numbering */
	int marked;		/* it had leaders or a page number */
};

static void
line_words(const struct build *b, size_t i, struct line *l,
    struct words *w)
{
	const struct buffer *buf = b->d->buf;

	doc_lex_classify(b->s, buffer_line_start(buf, i), doc_line_end(buf, i),
	    DOC_HEADING_MAX_COLS, l);
	w->off = l->off;
	w->end = l->end_off;
	if (l->cls == LC_BLANK)
		return;
	entry_core(b->s, &w->off, &w->end, &w->marked);
	w->noff = w->off;
	strip_number(b->s, &w->noff, w->end);
}

static int
same(const char *s, size_t a, size_t ae, size_t z, size_t ze)
{
	return ae - a == ze - z && ae > a && memcmp(s + a, s + z, ae - a) == 0;
}

/* Tells whether line words v repeat entry e. */
static int
repeats(const char *s, const struct words *e, const struct words *v)
{
	return same(s, e->off, e->end, v->off, v->end) ||
	    same(s, e->noff, e->end, v->noff, v->end);
}

/* Tells whether line l with words w may be an entry. */
static int
entry_shaped(const char *s, const struct line *l, const struct words *w)
{
	size_t n = w->end - w->off;

	if (n == 0 || n > SHORT_BYTES || (l->flags & LF_LONG))
		return 0;
	if (doc_lex_cols(s + w->off, n) > DOC_HEADING_MAX_COLS)
		return 0;
	return w->marked || doc_lex_line_end(s + w->off, n) != END_SENT_CJK;
}

/*
 * The last line (0-based) of the table of contents whose name is line
 * h, or h when none follows it: see the top of the file.  *second is
 * its second entry's line.
 */
static size_t
toc_end(const struct build *b, size_t h, size_t *second)
{
	const struct buffer *buf = b->d->buf;
	struct words first, w;
	struct line l;
	size_t i, last = h, n = 0, evidence = 0;
	int blank = 0, repeated = 0;

	memset(&first, 0, sizeof first);
	for (i = h + 1; i < buf->nlines && i <= h + TOC_MAX_LINES; i++) {
		line_words(b, i, &l, &w);
		if (l.cls == LC_BLANK) {
			if (n > 0)
				blank = 1;
			continue;
		}
		if (n > 0 && repeats(b->s, &first, &w)) {
			repeated = 1;
			break;
		}
		if (blank || !entry_shaped(b->s, &l, &w))
			break;
		if (n == 0)
			first = w;
		else if (n == 1)
			*second = i;
		if (w.marked || l.cls == LC_HEAD)
			evidence++;
		n++;
		last = i;
	}
	/* Two entries at least, and a repeat, or numbers on half of them. */
	if (n < 2 || (!repeated && 2 * evidence < n))
		return h;
	return last;
}

/* A table of contents gives the levels of this many entries at most. */
#define TOC_MAX_ENTRIES	1024

/*
 * Keeps the numbered entries of the table of contents on lines (h,
 * last]: a wiki's contents number its headings ("2.1 古代") where the
 * headings themselves have no number, and the depth of the number is
 * the heading's level.
 */
static void
toc_entries(struct build *b, size_t h, size_t last)
{
	struct words w;
	struct line l;
	struct toc_entry *e;
	size_t i, j;
	int depth;

	for (i = h + 1; i <= last && b->ntoc < TOC_MAX_ENTRIES; i++) {
		line_words(b, i, &l, &w);
		if (l.cls == LC_BLANK || w.noff == w.off || w.noff >= w.end)
			continue;
		depth = 1;
		for (j = w.off; j < w.noff; j++)
			if (b->s[j] == '.' && j + 1 < w.noff &&
			    b->s[j + 1] != ' ')
				depth++;
		if (b->ntoc == b->toc_cap) {
			b->toc_cap = b->toc_cap ? b->toc_cap * 2 : 32;
			b->toc = xreallocarray(b->toc, b->toc_cap,
			    sizeof *b->toc);
		}
		e = &b->toc[b->ntoc++];
		e->off = w.noff;
		e->end = w.end;
		e->depth = depth > MAX_LEVEL ? MAX_LEVEL : depth;
	}
}

/*
 * Pass 3, after the levels: a heading with no number of its own that a
 * numbered table of contents lists takes the depth of its number there
 * as its level.
 */
void
doc_toc_levels(struct build *b)
{
	struct doc *d = b->d;
	size_t i, k, off, end;

	for (i = 0; i < d->nblocks && b->ntoc > 0; i++) {
		if (b->bi[i].kind != BLOCK_HEADING || b->bi[i].fam != FAM_PLAIN)
			continue;
		block_text(&d->blocks[i], &off, &end);
		for (k = 0; k < b->ntoc; k++)
			if (same(b->s, off, end, b->toc[k].off,
			    b->toc[k].end)) {
				d->blocks[i].level =
				    (unsigned char)b->toc[k].depth;
				break;
			}
	}
}

/*
 * Makes block h and the blocks up to line last one table of contents,
 * if they hold its second entry (line second) at least.
 */
static int
toc_merge(struct build *b, size_t h, size_t last, size_t second)
{
	struct doc *d = b->d;
	size_t lend = doc_line_end(d->buf, last), j = h + 1;

	while (j < d->nblocks && d->blocks[j].end <= lend)
		j++;
	/* A block that runs past the table ends it before that block. */
	if (d->blocks[j - 1].end > lend ||
	    d->blocks[j - 1].end < doc_line_end(d->buf, second))
		return 0;
	if ((ssize_t)h == d->title_block) {
		/* "Contents" on top names no document. */
		d->title_block = -1;
		b->title_line = -1;
		b->nsuf = 0;
		b->title_seen = 0;
	}
	d->blocks[h].end = d->blocks[j - 1].end;
	d->blocks[h].flags = 0;
	d->blocks[h].level = 0;
	d->blocks[h].head = d->blocks[h].tlen = 0;
	doc_set_kind(b, h, BLOCK_TOC);
	b->bi[h].cls = LC_TEXT;
	b->bi[h].fam = FAM_NONE;
	b->bi[h].flags &= (unsigned char)~(LF_SINGLE | LF_RUNIN);
	b->bi[h].flags |= b->bi[j - 1].flags & LF_BLANK_AFTER;
	for (h++; h < j; h++)
		b->bi[h].kind = SWALLOWED;
	return 1;
}

/* Closes up the arrays over the swallowed blocks. */
static void
compact(struct build *b)
{
	struct doc *d = b->d;
	size_t i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		if (b->bi[i].kind == SWALLOWED)
			continue;
		if ((ssize_t)i == d->title_block)
			d->title_block = (ssize_t)n;
		if ((ssize_t)i == b->title_more)
			b->title_more = (ssize_t)n;
		d->blocks[n] = d->blocks[i];
		b->bi[n] = b->bi[i];
		n++;
	}
	d->nblocks = n;
}

/*
 * Tells whether the block s[off..bend) starts with a line that names a
 * table of contents.  Only the block's first line and the first 64
 * bytes after its indentation are read, so that the answer for the
 * line alone (doc_toc_note()) is the answer for any block it starts.
 */
static int
names_toc(const char *s, size_t off, size_t bend)
{
	const char *nl;
	size_t end;

	while (space_at(s + off, bend - off) > 0 && off < bend)
		off += space_at(s + off, bend - off);
	/* Every name starts with 目 (0xe7), C or T, maybe indented. */
	if (off == bend || ((unsigned char)s[off] != 0xe7 && s[off] != 'C' &&
	    s[off] != 'T'))
		return 0;
	end = bend - off < 64 ? bend : off + 64;
	nl = memchr(s + off, '\n', end - off);
	if (nl != NULL)
		end = (size_t)(nl - s);
	else if (end < bend)
		return 0;
	doc_lex_trim(s, &off, &end);
	return toc_title(s + off, end - off);
}

void
doc_toc_find(struct build *b)
{
	struct doc *d = b->d;
	size_t i, h, last, second = 0;
	int any = 0;

	for (i = 0; i < d->nblocks; i++) {
		if (b->bi[i].kind == BLOCK_CODE || b->bi[i].kind == SWALLOWED ||
		    b->bi[i].kind == BLOCK_BOILERPLATE)
			continue;
		/* Pass 2 noted the blocks that start so, as few do. */
		if (!(b->bi[i].note & NOTE_TOC) || !names_toc(b->s,
		    d->blocks[i].off, d->blocks[i].end))
			continue;
		h = buffer_line_of(d->buf, d->blocks[i].off) - 1;
		last = toc_end(b, h, &second);
		if (last > h && toc_merge(b, i, last, second)) {
			toc_entries(b, h, last);
			any = 1;
		}
	}
	if (any)
		compact(b);
}

/*
 * Tells quickly whether one of page_parts[] may start t[0..n): by its
 * first byte, and for the leads of ideographs, which start many other
 * characters, by the whole of 第 页 頁.
 */
static int
page_part_may(const char *t, size_t n)
{
	switch ((unsigned char)t[0]) {
	case ' ': case '-': case '/': case 'P': case 'p':
	case 0xe3: case 0xe2: case 0xc2:
		return 1;
	case 0xe7:
		return STARTS(t, n, "第");
	case 0xe9:
		return STARTS(t, n, "页") || STARTS(t, n, "頁");
	}
	return 0;
}

/* Tells whether the trimmed line t[0..n) shows only a page number. */
static int
page_number(const char *t, size_t n)
{
	size_t i = 0, len;
	int digits = 0;
	const char *const *p;

	if (n == 0 || n > 40)
		return 0;
	while (i < n) {
		if (lex_digit(t, n, i, &len) >= 0) {
			i += len;
			digits++;
			continue;
		}
		if (!page_part_may(t + i, n - i))
			return 0;
		for (p = page_parts; *p != NULL; p++)
			if (doc_lex_starts(t + i, n - i, *p))
				break;
		if (*p == NULL)
			return 0;
		i += strlen(*p);
	}
	return digits >= 1 && digits <= 6;
}

/*
 * Tells quickly whether a block whose lead byte is c may be a page
 * number: c is one that starts one (a digit, a dash, 第, P, a
 * full-width digit, a middle dot).
 */
static int
page_lead(unsigned char c)
{
	switch (c) {
	case '0': case '1': case '2': case '3': case '4': case '5':
	case '6': case '7': case '8': case '9': case '-': case 'P':
	case 'p': case 0xe2: case 0xe7: case 0xef: case 0xc2:
		return 1;
	}
	return 0;
}

/*
 * Tells whether the page number t[0..n) says it is one: 第…页, Page, a
 * slash (12/300), or dashes on both sides (- 12 -, — 12 —).  A bare
 * number may be a section's, and is page furniture only between the
 * halves of a sentence.
 */
static int
page_decorated(const char *t, size_t n)
{
	static const char *const says[] = { "页", "頁", "Page", "page", "/",
	    NULL };
	static const char *const dashes[] = { "-", "\xe2\x80\x94",
	    "\xe2\x80\x93", NULL };

	return doc_lex_contains_any(t, n, says) ||
	    (doc_lex_starts_any(t, n, dashes) && ends_with(t, n, dashes) > 0);
}

/* What a block between two halves is. */
enum middle {
	MID_NONE,	/* none: no halves here */
	MID_BREAK,	/* a page break or a page number */
	MID_HEADER	/* a short line, a running header if repeated */
};

/* Most blocks are longer than any header (bytes). */
#define MIDDLE_MAX_BYTES	(4 * HEADER_MAX_COLS)

/* What the text s[off..end) of a paragraph would be as a middle block. */
static enum middle
middle_text(const char *s, size_t off, size_t end)
{
	doc_lex_trim(s, &off, &end);
	if (off == end)
		return MID_NONE;
	if (page_lead((unsigned char)s[off]) && page_number(s + off,
	    end - off))
		return MID_BREAK;
	if (doc_lex_line_end(s + off, end - off) == END_NONE &&
	    doc_lex_cols(s + off, end - off) <= HEADER_MAX_COLS)
		return MID_HEADER;
	return MID_NONE;
}

static enum middle
middle_kind(const struct build *b, size_t i)
{
	const struct block *k = &b->d->blocks[i];

	if (!(b->bi[i].flags & LF_SINGLE))
		return MID_NONE;
	if (b->bi[i].kind == BLOCK_BOILERPLATE)
		return MID_BREAK;
	/* Bytes first, then the shape pass 2 noted. */
	if (b->bi[i].kind != BLOCK_PARAGRAPH || k->end - k->off >
	    MIDDLE_MAX_BYTES)
		return MID_NONE;
	if (b->bi[i].note & NOTE_MID)
		return (enum middle)(((b->bi[i].note & NOTE_MID) >>
		    NOTE_MID_SHIFT) - 1);
	return middle_text(b->s, k->off, k->end);
}

/* Tells whether block i is a paragraph that stops mid-sentence. */
static int
first_half(const struct build *b, size_t i)
{
	const struct block *k = &b->d->blocks[i];
	const char *nl;
	size_t off, end = k->end;
	enum lend e;

	if (b->bi[i].kind != BLOCK_PARAGRAPH && b->bi[i].kind !=
	    BLOCK_LIST_ITEM)
		return 0;
	/* Pass 2 noted how the last line ends, mostly. */
	if (b->bi[i].tail != 0)
		e = (enum lend)(b->bi[i].tail - 1);
	else {
		nl = memrchr(b->s + k->off, '\n', k->end - k->off);
		off = nl != NULL ? (size_t)(nl - b->s) + 1 : k->off;
		doc_lex_trim(b->s, &off, &end);
		if (off == end)
			return 0;
		e = doc_lex_line_end(b->s + off, end - off);
	}
	/*
	 * A short line alone may be a heading ("前言" at the foot of a
	 * page): a clause before it (a comma) says it is a sentence.
	 */
	if (e == END_NONE && b->bi[i].cls == LC_SHORT &&
	    (b->bi[i].flags & LF_SINGLE) && !doc_lex_contains(b->s + k->off,
	    k->end - k->off, "，") && !doc_lex_contains(b->s + k->off,
	    k->end - k->off, ", "))
		return 0;
	return e == END_NONE || e == END_CONT;
}

/* Tells whether block i may go on with a sentence: unindented text. */
static int
second_half(const struct build *b, size_t i)
{
	return b->bi[i].kind == BLOCK_PARAGRAPH &&
	    !(b->bi[i].note & NOTE_INDENT);
}

/* A running header candidate: block i, its trimmed text. */
struct hcand {
	const char *t;
	size_t n, i;
	int dup;
};

static int
hcand_cmp(const void *x, const void *y)
{
	const struct hcand *a = x, *c = y;
	size_t n = a->n < c->n ? a->n : c->n;
	int r = memcmp(a->t, c->t, n);

	if (r != 0)
		return r;
	return a->n < c->n ? -1 : a->n > c->n;
}

static int
hcand_idx(const void *x, const void *y)
{
	const struct hcand *a = x, *c = y;

	return a->i < c->i ? -1 : a->i > c->i;
}

/*
 * The middle of halves that starts at block i + 1: returns how many
 * blocks it has (0 when block i is no first half or none follow), and
 * adds its short lines to the candidates when cands is not NULL.
 */
static size_t
middle_at(const struct build *b, size_t i, struct hcand **cands, size_t *nc,
    size_t *cap)
{
	const struct doc *d = b->d;
	size_t j, m;
	enum middle k;

	/*
	 * The next block is looked at first: it is rarely furniture.  The
	 * evidence of pass 2 answers all but first_half(), which may read
	 * the text: it comes last.
	 */
	if (i + 1 >= d->nblocks || middle_kind(b, i + 1) == MID_NONE)
		return 0;
	for (j = i + 1; j < d->nblocks && j <= i + MAX_MIDDLE; j++)
		if ((k = middle_kind(b, j)) == MID_NONE)
			break;
	if (j == i + 1 || j >= d->nblocks || !second_half(b, j) ||
	    !first_half(b, i))
		return 0;
	m = j - i - 1;
	for (j = i + 1; cands != NULL && j <= i + m; j++) {
		size_t off = d->blocks[j].off, end = d->blocks[j].end;

		/* Each line once: the middles of neighbouring first halves
		 * overlap, and a line met twice is no repeated header. */
		if (middle_kind(b, j) != MID_HEADER || (*nc > 0 &&
		    (*cands)[*nc - 1].i >= j))
			continue;
		doc_lex_trim(b->s, &off, &end);
		if (*nc == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*cands = xreallocarray(*cands, *cap, sizeof **cands);
		}
		(*cands)[*nc].t = b->s + off;
		(*cands)[*nc].n = end - off;
		(*cands)[*nc].i = j;
		(*cands)[*nc].dup = 0;
		(*nc)++;
	}
	return m;
}

/*
 * Tells whether block i is page furniture that ends a page: a page
 * break line ("----- Page 12 -----", a form feed) or a page number.
 */
static int
page_end(const struct build *b, size_t i)
{
	const struct block *k = &b->d->blocks[i];

	if (b->bi[i].kind != BLOCK_BOILERPLATE || !(b->bi[i].flags &
	    LF_SINGLE) || k->end - k->off > PAGE_END_MAX_BYTES)
		return 0;
	return (b->bi[i].note & NOTE_PAGE_END) != 0;
}

/* Tells whether the text s[off..end) of a block is a page-end line. */
static int
page_end_text(const char *s, size_t off, size_t end)
{
	doc_lex_trim(s, &off, &end);
	return off < end && (s[off] == '\f' || page_number(s + off,
	    end - off) || (s[off] == '-' && (doc_lex_contains(s + off,
	    end - off, "Page") || doc_lex_contains(s + off, end - off,
	    "page"))));
}

/*
 * A heading is kept with the text after it, never set as the last line
 * of a page: a short line right before a page break is a line of the
 * text (dialogue, a name), not a heading that only its shape or its
 * indentation would make one.  Numbered headings are left alone.
 */
static void
not_before_break(struct build *b)
{
	struct binfo *bi = b->bi;
	size_t i;

	for (i = 0; i + 1 < b->d->nblocks; i++) {
		if (!page_end(b, i + 1))
			continue;
		if (bi[i].kind == BLOCK_HEADING && bi[i].fam >= FAM_IND1 &&
		    bi[i].fam <= FAM_IND4) {
			doc_set_kind(b, i, BLOCK_PARAGRAPH);
			bi[i].fam = FAM_NONE;
			bi[i].cls = LC_TEXT;
		} else if (bi[i].kind == BLOCK_PARAGRAPH &&
		    bi[i].cls == LC_SHORT)
			bi[i].cls = LC_TEXT;
	}
}

/* Halves of a sentence: the first at block i, m blocks between. */
struct halves {
	size_t i, m;
};

void
doc_toc_page_joins(struct build *b)
{
	struct doc *d = b->d;
	struct hcand *c = NULL, key, *hit;
	struct halves *h = NULL;
	size_t i, j, m, nc = 0, cap = 0, nh = 0, hcap = 0, done = 0;
	int ok;

	/*
	 * Page numbers that say so are furniture wherever they stand (pass
	 * 2 noted the lines that are).
	 */
	for (i = 0; i < d->nblocks; i++) {
		if ((b->bi[i].kind != BLOCK_PARAGRAPH && b->bi[i].kind !=
		    BLOCK_LIST_ITEM) || !(b->bi[i].flags & LF_SINGLE) ||
		    d->blocks[i].end - d->blocks[i].off > PAGE_NO_MAX_BYTES)
			continue;
		if (b->bi[i].note & NOTE_PAGE_NO) {
			doc_set_kind(b, i, BLOCK_BOILERPLATE);
			b->bi[i].cls = LC_BOILER;
			b->bi[i].fam = FAM_NONE;
		}
	}
	/*
	 * The halves, and the short lines between them: a running header
	 * is one that stands so more than once.
	 */
	for (i = 0; i + 2 < d->nblocks; i++) {
		if ((m = middle_at(b, i, &c, &nc, &cap)) == 0)
			continue;
		if (nh == hcap) {
			hcap = hcap ? hcap * 2 : 16;
			h = xreallocarray(h, hcap, sizeof *h);
		}
		h[nh].i = i;
		h[nh++].m = m;
	}
	if (nc > 1) {
		qsort(c, nc, sizeof *c, hcand_cmp);
		for (i = 0; i + 1 < nc; i++)
			if (hcand_cmp(&c[i], &c[i + 1]) == 0)
				c[i].dup = c[i + 1].dup = 1;
		qsort(c, nc, sizeof *c, hcand_idx);
	}
	for (j = 0; j < nh; j++) {
		i = h[j].i;
		m = h[j].m;
		if (i < done)
			continue;
		ok = 1;
		for (key.i = i + 1; key.i <= i + m && ok; key.i++) {
			if (middle_kind(b, key.i) != MID_HEADER)
				continue;
			hit = nc > 0 ? bsearch(&key, c, nc, sizeof *c,
			    hcand_idx) : NULL;
			ok = hit != NULL && hit->dup;
		}
		if (!ok)
			continue;
		for (key.i = i + 1; key.i <= i + m; key.i++) {
			doc_set_kind(b, key.i, BLOCK_BOILERPLATE);
			b->bi[key.i].cls = LC_BOILER;
			b->bi[key.i].fam = FAM_NONE;
		}
		d->blocks[i + m + 1].flags |= BLOCK_JOINED;
		b->bi[i + m + 1].cls = LC_TEXT;
		done = i + m + 1;
	}
	free(c);
	free(h);
	not_before_break(b);
}

/*
 * Notes what the quick tests of this file ask of block i (binfo.note),
 * while its line is in the cache: that it names a table of contents, is
 * a page number or a page-end line, is indented, and its shape as a
 * middle block.  Only the first line's bytes decide, or a block of one
 * line: the notes are read of such blocks only.
 */
void
doc_toc_note(struct build *b, size_t i)
{
	const struct block *k = &b->d->blocks[i];
	const char *s = b->s + k->off;
	size_t n = k->end - k->off, off = k->off, end = k->end, j;
	unsigned char note = 0;

	if (space_at(s, n) > 0)
		note |= NOTE_INDENT;
	while ((j = space_at(s, n)) > 0) {
		s += j;
		n -= j;
	}
	if (names_toc(b->s, k->off, k->end))
		note |= NOTE_TOC;
	if (k->end - k->off <= PAGE_NO_MAX_BYTES && n > 0 &&
	    page_lead((unsigned char)s[0])) {
		doc_lex_trim(b->s, &off, &end);
		if (page_number(b->s + off, end - off) &&
		    page_decorated(b->s + off, end - off))
			note |= NOTE_PAGE_NO;
	}
	if (k->end - k->off <= PAGE_END_MAX_BYTES &&
	    page_end_text(b->s, k->off, k->end))
		note |= NOTE_PAGE_END;
	if (k->end - k->off <= MIDDLE_MAX_BYTES)
		note |= (unsigned char)((middle_text(b->s, k->off, k->end) +
		    1) << NOTE_MID_SHIFT);
	b->bi[i].note = note;
}
