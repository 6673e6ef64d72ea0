#!/bin/sh
# libreoffice_roundtrip.sh: LibreOffice (headless) imports every CSV report
# of a run as UTF-8 and saves it as .xlsx; the cells read back must equal
# what jdalign wrote (text exactly, numbers numerically) and no cell may hold
# a formula. Run over corpora/examples, whose postings carry =HYPERLINK(…),
# +1 (555)… and @handles.
set -eu
command -v soffice > /dev/null || { echo "soffice missing (libreoffice-calc-nogui)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./jdalign align -q corpora/examples/resume.md corpora/examples/postings/ \
	--out-dir "$tmp/r"
for f in "$tmp"/r/*.csv; do
	HOME=$tmp soffice --headless --norestore \
		--infilter=CSV:44,34,76,1 --convert-to xlsx --outdir "$tmp/x" "$f" \
		> /dev/null 2>&1
done
/usr/bin/python3 - "$tmp/r" "$tmp/x" <<'PY'
import csv, os, re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
src, out = sys.argv[1], sys.argv[2]
def col(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
def number(s):
    try:
        return float(s)
    except ValueError:
        return None
bad = 0
checked = 0
for name in sorted(os.listdir(src)):
    if not name.endswith(".csv"):
        continue
    rows = list(csv.reader(open(os.path.join(src, name), encoding="utf-8", newline="")))
    x = os.path.join(out, name[:-4] + ".xlsx")
    assert os.path.exists(x), "LibreOffice did not convert " + name
    z = zipfile.ZipFile(x)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iter("{%s}c" % ns["m"]):
        if c.find("m:f", ns) is not None:
            print("%s %s: a formula" % (name, c.get("r")))
            bad += 1
        v = c.find("m:v", ns)
        t = c.get("t")
        if t == "s":
            val = shared[int(v.text)]
        elif t == "inlineStr":
            val = "".join(e.text or "" for e in c.iter("{%s}t" % ns["m"]))
        else:
            val = v.text if v is not None else ""
        r = int(re.search(r"\d+", c.get("r")).group(0)) - 1
        cells[(r, col(c.get("r")))] = (t, val)
    for r, row in enumerate(rows):
        for k, want in enumerate(row):
            t, got = cells.get((r, k), (None, ""))
            checked += 1
            if t in ("s", "inlineStr", "str") or t is None:
                if got != want:
                    print("%s r%d c%d: %r != %r" % (name, r + 1, k + 1, got, want))
                    bad += 1
            elif number(want) is None or abs(float(got) - float(want)) > 1e-9:
                print("%s r%d c%d: number %r != %r" % (name, r + 1, k + 1, got, want))
                bad += 1
print("libreoffice: %d cells checked, %d wrong" % (checked, bad))
sys.exit(1 if bad else 0)
PY
