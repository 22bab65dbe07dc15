/*
 * test-timeline-scan.c - the scan's byte loops, with vectors and without.
 *
 * citation() counts the 《 and [ still open before a date, 32 bytes at a
 * time on a processor with AVX2 (timeline.c).  Each text here is one
 * block with dates inside and outside titles and links, moved along by
 * fillers of every length up to past two vectors, of ASCII letters, of
 * CJK characters and of marks that share 《's first byte (。「), so that
 * each 《, 》, [ and newline falls at every place of a vector and across
 * its end; runs longer than a vector hold none.  Both ways must tell
 * every date a citation or not as the text says.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/buffer.h"
#include "juan/doc.h"
#include "juan/timeline.h"
#include "juan/util.h"
#include "tap.h"
#include "timeline-int.h"

/* Appends n fillers of kind k: ASCII letters, CJK characters, marks. */
static void
fill(struct sbuf *s, int kind, int n)
{
	static const char *const fillers[] = { "x", "的", "。", "「" };
	int i;

	for (i = 0; i < n; i++)
		sbuf_adds(s, fillers[(kind + (kind == 3 ? i : 0)) % 4]);
}

/* Each entry of text's timeline as 1 (a citation) or 0; allocated. */
static char *
flags(const char *text)
{
	struct buffer *b = buffer_from_mem(text, strlen(text), NULL, NULL);
	struct doc *d = doc_new(b);
	struct timeline *t = timeline_new(d);
	char *out = xmalloc(t->n + 1);
	size_t i;

	for (i = 0; i < t->n; i++)
		out[i] = t->entries[i].citation ? '1' : '0';
	out[t->n] = '\0';
	timeline_free(t);
	doc_free(d);
	buffer_free(b);
	return out;
}

static void
test_citations(void)
{
	struct sbuf s = SBUF_INIT;
	char *vec, *bytes;
	int kind, p, bad = 0, differ = 0;

	for (kind = 0; kind < 4; kind++)
		for (p = 0; p < 72; p++) {
			s.len = 0;
			fill(&s, kind, p);
			sbuf_adds(&s, "《");
			fill(&s, kind, 40 - p % 40);
			sbuf_adds(&s, "，2019年5月》出版。");
			fill(&s, kind, p);
			sbuf_adds(&s, "，2020年6月，开工。[见");
			fill(&s, kind, p % 33);
			sbuf_adds(&s, "，2021年7月](u)。》》");
			fill(&s, kind, 70 - p);
			sbuf_adds(&s, "，2022年8月，完工。[注\n");
			fill(&s, kind, p % 7);
			sbuf_adds(&s, "，2023年9月](u)完。\n");
			timeline_no_vectors = 0;
			vec = flags(s.s);
			timeline_no_vectors = 1;
			bytes = flags(s.s);
			if (strcmp(vec, "10100") != 0)
				bad++;
			if (strcmp(vec, bytes) != 0)
				differ++;
			free(vec);
			free(bytes);
		}
	timeline_no_vectors = 0;
	is_int(bad, 0, "citations at every place of a vector");
	is_int(differ, 0, "citations: vectors and bytes agree");
	sbuf_free(&s);
}

int
main(void)
{
	test_citations();
	return done_testing();
}
