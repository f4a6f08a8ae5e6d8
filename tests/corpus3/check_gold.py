#!/usr/bin/env python3
"""Check gold.json of this folder: it parses, has the sample format, every gold string is an
exact substring of its article, and the answers are consistent with each other.
usage: python3 check_gold.py [path/to/gold.json]"""
import json, os, re, sys, unicodedata, datetime

def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", s).strip().lower()

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
base = os.path.dirname(os.path.abspath(path))
gold = json.load(open(path, encoding="utf-8"))
bad = []
def err(f, m): bad.append(f"{f}: {m}")
assert gold.get("format") == "parallax-gold/1", "format"
KEYS = {"file", "title", "source", "url", "published", "keep", "drop", "at_most_once", "call", "accounts", "optional", "notes", "pairs"}
files = set()
for a in gold["articles"]:
    f = a["file"]
    if f in files: err(f, "listed twice")
    files.add(f)
    missing = KEYS - set(a)
    if missing: err(f, f"missing keys {sorted(missing)}")
    text = open(os.path.join(base, f), encoding="utf-8").read()
    size = len(text.encode("utf-8"))
    if not 2000 <= size <= 6200: err(f, f"size {size} bytes")
    if not re.match(r"^\d{3}_[a-z0-9-]+\.txt$", f): err(f, "file name")
    datetime.date.fromisoformat(a["published"])
    strings = [("keep", s) for s in a["keep"]] + [("drop", s) for s in a["drop"]] + \
              [("at_most_once", s) for s in a["at_most_once"]] + [("optional", s) for s in a["optional"]] + \
              [(f"account {p}", s) for p, ss in a["accounts"].items() for s in ss] + \
              [("pair", l) for l, rs in a["pairs"]] + [("pair", r) for l, rs in a["pairs"] for r in rs]
    for kind, s in strings:
        if not s or s not in text: err(f, f"{kind} not an exact substring: {s[:80]!r}")
    if not (3 <= len(a["keep"]) <= 5): err(f, f"{len(a['keep'])} keep snippets")
    if not (5 <= len(a["drop"]) <= 15): err(f, f"{len(a['drop'])} drop snippets")
    # drop snippets must not occur inside text the cleaner has to keep
    legit = [a["title"]] + a["keep"] + a["optional"] + [s for ss in a["accounts"].values() for s in ss]
    for d in a["drop"]:
        for k in legit:
            if norm(d) in norm(k): err(f, f"drop {d[:40]!r} occurs inside kept text {k[:40]!r}")
    for s in a["at_most_once"]:
        if text.count(s) < 1: err(f, f"at_most_once absent {s[:40]!r}")
    c = a["call"]
    allacc = {norm(s) for ss in a["accounts"].values() for s in ss}
    if c is None:
        if a["accounts"]: err(f, "no call but accounts")
        if a["pairs"]: err(f, "no call but pairs")
    else:
        if len(c["participants"]) != len(c["parties"]): err(f, "participants/parties length")
        if set(a["accounts"]) != set(c["parties"]): err(f, f"account keys {sorted(a['accounts'])} != parties {sorted(c['parties'])}")
        datetime.date.fromisoformat(c["date"])
        if c["date"] > a["published"]: err(f, "call after publication")
        if c["medium"] not in ("phone", "video"): err(f, f"medium {c['medium']}")
        for p in c["participants"]:
            sur = p.split()[-1]
            if sur.lower() not in text.lower() and p.split()[0].lower() not in text.lower():
                err(f, f"participant {p} not named in the text")
        for p, ss in a["accounts"].items():
            if len(set(ss)) != len(ss): err(f, f"duplicate sentence in {p}")
        for l, rs in a["pairs"]:
            lp = {p for p, ss in a["accounts"].items() if l in ss}
            if not lp: err(f, f"pair left not an account sentence {l[:40]!r}")
            for r in rs:
                rp = {p for p, ss in a["accounts"].items() if r in ss}
                if not rp or rp <= lp: err(f, f"pair right not another party's sentence {r[:40]!r}")
    if norm(a["title"]) not in norm(text): err(f, "title not in text")
# same-call groups: articles sharing participants and date
groups = {}
for a in gold["articles"]:
    if a["call"]:
        k = (frozenset(p.split()[-1].lower() for p in a["call"]["participants"]), a["call"]["date"])
        groups.setdefault(k, []).append(a["file"])
for k, fs in groups.items():
    if len(fs) > 1: print("same call:", " + ".join(fs))
n_call = sum(1 for a in gold["articles"] if a["call"])
print(f"{len(gold['articles'])} articles, {n_call} with a call, {len(gold['articles']) - n_call} without, "
      f"{sum(len(ss) for a in gold['articles'] for ss in a['accounts'].values())} account sentences, "
      f"{sum(len(a['pairs']) for a in gold['articles'])} pairs")
for ffile in sorted(os.listdir(base)):
    if ffile.endswith(".txt") and ffile not in files: bad.append(f"{ffile}: article not in gold")
if bad:
    print("\n".join(bad)); sys.exit(1)
print("OK")
