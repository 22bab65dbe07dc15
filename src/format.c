/*
 * format.c - recognising the kind of an input and an HTML page's charset.
 *
 * Everything here looks at the first FORMAT_HEAD bytes of the input (and
 * at its name), never at the whole, and parses nothing: the zip check
 * reads two fields of the first local file header where the EPUB OCF
 * rules put the "mimetype" entry, the HTML check skips what may come
 * before the first tag, and the charset scan reads the attributes of
 * <meta> elements and of an XML declaration in the first
 * FORMAT_CHARSET_SPAN bytes.  The converters (md4c, libxml2, libzip) do
 * the parsing; this only decides which of them gets the input.
 */
#include "config.h"

#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "juan/buffer.h"
#include "juan/format.h"
#include "juan/util.h"

static const char *const names[] = { "text", "markdown", "html", "epub" };

/* Extensions and the kind each means, compared without regard to case. */
static const struct {
	const char *ext;
	enum format_kind kind;
} extensions[] = {
	{ ".epub", FORMAT_EPUB },
	{ ".html", FORMAT_HTML },
	{ ".htm", FORMAT_HTML },
	{ ".xhtml", FORMAT_HTML },
	{ ".md", FORMAT_MARKDOWN },
	{ ".markdown", FORMAT_MARKDOWN },
	{ ".mkd", FORMAT_MARKDOWN },
};

const char *
format_name(enum format_kind kind)
{
	return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] :
	    "text";
}

int
format_parse(const char *name, enum format_kind *kind)
{
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(name, names[i]) == 0) {
			*kind = (enum format_kind)i;
			return 0;
		}
	if (strcasecmp(name, "md") == 0) {
		*kind = FORMAT_MARKDOWN;
		return 0;
	}
	return -1;
}

/* The kind that path's extension names, or -1. */
static int
by_extension(const char *path)
{
	const char *dot, *slash;
	size_t i;

	if (path == NULL || strcmp(path, "-") == 0)
		return -1;
	slash = strrchr(path, '/');
	dot = strrchr(slash != NULL ? slash : path, '.');
	if (dot == NULL)
		return -1;
	for (i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
		if (strcasecmp(dot, extensions[i].ext) == 0)
			return (int)extensions[i].kind;
	return -1;
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

int
format_is_epub(const char *head, size_t n)
{
	static const char mime[] = "application/epub+zip";
	const unsigned char *u = (const unsigned char *)head;
	size_t name_len, extra, at;

	if (n < 30 || memcmp(head, "PK\3\4", 4) != 0)
		return 0;
	name_len = le16(u + 26);
	extra = le16(u + 28);
	at = 30 + name_len + extra;
	return name_len == 8 && memcmp(head + 30, "mimetype", 8) == 0 &&
	    at + sizeof mime - 1 <= n &&
	    memcmp(head + at, mime, sizeof mime - 1) == 0;
}

/*
 * The ASCII view of a head in UTF-16 with a byte-order mark (every other
 * byte, others made '?'), so that the tag checks work on it too; NULL for
 * a head that is not UTF-16.
 */
static char *
narrow_utf16(const char *head, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)head;
	size_t i, k = 0, lo;
	char *out;

	if (n < 2 || !((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff)))
		return NULL;
	lo = u[0] == 0xff ? 0 : 1;	/* where the low byte is */
	out = xmalloc(n / 2 + 1);
	for (i = 2; i + 1 < n; i += 2)
		out[k++] = u[i + 1 - lo] == 0 && u[i + lo] < 0x80 ?
		    (char)u[i + lo] : '?';
	out[k] = '\0';
	*len = k;
	return out;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Tells whether s[0..n) starts with the ASCII word w, in any case. */
static int
starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(s, w, k) == 0;
}

/* The offset past what may come before the first tag of a page. */
static size_t
skip_prolog(const char *s, size_t n)
{
	size_t i = 0;
	const char *end;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && is_space(s[i]))
			i++;
		if (starts(s + i, n - i, "<!--"))
			end = memmem(s + i + 4, n - i - 4, "-->", 3);
		else if (starts(s + i, n - i, "<?"))
			end = memmem(s + i + 2, n - i - 2, "?>", 2);
		else
			return i;
		if (end == NULL)
			return n;
		i = (size_t)(end - s) + (s[i + 1] == '!' ? 3 : 2);
	}
}

static int
html_start(const char *s, size_t n)
{
	static const char *const opens[] = { "<!doctype html", "<html" };
	size_t i = skip_prolog(s, n), k, len;
	char c;

	for (k = 0; k < sizeof opens / sizeof opens[0]; k++) {
		len = strlen(opens[k]);
		if (!starts(s + i, n - i, opens[k]))
			continue;
		c = i + len < n ? s[i + len] : '\0';
		if (is_space(c) || c == '>' || c == '/')
			return 1;
	}
	return 0;
}

int
format_is_html(const char *head, size_t n)
{
	size_t len;
	char *narrow = narrow_utf16(head, n, &len);
	int r;

	if (narrow == NULL)
		return html_start(head, n);
	r = html_start(narrow, len);
	free(narrow);
	return r;
}

enum format_kind
format_detect(const char *path, const char *head, size_t n)
{
	int ext = by_extension(path);

	if (format_is_epub(head, n) || ext == FORMAT_EPUB)
		return FORMAT_EPUB;
	if (ext == FORMAT_HTML || format_is_html(head, n))
		return FORMAT_HTML;
	if (ext == FORMAT_MARKDOWN)
		return FORMAT_MARKDOWN;
	return FORMAT_TEXT;
}

enum format_kind
format_detect_path(const char *path)
{
	char head[FORMAT_HEAD];
	struct stat st;
	ssize_t r;
	size_t n = 0;
	int fd;

	if (path == NULL || strcmp(path, "-") == 0)
		return FORMAT_TEXT;
	/*
	 * Only a regular file is opened: opening a FIFO would let its
	 * writer go on (and what it wrote be lost when this end closes),
	 * and a device could block.
	 */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) >= 0) {
		while (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    n < sizeof head &&
		    (r = read(fd, head + n, sizeof head - n)) > 0)
			n += (size_t)r;
		close(fd);
	}
	return format_detect(path, head, n);
}

/*
 * The value of the attribute-like word key ("charset", "encoding") in
 * s[0..n): key, white space, '=', white space, an optional quote, then
 * the name.  Returns the name's start and sets *len, or NULL.
 */
static const char *
value_of(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key), i, j;

	for (i = 0; i + k <= n; i++) {
		if (strncasecmp(s + i, key, k) != 0)
			continue;
		j = i + k;
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && is_space(s[j]))
			j++;
		if (j < n && (s[j] == '"' || s[j] == '\''))
			j++;
		return s + j;
	}
	return NULL;
}

/* An upper-case copy of the charset name at v (up to end), or NULL. */
static char *
name_at(const char *v, const char *end)
{
	struct sbuf b = SBUF_INIT;
	char c;

	while (v < end && b.len < 40) {
		c = *v++;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == ':'))
			break;
		sbuf_addc(&b, c);
	}
	if (b.len == 0) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_take(&b);
}

char *
format_html_charset(const char *head, size_t n)
{
	const char *s = head, *end, *tag, *close, *v;
	char *narrow, *found = NULL;
	size_t len, bom;

	narrow = narrow_utf16(head, n, &len);
	if (narrow != NULL)
		s = narrow;
	else
		len = n;
	if (len > FORMAT_CHARSET_SPAN)
		len = FORMAT_CHARSET_SPAN;
	end = s + len;
	/* An XML declaration first, then each <meta> element. */
	bom = len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (starts(s + bom, len - bom, "<?xml") &&
	    (close = memmem(s, len, "?>", 2)) != NULL &&
	    (v = value_of(s, (size_t)(close - s), "encoding")) != NULL)
		found = name_at(v, close);
	for (tag = s; found == NULL && tag < end &&
	    (tag = memchr(tag, '<', (size_t)(end - tag))) != NULL; tag++) {
		if (!starts(tag, (size_t)(end - tag), "<meta") ||
		    tag + 5 >= end || !(is_space(tag[5]) || tag[5] == '/'))
			continue;
		close = memchr(tag, '>', (size_t)(end - tag));
		if (close == NULL)
			close = end;
		v = value_of(tag, (size_t)(close - tag), "charset");
		if (v != NULL)
			found = name_at(v, close);
	}
	free(narrow);
	return found;
}

/* Declared names and how browsers decode them (the WHATWG Encoding
 * Standard's labels, as far as iconv has them). */
static const struct {
	const char *label, *decoder;
} wider[] = {
	{ "GB2312", "GB18030" }, { "GBK", "GB18030" },
	{ "GB_2312-80", "GB18030" }, { "X-GBK", "GB18030" },
	{ "EUC-CN", "GB18030" }, { "CP936", "GB18030" },
	{ "BIG5", "BIG5-HKSCS" }, { "X-X-BIG5", "BIG5-HKSCS" },
	{ "SHIFT_JIS", "CP932" }, { "SHIFT-JIS", "CP932" },
	{ "SJIS", "CP932" }, { "X-SJIS", "CP932" }, { "MS_KANJI", "CP932" },
	{ "WINDOWS-31J", "CP932" }, { "EUC-KR", "CP949" },
	{ "KS_C_5601-1987", "CP949" }, { "ISO-8859-1", "WINDOWS-1252" },
	{ "US-ASCII", "WINDOWS-1252" }, { "LATIN1", "WINDOWS-1252" },
};

char *
format_html_encoding(const char *bytes, size_t n)
{
	const unsigned char *u = (const unsigned char *)bytes;
	char *declared, *out;
	const char *dec;
	size_t i;
	iconv_t cd;

	if ((n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
	    (u[0] == 0xfe && u[1] == 0xff))) || buffer_utf8_valid(bytes, n))
		return NULL;
	declared = format_html_charset(bytes, n < FORMAT_HEAD ? n :
	    FORMAT_HEAD);
	if (declared == NULL)
		return NULL;
	dec = declared;
	for (i = 0; i < sizeof wider / sizeof wider[0]; i++)
		if (strcmp(declared, wider[i].label) == 0)
			dec = wider[i].decoder;
	/* UTF-8 declared on bytes that are not: the buffer's detection. */
	if (strncmp(dec, "UTF-", 4) == 0 || strcmp(dec, "UTF8") == 0 ||
	    (cd = iconv_open("UTF-8", dec)) == (iconv_t)-1) {
		free(declared);
		return NULL;
	}
	iconv_close(cd);
	out = xstrdup(dec);
	free(declared);
	return out;
}
