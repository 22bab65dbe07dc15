/*
 * fuzz-search.c - the search engine: random patterns over random text.
 *
 * The first byte chooses literal or regular expression, whether case
 * and width fold and whether Han variants fold; the bytes up to the
 * first NUL are the pattern (any bytes, as a command line can give), the
 * rest the text.  Every match must lie in
 * the text, start at or after where the search began, and searching must
 * always move on; searching backwards must stay before its start.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/buffer.h"
#include "juan/search.h"

/* A bound on the matches walked, so that one input cannot run forever. */
#define MAX_MATCHES 20000

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct search_opts o;
	struct search *s;
	struct buffer *b;
	const uint8_t *nul;
	char *pattern, *err = NULL;
	size_t plen, from, ms, me, k;

	if (size < 2)
		return 0;
	memset(&o, 0, sizeof o);
	o.regex = data[0] & 1;
	o.nofold = (data[0] >> 1) & 1;
	o.novariants = (data[0] >> 2) & 1;
	data++;
	size--;
	nul = memchr(data, '\0', size);
	plen = nul != NULL ? (size_t)(nul - data) : size;
	if (plen == 0)
		return 0;	/* the command line refuses an empty one */
	pattern = malloc(plen + 1);
	memcpy(pattern, data, plen);
	pattern[plen] = '\0';
	s = search_new(pattern, &o, &err);
	free(pattern);
	if (s == NULL) {
		FUZZ_CHECK(err != NULL);
		free(err);
		return 0;
	}
	k = nul != NULL ? plen + 1 : size;
	b = buffer_from_mem((const char *)data + k, size - k, NULL, &err);
	FUZZ_CHECK(b != NULL);
	from = 0;
	for (k = 0; k < MAX_MATCHES && from <= b->len; k++) {
		if (!search_next(s, b->data, b->len, from, &ms, &me))
			break;
		FUZZ_CHECK(ms >= from && ms <= me && me <= b->len);
		from = me > ms ? me : ms + 1;
	}
	from = b->len;
	for (k = 0; k < 200; k++) {
		if (!search_prev(s, b->data, b->len, from, &ms, &me))
			break;
		FUZZ_CHECK(ms < from && ms <= me && me <= b->len);
		from = ms;
	}
	buffer_free(b);
	/*
	 * The reader also searches a file's bytes as they lie, before they
	 * are checked (source_bytes): invalid UTF-8 must do no harm there.
	 * A copy with a NUL after it, as a mapping has.
	 */
	{
		size_t n = size - (nul != NULL ? plen + 1 : size);
		char *raw = malloc(n + 1);

		memcpy(raw, data + (size - n), n);
		raw[n] = '\0';
		from = 0;
		for (k = 0; k < MAX_MATCHES && from <= n; k++) {
			if (!search_next(s, raw, n, from, &ms, &me))
				break;
			FUZZ_CHECK(ms >= from && ms <= me && me <= n);
			from = me > ms ? me : ms + 1;
		}
		if (n > 0 && search_prev(s, raw, n, n, &ms, &me))
			FUZZ_CHECK(ms < n && me <= n);
		free(raw);
	}
	search_free(s);
	return 0;
}
