/*
 * layout.c - the document wrapped into display lines, lazily.
 *
 * The unit of layout is a piece: a source line of a block (the bytes
 * between two '\n'), or, when the source line is longer than the piece
 * size, a part of it that starts at a restart point.  Restart points depend
 * only on the line's start and the piece size, so any piece can be laid
 * out on its own, anywhere in the document, without laying out what comes
 * before it: that is what keeps layout_line_at() in a 50 MB paragraph as
 * cheap as in a short one.  A restart point is the first place at or after
 * a multiple of the piece size (within RESTART_SCAN bytes) where a line may
 * well break: after a space, or between two ideographs; failing that, the
 * first grapheme cluster boundary.  A display line ends at every restart
 * point, so a very long paragraph has one short line every 32 KB: the price
 * of never having to lay out the whole paragraph.
 *
 * A laid-out piece is an array of lines {off, end, next, width, plain};
 * pieces live in a small cache (CACHE_SIZE entries, the least recently used
 * is replaced), so scrolling re-uses them and memory stays bounded whatever
 * the document.  layout_next() walks on from the piece, block or blank line
 * it returned last without searching any index, so a whole document is
 * walked in time proportional to its size.
 *
 * Breaking is greedy, first fit.  The break opportunities of UAX #14 come
 * from layout_breaks() (layout-lbrk.c: u8_possible_linebreaks(), faster),
 * which keeps closing punctuation off the start of a line and opening
 * punctuation off its end; kinsoku_ok() adds the cases UAX #14 allows
 * (after spaces, around quotes, after U+200B).  A line takes as many
 * grapheme clusters as fit and breaks at the last acceptable opportunity.
 * Spaces before a break hang past the margin and are dropped.  A token with
 * no opportunity that does not fit is split between grapheme clusters,
 * moving the split back a few clusters when it would put closing
 * punctuation at the start of the next line or opening punctuation at the
 * end of this one.
 *
 * What is shown: a tab runs to the next multiple of 8 columns, or to the
 * margin if that comes first; a control is its visible form; a cluster
 * wider than the whole line (a wide character at width 1) is alone on its
 * line, cut to the width with '>' in its last column; a figure block is one
 * placeholder line; boilerplate blocks, and the blank lines before them, are
 * hidden unless asked for (see gap_shown).
 *
 * Invariants (test-layout checks them): a line is never wider than the
 * width; each line is a whole number of clusters; between one line's end
 * and the next line's start there are only U+0020 spaces (and the '\n' at
 * the end of a source line); no control byte is ever in a cell shown as
 * its own bytes.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "juan/layout.h"
#include "juan/util.h"
#include "layout-int.h"

#define RESTART_SCAN	1024	/* bytes searched for a good restart point */
#define BACKOFF		8	/* clusters a forced split may move back */
#define AT_LS_SCAN	4096	/* bytes searched for a short line's end */

/*
 * Kinsoku: characters that must not start a line (closing punctuation and
 * the small marks of JIS X 4051 that lean on what comes before) and that
 * must not end one.  UAX #14 knows most of them; these lists catch the
 * rest and choose where a token that must be split is split.
 */
static const uint32_t closing[] = {
	',', '.', ';', ':', '!', '?', ')', ']', '}', 0x3001, 0x3002, 0xff0c,
	0xff0e, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0xff09, 0xff3d, 0xff5d,
	0x300d, 0x300f, 0x3011, 0x300b, 0x3009, 0x3015, 0x3017, 0x3019,
	0x301b, 0x201d, 0x2019, 0x2026, 0x2025, 0x30fb, 0x30fc, 0x3005,
	0x301e, 0x301f, 0xff60, 0xff63, 0xff64, 0xff61, 0
};
static const uint32_t opening[] = {
	'(', '[', '{', 0xff08, 0xff3b, 0xff5b, 0x300c, 0x300e, 0x3010,
	0x300a, 0x3008, 0x3014, 0x3016, 0x3018, 0x301a, 0x201c, 0x2018,
	0x301d, 0xff5f, 0xff62, 0
};

static int
in_set(const uint32_t *set, uint32_t c)
{
	/* Most characters are in no set: letters, ideographs. */
	if (c >= 0x80 && !(c >= 0x2018 && c <= 0x2026) && !(c >= 0x3001 &&
	    c <= 0x301f) && !(c >= 0x30fb && c <= 0x30fc) && c < 0xff01)
		return 0;
	for (; *set != 0; set++)
		if (*set == c)
			return 1;
	return 0;
}

static uint32_t
char_at(const char *s, size_t n)
{
	uint32_t c;

	util_u8_next(s, n, &c);
	return c;
}

/* The character ending just before s + i (i > 0). */
static uint32_t
char_before(const char *s, size_t i)
{
	size_t j = i - 1;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	return char_at(s + j, i - j);
}

/* Columns of one character that is not a control. */
static int
char_width(uint32_t c, int ambiwidth)
{
	int w;

	if (c < 0xa0)
		return 1;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff01 && c <= 0xff60) ||
	    (c >= 0x3000 && c <= 0x3029))
		return 2;
	w = uc_width(c, ambiwidth == 2 ? "GBK" : "UTF-8");
	return w;
}

/*
 * Writes the visible form of a character that must not reach the terminal
 * and returns its length, or returns 0: util_ctl_repr's list, and the line
 * and paragraph separators, which some terminals treat as line ends.
 */
static int
ctl_repr(uint32_t c, char out[12])
{
	int n;

	if ((n = util_ctl_repr(c, out)) > 0)
		return n;
	if (c == 0x2028 || c == 0x2029)
		return snprintf(out, 12, "<U+%04X>", (unsigned)c);
	return 0;
}

/*
 * Tells whether c is a wide character that neither extends a cluster nor
 * is extended by one: the common CJK ideographs, kana, Hangul syllables,
 * CJK punctuation and fullwidth forms.  The fast paths rely on it.
 */
static inline int
fast_wide(uint32_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) ||
	    (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a0 && c <= 0x30ff) ||
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7a3) ||
	    (c >= 0xff01 && c <= 0xff60);
}

/* Decodes a three-byte sequence at u (lead 0xe0-0xef), or gives 0. */
static inline uint32_t
dec3(const unsigned char *u)
{
	if ((u[1] & 0xc0) != 0x80 || (u[2] & 0xc0) != 0x80)
		return 0;
	return ((uint32_t)(u[0] & 0x0f) << 12) | ((uint32_t)(u[1] & 0x3f) <<
	    6) | (uint32_t)(u[2] & 0x3f);
}

/* Tells whether the character at u (n > 0 bytes) surely starts a cluster. */
static inline int
fast_start(const unsigned char *u, size_t n)
{
	return u[0] < 0x80 || (u[0] >= 0xe3 && u[0] <= 0xef && n >= 3 &&
	    fast_wide(dec3(u)));
}

/* Tells whether a grapheme cluster surely ends between a and b. */
static int
simple_break(uint32_t a, uint32_t b)
{
	if (!(a < 0x600 || (a >= 0x2e80 && a <= 0x9fff && !(a >= 0x302a &&
	    a <= 0x302f))))
		return 0;
	return b < 0x300 || (b >= 0x3400 && b <= 0x9fff && !(b >= 0x3099 &&
	    b <= 0x309a) && !(b >= 0x302a && b <= 0x302f)) ||
	    (b >= 0xff01 && b <= 0xff60);
}

/*
 * The end of the grapheme cluster at s[q] (q < end), by UAX #29 with the
 * emoji ZWJ and regional indicator rules, which u8_grapheme_next() leaves
 * out.  A cluster never takes a control in: that is shown on its own.
 */
static size_t
clus_end(const char *s, size_t q, size_t end)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t e, i;
	uint32_t first, c, last;
	int k, k0, pict;

	k0 = util_u8_next(s + q, end - q, &first);
	if (q + (size_t)k0 >= end)
		return end;
	if (simple_break(first, char_at(s + q + k0, end - q - k0)))
		return q + (size_t)k0;
	e = (size_t)(u8_grapheme_next(u + q, u + end) - u);
	if (first >= 0x1f1e6 && first <= 0x1f1ff && e == q + 4 &&
	    e + 4 <= end) {
		c = char_at(s + e, end - e);
		if (c >= 0x1f1e6 && c <= 0x1f1ff) {
			e += 4;
			while (e < end && !uc_is_grapheme_break(c,
			    char_at(s + e, end - e))) {
				k = util_u8_next(s + e, end - e, &c);
				e += (size_t)k;
			}
		}
	}
	pict = uc_is_property_extended_pictographic(first);
	while (pict && e < end) {
		last = char_before(s, e);
		c = char_at(s + e, end - e);
		if (last != 0x200d || !uc_is_property_extended_pictographic(c))
			break;
		e = (size_t)(u8_grapheme_next(u + e, u + end) - u);
	}
	/* Cut before any control the rules let in. */
	for (i = q + (size_t)k0; i < e; i += (size_t)k) {
		char rep[12];

		k = util_u8_next(s + i, e - i, &c);
		if (ctl_repr(c, rep) > 0)
			return i;
	}
	return e;
}

/*
 * Measures the cluster at s[q] (q < end) shown at column col of a line of
 * the given width.
 */
void
layout_clus_at(const struct layout_opts *o, const char *s, size_t q, size_t end,
    int col, struct clus *cl)
{
	unsigned char b = (unsigned char)s[q];
	uint32_t c, d;
	size_t i;
	int k, w;

	cl->repl[0] = '\0';
	cl->space = 0;
	if (b >= 0x20 && b < 0x7f && (q + 1 == end ||
	    fast_start((const unsigned char *)s + q + 1, end - q - 1))) {
		cl->len = 1;
		cl->width = 1;
		cl->space = b == ' ';
		return;
	}
	if (b >= 0xe3 && b <= 0xef && q + 3 <= end &&
	    fast_wide(dec3((const unsigned char *)s + q)) && (q + 3 == end ||
	    fast_start((const unsigned char *)s + q + 3, end - q - 3))) {
		cl->len = 3;
		cl->width = 2;
		return;
	}
	if (b == '\t') {
		cl->len = 1;
		w = 8 - col % 8;
		if (col < o->width && w > o->width - col)
			w = o->width - col;
		cl->width = col < o->width ? w : 8;
		memset(cl->repl, ' ', (size_t)cl->width < sizeof cl->repl ?
		    (size_t)cl->width : sizeof cl->repl - 1);
		cl->repl[cl->width < 12 ? cl->width : 11] = '\0';
		return;
	}
	k = util_u8_next(s + q, end - q, &c);
	if ((w = ctl_repr(c, cl->repl)) > 0) {
		cl->len = (size_t)k;
		cl->width = w;
		return;
	}
	cl->len = clus_end(s, q, end) - q;
	cl->space = b == ' ' && cl->len == 1;
	w = char_width(c, o->ambiwidth);
	if (cl->len > (size_t)k) {
		/* Emoji presentation and flags take two columns. */
		for (i = q + (size_t)k; i < q + cl->len; i += (size_t)k) {
			k = util_u8_next(s + i, q + cl->len - i, &d);
			if (d == 0xfe0f || (d >= 0x1f1e6 && d <= 0x1f1ff &&
			    c >= 0x1f1e6 && c <= 0x1f1ff))
				w = 2;
		}
	}
	cl->width = w;
}

/*
 * A cluster wider than the whole line is shown cut: its visible form (or
 * spaces for a wide character) up to width - 1 columns, then '>'.
 */
void
layout_clus_clip(struct clus *cl, int width)
{
	int i = width - 1;

	if (cl->repl[0] == '\0')
		memset(cl->repl, ' ', (size_t)i);
	cl->repl[i] = '>';
	cl->repl[i + 1] = '\0';
	cl->width = width;
}

static struct lline *
piece_push(struct lpiece *pc)
{
	if (pc->nlines == pc->cap) {
		pc->cap = pc->cap ? pc->cap * 2 : 16;
		pc->lines = xreallocarray(pc->lines, pc->cap,
		    sizeof *pc->lines);
	}
	return &pc->lines[pc->nlines++];
}

/*
 * Forced split at cluster q of the line starting at p: moves back over at
 * most BACKOFF recent clusters (ring of their starts and columns) while the
 * split would start a line with closing or end one with opening punctuation.
 */
static size_t
split_back(const char *s, size_t p, size_t q, size_t pe, const size_t *rpos,
    const int *rcol, int nring, int *col)
{
	size_t r = q;
	int i = nring;	/* the ring entry tried next is i - 1 */

	for (;;) {
		if (!in_set(closing, char_at(s + r, pe - r)) &&
		    !in_set(opening, char_before(s, r)))
			return r;
		i--;
		if (i < 0 || nring - i > BACKOFF || rpos[i % BACKOFF] <= p)
			return 0;
		r = rpos[i % BACKOFF];
		*col = rcol[i % BACKOFF];
	}
}

/*
 * UAX #14 allows a break after an opening quote followed by a space, and
 * treats some CJK marks (“ ” ・) as ambiguous; CJK typesetting does not
 * break there.  Tells
 * whether a line may end at e (spaces dropped) and the next start at q.
 */
static int
kinsoku_ok(const char *s, size_t e, size_t q, size_t pe)
{
	const unsigned char *u = (const unsigned char *)s;

	/*
	 * Without spaces UAX #14 already keeps the marks in place, except
	 * around the quotation marks U+2018-U+201D, before the ellipses
	 * U+2025 and U+2026, and after U+200B, which allows a break anywhere.
	 */
	if (e == q && !(e >= 3 && u[e - 3] == 0xe2 && u[e - 2] == 0x80 &&
	    (u[e - 1] == 0x8b || (u[e - 1] >= 0x98 && u[e - 1] <= 0x9d))) &&
	    !(q + 2 < pe && u[q] == 0xe2 && u[q + 1] == 0x80 &&
	    ((u[q + 2] >= 0x98 && u[q + 2] <= 0x9d) || u[q + 2] == 0xa5 ||
	    u[q + 2] == 0xa6)))
		return 1;
	return !in_set(opening, char_before(s, e)) &&
	    !in_set(closing, char_at(s + q, pe - q));
}

/* Breaks the piece [ps, pe) of s into lines; see layout-int.h. */
void
layout_piece_break(struct layout *l, const struct layout_opts *o,
    const char *s, size_t ps, size_t pe, struct lpiece *pc)
{
	const int width = o->width;
	size_t n = pe - ps, p, q, endns, cand_b, cand_e, r, e;
	size_t rpos[BACKOFF];	/* starts of recent non-space clusters */
	int rcol[BACKOFF];	/* the column before each of them */
	int nring;		/* clusters pushed to the ring */
	int col, colns, cand_w, rc, plain;
	unsigned char b;
	char *mb;
	struct clus cl;
	struct lline *ln;

	if (n > l->brkcap) {
		l->brkcap = n + n / 2;
		free(l->brk);
		l->brk = xmalloc(l->brkcap);
	}
	if (n > 0)
		layout_breaks(s + ps, n, l->brk);
	/*
	 * A line separator, form feed or NEL is a mandatory break in UAX #14
	 * and libunistring then allows no break soon after it; here it is
	 * shown as a visible control inside the line, and the place after it
	 * is simply a break opportunity.
	 */
	for (r = 0; n > 0 && (mb = memchr(l->brk + r, UC_BREAK_MANDATORY,
	    n - r)) != NULL; r = (size_t)(mb - l->brk) + 1) {
		e = (size_t)(mb - l->brk) + 1;
		while (e < n && (((unsigned char)s[ps + e] & 0xc0) == 0x80 ||
		    s[ps + e] == ' '))
			e++;
		l->brk[mb - l->brk] = UC_BREAK_PROHIBITED;
		if (e < n && !in_set(closing, char_at(s + ps + e, n - e)))
			l->brk[e] = UC_BREAK_POSSIBLE;
	}
	p = ps;
	do {
		ln = piece_push(pc);
		ln->off = p;
		q = endns = p;
		col = colns = 0;
		cand_b = 0;
		cand_e = p;
		cand_w = 0;
		nring = 0;
		plain = 1;
		for (;;) {
			if (q >= pe) {
				ln->end = endns;
				ln->width = colns;
				ln->next = pe;
				break;
			}
			if (q > p && endns > p && (l->brk[q - ps] ==
			    UC_BREAK_POSSIBLE || l->brk[q - ps] ==
			    UC_BREAK_HYPHENATION) && kinsoku_ok(s, endns, q,
			    pe)) {
				cand_b = q;
				cand_e = endns;
				cand_w = colns;
			}
			/* Inline fast paths: ASCII, then common CJK. */
			b = (unsigned char)s[q];
			if (b >= 0x20 && b < 0x7f && (q + 1 == pe ||
			    (unsigned char)s[q + 1] < 0x80)) {
				cl.len = 1;
				cl.width = 1;
				cl.space = b == ' ';
				cl.repl[0] = '\0';
			} else if (b >= 0xe3 && b <= 0xef && q + 3 <= pe &&
			    fast_wide(dec3((const unsigned char *)s + q)) &&
			    (q + 3 == pe || fast_start((const unsigned char *)
			    s + q + 3, pe - q - 3))) {
				cl.len = 3;
				cl.width = 2;
				cl.space = 0;
				cl.repl[0] = '\0';
			} else
				layout_clus_at(o, s, q, pe, col, &cl);
			if (cl.space) {
				q++;
				col++;
				continue;
			}
			if (col + cl.width > width) {
				if (q == p) {
					/* Alone and still too wide. */
					plain = 0;
					ln->end = q + cl.len;
					ln->width = width;
					ln->next = q + cl.len;
					/* Spaces after it hang and drop. */
					while (ln->next < pe &&
					    s[ln->next] == ' ' &&
					    clus_end(s, ln->next, pe) ==
					    ln->next + 1)
						ln->next++;
				} else if (cand_b > p) {
					ln->end = cand_e;
					ln->width = cand_w;
					ln->next = cand_b;
				} else {
					/* No opportunity: split the token. */
					rc = col;
					r = split_back(s, p, q, pe, rpos, rcol,
					    nring, &rc);
					if (r == 0) {
						r = q;
						rc = col;
					}
					for (e = r; e > p && s[e - 1] == ' ';
					    e--)
						rc--;
					ln->end = e;
					ln->width = rc;
					ln->next = r;
				}
				break;
			}
			if (cl.repl[0] != '\0')
				plain = 0;
			rpos[nring % BACKOFF] = q;
			rcol[nring % BACKOFF] = col;
			nring++;
			col += cl.width;
			q += cl.len;
			colns = col;
			endns = q;
		}
		ln->plain = plain;
		p = ln->next;
	} while (p < pe);
}

/* Lays out the piece [ps, pe) of the buffer into pc. */
static void
piece_layout(struct layout *l, size_t ps, size_t pe, struct lpiece *pc)
{
	pc->off = ps;
	pc->end = pe;
	pc->nlines = 0;
	layout_piece_break(l, &l->o, l->doc->buf->data, ps, pe, pc);
}

/* Drops every cached piece. */
static void
cache_clear(struct layout *l)
{
	size_t i;

	for (i = 0; i < CACHE_SIZE; i++)
		l->cache[i].used = 0;
	l->hint = NULL;
}

/*
 * The laid-out piece [ps, pe) of the source line [ls, le), from the cache
 * or made now.
 */
static struct lpiece *
piece_get(struct layout *l, size_t ls, size_t le, size_t ps, size_t pe)
{
	struct lpiece *pc, *old = &l->cache[0];
	size_t i;

	l->clock++;
	for (i = 0; i < CACHE_SIZE; i++) {
		pc = &l->cache[i];
		if (pc->used != 0 && pc->off == ps && pc->end == pe) {
			pc->used = l->clock;
			return pc;
		}
		if (pc->used < old->used)
			old = pc;
	}
	if (l->hint == old)
		l->hint = NULL;
	if (l->md != NULL)
		layout_md_piece(l, ls, le, ps, pe, old);
	else
		piece_layout(l, ps, pe, old);
	old->used = l->clock;
	return old;
}

/*
 * The restart point for a piece boundary wanted at x inside the source
 * line [ls, le): see the comment at the top of the file.  It is at most
 * 4 * RESTART_SCAN bytes after x.
 */
static size_t
restart_at(const char *s, size_t x, size_t le)
{
	size_t i, lim, k;
	uint32_t a, b;

	while (x < le && ((unsigned char)s[x] & 0xc0) == 0x80)
		x++;
	lim = x + RESTART_SCAN < le ? x + RESTART_SCAN : le;
	for (i = x; i < lim; i += k) {
		a = char_before(s, i);
		k = (size_t)util_u8_next(s + i, le - i, &b);
		if ((a == ' ' && b != ' ' && uc_is_grapheme_break(a, b)) ||
		    (uc_is_property_ideographic(a) &&
		    uc_is_property_ideographic(b)))
			return i;
	}
	lim = x + 4 * RESTART_SCAN < le ? x + 4 * RESTART_SCAN : le;
	for (i = x; i < lim; i += k) {
		a = char_before(s, i);
		k = (size_t)util_u8_next(s + i, le - i, &b);
		if (uc_is_grapheme_break(a, b) && a != 0x200d &&
		    !(b >= 0x1f1e6 && b <= 0x1f1ff) &&
		    !(a >= 0x1f1e6 && a <= 0x1f1ff))
			return i;
	}
	/*
	 * Only a hostile text has a grapheme cluster of kilobytes (a letter
	 * under thousands of combining marks): it is cut here rather than
	 * searched to its end every time a piece is wanted.
	 */
	return lim < le ? x : le;
}

static int
block_hidden(struct layout *l, size_t b)
{
	return (!l->o.show_boilerplate &&
	    l->doc->blocks[b].kind == BLOCK_BOILERPLATE) ||
	    (l->md != NULL && layout_md_block_hidden(l, b));
}

static enum dline_kind
block_dkind(enum block_kind k)
{
	switch (k) {
	case BLOCK_TITLE:
		return DLINE_TITLE;
	case BLOCK_HEADING:
		return DLINE_HEADING;
	case BLOCK_FIGURE:
		return DLINE_FIGURE;
	case BLOCK_CAPTION:
		return DLINE_CAPTION;
	case BLOCK_BOILERPLATE:
		return DLINE_BOILERPLATE;
	default:
		return DLINE_TEXT;
	}
}

/*
 * The end of source line sl (its '\n', or the buffer's end) from the line
 * index alone: buffer_line_end() searches the last line for a '\n', which
 * costs a whole 50 MB line every time.
 */
static size_t
line_end(const struct buffer *buf, size_t sl)
{
	return sl < buf->nlines ? buffer_line_start(buf, sl) - 1 : buf->len;
}

/*
 * Fills *dl for byte x of shown block b.  Lays out the piece holding x,
 * or uses the hint when the caller knows it.
 */
static void
block_line(struct layout *l, size_t b, size_t x, int at_ls, struct dline *dl)
{
	const struct buffer *buf = l->doc->buf;
	const struct block *bk = &l->doc->blocks[b];
	size_t sl, ls, le, k, ps, pe, lo, hi, mid;
	const char *nl;
	struct lpiece *pc;
	int w;

	/* A run-in heading is shown as the paragraph it opens. */
	dl->kind = (bk->flags & BLOCK_RUN_IN) ? DLINE_TEXT :
	    block_dkind(bk->kind);
	dl->level = bk->kind == BLOCK_HEADING || bk->kind == BLOCK_TITLE ?
	    bk->level : 0;
	dl->block = b;
	dl->plain = 0;
	if (bk->kind == BLOCK_FIGURE && l->md == NULL) {
		dl->off = bk->off;
		dl->end = bk->end;
		dl->next = bk->end < buf->len ? bk->end + 1 : buf->len;
		layout_fig_cells(l, b, &l->fcells, &l->fcap, &w);
		dl->width = w;
		return;
	}
	nl = NULL;
	if (at_ls) {
		/*
		 * The caller knows x starts a source line: a short line's end
		 * is found nearby without searching the line index.
		 */
		k = bk->end - x < AT_LS_SCAN ? bk->end - x : AT_LS_SCAN;
		nl = memchr(buf->data + x, '\n', k);
		ls = x;
		le = nl != NULL ? (size_t)(nl - buf->data) : bk->end;
		if (nl == NULL && k < bk->end - x)
			at_ls = 0;
	}
	if (!at_ls) {
		sl = buffer_line_of(buf, x);
		ls = buffer_line_start(buf, sl - 1);
		if (ls < bk->off)
			ls = bk->off;
		le = line_end(buf, sl);
		if (le > bk->end)
			le = bk->end;
	}
	/* A Markdown paragraph's source lines are one line of text. */
	if (l->md != NULL)
		layout_md_extent(l, bk->off, bk->end, &ls, &le);
	if (x > le)
		x = le;
	ps = ls;
	pe = le;
	if (le - ls > l->piece) {
		k = (x - ls) / l->piece;
		/* Restart points are not evenly spaced: check the guess. */
		while (k > 0 && ((ps = restart_at(buf->data,
		    ls + k * l->piece, le)) > x || ps == le))
			k--;
		if (k == 0)
			ps = ls;
		if (ls + (k + 1) * l->piece < le)
			pe = restart_at(buf->data, ls + (k + 1) * l->piece, le);
	}
	pc = piece_get(l, ls, le, ps, pe);
	lo = 0;
	hi = pc->nlines;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (pc->lines[mid].off <= x)
			lo = mid;
		else
			hi = mid;
	}
	l->hint = pc;
	l->hint_idx = lo;
	dl->off = pc->lines[lo].off;
	dl->end = pc->lines[lo].end;
	dl->width = pc->lines[lo].width;
	dl->next = pc->lines[lo].next;
	dl->plain = pc->lines[lo].plain;
	if (dl->next == le)
		dl->next = le < buf->len ? le + 1 : buf->len;
	if (l->md != NULL)
		layout_md_kind(l, x, dl);
}

/* Tells whether the line block_line() gave is a hidden line of markup. */
static int
line_hidden(const struct layout *l)
{
	return l->md != NULL && l->hint != NULL &&
	    (l->hint->lines[l->hint_idx].flags & LL_HIDDEN);
}

static int locate_fwd(struct layout *, size_t, struct dline *);

/*
 * Tells whether the blank lines before block b (b == nblocks: after the
 * last block) are shown.  They go with the block after them (the last ones
 * with the last block), so that a hidden block leaves no doubled or
 * trailing blank line; and blank lines
 * after nothing but hidden blocks are hidden too, so that a document whose
 * first lines are hidden starts at its first shown block.  Nor are those
 * before the second half of a paragraph that a hidden page break cut in
 * two (BLOCK_JOINED): it goes on on the next line.
 */
static int
gap_shown(struct layout *l, size_t b)
{
	const struct doc *d = l->doc;

	if (l->first_shown == SIZE_MAX)
		for (l->first_shown = 0; l->first_shown < d->nblocks &&
		    block_hidden(l, l->first_shown); l->first_shown++)
			;
	if (b < d->nblocks ? block_hidden(l, b) : b > 0 &&
	    block_hidden(l, b - 1))
		return 0;
	if (b > 0 && b < d->nblocks && (d->blocks[b].flags & BLOCK_JOINED) &&
	    block_hidden(l, b - 1))
		return 0;
	return b == 0 || l->first_shown < b;
}

/*
 * Where byte x is shown: 0 and *dl filled, or -1 when x is hidden, with
 * *fwd and *back the nearest bytes after and before the hidden region
 * (back is SIZE_MAX when none).  The shown regions are the shown blocks,
 * the gap before the first block, and every gap after a shown block.
 */
static int
locate(struct layout *l, size_t x, struct dline *dl, size_t *fwd,
    size_t *back)
{
	const struct doc *d = l->doc;
	const struct buffer *buf = d->buf;
	size_t b = doc_block_at(d, x), sl, ls, le, lim;

	if (b < d->nblocks && d->blocks[b].off <= x) {
		if (!block_hidden(l, b)) {
			block_line(l, b, x, 0, dl);
			if (!line_hidden(l))
				return 0;
			*fwd = dl->next;
			*back = dl->off > 0 ? dl->off - 1 : SIZE_MAX;
			return -1;
		}
		*fwd = d->blocks[b].end + 1;
		*back = d->blocks[b].off > 0 ? d->blocks[b].off - 1 :
		    SIZE_MAX;
		return -1;
	}
	if (!gap_shown(l, b)) {
		*fwd = b < d->nblocks ? d->blocks[b].off : buf->len;
		*back = b > 0 ? d->blocks[b - 1].end : SIZE_MAX;
		return -1;
	}
	sl = buffer_line_of(buf, x);
	ls = buffer_line_start(buf, sl - 1);
	if (b > 0 && ls <= d->blocks[b - 1].end)
		ls = d->blocks[b - 1].end + 1;
	le = line_end(buf, sl);
	lim = b < d->nblocks ? d->blocks[b].off : buf->len;
	dl->off = dl->end = ls;
	dl->next = le < lim ? le + 1 : lim;
	dl->width = 0;
	dl->kind = DLINE_BLANK;
	dl->level = 0;
	dl->block = d->nblocks;
	dl->plain = 1;
	l->gap_off = ls;
	l->gap_block = b;
	return 0;
}

/*
 * The line at x, which starts a source line just after block b - 1 or
 * after a blank line before block b, found without searching: this is how
 * layout_next() walks a document in time proportional to what it shows.
 */
static int
after_gap(struct layout *l, size_t b, size_t x, struct dline *dl)
{
	const struct doc *d = l->doc;
	const char *s = d->buf->data, *nl;
	size_t lim;

	if (b < d->nblocks && x >= d->blocks[b].off) {
		if (x > d->blocks[b].end || block_hidden(l, b))
			return locate_fwd(l, x, dl);
	} else if (!gap_shown(l, b))
		return locate_fwd(l, x, dl);
	if (b < d->nblocks && x >= d->blocks[b].off) {
		block_line(l, b, x, x == d->blocks[b].off || s[x - 1] == '\n',
		    dl);
		return line_hidden(l) ? locate_fwd(l, dl->next, dl) : 0;
	}
	lim = b < d->nblocks ? d->blocks[b].off : d->buf->len;
	nl = memchr(s + x, '\n', lim - x);
	dl->off = dl->end = x;
	dl->next = nl != NULL ? (size_t)(nl - s) + 1 : lim;
	dl->width = 0;
	dl->kind = DLINE_BLANK;
	dl->level = 0;
	dl->block = d->nblocks;
	dl->plain = 1;
	l->gap_off = x;
	l->gap_block = b;
	return 0;
}

/* The first shown line at or after x, or -1. */
static int
locate_fwd(struct layout *l, size_t x, struct dline *dl)
{
	size_t fwd, back;

	while (x < l->doc->buf->len) {
		if (locate(l, x, dl, &fwd, &back) == 0)
			return 0;
		x = fwd;
	}
	return -1;
}

/* The last shown line at or before x, or -1. */
static int
locate_back(struct layout *l, size_t x, struct dline *dl)
{
	size_t fwd, back;

	while (x != SIZE_MAX) {
		if (locate(l, x, dl, &fwd, &back) == 0)
			return 0;
		x = back;
	}
	return -1;
}

struct layout *
layout_new(const struct doc *d, const struct layout_opts *o)
{
	struct layout *l = xcalloc(1, sizeof *l);

	l->doc = d;
	l->piece = LAYOUT_PIECE;
	layout_set_opts(l, o);
	return l;
}

void
layout_free(struct layout *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < CACHE_SIZE; i++)
		free(l->cache[i].lines);
	free(l->brk);
	free(l->cells);
	free(l->fcells);
	layout_md_free(l->md);
	free(l);
}

void
layout_set_opts(struct layout *l, const struct layout_opts *o)
{
	l->o = *o;
	l->first_shown = SIZE_MAX;
	if (l->o.width < 1)
		l->o.width = 1;
	if (l->o.ambiwidth != 2)
		l->o.ambiwidth = 1;
	layout_md_free(l->md);
	l->md = layout_md_new(l);
	cache_clear(l);
}

void
layout_set_piece(struct layout *l, size_t bytes)
{
	l->piece = bytes < 64 ? 64 : bytes;
	cache_clear(l);
}

int
layout_line_at(struct layout *l, size_t off, struct dline *dl)
{
	size_t len = l->doc->buf->len;

	if (len == 0)
		return -1;
	if (off < len && locate_fwd(l, off, dl) == 0)
		return 0;
	return locate_back(l, off < len ? off : len - 1, dl);
}

int
layout_first(struct layout *l, struct dline *dl)
{
	return locate_fwd(l, 0, dl);
}

int
layout_next(struct layout *l, const struct dline *cur, struct dline *dl)
{
	const struct doc *d = l->doc;
	const struct lpiece *pc = l->hint;
	const struct lline *ln;
	const struct block *bk;
	size_t x = cur->next;

	if (x >= d->buf->len)
		return -1;
	if (cur->kind == DLINE_BLANK) {
		if (cur->off == l->gap_off && (l->gap_block >= d->nblocks ||
		    x <= d->blocks[l->gap_block].off))
			return after_gap(l, l->gap_block, x, dl);
		return locate_fwd(l, x, dl);
	}
	if (cur->block >= d->nblocks)
		return locate_fwd(l, x, dl);
	if (pc != NULL && l->hint_idx + 1 < pc->nlines &&
	    pc->lines[l->hint_idx].off == cur->off &&
	    cur->off >= pc->off && cur->off < pc->end &&
	    (cur->kind != DLINE_FIGURE || l->md != NULL)) {
		ln = &pc->lines[l->hint_idx + 1];
		*dl = *cur;
		if (ln->next == pc->end) {
			block_line(l, cur->block, ln->off, 0, dl);
			return 0;
		}
		l->hint_idx++;
		dl->off = ln->off;
		dl->end = ln->end;
		dl->width = ln->width;
		dl->next = ln->next;
		dl->plain = ln->plain;
		return 0;
	}
	bk = &d->blocks[cur->block];
	if (x <= bk->end) {
		block_line(l, cur->block, x, d->buf->data[x - 1] == '\n', dl);
		return line_hidden(l) ? locate_fwd(l, dl->next, dl) : 0;
	}
	return after_gap(l, cur->block + 1, x, dl);
}

int
layout_prev(struct layout *l, const struct dline *cur, struct dline *dl)
{
	if (cur->off == 0)
		return -1;
	return locate_back(l, cur->off - 1, dl);
}

size_t
layout_cells(struct layout *l, const struct dline *dl,
    const struct lcell **cells)
{
	const char *s = l->doc->buf->data;
	size_t i, n = 0;
	int col = 0, w;
	struct lcell *c;
	struct clus cl;
	struct dline at;

	if (l->md != NULL && dl->kind != DLINE_BLANK &&
	    dl->block < l->doc->nblocks) {
		block_line(l, dl->block, dl->off, 0, &at);
		return layout_md_cells(l, l->hint, l->hint_idx, cells);
	}
	if (dl->kind == DLINE_FIGURE && dl->block < l->doc->nblocks) {
		n = layout_fig_cells(l, dl->block, &l->cells, &l->ncap, &w);
		*cells = l->cells;
		return n;
	}
	for (i = dl->off; i < dl->end; i += cl.len) {
		layout_clus_at(&l->o, s, i, dl->end, col, &cl);
		if (cl.width > l->o.width && !cl.space)
			layout_clus_clip(&cl, l->o.width);
		c = layout_cell_push(&l->cells, &l->ncap, &n);
		c->off = i;
		c->len = (uint32_t)cl.len;
		c->width = (uint16_t)cl.width;
		memcpy(c->repl, cl.repl, sizeof cl.repl);
		col += cl.width;
	}
	*cells = l->cells;
	return n;
}

int
layout_col_of(struct layout *l, const struct dline *dl, size_t off)
{
	const struct lcell *c;
	size_t i, n = layout_cells(l, dl, &c);
	int col = 0;

	for (i = 0; i < n && c[i].off + c[i].len <= off; i++)
		col += c[i].width;
	return col;
}

size_t
layout_off_at(struct layout *l, const struct dline *dl, int col)
{
	const struct lcell *c;
	size_t i, n = layout_cells(l, dl, &c);
	int at = 0;

	for (i = 0; i < n; i++) {
		at += c[i].width;
		if (col < at)
			return c[i].len == 0 && dl->kind == DLINE_FIGURE ?
			    dl->off : c[i].off;
	}
	return dl->end;
}
