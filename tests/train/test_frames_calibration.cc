#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "analyzer/train/frames_calibration.h"

using namespace framelens;

TEST_CASE("frames calibration: Platt scaling maps over-confident logits to the observed rate", "[train][frames]") {
  // Logit 4 is right 3 times in 4, logit -4 once in 4: the calibrated scores must come close to that.
  std::vector<double> z;
  std::vector<uint8_t> y;
  for (int r = 0; r < 100; ++r) {
    for (int k = 0; k < 4; ++k) z.push_back(4), y.push_back(k < 3);
    for (int k = 0; k < 4; ++k) z.push_back(-4), y.push_back(k < 1);
  }
  const auto p = fit_platt(z, y);
  CHECK(p.a > 0);
  CHECK(p.a < 1);  // shrinks the logits
  CHECK(p.apply(4) == Approx(0.75).margin(0.02));
  CHECK(p.apply(-4) == Approx(0.25).margin(0.02));
  // Inverted out-of-fold logits never invert the head: the identity is kept.
  const auto inv = fit_platt({3, 2, -2, -3}, {0, 0, 1, 1});
  CHECK(inv.a == 1);
  CHECK(inv.b == 0);
  // Without both classes the identity is kept.
  const auto id = fit_platt({1, 2}, {1, 1});
  CHECK(id.a == 1);
  CHECK(id.b == 0);
}

TEST_CASE("frames calibration: the per-label threshold maximises that label's F1", "[train][frames]") {
  const std::vector<double> s = {0.9, 0.8, 0.35, 0.3, 0.2, 0.1};
  const std::vector<uint8_t> y = {1, 1, 1, 0, 0, 0};
  double f1 = 0;
  const double t = best_f1_threshold(s, {}, y, &f1);
  CHECK(f1 == Approx(1.0));
  CHECK(t > 0.3);
  CHECK(t <= 0.35);
  // A forced selection (the top frame) counts whatever the threshold.
  const std::vector<uint8_t> forced = {0, 0, 0, 0, 0, 1};
  best_f1_threshold(s, forced, y, &f1);
  CHECK(f1 == Approx(6.0 / 7.0));
}

TEST_CASE("frames calibration: EM recovers a shifted label prior on unlabelled data", "[train][frames]") {
  // Calibrated posteriors under a 0.5 training prior: positives have logit ~ N(1.5, 1), negatives
  // ~ N(-1.5, 1); with equal variances the posterior logit is 3 * x. Target prior 0.85.
  std::mt19937 rng(7);
  std::normal_distribution<double> pos(1.5, 1), neg(-1.5, 1);
  std::bernoulli_distribution is_pos(0.85);
  std::vector<double> p;
  for (int i = 0; i < 4000; ++i) {
    const double x = is_pos(rng) ? pos(rng) : neg(rng);
    p.push_back(1 / (1 + std::exp(-3 * x)));
  }
  const double q = em_target_prior(p, 0.5);
  CHECK(q == Approx(0.85).margin(0.03));
  CHECK(prior_shift(0.5, q) > 0);
  CHECK(prior_shift(0.3, 0.3) == Approx(0.0));
  CHECK(em_target_prior({}, 0.4) == Approx(0.4));
}
