#include "analyzer/pipeline/stage_registry.h"

#include "analyzer/actors/actors_stage.h"
#include "analyzer/article/article_stage.h"
#include "analyzer/pipeline/pipeline.h"
#include "analyzer/quotes/quotes_stage.h"
#include "analyzer/stance/stance_stage.h"
#include "analyzer/terms/terms_stage.h"

namespace framelens {

// Order matters: quotes link speakers to actors; terms need quotes for in_quote; the article and
// stance stages read terms, quotes and actors. The article stage keeps its run-time name
// "article_models" (it appears in the "layer skipped" notes and the bench output).
const std::vector<StageFactory>& stage_factories() {
  static const std::vector<StageFactory> factories = {
      {"actors", make_actors_stage},
      {"quotes", make_quotes_stage},
      {"terms", terms::make_terms_stage},
      {"article_models", make_article_stage},
      {"stance", make_stance_stage},
  };
  return factories;
}

Result<std::vector<StagePtr>> stages_before(std::string_view name, const PipelineOptions& options) {
  std::vector<StagePtr> out;
  for (const auto& f : stage_factories()) {
    if (f.name == name) break;
    auto made = f.make(options);
    if (!made) return made.error();
    if (*made) out.push_back(*made);
  }
  return out;
}

}  // namespace framelens
