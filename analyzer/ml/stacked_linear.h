#pragma once
// Several linear models over the same sparse input, scored in one pass: their weight rows are
// interleaved per feature (model 1's K1 weights, then model 2's K2, ...), so each feature costs
// one memory access instead of one per model. The article stage scores the MFC and generic frame
// heads this way (both read the same folded TF-IDF vector, and their rows are scattered over
// megabytes, so the separate passes waited on memory twice). The sums are the same, in the same
// order, as each model's own decision() (when a model's extra features come after the shared ones).
#include <vector>

#include "analyzer/core/huge_page_allocator.h"
#include "analyzer/ml/linear_model.h"

namespace framelens {

class StackedLinear {
 public:
  StackedLinear() = default;
  // Stacks the first `rows` feature rows of each model (every model needs dim() >= rows; else the
  // stack is empty); the weights are copied. Features past `rows` (a model's own extra features)
  // stay with the model: add them with LinearModel::accumulate after decision().
  StackedLinear(const std::vector<const LinearModel*>& models, uint32_t rows);

  int classes() const { return k_; }
  uint32_t dim() const { return dim_; }
  // out[0..classes()): model 1's decision values over x's entries below dim(), then model 2's, ...
  void decision(const SparseVector& x, double* out) const;

 private:
  int k_ = 0;
  uint32_t dim_ = 0;
  ModelBuffer<float> w_;  // dim_ x k_, row-major (every entry written by the constructor)
  std::vector<float> b_;  // k_
};

}  // namespace framelens
