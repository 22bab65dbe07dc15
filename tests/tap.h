/* tap.h - a tiny Test Anything Protocol producer for the unit tests. */
#ifndef JUAN_TAP_H
#define JUAN_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/*
 * ok(cond, fmt, ...) prints one test point; is_str and is_int compare and
 * show both sides on failure; done_testing() prints the plan and returns
 * the exit status (0 when every point passed).
 */
static int tap_n, tap_failed;

static int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	if (!ok(g_ != NULL && w_ != NULL ? strcmp(g_, w_) == 0 :	\
	    g_ == w_, __VA_ARGS__))					\
		printf("#   got:  '%s'\n#   want: '%s'\n",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!ok(g_ == w_, __VA_ARGS__))					\
		printf("#   got:  %lld\n#   want: %lld\n", g_, w_);	\
} while (0)

static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed != 0 || tap_n == 0;
}

#endif
