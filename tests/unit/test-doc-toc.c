/*
 * test-doc-toc.c - unit tests of the document model's page furniture:
 * a table of contents, a sentence across a page break, the clean and the
 * suffixed title, a site name injected into the body, run-in headings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/util.h"
#include "juan/view.h"
#include "doc-check.h"
#include "tap.h"

static void
test_toc(void)
{
	struct doc *d;

	/* A pasted wiki article: numbered entries, headings unnumbered. */
	d = MODEL("虚构人物\n\n虚构人物是一位虚构的学者，生于某地，"
	    "以研究古代文字闻名。\n\n目录\n1 早年生活\n2 学术生涯\n"
	    "2.1 北平时期\n2.2 战后\n3 参考文献\n\n早年生活[编辑]\n\n"
	    "他幼年随父读书，十岁能诗，后来入学堂学习新学。\n\n"
	    "学术生涯[编辑]\n\n他在大学任教多年，著述颇丰，门人众多。\n\n"
	    "北平时期[编辑]\n\n这一时期他专注于金石之学。\n\n战后[编辑]\n\n"
	    "战后他回到故乡，主持地方志的编纂。\n\n参考文献[编辑]\n\n"
	    "某某著，某某出版社。\n");
	is_str(doc_check_kinds(d),
	    "title paragraph toc heading paragraph heading "
	    "paragraph heading paragraph heading paragraph heading paragraph",
	    "the table of contents is one block");
	is_str(doc_check_titles(d), "早年生活|学术生涯|北平时期|战后|参考文献",
	    "its entries are not headings; the headings after it are");
	ok(d->nsections == 5 && d->sections[1].level == 1 &&
	    d->sections[2].level == 2 && d->sections[3].level == 2 &&
	    d->sections[2].parent == 1 && d->sections[4].level == 1,
	    "the headings take the levels of their numbers in the contents");
	doc_free(d);

	/* A report: dot leaders and page numbers, headings numbered. */
	d = MODEL("某市发展规划\n\n目　录\n\n一、总体要求……………………1\n"
	    "（一）指导思想……………………1\n（二）基本原则…………………2\n"
	    "二、重点任务……………………3\n\n一、总体要求\n\n"
	    "（一）指导思想\n\n坚持以人民为中心的发展思想，推动高质量发展。\n\n"
	    "（二）基本原则\n\n坚持统筹兼顾，坚持改革创新，坚持开放合作。\n\n"
	    "二、重点任务\n\n加快建设现代化产业体系，提升城市功能。\n");
	is_int(d->blocks[1].kind, BLOCK_TOC, "a TOC with dot leaders");
	is_str(doc_check_titles(d),
	    "一、总体要求|（一）指导思想|（二）基本原则|"
	    "二、重点任务", "the outline is not doubled");
	doc_free(d);

	/* A novel's contents, the first chapter right after it. */
	d = MODEL("Contents\n\nChapter 1 The River\nChapter 2 The Hill\n\n"
	    "Chapter 1 The River\n\nIt was a long way down to the river, "
	    "and the boy walked it every morning before the sun was up.\n\n"
	    "Chapter 2 The Hill\n\nThe hill stood over the town like an old "
	    "man watching children at play in the square below it.\n");
	is_str(doc_check_kinds(d), "toc heading paragraph heading paragraph",
	    "Contents and its entries are one block");
	is_int(d->nsections, 2, "two chapters, not four");
	doc_free(d);

	/* The trap: a line about a table of contents is no TOC. */
	d = MODEL("开头的一段正文，有标点。\n\n目录中的第一项\n\n"
	    "这是正文，写得足够长，像是一段真正的正文内容。\n");
	ok(strstr(doc_check_kinds(d), "toc") == NULL,
	    "a line starting 目录 is no TOC");
	doc_free(d);
}

static void
test_page_break(void)
{
	struct doc *d;

	d = MODEL("\xe3\x80\x80\xe3\x80\x80开头的一段正文，有标点，写得足够长，"
	    "好让它像正文。\n\n"
	    "\xe3\x80\x80\xe3\x80\x80他推开门，走进了那间许久没有人住过的、"
	    "昏暗的\n\n----- Page 12 -----\n\n屋子，看见桌上放着一封信。\n\n"
	    "\xe3\x80\x80\xe3\x80\x80第二段另起一行，缩进两格，写得长一些，"
	    "好让它像正文。\n");
	is_str(doc_check_kinds(d),
	    "paragraph paragraph boilerplate paragraph paragraph",
	    "the page break is boilerplate");
	ok(d->nblocks == 5 && (d->blocks[3].flags & BLOCK_JOINED),
	    "the half after it joins the paragraph before it");
	ok(d->nblocks == 5 && !(d->blocks[4].flags & BLOCK_JOINED),
	    "an indented paragraph does not");
	doc_free(d);

	/* A page number, and a short line of dialogue before it. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n她低声问道\n\n"
	    "- 7 -\n\n“你明天还来吗？”他没有回答，只是看着窗外的雨。\n");
	is_str(doc_check_kinds(d), "paragraph paragraph boilerplate paragraph",
	    "a page number line is boilerplate");
	is_int(d->nsections, 0, "the short line before it is no heading");
	doc_free(d);

	/* A bare number between the halves of a sentence. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
	    "他停了一下，说\n\n"
	    "12\n\n得很慢，像是怕别人听不清楚，又像是在想着什么别的事情。\n");
	is_str(doc_check_kinds(d), "paragraph paragraph boilerplate paragraph",
	    "a bare page number between halves is boilerplate");
	ok(d->nblocks == 4 && (d->blocks[3].flags & BLOCK_JOINED),
	    "the sentence goes on after it");
	doc_free(d);

	/* A running header repeated on each page. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
	    "这是第一页的正文，写到页末还没有写完，句子就被\n\n"
	    "某某出版社\n\n切断了，在下一页接着写完。然后又写了一句，\n\n"
	    "某某出版社\n\n又被切断，在下一页写完。\n");
	is_str(doc_check_kinds(d), "paragraph paragraph boilerplate paragraph "
	    "boilerplate paragraph", "a running header is boilerplate");
	ok(d->nblocks == 6 && (d->blocks[3].flags & BLOCK_JOINED) &&
	    (d->blocks[5].flags & BLOCK_JOINED), "the halves are joined");
	doc_free(d);

	/*
	 * Short lines one after another, none repeated (a list set as
	 * paragraphs): the middles of neighbouring lines overlap, and no
	 * line is a running header because it was met twice.
	 */
	d = MODEL("L0001\n\nL0002\n\nL0003\n\nL0004\n\nL0005\n\n"
	    "L0006\n\nL0007\n\nL0008\n");
	ok(strstr(doc_check_kinds(d), "boilerplate") == NULL,
	    "short lines that are not repeated are no running header (%s)",
	    doc_check_kinds(d));
	doc_free(d);

	/* Numbers alone with whole sentences around them stay. */
	d = MODEL("第一段写完了。\n\n12\n\n第二段也写完了。\n");
	ok(strstr(doc_check_kinds(d), "boilerplate") == NULL,
	    "a number between whole sentences is no page number");
	doc_free(d);
}

/*
 * Pass 2 notes what these passes ask of each block (binfo.note, .tail);
 * the answers must be the text's, for a line noted as it is and for one
 * that is not (white space at its end, a block of several lines, a code
 * block that keeps growing).
 */
static void
test_notes(void)
{
	struct doc *d;

	/* A first half whose last line ends in spaces, or of two lines. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
	    "他停了一下，说   \n\n12\n\n"
	    "得很慢，像是怕别人听不清楚，又像是在想着什么别的事情。\n");
	ok(d->nblocks == 4 && d->blocks[2].kind == BLOCK_BOILERPLATE &&
	    (d->blocks[3].flags & BLOCK_JOINED),
	    "a first half ending in spaces is joined over a page number");
	doc_free(d);
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
	    "这是第一页的正文，写到页末还没有\n写完，句子就被\n\n- 7 -\n\n"
	    "切断了，在下一页接着写完。\n");
	ok(d->nblocks == 4 && d->blocks[2].kind == BLOCK_BOILERPLATE &&
	    (d->blocks[3].flags & BLOCK_JOINED),
	    "so is a first half of two lines, by its last");
	doc_free(d);
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
	    "这是第一页的正文，写完了。\n还没有写完的一句\n\n- 7 -\n\n"
	    "切断了，在下一页接着写完。\n");
	is_str(doc_check_kinds(d), "paragraph paragraph paragraph "
	    "boilerplate paragraph",
	    "a decorated page number is furniture wherever it stands");
	doc_free(d);
	{
		/* Page numbers of every part page_number() reads. */
		static const char *const forms[] = { "第 7 页", "第7頁",
		    "\xe2\x80\x94 7 \xe2\x80\x94",
		    "\xe2\x80\x93 7 \xe2\x80\x93", "Page 7", "page 7",
		    "p. 7", "7/300", "\xc2\xb7" "7" "\xc2\xb7",
		    "\xef\xbc\x97 / 300", "7\xe3\x80\x80页", NULL };
		const char *const *f;
		char text[256];
		int wrong = 0;

		for (f = forms; *f != NULL; f++) {
			snprintf(text, sizeof text, "开头的一段正文，有标点，"
			    "写得足够长才行。\n\n这是第一页的正文，写到页末"
			    "还没有\n写完，句子就被\n\n%s\n\n切断了，在下一页"
			    "接着写完。\n", *f);
			d = doc_check_model(text, strlen(text));
			if (!(d->nblocks == 4 &&
			    d->blocks[2].kind == BLOCK_BOILERPLATE &&
			    (d->blocks[3].flags & BLOCK_JOINED)))
				wrong++;
			doc_free(d);
		}
		is_int(wrong, 0, "every form of page number is furniture "
		    "between halves");
		d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n"
		    "这是第一页的正文，写到页末还没有\n写完，句子就被\n\n"
		    "第7章\n\n切断了，在下一页接着写完。\n");
		ok(d->blocks[2].kind != BLOCK_BOILERPLATE,
		    "a number with other words is no page number");
		doc_free(d);
	}
	/* The same shapes inside a code block are code. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n```\n- 7 -\n"
	    "目录\n```\n\n正文写完了。\n");
	is_str(doc_check_kinds(d), "paragraph code paragraph",
	    "a page number and a contents line in code stay code");
	doc_free(d);
	/* A contents' name indented with U+3000, and one past 64 bytes. */
	d = MODEL("\xe3\x80\x80\xe3\x80\x80目录\n一、总体要求……1\n"
	    "二、重点任务……3\n\n一、总体要求\n\n坚持以人民为中心。\n\n"
	    "二、重点任务\n\n加快建设现代化产业体系。\n");
	ok(d->nblocks > 0 && d->blocks[0].kind == BLOCK_TOC,
	    "an indented contents' name starts a table");
	doc_free(d);
	d = MODEL("Contents of this long report, which go on for longer than "
	    "a name\nChapter 1 The River\nChapter 2 The Hill\n\n"
	    "Chapter 1 The River\n\nIt was a long way down to the river.\n");
	ok(d->nblocks > 0 && d->blocks[0].kind != BLOCK_TOC,
	    "a line that only starts with Contents names none");
	doc_free(d);
	/* A plain heading's text: as it is, trimmed, without emphasis. */
	d = MODEL("开头的一段正文，有标点，写得足够长才行。\n\n小标题\n\n"
	    "正文写得很长，写得足够长才行，有标点，也有别的。\n\n"
	    "另一个标题   \n\n正文写得很长，写得足够长才行，有标点。\n\n"
	    "**加粗的标题**\n\n正文写得很长，写得足够长才行，有标点。\n");
	is_str(doc_check_titles(d), "小标题|另一个标题|加粗的标题",
	    "plain headings, with spaces after and in bold");
	doc_free(d);
}

static void
test_titles(void)
{
	struct doc *d;

	d = MODEL("古籍修复的新技术 - 某某新闻网\n\n首页 > 科技\n\n"
	    "古籍修复的新技术\n\n2023年10月12日\n\n"
	    "这是一段正文，讲述古籍修复的新技术如何被应用。\n");
	is_str(d->title, "古籍修复的新技术", "the title is the clean line");
	is_str(d->site, "某某新闻网", "the suffix is the site");
	is_int(d->title_block, 2, "the clean line is the title block");
	is_int(d->blocks[0].kind, BLOCK_BOILERPLATE,
	    "the suffixed line is boilerplate");
	doc_free(d);

	d = MODEL("古籍修复的新技术\n\n这是一段正文，讲述古籍修复的新技术。\n\n"
	    "古籍修复的新技术_某某新闻网\n");
	is_int(d->title_block, 0, "a clean title first stays the title");
	is_int(d->blocks[2].kind, BLOCK_BOILERPLATE,
	    "the suffixed line after it is boilerplate");
	is_str(d->site, "某某新闻网", "and gives the site");
	doc_free(d);

	d = MODEL("River Notes | Example Site\n\nRiver Notes\n\n"
	    "The river was low this year, and the notes say why.\n");
	is_str(d->title, "River Notes", "an English title with | Site");
	is_int(d->blocks[0].kind, BLOCK_BOILERPLATE, "suffixed: boilerplate");
	doc_free(d);
}

static void
test_injected(void)
{
	struct doc *d;
	const char *s;

	d = MODEL("古籍修复的新技术 - 某某新闻网\n\n古籍修复的新技术\n\n"
	    "这项技术已在多家图书馆及某某新闻网的产品展示中使用。\n\n"
	    "专家认为前景广阔。（来源：某某新闻网）\n");
	is_int(d->ninjected, 2, "two injected site names");
	s = d->buf->data;
	ok(d->ninjected == 2 && d->injected[0].end - d->injected[0].off ==
	    strlen("某某新闻网") && memcmp(s + d->injected[0].off,
	    "某某新闻网", strlen("某某新闻网")) == 0,
	    "the name inside a sentence");
	ok(d->ninjected == 2 && memcmp(s + d->injected[1].off,
	    "（来源：某某新闻网）", d->injected[1].end -
	    d->injected[1].off) == 0 && d->injected[1].end -
	    d->injected[1].off == strlen("（来源：某某新闻网）"),
	    "a source note in brackets, whole");
	ok(d->ninjected == 2 && doc_injected_at(d, d->injected[0].off) &&
	    !doc_injected_at(d, d->injected[0].off - 1) &&
	    !doc_injected_at(d, d->injected[0].end),
	    "doc_injected_at() knows the ranges");
	doc_free(d);

	d = MODEL("古籍修复的新技术 - 某某新闻网\n\n古籍修复的新技术\n\n"
	    "这项技术已在某某新闻网展示。\n");
	{
		struct view *v = view_new(d, NULL, 60, 10, 1);
		struct view_paint p;
		size_t i;
		int in = -1, out = -1;

		memset(&p, 0, sizeof p);
		view_paint_rows(v, 60, &p);
		for (i = 0; i < p.ncells && d->ninjected == 1; i++) {
			if (p.cells[i].c.off == d->injected[0].off)
				in = p.cells[i].style;
			if (p.cells[i].c.off == d->injected[0].off - 3)
				out = p.cells[i].style;
		}
		is_int(in, VIEW_STYLE_INJECTED, "the reader styles the "
		    "injected name in its own style");
		is_int(out, VIEW_STYLE_TEXT, "and the text before it as text");
		view_paint_free(&p);
		view_free(v);
	}
	doc_free(d);

	/* Three names, the first above the screen once it scrolls. */
	d = MODEL("古籍修复的新技术 - 某某新闻网\n\n古籍修复的新技术\n\n"
	    "某某新闻网报道。\n\n第二段没有。\n\n第三段有某某新闻网，"
	    "还有某某新闻网。\n\n结尾一。\n\n结尾二。\n\n结尾三。\n");
	{
		struct view *v = view_new(d, NULL, 60, 5, 1);
		struct view_paint p;
		size_t i, k, ninj = 0, nbad = 0, ntext = 0;

		memset(&p, 0, sizeof p);
		for (k = 0; k < 10 && d->ninjected == 3 &&
		    view_top(v) <= d->injected[0].end; k++)
			view_scroll(v, 1);
		view_paint_rows(v, 60, &p);
		for (i = 0; i < p.ncells; i++) {
			size_t off = p.cells[i].c.off;
			int inj = 0;

			for (k = 0; k < d->ninjected; k++)
				inj |= off >= d->injected[k].off &&
				    off < d->injected[k].end;
			if (inj)
				ninj++;
			if (inj != (p.cells[i].style == VIEW_STYLE_INJECTED))
				nbad++;
			ntext += p.cells[i].style == VIEW_STYLE_TEXT;
		}
		ok(d->ninjected == 3 && view_top(v) > d->injected[0].end,
		    "three names, the first above the screen");
		ok(ninj == 2 * strlen("某某新闻网") / 3 && ntext > 0,
		    "the two on screen are painted (%zu cells)", ninj);
		is_int(nbad, 0, "every cell in a name is injected, "
		    "every other is not");
		view_paint_free(&p);
		view_free(v);
	}
	doc_free(d);

	d = MODEL("古籍修复的新技术\n\n这项技术已在多家图书馆使用。\n");
	is_int(d->ninjected, 0, "no site, nothing injected");
	ok(!doc_injected_at(d, 3), "and doc_injected_at() says no");
	doc_free(d);
}

static void
test_run_in(void)
{
	struct doc *d;

	d = MODEL("开头的一段正文，有标点。\n\n（一）构建新体制。坚持改革方向，"
	    "完善制度体系。\n\n"
	    "（二）推进新发展。坚持创新驱动，提升发展质量。\n");
	is_int(d->nsections, 2, "two run-in headings");
	ok(d->nsections == 2 && (d->blocks[d->sections[0].block].flags &
	    BLOCK_RUN_IN), "flagged run-in");
	doc_free(d);
}

int
main(void)
{
	test_toc();
	test_page_break();
	test_notes();
	test_titles();
	test_injected();
	test_run_in();
	doc_check_done();
	return done_testing();
}
