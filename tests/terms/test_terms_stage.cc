#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "analyzer/ml/hashing.h"
#include "analyzer/pipeline/pipeline.h"
#include "analyzer/terms/terms_stage.h"
#include "tests/terms/random_sentence_model.h"
#include "tests/test_doc.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// A tiny hand-made model: a sentence's bias grows with the summed scores of its loaded terms.
TermsStage toy_stage() {
  TermTable t;
  t.add("reckless", 0.9f, TermCategory::Loaded);
  t.add("regime", 0.8f, TermCategory::Labeling);
  t.add("slammed", 0.7f, TermCategory::ReportingVerb);
  t.add("so-called", 0.85f, TermCategory::Hedge);
  t.add("witch hunt", 0.95f, TermCategory::Loaded);
  t.add("plan", 0.1f, TermCategory::Loaded);  // below the threshold: evidence only, not reported
  t.threshold = 0.5f;
  SentenceModel m;
  m.hash_bits = 10;
  m.use_vectors = false;
  m.use_term_features = true;
  m.lr.sparse_w.assign(m.sparse_dim(), 0.f);
  m.lr.dense_w = Eigen::VectorXf::Zero(m.dense_dim());
  m.lr.dense_w[0] = 4.f;  // sum of term scores
  m.lr.bias = -2.f;
  m.threshold = 0.5f;
  return TermsStage(std::move(t), std::move(m));
}

}  // namespace

TEST_CASE("loaded stage: loaded sentence vs neutral sentence", "[terms]") {
  const auto st = toy_stage();
  auto d = doc_of("The council approved the budget on Tuesday.\n\nThe regime pushed a reckless plan through parliament.");
  st.annotate(d);
  REQUIRE(d.sentences.size() == 2);
  CHECK_FALSE(d.sentences[0].biased);
  CHECK(d.sentences[1].biased);
  CHECK(d.sentences[1].bias_score > d.sentences[0].bias_score);
  for (const auto& s : d.sentences) {
    CHECK(s.bias_score >= 0.0);
    CHECK(s.bias_score <= 1.0);
  }
  REQUIRE(d.loaded_terms.size() == 2);  // "plan" scores below the threshold
  CHECK(d.slice(d.loaded_terms[0].span) == "regime");
  CHECK(d.loaded_terms[0].category == "labeling");
  CHECK(d.slice(d.loaded_terms[1].span) == "reckless");
  CHECK(d.loaded_terms[1].category == "loaded");
  CHECK(d.loaded_terms[1].sentence == 1);
}

TEST_CASE("loaded stage: in-quote terms are the speaker's, not the outlet's", "[terms]") {
  const auto st = toy_stage();
  const std::string text = "\"This is a witch hunt,\" the senator said. Critics slammed the so-called reform.";
  auto d = doc_of(text);
  // The quotes stage runs before terms; here the quote layer is filled by hand.
  Quote q;
  q.span = {1, 22};  // This is a witch hunt,
  q.kind = "direct";
  d.quotes.push_back(q);
  st.annotate(d);
  REQUIRE(d.loaded_terms.size() == 3);
  CHECK(d.slice(d.loaded_terms[0].span) == "witch hunt");
  CHECK(d.loaded_terms[0].in_quote);
  CHECK(d.slice(d.loaded_terms[1].span) == "slammed");
  CHECK(d.loaded_terms[1].category == "reporting_verb");
  CHECK_FALSE(d.loaded_terms[1].in_quote);
  CHECK(d.slice(d.loaded_terms[2].span) == "so-called");
  CHECK(d.loaded_terms[2].category == "hedge");
  CHECK_FALSE(d.loaded_terms[2].in_quote);
}

TEST_CASE("loaded stage: scare quotes become scare_quote terms", "[terms]") {
  const auto st = toy_stage();
  auto d = doc_of("The agency called the raids a \"success\" and praised its \"regime\" of checks.");
  const std::string text = "The agency called the raids a \"success\" and praised its \"regime\" of checks.";
  const int32_t s1 = static_cast<int32_t>(text.find("success"));
  const int32_t s2 = static_cast<int32_t>(text.find("regime"));
  d.scare_quotes.push_back({s1, s1 + 7});
  d.scare_quotes.push_back({s2, s2 + 6});
  st.annotate(d);
  REQUIRE(d.loaded_terms.size() == 2);
  CHECK(d.slice(d.loaded_terms[0].span) == "success");
  CHECK(d.loaded_terms[0].category == "scare_quote");
  // The scare-quoted word replaces the plain term on the same word, and keeps its learned score.
  CHECK(d.slice(d.loaded_terms[1].span) == "regime");
  CHECK(d.loaded_terms[1].category == "scare_quote");
  CHECK(d.loaded_terms[1].score == Approx(0.8));
}

TEST_CASE("loaded stage: factory skips without model files, fails with --require-models", "[terms]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "framelens_terms_empty_models";
  fs::create_directories(dir);
  PipelineOptions o;
  o.models_dir = dir.string();
  auto made = make_terms_stage(o);
  REQUIRE(made.ok());
  CHECK(*made == nullptr);
  o.require_models = true;
  auto req = make_terms_stage(o);
  REQUIRE_FALSE(req.ok());
  CHECK(req.error().kind == ErrorKind::Model);
  fs::remove_all(dir);
}

TEST_CASE("loaded stage: a truncated sentence model is a model error", "[terms]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "framelens_terms_bad_models";
  fs::create_directories(dir / "loaded");
  const auto st = toy_stage();
  REQUIRE(st.table().save((dir / "loaded" / "terms.tsv").string()).ok());
  REQUIRE(st.model().save((dir / "loaded" / "sentence.bin").string()).ok());
  PipelineOptions o;
  o.models_dir = dir.string();
  auto ok = make_terms_stage(o);
  REQUIRE(ok.ok());
  REQUIRE(*ok != nullptr);
  fs::resize_file(dir / "loaded" / "sentence.bin", 40);
  auto bad = make_terms_stage(o);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
  fs::remove_all(dir);
}

TEST_CASE("sentence model: the fast scorer equals the explicit feature path", "[terms]") {
  SentenceModel m = framelens_test::random_sentence_model({.seed = 3, .prepare = false});
  m.dense_mean = Eigen::VectorXf::Constant(m.dense_dim(), 0.2f);
  m.dense_inv_std = Eigen::VectorXf::Constant(m.dense_dim(), 1.5f);
  m.prepare();
  auto d = doc_of("The council's reckless, reckless plan \"failed\" 3 times! Unknownword here.");
  const std::vector<TermEvidence> ev = {{0.9f, TermCategory::Loaded}, {0.4f, TermCategory::Hedge}};
  const auto& s = d.sentences[0];
  SentenceFeatures f;
  m.extract(d, s.first_token, s.end_token, ev, f);
  m.standardize(f.dense);
  CHECK(m.score_fast(d, s.first_token, s.end_token, ev) == Approx(m.score(f)).epsilon(1e-4));
}
