#pragma once
// `train loaded --pooled`: the fastText sentence classifier trained on BABE (and optionally PTC)
// sentences, stacked with the linear sentence model's out-of-fold margins.
#include <ostream>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/terms/sentence_ensemble.h"
#include "analyzer/train/terms_trainer.h"
#include "analyzer/train/terms_training.h"

namespace framelens::terms {

// The BABE train records (those with a label, in order) as classifier tokens, and PTC sentences with
// a marked span as extra positives.
Result<SentenceEnsemble> train_ensemble(const LoadedTrainOptions& opt, const std::vector<TrainDoc>& babe,
                                        const std::vector<TrainDoc>& ptc, const WordVectors& wv,
                                        const std::vector<double>& linear_oof, const std::vector<int>& fold,
                                        const std::vector<int>& y, std::ostream& log);

}  // namespace framelens::terms
