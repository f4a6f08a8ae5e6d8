#!/usr/bin/env python3
"""Sanity checks for this gold file (no parallax needed): every gold string is an exact
substring of its article, the JSON has the expected shape, each article looks plausible.
usage: python3 check_gold.py [gold.json]   exit 0 when all checks pass."""
import json, os, re, sys, unicodedata

def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", s).strip().lower()

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
base = os.path.dirname(os.path.abspath(path))
gold = json.load(open(path, encoding="utf-8"))
errors, warnings = [], []
err = lambda m: errors.append(m)
warn = lambda m: warnings.append(m)

assert gold.get("format") == "parallax-gold/1", "format"
KEYS = {"file", "title", "source", "url", "published", "keep", "drop", "at_most_once", "call",
        "accounts", "optional", "notes", "pairs"}
calls = {}
for a in gold["articles"]:
    f = a["file"]
    missing = KEYS - a.keys()
    if missing:
        err(f"{f}: missing keys {sorted(missing)}")
    raw = open(os.path.join(base, f), encoding="utf-8").read()
    size = len(raw.encode("utf-8"))
    if not 2048 <= size <= 6144:
        err(f"{f}: {size} bytes, want 2-6 KB")
    if not re.fullmatch(r"\d{3}_[a-z0-9-]+\.txt", f):
        err(f"{f}: file name is not NNN_<slug>.txt")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", a.get("published") or ""):
        err(f"{f}: published date missing")
    def need(s, what):
        if s not in raw:
            err(f"{f}: {what} not an exact substring: {s[:70]!r}")
    need(a["title"], "title")
    for s in a["keep"]: need(s, "keep")
    for s in a["drop"]: need(s, "drop")
    for s in a["at_most_once"]:
        need(s, "at_most_once")
        if raw.count(s) < 2:
            warn(f"{f}: at_most_once string occurs only once in the raw file: {s[:50]!r}")
    if not 3 <= len(a["keep"]) <= 5: err(f"{f}: {len(a['keep'])} keep snippets, want 3-5")
    if not 5 <= len(a["drop"]) <= 15: err(f"{f}: {len(a['drop'])} drop snippets, want 5-15")
    sentences = []
    for party, ss in a["accounts"].items():
        for s in ss:
            need(s, f"account[{party}]")
            sentences.append(s)
            if not re.search(r"[.!?][\"'”’)]*$", s):
                err(f"{f}: account sentence does not end like a sentence: {s[-40:]!r}")
            if s in a["optional"]:
                err(f"{f}: sentence both gold and optional: {s[:50]!r}")
    for s in a["optional"]: need(s, "optional")
    # furniture must not hide inside text that cleaning has to keep
    kept = [norm(s) for s in a["keep"] + sentences]
    for d in a["drop"]:
        if any(norm(d) in k for k in kept):
            err(f"{f}: drop string occurs inside kept text: {d[:50]!r}")
    for k in a["keep"]:
        if any(norm(d) in norm(k) for d in a["drop"]):
            err(f"{f}: keep snippet contains a drop string: {k[:50]!r}")
    c = a["call"]
    if c is None:
        if a["accounts"] or a["pairs"]:
            err(f"{f}: no call but accounts/pairs given")
    else:
        if set(c["parties"]) != set(a["accounts"].keys()):
            err(f"{f}: parties {c['parties']} != account keys {sorted(a['accounts'])}")
        if len(c["participants"]) != len(c["parties"]):
            err(f"{f}: participants and parties differ in number")
        if c["medium"] not in ("phone", "video", "call"):
            err(f"{f}: medium {c['medium']!r}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", c["date"] or ""):
            err(f"{f}: call date missing")
        elif c["date"] > a["published"]:
            err(f"{f}: call dated after publication")
        for p in c["participants"]:
            if p.split()[-1].lower() not in raw.lower() and p.split()[-1].lower().rstrip("y") not in raw.lower():
                err(f"{f}: participant {p} not named in the article")
        key = (frozenset(x.split()[-1] for x in c["participants"]), c["date"])
        calls.setdefault(key, []).append(f)
    for left, rights in a["pairs"]:
        lp = {p for p, ss in a["accounts"].items() if left in ss}
        rp = {p for r in rights for p, ss in a["accounts"].items() if r in ss}
        if not lp or not rp or lp == rp:
            err(f"{f}: pair does not join two parties' statements: {left[:50]!r}")

shared = {k: v for k, v in calls.items() if len(v) > 1}
print(f"{len(gold['articles'])} articles, {sum(len(v) for v in calls.values())} with a call, "
      f"{len(calls)} distinct calls, shared: {[v for v in shared.values()]}")
for w in warnings: print("warning:", w)
for e in errors: print("ERROR:", e)
print("OK" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)
