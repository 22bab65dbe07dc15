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

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define EVENT_SSE2 1
#endif

/* Widest event kept, in display columns. */
#define EVENT_COLS 120

/*
 * The events' text lives in chunks that are never moved, so that a
 * timeline of millions of entries costs a few large allocations instead of
 * one per entry.  t->priv points to a struct events: the newest chunk
 * (each links to the one before), and the sentence of the latest event
 * made, which the next entry of the same sentence shares.
 */
struct chunk {
	struct chunk *prev;	/* the chunk filled before this one */
	size_t used;		/* bytes of text used */
	size_t size;		/* bytes of text available */
	char text[];		/* the events, each NUL-terminated */
};

struct events {
	struct chunk *chunk;	/* the newest chunk, or NULL */
	/*
	 * The sentence bounds found for the latest event made: they are a
	 * function of the text, the block and the expression's bytes
	 * alone, so an entry that is those same bytes has them.
	 */
	int have;		/* the memo below is set */
	size_t block;		/* the block of that entry */
	size_t off, end;	/* its expression's bytes */
	size_t ss, se;		/* its sentence's bytes */
};

#define CHUNK_SIZE ((size_t)1 << 20)

static struct events *
events_of(struct timeline *t)
{
	if (t->priv == NULL)
		t->priv = xcalloc(1, sizeof(struct events));
	return t->priv;
}

/* Room for n bytes of event text in t's chunks. */
static char *
event_alloc(struct timeline *t, size_t n)
{
	struct events *v = events_of(t);
	struct chunk *c = v->chunk, *nc;
	size_t size;

	if (c == NULL || c->size - c->used < n) {
		size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		nc = xmalloc(sizeof *nc + size);
		nc->prev = c;
		nc->used = 0;
		nc->size = size;
		v->chunk = c = nc;
	}
	c->used += n;
	return c->text + c->used - n;
}

/*
 * Bytes that can start a sentence terminator: the ASCII ones and the lead
 * bytes of 。 (e3 80 82) and ！？； (ef bc 81, 9f, 9b).
 */
static const unsigned char term_first[256] = {
	['!'] = 1, ['?'] = 1, [';'] = 1, ['.'] = 1, [0xe3] = 1, [0xef] = 1
};

/*
 * Bytes that can end one, and the terminator's length: the ASCII ones,
 * and the last bytes of 。！？；.  Looking back, only these are tried.
 */
static const unsigned char term_last[256] = {
	['!'] = 1, ['?'] = 1, [';'] = 1, ['.'] = 1,
	[0x82] = 3, [0x81] = 3, [0x9f] = 3, [0x9b] = 3
};

/* Bytes that can start a clause separator: , : and ，： (ef bc 8c, 9a). */
static const unsigned char sep_first[256] = {
	[','] = 1, [':'] = 1, [0xef] = 1
};

#ifdef EVENT_SSE2
#define EQ(x, c) _mm_cmpeq_epi8((x), _mm_set1_epi8((char)(c)))
#define OR(a, b) _mm_or_si128((a), (b))
#define LOAD(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#endif

/*
 * The first k in [i, hi) where term_first[s[k]] is set, or hi; sixteen
 * bytes at a time where SSE2 is there (every x86-64).
 */
static size_t
term_next(const char *s, size_t i, size_t hi)
{
	const unsigned char *u = (const unsigned char *)s;
#ifdef EVENT_SSE2
	__m128i x;
	int bits;

	for (; i + 16 <= hi; i += 16) {
		x = LOAD(u + i);
		bits = _mm_movemask_epi8(OR(OR(OR(EQ(x, '!'), EQ(x, '?')),
		    OR(EQ(x, ';'), EQ(x, '.'))), OR(EQ(x, 0xe3), EQ(x, 0xef))));
		if (bits != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	while (i < hi && !term_first[u[i]])
		i++;
	return i;
}

/*
 * The last k in [lo, i) where term_last[s[k]] is set, plus one, or lo:
 * term_next() going back.
 */
static size_t
term_prev(const char *s, size_t lo, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
#ifdef EVENT_SSE2
	__m128i x;
	int bits;

	for (; i >= lo + 16; i -= 16) {
		x = LOAD(u + i - 16);
		bits = _mm_movemask_epi8(OR(OR(OR(EQ(x, '!'), EQ(x, '?')),
		    OR(EQ(x, ';'), EQ(x, '.'))), OR(OR(EQ(x, 0x82), EQ(x, 0x81)),
		    OR(EQ(x, 0x9f), EQ(x, 0x9b)))));
		if (bits != 0)
			return i - 16 + (size_t)(32 -
			    __builtin_clz((unsigned)bits));
	}
#endif
	while (i > lo && !term_last[u[i - 1]])
		i--;
	return i;
}

size_t
timeline_sentence_end_at(const char *s, size_t lo, size_t k, size_t hi)
{
	const unsigned char *u = (const unsigned char *)s + k;

	/* 。！？； byte by byte: the callers try every lead byte. */
	if (k + 3 <= hi && ((u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x82) ||
	    (u[0] == 0xef && u[1] == 0xbc && (u[2] == 0x81 || u[2] == 0x9f ||
	    u[2] == 0x9b))))
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

/* Is s[k] (k < hi) a clause separator (，, ：)?  Returns its length. */
static size_t
clause_sep(const char *s, size_t k, size_t hi)
{
	const unsigned char *u = (const unsigned char *)s + k;

	if (!sep_first[u[0]])
		return 0;
	if (u[0] == 0xef)
		return k + 3 <= hi && u[1] == 0xbc && (u[2] == 0x8c ||
		    u[2] == 0x9a) ? 3 : 0;
	return k + 1 < hi && u[1] == ' ' ? 1 : 0;
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

/*
 * The bytes [*ss, *se) of the sentence around e in block b: back to the
 * last terminator, then forward to the next one.  An entry of the same
 * block made before (v's memo) has done part of either walk: back from
 * its start, and forward from its end up to its sentence's end, with no
 * terminator on the way.
 */
static void
sentence_of(const struct events *v, const char *s, const struct block *b,
    const struct tl_entry *e, size_t *ss, size_t *se)
{
	int memo = v->have && v->block == e->block && v->off <= e->off;
	size_t k, lim = memo ? v->off : b->off;
	unsigned char t;

	/* Back: only the last bytes of terminators are tried. */
	for (k = e->off; (k = term_prev(s, lim, k)) > lim; k--) {
		t = term_last[(unsigned char)s[k - 1]];
		if (t == 1 ? tl_sentence_end(s, b->off, k - 1, b->end) == 1 :
		    k >= b->off + 3 && tl_sentence_end(s, b->off, k - 3,
		    b->end) == 3)
			break;
	}
	*ss = k == lim && memo ? v->ss : k;
	if (memo && v->end <= e->end && v->se >= e->end) {
		*se = v->se;
		return;
	}
	for (k = e->end; (k = term_next(s, k, b->end)) < b->end; k++)
		if (timeline_sentence_end_at(s, b->off, k, b->end) != 0)
			break;
	*se = k;
}

/*
 * Where 120 columns of s[lo..hi) end, hi if they hold it all; ASCII and
 * CJK need no table.
 */
static size_t
column_cut(const char *s, size_t lo, size_t hi)
{
	size_t k, l, cols = 0;
	uint32_t c;
	int w;

	/*
	 * No character is wider than it is long in bytes (uc_width is at
	 * most 1 below U+0800, 2 above; an invalid byte is one U+FFFD), so
	 * a text of 120 bytes or fewer is never cut.
	 */
	if (hi - lo <= EVENT_COLS)
		return hi;
	for (k = lo; k < hi; k += l) {
		unsigned char ch = (unsigned char)s[k];

		if (ch < 0x80) {
			l = 1;
			w = 1;
		} else if (ch >= 0xe5 && ch <= 0xe9 && k + 2 < hi &&
		    ((unsigned char)s[k + 1] & 0xc0) == 0x80 &&
		    ((unsigned char)s[k + 2] & 0xc0) == 0x80) {
			/* U+5000..U+9FFF, ideographs all: wide3's answer. */
			l = 3;
			w = 2;
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
		if (cols + (size_t)w > EVENT_COLS - 1 && k + l < hi)
			return k;
		cols += (size_t)w;
	}
	return hi;
}

void
timeline_make_event(struct timeline *t, size_t i, const struct doc *d)
{
	struct tl_entry *e = &t->entries[i];
	const struct block *b = &d->blocks[e->block];
	const char *s = d->buf->data;
	struct events *v = events_of(t);
	size_t ss, se, k, l, lo, hi, cut;
	char *ev, *p;

	sentence_of(v, s, b, e, &ss, &se);
	v->have = 1;
	v->block = e->block;
	v->off = e->off;
	v->end = e->end;
	v->ss = ss;
	v->se = se;
	/*
	 * Clauses: stop short of the neighbours in the same sentence, at the
	 * last separator before this entry and after it (so the walks go
	 * back and stop at the first).
	 */
	lo = ss;
	if (i > 0 && t->entries[i - 1].block == e->block &&
	    t->entries[i - 1].end > ss) {
		for (k = e->off; k > t->entries[i - 1].end; k--)
			if ((l = clause_sep(s, k - 1, e->off)) != 0) {
				lo = k - 1 + l;
				break;
			}
	}
	hi = se;
	if (i + 1 < t->n && t->entries[i + 1].block == e->block &&
	    t->entries[i + 1].off < se) {
		for (k = t->entries[i + 1].off; k > e->end; k--)
			if (clause_sep(s, k - 1, se) != 0) {
				hi = k - 1;
				break;
			}
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
	cut = column_cut(s, lo, hi);
	ev = event_alloc(t, cut - lo + (cut < hi ? sizeof "…" : 1));
	memcpy(ev, s + lo, cut - lo);
	/* One line: newlines and tabs become spaces. */
	for (p = ev; (p = memchr(p, '\n', (size_t)(ev + (cut - lo) - p))) !=
	    NULL; p++)
		*p = ' ';
	for (p = ev; (p = memchr(p, '\t', (size_t)(ev + (cut - lo) - p))) !=
	    NULL; p++)
		*p = ' ';
	if (cut < hi)
		memcpy(ev + (cut - lo), "…", sizeof "…");
	else
		ev[cut - lo] = '\0';
	e->event = ev;
}

void
timeline_events_reset(struct timeline *t)
{
	struct events *v = t->priv;
	struct chunk *c, *prev;

	if (v == NULL || (c = v->chunk) == NULL)
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
	struct events *v;
	struct chunk *c, *prev;

	if (t == NULL)
		return;
	if ((v = t->priv) != NULL) {
		for (c = v->chunk; c != NULL; c = prev) {
			prev = c->prev;
			free(c);
		}
		free(v);
	}
	free(t->entries);
	free(t);
}
