/*
 * source-pipe.c - standard input read with its text shown as it arrives.
 *
 * A pipe has no size and no beginning to read twice, so the source's
 * thread reads it here into one growing array of bytes, raw[0..n), and
 * hands the bytes read so far to a callback from time to time, which
 * makes a text of them for the reader to show (as less shows what has
 * arrived).  How often is a trade: each call decodes and builds the
 * document of everything so far, so calls are made when the bytes have
 * doubled (the work stays in proportion to the text), or when a writer
 * is slow and a tick has passed with bytes not yet shown, and no more
 * once SOURCE_PIPE_SHOWN_MAX bytes have been shown: that is screens
 * enough to read while the rest arrives.  The array is read with poll()
 * and a tick's timeout, so that a writer that pauses neither holds back
 * the bytes that came before the pause nor keeps the thread from seeing
 * that it is to stop.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "juan/util.h"
#include "source-pipe.h"

/* A tick: the wait for bytes before the thread looks again (ms). */
#define TICK_MS		100
/*
 * Once this many bytes are shown, a slow writer's new bytes are shown
 * once a second (SLOW_MS), not each tick: the text costs more to build.
 */
#define SLOW_LEN	((size_t)1 << 20)
#define SLOW_MS		1000
/* The least growth that is worth a new text before a tick has passed. */
#define GROW_MIN	((size_t)64 << 10)

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t->tv_sec) * 1000 +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Tells whether n bytes, given bytes of them shown at *last, are due. */
static int
due(size_t n, size_t given, const struct timespec *last)
{
	if (n <= given || given >= SOURCE_PIPE_SHOWN_MAX)
		return 0;
	if (given == 0 || n - given >= (given > GROW_MIN ? given : GROW_MIN))
		return 1;
	return ms_since(last) >= (given < SLOW_LEN ? TICK_MS : SLOW_MS);
}

/* Waits a tick at most for fd to be readable: 1 when it is, else 0. */
static int
wait_bytes(int fd)
{
	struct pollfd pfd;

	pfd.fd = fd;
	pfd.events = POLLIN;
	pfd.revents = 0;
	/* An error or a hang-up is for read() to report. */
	return poll(&pfd, 1, TICK_MS) > 0;
}

char *
source_pipe_read(int fd, size_t limit, const atomic_int *stop,
    atomic_size_t *count, source_pipe_fn *publish, void *arg, size_t *n_out,
    char **err)
{
	size_t n = 0, cap = 65536, given = 0;
	struct timespec last;
	char *raw;
	ssize_t r;

	if (limit == 0 || limit > BUFFER_STREAM_MAX)
		limit = limit == 0 ? BUFFER_STREAM_LIMIT : BUFFER_STREAM_MAX;
	raw = xmalloc(cap + 1);
	clock_gettime(CLOCK_MONOTONIC, &last);
	for (;;) {
		if (atomic_load(stop)) {
			*err = xstrdup("stopped");
			goto fail;
		}
		if (publish != NULL && due(n, given, &last)) {
			publish(arg, raw, n);
			given = n;
			clock_gettime(CLOCK_MONOTONIC, &last);
		}
		if (!wait_bytes(fd))
			continue;
		if (n == cap) {
			cap = cap > limit / 2 ? limit + 1 : cap * 2;
			raw = xrealloc(raw, cap + 1);
		}
		r = read(fd, raw + n, cap - n);
		if (r < 0 && (errno == EINTR || errno == EAGAIN ||
		    errno == EWOULDBLOCK))
			continue;
		if (r < 0) {
			*err = xstrdup(strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		atomic_store(count, n);
		if (n > limit) {
			*err = xasprintf("input too large (over %zu bytes)",
			    limit);
			goto fail;
		}
	}
	raw[n] = '\0';
	*n_out = n;
	return raw;
fail:
	free(raw);
	return NULL;
}

size_t
source_pipe_cut(const char *raw, size_t n, const char *encoding)
{
	const unsigned char *u = (const unsigned char *)raw;
	const char *nl;
	size_t i, k, need;
	unsigned unit;

	if (strncasecmp(encoding, "UTF-16", 6) == 0) {
		n -= n % 2;
		if (n < 2)
			return n;
		unit = strcasecmp(encoding, "UTF-16BE") == 0 ?
		    (unsigned)u[n - 2] << 8 | u[n - 1] :
		    (unsigned)u[n - 1] << 8 | u[n - 2];
		return (unit & 0xFC00) == 0xD800 ? n - 2 : n;
	}
	if (strncasecmp(encoding, "UTF-32", 6) == 0)
		return n - n % 4;
	if (strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0) {
		/* Back over the continuation bytes to their lead byte. */
		for (i = n, k = 0; i > 0 && k < 3 && (u[i - 1] & 0xC0) == 0x80;
		    i--, k++)
			;
		if (i == 0 || u[i - 1] < 0xC0)
			return n;
		need = u[i - 1] >= 0xF0 ? 3 : u[i - 1] >= 0xE0 ? 2 : 1;
		return k < need ? i - 1 : n;
	}
	/* A legacy multibyte encoding: its line ends are whole. */
	nl = n > 0 ? memrchr(raw, '\n', n) : NULL;
	return nl != NULL ? (size_t)(nl - raw) + 1 : n;
}
