#include "analyzer/actors/actors_stage.h"

#include <fstream>

#include "analyzer/actors/actor_linker.h"
#include "analyzer/actors/entity_key.h"

namespace framelens {

void ActorsStage::annotate(Document& doc) const {
  doc.actors = link_actors(doc, *gaz_);
  for (Actor& a : doc.actors) assign_entity(a, entities_.get());
}

Result<StagePtr> make_actors_stage(const PipelineOptions& options) {
  const std::string dir = options.models_dir + "/gazetteer";
  if (!Gazetteer::present(dir)) {
    if (options.require_models) return model_error("actors: gazetteer not found in " + dir);
    return StagePtr{};
  }
  auto gaz = Gazetteer::load_dir(dir);
  if (!gaz) return gaz.error();
  std::shared_ptr<const EntityTable> entities;
  if (std::ifstream(dir + "/entities.tsv")) {
    auto t = EntityTable::load(dir + "/entities.tsv");
    if (!t) return t.error();
    entities = std::make_shared<const EntityTable>(std::move(*t));
  }
  return StagePtr(std::make_shared<ActorsStage>(std::make_shared<const Gazetteer>(std::move(*gaz)), std::move(entities)));
}

}  // namespace framelens
