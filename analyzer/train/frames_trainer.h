#pragma once
// Training and evaluation of a multi-label frames model (14 MFC frames on SemEval-2023, or the
// five generic frames of the narrative-framing corpus). The training sets are tiny (~270 articles),
// so: strong L2, the shared AllSides idf, a few hyper-parameters chosen by K-fold cross-validation
// on train (out-of-fold scores). Each head is Platt-calibrated on its out-of-fold logits and gets
// its own threshold for the best F1 of that label (so the best macro-F1; the top frame is always
// selected); the CV figures are nested (calibration and thresholds tuned on the other folds' rows).
// With unlabelled text of the target source (AllSides), each label's prior there is estimated by
// EM (Saerens et al. 2002) and the calibrated logit shifted by logit(target) - logit(train).
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "analyzer/article/frames_model.h"
#include "analyzer/article/text_features_article.h"
#include "analyzer/train/text_features_corpus.h"

namespace framelens {

// How the calibration is carried to unlabelled text of the target source (AllSides):
//  Align: each head's logits on the target text are mapped (mean and sd) onto its out-of-fold
//         logits on the training corpus, before the Platt scaling (assumes the labels are about as
//         common there as in the training corpus);
//  EM:    prior correction (Saerens et al. 2002); diverges when the target text's logits are
//         shifted by the change of source rather than by the label priors (see models/frames.md);
//  None:  the training-corpus calibration as it is.
enum class TargetCalibration { None, Align, EM };

struct FramesTrainOptions {
  std::vector<double> l2_grid = {3e-5, 1e-4, 3e-4, 1e-3};
  uint32_t fold_bits = 16;
  int folds = 5;
  int min_selected = 1;
  bool balance_classes = true;
  // Scales of the seed-lexicon features tried by CV together with l2 (0 = no lexicon features).
  std::vector<double> lexicon_scales = {0, 0.05, 0.1};
  // Per-label thresholds for the best per-label F1 (macro-F1); false = one global threshold for
  // the best micro-F1 (the models before session 7).
  bool per_label_thresholds = true;
  // Upper bound of a label's selection rate on the unlabelled target text (1 = none): a label
  // selected more often gets its threshold raised to that quantile of its target scores.
  double max_target_rate = 1.0;
  TargetCalibration target_calibration = TargetCalibration::Align;
};

// The hand-written seed word list of a frame label ("" when there is none), exposed for tests.
const char* frames_seed_lexicon(const std::string& label);

struct FrameLabelStats {
  std::string label;  // normalised like the official scorer
  size_t gold = 0, selected = 0, tp = 0;
  double precision() const { return selected ? double(tp) / selected : 0; }
  double recall() const { return gold ? double(tp) / gold : 0; }
  double f1() const { return gold + selected ? 2.0 * tp / double(gold + selected) : 0; }
};

struct FramesMetrics {
  double micro_f1 = 0, precision = 0, recall = 0;
  // Mean F1 over the labels that occur in the gold (as devscore.py computes it).
  double macro_f1 = 0;
  size_t n = 0;
  std::vector<FrameLabelStats> labels;  // every model label, then any gold-only label
};

// `target`: unlabelled articles of the source the model will score (labels ignored; empty = no
// prior correction).
Result<FramesModel> train_frames(const ArticleFeatures& features, const std::vector<LabelledRecord>& train,
                                 const std::vector<LabelledRecord>& dev, const FramesTrainOptions& opt,
                                 std::ostream& log, const std::vector<LabelledRecord>& target = {});

// Metrics of normalised gold and selected label sets; `names` = the model's labels (listed first).
FramesMetrics frames_metrics(const std::vector<std::set<std::string>>& gold,
                             const std::vector<std::set<std::string>>& pred, const std::vector<std::string>& names);

// The label-wise table (label, gold, selected, rate, P, R, F1) of `m` over `n` articles.
void print_frame_label_table(const FramesMetrics& m, std::ostream& out);

// Micro- and macro-F1 over selected labels and the per-label counts (normalised like the official scorer).
Result<FramesMetrics> eval_frames(const ArticleFeatures& features, const FramesModel& model,
                                  const std::vector<LabelledRecord>& records);

}  // namespace framelens
