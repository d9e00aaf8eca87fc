#pragma once
// `framelens eval stance`: runs the full pipeline on NewsMTSC-style records (text + one target
// span) and scores targets[0].stance.label against the gold polarity: macro-F1 over
// negative/neutral/positive and accuracy (the same metric as the shared devscore.py newsmtsc).
#include <string>

#include "analyzer/core/error.h"
#include "analyzer/train/stance_trainer.h"

namespace framelens {

Result<ClassificationScores> evaluate_stance_targets(const std::string& data, const std::string& models_dir);

}  // namespace framelens
