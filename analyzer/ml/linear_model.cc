#include "analyzer/ml/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <istream>
#include <ostream>

namespace framelens {

void SparseVector::normalize() {
  double s = 0;
  for (float v : value) s += double(v) * v;
  if (s <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(s));
  for (float& v : value) v *= inv;
}

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

void softmax_inplace(double* z, int k) {
  double m = z[0];
  for (int i = 1; i < k; ++i) m = std::max(m, z[i]);
  double s = 0;
  for (int i = 0; i < k; ++i) s += (z[i] = std::exp(z[i] - m));
  for (int i = 0; i < k; ++i) z[i] /= s;
}

namespace {

// log(1 + exp(z)) without overflow.
double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

using Objective = std::function<double(const Eigen::VectorXd& theta, Eigen::VectorXd& grad)>;

// The K head scores of one sparse row under the parameters th = [dim x K weights (row-major by
// feature), K biases]: z[k] = bias_k + sum_j w[index_j][k] * value_j (features >= dim ignored).
void head_scores(const Eigen::VectorXd& th, const SparseVector& v, uint32_t dim, int K, std::vector<double>& z) {
  const size_t DK = size_t(dim) * K;
  for (int k = 0; k < K; ++k) z[k] = th[DK + k];
  for (size_t j = 0; j < v.size(); ++j) {
    if (v.index[j] >= dim) continue;
    const double* row = th.data() + size_t(v.index[j]) * K;
    for (int k = 0; k < K; ++k) z[k] += row[k] * v.value[j];
  }
}

// The summed loss and gradient divided by the total weight, plus the L2 penalty on the weights
// (the first DK parameters; the biases are not penalised).
double mean_with_l2(double loss, Eigen::VectorXd& grad, const Eigen::VectorXd& th, size_t DK, double total,
                    double l2) {
  grad /= total;
  loss /= total;
  auto w = th.head(DK);
  loss += 0.5 * l2 * w.squaredNorm();
  grad.head(DK) += l2 * w;
  return loss;
}

// Adds the gradient of one row, given dloss/dz_k in z, to grad (same layout as th).
void add_head_gradient(const SparseVector& v, uint32_t dim, int K, const std::vector<double>& z,
                       Eigen::VectorXd& grad) {
  const size_t DK = size_t(dim) * K;
  for (size_t j = 0; j < v.size(); ++j) {
    if (v.index[j] >= dim) continue;
    double* row = grad.data() + size_t(v.index[j]) * K;
    for (int k = 0; k < K; ++k) row[k] += z[k] * v.value[j];
  }
  for (int k = 0; k < K; ++k) grad[DK + k] += z[k];
}


// Minimises f with L-BFGS and a backtracking (Armijo) line search. Deterministic.
void lbfgs(const Objective& f, Eigen::VectorXd& x, const LinearTrainOptions& opt) {
  Eigen::VectorXd g(x.size()), g_new(x.size()), x_new(x.size()), d(x.size());
  double fx = f(x, g);
  std::deque<Eigen::VectorXd> S, Y;
  std::deque<double> rho;
  for (int it = 0; it < opt.max_iterations; ++it) {
    // Two-loop recursion: d = -H g.
    d = -g;
    std::vector<double> alpha(S.size());
    for (int i = static_cast<int>(S.size()) - 1; i >= 0; --i) {
      alpha[i] = rho[i] * S[i].dot(d);
      d -= alpha[i] * Y[i];
    }
    if (!S.empty()) d *= S.back().dot(Y.back()) / Y.back().squaredNorm();
    for (size_t i = 0; i < S.size(); ++i) {
      const double beta = rho[i] * Y[i].dot(d);
      d += (alpha[i] - beta) * S[i];
    }
    double gd = g.dot(d);
    if (gd >= 0) {  // not a descent direction: restart from steepest descent
      S.clear(), Y.clear(), rho.clear();
      d = -g;
      gd = g.dot(d);
    }
    double step = S.empty() ? std::min(1.0, 1.0 / std::max(1e-12, g.norm())) : 1.0;
    double f_new = 0;
    bool accepted = false;
    for (int ls = 0; ls < 40; ++ls) {
      x_new = x + step * d;
      f_new = f(x_new, g_new);
      if (std::isfinite(f_new) && f_new <= fx + 1e-4 * step * gd) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    Eigen::VectorXd s = x_new - x, y = g_new - g;
    const double sy = s.dot(y);
    const double rel = (fx - f_new) / std::max({std::abs(fx), std::abs(f_new), 1e-12});
    x.swap(x_new);
    g.swap(g_new);
    fx = f_new;
    if (sy > 1e-12) {
      S.push_back(std::move(s));
      Y.push_back(std::move(y));
      rho.push_back(1.0 / sy);
      if (static_cast<int>(S.size()) > opt.history) S.pop_front(), Y.pop_front(), rho.pop_front();
    }
    if (rel < opt.tolerance && it > 2) break;
  }
}

Status check_inputs(size_t n, size_t n_labels, int k, uint32_t dim) {
  if (n == 0) return input_error("linear model: no training samples");
  if (n != n_labels) return input_error("linear model: samples and labels differ in count");
  if (k < 1 || dim == 0) return input_error("linear model: need >= 1 class and a non-empty feature space");
  return {};
}

constexpr char kMagic[8] = {'F', 'L', 'L', 'I', 'N', 'E', 'A', 'R'};
constexpr uint32_t kVersion = 1;
constexpr uint64_t kMaxParams = uint64_t(1) << 28;  // 1 GiB of floats: anything bigger is corrupt

}  // namespace

LinearModel::LinearModel(LinearKind kind, int classes, uint32_t dim)
    : kind_(kind), k_(classes), dim_(dim), b_(Eigen::VectorXf::Zero(classes)) {
  w_.assign(size_t(dim) * size_t(classes), 0.f);
}

Result<LinearModel> LinearModel::train_softmax(const std::vector<SparseVector>& x, const std::vector<int>& labels,
                                               int classes, uint32_t dim, const LinearTrainOptions& opt,
                                               const std::vector<float>* sample_weight) {
  if (Status s = check_inputs(x.size(), labels.size(), classes, dim); !s) return s.error();
  const size_t n = x.size();
  std::vector<double> wt(n, 1.0);
  if (sample_weight) {
    if (sample_weight->size() != n) return input_error("linear model: sample weights differ in count");
    for (size_t i = 0; i < n; ++i) wt[i] = (*sample_weight)[i];
  }
  std::vector<double> count(classes, 0.0);
  for (int y : labels) {
    if (y < 0 || y >= classes) return input_error("linear model: label out of range");
    count[y] += 1;
  }
  if (opt.balance_classes) {
    for (size_t i = 0; i < n; ++i) wt[i] *= double(n) / (classes * count[labels[i]]);
  }
  double wsum = 0;
  for (double w : wt) wsum += w;
  const int K = classes;
  const size_t DK = size_t(dim) * K;

  Objective f = [&](const Eigen::VectorXd& th, Eigen::VectorXd& grad) {
    grad.setZero();
    double loss = 0;
    std::vector<double> z(K);
    for (size_t i = 0; i < n; ++i) {
      const SparseVector& v = x[i];
      head_scores(th, v, dim, K, z);
      double m = *std::max_element(z.begin(), z.end()), s = 0;
      for (int k = 0; k < K; ++k) s += std::exp(z[k] - m);
      const double lse = m + std::log(s);
      loss += wt[i] * (lse - z[labels[i]]);
      for (int k = 0; k < K; ++k) z[k] = wt[i] * (std::exp(z[k] - lse) - (k == labels[i] ? 1.0 : 0.0));
      add_head_gradient(v, dim, K, z, grad);
    }
    return mean_with_l2(loss, grad, th, DK, wsum, opt.l2);
  };
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(DK + K);
  for (int k = 0; k < K; ++k) theta[DK + k] = std::log((count[k] + 1) / (n + K));
  lbfgs(f, theta, opt);
  LinearModel m(LinearKind::Softmax, K, dim);
  for (size_t i = 0; i < DK; ++i) m.w_.data()[i] = static_cast<float>(theta[i]);
  for (int k = 0; k < K; ++k) m.b_[k] = static_cast<float>(theta[DK + k]);
  return m;
}

Result<LinearModel> LinearModel::train_logistic(const std::vector<SparseVector>& x,
                                                 const std::vector<std::vector<uint8_t>>& targets, int heads,
                                                 uint32_t dim, const LinearTrainOptions& opt) {
  if (Status s = check_inputs(x.size(), targets.size(), heads, dim); !s) return s.error();
  const size_t n = x.size();
  const int K = heads;
  const size_t DK = size_t(dim) * K;
  std::vector<double> pos(K, 0.0);
  for (const auto& t : targets) {
    if (static_cast<int>(t.size()) != K) return input_error("linear model: a target row has the wrong width");
    for (int k = 0; k < K; ++k) pos[k] += t[k] ? 1 : 0;
  }
  std::vector<double> pos_weight(K, 1.0);
  if (opt.balance_classes) {
    for (int k = 0; k < K; ++k) pos_weight[k] = pos[k] > 0 ? (n - pos[k]) / pos[k] : 1.0;
  }
  Objective f = [&](const Eigen::VectorXd& th, Eigen::VectorXd& grad) {
    grad.setZero();
    double loss = 0;
    std::vector<double> z(K);
    for (size_t i = 0; i < n; ++i) {
      const SparseVector& v = x[i];
      head_scores(th, v, dim, K, z);
      for (int k = 0; k < K; ++k) {
        const bool t = targets[i][k];
        const double w = t ? pos_weight[k] : 1.0;
        loss += w * (softplus(z[k]) - (t ? z[k] : 0.0));
        z[k] = w * (sigmoid(z[k]) - (t ? 1.0 : 0.0));
      }
      add_head_gradient(v, dim, K, z, grad);
    }
    return mean_with_l2(loss, grad, th, DK, double(n), opt.l2);
  };
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(DK + K);
  for (int k = 0; k < K; ++k) {
    const double p = (pos[k] + 0.5) / (n + 1.0);
    theta[DK + k] = std::log(p / (1 - p));
  }
  lbfgs(f, theta, opt);
  LinearModel m(LinearKind::Logistic, K, dim);
  for (size_t i = 0; i < DK; ++i) m.w_.data()[i] = static_cast<float>(theta[i]);
  for (int k = 0; k < K; ++k) m.b_[k] = static_cast<float>(theta[DK + k]);
  return m;
}

void LinearModel::decision(const SparseVector& x, double* out) const {
  for (int k = 0; k < k_; ++k) out[k] = b_[k];
  accumulate(x, out);
}

void LinearModel::accumulate(const SparseVector& x, double* out) const {
  // Rows are scattered over megabytes of hashed weights, so the loop waits on memory; the indices
  // are known ahead, so fetch a few rows early.
  constexpr size_t kAhead = 16;
  const size_t n = x.size();
  for (size_t j = 0; j < n; ++j) {
    if (j + kAhead < n && x.index[j + kAhead] < dim_)
      __builtin_prefetch(w_.data() + size_t(x.index[j + kAhead]) * k_);
    if (x.index[j] >= dim_) continue;
    const float* row = w_.data() + size_t(x.index[j]) * k_;
    const double v = x.value[j];
    for (int k = 0; k < k_; ++k) out[k] += row[k] * v;
  }
}

void LinearModel::predict(const SparseVector& x, double* out) const {
  if (k_ == 0) return;
  decision(x, out);
  activate(out);
}

void LinearModel::activate(double* z) const {
  if (kind_ == LinearKind::Softmax) {
    softmax_inplace(z, k_);
  } else {
    for (int k = 0; k < k_; ++k) z[k] = sigmoid(z[k]);
  }
}

std::vector<double> LinearModel::predict(const SparseVector& x) const {
  std::vector<double> p(k_);
  predict(x, p.data());
  return p;
}

void LinearModel::rescale(float factor, const std::vector<float>& offset) {
  for (auto& w : w_) w *= factor;
  b_ *= factor;
  for (size_t k = 0; k < offset.size() && k < size_t(k_); ++k) b_(static_cast<Eigen::Index>(k)) += offset[k];
}

Status LinearModel::write(std::ostream& os) const {
  const uint32_t kind = static_cast<uint32_t>(kind_), k = k_, d = dim_;
  os.write(kMagic, sizeof kMagic);
  os.write(reinterpret_cast<const char*>(&kVersion), 4);
  os.write(reinterpret_cast<const char*>(&kind), 4);
  os.write(reinterpret_cast<const char*>(&k), 4);
  os.write(reinterpret_cast<const char*>(&d), 4);
  os.write(reinterpret_cast<const char*>(w_.data()), std::streamsize(sizeof(float) * w_.size()));
  os.write(reinterpret_cast<const char*>(b_.data()), std::streamsize(sizeof(float) * b_.size()));
  if (!os) return internal_error("linear model: write failed");
  return {};
}

Result<LinearModel> LinearModel::read(std::istream& is, const std::string& where) {
  char magic[8];
  uint32_t version = 0, kind = 0, k = 0, d = 0;
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, kMagic, sizeof magic) != 0)
    return model_error(where + ": not a framelens linear model (bad magic)");
  is.read(reinterpret_cast<char*>(&version), 4);
  is.read(reinterpret_cast<char*>(&kind), 4);
  is.read(reinterpret_cast<char*>(&k), 4);
  is.read(reinterpret_cast<char*>(&d), 4);
  if (!is) return model_error(where + ": truncated linear model header");
  if (version != kVersion) return model_error(where + ": unsupported linear model version " + std::to_string(version));
  if (kind != 1 && kind != 2) return model_error(where + ": bad linear model kind");
  if (k == 0 || k > 4096 || d == 0 || uint64_t(k) * d > kMaxParams)
    return model_error(where + ": implausible linear model size " + std::to_string(k) + " x " + std::to_string(d));
  LinearModel m;
  m.kind_ = static_cast<LinearKind>(kind);
  m.k_ = static_cast<int>(k);
  m.dim_ = d;
  m.w_.resize(size_t(d) * k);  // not zero-filled: read right away
  m.b_.resize(k);
  is.read(reinterpret_cast<char*>(m.w_.data()), std::streamsize(sizeof(float) * m.w_.size()));
  is.read(reinterpret_cast<char*>(m.b_.data()), std::streamsize(sizeof(float) * m.b_.size()));
  if (!is) return model_error(where + ": truncated linear model weights");
  for (Eigen::Index i = 0; i < m.b_.size(); ++i)
    if (!std::isfinite(m.b_[i])) return model_error(where + ": non-finite bias");
  return m;
}

Status LinearModel::save(const std::string& path) const {
  std::ofstream os(path, std::ios::binary);
  if (!os) return internal_error("cannot write " + path);
  return write(os);
}

Result<LinearModel> LinearModel::load(const std::string& path) {
  std::ifstream is(path, std::ios::binary);
  if (!is) return model_error("cannot read " + path);
  auto m = read(is, path);
  if (!m) return m;
  if (is.peek() != std::char_traits<char>::eof()) return model_error(path + ": trailing bytes after linear model");
  return m;
}

}  // namespace framelens
