/*
 * timeline-split.c - the timeline's scan over both processors.
 *
 * The text is cut into pieces of about piece_bytes, each ending at a
 * block's start.  Two threads recognize the pieces ahead, each taking the
 * next piece no thread has taken (timeline_recognize(): the candidates
 * the scan meets from the piece's start, the century guessed), while the
 * scan's own thread goes through them in the text's order
 * (timeline_split_next()) and does all that depends on what came before:
 * resolving, the anchors, the entries, and the scan itself wherever a
 * piece's guess does not hold (follow() in timeline.c).
 *
 * The pieces live in a ring of SLOTS: piece number p is recognized into
 * slot p % SLOTS once the piece SLOTS before it has been given back, so
 * that memory stays at a few pieces' steps whatever the text's length,
 * and the arrays are kept and reused.  One mutex guards the counters;
 * one condition variable tells of a piece recognized or given back.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "juan/doc.h"
#include "juan/util.h"
#include "timeline-int.h"

/* Pieces in memory at a time, and the threads recognizing them. */
#define SLOTS 4
#define THREADS 2

/* The defaults of a piece's bytes and of the shortest text split. */
#define PIECE_BYTES ((size_t)256 << 10)
#define MIN_BYTES ((size_t)4 << 20)

static size_t piece_bytes = PIECE_BYTES;
static size_t min_bytes = MIN_BYTES;

/* What timeline_split_counts() tells. */
static atomic_size_t followed_count, own_count;

struct slot {
	struct tl_piece k;
	size_t num;		/* the piece's number, from 0 */
	int ready;		/* it is recognized */
};

struct tl_split {
	const struct doc *d;
	size_t len;		/* the text's bytes */
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* a piece recognized or given back */
	pthread_t th[THREADS];
	int nth;		/* threads started */
	struct slot slot[SLOTS];
	size_t cut;		/* where the next piece to take starts */
	size_t taken;		/* pieces taken by the threads */
	size_t used;		/* pieces given back by the scan */
	int held;		/* the scan holds piece number used */
	int stop;		/* the threads are to end */
};

void
timeline_split_set_sizes(size_t bytes, size_t min)
{
	piece_bytes = bytes != 0 ? bytes : PIECE_BYTES;
	min_bytes = min != 0 ? min : MIN_BYTES;
}

void
timeline_split_tally(size_t followed, size_t own)
{
	atomic_store(&followed_count, followed);
	atomic_store(&own_count, own);
}

void
timeline_split_counts(size_t *followed, size_t *own)
{
	*followed = atomic_load(&followed_count);
	*own = atomic_load(&own_count);
}

/*
 * Where the piece starting at start ends: at the start of the first
 * block starting piece_bytes or more after it, or at the text's end.
 */
static size_t
piece_end(const struct tl_split *sp, size_t start)
{
	const struct doc *d = sp->d;
	size_t want = start + piece_bytes, b;

	if (want >= sp->len || want < start)
		return sp->len;
	/* The first block ending at or after want, or the one after it. */
	b = doc_block_at(d, want);
	if (b < d->nblocks && d->blocks[b].off < want)
		b++;
	/* Blocks come in order; were they not, the piece still grows. */
	if (b >= d->nblocks || d->blocks[b].off <= start)
		return sp->len;
	return d->blocks[b].off;
}

/* A recognizing thread: the next piece not taken, until the last. */
static void *
work(void *arg)
{
	struct tl_split *sp = arg;
	struct slot *s;

	pthread_mutex_lock(&sp->mu);
	for (;;) {
		while (!sp->stop && sp->cut < sp->len &&
		    sp->taken - sp->used >= SLOTS)
			pthread_cond_wait(&sp->cv, &sp->mu);
		if (sp->stop || sp->cut >= sp->len)
			break;
		s = &sp->slot[sp->taken % SLOTS];
		s->num = sp->taken++;
		s->ready = 0;
		s->k.start = sp->cut;
		s->k.lim = sp->cut = piece_end(sp, sp->cut);
		pthread_mutex_unlock(&sp->mu);
		timeline_recognize(sp->d, &s->k);
		pthread_mutex_lock(&sp->mu);
		s->ready = 1;
		pthread_cond_broadcast(&sp->cv);
	}
	pthread_mutex_unlock(&sp->mu);
	return NULL;
}

struct tl_split *
timeline_split_new(const struct doc *d)
{
	struct tl_split *sp;
	int i;

	if (util_threads() < 2 || d->nblocks == 0 || d->buf->len < min_bytes)
		return NULL;
	sp = xcalloc(1, sizeof *sp);
	sp->d = d;
	sp->len = d->buf->len;
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->cv, NULL);
	for (i = 0; i < THREADS; i++)
		if (pthread_create(&sp->th[sp->nth], NULL, work, sp) == 0)
			sp->nth++;
	if (sp->nth == 0) {
		timeline_split_free(sp);
		return NULL;
	}
	return sp;
}

const struct tl_piece *
timeline_split_next(struct tl_split *sp)
{
	struct slot *s;

	pthread_mutex_lock(&sp->mu);
	if (sp->held) {
		sp->used++;
		sp->held = 0;
		pthread_cond_broadcast(&sp->cv);
	}
	for (;;) {
		s = &sp->slot[sp->used % SLOTS];
		if (sp->used < sp->taken && s->num == sp->used && s->ready)
			break;
		if (sp->used == sp->taken && sp->cut >= sp->len) {
			pthread_mutex_unlock(&sp->mu);
			return NULL;
		}
		pthread_cond_wait(&sp->cv, &sp->mu);
	}
	sp->held = 1;
	pthread_mutex_unlock(&sp->mu);
	return &s->k;
}

void
timeline_split_free(struct tl_split *sp)
{
	int i;

	pthread_mutex_lock(&sp->mu);
	sp->stop = 1;
	pthread_cond_broadcast(&sp->cv);
	pthread_mutex_unlock(&sp->mu);
	for (i = 0; i < sp->nth; i++)
		pthread_join(sp->th[i], NULL);
	for (i = 0; i < SLOTS; i++)
		free(sp->slot[i].k.step);
	pthread_cond_destroy(&sp->cv);
	pthread_mutex_destroy(&sp->mu);
	free(sp);
}
