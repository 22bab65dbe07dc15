/*
 * fuzz-epub.c - the EPUB converter (convert_epub): any bytes are a book.
 *
 * The input is the zip itself.  The converter either fails with a
 * message (not a zip, broken, encrypted, too large) or gives a text with
 * the invariants that fuzz-html.c checks, and toc offsets inside it.
 */
#define FUZZ_EPUB 1
#include "fuzz-html.c"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hints *h = NULL;
	char *text = NULL, *err = NULL;
	size_t len = 0;
	int rc;

	rc = convert_epub((const char *)data, size, "fuzz.epub", &text, &len,
	    &h, &err);
	if (rc != 0) {
		FUZZ_CHECK(rc == -1 && err != NULL && fuzz_str_ok(err));
		FUZZ_CHECK(text == NULL || h == NULL);
		free(err);
		return 0;
	}
	FUZZ_CHECK(err == NULL);
	check_output(text, len, h);
	free(text);
	hints_free(h);
	return 0;
}
