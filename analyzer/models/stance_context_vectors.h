#pragma once
// Dense context-vector features of a mention for the stance model: SIF-weighted means of pretrained
// word vectors (models/vectors/words.bin) over
//   - the mention's sentence with the mention's own tokens masked out (what is said around it),
//   - the `window` tokens left of the mention (the verb it is object of, "by" of a passive agent),
//   - the `window` tokens right of it (the predicate it is subject of),
// each L2-normalised and scaled. Appended after the hashed range, at [offset, offset + dim()).
// The sentence sums are cached per document in the caller's scratch (one pass per sentence however
// many mentions it holds). Thread-safe: all state is in the scratch.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/models/linear_model.h"
#include "analyzer/models/stance_features.h"
#include "analyzer/terms/word_vectors.h"
#include "analyzer/text/document.h"

namespace framelens {

enum ContextVectorBlock : uint32_t { kCtxSentence = 1, kCtxLeft = 2, kCtxRight = 4, kCtxAllBlocks = 7 };

struct ContextVectorOptions {
  uint32_t blocks = 0;  // ContextVectorBlock mask; 0 = no context-vector features
  int32_t window = 3;   // tokens each side for the left/right blocks
  float scale = 2.0f;   // norm of a block (its weight against the binary features)
};

// "sentence,left,right" / "all" / "none" -> mask; false on an unknown name.
bool parse_context_blocks(const std::string& s, uint32_t& mask);
std::string context_blocks_name(uint32_t mask);

struct ContextVectorScratch {
  const Document* doc = nullptr;
  size_t doc_tokens = 0;
  std::vector<int32_t> row;          // vector row of each token (-1: none); filled per sentence
  std::vector<uint8_t> sent_ready;
  std::vector<float> sent_sum;       // sentences x dim, SIF-weighted sums
  std::vector<float> sent_weight;    // per sentence, total weight
  std::vector<Eigen::VectorXf> block;  // the enabled blocks of the current mention, final values
};

class ContextVectorFeaturizer {
 public:
  ContextVectorFeaturizer() = default;
  ContextVectorFeaturizer(ContextVectorOptions opt, std::shared_ptr<const terms::WordVectors> vectors);

  bool enabled() const { return opt_.blocks != 0 && vectors_ && vectors_->dim() > 0; }
  const ContextVectorOptions& options() const { return opt_; }
  const terms::WordVectors* vectors() const { return vectors_.get(); }
  // Number of dense features (0 when disabled).
  uint32_t dim() const;

  // Appends (offset + j, value) for every non-zero dense feature, in increasing index order.
  void append(const Document& doc, const MentionTokens& m, ContextVectorScratch& s, SparseVector& out,
              uint32_t offset) const;
  // Adds the dense features' raw class scores (weights of `linear` from row `offset` on, no bias)
  // to z[0..classes): the same as decision() over append()'s entries, without building them.
  void add_scores(const Document& doc, const MentionTokens& m, ContextVectorScratch& s, const LinearModel& linear,
                  uint32_t offset, double* z) const;

 private:
  void prepare(const Document& doc, int32_t sentence, ContextVectorScratch& s) const;
  float weight(int32_t row) const;
  // Fills s.block with the mention's blocks (false when the mention is not in a sentence).
  bool compute(const Document& doc, const MentionTokens& m, ContextVectorScratch& s) const;
  ContextVectorOptions opt_;
  std::shared_ptr<const terms::WordVectors> vectors_;
};

}  // namespace framelens
