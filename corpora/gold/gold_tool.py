#!/usr/bin/env python3
"""Gold-set helper: shows gold articles with line offsets, locates snippets, checks and exports
annotations. Corpus text never enters the repository: the exported gold file (gold.jsonl) holds
ids, offsets and labels only; `framelens eval ... --gold` reads the text from ../shared.

  gold_tool.py show ID                 numbered lines of the article's text with [start,end)
  gold_tool.py locate ID SNIPPET [N]   start end of the N-th (0-based) occurrence of SNIPPET
  gold_tool.py check FILE...           validates working annotation files (spans match their text)
  gold_tool.py export DIR OUT          working files of DIR -> OUT (gold.jsonl, no corpus text)
  gold_tool.py spans ID GOLDFILE       prints every gold span of one article with its text (review)
"""
import gzip, json, os, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FRAMELENS_SHARED",
                        os.path.join(ROOT, "..", "..", "..", "shared", "corpora"))
ZONES = {"headline", "standfirst", "byline", "dateline", "caption", "body", "boilerplate"}
TYPES = {"person", "organization", "country", "group"}
KINDS = {"direct", "mixed", "indirect"}
VOICES = {"own", "quoted", "paraphrased", "headline"}
QKINDS = {"direct", "partial", "scare"}
LABELS = {"negative", "neutral", "positive"}


def manifest():
    rows = {}
    for name, layers in (("articles.txt", None), ("articles_attitude.txt", ["actors", "attitude"])):
        path = os.path.join(ROOT, name)
        if not os.path.exists(path):
            continue
        for line in open(path):
            s, split, rid, outlet = line.rstrip("\n").split("\t")
            rows[rid] = {"set": s, "split": split, "outlet": outlet, "layers": layers}
    return rows


_cache = {}


def record(rid):
    m = manifest()[rid]
    if m["split"] not in _cache:
        p = os.path.join(SHARED, "allsides_article_bias", m["split"] + ".jsonl.gz")
        want = {k for k, v in manifest().items() if v["split"] == m["split"]}
        d = {}
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in want:
                    d[r["id"]] = r
        _cache[m["split"]] = d
    return _cache[m["split"]][rid]


def lines_of(text):
    """Non-blank lines of the text as (start, end) without surrounding whitespace."""
    out, pos = [], 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        pos += len(raw) + 1
    return out


def show(rid):
    r = record(rid)
    print(f"# {rid}  outlet={r['outlet']}  date={r.get('date')}\n# title: {r['title']}")
    for i, (s, e) in enumerate(lines_of(r["text"])):
        print(f"[{i}] {s}-{e}: {r['text'][s:e]}")


def locate(rid, snippet, n=0):
    t = record(rid)["text"]
    pos = -1
    for _ in range(n + 1):
        pos = t.find(snippet, pos + 1)
        if pos < 0:
            sys.exit(f"not found (occurrence {n}): {snippet!r}")
    print(pos, pos + len(snippet))


def spans_of(a):
    for key in ("quotes", "loaded", "attitude"):
        for x in a.get(key, []):
            yield key, x, "start", "end", "text"
            if key == "quotes" and "cue_start" in x:
                yield key, x, "cue_start", "cue_end", "cue"
            if key == "quotes" and "speaker_start" in x:
                yield key, x, "speaker_start", "speaker_end", "speaker_text"


def check(path):
    a = json.load(open(path))
    t = record(a["id"])["text"]
    errs = []
    nl = len(lines_of(t))
    zl = sorted(z["line"] for z in a.get("zones", []))
    attitude_only = manifest()[a["id"]]["layers"] is not None  # articles_attitude.txt: no zones
    if not attitude_only and zl != list(range(nl)):
        errs.append(f"zones must cover lines 0..{nl - 1} once each")
    for z in a.get("zones", []):
        if z["zone"] not in ZONES:
            errs.append(f"bad zone {z['zone']!r}")
    names = set()
    for x in a.get("actors", []):
        names.add(x["name"])
        if x.get("type") not in TYPES:
            errs.append(f"actor {x['name']}: bad type {x.get('type')!r}")
        if not x.get("forms"):
            errs.append(f"actor {x['name']}: no forms")
    for key, x, ks, ke, kt in spans_of(a):
        if ks not in x or ke not in x:
            errs.append(f"{key}: missing {ks}/{ke}: {x}")
            continue
        if kt in x and x[kt] is not None and t[x[ks]:x[ke]] != x[kt]:
            errs.append(f"{key}: span {x[ks]}-{x[ke]} is {t[x[ks]:x[ke]]!r}, not {x[kt]!r}")
    for q in a.get("quotes", []):
        if q.get("kind") not in KINDS:
            errs.append(f"quote: bad kind {q.get('kind')!r}")
        if q.get("speaker") is not None and q["speaker"] not in names:
            errs.append(f"quote: speaker {q['speaker']!r} is not an actor name")
    for x in a.get("loaded", []):
        if x.get("voice") not in VOICES:
            errs.append(f"loaded: bad voice {x.get('voice')!r}")
        if x.get("voice") == "quoted" and x.get("quote_kind") not in QKINDS:
            errs.append(f"loaded: quoted voice needs quote_kind in {sorted(QKINDS)}")
    for x in a.get("attitude", []):
        if x.get("actor") not in names:
            errs.append(f"attitude: {x.get('actor')!r} is not an actor name")
        if x.get("label") not in LABELS:
            errs.append(f"attitude: bad label {x.get('label')!r}")
    return errs


def export(d, out):
    m = manifest()
    rows = []
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".json"):
            continue
        a = json.load(open(os.path.join(d, fn)))
        errs = check(os.path.join(d, fn))
        if errs:
            sys.exit(f"{fn}: " + "; ".join(errs[:5]))
        t = record(a["id"])["text"]
        ls = lines_of(t)
        meta = m[a["id"]]
        row = {"id": a["id"], "corpus": "allsides_article_bias", "split": meta["split"],
               "set": meta["set"], "outlet": meta["outlet"], "annotator": a.get("annotator", ""),
               "zones": [{"start": ls[z["line"]][0], "end": ls[z["line"]][1], "zone": z["zone"]}
                         for z in sorted(a.get("zones", []), key=lambda z: z["line"])],
               "actors": [{k: x[k] for k in ("name", "type", "main", "forms", "gender") if k in x}
                          for x in a.get("actors", [])]}
        strip = lambda x: {k: v for k, v in x.items() if k not in ("text", "cue", "speaker_text", "note")}
        for key in ("quotes", "loaded", "attitude"):
            if key in a:
                row[key] = [strip(x) for x in a[key]]
        if meta["layers"]:
            row["layers"] = meta["layers"]
        rows.append(row)
    with open(out, "w") as f:
        for r in sorted(rows, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(len(rows), "articles ->", out, file=sys.stderr)


def review(rid, gold):
    t = record(rid)["text"]
    for line in open(gold):
        g = json.loads(line)
        if g["id"] != rid:
            continue
        for z in g["zones"]:
            print(f"zone {z['zone']:11s} {t[z['start']:z['end']][:90]!r}")
        for key in ("quotes", "loaded", "attitude"):
            for x in g.get(key, []):
                print(key, {k: v for k, v in x.items() if k not in ("start", "end")}, repr(t[x["start"]:x["end"]]))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "show":
        show(sys.argv[2])
    elif cmd == "locate":
        locate(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    elif cmd == "check":
        bad = 0
        for p in sys.argv[2:]:
            for e in check(p):
                print(f"{p}: {e}")
                bad += 1
        sys.exit(1 if bad else 0)
    elif cmd == "export":
        export(sys.argv[2], sys.argv[3])
    elif cmd == "spans":
        review(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
