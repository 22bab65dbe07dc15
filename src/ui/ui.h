/* ui.h - the interactive reader; the only part of juan that uses curses. */
#ifndef JUAN_UI_H
#define JUAN_UI_H

#include <sys/types.h>

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
#define UI_BACKGROUND_MIN ((off_t)1 << 20)

/*
 * Asks the terminal on fd (a terminal open for reading and writing) how
 * many columns it gives an East Asian Ambiguous character; returns 1 or 2
 * (1 when it does not answer within a fraction of a second).
 */
int ui_probe_ambiwidth(int fd);

#endif
