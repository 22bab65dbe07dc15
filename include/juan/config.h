/* config.h - the reader's settings file: key = value lines, parsed. */
#ifndef JUAN_CONFIG_H
#define JUAN_CONFIG_H

#include <stddef.h>

#include "juan/util.h"

/*
 * The settings file is $XDG_CONFIG_HOME/juan/config, or
 * ~/.config/juan/config.  Each line is "name = value", a comment from '#'
 * (at the start of a line or after a blank), or blank.  A line that does
 * not parse, an unknown name or a bad value is reported as "FILE:LINE:
 * message" and ignored: a settings file never stops juan.  The options on
 * the command line win over the file.
 */

/* The parts of the screen whose colours the file may set. */
enum config_color {
	CONFIG_COLOR_HEADING,
	CONFIG_COLOR_TITLE,
	CONFIG_COLOR_CAPTION,
	CONFIG_COLOR_FIGURE,
	CONFIG_COLOR_MATCH,
	CONFIG_COLOR_CURMATCH,
	CONFIG_COLOR_DATE,
	CONFIG_COLOR_JUMP,
	CONFIG_COLOR_CONTROL,
	CONFIG_COLOR_STATUS,
	CONFIG_COLOR_PANEHEAD,
	CONFIG_COLOR_DIM,
	CONFIG_COLOR_N
};

/* A colour left alone: CONFIG_UNSET; the terminal's own: -1; 0..255. */
#define CONFIG_UNSET	(-2)

struct config_pair {
	int fg, bg;		/* colour numbers, -1, or CONFIG_UNSET */
};

/* Every field is CONFIG_UNSET until the file sets it. */
struct config {
	int pane_pct;		/* pane-width: percent, 15..60 */
	int pane;		/* pane: 0 outline, 1 timeline, 2 hidden */
	int tl_by_date;		/* timeline-order: 1 date, 0 text */
	int max_width;		/* max-width: columns, 0 for none */
	int ambiwidth;		/* ambiwidth: 1, 2, or 0 for auto */
	int colors;		/* color: 1 auto, 0 never */
	struct config_pair color[CONFIG_COLOR_N];	/* color-NAME */
};

/* Narrowest and widest max-width (0, for none, is allowed too). */
#define CONFIG_MAX_WIDTH_MIN	20
#define CONFIG_MAX_WIDTH_MAX	1000

/* Sets every field of c to CONFIG_UNSET. */
void config_init(struct config *c);

/*
 * Reads the len bytes of text (any bytes: a NUL or invalid UTF-8 is a bad
 * line, not the end) into c, field by field: a later line wins.  Each
 * error is appended to errs as one line "name:LINE: message\n", with the
 * file's bytes in it made terminal-safe.  Returns the number of errors.
 */
int config_parse(struct config *c, const char *text, size_t len,
    const char *name, struct sbuf *errs);

/*
 * The settings file's path (allocated): $XDG_CONFIG_HOME/juan/config when
 * XDG_CONFIG_HOME is an absolute path, else $HOME/.config/juan/config;
 * NULL without a home.
 */
char *config_path(void);

/*
 * Reads the file at path into c.  Returns 0 when it was read (errors in
 * it appended to errs), 1 when there is no such file, and -1 when it
 * could not be read or is over 1 MiB (a line in errs says why).
 */
int config_load(struct config *c, const char *path, struct sbuf *errs);

/* The name of colour part k in the file, without "color-". */
const char *config_color_name(enum config_color k);

#endif
