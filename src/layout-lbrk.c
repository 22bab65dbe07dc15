/*
 * layout-lbrk.c - UAX #14 break opportunities, fast for common text.
 *
 * u8_possible_linebreaks() is the reference, but at about 90 MB/s it
 * would be most of the cost of laying out a large document.  For the
 * characters of everyday CJK and Latin text its answer depends only on the
 * class of the last character that is not a space, the class of the next
 * one, and whether spaces came between them (the pair table of UAX #14).
 * So the pair table is not written here: it is asked of libunistring once,
 * by laying out every pair of representative characters, with and without
 * a space between them, and stored in pair[][] (bit 0: a break without
 * spaces, bit 1: with).  A piece of text made only of represented
 * characters is then classified in one pass; any other character (a
 * combining mark, an emoji, a control, Hangul jamo, ...) sends the whole
 * piece to libunistring.  test-layout compares both on random text.
 */
#include "config.h"

#include <string.h>
#include <unilbrk.h>
#include <unistr.h>

#include "juan/layout.h"
#include "juan/util.h"

/*
 * Representatives: the printable ASCII characters (index c - 0x20, the
 * space first), the tab, then one character for each group of characters
 * that UAX #14 treats alike, then single characters.
 */
static const uint32_t reps[] = {
	/* 95 ASCII, then: */
	'\t',
	0x6c49,		/* ideographs: 汉 */
	0x3042,		/* hiragana and katakana that are not small */
	0x3041,		/* small kana and the prolonged sound mark */
	0xac00,		/* Hangul syllables */
	0xff21,		/* fullwidth letters */
	0xff10,		/* fullwidth digits */
	0x3000, 0x3001, 0x3002, 0x3005, 0x3008, 0x3009, 0x300a, 0x300b,
	0x300c, 0x300d, 0x300e, 0x300f, 0x3010, 0x3011, 0x3014, 0x3015,
	0x3016, 0x3017, 0x30fb, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d,
	0x2026, 0xff01, 0xff08, 0xff09, 0xff0c, 0xff0e, 0xff1a, 0xff1b,
	0xff1f, 0xff3b, 0xff3d, 0xff5b, 0xff5d, 0xff05, 0xff0f, 0xff0d
};
#define NASCII	95
#define NREP	(NASCII + sizeof reps / sizeof reps[0])
#define R_TAB	NASCII
#define R_IDEO	(NASCII + 1)
#define R_KANA	(NASCII + 2)
#define R_SMALL	(NASCII + 3)
#define R_HANGUL (NASCII + 4)
#define R_FWALPHA (NASCII + 5)
#define R_FWDIGIT (NASCII + 6)
#define R_SINGLE (NASCII + 7)	/* the single characters start here */

static unsigned char pair[NREP][NREP];	/* see the top of the file */
static int pair_ready;

static int
is_small_kana(uint32_t c)
{
	static const uint16_t small[] = { 0x3041, 0x3043, 0x3045, 0x3047,
	    0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308e, 0x3095, 0x3096,
	    0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30c3, 0x30e3, 0x30e5,
	    0x30e7, 0x30ee, 0x30f5, 0x30f6, 0x30fc };
	size_t i;

	for (i = 0; i < sizeof small / sizeof small[0]; i++)
		if (small[i] == c)
			return 1;
	return 0;
}

/* The representative of c, or -1 when c is not handled here. */
static int
rep_of(uint32_t c)
{
	size_t i;

	if (c >= 0x20 && c < 0x7f)
		return (int)(c - 0x20);
	if (c == '\t')
		return R_TAB;
	if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf))
		return R_IDEO;
	if ((c >= 0x3041 && c <= 0x3094) || (c >= 0x30a1 && c <= 0x30fa) ||
	    c == 0x30fc)
		return is_small_kana(c) ? R_SMALL : R_KANA;
	if (c >= 0xac00 && c <= 0xd7a3)
		return R_HANGUL;
	if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a))
		return R_FWALPHA;
	if (c >= 0xff10 && c <= 0xff19)
		return R_FWDIGIT;
	if (c >= 0x2014 && c <= 0xff5d)
		for (i = R_SINGLE - NASCII; i < sizeof reps / sizeof reps[0];
		    i++)
			if (reps[i] == c)
				return (int)(NASCII + i);
	return -1;
}

static uint32_t
rep_char(size_t r)
{
	return r < NASCII ? (uint32_t)(r + 0x20) : reps[r - NASCII];
}

/* Asks libunistring for the pair table. */
static void
pair_init(void)
{
	uint8_t s[16];
	char p[16];
	size_t i, j;
	int a, b;

	for (i = 1; i < NREP; i++) {
		a = u8_uctomb(s, rep_char(i), 4);
		for (j = 1; j < NREP; j++) {
			b = u8_uctomb(s + a, rep_char(j), 4);
			u8_possible_linebreaks(s, (size_t)(a + b), "UTF-8", p);
			pair[i][j] = p[a] == UC_BREAK_POSSIBLE;
			s[a] = ' ';
			b = u8_uctomb(s + a + 1, rep_char(j), 4);
			u8_possible_linebreaks(s, (size_t)(a + 1 + b), "UTF-8",
			    p);
			pair[i][j] |= (p[a + 1] == UC_BREAK_POSSIBLE) << 1;
		}
	}
	pair_ready = 1;
}

int
layout_breaks(const char *s, size_t n, char *brk)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int prev = -1, sp = 0, r, k;
	uint32_t c;

	if (!pair_ready)
		pair_init();
	while (i < n) {
		if (u[i] < 0x80) {
			c = u[i];
			k = 1;
		} else if (u[i] >= 0xe0 && u[i] < 0xf0 && i + 3 <= n &&
		    (u[i + 1] & 0xc0) == 0x80 && (u[i + 2] & 0xc0) == 0x80) {
			c = ((uint32_t)(u[i] & 0x0f) << 12) |
			    ((uint32_t)(u[i + 1] & 0x3f) << 6) |
			    (uint32_t)(u[i + 2] & 0x3f);
			k = 3;
			brk[i + 1] = brk[i + 2] = UC_BREAK_PROHIBITED;
		} else
			break;
		if ((r = rep_of(c)) < 0)
			break;
		if (r == 0) {
			brk[i] = UC_BREAK_PROHIBITED;
			sp = 1;
		} else {
			brk[i] = prev >= 0 && (pair[prev][r] >> sp) & 1 ?
			    UC_BREAK_POSSIBLE : UC_BREAK_PROHIBITED;
			prev = r;
			sp = 0;
		}
		i += (size_t)k;
	}
	if (i < n) {
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
		return 0;
	}
	return 1;
}
