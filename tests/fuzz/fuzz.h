/*
 * fuzz.h - what the libFuzzer harnesses share: the entry point, a check
 * that aborts with a message, and checks of the engine's invariants.
 *
 * Each harness (fuzz-NAME.c) defines LLVMFuzzerTestOneInput.  Built with
 * --enable-fuzzing it is linked with libFuzzer; in every build it is also
 * linked with replay.c, whose main() feeds it the saved inputs of
 * tests/fuzz/regress/NAME/ and the samples, so that make check replays
 * every crash ever found through the same code.
 */
#ifndef JUAN_FUZZ_H
#define JUAN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Ends the run with a message when an invariant does not hold, so that
 * the fuzzer saves the input and the replay test fails. */
#define FUZZ_CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

/* Tells whether s[0..n) is valid UTF-8. */
static inline int
fuzz_utf8_ok(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

/* A NUL-terminated string is valid UTF-8 (NULL counts as valid). */
static inline int
fuzz_str_ok(const char *s)
{
	return s == NULL || u8_check((const uint8_t *)s, u8_strlen(
	    (const uint8_t *)s)) == NULL;
}

#endif
