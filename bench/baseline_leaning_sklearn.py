#!/usr/bin/env python3
"""Reference baseline for the leaning model card: scikit-learn TF-IDF (1-2 grams) + logistic
regression on the raw AllSides text (no boilerplate stripping), evaluated exactly like
`framelens train leaning` evaluates its own model: outlet-grouped CV on train (folds by outlet,
fold = FNV-1a 32 of the outlet name mod 5, the same assignment the C++ trainer uses) and the
media-split dev. Prints macro-F1 per fold, pooled over the folds, and on dev.

Setup (the card quotes it): TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
max_features=200000) fitted ONCE on all of train -- vocabulary and idf are unsupervised, the same
protocol as the C++ idf (`train vectors` fits it on all of train) -- then per fold
LogisticRegression(solver="liblinear", C) one-vs-rest, optionally class_weight="balanced". The first
version (lbfgs multinomial, 500k features, vectorizer refitted per fold) needed 97 minutes for one
fold on the shared machine; this one vectorizes once and fits in about a minute per fold.

  /usr/bin/python3 bench/baseline_leaning_sklearn.py [--data DIR] [--C 4] [--balanced] [--run-folds N]
"""
import argparse, gzip, json, os, sys, time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

LABELS = ["left", "center", "right"]


def fnv1a32(s):
    h = 2166136261
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def outlet_fold(outlet, k=5):
    return fnv1a32(outlet) % k


def read(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def fit_predict(xtr, ytr, xte, C, balanced):
    clf = LogisticRegression(C=C, solver="liblinear", class_weight="balanced" if balanced else None)
    clf.fit(xtr, ytr)
    return clf.predict(xte)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/corpora/allsides_article_bias")
    ap.add_argument("--C", type=float, nargs="+", default=[4.0])
    ap.add_argument("--balanced", action="store_true")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--run-folds", type=int, default=0, help="evaluate only the first N folds (0 = all)")
    ap.add_argument("--max-features", type=int, default=200000)
    ap.add_argument("--no-dev", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    train = read(os.path.join(a.data, "train.jsonl.gz"))
    dev = read(os.path.join(a.data, "dev.jsonl.gz"))
    y = np.array([LABELS.index(r["bias"]) for r in train])
    folds = np.array([outlet_fold(r["outlet"], a.folds) for r in train])
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=a.max_features,
                          dtype=np.float32)
    x = vec.fit_transform([r["text"] for r in train])
    xd = vec.transform([r["text"] for r in dev])
    dy = np.array([LABELS.index(r["bias"]) for r in dev])
    print(f"vectorized {x.shape[0]} x {x.shape[1]} ({time.time() - t0:.0f}s)", flush=True)
    run = a.run_folds if a.run_folds > 0 else a.folds
    for C in a.C:
        pred = np.full_like(y, -1)
        per_fold = []
        for k in range(run):
            tr, te = np.where(folds != k)[0], np.where(folds == k)[0]
            pred[te] = fit_predict(x[tr], y[tr], x[te], C, a.balanced)
            per_fold.append(f1_score(y[te], pred[te], average="macro", labels=[0, 1, 2]))
            print(f"C={C} fold {k}: n={len(te)} macro-F1={per_fold[-1]:.3f}  ({time.time() - t0:.0f}s)", flush=True)
        seen = pred >= 0
        cv = f1_score(y[seen], pred[seen], average="macro", labels=[0, 1, 2])
        line = (f"sklearn TF-IDF(1-2, min_df 2, sublinear, {a.max_features} max features) + LR liblinear OvR C={C}"
                f"{' balanced' if a.balanced else ''}: outlet-grouped CV ({run} of {a.folds} folds) macro-F1={cv:.3f} "
                f"(acc={np.mean(pred[seen] == y[seen]):.3f}) per fold: {' '.join(f'{f:.3f}' for f in per_fold)}")
        if not a.no_dev:
            dp = fit_predict(x, y, xd, C, a.balanced)
            line += (f"; dev macro-F1={f1_score(dy, dp, average='macro', labels=[0, 1, 2]):.3f} "
                     f"(acc={np.mean(dp == dy):.3f})")
        print(line + f"  ({time.time() - t0:.0f}s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
