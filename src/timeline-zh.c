/*
 * timeline-zh.c - dates written the Chinese (and Japanese, Korean) way.
 *
 * The recognizer is called by timeline.c at the first byte of a numeral
 * (ASCII, full-width or Chinese digits) or of a key character that can
 * start a relative expression (当, 次, 同, 去, ...).  It reads forward from
 * there with plain byte comparisons, and looks back only a few characters
 * for prefixes (公元前, 上世纪, 自, 到).  Looking back by a fixed number of
 * bytes is safe in UTF-8: a literal can only match where a character
 * starts, since lead bytes and continuation bytes never coincide.
 *
 * A year is a run of four digits (or 公元/公元前 and any digits) followed
 * by 年; then an optional month (1-12) with 月 and day (checked against
 * the month's length) with 日 or 号.  A numeral followed by 月 or 日 that
 * is out of range makes the whole expression "not a date": it is skipped
 * without an entry, and its parts are not read again.  Everything else
 * (N年 with N < 1000, 20周年, 第十九次, 2000万) simply does not match;
 * most numerals are turned away by the character after them
 * (timeline-zh-next.c) before any form is tried.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "timeline-int.h"

/* Skips ASCII spaces and the ideographic space from k. */
static size_t
spaces(const struct tl_ctx *x, size_t k)
{
	while (k < x->bend) {
		if (x->s[k] == ' ')
			k++;
		else if (LEX_AT(x->s, x->bend, k, "\xe3\x80\x80"))
			k += 3;
		else
			break;
	}
	return k;
}

enum unit { U_YEAR, U_MONTH, U_DAY };

/*
 * The length of the unit character of kind u at k, spaces before it
 * included (2016 年, 2023년), or 0.
 */
static size_t
unit_at(const struct tl_ctx *x, size_t k, enum unit u)
{
	size_t j = spaces(x, k);
	const char *s = x->s;
	size_t n = x->bend;

	if (j - k > 1)
		return 0;
	switch (u) {
	case U_YEAR:
		if (LEX_AT(s, n, j, "年") || LEX_AT(s, n, j, "년"))
			return j - k + 3;
		break;
	case U_MONTH:
		if (LEX_AT(s, n, j, "月") || LEX_AT(s, n, j, "월"))
			return j - k + 3;
		break;
	case U_DAY:
		if (LEX_AT(s, n, j, "日") || LEX_AT(s, n, j, "号") ||
		    LEX_AT(s, n, j, "號") || LEX_AT(s, n, j, "일"))
			return j - k + 3;
		break;
	}
	return 0;
}

/* Is this numeral written as a four-digit year? */
static int
year_digits(const struct lex_num *m)
{
	return m->ndig == 4 && m->kind != LEX_NUM_HAN;
}

/*
 * Reads month and day after a year (or a month and day alone when
 * d->month is 0 on entry and want_month is set).  Returns -1 when a month
 * or day is written but impossible, else the new end.
 */
static long
month_day(const struct tl_ctx *x, size_t k, struct tl_date *d)
{
	struct lex_num m;
	size_t j, u, k0 = k;

	j = spaces(x, k);
	if (j - k > 1 || lex_num(x->s, x->bend, j, &m) == 0)
		return (long)k0;
	if ((u = unit_at(x, j + m.len, U_MONTH)) == 0 ||
	    (m.kind == LEX_NUM_HAN_DIGITS && m.ndig > 1))
		return (long)k0;
	if (m.val < 1 || m.val > 12)
		return -1;
	d->month = (int)m.val;
	d->prec = TL_PREC_MONTH;
	k = j + m.len + u;
	if (LEX_AT(x->s, x->bend, k, "份"))
		return (long)k + 3;
	j = spaces(x, k);
	if (j - k > 1 || lex_num(x->s, x->bend, j, &m) == 0 ||
	    (u = unit_at(x, j + m.len, U_DAY)) == 0)
		return (long)k;
	if (m.val < 1 || m.val > lex_mdays(d->year, d->month))
		return -1;
	d->day = (int)m.val;
	d->prec = TL_PREC_DAY;
	return (long)(j + m.len + u);
}

static size_t connector(const struct tl_ctx *, size_t);

/*
 * Two days written with one 日 (8月17至30日, 6月24—26日, 18、19日,
 * 28、29两日): the first day's end when a second day, later in the same
 * month, follows; its day in *day2.  Returns 0 otherwise.
 */
static size_t
day_pair(const struct tl_ctx *x, size_t k, int year, int month, int *day1,
    int *day2)
{
	struct lex_num a, b;
	size_t j, c, u, max = month ? (size_t)lex_mdays(year, month) : 31;

	if (lex_num(x->s, x->bend, k, &a) == 0 || a.kind == LEX_NUM_HAN ||
	    a.ndig > 2 || a.val < 1)
		return 0;
	j = k + a.len;
	if (LEX_AT(x->s, x->bend, j, "、"))
		c = 3;
	else if ((c = connector(x, j)) == 0)
		return 0;
	j += c;
	if (lex_num(x->s, x->bend, j, &b) == 0 || b.kind != a.kind ||
	    b.val <= a.val || (size_t)b.val > max)
		return 0;
	j += b.len;
	/* 28、29两日内: the count repeats the days. */
	if (LEX_AT(x->s, x->bend, j, "两日") || LEX_AT(x->s, x->bend, j, "两天"))
		u = 6;
	else if ((u = unit_at(x, j, U_DAY)) == 0)
		return 0;
	*day1 = (int)a.val;
	*day2 = (int)b.val;
	return j + u;
}

/*
 * month_day(), and then two days written with one 日 after the month:
 * d gets the first, *b (prec TL_PREC_NONE when there is none) the second.
 */
static long
month_day_pair(const struct tl_ctx *x, size_t k, struct tl_date *d,
    struct tl_date *b)
{
	long r = month_day(x, k, d);
	size_t e;
	int d1, d2;

	if (r < 0 || d->prec != TL_PREC_MONTH || (e = day_pair(x,
	    (size_t)r, d->year, d->month, &d1, &d2)) == 0)
		return r;
	d->day = d1;
	d->prec = TL_PREC_DAY;
	*b = *d;
	b->day = d2;
	return (long)e;
}
static size_t range_end_at(const struct tl_ctx *, size_t,
    const struct tl_date *, struct tl_date *);

/*
 * A span of months written with one 月: 1-6月, 1—11月, 1至3月.  On
 * success sets the months and returns the end; else returns 0.
 */
static size_t
month_span(const struct tl_ctx *x, size_t k, int *m1, int *m2)
{
	struct lex_num a, b;
	size_t j, c, u;

	j = spaces(x, k);
	if (j - k > 1 || lex_num(x->s, x->bend, j, &a) == 0 || a.val < 1 ||
	    a.val > 12 || (c = connector(x, j + a.len)) == 0)
		return 0;
	j += a.len + c;
	if (lex_num(x->s, x->bend, j, &b) == 0 || b.val <= a.val ||
	    b.val > 12 || (u = unit_at(x, j + b.len, U_MONTH)) == 0)
		return 0;
	*m1 = (int)a.val;
	*m2 = (int)b.val;
	j += b.len + u;
	if (LEX_AT(x->s, x->bend, j, "份"))
		j += 3;
	return j;
}

/* Compares two dates at the precision both have. */
static int
date_cmp(const struct tl_date *a, const struct tl_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->prec < TL_PREC_MONTH || b->prec < TL_PREC_MONTH)
		return 0;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->prec < TL_PREC_DAY || b->prec < TL_PREC_DAY)
		return 0;
	return a->day < b->day ? -1 : a->day > b->day;
}

/* The length of a range connector (至, 到, —, ~) at k, spaces around. */
static size_t
connector(const struct tl_ctx *x, size_t k)
{
	const char *s = x->s;
	size_t n = x->bend, j = spaces(x, k), c = 0;

	/* The character is decoded once: a range is tried at every date. */
	if (j < n && (s[j] == '-' || s[j] == '~'))
		c = 1;
	else switch (lex_cp3(s, n, j)) {
	case 0x2014:	/* —, or —— */
		c = LEX_AT(s, n, j, "——") ? 6 : 3;
		break;
	case 0x81f3:	/* 至 */
	case 0x5230:	/* 到 */
	case 0x2013:	/* – */
	case 0xff5e:	/* ～ */
	case 0x301c:	/* 〜 */
	case 0xff0d:	/* － */
		c = 3;
		break;
	default:
		return 0;
	}
	return spaces(x, j + c) - k;
}

/* Words that put a range's end in the next year: 12月至次年2月. */
static const char *const next_year[] = { "次年", "翌年", "第二年", "隔年",
    "转年", "轉年", NULL };

/*
 * Reads the end of a range after a connector at k, taking the missing
 * parts from the start a: 1989年, 6月, 21日, 5月2日, 次年2月.  An end of
 * month and day before the start is in the next year (12月16日到1月1日):
 * the range runs forward.  Returns the new end or 0 when no valid end
 * follows; *b is then left as it was.
 */
static size_t
range_end(const struct tl_ctx *x, size_t k, const struct tl_date *a,
    struct tl_date *b)
{
	struct tl_date e = *b;
	size_t r = range_end_at(x, k, a, b);

	if (r == 0)
		*b = e;
	return r;
}

/* range_end()'s work, which may leave *b changed when it fails. */
static size_t
range_end_at(const struct tl_ctx *x, size_t k, const struct tl_date *a,
    struct tl_date *b)
{
	struct lex_num m;
	size_t u, len;
	long r;

	*b = *a;
	if ((len = lex_at_any(x->s, x->bend, k, next_year)) != 0) {
		if (a->prec < TL_PREC_MONTH)
			return 0;
		b->year = a->year + 1;
		b->month = b->day = 0;
		r = month_day(x, k + len, b);
		return r < 0 || b->month == 0 ? 0 : (size_t)r;
	}
	if (lex_num(x->s, x->bend, k, &m) == 0)
		return 0;
	if ((u = unit_at(x, k + m.len, U_YEAR)) != 0) {
		if (!year_digits(&m) || a->year < 0)
			return 0;
		b->year = (int)m.val;
		b->month = b->day = 0;
		b->prec = TL_PREC_YEAR;
		r = month_day(x, k + m.len + u, b);
	} else if (unit_at(x, k + m.len, U_MONTH) != 0) {
		if (a->prec < TL_PREC_MONTH)
			return 0;
		b->month = b->day = 0;
		r = month_day(x, k, b);
		if (b->month == 0)
			return 0;
		if (r >= 0 && date_cmp(a, b) >= 0)
			b->year++;
	} else if ((u = unit_at(x, k + m.len, U_DAY)) != 0) {
		if (a->prec < TL_PREC_DAY || m.val < 1 ||
		    m.val > lex_mdays(a->year, a->month))
			return 0;
		b->day = (int)m.val;
		r = (long)(k + m.len + u);
	} else
		return 0;
	if (r < 0 || date_cmp(a, b) >= 0)
		return 0;
	return (size_t)r;
}

/* Moves off back over 自, 自从, 从 before a date; tells whether it did. */
static int
since_prefix(const struct tl_ctx *x, size_t *off)
{
	if (LEX_BEFORE(x->s, x->boff, *off, "自从")) {
		*off -= 6;
		return 1;
	}
	if (LEX_BEFORE(x->s, x->boff, *off, "自") ||
	    LEX_BEFORE(x->s, x->boff, *off, "从")) {
		*off -= 3;
		return 1;
	}
	return 0;
}

/*
 * The century a two-digit decade (80年代) belongs to: the one named just
 * before (上世纪, 本世纪, 20世纪), else the latest that does not put the
 * decade after the date the text has reached.
 */
static int
decade_century(const struct tl_ctx *x, size_t *off, int dec)
{
	const char *s = x->s;

	if (LEX_BEFORE(s, x->boff, *off, "上世纪") ||
	    LEX_BEFORE(s, x->boff, *off, "上世紀")) {
		*off -= 9;
		return x->doc_year >= 2100 ? 2000 : 1900;
	}
	if (LEX_BEFORE(s, x->boff, *off, "上个世纪") ||
	    LEX_BEFORE(s, x->boff, *off, "上個世紀")) {
		*off -= 12;
		return x->doc_year >= 2100 ? 2000 : 1900;
	}
	if (LEX_BEFORE(s, x->boff, *off, "本世纪") ||
	    LEX_BEFORE(s, x->boff, *off, "本世紀")) {
		*off -= 9;
		return x->doc_year >= 2100 ? 2100 : 2000;
	}
	if (tl_century(x) != 0 && x->century + dec <= (x->doc_year ?
	    x->doc_year : 2100))
		return x->century;
	if (x->doc_year >= 2000 && 2000 + dec <= x->doc_year &&
	    x->century != 1900)
		return 2000;
	return 1900;
}

/*
 * A century (20世纪), maybe with a decade (20世纪80年代); before the era
 * (公元前5世纪, 前21世纪) it is BC04XX, BC20XX.
 */
static int
century_match(const struct tl_ctx *x, size_t i, const struct lex_num *m,
    size_t k, struct tl_cand *c)
{
	struct lex_num d;
	size_t j, u;

	static const char *const bc[] = { "公元前", "西元前", NULL };
	size_t len;

	if (m->val < 1 || m->val > 30 || m->ndig > 2)
		return 0;
	c->off = i;
	c->kind = TL_DECADE;
	c->a.year = (int)(m->val - 1) * 100;
	c->a.prec = TL_PREC_CENTURY;
	if ((len = lex_before_any(x->s, x->boff, i, bc)) != 0 ||
	    (m->kind == LEX_NUM_ASCII &&
	    (len = timeline_zh_bc_alone(x, i)) != 0)) {
		c->off -= len;
		c->a.year = -c->a.year;
		c->mod = timeline_zh_decade_mod(x, &k);
		if (c->mod == TL_MOD_NONE && (LEX_BEFORE(x->s, x->boff,
		    c->off, "约")))
			c->mod = TL_MOD_APPROX;
		c->end = k;
		return 1;
	}
	if (LEX_BEFORE(x->s, x->boff, i, "公元"))
		c->off -= 6;
	j = spaces(x, k);
	if (lex_num(x->s, x->bend, j, &d) != 0 && d.val % 10 == 0 &&
	    d.val < 100 && (u = unit_at(x, j + d.len, U_YEAR)) != 0 &&
	    LEX_AT(x->s, x->bend, j + d.len + u, "代")) {
		c->a.year += (int)d.val;
		c->a.prec = TL_PREC_DECADE;
		k = j + d.len + u + 3;
	}
	c->mod = timeline_zh_decade_mod(x, &k);
	c->end = k;
	return 1;
}

/* A decade: 1980年代, 80年代, 八十年代, 上世纪90年代. */
static int
decade_match(const struct tl_ctx *x, size_t i, const struct lex_num *m,
    size_t k, struct tl_cand *c)
{
	c->off = i;
	if (year_digits(m) && m->val % 10 == 0 && m->val >= 1000 &&
	    m->val <= 2200)
		c->a.year = (int)m->val;
	else if (m->val % 10 == 0 && m->val < 100 && (m->ndig == 2 ||
	    m->kind == LEX_NUM_HAN))
		c->a.year = decade_century(x, &c->off, (int)m->val) +
		    (int)m->val;
	else
		return 0;
	c->kind = TL_DECADE;
	c->a.prec = TL_PREC_DECADE;
	c->mod = timeline_zh_decade_mod(x, &k);
	c->end = k;
	return 1;
}

/* Relative expressions after a numeral: 8年前, 两年后, 3个月后, 10天后. */
static int
shift_match(const struct tl_ctx *x, size_t i, const struct lex_num *m,
    size_t k, struct tl_cand *c)
{
	const char *s = x->s;
	size_t n = x->bend;
	enum tl_prec unit;
	int sign;

	if (m->val < 1 || m->val > 200)
		return 0;
	if (LEX_AT(s, n, k, "年"))
		unit = TL_PREC_YEAR, k += 3;
	else if (LEX_AT(s, n, k, "个月"))
		unit = TL_PREC_MONTH, k += 6;
	else if (LEX_AT(s, n, k, "天"))
		unit = TL_PREC_DAY, k += 3;
	else
		return 0;
	if (LEX_AT(s, n, k, "前后") || LEX_AT(s, n, k, "前後"))
		return 0;
	if (LEX_AT(s, n, k, "以后") || LEX_AT(s, n, k, "之后") ||
	    LEX_AT(s, n, k, "以後") || LEX_AT(s, n, k, "之後"))
		sign = 1, k += 6;
	else if (LEX_AT(s, n, k, "后") || LEX_AT(s, n, k, "後"))
		sign = 1, k += 3;
	else if (LEX_AT(s, n, k, "以前") || LEX_AT(s, n, k, "之前"))
		sign = -2, k += 6;
	else if (LEX_AT(s, n, k, "前"))
		sign = -1, k += 3;
	else
		return 0;
	c->off = i;
	c->end = k;
	c->kind = TL_RELATIVE;
	/*
	 * 8年前 counts back from the document date, else from the date
	 * before it; 两个月以前 (以前, 之前) only from the document date:
	 * in a story it measures a span ("he had left two months before").
	 */
	c->rel.anchor = sign == -2 ? TL_ANCHOR_DOC_ONLY : sign < 0 ?
	    TL_ANCHOR_DOC : TL_ANCHOR_PREV;
	sign = sign < 0 ? -1 : 1;
	c->rel.unit = unit;
	c->rel.delta = sign * (int)m->val;
	c->rel.prec = unit;
	return 1;
}

/* What before two years joined by a dash makes them a copyright's. */
static const char *const copyright[] = { "©", "版权所有", "版權所有",
    "Copyright", "(c)", "(C)", NULL };
static const char *const opening[] = { "（", "(", "【", "[", NULL };
static const char *const closing[] = { "）", ")", "】", "]", NULL };
static const char *const seasons[] = { "赛季", "学年", "學年", "财年",
    "年度", "期间", NULL };

/* 1974—1989 with no 年: a range when a heading or brackets hold it. */
static int
bare_range(const struct tl_ctx *x, size_t i, const struct lex_num *m,
    struct tl_cand *c)
{
	struct lex_num e;
	size_t k = i + m->len, cl, j, u;
	int open, close;

	if ((cl = connector(x, k)) == 0 || LEX_AT(x->s, x->bend, k, "到"))
		return 0;
	/* © 2005-2023, 版权所有 2005—2023: a copyright's years. */
	j = i;
	while (j > x->boff && x->s[j - 1] == ' ')
		j--;
	if (lex_before_any(x->s, x->boff, j, copyright))
		return 0;
	j = k + cl;
	if (lex_num(x->s, x->bend, j, &e) == 0 || !year_digits(&e) ||
	    e.val <= m->val || e.val > m->val + 1000 || e.val > 2200)
		return 0;
	k = j + e.len;
	if ((u = unit_at(x, k, U_YEAR)) != 0)
		k += u;
	else {
		open = lex_before_any(x->s, x->boff, i, opening) != 0;
		close = lex_at_any(x->s, x->bend, k, closing) != 0;
		/* 2019-2020赛季, 2019—2020学年: a season's two years. */
		if (lex_at_any(x->s, x->bend, k, seasons))
			open = close = 1;
		if (!(open && close) && !x->heading)
			return 0;
		if (k < x->bend && ((x->s[k] >= '0' && x->s[k] <= '9') ||
		    x->s[k] == '.' || x->s[k] == '-' || x->s[k] == '/'))
			return 0;
	}
	c->off = i;
	c->end = k;
	c->kind = TL_RANGE;
	c->a.year = (int)m->val;
	c->a.prec = TL_PREC_YEAR;
	c->b.year = (int)e.val;
	c->b.prec = TL_PREC_YEAR;
	return 1;
}

/*
 * The end of a range after a month-day whose year comes from context
 * (1月20日至2月3日, 12月16日到1月1日, 12月至次年2月): fills c->b with the
 * years after the start's, 0 or 1, which timeline.c adds to the start's
 * resolved year.  Returns the new end, or k.
 */
static size_t
rel_range(const struct tl_ctx *x, size_t k, const struct tl_date *d,
    struct tl_cand *c)
{
	size_t j, e;

	if ((j = connector(x, k)) == 0 ||
	    (e = range_end(x, k + j, d, &c->b)) == 0)
		return k;
	if (c->b.year != 0 && c->b.year != 1) {
		memset(&c->b, 0, sizeof c->b);
		return k;
	}
	return e;
}

/*
 * A bare year in a list that ends in 年: 2018、2019年, 2016和2017年.
 */
static int
listed_year(const struct tl_ctx *x, size_t k)
{
	struct lex_num m;
	int items;

	for (items = 0; items < 8; items++) {
		if (LEX_AT(x->s, x->bend, k, "、") ||
		    LEX_AT(x->s, x->bend, k, "和") ||
		    LEX_AT(x->s, x->bend, k, "及") ||
		    LEX_AT(x->s, x->bend, k, "与"))
			k += 3;
		else if (k < x->bend && x->s[k] == ',')
			k++;
		else
			return 0;
		if (lex_num(x->s, x->bend, k, &m) == 0 ||
		    !year_digits(&m) ||
		    m.val < 1000 || m.val > 2200)
			return 0;
		k += m.len;
		if (unit_at(x, k, U_YEAR) != 0)
			return !LEX_AT(x->s, x->bend, k + unit_at(x, k, U_YEAR),
			    "代");
	}
	return 0;
}

/*
 * A year glossed in brackets (民国一百零五年（2016年）7月): when the
 * bracket gives the same year, it is part of the expression and the
 * month after it belongs to the date.  Returns the new end, or k.
 */
static size_t
year_gloss(const struct tl_ctx *x, size_t k, int year)
{
	struct lex_num m;
	size_t j = k, u;

	if (LEX_AT(x->s, x->bend, j, "（"))
		j += 3;
	else if (j < x->bend && x->s[j] == '(')
		j++;
	else
		return k;
	if (LEX_AT(x->s, x->bend, j, "公元"))
		j += 6;
	if (lex_num(x->s, x->bend, j, &m) == 0 || m.val != year)
		return k;
	j += m.len;
	if ((u = unit_at(x, j, U_YEAR)) != 0)
		j += u;
	if (LEX_AT(x->s, x->bend, j, "）"))
		return j + 3;
	if (j < x->bend && x->s[j] == ')')
		return j + 1;
	return k;
}

/* The end of a range of years before the era: 前221年—前207年. */
static size_t
bc_range_end(const struct tl_ctx *x, size_t k, const struct tl_date *a,
    struct tl_date *b)
{
	struct lex_num m;
	size_t u;

	if (LEX_AT(x->s, x->bend, k, "公元前"))
		k += 9;
	else if (LEX_AT(x->s, x->bend, k, "前"))
		k += 3;
	else
		return 0;
	if (lex_num(x->s, x->bend, k, &m) == 0 ||
	    m.kind == LEX_NUM_HAN || (u = unit_at(x, k + m.len, U_YEAR)) == 0 ||
	    -m.val <= a->year)
		return 0;
	*b = *a;
	b->year = -(int)m.val;
	return k + m.len + u;
}

/*
 * The forms a numeral starts.  num_match() reads the numeral once into a
 * struct num_at, then tries each form in turn.  A form answers FORM_MATCH
 * (c is filled), FORM_NONE (the numeral is no date: stop, with *skip
 * saying how far) or FORM_NEXT (not this form: try the next one).
 */
enum form { FORM_NONE, FORM_MATCH, FORM_NEXT };

struct num_at {
	size_t i;		/* the numeral's first byte */
	struct lex_num m;	/* the numeral */
	size_t k;		/* one past it */
	size_t u;		/* length of 年 after it, or 0 */
};

/* 20世纪, 公元前5世纪 (not a century), 20世纪80年代. */
static enum form
form_century(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	(void)skip;
	if (!LEX_AT(x->s, x->bend, a->k, "世纪") &&
	    !LEX_AT(x->s, x->bend, a->k, "世紀"))
		return FORM_NEXT;
	return century_match(x, a->i, &a->m, a->k + 6, c) ? FORM_MATCH :
	    FORM_NONE;
}

/* 1980年代, 80年代, 八十年代, 上世纪90年代. */
static enum form
form_decade(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	(void)skip;
	if (a->u == 0 || !LEX_AT(x->s, x->bend, a->k + a->u, "代"))
		return FORM_NEXT;
	return decade_match(x, a->i, &a->m, a->k + a->u + 3, c) ?
	    FORM_MATCH : FORM_NONE;
}

/* The eras a year may be written in, and the prefixes that say so. */
enum era { ERA_NONE, ERA_CE, ERA_MINGUO, ERA_BC };

/*
 * The era prefix before a year at a->i, moving c->off back over it:
 * 公元前221年 and 西元前 (before the era), 公元 and 西元, 民国 (1911 plus
 * the year), and 前221年 alone at a clause's start as chronicles write it
 * (a 前 after another character is 之前, 以前, 年前: a word).
 */
static enum era
year_era(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c)
{
	static const char *const bc[] = { "公元前", "西元前", NULL };
	static const char *const ce[] = { "公元", "西元", NULL };
	static const char *const minguo[] = { "民国", "民國", NULL };
	const char *s = x->s;
	size_t len;

	/* Each prefix ends in 前, 元, 国 or 國: most years have none. */
	switch (a->i >= x->boff + 3 ? lex_cp3(s, a->i, a->i - 3) : 0) {
	case 0x524d: case 0x5143: case 0x56fd: case 0x570b:
		break;
	default:
		return ERA_NONE;
	}
	if ((len = lex_before_any(s, x->boff, a->i, bc)) != 0) {
		c->off -= len;
		return ERA_BC;
	}
	if ((len = lex_before_any(s, x->boff, a->i, ce)) != 0) {
		c->off -= len;
		return ERA_CE;
	}
	if (a->m.kind == LEX_NUM_ASCII && (a->m.ndig == 3 || a->m.ndig == 4) &&
	    a->u != 0 && timeline_zh_bc_alone(x, a->i)) {
		c->off -= 3;
		return ERA_BC;
	}
	if ((len = lex_before_any(s, x->boff, a->i, minguo)) != 0) {
		c->off -= len;
		return ERA_MINGUO;
	}
	return ERA_NONE;
}

/*
 * What may follow a year and its month and day: a range's end (至21日,
 * —前207年), 至今, and the fuzzy words (底, 上旬, 前后).  Then the
 * prefixes that change its sense: 自 (since), 约 (about), and a plan's
 * words (a target).  Returns the end.
 */
static size_t
year_tail(const struct tl_ctx *x, size_t k, enum era era, struct tl_cand *c)
{
	const char *s = x->s;
	size_t n = x->bend, j, u;
	int since;

	if ((j = connector(x, k)) != 0 && era != ERA_BC &&
	    (u = range_end(x, k + j, &c->a, &c->b)) != 0) {
		c->kind = TL_RANGE;
		k = u;
	} else if (j != 0 && era == ERA_BC && (u = bc_range_end(x, k + j,
	    &c->a, &c->b)) != 0) {
		c->kind = TL_RANGE;
		k = u;
	} else if (LEX_AT(s, n, k, "至今")) {
		c->mod = TL_MOD_SINCE;
		k += 6;
	}
	if (c->kind == TL_ABSOLUTE && c->mod == TL_MOD_NONE)
		c->mod = timeline_zh_mod(x, &k, c->a.prec);
	since = since_prefix(x, &c->off);
	if (since && c->mod == TL_MOD_NONE && c->kind == TL_ABSOLUTE &&
	    LEX_AT(s, n, k, "起"))
		c->mod = TL_MOD_SINCE;
	if (!since && c->mod == TL_MOD_NONE &&
	    (LEX_BEFORE(s, x->boff, c->off, "约") ||
	    LEX_BEFORE(s, x->boff, c->off, "大约")))
		c->mod = TL_MOD_APPROX;
	if (c->kind == TL_ABSOLUTE && c->mod != TL_MOD_SINCE &&
	    timeline_zh_target(x, c->off, k, c->a.year))
		c->kind = TL_TARGET;
	c->noanchor = timeline_zh_aside(x, c->off, k, &c->a);
	return k;
}

/*
 * A year with 年: 2016年, 2016年4月19日, 二〇〇〇年三月, 公元前221年,
 * 民国105年（2016年）7月, 2016年1-6月, 2018年4月20日至21日, 2019年底.
 * Four digits make a year (1000-2200); with an era any number does.  A
 * month or day that cannot be (2019年13月, 2月30日) makes it no date.
 */
static enum form
form_year(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c,
    size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, k, j;
	long val = a->m.val, r;
	enum era era;

	if (a->u == 0)
		return FORM_NEXT;
	era = year_era(x, a, c);
	if (!(year_digits(&a->m) || era) || val < 1 ||
	    (!era && (val < 1000 || val > 2200)) ||
	    (era == ERA_MINGUO && val > 200)) {
		c->off = a->i;
		return FORM_NEXT;
	}
	if (!era && timeline_zh_counts(x, a->i))
		return FORM_NONE;
	k = a->k + a->u;
	/* 2000年来, 1000年的历史: a count of years. */
	if (val % 100 == 0 && era == ERA_NONE && (LEX_AT(s, n, k, "来") ||
	    LEX_AT(s, n, k, "历史") || LEX_AT(s, n, k, "的历史")))
		return FORM_NONE;
	c->kind = TL_ABSOLUTE;
	c->a.year = era == ERA_BC ? -(int)val : era == ERA_MINGUO ?
	    1911 + (int)val : (int)val;
	c->a.prec = TL_PREC_YEAR;
	k = year_gloss(x, k, c->a.year);
	if (era != ERA_BC && timeline_lunar_match(x, k, c->a.year, c))
		return FORM_MATCH;
	if (era != ERA_BC && (j = month_span(x, k, &c->a.month,
	    &c->b.month)) != 0) {
		c->kind = TL_RANGE;
		c->a.prec = c->b.prec = TL_PREC_MONTH;
		c->b.year = c->a.year;
		c->end = j;
		since_prefix(x, &c->off);
		return FORM_MATCH;
	}
	if ((r = month_day_pair(x, k, &c->a, &c->b)) < 0) {
		*skip = k - a->i;
		return FORM_NONE;
	}
	if (c->b.prec != TL_PREC_NONE) {
		c->kind = TL_RANGE;
		c->end = (size_t)r;
		since_prefix(x, &c->off);
		return FORM_MATCH;
	}
	c->end = year_tail(x, (size_t)r, era, c);
	return FORM_MATCH;
}

/*
 * A year before the era written with thousands grouped: 前730,000年,
 * 公元前1,000,000年 (a prehistory's 年表).  Only with the era's prefix:
 * elsewhere 1,000年 is a count.
 */
static enum form
form_bc_grouped(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	static const char *const bc[] = { "公元前", "西元前", NULL };
	size_t k = a->k, len, u;
	long val = a->m.val;
	int v;

	if (a->m.kind != LEX_NUM_ASCII || a->m.ndig > 3 || k >= x->bend ||
	    x->s[k] != ',' || ((len = lex_before_any(x->s, x->boff, a->i,
	    bc)) == 0 && (len = timeline_zh_bc_alone(x, a->i)) == 0))
		return FORM_NEXT;
	while (k + 4 <= x->bend && x->s[k] == ',' &&
	    lex_digits(x->s, k + 4 < x->bend ? k + 4 : x->bend, k + 1,
	    &v) == 3 && (k + 4 == x->bend || x->s[k + 4] < '0' ||
	    x->s[k + 4] > '9') && val < 100000) {
		val = val * 1000 + v;
		k += 4;
	}
	if (k == a->k || (u = unit_at(x, k, U_YEAR)) == 0)
		return FORM_NEXT;
	*skip = k + u - a->i;
	c->off = a->i - len;
	c->kind = TL_ABSOLUTE;
	c->a.year = -(int)val;
	c->a.prec = TL_PREC_YEAR;
	k += u;
	c->mod = timeline_zh_mod(x, &k, TL_PREC_YEAR);
	if (c->mod == TL_MOD_NONE && LEX_BEFORE(x->s, x->boff, c->off, "约"))
		c->mod = TL_MOD_APPROX;
	c->end = k;
	return FORM_MATCH;
}

/* 8年前, 两年后, 3个月后, 10天后; else a count of years is no date. */
static enum form
form_shift(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	(void)skip;
	if (a->u != 0) {
		if ((a->m.kind != LEX_NUM_HAN_DIGITS || a->m.ndig <= 1) &&
		    shift_match(x, a->i, &a->m, a->k, c))
			return FORM_MATCH;
		return FORM_NONE;
	}
	if ((LEX_AT(x->s, x->bend, a->k, "个月") ||
	    LEX_AT(x->s, x->bend, a->k, "天")) &&
	    shift_match(x, a->i, &a->m, a->k, c))
		return FORM_MATCH;
	return FORM_NEXT;
}

/* Four digits with no 年: 1974—1989 in a heading, 2018、2019年. */
static enum form
form_bare_year(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	(void)skip;
	if (!year_digits(&a->m) || a->m.val < 1000 || a->m.val > 2200)
		return FORM_NEXT;
	if (a->m.kind != LEX_NUM_HAN_DIGITS && bare_range(x, a->i, &a->m, c))
		return FORM_MATCH;
	if (!listed_year(x, a->k))
		return FORM_NEXT;
	c->kind = TL_ABSOLUTE;
	c->a.year = (int)a->m.val;
	c->a.prec = TL_PREC_YEAR;
	c->end = a->k;
	return FORM_MATCH;
}

/*
 * What before a month with no year says it is no date of its own: the
 * end of a range whose start was not taken (今年1月至11月 with no
 * document date), or a month of every year (每年6月).
 */
static const char *const month_not_after[] = { "至", "到", "—", "～", "-",
    "~", "每年", "每年的", NULL };

/*
 * A month with no year, its year from context: 1月4日, 三月十七日, 6月,
 * 1月20日至2月3日, 6月上旬.
 */
static enum form
form_month(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	struct tl_date d = { 0, 0, 0, TL_PREC_NONE };
	size_t k;
	long r;

	if (unit_at(x, a->k, U_MONTH) == 0 ||
	    (a->m.kind == LEX_NUM_HAN_DIGITS && a->m.ndig > 1) ||
	    lex_before_any(x->s, x->boff, a->i, month_not_after) != 0)
		return FORM_NEXT;
	r = month_day_pair(x, a->i, &d, &c->b);
	if (r < 0) {
		*skip = a->k - a->i + 3;
		return FORM_NONE;
	}
	if (d.month == 0)
		return FORM_NONE;
	if (c->b.prec != TL_PREC_NONE) {
		c->b.year = 0;
		k = (size_t)r;
	} else
		k = rel_range(x, (size_t)r, &d, c);
	c->kind = TL_RELATIVE;
	c->rel.anchor = TL_ANCHOR_PREV;
	c->rel.unit = TL_PREC_YEAR;
	c->rel.month = d.month;
	c->rel.day = d.day;
	c->rel.prec = d.prec;
	c->rel.wrap = 1;
	c->mod = timeline_zh_mod(x, &k, d.prec);
	c->end = k;
	return FORM_MATCH;
}

/* A span of months with no year: 1-6月 (the year from context). */
static enum form
form_month_span(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	size_t j;

	(void)skip;
	if ((a->m.kind != LEX_NUM_ASCII && a->m.kind != LEX_NUM_WIDE) ||
	    LEX_BEFORE(x->s, x->boff, a->i, "每年") ||
	    (j = month_span(x, a->i, &c->rel.month, &c->b.month)) == 0)
		return FORM_NEXT;
	c->kind = TL_RELATIVE;
	c->rel.anchor = TL_ANCHOR_PREV;
	c->rel.unit = TL_PREC_YEAR;
	c->rel.prec = TL_PREC_MONTH;
	c->b.prec = TL_PREC_MONTH;
	c->end = j;
	return FORM_MATCH;
}

/* What after N日 makes it a count of days (3日内, 5日游, 7日制). */
static const char *const day_not_before[] = { "内", "前", "后", "游", "间",
    "以", "之", "制", NULL };

/* A day with no month: 21日 (ASCII digits only: 一日 is "one day"). */
static enum form
form_day(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c,
    size_t *skip)
{
	size_t e;
	int d1, d2;

	(void)skip;
	/* 18、19日, 24至26日: two days of the month in hand. */
	if ((a->m.kind == LEX_NUM_ASCII || a->m.kind == LEX_NUM_WIDE) &&
	    !timeline_zh_counts(x, a->i) &&
	    (e = day_pair(x, a->i, 0, 0, &d1, &d2)) != 0) {
		c->kind = TL_RELATIVE;
		c->rel.anchor = TL_ANCHOR_PREV;
		c->rel.unit = TL_PREC_MONTH;
		c->rel.day = d1;
		c->rel.prec = TL_PREC_DAY;
		c->b.day = d2;
		c->b.prec = TL_PREC_DAY;
		c->end = e;
		return FORM_MATCH;
	}
	if ((a->m.kind != LEX_NUM_ASCII && a->m.kind != LEX_NUM_WIDE) ||
	    a->m.ndig > 2 || !LEX_AT(x->s, x->bend, a->k, "日") ||
	    a->m.val < 1 || a->m.val > 31 ||
	    lex_at_any(x->s, x->bend, a->k + 3, day_not_before) != 0 ||
	    timeline_zh_counts(x, a->i) ||
	    LEX_BEFORE(x->s, x->boff, a->i, "连续"))
		return FORM_NEXT;
	c->kind = TL_RELATIVE;
	c->rel.anchor = TL_ANCHOR_PREV;
	c->rel.unit = TL_PREC_MONTH;
	c->rel.day = (int)a->m.val;
	c->rel.prec = TL_PREC_DAY;
	c->end = a->k + 3;
	return FORM_MATCH;
}

/* The forms, in the order they are tried. */
static enum form (*const num_forms[])(const struct tl_ctx *,
    const struct num_at *, struct tl_cand *, size_t *) = {
	form_century, form_decade, form_year, form_bc_grouped, form_shift,
	form_bare_year,
	form_month, form_month_span, form_day
};

/*
 * An empty candidate.  The recognizers clear one at each candidate they
 * may fill by copying this, a few vector moves, where a memset of the
 * size is a string instruction that is slow to start; and only once a
 * candidate may be filled, not at every key character.
 */
static const struct tl_cand cand_empty;

/* A date that begins with the numeral m at i. */
static int
num_match(const struct tl_ctx *x, size_t i, const struct lex_num *m,
    struct tl_cand *c, size_t *skip)
{
	struct num_at a;
	size_t f;
	enum form r;

	a.m = *m;
	*skip = a.m.len;
	if (timeline_zh_bad_before(x, i))
		return 0;
	a.i = i;
	a.k = i + a.m.len;
	a.u = unit_at(x, a.k, U_YEAR);
	c->off = i;
	for (f = 0; f < sizeof num_forms / sizeof num_forms[0]; f++)
		if ((r = num_forms[f](x, &a, c, skip)) != FORM_NEXT)
			return r == FORM_MATCH;
	return 0;
}

/* A relative word at i. */
static int
word_match(const struct tl_ctx *x, size_t i, struct tl_cand *c)
{
	const struct tl_relword *w;
	struct tl_date d = { 0, 0, 0, TL_PREC_NONE };
	struct lex_num m;
	size_t len, k, j, u;
	long r;

	for (w = timeline_zh_relwords; w->w != NULL; w++) {
		if (tl_may_at(x->s, x->bend, i, w->w) &&
		    (len = strlen(w->w)) <= x->bend - i &&
		    memcmp(x->s + i, w->w, len) == 0)
			break;
	}
	if (w->w == NULL)
		return 0;
	/* 当年 in 当年代, 同年龄, 今年度: other words. */
	k = i + len;
	if (lex_at_any(x->s, x->bend, k, timeline_zh_relword_not_before))
		return 0;
	if (lex_before_any(x->s, x->boff, i, timeline_zh_relword_not_after))
		return 0;
	*c = cand_empty;
	c->off = i;
	c->kind = TL_RELATIVE;
	c->rel.anchor = w->anchor;
	c->rel.unit = w->unit;
	c->rel.delta = w->delta;
	c->rel.prec = w->unit;
	if (w->more == 1 && (j = month_span(x, k, &c->rel.month,
	    &c->b.month)) != 0) {
		c->rel.prec = TL_PREC_MONTH;
		c->b.prec = TL_PREC_MONTH;
		k = j;
	} else if (w->more == 1) {
		r = month_day(x, k, &d);
		if (r < 0)
			return 0;
		if (d.month != 0) {
			c->rel.month = d.month;
			c->rel.day = d.day;
			c->rel.prec = d.prec;
			k = rel_range(x, (size_t)r, &d, c);
		}
	} else if (w->more == 2) {
		j = spaces(x, k);
		if (lex_num(x->s, x->bend, j, &m) != 0 &&
		    (u = unit_at(x, j + m.len, U_DAY)) != 0) {
			if (m.val < 1 || m.val > 31)
				return 0;
			c->rel.day = (int)m.val;
			c->rel.prec = TL_PREC_DAY;
			k = j + m.len + u;
		}
	}
	if (c->rel.prec <= TL_PREC_MONTH)
		c->mod = timeline_zh_mod(x, &k, c->rel.prec);
	else if (w->more == 0 && timeline_zh_since(x, c->off, &k) != 0) {
		/* 即日起, 次日起: an open range from that day on. */
		c->mod = TL_MOD_SINCE;
		k += LEX_AT(x->s, x->bend, k, "起") ? 3 : 0;
	}
	c->end = k;
	return 1;
}

/*
 * A century named without a numeral: 上世纪末, 本世纪初.  上世纪 before
 * a decade (上世纪90年代) is left to the decade, which looks back for it.
 */
static int
century_word(const struct tl_ctx *x, size_t i, struct tl_cand *c)
{
	const char *s = x->s;
	size_t k;
	int base;

	if (LEX_AT(s, x->bend, i, "上世纪") || LEX_AT(s, x->bend, i, "上世紀"))
		k = i + 9, base = x->doc_year >= 2100 ? 2000 : 1900;
	else if (LEX_AT(s, x->bend, i, "上个世纪") ||
	    LEX_AT(s, x->bend, i, "上個世紀"))
		k = i + 12, base = x->doc_year >= 2100 ? 2000 : 1900;
	else if (LEX_AT(s, x->bend, i, "本世纪") ||
	    LEX_AT(s, x->bend, i, "本世紀"))
		k = i + 9, base = x->doc_year >= 2100 ? 2100 : 2000;
	else
		return 0;
	if (lex_num_start(s, x->bend, spaces(x, k)))
		return 0;
	*c = cand_empty;
	c->off = i;
	c->kind = TL_DECADE;
	c->a.year = base;
	c->a.prec = TL_PREC_CENTURY;
	c->mod = timeline_zh_decade_mod(x, &k);
	c->end = k;
	return 1;
}

int
timeline_zh_match(const struct tl_ctx *x, size_t i, struct tl_cand *c,
    size_t *skip)
{
	unsigned char b = (unsigned char)x->s[i];
	struct lex_num m;
	int next;

	*skip = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
	if (lex_num(x->s, x->bend, i, &m) != 0) {
		/*
		 * Most numerals are no date (一个, 十分, 2000万): the
		 * character after one says so before any form is tried.
		 */
		*skip = m.len;
		if ((next = timeline_zh_next(x, i + m.len)) == 0)
			return 0;
		*c = cand_empty;
		c->off = i;
		if ((next & (TL_NEXT_LUNAR | TL_NEXT_CLOCK)) &&
		    timeline_chron_maybe(x, i) && (((next & TL_NEXT_LUNAR) &&
		    timeline_lunar_match(x, i, 0, c)) ||
		    ((next & TL_NEXT_CLOCK) && timeline_time_match(x, i, c))))
			return 1;
		return num_match(x, i, &m, c, skip);
	}
	if (timeline_chron_maybe(x, i)) {
		*c = cand_empty;
		c->off = i;
		if (timeline_lunar_match(x, i, 0, c) ||
		    timeline_time_match(x, i, c) ||
		    timeline_zh_era_word(x, i, c))
			return 1;
	}
	if (timeline_chron_only(x, i))
		return 0;
	if (LEX_AT(x->s, x->bend, i, "上") || LEX_AT(x->s, x->bend, i, "本"))
		return century_word(x, i, c);
	return word_match(x, i, c);
}
