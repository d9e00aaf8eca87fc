#include <catch2/catch.hpp>

#include "analyzer/train/outlet_agreement.h"

using namespace framelens;

TEST_CASE("outlet agreement: Spearman with tied ranks", "[train][leaning]") {
  CHECK(spearman({1, 2, 3, 4}, {10, 20, 30, 40}) == Approx(1.0));
  CHECK(spearman({1, 2, 3, 4}, {4, 3, 2, 1}) == Approx(-1.0));
  CHECK(spearman({1, 1, 1}, {1, 2, 3}) == 0.0);
  // Ties on the gold side: ranks 1.5, 1.5, 3.5, 3.5.
  CHECK(spearman({0.1, 0.2, 0.3, 0.4}, {-1, -1, 1, 1}) == Approx(0.894427).margin(1e-5));
}

TEST_CASE("outlet agreement: per-outlet means decide the outlet's label and order", "[train][leaning]") {
  // Outlet L (left): leans left on average though one article is called right; C center; R right.
  const std::vector<std::string> outlet = {"L", "L", "L", "C", "C", "R", "R"};
  const std::vector<int> gold = {0, 0, 0, 1, 1, 2, 2};
  const std::vector<std::array<double, 3>> p = {{0.8, 0.1, 0.1}, {0.7, 0.2, 0.1}, {0.2, 0.2, 0.6},
                                                {0.3, 0.5, 0.2}, {0.2, 0.6, 0.2}, {0.1, 0.2, 0.7},
                                                {0.3, 0.3, 0.4}};
  const auto a = outlet_agreement(outlet, gold, p);
  CHECK(a.outlets == 3);
  CHECK(a.agreement == Approx(1.0));
  CHECK(a.spearman == Approx(1.0));
  CHECK(a.macro_f1 == Approx(1.0));
  // Swap the right outlet's probabilities to the left: it is then misplaced.
  auto q = p;
  q[5] = {0.9, 0.05, 0.05};
  q[6] = {0.9, 0.05, 0.05};
  const auto b = outlet_agreement(outlet, gold, q);
  CHECK(b.agreement == Approx(2.0 / 3.0));
  CHECK(b.spearman < 0.5);
}

TEST_CASE("leaning calibration: temperature and class offsets", "[train][leaning]") {
  // Over-confident: 0.98 on the argmax, right only 60% of the time -> 1/T < 1.
  std::vector<std::array<double, 3>> p;
  std::vector<int> gold;
  for (int i = 0; i < 100; ++i) p.push_back({0.98, 0.01, 0.01}), gold.push_back(i < 60 ? 0 : (i < 80 ? 1 : 2));
  const double inv_t = fit_inverse_temperature(p, gold);
  CHECK(inv_t < 0.5);
  const auto c = calibrate3(p[0], inv_t);
  CHECK(c[0] == Approx(0.6).margin(0.05));
  CHECK(c[0] + c[1] + c[2] == Approx(1.0));
  // Class offsets: "right" articles scored just below "left" are recovered by a right offset.
  std::vector<std::array<double, 3>> q;
  std::vector<int> g;
  for (int i = 0; i < 50; ++i) q.push_back({0.6, 0.1, 0.3}), g.push_back(0);
  for (int i = 0; i < 50; ++i) q.push_back({0.45, 0.1, 0.45 - 0.01}), g.push_back(2);
  for (int i = 0; i < 50; ++i) q.push_back({0.2, 0.7, 0.1}), g.push_back(1);
  const auto off = fit_class_offsets(q, g);
  CHECK(off[0] == 0.0);
  CHECK(off[2] > 0.0);
}
