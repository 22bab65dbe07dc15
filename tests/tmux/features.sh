#!/bin/sh
# features.sh - what users of less, vim and e-book readers expect: ''
# and Ctrl-O / Ctrl-] through the jumps, 50% and 50p, = and Ctrl-G, the
# marks' box (M), the note of a place resumed, the measure of the text
# column (--max-width, w) and the settings file.
#
# The texts are made here: numbered lines under "# Part N" headings, and
# long paragraphs of Chinese.  Where a jump lands is not computed here but
# read from the screen after it, so that what is checked is that the
# reader comes back to the same screens.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
XDG_CONFIG_HOME=$tdir/config
export XDG_CONFIG_HOME
cfg=$XDG_CONFIG_HOME/juan/config

awk 'BEGIN { for (i = 1; i <= 1000; i++) {
	if (i % 100 == 1) printf "# Part %d\n\n", (i - 1) / 100 + 1
	printf "L%04d words\n\n", i } }' >"$tdir/jump.txt"
awk 'BEGIN { for (p = 1; p <= 30; p++) { s = ""
	for (i = 0; i < 40; i++) s = s "\346\230\245\351\243\216\345\220\271"
	printf "\347\254\254%d\346\256\265\357\274\232%s\n\n", p, s } }' \
    >"$tdir/cjk.txt"

# top: the text pane's first three rows, without blanks.
top() {
	{ text_row 0; text_row 1; text_row 2; } | squeeze
}

# wait_top TEXT: polls until top holds TEXT.
wait_top() {
	_n=50
	while [ "$_n" -gt 0 ]; do
		top | grep -qF -- "$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "the top is not: $1" "$(screen)"
	return 1
}

# at KEYS...: sends KEYS, which must move the text, and reads the top
# once it has changed and the screen has settled.
at() {
	_before=$(top)
	keys "$@"
	_n=50
	while [ "$_n" -gt 0 ] && [ "$(top)" = "$_before" ]; do
		sleep 0.1
		_n=$((_n - 1))
	done
	settle
	top
}

# lead: the blanks before the text on the text pane's first row.
lead() {
	text_row 0 | sed 's/[^ ].*//' | awk '{ print length }'
}

# wait_lead N: polls until lead is N.
wait_lead() {
	_n=50
	while [ "$_n" -gt 0 ]; do
		[ "$(lead)" = "$1" ] && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "the text does not start at column $1 but $(lead)" "$(screen)"
	return 1
}

# start W H ARGS...: a fresh shell at W x H in $tdir, running juan ARGS.
start() {
	_w=$1
	_h=$2
	shift 2
	shell "$_w" "$_h"
	keys "cd $tdir" Enter
	run "$@"
	wait_for '%'
}

# The jumps.
start 100 24 jump.txt
s0=$(top)
keys "'" "'"
wait_for 'No jump to go back from'
ok $? "'' with no jump says so"
s1=$(at 3 0 '%')
p1=$(status_row)
s2=$(at 6 0 p)
p2=$(status_row)
s3=$(at G)
[ "$s0" != "$s1" ] && [ "$s1" != "$s2" ] && [ "$s2" != "$s3" ]
ok $? "30% 60p G move the text ($s1 / $s2 / $s3)"
case $p1 in *\ 30%*) r=0 ;; *) r=1 ;; esac
ok $r "after 30% the status line says 30%: $p1"
case $p2 in *\ 60%*) r=0 ;; *) r=1 ;; esac
ok $r "after 60p the status line says 60%: $p2"
keys "'" "'"
wait_top "$s2"
ok $? "'' goes back to where G started"
keys "'" "'"
wait_top "$s3"
ok $? "'' again comes back to the end"
for want in "$s2" "$s1" "$s0"; do
	keys C-o
	wait_top "$want"
	ok $? "Ctrl-O goes back to $want"
done
keys C-o
wait_for 'At the oldest jump'
ok $? "Ctrl-O at the oldest jump says so"
for want in "$s1" "$s2" "$s3"; do
	keys C-]
	wait_top "$want"
	ok $? "Ctrl-] goes forward to $want"
done
keys C-]
wait_for 'At the newest jump'
ok $? "Ctrl-] at the newest jump says so"

# A search is a jump.
keys g
wait_top "$s0"
keys / L0777 Enter
wait_top L0777
keys "'" "'"
wait_top "$s0"
ok $? "'' goes back to where a search started"

# = and Ctrl-G.
keys =
wait_for 'jump.txt · lines 1-'
ok $? "= names the file and the lines shown"
status_row | grep -q ' · byte 0/[0-9]* · UTF-8 · text · [0-9]*%'
ok $? "= gives the byte, the encoding, the format and the percent"
keys 5 0 '%'
settle
keys C-g
wait_for 'jump.txt · lines 9'
status_row | grep -q ' · 50%'
ok $? "Ctrl-G does the same at 50%: $(status_row)"

# The marks' box.
keys g m a
sb=$(at 7 0 '%')
keys m b g
wait_top "$s0"
keys M
wait_for 'Marks'
ok $? "M opens the marks"
screen | grep -q 'a   0%  line 1 .*# Part 1'
ok $? "the box gives mark a: letter, percent, line and text"
screen | grep -q 'b  [67][0-9]%  line [0-9]* *[#L]'
ok $? "... and mark b"
keys j Enter
wait_top "$sb"
ok $? "j and Enter go to mark b"
keys M
wait_for 'Marks'
keys a
wait_top "$s0"
ok $? "a letter in the box goes to its mark"
wait_gone 'Marks'
ok $? "... and closes the box"
keys M
wait_for 'Marks'
keys Escape
wait_gone 'Marks'
ok $? "Esc closes the box"
keys "'" "'"
wait_top "$sb"
ok $? "a mark taken from the box is a jump: '' comes back"

# The help box has them.
keys h
wait_for 'Press any key'
for k in "'' ^O ^]" "% p  " "= ^G" "M  list the marks" "w  text width"; do
	screen | grep -qF -- "$k"
	ok $? "the help box names $k"
done
keys q
settle

# A place resumed.
keys 5 0 '%'
settle
keys q
wait_for 'juan-exit=0'
keys clear Enter
run jump.txt
wait_for 'Resumed at '
ok $? "a file opened at its saved place says so"
status_row | grep -q 'Resumed at [0-9]*% · section Part [0-9]'
ok $? "... with the percent and the section"
keys j
wait_gone 'Resumed at'
ok $? "the note goes at the next key"
keys q
wait_for 'juan-exit=0'

# The measure: 100 columns by default, centred in the text pane.
start 160 20 cjk.txt
wait_lead 5
ok $? "160 columns: the text pane of 111 keeps 100, 5 blanks each side"
keys '\'
wait_lead 30
ok $? "without the side pane: 30 blanks each side"
keys w
wait_lead 0
ok $? "w: the whole width"
wait_for 'Text column at the whole width'
ok $? "... and says so"
keys w
wait_lead 30
ok $? "w again: 100 columns"
keys q
wait_for 'juan-exit=0'
start 160 20 --max-width=60 cjk.txt
wait_lead 25
ok $? "--max-width=60: 25 blanks beside the side pane"
keys q
wait_for 'juan-exit=0'
start 160 20 --max-width=0 cjk.txt
wait_lead 0
ok $? "--max-width=0: the whole width"
keys w
wait_lead 5
ok $? "... and w gives 100 columns"
keys q
wait_for 'juan-exit=0'

# The settings file; the command line wins.
mkdir -p "$XDG_CONFIG_HOME/juan"
printf '# mine\npane = hidden\nmax-width = 80  # narrower\n' >"$cfg"
start 160 20 cjk.txt
wait_lead 40
ok $? "max-width = 80 in the settings file: 40 blanks each side"
! screen | grep -q 'Outline'
ok $? "pane = hidden hides the side pane"
keys q
wait_for 'juan-exit=0'
start 160 20 --max-width=120 cjk.txt
wait_lead 20
ok $? "--max-width=120 wins over the file"
keys q
wait_for 'juan-exit=0'

printf 'pane = timeline\ntimeline-order = text\npane-width = 50\n' >"$cfg"
start 160 20 jump.txt
wait_for 'Timeline · in text order'
ok $? "pane = timeline and timeline-order = text"
[ "$(screen | sed -n 1p | sed 's/[│|].*//' | LC_ALL=C.UTF-8 wc -m)" -eq 81 ]
ok $? "pane-width = 50: the side pane is 80 of 160 columns"
keys q
wait_for 'juan-exit=0'

# From the top again: no place to resume.
rm -rf "$XDG_STATE_HOME"
printf 'color-heading = 196\n' >"$cfg"
start 100 24 jump.txt
t capture-pane -e -p -t main | sed -n 1p | grep -q '38;5;196'
ok $? "color-heading = 196 colours the heading"
t capture-pane -e -p -t main | grep -qE '[[;](3[0-8]|4[0-8])[;m]'
ok $? "... and the check below sees colours when there are some"
keys q
wait_for 'juan-exit=0'
printf 'color = never\n' >"$cfg"
start 100 24 jump.txt
# A colour is an SGR 30-38 or 40-48; tmux resets with 39 and 49 anyway.
! t capture-pane -e -p -t main | grep -qE '[[;](3[0-8]|4[0-8])[;m]'
ok $? "color = never: no colour at all"
keys q
wait_for 'juan-exit=0'

# Errors are reported with file:line and ignored; juan goes on.
printf 'pane = outline\nbogus = 1\nmax-width = 5\n' >"$cfg"
"$JUAN" --dump -w 40 "$tdir/jump.txt" >"$tdir/out" 2>"$tdir/err"
ok $? "a bad settings file does not stop juan"
grep -q "^juan: warning: .*/juan/config:2: unknown setting 'bogus'; ignored" \
    "$tdir/err"
ok $? "an unknown setting is reported with file:line"
grep -q "^juan: warning: .*/juan/config:3: bad value '5'" "$tdir/err"
ok $? "a bad value is reported with file:line"
rm -f "$cfg"
"$JUAN" --dump -w 40 "$tdir/jump.txt" | cmp -s - "$tdir/out"
ok $? "... and the text is as without the file"
printf 'bogus = 1\n' >"$cfg"
start 100 24 jump.txt
wait_for 'warning: '
status_row | grep -q "config:1: unknown setting"
ok $? "the reader shows the first error in the status line"
keys q
wait_for 'juan-exit=0'
rm -f "$cfg"

# = on an empty text.
: >"$tdir/empty.txt"
start 100 24 empty.txt
keys =
wait_for 'empty.txt · no lines · byte 0/0'
ok $? "= on an empty text says it has no lines"
keys q
wait_for 'juan-exit=0'
done_testing
