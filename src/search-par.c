/*
 * search-par.c - the next match in a large text, looked for by two
 * threads at once.
 *
 * The text after the start is cut into pieces of PAR_PIECE bytes, taken
 * two at a time: the first piece by one compiled pattern in this thread,
 * the second by another compile of it in a second thread (util_par2), each
 * looking only for matches that start in its piece (search_next_in, whose
 * matches may end past it).  The first piece's match, else the second's,
 * is the one search_next() would find; with none, the next two pieces.
 * Pieces rather than halves, so that a match near the start ends the work
 * soon after it, not when the far half is done.  The reader uses it when a
 * search goes from the screen to a match far away in a large text, where
 * the other processor would otherwise wait (each first touch of a page of
 * a mapped file costs as much as the search there).
 */
#include "config.h"

#include "juan/search.h"
#include "juan/util.h"

#define PAR_PIECE ((size_t)8 << 20)	/* bytes */

struct piece {
	struct search *s;
	const char *text;
	size_t len, from, lim;
	int found;
	size_t ms, me;
};

static void
piece_find(void *arg)
{
	struct piece *p = arg;

	p->found = p->from <= p->len && search_next_in(p->s, p->text, p->len,
	    p->from, p->lim, &p->ms, &p->me);
}

int
search_next_par(struct search *s, struct search *s2, const char *text,
    size_t len, size_t from, size_t *mstart, size_t *mend)
{
	struct piece p[2] = { { s, text, len, 0, 0, 0, 0, 0 },
	    { s2, text, len, 0, 0, 0, 0, 0 } };
	size_t pos = from;
	int i;

	if (s2 == NULL || util_threads() < 2 || len - (from < len ? from :
	    len) < 2 * PAR_PIECE)
		return search_next(s, text, len, from, mstart, mend);
	while (pos <= len) {
		p[0].from = pos;
		p[0].lim = len - pos > PAR_PIECE ? pos + PAR_PIECE : len + 1;
		p[1].from = p[0].lim;
		p[1].lim = p[1].from <= len && len - p[1].from > PAR_PIECE ?
		    p[1].from + PAR_PIECE : len + 1;
		util_par2(piece_find, &p[0], &p[1]);
		for (i = 0; i < 2; i++)
			if (p[i].found) {
				*mstart = p[i].ms;
				*mend = p[i].me;
				return 1;
			}
		pos = p[1].lim;
	}
	return 0;
}
