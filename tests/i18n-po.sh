#!/bin/sh
# i18n-po.sh - the Chinese catalogue is in step with the sources: xgettext,
# run as po/Makevars runs it over po/POTFILES.in, finds no message that
# po/zh_CN.po lacks, leaves none there obsolete, and every message has a
# translation that is neither empty nor fuzzy and passes msgfmt -c (the
# printf conversions agree); every source that marks a message is in
# POTFILES.in; and --help is in Chinese under LANGUAGE=zh_CN (lines within
# 80 columns) and in English without it.  The gettext tools are the ones
# configure found (MSGFMT, XGETTEXT, MSGMERGE from make check).
. "${top_srcdir:-.}/tests/lib.sh"

po=$top_srcdir/po
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
: "${MSGFMT:=msgfmt}" "${XGETTEXT:=xgettext}" "${MSGMERGE:=msgmerge}"
msgattrib=$(dirname "$(command -v "$MSGFMT")")/msgattrib
[ -x "$msgattrib" ] || msgattrib=msgattrib

"$MSGFMT" --version >/dev/null 2>&1 && "$XGETTEXT" --version >/dev/null \
    2>&1 && "$MSGMERGE" --version >/dev/null 2>&1 &&
    "$msgattrib" --version >/dev/null 2>&1
ok $? "the gettext tools are there ($MSGFMT, $XGETTEXT, $MSGMERGE)"

# The sources that mark messages are the ones POTFILES.in lists.
grep -v '^#' "$po/POTFILES.in" | sed '/^$/d' | sort >"$tmp/listed"
(cd "$top_srcdir" && grep -lE '(^|[^A-Za-z0-9_])[NP]?_\("' src/*.c \
    src/ui/*.c) | sort >"$tmp/marked"
diff "$tmp/listed" "$tmp/marked" >"$tmp/diff"
ok $? "po/POTFILES.in lists every source with a marked message"
[ -s "$tmp/diff" ] && diag "$(cat "$tmp/diff")"

# xgettext with the options of po/Makevars (continuation lines joined).
opts=$(sed -n '/^XGETTEXT_OPTIONS/,/[^\\]$/p' "$po/Makevars" |
    sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086
(cd "$top_srcdir" && "$XGETTEXT" $opts --package-name=juan \
    --files-from=po/POTFILES.in -o "$tmp/juan.pot" 2>"$tmp/xg")
ok $? "xgettext reads the sources"
n=$(grep -c '^msgid ' "$tmp/juan.pot")
[ "$n" -gt 100 ]
ok $? "... and finds the reader's messages ($((n - 1)))"

"$MSGMERGE" -q --no-fuzzy-matching "$po/zh_CN.po" "$tmp/juan.pot" \
    -o "$tmp/merged.po" 2>"$tmp/mm"
ok $? "msgmerge joins zh_CN.po with the sources' messages"
for what in untranslated only-fuzzy only-obsolete; do
	"$msgattrib" --no-wrap --"$what" "$tmp/merged.po" |
	    grep '^msgid ' | grep -v '^msgid ""$' >"$tmp/$what"
	[ ! -s "$tmp/$what" ]
	ok $? "no message is $what in zh_CN.po against the sources"
	[ -s "$tmp/$what" ] && diag "$(head -5 "$tmp/$what")"
done
# msgattrib counts a translation of spaces as done: none may be blank.
awk '
function done_str() {
	if (what == "id") id = val
	else if (what == "str" && id != "" && val ~ /^[ ]*$/) print id
	what = ""
}
/^msgid /	{ done_str(); what = "id"; val = "" }
/^msgid_plural /	{ done_str(); what = "plural" }
/^msgstr/	{ done_str(); what = "str"; val = "" }
/^"/ || /^msg/	{ s = $0; sub(/^[^"]*"/, "", s); sub(/"$/, "", s); val = val s;
		  next }
		{ done_str() }
END		{ done_str() }' "$po/zh_CN.po" >"$tmp/blank"
[ ! -s "$tmp/blank" ]
ok $? "no translation is blank"
[ -s "$tmp/blank" ] && diag "$(head -5 "$tmp/blank")"
"$MSGFMT" -c --statistics -o "$tmp/juan.mo" "$po/zh_CN.po" 2>"$tmp/st"
ok $? "msgfmt -c accepts zh_CN.po (formats, header, plural forms)"
grep -qE '^[0-9]+ translated messages\.$' "$tmp/st"
ok $? "... all translated: $(cat "$tmp/st")"

if [ "${USE_NLS:-yes}" = yes ]; then
	LANGUAGE=zh_CN "$JUAN" --help >"$tmp/help-zh"
	grep -q '^用法：juan \[选项\]' "$tmp/help-zh" &&
	    grep -q '^  -o, --outline  *输出标题' "$tmp/help-zh"
	ok $? "--help under LANGUAGE=zh_CN is in Chinese, options as they are"
	[ "$(wc -L <"$tmp/help-zh")" -le 80 ]
	ok $? "... in lines of at most 80 columns"
	LANGUAGE=zh_CN "$JUAN" --width=x 2>"$tmp/err-zh"
	[ $? -eq 2 ] && grep -q "无效的宽度 'x'" "$tmp/err-zh"
	ok $? "a usage error under LANGUAGE=zh_CN is in Chinese"
fi
"$JUAN" --help >"$tmp/help-en"
grep -q '^Usage: juan \[OPTION\]' "$tmp/help-en"
ok $? "--help without LANGUAGE is in English"

done_testing
