/*
 * test-convert-md.c - convert_md(): what is concealed, blocks and spans.
 *
 * Each case is a small Markdown text and what a reader must see of it
 * (the source without its concealed bytes), then the blocks and spans the
 * layout needs, written as "KIND:LEVEL:text" with the text the block or
 * span covers (concealed bytes left out).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/convert-md.h"
#include "juan/util.h"
#include "tap.h"

static int
concealed(const struct hints *h, size_t i)
{
	size_t k;

	for (k = 0; k < h->nspans; k++)
		if (h->spans[k].kind == SPAN_CONCEAL && h->spans[k].off <= i &&
		    i < h->spans[k].end)
			return 1;
	return 0;
}

/* The visible bytes of s[a, b), in a static buffer. */
static const char *
visible(const struct hints *h, const char *s, size_t a, size_t b)
{
	static char out[4096];
	size_t i, n = 0;

	for (i = a; i < b && n + 1 < sizeof out; i++)
		if (!concealed(h, i))
			out[n++] = s[i];
	out[n] = '\0';
	return out;
}

static const char *const bnames[] = { "P", "TITLE", "H", "FIG", "CAP",
	"LI", "CODE", "Q", "ROW", "RULE", "BP" };
static const char *const snames[] = { "CONCEAL", "EM", "STRONG", "CODE",
	"LINK", "DEL", "RUBY", "CELL", "BR" };

/* The blocks as "KIND:LEVEL:text|...". */
static const char *
blocks(const struct hints *h, const char *s)
{
	static char out[4096];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < h->nblocks; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s:%d:%s",
		    i ? "|" : "", bnames[h->blocks[i].kind],
		    h->blocks[i].level, visible(h, s, h->blocks[i].off,
		    h->blocks[i].end));
	return out;
}

/* The spans but the concealed ones as "KIND:text|...". */
static const char *
spans(const struct hints *h, const char *s)
{
	static char out[4096];
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < h->nspans; i++) {
		if (h->spans[i].kind == SPAN_CONCEAL)
			continue;
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s:%s",
		    n ? "|" : "", snames[h->spans[i].kind],
		    visible(h, s, h->spans[i].off, h->spans[i].end));
	}
	return out;
}

struct tcase {
	const char *md;		/* the source */
	const char *shown;	/* what is not concealed */
	const char *blocks;
	const char *spans;
};

static const struct tcase cases[] = {
	{ "## 2019年12月12日 会议\n", "2019年12月12日 会议\n",
	    "H:2:2019年12月12日 会议", "" },
	{ "# 标题 #\n", "标题\n", "H:1:标题", "" },
	{ "Title\n=====\n\ntext\n", "Title\n\n\ntext\n",
	    "H:1:Title|P:0:text", "" },
	{ "**粗体**和*斜体*、`code`、~~删~~\n", "粗体和斜体、code、删\n",
	    "P:0:粗体和斜体、code、删",
	    "STRONG:粗体|EM:斜体|CODE:code|DEL:删" },
	{ "见[公告](https://example.org/a \"t\")。\n", "见公告。\n",
	    "P:0:见公告。", "LINK:公告" },
	{ "<https://example.org/notes>\n", "example.org/notes\n",
	    "P:0:example.org/notes", "LINK:example.org/notes" },
	{ "<https://www.example.org/a/very/long/path/that/goes/on/and/on>\n",
	    "example.org\n", "P:0:example.org", "LINK:example.org" },
	{ "> 引用一\n> 引用二\n",
	    "引用一\n引用二\n", "Q:1:引用一\n引用二", "" },
	{ "- 一\n- 二\n  - 三\n", "- 一\n- 二\n- 三\n",
	    "LI:1:- 一|LI:1:- 二|LI:2:- 三", "" },
	{ "3.  第三\n", "3. 第三\n", "LI:1:3. 第三", "" },
	{ "| 名 | 中文 |\n|---|:--:|\n| a | 二 |\n", "名中文\n\na二\n",
	    "ROW:0:名中文|ROW:0:a二", "CELL:名|CELL:中文|CELL:a|CELL:二" },
	{ "```c\nint  x;\n\n```\n", "\nint  x;\n\n\n", "CODE:0:int  x;", "" },
	{ "    indented\n", "indented\n", "CODE:0:indented", "" },
	{ "```\n\ttab\n  two\n```\n\n    a\n      b\n",
	    "\n\ttab\n  two\n\n\na\n  b\n", "CODE:0:\ttab\n  two|CODE:0:a\n  b",
	    "" },
	{ "一<br>二<br/>三\n", "一二三\n", "P:0:一二三", "BR:|BR:" },
	{ "<!-- 注释 -->\n正文\n", "\n正文\n", "P:0:正文", "" },
	{ "<div align=\"center\">\n居中\n</div>\n", "\n居中\n\n",
	    "P:0:居中", "" },
	{ "前\n\n---\n\n后\n", "前\n\n\n\n后\n", "P:0:前|RULE:0:|P:0:后", "" },
	{ "![一张图](img/p.png)\n", "一张图\n", "FIG:0:一张图", "" },
	{ "![](img/p.png)\n", "p.png\n", "FIG:0:p.png", "" },
	{ "[ref]: https://example.org\n\n见[甲][ref]\n", "\n\n见甲\n",
	    "P:0:见甲", "LINK:甲" },
	{ "a \\*b\\* &amp; c\n", "a *b* &amp; c\n", "P:0:a *b* &amp; c", "" },
};

int
main(void)
{
	const struct tcase *t;
	struct hints *h;
	size_t i, k;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = &cases[i];
		h = convert_md(t->md, strlen(t->md));
		is_str(visible(h, t->md, 0, strlen(t->md)), t->shown,
		    "case %zu: what is shown", i);
		is_str(blocks(h, t->md), t->blocks, "case %zu: blocks", i);
		is_str(spans(h, t->md), t->spans, "case %zu: spans", i);
		for (k = 1; k < h->nblocks; k++)
			ok(h->blocks[k - 1].end <= h->blocks[k].off,
			    "case %zu: blocks in order", i);
		hints_free(h);
	}

	/* The link's URL, and a list item's block starts at its marker. */
	h = convert_md("- [甲](https://example.org/x)\n", 31);
	is_int(h->nlinks, 1, "one link");
	is_str(h->nlinks ? h->links[0].url : NULL, "https://example.org/x",
	    "its URL");
	is_int(h->nblocks ? h->blocks[0].off : 99, 0, "item at its marker");
	hints_free(h);

	/* The shown text, for search: a phrase across markup is found. */
	{
		static const char md[] = "前**重要**的[话](http://x)后\n";
		char *shown;
		size_t *map, n;

		h = convert_md(md, sizeof md - 1);
		n = hints_shown(h, md, 0, sizeof md - 1, &shown, &map);
		is_str(shown, "前重要的话后\n", "hints_shown: the shown text");
		ok(n == 19 && map[3] == 5 && map[12] == 17 && map[n] ==
		    sizeof md - 1, "and where each byte came from");
		free(shown);
		free(map);
		n = hints_shown(h, md, 8, 20, &shown, NULL);
		is_str(shown, "要的话", "a range of the text");
		free(shown);
		hints_free(h);
	}

	/* Nothing aborts: unclosed markup, NUL bytes, deep nesting. */
	{
		char deep[3000];

		memset(deep, '>', sizeof deep);
		memcpy(deep + sizeof deep - 10, " x\0**[`<!", 10);
		h = convert_md(deep, sizeof deep);
		ok(h != NULL, "deep quotes and NUL bytes");
		hints_free(h);
		memset(deep, '[', sizeof deep);
		h = convert_md(deep, sizeof deep);
		ok(h != NULL, "a run of brackets");
		hints_free(h);
	}
	return done_testing();
}
