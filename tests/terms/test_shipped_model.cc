// Behaviour of the shipped model (models/loaded, trained by `framelens train loaded`) on
// hand-written sentences. No corpus numbers: only orderings a sane model must get right.
#include <catch2/catch.hpp>

#include "analyzer/terms/terms_stage.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

std::shared_ptr<const TermsStage> shipped() {
  static auto st = load_terms_stage(FRAMELENS_SOURCE_MODELS_DIR);
  REQUIRE(st.ok());
  return *st;
}

Document annotated(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  shipped()->annotate(*d);
  return std::move(*d);
}

}  // namespace

TEST_CASE("shipped loaded model: opinionated wording scores above flat reporting", "[terms][model]") {
  const auto loaded = annotated(
      "The radical senator's disastrous, reckless scheme is a shameful attack on hardworking families.");
  const auto neutral = annotated("The senate committee will vote on the budget proposal on Thursday afternoon.");
  REQUIRE(loaded.sentences.size() == 1);
  REQUIRE(neutral.sentences.size() == 1);
  CHECK(loaded.sentences[0].bias_score > neutral.sentences[0].bias_score);
  CHECK(loaded.sentences[0].biased);
  CHECK_FALSE(neutral.sentences[0].biased);
  CHECK(loaded.loaded_terms.size() >= 2);
  CHECK(neutral.loaded_terms.empty());
}

TEST_CASE("shipped loaded model: hedges and loaded cues are reported with their category", "[terms][model]") {
  // (A seed term needs the table's seed minimum score: "insisted", learned 0.01, is no longer one;
  // the quotes layer still marks it a loaded cue.)
  const auto d = annotated("The so-called experts claimed the purported cure works.");
  bool hedge = false, cue = false;
  for (const auto& t : d.loaded_terms) {
    CHECK(t.score >= 0.0);
    CHECK(t.score <= 1.0);
    hedge |= t.category == "hedge" && d.slice(t.span) == "so-called";
    cue |= t.category == "reporting_verb" && d.slice(t.span) == "claimed";
  }
  CHECK(hedge);
  CHECK(cue);
}
