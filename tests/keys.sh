#!/bin/sh
# keys.sh - the README's table of keys and the manual's KEYS section agree
# with the reader's command table (src/command.c, printed by
# tests/print-keys): every key the table documents is named in both, and
# the README names no key the table lacks.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
man=$top_srcdir/man/juan.1
readme=$top_srcdir/README.md

"$top_builddir/tests/print-keys" | sort -u >"$tmp/table"
[ -s "$tmp/table" ]
ok $? "the command table names its keys"

# The README's names: arrows for Down and Up; each in backquotes.
sed -n '/^## Keys/,/^## [^K]/p' "$readme" | grep '^|' >"$tmp/readme"
# The manual's: the KEYS section's font macros, words split on quotes,
# commas and blanks, with the escapes for arrows, quote and backslash.
sed -n '/^\.SH KEYS/,/^\.SH [^K]/p' "$man" |
    sed -n 's/^\.[BI][RI]* //p' | tr -d '"' | tr ', ' '\n\n' |
    sed '/^$/d' | sort -u >"$tmp/man"

readme_name() {
	case $1 in
	Down) echo '↓' ;;
	Up) echo '↑' ;;
	*) printf '%s\n' "$1" ;;
	esac
}
man_name() {
	case $1 in
	Down) echo '\(da' ;;
	Up) echo '\(ua' ;;
	"'") echo '\(aq' ;;
	'\') echo '\(rs' ;;
	*) printf '%s\n' "$1" ;;
	esac
}

missing_readme=
missing_man=
while IFS= read -r k; do
	r=$(readme_name "$k")
	grep -qF -- "\`$r\`" "$tmp/readme" || missing_readme="$missing_readme $k"
	m=$(man_name "$k")
	grep -qxF -- "$m" "$tmp/man" || missing_man="$missing_man $k"
done <"$tmp/table"
[ -z "$missing_readme" ]
ok $? "README.md's key table names every key${missing_readme:+ (not:$missing_readme)}"
[ -z "$missing_man" ]
ok $? "juan.1's KEYS section names every key${missing_man:+ (not:$missing_man)}"

# The README's first column: every key in backquotes is the table's.
extra=
set -f
for k in $(cut -d'|' -f2 "$tmp/readme" | grep -o '`[^`]*`' | tr -d '`' |
    sed -e 's/↓/Down/' -e 's/↑/Up/'); do
	grep -qxF -- "$k" "$tmp/table" || extra="$extra $k"
done
[ -z "$extra" ]
ok $? "README.md names no key the table lacks${extra:+ ($extra)}"
done_testing
