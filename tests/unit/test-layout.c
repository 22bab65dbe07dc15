/*
 * test-layout.c - the layout engine: exact cases, then the invariants on
 * the samples and fixtures at every width from 1 to 400, then thousands of
 * random texts from a mixed alphabet at random widths.
 *
 * Most tests build the document model by hand (blocks split at blank
 * lines, with the kinds the test asks for), so that they test the layout
 * and not the structure heuristics; the samples go through doc_new().
 * JUAN_SEED sets the random seed (default: the time, printed).
 */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/layout.h"
#include "juan/util.h"
#include "tap.h"

/* A hand-made document: the buffer and blocks split at blank lines. */
struct tdoc {
	struct buffer *buf;
	struct doc doc;
};

static struct tdoc *
tdoc_new(const char *text, size_t n, const enum block_kind *kinds,
    size_t nkinds)
{
	struct tdoc *t = xcalloc(1, sizeof *t);
	const struct buffer *b;
	size_t i, start, end, cap = 0;
	char *err = NULL;

	t->buf = buffer_from_mem(text, n, "UTF-8", &err);
	b = t->buf;
	t->doc.buf = b;
	t->doc.title_block = -1;
	for (i = 0; i < b->nlines; i++) {
		start = buffer_line_start(b, i);
		end = buffer_line_end(b, i + 1);
		if (end == start)
			continue;
		if (t->doc.nblocks > 0 &&
		    t->doc.blocks[t->doc.nblocks - 1].end + 1 == start) {
			t->doc.blocks[t->doc.nblocks - 1].end = end;
			continue;
		}
		if (t->doc.nblocks == cap) {
			cap = cap ? cap * 2 : 16;
			t->doc.blocks = xreallocarray(t->doc.blocks, cap,
			    sizeof *t->doc.blocks);
		}
		memset(&t->doc.blocks[t->doc.nblocks], 0,
		    sizeof *t->doc.blocks);
		t->doc.blocks[t->doc.nblocks].off = start;
		t->doc.blocks[t->doc.nblocks].end = end;
		if (t->doc.nblocks < nkinds)
			t->doc.blocks[t->doc.nblocks].kind =
			    kinds[t->doc.nblocks];
		t->doc.nblocks++;
	}
	return t;
}

static void
tdoc_free(struct tdoc *t)
{
	free(t->doc.blocks);
	buffer_free(t->buf);
	free(t);
}

/* The display lines of a layout as "text|text|..." (cells shown). */
static char *
show(struct layout *l, const struct doc *d)
{
	struct sbuf sb = SBUF_INIT;
	const struct lcell *c;
	struct dline dl, nx;
	size_t i, n;
	int more = layout_first(l, &dl) == 0;

	while (more) {
		n = layout_cells(l, &dl, &c);
		for (i = 0; i < n; i++) {
			if (c[i].repl[0] != '\0')
				sbuf_adds(&sb, c[i].repl);
			else
				sbuf_add(&sb, d->buf->data + c[i].off,
				    c[i].len);
		}
		more = layout_next(l, &dl, &nx) == 0;
		if (more)
			sbuf_addc(&sb, '|');
		dl = nx;
	}
	return sbuf_take(&sb);
}

static char *
wrap(const char *text, int width, int ambi)
{
	struct tdoc *t = tdoc_new(text, strlen(text), NULL, 0);
	struct layout_opts o = { width, ambi, 0, NULL };
	struct layout *l = layout_new(&t->doc, &o);
	char *s = show(l, &t->doc);

	layout_free(l);
	tdoc_free(t);
	return s;
}

#define WRAP(text, w, want) do {					\
	char *g = wrap(text, w, 1);					\
	is_str(g, want, "%s at %d", #text, w);				\
	free(g);							\
} while (0)

static void
test_cases(void)
{
	/* Kinsoku: the comma stays with the character before it. */
	WRAP("汉字，汉字", 4, "汉|字，|汉字");
	WRAP("汉字。」汉字", 6, "汉|字。」|汉字");
	WRAP("汉字（注）", 6, "汉字|（注）");
	WRAP("他说「好」。", 8, "他说|「好」。");
	/* Latin words break at spaces, which are dropped, and hyphens. */
	WRAP("hello world foo", 11, "hello world|foo");
	WRAP("hello world foo", 5, "hello|world|foo");
	WRAP("well-known fact", 6, "well-|known|fact");
	WRAP("a    b", 2, "a|b");
	/* A token wider than the line is split by cluster. */
	WRAP("abcdefgh", 3, "abc|def|gh");
	WRAP("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
	/* A forced split does not start a line with closing punctuation. */
	WRAP("abcd),", 4, "abc|d),");
	/* A wide character never straddles the edge. */
	WRAP("a汉字", 2, "a|汉|字");
	WRAP("汉字", 3, "汉|字");
	/* Width 1: a wide character is shown alone as '>'. */
	WRAP("a汉b", 1, "a|>|b");
	WRAP("汉 b", 1, ">|b");
	/* Tabs to the next multiple of 8, cut by the margin. */
	WRAP("a\tb", 80, "a       b");
	WRAP("a\tb", 4, "a   |b");
	WRAP("\t\tx", 10, "          |x");
	/* Controls are shown, never passed through. */
	WRAP("a\x1b[31mb", 80, "a^[[31mb");
	WRAP("a\xe2\x80\xae" "b", 80, "a<U+202E>b");
	WRAP("\xc2\x9b", 80, "<U+009B>");
	WRAP("\x7f\x01", 80, "^?^A");
	WRAP("ab\xe2\x80\xae", 5, "ab|<U+2>");
	/* After a line separator or NEL a break is possible, not forced. */
	WRAP("ab\xe2\x80\xa8" "cd ef", 11, "ab<U+2028>|cd ef");
	WRAP("ab \xc2\x85 next", 14, "ab <U+0085>|next");
	/* Emoji sequences are one cluster of two columns. */
	WRAP("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "ab", 3,
	    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb|ab");
	WRAP("\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3\xf0\x9f\x87\xaf\xf0\x9f\x87"
	    "\xb5", 2, "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3|\xf0\x9f\x87\xaf"
	    "\xf0\x9f\x87\xb5");
	/* Blank lines are kept; source lines inside a block are kept. */
	WRAP("a\n\n\nb", 80, "a|||b");
	WRAP("ab\ncd", 80, "ab|cd");
	WRAP("ab  \ncd", 80, "ab|cd");
	/* Full-width indentation is kept. */
	WRAP("\xe3\x80\x80\xe3\x80\x80汉字汉字", 6,
	    "\xe3\x80\x80\xe3\x80\x80汉|字汉字");

	is_int(layout_str_width("\xe2\x80\x9c" "a\xe2\x80\x9d", 7, 1), 3,
	    "ambiguous quotes narrow");
	is_int(layout_str_width("\xe2\x80\x9c" "a\xe2\x80\x9d", 7, 2), 5,
	    "ambiguous quotes wide");
	is_int(layout_str_width("\xe2\x9d\xa4\xef\xb8\x8f", 6, 1), 2,
	    "VS16 makes an emoji two columns");
	is_int(layout_str_width("e\xcc\x81", 3, 1), 1, "combining mark");
	is_int(layout_str_width("a\tb\x1b", 4, 1), 5, "tab as one, ^[");
	is_int(layout_str_width("汉ＡＢ", 9, 1), 6, "wide and fullwidth");
	{
		char *g = wrap("\xe2\x80\x9c汉字\xe2\x80\x9d", 5, 2);

		is_str(g, "\xe2\x80\x9c汉|字\xe2\x80\x9d",
		    "ambiwidth 2 quotes take two columns");
		free(g);
	}
}

static void
test_kinds(void)
{
	static const char text[] = "Top\n\n"
	    "crumbs > here\n\n"
	    "body text\n\n"
	    "images/2023/\xe5\x9b\xbe\xe7\x89\x87_20231012.jpg\n\n"
	    "a caption\n\n"
	    "footer";
	static const enum block_kind k[] = { BLOCK_TITLE, BLOCK_BOILERPLATE,
	    BLOCK_PARAGRAPH, BLOCK_FIGURE, BLOCK_CAPTION, BLOCK_BOILERPLATE };
	struct tdoc *t = tdoc_new(text, sizeof text - 1, k, 6);
	struct layout_opts o = { 40, 1, 0, NULL };
	struct layout *l = layout_new(&t->doc, &o);
	struct dline dl, pv;
	char *s;

	is_int(t->doc.nblocks, 6, "six blocks");
	s = show(l, &t->doc);
	is_str(s, "Top||body text||[\xe5\x9b\xbe] \xe5\x9b\xbe\xe7\x89\x87_"
	    "20231012.jpg||a caption", "boilerplate hidden, figure shown");
	free(s);
	o.width = 12;
	layout_set_opts(l, &o);
	s = show(l, &t->doc);
	is_str(s, "Top||body text||[\xe5\x9b\xbe] \xe5\x9b\xbe\xe7\x89\x87_"
	    "2\xe2\x80\xa6||a caption", "figure name cut with an ellipsis");
	free(s);
	ok(layout_first(l, &dl) == 0 && dl.kind == DLINE_TITLE, "title");
	ok(layout_line_at(l, t->doc.blocks[1].off + 3, &dl) == 0 &&
	    dl.kind == DLINE_BLANK && dl.next == t->doc.blocks[2].off,
	    "hidden offset shows the next shown line");
	ok(layout_line_at(l, t->doc.blocks[5].off, &dl) == 0 &&
	    dl.kind == DLINE_CAPTION, "hidden tail shows the line before");
	ok(layout_line_at(l, t->doc.blocks[3].off + 5, &dl) == 0 &&
	    dl.kind == DLINE_FIGURE && dl.off == t->doc.blocks[3].off &&
	    dl.width == 12, "figure line");
	ok(layout_line_at(l, t->doc.blocks[2].off, &dl) == 0 &&
	    layout_prev(l, &dl, &pv) == 0 && pv.kind == DLINE_BLANK &&
	    layout_prev(l, &pv, &dl) == 0 && dl.kind == DLINE_TITLE,
	    "prev skips the hidden block and its blank line");
	o.show_boilerplate = 1;
	layout_set_opts(l, &o);
	s = show(l, &t->doc);
	is_str(s, "Top||crumbs >|here||body text||[\xe5\x9b\xbe] \xe5\x9b"
	    "\xbe\xe7\x89\x87_2\xe2\x80\xa6||a caption||footer",
	    "boilerplate shown when asked");
	free(s);
	ok(layout_line_at(l, t->doc.blocks[2].off + 6, &dl) == 0,
	    "line_at body");
	is_int(layout_col_of(l, &dl, t->doc.blocks[2].off + 6), 6,
	    "col_of");
	is_int(layout_off_at(l, &dl, 6), t->doc.blocks[2].off + 6,
	    "off_at is the reverse of col_of");
	is_int(layout_off_at(l, &dl, 99), dl.end, "off_at past the end");
	o.width = 1;
	layout_set_opts(l, &o);
	ok(layout_line_at(l, t->doc.blocks[3].off, &dl) == 0 &&
	    dl.width == 1, "figure at width 1");
	layout_free(l);
	tdoc_free(t);

	/* A Markdown image shows the last part of its target. */
	{
		static const char t3[] = "![a photo](img/2023/pic_01.png)";
		static const enum block_kind k3[] = { BLOCK_FIGURE };

		t = tdoc_new(t3, sizeof t3 - 1, k3, 1);
		o.width = 40;
		l = layout_new(&t->doc, &o);
		s = show(l, &t->doc);
		is_str(s, "[\xe5\x9b\xbe] pic_01.png", "Markdown figure");
		free(s);
		o.width = 3;
		layout_set_opts(l, &o);
		s = show(l, &t->doc);
		is_str(s, "[\xe2\x80\xa6", "figure at width 3");
		free(s);
		layout_free(l);
		tdoc_free(t);
	}

	/* Hidden first blocks leave no blank line at the top. */
	{
		static const char t2[] = "\n\ncrumbs\n\nTitle\n\nfoot\n\n";
		static const enum block_kind k2[] = { BLOCK_BOILERPLATE,
		    BLOCK_TITLE, BLOCK_BOILERPLATE };

		t = tdoc_new(t2, sizeof t2 - 1, k2, 3);
		o.width = 40;
		o.show_boilerplate = 0;
		l = layout_new(&t->doc, &o);
		s = show(l, &t->doc);
		is_str(s, "Title", "no blank lines around hidden blocks");
		free(s);
		o.show_boilerplate = 1;
		layout_set_opts(l, &o);
		s = show(l, &t->doc);
		is_str(s, "||crumbs||Title||foot|", "all blank lines shown");
		free(s);
		layout_free(l);
		tdoc_free(t);
	}
}

/* ---- invariants ---- */

/*
 * Characters that must not start a line (closing punctuation, and the
 * Japanese small marks of JIS X 4051) and that must not end one.
 */
static const uint32_t closing_t[] = { 0x3002, 0xff0c, 0x3001, 0xff1b,
	0xff1a, 0xff01, 0xff1f, 0xff09, 0x300d, 0x300f, 0x3011, 0x300b,
	0x3009, 0x3015, 0x3017, 0x3019, 0x301b, 0xff3d, 0xff5d, 0x201d,
	0x2019, 0x2026, 0x2025, 0x30fb, 0x30fc, 0x3005, 0x301e, 0x301f,
	0xff0e, 0xff60, 0xff61, 0xff63, 0xff64, ',', '.', ';', ':', '!', '?',
	')', ']', '}', 0 };
static const uint32_t opening_t[] = { 0xff08, 0x300c, 0x300e, 0x3010,
	0x300a, 0x3008, 0x3014, 0x3016, 0x3018, 0x301a, 0xff3b, 0xff5b,
	0x201c, 0x2018, 0x301d, 0xff5f, 0xff62, '(', '[', '{', 0 };

static int
in(const uint32_t *set, uint32_t c)
{
	for (; *set; set++)
		if (*set == c)
			return 1;
	return 0;
}

static uint32_t
first_char(const char *s, size_t n)
{
	uint32_t c = 0;

	if (n > 0)
		util_u8_next(s, n, &c);
	return c;
}

static uint32_t
last_char(const char *s, size_t n)
{
	size_t i = n;

	if (n == 0)
		return 0;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	return first_char(s + (i > 0 ? i - 1 : 0), n - (i > 0 ? i - 1 : 0));
}

static int failures;	/* invariant failures reported so far */

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		if (failures++ < 20) {					\
			printf("# invariant: ");			\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
		return 1;						\
	}								\
} while (0)

/* Checks the cells of one line: widths, coverage, no control bytes. */
static int
check_cells(struct layout *l, const struct doc *d, const struct dline *dl,
    int width)
{
	const char *s = d->buf->data;
	const struct lcell *c;
	size_t n = layout_cells(l, dl, &c), i, j, at = dl->off;
	int sum = 0, k;
	uint32_t ch;
	char rep[12];

	CHECK(dl->width <= width, "line at %zu is %d wide > %d", dl->off,
	    dl->width, width);
	for (i = 0; i < n; i++) {
		sum += c[i].width;
		if (dl->kind == DLINE_FIGURE)
			continue;
		CHECK(c[i].off == at, "cell at %zu, want %zu", c[i].off, at);
		at += c[i].len;
		if (c[i].repl[0] != '\0') {
			CHECK(!dl->plain, "plain line at %zu has a repl",
			    dl->off);
			for (j = 0; c[i].repl[j]; j++)
				CHECK((unsigned char)c[i].repl[j] >= 0x20 &&
				    c[i].repl[j] != 0x7f, "repl ctl");
			continue;
		}
		for (j = c[i].off; j < c[i].off + c[i].len; j += (size_t)k) {
			k = util_u8_next(s + j, c[i].off + c[i].len - j, &ch);
			CHECK(ch != '\t' && ch != '\n' &&
			    util_ctl_repr(ch, rep) == 0,
			    "control U+%04X shown raw at %zu", (unsigned)ch, j);
		}
	}
	CHECK(sum == dl->width, "cells sum %d, line width %d at %zu", sum,
	    dl->width, dl->off);
	/* The round trip costs cells squared: narrow lines only. */
	for (i = 0, sum = 0; i < n && dl->kind != DLINE_FIGURE &&
	    width <= 16; i++) {
		CHECK(layout_col_of(l, dl, c[i].off) == sum &&
		    (c[i].width == 0 || layout_off_at(l, dl, sum +
		    c[i].width - 1) == c[i].off), "col_of/off_at at %zu",
		    c[i].off);
		n = layout_cells(l, dl, &c);
		sum += c[i].width;
	}
	if (dl->kind != DLINE_FIGURE)
		CHECK(at == dl->end, "cells end at %zu, line at %zu", at,
		    dl->end);
	return 0;
}

/*
 * Tells whether a break at r, in the line [p, ...) with its spaces
 * before r dropped, would have been acceptable to a careful typesetter:
 * UAX #14 allows it, something is left on the line, and no closing
 * punctuation starts the next line nor opening punctuation ends this one.
 */
static int
good_break(const char *s, size_t p, size_t r, const char *brk, size_t bs)
{
	size_t e = r;

	if (brk[r - bs] != UC_BREAK_POSSIBLE &&
	    brk[r - bs] != UC_BREAK_HYPHENATION)
		return 0;
	while (e > p && s[e - 1] == ' ')
		e--;
	if (e == p)
		return 0;
	return !in(opening_t, last_char(s + p, e - p)) &&
	    !in(closing_t, first_char(s + r, 4));
}

/*
 * The three invariants and the cluster rule for every block of d at the
 * given options.  Returns 0 when all hold.
 */
static int
check_doc(const struct doc *d, int width, int ambi, size_t piece, int kins)
{
	const struct buffer *b = d->buf;
	const char *s = b->data;
	struct layout_opts o = { width, ambi, 1, NULL };
	struct layout *l = layout_new(d, &o);
	struct dline *v = NULL, dl, nx;
	size_t nv = 0, cap = 0, i, j, bi, blen, want, r;
	char *gb = NULL, *lb = NULL;
	int more, bad = 0;

	if (piece)
		layout_set_piece(l, piece);
	more = layout_first(l, &dl) == 0;
	while (more) {
		if (nv == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[nv++] = dl;
		if (check_cells(l, d, &dl, width)) {
			bad = 1;
			goto out;
		}
		if (nv > b->len * 4 + 16) {
			bad = 1;
			printf("# runaway layout\n");
			goto out;
		}
		more = layout_next(l, &dl, &nx) == 0;
		if (more && nx.off != dl.next && dl.kind != DLINE_FIGURE) {
			printf("# next %zu, line says %zu\n", nx.off, dl.next);
			bad = 1;
			goto out;
		}
		dl = nx;
	}
	/* Back from the end gives the same lines. */
	for (i = nv; i-- > 1;) {
		if (layout_prev(l, &v[i], &dl) != 0 || dl.off != v[i - 1].off ||
		    dl.end != v[i - 1].end || dl.next != v[i - 1].next) {
			printf("# prev of %zu is %zu, want %zu\n", v[i].off,
			    dl.off, v[i - 1].off);
			bad = 1;
			goto out;
		}
	}
	/* Every line of every block, block by block. */
	for (i = 0, bi = 0; bi < d->nblocks; bi++) {
		const struct block *bk = &d->blocks[bi];

		while (i < nv && v[i].block != bi)
			i++;
		if (i == nv) {
			printf("# block %zu not shown\n", bi);
			bad = 1;
			goto out;
		}
		if (bk->kind == BLOCK_FIGURE)
			continue;
		blen = bk->end - bk->off;
		gb = xrealloc(gb, blen + 1);
		lb = xrealloc(lb, blen + 1);
		u8_grapheme_breaks((const uint8_t *)s + bk->off, blen, gb);
		u8_possible_linebreaks((const uint8_t *)s + bk->off, blen,
		    "UTF-8", lb);
		gb[blen] = 1;
		if (blen > 0)
			gb[0] = 1;
		if (v[i].off != bk->off) {
			printf("# block %zu starts at %zu, line at %zu\n", bi,
			    bk->off, v[i].off);
			bad = 1;
			goto out;
		}
		for (; i < nv && v[i].block == bi; i++) {
			want = i + 1 < nv && v[i + 1].block == bi ?
			    v[i + 1].off : bk->end;
			if (v[i].end > want || v[i].next < want ||
			    !gb[v[i].off - bk->off] ||
			    !gb[v[i].end - bk->off]) {
				printf("# line %zu-%zu next %zu: bad range\n",
				    v[i].off, v[i].end, want);
				bad = 1;
				goto out;
			}
			/* Only spaces (and one newline) are dropped. */
			for (j = v[i].end; j < want; j++)
				if (s[j] != ' ' && !(s[j] == '\n' &&
				    j + 1 == want))
					break;
			if (j < want) {
				printf("# byte %zu (0x%02x) dropped\n", j,
				    (unsigned char)s[j]);
				bad = 1;
				goto out;
			}
			if (!kins || i + 1 >= nv || v[i + 1].block != bi ||
			    s[want - 1] == '\n')
				continue;
			if (!in(closing_t, first_char(s + want, 4)) &&
			    !in(opening_t, last_char(s + v[i].off,
			    v[i].end - v[i].off)))
				continue;
			/* Allowed only if no good break was possible. */
			for (r = v[i].off + 1; r <= want; r++) {
				if (gb[r - bk->off] && good_break(s, v[i].off,
				    r, lb, bk->off)) {
					printf("# kinsoku at %zu; %zu was "
					    "possible in line %zu-%zu\n", want,
					    r, v[i].off, v[i].end);
					for (j = v[i].off; j < want + 6 &&
					    j < b->len; j++)
						printf(" %02x",
						    (unsigned char)s[j]);
					printf("\n");
					bad = 1;
					goto out;
				}
			}
		}
	}
out:
	if (bad)
		printf("# width %d ambiwidth %d piece %zu\n", width, ambi,
		    piece);
	free(gb);
	free(lb);
	free(v);
	layout_free(l);
	return bad;
}

static void
test_files(const char *dir)
{
	char path[4096], *err;
	struct dirent *de;
	struct buffer *b;
	struct doc *d;
	DIR *dp;
	int w, bad;

	if ((dp = opendir(dir)) == NULL) {
		ok(0, "open %s", dir);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.' || (strstr(de->d_name, ".txt") ==
		    NULL && strstr(de->d_name, ".md") == NULL))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		err = NULL;
		if ((b = buffer_load(path, NULL, 0, &err)) == NULL) {
			ok(0, "load %s: %s", path, err);
			free(err);
			continue;
		}
		d = doc_new(b);
		bad = 0;
		for (w = 1; w <= 400 && !bad; w++)
			bad = check_doc(d, w, 1 + w % 2, 0, 1);
		ok(!bad, "invariants of %s at widths 1-400", de->d_name);
		ok(!check_doc(d, 7, 1, 64, 0), "%s in 64-byte pieces",
		    de->d_name);
		doc_free(d);
		buffer_free(b);
	}
	closedir(dp);
}

/*
 * With boilerplate hidden, walking forward, walking back and asking for
 * each line by offset all give the same lines.  Returns 0 when they do.
 */
static int
check_walk(const struct doc *d, int width)
{
	struct layout_opts o = { width, 1, 0, NULL };
	struct layout *l = layout_new(d, &o), *l2 = layout_new(d, &o);
	struct dline *v = NULL, dl, nx, a;
	size_t nv = 0, cap = 0, i;
	int more = layout_first(l, &dl) == 0, bad = 0;

	while (more && !bad) {
		if (nv == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[nv++] = dl;
		if (dl.block < d->nblocks &&
		    d->blocks[dl.block].kind == BLOCK_BOILERPLATE)
			bad = 1;
		if (layout_line_at(l2, dl.off, &a) != 0 || a.off != dl.off ||
		    a.next != dl.next || a.kind != dl.kind)
			bad = 1;
		more = layout_next(l, &dl, &nx) == 0;
		dl = nx;
	}
	for (i = nv; !bad && i-- > 1;)
		if (layout_prev(l2, &v[i], &dl) != 0 || dl.off != v[i - 1].off)
			bad = 1;
	if (bad)
		printf("# walk differs at width %d\n", width);
	free(v);
	layout_free(l);
	layout_free(l2);
	return bad;
}

/* ---- random texts ---- */

static const char *const atoms[] = {
	"汉", "字", "信", "息", "處", "理", "𠀋", "の", "テ", "ス", "ト",
	"ｶ", "ﾀ", "한", "국", "어", "ᄀ" "ᅡ" "ᆨ", "a", "word", "reading",
	"Unicode", "x", "GB18030", "2023", "7", "１２", "Ａ", " ", " ", " ",
	"  ", "　", "，", "。", "、", "；", "：", "！", "？", "）", "」",
	"』", "】", "》", "〉", "”", "’", "（", "「", "『", "【", "《", "〈",
	"“", "‘", "——", "……", "·", "・", "ー", "々", "ぁ", "っ", ",", ".",
	";", ":", "!", "?", "(", ")", "[", "]", "-", "/", "'", "\"", "%",
	"e\xcc\x81", "a\xcc\x88\xcc\xa3", "\xcc\x81", "\xe2\x80\x8d",
	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb",
	"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f"
	"\x91\xa7", "\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3", "\xf0\x9f\x87\xaf",
	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xe2\x9d\xa4\xef\xb8\x8f",
	"\xf0\x9f\x98\x80", "\t", "\x1b", "\x1b[2J", "\x7f", "\x01",
	"\xc2\x85", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x81\xa6",
	"\xe2\x80\xa8", "\xe2\x80\x8b", "\xc2\xad", "\xff", "\xe4\xb8",
	"※", "─", "°", "\n", "\n\n", "\xef\xbc\x88", "https://a.b/c?d=e",
};

static size_t
rnd(size_t n)
{
	return (size_t)rand() % n;
}

static void
test_random(unsigned seed, int cases)
{
	struct sbuf sb = SBUF_INIT;
	struct tdoc *t;
	size_t natoms = sizeof atoms / sizeof atoms[0], len, i;
	int c, width, bad = 0, kinds = 0;
	enum block_kind k[64];

	srand(seed);
	for (c = 0; c < cases && !bad; c++) {
		sbuf_reset(&sb);
		len = rnd(8) == 0 ? rnd(400) : rnd(60);
		if (rnd(4) == 0)
			sbuf_adds(&sb, "　　");
		for (i = 0; i < len; i++)
			sbuf_adds(&sb, atoms[rnd(natoms)]);
		for (i = 0; i < 64; i++)
			k[i] = (enum block_kind)rnd(8);
		t = tdoc_new(sb.s != NULL ? sb.s : "", sb.len, k,
		    rnd(2) ? 64 : 0);
		kinds += t->doc.nblocks > 0;
		width = rnd(3) == 0 ? 1 + (int)rnd(400) : 1 + (int)rnd(24);
		bad = check_doc(&t->doc, width, 1 + (int)rnd(2), 0, 1);
		if (!bad && rnd(8) == 0)
			bad = check_doc(&t->doc, width, 1, 64, 0);
		if (!bad && rnd(4) == 0)
			bad = check_walk(&t->doc, width);
		if (bad) {
			printf("# case %d:", c);
			for (i = 0; i < sb.len && i < 64; i++)
				printf(" %02x", (unsigned char)sb.s[i]);
			printf("\n");
		}
		tdoc_free(t);
	}
	ok(!bad, "%d random texts keep the invariants (seed %u)", c, seed);
	ok(kinds > cases / 2, "the random texts have blocks");
	sbuf_free(&sb);
}

/* Characters the fast break classifier must handle like libunistring. */
static uint32_t
fast_char(void)
{
	static const uint32_t single[] = { 0x3000, 0x3001, 0x3002, 0x3005,
	    0x3008, 0x3009, 0x300a, 0x300b, 0x300c, 0x300d, 0x300e, 0x300f,
	    0x3010, 0x3011, 0x3014, 0x3015, 0x3016, 0x3017, 0x30fb, 0x30fc,
	    0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0xff01, 0xff08,
	    0xff09, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff1f, 0xff3b, 0xff3d,
	    0xff5b, 0xff5d, 0xff05, 0xff0f, 0xff0d, '\t' };

	switch (rnd(9)) {
	case 0:
	case 1:
		return 0x20 + (uint32_t)rnd(95);
	case 2:
		return ' ';
	case 3:
		return 0x4e00 + (uint32_t)rnd(0x5200);
	case 4:
		return rnd(2) ? 0x3041 + (uint32_t)rnd(0x54) :
		    0x30a1 + (uint32_t)rnd(0x5a);
	case 5:
		return 0xac00 + (uint32_t)rnd(0x2ba4);
	case 6:
		return rnd(3) == 0 ? 0xff10 + (uint32_t)rnd(10) :
		    rnd(2) ? 0xff21 + (uint32_t)rnd(26) :
		    0xff41 + (uint32_t)rnd(26);
	case 7:
		return 0x3400 + (uint32_t)rnd(0x19c0);
	default:
		return single[rnd(sizeof single / sizeof single[0])];
	}
}

static void
test_breaks(int cases)
{
	char s[400], want[400], got[400];
	size_t n, i;
	int c, k, bad = 0, fast = 0;

	for (c = 0; c < cases && !bad; c++) {
		n = 0;
		k = 1 + (int)rnd(60);
		while (k-- > 0)
			n += (size_t)u8_uctomb((uint8_t *)s + n, fast_char(), 4);
		if (rnd(10) == 0 && n < sizeof s - 8) {
			/* A combining mark: left to libunistring. */
			n += (size_t)u8_uctomb((uint8_t *)s + n, 0x301, 4);
		}
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", want);
		fast += layout_breaks(s, n, got);
		for (i = 0; i < n; i++)
			if (want[i] != got[i])
				break;
		if (i < n) {
			bad = 1;
			printf("# breaks differ at %zu (%d, want %d):", i,
			    got[i], want[i]);
			for (i = 0; i < n; i++)
				printf(" %02x", (unsigned char)s[i]);
			printf("\n");
		}
	}
	ok(!bad, "layout_breaks agrees with libunistring (%d texts)", c);
	ok(fast > cases / 2, "and takes its fast path (%d times)", fast);
}

static void
test_pieces(void)
{
	struct sbuf sb = SBUF_INIT;
	struct tdoc *t;
	struct layout_opts o = { 33, 1, 0, NULL };
	struct layout *l;
	struct dline dl, a, nx;
	size_t i, off, lines = 0;
	int bad = 0, more;

	for (i = 0; i < 40000; i++)
		sbuf_adds(&sb, atoms[i % 30]);
	t = tdoc_new(sb.s, sb.len, NULL, 0);
	l = layout_new(&t->doc, &o);
	layout_set_piece(l, 4096);
	more = layout_first(l, &dl) == 0;
	while (more && !bad) {
		lines++;
		/* Any byte of the line finds the line. */
		off = dl.off + (dl.next - dl.off) / 2;
		if (layout_line_at(l, off, &a) != 0 || a.off != dl.off ||
		    a.next != dl.next)
			bad = 1;
		more = layout_next(l, &dl, &nx) == 0;
		dl = nx;
	}
	ok(!bad && lines > 1000, "line_at agrees with next in pieces (%zu)",
	    lines);
	ok(!check_doc(&t->doc, 33, 1, 4096, 0), "pieces keep invariants");
	layout_free(l);
	tdoc_free(t);

	/* A cluster of 100 KB is cut at piece boundaries, not searched. */
	sbuf_reset(&sb);
	sbuf_addc(&sb, 'a');
	for (i = 0; i < 50000; i++)
		sbuf_adds(&sb, "\xcc\x81");
	sbuf_adds(&sb, " end");
	t = tdoc_new(sb.s, sb.len, NULL, 0);
	l = layout_new(&t->doc, &o);
	layout_set_piece(l, 256);
	lines = 0;
	bad = 0;
	more = layout_first(l, &dl) == 0;
	while (more && !bad && lines < 100000) {
		lines++;
		bad = dl.width > o.width || dl.next <= dl.off;
		more = layout_next(l, &dl, &nx) == 0;
		dl = nx;
	}
	ok(!bad && !more, "a huge cluster is laid out (%zu lines)", lines);
	layout_free(l);
	tdoc_free(t);
	sbuf_free(&sb);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	const char *seeds = getenv("JUAN_SEED");
	unsigned seed = seeds != NULL ? (unsigned)strtoul(seeds, NULL, 10) :
	    (unsigned)time(NULL);
	char dir[4096];

	printf("# seed %u\n", seed);
	test_cases();
	test_kinds();
	test_pieces();
	snprintf(dir, sizeof dir, "%s/tests/samples", top ? top : ".");
	test_files(dir);
	snprintf(dir, sizeof dir, "%s/tests/fixtures/layout", top ? top :
	    ".");
	test_files(dir);
	test_random(seed, 4000);
	test_breaks(4000);
	return done_testing();
}
