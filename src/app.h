/* app.h - the program's options, shared by main.c, the outputs and ui. */
#ifndef JUAN_APP_H
#define JUAN_APP_H

#include <stddef.h>

#include "juan/config.h"

enum app_mode {
	MODE_READ,	/* the interactive reader */
	MODE_OUTLINE,	/* --outline */
	MODE_TIMELINE,	/* --timeline */
	MODE_SEARCH,	/* --search */
	MODE_DUMP	/* --dump */
};

/* Standard input that is a pipe is read up to this many bytes. */
#define APP_PIPE_LIMIT ((size_t)1 << 30)

/* The reader's text column at most this many columns, unless told. */
#define APP_MAX_WIDTH 100

struct app_opts {
	enum app_mode mode;
	const char *file;	/* path, "-" for stdin, NULL for the guide */
	const char *name;	/* what to call the input in messages */
	const char *pattern;	/* --search */
	int regex;		/* --regex */
	int novariants;		/* --no-variants */
	int json;		/* --json */
	int sort_date;		/* --sort=date */
	int csv;		/* --csv (with --timeline) */
	int have_from, have_to;	/* --from=DATE, --to=DATE given */
	long from_key, to_key;	/* their first and last day, as sort keys
				   (juan/chrono.h) */
	int width;		/* --width, 0 when not given */
	int ambiwidth;		/* 1, 2, or 0 for auto */
	const char *encoding;	/* --encoding, or NULL to detect */
	int input_format;	/* --input-format: an enum format_kind
				   (juan/format.h), or -1 to recognise */
	int format;		/* the input's enum format_kind: forced,
				   or recognised by format_detect() */
	int binary;		/* --binary: show a file that looks binary */
	int is_guide;		/* showing the built-in guide */
	int raw;		/* --raw: show the source, not rendered */
	int max_width;		/* --max-width: the text column's widest,
				   columns; 0 for the whole width */
	const struct config *config;	/* the settings file's, never NULL */
	const char *config_warn;	/* its first error, or NULL */
};

#endif
