/* search-int.h - the folding table, shared by search-fold.c and search.c. */
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

#endif
