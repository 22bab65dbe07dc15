/* tl-check.h - what the timeline's table-driven unit tests share. */
#ifndef JUAN_TL_CHECK_H
#define JUAN_TL_CHECK_H

/*
 * A row: a short text, the document's year (0 for none), and the entries
 * the text must give, "VALUE KIND[:MOD]" joined by "; " (an empty want:
 * no date at all).
 */
struct tl_check_row {
	int doc_year;		/* document date's year, 0 for none */
	const char *text;
	const char *want;
};

/*
 * The timeline of text as "VALUE KIND[:MOD]; ...", with " lunar" after
 * an entry resolved from the lunar calendar when lunar is not 0.
 * Allocated; the caller frees it.
 */
char *tl_check_render(const char *text, int doc_year, int lunar);

#endif
