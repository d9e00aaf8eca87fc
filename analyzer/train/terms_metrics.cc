#include "analyzer/train/terms_metrics.h"

#include "analyzer/train/metrics.h"

namespace framelens::terms {

double BinaryCounts::macro_f1() const { return (prf(tp, fp, fn).f1 + prf(tn, fn, fp).f1) / 2; }

void SpanCounts::add(const std::vector<Span>& gold_spans, const std::vector<Span>& pred_spans) {
  pred += static_cast<long>(pred_spans.size());
  gold += static_cast<long>(gold_spans.size());
  for (const auto& p : pred_spans) {
    for (const auto& g : gold_spans) {
      if (p.overlaps(g)) {
        ++pred_ok;
        break;
      }
    }
  }
  for (const auto& g : gold_spans) {
    for (const auto& p : pred_spans) {
      if (p.overlaps(g)) {
        ++gold_found;
        break;
      }
    }
  }
}

double best_threshold(const std::vector<double>& p, const std::vector<int>& y, double* best_f1) {
  double bt = 0.5, bf = -1;
  for (double t = 0.2; t <= 0.8001; t += 0.01) {
    BinaryCounts c;
    for (size_t i = 0; i < p.size(); ++i) c.add(y[i] == 1, p[i] >= t);
    const double f = c.macro_f1();
    if (f > bf + 1e-9) {
      bf = f;
      bt = t;
    }
  }
  if (best_f1) *best_f1 = bf;
  return bt;
}

}  // namespace framelens::terms
