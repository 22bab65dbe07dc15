/*
 * timeline.c - dated mentions (first cut: none found yet).
 */
#include "config.h"

#include <stdlib.h>

#include "juan/timeline.h"
#include "juan/util.h"

struct timeline *
timeline_new(const struct doc *d)
{
	(void)d;
	return xcalloc(1, sizeof(struct timeline));
}

void
timeline_free(struct timeline *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++)
		free(t->entries[i].event);
	free(t->entries);
	free(t);
}

void
timeline_sort_by_date(const struct timeline *t, size_t *order)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		order[i] = i;
}

const char *
timeline_kind_name(enum tl_kind k)
{
	static const char *const names[] = { "absolute", "range", "decade",
	    "relative", "target" };

	return names[k];
}

const char *
timeline_mod_name(enum tl_mod m)
{
	static const char *const names[] = { NULL, "START", "MID", "END",
	    "BEFORE", "SINCE", "APPROX", "SPRING", "SUMMER", "AUTUMN",
	    "WINTER" };

	return names[m];
}
