#!/bin/sh
# bytes.sh - search in the reader before the whole document is built: a
# long plain text's bytes are mapped, / and n find matches in them and
# show each from a window of the text around it, the results pane fills
# in, the place and the count survive the swap to the whole document, and
# a file truncated under the reader gives a message, not a crash.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
big=$tdir/big.txt
# About 3 MB of numbered lines in paragraphs; a word five times, spread
# out, and another in the last paragraph only.
awk 'BEGIN {
	for (i = 1; i <= 60000; i++) {
		printf "Line %06d of the filler text, some words to read.\n", i
		if (i % 12000 == 6000)
			printf "Here is ZQWORD number %d of five.\n", i / 12000 + 0.5
		if (i % 6 == 0)
			printf "\n"
	}
	printf "The last paragraph holds THEENDMARK and nothing more.\n"
}' >"$big"

shell 100 30
# The whole text is held back 60 s: everything below happens before it.
t send-keys -t main "clear; JUAN_TEST_LOAD_DELAY=60000 $JUAN $big; \
echo juan-exit=\$?" Enter
wait_for 'Line 000001'
ok $? "a long text opens on its beginning"
keys / THEENDMARK Enter
wait_for 'The last paragraph holds THEENDMARK' 100
ok $? "/ finds a match at the end before the document is built"
screen | grep -qF 'reading...'
ok $? "... while the whole is still being read"
screen | grep -qF 'Line 060000'
ok $? "... and shows the text around it"
keys / ZQWORD Enter
wait_for 'ZQWORD number 1 of' 100
ok $? "a word with five matches: the first"
wait_for 'match 1/5' 100
ok $? "... counted in the file's bytes (match 1/5)"
keys n
wait_for 'ZQWORD number 2 of' 100
ok $? "n lands on the next one"
wait_for 'match 2/5' 50
ok $? "... match 2/5"
keys 2 n
wait_for 'ZQWORD number 4 of' 100
ok $? "2n: two matches on"
keys N
wait_for 'ZQWORD number 3 of' 100
ok $? "N: back one"
keys r
wait_for 'ZQWORD (5)' 100
ok $? "r: the results pane lists the five before the document is built"
keys Tab j j j j Enter
wait_for 'ZQWORD number 5 of' 100
ok $? "Enter on the fifth result shows it"
screen | grep -qF 'reading...'
ok $? "... still before the whole text is in"
keys g
wait_for 'Line 000001' 100
ok $? "g goes back to the beginning"
keys q
wait_for 'juan-exit=0' 100
ok $? "q quits while the whole is held back"

# The whole text arrives after a match shown from a window: the place and
# the match carry over.
t send-keys -t main "clear; JUAN_TEST_LOAD_DELAY=2000 $JUAN $big; \
echo juan-exit=\$?" Enter
wait_for 'Line 000001'
keys / ZQWORD Enter
wait_for 'ZQWORD number 1 of' 100
keys n n
wait_for 'ZQWORD number 3 of' 100
ok $? "n n: the third match"
wait_gone 'reading...' 600
ok $? "the whole text comes in"
settle
screen | grep -qF 'ZQWORD number 3 of'
ok $? "... and the third match stays on the screen"
wait_for 'match 3/5' 100
ok $? "... as match 3/5"
keys n
wait_for 'match 4/5' 100
ok $? "n goes on in the whole text"
keys q
wait_for 'juan-exit=0' 100
ok $? "q quits"

# The file truncated while the reader shows it: the bytes past its new end
# read as empty, with a message, and the reader goes on.
cut=$tdir/cut.txt
cp "$big" "$cut"
t send-keys -t main "clear; JUAN_TEST_LOAD_DELAY=60000 $JUAN $cut; \
echo juan-exit=\$?" Enter
wait_for 'Line 000001'
truncate -s 200000 "$cut"
keys / THEENDMARK Enter
wait_for 'File truncated while reading' 100
ok $? "a search past the new end says the file was truncated"
keys Escape j j
wait_for 'Line 000003' 50
ok $? "... and the reader still moves"
keys / 'Line 000100' Enter
wait_for 'match 1/1' 100
ok $? "... and still searches what is left"
keys q
wait_for 'juan-exit=0' 100
ok $? "... and quits cleanly"
done_testing
