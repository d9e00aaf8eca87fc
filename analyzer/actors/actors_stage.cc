#include "analyzer/actors/actors_stage.h"

#include "analyzer/actors/actor_linker.h"

namespace framelens {

void ActorsStage::annotate(Document& doc) const { doc.actors = link_actors(doc, *gaz_); }

Result<StagePtr> make_actors_stage(const PipelineOptions& options) {
  const std::string dir = options.models_dir + "/gazetteer";
  if (!Gazetteer::present(dir)) {
    if (options.require_models) return model_error("actors: gazetteer not found in " + dir);
    return StagePtr{};
  }
  auto gaz = Gazetteer::load_dir(dir);
  if (!gaz) return gaz.error();
  return StagePtr(std::make_shared<ActorsStage>(std::make_shared<const Gazetteer>(std::move(*gaz))));
}

}  // namespace framelens
