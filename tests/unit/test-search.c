/* test-search.c - unit tests of the search engine: folding, breaks, regex. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/search.h"
#include "juan/util.h"
#include "search-check.h"
#include "tap.h"

/* The matches of pat in text (search_check_all). */
static const char *
all(const char *pat, const char *text, int regex, int nofold)
{
	struct search_opts o = { regex, nofold, 0 };

	return search_check_all(pat, text, &o);
}

static const char *
lit(const char *pat, const char *text)
{
	return all(pat, text, 0, 0);
}

static void
test_literal(void)
{
	is_str(lit("汉字", "计算机与汉字，汉字编码"), "汉字|汉字",
	    "a CJK literal is found every time");
	is_str(lit("汉字", "计算机"), "", "no match gives nothing");
	is_str(lit("aa", "aaaa"), "aa|aa", "matches do not overlap");
	is_str(lit("é", "café"), "é", "a two-byte character");
	is_str(all("汉字", "汉字汉", 0, 1), "汉字", "nofold: exact bytes");
	is_str(all("ABC", "abc ABC ＡＢＣ", 0, 1), "ABC",
	    "nofold: no case or width folding");
}

static void
test_smart_case(void)
{
	is_str(lit("unicode", "Unicode UNICODE unicode"),
	    "Unicode|UNICODE|unicode", "lower-case pattern ignores case");
	is_str(lit("Unicode", "Unicode UNICODE unicode"), "Unicode",
	    "a capital makes the search exact in case");
	is_str(lit("straße", "STRASSE strasse"), "STRASSE|strasse",
	    "full case folding: ß matches ss");
	is_str(lit("σ", "ΣΙΓΜΑ ς"), "Σ|ς", "Greek sigma folds, final too");
	is_str(lit("ａｂｃ", "ABC abc"), "ABC|abc",
	    "a full-width lower-case pattern ignores case too");
	is_str(lit("Ａ", "a A"), "A",
	    "a full-width capital counts as a capital");
}

static void
test_width_folding(void)
{
	is_str(lit("ABC123", "全角ＡＢＣ１２３と半角ABC123"),
	    "ＡＢＣ１２３|ABC123", "full-width Latin matches half-width");
	is_str(lit("ＡＢＣ１２３", "全角ＡＢＣ１２３と半角ABC123"),
	    "ＡＢＣ１２３|ABC123", "and the other way round");
	is_str(lit("，", "a,b，c"), ",|，", "full-width comma ~ comma");
	is_str(lit("a,b", "ａ，ｂ"), "ａ，ｂ", "comma in a mixed pattern");
	is_str(lit("カタカナ", "半角ｶﾀｶﾅ"), "ｶﾀｶﾅ",
	    "half-width katakana match full-width");
	is_str(lit("ｶﾞ", "ガ"), "ガ",
	    "half-width voiced mark composes with its kana");
	is_str(lit("2022年", "２０２２年７月"), "２０２２年",
	    "full-width digits match ASCII digits");
}

static void
test_compat_folding(void)
{
	is_str(lit("1", "①②"), "①", "circled digit one folds to 1");
	is_str(lit("fi", "ﬁne fi"), "ﬁ|fi", "the fi ligature folds to fi");
	is_str(lit("f", "ﬁ"), "", "half of a ligature does not match");
	is_str(lit("一", "⼀一"), "⼀|一",
	    "a Kangxi radical matches its ideograph");
	is_str(lit("株式会社", "㍿ 株式会社"), "㍿|株式会社",
	    "a squared word matches its letters");
	is_str(lit("km", "5㎞"), "㎞", "a unit symbol folds");
	is_str(lit("é", "e\xcc\x81 é"), "e\xcc\x81|é",
	    "composed and decomposed accents match each other");
	is_str(lit("cafe", "cafe\xcc\x81"), "",
	    "a match does not stop before a combining mark");
	is_str(lit("한국어", "한국어 문장"), "한국어",
	    "Hangul syllables fold to themselves");
	is_str(lit("ㄱ", "ᄀ"), "ᄀ",
	    "a compatibility jamo matches the conjoining jamo");
	is_str(lit("两", "两\xc2\xad个"), "两", "a single character");
	is_str(lit("汉字", "汉\xc2\xad字"), "汉\xc2\xad字",
	    "a soft hyphen in the text is skipped");
	is_str(lit("汉字", "汉\xe2\x80\x8b字"), "汉\xe2\x80\x8b字",
	    "a zero-width space in the text is skipped");
	is_str(lit("❤", "❤\xef\xb8\x8f"), "❤",
	    "a variation selector may follow a match");
	is_str(lit("\xe2\x80\x8b", "abc"),
	    "!the pattern has only invisible characters",
	    "a pattern of invisible characters is refused");
}

static void
test_breaks(void)
{
	is_str(lit("信息处理", "汉字信息\n处理技术"), "信息\n处理",
	    "a match crosses a line break in Chinese");
	is_str(lit("信息处理", "汉字信息  \n　　处理"), "信息  \n　　处理",
	    "and the blanks and ideographic spaces around it");
	is_str(lit("信息处理", "信息\n\n处理"), "",
	    "but not a blank line (a paragraph break)");
	is_str(lit("信息处理", "信息 处理"), "",
	    "blanks without a line break do not match nothing");
	is_str(lit("hello world", "hello\n   world"), "hello\n   world",
	    "a space in the pattern matches a line break");
	is_str(lit("hello world", "hello　world"), "hello　world",
	    "a space matches an ideographic space");
	is_str(lit("helloworld", "hello\nworld"), "",
	    "no break between two Latin letters");
	is_str(lit("GB18030", "GB\n18030"), "",
	    "nor between a letter and a digit");
	is_str(lit("2023年", "2023\n年"), "2023\n年",
	    "a break between a digit and a Han character");
	is_str(lit("a b", "a\n\nb"), "",
	    "a pattern blank does not cross a paragraph break");
	is_str(lit(" 汉", "x 汉 \n汉"), " 汉| \n汉",
	    "a pattern may start with a blank");
}

static void
test_regex(void)
{
	is_str(all("[0-9]+年", "1974年8月，2000年", 1, 0), "1974年|2000年",
	    "a regex finds its matches");
	is_str(all("\\p{Han}{2}", "ab汉字cd", 1, 0), "汉字",
	    "Unicode properties work");
	is_str(all("unicode", "UNICODE", 1, 0), "UNICODE",
	    "smart case: a lower-case regex ignores case");
	is_str(all("Unicode", "UNICODE", 1, 0), "", "a capital makes it exact");
	is_str(all("\\S+", "AB", 1, 0), "AB",
	    "an escape such as \\S is not a capital");
	is_str(all("^年", "年a\n年b", 1, 0), "年|年", "^ matches at each line");
	is_str(all("x*", "汉字", 1, 0), "||",
	    "an empty match steps one character, not one byte");
	is_str(all("(abc", "abc", 1, 0),
	    "!bad regular expression at offset 4: missing closing "
	    "parenthesis", "a bad regex is refused with a message");
	ok(all("\\C", "abc", 1, 0)[0] == '!', "\\C (a byte) is refused");
	is_str(all("b", "ab\xe6\xb1", 1, 0), "b",
	    "a small text cut inside a character: its valid part matches");
	{
		/* A large text with invalid bytes (a file's mapped bytes,
		 * not checked yet): matches around them, and no harm. */
		size_t n = (size_t)200 << 10, a = 0, z, from = 0, k = 0;
		char *t = xmalloc(n + 1), *err = NULL;
		struct search_opts so = { 1, 0, 0 };
		struct search *re = search_new("年[0-9]+", &so, &err);

		memset(t, 'x', n);
		t[n] = '\0';
		memcpy(t + 100, "年12", 5);
		memcpy(t + 70000, "\xff\xe6\xb1年34\xc3", 9);
		memcpy(t + n - 10, "年56\xe6", 6);
		while (re != NULL && search_next(re, t, n, from, &a, &z)) {
			k++;
			from = z;
		}
		is_int(k, 3, "a regex in a large text with invalid bytes");
		search_free(re);
		free(err);
		free(t);
	}
	is_str(lit("b", "ab\xe6\xb1"), "b",
	    "and a literal is still found in it");
}

static void
test_errors(void)
{
	char *err = NULL;
	struct search *s = search_new("", NULL, &err);

	ok(s == NULL && err != NULL, "an empty pattern is refused");
	free(err);
	search_free(NULL);
	ok(1, "search_free(NULL) does nothing");
}

static void
test_next_prev(void)
{
	const char *t = "甲乙 甲乙\n甲\n乙";
	size_t len = strlen(t), a = 0, z = 0;
	char *err;
	struct search *s = search_new("甲乙", NULL, &err);

	ok(search_next(s, t, len, 0, &a, &z) && a == 0 && z == 6,
	    "next from 0");
	ok(search_next(s, t, len, 1, &a, &z) && a == 7 && z == 13,
	    "next from inside a character moves to the boundary");
	ok(search_next(s, t, len, 8, &a, &z) && a == 14 && z == 21,
	    "next across a line break");
	ok(!search_next(s, t, len, 15, &a, &z), "none after the last");
	ok(!search_next(s, t, len, len + 5, &a, &z), "from past the end");
	ok(search_prev(s, t, len, len, &a, &z) && a == 14,
	    "prev from the end finds the last");
	ok(search_prev(s, t, len, 14, &a, &z) && a == 7, "prev before it");
	ok(search_prev(s, t, len, 7, &a, &z) && a == 0, "prev again");
	ok(!search_prev(s, t, len, 0, &a, &z), "none before the first");
	ok(!search_next_in(s, t, len, 1, 7, &a, &z),
	    "next_in: nothing starts in [1, 7)");
	ok(search_next_in(s, t, len, 1, 8, &a, &z) && a == 7 && z == 13,
	    "next_in: a match starting before lim may end after it");
	ok(search_next_in(s, t, len, 8, (size_t)-1, &a, &z) && a == 14,
	    "next_in: a lim past the end means the whole text");
	search_free(s);
	s = search_new("[乙]", &(struct search_opts){ 1, 0, 0 }, &err);
	ok(search_next_in(s, t, len, 0, 4, &a, &z) && a == 3,
	    "next_in with a regex");
	ok(!search_next_in(s, t, len, 4, 10, &a, &z),
	    "next_in with a regex: none in range");
	search_free(s);
}

static void
test_prev_far(void)
{
	size_t n = 300000, len, a = 0, z = 0, i;
	char *t = xmalloc(n * 3 + 16), *err;
	struct search *s = search_new("终点", NULL, &err);

	memcpy(t, "终点", 6);
	for (i = 0; i < n; i++)
		memcpy(t + 6 + 3 * i, "文", 3);
	len = 6 + 3 * n;
	t[len] = '\0';
	ok(search_prev(s, t, len, len, &a, &z) && a == 0 && z == 6,
	    "prev finds a match far back (windows grow)");
	ok(!search_next(s, t, len, 1, &a, &z), "and next finds no other");
	search_free(s);
	free(t);
}

static void
test_count(void)
{
	char *t, *err;
	size_t i, len, steps = 0;
	struct search *s;
	struct search_count st;
	int r = 0;

	t = xmalloc(100 * 12 + 1);
	for (i = 0; i < 100; i++)
		memcpy(t + 12 * i, "甲乙丙\n", 10), memcpy(t + 12 * i + 10,
		    "x\n", 2);
	len = 1200;
	t[len] = '\0';
	s = search_new("乙丙", NULL, &err);
	memset(&st, 0, sizeof st);
	st.mark = 12 * 40;
	while (!(r = search_count_step(s, t, len, &st, 100)) && steps < 1000)
		steps++;
	ok(r == 1 && st.done, "counting ends");
	is_int(st.count, 100, "every match is counted");
	is_int(st.before, 40, "matches before the mark are counted");
	ok(steps >= 10, "a small budget takes many steps (%zu)", steps);
	search_free(s);

	s = search_new("^", &(struct search_opts){ 1, 0, 0 }, &err);
	memset(&st, 0, sizeof st);
	while (!search_count_step(s, t, len, &st, 7))
		continue;
	is_int(st.count, 200, "regex counting in steps: every line start");
	search_free(s);

	s = search_new("乙\\s*丙", &(struct search_opts){ 1, 0, 0 }, &err);
	memset(&st, 0, sizeof st);
	while (!search_count_step(s, t, len, &st, 4))
		continue;
	is_int(st.count, 100, "a step boundary does not cut regex matches");
	search_free(s);

	s = search_new("zz", NULL, &err);
	memset(&st, 0, sizeof st);
	ok(search_count_step(s, t, len, &st, (size_t)-1) && st.count == 0,
	    "a huge budget counts at once");
	search_free(s);
	free(t);
}

static void
test_many_starts(void)
{
	/* "a" has many variants, so the lead-byte table is used. */
	is_str(lit("ab", "xAbxａｂx𝐚b"), "Ab|ａｂ|𝐚b",
	    "variants found by the lead-byte scan");
	is_str(lit("ab", "ａ"), "", "a start at the end of the text");
	is_str(lit("中国", "㊥国 中国"), "㊥国|中国",
	    "a rare variant found by memmem beside the common one");
}

/*
 * A text above the size where positions are remembered and the scanned
 * byte is chosen from a sample: the same answers as a naive count.
 */
static void
test_big(void)
{
	struct sbuf b = SBUF_INIT;
	struct search *s;
	struct search_count st;
	char *err;
	size_t i, a, z, from, n, want = 0, wantx = 0;

	for (i = 0; i < 20000; i++) {
		switch (i % 97) {
		case 5:
			sbuf_adds(&b, "一二三\n");	/* plain */
			want++;
			break;
		case 17:
			sbuf_adds(&b, "⼀二三 ");	/* a radical variant */
			want++;
			break;
		case 33:
			sbuf_adds(&b, "一二\n　　三");	/* hard-wrapped */
			want++;
			break;
		case 50:
			sbuf_adds(&b, "一二\n\n三");	/* not: a paragraph */
			break;
		case 70:
			sbuf_adds(&b, "ＸＹＺ");
			wantx++;
			break;
		default:
			sbuf_adds(&b, "一丁二。");
		}
	}
	ok(b.len > 200000, "a big text (%zu bytes)", b.len);
	s = search_new("一二三", NULL, &err);
	for (n = 0, from = 0; search_next(s, b.s, b.len, from, &a, &z);
	    from = z)
		n++;
	is_int(n, want, "every match in a big text, variants and breaks");
	memset(&st, 0, sizeof st);
	while (!search_count_step(s, b.s, b.len, &st, 4096))
		continue;
	is_int(st.count, want, "the same count in steps");
	ok(search_prev(s, b.s, b.len, b.len, &a, &z) &&
	    !search_next(s, b.s, b.len, z, &a, &z), "prev finds the last");

	/* The text changes in place: the remembered places are dropped. */
	memcpy(b.s, "一二三", 9);
	search_forget(s);
	ok(search_next(s, b.s, b.len, 0, &a, &z) && a == 0,
	    "search_forget: a new match at the start is seen");
	search_free(s);

	s = search_new("xyz", NULL, &err);
	for (n = 0, from = 0; search_next(s, b.s, b.len, from, &a, &z);
	    from = z)
		n++;
	is_int(n, wantx, "a folded Latin pattern in a big CJK text");
	search_free(s);
	sbuf_free(&b);
}

/*
 * Random texts and patterns over an alphabet of awkward characters:
 * every match lies on character boundaries, search_prev finds exactly the
 * starts that search_next finds (stepping one character at a time), and
 * counting in small steps agrees with listing.
 */
static void
test_random(void)
{
	static const char *abc[] = { "a", "A", "ａ", "e", "é", "e\xcc\x81",
	    "ﬁ", "f", "i", "一", "⼀", "二", " ", "\n", "　", "\xe2\x80\x8b",
	    "\xc2\xad", "①", "1", "\xcc\x81", "한", "\t" };
	size_t nabc = sizeof abc / sizeof abc[0];
	unsigned seed = 12345;
	size_t round, bad = 0, badprev = 0, badcount = 0, total = 0;

	for (round = 0; round < 400; round++) {
		struct sbuf t = SBUF_INIT, p = SBUF_INIT;
		struct search_opts o = { 0, round % 7 == 6, 0 };
		struct search_count st;
		struct search *s;
		size_t i, n, a, z, from, *starts = NULL, ns = 0, k;
		char *err = NULL;

		for (i = 0, n = 20 + round % 60; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			sbuf_adds(&t, abc[(seed >> 16) % nabc]);
		}
		if (round % 5 == 4) {
			static const char *re[] = { "a*", "\\s+", "(一|⼀)二?",
			    "$", "^", "\\b", "\\X", ".", "(?=e)", "e\\K" };

			o.regex = 1;
			sbuf_adds(&p, re[round / 5 % (sizeof re /
			    sizeof re[0])]);
		} else
			for (i = 0, n = 1 + round % 4; i < n; i++) {
				seed = seed * 1103515245 + 12345;
				sbuf_adds(&p, abc[(seed >> 16) % nabc]);
			}
		s = search_new(p.s, &o, &err);
		if (s == NULL) {
			free(err);
			sbuf_free(&t);
			sbuf_free(&p);
			continue;
		}
		for (from = 0; from <= t.len &&
		    search_next(s, t.s, t.len, from, &a, &z); from = a + 1) {
			if (a > z || (a == z && !o.regex) || z > t.len ||
			    (t.s[a] & 0xc0) == 0x80 ||
			    (z < t.len && (t.s[z] & 0xc0) == 0x80))
				bad++;
			starts = xreallocarray(starts, ns + 1, sizeof *starts);
			starts[ns++] = a;
		}
		total += ns;
		for (k = ns, from = t.len + 1;
		    search_prev(s, t.s, t.len, from, &a, &z); from = a) {
			if (k == 0 || starts[--k] != a)
				badprev++;
		}
		if (k != 0)
			badprev++;
		memset(&st, 0, sizeof st);
		while (!search_count_step(s, t.s, t.len, &st, 3))
			continue;
		for (n = 0, from = 0; from <= t.len && search_next(s, t.s,
		    t.len, from, &a, &z); from = search_after(t.s, t.len, a,
		    z))
			n++;
		if (n != st.count && badcount++ < 5)
			printf("# count %zu, listed %zu: /%s/ in \"%s\"\n",
			    st.count, n, p.s, t.s);
		free(starts);
		search_free(s);
		sbuf_free(&t);
		sbuf_free(&p);
	}
	ok(total > 100, "random rounds found matches (%zu)", total);
	is_int(bad, 0, "every match is on character boundaries");
	is_int(badprev, 0, "search_prev finds what search_next finds");
	is_int(badcount, 0, "counting in steps agrees with listing");
}

/*
 * search_next_par finds what search_next finds, in a text large enough
 * to be split in pieces: matches in the first piece, the second, across
 * a piece's end, at the very end, and none after the last.
 */
static void
test_par(void)
{
	size_t n = (size_t)40 << 20, at[] = { 100, (size_t)8 << 20,
	    ((size_t)16 << 20) - 2, (size_t)27 << 20, n - 12 };
	size_t i, a, z, pa, pz, from, agree = 0, steps = 0;
	char *t = xmalloc(n + 1), *err = NULL;
	struct search_opts so = { 0, 0, 0 };
	struct search *s1 = search_new("年代记", &so, &err);
	struct search *s2 = search_new("年代记", &so, &err);
	int r1, r2;

	for (i = 0; i < n; i++)
		t[i] = i % 64 == 63 ? '\n' : 'a' + (char)(i % 26);
	t[n] = '\0';
	for (i = 0; i < sizeof at / sizeof at[0]; i++)
		memcpy(t + at[i], "年代记", 9);
	util_set_threads(2);
	for (from = 0; from <= n; from = z > a ? z : n + 1) {
		r1 = search_next(s1, t, n, from, &a, &z);
		r2 = search_next_par(s1, s2, t, n, from, &pa, &pz);
		steps++;
		agree += r1 == r2 && (!r1 || (a == pa && z == pz));
		if (!r1)
			break;
	}
	is_int(agree, steps, "search_next_par agrees with search_next "
	    "(%zu searches)", steps);
	is_int(steps, 6, "... over five matches and the end");
	ok(search_next_par(s1, NULL, t, n, 0, &a, &z) && a == 100,
	    "without a second search, the same");
	search_free(s1);
	search_free(s2);
	free(err);
	free(t);
}

int
main(void)
{
	test_par();
	test_literal();
	test_smart_case();
	test_width_folding();
	test_compat_folding();
	test_breaks();
	test_regex();
	test_errors();
	test_next_prev();
	test_prev_far();
	test_count();
	test_many_starts();
	test_big();
	test_random();
	return done_testing();
}
