#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>

#include "analyzer/terms/sentence_calibration.h"
#include "analyzer/train/prior_em.h"
#include "tests/test_temp.h"

using namespace framelens;
using namespace framelens::terms;
using framelens_test::TempDir;

TEST_CASE("prior EM recovers the base rate of a shifted population", "[terms][calibration]") {
  // A calibrated classifier under a balanced training prior: score s ~ N(+1,1) for positives and
  // N(-1,1) for negatives gives the posterior sigmoid(2s) at prior 0.5. Draw a population with 20%
  // positives; EM must find about 0.2, the naive mean of the posteriors is far above.
  std::mt19937 rng(3);
  std::normal_distribution<double> n01(0.0, 1.0);
  std::bernoulli_distribution pos(0.2);
  std::vector<double> post;
  for (int i = 0; i < 20000; ++i) {
    const double s = (pos(rng) ? 1.0 : -1.0) + n01(rng);
    post.push_back(1.0 / (1.0 + std::exp(-2.0 * s)));
  }
  const PriorEstimate e = estimate_prior_em(post, 0.5);
  CHECK(e.rate == Approx(0.2).margin(0.015));
  CHECK(e.mean_posterior > 0.3);
  CHECK(e.shift == Approx(std::log(e.rate / (1 - e.rate))).margin(1e-9));
  // Unchanged population: the rate stays at the training prior.
  std::vector<double> bal;
  std::bernoulli_distribution half(0.5);
  for (int i = 0; i < 20000; ++i) {
    const double s = (half(rng) ? 1.0 : -1.0) + n01(rng);
    bal.push_back(1.0 / (1.0 + std::exp(-2.0 * s)));
  }
  CHECK(estimate_prior_em(bal, 0.5).rate == Approx(0.5).margin(0.02));
}

TEST_CASE("sentence calibration file round trip and errors", "[terms][calibration]") {
  TempDir dir("calib_test");
  const std::string p = dir.file("calibration.tsv");
  SentenceCalibration c;
  c.train_rate = 0.49;
  c.real_rate = 0.21;
  c.shift = -1.28;
  c.sentences = 1234;
  REQUIRE(c.save(p).ok());
  auto r = SentenceCalibration::load(p);
  REQUIRE(r.ok());
  CHECK(r->real_rate == Approx(0.21));
  CHECK(r->shift == Approx(-1.28));
  CHECK(r->threshold == Approx(0.5));
  CHECK(r->sentences == 1234);
  std::ofstream(p) << "train_rate\t0.5\nshift\tnan\n";
  CHECK_FALSE(SentenceCalibration::load(p).ok());
  std::ofstream(p) << "train_rate\t0.5\nreal_rate\t0.2\n";
  CHECK_FALSE(SentenceCalibration::load(p).ok());
}
