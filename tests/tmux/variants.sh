#!/bin/sh
# variants.sh - Han variants in the reader's search prompt, in tmux at
# 80x24: 台湾 finds 台灣 by default; Ctrl-T turns the folding off for
# this search (the prompt says [no variants]; not found) and on again;
# the history brings a search back with its state; --no-variants makes
# each search start without them, and Ctrl-T then says [variants].
. "${top_srcdir:-.}/tests/tmux/lib.sh"
doc=$tdir/tw.txt
printf '%s\n\n%s\n\n%s\n' "前言：這是一本書。" \
    "在台灣出版，台灣的讀者很多。" "後記：沒有別的。" >"$doc"
n=$("$JUAN" --search=台湾 "$doc" | wc -l)
is_n=$("$JUAN" --no-variants --search=台湾 "$doc" | wc -l)
ok $((n != 2 || is_n != 0)) \
    "--search: 台湾 finds 台灣 twice, not with --no-variants ($n, $is_n)"

shell 80 24
run "$doc"
wait_for '%'
keys / 台湾
wait_for "/台湾"
wait_for "2 matches"
ok $? "by default 台湾 finds 台灣"
status_row | grep -qF 'variants]'
ok $((! $?)) "... and the prompt shows no mode: $(status_row)"
keys C-t
wait_for "[no variants]"
ok $? "Ctrl-T: the prompt says [no variants]"
wait_for "not found"
ok $? "... and 台湾 no longer finds 台灣"
keys C-t
wait_gone "[no variants]"
wait_for "2 matches"
ok $? "Ctrl-T again: variants on, the matches back"
keys C-t
wait_for "[no variants]"
keys Enter
wait_for "Pattern not found: 台湾"
ok $? "Enter keeps the search without variants: not found"

# The next search starts with variants; Up brings the last back as it was.
keys / 台湾
wait_for "2 matches"
ok $? "a new search starts with variants again"
keys C-u Up
wait_for "[no variants]"
ok $? "Up recalls 台湾 without variants"
keys Escape
wait_gone "[no variants]"
keys q
wait_for "juan-exit=0"

# --no-variants: each search starts without them, Ctrl-T turns them on.
run --no-variants "$doc"
wait_for '%'
keys / 台湾
wait_for "not found"
ok $? "--no-variants: 台湾 does not find 台灣"
status_row | grep -qF 'variants]'
ok $((! $?)) "... and the prompt shows no mode, the default: $(status_row)"
keys C-t
wait_for "[variants] 2 matches"
ok $? "Ctrl-T turns the variants on for this search"
keys Enter
wait_for "match 1/2"
ok $? "Enter keeps it: match 1/2"
keys q
wait_for "juan-exit=0"
done_testing
