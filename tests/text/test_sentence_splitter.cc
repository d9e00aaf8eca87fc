#include <catch2/catch.hpp>

#include "analyzer/text/document.h"

using namespace framelens;

namespace {
std::vector<std::string> sentences(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  std::vector<std::string> out;
  for (const auto& s : d->sentences) out.emplace_back(d->slice(s.span));
  return out;
}
}  // namespace

TEST_CASE("sentences: abbreviations, titles and initials do not end a sentence", "[sentences]") {
  CHECK(sentences("Gov. Jerry Brown met Mr. Smith in Washington, D.C. on Monday. They talked.") ==
        std::vector<std::string>{"Gov. Jerry Brown met Mr. Smith in Washington, D.C. on Monday.", "They talked."});
  CHECK(sentences("John F. Kennedy spoke on Jan. 20. The crowd cheered.") ==
        std::vector<std::string>{"John F. Kennedy spoke on Jan. 20.", "The crowd cheered."});
  CHECK(sentences("He ranked No. 1 in the U.S. Senate race.") ==
        std::vector<std::string>{"He ranked No. 1 in the U.S. Senate race."});
}

TEST_CASE("sentences: an acronym can end a sentence before a typical opener", "[sentences]") {
  CHECK(sentences("Troops left the U.S. The move surprised allies.") ==
        std::vector<std::string>{"Troops left the U.S.", "The move surprised allies."});
}

TEST_CASE("sentences: party-state tags after a lawmaker's name do not end a sentence", "[sentences]") {
  CHECK(sentences("The bill was backed by Rep. Lise Tanner (D-N.C.), who chairs the panel. It passed.") ==
        std::vector<std::string>{"The bill was backed by Rep. Lise Tanner (D-N.C.), who chairs the panel.", "It passed."});
  CHECK(sentences("Sen. Amos Reed (R-N.Y.) voted no on Friday. Others abstained.") ==
        std::vector<std::string>{"Sen. Amos Reed (R-N.Y.) voted no on Friday.", "Others abstained."});
}

TEST_CASE("sentences: decimals and numbers", "[sentences]") {
  CHECK(sentences("Growth slowed to 2.5 percent in 2016. Prices rose 1,200 points.") ==
        std::vector<std::string>{"Growth slowed to 2.5 percent in 2016.", "Prices rose 1,200 points."});
}

TEST_CASE("sentences: quotes that end a sentence and quotes that do not", "[sentences]") {
  CHECK(sentences("\"We will win,\" he said. \"They will lose.\" Then he left.") ==
        std::vector<std::string>{"\"We will win,\" he said.", "\"They will lose.\"", "Then he left."});
  CHECK(sentences("\u201CIs it over?\u201D she asked. Nobody answered.") ==
        std::vector<std::string>{"\u201CIs it over?\u201D she asked.", "Nobody answered."});
  CHECK(sentences("He called it \u201Cabsurd.\u201D Critics disagreed.") ==
        std::vector<std::string>{"He called it \u201Cabsurd.\u201D", "Critics disagreed."});
}

TEST_CASE("sentences: ellipses", "[sentences]") {
  CHECK(sentences("We waited... and waited. Then... Nothing happened.") ==
        std::vector<std::string>{"We waited... and waited.", "Then...", "Nothing happened."});
}

TEST_CASE("sentences: headlines and captions stand on their own lines", "[sentences]") {
  std::string text =
      "Envoy heads to Beijing to mend ties\n\n"
      "Foreign Minister Wang Yi (R) meets the envoy in Beijing, May 18, 2017. (Photo by AFP)\n\n"
      "SEOUL, May 18 (Reuters) - South Korea sent an envoy. He arrived on Thursday.\n";
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  std::vector<std::string> got;
  for (const auto& s : d->sentences) got.emplace_back(d->slice(s.span));
  CHECK(got == std::vector<std::string>{
                   "Envoy heads to Beijing to mend ties",
                   "Foreign Minister Wang Yi (R) meets the envoy in Beijing, May 18, 2017.",
                   "(Photo by AFP)",
                   "SEOUL, May 18 (Reuters) - South Korea sent an envoy.",
                   "He arrived on Thursday."});
  CHECK(d->sentences[0].zone == Zone::Headline);
  CHECK(d->sentences[1].zone == Zone::Caption);
  CHECK(d->sentences[2].zone == Zone::Caption);
  CHECK(d->sentences[3].zone == Zone::Body);
  CHECK(d->paragraphs.size() == 3);
  CHECK(d->sentences[4].paragraph == 2);
}

TEST_CASE("sentences: a headline line without punctuation ends at the line break", "[sentences]") {
  CHECK(sentences("Markets rally on jobs data\nStocks rose sharply on Friday.") ==
        std::vector<std::string>{"Markets rally on jobs data", "Stocks rose sharply on Friday."});
}

TEST_CASE("sentences: hard-wrapped lines are joined", "[sentences]") {
  CHECK(sentences("The senator said the bill\nwould pass easily. It did not.") ==
        std::vector<std::string>{"The senator said the bill\nwould pass easily.", "It did not."});
}

TEST_CASE("sentences: CRLF and NBSP", "[sentences]") {
  auto d = make_document("First line here.\r\n\r\nSecond\u00A0one.", {});
  REQUIRE(d.ok());
  REQUIRE(d->sentences.size() == 2);
  CHECK(d->slice(d->sentences[1].span) == "Second\u00A0one.");
  CHECK(d->paragraphs.size() == 2);
}

TEST_CASE("sentences: every token belongs to exactly one sentence", "[sentences]") {
  auto d = make_document("A. B? C! \"D.\" (E.) F...\n\nG", {});
  REQUIRE(d.ok());
  for (const auto& t : d->tokens) {
    REQUIRE(t.sentence >= 0);
    CHECK(d->sentences[t.sentence].span.contains(t.span));
  }
}
