#!/bin/sh
# eval-terms.sh: measures `jdalign terms` and `jdalign vocab` with the
# scorers of SHARED/eval (run by `make eval` through scripts/eval.sh):
#   - SkillSpan dev: strict / loose / term F1 against KNOWLEDGE spans;
#   - RemoteOK: recall of the board's technology tags, terms per posting;
#   - the top 100 rows of `jdalign vocab` over SHARED/data/descriptions.
#   scripts/eval-terms.sh SHARED_DIR
# Skipped with a message when SHARED_DIR lacks the data or the scorers.
set -eu
cd "$(dirname "$0")/.."
shared=${1:-../shared}
py=/usr/bin/python3
ev=$shared/eval
data=$shared/data
bin=./jdalign
for f in "$ev/score_skills.py" "$ev/score_remoteok.py" \
    "$data/skills/skillspan/dev.json" "$data/descriptions/remoteok-30.json"; do
	if [ ! -f "$f" ]; then
		echo "eval-terms: $f not found: skipped"
		exit 0
	fi
done
[ -x "$bin" ] || { echo "eval-terms: build ./jdalign first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "-- SkillSpan dev (KNOWLEDGE spans)"
$py "$ev/skills_sentences.py" "$data/skills/skillspan/dev.json" \
	"$tmp/s.txt" "$tmp/s.gold.jsonl" > /dev/null
$bin terms --format jsonl "$tmp/s.txt" > "$tmp/s.out.jsonl"
$py "$ev/score_skills.py" "$tmp/s.gold.jsonl" "$tmp/s.out.jsonl" |
	grep -E '^(gold|knowledge +ALL|skills:)'

echo "-- RemoteOK tags"
mkdir "$tmp/txt" "$tmp/out"
$py "$ev/descriptions_to_text.py" "$data/descriptions/remoteok-30.json" \
	"$tmp/txt" > /dev/null
for f in "$tmp"/txt/*.txt; do
	$bin terms --format jsonl "$f" > "$tmp/out/$(basename "$f" .txt).jsonl"
done
$py "$ev/score_remoteok.py" "$data/descriptions/remoteok-30.json" \
	"$tmp/out" | grep -E '^(recall|terms extracted|remoteok:)'

echo "-- jdalign vocab over $data/descriptions: top 100"
$bin vocab -q --format tsv "$data/descriptions" > "$tmp/vocab.tsv" || true
awk -F '\t' 'NR > 1 && NR <= 101 {
	printf "%3d  %-32s %-12s %4s  %s\n", NR - 1, $1, $2, $4, $8 }' \
	"$tmp/vocab.tsv"
