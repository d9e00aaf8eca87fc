#include <catch2/catch.hpp>

#include <random>

#include "analyzer/ml/linear_model.h"
#include "analyzer/ml/stacked_linear.h"

using namespace framelens;

namespace {

// A model with random (trained, so non-trivial) weights: logistic heads on random sparse data.
LinearModel random_model(int heads, uint32_t dim, unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<SparseVector> x;
  std::vector<std::vector<uint8_t>> t;
  for (int r = 0; r < 60; ++r) {
    SparseVector v;
    for (uint32_t f = 0; f < dim; ++f)
      if (rng() % 3 == 0) v.push(f, float(rng() % 100) / 50.0f);
    x.push_back(v);
    std::vector<uint8_t> y(static_cast<size_t>(heads));
    for (auto& b : y) b = rng() % 2;
    t.push_back(y);
  }
  LinearTrainOptions opt;
  opt.max_iterations = 30;
  auto m = LinearModel::train_logistic(x, t, heads, dim, opt);
  REQUIRE(m.ok());
  return std::move(*m);
}

}  // namespace

TEST_CASE("stacked linear: exactly each model's own decision values, concatenated", "[models][linear]") {
  const LinearModel a = random_model(4, 32, 1), b = random_model(2, 32, 2);
  const StackedLinear s({&a, &b}, 32);
  REQUIRE(s.classes() == 6);
  std::mt19937 rng(3);
  for (int trial = 0; trial < 20; ++trial) {
    SparseVector x;
    for (int j = 0; j < 40; ++j) x.push(rng() % 40, float(rng() % 1000) / 300.0f);  // >= dim: ignored
    double za[4], zb[2], zs[6];
    a.decision(x, za);
    b.decision(x, zb);
    s.decision(x, zs);
    for (int k = 0; k < 4; ++k) CHECK(zs[k] == za[k]);  // bit-identical: same sums in the same order
    for (int k = 0; k < 2; ++k) CHECK(zs[4 + k] == zb[k]);
  }
}

TEST_CASE("stacked linear: shared rows stacked, a model's extra rows added after, same bits", "[models][linear]") {
  // b has 8 extra features past the 24 shared rows (like the generic frames' lexicon features).
  const LinearModel a = random_model(3, 24, 4), b = random_model(2, 32, 5);
  const StackedLinear s({&a, &b}, 24);
  REQUIRE(s.classes() == 5);
  std::mt19937 rng(6);
  for (int trial = 0; trial < 20; ++trial) {
    SparseVector shared, extra, full_b;
    for (int j = 0; j < 30; ++j) shared.push(rng() % 24, float(rng() % 1000) / 300.0f);
    for (uint32_t f = 24; f < 32; ++f) extra.push(f, float(rng() % 1000) / 300.0f);
    full_b = shared;
    for (size_t j = 0; j < extra.size(); ++j) full_b.push(extra.index[j], extra.value[j]);
    double za[3], zb[2], zs[5];
    a.decision(shared, za);
    b.decision(full_b, zb);
    s.decision(shared, zs);
    b.accumulate(extra, zs + 3);
    for (int k = 0; k < 3; ++k) CHECK(zs[k] == za[k]);
    for (int k = 0; k < 2; ++k) CHECK(zs[3 + k] == zb[k]);
  }
}

TEST_CASE("stacked linear: a model smaller than the shared rows is not stacked", "[models][linear]") {
  const LinearModel a = random_model(2, 16, 4), b = random_model(2, 32, 5);
  CHECK(StackedLinear({&a, &b}, 32).classes() == 0);
  CHECK(StackedLinear(std::vector<const LinearModel*>{}, 16).classes() == 0);
}
