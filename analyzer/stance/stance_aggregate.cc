#include "analyzer/stance/stance_aggregate.h"

#include <algorithm>
#include <cmath>

namespace framelens {

Stance mention_stance(const ScoredMention& m) {
  Stance st;
  st.present = true;
  st.score = std::clamp(m.pred.score(), -1.0, 1.0);
  st.label = stance_label(m.pred.label());
  st.confidence = std::clamp(1.0 - m.pred.p[kStanceNeutral], 0.0, 1.0);
  if (!m.evidence.empty()) {
    st.evidence.push_back(m.evidence);
    st.evidence_why.push_back("the context word that moved this mention most");
  }
  return st;
}

Stance aggregate_stance(const std::vector<ScoredMention>& mentions, const AggregateOptions& opt) {
  Stance st;
  if (mentions.empty()) return st;
  st.present = true;
  double num = 0.0, den = 0.0;
  for (const auto& m : mentions) {
    const double c = std::max(0.0, 1.0 - m.pred.p[kStanceNeutral]);
    num += m.weight * c * m.pred.score();
    den += m.weight * c;
  }
  st.score = std::clamp(num / (den + opt.prior), -1.0, 1.0);
  st.confidence = den / (den + opt.prior);
  st.label = st.score >= opt.label_threshold ? "positive" : st.score <= -opt.label_threshold ? "negative" : "neutral";
  if (st.label == "neutral") return st;
  const double sign = st.score > 0 ? 1.0 : -1.0;
  std::vector<std::pair<double, const ScoredMention*>> ev;
  for (const auto& m : mentions) {
    const double contrib = sign * m.weight * (1.0 - m.pred.p[kStanceNeutral]) * m.pred.score();
    if (contrib > 0 && !m.evidence.empty()) ev.push_back({contrib, &m});
  }
  std::stable_sort(ev.begin(), ev.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [c, m] : ev) {
    if (st.evidence.size() >= opt.max_evidence) break;
    if (std::find(st.evidence.begin(), st.evidence.end(), m->evidence) != st.evidence.end()) continue;
    st.evidence.push_back(m->evidence);
    st.evidence_why.push_back(m->why.empty() ? std::string("context of a mention") : m->why);
  }
  return st;
}

}  // namespace framelens
