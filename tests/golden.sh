#!/bin/sh
# golden.sh - runs every tests/golden/NAME.cmd and compares the output.
#
# NAME.cmd holds one line: the arguments to juan, in which $SAMPLES and
# $FIXTURES name the sample and fixture folders.  NAME.out is the expected
# standard output; NAME.status, when present, the expected exit status
# (else 0); NAME.in, when present, one line naming the file read as standard
# input (else /dev/null).  With JUAN_UPDATE_GOLDEN=1 the .out files are
# rewritten.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
for cmd in "$top_srcdir"/tests/golden/*.cmd; do
	[ -e "$cmd" ] || continue
	name=${cmd%.cmd}
	base=$(basename "$name")
	args=$(cat "$cmd")
	want_status=0
	[ -f "$name.status" ] && want_status=$(cat "$name.status")
	input=/dev/null
	[ -f "$name.in" ] && eval "input=$(cat "$name.in")"
	eval "set -- $args"
	"$JUAN" "$@" >"$tmp/out" 2>"$tmp/err" <"$input"
	status=$?
	if [ "${JUAN_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/out" "$name.out"
	fi
	if [ "$status" -ne "$want_status" ]; then
		ok 1 "$base: exit status $status, want $want_status"
		diag "$(head -5 "$tmp/err")"
		continue
	fi
	if cmp -s "$tmp/out" "$name.out"; then
		ok 0 "$base"
	else
		ok 1 "$base: output differs"
		diag "$(diff -u "$name.out" "$tmp/out" | head -40)"
	fi
done
done_testing
