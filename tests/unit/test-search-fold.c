/* test-search-fold.c - the folding table against libunistring, rule by rule. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>

#include "juan/search.h"
#include "juan/util.h"
#include "search-int.h"
#include "tap.h"

/* The fold of c as a string of "U+XXXX" words, for readable comparisons. */
static const char *
show(uint32_t c, int caseless)
{
	static char out[SEARCH_FOLD_MAX * 8 + 1];
	uint32_t f[SEARCH_FOLD_MAX];
	size_t n = search_fold(c, caseless, f), i, o = 0;

	out[0] = '\0';
	for (i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%04X",
		    i ? " " : "", (unsigned)f[i]);
	return out;
}

static void
test_rules(void)
{
	is_str(show(0xff21, 1), "0061", "Ａ folds to a (caseless)");
	is_str(show(0xff21, 0), "0041", "Ａ folds to A (exact case)");
	is_str(show(0xff41, 0), "0061", "ａ folds to a");
	is_str(show(0xff11, 1), "0031", "１ folds to 1");
	is_str(show(0xff0c, 1), "002C", "，folds to a comma");
	is_str(show(0x3000, 1), "0020", "U+3000 folds to a space");
	is_str(show(0xff76, 1), "30AB", "half-width ｶ folds to カ");
	is_str(show(0x2460, 1), "0031", "① folds to 1");
	is_str(show(0xfb01, 1), "0066 0069", "ﬁ folds to f i");
	is_str(show(0x337f, 1), "682A 5F0F 4F1A 793E", "㍿ folds to 株式会社");
	is_str(show(0x2f00, 1), "4E00", "the Kangxi radical ⼀ folds to 一");
	is_str(show(0xf900, 1), "8C48",
	    "a CJK compatibility ideograph folds to its unified one");
	is_str(show(0x00e9, 1), "0065 0301", "é folds to e + U+0301");
	is_str(show(0x00c9, 0), "0045 0301", "É keeps its case when exact");
	is_str(show(0x00df, 1), "0073 0073", "ß folds to ss");
	is_str(show(0x00df, 0), "00DF", "ß stays when exact");
	is_str(show(0xd55c, 1), "D55C", "a Hangul syllable folds to itself");
	is_str(show(0x326e, 1), "AC00",
	    "a circled Hangul syllable folds to the syllable");
	is_str(show(0x00ad, 1), "", "a soft hyphen folds to nothing");
	is_str(show(0xfe0f, 1), "", "a variation selector folds to nothing");
	is_str(show(0x6c49, 1), "6C49", "汉 folds to itself");
	is_str(show('Q', 1), "0071", "ASCII capitals fold when caseless");
	is_str(show('Q', 0), "0051", "and stay when exact");
}

/*
 * Puts conjoining jamo back into syllables the libunistring way: NFC over
 * each run of jamo (and only there, so e + U+0301 stays apart).
 */
static size_t
compose_jamo(uint32_t *s, size_t n)
{
	uint32_t out[64], buf[64];
	size_t i = 0, j, o = 0, nb;

	while (i < n) {
		if (s[i] < 0x1100 || s[i] > 0x11ff) {
			out[o++] = s[i++];
			continue;
		}
		for (j = i; j < n && s[j] >= 0x1100 && s[j] <= 0x11ff; j++)
			continue;
		nb = 64;
		u32_normalize(UNINORM_NFC, s + i, j - i, buf, &nb);
		memcpy(out + o, buf, nb * sizeof *buf);
		o += nb;
		i = j;
	}
	memcpy(s, out, o * sizeof *out);
	return o;
}

/*
 * Every code point, against libunistring directly: the table must give
 * u32_casefold(NFKD) (caseless) or u32_normalize(NFKD) (exact), with
 * Hangul syllables recomposed and default-ignorables dropped.
 */
static void
test_all(void)
{
	uint32_t c, want[64], got[SEARCH_FOLD_MAX], g2[SEARCH_FOLD_MAX];
	size_t nw, ng, n2, i, bad = 0, notfixed = 0, norev = 0;
	int caseless;

	for (c = 0; c <= 0x10ffff; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		for (caseless = 0; caseless < 2; caseless++) {
			nw = 64;
			if (uc_is_property_default_ignorable_code_point(c))
				nw = 0;
			else if (caseless)
				u32_casefold(&c, 1, NULL, UNINORM_NFKD, want,
				    &nw);
			else
				u32_normalize(UNINORM_NFKD, &c, 1, want, &nw);
			nw = compose_jamo(want, nw);
			ng = search_fold(c, caseless, got);
			if (ng != nw || memcmp(got, want, ng * 4) != 0) {
				if (bad++ < 5)
					printf("# U+%04X (%d): %s\n",
					    (unsigned)c, caseless,
					    show(c, caseless));
			}
			/* Folding is idempotent: a fold folds to itself. */
			for (i = 0; i < ng; i++) {
				n2 = search_fold(got[i], caseless, g2);
				if (n2 != 1 || g2[0] != got[i])
					notfixed++;
			}
			/* The reverse index finds c from its fold. */
			if (ng > 0 && (ng != 1 || got[0] != c)) {
				uint32_t *v = NULL;
				size_t nv = 0, j;

				search_fold_variants(got, ng, caseless, &v,
				    &nv);
				for (j = 0; j < nv && v[j] != c; j++)
					continue;
				if (j == nv)
					norev++;
				free(v);
			}
		}
	}
	is_int(bad, 0, "every code point folds as libunistring says");
	is_int(notfixed, 0, "folding is idempotent");
	is_int(norev, 0, "every folded code point is in the reverse index");
}

int
main(void)
{
	test_rules();
	test_all();
	return done_testing();
}
