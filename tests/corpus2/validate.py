#!/usr/bin/env python3
"""Check gold.json against the article files next to it.

usage: python3 validate.py [path/to/gold.json]

Checks: the JSON parses and has the seed format; every article file exists and is
2-6 KB; every gold string (keep, drop, at_most_once, accounts, optional, pairs) is an
exact substring of its file; the title is in the file; each call names participants,
parties, an ISO date no later than 'published' and a medium; the account keys equal
the call's parties; pair sentences are account sentences of two different parties;
no drop snippet lies inside a keep snippet or an account sentence; no-call articles
have no accounts; calls shared by several articles are listed.
Exit 0 when all is well, 1 otherwise.
"""
import collections, datetime, json, os, re, sys, unicodedata

def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", s).strip().lower()

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
base = os.path.dirname(os.path.abspath(path))
gold = json.load(open(path, encoding="utf-8"))
errors = []
def err(f, m): errors.append(f"{f}: {m}")

assert gold.get("format") == "parallax-gold/1", "format"
seen_calls = collections.defaultdict(list)
for a in gold["articles"]:
    f = a["file"]
    p = os.path.join(base, f)
    if not os.path.exists(p):
        err(f, "missing file"); continue
    size = os.path.getsize(p)
    if not 2000 <= size <= 6200:
        err(f, f"size {size} outside 2-6 KB")
    text = open(p, encoding="utf-8").read()
    for k in ("file", "title", "source", "url", "published", "keep", "drop", "at_most_once",
              "call", "accounts", "optional", "notes", "pairs"):
        if k not in a: err(f, f"no key {k}")
    if a["title"] not in text: err(f, "title not in file")
    pub = datetime.date.fromisoformat(a["published"])
    if not 3 <= len(a["keep"]) <= 5: err(f, f"{len(a['keep'])} keep snippets")
    if not 5 <= len(a["drop"]) <= 15: err(f, f"{len(a['drop'])} drop snippets")
    strings = [("keep", s) for s in a["keep"]] + [("drop", s) for s in a["drop"]] + \
              [("at_most_once", s) for s in a["at_most_once"]] + [("optional", s) for s in a["optional"]] + \
              [(f"accounts[{party}]", s) for party, ss in a["accounts"].items() for s in ss]
    for l, rs in a["pairs"]:
        strings.append(("pairs", l)); strings += [("pairs", r) for r in rs]
    for kind, s in strings:
        if s not in text: err(f, f"{kind} not an exact substring: {s[:70]!r}")
    for s in a["at_most_once"]:
        if text.count(s) < 2: err(f, f"at_most_once appears {text.count(s)}x in the file: {s[:50]!r}")
    acc_norm = [norm(s) for ss in a["accounts"].values() for s in ss]
    for d in a["drop"]:
        nd = norm(d)
        if any(nd in x for x in acc_norm) or any(nd in norm(k) for k in a["keep"]):
            err(f, f"drop snippet inside kept text: {d[:50]!r}")
    for o in a["optional"]:
        if norm(o) in acc_norm: err(f, f"sentence both optional and account: {o[:50]!r}")
    c = a["call"]
    if c is None:
        if a["accounts"]: err(f, "no call but accounts")
        if a["pairs"]: err(f, "no call but pairs")
        continue
    if len(c["participants"]) != 2 or len(c["parties"]) != 2: err(f, "call needs 2 participants and 2 parties")
    if any(len(n.split()) < 2 for n in c["participants"]): err(f, "participants need full names")
    for n in c["participants"]:
        if n.split()[-1] not in text: err(f, f"participant surname not in text: {n}")
    if set(a["accounts"]) != set(c["parties"]): err(f, f"account keys {sorted(a['accounts'])} != parties {c['parties']}")
    d = datetime.date.fromisoformat(c["date"])
    if d > pub: err(f, "call date after published")
    if c["medium"] not in ("phone", "video"): err(f, f"medium {c['medium']}")
    by_party = {party: {norm(s) for s in ss} for party, ss in a["accounts"].items()}
    for l, rs in a["pairs"]:
        lp = {party for party, ss in by_party.items() if norm(l) in ss}
        for r in rs:
            rp = {party for party, ss in by_party.items() if norm(r) in ss}
            if not lp or not rp or lp == rp: err(f, f"pair not across two parties: {l[:40]!r}")
    seen_calls[(tuple(sorted(n.split()[-1] for n in c["participants"])), c["date"])].append(f)

n_acc = sum(len(ss) for a in gold["articles"] for ss in a["accounts"].values())
print(f"{len(gold['articles'])} articles, {sum(1 for a in gold['articles'] if a['call'])} with a call, "
      f"{n_acc} account sentences, {sum(len(a['pairs']) for a in gold['articles'])} pairs")
for k, fs in seen_calls.items():
    if len(fs) > 1: print(f"shared call {k}: {', '.join(fs)}")
for e in errors: print("ERROR", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
