/* source-pipe.h - standard input read with its text shown as it arrives. */
#ifndef JUAN_SOURCE_PIPE_H
#define JUAN_SOURCE_PIPE_H

#include <stdatomic.h>
#include <stddef.h>

/*
 * Called by source_pipe_read() with the n bytes read so far (not
 * NUL-terminated, borrowed for the call): the caller makes a text of
 * them to show while the rest arrives.
 */
typedef void source_pipe_fn(void *arg, const char *bytes, size_t n);

/*
 * Reads fd (a pipe) to its end, at most limit bytes (0: the buffer's
 * stream limit), calling publish with the bytes read so far as they
 * arrive: at once when the first are there, then when a tenth of a
 * second has passed with bytes not yet given (a second once a mebibyte
 * has been given), or when the bytes have doubled since the last call,
 * until SOURCE_PIPE_SHOWN_MAX bytes have been given; publish may be
 * NULL.  *count is kept at the bytes read so far.  Returns the bytes
 * (NUL-terminated, for the caller to free) with *n, or NULL with *err
 * when reading fails, the input is over the limit or *stop is set.
 */
char *source_pipe_read(int fd, size_t limit, const atomic_int *stop,
    atomic_size_t *count, source_pipe_fn *publish, void *arg, size_t *n,
    char **err);

/* The bytes of a pipe given to publish after which it is not called. */
#define SOURCE_PIPE_SHOWN_MAX	((size_t)4 << 20)

/*
 * How many of the n bytes at raw to show as a text in encoding (the one
 * detected in them): up to the last whole character, so that a character
 * cut by the end of what has arrived is not shown as U+FFFD.  In UTF-8
 * an incomplete sequence at the end is left out, in UTF-16 and UTF-32 a
 * cut unit (and a lone high surrogate), in the other encodings whatever
 * follows the last line end.
 */
size_t source_pipe_cut(const char *raw, size_t n, const char *encoding);

#endif
