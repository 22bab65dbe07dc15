/*
 * lex.c - literals, numerals and calendar days for the recognizers.
 *
 * There is no state: every function reads a byte range of UTF-8 text that
 * the caller owns and answers at once.  Numerals are read at the bytes
 * they start on; Chinese numeral characters are all three bytes long
 * (U+3007, U+25CB and CJK ideographs), so their values come from a small
 * table of their encodings searched by lead byte.  Calendar days are
 * counted with the usual era-of-400-years method (days from civil and
 * back), which is exact for the proleptic Gregorian calendar at any year.
 */
#include "config.h"

#include "lex.h"

size_t
lex_at_any(const char *s, size_t n, size_t i, const char *const *table)
{
	size_t t, len;

	if (i >= n)
		return 0;
	/*
	 * The first byte tells most literals apart without strlen and
	 * memcmp: the recognizers ask at nearly every numeral.
	 */
	for (t = 0; table[t] != NULL; t++) {
		if (table[t][0] != s[i])
			continue;
		len = strlen(table[t]);
		if (len <= n - i && memcmp(s + i, table[t], len) == 0)
			return len;
	}
	return 0;
}

size_t
lex_before_any(const char *s, size_t lo, size_t i, const char *const *table)
{
	size_t t, len;

	if (i <= lo)
		return 0;
	/* The last byte first, as lex_at_any() does the first. */
	for (t = 0; table[t] != NULL; t++) {
		len = strlen(table[t]);
		if (len != 0 && len <= i - lo && table[t][len - 1] == s[i - 1] &&
		    memcmp(s + i - len, table[t], len) == 0)
			return len;
	}
	return 0;
}

size_t
lex_char_len(const char *s, size_t i)
{
	unsigned char b = (unsigned char)s[i];

	return b < 0xc0 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
}

int
lex_is_han(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;

	return i + 3 <= n && p[0] >= 0xe4 && p[0] <= 0xe9;
}

int
lex_digit(const char *s, size_t n, size_t i, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s + i;

	if (i < n && p[0] >= '0' && p[0] <= '9') {
		*len = 1;
		return p[0] - '0';
	}
	if (i + 3 <= n && p[0] == 0xef && p[1] == 0xbc && p[2] >= 0x90 &&
	    p[2] <= 0x99) {
		*len = 3;
		return p[2] - 0x90;
	}
	*len = 0;
	return -1;
}

/* The Chinese numeral characters, their UTF-8 bytes and values. */
static const struct {
	unsigned char b[3];
	int val;
} han_digits[] = {
	{ { 0xe2, 0x97, 0x8b }, 0 },	/* ○ (a circle, written for zero) */
	{ { 0xe3, 0x80, 0x87 }, 0 },	/* 〇 */
	{ { 0xe9, 0x9b, 0xb6 }, 0 },	/* 零 */
	{ { 0xe4, 0xb8, 0x80 }, 1 },	/* 一 */
	{ { 0xe4, 0xba, 0x8c }, 2 },	/* 二 */
	{ { 0xe4, 0xb8, 0xa4 }, 2 },	/* 两 */
	{ { 0xe5, 0x85, 0xa9 }, 2 },	/* 兩 */
	{ { 0xe4, 0xb8, 0x89 }, 3 },	/* 三 */
	{ { 0xe5, 0x9b, 0x9b }, 4 },	/* 四 */
	{ { 0xe4, 0xba, 0x94 }, 5 },	/* 五 */
	{ { 0xe5, 0x85, 0xad }, 6 },	/* 六 */
	{ { 0xe4, 0xb8, 0x83 }, 7 },	/* 七 */
	{ { 0xe5, 0x85, 0xab }, 8 },	/* 八 */
	{ { 0xe4, 0xb9, 0x9d }, 9 },	/* 九 */
	{ { 0xe5, 0x8d, 0x81 }, 10 },	/* 十 */
	{ { 0xe5, 0xbb, 0xbf }, 20 },	/* 廿 */
	{ { 0xe5, 0x8d, 0x85 }, 30 },	/* 卅 */
	{ { 0xe5, 0x8d, 0x8c }, 40 },	/* 卌 */
	{ { 0xe7, 0x99, 0xbe }, 100 },	/* 百 */
	{ { 0xe5, 0x8d, 0x83 }, 1000 },	/* 千 */
};

int
lex_han_digit(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t k;

	if (i + 3 > n || p[0] < 0xe2 || p[0] > 0xe9)
		return -1;
	for (k = 0; k < sizeof han_digits / sizeof han_digits[0]; k++)
		if (memcmp(p, han_digits[k].b, 3) == 0)
			return han_digits[k].val;
	return -1;
}

int
lex_num_start(const char *s, size_t n, size_t i)
{
	size_t len;

	return lex_digit(s, n, i, &len) >= 0 || lex_han_digit(s, n, i) >= 0;
}

/*
 * Chinese numerals at s[i..n).  Digits alone are read one by one
 * (一九七五 is 1975); with a unit (十 百 千) by position: 二十一 is 21,
 * 两千零五 2005, 十二 12.  廿 卅 卌 are 20, 30 and 40 written as one
 * character (廿五 is 25).  A long run is not a numeral anyone writes for
 * a date, so it stops at twelve characters.
 */
static size_t
han_num(const char *s, size_t n, size_t i, struct lex_num *num)
{
	long val = 0, total = 0, cur = 0;
	int d, nd = 0, positional = 0;
	size_t k = i;

	while (k < n && nd < 12 && (d = lex_han_digit(s, n, k)) >= 0) {
		if (d >= 20 && d <= 40) {
			positional = 1;
			total += d;
			cur = 0;
		} else if (d >= 10) {
			positional = 1;
			total += (cur ? cur : 1) * d;
			cur = 0;
		} else {
			val = val * 10 + d;
			cur = d;
		}
		nd++;
		k += 3;
	}
	if (positional) {
		num->kind = LEX_NUM_HAN;
		num->val = total + cur;
		num->ndig = 0;
	} else {
		num->kind = LEX_NUM_HAN_DIGITS;
		num->val = val;
		num->ndig = nd;
	}
	return k - i;
}

size_t
lex_num(const char *s, size_t n, size_t i, struct lex_num *num)
{
	size_t k = i, len, first;
	long val = 0;
	int d, nd = 0;

	memset(num, 0, sizeof *num);
	if (lex_digit(s, n, i, &first) < 0) {
		num->len = han_num(s, n, i, num);
		return num->len;
	}
	/* One kind of digit: ASCII and full-width do not mix. */
	while ((d = lex_digit(s, n, k, &len)) >= 0 && len == first) {
		if (nd < 9)
			val = val * 10 + d;
		nd++;
		k += len;
	}
	num->kind = first == 1 ? LEX_NUM_ASCII : LEX_NUM_WIDE;
	num->val = val;
	num->ndig = nd;
	num->len = k - i;
	return num->len;
}

size_t
lex_digits(const char *s, size_t n, size_t i, int *v)
{
	size_t j = i;

	*v = 0;
	while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 9)
		*v = *v * 10 + (s[j++] - '0');
	if (j < n && s[j] >= '0' && s[j] <= '9')
		return 0;
	return j - i;
}

int
lex_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
lex_mdays(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && lex_leap(y))
		return 29;
	return days[m - 1];
}

/*
 * Days counted from 0000-03-01 in eras of 400 years (146097 days), the
 * year starting in March so that the leap day ends it; shifted so that
 * 1970-01-01 is day 0.
 */
#define LEX_EPOCH 719468L

long
lex_days(int y, int m, int d)
{
	long era, yoe, doy, doe, yy = y - (m <= 2);

	era = (yy >= 0 ? yy : yy - 399) / 400;
	yoe = yy - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - LEX_EPOCH;
}

void
lex_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += LEX_EPOCH;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}
