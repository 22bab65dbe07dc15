/*
 * timeline-lunar-gen.c - writes src/timeline-lunar-table.c from ICU.
 *
 * The table of the Chinese lunisolar calendar that timeline-lunar.c reads
 * is computed here, once, by ICU's Chinese calendar (icu::ChineseCalendar,
 * through the C API ucal_* with the locale "zh@calendar=chinese"), which
 * places the new moons and the principal solar terms astronomically at the
 * meridian of 120 degrees east, as the Chinese standard for the calendar
 * does.  The program walks the days from 1900 to 2101 through a calendar
 * set to UTC (so that day z is the millisecond z * 86400000) and notes
 * where each lunar month begins; for each lunar year 1900-2100 it writes
 * the day of its first day (正月初一), which month is doubled (the leap
 * month follows it) and the length of each month.  It is not built by
 * make, so that juan does not depend on ICU; after a change of range run
 *
 *	cc -o lunar-gen src/timeline-lunar-gen.c \
 *	    $(pkg-config --cflags --libs icu-i18n)
 *	./lunar-gen > src/timeline-lunar-table.c
 *
 * and tests/unit/test-timeline-lunar checks the table's invariants and
 * known dates.
 */
#include <stdio.h>
#include <stdlib.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#define FIRST 1900
#define LAST 2100

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long
days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct month {
	long start;		/* day of its first day */
	int num;		/* 1..12 */
	int leap;		/* a leap month */
};

int
main(void)
{
	static struct month ms[4000];
	UErrorCode st = U_ZERO_ERROR;
	UChar zone[8];
	UCalendar *cc, *gc;
	long z, lo = days(FIRST, 1, 1), hi = days(LAST + 1, 3, 1);
	int n = 0, i, j, y;

	u_uastrcpy(zone, "UTC");
	cc = ucal_open(zone, -1, "zh@calendar=chinese", UCAL_DEFAULT, &st);
	gc = ucal_open(zone, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "lunar-gen: %s\n", u_errorName(st));
		return 1;
	}
	for (z = lo; z < hi; z++) {
		ucal_setMillis(cc, (UDate)z * 86400000.0, &st);
		if (ucal_get(cc, UCAL_DATE, &st) != 1)
			continue;
		ms[n].start = z;
		ms[n].num = ucal_get(cc, UCAL_MONTH, &st) + 1;
		ms[n].leap = ucal_get(cc, UCAL_IS_LEAP_MONTH, &st);
		n++;
	}
	if (U_FAILURE(st)) {
		fprintf(stderr, "lunar-gen: %s\n", u_errorName(st));
		return 1;
	}
	printf("/*\n * timeline-lunar-table.c - the Chinese lunar years "
	    "%d-%d.\n *\n * Written by src/timeline-lunar-gen.c from ICU %s's "
	    "Chinese calendar;\n * do not edit.  Each row: the first day "
	    "(days from 1970-01-01),\n * the month a leap month follows "
	    "(0 for none), and the months'\n * lengths, bit i set when the "
	    "i-th month of the year (the leap month\n * counted in its "
	    "place) has 30 days.\n */\n#include \"config.h\"\n\n"
	    "#include \"timeline-int.h\"\n\n"
	    "const struct tl_lunar_year timeline_lunar_years[] = {\n",
	    FIRST, LAST, U_ICU_VERSION);
	for (i = 0; i < n; i++) {
		unsigned bits = 0;
		int leap = 0;

		if (ms[i].num != 1 || ms[i].leap)
			continue;
		ucal_setMillis(gc, (UDate)ms[i].start * 86400000.0, &st);
		y = ucal_get(gc, UCAL_YEAR, &st);
		if (y < FIRST || y > LAST)
			continue;
		for (j = i; j < n && (j == i || ms[j].num != 1 ||
		    ms[j].leap); j++) {
			if (j + 1 >= n) {
				fprintf(stderr, "lunar-gen: range too short\n");
				return 1;
			}
			if (ms[j + 1].start - ms[j].start == 30)
				bits |= 1u << (j - i);
			else if (ms[j + 1].start - ms[j].start != 29) {
				fprintf(stderr, "lunar-gen: bad month\n");
				return 1;
			}
			if (ms[j].leap)
				leap = ms[j].num;
		}
		printf("\t{ %ld, %d, 0x%04x },\t/* %d */\n", ms[i].start, leap,
		    bits, y);
	}
	printf("};\n");
	ucal_close(cc);
	ucal_close(gc);
	return U_FAILURE(st) ? 1 : 0;
}
