/* convert-md.h - Markdown read by md4c into structure hints. */
#ifndef JUAN_CONVERT_MD_H
#define JUAN_CONVERT_MD_H

#include <stddef.h>

#include "juan/hints.h"

/*
 * Parses the Markdown text[0..len) (UTF-8, as the buffer holds it) with
 * md4c, CommonMark with GitHub's tables, strikethrough and permissive
 * autolinks, and returns hints whose offsets are offsets into text: the
 * text stays the source, and the markup a reader does not see is
 * SPAN_CONCEAL.  What is concealed and what is kept:
 *
 * - concealed: heading markers ("## ", a closing "##", a setext
 *   underline), emphasis and code delimiters, a link's "[" and
 *   "](url \"title\")", an image's "![" and "](src)" (but the file name of
 *   an image without alt text), an autolink's "<" ">" and its scheme and
 *   "www." (and a long one's path: autolinks are shown shortened), the
 *   ">" of block quotes and the indentation of container lines, table
 *   pipes and the delimiter row, code fences, backslash escapes, reference
 *   definitions, HTML tags and comments (a <br> is also a SPAN_BREAK);
 * - kept: every text run md4c reports, entities as typed ("&amp;"), and a
 *   list item's marker with one space after it ("-", "3."), at which its
 *   HINT_LIST_ITEM block starts: the layout draws a bullet for "-", "*"
 *   and "+" and indents the item's lines under its text.
 *
 * Blocks: HINT_HEADING (level 1-6, the whole heading text), HINT_CODE (the
 * code lines, fences excluded), HINT_QUOTE (level = depth), HINT_LIST_ITEM
 * (level = depth of the list), HINT_TABLE_ROW with one SPAN_CELL per cell,
 * HINT_RULE (the thematic break's line), HINT_FIGURE (a paragraph that is
 * only an image: its alt text, or its file name), HINT_PARAGRAPH.  Spans:
 * SPAN_EMPH, SPAN_STRONG, SPAN_CODE, SPAN_STRIKE, SPAN_LINK (link = index
 * of the URL in links[]).  Everything is sorted (hints_sort).
 *
 * Never fails on any input; returns NULL only when len is too large for
 * md4c (4 GiB or more), and the text is then shown as plain text.  The
 * caller frees the result with hints_free().
 */
struct hints *convert_md(const char *text, size_t len);

#endif
