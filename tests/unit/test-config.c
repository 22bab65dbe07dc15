/*
 * test-config.c - the settings file: every setting and its bad values, the
 * colours, comments and blanks, errors with file:line that leave the rest
 * read, hostile bytes in the errors, and the file's path and loading.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/config.h"
#include "tap.h"

/* Parses s[0..n) into *c (initialised first); the errors, owned. */
static char *
parse_n(struct config *c, const char *s, size_t n, int *nbad)
{
	struct sbuf e = SBUF_INIT;

	config_init(c);
	*nbad = config_parse(c, s, n, "cfg", &e);
	return e.s != NULL ? sbuf_take(&e) : xstrdup("");
}

static char *
parse(struct config *c, const char *s, int *nbad)
{
	return parse_n(c, s, strlen(s), nbad);
}

/* One setting's line and the field it must give (or CONFIG_UNSET). */
static const struct {
	const char *line;
	size_t field;
	int want;
} cases[] = {
	{ "pane-width = 40", offsetof(struct config, pane_pct), 40 },
	{ "pane-width=15", offsetof(struct config, pane_pct), 15 },
	{ "pane-width = 14", offsetof(struct config, pane_pct), CONFIG_UNSET },
	{ "pane-width = 61", offsetof(struct config, pane_pct), CONFIG_UNSET },
	{ "pane-width = 30%", offsetof(struct config, pane_pct), CONFIG_UNSET },
	{ "pane-width = -20", offsetof(struct config, pane_pct), CONFIG_UNSET },
	{ "pane = timeline", offsetof(struct config, pane), 1 },
	{ "pane = outline", offsetof(struct config, pane), 0 },
	{ "pane = hidden", offsetof(struct config, pane), 2 },
	{ "pane = results", offsetof(struct config, pane), CONFIG_UNSET },
	{ "timeline-order = text", offsetof(struct config, tl_by_date), 0 },
	{ "timeline-order = date", offsetof(struct config, tl_by_date), 1 },
	{ "timeline-order = Date", offsetof(struct config, tl_by_date),
	    CONFIG_UNSET },
	{ "max-width = 100", offsetof(struct config, max_width), 100 },
	{ "max-width = 0", offsetof(struct config, max_width), 0 },
	{ "max-width = none", offsetof(struct config, max_width), 0 },
	{ "max-width = 19", offsetof(struct config, max_width), CONFIG_UNSET },
	{ "max-width = 1001", offsetof(struct config, max_width),
	    CONFIG_UNSET },
	{ "max-width = 99999999999999999999", offsetof(struct config,
	    max_width), CONFIG_UNSET },
	{ "max-width =", offsetof(struct config, max_width), CONFIG_UNSET },
	{ "ambiwidth = 2", offsetof(struct config, ambiwidth), 2 },
	{ "ambiwidth = auto", offsetof(struct config, ambiwidth), 0 },
	{ "ambiwidth = 3", offsetof(struct config, ambiwidth), CONFIG_UNSET },
	{ "color = never", offsetof(struct config, colors), 0 },
	{ "color = auto", offsetof(struct config, colors), 1 },
	{ "color = sometimes", offsetof(struct config, colors), CONFIG_UNSET },
	{ "  max-width\t=\t80  # a comment", offsetof(struct config,
	    max_width), 80 },
	{ "# max-width = 80", offsetof(struct config, max_width),
	    CONFIG_UNSET },
	{ "max-width = 80#no blank before", offsetof(struct config,
	    max_width), CONFIG_UNSET },
	{ "max-width = 80\r", offsetof(struct config, max_width), 80 },
};

/* A colour line and the pair it must give. */
static const struct {
	const char *line;
	int k, fg, bg;
} colors[] = {
	{ "color-heading = red", CONFIG_COLOR_HEADING, 1, CONFIG_UNSET },
	{ "color-match = black on yellow", CONFIG_COLOR_MATCH, 0, 3 },
	{ "color-status = on blue", CONFIG_COLOR_STATUS, CONFIG_UNSET, 4 },
	{ "color-dim = 244", CONFIG_COLOR_DIM, 244, CONFIG_UNSET },
	{ "color-dim = bright-white on default", CONFIG_COLOR_DIM, 15, -1 },
	{ "color-current-match = 16  on  46", CONFIG_COLOR_CURMATCH, 16, 46 },
	{ "color-dim = 256", CONFIG_COLOR_DIM, CONFIG_UNSET, CONFIG_UNSET },
	{ "color-dim = red on", CONFIG_COLOR_DIM, CONFIG_UNSET, CONFIG_UNSET },
	{ "color-dim = red blue", CONFIG_COLOR_DIM, CONFIG_UNSET,
	    CONFIG_UNSET },
	{ "color-dim = red on blue on", CONFIG_COLOR_DIM, CONFIG_UNSET,
	    CONFIG_UNSET },
};

static void
test_settings(void)
{
	struct config c;
	char *e;
	size_t i;
	int bad, got;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		e = parse(&c, cases[i].line, &bad);
		got = *(int *)(void *)((char *)&c + cases[i].field);
		is_int(got, cases[i].want, "'%s' gives %d", cases[i].line,
		    cases[i].want);
		ok((bad == 1) == (cases[i].want == CONFIG_UNSET &&
		    cases[i].line[0] != '#'), "'%s': %d error(s)",
		    cases[i].line, bad);
		free(e);
	}
	for (i = 0; i < sizeof colors / sizeof colors[0]; i++) {
		e = parse(&c, colors[i].line, &bad);
		ok(c.color[colors[i].k].fg == colors[i].fg &&
		    c.color[colors[i].k].bg == colors[i].bg &&
		    bad == (colors[i].fg == CONFIG_UNSET &&
		    colors[i].bg == CONFIG_UNSET), "'%s' gives %d on %d",
		    colors[i].line, colors[i].fg, colors[i].bg);
		free(e);
	}
	is_str(config_color_name(CONFIG_COLOR_CURMATCH), "current-match",
	    "the colour parts have names");
}

static const char hostile[] = "\x1b]0;pwned\x07 = 1\n\xff\xfe = 2\n"
    "k\0ey = 3\npane-width = 20\n";

static void
test_errors(void)
{
	struct config c;
	char *e;
	int bad;

	e = parse(&c, "# juan\n\npane-width = 40\nwidht = 3\n"
	    "just words\nmax-width = 9\npane = timeline\n"
	    "pane-width = 50\n", &bad);
	is_int(bad, 3, "three bad lines of eight");
	is_int(c.pane_pct, 50, "a later line wins");
	is_int(c.pane, 1, "lines after an error are read");
	ok(strstr(e, "cfg:4: unknown setting 'widht'; ignored\n") != NULL,
	    "an unknown name is reported with file:line");
	ok(strstr(e, "cfg:5: not 'name = value': 'just words'") != NULL,
	    "a line without '=' is reported");
	ok(strstr(e, "cfg:6: bad value '9' (a number of columns") != NULL,
	    "a bad value says what it should be");
	free(e);

	/* Escapes, controls and bad UTF-8 in a name never reach stderr. */
	e = parse_n(&c, hostile, sizeof hostile - 1, &bad);
	is_int(bad, 3, "hostile lines are errors");
	ok(strchr(e, '\x1b') == NULL && strchr(e, '\x07') == NULL &&
	    strchr(e, '\xff') == NULL, "the errors carry no control and no "
	    "bad byte");
	ok(strstr(e, "cfg:3: a NUL byte") != NULL, "a NUL byte is a bad "
	    "line, not the end of the file");
	is_int(c.pane_pct, 20, "... and the line after it is read");
	free(e);

	e = parse(&c, "unknown-setting-with-a-very-long-name-that-goes-on-"
	    "and-on-and-on = 1", &bad);
	ok(strstr(e, "...'") != NULL && strlen(e) < 120,
	    "a long name is cut in the message");
	free(e);

	e = parse(&c, "pane = outline", &bad);
	is_int(bad, 0, "a last line without a newline is read");
	is_int(c.pane, 0, "... and set");
	free(e);
}

static void
test_files(void)
{
	char dir[] = "/tmp/test-config.XXXXXX", *p;
	struct sbuf e = SBUF_INIT;
	struct config c;
	FILE *fp;
	char path[128];

	ok(mkdtemp(dir) != NULL, "a temporary directory");
	setenv("XDG_CONFIG_HOME", dir, 1);
	p = config_path();
	snprintf(path, sizeof path, "%s/juan/config", dir);
	is_str(p, path, "XDG_CONFIG_HOME/juan/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/someone", 1);
	p = config_path();
	is_str(p, "/home/someone/.config/juan/config", "a relative "
	    "XDG_CONFIG_HOME is not used: ~/.config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "", 1);
	ok(config_path() == NULL, "no home, no settings");

	config_init(&c);
	is_int(config_load(&c, path, &e), 1, "a missing file is no error");
	ok(e.len == 0, "... and says nothing");
	snprintf(path, sizeof path, "%s/juan", dir);
	mkdir(path, 0700);
	is_int(config_load(&c, path, &e), -1, "a directory cannot be read");
	ok(e.len > 0, "... and says so");
	sbuf_reset(&e);
	snprintf(path, sizeof path, "%s/juan/config", dir);
	fp = fopen(path, "w");
	fputs("max-width = 72\nbad\n", fp);
	fclose(fp);
	is_int(config_load(&c, path, &e), 0, "a file is read");
	is_int(c.max_width, 72, "... its settings set");
	ok(e.s != NULL && strstr(e.s, "/juan/config:2: not") != NULL,
	    "... its errors named by path and line");
	unlink(path);
	snprintf(path, sizeof path, "%s/juan", dir);
	rmdir(path);
	rmdir(dir);
	sbuf_free(&e);
}

int
main(void)
{
	test_settings();
	test_errors();
	test_files();
	return done_testing();
}
