#pragma once
// Multi-label article frames: one logistic head per frame over the shared article features,
// folded into a smaller hashed space (the TF-IDF index modulo 2^fold_bits: the training sets are
// small, and it keeps the model files small). Scores are the heads' probabilities; a frame is
// `selected` when its score reaches its threshold (tuned by cross-validation on train), and at
// least `min_selected` top frames are always selected (every article has a frame).
// Optional lexicon features (v2): each is the sum of the article's TF-IDF weights at the hashed
// unigram indices of one seed word list, standardised ((sum - mean) * scale), and appended after the
// folded TF-IDF at index 2^fold_bits + j; the heads learn their weights like any other feature.
// Calibration (v3): each head's raw logit z becomes score = sigmoid(slope * z + shift): Platt
// scaling fitted on out-of-fold logits of the training corpus, plus a prior shift estimated on
// unlabelled text of the target source (analyzer/train/frames_calibration.h). v1/v2: slope 1, shift 0.
// File: "FLFRAMES" v3, fold bits, labels, thresholds, lexicon table, [v3: slope and shift per
// label], then the LinearModel (v1 files, without the lexicon table, and v2 files still load).
#include <string>
#include <vector>

#include "analyzer/ml/linear_model.h"
#include "analyzer/text/document.h"

namespace framelens {

// One lexicon feature: the unfolded hashed indices of its words (sorted, unique) and its standardisation.
struct FrameLexicon {
  std::string name;
  std::vector<uint32_t> index;
  float mean = 0, scale = 1;
};

class FramesModel {
 public:
  FramesModel() = default;
  FramesModel(std::vector<std::string> labels, uint32_t fold_bits, LinearModel heads, std::vector<float> thresholds,
              int min_selected, std::vector<FrameLexicon> lexicons = {});

  // `article` is the shared (unfolded) article feature vector.
  std::vector<FrameScore> predict(const SparseVector& article) const;
  // Folds the shared vector into this model's space (duplicates are fine for a linear model) and
  // appends the lexicon features.
  SparseVector fold(const SparseVector& article) const;
  // The two parts of fold(): the folded TF-IDF entries, and the lexicon entries appended after them.
  SparseVector fold_tfidf(const SparseVector& article) const;
  void append_lexicon_features(const SparseVector& article, SparseVector& out) const;
  // Calibrated scores of a folded vector: decision, then activate().
  std::vector<double> scores(const SparseVector& folded) const;
  // Raw head logits -> calibrated scores, in place: sigmoid(slope_k * z_k + shift_k).
  void activate(double* z) const;
  // Per-label calibration (sizes must equal the label count).
  void set_calibration(std::vector<float> slope, std::vector<float> shift);
  const std::vector<float>& slopes() const { return slope_; }
  const std::vector<float>& shifts() const { return shift_; }
  std::vector<FrameScore> select(const std::vector<double>& scores) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const LinearModel& heads() const { return heads_; }
  uint32_t fold_bits() const { return fold_bits_; }
  const std::vector<float>& thresholds() const { return thresholds_; }
  const std::vector<FrameLexicon>& lexicons() const { return lexicons_; }
  // Raw lexicon sums (before standardisation) of an unfolded article vector.
  static double lexicon_sum(const SparseVector& article, const std::vector<uint32_t>& sorted_index);

  Status save(const std::string& path) const;
  static Result<FramesModel> load(const std::string& path);

 private:
  std::vector<std::string> labels_;
  uint32_t fold_bits_ = 16;
  LinearModel heads_;
  std::vector<float> thresholds_;
  int min_selected_ = 1;
  std::vector<FrameLexicon> lexicons_;
  std::vector<float> slope_, shift_;  // one per label
};

}  // namespace framelens
