#!/bin/sh
# reader.sh - the reader in tmux at 120x35, 80x24, 40x12 and 20x6: the
# outline lists the headings, 't' shows the timeline in order, '}' and ']'
# move the text to the next entry and section, a resize keeps the top text,
# and 'q' gives the shell its screen and terminal modes back.
#
# What the screen should show is taken from juan's own --outline and
# --timeline output for the same file, so that these tests check the
# reader, not the structure and date heuristics.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$top_srcdir/tests/tmux/doc.md

# Section lines and titles in document order, from the JSON outline
# (one section a line there), as LINE<tab>TITLE.
"$JUAN" --outline --json "$doc" | sed -n \
    's/^  {"level": [0-9]*, "title": "\(.*\)", "line": \([0-9]*\),.*/\2	\1/p' \
    >"$tdir/sections"
cut -f2 "$tdir/sections" >"$tdir/titles"
# Section titles whose heading is not on the first line.
awk -F '\t' '$1 > 1 { print $2 }' "$tdir/sections" >"$tdir/later"
# Timeline values and expressions, chronological.
"$JUAN" --timeline --sort=date "$doc" | cut -f1,4 >"$tdir/dates"
nsec=$(wc -l <"$tdir/titles")
ndate=$(wc -l <"$tdir/dates")

# need COUNT WHAT: a check that the engine gives something to check; when
# it does not (yet), the test point is a TODO rather than a silent pass.
need() {
	if [ "$1" -gt 0 ]; then
		return 0
	fi
	echo "not ok $((tap_n + 1)) - $2 # TODO the engine finds none in doc.md"
	tap_n=$((tap_n + 1))
	return 1
}

# pane_rows: the side pane's rows below its header, blanks trimmed.
pane_rows() {
	screen | sed '1d;$d' | sed 's/[│|].*//; s/^ *//; s/ *$//'
}

# check_outline: every pane row is the start of the next section title
# (a row cut ends in an ellipsis).
check_outline() {
	pane_rows | awk -v titles="$tdir/titles" '
		BEGIN { i = n = 0; while ((getline l < titles) > 0) t[n++] = l }
		$0 == "" { next }
		{ sub(/…$/, "") }
		{ if (i >= n || index(t[i], $0) != 1) bad++; i++ }
		END { exit !(i > 0 && bad == 0) }'
}

for size in "120 35" "80 24" "40 12" "20 6"; do
	set -- $size
	w=$1
	h=$2
	shell "$w" "$h"
	keys "stty -g >$tdir/stty1" Enter
	run "$doc"
	wait_for '%'
	ok $? "${w}x$h: the reader starts with a status line"
	first=$(sed -n 1p "$doc" | sed 's/^# *//' | cut -c1-6)
	text_row 0 | grep -qF -- "$first"
	ok $? "${w}x$h: the text starts at the top"

	if [ "$w" -ge 40 ]; then
		if need "$nsec" "${w}x$h: the outline lists the headings"; then
			check_outline
			ok $? "${w}x$h: the outline lists the headings"
		fi
	else
		! screen | grep -qF 'Outline'
		ok $? "${w}x$h: the side pane is hidden when too narrow"
	fi

	# ']' puts the next heading at the top, twice.
	if need "$(wc -l <"$tdir/later")" "${w}x$h: ] goes to the next section"
	then
		for k in 1 2; do
			want=$(sed -n "${k}p" "$tdir/later" | squeeze)
			[ -n "$want" ] || break
			keys ']'
			n=30
			while [ $n -gt 0 ]; do
				text_row 0 | squeeze | grep -qF -- "$want" &&
				    break
				sleep 0.1
				n=$((n - 1))
			done
			[ $n -gt 0 ]
			ok $? "${w}x$h: ] $k goes to section '$want'"
		done
	fi

	# '}' steps through the timeline in its (chronological) order.
	keys g
	if need "$ndate" "${w}x$h: } goes to the next date"; then
		for k in 1 2; do
			want=$(sed -n "${k}p" "$tdir/dates" | cut -f2 | squeeze)
			keys '}'
			n=30
			while [ $n -gt 0 ]; do
				{ text_row 0; text_row 1; } | squeeze |
				    grep -qF -- "$want" && break
				sleep 0.1
				n=$((n - 1))
			done
			[ $n -gt 0 ]
			ok $? "${w}x$h: } $k shows '$want' at the top"
		done
	fi

	# 't' shows the timeline, first entries in date order.
	if [ "$w" -ge 80 ] && need "$ndate" "${w}x$h: t shows the timeline"
	then
		keys t
		wait_for 'Timeline'
		ok $? "${w}x$h: t shows the timeline pane"
		# Below the histogram's three rows.
		pane_rows | sed 1,3d | awk -F '\t' -v dates="$tdir/dates" '
			BEGIN { i = n = 0; while ((getline l < dates) > 0) {
				split(l, f, "\t"); v[n++] = f[1] } }
			$0 == "" { next }
			i < n { if (index($0, v[i]) != 1 &&
			    !(i > 0 && v[i] == v[i - 1])) bad++; i++ }
			END { exit !(i > 0 && bad == 0) }'
		ok $? "${w}x$h: the timeline rows are in date order"
		keys o
	fi

	# A resize keeps the text at the top.
	keys g
	settle
	for k in 1 2 3 4 5; do
		before=$(text_row 0 | squeeze | cut -c1-9)
		[ -n "$before" ] && break
		keys j
		settle
	done
	t resize-window -t main -x $((w - 7)) -y $((h + 3))
	n=30
	while [ $n -gt 0 ]; do
		after=$(text_row 0 | squeeze | cut -c1-9)
		[ -n "$before" ] && [ "$after" = "$before" ] &&
		    [ "$(screen | wc -l)" -eq $((h + 3)) ] && break
		sleep 0.1
		n=$((n - 1))
	done
	[ $n -gt 0 ]
	ok $? "${w}x$h: a resize keeps the top text ('$before' / '$after')"

	keys q
	wait_for 'juan-exit=0'
	ok $? "${w}x$h: q quits with status 0"
	! screen | grep -qF '%'
	ok $? "${w}x$h: q gives the shell its screen back"
	keys "stty -g >$tdir/stty2; cmp $tdir/stty1 $tdir/stty2 &&" \
	    " echo stty-\$((6*7))" Enter
	wait_for 'stty-42'
	ok $? "${w}x$h: the terminal modes are restored"
done
done_testing
