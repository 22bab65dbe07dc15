/*
 * test-timeline-each.c - timeline_each() gives timeline_new()'s entries.
 *
 * --timeline in document order prints the batches of timeline_each(),
 * whose scan runs in a thread of its own and whose events are cut only
 * when a batch is used; the reader keeps timeline_new()'s array.  The two
 * must never differ.  For every sample and every fixture, and for
 * generated texts of many batches (relative dates whose anchor is in an
 * earlier batch, a block holding more entries than a batch, dates on
 * either side of each batch's end), the entries of timeline_each() with
 * two threads and with one are compared with timeline_new()'s on one
 * processor, field by field and event by event.  So are those of
 * timeline_each() and timeline_new() with the scan split over the
 * processors into pieces of a block or a few (timeline-split.c, its
 * sizes set by the test hook timeline_split_set_sizes()), and short
 * texts hold each case a split could change, across the pieces.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tap.h"
#include "timeline-int.h"

/* The entries collected from the batches, their events copied. */
struct got {
	struct tl_entry *e;
	size_t n, cap;
	size_t batches;
};

static void
collect(void *arg, const struct timeline *t)
{
	struct got *g = arg;
	size_t i;

	g->batches++;
	for (i = 0; i < t->n; i++) {
		if (g->n == g->cap) {
			g->cap = g->cap ? g->cap * 2 : 64;
			g->e = xreallocarray(g->e, g->cap, sizeof *g->e);
		}
		g->e[g->n] = t->entries[i];
		g->e[g->n++].event = xstrdup(t->entries[i].event != NULL ?
		    t->entries[i].event : "(null)");
	}
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->e[i].event);
	free(g->e);
}

/* The first entry where a and b differ, or -1 (n the shorter count). */
static long
first_diff(const struct tl_entry *a, const struct tl_entry *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].off != b[i].off || a[i].end != b[i].end ||
		    strcmp(a[i].value, b[i].value) != 0 ||
		    a[i].kind != b[i].kind || a[i].mod != b[i].mod ||
		    a[i].line != b[i].line || a[i].block != b[i].block ||
		    a[i].section != b[i].section ||
		    a[i].caption != b[i].caption ||
		    a[i].citation != b[i].citation ||
		    a[i].lunar != b[i].lunar ||
		    strcmp(a[i].time, b[i].time) != 0 ||
		    strcmp(a[i].event, b[i].event) != 0 ||
		    a[i].sort_start != b[i].sort_start ||
		    a[i].sort_prec != b[i].sort_prec)
			return (long)i;
	return -1;
}

/* Piece sizes the split scan is tried with: a block a piece, and more. */
static const size_t pieces[] = { 1, 40, 1000, 0 };

/* Are the n entries e those of ref, field by field and event by event? */
static void
compare(const struct timeline *ref, const struct tl_entry *e, size_t n,
    const char *name, const char *how)
{
	long k = first_diff(ref->entries, e, n < ref->n ? n : ref->n);

	ok(n == ref->n && k < 0, "%s, %s: %zu entries, as the scan alone's "
	    "%zu", name, how, n, ref->n);
	if (k >= 0)
		printf("# the first entry to differ: %ld\n", k);
}

/*
 * Did the last scan go over the pieces, with at least n candidates?  Its
 * tally is cleared before each scan, so a scan alone leaves 0.
 */
static void
check_tally(size_t n, const char *name, const char *how)
{
	size_t followed, own;

	timeline_split_counts(&followed, &own);
	ok(followed + own >= n && (n == 0 || followed > 0), "%s, %s: %zu "
	    "candidates followed, %zu met alone, for %zu entries", name, how,
	    followed, own, n);
	timeline_split_tally(0, 0);
}

/*
 * Compares timeline_each(), with one thread and two, and both
 * timeline_each() and timeline_new() over pieces of a few bytes (each
 * piece a block or a few, so that anchors, centuries and sections come
 * from pieces before), with the scan alone; returns the count of entries.
 */
static size_t
check(const struct doc *d, const char *name, size_t min_batches)
{
	struct timeline *t, *t2;
	struct got g;
	char how[64];
	int threads;
	size_t n, p;

	util_set_threads(1);
	t = timeline_new(d);
	n = t->n;
	for (threads = 1; threads <= 2; threads++) {
		memset(&g, 0, sizeof g);
		util_set_threads(threads);
		timeline_each(d, collect, &g);
		compare(t, g.e, g.n, name, threads > 1 ? "2 threads" :
		    "1 thread");
		if (min_batches > 1)
			ok(g.batches >= min_batches, "%s: %zu batches", name,
			    g.batches);
		got_free(&g);
	}
	timeline_split_tally(0, 0);
	for (p = 0; pieces[p] != 0 && d->nblocks > 0; p++) {
		timeline_split_set_sizes(pieces[p], 1);
		memset(&g, 0, sizeof g);
		timeline_each(d, collect, &g);
		snprintf(how, sizeof how, "pieces of %zu bytes", pieces[p]);
		compare(t, g.e, g.n, name, how);
		check_tally(n, name, how);
		got_free(&g);
		t2 = timeline_new(d);
		snprintf(how, sizeof how, "timeline_new, pieces of %zu bytes",
		    pieces[p]);
		compare(t, t2->entries, t2->n, name, how);
		check_tally(n, name, how);
		timeline_free(t2);
	}
	timeline_split_set_sizes(0, 0);
	timeline_free(t);
	return n;
}

static void
check_file(const char *path, const char *name)
{
	struct buffer *b;
	struct doc *d;
	char *err = NULL;

	if ((b = buffer_load(path, NULL, 0, &err)) == NULL) {
		free(err);
		return;
	}
	d = doc_new(b);
	(void)check(d, name, 0);
	doc_free(d);
	buffer_free(b);
}

static void
check_dir(const char *top, const char *sub)
{
	char dir[1024], path[2048];
	DIR *dp, *sd;
	struct dirent *de;

	snprintf(dir, sizeof dir, "%s/%s", top, sub);
	if (!ok((dp = opendir(dir)) != NULL, "open %s", dir))
		return;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		/* A directory does not load; only files are checked. */
		if ((sd = opendir(path)) != NULL) {
			closedir(sd);
			continue;
		}
		check_file(path, de->d_name);
	}
	closedir(dp);
}

static void
check_text(const char *text, size_t n, const char *name, size_t batches)
{
	char *err = NULL;
	struct buffer *b = buffer_from_mem(text, n, "UTF-8", &err);
	struct doc *d = doc_new(b);

	/* More entries than a batch, or nothing is tested across one. */
	if (check(d, name, batches) <= 4096 && n > 0)
		ok(0, "%s: only as many entries as a batch", name);
	doc_free(d);
	buffer_free(b);
}

/*
 * Paragraphs of dated sentences, each paragraph's relative dates
 * counting from a date paragraphs before, so that wherever a batch ends
 * the anchor is in the batch before: 次年, 当天, 三天后 and a month-day.
 */
static void
test_paragraphs(void)
{
	struct sbuf s = SBUF_INIT;
	int p;

	for (p = 0; p < 4000; p++) {
		if (p % 7 == 0)
			sbuf_printf(&s, "%d年%d月%d日，会议召开。", 1900 + p % 150,
			    1 + p % 12, 1 + p % 28);
		sbuf_printf(&s, "次年，工程开工。当天，人们到场。三天后，"
		    "%d月%d日，文件下发。\n\n", 1 + p % 12, 1 + p % 27);
	}
	check_text(s.s, s.len, "4000 paragraphs", 2);
	sbuf_free(&s);
}

/*
 * One block of more entries than a batch holds: the batch ends only at
 * its end, and every event's neighbours are in it.  (Short sentences: an
 * event and a citation are looked for from the sentence's and the
 * block's start.)
 */
static void
test_one_block(void)
{
	struct sbuf s = SBUF_INIT;
	int p;

	for (p = 0; p < 2200; p++)
		sbuf_printf(&s, "%d年%d月，开工，次月，完工。", 1950 + p % 60,
		    1 + p % 12);
	sbuf_adds(&s, "\n");
	check_text(s.s, s.len, "one block of 4400 dates", 0);
	sbuf_free(&s);
}

/* Headings with dates, years alone on their lines, English too. */
static void
test_headings(void)
{
	struct sbuf s = SBUF_INIT;
	int p;

	for (p = 0; p < 1500; p++) {
		sbuf_printf(&s, "## %d年\n\n", 1800 + p % 200);
		sbuf_adds(&s, "3月5日，大会开幕。次日，代表讨论。\n\n");
		sbuf_printf(&s, "%d年：\n\nIn March %d, the firm moved. "
		    "The next day, it opened.\n\n", 1700 + p % 300,
		    1700 + p % 300);
	}
	check_text(s.s, s.len, "1500 dated sections", 2);
	sbuf_free(&s);
}

/*
 * A short text the scan over pieces of a block must take as the scan
 * alone does (check()); value is an entry it must have, so that the text
 * tests what it is for, and own tells whether some candidates must be
 * met by the scan itself, where a guess of the threads does not hold.
 */
static void
check_split(const char *text, const char *name, const char *value, int own)
{
	char *err = NULL;
	struct buffer *b = buffer_from_mem(text, strlen(text), "UTF-8", &err);
	struct doc *d = doc_new(b);
	struct timeline *t;
	size_t i, followed, alone;

	(void)check(d, name, 0);
	util_set_threads(2);
	timeline_split_set_sizes(1, 1);
	t = timeline_new(d);
	timeline_split_counts(&followed, &alone);
	timeline_split_set_sizes(0, 0);
	for (i = 0; i < t->n && strcmp(t->entries[i].value, value) != 0; i++)
		;
	ok(i < t->n, "%s: %s found", name, value);
	ok((alone > 0) == own, "%s: %zu candidates met by the scan alone",
	    name, alone);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
}

/*
 * The cases a split must not change, each across the pieces' borders: a
 * relative date and its anchor (次日, 同年3月, 三天后, the next day), a
 * date heading or year line and the section it dates, a century and the
 * two-digit decades after it (the threads guess none: 80年代 in the 1800s
 * must be read again), lunar dates, citations, and relative dates that
 * cannot be resolved, so that the scan reads on from elsewhere than the
 * threads guessed (今年6月5日晚上8时 with no document date: 晚上8时 is
 * then a time of its own, on the day before).
 */
static void
test_split(void)
{
	check_split("2019年3月5日，会议召开。\n\n次日，代表讨论。\n\n"
	    "同年3月，工程开工。\n\n三天后，文件下发。\n\n4月2日，验收。"
	    "\n\nIn May 1990, the firm moved.\n\nThe next day, it opened."
	    "\n\n", "relative dates", "2019-03-06", 0);
	check_split("## 2019年\n\n3月5日，大会开幕。\n\n2016年的报告被引用。"
	    "\n\n次日，代表讨论。\n\n## 1937年\n\n1937年：\n\n7月7日，"
	    "事变。\n\n翌日，交战。\n\n", "sections", "1937-07-08", 0);
	check_split("19世纪中叶，工厂建立。\n\n80年代，工厂扩建。\n\n90年代，"
	    "工厂关闭。\n\n20世纪初，新厂落成。\n\n30年代，新厂扩建。\n\n",
	    "centuries", "188X", 1);
	check_split("2020年1月10日，返乡。\n\n腊月廿五，扫尘。\n\n除夕，团圆。"
	    "\n\n正月初一，拜年。\n\n农历八月十五，赏月。\n\n",
	    "lunar dates", "2020-01-24", 0);
	check_split("《2019年的报告》发表于2020年5月1日。\n\n[1998年的旧闻]"
	    "(http://example.org/a)，次日转载。\n\n《1984》一书，1949年6月"
	    "8日出版。\n\n", "citations", "2020-05-02", 0);
	check_split("次日晚上8时，开会。\n\n2019年3月5日，大会开幕。\n\n"
	    "今年6月5日晚上8时，闭幕。\n\n次日，散会。\n\n",
	    "unresolved relative dates", "2019-03-05T20:00", 1);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	static const char *const dirs[] = { "tests/samples",
	    "tests/fixtures/timeline", "tests/fixtures/outline",
	    "tests/fixtures/markdown", "tests/fixtures/layout",
	    "tests/fixtures/search", "tests/fixtures/hostile",
	    "tests/fixtures/encoding", "tests/fixtures/html", NULL };
	size_t i;

	if (top == NULL)
		top = ".";
	for (i = 0; dirs[i] != NULL; i++)
		check_dir(top, dirs[i]);
	test_paragraphs();
	test_one_block();
	test_headings();
	test_split();
	check_text("", 0, "an empty text", 0);
	return done_testing();
}
