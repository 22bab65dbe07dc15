/* search.h - finding a pattern in the buffer, folded, as byte ranges. */
#ifndef JUAN_SEARCH_H
#define JUAN_SEARCH_H

#include <stddef.h>

struct search_opts {
	int regex;	/* PCRE2 pattern instead of a literal */
	int nofold;	/* exact bytes: no case or width folding */
};

/* A compiled pattern; it owns no text. */
struct search;

/*
 * Compiles pattern.  Case is ignored when the pattern has no capital
 * letter (smart case); full-width and half-width forms and compatibility
 * forms match each other (NFKC); a match may cross a line break and the
 * blanks around it.  Returns NULL and sets *err (allocated) for a bad
 * pattern.
 */
struct search *search_new(const char *pattern, const struct search_opts *o,
    char **err);
void search_free(struct search *s);

/*
 * Finds the first match starting at or after byte from in text[0..len)
 * (text is valid UTF-8 with text[len] == '\0').  Returns 1 and sets
 * *mstart, *mend to its byte range, or 0 when there is none.
 */
int search_next(struct search *s, const char *text, size_t len, size_t from,
    size_t *mstart, size_t *mend);

/* Finds the last match starting before byte before; as search_next. */
int search_prev(struct search *s, const char *text, size_t len,
    size_t before, size_t *mstart, size_t *mend);

#endif
