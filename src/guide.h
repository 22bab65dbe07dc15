/* guide.h - the built-in guide document, compiled from src/guide.txt. */
#ifndef JUAN_GUIDE_H
#define JUAN_GUIDE_H

#include <stddef.h>

extern const char guide_text[];	/* UTF-8, NUL-terminated */
extern const size_t guide_len;	/* bytes, without the NUL */

#endif
