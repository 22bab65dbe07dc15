/*
 * test-search-variants.c - search that folds Han variants together:
 * simplified and traditional, the Taiwan, Hong Kong and Japanese forms,
 * literal and regular expression, with --no-variants, and the scan that
 * finds their candidates in a large text against a plain reference.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/util.h"
#include "search-int.h"
#include "search-check.h"
#include "tap.h"

/* The matches of pat in text (search_check_all). */
static const char *
all(const char *pat, const char *text, int regex, int novariants)
{
	struct search_opts o = { regex, 0, novariants };

	return search_check_all(pat, text, &o);
}

static const struct {
	const char *pat;	/* the pattern */
	const char *text;	/* the text searched */
	const char *want;	/* the matches, joined by | */
	const char *why;	/* what it shows */
} lits[] = {
	{ "台湾", "台湾，台灣，臺灣", "台湾|台灣|臺灣",
	    "台湾 finds 台灣 (Taiwan standard) and 臺灣" },
	{ "臺灣", "台湾，台灣，臺灣", "台湾|台灣|臺灣",
	    "and the other way round" },
	{ "发展", "经济发展与經濟發展", "发展|發展",
	    "发展 finds 發展" },
	{ "發展", "经济发展与經濟發展", "发展|發展",
	    "發展 finds 发展" },
	{ "着", "看着，看著", "着|著", "着 finds 著 (Taiwan form)" },
	{ "著", "看着，看著", "着|著", "著 finds 着" },
	{ "里", "这里，這裡，這裏", "里|裡|裏",
	    "里 finds 裡 and 裏" },
	{ "裡", "这里，這裡，這裏", "里|裡|裏", "裡 finds 里 and 裏" },
	{ "后", "以后，以後", "后|後", "后 finds 後" },
	{ "干", "干净，乾淨，幹部", "干|乾|幹",
	    "干 finds 乾 and 幹 (one class for all three)" },
	{ "乾", "干净，乾淨，幹部", "干|乾|幹", "乾 finds 干 and 幹" },
	{ "面", "面条，麵條", "面|麵", "面 finds 麵" },
	{ "只", "一只，一隻", "只|隻", "只 finds 隻" },
	{ "于", "由于，由於", "于|於", "于 finds 於" },
	{ "国", "中国，中國，日本国", "国|國|国",
	    "国 finds 國 (and Japanese writes 国 too)" },
	{ "發", "出発，出發，出发", "発|發|发",
	    "a Japanese shinjitai: 発 is 發" },
	{ "缺", "欠缺", "缺",
	    "but a shinjitai that is another Chinese character is not: "
	    "欠 is not 缺" },
	{ "联", "连接，聯絡", "聯",
	    "nor 連 for 聯 (Japanese usage): 联 finds 聯, not 连" },
	{ "藝", "芸香，艺术，藝術", "艺|藝", "芸 is not 藝" },
	{ "かな", "かな カナ ｶﾅ", "かな",
	    "kana are unaffected (no variants)" },
	{ "abc", "ABC abc ＡＢＣ", "ABC|abc|ＡＢＣ",
	    "Latin keeps case and width folding only" },
	{ "GB台湾", "GB臺灣 gb台灣 GB台湾", "GB臺灣|GB台湾",
	    "ASCII and Han mixed: the capital keeps case exact" },
	{ "gb台湾", "GB臺灣 ｇｂ台灣", "GB臺灣|ｇｂ台灣",
	    "and a lower-case one ignores case and width" },
	{ "的台湾", "我的臺灣", "的臺灣",
	    "a pattern that starts with a character without variants" },
	{ "2023年台湾", "２０２３年臺灣", "２０２３年臺灣",
	    "digits folded by width, then variants" },
	{ "台湾大学", "國立臺灣\n　　大學", "臺灣\n　　大學",
	    "a match crosses a line break as before" },
	{ "台湾大学", "臺灣\n\n大學", "",
	    "but not a paragraph break" },
	{ "车", "车 車 \xef\xa4\x82", "车|車|\xef\xa4\x82",
	    "a compatibility ideograph (U+F902) folds to 車, then to 车" },
	{ "门", "门 門 ⾨", "门|門|⾨",
	    "a Kangxi radical folds to 門, then to 门" },
	{ "株式会社", "株式會社 ㍿", "株式會社|㍿",
	    "a squared word matches with its variants (会, 會)" },
	{ "台", "颱風 檯燈 台北", "颱|檯|台",
	    "all the variants of a start are candidates" },
};

static void
test_literal(void)
{
	size_t i;

	for (i = 0; i < sizeof lits / sizeof lits[0]; i++)
		is_str(all(lits[i].pat, lits[i].text, 0, 0), lits[i].want,
		    "%s", lits[i].why);
}

static void
test_off(void)
{
	struct search_opts o = { 0, 0, 1 };
	struct search *s;
	char *err = NULL;

	is_str(all("台湾", "台湾，台灣，臺灣", 0, 1), "台湾",
	    "novariants: 台湾 finds only 台湾");
	is_str(all("着", "看着，看著", 0, 1), "着",
	    "novariants: 着 finds only 着");
	is_str(all("台湾", "台湾，台灣，臺灣", 1, 1), "台湾",
	    "novariants: a regex too");
	s = search_new("台湾", NULL, &err);
	ok(search_variants(s), "search_variants: 台湾 has variants");
	search_free(s);
	s = search_new("台湾", &o, &err);
	ok(!search_variants(s), "search_variants: not with novariants");
	search_free(s);
	s = search_new("的是abc", NULL, &err);
	ok(!search_variants(s),
	    "search_variants: a pattern without variants folds none");
	search_free(s);
	o.novariants = 0;
	o.regex = 1;
	s = search_new("台+", &o, &err);
	ok(search_variants(s), "search_variants: a regex with variants");
	search_free(s);
}

static void
test_regex(void)
{
	is_str(all("台湾|发展", "臺灣發展", 1, 0), "臺灣|發展",
	    "a regex finds variants");
	is_str(all("台{2}", "臺台颱", 1, 0), "臺台",
	    "a quantifier applies to the whole class");
	is_str(all("[台湾]+", "臺灣x", 1, 0), "臺灣",
	    "variants are added inside a class");
	is_str(all("[^台]", "臺x", 1, 0), "x",
	    "a negated class leaves out every variant");
	is_str(all("\\Q台湾\\E", "臺灣", 1, 0), "臺灣",
	    "variants inside \\Q...\\E");
	is_str(all("\\x{53f0}", "臺台", 1, 0), "台",
	    "an escaped character is exact");
	is_str(all("(?<w>台)\\k<w>", "臺臺 臺台", 1, 0), "臺臺",
	    "a named group and a back-reference: the same text");
	is_str(all("(?#台湾)湾", "灣", 1, 0), "灣",
	    "a comment is left alone");
	is_str(all("\\p{Han}台", "中臺", 1, 0), "中臺",
	    "a property escape is left alone");
	is_str(all("(台", "台", 1, 0),
	    "!bad regular expression at offset 4: missing closing "
	    "parenthesis", "an error gives the offset in the pattern given");
}

/* search_var_regex's rewriting, pattern by pattern. */
static void
test_rewrite(void)
{
	static const struct {
		const char *pat, *want;
	} rw[] = {
		{ "着", "[着著]" },
		{ "a着b", "a[着著]b" },
		{ "[着]", "[着著]" },
		{ "[^着a]", "[^着著a]" },
		{ "[一-着]", NULL },
		{ "[着-龥]", NULL },
		{ "[a-]着", "[a-][着著]" },
		{ "[]着]", "[]着著]" },
		{ "[[:alpha:]着]", "[[:alpha:]着著]" },
		{ "\\Q着\\E", "\\Q\\E[着著]\\Q\\E" },
		{ "\\x{7740}着", "\\x{7740}[着著]" },
		{ "\\p{Han}", NULL },
		{ "(?P<着>x)", NULL },
		{ "(?<=着)x", "(?<=[着著])x" },
		{ "(*MARK:着)", NULL },
		{ "abc", NULL },
	};
	size_t i;
	char *r;

	for (i = 0; i < sizeof rw / sizeof rw[0]; i++) {
		r = search_var_regex(rw[i].pat);
		is_str(r != NULL ? r : "(none)", rw[i].want != NULL ?
		    rw[i].want : "(none)", "rewrite %s", rw[i].pat);
		free(r);
	}
}

/* The table itself: classes are symmetric and their first member is what
   each member folds to. */
static void
test_table(void)
{
	const uint32_t *m, *m2;
	size_t k, i, n, n2, bad = 0;

	ok(search_var_nclasses > 3000, "OpenCC gives thousands of classes "
	    "(%zu)", search_var_nclasses);
	for (k = 1; k <= search_var_nclasses; k++) {
		m = search_var_cls + search_var_off[k];
		n = search_var_off[k + 1] - search_var_off[k];
		if (n < 2)
			bad++;
		for (i = 0; i < n; i++) {
			n2 = search_var_members(m[i], &m2);
			if (n2 != n || m2 != m || search_var_fold(m[i]) !=
			    m[0] || (i > 0 && m[i - 1] >= m[i]))
				bad++;
		}
	}
	is_int(bad, 0, "every member is in its class once, in order");
	is_int(search_var_class('a'), 0, "ASCII has no class");
	is_int(search_var_class(0x3042), 0, "hiragana has no class");
	is_int(search_var_class(0x10ffff), 0, "nor the last code point");
	ok(search_var_fold(0x81fa) == search_var_fold(0x53f0),
	    "臺 and 台 fold together");
}

/* The character index of byte off in text. */
static size_t
char_index(const char *text, size_t off)
{
	size_t i, n = 0;

	for (i = 0; i < off; i++)
		n += ((unsigned char)text[i] & 0xc0) != 0x80;
	return n;
}

/* text with each character replaced by its variant representative. */
static void
fold_text(struct sbuf *out, const char *text, size_t len)
{
	size_t i = 0;
	uint32_t c;
	char u[4];

	sbuf_reset(out);
	sbuf_add(out, "", 0);
	while (i < len) {
		i += (size_t)util_u8_next(text + i, len - i, &c);
		c = search_var_fold(c);
		if (c < 0x80) {
			sbuf_addc(out, (char)c);
			continue;
		}
		/* Han and kana: three bytes (the alphabet has no other). */
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		sbuf_add(out, u, 3);
	}
}

/*
 * Random texts, large enough for the vector scan and its tail, over an
 * alphabet of variants and plain characters: searching the text with
 * variants finds the matches (by character index) that a search without
 * variants of the folded pattern finds in the folded text (the other
 * folding and the line breaks are the same for both); counting in small
 * steps and search_prev agree.
 */
static void
test_random(void)
{
	static const char *abc[] = { "台", "臺", "颱", "檯", "枱", "湾", "灣",
	    "的", "一", "a", "A", "\n", "发", "發", "髮", "発", "着", "著",
	    "，", "。", "ｱ" };
	static const char *pats[] = { "台湾", "臺", "發", "着a", "a台",
	    "的台", "台\n", "湾的", "發发", "，台", "髮" };
	size_t nabc = sizeof abc / sizeof abc[0];
	unsigned seed = 4242;
	size_t round, bad = 0, badprev = 0, badcount = 0, total = 0;

	for (round = 0; round < 60; round++) {
		struct sbuf t = SBUF_INIT, ft = SBUF_INIT, fp = SBUF_INIT;
		const char *pat = pats[round % (sizeof pats / sizeof pats[0])];
		struct search_opts exact = { 0, 0, 1 };
		struct search *s, *x;
		struct search_count st;
		char *err = NULL;
		size_t i, n, a, z, b2, z2, from, xfrom, ns = 0, *starts = NULL;

		n = round % 3 == 0 ? 70000 : 30 + round * 7;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			sbuf_adds(&t, abc[(seed >> 16) % nabc]);
		}
		fold_text(&ft, t.s, t.len);
		fold_text(&fp, pat, strlen(pat));
		s = search_new(pat, NULL, &err);
		x = search_new(fp.s, &exact, &err);
		for (from = xfrom = 0;; from = z, xfrom = z2) {
			int f1 = search_next(s, t.s, t.len, from, &a, &z);
			int f2 = search_next(x, ft.s, ft.len, xfrom, &b2, &z2);

			if (f1 != f2 || (f1 && char_index(t.s, a) !=
			    char_index(ft.s, b2))) {
				if (bad++ < 3)
					printf("# /%s/ at %zu\n", pat, a);
				break;
			}
			if (!f1)
				break;
			starts = xreallocarray(starts, ns + 1,
			    sizeof *starts);
			starts[ns++] = a;
		}
		total += ns;
		/* The last match starts at or after the last one listed
		   (matches may overlap), and is one search_next finds. */
		if (ns > 0 && (!search_prev(s, t.s, t.len, t.len + 1, &a,
		    &z) || a < starts[ns - 1] || !search_next(s, t.s, t.len,
		    a, &b2, &z2) || b2 != a))
			badprev++;
		memset(&st, 0, sizeof st);
		while (!search_count_step(s, t.s, t.len, &st, 5 + round % 17))
			continue;
		if (st.count != ns && badcount++ < 3)
			printf("# count %zu, listed %zu: /%s/\n", st.count, ns,
			    pat);
		free(starts);
		search_free(s);
		search_free(x);
		sbuf_free(&t);
		sbuf_free(&ft);
		sbuf_free(&fp);
	}
	ok(total > 1000, "random rounds found matches (%zu)", total);
	is_int(bad, 0, "variant search = exact search of the folded text");
	is_int(badprev, 0, "search_prev finds the last match");
	is_int(badcount, 0, "counting in steps agrees with listing");
}

int
main(void)
{
	test_literal();
	test_off();
	test_regex();
	test_rewrite();
	test_table();
	test_random();
	return done_testing();
}
