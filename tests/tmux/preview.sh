#!/bin/sh
# preview.sh - a long text (over the 256 KiB at which the reader starts
# from a preview of its beginning): the first screen, G to the very end, and
# the side panes filled in once the whole document and timeline are built
# by the background thread.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
src=$top_srcdir/tests/tmux/doc.md
big=$tdir/big.md
: >"$big"
while [ "$(wc -c <"$big")" -lt 1200000 ]; do
	cat "$src" "$src" "$src" "$src" "$src" "$src" "$src" "$src" >>"$big"
done
nsec=$("$JUAN" --outline --json "$big" | grep -c '^  {"level"')
# The pane leaves out citations (dates in a title or a link's text).
ndate=$("$JUAN" --timeline --csv "$big" | grep -c ',false$')
last=$(grep -v '^$' "$big" | tail -n 1 | cut -f1)

shell 100 30
run "$big"
wait_for '%'
ok $? "a long text opens"
first=$(sed -n 1p "$src" | sed 's/^# *//')
screen | grep -qF -- "$first"
ok $? "... at its beginning"
keys G
wait_for '100%' 300
ok $? "G goes to the end of the whole text"
{ text_row 25; text_row 26; text_row 27; text_row 28; } | squeeze |
    grep -qF -- "$(printf '%s' "$last" | squeeze)"
ok $? "... whose last line is at the bottom"
keys o
wait_for "Outline ($nsec)" 300
ok $? "the outline fills in with every section ($nsec)"
keys t
wait_for "Timeline · by date ($ndate)" 300
ok $? "the timeline fills in with every date ($ndate)"
wait_gone 'reading...' 300
ok $? "... and the pane stops saying it is reading"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"

# G while the whole text is still being read (held back 6 s by the test
# hook): the end shows at once from a tail preview, the place survives the
# swap to the whole document, and g goes back to the beginning.
t send-keys -t main "clear; JUAN_TEST_LOAD_DELAY=6000 $JUAN $big; \
echo juan-exit=\$?" Enter
wait_for '%'
keys G
wait_for '100%' 20
ok $? "G before the whole text is in goes to the end at once"
screen | grep -qF 'reading...'
ok $? "... while the whole is still being read"
{ text_row 25; text_row 26; text_row 27; text_row 28; } | squeeze |
    grep -qF -- "$(printf '%s' "$last" | squeeze)"
ok $? "... with the last line at the bottom"
keys g
wait_for "$first" 20
ok $? "g goes back to the beginning before the whole is in"
keys G
wait_for '100%' 20
wait_gone 'reading...' 300
ok $? "the whole text comes in"
screen | grep -qF '100%'
ok $? "... and the view stays at the end"
{ text_row 25; text_row 26; text_row 27; text_row 28; } | squeeze |
    grep -qF -- "$(printf '%s' "$last" | squeeze)"
ok $? "... on the same last line"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"

# An entry jumped to in the preview of the beginning keeps its highlight
# there: in the tail preview, whose offsets are not the whole text's, no
# other text takes it.  The heading sits near the end of the first 64 KiB
# (the head preview), at the offset the tail's last screen shows.
awk 'BEGIN {
	printf "# Top\n\n"; n = 7
	while (n < 64900) {
		s = sprintf("Line %06d of filler text for the head.\n", n)
		printf "%s", s; n += length(s)
	}
	printf "\n## Target heading\n\n"
	while (n < 1300000) {
		s = sprintf("Body %07d of filler text in the middle.\n", n)
		printf "%s", s; n += length(s)
	}
}' >"$tdir/hl.md"
t send-keys -t main "clear; JUAN_TEST_LOAD_DELAY=8000 $JUAN $tdir/hl.md; \
echo juan-exit=\$?" Enter
wait_for '%'
keys Tab j Enter
wait_for 'Target heading'
t capture-pane -e -p -t main | grep -q '46mTarget heading'
ok $? "an outline entry jumped to in the preview is highlighted"
keys G
wait_for 'Body 1299999' 20
t capture-pane -e -p -t main | grep -q '46m'
ok $((!$?)) "... and in the tail preview nothing is"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"

# A filter over a timeline of 60,000 entries is tried a slice at a time
# between keys, and ends with every row it matches (it searches the
# events too, so no line's number holds 2005).
awk 'BEGIN { for (i = 0; i < 60000; i++)
	printf "第%d行：%d年。\n\n", i % 1000, 1990 + i % 20 }' >"$tdir/years.txt"
t send-keys -t main "clear; $JUAN $tdir/years.txt; echo juan-exit=\$?" \
    Enter
wait_for '%'
keys t
wait_for 'Timeline · by date (60000)' 300
keys Tab / 2 0 0 5
wait_for "/2005 (3000)" 60
ok $? "a filter typed over 60,000 entries finds all 3000 rows"
keys Escape q
wait_for 'juan-exit=0'
ok $? "q quits"
done_testing
