/*
 * hints.c - the structure hints of the format stage.
 *
 * A set of hints is four growable arrays (blocks, spans, links, table of
 * contents) and a few owned strings.  The format converters append in
 * whatever order their parser reports and call hints_sort() once at the
 * end; readers of the hints may then bisect blocks and spans by offset.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "juan/hints.h"
#include "juan/util.h"

struct hints *
hints_new(const char *format)
{
	struct hints *h = xcalloc(1, sizeof *h);

	h->format = xstrdup(format != NULL ? format : "text");
	return h;
}

/* grow: makes room for element n of an array of n elements of size sz. */
static void *
grow(void *v, size_t n, size_t sz)
{
	/* Capacities are 8 and then powers of two: the array doubles when
	 * n reaches one, so it grows no more often than that. */
	if (n == 0)
		v = xreallocarray(v, 8, sz);
	else if (n >= 8 && (n & (n - 1)) == 0)
		v = xreallocarray(v, n * 2, sz);
	return v;
}

void
hints_add_block(struct hints *h, size_t off, size_t end, int kind, int level)
{
	struct hint_block *b;

	h->blocks = grow(h->blocks, h->nblocks, sizeof *b);
	b = &h->blocks[h->nblocks++];
	b->off = off;
	b->end = end < off ? off : end;
	b->kind = (unsigned char)kind;
	b->level = (unsigned char)(level < 0 ? 0 : level > 255 ? 255 : level);
}

void
hints_add_span(struct hints *h, size_t off, size_t end, int kind,
    uint32_t link)
{
	struct hint_span *s;

	h->spans = grow(h->spans, h->nspans, sizeof *s);
	s = &h->spans[h->nspans++];
	s->off = off;
	s->end = end < off ? off : end;
	s->kind = (unsigned char)kind;
	s->link = link;
}

uint32_t
hints_add_link(struct hints *h, const char *url)
{
	h->links = grow(h->links, h->nlinks, sizeof *h->links);
	h->links[h->nlinks].url = xstrdup(url != NULL ? url : "");
	return (uint32_t)h->nlinks++;
}

void
hints_add_toc(struct hints *h, size_t off, int level, const char *text)
{
	struct hint_toc *t;

	h->toc = grow(h->toc, h->ntoc, sizeof *t);
	t = &h->toc[h->ntoc++];
	t->off = off;
	t->level = level < 1 ? 1 : level;
	t->text = xstrdup(text != NULL ? text : "");
}

/* The comparisons sort by start, then the longer (outer) range first, then
 * by the order of insertion, which makes qsort stable here. */
struct keyed {
	size_t off, end, seq;
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* sort_array: sorts n elements of size sz whose off and end sit at offsets
 * offpos and endpos, through an index. */
static void
sort_array(void *v, size_t n, size_t sz, size_t offpos, size_t endpos)
{
	struct keyed *k;
	char *tmp, *base = v;
	size_t i;

	if (n < 2)
		return;
	k = xreallocarray(NULL, n, sizeof *k);
	for (i = 0; i < n; i++) {
		memcpy(&k[i].off, base + i * sz + offpos, sizeof(size_t));
		memcpy(&k[i].end, base + i * sz + endpos, sizeof(size_t));
		k[i].seq = i;
	}
	qsort(k, n, sizeof *k, cmp_keyed);
	tmp = xreallocarray(NULL, n, sz);
	for (i = 0; i < n; i++)
		memcpy(tmp + i * sz, base + k[i].seq * sz, sz);
	memcpy(base, tmp, n * sz);
	free(tmp);
	free(k);
}

void
hints_sort(struct hints *h)
{
	sort_array(h->blocks, h->nblocks, sizeof *h->blocks,
	    offsetof(struct hint_block, off), offsetof(struct hint_block, end));
	sort_array(h->spans, h->nspans, sizeof *h->spans,
	    offsetof(struct hint_span, off), offsetof(struct hint_span, end));
}

void
hints_free(struct hints *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->nlinks; i++)
		free(h->links[i].url);
	for (i = 0; i < h->ntoc; i++)
		free(h->toc[i].text);
	free(h->blocks);
	free(h->spans);
	free(h->links);
	free(h->toc);
	free(h->format);
	free(h->title);
	free(h->site);
	free(h->creator);
	free(h->language);
	free(h->encoding);
	free(h);
}

size_t
hints_shown(const struct hints *h, const char *text, size_t off, size_t end,
    char **out, size_t **map)
{
	size_t lo = 0, hi = h->nspans, mid, i, x, cov = off, n = 0;
	char *o = xmalloc(end > off ? end - off + 1 : 1);
	size_t *m = map != NULL ? xreallocarray(NULL, end > off ?
	    end - off + 1 : 1, sizeof *m) : NULL;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->spans[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A concealed span that began before off may cover it. */
	for (i = lo; i > 0 && lo - i < 64; i--)
		if (h->spans[i - 1].kind == SPAN_CONCEAL &&
		    h->spans[i - 1].end > cov)
			cov = h->spans[i - 1].end;
	for (x = off, i = lo; x < end; x++) {
		for (; i < h->nspans && h->spans[i].off <= x; i++)
			if (h->spans[i].kind == SPAN_CONCEAL &&
			    h->spans[i].end > cov)
				cov = h->spans[i].end;
		if (x < cov)
			continue;
		if (m != NULL)
			m[n] = x;
		o[n++] = text[x];
	}
	o[n] = '\0';
	if (m != NULL) {
		m[n] = end;
		*map = m;
	}
	*out = o;
	return n;
}
