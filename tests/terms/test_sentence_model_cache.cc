#include <catch2/catch.hpp>

#include <random>

#include "analyzer/ml/hashing.h"
#include "analyzer/terms/sentence_model.h"
#include "tests/terms/random_sentence_model.h"
#include "tests/test_doc.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

SentenceModel random_model(unsigned seed) { return framelens_test::random_sentence_model({.seed = seed}); }

double margin(const SentenceModel& m, const Document& d) {
  const auto& s = d.sentences[0];
  return m.margin_fast(d, s.first_token, s.end_token, {});
}

double slow_score(const SentenceModel& m, const Document& d) {
  const auto& s = d.sentences[0];
  SentenceFeatures f;
  m.extract(d, s.first_token, s.end_token, {}, f);
  m.standardize(f.dense);
  return m.score(f);
}

}  // namespace

TEST_CASE("sentence model: cached OOV word infos give the same margin on every call") {
  const SentenceModel m = random_model(3);
  const auto d = doc_of("The council's reckless Zyxwv plan failed; Zyxwv and Qwerty said so!");
  const double first = margin(m, d);
  CHECK(sigmoid(first) == Approx(slow_score(m, d)).epsilon(1e-4));
  for (int k = 0; k < 3; ++k) CHECK(margin(m, d) == first);  // served from the cache: bit-identical
}

TEST_CASE("sentence model: the OOV cache never serves another model's weights") {
  const auto d = doc_of("Zyxwv and Qwerty met the reckless council.");
  const SentenceModel a = random_model(3);
  const SentenceModel b = random_model(4);
  const double ma = margin(a, d), mb = margin(b, d);
  CHECK(ma != mb);
  CHECK(margin(a, d) == ma);
  CHECK(sigmoid(mb) == Approx(slow_score(b, d)).epsilon(1e-4));
  // Same object, new weights: prepare() must drop what was cached for the old ones.
  SentenceModel c = random_model(3);
  const double before = margin(c, d);
  for (auto& w : c.lr.sparse_w) w = -w;
  c.prepare();
  const double after = margin(c, d);
  CHECK(after != before);
  CHECK(sigmoid(after) == Approx(slow_score(c, d)).epsilon(1e-4));
}
