#!/bin/sh
# formats.sh - an EPUB book and a saved news page in the reader, in tmux
# at 120x35, 80x24 and 40x12: the book opens with its table of contents in
# the side pane, Enter on a chapter goes there, search finds a phrase in a
# later chapter; the page opens on its headline with no menu, sidebar,
# comment or footer text on the screen, and B shows them.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
book=$top_srcdir/tests/fixtures/epub/long-book.epub
page=$top_srcdir/tests/fixtures/html/news-page.html

for size in "120 35" "80 24" "40 12"; do
	set -- $size
	w=$1 h=$2
	# Each size reads afresh: no place remembered from the last.
	XDG_STATE_HOME=$tdir/state-$w
	export XDG_STATE_HOME
	shell "$w" "$h"
	run "$book"
	wait_for '%'
	ok $? "${w}x$h: the book opens"
	screen | grep -q 'Outline (3)'
	ok $? "${w}x$h: its table of contents is the outline (3 entries)"
	screen | sed 's/│.*//' | grep -q '第二章'
	ok $? "${w}x$h: ... shown in the side pane"
	# The second entry of the outline is the second chapter.
	keys Tab j Enter
	settle
	text_row 0 | grep -q '第二章'
	ok $? "${w}x$h: Enter on a chapter shows it at the top of the text"
	status_row | grep -q '第二章'
	ok $? "${w}x$h: ... and the status line names it"
	keys g / 河边坐到 Enter
	wait_for 'match 1/1'
	ok $? "${w}x$h: search finds a phrase of a later chapter"
	keys q
	wait_for 'juan-exit=0'
	ok $? "${w}x$h: q quits the book"

	run "$page"
	wait_for '%'
	settle
	text_row 0 | grep -q '河边'
	ok $? "${w}x$h: the page opens on its headline"
	bad=
	for word in 本地 排行榜 相关新闻 读者甲 版权所有 pageConfig font-size; do
		screen | grep -q "$word" && bad="$bad $word"
	done
	[ -z "$bad" ]
	ok $? "${w}x$h: no menu, sidebar, comment, footer or script text on screen${bad:+ (seen:$bad)}"
	keys B G
	settle
	screen | grep -q '版权所有'
	ok $? "${w}x$h: B shows the page's footer"
	keys q
	wait_for 'juan-exit=0'
	ok $? "${w}x$h: q quits the page"
done
done_testing
