#pragma once
// Training-time helpers for the shared article features: the outlet fold assignment used by every
// outlet-grouped cross-validation, a streaming document loop, and the build of the boilerplate +
// idf tables (`framelens train features`).
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "analyzer/article/text_features_article.h"
#include "analyzer/train/text_features_corpus.h"

namespace framelens {

// Fold of an outlet: FNV-1a 32 of the name mod `folds` (bench/baseline_leaning_sklearn.py uses the same).
int outlet_fold(const std::string& outlet, int folds);

// Builds each record's Document one at a time (memory stays flat) and calls fn(index, doc).
Status for_each_document(const std::vector<LabelledRecord>& records,
                         const std::function<void(size_t, const Document&)>& fn);

// Learns the boilerplate table from `train` and fits the idf on the stripped text.
Result<ArticleFeatures> build_article_features(const std::vector<LabelledRecord>& train, const TextFeatureOptions& opt,
                                               int min_df, std::ostream& log);

}  // namespace framelens
