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
 * two threads and with one are compared with timeline_new()'s, field by
 * field and event by event.
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

/*
 * Compares both ways of timeline_each() with timeline_new() on d; returns
 * the count of entries.
 */
static size_t
check(const struct doc *d, const char *name, size_t min_batches)
{
	struct timeline *t = timeline_new(d);
	struct got g;
	int threads;
	long k;
	size_t n = t->n;

	for (threads = 1; threads <= 2; threads++) {
		memset(&g, 0, sizeof g);
		util_set_threads(threads);
		timeline_each(d, collect, &g);
		k = first_diff(t->entries, g.e, g.n < t->n ? g.n : t->n);
		ok(g.n == t->n && k < 0, "%s, %d thread%s: %zu entries, as "
		    "timeline_new's %zu", name, threads,
		    threads > 1 ? "s" : "", g.n, t->n);
		if (k >= 0)
			printf("# the first entry to differ: %ld\n", k);
		if (min_batches > 1)
			ok(g.batches >= min_batches, "%s: %zu batches", name,
			    g.batches);
		got_free(&g);
	}
	util_set_threads(2);
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
	check_text("", 0, "an empty text", 0);
	return done_testing();
}
