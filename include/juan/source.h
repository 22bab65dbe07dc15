/* source.h - a document that arrives in stages: previews, then the whole. */
#ifndef JUAN_SOURCE_H
#define JUAN_SOURCE_H

#include <signal.h>
#include <stddef.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"

/*
 * A source opens a file, a pipe or bytes in memory and builds the text
 * buffer, its document and its timeline.  Loaded in the background
 * (source_opts.background), a long text first gives a preview of its
 * beginning (the head), at once, and the last bytes of a file (the tail)
 * when asked for, while a thread reads the whole text and builds its
 * document and then its timeline; the caller swaps each in as
 * source_poll() reports it.  The head's offsets are the whole text's; the
 * tail's are the whole text's less source_base_off(), and source_poll()
 * carries a place in the tail over to the whole text.  Loaded in the
 * foreground, the source builds everything before source_open() returns.
 *
 * The source owns every buffer, document and timeline it builds, and the
 * thread: what source_doc() and source_timeline() return is valid until
 * the next source_poll(), source_tail(), source_head() or source_free().
 * Only the thread that made the source may call these functions.
 */

/* How much a foreground load builds. */
enum source_need {
	SOURCE_NEED_TEXT,	/* the buffer, and a document without
				   structure (no blocks, no sections) */
	SOURCE_NEED_DOC,	/* the buffer and its document */
	SOURCE_NEED_ALL		/* and the timeline */
};

struct source_opts {
	const char *path;	/* a file, "-" for standard input, or NULL
				   to read mem; borrowed until source_open
				   returns */
	const char *mem;	/* bytes to read when path is NULL (the
				   built-in guide), borrowed likewise */
	size_t mem_len;		/* bytes at mem */
	const char *encoding;	/* --encoding, or NULL to detect */
	size_t pipe_limit;	/* most bytes read from standard input */
	int background;		/* previews first, the rest in a thread */
	enum source_need need;	/* what a foreground load builds */
	size_t preview_min;	/* texts of this many bytes or more get
				   previews (in the background) */
	size_t preview_len;	/* bytes of the head and of the tail */
	int delay_ms;		/* the thread waits this long before it
				   reads the whole text (a test hook) */
	int format;		/* the input's enum format_kind
				   (juan/format.h), or -1 to recognise
				   it from its bytes (standard input) */
	int raw;		/* Markdown shown as its source: no hints */
};

/* What the thread has built so far (source_ready). */
enum source_ready {
	SOURCE_READY_FAILED = -1,	/* the text could not be read */
	SOURCE_READY_PREVIEW,		/* nothing yet but the previews */
	SOURCE_READY_DOC,		/* the whole document */
	SOURCE_READY_ALL		/* and its timeline */
};

/* Which text the caller is to show (source_shown). */
enum source_shown {
	SOURCE_HEAD,		/* the preview of the beginning */
	SOURCE_TAIL,		/* the preview of the end */
	SOURCE_WHOLE		/* the whole text */
};

/*
 * A place in the text shown, in its offsets: the first byte shown and a
 * highlighted range.  source_poll(), source_tail() and source_head() move
 * it to the text they swap in.
 */
struct source_place {
	size_t top_off;		/* first byte of the top line */
	size_t hl_off, hl_end;	/* highlighted bytes; none when equal */
	int to_end;		/* set by source_poll: the place is not in
				   the whole text, show its end */
};

/* What source_poll() changed (bits). */
enum {
	SOURCE_CHANGED = 1,	/* the document or timeline to show */
	SOURCE_MOVED = 2,	/* the place (top_off, to_end) */
	SOURCE_GOT_DOC = 4,	/* the whole document is now shown */
	SOURCE_FAILED = 8	/* the text could not be read after all:
				   see source_error */
};

/*
 * Fills o with the defaults: in the foreground, everything built, a
 * preview of 64 KiB for texts of 256 KiB or more, 1 GiB from a pipe, and
 * the delay of JUAN_TEST_LOAD_DELAY (milliseconds) when it is set.
 */
void source_opts_init(struct source_opts *o);

/*
 * Opens the text o describes.  In the foreground the whole is built
 * here; in the background only the head (a pipe gives an empty one, and
 * then, through source_poll(), the text read so far as it arrives, until
 * the whole is read), and the thread waits for source_start().  Returns
 * NULL, with a message in *err for the caller to free, when the text
 * cannot be read.
 */
struct source *source_open(const struct source_opts *o, char **err);

/*
 * The input's enum format_kind: o->format, or the kind recognised from
 * standard input's bytes.  HTML and EPUB are converted into text before
 * the document is built (juan/convert.h), and get no previews; Markdown
 * keeps its source with the hints of convert_md() unless o->raw.
 */
int source_format(const struct source *s);

/*
 * Starts the thread building the whole text, once (later calls do
 * nothing), and first reads the tail of a file.  Without a thread the
 * whole is built here and now.  Nothing to do in the foreground.
 */
void source_start(struct source *s);

/*
 * Swaps in what the thread has finished since the last call and returns
 * the SOURCE_* bits of what changed, 0 when nothing did.  *p, the place
 * shown, is carried over to the whole text when it replaces the tail (or
 * a head whose bytes it does not begin with: then the top).
 */
int source_poll(struct source *s, struct source_place *p);

/*
 * Waits until the thread has built the whole document (or failed), or
 * until *interrupt is set.  Starts the thread if need be.
 */
void source_wait(struct source *s, const volatile sig_atomic_t *interrupt);

/*
 * Shows the tail instead of the head: 0, with p's highlight kept for the
 * head and cleared, or -1 when the text has no tail preview (a pipe, a
 * text not in UTF-8, carriage returns, a whole text given in memory).
 * source_head() goes back, restoring the highlight.
 */
int source_tail(struct source *s, struct source_place *p);
void source_head(struct source *s, struct source_place *p);

/*
 * The whole text's bytes, in its offsets, as far as they are known now:
 * the whole text's once it is shown; before, while a preview is, the
 * file's bytes mapped (past a byte-order mark), when the file is plain
 * text in UTF-8; else NULL (then only the whole text has them).  Sets
 * *len.  Valid until the next source_poll() or source_free().  Search
 * looks in them before the whole document is built: mapped bytes may
 * still hold invalid UTF-8 or carriage returns, which the whole text
 * will not, and source_bytes_kept() tells whether the offsets found in
 * them stand in the whole text.
 */
const char *source_bytes(const struct source *s, size_t *len);
int source_bytes_kept(const struct source *s);

/*
 * Shows a window of the text around off, an offset of source_bytes(),
 * in place of the previews: about preview_len bytes of whole lines built
 * into a document, whose offsets are the whole text's less
 * source_base_off(), and which source_poll() carries over to the whole
 * text as it does the tail (source_shown() says SOURCE_TAIL; G then shows
 * the end, g the head).  p's highlight is kept for the head and cleared,
 * and p->top_off is set to off in the window.  Returns 0, or -1 when
 * there are no bytes to show before the whole text, or the bytes there
 * are not the whole text's as they are (invalid UTF-8, carriage returns).
 */
int source_window(struct source *s, size_t off, struct source_place *p);

/* What the caller shows: a document, its timeline (NULL while unknown). */
const struct doc *source_doc(const struct source *s);
const struct timeline *source_timeline(const struct source *s);

/*
 * The chronological order of source_timeline() when the thread sorted
 * it, handed over once (the caller frees it), or NULL.
 */
size_t *source_take_order(struct source *s);

/* The document's title as the status line shows it (NULL if none). */
const char *source_title(const struct source *s);

enum source_shown source_shown(const struct source *s);
enum source_ready source_ready(const struct source *s);

/* The whole document is not shown yet: a preview is. */
int source_loading(const struct source *s);

/* The whole text, its document and its timeline are all shown. */
int source_complete(const struct source *s);

/*
 * The thread is reading standard input: the head is what has arrived
 * (empty at first; a page or a book shows nothing until it is whole).
 */
int source_reading_pipe(const struct source *s);

/* The bytes read from standard input so far (source_reading_pipe). */
size_t source_pipe_bytes(const struct source *s);

/* Offset in the whole text of the shown document's first byte. */
size_t source_base_off(const struct source *s);

/*
 * The whole text's length as known while a preview is shown (the file's
 * size), for the position in percent; 0 once the whole is shown.
 */
size_t source_total_len(const struct source *s);

/*
 * Tells whether a preview shown holds a quarter of the preview length of
 * text beyond off (its offset) in the direction dir, 1 after it, -1
 * before it: whether a move there can be made without the whole text.
 * Always 1 once the whole text is shown, and while a pipe is read: a
 * move stops at the end of what has arrived.
 */
int source_covers(const struct source *s, size_t off, int dir);

/*
 * Maps tail_off, an offset of the tail, to the whole text: 0 with
 * *whole_off set, or -1 when the whole is not built yet or the tail's
 * bytes are not found at their place in it.
 */
int source_tail_to_whole(const struct source *s, size_t tail_off,
    size_t *whole_off);

/* Why the text could not be read (SOURCE_FAILED), or NULL. */
const char *source_error(const struct source *s);

/*
 * Frees s.  A thread still loading is told to stop: it ends on its own
 * as soon as it can, freeing what it built.  source_free(NULL) does
 * nothing.
 */
void source_free(struct source *s);

/* Threads of freed sources still running (for tests). */
int source_threads(void);

#endif
