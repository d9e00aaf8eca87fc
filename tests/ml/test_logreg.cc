#include <catch2/catch.hpp>

#include "analyzer/ml/logreg.h"
#include "analyzer/train/terms_metrics.h"

using namespace framelens;
using namespace framelens::terms;

TEST_CASE("logreg: learns a separable sparse + dense problem", "[terms]") {
  std::vector<Example> data;
  for (int i = 0; i < 40; ++i) {
    Example e;
    const bool pos = i % 2 == 0;
    e.sparse = {{pos ? 3u : 5u, 1.f}, {7u, 1.f}};
    e.dense = Eigen::VectorXf::Constant(1, pos ? 1.f : -1.f);
    e.label = pos ? 1.f : 0.f;
    data.push_back(e);
  }
  LogRegParams p;
  p.iterations = 200;
  const auto m = train_logreg(data, 16, 1, p);
  for (const auto& e : data) {
    const double pr = m.predict(e.sparse, e.dense);
    CHECK((pr >= 0.5) == (e.label > 0.5f));
  }
  CHECK(m.sparse_w[3] > 0);
  CHECK(m.sparse_w[5] < 0);
}

TEST_CASE("metrics: macro-F1 and overlap span counts", "[terms]") {
  BinaryCounts c;
  c.add(true, true);
  c.add(true, false);
  c.add(false, false);
  c.add(false, false);
  // biased: P=1 R=.5 F=.667; non-biased: P=.667 R=1 F=.8
  CHECK(c.macro_f1() == Approx((2.0 / 3 + 0.8) / 2));
  SpanCounts s;
  s.add({{0, 5}, {10, 15}}, {{3, 4}, {20, 22}});
  CHECK(s.precision() == Approx(0.5));
  CHECK(s.recall() == Approx(0.5));
}
