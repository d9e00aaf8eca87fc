#pragma once
// Training and evaluation of the leaning head. The honest estimate for outlets the model never saw
// is outlet-grouped cross-validation on train: the held-out fold's articles are stripped with a
// boilerplate table learned WITHOUT their outlets (only the record's own outlet name is known, as
// at scoring time), and the head is trained on the other folds.
#include <iosfwd>
#include <vector>

#include "analyzer/models/leaning_model.h"
#include "analyzer/models/text_features_article.h"
#include "analyzer/models/text_features_corpus.h"

namespace framelens {

struct LeaningTrainOptions {
  double l2 = 2e-5;
  bool balance_classes = true;
  int folds = 5;
  bool cross_validate = true;
  int max_iterations = 200;
};

struct LeaningMetrics {
  double macro_f1 = 0, accuracy = 0;
  size_t n = 0;
  double us_per_article = 0;  // boilerplate mask + features + head, excluding document building
};

// Trains on all of `train`; reports outlet-grouped CV (when enabled) and `dev` metrics to `log`.
Result<LeaningModel> train_leaning(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                   const std::vector<LabelledRecord>& dev, const LeaningTrainOptions& opt,
                                   std::ostream& log);

// The official allsides metric (macro-F1 over left/center/right) of a model on labelled records.
Result<LeaningMetrics> eval_leaning(const ArticleFeatures& features, const LeaningModel& model,
                                    const std::vector<LabelledRecord>& records);

// "left" -> 0 ... ; -1 for anything else.
int leaning_index(const std::string& label);

}  // namespace framelens
