#include "analyzer/cli/gold_run.h"

namespace framelens {

Result<GoldRun> analyze_gold_set(const ParsedArgs& a, const CliContext& ctx) {
  auto gold = load_gold_set(a.get("gold"), a.get("corpora", "../shared/corpora"), a.get("set", "tune"));
  if (!gold) return gold.error();
  auto pipeline = pipeline_from(a, ctx);
  if (!pipeline) return pipeline.error();
  GoldRun run;
  run.docs.reserve(gold->size());
  for (const GoldArticle& g : *gold) {
    auto doc = pipeline->analyze(g.record);
    if (!doc) return doc.error();
    run.docs.push_back(std::move(*doc));
  }
  run.gold = std::move(*gold);
  return run;
}

}  // namespace framelens
