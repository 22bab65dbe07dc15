/*
 * bench-search.c - how fast a search that folds Han variants runs, beside
 * grep -F on the same file, in the same run.
 *
 * Not a test: a benchmark, built with "make tests/bench/bench-search" and
 * run by hand.  Usage: bench-search FILE [MB].  When FILE does not exist
 * it is first written: MB (default 200) megabytes of generated Chinese
 * text, characters drawn from the unified ideographs by Zipf's law (a
 * few hundred common ones make most of the text, as in real text), 台,
 * 臺, 颱, 檯, 湾, 灣, 发, 發, 展 among the common ones, punctuation
 * every few characters and lines hard-wrapped at 40 characters, with
 * 臺灣發展 once at the very end.  Then it loads FILE and, for each pattern,
 * counts every match over the whole text REPEAT times (default 3),
 * printing the best processor and wall-clock times and the rate; then it
 * times grep -F -c over the same file for the same words as written in
 * the text.  Processor time is the figure to quote on a shared machine.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "juan/buffer.h"
#include "juan/search.h"
#include "juan/util.h"

static double
wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Processor seconds of this process (who 0) or of its children (1). */
static double
cpu(int who)
{
	struct rusage ru;

	getrusage(who ? RUSAGE_CHILDREN : RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static void
put_u8(FILE *fp, uint32_t c)
{
	fputc((int)(0xe0 | c >> 12), fp);
	fputc((int)(0x80 | ((c >> 6) & 0x3f)), fp);
	fputc((int)(0x80 | (c & 0x3f)), fp);
}

/* Writes the generated text (see the top). */
static int
generate(const char *path, size_t mb)
{
	static const uint32_t common[] = { 0x53f0, 0x81fa, 0x98b1, 0x6aaf,
	    0x6e7e, 0x7063, 0x53d1, 0x767c, 0x5c55 };
	FILE *fp = fopen(path, "w");
	unsigned long long seed = 88172645463325252ull;
	size_t bytes = 0, col = 0, want = mb * 1000000;
	uint32_t c, r;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	while (bytes < want) {
		seed ^= seed << 13;
		seed ^= seed >> 7;
		seed ^= seed << 17;
		r = (uint32_t)(seed >> 32);
		if (r % 9 == 0) {
			fputs(r % 4 ? "，" : "。", fp);
		} else {
			/* Log-uniform ranks from 0 to 6,000 (Zipf's law, the
			   commonest character 3.8% of them). */
			double u = (double)(r >> 8) / (double)(1u << 24);
			size_t rank = (size_t)(3.0 * exp(u * log(2001.0))) - 3;

			if (rank >= 10 && rank < 100 && rank % 10 == 0)
				c = common[rank / 10 - 1];
			else
				c = 0x4e00 + (uint32_t)((rank * 7919) % 20902);
			put_u8(fp, c);
		}
		bytes += 3;
		if (++col == 40) {
			fputc('\n', fp);
			bytes++;
			col = 0;
		}
	}
	fputs("\n臺灣發展\n", fp);
	return fclose(fp);
}

/* Counts the matches of pat over the text; prints the best of repeat. */
static void
bench(const struct buffer *b, const char *pat, int novariants, int repeat)
{
	struct search_opts o = { 0, 0, novariants };
	struct search_count st;
	struct search *s;
	char *err = NULL;
	double w, c, bw = 1e9, bc = 1e9;
	int i;

	if ((s = search_new(pat, &o, &err)) == NULL) {
		fprintf(stderr, "bench-search: %s\n", err);
		exit(1);
	}
	for (i = 0; i < repeat; i++) {
		search_forget(s);
		memset(&st, 0, sizeof st);
		w = wall();
		c = cpu(0);
		while (!search_count_step(s, b->data, b->len, &st, (size_t)-1))
			continue;
		c = cpu(0) - c;
		w = wall() - w;
		bc = c < bc ? c : bc;
		bw = w < bw ? w : bw;
	}
	printf("juan %-14s %-12s %8zu matches  cpu %.3f s (%5.2f GB/s)  "
	    "wall %.3f s (%5.2f GB/s)\n", pat, novariants ? "no-variants" :
	    "variants", st.count, bc, (double)b->len / 1e9 / bc, bw,
	    (double)b->len / 1e9 / bw);
	search_free(s);
}

/* Times grep -F -c word file; prints the best of repeat. */
static void
bench_grep(const char *word, const char *path, size_t len, int repeat)
{
	char *cmd = xasprintf("grep -F -c '%s' '%s' >/dev/null", word, path);
	double w, c, bw = 1e9, bc = 1e9;
	int i;

	for (i = 0; i < repeat; i++) {
		w = wall();
		c = cpu(1);
		if (system(cmd) == -1)
			return;
		c = cpu(1) - c;
		w = wall() - w;
		bc = c < bc ? c : bc;
		bw = w < bw ? w : bw;
	}
	printf("grep -F -c %-8s %-12s %8s          cpu %.3f s (%5.2f GB/s)  "
	    "wall %.3f s (%5.2f GB/s)\n", word, "", "", bc,
	    (double)len / 1e9 / bc, bw, (double)len / 1e9 / bw);
	free(cmd);
}

int
main(int argc, char **argv)
{
	const char *r = getenv("REPEAT");
	int repeat = r != NULL ? atoi(r) : 3;
	struct buffer *b;
	struct stat st;
	char *err = NULL;

	if (argc < 2 || argc > 3) {
		fputs("usage: bench-search FILE [MB]\n", stderr);
		return 2;
	}
	if (repeat < 1)
		repeat = 1;
	if (stat(argv[1], &st) != 0 && generate(argv[1], argc > 2 ?
	    (size_t)atoi(argv[2]) : 200) != 0)
		return 1;
	if ((b = buffer_load(argv[1], NULL, 0, &err)) == NULL) {
		fprintf(stderr, "bench-search: %s: %s\n", argv[1], err);
		return 1;
	}
	printf("%s: %zu bytes\n", argv[1], b->len);
	bench(b, "台湾发展", 0, repeat);
	bench(b, "台湾发展", 1, repeat);
	bench(b, "发展", 0, repeat);
	bench(b, "湾", 0, repeat);
	bench(b, "展台", 0, repeat);
	bench(b, "台湾", 0, repeat);
	bench_grep("臺灣發展", argv[1], b->len, repeat);
	bench_grep("台湾发展", argv[1], b->len, repeat);
	bench_grep("發展", argv[1], b->len, repeat);
	buffer_free(b);
	return 0;
}
