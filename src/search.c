/*
 * search.c - finding a pattern in the text: folded literals and PCRE2.
 *
 * A literal pattern is compiled into its folded form: the concatenated
 * folds (search-fold.c) of its characters as one array of code points,
 * pc[], in which a run of blanks becomes the single marker WS_MARK, and a
 * parallel array gapok[] that says before which positions the text may
 * hold a line break with blanks around it (only at the first code point of
 * a pattern character, and not between two narrow letters or digits).
 *
 * The text is never folded as a whole.  A match has to start with a
 * character whose fold is a prefix of pc[]; the set of such characters,
 * starts[], is found once from the table's reverse index (ａ, Ａ, ⓐ and
 * so on for "a").  Candidates are then found at memory speed: when there
 * are few start characters, each is scanned for with memchr on its rarest
 * byte (scan()), the scans merged in text order and each one's next
 * occurrence remembered (memo[]) so that stepping through many matches
 * never rescans the text for a rare variant; when there are many, a
 * 256-entry table of their lead bytes is used.  Each candidate is
 * verified by match_at(), which first compares bytes with the folded
 * pattern's own UTF-8 (pb[], the common case for CJK text) and folds the
 * text one character at a time only from the first difference on.
 *
 * With Han variants (search-int.h) every code point of a fold is folded
 * once more, to its variant class's representative: pc[] holds the
 * pattern so folded, while pb[] keeps the pattern's own characters, so
 * that text written as the pattern is still compared as bytes.  The start
 * characters are then every character whose fold, variant-folded, is a
 * prefix of pc[] (臺, 檯, 颱, 枱 and 台 for 台); a few of them, which in CJK
 * text share their lead bytes with most characters, are looked for all
 * at once, 32 bytes at a time, by comparing each start character's bytes
 * with the bytes at 0, 1, 2 and 3 bytes on (vec_mask(), with the
 * compiler's vector extensions), which runs at memory speed where one
 * memchr per start would pass over the text once each (find_vec()).
 *
 * A regular expression is handed to PCRE2 (UTF, UCP, multiline, JIT when
 * available); a step of bounded counting gives it a subject cut after the
 * step's end and asks for hard partial matching, so a match that might
 * run past the cut is retried on the whole text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicase.h>
#include <unictype.h>
#include <uniwidth.h>

#include "juan/search.h"
#include "juan/util.h"
#include "search-int.h"

#define WS_MARK 0xffffffffu	/* pc[] entry: a run of blanks */
#define NOMATCH ((size_t)-1)
#define MAXMEMMEM 8		/* start characters scanned one by one */
#define MEMO_MIN 65536		/* bytes: smaller texts get no memo[] */
#define SAMPLE 65536		/* bytes sampled to find a rare byte */
#define VEC_MAX 16		/* start characters find_vec() takes */

#if defined(__GNUC__)
#define SEARCH_VEC 1
#define VEC_BYTES 32		/* bytes find_vec() compares at once */
typedef unsigned char vec_u8 __attribute__((vector_size(VEC_BYTES)));
typedef signed char vec_s8 __attribute__((vector_size(VEC_BYTES)));
/* On x86-64 the compiler's SSE2 does two halves of each comparison; a
   processor with AVX2 does them at once, in a copy chosen at load time. */
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones) && !defined(__clang__)
#define VEC_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef VEC_CLONES
#define VEC_CLONES
#endif
#else
#define SEARCH_VEC 0
#endif

/* Where one start character next occurs, as far as it has been looked. */
struct search_memo {
	size_t from;	/* bytes: looked from here... */
	size_t to;	/* bytes: ...for starts before here */
	size_t at;	/* bytes: found here, or NOMATCH */
};

struct search {
	int regex;			/* PCRE2 mode */
	int nofold;			/* exact bytes */
	int caseless;			/* smart case found no capital */
	int variants;			/* Han variants fold together */
	int vscan;			/* candidates by find_vec() */

	char *raw;			/* nofold: the pattern's bytes */
	size_t rawlen;			/* bytes */

	uint32_t *pc;			/* folded pattern, code points */
	unsigned char *gapok;		/* per pc[]: a line break may come
					   before it */
	size_t npc;			/* code points in pc[] */
	uint32_t *plain;		/* variants: pc[] before that fold */
	char *pb;			/* plain[] or pc[] in UTF-8, up to a
					   WS_MARK */
	size_t pblen;			/* bytes in pb */
	size_t *pboff;			/* bytes: where each pc[] is in pb */
	size_t *pbidx;			/* per byte count k: the pc[] index
					   of the first character not whole
					   in pb[0..k) */
	uint32_t *starts;		/* sorted start characters */
	size_t nstarts;
	char (*startb)[4];		/* their UTF-8 bytes */
	unsigned char *startlen;	/* bytes of each */
	unsigned char lead[256];	/* lead bytes of the start characters */
	unsigned char pair[8192];	/* bit set: the first two bytes of a
					   start character of 2 bytes or more */
	unsigned char pair2[8192];	/* ... of one of exactly 2 bytes */
	unsigned char tri[8192];	/* bit set: a hash of the first three
					   bytes of one of 3 or 4 bytes */
#if SEARCH_VEC
	vec_u8 (*want)[4];		/* vscan: each start's bytes, each
					   repeated VEC_BYTES times */
#endif

	const char *memo_text;		/* the text memo[] is about */
	size_t memo_len;		/* bytes */
	struct search_memo memo[MAXMEMMEM];
	size_t rare[MAXMEMMEM];		/* the byte of each start to scan */
	size_t raw_rare;		/* the byte of raw[] to scan */

	pcre2_code *re;			/* regex mode */
	pcre2_match_data *md;

	struct search_shown *shown;	/* search-shown.c: the text that
					   hints show is searched, or NULL */
};

/* Horizontal blanks: those a hard-wrapped line may carry around a break. */
static int
is_hblank(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
	    c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x202f || c == 0x205f || c == 0x3000;
}

static int
is_blank(uint32_t c)
{
	return c == '\n' || is_hblank(c);
}

/* A mark that a match must not be cut from (variation selectors may). */
static int
is_mark(uint32_t c)
{
	if (c < 0x300 || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xe0100 && c <= 0xe01ef))
		return 0;
	return uc_is_general_category(c, UC_CATEGORY_M);
}

/* Letters and digits of scripts that put spaces between words. */
static int
is_narrow_alnum(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 32) >= 'a' &&
		    (c | 32) <= 'z');
	return uc_is_alnum(c) && uc_width(c, "UTF-8") < 2;
}

/* Skips a run of blanks at p; returns its end, or NOMATCH when the run
   holds more than one line break (a paragraph break). */
static size_t
skip_blanks(const char *text, size_t len, size_t p, int *nl)
{
	uint32_t c;
	int k;

	*nl = 0;
	while (p < len) {
		k = util_u8_next(text + p, len - p, &c);
		if (!is_blank(c))
			break;
		if (c == '\n' && ++*nl > 1)
			return NOMATCH;
		p += (size_t)k;
	}
	return p;
}

/*
 * Tries to match the folded pattern at byte t of the text: returns the
 * end of the match, or NOMATCH.  i is the position in pc[] and p the byte
 * in the text; at the top of the loop p is always at a character boundary.
 */
static size_t
match_at(const struct search *s, const char *text, size_t len, size_t t)
{
	const uint32_t *f;
	uint32_t c, tmp;
	size_t i = 0, p = t, n, j, q;
	int k, nl;

	/* Text that is the folded pattern's own bytes needs no folding:
	   compare bytes first, then fold from the first difference on. */
	if (s->pblen > 0) {
		q = len - t < s->pblen ? len - t : s->pblen;
		for (j = 0; j < q && text[t + j] == s->pb[j]; j++)
			continue;
		i = s->pbidx[j];
		p = t + s->pboff[i];
	}
	while (i < s->npc) {
		if (s->pc[i] == WS_MARK) {
			q = skip_blanks(text, len, p, &nl);
			if (q == NOMATCH || q == p)
				return NOMATCH;
			p = q;
			i++;
			continue;
		}
		if (p >= len)
			return NOMATCH;
		k = util_u8_next(text + p, len - p, &c);
		if (is_blank(c)) {
			/* A hard line break with its indentation. */
			if (!s->gapok[i])
				return NOMATCH;
			q = skip_blanks(text, len, p, &nl);
			if (q == NOMATCH || nl != 1)
				return NOMATCH;
			p = q;
			continue;
		}
		n = search_fold_ref(c, s->caseless, &f, &tmp);
		if (n > s->npc - i)
			return NOMATCH;
		for (j = 0; j < n; j++)
			if ((s->variants ? search_var_fold(f[j]) : f[j]) !=
			    s->pc[i + j])
				return NOMATCH;
		i += n;
		p += (size_t)k;
	}
	if (p < len) {
		util_u8_next(text + p, len - p, &c);
		if (is_mark(c))
			return NOMATCH;
	}
	return p;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

static size_t
u8_encode(uint32_t c, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (c < 0x80) {
		u[0] = (unsigned char)c;
		return 1;
	}
	if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		return 3;
	}
	u[0] = (unsigned char)(0xf0 | c >> 18);
	u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
	u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
	u[3] = (unsigned char)(0x80 | (c & 0x3f));
	return 4;
}

/* Whether the fold of c (variant-folded) is a nonempty prefix of pc[]. */
static int
starts_ok(const struct search *s, uint32_t c)
{
	const uint32_t *f;
	uint32_t tmp;
	size_t n = search_fold_ref(c, s->caseless, &f, &tmp), j;

	if (n == 0 || n > s->npc)
		return 0;
	if (!s->variants)
		return memcmp(f, s->pc, n * sizeof *f) == 0;
	for (j = 0; j < n; j++)
		if (search_var_fold(f[j]) != s->pc[j])
			return 0;
	return 1;
}

/*
 * The start characters with variants: the members of the first pattern
 * character's class (or the character alone) and the characters of the
 * folding table whose fold begins with one of them, when their fold,
 * variant-folded, begins pc[] (㍿ for 株式會社, Ａ for a).
 */
static void
find_var_starts(struct search *s)
{
	const uint32_t *m = &s->pc[0];
	uint32_t *cand = NULL;
	size_t n = search_var_members(s->pc[0], &m), ncand = 0, i;

	if (n == 0)
		n = 1;
	cand = xreallocarray(NULL, n, sizeof *cand);
	memcpy(cand, m, n * sizeof *cand);
	ncand = n;
	for (i = 0; i < n; i++)
		search_fold_led_by(m[i], s->caseless, &cand, &ncand);
	s->starts = xreallocarray(NULL, ncand, sizeof *s->starts);
	for (i = 0; i < ncand; i++)
		if (starts_ok(s, cand[i]))
			s->starts[s->nstarts++] = cand[i];
	free(cand);
}

/*
 * The two-byte and three-byte keys of the candidate filter: most bytes
 * that lead a start character in a CJK text lead far more other
 * characters (0xe2 leads “ — …, 0xef the full-width ，：), so a lead
 * byte alone would stop the scan every few characters.
 */
static inline unsigned
pair_of(const char *b)
{
	return (unsigned)(unsigned char)b[0] << 8 | (unsigned char)b[1];
}

static inline unsigned
tri_of(const char *b)
{
	unsigned v = (unsigned)(unsigned char)b[0] << 16 |
	    (unsigned)(unsigned char)b[1] << 8 | (unsigned char)b[2];

	return (v * 2654435761u) >> 16;
}

/* Collects the characters that may begin a match (see the top). */
static void
find_starts(struct search *s)
{
	static const uint32_t blanks[] = { '\t', '\n', '\v', '\f', '\r', ' ',
	    0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
	    0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000 };
	size_t i, k, o;

	if (s->pc[0] == WS_MARK) {
		s->nstarts = sizeof blanks / sizeof blanks[0];
		s->starts = xreallocarray(NULL, s->nstarts, sizeof *s->starts);
		memcpy(s->starts, blanks, sizeof blanks);
	} else if (s->variants)
		find_var_starts(s);
	else {
		if (starts_ok(s, s->pc[0])) {
			s->starts = xmalloc(sizeof *s->starts);
			s->starts[s->nstarts++] = s->pc[0];
		}
		for (k = 1; k <= s->npc && k <= SEARCH_FOLD_MAX &&
		    s->pc[k - 1] != WS_MARK; k++)
			search_fold_variants(s->pc, k, s->caseless,
			    &s->starts, &s->nstarts);
	}
	qsort(s->starts, s->nstarts, sizeof *s->starts, cmp_u32);
	for (i = o = 0; i < s->nstarts; i++)
		if (o == 0 || s->starts[o - 1] != s->starts[i])
			s->starts[o++] = s->starts[i];
	s->nstarts = o;
	s->startb = xreallocarray(NULL, s->nstarts + 1, sizeof *s->startb);
	s->startlen = xmalloc(s->nstarts + 1);
	for (i = 0; i < s->nstarts; i++) {
		s->startlen[i] = (unsigned char)u8_encode(s->starts[i],
		    s->startb[i]);
		s->lead[(unsigned char)s->startb[i][0]] = 1;
		if (s->startlen[i] >= 2) {
			unsigned key = pair_of(s->startb[i]);

			s->pair[key >> 3] |= (unsigned char)(1u << (key & 7));
			if (s->startlen[i] == 2)
				s->pair2[key >> 3] |= (unsigned char)(1u <<
				    (key & 7));
			else {
				key = tri_of(s->startb[i]);
				s->tri[key >> 3] |= (unsigned char)(1u <<
				    (key & 7));
			}
		}
		if (i < MAXMEMMEM)
			s->rare[i] = s->startlen[i] - 1u;
	}
#if SEARCH_VEC
	if (s->variants && s->nstarts >= 2 && s->nstarts <= VEC_MAX) {
		s->vscan = 1;
		s->want = xreallocarray(NULL, s->nstarts, sizeof *s->want);
		for (i = 0; i < s->nstarts; i++)
			for (k = 0; k < 4; k++)
				memset(&s->want[i][k], k < s->startlen[i] ?
				    (unsigned char)s->startb[i][k] : 0,
				    sizeof s->want[i][k]);
	}
#endif
}

/* Writes pb[], pboff[] and pbidx[] (see struct search). */
static void
make_pb(struct search *s)
{
	const uint32_t *src = s->plain != NULL ? s->plain : s->pc;
	size_t i, k, n;

	s->pb = xmalloc(s->npc * 4 + 1);
	s->pboff = xreallocarray(NULL, s->npc + 1, sizeof *s->pboff);
	for (i = 0; i < s->npc && src[i] != WS_MARK; i++) {
		s->pboff[i] = s->pblen;
		s->pblen += u8_encode(src[i], s->pb + s->pblen);
	}
	n = i;
	s->pboff[n] = s->pblen;
	s->pbidx = xreallocarray(NULL, s->pblen + 1, sizeof *s->pbidx);
	for (i = 0, k = 0; k <= s->pblen; k++) {
		while (i < n && s->pboff[i + 1] <= k)
			i++;
		s->pbidx[k] = i;
	}
}

/* Whether the pattern (literal) or the regex has a capital letter. */
static int
has_capital(const char *p, int regex)
{
	size_t n = strlen(p), i = 0;
	uint32_t c;

	while (i < n) {
		i += (size_t)util_u8_next(p + i, n - i, &c);
		if (regex && c == '\\' && i < n) {
			/* An escape such as \S or \p{Lu} is not a capital. */
			i += (size_t)util_u8_next(p + i, n - i, &c);
			if (i < n && p[i] == '{')
				while (i < n && p[i++] != '}')
					continue;
			continue;
		}
		if (uc_tolower(c) != c)
			return 1;
	}
	return 0;
}

static void
compile_literal(struct search *s, const char *pattern)
{
	size_t n = strlen(pattern), i = 0, nf, j, cap = 0;
	uint32_t c, f[SEARCH_FOLD_MAX], prev = 0;
	int k;

	while (i < n) {
		k = util_u8_next(pattern + i, n - i, &c);
		i += (size_t)k;
		if (is_blank(c)) {
			if (s->npc > 0 && s->pc[s->npc - 1] == WS_MARK)
				continue;
			nf = 1;
			f[0] = WS_MARK;
		} else
			nf = search_fold(c, s->caseless, f);
		if (nf == 0)
			continue;
		if (s->npc + nf > cap) {
			cap = 2 * cap + nf + 8;
			s->pc = xreallocarray(s->pc, cap, sizeof *s->pc);
			s->gapok = xrealloc(s->gapok, cap);
		}
		for (j = 0; j < nf; j++) {
			s->pc[s->npc + j] = f[j];
			s->gapok[s->npc + j] = 0;
		}
		/* A break may fall between two characters unless both are
		   letters or digits of a script written with spaces. */
		if (s->npc > 0 && f[0] != WS_MARK && prev != WS_MARK)
			s->gapok[s->npc] = !(is_narrow_alnum(prev) &&
			    is_narrow_alnum(f[0]));
		prev = f[0];
		s->npc += nf;
	}
}

/*
 * Folds pc[] to variant representatives when a code point of it has
 * variants, keeping the unfolded pattern in plain[] (see the top).
 */
static void
fold_variants(struct search *s)
{
	size_t i;

	for (i = 0; i < s->npc && !s->variants; i++)
		s->variants = s->pc[i] != WS_MARK &&
		    search_var_class(s->pc[i]) != 0;
	if (!s->variants)
		return;
	s->plain = xreallocarray(NULL, s->npc, sizeof *s->plain);
	memcpy(s->plain, s->pc, s->npc * sizeof *s->pc);
	for (i = 0; i < s->npc; i++)
		if (s->pc[i] != WS_MARK)
			s->pc[i] = search_var_fold(s->pc[i]);
}

/*
 * Compiles a regular expression, with variants made classes
 * (search_var_regex) unless novariants; should the rewritten pattern fail
 * to compile where the pattern as given does not, the pattern is taken
 * as given, and an error is always reported at the offsets of the
 * pattern as given.
 */
static struct search *
compile_regex(struct search *s, const char *pattern, int novariants,
    char **err)
{
	/*
	 * Invalid UTF-8 matches nothing, but harms nothing either: the
	 * reader searches a file's mapped bytes before they are checked
	 * (source_bytes), and PCRE2 is told not to check a large text.
	 */
	uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE |
	    PCRE2_NEVER_BACKSLASH_C | PCRE2_MATCH_INVALID_UTF;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	char *var = novariants ? NULL : search_var_regex(pattern);
	int code;

	if (s->caseless)
		opts |= PCRE2_CASELESS;
	if (var != NULL) {
		s->re = pcre2_compile((PCRE2_SPTR)var, PCRE2_ZERO_TERMINATED,
		    opts, &code, &off, NULL);
		s->variants = s->re != NULL;
		free(var);
	}
	if (s->re == NULL)
		s->re = pcre2_compile((PCRE2_SPTR)pattern,
		    PCRE2_ZERO_TERMINATED, opts, &code, &off, NULL);
	if (s->re == NULL) {
		pcre2_get_error_message(code, msg, sizeof msg);
		*err = xasprintf("bad regular expression at offset %zu: %s",
		    (size_t)off, (char *)msg);
		search_free(s);
		return NULL;
	}
	/* Without JIT (not built, or no executable memory) PCRE2's
	   interpreter still gives the same answers, only slower. */
	(void)pcre2_jit_compile(s->re, PCRE2_JIT_COMPLETE |
	    PCRE2_JIT_PARTIAL_HARD);
	s->md = pcre2_match_data_create_from_pattern(s->re, NULL);
	return s;
}

struct search *
search_new(const char *pattern, const struct search_opts *o, char **err)
{
	struct search *s;

	*err = NULL;
	if (pattern[0] == '\0') {
		*err = xstrdup("empty pattern");
		return NULL;
	}
	s = xcalloc(1, sizeof *s);
	s->regex = o != NULL && o->regex;
	s->nofold = o != NULL && o->nofold && !s->regex;
	s->caseless = !s->nofold && !has_capital(pattern, s->regex);
	if (s->regex)
		return compile_regex(s, pattern, o->novariants, err);
	if (s->nofold) {
		s->raw = xstrdup(pattern);
		s->rawlen = strlen(pattern);
		s->raw_rare = s->rawlen - 1;
		return s;
	}
	compile_literal(s, pattern);
	if (s->npc == 0) {
		*err = xstrdup("the pattern has only invisible characters");
		search_free(s);
		return NULL;
	}
	if (o == NULL || !o->novariants)
		fold_variants(s);
	find_starts(s);
	make_pb(s);
	return s;
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	search_shown_free(s->shown);
	free(s->raw);
	free(s->pc);
	free(s->plain);
	free(s->gapok);
	free(s->pb);
	free(s->pboff);
	free(s->pbidx);
	free(s->starts);
	free(s->startb);
	free(s->startlen);
#if SEARCH_VEC
	free(s->want);
#endif
	if (s->md != NULL)
		pcre2_match_data_free(s->md);
	if (s->re != NULL)
		pcre2_code_free(s->re);
	free(s);
}

int
search_caseless(const struct search *s)
{
	return s->caseless;
}

int
search_variants(const struct search *s)
{
	return s->variants;
}

void
search_forget(struct search *s)
{
	s->memo_text = NULL;
	s->memo_len = 0;
}

/*
 * The first occurrence of the needle nd[0..nn) in hay[0..n): memchr for its
 * byte nd[k], chosen as the rarest, then a comparison.  glibc's memmem is
 * slow for needles of three bytes (one CJK character), where its shift
 * cannot exceed the needle's length; memchr runs at memory speed and a
 * rare byte keeps the comparisons few.
 */
static const char *
scan(const char *hay, size_t n, const char *nd, size_t nn, size_t k)
{
	const char *p, *end, *q;

	if (nn > n)
		return NULL;
	p = hay + k;
	end = hay + n - (nn - 1 - k);
	while (p < end && (q = memchr(p, nd[k], (size_t)(end - p))) != NULL) {
		if (memcmp(q - k, nd, nn) == 0)
			return q - k;
		p = q + 1;
	}
	return NULL;
}

/*
 * Picks, for each start character, the byte to scan for: the one least
 * frequent in a sample of the text (its first SAMPLE bytes), or, for a
 * small text, the last (a continuation byte, which varies more than a
 * lead byte in CJK text).
 */
static void
pick_rare(struct search *s, const char *text, size_t len)
{
	size_t hist[256] = { 0 }, i, j, n = len < SAMPLE ? len : SAMPLE;

	for (i = 0; i < n; i++)
		hist[(unsigned char)text[i]]++;
	for (i = 0; i < s->nstarts && i < MAXMEMMEM; i++)
		for (j = 0; j < s->startlen[i]; j++)
			if (hist[(unsigned char)s->startb[i][j]] <
			    hist[(unsigned char)s->startb[i][s->rare[i]]])
				s->rare[i] = j;
	for (j = 0; j < s->rawlen; j++)
		if (hist[(unsigned char)s->raw[j]] <
		    hist[(unsigned char)s->raw[s->raw_rare]])
			s->raw_rare = j;
}

/*
 * Starts memo[] afresh for a new text.  Small texts (such as outline
 * entries filtered one after another in one reused buffer) are not
 * remembered at all.
 */
static void
memo_reset(struct search *s, const char *text, size_t len)
{
	size_t i;

	if (len >= MEMO_MIN && s->memo_text == text && s->memo_len == len)
		return;
	for (i = 0; i < MAXMEMMEM; i++)
		s->memo[i].from = NOMATCH;
	if (len >= MEMO_MIN)
		pick_rare(s, text, len);
	s->memo_text = len < MEMO_MIN ? NULL : text;
	s->memo_len = len;
}

/* The next occurrence of start character i at or after from, starting
   before lim, or NOMATCH; answered from memo[] when it can be. */
static size_t
memo_find(struct search *s, size_t i, const char *text, size_t len,
    size_t from, size_t lim)
{
	struct search_memo *m = &s->memo[i];
	size_t n = s->startlen[i], hay;
	const char *p;

	/* A remembered occurrence is checked against the bytes, so a text
	   changed in place is caught at least where it matters most. */
	if (s->memo_text == text && m->from <= from &&
	    (m->at != NOMATCH ? from <= m->at &&
	    memcmp(text + m->at, s->startb[i], n) == 0 : lim <= m->to))
		return m->at != NOMATCH && m->at < lim ? m->at : NOMATCH;
	m->from = from;
	m->to = lim;
	m->at = NOMATCH;
	hay = lim - from + n - 1;
	if (hay > len - from)
		hay = len - from;
	p = scan(text + from, hay, s->startb[i], n, s->rare[i]);
	if (p != NULL)
		m->at = (size_t)(p - text);
	return m->at;
}

/* Whether c is one of the start characters (a binary search). */
static int
is_start(const struct search *s, uint32_t c)
{
	size_t lo = 0, hi = s->nstarts, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (s->starts[mid] == c)
			return 1;
		if (s->starts[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

#if SEARCH_VEC
/*
 * The bytes at text[p..p+VEC_BYTES) where a start character begins, as a
 * mask of VEC_BYTES bytes, 0xff where one does (see the top), in words.
 * The bytes of a start character begin only at a character boundary,
 * since they begin with a lead byte.  Needs p + VEC_BYTES + 3 <= len.
 */
static inline void
vec_mask(const struct search *s, const char *text, size_t p,
    uint64_t w[VEC_BYTES / 8])
{
	vec_u8 b0, b1, b2, b3;
	vec_s8 any = { 0 }, m;
	size_t i;

	memcpy(&b0, text + p, sizeof b0);
	memcpy(&b1, text + p + 1, sizeof b1);
	memcpy(&b2, text + p + 2, sizeof b2);
	memcpy(&b3, text + p + 3, sizeof b3);
	for (i = 0; i < s->nstarts; i++) {
		m = b0 == s->want[i][0];
		if (s->startlen[i] >= 2)
			m &= b1 == s->want[i][1];
		if (s->startlen[i] >= 3)
			m &= b2 == s->want[i][2];
		if (s->startlen[i] >= 4)
			m &= b3 == s->want[i][3];
		any |= m;
	}
	memcpy(w, &any, sizeof any);
}

/* Takes the first byte set in the mask (see vec_mask) out of it and
   returns its index, or returns -1 when none is set. */
static inline int
vec_next(uint64_t w[VEC_BYTES / 8])
{
	int h, j;

	for (h = 0; h < VEC_BYTES / 8; h++) {
		if (w[h] == 0)
			continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		j = __builtin_ctzll(w[h]) & ~7;
#else
		for (j = 56; j > 0 && (w[h] >> j & 0xff) == 0; j -= 8)
			continue;
#endif
		w[h] &= ~((uint64_t)0xff << j);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		return h * 8 + j / 8;
#else
		return h * 8 + 7 - j / 8;
#endif
	}
	return -1;
}

/* The first literal match starting in [from, lim) by vec_mask. */
VEC_CLONES static int
find_vec(const struct search *s, const char *text, size_t len, size_t from,
    size_t lim, size_t *ms, size_t *me)
{
	size_t p = from, q, end, i;
	uint64_t w[VEC_BYTES / 8];
	int j;

	for (; p < lim && len - p >= VEC_BYTES + 3; p += VEC_BYTES) {
		vec_mask(s, text, p, w);
		while ((j = vec_next(w)) >= 0) {
			if ((q = p + (size_t)j) >= lim)
				return 0;
			if ((end = match_at(s, text, len, q)) != NOMATCH) {
				*ms = q;
				*me = end;
				return 1;
			}
		}
	}
	for (; p < lim; p++)
		for (i = 0; i < s->nstarts; i++)
			if (s->startlen[i] <= len - p && memcmp(text + p,
			    s->startb[i], s->startlen[i]) == 0 &&
			    (end = match_at(s, text, len, p)) != NOMATCH) {
				*ms = p;
				*me = end;
				return 1;
			}
	return 0;
}
#endif

/* The first literal match starting in [from, lim), lim <= len. */
static int
find_literal(struct search *s, const char *text, size_t len, size_t from,
    size_t lim, size_t *ms, size_t *me)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t p, i, best, at, end;
	uint32_t c;

	if (s->nofold) {
		const char *q;
		size_t hay = lim - from + s->rawlen - 1;

		if (hay > len - from)
			hay = len - from;
		memo_reset(s, text, len);
		q = s->rawlen >= 12 ? memmem(text + from, hay, s->raw,
		    s->rawlen) : scan(text + from, hay, s->raw, s->rawlen,
		    s->raw_rare);
		if (q == NULL)
			return 0;
		*ms = (size_t)(q - text);
		*me = *ms + s->rawlen;
		return 1;
	}
#if SEARCH_VEC
	if (s->vscan)
		return find_vec(s, text, len, from, lim, ms, me);
#endif
	if (s->nstarts <= MAXMEMMEM) {
		memo_reset(s, text, len);
		p = from;
		for (;;) {
			best = NOMATCH;
			for (i = 0; i < s->nstarts; i++) {
				at = memo_find(s, i, text, len, p, lim);
				if (at < best)
					best = at;
			}
			if (best == NOMATCH)
				return 0;
			if ((end = match_at(s, text, len, best)) != NOMATCH) {
				*ms = best;
				*me = end;
				return 1;
			}
			p = best + 1;
			if (p >= lim)
				return 0;
		}
	}
	for (p = from; p < lim; p++) {
		/* The scan proper: a table test per byte, unrolled. */
		while (p + 4 <= lim && !s->lead[u[p]] && !s->lead[u[p + 1]] &&
		    !s->lead[u[p + 2]] && !s->lead[u[p + 3]])
			p += 4;
		while (p < lim && !s->lead[u[p]])
			p++;
		if (p >= lim)
			break;
		/* The first two bytes, then three, before decoding. */
		if (u[p] >= 0xc0) {
			unsigned k;

			if (p + 1 >= len)
				continue;
			k = pair_of(text + p);
			if (!(s->pair[k >> 3] & (1u << (k & 7))))
				continue;
			if (!(s->pair2[k >> 3] & (1u << (k & 7)))) {
				if (p + 2 >= len)
					continue;
				k = tri_of(text + p);
				if (!(s->tri[k >> 3] & (1u << (k & 7))))
					continue;
			}
		}
		util_u8_next(text + p, len - p, &c);
		if (is_start(s, c) &&
		    (end = match_at(s, text, len, p)) != NOMATCH) {
			*ms = p;
			*me = end;
			return 1;
		}
	}
	return 0;
}

/*
 * The first regex match starting in [from, lim) (lim <= len + 1).  When lim
 * is inside the text the subject is cut at the end of the line holding lim,
 * with hard partial matching, so the work is bounded; a partial match is
 * retried on the whole text.
 */
static int
find_regex(struct search *s, const char *text, size_t len, size_t from,
    size_t lim, int strict, size_t *ms, size_t *me)
{
	PCRE2_SIZE *ov;
	size_t sub = len;
	const char *nl;
	uint32_t opts = 0;
	int rc;

	/* PCRE2 checks the whole subject's UTF-8 on every call unless told
	   not to; a large text (a buffer, valid by construction) is spared
	   that, a small one (such as a title being filtered, perhaps cut
	   by its caller) is checked, so bad bytes give no match, not harm. */
	if (len >= MEMO_MIN)
		opts |= PCRE2_NO_UTF_CHECK;

	if (lim < len) {
		nl = memchr(text + lim, '\n', len - lim);
		sub = nl != NULL ? (size_t)(nl - text) + 1 : len;
		if (sub < len)
			opts |= PCRE2_PARTIAL_HARD;
	}
	rc = pcre2_match(s->re, (PCRE2_SPTR)text, sub, from, opts, s->md,
	    NULL);
	if (rc == PCRE2_ERROR_PARTIAL)
		rc = pcre2_match(s->re, (PCRE2_SPTR)text, len, from,
		    opts & PCRE2_NO_UTF_CHECK, s->md, NULL);
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(s->md);
	/* With \K a match tried before lim may report a start after it;
	   counting takes it (the next step could not see it again), the
	   other callers want starts before lim only. */
	if (strict && ov[0] >= lim)
		return 0;
	*ms = ov[0];
	/* \K in a lookahead can put the start after the end. */
	*me = ov[1] > ov[0] ? ov[1] : ov[0];
	return 1;
}

/* Moves off to the start of the character it is in (or stays at len). */
static size_t
to_boundary(const char *text, size_t len, size_t off)
{
	while (off < len && ((unsigned char)text[off] & 0xc0) == 0x80)
		off++;
	return off;
}

static int
find(struct search *s, const char *text, size_t len, size_t from,
    size_t lim, int strict, size_t *ms, size_t *me)
{
	if (from > len)
		return 0;
	from = to_boundary(text, len, from);
	if (from >= lim)
		return 0;
	if (s->regex)
		return find_regex(s, text, len, from, lim, strict, ms, me);
	if (lim > len)
		lim = len;
	if (from >= lim)
		return 0;
	return find_literal(s, text, len, from, lim, ms, me);
}

int
search_raw_next(struct search *s, const char *text, size_t len, size_t from,
    size_t lim, size_t *mstart, size_t *mend)
{
	if (lim > len)
		lim = len + 1;
	return find(s, text, len, from, lim, 1, mstart, mend);
}

int
search_next(struct search *s, const char *text, size_t len, size_t from,
    size_t *mstart, size_t *mend)
{
	if (s->shown != NULL)
		return search_shown_next(s, s->shown, text, len, from,
		    len + 1, mstart, mend);
	return find(s, text, len, from, len + 1, 1, mstart, mend);
}

int
search_next_in(struct search *s, const char *text, size_t len, size_t from,
    size_t lim, size_t *mstart, size_t *mend)
{
	if (lim > len)
		lim = len + 1;
	if (s->shown != NULL)
		return search_shown_next(s, s->shown, text, len, from, lim,
		    mstart, mend);
	return find(s, text, len, from, lim, 1, mstart, mend);
}

void
search_set_hints(struct search *s, const struct hints *h)
{
	search_shown_free(s->shown);
	s->shown = search_shown_new(h);
	search_forget(s);
}

size_t
search_after(const char *text, size_t len, size_t mstart, size_t mend)
{
	if (mend > mstart)
		return mend;
	if (mstart >= len)
		return len + 1;
	return to_boundary(text, len, mstart + 1);
}

/* The byte after the character that starts at off. */
static size_t
next_char(const char *text, size_t len, size_t off)
{
	return off >= len ? len + 1 : to_boundary(text, len, off + 1);
}

int
search_prev(struct search *s, const char *text, size_t len, size_t before,
    size_t *mstart, size_t *mend)
{
	if (s->shown != NULL)
		return search_shown_prev(s, s->shown, text, len, before,
		    mstart, mend);
	return search_raw_prev(s, text, len, before, mstart, mend);
}

int
search_raw_prev(struct search *s, const char *text, size_t len,
    size_t before, size_t *mstart, size_t *mend)
{
	size_t win = 65536, lo, hi, from, a, b;
	int found = 0;

	if (before > len + 1)
		before = len + 1;
	hi = before;
	while (hi > 0) {
		lo = hi > win ? to_boundary(text, len, hi - win) : 0;
		if (lo >= hi)
			lo = 0;
		/* The last start in [lo, hi): step one character at a time
		   from each start, so overlapping matches are seen too. */
		for (from = lo; find(s, text, len, from, hi, 1, &a, &b);
		    from = next_char(text, len, a)) {
			*mstart = a;
			*mend = b;
			found = 1;
		}
		if (found)
			return 1;
		hi = lo;
		if (win < ((size_t)1 << 40))
			win *= 2;
	}
	return 0;
}

int
search_count_step(struct search *s, const char *text, size_t len,
    struct search_count *st, size_t budget)
{
	size_t lim, a, b;

	if (st->done)
		return 1;
	if (budget == 0)
		budget = 1;
	lim = st->pos + budget;
	if (lim < st->pos || lim > len)
		lim = len + 1;
	while (find(s, text, len, st->pos, lim, 0, &a, &b)) {
		st->count++;
		if (a < st->mark)
			st->before++;
		st->pos = search_after(text, len, a, b);
	}
	if (st->pos < lim)
		st->pos = lim;
	if (st->pos > len)
		st->done = 1;
	return st->done;
}
