/*
 * ui-conf.c - the settings the reader applies: the settings file's pane
 * and colours, and the measure of the text column.
 *
 * The settings come parsed (config.h, through app_opts.config, with the
 * command line already merged in by main.c); what is CONFIG_UNSET keeps
 * the reader's default.  The measure is the widest the text column may
 * be (u->max_w, from --max-width, the file's max-width or 100), kept
 * while u->measure_on: on a wider text pane the column is centred in it,
 * as e-book readers set a page, and the margins are blank.  Colours are
 * the pairs of ui-int.h, set again after ui_init_colors from the file's
 * color-PART lines, in the same order as enum config_color.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>

#include "juan/config.h"
#include "ui/ui-int.h"

void
ui_conf_start(struct ui *u)
{
	const struct config *c = u->o->config;

	u->max_w = u->o->max_width > 0 ? u->o->max_width : APP_MAX_WIDTH;
	u->measure_on = u->o->max_width != 0;
	if (c == NULL)
		return;
	if (c->pane_pct != CONFIG_UNSET)
		view_set_pane_pct(u->v, c->pane_pct);
	if (c->pane == 2)
		view_set_pane_hidden(u->v, 1);
	else if (c->pane != CONFIG_UNSET)
		view_set_pane(u->v, c->pane == 1 ? VIEW_PANE_TIMELINE :
		    VIEW_PANE_OUTLINE);
	if (c->tl_by_date != CONFIG_UNSET &&
	    !c->tl_by_date != !view_tl_by_date(u->v))
		view_toggle_tl_order(u->v);
	if (u->o->config_warn != NULL)
		input_msg(&u->in, _("warning: %s"), u->o->config_warn);
}

void
ui_conf_colors(struct ui *u)
{
	/* The pair of each part, in the order of enum config_color. */
	static const short pairs[CONFIG_COLOR_N] = {
		C_HEADING, C_TITLE, C_CAPTION, C_FIGURE, C_MATCH, C_CURMATCH,
		C_ENTRY, C_JUMP, C_CTL, C_STATUS, C_PANEHEAD, C_DIM
	};
	const struct config *c = u->o->config;
	short fg, bg;
	int k;

	if (c == NULL || !u->color)
		return;
	if (c->colors == 0) {
		u->color = 0;
		return;
	}
	for (k = 0; k < CONFIG_COLOR_N; k++) {
		if (c->color[k].fg == CONFIG_UNSET &&
		    c->color[k].bg == CONFIG_UNSET)
			continue;
		if (pair_content(pairs[k], &fg, &bg) != OK)
			continue;
		if (c->color[k].fg != CONFIG_UNSET && c->color[k].fg < COLORS)
			fg = (short)c->color[k].fg;
		if (c->color[k].bg != CONFIG_UNSET && c->color[k].bg < COLORS)
			bg = (short)c->color[k].bg;
		init_pair(pairs[k], fg, bg);
	}
}

void
ui_conf_measure(struct ui *u)
{
	int spare = u->text_w - u->max_w;

	if (!u->measure_on || u->max_w <= 0 || spare <= 0)
		return;
	u->text_x += spare / 2;
	u->text_w = u->max_w;
}

void
ui_conf_toggle(struct ui *u)
{
	u->measure_on = !u->measure_on;
	if (u->measure_on)
		input_msg(&u->in, _("Text column at most %d columns (w: the "
		    "whole width)"), u->max_w);
	else
		input_msg(&u->in, _("Text column at the whole width (w: at "
		    "most %d columns)"), u->max_w);
}
