#include <catch2/catch.hpp>

#include "analyzer/article/leaning_model.h"

using namespace framelens;

namespace {

SparseVector one(uint32_t i) {
  SparseVector v;
  v.push(i, 1.0f);
  return v;
}

LinearModel toy_head() {
  std::vector<SparseVector> x;
  std::vector<int> y;
  for (int r = 0; r < 6; ++r) {
    x.push_back(one(0)), y.push_back(0);
    x.push_back(one(1)), y.push_back(1);
    x.push_back(one(2)), y.push_back(2);
  }
  LinearTrainOptions lo;
  lo.l2 = 1e-3;
  auto m = LinearModel::train_softmax(x, y, 3, 4, lo);
  REQUIRE(m.ok());
  return std::move(*m);
}

}  // namespace

TEST_CASE("leaning model: lean is right minus left", "[models][leaning]") {
  const LeaningModel m(toy_head());
  const auto r = m.predict(one(2)), l = m.predict(one(0)), c = m.predict(one(1));
  CHECK(r.label == "right");
  CHECK(r.lean == Approx(r.right - r.left));
  CHECK(r.lean > 0.5);
  CHECK(l.lean < -0.5);
  CHECK(std::abs(c.lean) < 0.1);
}

TEST_CASE("leaning model: temperature scaling folded into the head softens the probabilities",
          "[models][leaning]") {
  LinearModel head = toy_head();
  const double before = LeaningModel(head).predict(one(2)).lean;
  head.rescale(0.5f);
  const double after = LeaningModel(head).predict(one(2)).lean;
  CHECK(after > 0);
  CHECK(after < before);
  // A class offset moves the decision: a large center offset makes "center" win.
  head.rescale(1.0f, {0.0f, 20.0f, 0.0f});
  CHECK(LeaningModel(head).predict(one(2)).label == "center");
}
