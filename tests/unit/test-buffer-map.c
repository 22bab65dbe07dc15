/*
 * test-buffer-map.c - unit tests of files mapped by the text buffer: which
 * files are mapped, the zero after the last byte, and a file truncated
 * under a mapping (its SIGBUS caught, the rest read as zeros, the flag),
 * and the pages given back behind the passes (buffer_release).
 * Under valgrind, resuming after the handler needs precise registers:
 * valgrind --vex-iropt-register-updates=allregs-at-mem-access (without
 * it valgrind resumes the access with stale registers and crashes).
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "juan/util.h"
#include "tap.h"

static char dir[] = "/tmp/juan-map-XXXXXX";

/* Writes a file of exactly n bytes: lines of text, with extra in front. */
static char *
make(const char *name, size_t n, const char *extra, int crlf)
{
	static const char line[] = "第一行的文字 and some ASCII too.";
	char *path = xasprintf("%s/%s", dir, name), *s = xmalloc(n);
	size_t i = 0, k;
	FILE *fp;

	k = strlen(extra);
	memcpy(s, extra, k < n ? k : n);
	/* Whole lines while they fit, then dots: no character is cut. */
	for (i = k; i + sizeof line + 1 < n; ) {
		memcpy(s + i, line, sizeof line - 1);
		i += sizeof line - 1;
		if (crlf)
			s[i++] = '\r';
		s[i++] = '\n';
	}
	for (; i < n; i++)
		s[i] = '.';
	s[n - 1] = '\n';
	fp = fopen(path, "wb");
	fwrite(s, 1, n, fp);
	fclose(fp);
	free(s);
	return path;
}

static struct buffer *
load(const char *path)
{
	char *err = NULL;
	struct buffer *b = buffer_load(path, NULL, 0, &err);

	if (b == NULL)
		printf("# %s\n", err);
	free(err);
	return b;
}

/* The text is the file's bytes, and the zero after them is there. */
static void
test_mapped(void)
{
	size_t n = (size_t)2 << 20, i, nl = 0;
	char *p = make("aligned.txt", n, "", 0);
	struct buffer *b = load(p);

	ok(b != NULL && b->mapped, "a large UTF-8 file is mapped");
	if (b == NULL)
		return;
	is_int(b->len, n, "all of it");
	ok(b->data[b->len] == '\0', "a zero after its last byte, at a page end");
	for (i = 0; i < b->len; i++)
		nl += b->data[i] == '\n';
	is_int(b->nlines, nl, "its lines indexed");
	ok(buffer_line_start(b, 1) > 0 && b->data[buffer_line_start(b, 1) - 1]
	    == '\n', "a line starts after a newline");
	buffer_free(b);
	free(p);

	p = make("bom.txt", n + 5, "\xef\xbb\xbf", 0);
	b = load(p);
	ok(b != NULL && b->mapped && b->had_bom, "with a byte-order mark");
	if (b != NULL) {
		is_int(b->len, n + 2, "the mark is skipped");
		ok(memcmp(b->data, "第一", 6) == 0, "the text after it");
		ok(b->data[b->len] == '\0', "and the zero at the end");
		ok(b->head_len > 3 && memcmp(b->head, "\xef\xbb\xbf", 3) == 0,
		    "the head as read keeps the mark");
	}
	buffer_free(b);
	free(p);
}

/* What cannot be used as it lies is read and decoded as before. */
static void
test_not_mapped(void)
{
	size_t n = (size_t)1 << 21;
	char *p = make("crlf.txt", n, "", 1);
	struct buffer *b = load(p);

	ok(b != NULL && !b->mapped && memchr(b->data, '\r', b->len) == NULL,
	    "carriage returns: read, and made newlines");
	buffer_free(b);
	free(p);
	p = make("bad.txt", n, "\xff", 0);
	b = load(p);
	ok(b != NULL && !b->mapped && b->invalid == 1 &&
	    memcmp(b->data, "\xef\xbf\xbd", 3) == 0,
	    "an invalid byte: read, and replaced");
	buffer_free(b);
	free(p);
	p = make("small.txt", 1000, "", 0);
	b = load(p);
	ok(b != NULL && !b->mapped && b->len == 1000, "a small file is read");
	buffer_free(b);
	free(p);
}

/* A file truncated under its mapping reads as zeros past its new end. */
static void
test_truncated(void)
{
	size_t n = (size_t)3 << 20, i, zeros = 0, cut;
	char *p = make("cut.txt", n, "", 0);
	struct buffer *b = load(p);
	char first[64];
	volatile const char *d;

	ok(b != NULL && b->mapped, "mapped before the truncation");
	if (b == NULL || !b->mapped)
		return;
	memcpy(first, b->data, sizeof first);
	/* Cut at a line's start, so that what is left is whole. */
	cut = buffer_line_start(b, buffer_line_of(b, 10000));
	buffer_map_reset_truncated();
	ok(!buffer_map_truncated(), "no truncation yet");
	ok(truncate(p, (off_t)cut) == 0, "the file is truncated");
	d = b->data;
	/* Every byte past the new end is touched: no crash, zeros. */
	for (i = cut + 4096; i < b->len; i++)
		zeros += d[i] == '\0';
	is_int(zeros, b->len - cut - 4096, "the bytes past it read as zeros");
	ok(buffer_map_truncated(), "the truncation is recorded");
	ok(memcmp(b->data, first, sizeof first) == 0,
	    "the bytes before it stay");
	ok(b->data[b->len] == '\0', "the zero after the end stays");
	buffer_free(b);
	/* A new mapping after it works as before. */
	b = load(p);
	ok(b != NULL && b->len == cut, "the file as it is now");
	buffer_free(b);
	free(p);
}

/* Pages of files the process has resident, from /proc/self/statm. */
static long
file_pages(void)
{
	long size = 0, res = 0, shared = -1;
	FILE *fp = fopen("/proc/self/statm", "r");

	if (fp == NULL)
		return -1;
	if (fscanf(fp, "%ld %ld %ld", &size, &res, &shared) != 3)
		shared = -1;
	fclose(fp);
	return shared;
}

/* Sums the bytes of the text, touching every page. */
static unsigned long
sum(const struct buffer *b)
{
	unsigned long h = 0;
	size_t i;

	for (i = 0; i < b->len; i++)
		h = h * 31 + (unsigned char)b->data[i];
	return h;
}

/*
 * The pages of a mapped text are given back (buffer_release), and read
 * the same when they are mapped again; buffer_release_behind keeps one
 * step behind the pass; a buffer read into memory is left as it is.
 */
static void
test_release(void)
{
	size_t n = (size_t)3 * BUFFER_RELEASE_STEP + 12345, rel;
	long page = sysconf(_SC_PAGESIZE), pages = (long)n / page, before;
	long step = (long)BUFFER_RELEASE_STEP / page;
	char *p = make("release.txt", n, "", 0);
	struct buffer *b = load(p);
	unsigned long h;

	ok(b != NULL && b->mapped, "a file of several steps is mapped");
	if (b == NULL || !b->mapped)
		return;
	h = sum(b);
	before = file_pages();
	buffer_release(b, 0, b->len);
	ok(before >= 0 && before - file_pages() > pages * 9 / 10,
	    "buffer_release gives its pages back (%ld of %ld)",
	    before - file_pages(), pages);
	before = file_pages();
	is_int(sum(b), h, "and the text reads the same");
	ok(file_pages() - before > pages * 9 / 10,
	    "reading it all maps them again");
	before = file_pages();
	buffer_release(b, BUFFER_RELEASE_STEP, 2 * BUFFER_RELEASE_STEP);
	ok(before - file_pages() >= step - 1 && before - file_pages() <= step,
	    "a range gives back the pages inside it (%ld)",
	    before - file_pages());
	is_int(sum(b), h, "which read the same again");
	buffer_release(b, 5, 3);
	buffer_release(b, 0, b->len + 1);
	is_int(sum(b), h, "empty and out-of-range ranges are ignored");

	before = file_pages();
	rel = 0;
	buffer_release_behind(b, &rel, 2 * BUFFER_RELEASE_STEP - 1);
	ok(rel == 0 && before - file_pages() <= 1,
	    "behind: nothing before two steps");
	buffer_release_behind(b, &rel, 2 * BUFFER_RELEASE_STEP + 100);
	ok(rel == BUFFER_RELEASE_STEP + 100 && before - file_pages() >=
	    step - 1 && before - file_pages() <= step + 1,
	    "then all but the last step (%ld pages)", before - file_pages());
	before = file_pages();
	buffer_release_behind(b, &rel, 100);
	ok(rel == BUFFER_RELEASE_STEP + 100 && before - file_pages() <= 1,
	    "and nothing for a place before it");
	is_int(sum(b), h, "the text still reads the same");
	buffer_free(b);
	free(p);

	p = make("release-crlf.txt", n, "", 1);
	b = load(p);
	ok(b != NULL && !b->mapped, "a file read into memory");
	if (b != NULL) {
		h = sum(b);
		buffer_release(b, 0, b->len);
		is_int(sum(b), h, "is left as it is by buffer_release");
	}
	buffer_free(b);
	free(p);
}

/* A SIGBUS that is not a mapped file's still ends the program. */
static void
test_other_sigbus(void)
{
	int st = 0;
	pid_t pid = fork();

	if (pid == 0) {
		char *p = make("child.txt", (size_t)2 << 20, "", 0);
		struct buffer *b = load(p);

		buffer_free(b);
		free(p);
		raise(SIGBUS);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	ok(!WIFEXITED(st) || WEXITSTATUS(st) != 0,
	    "a SIGBUS raised elsewhere is not swallowed (status %d)", st);
}

int
main(void)
{
	char *cmd;

	if (mkdtemp(dir) == NULL)
		return 99;
	test_mapped();
	test_not_mapped();
	test_truncated();
	test_other_sigbus();
	test_release();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	free(cmd);
	return done_testing();
}
