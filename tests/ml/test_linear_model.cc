#include <catch2/catch.hpp>

#include <cstring>
#include <sstream>

#include "analyzer/ml/linear_model.h"

using namespace framelens;

namespace {

SparseVector sv(std::initializer_list<std::pair<uint32_t, float>> e) {
  SparseVector v;
  for (auto [i, x] : e) v.push(i, x);
  return v;
}

}  // namespace

TEST_CASE("linear model: softmax learns separable classes and round-trips", "[models][linear]") {
  // Feature 0 marks class 0, feature 1 class 1, feature 2 class 2; feature 3 is shared noise.
  std::vector<SparseVector> x;
  std::vector<int> y;
  for (int r = 0; r < 20; ++r)
    for (int c = 0; c < 3; ++c) {
      x.push_back(sv({{uint32_t(c), 1.0f}, {3, 0.5f}}));
      y.push_back(c);
    }
  LinearTrainOptions opt;
  opt.l2 = 1e-3;
  auto m = LinearModel::train_softmax(x, y, 3, 4, opt);
  REQUIRE(m.ok());
  for (int c = 0; c < 3; ++c) {
    auto p = m->predict(sv({{uint32_t(c), 1.0f}}));
    CHECK(p[c] > 0.8);
    CHECK(p[0] + p[1] + p[2] == Approx(1.0));
  }
  std::stringstream ss;
  REQUIRE(m->write(ss).ok());
  auto back = LinearModel::read(ss, "mem");
  REQUIRE(back.ok());
  CHECK(back->predict(sv({{1, 1.0f}}))[1] == Approx(m->predict(sv({{1, 1.0f}}))[1]));
}

TEST_CASE("linear model: logistic heads are independent", "[models][linear]") {
  std::vector<SparseVector> x;
  std::vector<std::vector<uint8_t>> t;
  for (int r = 0; r < 30; ++r) {
    x.push_back(sv({{0, 1.0f}}));
    t.push_back({1, 0});
    x.push_back(sv({{1, 1.0f}}));
    t.push_back({0, 0});
    x.push_back(sv({{0, 1.0f}, {1, 1.0f}}));
    t.push_back({1, 1});
  }
  auto m = LinearModel::train_logistic(x, t, 2, 2, LinearTrainOptions{});
  REQUIRE(m.ok());
  auto both = m->predict(sv({{0, 1.0f}, {1, 1.0f}}));
  auto one = m->predict(sv({{1, 1.0f}}));
  CHECK(both[0] > 0.5);
  CHECK(both[1] > 0.5);
  CHECK(one[0] < 0.5);
  CHECK(one[1] < 0.5);
}

TEST_CASE("linear model: corrupt or truncated files are model errors", "[models][linear]") {
  LinearModel m(LinearKind::Softmax, 3, 16);
  std::stringstream ss;
  REQUIRE(m.write(ss).ok());
  std::string bytes = ss.str();
  std::stringstream cut(bytes.substr(0, bytes.size() - 5));
  auto r = LinearModel::read(cut, "cut");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().kind == ErrorKind::Model);
  std::string bad = bytes;
  bad[0] = 'X';
  std::stringstream badss(bad);
  CHECK_FALSE(LinearModel::read(badss, "bad").ok());
  std::string huge = bytes;
  uint32_t big = 0xFFFFFFFFu;
  std::memcpy(&huge[20], &big, 4);  // dimension field
  std::stringstream hugess(huge);
  CHECK_FALSE(LinearModel::read(hugess, "huge").ok());
  CHECK_FALSE(LinearModel::train_softmax({}, {}, 3, 4, {}).ok());
}
