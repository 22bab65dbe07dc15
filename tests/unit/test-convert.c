/*
 * test-convert.c - unit tests of the HTML and EPUB converters.
 *
 * The pages are small ones written here in the shapes of saved news
 * pages (navigation, article, sidebar, comments, footer; the headline in
 * a div, an empty <h1>, a wrong charset, <br>-separated text, bold
 * sub-headings); the books are zipped here with libzip from XHTML
 * strings.  Hostile inputs: malformed markup, controls, unknown
 * entities, deep nesting, a large paragraph, broken zips, a zip bomb,
 * encrypted books.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include <zip.h>

#include "juan/convert.h"
#include "juan/util.h"
#include "tap.h"

struct res {
	int rc;
	char *text;
	size_t len;
	struct hints *h;
	char *err;
};

static struct res
html_n(const char *s, size_t n, const char *hint)
{
	struct res r;

	memset(&r, 0, sizeof r);
	r.rc = convert_html(s, n, hint, "page.html", &r.text, &r.len, &r.h,
	    &r.err);
	return r;
}

static struct res
html(const char *s)
{
	return html_n(s, strlen(s), NULL);
}

static void
res_free(struct res *r)
{
	free(r->text);
	hints_free(r->h);
	free(r->err);
	memset(r, 0, sizeof *r);
}

/* The kind of the block holding s, or -1. */
static int
kind_of(const struct res *r, const char *s)
{
	const char *p = r->text != NULL ? strstr(r->text, s) : NULL;
	size_t off, i;

	if (p == NULL)
		return -1;
	off = (size_t)(p - r->text);
	for (i = 0; i < r->h->nblocks; i++)
		if (r->h->blocks[i].off <= off && off < r->h->blocks[i].end)
			return r->h->blocks[i].kind;
	return -1;
}

/* The text's invariants: valid UTF-8, no control but '\n', blocks in
 * order inside the text without overlap, spans inside blocks. */
static int
sound(const struct res *r)
{
	size_t i, prev = 0;

	if (r->rc != 0 || u8_check((const uint8_t *)r->text, r->len) != NULL)
		return 0;
	for (i = 0; i < r->len; i++)
		if (((unsigned char)r->text[i] < ' ' && r->text[i] != '\n') ||
		    r->text[i] == 0x7F)
			return 0;
	for (i = 0; i < r->h->nblocks; i++) {
		if (r->h->blocks[i].off < prev || r->h->blocks[i].end > r->len)
			return 0;
		prev = r->h->blocks[i].end;
	}
	for (i = 0; i < r->h->nspans; i++)
		if (r->h->spans[i].end > r->len ||
		    r->h->spans[i].off > r->h->spans[i].end)
			return 0;
	for (i = 0; i < r->h->ntoc; i++)
		if (r->h->toc[i].off > r->len)
			return 0;
	return 1;
}

static const char news[] =
    "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    "<title>山城新建一座跨江大桥-示例新闻网</title>"
    "<meta property=\"article:published_time\" "
    "content=\"2021-03-04T08:00:00+08:00\">"
    "<meta property=\"og:site_name\" content=\"示例新闻网\">"
    "<script>var trackerCode = 1;</script><style>.x{}</style></head>"
    "<body><div class=\"top-nav\"><ul><li><a href=\"/\">首页</a></li>"
    "<li><a href=\"/a\">国内频道</a></li><li><a href=\"/b\">国际频道"
    "</a></li><li><a href=\"/c\">体育频道</a></li></ul></div>"
    "<h1 class=\"logo\"></h1>"
    "<div class=\"h-title\">山城新建一座跨江大桥</div>"
    "<div class=\"info\">2021年03月04日 08:00 来源：本网</div>"
    "<div id=\"detail\">"
    "<p>　　本报讯，山城今天宣布，一座新的跨江大桥将于明年动工，"
    "全长三千米，设计时速八十公里。</p>"
    "<p>工程负责人介绍，大桥采用斜拉结构，主塔高二百米，"
    "建成后两岸通行时间将从一小时缩短到十分钟。</p>"
    "<p><strong>建设进度</strong></p>"
    "<p>据悉，前期勘探已经完成，施工单位正在进场，预计三年后通车，"
    "届时将极大方便市民出行。</p>"
    "<p><strong>——特约评论员</strong></p>"
    "<p><strong>点评：</strong></p>"
    "<p>专家认为，这座桥对于区域经济发展具有重要意义，"
    "可以带动沿线产业，增加就业机会。</p>"
    "</div>"
    "<div class=\"sidebar\"><h3>热门排行</h3><ul>"
    "<li><a href=\"/1\">某地举办风筝节吸引游客</a></li>"
    "<li><a href=\"/2\">新款手机发布会今日举行</a></li></ul></div>"
    "<div class=\"comment-list\"><div class=\"item\"><p>网友甲：这座桥"
    "修得好，早就该修了，期待早日通车，方便大家出行。</p></div>"
    "<div class=\"item\"><p>网友乙：希望施工期间注意安全，"
    "不要影响周边居民，保护好环境。</p></div></div>"
    "<div class=\"footer\"><p>版权所有 示例新闻网 京ICP备00000000号</p>"
    "</div><!-- a comment --><script>document.write('ad code');</script>"
    "</body></html>";

static void
test_news(void)
{
	struct res r = html(news);

	ok(sound(&r), "news: converted, sound");
	is_str(r.h->title, "山城新建一座跨江大桥",
	    "news: the headline from the div the <title> names");
	is_str(r.h->site, "示例新闻网", "news: site from og:site_name");
	is_str(r.h->language, "zh-CN", "news: language from <html lang>");
	is_int(r.h->year * 10000 + r.h->month * 100 + r.h->day, 20210304,
	    "news: date from article:published_time");
	is_int(kind_of(&r, "山城新建一座跨江大桥"), HINT_TITLE,
	    "news: the headline is the title block");
	is_int(kind_of(&r, "本报讯"), HINT_PARAGRAPH,
	    "news: article text is a paragraph");
	ok(strstr(r.text, "　　本报讯") == NULL,
	    "news: a paragraph's ideographic indentation is dropped");
	is_int(kind_of(&r, "届时将极大方便"), HINT_PARAGRAPH,
	    "news: the middle of the article is text");
	is_int(kind_of(&r, "建设进度"), HINT_HEADING,
	    "news: a bold short paragraph is a sub-heading");
	is_int(kind_of(&r, "特约评论员"), HINT_PARAGRAPH,
	    "news: a bold attribution line is not");
	is_int(kind_of(&r, "点评："), HINT_PARAGRAPH,
	    "news: a bold label ending in a colon is not");
	is_int(kind_of(&r, "国际频道"), HINT_BOILERPLATE,
	    "news: navigation is boilerplate");
	is_int(kind_of(&r, "风筝节"), HINT_BOILERPLATE,
	    "news: the sidebar is boilerplate");
	is_int(kind_of(&r, "网友甲"), HINT_BOILERPLATE,
	    "news: reader comments are boilerplate");
	is_int(kind_of(&r, "京ICP备"), HINT_BOILERPLATE,
	    "news: the footer is boilerplate");
	ok(strstr(r.text, "trackerCode") == NULL &&
	    strstr(r.text, "ad code") == NULL &&
	    strstr(r.text, "a comment") == NULL && strstr(r.text, ".x{}") ==
	    NULL, "news: scripts, styles and comments are not text");
	ok(strstr(r.text, "\n\n\n") == NULL,
	    "news: blocks are separated by one blank line");
	res_free(&r);
}

static void
test_charset(void)
{
	static const char utf8_gb[] =
	    "<html><head><meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=gb2312\"></head><body>"
	    "<p>浏览器保存的网页声明了错误的编码。</p></body></html>";
	/* "中文网页" in GBK, declared as GB2312. */
	static const char gbk[] =
	    "<html><head><meta charset=\"gb2312\"></head><body><p>"
	    "\xD6\xD0\xCE\xC4\xCD\xF8\xD2\xB3</p></body></html>";
	struct res r = html(utf8_gb);

	ok(sound(&r) && strstr(r.text, "浏览器保存的网页声明了错误的编码")
	    != NULL, "charset: UTF-8 bytes win over a GB2312 declaration");
	res_free(&r);
	r = html(gbk);
	ok(sound(&r) && strstr(r.text, "中文网页") != NULL,
	    "charset: GBK bytes declared GB2312 are decoded");
	res_free(&r);
	r = html_n(gbk, sizeof gbk - 1, "GB18030");
	ok(sound(&r) && strstr(r.text, "中文网页") != NULL,
	    "charset: the caller's charset is honoured");
	res_free(&r);
}

static void
test_br_runs(void)
{
	static const char page[] =
	    "<html><head><title>共享单车换新颜 - 某某新闻</title></head><body>"
	    "<div class=\"menu\"><a href=\"/x\">要闻</a> "
	    "<a href=\"/y\">财经</a>"
	    " <a href=\"/z\">科技</a></div>"
	    "<h1>共享单车换新颜</h1><div class=\"news_txt\">"
	    "第一段文字说明了事情的起因，市民对此议论纷纷，意见不一。<br>"
	    "<div class=\"contheight\"></div>"
	    "<strong>市场格局</strong><br><div class=\"contheight\"></div>"
	    "第二段介绍了市场的现状，几家企业占据了大部分份额，竞争激烈。<br>"
	    "<div class=\"contheight\"></div>"
	    "第三段谈到未来，业内人士认为行业将回归理性，价格趋于稳定。"
	    "</div></body></html>";
	struct res r = html(page);

	ok(sound(&r), "br runs: sound");
	is_str(r.h->title, "共享单车换新颜", "br runs: the h1 is the title");
	is_int(kind_of(&r, "市场格局"), HINT_HEADING,
	    "br runs: a bare <strong> run is a sub-heading");
	is_int(kind_of(&r, "第二段"), HINT_PARAGRAPH,
	    "br runs: text runs are paragraphs");
	ok(kind_of(&r, "第一段") >= 0 && kind_of(&r, "第一段") ==
	    kind_of(&r, "第三段") && strstr(r.text, "纷纷，意见不一。\n\n") !=
	    NULL, "br runs: <br> in a div ends the paragraph");
	is_int(kind_of(&r, "财经"), HINT_BOILERPLATE,
	    "br runs: the menu is boilerplate");
	res_free(&r);
}

static void
test_classed(void)
{
	static const char page[] =
	    "<html><head><title>古筝少女的异乡故事_百家号</title>"
	    "<meta itemprop=\"dateUpdate\" content=\"2020-01-14 17:58:59\">"
	    "</head><body><div class=\"article-title\"><h2>古筝少女的异乡故事"
	    "</h2></div><div class=\"article-source\"><span class=\"date\">"
	    "发布时间：01-1417:58</span></div><div class=\"article-content\">"
	    "<p><span class=\"bjh-p\">她从小学习古筝，十几岁就获得了全国比赛的"
	    "奖项，后来到海外求学。</span></p>"
	    "<p><span class=\"bjh-h3\">异国他乡的舞台</span></p>"
	    "<p><span class=\"bjh-p\">在国外，她组织了很多次演出，让当地人"
	    "认识了这种古老的乐器，反响热烈。</span></p>"
	    "<p><img src=\"a.jpg\" alt=\"演出现场\"></p>"
	    "<figure><img src=\"/img/b.png\"><figcaption>她在台上演奏"
	    "</figcaption></figure>"
	    "</div></body></html>";
	struct res r = html(page);

	ok(sound(&r), "classed: sound");
	is_str(r.h->title, "古筝少女的异乡故事",
	    "classed: the headline in an h2 the <title> names");
	is_int(kind_of(&r, "异国他乡的舞台"), HINT_HEADING,
	    "classed: a span classed as h3 is a sub-heading");
	is_int(r.h->year * 10000 + r.h->month * 100 + r.h->day, 20200114,
	    "classed: a visible date without a year takes it from <meta>");
	is_int(kind_of(&r, "演出现场"), HINT_FIGURE,
	    "classed: an image with alt is a figure");
	is_int(kind_of(&r, "b.png"), HINT_FIGURE,
	    "classed: an image in a figure without alt: its file name");
	is_int(kind_of(&r, "她在台上演奏"), HINT_CAPTION,
	    "classed: figcaption is the figure's caption");
	res_free(&r);
}

static int
has_span(const struct res *r, const char *s, int kind)
{
	const char *p = strstr(r->text, s);
	size_t off, i;

	if (p == NULL)
		return 0;
	off = (size_t)(p - r->text);
	for (i = 0; i < r->h->nspans; i++)
		if (r->h->spans[i].kind == kind && r->h->spans[i].off == off &&
		    r->h->spans[i].end == off + strlen(s))
			return 1;
	return 0;
}

static void
test_inline(void)
{
	static const char page[] =
	    "<body><p>长<a href=\"http://example.com/x\">沙龙</a>湖的"
	    "<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby>与"
	    "<em>强调</em></p>"
	    "<p>第一行<br>第二行</p>"
	    "<table><tr><th>名称</th><th>数量</th></tr>"
	    "<tr><td>苹果</td><td>3</td></tr><tr><td></td><td></td></tr>"
	    "</table><ul><li>一项<ul><li>子项</li></ul></li></ul>"
	    "<pre>  code\n    indented</pre></body>";
	struct res r = html(page);
	size_t i, rows = 0, cells = 0;

	ok(sound(&r), "inline: sound");
	ok(strstr(r.text, "长沙龙湖") != NULL,
	    "inline: inline elements do not break words");
	ok(has_span(&r, "沙龙", SPAN_LINK) && r.h->nlinks == 1 &&
	    strcmp(r.h->links[0].url, "http://example.com/x") == 0,
	    "inline: a link is a span with its url");
	ok(strstr(r.text, "漢字") != NULL && strstr(r.text, "かん") == NULL,
	    "inline: ruby keeps its base text, drops the reading");
	ok(has_span(&r, "强调", SPAN_EMPH), "inline: em is an emphasis span");
	ok(strstr(r.text, "第一行\n第二行") != NULL,
	    "inline: <br> in a paragraph ends a line");
	for (i = 0; i < r.h->nblocks; i++)
		rows += r.h->blocks[i].kind == HINT_TABLE_ROW;
	for (i = 0; i < r.h->nspans; i++)
		cells += r.h->spans[i].kind == SPAN_CELL;
	is_int(rows, 2, "inline: a table row per non-empty row");
	is_int(cells, 4, "inline: a cell span per cell");
	ok(strstr(r.text, "苹果 | 3") != NULL, "inline: cells separated");
	is_int(kind_of(&r, "子项"), HINT_LIST_ITEM, "inline: list items");
	ok(strstr(r.text, "  code\n    indented") != NULL &&
	    kind_of(&r, "indented") == HINT_CODE,
	    "inline: pre keeps its spaces and lines");
	res_free(&r);
}

static void
test_site_title(void)
{
	static const char page[] =
	    "<html><head><title>湖边的候鸟越来越多了 - 某某晚报</title></head>"
	    "<body><div class=\"site-title\">某某晚报</div>"
	    "<div class=\"hd\"><span>湖边的候鸟越来越多了</span></div>"
	    "<div class=\"text\"><p>今年冬天，湖边的候鸟比往年多了不少，"
	    "观鸟爱好者纷纷前来拍照，场面热闹。</p><p>保护站的工作人员说，"
	    "这和近年来湿地环境的改善有关，鸟类的食物更加充足。</p></div>"
	    "</body></html>";
	struct res r = html(page);

	ok(sound(&r), "site title: sound");
	is_str(r.h->title, "湖边的候鸟越来越多了",
	    "site title: not the element holding the site's name");
	is_str(r.h->site, "某某晚报", "site title: the site from <title>");
	ok(r.h->nblocks > 0 && r.h->blocks[0].kind == HINT_TITLE,
	    "site title: a title block from <title> opens the text");
	res_free(&r);
}

static void
test_layout_table(void)
{
	static const char page[] =
	    "<html><head><title>旧式网页的文章标题 - 旧站</title></head><body>"
	    "<table><tr><td class=\"nav\"><a href=\"/\">首页</a> "
	    "<a href=\"/n\">新闻</a></td></tr><tr><td class=\"title\">"
	    "旧式网页的文章标题</td></tr><tr><td>"
	    "这是一个用表格排版的旧网页，正文直接写在单元格里，没有段落标签，"
	    "只用换行分隔。<br><br>第二段同样写在这个单元格里，内容很长，"
	    "用来说明排版表格不是数据表格，读者应当看到正常的段落。<br><br>"
	    "第三段结束了这篇文章，感谢阅读，欢迎提出意见和建议。"
	    "</td></tr></table></body></html>";
	struct res r = html(page);

	ok(sound(&r), "layout table: sound");
	is_str(r.h->title, "旧式网页的文章标题", "layout table: title");
	is_int(kind_of(&r, "第二段"), HINT_PARAGRAPH,
	    "layout table: a long cell's text runs are paragraphs");
	ok(strstr(r.text, " | ") == NULL,
	    "layout table: no cell separators in layout");
	res_free(&r);
}

static void
test_hostile_html(void)
{
	static const char ctl[] =
	    "<p>a\x1b[31mred&#27;[0m &#x9b;x &bogus; &#1; b\x07 c\x7f</p>"
	    "<p><b>unclosed <i>tags <div>inside</p></b>";
	struct res r = html_n(ctl, sizeof ctl - 1, NULL);
	struct sbuf b = SBUF_INIT;
	size_t i;

	ok(sound(&r), "hostile: controls and escapes never reach the text");
	ok(strstr(r.text, "&bogus;") != NULL || strstr(r.text, "bogus") !=
	    NULL, "hostile: an unknown entity stays as text");
	ok(strstr(r.text, "inside") != NULL, "hostile: malformed markup read");
	res_free(&r);
	sbuf_adds(&b, "<title>deep</title>");
	for (i = 0; i < 100000; i++)
		sbuf_adds(&b, "<div>");
	sbuf_adds(&b, "deepest text");
	for (i = 0; i < 100000; i++)
		sbuf_adds(&b, "</div>");
	r = html_n(b.s, b.len, NULL);
	ok(sound(&r) && strstr(r.text, "deepest text") != NULL,
	    "hostile: 100,000 nested divs");
	res_free(&r);
	sbuf_reset(&b);
	for (i = 0; i < 50000; i++)
		sbuf_adds(&b, "<h1 class=\"title\"><b><a href=\"#\">");
	sbuf_adds(&b, "nested headline");
	r = html_n(b.s, b.len, NULL);
	ok(sound(&r) && strstr(r.text, "nested headline") != NULL,
	    "hostile: 50,000 nested headline candidates");
	res_free(&r);
	sbuf_reset(&b);
	sbuf_adds(&b, "<p>");
	for (i = 0; i < 1500000; i++)
		sbuf_adds(&b, "长文本，");
	sbuf_adds(&b, "</p>");
	r = html_n(b.s, b.len, NULL);
	ok(sound(&r) && r.len == 1500000 * 12,
	    "hostile: an 18 MB paragraph whole");
	res_free(&r);
	sbuf_free(&b);
	r = html_n("", 0, NULL);
	ok(r.rc == 0 && r.len == 0 && sound(&r), "hostile: empty input");
	res_free(&r);
	r = html_n("\0\0\xff\xfe<p>x", 8, NULL);
	ok(r.rc == 0 && sound(&r), "hostile: NUL and invalid bytes");
	res_free(&r);
}

/* Zips files (name, content pairs, NULL-terminated) into a new buffer;
 * a content of NULL is 2 MiB of zeros. */
static char *
zip_mem(const char *const *files, size_t *n)
{
	char path[] = "/tmp/test-convert-XXXXXX";
	int fd = mkstemp(path), err;
	zip_t *z;
	zip_source_t *s;
	char *buf;
	FILE *fp;
	long len;
	size_t i;
	static char *zeros;

	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, &err);
	for (i = 0; files[i] != NULL; i += 2) {
		if (files[i + 1] == NULL) {
			if (zeros == NULL)
				zeros = xcalloc(1, (size_t)2 << 20);
			s = zip_source_buffer(z, zeros, (size_t)2 << 20, 0);
		} else {
			s = zip_source_buffer(z, files[i + 1],
			    strlen(files[i + 1]), 0);
		}
		zip_file_add(z, files[i], s, ZIP_FL_ENC_UTF_8);
	}
	zip_close(z);
	fp = fopen(path, "rb");
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)len + 1);
	*n = fread(buf, 1, (size_t)len, fp);
	fclose(fp);
	unlink(path);
	return buf;
}

static struct res
epub(const char *const *files)
{
	struct res r;
	size_t n;
	char *bytes = zip_mem(files, &n);

	memset(&r, 0, sizeof r);
	r.rc = convert_epub(bytes, n, "book.epub", &r.text, &r.len, &r.h,
	    &r.err);
	free(bytes);
	return r;
}

static const char container[] =
    "<?xml version=\"1.0\"?><container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
    "<rootfiles><rootfile full-path=\"OPS/pkg.opf\" "
    "media-type=\"application/oebps-package+xml\"/></rootfiles>"
    "</container>";

static const char opf3[] =
    "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\""
    " version=\"3.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:title>The Lighthouse Keeper</dc:title><dc:title>A Subtitle"
    "</dc:title><dc:creator>Ann Author</dc:creator><dc:creator>Bob Second"
    "</dc:creator><dc:language>en</dc:language></metadata><manifest>"
    "<item id=\"cover\" href=\"cover.xhtml\" "
    "media-type=\"application/xhtml+xml\"/>"
    "<item id=\"c2\" href=\"text/ch2.xhtml\" "
    "media-type=\"application/xhtml+xml\"/>"
    "<item id=\"c1\" href=\"text/ch1.xhtml\" "
    "media-type=\"application/xhtml+xml\"/>"
    "<item id=\"nav\" href=\"nav.xhtml\" properties=\"nav\" "
    "media-type=\"application/xhtml+xml\"/></manifest>"
    "<spine><itemref idref=\"cover\" linear=\"no\"/><itemref idref=\"c1\"/>"
    "<itemref idref=\"c2\"/><itemref idref=\"nav\" linear=\"no\"/></spine>"
    "</package>";

static const char nav3[] =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" "
    "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>Contents"
    "</title></head><body><nav epub:type=\"toc\"><h1>Contents</h1><ol>"
    "<li><span>Part One</span><ol>"
    "<li><a href=\"text/ch1.xhtml\">Chapter 1. The Rock</a><ol hidden=\"\">"
    "<li><a href=\"text/ch1.xhtml#s2\">Hidden section</a></li></ol></li>"
    "<li><a href=\"text/ch1.xhtml#s2\">A Section</a></li>"
    "<li><a href=\"text/ch2.xhtml#top\">Chapter 2. The Storm</a></li>"
    "</ol></li></ol></nav><nav epub:type=\"landmarks\"><ol><li>"
    "<a href=\"cover.xhtml\">Cover</a></li></ol></nav></body></html>";

static const char ch1[] =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<head><title>Head only title</title><style>p{}</style></head><body>"
    "<h2>Chapter 1. The Rock</h2><p>The keeper climbed the stairs every "
    "evening.</p><h3 id=\"s2\">A Section</h3><p>The lamp was lit &amp; "
    "the <ruby>sea<rt>umi</rt></ruby> was calm.</p>"
    "<script>var hiddenScript = 1;</script></body></html>";

static const char ch2[] =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<head><title>c2</title></head><body><p>Before the anchor.</p>"
    "<div id=\"top\"><h2>Chapter 2. The Storm</h2>"
    "<p>Waves broke over the rock&nbsp;all night.</p></div></body></html>";

static const char cover[] =
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<body><img src=\"c.jpg\" alt=\"Cover art\"/></body></html>";

/* Where toc entry i points, as text. */
static const char *
toc_at(const struct res *r, size_t i)
{
	return i < r->h->ntoc ? r->text + r->h->toc[i].off : "";
}

static void
test_epub3(void)
{
	const char *const files[] = {
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", container, "OPS/pkg.opf", opf3,
		"OPS/nav.xhtml", nav3, "OPS/text/ch1.xhtml", ch1,
		"OPS/text/ch2.xhtml", ch2, "OPS/cover.xhtml", cover, NULL
	};
	struct res r = epub(files);

	ok(sound(&r), "epub3: converted, sound (%s)", r.err ? r.err : "");
	if (r.rc != 0)
		return;
	is_str(r.h->title, "The Lighthouse Keeper", "epub3: first dc:title");
	is_str(r.h->creator, "Ann Author", "epub3: first dc:creator");
	is_str(r.h->language, "en", "epub3: dc:language");
	ok(strstr(r.text, "The keeper climbed") != NULL &&
	    strstr(r.text, "The keeper climbed") < strstr(r.text,
	    "Waves broke"), "epub3: the spine in reading order");
	ok(strstr(r.text, "Cover art") == NULL &&
	    strstr(r.text, "Contents") == NULL,
	    "epub3: non-linear cover and nav are left out");
	ok(strstr(r.text, "Head only title") == NULL &&
	    strstr(r.text, "hiddenScript") == NULL &&
	    strstr(r.text, "umi") == NULL && strstr(r.text, "p{}") == NULL,
	    "epub3: head, script, style and rt are not text");
	ok(strstr(r.text, "lit & the sea was calm") != NULL &&
	    strstr(r.text, "rock all night") != NULL,
	    "epub3: entities decoded (&nbsp; through the HTML parser)");
	is_int(r.h->ntoc, 4, "epub3: four visible toc entries");
	if (r.h->ntoc == 4) {
		is_str(r.h->toc[0].text, "Part One",
		    "epub3: a label without a link is an entry");
		is_int(r.h->toc[0].level, 1, "epub3: level 1");
		is_int(r.h->toc[1].level, 2, "epub3: nested ol is level 2");
		ok(strncmp(toc_at(&r, 0), "Chapter 1", 9) == 0,
		    "epub3: a label points at the next entry's target");
		ok(strncmp(toc_at(&r, 1), "Chapter 1. The Rock", 19) == 0,
		    "epub3: a file's entry points at its start");
		ok(strncmp(toc_at(&r, 2), "A Section", 9) == 0,
		    "epub3: a fragment's entry points at its id");
		ok(strncmp(toc_at(&r, 3), "Chapter 2. The Storm", 20) == 0,
		    "epub3: an id on a div points at its first text");
		is_str(r.h->toc[3].text, "Chapter 2. The Storm",
		    "epub3: landmarks are not the toc");
	}
	is_int(kind_of(&r, "A Section"), HINT_HEADING,
	    "epub3: headings kept");
	res_free(&r);
}

static const char opf2[] =
    "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\""
    " version=\"2.0\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<dc:title>Old Book</dc:title></metadata><manifest>"
    "<item id=\"ncx\" href=\"toc.ncx\" "
    "media-type=\"application/x-dtbncx+xml\"/>"
    "<item id=\"a\" href=\"a%20b.html\" media-type=\"application/xhtml+xml\"/>"
    "</manifest><spine toc=\"ncx\"><itemref idref=\"a\"/></spine></package>";

static const char ncx[] =
    "<?xml version=\"1.0\"?>"
    "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\">"
    "<navMap><navPoint id=\"p1\"><navLabel><text>First</text></navLabel>"
    "<content src=\"a%20b.html\"/><navPoint id=\"p2\"><navLabel><text>"
    "Inner</text></navLabel><content src=\"a%20b.html#in\"/></navPoint>"
    "</navPoint></navMap></ncx>";

static const char doc2[] =
    "<html><body><h1>First</h1><p>Some text<br/>on two lines.</p>"
    "<p>Inner <a name=\"in\"></a>text.</p></body></html>";

static void
test_epub2(void)
{
	const char *const files[] = {
		"mimetype", "application/epub+zip",
		"META-INF/container.xml", container, "OPS/pkg.opf", opf2,
		"OPS/toc.ncx", ncx, "OPS/a b.html", doc2, NULL
	};
	struct res r = epub(files);

	ok(sound(&r), "epub2: converted, sound (%s)", r.err ? r.err : "");
	if (r.rc != 0)
		return;
	is_str(r.h->title, "Old Book", "epub2: title");
	is_int(r.h->ntoc, 2, "epub2: toc from toc.ncx");
	if (r.h->ntoc == 2) {
		is_int(r.h->toc[1].level, 2, "epub2: nested navPoint level");
		ok(strncmp(toc_at(&r, 1), "Inner text.", 11) == 0,
		    "epub2: percent-encoded href and fragment resolved; "
		    "an <a name> inside a paragraph is its start");
	}
	ok(strstr(r.text, "Some text\non two lines.") != NULL,
	    "epub2: <br/> ends a line");
	res_free(&r);
}

static void
test_hostile_epub(void)
{
	const char *const bomb[] = {
		"META-INF/container.xml", container, "OPS/pkg.opf", opf2,
		"OPS/a b.html", NULL, NULL
	};
	const char *const drm[] = {
		"META-INF/container.xml", container, "OPS/pkg.opf", opf2,
		"META-INF/encryption.xml",
		"<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:"
		"container\" xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">"
		"<enc:EncryptedData><enc:EncryptionMethod Algorithm=\"http://"
		"www.w3.org/2001/04/xmlenc#aes128-cbc\"/><enc:CipherData>"
		"<enc:CipherReference URI=\"OPS/a%20b.html\"/></enc:CipherData>"
		"</enc:EncryptedData></encryption>",
		"OPS/a b.html", doc2, NULL
	};
	const char *const fonts[] = {
		"META-INF/container.xml", container, "OPS/pkg.opf", opf2,
		"META-INF/encryption.xml",
		"<encryption xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">"
		"<enc:EncryptedData><enc:EncryptionMethod Algorithm=\"http://"
		"www.idpf.org/2008/embedding\"/></enc:EncryptedData>"
		"</encryption>", "OPS/a b.html", doc2, NULL
	};
	const char *const rights[] = {
		"META-INF/container.xml", container, "META-INF/rights.xml",
		"<rights/>", NULL
	};
	const char *const empty[] = { "mimetype", "application/epub+zip",
		NULL };
	struct res r;
	char *good, *cut;
	size_t n;
	const char *const files[] = {
		"META-INF/container.xml", container, "OPS/pkg.opf", opf2,
		"OPS/toc.ncx", ncx, "OPS/a b.html", doc2, NULL
	};

	r = epub(bomb);
	ok(r.rc == -1 && r.err != NULL && strstr(r.err, "bomb") != NULL,
	    "hostile epub: a zip bomb is refused (%s)", r.err ? r.err : "");
	res_free(&r);
	r = epub(drm);
	ok(r.rc == -1 && r.err != NULL && strstr(r.err, "DRM") != NULL,
	    "hostile epub: encrypted content is DRM (%s)", r.err ? r.err :
	    "");
	res_free(&r);
	r = epub(fonts);
	ok(r.rc == 0 && sound(&r), "hostile epub: font obfuscation is not");
	res_free(&r);
	r = epub(rights);
	ok(r.rc == -1 && r.err != NULL && strstr(r.err, "DRM") != NULL,
	    "hostile epub: rights.xml is DRM");
	res_free(&r);
	r = epub(empty);
	ok(r.rc == -1 && r.err != NULL && strstr(r.err, "container") != NULL,
	    "hostile epub: no container is an error");
	res_free(&r);
	memset(&r, 0, sizeof r);
	r.rc = convert_epub("PK\3\4garbage", 11, NULL, &r.text, &r.len, &r.h,
	    &r.err);
	ok(r.rc == -1 && r.err != NULL && strstr(r.err, "zip") != NULL,
	    "hostile epub: not a zip (%s)", r.err ? r.err : "");
	res_free(&r);
	good = zip_mem(files, &n);
	cut = xmalloc(n);
	memcpy(cut, good, n);
	/* The central directory intact, a member's data overwritten. */
	memset(cut + 40, 'x', n / 3);
	memset(&r, 0, sizeof r);
	r.rc = convert_epub(cut, n, NULL, &r.text, &r.len, &r.h, &r.err);
	ok((r.rc == -1 && r.err != NULL) || (r.rc == 0 && sound(&r)),
	    "hostile epub: corrupt member data");
	res_free(&r);
	memset(&r, 0, sizeof r);
	r.rc = convert_epub(good, n / 2, NULL, &r.text, &r.len, &r.h, &r.err);
	ok(r.rc == -1 && r.err != NULL, "hostile epub: truncated zip");
	res_free(&r);
	free(good);
	free(cut);
}

int
main(void)
{
	test_news();
	test_charset();
	test_br_runs();
	test_classed();
	test_inline();
	test_layout_table();
	test_site_title();
	test_hostile_html();
	test_epub3();
	test_epub2();
	test_hostile_epub();
	return done_testing();
}
