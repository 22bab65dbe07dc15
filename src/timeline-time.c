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

/* The parts of the day, longest words first where one is a prefix. */
static const struct part {
	const char *w;
	const char *code;	/* TIMEX3 part of day */
	int pm;			/* an hour before 12 is after noon */
} parts[] = {
	{ "凌晨", "NI", 0 }, { "深夜", "NI", 1 }, { "夜间", "NI", 1 },
	{ "夜里", "NI", 1 }, { "半夜", "NI", 0 }, { "清晨", "MO", 0 },
	{ "早晨", "MO", 0 }, { "早上", "MO", 0 }, { "上午", "MO", 0 },
	{ "中午", "MI", 1 }, { "午后", "AF", 1 }, { "下午", "AF", 1 },
	{ "傍晚", "EV", 1 }, { "晚上", "EV", 1 }, { "晚间", "EV", 1 },
	{ "当晚", "EV", 1 }, { "當晚", "EV", 1 }, { "当夜", "NI", 1 },
	{ "晚", "EV", 1 }, { "夜", "NI", 1 }, { "早", "MO", 0 },
	{ NULL, NULL, 0 }
};

/* The part of the day at k, or NULL; its length in *len. */
static const struct part *
part_at(const struct tl_ctx *x, size_t k, size_t *len)
{
	const struct part *p;

	for (p = parts; p->w != NULL; p++) {
		*len = strlen(p->w);
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

	if (!lex_num_start(x->s, x->bend, k) ||
	    lex_num(x->s, x->bend, k, &m) == 0 ||
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
