/* search.h - finding a pattern in the buffer, folded, as byte ranges. */
#ifndef JUAN_SEARCH_H
#define JUAN_SEARCH_H

#include <stddef.h>
#include <stdint.h>

struct search_opts {
	int regex;	/* PCRE2 pattern instead of a literal */
	int nofold;	/* exact bytes: no case or width folding */
	int novariants;	/* Han variants differ: 台湾 does not find 臺灣 */
};

/*
 * A compiled pattern.  It owns no text: every call names the text it
 * searches.  It keeps a small cache of where the pattern's first character
 * occurs in the last text searched (recognised by its address and length),
 * so a caller that changes the bytes at the same address and length must
 * call search_forget() first.  One struct search is for one thread.
 */
struct search;

/*
 * Compiles pattern (a NUL-terminated UTF-8 string).
 *
 * Literal mode (the default) matches the pattern as text, folded: case is
 * ignored when the pattern has no capital letter (smart case); full-width
 * and half-width forms, compatibility characters (NFKD, which makes the
 * same strings equal as NFKC: ＡＢＣ１２３ and ABC123, ，and ",", ① and 1,
 * ﬁ and fi, ⼀ and 一) and composed and decomposed accents match each
 * other (search_fold() gives the fold); soft hyphens, zero-width
 * characters and variation selectors in the text are skipped.  A match
 * may cross a line break together with the blanks (U+3000 included)
 * around it, between two pattern characters of which at least one is not
 * a narrow letter or digit (Chinese text is hard-wrapped anywhere, English
 * only between words); a run of blanks in the pattern matches any run of
 * blanks in the text that holds at most one line break.  A match never
 * ends before a combining mark.
 *
 * Unless o->novariants, Han characters also match their simplified,
 * traditional and other standard variants, from OpenCC's character
 * dictionaries (search-vgen.cc), each folded one to one to a
 * representative of its class: 台湾 finds 台灣 and 臺灣, 着 finds 著,
 * 国 finds 國 (Japanese shinjitai included).  Only single characters are
 * variants, never phrases, so a match has the pattern's length in
 * characters.  A regular expression gets the same: each Han character
 * with variants, outside a character class or in one (but for the ends
 * of a range), is made a class of its variants ([台枱檯臺颱] for 台);
 * one written as an escape (\x{53f0}) is left alone.
 *
 * With o->nofold the pattern is matched as exact bytes.  With o->regex it
 * is a PCRE2 regular expression in UTF and Unicode-property mode, multiline
 * (^ and $ match at line ends), caseless by the same smart-case rule, and
 * without the other folding.
 *
 * o may be NULL for the defaults.  Returns the compiled pattern, to be
 * released with search_free(); for an empty or bad pattern returns NULL
 * and sets *err to an allocated message (the caller frees it) such as
 * "bad regular expression at offset 3: missing closing parenthesis".
 */
struct search *search_new(const char *pattern, const struct search_opts *o,
    char **err);
void search_free(struct search *s);

/* Whether case is ignored (the pattern had no capital letter). */
int search_caseless(const struct search *s);

/*
 * Whether Han variants are folded: variants were not turned off and the
 * pattern has a character with variants (else folding them changes
 * nothing).
 */
int search_variants(const struct search *s);

/* Drops the cached positions (see struct search). */
void search_forget(struct search *s);

/*
 * Finds the first match starting at or after byte from in text[0..len),
 * UTF-8 (as a struct buffer's data is; invalid bytes, as a file's bytes
 * mapped before they are checked may hold, match nothing and do no
 * harm); from is moved
 * forward to a character boundary.  Returns 1 and sets *mstart, *mend to
 * the match's byte range (both on character boundaries; a regular
 * expression may match the empty string, giving *mstart == *mend, and the
 * caller steps past it), or 0 when there is none.
 */
int search_next(struct search *s, const char *text, size_t len, size_t from,
    size_t *mstart, size_t *mend);

/*
 * As search_next, for a match starting before byte lim only: the work is
 * bounded by lim (plus the match's own length; a regular expression may
 * read on to the end of lim's line), so a caller that wants the matches on
 * screen does not scan the rest of a large text.  lim > len means all.
 */
int search_next_in(struct search *s, const char *text, size_t len,
    size_t from, size_t lim, size_t *mstart, size_t *mend);

/*
 * As search_next, with the work split between this thread and a second
 * one (util_par2) when the text after from is large (search-par.c): s2 is
 * another compile of the same pattern with the same hints, since one
 * struct search is for one thread (NULL: search_next alone).
 */
int search_next_par(struct search *s, struct search *s2, const char *text,
    size_t len, size_t from, size_t *mstart, size_t *mend);
/*
 * Finds the match with the greatest start before byte before (matches may
 * overlap: this is the one that search_next would find from its start).
 * Returns 1 and sets *mstart, *mend, or 0 when there is none.
 */
int search_prev(struct search *s, const char *text, size_t len,
    size_t before, size_t *mstart, size_t *mend);

/*
 * Makes s look in the text that the hints h (borrowed; NULL: none) show
 * of the texts it is given, as a reader of Markdown sees it: concealed
 * markup is skipped, so that a phrase that spans "**" or a link's
 * brackets is found.  search_next(), search_next_in() and search_prev()
 * still take and give source offsets: a match runs from the source byte
 * of its first shown byte to just after that of its last.  A match does
 * not cross a blank line.  search_count_step() is not affected.
 */
struct hints;
void search_set_hints(struct search *s, const struct hints *h);
/*
 * Counting in bounded steps, so that counting the matches of a large text
 * never delays showing the first one.  Zero the state (or set mark, the
 * offset of the match on screen, and zero the rest), then call
 * search_count_step() until it returns 1.  Each call looks for matches
 * starting in the next budget bytes (at least one byte; a regular
 * expression may read further to finish a match).  Matches are counted as
 * search_next() followed by a step past each match finds them, without
 * overlap.
 */
struct search_count {
	size_t pos;	/* bytes: where the next step starts */
	size_t count;	/* matches found so far */
	size_t mark;	/* bytes: an offset the caller cares about */
	size_t before;	/* matches found that start before mark */
	int done;	/* the whole text has been counted */
};

/* Returns 1 when the count is complete (st->done), else 0. */
int search_count_step(struct search *s, const char *text, size_t len,
    struct search_count *st, size_t budget);

/*
 * The byte just after a match [mstart, mend) from which to look for the
 * next one without overlap: mend, or for an empty match the next
 * character boundary (len + 1 at the end, where nothing more is found).
 */
size_t search_after(const char *text, size_t len, size_t mstart,
    size_t mend);

/*
 * Folding, as literal search does it.  Writes the fold of the character c
 * (caseless: with case folding) to out, at most SEARCH_FOLD_MAX code
 * points, and returns how many: 0 for a default-ignorable character.
 */
#define SEARCH_FOLD_MAX 32
size_t search_fold(uint32_t c, int caseless, uint32_t *out);

#endif
