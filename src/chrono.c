/*
 * chrono.c - the timeline as the reader sees it: labels, dates typed, bins.
 *
 * Everything here works on the sort keys of struct tl_entry (sort_start):
 * year * 372 + (month - 1) * 31 + (day - 1), the missing parts taken as
 * 0, so that a key orders every value as a plain date and its year is a
 * floor division by 372.  A date the reader types becomes the keys of its
 * first and last day, and a histogram is an array of counts over equal
 * spans of years, with each bin's first entry in date order kept so that
 * a bin can be jumped to without searching.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/chrono.h"
#include "juan/util.h"

/* Days of a year and of a month in sort keys (timeline.c's sort_key). */
#define KEY_YEAR	372L
#define KEY_MONTH	31L

/* The modifier's words: before the value (约) or after it (末). */
static const struct {
	const char *pre, *post;
} mod_words[] = {
	[TL_MOD_NONE] = { "", "" },
	[TL_MOD_START] = { "", " 初" },
	[TL_MOD_MID] = { "", " 中" },
	[TL_MOD_END] = { "", " 末" },
	[TL_MOD_BEFORE] = { "", " 前夕" },
	[TL_MOD_SINCE] = { "", " 以来" },
	[TL_MOD_APPROX] = { "约", "" },
	[TL_MOD_SPRING] = { "", " 春" },
	[TL_MOD_SUMMER] = { "", " 夏" },
	[TL_MOD_AUTUMN] = { "", " 秋" },
	[TL_MOD_WINTER] = { "", " 冬" }
};

void
chrono_label(const struct tl_entry *e, char *buf, size_t size)
{
	char v[sizeof e->value];
	char *t;
	size_t m = (size_t)e->mod;

	if (size == 0)
		return;
	if (m >= sizeof mod_words / sizeof mod_words[0])
		m = TL_MOD_NONE;
	memcpy(v, e->value, sizeof v);
	v[sizeof v - 1] = '\0';
	/* A time of day reads better after a blank than after a T. */
	if (e->time[0] != '\0' && (t = strrchr(v, 'T')) != NULL)
		*t = ' ';
	snprintf(buf, size, "%s%s%s", mod_words[m].pre, v, mod_words[m].post);
}

long
chrono_key_year(long key)
{
	return key >= 0 ? key / KEY_YEAR : -((-key + KEY_YEAR - 1) / KEY_YEAR);
}

/* Skips blanks (ASCII and the ideographic space). */
static const char *
skip_blanks(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return s;
	}
}

/* Reads up to max digits at *s; returns how many (0: none). */
static int
digits(const char **s, int max, long *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n;
}

/* Takes the literal w at *s when it is there. */
static int
take(const char **s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(*s, w, n) != 0)
		return 0;
	*s += n;
	return 1;
}

int
chrono_parse(const char *s, long *start_key, long *end_key)
{
	static const char *const bc[] = { "公元前", "BC", "bc", "前" };
	long y, m = 0, d = 0, span = 1;
	int bce = 0, nd, nx = 0;
	size_t i;

	s = skip_blanks(s);
	for (i = 0; i < sizeof bc / sizeof bc[0] && !bce; i++)
		bce = take(&s, bc[i]);
	s = skip_blanks(s);
	if ((nd = digits(&s, 6, &y)) == 0)
		return -1;
	/* 198X, 19XX, 1XXX: a decade, a century, a millennium. */
	while ((*s == 'X' || *s == 'x') && nd + nx < 4) {
		s++;
		nx++;
		y *= 10;
		span *= 10;
	}
	if (nx == 0 && bce == 0 && nd < 3)
		return -1;
	if (!take(&s, "年") && nx == 0 && (*s == '-' || *s == '/' ||
	    *s == '.') && s[1] >= '0' && s[1] <= '9')
		s++;
	if (nx == 0 && digits(&s, 2, &m) > 0) {
		if (m < 1 || m > 12)
			return -1;
		if (!take(&s, "月") && (*s == '-' || *s == '/' || *s == '.') &&
		    s[1] >= '0' && s[1] <= '9')
			s++;
		if (digits(&s, 2, &d) > 0) {
			if (d < 1 || d > 31)
				return -1;
			if (!take(&s, "日"))
				(void)take(&s, "号");
		}
	}
	if (*skip_blanks(s) != '\0')
		return -1;
	if (bce) {
		/* BC221 is the year -221; BC23X runs from 239 to 230 BC. */
		y = -y - (span - 1);
		if (y == 0)
			return -1;
	}
	if (d > 0) {
		*start_key = y * KEY_YEAR + (m - 1) * KEY_MONTH + d - 1;
		*end_key = *start_key;
	} else if (m > 0) {
		*start_key = y * KEY_YEAR + (m - 1) * KEY_MONTH;
		*end_key = *start_key + KEY_MONTH - 1;
	} else {
		*start_key = y * KEY_YEAR;
		*end_key = (y + span) * KEY_YEAR - 1;
	}
	return 0;
}

/* Floor division of a year by a bin's span. */
static long
floor_div(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* The smallest span of years (1, 10, ...) that puts lo..hi in max bins. */
static long
hist_unit(long lo, long hi, size_t max_bins)
{
	long unit;

	for (unit = 1; unit < 100000000L; unit *= 10)
		if ((size_t)(floor_div(hi, unit) - floor_div(lo, unit)) <
		    max_bins)
			break;
	return unit;
}

/*
 * The years the bins span, with outliers left out: up to a hundredth of
 * the entries (at least one, from 20 entries on) at either end or both is
 * left out when the rest then fits finer bins; the finest wins, and of
 * equal ones the one leaving out least.  years[] are the n years in
 * order.  Sets *lo and *hi.
 */
static void
hist_span(const long *years, size_t n, size_t max_bins, long *lo, long *hi)
{
	size_t k = n / 100 > 0 ? n / 100 : 1, a, z, best = 0;
	long unit, best_unit = hist_unit(years[0], years[n - 1], max_bins);

	*lo = years[0];
	*hi = years[n - 1];
	if (n < 20)
		return;
	for (a = 0; a <= k; a += k)
		for (z = 0; z <= k; z += k) {
			unit = hist_unit(years[a], years[n - 1 - z], max_bins);
			if (unit < best_unit || (unit == best_unit &&
			    a + z < best)) {
				best_unit = unit;
				best = a + z;
				*lo = years[a];
				*hi = years[n - 1 - z];
			}
		}
}

struct chrono_hist *
chrono_hist_new(const struct timeline *t, const size_t *by_date,
    int with_citations, size_t max_bins)
{
	struct chrono_hist *h = xcalloc(1, sizeof *h);
	long lo = 0, hi = 0, *years, kk;
	size_t i, k, n = 0;

	if (max_bins < 1)
		max_bins = 1;
	years = xreallocarray(NULL, t != NULL && t->n > 0 ? t->n : 1,
	    sizeof *years);
	for (i = 0; t != NULL && i < t->n; i++) {
		const struct tl_entry *e = &t->entries[by_date[i]];

		if (!e->citation || with_citations)
			years[n++] = chrono_key_year(e->sort_start);
	}
	if (n == 0) {
		free(years);
		return h;
	}
	hist_span(years, n, max_bins, &lo, &hi);
	free(years);
	h->unit = hist_unit(lo, hi, max_bins);
	h->first_year = floor_div(lo, h->unit) * h->unit;
	h->nbins = (size_t)(floor_div(hi, h->unit) - floor_div(lo, h->unit)) +
	    1;
	/*
	 * Years on both sides of the common era always fall in two bins
	 * (before year 1 and from it): with one bin asked for, the later
	 * entries share the last bin there is.
	 */
	if (h->nbins > max_bins) {
		h->nbins = max_bins;
		h->squeezed = 1;
	}
	h->count = xcalloc(h->nbins, sizeof *h->count);
	h->first = xreallocarray(NULL, h->nbins, sizeof *h->first);
	memset(h->first, 0xff, h->nbins * sizeof *h->first);
	n = 0;
	for (i = 0; i < t->n; i++) {
		const struct tl_entry *e = &t->entries[by_date[i]];

		if (e->citation && !with_citations)
			continue;
		kk = floor_div(chrono_key_year(e->sort_start), h->unit) -
		    floor_div(h->first_year, h->unit);
		/* Outliers count in the first and the last bins. */
		if (kk < 0) {
			h->before++;
			kk = 0;
		} else if ((size_t)kk >= h->nbins) {
			if (!h->squeezed)
				h->after++;
			kk = (long)h->nbins - 1;
		}
		k = (size_t)kk;
		if (h->count[k]++ == 0)
			h->first[k] = by_date[i];
		if (h->count[k] > h->max)
			h->max = h->count[k];
		n++;
	}
	h->total = n;
	return h;
}

void
chrono_hist_free(struct chrono_hist *h)
{
	if (h == NULL)
		return;
	free(h->count);
	free(h->first);
	free(h);
}

ssize_t
chrono_hist_bin(const struct chrono_hist *h, long key)
{
	long k;

	if (h == NULL || h->nbins == 0)
		return -1;
	k = floor_div(chrono_key_year(key), h->unit) -
	    floor_div(h->first_year, h->unit);
	if (k < 0)
		return h->before > 0 ? 0 : -1;
	if ((size_t)k >= h->nbins + (h->squeezed != 0) && h->after == 0)
		return -1;
	return (size_t)k >= h->nbins ? (ssize_t)h->nbins - 1 : (ssize_t)k;
}

/* The name of bin i's own span of years (see chrono_hist_label). */
static void
bin_label(const struct chrono_hist *h, size_t i, char *buf, size_t size)
{
	long y = h->first_year + (long)i * h->unit, u;
	int x = 0;

	if (y < 0) {
		snprintf(buf, size, "BC%04ld", -y);
		return;
	}
	for (u = h->unit; u > 1 && x < 4; u /= 10)
		x++;
	if (x == 0) {
		snprintf(buf, size, "%04ld", y);
		return;
	}
	for (u = 1; u < h->unit; u *= 10)
		;
	snprintf(buf, size, "%0*ld%.*s", 4 - x, y / u, x, "XXXX");
}

void
chrono_hist_label(const struct chrono_hist *h, size_t i, char *buf,
    size_t size)
{
	char own[32];
	int open_lo, open_hi;

	if (size == 0)
		return;
	bin_label(h, i, own, sizeof own);
	/* An open end as EDTF writes one (ISO 8601-2): ..1990, 2020.. */
	open_lo = i == 0 && h->before > 0;
	open_hi = i + 1 == h->nbins && h->after > 0;
	snprintf(buf, size, "%s%s%s", open_lo ? ".." : "", own,
	    open_hi ? ".." : "");
}
