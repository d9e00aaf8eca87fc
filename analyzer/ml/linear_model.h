#pragma once
// Linear classifiers over sparse features: a softmax model (K mutually exclusive classes) or K
// independent logistic heads (multi-label, one-vs-rest). Trained full-batch with L-BFGS on the mean
// (optionally weighted) log loss plus an L2 penalty on the weights (not the biases), so training is
// deterministic. Weights are stored feature-major (row i holds the K weights of feature i): one
// sparse pass touches K contiguous floats per feature, which keeps several heads cheap.
//
// Inference is const and allocation-free (predict into a caller buffer), so one loaded model is
// shared by all threads. Files start with a magic header and carry their sizes; a truncated or
// corrupt file is a model_error, never a crash.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "analyzer/core/error.h"
#include "analyzer/core/huge_page_allocator.h"

namespace framelens {

// Sorted, unique indices with their values (text_features.h builds these from a Document; dense
// features can be appended at indices past the hashed range).
struct SparseVector {
  std::vector<uint32_t> index;
  std::vector<float> value;

  size_t size() const { return index.size(); }
  void clear() {
    index.clear();
    value.clear();
  }
  void push(uint32_t i, float v) {
    index.push_back(i);
    value.push_back(v);
  }
  // Scales to unit L2 norm (no-op for the zero vector).
  void normalize();
};

enum class LinearKind : uint8_t { Softmax = 1, Logistic = 2 };

struct LinearTrainOptions {
  double l2 = 1e-4;           // objective = weighted mean log loss + l2/2 * |W|^2
  int max_iterations = 300;
  double tolerance = 1e-6;    // stop when the relative objective decrease falls below this
  int history = 8;            // L-BFGS memory
  // Softmax: weight samples by n / (K * n_class) (sklearn's class_weight="balanced").
  // Logistic: weight each head's positives by n_neg / n_pos.
  bool balance_classes = false;
};

class LinearModel {
 public:
  LinearModel() = default;
  LinearModel(LinearKind kind, int classes, uint32_t dim);

  // labels[i] in [0, classes). `sample_weight` (optional) multiplies each sample's loss.
  static Result<LinearModel> train_softmax(const std::vector<SparseVector>& x, const std::vector<int>& labels,
                                           int classes, uint32_t dim, const LinearTrainOptions& opt,
                                           const std::vector<float>* sample_weight = nullptr);
  // targets[i] holds `heads` 0/1 flags for sample i.
  static Result<LinearModel> train_logistic(const std::vector<SparseVector>& x,
                                            const std::vector<std::vector<uint8_t>>& targets, int heads,
                                            uint32_t dim, const LinearTrainOptions& opt);

  // Raw scores (K): w_k . x + b_k. Indices >= dim() are ignored.
  void decision(const SparseVector& x, double* out) const;
  // out[k] += w_k . x (no bias), in x's order: decision() is out = b, then this.
  void accumulate(const SparseVector& x, double* out) const;
  // Probabilities: softmax over the K scores, or one sigmoid per head.
  void predict(const SparseVector& x, double* out) const;
  // decision() values -> probabilities, in place (what predict() does after decision()).
  void activate(double* z) const;
  std::vector<double> predict(const SparseVector& x) const;

  LinearKind kind() const { return kind_; }
  int classes() const { return k_; }
  uint32_t dim() const { return dim_; }
  float weight(uint32_t feature, int k) const { return w_[size_t(feature) * k_ + k]; }
  // The K weights of one feature, contiguous.
  const float* row(uint32_t feature) const { return w_.data() + size_t(feature) * k_; }
  float bias(int k) const { return b_(k); }
  bool empty() const { return k_ == 0; }
  // Calibration folded into the model: every weight and bias times `factor` (temperature scaling
  // by 1 / factor), then `offset[k]` added to bias k (offset may be empty).
  void rescale(float factor, const std::vector<float>& offset = {});

  // Binary format: "FLLINEAR" v1, kind, K, D, then D*K float weights and K float biases.
  Status write(std::ostream& os) const;
  static Result<LinearModel> read(std::istream& is, const std::string& where);
  Status save(const std::string& path) const;
  static Result<LinearModel> load(const std::string& path);

 private:
  LinearKind kind_ = LinearKind::Softmax;
  int k_ = 0;
  uint32_t dim_ = 0;
  ModelBuffer<float> w_;  // dim_ x k_, row-major
  Eigen::VectorXf b_;     // k_
};

// Numerically safe helpers shared by callers that post-process scores.
double sigmoid(double z);
void softmax_inplace(double* z, int k);

}  // namespace framelens
