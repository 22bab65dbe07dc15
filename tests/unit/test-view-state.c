/*
 * test-view-state.c - positions, marks and history kept across runs: the
 * round trip, a changed file, atomic 0600 files and corrupt files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/view.h"
#include "view-int.h"
#include "tap.h"

static char dir[64], state[128], path[128];

static void
write_text(const char *s)
{
	FILE *fp = fopen(path, "w");

	fputs(s, fp);
	fclose(fp);
}

static struct buffer *
load(void)
{
	char *err = NULL;

	return buffer_load(path, NULL, 0, &err);
}

/* A text of n numbered lines, each different. */
static char *
lines(int from, int n)
{
	struct sbuf b = SBUF_INIT;
	int i;

	for (i = from; i < from + n; i++)
		sbuf_printf(&b, "line number %d here\n", i);
	return sbuf_take(&b);
}

static void
test_positions(void)
{
	struct buffer *b;
	struct doc *d;
	struct view *v;
	struct stat st;
	char *text = lines(0, 100), *more, *other, *warn = NULL, *p;
	size_t at;

	write_text(text);
	b = load();
	d = doc_new(b);
	v = view_new(d, NULL, 40, 10, 1);
	is_int(view_state_load(v, state, path, &warn), 0,
	    "nothing to restore the first time");
	ok(warn == NULL, "a missing state file is no warning");
	view_goto(v, buffer_line_start(b, 42));
	view_mark_set(v, 'q');
	view_goto(v, buffer_line_start(b, 50));
	is_int(view_state_save(v, state, path), 0, "the position is saved");
	p = xasprintf("%s/positions", state);
	memset(&st, 0, sizeof st);
	at = (size_t)stat(p, &st);
	ok(at == 0 && (st.st_mode & 0777) == 0600,
	    "the state file has mode 0600 (%o)", (unsigned)st.st_mode & 0777);
	view_free(v);

	v = view_new(d, NULL, 40, 10, 1);
	is_int(view_state_load(v, state, path, &warn), 1,
	    "reopening restores the position");
	is_int(v->top_off, buffer_line_start(b, 50), "... at the same line");
	view_mark_jump(v, 'q');
	is_int(v->top_off, buffer_line_start(b, 42), "... and the marks");
	view_free(v);
	doc_free(d);
	buffer_free(b);

	/* Ten lines are inserted at the top: the text moves down. */
	other = lines(1000, 10);
	more = xasprintf("%s%s", other, text);
	free(other);
	write_text(more);
	b = load();
	d = doc_new(b);
	v = view_new(d, NULL, 40, 10, 1);
	is_int(view_state_load(v, state, path, &warn), 1,
	    "a changed file still restores");
	is_int(v->top_off, buffer_line_start(b, 60), "... to the same text, moved");
	view_free(v);
	doc_free(d);
	buffer_free(b);

	/* A different text: the saved line is gone. */
	other = lines(5000, 100);
	write_text(other);
	free(other);
	b = load();
	d = doc_new(b);
	v = view_new(d, NULL, 40, 10, 1);
	is_int(view_state_load(v, state, path, &warn), 0,
	    "a replaced file does not land somewhere absurd");
	is_int(v->top_off, 0, "... it starts at the top");
	view_free(v);

	/* A corrupt state file is ignored with a warning, then replaced. */
	{
		FILE *fp = fopen(p, "w");

		fputs("juan-positions 1\nzz 12 nonsense\n", fp);
		fclose(fp);
	}
	v = view_new(d, NULL, 40, 10, 1);
	is_int(view_state_load(v, state, path, &warn), 0,
	    "a corrupt state file restores nothing");
	ok(warn != NULL && strstr(warn, "corrupt") != NULL,
	    "... and warns (%s)", warn ? warn : "none");
	free(warn);
	warn = NULL;
	view_goto(v, buffer_line_start(b, 7));
	is_int(view_state_save(v, state, path), 0, "saving replaces it");
	view_home(v);
	is_int(view_state_load(v, state, path, &warn), 1,
	    "... with a good file");
	ok(warn == NULL, "... that gives no warning");
	at = v->top_off;
	is_int(at, buffer_line_start(b, 7), "... and the right position");
	view_free(v);
	doc_free(d);
	buffer_free(b);
	at = strlen(state);
	ok(at > 0, "state dir %s", state);
	free(p);
	free(more);
	free(text);
}

/* Writes s as the history file p. */
static void
history_file(const char *p, const char *s)
{
	FILE *fp = fopen(p, "w");

	if (fp == NULL)
		return;
	fputs(s, fp);
	fclose(fp);
}

static void
test_history(void)
{
	struct view_history h = { NULL, 0, NULL }, h2 = { NULL, 0, NULL };
	char *warn = NULL, *p, line[64];
	struct stat st;
	FILE *fp;

	view_history_add(&h, state, "first", 0);
	view_history_add(&h, state, "two\nlines \\ slash", 0);
	view_history_add(&h, state, "first", 0);
	view_history_add(&h, state, "\\r[0-9]+", 1);
	view_history_load(&h2, state, &warn);
	is_int(h2.n, 3, "the history is read back");
	ok(h2.n == 3 && h2.flags[2] == VIEW_SEARCH_REGEX && !h2.flags[0] && !h2.flags[1] &&
	    strcmp(h2.items[2], "\\r[0-9]+") == 0,
	    "a regular expression comes back as one");
	view_history_add(&h, state, "\\r[0-9]+", 0);
	view_history_load(&h2, state, &warn);
	ok(h2.n == 3 && !h2.flags[2] && strcmp(h2.items[2], "\\r[0-9]+") ==
	    0, "... and the same pattern searched literally, as a literal");
	is_str(h2.n == 3 ? h2.items[0] : NULL, "two\nlines \\ slash",
	    "newlines and backslashes survive");
	is_str(h2.n == 3 ? h2.items[1] : NULL, "first",
	    "a repeated pattern moves to the end");
	p = xasprintf("%s/history", state);
	ok(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600,
	    "the history file has mode 0600");
	view_history_add(&h, state, "台湾", VIEW_SEARCH_NOVARIANTS);
	view_history_add(&h, state, "台.", VIEW_SEARCH_REGEX |
	    VIEW_SEARCH_NOVARIANTS);
	view_history_load(&h2, state, &warn);
	ok(h2.n == 5 && h2.flags[3] == VIEW_SEARCH_NOVARIANTS &&
	    h2.flags[4] == (VIEW_SEARCH_REGEX | VIEW_SEARCH_NOVARIANTS) &&
	    strcmp(h2.items[3], "台湾") == 0 && strcmp(h2.items[4], "台.") ==
	    0, "a search without variants comes back as one, regex or not");
	fp = fopen(p, "r");
	ok(fp != NULL && fgets(line, sizeof line, fp) != NULL &&
	    strcmp(line, "juan-history 3\n") == 0,
	    "the history is written as version 3");
	if (fp != NULL)
		fclose(fp);
	history_file(p, "juan-history 2\n\\r[0-9]\n");
	view_history_load(&h2, state, &warn);
	ok(h2.n == 1 && warn == NULL, "version 2 is read (%s)",
	    warn != NULL ? warn : "no warning");
	ok(h2.n == 1 && h2.flags[0] == VIEW_SEARCH_REGEX &&
	    strcmp(h2.items[0], "[0-9]") == 0,
	    "... its regular expressions as ones");
	history_file(p, "juan-history 2\nplain\n\\v\n");
	view_history_load(&h2, state, &warn);
	ok(h2.n == 0 && warn != NULL, "... and \\v, which it did not have, "
	    "is no flag there but a corrupt line");
	free(warn);
	warn = NULL;
	history_file(p, "juan-history 1\n\\rplain\n");
	view_history_load(&h2, state, &warn);
	ok(h2.n == 0 && warn != NULL, "version 1 had no flags either");
	free(warn);
	warn = NULL;
	history_file(p, "juan-history 1\none\ntwo\n");
	view_history_load(&h2, state, &warn);
	ok(h2.n == 2 && warn == NULL && !h2.flags[0] && !h2.flags[1] &&
	    strcmp(h2.items[1], "two") == 0, "version 1 is read");
	history_file(p, "juan-history 4\none\n");
	view_history_load(&h2, state, &warn);
	ok(h2.n == 0 && warn != NULL, "a later version is not guessed at");
	free(warn);
	warn = NULL;
	fp = fopen(p, "w");
	fputs("not a history\n", fp);
	fclose(fp);
	view_history_load(&h2, state, &warn);
	ok(h2.n == 0 && warn != NULL, "a corrupt history is ignored with a "
	    "warning");
	free(warn);
	free(p);
	view_history_free(&h);
	view_history_free(&h2);
}

static void
test_dir(void)
{
	char *d;

	setenv("XDG_STATE_HOME", "/x/state", 1);
	d = view_state_dir();
	is_str(d, "/x/state/juan", "XDG_STATE_HOME names the directory");
	free(d);
	unsetenv("XDG_STATE_HOME");
	setenv("HOME", "/home/u", 1);
	d = view_state_dir();
	is_str(d, "/home/u/.local/state/juan", "else ~/.local/state/juan");
	free(d);
}

int
main(void)
{
	int r;

	strcpy(dir, "/tmp/test-view-state.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 99;
	snprintf(state, sizeof state, "%s/state/juan", dir);
	snprintf(path, sizeof path, "%s/doc.txt", dir);
	test_positions();
	test_history();
	test_dir();
	r = done_testing();
	{
		char *cmd = xasprintf("rm -rf '%s'", dir);

		if (system(cmd) != 0)
			r = 1;
		free(cmd);
	}
	return r;
}
