/*
 * test-layout-md.c - the layout with Markdown hints: exact cases, then the
 * properties on the fixtures of tests/fixtures/markdown at every width
 * from 1 to 130 and both ambiguous widths.
 *
 * The properties: no line wider than the width, the cells' columns add up
 * to it, every line is reached forward, backward and by its offset, no
 * Markdown markup is shown outside code, every shown byte of the source
 * is shown (none when a code line is cut: then what is shown is in order),
 * and at a width that holds them each code line is shown byte for byte.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/convert-md.h"
#include "juan/doc.h"
#include "juan/layout.h"
#include "juan/util.h"
#include "tap.h"

struct mdoc {
	struct buffer *buf;
	struct doc *doc;
	struct hints *h;
	struct layout *l;
};

static struct mdoc *
mdoc_new(const char *text, size_t n, int width, int ambi)
{
	struct mdoc *m = xcalloc(1, sizeof *m);
	struct layout_opts o = { width, ambi, 0, NULL };
	char *err = NULL;

	m->buf = buffer_from_mem(text, n, "UTF-8", &err);
	m->doc = doc_new(m->buf);
	m->h = convert_md(m->buf->data, m->buf->len);
	o.hints = m->h;
	m->l = layout_new(m->doc, &o);
	return m;
}

static void
mdoc_free(struct mdoc *m)
{
	layout_free(m->l);
	hints_free(m->h);
	doc_free(m->doc);
	buffer_free(m->buf);
	free(m);
}

/* The cells of a line as text (replacements, else the bytes). */
static void
line_text(struct mdoc *m, const struct dline *dl, struct sbuf *b)
{
	const struct lcell *c;
	size_t i, n = layout_cells(m->l, dl, &c);

	for (i = 0; i < n; i++) {
		if (c[i].repl[0] != '\0')
			sbuf_adds(b, c[i].repl);
		else
			sbuf_add(b, m->buf->data + c[i].off, c[i].len);
	}
}

/* The whole text as --dump prints it. */
static char *
render(const char *md, int width)
{
	struct mdoc *m = mdoc_new(md, strlen(md), width, 1);
	struct sbuf b = SBUF_INIT;
	struct dline dl, nx;
	int more = layout_first(m->l, &dl) == 0;

	while (more) {
		line_text(m, &dl, &b);
		sbuf_addc(&b, '\n');
		more = layout_next(m->l, &dl, &nx) == 0;
		dl = nx;
	}
	mdoc_free(m);
	return sbuf_take(&b);
}

struct rcase {
	const char *md;
	int width;
	const char *want;
};

static const struct rcase rcases[] = {
	{ "## 2019年12月12日 会议\n", 40, "2019年12月12日 会议\n" },
	{ "**粗** *斜* `码` [链](http://x) ~~删~~\n", 40, "粗 斜 码 链 删\n" },
	{ "```\ncode  x\n```\n", 40, "code  x\n" },
	{ "> 甲\n> > 乙\n", 40, "│ 甲\n│ │ 乙\n" },
	{ "- 甲\n  - 乙\n1. 丙\n", 40, "• 甲\n  • 乙\n1. 丙\n" },
	{ "- 甲乙丙丁戊己\n", 8, "• 甲乙丙\n  丁戊己\n" },
	{ "12. 甲乙丙丁戊己\n", 10, "12. 甲乙丙\n    丁戊己\n" },
	{ "一<br>二<br><br>三<br>\n", 40, "一\n二\n\n三\n" },
	{ "前\n\n<!-- 注 -->\n\n后\n", 40, "前\n\n后\n" },
	{ "前\n\n[r]: http://x\n\n后\n", 40, "前\n\n后\n" },
	{ "```\n0123456789abc\n```\n", 10, "012345678\xe2\x86\x92\n" },
	{ "    甲乙丙丁戊己\n", 9, "甲乙丙丁\xe2\x86\x92\n" },
	{ "| 甲 | b |\n|---|---|\n| ccc | 乙乙 |\n", 40,
	    "甲  \xe2\x94\x82\xc2\xa0" "b\nccc \xe2\x94\x82\xc2\xa0乙乙\n" },
	{ "| 甲甲甲 | 乙乙乙 |\n|---|---|\n", 10,
	    "甲甲甲\n\xe2\x94\x82\xc2\xa0乙乙乙\n" },
	{ "甲\n\n---\n\n乙\n", 5,
	    "甲\n\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\n\n乙\n" },
	{ "![图注](img/a.png)\n", 40, "[图] 图注\n" },
	{ "![](img/a.png)\n", 40, "[图] a.png\n" },
	{ "标题\n===\n\n正文\n", 40, "标题\n\n正文\n" },
	{ "见 <https://www.example.org/p>。\n", 40, "见 example.org/p。\n" },
	/* A paragraph's source lines are joined: a soft line break is a
	 * space, or nothing between two wide characters. */
	{ "前\n\n甲乙\n丙丁\n", 40, "前\n\n甲乙丙丁\n" },
	{ "前\n\nab cd\nef\n", 40, "前\n\nab cd ef\n" },
	{ "前\n\n甲乙\nab\n", 40, "前\n\n甲乙 ab\n" },
	{ "前\n\n함수\n정의\n", 40, "前\n\n함수 정의\n" },
	/* Hard line breaks and a <br> at a line's end still break. */
	{ "前\n\n甲乙  \n丙丁\\\n戊己\n", 40, "前\n\n甲乙\n丙丁\n戊己\n" },
	{ "前\n\nab<br>\ncd\n", 40, "前\n\nab\ncd\n" },
	{ "前\n\nかな\n漢字\n", 40, "前\n\nかな漢字\n" },
	{ "前\n\n甲乙丙\n丁戊己\n", 8, "前\n\n甲乙丙丁\n戊己\n" },
	{ "前\n\n> 甲乙\n> 丙丁\n", 40, "前\n\n│ 甲乙丙丁\n" },
	/* A list in a quote; a code block in a list item, under its text. */
	{ "前\n\n> - 甲\n> - 乙\n", 40, "前\n\n│ • 甲\n│ • 乙\n" },
	{ "前\n\n- 甲\n\n  ```\n  x = 1\n  ```\n", 40,
	    "前\n\n• 甲\n\n  x = 1\n" },
};

static void
test_render(void)
{
	size_t i;
	char *got;

	for (i = 0; i < sizeof rcases / sizeof rcases[0]; i++) {
		got = render(rcases[i].md, rcases[i].width);
		is_str(got, rcases[i].want, "render case %zu at %d", i,
		    rcases[i].width);
		free(got);
	}
}

/* Styles and kinds of the cells, and hidden lines. */
static void
test_styles(void)
{
	static const char md[] = "```\nx\n```\n\n## 日期 2020年1月1日\n\n"
	    "**粗**[链](http://x)`码`\n";
	struct mdoc *m = mdoc_new(md, sizeof md - 1, 40, 1);
	const struct lcell *c;
	struct dline dl;
	size_t n, i;
	int all;

	ok(layout_line_at(m->l, 0, &dl) == 0 && dl.off == 4,
	    "a code fence is not shown: its offset gives the code line");
	n = layout_cells(m->l, &dl, &c);
	ok(n == 1 && (c[0].style & LSTYLE_CODE), "a code line is code");
	ok(layout_line_at(m->l, 12, &dl) == 0 && dl.kind == DLINE_HEADING &&
	    dl.level == 2, "a heading with a date is a heading, level 2");
	n = layout_cells(m->l, &dl, &c);
	for (i = 0, all = n > 0; i < n; i++)
		all &= (c[i].style & LSTYLE_HEADING) != 0 && c[i].len > 0;
	ok(all && n == 12, "all of it in the heading's style (%zu cells)", n);
	ok(layout_line_at(m->l, sizeof md - 3, &dl) == 0,
	    "the styled line");
	n = layout_cells(m->l, &dl, &c);
	ok(n == 3 && (c[0].style & LSTYLE_STRONG) &&
	    (c[1].style & LSTYLE_LINK) && (c[2].style & LSTYLE_CODE) &&
	    !(c[2].style & LSTYLE_LINK), "strong, link and code cells");
	ok(n == 3 && c[0].off == 40 && c[1].off == 46 && c[2].off == 61,
	    "cells keep their source offsets");
	ok(layout_col_of(m->l, &dl, 46) == 2 &&
	    layout_off_at(m->l, &dl, 2) == 46, "columns and offsets agree");
	mdoc_free(m);
}

static int failures;

static int
fail(const char *name, int width, const char *what, size_t off)
{
	if (failures++ < 20)
		printf("# %s at width %d: %s (offset %zu)\n", name, width,
		    what, off);
	return 1;
}

static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* The shown bytes of the source (not concealed), without white space. */
static char *
shown_source(const struct mdoc *m)
{
	const struct hints *h = m->h;
	char *out = xmalloc(m->buf->len + 1), *cov = xcalloc(1,
	    m->buf->len + 1);
	size_t i, k, n = 0;

	for (k = 0; k < h->nspans; k++)
		if (h->spans[k].kind == SPAN_CONCEAL)
			memset(cov + h->spans[k].off, 1, h->spans[k].end -
			    h->spans[k].off);
	for (i = 0; i < m->buf->len; i++)
		if (!cov[i] && !is_ws(m->buf->data[i]))
			out[n++] = m->buf->data[i];
	out[n] = '\0';
	free(cov);
	return out;
}

static const char *const markup[] = { "**", "](", "<br", "<!--", "```",
	"~~", "|", "](" };

/* Walks the fixture at one width and checks every property. */
static int
check_md(const char *name, const char *text, size_t len, int width,
    int ambi)
{
	struct mdoc *m = mdoc_new(text, len, width, ambi);
	struct sbuf shown = SBUF_INIT, line = SBUF_INIT, plain = SBUF_INIT;
	const struct lcell *c;
	struct dline dl, nx, at;
	size_t i, n, fwd = 0, back = 0, last = 0, k;
	char *want;
	int bad = 0, sum, cut = 0, more;

	more = layout_first(m->l, &dl) == 0;
	while (more) {
		if (fwd > 0 && dl.off <= last)
			bad |= fail(name, width, "lines go back", dl.off);
		last = dl.off;
		fwd++;
		n = layout_cells(m->l, &dl, &c);
		sbuf_reset(&plain);
		for (i = 0, sum = 0; i < n; i++) {
			sum += c[i].width;
			if (c[i].len > 0 && c[i].off < dl.off)
				bad |= fail(name, width, "cell before line",
				    c[i].off);
			if (c[i].len > 0)
				for (k = 0; k < c[i].len; k++)
					if (!is_ws(text[c[i].off + k]))
						sbuf_addc(&shown,
						    text[c[i].off + k]);
			if (!strcmp(c[i].repl, "\xe2\x86\x92") ||
			    !strcmp(c[i].repl, ">"))
				cut = 1;
			if (!(c[i].style & LSTYLE_CODE)) {
				if (c[i].repl[0] != '\0')
					sbuf_adds(&plain, c[i].repl);
				else
					sbuf_add(&plain, text + c[i].off,
					    c[i].len);
			}
		}
		if (sum != dl.width || dl.width > width)
			bad |= fail(name, width, "line too wide", dl.off);
		for (i = 0; i < sizeof markup / sizeof markup[0]; i++)
			if (plain.len > 0 && strstr(plain.s, markup[i]))
				bad |= fail(name, width, markup[i], dl.off);
		if (n > 0 && c[0].repl[0] == '\0' && c[0].len > 0 &&
		    (text[c[0].off] == '#' || text[c[0].off] == '>'))
			bad |= fail(name, width, "a marker starts a line",
			    dl.off);
		if (layout_line_at(m->l, dl.off, &at) != 0 || at.off != dl.off)
			bad |= fail(name, width, "line not found by offset",
			    dl.off);
		more = layout_next(m->l, &dl, &nx) == 0;
		if (more)
			dl = nx;
	}
	while (layout_prev(m->l, &dl, &nx) == 0) {
		back++;
		dl = nx;
	}
	if (back + 1 != fwd)
		bad |= fail(name, width, "back and forward differ", back);
	want = shown_source(m);
	sbuf_addc(&shown, '\0');
	/*
	 * Below 10 columns a list item's marker may give way to the text
	 * (a prefix takes at most half the width): then too what is shown
	 * must be in order.
	 */
	if (width < 10)
		cut = 1;
	if (!cut && strcmp(shown.s, want) != 0)
		bad |= fail(name, width, "shown bytes differ", 0);
	if (cut) {
		/* What is shown is the shown source, in order, less cuts. */
		for (i = k = 0; shown.s[i] != '\0' && want[k] != '\0'; k++)
			if (shown.s[i] == want[k])
				i++;
		if (shown.s[i] != '\0')
			bad |= fail(name, width, "shown bytes out of order", i);
	}
	free(want);
	sbuf_free(&shown);
	sbuf_free(&line);
	sbuf_free(&plain);
	mdoc_free(m);
	return bad;
}

static int
concealed_at(const struct hints *h, size_t x)
{
	size_t k;

	for (k = 0; k < h->nspans; k++)
		if (h->spans[k].kind == SPAN_CONCEAL && h->spans[k].off <= x &&
		    x < h->spans[k].end)
			return 1;
	return 0;
}

/*
 * At width 130 every code line of the fixture is one display line whose
 * cells are its bytes, byte for byte.
 */
static int
check_code(const char *name, const char *text, size_t len)
{
	struct mdoc *m = mdoc_new(text, len, 130, 1);
	struct sbuf got = SBUF_INIT;
	const struct hint_block *b;
	const struct lcell *c;
	struct dline dl;
	size_t i, k, n, x, e, nlines = 0;
	int bad = 0;

	for (i = 0; i < m->h->nblocks; i++) {
		b = &m->h->blocks[i];
		if (b->kind != HINT_CODE)
			continue;
		for (x = b->off; x < b->end; x = e + 1) {
			for (e = x; e < b->end && text[e] != '\n'; e++)
				;
			/* Less the indentation of an indented block. */
			while (x < e && concealed_at(m->h, x))
				x++;
			sbuf_reset(&got);
			if (layout_line_at(m->l, x, &dl) == 0) {
				n = layout_cells(m->l, &dl, &c);
				for (k = 0; k < n; k++)
					sbuf_add(&got, text + c[k].off,
					    c[k].len);
			}
			nlines++;
			if (got.len != e - x || memcmp(got.s, text + x,
			    e - x) != 0 || (dl.off != x && dl.off != x -
			    (x - b->off < 4 ? x - b->off : 4) && x > b->off))
				bad |= fail(name, 130, "code line changed", x);
		}
	}
	ok(!bad && nlines > 4, "%s: %zu code lines byte for byte", name,
	    nlines);
	sbuf_free(&got);
	mdoc_free(m);
	return bad;
}

static void
test_fixtures(const char *dir)
{
	static const char *const names[] = { "chronicle.md", "law.md",
		"tech.md" };
	char path[4096], *err = NULL;
	struct buffer *b;
	size_t i;
	int w, bad, a;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		b = buffer_load(path, NULL, 0, &err);
		if (!ok(b != NULL, "%s loads", names[i])) {
			free(err);
			err = NULL;
			continue;
		}
		for (a = 1; a <= 2; a++) {
			bad = 0;
			for (w = 1; w <= 130 && !bad; w++)
				bad = check_md(names[i], b->data, b->len, w, a);
			ok(!bad, "%s: every property at widths 1-130, "
			    "ambiwidth %d", names[i], a);
		}
		if (strcmp(names[i], "tech.md") == 0)
			check_code(names[i], b->data, b->len);
		buffer_free(b);
	}
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char dir[2048];

	test_render();
	test_styles();
	snprintf(dir, sizeof dir, "%s/tests/fixtures/markdown", top ? top :
	    ".");
	test_fixtures(dir);
	return done_testing();
}
