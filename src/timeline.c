/*
 * timeline.c - every dated mention of a document, normalized and resolved.
 *
 * The timeline is an array of entries in document order.  It is built in
 * one pass over the document's blocks: inside a block, the scanner looks
 * at one character at a time with cheap tests (an ASCII digit or letter
 * starting a word, or a CJK character whose code point is in a small
 * bitmap of numerals and relative-word starts) and calls the recognizers
 * of timeline-zh.c and timeline-en.c only there.  A recognizer returns a
 * candidate (byte range, kind, modifier, dates) or tells how far to skip,
 * so no byte is examined by a recognizer twice and the pass is linear.
 * With two processors, the recognizers run ahead in two threads on
 * pieces of the text (timeline-split.c), and the pass takes their
 * candidates where it finds them valid (follow() says when).
 *
 * Relative candidates are resolved as they are met, against the anchor:
 * the latest absolute date (or range start) or resolved relative date
 * seen so far, or the document date for 8年前, 去年 and the like.  Those
 * that cannot be resolved are dropped rather than guessed.  Targets and
 * decades never become the anchor.
 *
 * Each entry's event (the clause it dates, timeline-event.c) is cut from
 * the text after the pass, when the entries around it in the same
 * sentence are known: at the end of each block.  timeline_each()
 * (timeline-each.c) takes the entries away at block ends instead, a
 * batch at a time, and cuts the events only when they are used, so that
 * --timeline never holds more than a few batches.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/timeline.h"
#include "juan/util.h"
#include "timeline-int.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2 1
#define AVX2 __attribute__((target("avx2")))
static int use_avx2;		/* the processor has it (keys_init()) */
#endif

int timeline_no_vectors;

/*
 * Key characters (code points below U+10000) at which a Chinese
 * recognizer may start: the numerals and the first characters of the
 * relative words.  Filled on first use.
 */
static uint8_t keys[65536 / 8];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

/*
 * The first three letters of the English words that may start an
 * expression (en_word()): month names, "the", "that", "last", "this",
 * "next" and the number words.
 */
static const char en_starts[][4] = { "jan", "feb", "mar", "apr", "may",
    "jun", "jul", "aug", "sep", "oct", "nov", "dec", "the", "tha", "las",
    "thi", "nex", "one", "two", "thr", "fou", "fiv", "six", "sev", "eig",
    "nin", "ten", "ele", "twe" };

/* The same as a bitmap of the letters' alphabet indexes, 5 bits each. */
static uint8_t en_starts3[32 * 32 * 32 / 8];

/* The bit of en_starts3 of three ASCII letters (either case). */
static unsigned
en_start3(const unsigned char *p)
{
	return (unsigned)((p[0] | 0x20) - 'a') << 10 |
	    (unsigned)((p[1] | 0x20) - 'a') << 5 |
	    (unsigned)((p[2] | 0x20) - 'a');
}

static void
keys_init(void)
{
	static const char *const chars = "〇○零一二三四五六七八九两十百千廿"
	    "０１２３４５６７８９当同次翌第前这那该转今去明上本兩當這隔"
	    "卅卌即农農阴陰旧舊正腊臘冬闰閏除大春元端中重凌深夜半清早午下傍晚"
	    "民公";
	size_t i = 0, n = strlen(chars);
	uint32_t c;

	while (i < n) {
		i += (size_t)util_u8_next(chars + i, n - i, &c);
		if (c < 65536)
			keys[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
	for (i = 0; i < sizeof en_starts / sizeof en_starts[0]; i++) {
		c = en_start3((const unsigned char *)en_starts[i]);
		en_starts3[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
#ifdef HAVE_AVX2
	use_avx2 = __builtin_cpu_supports("avx2");
#endif
}

/* Is the three-byte character at p a key character? */
static int
key3(const unsigned char *p)
{
	uint32_t c = ((uint32_t)(p[0] & 0x0f) << 12) |
	    ((uint32_t)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);

	return (keys[c >> 3] >> (c & 7)) & 1;
}

/* Resolves a relative candidate; returns 0 when it cannot be. */
static int
resolve(const struct tl_rel *r, const struct tl_date *anchor,
    const struct tl_date *docdate, struct tl_date *out)
{
	const struct tl_date *base = anchor;
	struct tl_date t;
	enum tl_prec need;

	if (r->anchor != TL_ANCHOR_PREV && docdate->prec != TL_PREC_NONE)
		base = docdate;
	else if (r->anchor == TL_ANCHOR_DOC_ONLY)
		return 0;
	need = r->unit;
	if (r->day != 0 && r->month == 0 && need < TL_PREC_MONTH)
		need = TL_PREC_MONTH;
	if (base->prec < need || base->prec < TL_PREC_YEAR)
		return 0;
	t = *base;
	switch (r->unit) {
	case TL_PREC_YEAR:
		t.year += r->delta;
		break;
	case TL_PREC_MONTH:
		t.month += r->delta;
		while (t.month > 12)
			t.month -= 12, t.year++;
		while (t.month < 1)
			t.month += 12, t.year--;
		break;
	case TL_PREC_DAY:
		lex_civil(lex_days(t.year, t.month, t.day) + r->delta,
		    &t.year, &t.month, &t.day);
		break;
	default:
		return 0;
	}
	if (r->month != 0) {
		if (r->wrap && base->prec >= TL_PREC_MONTH &&
		    base->month - r->month >= 9)
			t.year++;
		t.month = r->month;
	}
	if (r->day != 0)
		t.day = r->day;
	t.prec = r->prec;
	if (t.prec < TL_PREC_DAY)
		t.day = 0;
	if (t.prec < TL_PREC_MONTH)
		t.month = 0;
	if (t.prec == TL_PREC_DAY && t.day > lex_mdays(t.year, t.month))
		return 0;
	*out = t;
	return 1;
}

/* Writes n decimal digits of v (zero-padded) at p; returns p + n. */
static char *
put_digits(char *p, int v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

/*
 * Writes d in TIMEX3 style at p (room for 16 bytes) and returns the end;
 * by hand rather than with snprintf, as it runs once per entry.
 */
static char *
fmt_date(char *p, const struct tl_date *d)
{
	int y = d->year < 0 ? -d->year : d->year;

	if (y > 999999)
		y = 999999;
	if (d->year < 0) {
		*p++ = 'B';
		*p++ = 'C';
	}
	switch (d->prec) {
	case TL_PREC_CENTURY:
		p = put_digits(p, y / 100, 2);
		*p++ = 'X';
		*p++ = 'X';
		break;
	case TL_PREC_DECADE:
		p = put_digits(p, y / 10, 3);
		*p++ = 'X';
		break;
	case TL_PREC_DAY:
	case TL_PREC_MONTH:
		p = put_digits(p, y, 4);
		*p++ = '-';
		p = put_digits(p, d->month, 2);
		if (d->prec == TL_PREC_DAY) {
			*p++ = '-';
			p = put_digits(p, d->day, 2);
		}
		break;
	case TL_PREC_YEAR:
		/* 前730,000年 is BC730000: more digits when there are. */
		p = put_digits(p, y, y > 99999 ? 6 : y > 9999 ? 5 : 4);
		break;
	default:
		memcpy(p, "XXXX", 4);
		p += 4;
		break;
	}
	*p = '\0';
	return p;
}

/* Sort key of a date's start: monotonic, coarser parts first. */
static long
sort_key(const struct tl_date *d)
{
	return (long)d->year * 372 + (d->month ? d->month - 1 : 0) * 31 +
	    (d->day ? d->day - 1 : 0);
}

void
timeline_place(const struct doc *d, struct tl_entry *e, size_t *line_hint)
{
	e->line = buffer_line_from(d->buf, e->off, *line_hint);
	*line_hint = e->line;
	e->section = doc_section_at(d, d->blocks[e->block].off);
}

/*
 * Adds c's entry to t; places it (line, section) now unless line_hint is
 * NULL, when the sink's thread does.
 */
static void
add_entry(struct timeline *t, size_t *cap, size_t *line_hint,
    const struct doc *d, size_t bi, const struct tl_cand *c,
    const struct tl_date *a, const char *tod)
{
	struct tl_entry *e;
	char *p;

	if (t->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		t->entries = xreallocarray(t->entries, *cap,
		    sizeof *t->entries);
	}
	e = &t->entries[t->n++];
	memset(e, 0, sizeof *e);
	e->off = c->off;
	e->end = c->end;
	e->kind = c->kind;
	e->mod = c->mod;
	p = fmt_date(e->value, a);
	if (c->kind == TL_RANGE) {
		*p++ = '/';
		fmt_date(p, &c->b);
	} else if (tod[0] != '\0') {
		*p++ = 'T';
		memcpy(p, tod, strlen(tod) + 1);
		memcpy(e->time, tod, strlen(tod) + 1);
	}
	e->block = bi;
	e->section = -1;
	if (line_hint != NULL)
		timeline_place(d, e, line_hint);
	e->caption = d->blocks[bi].kind == BLOCK_CAPTION;
	e->citation = c->citation;
	e->lunar = c->lunar.month != 0;
	e->sort_start = sort_key(a);
	e->sort_prec = a->prec;
}

/*
 * A short line alone in its block, without sentence-final punctuation,
 * reads as a heading even before the document model says so.
 */
static int
heading_like(const struct doc *d, const struct block *b)
{
	const char *s = d->buf->data;
	size_t e = b->end;

	if (b->kind == BLOCK_HEADING || b->kind == BLOCK_TITLE)
		return 1;
	if (b->kind != BLOCK_PARAGRAPH || b->end - b->off > 120 ||
	    memchr(s + b->off, '\n', b->end - b->off) != NULL)
		return 0;
	while (e > b->off && s[e - 1] == ' ')
		e--;
	if (e == b->off || s[e - 1] == '.' || s[e - 1] == '!' ||
	    s[e - 1] == '?' || LEX_BEFORE(s, b->off, e, "。") ||
	    LEX_BEFORE(s, b->off, e, "！") || LEX_BEFORE(s, b->off, e, "？") ||
	    LEX_BEFORE(s, b->off, e, "；"))
		return 0;
	return 1;
}

/*
 * Can the ASCII word at s[i..n) start an English expression?  Only "a"
 * and the words of en_starts can; the test looks at the first three
 * letters, by one bit of en_starts3 (the scan meets a word at every few
 * bytes of an English text).
 */
static int
en_word(const unsigned char *s, size_t i, size_t n, size_t *len)
{
	size_t k = i;
	unsigned c;

	while (k < n && (s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z')
		k++;
	*len = k - i;
	if (k - i == 1)
		return (s[i] | 0x20) == 'a';
	if (k - i < 3 || k - i > 9)
		return 0;
	c = en_start3(s + i);
	return (en_starts3[c >> 3] >> (c & 7)) & 1;
}

/*
 * The scanner's state between candidates: the block in hand, the entries
 * whose events are still to be cut, and the dates that resolve relative
 * expressions.
 */
/* Where citation() has counted to in a block, and what it found. */
struct tl_open {
	size_t boff;		/* the block counted */
	size_t k;		/* bytes before k are counted */
	int depth;		/* 《 not yet closed */
	int bracket;		/* a [ open on this line */
};

struct scan {
	struct timeline *t;
	size_t cap;		/* entries allocated */
	const struct doc *d;
	struct tl_ctx x;	/* the current block's context */
	size_t bi;		/* the current block, or d->nblocks */
	size_t first;		/* first entry of the current block */
	size_t last;		/* end of the last expression taken */
	struct tl_date anchor;	/* latest date for relative expressions */
	struct tl_date anchor_end; /* the anchor's end when it is a range of
				   days, prec NONE otherwise */
	size_t anchor_off;	/* where the anchor was written */
	struct tl_date docdate;	/* the document date, prec NONE if none */
	struct tl_date head;	/* the date of the latest date heading or
				   year line, prec NONE if none */
	size_t head_off;	/* where it was written */
	size_t head_end;	/* one past the text it dates */
	size_t line_hint;	/* the line of the latest entry, or 1 */
	struct tl_sink *sink;	/* where finished blocks' entries go, or
				   NULL to keep them all in t */
	struct tl_open cit;	/* citation()'s count of open 《 and [ */
};

/*
 * The entries of the blocks before the current one are finished: cut
 * their events, or hand them to the sink.
 */
static void
blocks_done(struct scan *sc, int last)
{
	size_t k;

	/* A scan ahead (timeline_recognize) keeps no entries. */
	if (sc->t == NULL)
		return;
	if (sc->sink != NULL) {
		timeline_sink_put(sc->sink, sc->t, &sc->cap, last);
	} else {
		for (k = sc->first; k < sc->t->n; k++)
			timeline_make_event(sc->t, k, sc->d);
	}
	sc->first = sc->t->n;
}

/*
 * Moves the scan to the block holding byte i, or the first after it;
 * returns 0 past the end.  The block is the first ending after i, however
 * far the scan came from, so that the scan from a position is the same
 * wherever it started (timeline-split.c relies on it).
 */
static int
enter_block(struct scan *sc, size_t i)
{
	const struct doc *d = sc->d;
	size_t bi = sc->bi, k;

	if (bi < d->nblocks && i < d->blocks[bi].end)
		return 1;
	/* Gallop a few blocks ahead, then search. */
	for (k = 0; k < 4 && bi < d->nblocks && d->blocks[bi].end <= i; k++)
		bi++;
	if (bi < d->nblocks && d->blocks[bi].end <= i)
		bi = doc_block_at(d, i + 1);
	blocks_done(sc, 0);
	sc->bi = bi;
	if (bi >= d->nblocks)
		return 0;
	sc->x.boff = d->blocks[bi].off;
	sc->x.bend = d->blocks[bi].end;
	sc->x.heading = heading_like(d, &d->blocks[bi]);
	sc->last = sc->x.boff;
	return 1;
}

/* Are a and b (a < b) in one sentence of the current block? */
static int
same_sentence(const struct scan *sc, size_t a, size_t b)
{
	size_t k;

	if (sc->anchor.prec == TL_PREC_NONE || a < sc->x.boff || a >= b)
		return 0;
	for (k = a; k < b; k++)
		if (tl_sentence_end(sc->x.s, sc->x.boff, k, sc->x.bend) != 0)
			return 0;
	return 1;
}

/*
 * Can the byte ch count: the first of 《 and 》 (E3 80 8A, E3 80 8B), [,
 * ] or a newline?  Most bytes of a block cannot, and the count skips
 * them here.
 */
static inline int
citation_mark(char ch)
{
	return (unsigned char)ch == 0xe3 || ch == '[' || ch == ']' ||
	    ch == '\n';
}

/* Counts byte k of the block (a 《 or 》 only if it ends by off). */
static void
citation_byte(struct tl_open *o, const char *s, size_t k, size_t off)
{
	switch ((unsigned char)s[k]) {
	case 0xe3:
		if (LEX_AT(s, off, k, "《"))
			o->depth++;
		else if (LEX_AT(s, off, k, "》") && o->depth > 0)
			o->depth--;
		break;
	case '[':
		o->bracket = 1;
		break;
	case ']':
	case '\n':
		o->bracket = 0;
		break;
	}
}

#ifdef HAVE_AVX2
/*
 * citation_count() 32 bytes at a time: a vector's bits are its 《 and 》
 * (the three bytes whole) and its [, ] and newlines, counted in order.
 * Returns where it stopped, less than 32 bytes before stop.
 */
AVX2 static size_t
citation_avx2(struct tl_open *o, const char *s, size_t k, size_t stop,
    size_t off)
{
	const __m256i e3 = _mm256_set1_epi8((char)0xe3);
	const __m256i b80 = _mm256_set1_epi8((char)0x80);
	const __m256i b8a = _mm256_set1_epi8((char)0x8a);
	const __m256i b8b = _mm256_set1_epi8((char)0x8b);
	const __m256i open = _mm256_set1_epi8('['), shut = _mm256_set1_epi8(']');
	const __m256i nl = _mm256_set1_epi8('\n');
	__m256i a, b, c, m;
	uint32_t bits;

	for (; k + 32 <= stop; k += 32) {
		a = _mm256_loadu_si256((const __m256i *)(const void *)(s + k));
		b = _mm256_loadu_si256((const __m256i *)(const void *)(s + k +
		    1));
		c = _mm256_loadu_si256((const __m256i *)(const void *)(s + k +
		    2));
		m = _mm256_and_si256(_mm256_and_si256(
		    _mm256_cmpeq_epi8(a, e3), _mm256_cmpeq_epi8(b, b80)),
		    _mm256_or_si256(_mm256_cmpeq_epi8(c, b8a),
		    _mm256_cmpeq_epi8(c, b8b)));
		m = _mm256_or_si256(m, _mm256_or_si256(_mm256_or_si256(
		    _mm256_cmpeq_epi8(a, open), _mm256_cmpeq_epi8(a, shut)),
		    _mm256_cmpeq_epi8(a, nl)));
		for (bits = (uint32_t)_mm256_movemask_epi8(m); bits != 0;
		    bits &= bits - 1)
			citation_byte(o, s, k + (size_t)__builtin_ctz(bits),
			    off);
	}
	return k;
}
#endif

/*
 * Counts the bytes [k, stop) of the block into o.  k >= stop or stop + 2
 * <= off: each 《 or 》 that starts before stop ends by off, and the
 * bytes up to stop + 2 may be read.
 */
static void
citation_count(struct tl_open *o, const char *s, size_t k, size_t stop,
    size_t off)
{
#ifdef HAVE_AVX2
	if (use_avx2 && !timeline_no_vectors)
		k = citation_avx2(o, s, k, stop, off);
#endif
	for (; k < stop; k++)
		if (citation_mark(s[k]))
			citation_byte(o, s, k, off);
}

/*
 * Is [off, end) inside a title in 《》 (a book, an article, a law) or the
 * text of a Markdown link ([...](...))?  Then it dates the work named,
 * not the story.  Only the current block is looked at.
 *
 * The 《 and [ still open before off are counted forward from the block's
 * start.  Each byte's part in the count depends only on that byte and the
 * two after it (a 《 or 》 is three bytes, whose last two are continuation
 * bytes that start nothing), so the count up to off - 2 holds for every
 * later off in the block: it is kept in sc->cit, and only the last two
 * bytes are counted again for each expression.  An expression before the
 * kept position (none, as they come in order) counts from the start.
 */
static int
citation(struct scan *sc, size_t off, size_t end)
{
	const struct tl_ctx *x = &sc->x;
	const char *s = x->s;
	struct tl_open *o = &sc->cit, t;
	size_t k, stop = off >= x->boff + 2 ? off - 2 : x->boff;

	if (o->boff != x->boff || o->k > stop) {
		o->boff = x->boff;
		o->k = x->boff;
		o->depth = 0;
		o->bracket = 0;
	}
	citation_count(o, s, o->k, stop, off);
	o->k = stop;
	t = *o;
	for (k = stop; k < off; k++)
		citation_byte(&t, s, k, off);
	if (t.depth > 0)
		return 1;
	if (!t.bracket)
		return 0;
	for (k = end; k + 1 < x->bend && s[k] != '\n' && s[k] != '['; k++)
		if (s[k] == ']')
			return s[k + 1] == '(';
	return 0;
}

/*
 * Does the expression [off, end) open a date heading or a year line: the
 * first words of a heading-like block (## 2019年12月1日, 1949年 alone on
 * its line), or of any block when a colon follows (1937年：...)?
 */
static int
opens_block(const struct scan *sc, size_t off, size_t end)
{
	const char *s = sc->x.s;
	size_t k = sc->x.boff;

	while (k < off && (s[k] == ' ' || s[k] == '#' || s[k] == '\t' ||
	    s[k] == '*'))
		k++;
	if (k != off)
		return 0;
	if (sc->x.heading)
		return 1;
	while (end < sc->x.bend && s[end] == ' ')
		end++;
	return LEX_AT(s, sc->x.bend, end, "：") || (end < sc->x.bend &&
	    s[end] == ':');
}

/*
 * Notes a date heading or year line r at off: it anchors the text of its
 * section (a heading's), or up to the next such line (a year line's).
 */
static void
set_head(struct scan *sc, const struct tl_date *r, size_t off)
{
	const struct doc *d = sc->d;
	const struct block *b = &d->blocks[sc->bi];
	ssize_t sec = doc_section_at(d, b->off);

	sc->head = *r;
	sc->head_off = off;
	sc->head_end = d->buf->len;
	if (sec >= 0 && (size_t)sec < d->nsections)
		sc->head_end = d->sections[sec].end;
}

/*
 * The date a relative expression at off counts from: the latest date of
 * its own sentence; else, under a date heading or year line, the latest
 * date when it is in the heading's year or the next (the text has run on
 * into it), and the heading's date when the latest date is elsewhere (a
 * date cited in passing); else the latest date.
 */
static const struct tl_date *
base_for(const struct scan *sc, size_t off)
{
	if (same_sentence(sc, sc->anchor_off, off) ||
	    sc->head.prec == TL_PREC_NONE || off >= sc->head_end)
		return &sc->anchor;
	if (sc->anchor_off < sc->head_off || sc->anchor.year < sc->head.year ||
	    sc->anchor.year > sc->head.year + 1)
		return &sc->head;
	return &sc->anchor;
}

/*
 * The date a relative candidate counts from: base_for()'s, but a day
 * after a range of days (次日, 当天, 3天后) counts from the range's end.
 */
static const struct tl_date *
base_of(const struct scan *sc, const struct tl_cand *c)
{
	const struct tl_date *b = base_for(sc, c->off);

	if (b == &sc->anchor && sc->anchor_end.prec == TL_PREC_DAY &&
	    c->rel.unit == TL_PREC_DAY && c->rel.delta >= 0 &&
	    c->rel.month == 0 && c->rel.day == 0)
		return &sc->anchor_end;
	return b;
}

/*
 * Reads what follows a candidate resolved to a date of precision prec: a
 * time of day into tod (room for 6 bytes), then 起 or 以来; c's end moves
 * past them.
 */
static void
extend(const struct tl_ctx *x, struct tl_cand *c, enum tl_prec prec,
    char *tod)
{
	memcpy(tod, c->tod, sizeof c->tod);
	if (tod[0] == '\0' && (prec == TL_PREC_DAY ||
	    (c->kind == TL_RELATIVE && c->rel.unit == TL_PREC_DAY)))
		c->end = timeline_time(x, c->off, c->end, tod);
	/* 24：00起, 自1月23日起, 20时以来: from then on. */
	if (c->mod == TL_MOD_NONE && c->kind != TL_RANGE &&
	    c->kind != TL_TARGET)
		c->mod = timeline_zh_since(x, c->off, &c->end);
}

/* Takes a candidate: resolves it and adds its entry. */
static void
take(struct scan *sc, struct tl_cand *c)
{
	struct tl_date r;
	char tod[6];

	if (c->off < sc->last)
		c->off = sc->last;
	if (c->lunar.month != 0) {
		if (!timeline_lunar_resolve(&c->lunar, base_for(sc, c->off),
		    &r))
			return;
	} else if (c->kind == TL_RELATIVE) {
		if (!resolve(&c->rel, base_of(sc, c), &sc->docdate, &r))
			return;
		/* 1月20日至2月3日: a range in the resolved start's year. */
		if (c->b.prec != TL_PREC_NONE) {
			c->b.year += r.year;
			if (c->b.month == 0 && c->b.prec >= TL_PREC_MONTH)
				c->b.month = r.month;
			if (c->b.prec == TL_PREC_DAY &&
			    c->b.day > lex_mdays(c->b.year, c->b.month))
				return;
			c->kind = TL_RANGE;
		}
	} else
		r = c->a;
	extend(&sc->x, c, r.prec, tod);
	c->citation = citation(sc, c->off, c->end);
	add_entry(sc->t, &sc->cap, sc->sink != NULL ? NULL : &sc->line_hint,
	    sc->d, sc->bi, c, &r, tod);
	/*
	 * A range over several years (the 1953—1957 plan) names a period,
	 * not a point the story has reached: it anchors nothing.
	 */
	if (!c->citation && (c->kind == TL_ABSOLUTE ||
	    c->kind == TL_RELATIVE || (c->kind == TL_RANGE &&
	    (c->b.year == r.year || c->b.prec == TL_PREC_DAY))) &&
	    (c->noanchor == 0 || (c->noanchor == TL_ASIDE_NAME &&
	    !same_sentence(sc, sc->anchor_off, c->off)))) {
		sc->anchor = r;
		sc->anchor_end.prec = TL_PREC_NONE;
		if (c->kind == TL_RANGE)
			sc->anchor_end = c->b;
		sc->anchor_off = c->off;
		if (c->kind != TL_RANGE && r.prec >= TL_PREC_YEAR &&
		    opens_block(sc, c->off, c->end))
			set_head(sc, &r, c->off);
	}
	if (c->kind == TL_DECADE)
		sc->x.century = r.year / 100 * 100;
	sc->last = c->end;
}

/*
 * Sets sc for a scan of d from its start, its entries into t and sink, or
 * (t NULL) none.
 */
static void
scan_init(struct scan *sc, const struct doc *d, struct timeline *t,
    struct tl_sink *sink)
{
	const struct doc_date *dd = &d->date;

	pthread_once(&keys_once, keys_init);
	memset(sc, 0, sizeof *sc);
	sc->t = t;
	sc->sink = sink;
	sc->line_hint = 1;
	sc->d = d;
	sc->bi = d->nblocks;
	sc->x.s = d->buf->data;
	sc->x.n = d->buf->len;
	sc->anchor.prec = TL_PREC_NONE;
	sc->anchor_end.prec = TL_PREC_NONE;
	sc->head.prec = TL_PREC_NONE;
	sc->docdate.prec = TL_PREC_NONE;
	if (dd->year != 0) {
		sc->docdate.year = dd->year;
		sc->docdate.month = dd->month;
		sc->docdate.day = dd->day;
		sc->docdate.prec = dd->month == 0 ? TL_PREC_YEAR :
		    dd->day == 0 ? TL_PREC_MONTH : TL_PREC_DAY;
		sc->x.doc_year = dd->year;
		/*
		 * Before the text gives a date of its own, a month-day
		 * (12日, 9月份) counts from the document's date.
		 */
		sc->anchor = sc->docdate;
		sc->anchor_off = dd->off;
	}
	if (d->nblocks > 0) {
		sc->bi = 0;
		sc->x.boff = d->blocks[0].off;
		sc->x.bend = d->blocks[0].end;
		sc->x.heading = heading_like(d, &d->blocks[0]);
	}
}

/*
 * The scan from *ip to its next candidate.  The inner loop skips what
 * cannot start an expression without looking at the blocks at all; only
 * at a candidate is the block found (usually the same or the next one),
 * so the cost of a text without dates is the cost of reading its bytes
 * once.  Returns 1 with the candidate in *c and *ip where the recognizer
 * was called, or 0 with *ip the first position at or past lim (the
 * text's end when no block is left).  What it does from a position
 * depends on nothing else but the century in force.
 */
static int
scan_next(struct scan *sc, size_t *ip, size_t lim, struct tl_cand *c)
{
	const unsigned char *u = (const unsigned char *)sc->x.s;
	const struct doc *d = sc->d;
	size_t n = sc->x.n, i = *ip, skip, skip2, len;
	unsigned char b;
	int got;

	while (i < lim) {
		while (i < lim) {
			b = u[i];
			if (b >= 0xe0 && b < 0xf0) {
				if (i + 2 < n && key3(u + i))
					break;
				i += 3;
			} else if (b < 0x80) {
				if (b >= '0' && b <= '9')
					break;
				if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
					if (en_word(u, i, n, &len))
						break;
					i += len;
				} else
					i++;
			} else
				i += b >= 0xf0 ? 4 : b >= 0xc0 ? 2 : 1;
		}
		if (i >= lim)
			break;
		if (!enter_block(sc, i)) {
			i = n;
			break;
		}
		if (i < sc->x.boff) {
			i = sc->x.boff;
			continue;
		}
		/*
		 * Image file names and code hold digits, not dates.  (A
		 * boilerplate block is read: it may be the dateline.)
		 */
		if (d->blocks[sc->bi].kind == BLOCK_FIGURE ||
		    d->blocks[sc->bi].kind == BLOCK_CODE) {
			i = sc->x.bend;
			continue;
		}
		b = u[i];
		if (b >= '0' && b <= '9') {
			got = timeline_zh_match(&sc->x, i, c, &skip);
			if (!got) {
				got = timeline_en_match(&sc->x, i, c, &skip2);
				if (!got && skip2 > skip)
					skip = skip2;
			}
		} else if (b < 0x80)
			got = timeline_en_match(&sc->x, i, c, &skip);
		else
			got = timeline_zh_match(&sc->x, i, c, &skip);
		if (got) {
			*ip = i;
			return 1;
		}
		i += skip;
	}
	*ip = i;
	return 0;
}

/* Where step j of piece k starts: the piece's, or where the last went. */
static size_t
step_from(const struct tl_piece *k, size_t j)
{
	return j == 0 ? k->start : k->step[j - 1].next;
}

/*
 * Does step j of k (k->n: the way from the last step to the exit) hold
 * where the century in force is century: did the recognizers not read
 * the century, or read that one?
 */
static int
step_holds(const struct tl_piece *k, size_t j, int century)
{
	if (j < k->n)
		return !k->step[j].asked || k->step[j].century == century;
	return !k->asked || k->century == century;
}

/*
 * The scan over the pieces recognized ahead.  Where the scan stands at a
 * step's start and the step holds, the step's candidate is the one the
 * scan would meet next, as scan_next() from a position depends on
 * nothing else.  Elsewhere (take() resolved a candidate otherwise than
 * guessed and read on less or more after it, a decade was read in
 * another century than the guess, a candidate ran over the piece's end)
 * the scan goes on by itself to its next candidate, and looks again.
 */
static void
follow(struct scan *sc, struct tl_split *sp)
{
	const struct tl_piece *k;
	struct tl_cand c;
	size_t i = 0, j, pos, followed = 0, own = 0;

	while ((k = timeline_split_next(sp)) != NULL) {
		j = 0;
		while (i < k->lim) {
			while (j < k->n && step_from(k, j) < i)
				j++;
			if (step_from(k, j) == i &&
			    step_holds(k, j, sc->x.century)) {
				if (j == k->n) {
					i = k->exit;
					break;
				}
				pos = k->step[j].pos;
				c = k->step[j++].c;
				(void)enter_block(sc, pos);
				followed++;
			} else if (scan_next(sc, &i, k->lim, &c)) {
				pos = i;
				own++;
			} else
				break;
			take(sc, &c);
			i = c.end > pos ? c.end : pos + 1;
		}
	}
	timeline_split_tally(followed, own);
}

/* One pass over the whole text: alone, or after the threads' pieces. */
static void
scan(struct scan *sc)
{
	struct tl_split *sp = timeline_split_new(sc->d);
	struct tl_cand c;
	size_t i = 0;

	if (sp != NULL) {
		follow(sc, sp);
		timeline_split_free(sp);
	} else {
		while (scan_next(sc, &i, sc->x.n, &c)) {
			take(sc, &c);
			i = c.end > i ? c.end : i + 1;
		}
	}
	blocks_done(sc, 1);
}

/*
 * Where the scan goes on after the candidate c met at i, if take()
 * keeps it: past what take() reads after it at the precision it would
 * resolve to.  A decade sets the century.  (A guess that follow()
 * checks: take() may drop a relative date it cannot resolve.)
 */
static size_t
guess_next(struct scan *sc, struct tl_cand c, size_t i)
{
	enum tl_prec prec = c.a.prec;
	char tod[6];

	if (c.lunar.month != 0) {
		prec = TL_PREC_DAY;
	} else if (c.kind == TL_RELATIVE) {
		prec = c.rel.prec;
		if (c.b.prec != TL_PREC_NONE)
			c.kind = TL_RANGE;
	}
	if (c.off < sc->last)
		c.off = sc->last;
	extend(&sc->x, &c, prec, tod);
	if (c.kind == TL_DECADE)
		sc->x.century = c.a.year / 100 * 100;
	sc->last = c.end;
	return c.end > i ? c.end : i + 1;
}

void
timeline_recognize(const struct doc *d, struct tl_piece *k)
{
	struct scan sc;
	struct tl_step *st;
	struct tl_cand c;
	size_t i = k->start;
	int asked = 0;

	/* The century is not known yet: guess none, and note when read. */
	scan_init(&sc, d, NULL, NULL);
	sc.x.asked = &asked;
	k->n = 0;
	while (scan_next(&sc, &i, k->lim, &c)) {
		if (k->n == k->cap) {
			k->cap = k->cap ? k->cap * 2 : 256;
			k->step = xreallocarray(k->step, k->cap,
			    sizeof *k->step);
		}
		st = &k->step[k->n++];
		st->pos = i;
		st->c = c;
		st->century = sc.x.century;
		st->asked = asked;
		asked = 0;
		i = st->next = guess_next(&sc, c, i);
	}
	k->exit = i;
	k->century = sc.x.century;
	k->asked = asked;
}

void
timeline_scan(const struct doc *d, struct timeline *t, struct tl_sink *sink)
{
	struct scan sc;

	scan_init(&sc, d, t, sink);
	scan(&sc);
}

struct timeline *
timeline_new(const struct doc *d)
{
	struct timeline *t = xcalloc(1, sizeof *t);

	timeline_scan(d, t, NULL);
	return t;
}

static const struct timeline *sort_t;

static int
by_date(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const struct tl_entry *ea = &sort_t->entries[a];
	const struct tl_entry *eb = &sort_t->entries[b];

	if (ea->sort_start != eb->sort_start)
		return ea->sort_start < eb->sort_start ? -1 : 1;
	if (ea->sort_prec != eb->sort_prec)
		return ea->sort_prec < eb->sort_prec ? -1 : 1;
	return a < b ? -1 : a > b;
}

void
timeline_sort_by_date(const struct timeline *t, size_t *order)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		order[i] = i;
	/* qsort with the index as the last key is a stable sort. */
	sort_t = t;
	qsort(order, t->n, sizeof *order, by_date);
	sort_t = NULL;
}

const char *
timeline_kind_name(enum tl_kind k)
{
	static const char *const names[] = { "absolute", "range", "decade",
	    "relative", "target" };

	return names[k];
}

const char *
timeline_mod_name(enum tl_mod m)
{
	static const char *const names[] = { NULL, "START", "MID", "END",
	    "BEFORE", "SINCE", "APPROX", "SPRING", "SUMMER", "AUTUMN",
	    "WINTER" };

	return names[m];
}
