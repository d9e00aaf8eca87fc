#pragma once
// Scores every mention of one actor with the stance model and pools them into Actor::stance;
// optionally feeds the same mention features to the role model's workspace. Shared by the stage
// and by `framelens train roles`, so training sees exactly what inference computes.
#include <vector>

#include "analyzer/stance/role_model.h"
#include "analyzer/stance/stance_aggregate.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

Stance score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                   std::vector<ScoredMention>& scored, const RoleModel* roles = nullptr,
                   RoleWorkspace* rws = nullptr);

}  // namespace framelens
