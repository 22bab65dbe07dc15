/*
 * ui-probe.c - asking the terminal how wide it draws an ambiguous
 * character.
 *
 * East Asian Ambiguous characters (“ ” — … ※) are one column in most
 * Western terminals and two in many CJK ones, and no environment variable
 * says which.  The probe prints one such character at the start of the
 * line, asks for the cursor position (DSR, ESC [ 6 n) and reads the answer
 * (CPR, ESC [ row ; col R) with a short timeout: the column tells the
 * width.  The line is erased afterwards.  A terminal that does not answer
 * in time gets the common answer, 1.
 *
 * The question and the answer are two calls, so that the reader can build
 * its first screen while the answer travels (a terminal across a network
 * takes a round trip to answer); the terminal stays without echo between
 * them, so that keys typed meanwhile do not show.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "ui/ui.h"

#define PROBE_MS	200	/* how long to wait for the answer */

/* Milliseconds on a monotonic clock. */
static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
ui_probe_ask(struct ui_probe *p, int fd)
{
	static const char ask[] = "\r\xe2\x80\x9c\033[6n";
	struct termios raw;

	memset(p, 0, sizeof *p);
	p->fd = -1;
	if (tcgetattr(fd, &p->old) < 0)
		return -1;
	raw = p->old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) < 0)
		return -1;
	p->fd = fd;
	if (write(fd, ask, sizeof ask - 1) != (ssize_t)(sizeof ask - 1)) {
		ui_probe_answer(p);
		return -1;
	}
	p->asked = 1;
	p->deadline = now_ms() + PROBE_MS;
	return 0;
}

int
ui_probe_answer(struct ui_probe *p)
{
	static const char erase[] = "\r\033[K";
	struct pollfd pfd;
	char ans[32];
	size_t n = 0;
	int col = 0, row = 0, width = 1, left;
	ssize_t k;
	char *s;

	if (p->fd < 0)
		return 1;
	/* Read up to the 'R' that ends the answer, or until the deadline. */
	while (p->asked && n < sizeof ans - 1 &&
	    (left = (int)(p->deadline - now_ms())) > 0) {
		pfd.fd = p->fd;
		pfd.events = POLLIN;
		if (poll(&pfd, 1, left) <= 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((k = read(p->fd, ans + n, 1)) <= 0)
			break;
		n += (size_t)k;
		if (ans[n - 1] == 'R')
			break;
	}
	ans[n] = '\0';
	if ((s = strstr(ans, "\033[")) != NULL &&
	    sscanf(s, "\033[%d;%dR", &row, &col) == 2 && col >= 2 && col <= 3)
		width = col - 1;
	(void)!write(p->fd, erase, sizeof erase - 1);
	tcsetattr(p->fd, TCSANOW, &p->old);
	p->fd = -1;
	return width;
}
