#include "analyzer/train/terms_metrics.h"

namespace framelens::terms {

namespace {
double f1(int tp, int fp, int fn) {
  const double p = tp + fp ? double(tp) / (tp + fp) : 0.0;
  const double r = tp + fn ? double(tp) / (tp + fn) : 0.0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
}  // namespace

double BinaryCounts::macro_f1() const { return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2; }

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

}  // namespace framelens::terms
