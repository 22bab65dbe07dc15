/*
 * doc-lex.c - the line lexer of the document model.
 *
 * A line is classified on its own, with cheap byte tests, into a struct
 * line (doc-int.h): blank, text, short text, a heading candidate of a
 * family, a list item, a figure, boilerplate, or a code fence; with how
 * it ends and where its words start.  A line longer than any heading is
 * only looked at at its two ends, so a body line costs a few byte
 * compares whatever its length.  Here too are the literal, numeral and
 * date helpers the other stages use.  All bounds are in approximate
 * display columns (doc_lex_cols()): a byte below 0x80 counts one, the
 * lead byte of a 2-byte sequence one, of a 3- or 4-byte sequence two.
 * This counts CJK characters exactly and never less than a terminal
 * would, and costs one pass over at most a few hundred bytes.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "doc-int.h"
#include "lex.h"
#include "juan/util.h"

/*
 * Tells whether s[0..n) starts with lit.  Most calls fail on the first
 * byte, so that is looked at before the length and the rest.
 */
int
doc_lex_starts(const char *s, size_t n, const char *lit)
{
	size_t k;

	if (lit[0] == '\0')
		return 1;
	if (n == 0 || s[0] != lit[0])
		return 0;
	k = strlen(lit);
	return n >= k && memcmp(s, lit, k) == 0;
}

int
doc_lex_contains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return k <= n && memmem(s, n, lit, k) != NULL;
}

/* Tells whether s starts with one of the NULL-terminated literals. */
int
doc_lex_starts_any(const char *s, size_t n, const char *const *lits)
{
	for (; *lits != NULL; lits++)
		if (doc_lex_starts(s, n, *lits))
			return 1;
	return 0;
}

int
doc_lex_contains_any(const char *s, size_t n, const char *const *lits)
{
	for (; *lits != NULL; lits++)
		if (doc_lex_contains(s, n, *lits))
			return 1;
	return 0;
}

/*
 * Approximate display columns of s[0..n); see the top of the file: one
 * for an ASCII byte and for a lead byte, two for a lead byte of three or
 * four, none for a continuation byte.  16 bytes at a time where the
 * processor has SSE2 (every x86-64): as signed bytes ASCII is >= 0, a
 * lead byte (0xC0..) >= -64 and one of three or four (0xE0..) >= -32,
 * and each test's -1 is subtracted from a byte counter.
 */
size_t
doc_lex_cols(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, c = 0;
#if defined(__SSE2__)
	__m128i v, ascii, acc = _mm_setzero_si128();
	int k = 0;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));
		acc = _mm_sub_epi8(acc, ascii);
		acc = _mm_sub_epi8(acc, _mm_andnot_si128(ascii,
		    _mm_cmpgt_epi8(v, _mm_set1_epi8(-65))));
		acc = _mm_sub_epi8(acc, _mm_andnot_si128(ascii,
		    _mm_cmpgt_epi8(v, _mm_set1_epi8(-33))));
		/* A byte counter gains 3 at most a step. */
		if (++k == 80 || i + 32 > n) {
			acc = _mm_sad_epu8(acc, _mm_setzero_si128());
			c += (size_t)_mm_cvtsi128_si32(acc) +
			    (size_t)_mm_extract_epi16(acc, 4);
			acc = _mm_setzero_si128();
			k = 0;
		}
	}
#endif
	for (; i < n; i++)
		c += (size_t)(u[i] < 0x80) + (u[i] >= 0xc0) + (u[i] >= 0xe0);
	return c;
}

/* The length of the white space at s: space, tab, U+3000, U+00A0. */
static size_t
space_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	switch (u[0]) {
	case ' ': case '\t':
		return 1;
	case 0xe3:
		return n >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
	case 0xc2:
		return n >= 2 && u[1] == 0xa0 ? 2 : 0;
	}
	return 0;
}

/* The length of the white space that ends s[0..n). */
static size_t
space_len_back(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	switch (u[n - 1]) {
	case ' ': case '\t':
		return 1;
	case 0x80:
		return n >= 3 && u[n - 3] == 0xe3 && u[n - 2] == 0x80 ? 3 : 0;
	case 0xa0:
		return n >= 2 && u[n - 2] == 0xc2 ? 2 : 0;
	}
	return 0;
}

/* Narrows [*off, *end) of s to drop white space at both ends. */
void
doc_lex_trim(const char *s, size_t *off, size_t *end)
{
	size_t k;

	while (*off < *end && (k = space_len(s + *off, *end - *off)) > 0)
		*off += k;
	while (*end > *off && (k = space_len_back(s + *off, *end - *off)) > 0)
		*end -= k;
}

/*
 * Decodes the character that ends s[0..n), n > 0, into *c; returns its
 * length.  The buffer is valid UTF-8, so stepping back over continuation
 * bytes finds the lead byte.
 */
static size_t
last_cp(const char *s, size_t n, uint32_t *c)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = n - 1;

	/*
	 * Most lines end with ASCII or a character of three bytes (CJK
	 * and its punctuation), decoded here; leads E0 and ED, whose
	 * overlong and surrogate forms util_u8_next() refuses, are left
	 * to it.
	 */
	if (u[i] < 0x80) {
		*c = u[i];
		return 1;
	}
	if (n >= 3 && (u[n - 1] & 0xc0) == 0x80 && (u[n - 2] & 0xc0) == 0x80 &&
	    u[n - 3] >= 0xe1 && u[n - 3] <= 0xef && u[n - 3] != 0xed) {
		*c = (uint32_t)(u[n - 3] & 0x0f) << 12 |
		    (uint32_t)(u[n - 2] & 0x3f) << 6 | (u[n - 1] & 0x3f);
		return 3;
	}

	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	util_u8_next(s + i, n - i, c);
	return n - i;
}

/*
 * Tells whether s[0..n), which ends with "）", ends with a note in
 * brackets after a whole sentence: "…活动。（来源：某某网）".
 */
static int
note_after_sentence(const char *s, size_t n)
{
	size_t i, lim = n > 96 ? n - 96 : 0;

	for (i = n - 3; i >= lim + 3; i--)
		if (memcmp(s + i, "\xef\xbc\x88", 3) == 0)
			return memcmp(s + i - 3, "\xe3\x80\x82", 3) == 0 ||
			    memcmp(s + i - 3, "\xef\xbc\x81", 3) == 0 ||
			    memcmp(s + i - 3, "\xef\xbc\x9f", 3) == 0;
	return 0;
}

/* How s[0..n) (trimmed, n > 0) ends; see enum lend. */
enum lend
doc_lex_line_end(const char *s, size_t n)
{
	uint32_t c;
	size_t k;

	if (n >= 9 && memcmp(s + n - 3, "\xef\xbc\x89", 3) == 0 &&
	    note_after_sentence(s, n))
		return END_SENT_CJK;
	while (n > 0) {
		k = last_cp(s, n, &c);
		switch (c) {
		/* Closing quotes and brackets: the sentence ends inside. */
		case 0x201d: case 0x2019: case 0x300d: case 0x300f:
		case 0xff09: case 0x300b: case 0x3009: case 0x3011:
		case ')': case '"': case '\'': case ']':
			n -= k;
			continue;
		case 0x3002: case 0xff01: case 0xff1f: case 0x2026:
		case 0xff1b: case 0xff0e:
			return END_SENT_CJK;
		case '.': case '!': case '?': case ';':
			return END_SENT;
		case ',': case 0xff0c: case 0x3001:
			return END_CONT;
		case ':': case 0xff1a:
			return END_COLON;
		default:
			return END_NONE;
		}
	}
	return END_NONE;
}

/*
 * Reads a number of at most max digits (ASCII or full-width, as the
 * shared lexer reads them) at s[*i].  Returns the count of digits read (0
 * when none), max + 1 when more follow (callers reject), and the value in
 * *v.
 */
static int
digits(const char *s, size_t n, size_t *i, int max, long *v)
{
	size_t len;
	int d, k = 0;

	*v = 0;
	while (*i < n && k < max && (d = lex_digit(s, n, *i, &len)) >= 0) {
		*v = *v * 10 + d;
		*i += len;
		k++;
	}
	if (k == max && *i < n && lex_digit(s, n, *i, &len) >= 0)
		return k + 1;
	return k;
}

/*
 * Reads a run of at most max strings of the NULL-ended table nums at
 * s[*i..n), advancing *i past them; returns how many were read.
 */
static int
table_run(const char *s, size_t n, size_t *i, const char *const *nums,
    int max)
{
	const char *const *p;
	int k = 0, hit;

	do {
		hit = 0;
		for (p = nums; *p != NULL; p++)
			if (doc_lex_starts(s + *i, n - *i, *p)) {
				*i += strlen(*p);
				k++;
				hit = 1;
				break;
			}
	} while (hit && k < max);
	return k;
}

/*
 * Reads a run of at most eight Chinese numerals (一 .. 十 百 千 零 〇 ○ 两
 * 廿 卅, as the shared lexer knows them); returns the count.
 */
static int
cn_numerals(const char *s, size_t n, size_t *i)
{
	int k = 0;

	/* Every numeral is three bytes long. */
	while (k < 8 && *i < n && lex_han_digit(s, n, *i) >= 0) {
		*i += 3;
		k++;
	}
	return k;
}

/* Reads a run of capital numerals (壹 .. 拾, traditional and simplified). */
static int
cn_capitals(const char *s, size_t n, size_t *i)
{
	static const char *const nums[] = { "壹", "贰", "貳", "叁", "參",
	    "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", NULL };

	return table_run(s, n, i, nums, 4);
}

/*
 * Parses a date at s[0..n): YYYY年M月D日, YYYY-M-D, YYYY/M/D, YYYY.M.D,
 * or, with eight set, YYYYMMDD.  Digits may be full-width.  Month and day
 * may be missing (0) only when partial is set.  Returns the bytes read,
 * 0 when there is no such date.
 */
size_t
doc_lex_parse_date(const char *s, size_t n, int partial, int eight, int *y,
    int *m, int *dd)
{
	size_t i = 0, j;
	long v;
	int k;

	*y = *m = *dd = 0;
	if (eight) {
		if (n < 8)
			return 0;
		for (j = 0; j < 8; j++)
			if (s[j] < '0' || s[j] > '9')
				return 0;
		*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		    (s[2] - '0') * 10 + (s[3] - '0');
		*m = (s[4] - '0') * 10 + (s[5] - '0');
		*dd = (s[6] - '0') * 10 + (s[7] - '0');
		if (*y < 1900 || *y > 2099 || *m < 1 || *m > 12 || *dd < 1 ||
		    *dd > 31)
			return 0;
		return 8;
	}
	if (digits(s, n, &i, 4, &v) != 4 || v < 1000 || v > 2999)
		return 0;
	*y = (int)v;
	if (STARTS(s + i, n - i, "年")) {
		i += 3;
		j = i;
		k = digits(s, n, &j, 2, &v);
		if (k < 1 || k > 2 || v < 1 || v > 12 ||
		    !STARTS(s + j, n - j, "月"))
			return partial ? i : 0;
		*m = (int)v;
		i = j + 3;
		j = i;
		k = digits(s, n, &j, 2, &v);
		if (k < 1 || k > 2 || v < 1 || v > 31 ||
		    !(STARTS(s + j, n - j, "日") || STARTS(s + j, n - j, "号")))
			return partial ? i : 0;
		*dd = (int)v;
		return j + 3;
	}
	if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
		char sep = s[i];

		j = i + 1;
		k = digits(s, n, &j, 2, &v);
		if (k < 1 || k > 2 || v < 1 || v > 12)
			return 0;
		*m = (int)v;
		if (j < n && s[j] == sep) {
			size_t e = j + 1;

			k = digits(s, n, &e, 2, &v);
			if (k >= 1 && k <= 2 && v >= 1 && v <= 31) {
				*dd = (int)v;
				return e;
			}
		}
		if (!partial) {
			*m = 0;
			return 0;
		}
		return j;
	}
	return 0;
}

/* Tells whether s starts with a date: YYYY年, YYYY-MM, M月D日. */
int
doc_lex_starts_with_date(const char *s, size_t n)
{
	size_t i = 0;
	long v;
	int y, m, dd, k;

	if (doc_lex_parse_date(s, n, 1, 0, &y, &m, &dd) > 0)
		return 1;
	k = digits(s, n, &i, 2, &v);
	if (k >= 1 && k <= 2 && v >= 1 && v <= 12 &&
	    STARTS(s + i, n - i, "月")) {
		i += 3;
		k = digits(s, n, &i, 2, &v);
		return k >= 1 && k <= 2 && (STARTS(s + i, n - i, "日") ||
		    STARTS(s + i, n - i, "号"));
	}
	return 0;
}

/*
 * Tells whether s[0..n) holds min letters at least (CJK, kana, Hangul,
 * Latin, Greek, Cyrillic).  Every caller asks for a few, and it stops
 * at them: a whole line need not be counted.
 */
static int
letters(const char *s, size_t n, size_t min)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0;

	for (i = 0; i < n && c < min; i++) {
		if ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z')
			c++;
		else if (u[i] >= 0xe4 && u[i] <= 0xed)
			c++;
		else if (u[i] == 0xe3 && i + 1 < n && u[i + 1] >= 0x81)
			c++;
		else if (u[i] >= 0xc3 && u[i] <= 0xd4)
			c++;
	}
	return c >= min;
}

/* Tells whether s[0..n) holds a C0 control other than tab, or DEL. */
static int
has_controls(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f)
			return 1;
	return 0;
}

/* Line families. */

/* Parses a "#" heading (up to 3 spaces of indentation); returns the count. */
static int
md_heading(const char *s, size_t off, size_t end, size_t *toff,
    size_t *tend)
{
	size_t i = off, k = 0;
	int n = 0;

	while (i < end && s[i] == ' ' && k < 4) {
		i++;
		k++;
	}
	if (k > 3)
		return 0;
	while (i < end && s[i] == '#' && n < 7) {
		i++;
		n++;
	}
	if (n < 1 || n > 6 || (i < end && s[i] != ' ' && s[i] != '\t'))
		return 0;
	*toff = i;
	*tend = end;
	doc_lex_trim(s, toff, tend);
	/* A closing run of '#' after a space is not part of the text. */
	k = *tend;
	while (k > *toff && s[k - 1] == '#')
		k--;
	if (k < *tend && (k == *toff || s[k - 1] == ' ' || s[k - 1] == '\t')) {
		*tend = k;
		doc_lex_trim(s, toff, tend);
	}
	return n;
}

/*
 * Tells whether s[off..end) is a setext underline: up to 3 spaces, then
 * three or more '=' (returns 1, a level-1 heading) or '-' (returns 2).
 */
int
doc_lex_setext(const char *s, size_t off, size_t end)
{
	size_t i = off, k = 0;
	char c;

	while (i < end && s[i] == ' ' && k < 4) {
		i++;
		k++;
	}
	if (k > 3 || i >= end || (s[i] != '=' && s[i] != '-'))
		return 0;
	c = s[i];
	k = 0;
	while (i < end && s[i] == c) {
		i++;
		k++;
	}
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < end || k < 3)
		return 0;
	return c == '=' ? 1 : 2;
}

/* Tells whether a fence opens at s[off..end): ``` or ~~~; sets ch, len. */
int
doc_lex_fence(const char *s, size_t off, size_t end, char *ch, size_t *len)
{
	size_t i = off, k = 0;

	while (i < end && s[i] == ' ' && k < 4) {
		i++;
		k++;
	}
	if (k > 3 || i >= end || (s[i] != '`' && s[i] != '~'))
		return 0;
	*ch = s[i];
	k = 0;
	while (i < end && s[i] == *ch) {
		i++;
		k++;
	}
	if (k < 3)
		return 0;
	/* An info string may follow ``` but may hold no backtick. */
	if (*ch == '`' && memchr(s + i, '`', end - i) != NULL)
		return 0;
	*len = k;
	return 1;
}

/* Tells whether s[off..end) closes a fence of ch repeated len times. */
int
doc_lex_fence_closes(const char *s, size_t off, size_t end, char ch, size_t len)
{
	size_t i = off, k = 0;

	while (i < end && s[i] == ' ' && k < 4) {
		i++;
		k++;
	}
	if (k > 3)
		return 0;
	k = 0;
	while (i < end && s[i] == ch) {
		i++;
		k++;
	}
	if (k < len)
		return 0;
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == end;
}

/* The units after 第N, and their families. */
static const struct {
	const char *unit;
	unsigned char fam;
} chapter_units[] = {
	{ "章", FAM_CHAPTER }, { "回", FAM_CHAPTER }, { "集", FAM_CHAPTER },
	{ "话", FAM_CHAPTER }, { "話", FAM_CHAPTER }, { "장", FAM_CHAPTER },
	{ "节", FAM_SECTION }, { "節", FAM_SECTION }, { "절", FAM_SECTION },
	{ "编", FAM_PART }, { "編", FAM_PART }, { "卷", FAM_PART },
	{ "部", FAM_PART }, { "篇", FAM_PART }, { "편", FAM_PART },
};

/*
 * What after "第三节" or "第四回" makes the words a mention in a sentence,
 * not a heading: 第三节课, 第四回中, 第二章里, 第一部的.
 */
static const char *const chapter_stops[] = { "课", "課", "中", "里", "裏",
	"内", "的", "是", "和", "与", "也", "都", "又", "就", "时", "後", "后",
	"前", "讲", "講", "写", "寫", "说", "說", "已", "才", "开始", NULL };

/*
 * The family of the unit at s[0..n), after "第N": a chapter, a section,
 * a part; FAM_NONE for no unit or a mention ("第三节课").
 */
static enum family
chapter_unit(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < sizeof chapter_units / sizeof chapter_units[0]; k++)
		if (doc_lex_starts(s, n, chapter_units[k].unit)) {
			size_t u = strlen(chapter_units[k].unit);

			if (doc_lex_starts_any(s + u, n - u, chapter_stops))
				return FAM_NONE;
			return (enum family)chapter_units[k].fam;
		}
	return FAM_NONE;
}

/*
 * The words of a novel's front and back matter, headings at the level
 * of its chapters when a line starts with them and says no more than a
 * title: 序章 楔子 引子 前言 后记 尾声 终章 番外, Prologue.
 */
static const char *const matter_words[] = { "序章", "楔子", "引子", "前言",
	"序言", "序幕", "后记", "後記", "尾声", "尾聲", "终章", "終章", "番外",
	"结语", "結語", "Prologue", "Epilogue", "PROLOGUE", "EPILOGUE", NULL };

/* What may follow such a word: the end, a space, a colon, a numeral. */
static const char *const matter_after[] = { " ", "\xe3\x80\x80", "：", ":",
	"·", "—", "-", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"（", "(", NULL };

static int
matter_word(const char *s, size_t n)
{
	const char *const *p;
	size_t k;

	/* Every word starts with one of a few lead bytes. */
	if ((unsigned char)s[0] < 0xe4 && s[0] != 'P' && s[0] != 'E')
		return FAM_NONE;
	for (p = matter_words; *p != NULL; p++)
		if (doc_lex_starts(s, n, *p)) {
			k = strlen(*p);
			if (k == n || doc_lex_starts_any(s + k, n - k,
			    matter_after) || (s[k] >= '0' && s[k] <= '9'))
				return FAM_CHAPTER;
			return FAM_NONE;
		}
	return FAM_NONE;
}

/* What the first character of a line may open, for numbering(). */
enum opener {
	OPEN_NONE,	/* no numbering numbering() knows */
	OPEN_ORDINAL,	/* 第 제 */
	OPEN_MATTER,	/* a word of matter_words[] */
	OPEN_CAPITAL,	/* a capital numeral (cn_capitals()) */
	OPEN_OTHER	/* a digit, a bracket, a Chinese numeral, a letter of
			   Chapter, Part, Section, a Roman numeral, a
			   matter word in English */
};

/*
 * What the first character of s[0..n) may open.  Every form numbering()
 * accepts starts with one of these characters, and nearly every line is
 * asked (run_in()): most start otherwise, and are told so by one
 * decoding of their first character; the others skip the tests whose
 * first character they are not.
 */
static enum opener
opener(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	unsigned cp;

	if (c < 0x80)
		return (c >= '0' && c <= '9') || c == '(' || c == 'C' ||
		    c == 'P' || c == 'S' || c == 'E' || c == 'I' || c == 'V' ||
		    c == 'X' ? OPEN_OTHER : OPEN_NONE;
	cp = lex_cp3(s, n, 0);
	switch (cp) {
	case 0x7b2c:	/* 第 */
	case 0xc81c:	/* 제 */
		return OPEN_ORDINAL;
	case 0x5e8f:	/* 序 */
	case 0x6954:	/* 楔 */
	case 0x5f15:	/* 引 */
	case 0x524d:	/* 前 */
	case 0x540e:	/* 后 */
	case 0x5f8c:	/* 後 */
	case 0x5c3e:	/* 尾 */
	case 0x7ec8:	/* 终 */
	case 0x7d42:	/* 終 */
	case 0x756a:	/* 番 */
	case 0x7ed3:	/* 结 */
	case 0x7d50:	/* 結 */
		return OPEN_MATTER;
	case 0x58f9:	/* 壹 */
	case 0x8d30:	/* 贰 */
	case 0x8cb3:	/* 貳 */
	case 0x53c1:	/* 叁 */
	case 0x53c3:	/* 參 */
	case 0x8086:	/* 肆 */
	case 0x4f0d:	/* 伍 */
	case 0x9646:	/* 陆 */
	case 0x9678:	/* 陸 */
	case 0x67d2:	/* 柒 */
	case 0x634c:	/* 捌 */
	case 0x7396:	/* 玖 */
	case 0x62fe:	/* 拾 */
		return OPEN_CAPITAL;
	case 0xff08:	/* （ */
		return OPEN_OTHER;
	}
	/* Full-width digits, then the numerals of cn_numerals(). */
	return (cp >= 0xff10 && cp <= 0xff19) || lex_han_digit(s, n, 0) >= 0 ?
	    OPEN_OTHER : OPEN_NONE;
}

/*
 * Recognizes a numbering at the start of the trimmed line s[0..n) and
 * returns its family, or FAM_NONE.  *dot is set for the "1. " form, which
 * is a Markdown list item when the line is not a heading.
 */
static enum family
numbering(const char *s, size_t n, int *dot)
{
	size_t i = 0, j;
	long v;
	int k, depth;
	enum opener open;

	*dot = 0;
	if (n == 0 || (open = opener(s, n)) == OPEN_NONE)
		return FAM_NONE;
	/* 第一章 第3节 (Chinese, Japanese), 제1장 (Korean). */
	if (open == OPEN_ORDINAL) {
		i = 3;
		if (cn_numerals(s, n, &i) == 0) {
			k = digits(s, n, &i, 4, &v);
			if (k < 1 || k > 4)
				return FAM_NONE;
		}
		return chapter_unit(s + i, n - i);
	}
	if ((open == OPEN_MATTER || s[0] == 'P' || s[0] == 'E') &&
	    (k = matter_word(s, n)) != FAM_NONE)
		return (enum family)k;
	/* 壹、 貳、: the capital numerals of Taiwanese documents. */
	if (open == OPEN_CAPITAL && cn_capitals(s, n, &i) > 0)
		return STARTS(s + i, n - i, "、") && n > i + 3 ? FAM_CN_CAP :
		    FAM_NONE;
	if (STARTS(s, n, "Chapter ") || STARTS(s, n, "CHAPTER "))
		return FAM_CHAPTER;
	if (STARTS(s, n, "Part ") || STARTS(s, n, "PART "))
		return FAM_PART;
	if (STARTS(s, n, "Section ") || STARTS(s, n, "SECTION "))
		return FAM_SECTION;
	if (cn_numerals(s, n, &i) > 0)
		return STARTS(s + i, n - i, "、") && n > i + 3 ? FAM_CN_NUM :
		    FAM_NONE;
	if (STARTS(s, n, "（") || s[0] == '(') {
		i = s[0] == '(' ? 1 : 3;
		j = i;
		if (cn_numerals(s, n, &j) > 0)
			k = FAM_CN_PAREN;
		else if ((k = digits(s, n, &j, 2, &v)) >= 1 && k <= 2)
			k = FAM_AR_PAREN;
		else
			return FAM_NONE;
		if ((STARTS(s + j, n - j, "）") && n > j + 3) ||
		    (STARTS(s + j, n - j, ")") && n > j + 1))
			return (enum family)k;
		return FAM_NONE;
	}
	/* Roman numerals I to XXXIX, as "IV. ". */
	j = 0;
	while (j < n && j < 6 && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X'))
		j++;
	if (j > 0 && j + 1 < n && s[j] == '.' && s[j + 1] == ' ')
		return FAM_ROMAN;
	k = digits(s, n, &i, 2, &v);
	if (k < 1 || k > 2)
		return FAM_NONE;
	depth = 1;
	while (i + 1 < n && s[i] == '.' && ((s[i + 1] >= '0' &&
	    s[i + 1] <= '9') || STARTS(s + i + 1, n - i - 1, "\xef\xbc"))) {
		j = i + 1;
		k = digits(s, n, &j, 3, &v);
		if (k < 1 || k > 3)
			break;
		i = j;
		depth++;
	}
	if (depth > 1) {
		if (i < n && s[i] == '.')
			i++;
		/* "1.1" must be followed by text, not by more digits. */
		if (i >= n || depth > 4)
			return FAM_NONE;
		return depth == 2 ? FAM_DEC2 : depth == 3 ? FAM_DEC3 :
		    FAM_DEC4;
	}
	if (i + 1 < n && s[i] == '.' && s[i + 1] == ' ') {
		*dot = 1;
		return FAM_ARABIC;
	}
	/* "1 引言": one or two digits, a space, then a word. */
	if (i + 1 < n && s[i] == ' ' && letters(s + i, n - i, 2) &&
	    !(s[i + 1] >= '0' && s[i + 1] <= '9'))
		return FAM_ARABIC;
	if ((STARTS(s + i, n - i, "、") && n > i + 3) ||
	    (STARTS(s + i, n - i, "．") && n > i + 3) ||
	    (i + 1 < n && s[i] == '.' && (unsigned char)s[i + 1] >= 0x80))
		return FAM_ARABIC;
	return FAM_NONE;
}

/* A wiki's edit link, pasted with every heading. */
static const char *const edit_marks[] = { "[编辑]", "[編輯]", "[edit]",
	"[Edit]", "[编辑源代码]", NULL };

/*
 * Drops a wiki's edit mark ("[编辑]") from the end of the trimmed line
 * [*off, *end) of s: the words before it are the line (the block keeps
 * the whole line).
 */
void
doc_lex_drop_edit_mark(const char *s, size_t *off, size_t *end)
{
	const char *const *p;
	size_t k, n = *end - *off;

	if (n < 6 || s[*end - 1] != ']')
		return;
	for (p = edit_marks; *p != NULL; p++) {
		k = strlen(*p);
		if (n > k && memcmp(s + *end - k, *p, k) == 0) {
			*end -= k;
			doc_lex_trim(s, off, end);
			return;
		}
	}
}

/* Drops the edit mark of l; tells whether there was one. */
static int
drop_edit_mark(const char *s, struct line *l)
{
	size_t e = l->end_off;

	doc_lex_drop_edit_mark(s, &l->off, &l->end_off);
	return l->end_off < e;
}

/*
 * The indentation s[0..n) (white space only) in units of one full-width
 * space: U+3000 counts one, a space half, a tab two.
 */
static int
indent_units(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			c++;
		else if (s[i] == '\t')
			c += 4;
		else if ((unsigned char)s[i] == 0xe3)
			c += 2;
	c /= 2;
	return c < INDENT_UNITS ? (int)c : INDENT_UNITS - 1;
}

/*
 * Tells whether the trimmed line t[0..n) is a rule across the page (20
 * '-' or more and nothing else) or a page break (a form feed alone, or
 * "----- Page 12 -----" as PDF converters write).  It separates, it
 * says nothing: it is boilerplate (a shorter rule under a line is a
 * setext underline).
 */
static int
is_rule(const char *t, size_t n)
{
	size_t i;

	/* A page break: a form feed, or "----- Page 12 -----". */
	if (t[0] == '\f' && n == 1)
		return 1;
	if (n >= 8 && t[0] == '-' && t[n - 1] == '-' && n <= 60 &&
	    (doc_lex_contains(t, n, "Page") || doc_lex_contains(t, n, "page") ||
	    doc_lex_contains(t, n, "页") || doc_lex_contains(t, n, "頁")))
		return 1;
	if (n < 20 || t[0] != '-' || t[n - 1] != '-')
		return 0;
	for (i = 1; i < n - 1; i++)
		if (t[i] != '-')
			return 0;
	return 1;
}

/* The families whose numbered paragraph may open with a run-in heading. */
static const unsigned char run_in_fams[FAM_COUNT] = {
	[FAM_CN_CAP] = 1, [FAM_CN_NUM] = 1, [FAM_CN_PAREN] = 1,
	[FAM_ARABIC] = 1, [FAM_DEC2] = 1, [FAM_DEC3] = 1, [FAM_AR_PAREN] = 1,
};

/* What a run-in heading does not hold: quotation, a colon, a semicolon. */
static const char *const run_in_stops[] = { "\xe2\x80\x9c", "\xe3\x80\x8c",
	"\xef\xbc\x9a", "\xef\xbc\x9b", ":", ";", "\"", NULL };

/*
 * Tells whether the trimmed line t[0..n) opens with a run-in heading, the
 * usual form of Chinese reports: a numbered paragraph whose first
 * sentence is short and is the heading, "（一）构建体制。坚持…".  Sets l
 * to a heading whose text is that sentence, number kept, final 。
 * dropped.  The sentence must be followed by more text (else the line is
 * a numbered sentence, decided as before), must hold no quotation or
 * colon (a sentence that reports speech is body text), and is at most
 * RUN_IN_MAX_COLS columns.  The Markdown "1. " form is a list item, not a
 * heading.  Only the first few hundred bytes are looked at.
 */
static int
run_in(const char *t, size_t n, struct line *l)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t lim = n < 3 * RUN_IN_MAX_COLS ? n : 3 * RUN_IN_MAX_COLS, i;
	enum family f;
	int dot;

	/* A numbering starts with a bracket, a digit or a CJK numeral. */
	if (!(u[0] == '(' || u[0] == 0xef || (u[0] >= '0' && u[0] <= '9') ||
	    (u[0] >= 0xe4 && u[0] <= 0xe9)))
		return 0;
	f = numbering(t, lim, &dot);
	if (f == FAM_NONE || !run_in_fams[f] || dot)
		return 0;
	for (i = 0; i + 3 <= lim; i++)
		if ((u[i] == 0xe3 && u[i + 1] == 0x80 && u[i + 2] == 0x82) ||
		    (u[i] == 0xef && u[i + 1] == 0xbc && (u[i + 2] == 0x81 ||
		    u[i + 2] == 0x9f)))
			break;
	if (i + 3 > lim || i + 3 >= n || !letters(t + i + 3, n - i - 3, 1))
		return 0;
	if (doc_lex_contains_any(t, i, run_in_stops) ||
	    doc_lex_cols(t, i) > RUN_IN_MAX_COLS || !letters(t, i, 4))
		return 0;
	l->cls = LC_HEAD;
	l->fam = f;
	l->flags |= LF_RUNIN;
	l->text_off = l->off;
	l->text_end = l->off + i;
	return 1;
}

/* Tells whether a list item starts s[0..n): "- ", "* ", "+ ", "• ", "1) ". */
static int
list_item(const char *s, size_t n)
{
	size_t i = 0;
	long v;
	int k;

	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    (s[1] == ' ' || s[1] == '\t'))
		return 1;
	if (STARTS(s, n, "• ") || STARTS(s, n, "· ") || STARTS(s, n, "・"))
		return 1;
	k = digits(s, n, &i, 3, &v);
	return k >= 1 && k <= 3 && i + 1 < n && s[i] == ')' && s[i + 1] == ' ';
}

/* Words that start a byline or a source line, not a heading. */
const char *const doc_lex_bylines[] = { "记者", "本报记者", "编辑",
	"责任编辑", "作者", "来源", "文/", "文／", "通讯员", "摄影",
	"本报讯", "新华社", "发布时间", "By ", "by ", NULL };

/*
 * Classifies a short line l of s[off..end) that ends no sentence and is
 * not a list item: a numbered heading, a "——" line, an indented heading,
 * "phrase——subtitle", or a short line that pass 3 may take as a heading.
 */
static void
classify_short(const char *s, size_t off, size_t end, struct line *l)
{
	const char *t = s + l->off, *dash;
	size_t n = l->end_off - l->off, a, p;
	int dot;

	l->fam = numbering(t, n, &dot);
	if (dot)
		l->flags |= LF_DOTLIST;
	if (l->fam != FAM_NONE) {
		l->cls = LC_HEAD;
		return;
	}
	if (STARTS(t, n, "——")) {
		a = l->off;
		while (STARTS(s + a, l->end_off - a, "—"))
			a += 3;
		l->text_off = a;
		doc_lex_trim(s, &l->text_off, &l->text_end);
		if (letters(s + l->text_off, l->text_end - l->text_off, 2) &&
		    l->end != END_COLON) {
			l->cls = LC_HEAD;
			l->fam = FAM_DASH_LEAD;
		} else {
			l->text_off = l->off;
			l->text_end = l->end_off;
		}
		return;
	}
	/*
	 * A short line indented deeply (with full-width spaces: ASCII
	 * ones indent code) may be a heading marked only so (Aozora
	 * Bunko's parts and sections): pass 3 decides, from the body's
	 * indentation and the blank lines around it.
	 */
	if (l->indent >= 2 && STARTS(s + off, end - off, "\xe3\x80\x80") &&
	    l->end == END_NONE && letters(t, n, 1) &&
	    l->cols <= INDENT_HEADING_MAX_COLS && !has_controls(t, n)) {
		l->cls = LC_HEAD;
		l->fam = l->indent >= 5 ? FAM_IND4 :
		    (enum family)(FAM_IND1 + l->indent - 2);
		return;
	}
	if (!letters(t, n, 2) || doc_lex_starts_any(t, n, doc_lex_bylines) ||
	    doc_lex_starts_with_date(t, n) || has_controls(t, n) ||
	    (STARTS(t, n, "（") && doc_lex_starts_with_date(t + 3, n - 3)) ||
	    (t[0] == '(' && doc_lex_starts_with_date(t + 1, n - 1)))
		return;
	dash = memmem(t, n, "——", 6);
	if (dash != NULL) {
		p = (size_t)(dash - t);
		/* phrase——subtitle: text on both sides, no sentence before. */
		a = p + 6;
		while (STARTS(t + a, n - a, "—"))
			a += 3;
		if (letters(t, p, 2) && letters(t + a, n - a, 2) &&
		    !doc_lex_contains(t, p, "\xef\xbc\x8c") &&
		    !doc_lex_contains(t, p, "\xe3\x80\x82") &&
		    !doc_lex_contains(t, p, "\xe2\x80\x9c")) {
			l->cls = LC_HEAD;
			l->fam = FAM_DASH_SUB;
			return;
		}
	}
	if (l->end != END_COLON)
		l->cls = LC_SHORT;
}

/*
 * Classifies the line [off, end) of s.  maxcols bounds the columns of a
 * heading candidate (DOC_HEADING_MAX_COLS, or more for the title).
 */
void
doc_lex_classify(const char *s, size_t off, size_t end, size_t maxcols,
    struct line *l)
{
	static const char *const openers[] = { "\xe2\x80\x9c",
	    "\xe2\x80\x98", "\xe3\x80\x8c", "\xe3\x80\x8e", "\"", "'", NULL };
	const char *t;
	size_t n, a, c;
	enum family fam;
	char fch;
	size_t flen;
	int dot, sep, foot, edit;

	memset(l, 0, sizeof *l);
	l->off = off;
	l->end_off = end;
	doc_lex_trim(s, &l->off, &l->end_off);
	if (l->off == l->end_off) {
		l->cls = LC_BLANK;
		return;
	}
	edit = drop_edit_mark(s, l);
	t = s + l->off;
	n = l->end_off - l->off;
	l->text_off = l->off;
	l->text_end = l->end_off;
	if (l->off - off >= 2 || (l->off > off && s[off] == '\t') ||
	    STARTS(s + off, end - off, "\xe3\x80\x80")) {
		l->flags |= LF_INDENT;
		l->indent = indent_units(s + off, l->off - off);
	}
	l->end = doc_lex_line_end(t, n);
	if (doc_lex_fence(s, off, end, &fch, &flen)) {
		l->cls = LC_FENCE;
		return;
	}
	if ((l->md = md_heading(s, off, end, &l->text_off, &l->text_end)) > 0) {
		a = l->text_end - l->text_off;
		/* Every two bytes make one column at least: bytes first. */
		if (a > 0 && a <= 2 * DOC_MD_HEADING_MAX_COLS &&
		    doc_lex_cols(s + l->text_off, a) <=
		    DOC_MD_HEADING_MAX_COLS) {
			l->cls = LC_HEAD;
			l->fam = FAM_MD;
			return;
		}
		l->md = 0;
		l->text_off = l->off;
		l->text_end = l->end_off;
	}
	if (doc_marks_figure(t, n)) {
		l->cls = LC_FIGURE;
		return;
	}
	if (is_rule(t, n)) {
		l->cls = LC_BOILER;
		return;
	}
	if (run_in(t, n, l)) {
		if (n > LONG_LINE)
			l->flags |= LF_LONG;
		return;
	}
	if (n > LONG_LINE) {
		l->flags |= LF_LONG;
		l->cls = list_item(t, n) ? LC_LIST : LC_TEXT;
		return;
	}
	/*
	 * Boilerplate never ends a CJK sentence: most body lines skip it.
	 * The scan is needed for it, and for the columns of a line that
	 * may be a heading: one that does not end a CJK sentence, or a
	 * numbered question ("一、为什么？").
	 */
	sep = foot = 0;
	c = 0;
	if (l->end != END_SENT_CJK || (n <= 2 * maxcols && n >= 3 &&
	    memcmp(t + n - 3, "\xef\xbc\x9f", 3) == 0))
		doc_marks_scan(t, n, &c, &sep, &foot);
	if (l->end != END_SENT_CJK && ((sep && doc_marks_breadcrumb(t, n)) ||
	    (foot && doc_marks_footer(t, n)))) {
		l->cls = LC_BOILER;
		return;
	}
	l->cls = LC_TEXT;
	if (list_item(t, n)) {
		l->cls = LC_LIST;
		return;
	}
	/* Two columns at least per byte pair: a cheap bound first. */
	if (n > 2 * maxcols || (l->cols = c) > maxcols ||
	    l->end == END_SENT_CJK || l->end == END_SENT ||
	    l->end == END_CONT) {
		/*
		 * A numbered question ("1. 如何安装？") is still a heading,
		 * and so is "CHAPTER IV." with its period.
		 */
		if (l->cols > 0 && l->cols <= maxcols && (t[n - 1] == '?' ||
		    (n >= 3 && memcmp(t + n - 3, "\xef\xbc\x9f", 3) == 0) ||
		    (t[n - 1] == '.' && l->cols <= 20)) &&
		    (fam = numbering(t, n, &dot)) != FAM_NONE &&
		    (t[n - 1] != '.' || fam == FAM_CHAPTER ||
		    fam == FAM_PART || fam == FAM_SECTION)) {
			l->cls = LC_HEAD;
			l->fam = fam;
			if (dot)
				l->flags |= LF_DOTLIST;
			return;
		}
		if (*t >= '0' && *t <= '9' && numbering(t, n, &dot) ==
		    FAM_ARABIC && dot)
			l->cls = LC_LIST;
		return;
	}
	if (!doc_lex_starts_any(t, n, openers))
		classify_short(s, off, end, l);
	/*
	 * A wiki's edit mark follows a heading and nothing else: the line
	 * is a heading whatever follows it (its subsections, at once).
	 */
	if (edit && l->cls == LC_SHORT) {
		l->cls = LC_HEAD;
		l->fam = FAM_PLAIN;
	}

}
