#pragma once
// Word-in-context token model: a logistic regression that predicts, for each word of a sentence,
// whether it lies in a BABE biased-word span, from the word, its neighbours, the learned term score
// and category of the term-table match covering it, and its word vector. The sentence model reads
// three summaries of it (max, mean of the top two, count >= 0.5): evidence that depends on the
// context of a word, where the term table scores word types. Trained by `framelens train loaded
// --token-model`; immutable after load.
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/error.h"
#include "analyzer/core/flat_hash_map.h"
#include "analyzer/ml/logreg.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/text/document.h"

namespace framelens::terms {

// The term-table match covering a token: its score and category (none: score 0, category -1).
struct TokenTermInfo {
  float score = 0.f;
  int8_t category = -1;
};

// Per token of [first, end) (index i - first): the match covering it. `evidence[k]` belongs to
// `matches[k]` (as the stage and the trainer build them).
void token_term_infos(const std::vector<TermMatch>& matches, const std::vector<TermEvidence>& evidence,
                      int32_t first, int32_t end, std::vector<TokenTermInfo>& out);

class TokenModel {
 public:
  int hash_bits = 18;
  LogRegModel lr;
  Eigen::VectorXf dense_mean, dense_inv_std;  // standardisation of the dense block

  // Dense block: the word vector (vectors.dim(), zero when unknown), then these.
  static constexpr int kExtraDense = 3;  // term score, covered by a match, has a vector
  int dense_dim(const WordVectors& vectors) const { return vectors.dim() + kExtraDense; }
  uint32_t sparse_dim() const { return 1u << hash_bits; }

  // Raw (unstandardised) features of word token i of the sentence [first, end); `infos` as
  // token_term_infos() gives them.
  void extract(const Document& doc, int32_t first, int32_t end, int32_t i, const std::vector<TokenTermInfo>& infos,
               const WordVectors& vectors, Example& out) const;
  void standardize(Eigen::VectorXf& dense) const;
  // Probability that token i is in a biased-word span.
  double probability(const Document& doc, int32_t first, int32_t end, int32_t i,
                     const std::vector<TokenTermInfo>& infos, const WordVectors& vectors) const;
  // The sentence features (kTokenSummaryCount): max, mean of the top two, and count >= 0.5 of the
  // word tokens' probabilities (zeros for a sentence without words).
  void sentence_features(const Document& doc, int32_t first, int32_t end, const std::vector<TokenTermInfo>& infos,
                         const WordVectors& vectors, float* out) const;

  // Fast path (what the stage uses): each vocabulary word's vector contribution and the constant
  // part of the standardised dense block, precomputed for these `vectors` (call after training or
  // loading, before sentence_features(); load_terms_stage does). Same probabilities as
  // extract + standardize + lr, up to float rounding.
  void prepare(const WordVectors& vectors);
  bool prepared() const { return prepared_; }

  static Result<TokenModel> load(const std::string& path);
  Status save(const std::string& path) const;

 private:
  // sentence_features() of a prepared model: the margins of all the sentence's words in two passes
  // (feature ids and prefetches, then the sums), and sigmoid only for the top two (it is monotone:
  // the max, the top two and "p >= 0.5" = "margin >= 0" follow from the margins).
  void sentence_features_fast(const Document& doc, int32_t first, int32_t end, const std::vector<TokenTermInfo>& infos,
                              const WordVectors& vectors, float* out) const;
  // Token hash -> the word's vector dotted with the standardised weights, inline in the slot (one
  // cache miss per word instead of the vectors' index and then a row).
  FlatHashMap<float> vec_dot_;
  float dense_const_ = 0;        // -sum_j w_j * inv_std_j * mean_j over the whole dense block
  float w_score_ = 0, w_matched_ = 0, w_has_vec_ = 0;  // the extra dense weights times inv_std
  bool prepared_ = false;
};

// The sentence features of tokens [first, end) given their term matches and evidence, as the stage
// and the trainer build them; zeros without a token model (a sentence model without token features
// ignores them). `infos` is scratch.
void token_summary_of(const TokenModel* token, const WordVectors& vectors, const Document& doc, int32_t first,
                      int32_t end, const std::vector<TermMatch>& matches, const std::vector<TermEvidence>& evidence,
                      std::vector<TokenTermInfo>& infos, float* out);

// From token probabilities to the sentence features (max, top-2 mean, count >= 0.5).
void summarize_token_probabilities(const std::vector<double>& p, float* out);

}  // namespace framelens::terms
