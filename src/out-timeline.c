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

/*
 * Writes n in decimal, by hand, not printf: a large document has millions
 * of entries.  Returns the digits' length; p has room for 20.
 */
static size_t
put_num(char *p, size_t n)
{
	char num[24];
	size_t k = sizeof num;

	do {
		num[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	memcpy(p, num + k, sizeof num - k);
	return sizeof num - k;
}

/* Copies the string w to p; returns its length. */
static size_t
put_str(char *p, const char *w)
{
	size_t n = strlen(w);

	memcpy(p, w, n);
	return n;
}

static void
text_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);
	/* VALUE \t LINE \t KIND[:MOD] \t, gathered here first. */
	char head[sizeof e->value + 64];
	size_t n;

	n = put_str(head, e->value);
	head[n++] = '\t';
	n += put_num(head + n, e->line);
	head[n++] = '\t';
	n += put_str(head + n, timeline_kind_name(e->kind));
	if (mod != NULL) {
		head[n++] = ':';
		n += put_str(head + n, mod);
	}
	head[n++] = '\t';
	sbuf_add(b, head, n);
	util_safe_add(b, d->buf->data + e->off, e->end - e->off, 1);
	sbuf_addc(b, '\t');
	util_safe_add(b, e->event, strlen(e->event), 1);
	sbuf_addc(b, '\n');
}

static void
json_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);
	char num[24];

	sbuf_adds(b, "{\"value\": ");
	util_json_add(b, e->value, strlen(e->value));
	sbuf_adds(b, ", \"text\": ");
	util_json_add(b, d->buf->data + e->off, e->end - e->off);
	sbuf_adds(b, ", \"kind\": \"");
	sbuf_adds(b, timeline_kind_name(e->kind));
	sbuf_adds(b, "\", \"mod\": ");
	if (mod != NULL) {
		sbuf_addc(b, '"');
		sbuf_adds(b, mod);
		sbuf_addc(b, '"');
	} else
		sbuf_adds(b, "null");
	sbuf_adds(b, ", \"line\": ");
	sbuf_add(b, num, put_num(num, e->line));
	sbuf_adds(b, ", \"section\": ");
	if (e->section >= 0 && (size_t)e->section < d->nsections &&
	    d->sections[e->section].title != NULL)
		util_json_add(b, d->sections[e->section].title,
		    strlen(d->sections[e->section].title));
	else
		sbuf_adds(b, "null");
	sbuf_adds(b, ", \"event\": ");
	util_json_add(b, e->event, strlen(e->event));
	sbuf_adds(b, e->caption ? ", \"caption\": true, \"time\": " :
	    ", \"caption\": false, \"time\": ");
	if (e->time[0] != '\0') {
		sbuf_addc(b, '"');
		sbuf_adds(b, e->time);
		sbuf_addc(b, '"');
	} else
		sbuf_adds(b, "null");
	sbuf_adds(b, e->citation ? ", \"citation\": true" :
	    ", \"citation\": false");
	if (e->lunar)
		sbuf_adds(b, ", \"calendar\": \"lunar\"");
	sbuf_adds(b, "}");
}

/*
 * Appends the document text s[0..n) as one CSV field: made safe in b
 * itself, then quoted there when it holds a comma or a double quote.
 */
static void
csv_field(struct sbuf *b, const char *s, size_t n)
{
	size_t start = b->len, len, q = 0, i, j;
	char *f;

	util_safe_add(b, s, n, 1);
	len = b->len - start;
	f = b->s + start;
	if (len == 0 || (memchr(f, ',', len) == NULL &&
	    memchr(f, '"', len) == NULL))
		return;
	for (i = 0; i < len; i++)
		q += f[i] == '"';
	/* Room for the quotes, then the field moved back to front. */
	for (i = 0; i < q + 2; i++)
		sbuf_addc(b, '"');
	f = b->s + start;
	j = len + q;
	for (i = len; i > 0; i--) {
		f[j--] = f[i - 1];
		if (f[i - 1] == '"')
			f[j--] = '"';
	}
	f[0] = '"';
}

static void
csv_entry(struct sbuf *b, const struct doc *d, const struct tl_entry *e)
{
	const char *mod = timeline_mod_name(e->mod);
	const char *sec = e->section >= 0 &&
	    (size_t)e->section < d->nsections ?
	    d->sections[e->section].title : NULL;
	char head[64];
	size_t n;

	csv_field(b, e->value, strlen(e->value));
	head[0] = ',';
	n = 1 + put_num(head + 1, e->line);
	head[n++] = ',';
	n += put_str(head + n, timeline_kind_name(e->kind));
	head[n++] = ',';
	if (mod != NULL)
		n += put_str(head + n, mod);
	head[n++] = ',';
	sbuf_add(b, head, n);
	csv_field(b, d->buf->data + e->off, e->end - e->off);
	sbuf_addc(b, ',');
	csv_field(b, e->event, strlen(e->event));
	sbuf_addc(b, ',');
	if (sec != NULL)
		csv_field(b, sec, strlen(sec));
	sbuf_addc(b, ',');
	sbuf_adds(b, e->time);
	sbuf_adds(b, e->citation ? ",true\n" : ",false\n");
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
