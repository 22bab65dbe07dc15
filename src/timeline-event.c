/*
 * timeline-event.c - each entry's event: the clause it dates, cut from
 * the text.
 *
 * An event is the sentence around the expression, narrowed to its clause
 * when other dates share the sentence (so the neighbours in the same
 * block must be known), without a date that opens the clause, and cut at
 * 120 columns.  The events' text lives in large chunks that are never
 * moved, so that a timeline of millions of entries costs a few large
 * allocations instead of one per entry.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "juan/timeline.h"
#include "juan/util.h"
#include "timeline-int.h"

/* Widest event kept, in display columns. */
#define EVENT_COLS 120

/*
 * The events' text lives in chunks that are never moved, so that a
 * timeline of millions of entries costs a few large allocations instead of
 * one per entry.  t->priv points to the newest chunk; each links to the
 * one before.
 */
struct chunk {
	struct chunk *prev;	/* the chunk filled before this one */
	size_t used;		/* bytes of text used */
	size_t size;		/* bytes of text available */
	char text[];		/* the events, each NUL-terminated */
};

#define CHUNK_SIZE ((size_t)1 << 20)

/* Room for n bytes of event text in t's chunks. */
static char *
event_alloc(struct timeline *t, size_t n)
{
	struct chunk *c = t->priv, *nc;
	size_t size;

	if (c == NULL || c->size - c->used < n) {
		size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		nc = xmalloc(sizeof *nc + size);
		nc->prev = c;
		nc->used = 0;
		nc->size = size;
		t->priv = c = nc;
	}
	c->used += n;
	return c->text + c->used - n;
}

size_t
timeline_sentence_end_at(const char *s, size_t lo, size_t k, size_t hi)
{
	if (LEX_AT(s, hi, k, "。") || LEX_AT(s, hi, k, "！") ||
	    LEX_AT(s, hi, k, "？") || LEX_AT(s, hi, k, "；"))
		return 3;
	if (s[k] == '!' || s[k] == '?' || s[k] == ';')
		return 1;
	/* A full stop ends an English sentence, not "2.0" or "c.". */
	if (s[k] == '.' && (k + 1 >= hi || s[k + 1] == ' ' ||
	    s[k + 1] == '\n') && k > lo + 1 && s[k - 2] != ' ' &&
	    s[k - 2] != '.')
		return 1;
	return 0;
}

/* Is s[k] a clause separator (，, ：)?  Returns its length. */
static size_t
clause_sep(const char *s, size_t k, size_t hi)
{
	if (LEX_AT(s, hi, k, "，") || LEX_AT(s, hi, k, "："))
		return 3;
	if ((s[k] == ',' || s[k] == ':') && k + 1 < hi && s[k + 1] == ' ')
		return 1;
	return 0;
}

/* Skips separators, spaces and brackets' leftovers at the event's ends. */
static size_t
trim_front(const char *s, size_t k, size_t hi)
{
	size_t l;

	for (;;) {
		if (k < hi && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' ||
		    s[k] == '#' || s[k] == '>'))
			k++;
		else if (k < hi && (l = clause_sep(s, k, hi)) != 0)
			k += l;
		else if (LEX_AT(s, hi, k, "\xe3\x80\x80") ||
		    LEX_AT(s, hi, k, "、"))
			k += 3;
		else if (k < hi && s[k] == ',')
			k++;
		else
			return k;
	}
}

/*
 * Is s[k] a well-formed three-byte character of a block known to be two
 * columns wide and hold no combining mark: the unified ideographs, the
 * CJK punctuation before its combining tone marks (U+3000-U+3029), and
 * the fullwidth forms (U+FF01-U+FF60)?  Such a sequence is never overlong
 * nor a surrogate, so this is what uc_width would say, without the call.
 */
static int
wide3(const char *s, size_t k, size_t hi)
{
	const unsigned char *u = (const unsigned char *)s + k;
	uint32_t c;

	if (u[0] < 0xe0 || u[0] >= 0xf0 || k + 2 >= hi ||
	    (u[1] & 0xc0) != 0x80 || (u[2] & 0xc0) != 0x80)
		return 0;
	c = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (uint32_t)(u[2] & 0x3f);
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) ||
	    (c >= 0xff01 && c <= 0xff60);
}

void
timeline_make_event(struct timeline *t, size_t i, const struct doc *d)
{
	struct tl_entry *e = &t->entries[i];
	const struct block *b = &d->blocks[e->block];
	const char *s = d->buf->data;
	size_t ss = b->off, se = b->end, k, l, lo, hi, cols = 0, cut;
	char *ev;
	uint32_t c;
	int w;

	/*
	 * The sentence around the expression: back to the last terminator
	 * (looking at the last byte of each candidate first), then forward
	 * to the next one.
	 */
	for (k = e->off; k > b->off; k--) {
		unsigned char ch = (unsigned char)s[k - 1];

		if ((ch == '!' || ch == '?' || ch == ';' || ch == '.') &&
		    tl_sentence_end(s, b->off, k - 1, b->end) == 1)
			break;
		if ((ch == 0x82 || ch == 0x81 || ch == 0x9f || ch == 0x9b) &&
		    k >= b->off + 3 && tl_sentence_end(s, b->off, k - 3,
		    b->end) == 3)
			break;
	}
	ss = k;
	for (k = e->end; k < b->end; k++)
		if (tl_sentence_end(s, b->off, k, b->end) != 0) {
			se = k;
			break;
		}
	/* Clauses: stop short of the neighbours in the same sentence. */
	lo = ss;
	if (i > 0 && t->entries[i - 1].block == e->block &&
	    t->entries[i - 1].end > ss) {
		for (k = t->entries[i - 1].end; k < e->off; k++)
			if ((l = clause_sep(s, k, e->off)) != 0)
				lo = k + l;
	}
	hi = se;
	if (i + 1 < t->n && t->entries[i + 1].block == e->block &&
	    t->entries[i + 1].off < se) {
		for (k = e->end; k < t->entries[i + 1].off; k++)
			if (clause_sep(s, k, se) != 0)
				hi = k;
	}
	lo = trim_front(s, lo, hi);
	/*
	 * A date that opens its clause, set off by a comma or a space, is
	 * left out of the event; one that runs on into it (1981年5月1日起实施)
	 * stays, or the event would not read.
	 */
	if ((lo == e->off || (lo + 3 == e->off && (LEX_AT(s, hi, lo, "在") ||
	    LEX_AT(s, hi, lo, "于") || LEX_AT(s, hi, lo, "即") ||
	    LEX_AT(s, hi, lo, "约"))) ||
	    (lo + 3 <= e->off && e->off - lo <= 5 &&
	    (LEX_AT(s, hi, lo, "In ") || LEX_AT(s, hi, lo, "On ") ||
	    LEX_AT(s, hi, lo, "in ") || LEX_AT(s, hi, lo, "on ")))) &&
	    (e->end >= hi || s[e->end] == ' ' || clause_sep(s, e->end, hi) ||
	    LEX_AT(s, hi, e->end, "、"))) {
		k = trim_front(s, e->end, hi);
		/*
		 * Nothing left of the clause (三天后，即1月23日...): the
		 * event is the rest of the sentence, next date included.
		 */
		if (k >= hi && hi < se)
			k = trim_front(s, e->end, hi = se);
		if (k < hi)
			lo = k;
	}
	while (hi > lo && (s[hi - 1] == ' ' || s[hi - 1] == '\n'))
		hi--;
	/* Where 120 columns end; ASCII and CJK need no table. */
	for (k = lo, cut = hi; k < hi; k += (size_t)l) {
		unsigned char ch = (unsigned char)s[k];

		if (ch < 0x80) {
			l = 1;
			w = 1;
		} else if (wide3(s, k, hi)) {
			l = 3;
			w = 2;
		} else {
			l = (size_t)util_u8_next(s + k, hi - k, &c);
			w = c >= 0x4e00 && c <= 0x9fff ? 2 :
			    uc_width(c, "UTF-8");
			if (w < 0)
				w = 1;
		}
		if (cols + (size_t)w > EVENT_COLS - 1 && k + l < hi) {
			cut = k;
			break;
		}
		cols += (size_t)w;
	}
	ev = event_alloc(t, cut - lo + (cut < hi ? sizeof "…" : 1));
	memcpy(ev, s + lo, cut - lo);
	for (k = 0; k < cut - lo; k++)
		if (ev[k] == '\n' || ev[k] == '\t')
			ev[k] = ' ';
	if (cut < hi)
		memcpy(ev + (cut - lo), "…", sizeof "…");
	else
		ev[cut - lo] = '\0';
	e->event = ev;
}

void
timeline_events_reset(struct timeline *t)
{
	struct chunk *c = t->priv, *prev;

	if (c == NULL)
		return;
	for (prev = c->prev; prev != NULL; prev = c->prev) {
		c->prev = prev->prev;
		free(prev);
	}
	c->used = 0;
}

void
timeline_free(struct timeline *t)
{
	struct chunk *c, *prev;

	if (t == NULL)
		return;
	for (c = t->priv; c != NULL; c = prev) {
		prev = c->prev;
		free(c);
	}
	free(t->entries);
	free(t);
}
