/* test-doc-hints.c - unit tests of the document model built from hints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/hints.h"
#include "juan/util.h"
#include "doc-check.h"
#include "tap.h"

static struct buffer *
mem(const char *s)
{
	char *err = NULL;
	struct buffer *b = buffer_from_mem(s, strlen(s), "UTF-8", &err);

	free(err);
	return b;
}

/* The offset of the first occurrence of lit in the buffer's text. */
static size_t
at(const struct buffer *b, const char *lit)
{
	const char *p = strstr(b->data, lit);

	return p != NULL ? (size_t)(p - b->data) : b->len;
}

/* Adds a hint block over the first occurrence of lit. */
static void
hint(struct hints *h, const struct buffer *b, const char *lit, int kind,
    int level)
{
	size_t off = at(b, lit);

	hints_add_block(h, off, off + strlen(lit), kind, level);
}

static void
test_kinds(void)
{
	struct buffer *b = mem("晚风里的小城\n\n首页 > 新闻\n\n第一段正文。\n\n"
	    "街巷\n\n第二段正文。\n\n一条\n\n甲|乙\n\n***\n\n引文\n\n"
	    "代码\n\n图\n\n图说\n");
	struct hints *h = hints_new("html");
	struct doc *d;

	hint(h, b, "晚风里的小城", HINT_TITLE, 0);
	hint(h, b, "首页 > 新闻", HINT_BOILERPLATE, 0);
	hint(h, b, "第一段正文。", HINT_PARAGRAPH, 0);
	hint(h, b, "街巷", HINT_HEADING, 2);
	hint(h, b, "第二段正文。", HINT_PARAGRAPH, 0);
	hint(h, b, "一条", HINT_LIST_ITEM, 2);
	hint(h, b, "甲|乙", HINT_TABLE_ROW, 0);
	hint(h, b, "***", HINT_RULE, 0);
	hint(h, b, "引文", HINT_QUOTE, 1);
	hint(h, b, "代码", HINT_CODE, 0);
	hint(h, b, "图\n", HINT_FIGURE, 0);
	hint(h, b, "图说", HINT_CAPTION, 0);
	hints_sort(h);
	d = doc_new_hints(b, h);
	is_str(doc_check_kinds(d),
	    "title boilerplate paragraph heading paragraph "
	    "list-item table-row rule quote code figure caption",
	    "each hint block is a block of its kind");
	ok(d->hints == h, "the doc keeps the hints");
	is_str(d->title, "晚风里的小城", "the title block is the title");
	is_int(d->title_block, 0, "and its block");
	is_int(d->nsections, 1, "one heading, one section");
	is_int(d->sections[0].level, 1, "levels are numbered from 1");
	is_str(d->sections[0].title, "街巷", "the section is the heading");
	is_int(d->blocks[5].level, 2, "a list item keeps its depth");
	is_int(d->blocks[10].end - d->blocks[10].off, 3,
	    "a block ends before its newline");
	doc_free(d);
	hints_free(h);
	buffer_free(b);
}

static void
test_plain_between(void)
{
	struct buffer *b = mem("开头一段。\n\n第一章 山路\n\n这一段没有提示，"
	    "按纯文本\n读，第二行接着写。\n\n小节\n\n提示的正文。\n");
	struct hints *h = hints_new("markdown");
	struct doc *d;

	hint(h, b, "开头一段。", HINT_PARAGRAPH, 0);
	hint(h, b, "小节", HINT_HEADING, 2);
	hint(h, b, "提示的正文。", HINT_PARAGRAPH, 0);
	hints_sort(h);
	d = doc_new_hints(b, h);
	is_str(doc_check_kinds(d),
	    "paragraph heading paragraph heading paragraph",
	    "lines no hint covers are gathered by the plain-text rules");
	is_str(doc_check_text(d, 1),
	    "第一章 山路", "a chapter line between hints");
	is_int(d->blocks[2].end, at(b, "第二行接着写。") +
	    strlen("第二行接着写。"), "wrapped lines join as in plain text");
	is_int(d->nsections, 2, "both headings are sections");
	is_int(d->sections[0].level, 1, "the family first seen is higher");
	is_int(d->sections[1].level, 2, "the hinted one below it");
	ok(d->title == NULL, "no title in text or hints: none");
	doc_free(d);
	hints_free(h);
	buffer_free(b);
}

static void
test_conceal(void)
{
	struct buffer *b = mem("## 安装 ##\n\n正文。\n");
	struct hints *h = hints_new("markdown");
	struct doc *d;

	hints_add_block(h, 0, strlen("## 安装 ##\n"), HINT_HEADING, 2);
	hints_add_span(h, 0, 3, SPAN_CONCEAL, 0);
	hints_add_span(h, strlen("## 安装"), strlen("## 安装 ##"),
	    SPAN_CONCEAL, 0);
	hints_add_block(h, at(b, "正文"), b->len, HINT_PARAGRAPH, 0);
	hints_sort(h);
	d = doc_new_hints(b, h);
	is_str(doc_check_text(d, 0),
	    "安装", "concealed markup is not heading text");
	is_str(d->title, "安装",
	    "nor title (the Markdown rule: a lone heading is the title)");
	is_int(d->nblocks, 2, "two blocks");
	doc_free(d);
	hints_free(h);
	buffer_free(b);
}

static void
test_toc_meta(void)
{
	struct buffer *b = mem("第一部\n\n甲文。\n\n一节\n\n乙文。\n\n"
	    "第二部\n\n丙文。\n");
	struct hints *h = hints_new("epub");
	struct doc *d;

	hint(h, b, "第一部", HINT_HEADING, 1);
	hint(h, b, "甲文。", HINT_PARAGRAPH, 0);
	hint(h, b, "一节", HINT_HEADING, 2);
	hint(h, b, "乙文。", HINT_PARAGRAPH, 0);
	hint(h, b, "第二部", HINT_HEADING, 1);
	hint(h, b, "丙文。", HINT_PARAGRAPH, 0);
	hints_sort(h);
	/* Out of order, and one level skipped. */
	hints_add_toc(h, at(b, "第二部"), 1, "卷二");
	hints_add_toc(h, 0, 1, "卷一");
	hints_add_toc(h, at(b, "一节"), 3, "一节");
	h->title = xstrdup("书名");
	h->site = xstrdup("书局");
	h->year = 2024;
	h->month = 5;
	d = doc_new_hints(b, h);
	is_int(d->nsections, 3, "the toc entries are the sections");
	is_str(d->sections[0].title, "卷一", "by target, with its label");
	is_str(d->sections[2].title, "卷二", "the last by target last");
	is_int(d->sections[1].level, 2, "a skipped level is brought up");
	is_int(d->sections[1].parent, 0, "and its parent is the part");
	is_int(d->sections[0].end, at(b, "第二部"), "a part ends at the next");
	is_int(d->sections[1].line, 5, "an entry's line is its target's");
	is_int(d->sections[1].block, 2, "and its block");
	is_int(doc_section_at(d, at(b, "乙文")), 1, "section_at finds it");
	is_str(d->title, "书名", "the title is the hints'");
	ok(d->title_block < 0, "not a block: no heading says it");
	is_str(d->site, "书局", "the site is the hints'");
	ok(d->date.year == 2024 && d->date.month == 5 && d->date.day == 0,
	    "the date is the hints'");
	doc_free(d);
	hints_free(h);
	buffer_free(b);
}

static void
test_title_heading(void)
{
	struct buffer *b = mem("晨报\n\n正文一段。\n\n## 下文\n\n又一段。\n");
	struct hints *h = hints_new("html");
	struct doc *d;

	hint(h, b, "晨报", HINT_HEADING, 1);
	hint(h, b, "正文一段。", HINT_PARAGRAPH, 0);
	hint(h, b, "又一段。", HINT_PARAGRAPH, 0);
	h->title = xstrdup("晨报");
	hints_sort(h);
	d = doc_new_hints(b, h);
	is_int(d->title_block, 0, "the first heading saying the title is it");
	is_str(doc_check_kinds(d), "title paragraph heading paragraph",
	    "and a '## ' line no hint covers is read as Markdown");
	is_int(d->nsections, 1, "one section");
	doc_free(d);
	hints_free(h);
	buffer_free(b);
}

static void
test_malformed(void)
{
	struct buffer *b = mem("一段。\n\n二段。\n");
	struct hints *h = hints_new("html");
	struct doc *d;

	hints_add_block(h, 0, 100, HINT_PARAGRAPH, 0);
	hints_add_block(h, 2, 5, HINT_HEADING, 9);
	hints_add_block(h, 500, 600, HINT_HEADING, 1);
	hints_add_block(h, 3, 3, 77, 0);
	hints_sort(h);
	d = doc_new_hints(b, h);
	ok(d->nblocks >= 1 && d->blocks[0].end <= b->len,
	    "blocks past the text are cut to it");
	ok(d->nblocks == 1, "overlapping and empty blocks are dropped");
	doc_free(d);
	hints_free(h);

	d = doc_new_hints(b, NULL);
	ok(d->hints == NULL && d->nblocks == 2, "no hints: plain text");
	doc_free(d);
	d = doc_new(b);
	ok(d->hints == NULL, "doc_new keeps no hints");
	doc_free(d);
	buffer_free(b);
}

int
main(void)
{
	test_kinds();
	test_plain_between();
	test_conceal();
	test_toc_meta();
	test_title_heading();
	test_malformed();
	return done_testing();
}
