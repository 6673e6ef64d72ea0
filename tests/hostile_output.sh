#!/bin/sh
# hostile_output.sh: output that survives failure, with the real program.
# A report written past `ulimit -f`, to a full device, or over a file that
# is already there must exit 4 with a message naming the file, leave the
# previous file as it was, and leave no half-written file behind.
#   sh tests/hostile_output.sh ./jdalign
set -u
bin=$1
ex=corpora/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "hostile_output: $*" >&2; cat "$tmp/err" >&2; exit 1; }

# --out-dir under a file size limit of 8 KiB.
mkdir "$tmp/out"
printf 'PREVIOUS\n' > "$tmp/out/alignment.csv"
(ulimit -f 8; exec "$bin" align -q --out-dir "$tmp/out" $ex/resume.md \
	$ex/postings/) 2> "$tmp/err"
rc=$?
[ $rc -eq 4 ] || fail "--out-dir past ulimit -f: exit $rc, not 4"
msg="error: not written (File too large)"
grep -q "^jdalign: $tmp/out/alignment.csv: $msg" "$tmp/err" ||
	fail "no message naming alignment.csv"
[ "$(cat "$tmp/out/alignment.csv")" = PREVIOUS ] ||
	fail "the previous alignment.csv was not left as it was"
ls -A "$tmp/out" | grep -q '^\.' && fail "a temporary file was left behind"

# -o FILE under the same limit.
printf 'PREVIOUS\n' > "$tmp/vocab.csv"
(ulimit -f 1; exec "$bin" vocab -q -o "$tmp/vocab.csv" $ex/postings/) \
	2> "$tmp/err"
rc=$?
[ $rc -eq 4 ] || fail "-o past ulimit -f: exit $rc, not 4"
grep -q "^jdalign: $tmp/vocab.csv: error: not written" "$tmp/err" ||
	fail "no message naming vocab.csv"
[ "$(cat "$tmp/vocab.csv")" = PREVIOUS ] || fail "vocab.csv was changed"
ls -A "$tmp" | grep -q '^\.' && fail "a temporary file was left behind"

# Standard output on a full device.
if [ -w /dev/full ]; then
	"$bin" vocab -q $ex/postings/ > /dev/full 2> "$tmp/err"
	rc=$?
	[ $rc -eq 4 ] || fail "stdout on /dev/full: exit $rc, not 4"
	grep -q "^jdalign: cannot write standard output" "$tmp/err" ||
		fail "no message for standard output"
fi
echo "hostile_output: reports survive failed writes"
