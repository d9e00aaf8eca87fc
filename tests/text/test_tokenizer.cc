#include <catch2/catch.hpp>

#include "analyzer/text/document.h"

using namespace framelens;

namespace {
std::vector<std::string> words(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  std::vector<std::string> out;
  for (const auto& t : d->tokens) out.emplace_back(d->slice(t.span));
  return out;
}
}  // namespace

TEST_CASE("tokenizer: acronyms, hyphenated names, decimals, possessives", "[tokenizer]") {
  CHECK(words("The U.S. sent $3.5 billion") ==
        std::vector<std::string>{"The", "U.S.", "sent", "$", "3.5", "billion"});
  CHECK(words("Moon's envoy Lee Hae-chan") ==
        std::vector<std::string>{"Moon", "'s", "envoy", "Lee", "Hae-chan"});
  CHECK(words("don't, 1,000 people") == std::vector<std::string>{"don't", ",", "1,000", "people"});
  CHECK(words("Wait... what?!") == std::vector<std::string>{"Wait", "...", "what", "?!"});
}

TEST_CASE("tokenizer: curly quotes, em dashes and non-ASCII words", "[tokenizer]") {
  auto w = words("\u201CWell aware\u201D \u2014 Jos\u00E9 said \u4E2D\u56FD");
  CHECK(w == std::vector<std::string>{"\u201C", "Well", "aware", "\u201D", "\u2014", "Jos\u00E9", "said",
                                      "\u4E2D\u56FD"});
  auto d = make_document("\u201CWell\u201D", {});
  REQUIRE(d.ok());
  CHECK(d->tokens[0].kind == TokenKind::Quote);
  CHECK(d->tokens[1].lower == "well");
  CHECK(d->tokens[1].capitalized);
}

TEST_CASE("tokenizer: token offsets are code points", "[tokenizer]") {
  auto d = make_document("\u00E9t\u00E9 \u2014 caf\u00E9", {});
  REQUIRE(d.ok());
  REQUIRE(d->tokens.size() == 3);
  CHECK(d->tokens[0].span == Span{0, 3});
  CHECK(d->tokens[1].span == Span{4, 5});
  CHECK(d->tokens[2].span == Span{6, 10});
}
