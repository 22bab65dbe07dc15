#!/bin/sh
# valgrind.sh - the non-interactive modes under valgrind's memcheck.
#
# Usage: top_srcdir=SRC JUAN=BUILD/src/juan sh SRC/tests/fuzz/valgrind.sh
# (.ci/run does this after make check; it is not part of make check, being
# slow).  Runs --outline, --timeline, --search and --dump, with --json
# where it applies, over every sample and hostile fixture; a run passes when
# memcheck reports no error (invalid reads or writes, uses of uninitialised
# values, definite leaks).  For the same under hostile.sh and its files
# named by hostile paths: JUAN_VALGRIND=1 sh SRC/tests/hostile.sh.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind.sh: valgrind is not installed" >&2
	exit 99
fi

vg() {
	_desc=$1
	shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --suppressions="$top_srcdir/tests/fuzz/valgrind.supp" \
	    --errors-for-leak-kinds=definite --log-file="$tmp/vg" \
	    "$JUAN" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	_st=$?
	[ "$_st" -ne 99 ] && [ "$_st" -lt 128 ] && [ ! -s "$tmp/vg" ]
	ok $? "$_desc (exit $_st)"
	[ -s "$tmp/vg" ] && diag "$(head -40 "$tmp/vg")"
}

for f in "$SAMPLES"/* "$FIXTURES"/hostile/*; do
	case $f in */README) continue ;; esac
	n=$(basename "$f")
	vg "$n --outline" --outline "$f"
	vg "$n --outline --json" --outline --json "$f"
	vg "$n --timeline --sort=date" --timeline --sort=date "$f"
	vg "$n --timeline --json" --timeline --json "$f"
	vg "$n --search" --search=年 "$f"
	vg "$n --search --regex --json" --regex --json --search='[0-9]+年' "$f"
	vg "$n --dump -w 40" --dump -w 40 "$f"
	vg "$n --dump -w 3 --ambiwidth=2" --dump -w 3 --ambiwidth=2 "$f"
done
vg "the guide --dump" --dump
done_testing
