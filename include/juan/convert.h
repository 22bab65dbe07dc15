/* convert.h - HTML pages and EPUB books turned into text and hints. */
#ifndef JUAN_CONVERT_H
#define JUAN_CONVERT_H

#include <stddef.h>

#include "juan/hints.h"

/*
 * The converters of the format stage.  Each reads the bytes of one input
 * and gives a new UTF-8 text (valid, NUL-terminated, '\n' line ends, no
 * control character but '\n') with its structure hints (see hints.h):
 * blocks separated by blank lines, <br> ending a line inside a paragraph.
 * On success they return 0 and set *text, *len and *hints, which the
 * caller frees (free, hints_free).  On failure they return -1 and set
 * *err to an allocated message without the file name ("encrypted book
 * (DRM): ...", "not a zip archive", "archive too large when unpacked"),
 * safe to print.
 *
 * Limits: input of at most CONVERT_MAX_INPUT bytes; an EPUB unpacks to at
 * most CONVERT_EPUB_MAX_TOTAL bytes in all, CONVERT_EPUB_MAX_ENTRY per
 * member, and a member that inflates more than CONVERT_EPUB_MAX_RATIO
 * times its compressed size (past 1 MiB) is refused as a zip bomb.
 */
#define CONVERT_MAX_INPUT ((size_t)1 << 30)		/* 1 GiB */
#define CONVERT_EPUB_MAX_TOTAL ((size_t)512 << 20)	/* 512 MiB */
#define CONVERT_EPUB_MAX_ENTRY ((size_t)128 << 20)	/* 128 MiB */
#define CONVERT_EPUB_MAX_RATIO 200

/*
 * A saved web page.  charset_hint, when not NULL, is the encoding to read
 * the bytes in (from the user or an HTTP header); otherwise the page's
 * <meta> charset is honoured, except that bytes which are valid UTF-8
 * are read as UTF-8 whatever the page declares.  base_name (may be NULL)
 * is the file name, the title of last resort.
 *
 * The article (the element whose text is densest) is the text; the
 * headline is a HINT_TITLE block; everything else of the <body>
 * (navigation, sidebars, related lists, comments, footers) is kept as
 * HINT_BOILERPLATE blocks, and scripts, styles, forms' controls, hidden
 * elements and comments are dropped.  hints->title, ->site, ->language
 * and the date are filled when the page tells them.
 */
int convert_html(const char *bytes, size_t n, const char *charset_hint,
    const char *base_name, char **text, size_t *len, struct hints **hints,
    char **err);

/*
 * An EPUB 2 or 3 book: the spine's documents in reading order, their
 * <body> only; the table of contents (nav document, else toc.ncx) as
 * hints->toc at the offsets where the entries' targets start; dc:title,
 * dc:creator and dc:language (the first of each) as hints->title,
 * ->creator and ->language.
 */
int convert_epub(const char *bytes, size_t n, const char *base_name,
    char **text, size_t *len, struct hints **hints, char **err);

#endif
