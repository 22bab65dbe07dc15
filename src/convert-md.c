/*
 * convert-md.c - Markdown read by md4c into structure hints.
 *
 * md4c parses the whole text and calls back for every block and span it
 * enters and leaves and for every run of text, with pointers into the
 * source.  The runs are what a reader sees; what lies between two runs is
 * markup (a "## ", a "**", a "](url)", a "> ", a table's pipes, a code
 * fence, a reference definition) and becomes SPAN_CONCEAL, but for the
 * '\n' characters, which stay the line ends the layout works by, and for
 * a list item's marker, which the layout draws.  The state below follows
 * md4c's nesting: a stack of containers (quotes, lists, items), the leaf
 * block being filled (its extent grows with each run it gets), the table
 * row and cell, and a stack of open spans, each of which also grows with
 * each run inside it.  Blocks are emitted when they are left, spans too;
 * hints_sort() puts everything in order at the end.  Runs md4c makes up
 * (the "\n" of a soft break, a replacement for NUL) do not point into the
 * source and are ignored; so is anything past MAX_DEPTH levels.
 */
#include "config.h"

#include <md4c.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/convert-md.h"
#include "juan/util.h"

#define MAX_DEPTH	64	/* containers and spans followed */
#define SHORT_URL	40	/* bytes of an autolink kept whole */
#define NONE		SIZE_MAX

struct mspan {
	int kind;		/* enum span_kind, or -1: an image */
	size_t off, end;	/* extent of its runs; off NONE: none */
	size_t nruns;		/* runs inside it */
	char *href;		/* a link's target, owned */
	const char *src;	/* an image's source attribute */
	size_t srclen;
};

struct md {
	const char *text;
	size_t len;
	struct hints *h;
	size_t prev;		/* one past the last run */
	char cont[MAX_DEPTH];	/* containers: 'q', 'l', 'i' */
	int ncont;		/* depth of cont (may pass MAX_DEPTH) */
	int quotes, lists;	/* quote and list depth */
	int marker;		/* an item's marker is still to be found */
	int leaf;		/* enum hint_kind + 1 of the open leaf, or 0 */
	int leaf_level;
	size_t leaf_off, leaf_end;	/* extent of its runs */
	int leaf_text;		/* it had a run outside an image */
	int leaf_img;		/* it had an image's run */
	int html;		/* the leaf is an HTML block */
	int tag;		/* in an HTML block: 1 inside a tag, 2 inside a
				   comment */
	size_t tag_off;		/* where that tag or comment started */
	int row, cell;		/* inside a table row, a cell */
	size_t row_off, row_end, cell_off, cell_end;
	int img;		/* images open */
	size_t indent;		/* columns of indentation md4c gave for the
				   next code line from a string of its own */
	struct mspan spans[MAX_DEPTH];
	int nspans;		/* may pass MAX_DEPTH */
};

/* Conceals [a, b) but its '\n' characters. */
static void
conceal(struct md *m, size_t a, size_t b)
{
	const char *nl;

	while (a < b) {
		nl = memchr(m->text + a, '\n', b - a);
		if (nl == NULL) {
			hints_add_span(m->h, a, b, SPAN_CONCEAL, 0);
			return;
		}
		if ((size_t)(nl - m->text) > a)
			hints_add_span(m->h, a, (size_t)(nl - m->text),
			    SPAN_CONCEAL, 0);
		a = (size_t)(nl - m->text) + 1;
	}
}

/* Tells whether s[a, b) is a list item's marker: "-", "+", "*", "1."... */
static int
is_marker(const char *s, size_t a, size_t b)
{
	size_t i;

	if (b - a == 1)
		return s[a] == '-' || s[a] == '+' || s[a] == '*';
	if (b - a < 2 || b - a > 10 || (s[b - 1] != '.' && s[b - 1] != ')'))
		return 0;
	for (i = a; i < b - 1; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The markup between the last run and a run at o.  The first run of a list
 * item has the item's marker before it on its line: the marker and one
 * space stay visible, and the item's block starts at the marker.
 */
static void
gap(struct md *m, size_t o)
{
	const char *s = m->text;
	size_t ms, me, j, k;

	if (m->marker) {
		m->marker = 0;
		/* The last marker among the tokens on the run's line. */
		for (j = o; j > m->prev && s[j - 1] != '\n'; j--)
			;
		ms = me = NONE;
		while (j < o) {
			for (; j < o && is_blank(s[j]); j++)
				;
			for (k = j; k < o && !is_blank(s[k]); k++)
				;
			if (k < o && is_marker(s, j, k)) {
				ms = j;
				me = k;
			}
			j = k;
		}
		if (ms != NONE) {
			conceal(m, m->prev, ms);
			conceal(m, me + 1, o);	/* keeps one space */
			if (m->leaf != 0 && m->leaf_off == NONE)
				m->leaf_off = ms;
			return;
		}
	}
	if (m->indent > 0) {
		/*
		 * md4c gives a code line's own indentation as spaces of its
		 * making: the blanks it stands for stay shown.
		 */
		for (j = o, k = 0; j > m->prev && is_blank(s[j - 1]) &&
		    k < m->indent; j--)
			k += s[j - 1] == '\t' ? 4 : 1;
		m->indent = 0;
		conceal(m, m->prev, j);
		if (m->leaf != 0 && m->leaf_off == NONE && j < o)
			m->leaf_off = j;
		return;
	}
	conceal(m, m->prev, o);
}

/* A run of text [o, e) that the reader sees. */
static void
mark(struct md *m, size_t o, size_t e)
{
	int i;

	if (o >= e)
		return;
	if (m->leaf != 0) {
		if (m->leaf_off == NONE)
			m->leaf_off = o;
		m->leaf_end = e;
		if (m->img > 0)
			m->leaf_img = 1;
		else
			m->leaf_text = 1;
	}
	if (m->row) {
		if (m->row_off == NONE)
			m->row_off = o;
		m->row_end = e;
	}
	if (m->cell) {
		if (m->cell_off == NONE)
			m->cell_off = o;
		m->cell_end = e;
	}
	for (i = 0; i < m->nspans && i < MAX_DEPTH; i++) {
		if (m->spans[i].off == NONE)
			m->spans[i].off = o;
		m->spans[i].end = e;
		m->spans[i].nruns++;
	}
}

/* Tells whether the tag s[a, b) is a <br>, <br/> or <br />. */
static int
is_br(const char *s, size_t a, size_t b)
{
	size_t i = a + 3;

	if (b - a < 4 || strncasecmp(s + a, "<br", 3) != 0)
		return 0;
	while (i < b && (is_blank(s[i]) || s[i] == '/'))
		i++;
	return i == b - 1 && s[i] == '>';
}

/* A tag or comment [a, b) of HTML: concealed; a <br> also breaks. */
static void
html_tag(struct md *m, size_t a, size_t b)
{
	if (is_br(m->text, a, b))
		hints_add_span(m->h, a, b, SPAN_BREAK, 0);
	conceal(m, a, b);
}

/* Marks the visible text [a, b) of an HTML block, unless it is blank. */
static void
html_text(struct md *m, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b && (is_blank(m->text[i]) || m->text[i] == '\n');
	    i++)
		;
	if (i == b)
		conceal(m, a, b);
	else
		mark(m, a, b);
}

/*
 * A run of raw HTML [o, e).  Inline, it is one tag or comment.  In an
 * HTML block it is a line, in which the tags and comments (which may go
 * on over lines) are concealed and the text between them is kept.
 */
static void
html_run(struct md *m, size_t o, size_t e)
{
	const char *s = m->text;
	size_t i, t;

	if (!m->html) {
		html_tag(m, o, e);
		return;
	}
	t = o;
	for (i = o; i < e; i++) {
		if (m->tag == 0 && s[i] == '<' && i + 1 < e &&
		    (s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?' ||
		    (unsigned)((s[i + 1] | 0x20) - 'a') < 26)) {
			html_text(m, t, i);
			m->tag_off = i;
			m->tag = e - i >= 4 && memcmp(s + i, "<!--", 4) == 0 ?
			    2 : 1;
			if (m->tag == 2)
				i += 3;
		} else if (m->tag == 1 && s[i] == '>') {
			html_tag(m, m->tag_off, i + 1);
			m->tag = 0;
			t = i + 1;
		} else if (m->tag == 2 && s[i] == '>' && i >= m->tag_off + 6 &&
		    s[i - 1] == '-' && s[i - 2] == '-') {
			conceal(m, m->tag_off, i + 1);
			m->tag = 0;
			t = i + 1;
		}
	}
	if (m->tag == 0)
		html_text(m, t, e);
	else {
		conceal(m, m->tag_off, e);
		m->tag_off = e;
	}
}

static int
on_text(MD_TEXTTYPE type, const MD_CHAR *t, MD_SIZE size, void *u)
{
	struct md *m = u;
	const char *nl;
	size_t o, e;

	/*
	 * A hard line break (two spaces or a backslash before the line's
	 * end) breaks at that '\n': the layout joins a paragraph's lines.
	 */
	if (type == MD_TEXT_BR && m->prev < m->len &&
	    (nl = memchr(m->text + m->prev, '\n', m->len - m->prev)) != NULL) {
		o = (size_t)(nl - m->text);
		hints_add_span(m->h, o, o + 1, SPAN_BREAK, 0);
		return 0;
	}
	if (t < m->text || (size_t)(t - m->text) > m->len ||
	    size > m->len - (size_t)(t - m->text)) {
		if (type == MD_TEXT_CODE && m->leaf == HINT_CODE + 1 &&
		    size > 0 && t[0] == ' ' && t[size - 1] == ' ')
			m->indent += size;
		return 0;
	}
	o = (size_t)(t - m->text);
	e = o + size;
	if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR || o < m->prev ||
	    size == 0)
		return 0;
	gap(m, o);
	m->prev = e;
	if (type == MD_TEXT_HTML) {
		html_run(m, o, e);
		return 0;
	}
	while (e > o && m->text[e - 1] == '\n')
		e--;
	mark(m, o, e);
	return 0;
}

/* Emits the open leaf block, if it got any text. */
static void
flush(struct md *m)
{
	int kind = m->leaf - 1;

	if (m->leaf != 0 && m->leaf_off != NONE) {
		if (m->leaf_img && !m->leaf_text && kind != HINT_CODE &&
		    kind != HINT_HEADING)
			kind = HINT_FIGURE;
		hints_add_block(m->h, m->leaf_off, m->leaf_end, kind,
		    m->leaf_level);
	}
	m->leaf = 0;
	m->html = 0;
	m->tag = 0;
}

static void
open_leaf(struct md *m, int kind, int level)
{
	flush(m);
	m->leaf = kind + 1;
	m->leaf_level = level;
	m->leaf_off = NONE;
	m->leaf_end = 0;
	m->leaf_text = m->leaf_img = 0;
}

static void
push_cont(struct md *m, char c)
{
	flush(m);
	if (m->ncont < MAX_DEPTH)
		m->cont[m->ncont] = c;
	m->ncont++;
}

static void
pop_cont(struct md *m)
{
	flush(m);
	if (m->ncont > 0)
		m->ncont--;
}

/* The kind of a paragraph in the innermost container. */
static int
para_kind(const struct md *m, int *level)
{
	char c = m->ncont > 0 && m->ncont <= MAX_DEPTH ?
	    m->cont[m->ncont - 1] : 0;

	*level = 0;
	if (c == 'i') {
		*level = m->lists;
		return HINT_LIST_ITEM;
	}
	if (m->quotes > 0) {
		*level = m->quotes;
		return HINT_QUOTE;
	}
	return HINT_PARAGRAPH;
}

/* A thematic break: the first line after the last run that is not blank. */
static void
rule(struct md *m)
{
	const char *s = m->text, *nl;
	size_t p = m->prev, q;

	if (p > 0 && s[p - 1] != '\n') {
		nl = memchr(s + p, '\n', m->len - p);
		p = nl != NULL ? (size_t)(nl - s) + 1 : m->len;
	}
	while (p < m->len) {
		nl = memchr(s + p, '\n', m->len - p);
		q = nl != NULL ? (size_t)(nl - s) : m->len;
		for (; p < q && (is_blank(s[p]) || s[p] == '\r'); p++)
			;
		if (p < q) {
			hints_add_block(m->h, p, q, HINT_RULE, 0);
			return;
		}
		p = q + 1;
	}
}

static int
on_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct md *m = u;
	int kind, level;

	switch (type) {
	case MD_BLOCK_QUOTE:
		push_cont(m, 'q');
		m->quotes++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		push_cont(m, 'l');
		m->lists++;
		break;
	case MD_BLOCK_LI:
		push_cont(m, 'i');
		m->marker = 1;
		open_leaf(m, HINT_LIST_ITEM, m->lists);
		break;
	case MD_BLOCK_HR:
		flush(m);
		rule(m);
		break;
	case MD_BLOCK_H:
		open_leaf(m, HINT_HEADING,
		    (int)((MD_BLOCK_H_DETAIL *)detail)->level);
		break;
	case MD_BLOCK_CODE:
		/* In a list item, the layout indents it under the text. */
		open_leaf(m, HINT_CODE, m->lists);
		break;
	case MD_BLOCK_HTML:
		kind = para_kind(m, &level);
		open_leaf(m, kind, level);
		m->html = 1;
		break;
	case MD_BLOCK_P:
		kind = para_kind(m, &level);
		open_leaf(m, kind, level);
		break;
	case MD_BLOCK_TR:
		flush(m);
		m->row = 1;
		m->row_off = NONE;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		m->cell = 1;
		m->cell_off = NONE;
		break;
	default:
		flush(m);
		break;
	}
	return 0;
}

static int
on_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
	struct md *m = u;

	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		pop_cont(m);
		m->quotes--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		pop_cont(m);
		m->lists--;
		break;
	case MD_BLOCK_LI:
		pop_cont(m);
		m->marker = 0;
		break;
	case MD_BLOCK_TR:
		if (m->row_off != NONE)
			hints_add_block(m->h, m->row_off, m->row_end,
			    HINT_TABLE_ROW, 0);
		m->row = 0;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (m->cell_off != NONE)
			hints_add_span(m->h, m->cell_off, m->cell_end,
			    SPAN_CELL, 0);
		else
			hints_add_span(m->h, m->prev, m->prev, SPAN_CELL, 0);
		m->cell = 0;
		break;
	default:
		flush(m);
		break;
	}
	return 0;
}

/* A copy of an attribute without control characters. */
static char *
attr_copy(const MD_ATTRIBUTE *a)
{
	char *s = xmalloc((size_t)a->size + 1);
	size_t i, n = 0;

	for (i = 0; i < a->size; i++)
		if ((unsigned char)a->text[i] >= 0x20 && a->text[i] != 0x7f)
			s[n++] = a->text[i];
	s[n] = '\0';
	return s;
}

static int
on_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
	static const int kinds[] = {
		[MD_SPAN_EM] = SPAN_EMPH, [MD_SPAN_STRONG] = SPAN_STRONG,
		[MD_SPAN_A] = SPAN_LINK, [MD_SPAN_IMG] = -1,
		[MD_SPAN_CODE] = SPAN_CODE, [MD_SPAN_DEL] = SPAN_STRIKE,
		[MD_SPAN_LATEXMATH] = SPAN_CODE,
		[MD_SPAN_LATEXMATH_DISPLAY] = SPAN_CODE,
		[MD_SPAN_WIKILINK] = SPAN_LINK, [MD_SPAN_U] = SPAN_EMPH
	};
	struct md *m = u;
	struct mspan *sp;

	if (m->nspans++ >= MAX_DEPTH)
		return 0;
	sp = &m->spans[m->nspans - 1];
	memset(sp, 0, sizeof *sp);
	sp->kind = (size_t)type < sizeof kinds / sizeof kinds[0] ?
	    kinds[type] : SPAN_EMPH;
	sp->off = NONE;
	if (type == MD_SPAN_A)
		sp->href = attr_copy(&((MD_SPAN_A_DETAIL *)detail)->href);
	else if (type == MD_SPAN_WIKILINK)
		sp->href = attr_copy(
		    &((MD_SPAN_WIKILINK_DETAIL *)detail)->target);
	else if (type == MD_SPAN_IMG) {
		sp->src = ((MD_SPAN_IMG_DETAIL *)detail)->src.text;
		sp->srclen = ((MD_SPAN_IMG_DETAIL *)detail)->src.size;
		m->img++;
	}
	return 0;
}

/*
 * A link whose one run is its own target (an autolink, or a bare URL with
 * the permissive flags) is shown short: without its scheme and "www.",
 * and when it is long, the host alone.
 */
static void
shorten(struct md *m, const struct mspan *sp)
{
	const char *s = m->text + sp->off, *sl;
	size_t n = sp->end - sp->off, a = 0, h;

	if (sp->nruns != 1 || sp->href == NULL)
		return;
	if (!(strlen(sp->href) == n && memcmp(sp->href, s, n) == 0) &&
	    !(strncmp(sp->href, "http://", 7) == 0 &&
	    strlen(sp->href + 7) == n && memcmp(sp->href + 7, s, n) == 0))
		return;
	for (h = 0; h + 3 <= n && h < 12; h++)
		if (memcmp(s + h, "://", 3) == 0) {
			a = h + 3;
			break;
		}
	if (n - a > 4 && memcmp(s + a, "www.", 4) == 0)
		a += 4;
	if (a > 0 && a < n)
		conceal(m, sp->off, sp->off + a);
	if (n - a > SHORT_URL && (sl = memchr(s + a, '/', n - a)) != NULL &&
	    sl > s + a)
		conceal(m, sp->off + (size_t)(sl - s), sp->end);
}

/* An image without alt text shows its file name, which md4c skips. */
static void
image_name(struct md *m, const struct mspan *sp)
{
	const char *s = m->text;
	size_t a, e, i;

	if (sp->src < s || sp->src > s + m->len ||
	    (size_t)(sp->src - s) < m->prev ||
	    sp->srclen > m->len - (size_t)(sp->src - s) || sp->srclen == 0)
		return;
	a = (size_t)(sp->src - s);
	e = a + sp->srclen;
	for (i = e; i > a && s[i - 1] != '/' && s[i - 1] != '\\'; i--)
		;
	if (memchr(s + i, '\n', e - i) != NULL || i == e)
		return;
	conceal(m, m->prev, i);
	m->prev = e;
	mark(m, i, e);
}

static int
on_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
	struct md *m = u;
	struct mspan *sp;
	uint32_t link;

	(void)detail;
	if (type == MD_SPAN_IMG && m->img > 0)
		m->img--;
	if (m->nspans-- > MAX_DEPTH || m->nspans < 0) {
		if (m->nspans < 0)
			m->nspans = 0;
		return 0;
	}
	sp = &m->spans[m->nspans];
	if (sp->kind == -1) {
		if (sp->off == NONE) {
			m->img++;
			image_name(m, sp);
			m->img--;
		}
	} else if (sp->off != NONE) {
		link = 0;
		if (sp->kind == SPAN_LINK) {
			link = hints_add_link(m->h, sp->href);
			shorten(m, sp);
		}
		hints_add_span(m->h, sp->off, sp->end, sp->kind, link);
	}
	free(sp->href);
	return 0;
}

struct hints *
convert_md(const char *text, size_t len)
{
	MD_PARSER p;
	struct md m;
	struct hints *h;

	if (len >= (size_t)UINT32_MAX)
		return NULL;
	memset(&p, 0, sizeof p);
	p.abi_version = 0;
	p.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
	    MD_FLAG_PERMISSIVEAUTOLINKS;
	p.enter_block = on_enter_block;
	p.leave_block = on_leave_block;
	p.enter_span = on_enter_span;
	p.leave_span = on_leave_span;
	p.text = on_text;
	memset(&m, 0, sizeof m);
	m.text = text;
	m.len = len;
	m.h = h = hints_new("markdown");
	md_parse(text, (MD_SIZE)len, &p, &m);
	flush(&m);
	while (m.nspans > 0) {
		if (m.nspans <= MAX_DEPTH)
			free(m.spans[m.nspans - 1].href);
		m.nspans--;
	}
	conceal(&m, m.prev, len);
	hints_sort(h);
	return h;
}
