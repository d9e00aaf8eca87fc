#pragma once
// The stance model's context-vector class scores with the linear layer folded into the word
// vectors. With a Mean or Root norm a block is scale * sum_i a_i v_i / d(a), where the divisor d
// depends on the SIF weights a_i only, so its class scores are
//   z_c = scale / d(a) * sum_i a_i (W_block,c . v_i)
// and W_block,c . v_r (3 classes per block: up to 9 floats) is computed once per vocabulary row
// when the model is loaded. A token then costs one short row read instead of a 100-dim
// multiply-add, and the per-sentence sums are 3 floats. Same scores as
// ContextVectorFeaturizer::add_scores up to float rounding. Not possible for the L2 norm (it needs
// the whole summed vector), so disabled there. Thread-safe: all state is in the scratch.
#include <array>
#include <cstdint>
#include <vector>

#include "analyzer/core/huge_page_allocator.h"
#include "analyzer/ml/linear_model.h"
#include "analyzer/stance/stance_context_vectors.h"
#include "analyzer/stance/stance_features.h"
#include "analyzer/text/document.h"

namespace framelens {

struct FoldedContextScratch : SentenceRowCache {
  std::vector<std::array<float, 3>> sent_z;  // per sentence: sum_i a_i * (sentence block's scores of row i)
};

class FoldedContextScorer {
 public:
  FoldedContextScorer() = default;
  // Folds rows [offset, offset + context.dim()) of `linear` into per-vocabulary-row class scores.
  // Stays disabled (enabled() false) unless the context features are on, the norm is not L2 and
  // the model has 3 classes.
  FoldedContextScorer(const ContextVectorFeaturizer& context, const LinearModel& linear, uint32_t offset);

  bool enabled() const { return vectors_ != nullptr; }
  // Vocabulary rows x blocks x 3 floats (0 when disabled).
  size_t table_floats() const { return table_.size(); }

  // z[0..3) += the dense features' class scores (no bias).
  void add_scores(const Document& doc, const MentionTokens& m, FoldedContextScratch& s, double* z) const;

 private:
  void prepare(const Document& doc, int32_t sentence, FoldedContextScratch& s) const;
  const float* scores(int32_t row, int block_slot) const { return table_.data() + (size_t(row) * blocks_ + block_slot) * 3; }

  const terms::WordVectors* vectors_ = nullptr;  // owned by the featurizer's shared_ptr (kept by the model)
  ContextVectorOptions opt_;
  int blocks_ = 0;                      // enabled blocks
  int slot_sentence_ = -1, slot_left_ = -1, slot_right_ = -1;
  ModelBuffer<float> table_;            // rows x blocks_ x 3 (random reads: on huge pages)
};

}  // namespace framelens
