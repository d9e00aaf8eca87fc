#pragma once
// A small sentence model with random weights for the terms tests: char-grams, word vectors for
// "reckless" and "council" (and "plan" when asked), every other word out of vocabulary. Tests
// compare scoring paths or file round trips, never fixed numbers, so any seed serves.
#include <random>

#include "analyzer/terms/sentence_model.h"

namespace framelens_test {

struct RandomSentenceModel {
  unsigned seed = 7;
  bool plan_vector = false;   // a third word vector
  bool fitted_scale = false;  // a random (non-identity) standardisation of the dense block
  bool prepare = true;        // callers that change the model afterwards prepare it themselves
};

inline framelens::terms::SentenceModel random_sentence_model(const RandomSentenceModel& o) {
  framelens::terms::SentenceModel m;
  m.hash_bits = 12;
  m.vectors.reset(4);
  const float a[4] = {0.5f, -1.f, 0.25f, 2.f}, b[4] = {-0.3f, 0.7f, 1.f, 0.f}, c[4] = {0.1f, 0.2f, -0.9f, 0.4f};
  m.vectors.add("reckless", a);
  m.vectors.add("council", b);
  if (o.plan_vector) m.vectors.add("plan", c);
  std::mt19937 rng(o.seed);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  m.lr.sparse_w.resize(m.sparse_dim());
  for (auto& w : m.lr.sparse_w) w = u(rng);
  m.lr.dense_w = Eigen::VectorXf::Zero(m.dense_dim());
  m.dense_mean = Eigen::VectorXf::Zero(m.dense_dim());
  m.dense_inv_std = Eigen::VectorXf::Ones(m.dense_dim());
  for (int i = 0; i < m.dense_dim(); ++i) {
    m.lr.dense_w[i] = u(rng);
    if (o.fitted_scale) {
      m.dense_mean[i] = 0.3f * u(rng);
      m.dense_inv_std[i] = 1.f + 0.5f * u(rng);
    }
  }
  m.lr.bias = 0.1f;
  if (o.prepare) m.prepare();
  return m;
}

}  // namespace framelens_test
