#pragma once
// Dense context-vector features of a mention for the stance model: SIF-weighted means of pretrained
// word vectors (models/vectors/words.bin) over
//   - the mention's sentence with the mention's own tokens masked out (what is said around it),
//   - the `window` tokens left of the mention (the verb it is object of, "by" of a passive agent),
//   - the `window` tokens right of it (the predicate it is subject of),
// each normalised (ContextNorm) and scaled. Appended after the hashed range, at [offset, offset + dim()).
// With a norm computed from the SIF weights alone (mean, root) a block is linear in the word
// vectors, so its class scores fold into 3 floats per vocabulary row (stance_context_folded.h).
// The sentence sums are cached per document in the caller's scratch (one pass per sentence however
// many mentions it holds). Thread-safe: all state is in the scratch.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/ml/hashing.h"
#include "analyzer/ml/linear_model.h"
#include "analyzer/ml/word_vectors.h"
#include "analyzer/stance/stance_features.h"
#include "analyzer/text/document.h"

namespace framelens {

enum ContextVectorBlock : uint32_t { kCtxSentence = 1, kCtxLeft = 2, kCtxRight = 4, kCtxAllBlocks = 7 };

// How a block's SIF-weighted sum S = sum_i a_i v_i is scaled:
//   L2:   S / |S|               (needs the whole vector: not foldable into the linear layer)
//   Mean: S / sum_i a_i          (the SIF-weighted mean)
//   Root: S / sqrt(sum_i a_i^2)  (|S| if the vectors were orthonormal: keeps short and long blocks
//                                  on a similar scale, like L2)
// then multiplied by `scale`. UnitMean / UnitRoot: the same with every word vector scaled to unit
// length first (v_i / |v_i|: frequent words have longer vectors), still foldable since |v_i| is a
// per-row constant. A block without any known word is zero.
enum class ContextNorm : uint32_t { L2 = 0, Mean = 1, Root = 2, UnitMean = 3, UnitRoot = 4 };
constexpr uint32_t kContextNormCount = 5;
inline bool context_norm_unit(ContextNorm n) { return n == ContextNorm::UnitMean || n == ContextNorm::UnitRoot; }

struct ContextVectorOptions {
  uint32_t blocks = 0;  // ContextVectorBlock mask; 0 = no context-vector features
  int32_t window = 3;   // tokens each side for the left/right blocks
  float scale = 2.0f;   // a block's norm (L2) or multiplier (its weight against the binary features)
  ContextNorm norm = ContextNorm::L2;
};

// "sentence,left,right" / "all" / "none" -> mask; false on an unknown name.
bool parse_context_blocks(const std::string& s, uint32_t& mask);
std::string context_blocks_name(uint32_t mask);
// "l2" / "mean" / "root" / "unit-mean" / "unit-root" <-> ContextNorm; false on an unknown name.
bool parse_context_norm(const std::string& s, ContextNorm& norm);
const char* context_norm_name(ContextNorm norm);

// Smooth-inverse-frequency weight of a word-vector row: a / (a + p(w)) with p(w) from Zipf's law
// over the frequency-ordered rows (p(rank r) ~ 1 / (r * H), H ~ 11 for a 40k vocabulary, a = 1e-3):
// r / (r + 90). Function words (the first rows) count little, content words almost fully.
inline float sif_weight(int32_t row) {
  const float r = static_cast<float>(row + 1);
  return r / (r + 90.0f);
}
// The divisor of a block under `norm` (not L2) from its weight sums; 0 when the block is empty.
float context_block_divisor(ContextNorm norm, int32_t count, float weight_sum, float weight_sq_sum);

// Per-document state of both context scorers (dense and folded): each token's vector row and the
// per-sentence totals, filled one sentence at a time when a mention first needs it.
struct SentenceRowCache {
  const Document* doc = nullptr;
  size_t doc_tokens = 0;
  std::vector<int32_t> row;          // vector row of each token (-1: none); filled per sentence
  std::vector<uint8_t> sent_ready;
  std::vector<float> sent_weight;    // per sentence, total weight
  std::vector<float> sent_weight_sq; // per sentence, sum of squared weights
  std::vector<int32_t> sent_count;   // per sentence, tokens with a vector

  // Starts over when `d` is not the document cached; true if it did (the caller then sizes its
  // own per-sentence arrays).
  bool reset_for(const Document& d) {
    if (doc == &d && doc_tokens == d.tokens.size() && sent_ready.size() == d.sentences.size()) return false;
    doc = &d;
    doc_tokens = d.tokens.size();
    row.assign(d.tokens.size(), -1);
    sent_ready.assign(d.sentences.size(), 0);
    sent_weight.resize(d.sentences.size());
    sent_weight_sq.resize(d.sentences.size());
    sent_count.resize(d.sentences.size());
    return true;
  }
  // Marks the sentence as filled; false when it already was.
  bool claim(int32_t sentence) {
    if (sent_ready[sentence]) return false;
    sent_ready[sentence] = 1;
    return true;
  }
};

struct ContextVectorScratch : SentenceRowCache {
  std::vector<float> sent_sum;         // sentences x dim, SIF-weighted sums
  std::vector<Eigen::VectorXf> block;  // the enabled blocks of the current mention, final values
};

// The word-vector row of each token of `sent` into row[token] (-1: none). Two passes so the memory
// waits of the table lookups overlap instead of queueing: prefetch the index slots, then find the
// rows, calling prefetch_row(r) for each found row so the caller can fetch what it reads per row.
template <typename PrefetchRow>
void find_sentence_rows(const terms::WordVectors& vectors, const Document& doc, const Sentence& sent,
                        std::vector<int32_t>& row, PrefetchRow prefetch_row) {
  for (int32_t i = sent.first_token; i < sent.end_token; ++i)
    if (const uint64_t h = vector_token_hash(doc.tokens[i])) vectors.prefetch_index(h);
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    const uint64_t h = vector_token_hash(doc.tokens[i]);
    const int32_t r = h ? vectors.row(h) : -1;
    row[i] = r;
    if (r >= 0) prefetch_row(r);
  }
}

class ContextVectorFeaturizer {
 public:
  ContextVectorFeaturizer() = default;
  ContextVectorFeaturizer(ContextVectorOptions opt, std::shared_ptr<const terms::WordVectors> vectors);

  bool enabled() const { return opt_.blocks != 0 && vectors_ && vectors_->dim() > 0; }
  const ContextVectorOptions& options() const { return opt_; }
  const terms::WordVectors* vectors() const { return vectors_.get(); }
  // Number of dense features (0 when disabled).
  uint32_t dim() const;
  // Multiplier of row r's int8 components: its quantisation scale (over |v_r| for the unit norms).
  float row_factor(int32_t r) const { return unit_.empty() ? vectors_->scale(r) : vectors_->scale(r) * unit_[r]; }

  // Appends (offset + j, value) for every non-zero dense feature, in increasing index order.
  void append(const Document& doc, const MentionTokens& m, ContextVectorScratch& s, SparseVector& out,
              uint32_t offset) const;
  // Adds the dense features' raw class scores (weights of `linear` from row `offset` on, no bias)
  // to z[0..classes): the same as decision() over append()'s entries, without building them.
  void add_scores(const Document& doc, const MentionTokens& m, ContextVectorScratch& s, const LinearModel& linear,
                  uint32_t offset, double* z) const;

 private:
  void prepare(const Document& doc, int32_t sentence, ContextVectorScratch& s) const;
  // Fills s.block with the mention's blocks (false when the mention is not in a sentence).
  bool compute(const Document& doc, const MentionTokens& m, ContextVectorScratch& s) const;
  ContextVectorOptions opt_;
  std::shared_ptr<const terms::WordVectors> vectors_;
  std::vector<float> unit_;  // unit norms: 1 / |v_r| per row (1 for a zero row); else empty
};

}  // namespace framelens
