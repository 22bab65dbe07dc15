/*
 * timeline-each.c - the timeline a batch at a time, the scan in a thread.
 *
 * timeline_each() runs the scan of timeline.c with a sink: whenever the
 * entries of finished blocks fill a batch (TL_BATCH entries, a batch
 * always ends at a block's end, so that each event's neighbours are in
 * it), the scan hands the batch over and goes on in another array.  The
 * batches travel between two threads through a ring of TL_SLOTS full
 * batches and a stack of empty ones, under one mutex: the scan (the
 * recognizers, most of the work) runs in a thread of its own, and the
 * calling thread cuts the events and calls fn, which formats and writes
 * them.  The arrays are allocated once and reused, so memory stays at a
 * few batches whatever the size of the text.
 *
 * On a large text the scan's recognizers also run ahead in two threads
 * of their own (timeline-split.c), so that the scan's thread is left the
 * resolving and anchoring.  With one processor, the same sink cuts the
 * events and calls fn at once, in the scan's thread.  Either way the scan
 * meets the same candidates in the same text, so the entries are the
 * same as timeline_new()'s.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "juan/timeline.h"
#include "juan/util.h"
#include "timeline-int.h"

/* Entries handed over at a time, and batches waiting to be used. */
#define TL_BATCH 4096
#define TL_SLOTS 4

struct batch {
	struct tl_entry *e;
	size_t n;
	size_t cap;
};

struct tl_sink {
	const struct doc *d;
	void (*fn)(void *, const struct timeline *);
	void *arg;
	int threaded;		/* the scan runs in its own thread */
	struct timeline *out;	/* the batch given to fn, and its events */
	size_t line_hint;	/* the line of the latest entry used */
	size_t rel;		/* the text is released up to here */
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* a batch was filled or emptied */
	struct batch full[TL_SLOTS];	/* a ring of batches to use */
	size_t head;		/* the oldest of them */
	size_t nfull;
	struct batch empty[TL_SLOTS + 1];	/* arrays to fill again */
	size_t nempty;
	int done;		/* the scan has handed over its last */
	struct timeline *scan_t; /* the scan's own timeline */
};

/* Cuts the events of batch b and gives it to fn. */
static void
use_batch(struct tl_sink *k, struct batch *b)
{
	size_t i;

	if (b->n == 0)
		return;
	k->out->entries = b->e;
	k->out->n = b->n;
	/*
	 * The scan leaves the lines and sections to this thread, and the
	 * events, in one pass (an event needs only its neighbours' bytes).
	 */
	for (i = 0; i < b->n; i++) {
		timeline_place(k->d, &b->e[i], &k->line_hint);
		timeline_make_event(k->out, i, k->d);
	}
	k->fn(k->arg, k->out);
	/* Behind the scan and the events both (see buffer_release). */
	buffer_release_behind(k->d->buf, &k->rel, b->e[0].off);
	timeline_events_reset(k->out);
	k->out->entries = NULL;
	k->out->n = 0;
}

void
timeline_sink_put(struct tl_sink *k, struct timeline *t, size_t *cap,
    int last)
{
	struct batch b;

	if (!last && t->n < TL_BATCH)
		return;
	b.e = t->entries;
	b.n = t->n;
	b.cap = *cap;
	if (!k->threaded) {
		use_batch(k, &b);
		t->n = 0;
		return;
	}
	pthread_mutex_lock(&k->mu);
	while (k->nfull == TL_SLOTS)
		pthread_cond_wait(&k->cv, &k->mu);
	k->full[(k->head + k->nfull++) % TL_SLOTS] = b;
	if (last)
		k->done = 1;
	if (k->nempty > 0) {
		b = k->empty[--k->nempty];
	} else {
		b.e = NULL;
		b.cap = 0;
	}
	pthread_cond_broadcast(&k->cv);
	pthread_mutex_unlock(&k->mu);
	t->entries = b.e;
	*cap = b.cap;
	t->n = 0;
}

/* The scan's thread. */
static void *
scan_main(void *arg)
{
	struct tl_sink *k = arg;

	timeline_scan(k->d, k->scan_t, k);
	return NULL;
}

/* The calling thread: batches to fn until the last. */
static void
use_main(struct tl_sink *k)
{
	struct batch b;

	pthread_mutex_lock(&k->mu);
	for (;;) {
		while (k->nfull == 0 && !k->done)
			pthread_cond_wait(&k->cv, &k->mu);
		if (k->nfull == 0)
			break;
		b = k->full[k->head];
		k->head = (k->head + 1) % TL_SLOTS;
		k->nfull--;
		pthread_cond_broadcast(&k->cv);
		pthread_mutex_unlock(&k->mu);
		use_batch(k, &b);
		pthread_mutex_lock(&k->mu);
		b.n = 0;
		if (k->nempty < TL_SLOTS + 1)
			k->empty[k->nempty++] = b;
		else
			free(b.e);
	}
	pthread_mutex_unlock(&k->mu);
}

void
timeline_each(const struct doc *d,
    void (*fn)(void *arg, const struct timeline *batch), void *arg)
{
	struct tl_sink k;
	pthread_t th;
	size_t i;

	memset(&k, 0, sizeof k);
	k.d = d;
	k.fn = fn;
	k.arg = arg;
	k.line_hint = 1;
	k.out = xcalloc(1, sizeof *k.out);
	k.scan_t = xcalloc(1, sizeof *k.scan_t);
	k.threaded = util_threads() >= 2;
	if (k.threaded) {
		pthread_mutex_init(&k.mu, NULL);
		pthread_cond_init(&k.cv, NULL);
		if (pthread_create(&th, NULL, scan_main, &k) == 0) {
			use_main(&k);
			pthread_join(th, NULL);
		} else {
			k.threaded = 0;
		}
		pthread_cond_destroy(&k.cv);
		pthread_mutex_destroy(&k.mu);
	}
	if (!k.threaded)
		timeline_scan(d, k.scan_t, &k);
	for (i = 0; i < k.nempty; i++)
		free(k.empty[i].e);
	timeline_free(k.scan_t);
	timeline_free(k.out);
}
