/*
 * source.c - a document that arrives in stages.
 *
 * A source holds up to three stages, each a buffer with the document and
 * timeline built on it (struct source_stage): the head, a copy of a long
 * text's first preview_len bytes cut after a line end, which are the same
 * bytes at the same offsets as in the whole text; the tail, its last
 * preview_len bytes from the start of a line, whose offsets are the whole
 * text's less tail_base; and the whole text.  The head and the tail are
 * the calling thread's alone.  The whole stage lives in struct source_bg
 * with the thread that builds it: the thread publishes its progress in
 * bg->stage (an atomic: 0 nothing yet, 1 the document, 2 the timeline
 * too, -1 the text could not be read), and writes no field of the stage
 * it has published.  bg is freed by whichever of the source and the
 * thread lets go of it last (bg->refs), so that a source freed while its
 * thread still loads returns at once and the thread, told to stop, frees
 * what it built when it ends.  s->taken is the stage the caller has
 * swapped in; s->doc and s->tl are what it shows.  While the thread
 * reads standard input (source-pipe.c), it also makes stages of the text
 * read so far and hands each over in bg->partial, an atomic pointer
 * exchanged whole, which source_poll() shows as the head.
 *
 * Every document is built from its bytes by source_stage_build(), the one
 * place a stage of conversion before the document model is to go.  The
 * previews and the mapped bytes are in source-preview.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "juan/convert-md.h"
#include "juan/convert.h"
#include "juan/format.h"
#include "juan/hints.h"
#include "juan/source.h"
#include "juan/util.h"
#include "source-int.h"
#include "source-pipe.h"

static atomic_int source_live;		/* threads running */

void
source_opts_init(struct source_opts *o)
{
	const char *delay = getenv("JUAN_TEST_LOAD_DELAY");

	memset(o, 0, sizeof *o);
	o->pipe_limit = (size_t)1 << 30;
	o->need = SOURCE_NEED_ALL;
	o->preview_min = (size_t)256 << 10;
	o->preview_len = (size_t)64 << 10;
	if (delay != NULL && atoi(delay) > 0)
		o->delay_ms = atoi(delay);
}

void
source_stage_free(struct source_stage *st)
{
	timeline_free(st->tl);
	if (st->shallow)
		free(st->doc);
	else
		doc_free(st->doc);
	hints_free(st->hints);
	buffer_free(st->buf);
	memset(st, 0, sizeof *st);
}

/*
 * Builds what st->buf holds, as far as need says: its document, then its
 * timeline.  Every document is built here, from the head's bytes, the
 * tail's and the whole text's.  For the thread (bg not NULL) the document
 * is published before the timeline is built, and a stop ends the work.
 */
void
source_stage_build(struct source_stage *st, enum source_need need,
    struct source_bg *bg)
{
	if (need == SOURCE_NEED_TEXT) {
		/* --search needs no structure, which costs more than it. */
		st->doc = xcalloc(1, sizeof *st->doc);
		st->doc->buf = st->buf;
		st->doc->title_block = -1;
		st->shallow = 1;
		return;
	}
	/*
	 * Markdown keeps its source as the text: its hints conceal the
	 * markup.  HTML and EPUB came with their hints from the converter.
	 */
	if (st->format == FORMAT_MARKDOWN && !st->raw && st->hints == NULL)
		st->hints = convert_md(st->buf->data, st->buf->len);
	if (st->format == FORMAT_MARKDOWN) {
		/*
		 * Markdown's blocks and headings are the source's, as the
		 * plain-text rules read them (the outline of a Markdown file
		 * does not change with rendering); its hints only tell the
		 * layout what to conceal and how to style it.
		 */
		st->doc = doc_new(st->buf);
		st->doc->hints = st->hints;
	} else
		st->doc = st->hints != NULL ?
		    doc_new_hints(st->buf, st->hints) : doc_new(st->buf);
	if (bg != NULL) {
		atomic_store(&bg->stage, SOURCE_READY_DOC);
		if (atomic_load(&bg->stop))
			return;
	}
	if (need == SOURCE_NEED_DOC)
		return;
	st->tl = timeline_new(st->doc);
}

static void
bg_free(struct source_bg *b)
{
	struct source_stage *pt = atomic_exchange(&b->partial, NULL);

	if (pt != NULL)
		source_stage_free(pt);
	free(pt);
	source_stage_free(&b->whole);
	free(b->by_date);
	free(b->err);
	free(b->path);
	free(b->encoding);
	free(b);
}

/* Lets go of b; the last to let go frees it. */
static void
bg_release(struct source_bg *b)
{
	if (atomic_fetch_sub(&b->refs, 1) == 1)
		bg_free(b);
}

/* The last component of path, the title of last resort. */
static const char *
base_name(const char *path)
{
	const char *p = strrchr(path, '/');

	return p != NULL ? p + 1 : path;
}

/*
 * Reads the whole file at path as bytes, at most CONVERT_MAX_INPUT of
 * them.  Returns them (NUL-terminated) and sets *n, or NULL with *err.
 */
static char *
read_raw(const char *path, size_t *n, char **err)
{
	struct stat sb;
	size_t cap, len = 0;
	ssize_t r;
	char *p;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &sb) < 0) {
		*err = xstrdup(strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (S_ISDIR(sb.st_mode)) {
		close(fd);
		*err = xstrdup(strerror(EISDIR));
		return NULL;
	}
	cap = S_ISREG(sb.st_mode) && sb.st_size > 0 ?
	    (size_t)sb.st_size + 1 : 65536;
	if (cap > CONVERT_MAX_INPUT + 1)
		cap = CONVERT_MAX_INPUT + 1;
	p = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > CONVERT_MAX_INPUT) {
				free(p);
				close(fd);
				*err = xasprintf("input too large (over %zu "
				    "bytes)", (size_t)CONVERT_MAX_INPUT);
				return NULL;
			}
			cap *= 2;
			p = xrealloc(p, cap + 1);
		}
		r = read(fd, p + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = xstrdup(strerror(errno));
			free(p);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	p[len] = '\0';
	*n = len;
	return p;
}

/*
 * Converts an HTML page or an EPUB book of n bytes into the text buffer,
 * with the hints in st.  name is the file's path, for the title of last
 * resort.  Returns 0, or -1 with *err.
 */
static int
convert(struct source_stage *st, const char *bytes, size_t n,
    const char *charset, const char *name, char **err)
{
	struct buffer *b;
	char *text = NULL;
	size_t len = 0;
	int r;

	if (st->format == FORMAT_EPUB)
		r = convert_epub(bytes, n, base_name(name), &text, &len,
		    &st->hints, err);
	else
		r = convert_html(bytes, n, charset, base_name(name), &text,
		    &len, &st->hints, err);
	if (r < 0)
		return -1;
	b = buffer_from_mem(text, len, "UTF-8", err);
	free(text);
	if (b == NULL) {
		hints_free(st->hints);
		st->hints = NULL;
		return -1;
	}
	free(b->name);
	b->name = xstrdup(name);
	/* The encoding the reader asks about is the page's, not the
	 * converted text's. */
	if (st->hints->encoding != NULL) {
		free(b->encoding);
		b->encoding = xstrdup(st->hints->encoding);
	}
	st->buf = b;
	return 0;
}

/*
 * Loads the whole text of path ("-": standard input) into st: as text,
 * or, for an HTML page or an EPUB book, converted.  A format of -1 is
 * recognised from the bytes read.  Returns 0, or -1 with *err.
 */
static int load_text(struct source_stage *, struct buffer *, char **);

static int
load_whole(struct source_stage *st, const char *path, const char *encoding,
    size_t limit, char **err)
{
	struct buffer *b;
	char *raw;
	size_t n;
	int r;

	if ((st->format == FORMAT_HTML || st->format == FORMAT_EPUB) &&
	    strcmp(path, "-") != 0) {
		if ((raw = read_raw(path, &n, err)) == NULL)
			return -1;
		r = convert(st, raw, n, encoding, path, err);
		free(raw);
		return r;
	}
	if ((b = buffer_load(path, encoding, limit, err)) == NULL)
		return -1;
	return load_text(st, b, err);
}

/*
 * Makes st of b, a text just read (which it takes): the buffer itself,
 * or, for an HTML page, converted.  A format of -1 is recognised from the
 * bytes read.  Returns 0, or -1 with *err.
 */
static int
load_text(struct source_stage *st, struct buffer *b, char **err)
{
	int r;

	if (st->format < 0)
		st->format = (int)format_detect(NULL, b->head, b->head_len);
	if (st->format == FORMAT_EPUB) {
		buffer_free(b);
		*err = xstrdup("an EPUB book is read from a file, not from "
		    "standard input");
		return -1;
	}
	if (st->format == FORMAT_HTML) {
		/* Already decoded: the page is UTF-8 now, and was read in
		 * the encoding the buffer found. */
		r = convert(st, b->data, b->len, "UTF-8", b->name, err);
		if (r == 0) {
			free(st->buf->encoding);
			st->buf->encoding = xstrdup(b->encoding);
		}
		buffer_free(b);
		return r;
	}
	st->buf = b;
	return 0;
}

/*
 * The callback of source_pipe_read(): makes a stage of the bytes of
 * standard input read so far, cut after the last whole character, with
 * its document, and hands it to the source in bg->partial, replacing
 * one the source has not taken yet.  The exchange is what publishes the
 * stage: the thread does not touch it after.  A page or a book is
 * converted only once it is whole: none of it is shown before.
 */
static void
pipe_publish(void *arg, const char *bytes, size_t n)
{
	struct source_bg *b = arg;
	struct source_stage *st = xcalloc(1, sizeof *st), *old;
	char *err = NULL;
	size_t cut;

	/*
	 * UTF-8 cut in a character would not look like UTF-8 to the
	 * detector: the bytes before the cut are what it is to see.  Other
	 * encodings are cut once they are known.
	 */
	cut = source_pipe_cut(bytes, n, "UTF-8");
	if (cut < n && !buffer_utf8_valid(bytes, cut))
		cut = n;
	st->buf = buffer_from_mem(bytes, cut, b->encoding, &err);
	if (st->buf != NULL && (n = source_pipe_cut(bytes, cut,
	    st->buf->encoding)) < cut) {
		buffer_free(st->buf);
		st->buf = buffer_from_mem(bytes, n, b->encoding, &err);
	}
	free(err);
	st->format = b->whole.format >= 0 ? b->whole.format :
	    st->buf != NULL ? (int)format_detect(NULL, st->buf->head,
	    st->buf->head_len) : FORMAT_TEXT;
	st->raw = b->whole.raw;
	if (st->buf == NULL || st->format == FORMAT_HTML ||
	    st->format == FORMAT_EPUB) {
		source_stage_free(st);
		free(st);
		return;
	}
	source_stage_build(st, SOURCE_NEED_DOC, NULL);
	old = atomic_exchange(&b->partial, st);
	if (old != NULL)
		source_stage_free(old);
	free(old);
}

/* Reads standard input into b->whole, showing it as it arrives. */
static int
pipe_load(struct source_bg *b)
{
	struct buffer *buf;
	struct stat sb;
	char *raw;
	size_t n;

	/* A file given as standard input is read at once, as any file. */
	if (fstat(STDIN_FILENO, &sb) == 0 && (S_ISREG(sb.st_mode) ||
	    S_ISDIR(sb.st_mode)))
		return load_whole(&b->whole, "-", b->encoding, b->limit,
		    &b->err);
	raw = source_pipe_read(STDIN_FILENO, b->limit, &b->stop,
	    &b->pipe_bytes, pipe_publish, b, &n, &b->err);
	if (raw == NULL)
		return -1;
	buf = buffer_from_mem(raw, n, b->encoding, &b->err);
	free(raw);
	if (buf == NULL)
		return -1;
	return load_text(&b->whole, buf, &b->err);
}

/* Loads and builds the whole text (in the thread, or else in the main). */
static void
bg_main(struct source_bg *b)
{
	struct timeline *tl;

	if (b->whole.buf == NULL) {
		if ((strcmp(b->path, "-") == 0 ? pipe_load(b) :
		    load_whole(&b->whole, b->path, b->encoding, b->limit,
		    &b->err)) < 0) {
			atomic_store(&b->stage, SOURCE_READY_FAILED);
			return;
		}
	}
	if (atomic_load(&b->stop))
		return;
	source_stage_build(&b->whole, SOURCE_NEED_ALL, b);
	tl = b->whole.tl;
	if (tl == NULL)
		return;
	/* Sorting millions of entries would hold the keys up. */
	if (tl->n > 0) {
		b->by_date = xreallocarray(NULL, tl->n, sizeof *b->by_date);
		timeline_sort_by_date(tl, b->by_date);
	}
	atomic_store(&b->stage, SOURCE_READY_ALL);
}

/* Sleeps ms milliseconds, or less when told to stop. */
static void
bg_delay(struct source_bg *b, int ms)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	for (; ms > 0 && !atomic_load(&b->stop); ms -= 10)
		nanosleep(&ts, NULL);
}

/*
 * The thread's start: it takes a lower priority and one thread for the
 * engine's work before building (bg_main), so that none of this touches
 * the main thread when bg_main has to run there.
 */
static void *
bg_thread(void *arg)
{
	struct source_bg *b = arg;

#if defined(__linux__) && defined(SYS_gettid)
	/*
	 * The whole text is built at a lower priority (its helper threads
	 * inherit it), so that on a machine with few processors the keys,
	 * the drawing and the terminal itself keep theirs.
	 */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 10);
#endif
	/*
	 * One thread: on two processors the other stays with the keys and
	 * the terminal (the previews answer G and the first screens).
	 */
	util_set_threads(1);
	/* The tests hold the whole text back to see the previews at work. */
	bg_delay(b, b->delay_ms);
	bg_main(b);
	bg_release(b);
	atomic_fetch_sub(&source_live, 1);
	return NULL;
}

/*
 * Opens a file or standard input: the head, or the whole buffer read
 * here.  Returns 1 when the head is made, 0 when the whole buffer is read
 * (and may get a head from memory), -1 when it cannot be read.
 */
static int
open_path(struct source *s, const struct source_opts *o, char **err)
{
	struct source_bg *b = s->bg;
	int r = -1;

	if (o->background && strcmp(o->path, "-") == 0) {
		/*
		 * Standard input has no beginning to read twice: the
		 * reader starts on an empty text while the thread reads
		 * the pipe, and keeps its keys (q quits).
		 */
		s->head.buf = buffer_from_mem("", 0, NULL, err);
		if (s->head.buf == NULL)
			return -1;
		b->path = xstrdup("-");
		b->limit = o->pipe_limit;
		s->reading_pipe = 1;
		return 1;
	}
	/* A page or a book is converted whole: it has no previews. */
	if (o->background && (o->format == FORMAT_TEXT ||
	    o->format == FORMAT_MARKDOWN) &&
	    (r = source_preview_file(s, o->path)) == 0) {
		b->path = xstrdup(o->path);
		return 1;
	}
	if (load_whole(&b->whole, o->path, o->encoding,
	    strcmp(o->path, "-") == 0 ? o->pipe_limit : 0, err) < 0)
		return -1;
	/* A file whose head could not be read gets none from memory. */
	return r == -2 ? 2 : 0;
}

struct source *
source_open(const struct source_opts *o, char **err)
{
	struct source *s = xcalloc(1, sizeof *s);
	struct source_bg *b = xcalloc(1, sizeof *b);
	int r = 0;

	*err = NULL;
	s->o = *o;
	s->bg = b;
	atomic_init(&b->refs, 1);
	atomic_init(&b->stop, 0);
	atomic_init(&b->stage, SOURCE_READY_PREVIEW);
	atomic_init(&b->partial, NULL);
	atomic_init(&b->pipe_bytes, 0);
	b->encoding = o->encoding != NULL ? xstrdup(o->encoding) : NULL;
	b->delay_ms = o->delay_ms;
	s->head.format = s->tail.format = b->whole.format =
	    o->path != NULL ? o->format : FORMAT_TEXT;
	s->head.raw = s->tail.raw = b->whole.raw = o->raw;
	if (o->path != NULL)
		r = open_path(s, o, err);
	else if ((b->whole.buf = buffer_from_mem(o->mem, o->mem_len, NULL,
	    err)) == NULL)
		r = -1;
	if (r < 0) {
		source_free(s);
		return NULL;
	}
	if (r == 1) {
		source_preview_show_head(s);
		return s;
	}
	s->given = 1;
	if (o->background && r == 0 && b->whole.hints == NULL &&
	    source_preview_mem(s) == 0) {
		source_preview_show_head(s);
		return s;
	}
	source_stage_build(&b->whole, o->background ? SOURCE_NEED_ALL : o->need, NULL);
	atomic_store(&b->stage, SOURCE_READY_ALL);
	s->taken = SOURCE_READY_ALL;
	s->shown = SOURCE_WHOLE;
	s->doc = b->whole.doc;
	s->tl = b->whole.tl;
	return s;
}

void
source_start(struct source *s)
{
	sigset_t all, old;
	int r;

	if (!s->started || s->launched || s->ran)
		return;
	(void)source_preview_tail(s);
	atomic_fetch_add(&s->bg->refs, 1);
	atomic_fetch_add(&source_live, 1);
	/*
	 * The thread takes no signals: they are the caller's.  But for
	 * SIGBUS, which a file truncated under its mapping causes in the
	 * thread that reads it (buffer_map_fd): blocked, it would end the
	 * program instead of reaching the handler.
	 */
	sigfillset(&all);
	sigdelset(&all, SIGBUS);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	r = pthread_create(&s->bg->thread, NULL, bg_thread, s->bg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (r == 0) {
		s->launched = 1;
		return;
	}
	atomic_fetch_sub(&s->bg->refs, 1);
	atomic_fetch_sub(&source_live, 1);
	s->ran = 1;
	bg_main(s->bg);
}

/* Tells whether the whole text begins with the head's bytes. */
static int
same_start(const struct source *s)
{
	const struct buffer *w = s->bg->whole.buf, *h = s->head.buf;

	return w->len >= h->len && memcmp(w->data, h->data, h->len) == 0;
}

/* Tells whether the tail's bytes are at tail_base in the whole text. */
static int
tail_in_whole(const struct source *s)
{
	const struct buffer *w = s->bg->whole.buf, *t = s->tail.buf;

	return t != NULL && s->tail_base + t->len <= w->len &&
	    memcmp(w->data + s->tail_base, t->data, t->len) == 0;
}

int
source_tail_to_whole(const struct source *s, size_t tail_off,
    size_t *whole_off)
{
	/* The stage first: until it is published, whole is the thread's. */
	if ((s->taken < SOURCE_READY_DOC &&
	    atomic_load(&s->bg->stage) < SOURCE_READY_DOC) ||
	    s->bg->whole.buf == NULL || !tail_in_whole(s))
		return -1;
	*whole_off = s->tail_base + tail_off;
	return 0;
}

/*
 * Carries the place p, in the tail, over to the whole text: the same
 * bytes when the tail's are found there, else the end.  The highlight
 * (an entry jumped to in the tail) goes with it, or is dropped when its
 * bytes are lost; with none, the head's comes back.
 */
static void
tail_to_whole(struct source *s, struct source_place *p)
{
	int lost = !tail_in_whole(s);
	int hl = p->hl_end > p->hl_off;

	if (s->moved || (lost && hl)) {
		p->hl_off = p->hl_end = 0;
	} else if (hl) {
		p->hl_off += s->tail_base;
		p->hl_end += s->tail_base;
	} else {
		p->hl_off = s->head_hl_off;
		p->hl_end = s->head_hl_end;
	}
	p->to_end = lost;
	if (!lost)
		p->top_off += s->tail_base;
}

/*
 * Swaps in the whole document (stage is at least 1).  The head's
 * timeline stays until the whole one arrives: its entries are offsets of
 * the same bytes.  Returns the SOURCE_* bits, or 0 to wait.
 */
static int
take_doc(struct source *s, struct source_place *p, int stage)
{
	struct source_bg *b = s->bg;
	int r = SOURCE_CHANGED | SOURCE_GOT_DOC;

	/*
	 * The head was decoded alone; if the whole text does not begin
	 * with the same bytes (a detection that differs), the head's
	 * offsets mean nothing in it: keep the head until everything is
	 * built, then start at the top.
	 */
	if (!s->given && !same_start(s))
		s->moved = 1;
	if (s->moved && stage < SOURCE_READY_ALL)
		return 0;
	if (s->shown == SOURCE_TAIL) {
		tail_to_whole(s, p);
		r |= SOURCE_MOVED;
	} else if (s->moved) {
		p->top_off = 0;
		p->to_end = 0;
		r |= SOURCE_MOVED;
	}
	s->shown = SOURCE_WHOLE;
	s->doc = b->whole.doc;
	s->tl = s->moved ? b->whole.tl : s->head.tl;
	s->total_len = 0;
	s->reading_pipe = 0;
	s->taken = SOURCE_READY_DOC;
	return r;
}

/*
 * Shows the text of a pipe read so far, when the thread has made a new
 * one (stage is still 0); one made before the whole text is dropped.
 * The place stays, unless the new text does not begin with the bytes
 * shown (its encoding is now detected otherwise): then the top.
 */
static int
take_partial(struct source *s, struct source_place *p, int stage)
{
	struct source_stage *st = atomic_exchange(&s->bg->partial, NULL);
	const struct buffer *h = s->head.buf;
	int r = SOURCE_CHANGED;

	if (st == NULL)
		return 0;
	if (stage != SOURCE_READY_PREVIEW || s->shown != SOURCE_HEAD) {
		source_stage_free(st);
		free(st);
		return 0;
	}
	if (st->buf->len < h->len || memcmp(st->buf->data, h->data,
	    h->len) != 0) {
		p->top_off = 0;
		p->to_end = 0;
		p->hl_off = p->hl_end = 0;
		r |= SOURCE_MOVED;
	}
	source_stage_free(&s->head);
	s->head = *st;
	free(st);
	s->doc = s->head.doc;
	s->tl = s->head.tl;
	return r;
}

int
source_poll(struct source *s, struct source_place *p)
{
	int stage, r;

	if (!s->started || s->taken == SOURCE_READY_ALL)
		return 0;
	stage = atomic_load(&s->bg->stage);
	if (s->reading_pipe && (r = take_partial(s, p, stage)) != 0)
		return r;
	if (stage == s->taken)
		return 0;
	if (stage == SOURCE_READY_FAILED) {
		s->taken = stage;
		s->started = 0;
		return SOURCE_FAILED;
	}
	/* One step a call, so that the caller sees each. */
	if (s->taken == SOURCE_READY_PREVIEW)
		return take_doc(s, p, stage);
	r = SOURCE_CHANGED;
	s->tl = s->bg->whole.tl;
	if (s->launched) {
		pthread_join(s->bg->thread, NULL);
		s->joined = 1;
	}
	s->started = 0;
	s->taken = stage;
	source_stage_free(&s->head);
	source_stage_free(&s->tail);
	return r;
}

void
source_wait(struct source *s, const volatile sig_atomic_t *interrupt)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	if (!s->started)
		return;
	source_start(s);
	while (atomic_load(&s->bg->stage) == SOURCE_READY_PREVIEW &&
	    (interrupt == NULL || *interrupt == 0))
		nanosleep(&ts, NULL);
}

const struct doc *
source_doc(const struct source *s)
{
	return s->doc;
}

const struct timeline *
source_timeline(const struct source *s)
{
	return s->tl;
}

size_t *
source_take_order(struct source *s)
{
	size_t *order = NULL;

	if (s->tl != NULL && s->tl == s->bg->whole.tl) {
		order = s->bg->by_date;
		s->bg->by_date = NULL;
	}
	return order;
}

const char *
source_title(const struct source *s)
{
	return s->shown == SOURCE_TAIL ? s->head.doc->title : s->doc->title;
}

enum source_shown
source_shown(const struct source *s)
{
	return s->shown;
}

enum source_ready
source_ready(const struct source *s)
{
	return (enum source_ready)atomic_load(&s->bg->stage);
}

int
source_loading(const struct source *s)
{
	return s->shown != SOURCE_WHOLE;
}

int
source_complete(const struct source *s)
{
	return !s->started;
}

int
source_reading_pipe(const struct source *s)
{
	return s->reading_pipe;
}

size_t
source_pipe_bytes(const struct source *s)
{
	return atomic_load(&s->bg->pipe_bytes);
}

size_t
source_base_off(const struct source *s)
{
	return s->shown == SOURCE_TAIL ? s->tail_base : 0;
}

size_t
source_total_len(const struct source *s)
{
	return s->total_len;
}

int
source_covers(const struct source *s, size_t off, int dir)
{
	size_t margin = s->o.preview_len / 4;

	/* A pipe's text so far is all there is yet: moves stay in it. */
	if (s->shown == SOURCE_WHOLE || s->reading_pipe)
		return 1;
	/* A window may start at the beginning, or end at the end. */
	if (dir < 0)
		return off > margin || source_base_off(s) == 0;
	return off + margin < s->doc->buf->len || (s->shown == SOURCE_TAIL &&
	    s->tail_base + s->doc->buf->len >= source_preview_whole_len(s));
}

const char *
source_error(const struct source *s)
{
	if (s->taken != SOURCE_READY_FAILED)
		return NULL;
	return s->bg->err != NULL ? s->bg->err : "cannot be read";
}

void
source_free(struct source *s)
{
	if (s == NULL)
		return;
	source_stage_free(&s->head);
	source_stage_free(&s->tail);
	if (s->launched && !s->joined) {
		atomic_store(&s->bg->stop, 1);
		pthread_detach(s->bg->thread);
	}
	bg_release(s->bg);
	buffer_map_free(s->map);
	free(s);
}

int
source_threads(void)
{
	return atomic_load(&source_live);
}

int
source_format(const struct source *s)
{
	/* The thread may still be reading standard input: until then it
	 * is text. */
	if (s->taken || s->ran || s->given)
		return s->bg->whole.format < 0 ? FORMAT_TEXT :
		    s->bg->whole.format;
	return s->head.format < 0 ? FORMAT_TEXT : s->head.format;
}
