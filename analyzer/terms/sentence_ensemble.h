#pragma once
// The sentence bias ensemble: the linear sentence model's margin and a pooled fastText classifier's
// margin combined by a stacked logistic regression (fitted on out-of-fold margins at train time).
// Stored as models/loaded/sentence_pooled.bin; when that file is absent the terms stage uses the
// linear model alone.
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/terms/pooled_classifier.h"

namespace framelens::terms {

class SentenceEnsemble {
 public:
  PooledClassifier pooled;
  float w_linear = 1.f, w_pooled = 0.f, bias = 0.f;  // stacker over the two margins
  float threshold = 0.5f;                             // biased when score >= threshold

  double combine(double linear_margin, double pooled_margin) const;
  double score(double linear_margin, const std::vector<std::string>& tokens) const {
    return combine(linear_margin, pooled.margin(tokens));
  }

  static Result<SentenceEnsemble> load(const std::string& path);
  Status save(const std::string& path) const;
};

}  // namespace framelens::terms
