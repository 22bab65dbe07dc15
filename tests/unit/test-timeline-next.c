/*
 * test-timeline-next.c - the fast rejections of the recognizers, at their
 * edges.
 *
 * The recognizers turn a numeral away by the character after it
 * (timeline_zh_next), by the one before it (timeline_zh_bad_before), and
 * the English one a digit run by what follows it, before any form is
 * tried.  First the tests themselves: each follow character and the class
 * it must give, and the characters before a numeral.  Then texts, as in
 * test-timeline.c ("VALUE KIND[:MOD]" joined by "; "), where a form that
 * must still be found stands right next to what is now turned away at
 * once: 2019年 and 2019万, 80年代 and 80后, 七夕 and 七成, 19 April 2016
 * and 19 apples, and digits followed by each class of byte.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "tap.h"
#include "timeline-int.h"
#include "tl-check.h"

/* What follows a numeral, and what timeline_zh_next() must answer. */
static const struct {
	const char *after;
	int want;
} nexts[] = {
	{ "年", TL_NEXT_DATE }, { " 年", TL_NEXT_DATE }, { "  年", 0 },
	{ "\xe3\x80\x80年", 0 }, { "년", TL_NEXT_DATE },
	{ "月", TL_NEXT_DATE | TL_NEXT_LUNAR },
	{ " 月", TL_NEXT_DATE | TL_NEXT_LUNAR }, { "월", TL_NEXT_DATE },
	{ "日", TL_NEXT_DATE }, { " 日", 0 }, { "世纪", TL_NEXT_DATE },
	{ "个月", TL_NEXT_DATE }, { "个", 0 }, { "个人", 0 },
	{ "天", TL_NEXT_DATE },
	{ "、", TL_NEXT_DATE }, { "和", TL_NEXT_DATE }, { "及", TL_NEXT_DATE },
	{ "与", TL_NEXT_DATE }, { ",", TL_NEXT_DATE }, { " ,", 0 },
	{ "至", TL_NEXT_DATE }, { " 至 ", TL_NEXT_DATE },
	{ "\xe3\x80\x80到", TL_NEXT_DATE }, { "—", TL_NEXT_DATE },
	{ "–", TL_NEXT_DATE }, { "～", TL_NEXT_DATE }, { "〜", TL_NEXT_DATE },
	{ "－", TL_NEXT_DATE }, { "-", TL_NEXT_DATE }, { "  -", TL_NEXT_DATE },
	{ "~", TL_NEXT_DATE }, { "时", TL_NEXT_CLOCK }, { "時", TL_NEXT_CLOCK },
	{ "点", TL_NEXT_CLOCK }, { "點", TL_NEXT_CLOCK },
	{ ":", TL_NEXT_CLOCK }, { "：", TL_NEXT_CLOCK }, { " :", 0 },
	{ "夕", TL_NEXT_LUNAR },
	/* Turned away at once. */
	{ "", 0 }, { " ", 0 }, { "万", 0 }, { "号", 0 },
	{ "分", 0 }, { "后", 0 }, { "多", 0 }, { "成", 0 }, { "s", 0 },
	{ ".", 0 }, { "/", 0 }, { "x", 0 }, { "%", 0 }, { "，", 0 },
	{ "。", 0 }, { "\n", 0 }, { "\xe5\xb9", 0 }, { "\xe5\x39\xb4", 0 },
	{ "\xf0\x9f\x98\x80", 0 }, { "\xc3\xa9", 0 },
};

static void
test_next(void)
{
	char text[32];
	size_t i, n;
	struct tl_ctx x;

	for (i = 0; i < sizeof nexts / sizeof nexts[0]; i++) {
		n = (size_t)snprintf(text, sizeof text, "12%s", nexts[i].after);
		memset(&x, 0, sizeof x);
		x.s = text;
		x.n = x.bend = n;
		is_int(timeline_zh_next(&x, 2), nexts[i].want, "12 then '%s'",
		    nexts[i].after);
	}
	/* A unit cut by the block's end follows nothing. */
	memset(&x, 0, sizeof x);
	x.s = "12年";
	x.n = 5;
	x.bend = 4;
	is_int(timeline_zh_next(&x, 2), 0, "a unit cut by the block's end");
}

/* What stands before a numeral, and whether it makes it no date. */
static const struct {
	const char *before;
	int bad;
} befores[] = {
	{ "", 0 }, { "a", 1 }, { "Z", 1 }, { "9", 1 }, { "_", 1 }, { ".", 1 },
	{ "/", 1 }, { "\\", 1 }, { "@", 1 }, { "#", 1 }, { "=", 1 },
	{ "%", 1 }, { "+", 1 }, { "&", 1 }, { "?", 1 }, { "$", 1 },
	{ "-", 0 }, { "1-", 1 }, { ":", 0 }, { "1:", 1 }, { " ", 0 },
	{ "(", 0 }, { "第", 1 }, { "每", 1 }, { "每月", 1 }, { "每年", 1 },
	{ "星期", 1 }, { "礼拜", 1 }, { "月", 0 }, { "年", 0 }, { "期", 0 },
	{ "拜", 0 }, { "在", 0 }, { "，", 0 }, { "\xe7\xac", 0 },
};

static void
test_before(void)
{
	char text[32];
	size_t i, n;
	struct tl_ctx x;

	for (i = 0; i < sizeof befores / sizeof befores[0]; i++) {
		n = (size_t)snprintf(text, sizeof text, "%s12",
		    befores[i].before);
		memset(&x, 0, sizeof x);
		x.s = text;
		x.n = x.bend = n;
		is_int(timeline_zh_bad_before(&x, n - 2), befores[i].bad,
		    "'%s' before 12", befores[i].before);
	}
	/* The block's start is a boundary: what is before it is not read. */
	memset(&x, 0, sizeof x);
	x.s = "第12";
	x.n = x.bend = 5;
	x.boff = 3;
	is_int(timeline_zh_bad_before(&x, 3), 0, "第 before the block");
}

static const struct tl_check_row rows[] = {
	/* Years: 年 right after, one space, not two; a count is none. */
	{ 0, "2019年，开工。", "2019 absolute" },
	{ 0, "2019 年，开工。", "2019 absolute" },
	{ 0, "2019  年，开工。", "" },
	{ 0, "2019万元，投资。", "" },
	{ 0, "二〇一九年，开工。", "2019 absolute" },
	{ 0, "二〇一九个人，到场。", "" },
	{ 0, "２０１９年，开工。", "2019 absolute" },
	{ 0, "２０１９万，投资。", "" },
	{ 0, "2019년 3월 1일", "2019-03-01 absolute" },
	/* Decades and centuries. */
	{ 0, "80年代，开放。", "198X decade" },
	{ 0, "80后，成长。", "" },
	{ 0, "八十年代，开放。", "198X decade" },
	{ 0, "20世纪，变革。", "19XX decade" },
	{ 0, "20世界，变革。", "" },
	/* Months, days, spans and lists. */
	{ 0, "2019年3月，开工。3月5日，验收。",
	    "2019-03 absolute; 2019-03-05 relative" },
	{ 0, "2019年3月，开工。3号楼，验收。", "2019-03 absolute" },
	{ 0, "2019年3月，开工。5日，验收。",
	    "2019-03 absolute; 2019-03-05 relative" },
	{ 0, "2019年，开工。1-6月，施工。",
	    "2019 absolute; 2019-01/2019-06 range" },
	{ 0, "2019年，开工。1 — 6月，施工。",
	    "2019 absolute; 2019-01/2019-06 range" },
	{ 0, "2020年6月，开会。18、19日，两场会议。",
	    "2020-06 absolute; 2020-06-18/2020-06-19 range" },
	{ 0, "2018、2019年，丰收。", "2018 absolute; 2019 absolute" },
	{ 0, "2018,2019年，丰收。", "2018 absolute; 2019 absolute" },
	{ 0, "前730,000年，古人类用火。", "BC730000 absolute" },
	{ 0, "（1974—1989）", "1974/1989 range" },
	{ 0, "（1974~1989）", "1974/1989 range" },
	/* Shifts. */
	{ 0, "2020年5月，开工。3个月后，完工。",
	    "2020-05 absolute; 2020-08 relative" },
	{ 0, "2020年5月，开工。3个人，完工。", "2020-05 absolute" },
	{ 0, "2020年5月1日，开工。10天后，完工。",
	    "2020-05-01 absolute; 2020-05-11 relative" },
	/* Lunar dates and times of day. */
	{ 0, "2020年七夕，相会。", "2020-08-25 absolute" },
	{ 0, "2020年七成，相会。", "2020 absolute" },
	{ 0, "2020年八月十五，团圆。", "2020-10-01 absolute" },
	{ 0, "2020年2月8日，开会。8时，散会。",
	    "2020-02-08 absolute; 2020-02-08T08:00 relative" },
	{ 0, "2020年2月8日，开会。8分，散会。", "2020-02-08 absolute" },
	{ 0, "2020年2月8日，开会。20:30，散会。",
	    "2020-02-08 absolute; 2020-02-08T20:30 relative" },
	/* Before a numeral: ordinals, tokens. */
	{ 0, "第2019年，开工。", "" },
	{ 0, "v2019年，开工。", "" },
	{ 0, "在2019年，开工。", "2019 absolute" },
	/* English: digits and each class of byte after them. */
	{ 0, "It opened on 2019-04-19.", "2019-04-19 absolute" },
	{ 0, "It opened on 19 April 2016.", "2016-04-19 absolute" },
	{ 0, "It opened on 19th April 2016.", "2016-04-19 absolute" },
	{ 0, "There were 19 apples.", "" },
	{ 0, "In the 1980s it grew.", "198X decade" },
	{ 0, "In the 1980x it grew.", "" },
	{ 0, "It was built in 221 BC.", "BC0221 absolute" },
	{ 0, "The 19th century was long.", "18XX decade" },
	{ 0, "It opened on 19/04/2016.", "2016-04-19 absolute" },
	{ 0, "It opened on 19.04.2016.", "2016-04-19 absolute" },
	{ 0, "In 1990.09-1994.07 he studied.", "1990-09/1994-07 range" },
	{ 0, "It opened in 2016-04.", "2016-04 absolute" },
	{ 0, "It opened in 1998, late.", "1998 absolute" },
	{ 0, "It opened in 1998%.", "" },
	{ 2020, "It closed 2 years later.", "2022 relative" },
	{ 0, "In 1998 it opened. It closed 2 years later.",
	    "1998 absolute; 2000 relative" },
	{ 0, "In 1998 it opened. It closed 2years later.",
	    "1998 absolute; 2000 relative" },
	{ 0, "In 1998 it opened. It closed 2 apples later.", "1998 absolute" },
};

int
main(void)
{
	size_t i;
	char *got;

	test_next();
	test_before();
	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		got = tl_check_render(rows[i].text, rows[i].doc_year, 0);
		is_str(got, rows[i].want, "%s", rows[i].text);
		free(got);
	}
	return done_testing();
}
