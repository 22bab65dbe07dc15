/* test-format.c - unit tests of format recognition and HTML charsets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "juan/format.h"
#include "tap.h"

/* An EPUB's first local file header: "mimetype", stored, then its text. */
static size_t
epub_head(char *out, size_t extra, const char *mime)
{
	size_t n = 0, k = strlen(mime);

	memcpy(out, "PK\3\4", 4);
	memset(out + 4, 0, 26);
	out[26] = 8;			/* file name length */
	out[28] = (char)extra;		/* extra field length */
	memcpy(out + 30, "mimetype", 8);
	n = 38;
	memset(out + n, 'x', extra);
	n += extra;
	memcpy(out + n, mime, k);
	n += k;
	memcpy(out + n, "PK\3\4", 4);	/* the next entry */
	return n + 4;
}

static void
test_detect(void)
{
	static const struct {
		const char *path, *head;
		enum format_kind kind;
	} cases[] = {
		{ "a.txt", "plain text\n", FORMAT_TEXT },
		{ "a.md", "plain text\n", FORMAT_MARKDOWN },
		{ "dir.md/A.MARKDOWN", "x", FORMAT_MARKDOWN },
		{ "a.mkd", "", FORMAT_MARKDOWN },
		{ "dir.md/notes", "# a heading\n\n**bold**", FORMAT_TEXT },
		{ "notes.txt", "# Looks like Markdown\n\n- item\n", FORMAT_TEXT },
		{ "-", "## a heading\n", FORMAT_TEXT },
		{ NULL, "## a heading\n", FORMAT_TEXT },
		{ "a.html", "no tags at all", FORMAT_HTML },
		{ "a.HTM", "", FORMAT_HTML },
		{ "a.xhtml", "<?xml version='1.0'?>", FORMAT_HTML },
		{ "page", "<!DOCTYPE html>\n<html>", FORMAT_HTML },
		{ "page.txt", "\xef\xbb\xbf  <!doctype HTML PUBLIC \"-//W3C\">",
		    FORMAT_HTML },
		{ "-", "<!--saved from x-->\n<!-- two -->\n<HTML lang=zh>",
		    FORMAT_HTML },
		{ "-", "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">",
		    FORMAT_HTML },
		{ "-", "<html>", FORMAT_HTML },
		{ "-", "<htmlx>", FORMAT_TEXT },
		{ "-", "text that mentions <html> later", FORMAT_TEXT },
		{ "-", "<!-- an unclosed comment <html>", FORMAT_TEXT },
		{ "book.epub", "not even a zip", FORMAT_EPUB },
		{ "a.zip", "PK\3\4 some other zip", FORMAT_TEXT },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_str(format_name(format_detect(cases[i].path, cases[i].head,
		    strlen(cases[i].head))), format_name(cases[i].kind),
		    "case %zu: %s is %s", i, cases[i].path ? cases[i].path :
		    "(null)", format_name(cases[i].kind));
}

static void
test_epub(void)
{
	char head[200];
	size_t n;

	n = epub_head(head, 0, "application/epub+zip");
	ok(format_is_epub(head, n), "an OCF mimetype entry is EPUB");
	is_int(format_detect("book.zip", head, n), FORMAT_EPUB,
	    "whatever the file is called");
	is_int(format_detect("page.html", head, n), FORMAT_EPUB,
	    "even .html");
	n = epub_head(head, 9, "application/epub+zip");
	ok(format_is_epub(head, n), "after an extra field too");
	n = epub_head(head, 0, "application/zip");
	ok(!format_is_epub(head, n), "another mimetype is not EPUB");
	n = epub_head(head, 0, "application/epub+zip");
	ok(!format_is_epub(head, 50), "a head cut before the mimetype's end");
	head[26] = 9;
	ok(!format_is_epub(head, n), "a first entry not named mimetype");
	ok(!format_is_epub("PK", 2), "two bytes");
}

static void
test_html_utf16(void)
{
	static const char le[] = "\xff\xfe<\0h\0t\0m\0l\0>\0";
	static const char be[] = "\xfe\xff\0<\0!\0d\0o\0c\0t\0y\0p\0e\0 \0h\0"
	    "t\0m\0l\0>";

	ok(format_is_html(le, sizeof le - 1), "HTML in UTF-16LE");
	ok(format_is_html(be, sizeof be - 1), "HTML in UTF-16BE");
}

static void
test_charset(void)
{
	static const struct {
		const char *head, *charset;
	} cases[] = {
		{ "<html><head><meta charset=\"gbk\">", "GBK" },
		{ "<meta charset=utf-8>", "UTF-8" },
		{ "<META CHARSET='Big5'/>", "BIG5" },
		{ "<meta http-equiv=\"Content-Type\" content=\"text/html; "
		    "charset=GB2312\" />", "GB2312" },
		{ "<meta content=\"text/html;charset = shift_jis\" "
		    "http-equiv=\"content-type\">", "SHIFT_JIS" },
		{ "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><html>",
		    "EUC-JP" },
		{ "<script charset=\"utf-8\" src=\"x.js\"></script>", NULL },
		{ "<meta name=\"viewport\" content=\"width=device-width\">",
		    NULL },
		{ "<metadata charset=gbk>", NULL },
		{ "<meta charset=\"\x1b[31m\">", NULL },
		{ "<meta charset=\"gbk\x1b[31m\">", "GBK" },
		{ "no markup", NULL },
	};
	char *cs, big[FORMAT_CHARSET_SPAN + 64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cs = format_html_charset(cases[i].head, strlen(cases[i].head));
		ok(cases[i].charset == NULL ? cs == NULL :
		    cs != NULL && strcmp(cs, cases[i].charset) == 0,
		    "charset case %zu: %s", i, cs ? cs : "none");
		free(cs);
	}
	memset(big, ' ', sizeof big);
	memcpy(big + FORMAT_CHARSET_SPAN + 10, "<meta charset=gbk>", 18);
	cs = format_html_charset(big, sizeof big);
	ok(cs == NULL, "a declaration past the first %d bytes is not read",
	    FORMAT_CHARSET_SPAN);
	free(cs);
}

/* Which encoding a page is decoded with: valid UTF-8 wins over its
 * declaration, as pages lie. */
static void
test_encoding(void)
{
	static const char lying[] = "<meta charset=GB2312><p>\xe6\xb1\x89"
	    "\xe5\xad\x97</p>";
	static const char gbk[] = "<meta charset=GB2312><p>\xba\xba\xd7\xd6"
	    "</p>";
	static const char sjis[] = "<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa</p>";
	static const char bad_utf8[] = "<meta charset=utf-8><p>\xba\xba</p>";
	static const char unknown[] = "<meta charset=x-no-such><p>\xba</p>";
	char *e;

	e = format_html_encoding(lying, sizeof lying - 1);
	ok(e == NULL, "UTF-8 bytes under a GB2312 declaration are UTF-8");
	free(e);
	e = format_html_encoding(gbk, sizeof gbk - 1);
	is_str(e, "GB18030", "GB2312 bytes are read as GB18030");
	free(e);
	e = format_html_encoding(sjis, sizeof sjis - 1);
	is_str(e, "CP932", "Shift_JIS as CP932, as browsers do");
	free(e);
	e = format_html_encoding(bad_utf8, sizeof bad_utf8 - 1);
	ok(e == NULL, "a UTF-8 declaration on other bytes: detection");
	free(e);
	e = format_html_encoding(unknown, sizeof unknown - 1);
	ok(e == NULL, "a charset iconv does not know: detection");
	free(e);
	e = format_html_encoding("\xff\xfe<\0", 4);
	ok(e == NULL, "a byte-order mark wins");
	free(e);
}

static void
test_names(void)
{
	static const char *const good[] = { "text", "markdown", "md", "HTML",
	    "epub" };
	enum format_kind k = FORMAT_TEXT;
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ok(format_parse(good[i], &k) == 0, "'%s' is a format", good[i]);
	ok(format_parse("md", &k) == 0 && k == FORMAT_MARKDOWN,
	    "md is Markdown");
	ok(format_parse("pdf", &k) < 0, "'pdf' is not");
	ok(format_parse("", &k) < 0, "nor ''");
	is_str(format_name(FORMAT_EPUB), "epub", "names");
}

/* format_detect_path reads the head itself. */
static void
test_path(void)
{
	char path[] = "/tmp/juan-format-XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0) {
		ok(0, "mkstemp");
		return;
	}
	if (write(fd, "\n\n<!DOCTYPE html>\n", 18) != 18)
		ok(0, "write");
	close(fd);
	is_int(format_detect_path(path), FORMAT_HTML,
	    "a file is recognised by its head");
	unlink(path);
	is_int(format_detect_path("/nonexistent/x.md"), FORMAT_MARKDOWN,
	    "a missing file by its name");
	is_int(format_detect_path("-"), FORMAT_TEXT, "standard input: text");
}

int
main(void)
{
	test_detect();
	test_epub();
	test_html_utf16();
	test_charset();
	test_encoding();
	test_names();
	test_path();
	return done_testing();
}
