/* timeline-int.h - what the timeline's recognizers share with timeline.c. */
#ifndef JUAN_TIMELINE_INT_H
#define JUAN_TIMELINE_INT_H

#include <stddef.h>
#include <string.h>

#include "juan/timeline.h"
#include "lex.h"

/*
 * Can the literal w start at s[i]?  Its first byte and, for a character
 * of three bytes (every CJK one), its third tell most literals apart
 * before strlen and memcmp are paid: the tables of words are tried at
 * nearly every numeral.  0 means no; 1 means compare the whole.
 */
static inline int
tl_may_at(const char *s, size_t n, size_t i, const char *w)
{
	if (i >= n || s[i] != w[0])
		return 0;
	if (((unsigned char)w[0] & 0xf0) != 0xe0)
		return 1;
	return i + 2 < n && s[i + 2] == w[2];
}

/* tl_sentence_end() past its first test (timeline-event.c). */
size_t timeline_sentence_end_at(const char *s, size_t lo, size_t k,
    size_t hi);

/*
 * Is s[k] the start of a sentence terminator?  Returns its length.  Most
 * bytes start none: the four CJK ones begin with 0xe3 (。) or 0xef (！？；),
 * the ASCII ones are themselves, and only those go on to the comparisons
 * (inline, as the callers run it at every byte of a sentence).
 */
static inline size_t
tl_sentence_end(const char *s, size_t lo, size_t k, size_t hi)
{
	unsigned char ch = (unsigned char)s[k];

	if (ch != 0xe3 && ch != 0xef && ch != '!' && ch != '?' &&
	    ch != ';' && ch != '.')
		return 0;
	return timeline_sentence_end_at(s, lo, k, hi);
}

/* Precision of a calendar point, coarsest first (the order sorts by). */
enum tl_prec {
	TL_PREC_NONE,		/* nothing known */
	TL_PREC_CENTURY,	/* 19XX */
	TL_PREC_DECADE,		/* 198X */
	TL_PREC_YEAR,		/* 1980 */
	TL_PREC_MONTH,		/* 1980-05 */
	TL_PREC_DAY		/* 1980-05-01 */
};

/*
 * A calendar point.  year is negative before the common era (-221 is
 * BC0221); a century keeps its first year (1900 for 19XX) and a decade its
 * first year (1980 for 198X).
 */
struct tl_date {
	int year;		/* proleptic Gregorian year, -221 for BC0221 */
	int month;		/* 1..12, 0 when prec < TL_PREC_MONTH */
	int day;		/* 1..31, 0 when prec < TL_PREC_DAY */
	enum tl_prec prec;
};

/* What a relative expression is resolved against. */
enum tl_anchor {
	TL_ANCHOR_PREV,		/* the nearest preceding date in the text */
	TL_ANCHOR_DOC,		/* the document date, else the preceding one */
	TL_ANCHOR_DOC_ONLY	/* the document date or nothing (今年, 去年) */
};

/*
 * A relative expression before resolution: shift the anchor by delta
 * units, then set month and day when they are given, and keep prec.
 */
struct tl_rel {
	enum tl_anchor anchor;
	enum tl_prec unit;	/* TL_PREC_YEAR, _MONTH or _DAY */
	int delta;		/* units to add, may be negative */
	int month;		/* month to set after shifting, or 0 */
	int day;		/* day to set, or 0 */
	enum tl_prec prec;	/* precision of the result */
	int wrap;		/* a month-day with no year: a month far
				   before the anchor's is taken to be in
				   the next year */
};

/*
 * A date of the Chinese lunisolar calendar (腊月廿五, 除夕, 中秋节) before
 * it is turned into a Gregorian one (timeline-lunar.c).
 */
struct tl_lunar {
	int year;		/* the lunar year, named by the Gregorian year
				   its first day falls in, or 0: from the
				   anchor */
	int month;		/* 1..12, 0 when the candidate is no lunar
				   date */
	int leap;		/* 1 for the leap month after month */
	int day;		/* 1..30, 0 for the month's last day (除夕) */
};

/* One recognized expression, before resolution and before the event. */
struct tl_cand {
	size_t off;		/* first byte of the expression */
	size_t end;		/* one past its last byte */
	enum tl_kind kind;
	enum tl_mod mod;
	struct tl_date a;	/* the date, or a range's start */
	struct tl_date b;	/* a range's end (kind TL_RANGE) */
	struct tl_rel rel;	/* kind TL_RELATIVE: how to resolve it */
	int citation;		/* inside 《》 or a link's text */
	int noanchor;		/* 0, or a date that later relative
				   expressions may not count from: see
				   TL_ASIDE_* */
	struct tl_lunar lunar;	/* a lunar date, month 0 for none */
	char tod[6];		/* a time of day read by the recognizer
				   itself (a time with no date: 晚上8时),
				   or "" */
};

/*
 * Asides.  A flashback (早在2009年, 还要追溯到2011年) never becomes the
 * anchor; a year that names an event (2026年世界杯) does only when it is
 * the first date of its sentence (2022年冬奥会于2月4日开幕), not when the
 * sentence already has its date (2024年3月21日，2026年世界杯预选赛...).
 */
#define TL_ASIDE_FLASHBACK	1
#define TL_ASIDE_NAME		2

/*
 * The scanning context of one block: the text, the block's bounds and
 * kind, and what earlier expressions taught (the century in force, for
 * 80年代).
 */
struct tl_ctx {
	const char *s;		/* the whole buffer */
	size_t n;		/* its length in bytes */
	size_t boff;		/* the block's first byte */
	size_t bend;		/* one past its last byte */
	int heading;		/* the block is a heading or title, or a
				   short line standing alone */
	int century;		/* first year of the century last named
				   (1900 after 20世纪), or 0; recognizers
				   read it through tl_century() */
	int doc_year;		/* the document date's year, or 0 */
	int *asked;		/* set to 1 when a recognizer reads century
				   (timeline-split.c checks the guess it
				   scanned ahead with), or NULL */
};

/*
 * x's century, for the recognizers: reading it through here sets
 * *x->asked, so that a scan ahead from a guessed century knows whether
 * the guess mattered.
 */
static inline int
tl_century(const struct tl_ctx *x)
{
	if (x->asked != NULL)
		*x->asked = 1;
	return x->century;
}

/*
 * The Chinese, Japanese and Korean recognizers: try an expression starting
 * at byte i (a numeral or a key character).  On success fill *c and return
 * 1.  On failure return 0 and set *skip to the bytes that cannot start an
 * expression (at least one character).
 */
int timeline_zh_match(const struct tl_ctx *x, size_t i, struct tl_cand *c,
    size_t *skip);

/* The same for English and numeric forms (2016-04-19, 19 April 2016). */
int timeline_en_match(const struct tl_ctx *x, size_t i, struct tl_cand *c,
    size_t *skip);

/*
 * Is the numeral at i the continuation of an identifier, a version, a
 * standard number or a path (GB 18030-2000, v2.2016, a_2016), or an
 * ordinal (第十九)?
 */
int timeline_zh_bad_before(const struct tl_ctx *x, size_t i);

/*
 * What may go on after a numeral that ends at k (timeline-zh-next.c): 0
 * when no Chinese form can, else TL_NEXT_DATE (a date's unit or mark),
 * TL_NEXT_LUNAR (a lunar month: 八月, 七夕), TL_NEXT_CLOCK (8时, 20:30).
 */
#define TL_NEXT_DATE	1
#define TL_NEXT_LUNAR	2
#define TL_NEXT_CLOCK	4
int timeline_zh_next(const struct tl_ctx *x, size_t k);

/* Reads the fuzzy words after a date ending at *k and advances *k. */
enum tl_mod timeline_zh_mod(const struct tl_ctx *x, size_t *k,
    enum tl_prec prec);

/*
 * Reads a time of day after a day's expression [off, k) (19时50分, 下午3时,
 * 当晚, 24：00) into tod (room for 6 bytes: "19:50", "EV", or "" for
 * none); returns the new end.
 */
size_t timeline_time(const struct tl_ctx *x, size_t off, size_t k,
    char *tod);

/* A decade's or century's modifier after 年代 or 世纪; advances *k. */
enum tl_mod timeline_zh_decade_mod(const struct tl_ctx *x, size_t *k);

/* Is the year at [off, k) a plan's target (到2035年, 2035年远景目标)? */
int timeline_zh_target(const struct tl_ctx *x, size_t off, size_t k,
    int year);

/* Do the words before i count years rather than name one (近2000年)? */
int timeline_zh_counts(const struct tl_ctx *x, size_t i);

/*
 * Is the date d at [off, k) an aside (TL_ASIDE_FLASHBACK, TL_ASIDE_NAME)
 * or 0?
 */
int timeline_zh_aside(const struct tl_ctx *x, size_t off, size_t k,
    const struct tl_date *d);

/* A relative word that needs no numeral (当天, 次年, 同年6月, 去年). */
struct tl_relword {
	const char *w;		/* the word */
	enum tl_anchor anchor;
	enum tl_prec unit;	/* unit of delta, and precision wanted */
	int delta;
	int more;		/* may be followed by 6月, 6月5日 */
};

/* The relative words, NULL-terminated (timeline-zh-word.c). */
extern const struct tl_relword timeline_zh_relwords[];

/* What after a relative word, and before it, makes another word. */
extern const char *const timeline_zh_relword_not_before[];
extern const char *const timeline_zh_relword_not_after[];

/* 前 alone before i as chronicles write BCE years (前221年): 3, or 0. */
size_t timeline_zh_bc_alone(const struct tl_ctx *x, size_t i);

/*
 * One lunar year of the table (timeline-lunar-table.c, written from ICU by
 * timeline-lunar-gen.c).
 */
struct tl_lunar_year {
	long first_day;		/* 正月初一, in days from 1970-01-01 */
	int leap;		/* the month the leap month follows, or 0 */
	unsigned big;		/* bit i: the i-th month has 30 days */
};

#define TL_LUNAR_FIRST 1900	/* the table's first lunar year */
#define TL_LUNAR_LAST 2100	/* and its last */

extern const struct tl_lunar_year timeline_lunar_years[];

/*
 * The day (from 1970-01-01) of lunar year y's month m (the leap month
 * after m when leap is set), day d (0 for the month's last); returns 0
 * when there is no such day or y is outside the table.
 */
int timeline_lunar_day(int y, int m, int leap, int d, long *z);

/*
 * May a lunar date, a time of day or an era's first year start at i?  A
 * quick look at the next characters, so that the recognizers below run
 * only where one may (上 before 午, a numeral before 月 or 时).
 */
int timeline_chron_maybe(const struct tl_ctx *x, size_t i);

/*
 * Is the character at i a key only for those recognizers (除, 午, 晚), so
 * that no other expression can start there?
 */
int timeline_chron_only(const struct tl_ctx *x, size_t i);

/*
 * A lunar date at i (农历八月十五, 腊月廿五, 正月初一, 除夕, 中秋节), in the
 * lunar year year, or in the anchor's when year is 0: fills c but for
 * c->off and returns 1, or returns 0.
 */
int timeline_lunar_match(const struct tl_ctx *x, size_t i, int year,
    struct tl_cand *c);

/*
 * The Gregorian date of the lunar date l: in l->year, else in the lunar
 * year of base (a year alone), or the one of the years around base that
 * puts it nearest after (or, costing twice, before) base.  Returns 0 when
 * it cannot be resolved.
 */
int timeline_lunar_resolve(const struct tl_lunar *l,
    const struct tl_date *base, struct tl_date *out);

/*
 * A time of day at i that no date comes before in its clause (晚上8时,
 * 20:30, 凌晨2时, 上午，): a relative candidate for the anchor's day, its
 * time in c->tod.  Returns 1, or 0.
 */
int timeline_time_match(const struct tl_ctx *x, size_t i, struct tl_cand *c);

/*
 * 起 or 以来 after a date or time ending at *k (自1月23日起, 24：00起,
 * 2月8日20时以来): TL_MOD_SINCE, *k past 以来; else TL_MOD_NONE.
 */
enum tl_mod timeline_zh_since(const struct tl_ctx *x, size_t off,
    size_t *k);

/* 民国元年, 公元元年 at i: fills c (off and end too) and returns 1. */
int timeline_zh_era_word(const struct tl_ctx *x, size_t i,
    struct tl_cand *c);

/*
 * Where timeline_each()'s scan hands the entries of finished blocks
 * (timeline-each.c).
 */
struct tl_sink;

/*
 * The scan of d's whole text (timeline.c).  With sink NULL every entry
 * stays in t, its event cut; else each time the entries of finished
 * blocks fill a batch (or last is set, at the end), they are handed to
 * timeline_sink_put(), which may swap t->entries (and *cap) for another
 * array and sets t->n to 0.
 */
void timeline_scan(const struct doc *d, struct timeline *t,
    struct tl_sink *sink);
void timeline_sink_put(struct tl_sink *sink, struct timeline *t,
    size_t *cap, int last);

/*
 * The scan split over the processors (timeline-split.c).  Two threads
 * recognize pieces of the text ahead, each from a guess (century 0): a
 * piece's steps are what the scan met from its start, one step per
 * candidate.  The scan itself follows them while it stands where a step
 * starts and the step did not read a century other than the one in
 * force, and otherwise scans on its own to its next candidate: so it
 * meets exactly the candidates it would alone.
 */
struct tl_step {
	size_t pos;		/* where the recognizer was called */
	size_t next;		/* where the scan went on, the candidate
				   taken */
	int century;		/* the century the recognizers were given */
	int asked;		/* they read it, since the step before */
	struct tl_cand c;	/* the candidate, as they gave it */
};

/* A piece [start, lim) of the text and its steps. */
struct tl_piece {
	size_t start;
	size_t lim;		/* a block's start, or the text's end */
	struct tl_step *step;
	size_t n;
	size_t cap;
	size_t exit;		/* where the scan left the piece, the first
				   position at or past lim */
	int century;		/* the century, and whether it was read, */
	int asked;		/* from the last step to exit */
};

/*
 * Not 0: timeline.c does without its vector code, as on a processor
 * without AVX2 (for the tests, which compare the two).
 */
extern int timeline_no_vectors;

/* Fills k's steps and exit from k->start and k->lim (timeline.c). */
void timeline_recognize(const struct doc *d, struct tl_piece *k);

struct tl_split;

/*
 * Starts the threads recognizing d's pieces; NULL when d is too short
 * for it, there is one processor, or no thread starts.
 */
struct tl_split *timeline_split_new(const struct doc *d);

/*
 * The next piece in the text's order, once recognized; NULL after the
 * last.  The piece returned before is given back.
 */
const struct tl_piece *timeline_split_next(struct tl_split *sp);

/* Stops the threads and frees sp. */
void timeline_split_free(struct tl_split *sp);

/*
 * For the tests: the bytes a piece should hold (it ends at the next
 * block's start), and a text's shortest length to be split; 0 for the
 * defaults.  Not to be called while a scan runs.
 */
void timeline_split_set_sizes(size_t piece_bytes, size_t min_bytes);

/*
 * For the tests: the candidates the latest split scan took from the
 * pieces, and those it met by itself (follow() in timeline.c notes them).
 */
void timeline_split_tally(size_t followed, size_t own);
void timeline_split_counts(size_t *followed, size_t *own);

/*
 * Sets e's line and section from its offset and block; *line_hint is the
 * line of the entry before (1 for the first), and becomes e's.
 */
void timeline_place(const struct doc *d, struct tl_entry *e,
    size_t *line_hint);

/*
 * Cuts the event of t->entries[i] (its neighbours in the same block are
 * in t) and stores it in t's chunks.
 */
void timeline_make_event(struct timeline *t, size_t i, const struct doc *d);

/* Gives back the storage of t's events but for one chunk, kept empty. */
void timeline_events_reset(struct timeline *t);

#endif
