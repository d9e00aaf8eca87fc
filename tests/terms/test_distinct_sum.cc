#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "analyzer/terms/distinct_sum.h"

using namespace framelens::terms;

namespace {

// The reference: sort, unique, add in ascending id order.
double reference(const std::vector<float>& w, std::vector<uint32_t> ids, size_t& n) {
  std::sort(ids.begin(), ids.end());
  n = static_cast<size_t>(std::unique(ids.begin(), ids.end()) - ids.begin());
  double s = 0;
  for (size_t k = 0; k < n; ++k) s += w[ids[k]];
  return s;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST_CASE("DistinctSum: bit-identical to sort + unique + sum, with and without the sort") {
  std::mt19937 rng(7);
  DistinctSum sum;
  for (int spread : {4, 20, 60}) {  // exponent spread of the weights: narrow ones skip the sort
    std::vector<float> w(4096);
    std::uniform_real_distribution<float> u(-1.f, 1.f);
    std::uniform_int_distribution<int> e(-spread, 0);
    for (auto& x : w) x = std::ldexp(u(rng), e(rng));
    w[5] = 0.f;
    for (int trial = 0; trial < 300; ++trial) {
      std::uniform_int_distribution<uint32_t> id(0, trial % 2 ? 63 : 4095);  // many or few duplicates
      std::vector<uint32_t> ids(1 + trial % 120);
      for (auto& x : ids) x = id(rng);
      size_t n_ref = 0, n = 0;
      const double want = reference(w, ids, n_ref);
      const double got = sum(w.data(), ids, n);
      CHECK(n == n_ref);
      CHECK(same_bits(got, want));
    }
  }
}

TEST_CASE("DistinctSum: the exactness test") {
  const std::vector<float> w = {1.f, 0x1p-20f, 0x1p-40f, 0.f, -0.5f, 0x1p-149f};
  const uint32_t close[] = {0, 1, 3, 4}, wide[] = {0, 2}, subnormal[] = {0, 5};
  CHECK(DistinctSum::exact_in_any_order(w.data(), close, 4));
  CHECK_FALSE(DistinctSum::exact_in_any_order(w.data(), wide, 2));
  CHECK_FALSE(DistinctSum::exact_in_any_order(w.data(), subnormal, 2));
  const uint32_t zero[] = {3};
  CHECK(DistinctSum::exact_in_any_order(w.data(), zero, 1));
}
