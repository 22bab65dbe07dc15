#!/bin/sh
# faults.sh - inputs that are not quiet regular files, end to end.
#
# Endless streams (a device named by path, an endless pipe) are refused at
# their documented limit with "input too large (over N bytes)" and status
# 1; a FIFO and a slow pipe are read whole; a file rewritten and truncated
# while juan reads it never crashes juan; NUL bytes are text.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'kill $writer 2>/dev/null; rm -rf "$tmp"' EXIT
writer=
LIMIT=1073741824	# BUFFER_STREAM_LIMIT and APP_PIPE_LIMIT: 1 GiB

"$JUAN" --outline /dev/zero >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 1 ] &&
    [ "$(cat "$tmp/err")" = "juan: /dev/zero: input too large (over $LIMIT bytes)" ]
r=$?
ok $r "juan /dev/zero is refused at the limit (status $st)"
[ $r -eq 0 ] || diag "$(head -c 300 "$tmp/err")"

yes 2>/dev/null | "$JUAN" --dump >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 1 ] && grep -q "input too large (over $LIMIT bytes)" "$tmp/err" &&
    [ ! -s "$tmp/out" ]
ok $? "yes | juan --dump is refused at the limit (status $st)"

head -c 5000 /dev/zero | "$JUAN" --dump -w 40 >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "^juan: (standard input): binary file" "$tmp/err" &&
    [ ! -s "$tmp/out" ]
ok $? "NUL bytes from a pipe are a binary file, refused with status 1"
head -c 5000 /dev/zero | "$JUAN" --binary --dump -w 40 >"$tmp/out" \
    2>"$tmp/err"
ok $? "and shown as text with --binary"
[ "$(tr -dc '\000' <"$tmp/out" | wc -c)" -eq 0 ]
ok $? "and are not printed raw"

mkfifo "$tmp/fifo"
printf '一、标题\n\n2016年4月19日，正文。\n' >"$tmp/fifo" &
"$JUAN" --timeline "$tmp/fifo" >"$tmp/out" 2>"$tmp/err"
st=$?
wait
[ "$st" -eq 0 ] && grep -q 2016-04-19 "$tmp/out"
ok $? "a FIFO named by path is read"

{ printf '一、标题\n\n'; sleep 1; printf '2016年4月19日，正文。\n'; } |
    "$JUAN" --timeline >"$tmp/out" 2>"$tmp/err"
grep -q 2016-04-19 "$tmp/out"
ok $? "a slow pipe is read to its end"

# A file truncated and rewritten without pause while juan reads it.
i=0
while [ $i -lt 2000 ]; do
	printf '一、标题\n\n2016年4月19日，正文%d。\n' $i
	i=$((i + 1))
done >"$tmp/src"
cp "$tmp/src" "$tmp/doc"
( while :; do : >"$tmp/doc"; cat "$tmp/src" >"$tmp/doc"; done ) &
writer=$!
crashes=0
for mode in --outline --timeline --dump --search=正文; do
	for k in 1 2 3; do
		"$JUAN" $mode "$tmp/doc" >/dev/null 2>&1
		[ $? -ge 3 ] && crashes=$((crashes + 1))
	done
done
kill $writer
wait $writer 2>/dev/null
writer=
[ "$crashes" -eq 0 ]
ok $? "a file rewritten while juan reads it causes no crash ($crashes)"

done_testing
