/*
 * search-var.c - the variants of a Han character, and a regular expression
 * rewritten to match them.
 *
 * The data is the table that search-vgen writes at build time from
 * OpenCC's dictionaries (search-int.h): the Han characters that have
 * variants, partitioned into classes, each class's members in code point
 * order.  Literal search folds a character to its class's first member
 * (search_var_fold, inline in search-int.h); a regular expression cannot
 * be folded so, since PCRE2 reads the text itself, so its pattern is
 * rewritten instead: each Han character with variants becomes a class of
 * them, which PCRE2 matches as one atom, so quantifiers and alternatives
 * keep their meaning.  The rewriting walks the pattern once with the
 * little of PCRE2's syntax that matters: escapes with a braced or quoted
 * argument (\x{..}, \p{..}, \k<..>, \g'..'), \Q..\E quoting, character
 * classes (their POSIX [:names:] and the ends of a range, which are left
 * alone), and the group openings that carry a name or a comment.
 */
#include "config.h"

#include <string.h>

#include "juan/util.h"
#include "search-int.h"

size_t
search_var_members(uint32_t c, const uint32_t **m)
{
	unsigned k = search_var_class(c);

	if (k == 0)
		return 0;
	*m = search_var_cls + search_var_off[k];
	return search_var_off[k + 1] - search_var_off[k];
}

/* Appends c in UTF-8. */
static void
add_u8(struct sbuf *b, uint32_t c)
{
	char u[4];
	size_t n;

	if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | c >> 18);
		u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	sbuf_add(b, u, n);
}

/* Appends the members of c's class (all Han, so never ASCII), but c. */
static void
add_others(struct sbuf *b, uint32_t c)
{
	const uint32_t *m;
	size_t n = search_var_members(c, &m), i;

	for (i = 0; i < n; i++)
		if (m[i] != c)
			add_u8(b, m[i]);
}

/* Copies p[i..n) up to and including the first byte close (or to the
   end); returns where the copy ended. */
static size_t
copy_to(struct sbuf *b, const char *p, size_t n, size_t i, char close)
{
	const char *q = memchr(p + i, close, n - i);
	size_t e = q != NULL ? (size_t)(q - p) + 1 : n;

	sbuf_add(b, p + i, e - i);
	return e;
}

/*
 * Copies the escape at p[i] (a backslash); returns where it ends.  Sets
 * *quote at \Q.
 */
static size_t
copy_escape(struct sbuf *b, const char *p, size_t n, size_t i, int *quote)
{
	uint32_t c;
	size_t e;
	char d;

	if (i + 1 >= n) {
		sbuf_addc(b, '\\');
		return n;
	}
	d = p[i + 1];
	if (d == 'Q')
		*quote = 1;
	if (i + 2 < n && p[i + 2] == '{' && strchr("xopPNgk", d) != NULL)
		return copy_to(b, p, n, i, '}');
	if (i + 2 < n && (d == 'g' || d == 'k') && (p[i + 2] == '<' ||
	    p[i + 2] == '\'')) {
		sbuf_add(b, p + i, 3);
		return copy_to(b, p, n, i + 3, p[i + 2] == '<' ? '>' : '\'');
	}
	/* \cX takes the next character too; any other escape is one. */
	e = i + 1;
	if (d == 'c' && i + 2 < n)
		e++;
	e += (size_t)util_u8_next(p + e, n - e, &c);
	sbuf_add(b, p + i, e - i);
	return e;
}

/*
 * Copies the opening of a group at p[i] ("(?" or "(*"); when it carries a
 * name, a condition, a comment or a verb, all of it.  Returns where the
 * copy ended.
 */
static size_t
copy_group(struct sbuf *b, const char *p, size_t n, size_t i)
{
	static const struct {
		const char *open;	/* after the parenthesis */
		char close;		/* the byte that ends it */
	} heads[] = {
		{ "*", ')' }, { "?#", ')' }, { "?P<", '>' }, { "?P=", ')' },
		{ "?P>", ')' }, { "?'", '\'' }, { "?&", ')' }, { "?(", ')' },
		{ "?C", ')' }, { "?<=", 0 }, { "?<!", 0 }, { "?<", '>' },
	};
	size_t k, len;

	for (k = 0; k < sizeof heads / sizeof heads[0]; k++) {
		len = strlen(heads[k].open);
		if (n - i - 1 >= len && memcmp(p + i + 1, heads[k].open,
		    len) == 0) {
			if (heads[k].close == 0)
				break;
			return copy_to(b, p, n, i, heads[k].close);
		}
	}
	sbuf_add(b, p + i, 2);
	return i + 2;
}

/* Whether the character at p[i..i+k) is an end of a range in a class. */
static int
range_end(const char *p, size_t n, size_t i, size_t k)
{
	return (i > 0 && p[i - 1] == '-') || (i + k + 1 < n &&
	    p[i + k] == '-' && p[i + k + 1] != ']');
}

char *
search_var_regex(const char *p)
{
	struct sbuf b = SBUF_INIT;
	size_t n = strlen(p), i = 0, k;
	int quote = 0, incls = 0, changed = 0;
	uint32_t c;
	const uint32_t *m;

	sbuf_add(&b, "", 0);
	while (i < n) {
		if (quote && p[i] == '\\' && i + 1 < n && p[i + 1] == 'E') {
			sbuf_add(&b, p + i, 2);
			i += 2;
			quote = 0;
			continue;
		}
		if (!quote && p[i] == '\\') {
			i = copy_escape(&b, p, n, i, &quote);
			continue;
		}
		if (!quote && !incls && p[i] == '[') {
			/* A ] right after [ or [^ is a member. */
			k = i + 1 + (i + 1 < n && p[i + 1] == '^');
			k += k < n && p[k] == ']';
			sbuf_add(&b, p + i, k - i);
			i = k;
			incls = 1;
			continue;
		}
		if (!quote && !incls && p[i] == '(' && i + 1 < n &&
		    (p[i + 1] == '?' || p[i + 1] == '*')) {
			i = copy_group(&b, p, n, i);
			continue;
		}
		if (!quote && incls && p[i] == '[' && i + 1 < n &&
		    p[i + 1] == ':') {
			i = copy_to(&b, p, n, i, ']');
			continue;
		}
		if (!quote && incls && p[i] == ']')
			incls = 0;
		k = (size_t)util_u8_next(p + i, n - i, &c);
		if (search_var_members(c, &m) == 0 || (incls && (quote ||
		    range_end(p, n, i, k))))
			sbuf_add(&b, p + i, k);
		else if (incls) {
			sbuf_add(&b, p + i, k);
			add_others(&b, c);
			changed = 1;
		} else {
			sbuf_adds(&b, quote ? "\\E[" : "[");
			sbuf_add(&b, p + i, k);
			add_others(&b, c);
			sbuf_adds(&b, quote ? "]\\Q" : "]");
			changed = 1;
		}
		i += k;
	}
	if (!changed) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}
