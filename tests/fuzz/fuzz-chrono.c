/*
 * fuzz-chrono.c - the dates a reader types (chrono_parse), and the labels
 * and histogram of the timeline of the same bytes read as a text.
 *
 * A date that parses must end at or after its start; every label must be
 * valid UTF-8; the histogram's bins must add up to the entries counted.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/chrono.h"
#include "juan/timeline.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buffer *b;
	struct doc *d;
	struct timeline *t;
	struct chrono_hist *h;
	char *s, lab[64], *err = NULL;
	size_t i, sum, *order;
	long a, z;

	s = malloc(size + 1);
	FUZZ_CHECK(s != NULL);
	memcpy(s, data, size);
	s[size] = '\0';
	if (chrono_parse(s, &a, &z) == 0)
		FUZZ_CHECK(a <= z);
	free(s);
	b = buffer_from_mem((const char *)data, size, NULL, &err);
	FUZZ_CHECK(b != NULL);
	d = doc_new(b);
	t = timeline_new(d);
	order = calloc(t->n + 1, sizeof *order);
	FUZZ_CHECK(order != NULL);
	timeline_sort_by_date(t, order);
	for (i = 0; i < t->n; i++) {
		chrono_label(&t->entries[i], lab, sizeof lab);
		FUZZ_CHECK(fuzz_str_ok(lab));
	}
	h = chrono_hist_new(t, order, 0, 1 + size % 80);
	for (i = 0, sum = 0; i < h->nbins; i++) {
		sum += h->count[i];
		chrono_hist_label(h, i, lab, sizeof lab);
		FUZZ_CHECK(fuzz_str_ok(lab));
	}
	FUZZ_CHECK(sum == h->total && h->nbins <= 1 + size % 80);
	chrono_hist_free(h);
	free(order);
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return 0;
}
