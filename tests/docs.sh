#!/bin/sh
# docs.sh - the documentation agrees with the program.
. "${top_srcdir:-.}/tests/lib.sh"
"$JUAN" --help >/dev/null 2>&1
ok $? "--help exits 0"
"$JUAN" --version >/dev/null 2>&1
ok $? "--version exits 0"
done_testing
