/*
 * search-check.c - what the search engine's unit tests share: every match
 * of a pattern in a string, as one string to compare.
 *
 * The matches are found as the reader steps through them (search_next,
 * then search_after the match), so none overlaps; at most about 1,000 are
 * joined, into one static string that each call reuses.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/util.h"
#include "search-check.h"

const char *
search_check_all(const char *pat, const char *text,
    const struct search_opts *o)
{
	static struct sbuf b;
	struct search *s;
	char *err = NULL;
	size_t len = strlen(text), from = 0, a, z;
	int n = 0;

	sbuf_reset(&b);
	sbuf_add(&b, "", 0);
	s = search_new(pat, o, &err);
	if (s == NULL) {
		sbuf_printf(&b, "!%s", err);
		free(err);
		return b.s;
	}
	while (from <= len && search_next(s, text, len, from, &a, &z)) {
		if (n++ > 0)
			sbuf_addc(&b, '|');
		sbuf_add(&b, text + a, z - a);
		from = search_after(text, len, a, z);
		if (n > 1000)
			break;
	}
	search_free(s);
	return b.s;
}
