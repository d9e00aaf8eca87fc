#pragma once
// Word-in-context token model: a logistic regression that predicts, for each word of a sentence,
// whether it lies in a BABE biased-word span, from the word, its neighbours, the learned term score
// and category of the term-table match covering it, and its word vector. The sentence model reads
// three summaries of it (max, mean of the top two, count >= 0.5): evidence that depends on the
// context of a word, where the term table scores word types. Trained by `framelens train loaded
// --token-model`; immutable after load.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/error.h"
#include "analyzer/core/flat_hash_map.h"
#include "analyzer/terms/logreg.h"
#include "analyzer/terms/sentence_model.h"
#include "analyzer/terms/term_table.h"
#include "analyzer/terms/word_vectors.h"
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

  // Fast path (what the stage uses): for every word of `vectors`, its sparse feature ids and weights
  // as the token itself and as each neighbour of another token, and its vector contribution (call
  // after training or loading, before sentence_features(); load_loaded_stage does). Same
  // probabilities as extract + standardize + lr (the same distinct ids summed in the same order).
  void prepare(const WordVectors& vectors);
  bool prepared() const { return prepared_; }
  static Result<TokenModel> load(const std::string& path);
  Status save(const std::string& path) const;

 private:
  // What one word contributes to the margins of itself and of its neighbours: the weights of its
  // own word and suffix features, and of the L1/R1/L2/R2 features it is to the tokens after or
  // before it, and its vector's share of the dense part. Looked up once per token per sentence
  // (one 40-byte slot) instead of ~7 hashed weight reads; the feature ids themselves are
  // recomputed from the hashes (cheap arithmetic) to merge repeated ids as extract() does.
  enum CellWeight { kSelfWord, kAsLeft1, kAsRight1, kAsLeft2, kAsRight2, kSelfSuffix, kCellWeights };
  static constexpr uint32_t kNoSuffix = 0xFFFFFFF0u;       // above any feature id (hash_bits <= 24)
  static constexpr uint32_t kSuffixOfToken = 0xFFFFFFF1u;  // the row's text is not the token's
  struct TokenCell {
    float w[kCellWeights] = {};
    uint32_t suffix_id = kNoSuffix;  // the suffix feature's id, or one of the two markers above
    float vec_dot = 0;               // the word vector dotted with the standardised dense weights
  };
  // The cell of a token absent from the table (and of the sentence edges): computed from its hash
  // (and, for the suffix, its text) as extract() does; a non-word's only as a neighbour.
  void compute_cell(uint64_t hash, std::string_view lower, bool word, TokenCell& out) const;
  // sentence_features() of a prepared model: the cells of all the sentence's tokens (prefetched,
  // then read once each), the margins from them plus the bigram, category and capital weights, and
  // sigmoid only for the top two (it is monotone: the max, the top two and "p >= 0.5" = "margin >=
  // 0" follow from the margins).
  void sentence_features_fast(const Document& doc, int32_t first, int32_t end, const std::vector<TokenTermInfo>& infos,
                              const WordVectors& vectors, float* out) const;
  FlatHashMap<TokenCell> cells_;  // token hash -> its cell, for every word of the vectors
  TokenCell begin_cell_, end_cell_;  // the neighbours "<s>" / "</s>" beyond the sentence edges
  uint32_t capital_id_ = 0;
  float dense_const_ = 0;        // -sum_j w_j * inv_std_j * mean_j over the whole dense block
  float w_score_ = 0, w_matched_ = 0, w_has_vec_ = 0;  // the extra dense weights times inv_std
  bool prepared_ = false;
};

// From token probabilities to the sentence features (max, top-2 mean, count >= 0.5).
void summarize_token_probabilities(const std::vector<double>& p, float* out);

}  // namespace framelens::terms
