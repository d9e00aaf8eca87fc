#include <catch2/catch.hpp>

#include <random>

#include "analyzer/models/linear_model.h"
#include "analyzer/models/stacked_linear.h"

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
  const StackedLinear s({&a, &b});
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

TEST_CASE("stacked linear: models of different sizes are not stacked", "[models][linear]") {
  const LinearModel a = random_model(2, 16, 4), b = random_model(2, 32, 5);
  CHECK(StackedLinear({&a, &b}).classes() == 0);
  CHECK(StackedLinear(std::vector<const LinearModel*>{}).classes() == 0);
}
