/* search-check.h - what the search engine's unit tests share. */
#ifndef JUAN_SEARCH_CHECK_H
#define JUAN_SEARCH_CHECK_H

#include "juan/search.h"

/*
 * The matches of pat in text under o, without overlap, as the matched
 * substrings joined by '|' ("" when none; "!" and the message for a bad
 * pattern).  The result is static, valid until the next call.
 */
const char *search_check_all(const char *pat, const char *text,
    const struct search_opts *o);

#endif
