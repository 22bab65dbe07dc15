/*
 * i18n.h - messages in the reader's language.
 *
 * _("...") is a message translated where it is shown, N_("...") marks a
 * message in a table (translated where it is drawn, with _()), and
 * P_(one, many, n) is a message with a count in it (ngettext picks the
 * language's plural form).  Without NLS (configure --disable-nls) each is
 * the English.  Only what the reader shows and what main.c writes for a
 * person is wrapped: what the engine writes for scripts (--outline,
 * --timeline, --search, --json) stays as it is.  po/POTFILES.in lists the
 * sources that use these; HACKING.md says how to add a message.
 */
#ifndef JUAN_I18N_H
#define JUAN_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)		gettext(s)
#define P_(s, p, n)	ngettext(s, p, n)
#else
#define _(s)		(s)
#define P_(s, p, n)	((n) == 1 ? (s) : (p))
#endif
#define N_(s)		(s)

#endif
