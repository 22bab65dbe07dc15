/*
 * doc-check.c - what the document model's unit tests share: a model built
 * from a string, and its blocks and sections as strings to compare.
 *
 * The buffer of the last model built is kept in cur_buf (the model points
 * into it) and freed by the next build or doc_check_done(); the strings
 * returned live in static buffers, one a function, so that a test can
 * write is_str(doc_check_kinds(d), "...") without freeing anything.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/util.h"
#include "doc-check.h"

static struct buffer *cur_buf;

struct doc *
doc_check_model(const char *s, size_t n)
{
	char *err = NULL;

	buffer_free(cur_buf);
	cur_buf = buffer_from_mem(s, n, NULL, &err);
	free(err);
	return doc_new(cur_buf);
}

void
doc_check_done(void)
{
	buffer_free(cur_buf);
	cur_buf = NULL;
}

const char *
doc_check_kinds(const struct doc *d)
{
	static char out[2048];
	size_t i;

	out[0] = '\0';
	for (i = 0; i < d->nblocks && strlen(out) < sizeof out - 20; i++) {
		if (i > 0)
			strcat(out, " ");
		strcat(out, doc_kind_name(d->blocks[i].kind));
	}
	return out;
}

const char *
doc_check_titles(const struct doc *d)
{
	static char out[2048];
	size_t i;

	out[0] = '\0';
	for (i = 0; i < d->nsections && strlen(out) < sizeof out - 200; i++) {
		if (i > 0)
			strcat(out, "|");
		strcat(out, d->sections[i].title);
	}
	return out;
}

const char *
doc_check_text(const struct doc *d, size_t i)
{
	static char out[512];
	size_t n, off, end;

	if (i >= d->nblocks)
		return "(none)";
	block_text(&d->blocks[i], &off, &end);
	n = end - off;
	if (n >= sizeof out)
		n = sizeof out - 1;
	memcpy(out, d->buf->data + off, n);
	out[n] = '\0';
	return out;
}

const char *
doc_check_kind(const struct doc *d, size_t i)
{
	return i < d->nblocks ? doc_kind_name(d->blocks[i].kind) : "(none)";
}
