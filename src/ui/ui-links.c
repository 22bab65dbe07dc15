/*
 * ui-links.c - the links on the screen, in a box (L).
 *
 * When the box opens, the links of the format's hints (SPAN_LINK spans)
 * that are on the screen are gathered as indexes into the hints' spans,
 * in the order of the text, and numbered from 1.  The box shows two lines
 * a link, its number and text, then its URL, both made safe for the
 * terminal; one link is chosen.  Enter (or a link's number) copies the
 * chosen URL to the clipboard with the OSC 52 escape sequence, written to
 * the terminal between two screens, and shows it in the status line.  The
 * box keeps no pointer into the document but the view's, which outlives
 * it.
 */
#include "config.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/command.h"
#include "juan/hints.h"
#include "juan/util.h"
#include "ui/ui-int.h"

#define MAX_LINKS	99	/* links listed: numbers of two digits */

struct ui_links {
	size_t span[MAX_LINKS];	/* indexes into the hints' spans */
	size_t n;		/* links listed */
	size_t sel;		/* the chosen one, < n */
};

void
ui_links_open(struct ui *u)
{
	const struct doc *d = view_doc(u->v);
	const struct hints *h = d != NULL ? d->hints : NULL;
	size_t top = view_top(u->v), bottom = view_bottom(u->v);
	size_t lo = 0, hi, mid, i;
	struct ui_links *ls;

	ui_links_close(u);
	if (h == NULL || view_source(u->v)) {
		input_msg(&u->in, "%s", h == NULL ? _("No links in this text") :
		    _("No links in the source view (R renders it)"));
		return;
	}
	ls = xcalloc(1, sizeof *ls);
	hi = h->nspans;
	/* Spans are sorted by start; a link is short, so one that starts
	 * well above the screen does not reach it. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h->spans[mid].off + 4096 < top)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < h->nspans && h->spans[i].off < bottom &&
	    ls->n < MAX_LINKS; i++)
		if (h->spans[i].kind == SPAN_LINK && h->spans[i].end > top &&
		    h->spans[i].link < h->nlinks)
			ls->span[ls->n++] = i;
	if (ls->n == 0) {
		free(ls);
		input_msg(&u->in, "%s", _("No links on the screen"));
		return;
	}
	u->links = ls;
}

void
ui_links_close(struct ui *u)
{
	free(u->links);
	u->links = NULL;
}

/* Appends the base64 form of s[0..n) to b. */
static void
base64_add(struct sbuf *b, const unsigned char *s, size_t n)
{
	static const char dig[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char q[4];
	uint32_t v;
	size_t i;

	for (i = 0; i < n; i += 3) {
		v = (uint32_t)s[i] << 16;
		if (i + 1 < n)
			v |= (uint32_t)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		q[0] = dig[v >> 18 & 63];
		q[1] = dig[v >> 12 & 63];
		q[2] = i + 1 < n ? dig[v >> 6 & 63] : '=';
		q[3] = i + 2 < n ? dig[v & 63] : '=';
		sbuf_add(b, q, 4);
	}
}

/*
 * Copies the URL of the chosen link: OSC 52 to the clipboard ("c"), which
 * terminals and tmux (set-clipboard) take; the URL is shown too, for a
 * terminal that does not.
 */
static void
copy_chosen(struct ui *u)
{
	const struct hints *h = view_doc(u->v)->hints;
	const char *url = h->links[h->spans[u->links->span[u->links->sel]].link]
	    .url;
	struct sbuf b = SBUF_INIT, shown = SBUF_INIT;

	sbuf_adds(&b, "\033]52;c;");
	base64_add(&b, (const unsigned char *)url, strlen(url));
	sbuf_adds(&b, "\a");
	fwrite(b.s, 1, b.len, stdout);
	fflush(stdout);
	util_safe_add(&shown, url, strlen(url), 1);
	input_msg(&u->in, _("%s (copied)"), shown.s != NULL ? shown.s : "");
	sbuf_free(&b);
	sbuf_free(&shown);
	ui_links_close(u);
}

void
ui_links_key(struct ui *u, uint32_t key)
{
	struct ui_links *ls = u->links;

	if (key == 'j' || key == CMD_KEY_DOWN || key == CMD_CTRL('n')) {
		ls->sel = ls->sel + 1 < ls->n ? ls->sel + 1 : ls->sel;
	} else if (key == 'k' || key == CMD_KEY_UP || key == CMD_CTRL('p')) {
		ls->sel = ls->sel > 0 ? ls->sel - 1 : 0;
	} else if (key >= '1' && key <= '9' && key - '1' < ls->n) {
		ls->sel = key - '1';
		copy_chosen(u);
	} else if (key == '\n' || key == '\r' || key == CMD_KEY_ENTER) {
		copy_chosen(u);
	} else if (key != CMD_KEY_RESIZE && key != CMD_KEY_MOUSE)
		ui_links_close(u);
}

void
ui_links_draw(struct ui *u)
{
	const struct doc *d = view_doc(u->v);
	const struct hints *h = d->hints;
	const struct ui_links *ls = u->links;
	struct sbuf *b;
	const char **lines;
	size_t i, n = 0, first, room, k;
	char *text;

	/* The lines around the chosen link that fit the screen. */
	room = u->lines > 6 ? (size_t)(u->lines - 6) / 2 : 1;
	first = ls->sel >= room ? ls->sel + 1 - room : 0;
	b = xcalloc(2 * room + 4, sizeof *b);
	lines = xcalloc(2 * room + 4, sizeof *lines);
	sbuf_printf(&b[n++], _("Links on the screen (%zu)"), ls->n);
	sbuf_adds(&b[n++], "");
	for (i = first; i < ls->n && i < first + room; i++) {
		const struct hint_span *sp = &h->spans[ls->span[i]];
		const char *url = h->links[sp->link].url;

		hints_shown(h, d->buf->data, sp->off, sp->end, &text, NULL);
		sbuf_printf(&b[n], "%2zu ", i + 1);
		util_safe_add(&b[n++], text, strlen(text), 1);
		free(text);
		sbuf_adds(&b[n], "   ");
		util_safe_add(&b[n++], url, strlen(url), 1);
	}
	sbuf_adds(&b[n++], "");
	sbuf_adds(&b[n++], _("Enter, 1-9: copy the URL"));
	for (k = 0; k < n; k++)
		lines[k] = b[k].s != NULL ? b[k].s : "";
	ui_draw_box(u, lines, n, 2 + 2 * (ls->sel - first), 2);
	for (k = 0; k < n; k++)
		sbuf_free(&b[k]);
	free(b);
	free(lines);
}
