/*
 * doc-inject.c - the site's name injected into body text.
 *
 * Pages copied from a site often carry its name inside the body, put
 * there as a watermark ("…及某某网的产品展示…") or as a source note in
 * brackets ("（来源：某某网）").  Once the site is known (the title's
 * suffix, or the format's metadata), every occurrence of its name in a
 * paragraph, list item or quote is such a range; a source note around
 * it in brackets is taken whole.  A caption's photo credit (图/某某网)
 * and a source line ("来源：某某网" with no bracket, a dateline's) name
 * the site where it belongs, and are not.  The ranges go into
 * d->injected, in text order, which doc_injected_at() searches.  A text
 * without a known site costs nothing; one with a site costs a memmem()
 * over its body blocks.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc-int.h"
#include "juan/util.h"

/* A site name shorter than this (columns) is too common a word. */
#define SITE_MIN_COLS	4
/* A source note holds at most this many bytes before the name. */
#define NOTE_LEAD_MAX	24

/* What opens a source note in brackets, after the bracket. */
static const char *const note_words[] = { "来源", "來源", "来自", "來自",
	"转自", "轉自", "转载自", "本文来自", "稿件来源", "Source", "source",
	"via ", "" , NULL };

/* The block kinds whose text is body text. */
static const unsigned char body_kinds[] = {
	[BLOCK_PARAGRAPH] = 1, [BLOCK_LIST_ITEM] = 1, [BLOCK_QUOTE] = 1,
	[BLOCK_TOC] = 0,
};

/*
 * Tells whether the name at a, in the block from lo, follows a source
 * note's word and colon ("来源：").
 */
static int
after_note(const char *s, size_t lo, size_t a)
{
	const char *const *p;
	size_t c = a, k;

	while (c > lo && s[c - 1] == ' ')
		c--;
	if (c >= lo + 3 && memcmp(s + c - 3, "：", 3) == 0)
		c -= 3;
	else if (c > lo && s[c - 1] == ':')
		c--;
	else
		return 0;
	for (p = note_words; *p != NULL; p++) {
		k = strlen(*p);
		if (k > 0 && c >= lo + k && memcmp(s + c - k, *p, k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Widens the name at [*a, *z) of s, in the block [lo, hi), to the source
 * note in brackets around it, when there is one: an opening bracket
 * before it with a note's word (and a colon) or nothing between, and the
 * closing bracket right after it.
 */
static void
widen_note(const char *s, size_t lo, size_t hi, size_t *a, size_t *z)
{
	size_t o, w, c, k;
	const char *const *p;

	for (o = *a; o > lo && *a - o <= NOTE_LEAD_MAX; o--)
		if (s[o - 1] == '(' || (o >= lo + 3 &&
		    memcmp(s + o - 3, "（", 3) == 0))
			break;
	if (o == lo || *a - o > NOTE_LEAD_MAX)
		return;
	w = o - (s[o - 1] == '(' ? 1 : 3);
	for (p = note_words; *p != NULL; p++) {
		k = strlen(*p);
		if (k > *a - o || memcmp(s + o, *p, k) != 0)
			continue;
		c = o + k;
		if (STARTS(s + c, *a - c, "："))
			c += 3;
		else if (c < *a && s[c] == ':')
			c++;
		while (c < *a && s[c] == ' ')
			c++;
		if (c == *a)
			break;
	}
	if (*p == NULL)
		return;
	if (*z < hi && s[*z] == ')')
		*z += 1;
	else if (STARTS(s + *z, hi - *z, "）"))
		*z += 3;
	else
		return;
	*a = w;
}

void
doc_inject_find(struct doc *d)
{
	const char *s = d->buf->data, *p, *site = d->site;
	size_t i, n, a, z, off, end, cap = 0;
	const struct block *k;

	if (site == NULL || (n = strlen(site)) == 0 ||
	    doc_lex_cols(site, n) < SITE_MIN_COLS)
		return;
	for (i = 0; i < d->nblocks; i++) {
		k = &d->blocks[i];
		if (k->kind >= sizeof body_kinds || !body_kinds[k->kind])
			continue;
		off = k->off;
		end = k->end;
		doc_lex_trim(s, &off, &end);
		/* A block of nothing but the name is no injection. */
		if (end - off == n)
			continue;
		while (off < end && (p = memmem(s + off, end - off, site,
		    n)) != NULL) {
			a = (size_t)(p - s);
			z = a + n;
			widen_note(s, k->off, k->end, &a, &z);
			off = z;
			if (a == (size_t)(p - s) && after_note(s, k->off, a))
				continue;
			if (d->ninjected == cap) {
				cap = cap ? cap * 2 : 8;
				d->injected = xreallocarray(d->injected, cap,
				    sizeof *d->injected);
			}
			d->injected[d->ninjected].off = a;
			d->injected[d->ninjected].end = z;
			d->ninjected++;
		}
	}
}
