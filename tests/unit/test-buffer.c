/* test-buffer.c - unit tests of the text buffer: encodings and line ends. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

#include "buffer-int.h"
#include "juan/buffer.h"
#include "juan/util.h"
#include "tap.h"

static struct buffer *
mem(const char *s, size_t n, const char *enc)
{
	char *err = NULL;
	struct buffer *b = buffer_from_mem(s, n, enc, &err);

	free(err);
	return b;
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	s = malloc((size_t)len + 1);
	*n = fread(s, 1, (size_t)len, fp);
	fclose(fp);
	return s;
}

static void
test_utf8(void)
{
	struct buffer *b;

	b = mem("abc\n汉字\n", 11, NULL);
	is_str(b->encoding, "UTF-8", "plain UTF-8 is detected");
	is_int(b->nlines, 2, "two lines");
	is_int(b->len, 11, "no bytes lost");
	is_int(b->had_bom, 0, "no BOM");
	buffer_free(b);

	b = mem("\xef\xbb\xbf汉字", 9, NULL);
	is_str(b->data, "汉字", "a UTF-8 BOM is dropped");
	is_int(b->had_bom, 1, "the BOM is recorded");
	buffer_free(b);

	b = mem("", 0, NULL);
	is_int(b->len, 0, "an empty input is an empty buffer");
	is_int(b->nlines, 0, "with no lines");
	buffer_free(b);

	b = mem("a\0b\x01\x1b[31m\n", 9, NULL);
	is_int(b->len, 9, "NUL and control bytes are kept");
	ok(memcmp(b->data, "a\0b\x01\x1b[31m\n", 9) == 0, "as they are");
	buffer_free(b);
}

static void
test_invalid(void)
{
	struct buffer *b;

	/* Lone continuation byte, truncated sequence, overlong form: this
	 * is not GB18030 either (0x80 alone is invalid there). */
	b = mem("ok\x80x\xe6\xb1y\xc0\xaf", 10, NULL);
	is_str(b->data, "ok\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbdy"
	    "\xef\xbf\xbd\xef\xbf\xbd", "invalid sequences become U+FFFD");
	ok(b->invalid > 0, "and are counted");
	is_str(b->encoding, "UTF-8", "still read as UTF-8");
	buffer_free(b);
}

static void
test_line_ends(void)
{
	struct buffer *b;

	b = mem("a\r\nb\rc\n\r\nd", 10, NULL);
	is_str(b->data, "a\nb\nc\n\nd", "CRLF and CR become LF");
	is_int(b->nlines, 5, "five lines");
	is_int(buffer_line_start(b, 4), 7, "line index after conversion");
	is_int(buffer_line_of(b, 0), 1, "line of offset 0");
	is_int(buffer_line_of(b, 2), 2, "line of offset 2");
	is_int(buffer_line_of(b, 7), 5, "line of the last byte");
	is_int(buffer_line_end(b, 1), 1, "end of line 1");
	is_int(buffer_line_end(b, 4), 6, "end of the empty line 4");
	is_int(buffer_line_end(b, 5), 8, "end of the last line");
	{
		size_t off, from, bad = 0;

		/* Every hint, right or wrong, gives the bisected answer. */
		for (off = 0; off <= b->len; off++)
			for (from = 0; from <= b->nlines + 2; from++)
				if (buffer_line_from(b, off, from) !=
				    buffer_line_of(b, off))
					bad++;
		is_int(bad, 0, "buffer_line_from agrees for every hint");
	}
	buffer_free(b);

	b = mem("x\n", 2, NULL);
	is_int(b->nlines, 1, "a final newline ends the last line");
	buffer_free(b);
}

static void
test_utf16(void)
{
	static const char le[] = "\xff\xfe" "a\0\x49\x6c\n\0";
	static const char be[] = "\xfe\xff" "\0a\x6c\x49\0\n";
	struct buffer *b;

	b = mem(le, 8, NULL);
	is_str(b->encoding, "UTF-16LE", "UTF-16LE with BOM is detected");
	is_str(b->data, "a汉\n", "and decoded");
	buffer_free(b);
	b = mem(be, 8, NULL);
	is_str(b->encoding, "UTF-16BE", "UTF-16BE with BOM is detected");
	is_str(b->data, "a汉\n", "and decoded");
	buffer_free(b);
	/* An unpaired surrogate in UTF-16 becomes U+FFFD, the rest stays. */
	b = mem("\xff\xfe" "a\0\x00\xd8" "b\0", 8, NULL);
	ok(strstr(b->data, "\xef\xbf\xbd") != NULL && b->data[0] == 'a' &&
	    b->data[b->len - 1] == 'b', "a bad UTF-16 unit becomes U+FFFD");
	buffer_free(b);
}

static void
test_gb18030(void)
{
	char path[4096], *gb, *u8;
	size_t ngb, nu8;
	struct buffer *a, *b;
	const char *top = getenv("top_srcdir");

	snprintf(path, sizeof path,
	    "%s/tests/samples/encoding-chronicle.gb18030.txt", top ? top : ".");
	gb = slurp(path, &ngb);
	snprintf(path, sizeof path, "%s/tests/samples/encoding-chronicle.txt",
	    top ? top : ".");
	u8 = slurp(path, &nu8);
	ok(gb != NULL && u8 != NULL, "samples found");
	if (gb == NULL || u8 == NULL)
		return;
	a = mem(gb, ngb, NULL);
	b = mem(u8, nu8, NULL);
	is_str(a->encoding, "GB18030", "GB18030 is detected");
	ok(a->len == b->len && memcmp(a->data, b->data, a->len) == 0,
	    "and decodes to the same text as the UTF-8 copy");
	is_int(a->invalid, 0, "without replacement");
	buffer_free(a);
	a = mem(gb, ngb, "GBK");
	ok(a->len == b->len && memcmp(a->data, b->data, a->len) == 0,
	    "--encoding=GBK decodes it too");
	is_str(a->encoding, "GBK", "and names it");
	buffer_free(a);
	buffer_free(b);
	free(gb);
	free(u8);
}

static void
test_forced(void)
{
	char *err = NULL;
	struct buffer *b;

	b = buffer_from_mem("caf\xe9", 4, "ISO-8859-1", &err);
	is_str(b ? b->data : NULL, "café", "a forced Latin-1 decodes");
	buffer_free(b);
	b = buffer_from_mem("x", 1, "NO-SUCH-ENCODING", &err);
	ok(b == NULL, "an unknown encoding fails");
	is_str(err, "unknown encoding 'NO-SUCH-ENCODING'", "with a message");
	free(err);
	err = NULL;
	b = buffer_from_mem("x", 1, "NO\x1b[31m\xe2\x80\xae\xff", &err);
	is_str(err, "unknown encoding 'NO^[[31m<U+202E>\xef\xbf\xbd'",
	    "whose name is shown safely");
	free(err);
	err = NULL;
	b = buffer_from_mem("x", 1, "UTF-16LE//\x1b", &err);
	is_str(b ? b->encoding : err, "UTF-16LE//^[",
	    "an encoding name iconv takes is kept safe too");
	buffer_free(b);
	b = buffer_from_mem("\xe6\xb1\x89\xff", 4, "UTF-8", &err);
	is_str(b ? b->data : NULL, "汉\xef\xbf\xbd",
	    "forced UTF-8 still replaces invalid bytes");
	buffer_free(b);
}

static void
test_files(void)
{
	char *err = NULL;
	struct buffer *b;
	char dir[] = "/tmp/juan-test-XXXXXX", path[256];
	FILE *fp;

	b = buffer_load("/nonexistent/juan/file", NULL, 0, &err);
	ok(b == NULL, "a missing file fails");
	is_str(err, strerror(ENOENT), "with ENOENT's message");
	free(err);
	err = NULL;
	b = buffer_load("/", NULL, 0, &err);
	ok(b == NULL, "a directory fails");
	is_str(err, strerror(EISDIR), "with EISDIR's message");
	free(err);
	err = NULL;
	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/f", dir);
	fp = fopen(path, "w");
	fputs("line\r\n", fp);
	fclose(fp);
	b = buffer_load(path, NULL, 0, &err);
	is_str(b ? b->data : NULL, "line\n", "a file is read");
	is_str(b ? b->name : NULL, path, "and named");
	buffer_free(b);
	if (geteuid() != 0) {
		chmod(path, 0);
		b = buffer_load(path, NULL, 0, &err);
		ok(b == NULL && err != NULL, "an unreadable file fails");
		free(err);
		err = NULL;
	}
	b = buffer_load(path, NULL, 3, &err);
	is_str(b ? b->data : NULL, "line\n",
	    "the stream limit does not apply to a regular file");
	buffer_free(b);
	unlink(path);
	rmdir(dir);
}

static void
test_long_line(void)
{
	size_t n = 50u << 20, i;
	char *s = malloc(n);
	struct buffer *b;

	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, "汉", 3);
	for (; i < n; i++)
		s[i] = 'x';
	b = mem(s, n, NULL);
	is_int(b->nlines, 1, "a 50 MB line is one line");
	is_int(b->len, n, "all of it");
	buffer_free(b);
	free(s);
}

/* Starts a child that writes n bytes of 'x' to a new pipe, in pieces of
 * step bytes; returns the read end. */
static int
pipe_from_child(size_t n, size_t step, pid_t *pid)
{
	char chunk[4096];
	int fds[2];
	size_t k;

	memset(chunk, 'x', sizeof chunk);
	if (pipe(fds) < 0)
		return -1;
	if ((*pid = fork()) == 0) {
		close(fds[0]);
		while (n > 0) {
			k = n < step ? n : step;
			if (k > sizeof chunk)
				k = sizeof chunk;
			if (write(fds[1], chunk, k) < 0)
				_exit(0);
			n -= k;
		}
		_exit(0);
	}
	close(fds[1]);
	return fds[0];
}

static void
test_limits(void)
{
	char *err = NULL;
	struct buffer *b;
	pid_t pid;
	int fd;

	/* A pipe of exactly the limit is read; one byte more is not. */
	fd = pipe_from_child(100000, 4096, &pid);
	b = buffer_load_fd(fd, "-", NULL, 100000, &err);
	ok(b != NULL && b->len == 100000, "a pipe up to the limit is read");
	buffer_free(b);
	close(fd);
	waitpid(pid, NULL, 0);
	fd = pipe_from_child(100001, 4096, &pid);
	b = buffer_load_fd(fd, "-", NULL, 100000, &err);
	ok(b == NULL, "a pipe over the limit is refused");
	is_str(err, "input too large (over 100000 bytes)", "with a message");
	free(err);
	err = NULL;
	close(fd);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);

	/* An endless device named by path is bounded too. */
	b = buffer_load("/dev/zero", NULL, 1 << 20, &err);
	ok(b == NULL, "/dev/zero is refused at the limit");
	is_str(err, "input too large (over 1048576 bytes)", "with a message");
	free(err);
	err = NULL;

	/* A slow, non-blocking pipe is waited for, not busy-looped on. */
	fd = pipe_from_child(30000, 7, &pid);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	b = buffer_load_fd(fd, "-", NULL, 0, &err);
	ok(b != NULL && b->len == 30000,
	    "a slow non-blocking pipe is read whole");
	buffer_free(b);
	close(fd);
	waitpid(pid, NULL, 0);
}

static void
test_fifo(void)
{
	char dir[] = "/tmp/juan-test-XXXXXX", path[256], *err = NULL;
	struct buffer *b;
	pid_t pid;
	int fd;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/fifo", dir);
	if (mkfifo(path, 0600) < 0) {
		ok(0, "mkfifo: %s", strerror(errno));
		rmdir(dir);
		return;
	}
	if ((pid = fork()) == 0) {
		fd = open(path, O_WRONLY);
		if (write(fd, "\xe6\xb1\x89\r\n", 5) < 0)
			_exit(1);
		_exit(0);
	}
	b = buffer_load(path, NULL, 0, &err);
	is_str(b ? b->data : err, "\xe6\xb1\x89\n", "a FIFO named by path is read");
	buffer_free(b);
	waitpid(pid, NULL, 0);
	unlink(path);
	rmdir(dir);
}

/*
 * A file truncated and rewritten, again and again, while it is loaded:
 * each load must give a buffer (some prefix of one of the versions), and
 * nothing may crash, since the file is read and never mapped.
 */
static void
test_truncated_while_loading(void)
{
	char dir[] = "/tmp/juan-test-XXXXXX", path[256], *err = NULL;
	size_t n = 4u << 20, i, good = 0;
	char *s;
	struct buffer *b;
	pid_t pid;
	int fd, k;

	if (mkdtemp(dir) == NULL)
		return;
	snprintf(path, sizeof path, "%s/f", dir);
	s = malloc(n);
	for (i = 0; i + 4 <= n; i += 4)
		memcpy(s + i, i % 64 == 60 ? "\xe6\xb1\x89\n" : "abc ", 4);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (write(fd, s, n) < 0)
		ok(0, "write");
	close(fd);
	if ((pid = fork()) == 0) {
		for (;;) {
			fd = open(path, O_WRONLY);
			if (ftruncate(fd, 1000) < 0 ||
			    ftruncate(fd, 0) < 0 ||
			    pwrite(fd, s, n, 0) < 0)
				_exit(1);
			close(fd);
		}
	}
	for (k = 0; k < 40; k++) {
		b = buffer_load(path, NULL, 0, &err);
		if (b != NULL && b->len <= n &&
		    u8_check((const uint8_t *)b->data, b->len) == NULL)
			good++;
		free(err);
		err = NULL;
		buffer_free(b);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	is_int(good, 40, "a file truncated while it loads is read each time");
	free(s);
	unlink(path);
	rmdir(dir);
}

/* The UTF-8 check against libunistring's, on edge cases and noise. */
static void
test_validation(void)
{
	static const struct {
		const char *s;
		int valid;
	} cases[] = {
		{ "\xc2\x80", 1 }, { "\xc1\xbf", 0 }, { "\xdf\xbf", 1 },
		{ "\xe0\xa0\x80", 1 }, { "\xe0\x9f\xbf", 0 },
		{ "\xe1\x80\x80", 1 }, { "\xec\xbf\xbf", 1 },
		{ "\xed\x9f\xbf", 1 }, { "\xed\xa0\x80", 0 },
		{ "\xee\x80\x80", 1 }, { "\xef\xbf\xbf", 1 },
		{ "\xef\xbf\x7f", 0 }, { "\xe6\xb1", 0 },
		{ "\xf0\x90\x80\x80", 1 }, { "\xf0\x8f\xbf\xbf", 0 },
		{ "\xf4\x8f\xbf\xbf", 1 }, { "\xf4\x90\x80\x80", 0 },
		{ "\xf5\x80\x80\x80", 0 }, { "\xff", 0 }, { "\x80", 0 },
		{ "\xf0\x9f\x98", 0 },
	};
	char pre[80], *err = NULL;
	struct buffer *b;
	size_t i, k, n, bad = 0, changed = 0;
	unsigned seed = 12345;
	unsigned char r[64];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		/* Put each case after a run of ideographs and ASCII, so that
		 * it is met inside the fast loops too. */
		n = (size_t)snprintf(pre, sizeof pre, "abcdefghijklmnopq"
		    "\xe6\xb1\x89\xe5\xad\x97%sz", cases[i].s);
		b = buffer_from_mem(pre, n, "UTF-8", &err);
		ok(b != NULL && (b->invalid == 0) == cases[i].valid &&
		    (cases[i].valid ? b->len == n : 1) &&
		    u8_check((const uint8_t *)b->data, b->len) == NULL,
		    "UTF-8 case %zu is %s", i, cases[i].valid ? "valid" :
		    "invalid");
		buffer_free(b);
	}
	/* Random bytes biased to UTF-8 lead and continuation bytes: the
	 * output is always valid, and valid input is kept unchanged. */
	for (k = 0; k < 20000; k++) {
		n = 1 + (seed = seed * 1103515245 + 12345) % sizeof r;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			r[i] = (unsigned char)((seed >> 16) % 3 == 0 ?
			    0x80 + (seed >> 8) % 64 : (seed >> 16) % 3 == 1 ?
			    0xc0 + (seed >> 8) % 64 : 0x20 + (seed >> 8) % 96);
		}
		b = buffer_from_mem((char *)r, n, "UTF-8", &err);
		if (u8_check((const uint8_t *)b->data, b->len) != NULL)
			bad++;
		if (u8_check(r, n) == NULL && memchr(r, '\r', n) == NULL &&
		    (b->len != n || memcmp(b->data, r, n) != 0))
			changed++;
		buffer_free(b);
	}
	is_int(bad, 0, "decoding random bytes always gives valid UTF-8");
	is_int(changed, 0, "and keeps valid input as it is");
}

/*
 * The load's vector pass (buffer-scan.c) against libunistring's check and
 * a byte loop: every class of sequence, valid and not, at every position
 * of two 32-byte vectors after ASCII or ideographs, and cut by the end at
 * every position; with newlines and carriage returns counted.
 */
static void
test_scan(void)
{
	static const char *const seqs[] = {
		"a", "\n", "\r", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80",
		"\xe6\xb1\x89", "\xed\x9f\xbf", "\xee\x80\x80",
		"\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf0\x9f\x98\x80",
		"\xf3\xbf\xbf\xbf", "\xf4\x8f\xbf\xbf",
		/* Stray continuations, too long, overlong forms. */
		"\x80", "\xbf", "\xc2\x80\x80", "\xe6\xb1\x89\x89",
		"\xf0\x9f\x98\x80\x80", "\xc0\x80", "\xc1\xbf",
		"\xe0\x80\x80", "\xe0\x9f\xbf", "\xf0\x80\x80\x80",
		"\xf0\x8f\xbf\xbf",
		/* Surrogates, past U+10FFFF, bytes never in UTF-8. */
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xf4\x90\x80\x80",
		"\xf4\xbf\xbf\xbf", "\xf5\x80\x80\x80",
		"\xf7\xbf\xbf\xbf", "\xf8\x88\x80\x80\x80", "\xfe", "\xff",
		/* Cut short, by ASCII or another lead byte. */
		"\xc2", "\xe6\xb1", "\xe6", "\xf0\x9f\x98", "\xf0\x9f",
		"\xf0", "\xc2\xe6\xb1\x89", "\xe6\xb1\xe6\xb1\x89",
		"\xf0\x9f\x98\xf0\x9f\x98\x80",
	};
	static const char *const fill[] = { "a", "\xe6\xb1\x89", "\n" };
	char s[160];
	size_t i, f, k, t, n, len, nl, want_nl, wrong = 0, short_wrong = 0, runs = 0, fast = 0;
	int cr, want_cr, r;

	for (i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		for (f = 0; f < sizeof fill / sizeof fill[0]; f++)
			for (k = 0; k < 70; k++)
				for (t = 0; t <= 40; t += (t < 8 ? 1 : 8)) {
			/* k bytes before the sequence (fill, whole
			 * characters, then ASCII), t after or the end. */
			n = 0;
			while (n + strlen(fill[f]) <= k) {
				memcpy(s + n, fill[f], strlen(fill[f]));
				n += strlen(fill[f]);
			}
			while (n < k)
				s[n++] = 'b';
			len = strlen(seqs[i]);
			memcpy(s + n, seqs[i], len);
			n += len;
			memset(s + n, t % 3 == 0 ? 'c' : '\n', t);
			n += t;
			want_nl = want_cr = 0;
			for (len = 0; len < n; len++) {
				want_nl += s[len] == '\n';
				want_cr |= s[len] == '\r';
			}
			nl = 0;
			cr = -1;
			r = buffer_scan(s, n, &nl, &cr);
			runs++;
			if (r < 0)
				continue;
			fast++;
			if (r != (u8_check((const uint8_t *)s, n) == NULL) ||
			    (r && (nl != want_nl || cr != want_cr)) ||
			    buffer_utf8_valid(s, n) != r)
				wrong++;
		}
	ok(wrong == 0, "the vector pass agrees with libunistring and counts "
	    "the newlines, %zu texts (%zu not taken here)", runs, runs - fast);
	/* The line index part: every newline's offset after it, plus base,
	 * but for one at len. */
	wrong = 0;
	for (n = 0; n < 100; n++) {
		uint32_t out[100], want[100];
		size_t nw = 0, base = 1000;

		for (k = 0; k < n; k++)
			s[k] = (k * 7 + n) % 5 == 0 ? '\n' : 'x';
		memset(out, 0xff, sizeof out);
		for (k = 0; k < n; k++)
			if (s[k] == '\n' && base + k + 1 < base + n)
				want[nw++] = (uint32_t)(base + k + 1);
		if (buffer_scan_index(s, n, base, base + n, out, nw) != 1)
			continue;
		if (memcmp(out, want, nw * sizeof *out) != 0 ||
		    out[nw] != UINT32_MAX)
			wrong++;
		/* Room for one fewer: only that many written. */
		memset(out, 0xff, sizeof out);
		if (nw > 0 && (buffer_scan_index(s, n, base, base + n, out,
		    nw - 1) != 1 || memcmp(out, want, (nw - 1) * sizeof *out)
		    != 0 || out[nw - 1] != UINT32_MAX))
			short_wrong++;
	}
	ok(wrong == 0, "the vector pass finds the line starts");
	ok(short_wrong == 0, "and writes no more than it has room for");
}

/*
 * Damaged UTF-8 (a stray byte in a long CJK text, a file cut in the middle
 * of a character) stays UTF-8 with a replacement; it is not taken for
 * GB18030 even where the bytes would decode as such.
 */
static void
test_damaged_utf8(void)
{
	size_t n = 3 * 1000 + 1, i;
	char *s = malloc(n + 2);
	struct buffer *b;

	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, "\xe6\xb1\x89", 3);
	s[n - 1] = '\xe6';
	b = mem(s, n, NULL);
	is_str(b->encoding, "UTF-8", "a text cut inside its last character "
	    "is still UTF-8");
	is_int(b->invalid, 1, "with one replacement");
	buffer_free(b);
	free(s);
}

/*
 * Offsets past 4 GiB: the line lookups work in size_t throughout.  The
 * buffer is made by hand (its data is not touched by these lookups but
 * for the last line), so no gigabytes are needed.
 */
static void
test_big_offsets(void)
{
	size_t offs[4] = { 0, (size_t)3 << 30, ((size_t)5 << 30) + 7,
	    ((size_t)9 << 30) + 1 };
	struct buffer b;

	if (sizeof(size_t) < 8) {
		ok(1, "size_t is 32 bits: no offsets past 4 GiB");
		return;
	}
	memset(&b, 0, sizeof b);
	b.line_off = offs;
	b.nlines = 4;
	b.len = ((size_t)9 << 30) + 1;
	is_int(buffer_line_of(&b, ((size_t)5 << 30) + 6), 2,
	    "a line past 4 GiB is found by offset");
	is_int(buffer_line_of(&b, ((size_t)5 << 30) + 7), 3,
	    "exactly at a line start past 4 GiB");
	is_int(buffer_line_of(&b, (size_t)9 << 30), 3,
	    "the line before the last");
	is_int(buffer_line_end(&b, 3), (size_t)9 << 30,
	    "a line end past 4 GiB");
	is_int(buffer_line_end(&b, 2), ((size_t)5 << 30) + 6,
	    "a line end past 4 GiB, before the next line");
}


/*
 * A large text (past the 16 MiB at which it is checked and indexed in two
 * halves at once) gives the buffer that one pass gives: the same bytes,
 * the same lines; and so does a large text that is not valid UTF-8 or
 * holds carriage returns, which take the general path.
 */
static void
test_halves(void)
{
	static const char *const tails[] = { "", "\n", "\xe6\xb1", "\r\n" };
	const size_t n = (size_t)20 << 20;
	size_t i, k, t, bad;
	char *s = malloc(n + 8);
	struct buffer *one, *two;
	char *err = NULL;
	unsigned long r = 7;

	for (i = 0; i < n; i++) {
		r = r * 1103515245 + 12345;
		/* Lines of 0 to 60 bytes of ASCII and 汉 (3 bytes). */
		if ((r >> 16) % 23 == 0)
			s[i] = '\n';
		else if ((r >> 16) % 3 == 0 && i + 3 <= n) {
			memcpy(s + i, "\xe6\xb1\x89", 3);
			i += 2;
		} else
			s[i] = 'a';
	}
	for (t = 0; t < sizeof tails / sizeof tails[0]; t++) {
		size_t len = n;

		memcpy(s + n - strlen(tails[t]), tails[t], strlen(tails[t]));
		util_set_threads(1);
		one = buffer_from_mem(s, len, NULL, &err);
		util_set_threads(2);
		two = buffer_from_mem(s, len, NULL, &err);
		bad = one->len != two->len || one->nlines != two->nlines ||
		    memcmp(one->data, two->data, one->len) != 0;
		for (k = 0; !bad && k < one->nlines; k++)
			if (buffer_line_start(one, k) != buffer_line_start(two, k))
				bad = 1;
		ok(!bad && one->nlines > 100000 && two->line_off32 != NULL,
		    "a 20 MiB text ending in %zu special bytes is read in "
		    "halves as in one pass (%zu lines)", strlen(tails[t]),
		    two->nlines);
		buffer_free(one);
		buffer_free(two);
	}
	free(s);
}

/* The path of a fixture under tests/fixtures/encoding/. */
static const char *
fixture(const char *name)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/tests/fixtures/encoding/%s",
	    top ? top : ".", name);
	return path;
}

/*
 * Each fixture is one of the UTF-8 texts converted with iconv; it must be
 * detected as what it is and decode to the same text, without one
 * replacement.  The legacy ones are chosen because they are also valid
 * GB18030 (checked below), the trap of taking the first decoder that
 * does not fail.
 */
static const struct {
	const char *file, *source, *encoding;
	int also_gb18030;
} encoded[] = {
	{ "zh-hans.gb18030.txt", "zh-hans.txt", "GB18030", 1 },
	{ "zh-hans.gbk-crlf.txt", "zh-hans.txt", "GB18030", 1 },
	{ "zh-hant.big5.txt", "zh-hant.txt", "BIG5", 1 },
	{ "zh-hant.big5-crlf.txt", "zh-hant.txt", "BIG5", 1 },
	{ "yue-hkscs.big5hkscs.txt", "yue-hkscs.txt", "BIG5-HKSCS", 1 },
	{ "ja.sjis.txt", "ja.txt", "SHIFT_JIS", 1 },
	{ "ja.sjis-crlf.txt", "ja.txt", "SHIFT_JIS", 1 },
	{ "ja-cp932.cp932.txt", "ja-cp932.txt", "CP932", 1 },
	{ "ja.eucjp.txt", "ja.txt", "EUC-JP", 1 },
	{ "ko.euckr.txt", "ko.txt", "EUC-KR", 1 },
	{ "ko-cp949.cp949.txt", "ko-cp949.txt", "CP949", 1 },
	{ "zh-hans.utf8bom.txt", "zh-hans.txt", "UTF-8", 0 },
	{ "zh-hans.utf16le.txt", "zh-hans.txt", "UTF-16LE", 0 },
	{ "zh-hans.utf16be-nobom.txt", "zh-hans.txt", "UTF-16BE", 0 },
	{ "ja.utf16le-nobom-crlf.txt", "ja.txt", "UTF-16LE", 0 },
	{ "ko.utf32le.txt", "ko.txt", "UTF-32LE", 0 },
	{ "zh-hant.utf32be-nobom.txt", "zh-hant.txt", "UTF-32BE", 0 },
};
#define NENCODED (sizeof encoded / sizeof encoded[0])

static void
test_detect_fixtures(void)
{
	struct buffer *b, *src, *gb;
	char *bytes, *err = NULL;
	size_t i, n;

	for (i = 0; i < NENCODED; i++) {
		b = buffer_load(fixture(encoded[i].file), NULL, 0, &err);
		src = buffer_load(fixture(encoded[i].source), "UTF-8", 0,
		    &err);
		if (b == NULL || src == NULL) {
			ok(0, "%s and %s load", encoded[i].file,
			    encoded[i].source);
			buffer_free(b);
			buffer_free(src);
			continue;
		}
		is_str(b->encoding, encoded[i].encoding, "%s is %s",
		    encoded[i].file, encoded[i].encoding);
		ok(b->len == src->len && memcmp(b->data, src->data,
		    b->len) == 0 && b->invalid == 0 && b->binary == 0,
		    "%s decodes to %s, not binary", encoded[i].file,
		    encoded[i].source);
		if (encoded[i].also_gb18030) {
			bytes = slurp(fixture(encoded[i].file), &n);
			gb = buffer_from_mem(bytes, n, "GB18030", &err);
			ok(gb != NULL && gb->invalid == 0,
			    "%s is also valid GB18030", encoded[i].file);
			buffer_free(gb);
			free(bytes);
		}
		buffer_free(b);
		buffer_free(src);
	}
}

/*
 * Detection from little text: the first line and the first paragraph of
 * each legacy fixture, and each cut in the middle of a character.
 */
static void
test_detect_short(void)
{
	static const size_t cuts[] = { 1, 3 };
	struct buffer *b;
	const char *nl;
	char *bytes;
	size_t i, k, n, len;

	for (i = 0; i < NENCODED; i++) {
		if (!encoded[i].also_gb18030)
			continue;
		bytes = slurp(fixture(encoded[i].file), &n);
		if (bytes == NULL)
			continue;
		for (k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
			/* Up to the end of the k-th paragraph's first line
			 * past the heading. */
			nl = bytes;
			len = 0;
			for (size_t m = 0; m < cuts[k] && nl != NULL; m++) {
				nl = memchr(nl + (m > 0), '\n',
				    n - (size_t)(nl - bytes) - (m > 0));
				if (nl != NULL)
					len = (size_t)(nl - bytes);
			}
			if (len == 0)
				len = n;
			b = mem(bytes, len, NULL);
			ok(strncmp(b->encoding, encoded[i].encoding, 3) == 0,
			    "%zu line(s) of %s (%zu bytes) are %s: %s", cuts[k],
			    encoded[i].file, len, encoded[i].encoding,
			    b->encoding);
			buffer_free(b);
		}
		/* Cut inside the last character: still the encoding. */
		b = mem(bytes, n > 201 ? 201 : n, NULL);
		ok(strncmp(b->encoding, encoded[i].encoding, 3) == 0,
		    "201 bytes of %s, cut anywhere, are %s: %s",
		    encoded[i].file, encoded[i].encoding, b->encoding);
		buffer_free(b);
		free(bytes);
	}
}

/*
 * A large text is judged on a sample of its beginning and middle: a
 * Big5 text of several megabytes behind an ASCII preface is still Big5,
 * and a Shift_JIS one decodes whole.
 */
static void
test_detect_large(void)
{
	static const char preface[] = "Project notes, plain ASCII.\n";
	struct buffer *b;
	struct sbuf s = SBUF_INIT;
	char *bytes;
	size_t n, i;

	bytes = slurp(fixture("zh-hant.big5-crlf.txt"), &n);
	if (bytes == NULL)
		return;
	for (i = 0; i < 2000; i++)
		sbuf_adds(&s, preface);
	while (s.len < ((size_t)4 << 20))
		sbuf_add(&s, bytes, n);
	b = mem(s.s, s.len, NULL);
	is_str(b->encoding, "BIG5", "4 MiB of Big5 behind an ASCII preface");
	is_int(b->invalid, 0, "decode without a replacement");
	buffer_free(b);
	sbuf_free(&s);
	free(bytes);
}

/* What the detector leaves alone, and what --encoding still decides. */
static void
test_detect_limits(void)
{
	static const char latin[] = "Un caf\xe9 cr\xe8me, tr\xe8s fran\xe7"
	    "ais, d\xe9j\xe0 servi.\n";
	struct buffer *b;
	char *bytes, *err = NULL;
	size_t n;

	b = mem(latin, sizeof latin - 1, NULL);
	is_str(b->data, "Un café crème, très français, déjà servi.\n",
	    "Latin text in a single-byte encoding uchardet names: %s",
	    b->encoding);
	buffer_free(b);
	/* Mostly UTF-8 with a few bad bytes is damaged UTF-8. */
	b = mem("\xe2\x80\x9cok\xe2\x80\x9d \xff\xfe\xfd junk\n", 16, NULL);
	is_str(b->encoding, "UTF-8", "damaged UTF-8 is not Latin-1");
	buffer_free(b);
	bytes = slurp(fixture("zh-hant.big5.txt"), &n);
	if (bytes != NULL) {
		b = buffer_from_mem(bytes, n, "GB18030", &err);
		is_str(b ? b->encoding : err, "GB18030",
		    "--encoding still overrides detection");
		buffer_free(b);
	}
	free(bytes);
}

/* The plausibility measure on its own: text beats its mojibake. */
static void
test_plausibility(void)
{
	static const char *const pairs[][2] = {
		{ "ja.sjis.txt", "GB18030" },
		{ "zh-hant.big5.txt", "GB18030" },
		{ "ja.eucjp.txt", "GB18030" },
		{ "ko.euckr.txt", "GB18030" },
		{ "zh-hans.gb18030.txt", "BIG5-HKSCS" },
		{ "zh-hans.gb18030.txt", "CP949" },
	};
	struct buffer *right, *wrong;
	char *bytes, *err = NULL;
	size_t i, n;
	double r, w;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		bytes = slurp(fixture(pairs[i][0]), &n);
		if (bytes == NULL)
			continue;
		right = buffer_from_mem(bytes, n, NULL, &err);
		wrong = buffer_from_mem(bytes, n, pairs[i][1], &err);
		r = buffer_plausibility(right->data, right->len);
		w = buffer_plausibility(wrong->data, wrong->len);
		ok(r > 0.5 && r > w + 0.2, "%s: %.2f as %s, %.2f as %s",
		    pairs[i][0], r, right->encoding, w, pairs[i][1]);
		buffer_free(right);
		buffer_free(wrong);
		free(bytes);
	}
	ok(buffer_plausibility("\x01\x02\xee\x80\x80", 5) < -1,
	    "controls and private use are implausible");
}

/*
 * Binary files: NUL bytes or many controls and invalid bytes at the
 * start; text with a few controls, with ESC sequences, or in UTF-16 (NUL
 * bytes in every ASCII character) is text.
 */
static void
test_binary(void)
{
	static const unsigned char elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0,
	    0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0 };
	unsigned char noise[2048];
	struct buffer *b;
	char *err = NULL;
	size_t i;
	unsigned r = 99;

	b = mem((const char *)elf, sizeof elf, NULL);
	is_int(b->binary, 1, "an ELF header is binary");
	buffer_free(b);
	for (i = 0; i < sizeof noise; i++) {
		r = r * 1103515245 + 12345;
		noise[i] = (unsigned char)(r >> 16);
		if (noise[i] == 0)
			noise[i] = 1;	/* no NUL: the share decides */
	}
	b = mem((const char *)noise, sizeof noise, NULL);
	is_int(b->binary, 1, "random bytes without a NUL are binary");
	buffer_free(b);
	b = buffer_load("/bin/ls", NULL, 0, &err);
	ok(b == NULL || b->binary == 1, "/bin/ls is binary");
	buffer_free(b);
	b = mem("\xff\xfe" "a\0b\0\n\0", 8, NULL);
	is_int(b->binary, 0, "UTF-16 text is not binary");
	buffer_free(b);
	b = buffer_load(fixture("ja.utf16le-nobom-crlf.txt"), NULL, 0, &err);
	is_int(b ? b->binary : -1, 0, "nor UTF-16 without a mark");
	buffer_free(b);
	b = mem("\x1b[31mred\x1b[0m log line\n\x07 bell\n", 27, NULL);
	is_int(b->binary, 0, "a log with colour sequences is text");
	buffer_free(b);
	ok(!buffer_is_binary("a\x01 b\x02 c\x03 d\x04 e\x05 f\x06 g\x0e h"
	    "\x0f long text around them, most of it letters", 60),
	    "a few controls in text are text");
	ok(buffer_is_binary("a\x01\x02\x03\x04\x05\x06\x0e\x0f", 9),
	    "a run of controls is binary");
	ok(!buffer_is_binary("", 0), "an empty text is not binary");
	ok(!buffer_is_binary("a text\0 with a stray NUL", 24),
	    "a stray NUL is text");
	ok(buffer_is_binary("text\0\0\0\0", 8), "four NULs are binary");
}

int
main(void)
{
	test_utf8();
	test_invalid();
	test_line_ends();
	test_utf16();
	test_gb18030();
	test_forced();
	test_files();
	test_long_line();
	test_limits();
	test_fifo();
	test_truncated_while_loading();
	test_validation();
	test_scan();
	test_damaged_utf8();
	test_big_offsets();
	test_halves();
	test_detect_fixtures();
	test_detect_short();
	test_detect_large();
	test_detect_limits();
	test_plausibility();
	test_binary();
	return done_testing();
}
