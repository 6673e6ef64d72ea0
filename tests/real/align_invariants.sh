#!/bin/sh
# align_invariants.sh: align over the real saved pages: every posting gets a
# row in postings.csv, rates stay within 0-100, walls and listings are left
# out of --fail-under, and the reports are identical for -j 1 and -j 2.
set -eu
data=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
./jdalign align -q corpora/examples/resume.md "$data/postings-real" \
	--out-dir "$tmp/j1" -j 1 || rc=$?
[ "$rc" -le 3 ] || { echo "align exited $rc"; exit 1; }
./jdalign align -q corpora/examples/resume.md "$data/postings-real" \
	--out-dir "$tmp/j2" -j 2 || true
for f in alignment.csv gaps.csv posting_terms.csv postings.csv; do
	cmp -s "$tmp/j1/$f" "$tmp/j2/$f" || { echo "$f differs across -j"; exit 1; }
done
pages=$(find "$data/postings-real" -name '*.html' | wc -l)
/usr/bin/python3 - "$tmp/j1/postings.csv" "$pages" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
assert len(rows) == int(sys.argv[2]), "rows %d, pages %s" % (len(rows), sys.argv[2])
for r in rows:
    if r["status"] == "ok":
        assert 0 <= float(r["match_rate"]) <= 100, r
    else:
        assert r["match_rate"] == "", r
walls = [r for r in rows if r["status"] in ("wall", "empty")]
assert walls, "the bot wall and the JS shell are not postings"
PY
# A wall can never fail --fail-under: only ok postings count.
rc=0
./jdalign align -q --fail-under 0 corpora/examples/resume.md \
	"$data/postings-real/negatives" > /dev/null || rc=$?
[ "$rc" -eq 4 ] || { echo "walls only: exit $rc, want 4"; exit 1; }
