/* source-int.h - the source's stages, shared by source.c and source-preview.c. */
#ifndef JUAN_SOURCE_INT_H
#define JUAN_SOURCE_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "juan/buffer.h"
#include "juan/source.h"

struct source_stage {
	struct buffer *buf;		/* owned, or NULL */
	struct doc *doc;		/* owned, or NULL */
	struct timeline *tl;		/* owned, or NULL */
	struct hints *hints;		/* the format stage's, owned, or
					   NULL for plain text */
	int format;			/* enum format_kind of the text */
	int raw;			/* Markdown without its hints */
	int shallow;			/* doc is a bare struct: free() it */
};

/* The whole text and the thread that builds it. */
struct source_bg {
	pthread_t thread;
	atomic_int refs;		/* the source and the thread */
	atomic_int stop;		/* the source is gone: stop early */
	atomic_int stage;		/* enum source_ready */
	char *path;			/* the file the thread loads, or
					   NULL when whole.buf is given */
	char *encoding;			/* --encoding, or NULL */
	size_t limit;			/* most bytes read from a stream */
	int delay_ms;			/* wait before loading (tests) */
	struct source_stage whole;	/* built by the thread */
	size_t *by_date;		/* whole.tl's chronological order,
					   sorted by the thread, until
					   source_take_order */
	char *err;			/* why loading failed */
	atomic_size_t pipe_bytes;	/* bytes read from standard input */
	_Atomic(struct source_stage *) partial;	/* the text of a pipe
					   read so far, built by the thread
					   and handed over whole (see
					   pipe_publish), or NULL */
};

struct source {
	struct source_opts o;		/* strings not to be used after
					   source_open */
	struct source_bg *bg;		/* shared with the thread */
	struct source_stage head;	/* the preview of the beginning */
	struct source_stage tail;	/* the preview of the end */
	size_t tail_base;		/* offset of tail in the whole */
	size_t file_len;		/* bytes of the file being loaded */
	size_t total_len;		/* see source_total_len */
	size_t head_hl_off, head_hl_end;	/* the head's highlight,
						   kept while the tail
						   is shown */
	const struct doc *doc;		/* shown */
	const struct timeline *tl;	/* shown */
	enum source_shown shown;
	int taken;			/* the thread's stage swapped in */
	int given;			/* the whole buffer was read before
					   the thread started */
	int moved;			/* the whole text does not begin
					   with the head's bytes */
	int started;			/* a whole is to be built, is being
					   built, or was built but not yet
					   swapped in whole */
	int launched;			/* the thread was created */
	int joined;			/* ... and has been joined */
	int ran;			/* no thread: built in this one */
	int tail_failed;		/* the file has no tail preview */
	int reading_pipe;		/* the thread reads standard input */
	struct buffer_map *map;		/* the file's bytes, mapped while
					   the whole is built, or NULL */
	size_t map_skip;		/* bytes of a byte-order mark */
	int win;			/* the tail stage holds a window
					   around a place, not the end */
};

/* Frees what st owns and empties it. */
void source_stage_free(struct source_stage *st);

/*
 * Builds st's document (and timeline, as need says) from st->buf, with
 * the format stage's hints; bg, when not NULL, is told to stop early.
 */
void source_stage_build(struct source_stage *st, enum source_need need,
    struct source_bg *bg);

/* The previews (source-preview.c). */
int source_preview_file(struct source *s, const char *path);
int source_preview_mem(struct source *s);
void source_preview_show_head(struct source *s);
int source_preview_tail(struct source *s);
size_t source_preview_whole_len(const struct source *s);

#endif
