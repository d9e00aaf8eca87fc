#pragma once
// Training and evaluation of the leaning head. The honest estimate for outlets the model never saw
// is outlet-grouped cross-validation on train: the held-out fold's articles are stripped with a
// boilerplate table learned WITHOUT their outlets (only the record's own outlet name is known, as
// at scoring time), and the head is trained on the other folds.
#include <iosfwd>
#include <string>
#include <vector>

#include "analyzer/article/leaning_model.h"
#include "analyzer/article/text_features_article.h"
#include "analyzer/train/text_features_corpus.h"
#include "analyzer/train/outlet_agreement.h"

namespace framelens {

// One head configuration; training tries each configuration of the grid by outlet-grouped CV.
struct LeaningHeadConfig {
  // Defaults = the shipped model (models/leaning.md), chosen by outlet-grouped CV.
  double l2 = 1e-5;
  double outlet_power = 0.5;  // sample weight n_outlet^-power (outlet_spread.h): 0 = every article counts equally
  int min_outlets = 20;     // drop features seen in fewer training outlets (1 = keep all)
};

struct LeaningTrainOptions {
  // Tried by CV (the best CV macro-F1 wins, the first on ties) and refitted on all of train; without
  // CV the first entry is used.
  std::vector<LeaningHeadConfig> grid = {LeaningHeadConfig{}};
  bool balance_classes = true;
  int folds = 5;
  int run_folds = 0;  // > 0: evaluate only folds [0, run_folds) (a cheap screen); 0 = all folds
  bool cross_validate = true;
  int max_iterations = 120;
  // After a full CV: temperature scaling fitted on the out-of-fold probabilities (calibrates
  // `lean`), and class offsets for the best macro-F1 kept when their nested CV figure beats the
  // plain argmax. Both are folded into the final head's weights and biases.
  bool calibrate = true;
};

struct LeaningMetrics {
  double macro_f1 = 0, accuracy = 0;
  size_t n = 0;
  double us_per_article = 0;  // boilerplate mask + features + head, excluding document building
  OutletAgreement outlets;    // outlet-level agreement and rank correlation
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
