/*
 * config.c - the reader's settings file: key = value lines, parsed.
 *
 * The file is read whole (at most CONFIG_FILE_MAX bytes) and cut into
 * lines; each line is trimmed, a comment dropped, and split at its first
 * '=' into a name and a value, both trimmed.  The name is looked up in
 * one table (settings[]), whose row gives the parser of the value and
 * the field of struct config it sets; the colour names "color-PART" are
 * a second table (color_names[]).  Nothing is kept of the text: the
 * struct holds numbers only, every field CONFIG_UNSET until a line sets
 * it.  A line that fails leaves the struct as it was and adds one line to
 * the errors, in which the file's own bytes are made valid UTF-8 and
 * terminal-safe (util_safe_add), and cut to NAME_SHOWN characters.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "juan/config.h"
#include "juan/util.h"

#define CONFIG_FILE_MAX	((size_t)1 << 20)	/* bytes of settings */
#define NAME_SHOWN	40	/* characters of a bad name or value shown */

/* A value parser: sets *out and returns 0, or returns -1. */
typedef int (*parse_fn)(const char *s, int *out);

struct word {
	const char *name;
	int value;
};

/* Looks s up in words (NULL-ended). */
static int
parse_word(const struct word *words, const char *s, int *out)
{
	for (; words->name != NULL; words++)
		if (strcmp(words->name, s) == 0) {
			*out = words->value;
			return 0;
		}
	return -1;
}

/* A decimal number from lo to hi, nothing else on the line. */
static int
parse_num(const char *s, int lo, int hi, int *out)
{
	long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < lo || n > hi)
		return -1;
	*out = (int)n;
	return 0;
}

static int
parse_pane_pct(const char *s, int *out)
{
	return parse_num(s, 15, 60, out);
}

static int
parse_pane(const char *s, int *out)
{
	static const struct word w[] = { { "outline", 0 },
	    { "timeline", 1 }, { "hidden", 2 }, { "none", 2 }, { NULL, 0 } };

	return parse_word(w, s, out);
}

static int
parse_order(const char *s, int *out)
{
	static const struct word w[] = { { "date", 1 }, { "text", 0 },
	    { "position", 0 }, { NULL, 0 } };

	return parse_word(w, s, out);
}

static int
parse_max_width(const char *s, int *out)
{
	static const struct word w[] = { { "none", 0 }, { "off", 0 },
	    { NULL, 0 } };

	if (parse_word(w, s, out) == 0)
		return 0;
	if (parse_num(s, 0, CONFIG_MAX_WIDTH_MAX, out) < 0)
		return -1;
	return *out == 0 || *out >= CONFIG_MAX_WIDTH_MIN ? 0 : -1;
}

static int
parse_ambiwidth(const char *s, int *out)
{
	static const struct word w[] = { { "1", 1 }, { "2", 2 },
	    { "auto", 0 }, { NULL, 0 } };

	return parse_word(w, s, out);
}

static int
parse_colors(const char *s, int *out)
{
	static const struct word w[] = { { "auto", 1 }, { "yes", 1 },
	    { "on", 1 }, { "never", 0 }, { "no", 0 }, { "off", 0 },
	    { NULL, 0 } };

	return parse_word(w, s, out);
}

/* The settings: name, what the value may be, the parser, the field. */
static const struct setting {
	const char *name;
	const char *want;		/* for the error message */
	parse_fn parse;
	size_t field;			/* offsetof(struct config, ...) */
} settings[] = {
	{ "pane-width", "a percentage from 15 to 60", parse_pane_pct,
	    offsetof(struct config, pane_pct) },
	{ "pane", "outline, timeline or hidden", parse_pane,
	    offsetof(struct config, pane) },
	{ "timeline-order", "date or text", parse_order,
	    offsetof(struct config, tl_by_date) },
	{ "max-width", "a number of columns from 20 to 1000, or 0 for none",
	    parse_max_width, offsetof(struct config, max_width) },
	{ "ambiwidth", "1, 2 or auto", parse_ambiwidth,
	    offsetof(struct config, ambiwidth) },
	{ "color", "auto or never", parse_colors,
	    offsetof(struct config, colors) },
};

static const char *const color_names[CONFIG_COLOR_N] = {
	[CONFIG_COLOR_HEADING] = "heading",
	[CONFIG_COLOR_TITLE] = "title",
	[CONFIG_COLOR_CAPTION] = "caption",
	[CONFIG_COLOR_FIGURE] = "figure",
	[CONFIG_COLOR_MATCH] = "match",
	[CONFIG_COLOR_CURMATCH] = "current-match",
	[CONFIG_COLOR_DATE] = "date",
	[CONFIG_COLOR_JUMP] = "jump",
	[CONFIG_COLOR_CONTROL] = "control",
	[CONFIG_COLOR_STATUS] = "status",
	[CONFIG_COLOR_PANEHEAD] = "pane-header",
	[CONFIG_COLOR_DIM] = "dim",
};

const char *
config_color_name(enum config_color k)
{
	return (unsigned)k < CONFIG_COLOR_N ? color_names[k] : "";
}

void
config_init(struct config *c)
{
	int k;

	c->pane_pct = c->pane = c->tl_by_date = CONFIG_UNSET;
	c->max_width = c->ambiwidth = c->colors = CONFIG_UNSET;
	for (k = 0; k < CONFIG_COLOR_N; k++)
		c->color[k].fg = c->color[k].bg = CONFIG_UNSET;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* One colour: a name of the eight, "default", or a number 0..255. */
static int
parse_one_color(const char *s, int *out)
{
	static const struct word w[] = { { "default", -1 }, { "black", 0 },
	    { "red", 1 }, { "green", 2 }, { "yellow", 3 }, { "blue", 4 },
	    { "magenta", 5 }, { "cyan", 6 }, { "white", 7 },
	    { "bright-black", 8 }, { "gray", 8 }, { "grey", 8 },
	    { "bright-red", 9 }, { "bright-green", 10 },
	    { "bright-yellow", 11 }, { "bright-blue", 12 },
	    { "bright-magenta", 13 }, { "bright-cyan", 14 },
	    { "bright-white", 15 }, { NULL, 0 } };

	if (parse_word(w, s, out) == 0)
		return 0;
	return parse_num(s, 0, 255, out);
}

/* "FG", "on BG" or "FG on BG", read from a copy of value. */
static int
parse_pair(const char *value, struct config_pair *p)
{
	char buf[64], *w[3], *s = buf;
	int n = 0, fg = CONFIG_UNSET, bg = CONFIG_UNSET;

	if (strlen(value) >= sizeof buf)
		return -1;
	strcpy(buf, value);
	for (;;) {
		while (is_blank(*s))
			s++;
		if (*s == '\0')
			break;
		if (n == 3)
			return -1;
		w[n++] = s;
		while (*s != '\0' && !is_blank(*s))
			s++;
		if (*s != '\0')
			*s++ = '\0';
	}
	if (n == 1 && parse_one_color(w[0], &fg) == 0)
		;
	else if (n == 2 && strcmp(w[0], "on") == 0 &&
	    parse_one_color(w[1], &bg) == 0)
		;
	else if (n != 3 || strcmp(w[1], "on") != 0 ||
	    parse_one_color(w[0], &fg) < 0 || parse_one_color(w[2], &bg) < 0)
		return -1;
	p->fg = fg;
	p->bg = bg;
	return 0;
}

/* Appends s[0..n) to b as valid, terminal-safe UTF-8, cut short. */
static void
add_shown(struct sbuf *b, const char *s, size_t n)
{
	struct sbuf u = SBUF_INIT;
	uint8_t enc[4];
	uint32_t c;
	size_t i = 0, chars = 0;
	int k, m;

	while (i < n && chars < NAME_SHOWN) {
		k = util_u8_next(s + i, n - i, &c);
		i += (size_t)k;
		/* A NUL is shown as the replacement character. */
		if (c == 0)
			c = 0xFFFD;
		if ((m = u8_uctomb(enc, c, (int)sizeof enc)) > 0)
			sbuf_add(&u, (const char *)enc, (size_t)m);
		chars++;
	}
	if (u.len > 0)
		util_safe_add(b, u.s, u.len, 1);
	if (i < n)
		sbuf_adds(b, "...");
	sbuf_free(&u);
}

static void
report(struct sbuf *errs, const char *name, size_t line, const char *what,
    const char *s, size_t n, const char *tail)
{
	add_shown(errs, name, strlen(name));
	sbuf_printf(errs, ":%zu: %s", line, what);
	if (s != NULL) {
		sbuf_adds(errs, " '");
		add_shown(errs, s, n);
		sbuf_adds(errs, "'");
	}
	if (tail != NULL)
		sbuf_printf(errs, " (%s)", tail);
	sbuf_adds(errs, "; ignored\n");
}

/* Trims s[0..*n) in place: returns its start, *n its new length. */
static char *
trim(char *s, size_t *n)
{
	while (*n > 0 && is_blank(s[0])) {
		s++;
		(*n)--;
	}
	while (*n > 0 && is_blank(s[*n - 1]))
		(*n)--;
	return s;
}

/* Sets what the line s (NUL-ended, trimmed, no comment) says. */
static int
parse_line(struct config *c, char *s, size_t n, const char *name,
    size_t line, struct sbuf *errs)
{
	char *eq = memchr(s, '=', n), *key, *val;
	size_t kn, vn, i;
	int v;

	if (memchr(s, '\0', n) != NULL) {
		report(errs, name, line, "a NUL byte in the line", NULL, 0,
		    NULL);
		return 1;
	}
	if (eq == NULL) {
		report(errs, name, line, "not 'name = value':", s, n, NULL);
		return 1;
	}
	kn = (size_t)(eq - s);
	key = trim(s, &kn);
	vn = n - (size_t)(eq + 1 - s);
	val = trim(eq + 1, &vn);
	key[kn] = '\0';
	val[vn] = '\0';
	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		if (strcmp(settings[i].name, key) != 0)
			continue;
		if (settings[i].parse(val, &v) < 0) {
			report(errs, name, line, "bad value", val, vn,
			    settings[i].want);
			return 1;
		}
		*(int *)(void *)((char *)c + settings[i].field) = v;
		return 0;
	}
	if (strncmp(key, "color-", 6) == 0)
		for (i = 0; i < CONFIG_COLOR_N; i++) {
			if (strcmp(color_names[i], key + 6) != 0)
				continue;
			if (parse_pair(val, &c->color[i]) < 0) {
				report(errs, name, line, "bad colour", val,
				    vn, "a colour name or 0 to 255, "
				    "or FG on BG");
				return 1;
			}
			return 0;
		}
	report(errs, name, line, "unknown setting", key, kn, NULL);
	return 1;
}

int
config_parse(struct config *c, const char *text, size_t len,
    const char *name, struct sbuf *errs)
{
	char *copy = xmalloc(len + 1), *s, *nl, *hash;
	size_t at = 0, n, line = 0;
	int bad = 0;

	memcpy(copy, text, len);
	copy[len] = '\0';
	while (at < len) {
		line++;
		s = copy + at;
		nl = memchr(s, '\n', len - at);
		n = nl != NULL ? (size_t)(nl - s) : len - at;
		at += n + 1;
		/* A comment starts a line or follows a blank. */
		for (hash = s; (hash = memchr(hash, '#', n - (size_t)(hash -
		    s))) != NULL; hash++)
			if (hash == s || is_blank(hash[-1]))
				break;
		if (hash != NULL)
			n = (size_t)(hash - s);
		s = trim(s, &n);
		if (n == 0)
			continue;
		s[n] = '\0';
		bad += parse_line(c, s, n, name, line, errs);
	}
	free(copy);
	return bad;
}

char *
config_path(void)
{
	const char *x = getenv("XDG_CONFIG_HOME"), *home;

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/juan/config", x);
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/.config/juan/config", home);
}

int
config_load(struct config *c, const char *path, struct sbuf *errs)
{
	FILE *fp = fopen(path, "rb");
	char *data;
	size_t n;
	int e;

	if (fp == NULL) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		e = errno;
		add_shown(errs, path, strlen(path));
		sbuf_printf(errs, ": %s; ignored\n", strerror(e));
		return -1;
	}
	data = xmalloc(CONFIG_FILE_MAX + 1);
	n = fread(data, 1, CONFIG_FILE_MAX + 1, fp);
	e = ferror(fp) ? errno : 0;
	fclose(fp);
	if (e != 0 || n > CONFIG_FILE_MAX) {
		add_shown(errs, path, strlen(path));
		sbuf_printf(errs, ": %s; ignored\n", e != 0 ? strerror(e) :
		    "over 1 MiB, not a settings file");
		free(data);
		return -1;
	}
	config_parse(c, data, n, path, errs);
	free(data);
	return 0;
}
