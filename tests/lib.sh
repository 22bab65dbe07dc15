# lib.sh - TAP helpers for the shell tests; source it.
# Environment from make check: top_srcdir, top_builddir, JUAN, TMUX_BIN.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${JUAN:=$top_builddir/src/juan}"
SAMPLES=$top_srcdir/tests/samples
FIXTURES=$top_srcdir/tests/fixtures
export SAMPLES FIXTURES LC_ALL=C.UTF-8
# The tests expect English messages whatever the developer's LANGUAGE
# (tests/tmux/i18n.sh sets it where it wants Chinese).
unset LANGUAGE
tap_n=0
tap_failed=0

# ok STATUS DESCRIPTION: a test point that passes when STATUS is 0.
ok() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# diag TEXT: a comment line shown with the test log.
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

# done_testing: prints the plan and exits with the right status.
done_testing() {
	echo "1..$tap_n"
	[ "$tap_n" -gt 0 ] && [ "$tap_failed" -eq 0 ]
	exit $?
}
