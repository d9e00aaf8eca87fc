#include "analyzer/core/stage_registry.h"

#include "analyzer/actors/actors_stage.h"
#include "analyzer/core/pipeline.h"
#include "analyzer/terms/loaded_stage.h"
#include "analyzer/quotes/quote_stage.h"
#include "analyzer/models/article_models_stage.h"
#include "analyzer/models/stance_stage.h"

namespace framelens {

// Order matters: quotes link speakers to actors; terms need quotes for in_quote; the models stage
// reads terms, quotes and actors.
const std::vector<StageFactory>& stage_factories() {
  static const std::vector<StageFactory> factories = {
      {"actors", make_actors_stage},
      {"quotes", make_quote_stage},
      {"terms", terms::make_terms_stage},
      {"article_models", make_article_models_stage},
      {"stance", make_stance_stage},
  };
  return factories;
}

}  // namespace framelens
