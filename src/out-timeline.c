/*
 * out-timeline.c - --timeline: one dated mention per line, or JSON.
 *
 * The text format is one entry per line, five fields separated by tabs:
 *
 *	VALUE	LINE	KIND[:MOD]	EXPRESSION	EVENT
 *
 * VALUE is the normalized TIMEX3-style value (2016-04-19, 198X, BC0221,
 * 2018-04-20/2018-04-21, 2020-02-08T19:50 with a time of day); LINE the
 * 1-based source line; KIND one of
 * absolute, range, decade, relative, target, followed by ":MOD" when the
 * expression carries a modifier (absolute:END for 2023年底, absolute:SPRING
 * for 一九七五年春); EXPRESSION the words of the text; EVENT the clause the
 * date belongs to.  Entries are in document order, or chronological with
 * --sort=date.  Document text goes through util_safe_add() in single-line
 * mode, so it can hold no tab, newline or terminal control.
 *
 * --json prints DESIGN.md's shape, one entry a line: {"entries": [{"value",
 * "text", "kind", "mod", "line", "section", "event", "caption", "time",
 * "citation"}]}: time is the time of day ("19:50", "EV") or null, and
 * citation is true for a date inside a title (《...》) or a link's text;
 * an entry resolved from the lunar calendar adds "calendar": "lunar".
 *
 * --csv prints the same fields as comma-separated values (RFC 4180) under
 * a header row: value,line,kind,mod,text,event,section,time,citation; a
 * field holding a comma or a double quote is quoted, its quotes doubled.
 * --from and --to keep the entries whose value starts between the first
 * day of one date and the last day of the other (app_opts' sort keys).
 * The event is the same text the reader's timeline pane shows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/timeline.h"
#include "juan/util.h"
#include "out.h"

static void
text_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);
	char num[24];
	size_t n = sizeof num, line = e->line;

	/* By hand, not printf: a large document has millions of entries. */
	do {
		num[--n] = (char)('0' + line % 10);
		line /= 10;
	} while (line > 0);
	sbuf_adds(b, e->value);
	sbuf_addc(b, '\t');
	sbuf_add(b, num + n, sizeof num - n);
	sbuf_addc(b, '\t');
	sbuf_adds(b, timeline_kind_name(e->kind));
	if (mod != NULL) {
		sbuf_addc(b, ':');
		sbuf_adds(b, mod);
	}
	sbuf_addc(b, '\t');
	util_safe_add(b, d->buf->data + e->off, e->end - e->off, 1);
	sbuf_addc(b, '\t');
	util_safe_add(b, e->event, strlen(e->event), 1);
	sbuf_addc(b, '\n');
}

static void
json_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);

	sbuf_adds(b, "{\"value\": ");
	util_json_add(b, e->value, strlen(e->value));
	sbuf_adds(b, ", \"text\": ");
	util_json_add(b, d->buf->data + e->off, e->end - e->off);
	sbuf_printf(b, ", \"kind\": \"%s\", \"mod\": ",
	    timeline_kind_name(e->kind));
	if (mod != NULL)
		sbuf_printf(b, "\"%s\"", mod);
	else
		sbuf_adds(b, "null");
	sbuf_printf(b, ", \"line\": %zu, \"section\": ", e->line);
	if (e->section >= 0 && (size_t)e->section < d->nsections &&
	    d->sections[e->section].title != NULL)
		util_json_add(b, d->sections[e->section].title,
		    strlen(d->sections[e->section].title));
	else
		sbuf_adds(b, "null");
	sbuf_adds(b, ", \"event\": ");
	util_json_add(b, e->event, strlen(e->event));
	sbuf_printf(b, ", \"caption\": %s, \"time\": ",
	    e->caption ? "true" : "false");
	if (e->time[0] != '\0')
		sbuf_printf(b, "\"%s\"", e->time);
	else
		sbuf_adds(b, "null");
	sbuf_printf(b, ", \"citation\": %s", e->citation ? "true" : "false");
	if (e->lunar)
		sbuf_adds(b, ", \"calendar\": \"lunar\"");
	sbuf_adds(b, "}");
}

/* Appends the document text s[0..n) as one CSV field. */
static void
csv_field(struct sbuf *b, const char *s, size_t n)
{
	struct sbuf f = SBUF_INIT;
	size_t i;

	util_safe_add(&f, s, n, 1);
	if (f.len == 0 || (memchr(f.s, ',', f.len) == NULL &&
	    memchr(f.s, '"', f.len) == NULL)) {
		sbuf_add(b, f.s != NULL ? f.s : "", f.len);
		sbuf_free(&f);
		return;
	}
	sbuf_addc(b, '"');
	for (i = 0; i < f.len; i++) {
		if (f.s[i] == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, f.s[i]);
	}
	sbuf_addc(b, '"');
	sbuf_free(&f);
}

static void
csv_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);
	const char *sec = e->section >= 0 &&
	    (size_t)e->section < d->nsections ?
	    d->sections[e->section].title : NULL;

	csv_field(b, e->value, strlen(e->value));
	sbuf_printf(b, ",%zu,%s,%s,", e->line, timeline_kind_name(e->kind),
	    mod != NULL ? mod : "");
	csv_field(b, d->buf->data + e->off, e->end - e->off);
	sbuf_addc(b, ',');
	csv_field(b, e->event, strlen(e->event));
	sbuf_addc(b, ',');
	if (sec != NULL)
		csv_field(b, sec, strlen(sec));
	sbuf_printf(b, ",%s,%s\n", e->time, e->citation ? "true" : "false");
}

/* Tells whether e starts within --from and --to. */
static int
in_span(const struct app_opts *o, const struct tl_entry *e)
{
	return (!o->have_from || e->sort_start >= o->from_key) &&
	    (!o->have_to || e->sort_start <= o->to_key);
}

/* What the entries are written with, batch after batch. */
struct out_tl {
	const struct doc *d;
	const struct app_opts *o;
	FILE *fp;
	struct sbuf b;
	size_t k;		/* entries written */
};

static void
put_entry(struct out_tl *w, const struct tl_entry *e)
{
	if (!in_span(w->o, e))
		return;
	if (w->o->json) {
		sbuf_adds(&w->b, w->k == 0 ? "\n  " : ",\n  ");
		json_entry(&w->b, w->d, e);
	} else if (w->o->csv)
		csv_entry(&w->b, w->d, e);
	else
		text_entry(&w->b, w->d, e);
	w->k++;
	/* Write as we go, so the output is never all in memory. */
	out_flush(&w->b, w->fp, 0);
}

static void
put_batch(void *arg, const struct timeline *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		put_entry(arg, &t->entries[i]);
}

int
out_timeline(const struct doc *d, const struct app_opts *o, FILE *fp)
{
	struct out_tl w = { d, o, fp, SBUF_INIT, 0 };
	struct timeline *t;
	size_t i, *order;

	if (o->json)
		sbuf_adds(&w.b, "{\"entries\": [");
	else if (o->csv)
		sbuf_adds(&w.b, "value,line,kind,mod,text,event,section,time,"
		    "citation\n");
	if (!o->sort_date) {
		/* In document order nothing need be kept: a batch at a time. */
		timeline_each(d, put_batch, &w);
	} else {
		t = timeline_new(d);
		order = xreallocarray(NULL, t->n + 1, sizeof *order);
		timeline_sort_by_date(t, order);
		for (i = 0; i < t->n; i++)
			put_entry(&w, &t->entries[order[i]]);
		free(order);
		timeline_free(t);
	}
	if (o->json)
		sbuf_adds(&w.b, w.k > 0 ? "\n]}\n" : "]}\n");
	fwrite(w.b.s != NULL ? w.b.s : "", 1, w.b.len, fp);
	sbuf_free(&w.b);
	return 0;
}
