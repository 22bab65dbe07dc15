/*
 * buffer.c - reading a document into one UTF-8 buffer.
 *
 * The input is read whole into memory (a regular file in one read of its
 * size, a pipe in growing chunks up to a limit).  Then it is decoded:
 *
 *   1. a byte-order mark decides UTF-8, UTF-16LE or UTF-16BE;
 *   2. otherwise valid UTF-8 is taken as it is, without a copy;
 *   3. otherwise, if the bytes decode as GB18030 without a single error,
 *      they are GB18030 (which covers GBK and GB 2312);
 *   4. otherwise they are UTF-8 with each invalid sequence replaced.
 *
 * A forced encoding skips detection and goes through iconv, each
 * undecodable input byte becoming U+FFFD.  Finally line ends are made
 * '\n' in place and the line index is built.  Invariant after loading:
 * data[0..len) is valid UTF-8 without '\r', data[len] == '\0', and
 * line_off[i] is the offset just after the i-th '\n' (line_off[0] == 0).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "juan/util.h"

static const char REPLACEMENT[] = "\xef\xbf\xbd";	/* U+FFFD */

/* Returns the length of the valid UTF-8 prefix of s[0..n). */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint32_t c;
	int k;

	while (i < n) {
		/* Skip ASCII eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = util_u8_next((const char *)s + i, n - i, &c);
		if (c == 0xfffd && k == 1)
			return i;
		i += (size_t)k;
	}
	return n;
}

/* Copies s[0..n) into a new string, replacing invalid UTF-8. */
static char *
utf8_repair(const char *s, size_t n, size_t *outlen, size_t *invalid)
{
	struct sbuf b = SBUF_INIT;
	size_t i = 0, v;
	uint32_t c;
	int k;

	while (i < n) {
		v = utf8_valid_prefix((const unsigned char *)s + i, n - i);
		sbuf_add(&b, s + i, v);
		i += v;
		if (i >= n)
			break;
		k = util_u8_next(s + i, n - i, &c);
		(void)k;
		sbuf_add(&b, REPLACEMENT, 3);
		(*invalid)++;
		i++;
	}
	*outlen = b.len;
	return sbuf_take(&b);
}

/*
 * Converts in[0..n) from encoding `from` to UTF-8 through iconv.  unit is
 * the number of bytes to skip on an invalid sequence (2 for UTF-16, else 1).
 * With strict set, the first error fails the conversion (returns NULL with
 * errno EILSEQ).  Returns NULL with errno EINVAL for an unknown encoding.
 */
static char *
convert(const char *in, size_t n, const char *from, size_t unit, int strict,
    size_t *outlen, size_t *invalid)
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

static void
index_lines(struct buffer *b)
{
	size_t cap = 1024, n = 0;
	const char *p = b->data, *end = b->data + b->len, *q;

	b->line_off = xreallocarray(NULL, cap, sizeof *b->line_off);
	if (b->len == 0) {
		b->nlines = 0;
		return;
	}
	b->line_off[n++] = 0;
	while ((q = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		p = q + 1;
		if (p == end)
			break;
		if (n == cap) {
			cap *= 2;
			b->line_off = xreallocarray(b->line_off, cap,
			    sizeof *b->line_off);
		}
		b->line_off[n++] = (size_t)(p - b->data);
	}
	b->nlines = n;
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
	char *out = NULL;
	size_t outlen = 0, v;

	if (encoding != NULL) {
		const char *from = encoding;
		size_t unit = 1, skip = 0;

		/* A BOM of the forced encoding is still not text. */
		if (strncasecmp(encoding, "UTF-16", 6) == 0 ||
		    strncasecmp(encoding, "UCS-2", 5) == 0)
			unit = 2;
		else if (strncasecmp(encoding, "UTF-32", 6) == 0)
			unit = 4;
		if (strcasecmp(encoding, "UTF-8") == 0 && n >= 3 &&
		    memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
			skip = 3;
			b->had_bom = 1;
		}
		out = convert(raw + skip, n - skip, from, unit, 0, &outlen,
		    &b->invalid);
		if (out == NULL) {
			*err = xasprintf("unknown encoding '%s'", encoding);
			free(raw);
			return -1;
		}
		free(raw);
		b->encoding = xstrdup(encoding);
		/* Anything iconv let through is re-checked below. */
		raw = out;
		n = outlen;
		out = NULL;
		goto utf8;
	}
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) {
		const char *enc = u[0] == 0xff ? "UTF-16LE" : "UTF-16BE";

		b->had_bom = 1;
		out = convert(raw + 2, n - 2, enc, 2, 0, &outlen, &b->invalid);
		free(raw);
		if (out == NULL) {
			*err = xasprintf("cannot decode %s", enc);
			return -1;
		}
		b->encoding = xstrdup(enc);
		raw = out;
		n = outlen;
		goto utf8;
	}
	if (n >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0) {
		b->had_bom = 1;
		memmove(raw, raw + 3, n - 3);
		n -= 3;
	}
	b->encoding = xstrdup("UTF-8");
	v = utf8_valid_prefix(u, n);
	if (v < n && !b->had_bom) {
		size_t bad = 0;

		out = convert(raw, n, "GB18030", 1, 1, &outlen, &bad);
		if (out != NULL) {
			free(raw);
			free(b->encoding);
			b->encoding = xstrdup("GB18030");
			raw = out;
			n = outlen;
		}
	}
utf8:
	v = utf8_valid_prefix((const unsigned char *)raw, n);
	if (v < n) {
		out = utf8_repair(raw, n, &outlen, &b->invalid);
		free(raw);
		raw = out;
		n = outlen;
	}
	raw[n] = '\0';
	b->len = fix_line_ends(raw, n);
	b->data = raw;
	index_lines(b);
	return 0;
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

struct buffer *
buffer_load_fd(int fd, const char *name, const char *encoding, size_t limit,
    char **err)
{
	struct buffer *b;
	struct stat st;
	char *raw;
	size_t n = 0, cap;
	ssize_t r;

	if (fstat(fd, &st) < 0) {
		*err = xstrdup(strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xstrdup(strerror(EISDIR));
		return NULL;
	}
	cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 :
	    65536;
	if (limit != 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > limit) {
		*err = xasprintf("file too large (over %zu bytes)", limit);
		return NULL;
	}
	raw = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (limit != 0 && n >= limit) {
				free(raw);
				*err = xasprintf("input too large (over %zu "
				    "bytes)", limit);
				return NULL;
			}
			cap = cap * 2;
			raw = xrealloc(raw, cap + 1);
		}
		r = read(fd, raw + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err = xstrdup(strerror(errno));
			free(raw);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
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
	free(b->data);
	free(b->line_off);
	free(b->encoding);
	free(b->name);
	free(b);
}

size_t
buffer_line_of(const struct buffer *b, size_t off)
{
	size_t lo = 0, hi = b->nlines, mid;

	if (b->nlines == 0)
		return 1;
	/* The last line_off[i] <= off. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (b->line_off[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

size_t
buffer_line_end(const struct buffer *b, size_t line)
{
	const char *q;
	size_t start;

	if (line == 0 || line > b->nlines)
		return b->len;
	start = b->line_off[line - 1];
	if (line < b->nlines)
		return b->line_off[line] - 1;
	q = memchr(b->data + start, '\n', b->len - start);
	return q != NULL ? (size_t)(q - b->data) : b->len;
}
