/*
 * ui-hist.c - the timeline's histogram at the top of the timeline pane.
 *
 * Three rows: one of bars, a bin every cw columns (the widest of 1 to 3
 * that fits), each in eight heights of the block characters ▁ to █ over
 * the largest bin (a bin with any entry has at least the lowest); below
 * it the axis, the first bin's label at the left and the last one's at
 * the right, the middle one's between when there is room; then the
 * period selected and its count.  The period in view is drawn in reverse
 * video, so it reads without colours; while the histogram has the focus
 * the selected bin is the reversed one and the period in view is
 * underlined.  A terminal that draws East Asian Ambiguous characters two
 * columns wide (the block characters are such) gets ASCII bars instead.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "juan/chrono.h"
#include "juan/util.h"
#include "ui/ui-int.h"

static const wchar_t bars_utf8[] = L" \x2581\x2582\x2583\x2584\x2585\x2586"
    L"\x2587\x2588";
static const wchar_t bars_ascii[] = L" .:-=+*#%";

/* Puts the character c at y, x in attr. */
static void
put(int y, int x, wchar_t c, attr_t attr)
{
	cchar_t cc;
	wchar_t wc[2] = { c, L'\0' };

	if (setcchar(&cc, wc, attr, 0, NULL) == OK)
		mvadd_wch(y, x, &cc);
}

/* Puts the ASCII string s at y, x, in at most n columns. */
static void
put_ascii(int y, int x, const char *s, int n, attr_t attr)
{
	for (; *s != '\0' && n > 0; s++, n--)
		put(y, x++, (wchar_t)(unsigned char)*s, attr);
}

/*
 * Puts the UTF-8 string s (a message, perhaps translated) at y, x in at
 * most n columns, a wide character taking two.
 */
static void
put_text(int y, int x, const char *s, int n, attr_t attr)
{
	size_t i = 0, len = strlen(s);
	uint32_t c;
	int w;

	while (i < len) {
		i += (size_t)util_u8_next(s + i, len - i, &c);
		if ((w = wcwidth((wchar_t)c)) < 1 || w > n)
			break;
		put(y, x, (wchar_t)c, attr);
		x += w;
		n -= w;
	}
}

void
ui_hist_draw(struct ui *u, int y)
{
	struct view *v = u->v;
	const struct chrono_hist *h;
	const wchar_t *bars = u->ascii_sep ? bars_ascii : bars_utf8;
	char lab[32], info[64], last[32];
	int w = u->pane_w - 2, cw, x, k, lvl, focus;
	ssize_t in_view;
	size_t i, cur;
	attr_t a;

	if (w < 1 || (h = view_hist(v, (size_t)w)) == NULL || h->nbins == 0)
		return;
	focus = view_focus(v) == VIEW_FOCUS_HIST;
	if (!focus)
		view_hist_follow(v);
	in_view = view_hist_in_view(v);
	cur = view_hist_cur(v);
	cw = w / (int)h->nbins;
	if (cw > 3)
		cw = 3;
	if (cw < 1)
		cw = 1;
	for (i = 0; i < h->nbins; i++) {
		lvl = h->count[i] == 0 ? 0 :
		    (int)((h->count[i] * 8 + h->max - 1) / h->max);
		a = A_NORMAL;
		if (focus ? i == cur : (ssize_t)i == in_view)
			a = A_REVERSE;
		else if (focus && (ssize_t)i == in_view)
			a = A_UNDERLINE;
		for (k = 0; k < cw; k++)
			put(y, 1 + (int)i * cw + k, bars[lvl], a);
	}
	/* The axis: the first and the last bins' labels, the middle one's. */
	chrono_hist_label(h, 0, lab, sizeof lab);
	put_ascii(y + 1, 1, lab, w, A_DIM);
	x = 1 + (int)strlen(lab) + 1;
	chrono_hist_label(h, h->nbins - 1, last, sizeof last);
	k = 1 + (int)h->nbins * cw - (int)strlen(last);
	if (h->nbins > 1 && k >= x) {
		i = h->nbins / 2;
		chrono_hist_label(h, i, lab, sizeof lab);
		if (1 + (int)i * cw >= x && 1 + (int)i * cw + (int)strlen(lab) <
		    k) {
			put_ascii(y + 1, 1 + (int)i * cw, lab, w, A_DIM);
		}
		put_ascii(y + 1, k, last, w, A_DIM);
	}
	chrono_hist_label(h, cur, lab, sizeof lab);
	if (focus || in_view >= 0)
		snprintf(info, sizeof info, focus ? "%s: %zu" :
		    _("%s: %zu in view"), lab, h->count[cur]);
	else
		snprintf(info, sizeof info, P_("%zu date", "%zu dates",
		    h->total), h->total);
	put_text(y + 2, 1, info, w, focus ? A_BOLD : A_NORMAL);
}
