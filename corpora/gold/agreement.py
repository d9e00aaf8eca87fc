#!/usr/bin/env python3
"""Inter-annotator agreement on the four doubly annotated gold articles (agreement/*.json):
zone accuracy per line, actor F1 (a match when two actors share a normalised form), main-actor
agreement, quote F1 (content spans overlapping by >= 0.5 of the longer), loaded-term F1 (any
overlap) and attitude agreement on actors both marked main."""
import collections, glob, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    s = re.sub(r"\s+", " ", s.replace("\u2019", "'").lower()).strip()
    s = re.sub(r"^the ", "", s)
    return re.sub(r"'s$", "", s)


def forms(a):
    return {norm(x) for x in a.get("forms", []) + [a["name"]]}


def f1(m, n1, n2):
    p = m / n1 if n1 else 0
    r = m / n2 if n2 else 0
    return 2 * p * r / (p + r) if p + r else 0


def overlap(a, b, share):
    o = min(a["end"], b["end"]) - max(a["start"], b["start"])
    longer = max(a["end"] - a["start"], b["end"] - b["start"], 1)
    return o > 0 and o >= share * longer


def match_count(xs, ys, ok):
    used, m = set(), 0
    for x in xs:
        for j, y in enumerate(ys):
            if j not in used and ok(x, y):
                used.add(j)
                m += 1
                break
    return m


by_id = collections.defaultdict(list)
for p in sorted(glob.glob(os.path.join(HERE, "agreement", "*.json"))):
    a = json.load(open(p))
    by_id[a["id"]].append(a)
tot = collections.Counter()
for rid, (a, b) in sorted(by_id.items()):
    za = {z["line"]: z["zone"] for z in a["zones"]}
    zb = {z["line"]: z["zone"] for z in b["zones"]}
    tot["lines"] += len(za)
    tot["zone_same"] += sum(za[k] == zb.get(k) for k in za)
    ma = match_count(a["actors"], b["actors"], lambda x, y: bool(forms(x) & forms(y)))
    tot["act_m"] += ma; tot["act_a"] += len(a["actors"]); tot["act_b"] += len(b["actors"])
    mains_a = [x for x in a["actors"] if x.get("main")]
    mains_b = [x for x in b["actors"] if x.get("main")]
    tot["main_m"] += match_count(mains_a, mains_b, lambda x, y: bool(forms(x) & forms(y)))
    tot["main_a"] += len(mains_a); tot["main_b"] += len(mains_b)
    qm = match_count(a["quotes"], b["quotes"], lambda x, y: overlap(x, y, 0.5))
    tot["q_m"] += qm; tot["q_a"] += len(a["quotes"]); tot["q_b"] += len(b["quotes"])
    lm = match_count(a["loaded"], b["loaded"], lambda x, y: overlap(x, y, 0.0))
    tot["l_m"] += lm; tot["l_a"] += len(a["loaded"]); tot["l_b"] += len(b["loaded"])
    att_a = {norm(x["actor"]): x["label"] for x in a.get("attitude", [])}
    for x in b.get("attitude", []):
        for y in a["actors"]:
            if norm(x["actor"]) in forms(y) and norm(y["name"]) in att_a:
                tot["att_n"] += 1
                tot["att_same"] += att_a[norm(y["name"])] == x["label"]
print(f"articles: {len(by_id)}  annotators per article: 2")
print(f"zones: {tot['zone_same']}/{tot['lines']} lines agree ({tot['zone_same']/tot['lines']:.3f})")
print(f"actors: F1 {f1(tot['act_m'], tot['act_a'], tot['act_b']):.3f} ({tot['act_m']} matched of {tot['act_a']} / {tot['act_b']})")
print(f"main actors: F1 {f1(tot['main_m'], tot['main_a'], tot['main_b']):.3f} ({tot['main_m']} of {tot['main_a']} / {tot['main_b']})")
print(f"quotes (overlap >= 0.5): F1 {f1(tot['q_m'], tot['q_a'], tot['q_b']):.3f} ({tot['q_m']} of {tot['q_a']} / {tot['q_b']})")
print(f"loaded terms (any overlap): F1 {f1(tot['l_m'], tot['l_a'], tot['l_b']):.3f} ({tot['l_m']} of {tot['l_a']} / {tot['l_b']})")
if tot["att_n"]:
    print(f"attitude on actors both listed: {tot['att_same']}/{tot['att_n']} agree")

# The attitude extension (articles_attitude.txt): main actors and attitude only.
ext = collections.defaultdict(list)
for p in sorted(glob.glob(os.path.join(HERE, "agreement_attitude", "*.json"))):
    a = json.load(open(p))
    ext[a["id"]].append(a)
if ext:
    t = collections.Counter()
    for rid, (a, b) in sorted(ext.items()):
        mains_a = [x for x in a["actors"] if x.get("main")]
        mains_b = [x for x in b["actors"] if x.get("main")]
        t["m"] += match_count(mains_a, mains_b, lambda x, y: bool(forms(x) & forms(y)))
        t["a"] += len(mains_a); t["b"] += len(mains_b)
        lab_a = {x["actor"]: x["label"] for x in a.get("attitude", [])}
        for y in b.get("attitude", []):
            yb = next((x for x in b["actors"] if x["name"] == y["actor"]), None)
            xa = next((x for x in mains_a if yb and forms(x) & forms(yb)), None)
            if xa and xa["name"] in lab_a:
                t["n"] += 1
                t["same"] += lab_a[xa["name"]] == y["label"]
    print(f"attitude extension: {len(ext)} articles; main actors F1 {f1(t['m'], t['a'], t['b']):.3f} "
          f"({t['m']} of {t['a']} / {t['b']}); attitude on main actors both listed: {t['same']}/{t['n']} agree")
