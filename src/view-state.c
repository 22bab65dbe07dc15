/*
 * view-state.c - positions, marks and search history kept across runs.
 *
 * Two text files live in the state directory.  "positions" starts with the
 * line "juan-positions 1" and holds one line per document:
 *
 *	KEY OFFSET ANCHOR MARKS
 *
 * KEY is the FNV-1a hash of the document's real path (16 hex digits), so no
 * file name is stored; OFFSET the byte at the top of the screen; ANCHOR the
 * hex of up to 32 bytes of text found there, which tells on the next run
 * whether the text moved (a changed file: the anchor is looked for again
 * and the nearest copy wins, or the position is dropped); MARKS is "-" or
 * "a=OFF,b=OFF".  The newest line comes last and the file keeps at most
 * STATE_MAX lines.  "history" starts with "juan-history 3" and holds one
 * search pattern per line, with '\\' and newline escaped, and "\\r" before
 * a regular expression's, then "\\v" before one searched without Han
 * variants, so that each comes back as it was searched; files of version
 * 1, which had no flags, and 2, which had only "\\r", are read too.
 *
 * Each file is written whole into a temporary file of mode 0600 in the same
 * directory and renamed over the old one, so that a crash or a full disk
 * leaves either the old file or the new one, never half of one.  A file
 * that does not parse is ignored with a warning rather than trusted.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/view.h"
#include "view-int.h"

#define STATE_MAX	500	/* documents remembered */
#define HISTORY_MAX	200	/* patterns remembered */
#define ANCHOR_LEN	32	/* bytes of text saved with a position */

char *
view_state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home;

	if (x != NULL && x[0] == '/')
		return xasprintf("%s/juan", x);
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/.local/state/juan", home);
}

/* Creates dir and its parents with mode 0700.  Returns 0 or -1. */
static int
make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *s;
	int r = 0;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			r = -1;
		*s = '/';
	}
	if (mkdir(p, 0700) < 0 && errno != EEXIST)
		r = -1;
	free(p);
	return r;
}

/*
 * Replaces dir/name with data[0..n) atomically, mode 0600.  Returns 0, or
 * -1 with errno set; the old file is untouched on failure.
 */
static int
write_atomic(const char *dir, const char *name, const char *data, size_t n)
{
	char *tmp, *path;
	int fd, r = -1, e;
	size_t done = 0;
	ssize_t k;

	if (make_dirs(dir) < 0)
		return -1;
	tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	path = xasprintf("%s/%s", dir, name);
	/* mkstemp creates the file with mode 0600. */
	if ((fd = mkstemp(tmp)) < 0)
		goto out;
	while (done < n) {
		k = write(fd, data + done, n - done);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		done += (size_t)k;
	}
	if (done == n && fsync(fd) == 0 && close(fd) == 0) {
		fd = -1;
		if (rename(tmp, path) == 0)
			r = 0;
	}
	if (fd >= 0)
		close(fd);
	if (r < 0) {
		e = errno;
		unlink(tmp);
		errno = e;
	}
out:
	free(tmp);
	free(path);
	return r;
}

/*
 * Reads dir/name whole into an allocated NUL-terminated string; NULL when
 * it does not exist or cannot be read.  Files over 16 MB are not state.
 */
static char *
read_file(const char *dir, const char *name, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, name), *data = NULL;
	FILE *fp = fopen(path, "rb");
	size_t n = 0, cap = 0, k;

	free(path);
	if (fp == NULL)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			if (cap > ((size_t)16 << 20))
				break;
			data = xrealloc(data, cap);
		}
		k = fread(data + n, 1, cap - n - 1, fp);
		n += k;
		if (k == 0)
			break;
	}
	fclose(fp);
	if (data == NULL)
		data = xmalloc(1);
	data[n] = '\0';
	*len = n;
	return data;
}

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static char *
path_key(const char *path)
{
	char *real = realpath(path, NULL), *key;

	key = xasprintf("%016llx", (unsigned long long)fnv1a(real != NULL ?
	    real : path));
	free(real);
	return key;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes hex s into out (at most max bytes); returns the length or -1. */
static int
unhex(const char *s, char *out, size_t max)
{
	size_t n = 0;
	int h, l;

	if (strcmp(s, "-") == 0)
		return 0;
	while (*s != '\0') {
		if ((h = hexval(s[0])) < 0 || (l = hexval(s[1])) < 0 ||
		    n == max)
			return -1;
		out[n++] = (char)(h << 4 | l);
		s += 2;
	}
	return (int)n;
}

/* Parses a decimal size_t; returns -1 unless all of s is one. */
static int
parse_off(const char *s, size_t *out)
{
	char *end;
	unsigned long long x;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	x = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || x > SIZE_MAX)
		return -1;
	*out = (size_t)x;
	return 0;
}

struct pos_line {
	char key[17];			/* 16 hex digits */
	size_t off;			/* the byte at the top */
	char anchor[ANCHOR_LEN];	/* the text there */
	int anchor_len;			/* bytes of anchor */
	size_t marks[26];		/* mark offsets */
	unsigned marks_set;		/* bit i: mark 'a' + i */
};

/* Parses one line of "positions" (modified in place); 0 or -1. */
static int
parse_pos(char *line, struct pos_line *p)
{
	char *f[4], *save = NULL, *m, *mk;
	size_t off;
	int i;

	memset(p, 0, sizeof *p);
	for (i = 0; i < 4; i++)
		if ((f[i] = strtok_r(i == 0 ? line : NULL, " ", &save)) ==
		    NULL)
			return -1;
	if (strtok_r(NULL, " ", &save) != NULL || strlen(f[0]) != 16)
		return -1;
	for (i = 0; i < 16; i++)
		if (hexval(f[0][i]) < 0)
			return -1;
	memcpy(p->key, f[0], 17);
	if (parse_off(f[1], &p->off) < 0)
		return -1;
	if ((p->anchor_len = unhex(f[2], p->anchor, ANCHOR_LEN)) < 0)
		return -1;
	if (strcmp(f[3], "-") == 0)
		return 0;
	for (m = strtok_r(f[3], ",", &save); m != NULL;
	    m = strtok_r(NULL, ",", &save)) {
		if (m[0] < 'a' || m[0] > 'z' || m[1] != '=')
			return -1;
		mk = m + 2;
		if (parse_off(mk, &off) < 0)
			return -1;
		p->marks[m[0] - 'a'] = off;
		p->marks_set |= 1u << (m[0] - 'a');
	}
	return 0;
}

/*
 * Reads "positions" into *lines (allocated; *n of them).  Returns 0, or -1
 * when the file exists but is corrupt (then *n is 0).
 */
static int
read_positions(const char *dir, struct pos_line **lines, size_t *n)
{
	size_t len, cap = 0;
	char *data = read_file(dir, "positions", &len), *line, *save = NULL;
	int r = 0;

	*lines = NULL;
	*n = 0;
	if (data == NULL)
		return 0;
	if (strlen(data) != len || strncmp(data, "juan-positions 1\n", 17)
	    != 0) {
		free(data);
		return -1;
	}
	for (line = strtok_r(data + 17, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*lines = xreallocarray(*lines, cap, sizeof **lines);
		}
		if (parse_pos(line, &(*lines)[*n]) < 0) {
			r = -1;
			break;
		}
		(*n)++;
	}
	free(data);
	if (r < 0) {
		free(*lines);
		*lines = NULL;
		*n = 0;
	}
	return r;
}

/*
 * Where the saved text now is: off itself when the anchor is still there,
 * else the nearest copy of it, else (size_t)-1.
 */
static size_t
relocate(const struct buffer *b, size_t off, const char *anchor, int n)
{
	const char *p, *best = NULL;
	size_t from = 0, bestd = 0, d, at;

	if (n == 0)
		return off <= b->len ? off : (size_t)-1;
	if (off <= b->len && b->len - off >= (size_t)n &&
	    memcmp(b->data + off, anchor, (size_t)n) == 0)
		return off;
	while (from < b->len && (p = memmem(b->data + from, b->len - from,
	    anchor, (size_t)n)) != NULL) {
		at = (size_t)(p - b->data);
		d = at > off ? at - off : off - at;
		if (best == NULL || d < bestd) {
			best = p;
			bestd = d;
		}
		if (at > off)
			break;
		from = at + 1;
	}
	return best != NULL ? (size_t)(best - b->data) : (size_t)-1;
}

int
view_state_load(struct view *v, const char *dir, const char *path,
    char **warn)
{
	struct pos_line *lines, *p = NULL;
	size_t n, i, at;
	char *key;
	int r = 0;

	if (read_positions(dir, &lines, &n) < 0) {
		*warn = xasprintf("%s/positions is corrupt; ignored", dir);
		return 0;
	}
	key = path_key(path);
	for (i = 0; i < n; i++)
		if (strcmp(lines[i].key, key) == 0)
			p = &lines[i];
	if (p != NULL) {
		at = relocate(v->doc->buf, p->off, p->anchor, p->anchor_len);
		if (at != (size_t)-1) {
			view_goto(v, at);
			r = 1;
		}
		/* Marks move by as much as the position moved. */
		for (i = 0; i < 26 && at != (size_t)-1; i++) {
			size_t m = p->marks[i] + at - p->off;

			if ((p->marks_set & (1u << i)) &&
			    m <= v->doc->buf->len) {
				v->marks[i] = m;
				v->marks_set |= 1u << i;
			}
		}
	}
	free(key);
	free(lines);
	return r;
}

int
view_state_save(const struct view *v, const char *dir, const char *path)
{
	struct pos_line *lines;
	struct sbuf b = SBUF_INIT;
	size_t n, i, first, k;
	char *key = path_key(path);
	const struct buffer *buf = v->doc->buf;
	int r, sep = 0;

	/* A corrupt file is replaced: it held nothing to keep. */
	(void)read_positions(dir, &lines, &n);
	sbuf_adds(&b, "juan-positions 1\n");
	first = n + 1 > STATE_MAX ? n + 1 - STATE_MAX : 0;
	for (i = first; i < n; i++) {
		if (strcmp(lines[i].key, key) == 0)
			continue;
		sbuf_printf(&b, "%s %zu ", lines[i].key, lines[i].off);
		for (k = 0; k < (size_t)lines[i].anchor_len; k++)
			sbuf_printf(&b, "%02x",
			    (unsigned char)lines[i].anchor[k]);
		if (lines[i].anchor_len == 0)
			sbuf_addc(&b, '-');
		sbuf_addc(&b, ' ');
		sep = 0;
		for (k = 0; k < 26; k++)
			if (lines[i].marks_set & (1u << k)) {
				sbuf_printf(&b, "%s%c=%zu", sep ? "," : "",
				    (int)('a' + k), lines[i].marks[k]);
				sep = 1;
			}
		sbuf_adds(&b, sep ? "\n" : "-\n");
	}
	sbuf_printf(&b, "%s %zu ", key, v->top_off);
	n = buf->len - v->top_off < ANCHOR_LEN ? buf->len - v->top_off :
	    ANCHOR_LEN;
	for (k = 0; k < n; k++)
		sbuf_printf(&b, "%02x", (unsigned char)buf->data[v->top_off +
		    k]);
	if (n == 0)
		sbuf_addc(&b, '-');
	sbuf_addc(&b, ' ');
	sep = 0;
	for (k = 0; k < 26; k++)
		if (v->marks_set & (1u << k)) {
			sbuf_printf(&b, "%s%c=%zu", sep ? "," : "",
			    (int)('a' + k), v->marks[k]);
			sep = 1;
		}
	sbuf_adds(&b, sep ? "\n" : "-\n");
	r = write_atomic(dir, "positions", b.s, b.len);
	sbuf_free(&b);
	free(lines);
	free(key);
	return r;
}

void
view_history_free(struct view_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->items[i]);
	free(h->items);
	free(h->flags);
	h->items = NULL;
	h->flags = NULL;
	h->n = 0;
}

/* Undoes the escaping of one history line in place; 0 or -1. */
static int
unescape(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		s++;
		if (*s == 'n')
			*w++ = '\n';
		else if (*s == '\\')
			*w++ = '\\';
		else
			return -1;
	}
	*w = '\0';
	return 0;
}

/* Drops item i of h. */
static void
drop(struct view_history *h, size_t i)
{
	free(h->items[i]);
	memmove(&h->items[i], &h->items[i + 1],
	    (h->n - i - 1) * sizeof *h->items);
	memmove(&h->flags[i], &h->flags[i + 1],
	    (h->n - i - 1) * sizeof *h->flags);
	h->n--;
}

static void
push(struct view_history *h, const char *p, int flags)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->items[i], p) == 0) {
			drop(h, i);
			break;
		}
	if (h->n == HISTORY_MAX)
		drop(h, 0);
	h->items = xreallocarray(h->items, h->n + 1, sizeof *h->items);
	h->flags = xreallocarray(h->flags, h->n + 1, sizeof *h->flags);
	h->flags[h->n] = (unsigned char)(flags & (VIEW_SEARCH_REGEX |
	    VIEW_SEARCH_NOVARIANTS));
	h->items[h->n++] = xstrdup(p);
}

/*
 * The flags written before a history line of the given version, in this
 * order ("\\r" is in versions 2 and 3, "\\v" in 3).
 */
static const struct {
	const char *mark;	/* the two bytes before the pattern */
	int flag;		/* VIEW_SEARCH_* */
	char since;		/* the first version that has it */
} hist_flags[] = {
	{ "\\r", VIEW_SEARCH_REGEX, '2' },
	{ "\\v", VIEW_SEARCH_NOVARIANTS, '3' },
};

void
view_history_load(struct view_history *h, const char *dir, char **warn)
{
	size_t len, k;
	char *data = read_file(dir, "history", &len), *line, *save = NULL;
	char version;
	int flags;

	view_history_free(h);
	if (data == NULL)
		return;
	version = len >= 15 ? data[13] : 0;
	if (strlen(data) != len || strncmp(data, "juan-history ", 13) != 0 ||
	    version < '1' || version > '3' || data[14] != '\n') {
		*warn = xasprintf("%s/history is corrupt; ignored", dir);
		free(data);
		return;
	}
	for (line = strtok_r(data + 15, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		flags = 0;
		for (k = 0; k < sizeof hist_flags / sizeof hist_flags[0]; k++)
			if (version >= hist_flags[k].since &&
			    strncmp(line, hist_flags[k].mark, 2) == 0) {
				flags |= hist_flags[k].flag;
				line += 2;
			}
		if (unescape(line) < 0) {
			view_history_free(h);
			*warn = xasprintf("%s/history is corrupt; ignored",
			    dir);
			break;
		}
		push(h, line, flags);
	}
	free(data);
}

int
view_history_add(struct view_history *h, const char *dir,
    const char *pattern, int flags)
{
	struct sbuf b = SBUF_INIT;
	const char *s;
	size_t i, k;
	int r;

	if (pattern[0] == '\0')
		return 0;
	push(h, pattern, flags);
	sbuf_adds(&b, "juan-history 3\n");
	for (i = 0; i < h->n; i++) {
		for (k = 0; k < sizeof hist_flags / sizeof hist_flags[0]; k++)
			if (h->flags[i] & hist_flags[k].flag)
				sbuf_adds(&b, hist_flags[k].mark);
		for (s = h->items[i]; *s != '\0'; s++)
			if (*s == '\n')
				sbuf_adds(&b, "\\n");
			else if (*s == '\\')
				sbuf_adds(&b, "\\\\");
			else
				sbuf_addc(&b, *s);
		sbuf_addc(&b, '\n');
	}
	r = dir != NULL ? write_atomic(dir, "history", b.s, b.len) : 0;
	sbuf_free(&b);
	return r;
}
