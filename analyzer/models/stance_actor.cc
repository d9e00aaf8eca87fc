#include "analyzer/models/stance_actor.h"

namespace framelens {

Stance score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                   std::vector<ScoredMention>& scored, const RoleModel* roles, RoleWorkspace* rws) {
  scored.clear();
  if (roles && rws) RoleModel::begin(*rws);
  for (const Mention& mention : actor.mentions) {
    MentionTokens mt;
    if (!locate_mention(doc, mention.span, mt)) continue;
    ScoredMention sm;
    sm.pred = stance.predict(doc, mt, ws);
    sm.span = mention.span;
    const int32_t et = sm.pred.evidence_token;
    if (et >= 0 && et < static_cast<int32_t>(doc.tokens.size())) sm.evidence = doc.tokens[et].span;
    sm.weight = mention.pronoun ? 0.5 : 1.0;
    scored.push_back(sm);
    if (roles && rws) roles->add_mention(doc, mt, ws.x, *rws);
  }
  return aggregate_stance(scored);
}

}  // namespace framelens
