/*
 * test-chrono.c - the timeline as the reader sees it: labels with their
 * modifiers, the dates a reader types (their keys must be the timeline's
 * own, so they are checked against entries of a real timeline), and the
 * histogram's bins, whose counts must add up to the entries counted.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/chrono.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tap.h"

struct fix {
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	size_t *order;
};

static void
fix_open(struct fix *f, const char *text)
{
	f->b = buffer_from_mem(text, strlen(text), NULL, NULL);
	f->d = doc_new(f->b);
	f->t = timeline_new(f->d);
	f->order = xreallocarray(NULL, f->t->n + 1, sizeof *f->order);
	timeline_sort_by_date(f->t, f->order);
}

static void
fix_close(struct fix *f)
{
	free(f->order);
	timeline_free(f->t);
	doc_free(f->d);
	buffer_free(f->b);
}

/* The entry of f whose value is v, or NULL. */
static const struct tl_entry *
entry(const struct fix *f, const char *v)
{
	size_t i;

	for (i = 0; i < f->t->n; i++)
		if (strcmp(f->t->entries[i].value, v) == 0)
			return &f->t->entries[i];
	return NULL;
}

static void
test_label(void)
{
	static const struct {
		const char *text, *value, *label;
	} rows[] = {
		{ "2019年底，工程完工。", "2019", "2019 末" },
		{ "2016年春，他回到家乡。", "2016", "2016 春" },
		{ "2001年3月上旬，会议召开。", "2001-03", "2001-03 初" },
		{ "1990年前后，工厂建成。", "1990", "约1990" },
		{ "前221年，秦统一六国。", "BC0221", "BC0221" },
		{ "2016年4月19日，座谈会召开。", "2016-04-19", "2016-04-19" },
	};
	struct fix f;
	const struct tl_entry *e;
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		fix_open(&f, rows[i].text);
		e = entry(&f, rows[i].value);
		ok(e != NULL, "label: %s gives %s", rows[i].text,
		    rows[i].value);
		if (e != NULL) {
			chrono_label(e, buf, sizeof buf);
			is_str(buf, rows[i].label, "label: %s", rows[i].label);
		}
		fix_close(&f);
	}
	fix_open(&f, "2019年底，工程完工。");
	chrono_label(&f.t->entries[0], buf, 5);
	is_str(buf, "2019", "label: cut to the room given");
	fix_close(&f);
}

static void
test_parse(void)
{
	static const struct {
		const char *in, *text, *value;	/* the same date in a text */
	} same[] = {
		{ "2016", "2016年，他毕业了。", "2016" },
		{ "2016-04", "2016年4月，他毕业了。", "2016-04" },
		{ "2016-04-19", "2016年4月19日，他毕业了。", "2016-04-19" },
		{ "2016/4/19", "2016年4月19日，他毕业了。", "2016-04-19" },
		{ "2016年4月", "2016年4月，他毕业了。", "2016-04" },
		{ " 2016年4月19日 ", "2016年4月19日，他毕业了。", "2016-04-19" },
		{ "198X", "20世纪80年代，工厂建成。", "198X" },
		{ "BC221", "前221年，秦统一六国。", "BC0221" },
		{ "BC0221", "前221年，秦统一六国。", "BC0221" },
		{ "前221年", "前221年，秦统一六国。", "BC0221" },
	};
	static const char *const bad[] = { "", "abc", "2016-13", "2016-04-32",
	    "12", "2016年4月19日x", "X" };
	struct fix f;
	const struct tl_entry *e;
	long a, z, a2, z2;
	size_t i;

	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		fix_open(&f, same[i].text);
		e = entry(&f, same[i].value);
		ok(e != NULL && chrono_parse(same[i].in, &a, &z) == 0 &&
		    a == e->sort_start, "parse: '%s' starts where the "
		    "timeline's %s does", same[i].in, same[i].value);
		fix_close(&f);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ok(chrono_parse(bad[i], &a, &z) < 0, "parse: '%s' is no date",
		    bad[i]);
	/* A year ends where the next begins; a month within its year. */
	chrono_parse("2016", &a, &z);
	chrono_parse("2017", &a2, &z2);
	is_int(z + 1, a2, "parse: 2016 ends just before 2017");
	chrono_parse("2016-12", &a2, &z2);
	is_int(z2, z, "parse: December ends with its year");
	chrono_parse("198X", &a, &z);
	chrono_parse("1989-12-31", &a2, &z2);
	is_int(z, z2, "parse: 198X ends on 1989-12-31");
	chrono_parse("BC221", &a, &z);
	is_int(chrono_key_year(a), -221, "parse: BC221 is the year -221");
	is_int(chrono_key_year(z), -221, "... to its end");
}

static void
test_hist(void)
{
	struct fix f;
	struct chrono_hist *h;
	char lab[16];
	size_t i, sum;
	long a, z;

	fix_open(&f, "2015年，甲。\n\n2015年5月，乙。\n\n2018年，丙。\n\n"
	    "2020年1月，丁。\n\n他读了《2016年报告》一书。\n");
	ok(f.t->n == 5, "hist: five entries (%zu)", f.t->n);
	h = chrono_hist_new(f.t, f.order, 0, 40);
	is_int(h->unit, 1, "hist: a year a bin when the years fit");
	is_int(h->first_year, 2015, "hist: from the first year");
	is_int(h->nbins, 6, "hist: to the last (2015..2020)");
	is_int(h->total, 4, "hist: the citation is left out");
	for (i = 0, sum = 0; i < h->nbins; i++)
		sum += h->count[i];
	is_int(sum, h->total, "hist: the bins add up");
	is_int(h->count[0], 2, "hist: two in 2015");
	is_int(h->count[1], 0, "hist: none in 2016 without citations");
	is_int(h->max, 2, "hist: the largest bin");
	ok(h->first[0] < f.t->n && strcmp(f.t->entries[h->first[0]].value,
	    "2015") == 0, "hist: the bin's first entry by date");
	ok(h->first[1] == (size_t)-1, "hist: an empty bin has none");
	chrono_parse("2018-06", &a, &z);
	is_int(chrono_hist_bin(h, a), 3, "hist: 2018-06 is in bin 3");
	chrono_parse("2021", &a, &z);
	is_int(chrono_hist_bin(h, a), -1, "hist: 2021 is in none");
	chrono_hist_label(h, 3, lab, sizeof lab);
	is_str(lab, "2018", "hist: a year's label");
	chrono_hist_free(h);
	h = chrono_hist_new(f.t, f.order, 1, 40);
	is_int(h->count[1], 1, "hist: with citations, one in 2016");
	chrono_hist_free(h);
	h = chrono_hist_new(f.t, f.order, 0, 3);
	is_int(h->unit, 10, "hist: a decade a bin when years do not fit");
	is_int(h->nbins, 2, "hist: 201X and 202X");
	chrono_hist_label(h, 0, lab, sizeof lab);
	is_str(lab, "201X", "hist: a decade's label");
	is_int(h->count[0] + h->count[1], 4, "hist: decades add up");
	chrono_hist_free(h);
	fix_close(&f);

	fix_open(&f, "前221年，秦统一六国。\n\n1949年，新中国成立。\n");
	h = chrono_hist_new(f.t, f.order, 0, 30);
	is_int(h->unit, 100, "hist: centuries for two millennia in 30");
	chrono_hist_label(h, h->nbins - 1, lab, sizeof lab);
	is_str(lab, "19XX", "hist: a century's label");
	chrono_hist_label(h, 0, lab, sizeof lab);
	is_str(lab, "BC0300", "hist: before the common era, the first year");
	is_int(h->count[0] + h->count[h->nbins - 1], 2, "hist: both counted");
	ok(!h->squeezed, "hist: ... in bins enough for every year");
	chrono_hist_free(h);
	fix_close(&f);

	/* One bin asked for: both sides of the common era share it. */
	fix_open(&f, "前221年，秦统一六国。\n\n1949年，新中国成立。\n");
	h = chrono_hist_new(f.t, f.order, 0, 1);
	is_int(h->nbins, 1, "hist: one bin across the common era");
	ok(h->squeezed, "hist: ... says the bins were too few");
	is_int(h->count[0], 2, "hist: ... holding both entries");
	is_int(chrono_hist_bin(h, f.t->entries[0].sort_start), 0,
	    "hist: ... the bin of each");
	is_int(chrono_hist_bin(h, f.t->entries[1].sort_start), 0,
	    "hist: ... of both");
	chrono_hist_free(h);
	fix_close(&f);

	fix_open(&f, "没有日期。");
	h = chrono_hist_new(f.t, f.order, 0, 30);
	is_int(h->nbins, 0, "hist: no entries, no bins");
	is_int(chrono_hist_bin(h, 0), -1, "hist: ... and no bin for any key");
	chrono_hist_free(h);
	chrono_hist_free(NULL);
	fix_close(&f);
}

/* A modern chronicle of n years from 2000, after one year BC or not. */
static void
chronicle(struct fix *f, int n, int with_bc)
{
	struct sbuf b = SBUF_INIT;
	int i;

	if (with_bc)
		sbuf_adds(&b, "前221年，秦统一六国。\n\n");
	for (i = 0; i < n; i++)
		sbuf_printf(&b, "%d年，第%d件事。\n\n", 2000 + i, i + 1);
	fix_open(f, b.s);
	sbuf_free(&b);
}

/* One far-off date does not make every bin a century. */
static void
test_outliers(void)
{
	struct chrono_hist *h;
	struct fix f;
	char lab[32];

	chronicle(&f, 25, 1);
	h = chrono_hist_new(f.t, f.order, 0, 30);
	is_int(f.t->n, 26, "outliers: 25 years and one BC");
	is_int(h->unit, 1, "outliers: a year a bin despite BC0221");
	is_int(h->nbins, 25, "outliers: 2000 to 2024");
	is_int(h->before, 1, "outliers: one earlier");
	is_int(h->after, 0, "outliers: none later");
	is_int(h->count[0], 2, "outliers: in the first bin, with 2000's");
	is_int(h->total, 26, "outliers: every entry counted");
	chrono_hist_label(h, 0, lab, sizeof lab);
	is_str(lab, "..2000", "outliers: the first label is open");
	chrono_hist_label(h, h->nbins - 1, lab, sizeof lab);
	is_str(lab, "2024", "outliers: the last is not");
	is_int(chrono_hist_bin(h, entry(&f, "BC0221")->sort_start), 0,
	    "outliers: BC0221's bin is the first");
	chrono_hist_free(h);
	fix_close(&f);

	chronicle(&f, 25, 0);
	h = chrono_hist_new(f.t, f.order, 0, 30);
	ok(h->unit == 1 && h->nbins == 25 && h->before == 0 &&
	    h->after == 0, "outliers: none in 2000 to 2024 alone");
	chrono_hist_label(h, 0, lab, sizeof lab);
	is_str(lab, "2000", "outliers: ... and a plain label");
	chrono_hist_free(h);
	/* 25 years in 3 bins: decades, and nothing gained by trimming. */
	h = chrono_hist_new(f.t, f.order, 0, 3);
	ok(h->unit == 10 && h->before == 0 && h->after == 0,
	    "outliers: none trimmed when no finer bins come of it");
	chrono_hist_free(h);
	fix_close(&f);

	chronicle(&f, 18, 1);
	h = chrono_hist_new(f.t, f.order, 0, 30);
	ok(h->unit > 1 && h->before == 0,
	    "outliers: under 20 entries every date counts in the span");
	chrono_hist_free(h);
	fix_close(&f);
}

int
main(void)
{
	test_label();
	test_parse();
	test_hist();
	test_outliers();
	return done_testing();
}
