/*
 * doc-marks.c - the line lexer's look at page furniture: an image file
 * name standing for a figure, a breadcrumb (首页 > 新闻), footer and
 * navigation links (网站地图 | 联系我们).  Each test reads one trimmed
 * line and keeps no state; doc_lex_classify() asks them in turn, after
 * doc_marks_scan() has found in one pass whether a line is worth asking.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "doc-int.h"

/* Tells whether the trimmed line s[0..n) is an image file name. */
int
doc_marks_figure(const char *s, size_t n)
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
	if (STARTS(s, n, "![") && s[n - 1] == ')' &&
	    doc_lex_contains(s, n, "]("))
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
			return !doc_lex_contains_any(s, n, punct);
	}
	return 0;
}

/*
 * Tells whether the trimmed line s[0..n) is a breadcrumb: segments joined
 * by '>' (or », ›, ＞), each short, two joins at least or one after a
 * word such as 首页.
 */
int
doc_marks_breadcrumb(const char *s, size_t n)
{
	static const char *const seps[] = { ">", "\xef\xbc\x9e", "\xc2\xbb",
	    "\xe2\x80\xba", NULL };
	static const char *const heads[] = { "首页", "主页", "网站首页",
	    "Home", "当前位置", "您的位置", "您现在的位置", "位置：", NULL };
	const char *const *p;
	size_t i = 0, seg = 0, nsep = 0, k, a, b;
	int empty = 0;

	if (n > SHORT_BYTES || doc_lex_line_end(s, n) == END_SENT_CJK)
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
				if (doc_lex_starts(s + i, n - i, *p)) {
					k = strlen(*p);
					break;
				}
		if (i == n || k > 0) {
			a = seg;
			b = i;
			doc_lex_trim(s, &a, &b);
			if (a == b)
				empty = 1;
			else if (doc_lex_cols(s + a, b - a) > 40)
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
	return nsep >= 2 || doc_lex_starts_any(s, n, heads);
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

/* The bytes that may end a separator or a footer mark. */
static const unsigned char marks[256] = { ['>'] = 1, ['|'] = 1, ['I'] = 1,
    ['o'] = 1, ['r'] = 1, [0xbb] = 1, [0x9e] = 1, [0xba] = 1, [0xa9] = 1,
    [0x9c] = 1, [0xa8] = 1, [0x88] = 1 };

/*
 * Tests the byte at s[i] of s[0..n), one marks[] holds, as the last byte
 * of a separator (sets *sp) or of a footer mark (sets *ft); the ASCII
 * words are told by their first byte.  It looks two bytes back at most.
 */
static inline void
mark_end(const char *s, size_t n, size_t i, int *sp, int *ft)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char b = u[i];

	if (b < 0x80) {
		if (b == '>')
			*sp = 1;
		else if (b == '|' || (b == 'I' && STARTS(s + i, n - i,
		    "ICP")) || (b == 'o' && STARTS(s + i, n - i,
		    "opyright")) || (b == 'r' && STARTS(s + i, n - i,
		    "rights")))
			*ft = 1;
		return;
	}
	switch (b) {
	case 0xbb:	/* » */
		if (i >= 1 && u[i - 1] == 0xc2)
			*sp = 1;
		break;
	case 0x9e:	/* ＞ */
	case 0xba:	/* › */
		if (i >= 2 && (memcmp(s + i - 2, "\xef\xbc\x9e", 3) == 0 ||
		    memcmp(s + i - 2, "\xe2\x80\xba", 3) == 0))
			*sp = 1;
		break;
	case 0xa9:	/* © */
		if (i >= 1 && u[i - 1] == 0xc2)
			*ft = 1;
		break;
	case 0x9c:	/* ｜ */
	case 0xa8:	/* 丨 */
	case 0x88:	/* 版 */
		if (i >= 2 && (STARTS(s + i - 2, n - i + 2, "｜") ||
		    STARTS(s + i - 2, n - i + 2, "丨") ||
		    STARTS(s + i - 2, n - i + 2, "版权")))
			*ft = 1;
		break;
	}
}

#if defined(__SSE2__)
#define EQ(v, b) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(b)))

/*
 * The vector step of doc_marks_scan() (SSE2, which every x86-64 processor
 * has), on the 16 bytes at p, whose next two bytes are in the line too:
 * adds their columns to the byte counters *acc and tells whether a mark
 * may start among them.  A mark's bytes stand in other characters too
 * (0x88 ends 版 and 爱, 'o' is in any English word), so a mark is looked
 * for by its first two or three bytes: '>', '|', "IC", "op", "ri",
 * » ©, and the whole of ＞ › ｜ 丨 版.
 */
static inline int
vec_step(const char *p, __m128i *acc)
{
	__m128i v0, v1, v2, hit, ascii, lead, lead3;

	v0 = _mm_loadu_si128((const __m128i *)(const void *)p);
	v1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	v2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 2));
	hit = _mm_or_si128(EQ(v0, '>'), EQ(v0, '|'));
	hit = _mm_or_si128(hit, _mm_or_si128(_mm_or_si128(
	    _mm_and_si128(EQ(v0, 'I'), EQ(v1, 'C')),
	    _mm_and_si128(EQ(v0, 'o'), EQ(v1, 'p'))),
	    _mm_and_si128(EQ(v0, 'r'), EQ(v1, 'i'))));
	/* » C2 BB, © C2 A9. */
	hit = _mm_or_si128(hit, _mm_and_si128(EQ(v0, 0xc2),
	    _mm_or_si128(EQ(v1, 0xbb), EQ(v1, 0xa9))));
	/* ＞ EF BC 9E, ｜ EF BD 9C, › E2 80 BA, 丨 E4 B8 A8, 版 E7 89 88. */
	hit = _mm_or_si128(hit, _mm_and_si128(EQ(v0, 0xef),
	    _mm_or_si128(_mm_and_si128(EQ(v1, 0xbc), EQ(v2, 0x9e)),
	    _mm_and_si128(EQ(v1, 0xbd), EQ(v2, 0x9c)))));
	hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 0xe2),
	    EQ(v1, 0x80)), EQ(v2, 0xba)));
	hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 0xe4),
	    EQ(v1, 0xb8)), EQ(v2, 0xa8)));
	hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(EQ(v0, 0xe7),
	    EQ(v1, 0x89)), EQ(v2, 0x88)));
	/*
	 * doc_lex_cols(): one for an ASCII byte and for a lead byte, two
	 * for a lead byte of three or four.  As signed bytes ASCII is >= 0,
	 * a lead byte (0xC0..) >= -64 and one of three or four (0xE0..)
	 * >= -32; each test's -1 is subtracted from a byte counter.
	 */
	ascii = _mm_cmpgt_epi8(v0, _mm_set1_epi8(-1));
	lead = _mm_andnot_si128(ascii, _mm_cmpgt_epi8(v0, _mm_set1_epi8(-65)));
	lead3 = _mm_andnot_si128(ascii, _mm_cmpgt_epi8(v0,
	    _mm_set1_epi8(-33)));
	*acc = _mm_sub_epi8(_mm_sub_epi8(_mm_sub_epi8(*acc, ascii), lead),
	    lead3);
	return _mm_movemask_epi8(hit) != 0;
}

/* The sum of the byte counters of acc. */
static inline size_t
vec_sum(__m128i acc)
{
	acc = _mm_sad_epu8(acc, _mm_setzero_si128());
	return (size_t)_mm_cvtsi128_si32(acc) +
	    (size_t)_mm_extract_epi16(acc, 4);
}
#undef EQ
#endif

/*
 * One pass over a short line for what three would find: its columns (as
 * doc_lex_cols()), whether it holds a breadcrumb separator (> » › ＞, the test
 * that opens doc_marks_breadcrumb()) and whether footer_hint() would hold.
 * Most lines have neither, and then neither test runs.  The line is read
 * 16 bytes at a time where the processor can; a vector where a mark may
 * start has its bytes and the next two (where such a mark ends) tested
 * one by one, as the rest of the line after the last vector is.
 */
void
doc_marks_scan(const char *s, size_t n, size_t *cols_out, int *sep, int *foot)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, c = 0;
	int sp = 0, ft = 0;
#if defined(__SSE2__)
	__m128i acc = _mm_setzero_si128();
	size_t j;
	int k = 0;

	for (; i + 18 <= n; i += 16) {
		if (vec_step(s + i, &acc))
			for (j = i; j < i + 18; j++)
				if (marks[u[j]])
					mark_end(s, n, j, &sp, &ft);
		/* A byte counter gains 3 at most a step. */
		if (++k == 80) {
			c += vec_sum(acc);
			acc = _mm_setzero_si128();
			k = 0;
		}
	}
	c += vec_sum(acc);
#endif
	for (; i < n; i++) {
		unsigned char b = u[i];

		/* doc_lex_cols()'s columns, without a branch. */
		c += (size_t)(b < 0x80) + (b >= 0xc0) + (b >= 0xe0);
		if (marks[b])
			mark_end(s, n, i, &sp, &ft);
	}
	*cols_out = c;
	*sep = sp;
	*foot = ft;
}

/* Tells whether the trimmed line s[0..n) is footer or navigation links. */
int
doc_marks_footer(const char *s, size_t n)
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
	    !doc_lex_contains_any(s, n, words))
		return 0;
	for (p = bars; *p != NULL; p++)
		for (i = 0; i + strlen(*p) <= n; i++)
			if (memcmp(s + i, *p, strlen(*p)) == 0)
				nbar++;
	return nbar >= 1 || (doc_lex_contains_any(s, n, strong) &&
	    doc_lex_cols(s, n) <= DOC_HEADING_MAX_COLS);
}

