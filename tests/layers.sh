#!/bin/sh
# layers.sh - curses is included only under src/ui/, the engine's
# headers include no program header, and src/ui/ loads no text.
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
# The interface draws and reads keys: loading, threads and building the
# document are the source's (src/source.c).
leak=$(grep -lE '\<(pthread_[a-z_]+|pread|buffer_load[a-z_]*|doc_new[a-z_]*|timeline_new)\>' src/ui/*.c src/ui/*.h)
[ -z "$leak" ]
ok $? "src/ui/ loads nothing and builds no document ${leak:+($leak)}"
# The view is opaque: the interface asks it what to paint.
! grep -q '^struct view {' include/juan/view.h
ok $? "include/juan/view.h declares struct view without its fields"
leak=$(grep -l 'view-int\.h' src/ui/*.c src/ui/*.h src/main.c src/out*.c)
[ -z "$leak" ]
ok $? "only the view's own code sees its fields ${leak:+($leak)}"
done_testing
