#!/bin/sh
# terminal.sh - the reader and the terminal, in tmux: Ctrl-C, SIGTERM and
# SIGHUP restore it, Ctrl-Z and fg redraw, text from a pipe with keys from
# the terminal, 1x1, resize storms and key floods, the position kept across
# runs, NO_COLOR, and document bytes that must not reach the terminal.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$top_srcdir/tests/tmux/doc.md

# juan_pid: the pid of juan, the child of the pane's shell.
juan_pid() {
	ps -o pid= --ppid "$(t display -p -t main '#{pane_pid}')" |
	    tr -d ' ' | head -n 1
}

# restored NAME: the terminal modes are those saved before juan ran.
restored() {
	keys "stty -g >$tdir/stty2; cmp $tdir/stty1 $tdir/stty2 &&" \
	    " echo stty-\$((6*7))" Enter
	wait_for 'stty-42'
	ok $? "$1: the terminal modes are restored"
}

shell 80 24
keys "stty -g >$tdir/stty1" Enter

# Ctrl-C.  The shell would get the SIGINT too and drop the echo, so a
# shell that ignores it reports juan's status.
cmd="trap '' INT; $JUAN $doc; echo juan-exit=\\\$?"
t send-keys -t main "clear; sh -c \"$cmd\"" Enter
wait_for '%'
keys C-c
wait_for 'juan-exit=130'
ok $? "Ctrl-C ends juan (status 130)"
! screen | grep -qF '%'
ok $? "Ctrl-C gives the shell its screen back"
restored "Ctrl-C"

# SIGTERM and SIGHUP, and SIGABRT as a crash would send it.
for sig in TERM:143 HUP:129 ABRT:134; do
	name=${sig%:*}
	run "$doc"
	wait_for '%'
	pid=$(juan_pid)
	[ -n "$pid" ] && kill -s "$name" "$pid"
	wait_for "juan-exit=${sig#*:}"
	ok $? "SIG$name ends juan (status ${sig#*:})"
	restored "SIG$name"
done

# Ctrl-Z, then fg.
run "$doc"
wait_for '%'
keys C-z
wait_gone '%'
ok $? "Ctrl-Z gives the shell back"
keys fg Enter
wait_for '%'
ok $? "fg redraws the reader"
keys q
wait_gone '%'
ok $? "q after fg quits"
restored "Ctrl-Z and fg"

# Text from a pipe, keys from the terminal.
t send-keys -t main "clear; cat $doc | $JUAN; echo juan-exit=\$?" Enter
wait_for '%'
ok $? "cat file | juan shows the reader"
# The text arrives in the background: let the screen settle first.
settle
top=$(text_row 0)
keys 3j
n=50
while [ $n -gt 0 ] && [ "$(text_row 0)" = "$top" ]; do
	sleep 0.1
	n=$((n - 1))
done
[ $n -gt 0 ]
ok $? "... and reads keys from the terminal"
keys q
wait_for 'juan-exit=0'
ok $? "... and q quits"

# A slow pipe: the reader says it is reading, then shows the text when it
# arrives; an endless one leaves q working.
t send-keys -t main "clear; (sleep 2; cat $doc) | $JUAN; echo juan-exit=\$?" \
    Enter
wait_for 'Reading standard input'
ok $? "a slow pipe: the reader says it is reading"
first=$(grep -m 1 -v '^[[:space:]]*$' "$doc" | sed 's/^#* *//' | cut -c 1-12)
wait_for "$first" 80
ok $? "... and shows the text when it arrives"
keys q
wait_for 'juan-exit=0'
ok $? "... and q quits"
t send-keys -t main "clear; yes | $JUAN; echo juan-exit=\$?" Enter
wait_for 'Reading standard input'
ok $? "an endless pipe: the reader says it is reading"
keys q
wait_for 'juan-exit=0' 30
ok $? "... and q quits at once"

# 1x1, a resize storm and a key flood.
run "$doc"
wait_for '%'
t resize-window -t main -x 1 -y 1
sleep 0.3
t resize-window -t main -x 80 -y 24
wait_for '%'
ok $? "a 1x1 screen does not crash it"
i=0
while [ $i -lt 150 ]; do
	t resize-window -t main -x $((20 + i % 70)) -y $((4 + i % 25))
	i=$((i + 1))
done
t resize-window -t main -x 80 -y 24
settle
wait_for '%'
ok $? "a resize storm leaves a working reader"
# The last resizes may still be on their way: poll for up to 5 s.
n=50
while [ $n -gt 0 ] && [ "$(status_row | wc -c)" -le 40 ]; do
	sleep 0.1
	n=$((n - 1))
done
[ "$(status_row | wc -c)" -gt 40 ]
ok $? "... with a status line as wide as the screen"
set --
i=0
while [ $i -lt 300 ]; do
	set -- "$@" j j k ] '}' G g
	i=$((i + 1))
done
keys "$@"
keys G
settle
screen | grep -q '100%'
ok $? "a flood of keys is handled to the last one (G: 100%)"
keys q
wait_for 'juan-exit=0'
ok $? "q after the storms quits with status 0"
restored "the storms"

# The position is kept across runs.
run "$doc"
wait_for '%'
keys 40j
settle
before=$(text_row 0; text_row 1; text_row 2)
keys q
wait_for 'juan-exit=0'
run "$doc"
wait_for '%'
settle
after=$(text_row 0; text_row 1; text_row 2)
[ -n "$before" ] && [ "$before" = "$after" ]
ok $? "reopening a file returns to the same place"
keys q
wait_for 'juan-exit=0'
ls -l "$XDG_STATE_HOME/juan/positions" | grep -q '^-rw-------'
ok $? "the positions file has mode 0600"
printf 'garbage\n' >"$XDG_STATE_HOME/juan/positions"
run "$doc"
wait_for 'corrupt'
ok $? "a corrupt positions file is ignored with a warning"
keys q
wait_for 'juan-exit=0'

# NO_COLOR: styles without colors.
t send-keys -t main "clear; NO_COLOR=1 $JUAN $doc; echo juan-exit=\$?" Enter
wait_for '%'
keys / 汉字
wait_for '/汉字'
settle
t capture-pane -e -p -t main >"$tdir/esc"
! grep -qE '\[(3[0-7]|4[0-7])m' "$tdir/esc" && grep -q '\[[0-9;]*7m' \
    "$tdir/esc"
ok $? "NO_COLOR: matches stand out without colors"
keys Escape q
wait_for 'juan-exit=0'

# Document bytes never reach the terminal raw.
printf 'Title\n\nab\033[31mRED\033]0;pwned\007 \302\233 \342\200\256rtl\n' \
    >"$tdir/evil.txt"
run "$tdir/evil.txt"
wait_for '%'
screen | grep -qF '^['
ok $? "ESC in the text is shown as ^["
screen | grep -qF '^[[31mRED^[]0;pwned^G'
ok $? "... with the rest of the sequence as text"
[ "$(t display -p -t main '#{pane_title}')" != pwned ]
ok $? "an OSC sequence does not set the title"
keys q
wait_for 'juan-exit=0'
done_testing
