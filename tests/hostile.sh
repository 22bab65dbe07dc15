#!/bin/sh
# hostile.sh - terminal safety of every non-interactive mode.
#
# Documents full of ESC, CSI, OSC, DCS, C0 and C1 controls, DEL, bidi
# controls and carriage returns (tests/fixtures/hostile/, plus copies under
# file names that carry the same) go through --outline, --timeline,
# --search and --dump, each with --json where it applies, from a path and
# from standard input.  No output byte, on stdout or stderr, may be ESC, a
# C0 control other than newline (and tab where the mode keeps it, in
# --timeline's columns), DEL, a C1 control (as UTF-8 or as a raw byte) or
# a raw bidi control; the output must be valid UTF-8, and juan must not
# crash.  With JUAN_VALGRIND=1 every run goes through valgrind, and any
# error it finds fails the run.
. "${top_srcdir:-.}/tests/lib.sh"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
H=$FIXTURES/hostile

run_juan() {
	if [ "${JUAN_VALGRIND:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite "$JUAN" "$@"
	else
		"$JUAN" "$@"
	fi
}

# unsafe TABS FILE...: prints what is unsafe in the files ("ESC", "C0",
# ...), or nothing when they are clean.  TABS=1 lets tabs through.  One od
# and one awk, which walks the bytes as hex with the two before them.
unsafe() {
	_tabs=$1
	shift
	cat "$@" | od -An -v -tx1 | awk -v tabs="$_tabs" '
	function num(h) {
		return index("0123456789abcdef", substr(h, 1, 1)) * 16 - 16 + \
		    index("0123456789abcdef", substr(h, 2, 1)) - 1
	}
	{
		for (i = 1; i <= NF; i++) {
			b = num($i)
			if (b == 27)
				bad["ESC"] = 1
			else if ((b < 32 && b != 10 && !(b == 9 && tabs)) ||
			    b == 127)
				bad["C0/DEL"] = 1
			if (p1 == 194 && b >= 128 && b < 160)
				bad["C1"] = 1
			if ((p2 == 226 && p1 == 128 &&
			    ((b >= 170 && b <= 174) || b == 142 || b == 143)) ||
			    (p2 == 226 && p1 == 129 && b >= 166 && b <= 169) ||
			    (p1 == 216 && b == 156))
				bad["BIDI"] = 1
			p2 = p1
			p1 = b
		}
	}
	END { for (k in bad) printf "%s ", k }'
	cat "$@" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 ||
	    printf 'INVALID-UTF-8 '
}

# check DESC TABS ARGS...: runs juan ARGS and checks stdout and stderr.
check() {
	_desc=$1 _tabs=$2
	shift 2
	run_juan "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	_st=$?
	_bad=$(unsafe "$_tabs" "$tmp/out" "$tmp/err")
	# 0, 1 (nothing matched, unreadable) or 2 (bad usage); a signal or
	# valgrind's 99 is a crash.
	if [ "$_st" -ge 3 ]; then
		ok 1 "$_desc: exit status $_st, output $(wc -c <"$tmp/out") bytes"
		diag "$(head -c 600 "$tmp/err")"
		return
	fi
	[ -z "$_bad" ]
	ok $? "$_desc${_bad:+: unsafe output: $(echo $_bad)}"
}

# Every mode over one document, by path.
modes() {
	_f=$1 _n=$2
	check "$_n --outline" 0 --outline "$_f"
	check "$_n --outline --json" 0 --outline --json "$_f"
	check "$_n --timeline" 1 --timeline "$_f"
	check "$_n --timeline --sort=date" 1 --timeline --sort=date "$_f"
	check "$_n --timeline --json" 0 --timeline --json "$_f"
	check "$_n --search" 0 --search=正文 "$_f"
	check "$_n --search --json" 0 --search=正文 --json "$_f"
	check "$_n --search --regex" 0 --regex --search='[\x00-\x{10ffff}]{1,6}' "$_f"
	check "$_n --search a control" 0 --search="$(printf '\033[')" "$_f"
	check "$_n --search a control --json" 0 --json \
	    --search="$(printf '\033[2J')" "$_f"
	check "$_n --dump" 0 --dump "$_f"
	check "$_n --dump -w 1" 0 --dump -w 1 "$_f"
	check "$_n --dump -w 7" 0 --dump -w 7 "$_f"
	check "$_n --dump -w 13 --ambiwidth=2" 0 --dump -w 13 --ambiwidth=2 "$_f"
	check "$_n (no mode, not a terminal)" 0 "$_f"
}

# The checker itself must see each kind of unsafe byte, or a clean result
# would mean nothing.
for pair in 'ESC:a\033[31m' 'C0/DEL:a\001b' 'C0/DEL:a\177' 'C0/DEL:a\rb' \
    'C1:\302\233' 'BIDI:\342\200\256' 'BIDI:\342\201\246' \
    'INVALID-UTF-8:\233'; do
	printf "${pair#*:}" >"$tmp/probe"
	case " $(unsafe 0 "$tmp/probe")" in
	*" ${pair%%:*} "*) ok 0 "the checker finds ${pair%%:*} (probe $tap_n)" ;;
	*) ok 1 "the checker finds ${pair%%:*} (probe $tap_n)" ;;
	esac
done
printf 'a\tb 汉字 “” \342\200\224\n' >"$tmp/probe"
[ -z "$(unsafe 1 "$tmp/probe")" ]
ok $? "the checker passes clean text with a tab"

for f in "$H"/*; do
	case $f in */README) continue ;; esac
	modes "$f" "$(basename "$f")"
done

# From standard input, through a pipe.
for f in "$H"/escapes.md "$H"/raw-c1.txt; do
	cat "$f" | run_juan --outline >"$tmp/out" 2>"$tmp/err"
	_bad=$(unsafe 0 "$tmp/out" "$tmp/err")
	[ -z "$_bad" ]
	ok $? "$(basename "$f") from a pipe --outline${_bad:+: $(echo $_bad)}"
	cat "$f" | run_juan --timeline --json >"$tmp/out" 2>"$tmp/err"
	_bad=$(unsafe 0 "$tmp/out" "$tmp/err")
	[ -z "$_bad" ]
	ok $? "$(basename "$f") from a pipe --timeline --json${_bad:+: $(echo $_bad)}"
done

# Hostile file names: the name may show in titles and messages.
name="$tmp/$(printf 'n\033]0;owned\007\033[31m\342\200\256\302\233x').md"
cp "$H/escapes.md" "$name"
modes "$name" "a hostile file name"
# A missing file under such a name: the message names it.
check "a missing file with a hostile name" 0 --outline "$name.missing"
# An encoding name is echoed in messages and in the outline: one that
# iconv refuses, and one it takes (glibc ignores what follows "//").
enc_bad=$(printf 'NO\033]0;owned\007\033[31mPE')
enc_ok=$(printf 'GB18030//\033[31m\342\200\256X')
gb=$SAMPLES/encoding-chronicle.gb18030.txt
check "an unknown encoding with controls in its name" 0 \
    --outline --encoding="$enc_bad" "$gb"
check "a forced encoding with controls in its name, --outline" 0 \
    --outline --encoding="$enc_ok" "$gb"
check "a forced encoding with controls in its name, --outline --json" 0 \
    --outline --json --encoding="$enc_ok" "$gb"
check "a forced encoding with controls in its name, --dump" 0 \
    --dump --encoding="$enc_ok" "$gb"

# A file with no title but its name.
printf 'just text\n' >"$name"
check "a title-less file with a hostile name" 0 --outline --json "$name"

done_testing
