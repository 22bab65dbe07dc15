/*
 * convert-html.c - a saved web page: its article, headline and date.
 *
 * The page is decoded to UTF-8 (valid UTF-8 bytes win over a wrong
 * <meta> charset, which browsers' saved pages often carry), parsed by
 * libxml2's HTML parser, and analysed in two passes over its element
 * tree, each without recursion.  Every element of the <body> that can
 * hold text gets a struct cnode (an array, pointed at by the node's
 * _private): pass one, in document order, numbers the elements and
 * notes class and id names that say "comment", "sidebar", "related"...;
 * pass two, children before parents, sums each element's characters,
 * link characters, punctuation and tags, and scores text runs in the way
 * of news extractors (Readability, GeneralNewsExtractor): a run of
 * non-link text of ten characters or more gives its container one point,
 * one more per punctuation mark and up to three for its length, and half
 * of that to the container's parent.  The article is the element whose
 * score, less the share of link text, is highest, with its siblings that
 * score nearly as well.  The headline is the heading or title-classed
 * element whose text the <title> contains, nearest the article.  Then
 * convert-walk.c writes the text: the article as text, the headline as a
 * HINT_TITLE block, the rest of the body as boilerplate.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include <libxml/HTMLparser.h>

#include "convert-int.h"
#include "juan/buffer.h"
#include "juan/convert.h"
#include "juan/format.h"

struct cnode {
	unsigned flags;		/* CN_*: must stay first (convert-int.h) */
	xmlNode *n;
	size_t idx, last;	/* document order: own, last descendant */
	size_t chars;		/* visible characters in the subtree */
	size_t linkc;		/* of them, in links */
	size_t punct;		/* punctuation marks */
	size_t links;		/* <a> elements */
	size_t ichars, ilink, ipunct;	/* the same for its own runs */
	double score;
	unsigned char block;	/* a block element */
	unsigned char has_block;	/* with block descendants */
	unsigned char bad;	/* its class or id says boilerplate */
	unsigned char inbad;	/* it or an ancestor is bad */
	unsigned char good;	/* its class or id says article */
};

struct page {
	struct cnode *nodes;
	size_t nnodes;
	xmlNode *body;
	char *title_tag;	/* <title>, collapsed */
	struct cnode *article;
};

static struct cnode *
cn(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

/* The next node in document order within top, into children when down. */
static xmlNode *
next_node(xmlNode *n, xmlNode *top, int down)
{
	if (down && n->children != NULL)
		return n->children;
	while (n != NULL && n != top && n->next == NULL)
		n = n->parent;
	return n == NULL || n == top ? NULL : n->next;
}

/* Name parts (class and id split at anything but letters and digits)
 * that mark boilerplate, and prefixes of parts that do. */
static const char *const bad_parts[] = {
	"ad", "ads", "advert", "aside", "banner", "bottom", "breadcrumb",
	"cmt", "comment", "comments", "copyright", "crumb", "crumbs",
	"erweima", "foot", "footer", "gg", "guanggao", "head", "header",
	"hot", "login", "menu", "nav", "navbar", "navi", "pager",
	"pagination", "promo", "qrcode", "rank", "ranking", "recommend",
	"related", "relate", "reply", "replies", "share", "sharing", "side",
	"sidebar", "social", "sponsor", "subscribe", "tool", "toolbar",
	"tools", "topbar", "widget"
};
static const char *const bad_prefixes[] = {
	"comment", "related", "recommend", "footer", "sidebar", "share",
	"breadcrumb", "advert", "copyright", "hotnews", "navbar"
};
static const char *const good_parts[] = {
	"article", "artibody", "body", "content", "detail", "entry", "main",
	"post", "story", "text", "txt", "zw"
};
static const char *const heading_parts[] = {
	"h2", "h3", "h4", "h5", "h6", "subhead", "subheading", "subtitle",
	"heading"
};
static const char *const caption_words[] = {
	"caption", "img_descr", "img-descr", "imgdesc", "pictext", "pic_txt",
	"pic-txt", "imgtxt", "figcap", "picintro"
};

static int
in_words(const char *w, const char *const *list, size_t n, int prefix)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (prefix ? strncmp(w, list[i], strlen(list[i])) == 0 :
		    strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

#define NWORDS(a) (sizeof (a) / sizeof (a)[0])

/* Class and id of n, lowercased, "class id", or NULL. */
static char *
names_of(xmlNode *n)
{
	xmlChar *cl = conv_attr(n, "class"), *id = conv_attr(n, "id");
	char *s, *p;

	if (cl == NULL && id == NULL)
		return NULL;
	s = xasprintf("%.200s %.200s", cl != NULL ? (char *)cl : "",
	    id != NULL ? (char *)id : "");
	for (p = s; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	xmlFree(cl);
	xmlFree(id);
	return s;
}

/* Sets k's bad, good and CN_HEADING, CN_CAPTION from its names. */
static void
classify(struct cnode *k)
{
	char *s = names_of(k->n), *p, *q;
	size_t i;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p = q) {
		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')))
			p++;
		for (q = p; (*q >= 'a' && *q <= 'z') || (*q >= '0' &&
		    *q <= '9'); q++)
			;
		if (q == p)
			break;
		{
			char save = *q;

			*q = '\0';
			if (in_words(p, bad_parts, NWORDS(bad_parts), 0) ||
			    in_words(p, bad_prefixes, NWORDS(bad_prefixes),
			    1))
				k->bad = 1;
			if (in_words(p, good_parts, NWORDS(good_parts), 0) ||
			    strncmp(p, "article", 7) == 0 ||
			    strncmp(p, "content", 7) == 0)
				k->good = 1;
			if (in_words(p, heading_parts, NWORDS(heading_parts),
			    0))
				k->flags |= CN_HEADING;
			*q = save;
		}
	}
	for (i = 0; i < NWORDS(caption_words); i++)
		if (strstr(s, caption_words[i]) != NULL)
			k->flags |= CN_CAPTION;
	free(s);
}

/* Pass one: a cnode for every element not skipped, in document order. */
static void
pass_one(struct page *pg)
{
	xmlNode *n;
	size_t count = 0, i = 0;
	struct cnode *k, *p;

	for (n = pg->body; n != NULL; ) {
		int down = n->type == XML_ELEMENT_NODE && !conv_skipped(n);

		count += down;
		n = next_node(n, pg->body, down);
	}
	pg->nodes = xcalloc(count ? count : 1, sizeof *pg->nodes);
	pg->nnodes = count;
	for (n = pg->body; n != NULL && i < count; ) {
		int down = n->type == XML_ELEMENT_NODE && !conv_skipped(n);

		if (down) {
			k = &pg->nodes[i];
			k->n = n;
			k->idx = k->last = i++;
			k->block = (unsigned char)conv_is_block(n);
			n->_private = k;
			classify(k);
			p = n != pg->body ? cn(n->parent) : NULL;
			k->inbad = k->bad || (p != NULL && p->inbad);
		}
		n = next_node(n, pg->body, down);
	}
}

static int
is_punct(uint32_t u)
{
	static const uint32_t marks[] = {
		0xFF0C, 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x3001,
		',', '.', '!', '?', ';'
	};
	size_t i;

	for (i = 0; i < NWORDS(marks); i++)
		if (marks[i] == u)
			return 1;
	return 0;
}

static void
count_text(struct cnode *k, const char *s)
{
	size_t n = strlen(s), i = 0, chars = 0, punct = 0;
	uint32_t u;

	while (i < n) {
		i += (size_t)util_u8_next(s + i, n - i, &u);
		if (u > ' ' && u != 0xA0 && u != 0x3000) {
			chars++;
			punct += is_punct(u);
		}
	}
	k->chars += chars;
	k->ichars += chars;
	k->punct += punct;
	k->ipunct += punct;
}

/* Elements whose own text runs are paragraphs of their parent. */
static int
para_like(const xmlNode *n)
{
	static const char *const names[] = {
		"p", "li", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3",
		"h4", "h5", "h6", "figcaption", "caption", "address"
	};

	return in_words((const char *)n->name, names, NWORDS(names), 0);
}

static void
score_runs(struct cnode *k)
{
	size_t own = k->ichars - k->ilink;
	struct cnode *p = cn(k->n->parent), *g;
	double s;

	if (!k->block || own < 10 || k->ilink * 2 >= k->ichars)
		return;
	s = 1.0 + (double)(k->ipunct < 100 ? k->ipunct : 100) +
	    (own / 50 < 3 ? (double)(own / 50) : 3.0);
	if (para_like(k->n)) {
		g = p != NULL ? cn(p->n->parent) : NULL;
		if (p != NULL)
			p->score += s;
		if (g != NULL)
			g->score += s / 2;
	} else {
		k->score += s;
		if (p != NULL)
			p->score += s / 2;
	}
}

/* Adds k, whose subtree is complete, to its parent. */
static void
finish_node(struct cnode *k, struct page *pg)
{
	struct cnode *p = k->n != pg->body ? cn(k->n->parent) : NULL;
	xmlNode *c;

	if (strcmp((const char *)k->n->name, "a") == 0) {
		k->linkc = k->chars;
		k->ilink = k->ichars;
		k->links++;
	}
	if (strcmp((const char *)k->n->name, "tr") == 0 &&
	    (k->flags & CN_LAYOUT))
		for (c = k->n->children; c != NULL; c = c->next)
			if (cn(c) != NULL)
				cn(c)->flags |= CN_LAYOUT;
	/* A list item holding the page's blocks is layout, not an item. */
	if (strcmp((const char *)k->n->name, "li") == 0 && k->has_block &&
	    k->chars > 200)
		k->flags |= CN_LAYOUT;
	score_runs(k);
	if (p == NULL)
		return;
	p->chars += k->chars;
	p->linkc += k->linkc;
	p->punct += k->punct;
	p->links += k->links;
	p->has_block |= k->block | k->has_block;
	if (k->last > p->last)
		p->last = k->last;
	if (!k->block) {
		p->ichars += k->ichars;
		p->ilink += k->ilink;
		p->ipunct += k->ipunct;
	}
	/* A cell holding blocks or a long text lays a page out: its row
	 * is not a row of data. */
	if ((strcmp((const char *)k->n->name, "td") == 0 ||
	    strcmp((const char *)k->n->name, "th") == 0) && (k->has_block ||
	    k->chars > 100))
		p->flags |= CN_LAYOUT;
}

/* Pass two: the sums, children before parents. */
static void
pass_two(struct page *pg)
{
	xmlNode *n = pg->body;
	struct cnode *k;

	while (n != NULL) {
		int down = n->type == XML_ELEMENT_NODE && cn(n) != NULL;

		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL &&
		    (k = cn(n->parent)) != NULL)
			count_text(k, (const char *)n->content);
		if (down && n->children != NULL) {
			n = n->children;
			continue;
		}
		if (down)
			finish_node(cn(n), pg);
		while (n != NULL && n != pg->body && n->next == NULL) {
			n = n->parent;
			if (cn(n) != NULL)
				finish_node(cn(n), pg);
		}
		n = n == NULL || n == pg->body ? NULL : n->next;
	}
}

static double
cand_score(const struct cnode *k)
{
	double ld;

	if (k->inbad || k->score <= 0 || k->chars == 0)
		return 0;
	ld = (double)k->linkc / (double)k->chars;
	return k->score * (1.0 - ld) * (k->good ? 1.25 : 1.0);
}

/* Marks inside the article what is not its text: badly named elements
 * and containers of links. */
static void
mark_inner(struct page *pg, struct cnode *root)
{
	xmlNode *n = root->n->children;
	struct cnode *k;

	while (n != NULL) {
		int down = (k = cn(n)) != NULL;

		if (k != NULL && (k->bad || (k->block && k->links >= 2 &&
		    k->linkc * 2 > k->chars && !para_like(n)))) {
			k->flags |= CN_BOILER;
			down = 0;
		}
		n = next_node(n, root->n, down);
	}
	(void)pg;
}

static void
find_article(struct page *pg)
{
	struct cnode *best = NULL, *k;
	double bs = 0, s;
	xmlNode *sib;
	size_t i;

	for (i = 0; i < pg->nnodes; i++) {
		s = cand_score(&pg->nodes[i]);
		if (s > bs) {
			bs = s;
			best = &pg->nodes[i];
		}
	}
	if (best == NULL || bs < 5)
		return;
	pg->article = best;
	best->flags |= CN_ARTICLE;
	mark_inner(pg, best);
	if (best->n == pg->body)
		return;
	for (sib = best->n->parent->children; sib != NULL; sib = sib->next) {
		if ((k = cn(sib)) == NULL || k == best || k->inbad)
			continue;
		s = cand_score(k);
		if (s >= (bs * 0.2 > 10 ? bs * 0.2 : 10) ||
		    (para_like(sib) && k->chars >= 40 &&
		    k->linkc * 4 < k->chars)) {
			k->flags |= CN_ARTICLE;
			mark_inner(pg, k);
		}
	}
}

/* s without white space, for comparisons. */
static char *
flat(const char *s)
{
	char *f = xmalloc(strlen(s) + 1), *p = f;

	for (; *s != '\0'; s++)
		if ((unsigned char)*s > ' ')
			*p++ = *s;
	*p = '\0';
	return f;
}

static int
heading_rank(const xmlNode *n)
{
	const char *nm = (const char *)n->name;

	if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '3' && nm[2] == '\0')
		return '4' - nm[1];
	return 0;
}

static int
title_classed(xmlNode *n)
{
	char *s = names_of(n);
	int r = s != NULL && (strstr(s, "title") != NULL ||
	    strstr(s, "headline") != NULL);

	free(s);
	return r;
}

/* How far candidate k is from the article: inside it or just before it
 * is near; after it, far. */
static size_t
distance(const struct page *pg, const struct cnode *k)
{
	const struct cnode *a = pg->article;

	if (a == NULL)
		return k->idx;
	if (k->idx <= a->idx)
		return a->idx - k->idx;
	if (k->idx <= a->last)
		return k->idx - a->idx;
	return (k->idx - a->idx) + ((size_t)1 << 40);
}

/* The headline: returns its text and marks its node, or NULL. */
static char *
find_title(struct page *pg, const char *head)
{
	struct sbuf b = SBUF_INIT;
	struct cnode *best = NULL, *k;
	char *ft = flat(pg->title_tag != NULL ? pg->title_tag : ""), *f;
	char *fh = flat(head != NULL ? head : "");
	size_t i, blen = 0, bdist = 0, len, d, hlen = strlen(fh);
	int brank = 0, rank, pass;

	/* Pass 0: candidates the <title> contains; pass 1: any h1. */
	for (pass = 0; pass < 2 && best == NULL; pass++) {
		for (i = 0; i < pg->nnodes; i++) {
			k = &pg->nodes[i];
			rank = heading_rank(k->n);
			if (pass == 1 && rank != 3)
				continue;
			/* A headline is a short text in a few elements; the
			 * bound on them keeps nested candidates linear. */
			if (k->chars < 4 || k->chars > 120 ||
			    k->last - k->idx > 32 || (rank == 0 &&
			    !title_classed(k->n)) || (pass == 1 && k->inbad))
				continue;
			sbuf_reset(&b);
			conv_node_text(k->n, &b, 600);
			conv_trim(&b);
			f = flat(b.s != NULL ? b.s : "");
			len = strlen(f);
			d = distance(pg, k);
			/* Pass 0 wants most of the <title> without its site
			 * name: a "site-title" element is not the headline. */
			if (len >= 6 && (pass == 1 || (strstr(ft, f) != NULL &&
			    len * 2 >= hlen)) &&
			    (best == NULL || len > blen || (len == blen &&
			    (d < bdist || (d == bdist && rank > brank))))) {
				best = k;
				blen = len;
				bdist = d;
				brank = rank;
			}
			free(f);
		}
	}
	free(ft);
	free(fh);
	sbuf_free(&b);
	if (best == NULL)
		return NULL;
	best->flags |= CN_TITLE;
	conv_node_text(best->n, &b, 2000);
	conv_trim(&b);
	return sbuf_take(&b);
}

/* Separators between a headline and the site's name in <title>. */
static const char *const title_seps[] = {
	" - ", " | ", " _ ", "_", "|", "\xEF\xBD\x9C", " \xE2\x80\x94 ",
	"\xE2\x80\x94", " \xE2\x80\x93 ", "-"
};

/* Splits <title> t at its last separator whose right side is short:
 * returns the headline part (allocated) and sets *site. */
static char *
strip_site(const char *t, char **site)
{
	const char *best = NULL, *p;
	size_t i, seplen = 0;
	char *head;
	struct sbuf b = SBUF_INIT;

	*site = NULL;
	for (i = 0; i < NWORDS(title_seps) && best == NULL; i++) {
		for (p = t; (p = strstr(p, title_seps[i])) != NULL; p++)
			best = p;
		seplen = strlen(title_seps[i]);
		if (best != NULL && (best - t < 12 ||
		    strlen(best + seplen) > 40))
			best = NULL;
	}
	if (best == NULL)
		return xstrdup(t);
	head = xstrndup(t, (size_t)(best - t));
	sbuf_adds(&b, best + seplen);
	conv_trim(&b);
	if (b.len > 0)
		*site = sbuf_take(&b);
	sbuf_free(&b);
	b.s = head;
	b.len = strlen(head);
	b.cap = b.len + 1;
	conv_trim(&b);
	return b.s;
}

/* Reads 1 to max decimal digits at s[*i]; -1 if none. */
static int
digits(const char *s, size_t n, size_t *i, int max)
{
	int v = 0, k = 0;

	while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	return k > 0 ? v : -1;
}

/* Skips a date separator (- / . or the CJK 年 月 when cjk is set). */
static int
date_sep(const char *s, size_t n, size_t *i, const char *cjk)
{
	if (*i < n && (s[*i] == '-' || s[*i] == '/' || s[*i] == '.')) {
		(*i)++;
		return 1;
	}
	if (*i + 3 <= n && memcmp(s + *i, cjk, 3) == 0) {
		*i += 3;
		return 1;
	}
	return 0;
}

/* The first date in s[0..n): with its year (want_year), or a month and
 * day only.  Returns 1 and sets the fields when found. */
static int
find_date(const char *s, size_t n, int want_year, int *y, int *m, int *d)
{
	size_t i, j;
	int yy = 0, mm, dd;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			continue;
		j = i;
		if (want_year) {
			if (j + 4 > n || !(memcmp(s + j, "19", 2) == 0 ||
			    memcmp(s + j, "20", 2) == 0))
				continue;
			yy = digits(s, n, &j, 4);
			if (j - i != 4 || !date_sep(s, n, &j, "\xE5\xB9\xB4"))
				continue;
		}
		mm = digits(s, n, &j, 2);
		if (mm < 1 || mm > 12 || !date_sep(s, n, &j,
		    "\xE6\x9C\x88"))
			continue;
		dd = digits(s, n, &j, 2);
		if (dd < 1 || dd > 31)
			continue;
		*y = yy;
		*m = mm;
		*d = dd;
		return 1;
	}
	return 0;
}

/* <meta> names of the publication time, then of other times of the
 * article, whose year may complete a visible date that has none. */
static const char *const meta_published[] = {
	"article:published_time", "og:article:published_time",
	"og:release_date", "pubdate", "publishdate", "publish_date",
	"publish-date", "publishtime", "publish_time", "pubtime", "ptime",
	"datepublished", "dc.date.issued", "dc.date", "date",
	"weibo:article:create_at", "sailthru.date", "parsely-pub-date"
};
static const char *const meta_other[] = {
	"article:modified_time", "og:updated_time", "dateupdate",
	"datemodified", "lastmodified", "last-modified",
	"weibo:article:update_at"
};

struct meta {
	int py, pm, pd;		/* a published date */
	int oy, om, od;		/* another date */
	char *site;		/* og:site_name */
};

static void
meta_one(struct meta *mt, xmlNode *n)
{
	static const char *const keys[] = { "name", "property", "itemprop" };
	xmlChar *k = NULL, *v;
	char low[64];
	size_t i;
	int y, m, d;

	for (i = 0; i < NWORDS(keys) && k == NULL; i++)
		k = conv_attr(n, keys[i]);
	if (k == NULL || (v = conv_attr(n, "content")) == NULL) {
		xmlFree(k);
		return;
	}
	for (i = 0; k[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = (char)(k[i] >= 'A' && k[i] <= 'Z' ? k[i] - 'A' + 'a' :
		    k[i]);
	low[i] = '\0';
	if (strcmp(low, "og:site_name") == 0 && mt->site == NULL) {
		struct sbuf b = SBUF_INIT;

		sbuf_adds(&b, (const char *)v);
		conv_trim(&b);
		if (b.len > 0 && b.len < 200 && u8_check((uint8_t *)b.s,
		    b.len) == NULL)
			mt->site = sbuf_take(&b);
		sbuf_free(&b);
	} else if (find_date((char *)v, strlen((char *)v), 1, &y, &m, &d)) {
		if (in_words(low, meta_published, NWORDS(meta_published), 0) &&
		    mt->py == 0)
			mt->py = y, mt->pm = m, mt->pd = d;
		else if (in_words(low, meta_other, NWORDS(meta_other), 0) &&
		    mt->oy == 0)
			mt->oy = y, mt->om = m, mt->od = d;
	}
	xmlFree(k);
	xmlFree(v);
}

static void
read_meta(xmlNode *root, struct meta *mt)
{
	xmlNode *n;

	for (n = root; n != NULL; n = next_node(n, root, 1))
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "meta") == 0)
			meta_one(mt, n);
}

/* The date: published meta, else a visible date just after the
 * headline (its year from another meta when it shows none), else any
 * meta date. */
static void
set_date(struct hints *h, const struct meta *mt, const char *text,
    size_t len)
{
	size_t i, from = 0, n;
	int y = 0, m, d;

	if (mt->py != 0) {
		h->year = mt->py, h->month = mt->pm, h->day = mt->pd;
		return;
	}
	for (i = 0; i < h->nblocks; i++)
		if (h->blocks[i].kind == HINT_TITLE) {
			from = h->blocks[i].end;
			break;
		}
	n = len - from < 600 ? len - from : 600;
	if (find_date(text + from, n, 1, &y, &m, &d)) {
		h->year = y, h->month = m, h->day = d;
	} else if (mt->oy != 0 && find_date(text + from, n, 0, &y, &m, &d)) {
		h->year = mt->oy, h->month = m, h->day = d;
	} else if (mt->oy != 0) {
		h->year = mt->oy, h->month = mt->om, h->day = mt->od;
	}
}

/*
 * The page as UTF-8 (allocated, *len bytes), or NULL.  The encoding is
 * the hint, else the one the page declares (format_html_encoding(), as
 * a browser decodes it), else the buffer's detection; the name of the
 * one used goes to *used (allocated).
 */
static char *
decode(const char *bytes, size_t n, const char *hint, size_t *len,
    char **used)
{
	char *declared = NULL, *err = NULL, *s;
	struct buffer *b;

	if (hint == NULL)
		declared = format_html_encoding(bytes, n);
	b = buffer_from_mem(bytes, n, hint != NULL ? hint : declared, &err);
	if (b == NULL) {
		free(err);
		err = NULL;
		b = buffer_from_mem(bytes, n, NULL, &err);
	}
	free(err);
	free(declared);
	if (b == NULL)
		return NULL;
	s = xmalloc(b->len + 1);
	memcpy(s, b->data, b->len + 1);
	*len = b->len;
	*used = xstrdup(b->encoding);
	buffer_free(b);
	return s;
}

/* The text of <title>, collapsed, or NULL. */
static char *
title_tag(xmlNode *root)
{
	xmlNode *t = conv_find(root, "title"), *c;
	struct sbuf b = SBUF_INIT;

	if (t == NULL)
		return NULL;
	for (c = t->children; c != NULL; c = c->next)
		conv_node_text(c, &b, 2000);
	conv_trim(&b);
	if (b.len == 0) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

/* A title of last resort: the file name without directory and suffix. */
static char *
name_title(const char *base)
{
	const char *s, *dot;

	if (base == NULL || *base == '\0')
		return NULL;
	s = strrchr(base, '/') != NULL ? strrchr(base, '/') + 1 : base;
	dot = strrchr(s, '.');
	return dot != NULL && dot > s ? xstrndup(s, (size_t)(dot - s)) :
	    xstrdup(s);
}

/* Keeps s only when it is valid UTF-8 without controls; else frees it. */
static char *
clean(char *s)
{
	size_t i;

	if (s == NULL)
		return NULL;
	if (u8_check((uint8_t *)s, strlen(s)) != NULL) {
		free(s);
		return NULL;
	}
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < ' ' || s[i] == 0x7F)
			s[i] = ' ';
	return s;
}

static void
analyse(struct page *pg, struct conv *c, const char *base_name)
{
	struct hints *h = c->h;
	char *head = NULL, *site = NULL;

	pass_one(pg);
	pass_two(pg);
	find_article(pg);
	if (pg->title_tag != NULL)
		head = strip_site(pg->title_tag, &site);
	h->title = find_title(pg, head);
	if (h->title == NULL && head != NULL) {
		h->title = head;
		head = NULL;
		conv_add_block(c, HINT_TITLE, 0, h->title);
	}
	if (h->title == NULL)
		h->title = name_title(base_name);
	if (h->site == NULL)
		h->site = site;
	else
		free(site);
	free(head);
}

int
convert_html(const char *bytes, size_t n, const char *charset_hint,
    const char *base_name, char **text, size_t *len, struct hints **hints,
    char **err)
{
	struct page pg;
	struct conv c;
	struct meta mt;
	struct hints *h;
	xmlDoc *doc = NULL;
	xmlNode *root = NULL;
	xmlChar *lang;
	char *utf, *used = NULL;
	size_t ulen = 0;

	*err = NULL;
	if (n > CONVERT_MAX_INPUT) {
		*err = xasprintf("page too large (over %zu bytes)",
		    (size_t)CONVERT_MAX_INPUT);
		return -1;
	}
	utf = decode(bytes, n, charset_hint, &ulen, &used);
	if (utf == NULL) {
		*err = xstrdup("cannot decode the page");
		return -1;
	}
	if (ulen > 0)
		doc = conv_parse(utf, ulen, 0);
	free(utf);
	h = hints_new("html");
	h->encoding = used;
	conv_init(&c, h);
	memset(&pg, 0, sizeof pg);
	memset(&mt, 0, sizeof mt);
	if (doc != NULL)
		root = xmlDocGetRootElement(doc);
	if (root != NULL) {
		pg.body = conv_find(root, "body");
		if (pg.body == NULL)
			pg.body = root;
		pg.title_tag = clean(title_tag(root));
		read_meta(root, &mt);
		h->site = mt.site;
		mt.site = NULL;
		if ((lang = conv_attr(root, "lang")) != NULL) {
			h->language = clean(xstrdup((char *)lang));
			xmlFree(lang);
		}
		analyse(&pg, &c, base_name);
		conv_walk(&c, pg.body, pg.article != NULL &&
		    pg.article->n != pg.body);
	} else {
		h->title = name_title(base_name);
	}
	conv_finish(&c);
	conv_done(&c);
	h->title = clean(h->title);
	set_date(h, &mt, c.out.s, c.out.len);
	hints_sort(h);
	free(pg.nodes);
	free(pg.title_tag);
	free(mt.site);
	if (doc != NULL)
		xmlFreeDoc(doc);
	*len = c.out.len;
	*text = sbuf_take(&c.out);
	*hints = h;
	return 0;
}
