#!/bin/sh
# docs.sh - the documentation agrees with the program.
#
# The program's --help is the reference: every long option it lists must be
# described in the man page, the README and the built-in guide, and neither
# the man page nor the README may name an option that --help does not list
# (the README may also name the options of ./configure).  The man page must
# be well-formed man(7) and format without warnings, and the README's Quick
# start must stay the two commands that CI and a new user run.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
man=$top_srcdir/man/juan.1
readme=$top_srcdir/README.md
guide=$top_srcdir/src/guide.txt

# longopts: the distinct long options named in standard input, one a line.
longopts() {
	grep -o -- '--[a-z][a-z0-9-]*' | sed 's/-*$//' | sort -u
}

# man_text: the man page's source with comments dropped and the escapes
# that hide option names (\- for a hyphen, \fB for a font, \& for nothing)
# undone, and the font macros' quoting removed (.BR \-o ", " \-\-outline
# becomes "-o, --outline"), so that plain text searches see the options.
man_text() {
	sed -e '/^\.\\"/d' -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' \
	    -e 's/\\f(..//g' -e 's/\\f\[[A-Z]*\]//g' -e 's/\\&//g' \
	    -e '/^\.[BIRS][BIRM]* /{s/^\.[A-Z]* //;s/"//g;s/ *, */, /g;}' "$man"
}

# missing FILE: the options of $tmp/want that FILE does not mention.
missing() {
	while IFS= read -r opt; do
		grep -qe "$opt\\([^a-z0-9-]\\|\$\\)" "$1" || printf '%s ' "$opt"
	done < "$tmp/want"
}

"$JUAN" --help >"$tmp/help" 2>&1
ok $? "--help exits 0"
"$JUAN" --version >"$tmp/version" 2>&1
ok $? "--version exits 0"
grep -q '^juan [0-9]' "$tmp/version"
ok $? "--version prints 'juan VERSION'"
version=$(sed -n '1s/^juan //p' "$tmp/version")

longopts <"$tmp/help" >"$tmp/want"
[ "$(wc -l <"$tmp/want")" -ge 5 ]
ok $? "--help lists the long options ($(tr '\n' ' ' <"$tmp/want"))"

man_text >"$tmp/man"
sed 's/`//g' "$readme" >"$tmp/readme"
for doc in man readme guide; do
	case $doc in
	man) f=$tmp/man ;;
	readme) f=$tmp/readme ;;
	guide) f=$guide ;;
	esac
	gone=$(missing "$f")
	[ -z "$gone" ]
	ok $? "every long option of --help is in the $doc ${gone:+(missing: $gone)}"
done

# Short and long forms go together as --help pairs them ("-o, --outline").
sed -n 's/^ *\(-[A-Za-z]\), \(--[a-z][a-z0-9-]*\).*/\1, \2/p' "$tmp/help" \
    >"$tmp/pairs"
[ -s "$tmp/pairs" ]
ok $? "--help pairs short options with long ones"
for doc in man readme; do
	gone=
	while IFS= read -r pair; do
		grep -qF -e "$pair" "$tmp/$doc" || gone="$gone'$pair' "
	done <"$tmp/pairs"
	[ -z "$gone" ]
	ok $? "the $doc gives each short option with its long one ${gone:+(missing: $gone)}"
done

# Nothing documented that the program lacks.
extra=$(longopts <"$tmp/man" | grep -vxF -f "$tmp/want" | tr '\n' ' ')
[ -z "$extra" ]
ok $? "the man page names no option --help lacks ${extra:+($extra)}"
{ cat "$tmp/want"; "$top_srcdir/configure" --help | longopts; } >"$tmp/known"
extra=$(longopts <"$tmp/readme" | grep -vxF -f "$tmp/known" | tr '\n' ' ')
[ -z "$extra" ]
ok $? "the README names no option that juan or configure lacks ${extra:+($extra)}"
extra=$(longopts <"$top_srcdir/HACKING.md" | grep -vxF -f "$tmp/known" |
    tr '\n' ' ')
[ -z "$extra" ]
ok $? "HACKING.md names no option that juan or configure lacks ${extra:+($extra)}"

# The man page: the sections a reader looks for, and only man(7) macros.
gone=
for sh in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS OUTPUT FILES ENVIRONMENT \
    'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
	grep -q "^\\.SH \"*$sh" "$man" || gone="$gone'$sh' "
done
[ -z "$gone" ]
ok $? "the man page has every section ${gone:+(missing: $gone)}"
bad=$(grep -n '^[.'\'']' "$man" | grep -v '^[0-9]*:[.'\''][\\]"' |
    sed 's/^\([0-9]*\):[.'\''] *\([^ ]*\).*/\1:\2/' |
    grep -vE ':(TH|SH|SS|PP|LP|P|TP|TQ|IP|RS|RE|B|I|BR|BI|IB|RB|RI|IR|SM|SB|EX|EE|UR|UE|MT|ME|nf|fi|br|sp|in|ne|ad|na|hy|nh)$' |
    tr '\n' ' ')
[ -z "$bad" ]
ok $? "the man page uses only man(7) macros ${bad:+(line:macro $bad)}"
grep -q "^\\.TH JUAN 1 [^ ]* \"juan $version\"" "$man"
ok $? "the man page's .TH carries the program's version ($version)"
gone=
for env in NO_COLOR TERM XDG_STATE_HOME LANG LC_ALL; do
	grep -q "$env" "$tmp/man" || gone="$gone$env "
done
[ -z "$gone" ]
ok $? "the man page's ENVIRONMENT names each variable ${gone:+(missing: $gone)}"

# The keys: the README's table and the man page's KEYS section list the
# same ones (the first column of the table, the tags of the .TP items).
awk '/^## /{k = ($0 ~ /^## Keys/); next}
     k && /^\| `/{n = split($2, a, "`"); for (i = 2; i < n; i += 2) print a[i]}' \
    FS='|' "$readme" | sort -u >"$tmp/keys-readme"
awk '/^\.SH/{k = ($0 ~ /^\.SH KEYS/); next}
     k && tag {sub(/^\.[A-Z]+ /, ""); gsub(/"/, ""); gsub(/ , /, " ");
     gsub(/\\\(da/, "↓"); gsub(/\\\(ua/, "↑"); gsub(/\\\(aq/, "\047");
     gsub(/\\\(rs/, "\\"); gsub(/\\-/, "-");
     n = split($0, a, /[ ,]+/);
     for (i = 1; i <= n; i++) if (a[i] != "" && a[i] != "letter") print a[i]}
     {tag = ($0 ~ /^\.TP/)}' "$man" | sort -u >"$tmp/keys-man"
if [ "$(wc -l <"$tmp/keys-readme")" -ge 20 ] &&
    cmp -s "$tmp/keys-readme" "$tmp/keys-man"; then
	ok 0 "the README and the man page list the same keys"
else
	ok 1 "the README and the man page list the same keys"
	diag "$(diff "$tmp/keys-readme" "$tmp/keys-man")"
fi

# Formatting without warnings needs a formatter.  groff is the one man(1)
# uses on Debian; mandoc's linter is as good a judge when it is there.
if command -v groff >/dev/null 2>&1; then
	# Without -z, groff also reports characters it cannot output.
	LC_ALL=C.UTF-8 groff -man -Tutf8 -ww "$man" 2>"$tmp/warn" >/dev/null
	[ $? -eq 0 ] && [ ! -s "$tmp/warn" ]
	ok $? "groff formats the man page without warnings"
	[ -s "$tmp/warn" ] && diag "$(head -5 "$tmp/warn")"
elif command -v mandoc >/dev/null 2>&1; then
	mandoc -man -Tlint -Wwarning "$man" >"$tmp/warn" 2>&1
	[ ! -s "$tmp/warn" ]
	ok $? "mandoc -Tlint finds nothing in the man page"
	[ -s "$tmp/warn" ] && diag "$(head -5 "$tmp/warn")"
else
	echo "ok $((tap_n + 1)) # SKIP neither groff nor mandoc is installed"
	tap_n=$((tap_n + 1))
fi

# The Quick start block, read exactly as .ci/run reads it.
awk 'tolower($0) ~ /^#+ .*quick ?start/{q=1; next}
     q && /^```/{if(f){exit} f=1; next}
     q && f && !/^[[:space:]]*(#|$)/' "$readme" >"$tmp/quick"
[ "$(wc -l <"$tmp/quick")" -eq 2 ]
ok $? "README's Quick start has exactly two commands"
sed -n 1p "$tmp/quick" | grep -q '&& \./src/juan *$'
ok $? "the first command ends by opening the guide with ./src/juan"
[ "$(sed -n 2p "$tmp/quick")" = "make check" ]
ok $? "the second command is make check"

# Each Debian package that configure asks for is in the install command
# (build-essential brings the compiler, make and the C library headers).
gone=
for pkg in $(grep -o 'Debian package: [a-z0-9.+-]*' \
    "$top_srcdir/configure.ac" | sed 's/.*: //' | sort -u); do
	case $pkg in
	gcc | make | libc6-dev) pkg=build-essential ;;
	esac
	sed -n 1p "$tmp/quick" | grep -qE "install .* $pkg( |$)" ||
	    gone="$gone$pkg "
done
[ -z "$gone" ]
ok $? "the Quick start installs every package configure needs ${gone:+(missing: $gone)}"

# The Quick start's promise: ./src/juan with no argument, on a terminal,
# opens the built-in guide, and q leaves it.  The terminal is a private
# tmux server; a missing tmux fails, as in the other terminal tests.
: "${TMUX_BIN:=$(command -v tmux)}"
title=$(sed -n 1p "$guide")
if [ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ]; then
	# A new socket for each server: one that is shutting down may still
	# hold the old one.
	sock=$tmp/sock1
	tm() { "$TMUX_BIN" -u -S "$sock" -f /dev/null "$@"; }
	# screen_has TEXT: waits up to 10 s for TEXT on the screen.
	screen_has() {
		i=0
		while [ $i -lt 100 ]; do
			tm capture-pane -p -t docs 2>/dev/null |
			    grep -qF -e "$1" && return 0
			sleep 0.1
			i=$((i + 1))
		done
		return 1
	}
	mkdir -p "$tmp/state"
	tm new-session -d -s docs -x 100 -y 30 \
	    "env -u NO_COLOR TERM=screen-256color XDG_STATE_HOME='$tmp/state' \
	    '$JUAN'; echo juan-exit=\$?; sleep 60"
	# The guide is shown and juan is still running: the reader, not a
	# dump of the guide to the terminal.
	screen_has "$title" && sleep 0.3 &&
	    ! tm capture-pane -p -t docs | grep -q 'juan-exit='
	ok $? "juan with no file on a terminal opens the guide ($title)"
	tm send-keys -t docs q
	screen_has "juan-exit=0"
	ok $? "q leaves the guide with status 0"
	tm kill-server 2>/dev/null

	# The reader's own help (h) shows every key the man page documents.
	# An empty document leaves nothing on the screen but the help, whose
	# words are its own names for the keys: Down for ↓, ^L for Ctrl-L,
	# m<a-z> for m and a letter.
	: >"$tmp/empty.txt"
	sock=$tmp/sock2
	tm new-session -d -s docs -x 100 -y 40 \
	    "env -u NO_COLOR TERM=screen-256color XDG_STATE_HOME='$tmp/state' \
	    '$JUAN' '$tmp/empty.txt'; sleep 60"
	screen_has "empty.txt"
	tm send-keys -t docs h
	screen_has "F1"
	tm capture-pane -p -t docs | tr -s ' ' '\n' >"$tmp/help-words"
	tm kill-server 2>/dev/null
	gone=
	while IFS= read -r key; do
		word=$(printf '%s\n' "$key" |
		    sed 's/^↓$/Down/; s/^↑$/Up/; s/^Ctrl-/^/')
		grep -qxF -e "$word" "$tmp/help-words" ||
		    grep -qF -e "$word<" "$tmp/help-words" ||
		    gone="$gone$key "
	done <"$tmp/keys-man"
	[ -z "$gone" ]
	ok $? "the reader's help shows every key of the man page ${gone:+(missing: $gone)}"
else
	ok 1 "tmux is installed (TMUX_BIN='$TMUX_BIN')"
fi

# The guide is also a test input: its outline is its title and exactly
# its numbered headings (一、 and （一）), nothing of its body.
grep -E '^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)' "$guide" \
    >"$tmp/headings"
"$JUAN" --outline </dev/null >"$tmp/g-outline" 2>&1
gone=
while IFS= read -r h; do
	awk -v h="$h" '{ n = length($0) - length(h) }
	    n >= 0 && substr($0, n + 1) == h && (n == 0 ||
	    substr($0, n, 1) == " ") { f = 1 } END { exit !f }' \
	    "$tmp/g-outline" || gone="$gone'$h' "
done <"$tmp/headings"
[ -z "$gone" ] && [ "$(sed -n 1p "$tmp/g-outline")" = "$title" ] &&
    [ $(($(wc -l <"$tmp/g-outline") - 1)) -eq "$(wc -l <"$tmp/headings")" ]
ok $? "the guide's outline is its title and its $(wc -l <"$tmp/headings") headings ${gone:+(missing: $gone)}"

# The README's examples of --outline and --timeline output (the first two
# fenced blocks of "Output formats") are what juan prints for the guide:
# every outline line as it stands, the timeline line but for the spacing.
awk '/^## /{o = ($0 ~ /^## Output formats/); next}
     o && /^```/{if (++fence == 4) exit; next}
     o && fence % 2 == 1 {print (fence == 1 ? "o " : "t ") $0}' \
    "$readme" >"$tmp/examples"
"$JUAN" --outline </dev/null >"$tmp/g-outline" 2>&1
"$JUAN" --timeline </dev/null | tr -s ' \t' '  ' >"$tmp/g-timeline" 2>&1
gone=
while IFS= read -r line; do
	case $line in
	"o "*) grep -qxF -e "${line#o }" "$tmp/g-outline" ||
	    gone="$gone'${line#o }' " ;;
	"t VALUE"*) ;;
	"t "*) line=$(printf '%s\n' "${line#t }" | tr -s ' \t' '  ')
	    grep -qxF -e "$line" "$tmp/g-timeline" || gone="$gone'$line' " ;;
	esac
done <"$tmp/examples"
[ "$(grep -c '^o ' "$tmp/examples")" -ge 2 ] &&
    [ "$(grep -c '^t ' "$tmp/examples")" -ge 2 ] && [ -z "$gone" ]
ok $? "the README's output examples are juan's output for the guide ${gone:+(not printed: $gone)}"

grep -q 'tests/bench/run' "$readme"
ok $? "the README tells how to run the benchmarks"

done_testing
