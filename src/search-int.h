/* search-int.h - the folding tables, shared by search-fold.c and search.c. */
#ifndef JUAN_SEARCH_INT_H
#define JUAN_SEARCH_INT_H

#include <stddef.h>
#include <stdint.h>

/*
 * One code point whose fold is not itself (see search-gen.c, which writes
 * the table from libunistring at build time).
 */
struct search_fold_ent {
	uint32_t cp;		/* the code point */
	uint32_t ci_off;	/* caseless fold: offset in the pool */
	uint8_t ci_len;		/* its length in code points (0: ignorable) */
	uint32_t cs_off;	/* case-sensitive fold: offset in the pool */
	uint8_t cs_len;		/* its length in code points */
};

extern const uint32_t search_fold_pool[];
extern const struct search_fold_ent search_fold_ents[];	/* by cp */
extern const size_t search_fold_nents;
extern const uint16_t search_fold_rev_ci[];	/* indices, by caseless fold */
extern const uint16_t search_fold_rev_cs[];	/* indices, by exact fold */


/*
 * The fold of c (see search_fold in search.h) without copying: points *f
 * at it (into the table, or at *tmp for a character that folds to itself)
 * and returns its length.
 */
size_t search_fold_ref(uint32_t c, int caseless, const uint32_t **f,
    uint32_t *tmp);

/*
 * Every code point of the table whose fold is exactly s[0..n) is
 * appended to *out (an array of *nout entries, grown with xreallocarray).
 */
void search_fold_variants(const uint32_t *s, size_t n, int caseless,
    uint32_t **out, size_t *nout);

/*
 * Every code point of the table whose fold begins with c (c > 0) is
 * appended to *out, as search_fold_variants does.
 */
void search_fold_led_by(uint32_t c, int caseless, uint32_t **out,
    size_t *nout);

/*
 * The variant classes of Han characters (search-vgen.cc writes them from
 * OpenCC's dictionaries at build time): search_var_blk[c >> 8] is 0 or
 * one more than the row of search_var_map[] for c's block, whose entry
 * c & 255 is 0 or c's class k; the members of class k are
 * search_var_cls[search_var_off[k] .. search_var_off[k + 1]), in code
 * point order, the first being the representative.
 */
extern const size_t search_var_nblk;
extern const uint16_t search_var_blk[];
extern const uint16_t search_var_map[][256];
extern const uint32_t search_var_off[];
extern const uint32_t search_var_cls[];
extern const size_t search_var_nclasses;

/* The variant class of c, or 0 when c has no variant. */
static inline unsigned
search_var_class(uint32_t c)
{
	unsigned row;

	if ((c >> 8) >= search_var_nblk || (row = search_var_blk[c >> 8]) == 0)
		return 0;
	return search_var_map[row - 1][c & 255];
}

/* What variant folding folds c to: its class's first member, or c. */
static inline uint32_t
search_var_fold(uint32_t c)
{
	unsigned k = search_var_class(c);

	return k != 0 ? search_var_cls[search_var_off[k]] : c;
}

/*
 * The members of c's class (c among them): points *m at them and returns
 * how many, or returns 0 when c has no variant.
 */
size_t search_var_members(uint32_t c, const uint32_t **m);

/*
 * The regular expression pattern (UTF-8, NUL-terminated) with each Han
 * character that has variants made a class of them (see search.h), as an
 * allocated string for the caller to free; NULL when it has none.
 */
char *search_var_regex(const char *pattern);

/*
 * search-shown.c: looking for a pattern in the text that a format's hints
 * show (search_set_hints).  search_shown_new() returns NULL when h is NULL
 * or conceals nothing; search_shown_next() and search_shown_prev() answer
 * search_next_in() and search_prev() in source offsets, searching the
 * shown text of the paragraphs around from with search_raw_next() and
 * search_raw_prev(), which search the bytes as they are.
 */
struct hints;
struct search;
struct search_shown;

struct search_shown *search_shown_new(const struct hints *h);
void search_shown_free(struct search_shown *sh);
int search_shown_next(struct search *s, struct search_shown *sh,
    const char *text, size_t len, size_t from, size_t lim, size_t *mstart,
    size_t *mend);
int search_shown_prev(struct search *s, struct search_shown *sh,
    const char *text, size_t len, size_t before, size_t *mstart,
    size_t *mend);
int search_raw_next(struct search *s, const char *text, size_t len,
    size_t from, size_t lim, size_t *mstart, size_t *mend);
int search_raw_prev(struct search *s, const char *text, size_t len,
    size_t before, size_t *mstart, size_t *mend);

#endif
