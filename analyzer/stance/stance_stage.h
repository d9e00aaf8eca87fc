#pragma once
// The "stance" stage (last in the pipeline): stance per actor (Actor::stance), narrative role per
// actor (Actor::role, role_score) when the role model is present, and the targets API
// (doc.target_requests -> doc.targets, in input order).
#include <memory>

#include "analyzer/core/stage.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

class RoleModel;

class StanceStage : public Stage {
 public:
  StanceStage(std::shared_ptr<const StanceModel> stance, std::shared_ptr<const RoleModel> roles);
  std::string_view name() const override { return "stance"; }
  void annotate(Document& doc) const override;

 private:
  std::shared_ptr<const StanceModel> stance_;
  std::shared_ptr<const RoleModel> roles_;  // may be null: roles stay "none"
};

// The model files (kStanceModelFile, kRoleModelFile) are named in stance_model.h and role_model.h.

// nullptr when the stance model is absent (layer skipped), an Error when a file is corrupt or
// missing under require_models.
Result<StagePtr> make_stance_stage(const PipelineOptions& options);

}  // namespace framelens
