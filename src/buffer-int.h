/*
 * buffer-int.h - what buffer.c, buffer-detect.c and buffer-scan.c share,
 * and no one else.
 */
#ifndef JUAN_BUFFER_INT_H
#define JUAN_BUFFER_INT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Converts in[0..n) from encoding `from` to UTF-8 through iconv.  unit is
 * the number of bytes to skip on an invalid sequence (2 for UTF-16, 4 for
 * UTF-32, else 1).  With strict set, the first invalid sequence fails the
 * conversion (returns NULL with errno EILSEQ), and one cut by the end of
 * the input ends it.  Returns NULL with errno EINVAL for an
 * unknown encoding.  Otherwise returns the allocated text (*outlen bytes,
 * NUL-terminated) and adds the replaced sequences to *invalid.
 */
char *buffer_iconv(const char *in, size_t n, const char *from, size_t unit,
    int strict, size_t *outlen, size_t *invalid);

/* What the detector chose: how to decode, and what to call it. */
struct buffer_enc {
	const char *decoder;	/* the iconv name decoded with */
	const char *name;	/* the name reported (buffer.encoding) */
	const char *wide;	/* a superset to decode with (and name) when
				   the text has sequences the decoder
				   refuses, or NULL */
	size_t unit;		/* bytes skipped on an invalid sequence */
	char other[64];		/* holds uchardet's name when it is none
				   of the CJK families */
};

/*
 * Looks for UTF-16 or UTF-32 without a byte-order mark in s[0..n), which
 * holds NUL bytes: returns 1 and fills *e when one of the four forms
 * decodes the beginning without error into plausible text.
 */
int buffer_detect_unicode(const char *s, size_t n, struct buffer_enc *e);

/*
 * Chooses the encoding of s[0..n), which is not UTF-8: asks uchardet about
 * a sample (the beginning and the middle), decodes the sample through
 * each candidate family (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR,
 * UTF-16) and keeps the one whose text is most plausible, uchardet's
 * answer by a small margin; a single-byte encoding that uchardet names
 * (WINDOWS-1252, KOI8-R...) is a candidate too when single_byte is set
 * (the caller found few valid UTF-8 sequences beside the invalid bytes).
 * Returns 1 and fills *e, or 0 when no candidate gives plausible text
 * (then the bytes are read as damaged UTF-8).
 */
int buffer_detect_legacy(const char *s, size_t n, int single_byte,
    struct buffer_enc *e);

/*
 * How plausible the UTF-8 text s[0..n) is as a document: the mean over
 * its characters (but white space) of a weight, +1 for a frequent CJK
 * character, hangul syllable, hiragana or CJK punctuation, +0.5 for
 * printable ASCII, 0 for other letters and ideographs, -1 for rare ones
 * (extension ideographs, half-width katakana), -4 for what text does not
 * hold (controls, private use, unassigned code points, U+FFFD).
 */
double buffer_plausibility(const char *s, size_t n);

/*
 * buffer-scan.c, the load's pass 32 bytes at a time where the processor
 * has AVX2, and -1 where it has not (then buffer.c does it its way).
 * buffer_scan() tells whether s[0..n) is valid UTF-8 (1 or 0); when it
 * is, it adds its newlines to *nl and tells in *cr whether it holds a
 * '\r'.  buffer_scan_index() writes to out, for each '\n' of s[0..n),
 * the offset after it plus base, but for the one at len (the text's
 * last byte): a part of the line index of a text under 4 GiB.
 */
int buffer_scan(const char *s, size_t n, size_t *nl, int *cr);
int buffer_scan_index(const char *s, size_t n, size_t base, size_t len,
    uint32_t *out, size_t max);	/* at most max; 1 when max were
				   written, 0 when fewer were found */

#endif
