#pragma once
// Sentence bias model: a logistic regression over hashed word uni/bigrams, the mean fastText word
// vector of the sentence, and the learned loaded-term evidence found in it. Stored as
// models/loaded/sentence.bin; immutable after load.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "analyzer/core/flat_hash_map.h"
#include "analyzer/core/huge_page_allocator.h"
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/error.h"
#include "analyzer/ml/logreg.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

// Term evidence fed to the sentence model: the matches in the sentence with their scores.
struct TermEvidence {
  float score;
  TermCategory category;
};

// Number of dense features besides the word vector.
constexpr int kTermFeatureCount = 12;
// Number of token-model summaries (TokenModel::sentence_features) read when use_token_features.
constexpr int kTokenSummaryCount = 3;

struct SentenceFeatures {
  std::vector<SparseFeature> sparse;
  Eigen::VectorXf dense;
};

class SentenceModel {
 public:
  int hash_bits = 18;
  bool use_bigrams = true;
  bool use_vectors = true;
  bool use_term_features = true;
  bool use_chars = true;  // character 2-5-grams inside words (L2-normalised counts, own block)
  // The word-in-context token model's summaries (token_model.h) after the term features (file
  // version 4; the stage then needs the token model too).
  bool use_token_features = false;
  WordVectors vectors;
  LogRegModel lr;
  Eigen::VectorXf dense_mean, dense_inv_std;  // standardisation of the dense block
  float threshold = 0.5f;                     // biased when score >= threshold

  int dense_dim() const {
    return (use_vectors ? vectors.dim() : 0) + (use_term_features ? kTermFeatureCount : 0) +
           (use_token_features ? kTokenSummaryCount : 0);
  }
  uint32_t sparse_dim() const { return 1u << hash_bits; }

  // Raw (unstandardised) features of tokens [first, end). `token_summary` (kTokenSummaryCount
  // values) is read when use_token_features.
  void extract(const Document& doc, int32_t first, int32_t end,
               const std::vector<TermEvidence>& evidence, SentenceFeatures& out,
               const float* token_summary = nullptr) const;
  void standardize(Eigen::VectorXf& dense) const;
  double score(const SentenceFeatures& f) const;  // expects standardised dense

  // Fast path used by the stage: the same margin as extract + standardize + lr, with each word's
  // char-gram and vector contributions precomputed by prepare() (call after training, after
  // changing the weights, or after loading a file that does not store them). Files written by
  // save() (version 3) store them, and load() returns such a model prepared.
  void prepare();
  bool prepared() const { return id_ != 0; }
  double score_fast(const Document& doc, int32_t first, int32_t end,
                    const std::vector<TermEvidence>& evidence, const float* token_summary = nullptr) const {
    return sigmoid(margin_fast(doc, first, end, evidence, token_summary));
  }
  // The log-odds behind score_fast (what the sentence ensemble stacks).
  double margin_fast(const Document& doc, int32_t first, int32_t end,
                     const std::vector<TermEvidence>& evidence, const float* token_summary = nullptr) const;

  static Result<SentenceModel> load(const std::string& path);
  Status save(const std::string& path) const;

 private:
  struct WordInfo {
    float char_sum = 0;   // sum of the word's char-gram weights (with multiplicity)
    float char_n = 0;     // its number of char-grams
    float vec_dot = 0;    // its vector dotted with the standardised dense weights
    bool has_vec = false;
  };
  FlatHashMap<WordInfo> cache_;   // token hash -> the word's precomputed contributions
  float vec_const_ = 0;   // the standardisation offset of the vector block
  uint64_t id_ = 0;       // unique per prepare(), 0 before: keys the per-thread cache of OOV word infos
  WordInfo word_info(std::string_view lower, int32_t vec_row) const;
  WordInfo char_info(std::string_view lower) const;  // the char-gram part of word_info
  // word_info() of every vocabulary row, in row order (what prepare() indexes and save() stores).
  ModelBuffer<WordInfo> row_infos() const;
  // Sets the standardisation to the identity when the model has none (a hand-made model).
  void default_standardization();
  // Builds cache_ from row_infos() (the first row of a hash wins) and takes a new id_.
  void index_rows(const ModelBuffer<WordInfo>& rows);
  WordInfo oov_info(const Token& t) const;  // word_info of a word without a vector, cached
};

// Rewrites the model file at `path` in the current version (`framelens train loaded --upgrade`):
// the same weights, plus what the newer version stores. No training.
Status upgrade_sentence_model(const std::string& path);

}  // namespace framelens::terms
