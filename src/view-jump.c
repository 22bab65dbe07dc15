/*
 * view-jump.c - the places the reader goes back to: jumps and marks.
 *
 * struct view_jumps is a fixed array of byte offsets, oldest first, with
 * a cursor: cur == n while the user is not walking the history, else the
 * index of the entry shown.  Invariants: n <= VIEW_JUMP_MAX, cur <= n, and
 * no offset is in the array twice (a push removes the earlier copy, as
 * vim removes an entry of the same line), so walking back never stays on
 * one place.  The '' place is kept beside the array: it is the last place
 * pushed, or the place left by the last walk or '', which is what makes
 * '' twice come back.  Nothing here reads the text: the view's functions
 * below do that, with the marks of view-int.h.
 */
#include "config.h"

#include <string.h>

#include "juan/view-jump.h"
#include "view-int.h"

void
view_jump_init(struct view_jumps *j)
{
	memset(j, 0, sizeof *j);
}

/* Removes entry i, keeping the order. */
static void
drop(struct view_jumps *j, size_t i)
{
	memmove(&j->off[i], &j->off[i + 1], (j->n - i - 1) * sizeof j->off[0]);
	j->n--;
}

/* Appends off as the newest entry, without touching the cursor. */
static void
append(struct view_jumps *j, size_t off)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		if (j->off[i] == off) {
			drop(j, i);
			break;
		}
	if (j->n == VIEW_JUMP_MAX)
		drop(j, 0);
	j->off[j->n++] = off;
}

void
view_jump_push(struct view_jumps *j, size_t off)
{
	append(j, off);
	j->cur = j->n;
	j->last_off = off;
	j->have_last = 1;
}

int
view_jump_back(struct view_jumps *j, size_t here, size_t *to)
{
	size_t i;

	if (j->cur == j->n) {
		/* Leaving the newest end: keep here to come forward to. */
		if (j->n == 0 || (j->n == 1 && j->off[0] == here))
			return -1;
		append(j, here);
		j->cur = j->n - 1;
	}
	for (i = j->cur; i > 0 && j->off[i - 1] == here; i--)
		;
	if (i == 0)
		return -1;
	j->cur = i - 1;
	*to = j->off[j->cur];
	j->last_off = here;
	j->have_last = 1;
	return 0;
}

int
view_jump_forward(struct view_jumps *j, size_t here, size_t *to)
{
	size_t i = j->cur + 1;

	while (i < j->n && j->off[i] == here)
		i++;
	if (i >= j->n)
		return -1;
	j->cur = i;
	*to = j->off[i];
	j->last_off = here;
	j->have_last = 1;
	return 0;
}

int
view_jump_last(struct view_jumps *j, size_t here, size_t *to)
{
	if (!j->have_last || j->last_off == here)
		return -1;
	*to = j->last_off;
	view_jump_push(j, here);
	return 0;
}

void
view_jump_percent(struct view *v, long pct)
{
	size_t len = v->doc->buf->len;

	if (pct >= 100) {
		view_end(v);
		return;
	}
	if (pct <= 0) {
		view_home(v);
		return;
	}
	view_goto(v, (size_t)((double)len * (double)pct / 100.0));
}

size_t
view_jump_marks(const struct view *v, struct view_mark out[26])
{
	size_t n = 0;
	int i;

	for (i = 0; i < 26; i++)
		if (v->marks_set & (1u << i)) {
			out[n].letter = 'a' + i;
			out[n].off = v->marks[i];
			n++;
		}
	return n;
}
