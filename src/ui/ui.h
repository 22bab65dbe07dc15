/* ui.h - the interactive reader; the only part of juan that uses curses. */
#ifndef JUAN_UI_H
#define JUAN_UI_H

#include <sys/types.h>
#include <termios.h>

#include "app.h"
#include "juan/buffer.h"

/*
 * Runs the reader on buf (taken over: ui_run frees it) until the user
 * quits, restoring the terminal on every exit path.  Returns the exit
 * status for main().
 */
int ui_run(struct buffer *buf, const struct app_opts *o);

/*
 * A regular file at least this large, or standard input (o->file "-"),
 * may be passed as buf == NULL: ui_run then shows a preview of the file's
 * beginning (for standard input, an empty text and a message) at once and
 * loads o->file in the background; q works meanwhile, and a text that
 * cannot be read ends the reader with a message.
 */
#define UI_BACKGROUND_MIN ((off_t)256 << 10)

/*
 * Asking the terminal how many columns it gives an East Asian Ambiguous
 * character.  ui_probe_ask sends the question on fd (a terminal open for
 * reading and writing) and leaves the terminal without echo; it returns
 * -1 when fd is not a terminal.  ui_probe_answer reads the answer (at
 * most a fraction of a second after the question), restores the terminal
 * and returns 1 or 2 (1 when the terminal did not answer, or was not
 * asked).  Nothing may change the terminal's modes between the two.
 */
struct ui_probe {
	int fd;			/* -1 when there is nothing to restore */
	int asked;
	long deadline;		/* ms on the monotonic clock */
	struct termios old;
};

int ui_probe_ask(struct ui_probe *, int fd);
int ui_probe_answer(struct ui_probe *);

#endif
