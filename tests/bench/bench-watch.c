/*
 * bench-watch.c - notes when a terminal receives a string, and when the
 * screen that holds it is complete, for tests/bench/run.
 *
 * Usage: bench-watch TEXT FILE [QUIET_MS]
 *
 * Reads standard input (a pane's output, from tmux pipe-pane).  When TEXT
 * has arrived (any byte, when TEXT is empty), it goes on reading until nothing more comes for QUIET_MS
 * milliseconds (default 100), then writes one line to FILE: the time TEXT
 * arrived and the time of the last bytes before the quiet, both as
 * wall-clock "SECONDS.NANOSECONDS".  The second is when the screen was
 * complete: a reader draws its screen in one burst.  It then reads to the
 * end of input, so that tmux never blocks on the pipe.  TEXT may arrive
 * cut across reads: the last strlen(TEXT) - 1 bytes of each read are kept.
 *
 * This sees the bytes when tmux reads them from the program, which is when
 * tmux puts them on its screen.  Polling capture-pane instead starts a
 * tmux client every few milliseconds: it notices later, and takes
 * processor time from the program being measured.
 */
#define _GNU_SOURCE	/* memmem; built on its own by tests/bench/run */

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char buf[65536 + 4096];

/* Reads what is there; returns the byte count, 0 at the end. */
static ssize_t
get(size_t at)
{
	ssize_t r;

	do
		r = read(0, buf + at, sizeof buf - at);
	while (r < 0 && errno == EINTR);
	return r < 0 ? 0 : r;
}

int
main(int argc, char **argv)
{
	struct timespec seen, last;
	struct pollfd pfd;
	const char *text;
	size_t tlen, keep = 0, n;
	long quiet = 100;
	ssize_t r;
	FILE *out;
	int p;

	if (argc < 3 || argc > 4 || (tlen = strlen(argv[1])) > 4096 || (argc == 4 && (quiet = atol(argv[3])) <= 0)) {
		fprintf(stderr, "usage: bench-watch TEXT FILE [QUIET_MS]\n");
		return 2;
	}
	text = argv[1];
	for (;;) {
		if ((r = get(keep)) == 0)
			return 0;
		clock_gettime(CLOCK_REALTIME, &seen);
		n = keep + (size_t)r;
		if (tlen == 0 || (n >= tlen && memmem(buf, n, text, tlen)))
			break;
		keep = n < tlen - 1 ? n : tlen - 1;
		memmove(buf, buf + n - keep, keep);
	}
	last = seen;
	pfd.fd = 0;
	pfd.events = POLLIN;
	while ((p = poll(&pfd, 1, (int)quiet)) != 0) {
		if (p < 0 && errno == EINTR)
			continue;
		if (p < 0 || get(0) == 0)
			break;
		clock_gettime(CLOCK_REALTIME, &last);
	}
	if ((out = fopen(argv[2], "w")) == NULL)
		return 1;
	fprintf(out, "%lld.%09ld %lld.%09ld\n", (long long)seen.tv_sec,
	    seen.tv_nsec, (long long)last.tv_sec, last.tv_nsec);
	if (fclose(out) != 0)
		return 1;
	while (get(0) > 0)
		;
	return 0;
}
