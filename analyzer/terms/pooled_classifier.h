#pragma once
// A two-label fastText supervised classifier (softmax loss) exported to the one number per input
// row it reduces to. fastText's hidden vector is the mean of the input rows of a sentence (word,
// subword and word-n-gram bucket rows), and with two labels P(biased) = sigmoid((o_b - o_n) . h),
// so P(biased) = sigmoid(mean over the rows of s_row) with s_row = (o_b - o_n) . row. Exporting s
// keeps the prediction exact while inference is one hash lookup per token and the file is small.
//
// Inference replicates fastText 0.9.2 Dictionary::getLine: word ids (+ their subwords), char
// n-gram buckets for unknown words when the model has subwords, the end-of-sentence word "</s>",
// and word n-gram buckets from fastText's own 32-bit string hash (tests check it against libfasttext).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

// The token strings a sentence is classified from (and the training text is written with): lower-cased
// words, "<num>" for numbers, and the punctuation that carries tone (quotes, ! ? :). Characters
// fastText treats as separators are replaced and "__label__" prefixes defused, so a token is one
// fastText word.
void classifier_tokens(const Document& doc, int32_t first, int32_t end, std::vector<std::string>& out);

// fastText's string hash (FNV-1a over signed chars), needed for its n-gram buckets.
uint32_t fasttext_hash(std::string_view s);

class PooledClassifier {
 public:
  struct Word {
    float sum = 0;      // s of the word row plus its subword rows
    int32_t rows = 0;   // how many rows that is
  };

  int32_t word_ngrams = 1;   // fastText wordNgrams
  int32_t minn = 0, maxn = 0;  // fastText char n-gram lengths (maxn 0: no subwords)
  std::unordered_map<std::string, Word> words;  // includes "</s>"
  std::vector<float> buckets;                    // s of each hash bucket row (fastText -bucket)

  bool empty() const { return words.empty(); }
  // P(biased) of a token sequence; 0.5 when no row is active (no known word, no bucket).
  double predict(const std::vector<std::string>& tokens) const;
  // The margin (log-odds) behind predict.
  double margin(const std::vector<std::string>& tokens) const;

  void write(std::ostream& out) const;
  bool read(std::istream& in);
};

}  // namespace framelens::terms
