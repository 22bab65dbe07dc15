/*
 * search-vgen.cc - writes the table of Chinese character variants from
 * OpenCC's dictionaries, for search that ignores simplified/traditional.
 *
 * The data structure is a partition of the Han characters into variant
 * classes ({台, 枱, 檯, 臺, 颱}, {发, 發, 髮, 発, 髪}), found with a
 * union-find forest over the code points: every single-character entry of
 * the character dictionaries that OpenCC's own conversions use (simplified
 * to traditional and back, Taiwan and Hong Kong standards and back, with
 * all their alternatives, not only the preferred one) joins its key to
 * each of its values.  Japanese shinjitai (t2jp: 國 to 国, 發 to 発) join
 * too, with one rule, because a Japanese form is often a different Chinese
 * character (欠 for 缺, 芸 for 藝, 弁 for 辨 and 辯): a Japanese form
 * joins only when no Chinese character set has it (neither GB2312 nor
 * Big5), or when it already is in the class.  Phrase entries, which
 * would change the length of a text, are left out, and so are characters
 * that are not Han or that NFKD changes (the compatibility ideographs,
 * which the search's own folding already turns into the unified ones).
 *
 * It writes, as C arrays (search-int.h declares them):
 *
 *	search_var_blk[]	per block of 256 code points, 0 or the index
 *				plus one of its row of search_var_map[];
 *	search_var_map[][256]	per code point of a row, 0 or its class;
 *	search_var_off[]	per class k (from 1), where its members begin
 *				in search_var_cls[] (they end where class
 *				k + 1 begins);
 *	search_var_cls[]	the members, class by class, each class in
 *				code point order, so the first member is the
 *				representative that search folds the class to.
 *
 * It is C++ only because OpenCC exposes its dictionaries (rather than
 * conversions) only through its C++ API.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uninorm.h>
#include <unictype.h>

#include <opencc/Config.hpp>
#include <opencc/Conversion.hpp>
#include <opencc/ConversionChain.hpp>
#include <opencc/Converter.hpp>
#include <opencc/Dict.hpp>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>

#define LIMIT 0x30000u		/* code points: the table covers below */
#define NBLK (LIMIT >> 8)	/* blocks of 256 code points */

static uint32_t parent[LIMIT];	/* the union-find forest, 0: no entry */
static int incjk[LIMIT];	/* the character is in GB2312 or Big5 */

static uint32_t
root(uint32_t c)
{
	while (parent[c] != c) {
		parent[c] = parent[parent[c]];
		c = parent[c];
	}
	return c;
}

static void
join(uint32_t a, uint32_t b)
{
	if (parent[a] == 0)
		parent[a] = a;
	if (parent[b] == 0)
		parent[b] = b;
	a = root(a);
	b = root(b);
	if (a != b)
		parent[a < b ? b : a] = a < b ? a : b;
}

/* The code point of s when s is exactly one UTF-8 character, else 0. */
static uint32_t
single(const std::string &s)
{
	const unsigned char *u = (const unsigned char *)s.data();
	size_t n = s.size();
	uint32_t c;

	if (n == 3 && (u[0] & 0xf0) == 0xe0)
		c = (uint32_t)(u[0] & 0x0f) << 12 |
		    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	else if (n == 4 && (u[0] & 0xf8) == 0xf0)
		c = (uint32_t)(u[0] & 0x07) << 18 |
		    (uint32_t)(u[1] & 0x3f) << 12 |
		    (uint32_t)(u[2] & 0x3f) << 6 | (u[3] & 0x3f);
	else
		return 0;
	return c < LIMIT ? c : 0;
}

/* Whether c may be in a class: Han, and unchanged by NFKD. */
static int
usable(uint32_t c)
{
	uint32_t out[8];
	size_t n = 8;
	uint32_t *r;

	if (c == 0 || !uc_is_script(c, uc_script_byname("Han")))
		return 0;
	r = u32_normalize(UNINORM_NFKD, &c, 1, out, &n);
	if (r != out)
		free(r);
	return r != NULL && n == 1 && r[0] == c;
}

/* Marks in incjk[] the characters that the encoding can represent. */
static void
mark_charset(const char *enc)
{
	iconv_t cd = iconv_open(enc, "UTF-32LE");
	uint32_t c;

	if (cd == (iconv_t)-1) {
		fprintf(stderr, "search-vgen: no iconv for %s\n", enc);
		exit(1);
	}
	for (c = 0x2e80; c < LIMIT; c++) {
		unsigned char in[4] = { (unsigned char)c,
		    (unsigned char)(c >> 8), (unsigned char)(c >> 16), 0 };
		char out[16], *ip = (char *)in, *op = out;
		size_t il = 4, ol = sizeof out;

		if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0)
			incjk[c] = 1;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	iconv_close(cd);
}

/*
 * Joins the entries of every dictionary of the conversion config (an
 * OpenCC configuration name such as "s2tw.json").  japanese: the config's
 * values are Japanese forms (see the top).
 */
static void
read_config(const char *config, int japanese)
{
	opencc::Config cfg;
	opencc::ConverterPtr conv = cfg.NewFromFile(config);

	for (const opencc::ConversionPtr &cv :
	    conv->GetConversionChain()->GetConversions()) {
		opencc::LexiconPtr lex = cv->GetDict()->GetLexicon();

		for (size_t i = 0; i < lex->Length(); i++) {
			const opencc::DictEntry *e = lex->At(i);
			std::vector<std::string> vals = e->Values();
			uint32_t k = single(e->Key()), v;

			if (!usable(k) || (japanese && vals.size() != 1))
				continue;
			for (const std::string &s : vals) {
				v = single(s);
				if (!usable(v) || v == k)
					continue;
				if (japanese && incjk[v] && (parent[v] == 0 ||
				    parent[k] == 0 || root(v) != root(k)))
					continue;
				join(k, v);
			}
		}
	}
}

static void
write_table(void)
{
	static uint32_t cls[LIMIT];	/* per root: its class number */
	static uint16_t map[NBLK][256];	/* per code point: its class */
	uint32_t c, r, ncls = 0, nrow = 0, k, n;
	uint32_t *off, *memb;

	for (c = 0; c < LIMIT; c++)
		if (parent[c] != 0 && root(c) == c)
			cls[c] = ++ncls;
	if (ncls > 65535) {
		fprintf(stderr, "search-vgen: too many classes\n");
		exit(1);
	}
	off = (uint32_t *)calloc(ncls + 2, sizeof *off);
	memb = (uint32_t *)calloc(LIMIT, sizeof *memb);
	/* Counting sort of the members by class, in code point order. */
	for (c = 0; c < LIMIT; c++)
		if (parent[c] != 0) {
			r = cls[root(c)];
			map[c >> 8][c & 255] = (uint16_t)r;
			off[r + 1]++;
		}
	for (k = 1; k <= ncls + 1; k++)
		off[k] += off[k - 1];
	n = off[ncls + 1];
	{
		uint32_t *fill = (uint32_t *)calloc(ncls + 2, sizeof *fill);

		for (c = 0; c < LIMIT; c++)
			if (parent[c] != 0) {
				r = cls[root(c)];
				memb[off[r] + fill[r]++] = c;
			}
		free(fill);
	}
	printf("/* Generated by search-vgen from OpenCC's dictionaries; "
	    "do not edit. */\n#include \"config.h\"\n\n"
	    "#include \"search-int.h\"\n\n");
	printf("const size_t search_var_nblk = %u;\n\n", NBLK);
	printf("const uint16_t search_var_blk[%u] = {", NBLK);
	for (k = 0; k < NBLK; k++) {
		int any = 0;

		for (c = 0; c < 256 && !any; c++)
			any = map[k][c] != 0;
		printf("%s%u,", k % 12 == 0 ? "\n\t" : " ",
		    any ? ++nrow : 0);
	}
	printf("\n};\n\nconst uint16_t search_var_map[][256] = {\n");
	for (k = 0; k < NBLK; k++) {
		int any = 0;

		for (c = 0; c < 256 && !any; c++)
			any = map[k][c] != 0;
		if (!any)
			continue;
		printf("\t{ /* U+%04X */", k << 8);
		for (c = 0; c < 256; c++)
			printf("%s%u,", c % 12 == 0 ? "\n\t" : " ",
			    map[k][c]);
		printf("\n\t},\n");
	}
	printf("};\n\nconst uint32_t search_var_off[] = {");
	for (k = 0; k <= ncls + 1; k++)
		printf("%s%u,", k % 8 == 0 ? "\n\t" : " ", off[k]);
	printf("\n};\n\nconst uint32_t search_var_cls[] = {");
	for (k = 0; k < n; k++)
		printf("%s0x%x,", k % 8 == 0 ? "\n\t" : " ", memb[k]);
	printf("\n\t0\n};\n\nconst size_t search_var_nclasses = %u;\n",
	    ncls);
	free(off);
	free(memb);
}

int
main(void)
{
	static const char *const zh[] = { "s2tw.json", "tw2s.json",
	    "s2hk.json", "hk2s.json" };
	size_t i;

	mark_charset("GB2312");
	mark_charset("BIG5");
	try {
		for (i = 0; i < sizeof zh / sizeof zh[0]; i++)
			read_config(zh[i], 0);
		read_config("t2jp.json", 1);
	} catch (const std::exception &e) {
		fprintf(stderr, "search-vgen: OpenCC: %s\n", e.what());
		return 1;
	}
	write_table();
	return ferror(stdout) ? 1 : 0;
}
