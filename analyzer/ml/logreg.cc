#include "analyzer/ml/logreg.h"

#include <cmath>
#include <istream>
#include <ostream>

namespace framelens::terms {

bool read_standardized_dense(std::istream& in, int32_t dim, Eigen::VectorXf& weights, Eigen::VectorXf& mean,
                             Eigen::VectorXf& inv_std) {
  for (Eigen::VectorXf* v : {&weights, &mean, &inv_std}) {
    v->resize(dim);
    in.read(reinterpret_cast<char*>(v->data()), static_cast<std::streamsize>(sizeof(float) * dim));
  }
  return static_cast<bool>(in);
}

void write_standardized_dense(std::ostream& out, const Eigen::VectorXf& weights, const Eigen::VectorXf& mean,
                              const Eigen::VectorXf& inv_std) {
  for (const Eigen::VectorXf* v : {&weights, &mean, &inv_std})
    out.write(reinterpret_cast<const char*>(v->data()), static_cast<std::streamsize>(sizeof(float) * v->size()));
}

bool all_finite(const ModelBuffer<float>& weights) {
  for (float w : weights)
    if (!std::isfinite(w)) return false;
  return true;
}

double LogRegModel::margin(const std::vector<SparseFeature>& sp, const Eigen::VectorXf& dense) const {
  double z = bias;
  for (const auto& f : sp) z += sparse_w[f.index] * f.value;
  if (dense.size() > 0 && dense_w.size() == dense.size()) z += dense_w.dot(dense);
  return z;
}

double LogRegModel::predict(const std::vector<SparseFeature>& sp, const Eigen::VectorXf& dense) const {
  return sigmoid(margin(sp, dense));
}

LogRegModel train_logreg(const std::vector<Example>& data, uint32_t sparse_dim, int dense_dim,
                         const LogRegParams& p) {
  LogRegModel m;
  m.sparse_w.assign(sparse_dim, 0.f);
  m.dense_w = Eigen::VectorXf::Zero(dense_dim);
  if (data.empty()) return m;
  double wsum = 0;
  for (const auto& e : data) wsum += e.weight;

  // Adam state.
  std::vector<float> gs(sparse_dim), ms(sparse_dim, 0.f), vs(sparse_dim, 0.f);
  Eigen::VectorXf gd(dense_dim), md = Eigen::VectorXf::Zero(dense_dim), vd = Eigen::VectorXf::Zero(dense_dim);
  double mb = 0, vb = 0;
  const double b1 = 0.9, b2 = 0.999, eps = 1e-8;
  std::vector<uint8_t> touched(sparse_dim, 0);
  for (const auto& e : data)
    for (const auto& f : e.sparse) touched[f.index] = 1;

  for (int it = 1; it <= p.iterations; ++it) {
    std::fill(gs.begin(), gs.end(), 0.f);
    gd.setZero();
    double gb = 0;
    for (const auto& e : data) {
      const double err = (m.predict(e.sparse, e.dense) - e.label) * e.weight / wsum;
      for (const auto& f : e.sparse) gs[f.index] += static_cast<float>(err * f.value);
      if (dense_dim > 0) gd += static_cast<float>(err) * e.dense;
      gb += err;
    }
    const double c1 = 1 - std::pow(b1, it), c2 = 1 - std::pow(b2, it);
    const double lr = p.learning_rate;
    for (uint32_t j = 0; j < sparse_dim; ++j) {
      if (!touched[j]) continue;
      const double g = gs[j] + p.l2_sparse * m.sparse_w[j];
      ms[j] = static_cast<float>(b1 * ms[j] + (1 - b1) * g);
      vs[j] = static_cast<float>(b2 * vs[j] + (1 - b2) * g * g);
      m.sparse_w[j] -= static_cast<float>(lr * (ms[j] / c1) / (std::sqrt(vs[j] / c2) + eps));
    }
    for (int j = 0; j < dense_dim; ++j) {
      const double g = gd[j] + p.l2_dense * m.dense_w[j];
      md[j] = static_cast<float>(b1 * md[j] + (1 - b1) * g);
      vd[j] = static_cast<float>(b2 * vd[j] + (1 - b2) * g * g);
      m.dense_w[j] -= static_cast<float>(lr * (md[j] / c1) / (std::sqrt(vd[j] / c2) + eps));
    }
    mb = b1 * mb + (1 - b1) * gb;
    vb = b2 * vb + (1 - b2) * gb * gb;
    m.bias -= static_cast<float>(lr * (mb / c1) / (std::sqrt(vb / c2) + eps));
  }
  return m;
}

}  // namespace framelens::terms
