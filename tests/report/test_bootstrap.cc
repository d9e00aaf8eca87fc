#include <catch2/catch.hpp>

#include <string>

#include "analyzer/report/bootstrap.h"

using namespace framelens;

TEST_CASE("bootstrap: weights depend only on the article key", "[bootstrap]") {
  const uint64_t k1 = KeyHash().add("article-1").add(int64_t{500}).value();
  const uint64_t k2 = KeyHash().add("article-2").add(int64_t{500}).value();
  CHECK(poisson_weights(k1) == poisson_weights(k1));
  CHECK(poisson_weights(k1) != poisson_weights(k2));
  CHECK(KeyHash().add("ab").add("c").value() != KeyHash().add("a").add("bc").value());
}

TEST_CASE("bootstrap: weights follow Poisson(1)", "[bootstrap]") {
  double sum = 0, zeros = 0, n = 0;
  for (int a = 0; a < 500; ++a) {
    for (uint8_t w : poisson_weights(KeyHash().add(std::to_string(a)).value())) {
      sum += w;
      zeros += w == 0;
      ++n;
    }
  }
  CHECK(sum / n == Approx(1.0).margin(0.02));
  CHECK(zeros / n == Approx(0.3679).margin(0.02));  // P(0) = 1/e
}

TEST_CASE("bootstrap: ratio intervals bracket the estimate and merge like one pass", "[bootstrap]") {
  SumAcc num, den, num_a, den_a, num_b, den_b;
  for (int i = 0; i < 200; ++i) {
    const auto w = poisson_weights(KeyHash().add(int64_t{i}).value());
    const double x = (i % 7) * 1.5, words = 100 + i % 13;
    num.add(x, w);
    den.add(words, w);
    (i % 2 ? num_a : num_b).add(x, w);
    (i % 2 ? den_a : den_b).add(words, w);
  }
  const Interval iv = ratio_interval(num, den, 1000.0);
  REQUIRE(iv.defined);
  CHECK(iv.low < iv.value);
  CHECK(iv.value < iv.high);
  num_a.merge(num_b);
  den_a.merge(den_b);
  const Interval merged = ratio_interval(num_a, den_a, 1000.0);
  CHECK(merged.value == Approx(iv.value));
  CHECK(merged.low == Approx(iv.low).epsilon(1e-4));
  CHECK(merged.high == Approx(iv.high).epsilon(1e-4));
}

TEST_CASE("bootstrap: an empty denominator gives no interval", "[bootstrap]") {
  SumAcc num, den;
  CHECK_FALSE(ratio_interval(num, den).defined);
}
