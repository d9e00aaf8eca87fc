#include <catch2/catch.hpp>

#include "analyzer/train/outlet_spread.h"

using namespace framelens;

namespace {

SparseVector vec(std::vector<uint32_t> idx) {
  SparseVector v;
  for (uint32_t i : idx) v.push(i, 0.5f);
  return v;
}

double total(const std::vector<float>& w, const std::vector<std::string>& outlets, const std::string& o) {
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i)
    if (outlets[i] == o) s += w[i];
  return s;
}

}  // namespace

TEST_CASE("outlet spread: power 1 gives every outlet the same total weight", "[models][leaning]") {
  // Outlet A has 4 articles, B has 1; both left.  C (2 articles) is right.
  const std::vector<std::string> outlets = {"A", "A", "A", "A", "B", "C", "C"};
  const std::vector<int> labels = {0, 0, 0, 0, 0, 2, 2};
  auto w = leaning_sample_weights(outlets, labels, 3, 1.0, false);
  REQUIRE(w.size() == outlets.size());
  CHECK(total(w, outlets, "A") == Approx(total(w, outlets, "B")));
  CHECK(total(w, outlets, "A") == Approx(total(w, outlets, "C")));
  double sum = 0;
  for (float v : w) sum += v;
  CHECK(sum == Approx(7.0));  // mean weight 1

  // Power 0 with class balance = sklearn's class_weight="balanced" (n / (K * n_class), present classes).
  auto b = leaning_sample_weights(outlets, labels, 3, 0.0, true);
  CHECK(b[0] == Approx(7.0 / (2 * 5)));
  CHECK(b[5] == Approx(7.0 / (2 * 2)));

  // Power 1 + balance: the left class total equals the right class total, A still equals B.
  auto c = leaning_sample_weights(outlets, labels, 3, 1.0, true);
  CHECK(total(c, outlets, "A") + total(c, outlets, "B") == Approx(total(c, outlets, "C")));
  CHECK(total(c, outlets, "A") == Approx(total(c, outlets, "B")));
}

TEST_CASE("outlet spread: features seen in few outlets are dropped without re-normalising", "[models][leaning]") {
  const std::vector<SparseVector> x = {vec({1, 2, 5}), vec({1, 5}), vec({1, 3}), vec({2, 4})};
  const std::vector<std::string> outlets = {"A", "A", "B", "C"};
  auto counts = feature_outlet_counts(x, outlets, 8);
  CHECK(counts[1] == 2);  // A twice counts once
  CHECK(counts[2] == 2);
  CHECK(counts[5] == 1);
  CHECK(counts[3] == 1);
  CHECK(counts[0] == 0);

  SparseVector v = vec({1, 2, 3, 5, 7});
  keep_spread_features(v, counts, 2);
  CHECK(v.index == std::vector<uint32_t>{1, 2});
  CHECK(v.value == std::vector<float>{0.5f, 0.5f});  // values untouched
  SparseVector u = vec({3, 5});
  keep_spread_features(u, counts, 1);  // K = 1 keeps everything
  CHECK(u.size() == 2);
}
