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

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define UTIL_SSE2 1
#endif

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
	/* len < cap but for an empty buffer (both 0): room for n and NUL? */
	if (n >= b->cap - b->len)
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
	if (b->cap - b->len <= 1)
		sbuf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
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

/*
 * The bytes a replaced character can start with: C0 controls and DEL, and
 * the lead bytes of the C1 controls (c2 80..9f), of U+061C (d8 9c) and of
 * the other bidi controls (e2 80 8e..., e2 81 a6...).  Every other byte
 * starts a character kept as it is, or is a continuation byte or an
 * invalid one, kept too; and no continuation byte is among these, so
 * skipping from one of them to the next passes every character that can
 * be replaced at its first byte.  JSON also escapes " and \.
 */
static const unsigned char safe_stop[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
	[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1,
	[0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1, [0x0e] = 1,
	[0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
	[0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1,
	[0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, [0x7f] = 1, [0xc2] = 1, [0xd8] = 1,
	[0xe2] = 1, ['"'] = 2, ['\\'] = 2
};

/*
 * The first k in [i, n) whose byte is a stop of safe_stop (with json, of
 * either kind), or n.  Sixteen bytes at a time where SSE2 is there (every
 * x86-64): the text is mostly bytes that never stop.
 */
static size_t
safe_next(const unsigned char *u, size_t i, size_t n, int json)
{
	unsigned mask = json ? 3 : 1;
#ifdef UTIL_SSE2
	const __m128i c1f = _mm_set1_epi8(0x1f), c7f = _mm_set1_epi8(0x7f);
	const __m128i cc2 = _mm_set1_epi8((char)0xc2);
	const __m128i cd8 = _mm_set1_epi8((char)0xd8);
	const __m128i ce2 = _mm_set1_epi8((char)0xe2);
	const __m128i cq = _mm_set1_epi8('"'), cb = _mm_set1_epi8('\\');
	__m128i x, m;
	int bits;

	for (; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		/* Below 0x20: unchanged by a minimum with 0x1f. */
		m = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x);
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, c7f));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, cc2));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, cd8));
		m = _mm_or_si128(m, _mm_cmpeq_epi8(x, ce2));
		if (json)
			m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x,
			    cq), _mm_cmpeq_epi8(x, cb)));
		if ((bits = _mm_movemask_epi8(m)) != 0)
			return i + (size_t)__builtin_ctz((unsigned)bits);
	}
#endif
	while (i < n && (safe_stop[u[i]] & mask) == 0)
		i++;
	return i;
}

/*
 * Is u[i] the start of a whole character of U+2000..U+2FFF that is not a
 * bidi control (U+200E, U+200F, U+202A..U+202E, U+2066..U+2069)?  Such
 * a character (“”…—) is kept, and common: no need to decode it.
 */
static int
e2_kept(const unsigned char *u, size_t i, size_t n)
{
	if (u[i] != 0xe2 || i + 3 > n || (u[i + 1] & 0xc0) != 0x80 ||
	    (u[i + 2] & 0xc0) != 0x80)
		return 0;
	if (u[i + 1] == 0x80)
		return u[i + 2] != 0x8e && u[i + 2] != 0x8f &&
		    (u[i + 2] < 0xaa || u[i + 2] > 0xae);
	if (u[i + 1] == 0x81)
		return u[i + 2] < 0xa6 || u[i + 2] > 0xa9;
	return 1;
}

void
util_safe_add(struct sbuf *b, const char *s, size_t n, int single_line)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;	/* run: start of the pending printable run */
	char rep[12];
	uint32_t c;
	int k, r;

	for (;;) {
		/* Step over what is never replaced (see safe_stop). */
		if ((i = safe_next(u, i, n, 0)) == n)
			break;
		if (e2_kept(u, i, n)) {
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
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;
	char rep[12];
	uint32_t c;
	int k;

	sbuf_addc(b, '"');
	for (;;) {
		if ((i = safe_next(u, i, n, 1)) == n)
			break;
		if (e2_kept(u, i, n)) {
			i += 3;
			continue;
		}
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
