# tests/tmux/lib.sh - running src/juan inside tmux; source it.
#
# Every test file gets its own tmux server on a private socket in a
# temporary directory, so that it never touches the user's sessions, and
# its own $XDG_STATE_HOME.  The screen is read with capture-pane and
# polled with a timeout rather than after fixed sleeps.  A missing tmux is
# a failure, not a skip.
. "${top_srcdir:-.}/tests/lib.sh"

: "${TMUX_BIN:=$(command -v tmux)}"
if [ -z "$TMUX_BIN" ] || ! [ -x "$TMUX_BIN" ]; then
	ok 1 "tmux is installed (TMUX_BIN='$TMUX_BIN')"
	done_testing
fi
tdir=$(mktemp -d) || exit 99
sock=$tdir/sock
XDG_STATE_HOME=$tdir/state
unset TMUX NO_COLOR
export XDG_STATE_HOME
trap '"$TMUX_BIN" -S "$sock" kill-server 2>/dev/null; rm -rf "$tdir"' EXIT
# shellcheck disable=SC2034
_nsock=0

# t ARGS...: a tmux command on the private server.
t() {
	"$TMUX_BIN" -u -S "$sock" -f /dev/null "$@"
}

# shell W H: starts a session "main" of W x H running sh, ready for keys.
shell() {
	# A fresh server on a fresh socket: reusing one that is shutting
	# down races with its exit.
	t kill-server 2>/dev/null
	_nsock=$((${_nsock:-0} + 1))
	sock=$tdir/sock$_nsock
	t new-session -d -s main -x "$1" -y "$2" \
	    "env PS1='$ ' TERM=screen-256color sh" || return 1
	t set-option -g status off
	t set-option -g window-size manual
	t resize-window -t main -x "$1" -y "$2"
	wait_for '$'
}

# run ARGS...: runs juan with ARGS in the session's shell (words must not
# need quoting beyond what sh gives them).
run() {
	t send-keys -t main "clear; $JUAN $*; echo juan-exit=\$?" \
	    Enter
}

# keys KEYS...: tmux send-keys.
keys() {
	t send-keys -t main "$@"
}

# screen: prints the screen as text.
screen() {
	t capture-pane -p -t main
}

# wait_for TEXT [TENTHS]: polls the screen until it holds TEXT (fixed
# string); fails after TENTHS tenths of a second (default 50).
wait_for() {
	_n=${2:-50}
	while [ "$_n" -gt 0 ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for: $1" "$(screen)"
	return 1
}

# wait_gone TEXT [TENTHS]: polls until the screen no longer holds TEXT.
wait_gone() {
	_n=${2:-50}
	while [ "$_n" -gt 0 ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for this to go: $1" "$(screen)"
	return 1
}

# settle: waits until two captures a tenth of a second apart are equal.
settle() {
	_n=30
	_prev=$(screen)
	while [ "$_n" -gt 0 ]; do
		sleep 0.1
		_cur=$(screen)
		[ "$_cur" = "$_prev" ] && return 0
		_prev=$_cur
		_n=$((_n - 1))
	done
	return 1
}

# text_row N: row N (0-based) of the text pane: what is right of the side
# pane's separator, or the whole row when there is no side pane.
text_row() {
	screen | sed -n "$(($1 + 1))p" | sed 's/^[^│|]*[│|]//'
}

# status_row: the last row of the screen.
status_row() {
	screen | tail -n 1
}

# squeeze: drops the blanks, so that wrapped text compares with the source.
squeeze() {
	tr -d ' \n'
}
