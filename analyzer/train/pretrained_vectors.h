#pragma once
// Pretrained fastText word vectors (e.g. the public English Common Crawl vectors) mapped into the
// project's vector format (terms::WordVectors, saved as models/vectors/words.bin):
//   - `.vec` text: an optional "<words> <dim>" header line, then "<word> <v1> ... <vdim>" per line;
//   - `.bin`: a fastText model (its dictionary words, in order, with their word vectors).
// Each word is run through the project tokenizer: a word that is one word token is stored under
// its lower-cased form, a number as "<num>" (the tokens the pipeline looks vectors up with,
// word_vectors_trainer.h); anything else (punctuation, multi-token strings) is skipped. The first
// vector of a key wins: fastText files list words by decreasing frequency, so "the" is taken from
// "the", not from "The". At most `max_words` keys are kept.
#include <iosfwd>
#include <string>

#include "analyzer/core/error.h"
#include "analyzer/ml/word_vectors.h"

namespace framelens {

struct PretrainedVectorStats {
  size_t read = 0, kept = 0, skipped = 0;
  int dim = 0;
};

Result<terms::WordVectors> load_pretrained_vectors(const std::string& path, int max_words,
                                                   PretrainedVectorStats* stats = nullptr);

}  // namespace framelens
