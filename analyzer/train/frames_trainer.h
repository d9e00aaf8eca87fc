#pragma once
// Training and evaluation of a multi-label frames model (14 MFC frames on SemEval-2023, or the
// five generic frames of the narrative-framing corpus). The training sets are tiny (~270 articles),
// so: strong L2, the shared AllSides idf, a few hyper-parameters chosen by K-fold cross-validation
// on train (out-of-fold scores), and ONE global threshold (plus "at least the top frame") tuned on
// those out-of-fold scores, which calibrates better than 14 per-frame thresholds on ~20 positives.
#include <iosfwd>
#include <string>
#include <vector>

#include "analyzer/article/frames_model.h"
#include "analyzer/article/text_features_article.h"
#include "analyzer/train/text_features_corpus.h"

namespace framelens {

struct FramesTrainOptions {
  std::vector<double> l2_grid = {3e-5, 1e-4, 3e-4, 1e-3};
  uint32_t fold_bits = 16;
  int folds = 5;
  int min_selected = 1;
  bool balance_classes = true;
  // Scales of the seed-lexicon features tried by CV together with l2 (0 = no lexicon features).
  std::vector<double> lexicon_scales = {0, 0.05, 0.1};
};

// The hand-written seed word list of a frame label ("" when there is none), exposed for tests.
const char* frames_seed_lexicon(const std::string& label);

struct FramesMetrics {
  double micro_f1 = 0, precision = 0, recall = 0;
  size_t n = 0;
};

Result<FramesModel> train_frames(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                 const std::vector<LabelledRecord>& dev, const FramesTrainOptions& opt,
                                 std::ostream& log);

// Micro-F1 over selected labels (normalised like the official scorer).
Result<FramesMetrics> eval_frames(const ArticleFeatures& features, const FramesModel& model,
                                  const std::vector<LabelledRecord>& records);

}  // namespace framelens
