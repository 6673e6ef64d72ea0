#!/usr/bin/env python3
"""Build corpora/background.tsv: document frequencies of word 1-, 2- and 3-grams.

Usage (from the repo root):
    python3 scripts/build_background.py ../shared/data corpora/background.tsv

Documents:
  * each posting description in DATA/descriptions/*.json (The Muse `contents`,
    RemoteOK `description`; HTML stripped with lxml, RemoteOK's mis-decoded
    UTF-8 repaired);
  * each SkillSpan TRAIN posting (DATA/skills/skillspan/train.json, sentences
    grouped by `idx`).  dev.json is never read: it is the held-out measure.

Text is lowercased; tokens are maximal runs of letters/digits plus the
characters + # . / - inside a token (a trailing "." is dropped; "+" and "#"
may also end a token so that c++ and c# survive).  N-grams never cross
sentence punctuation . , ; : ! ? ( ) or line breaks.

Output: line 1 "#docs<TAB>N", line 2 "#min_df<TAB>..." (thresholds used),
then "ngram<TAB>df" sorted by the UTF-8 bytes of the ngram.  Only counts are
shipped, never sentences.  Deterministic.
"""
import json
import os
import re
import sys
from collections import Counter

import lxml.html

TOKEN = r"\.?[^\W_](?:[\w+#./-]*[\w+#])?"
SCAN_RE = re.compile(r"(%s)|([.,;:!?()\n\r]|<[a-z]+>)" % TOKEN, re.UNICODE | re.IGNORECASE)
MOJIBAKE_RE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                         "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                         "\u2039\u203a\u20ac\u2122]{1,3}")
BLOCK_TAGS = {"p", "br", "li", "ul", "ol", "div", "h1", "h2", "h3", "h4", "h5", "h6",
              "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "hr",
              "header", "footer", "dd", "dt"}
MAX_N = 3
MIN_DF = {1: 2, 2: 2, 3: 2}
MAX_BYTES = 3_000_000


def _to_bytes(s):
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            o = ord(ch)
            if o > 0xff:
                raise
            out.append(o)  # C1 controls: latin-1 byte
    return bytes(out)


def repair_mojibake(s):
    """Undo UTF-8 that was decoded as Latin-1/cp1252 ("â€™" -> "’")."""
    def fix(m):
        frag = m.group(0)
        try:
            return _to_bytes(frag).decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return frag
    return MOJIBAKE_RE.sub(fix, s)


def html_text(fragment):
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return re.sub(r"<[^>]+>", "\n", fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() == "br":
                continue
            el.text = "\n" + (el.text or "")
    return root.text_content()


def segments(text):
    """Yield lists of tokens between breaks."""
    seg = []
    for m in SCAN_RE.finditer(text.lower()):
        tok = m.group(1)
        if tok is None:
            if seg:
                yield seg
            seg = []
            continue
        tok = tok.rstrip(".")
        if tok:
            seg.append(tok)
    if seg:
        yield seg


def doc_ngrams(texts):
    grams = set()
    for text in texts:
        for seg in segments(text):
            n_tok = len(seg)
            for n in range(1, MAX_N + 1):
                for i in range(n_tok - n + 1):
                    grams.add(" ".join(seg[i:i + n]))
    return grams


def read_descriptions(data):
    ddir = os.path.join(data, "descriptions")
    docs = []
    for fn in sorted(os.listdir(ddir)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(ddir, fn), encoding="utf-8") as f:
            items = json.load(f)
        for it in items:
            if not isinstance(it, dict):
                continue
            if "contents" in it:
                raw = it.get("contents") or ""
            else:
                raw = repair_mojibake(it.get("description") or "")
            txt = html_text(raw)
            if "remoteok" in fn:
                txt = repair_mojibake(txt)
            if txt.strip():
                docs.append([txt])
    return docs


def read_skillspan(data):
    path = os.path.join(data, "skills", "skillspan", "train.json")
    by_idx = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            idx = d["idx"]
            if idx not in by_idx:
                by_idx[idx] = []
                order.append(idx)
            # masked names (<ORGANIZATION>) act as breaks
            toks = ["\n" if t.startswith("<") and t.endswith(">") else t for t in d["tokens"]]
            by_idx[idx].append(" ".join(toks))
    return [by_idx[i] for i in order]


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    data, out = argv[1], argv[2]
    docs = read_descriptions(data)
    n_desc = len(docs)
    docs += read_skillspan(data)
    df = Counter()
    for texts in docs:
        df.update(doc_ngrams(texts))
    min_df = dict(MIN_DF)

    def rows():
        return sorted(((g, c) for g, c in df.items()
                       if c >= min_df[g.count(" ") + 1]), key=lambda gc: gc[0].encode("utf-8"))

    def size(rs):
        return sum(len(g.encode("utf-8")) + len(str(c)) + 2 for g, c in rs)

    rs = rows()
    # keep under MAX_BYTES: raise the threshold of the longest n-grams first
    while size(rs) > MAX_BYTES:
        n = 3 if min_df[3] <= min_df[2] + 1 else 2
        min_df[n] += 1
        rs = rows()
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("#docs\t%d\n" % len(docs))
        f.write("#min_df\t1gram=%d 2gram=%d 3gram=%d (descriptions=%d skillspan_train_postings=%d)\n"
                % (min_df[1], min_df[2], min_df[3], n_desc, len(docs) - n_desc))
        for g, c in rs:
            f.write("%s\t%d\n" % (g, c))
    print("docs=%d rows=%d bytes=%d min_df=%s" % (len(docs), len(rs), size(rs), min_df),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
