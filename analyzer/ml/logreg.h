#pragma once
// Binary logistic regression over hashed sparse features plus a small dense block, trained with
// full-batch Adam on the L2-regularised log loss (Eigen for the dense part). Small data (a few
// thousand sentences or word types), so full batches are fast and the result is deterministic.
#include <cstdint>
#include <iosfwd>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/huge_page_allocator.h"

namespace framelens::terms {

struct SparseFeature {
  uint32_t index;  // < sparse_dim
  float value;
};

struct Example {
  std::vector<SparseFeature> sparse;
  Eigen::VectorXf dense;  // size dense_dim (may be 0)
  float label = 0.f;      // 0 or 1 (or a rate in [0,1])
  float weight = 1.f;
};

struct LogRegParams {
  double l2_sparse = 1e-4;  // per-example-averaged penalty on sparse weights
  double l2_dense = 1e-3;
  int iterations = 300;
  double learning_rate = 0.05;
};

struct LogRegModel {
  ModelBuffer<float> sparse_w;  // sparse_dim
  Eigen::VectorXf dense_w;      // dense_dim
  float bias = 0.f;

  double margin(const std::vector<SparseFeature>& sp, const Eigen::VectorXf& dense) const;
  double predict(const std::vector<SparseFeature>& sp, const Eigen::VectorXf& dense) const;
};

LogRegModel train_logreg(const std::vector<Example>& data, uint32_t sparse_dim, int dense_dim,
                         const LogRegParams& p);

// The dense block of a loaded-wording model file (sentence and token models): the weights, then the
// means and inverse standard deviations that standardise the features, `dim` floats each. Resizes
// the vectors; false on a short read.
bool read_standardized_dense(std::istream& in, int32_t dim, Eigen::VectorXf& weights, Eigen::VectorXf& mean,
                             Eigen::VectorXf& inv_std);
void write_standardized_dense(std::ostream& out, const Eigen::VectorXf& weights, const Eigen::VectorXf& mean,
                              const Eigen::VectorXf& inv_std);
// Whether every weight is finite (a corrupt file can hold NaN or infinity bytes).
bool all_finite(const ModelBuffer<float>& weights);

inline double sigmoid(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

}  // namespace framelens::terms
