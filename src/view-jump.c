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

/*
 * The last byte of the first pct percent of v's text as view_percent()
 * counts it: of the bytes shown, so that hidden boilerplate does not
 * count unless it is shown.  A screen whose last line holds that byte
 * ends at pct percent or just after it.
 */
static size_t
percent_last(const struct view *v, long pct)
{
	const struct doc *d = v->doc;
	size_t len = d->buf->len, n;

	if (!v->lo.show_boilerplate)
		len -= d->hidden_len;
	/* pct percent of len, rounded up, without overflow. */
	n = len / 100 * (size_t)pct + (len % 100 * (size_t)pct + 99) / 100;
	if (n == 0)
		return 0;
	return v->lo.show_boilerplate ? n - 1 : doc_hidden_off(d, n - 1);
}

void
view_jump_percent(struct view *v, long pct)
{
	struct dline dl, pv;
	int i;

	if (pct >= 100) {
		view_end(v);
		return;
	}
	if (pct <= 0) {
		view_home(v);
		return;
	}
	/*
	 * The status line gives the percent of the screen's last line, as
	 * less does: the place goes to the bottom row, so that the status
	 * line then says pct.
	 */
	if (layout_line_at(v->layout, percent_last(v, pct), &dl) != 0) {
		view_home(v);
		return;
	}
	for (i = 1; i < v->rows && layout_prev(v->layout, &dl, &pv) == 0; i++)
		dl = pv;
	view_goto(v, dl.off);
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
