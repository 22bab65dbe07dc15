#!/bin/sh
# binary.sh - a binary file is refused with status 1 in every
# non-interactive mode, from a path and from standard input, with one
# clear message and nothing on standard output; --binary shows it; text
# with NUL bytes of its own encoding (UTF-16, UTF-32) is not binary, nor is
# an EPUB (a zip, left to its converter).
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

# A small binary made here from bytes: an ELF-like header, NUL padding,
# controls and a string that could pass for a heading.
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000' \
    >"$tmp/made.bin"
printf '# Heading\n\000\000\000\000\001\002\003\004\005\006 text\n' \
    >>"$tmp/made.bin"
# An EPUB's first bytes: "mimetype", stored, then its content.
printf 'PK\003\004\024\000\000\000\000\000\000\000!\000o\141\253\054\024' \
    >"$tmp/book.epub"
printf '\000\000\000\024\000\000\000\010\000\000\000mimetype' \
    >>"$tmp/book.epub"
printf 'application/epub+zipPK\003\004\000\000\000\000\000\000\001\002' \
    >>"$tmp/book.epub"

# refused NAME SHOWN-NAME ARGS...: juan ARGS exits 1 saying SHOWN-NAME is
# a binary file, and prints nothing on standard output.
refused() {
	_what=$1 _shown=$2
	shift 2
	"$JUAN" "$@" >"$tmp/out" 2>"$tmp/err"
	_st=$?
	[ "$_st" -eq 1 ] && [ ! -s "$tmp/out" ] &&
	    [ "$(cat "$tmp/err")" = "juan: $_shown: binary file (see it anyway with --binary)" ]
	ok $? "$_what $* is refused (status $_st)"
	[ "$_st" -eq 1 ] || diag "$(head -c 300 "$tmp/err")"
}

for f in /bin/ls "$tmp/made.bin"; do
	[ -r "$f" ] || continue
	for mode in --outline "--outline --json" --timeline "--timeline --json" \
	    --search=ELF "--search=ELF --json" --dump "--dump -w 20" ""; do
		# shellcheck disable=SC2086
		refused "$(basename "$f")" "$f" $mode "$f"
		# shellcheck disable=SC2086
		refused "$(basename "$f") on standard input" \
		    "(standard input)" $mode <"$f"
	done
done

"$JUAN" --binary --dump -w 40 "$tmp/made.bin" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '^\^?ELF' "$tmp/out" && grep -q 'text$' "$tmp/out"
ok $? "--binary shows it, controls made visible"
"$JUAN" --binary --search=text "$tmp/made.bin" >"$tmp/out" 2>"$tmp/err"
ok $? "--binary lets --search look into it"

for f in "$FIXTURES"/encoding/*utf16* "$FIXTURES"/encoding/*utf32*; do
	"$JUAN" --outline --json "$f" >"$tmp/out" 2>"$tmp/err"
	ok $? "$(basename "$f") (NUL bytes in every ASCII character) is text"
done

"$JUAN" --outline "$tmp/book.epub" >"$tmp/out" 2>"$tmp/err"
! grep -q 'binary file' "$tmp/err"
ok $? "a broken EPUB is not refused as binary (its converter says why)"
"$JUAN" --outline "$FIXTURES/epub/small-book.epub" >"$tmp/out" 2>"$tmp/err"
ok $? "an EPUB is not refused as binary"

done_testing
