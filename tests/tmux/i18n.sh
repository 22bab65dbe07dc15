#!/bin/sh
# i18n.sh - the reader in Chinese: under LANGUAGE=zh_CN (with LC_ALL=C.UTF-8
# from tests/lib.sh, so that no zh_CN locale need be generated: glibc
# reads LANGUAGE whenever LC_MESSAGES is not "C") a status message, a
# prompt, a pane's title and the help box are in Chinese; the help box fits
# at 80x24, is cut cleanly at 40x12 and survives a resize; a long message
# is cut with an ellipsis at a character; and with LANGUAGE unset the same
# keys give the English.  make check points JUAN_TEST_LOCALEDIR at the
# catalogue it has just built.  Built with --disable-nls, juan must stay
# English under LANGUAGE=zh_CN, and that is what is checked then.
. "${top_srcdir:-.}/tests/tmux/lib.sh"

doc=$tdir/fixture.md
{
	printf '# 一份用来检查界面语言的试验文档\n\n'
	for c in 1 2 3; do
		printf '## 第%s章 检查\n\n' "$c"
		for p in 1 2 3 4 5 6; do
			printf '第%s章第%s段：一些填充屏幕的中文句子，内容并不' \
			    "$c" "$p"
			printf '重要。时在198%s年%s月。\n\n' "$c" "$p"
		done
	done
} >"$doc"

[ -n "$JUAN_TEST_LOCALEDIR" ] &&
    [ -f "$JUAN_TEST_LOCALEDIR/zh_CN/LC_MESSAGES/juan.mo" ]
ok $? "make check built the catalogue in $JUAN_TEST_LOCALEDIR"

# zh KEYS...: runs juan on the fixture under LANGUAGE=zh_CN.
zh() {
	t send-keys -t main \
	    "clear; cd $tdir; LANGUAGE=zh_CN $JUAN fixture.md; echo juan-exit=\$?" \
	    Enter
}

# widest: the widest row of the screen, in columns.
widest() {
	screen | wc -L
}

if [ "${USE_NLS:-yes}" = no ]; then
	shell 80 24
	zh
	wait_for '%'
	keys n
	wait_for 'No previous search pattern'
	ok $? "without NLS, LANGUAGE=zh_CN leaves the messages in English"
	keys q
	wait_for 'juan-exit=0'
	done_testing
fi

# --- Chinese at 80x24.
shell 80 24
zh
wait_for '%'
screen | sed -n 1p | grep -q '^[ >]大纲 (3)'
ok $? "the outline pane's title is translated"
keys n
wait_for '之前没有搜索过'
status_row | grep -q '之前没有搜索过'
ok $? "a status message is translated (n with no search)"
keys @
wait_for '跳到日期：'
status_row | grep -q '^跳到日期：'
ok $? "the prompt of @ is translated"
keys 1 9 8 2 Enter
wait_gone '跳到日期：'
text_row 0 | grep -q '1982' && status_row | grep -q '%'
ok $? "... and the date typed there is gone to"
keys /
wait_for '/'
keys 198 C-r
wait_for '[正则]'
status_row | grep -q '\[正则\] 18 处匹配$'
ok $? "the search prompt's regex mode and count are translated"
keys Escape
wait_gone '[正则]'
keys h
wait_for 'juan - 按键'
help=$(screen)
for want in '滚动一行（5j：五行）' '收窄 / 加宽 / 隐藏侧栏；  w  正文宽度' \
    '输入时：Up Down 翻历史，^R 正则，^T 繁简' '按任意键继续。'; do
	printf '%s\n' "$help" | grep -qF -- "$want"
	ok $? "the help box is translated: $want"
done
first=$(printf '%s\n' "$help" | grep -n 'juan - 按键' | cut -d: -f1)
last=$(printf '%s\n' "$help" | grep -n '按任意键继续' | cut -d: -f1)
[ -n "$first" ] && [ -n "$last" ] && [ $((last - first + 1)) -le 22 ]
ok $? "the help box keeps to 22 lines ($first to $last)"
[ -n "$first" ] && [ "$(widest)" -le 80 ] && [ "$(screen | wc -l)" -eq 24 ]
ok $? "... and fits the 80x24 screen"
# The box's left margin, to compare with the English one's below.
zh_left=$(printf '%s\n' "$help" | sed -n "${first:-1}p" |
    sed 's/juan - 按键.*//' | wc -L)
t resize-window -t main -x 40 -y 12
sleep 0.3
settle
screen | grep -q 'juan - 按键'
ok $? "a resize to 40x12 keeps the translated help box open"
screen | grep -q 'juan - 按键' && [ "$(widest)" -le 40 ] &&
    [ "$(screen | wc -l)" -eq 12 ]
ok $? "... drawn within the 40x12 screen"
keys q
wait_gone 'juan - 按键'
status_row | grep -q '%'
ok $? "... and closes to the status line on the new last row"
# A message wider than the line is cut with an ellipsis at a character.
keys =
wait_for 'fixture.md · 行'
status_row | grep -q 'fixture.md · 行 [^ ]*…'
ok $? "= at 40 columns: the translated message is cut with an ellipsis"
status_row | grep -q '行' && [ "$(status_row | wc -L)" -le 40 ]
ok $? "... within the 40 columns"
keys q
wait_for 'juan-exit=0'

# --- The same keys in English, with LANGUAGE unset.
shell 80 24
run "$doc"
wait_for '%'
screen | sed -n 1p | grep -q '^[ >]Outline (3)'
ok $? "with LANGUAGE unset the pane's title is English"
keys n
wait_for 'No previous search pattern'
ok $? "... and so is the status message"
keys @
wait_for 'Go to date:'
ok $? "... and the prompt"
keys Escape
keys h
wait_for 'juan - keys'
screen | grep -qF 'scroll a line (5j: five)'
ok $? "... and the help box"
en_left=$(screen | grep 'juan - keys' | sed 's/juan - keys.*//' | wc -L)
[ -n "$zh_left" ] && [ "$zh_left" -ge "$en_left" ]
ok $? "the Chinese help box is no wider than the English ($zh_left, $en_left)"
keys q
keys q
wait_for 'juan-exit=0'

done_testing
