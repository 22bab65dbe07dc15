/*
 * timeline-zh-next.c - the characters around a numeral that tell at once
 * whether a Chinese date may be there.
 *
 * Most numerals in a Chinese text are no date (一个, 十分, 第三, 2000万,
 * v2.0): the recognizer would try a dozen forms on each before saying so.
 * The character right after the numeral (past a space or two) decides
 * first: every form and every recognizer that a numeral can start needs a
 * unit (年 月 日 世纪 个月 天 时 点), a list's or a range's mark (、 和 至
 * — -), a clock's colon or 夕 (七夕) there.  timeline_zh_next() answers
 * that with the character decoded once (lex_cp3) and one switch; the
 * recognizers then read it again in full.  timeline_zh_bad_before() looks
 * at the character before the numeral the same way.  Both are pure tests
 * of bytes: no state, no table to build.
 */
#include "config.h"

#include "timeline-int.h"

/* Words before a numeral that make it an ordinal or a recurrence. */
static const char *const ordinal_words[] = { "第", "每", "每月", "每年",
    "星期", "礼拜", NULL };

/*
 * Digits right before i that belong to an identifier, a version, a
 * standard number or a path: GB 18030-2000, ISO/IEC 10646-1:1993, v2.2016,
 * a_2016.  A date never continues such a token.
 */
int
timeline_zh_bad_before(const struct tl_ctx *x, size_t i)
{
	const char *s = x->s;
	unsigned char p;

	if (i <= x->boff)
		return 0;
	p = (unsigned char)s[i - 1];
	if ((p >= '0' && p <= '9') || (p >= 'A' && p <= 'Z') ||
	    (p >= 'a' && p <= 'z'))
		return 1;
	switch (p) {
	case '_': case '.': case '/': case '\\': case '@': case '#': case '=':
	case '%': case '+': case '&': case '?': case '$':
		return 1;
	case '\0':
		return 0;
	case '-':
	case ':':
		return i - 1 > x->boff && s[i - 2] >= '0' && s[i - 2] <= '9';
	default:
		break;
	}
	/* Each ordinal word ends in one of these characters. */
	if (i < x->boff + 3)
		return 0;
	switch (lex_cp3(s, i, i - 3)) {
	case 0x7b2c:	/* 第 */
	case 0x6bcf:	/* 每 */
	case 0x6708:	/* 月 */
	case 0x5e74:	/* 年 */
	case 0x671f:	/* 期 */
	case 0x62dc:	/* 拜 */
		return lex_before_any(s, x->boff, i, ordinal_words) != 0;
	default:
		return 0;
	}
}

int
timeline_zh_next(const struct tl_ctx *x, size_t k)
{
	const char *s = x->s;
	size_t j = k;

	/* Spaces: ASCII ones and the ideographic space. */
	while (j < x->bend && (s[j] == ' ' || lex_cp3(s, x->bend, j) ==
	    0x3000))
		j += s[j] == ' ' ? 1 : 3;
	if (j >= x->bend)
		return 0;
	switch (s[j]) {
	case '-':
	case '~':
		return TL_NEXT_DATE;	/* a range: 1-6月, 1974-1989 */
	case ',':
		/* 2018,2019年; 前730,000年. */
		return j == k ? TL_NEXT_DATE : 0;
	case ':':
		return j == k ? TL_NEXT_CLOCK : 0;	/* 20:30 */
	default:
		break;
	}
	switch (lex_cp3(s, x->bend, j)) {
	case 0x81f3:	/* 至 */
	case 0x5230:	/* 到 */
	case 0x2014:	/* — */
	case 0x2013:	/* – */
	case 0xff5e:	/* ～ */
	case 0x301c:	/* 〜 */
	case 0xff0d:	/* － */
		return TL_NEXT_DATE;
	case 0x5e74:	/* 年 */
	case 0xb144:	/* 년 */
		/* A unit may have one space before it: 2016 年. */
		return j - k <= 1 ? TL_NEXT_DATE : 0;
	case 0x6708:	/* 月: a month, or a lunar one (八月十五) */
		return j - k <= 1 ? TL_NEXT_DATE | TL_NEXT_LUNAR : 0;
	case 0xc6d4:	/* 월 */
		return j - k <= 1 ? TL_NEXT_DATE : 0;
	case 0x4e2a:	/* 个, only in 个月 (一个 is the commonest numeral) */
		return j == k && lex_cp3(s, x->bend, j + 3) == 0x6708 ?
		    TL_NEXT_DATE : 0;
	case 0x4e16:	/* 世 (世纪) */
	case 0x5929:	/* 天 */
	case 0x65e5:	/* 日 */
	case 0x3001:	/* 、 */
	case 0x548c:	/* 和 */
	case 0x53ca:	/* 及 */
	case 0x4e0e:	/* 与 */
		return j == k ? TL_NEXT_DATE : 0;
	case 0x65f6:	/* 时 */
	case 0x6642:	/* 時 */
	case 0x70b9:	/* 点 */
	case 0x9ede:	/* 點 */
	case 0xff1a:	/* ： */
		return j == k ? TL_NEXT_CLOCK : 0;
	case 0x5915:	/* 夕 (七夕) */
		return j == k ? TL_NEXT_LUNAR : 0;
	default:
		return 0;
	}
}
