/*
 * doc.c - the document model: blocks, sections, title, figures, date.
 *
 * The model is an array of blocks (byte ranges of the buffer, in order,
 * never overlapping) and an array of sections (the heading blocks as a
 * tree, each knowing its parent by index).  Nothing copies the text except
 * the short title strings.  doc_new() builds it in passes:
 *
 *   1. find the title: the first line that is not boilerplate, if it is
 *      short, has no sentence-final punctuation and stands alone;
 *   2. one pass over the lines, classifying each with cheap byte tests
 *      (struct line) and gathering lines into blocks.  A line longer than
 *      any heading is only looked at at its two ends, so a body line costs
 *      a few byte compares whatever its length.  Headings, figures and
 *      boilerplate are blocks of their own; other lines join the block
 *      before them when no blank line separates them and the earlier line
 *      looks hard-wrapped (short, and not ending a CJK sentence);
 *      A paragraph right after a figure is checked for a caption when it
 *      is complete;
 *   3. one pass over the blocks deciding, from the neighbours, which
 *      candidate headings are headings (a run of "1." "2." with nothing
 *      between is a list; a short plain line must be followed by body
 *      text), and the heading levels;
 *   4. the sections, their ranges and parents, and the document date.
 *
 * The per-block evidence of pass 2 lives in a small side array (struct
 * binfo, a few bytes a block) that is freed at the end.  All bounds are in
 * approximate display columns (cols()): a byte below 0x80 counts one, the
 * lead byte of a 2-byte sequence one, of a 3- or 4-byte sequence two.
 * This counts CJK characters exactly and never less than a terminal
 * would, and costs one pass over at most a few hundred bytes.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "juan/doc.h"
#include "juan/util.h"

/* A line this long (bytes) is not hard-wrapped text: it ends a block. */
#define LONG_LINE	320
/* Lines longer than this (bytes) are not figures or boilerplate. */
#define SHORT_BYTES	480
/* A caption shown by a credit, and one shown only by a date (columns). */
#define CAPTION_MAX_COLS	240
#define DATE_CAPTION_MAX_COLS	120
/* How many blocks at the top of the document may hold a dateline. */
#define DATELINE_BLOCKS	12
/* Levels beyond this are folded into it. */
#define MAX_LEVEL	6

/* What a line looks like on its own. */
enum lclass {
	LC_BLANK,	/* only white space */
	LC_TEXT,	/* ordinary text */
	LC_SHORT,	/* short text: a title or plain heading candidate */
	LC_HEAD,	/* a heading candidate of a family */
	LC_LIST,	/* a list item */
	LC_FIGURE,	/* an image file name */
	LC_BOILER,	/* breadcrumb or footer links */
	LC_FENCE	/* the opening of a fenced code block */
};

/*
 * Heading families.  Levels follow the order in which the families first
 * appear, except that within one scheme (the numbering of Chinese and
 * English documents, or the two dash forms) a family known to be higher
 * is put first: rank() below.
 */
enum family {
	FAM_NONE,
	FAM_MD,		/* "# " .. "###### ", setext === and --- */
	FAM_PART,	/* 第一编 第一卷 第一部分, "Part 1" */
	FAM_CHAPTER,	/* 第一章 第一回 제1장, "Chapter 1" */
	FAM_SECTION,	/* 第一节 第1節 제1절, "Section 1" */
	FAM_ROMAN,	/* "I. " "IV. " */
	FAM_CN_CAP,	/* 壹、 貳、 */
	FAM_CN_NUM,	/* 一、 */
	FAM_CN_PAREN,	/* （一） */
	FAM_ARABIC,	/* 1. 1、 1． "1 引言" */
	FAM_DEC2,	/* 1.1 */
	FAM_DEC3,	/* 1.1.1 */
	FAM_DEC4,	/* 1.1.1.1 */
	FAM_AR_PAREN,	/* （1） */
	FAM_DASH_SUB,	/* phrase——subtitle */
	FAM_DASH_LEAD,	/* ——phrase */
	FAM_PLAIN,	/* a short line alone, followed by body text */
	FAM_COUNT
};

/* How a line ends, after closing quotes and brackets. */
enum lend {
	END_NONE,	/* a letter, digit or anything else */
	END_SENT_CJK,	/* 。！？…； (full-width) */
	END_SENT,	/* . ! ? ; */
	END_CONT,	/* ，、, : the sentence goes on */
	END_COLON	/* ：: */
};

#define LF_INDENT	0x01	/* starts with paragraph indentation */
#define LF_LONG		0x02	/* longer than LONG_LINE bytes */
#define LF_SINGLE	0x04	/* (binfo) the block is one line */
#define LF_DOTLIST	0x08	/* "1. " form: a list item if not a heading */

/* The classification of one line. */
struct line {
	enum lclass cls;
	enum family fam;
	int md;			/* '#' count of a Markdown heading */
	enum lend end;
	int flags;		/* LF_* */
	size_t off, end_off;	/* the line without leading/trailing space */
	size_t text_off;	/* heading text without markers */
	size_t text_end;
	size_t cols;		/* approximate columns of [off, end_off),
				   0 when not measured (long lines) */
};

/* Pass-2 evidence kept per block until the decisions of pass 3. */
struct binfo {
	unsigned char kind;	/* enum block_kind, as in the block */
	unsigned char cls;	/* enum lclass of the first line */
	unsigned char fam;	/* enum family of a candidate heading */
	unsigned char md;	/* '#' count */
	unsigned char flags;	/* LF_SINGLE, LF_DOTLIST */
};

/* A site-name suffix the title might carry: title = base SEP site. */
struct suffix {
	size_t base_off, base_end;	/* the title without it */
	size_t site_off, site_end;	/* the site name */
	int seen;			/* base appeared as a line of its own */
};

#define MAX_SUFFIXES	8

/* The state of the construction. */
struct build {
	struct doc *d;
	const char *s;			/* the text */
	size_t cap;			/* blocks allocated */
	struct binfo *bi;		/* nblocks evidence records */
	ssize_t title_line;		/* 0-based line of the title, or -1 */
	struct line title;		/* its classification */
	struct suffix suf[MAX_SUFFIXES];
	size_t nsuf;
	int title_seen;			/* the whole title was repeated */
};

/* Byte tests.  STARTS compares with a literal of known length inline. */

#define STARTS(s, n, lit) ((n) >= sizeof(lit) - 1 &&			\
	memcmp((s), (lit), sizeof(lit) - 1) == 0)

/*
 * Tells whether s[0..n) starts with lit.  Most calls fail on the first
 * byte, so that is looked at before the length and the rest.
 */
static int
starts(const char *s, size_t n, const char *lit)
{
	size_t k;

	if (lit[0] == '\0')
		return 1;
	if (n == 0 || s[0] != lit[0])
		return 0;
	k = strlen(lit);
	return n >= k && memcmp(s, lit, k) == 0;
}

static int
contains(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return k <= n && memmem(s, n, lit, k) != NULL;
}

/* Tells whether s starts with one of the NULL-terminated literals. */
static int
starts_any(const char *s, size_t n, const char *const *lits)
{
	for (; *lits != NULL; lits++)
		if (starts(s, n, *lits))
			return 1;
	return 0;
}

static int
contains_any(const char *s, size_t n, const char *const *lits)
{
	for (; *lits != NULL; lits++)
		if (contains(s, n, *lits))
			return 1;
	return 0;
}

/* Approximate display columns of s[0..n); see the top of the file. */
static size_t
cols(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0;

	for (i = 0; i < n; i++) {
		if (u[i] < 0x80)
			c++;
		else if (u[i] >= 0xe0)
			c += 2;
		else if (u[i] >= 0xc0)
			c++;
	}
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
static void
trim(const char *s, size_t *off, size_t *end)
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
	size_t i = n - 1;

	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	util_u8_next(s + i, n - i, c);
	return n - i;
}

/* How s[0..n) (trimmed, n > 0) ends; see enum lend. */
static enum lend
line_end(const char *s, size_t n)
{
	uint32_t c;
	size_t k;

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
 * Reads a number of at most max digits (ASCII or full-width) at s[*i].
 * Returns the count of digits read (0 when none) and the value in *v.
 */
static int
digits(const char *s, size_t n, size_t *i, int max, long *v)
{
	const unsigned char *u = (const unsigned char *)s;
	int k = 0;

	*v = 0;
	while (*i < n && k < max) {
		if (u[*i] >= '0' && u[*i] <= '9') {
			*v = *v * 10 + (u[*i] - '0');
			*i += 1;
		} else if (*i + 2 < n && u[*i] == 0xef && u[*i + 1] == 0xbc &&
		    u[*i + 2] >= 0x90 && u[*i + 2] <= 0x99) {
			*v = *v * 10 + (u[*i + 2] - 0x90);
			*i += 3;
		} else
			break;
		k++;
	}
	if (k == max && *i < n && ((u[*i] >= '0' && u[*i] <= '9') ||
	    STARTS(s + *i, n - *i, "\xef\xbc")))
		return k + 1;	/* too many: callers reject */
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
			if (starts(s + *i, n - *i, *p)) {
				*i += strlen(*p);
				k++;
				hit = 1;
				break;
			}
	} while (hit && k < max);
	return k;
}

/* Reads a run of Chinese numerals (一 .. 十 百 千 零 〇 两); returns count. */
static int
cn_numerals(const char *s, size_t n, size_t *i)
{
	static const char *const nums[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十", "百", "千", "零", "〇", "两", NULL };

	/* Every numeral is three bytes, led by 0xe3 to 0xe9. */
	if (*i >= n || (unsigned char)s[*i] < 0xe3 ||
	    (unsigned char)s[*i] > 0xe9)
		return 0;
	return table_run(s, n, i, nums, 8);
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
static size_t
parse_date(const char *s, size_t n, int partial, int eight, int *y, int *m,
    int *dd)
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
static int
starts_with_date(const char *s, size_t n)
{
	size_t i = 0;
	long v;
	int y, m, dd, k;

	if (parse_date(s, n, 1, 0, &y, &m, &dd) > 0)
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

/* Letters (CJK, kana, Hangul, Latin, Greek, Cyrillic) in s[0..n). */
static size_t
letters(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0;

	for (i = 0; i < n; i++) {
		if ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z')
			c++;
		else if (u[i] >= 0xe4 && u[i] <= 0xed)
			c++;
		else if (u[i] == 0xe3 && i + 1 < n && u[i + 1] >= 0x81)
			c++;
		else if (u[i] >= 0xc3 && u[i] <= 0xd4)
			c++;
	}
	return c;
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
	trim(s, toff, tend);
	/* A closing run of '#' after a space is not part of the text. */
	k = *tend;
	while (k > *toff && s[k - 1] == '#')
		k--;
	if (k < *tend && (k == *toff || s[k - 1] == ' ' || s[k - 1] == '\t')) {
		*tend = k;
		trim(s, toff, tend);
	}
	return n;
}

/*
 * Tells whether s[off..end) is a setext underline: up to 3 spaces, then
 * three or more '=' (returns 1, a level-1 heading) or '-' (returns 2).
 */
static int
setext(const char *s, size_t off, size_t end)
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
static int
fence(const char *s, size_t off, size_t end, char *ch, size_t *len)
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
static int
fence_closes(const char *s, size_t off, size_t end, char ch, size_t len)
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

/* Tells whether the trimmed line s[0..n) is an image file name. */
static int
is_figure(const char *s, size_t n)
{
	static const char *const exts[] = { ".png", ".jpg", ".jpeg", ".gif",
	    ".webp", NULL };
	static const char *const punct[] = { "\xef\xbc\x8c", "\xe3\x80\x82",
	    "\xef\xbc\x9f", "\xef\xbc\x81", "\xef\xbc\x9a", ", ", NULL };
	const char *const *p;
	char tail[6];
	size_t k, i;

	if (n == 0 || n > SHORT_BYTES)
		return 0;
	/* Most lines end otherwise: decide on the last byte first. */
	switch (s[n - 1] | 0x20) {
	case 'g': case 'f': case 'p': case ')': case '>':
		break;
	default:
		return 0;
	}
	/* Markdown and HTML images. */
	if (STARTS(s, n, "![") && s[n - 1] == ')' && contains(s, n, "]("))
		return 1;
	if ((STARTS(s, n, "<img ") || STARTS(s, n, "<IMG ")) &&
	    s[n - 1] == '>')
		return 1;
	for (p = exts; *p != NULL; p++) {
		k = strlen(*p);
		if (n <= k)
			continue;
		for (i = 0; i < k; i++) {
			char c = s[n - k + i];

			tail[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
		if (memcmp(tail, *p, k) == 0)
			return !contains_any(s, n, punct);
	}
	return 0;
}

/*
 * Tells whether the trimmed line s[0..n) is a breadcrumb: segments joined
 * by '>' (or », ›, ＞), each short, two joins at least or one after a
 * word such as 首页.
 */
static int
is_breadcrumb(const char *s, size_t n)
{
	static const char *const seps[] = { ">", "\xef\xbc\x9e", "\xc2\xbb",
	    "\xe2\x80\xba", NULL };
	static const char *const heads[] = { "首页", "主页", "网站首页",
	    "Home", "当前位置", "您的位置", "您现在的位置", "位置：", NULL };
	const char *const *p;
	size_t i = 0, seg = 0, nsep = 0, k, a, b;
	int empty = 0;

	if (n > SHORT_BYTES || line_end(s, n) == END_SENT_CJK)
		return 0;
	/* Most lines hold no separator at all: look for one first. */
	for (i = 0; i < n; i++)
		if (s[i] == '>' || (i + 1 < n && STARTS(s + i, n - i,
		    "\xc2\xbb")) || (i + 2 < n && (STARTS(s + i, n - i,
		    "\xef\xbc\x9e") || STARTS(s + i, n - i, "\xe2\x80\xba"))))
			break;
	if (i == n)
		return 0;
	i = 0;
	while (i <= n) {
		k = 0;
		if (i < n)
			for (p = seps; *p != NULL; p++)
				if (starts(s + i, n - i, *p)) {
					k = strlen(*p);
					break;
				}
		if (i == n || k > 0) {
			a = seg;
			b = i;
			trim(s, &a, &b);
			if (a == b)
				empty = 1;
			else if (cols(s + a, b - a) > 40)
				return 0;
			if (i == n)
				break;
			nsep++;
			i += k;
			/* ">>" counts as one join. */
			while (i < n && s[i] == '>')
				i++;
			seg = i;
			continue;
		}
		i++;
	}
	if (empty || nsep == 0)
		return 0;
	return nsep >= 2 || starts_any(s, n, heads);
}

/*
 * Tells quickly whether s[0..n) could be a footer: it holds a bar
 * (| ｜ 丨), ©, 版权, "ICP", "opyright" or "rights".
 */
static int
footer_hint(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++)
		switch (u[i]) {
		case '|':
			return 1;
		case 0xa9:	/* the last byte of © */
			if (i >= 1 && u[i - 1] == 0xc2)
				return 1;
			break;
		case 0x9c:	/* of ｜ */
		case 0xa8:	/* of 丨 */
		case 0x88:	/* of 版 */
			if (i >= 2 && (STARTS(s + i - 2, n - i + 2, "｜") ||
			    STARTS(s + i - 2, n - i + 2, "丨") ||
			    STARTS(s + i - 2, n - i + 2, "版权")))
				return 1;
			break;
		case 'I':
			if (STARTS(s + i, n - i, "ICP"))
				return 1;
			break;
		case 'o':
			if (STARTS(s + i, n - i, "opyright"))
				return 1;
			break;
		case 'r':
			if (STARTS(s + i, n - i, "rights"))
				return 1;
			break;
		}
	return 0;
}

/*
 * One pass over a short line for what three would find: its columns (as
 * cols()), whether it holds a breadcrumb separator (> » › ＞, the test
 * that opens is_breadcrumb()) and whether footer_hint() would hold.
 * Most lines have neither, and then neither test runs.
 */
static void
scan_line(const char *s, size_t n, size_t *cols_out, int *sep, int *foot)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0;
	int sp = 0, ft = 0;

	for (i = 0; i < n; i++) {
		unsigned char b = u[i];

		if (b < 0x80) {
			c++;
			if (b == '>')
				sp = 1;
			else if (b == '|' || (b == 'I' && STARTS(s + i, n - i,
			    "ICP")) || (b == 'o' && STARTS(s + i, n - i,
			    "opyright")) || (b == 'r' && STARTS(s + i, n - i,
			    "rights")))
				ft = 1;
			continue;
		}
		if (b >= 0xc0) {
			c += b >= 0xe0 ? 2 : 1;
			continue;
		}
		/* The last byte of a separator or of a footer mark. */
		switch (b) {
		case 0xbb:	/* » */
			if (i >= 1 && u[i - 1] == 0xc2)
				sp = 1;
			break;
		case 0x9e:	/* ＞ */
		case 0xba:	/* › */
			if (i >= 2 && (memcmp(s + i - 2, "\xef\xbc\x9e", 3) ==
			    0 || memcmp(s + i - 2, "\xe2\x80\xba", 3) == 0))
				sp = 1;
			break;
		case 0xa9:	/* © */
			if (i >= 1 && u[i - 1] == 0xc2)
				ft = 1;
			break;
		case 0x9c:	/* ｜ */
		case 0xa8:	/* 丨 */
		case 0x88:	/* 版 */
			if (i >= 2 && (STARTS(s + i - 2, n - i + 2, "｜") ||
			    STARTS(s + i - 2, n - i + 2, "丨") ||
			    STARTS(s + i - 2, n - i + 2, "版权")))
				ft = 1;
			break;
		}
	}
	*cols_out = c;
	*sep = sp;
	*foot = ft;
}

/* Tells whether the trimmed line s[0..n) is footer or navigation links. */
static int
is_footer(const char *s, size_t n)
{
	static const char *const words[] = { "网站地图", "联系我们",
	    "关于我们", "版权所有", "版权声明", "免责声明", "隐私政策",
	    "广告服务", "意见反馈", "返回顶部", "返回首页", "网站导航",
	    "ICP备", "ICP证", "Copyright", "copyright", "\xc2\xa9",
	    "All rights reserved", "Privacy Policy", "Contact us",
	    "Contact Us", "Sitemap", "Site map", NULL };
	static const char *const strong[] = { "版权所有", "ICP备",
	    "ICP证", "Copyright", "\xc2\xa9", "All rights reserved",
	    NULL };
	static const char *const bars[] = { "|", "\xef\xbd\x9c", "丨", NULL };
	const char *const *p;
	size_t nbar = 0, i;

	if (n > SHORT_BYTES || s[0] == '|' || !footer_hint(s, n) ||
	    !contains_any(s, n, words))
		return 0;
	for (p = bars; *p != NULL; p++)
		for (i = 0; i + strlen(*p) <= n; i++)
			if (memcmp(s + i, *p, strlen(*p)) == 0)
				nbar++;
	return nbar >= 1 || (contains_any(s, n, strong) &&
	    cols(s, n) <= DOC_HEADING_MAX_COLS);
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

	*dot = 0;
	/* 第一章 第3节 (Chinese, Japanese), 제1장 (Korean). */
	if (STARTS(s, n, "第") || STARTS(s, n, "제")) {
		i = 3;
		if (cn_numerals(s, n, &i) == 0) {
			k = digits(s, n, &i, 3, &v);
			if (k < 1 || k > 3)
				return FAM_NONE;
		}
		if (STARTS(s + i, n - i, "章") || STARTS(s + i, n - i, "回") ||
		    STARTS(s + i, n - i, "장"))
			return FAM_CHAPTER;
		if (STARTS(s + i, n - i, "节") || STARTS(s + i, n - i, "節") ||
		    STARTS(s + i, n - i, "절"))
			return FAM_SECTION;
		if (STARTS(s + i, n - i, "编") || STARTS(s + i, n - i, "編") ||
		    STARTS(s + i, n - i, "卷") || STARTS(s + i, n - i, "部") ||
		    STARTS(s + i, n - i, "篇") || STARTS(s + i, n - i, "편"))
			return FAM_PART;
		return FAM_NONE;
	}
	/* 壹、 貳、: the capital numerals of Taiwanese documents. */
	if (cn_capitals(s, n, &i) > 0)
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
	if (i + 1 < n && s[i] == ' ' && letters(s + i, n - i) >= 2 &&
	    !(s[i + 1] >= '0' && s[i + 1] <= '9'))
		return FAM_ARABIC;
	if ((STARTS(s + i, n - i, "、") && n > i + 3) ||
	    (STARTS(s + i, n - i, "．") && n > i + 3) ||
	    (i + 1 < n && s[i] == '.' && (unsigned char)s[i + 1] >= 0x80))
		return FAM_ARABIC;
	return FAM_NONE;
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
static const char *const bylines[] = { "记者", "本报记者", "编辑",
	"责任编辑", "作者", "来源", "文/", "文／", "通讯员", "摄影",
	"本报讯", "新华社", "发布时间", "By ", "by ", NULL };

/*
 * Classifies the line [off, end) of s.  maxcols bounds the columns of a
 * heading candidate (DOC_HEADING_MAX_COLS, or more for the title).
 */
static void
classify(const char *s, size_t off, size_t end, size_t maxcols,
    struct line *l)
{
	static const char *const openers[] = { "\xe2\x80\x9c",
	    "\xe2\x80\x98", "\xe3\x80\x8c", "\xe3\x80\x8e", "\"", "'", NULL };
	const char *t;
	size_t n, a, p, c;
	enum family fam;
	char fch;
	size_t flen;
	int dot, sep, foot;
	const char *dash;

	memset(l, 0, sizeof *l);
	l->off = off;
	l->end_off = end;
	trim(s, &l->off, &l->end_off);
	if (l->off == l->end_off) {
		l->cls = LC_BLANK;
		return;
	}
	t = s + l->off;
	n = l->end_off - l->off;
	l->text_off = l->off;
	l->text_end = l->end_off;
	if (l->off - off >= 2 || (l->off > off && s[off] == '\t') ||
	    STARTS(s + off, end - off, "\xe3\x80\x80"))
		l->flags |= LF_INDENT;
	l->end = line_end(t, n);
	if (fence(s, off, end, &fch, &flen)) {
		l->cls = LC_FENCE;
		return;
	}
	if ((l->md = md_heading(s, off, end, &l->text_off, &l->text_end)) > 0) {
		a = l->text_end - l->text_off;
		/* Every two bytes make one column at least: bytes first. */
		if (a > 0 && a <= 2 * DOC_MD_HEADING_MAX_COLS &&
		    cols(s + l->text_off, a) <= DOC_MD_HEADING_MAX_COLS) {
			l->cls = LC_HEAD;
			l->fam = FAM_MD;
			return;
		}
		l->md = 0;
		l->text_off = l->off;
		l->text_end = l->end_off;
	}
	if (is_figure(t, n)) {
		l->cls = LC_FIGURE;
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
		scan_line(t, n, &c, &sep, &foot);
	if (l->end != END_SENT_CJK && ((sep && is_breadcrumb(t, n)) ||
	    (foot && is_footer(t, n)))) {
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
	if (starts_any(t, n, openers))
		return;
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
		trim(s, &l->text_off, &l->text_end);
		if (letters(s + l->text_off, l->text_end - l->text_off) >= 2 &&
		    l->end != END_COLON) {
			l->cls = LC_HEAD;
			l->fam = FAM_DASH_LEAD;
		} else {
			l->text_off = l->off;
			l->text_end = l->end_off;
		}
		return;
	}
	if (letters(t, n) < 2 || starts_any(t, n, bylines) ||
	    starts_with_date(t, n) || has_controls(t, n))
		return;
	dash = memmem(t, n, "——", 6);
	if (dash != NULL) {
		p = (size_t)(dash - t);
		/* phrase——subtitle: text on both sides, no sentence before. */
		a = p + 6;
		while (STARTS(t + a, n - a, "—"))
			a += 3;
		if (letters(t, p) >= 2 && letters(t + a, n - a) >= 2 &&
		    !contains(t, p, "\xef\xbc\x8c") &&
		    !contains(t, p, "\xe3\x80\x82") &&
		    !contains(t, p, "\xe2\x80\x9c")) {
			l->cls = LC_HEAD;
			l->fam = FAM_DASH_SUB;
			return;
		}
	}
	if (l->end != END_COLON)
		l->cls = LC_SHORT;
}

/* Building blocks. */

/*
 * Sets the kind of block i.  The kind is kept in the small binfo array
 * too, so that the decisions of pass 3 read a few bytes a block.
 */
static void
set_kind(struct build *b, size_t i, enum block_kind kind)
{
	b->d->blocks[i].kind = kind;
	b->bi[i].kind = (unsigned char)kind;
}

/*
 * Sets the text of heading or title block k (in text s) to [off, end),
 * which lies in its first line.  The 16-bit fields hold a text that starts
 * at most 64 KiB into the block (add_block makes a heading that does not a
 * paragraph; such a title has no text) and keep its first 64 KiB.
 */
static void
set_text(const char *s, struct block *k, size_t off, size_t end)
{
	if (off < k->off || end < off || off - k->off > USHRT_MAX) {
		off = k->off;
		end = k->off;
	}
	/* A longer heading keeps its first 64 KiB, whole characters. */
	if (end - off > USHRT_MAX) {
		end = off + USHRT_MAX;
		while (end > off && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
	}
	k->head = (unsigned short)(off - k->off);
	k->tlen = (unsigned short)(end - off);
}

/* Makes the text of block i its trimmed first line. */
static void
text_first_line(struct build *b, size_t i)
{
	struct block *k = &b->d->blocks[i];
	const char *nl = memchr(b->s + k->off, '\n', k->end - k->off);
	size_t off = k->off, end = nl != NULL ? (size_t)(nl - b->s) : k->end;

	trim(b->s, &off, &end);
	set_text(b->s, k, off, end);
}

static size_t
add_block(struct build *b, size_t off, size_t end, enum block_kind kind,
    const struct line *l)
{
	struct doc *d = b->d;
	struct block *k;
	struct binfo *bi;

	if (d->nblocks == b->cap) {
		/* doc_new sized the arrays for the worst case already. */
		b->cap = b->cap ? b->cap * 2 : 256;
		d->blocks = xreallocarray(d->blocks, b->cap, sizeof *d->blocks);
		b->bi = xreallocarray(b->bi, b->cap, sizeof *b->bi);
	}
	k = &d->blocks[d->nblocks];
	k->off = off;
	k->end = end;
	k->kind = (unsigned char)kind;
	k->level = 0;
	k->head = k->tlen = 0;
	/*
	 * A heading whose words start more than 64 KiB into it (after that
	 * many blanks) cannot keep them: it is a paragraph.
	 */
	if (kind == BLOCK_HEADING && l->text_off > off &&
	    l->text_off - off > USHRT_MAX)
		k->kind = (unsigned char)(kind = BLOCK_PARAGRAPH);
	/* Only headings and the title have text other than the block. */
	if (kind == BLOCK_HEADING || kind == BLOCK_TITLE)
		set_text(b->s, k, l->text_off, l->text_end);
	bi = &b->bi[d->nblocks];
	bi->kind = (unsigned char)kind;
	bi->cls = (unsigned char)l->cls;
	bi->fam = (unsigned char)l->fam;
	bi->md = (unsigned char)l->md;
	bi->flags = (unsigned char)(LF_SINGLE | (l->flags & LF_DOTLIST));
	if (l->cls == LC_SHORT && l->cols > DOC_HEADING_MAX_COLS)
		bi->cls = LC_TEXT;
	return d->nblocks++;
}

/* The end of line i (0-based): its '\n', or the end of the text. */
static size_t
line_end_off(const struct buffer *buf, size_t i)
{
	size_t e = i + 1 < buf->nlines ? buffer_line_start(buf, i + 1) - 1 : buf->len;

	if (e > buffer_line_start(buf, i) && buf->data[e - 1] == '\n')
		e--;
	return e;
}

/*
 * Pass 1: the title is the first line that is neither blank nor
 * boilerplate (looking at the first few lines only), if it is short, has no
 * sentence-final punctuation, is not numbered, and stands alone: the next
 * line is blank, boilerplate, a figure, a Markdown heading, an indented
 * new paragraph, or a dateline or byline (not text that may continue it).  A
 * Markdown heading qualifies whatever follows it; whether it is the title
 * or the first heading is decided once all headings are known.
 */
static void
find_title(struct build *b)
{
	const struct buffer *buf = b->d->buf;
	static const char *const seps[] = { " | ", " - ", " _ ", " – ",
	    " — ", "｜", "丨", "|", "-", "_", "—", NULL };
	const char *const *p;
	struct line l, next;
	size_t i, j, k, skipped = 0, toff, tend, nn;
	const char *nt;
	const char *s = b->s;

	b->title_line = -1;
	for (i = 0; i < buf->nlines && skipped < 8; i++) {
		classify(s, buffer_line_start(buf, i), line_end_off(buf, i),
		    DOC_TITLE_MAX_COLS, &l);
		if (l.cls == LC_BLANK)
			continue;
		if (l.cls != LC_BOILER)
			break;
		skipped++;
	}
	if (i >= buf->nlines || skipped >= 8)
		return;
	if (!(l.cls == LC_SHORT || (l.cls == LC_HEAD && (l.fam == FAM_MD ||
	    l.fam == FAM_DASH_SUB))))
		return;
	if (l.fam != FAM_MD && i + 1 < buf->nlines) {
		classify(s, buffer_line_start(buf, i + 1), line_end_off(buf, i + 1),
		    DOC_HEADING_MAX_COLS, &next);
		nt = s + next.off;
		nn = next.end_off - next.off;
		if (!(next.cls == LC_BLANK || next.cls == LC_BOILER ||
		    next.cls == LC_FIGURE || next.fam == FAM_MD ||
		    ((next.cls == LC_TEXT || next.cls == LC_SHORT) &&
		    ((next.flags & LF_INDENT) || starts_with_date(nt, nn) ||
		    starts_any(nt, nn, bylines)))))
			return;
	}
	b->title_line = (ssize_t)i;
	b->title = l;
	/* The places where a site-name suffix could start. */
	toff = l.text_off;
	tend = l.text_end;
	for (j = toff + 1; j < tend && b->nsuf < MAX_SUFFIXES; j++) {
		for (p = seps; *p != NULL; p++)
			if (starts(s + j, tend - j, *p))
				break;
		if (*p == NULL)
			continue;
		/* "——" is the subtitle dash, not a separator. */
		if (strcmp(*p, "—") == 0 && (STARTS(s + j + 3, tend - j - 3,
		    "—") || (j >= toff + 3 && STARTS(s + j - 3, 3, "—"))))
			continue;
		k = b->nsuf;
		b->suf[k].base_off = toff;
		b->suf[k].base_end = j;
		b->suf[k].site_off = j + strlen(*p);
		b->suf[k].site_end = tend;
		trim(s, &b->suf[k].base_off, &b->suf[k].base_end);
		trim(s, &b->suf[k].site_off, &b->suf[k].site_end);
		if (b->suf[k].base_off < b->suf[k].base_end &&
		    b->suf[k].site_off < b->suf[k].site_end &&
		    cols(s + b->suf[k].site_off, b->suf[k].site_end -
		    b->suf[k].site_off) <= 40)
			b->nsuf++;
		j += strlen(*p) - 1;
	}
}

/* Tells whether the line l repeats the title, whole or without a suffix. */
static int
repeats_title(struct build *b, const struct line *l)
{
	size_t n = l->text_end - l->text_off, k, tn;
	const char *t = b->s + l->text_off;
	int hit = 0;

	if (b->title_line < 0)
		return 0;
	tn = b->title.text_end - b->title.text_off;
	if (n == tn && memcmp(t, b->s + b->title.text_off, n) == 0) {
		b->title_seen = 1;
		hit = 1;
	}
	for (k = 0; k < b->nsuf; k++)
		if (n == b->suf[k].base_end - b->suf[k].base_off &&
		    memcmp(t, b->s + b->suf[k].base_off, n) == 0) {
			b->suf[k].seen = 1;
			hit = 1;
		}
	return hit;
}

static int is_caption(const struct build *b, size_t i);

/*
 * Makes the last block a caption if it is a paragraph that follows a
 * figure and looks like one.  gather() calls it whenever a block is
 * complete, while the block is still in the processor's cache.
 */
static void
close_block(struct build *b)
{
	size_t n = b->d->nblocks;

	if (n >= 2 && b->bi[n - 2].kind == BLOCK_FIGURE &&
	    b->bi[n - 1].kind == BLOCK_PARAGRAPH && is_caption(b, n - 1)) {
		set_kind(b, n - 1, BLOCK_CAPTION);
	}
}

/* The state of pass 2 from one line to the next. */
struct gstate {
	int prev_blank;		/* the line before was blank */
	int join;		/* the next text line may join block cur */
	int cont;		/* ... and block cur ends mid-sentence */
	int in_fence;		/* inside a fenced code block */
	char fch;		/* its fence character */
	size_t flen;		/* and fence length */
	size_t cur;		/* the last block */
};

/* The state at the start of the text, or after a blank line. */
static const struct gstate GSTATE_START = { 1, 0, 0, 0, 0, 0, 0 };

/*
 * Pass 2: lines into blocks, the lines [from, to) of the text (0-based),
 * from the state *g, which is left as it is after line to - 1.  See the
 * top of the file for the joining rule.  A numbered or dash line right
 * after a line that looks cut by hard wrapping (no blank line, no
 * sentence end) is taken as part of it.  The last block is not closed:
 * the caller calls close_block() at the end.
 */
static void
gather_range(struct build *b, size_t from, size_t to, struct gstate *g)
{
	const struct buffer *buf = b->d->buf;
	struct doc *d = b->d;
	const char *s = b->s;
	struct line l;
	size_t i, off, end, cur = g->cur;
	int prev_blank = g->prev_blank, join = g->join, cont = g->cont;
	int in_fence = g->in_fence, k;
	char fch = g->fch;
	size_t flen = g->flen;
	enum block_kind kind;

	for (i = from; i < to; i++) {
		off = buffer_line_start(buf, i);
		end = line_end_off(buf, i);
		if (in_fence) {
			d->blocks[cur].end = end;
			if (fence_closes(s, off, end, fch, flen))
				in_fence = 0;
			continue;
		}
		if (off == end)
			l.cls = LC_BLANK;	/* the common case, quickly */
		else
			classify(s, off, end, DOC_HEADING_MAX_COLS, &l);
		if (l.cls == LC_BLANK) {
			prev_blank = 1;
			join = cont = 0;
			continue;
		}
		if ((ssize_t)i == b->title_line) {
			l = b->title;
			cur = add_block(b, off, end, BLOCK_TITLE, &l);
			d->title_block = (ssize_t)cur;
			b->bi[cur].fam = FAM_NONE;
			prev_blank = join = cont = 0;
			continue;
		}
		if (l.cls != LC_FENCE && l.cls != LC_FIGURE && !l.md &&
		    repeats_title(b, &l))
			l.cls = LC_BOILER;
		/* A setext underline makes the line above a heading. */
		if (!prev_blank && d->nblocks > 0 && (k = setext(s, off,
		    end)) > 0 && (b->bi[cur].kind == BLOCK_PARAGRAPH ||
		    (b->bi[cur].kind == BLOCK_HEADING &&
		    b->bi[cur].fam != FAM_MD)) &&
		    (b->bi[cur].flags & LF_SINGLE) &&
		    d->blocks[cur].end - d->blocks[cur].off <=
		    2 * DOC_MD_HEADING_MAX_COLS) {
			set_kind(b, cur, BLOCK_HEADING);
			text_first_line(b, cur);
			d->blocks[cur].end = end;
			b->bi[cur].cls = LC_HEAD;
			b->bi[cur].fam = FAM_MD;
			b->bi[cur].md = (unsigned char)k;
			join = cont = 0;
			continue;
		}
		if (l.cls == LC_HEAD && l.fam != FAM_MD && !prev_blank &&
		    join && cont) {
			l.cls = (l.flags & LF_DOTLIST) ? LC_LIST : LC_TEXT;
			l.fam = FAM_NONE;
			l.text_off = l.off;
			l.text_end = l.end_off;
		}
		if ((l.cls == LC_TEXT || l.cls == LC_SHORT) && !prev_blank &&
		    join && (!(l.flags & LF_INDENT) ||
		    b->bi[cur].kind == BLOCK_LIST_ITEM)) {
			d->blocks[cur].end = end;
			b->bi[cur].flags &= (unsigned char)~LF_SINGLE;
		} else {
			switch (l.cls) {
			case LC_HEAD:
				kind = BLOCK_HEADING;
				break;
			case LC_LIST:
				kind = BLOCK_LIST_ITEM;
				break;
			case LC_FIGURE:
				kind = BLOCK_FIGURE;
				break;
			case LC_BOILER:
				kind = BLOCK_BOILERPLATE;
				break;
			case LC_FENCE:
				kind = BLOCK_CODE;
				break;
			default:
				kind = BLOCK_PARAGRAPH;
				break;
			}
			close_block(b);
			cur = add_block(b, off, end, kind, &l);
			if (l.cls == LC_FENCE) {
				in_fence = 1;
				fence(s, off, end, &fch, &flen);
			}
		}
		kind = (enum block_kind)b->bi[cur].kind;
		join = (kind == BLOCK_PARAGRAPH || kind == BLOCK_LIST_ITEM) &&
		    !(l.flags & LF_LONG) && l.end != END_SENT_CJK;
		cont = join && l.end != END_SENT && l.end != END_COLON;
		prev_blank = 0;
	}
	g->prev_blank = prev_blank;
	g->join = join;
	g->cont = cont;
	g->in_fence = in_fence;
	g->fch = fch;
	g->flen = flen;
	g->cur = cur;
}

/* Texts with fewer lines are gathered in one piece. */
#define SPLIT_MIN_LINES	200000
/* How far from the middle the split may look for a blank line. */
#define SPLIT_SEARCH	100000

/* One of the two pieces of a split pass 2. */
struct half {
	struct build b;		/* the first: the real build; the second: a
				   copy with a doc and arrays of its own */
	struct doc d;
	size_t from, to;
	struct gstate g;
};

static void
gather_half(void *arg)
{
	struct half *h = arg;

	gather_range(&h->b, h->from, h->to, &h->g);
	close_block(&h->b);
}

/*
 * Tells whether line i (0-based) is blank: empty or white space only,
 * which pass 2 treats alike when outside a fence.
 */
static int
blank_line(const struct build *b, size_t i)
{
	size_t off = buffer_line_start(b->d->buf, i), end = line_end_off(b->d->buf, i);

	trim(b->s, &off, &end);
	return off == end;
}

/*
 * Pass 2 over the whole text.  A large text is split at a blank line near
 * its middle and its two halves gathered at the same time: after a blank
 * line the state is GSTATE_START, unless the line was inside a fenced
 * code block, which is only known once the first half is done; then the
 * second half is gathered again after it.  The second half's blocks are
 * appended to the first's, and the one decision that looks across the
 * split (a caption right after a figure) is made again at the seam.
 */
static void
gather(struct build *b)
{
	const struct buffer *buf = b->d->buf;
	struct doc *d = b->d;
	struct half h1, h2;
	size_t m = buf->nlines / 2, lim, n1, n2, k;
	struct gstate g = GSTATE_START;

	if (buf->nlines < SPLIT_MIN_LINES || util_threads() < 2) {
		gather_range(b, 0, buf->nlines, &g);
		close_block(b);
		return;
	}
	lim = m + SPLIT_SEARCH < buf->nlines ? m + SPLIT_SEARCH : buf->nlines;
	while (m < lim && !blank_line(b, m - 1))
		m++;
	if (m == lim || (ssize_t)m <= b->title_line) {
		gather_range(b, 0, buf->nlines, &g);
		close_block(b);
		return;
	}
	memset(&h1, 0, sizeof h1);
	memset(&h2, 0, sizeof h2);
	h1.b = *b;
	h1.from = 0;
	h1.to = m;
	h1.g = GSTATE_START;
	h2.b = *b;
	h2.d.buf = buf;
	h2.d.title_block = -1;
	h2.b.d = &h2.d;
	h2.b.cap = buf->nlines - m;
	h2.d.blocks = xreallocarray(NULL, h2.b.cap, sizeof *h2.d.blocks);
	h2.b.bi = xreallocarray(NULL, h2.b.cap, sizeof *h2.b.bi);
	h2.from = m;
	h2.to = buf->nlines;
	h2.g = GSTATE_START;
	util_par2(gather_half, &h1, &h2);
	*b = h1.b;
	if (h1.g.in_fence) {
		/* The split fell inside a code block: go on from there. */
		gather_range(b, m, buf->nlines, &h1.g);
		close_block(b);
	} else {
		n1 = d->nblocks;
		n2 = h2.d.nblocks;
		if (n1 + n2 > b->cap) {
			b->cap = n1 + n2;
			d->blocks = xreallocarray(d->blocks, b->cap,
			    sizeof *d->blocks);
			b->bi = xreallocarray(b->bi, b->cap, sizeof *b->bi);
		}
		util_copy_release(d->blocks + n1, h2.d.blocks,
		    n2 * sizeof *d->blocks);
		util_copy_release(b->bi + n1, h2.b.bi, n2 * sizeof *b->bi);
		d->nblocks = n1 + n2;
		if (n1 > 0 && n2 > 0 && b->bi[n1 - 1].kind == BLOCK_FIGURE &&
		    b->bi[n1].kind == BLOCK_PARAGRAPH && is_caption(b, n1))
			set_kind(b, n1, BLOCK_CAPTION);
		b->title_seen |= h2.b.title_seen;
		for (k = 0; k < b->nsuf; k++)
			b->suf[k].seen |= h2.b.suf[k].seen;
	}
	free(h2.d.blocks);
	free(h2.b.bi);
}

/* Drops the "**" or "__" around a heading's text: **小标题**. */
static void
strip_emphasis(const struct build *b, struct block *k)
{
	size_t off, end, n;
	const char *t;

	block_text(k, &off, &end);
	t = b->s + off;
	n = end - off;
	if (n > 4 && ((STARTS(t, n, "**") && memcmp(t + n - 2, "**", 2) == 0) ||
	    (STARTS(t, n, "__") && memcmp(t + n - 2, "__", 2) == 0))) {
		off += 2;
		end -= 2;
		trim(b->s, &off, &end);
		set_text(b->s, k, off, end);
	}
}

/* Tells whether block i is body text a plain heading may introduce. */
static int
is_body(const struct build *b, size_t i)
{
	int kind = b->bi[i].kind;

	if (kind == BLOCK_LIST_ITEM || kind == BLOCK_CODE)
		return 1;
	return kind == BLOCK_PARAGRAPH && !(b->bi[i].cls == LC_SHORT &&
	    (b->bi[i].flags & LF_SINGLE));
}

/* Tells whether block i is a short line alone, a plain heading candidate. */
static int
is_short_alone(const struct build *b, size_t i)
{
	return b->bi[i].kind == BLOCK_PARAGRAPH &&
	    b->bi[i].cls == LC_SHORT && (b->bi[i].flags & LF_SINGLE);
}

/*
 * Tells whether s[0..n) carries a photo credit: 图/ 图／ 资料图片 供图
 * 图片来源 摄影, or Photo: Photo by Image: Credit:.  Every Chinese form but
 * one holds 图, so one search for it finds the places to look at.
 */
static int
has_credit(const char *s, size_t n)
{
	static const char *const latin[] = { "Photo:", "Photo by", "Image:",
	    "Credit:", NULL };
	const char *p = s, *e = s + n;
	size_t at, left;

	while ((p = memmem(p, (size_t)(e - p), "图", 3)) != NULL) {
		at = (size_t)(p - s);
		left = n - at - 3;
		if (STARTS(p + 3, left, "/") || STARTS(p + 3, left, "／") ||
		    STARTS(p + 3, left, "片来源") ||
		    (at >= 3 && memcmp(p - 3, "供", 3) == 0) ||
		    (at >= 6 && memcmp(p - 6, "资料", 6) == 0 &&
		    STARTS(p + 3, left, "片")))
			return 1;
		p += 3;
	}
	return contains(s, n, "摄影") || contains_any(s, n, latin);
}

/* Tells whether block i, after a figure, is its caption. */
static int
is_caption(const struct build *b, size_t i)
{
	static const char *const after[] = { "摄", "摄）", "摄)", "摄。",
	    NULL };
	const struct block *k = &b->d->blocks[i];
	const char *s = b->s + k->off;
	size_t n = k->end - k->off, j;
	const char *const *p;

	if (k->kind != BLOCK_PARAGRAPH || n > 3 * CAPTION_MAX_COLS)
		return 0;
	if (STARTS(s, n, "图为") || has_credit(s, n))
		return cols(s, n) <= CAPTION_MAX_COLS;
	/* "…记者 李明 摄": 摄 ending the text or a clause. */
	for (j = 0; j + 3 <= n; j++)
		if (memcmp(s + j, "摄", 3) == 0)
			for (p = after; *p != NULL; p++)
				if (j + strlen(*p) <= n &&
				    memcmp(s + j, *p, strlen(*p)) == 0 &&
				    (j + strlen(*p) == n || s[j + strlen(*p)]
				    == ' ' || s[j + strlen(*p)] == '\n'))
					return cols(s, n) <= CAPTION_MAX_COLS;
	return starts_with_date(s, n) && cols(s, n) <= DATE_CAPTION_MAX_COLS;
}

/* The rank of a family within its scheme, and the scheme. */
static int
rank(enum family f, int *scheme)
{
	*scheme = 0;
	switch (f) {
	case FAM_PART: case FAM_CHAPTER: case FAM_SECTION: case FAM_ROMAN:
	case FAM_CN_CAP:
	case FAM_CN_NUM: case FAM_CN_PAREN: case FAM_ARABIC: case FAM_DEC2:
	case FAM_DEC3: case FAM_DEC4: case FAM_AR_PAREN:
		*scheme = 1;
		return (int)f;
	case FAM_DASH_SUB: case FAM_DASH_LEAD:
		*scheme = 2;
		return (int)f;
	default:
		return 0;
	}
}

/*
 * Assigns heading levels: families in order of first appearance, a family
 * known to be higher in its scheme moved before a lower one, Markdown
 * taking one level per distinct '#' count (fewer '#' higher).
 */
static void
assign_levels(struct build *b)
{
	struct doc *d = b->d;
	int order[FAM_COUNT], n = 0, level[FAM_COUNT], mdlevel[8];
	int seen[FAM_COUNT], mdseen[8], moved, i, j, x, y, sx, sy, lv, plain;
	size_t k;

	memset(seen, 0, sizeof seen);
	memset(mdseen, 0, sizeof mdseen);
	memset(level, 0, sizeof level);
	memset(mdlevel, 0, sizeof mdlevel);
	for (k = 0; k < d->nblocks; k++) {
		if (b->bi[k].kind != BLOCK_HEADING)
			continue;
		if (!seen[b->bi[k].fam]) {
			seen[b->bi[k].fam] = 1;
			order[n++] = b->bi[k].fam;
		}
		if (b->bi[k].fam == FAM_MD)
			mdseen[b->bi[k].md & 7] = 1;
	}
	do {
		moved = 0;
		for (i = 0; i < n && !moved; i++)
			for (j = i + 1; j < n && !moved; j++) {
				x = rank((enum family)order[i], &sx);
				y = rank((enum family)order[j], &sy);
				if (sx != 0 && sx == sy && y < x) {
					int f = order[j];

					memmove(&order[i + 1], &order[i],
					    (size_t)(j - i) * sizeof *order);
					order[i] = f;
					moved = 1;
				}
			}
	} while (moved);
	/*
	 * In a numbered document, headings without numbers are front or back
	 * matter (摘要, 参考文献, Acknowledgements): they go at the top level
	 * with the first numbered family, not below the last one.
	 */
	plain = -1;
	for (i = 0; i < n; i++) {
		rank((enum family)order[i], &sx);
		if (order[i] == FAM_PLAIN)
			plain = i;
		else if (sx != 1)
			break;
	}
	if (plain >= 0 && i == n && n > 1) {
		memmove(&order[plain], &order[plain + 1],
		    (size_t)(n - plain - 1) * sizeof *order);
		n--;
	} else
		plain = -1;
	lv = 0;
	for (i = 0; i < n; i++) {
		if (order[i] == FAM_MD) {
			for (j = 1; j <= 6; j++)
				if (mdseen[j])
					mdlevel[j] = ++lv;
		} else
			level[order[i]] = ++lv;
	}
	if (plain >= 0)
		level[FAM_PLAIN] = 1;
	for (k = 0; k < d->nblocks; k++) {
		if (b->bi[k].kind != BLOCK_HEADING)
			continue;
		lv = b->bi[k].fam == FAM_MD ? mdlevel[b->bi[k].md & 7] :
		    level[b->bi[k].fam];
		/* Right under a heading, such a line is its subtitle. */
		if (plain >= 0 && b->bi[k].fam == FAM_PLAIN && k > 0 &&
		    b->bi[k - 1].kind == BLOCK_HEADING)
			lv = d->blocks[k - 1].level + 1;
		d->blocks[k].level = (unsigned char)(lv > MAX_LEVEL ?
		    MAX_LEVEL : lv);
	}
}

/* Pass 3: decide headings, captions, title, levels. */
static void
decide(struct build *b)
{
	struct doc *d = b->d;
	struct block *k;
	struct binfo *bi = b->bi;
	size_t i, j, n = d->nblocks, best, off, end;
	int has_md = 0, fam;

	/* A "# Title" is the title only if no heading has as few '#'. */
	if (d->title_block >= 0 && b->title.fam == FAM_MD) {
		for (i = 0; i < n; i++)
			if (bi[i].kind == BLOCK_HEADING &&
			    bi[i].fam == FAM_MD && bi[i].md <= b->title.md)
				break;
		if (i < n) {
			set_kind(b, (size_t)d->title_block, BLOCK_HEADING);
			bi[d->title_block].cls = LC_HEAD;
			bi[d->title_block].fam = FAM_MD;
			d->title_block = -1;
			b->nsuf = 0;
			b->title_seen = 0;
		}
	}
	/* Else a first setext heading with the fewest marks is the title. */
	for (i = 0; i < n && d->title_block < 0; i++) {
		if (bi[i].kind == BLOCK_BOILERPLATE)
			continue;
		if (bi[i].kind == BLOCK_HEADING && bi[i].fam == FAM_MD) {
			for (j = i + 1; j < n; j++)
				if (bi[j].kind == BLOCK_HEADING &&
				    bi[j].fam == FAM_MD && bi[j].md <= bi[i].md)
					break;
			if (j == n) {
				set_kind(b, i, BLOCK_TITLE);
				d->title_block = (ssize_t)i;
				b->title.fam = FAM_MD;
				b->title.md = bi[i].md;
			}
		}
		break;
	}
	has_md = d->title_block >= 0 && b->title.fam == FAM_MD;
	for (i = 0; i < n; i++) {
		fam = bi[i].fam;
		if (bi[i].kind != BLOCK_HEADING)
			continue;
		if (fam == FAM_MD) {
			has_md = 1;
			continue;
		}
		/* Siblings with nothing between them are a list. */
		if ((i > 0 && bi[i - 1].cls == LC_HEAD &&
		    bi[i - 1].fam == fam) || (i + 1 < n &&
		    bi[i + 1].cls == LC_HEAD && bi[i + 1].fam == fam)) {
			set_kind(b, i, fam == FAM_DASH_SUB ||
			    fam == FAM_DASH_LEAD ? BLOCK_PARAGRAPH :
			    BLOCK_LIST_ITEM);
		}
	}
	/* A short line alone, not in a run of them, followed by body. */
	for (i = 0; i + 1 < n && !has_md; i++)
		if (is_short_alone(b, i) && is_body(b, i + 1) &&
		    (i == 0 || !is_short_alone(b, i - 1))) {
			set_kind(b, i, BLOCK_HEADING);
			text_first_line(b, i);
			strip_emphasis(b, &d->blocks[i]);
			bi[i].fam = FAM_PLAIN;
		}
	assign_levels(b);
	/* The title, without the longest suffix whose base was repeated. */
	if (d->title_block >= 0) {
		k = &d->blocks[d->title_block];
		best = MAX_SUFFIXES;
		for (i = 0; i < b->nsuf; i++)
			if (b->suf[i].seen && (best == MAX_SUFFIXES ||
			    b->suf[i].base_end > b->suf[best].base_end))
				best = i;
		if (best < MAX_SUFFIXES && !b->title_seen) {
			set_text(b->s, k, b->suf[best].base_off,
			    b->suf[best].base_end);
			d->site = xstrndup(b->s + b->suf[best].site_off,
			    b->suf[best].site_end - b->suf[best].site_off);
		}
		block_text(k, &off, &end);
		d->title = xstrndup(b->s + off, end - off);
	}
}

/*
 * Pass 4: the sections, their ranges and parents.  The evidence records
 * are freed by now (their memory goes to the sections), so the blocks'
 * kinds are read; the lines are found by galloping from the previous
 * heading's.
 */
static void
make_sections(struct build *b)
{
	struct doc *d = b->d;
	const struct buffer *buf = d->buf;
	struct section *s;
	ssize_t open[MAX_LEVEL + 1];
	size_t i, n = 0, line = 1, off, end, bytes = 0;
	char *w;
	int lv, m;

	/*
	 * Count first: one allocation each for sections and titles.  Past
	 * DOC_MAX_SECTIONS headings (a text of gigabytes of nothing else)
	 * the rest stay headings without sections of their own.
	 */
	for (i = 0; i < d->nblocks && n < DOC_MAX_SECTIONS; i++)
		if (d->blocks[i].kind == BLOCK_HEADING) {
			n++;
			bytes += d->blocks[i].tlen + 1u;
		}
	if (n == 0)
		return;
	d->sections = xcalloc(n, sizeof *d->sections);
	w = d->strings = xmalloc(bytes);
	for (m = 0; m <= MAX_LEVEL; m++)
		open[m] = -1;
	for (i = 0; i < d->nblocks; i++) {
		const struct block *k = &d->blocks[i];

		if (k->kind != BLOCK_HEADING)
			continue;
		if (d->nsections == n)
			break;
		lv = k->level;
		line = buffer_line_from(buf, k->off, line);
		/* Close the open sections at this level and below. */
		for (m = lv; m <= MAX_LEVEL; m++)
			if (open[m] >= 0) {
				d->sections[open[m]].end = k->off;
				d->sections[open[m]].end_line = i > 0 ?
				    buffer_line_from(buf, d->blocks[i - 1].end,
				    d->sections[open[m]].line) : line;
				open[m] = -1;
			}
		s = &d->sections[d->nsections];
		s->block = i;
		s->level = lv;
		s->off = k->off;
		s->end = buf->len;
		s->line = line;
		s->end_line = line;
		s->parent = -1;
		for (m = lv - 1; m >= 1; m--)
			if (open[m] >= 0) {
				s->parent = (int32_t)open[m];
				break;
			}
		block_text(k, &off, &end);
		memcpy(w, b->s + off, end - off);
		w[end - off] = '\0';
		s->title = w;
		w += end - off + 1;
		open[lv] = (ssize_t)d->nsections;
		d->nsections++;
	}
	for (m = 1; m <= MAX_LEVEL; m++)
		if (open[m] >= 0)
			d->sections[open[m]].end_line = buffer_line_from(buf,
			    d->blocks[d->nblocks - 1].end,
			    d->sections[open[m]].line);
}

/* Looks for a full date in s[0..n); returns its offset or n. */
static size_t
find_date(const char *s, size_t n, int eight, struct doc_date *dt)
{
	size_t i;
	int y, m, dd;

	for (i = 0; i < n; i++) {
		if (!((s[i] >= '0' && s[i] <= '9') ||
		    STARTS(s + i, n - i, "\xef\xbc")))
			continue;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		if (parse_date(s + i, n - i, 0, eight, &y, &m, &dd) > 0) {
			dt->year = y;
			dt->month = m;
			dt->day = dd;
			return i;
		}
	}
	return n;
}

/*
 * The document date: a dateline (a short block near the top, before the
 * first heading, holding a full date and not ending a sentence), else the
 * first figure whose file name holds a date (20231012 or 2023-10-12).
 */
static void
find_doc_date(struct build *b)
{
	struct doc *d = b->d;
	const struct block *k;
	size_t i, n, at;

	for (i = 0; i < d->nblocks && i < DATELINE_BLOCKS; i++) {
		k = &d->blocks[i];
		if (k->kind == BLOCK_HEADING)
			break;
		n = k->end - k->off;
		if ((k->kind != BLOCK_PARAGRAPH &&
		    k->kind != BLOCK_BOILERPLATE) || n > 3 * 100 ||
		    cols(b->s + k->off, n) > 100)
			continue;
		if (line_end(b->s + k->off, n) == END_SENT_CJK ||
		    line_end(b->s + k->off, n) == END_SENT)
			continue;
		if ((at = find_date(b->s + k->off, n, 0, &d->date)) < n) {
			d->date.off = k->off + at;
			return;
		}
	}
	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].kind != BLOCK_FIGURE)
			continue;
		k = &d->blocks[i];
		n = k->end - k->off;
		if ((at = find_date(b->s + k->off, n, 1, &d->date)) < n ||
		    (at = find_date(b->s + k->off, n, 0, &d->date)) < n) {
			d->date.off = k->off + at;
			return;
		}
	}
	memset(&d->date, 0, sizeof d->date);
}

struct doc *
doc_new(const struct buffer *buf)
{
	struct doc *d = xcalloc(1, sizeof *d);
	struct build b;

	d->buf = buf;
	d->title_block = -1;
	memset(&b, 0, sizeof b);
	b.d = d;
	b.s = buf->data;
	/*
	 * A block holds one line at least, so the arrays are sized for that
	 * at once: a large allocation is only reserved until it is touched,
	 * and growing it by copying would touch it all twice.  What is left
	 * over is given back below.
	 */
	b.cap = buf->nlines > 0 ? buf->nlines : 1;
	d->blocks = xreallocarray(NULL, b.cap, sizeof *d->blocks);
	b.bi = xreallocarray(NULL, b.cap, sizeof *b.bi);
	find_title(&b);
	gather(&b);
	decide(&b);
	/* The evidence is done with: give it back before the sections. */
	free(b.bi);
	b.bi = NULL;
	make_sections(&b);
	find_doc_date(&b);
	if (d->nblocks < b.cap / 2)
		d->blocks = xreallocarray(d->blocks, d->nblocks ? d->nblocks :
		    1, sizeof *d->blocks);
	return d;
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	if (d->strings != NULL)
		free(d->strings);
	else
		for (i = 0; i < d->nsections; i++)
			free(d->sections[i].title);
	free(d->sections);
	free(d->blocks);
	free(d->title);
	free(d->site);
	free(d);
}

size_t
doc_block_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nblocks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->blocks[mid].end < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

ssize_t
doc_section_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nsections, mid;

	/* The last section starting at or before off holds it. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->sections[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (ssize_t)lo - 1;
}

size_t
doc_block_line(const struct doc *d, size_t i)
{
	return buffer_line_of(d->buf, d->blocks[i].off);
}

const char *
doc_kind_name(enum block_kind k)
{
	static const char *const names[] = { "paragraph", "title", "heading",
	    "figure", "caption", "list-item", "boilerplate", "code" };

	if ((unsigned)k >= sizeof names / sizeof names[0])
		return "unknown";
	return names[k];
}
