/* util.h - allocation that cannot fail, growable strings, safe text. */
#ifndef JUAN_UTIL_H
#define JUAN_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "juan/i18n.h"

/*
 * Allocation.  These end the program with a message on stderr when memory
 * runs out, so callers never test for NULL.  xrealloc(NULL, n) is malloc.
 * A block of UTIL_HUGE_MIN bytes or more is asked to be backed by huge
 * pages (util_advise_huge), as the arrays of a large document are.
 */
#define UTIL_HUGE_MIN ((size_t)4 << 20)
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of nmemb elements of size bytes, checking overflow. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/*
 * Asks that the n bytes at p be backed by huge pages where the system
 * offers them (transparent huge pages in "madvise" mode), before they are
 * first touched.  Touching fresh memory a 4 KiB page at a time costs a
 * fault each, which under some virtual machines is the largest part of
 * loading a large document; a 2 MiB page costs one fault for 512.  Does
 * nothing for small blocks or where madvise has no such advice.
 */
void util_advise_huge(void *p, size_t n);
/*
 * Gives back to the system the whole pages of the n bytes at p: pages of
 * anonymous memory read as zeros if they are read again, pages of a file
 * mapped privately and never written read the file again (buffer-map.c).
 */
void util_release(void *p, size_t n);
char *xstrndup(const char *s, size_t n);
/*
 * Work split in two.  util_par2(fn, a, b) runs fn(a) and fn(b) at the same
 * time, fn(b) in a second thread, and returns when both are done; it runs
 * them one after the other when util_threads() is 1 or a thread cannot be
 * started.  util_threads() is the number of processors, at most 2 (the
 * large passes split in two); util_set_threads(1) makes everything serial,
 * as the tests do to compare.
 */
void util_par2(void (*fn)(void *), void *a, void *b);
int util_threads(void);
void util_set_threads(int n);
/* Returns a newly allocated string formatted as by printf. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A growable NUL-terminated byte string.  Start with SBUF_INIT (or zero it);
 * sbuf_free releases it; sbuf_take hands the bytes to the caller (never NULL).
 */
struct sbuf {
	char *s;	/* the bytes, NUL-terminated when cap > 0 */
	size_t len;	/* bytes used, without the NUL */
	size_t cap;	/* bytes allocated */
};
#define SBUF_INIT { NULL, 0, 0 }

void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_printf(struct sbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
void sbuf_reset(struct sbuf *b);
char *sbuf_take(struct sbuf *b);
void sbuf_free(struct sbuf *b);

/*
 * Terminal safety.  A document's bytes may carry ESC sequences, C0 and C1
 * controls, DEL and bidi overrides; none of them may reach a terminal raw.
 *
 * util_ctl_repr() tells whether the character c must be shown visibly and,
 * if so, writes its visible form (ASCII, NUL-terminated, at most 11 bytes)
 * to out and returns its length: "^[" for ESC and the other C0 controls,
 * "^?" for DEL, "<U+0085>" for C1 controls, "<U+202E>" for bidi controls
 * (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069).  It returns 0 for
 * a character that may be printed as it is.  Tab and newline count as
 * controls here; callers that keep them handle them first.
 */
int util_ctl_repr(uint32_t c, char out[12]);

/*
 * Appends the valid UTF-8 text s[0..n) to b with every control shown as
 * util_ctl_repr() does.  Tabs become one space when single_line is set, and
 * newlines too; otherwise both are kept as they are.
 */
void util_safe_add(struct sbuf *b, const char *s, size_t n, int single_line);

/*
 * Appends s[0..n) (valid UTF-8) as a JSON string literal, quotes included.
 * Controls are escaped as JSON requires (\n, \t, \u001b); bidi controls and
 * C1 controls are escaped as \uXXXX too, so the output is terminal-safe.
 */
void util_json_add(struct sbuf *b, const char *s, size_t n);

/*
 * Decodes one character of valid UTF-8 at s (n > 0 bytes available) into
 * *c and returns its length in bytes (1 to 4).  Invalid input gives U+FFFD
 * and length 1, so a loop over any bytes always advances.
 */
int util_u8_next(const char *s, size_t n, uint32_t *c);

#endif
