/* format.h - which kind of document an input is, before it is converted. */
#ifndef JUAN_FORMAT_H
#define JUAN_FORMAT_H

#include <stddef.h>

/*
 * The input formats.  Plain text and Markdown go into the text buffer as
 * they are (Markdown with its hints, see hints.h); HTML and EPUB are
 * converted into text first.
 */
enum format_kind {
	FORMAT_TEXT,
	FORMAT_MARKDOWN,
	FORMAT_HTML,
	FORMAT_EPUB
};

/* The bytes at the start of a file that recognition and charset look at. */
#define FORMAT_HEAD 4096

/* The name of a kind, as --input-format spells it: "text", "markdown",
 * "html", "epub". */
const char *format_name(enum format_kind kind);

/*
 * Parses an --input-format argument ("text", "markdown" or "md", "html",
 * "epub", in any case).  Returns 0 and sets *kind, or -1 for anything
 * else.
 */
int format_parse(const char *name, enum format_kind *kind);

/*
 * Recognises an input by its content and its path (NULL or "-" for
 * standard input, which is recognised by content alone), given its first
 * n bytes at head (FORMAT_HEAD bytes are enough; fewer when the input is
 * shorter).  In order:
 *
 * - EPUB: a zip whose first entry is "mimetype" holding
 *   "application/epub+zip" (format_is_epub), or the extension ".epub";
 * - HTML: the extension ".html", ".htm" or ".xhtml", or content that
 *   starts as HTML (format_is_html);
 * - Markdown: the extension ".md", ".markdown" or ".mkd", and nothing
 *   else: plain text is never taken for Markdown by its content;
 * - otherwise plain text.
 *
 * Extensions are compared without regard to case.
 */
enum format_kind format_detect(const char *path, const char *head,
    size_t n);

/*
 * As format_detect, reading the first FORMAT_HEAD bytes of the file at
 * path itself; a path that cannot be read, or is not a regular file (a
 * FIFO's bytes could not be read again), is recognised by its name alone.
 */
enum format_kind format_detect_path(const char *path);

/*
 * Tells whether head[0..n) is the start of an EPUB container, as the EPUB
 * OCF specification lays it out: a zip local file header ("PK\3\4") whose
 * file name (at offset 30) is "mimetype" and whose stored content, after
 * the name and the extra field, starts with "application/epub+zip".
 */
int format_is_epub(const char *head, size_t n);

/*
 * Tells whether head[0..n) starts as an HTML document: after a byte-order
 * mark, white space, comments and an XML declaration, "<!DOCTYPE html"
 * or "<html" (in any case) followed by white space, '>' or "/>".
 * UTF-16 with a byte-order mark is looked at too.
 */
int format_is_html(const char *head, size_t n);

/*
 * The charset that an HTML page declares in its first FORMAT_CHARSET_SPAN
 * bytes: a <meta charset=...> or <meta http-equiv="Content-Type"
 * content="...; charset=..."> element, or the encoding of an XML
 * declaration.  Returns an allocated copy in upper case (only letters,
 * digits and "-_.:" are kept, so it is safe to print), or NULL when the
 * page declares none.
 */
#define FORMAT_CHARSET_SPAN 2048
char *format_html_charset(const char *head, size_t n);

/*
 * The encoding to decode an HTML page bytes[0..n) with, for buffer_load's
 * encoding argument.  Pages often lie about their charset (a GB2312
 * declaration on UTF-8 bytes), so the bytes come first: a byte-order mark,
 * or bytes that are valid UTF-8, give NULL (let the buffer detect them,
 * which it does exactly).  Otherwise the declared charset is used, as
 * browsers read it (GB2312 and GBK as GB18030, Big5 as Big5-HKSCS,
 * Shift_JIS as CP932, EUC-KR as CP949, ISO-8859-1 and US-ASCII as
 * WINDOWS-1252), when iconv knows it; else NULL (detection).  Returns an
 * allocated string or NULL.
 */
char *format_html_encoding(const char *bytes, size_t n);

#endif
