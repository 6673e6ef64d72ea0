#!/bin/sh
# knockouts_real.sh: the knockout columns of postings.csv on real saved
# pages, against facts a person reads off each page (the pages themselves
# are read at run time from the data folder, never copied).
set -eu
data=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./jdalign align -q corpora/examples/resume.md "$data/postings-real" \
	--out-dir "$tmp" || true
/usr/bin/python3 - "$tmp/postings.csv" <<'PY'
import csv, sys
rows = {r["posting_id"].split("postings-real/")[-1]: r
        for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
want = {
    "greenhouse/yiakhuat__ats3.html": dict(years_required="5", degree="bachelor",
                                           sponsorship="yes", workplace="hybrid"),
    "greenhouse/Ravi-30__greenhouse_page.html": dict(years_required="10",
                                                     degree="bachelor", workplace="hybrid"),
    "builtin/yiakhuat__job4.html": dict(years_required="10"),
    "ashby/yiakhuat__ats8.html": dict(years_required="7"),
    "company-career-vercel/shane-kercheval__infrastructure-engineer-us-4159198004.html":
        dict(workplace="remote"),
    "indeed/dinie__indeed_job.html": dict(workplace="hybrid"),
    "negatives/rileriaaa__indeed_page.html": dict(years_required="", degree="",
                                                   sponsorship="", clearance="", workplace=""),
}
bad = 0
for page, facts in want.items():
    r = rows.get(page)
    if r is None:
        print("missing row:", page)
        bad += 1
        continue
    for col, val in facts.items():
        if r[col] != val:
            print("%s %s: %r, want %r" % (page, col, r[col], val))
            bad += 1
sys.exit(1 if bad else 0)
PY
