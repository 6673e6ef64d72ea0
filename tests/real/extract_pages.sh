#!/bin/sh
# extract_pages.sh: jdalign extract over the real saved pages of
# ../shared/data/postings-real: each page's status, title and company (the
# facts below), the first and last 80 characters of its description (read
# at run time from ../shared/eval/gold-postings-real.json, never copied
# here) found in the extracted headings and lines, and no navigation,
# cookie or form text in them. A company may have alternatives (a;b): the
# legal entity a JSON-LD block names, or the brand.
#   sh tests/real/extract_pages.sh DATA_DIR      (DATA_DIR = ../shared/data)
set -eu
data=$1
gold=$data/../eval/gold-postings-real.json
if [ ! -f "$gold" ]; then
	echo "extract_pages: $gold not found: skipped"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./jdalign extract -q --format jsonl "$data"/postings-real/*/*.html \
	> "$tmp/out.jsonl"
cat > "$tmp/facts" <<'FACTS'
ashby/yiakhuat__ats1.html|ok|Senior Technical Program Manager, Growth|Superhuman
ashby/yiakhuat__ats8.html|ok|Senior Technical Program Manager|EchoTwin AI
builtin/yiakhuat__job1.html|ok|Senior Technical Program Manager, Growth|Superhuman
builtin/yiakhuat__job4.html|ok|Sr. Staff Technical Program Manager - Reliability|Databricks
builtin/yiakhuat__job8.html|ok|Senior Technical Program Manager|EchoTwin AI
company-career-vercel/shane-kercheval__data-engineer-uk-us-4664444004.html|ok|Data Engineer|Vercel
company-career-vercel/shane-kercheval__infrastructure-engineer-us-4159198004.html|ok|Infrastructure Engineer|Vercel
company-career-vercel/shane-kercheval__sales-engineer-us-4162371004.html|ok|Sales Engineer|Vercel
company-career-vercel/shane-kercheval__senior-product-manager-turborepo-us-4547564004.html|ok|Senior Product Manager, Turborepo|Vercel
company-career-vercel/shane-kercheval__software-engineer-systems-us-4656326004.html|ok|Software Engineer, Systems|Vercel
greenhouse/Ravi-30__greenhouse_page.html|ok|Senior Staff AI Engineer|Sonatus
greenhouse/yiakhuat__ats3.html|ok|Technical Program Manager, Infrastructure|Anthropic
indeed/dinie__indeed_job.html|ok|Senior DevOps Engineer|PaperCut Software
lever/yiakhuat__ats5.html|ok|Senior/Staff Technical Program Manager - Autonomy Operations|Zoox
linkedin/0Mico__job_page_rai.html|ok|DATA ANALYST|Rai - Radiotelevisione Italiana
linkedin/dinie__linkedin_job.html|ok|Senior Software Engineer - Developer Experience|Heidi
listing-pages/adfrisealach__autodesk_page.html|listing||
listing-pages/jstet__wikimedia_10_23.html|listing||
negatives/rileriaaa__indeed_page.html|wall||
negatives/yiakhuat__ats7.html|empty||
workday/Japesh285__R46392-2_20260406_114036.html|ok|Lead AI/Data Science Engineer|Medtronic;IN2 COV
workday/Saurabhkg03__workday.html|ok|Sr Services Executive - Dirigeant supérieur des services|Workday
workday/adfrisealach__job_page.html|ok|Senior Industry Strategy Manager - Content Creation|Autodesk
FACTS
/usr/bin/python3 - "$tmp/out.jsonl" "$tmp/facts" "$gold" <<'PY'
import json, re, sys

out, facts, gold = sys.argv[1:4]
recs = {}
for line in open(out, encoding="utf-8"):
    r = json.loads(line)
    recs[r["path"].split("postings-real/", 1)[1]] = r
desc = {g["file"]: g.get("description_text") or ""
        for g in json.load(open(gold, encoding="utf-8"))}
# What a reader never takes for the posting: navigation, cookie banners,
# application forms, apply buttons, related jobs.
LEAKS = ["skip to main content", "accept cookies", "cookie settings",
         "cookie policy", "we use cookies", "first name", "last name",
         "upload resume", "attach resume", "resume/cv", "apply for this job",
         "submit application", "sign in", "create a job alert",
         "similar jobs", "back to jobs", "powered by", "save this job",
         "report this job", "show more", "show less"]

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

failed = []
def check(ok, page, what):
    if not ok:
        failed.append("%s: %s" % (page, what))

n = 0
for row in open(facts, encoding="utf-8"):
    page, status, title, company = row.rstrip("\n").split("|")
    n += 1
    r = recs.get(page)
    if r is None:
        failed.append("%s: no record" % page)
        continue
    check(r["status"] == status, page, "status %r, want %r" % (r["status"], status))
    parts = []
    for s in r["sections"]:
        parts.append(s["heading"])
        parts.extend(s["lines"])
    text = norm(" ".join(parts))
    if status != "ok":
        check(text == "", page, "text on a page that is no posting")
        continue
    check(r["title"] == title, page, "title %r, want %r" % (r["title"], title))
    check(any(c.lower() in r["company"].lower() for c in company.split(";")),
          page, "company %r, want %r" % (r["company"], company))
    d = norm(desc.get(page, ""))
    check(d != "", page, "no gold description")
    for end, piece in (("first", d[:80]), ("last", d[-80:])):
        check(norm(piece) in text, page, "%s 80 characters missing: %r" % (end, piece))
    low = text.lower()
    for leak in LEAKS:
        if leak in low and leak not in d.lower():
            failed.append("%s: leaked %r" % (page, leak))
for f in failed:
    print("extract_pages: " + f)
print("extract_pages: %d pages, %d failures" % (n, len(failed)))
sys.exit(1 if failed else 0)
PY
