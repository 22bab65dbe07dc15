#!/bin/sh
# ambiwidth.sh - East Asian Ambiguous characters (“ ” … — · ※ ①) on a
# terminal that draws them two columns wide.
#
# The tmux server runs with tests/tmux/ambwide.so preloaded, so that it
# keeps its screen as such a CJK terminal does.  Two readers show the
# same text side by side in two sessions of it: "a" is juan as users run
# it, with the C library's wcwidth() (1 for these characters) under
# curses; "b" is juan with the preloaded wcwidth() too, so that curses
# itself knows the true widths and its screen is right by construction.
# After every key both screens must be the same.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
so=${top_builddir:-.}/tests/tmux/ambwide.so
doc=$top_srcdir/tests/tmux/amb.md
if ! [ -f "$so" ]; then
	ok 1 "tests/tmux/ambwide.so is built ($so)"
	done_testing
fi

# start W H ARGS...: both sessions at W x H running juan ARGS.
start() {
	_w=$1 _h=$2
	shift 2
	t kill-server 2>/dev/null
	_nsock=$((${_nsock:-0} + 1))
	sock=$tdir/sock$_nsock
	LD_PRELOAD=$so t new-session -d -s a -x "$_w" -y "$_h" \
	    "env -u LD_PRELOAD TERM=screen-256color $JUAN $*; sleep 100" ||
	    return 1
	# Both sessions first: tmux 3.3a dies on new-session once
	# window-size is manual.
	# (A build with AddressSanitizer would refuse the preloaded library
	# ahead of its runtime; the order does not matter here.)
	t new-session -d -s b -x "$_w" -y "$_h" \
	    "env ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0 TERM=screen-256color $JUAN $*; sleep 100"
	t set-option -g status off
	t set-option -g window-size manual
	t resize-window -t a -x "$_w" -y "$_h"
	t resize-window -t b -x "$_w" -y "$_h"
}

cap() {
	t capture-pane -p -t "$1"
}

# same WHAT: waits until the two screens agree (they draw at their own
# pace), then reports.
same() {
	_n=40
	while [ "$_n" -gt 0 ]; do
		if [ "$(cap a)" = "$(cap b)" ] && cap a | grep -q '[^ ]'; then
			ok 0 "$1"
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	ok 1 "$1"
	diag "as run:" "$(cap a)" "with curses told the widths:" "$(cap b)"
	return 1
}

# wait_for_in SESSION TEXT: polls that session's screen for TEXT.
wait_for_in() {
	_n=40
	while [ "$_n" -gt 0 ]; do
		cap "$1" | grep -qF -- "$2" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for: $2" "$(cap "$1")"
	return 1
}

both() {
	t send-keys -t a "$@"
	t send-keys -t b "$@"
}

for size in "80 24" "40 12" "120 35"; do
	# shellcheck disable=SC2086
	start $size --ambiwidth=2 "$doc"
	same "$size: the first screen"
	both j j j
	same "$size: three lines down"
	both Space
	same "$size: a page down"
	both b
	same "$size: a page back"
	both G
	same "$size: the end"
	both g t
	same "$size: the timeline pane"
	both '}' '}'
	same "$size: two timeline entries on, highlighted"
	both / 省略号 Enter
	same "$size: search matches highlighted"
	# Over the help box curses itself goes wrong in "b" where the box
	# cuts a wide ambiguous character (it draws the character's half
	# and loses a column to its right), so "a" is checked on its own.
	both h
	wait_for_in a 'juan - keys' &&
	    cap a | grep -qF 'j k Down Up     scroll a line'
	ok $? "$size: the help over the text"
	both q
	same "$size: the help closed"
done

# The probe finds the width on its own, and a resize redraws right.
start 80 24 "$doc"
same "--ambiwidth=auto asks the terminal and gets 2"
t resize-window -t a -x 50 -y 15
t resize-window -t b -x 50 -y 15
same "a resize to 50x15"
both J J
same "and scrolling after it"
cap a | grep -q '“东亚模糊宽度”' || cap a | grep -q '引号与省略号'
ok $? "the text is there"
done_testing
