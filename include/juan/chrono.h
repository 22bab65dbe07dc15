/* chrono.h - the timeline as the reader sees it: labels, dates typed, bins. */
#ifndef JUAN_CHRONO_H
#define JUAN_CHRONO_H

#include <stddef.h>
#include <sys/types.h>

#include "juan/timeline.h"

/*
 * The value of e as the pane and the status line show it, in buf (size
 * bytes, NUL-ended, cut if short): the value with its modifier in words,
 * "2019 末", "2016 春", "2001-03 初", "约1990", "BC0221", a time of day
 * after a blank ("2020-02-08 19:50").  The words are Chinese, as juan's
 * documents mostly are.
 */
void chrono_label(const struct tl_entry *e, char *buf, size_t size);

/*
 * Reads a date as a reader types it: 2016, 2016-04, 2016-04-19 (or with
 * / or .), 2016年4月, 2016年4月19日, 198X, 19XX, BC221, BC0221, 前221年,
 * blanks around it allowed.  Sets *start_key and *end_key to the sort
 * keys (struct tl_entry.sort_start) of its first and last day.  Returns 0,
 * or -1 when s is not such a date (a month or day out of range too).
 */
int chrono_parse(const char *s, long *start_key, long *end_key);

/* The year (negative before the common era) of a sort key. */
long chrono_key_year(long key);

/*
 * A histogram of a timeline over the years: nbins bins of unit years each
 * (1, 10, 100, ... whichever is the smallest that gives at most the bins
 * asked for), the first starting at first_year.  Entries count in the bin
 * of their start.  A few far-off dates (a year BC in a modern chronicle)
 * do not make every bin a century: up to a hundredth of the entries (at
 * least one, from 20 entries on) at either end are left out of the span
 * when the rest then fits finer bins, and counted in the first bin
 * (before) or the last (after), whose labels then read as open ranges.
 */
struct chrono_hist {
	long unit;		/* years a bin */
	long first_year;	/* the first bin's first year */
	size_t nbins;		/* >= 1 when there are entries, else 0 */
	size_t *count;		/* nbins counts of entries */
	size_t *first;		/* each bin's first entry in date order
				   (an index into the timeline), or
				   (size_t)-1 for an empty bin */
	size_t max;		/* the largest count */
	size_t total;		/* the entries counted */
	int squeezed;		/* fewer bins than the years need (both
				   sides of the common era in one): the
				   last bin holds every later entry too */
	size_t before;		/* outliers counted in the first bin */
	size_t after;		/* outliers counted in the last bin */
};

/*
 * Bins the entries of t listed in by_date (all t->n of them, in
 * chronological order, as timeline_sort_by_date gives) into at most
 * max_bins bins (at least 1); citations (tl_entry.citation) are left out
 * unless with_citations.  Never fails; an empty timeline gives no bins.
 */
struct chrono_hist *chrono_hist_new(const struct timeline *t,
    const size_t *by_date, int with_citations, size_t max_bins);
void chrono_hist_free(struct chrono_hist *h);

/* The bin holding sort key key, or -1 when it is outside them all. */
ssize_t chrono_hist_bin(const struct chrono_hist *h, long key);

/*
 * The name of bin i in buf (NUL-ended, cut if short): its year as the
 * timeline writes one ("2018", "BC0221"), a decade "198X", a century
 * "19XX", a millennium "1XXX"; before the common era the first year of a
 * wider bin ("BC0230").  A first bin that also holds earlier outliers is
 * "..1990", a last one with later ones "2020.." (EDTF's open ends).
 */
void chrono_hist_label(const struct chrono_hist *h, size_t i, char *buf,
    size_t size);

#endif
