/*
 * test-lex.c - the shared lexer: numerals, literals and calendar days.
 *
 * The numerals are a table of texts with the value, the digits written,
 * the kind and the bytes read that lex_num() must give; the calendar is
 * checked at known days and by a round trip over four centuries.
 */
#include "config.h"

#include <string.h>

#include "lex.h"
#include "tap.h"

static const struct {
	const char *text;
	long val;
	int ndig;
	enum lex_numkind kind;
	size_t len;		/* bytes read */
} nums[] = {
	{ "2016年", 2016, 4, LEX_NUM_ASCII, 4 },
	{ "07", 7, 2, LEX_NUM_ASCII, 2 },
	{ "２０１６年", 2016, 4, LEX_NUM_WIDE, 12 },
	{ "２0", 2, 1, LEX_NUM_WIDE, 3 },	/* kinds do not mix */
	{ "二〇一六年", 2016, 4, LEX_NUM_HAN_DIGITS, 12 },
	{ "二○○八年", 2008, 4, LEX_NUM_HAN_DIGITS, 12 },
	{ "二零一八年", 2018, 4, LEX_NUM_HAN_DIGITS, 12 },
	{ "一九七五年", 1975, 4, LEX_NUM_HAN_DIGITS, 12 },
	{ "三月", 3, 1, LEX_NUM_HAN_DIGITS, 3 },
	{ "十二月", 12, 0, LEX_NUM_HAN, 6 },
	{ "二十一日", 21, 0, LEX_NUM_HAN, 9 },
	{ "三十日", 30, 0, LEX_NUM_HAN, 6 },
	{ "两千零五年", 2005, 0, LEX_NUM_HAN, 12 },
	{ "兩千年", 2000, 0, LEX_NUM_HAN, 6 },
	{ "两个", 2, 1, LEX_NUM_HAN_DIGITS, 3 },
	{ "廿五", 25, 0, LEX_NUM_HAN, 6 },
	{ "廿", 20, 0, LEX_NUM_HAN, 3 },
	{ "卅一", 31, 0, LEX_NUM_HAN, 6 },
	{ "卌", 40, 0, LEX_NUM_HAN, 3 },
	{ "一百零五", 105, 0, LEX_NUM_HAN, 12 },
	{ "1234567890123", 123456789, 13, LEX_NUM_ASCII, 13 },
	{ "年", 0, 0, LEX_NUM_ASCII, 0 },
	{ "abc", 0, 0, LEX_NUM_ASCII, 0 },
};

static void
test_nums(void)
{
	struct lex_num m;
	size_t i, len;

	for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
		const char *t = nums[i].text;

		len = lex_num(t, strlen(t), 0, &m);
		is_int(len, nums[i].len, "%s: bytes read", t);
		is_int(lex_num_start(t, strlen(t), 0), nums[i].len != 0,
		    "%s: a numeral starts", t);
		if (len == 0)
			continue;
		is_int(m.val, nums[i].val, "%s: value", t);
		is_int(m.ndig, nums[i].ndig, "%s: digits", t);
		is_int(m.kind, nums[i].kind, "%s: kind", t);
	}
	/* A numeral cut by the end of the range is read up to it. */
	len = lex_num("二〇一六", 7, 0, &m);
	is_int(len, 6, "a cut numeral stops at n");
	is_int(m.val, 20, "its value is what was read");
	is_int(lex_han_digit("十", 2, 0), -1, "a cut character is no digit");
	/* ASCII digits (read inline) stop at n too, and at nothing at all. */
	len = lex_num("2016年", 2, 0, &m);
	is_int(len, 2, "cut ASCII digits stop at n");
	is_int(m.val, 20, "cut ASCII digits: the value read");
	is_int(lex_num("x2016", 5, 1, &m), 4, "ASCII digits from i");
	is_int(m.val, 2016, "ASCII digits from i: the value");
	is_int(lex_num("2016", 4, 4, &m), 0, "nothing at n");
	is_int(m.len, 0, "nothing at n: no bytes");
	is_int(lex_num("2016", 0, 0, &m), 0, "nothing before n");
}

static void
test_digits(void)
{
	int v;
	size_t len;

	is_int(lex_digits("2016-04", 7, 0, &v), 4, "lex_digits 2016");
	is_int(v, 2016, "lex_digits value");
	is_int(lex_digits("x", 1, 0, &v), 0, "lex_digits none");
	is_int(lex_digits("1234567890", 10, 0, &v), 0,
	    "lex_digits: ten digits are no number");
	is_int(lex_digit("９", 3, 0, &len), 9, "lex_digit full-width");
	is_int(len, 3, "lex_digit full-width length");
	is_int(lex_digit("a", 1, 0, &len), -1, "lex_digit none");
}

static void
test_literals(void)
{
	static const char *const tab[] = { "以后", "以", "后", NULL };
	const char *s = "三年以后";
	size_t n = strlen(s);

	ok(LEX_AT(s, n, 3, "年"), "LEX_AT");
	ok(lex_is_han(s, n, 3) && !lex_is_han("a", 1, 0), "lex_is_han");
	ok(!LEX_AT(s, 7, 3, "年以"), "LEX_AT stops at n");
	ok(LEX_BEFORE(s, 0, 6, "三年"), "LEX_BEFORE");
	ok(!LEX_BEFORE(s, 3, 6, "三年"), "LEX_BEFORE stops at lo");
	is_int(lex_at_any(s, n, 6, tab), 6, "lex_at_any: the first match");
	is_int(lex_at_any(s, n, 9, tab), 3, "lex_at_any: a shorter one");
	is_int(lex_at_any(s, n, 0, tab), 0, "lex_at_any: none");
	is_int(lex_before_any(s, 0, n, tab), 6, "lex_before_any");
	is_int(lex_char_len(s, 0), 3, "lex_char_len");
	/* The literals are compared as they are walked: cut by n, by lo. */
	is_int(lex_at_any(s, 9, 6, tab), 3, "lex_at_any: cut by n");
	is_int(lex_before_any(s, 7, n, tab), 3, "lex_before_any: cut by lo");
	is_int(lex_before_any(s, 0, 6, tab), 0, "lex_before_any: none");
}

/*
 * Every three-byte character, U+0000 to U+FFFF with the overlong and the
 * surrogates, as lex_cp3 decodes them: only the n chars are numerals, of
 * their vals (lex_han_digit() finds them in a hash table).
 */
static void
test_han_digits_all(const char *const *chars, const int *vals, size_t n)
{
	char s[3];
	unsigned c;
	size_t j;
	int want, bad = 0;

	for (c = 0; c < 0x10000; c++) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		want = -1;
		for (j = 0; j < n; j++)
			if (memcmp(chars[j], s, 3) == 0)
				want = vals[j];
		if (lex_han_digit(s, 3, 0) != want)
			bad++;
	}
	is_int(bad, 0, "lex_han_digit: every three-byte character");
}

/* Every Chinese numeral character, and near misses. */
static void
test_han_digits(void)
{
	static const char *const chars[] = { "○", "〇", "零", "一", "二",
	    "两", "兩", "三", "四", "五", "六", "七", "八", "九", "十", "廿",
	    "卅", "卌", "百", "千" };
	static const int vals[] = { 0, 0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9,
	    10, 20, 30, 40, 100, 1000 };
	size_t i;

	for (i = 0; i < sizeof chars / sizeof chars[0]; i++)
		is_int(lex_han_digit(chars[i], 3, 0), vals[i], "%s", chars[i]);
	is_int(lex_han_digit("年", 3, 0), -1, "年 is no numeral");
	test_han_digits_all(chars, vals, sizeof vals / sizeof vals[0]);
	is_int(lex_han_digit("a一", 4, 0), -1, "ASCII is none");
	/* 一 with its continuation bytes broken decodes to nothing. */
	is_int(lex_han_digit("\xe4\x38\x80", 3, 0), -1, "a broken 一");
	is_int(lex_han_digit("\xe4\xb8\x00", 3, 0), -1, "a cut 一");
	is_int((long)lex_cp3("一", 3, 0), 0x4e00, "lex_cp3 一");
	is_int((long)lex_cp3("\xf0\x9f\x98\x80", 4, 0), 0,
	    "lex_cp3: four bytes are not three");
	is_int((long)lex_cp3("\xc3\xa9", 2, 0), 0, "lex_cp3: nor two");
	is_int((long)lex_cp3("一", 2, 0), 0, "lex_cp3 stops at n");
}

static void
test_calendar(void)
{
	static const struct {
		int y, m, d;
		long z;
	} days[] = {
		{ 1970, 1, 1, 0 }, { 2000, 3, 1, 11017 },
		{ 1969, 12, 31, -1 }, { 1900, 1, 1, -25567 },
		{ 2020, 2, 29, 18321 }, { -220, 1, 1, -799881 },
	};
	size_t i;
	long z;
	int y, m, d, bad = 0;

	is_int(lex_mdays(2020, 2), 29, "2020 is a leap year");
	is_int(lex_mdays(1900, 2), 28, "1900 is not");
	is_int(lex_mdays(2000, 2), 29, "2000 is");
	is_int(lex_mdays(2021, 4), 30, "April");
	is_int(lex_mdays(2021, 13), 0, "no 13th month");
	for (i = 0; i < sizeof days / sizeof days[0]; i++)
		is_int(lex_days(days[i].y, days[i].m, days[i].d), days[i].z,
		    "lex_days %d-%d-%d", days[i].y, days[i].m, days[i].d);
	for (z = lex_days(1800, 1, 1); z < lex_days(2200, 1, 1); z++) {
		lex_civil(z, &y, &m, &d);
		if (lex_days(y, m, d) != z || d < 1 || d > lex_mdays(y, m))
			bad++;
	}
	is_int(bad, 0, "lex_civil inverts lex_days, 1800-2200");
}

int
main(void)
{
	test_nums();
	test_digits();
	test_literals();
	test_han_digits();
	test_calendar();
	return done_testing();
}
