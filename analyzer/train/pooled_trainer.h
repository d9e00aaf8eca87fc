#pragma once
// Trains a two-label fastText supervised classifier (libfasttext, one thread and a fixed seed so the
// result is reproducible) on token sequences and exports it as a PooledClassifier.
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/terms/pooled_classifier.h"

namespace framelens::terms {

struct PooledTrainParams {
  int dim = 50;
  int epoch = 25;
  double lr = 0.5;
  int word_ngrams = 2;
  int minn = 0, maxn = 0;       // char n-grams (maxn 0: none)
  int bucket = 1 << 19;         // hash rows for word n-grams and char n-grams
  int min_count = 1;
  int seed = 7;
  std::string pretrained_vectors;  // a .vec text file of dimension `dim`, or empty
  std::string work_dir = ".";      // the training text is written here and removed afterwards
  std::string save_model;          // also keep the fastText .bin here (tests compare against it)
};

// `labels[i]` is 1 (biased) or 0; both must occur.
Result<PooledClassifier> train_pooled_classifier(const std::vector<std::vector<std::string>>& texts,
                                                 const std::vector<int>& labels, const PooledTrainParams& p);

}  // namespace framelens::terms
