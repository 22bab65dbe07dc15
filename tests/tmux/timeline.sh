#!/bin/sh
# timeline.sh - the timeline pane in tmux at 120x35, 80x24 and 40x12: its
# rows say what happened (the event, not the expression again), its title
# names the order, s keeps the selected entry, the histogram's counts are
# those of juan --timeline, @2018 goes to the first entry of 2018 by date,
# and T, Right and Enter go to the first entry of a year.  What is
# expected comes from juan --timeline on the same file.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$top_srcdir/tests/tmux/timeline.md

# The entries the pane shows (citations left out): VALUE LINE per line.
"$JUAN" --timeline --csv --sort=date "$doc" | sed 1d |
    awk -F, '$NF == "false" { print $1, $2 }' >"$tdir/dates"
[ -s "$tdir/dates" ]
ok $? "the fixture has dates"

# pane_row N: row N (0-based) of the side pane, left of the separator.
pane_row() {
	screen | sed -n "$(($1 + 1))p" | sed 's/[│|].*//'
}

# wait_re RE: polls the screen until a line matches the extended RE.
wait_re() {
	_n=50
	while [ "$_n" -gt 0 ]; do
		screen | grep -qE -- "$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for /$1/" "$(screen)"
	return 1
}

# source_line N: line N of the fixture, squeezed.
source_line() {
	# The reader renders Markdown: a heading without its "## ".
	sed -n "${1}p" "$doc" | sed 's/^#* *//' | squeeze
}

# wait_top LINE TAG: waits until the text's top row is source line LINE.
wait_top() {
	_want=$(source_line "$1")
	_n=50
	while [ $_n -gt 0 ]; do
		_got=$(text_row 0 | squeeze)
		case $_want in "$_got"*) [ -n "$_got" ] && return 0 ;; esac
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "top row '$_got', want line $1: '$_want'" "$(screen)"
	return 1
}

for size in 120x35 80x24 40x12; do
	w=${size%x*}
	h=${size#*x}
	shell "$w" "$h"
	run "$doc"
	wait_for '%'
	keys t
	wait_re '^[ >](Timeline )?· (by )?date'
	ok $? "$size: the pane's title names the order"

	# The row of 2014-03 shows its event, not its expression again.
	r=$(screen | sed 's/[│|].*//' | grep '^ 2014-03 ')
	case $r in
	*村*) ok 0 "$size: a row shows what happened ($r)" ;;
	*) ok 1 "$size: a row shows what happened ($r)" ;;
	esac
	case $r in
	*2014年3月*) ok 1 "$size: ... without the expression ($r)" ;;
	*) ok 0 "$size: ... without the expression" ;;
	esac
	screen | sed 's/[│|].*//' | grep -q '2005'
	ok $((! $?)) "$size: the citation (a year in 《》) is left out"

	# s keeps the selected entry: the second row by date (2014年底)
	# is the fourth in text order.
	second=$(sed -n 2p "$tdir/dates" | cut -d' ' -f2)
	keys Tab g j s
	wait_re '^[ >](Timeline )?· (in )?text'
	ok $? "$size: s: the title says text order"
	keys Enter
	wait_top "$second"
	ok $? "$size: s keeps the selected entry (Enter goes to line $second)"
	keys s Tab
	wait_re '^[ >](Timeline )?· (by )?date'

	# @2018: the first entry of 2018 in date order.
	first18=$(awk '$1 ~ /^2018/ { print $2; exit }' "$tdir/dates")
	keys @
	wait_for 'Go to date:'
	ok $? "$size: @ opens the prompt Go to date:"
	keys 2018 Enter
	wait_top "$first18"
	ok $? "$size: @2018 goes to the first entry of 2018 (line $first18)"
	keys @ 2030 Enter
	wait_for 'No date at or after 2030'
	ok $? "$size: @2030 says there is none"

	# The histogram: T, then each year's count against --timeline.
	keys T 20h
	bad=
	prev=
	for y in $(cut -c1-4 "$tdir/dates" | sort -u); do
		want=$(grep -c "^$y" "$tdir/dates")
		n=30
		while [ $n -gt 0 ]; do
			got=$(pane_row 3 | sed 's/^ *//; s/ *$//')
			[ "$got" != "$prev" ] && [ -n "$got" ] && break
			sleep 0.1
			n=$((n - 1))
		done
		[ "$got" = "$y: $want" ] || bad="$bad [$got != $y: $want]"
		prev=$got
		keys l
	done
	[ -z "$bad" ]
	ok $? "$size: the histogram's counts are --timeline's${bad:+:$bad}"

	# T, the first year, Right, Enter: the first entry of the next year.
	y2=$(cut -c1-4 "$tdir/dates" | sort -u | sed -n 2p)
	line2=$(awk -v y="$y2" 'substr($1, 1, 4) == y { print $2; exit }' \
	    "$tdir/dates")
	keys g Escape T 20h
	wait_for "$(cut -c1-4 "$tdir/dates" | sort -u | head -1):"
	keys Right
	wait_for "$y2:"
	keys Enter
	wait_top "$line2"
	ok $? "$size: T, Right, Enter: the first entry of $y2 (line $line2)"
	status_row | grep -q "$y2"
	ok $? "$size: the status line dates the text in view ($y2)"

	keys q
	wait_for 'juan-exit=0'
done
done_testing
