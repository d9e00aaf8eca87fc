#include "analyzer/stance/stance_actor.h"

#include <algorithm>

namespace framelens {

Stance score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                   std::vector<ScoredMention>& scored, const RoleModel* roles, RoleWorkspace* rws) {
  scored.clear();
  if (roles && rws) roles->begin(*rws);
  for (const Mention& mention : actor.mentions) {
    MentionTokens mt;
    if (!locate_mention(doc, mention.span, mt)) continue;
    ScoredMention sm;
    sm.pred = stance.predict(doc, mt, ws, /*evidence=*/false);
    sm.span = mention.span;
    sm.weight = mention.pronoun ? 0.5 : 1.0;
    scored.push_back(sm);
    if (roles && rws) roles->add_mention(doc, mt, ws.x, *rws);
  }
  Stance st = aggregate_stance(scored);
  if (!st.present || st.label == "neutral") return st;
  // Evidence only for the mentions that pushed hardest toward the verdict.
  const double sign = st.score > 0 ? 1.0 : -1.0;
  std::vector<std::pair<double, size_t>> order;
  for (size_t i = 0; i < scored.size(); ++i) {
    const double c = sign * scored[i].weight * (1.0 - scored[i].pred.p[kStanceNeutral]) * scored[i].pred.score();
    if (c > 0) order.push_back({c, i});
  }
  std::partial_sort(order.begin(), order.begin() + std::min<size_t>(order.size(), 3), order.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t r = 0; r < order.size() && r < 3; ++r) {
    ScoredMention& sm = scored[order[r].second];
    MentionTokens mt;
    if (!locate_mention(doc, sm.span, mt)) continue;
    const int32_t et = stance.evidence_token(doc, mt, sm.pred, ws);
    if (et >= 0 && et < static_cast<int32_t>(doc.tokens.size())) sm.evidence = doc.tokens[et].span;
  }
  return aggregate_stance(scored);
}

}  // namespace framelens
