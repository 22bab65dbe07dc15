/* test-doc.c - unit tests of the document model: blocks, headings, title. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/util.h"
#include "doc-check.h"
#include "doc-int.h"
#include "tap.h"

static void
test_blocks(void)
{
	struct doc *d;

	d = MODEL("");
	is_int(d->nblocks, 0, "an empty text has no blocks");
	ok(d->title == NULL && d->nsections == 0, "nor title nor sections");
	doc_free(d);

	d = MODEL("\n\n  \n\xe3\x80\x80\n");
	is_int(d->nblocks, 0, "blank lines (spaces, U+3000) make no block");
	doc_free(d);

	d = MODEL("这是第一段的第一行，它被硬换行\n"
	    "切成了两行，仍是一段。\n\n第二段。\n");
	is_int(d->nblocks, 2, "a hard-wrapped paragraph is one block");
	is_int(d->blocks[0].off, 0, "it starts at byte 0");
	is_int(d->blocks[0].end, strlen("这是第一段的第一行，它被硬换行\n"
	    "切成了两行，仍是一段。"), "and ends before its last newline");
	is_int(doc_block_line(d, 1), 4, "the second block is on line 4");
	is_str(doc_check_kinds(d),
	    "paragraph paragraph", "both are paragraphs");
	doc_free(d);

	d = MODEL("\xe3\x80\x80\xe3\x80\x80第一段，说完了。\n"
	    "\xe3\x80\x80\xe3\x80\x80第二段紧跟着，没有空行。\n");
	is_int(d->nblocks, 2, "an indented line starts a new paragraph");
	doc_free(d);

	d = MODEL("第一段说完了。\n第二段紧跟着，没有空行，也没有缩进。\n");
	is_int(d->nblocks, 2, "a line ending a CJK sentence ends the block");
	doc_free(d);

	d = MODEL("An English paragraph that is wrapped. It goes\non, and "
	    "ends here.\n");
	is_int(d->nblocks, 1, "English wrapped lines join even after '.'");
	doc_free(d);
}

static void
test_numbered(void)
{
	struct doc *d;

	d = MODEL("一、起步阶段\n\n（一）工程立项\n\n1974年8月，工程立项。\n\n"
	    "（二）标准\n\n1980年，标准发布。\n\n二、国际化\n\n"
	    "1991年，统一码出版。\n");
	is_int(d->nsections, 4, "four numbered headings");
	is_int(d->sections[0].level, 1, "一、 is level 1");
	is_int(d->sections[1].level, 2, "（一） is level 2");
	is_int(d->sections[1].parent, 0, "（一） is inside 一、");
	is_int(d->sections[2].parent, 0, "（二） too");
	is_int(d->sections[3].parent, -1, "二、 is at the top");
	is_str(d->sections[0].title, "一、起步阶段", "numbering is kept");
	is_int(d->sections[0].end, d->sections[3].off,
	    "a section ends where the next one of its level starts");
	is_int(d->sections[1].end, d->sections[2].off,
	    "a sub-section ends at its sibling");
	is_int(d->sections[3].end, d->buf->len, "the last runs to the end");
	is_int(d->sections[1].end_line, 5, "end_line is its last text line");
	is_int(doc_section_at(d, d->blocks[2].off), 1,
	    "the body of （一） is in section 1");
	doc_free(d);

	d = MODEL("（一）先出现的小节\n\n正文一段，有标点。\n\n"
	    "一、后出现的大节\n\n"
	    "正文又一段。\n");
	is_int(d->sections[0].level, 2,
	    "（一） before any 一、 still ranks below it");
	is_int(d->sections[1].level, 1, "一、 is level 1");
	doc_free(d);

	d = MODEL("第一章 总则\n\n第一节 目的\n\n这是正文，讲目的。\n\n"
	    "1.1 范围\n\n这是正文，讲范围。\n");
	is_int(d->nsections, 3, "第一章, 第一节 and 1.1 are headings");
	is_int(d->sections[0].level, 1, "章 is level 1");
	is_int(d->sections[1].level, 2, "节 is level 2");
	is_int(d->sections[2].level, 3, "1.1 is level 3");
	doc_free(d);

	d = MODEL("要点如下：\n\n1. 第一项\n\n2. 第二项\n\n3. 第三项\n\n"
	    "正文说完了。\n");
	is_int(d->nsections, 0, "a run of 1. 2. 3. is a list, not headings");
	is_str(doc_check_kind(d, 1), "list-item", "1. is a list item");
	doc_free(d);

	d = MODEL("常见问题\n\n1. 如何安装？\n\n运行脚本即可。\n\n"
	    "2. 如何卸载？\n\n删除目录即可。\n");
	is_int(d->nsections, 2, "a numbered question is a heading");
	doc_free(d);

	d = MODEL("CHAPTER I.\nDown the Rabbit-Hole\n\nAlice was tired.\n\n"
	    "CHAPTER II.\nThe Pool of Tears\n\nCuriouser.\n");
	is_int(d->nsections, 4, "CHAPTER I. with its period is a heading");
	is_int(d->sections[1].level, 2, "its subtitle line is below it");
	doc_free(d);

	d = MODEL("1. Introduction\n\nText here.\n\n1.1 Scope\n\nText.\n\n"
	    "Acknowledgements\n\nThanks to all.\n");
	is_int(d->sections[2].level, 1,
	    "an unnumbered heading in a numbered document is top level");
	doc_free(d);

	d = MODEL("一、各级政府要把这项工作放在重要位置。\n");
	is_int(d->nsections, 0, "a numbered sentence ending in 。 is body text");
	doc_free(d);

	/* Run-in headings: the first sentence of a numbered paragraph. */
	d = MODEL("一、加强领导。各级政府要把这项工作放在重要位置。\n");
	is_int(d->nsections, 1, "a numbered paragraph opening with a short "
	    "sentence has a run-in heading");
	is_str(d->sections[0].title, "一、加强领导", "its text is the sentence");
	ok(d->blocks[0].flags & BLOCK_RUN_IN, "the block says run-in");
	is_int(d->blocks[0].end, strlen("一、加强领导。各级政府要把这项工作"
	    "放在重要位置。"), "and holds the whole paragraph");
	doc_free(d);

	d = MODEL("（一）总体要求。坚持稳中求进，\n推动发展。\n\n"
	    "（二）重点任务。扩大内需。\n\n（三）保障措施。加强落实。\n");
	is_int(d->nsections, 3, "run-in siblings are headings, not a list");
	is_int(d->nblocks, 3, "a wrapped run-in paragraph is one block");
	is_str(d->sections[2].title, "（三）保障措施", "the third");
	doc_free(d);

	/*
	 * Each first character a numbering may open with, as a run-in
	 * heading; and characters that open other forms, or none, which
	 * are body text.
	 */
	d = MODEL("壹、总体要求。坚持稳中求进。\n\n一、重点任务。扩大内需。\n\n"
	    "（二）保障措施。加强落实。\n\n(3) 组织实施。分步推进。\n\n"
	    "（4）监督检查。定期通报。\n\n５、宣传引导。营造氛围。\n\n"
	    "6、总结评估。形成经验。\n\n7.1 工作机制。明确分工。\n\n"
	    "前、这不是编号。只是正文。\n\n第、这也不是。只是正文。\n\n"
	    "拾、最后一项。收尾工作。\n\n肆x、这不是编号。只是正文。\n");
	is_str(doc_check_titles(d), "壹、总体要求|一、重点任务|（二）保障措施|"
	    "(3) 组织实施|（4）监督检查|５、宣传引导|6、总结评估|"
	    "7.1 工作机制|拾、最后一项", "numberings by their first "
	    "character: capitals, numerals, brackets, digits");
	doc_free(d);

	d = MODEL("（一）他说：“好。”然后走了。\n\n"
	    "1. 安装。先下载。\n");
	is_int(d->nsections, 0, "reported speech and a \"1. \" list item are "
	    "not run-in headings");
	doc_free(d);

	d = MODEL("这一行被硬换行切断，下一行碰巧以\n"
	    "——破折号开头，但仍是同一段\n");
	is_int(d->nblocks, 1, "a wrapped line starting with —— joins");
	is_int(d->nsections, 0, "and is no heading");
	doc_free(d);
}

static void
test_bound(void)
{
	struct doc *d;
	char text[1024];

	/* 一、 plus 38 characters: 40 characters, 80 columns. */
	strcpy(text, "一、");
	while (strlen(text) < 40 * 3)
		strcat(text, "字");
	strcat(text, "\n\n正文。\n");
	d = doc_check_model(text, strlen(text));
	is_int(d->nsections, 1, "a heading of 80 columns is a heading");
	doc_free(d);
	text[0] = '\0';
	strcpy(text, "一、");
	while (strlen(text) < 41 * 3)
		strcat(text, "字");
	strcat(text, "\n\n正文。\n");
	d = doc_check_model(text, strlen(text));
	is_int(d->nsections, 0, "one of 82 columns is body text");
	is_str(doc_check_kind(d, 0), "paragraph", "a paragraph");
	doc_free(d);
}

static void
test_dashes(void)
{
	struct doc *d;

	d = MODEL("导语一段，说明来意。\n\n——先出现的小标题\n\n正文。\n\n"
	    "大标题——副题\n\n正文。\n\n——又一个小标题\n\n正文。\n");
	is_int(d->nsections, 3, "three dash headings");
	is_int(d->sections[0].level, 2, "——x is below phrase——subtitle");
	is_int(d->sections[1].level, 1, "phrase——subtitle is level 1");
	is_int(d->sections[2].parent, 1, "a later ——x is inside it");
	is_str(d->sections[0].title, "先出现的小标题", "the —— is dropped");
	is_str(d->sections[1].title, "大标题——副题", "a mid —— is kept");
	doc_free(d);

	d = MODEL("小说开头一段。\n\n——是的\n\n——那么走吧\n\n他们走了。\n");
	is_int(d->nsections, 0, "dialogue lines with —— are no headings");
	doc_free(d);
}

static void
test_lookalikes(void)
{
	struct doc *d;

	d = MODEL("开头的一段正文，有标点。\n\n"
	    "一个问题的提出，往往比答案更难。\n\n"
	    "正文继续，有标点。\n\nHow short is this?\n\nBody text.\n");
	is_int(d->nsections, 0, "one-line paragraphs ending in 。? are body");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n小标题\n\n正文继续，有标点。\n");
	is_int(d->nsections, 1, "a short line alone before body is a heading");
	is_str(d->sections[0].title, "小标题", "its text");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n**加粗的小标题**\n\n正文。\n");
	is_str(d->sections[0].title, "加粗的小标题", "** around it is dropped");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n床前明月光\n\n疑是地上霜\n\n"
	    "举头望明月\n\n低头思故乡\n\n后记一段，有标点。\n");
	is_int(d->nsections, 0, "lines of a poem are no headings");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n“走吧”\n\n"
	    "他们走了，没有回头。\n");
	is_int(d->nsections, 0, "a dialogue line is no heading");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n记者 李明\n\n"
	    "他们走了，没有回头。\n");
	is_int(d->nsections, 0, "a byline is no heading");
	doc_free(d);

	d = MODEL("开头的一段正文，有标点。\n\n- 列表项一\n- 列表项二\n\n"
	    "正文。\n");
	is_int(d->nsections, 0, "list items are no headings");
	is_str(doc_check_kinds(d), "paragraph list-item list-item paragraph",
	    "each item is a block");
	doc_free(d);
}

static void
test_markdown(void)
{
	struct doc *d;

	d = MODEL("# Notes\n\nIntro.\n\n## One\n\nText.\n\n### Sub\n\nText.\n\n"
	    "```sh\n# not a heading\n\necho hi\n```\n\n## Two #\n\nEnd.\n");
	is_str(d->title, "Notes", "a lone top # heading is the title");
	is_int(d->nsections, 3, "three headings");
	is_int(d->sections[0].level, 1, "## is level 1");
	is_int(d->sections[1].level, 2, "### is level 2");
	is_str(d->sections[2].title, "Two", "closing #s are dropped");
	is_str(doc_check_kind(d, 6), "code", "a fenced block is code");
	is_int(doc_block_line(d, 6), 13, "from its opening fence");
	is_int(d->blocks[6].end, strstr(d->buf->data, "```\n\n## Two") -
	    d->buf->data + 3, "to its closing fence, blank lines included");
	doc_free(d);

	d = MODEL("# A\n\ntext\n\n# B\n\ntext\n");
	ok(d->title == NULL, "# is no title when another # follows");
	is_int(d->nsections, 2, "both are headings");
	doc_free(d);

	/* Headings marked only by indentation, and the trap. */
	d = MODEL("\xe3\x80\x80\xe3\x80\x80\xe3\x80\x80一\n\n"
	    "\xe3\x80\x80这是正文的第一段，只缩进一格，写得足够长才算正文的样子。\n\n"
	    "\xe3\x80\x80\xe3\x80\x80\xe3\x80\x80二\n\n"
	    "\xe3\x80\x80这是正文的第二段，也只缩进一格，同样写得足够长才行。\n");
	is_int(d->nsections, 2, "lines indented deeper than the body are "
	    "headings");
	is_str(d->sections[1].title, "二", "a lone numeral too");
	doc_free(d);
	d = MODEL("\xe3\x80\x80\xe3\x80\x80他走了\n\n"
	    "\xe3\x80\x80\xe3\x80\x80这是正文的第一段，缩进两格，写得足够长才算正文的样子。\n\n"
	    "\xe3\x80\x80\xe3\x80\x80这是正文的第二段，也缩进两格，同样写得足够长才行。\n");
	is_int(d->nsections, 0, "not when the body is indented as deeply");
	doc_free(d);

	d = MODEL("#话题# 不是标题\n\n    # indented code\n");
	is_int(d->nsections, 0, "#tag# and indented # are no headings");
	doc_free(d);

	d = MODEL("Guide\n=====\n\nIntro.\n\nPart one\n--------\n\nText.\n\n"
	    "Part two\n---\n\nText.\n\n---\n\nAfter a rule.\n");
	is_str(d->title, "Guide", "a setext = heading on top is the title");
	is_int(d->nsections, 2, "setext - headings are headings");
	is_str(d->sections[0].title, "Part one", "without the underline");
	is_int(d->sections[0].level, 1, "at the top level");
	is_int(d->blocks[2].end, strstr(d->buf->data, "\n\nText.") -
	    d->buf->data, "the heading block holds its underline");
	doc_free(d);

	d = MODEL("# T\n\nIntro text.\n\nShort line\n\nMore text.\n");
	is_int(d->nsections, 0, "no plain headings in a Markdown document");
	doc_free(d);
}

static void
test_title(void)
{
	struct doc *d;

	d = MODEL("春秋——五十年纪实-某某网\n\n首页 > 专题 > 正文\n"
	    "春秋——五十年纪实\n\n"
	    "正文一段。\n\n网站地图 | 联系我们 | 某某网版权所有\n");
	is_str(d->title, "春秋——五十年纪实", "the site suffix is removed");
	is_str(d->site, "某某网", "and becomes the site");
	is_str(doc_check_text(d, 2),
	    "春秋——五十年纪实", "the clean line is the title");
	is_str(doc_check_kinds(d),
	    "boilerplate boilerplate title paragraph boilerplate",
	    "breadcrumb, suffixed title and footer are boilerplate");
	is_int(d->nsections, 0, "none is a heading");
	doc_free(d);

	d = MODEL("独一无二的标题-某某网\n\n正文一段。\n");
	is_str(d->title, "独一无二的标题-某某网",
	    "a suffix stays when the title is not repeated");
	ok(d->site == NULL, "and there is no site");
	doc_free(d);

	d = MODEL("An Article | The Site\n\nAn Article\n\nText here.\n");
	is_str(d->title, "An Article", "'| Site' is removed too");
	is_str(d->site, "The Site", "site");
	doc_free(d);

	d = MODEL("新闻标题在这里\n2023-10-12 10:00 来源：某网\n\n"
	    "正文一段。\n");
	is_str(d->title, "新闻标题在这里", "a dateline may follow the title");
	is_int(d->date.year, 2023, "and gives the date");
	doc_free(d);

	d = MODEL("这是一个很长的开头段落，以句号结尾。\n\n短行\n\n正文。\n");
	ok(d->title == NULL, "a first line ending in 。 is no title");
	doc_free(d);
}

static void
test_figures(void)
{
	struct doc *d;

	d = MODEL("正文一段。\n\nimages/图片_20231012093015.JPG\n\n"
	    "1979年7月27日，输出了第一张样张。图/资料图片\n\n正文。\n\n"
	    "photo.png\n\n这是一段很普通的正文，说了一些事情。\n");
	is_str(doc_check_kinds(d), "paragraph figure caption paragraph figure "
	    "paragraph", "figures and a caption");
	is_int(d->blocks[1].kind, BLOCK_FIGURE,
	    "the caption's figure is the block before it");
	is_int(d->date.year, 2023, "the document date comes from the image");
	is_int(d->date.month, 10, "month");
	is_int(d->date.day, 12, "day");
	is_int(d->date.off, strstr(d->buf->data, "2023") - d->buf->data,
	    "and where it was found");
	doc_free(d);

	d = MODEL("a.jpg\n\n2022年7月19日，新标准发布\n\nb.webp\n\n"
	    "记者 李明 摄\n\nc.gif\n\n图为会场。\n");
	is_str(doc_check_kinds(d),
	    "figure caption figure caption figure caption",
	    "dated, 摄 and 图为 captions");
	doc_free(d);

	d = MODEL("标题\n\n2023年10月12日 09:30 来源：某某网\n\n正文一段。\n\n"
	    "图片_20200101.jpg\n");
	is_int(d->date.year, 2023, "a dateline wins over an image name");
	is_int(d->date.day, 12, "its day");
	doc_free(d);

	d = MODEL("1974年8月，工程立项。\n");
	is_int(d->date.year, 0, "a dated sentence is no dateline");
	doc_free(d);
}

static void
test_robust(void)
{
	struct doc *d;
	char *big;
	size_t n = 5 << 20, i;

	d = MODEL("\0\0\x1b[31m\n\n\xff\xfe\x80\n# \0\n");
	ok(d != NULL, "NUL bytes, escapes and junk give a model");
	doc_free(d);

	d = MODEL("一、标题\r\n\r\n正文。\r\n");
	is_int(d->nsections, 1, "CRLF text has its heading");
	is_str(d->sections[0].title, "一、标题", "without the CR");
	doc_free(d);

	big = malloc(n);
	for (i = 0; i < n; i++)
		big[i] = "ab# \xe3\x80\x82"[i % 7];
	d = doc_check_model(big, n);
	is_int(d->nblocks, 1, "a 5 MB line is one block");
	doc_free(d);
	for (i = 0; i < n; i++)
		big[i] = i % 3 == 2 ? '\n' : "#-1"[i % 3];
	d = doc_check_model(big, n);
	ok(d->nblocks > 0, "a million tiny lines give a model");
	is_int(doc_block_at(d, n + 1), d->nblocks, "past the last block");
	doc_free(d);
	free(big);

	/* A heading's words past the 16-bit fields of a block. */
	big = malloc(80000);
	n = (size_t)sprintf(big, "Title\n\n# ");
	memset(big + n, ' ', 70000);
	n += 70000;
	n += (size_t)sprintf(big + n, "Heading\n\n正文。\n");
	d = doc_check_model(big, n);
	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].title[0] == '\0')
			break;
	ok(i == d->nsections, "a heading's words 70 KB into its line: no "
	    "section without a title (%zu sections)", d->nsections);
	doc_free(d);
	free(big);

	d = MODEL("段一。\n\n段二。\n");
	is_int(doc_block_at(d, 0), 0, "block_at its first byte");
	is_int(doc_block_at(d, d->blocks[0].end), 0,
	    "block_at its newline gives the block");
	is_int(doc_block_at(d, d->blocks[0].end + 1), 1,
	    "block_at a blank line gives the next block");
	is_int(doc_section_at(d, 0), -1, "no section before any heading");
	is_str(doc_kind_name(BLOCK_CAPTION), "caption", "kind names");
	doc_free(d);
	doc_free(NULL);
}

/* The outline of a file as one string: "LEVEL LINE TITLE\n" a section. */
static char *
outline_of(const char *path)
{
	static char out[4096];
	struct buffer *b;
	struct doc *d;
	char *err = NULL;
	size_t i, n = 0;

	b = buffer_load(path, NULL, 0, &err);
	if (b == NULL) {
		printf("# %s: %s\n", path, err);
		free(err);
		return NULL;
	}
	d = doc_new(b);
	n = (size_t)snprintf(out, sizeof out, "%s\n", d->title != NULL ?
	    d->title : "(none)");
	for (i = 0; i < d->nsections && n < sizeof out; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%d %zu %s\n",
		    d->sections[i].level, d->sections[i].line,
		    d->sections[i].title);
	doc_free(d);
	buffer_free(b);
	return out;
}

static void
test_encodings(void)
{
	static const char *const copies[] = { "cn-numbered.crlf.txt",
	    "cn-numbered.gb18030.txt", "cn-numbered.utf16.txt",
	    "cn-numbered.utf16be.txt", NULL };
	const char *top = getenv("top_srcdir");
	const char *const *p;
	char path[4096], *want, *got;

	if (top == NULL)
		top = ".";
	snprintf(path, sizeof path, "%s/tests/fixtures/outline/cn-numbered.txt",
	    top);
	got = outline_of(path);
	ok(got != NULL, "the UTF-8 fixture loads");
	if (got == NULL)
		return;
	want = strdup(got);
	ok(strstr(want, "4 13 （1）线网规模") != NULL,
	    "its outline has four levels");
	for (p = copies; *p != NULL; p++) {
		snprintf(path, sizeof path, "%s/tests/fixtures/outline/%s",
		    top, *p);
		got = outline_of(path);
		is_str(got, want, "%s gives the same outline as UTF-8", *p);
	}
	free(want);
}

/* Lines a generated document is made of, in no particular order. */
static const char *const gen_lines[] = {
	"", "", "", "",
	"计算机诞生之初，是为拉丁字母设计的。一台只认识几十个字母的机器，"
	    "如何装下数以万计的汉字？",
	"这个问题，曾经被一些人断言为无解，",
	"甚至有人说计算机是汉字的掘墓人。",
	"一、总体情况", "（二）主要做法", "1. 引言", "1.1 背景", "第三章 照排",
	"铅与火的告别——汉字告别手工排版", "——从一本字表说起",
	"短行标题", "# 标题", "## 小节", "二级标题", "======", "------",
	"图片_20231012093015.jpg", "1979年7月27日，输出了第一张样张。图/资料图片",
	"- 列表项", "1) 第一项", "“你好。”他说。", "首页 > 专题 > 正文",
	"网站地图 | 联系我们", "一字千钧写春秋", "    缩进的一行正文。",
	"2016年4月19日，会议召开。", "Chapter 1", "END",
};

/* Writes the model of d, every field, into out, to compare two models. */
static void
model_dump(const struct doc *d, struct sbuf *out)
{
	size_t i;

	sbuf_printf(out, "%zu %zu %s %s %zd %d-%d-%d@%zu\n", d->nblocks,
	    d->nsections, d->title ? d->title : "-", d->site ? d->site : "-",
	    d->title_block, d->date.year, d->date.month, d->date.day,
	    d->date.off);
	for (i = 0; i < d->nblocks; i++)
		sbuf_printf(out, "b %zu %zu %d %d %d %d\n", d->blocks[i].off,
		    d->blocks[i].end, d->blocks[i].kind, d->blocks[i].level,
		    d->blocks[i].head, d->blocks[i].tlen);
	for (i = 0; i < d->nsections; i++)
		sbuf_printf(out, "s %zu %d %zu %zu %ld %s %zu %zu\n",
		    d->sections[i].block, d->sections[i].level,
		    d->sections[i].off, d->sections[i].end,
		    (long)d->sections[i].parent, d->sections[i].title,
		    d->sections[i].line, d->sections[i].end_line);
}

/*
 * A large text is gathered in two halves at once: the model must be the
 * one a single pass gives, whatever falls at the split (a code block
 * across it, a figure before it and its caption after, the title's base
 * repeated only after it).
 */
static void
test_split(void)
{
	enum { N = 240000 };
	/*
	 * What surrounds the split: lines from N / 2 - 3 on.  The split
	 * falls after line N / 2 - 1 (0-based), the first blank line from
	 * the middle on.
	 */
	static const char *const middles[][8] = {
		{ "", "", "", NULL },
		{ "```", "code", "", "more code", "", "```", "", NULL },
		{ "正文。", "图片_20231012093015.jpg", "",
		    "1979年7月27日，输出了第一张样张。图/资料图片", "", NULL },
		{ "正文。", "正文。", "", "一字千钧写春秋", "", NULL },
		{ "~~~", "", "", "正文。", "", NULL },
		{ "正文。", "标题", "", "======", "", NULL },
	};
	size_t k, i, j, nmid = sizeof middles / sizeof middles[0];
	unsigned long r;
	struct sbuf text = SBUF_INIT, one = SBUF_INIT, two = SBUF_INIT;
	struct buffer *b;
	struct doc *d;
	char *err = NULL;
	int same;

	for (k = 0; k < nmid; k++) {
		sbuf_reset(&text);
		sbuf_adds(&text, "一字千钧写春秋-汉字科技网\n\n");
		r = 12345 + k;
		for (i = 2; i < N; i++) {
			const char *line;

			j = i >= N / 2 - 3 ? i - (N / 2 - 3) : 8;
			r = r * 1103515245 + 12345;
			line = gen_lines[(r >> 16) % (sizeof gen_lines /
			    sizeof gen_lines[0])];
			/* The title's base is repeated only after the split
			 * in text 3. */
			if (strcmp(line, "一字千钧写春秋") == 0)
				line = "";
			if (j < 8) {
				size_t q;

				for (q = 0; q < j && middles[k][q]; q++)
					;
				if (q == j && middles[k][j] != NULL)
					line = middles[k][j];
			}
			/* Code blocks come whole, away from the split. */
			if (i % 5000 == 100)
				line = "```";
			else if (i % 5000 == 103)
				line = "```";
			sbuf_adds(&text, line);
			sbuf_addc(&text, '\n');
		}
		b = buffer_from_mem(text.s, text.len, NULL, &err);
		sbuf_reset(&one);
		sbuf_reset(&two);
		util_set_threads(1);
		d = doc_new(b);
		model_dump(d, &one);
		doc_free(d);
		util_set_threads(2);
		d = doc_new(b);
		model_dump(d, &two);
		doc_free(d);
		same = one.len == two.len && memcmp(one.s, two.s, one.len) == 0;
		ok(same && b->nlines == N, "text %zu: split in two gives the "
		    "model of one pass (%zu bytes of model)", k, one.len);
		buffer_free(b);
	}
	sbuf_free(&text);
	sbuf_free(&one);
	sbuf_free(&two);
}

/*
 * The scan of a short line for page furniture: each separator and footer
 * mark found wherever it stands among ASCII and ideographs, none where
 * only one of its bytes stands, and the columns doc_lex_cols() counts.
 */
static void
test_marks_scan(void)
{
	static const struct {
		const char *s;
		int sep, foot;
	} marks[] = {
		{ ">", 1, 0 }, { "\xc2\xbb", 1, 0 }, { "\xef\xbc\x9e", 1, 0 },
		{ "\xe2\x80\xba", 1, 0 }, { "|", 0, 1 }, { "ICP", 0, 1 },
		{ "Copyright", 0, 1 }, { "rights", 0, 1 }, { "\xc2\xa9", 0, 1 },
		{ "\xef\xbd\x9c", 0, 1 }, { "\xe4\xb8\xa8", 0, 1 },
		{ "\xe7\x89\x88\xe6\x9d\x83", 0, 1 },
		/* Bytes of the marks in other characters. */
		{ "\xe7\x89\x88", 0, 0 }, { "\xe5\xb1\x9e", 0, 0 },
		{ "\xe6\x96\x87\xc2\xb7", 0, 0 }, { "IC", 0, 0 },
		{ "right", 0, 0 }, { "\xd0\xbb", 0, 0 },
		{ "\xe4\xb8\xa9", 0, 0 },
	};
	static const char *const fill[] = { "a", "\xe6\xb1\x89", "\xc2\xb7",
	    "\xf0\x9f\x98\x80" };
	/* The first bytes of marks, and 版 without 权. */
	static const char lookalike[] = "\xe7\x89\x88op ri IC\xc2";
	char line[256];
	size_t i, f, k, t, n, fl, cols, wrong = 0;
	int sep, foot;

	/*
	 * k fills before the mark, so that it stands at every place of
	 * the 16-byte steps of the first vectors, after the first bytes
	 * of other marks or not, and the line ends right after it or one
	 * fill later.
	 */
	for (i = 0; i < sizeof marks / sizeof marks[0]; i++)
		for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
			for (k = 0; k < 40; k++)
				for (t = 0; t < 4; t++) {
					fl = strlen(fill[f]);
					/* After a vector that only looks
					 * like a mark's, or not. */
					n = t < 2 ? 0 : strlen(lookalike);
					memcpy(line, lookalike, n);
					for (; n / fl < k; n += fl)
						memcpy(line + n, fill[f], fl);
					memcpy(line + n, marks[i].s,
					    strlen(marks[i].s));
					n += strlen(marks[i].s);
					memcpy(line + n, fill[f], fl);
					n += (t % 2) * fl;
					doc_marks_scan(line, n, &cols, &sep,
					    &foot);
					if (sep != marks[i].sep ||
					    foot != marks[i].foot ||
					    cols != doc_lex_cols(line, n))
						wrong++;
				}
	is_int(wrong, 0, "the furniture scan finds each mark where it stands, "
	    "and counts the columns");

	/* A mark cut by the line's end is not one: ＞ with its last byte
	 * past n, wherever n falls. */
	wrong = 0;
	for (n = 3; n < 80; n++) {
		memset(line, 'a', sizeof line);
		memcpy(line + n - 2, "\xef\xbc\x9e", 3);
		doc_marks_scan(line, n, &cols, &sep, &foot);
		if (sep || foot || cols != doc_lex_cols(line, n))
			wrong++;
		/* The same mark a byte earlier is whole. */
		memset(line, 'a', sizeof line);
		memcpy(line + n - 3, "\xef\xbc\x9e", 3);
		doc_marks_scan(line, n, &cols, &sep, &foot);
		if (!sep || foot || cols != doc_lex_cols(line, n))
			wrong++;
	}
	is_int(wrong, 0, "the furniture scan reads no mark past the line's "
	    "end");

	/* Long lines of text alone: no mark, the columns of every length. */
	wrong = 0;
	for (n = 0; n < 240; n++) {
		for (k = 0; k < n; k++)
			line[k] = "\xe6\xb1\x89"[k % 3];
		doc_marks_scan(line, n, &cols, &sep, &foot);
		if (sep || foot || cols != doc_lex_cols(line, n))
			wrong++;
	}
	is_int(wrong, 0, "the furniture scan counts the columns of a long "
	    "line");
}

/*
 * How a line ends, by its last character: ASCII, three bytes of every
 * lead (E0 and ED decoded by the general path), two and four bytes, and
 * the closing marks stepped over.
 */
static void
test_line_end(void)
{
	static const struct {
		const char *s;
		enum lend end;
	} ends[] = {
		{ "好。", END_SENT_CJK }, { "好！", END_SENT_CJK },
		{ "好？", END_SENT_CJK }, { "好…", END_SENT_CJK },
		{ "好；", END_SENT_CJK }, { "好．", END_SENT_CJK },
		{ "好，", END_CONT }, { "好、", END_CONT }, { "a,", END_CONT },
		{ "好：", END_COLON }, { "a:", END_COLON },
		{ "a.", END_SENT }, { "a!", END_SENT }, { "a?", END_SENT },
		{ "a;", END_SENT }, { "好", END_NONE }, { "a", END_NONE },
		{ "好。”", END_SENT_CJK }, { "好。’」』）", END_SENT_CJK },
		{ "好。》〉】", END_SENT_CJK }, { "a.)\"']", END_SENT },
		{ "。\xe0\xa0\x80", END_NONE }, { "。\xed\x9f\xbf", END_NONE },
		{ "。\xc3\xa9", END_NONE }, { "。\xf0\x9f\x98\x80", END_NONE },
		{ "\xef\xbc\x81", END_SENT_CJK }, { "”", END_NONE },
	};
	/* ASCII, ideographs, é, an emoji, controls. */
	static const char mix[] = "a\xe6\xb1\x89\xc3\xa9\xf0\x9f\x98\x80\x01"
	    "\xe3\x80\x82z";
	size_t i, n, want, wrong = 0;
	char line[4096];

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (doc_lex_line_end(ends[i].s, strlen(ends[i].s)) !=
		    ends[i].end)
			wrong++;
	is_int(wrong, 0, "a line's end is told by its last character");

	/* The columns, as counted a character at a time, at every length
	 * around the 16-byte steps. */
	wrong = 0;
	for (n = 0; n < 100; n++) {
		for (i = 0, want = 0; i < n; i++) {
			line[i] = mix[i % (sizeof mix - 1)];
			want += (unsigned char)line[i] < 0x80 ? 1 :
			    (unsigned char)line[i] >= 0xe0 ? 2 :
			    (unsigned char)line[i] >= 0xc0 ? 1 : 0;
		}
		if (doc_lex_cols(line, n) != want)
			wrong++;
	}
	memset(line, '\xe6', sizeof line);
	if (doc_lex_cols(line, sizeof line) != 2 * sizeof line)
		wrong++;
	is_int(wrong, 0, "the columns of a line at every length");
}

int
main(void)
{
	test_blocks();
	test_numbered();
	test_bound();
	test_dashes();
	test_lookalikes();
	test_markdown();
	test_title();
	test_figures();
	test_robust();
	test_encodings();
	test_split();
	test_marks_scan();
	test_line_end();
	doc_check_done();
	return done_testing();
}
