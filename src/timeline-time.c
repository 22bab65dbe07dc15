/*
 * timeline-time.c - the time of day after a day: 19时50分, 凌晨2时, 当晚.
 *
 * timeline.c calls timeline_time() at the end of an expression of a day
 * (2020年2月8日, 次日, 17号).  It reads, with no state, an optional part
 * of the day (a word from the table parts[]) and an optional clock time
 * (N时, N点, N时M分, N点半, HH:MM, HH：MM), and writes the time in TIMEX3
 * style: "19:50" for a clock time (24时 is "24:00", the end of that day),
 * else the part of the day's code ("MO", "MI", "AF", "EV", "NI").  An
 * afternoon or evening word moves an hour before 12 into the afternoon
 * (下午3时 is 15:00); 凌晨 and 上午 keep it.
 */
#include "config.h"

#include <string.h>

#include "timeline-int.h"

/*
 * The parts of the day, longest words first where one is a prefix; each
 * with its length, since they are tried at every candidate time.
 */
#define P(w, code, pm) { w, sizeof w - 1, code, pm }
static const struct part {
	const char *w;
	size_t len;		/* bytes of w */
	const char *code;	/* TIMEX3 part of day */
	int pm;			/* an hour before 12 is after noon */
} parts[] = {
	P("凌晨", "NI", 0), P("深夜", "NI", 1), P("夜间", "NI", 1),
	P("夜里", "NI", 1), P("半夜", "NI", 0), P("清晨", "MO", 0),
	P("早晨", "MO", 0), P("早上", "MO", 0), P("上午", "MO", 0),
	P("中午", "MI", 1), P("午后", "AF", 1), P("下午", "AF", 1),
	P("傍晚", "EV", 1), P("晚上", "EV", 1), P("晚间", "EV", 1),
	P("当晚", "EV", 1), P("當晚", "EV", 1), P("当夜", "NI", 1),
	P("晚", "EV", 1), P("夜", "NI", 1), P("早", "MO", 0),
	{ NULL, 0, NULL, 0 }
};
#undef P

/* The part of the day at k, or NULL; its length in *len. */
static const struct part *
part_at(const struct tl_ctx *x, size_t k, size_t *len)
{
	const struct part *p;

	/* Every part starts with one of these: most places have none. */
	switch (lex_cp3(x->s, x->bend, k)) {
	case 0x51cc: case 0x6df1:	/* 凌 深 */
	case 0x591c: case 0x534a:	/* 夜 半 */
	case 0x6e05: case 0x65e9:	/* 清 早 */
	case 0x4e0a: case 0x4e2d:	/* 上 中 */
	case 0x5348: case 0x4e0b:	/* 午 下 */
	case 0x508d: case 0x665a:	/* 傍 晚 */
	case 0x5f53: case 0x7576:	/* 当 當 */
		break;
	default:
		return NULL;
	}
	for (p = parts; p->w != NULL; p++) {
		if (!tl_may_at(x->s, x->bend, k, p->w))
			continue;
		*len = p->len;
		if (k + *len <= x->bend && memcmp(x->s + k, p->w, *len) == 0)
			break;
	}
	if (p->w == NULL)
		return NULL;
	/* 晚, 夜, 早 alone only before a clock time or punctuation. */
	if (*len == 3 && lex_is_han(x->s, x->bend, k + 3))
		return NULL;
	return p;
}

/* A number of at most two digits (ASCII, full-width or Chinese) at k. */
static size_t
small_num(const struct tl_ctx *x, size_t k, int *v)
{
	struct lex_num m;

	if (lex_num(x->s, x->bend, k, &m) == 0 ||
	    (m.kind != LEX_NUM_HAN && m.ndig > 2) || m.val > 59)
		return 0;
	*v = (int)m.val;
	return m.len;
}

/*
 * A clock time at k: 19时50分, 9点, 9点半, 13时, 19:50, 24：00.  Returns
 * its end, or k when there is none; the hour and minute in *h and *m.
 */
static size_t
clock_at(const struct tl_ctx *x, size_t k, int *h, int *m)
{
	const char *s = x->s;
	size_t n = x->bend, len, j;

	if ((len = small_num(x, k, h)) == 0 || *h > 24)
		return k;
	j = k + len;
	*m = 0;
	if (LEX_AT(s, n, j, "时") || LEX_AT(s, n, j, "時") ||
	    LEX_AT(s, n, j, "点") || LEX_AT(s, n, j, "點")) {
		j += 3;
		if (LEX_AT(s, n, j, "半"))
			return *m = 30, j + 3;
		if ((len = small_num(x, j, m)) != 0 &&
		    LEX_AT(s, n, j + len, "分"))
			return j + len + 3;
		/* 3时许, 13时左右: the hour stands. */
		*m = 0;
		return j;
	}
	if (j < n && s[j] == ':')
		j++;
	else if (LEX_AT(s, n, j, "："))
		j += 3;
	else
		return k;
	if (j + 2 > n || s[j] < '0' || s[j] > '5' || s[j + 1] < '0' ||
	    s[j + 1] > '9' || (j + 2 < n && s[j + 2] >= '0' &&
	    s[j + 2] <= '9'))
		return k;
	*m = (s[j] - '0') * 10 + (s[j + 1] - '0');
	return j + 2;
}

size_t
timeline_time(const struct tl_ctx *x, size_t off, size_t k, char *tod)
{
	const struct part *p = NULL, *q;
	size_t len, j;
	int h, m;

	tod[0] = '\0';
	/* 当晚, 当夜 are the day and its part. */
	if ((q = part_at(x, off, &len)) != NULL && off + len == k)
		p = q;
	if ((q = part_at(x, k, &len)) != NULL) {
		p = q;
		k += len;
	}
	if ((j = clock_at(x, k, &h, &m)) > k) {
		if (p != NULL && p->pm && h < 12)
			h += 12;
		if (h == 24 && m != 0)
			return k;
		tod[0] = (char)('0' + h / 10);
		tod[1] = (char)('0' + h % 10);
		tod[2] = ':';
		tod[3] = (char)('0' + m / 10);
		tod[4] = (char)('0' + m % 10);
		tod[5] = '\0';
		return j;
	}
	if (p != NULL)
		memcpy(tod, p->code, 3);
	return k;
}

/* Does a part of the day end right before i? */
static int
part_before(const struct tl_ctx *x, size_t i)
{
	const struct part *p;
	size_t len;

	for (p = parts; p->w != NULL; p++) {
		len = p->len;
		if (i >= x->boff + len && x->s[i - 1] == p->w[len - 1] &&
		    memcmp(x->s + i - len, p->w, len) == 0)
			return 1;
	}
	return 0;
}

/* What before a time makes it one of every day, not of the anchor's. */
static const char *const every[] = { "每天", "每日", "每晚", "每", "天天",
    NULL };

/* What before a part of the day alone shows it opens its clause. */
static const char *const clause_open[] = { "，", "。", "；", "：", "！",
    "？", "、", "\n", " ", ",", NULL };

/* What after 时 makes another word: 时期, 时候, 时代. */
static const char *const not_hour[] = { "期", "候", "代", "段", "辰", "间",
    NULL };

/* Is the clock time [k, j) written with 点 and neither 分, 半 nor 钟? */
static int
bare_dian(const struct tl_ctx *x, size_t k, size_t j)
{
	size_t w;

	for (w = k; w + 3 <= j; w++)
		if (LEX_AT(x->s, j, w, "点") || LEX_AT(x->s, j, w, "點"))
			return !LEX_BEFORE(x->s, k, j, "分") &&
			    !LEX_BEFORE(x->s, k, j, "半") &&
			    !LEX_AT(x->s, x->bend, j, "钟") &&
			    !LEX_AT(x->s, x->bend, j, "鐘");
	return 0;
}

int
timeline_time_match(const struct tl_ctx *x, size_t i, struct tl_cand *c)
{
	const struct part *p;
	size_t len = 0, j, e;
	int h, m;
	char tod[6];

	/* 当晚, 当夜 are relative words of their own. */
	if ((p = part_at(x, i, &len)) != NULL && (LEX_AT(x->s, x->bend, i,
	    "当") || LEX_AT(x->s, x->bend, i, "當")))
		return 0;
	j = p != NULL ? i + len : i;
	/* With neither a part of the day nor a clock there is nothing. */
	if ((e = clock_at(x, j, &h, &m)) == j && p == NULL)
		return 0;
	if (lex_before_any(x->s, x->boff, i, every) ||
	    timeline_zh_bad_before(x, i))
		return 0;
	/* 每天晚上8时: the part of the day before was looked at already. */
	if (p == NULL && part_before(x, i))
		return 0;
	if (e > j) {
		if (p == NULL && (bare_dian(x, j, e) ||
		    lex_at_any(x->s, x->bend, e, not_hour) ||
		    /* 一时, 四时 alone are words: a moment, the seasons. */
		    (lex_han_digit(x->s, x->bend, j) >= 0 &&
		    !LEX_BEFORE(x->s, j, e, "分") &&
		    !LEX_AT(x->s, x->bend, e, "钟") &&
		    !LEX_AT(x->s, x->bend, e, "鐘")) ||
		    /* 3:15 may be a score; 08:30 and 20:30 are times. */
		    (e - j == 4 && x->s[j + 1] == ':')))
			return 0;
		e = timeline_time(x, i, i, tod);
		if (e == i || tod[0] == '\0')
			return 0;
	} else if (p != NULL && (i == x->boff ||
	    lex_before_any(x->s, x->boff, i, clause_open)) &&
	    (LEX_AT(x->s, x->bend, j, "，") || LEX_AT(x->s, x->bend, j, "：") ||
	    (j < x->bend && x->s[j] == ','))) {
		memcpy(tod, p->code, 3);
		e = j;
	} else
		return 0;
	c->kind = TL_RELATIVE;
	c->rel.anchor = TL_ANCHOR_PREV;
	c->rel.unit = TL_PREC_DAY;
	c->rel.prec = TL_PREC_DAY;
	memcpy(c->tod, tod, sizeof tod);
	c->end = e;
	return 1;
}
