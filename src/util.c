/*
 * util.c - allocation, growable strings and terminal-safe text.
 *
 * struct sbuf keeps its bytes NUL-terminated whenever anything has been
 * allocated, so sbuf.s can be passed to C string functions directly.  The
 * safe-text functions are the single place that decides which characters
 * may reach a terminal; every output path (dump, outline, timeline, search,
 * the interface) goes through util_ctl_repr().
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "juan/util.h"

static void
nomem(void)
{
	fputs("juan: out of memory\n", stderr);
	exit(1);
}

/* 0: not decided yet.  Atomic: the reader's thread sets it. */
static atomic_int threads;

int
util_threads(void)
{
	long n;
	int t = atomic_load(&threads);

	if (t == 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		t = n >= 2 ? 2 : 1;
		atomic_store(&threads, t);
	}
	return t;
}

void
util_set_threads(int n)
{
	atomic_store(&threads, n >= 2 ? 2 : 1);
}

struct par {
	void (*fn)(void *);
	void *arg;
};

static void *
par_main(void *arg)
{
	struct par *p = arg;

	p->fn(p->arg);
	return NULL;
}

void
util_par2(void (*fn)(void *), void *a, void *b)
{
	struct par p = { fn, b };
	pthread_t t;

	if (util_threads() < 2 || pthread_create(&t, NULL, par_main, &p) != 0) {
		fn(a);
		fn(b);
		return;
	}
	fn(a);
	pthread_join(t, NULL);
}

void
util_advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t lo, hi, huge = (uintptr_t)2 << 20;

	if (p == NULL || n < UTIL_HUGE_MIN)
		return;
	lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	hi = ((uintptr_t)p + n) & ~(huge - 1);
	if (hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void
util_release(void *p, size_t n)
{
#ifdef MADV_DONTNEED
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), lo, hi;

	lo = ((uintptr_t)p + page - 1) & ~(page - 1);
	hi = ((uintptr_t)p + n) & ~(page - 1);
	if (hi > lo)
		(void)madvise((void *)lo, hi - lo, MADV_DONTNEED);
#else
	(void)p;
	(void)n;
#endif
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		nomem();
	util_advise_huge(p, n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (p == NULL)
		nomem();
	if (size != 0 && nmemb <= SIZE_MAX / size)
		util_advise_huge(p, nmemb * size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		nomem();
	util_advise_huge(p, n);
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		nomem();
	return xrealloc(p, nmemb * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	return sbuf_take(&b);
}

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	size_t need;

	if (more > SIZE_MAX - b->len - 1)
		nomem();
	need = b->len + more + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->s = xrealloc(b->s, b->cap);
}

void
sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	if (n > 0)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void
sbuf_addc(struct sbuf *b, char c)
{
	sbuf_add(b, &c, 1);
}

void
sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return;
	sbuf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
sbuf_take(struct sbuf *b)
{
	char *s;

	if (b->s == NULL)
		return xstrdup("");
	s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int
util_u8_next(const char *s, size_t n, uint32_t *c)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t v;
	int len, i;

	if (u[0] < 0x80) {
		*c = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		len = 2;
		v = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		len = 3;
		v = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		len = 4;
		v = u[0] & 0x07;
	} else
		goto bad;
	if ((size_t)len > n)
		goto bad;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		v = (v << 6) | (u[i] & 0x3f);
	}
	if ((len == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
	    (len == 4 && (v < 0x10000 || v > 0x10ffff)))
		goto bad;
	*c = v;
	return len;
bad:
	*c = 0xfffd;
	return 1;
}

int
util_ctl_repr(uint32_t c, char out[12])
{
	if (c < 0x20) {
		out[0] = '^';
		out[1] = (char)(c + 0x40);
		out[2] = '\0';
		return 2;
	}
	if (c == 0x7f) {
		memcpy(out, "^?", 3);
		return 2;
	}
	if ((c >= 0x80 && c <= 0x9f) || c == 0x061c || c == 0x200e ||
	    c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069))
		return snprintf(out, 12, "<U+%04X>", (unsigned)c);
	return 0;
}

void
util_safe_add(struct sbuf *b, const char *s, size_t n, int single_line)
{
	size_t i = 0, run = 0;	/* run: start of the pending printable run */
	char rep[12];
	uint32_t c;
	int k, r;

	while (i < n) {
		unsigned char u = (unsigned char)s[i];

		/*
		 * Printable ASCII, and whole characters from U+3000 up (CJK,
		 * kana, hangul, full-width forms), are never replaced: step
		 * over them without decoding.
		 */
		if (u >= 0x20 && u < 0x7f) {
			i++;
			continue;
		}
		if (u >= 0xe3 && u <= 0xef && i + 3 <= n &&
		    ((unsigned char)s[i + 1] & 0xc0) == 0x80 &&
		    ((unsigned char)s[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		k = util_u8_next(s + i, n - i, &c);
		if (c == '\n' || c == '\t')
			r = single_line ? -1 : 0;
		else
			r = util_ctl_repr(c, rep);
		if (r != 0) {
			sbuf_add(b, s + run, i - run);
			if (r < 0)
				sbuf_addc(b, ' ');
			else
				sbuf_add(b, rep, (size_t)r);
			run = i + (size_t)k;
		}
		i += (size_t)k;
	}
	sbuf_add(b, s + run, n - run);
}

void
util_json_add(struct sbuf *b, const char *s, size_t n)
{
	size_t i = 0, run = 0;
	char rep[12];
	uint32_t c;
	int k;

	sbuf_addc(b, '"');
	while (i < n) {
		k = util_u8_next(s + i, n - i, &c);
		rep[0] = '\0';
		if (c == '"')
			memcpy(rep, "\\\"", 3);
		else if (c == '\\')
			memcpy(rep, "\\\\", 3);
		else if (c == '\n')
			memcpy(rep, "\\n", 3);
		else if (c == '\t')
			memcpy(rep, "\\t", 3);
		else if (c == '\r')
			memcpy(rep, "\\r", 3);
		else if (util_ctl_repr(c, rep) > 0)
			snprintf(rep, sizeof rep, "\\u%04x", (unsigned)c);
		if (rep[0] != '\0') {
			sbuf_add(b, s + run, i - run);
			sbuf_adds(b, rep);
			run = i + (size_t)k;
		}
		i += (size_t)k;
	}
	sbuf_add(b, s + run, n - run);
	sbuf_addc(b, '"');
}
