#!/bin/sh
# mouse.sh - the mouse in the reader: a click on a side-pane entry jumps
# to it, and the wheel scrolls the pane under it (the text, or the side
# pane).  The terminal's mouse reports (X10 form: ESC [ M, then the
# button, column and row, each plus 32) are typed into the pane as tmux
# would pass them on.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$top_srcdir/tests/tmux/doc.md
many=$top_srcdir/tests/tmux/amb.md

# chr N: the byte N (32..126).
chr() {
	# shellcheck disable=SC2059
	printf "\\$(printf '%03o' "$1")"
}

# mouse BUTTON X Y: a report of BUTTON (0 left press, 3 release, 64
# wheel up, 65 wheel down) at column X, row Y (0-based).
mouse() {
	keys -l "$(printf '\033[M')$(chr $(($1 + 32)))$(chr $(($2 + 33)))$(chr $(($3 + 33)))"
}

# wait_top TEXT: polls until the text pane's top row starts with TEXT.
wait_top() {
	_n=30
	while [ "$_n" -gt 0 ]; do
		text_row 0 | grep -q "^$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for $1 at the top" "$(screen)"
	return 1
}

shell 80 24
run "$doc"
wait_for 'Outline (5)'
ok $? "the reader opens with the outline"
fourth=$(screen | sed -n 5p | sed 's/[│|].*//' | sed 's/^ *//; s/ *$//')
ok "$([ -n "$fourth" ]; echo $?)" "the outline's fourth entry is '$fourth'"
mouse 0 2 4
mouse 3 2 4
# The Markdown is rendered: the heading has no "## ".
wait_top "$fourth"
ok $? "a click on it shows its section"
text_row 0 | grep -q "^$fourth"
ok $? "... at the top of the text"
before=$(text_row 3)
mouse 65 40 5
settle
after=$(text_row 0)
ok "$([ "$before" = "$after" ]; echo $?)" \
    "the wheel down over the text scrolls it three lines"
mouse 64 40 5
wait_top "$fourth"
ok $? "... and the wheel up scrolls it back"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"

# A pane longer than the screen: the wheel over it moves the pane, not
# the text.
shell 60 10
run "$many"
wait_for 'Outline (16)'
top_text=$(text_row 0)
first=$(screen | sed -n 2p | sed 's/[│|].*//')
mouse 65 3 4
mouse 65 3 4
settle
ok "$([ "$(screen | sed -n 2p | sed 's/[│|].*//')" != "$first" ]; echo $?)" \
    "the wheel down over the side pane scrolls the pane"
ok "$([ "$(text_row 0)" = "$top_text" ]; echo $?)" \
    "... and leaves the text where it was"
mouse 0 40 3
mouse 3 40 3
settle
ok "$([ "$(text_row 0)" = "$top_text" ]; echo $?)" \
    "a click in the text does not move it"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"
done_testing
