/* timeline.h - every dated mention of a document, normalized. */
#ifndef JUAN_TIMELINE_H
#define JUAN_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "juan/doc.h"

enum tl_kind {
	TL_ABSOLUTE,	/* "absolute": 2016年4月19日, 2016-04-19 */
	TL_RANGE,	/* "range": 2018年4月20日至21日 */
	TL_DECADE,	/* "decade": 20世纪80年代, the 1990s; and centuries */
	TL_RELATIVE,	/* "relative": 当天, 次年, 两年后 (resolved) */
	TL_TARGET	/* "target": 2035年远景目标, 到2030年 */
};

enum tl_mod {
	TL_MOD_NONE,	/* null in JSON */
	TL_MOD_START,	/* 年初, 上旬, 初期, early */
	TL_MOD_MID,	/* 年中, 中旬, 中期, mid */
	TL_MOD_END,	/* 年底, 年末, 下旬, 末期, late */
	TL_MOD_BEFORE,	/* 前夕 */
	TL_MOD_SINCE,	/* 以来 */
	TL_MOD_APPROX,	/* 前后, 左右 */
	TL_MOD_SPRING,	/* 春 */
	TL_MOD_SUMMER,	/* 夏 */
	TL_MOD_AUTUMN,	/* 秋 */
	TL_MOD_WINTER	/* 冬 */
};

/*
 * One dated mention.  value is in TIMEX3 style: "2016", "2016-04",
 * "2016-04-19", "198X", "19XX", "BC0221", or "START/END" for a range
 * (2018-04-20/2018-04-21, 1974/1989, 2016-04/2016-06), each end at the
 * precision written, the end's missing parts taken from the start.
 *
 * Fuzzy parts never change the value; they are the mod: 2019年底 is
 * "2019" with TL_MOD_END, 2001年3月上旬 "2001-03" with TL_MOD_START.  Seasons
 * are encoded the same way: 一九七五年春 is value "1975" with
 * TL_MOD_SPRING (not TIMEX3's "1975-SP"), so that every value sorts and
 * compares as a plain date.  A relative expression (次年6月) has the
 * value it resolves to and kind TL_RELATIVE; one that cannot be resolved
 * gives no entry.  A target (2035年远景目标) has its year as value and
 * kind TL_TARGET.  A time of day after a day (19时50分, 凌晨2时, 当晚) is
 * in the expression's bytes [off, end), in time, and at the end of the
 * value after a "T" (2020-02-08T19:50, 2020-02-08TEV).
 */
struct tl_entry {
	size_t off;		/* the expression's first byte */
	size_t end;		/* one past its last byte */
	char value[48];		/* normalized value, NUL-terminated */
	enum tl_kind kind;
	enum tl_mod mod;
	size_t line;		/* 1-based source line of off */
	size_t block;		/* index of the block holding it */
	ssize_t section;	/* innermost section, or -1 */
	bool caption;		/* inside a figure caption */
	bool citation;		/* inside a title (《...》) or a link's
				   text: it dates the work cited, never
				   anchors a relative date, and a reader's
				   pane leaves it out by default */
	bool lunar;		/* resolved from a date of the Chinese
				   lunar calendar (腊月廿五, 除夕): the
				   value is the Gregorian day */
	char time[6];		/* the time of day, "" for none: "19:50"
				   (24:00 is the end of the day) or a
				   TIMEX3 part of the day, "MO" "MI" "AF"
				   "EV" "NI"; value then ends in "T" and
				   the time (2020-02-08T19:50) */
	char *event;		/* the clause it dates, owned, one line
				   (no newline or tab), at most 120
				   columns; the date is left out when it
				   opens the clause */
	long sort_start;	/* chronological key of the value's start
				   (days from an epoch; coarser values sort
				   first among equal starts) */
	int sort_prec;		/* precision rank: century < decade < year <
				   month < day */
};

struct timeline {
	struct tl_entry *entries;	/* n entries, in document order;
					   none overlaps the next (each
					   starts at or after the end of
					   the one before) */
	size_t n;
	void *priv;			/* owned by timeline.c: the storage
					   of the events' text */
};

/* Extracts the timeline of d.  Never fails.  The timeline borrows d. */
struct timeline *timeline_new(const struct doc *d);
void timeline_free(struct timeline *t);

/*
 * The same entries, in document order, without keeping them all: calls
 * fn(arg, batch) for batches of whole blocks' entries, each batch a
 * timeline whose entries and events live only during the call.  With
 * two processors (util_threads()) the scan runs in a second thread while
 * fn works on the batch before.  The batches together hold exactly
 * timeline_new()'s entries.
 */
void timeline_each(const struct doc *d,
    void (*fn)(void *arg, const struct timeline *batch), void *arg);

/*
 * Fills order[0..t->n) with entry indexes in chronological order (ranges by
 * start, coarser before finer at the same start, ties in document order).
 */
void timeline_sort_by_date(const struct timeline *t, size_t *order);

const char *timeline_kind_name(enum tl_kind k);
/* The modifier's name ("START", ...) or NULL for TL_MOD_NONE. */
const char *timeline_mod_name(enum tl_mod m);

#endif
