/*
 * buffer-scan.c - the load's pass over a text, 32 bytes at a time.
 *
 * Every load of a UTF-8 text checks it, counts its newlines (to size the
 * line index), looks for a carriage return, and then writes the offset of
 * every line.  On a processor with AVX2 this file does the first three in
 * one pass and the last in another, on 32-byte vectors; elsewhere its
 * functions say so (-1) and buffer.c does the work a byte or a memchr()
 * at a time.
 *
 * The check is the one of simdjson and simdutf (Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte", 2021): each
 * byte is classified by three table lookups (the high nibble of the byte
 * before it, its low nibble, and the high nibble of the byte itself),
 * whose AND has a bit set for each error the pair shows: a lead byte
 * followed by a lead byte or ASCII (too short), ASCII followed by a
 * continuation byte (too long), the overlong forms of two, three and
 * four bytes, a surrogate (ED A0..BF), a code point past U+10FFFF (F4
 * 90.., F5..FF).  A continuation byte after a continuation byte is
 * right only as the third or fourth byte of a sequence, which the bytes
 * two and three back tell.  The text's end is followed by zeros (ASCII),
 * so a sequence cut by it is too short.  The result is exactly what
 * buffer.c's utf8_seq() accepts, which the unit test checks byte class
 * by byte class at every position around a vector boundary.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "buffer-int.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

/* The error bits; see the top of the file. */
#define TOO_SHORT	0x01	/* 11______ 0_______, 11______ 11______ */
#define TOO_LONG	0x02	/* 0_______ 10______ */
#define OVERLONG_3	0x04	/* 11100000 100_____ */
#define TOO_LARGE	0x08	/* 11110100 1001____ .. 11111___ 101_____ */
#define SURROGATE	0x10	/* 11101101 101_____ */
#define OVERLONG_2	0x20	/* 1100000_ 10______ */
#define TOO_LARGE_1000	0x40	/* 11110101 1000____ .. 11111___ 1000____ */
#define OVERLONG_4	0x40	/* 11110000 1000____ */
#define TWO_CONTS	0x80	/* 10______ 10______ */
#define CARRY		(TOO_SHORT | TOO_LONG | TWO_CONTS)

/* By the high nibble of the byte before. */
static const uint8_t byte1_high[16] = {
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
	TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
	TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
	TOO_SHORT | OVERLONG_2,
	TOO_SHORT,
	TOO_SHORT | OVERLONG_3 | SURROGATE,
	TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
};

/* By the low nibble of the byte before. */
static const uint8_t byte1_low[16] = {
	CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
	CARRY | OVERLONG_2,
	CARRY,
	CARRY,
	CARRY | TOO_LARGE,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
	CARRY | TOO_LARGE | TOO_LARGE_1000,
	CARRY | TOO_LARGE | TOO_LARGE_1000
};

/* By the high nibble of the byte itself. */
static const uint8_t byte2_high[16] = {
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 |
	    OVERLONG_4,
	TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
	TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
	TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT
};

/* The tables and constants in vectors, made once per call. */
struct vtab {
	__m256i b1h, b1l, b2h, nib, nl, cr;
};

AVX2 static void
vtab_init(struct vtab *t)
{
	__m128i x;

	memcpy(&x, byte1_high, 16);
	t->b1h = _mm256_broadcastsi128_si256(x);
	memcpy(&x, byte1_low, 16);
	t->b1l = _mm256_broadcastsi128_si256(x);
	memcpy(&x, byte2_high, 16);
	t->b2h = _mm256_broadcastsi128_si256(x);
	t->nib = _mm256_set1_epi8(0x0f);
	t->nl = _mm256_set1_epi8('\n');
	t->cr = _mm256_set1_epi8('\r');
}

/* The vector of the bytes k places before those of in (k = 1, 2, 3). */
#define PREV(in, prev, k) _mm256_alignr_epi8((in),			\
	_mm256_permute2x128_si256((prev), (in), 0x21), 16 - (k))

/* The errors of the 32 bytes in, whose 32 bytes before are prev. */
AVX2 static inline __m256i
errors(const struct vtab *t, __m256i in, __m256i prev)
{
	__m256i p1 = PREV(in, prev, 1), p2 = PREV(in, prev, 2);
	__m256i p3 = PREV(in, prev, 3), sc, must23;

	sc = _mm256_and_si256(_mm256_and_si256(
	    _mm256_shuffle_epi8(t->b1h, _mm256_and_si256(
	    _mm256_srli_epi16(p1, 4), t->nib)),
	    _mm256_shuffle_epi8(t->b1l, _mm256_and_si256(p1, t->nib))),
	    _mm256_shuffle_epi8(t->b2h, _mm256_and_si256(
	    _mm256_srli_epi16(in, 4), t->nib)));
	/* A third byte follows 111_____ two back, a fourth 1111____. */
	must23 = _mm256_or_si256(
	    _mm256_subs_epu8(p2, _mm256_set1_epi8((char)(0xe0 - 0x80))),
	    _mm256_subs_epu8(p3, _mm256_set1_epi8((char)(0xf0 - 0x80))));
	must23 = _mm256_and_si256(must23, _mm256_set1_epi8((char)0x80));
	return _mm256_xor_si256(must23, sc);
}

/* The sum of the 32 byte counters of acc. */
AVX2 static inline size_t
sum_bytes(__m256i acc)
{
	__m256i s = _mm256_sad_epu8(acc, _mm256_setzero_si256());

	return (size_t)_mm256_extract_epi64(s, 0) +
	    (size_t)_mm256_extract_epi64(s, 1) +
	    (size_t)_mm256_extract_epi64(s, 2) +
	    (size_t)_mm256_extract_epi64(s, 3);
}

AVX2 static int
scan_avx2(const unsigned char *s, size_t n, size_t *nl, int *cr)
{
	struct vtab t;
	__m256i in, prev = _mm256_setzero_si256(), err = prev, acc = prev;
	__m256i crs = prev;
	unsigned char last[32];
	size_t i, k = 0, lines = 0;
	int end;

	vtab_init(&t);
	/*
	 * The last vector holds the end and zeros after it (all zeros
	 * when the end falls on a vector's), so that a sequence cut by
	 * the end is too short.
	 */
	for (i = 0;; i += 32) {
		end = i + 32 > n;
		if (!end)
			in = _mm256_loadu_si256((const __m256i *)(s + i));
		else {
			memset(last, 0, sizeof last);
			memcpy(last, s + i, n - i);
			in = _mm256_loadu_si256((const __m256i *)last);
		}
		err = _mm256_or_si256(err, errors(&t, in, prev));
		acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(in, t.nl));
		crs = _mm256_or_si256(crs, _mm256_cmpeq_epi8(in, t.cr));
		prev = in;
		/* A byte counter holds 255 newlines. */
		if (++k == 255 || end) {
			lines += sum_bytes(acc);
			acc = _mm256_setzero_si256();
			k = 0;
			if (!_mm256_testz_si256(err, err))
				return 0;
			if (end)
				break;
		}
	}
	*nl += lines;
	*cr = !_mm256_testz_si256(crs, crs);
	return 1;
}

AVX2 static size_t
index_avx2(const unsigned char *s, size_t n, size_t base, size_t len,
    uint32_t *out, size_t max)
{
	__m256i nlv = _mm256_set1_epi8('\n');
	uint32_t *lim = out + max, *first = out;
	size_t i, at;
	uint32_t m;

	for (i = 0; i + 32 <= n && out < lim; i += 32) {
		m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
		    _mm256_loadu_si256((const __m256i *)(s + i)), nlv));
		while (m != 0) {
			at = base + i + (size_t)__builtin_ctz(m) + 1;
			if (at < len && out < lim)
				*out++ = (uint32_t)at;
			m &= m - 1;
		}
	}
	for (; i < n && out < lim; i++)
		if (s[i] == '\n' && base + i + 1 < len)
			*out++ = (uint32_t)(base + i + 1);
	return (size_t)(out - first);
}

/* The processor's features are read once at start-up, before threads. */
static int
have_avx2(void)
{
	return __builtin_cpu_supports("avx2");
}

int
buffer_scan(const char *s, size_t n, size_t *nl, int *cr)
{
	if (!have_avx2())
		return -1;
	return scan_avx2((const unsigned char *)s, n, nl, cr);
}

int
buffer_scan_index(const char *s, size_t n, size_t base, size_t len,
    uint32_t *out, size_t max)
{
	if (!have_avx2())
		return -1;
	return (int)(index_avx2((const unsigned char *)s, n, base, len, out,
	    max) == max);
}

#else

int
buffer_scan(const char *s, size_t n, size_t *nl, int *cr)
{
	(void)s;
	(void)n;
	(void)nl;
	(void)cr;
	return -1;
}

int
buffer_scan_index(const char *s, size_t n, size_t base, size_t len,
    uint32_t *out, size_t max)
{
	(void)max;
	(void)s;
	(void)n;
	(void)base;
	(void)len;
	(void)out;
	return -1;
}

#endif
