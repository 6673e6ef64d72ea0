#!/bin/sh
# parallel_shards.sh: the vocabulary of the real pages computed in shards by
# GNU parallel (vocab --partial as the mapper, merge as the reducer) equals
# the vocabulary computed in one run, byte for byte.
set -eu
data=$1
command -v parallel > /dev/null || { echo "GNU parallel missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$data/postings-real" "$data/descriptions" -type f \
	\( -name '*.html' -o -name '*.json' \) | sort > "$tmp/files"
./jdalign vocab -q --files-from "$tmp/files" > "$tmp/whole.csv" || true
# Shards of 4 files, 2 at a time; their tables arrive in any order.
parallel --will-cite --pipe -N 4 -j 2 \
	./jdalign vocab -q --partial --files-from - < "$tmp/files" > "$tmp/parts.jsonl" || true
./jdalign merge "$tmp/parts.jsonl" > "$tmp/merged.csv"
shards=$(grep -c '"jdalign_partial"' "$tmp/parts.jsonl")
[ "$shards" -gt 3 ] || { echo "only $shards shards"; exit 1; }
cmp "$tmp/whole.csv" "$tmp/merged.csv" || { echo "merged != whole"; exit 1; }
[ "$(wc -l < "$tmp/whole.csv")" -gt 100 ] || { echo "vocabulary too small"; exit 1; }
