#pragma once
// Metrics of `framelens eval loaded`, defined exactly as the shared scorer (devscore.py babe):
// a record is biased when ANY of its sentences is; macro-F1 over {biased, non-biased}. Spans:
// a predicted term is correct when it overlaps a gold span, a gold span is found when a predicted
// term overlaps it.
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/train/metrics.h"

namespace framelens::terms {

struct BinaryCounts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool gold, bool pred) { (gold ? (pred ? tp : fn) : (pred ? fp : tn))++; }
  double macro_f1() const;
};

struct SpanCounts {
  long pred = 0, pred_ok = 0, gold = 0, gold_found = 0;
  void add(const std::vector<Span>& gold_spans, const std::vector<Span>& pred_spans);
  double precision() const { return pred ? double(pred_ok) / pred : 0.0; }
  double recall() const { return gold ? double(gold_found) / gold : 0.0; }
  double f1() const { return f1_score(precision(), recall()); }
};

// The decision threshold in [0.2, 0.8] (steps of 0.01) with the best macro-F1 of `p` against the 0/1
// labels `y`; that F1 goes to `best_f1` when given.
double best_threshold(const std::vector<double>& p, const std::vector<int>& y, double* best_f1);

}  // namespace framelens::terms
