/*
 * test-source.c - unit tests of the staged source: the previews of a
 * text's beginning and end, the swap to the whole text keeping the place,
 * a tail the whole text does not match, quitting while the thread loads,
 * a pipe (shown as it arrives, a character cut at the end of what has
 * arrived left out), and texts that cannot be read.  Run under ASan and
 * TSan too.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "juan/source.h"
#include "juan/util.h"
#include "source-pipe.h"
#include "tap.h"

#define PREVIEW_MIN 4000	/* small sizes, so that texts are small */
#define PREVIEW_LEN 1024

static char dir[] = "/tmp/test-source.XXXXXX";

/* Writes a text of about n bytes, a title and numbered lines. */
static char *
make_text(size_t n, const char *mark, size_t *len)
{
	struct sbuf b = SBUF_INIT;
	int i;

	sbuf_adds(&b, "# The title\n\nIn 1990 it began.\n\n");
	for (i = 0; b.len < n; i++)
		sbuf_printf(&b, "Line %05d of the %s text, long enough.\n",
		    i, mark);
	sbuf_adds(&b, "\nIt ended in 2001.\n");
	*len = b.len;
	return sbuf_take(&b);
}

static char *
write_file(const char *name, const char *s, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");

	fwrite(s, 1, n, fp);
	fclose(fp);
	return path;
}

static void
opts(struct source_opts *o, const char *path)
{
	source_opts_init(o);
	o->path = path;
	o->background = 1;
	o->preview_min = PREVIEW_MIN;
	o->preview_len = PREVIEW_LEN;
	o->delay_ms = 0;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Polls until everything is in, at most 10 s; the bits seen, ORed. */
static int
poll_all(struct source *s, struct source_place *p)
{
	int i, r = 0;

	for (i = 0; i < 1000 && !source_complete(s); i++) {
		r |= source_poll(s, p);
		if (r & SOURCE_FAILED)
			break;
		sleep_ms(10);
	}
	return r;
}

static void
test_previews(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	const struct buffer *b;
	char *text, *path, *err = NULL;
	size_t len, top;
	int r;

	text = make_text(20000, "long", &len);
	path = write_file("long.md", text, len);
	opts(&o, path);
	o.delay_ms = 200;
	s = source_open(&o, &err);
	ok(s != NULL, "a long file opens in the background");
	is_int(source_shown(s), SOURCE_HEAD, "... on its head");
	is_int(source_ready(s), SOURCE_READY_PREVIEW, "... the whole not yet");
	ok(source_loading(s) && !source_complete(s), "... still loading");
	b = source_doc(s)->buf;
	ok(b->len > 0 && b->len <= PREVIEW_LEN, "the head is a preview "
	    "(%zu bytes)", b->len);
	ok(b->data[b->len - 1] == '\n', "... cut after a line end");
	ok(memcmp(b->data, text, b->len) == 0, "... of the file's first "
	    "bytes");
	is_str(source_title(s), "The title", "... with the title");
	ok(source_timeline(s) != NULL, "... and a timeline");
	is_int(source_total_len(s), len, "the whole length is known");
	ok(source_covers(s, 0, 1), "the head covers its beginning");
	ok(!source_covers(s, b->len - 10, 1), "... not past its end");

	source_start(s);
	memset(&p, 0, sizeof p);
	r = source_tail(s, &p);
	is_int(r, 0, "the tail is read");
	is_int(source_shown(s), SOURCE_TAIL, "... and shown");
	b = source_doc(s)->buf;
	is_int(source_base_off(s) + b->len, len, "... ending at the end");
	ok(memcmp(b->data, text + source_base_off(s), b->len) == 0,
	    "... with the file's last bytes");
	ok(source_base_off(s) == 0 || text[source_base_off(s) - 1] == '\n',
	    "... from the start of a line");
	is_str(source_title(s), "The title", "the title is the head's");
	ok(source_covers(s, b->len - 10, -1), "the tail covers its end");
	ok(!source_covers(s, 10, -1), "... not before its start");
	ok(source_tail_to_whole(s, 0, &top) < 0, "no whole to map to yet");
	source_head(s, &p);
	is_int(source_shown(s), SOURCE_HEAD, "back to the head");
	r = source_tail(s, &p);
	is_int(r, 0, "and to the tail again");

	/* A place in the tail, with an entry highlighted. */
	p.top_off = 100;
	p.hl_off = 120;
	p.hl_end = 130;
	top = source_base_off(s);
	source_wait(s, NULL);
	ok(source_ready(s) >= SOURCE_READY_DOC, "the whole document is built");
	r = source_poll(s, &p);
	ok((r & SOURCE_GOT_DOC) && (r & SOURCE_MOVED), "it is swapped in, "
	    "moving the place");
	is_int(source_shown(s), SOURCE_WHOLE, "... the whole is shown");
	is_int(source_doc(s)->buf->len, len, "... all of it");
	ok(!p.to_end, "the place is found in the whole");
	is_int(p.top_off, top + 100, "... the same bytes");
	is_int(p.hl_off, top + 120, "... and the highlight with it");
	is_int(p.hl_end, top + 130, "... to its end");
	is_int(source_base_off(s), 0, "no base in the whole");
	is_int(source_total_len(s), 0, "no total either");
	ok(source_covers(s, len, 1), "the whole covers everything");
	r = poll_all(s, &p);
	ok(r & SOURCE_CHANGED, "then the whole timeline");
	ok(source_complete(s), "... and everything is in");
	ok(source_timeline(s) != NULL && source_timeline(s)->n >= 2,
	    "the timeline has the dates (%zu)", source_timeline(s)->n);
	{
		size_t *order = source_take_order(s);

		ok(order != NULL, "its order by date is handed over");
		free(order);
		ok(source_take_order(s) == NULL, "... once");
	}
	is_int(source_poll(s, &p), 0, "nothing more to poll");
	source_free(s);

	/* The head's highlight comes back when the tail had none. */
	s = source_open(&o, &err);
	source_start(s);
	memset(&p, 0, sizeof p);
	p.hl_off = 5;
	p.hl_end = 9;
	source_tail(s, &p);
	is_int(p.hl_end - p.hl_off, 0, "the tail clears the head's highlight");
	source_wait(s, NULL);
	source_poll(s, &p);
	ok(p.hl_off == 5 && p.hl_end == 9, "the whole gets it back");
	poll_all(s, &p);
	source_free(s);

	/* From the head, the place stays as it is. */
	s = source_open(&o, &err);
	source_start(s);
	memset(&p, 0, sizeof p);
	p.top_off = 50;
	source_wait(s, NULL);
	r = source_poll(s, &p);
	ok((r & SOURCE_GOT_DOC) && !(r & SOURCE_MOVED), "from the head the "
	    "place is kept");
	is_int(p.top_off, 50, "... unchanged");
	poll_all(s, &p);
	source_free(s);
	unlink(path);
	free(path);
	free(text);
}

/* The file changes after its tail is read: the place is lost. */
static void
test_tail_mismatch(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	char *text, *path, *err = NULL;
	size_t len, top;
	int fd, r;

	text = make_text(20000, "long", &len);
	path = write_file("change.md", text, len);
	opts(&o, path);
	o.delay_ms = 300;
	s = source_open(&o, &err);
	source_start(s);
	memset(&p, 0, sizeof p);
	r = source_tail(s, &p);
	is_int(r, 0, "the tail of a file is read");
	/* Change a byte near the end, in place, before the thread reads. */
	fd = open(path, O_WRONLY);
	ok(pwrite(fd, "X", 1, (off_t)(len - 30)) == 1, "the file changes");
	close(fd);
	p.top_off = 10;
	p.hl_off = 20;
	p.hl_end = 25;
	source_wait(s, NULL);
	r = source_poll(s, &p);
	ok((r & SOURCE_GOT_DOC) && (r & SOURCE_MOVED), "the whole is "
	    "swapped in");
	ok(p.to_end, "a tail not in the whole: the end is shown");
	is_int(p.hl_end - p.hl_off, 0, "... and the highlight dropped");
	ok(source_tail_to_whole(s, 10, &top) < 0, "the tail maps nowhere");
	poll_all(s, &p);
	ok(source_complete(s), "everything is in");
	source_free(s);
	unlink(path);
	free(path);
	free(text);
}

/* Freed while the thread waits to load: the thread stops on its own. */
static void
test_quit(void)
{
	struct source_opts o;
	struct source *s;
	char *text, *path, *err = NULL;
	size_t len;
	int i;

	text = make_text(20000, "long", &len);
	path = write_file("quit.md", text, len);
	opts(&o, path);
	o.delay_ms = 60000;
	s = source_open(&o, &err);
	source_start(s);
	ok(source_threads() == 1, "a thread loads");
	source_free(s);
	ok(1, "the source is freed while its thread loads");
	for (i = 0; i < 1000 && source_threads() > 0; i++)
		sleep_ms(10);
	is_int(source_threads(), 0, "the thread stops well before its delay");

	/* Freed while the thread builds: it finishes and frees its work. */
	o.delay_ms = 0;
	s = source_open(&o, &err);
	source_start(s);
	source_free(s);
	for (i = 0; i < 1000 && source_threads() > 0; i++)
		sleep_ms(10);
	is_int(source_threads(), 0, "a thread building ends too");

	/* Freed before the thread started: nothing to stop. */
	s = source_open(&o, &err);
	source_free(s);
	is_int(source_threads(), 0, "no thread without source_start");
	unlink(path);
	free(path);
	free(text);
}

static void
test_pipe(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	char *text, *err = NULL;
	size_t len;
	int fds[2], saved, r;

	text = make_text(3000, "piped", &len);
	if (pipe(fds) < 0) {
		ok(0, "a pipe");
		return;
	}
	/* Less than a pipe holds: written at once, then closed. */
	ok(write(fds[1], text, len) == (ssize_t)len, "a pipe holds a text");
	close(fds[1]);
	saved = dup(0);
	dup2(fds[0], 0);
	close(fds[0]);
	opts(&o, "-");
	s = source_open(&o, &err);
	ok(s != NULL, "standard input opens in the background");
	ok(source_reading_pipe(s), "... read by the thread");
	is_int(source_doc(s)->buf->len, 0, "... behind an empty head");
	memset(&p, 0, sizeof p);
	ok(source_tail(s, &p) < 0, "a pipe has no tail");
	source_start(s);
	r = poll_all(s, &p);
	ok(r & SOURCE_GOT_DOC, "the piped text arrives");
	ok(!source_reading_pipe(s), "... and reading it is over");
	is_int(source_doc(s)->buf->len, len, "... all of it");
	ok(source_doc(s)->buf->len == len && memcmp(source_doc(s)->buf->data,
	    text, len) == 0, "... byte for byte");
	source_free(s);
	dup2(saved, 0);
	close(saved);
	free(text);
}

static void
test_unreadable(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	char *text, *path, *err = NULL;
	size_t len;
	int r;

	path = xasprintf("%s/missing.md", dir);
	opts(&o, path);
	s = source_open(&o, &err);
	ok(s == NULL && err != NULL, "a missing file: no source, a message "
	    "(%s)", err != NULL ? err : "none");
	free(err);
	err = NULL;
	o.background = 0;
	s = source_open(&o, &err);
	ok(s == NULL && err != NULL, "... in the foreground too");
	free(err);
	err = NULL;
	free(path);

	/* Gone after the head was read: the thread fails. */
	text = make_text(20000, "long", &len);
	path = write_file("gone.md", text, len);
	opts(&o, path);
	o.delay_ms = 100;
	s = source_open(&o, &err);
	ok(s != NULL, "a long file opens on its head");
	unlink(path);
	source_start(s);
	memset(&p, 0, sizeof p);
	r = poll_all(s, &p);
	ok(r & SOURCE_FAILED, "a file gone before the thread reads it fails");
	ok(source_error(s) != NULL, "... with a message (%s)",
	    source_error(s) != NULL ? source_error(s) : "none");
	source_free(s);
	free(path);
	free(text);
}

static void
test_foreground(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	char *text, *path, *err = NULL;
	size_t len;

	text = make_text(20000, "long", &len);
	path = write_file("fg.md", text, len);
	opts(&o, path);
	o.background = 0;
	o.need = SOURCE_NEED_TEXT;
	s = source_open(&o, &err);
	ok(s != NULL && source_complete(s) && !source_loading(s),
	    "in the foreground everything is built at once");
	is_int(source_doc(s)->buf->len, len, "... the whole text");
	is_int(source_doc(s)->nblocks, 0, "... without structure for --search");
	ok(source_timeline(s) == NULL, "... nor timeline");
	memset(&p, 0, sizeof p);
	is_int(source_poll(s, &p), 0, "nothing to poll");
	source_free(s);

	o.need = SOURCE_NEED_DOC;
	s = source_open(&o, &err);
	ok(source_doc(s)->nblocks > 0, "with the document when asked");
	is_str(source_title(s), "The title", "... and its title");
	ok(source_timeline(s) == NULL, "... but no timeline");
	source_free(s);

	/* Bytes in memory, long: a head from memory, no tail. */
	opts(&o, NULL);
	o.mem = text;
	o.mem_len = len;
	s = source_open(&o, &err);
	is_int(source_shown(s), SOURCE_HEAD, "a long text in memory gets a "
	    "head");
	ok(source_tail(s, &p) < 0, "... but no tail");
	source_start(s);
	poll_all(s, &p);
	ok(source_complete(s) && source_doc(s)->buf->len == len,
	    "... then the whole");
	source_free(s);

	o.mem_len = 100;
	s = source_open(&o, &err);
	ok(!source_loading(s) && source_doc(s)->buf->len == 100,
	    "a short text in memory is built at once");
	ok(source_timeline(s) != NULL, "... with its timeline");
	source_free(s);
	unlink(path);
	free(path);
	free(text);
}

/*
 * Polls s until its text is want_len bytes long, at most 5 s; the bits
 * seen, ORed.
 */
static int
poll_len(struct source *s, struct source_place *p, size_t want_len)
{
	int i, r = 0;

	for (i = 0; i < 500 && source_doc(s)->buf->len != want_len; i++) {
		r |= source_poll(s, p);
		sleep_ms(10);
	}
	return r;
}

/* Puts fd in place of standard input; returns the old one, dup()ed. */
static int
stdin_from(int fd)
{
	int saved = dup(0);

	dup2(fd, 0);
	close(fd);
	return saved;
}

static void
stdin_back(int saved)
{
	dup2(saved, 0);
	close(saved);
}

/*
 * A pipe whose writer stays open: the text read so far is shown, a cut
 * character left out, and the whole swaps in at the end keeping the
 * place.
 */
static void
test_pipe_partial(void)
{
	static const char first[] = "# Piped\n\nThe first lines, \xe4\xb8";
	static const char rest[] = "\xad\xe6\x96\x87 and the rest.\n";
	struct source_opts o;
	struct source *s;
	struct source_place p;
	char *err = NULL;
	size_t shown = sizeof first - 1 - 2;
	int fds[2], saved, r;

	if (pipe(fds) < 0) {
		ok(0, "a pipe");
		return;
	}
	saved = stdin_from(fds[0]);
	opts(&o, "-");
	s = source_open(&o, &err);
	ok(s != NULL && source_reading_pipe(s), "a pipe is read by the "
	    "thread");
	source_start(s);
	memset(&p, 0, sizeof p);
	ok(write(fds[1], first, sizeof first - 1) == (ssize_t)(sizeof first
	    - 1), "the writer writes its first lines");
	r = poll_len(s, &p, shown);
	is_int(source_doc(s)->buf->len, shown, "what has arrived is shown "
	    "before the writer closes, up to the last whole character");
	ok((r & SOURCE_CHANGED) && !(r & SOURCE_GOT_DOC), "... as a change, "
	    "not the whole document");
	ok(source_reading_pipe(s) && source_loading(s), "... still reading");
	is_int(source_pipe_bytes(s), sizeof first - 1, "... the bytes read "
	    "counted, the cut character's too");
	ok(source_doc(s)->nsections == 0 || strcmp(source_doc(s)->title,
	    "Piped") == 0, "... with a document of its own");
	ok(memcmp(source_doc(s)->buf->data, first, shown) == 0,
	    "... byte for byte");
	is_int(source_covers(s, source_doc(s)->buf->len, 1), 1,
	    "a move down stays in what has arrived, without waiting");
	p.top_off = 9;
	ok(write(fds[1], rest, sizeof rest - 1) == (ssize_t)(sizeof rest - 1),
	    "the writer writes the rest");
	close(fds[1]);
	r = poll_all(s, &p);
	ok(r & SOURCE_GOT_DOC, "at the end the whole text comes");
	ok(!(r & SOURCE_MOVED) && p.top_off == 9, "... keeping the place");
	ok(!source_reading_pipe(s), "... and reading is over");
	is_int(source_doc(s)->buf->len, sizeof first + sizeof rest - 2,
	    "... all of it");
	ok(strstr(source_doc(s)->buf->data, "lines, 中文 and") != NULL,
	    "... the cut character whole");
	source_free(s);
	stdin_back(saved);

	/* A page is converted whole: nothing of it is shown before. */
	if (pipe(fds) < 0)
		return;
	saved = stdin_from(fds[0]);
	opts(&o, "-");
	o.format = -1;
	s = source_open(&o, &err);
	source_start(s);
	ok(write(fds[1], "<!DOCTYPE html>\n<html><body><p>Hello</p>\n", 41)
	    == 41, "a page is piped");
	sleep_ms(400);
	r = source_poll(s, &p);
	ok(r == 0 && source_doc(s)->buf->len == 0, "no part of a page is "
	    "shown");
	close(fds[1]);
	r = poll_all(s, &p);
	ok((r & SOURCE_GOT_DOC) && strstr(source_doc(s)->buf->data, "Hello")
	    != NULL, "... the page is shown when it is whole");
	source_free(s);
	stdin_back(saved);
	is_int(source_threads(), 0, "no thread left");
}

/* Where a text that has arrived in part is cut. */
static void
test_pipe_cut(void)
{
	static const struct {
		const char *bytes;
		size_t n;
		const char *enc;
		size_t want;
	} t[] = {
		{ "ab", 2, "UTF-8", 2 },
		{ "a\xe4\xb8\xad", 4, "UTF-8", 4 },
		{ "a\xe4\xb8", 3, "UTF-8", 1 },
		{ "a\xe4", 2, "UTF-8", 1 },
		{ "a\xf0\x9f\x98", 4, "UTF-8", 1 },
		{ "a\xf0\x9f\x98\x80", 5, "UTF-8", 5 },
		{ "a\xc3", 2, "utf8", 1 },
		{ "\x80\x80", 2, "UTF-8", 2 },
		{ "a\0b", 3, "UTF-16LE", 2 },
		{ "a\0\x3d\xd8", 4, "UTF-16LE", 2 },
		{ "\xd8\x3d", 2, "UTF-16BE", 0 },
		{ "a\0\0\0b\0", 6, "UTF-32LE", 4 },
		{ "\xd6\xd0\n\xd6", 4, "GB18030", 3 },
		{ "\xd6\xd0\xd6", 3, "GB18030", 3 },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++)
		is_int(source_pipe_cut(t[i].bytes, t[i].n, t[i].enc),
		    t[i].want, "cut %zu: %zu bytes of %s", i, t[i].n,
		    t[i].enc);
}

/*
 * The file's bytes before the whole text: mapped, a window around any
 * place with the whole text's offsets less its base, G from the window,
 * and the swap to the whole keeping the place; a file whose bytes are
 * not the whole text's as they lie (carriage returns) gives no window.
 */
static void
test_bytes(void)
{
	struct source_opts o;
	struct source *s;
	struct source_place p;
	const struct buffer *b;
	const char *bytes, *at;
	char *text, *path, *err = NULL, *q;
	size_t len, n = 0, off, base;
	int r;

	text = make_text((size_t)2 << 20, "mapped", &len);
	path = write_file("mapped.txt", text, len);
	opts(&o, path);
	o.delay_ms = 400;
	s = source_open(&o, &err);
	ok(s != NULL, "a long plain text opens");
	if (s == NULL)
		return;
	bytes = source_bytes(s, &n);
	ok(bytes != NULL && n == len && memcmp(bytes, text, len) == 0,
	    "its bytes are there before the whole text (%zu)", n);
	at = strstr(text, "Line 30000 ");
	off = (size_t)(at - text) + 5;
	memset(&p, 0, sizeof p);
	p.hl_off = 3;
	p.hl_end = 7;
	r = source_window(s, off, &p);
	is_int(r, 0, "a window around a place far from the head");
	base = source_base_off(s);
	b = source_doc(s)->buf;
	ok(source_shown(s) == SOURCE_TAIL && base <= off &&
	    off - base < b->len && p.top_off == off - base,
	    "... shown, holding the place, in the whole text's offsets less "
	    "its base (%zu)", base);
	ok(base > 0 && text[base - 1] == '\n' && b->data[b->len - 1] == '\n',
	    "... of whole lines");
	ok(memcmp(b->data, text + base, b->len) == 0, "... the file's bytes");
	ok(b->len <= PREVIEW_LEN + 64, "... about a preview's length (%zu)",
	    b->len);
	ok(p.hl_off == 0 && p.hl_end == 0, "... without the head's highlight");
	is_int(source_total_len(s), len, "the whole length is still known");
	ok(source_covers(s, off - base, 1) || b->len < PREVIEW_LEN / 2,
	    "the window covers its middle");
	ok(!source_covers(s, b->len - 5, 1), "... not past its end");
	r = source_window(s, 10, &p);
	ok(r == 0 && source_base_off(s) == 0, "a window at the beginning");
	ok(source_covers(s, 0, -1), "... covers the beginning");
	r = source_window(s, off, &p);
	r |= source_tail(s, &p);
	ok(r == 0 && source_base_off(s) + source_doc(s)->buf->len == len,
	    "G from a window: the tail, to the end");
	ok(source_covers(s, source_doc(s)->buf->len - 5, 1),
	    "... which covers the end");
	r = source_window(s, off, &p);
	base = source_base_off(s);
	ok(r == 0 && !source_bytes_kept(s), "a window again; not kept yet");
	source_start(s);
	r = poll_all(s, &p);
	ok((r & SOURCE_GOT_DOC) && source_shown(s) == SOURCE_WHOLE,
	    "the whole text is swapped in");
	ok(source_bytes_kept(s), "... with the offsets of the bytes mapped");
	is_int(p.top_off, off, "... and the place in the window is kept");
	b = source_doc(s)->buf;
	ok(b->mapped, "the whole text is the file mapped");
	bytes = source_bytes(s, &n);
	ok(bytes == b->data && n == b->len, "its bytes are now the whole's");
	source_free(s);
	free(path);

	/* Carriage returns: the bytes are there, but no window. */
	for (q = strchr(text, '\n'); q != NULL; q = strchr(q + 1, '\n'))
		if (q - text > 4000 && q[-1] == '.') {
			q[-1] = '\r';
			break;
		}
	path = write_file("cr.txt", text, len);
	opts(&o, path);
	o.delay_ms = 100;
	s = source_open(&o, &err);
	ok(s != NULL && source_bytes(s, &n) != NULL, "a text with a CR: bytes");
	memset(&p, 0, sizeof p);
	ok(source_window(s, (size_t)(q - text), &p) < 0,
	    "... no window where the CR is");
	source_start(s);
	(void)poll_all(s, &p);
	ok(source_shown(s) == SOURCE_WHOLE && !source_bytes_kept(s),
	    "... and the whole text's offsets are not the bytes'");
	source_free(s);
	free(path);
	free(text);
	free(err);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	test_previews();
	test_tail_mismatch();
	test_quit();
	test_pipe();
	test_pipe_partial();
	test_pipe_cut();
	test_unreadable();
	test_foreground();
	test_bytes();
	rmdir(dir);
	return done_testing();
}
