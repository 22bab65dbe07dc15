#!/bin/sh
# binary.sh - a file that looks binary, in the reader: juan asks first,
# as less does; n leaves with the terminal as it was, y shows the file,
# and --binary does not ask.
. "${top_srcdir:-.}/tests/tmux/lib.sh"
bin=$top_srcdir/tests/fixtures/encoding/binary-elf.bin

shell 80 24
run "$bin"
wait_for 'may be a binary file.' && wait_for '(y/n)'
ok $? "the reader asks before it shows a binary file"
keys n Enter
wait_for 'juan-exit=0'
ok $? "n leaves with status 0"
screen | grep -q '│'
[ $? -ne 0 ]
ok $? "... without drawing the reader"

run "$bin"
wait_for '(y/n)'
keys y Enter
wait_for '%'
ok $? "y shows the file"
status_row | grep -q 'binary-elf'
ok $? "... its name in the status line"
keys q
wait_for 'juan-exit=0'
ok $? "q quits"

run --binary "$bin"
wait_for '%'
screen | grep -q 'See it anyway'
[ $? -ne 0 ]
ok $? "--binary shows it without asking"
keys q
wait_for 'juan-exit=0'

run "$top_srcdir/tests/tmux/doc.md"
wait_for '%'
screen | grep -q 'See it anyway'
[ $? -ne 0 ]
ok $? "a text is not asked about"
keys q
wait_for 'juan-exit=0'
done_testing
