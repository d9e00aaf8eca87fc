#!/usr/bin/env python3
"""Picks the gold-set articles (ids only) from ../shared/corpora/allsides_article_bias.

Deterministic: 14 train outlets x 3 articles + 6 dev outlets x 1, 1,200-5,500 code points, at
least one article per outlet with a caption/boilerplate cue where the outlet has one. Every fourth
pick goes to the `final` part (kept for final checks only), the rest to `tune`.
Writes corpora/gold/articles.txt: one line per article "set<TAB>split<TAB>id<TAB>outlet".

`select.py attitude` picks the attitude extension (session 8, issue 21): the next 2 articles per
train outlet by the same key, none of them in articles.txt, every other pick `final`; written to
articles_attitude.txt in the same format. Those articles are annotated for main actors and the
author's attitude only (GUIDE.md, "Attitude extension").
"""
import gzip, hashlib, json, os, re, sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("FRAMELENS_SHARED",
                        os.path.join(ROOT, "..", "..", "..", "shared", "corpora"))
TRAIN_OUTLETS = ["Washington Times", "Politico", "CNN (Web News)", "Fox Online News",
                 "NPR Online News", "USA TODAY", "Vox", "The Hill", "Christian Science Monitor",
                 "Townhall", "National Review", "Daily Beast", "TheBlaze.com", "New York Post"]
DEV_OUTLETS = ["New York Times - News", "Bloomberg", "CNBC", "Axios", "Washington Free Beacon",
               "The Epoch Times"]
CUE = re.compile(r"(Photo|Getty|FILE|Follow|Read more|RELATED|©|Sign up|newsletter|Image)")


def key(rid):
    return hashlib.sha256(("gold:" + rid).encode()).hexdigest()


def pick(path, outlets, per_outlet):
    by = {o: [] for o in outlets}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["outlet"] in by and 1200 <= len(r["text"]) <= 5500:
                by[r["outlet"]].append(r)
    out = []
    for o in outlets:
        rs = sorted(by[o], key=lambda r: key(r["id"]))
        cued = [r for r in rs if CUE.search(r["text"])]
        chosen = cued[:1] + [r for r in rs if r not in cued[:1]][:per_outlet - len(cued[:1])]
        out += [(r["id"], o) for r in chosen[:per_outlet]]
    return out


def attitude():
    base = os.path.join(SHARED, "allsides_article_bias")
    taken = {line.split("\t")[2] for line in open(os.path.join(ROOT, "articles.txt"))}
    by = {o: [] for o in TRAIN_OUTLETS}
    with gzip.open(os.path.join(base, "train.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["outlet"] in by and 1200 <= len(r["text"]) <= 5500 and r["id"] not in taken:
                by[r["outlet"]].append(r["id"])
    rows = []
    for o in TRAIN_OUTLETS:
        rows += [("train", rid, o) for rid in sorted(by[o], key=key)[:2]]
    with open(os.path.join(ROOT, "articles_attitude.txt"), "w") as f:
        for i, (split, rid, outlet) in enumerate(rows):
            f.write(f"{'final' if i % 2 == 1 else 'tune'}\t{split}\t{rid}\t{outlet}\n")
    print(len(rows), "articles", file=sys.stderr)


def main():
    if sys.argv[1:] == ["attitude"]:
        return attitude()
    base = os.path.join(SHARED, "allsides_article_bias")
    rows = [("train",) + p for p in pick(os.path.join(base, "train.jsonl.gz"), TRAIN_OUTLETS, 3)]
    rows += [("dev",) + p for p in pick(os.path.join(base, "dev.jsonl.gz"), DEV_OUTLETS, 1)]
    with open(os.path.join(ROOT, "articles.txt"), "w") as f:
        for i, (split, rid, outlet) in enumerate(rows):
            f.write(f"{'final' if i % 4 == 3 else 'tune'}\t{split}\t{rid}\t{outlet}\n")
    print(len(rows), "articles", file=sys.stderr)


if __name__ == "__main__":
    main()
