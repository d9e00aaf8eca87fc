#!/usr/bin/env python3
"""Python peers for bench/run.sh, timed over the same texts as framelens (CPU time of the process, so per-core figures hold on a shared machine):
  (b) scikit-learn TF-IDF (1-2 grams) + logistic regression doing only leaning,
  (c) the Python fastText binding predicting with the same bare model as the C++ floor.

  /usr/bin/python3 bench/peers.py SAMPLE.jsonl TRAIN.jsonl[.gz] FASTTEXT.bin [--train-limit N]
Prints one JSON object. Fitting time is reported separately from prediction time.
"""
import argparse
import gzip
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def read(path, limit=None):
    op = gzip.open if path.endswith(".gz") else open
    out = []
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sample")
    ap.add_argument("train")
    ap.add_argument("fasttext_model")
    ap.add_argument("--train-limit", type=int, default=8000)
    a = ap.parse_args()
    sample = read(a.sample)
    texts = [r["text"] for r in sample]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    res = {"articles": len(texts), "megabytes": mb}

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    train = [r for r in read(a.train, a.train_limit) if r.get("bias")]
    t0 = time.process_time()
    pipe = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=500000),
                         LogisticRegression(max_iter=1000, C=4.0))
    pipe.fit([r["text"] for r in train], [r["bias"] for r in train])
    fit_s = time.process_time() - t0
    t0 = time.process_time()
    pipe.predict_proba(texts)
    s = time.process_time() - t0
    res["sklearn_tfidf_lr_leaning"] = {"fit_seconds": fit_s, "seconds": s, "articles_per_s": len(texts) / s,
                                       "mb_per_s": mb / s}

    import fasttext
    fasttext.FastText.eprint = lambda *args, **kw: None
    t0 = time.process_time()
    m = fasttext.load_model(a.fasttext_model)
    load_s = time.process_time() - t0
    flat = [t.replace("\n", " ") for t in texts]
    t0 = time.process_time()
    for t in flat:
        m.predict(t)
    s = time.process_time() - t0
    res["python_fasttext"] = {"load_seconds": load_s, "seconds": s, "articles_per_s": len(texts) / s,
                              "mb_per_s": mb / s}
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    sys.exit(main())
