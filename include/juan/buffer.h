/* buffer.h - the document's text as one UTF-8 buffer with a line index. */
#ifndef JUAN_BUFFER_H
#define JUAN_BUFFER_H

#include <stddef.h>
#include <stdint.h>

/*
 * The decoded text.  Whatever the input encoding, data holds valid UTF-8
 * (invalid input sequences became U+FFFD) with every line end turned into a
 * single '\n' (CRLF and lone CR included) and a byte-order mark dropped.
 * data[len] is '\0'; the text itself may contain NUL bytes.  Every other
 * part of juan addresses the text by byte offset into data.
 */
struct buffer {
	char *data;		/* the text, valid UTF-8, len bytes + NUL */
	size_t len;		/* bytes of text */
	uint32_t *line_off32;	/* where each line starts (byte offset),
				   when the text is under 4 GiB: half the
				   memory of the general index */
	size_t *line_off;	/* where each line starts, otherwise (NULL
				   when line_off32 is used); read both
				   with buffer_line_start() */
	size_t nlines;		/* lines: a final line without '\n' counts;
				   an empty buffer has 0 */
	char *encoding;		/* encoding read: "UTF-8", "UTF-16LE",
				   "UTF-16BE", "UTF-32LE", "UTF-32BE",
				   "GB18030", "BIG5", "BIG5-HKSCS",
				   "SHIFT_JIS", "CP932", "EUC-JP",
				   "EUC-KR", "CP949", a single-byte
				   encoding uchardet named, or the
				   --encoding name (controls in it made
				   visible) */
	int had_bom;		/* the input started with a byte-order mark */
	int binary;		/* the beginning looks like a binary file,
				   not text: see buffer_is_binary() */
	char *head;		/* the first head_len bytes of the input
				   as read, before decoding (a copy), for
				   recognising its format (format.h) */
	size_t head_len;	/* at most BUFFER_HEAD */
	size_t invalid;		/* input sequences replaced by U+FFFD */
	char *name;		/* the path, or "-" for standard input */
	int mapped;		/* data is the file's own bytes, mapped and
				   unchanged (after a byte-order mark):
				   its offsets are the file's less had_bom
				   * 3 */
	void *priv;		/* owned by buffer.c (the mapping, if any) */
};

/*
 * Input that is not a regular file (a pipe, a FIFO, a socket, a device such
 * as /dev/zero) has no size to trust, so it is read up to a limit and
 * refused beyond it: BUFFER_STREAM_LIMIT bytes unless the caller gives
 * another, never more than BUFFER_STREAM_MAX.
 */
#define BUFFER_HEAD 4096				/* bytes */
#define BUFFER_STREAM_LIMIT ((size_t)1 << 30)		/* 1 GiB */
#define BUFFER_STREAM_MAX (((size_t)-1) / 4)

/*
 * Reads path ("-" for standard input) into a new buffer.  encoding, when
 * not NULL, names an iconv encoding to decode from instead of detecting one.
 * Detection reads a byte-order mark, then UTF-16/UTF-32 without one, then
 * UTF-8, then the legacy CJK encodings (uchardet's answer checked against
 * the plausibility of the decoded text; see src/buffer-detect.c); it looks
 * at a sample of at most 1 MiB, whatever the size of the file.
 *
 * A regular file is read whole, whatever its size (its size is known and
 * finite; one that grows while it is read may grow by limit bytes).  Any
 * other input is read up to limit bytes, BUFFER_STREAM_LIMIT when limit is
 * 0; one that gives more is refused with "input too large (over N bytes)",
 * so that "juan /dev/zero" or an endless pipe cannot eat all memory.  A
 * regular file of BUFFER_MAP_MIN bytes or more, in UTF-8 (detected or
 * given), valid and without carriage returns, is mapped rather than read
 * (b->mapped): its bytes are not copied.  A file truncated while mapped
 * reads as zeros past its new end (see buffer_map_fd), so it cannot crash
 * the reader either.  Any other file is read into memory.
 *
 * On failure returns NULL and sets *err to an allocated message without the
 * path ("No such file or directory", "Is a directory", "unknown encoding
 * 'X'", "input too large (over N bytes)"), which the caller prints as
 * "juan: PATH: MESSAGE".  The message is safe to print: an encoding name
 * in it has its controls made visible.
 */
struct buffer *buffer_load(const char *path, const char *encoding,
    size_t limit, char **err);

/* As buffer_load, from an open file descriptor; name is used in messages. */
struct buffer *buffer_load_fd(int fd, const char *name, const char *encoding,
    size_t limit, char **err);

/*
 * Decodes n bytes at bytes (copied) into a new buffer, detecting the
 * encoding unless encoding is not NULL.  Returns NULL and sets *err only
 * for an unknown encoding.
 */
struct buffer *buffer_from_mem(const char *bytes, size_t n,
    const char *encoding, char **err);

void buffer_free(struct buffer *b);

/*
 * Tells whether the decoded text s[0..n) looks like the beginning of a
 * binary file rather than of text, as less(1) asks before it shows a file:
 * its first BUFFER_BINARY_HEAD bytes hold four NUL bytes or more (every
 * binary format has them in its headers), or at least 8 characters that
 * text does not hold (NUL and the other C0 controls but tab, line ends,
 * form feed, backspace and ESC; DEL; C1 controls; U+FFFD, which stands
 * for bytes that were not valid in the encoding read) making a fifth of
 * the characters there.  A text with a stray control or two is text, and
 * ESC is let through, so that a log with colour sequences is text too
 * (juan shows controls visibly).  Text in
 * UTF-16 or UTF-32 has been decoded before this look, so its NUL bytes do
 * not count.  buffer_load and buffer_from_mem set b->binary with it.
 */
#define BUFFER_BINARY_HEAD 1024

/*
 * A regular file mapped read-only (buffer-map.c).  buffer_map_fd maps the
 * first len bytes of fd, followed by a zero byte, or returns NULL when it
 * cannot (then read the file).  A SIGBUS from a mapped file truncated
 * under the reader is caught: the rest of that mapping is made zero
 * pages, and buffer_map_truncated() tells from then on that it happened.
 * The handler is installed with the first mapping; buffer_map_signals()
 * puts it back on top of a SIGBUS handler installed since (the reader's,
 * which it then calls for any other SIGBUS).
 */
#define BUFFER_MAP_MIN ((size_t)1 << 20)

struct buffer_map;
struct buffer_map *buffer_map_fd(int fd, size_t len);
const char *buffer_map_data(const struct buffer_map *m);
size_t buffer_map_len(const struct buffer_map *m);
void buffer_map_free(struct buffer_map *m);
void buffer_map_signals(void);
int buffer_map_truncated(void);
void buffer_map_reset_truncated(void);	/* for tests */
/* buffer_release for the bytes [off, end) of a mapping. */
void buffer_map_release(const struct buffer_map *m, size_t off, size_t end);

/*
 * Gives back the pages that lie wholly inside data[off..end) of a mapped
 * buffer (b->mapped) once a pass over them is done: they leave the
 * process's memory but stay in the kernel's page cache, and the next read
 * of any of them maps them in again, unchanged.  It is only a hint about
 * memory and never changes what the text reads; a buffer that is not
 * mapped (read or decoded into memory) is left as it is.  The load and
 * the model's first passes keep the text resident, as each reads it
 * again right after the one before; the passes that come when the model
 * has grown to its size (the sections, --outline's and --timeline's
 * output) release it behind them, so that the text and the whole model
 * are not resident at once.  A page read again is mapped again: on a
 * virtual machine that charges each mapped page that costs time, which
 * is why the earlier passes do not release.
 */
void buffer_release(const struct buffer *b, size_t off, size_t end);

/*
 * For a pass that reads the text forward: once off (where the pass is) is
 * two steps past *rel, releases the text from *rel to one step before off
 * and moves *rel there.  Start with *rel at the pass's first byte.
 */
void buffer_release_behind(const struct buffer *b, size_t *rel, size_t off);

/* The bytes released at a time, and kept behind the pass. */
#define BUFFER_RELEASE_STEP ((size_t)8 << 20)

/* Tells whether s[0..n) is valid UTF-8 (the loader's own fast check). */
int buffer_utf8_valid(const char *s, size_t n);
int buffer_is_binary(const char *s, size_t n);

/* Where line i (0-based, i < nlines) starts. */
static inline size_t
buffer_line_start(const struct buffer *b, size_t i)
{
	return b->line_off32 != NULL ? b->line_off32[i] : b->line_off[i];
}

/* The 1-based line that holds byte off (off == len gives the last line). */
size_t buffer_line_of(const struct buffer *b, size_t off);

/*
 * As buffer_line_of, faster when off is known to be at or after the start
 * of line `from` (1-based), as when walking the text in order.  Any from
 * gives the right answer.
 */
size_t buffer_line_from(const struct buffer *b, size_t off, size_t from);

/* The end of line `line` (1-based): the offset of its '\n', or len. */
size_t buffer_line_end(const struct buffer *b, size_t line);

#endif
