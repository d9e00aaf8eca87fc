#pragma once
// Scores every mention of one actor with the stance model and pools them into Actor::stance;
// optionally feeds the same mention features to the role model's workspace. Shared by the stage
// and by `framelens train roles`, so training sees exactly what inference computes.
#include <vector>

#include "analyzer/stance/role_model.h"
#include "analyzer/stance/stance_aggregate.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

// The actor's two stances: `own` from its body mentions outside quoted and reported speech (the
// outlet's voice), `quoted` from its mentions inside quotes (what the sources say about it).
struct ActorStances {
  Stance own, quoted;
};

// The document's quote contents sorted by start (computed once per document by the caller).
std::vector<Span> quote_contents(const Document& doc);

ActorStances score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                         std::vector<ScoredMention>& scored, const RoleModel* roles = nullptr,
                         RoleWorkspace* rws = nullptr, const std::vector<Span>* contents = nullptr,
                         const AggregateOptions& opt = {});

}  // namespace framelens
