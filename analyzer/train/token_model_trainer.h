#pragma once
// `train loaded --token-model`: the word-in-context token model and the sentence features it gives
// the sentence model.
#include <array>
#include <functional>
#include <ostream>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/terms/token_model.h"
#include "analyzer/train/terms_trainer.h"
#include "analyzer/train/terms_training.h"

namespace framelens::terms {

// Trains the token model on BABE train records' word tokens (label: inside a biased-word span of at
// most kMaxTermTokens words; tokens of longer spans are left out), with term scores out-of-fold as
// for the sentence model. `summary[r]` gets record r's sentence features from the model of the folds
// that did not see it; `token` is then trained on all records.
Status train_token_model(const LoadedTrainOptions& opt, const std::vector<TrainDoc>& docs, const TermTable& table,
                         const std::function<float(int, int)>& oof_score, const WordVectors& wv, TokenModel& token,
                         std::vector<std::array<float, kTokenSummaryCount>>& summary, std::ostream& log);

}  // namespace framelens::terms
