#pragma once
// The gold set named by --gold / --set / --corpora, each article analysed by the pipeline that
// --models (and the other pipeline options) give: what every `eval ... --gold` task starts from.
#include <vector>

#include "analyzer/cli/args.h"
#include "analyzer/cli/common.h"
#include "analyzer/train/gold_set.h"

namespace framelens {

struct GoldRun {
  std::vector<GoldArticle> gold;
  std::vector<Document> docs;  // docs[i] is gold[i] analysed
};

[[nodiscard]] Result<GoldRun> analyze_gold_set(const ParsedArgs& a, const CliContext& ctx);

}  // namespace framelens
