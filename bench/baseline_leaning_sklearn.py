#!/usr/bin/env python3
"""Reference baseline for the leaning model card: scikit-learn TF-IDF (1-2 grams) + logistic
regression on the raw AllSides text, evaluated exactly like `framelens train leaning` evaluates its
own model: 5-fold outlet-grouped CV on train (folds by outlet, fold = stable hash of the outlet name
mod 5, the same assignment the C++ trainer uses) and the media-split dev. Prints macro-F1.

  /usr/bin/python3 bench/baseline_leaning_sklearn.py [--data DIR] [--C 4]
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


def fit_predict(train_texts, train_y, test_texts, C):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=500000, dtype=np.float32)
    xtr = vec.fit_transform(train_texts)
    clf = LogisticRegression(C=C, max_iter=1000, solver="saga" if False else "lbfgs")
    clf.fit(xtr, train_y)
    return clf.predict(vec.transform(test_texts))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/corpora/allsides_article_bias")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    t0 = time.time()
    train = read(os.path.join(a.data, "train.jsonl.gz"))
    dev = read(os.path.join(a.data, "dev.jsonl.gz"))
    texts = [r["text"] for r in train]
    y = np.array([LABELS.index(r["bias"]) for r in train])
    folds = np.array([outlet_fold(r["outlet"], a.folds) for r in train])
    pred = np.zeros_like(y)
    for k in range(a.folds):
        tr, te = np.where(folds != k)[0], np.where(folds == k)[0]
        pred[te] = fit_predict([texts[i] for i in tr], y[tr], [texts[i] for i in te], a.C)
        f = f1_score(y[te], pred[te], average="macro", labels=[0, 1, 2])
        print(f"fold {k}: n={len(te)} macro-F1={f:.3f}  ({time.time() - t0:.0f}s)", flush=True)
    cv = f1_score(y, pred, average="macro", labels=[0, 1, 2])
    dy = np.array([LABELS.index(r["bias"]) for r in dev])
    dp = fit_predict(texts, y, [r["text"] for r in dev], a.C)
    df = f1_score(dy, dp, average="macro", labels=[0, 1, 2])
    print(f"sklearn TF-IDF(1-2)+LR C={a.C}: outlet-grouped CV macro-F1={cv:.3f} (acc={np.mean(pred == y):.3f}); "
          f"dev macro-F1={df:.3f} (acc={np.mean(dp == dy):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
