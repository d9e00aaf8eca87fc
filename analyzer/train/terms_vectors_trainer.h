#pragma once
// The word vectors of the terms model (`train loaded`): fastText trained on AllSides text, reused
// from a fastText .bin (--vectors) or from an existing sentence.bin (--vectors-from-model), and
// written as a .vec text file for the pooled classifier.
#include <ostream>
#include <string>

#include "analyzer/core/error.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/train/terms_trainer.h"

namespace framelens::terms {

Status train_vectors(const LoadedTrainOptions& opt, WordVectors& wv, std::ostream& log);
// Writes the word vectors as a fastText .vec text file (the pooled classifier's initialisation).
Status write_vec(const WordVectors& wv, const std::string& path);

}  // namespace framelens::terms
