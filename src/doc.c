/*
 * doc.c - the document model (first cut: blocks split at blank lines).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "juan/doc.h"
#include "juan/util.h"

struct doc *
doc_new(const struct buffer *buf)
{
	struct doc *d = xcalloc(1, sizeof *d);
	size_t i, cap = 0, start, end;

	d->buf = buf;
	d->title_block = -1;
	for (i = 0; i < buf->nlines; i++) {
		start = buf->line_off[i];
		end = buffer_line_end(buf, i + 1);
		if (end == start)
			continue;
		if (d->nblocks > 0 && d->blocks[d->nblocks - 1].end + 1 ==
		    start) {
			d->blocks[d->nblocks - 1].end = end;
			continue;
		}
		if (d->nblocks == cap) {
			cap = cap ? cap * 2 : 64;
			d->blocks = xreallocarray(d->blocks, cap,
			    sizeof *d->blocks);
		}
		memset(&d->blocks[d->nblocks], 0, sizeof *d->blocks);
		d->blocks[d->nblocks].off = start;
		d->blocks[d->nblocks].end = end;
		d->blocks[d->nblocks].line = i + 1;
		d->blocks[d->nblocks].section = -1;
		d->blocks[d->nblocks].figure = -1;
		d->nblocks++;
	}
	return d;
}

void
doc_free(struct doc *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nsections; i++)
		free(d->sections[i].title);
	free(d->sections);
	free(d->blocks);
	free(d->title);
	free(d->site);
	free(d);
}

size_t
doc_block_at(const struct doc *d, size_t off)
{
	size_t lo = 0, hi = d->nblocks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->blocks[mid].end < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

ssize_t
doc_section_at(const struct doc *d, size_t off)
{
	size_t b = doc_block_at(d, off);

	if (b >= d->nblocks)
		return d->nsections > 0 ? (ssize_t)d->nsections - 1 : -1;
	return d->blocks[b].section;
}

const char *
doc_kind_name(enum block_kind k)
{
	static const char *const names[] = { "paragraph", "title", "heading",
	    "figure", "caption", "list-item", "boilerplate", "code" };

	return names[k];
}
