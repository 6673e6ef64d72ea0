#!/bin/sh
# eval.sh: runs every scripts/eval-*.sh (the scorers of ../shared/eval on
# jdalign's output). Skipped with a message when ../shared is absent.
set -eu
cd "$(dirname "$0")/.."
shared=${JDALIGN_SHARED:-../shared}
if [ ! -d "$shared/eval" ]; then
	echo "eval: $shared/eval not found: skipped"
	exit 0
fi
for e in scripts/eval-*.sh; do
	[ -f "$e" ] || continue
	echo "== $(basename "$e" .sh)"
	sh "$e" "$shared"
done
