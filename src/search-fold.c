/*
 * search-fold.c - the fold of a character, and the characters of a fold.
 *
 * The data is the table that search-gen writes at build time: the code
 * points whose fold is not themselves, sorted by code point, each with an
 * offset and a length into one pool of code points for its caseless and
 * its case-sensitive fold, and two permutations of the table sorted by
 * fold string.  Looking up a character is a binary search over about ten
 * thousand entries, with ASCII answered directly; it runs only around
 * candidate positions, never over the whole text.  Finding the characters
 * that fold to a string (the variants of a pattern's first character) is
 * a binary search over one of the permutations.
 */
#include "config.h"

#include <string.h>

#include "juan/search.h"
#include "juan/util.h"
#include "search-int.h"

static const struct search_fold_ent *
fold_find(uint32_t c)
{
	size_t lo = 0, hi = search_fold_nents, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (search_fold_ents[mid].cp == c)
			return &search_fold_ents[mid];
		if (search_fold_ents[mid].cp < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * One bit per block of 256 code points of the BMP: set when the block has
 * an entry in the table.  Most CJK text is in blocks that have none (the
 * unified ideographs), where a lookup then costs one test.
 */
static uint8_t fold_blocks[32];
static int fold_blocks_ready;

static void
fold_blocks_init(void)
{
	size_t i;

	for (i = 0; i < search_fold_nents; i++)
		if (search_fold_ents[i].cp < 0x10000)
			fold_blocks[search_fold_ents[i].cp >> 11] |=
			    (uint8_t)(1u << ((search_fold_ents[i].cp >> 8) & 7));
	fold_blocks_ready = 1;
}

size_t
search_fold_ref(uint32_t c, int caseless, const uint32_t **f, uint32_t *tmp)
{
	const struct search_fold_ent *e;

	if (c < 0x80) {
		*tmp = caseless && c >= 'A' && c <= 'Z' ? c + 32 : c;
		*f = tmp;
		return 1;
	}
	if (!fold_blocks_ready)
		fold_blocks_init();
	if ((c < 0x10000 && !(fold_blocks[c >> 11] & (1u << ((c >> 8) & 7)))) ||
	    (e = fold_find(c)) == NULL) {
		*tmp = c;
		*f = tmp;
		return 1;
	}
	if (caseless) {
		*f = search_fold_pool + e->ci_off;
		return e->ci_len;
	}
	*f = search_fold_pool + e->cs_off;
	return e->cs_len;
}

size_t
search_fold(uint32_t c, int caseless, uint32_t *out)
{
	const uint32_t *f;
	uint32_t tmp;
	size_t n = search_fold_ref(c, caseless, &f, &tmp);

	memcpy(out, f, n * sizeof *f);
	return n;
}

/* Compares entry e's fold with s[0..n), as strings of code points. */
static int
fold_cmp(const struct search_fold_ent *e, int caseless, const uint32_t *s,
    size_t n)
{
	const uint32_t *f;
	size_t nf, i;

	if (caseless) {
		f = search_fold_pool + e->ci_off;
		nf = e->ci_len;
	} else {
		f = search_fold_pool + e->cs_off;
		nf = e->cs_len;
	}
	for (i = 0; i < nf && i < n; i++)
		if (f[i] != s[i])
			return f[i] < s[i] ? -1 : 1;
	return nf < n ? -1 : nf > n;
}

void
search_fold_variants(const uint32_t *s, size_t n, int caseless,
    uint32_t **out, size_t *nout)
{
	const uint16_t *rev = caseless ? search_fold_rev_ci :
	    search_fold_rev_cs;
	size_t lo = 0, hi = search_fold_nents, mid;

	/* The first entry whose fold is not less than s. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_cmp(&search_fold_ents[rev[mid]], caseless, s, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < search_fold_nents &&
	    fold_cmp(&search_fold_ents[rev[lo]], caseless, s, n) == 0; lo++) {
		*out = xreallocarray(*out, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = search_fold_ents[rev[lo]].cp;
	}
}

/* The first code point of entry e's fold, or 0 for an empty fold. */
static uint32_t
fold_first(const struct search_fold_ent *e, int caseless)
{
	if (caseless)
		return e->ci_len > 0 ? search_fold_pool[e->ci_off] : 0;
	return e->cs_len > 0 ? search_fold_pool[e->cs_off] : 0;
}

void
search_fold_led_by(uint32_t c, int caseless, uint32_t **out, size_t *nout)
{
	const uint16_t *rev = caseless ? search_fold_rev_ci :
	    search_fold_rev_cs;
	size_t lo = 0, hi = search_fold_nents, mid;

	/* The permutation is sorted by fold string, so by first code point
	   too: the first entry whose fold does not begin below c. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fold_first(&search_fold_ents[rev[mid]], caseless) < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < search_fold_nents &&
	    fold_first(&search_fold_ents[rev[lo]], caseless) == c; lo++) {
		*out = xreallocarray(*out, *nout + 1, sizeof **out);
		(*out)[(*nout)++] = search_fold_ents[rev[lo]].cp;
	}
}
