#include "analyzer/ml/stacked_linear.h"

namespace framelens {

StackedLinear::StackedLinear(const std::vector<const LinearModel*>& models, uint32_t rows) {
  if (models.empty() || rows == 0) return;
  for (const LinearModel* m : models) {
    if (m->dim() < rows) {
      k_ = 0;
      return;
    }
    k_ += m->classes();
  }
  dim_ = rows;
  w_.resize(size_t(dim_) * size_t(k_));  // not zero-filled: the loop below writes every entry
  b_.reserve(size_t(k_));
  int offset = 0;
  for (const LinearModel* m : models) {
    const int k = m->classes();
    for (uint32_t f = 0; f < dim_; ++f) {
      const float* src = m->row(f);
      float* dst = w_.data() + size_t(f) * k_ + offset;
      for (int c = 0; c < k; ++c) dst[c] = src[c];
    }
    for (int c = 0; c < k; ++c) b_.push_back(m->bias(c));
    offset += k;
  }
}

void StackedLinear::decision(const SparseVector& x, double* out) const {
  for (int k = 0; k < k_; ++k) out[k] = b_[k];
  constexpr size_t kAhead = 16;  // as LinearModel::accumulate: fetch rows a few features early
  const size_t n = x.size();
  for (size_t j = 0; j < n; ++j) {
    if (j + kAhead < n && x.index[j + kAhead] < dim_) {
      const float* ahead = w_.data() + size_t(x.index[j + kAhead]) * k_;
      __builtin_prefetch(ahead);
      __builtin_prefetch(ahead + k_ - 1);
    }
    if (x.index[j] >= dim_) continue;
    const float* row = w_.data() + size_t(x.index[j]) * k_;
    const double v = x.value[j];
    for (int k = 0; k < k_; ++k) out[k] += row[k] * v;
  }
}

}  // namespace framelens
