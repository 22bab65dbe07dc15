/*
 * replay.c - runs a fuzzing harness over saved inputs, without libFuzzer.
 *
 * Linked with one harness (FUZZ_NAME names it), this main() feeds
 * LLVMFuzzerTestOneInput every file of tests/fuzz/regress/FUZZ_NAME/ (the
 * inputs that once crashed or broke an invariant, and a small corpus), then
 * the samples and fixtures the fuzzer is seeded with.  One TAP point per
 * file: a crash or a failed invariant aborts the program, which the test
 * driver reports.  With arguments, it replays those files instead, which
 * is how to reproduce a crash in a debugger.
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "tap.h"

#ifndef FUZZ_NAME
#error "FUZZ_NAME must name the harness"
#endif

/* Reads path whole; returns NULL for anything but a readable file. */
static uint8_t *
slurp(const char *path, size_t *n)
{
	struct stat st;
	uint8_t *s;
	FILE *fp;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return NULL;
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	s = malloc((size_t)st.st_size + 1);
	*n = fread(s, 1, (size_t)st.st_size, fp);
	fclose(fp);
	return s;
}

static void
replay_file(const char *path)
{
	uint8_t *s;
	size_t n = 0;

	if ((s = slurp(path, &n)) == NULL)
		return;
	/* Flushed first, so that the log shows which file a crash was in. */
	printf("# %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput(s, n);
	free(s);
	ok(1, "%s: %s (%zu bytes)", FUZZ_NAME, strrchr(path, '/') ?
	    strrchr(path, '/') + 1 : path, n);
}

/* Replays every file of dir and, with depth > 0, of its folders, in name
 * order so that the numbering of the test points is stable. */
static int
replay_dir(const char *dir, int depth)
{
	struct dirent **ents;
	struct stat st;
	char path[4096];
	int i, n, count = 0;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (ents[i]->d_name[0] == '.') {
			free(ents[i]);
			continue;
		}
		snprintf(path, sizeof path, "%s/%s", dir, ents[i]->d_name);
		free(ents[i]);
		if (stat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth > 0)
				count += replay_dir(path, depth - 1);
			continue;
		}
		replay_file(path);
		count++;
	}
	free(ents);
	return count;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	char dir[4096];
	int i, seeds;

	if (argc > 1) {
		for (i = 1; i < argc; i++)
			replay_file(argv[i]);
		return done_testing();
	}
	if (top == NULL)
		top = ".";
	snprintf(dir, sizeof dir, "%s/tests/fuzz/regress/%s", top, FUZZ_NAME);
	replay_dir(dir, 0);
	snprintf(dir, sizeof dir, "%s/tests/samples", top);
	seeds = replay_dir(dir, 0);
	snprintf(dir, sizeof dir, "%s/tests/fixtures", top);
	seeds += replay_dir(dir, 2);
	/* An empty run would hide a wrong top_srcdir. */
	ok(seeds > 0, "the samples were found under %s", top);
	/* Short and degenerate inputs, which no file holds. */
	LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
	LLVMFuzzerTestOneInput((const uint8_t *)"\n", 1);
	LLVMFuzzerTestOneInput((const uint8_t *)"\0\0\0\0", 4);
	LLVMFuzzerTestOneInput((const uint8_t *)"\xff\xfe\xff", 3);
	ok(1, "%s: empty and tiny inputs", FUZZ_NAME);
	return done_testing();
}
