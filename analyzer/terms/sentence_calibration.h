#pragma once
// The sentence bias prior of real articles (models/loaded/calibration.tsv, optional; written by
// `framelens train loaded`, see train/prior_em.h). The sentence model was fitted on BABE, balanced
// by construction; on real articles biased sentences are rarer. With the file, the terms stage adds
// `shift` to the model's margin, so bias_score is the posterior under the real-article base rate,
// and a sentence is `biased` when that posterior is at least 0.5 (more likely biased than not).
#include <string>

#include "analyzer/core/error.h"

namespace framelens::terms {

struct SentenceCalibration {
  double train_rate = 0.5;  // biased share of the training sentences (BABE train)
  double real_rate = 0.5;   // EM estimate on unlabelled real article sentences
  double shift = 0.0;       // logit(real_rate) - logit(train_rate)
  double threshold = 0.5;   // on the calibrated posterior
  long sentences = 0;       // how many sentences the estimate used

  static Result<SentenceCalibration> load(const std::string& path);
  Status save(const std::string& path) const;
};

inline const char* const kCalibrationFile = "loaded/calibration.tsv";

}  // namespace framelens::terms
