/*
 * convert-walk.c - from a parsed HTML or XHTML tree to text and hints.
 *
 * The walker visits the tree in document order without recursion, by the
 * nodes' children, next and parent pointers, and keeps one frame per
 * element it is inside (a growable array), in which it saves the state
 * that the element changes: the kind of block its text goes into, bold,
 * boilerplate, preformatted, table cell, the span it opens.  Text goes
 * straight into one growable string: white space collapses to one space,
 * written only before the next visible character, so that no block ends
 * in one; a block opens at its first visible character (after a blank
 * line separating it from the one before) and closes at the next block
 * boundary, which then adds its hint.  Every character is looked at a
 * constant number of times, so that a 100 MB paragraph costs what its
 * bytes do.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "convert-int.h"

/* What an element does; W_INLINE for every element not in the table. */
enum {
	W_INLINE, W_SKIP, W_BLOCK, W_PRE, W_BR, W_IMG, W_TR, W_CELL,
	W_STRONG, W_EMPH, W_CODE, W_LINK, W_STRIKE, W_LIST, W_QUOTE,
	W_FIGURE
};

/* What a <br> does inside a block: end the paragraph, the line, or
 * nothing but a space. */
enum { BR_PARA, BR_LINE, BR_SPACE };

struct elem {
	const char *name;
	unsigned char what;
	unsigned char kind;	/* enum hint_kind of its blocks */
	unsigned char level;
	unsigned char br;
};

/* Sorted by name, for bsearch. */
static const struct elem elems[] = {
	{ "a", W_LINK, 0, 0, 0 },
	{ "address", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "applet", W_SKIP, 0, 0, 0 },
	{ "article", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "aside", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "audio", W_SKIP, 0, 0, 0 },
	{ "b", W_STRONG, 0, 0, 0 },
	{ "blockquote", W_QUOTE, HINT_QUOTE, 1, BR_LINE },
	{ "body", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "br", W_BR, 0, 0, 0 },
	{ "button", W_SKIP, 0, 0, 0 },
	{ "canvas", W_SKIP, 0, 0, 0 },
	{ "caption", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "center", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "code", W_CODE, 0, 0, 0 },
	{ "datalist", W_SKIP, 0, 0, 0 },
	{ "dd", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "del", W_STRIKE, 0, 0, 0 },
	{ "details", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "dialog", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "dir", W_LIST, HINT_PARAGRAPH, 0, BR_PARA },
	{ "div", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "dl", W_LIST, HINT_PARAGRAPH, 0, BR_PARA },
	{ "dt", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "em", W_EMPH, 0, 0, 0 },
	{ "embed", W_SKIP, 0, 0, 0 },
	{ "fieldset", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "figcaption", W_BLOCK, HINT_CAPTION, 0, BR_LINE },
	{ "figure", W_FIGURE, HINT_PARAGRAPH, 0, BR_PARA },
	{ "footer", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "form", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "frameset", W_SKIP, 0, 0, 0 },
	{ "h1", W_BLOCK, HINT_HEADING, 1, BR_SPACE },
	{ "h2", W_BLOCK, HINT_HEADING, 2, BR_SPACE },
	{ "h3", W_BLOCK, HINT_HEADING, 3, BR_SPACE },
	{ "h4", W_BLOCK, HINT_HEADING, 4, BR_SPACE },
	{ "h5", W_BLOCK, HINT_HEADING, 5, BR_SPACE },
	{ "h6", W_BLOCK, HINT_HEADING, 6, BR_SPACE },
	{ "head", W_SKIP, 0, 0, 0 },
	{ "header", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "hgroup", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "hr", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "html", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "i", W_EMPH, 0, 0, 0 },
	{ "iframe", W_SKIP, 0, 0, 0 },
	{ "img", W_IMG, 0, 0, 0 },
	{ "input", W_SKIP, 0, 0, 0 },
	{ "kbd", W_CODE, 0, 0, 0 },
	{ "legend", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "li", W_BLOCK, HINT_LIST_ITEM, 1, BR_LINE },
	{ "link", W_SKIP, 0, 0, 0 },
	{ "main", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "map", W_SKIP, 0, 0, 0 },
	{ "menu", W_LIST, HINT_PARAGRAPH, 0, BR_PARA },
	{ "meta", W_SKIP, 0, 0, 0 },
	{ "nav", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "noembed", W_SKIP, 0, 0, 0 },
	{ "noframes", W_SKIP, 0, 0, 0 },
	{ "noscript", W_SKIP, 0, 0, 0 },
	{ "object", W_SKIP, 0, 0, 0 },
	{ "ol", W_LIST, HINT_PARAGRAPH, 0, BR_PARA },
	{ "option", W_SKIP, 0, 0, 0 },
	{ "p", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "param", W_SKIP, 0, 0, 0 },
	{ "pre", W_PRE, HINT_CODE, 0, BR_LINE },
	{ "rp", W_SKIP, 0, 0, 0 },
	{ "rt", W_SKIP, 0, 0, 0 },
	{ "s", W_STRIKE, 0, 0, 0 },
	{ "samp", W_CODE, 0, 0, 0 },
	{ "script", W_SKIP, 0, 0, 0 },
	{ "section", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "select", W_SKIP, 0, 0, 0 },
	{ "source", W_SKIP, 0, 0, 0 },
	{ "strike", W_STRIKE, 0, 0, 0 },
	{ "strong", W_STRONG, 0, 0, 0 },
	{ "style", W_SKIP, 0, 0, 0 },
	{ "summary", W_BLOCK, HINT_PARAGRAPH, 0, BR_LINE },
	{ "svg", W_SKIP, 0, 0, 0 },
	{ "table", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "tbody", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "td", W_CELL, HINT_PARAGRAPH, 0, BR_PARA },
	{ "template", W_SKIP, 0, 0, 0 },
	{ "textarea", W_SKIP, 0, 0, 0 },
	{ "tfoot", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "th", W_CELL, HINT_PARAGRAPH, 0, BR_PARA },
	{ "thead", W_BLOCK, HINT_PARAGRAPH, 0, BR_PARA },
	{ "title", W_SKIP, 0, 0, 0 },
	{ "tr", W_TR, HINT_TABLE_ROW, 0, BR_PARA },
	{ "tt", W_CODE, 0, 0, 0 },
	{ "ul", W_LIST, HINT_PARAGRAPH, 0, BR_PARA },
	{ "video", W_SKIP, 0, 0, 0 },
};

static void text_add(struct sbuf *b, const char *s, size_t n, size_t max);

static const struct elem inline_elem = { "", W_INLINE, 0, 0, 0 };

static int
cmp_elem(const void *k, const void *e)
{
	return strcmp(k, ((const struct elem *)e)->name);
}

static const struct elem *
elem_of(const xmlNode *n)
{
	char name[16];
	const struct elem *e;
	size_t i;

	for (i = 0; n->name[i] != '\0' && i < sizeof name - 1; i++) {
		name[i] = (char)n->name[i];
		if (name[i] >= 'A' && name[i] <= 'Z')
			name[i] = (char)(name[i] - 'A' + 'a');
	}
	if (n->name[i] != '\0')
		return &inline_elem;
	name[i] = '\0';
	e = bsearch(name, elems, sizeof elems / sizeof elems[0],
	    sizeof elems[0], cmp_elem);
	return e != NULL ? e : &inline_elem;
}

struct conv_frame {
	xmlNode *n;
	int kind, level, boiler, bold, pre, cell, lists, link, figure, br;
	size_t span_off;
	int span;		/* span kind, or -1 */
	int block;		/* the element ends a block when left */
	int spaced;		/* a block inside a cell: a space when left */
	xmlChar *href;
};

static unsigned
flags_of(const xmlNode *n)
{
	return n->_private != NULL ? *(const unsigned *)n->_private : 0;
}

xmlChar *
conv_attr(xmlNode *n, const char *name)
{
	const char *colon = strchr(name, ':');
	const char *local = colon != NULL ? colon + 1 : name;
	xmlAttr *a;

	if (n->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;

		if (strcmp(an, name) != 0 && (colon == NULL ||
		    strcmp(an, local) != 0 || a->ns == NULL))
			continue;
		return xmlNodeListGetString(n->doc, a->children, 1);
	}
	return NULL;
}

/* The style attribute hides the element (display:none, visibility:
 * hidden), compared without white space or case. */
static int
style_hides(xmlNode *n)
{
	xmlChar *v = conv_attr(n, "style");
	char buf[256];
	size_t i, j = 0;
	int hid;

	if (v == NULL)
		return 0;
	for (i = 0; v[i] != '\0' && j < sizeof buf - 1; i++)
		if (v[i] > ' ')
			buf[j++] = (char)(v[i] >= 'A' && v[i] <= 'Z' ?
			    v[i] - 'A' + 'a' : v[i]);
	buf[j] = '\0';
	xmlFree(v);
	hid = strstr(buf, "display:none") != NULL ||
	    strstr(buf, "visibility:hidden") != NULL;
	return hid;
}

int
conv_skipped(xmlNode *n)
{
	xmlChar *v;

	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE &&
		    n->type != XML_CDATA_SECTION_NODE;
	if (elem_of(n)->what == W_SKIP)
		return 1;
	if ((v = conv_attr(n, "hidden")) != NULL) {
		xmlFree(v);
		return 1;
	}
	return style_hides(n);
}

int
conv_is_block(xmlNode *n)
{
	int w = elem_of(n)->what;

	return w == W_BLOCK || w == W_PRE || w == W_TR || w == W_CELL ||
	    w == W_LIST || w == W_QUOTE || w == W_FIGURE;
}

void
conv_init(struct conv *c, struct hints *h)
{
	memset(c, 0, sizeof *c);
	c->h = h;
	c->kind = HINT_PARAGRAPH;
	c->last_kind = -1;
	c->br = BR_PARA;
}

void
conv_done(struct conv *c)
{
	size_t i;

	for (i = 0; i < c->nfr; i++)
		xmlFree(c->fr[i].href);
	free(c->fr);
	free(c->pend);
	c->fr = NULL;
	c->pend = NULL;
	c->nfr = c->capfr = c->npend = c->cappend = 0;
}

void
conv_anchor_here(struct conv *c, long idx)
{
	if (idx < 0 || c->anchor_off == NULL ||
	    c->anchor_off[idx] != SIZE_MAX)
		return;
	if (c->open) {
		c->anchor_off[idx] = c->para_off;
		return;
	}
	if (c->npend == c->cappend) {
		c->cappend = c->cappend ? c->cappend * 2 : 16;
		c->pend = xreallocarray(c->pend, c->cappend, sizeof *c->pend);
	}
	c->pend[c->npend++] = idx;
}

static void
open_block(struct conv *c)
{
	size_t i;

	c->sep_off = c->out.len;
	if (c->out.len > 0)
		sbuf_add(&c->out, "\n\n", 2);
	c->para_off = c->out.len;
	c->open = 1;
	c->nchars = c->nbold = c->nlinkc = 0;
	c->lines = 0;
	c->nl_pending = c->space = 0;
	c->nspans_open = c->h->nspans;
	for (i = 0; i < c->npend; i++)
		if (c->anchor_off[c->pend[i]] == SIZE_MAX)
			c->anchor_off[c->pend[i]] = c->para_off;
	c->npend = 0;
}

/* The first and last characters of the open block. */
static uint32_t
first_char(const struct conv *c)
{
	uint32_t u;

	util_u8_next(c->out.s + c->para_off, c->out.len - c->para_off, &u);
	return u;
}

static uint32_t
last_char(const struct conv *c)
{
	size_t i = c->out.len;
	uint32_t u;

	while (i > c->para_off && ((unsigned char)c->out.s[i - 1] & 0xC0) ==
	    0x80)
		i--;
	if (i > c->para_off)
		i--;
	util_u8_next(c->out.s + i, c->out.len - i, &u);
	return u;
}

/* Characters that end a sentence or a clause, or open an attribution:
 * a bold line ending or starting with one is not a sub-heading. */
static const uint32_t not_head_end[] = {
	0x3002, 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, ',', ';', ':', '.', 0xFF0E
};
static const uint32_t not_head_start[] = {
	0x2014, 0x2013, '-', 0x2015, 0x2500
};

static int
in_list(uint32_t u, const uint32_t *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i] == u)
			return 1;
	return 0;
}

/* A short paragraph all in bold, neither a link nor a sentence, on one
 * line, acts as a sub-heading. */
static int
is_subheading(const struct conv *c)
{
	if (c->nchars < 2 || c->nchars > 40 || c->nbold < c->nchars ||
	    c->lines > 0 || c->cell || c->nlinkc * 2 > c->nchars)
		return 0;
	if (in_list(last_char(c), not_head_end,
	    sizeof not_head_end / sizeof not_head_end[0]))
		return 0;
	return !in_list(first_char(c), not_head_start,
	    sizeof not_head_start / sizeof not_head_start[0]);
}

void
conv_block_end(struct conv *c)
{
	struct hints *h = c->h;
	int kind = c->kind, level = c->level;
	size_t i;

	if (!c->open)
		return;
	c->open = 0;
	c->nl_pending = c->space = 0;
	while (c->out.len > c->para_off && c->out.s[c->out.len - 1] == ' ')
		c->out.len--;
	c->out.s[c->out.len] = '\0';
	if (c->nchars == 0) {
		/* Nothing visible (an empty table row): taken back. */
		c->out.len = c->sep_off;
		c->out.s[c->out.len] = '\0';
		h->nspans = c->nspans_open;
		return;
	}
	for (i = c->nspans_open; i < h->nspans; i++) {
		if (h->spans[i].end > c->out.len)
			h->spans[i].end = c->out.len;
		if (h->spans[i].off > h->spans[i].end)
			h->spans[i].off = h->spans[i].end;
	}
	if (c->blk_boiler)
		kind = HINT_BOILERPLATE, level = 0;
	else if (kind == HINT_PARAGRAPH && is_subheading(c))
		kind = HINT_HEADING, level = 2;
	else if (kind == HINT_CAPTION && c->last_kind != HINT_FIGURE)
		kind = HINT_PARAGRAPH;
	if (kind == HINT_HEADING && (level < 1 || level > 6))
		level = 2;
	hints_add_block(h, c->para_off, c->out.len, kind, level);
	c->last_kind = kind;
}

/* Appends one visible character of len bytes at s. */
static void
put(struct conv *c, const char *s, size_t len, size_t nchars)
{
	if (!c->open)
		open_block(c);
	if (c->nl_pending && c->nchars > 0) {
		hints_add_span(c->h, c->out.len, c->out.len + 1, SPAN_BREAK,
		    0);
		sbuf_addc(&c->out, '\n');
		c->lines++;
	} else if (c->space && c->nchars > 0 &&
	    c->out.s[c->out.len - 1] != '\n') {
		sbuf_addc(&c->out, ' ');
	}
	c->nl_pending = c->space = 0;
	/* A block is boilerplate when its first character is. */
	if (c->nchars == 0)
		c->blk_boiler = c->boiler;
	sbuf_add(&c->out, s, len);
	c->nchars += nchars;
	if (c->bold)
		c->nbold += nchars;
	if (c->link)
		c->nlinkc += nchars;
}

/* A byte that ends a run of plain text: ASCII white space and controls,
 * and the lead bytes of U+0080..U+00BF (C1 controls, no-break space) and
 * of U+3000 (the ideographic space, dropped at a paragraph's start). */
static int
special(unsigned char b)
{
	return b <= ' ' || b == 0x7F || b == 0xC2 || b == 0xE3;
}

static void
conv_text(struct conv *c, const char *s, size_t n)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t i = 0, j, k;
	uint32_t u;
	int len;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (!special(b)) {
			/* A run of plain characters at once. */
			for (j = i, k = 0; j < n && !special((unsigned char)
			    s[j]); j++)
				k += ((unsigned char)s[j] & 0xC0) != 0x80;
			put(c, s + i, j - i, k);
			i = j;
			continue;
		}
		len = util_u8_next(s + i, n - i, &u);
		if (u == ' ' || u == '\t' || u == '\n' || u == '\r' ||
		    u == '\f' || u == '\v' || u == 0xA0) {
			if (c->pre && u == '\n')
				c->nl_pending = c->open;
			else if (c->pre && u != '\r')
				put(c, " ", 1, 0);
			else
				c->space = 1;
		} else if (u == 0x3000 && (!c->open || c->nchars == 0 ||
		    c->nl_pending)) {
			/* Indentation: the layout indents if it will. */
		} else if (u < 0x20 || (u >= 0x7F && u < 0xA0)) {
			put(c, repl, 3, 1);
		} else {
			put(c, s + i, (size_t)len, 1);
		}
		i += (size_t)len;
	}
}

void
conv_add_block(struct conv *c, int kind, int level, const char *s)
{
	int k = c->kind, l = c->level, bold = c->bold, link = c->link;
	int pre = c->pre, cell = c->cell;

	conv_block_end(c);
	c->kind = kind;
	c->level = level;
	c->bold = c->link = c->pre = c->cell = 0;
	conv_text(c, s, strlen(s));
	conv_block_end(c);
	c->kind = k;
	c->level = l;
	c->bold = bold;
	c->link = link;
	c->pre = pre;
	c->cell = cell;
}

/* The last path component of a URL, without query or fragment. */
static char *
base_of(const char *src)
{
	const char *p = src, *slash = NULL;
	size_t n;

	for (; *p != '\0' && *p != '?' && *p != '#'; p++)
		if (*p == '/')
			slash = p;
	src = slash != NULL ? slash + 1 : src;
	n = (size_t)(p - src);
	return xstrndup(src, n > 200 ? 200 : n);
}

static void
conv_img(struct conv *c, xmlNode *n)
{
	xmlChar *alt, *src;
	struct sbuf b = SBUF_INIT;
	char *name;

	if (c->boiler || c->cell)
		return;
	alt = conv_attr(n, "alt");
	if (alt != NULL) {
		text_add(&b, (const char *)alt, strlen((const char *)alt),
		    400);
		xmlFree(alt);
	}
	conv_trim(&b);
	if (b.len == 0 && c->figure && (src = conv_attr(n, "src")) != NULL) {
		name = base_of((const char *)src);
		sbuf_adds(&b, name);
		free(name);
		xmlFree(src);
	}
	if (b.len > 0)
		conv_add_block(c, HINT_FIGURE, 0, b.s);
	sbuf_free(&b);
}

static void
conv_br(struct conv *c)
{
	if (c->cell || c->br == BR_SPACE)
		c->space = 1;
	else if (c->br == BR_LINE || c->pre)
		c->nl_pending = c->open;
	else
		conv_block_end(c);
}

static struct conv_frame *
push(struct conv *c, xmlNode *n)
{
	struct conv_frame *f;

	if (c->nfr == c->capfr) {
		c->capfr = c->capfr ? c->capfr * 2 : 64;
		c->fr = xreallocarray(c->fr, c->capfr, sizeof *c->fr);
	}
	f = &c->fr[c->nfr++];
	memset(f, 0, sizeof *f);
	f->n = n;
	f->kind = c->kind;
	f->level = c->level;
	f->boiler = c->boiler;
	f->bold = c->bold;
	f->pre = c->pre;
	f->cell = c->cell;
	f->lists = c->lists;
	f->link = c->link;
	f->figure = c->figure;
	f->br = c->br;
	f->span = -1;
	return f;
}

/* Starts a span of kind in frame f. */
static void
span_start(struct conv *c, struct conv_frame *f, int kind)
{
	if (c->open && c->space && c->nchars > 0 && !c->nl_pending) {
		sbuf_addc(&c->out, ' ');
		c->space = 0;
	}
	f->span = kind;
	f->span_off = c->open ? c->out.len : SIZE_MAX;
}

/* A data cell: " | " after the row's earlier cells, then its span. */
static void
cell_start(struct conv *c, struct conv_frame *f)
{
	if (!c->open)
		open_block(c);
	if (c->out.len > c->para_off)
		sbuf_adds(&c->out, " | ");
	c->space = 0;
	c->cell++;
	f->span = SPAN_CELL;
	f->span_off = c->out.len;
}

static void
enter_flags(struct conv *c, unsigned fl)
{
	if (fl & CN_ARTICLE)
		c->boiler = 0;
	if (fl & CN_BOILER)
		c->boiler = 1;
	if (fl & CN_TITLE) {
		c->boiler = 0;
		c->kind = HINT_TITLE;
		c->level = 0;
		c->br = BR_SPACE;
	} else if (fl & CN_CAPTION) {
		c->kind = HINT_CAPTION;
	}
	if (fl & CN_HEADING)
		c->bold++;
}

/* Enters element n; returns whether to walk its children. */
static int
enter(struct conv *c, xmlNode *n)
{
	const struct elem *e;
	struct conv_frame *f;
	unsigned fl;
	int w, block;
	xmlChar *id;

	if (conv_skipped(n))
		return 0;
	e = elem_of(n);
	fl = flags_of(n);
	w = e->what;
	if (w == W_BR) {
		conv_br(c);
		return 0;
	}
	if (w == W_IMG) {
		conv_img(c, n);
		return 0;
	}
	if ((w == W_TR || w == W_CELL) && (fl & CN_LAYOUT))
		w = W_BLOCK;
	f = push(c, n);
	block = w == W_BLOCK || w == W_PRE || w == W_TR || w == W_LIST ||
	    w == W_QUOTE || w == W_FIGURE || (fl & (CN_TITLE | CN_CAPTION));
	if (block && c->cell) {
		block = 0;
		c->space = 1;
		f->spaced = 1;
	}
	f->block = block;
	if (block) {
		conv_block_end(c);
		c->br = e->br;
		if (e->kind != HINT_PARAGRAPH && !(fl & CN_LAYOUT)) {
			c->kind = e->kind;
			c->level = e->level;
		}
	}
	/* Targets are ids, and in older books <a name>; one inside an
	 * open block is that block's start. */
	if (c->anchor != NULL && ((id = conv_attr(n, "id")) != NULL ||
	    (w == W_LINK && (id = conv_attr(n, "name")) != NULL))) {
		conv_anchor_here(c, c->anchor(c->arg, (const char *)id));
		xmlFree(id);
	}
	enter_flags(c, fl);
	switch (w) {
	case W_STRONG:
		c->bold++;
		span_start(c, f, SPAN_STRONG);
		break;
	case W_EMPH:
		span_start(c, f, SPAN_EMPH);
		break;
	case W_CODE:
		span_start(c, f, SPAN_CODE);
		break;
	case W_STRIKE:
		span_start(c, f, SPAN_STRIKE);
		break;
	case W_LINK:
		c->link++;
		f->href = conv_attr(n, "href");
		if (f->href != NULL)
			span_start(c, f, SPAN_LINK);
		break;
	case W_PRE:
		c->pre++;
		break;
	case W_LIST:
		c->lists++;
		break;
	case W_QUOTE:
		c->level = c->level < 255 ? c->level + 1 : c->level;
		break;
	case W_FIGURE:
		c->figure++;
		break;
	case W_CELL:
		if (!c->cell)
			cell_start(c, f);
		else
			c->space = 1;
		break;
	default:
		break;
	}
	if (e->kind == HINT_LIST_ITEM && block && !(fl & CN_LAYOUT))
		c->level = c->lists < 1 ? 1 : c->lists > 255 ? 255 : c->lists;
	return 1;
}

static void
leave(struct conv *c)
{
	struct conv_frame *f = &c->fr[--c->nfr];
	uint32_t link = 0;
	size_t start;

	if (f->span >= 0 && c->open) {
		start = f->span_off == SIZE_MAX || f->span_off < c->para_off ?
		    c->para_off : f->span_off;
		if (c->out.len > start || f->span == SPAN_CELL) {
			if (f->span == SPAN_LINK)
				link = hints_add_link(c->h,
				    (const char *)f->href);
			hints_add_span(c->h, start, c->out.len, f->span, link);
		}
	}
	if (f->block)
		conv_block_end(c);
	c->kind = f->kind;
	c->level = f->level;
	c->boiler = f->boiler;
	c->bold = f->bold;
	c->pre = f->pre;
	c->cell = f->cell;
	c->lists = f->lists;
	c->link = f->link;
	c->figure = f->figure;
	c->br = f->br;
	if (f->spaced)
		c->space = 1;
	xmlFree(f->href);
	f->href = NULL;
}

void
conv_walk(struct conv *c, xmlNode *root, int boiler)
{
	xmlNode *n = root != NULL ? root->children : NULL;
	size_t base = c->nfr;
	int descend;

	c->boiler = boiler;
	while (n != NULL) {
		descend = 0;
		if (n->type == XML_ELEMENT_NODE)
			descend = enter(c, n);
		else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
			conv_text(c, (const char *)n->content,
			    strlen((const char *)n->content));
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (descend)
			leave(c);
		while (n != NULL && n->next == NULL) {
			n = n->parent;
			if (n == NULL || n == root)
				n = NULL;
			else if (c->nfr > base)
				leave(c);
		}
		if (n != NULL)
			n = n->next;
	}
	while (c->nfr > base)
		leave(c);
	conv_block_end(c);
}

void
conv_finish(struct conv *c)
{
	size_t i;

	conv_block_end(c);
	for (i = 0; i < c->npend; i++)
		if (c->anchor_off[c->pend[i]] == SIZE_MAX)
			c->anchor_off[c->pend[i]] = c->out.len;
	c->npend = 0;
	if (c->out.s == NULL)
		sbuf_add(&c->out, "", 0);
}

void
conv_trim(struct sbuf *b)
{
	size_t i = 0;

	while (b->len > 0 && (unsigned char)b->s[b->len - 1] <= ' ')
		b->len--;
	while (i < b->len && (unsigned char)b->s[i] <= ' ')
		i++;
	if (i > 0)
		memmove(b->s, b->s + i, b->len - i);
	b->len -= i;
	if (b->s != NULL)
		b->s[b->len] = '\0';
}

/* Appends text s[0..n) to b as a title is written: white space and
 * controls collapsed to single spaces. */
static void
text_add(struct sbuf *b, const char *s, size_t n, size_t max)
{
	size_t i = 0;
	uint32_t u;
	int len;

	while (i < n && b->len < max) {
		len = util_u8_next(s + i, n - i, &u);
		if (u <= ' ' || u == 0xA0 || u == 0x3000 ||
		    (u >= 0x7F && u < 0xA0)) {
			if (b->len > 0 && b->s[b->len - 1] != ' ')
				sbuf_addc(b, ' ');
		} else {
			sbuf_add(b, s + i, (size_t)len);
		}
		i += (size_t)len;
	}
}

void
conv_node_text(xmlNode *top, struct sbuf *b, size_t max)
{
	xmlNode *n = top;

	if (top == NULL || max == 0)
		return;
	while (n != NULL && b->len < max) {
		int descend = 0;

		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				text_add(b, (const char *)n->content,
				    strlen((const char *)n->content), max);
		} else if (n->type == XML_ELEMENT_NODE && !conv_skipped(n)) {
			descend = 1;
			if (conv_is_block(n) || elem_of(n)->what == W_BR)
				text_add(b, " ", 1, max);
		}
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != top && n->next == NULL)
			n = n->parent;
		n = n == NULL || n == top ? NULL : n->next;
	}
	/* Cut at a character boundary. */
	if (b->len > max) {
		b->len = max;
		while (b->len > 0 && ((unsigned char)b->s[b->len] & 0xC0) ==
		    0x80)
			b->len--;
		b->s[b->len] = '\0';
	}
}

xmlNode *
conv_find(xmlNode *top, const char *name)
{
	xmlNode *n = top;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != NULL && n != top && n->next == NULL)
			n = n->parent;
		n = n == NULL || n == top ? NULL : n->next;
	}
	return NULL;
}

/* The text has an entity reference other than XML's five, which an XML
 * parser without the XHTML DTD would drop. */
static int
has_html_entity(const char *s, size_t n)
{
	static const char *const xml[] = { "amp;", "lt;", "gt;", "quot;",
	    "apos;" };
	const char *p = s, *end = s + n;
	size_t i;

	while ((p = memchr(p, '&', (size_t)(end - p))) != NULL) {
		p++;
		if (p >= end || !((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			continue;
		for (i = 0; i < sizeof xml / sizeof xml[0]; i++)
			if ((size_t)(end - p) >= strlen(xml[i]) &&
			    memcmp(p, xml[i], strlen(xml[i])) == 0)
				break;
		if (i == sizeof xml / sizeof xml[0])
			return 1;
	}
	return 0;
}

xmlDoc *
conv_parse(const char *s, size_t n, int xml)
{
	xmlParserCtxt *ctxt;
	xmlDoc *doc = NULL;

	if (n > INT32_MAX)
		return NULL;
	if (xml && !has_html_entity(s, n) &&
	    (ctxt = xmlNewParserCtxt()) != NULL) {
		doc = xmlCtxtReadMemory(ctxt, s, (int)n, NULL, "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
		if (doc != NULL && !ctxt->wellFormed) {
			xmlFreeDoc(doc);
			doc = NULL;
		}
		xmlFreeParserCtxt(ctxt);
		if (doc != NULL)
			return doc;
	}
	return htmlReadMemory(s, (int)n, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
}
