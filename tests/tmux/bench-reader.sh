#!/bin/sh
# bench-reader.sh - times the reader in tmux beside less on the same file:
# start to the first full screen, one scroll key, G to the end.
#
#	tests/tmux/bench-reader.sh FILE [JUAN]
#
# Not part of make check (timings are not assertions).  Each time is taken
# by polling capture-pane in a tight loop, so it includes up to a few
# milliseconds of polling.
file=${1:?usage: bench-reader.sh FILE [JUAN]}
JUAN=${2:-${JUAN:-juan}}
TMUX_BIN=${TMUX_BIN:-tmux}
tdir=$(mktemp -d) || exit 1
sock=$tdir/sock
export LC_ALL=C.UTF-8 XDG_STATE_HOME=$tdir/state
trap '"$TMUX_BIN" -S "$sock" kill-server 2>/dev/null; rm -rf "$tdir"' EXIT
t() { "$TMUX_BIN" -u -S "$sock" -f /dev/null "$@"; }
ms() { date +%s%N | cut -c1-13; }
screen() { t capture-pane -p -t main; }

# until CMD...: milliseconds until CMD succeeds (30 s at most).
until_ok() {
	_s=$(ms)
	while ! "$@"; do
		[ $(($(ms) - _s)) -gt 30000 ] && { echo timeout; return; }
	done
	echo $(($(ms) - _s))
}
has() { screen | grep -qF -- "$1"; }
changed() { [ "$(screen)" != "$before" ]; }

t new-session -d -s main -x 120 -y 35 "env PS1='$ ' TERM=screen-256color sh"
t set-option -g status off
while ! has '$'; do sleep 0.05; done

# first screen: the status line of juan; less: its prompt line ':' or
# the file name.
t send-keys -t main "clear" Enter
sleep 0.3
before=$(screen)
t send-keys -t main "$JUAN $file" Enter
j_first=$(until_ok has '%')
sleep 0.2
before=$(screen)
t send-keys -t main j
j_scroll=$(until_ok changed)
sleep 0.2
t send-keys -t main G
j_end=$(until_ok has '100%')
t send-keys -t main q
sleep 0.5

t send-keys -t main "clear" Enter
sleep 0.3
t send-keys -t main "less -m $file" Enter
l_first=$(until_ok has '%')
sleep 0.2
before=$(screen)
t send-keys -t main j
l_scroll=$(until_ok changed)
sleep 0.2
t send-keys -t main G
l_end=$(until_ok has '(END)')
t send-keys -t main q

printf '%-8s %12s %10s %10s\n' program "first (ms)" "j (ms)" "G (ms)"
printf '%-8s %12s %10s %10s\n' juan "$j_first" "$j_scroll" "$j_end"
printf '%-8s %12s %10s %10s\n' less "$l_first" "$l_scroll" "$l_end"
