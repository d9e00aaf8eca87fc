#pragma once
// Training and evaluation of the stance model on NewsMTSC-style JSON Lines (one record per
// sentence + target: "text", "target" {start, end}, "polarity" -1/0/1, "article_id" for grouping).
// Documents go through the pipeline stages that run before "stance" (actors, quotes, terms, ...)
// when their models are present, so training sees the same layers as inference.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/pipeline/stage_registry.h"
#include "analyzer/stance/stance_model.h"
#include "analyzer/text/document.h"

namespace framelens {

// The stages that run before "stance", loaded from `models_dir` (absent models are skipped).
Result<std::vector<StagePtr>> upstream_stages(const std::string& models_dir);

struct StanceExample {
  Document doc;
  Span target;
  int label = kStanceNeutral;  // StanceClass
  std::string group;           // article id: folds keep an article's sentences together
};

Result<std::vector<StanceExample>> read_stance_examples(const std::string& path,
                                                        const std::vector<StagePtr>& upstream);

struct StanceTrainOptions {
  uint32_t hash_bits = 16;
  // Dense context-vector features (off unless `vectors` is set and context.blocks != 0).
  ContextVectorOptions context;
  std::shared_ptr<const terms::WordVectors> vectors;
  uint64_t vectors_checksum = 0;  // stored in the model: inference refuses other vectors
  double l2 = 1e-3;
  int max_iterations = 400;
  bool balance_classes = true;
};

Result<StanceModel> train_stance_model(const std::vector<StanceExample>& examples,
                                       std::shared_ptr<const PolarityLexicon> lexicon,
                                       const StanceTrainOptions& opt);

struct ClassificationScores {
  double f1_macro = 0.0;
  double accuracy = 0.0;
  size_t n = 0;
  std::vector<double> f1;  // per class
};
ClassificationScores score_classes(const std::vector<int>& gold, const std::vector<int>& pred, int classes);

// Argmax label of each example's target.
std::vector<int> predict_stance(const StanceModel& model, const std::vector<StanceExample>& examples);

// k-fold cross-validation grouped by article (deterministic fold = hash(group) % k).
Result<ClassificationScores> cross_validate_stance(const std::vector<StanceExample>& examples,
                                                   std::shared_ptr<const PolarityLexicon> lexicon,
                                                   const StanceTrainOptions& opt, int folds);

}  // namespace framelens
