/*
 * test-timeline-corpus.c - precision and recall on an annotated corpus.
 *
 * tests/fixtures/timeline/ holds documents written for this test (a news
 * report, a chronicle, a work report, a biography, English prose) and, for
 * each NAME.txt, NAME.ann: one expected entry a line, "LINE<TAB>VALUE<TAB>
 * KIND", annotated by hand.  An entry is right when an annotation has its
 * line and value (each annotation matches one entry at most).  The test
 * fails under the project's bar: precision >= 0.98 and recall >= 0.97 for
 * absolute, range and decade mentions, relative mentions resolved right
 * >= 0.9, and no entry at all in negative.txt, which is made of numbers
 * that are not dates.
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

struct ann {
	size_t line;
	char value[48];
	char kind[16];
	int used;		/* matched by an entry */
};

/* Totals over the corpus. */
static size_t abs_found, abs_want;	/* absolute/range/decade recall */
static size_t abs_right, abs_got;	/* and their precision */
static size_t rel_right, rel_want;	/* relative resolved right */
static size_t all_right, all_got;	/* every entry */

static int
abs_kind(const char *k)
{
	return strcmp(k, "absolute") == 0 || strcmp(k, "range") == 0 ||
	    strcmp(k, "decade") == 0;
}

/*
 * Does an annotated value name the entry's date?  The annotations give the
 * date part; an entry with a time of day (2020-02-08T19:50) matches its
 * date, or the whole value when the annotation gives it.
 */
static int
same_value(const char *want, const struct tl_entry *e)
{
	size_t n = strlen(e->value);

	if (strcmp(want, e->value) == 0)
		return 1;
	if (e->time[0] == '\0')
		return 0;
	n -= strlen(e->time) + 1;
	return strlen(want) == n && strncmp(want, e->value, n) == 0;
}

static struct ann *
read_ann(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "r");
	struct ann *a = NULL;
	char line[256];
	size_t cap = 0;

	*n = 0;
	if (fp == NULL)
		return NULL;
	while (fgets(line, sizeof line, fp) != NULL) {
		struct ann x;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		memset(&x, 0, sizeof x);
		if (sscanf(line, "%zu\t%47s\t%15s", &x.line, x.value,
		    x.kind) != 3)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			a = xreallocarray(a, cap, sizeof *a);
		}
		a[(*n)++] = x;
	}
	fclose(fp);
	return a;
}

static void
check_doc(const char *dir, const char *name)
{
	char *txt = xasprintf("%s/%s.txt", dir, name);
	char *annp = xasprintf("%s/%s.ann", dir, name);
	char *err = NULL;
	struct buffer *b = buffer_load(txt, NULL, 0, &err);
	struct doc *d;
	struct timeline *t;
	struct ann *a;
	size_t na, i, j;
	int negative = strcmp(name, "negative") == 0;

	if (b == NULL) {
		ok(0, "%s: %s", txt, err);
		free(err);
		free(txt);
		free(annp);
		return;
	}
	a = read_ann(annp, &na);
	d = doc_new(b);
	t = timeline_new(d);
	/* The reader finds the entries in view by bisection on this. */
	for (i = 1; i < t->n; i++)
		if (t->entries[i].off < t->entries[i - 1].end)
			break;
	ok(t->n == 0 || i == t->n, "%s: entries in document order, none "
	    "overlapping the next", name);
	for (i = 0; i < t->n; i++) {
		const struct tl_entry *e = &t->entries[i];
		const char *k = timeline_kind_name(e->kind);
		int right = 0;

		for (j = 0; j < na; j++)
			if (!a[j].used && a[j].line == e->line &&
			    same_value(a[j].value, e)) {
				a[j].used = 1;
				right = 1;
				break;
			}
		all_got++;
		all_right += right;
		if (abs_kind(k)) {
			abs_got++;
			abs_right += right;
		}
		if (!right)
			printf("# %s: line %zu: extra entry %s (%s)\n", name,
			    e->line, e->value, k);
	}
	for (j = 0; j < na; j++) {
		if (abs_kind(a[j].kind)) {
			abs_want++;
			abs_found += a[j].used;
		} else if (strcmp(a[j].kind, "relative") == 0) {
			rel_want++;
			rel_right += a[j].used;
		}
		if (!a[j].used)
			printf("# %s: line %zu: missed %s (%s)\n", name,
			    a[j].line, a[j].value, a[j].kind);
	}
	if (negative)
		is_int(t->n, 0, "negative corpus: no entries");
	else
		ok(na > 0, "%s: annotated", name);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	free(a);
	free(txt);
	free(annp);
}

int
main(void)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/fixtures/timeline",
	    top != NULL ? top : ".");
	DIR *dp = opendir(dir);
	struct dirent *de;
	char name[256];
	size_t len, docs = 0;
	double p, r;

	if (!ok(dp != NULL, "open %s", dir))
		return done_testing();
	while ((de = readdir(dp)) != NULL) {
		len = strlen(de->d_name);
		if (len < 5 || len >= sizeof name ||
		    strcmp(de->d_name + len - 4, ".ann") != 0)
			continue;
		memcpy(name, de->d_name, len - 4);
		name[len - 4] = '\0';
		check_doc(dir, name);
		docs++;
	}
	closedir(dp);
	ok(docs >= 6, "corpus: %zu documents", docs);
	p = abs_got ? (double)abs_right / (double)abs_got : 0;
	r = abs_want ? (double)abs_found / (double)abs_want : 0;
	ok(abs_want >= 50 && p >= 0.98, "absolute/range/decade precision "
	    "%.3f (%zu/%zu)", p, abs_right, abs_got);
	ok(r >= 0.97, "absolute/range/decade recall %.3f (%zu/%zu)", r,
	    abs_found, abs_want);
	r = rel_want ? (double)rel_right / (double)rel_want : 0;
	ok(rel_want >= 10 && r >= 0.9, "relative resolved right %.3f "
	    "(%zu/%zu)", r, rel_right, rel_want);
	p = all_got ? (double)all_right / (double)all_got : 0;
	ok(p >= 0.98, "precision over every entry %.3f (%zu/%zu)", p,
	    all_right, all_got);
	free(dir);
	return done_testing();
}
