#!/usr/bin/env python3
"""Build corpora/lexicon.tsv for jdalign from public vocabularies.

Usage (from the repo root):
    python3 scripts/build_lexicon.py ../shared/data corpora/lexicon-curated.tsv corpora/lexicon.tsv

Sources, in priority order (an earlier source owns a term and its aliases;
later sources may only add spellings that nobody else has claimed):
  1. corpora/lexicon-curated.tsv  (hand-written)
  2. GitHub Linguist languages.yml (language names + aliases)
  3. O*NET 29.2 Technology Skills  (product names, Hot Technology flag,
                                    commodity titles -> categories)
  4. Stack Overflow top tags + tag synonyms (technology names, aliases)
  5. ESCO skill labels (a reviewed allow-list of short ICT labels)
SkillSpan TRAIN knowledge spans and the 130 posting descriptions are used
only as evidence (display casing, admitting multi-word concept tags).
Only facts (names, aliases, counts) are taken; no sentences are copied.

Deterministic: no randomness, all iteration over sorted/ordered inputs.
Also writes lexicon-sample.txt next to the output (every Nth term).
Collisions (an alias claimed by two terms) are logged to stderr.
"""
import csv
import html
import json
import os
import re
import sys
from collections import Counter, defaultdict

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None

KINDS = {"language", "framework", "library", "database", "cloud", "platform",
         "tool", "protocol", "os", "practice", "concept", "methodology",
         "credential", "domain", "role", "soft_skill", "spoken_language"}

# Ambiguous spellings whose casing is no evidence ("Spring" is a season,
# "Flow" and "Segment" are words people capitalize): written "~~", they
# count only next to a technology or after a cue (see include/jdalign/terms.h).
WEAK_SPELLINGS = {s.lower() for s in """
Spring Make Access Flow Linear Notion Segment Vector Unity Room Combine Echo
Fiber Lit Bun Expo Remix Rocket Diesel Supervisor Temporal Cortex Graphite
Sanity Ray Forth Scheme Celery Cucumber Cypress Jasmine Mocha Phoenix Sinatra
Atlantis Astro Backstage Capacitor Cargo Composer Consul Envoy Falco Gatsby
Kong Lighthouse Locust Luigi Nomad Packer Poetry Prefect Presto Retrofit
Rollup Salt Unleash Vagrant Varnish Yarn Emotion Babel Grunt Gulp Flux
Honeycomb Thanos Chroma Pinecone Playwright Mercurial Caddy Calico Cobra Gin
Mongoose Nix Slick Vault Triton Bamboo Druid Hive Pulsar Superset Aurora
Athena Glue Lambda Apollo Loki Spanner Iceberg Tempo Drizzle Cosign Intercom
Amplitude Plaid Braintree Workday InScribe Watson Windsor Squeak Raft
Consensus Transactions Saga Pairing Playbooks Releases Recommendations
""".split()}

# Bare vendor names and social networks: companies, not skills (O*NET lists
# "Facebook" as web page creation software).
NOT_TERMS = {"Microsoft", "Google", "Amazon", "Apple", "IBM", "Oracle", "Meta",
             "Facebook", "Instagram", "LinkedIn", "Twitter", "YouTube", "Pinterest",
             "Snapchat", "TikTok", "WhatsApp", "Reddit", "Tumblr", "Flickr",
             "Document Object Model DOM Scripting", "Java Persistence"}

# Stack Overflow tag synonyms that are words or other things ("inc" -> php)
SYNONYM_DENY = {"inc", "cake", "ibm", "robots", "flex", "squeak", "rails3",
                "retries", "tuning", "sprints", "actors"}

TOKEN_RE = re.compile(r"\.?[^\W_](?:[\w+#./-]*[\w+#])?", re.UNICODE)


def tokens(s):
    out = []
    for m in TOKEN_RE.finditer(s.lower()):
        t = m.group(0).rstrip(".")
        if t:
            out.append(t)
    return out


def key(s):
    """Matching key: lowercase, tokenized (what the C matcher compares)."""
    return " ".join(tokens(s.replace("_", " ")))


def loose(s):
    """Looser key for merging only: hyphens become spaces."""
    return key(s.replace("-", " "))


def log(*a):
    print(*a, file=sys.stderr)


# ---------------------------------------------------------------- words
def load_words():
    lower, proper = set(), set()
    for p in ("/usr/share/dict/words", "/usr/share/dict/american-english"):
        if os.path.exists(p):
            with open(p, encoding="utf-8", errors="replace") as f:
                for w in f:
                    w = w.strip()
                    if w.endswith("'s"):
                        continue
                    if w.islower():
                        lower.add(w)
                    else:
                        proper.add(w.lower())
            break
    if not lower:
        log("warning: no /usr/share/dict/words; English-word filter weakened")
    # words the dictionary lacks but that are plain English in postings
    lower.update("""s e a i o u data app apps login logout email online website
    web backend frontend username password dataset datasets metadata runtime
    plugin plugins blog blogs internet google filename timestamp setup signup
    checkbox dropdown popup tooltip textbox webpage webpages hashtag emoji
    smartphone smartwatch""".split())
    return lower, proper


# ---------------------------------------------------------------- lexicon store
class Lexicon:
    def __init__(self):
        self.entries = []      # dicts
        self.index = {}        # key -> entry id (canonical + aliases)
        self.loose_index = {}  # loose key -> entry id (merge lookups only)
        self.collisions = 0
        self.ambiguous = set()  # keys written with "~"

    def find(self, names, skip_ambiguous=False):
        """The entry owning any of names; with skip_ambiguous, a spelling
        that needs context ("EMR", "Expo") merges nothing."""
        def other_sense(k, eid):
            # "emr" is an ambiguous alias of Amazon EMR, not its name
            return skip_ambiguous and k in self.ambiguous and \
                self.entries[eid]["key"] != k
        for n in names:
            k = key(n)
            if k in self.index and not other_sense(k, self.index[k]):
                return self.index[k]
        for n in names:
            k = loose(n)
            if k in self.loose_index and not other_sense(k, self.loose_index[k]):
                return self.loose_index[k]
        return None

    def _claim(self, eid, surface, amb, source):
        k = key(surface)
        if not k:
            return
        e = self.entries[eid]
        owner = self.index.get(k)
        if owner is not None and owner != eid:
            self.collisions += 1
            log("collision: %r (%s) wanted by %r, kept for %r" % (
                surface, source, e["term"], self.entries[owner]["term"]))
            return
        if owner == eid:
            return
        self.index[k] = eid
        self.loose_index.setdefault(loose(surface), eid)
        if amb:
            self.ambiguous.add(k)
        if k == e["key"]:
            return
        e["aliases"].append((surface, amb))

    def add(self, term, kind, cat, aliases, source, merge_names=(), amb_term=False,
            skip_ambiguous=False):
        """aliases: list of (surface, ambiguous).  Returns entry id.  With
        skip_ambiguous, merge_names that need context merge nothing."""
        eid = self.find([term], skip_ambiguous)
        if eid is None and merge_names:
            eid = self.find(list(merge_names), skip_ambiguous)
        if eid is None:
            k = key(term)
            if not k:
                return None
            eid = len(self.entries)
            self.entries.append({"term": term, "key": k, "kind": kind,
                                 "cat": cat, "aliases": [], "amb": amb_term,
                                 "source": source})
            self.index[k] = eid
            self.loose_index.setdefault(loose(term), eid)
            if amb_term:
                self.ambiguous.add(k)
                self.ambiguous.add(loose(term))
        else:
            e = self.entries[eid]
            if key(term) != e["key"]:
                self._claim(eid, term, amb_term, source)
        for s, amb in aliases:
            self._claim(eid, s, amb, source)
        return eid


# ---------------------------------------------------------------- evidence
def read_evidence(data):
    """Casing evidence + SkillSpan knowledge spans (TRAIN split only)."""
    casing = defaultdict(Counter)   # lowercase token -> surface forms
    spans = Counter()               # lowercase knowledge span -> count
    path = os.path.join(data, "skills", "skillspan", "train.json")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                toks = d["tokens"]
                for t in toks:
                    casing[t.lower()][t] += 1
                cur = []
                for t, g in zip(toks, d["tags_knowledge"]):
                    if g == "B":
                        if cur:
                            spans[" ".join(cur).lower()] += 1
                        cur = [t]
                    elif g == "I" and cur:
                        cur.append(t)
                    else:
                        if cur:
                            spans[" ".join(cur).lower()] += 1
                        cur = []
                if cur:
                    spans[" ".join(cur).lower()] += 1
    ddir = os.path.join(data, "descriptions")
    if os.path.isdir(ddir):
        for fn in sorted(os.listdir(ddir)):
            if not fn.endswith(".json"):
                continue
            with open(os.path.join(ddir, fn), encoding="utf-8") as f:
                items = json.load(f)
            if isinstance(items, dict):
                items = items.get("results") or items.get("jobs") or list(items.values())
            for it in items:
                if not isinstance(it, dict):
                    continue
                txt = it.get("contents") or it.get("description") or ""
                txt = re.sub(r"<[^>]+>", " ", html.unescape(txt))
                for m in re.finditer(r"[A-Za-z][A-Za-z0-9+#.]*[A-Za-z0-9+#]|[A-Za-z]", txt):
                    t = m.group(0)
                    casing[t.lower()][t] += 1
    return casing, spans


# ---------------------------------------------------------------- curated
def read_curated(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                log("curated:%d: expected 4 fields, got %d" % (n, len(parts)))
                continue
            term, kind, cat, al = parts
            if kind not in KINDS:
                log("curated:%d: bad kind %r" % (n, kind))
            aliases = []
            amb_term = 0
            for a in al.split("|"):
                a = a.strip()
                if not a:
                    continue
                amb = 2 if a.startswith("~~") else 1 if a.startswith("~") else 0
                a = a.lstrip("~")
                if amb and key(a) == key(term):
                    amb_term = amb
                    continue
                aliases.append((a, amb))
            rows.append((term, kind, cat, aliases, amb_term))
    return rows


# ---------------------------------------------------------------- linguist
def read_linguist(path):
    if yaml is not None:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    # minimal hand parser: top-level "Name:" keys, "type:" and "aliases:" lists
    langs, cur, inlist = {}, None, False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if not line.startswith(" "):
                name = line.rstrip().rstrip(":").strip('"\'')
                cur = langs.setdefault(name, {})
                inlist = False
            elif cur is not None:
                s = line.strip()
                if s.startswith("type:"):
                    cur["type"] = s.split(":", 1)[1].strip()
                    inlist = False
                elif s == "aliases:":
                    cur["aliases"] = []
                    inlist = True
                elif inlist and s.startswith("- "):
                    cur["aliases"].append(s[2:].strip().strip('"\''))
                else:
                    inlist = False
    return langs


# Linguist entries that are file formats or homonyms rather than skills
LINGUIST_DENY = {"Pic", "Diff", "Move", "INI", "Text", "Public Key", "Raw token data",
                 "Git Config", "Git Attributes", "Ignore List", "Option List",
                 "Checksums", "Gettext Catalog", "Roff", "Roff Manpage", "E-mail"}

# ---------------------------------------------------------------- O*NET
ONET_CATEGORY = {
    "Analytical or scientific software": ("tool", "analytics software"),
    "Data base user interface and query software": ("tool", "database tool"),
    "Medical software": ("tool", "healthcare software"),
    "Financial analysis software": ("tool", "financial software"),
    "Computer aided design CAD software": ("tool", "cad software"),
    "Enterprise resource planning ERP software": ("platform", "erp system"),
    "Human resources software": ("platform", "hr system"),
    "Graphics or photo imaging software": ("tool", "graphics software"),
    "Project management software": ("tool", "project management tool"),
    "Document management software": ("tool", "document management tool"),
    "Development environment software": ("tool", "development tool"),
    "Materials requirements planning logistics and supply chain software": ("platform", "supply chain software"),
    "Industrial control software": ("tool", "industrial automation software"),
    "Accounting software": ("tool", "accounting software"),
    "Customer relationship management CRM software": ("platform", "crm platform"),
    "Compliance software": ("tool", "compliance software"),
    "Computer based training software": ("platform", "e-learning platform"),
    "Computer aided manufacturing CAM software": ("tool", "cam software"),
    "Information retrieval or search software": ("tool", "information retrieval tool"),
    "Map creation software": ("tool", "gis software"),
    "Point of sale POS software": ("platform", "point of sale system"),
    "Music or sound editing software": ("tool", "audio software"),
    "Word processing software": ("tool", "office software"),
    "Calendar and scheduling software": ("tool", "scheduling software"),
    "Inventory management software": ("tool", "inventory management software"),
    "Network monitoring software": ("tool", "network monitoring tool"),
    "Program testing software": ("tool", "testing tool"),
    "Web platform development software": ("framework", "web development technology"),
    "Data base management system software": ("database", "database"),
    "Video creation and editing software": ("tool", "video software"),
    "Time accounting software": ("tool", "time tracking software"),
    "Object or component oriented development software": ("language", "programming language"),
    "Web page creation and editing software": ("tool", "web design tool"),
    "Operating system software": ("os", "operating system"),
    "Facilities management software": ("tool", "facilities management software"),
    "Expert system software": ("tool", "expert system"),
    "Transaction security and virus protection software": ("tool", "security tool"),
    "Data base reporting software": ("tool", "reporting tool"),
    "Presentation software": ("tool", "office software"),
    "Desktop publishing software": ("tool", "desktop publishing tool"),
    "Geographic information system": ("tool", "gis software"),
    "Library software": ("tool", "library management software"),
    "Tax preparation software": ("tool", "tax software"),
    "Business intelligence and data analysis software": ("tool", "business intelligence tool"),
    "Enterprise application integration software": ("tool", "integration platform"),
    "Data mining software": ("tool", "data mining tool"),
    "Metadata management software": ("tool", "data management tool"),
    "Optical character reader OCR or scanning software": ("tool", "ocr software"),
    "Configuration management software": ("tool", "configuration management tool"),
    "Network security or virtual private network VPN management software": ("tool", "network security tool"),
    "Backup or archival software": ("tool", "backup tool"),
    "Mobile location based services software": ("tool", "location services"),
    "Administration software": ("tool", "system administration tool"),
    "Application server software": ("tool", "application server"),
    "Compiler and decompiler software": ("tool", "compiler"),
    "Access software": ("tool", "remote access tool"),
    "Desktop communications software": ("tool", "team communication tool"),
    "Route navigation software": ("tool", "navigation software"),
    "Electronic mail software": ("tool", "email software"),
    "Spreadsheet software": ("tool", "spreadsheet"),
    "Categorization or classification software": ("tool", "classification software"),
    "Voice recognition software": ("tool", "speech recognition software"),
    "Foreign language software": ("tool", "language learning software"),
    "Office suite software": ("tool", "office software"),
    "Video conferencing software": ("tool", "video conferencing tool"),
    "Procurement software": ("platform", "procurement software"),
    "Content workflow software": ("tool", "project management tool"),
    "Network security and virtual private network VPN equipment software": ("tool", "network security tool"),
    "Internet browser software": ("tool", "web browser"),
    "Graphical user interface development software": ("framework", "gui framework"),
    "Network conferencing software": ("tool", "video conferencing tool"),
    "Helpdesk or call center software": ("tool", "help desk software"),
    "Filesystem software": ("tool", "file system"),
    "Requirements analysis and system architecture software": ("tool", "modeling tool"),
    "Device drivers or system software": ("tool", "system software"),
    "Label making software": ("tool", "labeling software"),
    "Pattern design software": ("tool", "cad software"),
    "Switch or router software": ("tool", "network software"),
    "Cloud-based data access and sharing software": ("cloud", "file sharing service"),
    "Sales and marketing software": ("platform", "marketing platform"),
    "Process mapping and design software": ("tool", "diagramming tool"),
    "Internet protocol IP multimedia subsystem software": ("protocol", "network protocol"),
    "Transaction server software": ("tool", "transaction server"),
    "Cloud-based management software": ("cloud", "cloud management tool"),
    "Risk management data and analysis software": ("tool", "risk management software"),
    "Charting software": ("tool", "charting tool"),
    "Internet directory services software": ("tool", "directory service"),
    "Data conversion software": ("tool", "data conversion tool"),
    "Network operating system enhancement software": ("tool", "network software"),
    "Instant messaging software": ("tool", "team communication tool"),
    "Flight control software": ("tool", "flight software"),
    "Clustering software": ("tool", "clustering software"),
    "File versioning software": ("tool", "version control"),
    "Object oriented data base management software": ("database", "database"),
    "Multi-media educational software": ("tool", "e-learning platform"),
    "Platform interconnectivity software": ("tool", "integration platform"),
    "Authentication server software": ("tool", "identity and access management"),
    "Communications server software": ("tool", "communications server"),
    "Enterprise system management software": ("tool", "system administration tool"),
    "Storage networking software": ("tool", "storage software"),
    "Network connectivity terminal emulation software": ("tool", "terminal emulator"),
    "Spell checkers": ("tool", "office software"),
    "Interactive voice response software": ("tool", "contact center software"),
    "License management software": ("tool", "license management tool"),
    "Network operation system software": ("os", "network operating system"),
    "Procedure management software": ("tool", "document management tool"),
    "Data compression software": ("tool", "compression tool"),
    "Legal management software": ("tool", "legal software"),
    "Contact center software": ("tool", "contact center software"),
    "Portal server software": ("tool", "portal server"),
    "Cloud-based protection or security software": ("cloud", "cloud security tool"),
    "Gateway software": ("tool", "network software"),
    "Bar coding software": ("tool", "labeling software"),
    "Manufacturing execution system MES software": ("platform", "manufacturing software"),
    "Software defined networking/ virtualization software": ("tool", "virtualization software"),
}
# commodity titles whose products matter to a technical resume even
# outside the computer occupations
TECH_COMMODITIES = {
    "Development environment software", "Data base management system software",
    "Web platform development software", "Operating system software",
    "Object or component oriented development software", "Program testing software",
    "Network monitoring software", "Configuration management software",
    "Application server software", "Compiler and decompiler software",
    "Business intelligence and data analysis software", "Enterprise application integration software",
    "Data mining software", "Transaction security and virus protection software",
    "Network security or virtual private network VPN management software",
    "Cloud-based data access and sharing software", "Cloud-based management software",
    "Filesystem software", "Storage networking software", "Clustering software",
    "Platform interconnectivity software", "Authentication server software",
    "Internet directory services software", "Graphical user interface development software",
    "Requirements analysis and system architecture software", "Metadata management software",
    "File versioning software", "Object oriented data base management software",
    "Web page creation and editing software", "Switch or router software",
    "Data base reporting software", "Backup or archival software",
    "Enterprise system management software", "Transaction server software",
    "Software defined networking/ virtualization software",
    "Cloud-based protection or security software",
}
NON_TECH_COMMODITIES = {
    "Medical software", "Financial analysis software", "Accounting software",
    "Project management software", "Facilities management software", "Tax preparation software",
    "Library software", "Label making software", "Point of sale POS software",
    "Time accounting software", "Human resources software", "Calendar and scheduling software",
    "Inventory management software", "Compliance software", "Legal management software",
    "Procurement software", "Route navigation software", "Foreign language software",
    "Music or sound editing software", "Computer based training software",
    "Materials requirements planning logistics and supply chain software",
    "Risk management data and analysis software", "Mobile location based services software",
    "Helpdesk or call center software", "Sales and marketing software", "Document management software",
    "Data base user interface and query software", "Industrial control software",
    "Access software", "Administration software"}
# vendor prefixes people keep in the product name ("Microsoft Excel")
KEEP_VENDORS = ["HashiCorp", "Microsoft", "Adobe", "Autodesk", "IBM", "Oracle", "SAP", "Google",
                "Amazon", "Apache", "Cisco", "Red Hat", "VMware", "Citrix",
                "Atlassian", "Salesforce", "Intuit", "Symantec", "McAfee", "Corel",
                "Siemens", "Bentley", "Trimble", "Avid", "Sage", "Infor", "Epic",
                "Cerner", "Esri", "ESRI", "SAS", "Splunk", "Dell", "HP", "Novell",
                "Sybase", "Teradata", "Informatica", "Synopsys", "Cadence", "PTC",
                "Mentor Graphics", "National Instruments", "Wolfram", "Facebook",
                "Meta", "Twitter", "Apple", "Unity", "Blackboard", "Workday"]
# corporate prefixes people drop ("The MathWorks MATLAB" -> "MATLAB")
DROP_VENDORS = ["The MathWorks", "Dassault Systemes", "Hewlett Packard", "Hewlett-Packard",
                "Informatica Corporation", "CA Technologies", "Computer Associates",
                "Thomson Reuters", "Henry Schein", "Allscripts",
                "Pegasystems", "Blackbaud", "Sun Microsystems", "Borland",
                "Micro Focus", "Quest Software", "Embarcadero",
                "Rockwell Automation", "Schneider Electric", "Bloomberg",
                "JetBrains"]
GENERIC_TAIL = re.compile(r"\s+(software|programs?|suite|system software|compilers)$", re.I)
# O*NET examples that read as junk once cleaned (reviewed by hand)
ONET_DENY = {"Real estate application contract transmission REACT software", "Unity Technologies Unity", "State Soil Geographic STATSGO Database", "iPro", "Disassembler software", "Enabl-u Technologies APIS", "Leading Market Technologies EXPO", "RVR Systems Compliance",
             "NextGen Healthcare Information Systems EMR", "Delphi Technology", "Encoded archival system EAD", "Chatbot software",
             "Oracle SQL Plus", "Retargetable compiler", "Myspace", "Eko", "Magellan Firmware",
             "Friendster", "Google+", "Vine", "Periscope", "Ning"}


CORP_RE = re.compile(r"^((?:[A-Z][\w&.-]*\s){0,3}?[A-Z][\w&.-]*\s(?:Software|Technologies|Technology|"
                     r"Corporation|Corp\.?|Inc\.?|Research|Solutions|Labs|Group|Associates|"
                     r"International|Graphics|Systems))\s+(\S.*)$")


def clean_named(name, corp, rest, lower_words):
    rest = GENERIC_TAIL.sub("", rest).strip()
    inner = clean_onet(rest, lower_words) if not CORP_RE.match(rest) else None
    if inner is not None and len(rest) >= 3 and key(inner[0]) not in lower_words:
        canon, aliases, shorts = inner
        return canon, aliases + [(corp + " " + rest, False)], shorts
    if len(rest) < 3 or key(rest) in lower_words:
        return name if False else (GENERIC_TAIL.sub("", name).strip(), [], [rest])
    return rest, [(corp + " " + rest, False)], [rest]


def is_acronym_of(acr, words):
    letters = [c for c in acr.upper() if c.isalpha()]
    if len(letters) == 1 and len(words) >= 2 and any(w[:1].upper() == letters[0] for w in words[1:]):
        return True  # "Amazon Simple Storage Service S3"
    if len(letters) < 2 or len(words) < 2:
        return False
    initials = [w[0].upper() for w in words if w]
    if letters[0] != initials[0] and (letters[0], initials[0]) != ("X", "E"):
        return False  # "Java Persistence API" is no acronym; "eXtensible" is
    blob = "".join(w.upper() for w in words)
    i = 0
    for c in blob:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters)


# "Enterprise resource planning ERP system": an expansion, its acronym, and
# a generic tail; the acronym (with any specific tail) names the term.
MIDDLE_ACRONYM_RE = re.compile(r"^([A-Z][a-z]+(?: [A-Za-z]+)+) ([A-Z][A-Z0-9/]{1,7})(?: (.+))?$")
ACRONYM_TAILS = {"system", "systems", "software", "tools", "tool", "database",
                 "databases", "programs"}


def middle_acronym(name):
    """-> (canonical, expansion) or None."""
    m = MIDDLE_ACRONYM_RE.match(name)
    if not m or not m.group(3):
        return None
    words = m.group(1).split()
    tail = re.sub(r"\s+software$", "", m.group(3))
    if not is_acronym_of(m.group(2), words) or tail != tail.lower():
        return None  # "ANSI C", "DIGITAL Fortran 90": a product after all
    canon = m.group(2) if tail in ACRONYM_TAILS or tail == "software" else m.group(2) + " " + tail
    return canon, m.group(1)


def clean_onet(name, lower_words):
    """-> (canonical, [aliases(surface, amb)], short_names) or None for generic."""
    name = re.sub(r"\s+", " ", name).strip()
    mid = middle_acronym(name)
    if mid:
        canon, expansion = mid
        return canon, [(expansion, False), (name, False)], [canon, expansion]
    name = re.sub(r"^Amazon Web Services AWS (?=\S)", "AWS ", name)
    name = re.sub(r"\s*\(([A-Z][A-Za-z0-9]+)\)$", r" \1", name)
    name = re.sub(r"\s+operating systems?$", "", name)
    base = GENERIC_TAIL.sub("", name).strip()
    m = CORP_RE.match(base)
    if m and m.group(1) not in KEEP_VENDORS:
        return clean_named(name, m.group(1), m.group(2), lower_words)
    vendor, rest = "", base
    for v in sorted(KEEP_VENDORS + DROP_VENDORS, key=len, reverse=True):
        if base.startswith(v + " ") and len(base) > len(v) + 1:
            vendor, rest = v, base[len(v) + 1:]
            break
    if vendor and len(rest.split()) == 1 and rest.isupper() and len(rest) <= 4:
        vendor, rest = "", base  # "SAP ERP", "Oracle EBS": keep whole
    words = rest.split()
    acr = None
    last = words[-1] if words else ""
    initials = "".join(w[0] for w in words[:-1] if w).upper()
    if len(words) >= 2 and (
            (re.fullmatch(r"[A-Z0-9][A-Za-z0-9+#/.-]*[A-Z0-9+#]", last)
             and (sum(c.isupper() for c in last) >= 2 or re.fullmatch(r"[A-Z]+[0-9]+", last))
             and is_acronym_of(last, words[:-1]))
            or (len(last) >= 2 and last.upper() == initials[-len(last):] and last[0].isupper())):
        acr = words[-1]
        words = words[:-1]
    expansion = " ".join(words)
    # generic descriptions ("Internet browser software", "Citrix cloud computing software")
    content = [w for w in words if w.lower() not in ("and", "or", "of", "for", "the", "to", "a", "in", "with")]
    generic = all(w.islower() and re.fullmatch(r"[a-z-]+", w) for w in content[1:]) and \
        (content[0][0].isupper() and content[0][1:].islower() and content[0].lower() in lower_words) \
        if content else True
    if vendor and content and all(w.islower() for w in content):
        generic = True
    if generic and not acr:
        return None
    aliases, shorts = [], []
    if acr:
        if generic or not vendor and expansion[:1].isupper() and any(w.islower() for w in words[1:]):
            canon = acr
            aliases.append((expansion, False))
        else:
            canon = (vendor + " " + expansion).strip() if vendor in KEEP_VENDORS else expansion
            if vendor in KEEP_VENDORS and vendor:
                aliases.append((expansion, False))
            amb = len(acr) <= 2 or acr.lower() in lower_words
            aliases.append((acr, amb))
        shorts = [acr, expansion]
    else:
        if vendor in DROP_VENDORS:
            canon = expansion
            aliases.append((base, False))
        elif vendor:
            canon = base
            amb = len(expansion) <= 2 or key(expansion) in lower_words or \
                all(w in lower_words for w in key(expansion).split())  # "Application Server"
            aliases.append((expansion, amb))
        else:
            canon = base
        shorts = [expansion]
    if base != name and key(name) != key(canon) and not GENERIC_TAIL.search(name):
        aliases.append((name, False))
    return canon, aliases, shorts


# ---------------------------------------------------------------- Stack Overflow
# display casing for tags whose usual spelling cannot be inferred
SO_CASING = {
    'gerrit': 'Gerrit',
    'tortoisegit': 'TortoiseGit',
    'tortoisehg': 'TortoiseHg',
    'cvs': 'CVS',
    'freebsd': 'FreeBSD',
    'aix': 'IBM AIX',
    'archlinux': 'Arch Linux',
    'tvos': 'tvOS',
    'tizen': 'Tizen',
    'qemu': 'QEMU',
    'minikube': 'minikube',
    'flyway': 'Flyway',
    'dropwizard': 'Dropwizard',
    'jooq': 'jOOQ',
    'lombok': 'Project Lombok',
    'querydsl': 'Querydsl',
    'shiro': 'Apache Shiro',
    'hikaricp': 'HikariCP',
    'c3p0': 'c3p0',
    'twitter4j': 'Twitter4J',
    'jsch': 'JSch',
    'saxon': 'Saxon',
    'ebean': 'Ebean',
    'ormlite': 'ORMLite',
    'openjpa': 'Apache OpenJPA',
    'ibatis': 'iBATIS',
    'mongoengine': 'MongoEngine',
    'ecto': 'Ecto',
    'specflow': 'SpecFlow',
    'powermock': 'PowerMock',
    'htmlunit': 'HtmlUnit',
    'xctest': 'XCTest',
    'robolectric': 'Robolectric',
    'scalatest': 'ScalaTest',
    'nightwatch.js': 'Nightwatch.js',
    'testcafe': 'TestCafe',
    'codeception': 'Codeception',
    'qunit': 'QUnit',
    'behat': 'Behat',
    'minitest': 'Minitest',
    'robotium': 'Robotium',
    'watin': 'WatiN',
    'jacoco': 'JaCoCo',
    'phalcon': 'Phalcon',
    'silex': 'Silex',
    'cherrypy': 'CherryPy',
    'aiohttp': 'aiohttp',
    'tastypie': 'Tastypie',
    'wagtail': 'Wagtail',
    'kentico': 'Kentico',
    'octobercms': 'October CMS',
    'expressionengine': 'ExpressionEngine',
    'tridion': 'SDL Tridion',
    'scapy': 'Scapy',
    'pyserial': 'pySerial',
    'xlsxwriter': 'XlsxWriter',
    'numba': 'Numba',
    'geopandas': 'GeoPandas',
    'xlrd': 'xlrd',
    'biopython': 'Biopython',
    'reportlab': 'ReportLab',
    'pyautogui': 'PyAutoGUI',
    'h5py': 'h5py',
    'gevent': 'gevent',
    'pymysql': 'PyMySQL',
    'rpy2': 'rpy2',
    'pywin32': 'pywin32',
    'wtforms': 'WTForms',
    'lubridate': 'lubridate',
    'stringr': 'stringr',
    'lme4': 'lme4',
    'quantmod': 'quantmod',
    'epplus': 'EPPlus',
    'lucene.net': 'Lucene.NET',
    'serilog': 'Serilog',
    'structuremap': 'StructureMap',
    'npgsql': 'Npgsql',
    'fluentvalidation': 'FluentValidation',
    'hangfire': 'Hangfire',
    'masstransit': 'MassTransit',
    'swashbuckle': 'Swashbuckle',
    'naudio': 'NAudio',
    'cefsharp': 'CefSharp',
    'odp.net': 'ODP.NET',
    'video.js': 'Video.js',
    'nvd3.js': 'NVD3',
    'dc.js': 'dc.js',
    'slick.js': 'Slick',
    'html2canvas': 'html2canvas',
    'mathjax': 'MathJax',
    'gsap': 'GSAP',
    'typeahead.js': 'typeahead.js',
    'cheerio': 'Cheerio',
    'codemirror': 'CodeMirror',
    'handsontable': 'Handsontable',
    'crossfilter': 'Crossfilter',
    'c3.js': 'C3.js',
    'cytoscape.js': 'Cytoscape.js',
    'createjs': 'CreateJS',
    'easeljs': 'EaselJS',
    'ramda.js': 'Ramda',
    'immutable.js': 'Immutable.js',
    'jqplot': 'jqPlot',
    'yui': 'YUI Library',
    'swiper': 'Swiper',
    'word2vec': 'word2vec',
    'h2o': 'H2O.ai',
    'libsvm': 'LIBSVM',
    'tensorboard': 'TensorBoard',
    'pm2': 'PM2',
    'supervisord': 'Supervisor',
    'hybris': 'SAP Hybris',
    'nopcommerce': 'nopCommerce',
    'sugarcrm': 'SugarCRM',
    'redmine': 'Redmine',
    'msmq': 'MSMQ',
    'mosquitto': 'Eclipse Mosquitto',
    'esb': 'enterprise service bus',
    'olap': 'OLAP',
    'lighttpd': 'lighttpd',
    'fastcgi': 'FastCGI',
    'arangodb': 'ArangoDB',
    'rethinkdb': 'RethinkDB',
    'pouchdb': 'PouchDB',
    'cloudant': 'IBM Cloudant',
    'kdb': 'kdb+',
    'netezza': 'IBM Netezza',
    'filemaker': 'FileMaker',
    'hana': 'SAP HANA',
    'openedge': 'OpenEdge',
    'pgadmin': 'pgAdmin',
    'plsqldeveloper': 'PL/SQL Developer',
    'ireport': 'iReport',
    'jasperserver': 'JasperReports Server',
    'infopath': 'Microsoft InfoPath',
    'spotfire': 'TIBCO Spotfire',
    'aptana': 'Aptana Studio',
    'rubymine': 'RubyMine',
    'bluej': 'BlueJ',
    'textmate': 'TextMate',
    'lazarus': 'Lazarus IDE',
    'genymotion': 'Genymotion',
    'sml': 'Standard ML',
    'freepascal': 'Free Pascal',
    'x++': 'X++',
    'lotusscript': 'LotusScript',
    'jscript': 'JScript',
    'cql': 'CQL',
    'rtmp': 'RTMP',
    'rtp': 'RTP',
    'webdav': 'WebDAV',
    'nfs': 'NFS',
    'rdp': 'RDP',
    'irc': 'IRC',
    'multicast': 'IP multicast',
    'uart': 'UART',
    'i2c': 'I2C',
    'spi': 'SPI',
    'ntlm': 'NTLM',
    'adfs': 'AD FS',
    'msal': 'MSAL',
    'adal': 'ADAL',
    'bcrypt': 'bcrypt',
    'gnupg': 'GnuPG',
    'openssh': 'OpenSSH',
    'openldap': 'OpenLDAP',
    'monogame': 'MonoGame',
    'vuforia': 'Vuforia',
    'arcore': 'ARCore',
    'glfw': 'GLFW',
    'direct3d': 'Direct3D',
    'vulkan': 'Vulkan',
    'gdal': 'GDAL',
    'cgal': 'CGAL',
    'geoserver': 'GeoServer',
    'scons': 'SCons',
    'autotools': 'GNU Autotools',
    'nant': 'NAnt',
    'install4j': 'install4j',
    'cruisecontrol.net': 'CruiseControl.NET',
    'pylint': 'Pylint',
    'checkstyle': 'Checkstyle',
    'slurm': 'Slurm',
    'openmpi': 'Open MPI',
    'tmux': 'tmux',
    'jbpm': 'jBPM',
    'activiti': 'Activiti',
    'optaplanner': 'OptaPlanner',
    'cplex': 'IBM CPLEX',
    'anylogic': 'AnyLogic',
    'omnet++': 'OMNeT++',
    'plesk': 'Plesk',
    'beagleboneblack': 'BeagleBone Black',
    'mailgun': 'Mailgun',
    'nodemailer': 'Nodemailer',
    'swiftmailer': 'Swift Mailer',
    'pubnub': 'PubNub',
    'quickblox': 'QuickBlox',
    'onesignal': 'OneSignal',
    'openfire': 'Openfire',
    'durandal': 'Durandal',
    'winjs': 'WinJS',
    'smartgwt': 'SmartGWT',
    'gxt': 'Sencha GXT',
    'zk': 'ZK Framework',
    'jsdoc': 'JSDoc',
    'systemjs': 'SystemJS',
    'yesod': 'Yesod',
    'bson': 'BSON',
    'cpan': 'CPAN',
    'pypi': 'PyPI',
    'macports': 'MacPorts',
    'rbenv': 'rbenv',
    'qtp': 'QuickTest Professional',
    'activerecord': 'Active Record',
    'afnetworking': 'AFNetworking',
    'aframe': 'A-Frame',
    'alamofire': 'Alamofire',
    'amcharts': 'amCharts',
    'andengine': 'AndEngine',
    'antd': 'Ant Design',
    'apache-nifi': 'Apache NiFi',
    'apache-spark-mllib': 'Spark MLlib',
    'apache-zookeeper': 'Apache ZooKeeper',
    'arkit': 'ARKit',
    'autofac': 'Autofac',
    'automapper': 'AutoMapper',
    'avfoundation': 'AVFoundation',
    'azure-cosmosdb': 'Azure Cosmos DB',
    'azure-sql-database': 'Azure SQL Database',
    'beautifulsoup': 'Beautiful Soup',
    'botframework': 'Microsoft Bot Framework',
    'cakephp': 'CakePHP',
    'ckeditor': 'CKEditor',
    'clickonce': 'ClickOnce',
    'clion': 'CLion',
    'cloudkit': 'CloudKit',
    'cocos2d-iphone': 'Cocos2d',
    'cocos2d-x': 'Cocos2d-x',
    'codeblocks': 'Code::Blocks',
    'codeigniter': 'CodeIgniter',
    'codenameone': 'Codename One',
    'cors': 'CORS',
    'coronasdk': 'Corona SDK',
    'csrf': 'CSRF',
    'cxf': 'Apache CXF',
    'dagger-2': 'Dagger 2',
    'data.table': 'data.table',
    'datatables': 'DataTables',
    'devexpress': 'DevExpress',
    'dialogflow-es': 'Dialogflow',
    'dotnetnuke': 'DotNetNuke',
    'dplyr': 'dplyr',
    'dropzone.js': 'Dropzone.js',
    'eclipselink': 'EclipseLink',
    'ehcache': 'Ehcache',
    'emgucv': 'Emgu CV',
    'esp8266': 'ESP8266',
    'extjs': 'Ext JS',
    'fabricjs': 'Fabric.js',
    'ffmpeg': 'FFmpeg',
    'flink-streaming': 'Flink Streaming',
    'flowtype': 'Flow',
    'fpdf': 'FPDF',
    'fullcalendar': 'FullCalendar',
    'g++': 'g++',
    'gcloud': 'gcloud CLI',
    'gensim': 'Gensim',
    'gfortran': 'GFortran',
    'ggplot2': 'ggplot2',
    'glassfish': 'GlassFish',
    'googletest': 'GoogleTest',
    'gorm': 'GORM',
    'gruntjs': 'Grunt',
    'gson': 'Gson',
    'gstreamer': 'GStreamer',
    'h2': 'H2 Database',
    'handlebars.js': 'Handlebars.js',
    'hdf5': 'HDF5',
    'highcharts': 'Highcharts',
    'highstock': 'Highstock',
    'homebrew': 'Homebrew',
    'hsqldb': 'HSQLDB',
    'hudson': 'Hudson CI',
    'hyperledger': 'Hyperledger',
    'identityserver4': 'IdentityServer4',
    'igraph': 'igraph',
    'imagemagick': 'ImageMagick',
    'imap': 'IMAP',
    'ipv6': 'IPv6',
    'itext': 'iText',
    'itextsharp': 'iTextSharp',
    'javac': 'javac',
    'javadoc': 'Javadoc',
    'javafx': 'JavaFX',
    'jax-rs': 'JAX-RS',
    'jax-ws': 'JAX-WS',
    'jaxb': 'JAXB',
    'jboss': 'JBoss',
    'jfreechart': 'JFreeChart',
    'jhipster': 'JHipster',
    'jinja2': 'Jinja',
    'jodatime': 'Joda-Time',
    'jpql': 'JPQL',
    'jqgrid': 'jqGrid',
    'json.net': 'Json.NET',
    'jsonp': 'JSONP',
    'jsoup': 'jsoup',
    'jspdf': 'jsPDF',
    'kivy': 'Kivy',
    'knitr': 'knitr',
    'knockout.js': 'Knockout.js',
    'kohana': 'Kohana',
    'kubectl': 'kubectl',
    'libgdx': 'libGDX',
    'liquibase': 'Liquibase',
    'lodash': 'Lodash',
    'log4j': 'Log4j',
    'log4net': 'log4net',
    'logback': 'Logback',
    'loopbackjs': 'LoopBack',
    'lumen': 'Lumen',
    'lxml': 'lxml',
    'mailchimp': 'Mailchimp',
    'mamp': 'MAMP',
    'mapbox': 'Mapbox',
    'mapkit': 'MapKit',
    'mediawiki': 'MediaWiki',
    'mingw': 'MinGW',
    'momentjs': 'Moment.js',
    'mongoid': 'Mongoid',
    'monodevelop': 'MonoDevelop',
    'moq': 'Moq',
    'mstest': 'MSTest',
    'multer': 'Multer',
    'mybatis': 'MyBatis',
    'mysqli': 'MySQLi',
    'nativescript': 'NativeScript',
    'netbeans': 'NetBeans',
    'netsuite': 'NetSuite',
    'netty': 'Netty',
    'networkx': 'NetworkX',
    'nhibernate': 'NHibernate',
    'ninject': 'Ninject',
    'nlog': 'NLog',
    'notepad++': 'Notepad++',
    'nuget': 'NuGet',
    'odata': 'OData',
    'odbc': 'ODBC',
    'odoo': 'Odoo',
    'office-js': 'Office.js',
    'office365': 'Office 365',
    'okhttp': 'OkHttp',
    'oledb': 'OLE DB',
    'omniauth': 'OmniAuth',
    'opencart': 'OpenCart',
    'openlayers': 'OpenLayers',
    'openmp': 'OpenMP',
    'openpyxl': 'openpyxl',
    'openstack': 'OpenStack',
    'openstreetmap': 'OpenStreetMap',
    'orchardcms': 'Orchard CMS',
    'orientdb': 'OrientDB',
    'p5.js': 'p5.js',
    'pandoc': 'Pandoc',
    'paramiko': 'Paramiko',
    'parse-platform': 'Parse Platform',
    'passport.js': 'Passport.js',
    'paypal': 'PayPal',
    'pcre': 'PCRE',
    'pdfbox': 'Apache PDFBox',
    'pdo': 'PDO',
    'pentaho': 'Pentaho',
    'phpmailer': 'PHPMailer',
    'phpmyadmin': 'phpMyAdmin',
    'phpunit': 'PHPUnit',
    'plone': 'Plone',
    'powerquery': 'Power Query',
    'prestashop': 'PrestaShop',
    'primefaces': 'PrimeFaces',
    'primeng': 'PrimeNG',
    'psycopg2': 'psycopg2',
    'pthreads': 'POSIX threads',
    'purrr': 'purrr',
    'pydev': 'PyDev',
    'pygame': 'Pygame',
    'pyinstaller': 'PyInstaller',
    'pyodbc': 'pyodbc',
    'pyqt': 'PyQt',
    'pyside': 'PySide',
    'python-unittest': 'unittest',
    'qtquick2': 'Qt Quick',
    'raphael': 'Raphaël',
    'raspbian': 'Raspbian',
    'ravendb': 'RavenDB',
    'rcpp': 'Rcpp',
    'rdlc': 'RDLC',
    'resteasy': 'RESTEasy',
    'restsharp': 'RestSharp',
    'richfaces': 'RichFaces',
    'roslyn': 'Roslyn',
    'rstudio': 'RStudio',
    'rsync': 'rsync',
    'rtsp': 'RTSP',
    'rubygems': 'RubyGems',
    'rvest': 'rvest',
    'rx-java': 'RxJava',
    'sails.js': 'Sails.js',
    'sapui5': 'SAPUI5',
    'scenekit': 'SceneKit',
    'scrapy': 'Scrapy',
    'sendgrid': 'SendGrid',
    'sequelize.js': 'Sequelize',
    'servicestack': 'ServiceStack',
    'setuptools': 'setuptools',
    'sfml': 'SFML',
    'sftp': 'SFTP',
    'shinydashboard': 'shinydashboard',
    'signalr': 'SignalR',
    'silverstripe': 'Silverstripe',
    'sinon': 'Sinon.js',
    'sitecore': 'Sitecore',
    'slf4j': 'SLF4J',
    'soapui': 'SoapUI',
    'socket.io': 'Socket.IO',
    'spock': 'Spock',
    'spyder': 'Spyder',
    'sqlplus': 'SQL*Plus',
    'ssms': 'SQL Server Management Studio',
    'statsmodels': 'statsmodels',
    'stm32': 'STM32',
    'sublimetext': 'Sublime Text',
    'swagger-ui': 'Swagger UI',
    'sympy': 'SymPy',
    'system-verilog': 'SystemVerilog',
    'systemd': 'systemd',
    'tcpdf': 'TCPDF',
    'telerik': 'Telerik',
    'tesseract': 'Tesseract OCR',
    'tfs': 'Team Foundation Server',
    'theano': 'Theano',
    'thymeleaf': 'Thymeleaf',
    'tidyr': 'tidyr',
    'tidyverse': 'tidyverse',
    'tinymce': 'TinyMCE',
    'tkinter': 'Tkinter',
    'tortoisesvn': 'TortoiseSVN',
    'tweepy': 'Tweepy',
    'typeorm': 'TypeORM',
    'typo3': 'TYPO3',
    'umbraco': 'Umbraco',
    'underscore.js': 'Underscore.js',
    'uwp': 'UWP',
    'uwsgi': 'uWSGI',
    'vaadin': 'Vaadin',
    'valgrind': 'Valgrind',
    'vert.x': 'Vert.x',
    'virtualbox': 'VirtualBox',
    'virtualenv': 'virtualenv',
    'vtk': 'VTK',
    'vuetify.js': 'Vuetify',
    'watchkit': 'WatchKit',
    'wcf': 'WCF',
    'webgl': 'WebGL',
    'weblogic': 'Oracle WebLogic',
    'webrtc': 'WebRTC',
    'webstorm': 'WebStorm',
    'weka': 'Weka',
    'wget': 'Wget',
    'windbg': 'WinDbg',
    'winforms': 'Windows Forms',
    'winrt-xaml': 'WinRT XAML',
    'wix': 'WiX Toolset',
    'wkhtmltopdf': 'wkhtmltopdf',
    'woocommerce': 'WooCommerce',
    'wpf': 'WPF',
    'wxpython': 'wxPython',
    'wxwidgets': 'wxWidgets',
    'xamarin.android': 'Xamarin.Android',
    'xamarin.forms': 'Xamarin.Forms',
    'xamarin.ios': 'Xamarin.iOS',
    'xaml': 'XAML',
    'xampp': 'XAMPP',
    'xdebug': 'Xdebug',
    'xmpp': 'XMPP',
    'xss': 'cross-site scripting',
    'xunit': 'xUnit.net',
    'yarnpkg': 'Yarn',
    'yii': 'Yii',
    'yocto': 'Yocto Project',
    'zend-framework': 'Zend Framework',
    'zurb-foundation': 'Zurb Foundation',
    'zxing': 'ZXing',
    'linq': 'LINQ',
    'regex': 'regular expressions',
    'jdbc': 'JDBC',
    'jpa': 'JPA',
    'jsf': 'JSF',
    'mvvm': 'MVVM',
    'gwt': 'GWT',
    'awt': 'AWT',
    'swt': 'SWT',
    'mfc': 'MFC',
    'gtk': 'GTK',
    'gcc': 'GCC',
    'ghc': 'GHC',
    'hql': 'HQL',
    'dax': 'DAX',
    'cypher': 'Cypher',
    'mpi': 'MPI',
    'erb': 'ERB',
    'birt': 'BIRT',
    'corda': 'Corda',
    'akka': 'Akka',
    'axios': 'Axios',
    'bokeh': 'Bokeh',
    'browserify': 'Browserify',
    'bundler': 'Bundler',
    'caffe': 'Caffe',
    'capybara': 'Capybara',
    'chai': 'Chai',
    'conda': 'Conda',
    'cordova': 'Apache Cordova',
    'crashlytics': 'Firebase Crashlytics',
    'dojo': 'Dojo Toolkit',
    'firebird': 'Firebird',
    'firefox': 'Mozilla Firefox',
    'flot': 'Flot',
    'grails': 'Grails',
    'graphviz': 'Graphviz',
    'guice': 'Guice',
    'gunicorn': 'Gunicorn',
    'hazelcast': 'Hazelcast',
    'jackson': 'Jackson',
    'kendo-ui': 'Kendo UI',
    'pymongo': 'PyMongo',
    'alexa': 'Amazon Alexa',
    'ibm-watson': 'IBM Watson',
    'acumatica': 'Acumatica',
    'aem': 'Adobe Experience Manager',
    'axapta': 'Microsoft Dynamics AX',
    'artifactory': 'JFrog Artifactory',
    'aurelia': 'Aurelia',
    'blazor': 'Blazor',
    'cocoapods': 'CocoaPods',
    'composer-php': 'Composer',
    'ms-office': 'Microsoft Office',
    'eigen': 'Eigen',
    'ejabberd': 'ejabberd',
    'sybase': 'Sybase',
    'sencha-touch': 'Sencha Touch',
    'apache-storm': 'Apache Storm',
}
# hyphenated tags that are product names although their first part is another tag
SO_HYPHEN_OK = set()
# single tags that are not market terms (API class names, question topics)
SO_DENY = set()
# kind/category for kept tags: exact map, then regex rules
# Reviewed Stack Overflow tags that are market terms, grouped as
# kind|category|tags  (a tag with ":0" was reviewed and rejected)
SO_CATEGORY_TEXT = """
tool|regular expressions|regex pcre
os|mobile os|iphone:0 ipad:0
framework|desktop ui framework|wpf winforms xaml uwp javafx swing:0 mfc gtk wxwidgets wxpython pyqt pyside kivy tkinter winrt-xaml qtquick2 firemonkey awt swt
library|data access library|linq ado.net
tool|web server|.htaccess:0
framework|php web framework|codeigniter cakephp yii zend-framework lumen kohana
framework|mobile framework|cordova phonegap-build:0 xamarin.forms xamarin.android xamarin.ios nativescript appcelerator codenameone sencha-touch
framework|web service framework|wcf servicestack cxf jax-rs jax-ws resteasy
framework|object-relational mapper|jpa nhibernate activerecord doctrine-orm sequelize.js eclipselink mybatis typeorm mongoid gorm fluent-nhibernate pymongo:0 entity-framework
library|data visualization library|ggplot2 highcharts chart.js bokeh amcharts d3.js:0 fusioncharts plotly:0 highstock flot jfreechart raphael
tool|web browser|firefox google-chrome:0 microsoft-edge
tool|compiler|gcc g++ mingw clang:0 llvm:0 gfortran roslyn javac ghc
library|graphics library|opengl webgl directx:0 vulkan:0 sfml
framework|java web framework|jsf servlets struts:0 grails vaadin thymeleaf primefaces richfaces jhipster wicket:0
library|database connectivity|jdbc odbc pdo mysqli oledb pyodbc psycopg2
platform|e-commerce platform|woocommerce prestashop opencart magento2:0
concept|software architecture|mvvm
library|java library|gson jackson jsoup apache-poi log4j slf4j logback guice dagger-2 okhttp rx-java hibernate:0 akka netty joda:0 jodatime jaxb itext pdfbox bouncycastle
library|javascript library|axios lodash underscore.js momentjs handlebars.js socket.io knockout.js backbone.js:0 jquery:0 rxjs:0 fabricjs p5.js browserify dropzone.js
framework|frontend framework|extjs dojo gwt aurelia kendo-ui sapui5 blazor
framework|css framework|zurb-foundation semantic-ui vuetify.js antd primeng
library|python library|beautifulsoup scrapy pygame lxml sympy networkx openpyxl nokogiri:0 statsmodels gensim tweepy paramiko boto
library|r library|dplyr data.table tidyverse knitr tidyr purrr rcpp shinydashboard rvest
tool|multimedia framework|ffmpeg gstreamer imagemagick
tool|version control|tfs tortoisesvn clearcase
platform|payments platform|paypal
platform|backend as a service|parse-platform aws-amplify
platform|embedded platform|arduino raspbian esp8266 stm32 yocto
tool|ide|netbeans rstudio spyder codeblocks webstorm clion monodevelop notepad++ sublimetext pydev
tool|local development stack|xampp wamp mamp
tool|database tool|phpmyadmin ssms oracle-sqldeveloper sqlplus
library|game engine|libgdx cocos2d-x cocos2d-iphone andengine box2d coronasdk
framework|javascript runtime|
library|dependency injection|autofac ninject castle-windsor
library|.net library|json.net automapper signalr log4net nlog restsharp itextsharp
tool|package manager|nuget composer-php cocoapods rubygems conda homebrew bundler yarnpkg
tool|installer tool|wix clickonce
tool|testing framework|phpunit capybara moq mstest chai sinon xunit googletest spock python-unittest
tool|javascript build tool|gruntjs
framework|ui component library|telerik devexpress ag-grid
library|pdf library|tcpdf fpdf wkhtmltopdf jspdf
tool|rich text editor|ckeditor tinymce
library|javascript ui library|fullcalendar datatables jqgrid
library|computer vision library|imagemagick:0 tesseract emgucv zxing
framework|real-time communication|webrtc
framework|chatbot framework|botframework dialogflow-es
cloud|platform as a service|amazon-elastic-beanstalk google-app-engine:0
database|relational database|azure-sql-database firebird sybase h2 hsqldb
database|document database|azure-cosmosdb ravendb orientdb google-cloud-datastore google-cloud-firestore
framework|actor framework|akka
tool|application server|glassfish weblogic jboss wildfly:0 liferay
tool|browser tool|google-chrome-devtools
library|template engine|jinja2 erb
tool|build tool|build.gradle:0
platform|office software|office365 ms-office office-js
tool|crm platform|dynamics-crm netsuite acumatica axapta
library|apple framework|avfoundation mapkit scenekit arkit cloudkit core-bluetooth watchkit
tool|ios library|alamofire afnetworking
library|stream processing framework|apache-kafka-streams apache-storm flink-streaming
tool|data integration tool|apache-nifi pentaho apache-kafka-connect apache-camel
library|machine learning library|conv-neural-network:0 lstm:0 weka caffe theano apache-spark-mllib
framework|node.js web framework|sails.js loopbackjs
library|node.js library|passport.js discord.js multer
library|authentication library|identityserver4 omniauth
tool|python tool|virtualenv pyinstaller setuptools gunicorn uwsgi
tool|java tool|maven:0 ant:0
platform|cloud platform|openstack cloudera
platform|enterprise content management|sitecore umbraco aem plone dotnetnuke typo3 orchardcms silverstripe mediawiki
platform|erp system|odoo openerp:0
tool|reporting tool|ssrs-2008:0 birt rdlc
tool|api testing tool|soapui swagger-ui
tool|secrets management tool|
library|concurrency library|openmp mpi pthreads
tool|virtualization tool|virtualbox
tool|messaging platform|ejabberd
protocol|network protocol|xmpp imap sftp ipv6 rtsp
protocol|web standard|cors csrf:0 jsonp odata
concept|security practice|xss csrf
library|geospatial library|openlayers mapbox postgis openstreetmap
tool|artifact repository|artifactory
tool|coordination service|apache-zookeeper
library|data grid|hazelcast ehcache
platform|blockchain platform|hyperledger corda
library|nlp library|stanford-nlp
library|scientific library|eigen vtk hdf5
tool|profiling tool|valgrind windbg xdebug
tool|command-line tool|wget rsync kubectl aws-cli gcloud
language|hardware description language|system-verilog
tool|database migration tool|liquibase
tool|web crawler|
tool|email api|sendgrid mailchimp phpmailer
tool|mobile analytics|crashlytics
tool|static type checker|flowtype
tool|ci/cd tool|hudson
tool|notebook environment|google-colaboratory
platform|ai platform|ibm-watson
tool|voice assistant platform|alexa
library|3d graphics library|aframe
tool|tensorflow tool|
platform|kubernetes tool|
cloud|identity and access management|amazon-cognito amazon-iam azure-ad-b2c
cloud|cloud sdk|aws-sdk
cloud|data processing service|google-cloud-dataflow
cloud|relational database|google-cloud-sql
cloud|infrastructure as code tool|amazon-cloudformation:0
language|query language|cypher hql jpql dax
tool|spreadsheet|powerquery
platform|virtual reality|
library|graph library|igraph graphviz
tool|documentation tool|javadoc pandoc
tool|init system|systemd
tool|web application framework|vert.x
tool|code review tool|gerrit
tool|version control|tortoisegit tortoisehg cvs
os|operating system|freebsd aix archlinux tvos tizen
tool|virtualization tool|qemu
tool|kubernetes tool|minikube
tool|database migration tool|flyway
framework|java web framework|dropwizard
library|java library|jooq lombok querydsl shiro hikaricp c3p0 twitter4j jsch saxon
framework|object-relational mapper|ebean ormlite openjpa ibatis mongoengine ecto
tool|testing framework|specflow powermock htmlunit xctest robolectric scalatest nightwatch.js testcafe codeception qunit behat minitest robotium watin
tool|code coverage tool|jacoco
framework|php web framework|phalcon silex
framework|python web framework|cherrypy aiohttp tastypie
platform|content management system|wagtail kentico octobercms expressionengine tridion
library|python library|scapy pyserial xlsxwriter numba geopandas xlrd biopython reportlab pyautogui h5py gevent pymysql rpy2 pywin32 wtforms
library|r library|lubridate stringr lme4 quantmod
library|.net library|epplus lucene.net serilog structuremap npgsql fluentvalidation hangfire masstransit swashbuckle naudio cefsharp odp.net
library|javascript library|video.js nvd3.js dc.js slick.js html2canvas mathjax gsap typeahead.js cheerio codemirror handsontable crossfilter c3.js cytoscape.js createjs easeljs ramda.js immutable.js jqplot yui swiper
library|machine learning library|word2vec h2o libsvm
tool|ml platform|tensorboard
tool|process manager|pm2 supervisord
platform|e-commerce platform|hybris nopcommerce
platform|crm platform|sugarcrm
tool|project management tool|redmine
tool|message broker|msmq mosquitto
concept|software architecture|esb
concept|data engineering practice|olap
tool|web server|lighttpd fastcgi
database|multi-model database|arangodb
database|document database|rethinkdb pouchdb cloudant
database|time-series database|kdb
database|data warehouse|netezza
database|desktop database|filemaker
database|relational database|hana openedge
tool|database tool|pgadmin plsqldeveloper
tool|reporting tool|ireport jasperserver infopath
tool|business intelligence tool|spotfire
tool|ide|aptana rubymine bluej textmate lazarus
tool|mobile emulator|genymotion
language|programming language|sml freepascal x++ lotusscript jscript
language|query language|cql
protocol|network protocol|rtmp rtp webdav nfs rdp irc multicast
protocol|hardware protocol|uart i2c spi
protocol|authentication protocol|ntlm adfs
library|authentication library|msal adal
library|security library|bcrypt
tool|security tool|gnupg openssh
tool|directory service|openldap
tool|game engine|monogame
library|augmented reality sdk|vuforia arcore
library|graphics library|glfw direct3d vulkan
library|geospatial library|gdal cgal
tool|gis software|geoserver
tool|build tool|scons autotools nant install4j
tool|ci/cd tool|cruisecontrol.net
tool|code quality tool|pylint checkstyle
tool|hpc scheduler|slurm
library|concurrency library|openmpi
tool|terminal multiplexer|tmux
tool|workflow engine|jbpm activiti
library|optimization solver|optaplanner cplex
tool|simulation software|anylogic omnet++
tool|hosting control panel|plesk
platform|embedded platform|beagleboneblack
tool|email api|mailgun nodemailer swiftmailer
platform|communications api|pubnub quickblox onesignal
tool|messaging platform|openfire
framework|frontend framework|durandal winjs smartgwt gxt zk
tool|documentation tool|jsdoc
tool|javascript build tool|systemjs
framework|haskell web framework|yesod
language|data format|bson
tool|package manager|cpan pypi macports rbenv
tool|test automation tool|qtp
"""
SO_CATEGORY = {}
for _line in SO_CATEGORY_TEXT.strip().splitlines():
    _k, _c, _tags = _line.split("|")
    for _t in _tags.split():
        if not _t.endswith(":0"):
            SO_CATEGORY[_t] = (_k, _c)
SO_RULES = []

VERSION_RE = re.compile(r"^(.*?[a-z+#])[-.]?(\d+(?:\.\d+)*(?:\.x)?)$")


def title_token(t, casing):
    if t in SO_CASING:
        return SO_CASING[t]
    cands = casing.get(t)
    if cands:
        best = sorted(cands.items(), key=lambda kv: (-(kv[0] != kv[0].lower()), -kv[1], kv[0]))[0][0]
        if best != best.lower():
            return best
    if t in ("on", "of", "for", "and", "in", "to", "the", "with"):
        return t
    if len(t) <= 3 and t.isalpha():
        return t.upper()
    return t[:1].upper() + t[1:]


# ---------------------------------------------------------------- ESCO
ESCO_ALLOW_TEXT = """
tool|development tool|KDevelop
tool|security testing tool|Maltego|Nessus|Nexpose|THC Hydra|WhiteHat Sentinel|Metasploit|OWASP ZAP
tool|game engine|CryEngine|GameSalad|HeroEngine|Havok Vision|Project Anarchy|Gamemaker Studio|Unreal Engine
platform|e-learning platform|WizIQ|Edmodo|Engrade|Schoology|Litmos|Grovo|Sakai|Moodle
methodology|development methodology|Incremental development|Iterative development|Spiral development|Waterfall development|Rapid application development|Prototyping development|Agile project management|Lean project management
tool|data integration tool|Informatica PowerCenter|IBM InfoSphere DataStage|Oracle Data Integrator|Pentaho Data Integration|Oracle Warehouse Builder|SAP Data Services|QlikView Expressor|SAS Data Management
tool|ci/cd tool|Octopus Deploy
database|database|OpenEdge Database|ObjectStore|TripleStore|MarkLogic|CA Datacom/DB|IBM Informix|Teradata Database
os|linux distribution|Kali Linux|BlackArch|Parrot Security OS
language|programming language|Vyper|Solidity|N1QL|JSSS|STAF
tool|ide|Codenvy
tool|graphics software|SketchBook Pro|Synfig|Adobe Photoshop Lightroom|Capture One
tool|ocr software|ABBYY FineReader|OmniPage
platform|hr system|Taleo
tool|application server|Oracle WebLogic|IBM WebSphere
credential|project management certification|Prince2 project management
concept|compliance framework|SA8000
"""
ESCO_ALLOW = {}
for _line in ESCO_ALLOW_TEXT.strip().splitlines():
    _k, _c, _rest = _line.split("|", 2)
    for _t in _rest.split("|"):
        ESCO_ALLOW[_t] = (_k, _c)


# ---------------------------------------------------------------- main
def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    data, curated_path, out_path = argv[1], argv[2], argv[3]
    voc = os.path.join(data, "vocabularies")
    lower_words, proper_words = load_words()
    casing, spans = read_evidence(data)
    lex = Lexicon()

    # 1. curated
    for term, kind, cat, aliases, amb_term in read_curated(curated_path):
        if key(term) in lex.index:
            log("curated duplicate term: %r" % term)
        lex.add(term, kind, cat, aliases, "curated", amb_term=amb_term)
        for a, _ in aliases:
            casing.setdefault(a.lower(), Counter())[a] += 1000
        casing.setdefault(term.lower(), Counter())[term] += 1000

    # Stack Overflow tag table (needed for Linguist filtering too)
    so_count = {}
    with open(os.path.join(voc, "stackoverflow", "tags-top50k.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            so_count[r["TagName"]] = int(r["Count"])
    synonyms = []
    with open(os.path.join(voc, "stackoverflow", "tag-synonyms.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            synonyms.append((r["SourceTagName"], r["TargetTagName"]))
    synonyms.sort()

    # O*NET rows
    onet = defaultdict(lambda: {"occ": set(), "com": Counter(), "hot": False, "dem": False})
    with open(os.path.join(voc, "onet", "technology-skills.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            o = onet[r["Example"]]
            o["occ"].add(r["O*NET-SOC Code"])
            o["com"][r["Commodity Title"]] += 1
            o["hot"] |= r["Hot Technology"] == "Y"
            o["dem"] |= r["In Demand"] == "Y"
    onet_names = {key(n) for n in onet}

    # 2. Linguist
    langs = read_linguist(os.path.join(voc, "linguist", "languages.yml"))
    ltype = {"programming": ("language", "programming language"),
             "markup": ("language", "markup language"),
             "data": ("language", "data format"),
             "prose": ("language", "markup language")}
    for name in sorted(langs):
        info = langs[name] or {}
        tag = name.lower().replace(" ", "-")
        known = key(name) in lex.index or key(name) in onet_names or \
            (so_count.get(tag, 0) >= 1000 and key(name) not in lower_words)
        if not known:
            continue
        if name in LINGUIST_DENY:
            continue
        kind, cat = ltype.get(info.get("type"), ("language", "programming language"))
        aliases = []
        for a in info.get("aliases") or []:
            if len(a) < 2 or so_count.get(a, 0) >= 1000 and key(a) not in lex.index:
                continue  # alias is a separate technology on Stack Overflow
            aliases.append((a, a.lower() in lower_words or len(a) <= 2))
        amb = key(name) in lower_words
        lex.add(name, kind, cat, aliases, "linguist", amb_term=amb)
        casing.setdefault(name.lower(), Counter())[name] += 500

    # 3. O*NET
    for name in sorted(onet):
        o = onet[name]
        in_cs = any(c.startswith(("15-11", "15-12")) and c != "15-1299.03" for c in o["occ"])
        com = sorted(o["com"].items(), key=lambda kv: (-(kv[0] in TECH_COMMODITIES), -kv[1], kv[0]))[0][0]
        tech_com = any(c in TECH_COMMODITIES for c in o["com"])
        keep = o["hot"] or o["dem"] or (in_cs and tech_com) or (len(o["occ"]) >= 2 and (in_cs or tech_com)) \
            or (tech_com and len(o["occ"]) >= 2) or len(o["occ"]) >= 15
        cleaned = clean_onet(name, lower_words) if name not in ONET_DENY and "," not in name else None
        if cleaned is None:
            continue
        canon, aliases, shorts = cleaned
        if canon in NOT_TERMS or name in NOT_TERMS:
            continue
        derived = canon.isupper() and key(canon) != key(name)  # "EMR" of "Electronic medical record EMR"
        existing = lex.find([canon], skip_ambiguous=derived)
        if existing is None:
            existing = lex.find(shorts, skip_ambiguous=True)
        if existing is None and not o["hot"] and len(o["occ"]) < 3 and \
                all(c in NON_TECH_COMMODITIES for c in o["com"]):
            continue  # niche medical/accounting/PM products
        if existing is None and re.match(r"(Anti-|Generic |Custom )", canon) and not o["hot"]:
            continue  # generic product classes ("Anti-spyware")
        if existing is None and canon.isupper() and len(canon) <= 4 and not o["hot"] and \
                so_count.get(canon.lower(), 0) < 1000:
            continue  # generic acronyms without evidence ("OMS")
        plain = all(w in lower_words for w in re.split(r"[\s-]+", canon.lower()) if w)
        if existing is None and plain and not (o["hot"] or len(o["occ"]) >= 3):
            continue  # "Graphics Programming Environment", "Low-level debugger"
        if existing is None and not keep:
            continue
        kind, cat = ONET_CATEGORY.get(com, ("tool", "software"))
        amb = key(canon) in lower_words  # "CASE", "SPICE": words too
        if existing is not None:
            lex.add(lex.entries[existing]["term"], "", "", [(canon, amb)] + aliases, "onet")
            continue
        lex.add(canon, kind, cat, aliases, "onet", merge_names=shorts, amb_term=amb,
                skip_ambiguous=True)
        for w in canon.split():
            casing.setdefault(w.lower(), Counter())[w] += 50

    # 4. Stack Overflow tags: see so_filter for the rules
    so_filter(lex, so_count, synonyms, lower_words, proper_words, casing, spans)

    # 5. ESCO allow-list
    esco_labels = set()
    for fn in ("esco-skill-labels.txt",):
        p = os.path.join(voc, "esco", fn)
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                esco_labels.update(l.strip() for l in f)
    for label, (kind, cat) in sorted(ESCO_ALLOW.items()):
        if label in esco_labels:   # only labels ESCO really has
            lex.add(label, kind, cat, [], "esco")
    # "X (computer programming)" labels name languages: add as aliases when known
    for label in sorted(esco_labels):
        m = re.fullmatch(r"(.+) \(computer programming\)", label)
        if m:
            eid = lex.find([m.group(1)])
            if eid is not None:
                lex.add(lex.entries[eid]["term"], "", "", [(label, False)], "esco")

    write(lex, out_path, lower_words)
    log("terms=%d collisions=%d" % (len(lex.entries), lex.collisions))
    return 0


VENDOR_TAGS = {"amazon", "aws", "azure", "google", "microsoft", "ms", "apache", "ibm",
               "oracle", "adobe", "android", "ios", "spring", "asp.net", "visual", "sql",
               "ruby", "jquery", "twitter", "react", "vue", "angular", "django", "node",
               "entity", "windows", "facebook", "firebase", "github", "gitlab", "docker",
               "kubernetes", "azure-devops", "apple", "intellij", "eclipse", "elastic"}


def split_version(tag, so_count):
    m = VERSION_RE.match(tag)
    if not m:
        return None
    base = m.group(1).rstrip("-.")
    if base != tag and so_count.get(base, 0) >= 2000:
        return base, m.group(2)
    return None


def so_candidates(so_count, lower_words, spans, min_count=2000):
    """Yield (tag, reason) for tags that may become new terms."""
    span_keys = {loose(s) for s in spans}
    for tag in sorted(so_count, key=lambda t: (-so_count[t], t)):
        c = so_count[tag]
        if c < (1000 if tag in SO_CATEGORY else min_count) or tag in SO_DENY:
            continue
        if split_version(tag, so_count):
            continue
        parts = tag.split("-")
        if len(parts) == 1:
            if tag in lower_words or len(tag) < 2:
                continue
            yield tag, "single"
            continue
        if tag in SO_HYPHEN_OK:
            yield tag, "allow"
            continue
        if all(p in lower_words for p in parts):
            if loose(tag) in span_keys:
                yield tag, "concept"
            continue
        if parts[0] in VENDOR_TAGS or parts[0] in ("amazon", "aws", "azure", "google", "microsoft",
                                                   "apache", "ibm", "oracle", "adobe"):
            if parts[0] in ("amazon", "aws", "azure", "google", "microsoft", "apache", "ibm", "oracle", "adobe"):
                yield tag, "vendor"
            continue
        if so_count.get(parts[0], 0) >= 2000 and parts[0] not in lower_words:
            continue  # feature tag of another technology (android-recyclerview)
        yield tag, "mixed"


def so_display(tag, casing, keep_hyphen):
    if tag in SO_CASING:
        return SO_CASING[tag]
    if "-" in tag and not keep_hyphen:
        return " ".join(title_token(p, casing) for p in tag.split("-"))
    cands = casing.get(tag)
    if cands:
        best = sorted(cands.items(), key=lambda kv: (-(kv[0] != kv[0].lower()), -kv[1], kv[0]))[0][0]
        if best != best.lower():
            return best
    return "-".join(title_token(p, casing) for p in tag.split("-"))


def so_category(tag):
    if tag in SO_CATEGORY:
        return SO_CATEGORY[tag]
    for rx, kc in SO_RULES:
        if re.search(rx, tag):
            return kc
    return None


def so_filter(lex, so_count, synonyms, lower_words, proper_words, casing, spans):
    dump = os.environ.get("LEX_DUMP_SO")
    dumped = []
    for tag, why in so_candidates(so_count, lower_words, spans):
        existing = lex.find([tag, tag.replace("-", " ")])
        if existing is not None:
            lex.add(lex.entries[existing]["term"], "", "", [(tag, False)], "so")
            continue
        kc = so_category(tag)
        if kc is None:
            dumped.append((tag, so_count[tag], why))
            continue
        if why == "concept" and tag not in SO_CASING:
            disp = tag.replace("-", " ")
        else:
            keep_h = any("-" in s for s in casing.get(tag, {}))
            disp = so_display(tag, casing, keep_h)
        aliases = [(tag, False)] if key(tag) != key(disp) else []
        lex.add(disp, kc[0], kc[1], aliases, "so",
                amb_term=key(disp) in lower_words)
    # versioned tags -> aliases of their base ("python3", "c++17", "html5")
    for tag in sorted(so_count):
        if so_count[tag] < 2000:
            continue
        sv = split_version(tag, so_count)
        if not sv or ".x" in tag:
            continue
        base, ver = sv
        eid = lex.find([base])
        if eid is None:
            continue
        lex.add(lex.entries[eid]["term"], "", "", [(tag.replace("-", " "), False)], "so-version")
    # tag synonyms -> aliases
    for src, dst in synonyms:
        if src in lower_words or len(src) <= 2 or split_version(src, so_count) or ".x" in src:
            continue
        if src in SYNONYM_DENY:
            continue
        if src.startswith(dst + "-") or src.count("-") >= 2:
            continue  # sub-feature tags merged into their parent
        eid = lex.index.get(key(dst))
        if eid is None:
            eid = lex.index.get(key(dst.replace("-", " ")))
        if eid is None:
            continue
        if key(src) in lex.index:
            continue
        lex.add(lex.entries[eid]["term"], "", "", [(src, src in proper_words)], "so-synonym")
    if dump:
        with open(dump, "w", encoding="utf-8") as f:
            for t, c, w in dumped:
                f.write("%s\t%d\t%s\n" % (t, c, w))


def ambiguity_mark(spelling, level):
    """"" unambiguous, "~" needs casing or context, "~~" needs context."""
    if not level:
        return ""
    if level >= 2 or spelling.lower() in WEAK_SPELLINGS:
        return "~~"
    return "~"


def display_spelling(alias, term):
    """An ambiguous lower-case alias takes the casing the term writes it
    in ("airflow" of "Apache Airflow" -> "Airflow"), so that casing can
    count as evidence."""
    if alias != alias.lower():
        return alias
    for w in term.split():
        if w.lower() == alias and w != alias:
            return w
    return alias


def write(lex, out_path, lower_words):
    ents = sorted(lex.entries, key=lambda e: (e["term"].lower(), e["term"]))
    n_alias = n_amb = 0
    lines = []
    for e in ents:
        al = []
        if e["amb"]:
            al.append(ambiguity_mark(e["term"], e["amb"]) + e["term"])
            n_amb += 1
        seen = set()
        for s, amb in e["aliases"]:
            if amb:
                s = display_spelling(s, e["term"])
            if s in seen:
                continue
            seen.add(s)
            al.append(ambiguity_mark(s, amb) + s)
            n_alias += 1
            n_amb += bool(amb)
        for fld in (e["term"], e["cat"]):
            assert "\t" not in fld and "|" not in fld
        lines.append("\t".join([e["term"], e["kind"], e["cat"], "|".join(al)]))
    hdr = ["# jdalign lexicon: term<TAB>kind<TAB>category<TAB>aliases (|-separated, ~ = ambiguous)",
           "# Generated by scripts/build_lexicon.py; do not edit by hand (edit corpora/lexicon-curated.tsv).",
           "# Built from O*NET 29.2 (CC BY 4.0), Stack Overflow tags (CC BY-SA 4.0), GitHub Linguist (MIT),",
           "# ESCO (European Commission). This file is licensed CC BY-SA 4.0; see corpora/SOURCES.md.",
           "# terms=%d aliases=%d ambiguous=%d" % (len(ents), n_alias, n_amb)]
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(hdr + lines) + "\n")
    n = max(1, len(ents) // 100)
    sample = [ents[i] for i in range(0, len(ents), n)][:100]
    with open(os.path.join(os.path.dirname(out_path) or ".", "lexicon-sample.txt"), "w",
              encoding="utf-8", newline="\n") as f:
        for e in sample:
            f.write("%s\t%s\t%s\n" % (e["term"], e["kind"], e["cat"]))
    log("wrote %s: terms=%d aliases=%d ambiguous=%d" % (out_path, len(ents), n_alias, n_amb))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
