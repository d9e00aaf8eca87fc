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

}  // namespace framelens::terms
