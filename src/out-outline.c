/*
 * out-outline.c - --outline: the title and the section tree.
 *
 * The text format is the title on the first line (no line when the
 * document has none), then one line per section in document order:
 *
 *	LINE TITLE
 *
 * LINE is the heading's 1-based source line, right-aligned to the widest
 * line number printed, followed by one space and two more spaces for each
 * level below 1.  TITLE is the heading text without its markers ("#",
 * a leading "——"); numbering such as 一、 stays.  Text is taken from the
 * buffer by the blocks' byte ranges and goes through util_safe_add() in
 * single-line mode, so a heading holding NUL bytes or escapes prints
 * visibly and on one line.
 *
 * --json prints one JSON document and a newline, sections one a line:
 * {"title": str|null, "site": str|null, "encoding": str, "date": str|null,
 * "sections": [{"level", "title", "line", "end_line", "parent"}],
 * "injected": [{"line", "column", "text"}]} where parent is the index of
 * the enclosing section in the array, or null, and a run-in heading (the
 * first sentence of its paragraph) has "run_in": true besides.  The
 * injected ranges are the site's name inside body text (doc-inject.c),
 * column being the display column of their first byte, from 1.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "juan/hints.h"
#include "juan/layout.h"
#include "juan/util.h"
#include "out.h"

/*
 * The heading text of section i: the bytes of its block's text, NULs and
 * all; a section of a book's table of contents (hints with a toc) has
 * its own label instead.  When the model keeps its titles in one
 * allocation (d->strings) and not from a toc, each title is the copy of
 * those bytes that doc_heading_sections() made, in document order: the
 * copy is read, as the buffer's bytes lie all over a large text, a miss
 * each.
 */
static void
section_text(const struct doc *d, size_t i, const char **s, size_t *n)
{
	size_t off, end;

	if (d->hints != NULL && d->hints->ntoc > 0 &&
	    d->sections[i].title != NULL) {
		*s = d->sections[i].title;
		*n = strlen(*s);
		return;
	}
	block_text(&d->blocks[d->sections[i].block], &off, &end);
	*s = d->strings != NULL && d->sections[i].title != NULL ?
	    d->sections[i].title : d->buf->data + off;
	*n = end - off;
}

/*
 * The title as a byte range of the buffer (site suffix removed), or the
 * title string when no block holds it all (the format's metadata or the
 * file name says it, or it is set in two lines).
 */
static int
title_text(const struct doc *d, const char **s, size_t *n)
{
	size_t off, end;

	if (d->title == NULL)
		return 0;
	*s = d->title;
	*n = strlen(d->title);
	if (d->title_block < 0)
		return 1;
	/*
	 * The title string is the block's text, unless it is longer (a
	 * title set in two lines): then it is printed.  The block's bytes
	 * are printed otherwise, as they may hold a NUL the string lost.
	 */
	block_text(&d->blocks[d->title_block], &off, &end);
	if (*n > end - off || memcmp(*s, d->buf->data + off, *n) != 0)
		return 1;
	*s = d->buf->data + off;
	*n = end - off;
	return 1;
}

/*
 * Adds v right-aligned in width columns, and a space, as "%*zu " does:
 * a heading's line number, which printf's reading of the format made
 * the costliest part of the outline's lines.
 */
static void
add_line_no(struct sbuf *b, size_t v, size_t width)
{
	char tmp[48];
	size_t i = sizeof tmp;

	tmp[--i] = ' ';
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	while (sizeof tmp - 1 - i < width && i > 0)
		tmp[--i] = ' ';
	sbuf_add(b, tmp + i, sizeof tmp - i);
}

static void
outline_text(const struct doc *d, struct sbuf *b, FILE *fp)
{
	const char *s;
	size_t i, n, width = 1, w, max = 0, rel = 0;
	int k;

	if (title_text(d, &s, &n)) {
		util_safe_add(b, s, n, 1);
		sbuf_addc(b, '\n');
	}
	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].line > max)
			max = d->sections[i].line;
	for (w = max; w >= 10; w /= 10)
		width++;
	for (i = 0; i < d->nsections; i++) {
		add_line_no(b, d->sections[i].line, width);
		for (k = 1; k < d->sections[i].level; k++)
			sbuf_adds(b, "  ");
		section_text(d, i, &s, &n);
		util_safe_add(b, s, n, 1);
		sbuf_addc(b, '\n');
		out_flush(b, fp, 0);
		buffer_release_behind(d->buf, &rel, d->sections[i].off);
	}
}

/*
 * The injected site names, one a line: where each starts (1-based line,
 * and display column as --search gives it) and its text.
 */
static void
injected_json(const struct doc *d, struct sbuf *b, FILE *fp)
{
	const struct buffer *buf = d->buf;
	size_t i, line, ls;

	for (i = 0; i < d->ninjected; i++) {
		line = buffer_line_of(buf, d->injected[i].off);
		ls = buffer_line_start(buf, line - 1);
		sbuf_adds(b, i == 0 ? "\n  " : ",\n  ");
		sbuf_printf(b, "{\"line\": %zu, \"column\": %d, \"text\": ",
		    line, layout_str_width(buf->data + ls,
		    d->injected[i].off - ls, 1) + 1);
		util_json_add(b, buf->data + d->injected[i].off,
		    d->injected[i].end - d->injected[i].off);
		sbuf_addc(b, '}');
		out_flush(b, fp, 0);
	}
}

/* The JSON of each enum doc_title_source. */
static const char *const title_sources[] = { "null", "\"text\"",
	"\"file\"", "\"format\"" };

static void
outline_json(const struct doc *d, struct sbuf *b, FILE *fp)
{
	const struct section *sec;
	const char *s;
	size_t i, n;

	sbuf_adds(b, "{\"title\": ");
	if (title_text(d, &s, &n))
		util_json_add(b, s, n);
	else
		sbuf_adds(b, "null");
	sbuf_adds(b, ", \"title_source\": ");
	sbuf_adds(b, d->title == NULL ? "null" :
	    title_sources[d->title_source < 4 ? d->title_source : 0]);
	sbuf_adds(b, ", \"site\": ");
	if (d->site != NULL)
		util_json_add(b, d->site, strlen(d->site));
	else
		sbuf_adds(b, "null");
	sbuf_adds(b, ", \"encoding\": ");
	s = d->buf->encoding != NULL ? d->buf->encoding : "UTF-8";
	util_json_add(b, s, strlen(s));
	sbuf_adds(b, ", \"date\": ");
	if (d->date.year == 0)
		sbuf_adds(b, "null");
	else if (d->date.month == 0)
		sbuf_printf(b, "\"%04d\"", d->date.year);
	else if (d->date.day == 0)
		sbuf_printf(b, "\"%04d-%02d\"", d->date.year, d->date.month);
	else
		sbuf_printf(b, "\"%04d-%02d-%02d\"", d->date.year,
		    d->date.month, d->date.day);
	sbuf_adds(b, ", \"sections\": [");
	for (i = 0; i < d->nsections; i++) {
		sec = &d->sections[i];
		sbuf_adds(b, i == 0 ? "\n  " : ",\n  ");
		sbuf_printf(b, "{\"level\": %d, \"title\": ", sec->level);
		section_text(d, i, &s, &n);
		util_json_add(b, s, n);
		sbuf_printf(b, ", \"line\": %zu, \"end_line\": %zu, "
		    "\"parent\": ", sec->line, sec->end_line);
		if (sec->parent >= 0)
			sbuf_printf(b, "%ld", (long)sec->parent);
		else
			sbuf_adds(b, "null");
		if (d->blocks[sec->block].flags & BLOCK_RUN_IN)
			sbuf_adds(b, ", \"run_in\": true");
		sbuf_addc(b, '}');
		out_flush(b, fp, 0);
	}
	sbuf_adds(b, d->nsections > 0 ? "\n], \"injected\": [" :
	    "], \"injected\": [");
	injected_json(d, b, fp);
	sbuf_adds(b, d->ninjected > 0 ? "\n]}\n" : "]}\n");
}

int
out_outline(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct sbuf b = SBUF_INIT;

	if (o->json)
		outline_json(d, &b, fp);
	else
		outline_text(d, &b, fp);
	out_flush(&b, fp, 1);
	sbuf_free(&b);
	return 0;
}
