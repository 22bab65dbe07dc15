/*
 * ui.c - the interactive reader (first cut: prints the outline).
 */
#include "config.h"

#include <stdio.h>

#include "juan/doc.h"
#include "out.h"
#include "ui/ui.h"

int
ui_run(struct buffer *buf, const struct app_opts *o)
{
	struct doc *d = doc_new(buf);
	int status = out_outline(d, o, stdout);

	doc_free(d);
	buffer_free(buf);
	return status;
}
