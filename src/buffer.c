/*
 * buffer.c - reading a document into one UTF-8 buffer.
 *
 * A large regular file in UTF-8, valid and without carriage returns (most
 * large texts), is mapped (buffer-map.c, which also catches the SIGBUS of
 * a file truncated under the reader) and checked and indexed where it
 * lies: its bytes are the text, without a copy (load_mapped).  Any other
 * input is read whole into memory with read(): a regular file in one
 * allocation of its size, anything else (pipe, FIFO, device) in doubling
 * chunks up to a limit past which it is refused.  Then it is decoded:
 *
 *   1. a byte-order mark decides UTF-8, UTF-16 or UTF-32 (LE or BE);
 *   2. NUL bytes in the first 4 KiB call for a look at UTF-16 and UTF-32
 *      without a mark (buffer_detect_unicode in buffer-detect.c);
 *   3. otherwise valid UTF-8 is taken as it is, without a copy (the check
 *      is the one pass over the text that every load pays for, so it is
 *      written for speed: see utf8_valid_prefix);
 *   4. otherwise, if the invalid bytes are many beside the valid
 *      multi-byte characters, buffer_detect_legacy chooses among GB18030,
 *      Big5, Shift_JIS, EUC-JP, EUC-KR and what uchardet names, by how
 *      plausible a sample of the text is in each;
 *   5. otherwise (damaged UTF-8, or nothing plausible) they are UTF-8
 *      with each invalid byte replaced.
 *
 * A forced encoding skips detection and goes through iconv (but UTF-8,
 * which needs only the check), each undecodable input byte becoming
 * U+FFFD.  All sizes and offsets are size_t, so a text past 4 GiB is
 * addressed like any other.  Finally line ends are made
 * '\n' in place, the beginning is looked at for signs of a binary file
 * (buffer_is_binary), and the line index is built.  Invariant after loading:
 * data[0..len) is valid UTF-8 without '\r', data[len] == '\0', and
 * line i starts just after the i-th '\n' (line 0 at 0), as
 * buffer_line_start() tells from the 32-bit index of a text under 4 GiB or
 * the general one.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buffer-int.h"
#include "juan/buffer.h"
#include "juan/util.h"

static const char REPLACEMENT[] = "\xef\xbf\xbd";	/* U+FFFD */

/* The bytes after the first invalid one that tell damaged UTF-8 from text
 * in another encoding. */
#define DETECT_SPAN ((size_t)1 << 20)

/* The most bytes asked of one read(). */
#define READ_MAX ((size_t)1 << 30)

/*
 * The length of the valid UTF-8 sequence that starts s[0..n) and is not
 * ASCII, or 0 when the bytes there are not one (an overlong form, a
 * surrogate, a code point past U+10FFFF, a stray or missing continuation
 * byte, or a sequence cut by the end of the input).
 */
static inline size_t
utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c < 0xe0)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c < 0xf0) {
		if (c == 0xe0)
			lo = 0xa0;	/* no overlong forms */
		else if (c == 0xed)
			hi = 0x9f;	/* no surrogates */
		return n >= 3 && s[1] >= lo && s[1] <= hi &&
		    (s[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;		/* nothing past U+10FFFF */
	return n >= 4 && s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
	    (s[3] & 0xc0) == 0x80 ? 4 : 0;
}

/*
 * Returns the length of the valid UTF-8 prefix of s[0..n) and adds the
 * number of multi-byte characters in it to *multi.  This is the hot loop of
 * loading: ASCII is skipped sixteen bytes at a time, and a run of
 * three-byte characters (most of a CJK text) is checked without going
 * back to the general case for each one.
 */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t n, size_t *multi)
{
	size_t i = 0, k, m = 0;	/* i: bytes checked; m: multi-byte chars */
	uint64_t w[2];

	while (i < n) {
		if (s[i] < 0x80) {
			while (i + 16 <= n) {
				memcpy(w, s + i, 16);
				if ((w[0] | w[1]) & 0x8080808080808080ULL)
					break;
				i += 16;
			}
			while (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		/* Three-byte characters from U+1000 to U+FFFF but for the
		 * surrogate block (lead byte 0xed), which hold the CJK
		 * ideographs, kana, hangul and the full-width forms: these
		 * lead bytes can start no overlong form. */
		while (i + 3 <= n && s[i] >= 0xe1 && s[i] != 0xed &&
		    s[i] <= 0xef &&
		    (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80) {
			i += 3;
			m++;
		}
		if (i >= n || s[i] < 0x80)
			continue;
		if ((k = utf8_seq(s + i, n - i)) == 0)
			break;
		i += k;
		m++;
	}
	*multi += m;
	return i;
}

/*
 * Counts the invalid bytes of s[0..n) (each byte that starts no valid
 * sequence) and adds them to *bad, and the valid multi-byte characters to
 * *multi.  The ratio tells damaged UTF-8 from text in another encoding.
 */
static void
utf8_count(const unsigned char *s, size_t n, size_t *multi, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		i += utf8_valid_prefix(s + i, n - i, multi);
		if (i < n) {
			(*bad)++;
			i++;
		}
	}
}

/* Copies s[0..n) into a new string, each invalid byte made U+FFFD. */
static char *
utf8_repair(const char *s, size_t n, size_t *outlen, size_t *invalid)
{
	struct sbuf b = SBUF_INIT;
	size_t i = 0, v, multi = 0;

	while (i < n) {
		v = utf8_valid_prefix((const unsigned char *)s + i, n - i,
		    &multi);
		sbuf_add(&b, s + i, v);
		i += v;
		if (i >= n)
			break;
		sbuf_add(&b, REPLACEMENT, 3);
		(*invalid)++;
		i++;
	}
	*outlen = b.len;
	return sbuf_take(&b);
}

/* The one conversion through iconv (see buffer-int.h). */
char *
buffer_iconv(const char *in, size_t n, const char *from, size_t unit,
    int strict, size_t *outlen, size_t *invalid)
{
	struct sbuf b = SBUF_INIT;
	char chunk[16384];
	char *ip = (char *)in, *op;
	size_t il = n, ol, r;
	iconv_t cd;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		errno = EINVAL;
		return NULL;
	}
	for (;;) {
		op = chunk;
		ol = sizeof chunk;
		r = iconv(cd, il > 0 ? &ip : NULL, &il, &op, &ol);
		sbuf_add(&b, chunk, sizeof chunk - ol);
		if (r != (size_t)-1) {
			if (il == 0)
				break;
			continue;
		}
		if (errno == E2BIG)
			continue;
		if (strict && errno == EINVAL)
			break;	/* a sequence cut by the end of a sample */
		if (strict) {
			iconv_close(cd);
			sbuf_free(&b);
			errno = EILSEQ;
			return NULL;
		}
		/* EILSEQ, or EINVAL for a sequence cut at the end. */
		sbuf_add(&b, REPLACEMENT, 3);
		(*invalid)++;
		r = unit < il ? unit : il;
		ip += r;
		il -= r;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (il == 0)
			break;
	}
	/* Flush any shift state. */
	op = chunk;
	ol = sizeof chunk;
	iconv(cd, NULL, NULL, &op, &ol);
	sbuf_add(&b, chunk, sizeof chunk - ol);
	iconv_close(cd);
	/* iconv output is valid UTF-8, but a decoder may emit NUL etc.; keep. */
	*outlen = b.len;
	return sbuf_take(&b);
}

/* Makes every CRLF and lone CR a '\n', in place; returns the new length. */
static size_t
fix_line_ends(char *s, size_t n)
{
	char *r = memchr(s, '\r', n), *w, *end = s + n;

	if (r == NULL)
		return n;
	w = r;
	while (r < end) {
		if (*r == '\r') {
			*w++ = '\n';
			r++;
			if (r < end && *r == '\n')
				r++;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* Allocates the line index for n lines, 32-bit when the text allows. */
static void
alloc_index(struct buffer *b, size_t n)
{
	if (b->len <= UINT32_MAX) {
		b->line_off32 = xreallocarray(NULL, n, sizeof *b->line_off32);
		b->line_off32[0] = 0;
	} else {
		b->line_off = xreallocarray(NULL, n, sizeof *b->line_off);
		b->line_off[0] = 0;
	}
}

static inline void
set_line(struct buffer *b, size_t i, size_t off)
{
	if (b->line_off32 != NULL)
		b->line_off32[i] = (uint32_t)off;
	else
		b->line_off[i] = off;
}

/*
 * Builds the line index.  The lines are counted first so that the index
 * is allocated once at its size: counting is a quick pass over text just
 * read, while growing the index by doubling would copy and touch it twice.
 */
static void
index_lines(struct buffer *b)
{
	size_t n = 1;
	const char *p = b->data, *end = b->data + b->len, *q;

	if (b->len == 0) {
		b->line_off32 = xreallocarray(NULL, 1, sizeof *b->line_off32);
		b->line_off32[0] = 0;
		b->nlines = 0;
		return;
	}
	while ((q = memchr(p, '\n', (size_t)(end - p))) != NULL &&
	    q + 1 < end) {
		n++;
		p = q + 1;
	}
	alloc_index(b, n);
	n = 1;
	p = b->data;
	while ((q = memchr(p, '\n', (size_t)(end - p))) != NULL &&
	    q + 1 < end) {
		p = q + 1;
		set_line(b, n++, (size_t)(p - b->data));
	}
	b->nlines = n;
}

/*
 * A large text is read and checked in two halves at once (util_par2):
 * both halves are read into the one allocation with pread(), then each is
 * checked for UTF-8 and carriage returns and its newlines counted, then
 * each writes its part of the line index.
 */
#define PAR_MIN ((size_t)16 << 20)

struct part {
	int fd;			/* reading: the file */
	off_t pos;		/* and where this part is in it */
	char *s;		/* the part's bytes */
	size_t n;
	size_t base;		/* offset of s in the text */
	size_t len;		/* the whole text's length */
	ssize_t got;		/* reading: bytes read, or -1 */
	int err;		/* and errno */
	int valid;		/* checking: valid UTF-8 */
	int cr;			/* holds a '\r' */
	size_t multi;		/* multi-byte characters */
	size_t nl;		/* newlines */
	struct buffer *b;	/* indexing: the buffer, whose lines from */
	size_t first;		/* this one are this part's */
	size_t room;		/* and at most this many */
	int full;		/* all room lines were found again */
};

static void
read_part(void *arg)
{
	struct part *p = arg;
	size_t n = 0;
	ssize_t r;

	while (n < p->n) {
		r = pread(p->fd, p->s + n, p->n - n < READ_MAX ?
		    p->n - n : READ_MAX, p->pos + (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			p->got = -1;
			p->err = errno;
			return;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	p->got = (ssize_t)n;
}

static void
check_part(void *arg)
{
	struct part *p = arg;
	const char *q = p->s, *end = p->s + p->n;
	int r;

	/* One pass where the processor has AVX2 (buffer-scan.c). */
	if ((r = buffer_scan(p->s, p->n, &p->nl, &p->cr)) >= 0)
		p->valid = r;
	else {
		p->valid = utf8_valid_prefix((const unsigned char *)p->s,
		    p->n, &p->multi) == p->n;
		p->cr = memchr(p->s, '\r', p->n) != NULL;
		while ((q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
			p->nl++;
			q++;
		}
	}
}

static void
index_part(void *arg)
{
	struct part *p = arg;
	const char *q = p->s, *end = p->s + p->n;
	size_t i = p->first, at, lim = p->first + p->room;

	/*
	 * 32 bytes at a time where the processor has AVX2.  Either way no
	 * more lines than were counted are written: a file rewritten
	 * between the count and the index (mapped, truncated and written
	 * again) may hold more newlines now.
	 */
	if (p->b->line_off32 != NULL && (p->full = buffer_scan_index(p->s,
	    p->n, p->base, p->len, p->b->line_off32 + i, p->room)) >= 0)
		return;
	while (i < lim && (q = memchr(q, '\n', (size_t)(end - q))) != NULL) {
		q++;
		at = p->base + (size_t)(q - p->s);
		if (at < p->len)
			set_line(p->b, i++, at);
	}
	p->full = i == lim;
}

/*
 * Splits s[0..n) in two at a character boundary near the middle; returns
 * the offset, or 0 when there is none close by (not UTF-8 there).
 */
static size_t
split_point(const char *s, size_t n)
{
	size_t h = n / 2, k;

	for (k = 0; k < 4 && h + k < n; k++)
		if (((unsigned char)s[h + k] & 0xc0) != 0x80)
			return h + k;
	return 0;
}

/*
 * Checks and indexes the text raw[0..n) in two parts split at h, at once
 * (check_fast: a large text read; load_mapped: a file mapped).  Returns 0
 * when it is valid UTF-8 without carriage returns and b now has it with
 * its line index, or -1 (b untouched) for the general path.
 */
static int
check_index(struct buffer *b, char *raw, size_t n, size_t h, size_t *multi)
{
	struct part p[2];
	size_t lines;

	memset(p, 0, sizeof p);
	p[0].s = raw;
	p[0].n = h;
	p[1].s = raw + h;
	p[1].n = n - h;
	p[1].base = h;
	p[0].len = p[1].len = n;
	util_par2(check_part, &p[0], &p[1]);
	*multi += p[0].multi + p[1].multi;
	if (!p[0].valid || !p[1].valid || p[0].cr || p[1].cr)
		return -1;
	b->data = raw;
	b->len = n;
	/* A line starts at 0 and after every newline but a final one. */
	lines = 1 + p[0].nl + p[1].nl - (raw[n - 1] == '\n');
	alloc_index(b, lines);
	p[0].b = p[1].b = b;
	p[0].first = 1;
	p[1].first = 1 + p[0].nl;
	p[0].room = p[0].nl;
	p[1].room = lines - p[1].first;
	util_par2(index_part, &p[0], &p[1]);
	if (!p[0].full || !p[1].full) {
		/* Rewritten under the mapping: read it instead. */
		free(b->line_off32);
		free(b->line_off);
		b->line_off32 = NULL;
		b->line_off = NULL;
		b->data = NULL;
		b->len = 0;
		return -1;
	}
	b->nlines = lines;
	return 0;
}

static int
check_fast(struct buffer *b, char *raw, size_t n, size_t *multi)
{
	size_t h = n >= PAR_MIN && util_threads() > 1 ? split_point(raw, n) : 0;

	if (h == 0 || check_index(b, raw, n, h, multi) < 0)
		return -1;
	raw[n] = '\0';
	return 0;
}

/*
 * Reads the regular file fd, size bytes from its offset, into raw in two
 * halves at once.  Returns the bytes read (size, or fewer when the file
 * shrank meanwhile: then the caller reads it again from the start), or -1
 * with errno set.  The file offset is left after what was read.
 */
static ssize_t
read_fast(int fd, char *raw, size_t size)
{
	struct part p[2];
	off_t pos = lseek(fd, 0, SEEK_CUR);
	size_t h = size / 2;

	if (pos < 0)
		return 0;
	memset(p, 0, sizeof p);
	p[0].fd = p[1].fd = fd;
	p[0].pos = pos;
	p[0].s = raw;
	p[0].n = h;
	p[1].pos = pos + (off_t)h;
	p[1].s = raw + h;
	p[1].n = size - h;
	util_par2(read_part, &p[0], &p[1]);
	if (p[0].got < 0 || p[1].got < 0) {
		errno = p[0].got < 0 ? p[0].err : p[1].err;
		return -1;
	}
	if ((size_t)p[0].got < p[0].n || (size_t)p[1].got < p[1].n)
		return 0;
	if (lseek(fd, pos + (off_t)size, SEEK_SET) < 0)
		return 0;
	return (ssize_t)size;
}

/*
 * A copy of the encoding name s that is safe to print: it comes from the
 * command line and may hold any bytes, and it is echoed in messages and
 * in the outline.  Invalid UTF-8 becomes U+FFFD, controls their visible
 * form.
 */
static char *
safe_name(const char *s)
{
	struct sbuf b = SBUF_INIT;
	size_t len, bad = 0;
	char *u = utf8_repair(s, strlen(s), &len, &bad);

	util_safe_add(&b, u, len, 1);
	free(u);
	return sbuf_take(&b);
}

/*
 * The encoding a byte-order mark at u[0..n) names, and the mark's length
 * in *bom; NULL when there is none.  UTF-32LE's mark starts as UTF-16LE's
 * does, so it is tested first.
 */
static const char *
bom_encoding(const unsigned char *u, size_t n, size_t *bom)
{
	static const struct {
		const char *mark, *enc;
		size_t len;
	} marks[] = {
		{ "\xff\xfe\0\0", "UTF-32LE", 4 },
		{ "\0\0\xfe\xff", "UTF-32BE", 4 },
		{ "\xff\xfe", "UTF-16LE", 2 },
		{ "\xfe\xff", "UTF-16BE", 2 },
		{ "\xef\xbb\xbf", "UTF-8", 3 },
	};
	size_t i;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (n >= marks[i].len &&
		    memcmp(u, marks[i].mark, marks[i].len) == 0) {
			*bom = marks[i].len;
			return marks[i].enc;
		}
	return NULL;
}

/*
 * Converts raw[0..n) through the encoding e into b, trying e->wide when
 * the decoder leaves invalid sequences that it reads.  Returns the text,
 * or NULL (errno EINVAL) when the decoder is unknown.
 */
static char *
decode_as(struct buffer *b, const char *raw, size_t n,
    const struct buffer_enc *e, size_t *outlen)
{
	char *out, *wide;
	size_t invalid = 0, winvalid = 0, wlen = 0;

	out = buffer_iconv(raw, n, e->decoder, e->unit, 0, outlen, &invalid);
	if (out == NULL)
		return NULL;
	if (invalid > 0 && e->wide != NULL && (wide = buffer_iconv(raw, n,
	    e->wide, e->unit, 0, &wlen, &winvalid)) != NULL) {
		if (winvalid < invalid) {
			free(out);
			out = wide;
			*outlen = wlen;
			invalid = winvalid;
			free(b->encoding);
			b->encoding = xstrdup(e->wide);
		} else
			free(wide);
	}
	b->invalid += invalid;
	return out;
}

/*
 * Decodes raw[0..n) (an allocated block of at least n + 1 bytes that this
 * function takes over) into b.
 */
static int
decode(struct buffer *b, char *raw, size_t n, const char *encoding,
    char **err)
{
	const unsigned char *u = (const unsigned char *)raw;
	struct buffer_enc e;
	const char *bom_enc;
	char *out = NULL;
	size_t outlen = 0, v, multi = 0, bom = 0;

	memset(&e, 0, sizeof e);
	b->head_len = n < BUFFER_HEAD ? n : BUFFER_HEAD;
	b->head = xmalloc(b->head_len + 1);
	memcpy(b->head, raw, b->head_len);
	b->head[b->head_len] = '\0';
	if (encoding != NULL && (strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0)) {
		/* UTF-8 needs no iconv: only the check and repair below. */
		b->encoding = safe_name(encoding);
		if (n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
			b->had_bom = 1;
			memmove(raw, raw + 3, n - 3);
			n -= 3;
		}
		goto utf8;
	}
	if (encoding != NULL) {
		e.decoder = encoding;
		e.unit = 1;
		if (strncasecmp(encoding, "UTF-16", 6) == 0 ||
		    strncasecmp(encoding, "UCS-2", 5) == 0)
			e.unit = 2;
		else if (strncasecmp(encoding, "UTF-32", 6) == 0)
			e.unit = 4;
		b->encoding = safe_name(encoding);
		goto convert;
	}
	bom_enc = bom_encoding(u, n, &bom);
	if (bom_enc != NULL) {
		b->had_bom = 1;
		memmove(raw, raw + bom, n - bom);
		n -= bom;
		b->encoding = xstrdup(bom_enc);
		if (strcmp(bom_enc, "UTF-8") == 0)
			goto utf8;
		e.decoder = bom_enc;
		e.unit = bom_enc[4] == '3' ? 4 : 2;
		goto convert;
	}
	/*
	 * UTF-16 and UTF-32 without a mark: their text, unlike UTF-8, has
	 * NUL bytes (in every ASCII character), which a look at the first
	 * few kilobytes finds without slowing the common case.
	 */
	if (memchr(raw, '\0', n < 4096 ? n : 4096) != NULL &&
	    buffer_detect_unicode(raw, n, &e)) {
		b->encoding = xstrdup(e.name);
		goto convert;
	}
	b->encoding = xstrdup("UTF-8");
	if (check_fast(b, raw, n, &multi) == 0) {
		b->binary = buffer_is_binary(b->data, b->len);
		return 0;	/* valid, large, and now indexed */
	}
	multi = 0;
	v = utf8_valid_prefix(u, n, &multi);
	if (v == n)
		goto done;	/* valid as it is: the common case */
	{
		size_t bad = 0;

		/*
		 * Text in a legacy encoding read as UTF-8 is invalid at nearly
		 * every character, while damaged UTF-8 (a file cut in the
		 * middle of a character, a stray Latin-1 byte) is valid almost
		 * everywhere.  Only the first kind is worth detecting, which
		 * on a large UTF-8 text would cost a pass for nothing; and a
		 * megabyte after the first invalid byte tells them apart.
		 */
		utf8_count(u + v, n - v < DETECT_SPAN ? n - v : DETECT_SPAN,
		    &multi, &bad);
		if (bad * 4 >= multi && buffer_detect_legacy(raw, n,
		    bad >= 8 * multi, &e)) {
			free(b->encoding);
			b->encoding = xstrdup(e.name);
			goto convert;
		}
	}
	goto utf8;
convert:
	out = decode_as(b, raw, n, &e, &outlen);
	if (out == NULL) {
		*err = xasprintf("unknown encoding '%s'", b->encoding);
		free(raw);
		return -1;
	}
	free(raw);
	/* Anything iconv let through is re-checked below. */
	raw = out;
	n = outlen;
	out = NULL;
utf8:
	v = utf8_valid_prefix((const unsigned char *)raw, n, &multi);
	if (v < n) {
		out = utf8_repair(raw, n, &outlen, &b->invalid);
		free(raw);
		raw = out;
		n = outlen;
	}
done:
	raw[n] = '\0';
	b->len = fix_line_ends(raw, n);
	b->data = raw;
	b->binary = buffer_is_binary(b->data, b->len);
	index_lines(b);
	return 0;
}

int
buffer_utf8_valid(const char *s, size_t n)
{
	size_t multi = 0, nl = 0;
	int cr, r;

	if ((r = buffer_scan(s, n, &nl, &cr)) >= 0)
		return r;
	return utf8_valid_prefix((const unsigned char *)s, n, &multi) == n;
}

int
buffer_is_binary(const char *s, size_t n)
{
	size_t i = 0, head = n < BUFFER_BINARY_HEAD ? n : BUFFER_BINARY_HEAD;
	size_t chars = 0, nul = 0, bad = 0;
	uint32_t c;

	while (i < head) {
		/* Decoded with all of n, so no character is cut at head. */
		i += (size_t)util_u8_next(s + i, n - i, &c);
		chars++;
		if (c == 0)
			nul++;
		else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' &&
		    c != '\b' && c != 0x1b) || (c >= 0x7f && c < 0xa0) ||
		    c == 0xfffd)
			bad++;
	}
	return nul >= 4 || (nul + bad >= 8 && (nul + bad) * 5 >= chars);
}

struct buffer *
buffer_from_mem(const char *bytes, size_t n, const char *encoding, char **err)
{
	struct buffer *b = xcalloc(1, sizeof *b);
	char *raw = xmalloc(n + 1);

	memcpy(raw, bytes, n);
	b->name = xstrdup("-");
	if (decode(b, raw, n, encoding, err) < 0) {
		buffer_free(b);
		return NULL;
	}
	return b;
}

/*
 * Allocates n bytes for the text.  A large block is asked to be backed by
 * huge pages where the system offers them, which makes the first touch of
 * a few hundred megabytes several times cheaper.  Returns NULL when memory
 * runs out, so that a huge file gets a message rather than an abort.
 */
static char *
alloc_text(size_t n)
{
	char *p = malloc(n);

	util_advise_huge(p, n);
	return p;
}

/* Tells whether the encoding asked for, NULL to detect, allows a map. */
static int
map_encoding(const char *encoding)
{
	return encoding == NULL || strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0;
}

/*
 * Maps the regular file fd of size bytes into b when it is UTF-8, valid
 * and without carriage returns (a byte-order mark is skipped in place):
 * then its bytes are the text as they are, with the zero after them that
 * the mapping gives.  Returns 0, or -1 (b untouched but for nothing) when
 * the file is to be read and decoded instead.
 */
static int
load_mapped(struct buffer *b, int fd, size_t size, const char *encoding)
{
	struct buffer_map *m;
	struct buffer_enc e;
	const char *enc;
	char *raw;
	size_t n = size, bom = 0, multi = 0, h;

	if (!map_encoding(encoding) || (m = buffer_map_fd(fd, size)) == NULL)
		return -1;
	raw = (char *)buffer_map_data(m);
	enc = bom_encoding((const unsigned char *)raw, n, &bom);
	if ((enc != NULL && strcmp(enc, "UTF-8") != 0) || (encoding == NULL &&
	    enc == NULL && memchr(raw, '\0', 4096) != NULL &&
	    buffer_detect_unicode(raw, n, &e)))
		goto read;
	raw += bom;
	n -= bom;
	h = n >= PAR_MIN ? split_point(raw, n) : 0;
	if (n == 0 || check_index(b, raw, n, h, &multi) < 0)
		goto read;
	b->len = n;
	b->had_bom = bom > 0;
	b->mapped = 1;
	b->priv = m;
	b->encoding = encoding != NULL ? safe_name(encoding) :
	    xstrdup("UTF-8");
	b->head_len = size < BUFFER_HEAD ? size : BUFFER_HEAD;
	b->head = xmalloc(b->head_len + 1);
	memcpy(b->head, raw - bom, b->head_len);
	b->head[b->head_len] = '\0';
	b->binary = buffer_is_binary(b->data, b->len);
	return 0;
read:
	buffer_map_free(m);
	return -1;
}

struct buffer *
buffer_load_fd(int fd, const char *name, const char *encoding, size_t limit,
    char **err)
{
	struct buffer *b;
	struct stat st;
	struct pollfd pfd;
	char *raw, *p;
	size_t n = 0;		/* bytes read so far */
	size_t cap;		/* bytes allocated at raw, less the NUL */
	size_t bound;		/* most bytes accepted */
	ssize_t r;

	if (fstat(fd, &st) < 0) {
		*err = xstrdup(strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xstrdup(strerror(EISDIR));
		return NULL;
	}
	if (limit == 0 || limit > BUFFER_STREAM_MAX)
		limit = limit == 0 ? BUFFER_STREAM_LIMIT : BUFFER_STREAM_MAX;
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		/*
		 * A regular file is read whole, in one allocation of its
		 * size and a byte to see the end.  One that shrinks while it
		 * is read gives what was there; one that grows may grow by
		 * the limit before it is refused, so a log written without
		 * end cannot eat all memory either.
		 */
		if ((uintmax_t)st.st_size > BUFFER_STREAM_MAX) {
			*err = xasprintf("input too large (%jd bytes)",
			    (intmax_t)st.st_size);
			return NULL;
		}
		b = xcalloc(1, sizeof *b);
		if ((size_t)st.st_size >= BUFFER_MAP_MIN &&
		    load_mapped(b, fd, (size_t)st.st_size, encoding) == 0) {
			b->name = xstrdup(name);
			return b;
		}
		free(b);
		cap = (size_t)st.st_size + 1;
		bound = (size_t)st.st_size + limit;
	} else {
		cap = 65536;
		bound = limit;
	}
	if ((raw = alloc_text(cap + 1)) == NULL) {
		*err = xasprintf("input too large for memory (%zu bytes)",
		    cap - 1);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && cap - 1 >= PAR_MIN && util_threads() > 1) {
		r = read_fast(fd, raw, cap - 1);
		if (r < 0) {
			*err = xstrdup(strerror(errno));
			free(raw);
			return NULL;
		}
		/* 0: it shrank or cannot seek, and is read as any file is. */
		n = (size_t)r;
	}
	for (;;) {
		if (n > bound) {
			free(raw);
			*err = xasprintf("input too large (over %zu bytes)",
			    bound);
			return NULL;
		}
		if (n == cap) {
			cap = cap > bound / 2 ? bound + 1 : cap * 2;
			if ((p = realloc(raw, cap + 1)) == NULL) {
				free(raw);
				*err = xasprintf("input too large for memory "
				    "(over %zu bytes)", n);
				return NULL;
			}
			raw = p;
			util_advise_huge(raw, cap + 1);
		}
		/* Linux reads at most about 2 GiB at a time anyway. */
		r = read(fd, raw + n, cap - n < READ_MAX ? cap - n : READ_MAX);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK) {
				/* A non-blocking descriptor: wait for it. */
				pfd.fd = fd;
				pfd.events = POLLIN;
				(void)poll(&pfd, 1, -1);
				continue;
			}
			*err = xstrdup(strerror(errno));
			free(raw);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	/* A pipe's doubling may have left much unused room: give it back. */
	if (cap - n > n / 4 && (p = realloc(raw, n + 1)) != NULL)
		raw = p;
	b = xcalloc(1, sizeof *b);
	b->name = xstrdup(name);
	if (decode(b, raw, n, encoding, err) < 0) {
		buffer_free(b);
		return NULL;
	}
	return b;
}

struct buffer *
buffer_load(const char *path, const char *encoding, size_t limit, char **err)
{
	struct buffer *b;
	int fd;

	if (strcmp(path, "-") == 0)
		return buffer_load_fd(0, "-", encoding, limit, err);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*err = xstrdup(strerror(errno));
		return NULL;
	}
	b = buffer_load_fd(fd, path, encoding, limit, err);
	close(fd);
	return b;
}

void
buffer_free(struct buffer *b)
{
	if (b == NULL)
		return;
	if (b->priv != NULL)
		buffer_map_free(b->priv);
	else
		free(b->data);
	free(b->line_off);
	free(b->line_off32);
	free(b->encoding);
	free(b->head);
	free(b->name);
	free(b);
}

/*
 * The 1-based line holding off, knowing that line lo (0-based) starts at
 * or before off and line hi starts after it (or hi is nlines).
 */
static size_t
bisect(const struct buffer *b, size_t off, size_t lo, size_t hi)
{
	size_t mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (buffer_line_start(b, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

size_t
buffer_line_of(const struct buffer *b, size_t off)
{
	if (b->nlines == 0)
		return 1;
	return bisect(b, off, 0, b->nlines);
}

size_t
buffer_line_end(const struct buffer *b, size_t line)
{
	const char *q;
	size_t start;

	if (line == 0 || line > b->nlines)
		return b->len;
	start = buffer_line_start(b, line - 1);
	if (line < b->nlines)
		return buffer_line_start(b, line) - 1;
	q = memchr(b->data + start, '\n', b->len - start);
	return q != NULL ? (size_t)(q - b->data) : b->len;
}

/*
 * Entries, headings and matches come in document order, so the search
 * gallops forward from the previous one's line instead of bisecting the
 * whole index each time.
 */
size_t
buffer_line_from(const struct buffer *b, size_t off, size_t from)
{
	size_t lo = from - 1, step = 1, hi;

	if (b->nlines == 0 || from == 0 || lo >= b->nlines ||
	    buffer_line_start(b, lo) > off)
		return buffer_line_of(b, off);
	while (lo + step < b->nlines &&
	    buffer_line_start(b, lo + step) <= off) {
		lo += step;
		step *= 2;
	}
	hi = lo + step < b->nlines ? lo + step : b->nlines;
	return bisect(b, off, lo, hi);
}
