#!/bin/sh
# layers.sh - curses is included only under src/ui/, and the engine's
# headers include no program header.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 99
leak=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](n?curses(w)?/)?n?curses\.h' src include | grep -v '^src/ui/')
[ -z "$leak" ]
ok $? "curses is included only under src/ui/ ${leak:+(not in: $leak)}"
leak=$(grep -lE '#[[:space:]]*include[[:space:]]*"(app|out|guide|ui/)' include/juan/*.h)
[ -z "$leak" ]
ok $? "engine headers include no program header ${leak:+($leak)}"
leak=$(grep -lE 'include.*(curses|term\.h)' include/juan/*.h)
[ -z "$leak" ]
ok $? "engine headers have no terminal code"
done_testing
