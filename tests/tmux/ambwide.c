/*
 * ambwide.c - a wcwidth() for which East Asian Ambiguous characters
 * (“ ” … — · ※ ① ° and the like) are two columns wide, as in many CJK
 * terminals.  tests/tmux/ambiwidth.sh loads it into a tmux server with
 * LD_PRELOAD, so that tmux keeps its screen as such a terminal would.
 * It is built for the tests only and never installed.
 */
#include <stddef.h>
#include <uniwidth.h>
#include <wchar.h>

int
wcwidth(wchar_t c)
{
	return uc_width((ucs4_t)c, "EUC-JP");
}

int
wcswidth(const wchar_t *s, size_t n)
{
	size_t i;
	int w = 0, k;

	for (i = 0; i < n && s[i] != L'\0'; i++) {
		if ((k = wcwidth(s[i])) < 0)
			return -1;
		w += k;
	}
	return w;
}
