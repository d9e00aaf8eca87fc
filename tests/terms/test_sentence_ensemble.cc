#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/terms/sentence_ensemble.h"
#include "analyzer/terms/terms_stage.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// A linear model that always says 0.5 (no weights) and a pooled classifier that knows one word.
SentenceModel flat_linear() {
  SentenceModel m;
  m.hash_bits = 10;
  m.use_vectors = false;
  m.use_term_features = true;
  m.lr.sparse_w.assign(m.sparse_dim(), 0.f);
  m.lr.dense_w = Eigen::VectorXf::Zero(m.dense_dim());
  m.threshold = 0.5f;
  return m;
}

SentenceEnsemble toy_ensemble() {
  SentenceEnsemble e;
  e.pooled.words["reckless"] = {3.f, 1};
  e.pooled.words["</s>"] = {0.f, 1};
  e.w_linear = 0.5f;
  e.w_pooled = 1.f;
  e.bias = 0.f;
  e.threshold = 0.6f;
  return e;
}

}  // namespace

TEST_CASE("sentence ensemble: stacks the two margins", "[terms][ensemble]") {
  const auto e = toy_ensemble();
  CHECK(e.combine(0.0, 0.0) == Approx(0.5));
  CHECK(e.combine(2.0, 1.0) == Approx(1.0 / (1.0 + std::exp(-2.0))));
  // "reckless" and "</s>" are the active rows: margin (3 + 0) / 2.
  CHECK(e.score(0.0, {"the", "reckless", "plan"}) == Approx(1.0 / (1.0 + std::exp(-1.5))));
  CHECK(e.score(0.0, {"the", "plan"}) == Approx(0.5));
}

TEST_CASE("sentence ensemble: file round trip and corrupt files", "[terms][ensemble]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "framelens_ensemble_test";
  fs::create_directories(dir);
  const auto path = (dir / "e.bin").string();
  REQUIRE(toy_ensemble().save(path).ok());
  auto back = SentenceEnsemble::load(path);
  REQUIRE(back.ok());
  CHECK(back->threshold == 0.6f);
  CHECK(back->score(0.3, {"reckless"}) == Approx(toy_ensemble().score(0.3, {"reckless"})));
  fs::resize_file(path, 30);
  auto bad = SentenceEnsemble::load(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
  CHECK_FALSE(SentenceEnsemble::load((dir / "missing.bin").string()).ok());
  fs::remove_all(dir);
}

TEST_CASE("loaded stage: uses the ensemble file when present", "[terms][ensemble]") {
  namespace fs = std::filesystem;
  const auto dir = fs::temp_directory_path() / "framelens_ensemble_stage";
  fs::create_directories(dir / "loaded");
  TermTable t;
  t.add("reckless", 0.9f, TermCategory::Loaded);
  t.threshold = 0.5f;
  REQUIRE(t.save((dir / "loaded" / "terms.tsv").string()).ok());
  REQUIRE(flat_linear().save((dir / "loaded" / "sentence.bin").string()).ok());
  PipelineOptions o;
  o.models_dir = dir.string();
  auto annotate = [&](const std::string& text) {
    auto st = make_terms_stage(o);
    REQUIRE(st.ok());
    REQUIRE(*st != nullptr);
    auto d = make_document(text, {});
    REQUIRE(d.ok());
    (*st)->annotate(*d);
    return std::move(*d);
  };
  // Linear model alone: every sentence scores 0.5 and is biased at threshold 0.5.
  auto lin = annotate("The reckless plan. The budget plan.");
  REQUIRE(lin.sentences.size() == 2);
  CHECK(lin.sentences[0].bias_score == Approx(0.5));
  CHECK(lin.sentences[1].biased);
  // With the ensemble: only the sentence with the known loaded word passes its threshold 0.6.
  REQUIRE(toy_ensemble().save((dir / kEnsembleFile).string()).ok());
  auto ens = annotate("The reckless plan. The budget plan.");
  REQUIRE(ens.sentences.size() == 2);
  CHECK(ens.sentences[0].bias_score == Approx(1.0 / (1.0 + std::exp(-1.5))));
  CHECK(ens.sentences[0].biased);
  CHECK(ens.sentences[1].bias_score == Approx(0.5));
  CHECK_FALSE(ens.sentences[1].biased);
  // A corrupt ensemble file is a model error, not a silent fallback.
  fs::resize_file(dir / kEnsembleFile, 12);
  auto bad = make_terms_stage(o);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
  fs::remove_all(dir);
}
