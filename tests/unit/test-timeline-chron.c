/*
 * test-timeline-chron.c - what chronicles write: lunar dates, times of day
 * with no date, days after a range, open ranges, eras.
 *
 * Each row is a short text and the entries it must give, written
 * "VALUE KIND[:MOD][ lunar]" and joined by "; " (lunar marks an entry
 * resolved from the Chinese lunar calendar), as in test-timeline.c.  The
 * lunar table is checked on its own: every month has 29 or 30 days, each
 * year 12 months or 13 with its leap month, the years follow each other
 * without a gap, every new year falls between 21 January and 20
 * February, and the new years and leap months that almanacs print for
 * a few years come out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "lex.h"
#include "timeline-int.h"
#include "tap.h"
#include "tl-check.h"

static const struct tl_check_row rows[] = {
	/* Lunar dates in the anchor's lunar year. */
	{ 0, "2020年腊月廿五，全村扫尘。", "2021-02-06 absolute lunar" },
	{ 0, "1949年\n\n腊月廿五，全村扫尘。",
	    "1949 absolute; 1950-02-11 relative lunar" },
	{ 0, "2023年除夕，全家守岁。", "2024-02-09 absolute lunar" },
	{ 0, "2024年正月初一，庙会开张。", "2024-02-10 absolute lunar" },
	{ 0, "2024年元宵节，灯会开幕。", "2024-02-24 absolute lunar" },
	{ 0, "2019年中秋节，全家团圆。", "2019-09-13 absolute lunar" },
	{ 0, "2019年八月十五，全家团圆。", "2019-09-13 absolute lunar" },
	{ 0, "2019年农历8月15日，全家团圆。", "2019-09-13 absolute lunar" },
	{ 0, "2020年春节，街道冷清。", "2020-01-25 absolute lunar" },
	{ 0, "2020年春节期间，街道冷清。", "2020 absolute" },
	{ 0, "2020年闰四月初一，小雨。", "2020-05-23 absolute lunar" },
	{ 0, "2021年端午节，龙舟下水。", "2021-06-14 absolute lunar" },
	/* With a day before them: the occurrence nearest after it. */
	{ 0, "2020年1月20日，专家确认。除夕，医疗队出发。",
	    "2020-01-20 absolute; 2020-01-24 relative lunar" },
	{ 0, "2019年12月20日，会议召开。正月初一，停工。",
	    "2019-12-20 absolute; 2020-01-25 relative lunar" },
	{ 0, "2019年12月1日，筹备。腊月廿五，全村扫尘。",
	    "2019-12-01 absolute; 2020-01-19 relative lunar" },
	{ 0, "2019年6月1日，筹备。中秋节前夕，放假。",
	    "2019-06-01 absolute; 2019-09-13 relative:BEFORE lunar" },
	{ 0, "除夕，全家守岁。", "" },
	/* Not lunar dates. */
	{ 0, "2019年八月十五日，开会。", "2019-08-15 absolute" },
	{ 0, "他们吃元宵，看春晚。", "" },
	{ 0, "2019年，正月里来是新春。", "2019 absolute" },
	/* A time of day with no date before it in its clause. */
	{ 0, "2020年2月8日，会议召开。晚上8时，通告发布。",
	    "2020-02-08 absolute; 2020-02-08T20:00 relative" },
	{ 0, "2020年2月8日，会议召开，20:30，通告发布。",
	    "2020-02-08 absolute; 2020-02-08T20:30 relative" },
	{ 0, "## 2021年12月28日\n\n上午，发现渗水。\n\n当晚19时50分，"
	    "指挥部成立。",
	    "2021-12-28 absolute; 2021-12-28TMO relative; "
	    "2021-12-28T19:50 relative" },
	{ 0, "2020年2月，会议召开。晚上8时，通告发布。", "2020-02 absolute" },
	{ 0, "上午10:30开会。", "" },
	{ 0, "2020年2月8日，会议召开。每天晚上8时，通告发布。",
	    "2020-02-08 absolute" },
	{ 0, "2020年2月8日，会议召开。他工作了8小时。",
	    "2020-02-08 absolute" },
	{ 0, "2020年2月8日，会议召开。提出三点意见。", "2020-02-08 absolute" },
	{ 0, "2020年2月8日，会议召开。比分定格在3:15。",
	    "2020-02-08 absolute" },
	{ 0, "2020年2月8日，会议召开。他一时说不出话，四时如春。",
	    "2020-02-08 absolute" },
	{ 0, "2020年2月8日，会议召开。三点钟，散会。",
	    "2020-02-08 absolute; 2020-02-08T03:00 relative" },
	{ 0, "2020年2月8日，会议召开。上午的会议很长。",
	    "2020-02-08 absolute" },
	/* The day after a range is the day after its end. */
	{ 0, "2020年6月24至26日，连降暴雨。次日起，抢修。",
	    "2020-06-24/2020-06-26 range; 2020-06-27 relative:SINCE" },
	{ 0, "2021年3月1日至5日，会议召开。翌日，代表返程。",
	    "2021-03-01/2021-03-05 range; 2021-03-06 relative" },
	{ 0, "2021年3月1日至5日，会议召开。当天，闭幕。",
	    "2021-03-01/2021-03-05 range; 2021-03-05 relative" },
	{ 0, "2021年3月1日至5日，会议召开。3天后，代表返程。",
	    "2021-03-01/2021-03-05 range; 2021-03-08 relative" },
	{ 0, "2019年12月30日至2020年1月2日，展览。次日，撤展。",
	    "2019-12-30/2020-01-02 range; 2020-01-03 relative" },
	/* Open ranges. */
	{ 0, "2020年2月17日24：00起，封闭。",
	    "2020-02-17T24:00 absolute:SINCE" },
	{ 0, "自2020年2月17日24时起，封闭。",
	    "2020-02-17T24:00 absolute:SINCE" },
	{ 0, "2020年1月，疫情暴发。自1月23日起，离汉通道关闭。",
	    "2020-01 absolute; 2020-01-23 relative:SINCE" },
	{ 0, "2020年1月23日10时以来，离汉通道关闭。",
	    "2020-01-23T10:00 absolute:SINCE" },
	{ 0, "2021年3月1日，会议召开。当天起，实行新规。",
	    "2021-03-01 absolute; 2021-03-01 relative:SINCE" },
	{ 0, "2021年3月1日起诉至法院。", "2021-03-01 absolute" },
	{ 0, "2021年3月1日，立案。原告于当日起诉。",
	    "2021-03-01 absolute; 2021-03-01 relative" },
	{ 0, "2021年起步的项目。", "2021 absolute" },
	/* Eras. */
	{ 0, "民国38年，他去了台湾。", "1949 absolute" },
	{ 0, "民國二十六年七月七日，戰事爆發。", "1937-07-07 absolute" },
	{ 0, "民国元年，临时政府成立。", "1912 absolute" },
	{ 0, "民国元年1月1日，临时政府成立。", "1912-01-01 absolute" },
	{ 0, "西元1999年12月20日，澳门回归。", "1999-12-20 absolute" },
	{ 0, "西元前221年，秦统一六国。", "BC0221 absolute" },
	{ 0, "公元2019年3月5日，大会开幕。", "2019-03-05 absolute" },
	{ 0, "公元前202年至公元前195年，刘邦在位。",
	    "BC0202/BC0195 range" },
	{ 0, "公元元年，平帝在位。", "0001 absolute" },
	{ 0, "他在民国时期出生。", "" },
};

/* The table's invariants, year by year. */
static void
test_table(void)
{
	const struct tl_lunar_year *ly = timeline_lunar_years;
	int y, i, n, bad_len = 0, bad_gap = 0, bad_ny = 0, bad_leap = 0;
	int my, mm, md;
	long len;

	for (y = TL_LUNAR_FIRST; y <= TL_LUNAR_LAST; y++, ly++) {
		n = ly->leap ? 13 : 12;
		if (ly->leap < 0 || ly->leap > 12 || (ly->big >> n) != 0)
			bad_leap++;
		for (len = 0, i = 0; i < n; i++)
			len += 29 + ((ly->big >> i) & 1);
		if (!(n == 12 ? len >= 353 && len <= 355 :
		    len >= 383 && len <= 385))
			bad_len++;
		if (y < TL_LUNAR_LAST && ly[1].first_day != ly->first_day + len)
			bad_gap++;
		lex_civil(ly->first_day, &my, &mm, &md);
		if (my != y || !(mm == 1 ? md >= 21 : mm == 2 && md <= 20))
			bad_ny++;
	}
	is_int(bad_leap, 0, "lunar table: leap months 1-12, no stray bits");
	is_int(bad_len, 0, "lunar table: 353-355 or 383-385 days a year");
	is_int(bad_gap, 0, "lunar table: each year starts where the last "
	    "ends");
	is_int(bad_ny, 0, "lunar table: new year from 21 January to 20 "
	    "February of its year");
}

/* New years and leap months as almanacs print them. */
static void
test_known(void)
{
	static const struct {
		int y, m, leap, d;
		const char *want;
	} k[] = {
		{ 1900, 1, 0, 1, "1900-01-31" },
		{ 1900, 8, 1, 1, "1900-09-24" },
		{ 1949, 1, 0, 1, "1949-01-29" },
		{ 1984, 1, 0, 1, "1984-02-02" },
		{ 2000, 1, 0, 1, "2000-02-05" },
		{ 2020, 1, 0, 1, "2020-01-25" },
		{ 2020, 4, 1, 1, "2020-05-23" },
		{ 2023, 1, 0, 1, "2023-01-22" },
		{ 2024, 1, 0, 1, "2024-02-10" },
		{ 2033, 11, 1, 1, "2033-12-22" },
		{ 2100, 1, 0, 1, "2100-02-09" },
		{ 2023, 12, 0, 0, "2024-02-09" },
	};
	char got[16];
	size_t i;
	long z;
	int y, m, d;

	for (i = 0; i < sizeof k / sizeof k[0]; i++) {
		got[0] = '\0';
		if (timeline_lunar_day(k[i].y, k[i].m, k[i].leap, k[i].d, &z)) {
			lex_civil(z, &y, &m, &d);
			snprintf(got, sizeof got, "%04d-%02d-%02d", y, m, d);
		}
		is_str(got, k[i].want, "lunar %d-%s%d-%d", k[i].y,
		    k[i].leap ? "leap " : "", k[i].m, k[i].d);
	}
	ok(!timeline_lunar_day(1899, 12, 0, 1, &z) &&
	    !timeline_lunar_day(2101, 1, 0, 1, &z) &&
	    !timeline_lunar_day(2020, 5, 1, 1, &z) &&
	    !timeline_lunar_day(2020, 1, 0, 31, &z),
	    "lunar: no day outside the table, no leap month that is not");
}

/*
 * Every prefix of a text dense with lunar dates, times and eras (cut
 * inside characters too) gives entries inside the text; run under
 * --enable-sanitizers this checks memory too.
 */
static void
test_prefixes(void)
{
	const char *dense = "2020年腊月廿五，闰四月初一。农历8月15日晚上8时，"
	    "除夕夜20:30；民国元年1月1日。3月1日至5日。次日起，上午，"
	    "中秋节前夕，大年三十，元宵节期间，自当日6时以来，正月初";
	size_t len = strlen(dense), i, k, bad = 0;

	for (i = 0; i <= len; i++) {
		struct buffer *b = buffer_from_mem(dense, i, NULL, NULL);
		struct doc *d = doc_new(b);
		struct timeline *t = timeline_new(d);

		for (k = 0; k < t->n; k++)
			if (t->entries[k].off >= t->entries[k].end ||
			    t->entries[k].end > b->len ||
			    (k > 0 && t->entries[k].off <
			    t->entries[k - 1].end))
				bad++;
		timeline_free(t);
		doc_free(d);
		buffer_free(b);
	}
	is_int(bad, 0, "every prefix of a dense text: entries inside it, "
	    "in order");
}

int
main(void)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		got = tl_check_render(rows[i].text, rows[i].doc_year, 1);
		is_str(got, rows[i].want, "%s", rows[i].text);
		free(got);
	}
	test_table();
	test_known();
	test_prefixes();
	return done_testing();
}
