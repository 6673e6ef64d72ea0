#!/bin/sh
# test-real.sh: the tier that reads ../shared/data (real saved pages and
# descriptions). Skipped with a message when that folder is absent.
set -eu
cd "$(dirname "$0")/.."
data=${JDALIGN_SHARED:-../shared}/data
if [ ! -d "$data/postings-real" ]; then
	echo "test-real: $data not found: skipped"
	exit 0
fi
fail=0
for t in tests/real/*.sh; do
	[ -f "$t" ] || continue
	if sh "$t" "$data"; then
		echo "test-real: $(basename "$t"): ok"
	else
		echo "test-real: $(basename "$t"): FAILED"
		fail=$((fail + 1))
	fi
done
pass=$(ls tests/real/*.sh 2>/dev/null | wc -l)
pass=$((pass - fail))
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
