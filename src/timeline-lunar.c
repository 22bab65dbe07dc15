/*
 * timeline-lunar.c - dates of the Chinese lunar calendar: 腊月廿五, 除夕.
 *
 * The calendar is the table timeline_lunar_years[] (one row a lunar year
 * from 1900 to 2100: its first day, its leap month, the lengths of its
 * months), which timeline-lunar-gen.c wrote from ICU's astronomical
 * Chinese calendar; nothing here computes a new moon.  A lunar year is
 * named by the Gregorian year its first day (正月初一) falls in, so its
 * twelfth month (腊月) usually falls in January or February of the next
 * Gregorian year.
 *
 * The recognizer reads a month and a day written the lunar way (正月初一,
 * 八月十五, 腊月廿五, 闰四月初一, and any form after 农历: 农历8月15日) or
 * a festival (除夕, 春节, 元宵节, 中秋节).  A Gregorian date written in
 * Chinese numerals takes 日 after its day (八月十五日); a lunar day does
 * not, or starts with 初, or follows a month only the lunar calendar has
 * (正月, 腊月, 冬月).  The candidate keeps the lunar date; timeline.c
 * turns it into a Gregorian day with timeline_lunar_resolve() against the
 * anchor, since without a year of its own the same words name a day of
 * every year.
 */
#include "config.h"

#include <string.h>

#include "timeline-int.h"

/* Words that say the next date is a lunar one. */
static const char *const prefixes[] = { "农历", "農曆", "農历", "阴历",
    "陰曆", "旧历", "舊曆", NULL };

/* Festivals on fixed lunar days (day 0: the last of the month). */
static const struct festival {
	const char *w;
	int month, day;
} festivals[] = {
	{ "除夕", 12, 0 }, { "大年三十", 12, 0 }, { "大年初一", 1, 1 },
	{ "春节", 1, 1 }, { "春節", 1, 1 }, { "元宵节", 1, 15 },
	{ "元宵節", 1, 15 }, { "端午节", 5, 5 }, { "端午節", 5, 5 },
	{ "端午", 5, 5 }, { "七夕", 7, 7 }, { "中元节", 7, 15 },
	{ "中元節", 7, 15 }, { "中秋节", 8, 15 }, { "中秋節", 8, 15 },
	{ "中秋", 8, 15 }, { "重阳节", 9, 9 }, { "重陽節", 9, 9 },
	{ "重阳", 9, 9 }, { "腊八节", 12, 8 }, { "臘八節", 12, 8 },
	{ NULL, 0, 0 }
};

/* What after a festival makes it a period or a thing, not a day. */
static const char *const festival_not_before[] = { "期间", "期間", "假期",
    "长假", "長假", "黄金周", "假", "档", "檔", "晚会", "晚會", "联欢",
    "聯歡", "后", "後", "以后", "之后", "过后", "快乐", "快樂", "节目",
    "前后", NULL };

/* Months only the lunar calendar names. */
static const struct month_name {
	const char *w;
	int month;
} month_names[] = {
	{ "正月", 1 }, { "腊月", 12 }, { "臘月", 12 }, { "冬月", 11 },
	{ NULL, 0 }
};

/* The lunar day at k (初五, 十五, 廿五, 三十; 15 when explicit). */
static size_t
lunar_day(const struct tl_ctx *x, size_t k, int explicit, int *day,
    int *chu)
{
	struct lex_num m;
	int v;

	*chu = 0;
	if (LEX_AT(x->s, x->bend, k, "初")) {
		v = lex_han_digit(x->s, x->bend, k + 3);
		if (v < 1 || v > 10)
			return 0;
		*day = v;
		*chu = 1;
		return 6;
	}
	if (lex_num(x->s, x->bend, k, &m) == 0 || m.val < 1 || m.val > 30)
		return 0;
	if (m.kind == LEX_NUM_HAN ? m.val < 10 :
	    !explicit || m.kind == LEX_NUM_HAN_DIGITS)
		return 0;
	*day = (int)m.val;
	return m.len;
}

/* A month and day at k; returns the end, or 0. */
static size_t
month_day(const struct tl_ctx *x, size_t k, int explicit,
    struct tl_lunar *l)
{
	const struct month_name *mn;
	struct lex_num m;
	size_t j, len;
	int named = 0, chu;

	if (LEX_AT(x->s, x->bend, k, "闰") || LEX_AT(x->s, x->bend, k, "閏")) {
		l->leap = 1;
		k += 3;
	}
	for (mn = month_names; mn->w != NULL; mn++) {
		if (!tl_may_at(x->s, x->bend, k, mn->w))
			continue;
		len = strlen(mn->w);
		if (k + len <= x->bend && memcmp(x->s + k, mn->w, len) == 0)
			break;
	}
	if (mn->w != NULL) {
		l->month = mn->month;
		named = 1;
		j = k + strlen(mn->w);
	} else {
		if (lex_num(x->s, x->bend, k, &m) == 0 || m.val < 1 ||
		    m.val > 12 || (!explicit && m.kind != LEX_NUM_HAN &&
		    !(m.kind == LEX_NUM_HAN_DIGITS && m.ndig == 1)) ||
		    !LEX_AT(x->s, x->bend, k + m.len, "月"))
			return 0;
		l->month = (int)m.val;
		j = k + m.len + 3;
	}
	if ((len = lunar_day(x, j, explicit, &l->day, &chu)) == 0)
		return 0;
	j += len;
	if (LEX_AT(x->s, x->bend, j, "日") || LEX_AT(x->s, x->bend, j, "号") ||
	    LEX_AT(x->s, x->bend, j, "號")) {
		/* 八月十五日 is a Gregorian day written in Chinese numerals. */
		if (!explicit && !named && !chu)
			return 0;
		j += 3;
	}
	return j;
}

/*
 * Can a lunar date start at i?  Its first character begins a prefix
 * (农历), a festival (除夕, 七夕), 闰, a month only the lunar calendar
 * names (正月), or is a Chinese numeral (八月十五): digits (8月15日) are
 * a lunar date only after a prefix.  The recognizer asks at every year's
 * end (2019年3月), so this is one decoding and one switch.
 */
static int
lunar_start(const struct tl_ctx *x, size_t i)
{
	switch (lex_cp3(x->s, x->bend, i)) {
	case 0x519c: case 0x8fb2:	/* 农 農 */
	case 0x9634: case 0x9670:	/* 阴 陰 */
	case 0x65e7: case 0x820a:	/* 旧 舊 */
	case 0x9664: case 0x5927:	/* 除 大 */
	case 0x6625: case 0x5143:	/* 春 元 */
	case 0x7aef: case 0x4e2d:	/* 端 中 */
	case 0x91cd: case 0x814a:	/* 重 腊 */
	case 0x81d8: case 0x95f0:	/* 臘 闰 */
	case 0x958f: case 0x6b63:	/* 閏 正 */
	case 0x51ac:			/* 冬 */
		return 1;
	default:
		return lex_han_digit(x->s, x->bend, i) >= 0;
	}
}

int
timeline_lunar_match(const struct tl_ctx *x, size_t i, int year,
    struct tl_cand *c)
{
	const struct festival *f;
	struct tl_lunar l = { year, 0, 0, 0 };
	size_t k = i, len, e;
	int explicit = 0;

	if (!lunar_start(x, i))
		return 0;
	if ((len = lex_at_any(x->s, x->bend, k, prefixes)) != 0) {
		explicit = 1;
		k += len;
	}
	for (f = festivals; f->w != NULL; f++) {
		if (!tl_may_at(x->s, x->bend, k, f->w))
			continue;
		len = strlen(f->w);
		if (k + len <= x->bend && memcmp(x->s + k, f->w, len) == 0)
			break;
	}
	if (f->w != NULL) {
		e = k + len;
		if (lex_at_any(x->s, x->bend, e, festival_not_before))
			return 0;
		l.month = f->month;
		l.day = f->day;
	} else if ((e = month_day(x, k, explicit, &l)) == 0)
		return 0;
	if (l.day == 0 && l.leap)
		return 0;
	c->kind = year != 0 ? TL_ABSOLUTE : TL_RELATIVE;
	c->lunar = l;
	/* 春节前: before it; 前后 and 前夕 are the modifiers' words. */
	if (LEX_AT(x->s, x->bend, e, "前") &&
	    !LEX_AT(x->s, x->bend, e, "前后") &&
	    !LEX_AT(x->s, x->bend, e, "前夕")) {
		c->mod = TL_MOD_BEFORE;
		e += 3;
	} else
		c->mod = timeline_zh_mod(x, &e, TL_PREC_DAY);
	c->end = e;
	return 1;
}

/*
 * Is c the second character of a word that timeline_lunar_match(),
 * timeline_time_match() or timeline_zh_era_word() start at (除夕, 上午,
 * 民国), or a numeral's after a word (晚8时 is read by the caller)?
 */
static int
chron_second(unsigned c)
{
	switch (c) {
	case 0x5386: case 0x66c6:	/* 历 曆 */
	case 0x5915: case 0x5e74:	/* 夕 年 */
	case 0x8282: case 0x7bc0:	/* 节 節 */
	case 0x5bb5: case 0x5348:	/* 宵 午 */
	case 0x5143: case 0x79cb:	/* 元 秋 */
	case 0x9633: case 0x967d:	/* 阳 陽 */
	case 0x516b: case 0x6708:	/* 八 月 */
	case 0x6668: case 0x591c:	/* 晨 夜 */
	case 0x95f4: case 0x91cc:	/* 间 里 */
	case 0x4e0a: case 0x540e:	/* 上 后 */
	case 0x665a: case 0x56fd:	/* 晚 国 */
	case 0x570b: case 0x6b63:	/* 國 正 */
	case 0x814a: case 0x81d8:	/* 腊 臘 */
	case 0x51ac: case 0x56db:	/* 冬 四 */
	case 0x4e94: case 0x516d:	/* 五 六 */
	case 0x4e03: case 0x4e8c:	/* 七 二 */
	case 0x4e09: case 0x5341:	/* 三 十 */
	case 0x4e00: case 0x4e5d:	/* 一 九 */
		return 1;
	default:
		return 0;
	}
}

/* Is c a unit that follows a numeral in a lunar date or a time (八月)? */
static int
chron_unit(unsigned c)
{
	switch (c) {
	case 0x6708:			/* 月 */
	case 0x65f6: case 0x6642:	/* 时 時 */
	case 0x70b9: case 0x9ede:	/* 点 點 */
	case 0xff1a:			/* ： */
		return 1;
	default:
		return 0;
	}
}

/*
 * The characters are decoded once each (lex_cp3) and told by a switch:
 * this runs at every key character of the text.
 */
int
timeline_chron_maybe(const struct tl_ctx *x, size_t i)
{
	const char *s = x->s;
	size_t k = i, n = x->bend, w;
	int len = 0;

	/* A numeral: up to three digits or Chinese numerals, then a unit. */
	while (k < n && len < 3) {
		if (s[k] >= '0' && s[k] <= '9')
			k++;
		else if (lex_han_digit(s, n, k) >= 0)
			k += 3;
		else if (lex_digit(s, n, k, &w) >= 0)
			k += w;
		else
			break;
		len++;
	}
	if (len > 0) {
		if ((k < n && s[k] == ':') || chron_unit(lex_cp3(s, n, k)))
			return 1;
		if (len > 1 || i + 3 > n || lex_han_digit(s, n, i) < 0)
			return 0;
	}
	/* A word: its second character. */
	k = i + lex_char_len(s, i);
	if (k < n && s[k] >= '0' && s[k] <= '9')
		return 1;		/* 晚8时 */
	return chron_second(lex_cp3(s, n, k));
}

int
timeline_chron_only(const struct tl_ctx *x, size_t i)
{
	switch (lex_cp3(x->s, x->bend, i)) {
	case 0x519C:	/* 农 */
	case 0x8FB2:	/* 農 */
	case 0x9634:	/* 阴 */
	case 0x9670:	/* 陰 */
	case 0x65E7:	/* 旧 */
	case 0x820A:	/* 舊 */
	case 0x6B63:	/* 正 */
	case 0x814A:	/* 腊 */
	case 0x81D8:	/* 臘 */
	case 0x51AC:	/* 冬 */
	case 0x95F0:	/* 闰 */
	case 0x958F:	/* 閏 */
	case 0x9664:	/* 除 */
	case 0x5927:	/* 大 */
	case 0x6625:	/* 春 */
	case 0x5143:	/* 元 */
	case 0x7AEF:	/* 端 */
	case 0x4E2D:	/* 中 */
	case 0x91CD:	/* 重 */
	case 0x51CC:	/* 凌 */
	case 0x6DF1:	/* 深 */
	case 0x591C:	/* 夜 */
	case 0x534A:	/* 半 */
	case 0x6E05:	/* 清 */
	case 0x65E9:	/* 早 */
	case 0x5348:	/* 午 */
	case 0x4E0B:	/* 下 */
	case 0x508D:	/* 傍 */
	case 0x665A:	/* 晚 */
	case 0x6C11:	/* 民 */
	case 0x516C:	/* 公 */
		return 1;
	default:
		return 0;
	}
}

int
timeline_lunar_day(int y, int m, int leap, int d, long *z)
{
	const struct tl_lunar_year *ly;
	long day;
	int i, idx, len;

	if (y < TL_LUNAR_FIRST || y > TL_LUNAR_LAST || m < 1 || m > 12 ||
	    d < 0 || d > 30)
		return 0;
	ly = &timeline_lunar_years[y - TL_LUNAR_FIRST];
	if (leap && ly->leap != m)
		return 0;
	/* The months before m, and the leap month when it comes first. */
	day = ly->first_day;
	idx = m - 1 + (ly->leap != 0 && ly->leap < m) + (leap != 0);
	for (i = 0; i < idx; i++)
		day += 29 + ((ly->big >> i) & 1);
	len = 29 + ((ly->big >> idx) & 1);
	if (d > len)
		return 0;
	*z = day + (d == 0 ? len : d) - 1;
	return 1;
}

int
timeline_lunar_resolve(const struct tl_lunar *l, const struct tl_date *base,
    struct tl_date *out)
{
	long z, zb, best = 0, cost, best_cost = -1;
	int y;

	if (l->year != 0) {
		if (!timeline_lunar_day(l->year, l->month, l->leap, l->day,
		    &best))
			return 0;
	} else if (base->prec < TL_PREC_YEAR)
		return 0;
	else if (base->prec == TL_PREC_YEAR) {
		if (!timeline_lunar_day(base->year, l->month, l->leap, l->day,
		    &best))
			return 0;
	} else {
		/*
		 * In the text's course the year that puts the day nearest
		 * after the anchor, a day before it costing twice as much:
		 * a chronicle at 2020-01-20 reaching 除夕 means 2020-01-24.
		 */
		zb = lex_days(base->year, base->month,
		    base->prec == TL_PREC_DAY ? base->day : 1);
		for (y = base->year - 1; y <= base->year + 1; y++) {
			if (!timeline_lunar_day(y, l->month, l->leap, l->day,
			    &z))
				continue;
			cost = z >= zb ? z - zb : 2 * (zb - z);
			if (best_cost < 0 || cost < best_cost)
				best = z, best_cost = cost;
		}
		if (best_cost < 0)
			return 0;
	}
	lex_civil(best, &out->year, &out->month, &out->day);
	out->prec = TL_PREC_DAY;
	return 1;
}
