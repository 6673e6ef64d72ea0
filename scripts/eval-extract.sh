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
# Wall-clock milliseconds, the best of three runs (the machine is shared,
# the work is not), and the CPU milliseconds of that run.
ms() {
	best= cpu=
	for _ in 1 2 3; do
		start=$(date +%s%N)
		if [ -x /usr/bin/time ]; then
			/usr/bin/time -f '%U %S' -o "$tmp/time" "$@" > /dev/null
		else
			"$@" > /dev/null
			echo "0 0" > "$tmp/time"
		fi
		end=$(date +%s%N)
		t=$(( (end - start) / 1000000 ))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then
			best=$t
			cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$tmp/time")
		fi
	done
	echo "$best ms ($cpu ms CPU)"
}
./jdalign extract -q --format jsonl "$@" > "$tmp/out.jsonl"
/usr/bin/python3 "$shared/eval/score_extract.py" "$gold" "$tmp/out.jsonl"
bytes=$(cat "$@" | wc -c)
t1=$(ms ./jdalign extract -q -j 1 --format jsonl "$@")
tn=$(ms ./jdalign extract -q --format jsonl "$@")
echo "extract-time: $# pages, $bytes bytes: $t1 on one core;" \
	"$tn with -j $(nproc)"
