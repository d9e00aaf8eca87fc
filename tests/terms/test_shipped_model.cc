// Behaviour of the shipped model (models/loaded, trained by `framelens train loaded`) on
// hand-written sentences. No corpus numbers: only orderings a sane model must get right.
#include <catch2/catch.hpp>

#include <array>

#include "analyzer/terms/loaded_stage.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

std::shared_ptr<const LoadedStage> shipped() {
  static auto st = load_loaded_stage(FRAMELENS_SOURCE_MODELS_DIR);
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
  const auto d = annotated("The so-called experts insisted the purported cure works.");
  bool hedge = false, cue = false;
  for (const auto& t : d.loaded_terms) {
    CHECK(t.score >= 0.0);
    CHECK(t.score <= 1.0);
    hedge |= t.category == "hedge" && d.slice(t.span) == "so-called";
    cue |= t.category == "reporting_verb" && d.slice(t.span) == "insisted";
  }
  CHECK(hedge);
  CHECK(cue);
}

TEST_CASE("shipped loaded model: the token model rates loaded words in context above flat ones", "[terms][model]") {
  const auto st = shipped();
  REQUIRE(st->model().use_token_features);
  REQUIRE(st->token_model().has_value());
  auto summary_of = [&](const std::string& text) {
    auto d = make_document(text, {});
    REQUIRE(d.ok());
    const auto n = static_cast<int32_t>(d->tokens.size());
    std::vector<TermMatch> ms;
    st->table().match(d->tokens, 0, n, ms);
    std::vector<TermEvidence> ev;
    for (const auto& m : ms) ev.push_back({st->table().entries()[m.entry].score, st->table().entries()[m.entry].category});
    std::vector<TokenTermInfo> infos;
    token_term_infos(ms, ev, 0, n, infos);
    std::array<float, kTokenSummaryCount> out{};
    st->token_model()->sentence_features(*d, 0, n, infos, st->model().vectors, out.data());
    return out;
  };
  const auto loaded = summary_of("The radical senator's disastrous, reckless scheme is a shameful attack on families.");
  const auto flat = summary_of("The senate committee will vote on the budget proposal on Thursday afternoon.");
  CHECK(loaded[0] > flat[0]);  // max probability
  CHECK(loaded[1] > flat[1]);  // top-two mean
  CHECK(loaded[2] >= 1.f);     // at least one word above 0.5
  CHECK(flat[2] == 0.f);
}
