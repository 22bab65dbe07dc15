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
 * "2016-04-19", "198X", "19XX", "BC0221", or "START/END" for a range.
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
	char *event;		/* the clause it dates, owned, one line */
	long sort_start;	/* chronological key of the value's start
				   (days from an epoch; coarser values sort
				   first among equal starts) */
	int sort_prec;		/* precision rank: century < decade < year <
				   month < day */
};

struct timeline {
	struct tl_entry *entries;	/* n entries, in document order */
	size_t n;
};

/* Extracts the timeline of d.  Never fails.  The timeline borrows d. */
struct timeline *timeline_new(const struct doc *d);
void timeline_free(struct timeline *t);

/*
 * Fills order[0..t->n) with entry indexes in chronological order (ranges by
 * start, coarser before finer at the same start, ties in document order).
 */
void timeline_sort_by_date(const struct timeline *t, size_t *order);

const char *timeline_kind_name(enum tl_kind k);
/* The modifier's name ("START", ...) or NULL for TL_MOD_NONE. */
const char *timeline_mod_name(enum tl_mod m);

#endif
