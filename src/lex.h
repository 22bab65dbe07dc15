/* lex.h - the small lexer that the recognizers share (internal). */
#ifndef JUAN_LEX_H
#define JUAN_LEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Literals.  All text is UTF-8 and every literal is whole characters, so a
 * literal can only match where a character starts: lead bytes and
 * continuation bytes never coincide.  That makes looking back a fixed
 * number of bytes safe.
 */

/* Does s[i..n) start with the string literal lit? */
#define LEX_AT(s, n, i, lit)						\
	((i) + sizeof(lit) - 1 <= (n) &&				\
	    memcmp((s) + (i), (lit), sizeof(lit) - 1) == 0)

/* Does s[lo..i) end with the string literal lit? */
#define LEX_BEFORE(s, lo, i, lit)					\
	((i) >= (lo) + sizeof(lit) - 1 &&				\
	    memcmp((s) + (i) - (sizeof(lit) - 1), (lit),		\
	    sizeof(lit) - 1) == 0)

/*
 * The length of the first literal of the NULL-terminated table that
 * s[i..n) starts with, or 0.  Put longer literals before their prefixes.
 */
size_t lex_at_any(const char *s, size_t n, size_t i,
    const char *const *table);

/* The same for the literal that s[lo..i) ends with. */
size_t lex_before_any(const char *s, size_t lo, size_t i,
    const char *const *table);

/* Bytes of the UTF-8 character whose lead byte is s[i] (1 when invalid). */
size_t lex_char_len(const char *s, size_t i);

/* Is the character at s[i] a CJK ideograph (U+4E00..U+9FFF)? */
int lex_is_han(const char *s, size_t n, size_t i);

/*
 * The code point of the three-byte character at s[i] (U+0800..U+FFFF,
 * where every CJK character is), or 0 when there is none: so that a
 * character is decoded once and told from many by a switch.
 */
static inline unsigned
lex_cp3(const char *s, size_t n, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;

	if (i + 3 > n || (p[0] & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 ||
	    (p[2] & 0xc0) != 0x80)
		return 0;
	return (unsigned)(p[0] & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 |
	    (p[2] & 0x3f);
}

/*
 * Numerals.
 */

enum lex_numkind {
	LEX_NUM_ASCII,		/* 2016 */
	LEX_NUM_WIDE,		/* ２０１６ (full-width digits) */
	LEX_NUM_HAN_DIGITS,	/* 二〇一六, 一九七五, 一: digit by digit */
	LEX_NUM_HAN		/* 二十一, 十二, 两千, 廿五: with 十 百 千 */
};

struct lex_num {
	long val;		/* the value */
	int ndig;		/* digits written (0 for LEX_NUM_HAN) */
	enum lex_numkind kind;
	size_t len;		/* bytes read */
};

/*
 * The value of the digit character at s[i]: ASCII or full-width digits
 * 0-9, or -1; its length in *len.
 */
int lex_digit(const char *s, size_t n, size_t i, size_t *len);

/* The slots of the Chinese numeral characters (lex.c). */
struct lex_han_slot {
	unsigned cp;		/* the code point, 0 in an empty slot */
	int val;		/* its value, -1 in an empty slot */
};
extern const struct lex_han_slot lex_han_slots[64];
#define LEX_HAN_MUL	0x7311d8a3u

/*
 * The value of the Chinese numeral character at s[i]: 〇 ○ 零 0, 一..九
 * (两 兩 2), 十 10, 廿 20, 卅 30, 卌 40, 百 100, 千 1000; else -1.  Every
 * one of them is three bytes long.
 */
static inline int
lex_han_digit(const char *s, size_t n, size_t i)
{
	unsigned c = lex_cp3(s, n, i);
	const struct lex_han_slot *h =
	    &lex_han_slots[(uint32_t)(c * LEX_HAN_MUL) >> 26];

	return h->cp == c ? h->val : -1;
}

/* Does a numeral that lex_num() reads start at s[i]? */
int lex_num_start(const char *s, size_t n, size_t i);

/* lex_num() past its ASCII digits (lex.c). */
size_t lex_num_other(const char *s, size_t n, size_t i,
    struct lex_num *num);

/*
 * Reads a numeral at s[i..n): a run of ASCII digits, of full-width digits
 * or of Chinese numerals (一九七五 digit by digit, 二十一 and 两千零五 by
 * position; at most twelve characters).  Kinds do not mix.  Returns the
 * bytes read, 0 when no numeral starts at i.  Values stop growing after
 * nine digits; ndig still counts them.  The ASCII digits, the commonest
 * numeral, are read inline: the recognizers read a numeral at every
 * digit run and key character.
 */
static inline size_t
lex_num(const char *s, size_t n, size_t i, struct lex_num *num)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = i;
	long val = 0;
	int nd = 0;

	if (i >= n || p[i] < '0' || p[i] > '9')
		return lex_num_other(s, n, i, num);
	while (k < n && p[k] >= '0' && p[k] <= '9') {
		if (nd < 9)
			val = val * 10 + (p[k] - '0');
		nd++;
		k++;
	}
	num->val = val;
	num->ndig = nd;
	num->kind = LEX_NUM_ASCII;
	num->len = k - i;
	return num->len;
}

/*
 * Reads ASCII digits at s[i..n): the value in *v and the count returned,
 * 0 when there are none or more than nine.
 */
size_t lex_digits(const char *s, size_t n, size_t i, int *v);

/*
 * The calendar (proleptic Gregorian, astronomical years: 0 is 1 BC).
 */

/* Is y a leap year? */
int lex_leap(int y);

/* Days in month m (1..12) of year y, 0 for another m. */
int lex_mdays(int y, int m);

/* Days from 1970-01-01 to y-m-d (negative before). */
long lex_days(int y, int m, int d);

/* The date of day z (as counted by lex_days). */
void lex_civil(long z, int *y, int *m, int *d);

#endif
