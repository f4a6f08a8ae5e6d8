#!/usr/bin/env python3
"""Check gold.json of this corpus: well-formed per parallax-gold/1, and every gold
string present verbatim (exact substring, byte for byte) in its article.

usage: check_gold.py [GOLD]      (default: gold.json next to this script)
Exit status 0 when every check passes, 1 otherwise. Warnings do not fail.
"""
import datetime, json, os, re, sys, unicodedata

ARTICLE_KEYS = {"file": str, "title": str, "source": (str, type(None)), "url": (str, type(None)),
                "keep": list, "drop": list, "at_most_once": list, "call": (dict, type(None)),
                "accounts": dict, "optional": list, "notes": str, "published": str, "pairs": list}
MEDIA = {"phone", "video", "call"}

def norm(s):  # the scorer's normalisation (eval/score.py)
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                                   "\u2013": "-", "\u2014": "-", "\u00a0": " "}))
    return re.sub(r"\s+", " ", s).strip().lower()

def surname(name):  # as the scorer compares participants
    return norm(name).split()[-1] if name else ""

def is_date(s):
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", s)) and datetime.date.fromisoformat(s) is not None
    except (TypeError, ValueError):
        return False

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "gold.json")
    base = os.path.dirname(os.path.abspath(path))
    errors, warnings = [], []
    global notes
    err = lambda where, msg: errors.append(f"{where}: {msg}")
    warn = lambda where, msg: warnings.append(f"{where}: {msg}")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print(f"FAIL: {path} is not valid JSON: {e}"); return 1
    if not isinstance(gold, dict):
        print("FAIL: top level is not an object"); return 1
    if gold.get("format") != "parallax-gold/1":
        err("top", f"format is {gold.get('format')!r}, want 'parallax-gold/1'")
    if not isinstance(gold.get("about"), str):
        err("top", "'about' missing or not a string")
    arts = gold.get("articles")
    if not isinstance(arts, list) or not arts:
        print("FAIL: 'articles' missing or empty"); return 1
    extra = set(gold) - {"format", "about", "articles"}
    if extra:
        warn("top", f"keys not in the sample format: {sorted(extra)}")

    texts, seen_files = {}, set()
    for a in arts:                              # pass 1: shape, files
        w = a.get("file", "?")
        for k, t in ARTICLE_KEYS.items():
            if k not in a:
                err(w, f"missing key {k!r}")
            elif not isinstance(a[k], t):
                err(w, f"key {k!r} has type {type(a[k]).__name__}")
        for k in set(a) - set(ARTICLE_KEYS):
            warn(w, f"key {k!r} is not in the sample format")
        if w in seen_files:
            err(w, "file listed twice")
        seen_files.add(w)
        fp = os.path.join(base, w)
        if not os.path.isfile(fp):
            err(w, "article file not found"); continue
        texts[w] = open(fp, encoding="utf-8").read()
    if errors:
        return report(errors, warnings, arts)

    calls = {a["file"]: a["call"] for a in arts}
    def accounts_of(f):
        return {s: p for a in arts if a["file"] == f for p, ss in a["accounts"].items() for s in ss}

    n_sent = 0
    for a in arts:                              # pass 2: content
        w, t = a["file"], texts[a["file"]]
        nt = norm(t)
        def verbatim(s, what):
            if not isinstance(s, str) or not s.strip():
                err(w, f"{what}: empty or not a string: {s!r}"); return False
            if s not in t:
                hint = " (matches only after whitespace/quote normalisation)" if norm(s) in nt else ""
                err(w, f"{what} not verbatim in article{hint}: {s[:80]!r}"); return False
            return True
        if not a["title"].strip():
            err(w, "empty title")
        elif norm(a["title"]) not in nt:
            err(w, f"title not found in article: {a['title']!r}")
        if not is_date(a["published"]):
            err(w, f"published is not YYYY-MM-DD: {a['published']!r}")
        for k in ("keep", "drop", "at_most_once"):
            for s in a[k]:
                verbatim(s, k)
        gold_texts = [s for ss in a["accounts"].values() for s in ss] + a["optional"] + a["keep"]
        for d in a["drop"]:
            for g in gold_texts:
                if norm(d) in norm(g):
                    err(w, f"drop string {d[:40]!r} occurs inside kept/gold text {g[:50]!r}")
            # the scorer checks drop strings against the whole cleaned body: they must occur only in furniture
        for s in a["at_most_once"]:
            if nt.count(norm(s)) < 2:
                warn(w, f"at_most_once string occurs fewer than twice in the raw file: {s[:50]!r}")
        c = a["call"]
        if c is None:
            if a["accounts"]:
                err(w, "call is null but accounts are given")
            if a["pairs"]:
                err(w, "call is null but pairs are given")
        else:
            for k in ("participants", "parties", "date", "medium"):
                if k not in c:
                    err(w, f"call lacks {k!r}")
            parts, parties = c.get("participants", []), c.get("parties", [])
            if not (isinstance(parts, list) and len(parts) >= 2 and all(isinstance(p, str) and p.strip() for p in parts)):
                err(w, "call.participants must list at least two names")
            if not (isinstance(parties, list) and parties and all(isinstance(p, str) and p.strip() for p in parties)):
                err(w, "call.parties must list party names")
            if len(set(parties)) != len(parties):
                err(w, "duplicate party")
            if c.get("date") is not None and not is_date(c.get("date")):
                err(w, f"call.date is not YYYY-MM-DD: {c.get('date')!r}")
            if c.get("medium") not in MEDIA:
                err(w, f"call.medium {c.get('medium')!r} not in {sorted(MEDIA)}")
            if is_date(c.get("date") or "") and is_date(a["published"]) and c["date"] > a["published"]:
                err(w, "call date after publication date")
            if set(a["accounts"]) != set(parties):
                err(w, f"accounts keys {sorted(a['accounts'])} differ from call.parties {sorted(parties)} (every party needs a key, [] if none)")
            for p in parts:
                if surname(p) not in nt:
                    err(w, f"participant surname {surname(p)!r} not in article")
            if len({surname(p) for p in parts}) != len(parts):
                err(w, "two participants share a surname: the scorer could not tell them apart")
        acc_set = set()
        for party, ss in a["accounts"].items():
            if not isinstance(ss, list):
                err(w, f"accounts[{party!r}] is not a list"); continue
            if len(set(ss)) != len(ss):
                err(w, f"duplicate sentence in accounts[{party!r}]")
            for s in ss:
                n_sent += 1
                if verbatim(s, f"accounts[{party}]"):
                    acc_set.add(s)
                    st = s.strip()
                    if not re.search(r"[.!?][\"'”’)]?[¹²³]?$", st):
                        warn(w, f"account sentence does not end like a sentence: {st[-30:]!r}")
        for s in a["optional"]:
            verbatim(s, "optional")
            if s in acc_set:
                err(w, f"sentence is both an account and optional: {s[:60]!r}")
        mine = accounts_of(w)
        parties_of = lambda f, x: {p for b in arts if b["file"] == f for p, ss in b["accounts"].items() if x in ss}
        for i, pr in enumerate(a["pairs"]):
            if not (isinstance(pr, list) and len(pr) == 2 and isinstance(pr[0], str)
                    and isinstance(pr[1], list) and pr[1] and all(isinstance(r, str) for r in pr[1])):
                err(w, f"pairs[{i}] is not [sentence, [sentences]]"); continue
            left, rights = pr
            if left not in mine:
                err(w, f"pairs[{i}] left is not one of this article's account sentences: {left[:60]!r}"); continue
            lparties = parties_of(w, left)
            lparty = next(iter(lparties))
            for r in rights:
                if r in mine:
                    if parties_of(w, r) <= lparties and len(lparties) == 1:
                        err(w, f"pairs[{i}] right is the same party ({lparty}) as the left: {r[:60]!r}")
                    continue
                # cross-article: the right-hand sentence must be an account in another article on the same call
                found = False
                for b in arts:
                    if b["file"] == w or not b["call"] or not c:
                        continue
                    same_call = ({surname(p) for p in b["call"]["participants"]} == {surname(p) for p in c["participants"]}
                                 and b["call"].get("date") == c.get("date"))
                    if same_call and any(r in ss and p != lparty for p, ss in b["accounts"].items()):
                        found = True
                        if r not in texts[b["file"]]:
                            err(w, f"pairs[{i}] cross-article right not verbatim in {b['file']}")
                if not found:
                    err(w, f"pairs[{i}] right is not an account sentence of another party here or in another article on the same call: {r[:60]!r}")
                else:
                    notes.append(f"{w}: pairs[{i}] is cross-article (found only if the articles are grouped into one call)")
    return report(errors, warnings, arts, n_sent)

notes = []

def report(errors, warnings, arts, n_sent=0):
    for m in notes:
        print("note:", m)
    for m in warnings:
        print("warning:", m)
    for m in errors:
        print("ERROR:", m)
    n_calls = sum(1 for a in arts if isinstance(a, dict) and a.get("call"))
    print(f"{len(arts)} articles, {n_calls} with a call, {n_sent} account sentences: "
          + ("OK" if not errors else f"{len(errors)} error(s)"))
    return 0 if not errors else 1

if __name__ == "__main__":
    sys.exit(main())
