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

int
out_search(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct search_opts so = { o->regex, 0 };
	const struct buffer *buf = d->buf;
	const char *text = buf->data;
	struct sbuf b = SBUF_INIT;
	struct search *s;
	char *err = NULL;
	size_t from = 0, a, z, line, zline, ls, le, count = 0;

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
	while (from <= buf->len &&
	    search_next(s, text, buf->len, from, &a, &z)) {
		line = buffer_line_of(buf, a);
		ls = buf->line_off[line - 1];
		/* A match that ends with a line break ends on that line. */
		zline = z > a ? buffer_line_of(buf, z - 1) : line;
		le = buffer_line_end(buf, zline);
		if (o->json) {
			sbuf_adds(&b, count > 0 ? ",\n" : "\n");
			sbuf_printf(&b, "{\"line\": %zu, \"column\": %d, "
			    "\"text\": ", line,
			    layout_str_width(text + ls, a - ls, 1) + 1);
			add_context(&b, text, ls, le, a, z, 1);
			sbuf_printf(&b, ", \"match\": ");
			util_json_add(&b, text + a, z - a);
			sbuf_printf(&b, ", \"offset\": %zu, \"length\": %zu, "
			    "\"end_line\": %zu}", a, z - a, zline);
		} else {
			sbuf_printf(&b, "%zu:%d: ", line,
			    layout_str_width(text + ls, a - ls, 1) + 1);
			add_context(&b, text, ls, le, a, z, 0);
			sbuf_addc(&b, '\n');
		}
		out_flush(&b, fp, 0);
		count++;
		from = search_after(text, buf->len, a, z);
	}
	if (o->json)
		sbuf_adds(&b, count > 0 ? "\n]}\n" : "]}\n");
	if (b.len > 0)
		fwrite(b.s, 1, b.len, fp);
	sbuf_free(&b);
	search_free(s);
	return count > 0 ? 0 : 1;
}
