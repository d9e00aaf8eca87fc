#pragma once
// The actors stage: people, countries (and their capitals/governments), organisations and groups,
// with aliases merged and pronouns resolved. Resources: models/gazetteer/*.tsv.
#include <memory>

#include "analyzer/actors/entity_table.h"
#include "analyzer/actors/gazetteer.h"
#include "analyzer/core/stage.h"

namespace framelens {

class ActorsStage : public Stage {
 public:
  explicit ActorsStage(std::shared_ptr<const Gazetteer> gaz, std::shared_ptr<const EntityTable> entities = nullptr)
      : gaz_(std::move(gaz)), entities_(std::move(entities)) {}
  std::string_view name() const override { return "actors"; }
  void annotate(Document& doc) const override;

 private:
  std::shared_ptr<const Gazetteer> gaz_;
  std::shared_ptr<const EntityTable> entities_;  // may be null: entities then stay per article
};

// The registry factory: nullptr when models_dir has no gazetteer (unless require_models).
Result<StagePtr> make_actors_stage(const PipelineOptions& options);

}  // namespace framelens
