#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "analyzer/ml/text_features.h"
#include "tests/test_doc.h"

using namespace framelens;

namespace {

float value_at(const SparseVector& v, uint32_t i) {
  for (size_t j = 0; j < v.size(); ++j)
    if (v.index[j] == i) return v.value[j];
  return 0.0f;
}

}  // namespace

TEST_CASE("text features: hashed unigrams and bigrams, punctuation ignored", "[models][features]") {
  TextFeatureOptions o;
  o.hash_bits = 20;
  TextFeaturizer f(o);
  Document d = doc_of("The council voted. The council, again, voted on 12 budgets.");
  SparseVector c = f.term_counts(d);
  const uint32_t mask = f.dim() - 1;
  const uint64_t council = feature_hash("council"), the = feature_hash("the");
  CHECK(value_at(c, council & mask) == 2.0f);
  CHECK(value_at(c, feature_hash_pair(the, council) & mask) == 2.0f);
  CHECK(value_at(c, feature_hash("<num>") & mask) == 1.0f);
  CHECK(value_at(c, feature_hash(",") & mask) == 0.0f);
  // No bigram across the sentence boundary "voted. The".
  CHECK(value_at(c, feature_hash_pair(feature_hash("voted"), the) & mask) == 0.0f);
  for (size_t j = 1; j < c.size(); ++j) CHECK(c.index[j - 1] < c.index[j]);

  SparseVector w = c;
  f.weigh(w);
  double norm = 0;
  for (float v : w.value) norm += double(v) * v;
  CHECK(norm == Approx(1.0));
}

TEST_CASE("text features: the mask drops tokens and breaks bigrams", "[models][features]") {
  TextFeaturizer f;
  Document d = doc_of("Follow us on Twitter for more news about the senate vote");
  std::vector<uint8_t> keep(d.tokens.size(), 1);
  keep[0] = keep[1] = 0;  // "Follow us"
  SparseVector c = f.term_counts(d, &keep);
  const uint32_t mask = f.dim() - 1;
  CHECK(value_at(c, feature_hash("follow") & mask) == 0.0f);
  CHECK(value_at(c, feature_hash("senate") & mask) == 1.0f);
  CHECK(value_at(c, feature_hash_pair(feature_hash("us"), feature_hash("on")) & mask) == 0.0f);
}

TEST_CASE("text features: idf down-weights common terms and round-trips", "[models][features]") {
  TextFeatureOptions o;
  o.bigrams = false;
  TextFeaturizer f(o);
  std::vector<SparseVector> counts;
  for (const char* t : {"the tax bill passed", "the storm hit the coast", "the senate debated tax cuts"})
    counts.push_back(f.term_counts(doc_of(t)));
  f.fit_idf(counts);
  const uint32_t mask = f.dim() - 1;
  CHECK(f.idf(feature_hash("the") & mask) < f.idf(feature_hash("tax") & mask));
  CHECK(f.idf(feature_hash("tax") & mask) < f.idf(feature_hash("storm") & mask));
  std::stringstream ss;
  REQUIRE(f.write(ss).ok());
  auto back = TextFeaturizer::read(ss, "mem");
  REQUIRE(back.ok());
  CHECK(back->options().bigrams == false);
  CHECK(back->idf(feature_hash("storm") & mask) == f.idf(feature_hash("storm") & mask));
  std::stringstream junk("FLTXTFEA garbage");
  CHECK_FALSE(TextFeaturizer::read(junk, "junk").ok());
}
