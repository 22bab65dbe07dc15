/*
 * out-search.c - --search: each match as LINE:COLUMN: CONTEXT, or JSON.
 *
 * Matches are listed in text order without overlap, as grep lists them.
 * A match's context is the source line it starts on, through the line it
 * ends on when it crosses line breaks (which are shown as spaces), passed
 * through util_safe_add or util_json_add so that no control character of
 * the document reaches the terminal.  A context wider than CTX_COLS
 * columns is cut around the match, at grapheme cluster boundaries, with
 * "…" where text was left out: CTX_BEFORE columns before the match, the
 * match itself up to CTX_MATCH columns, and what fits after it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "juan/layout.h"
#include "juan/search.h"
#include "juan/util.h"
#include "out.h"

#define CTX_COLS 160	/* columns: contexts up to this are shown whole */
#define CTX_BEFORE 40	/* columns kept before a match in a long context */
#define CTX_MATCH 100	/* columns of the match itself, at most */

/* The end of the grapheme cluster that starts at off (off < end). */
static size_t
clus_end(const char *text, size_t off, size_t end)
{
	const uint8_t *s = (const uint8_t *)text;
	const uint8_t *e = u8_grapheme_next(s + off, s + end);

	return e != NULL ? (size_t)(e - s) : end;
}

/* The byte where the last cols columns before off begin, from ls. */
static size_t
cols_back(const char *text, size_t ls, size_t off, int cols)
{
	size_t p = ls, q;
	size_t *starts = NULL, n = 0, cap = 0, i;
	int w = 0;

	/* Clusters are only found forward, so start a bounded way back (a
	   column takes at most a few bytes but for long clusters), at a
	   character boundary, and remember their starts. */
	if (off - ls > (size_t)cols * 16) {
		p = off - (size_t)cols * 16;
		while (p < off && ((unsigned char)text[p] & 0xc0) == 0x80)
			p++;
	}
	for (; p < off; p = q) {
		q = clus_end(text, p, off);
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			starts = xreallocarray(starts, cap, sizeof *starts);
		}
		starts[n++] = p;
	}
	for (i = n; i > 0; i--) {
		q = i < n ? starts[i] : off;
		w += layout_str_width(text + starts[i - 1], q - starts[i - 1],
		    1);
		if (w > cols)
			break;
	}
	p = i < n ? starts[i] : off;
	free(starts);
	return p;
}

/* The byte where cols columns after off end (not past end). */
static size_t
cols_fwd(const char *text, size_t off, size_t end, int cols)
{
	size_t p = off, q;
	int w = 0;

	for (; p < end; p = q) {
		q = clus_end(text, p, end);
		w += layout_str_width(text + p, q - p, 1);
		if (w > cols)
			break;
	}
	return p;
}

/*
 * Appends the context of the match [a, z) on the lines [ls, le) to b,
 * terminal-safe (json: as a JSON string).
 */
static void
add_context(struct sbuf *b, const char *text, size_t ls, size_t le,
    size_t a, size_t z, int json)
{
	struct sbuf t = SBUF_INIT;
	size_t from = ls, mend = z, to = le;

	if (le - ls > CTX_COLS && (le - ls > CTX_COLS * 16 ||
	    layout_str_width(text + ls, le - ls, 1) > CTX_COLS)) {
		int rest;

		from = cols_back(text, ls, a, CTX_BEFORE);
		mend = cols_fwd(text, a, z, CTX_MATCH);
		rest = CTX_COLS - CTX_BEFORE -
		    layout_str_width(text + a, mend - a, 1);
		to = mend < z ? mend : cols_fwd(text, z, le,
		    rest > 0 ? rest : 0);
	}
	if (from > ls)
		sbuf_adds(&t, "…");
	util_safe_add(&t, text + from, to - from, 1);
	if (to < le)
		sbuf_adds(&t, "…");
	if (json)
		util_json_add(b, t.s, t.len);
	else
		sbuf_add(b, t.s, t.len);
	sbuf_free(&t);
}

/* Prints the match [a, z) as the count-th one. */
static void
emit(struct sbuf *b, const struct buffer *buf, int json, size_t a, size_t z,
    size_t count)
{
	const char *text = buf->data;
	size_t line, zline, ls, le;

	line = buffer_line_of(buf, a);
	ls = buffer_line_start(buf, line - 1);
	/* A match that ends with a line break ends on that line. */
	zline = z > a ? buffer_line_of(buf, z - 1) : line;
	le = buffer_line_end(buf, zline);
	if (json) {
		sbuf_adds(b, count > 0 ? ",\n" : "\n");
		sbuf_printf(b, "{\"line\": %zu, \"column\": %d, \"text\": ",
		    line, layout_str_width(text + ls, a - ls, 1) + 1);
		add_context(b, text, ls, le, a, z, 1);
		sbuf_printf(b, ", \"match\": ");
		util_json_add(b, text + a, z - a);
		sbuf_printf(b, ", \"offset\": %zu, \"length\": %zu, "
		    "\"end_line\": %zu}", a, z - a, zline);
	} else {
		sbuf_printf(b, "%zu:%d: ", line,
		    layout_str_width(text + ls, a - ls, 1) + 1);
		add_context(b, text, ls, le, a, z, 0);
		sbuf_addc(b, '\n');
	}
}

/*
 * A large text is searched in two halves at once.  Each half collects at
 * most PART_CAP matches: the first those that start before the split h,
 * the second those from h on, found as a search from h finds them.  Then
 * the first half's are printed (and any beyond its cap found again); at
 * the seam, where the search from the last match's end would go on, the
 * second half's list is joined when it holds that very match, and the
 * search goes on alone otherwise.  The output is the one a single pass
 * gives.
 */
#define PAR_SEARCH_MIN	((size_t)16 << 20)
#define PART_CAP	((size_t)1 << 20)

struct part {
	struct search *s;
	const char *text;
	size_t len;
	size_t from, lim;	/* matches starting in [from, lim) */
	size_t *m;		/* n pairs: start, end */
	size_t n;
	size_t next;		/* where the search goes on when it stopped at
				   the cap; SIZE_MAX when it went to lim */
};

static void
collect(void *arg)
{
	struct part *p = arg;
	size_t from = p->from, a, z;

	p->m = xreallocarray(NULL, 2 * PART_CAP, sizeof *p->m);
	p->next = SIZE_MAX;
	while (from <= p->len && search_next_in(p->s, p->text, p->len, from,
	    p->lim, &a, &z)) {
		if (p->n == PART_CAP) {
			p->next = from;
			return;
		}
		p->m[2 * p->n] = a;
		p->m[2 * p->n + 1] = z;
		p->n++;
		from = search_after(p->text, p->len, a, z);
	}
}

/*
 * Prints the matches from *from on that start before lim, on from where
 * they left off; returns how many.
 */
static size_t
print_on(struct search *s, const struct buffer *buf, int json,
    struct sbuf *b, FILE *fp, size_t *from, size_t lim, size_t count)
{
	size_t a, z, n = 0;

	while (*from <= buf->len && search_next_in(s, buf->data, buf->len,
	    *from, lim, &a, &z)) {
		emit(b, buf, json, a, z, count + n++);
		out_flush(b, fp, 0);
		*from = search_after(buf->data, buf->len, a, z);
	}
	return n;
}

/* Prints the matches of a part, from its k-th on; returns how many. */
static size_t
print_part(const struct part *p, size_t k, const struct buffer *buf,
    int json, struct sbuf *b, FILE *fp, size_t *from, size_t count)
{
	size_t n = 0;

	for (; k < p->n; k++) {
		emit(b, buf, json, p->m[2 * k], p->m[2 * k + 1], count + n++);
		out_flush(b, fp, 0);
		*from = search_after(buf->data, buf->len, p->m[2 * k],
		    p->m[2 * k + 1]);
	}
	if (p->n > 0 && p->next != SIZE_MAX)
		*from = p->next;
	return n;
}

/*
 * Splits the text after a line end near its middle; returns the offset,
 * or 0 when the text is not split.
 */
static size_t
split_at(const struct buffer *buf)
{
	const char *nl;

	if (buf->len < PAR_SEARCH_MIN || util_threads() < 2)
		return 0;
	nl = memchr(buf->data + buf->len / 2, '\n', buf->len / 2);
	return nl != NULL && nl + 1 < buf->data + buf->len ?
	    (size_t)(nl + 1 - buf->data) : 0;
}

int
out_search(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct search_opts so = { o->regex, 0, o->novariants };
	const struct buffer *buf = d->buf;
	struct sbuf b = SBUF_INIT;
	struct search *s, *s2 = NULL;
	struct part p[2];
	char *err = NULL;
	size_t from = 0, a, z, count = 0, h, k;

	memset(p, 0, sizeof p);
	s = search_new(o->pattern, &so, &err);
	if (s == NULL) {
		fprintf(stderr, "juan: %s\n", err);
		free(err);
		return 2;
	}
	if (o->json) {
		sbuf_adds(&b, "{\"pattern\": ");
		util_json_add(&b, o->pattern, strlen(o->pattern));
		sbuf_adds(&b, ", \"matches\": [");
	}
	/*
	 * A regular expression is searched in one pass: \K, \G and the
	 * match limit make where a search starts change what it finds.
	 */
	h = o->regex ? 0 : split_at(buf);
	if (h > 0 && (s2 = search_new(o->pattern, &so, &err)) == NULL) {
		free(err);
		h = 0;
	}
	if (h == 0) {
		count = print_on(s, buf, o->json, &b, fp, &from, buf->len + 1,
		    0);
		goto done;
	}
	p[0].s = s;
	p[1].s = s2;
	p[0].text = p[1].text = buf->data;
	p[0].len = p[1].len = buf->len;
	p[0].lim = h;
	p[1].from = h;
	p[1].lim = buf->len + 1;
	util_par2(collect, &p[0], &p[1]);
	/* The first half, and what its cap left. */
	count = print_part(&p[0], 0, buf, o->json, &b, fp, &from, 0);
	if (p[0].next != SIZE_MAX)
		count += print_on(s, buf, o->json, &b, fp, &from, h, count);
	/* The seam: the next match is the second half's first when the
	 * search goes on from h or before, else it is looked for. */
	k = p[1].n;
	if (from <= h)
		k = 0;
	else if (from <= buf->len &&
	    search_next(s, buf->data, buf->len, from, &a, &z))
		for (k = 0; k < p[1].n && p[1].m[2 * k] < a; k++)
			;
	if (k < p[1].n && (from <= h || p[1].m[2 * k] == a)) {
		count += print_part(&p[1], k, buf, o->json, &b, fp, &from,
		    count);
		if (p[1].next == SIZE_MAX)
			goto done;
	} else if (from <= h && p[1].next == SIZE_MAX)
		goto done;	/* nothing from h on */
	count += print_on(s, buf, o->json, &b, fp, &from, buf->len + 1, count);
done:
	if (o->json)
		sbuf_adds(&b, count > 0 ? "\n]}\n" : "]}\n");
	out_flush(&b, fp, 1);
	sbuf_free(&b);
	free(p[0].m);
	free(p[1].m);
	search_free(s);
	search_free(s2);
	return count > 0 ? 0 : 1;
}
