#!/bin/sh
# defects.sh - the reader's defects of issue 16, each checked in tmux: a
# resize while the prompt or the help box is open, n and N from the
# screen after G, Ctrl-C in the prompt, emoji sequences drawn whole, Enter
# in the side pane giving the focus to the text, the status line's
# budget, the prompt's scrolling, count, regex mode and history, a pipe
# still being read, the colours, and the percent of the text shown.  The
# first fixture is written here: a long title, six sections with long
# headings and eight paragraphs each that hold one match of the search
# word, an emoji line, and a rule and a footer at the end that are hidden
# boilerplate.
. "${top_srcdir:-.}/tests/tmux/lib.sh"

doc=$tdir/fixture.md
{
	printf '# 一部标题相当长的试验文档用来检查状态栏的空间分配\n\n'
	for c in 1 2 3 4 5 6; do
		printf '## 第%s章 一个相当长的章节标题也用来检查宽度\n\n' "$c"
		for p in 1 2 3 4 5 6 7 8; do
			printf '第%s章第%s段：这里是一些填充屏幕的中文句子，' \
			    "$c" "$p"
			printf '内容并不重要，只求文本够长。关键词在此。'
			printf '时在197%s年%s月1日。\n\n' "$c" "$p"
		done
	done
	printf '表情：程序员👩‍💻在写代码，国旗🇨🇳在飘扬，结束。\n\n'
	printf '最后一段正文。\n\n----\n\n'
	printf '关于我们 | 联系我们 | 版权所有 © 2020\n'
} >"$doc"
pat=关键词
nmatch=$("$JUAN" --search="$pat" "$doc" | wc -l)
ok $((nmatch != 48)) "the fixture has 48 matches for $pat ($nmatch)"

# The number i of the status line's "match i/N", or 0.
match_i() {
	status_row | sed -n 's/.*match \([0-9]*\)\/.*/\1/p' | grep . ||
	    echo 0
}

# --- 1. A resize while the prompt or the help box is open.
shell 80 24
run "$doc"
wait_for '%'
keys / abc
wait_for '/abc'
t resize-window -t main -x 60 -y 15
sleep 0.3
keys d
wait_for '/abcd'
status_row | grep -q '^/abcd'
ok $? "a resize in the prompt: the prompt is on the new last row"
keys Escape
wait_gone '/abcd'
status_row | grep -q '%'
ok $? "... and after Esc the status line is there"
keys h
wait_for 'juan - keys'
t resize-window -t main -x 40 -y 12
sleep 0.3
settle
screen | grep -q 'juan - keys'
ok $? "a resize in the help box keeps it open"
keys q
wait_gone 'juan - keys'
status_row | grep -q '%'
ok $? "... and draws the status line on the new last row"
[ "$(screen | wc -l)" -eq 12 ] && screen | sed -n 1p | grep -q '│'
ok $? "... with the side pane's separator at the new size"
keys q
wait_for 'juan-exit=0'

# --- 2. n and N go on from the screen, as in less.
shell 80 24
run "$doc"
wait_for '%'
keys / "$pat" Enter
wait_for "match 1/$nmatch"
keys G
wait_for '100%'
keys n
wait_for 'match'
i=$(match_i)
ok $((i < 40)) "after G, n finds a match near the end (match $i/$nmatch)"
status_row | grep -q '100%'
ok $? "... and stays at the end"
keys g
settle
keys / "$pat" Enter
wait_for "match 1/$nmatch"
keys G
wait_for '100%'
keys N
wait_for 'match'
i=$(match_i)
ok $((i != nmatch)) "after G, N finds the last match on the screen ($i)"
screen | grep -q 'hit TOP'
ok $((! $?)) "... without wrapping past the top"
keys q
wait_for 'juan-exit=0'

# --- 3. Ctrl-C in the prompt cancels it.
shell 80 24
run "$doc"
wait_for '%'
keys / xyz
wait_for '/xyz'
keys C-c
wait_gone '/xyz'
settle
screen | grep -q 'juan-exit='
ok $((! $?)) "Ctrl-C in the prompt does not quit"
status_row | grep -q '%'
ok $? "... it cancels the prompt"
keys q
wait_for 'juan-exit=0' 20
ok $? "q still quits with status 0"

# --- 4. Emoji sequences are one cluster, and the separator stays.
shell 80 24
run "$doc"
wait_for '%'
keys G
wait_for '100%'
row=$(screen | grep '表情')
case $row in
*👩‍💻*) r=0 ;;
*) r=1 ;;
esac
ok $r "the ZWJ sequence is drawn whole: $row"
case $row in
*🇨🇳*) r=0 ;;
*) r=1 ;;
esac
ok $r "the flag is drawn whole"
sep0=$(screen | sed -n 1p | sed 's/│.*//' | wc -L)
sep1=$(printf '%s\n' "$row" | sed 's/│.*//' | wc -L)
ok $((sep0 != sep1)) "the separator stays in its column ($sep0, $sep1)"
after=$(printf '%s\n' "$row" | sed 's/.*│//')
exp=$(printf '表情：程序员👩‍💻在写代码，国旗🇨🇳在飘扬，结束。' | wc -L)
got=$(printf '%s\n' "$after" | sed 's/ *$//' | wc -L)
ok $((exp != got)) "the row is as wide as the layout says ($got, $exp)"
keys q
wait_for 'juan-exit=0'

# --- 5. Enter in the side pane jumps and gives the focus to the text.
# (The file opens where the last run left it: g first.)
shell 80 24
run "$doc"
wait_for '%'
keys g
settle
head0=$(screen | sed -n 1p | sed 's/│.*//')
keys Tab
settle
head1=$(screen | sed -n 1p | sed 's/│.*//')
[ "$head0" != "$head1" ]
ok $? "the pane's header shows that it has the focus ($head1)"
keys g j j Enter
wait_for '第3章第1段'
head2=$(screen | sed -n 1p | sed 's/│.*//')
[ "$head2" = "$head0" ]
ok $? "Enter jumps and the header shows the focus gone ($head2)"
keys /
wait_for '/'
status_row | grep -q '^/'
ok $? "... so / opens the search, not the pane's filter"
keys Escape g
wait_for '试验文档'
text_row 0 | grep -q '试验文档'
ok $? "... and g goes to the top of the text"
keys Tab
settle
head3=$(screen | sed -n 1p | sed 's/│.*//')
[ "$head3" = "$head1" ]
ok $? "Tab gives the focus back to the pane"
keys q
wait_for 'juan-exit=0'
# The same after the pane's filter, in the outline and in the results:
# the Enter that accepts the filter leaves the focus in the pane, the
# next goes to the row and gives the focus to the text.
for pane in outline results; do
	shell 80 24
	run "$doc"
	wait_for '%'
	keys g
	settle
	if [ $pane = results ]; then
		keys / 段： Enter
		wait_for 'match 1/'
		keys r
		wait_for 'Results'
	fi
	keys Tab
	settle
	keys / 第4 Enter
	wait_for '/第4 ('
	settle
	screen | sed -n 1p | grep -q '^>'
	ok $? "$pane: the filter accepted, the focus stays in the pane"
	keys j Enter
	wait_for '第4章第'
	settle
	screen | sed -n 1p | grep -q '^>'
	ok $((! $?)) "$pane: Enter on a filtered row gives the text the focus"
	keys g
	wait_for '试验文档'
	text_row 0 | grep -q '试验文档'
	ok $? "$pane: ... so g goes to the top of the text"
	keys /
	wait_for '/'
	status_row | grep -q '^/'
	ok $? "$pane: ... and / opens the search: $(status_row)"
	keys Escape q
	wait_for 'juan-exit=0'
done

# --- 6. The status line's budget.
shell 50 20
run "$doc"
wait_for '%'
keys G
wait_for '100%'
settle
st=$(status_row)
case $st in
*第6章\ 一个*) r=0 ;;
*) r=1 ;;
esac
ok $r "at 50 columns the section has room: $st"
case $st in
*…*) r=0 ;;
*) r=1 ;;
esac
ok $r "... and what is cut ends in …"
status_row | grep -q '100%'
ok $? "at the end of the text (the footer hidden) the percent is 100%"
t resize-window -t main -x 20 -y 6
keys / "$pat" Enter
wait_for "$pat"
settle
keys n
sleep 0.3
settle
status_row | grep -q '[0-9]%$'
ok $? "at 20 columns the percent is still shown: $(status_row)"
keys q
wait_for 'juan-exit=0'

# --- 7. The prompt: scrolling, a match count, regex mode and history.
shell 40 12
run "$doc"
wait_for '%'
keys / "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
wait_for 'GHIJ'
status_row | grep -q 'GHIJ'
ok $? "at 40 columns the end of a long pattern shows: $(status_row)"
keys C-u "$pat"
wait_for "/$pat"
wait_for "$nmatch"
status_row | grep -q "$nmatch"
ok $? "the prompt shows the matches while typing: $(status_row)"
keys C-u C-r '关.词'
wait_for '[regex]'
keys Enter
wait_gone '[regex]'
keys /
wait_for '/'
sleep 0.2
status_row | grep -q 'regex'
ok $((! $?)) "the next search starts literal: $(status_row)"
keys 第1章 Enter
wait_for 'match'
keys / Up
wait_for '/第1章'
status_row | grep -q 'regex'
ok $((! $?)) "a literal pattern comes back from the history literal"
keys Up
wait_for '/关.词'
status_row | grep -q 'regex'
ok $? "the history remembers that the pattern was a regex: $(status_row)"
keys Escape q
wait_for 'juan-exit=0'

# --- 8. A pipe still being read: what has arrived is shown, as less
# shows it, with "reading" and the bytes in the status line, and the
# rest comes when the writer closes.
# The writer holds the pipe open until the test says so (a file appears,
# at most 60 s), so that a slow machine cannot close it before the checks.
printf '%s\n' 'cat "$1"; w=0' \
    'while [ ! -e "$2" ] && [ $w -lt 600 ]; do sleep 0.1; w=$((w + 1)); done' \
    'shift 2; for l; do printf "%s\n" "$l"; done' >"$tdir/gated.sh"
shell 80 24
keys "clear; sh $tdir/gated.sh $doc $tdir/go1 | $JUAN; echo juan-exit=\$?" Enter
wait_for '第1章第1段' 100
ok $? "the text of a pipe shows before the writer closes"
wait_for 'reading '
status_row | grep -q 'reading [0-9]* KiB$'
ok $? "the status line says reading, with the bytes: $(status_row)"
screen | grep -q 'no headings found'
ok $((! $?)) "the outline of a pipe being read does not say no headings"
screen | grep -q '第2章 一个'
ok $? "... it has the headings that have arrived"
status_row | grep -q '%'
ok $((! $?)) "the status line gives no percent yet"
keys j j
wait_gone 'Reading standard input'
settle
screen | grep -q 'Reading the whole text'
ok $((! $?)) "j does not wait for the whole text"
touch "$tdir/go1"
wait_for '%' 150
status_row | grep -q '[0-9]%$'
ok $? "at the end the percent comes: $(status_row)"
keys q
wait_for 'juan-exit=0' 100
# A slow writer whose first lines have no heading (a script, so that the
# command line does not hold the text looked for).
printf 'first lines of a %s\nand a second\n' slow >"$tdir/slow-first"
shell 80 24
keys "clear; sh $tdir/gated.sh $tdir/slow-first $tdir/go2 'more lines at the'' end' | $JUAN; echo juan-exit=\$?" Enter
wait_for 'first lines of a slow' 30
ok $? "a slow writer: its first lines show at once"
screen | grep -q 'more lines at the end'
ok $((! $?)) "... before the rest is written"
screen | grep -q '(reading...)'
ok $? "... the outline says it is reading"
status_row | grep -q 'reading [0-9]* B$'
ok $? "... and so does the status line: $(status_row)"
touch "$tdir/go2"
wait_for 'more lines at the end' 100
ok $? "... then the rest comes"
wait_for '100%' 30
ok $? "... and the percent"
screen | grep -q 'first lines of a slow'
ok $? "... the first lines still in their place"
keys q
wait_for 'juan-exit=0' 100

# --- 9. Colours: no dark blue text, NO_COLOR tells matches from headings.
shell 80 24
run "$doc"
wait_for '%'
keys G B G
wait_for '版权所有'
t capture-pane -e -p -t main >"$tdir/esc"
grep '版权所有' "$tdir/esc" | grep -q '\[34m\|\[38;5;4m'
ok $((! $?)) "boilerplate is not dark blue"
row=$(screen | sed -n 2p | sed 's/│.*//; s/ *$//')
case $row in
*…) r=0 ;;
*) r=1 ;;
esac
ok $r "a cut outline entry ends in …: $row"
keys q
wait_for 'juan-exit=0'
shell 80 24
t send-keys -t main "clear; NO_COLOR=1 $JUAN $doc; echo juan-exit=\$?" \
    Enter
wait_for '%'
keys g
settle
keys / "$pat" Enter
wait_for 'match 1/'
t capture-pane -e -p -t main >"$tdir/esc"
# The attributes just before a level-1 heading's text, and just before a
# match that is not the current one (on the third paragraph).
hsgr=$(grep '第1章 一个' "$tdir/esc" | sed 's/第1章 一个.*//; s/.*│//' |
    grep -o '\[[0-9;]*m' | tail -n 1)
msgr=$(grep -A 1 '第1章第3段' "$tdir/esc" | grep "$pat" | head -n 1 |
    sed "s/$pat.*//; s/.*│//" | grep -o '\[[0-9;]*m' | tail -n 1)
[ -n "$msgr" ] && [ "$hsgr" != "$msgr" ]
ok $? "with NO_COLOR a match looks unlike a heading ($hsgr, $msgr)"
keys q
wait_for 'juan-exit=0'

# --- 10. The percent counts the text shown: a long run of hidden footer
# lines in the middle of the text, as long as the text before it, counts
# for nothing, unless B shows it.
mid=$tdir/middle.txt
{
	i=0
	while [ $i -lt 200 ]; do
		printf '甲段第%03d句，正文在此继续。\n\n' $i
		i=$((i + 1))
	done
	i=0
	while [ $i -lt 400 ]; do
		printf '网站地图 | 联系我们 | 版权所有\n'
		i=$((i + 1))
	done
	printf '\n'
	i=0
	while [ $i -lt 200 ]; do
		printf '乙段第%03d句，正文在此继续。\n\n' $i
		i=$((i + 1))
	done
} >"$mid"
# pct: the status line's percent.
pct() {
	status_row | sed -n 's/.* \([0-9]*\)%$/\1/p'
}
for size in 120x35 80x24 40x12; do
	shell "${size%x*}" "${size#*x}"
	run "$mid"
	wait_for '%'
	keys / 乙段第100 Enter
	wait_for 'match 1/1'
	settle
	p=$(pct)
	[ -n "$p" ] && [ "$p" -ge 75 ] && [ "$p" -le 82 ]
	ok $? "$size: three quarters into the text shown is about 75%: $p%"
	keys B
	wait_for 'Boilerplate shown'
	settle
	p2=$(pct)
	[ -n "$p2" ] && [ "$p2" -gt "$p" ]
	ok $? "$size: with boilerplate shown the footer counts: $p2%"
	keys B
	wait_for 'Boilerplate hidden'
	keys 5 0 %
	wait_gone 'Boilerplate hidden'
	settle
	[ "$(pct)" = 50 ]
	ok $? "$size: 50% says 50%: $(status_row)"
	screen | grep -q '甲段第199\|乙段第000'
	ok $? "$size: ... at the end of the first half"
	keys G
	wait_for '100%'
	ok $? "$size: G says 100%"
	keys q
	wait_for 'juan-exit=0'
done

done_testing
