#pragma once
// Hashed unigram + bigram TF-IDF features from doc.tokens (no re-tokenising). Words and numbers
// count (numbers as one shape feature "<num>" by default); punctuation does not, and bigrams pair
// consecutive counted tokens of the same sentence. A token mask lets callers drop boilerplate or
// the target mention. Weight = (1 + log tf) * idf, L2-normalised, like sklearn's
// TfidfVectorizer(sublinear_tf=True) over a hashed vocabulary.
//
// Two steps so training can fit the idf first: term_counts() gives raw hashed counts, weigh() turns
// them into the final vector. All methods are const and thread-safe once the idf is set.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/core/huge_page_allocator.h"
#include "analyzer/core/token_hash.h"
#include "analyzer/ml/linear_model.h"
#include "analyzer/text/document.h"

namespace framelens {

// Murmur3's 64-bit finaliser: spreads FNV's weak low bits over the word before masking. Inline
// because the featurisers call it for every token, bigram and feature namespace; constexpr so
// fixed feature names hash at compile time.
constexpr uint64_t feature_mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}
// 64-bit hash of a UTF-8 string (FNV-1a with the murmur finaliser); stable across builds.
constexpr uint64_t feature_hash(std::string_view s) { return feature_mix(fnv1a64(s)); }
// feature_hash(t.lower) from the tokenizer's Token::hash, without reading the text again.
constexpr uint64_t feature_hash(const Token& t) { return feature_mix(t.hash); }
// Hash of an ordered pair (for bigrams and feature namespaces).
constexpr uint64_t feature_hash_pair(uint64_t a, uint64_t b) {
  return feature_mix(a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E019ULL);
}

struct TextFeatureOptions {
  uint32_t hash_bits = 18;    // feature space = 2^hash_bits
  bool bigrams = true;
  bool numbers_as_shape = true;
  bool sublinear_tf = true;
};

class TextFeaturizer {
 public:
  explicit TextFeaturizer(TextFeatureOptions opt = {});

  uint32_t dim() const { return uint32_t(1) << opt_.hash_bits; }
  const TextFeatureOptions& options() const { return opt_; }

  // Raw hashed counts of tokens [first_token, end_token) whose mask entry is non-zero (mask may be
  // null = all tokens; else it has one entry per doc token). Sorted unique indices.
  SparseVector term_counts(const Document& doc, int32_t first_token, int32_t end_token,
                           const std::vector<uint8_t>* token_mask = nullptr) const;
  SparseVector term_counts(const Document& doc, const std::vector<uint8_t>* token_mask = nullptr) const {
    return term_counts(doc, 0, static_cast<int32_t>(doc.tokens.size()), token_mask);
  }
  // In place: tf weighting, idf, L2 norm.
  void weigh(SparseVector& counts) const;
  // term_counts + weigh.
  SparseVector features(const Document& doc, const std::vector<uint8_t>* token_mask = nullptr) const;

  // Smooth idf from training documents' counts: log((1 + n) / (1 + df)) + 1. Features that occur
  // in fewer than `min_df` documents get idf 0 (dropped: rare hashed n-grams are mostly noise).
  void fit_idf(const std::vector<SparseVector>& doc_counts, int min_df = 1);
  bool has_idf() const { return !idf_.empty(); }
  float idf(uint32_t i) const { return idf_.empty() ? 1.0f : idf_[i]; }

  // Binary: "FLTXTFEA" v1, options, then the idf table (possibly empty).
  Status write(std::ostream& os) const;
  static Result<TextFeaturizer> read(std::istream& is, const std::string& where);

 private:
  TextFeatureOptions opt_;
  ModelBuffer<float> idf_;  // empty or dim() entries
};

}  // namespace framelens
