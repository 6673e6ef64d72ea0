#!/bin/sh
# check-cli.sh: runs a sanitizer build of the command line over the bundled
# corpus; any AddressSanitizer, LeakSanitizer or UBSan report fails it.
#   scripts/check-cli.sh ./jdalign-san
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log=$tmp/log
run() {
	if ! "$@" > "$tmp/out" 2> "$log"; then
		rc=$?
		# 1 and 3 are results, not failures, for these runs.
		if [ $rc -ne 1 ] && [ $rc -ne 3 ]; then
			echo "check-cli: '$*' exited $rc" >&2
			cat "$log" >&2
			exit 1
		fi
	fi
	if grep -qE 'Sanitizer|runtime error' "$log"; then
		echo "check-cli: sanitizer report from: $*" >&2
		cat "$log" >&2
		exit 1
	fi
}
ex=corpora/examples
run "$bin" align $ex/resume.md $ex/postings/ --out-dir "$tmp/out1" -j 2
run "$bin" align --compare $ex/resume.md $ex/resume-v2.md $ex/postings/
run "$bin" vocab -j 2 $ex/postings/
run "$bin" extract --format jsonl $ex/postings/
run "$bin" terms $ex/resume.md
run "$bin" lint $ex/resume.md
run "$bin" align $ex/resume.md $ex/postings/ --format jsonl --top 2
echo "check-cli: clean"
