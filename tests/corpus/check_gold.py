#!/usr/bin/env python3
"""Check gold.json against the article files in this folder.

usage: python3 check_gold.py [gold.json]
Exits 1 on any problem. Checks that the JSON parses and has the seed format,
that every gold string (title, keep, drop, at_most_once, accounts, optional,
pairs) is an exact substring of its file, and that each article is plausible:
size 2-6 KB, a call's parties match its account keys, call dates are not after
publication, no-call articles have no accounts, pairs use account sentences,
drop snippets do not occur inside text that must be kept.
"""
import datetime, json, os, re, sys

def main():
    gpath = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json")
    base = os.path.dirname(os.path.abspath(gpath))
    gold = json.load(open(gpath, encoding="utf-8"))
    errs = []
    def err(f, m): errs.append(f"{f}: {m}")
    if gold.get("format") != "parallax-gold/1":
        err("gold", "format is not parallax-gold/1")
    keys = ["file", "title", "source", "url", "published", "keep", "drop", "at_most_once",
            "call", "accounts", "optional", "notes", "pairs"]
    files = set()
    calls = {}
    for a in gold["articles"]:
        f = a.get("file", "?")
        for k in keys:
            if k not in a: err(f, f"missing key {k}")
        if f in files: err(f, "listed twice")
        files.add(f)
        if not re.fullmatch(r"\d{3}_[a-z0-9-]+\.txt", f): err(f, "file name is not NNN_<slug>.txt")
        p = os.path.join(base, f)
        if not os.path.exists(p):
            err(f, "file missing"); continue
        raw = open(p, "rb").read()
        if not 2000 <= len(raw) <= 6200: err(f, f"size {len(raw)} bytes outside 2-6 KB")
        text = raw.decode("utf-8")
        def need(s, what):
            if not isinstance(s, str) or not s.strip(): err(f, f"empty {what}")
            elif s not in text: err(f, f"{what} not in file: {s[:80]!r}")
        need(a["title"], "title")
        for k in ("keep", "drop", "at_most_once", "optional"):
            for s in a[k]: need(s, k)
        if not 3 <= len(a["keep"]) <= 5: err(f, f"{len(a['keep'])} keep snippets (want 3-5)")
        if not 5 <= len(a["drop"]) <= 15: err(f, f"{len(a['drop'])} drop snippets (want 5-15)")
        try:
            pub = datetime.date.fromisoformat(a["published"])
        except Exception:
            err(f, f"bad published {a.get('published')!r}"); pub = None
        acc = a["accounts"]
        sentences = []
        for party, ss in acc.items():
            for s in ss:
                need(s, f"account[{party}]")
                sentences.append(s)
                if s in a["optional"]: err(f, f"sentence both in accounts and optional: {s[:60]!r}")
            if len(ss) != len(set(ss)): err(f, f"duplicate sentence in {party}")
        c = a["call"]
        if c is None:
            if acc: err(f, "no call but accounts given")
            if a["pairs"]: err(f, "no call but pairs given")
        else:
            if len(c.get("participants", [])) != 2: err(f, "want two participants")
            if len(c.get("parties", [])) != 2: err(f, "want two parties")
            if set(c["parties"]) != set(acc.keys()): err(f, f"parties {c['parties']} != account keys {list(acc)}")
            if c.get("medium") not in ("phone", "video"): err(f, f"medium {c.get('medium')!r}")
            try:
                d = datetime.date.fromisoformat(c["date"])
                if pub and not (pub - datetime.timedelta(days=3) <= d <= pub):
                    err(f, f"call date {d} not within 3 days before publication {pub}")
            except Exception:
                err(f, f"bad call date {c.get('date')!r}")
            calls.setdefault((frozenset(c["participants"]), c["date"]), []).append(f)
        a["_sentences"] = sentences
        must_keep = a["keep"] + sentences
        for d_ in a["drop"]:
            for k_ in must_keep:
                if d_.lower() in k_.lower(): err(f, f"drop snippet {d_!r} occurs in kept text {k_[:50]!r}")
    groups = [v for v in calls.values() if len(v) > 1]
    # pairs: sentences of this article, or of another article about the same call
    byfile = {a["file"]: a for a in gold["articles"]}
    for a in gold["articles"]:
        f, c = a["file"], a["call"]
        if not c or "_sentences" not in a: continue
        pool = []
        for g in calls.get((frozenset(c["participants"]), c["date"]), []):
            pool += byfile[g].get("_sentences", [])
        for left, rights in a["pairs"]:
            if left not in a["_sentences"]: err(f, f"pair left not an account sentence of this article: {left[:60]!r}")
            for r in rights:
                if r not in pool: err(f, f"pair right not an account sentence of this call: {r[:60]!r}")
    print(f"{len(gold['articles'])} articles, {sum(1 for a in gold['articles'] if a['call'])} with a call, "
          f"{sum(len(ss) for a in gold['articles'] for ss in a['accounts'].values())} account sentences, "
          f"{sum(len(a['pairs']) for a in gold['articles'])} pairs; same-call groups: {groups}")
    for e in errs: print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} problem(s)")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
