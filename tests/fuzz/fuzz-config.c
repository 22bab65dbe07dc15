/*
 * fuzz-config.c - the settings file: config_parse() over any bytes.
 *
 * The whole input is the file's text.  Every field must come out unset or
 * in its range, and the errors must be valid UTF-8 without a control
 * character but the newline that ends each of them, one "fuzz:LINE:" line
 * per error counted.
 */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "juan/config.h"

static void
check_range(int v, int lo, int hi)
{
	FUZZ_CHECK(v == CONFIG_UNSET || (v >= lo && v <= hi));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct sbuf e = SBUF_INIT;
	size_t i, lines = 0;
	int bad, k;

	config_init(&c);
	bad = config_parse(&c, (const char *)data, size, "fuzz", &e);
	check_range(c.pane_pct, 15, 60);
	check_range(c.pane, 0, 2);
	check_range(c.tl_by_date, 0, 1);
	FUZZ_CHECK(c.max_width == CONFIG_UNSET || c.max_width == 0 ||
	    (c.max_width >= CONFIG_MAX_WIDTH_MIN &&
	    c.max_width <= CONFIG_MAX_WIDTH_MAX));
	check_range(c.ambiwidth, 0, 2);
	check_range(c.colors, 0, 1);
	for (k = 0; k < CONFIG_COLOR_N; k++) {
		check_range(c.color[k].fg, -1, 255);
		check_range(c.color[k].bg, -1, 255);
	}
	FUZZ_CHECK(bad >= 0);
	FUZZ_CHECK(fuzz_utf8_ok(e.s != NULL ? e.s : "", e.len));
	for (i = 0; i < e.len; i++) {
		FUZZ_CHECK((unsigned char)e.s[i] >= 0x20 || e.s[i] == '\n');
		FUZZ_CHECK(e.s[i] != 0x7f);
		if (e.s[i] == '\n')
			lines++;
		if (i == 0 || e.s[i - 1] == '\n')
			FUZZ_CHECK(strncmp(e.s + i, "fuzz:", 5) == 0);
	}
	FUZZ_CHECK(lines == (size_t)bad);
	FUZZ_CHECK(e.len == 0 || e.s[e.len - 1] == '\n');
	sbuf_free(&e);
	return 0;
}
