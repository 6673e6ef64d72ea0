#!/bin/sh
# update-golden.sh: rewrites tests/golden/examples from the current build,
# after a deliberate change to the reports. Review the diff before commit.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
./jdalign align corpora/examples/resume.md corpora/examples/postings/ \
	--out-dir "$tmp" -j 1 -q
for f in alignment.csv gaps.csv posting_terms.csv postings.csv lint.csv; do
	cp "$tmp/$f" tests/golden/examples/$f
done
rm -rf "$tmp"
git --no-pager diff --stat -- tests/golden
