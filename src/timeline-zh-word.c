/*
 * timeline-zh-word.c - what the words around a Chinese date say of it.
 *
 * A recognizer in timeline-zh.c has read a date; the functions here look
 * at the few characters after it and before it, and at the rest of its
 * clause, and answer with a modifier (底 is END, 上旬 START, 前后
 * APPROX), a kind (a plan's year is a target), or an aside (a flashback,
 * the name of an event).  The words are static tables, longest first
 * where one is the prefix of another, matched by lex_at_any() and
 * lex_before_any() at a character boundary.
 */
#include "config.h"

#include <string.h>

#include "timeline-int.h"

/* Words that begin with a fuzzy character: 初步, 初次, 春节, 冬奥会. */
static const char *const not_start[] = { "初步", "初次", "初中", "初级",
    "初心", NULL };
static const char *const not_season[] = { "春节", "春运", "春晚", "夏令",
    "冬奥", "冬残", NULL };

/* The fuzzy words after a month: 上旬, 中旬, 下旬. */
static const struct modword {
	const char *w;
	enum tl_mod mod;
} month_parts[] = {
	{ "上旬", TL_MOD_START }, { "中旬", TL_MOD_MID },
	{ "下旬", TL_MOD_END }, { NULL, TL_MOD_NONE }
}, any_parts[] = {
	/* After any date: about, since, on the eve of. */
	{ "前后", TL_MOD_APPROX }, { "左右", TL_MOD_APPROX },
	{ "前後", TL_MOD_APPROX }, { "以来", TL_MOD_SINCE },
	{ "以來", TL_MOD_SINCE }, { "前夕", TL_MOD_BEFORE },
	{ NULL, TL_MOD_NONE }
}, decade_parts[] = {
	/* After 年代 or 世纪; longer words before their prefixes. */
	{ "初期", TL_MOD_START }, { "前期", TL_MOD_START },
	{ "早期", TL_MOD_START }, { "初叶", TL_MOD_START },
	{ "上半叶", TL_MOD_START }, { "初", TL_MOD_START },
	{ "中后期", TL_MOD_END }, { "中期", TL_MOD_MID },
	{ "中叶", TL_MOD_MID }, { "末期", TL_MOD_END },
	{ "后期", TL_MOD_END }, { "後期", TL_MOD_END },
	{ "晚期", TL_MOD_END }, { "末叶", TL_MOD_END },
	{ "下半叶", TL_MOD_END }, { "末", TL_MOD_END },
	{ "以来", TL_MOD_SINCE }, { "以來", TL_MOD_SINCE },
	{ NULL, TL_MOD_NONE }
};

/* The word of table t at k: its modifier, its length in *len. */
static enum tl_mod
modword_at(const struct tl_ctx *x, size_t k, const struct modword *t,
    size_t *len)
{
	for (; t->w != NULL; t++) {
		if (!tl_may_at(x->s, x->bend, k, t->w))
			continue;
		*len = strlen(t->w);
		if (k + *len <= x->bend && memcmp(x->s + k, t->w, *len) == 0)
			return t->mod;
	}
	*len = 0;
	return TL_MOD_NONE;
}

enum tl_mod
timeline_zh_mod(const struct tl_ctx *x, size_t *kp, enum tl_prec prec)
{
	const char *s = x->s;
	size_t n = x->bend, k = *kp;
	enum tl_mod mod = TL_MOD_NONE;
	size_t len = 0;

	/* Every word starts with one of these: most dates have none. */
	switch (lex_cp3(s, n, k)) {
	case 0x521d: case 0x5e95:	/* 初 底 */
	case 0x672b: case 0x4e2d:	/* 末 中 */
	case 0x4e0a: case 0x4e0b:	/* 上 下 */
	case 0x6625: case 0x590f:	/* 春 夏 */
	case 0x79cb: case 0x51ac:	/* 秋 冬 */
	case 0x524d: case 0x5de6:	/* 前 左 */
	case 0x4ee5:			/* 以 */
		break;
	default:
		return TL_MOD_NONE;
	}
	if (prec == TL_PREC_YEAR || prec == TL_PREC_MONTH) {
		if (LEX_AT(s, n, k, "初") && !lex_at_any(s, n, k, not_start))
			mod = TL_MOD_START, len = 3;
		else if (LEX_AT(s, n, k, "底") || (LEX_AT(s, n, k, "末") &&
		    !LEX_AT(s, n, k + 3, "期")))
			mod = TL_MOD_END, len = 3;
		else if (LEX_AT(s, n, k, "中") && k + 3 <= n &&
		    !lex_is_han(s, n, k + 3))
			mod = TL_MOD_MID, len = 3;
	}
	if (prec == TL_PREC_YEAR && mod == TL_MOD_NONE) {
		if (LEX_AT(s, n, k, "上半年"))
			mod = TL_MOD_START, len = 9;
		else if (LEX_AT(s, n, k, "下半年"))
			mod = TL_MOD_END, len = 9;
		else if (lex_at_any(s, n, k, not_season))
			;
		else if (LEX_AT(s, n, k, "春"))
			mod = TL_MOD_SPRING, len = 3;
		else if (LEX_AT(s, n, k, "夏"))
			mod = TL_MOD_SUMMER, len = 3;
		else if (LEX_AT(s, n, k, "秋"))
			mod = TL_MOD_AUTUMN, len = 3;
		else if (LEX_AT(s, n, k, "冬"))
			mod = TL_MOD_WINTER, len = 3;
		if (mod >= TL_MOD_SPRING && (LEX_AT(s, n, k + 3, "季") ||
		    LEX_AT(s, n, k + 3, "天")))
			len += 3;
	}
	if (prec == TL_PREC_MONTH && mod == TL_MOD_NONE)
		mod = modword_at(x, k, month_parts, &len);
	k += len;
	if (mod == TL_MOD_NONE) {
		mod = modword_at(x, k, any_parts, &len);
		k += len;
	}
	*kp = k;
	return mod;
}

/* Does c start one of plan_clause()'s words? */
static int
plan_start(unsigned c)
{
	switch (c) {
	case 0x5c06: case 0x529b:	/* 将 力 */
	case 0x4e89: case 0x9884:	/* 争 预 */
	case 0x8ba1: case 0x6709:	/* 计 有 */
	case 0x76ee: case 0x5c4a:	/* 目 届 */
	case 0x89c4: case 0x53ef:	/* 规 可 */
	case 0x786e: case 0x8981:	/* 确 要 */
	case 0x57fa: case 0x5168:	/* 基 全 */
	case 0x8fdc: case 0x62df:	/* 远 拟 */
		return 1;
	default:
		return 0;
	}
}

/*
 * Words around a year, in its clause, that say it is a plan's target:
 * the few characters before it (计划, 力争到) and the rest of the clause.
 */
static int
plan_clause(const struct tl_ctx *x, size_t off, size_t k)
{
	static const char *const words[] = { "将", "力争", "争取", "预计",
	    "计划", "有望", "目标", "届时", "规划", "预期", "可望", "确保",
	    "要在", "要实现", "基本实现", "基本建成", "全面建成", "远景", "拟",
	    NULL };
	const char *s = x->s;
	size_t lim = k + 240 < x->bend ? k + 240 : x->bend, j, w, len;

	j = off >= x->boff + 12 ? off - 12 : x->boff;
	while (j < off && ((unsigned char)s[j] & 0xc0) == 0x80)
		j++;
	for (w = j; w < off; w++)
		if (LEX_AT(s, off, w, "。") || LEX_AT(s, off, w, "，") ||
		    LEX_AT(s, off, w, "；") || s[w] == '\n')
			j = w + 1;
	for (; j < lim; j++) {
		/*
		 * Only the start of a character can start a word or a stop,
		 * and only a few characters start the words: one decoding
		 * and one switch at each, not the table.
		 */
		if (((unsigned char)s[j] & 0xc0) == 0x80 ||
		    ((unsigned char)s[j] < 0x80 && s[j] != '\n'))
			continue;
		if (LEX_AT(s, lim, j, "。") || LEX_AT(s, lim, j, "；") ||
		    LEX_AT(s, lim, j, "！") || LEX_AT(s, lim, j, "？") ||
		    s[j] == '\n')
			break;
		if (!plan_start(lex_cp3(s, lim, j)))
			continue;
		for (w = 0; words[w] != NULL; w++) {
			if (!tl_may_at(s, lim, j, words[w]))
				continue;
			len = strlen(words[w]);
			if (j + len <= lim &&
			    memcmp(s + j, words[w], len) == 0 &&
			    !LEX_AT(s, lim, j, "将军"))
				return 1;
		}
	}
	return 0;
}

/* Words right before or after a year that make it a plan's target. */
static const char *const plan_before[] = { "将于", "将在", "拟于",
    "预计于", "计划于", "有望于", "有望在", NULL };
static const char *const plan_after[] = { "远景", "目标", "规划", "愿景",
    "发展目标", NULL };

/* Decide whether a year at [off, k) is a plan's target year. */
int
timeline_zh_target(const struct tl_ctx *x, size_t off, size_t k, int year)
{
	const char *s = x->s;
	size_t n = x->bend, lo = x->boff;
	/*
	 * The character before the year, decoded once: every word looked
	 * for before it ends in one (于 在 、 和 到 至).
	 */
	unsigned b = off >= lo + 3 ? lex_cp3(s, off, off - 3) : 0;

	if ((b == 0x4e8e || b == 0x5728) &&
	    lex_before_any(s, lo, off, plan_before))
		return x->doc_year == 0 || year >= x->doc_year;
	if (lex_at_any(s, n, k, plan_after))
		return 1;
	/* 到2025年、2035年和本世纪中叶的目标: the list shares the target. */
	if ((b == 0x3001 || b == 0x548c) && plan_clause(x, off, k) &&
	    !LEX_BEFORE(s, lo, off, "将和"))
		return 1;
	if ((b == 0x5230 && !LEX_BEFORE(s, lo, off, "直到")) ||
	    (b == 0x81f3 && !LEX_BEFORE(s, lo, off, "截至")) ||
	    b == 0x5728 || LEX_AT(s, n, k, "前")) {
		if (plan_clause(x, off, k))
			return 1;
		if (x->doc_year != 0 && year > x->doc_year && b != 0x5728 &&
		    !LEX_AT(s, n, k, "前"))
			return 1;
	}
	return 0;
}

/* A decade's modifier after 年代: 初, 中期, 末, 后期, 以来, and 中 alone. */
enum tl_mod
timeline_zh_decade_mod(const struct tl_ctx *x, size_t *kp)
{
	size_t len;
	enum tl_mod mod = modword_at(x, *kp, decade_parts, &len);

	if (mod == TL_MOD_NONE && LEX_AT(x->s, x->bend, *kp, "中") &&
	    !lex_is_han(x->s, x->bend, *kp + 3))
		mod = TL_MOD_MID, len = 3;
	*kp += len;
	return mod;
}

/* Negative prefixes: 近2000年, 长达1000年 count years, not name one. */
int
timeline_zh_counts(const struct tl_ctx *x, size_t i)
{
	/* The lengths are the literals' own: this runs at every year. */
#define W(lit) { lit, sizeof lit - 1 }
	static const struct {
		const char *w;
		size_t len;
	} words[] = { W("近"), W("长达"), W("历经"), W("超过"), W("逾"),
	    W("经过"), W("整整"), W("上下"), W("持续了"), W("历时"),
	    W("用了"), W("花了"), W("延续了"), W("存在了"), W("相隔"),
	    W("相距"), W("距今") };
#undef W
	size_t w, len;

	/* Each word ends in one of these characters. */
	if (i < x->boff + 3)
		return 0;
	switch (lex_cp3(x->s, i, i - 3)) {
	case 0x8fd1: case 0x8fbe:	/* 近 达 */
	case 0x7ecf: case 0x8fc7:	/* 经 过 */
	case 0x903e: case 0x6574:	/* 逾 整 */
	case 0x4e0b: case 0x4e86:	/* 下 了 */
	case 0x65f6: case 0x9694:	/* 时 隔 */
	case 0x8ddd: case 0x4eca:	/* 距 今 */
		break;
	default:
		return 0;
	}
	for (w = 0; w < sizeof words / sizeof words[0]; w++) {
		len = words[w].len;
		if (i >= x->boff + len &&
		    x->s[i - 1] == words[w].w[len - 1] &&
		    memcmp(x->s + i - len, words[w].w, len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Is the date at [off, k) an aside that the narrative does not move to:
 * a flashback (还要追溯到2011年, 早在2009年) or the name of an event
 * (2026年世界杯, 2008年奥运会)?  Later relative expressions count from
 * the date before it.
 */
int
timeline_zh_aside(const struct tl_ctx *x, size_t off, size_t k,
    const struct tl_date *d)
{
	static const char *const names[] = { "世界杯", "奥运会", "冬奥会",
	    "亚运会", "世博会", "全运会", "欧洲杯", "亚洲杯", "美洲杯", "冬奥",
	    "奥运", "版", "款", "届", NULL };
	const char *s = x->s;
	size_t w, len;

	if (LEX_BEFORE(s, x->boff, off, "追溯到") ||
	    LEX_BEFORE(s, x->boff, off, "追溯至") ||
	    LEX_BEFORE(s, x->boff, off, "回溯到") ||
	    LEX_BEFORE(s, x->boff, off, "早在"))
		return TL_ASIDE_FLASHBACK;
	if (d->prec != TL_PREC_YEAR)
		return 0;
	for (w = 0; names[w] != NULL; w++) {
		if (!tl_may_at(s, x->bend, k, names[w]))
			continue;
		len = strlen(names[w]);
		if (k + len <= x->bend && memcmp(s + k, names[w], len) == 0)
			return TL_ASIDE_NAME;
	}
	return 0;
}

/* Relative words that need no numeral: 当天, 次年, 同年6月, 去年. */
const struct tl_relword timeline_zh_relwords[] = {
	{ "当天", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "即日", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "当日", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "当晚", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "当夜", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "同日", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "同一天", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "次日", TL_ANCHOR_PREV, TL_PREC_DAY, 1, 0 },
	{ "翌日", TL_ANCHOR_PREV, TL_PREC_DAY, 1, 0 },
	{ "第二天", TL_ANCHOR_PREV, TL_PREC_DAY, 1, 0 },
	{ "前一天", TL_ANCHOR_PREV, TL_PREC_DAY, -1, 0 },
	{ "同年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "当年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "这一年的", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "这一年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "那一年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "那年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "这年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "该年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "次年", TL_ANCHOR_PREV, TL_PREC_YEAR, 1, 1 },
	{ "翌年", TL_ANCHOR_PREV, TL_PREC_YEAR, 1, 1 },
	{ "第二年", TL_ANCHOR_PREV, TL_PREC_YEAR, 1, 1 },
	{ "转年", TL_ANCHOR_PREV, TL_PREC_YEAR, 1, 1 },
	{ "前一年", TL_ANCHOR_PREV, TL_PREC_YEAR, -1, 1 },
	{ "今年", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, 0, 1 },
	{ "去年", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, -1, 1 },
	{ "前年", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, -2, 1 },
	{ "明年", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, 1, 1 },
	/* Traditional characters. */
	{ "當天", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "當日", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "當晚", TL_ANCHOR_PREV, TL_PREC_DAY, 0, 0 },
	{ "隔天", TL_ANCHOR_PREV, TL_PREC_DAY, 1, 0 },
	{ "隔日", TL_ANCHOR_PREV, TL_PREC_DAY, 1, 0 },
	{ "當年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "這一年的", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "這一年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "這年", TL_ANCHOR_PREV, TL_PREC_YEAR, 0, 1 },
	{ "隔年", TL_ANCHOR_PREV, TL_PREC_YEAR, 1, 1 },
	{ "當月", TL_ANCHOR_PREV, TL_PREC_MONTH, 0, 2 },
	{ "同月", TL_ANCHOR_PREV, TL_PREC_MONTH, 0, 2 },
	{ "当月", TL_ANCHOR_PREV, TL_PREC_MONTH, 0, 2 },
	{ "次月", TL_ANCHOR_PREV, TL_PREC_MONTH, 1, 2 },
	{ "翌月", TL_ANCHOR_PREV, TL_PREC_MONTH, 1, 2 },
	{ NULL, 0, 0, 0, 0 }
};

/* What after a relative word makes another word: 当年代, 同年龄, 今年度. */
const char *const timeline_zh_relword_not_before[] = { "龄", "级", "度",
    "代",
    "报", "刊", NULL };

/* What before a relative word makes it part of another: 每年, 相同, 结转年限. */
const char *const timeline_zh_relword_not_after[] = { "每", "相", "结",
    "結",
    NULL };

/*
 * 前 alone before a numeral at i, as chronicles write years before the
 * era (前221年, 约前1950年, 前21世纪): at a clause's start or after 约.
 * Elsewhere 前 ends a word (之前, 以前, 年前).  Returns 3 or 0.
 */
size_t
timeline_zh_bc_alone(const struct tl_ctx *x, size_t i)
{
	if (!LEX_BEFORE(x->s, x->boff, i, "前"))
		return 0;
	if (i == x->boff + 3 || !lex_is_han(x->s, x->bend, i - 6) ||
	    LEX_BEFORE(x->s, x->boff, i - 3, "约"))
		return 3;
	return 0;
}

/* What after 起 makes another word: 起诉, 起步, 起草. */
static const char *const qi_words[] = { "诉", "訴", "步", "草", "飞", "飛",
    "义", "義", "来", "來", "床", "火", "见", "見", "点", "點", "源", "跑",
    "航", "初", "始", "身", "色", "因", "码", "碼", NULL };

/* Words after 起 that begin what runs from then on. */
static const char *const qi_then[] = { "实施", "施行", "执行", "生效",
    "开始", "正式", "全面", "恢复", "暂停", "停止", "启用", "实行", "封闭",
    "關閉", "关闭", "實施", "執行", "開始", "恢復", NULL };

/* 自, 从 and 自从 before or at off. */
static const char *const from_words[] = { "自从", "自從", "自", "从", "從",
    NULL };

enum tl_mod
timeline_zh_since(const struct tl_ctx *x, size_t off, size_t *kp)
{
	const char *s = x->s;
	size_t n = x->bend, k = *kp;
	int from;

	if (LEX_AT(s, n, k, "以来") || LEX_AT(s, n, k, "以來")) {
		*kp = k + 6;
		return TL_MOD_SINCE;
	}
	if (!LEX_AT(s, n, k, "起") || lex_at_any(s, n, k + 3, qi_words))
		return TL_MOD_NONE;
	from = lex_at_any(s, n, off, from_words) != 0 ||
	    lex_before_any(s, x->boff, off, from_words) != 0;
	if (from || k + 3 >= n || !lex_is_han(s, n, k + 3) ||
	    lex_at_any(s, n, k + 3, qi_then))
		return TL_MOD_SINCE;
	return TL_MOD_NONE;
}

/* Years one (元年) of an era, and the year they are. */
static const struct {
	const char *w;
	int year;
} first_years[] = {
	{ "民国元年", 1912 }, { "民國元年", 1912 }, { "公元元年", 1 },
	{ "西元元年", 1 }, { NULL, 0 }
};

int
timeline_zh_era_word(const struct tl_ctx *x, size_t i, struct tl_cand *c)
{
	struct lex_num m;
	size_t k, f;

	for (f = 0; first_years[f].w != NULL; f++)
		if (i + 12 <= x->bend && memcmp(x->s + i, first_years[f].w,
		    12) == 0)
			break;
	if (first_years[f].w == NULL)
		return 0;
	c->off = i;
	c->kind = TL_ABSOLUTE;
	c->a.year = first_years[f].year;
	c->a.prec = TL_PREC_YEAR;
	k = i + 12;
	/* 民国元年1月1日: the month and day, checked as any date's. */
	if (lex_num(x->s, x->bend, k, &m) != 0 && m.val >= 1 && m.val <= 12 &&
	    LEX_AT(x->s, x->bend, k + m.len, "月")) {
		c->a.month = (int)m.val;
		c->a.prec = TL_PREC_MONTH;
		k += m.len + 3;
		if (lex_num(x->s, x->bend, k, &m) != 0 && m.val >= 1 &&
		    m.val <= lex_mdays(c->a.year, c->a.month) &&
		    (LEX_AT(x->s, x->bend, k + m.len, "日") ||
		    LEX_AT(x->s, x->bend, k + m.len, "号"))) {
			c->a.day = (int)m.val;
			c->a.prec = TL_PREC_DAY;
			k += m.len + 3;
		}
	}
	c->mod = timeline_zh_mod(x, &k, c->a.prec);
	c->end = k;
	return 1;
}
