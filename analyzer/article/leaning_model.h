#pragma once
// Article leaning (left / center / right): a softmax head over the shared article features
// (text_features_article.h). File: models/leaning/leaning.bin (one LinearModel, classes in
// kLeaningLabels order).
#include <array>
#include <string>

#include "analyzer/ml/linear_model.h"
#include "analyzer/text/document.h"

namespace framelens {

inline constexpr std::array<const char*, 3> kLeaningLabels = {"left", "center", "right"};

class LeaningModel {
 public:
  LeaningModel() = default;
  explicit LeaningModel(LinearModel head) : head_(std::move(head)) {}

  // `features` must come from the same ArticleFeatures the model was trained with.
  Leaning predict(const SparseVector& features) const;

  const LinearModel& head() const { return head_; }
  Status save(const std::string& path) const { return head_.save(path); }
  static Result<LeaningModel> load(const std::string& path, uint32_t expected_dim);

 private:
  LinearModel head_;
};

}  // namespace framelens
