/*
 * test-timeline-event.c - the events, and the text-safe output they go
 * through, against the plain byte-by-byte versions they replaced.
 *
 * timeline_make_event() finds a sentence's bounds with tables of the bytes
 * that can start or end a terminator, walks back to the clause separators,
 * shares the sentence of the entry before in the same sentence, skips the
 * column count for short events and replaces newlines and tabs with
 * memchr; util_safe_add() and util_json_add() skip to the bytes that can
 * start a replaced character.  Each must give exactly what the plain
 * version (kept here as ref_*) gives: on random texts of dates,
 * terminators, separators, spaces, newlines, tabs, controls, wide and
 * combining characters and invalid or cut UTF-8, on every prefix of a
 * dense text (cut inside characters), on every string of one and two
 * bytes, and on every three-byte string whose first byte leads a replaced
 * character.  doc_section_at(), which remembers its last answer, is
 * checked against a linear search, in order, backwards, at random and
 * between two documents.  sbuf_add() and sbuf_addc() are checked at every
 * size around their growth.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tap.h"
#include "timeline-int.h"

/* The event as the byte-by-byte version cut it. */

static size_t
ref_sentence_end(const char *s, size_t lo, size_t k, size_t hi)
{
	if (LEX_AT(s, hi, k, "。") || LEX_AT(s, hi, k, "！") ||
	    LEX_AT(s, hi, k, "？") || LEX_AT(s, hi, k, "；"))
		return 3;
	if (s[k] == '!' || s[k] == '?' || s[k] == ';')
		return 1;
	if (s[k] == '.' && (k + 1 >= hi || s[k + 1] == ' ' ||
	    s[k + 1] == '\n') && k > lo + 1 && s[k - 2] != ' ' &&
	    s[k - 2] != '.')
		return 1;
	return 0;
}

static size_t
ref_clause_sep(const char *s, size_t k, size_t hi)
{
	if (LEX_AT(s, hi, k, "，") || LEX_AT(s, hi, k, "："))
		return 3;
	if ((s[k] == ',' || s[k] == ':') && k + 1 < hi && s[k + 1] == ' ')
		return 1;
	return 0;
}

static size_t
ref_trim_front(const char *s, size_t k, size_t hi)
{
	size_t l;

	for (;;) {
		if (k < hi && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t' ||
		    s[k] == '#' || s[k] == '>'))
			k++;
		else if (k < hi && (l = ref_clause_sep(s, k, hi)) != 0)
			k += l;
		else if (LEX_AT(s, hi, k, "\xe3\x80\x80") ||
		    LEX_AT(s, hi, k, "、"))
			k += 3;
		else if (k < hi && s[k] == ',')
			k++;
		else
			return k;
	}
}

static int
ref_width(const char *s, size_t k, size_t hi, size_t *l)
{
	uint32_t c;
	int w;

	if ((unsigned char)s[k] < 0x80) {
		*l = 1;
		return 1;
	}
	*l = (size_t)util_u8_next(s + k, hi - k, &c);
	if ((c >= 0x4e00 && c <= 0x9fff) || (*l == 3 && ((c >= 0x3000 &&
	    c <= 0x3029) || (c >= 0xff01 && c <= 0xff60))))
		return 2;
	w = uc_width(c, "UTF-8");
	return w < 0 ? 1 : w;
}

static char *
ref_event(const struct timeline *t, size_t i, const struct doc *d)
{
	const struct tl_entry *e = &t->entries[i];
	const struct block *b = &d->blocks[e->block];
	const char *s = d->buf->data;
	size_t ss = b->off, se = b->end, k, l, lo, hi, cols = 0, cut;
	struct sbuf ev = SBUF_INIT;
	int w;

	for (k = e->off; k > b->off; k--)
		if (ref_sentence_end(s, b->off, k - 1, b->end) == 1 ||
		    (k >= b->off + 3 &&
		    ref_sentence_end(s, b->off, k - 3, b->end) == 3))
			break;
	ss = k;
	for (k = e->end; k < b->end; k++)
		if (ref_sentence_end(s, b->off, k, b->end) != 0) {
			se = k;
			break;
		}
	lo = ss;
	if (i > 0 && t->entries[i - 1].block == e->block &&
	    t->entries[i - 1].end > ss)
		for (k = t->entries[i - 1].end; k < e->off; k++)
			if ((l = ref_clause_sep(s, k, e->off)) != 0)
				lo = k + l;
	hi = se;
	if (i + 1 < t->n && t->entries[i + 1].block == e->block &&
	    t->entries[i + 1].off < se)
		for (k = e->end; k < t->entries[i + 1].off; k++)
			if (ref_clause_sep(s, k, se) != 0)
				hi = k;
	lo = ref_trim_front(s, lo, hi);
	if ((lo == e->off || (lo + 3 == e->off && (LEX_AT(s, hi, lo, "在") ||
	    LEX_AT(s, hi, lo, "于") || LEX_AT(s, hi, lo, "即") ||
	    LEX_AT(s, hi, lo, "约"))) ||
	    (lo + 3 <= e->off && e->off - lo <= 5 &&
	    (LEX_AT(s, hi, lo, "In ") || LEX_AT(s, hi, lo, "On ") ||
	    LEX_AT(s, hi, lo, "in ") || LEX_AT(s, hi, lo, "on ")))) &&
	    (e->end >= hi || s[e->end] == ' ' ||
	    ref_clause_sep(s, e->end, hi) || LEX_AT(s, hi, e->end, "、"))) {
		k = ref_trim_front(s, e->end, hi);
		if (k >= hi && hi < se)
			k = ref_trim_front(s, e->end, hi = se);
		if (k < hi)
			lo = k;
	}
	while (hi > lo && (s[hi - 1] == ' ' || s[hi - 1] == '\n'))
		hi--;
	for (k = lo, cut = hi; k < hi; k += l) {
		w = ref_width(s, k, hi, &l);
		if (cols + (size_t)w > 119 && k + l < hi) {
			cut = k;
			break;
		}
		cols += (size_t)w;
	}
	for (k = lo; k < cut; k++)
		sbuf_addc(&ev, s[k] == '\n' || s[k] == '\t' ? ' ' : s[k]);
	if (cut < hi)
		sbuf_adds(&ev, "…");
	return sbuf_take(&ev);
}

/* The byte-by-byte util_safe_add() and util_json_add(). */

static void
ref_safe_add(struct sbuf *b, const char *s, size_t n, int single_line)
{
	size_t i = 0;
	char rep[12];
	uint32_t c;
	int k, r;

	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		if (c == '\n' || c == '\t')
			r = single_line ? -1 : 0;
		else
			r = util_ctl_repr(c, rep);
		if (r < 0)
			sbuf_addc(b, ' ');
		else if (r > 0)
			sbuf_add(b, rep, (size_t)r);
		else
			sbuf_add(b, s + i, (size_t)k);
		i += (size_t)k;
	}
}

static void
ref_json_add(struct sbuf *b, const char *s, size_t n)
{
	size_t i = 0;
	char rep[12];
	uint32_t c;
	int k;

	sbuf_addc(b, '"');
	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		if (c == '"')
			sbuf_adds(b, "\\\"");
		else if (c == '\\')
			sbuf_adds(b, "\\\\");
		else if (c == '\n')
			sbuf_adds(b, "\\n");
		else if (c == '\t')
			sbuf_adds(b, "\\t");
		else if (c == '\r')
			sbuf_adds(b, "\\r");
		else if (util_ctl_repr(c, rep) > 0)
			sbuf_printf(b, "\\u%04x", (unsigned)c);
		else
			sbuf_add(b, s + i, (size_t)k);
		i += (size_t)k;
	}
	sbuf_addc(b, '"');
}

/* Pieces of the random texts: what each rewritten walk looks at. */
static const char *const pieces[] = {
	"2016年", "3月5日", "1998年4月", "1月23日", "2019年底", "次年",
	"March 5, 2019", "In 1990", "on 2001-02-03", "20世纪80年代",
	"，", "：", ", ", ": ", ",", ":", "。", "！", "？", "；", ". ",
	".", "!", "?", ";", "..", "c. ", "2.0", " ", "  ", "\n", "\n\n",
	"\t", "#", ">", "在", "于", "即", "约", "In ", "on ", "、",
	"\xe3\x80\x80", "很长的一句话", "文字", "abc def", "\xff", "\x80",
	"\xe3\x80", "\xef\xbc", "\xe3", "\xef", "\x82", "\x9f", "\xcc\x81",
	"\xc3\xa9", "\xf0\x9f\x98\x80", "\x1b[31m", "\xc2\x85",
	"\xe2\x80\x8e", "\xe2\x81\xa6", "\xd8\x9c", "“", "”", "…", "\"",
	"\\", "\r", "\x7f", "\xef\xbc\x8c", "\xef\xbd\x9e", "\xe4\xb8",
	"\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80"
	"\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80",
	"Jan 1, 1970 the quick brown fox jumps over the lazy dog again",
	"\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81\xcc\x81",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static unsigned long rng = 12345;

static unsigned
next_rand(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33);
}

/* The entries of one batch of timeline_each, their events compared. */
struct cmp {
	const struct doc *d;
	int bad;
	size_t n;
};

static void
check_batch(void *arg, const struct timeline *t)
{
	struct cmp *c = arg;
	char *want;
	size_t i;

	for (i = 0; i < t->n; i++) {
		want = ref_event(t, i, c->d);
		if (strcmp(want, t->entries[i].event) != 0) {
			if (c->bad++ < 5)
				printf("# event \"%s\", want \"%s\"\n",
				    t->entries[i].event, want);
		}
		free(want);
		c->n++;
	}
}

/* Compares the events of text s[0..n), both ways of making them. */
static int
check_text(const char *s, size_t n, size_t *entries)
{
	struct buffer *b = buffer_from_mem(s, n, NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);
	struct cmp c = { d, 0, 0 };

	check_batch(&c, t);
	timeline_each(d, check_batch, &c);
	*entries += c.n;
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return c.bad;
}

static void
test_events(void)
{
	static const char *const ends[] = { "。", "? ", "；", ". " };
	static const char *const mixed[] = { "a", "\xcc\x81", "\xc3\xa9",
	    "\xf0\x9f\x98\x80", "文" };
	struct sbuf s = SBUF_INIT;
	size_t entries = 0, i, k, len;
	int bad = 0, round;

	for (round = 0; round < 600; round++) {
		sbuf_reset(&s);
		len = 1 + next_rand() % 160;
		for (k = 0; k < len; k++)
			sbuf_adds(&s, pieces[next_rand() % NPIECES]);
		bad += check_text(s.s, s.len, &entries);
	}
	ok(entries > 5000, "random texts: %zu entries", entries);
	is_int(bad, 0, "random texts: every event as the plain walk cuts it");
	/* Every prefix of a dense text, cut inside characters too. */
	sbuf_reset(&s);
	sbuf_adds(&s, "2016年3月，甲。2017年，乙：1月2日，丙；3月在4日、"
	    "5日.\n1990年！In 1991, the start. 1992年\t很长的一句话"
	    "“2020年5月”…2021年\xcc\x81\xff。");
	bad = 0;
	for (i = 0; i <= s.len; i++)
		bad += check_text(s.s, i, &entries);
	is_int(bad, 0, "every prefix: the same events");
	/* A long sentence of every width, cut at 120 columns. */
	sbuf_reset(&s);
	sbuf_adds(&s, "2016年，");
	for (i = 0; i < 200; i++)
		sbuf_adds(&s, mixed[i % 5]);
	bad = check_text(s.s, s.len, &entries);
	is_int(bad, 0, "a long sentence of mixed widths");
	/*
	 * Terminators and separators at every distance from the date,
	 * either side, so that each lands at every place of a 16-byte
	 * vector, among ASCII and among CJK.
	 */
	bad = 0;
	for (i = 0; i < 40; i++)
		for (k = 0; k < 8; k++) {
			size_t j;

			sbuf_reset(&s);
			sbuf_adds(&s, k % 2 ? "文字" : "ab");
			sbuf_adds(&s, ends[k / 2]);
			for (j = 0; j < i; j++)
				sbuf_adds(&s, k % 2 ? "文" : "x");
			sbuf_adds(&s, k % 2 ? "2016年" : "In 1990 ");
			for (j = 0; j < 40 - i; j++)
				sbuf_adds(&s, k % 2 ? "字" : "y");
			sbuf_adds(&s, ends[(k / 2 + 1) % 4]);
			sbuf_adds(&s, "2017年，乙");
			bad += check_text(s.s, s.len, &entries);
		}
	is_int(bad, 0, "terminators at every distance from the date");
	/* Exactly 120 and 121 bytes of ASCII after the date. */
	for (i = 118; i <= 123; i++) {
		sbuf_reset(&s);
		sbuf_adds(&s, "In 1990, ");
		for (k = 0; k < i; k++)
			sbuf_addc(&s, (char)('a' + k % 26));
		sbuf_adds(&s, ".");
		bad = check_text(s.s, s.len, &entries);
		is_int(bad, 0, "an event of %zu bytes", i);
	}
	sbuf_free(&s);
}

/* Compares util_safe_add and util_json_add with the plain ones on s[0..n). */
static int
check_safe(const char *s, size_t n)
{
	struct sbuf a = SBUF_INIT, b = SBUF_INIT;
	int bad = 0, single;

	for (single = 0; single <= 1; single++) {
		sbuf_reset(&a);
		sbuf_reset(&b);
		util_safe_add(&a, s, n, single);
		ref_safe_add(&b, s, n, single);
		bad += a.len != b.len ||
		    (a.len > 0 && memcmp(a.s, b.s, a.len) != 0);
	}
	sbuf_reset(&a);
	sbuf_reset(&b);
	util_json_add(&a, s, n);
	ref_json_add(&b, s, n);
	bad += a.len != b.len ||
		    (a.len > 0 && memcmp(a.s, b.s, a.len) != 0);
	sbuf_free(&a);
	sbuf_free(&b);
	return bad;
}

static void
test_safe(void)
{
	static const unsigned char leads[] = { 0x00, 0x09, 0x0a, 0x1b, 0x22,
	    0x5c, 0x7f, 0xc2, 0xd8, 0xe2, 0xe3, 0xef, 0xf0, 0xed };
	static const char *const stops[] = { "\x1b", "\x7f", "\xc2\x85",
	    "\xc2\xa0", "\xd8\x9c", "\xd8\x80", "\xe2\x80\x8e",
	    "\xe2\x81\xa6", "\xe2\x80\xa6", "\"", "\\", "\n", "\t", "\r" };
	struct sbuf s = SBUF_INIT;
	char buf[4];
	unsigned x, y;
	size_t i, k, len;
	int bad = 0, round;

	for (x = 0; x < 256; x++) {
		buf[0] = (char)x;
		bad += check_safe(buf, 1);
		for (y = 0; y < 256; y++) {
			buf[1] = (char)y;
			bad += check_safe(buf, 2);
		}
	}
	is_int(bad, 0, "every string of one and two bytes");
	bad = 0;
	for (i = 0; i < sizeof leads; i++)
		for (x = 0; x < 256; x++)
			for (y = 0; y < 256; y++) {
				buf[0] = (char)leads[i];
				buf[1] = (char)x;
				buf[2] = (char)y;
				bad += check_safe(buf, 3);
				buf[3] = 'a';
				bad += check_safe(buf, 4);
			}
	is_int(bad, 0, "every three bytes after a lead byte that matters");
	/* Each stop at every place of a 16-byte vector and past it. */
	bad = 0;
	for (len = 1; len <= 40; len++)
		for (i = 0; i < len; i++)
			for (k = 0; k < sizeof stops / sizeof stops[0]; k++) {
				sbuf_reset(&s);
				for (x = 0; x < len; x++)
					sbuf_adds(&s, x == i ? stops[k] :
					    x % 3 ? "a" : "\xe6\x96\x87");
				bad += check_safe(s.s, s.len);
			}
	is_int(bad, 0, "every stop at every place");
	bad = 0;
	for (round = 0; round < 3000; round++) {
		sbuf_reset(&s);
		len = next_rand() % 40;
		for (k = 0; k < len; k++)
			sbuf_adds(&s, pieces[next_rand() % NPIECES]);
		for (i = 0; i <= s.len; i += 1 + i / 8)
			bad += check_safe(s.s, i);
	}
	is_int(bad, 0, "random texts and their prefixes");
	sbuf_free(&s);
}

/* sbuf_add and sbuf_addc, one size after another across the growth. */
static void
test_sbuf(void)
{
	struct sbuf b = SBUF_INIT;
	char want[3000], piece[70];
	size_t n = 0, k, i;
	int bad = 0;

	for (i = 0; i < sizeof piece; i++)
		piece[i] = (char)('A' + i % 26);
	while (n < 2900) {
		k = next_rand() % 4 == 0 ? 1 : next_rand() % sizeof piece;
		if (k == 1 && next_rand() % 2 == 0)
			sbuf_addc(&b, piece[0]);
		else
			sbuf_add(&b, piece, k);
		memcpy(want + n, piece, k);
		n += k;
		bad += b.len != n || memcmp(b.s, want, n) != 0 ||
		    b.s[n] != '\0' || b.cap <= n;
	}
	is_int(bad, 0, "sbuf: bytes, length and NUL after every add");
	sbuf_free(&b);
	sbuf_addc(&b, 'x');
	ok(b.len == 1 && strcmp(b.s, "x") == 0, "sbuf: addc to an empty one");
	sbuf_free(&b);
	sbuf_add(&b, "", 0);
	ok(b.len == 0 && b.s != NULL && b.s[0] == '\0',
	    "sbuf: nothing added to an empty one");
	sbuf_free(&b);
}

/* The last section starting at or before off, searched for by hand. */
static ssize_t
ref_section_at(const struct doc *d, size_t off)
{
	ssize_t k = -1;
	size_t i;

	for (i = 0; i < d->nsections; i++)
		if (d->sections[i].off <= off)
			k = (ssize_t)i;
	return k;
}

static struct doc *
sections_doc(struct buffer **b, int n, struct sbuf *s)
{
	int i;

	sbuf_reset(s);
	sbuf_adds(s, "前言一段，有标点。\n\n");
	for (i = 0; i < n; i++)
		sbuf_printf(s, "第%d章 标题\n\n正文一段，有标点。\n\n"
		    "又一段，也有。\n\n", i + 1);
	*b = buffer_from_mem(s->s, s->len, NULL, NULL);
	return doc_new(*b);
}

static void
test_section_at(void)
{
	struct sbuf s1 = SBUF_INIT, s2 = SBUF_INIT;
	struct buffer *b1, *b2;
	struct doc *d1 = sections_doc(&b1, 40, &s1);
	struct doc *d2 = sections_doc(&b2, 7, &s2);
	size_t off, i;
	int bad = 0;

	ok(d1->nsections >= 40 && d2->nsections >= 7, "sections: %zu, %zu",
	    d1->nsections, d2->nsections);
	for (off = 0; off <= d1->buf->len; off++)
		bad += doc_section_at(d1, off) != ref_section_at(d1, off);
	for (off = d1->buf->len + 1; off-- > 0;)
		bad += doc_section_at(d1, off) != ref_section_at(d1, off);
	for (i = 0; i < 20000; i++) {
		off = next_rand() % (d1->buf->len + 2);
		bad += doc_section_at(d1, off) != ref_section_at(d1, off);
		off = next_rand() % (d2->buf->len + 2);
		bad += doc_section_at(d2, off) != ref_section_at(d2, off);
	}
	for (i = 0; i < d1->nsections; i++) {
		bad += doc_section_at(d1, d1->sections[i].off) != (ssize_t)i;
		bad += d1->sections[i].off > 0 &&
		    doc_section_at(d1, d1->sections[i].off - 1) !=
		    (ssize_t)i - 1;
	}
	is_int(bad, 0, "section_at: in order, backwards, at random, two docs");
	doc_free(d1);
	doc_free(d2);
	buffer_free(b1);
	buffer_free(b2);
	sbuf_free(&s1);
	sbuf_free(&s2);
}

int
main(void)
{
	test_events();
	test_safe();
	test_sbuf();
	test_section_at();
	return done_testing();
}
