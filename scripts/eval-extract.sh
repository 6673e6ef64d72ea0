#!/bin/sh
# eval-extract.sh: scores `jdalign extract` on the real saved pages against
# their own descriptions, and times the extraction of all of them.
#   scripts/eval-extract.sh SHARED_DIR      (SHARED_DIR = ../shared)
set -eu
cd "$(dirname "$0")/.."
shared=${1:-${JDALIGN_SHARED:-../shared}}
pages=$shared/data/postings-real
gold=$shared/eval/gold-postings-real.json
if [ ! -d "$pages" ] || [ ! -f "$gold" ]; then
	echo "eval-extract: $pages or $gold not found: skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set -- "$pages"/*/*.html
# The best of three runs: the machine is shared, the work is not.
ms() {
	best=
	for _ in 1 2 3; do
		start=$(date +%s%N)
		"$@" > /dev/null
		end=$(date +%s%N)
		t=$(( (end - start) / 1000000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
	done
	echo "$best"
}
./jdalign extract -q --format jsonl "$@" > "$tmp/out.jsonl"
/usr/bin/python3 "$shared/eval/score_extract.py" "$gold" "$tmp/out.jsonl"
bytes=$(cat "$@" | wc -c)
t1=$(ms ./jdalign extract -q -j 1 --format jsonl "$@")
tn=$(ms ./jdalign extract -q --format jsonl "$@")
echo "extract-time: $# pages, $bytes bytes: $t1 ms on one core, $tn ms with -j $(nproc)"
