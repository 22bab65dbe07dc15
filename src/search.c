/*
 * search.c - pattern search (first cut: exact bytes).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/util.h"

struct search {
	char *pat;
	size_t len;
};

struct search *
search_new(const char *pattern, const struct search_opts *o, char **err)
{
	struct search *s;

	(void)o;
	if (pattern[0] == '\0') {
		*err = xstrdup("empty pattern");
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->pat = xstrdup(pattern);
	s->len = strlen(pattern);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pat);
	free(s);
}

int
search_next(struct search *s, const char *text, size_t len, size_t from,
    size_t *mstart, size_t *mend)
{
	const char *p;

	if (from > len)
		return 0;
	p = memmem(text + from, len - from, s->pat, s->len);
	if (p == NULL)
		return 0;
	*mstart = (size_t)(p - text);
	*mend = *mstart + s->len;
	return 1;
}

int
search_prev(struct search *s, const char *text, size_t len, size_t before,
    size_t *mstart, size_t *mend)
{
	size_t from = 0, a, b;
	int found = 0;

	while (search_next(s, text, len, from, &a, &b) && a < before) {
		*mstart = a;
		*mend = b;
		found = 1;
		from = a + 1;
	}
	return found;
}
