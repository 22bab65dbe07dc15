/*
 * main.c - the command line: options, loading, and the choice of mode.
 *
 * main() parses the options into struct app_opts (parse_args), opens the
 * input as a source (source.h: a file, standard input when it is not a
 * terminal, or the built-in guide), and hands it to one of the
 * non-interactive outputs (out.h), or hands its description to the reader
 * (ui/ui.h), which loads it in stages.  Only main.c and the interface end the program.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "guide.h"
#include "juan/buffer.h"
#include "juan/chrono.h"
#include "juan/doc.h"
#include "juan/format.h"
#include "juan/source.h"
#include "juan/util.h"
#include "out.h"
#include "ui/ui.h"

enum {
	OPT_JSON = 256,
	OPT_SORT,
	OPT_AMBIWIDTH,
	OPT_REGEX,
	OPT_RAW,
	OPT_NO_VARIANTS,
	OPT_INPUT_FORMAT,
	OPT_BINARY,
	OPT_MAX_WIDTH,
	OPT_CSV,
	OPT_FROM,
	OPT_TO
};

static const struct option longopts[] = {
	{ "outline", no_argument, NULL, 'o' },
	{ "timeline", no_argument, NULL, 't' },
	{ "search", required_argument, NULL, 's' },
	{ "dump", no_argument, NULL, 'd' },
	{ "width", required_argument, NULL, 'w' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "regex", no_argument, NULL, OPT_REGEX },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "no-variants", no_argument, NULL, OPT_NO_VARIANTS },
	{ "encoding", required_argument, NULL, 'e' },
	{ "input-format", required_argument, NULL, OPT_INPUT_FORMAT },
	{ "binary", no_argument, NULL, OPT_BINARY },
	{ "ambiwidth", required_argument, NULL, OPT_AMBIWIDTH },
	{ "max-width", required_argument, NULL, OPT_MAX_WIDTH },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	/*
	 * In pieces, so that a translator has a paragraph at a time; the
	 * option names stay as they are in every language.
	 */
	fputs(_("Usage: juan [OPTION]... [FILE]\n"
"Read FILE, a long plain-text or Markdown document (Chinese and other CJK\n"
"text above all), with its outline and timeline beside the text.\n"
"With no FILE, read standard input when it is not a terminal, else open\n"
"the built-in guide.  When standard output is not a terminal and no mode\n"
"is given, print the text as --dump does.\n"), fp);
	fputs("\n", fp);
	fputs(_("Modes:\n"
"  -o, --outline           print the title and the section tree, and exit\n"
"  -t, --timeline          print the dated mentions, and exit\n"
"      --sort=WHEN         with --timeline: 'position' (document order,\n"
"                            the default) or 'date' (chronological)\n"
"      --csv               with --timeline: comma-separated values\n"
"      --from=DATE         with --timeline: only the dates from DATE on\n"
"      --to=DATE           ... and up to the end of DATE (2016, 2016-04,\n"
"                            2016-04-19, 2016\xe5\xb9\xb4""4\xe6\x9c\x88, 198X, BC221)\n"
"  -s, --search=PATTERN    print each match as LINE:COLUMN: CONTEXT, and\n"
"                            exit (status 1 when nothing matches)\n"
"      --regex             PATTERN is a regular expression (PCRE2)\n"
"      --no-variants       simplified, traditional and other variants of a\n"
"                            Han character differ (by default \xe5\x8f\xb0\xe6\xb9\xbe\n"
"                            finds \xe5\x8f\xb0\xe7\x81\xa3 and \xe8\x87\xba\xe7\x81\xa3)\n"
"  -d, --dump              print the text wrapped as the reader shows it\n"
"  -w, --width=N           width for --dump (default: the terminal's, or 80)\n"
"      --raw               with --dump: print Markdown as its source, not\n"
"                            rendered\n"
"      --json              JSON output for --outline, --timeline, --search\n"
), fp);
	fputs("\n", fp);
	fputs(_("Input and display:\n"
"  -e, --encoding=NAME     decode the input from NAME (any iconv encoding)\n"
"                            instead of detecting it (UTF-8, UTF-16, UTF-32,\n"
"                            GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR...)\n"
"      --input-format=FORMAT  read the input as 'text', 'markdown', 'html'\n"
"                            or 'epub' instead of recognising it\n"
"      --binary            show a file that looks binary as text anyway\n"
"      --ambiwidth=1|2|auto  columns of East Asian Ambiguous characters\n"
"                            such as \xe2\x80\x9c \xe2\x80\x9d \xe2\x80\x94 \xe2\x80\xa6 (default: auto, asking the terminal)\n"
"      --max-width=N       in the reader, keep the text column at most N\n"
"                            columns wide, centred (default 100; 0: the\n"
"                            whole width; w switches)\n"
), fp);
	fputs("\n", fp);
	fputs(_("  -h, --help              show this help and exit\n"
"  -V, --version           show the version and exit\n"
), fp);
	fputs("\n", fp);
	fputs(_(
"Exit status: 0 success, 1 the input could not be read (or --search found\n"
"nothing), 2 bad usage.  See juan(1) for the keys of the reader and for\n"
"the settings file, $XDG_CONFIG_HOME/juan/config.  The reader's messages\n"
"and this help are in the locale's language (LANGUAGE, LC_MESSAGES, LANG:\n"
"zh_CN is Chinese), English by default.\n"), fp);
}

static int bad_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Prints a usage error in the GNU form and returns exit status 2. */
static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("juan: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\n", stderr);
	fputs(_("Try 'juan --help' for more information.\n"), stderr);
	return 2;
}

/* Switches to a UTF-8 locale when the environment's is not one. */
static void
ensure_utf8_locale(void)
{
	static const char *const fallbacks[] = { "C.UTF-8", "C.utf8",
	    "en_US.UTF-8" };
	const char *cs;
	size_t i;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0))
		return;
	for (i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL) {
			if (isatty(STDOUT_FILENO))
				fprintf(stderr, _("juan: the locale is not "
				    "UTF-8; using %s\n"), fallbacks[i]);
			return;
		}
	}
}

/*
 * Binds the message catalogue: from LOCALEDIR, or for the tests from
 * JUAN_TEST_LOCALEDIR (a locale tree in the build directory, so that
 * make check reads the catalogue it has just built, not one installed).
 * Messages are UTF-8 whatever the locale's codeset, as all juan writes.
 * LC_MESSAGES follows the environment (ensure_utf8_locale changes only
 * LC_CTYPE), so LANGUAGE, LC_ALL, LC_MESSAGES and LANG choose as usual.
 */
static void
init_messages(void)
{
#ifdef ENABLE_NLS
	const char *dir = getenv("JUAN_TEST_LOCALEDIR");

	bindtextdomain(PACKAGE, dir != NULL && *dir != '\0' ? dir :
	    LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
}

/*
 * Tells whether standard input carries a document: a pipe, a file or a
 * socket.  A terminal does not, nor does a device such as /dev/null, so
 * that "juan </dev/null" opens the guide as "juan" does.
 */
static int
stdin_has_input(void)
{
	struct stat st;

	if (isatty(STDIN_FILENO) || fstat(STDIN_FILENO, &st) < 0)
		return 0;
	return S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode) ||
	    S_ISSOCK(st.st_mode);
}

/*
 * The file name as messages and the status line show it: invalid UTF-8
 * repaired and every control made visible, so that a name carrying escape
 * sequences or bidi controls cannot act on the terminal.  The string lives
 * to the end of the program.
 */
static const char *
display_name(const char *path)
{
	static char *shown;	/* kept reachable until exit */
	struct sbuf b = SBUF_INIT;
	struct buffer *nb;
	char *err = NULL;

	nb = buffer_from_mem(path, strlen(path), "UTF-8", &err);
	free(err);
	if (nb == NULL)
		return "?";
	util_safe_add(&b, nb->data, nb->len, 1);
	buffer_free(nb);
	free(shown);
	shown = sbuf_take(&b);
	return shown;
}

/*
 * Reads the settings file into c and fills in what the command line left
 * unset in o (the command line wins).  Each error in the file is a
 * warning on standard error, and the first is kept for the reader's
 * status line; the file never stops juan.
 */
static void
load_config(struct app_opts *o, struct config *c)
{
	static char *first;	/* kept reachable until exit */
	struct sbuf errs = SBUF_INIT;
	char *path = config_path(), *nl;
	const char *s;

	config_init(c);
	if (path != NULL)
		(void)config_load(c, path, &errs);
	free(path);
	for (s = errs.s; s != NULL && *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		fprintf(stderr, _("juan: warning: %.*s\n"), (int)(nl - s), s);
		if (first == NULL)
			first = xstrndup(s, (size_t)(nl - s));
	}
	sbuf_free(&errs);
	o->config = c;
	o->config_warn = first;
	if (o->ambiwidth < 0)
		o->ambiwidth = c->ambiwidth != CONFIG_UNSET ? c->ambiwidth : 0;
	if (o->max_width < 0)
		o->max_width = c->max_width != CONFIG_UNSET ? c->max_width :
		    APP_MAX_WIDTH;
}

/* Flushes standard output and turns a write error into exit status 1. */
static int
finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			fprintf(stderr, _("juan: write error: %s\n"),
			    strerror(errno));
		return status == 0 ? 1 : status;
	}
	return status;
}

/*
 * Parses the command line into o.  Returns -1 to go on, else the exit
 * status (after --help, --version or a usage error).
 */
static int
parse_args(int argc, char **argv, struct app_opts *o)
{
	char *end;
	int c, modes = 0;
	long n;

	memset(o, 0, sizeof *o);
	o->mode = MODE_READ;
	o->input_format = -1;
	o->ambiwidth = -1;
	o->max_width = -1;
	while ((c = getopt_long(argc, argv, "ots:dw:e:hV", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'o':
			o->mode = MODE_OUTLINE;
			modes++;
			break;
		case 't':
			o->mode = MODE_TIMELINE;
			modes++;
			break;
		case 's':
			o->mode = MODE_SEARCH;
			o->pattern = optarg;
			modes++;
			break;
		case 'd':
			o->mode = MODE_DUMP;
			modes++;
			break;
		case 'w':
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    n < 1 || n > 100000)
				return bad_usage(_("invalid width '%s' (a "
				    "number of columns from 1 to 100000)"),
				    optarg);
			o->width = (int)n;
			break;
		case OPT_JSON:
			o->json = 1;
			break;
		case OPT_SORT:
			if (strcmp(optarg, "date") == 0)
				o->sort_date = 1;
			else if (strcmp(optarg, "position") == 0)
				o->sort_date = 0;
			else
				return bad_usage(_("invalid --sort '%s' (use "
				    "'date' or 'position')"), optarg);
			break;
		case OPT_CSV:
			o->csv = 1;
			break;
		case OPT_FROM:
		case OPT_TO: {
			long a, z;

			if (chrono_parse(optarg, &a, &z) < 0)
				return bad_usage(_("invalid --%s '%s' (a date: "
				    "2016, 2016-04, 2016-04-19, 198X, BC221)"),
				    c == OPT_FROM ? "from" : "to", optarg);
			if (c == OPT_FROM) {
				o->have_from = 1;
				o->from_key = a;
			} else {
				o->have_to = 1;
				o->to_key = z;
			}
			break;
		}
		case OPT_REGEX:
			o->regex = 1;
			break;
		case OPT_RAW:
			o->raw = 1;
			break;
		case OPT_NO_VARIANTS:
			o->novariants = 1;
			break;
		case 'e':
			o->encoding = optarg;
			break;
		case OPT_INPUT_FORMAT: {
			enum format_kind k;

			if (format_parse(optarg, &k) < 0)
				return bad_usage(_("invalid --input-format '%s'"
				    " (use text, markdown, html or epub)"),
				    optarg);
			o->input_format = (int)k;
			break;
		}
		case OPT_BINARY:
			o->binary = 1;
			break;
		case OPT_AMBIWIDTH:
			if (strcmp(optarg, "1") == 0)
				o->ambiwidth = 1;
			else if (strcmp(optarg, "2") == 0)
				o->ambiwidth = 2;
			else if (strcmp(optarg, "auto") == 0)
				o->ambiwidth = 0;
			else
				return bad_usage(_("invalid --ambiwidth '%s' "
				    "(use 1, 2 or auto)"), optarg);
			break;
		case OPT_MAX_WIDTH:
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || end == optarg ||
			    (n != 0 && (n < CONFIG_MAX_WIDTH_MIN ||
			    n > CONFIG_MAX_WIDTH_MAX)))
				return bad_usage(_("invalid --max-width '%s' "
				    "(a number of columns from %d to %d, or 0 "
				    "for the whole width)"), optarg,
				    CONFIG_MAX_WIDTH_MIN, CONFIG_MAX_WIDTH_MAX);
			o->max_width = (int)n;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("juan %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fputs(_("Try 'juan --help' for more information.\n"),
			    stderr);
			return 2;
		}
	}
	if (modes > 1)
		return bad_usage("%s", _("give at most one of --outline, "
		    "--timeline, --search and --dump"));
	if (argc - optind > 1)
		return bad_usage("%s", _("too many files (juan reads one)"));
	if (o->json && o->mode != MODE_OUTLINE && o->mode != MODE_TIMELINE &&
	    o->mode != MODE_SEARCH)
		return bad_usage("%s", _("--json goes with --outline, "
		    "--timeline or --search"));
	if ((o->csv || o->have_from || o->have_to) &&
	    o->mode != MODE_TIMELINE)
		return bad_usage("%s", _("--csv, --from and --to go with "
		    "--timeline"));
	if (o->csv && o->json)
		return bad_usage("%s", _("give one of --csv and --json"));
	if (o->mode == MODE_SEARCH && o->pattern[0] == '\0')
		return bad_usage("%s", _("the search pattern is empty"));

	if (optind < argc)
		o->file = argv[optind];
	else if (stdin_has_input())
		o->file = "-";
	else
		o->is_guide = 1;
	o->name = o->file == NULL ? "guide" :
	    strcmp(o->file, "-") == 0 ? _("(standard input)") :
	    display_name(o->file);

	/* A file's kind is known before it is read; a pipe's after. */
	o->format = o->input_format >= 0 ? o->input_format :
	    o->file != NULL && strcmp(o->file, "-") != 0 ?
	    (int)format_detect_path(o->file) : FORMAT_TEXT;

	if (o->mode == MODE_READ) {
		const char *term = getenv("TERM");

		if (!isatty(STDOUT_FILENO) || term == NULL ||
		    strcmp(term, "dumb") == 0)
			o->mode = MODE_DUMP;
	}

	return -1;
}

int
main(int argc, char **argv)
{
	static struct config cfg;
	struct app_opts o;
	struct source_opts so;
	struct source *src;
	const struct doc *d;
	char *err = NULL;
	int status;

	ensure_utf8_locale();
	init_messages();
	if ((status = parse_args(argc, argv, &o)) >= 0)
		return status;
	load_config(&o, &cfg);

	source_opts_init(&so);
	so.path = o.file;
	so.mem = guide_text;
	so.mem_len = guide_len;
	so.encoding = o.encoding;
	so.pipe_limit = APP_PIPE_LIMIT;
	/* Standard input's kind is known from its bytes, once read. */
	so.format = o.input_format >= 0 || o.is_guide ||
	    strcmp(o.file, "-") != 0 ? o.format : -1;
	so.raw = o.raw;
	/*
	 * The reader loads a long text in the background behind previews
	 * of its beginning and end, so that the first screen does not wait
	 * for hundreds of megabytes to be read and indexed, and reads
	 * standard input in the background too, so that a slow or endless
	 * pipe leaves the keys working (q quits).
	 */
	if (o.mode == MODE_READ) {
		so.background = 1;
		return ui_run(&so, &o);
	}
	/*
	 * --search needs only the text: it skips the structure pass, which
	 * costs more than the search itself on a large document.
	 */
	so.need = o.mode == MODE_SEARCH ? SOURCE_NEED_TEXT : SOURCE_NEED_DOC;
	if ((src = source_open(&so, &err)) == NULL) {
		fprintf(stderr, "juan: %s: %s\n", o.name, err);
		free(err);
		return 1;
	}
	d = source_doc(src);
	o.format = source_format(src);
	/*
	 * A binary file is refused here, as less asks before it shows one;
	 * the reader asks for itself.  An EPUB is a zip, binary by nature,
	 * and was read by its converter.
	 */
	if (d->buf->binary && !o.binary && o.format == FORMAT_TEXT) {
		fprintf(stderr, _("juan: %s: binary file (see it anyway with "
		    "--binary)\n"), o.name);
		source_free(src);
		return 1;
	}
	switch (o.mode) {
	case MODE_OUTLINE:
		status = out_outline(d, &o, stdout);
		break;
	case MODE_TIMELINE:
		status = out_timeline(d, &o, stdout);
		break;
	case MODE_SEARCH:
		status = out_search(d, &o, stdout);
		break;
	default:
		status = out_dump(d, &o, stdout);
		break;
	}
	source_free(src);
	return finish(status);
}
