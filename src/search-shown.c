/*
 * search-shown.c - searching the text a reader sees of a Markdown source.
 *
 * The text is searched a chunk at a time: a chunk is a run of whole
 * paragraphs of the source, [cs, ce), from a blank line to a blank line
 * some CHUNK bytes on (or the text's end), whose shown text hints_shown()
 * copies into vis with, for each byte, the source offset it came from
 * (map, one more entry than vis has bytes).  The chunk of the last call
 * is kept, so that counting the matches of a text, which asks for one
 * match after another, copies each chunk once.  A chunk starts at a blank
 * line, so that a match, which does not cross one in the shown text
 * either, is never cut by a chunk's edge.  vis lives at one address that
 * changes contents: the pattern's memo of the last text searched is
 * dropped (search_forget) whenever a chunk is copied.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/hints.h"
#include "juan/search.h"
#include "juan/util.h"
#include "search-int.h"

#define CHUNK	((size_t)64 * 1024)	/* bytes of source a chunk */

struct search_shown {
	const struct hints *h;	/* borrowed */
	const char *text;	/* the text of the chunk kept, or NULL */
	size_t len;		/* its bytes */
	size_t cs, ce;		/* the chunk: source offsets */
	char *vis;		/* its shown text, nvis bytes */
	size_t *map;		/* source offset of each byte of vis */
	size_t nvis;
};

struct search_shown *
search_shown_new(const struct hints *h)
{
	struct search_shown *sh;
	size_t i;

	if (h == NULL)
		return NULL;
	for (i = 0; i < h->nspans; i++)
		if (h->spans[i].kind == SPAN_CONCEAL)
			break;
	/* Hints that hide nothing show the bytes as they are. */
	if (i == h->nspans)
		return NULL;
	sh = xcalloc(1, sizeof *sh);
	sh->h = h;
	return sh;
}

void
search_shown_free(struct search_shown *sh)
{
	if (sh == NULL)
		return;
	free(sh->vis);
	free(sh->map);
	free(sh);
}

/* The offset just past the first blank line at or after x, or len. */
static size_t
para_after(const char *text, size_t len, size_t x)
{
	const char *p;

	while (x < len && (p = memchr(text + x, '\n', len - x)) != NULL) {
		x = (size_t)(p - text) + 1;
		while (x < len && (text[x] == ' ' || text[x] == '\t' ||
		    text[x] == '\r'))
			x++;
		if (x < len && text[x] == '\n')
			return x + 1;
	}
	return len;
}

/*
 * The start of the paragraph holding x: just past the last blank line
 * before it, looked for at most CHUNK bytes back, or else the start of
 * x's line.
 */
static size_t
para_before(const char *text, size_t x)
{
	size_t i = x, lim = x > CHUNK ? x - CHUNK : 0, line = SIZE_MAX;

	while (i > lim) {
		if (text[i - 1] == '\n') {
			if (line == SIZE_MAX)
				line = i;
			if (i >= 2 && text[i - 2] == '\n')
				return i;
		}
		i--;
	}
	if (i == 0)
		return 0;
	return line != SIZE_MAX ? line : x;
}

/* Makes the chunk that holds source byte x (x < len) the one kept. */
static void
chunk_at(struct search *s, struct search_shown *sh, const char *text,
    size_t len, size_t x)
{
	size_t cs, ce;

	if (sh->text == text && sh->len == len && sh->cs <= x && x < sh->ce)
		return;
	cs = para_before(text, x);
	ce = para_after(text, len, (x - cs < CHUNK ? cs + CHUNK : x) - 1);
	if (ce <= x)
		ce = len;
	free(sh->vis);
	free(sh->map);
	sh->nvis = hints_shown(sh->h, text, cs, ce, &sh->vis, &sh->map);
	sh->text = text;
	sh->len = len;
	sh->cs = cs;
	sh->ce = ce;
	search_forget(s);
}

/* The first byte of vis that comes from source offset x or later. */
static size_t
vis_of(const struct search_shown *sh, size_t x)
{
	size_t lo = 0, hi = sh->nvis, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (sh->map[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The source range of the match [a, b) of vis. */
static void
to_source(const struct search_shown *sh, size_t a, size_t b, size_t *mstart,
    size_t *mend)
{
	*mstart = sh->map[a];
	*mend = b > a ? sh->map[b - 1] + 1 : sh->map[a];
}

int
search_shown_next(struct search *s, struct search_shown *sh,
    const char *text, size_t len, size_t from, size_t lim, size_t *mstart,
    size_t *mend)
{
	size_t a, b;

	while (from < len && from < lim) {
		chunk_at(s, sh, text, len, from);
		if (search_raw_next(s, sh->vis, sh->nvis, vis_of(sh, from),
		    vis_of(sh, lim), &a, &b) && a < sh->nvis) {
			to_source(sh, a, b, mstart, mend);
			return 1;
		}
		from = sh->ce;
	}
	return 0;
}

int
search_shown_prev(struct search *s, struct search_shown *sh,
    const char *text, size_t len, size_t before, size_t *mstart,
    size_t *mend)
{
	size_t a, b, x = before < len ? before : len;

	while (x > 0) {
		chunk_at(s, sh, text, len, x - 1);
		if (search_raw_prev(s, sh->vis, sh->nvis, vis_of(sh, x), &a,
		    &b) && a < sh->nvis) {
			to_source(sh, a, b, mstart, mend);
			return 1;
		}
		x = sh->cs;
	}
	return 0;
}
