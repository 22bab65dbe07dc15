/*
 * lex.c - literals, numerals and calendar days for the recognizers.
 *
 * There is no state: every function reads a byte range of UTF-8 text that
 * the caller owns and answers at once.  Numerals are read at the bytes
 * they start on; Chinese numeral characters are all three bytes long
 * (U+3007, U+25CB and CJK ideographs), so their values come from a
 * table by the code point decoded from those three bytes.  Calendar days are
 * counted with the usual era-of-400-years method (days from civil and
 * back), which is exact for the proleptic Gregorian calendar at any year.
 */
#include "config.h"

#include "lex.h"

size_t
lex_at_any(const char *s, size_t n, size_t i, const char *const *table)
{
	const char *w;
	size_t t, k;

	if (i >= n)
		return 0;
	/*
	 * The first byte tells most literals apart, and the rest is
	 * compared as it is walked, without strlen and memcmp: the
	 * recognizers ask at nearly every numeral.
	 */
	for (t = 0; (w = table[t]) != NULL; t++) {
		if (w[0] != s[i])
			continue;
		for (k = 0; w[k] != '\0' && i + k < n && s[i + k] == w[k]; k++)
			;
		if (w[k] == '\0')
			return k;
	}
	return 0;
}

size_t
lex_before_any(const char *s, size_t lo, size_t i, const char *const *table)
{
	const char *w;
	size_t t, len, k;

	if (i <= lo)
		return 0;
	/*
	 * The last byte first, as lex_at_any() does the first; the
	 * literals are a few bytes, so their lengths are counted here
	 * rather than by a call to strlen.
	 */
	for (t = 0; (w = table[t]) != NULL; t++) {
		for (len = 0; w[len] != '\0'; len++)
			;
		if (len == 0 || len > i - lo || w[len - 1] != s[i - 1])
			continue;
		for (k = 0; k < len && s[i - len + k] == w[k]; k++)
			;
		if (k == len)
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

/*
 * The Chinese numeral characters by their code points, decoded once
 * (lex_cp3), each in the slot of a multiplicative hash of it: the top six
 * bits of cp * LEX_HAN_MUL (mod 2^32), which differ for all twenty.  The
 * other slots hold code point 0 and -1, so that every code point but
 * these reads -1 (0 too: lex_cp3's answer for none).  The recognizers ask
 * at every key character, and a load and a comparison are cheaper than a
 * switch over twenty.
 */
const struct lex_han_slot lex_han_slots[64] = {
	/* 0: 十 零 */
	{ 0x5341, 10 }, { 0, -1 }, { 0x96f6, 0 }, { 0, -1 },
	/* 4: - */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0, -1 },
	/* 8: 廿 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x5eff, 20 },
	/* 12: 九 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x4e5d, 9 },
	/* 16: - */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0, -1 },
	/* 20: 二 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x4e8c, 2 },
	/* 24: 四 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x56db, 4 },
	/* 28: 一 三 〇 */
	{ 0x4e00, 1 }, { 0, -1 }, { 0x4e09, 3 }, { 0x3007, 0 },
	/* 32: - */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0, -1 },
	/* 36: 两 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x4e24, 2 },
	/* 40: 六 */
	{ 0, -1 }, { 0x516d, 6 }, { 0, -1 }, { 0, -1 },
	/* 44: 八 */
	{ 0, -1 }, { 0, -1 }, { 0, -1 }, { 0x516b, 8 },
	/* 48: 七 卅 */
	{ 0, -1 }, { 0, -1 }, { 0x4e03, 7 }, { 0x5345, 30 },
	/* 52: ○ 兩 百 */
	{ 0x25cb, 0 }, { 0x5169, 2 }, { 0, -1 }, { 0x767e, 100 },
	/* 56: 千 */
	{ 0, -1 }, { 0x5343, 1000 }, { 0, -1 }, { 0, -1 },
	/* 60: 卌 五 */
	{ 0x534c, 40 }, { 0x4e94, 5 }, { 0, -1 }, { 0, -1 },
};

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
lex_num_other(const char *s, size_t n, size_t i, struct lex_num *num)
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
