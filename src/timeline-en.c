/*
 * timeline-en.c - dates written in English and in numeric forms.
 *
 * timeline.c calls timeline_en_match() at the first character of an ASCII
 * word (letters or digits) that the Chinese recognizer did not take.  The
 * forms read are numeric (2016-04-19, 2016/4/19, 2016.04.19, 19/04/2016),
 * day-month-year (19 April 2016, 1 Aug 2023), month-day-year (April 19,
 * 2016), month-year (March 2001), decades and centuries (the late 1990s,
 * the 20th century), BCE years (221 BC), year ranges (from 1974 to 1989,
 * 1974-1989 in a heading) and bare years after a preposition (in 1998,
 * since 2014, early 2019, spring of 1975), plus a table of relative
 * phrases (the next day, that year, two years later).
 *
 * A bare four-digit number is a year only with English evidence around
 * it: a preposition or a fuzzy word before it and no unit after it, so
 * that "2000 people", "build 1024" and "port 8080" stay numbers.
 */
#include "config.h"

#include <string.h>

#include "timeline-int.h"

static int
alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * An ASCII letter in lower case, any other byte as it is: the words are
 * English, and a UTF-8 text's other bytes are no letters of theirs.
 */
static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

/*
 * Does s[i..] hold the word w (ASCII, lower case) in any case, whole?
 * The word is compared as it is walked: most differ at the first letter.
 */
static size_t
word_at(const struct tl_ctx *x, size_t i, const char *w)
{
	size_t k;

	if (i < x->boff || i > x->bend)
		return 0;
	for (k = 0; w[k] != '\0'; k++)
		if (i + k >= x->bend || lower(x->s[i + k]) != w[k])
			return 0;
	if (i + k < x->bend && alpha(x->s[i + k]))
		return 0;
	return k;
}

/*
 * The word that ends right before i (after spaces), lower-cased into w;
 * returns its first byte, or i when there is none.
 */
static size_t
prev_word(const struct tl_ctx *x, size_t i, char *w, size_t wsize)
{
	size_t k = i, e, j;

	while (k > x->boff && x->s[k - 1] == ' ')
		k--;
	e = k;
	while (k > x->boff && (alpha(x->s[k - 1]) || (x->s[k - 1] == '.' &&
	    k == e)))
		k--;
	if (k == e || e - k >= wsize) {
		w[0] = '\0';
		return i;
	}
	for (j = 0; j < e - k; j++)
		w[j] = lower(x->s[k + j]);
	w[j] = '\0';
	return k;
}

/* Reads ASCII digits at k: value in *v, count returned (lex_digits). */
static size_t
digits(const struct tl_ctx *x, size_t k, int *v)
{
	return lex_digits(x->s, x->bend, k, v);
}

static const struct {
	const char *name;
	int month;
} months[] = {
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
	{ "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
	{ "september", 9 }, { "october", 10 }, { "november", 11 },
	{ "december", 12 }, { "jan", 1 }, { "feb", 2 }, { "mar", 3 },
	{ "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 },
	{ "sept", 9 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 },
	{ "dec", 12 }, { NULL, 0 }
};

/*
 * A capitalized month name at k (January, Jan, Jan.): its length, the
 * month in *m.  Lower-case "may" and "march" are words, not months.
 */
static size_t
month_at(const struct tl_ctx *x, size_t k, int *m)
{
	size_t i, len;

	if (k >= x->bend || x->s[k] < 'A' || x->s[k] > 'Z')
		return 0;
	for (i = 0; months[i].name != NULL; i++) {
		if (lower(x->s[k]) != months[i].name[0] ||
		    (len = word_at(x, k, months[i].name)) == 0)
			continue;
		*m = months[i].month;
		if (len <= 4 && k + len < x->bend && x->s[k + len] == '.')
			len++;
		return len;
	}
	return 0;
}

/* Skips spaces (at most a few). */
static size_t
sp(const struct tl_ctx *x, size_t k)
{
	while (k < x->bend && x->s[k] == ' ')
		k++;
	return k;
}

/* Does the number end cleanly at k (no letter, digit, path, %)? */
static int
clean_end(const struct tl_ctx *x, size_t k)
{
	char c;

	if (k >= x->bend)
		return 1;
	c = x->s[k];
	if (alpha(c) || digit(c) || c == '%' || c == '_' || c == '/' ||
	    c == '\\' || c == '@')
		return 0;
	if ((c == '.' || c == ',' || c == '-' || c == ':') && k + 1 < x->bend &&
	    (digit(x->s[k + 1]) || alpha(x->s[k + 1])))
		return 0;
	return 1;
}

/* An English ordinal suffix at k: st, nd, rd, th. */
static size_t
ordinal(const struct tl_ctx *x, size_t k)
{
	if (word_at(x, k, "st") || word_at(x, k, "nd") ||
	    word_at(x, k, "rd") || word_at(x, k, "th"))
		return 2;
	return 0;
}

/* A year of four digits at k that ends cleanly; its value in *y. */
static size_t
year_at(const struct tl_ctx *x, size_t k, int *y)
{
	size_t len = digits(x, k, y);

	if (len != 4 || *y < 1000 || *y > 2200 || !clean_end(x, k + len))
		return 0;
	return len;
}

/* A dash between the two ends of a range: -, –, —, or " to ". */
static size_t
dash_at(const struct tl_ctx *x, size_t k, int words)
{
	size_t j = k;

	if (j < x->bend && x->s[j] == '-')
		return 1;
	if (LEX_AT(x->s, x->bend, j, "–") || LEX_AT(x->s, x->bend, j, "—"))
		return 3;
	if (words && (j = sp(x, k)) > k) {
		size_t len;

		if (((len = word_at(x, j, "to")) != 0 ||
		    (len = word_at(x, j, "until")) != 0 ||
		    (len = word_at(x, j, "till")) != 0 ||
		    (len = word_at(x, j, "through")) != 0) &&
		    sp(x, j + len) > j + len)
			return sp(x, j + len) - k;
	}
	return 0;
}

/* Fuzzy words before a date (early, mid-, late, since, spring...). */
static enum tl_mod
mod_before(const struct tl_ctx *x, size_t *off)
{
	static const struct {
		const char *w;
		enum tl_mod mod;
	} words[] = {
		{ "early", TL_MOD_START }, { "mid", TL_MOD_MID },
		{ "late", TL_MOD_END }, { "since", TL_MOD_SINCE },
		{ "around", TL_MOD_APPROX }, { "circa", TL_MOD_APPROX },
		{ "c.", TL_MOD_APPROX }, { "about", TL_MOD_APPROX },
		{ "spring", TL_MOD_SPRING }, { "summer", TL_MOD_SUMMER },
		{ "autumn", TL_MOD_AUTUMN }, { "fall", TL_MOD_AUTUMN },
		{ "winter", TL_MOD_WINTER }, { "eve", TL_MOD_BEFORE },
		{ NULL, TL_MOD_NONE }
	};
	char w[16];
	size_t k = *off, j, i;

	if (k > x->boff + 3 && x->s[k - 1] == '-' && (k - 4 == x->boff ||
	    !alpha(x->s[k - 5])) && word_at(x, k - 4, "mid")) {
		*off = k - 4;
		return TL_MOD_MID;
	}
	j = prev_word(x, k, w, sizeof w);
	if (strcmp(w, "of") == 0) {
		size_t j2 = prev_word(x, j, w, sizeof w);

		if (strcmp(w, "spring") && strcmp(w, "summer") &&
		    strcmp(w, "autumn") && strcmp(w, "fall") &&
		    strcmp(w, "winter") && strcmp(w, "eve"))
			return TL_MOD_NONE;
		j = j2;
	}
	for (i = 0; words[i].w != NULL; i++)
		if (strcmp(w, words[i].w) == 0) {
			*off = j;
			/* the spring of 1975: take "the" in too */
			return words[i].mod;
		}
	return TL_MOD_NONE;
}

/*
 * Is the word before off one that puts a bare year in English prose?
 */
static int
year_context(const struct tl_ctx *x, size_t off)
{
	static const char *const preps[] = { "in", "since", "by", "until",
	    "till", "from", "during", "before", "after", "around", "circa",
	    "c.", "early", "late", "mid", "spring", "summer", "autumn", "fall",
	    "winter", "year", "years", "between", "through", "throughout",
	    "eve", NULL };
	/* "of" only after these: the end of 2019, the spring of 1975. */
	static const char *const before_of[] = { "end", "beginning", "start",
	    "middle", "spring", "summer", "autumn", "fall", "winter", "eve",
	    "half", "quarter", "part", "course", NULL };
	char w[16];
	size_t i, j;

	if (off >= x->boff + 4 && x->s[off - 1] == '-' && word_at(x, off - 4,
	    "mid"))
		return 1;
	j = prev_word(x, off, w, sizeof w);
	if (strcmp(w, "of") == 0) {
		prev_word(x, j, w, sizeof w);
		for (i = 0; before_of[i] != NULL; i++)
			if (strcmp(w, before_of[i]) == 0)
				return 1;
		return 0;
	}
	for (i = 0; preps[i] != NULL; i++)
		if (strcmp(w, preps[i]) == 0)
			return 1;
	return 0;
}

/* A unit word after a number: 2000 people, 1500 copies. */
static int
unit_after(const struct tl_ctx *x, size_t k)
{
	static const char *const units[] = { "people", "persons", "units",
	    "copies", "dollars", "yuan", "euros", "pounds", "times", "km",
	    "miles", "meters", "metres", "feet", "tons", "tonnes", "words",
	    "characters", "glyphs", "pages", "students", "votes", "men",
	    "women", "cases", "items", "employees", "workers", "members",
	    "points", "years", "days", "hours", "bytes", "pixels", "lines",
	    "rpm", "mhz", "kb", "mb", "gb", NULL };
	size_t i, j = sp(x, k);

	for (i = 0; units[i] != NULL; i++)
		if (word_at(x, j, units[i]))
			return 1;
	return 0;
}

/* Is the next thing after k, past spaces, a word or a number? */
static int
s_alnum_next(const struct tl_ctx *x, size_t k)
{
	k = sp(x, k);
	return k < x->bend && (alpha(x->s[k]) || digit(x->s[k]));
}

/* N years later, two years ago, a year earlier: at the unit after N. */
static int
shift_after(const struct tl_ctx *x, size_t off, size_t k, int n,
    struct tl_cand *c)
{
	enum tl_prec unit;
	size_t len;
	int sign;
	char w[16];

	k = sp(x, k);
	if ((len = word_at(x, k, "years")) || (len = word_at(x, k, "year")))
		unit = TL_PREC_YEAR;
	else if ((len = word_at(x, k, "months")) ||
	    (len = word_at(x, k, "month")))
		unit = TL_PREC_MONTH;
	else if ((len = word_at(x, k, "days")) || (len = word_at(x, k, "day")))
		unit = TL_PREC_DAY;
	else
		return 0;
	k = sp(x, k + len);
	if ((len = word_at(x, k, "later")) || (len = word_at(x, k, "after")))
		sign = 1;
	else if ((len = word_at(x, k, "earlier")))
		sign = -1;
	else if ((len = word_at(x, k, "before")))
		sign = -3;
	else if ((len = word_at(x, k, "ago")))
		sign = -2;
	else
		return 0;
	if (n < 1 || n > 200)
		return 0;
	/*
	 * "two years after its completion date" counts from what follows,
	 * not from the date before: after and before need a pause after.
	 */
	if ((sign == 1 && word_at(x, k, "after")) || sign == -3) {
		if (k + len < x->bend && s_alnum_next(x, k + len))
			return 0;
		if (sign == -3)
			sign = -1;
	}
	/* "more than a year earlier" measures a span, it names no date. */
	prev_word(x, off, w, sizeof w);
	if (strcmp(w, "than") == 0 || strcmp(w, "over") == 0 ||
	    strcmp(w, "nearly") == 0 || strcmp(w, "almost") == 0 ||
	    strcmp(w, "some") == 0)
		return 0;
	c->off = off;
	c->end = k + len;
	c->kind = TL_RELATIVE;
	c->rel.anchor = sign == -2 ? TL_ANCHOR_DOC : TL_ANCHOR_PREV;
	c->rel.unit = unit;
	c->rel.delta = (sign < 0 ? -1 : 1) * n;
	c->rel.prec = unit;
	return 1;
}

/* A month name at k and what follows it. */
static int
month_match(const struct tl_ctx *x, size_t k, struct tl_cand *c)
{
	int m, d, d2, y, m2;
	size_t len, j, l2, dl, off = k;

	if ((len = month_at(x, k, &m)) == 0)
		return 0;
	j = sp(x, k + len);
	c->mod = mod_before(x, &off);
	c->off = off;
	/* April 19, 2016; April 19 2016; April 20-21, 2018; April 19. */
	if (j > k + len && (dl = digits(x, j, &d)) >= 1 && dl <= 2) {
		size_t e = j + dl, r = 0;

		e += ordinal(x, e);
		d2 = 0;
		if ((l2 = dash_at(x, e, 0)) != 0 &&
		    digits(x, e + l2, &d2) >= 1 &&
		    digits(x, e + l2, &d2) <= 2) {
			r = e + l2 + digits(x, e + l2, &d2);
			if (d2 <= d)
				r = 0;
		}
		if (r != 0)
			e = r;
		if (!clean_end(x, e) && !(e < x->bend && x->s[e] == ','))
			return 0;
		j = e;
		if (j < x->bend && x->s[j] == ',')
			j++;
		j = sp(x, j);
		if ((l2 = year_at(x, j, &y)) != 0 && (j == e || j > e + 0)) {
			if (d < 1 || d > lex_mdays(y, m) ||
			    (r && d2 > lex_mdays(y, m)))
				return 0;
			c->a = (struct tl_date){ y, m, d, TL_PREC_DAY };
			if (r) {
				c->kind = TL_RANGE;
				c->b = (struct tl_date){ y, m, d2,
				    TL_PREC_DAY };
			} else
				c->kind = TL_ABSOLUTE;
			c->end = j + l2;
			return 1;
		}
		if (r || d < 1 || d > lex_mdays(2000, m))
			return 0;
		c->kind = TL_RELATIVE;
		c->rel.anchor = TL_ANCHOR_PREV;
		c->rel.unit = TL_PREC_YEAR;
		c->rel.month = m;
		c->rel.day = d;
		c->rel.prec = TL_PREC_DAY;
		c->rel.wrap = 1;
		c->end = e;
		return 1;
	}
	/* March 2001; April-June 2016; March of 2001. */
	if ((l2 = dash_at(x, k + len, 0)) != 0 &&
	    (dl = month_at(x, k + len + l2, &m2)) != 0 && m2 > m) {
		j = sp(x, k + len + l2 + dl);
		if ((l2 = year_at(x, j, &y)) == 0)
			return 0;
		c->kind = TL_RANGE;
		c->a = (struct tl_date){ y, m, 0, TL_PREC_MONTH };
		c->b = (struct tl_date){ y, m2, 0, TL_PREC_MONTH };
		c->end = j + l2;
		return 1;
	}
	if ((l2 = word_at(x, j, "of")) != 0)
		j = sp(x, j + l2);
	if (j > k + len && (l2 = year_at(x, j, &y)) != 0) {
		c->kind = TL_ABSOLUTE;
		c->a = (struct tl_date){ y, m, 0, TL_PREC_MONTH };
		c->end = j + l2;
		return 1;
	}
	/*
	 * A month alone takes its year from context when it opens a
	 * sentence after a preposition (In March, By April) or follows a
	 * fuzzy word (late April).  Elsewhere it is too often a recurring
	 * month ("twice a year, in April and October") or a verb.
	 */
	if (m != 5 || off != k) {
		char w[16];
		size_t e = k + len, pw;

		pw = prev_word(x, off, w, sizeof w);
		if (off == k && ((strcmp(w, "in") && strcmp(w, "by") &&
		    strcmp(w, "since") && strcmp(w, "until") &&
		    strcmp(w, "during")) || pw == off ||
		    x->s[pw] < 'A' || x->s[pw] > 'Z'))
			return 0;
		if (e < x->bend && (alpha(x->s[e]) || digit(x->s[e])))
			return 0;
		c->kind = TL_RELATIVE;
		c->rel.anchor = TL_ANCHOR_PREV;
		c->rel.unit = TL_PREC_YEAR;
		c->rel.month = m;
		c->rel.prec = TL_PREC_MONTH;
		c->rel.wrap = 1;
		c->end = e;
		return 1;
	}
	return 0;
}

/* Relative phrases that need no numeral. */
static const struct {
	const char *p;		/* the phrase, lower case, single spaces */
	enum tl_anchor anchor;
	enum tl_prec unit;
	int delta;
} phrases[] = {
	{ "the next day", TL_ANCHOR_PREV, TL_PREC_DAY, 1 },
	{ "the following day", TL_ANCHOR_PREV, TL_PREC_DAY, 1 },
	{ "the same day", TL_ANCHOR_PREV, TL_PREC_DAY, 0 },
	{ "that same day", TL_ANCHOR_PREV, TL_PREC_DAY, 0 },
	{ "that day", TL_ANCHOR_PREV, TL_PREC_DAY, 0 },
	{ "the previous day", TL_ANCHOR_PREV, TL_PREC_DAY, -1 },
	{ "the day before", TL_ANCHOR_PREV, TL_PREC_DAY, -1 },
	{ "the next year", TL_ANCHOR_PREV, TL_PREC_YEAR, 1 },
	{ "the following year", TL_ANCHOR_PREV, TL_PREC_YEAR, 1 },
	{ "the same year", TL_ANCHOR_PREV, TL_PREC_YEAR, 0 },
	{ "that same year", TL_ANCHOR_PREV, TL_PREC_YEAR, 0 },
	{ "that year", TL_ANCHOR_PREV, TL_PREC_YEAR, 0 },
	{ "the previous year", TL_ANCHOR_PREV, TL_PREC_YEAR, -1 },
	{ "the year before", TL_ANCHOR_PREV, TL_PREC_YEAR, -1 },
	{ "the next month", TL_ANCHOR_PREV, TL_PREC_MONTH, 1 },
	{ "the following month", TL_ANCHOR_PREV, TL_PREC_MONTH, 1 },
	{ "the same month", TL_ANCHOR_PREV, TL_PREC_MONTH, 0 },
	{ "that month", TL_ANCHOR_PREV, TL_PREC_MONTH, 0 },
	{ "last year", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, -1 },
	{ "this year", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, 0 },
	{ "next year", TL_ANCHOR_DOC_ONLY, TL_PREC_YEAR, 1 },
	{ NULL, 0, 0, 0 }
};

/* Number words for "two years later". */
static const char *const numwords[] = { "a", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    NULL };

/* A phrase from the table, or a number word and a shift, at k. */
static int
phrase_match(const struct tl_ctx *x, size_t k, struct tl_cand *c)
{
	char t[24], first;
	size_t end[sizeof t], q = 0, i, j = k, p, len;

	/*
	 * The text at k as the phrases are written, read once: letters in
	 * lower case and each run of spaces as one, up to any other byte;
	 * end[] is where each of its characters ends in the text.
	 */
	while (q < sizeof t && j < x->bend && (alpha(x->s[j]) ||
	    x->s[j] == ' ')) {
		if (x->s[j] == ' ')
			while (j + 1 < x->bend && x->s[j + 1] == ' ')
				j++;
		t[q] = lower(x->s[j]);
		end[q++] = ++j;
	}
	/* Every phrase is longer than four: its first four tell most. */
	for (i = 0; q >= 4 && phrases[i].p != NULL; i++) {
		const char *w = phrases[i].p;

		if (memcmp(t, w, 4) != 0)
			continue;
		for (p = 4; w[p] != '\0' && p < q && t[p] == w[p]; p++)
			;
		if (w[p] != '\0' || (end[p - 1] < x->bend &&
		    alpha(x->s[end[p - 1]])))
			continue;
		j = end[p - 1];
		/* "that year's": fine; "the next day or two": fine too. */
		c->off = k;
		c->end = j;
		c->kind = TL_RELATIVE;
		c->rel.anchor = phrases[i].anchor;
		c->rel.unit = phrases[i].unit;
		c->rel.delta = phrases[i].delta;
		c->rel.prec = phrases[i].unit;
		return 1;
	}
	/* word_at() matches none whose first letter is not the text's. */
	first = k >= x->boff && k < x->bend ? lower(x->s[k]) : '\0';
	for (i = 0; numwords[i] != NULL; i++)
		if (numwords[i][0] == first &&
		    (len = word_at(x, k, numwords[i])) != 0)
			return shift_after(x, k, k + len, i == 0 ? 1 : (int)i,
			    c);
	return 0;
}

/*
 * Does the sentence around [off, k) speak of a plan or a goal (will,
 * plans, aims, target)?  Then "by 2030" is a target, not an event.  With
 * before set, only the words before the year count: "will be reviewed in
 * 2027" is a plan, "In 1998 he said it will grow" is not.
 */
static int
plan_sentence(const struct tl_ctx *x, size_t off, size_t k, int before)
{
	static const char *const words[] = { "will", "plan", "plans",
	    "planned", "aim", "aims", "target", "targets", "goal", "goals",
	    "expected", "expects", "intends", "pledged", "pledges", "should",
	    NULL };
	size_t lo = off, hi = k, j, w;

	while (lo > x->boff && x->s[lo - 1] != '.' && x->s[lo - 1] != ';' &&
	    off - lo < 200)
		lo--;
	while (!before && hi < x->bend && x->s[hi] != '.' &&
	    x->s[hi] != ';' && hi - k < 200)
		hi++;
	for (j = lo; j < hi; j++) {
		if (j > lo && alpha(x->s[j - 1]))
			continue;
		for (w = 0; words[w] != NULL; w++)
			if (word_at(x, j, words[w]) &&
			    j + strlen(words[w]) <= hi)
				return 1;
	}
	return 0;
}

/*
 * The forms that begin with a number.  number_match() reads the digits
 * once into a struct num_at, then tries each form in turn; a form answers
 * FORM_MATCH (c is filled), FORM_NONE (no date here: stop) or FORM_NEXT
 * (not this form, and c is left as it was: the next form starts from
 * the zeroes).  Each sets *skip past what must not be read again.
 */
enum form { FORM_NONE, FORM_MATCH, FORM_NEXT };

struct num_at {
	size_t i;		/* the first digit */
	size_t len;		/* digits */
	size_t k;		/* one past them */
	int v;			/* their value */
};

/* 2016-04-19, 2016/4/19, 2016.04.19 (and 2016-04-19T08:00). */
static enum form
form_iso(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c,
    size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, k = a->k, l2, l3, j;
	int m, d;

	if (a->len != 4 || k + 1 >= n || (s[k] != '-' && s[k] != '/' &&
	    s[k] != '.') || !digit(s[k + 1]))
		return FORM_NEXT;
	l2 = digits(x, k + 1, &m);
	j = k + 1 + l2;
	if (l2 < 1 || l2 > 2 || j + 1 >= n || s[j] != s[k] ||
	    (l3 = digits(x, j + 1, &d)) < 1 || l3 > 2 ||
	    !(clean_end(x, j + 1 + l3) || s[j + 1 + l3] == 'T'))
		return FORM_NEXT;
	*skip = j + 1 + l3 - a->i;
	if (a->v < 1000 || a->v > 2200 || m < 1 || m > 12 || d < 1 ||
	    d > lex_mdays(a->v, m))
		return FORM_NONE;
	c->off = a->i;
	c->end = j + 1 + l3;
	c->kind = TL_ABSOLUTE;
	c->a = (struct tl_date){ a->v, m, d, TL_PREC_DAY };
	return FORM_MATCH;
}

/*
 * 1990.09-1994.07, 2019.3—2021.6, 2019.03-至今: the dotted year-month of
 * a résumé, taken only in a span, since alone it reads as well as a
 * version number.
 */
static enum form
form_dotted_span(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, j, l2, l3, dl, e2;
	int m, m2, y2, v = a->v;

	if (a->len != 4 || a->k + 1 >= n || s[a->k] != '.' ||
	    (l2 = digits(x, a->k + 1, &m)) < 1 || l2 > 2 || m < 1 || m > 12 ||
	    v < 1900 || v > 2100)
		return FORM_NEXT;
	j = a->k + 1 + l2;
	if (j < n && digit(s[j]))
		return FORM_NEXT;
	dl = dash_at(x, j, 0);
	if (dl == 0 && LEX_AT(s, n, j, "～"))
		dl = 3;
	e2 = j + dl;
	if (dl == 0)
		return FORM_NEXT;
	if (LEX_AT(s, n, e2, "至今")) {
		c->off = a->i;
		c->a = (struct tl_date){ v, m, 0, TL_PREC_MONTH };
		c->end = e2 + 6;
		c->kind = TL_ABSOLUTE;
		c->mod = TL_MOD_SINCE;
		*skip = c->end - a->i;
		return FORM_MATCH;
	}
	if (digits(x, e2, &y2) != 4 || e2 + 5 >= n || s[e2 + 4] != '.' ||
	    (l3 = digits(x, e2 + 5, &m2)) < 1 || l3 > 2 || m2 < 1 ||
	    m2 > 12 || !clean_end(x, e2 + 5 + l3) ||
	    !(y2 > v || (y2 == v && m2 > m)) || y2 > v + 100)
		return FORM_NEXT;
	c->off = a->i;
	c->a = (struct tl_date){ v, m, 0, TL_PREC_MONTH };
	c->end = e2 + 5 + l3;
	c->kind = TL_RANGE;
	c->b = (struct tl_date){ y2, m2, 0, TL_PREC_MONTH };
	*skip = c->end - a->i;
	return FORM_MATCH;
}

/* 2016-04: a year and a month with a hyphen. */
static enum form
form_year_month(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, j;
	int m;

	if (a->len != 4 || a->k + 1 >= n || s[a->k] != '-' ||
	    digits(x, a->k + 1, &m) != 2)
		return FORM_NEXT;
	j = a->k + 3;
	if (!clean_end(x, j) || a->v < 1000 || a->v > 2200 || m < 1 ||
	    m > 12 || (j < n && s[j] == '-'))
		return FORM_NEXT;
	c->off = a->i;
	c->end = j;
	c->kind = TL_ABSOLUTE;
	c->a = (struct tl_date){ a->v, m, 0, TL_PREC_MONTH };
	*skip = j - a->i;
	return FORM_MATCH;
}

/*
 * 19/04/2016, 04/19/2016, 19.04.2016: the number over 12 is the day;
 * else a slash puts the month first (American) and a dot the day.
 */
static enum form
form_dmy(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c,
    size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, k = a->k, l2;
	int m, d, y, p = a->v, q;

	if (a->len > 2 || k + 1 >= n || (s[k] != '/' && s[k] != '.') ||
	    (l2 = digits(x, k + 1, &q)) < 1 || l2 > 2 ||
	    s[k + 1 + l2] != s[k] || year_at(x, k + 2 + l2, &y) != 4)
		return FORM_NEXT;
	*skip = k + 6 + l2 - a->i;
	if (p > 12 && q <= 12)
		d = p, m = q;
	else if (q > 12 && p <= 12)
		d = q, m = p;
	else if (s[k] == '/')
		m = p, d = q;
	else
		d = p, m = q;
	if (m < 1 || m > 12 || d < 1 || d > lex_mdays(y, m))
		return FORM_NONE;
	c->off = a->i;
	c->end = k + 6 + l2;
	c->kind = TL_ABSOLUTE;
	c->a = (struct tl_date){ y, m, d, TL_PREC_DAY };
	return FORM_MATCH;
}

/*
 * 19 April 2016, 1 Aug 2023, 20-21 April 2018, the 19th of April (the
 * year from context).
 */
static enum form
form_day_month(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, e, r = 0, j, l2, l3, ye, off;
	int v = a->v, v2 = 0, m, y;

	(void)skip;
	if (a->len > 2 || v < 1 || v > 31)
		return FORM_NEXT;
	e = a->k + ordinal(x, a->k);
	if ((l2 = dash_at(x, e, 0)) != 0 && digits(x, e + l2, &v2) >= 1 &&
	    digits(x, e + l2, &v2) <= 2 && v2 > v) {
		r = e + l2 + digits(x, e + l2, &v2);
		e = r + ordinal(x, r);
	}
	j = sp(x, e);
	if (word_at(x, j, "of"))
		j = sp(x, j + 2);
	if (j <= e || (l2 = month_at(x, j, &m)) == 0)
		return FORM_NEXT;
	ye = sp(x, j + l2);
	if (ye < n && s[ye] == ',')
		ye = sp(x, ye + 1);
	off = a->i;
	c->mod = mod_before(x, &off);
	c->off = off;
	if (ye > j + l2 && (l3 = year_at(x, ye, &y)) != 0) {
		if (v > lex_mdays(y, m) || v2 > lex_mdays(y, m))
			return FORM_NONE;
		c->kind = r ? TL_RANGE : TL_ABSOLUTE;
		c->a = (struct tl_date){ y, m, v, TL_PREC_DAY };
		c->b = (struct tl_date){ y, m, v2, TL_PREC_DAY };
		c->end = ye + l3;
		return FORM_MATCH;
	}
	if (r || v > lex_mdays(2000, m))
		return FORM_NONE;
	c->kind = TL_RELATIVE;
	c->rel.anchor = TL_ANCHOR_PREV;
	c->rel.unit = TL_PREC_YEAR;
	c->rel.month = m;
	c->rel.day = v;
	c->rel.prec = TL_PREC_DAY;
	c->rel.wrap = 1;
	c->end = j + l2;
	return FORM_MATCH;
}

/* The 20th century, the early 19th century (not the 5th century BC). */
static enum form
form_century(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	size_t l2, l3, j, off, k = a->k;

	(void)skip;
	if (a->len > 2 || a->v < 1 || a->v > 30 || (l2 = ordinal(x, k)) == 0)
		return FORM_NEXT;
	j = sp(x, k + l2);
	if (k + l2 < x->bend && x->s[k + l2] == '-')
		j = k + l2 + 1;
	if ((l3 = word_at(x, j, "century")) == 0 || word_at(x,
	    sp(x, j + l3), "bc") || word_at(x, sp(x, j + l3), "bce"))
		return FORM_NONE;
	off = a->i;
	c->mod = mod_before(x, &off);
	c->off = off;
	c->end = j + l3;
	c->kind = TL_DECADE;
	c->a = (struct tl_date){ (a->v - 1) * 100, 0, 0, TL_PREC_CENTURY };
	return FORM_MATCH;
}

/* The 1990s, the late 1990s, mid-1990s, the '90s, the 1800s. */
static enum form
form_decade(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, k = a->k, j, off;
	int v = a->v;
	char w[16];

	(void)skip;
	if ((a->len != 4 && a->len != 2) || v % 10 != 0 || k >= n ||
	    (s[k] != 's' && !(s[k] == '\'' && k + 1 < n && s[k + 1] == 's')))
		return FORM_NEXT;
	j = k + (s[k] == 's' ? 1 : 2);
	if (j < n && alpha(s[j]))
		return FORM_NONE;
	off = a->i;
	if (off > x->boff && s[off - 1] == '\'')
		off--;
	c->mod = mod_before(x, &off);
	if (a->len == 2) {
		prev_word(x, off, w, sizeof w);
		if (strcmp(w, "the") != 0 && c->mod == TL_MOD_NONE)
			return FORM_NONE;
		v += v >= 30 || x->doc_year < 2000 ? 1900 : 2000;
	}
	if (v < 1000 || v > 2200)
		return FORM_NONE;
	prev_word(x, off, w, sizeof w);
	if (strcmp(w, "the") == 0)
		off = prev_word(x, off, w, sizeof w);
	c->off = off;
	c->end = j;
	c->kind = TL_DECADE;
	c->a = (struct tl_date){ v, 0, 0, v % 100 == 0 ? TL_PREC_CENTURY :
	    TL_PREC_DECADE };
	return FORM_MATCH;
}

/* 221 BC, 221 BCE, 221 B.C. */
static enum form
form_bc(const struct tl_ctx *x, const struct num_at *a, struct tl_cand *c,
    size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, j, l2 = 0;

	(void)skip;
	if (a->len > 4 || a->v < 1 || (j = sp(x, a->k)) <= a->k)
		return FORM_NEXT;
	if (LEX_AT(s, n, j, "B.C."))
		l2 = 4;
	else if ((l2 = word_at(x, j, "bc")) == 0 &&
	    (l2 = word_at(x, j, "bce")) == 0)
		return FORM_NEXT;
	if (j < n && s[j] != 'B')
		return FORM_NONE;
	c->off = a->i;
	c->end = j + l2;
	c->kind = TL_ABSOLUTE;
	c->a = (struct tl_date){ -a->v, 0, 0, TL_PREC_YEAR };
	return FORM_MATCH;
}

/* Two years later, 3 days after. */
static enum form
form_shift(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	(void)skip;
	return a->len <= 3 && shift_after(x, a->i, a->k, a->v, c) ?
	    FORM_MATCH : FORM_NEXT;
}

/*
 * A range of bare years: 1974-1989, 1974–89, from 1974 to 1989, (1974-
 * 1989), between 1974 and 1989.  w is the word before; ctx says whether
 * it puts a year in prose.
 */
static int
year_range(const struct tl_ctx *x, const struct num_at *a, size_t off,
    const char *w, int ctx, struct tl_cand *c)
{
	const char *s = x->s;
	size_t n = x->bend, k = a->k, l2, l3, j, e;
	int y2, paren;

	paren = off > x->boff && (s[off - 1] == '(' ||
	    LEX_BEFORE(s, x->boff, off, "（"));
	if ((l2 = dash_at(x, k, strcmp(w, "from") == 0 ||
	    strcmp(w, "years") == 0)) != 0 &&
	    (l3 = digits(x, k + l2, &y2)) != 0 && (l3 == 4 || l3 == 2) &&
	    clean_end(x, k + l2 + l3)) {
		e = k + l2 + l3;
		if (l3 == 2)
			y2 += a->v / 100 * 100;
		if (y2 > a->v && y2 <= a->v + 1000 && (ctx || x->heading ||
		    (paren && e < n && (s[e] == ')' ||
		    LEX_AT(s, n, e, "）"))))) {
			c->end = e;
			goto range;
		}
	}
	if (strcmp(w, "between") == 0 && (j = sp(x, k)) > k &&
	    (l2 = word_at(x, j, "and")) != 0 &&
	    (l3 = year_at(x, sp(x, j + l2), &y2)) != 0 && y2 > a->v) {
		c->end = sp(x, j + l2) + l3;
		goto range;
	}
	return 0;
range:
	c->off = off;
	c->kind = TL_RANGE;
	c->a = (struct tl_date){ a->v, 0, 0, TL_PREC_YEAR };
	c->b = (struct tl_date){ y2, 0, 0, TL_PREC_YEAR };
	return 1;
}

/* What before a bare year makes it a copyright's. */
static const char *const copyright[] = { "©", "© ", "(c) ", "(C) ", NULL };

/*
 * Bare years: in 1998, since 2014, early 2019, AD 1066, the 2008
 * Olympics; by 2030 in a plan is a target.  Not copyright 2019, 2000
 * people.
 */
static enum form
form_bare_year(const struct tl_ctx *x, const struct num_at *a,
    struct tl_cand *c, size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, k = a->k, j, off = a->i;
	int ctx;
	char w[16];

	if (a->len != 4 || a->v < 1000 || a->v > 2200)
		return FORM_NEXT;
	prev_word(x, off, w, sizeof w);
	ctx = year_context(x, off);
	if (LEX_BEFORE(s, x->boff, off, "AD ") ||
	    LEX_BEFORE(s, x->boff, off, "A.D. "))
		ctx = 1, off -= LEX_BEFORE(s, x->boff, off, "AD ") ? 3 : 5;
	if (strcmp(w, "copyright") == 0 ||
	    lex_before_any(s, x->boff, off, copyright))
		return FORM_NONE;
	if (year_range(x, a, off, w, ctx, c)) {
		*skip = c->end - a->i;
		return FORM_MATCH;
	}
	/*
	 * The 2008 Olympics, the 2019 report: English writes counts of a
	 * thousand and more with a comma (1,500 soldiers), so "the" and a
	 * word after four digits make a year, unless the word is a unit.
	 */
	if (!ctx && strcmp(w, "the") == 0 && (j = sp(x, k)) > k && j < n &&
	    alpha(s[j]))
		ctx = 1;
	if (!ctx || !clean_end(x, k) || unit_after(x, k))
		return FORM_NONE;
	c->mod = mod_before(x, &off);
	c->off = off;
	c->end = k;
	c->kind = (strcmp(w, "by") == 0 && plan_sentence(x, off, k, 0)) ||
	    ((strcmp(w, "in") == 0 || strcmp(w, "until") == 0) &&
	    plan_sentence(x, off, k, 1)) ? TL_TARGET : TL_ABSOLUTE;
	c->a = (struct tl_date){ a->v, 0, 0, TL_PREC_YEAR };
	return FORM_MATCH;
}

/* The forms, in the order they are tried. */
static enum form (*const num_forms[])(const struct tl_ctx *,
    const struct num_at *, struct tl_cand *, size_t *) = {
	form_iso, form_dotted_span, form_year_month, form_dmy,
	form_day_month, form_century, form_decade, form_bc, form_shift,
	form_bare_year
};

/*
 * Can any form go on after the digits?  All but the bare year need a
 * mark, a space or a letter right after them: - / . (2016-04-19,
 * 19/04/2016), a space (19 April, 221 BC, 3 days), an ordinal's or a
 * unit's first letter (19th, 1990s, 3years), an apostrophe (1990's) or a
 * dash's first byte (20–21 April).  A bare year (in 1998) may be followed
 * by anything: four digits always go on.
 */
static int
may_follow(const struct tl_ctx *x, const struct num_at *a)
{
	if (a->len == 4)
		return 1;
	if (a->k >= x->bend)
		return 0;
	switch (lower(x->s[a->k])) {
	case '-': case '/': case '.': case ' ': case '\'':
	case 's': case 'n': case 'r': case 't':		/* st nd rd th, 's */
	case 'y': case 'm': case 'd':			/* years months days */
	case '\xe2':					/* – — */
		return 1;
	default:
		return 0;
	}
}

/*
 * An empty candidate, copied (a few vector moves) rather than set with
 * memset (a string instruction slow to start), and only once a form may
 * fill it.
 */
static const struct tl_cand cand_empty;

/* The numeric forms and the forms that begin with a number. */
static int
number_match(const struct tl_ctx *x, size_t i, struct tl_cand *c,
    size_t *skip)
{
	const char *s = x->s;
	size_t n = x->bend, f;
	struct num_at a;
	enum form r;

	a.i = i;
	a.len = digits(x, i, &a.v);
	if (a.len == 0) {
		while (i + *skip < n && digit(s[i + *skip]))
			(*skip)++;
		return 0;
	}
	*skip = a.len;
	while (i + *skip < n && (alpha(s[i + *skip]) || digit(s[i + *skip])))
		(*skip)++;
	a.k = i + a.len;
	if (!may_follow(x, &a) || timeline_zh_bad_before(x, i))
		return 0;
	*c = cand_empty;
	for (f = 0; f < sizeof num_forms / sizeof num_forms[0]; f++)
		if ((r = num_forms[f](x, &a, c, skip)) != FORM_NEXT)
			return r == FORM_MATCH;
	return 0;
}

/*
 * Can the word s[i..i+len) start a month name, a relative phrase or a
 * shift (Two years later)?  A cheap test on its first letters, so that the
 * tables are searched only for the few words that might match.
 */
static int
maybe_word(const char *s, size_t i, size_t len)
{
	static const char *const starts[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "the",
	    "tha", "las", "thi", "nex", "one", "two", "thr", "fou", "fiv",
	    "six", "sev", "eig", "nin", "ten", "ele", "twe", NULL };
	char w[3];
	size_t k;

	if (len == 1)
		return s[i] == 'a' || s[i] == 'A';
	if (len < 3 || len > 9)
		return 0;
	for (k = 0; k < 3; k++)
		w[k] = (char)(s[i + k] | 0x20);
	for (k = 0; starts[k] != NULL; k++)
		if (memcmp(w, starts[k], 3) == 0)
			return 1;
	return 0;
}

int
timeline_en_match(const struct tl_ctx *x, size_t i, struct tl_cand *c,
    size_t *skip)
{
	*skip = 1;
	if (digit(x->s[i]))
		return number_match(x, i, c, skip);
	while (i + *skip < x->bend && alpha(x->s[i + *skip]))
		(*skip)++;
	if (!maybe_word(x->s, i, *skip))
		return 0;
	*c = cand_empty;
	if (x->s[i] >= 'A' && x->s[i] <= 'Z' && month_match(x, i, c))
		return 1;
	return phrase_match(x, i, c);
}
