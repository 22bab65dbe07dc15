/*
 * fuzz-load.c - the loader: encoding detection and conversion.
 *
 * The first input byte chooses the encoding (detection or one forced
 * through iconv, as --encoding does); the rest is the file.  Whatever the
 * bytes, the buffer must hold valid UTF-8 without '\r', end with a NUL, and
 * have a line index that agrees with its newlines.  The same bytes go
 * through the format stage's sniffing (format.h): recognition, the HTML
 * charset (printable when found) and the choice of an HTML encoding.  The
 * UTF-8 check alone agrees with libunistring's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "juan/buffer.h"
#include "juan/format.h"

static const char *const encodings[] = {
	NULL, NULL, NULL, NULL,		/* detection, most often */
	"UTF-8", "GB18030", "GBK", "UTF-16LE", "UTF-16BE", "UTF-16",
	"UTF-32", "BIG5", "SHIFT_JIS", "EUC-JP", "ISO-8859-1", "ISO-2022-JP"
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *enc;
	struct buffer *b;
	char *err = NULL;
	size_t i, line, nl = 0;

	if (size == 0)
		return 0;
	/* The check alone (buffer-scan.c's vector pass where it runs). */
	FUZZ_CHECK(buffer_utf8_valid((const char *)data, size) ==
	    fuzz_utf8_ok((const char *)data, size));
	enc = encodings[data[0] % (sizeof encodings / sizeof encodings[0])];
	b = buffer_from_mem((const char *)data + 1, size - 1, enc, &err);
	FUZZ_CHECK(b != NULL);
	FUZZ_CHECK(err == NULL);
	FUZZ_CHECK(b->data[b->len] == '\0');
	FUZZ_CHECK(fuzz_utf8_ok(b->data, b->len));
	FUZZ_CHECK(memchr(b->data, '\r', b->len) == NULL);
	FUZZ_CHECK(b->encoding != NULL);
	/* The line index: one line per '\n', and a last one without. */
	for (i = 0; i < b->len; i++)
		if (b->data[i] == '\n')
			nl++;
	if (b->len == 0)
		FUZZ_CHECK(b->nlines == 0);
	else
		FUZZ_CHECK(b->nlines == nl +
		    (b->data[b->len - 1] != '\n'));
	for (line = 1; line <= b->nlines; line++) {
		size_t off = buffer_line_start(b, line - 1);
		size_t end = buffer_line_end(b, line);

		FUZZ_CHECK(off <= b->len);
		FUZZ_CHECK(line == 1 ? off == 0 : b->data[off - 1] == '\n');
		FUZZ_CHECK(end >= off && end <= b->len);
		FUZZ_CHECK(end == b->len || b->data[end] == '\n');
		FUZZ_CHECK(memchr(b->data + off, '\n', end - off) == NULL);
		FUZZ_CHECK(buffer_line_of(b, off) == line);
		FUZZ_CHECK(buffer_line_of(b, end) == line ||
		    (end == b->len && line == b->nlines));
	}
	FUZZ_CHECK(b->binary == buffer_is_binary(b->data, b->len));
	FUZZ_CHECK(b->head_len <= BUFFER_HEAD && b->head_len <= size - 1);
	buffer_free(b);
	{
		const char *s = (const char *)data + 1;
		char *cs = format_html_charset(s, size - 1), *e;
		size_t k;

		for (k = 0; cs != NULL && cs[k] != '\0'; k++)
			FUZZ_CHECK(cs[k] > 0x20 && cs[k] < 0x7f);
		free(cs);
		e = format_html_encoding(s, size - 1);
		free(e);
		FUZZ_CHECK(format_detect("x.txt", s, size - 1) <= FORMAT_EPUB);
		FUZZ_CHECK(format_detect(NULL, s, size - 1) != FORMAT_MARKDOWN);
	}
	return 0;
}
