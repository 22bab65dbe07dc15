/* out.h - the non-interactive modes: --outline, --timeline, --search, --dump. */
#ifndef JUAN_OUT_H
#define JUAN_OUT_H

#include <stdio.h>

#include "app.h"
#include "juan/doc.h"
#include "juan/util.h"

/*
 * Output is built in an sbuf and written every OUT_CHUNK bytes, so that
 * the output of a large document never sits whole in memory.
 */
#define OUT_CHUNK ((size_t)1 << 16)

/* Writes out what b holds once it is OUT_CHUNK bytes, or now with force. */
static inline void
out_flush(struct sbuf *b, FILE *fp, int force)
{
	if (b->len >= OUT_CHUNK || (force && b->len > 0)) {
		fwrite(b->s, 1, b->len, fp);
		sbuf_reset(b);
	}
}

/*
 * Each prints its mode's output for d to fp, as text or (o->json) JSON,
 * with every document byte passed through the terminal-safe functions of
 * util.h.  They return the program's exit status: 0, or for out_search 1
 * when nothing matched and 2 for a bad pattern (after a message on stderr).
 */
int out_outline(const struct doc *d, const struct app_opts *o, FILE *fp);
int out_timeline(const struct doc *d, const struct app_opts *o, FILE *fp);
int out_search(const struct doc *d, const struct app_opts *o, FILE *fp);
int out_dump(const struct doc *d, const struct app_opts *o, FILE *fp);

#endif
