/* ui.h - the interactive reader; the only part of juan that uses curses. */
#ifndef JUAN_UI_H
#define JUAN_UI_H

#include <termios.h>

#include "app.h"
#include "juan/source.h"

/*
 * Runs the reader on the text so describes (source.h: the reader loads it
 * in the background when so->background is set) until the user quits,
 * restoring the terminal on every exit path.  A text that cannot be read
 * ends the reader with a message.  Returns the exit status for main().
 */
int ui_run(const struct source_opts *so, const struct app_opts *o);

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
