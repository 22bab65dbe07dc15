/* test-buffer.c - unit tests of the text buffer: encodings and line ends. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "tap.h"

static struct buffer *
mem(const char *s, size_t n, const char *enc)
{
	char *err = NULL;
	struct buffer *b = buffer_from_mem(s, n, enc, &err);

	free(err);
	return b;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	s = malloc((size_t)len + 1);
	*n = fread(s, 1, (size_t)len, fp);
	fclose(fp);
	return s;
}

static void
test_utf8(void)
{
	struct buffer *b;

	b = mem("abc\n汉字\n", 11, NULL);
	is_str(b->encoding, "UTF-8", "plain UTF-8 is detected");
	is_int(b->nlines, 2, "two lines");
	is_int(b->len, 11, "no bytes lost");
	is_int(b->had_bom, 0, "no BOM");
	buffer_free(b);

	b = mem("\xef\xbb\xbf汉字", 9, NULL);
	is_str(b->data, "汉字", "a UTF-8 BOM is dropped");
	is_int(b->had_bom, 1, "the BOM is recorded");
	buffer_free(b);

	b = mem("", 0, NULL);
	is_int(b->len, 0, "an empty input is an empty buffer");
	is_int(b->nlines, 0, "with no lines");
	buffer_free(b);

	b = mem("a\0b\x01\x1b[31m\n", 9, NULL);
	is_int(b->len, 9, "NUL and control bytes are kept");
	ok(memcmp(b->data, "a\0b\x01\x1b[31m\n", 9) == 0, "as they are");
	buffer_free(b);
}

static void
test_invalid(void)
{
	struct buffer *b;

	/* Lone continuation byte, truncated sequence, overlong form: this
	 * is not GB18030 either (0x80 alone is invalid there). */
	b = mem("ok\x80x\xe6\xb1y\xc0\xaf", 10, NULL);
	is_str(b->data, "ok\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbdy"
	    "\xef\xbf\xbd\xef\xbf\xbd", "invalid sequences become U+FFFD");
	ok(b->invalid > 0, "and are counted");
	is_str(b->encoding, "UTF-8", "still read as UTF-8");
	buffer_free(b);
}

static void
test_line_ends(void)
{
	struct buffer *b;

	b = mem("a\r\nb\rc\n\r\nd", 10, NULL);
	is_str(b->data, "a\nb\nc\n\nd", "CRLF and CR become LF");
	is_int(b->nlines, 5, "five lines");
	is_int(b->line_off[4], 7, "line index after conversion");
	is_int(buffer_line_of(b, 0), 1, "line of offset 0");
	is_int(buffer_line_of(b, 2), 2, "line of offset 2");
	is_int(buffer_line_of(b, 7), 5, "line of the last byte");
	is_int(buffer_line_end(b, 1), 1, "end of line 1");
	is_int(buffer_line_end(b, 4), 6, "end of the empty line 4");
	is_int(buffer_line_end(b, 5), 8, "end of the last line");
	buffer_free(b);

	b = mem("x\n", 2, NULL);
	is_int(b->nlines, 1, "a final newline ends the last line");
	buffer_free(b);
}

static void
test_utf16(void)
{
	static const char le[] = "\xff\xfe" "a\0\x49\x6c\n\0";
	static const char be[] = "\xfe\xff" "\0a\x6c\x49\0\n";
	struct buffer *b;

	b = mem(le, 8, NULL);
	is_str(b->encoding, "UTF-16LE", "UTF-16LE with BOM is detected");
	is_str(b->data, "a汉\n", "and decoded");
	buffer_free(b);
	b = mem(be, 8, NULL);
	is_str(b->encoding, "UTF-16BE", "UTF-16BE with BOM is detected");
	is_str(b->data, "a汉\n", "and decoded");
	buffer_free(b);
	/* An unpaired surrogate in UTF-16 becomes U+FFFD, the rest stays. */
	b = mem("\xff\xfe" "a\0\x00\xd8" "b\0", 8, NULL);
	ok(strstr(b->data, "\xef\xbf\xbd") != NULL && b->data[0] == 'a' &&
	    b->data[b->len - 1] == 'b', "a bad UTF-16 unit becomes U+FFFD");
	buffer_free(b);
}

static void
test_gb18030(void)
{
	char path[4096], *gb, *u8;
	size_t ngb, nu8;
	struct buffer *a, *b;
	const char *top = getenv("top_srcdir");

	snprintf(path, sizeof path,
	    "%s/tests/samples/encoding-chronicle.gb18030.txt", top ? top : ".");
	gb = slurp(path, &ngb);
	snprintf(path, sizeof path, "%s/tests/samples/encoding-chronicle.txt",
	    top ? top : ".");
	u8 = slurp(path, &nu8);
	ok(gb != NULL && u8 != NULL, "samples found");
	if (gb == NULL || u8 == NULL)
		return;
	a = mem(gb, ngb, NULL);
	b = mem(u8, nu8, NULL);
	is_str(a->encoding, "GB18030", "GB18030 is detected");
	ok(a->len == b->len && memcmp(a->data, b->data, a->len) == 0,
	    "and decodes to the same text as the UTF-8 copy");
	is_int(a->invalid, 0, "without replacement");
	buffer_free(a);
	a = mem(gb, ngb, "GBK");
	ok(a->len == b->len && memcmp(a->data, b->data, a->len) == 0,
	    "--encoding=GBK decodes it too");
	is_str(a->encoding, "GBK", "and names it");
	buffer_free(a);
	buffer_free(b);
	free(gb);
	free(u8);
}

static void
test_forced(void)
{
	char *err = NULL;
	struct buffer *b;

	b = buffer_from_mem("caf\xe9", 4, "ISO-8859-1", &err);
	is_str(b ? b->data : NULL, "café", "a forced Latin-1 decodes");
	buffer_free(b);
	b = buffer_from_mem("x", 1, "NO-SUCH-ENCODING", &err);
	ok(b == NULL, "an unknown encoding fails");
	is_str(err, "unknown encoding 'NO-SUCH-ENCODING'", "with a message");
	free(err);
	err = NULL;
	b = buffer_from_mem("\xe6\xb1\x89\xff", 4, "UTF-8", &err);
	is_str(b ? b->data : NULL, "汉\xef\xbf\xbd",
	    "forced UTF-8 still replaces invalid bytes");
	buffer_free(b);
}

static void
test_files(void)
{
	char *err = NULL;
	struct buffer *b;
	char dir[] = "/tmp/juan-test-XXXXXX", path[256];
	FILE *fp;

	b = buffer_load("/nonexistent/juan/file", NULL, 0, &err);
	ok(b == NULL, "a missing file fails");
	is_str(err, strerror(ENOENT), "with ENOENT's message");
	free(err);
	err = NULL;
	b = buffer_load("/", NULL, 0, &err);
	ok(b == NULL, "a directory fails");
	is_str(err, strerror(EISDIR), "with EISDIR's message");
	free(err);
	err = NULL;
	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/f", dir);
	fp = fopen(path, "w");
	fputs("line\r\n", fp);
	fclose(fp);
	b = buffer_load(path, NULL, 0, &err);
	is_str(b ? b->data : NULL, "line\n", "a file is read");
	is_str(b ? b->name : NULL, path, "and named");
	buffer_free(b);
	if (geteuid() != 0) {
		chmod(path, 0);
		b = buffer_load(path, NULL, 0, &err);
		ok(b == NULL && err != NULL, "an unreadable file fails");
		free(err);
		err = NULL;
	}
	b = buffer_load(path, NULL, 3, &err);
	ok(b == NULL && err != NULL, "a file over the limit is refused");
	free(err);
	unlink(path);
	rmdir(dir);
}

static void
test_long_line(void)
{
	size_t n = 50u << 20, i;
	char *s = malloc(n);
	struct buffer *b;

	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, "汉", 3);
	for (; i < n; i++)
		s[i] = 'x';
	b = mem(s, n, NULL);
	is_int(b->nlines, 1, "a 50 MB line is one line");
	is_int(b->len, n, "all of it");
	buffer_free(b);
	free(s);
}

int
main(void)
{
	test_utf8();
	test_invalid();
	test_line_ends();
	test_utf16();
	test_gb18030();
	test_forced();
	test_files();
	test_long_line();
	return done_testing();
}
