/*
 * convert-epub.c - an EPUB 2 or 3 book: its spine as text, its table of
 * contents as the outline.
 *
 * The book is a zip (read by libzip from memory) holding
 * META-INF/container.xml, which names the package document (OPF); the
 * OPF's manifest maps ids to files, its spine lists them in reading
 * order and its metadata gives title, creator and language.  The table
 * of contents is read first, from the EPUB 3 nav document (the <nav
 * epub:type="toc">, its nested <ol> levels) or else from toc.ncx, into
 * entries whose targets (file and fragment id) are kept sorted, so that
 * while each spine document goes through the HTML walker of
 * convert-walk.c, every element id can be looked up by bisection and
 * the offset where its text starts written beside its target.  Every
 * member read is counted against the limits of convert.h before it is
 * inflated, and read no further than the size it declares.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include <zip.h>

#include "convert-int.h"
#include "juan/convert.h"

struct item {
	char *id, *path, *type, *props;
};

struct tocent {
	char *text;
	int level;
	char *path, *frag;	/* target, or path NULL */
	size_t off;
};

struct epub {
	zip_t *z;
	size_t total;		/* bytes unpacked so far */
	char *err;		/* first error */
	struct item *items;
	size_t nitems;
	struct tocent *toc;
	size_t ntoc;
	size_t *order;		/* toc entries with targets, sorted */
	size_t norder;
	const char *cur;	/* the spine document being converted */
};

/* Tables of contents deeper than this are cut: no book needs more. */
#define TOC_MAX_LEVEL 16
#define TOC_MAX_ENTRIES 100000

static void
fail(struct epub *e, char *msg)
{
	if (e->err == NULL)
		e->err = msg;
	else
		free(msg);
}

/* Reads member name whole (NUL-terminated) within the limits; NULL and
 * e->err set on failure, NULL alone if there is no such member. */
static char *
read_member(struct epub *e, const char *name, size_t *len)
{
	zip_int64_t idx = zip_name_locate(e->z, name, 0);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	size_t got = 0, size;
	zip_int64_t k;

	if (idx < 0)
		idx = zip_name_locate(e->z, name, ZIP_FL_NOCASE);
	if (idx < 0 || e->err != NULL)
		return NULL;
	zip_stat_init(&st);
	if (zip_stat_index(e->z, (zip_uint64_t)idx, 0, &st) != 0 ||
	    !(st.valid & ZIP_STAT_SIZE)) {
		fail(e, xstrdup("broken zip archive"));
		return NULL;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    st.encryption_method != ZIP_EM_NONE) {
		fail(e, xstrdup("encrypted book: its files are encrypted"));
		return NULL;
	}
	if (st.size > CONVERT_EPUB_MAX_ENTRY ||
	    st.size > CONVERT_EPUB_MAX_TOTAL - e->total) {
		fail(e, xstrdup("archive too large when unpacked"));
		return NULL;
	}
	if ((st.valid & ZIP_STAT_COMP_SIZE) && st.size > ((size_t)1 << 20) &&
	    st.size / (st.comp_size ? st.comp_size : 1) >
	    CONVERT_EPUB_MAX_RATIO) {
		fail(e, xstrdup("archive unpacks too much (a zip bomb?)"));
		return NULL;
	}
	size = (size_t)st.size;
	if ((f = zip_fopen_index(e->z, (zip_uint64_t)idx, 0)) == NULL) {
		fail(e, xasprintf("broken zip archive (%s)",
		    zip_strerror(e->z)));
		return NULL;
	}
	buf = xmalloc(size + 2);
	/* One byte more than declared is asked for: a member that gives it
	 * lies about its size. */
	while (got <= size && (k = zip_fread(f, buf + got, size + 1 - got)) >
	    0)
		got += (size_t)k;
	if (k < 0 || got != size) {
		fail(e, xasprintf("broken zip archive (%s)", k < 0 ?
		    zip_file_strerror(f) : "a member's size is wrong"));
		zip_fclose(f);
		free(buf);
		return NULL;
	}
	zip_fclose(f);
	e->total += size;
	buf[size] = '\0';
	*len = size;
	return buf;
}

/* The local name of n: "title" for "dc:title" too. */
static int
named(const xmlNode *n, const char *name)
{
	const char *s = (const char *)n->name, *colon;

	if (n->type != XML_ELEMENT_NODE)
		return 0;
	colon = strchr(s, ':');
	return strcmp(colon != NULL ? colon + 1 : s, name) == 0;
}

static xmlNode *
next_el(xmlNode *n, xmlNode *top)
{
	if (n->children != NULL)
		return n->children;
	while (n != NULL && n != top && n->next == NULL)
		n = n->parent;
	return n == NULL || n == top ? NULL : n->next;
}

static xmlNode *
find_named(xmlNode *top, const char *name)
{
	xmlNode *n;

	for (n = top; n != NULL; n = next_el(n, top))
		if (named(n, name))
			return n;
	return NULL;
}

/* Percent-decodes s[0..n) into a new string. */
static char *
unescape(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *p = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n) {
			char hex[3] = { s[i + 1], s[i + 2], 0 };
			char *end;
			long v = strtol(hex, &end, 16);

			if (end == hex + 2 && v > 0) {
				*p++ = (char)v;
				i += 2;
				continue;
			}
		}
		*p++ = s[i];
	}
	*p = '\0';
	return out;
}

/* Resolves href (up to '#') against the directory of base (a member
 * path), removing "." and ".." parts; *frag gets what follows '#'. */
static char *
resolve(const char *base, const char *href, char **frag)
{
	const char *hash = strchr(href, '#'), *slash = strrchr(base, '/');
	size_t hn = hash != NULL ? (size_t)(hash - href) : strlen(href);
	char *rel = unescape(href, hn), *joined, *out, *seg, *save = NULL;
	struct sbuf b = SBUF_INIT;
	size_t *starts = NULL, nst = 0;

	if (frag != NULL)
		*frag = hash != NULL ? unescape(hash + 1, strlen(hash + 1)) :
		    xstrdup("");
	if (rel[0] == '/' || slash == NULL)
		joined = xstrdup(rel[0] == '/' ? rel + 1 : rel);
	else
		joined = xasprintf("%.*s/%s", (int)(slash - base), base, rel);
	starts = xreallocarray(NULL, strlen(joined) + 1, sizeof *starts);
	for (seg = strtok_r(joined, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (nst > 0)
				b.len = starts[--nst];
			if (b.s != NULL)
				b.s[b.len] = '\0';
			continue;
		}
		starts[nst++] = b.len;
		if (b.len > 0)
			sbuf_addc(&b, '/');
		sbuf_adds(&b, seg);
	}
	out = b.s != NULL ? sbuf_take(&b) : xstrdup("");
	free(starts);
	free(joined);
	free(rel);
	return out;
}

static char *
attr_str(xmlNode *n, const char *name)
{
	xmlChar *v = conv_attr(n, name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* The text of n, collapsed, valid UTF-8 (allocated). */
static char *
text_of(xmlNode *n)
{
	struct sbuf b = SBUF_INIT;
	xmlNode *c;

	/* The children: the element itself may be one the walker skips
	 * (dc:title is a "title"). */
	for (c = n->children; c != NULL; c = c->next)
		conv_node_text(c, &b, 4000);
	conv_trim(&b);
	if (b.s == NULL || u8_check((uint8_t *)b.s, b.len) != NULL) {
		sbuf_free(&b);
		return xstrdup("");
	}
	return sbuf_take(&b);
}

static void
toc_add(struct epub *e, const char *text, int level, const char *base,
    const char *href)
{
	struct tocent *t;

	if (e->ntoc >= TOC_MAX_ENTRIES)
		return;
	if (e->ntoc == 0 || (e->ntoc & (e->ntoc - 1)) == 0)
		e->toc = xreallocarray(e->toc, e->ntoc ? e->ntoc * 2 : 1,
		    sizeof *e->toc);
	t = &e->toc[e->ntoc++];
	t->text = xstrdup(text);
	t->level = level;
	t->path = href != NULL && *href != '\0' ? resolve(base, href,
	    &t->frag) : NULL;
	if (t->path == NULL)
		t->frag = NULL;
	t->off = SIZE_MAX;
}

static int
is_hidden(xmlNode *n)
{
	xmlChar *v = conv_attr(n, "hidden");

	if (v == NULL)
		return 0;
	xmlFree(v);
	return 1;
}

/* The entries of an <ol> of the nav document, at level. */
static void
nav_ol(struct epub *e, xmlNode *ol, int level, const char *base)
{
	xmlNode *li, *c, *label;
	char *text, *href;

	if (level > TOC_MAX_LEVEL)
		return;
	for (li = ol->children; li != NULL; li = li->next) {
		if (!named(li, "li") || is_hidden(li))
			continue;
		label = NULL;
		for (c = li->children; c != NULL && label == NULL; c = c->next)
			if (named(c, "a") || named(c, "span"))
				label = c;
		if (label != NULL) {
			text = text_of(label);
			href = named(label, "a") ? attr_str(label, "href") :
			    NULL;
			if (*text != '\0')
				toc_add(e, text, level, base, href);
			free(text);
			free(href);
		}
		for (c = li->children; c != NULL; c = c->next)
			if (named(c, "ol") && !is_hidden(c))
				nav_ol(e, c, level + 1, base);
	}
}

/* The nav document's table of contents; 0 when it has none. */
static int
read_nav(struct epub *e, const char *path)
{
	xmlDoc *doc;
	xmlNode *root, *n, *toc = NULL, *first = NULL, *ol;
	char *s, *type;
	size_t len;

	if ((s = read_member(e, path, &len)) == NULL)
		return 0;
	doc = conv_parse(s, len, 1);
	free(s);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		return 0;
	}
	for (n = root; n != NULL && toc == NULL; n = next_el(n, root)) {
		if (!named(n, "nav"))
			continue;
		if (first == NULL)
			first = n;
		type = attr_str(n, "epub:type");
		if (type != NULL && strstr(type, "toc") != NULL)
			toc = n;
		free(type);
	}
	if (toc == NULL)
		toc = first;
	if (toc != NULL && (ol = find_named(toc, "ol")) != NULL)
		nav_ol(e, ol, 1, path);
	xmlFreeDoc(doc);
	return e->ntoc > 0;
}

static void
ncx_points(struct epub *e, xmlNode *parent, int level, const char *base)
{
	xmlNode *p, *c, *label, *content;
	char *text, *src;

	if (level > TOC_MAX_LEVEL)
		return;
	for (p = parent->children; p != NULL; p = p->next) {
		if (!named(p, "navPoint"))
			continue;
		label = content = NULL;
		for (c = p->children; c != NULL; c = c->next) {
			if (named(c, "navLabel") && label == NULL)
				label = c;
			if (named(c, "content") && content == NULL)
				content = c;
		}
		text = label != NULL ? text_of(label) : xstrdup("");
		src = content != NULL ? attr_str(content, "src") : NULL;
		if (*text != '\0')
			toc_add(e, text, level, base, src);
		free(text);
		free(src);
		ncx_points(e, p, level + 1, base);
	}
}

static void
read_ncx(struct epub *e, const char *path)
{
	xmlDoc *doc;
	xmlNode *root, *map;
	char *s;
	size_t len;

	if ((s = read_member(e, path, &len)) == NULL)
		return;
	doc = conv_parse(s, len, 1);
	free(s);
	if (doc != NULL && (root = xmlDocGetRootElement(doc)) != NULL &&
	    (map = find_named(root, "navMap")) != NULL)
		ncx_points(e, map, 1, path);
	xmlFreeDoc(doc);
}

static struct epub *sort_e;

static int
cmp_target(const void *a, const void *b)
{
	const struct tocent *x = &sort_e->toc[*(const size_t *)a];
	const struct tocent *y = &sort_e->toc[*(const size_t *)b];
	int r = strcmp(x->path, y->path);

	return r != 0 ? r : strcmp(x->frag, y->frag);
}

static void
sort_targets(struct epub *e)
{
	size_t i;

	e->order = xreallocarray(NULL, e->ntoc ? e->ntoc : 1,
	    sizeof *e->order);
	for (i = 0; i < e->ntoc; i++)
		if (e->toc[i].path != NULL)
			e->order[e->norder++] = i;
	sort_e = e;
	qsort(e->order, e->norder, sizeof *e->order, cmp_target);
}

/* The first position in order of the target (path, frag), or -1. */
static long
lookup(struct epub *e, const char *path, const char *frag)
{
	size_t lo = 0, hi = e->norder, mid;
	int r;

	while (lo < hi) {
		const struct tocent *t;

		mid = lo + (hi - lo) / 2;
		t = &e->toc[e->order[mid]];
		r = strcmp(t->path, path);
		if (r == 0)
			r = strcmp(t->frag, frag);
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < e->norder) {
		const struct tocent *t = &e->toc[e->order[lo]];

		if (strcmp(t->path, path) == 0 && strcmp(t->frag, frag) == 0)
			return (long)lo;
	}
	return -1;
}

static long
anchor_cb(void *arg, const char *id)
{
	struct epub *e = arg;

	return lookup(e, e->cur, id);
}

/* The package document's path from META-INF/container.xml, or NULL. */
static char *
container(struct epub *e)
{
	char *s, *path = NULL;
	size_t len;
	xmlDoc *doc;
	xmlNode *root, *n;

	if ((s = read_member(e, "META-INF/container.xml", &len)) == NULL) {
		fail(e, xstrdup("not an EPUB: no META-INF/container.xml"));
		return NULL;
	}
	doc = conv_parse(s, len, 1);
	free(s);
	if (doc != NULL && (root = xmlDocGetRootElement(doc)) != NULL)
		for (n = root; n != NULL && path == NULL; n = next_el(n, root))
			if (named(n, "rootfile"))
				path = attr_str(n, "full-path");
	xmlFreeDoc(doc);
	if (path == NULL)
		fail(e, xstrdup("not an EPUB: container.xml names no "
		    "package document"));
	return path;
}

/* Font obfuscation is not DRM: the IDPF's and Adobe's algorithms. */
static const char *const obfuscation[] = {
	"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"
};

/* A clear error for a book under DRM. */
static void
check_drm(struct epub *e)
{
	char *s, *alg;
	size_t len, i;
	xmlDoc *doc;
	xmlNode *root, *n;

	if (zip_name_locate(e->z, "META-INF/rights.xml", ZIP_FL_NOCASE) >= 0) {
		fail(e, xstrdup("encrypted book (DRM): META-INF/rights.xml; "
		    "juan cannot read it"));
		return;
	}
	if ((s = read_member(e, "META-INF/encryption.xml", &len)) == NULL)
		return;
	doc = conv_parse(s, len, 1);
	free(s);
	root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
	for (n = root; n != NULL && e->err == NULL; n = next_el(n, root)) {
		if (!named(n, "EncryptionMethod") && !named(n,
		    "encryptionmethod"))
			continue;
		if ((alg = attr_str(n, "Algorithm")) == NULL)
			alg = attr_str(n, "algorithm");
		for (i = 0; alg != NULL && i < sizeof obfuscation /
		    sizeof obfuscation[0]; i++)
			if (strcmp(alg, obfuscation[i]) == 0)
				break;
		if (alg != NULL && i == sizeof obfuscation /
		    sizeof obfuscation[0])
			fail(e, xstrdup("encrypted book (DRM): "
			    "META-INF/encryption.xml encrypts its content; "
			    "juan cannot read it"));
		free(alg);
	}
	xmlFreeDoc(doc);
}

static void
meta_text(xmlNode *meta, const char *name, char **out)
{
	xmlNode *n;

	if (*out != NULL || meta == NULL)
		return;
	for (n = meta; n != NULL; n = next_el(n, meta))
		if (named(n, name)) {
			*out = text_of(n);
			if (**out != '\0')
				return;
			free(*out);
			*out = NULL;
		}
}

static int
has_token(const char *s, const char *tok)
{
	size_t n = strlen(tok);
	const char *p;

	for (p = s; s != NULL && (p = strstr(p, tok)) != NULL; p++)
		if ((p == s || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

static void
manifest(struct epub *e, xmlNode *man, const char *opf)
{
	xmlNode *n;
	struct item *it;
	char *href;

	for (n = man != NULL ? man->children : NULL; n != NULL; n = n->next) {
		if (!named(n, "item") || (href = attr_str(n, "href")) == NULL)
			continue;
		if (e->nitems == 0 || (e->nitems & (e->nitems - 1)) == 0)
			e->items = xreallocarray(e->items, e->nitems ?
			    e->nitems * 2 : 1, sizeof *e->items);
		it = &e->items[e->nitems++];
		it->id = attr_str(n, "id");
		it->path = resolve(opf, href, NULL);
		it->type = attr_str(n, "media-type");
		it->props = attr_str(n, "properties");
		free(href);
	}
}

static struct item *
item_by_id(struct epub *e, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < e->nitems; i++)
		if (e->items[i].id != NULL && strcmp(e->items[i].id, id) == 0)
			return &e->items[i];
	return NULL;
}

static int
contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w), i;

	for (; s != NULL && *s != '\0'; s++) {
		for (i = 0; i < n && s[i] != '\0' && (s[i] | 0x20) == w[i]; i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Converts one spine document into c. */
static void
spine_doc(struct epub *e, struct conv *c, const struct item *it)
{
	char *s;
	size_t len;
	xmlDoc *doc;
	xmlNode *root, *body;

	if ((s = read_member(e, it->path, &len)) == NULL)
		return;
	doc = conv_parse(s, len, 1);
	free(s);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		return;
	}
	body = find_named(root, "body");
	e->cur = it->path;
	conv_block_end(c);
	conv_anchor_here(c, lookup(e, it->path, ""));
	conv_walk(c, body != NULL ? body : root, 0);
	conv_block_end(c);
	/* Targets in this file whose ids were not found: its start. */
	e->cur = NULL;
	xmlFreeDoc(doc);
}

static void
spine(struct epub *e, struct conv *c, xmlNode *sp, const char *nav)
{
	xmlNode *n;
	struct item *it;
	char *idref, *linear;
	int skip;

	for (n = sp != NULL ? sp->children : NULL; n != NULL && e->err ==
	    NULL; n = n->next) {
		if (!named(n, "itemref"))
			continue;
		idref = attr_str(n, "idref");
		linear = attr_str(n, "linear");
		it = item_by_id(e, idref);
		/* A non-linear cover or nav document is not reading matter;
		 * other non-linear documents keep their place. */
		skip = it == NULL || (it->type != NULL &&
		    strstr(it->type, "html") == NULL) ||
		    (linear != NULL && strcmp(linear, "no") == 0 &&
		    ((nav != NULL && strcmp(it->path, nav) == 0) ||
		    contains_ci(it->id, "cover") ||
		    contains_ci(it->path, "cover")));
		if (!skip)
			spine_doc(e, c, it);
		free(idref);
		free(linear);
	}
}

/* Offsets of the entries: found targets, else the start of their
 * file, else the next entry's. */
static void
toc_offsets(struct epub *e, struct conv *c, struct hints *h)
{
	size_t i, j, best;
	long k;

	for (i = 0; i < e->norder; i++)
		e->toc[e->order[i]].off = c->anchor_off[i];
	/* Entries with the same target share its offset. */
	for (i = 0; i < e->norder; i = j) {
		best = SIZE_MAX;
		for (j = i; j < e->norder && cmp_target(&e->order[i],
		    &e->order[j]) == 0; j++)
			if (c->anchor_off[j] < best)
				best = c->anchor_off[j];
		for (k = (long)i; k < (long)j; k++)
			e->toc[e->order[k]].off = best;
	}
	for (i = 0; i < e->ntoc; i++) {
		struct tocent *t = &e->toc[i];

		if (t->off == SIZE_MAX && t->path != NULL &&
		    (k = lookup(e, t->path, "")) >= 0)
			t->off = c->anchor_off[k];
	}
	for (i = e->ntoc; i-- > 0; )
		if (e->toc[i].off == SIZE_MAX)
			e->toc[i].off = i + 1 < e->ntoc ? e->toc[i + 1].off :
			    c->out.len;
	for (i = 0; i < e->ntoc; i++)
		hints_add_toc(h, e->toc[i].off > c->out.len ? c->out.len :
		    e->toc[i].off, e->toc[i].level, e->toc[i].text);
}

/* The package: metadata, manifest, table of contents, spine. */
static void
package(struct epub *e, struct conv *c, struct hints *h, const char *opf)
{
	char *s, *ncx, *nav = NULL;
	size_t len, i;
	xmlDoc *doc;
	xmlNode *root, *meta, *sp;
	struct item *it;

	if ((s = read_member(e, opf, &len)) == NULL) {
		fail(e, xasprintf("not an EPUB: no package document %.100s",
		    opf));
		return;
	}
	doc = conv_parse(s, len, 1);
	free(s);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		fail(e, xstrdup("not an EPUB: the package document is not "
		    "XML"));
		xmlFreeDoc(doc);
		return;
	}
	meta = find_named(root, "metadata");
	meta_text(meta, "title", &h->title);
	meta_text(meta, "creator", &h->creator);
	meta_text(meta, "language", &h->language);
	manifest(e, find_named(root, "manifest"), opf);
	sp = find_named(root, "spine");
	for (i = 0; i < e->nitems && nav == NULL; i++)
		if (has_token(e->items[i].props, "nav"))
			nav = e->items[i].path;
	if (nav == NULL || !read_nav(e, nav)) {
		ncx = sp != NULL ? attr_str(sp, "toc") : NULL;
		it = item_by_id(e, ncx);
		for (i = 0; it == NULL && i < e->nitems; i++)
			if (e->items[i].type != NULL && strstr(
			    e->items[i].type, "ncx") != NULL)
				it = &e->items[i];
		if (it != NULL)
			read_ncx(e, it->path);
		free(ncx);
	}
	sort_targets(e);
	c->anchor = anchor_cb;
	c->arg = e;
	c->anchor_off = xreallocarray(NULL, e->norder ? e->norder : 1,
	    sizeof *c->anchor_off);
	for (i = 0; i < e->norder; i++)
		c->anchor_off[i] = SIZE_MAX;
	spine(e, c, sp, nav);
	conv_finish(c);
	toc_offsets(e, c, h);
	xmlFreeDoc(doc);
}

static void
epub_free(struct epub *e)
{
	size_t i;

	for (i = 0; i < e->nitems; i++) {
		free(e->items[i].id);
		free(e->items[i].path);
		free(e->items[i].type);
		free(e->items[i].props);
	}
	for (i = 0; i < e->ntoc; i++) {
		free(e->toc[i].text);
		free(e->toc[i].path);
		free(e->toc[i].frag);
	}
	free(e->items);
	free(e->toc);
	free(e->order);
	if (e->z != NULL)
		zip_discard(e->z);
}

int
convert_epub(const char *bytes, size_t n, const char *base_name,
    char **text, size_t *len, struct hints **hints, char **err)
{
	struct epub e;
	struct conv c;
	struct hints *h;
	zip_error_t ze;
	zip_source_t *src;
	char *opf;

	*err = NULL;
	memset(&e, 0, sizeof e);
	zip_error_init(&ze);
	if (n > CONVERT_MAX_INPUT || (src = zip_source_buffer_create(bytes,
	    n, 0, &ze)) == NULL) {
		*err = xstrdup(n > CONVERT_MAX_INPUT ? "book too large" :
		    "cannot read the book");
		zip_error_fini(&ze);
		return -1;
	}
	if ((e.z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		*err = xasprintf("not a zip archive (%s)",
		    zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	h = hints_new("epub");
	conv_init(&c, h);
	check_drm(&e);
	opf = e.err == NULL ? container(&e) : NULL;
	if (opf != NULL)
		package(&e, &c, h, opf);
	free(opf);
	free(c.anchor_off);
	conv_done(&c);
	epub_free(&e);
	if (e.err != NULL) {
		*err = e.err;
		sbuf_free(&c.out);
		hints_free(h);
		return -1;
	}
	if (h->title == NULL && base_name != NULL) {
		const char *s = strrchr(base_name, '/') != NULL ?
		    strrchr(base_name, '/') + 1 : base_name;
		const char *dot = strrchr(s, '.');

		h->title = dot != NULL && dot > s ?
		    xstrndup(s, (size_t)(dot - s)) : xstrdup(s);
		if (u8_check((uint8_t *)h->title, strlen(h->title)) != NULL) {
			free(h->title);
			h->title = NULL;
		}
	}
	hints_sort(h);
	*len = c.out.len;
	*text = sbuf_take(&c.out);
	*hints = h;
	return 0;
}
