/*
 * convert-dump.c - prints what the HTML and EPUB converters make.
 *
 * A developer's tool until the format stage is wired into juan: it
 * answers the few command lines of juan that tools/corpus-score runs,
 * in the shapes juan prints them, from the converter's text and hints:
 *     convert-dump --outline --json FILE   title, site, date, sections
 *                                          (the table of contents, else
 *                                          the headings)
 *     convert-dump --dump FILE             the text without boilerplate
 *     convert-dump --timeline --json FILE  an empty timeline
 *     convert-dump [--boiler] FILE         every block with its kind
 * FILE is an EPUB when its name ends in .epub, else an HTML page.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "juan/convert.h"
#include "juan/util.h"

static const char *const kinds[] = {
	"paragraph", "title", "heading", "figure", "caption", "item", "code",
	"quote", "row", "rule", "boiler"
};

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	struct sbuf b = SBUF_INIT;
	char tmp[65536];
	size_t k;

	if (fp == NULL)
		return NULL;
	while ((k = fread(tmp, 1, sizeof tmp, fp)) > 0)
		sbuf_add(&b, tmp, k);
	fclose(fp);
	*n = b.len;
	return sbuf_take(&b);
}

static size_t
line_of(const char *text, size_t off)
{
	size_t i, line = 1;

	for (i = 0; i < off; i++)
		line += text[i] == '\n';
	return line;
}

static void
json_str(struct sbuf *o, const char *s)
{
	if (s == NULL)
		sbuf_adds(o, "null");
	else
		util_json_add(o, s, strlen(s));
}

static void
outline(struct sbuf *o, const char *text, const struct hints *h)
{
	size_t i, k = 0;
	char *t;

	sbuf_adds(o, "{\"title\": ");
	json_str(o, h->title);
	sbuf_adds(o, ", \"site\": ");
	json_str(o, h->site);
	sbuf_adds(o, ", \"encoding\": \"UTF-8\", \"date\": ");
	if (h->year != 0)
		sbuf_printf(o, "\"%04d-%02d-%02d\"", h->year, h->month,
		    h->day);
	else
		sbuf_adds(o, "null");
	sbuf_adds(o, ", \"sections\": [");
	for (i = 0; i < h->ntoc; i++, k++) {
		sbuf_printf(o, "%s\n  {\"level\": %d, \"title\": ",
		    k ? "," : "", h->toc[i].level);
		json_str(o, h->toc[i].text);
		sbuf_printf(o, ", \"line\": %zu}", line_of(text,
		    h->toc[i].off));
	}
	for (i = 0; h->ntoc == 0 && i < h->nblocks; i++) {
		if (h->blocks[i].kind != HINT_HEADING)
			continue;
		t = xstrndup(text + h->blocks[i].off, h->blocks[i].end -
		    h->blocks[i].off);
		sbuf_printf(o, "%s\n  {\"level\": %d, \"title\": ",
		    k++ ? "," : "", h->blocks[i].level);
		json_str(o, t);
		sbuf_printf(o, ", \"line\": %zu}", line_of(text,
		    h->blocks[i].off));
		free(t);
	}
	sbuf_adds(o, "\n]}\n");
}

int
main(int argc, char **argv)
{
	int i, mode = 0, boiler = 0;
	const char *path = NULL;
	char *bytes, *text, *err = NULL;
	size_t n, len, b;
	struct hints *h;
	struct sbuf o = SBUF_INIT;
	int rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--outline") == 0)
			mode = 'o';
		else if (strcmp(argv[i], "--dump") == 0)
			mode = 'd';
		else if (strcmp(argv[i], "--timeline") == 0)
			mode = 't';
		else if (strcmp(argv[i], "--boiler") == 0)
			boiler = 1;
		else if (argv[i][0] != '-')
			path = argv[i];
	}
	if (path == NULL || (bytes = slurp(path, &n)) == NULL) {
		fprintf(stderr, "usage: convert-dump [--outline --json|"
		    "--dump|--boiler] FILE\n");
		return 2;
	}
	len = strlen(path);
	if (len > 5 && strcmp(path + len - 5, ".epub") == 0)
		rc = convert_epub(bytes, n, path, &text, &len, &h, &err);
	else
		rc = convert_html(bytes, n, NULL, path, &text, &len, &h, &err);
	free(bytes);
	if (rc != 0) {
		fprintf(stderr, "convert-dump: %s\n", err);
		free(err);
		return 1;
	}
	if (mode == 'o') {
		outline(&o, text, h);
	} else if (mode == 't') {
		sbuf_adds(&o, "{\"entries\": []}\n");
	} else {
		for (b = 0; b < h->nblocks; b++) {
			const struct hint_block *k = &h->blocks[b];

			if (mode == 'd' && k->kind == HINT_BOILERPLATE &&
			    !boiler)
				continue;
			if (mode != 'd')
				sbuf_printf(&o, "[%s %d] ", kinds[k->kind],
				    k->level);
			util_safe_add(&o, text + k->off, k->end - k->off, 0);
			sbuf_adds(&o, "\n\n");
		}
	}
	fwrite(o.s, 1, o.len, stdout);
	sbuf_free(&o);
	free(text);
	hints_free(h);
	return 0;
}
