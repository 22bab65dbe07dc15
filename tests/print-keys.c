/*
 * print-keys.c - prints the keys of the command table as the README and
 * the manual name them, one a line, for tests/keys.sh.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "juan/command.h"

int
main(void)
{
	size_t i, n;
	const char *s;

	for (i = 0; i < command_nrows; i++) {
		for (s = command_rows[i].doc; *s != '\0'; s += n) {
			s += strspn(s, " ");
			n = strcspn(s, " ");
			if (n > 0)
				printf("%.*s\n", (int)n, s);
		}
	}
	return 0;
}
