#include "analyzer/cli/gold_run.h"

namespace framelens {

Result<GoldRun> analyze_gold_set(const ParsedArgs& a, const CliContext& ctx) {
  // --gold A,B: several gold files read as one set (the attitude extension beside gold.jsonl).
  std::vector<GoldArticle> all;
  const std::string list = a.get("gold");
  for (size_t from = 0; from <= list.size();) {
    size_t comma = list.find(',', from);
    if (comma == std::string::npos) comma = list.size();
    const std::string path = list.substr(from, comma - from);
    from = comma + 1;
    if (path.empty()) continue;
    auto part = load_gold_set(path, a.get("corpora", "../shared/corpora"), a.get("set", "tune"));
    if (!part) return part.error();
    for (auto& g : *part) all.push_back(std::move(g));
  }
  auto gold = Result<std::vector<GoldArticle>>(std::move(all));
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
