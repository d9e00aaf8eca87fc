#pragma once
// `framelens train vectors`: fastText unsupervised word vectors on news text (AllSides train by
// default), over exactly the tokens the pipeline stages see (make_document; lower-cased words,
// numbers as "<num>", one sentence per line). The `max_words` most frequent words are kept,
// int8-quantised, in a terms::WordVectors table (saved with word_vectors_file.h).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "analyzer/core/error.h"
#include "analyzer/ml/hashing.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/text/document.h"

namespace framelens {

struct WordVectorTrainOptions {
  std::string data;                 // JSONL(.gz) with "text" (and optional "title")
  std::string work_dir = ".";       // where the temporary one-sentence-per-line corpus is written
  bool skipgram = false;            // default cbow
  int dim = 100;
  int epoch = 5;
  int min_count = 5;
  int window = 5;
  int max_words = 40000;
  int threads = 1;                  // 1 = bit-reproducible for a given seed
  int seed = 1;
  size_t text_mb = 60;              // stop reading after this much text (0: all)
};

// The tokens it trains on are vector_token() of analyzer/ml/hashing.h.

Result<terms::WordVectors> train_word_vectors(const WordVectorTrainOptions& opt, std::ostream& log);

}  // namespace framelens
