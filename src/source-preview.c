/*
 * source-preview.c - the previews of a long file: its head, its tail and
 * a window around any place, and its bytes mapped for search.
 *
 * A preview is a stage of its own (struct source_stage, source-int.h)
 * built on a copy of some of the file's bytes: the head on its first
 * preview_len bytes cut after a line end, at the whole text's offsets;
 * the tail on its last preview_len bytes from the start of a line, and a
 * window on the bytes around a match, both at the whole text's offsets
 * less s->tail_base, in s->tail (s->win tells which).  Only UTF-8 bytes
 * that are the whole text's as they lie make a tail or a window, so that
 * a place shown in one is found again in the whole text.  The mapped
 * bytes (s->map) are what search looks in before the whole is built.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/format.h"
#include "juan/source.h"
#include "juan/util.h"
#include "source-int.h"

/* Reads up to n bytes at offset off of fd; returns how many it got. */
static size_t
read_at(int fd, char *buf, size_t n, off_t off)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = pread(fd, buf + got, n - got, off + (off_t)got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

/*
 * Maps the bytes of the file fd, whose head is read, when they are the
 * whole text's as they lie: plain text in UTF-8.  Search looks in them
 * while the whole is built (source_bytes).  A mapping costs no reading.
 */
static void
map_bytes(struct source *s, int fd)
{
	const struct buffer *h = s->head.buf;

	if (h == NULL || s->head.format != FORMAT_TEXT ||
	    strcmp(h->encoding, "UTF-8") != 0 || s->file_len <= 3)
		return;
	s->map = buffer_map_fd(fd, s->file_len);
	s->map_skip = h->had_bom ? 3 : 0;
}

/*
 * Reads the head of a file that is not loaded yet: its first preview_len
 * bytes cut after a line end, decoded as the whole will be.  Returns 0;
 * -1 when the file is not a regular file of preview_min bytes or more;
 * -2 when it is, but gives no preview (then it is loaded before anything
 * is shown).
 */
int
source_preview_file(struct source *s, const char *path)
{
	size_t len = s->o.preview_len, n;
	char *raw, *err = NULL;
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size < s->o.preview_min) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	s->file_len = (size_t)st.st_size;
	raw = xmalloc(len + 1);
	n = read_at(fd, raw, len, 0);
	while (n > 0 && raw[n - 1] != '\n')
		n--;
	if (n > 0)
		s->head.buf = buffer_from_mem(raw, n, s->o.encoding, &err);
	free(raw);
	free(err);
	map_bytes(s, fd);
	close(fd);
	return s->head.buf != NULL ? 0 : -2;
}

/*
 * Makes the head of a whole text already in memory.  Returns 0, or -1
 * when the text is too short for one.
 */
int
source_preview_mem(struct source *s)
{
	const struct buffer *b = s->bg->whole.buf;
	char *err = NULL;
	size_t n;

	if (b->len < s->o.preview_min || s->o.preview_len == 0)
		return -1;
	/* Cut after a line end, so that no character is split. */
	n = s->o.preview_len;
	while (n < b->len && b->data[n - 1] != '\n')
		n++;
	s->head.buf = buffer_from_mem(b->data, n, "UTF-8", &err);
	free(err);
	if (s->head.buf == NULL || s->head.buf->len != n ||
	    memcmp(s->head.buf->data, b->data, n) != 0) {
		buffer_free(s->head.buf);
		s->head.buf = NULL;
		return -1;
	}
	s->file_len = b->len;
	return 0;
}

/* Shows the head, built, while the thread is to build the rest. */
void
source_preview_show_head(struct source *s)
{
	source_stage_build(&s->head, SOURCE_NEED_ALL, NULL);
	s->started = 1;
	s->shown = SOURCE_HEAD;
	s->doc = s->head.doc;
	s->tl = s->head.tl;
	s->total_len = s->file_len;
}

/*
 * Builds the tail of a file still being loaded, for G: its last
 * preview_len bytes from the start of a line, with a document and
 * timeline of them alone.  source_start() builds it before the thread
 * starts, so that G need not compete with the thread for memory.  Only
 * for UTF-8 without carriage returns or invalid bytes, whose offsets are
 * the file's (less a byte-order mark), so that the place shown is found
 * again in the whole text.  Returns -1 when there is no such tail.
 */
int
source_preview_tail(struct source *s)
{
	size_t len = s->o.preview_len, n, base, skip;
	char *raw, *err = NULL, *nl;
	int fd;

	if (s->tail.buf != NULL)
		return 0;
	if (s->tail_failed || s->given || s->reading_pipe ||
	    s->head.buf == NULL || s->bg->path == NULL ||
	    strcmp(s->head.buf->encoding, "UTF-8") != 0 ||
	    s->file_len < s->o.preview_min || s->file_len < len)
		return -1;
	s->tail_failed = 1;
	base = s->file_len - len;
	if ((fd = open(s->bg->path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	raw = xmalloc(len + 1);
	n = read_at(fd, raw, len, (off_t)base);
	close(fd);
	/* Start on a line, which also starts a character. */
	nl = n > 0 ? memchr(raw, '\n', n) : NULL;
	skip = nl != NULL ? (size_t)(nl - raw) + 1 : n;
	if (n < len || skip >= n || memchr(raw, '\r', n) != NULL) {
		free(raw);
		return -1;
	}
	s->tail.buf = buffer_from_mem(raw + skip, n - skip, "UTF-8", &err);
	free(raw);
	free(err);
	if (s->tail.buf == NULL || s->tail.buf->invalid > 0 ||
	    s->tail.buf->len != n - skip) {
		buffer_free(s->tail.buf);
		s->tail.buf = NULL;
		return -1;
	}
	s->tail_base = base + skip - (s->head.buf->had_bom ? 3 : 0);
	source_stage_build(&s->tail, SOURCE_NEED_ALL, NULL);
	s->tail_failed = 0;
	return 0;
}

int
source_tail(struct source *s, struct source_place *p)
{
	struct source_stage w;
	size_t wbase = s->tail_base;

	if (s->shown == SOURCE_TAIL && !s->win)
		return 0;
	if (s->win) {
		/* A window is shown: the end replaces it, if it can. */
		w = s->tail;
		memset(&s->tail, 0, sizeof s->tail);
		s->tail_failed = 0;
		if (source_preview_tail(s) < 0) {
			s->tail = w;
			s->tail_base = wbase;
			return -1;
		}
		source_stage_free(&w);
		s->win = 0;
	} else if (s->shown != SOURCE_HEAD || source_preview_tail(s) < 0)
		return -1;
	/* The highlight's offsets mean nothing in the tail. */
	if (s->shown == SOURCE_HEAD) {
		s->head_hl_off = p->hl_off;
		s->head_hl_end = p->hl_end;
	}
	s->shown = SOURCE_TAIL;
	p->hl_off = p->hl_end = 0;
	s->doc = s->tail.doc;
	s->tl = s->tail.tl;
	s->total_len = s->tail_base + s->tail.buf->len;
	return 0;
}

/* The whole text's length, as the file's size tells it. */
size_t
source_preview_whole_len(const struct source *s)
{
	size_t bom = s->head.buf != NULL && s->head.buf->had_bom ? 3 : 0;

	return s->file_len > bom ? s->file_len - bom : 0;
}

const char *
source_bytes(const struct source *s, size_t *len)
{
	const struct buffer *b;

	if (s->shown == SOURCE_WHOLE) {
		b = s->doc->buf;
		*len = b->len;
		return b->data;
	}
	if (s->map == NULL || s->reading_pipe)
		return NULL;
	*len = buffer_map_len(s->map) - s->map_skip;
	return buffer_map_data(s->map) + s->map_skip;
}

int
source_bytes_kept(const struct source *s)
{
	const struct buffer *w = s->bg->whole.buf;

	/* The whole is the file mapped unchanged: the same offsets. */
	return s->map != NULL && s->taken >= SOURCE_READY_DOC && w != NULL &&
	    w->mapped && w->had_bom == (s->map_skip > 0) &&
	    w->len == buffer_map_len(s->map) - s->map_skip;
}

/*
 * Where the window around off starts and ends in bytes[0..n): about
 * half of len before off from the start of a line, and to the end of a
 * line, both on a character (a line longer than that is cut).
 */
static void
window_span(const char *bytes, size_t n, size_t off, size_t len,
    size_t *start, size_t *end)
{
	size_t a = off > len / 2 ? off - len / 2 : 0, z;
	const char *nl;

	if (a > 0 && (nl = memchr(bytes + a, '\n', off - a)) != NULL)
		a = (size_t)(nl - bytes) + 1;
	while (a < off && ((unsigned char)bytes[a] & 0xc0) == 0x80)
		a++;
	z = n - a > len ? a + len : n;
	if (z < n) {
		while (z > off && bytes[z - 1] != '\n')
			z--;
		if (z == off)
			z = n - a > len ? a + len : n;
		while (z > off && z < n &&
		    ((unsigned char)bytes[z] & 0xc0) == 0x80)
			z--;
	}
	*start = a;
	*end = z;
}

int
source_window(struct source *s, size_t off, struct source_place *p)
{
	struct source_stage w;
	const char *bytes;
	size_t n, a, z;
	char *err = NULL;

	if (s->shown == SOURCE_WHOLE || s->taken != SOURCE_READY_PREVIEW ||
	    (bytes = source_bytes(s, &n)) == NULL || off > n)
		return -1;
	window_span(bytes, n, off, s->o.preview_len, &a, &z);
	memset(&w, 0, sizeof w);
	w.format = s->head.format;
	w.raw = s->head.raw;
	/* Only bytes that are the whole text's as they are make a window. */
	w.buf = buffer_from_mem(bytes + a, z - a, "UTF-8", &err);
	free(err);
	if (w.buf == NULL || w.buf->invalid > 0 || w.buf->len != z - a) {
		source_stage_free(&w);
		return -1;
	}
	source_stage_build(&w, SOURCE_NEED_ALL, NULL);
	if (s->shown == SOURCE_HEAD) {
		s->head_hl_off = p->hl_off;
		s->head_hl_end = p->hl_end;
	}
	source_stage_free(&s->tail);
	s->tail = w;
	s->tail_base = a;
	s->tail_failed = 0;
	s->win = 1;
	s->shown = SOURCE_TAIL;
	p->hl_off = p->hl_end = 0;
	p->top_off = off - a;
	s->doc = s->tail.doc;
	s->tl = s->tail.tl;
	s->total_len = source_preview_whole_len(s);
	return 0;
}

void
source_head(struct source *s, struct source_place *p)
{
	if (s->shown != SOURCE_TAIL)
		return;
	s->shown = SOURCE_HEAD;
	s->doc = s->head.doc;
	s->tl = s->head.tl;
	p->hl_off = s->head_hl_off;
	p->hl_end = s->head_hl_end;
	s->total_len = s->win ? source_preview_whole_len(s) : s->tail_base + s->tail.buf->len;
}
