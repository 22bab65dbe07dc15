#!/bin/sh
# markdown.sh - a Markdown text in the reader, in tmux at 80x24 and
# 40x12: it is rendered (no markup on the screen), a heading is drawn in
# one style from its first character to its last, a date in it too; 'L'
# lists the links on the screen and Enter copies one's URL (OSC 52, which
# tmux keeps as a paste buffer) and shows it; a code line wider than the
# pane is cut with a marker, not wrapped; a table's bars line up by
# display width with CJK cells; 'R' shows the source at the same place and
# back; search finds a phrase across '**' and a link's bracket.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$top_srcdir/tests/tmux/md-render.md
url=https://town.example.org/records/teahouse

# ecols TEXT: the display column at which each row holding TEXT has its
# first table bar, one a line (wide characters count two columns).
bar_cols() {
	screen | grep -F -- "$1" | sed 's/│/|/' |
	    perl -CS -ne 'if (/^(.*?)\|/) { $p = $1;
	    $w = () = $p =~ /[\x{1100}-\x{115F}\x{2E80}-\x{A4CF}\x{AC00}-\x{D7A3}\x{F900}-\x{FAFF}\x{FE30}-\x{FE4F}\x{FF00}-\x{FF60}\x{FFE0}-\x{FFE6}]/g;
	    print length($p) + $w, "\n" }'
}

# wait_top TEXT: polls until the text pane's top row starts with TEXT.
wait_top() {
	_n=50
	while [ "$_n" -gt 0 ]; do
		text_row 0 | grep -q "^$1" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	diag "timed out waiting for $1 at the top" "$(screen)"
	return 1
}

for size in "80 24" "40 12"; do
	set -- $size
	w=$1 h=$2
	XDG_STATE_HOME=$tdir/state-$w
	export XDG_STATE_HOME
	shell "$w" "$h"
	t set-option -g set-clipboard on
	run "$doc"
	wait_for '%'
	settle
	bad=
	for m in '**' '](' '# ' '|---' '```'; do
		screen | grep -qF -- "$m" && bad="$bad $m"
	done
	[ -z "$bad" ] && screen | grep -q '渡口的东边'
	ok $? "${w}x$h: the text is rendered, no markup on screen${bad:+ (seen:$bad)}"

	# The heading with a date, at the top: one run of one style.
	keys ']'
	wait_top '2020年5月4日 重新开张'
	ok $? "${w}x$h: ] shows the dated heading at the top, without ##"
	# The text pane's first row, right of the side pane's bar.
	row=$(t capture-pane -e -p -t main | sed -n 1p | sed 's/^.*│//')
	printf '%s\n' "$row" | grep -qF '2020年5月4日 重新开张' &&
	    printf '%s\n' "$row" | grep -Eq "^($(printf '\033')\[[0-9;]*m)*2020"
	ok $? "${w}x$h: the whole heading, its date too, is in one style${row:+ ($(printf '%s' "$row" | od -c | head -3 | tr -s ' ' | tr '\n' ' '))}"

	# Links on the screen: L lists them; Enter copies and shows one.
	keys g L
	wait_for 'town.example.org'
	ok $? "${w}x$h: L lists the link's URL"
	screen | grep -q '1.*镇志茶馆条目'
	ok $? "${w}x$h: ... numbered, with its text"
	t delete-buffer 2>/dev/null
	keys Enter
	n=50
	while [ "$n" -gt 0 ] && ! status_row | grep -q 'https://town'; do
		sleep 0.1
		n=$((n - 1))
	done
	status_row | grep -q 'https://town'
	ok $? "${w}x$h: Enter shows the URL in the status line"
	n=30
	while [ "$n" -gt 0 ] && [ "$(t show-buffer 2>/dev/null)" != "$url" ]; do
		sleep 0.1
		n=$((n - 1))
	done
	[ "$(t show-buffer 2>/dev/null)" = "$url" ]
	ok $? "${w}x$h: ... and copies it with OSC 52 (got: $(t show-buffer 2>/dev/null))"

	# The code block and the table, further down.
	keys / long-command Enter
	wait_for 'match 1/1'
	code=$(screen | sed 's/^[^│]*│//' | grep -n 'long-command' | head -1)
	nrow=${code%%:*}
	printf '%s\n' "$code" | grep -q '→ *$' &&
	    screen | sed 's/^[^│]*│//' | sed -n "$((nrow + 1))p" |
	    grep -q '^ *short line'
	ok $? "${w}x$h: a code line is cut with a marker, not wrapped"
	keys / 茶名 Enter
	wait_for 'match 1/1'
	cols=$( (bar_cols '龙井'; bar_cols '普洱熟茶'; bar_cols 'tea';
	    bar_cols '茶名') | sort -u)
	[ -n "$cols" ] && [ "$(printf '%s\n' "$cols" | wc -l)" -eq 1 ]
	ok $? "${w}x$h: the table's bars line up with CJK cells (columns: $(echo $cols))"

	# R: the source at the same place, and back.
	keys g ']'
	wait_top '2020年5月4日'
	keys R
	wait_for 'Markdown source'
	wait_top '## 2020年5月4日'
	ok $? "${w}x$h: R shows the source at the same place"
	keys R
	wait_for 'Markdown rendered'
	wait_top '2020年5月4日'
	ok $? "${w}x$h: R again shows it rendered"

	# Search sees the rendered text.
	keys g / '东边，每天' Enter
	wait_for 'match 1/1'
	ok $? "${w}x$h: search finds a phrase across **"
	if [ "$w" -ge 80 ]; then
		e=$(printf '\033')
		t capture-pane -e -p -t main |
		    grep -q "m东边，每天$e\["
		ok $? "${w}x$h: ... and lights up just its cells"
		keys r
		wait_for 'Results'
		screen | sed '1d; s/│.*//' | grep -q '东边，每天'
		ok $? "${w}x$h: the results pane shows it as rendered"
		keys o
		wait_for 'Outline'
	fi
	keys / '详见镇志' Enter
	wait_for 'match 1/1'
	ok $? "${w}x$h: ... and across a link's bracket"
	keys q
	wait_for 'juan-exit=0'
	ok $? "${w}x$h: q quits"
done

# Without colours (NO_COLOR) the inline styles are still attributes:
# strong bold, a link and emphasis (here, where screen's terminfo has no
# italics) underlined, code dim.
shell 80 24
t send-keys -t main "clear; NO_COLOR=1 $JUAN $doc; echo juan-exit=\$?" Enter
wait_for '%'
settle
esc=$(printf '\033')
rows=$(t capture-pane -e -p -t main)
printf '%s\n' "$rows" | grep -q "$esc\[1m渡口的东边"
ok $? "NO_COLOR: strong text is bold"
printf '%s\n' "$rows" | grep -q "$esc\[4m镇志"
ok $? "NO_COLOR: a link's text is underlined"
printf '%s\n' "$rows" | grep -q "$esc\[4m等船的旅客"
ok $? "NO_COLOR: emphasis is underlined without italics"
keys / long-command Enter
wait_for 'match 1/1'
t capture-pane -e -p -t main | grep 'long-command' |
    grep -Eq "$esc\[[0-9;]*2m($esc\[[0-9;]*m)* --first-option"
ok $? "NO_COLOR: code is dim"
keys q
wait_for 'juan-exit=0'
done_testing
