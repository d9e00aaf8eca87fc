#include <catch2/catch.hpp>

#include "analyzer/text/document.h"

using namespace framelens;

TEST_CASE("document: spans slice the original text, not the normalised one", "[document]") {
  std::string text = "\u201CWe hope,\u201D said Jos\u00E9 \u2014 \u4E2D\u56FD\u00A0agreed.";
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  // Each token's slice has as many code points as its span says (Python text[start:end]).
  for (const auto& t : d->tokens) {
    auto piece = d->slice(t.span);
    int32_t cps = 0;
    for (unsigned char c : piece) cps += (c & 0xC0) != 0x80;
    CHECK(cps == t.span.size());
  }
  CHECK(d->slice({0, 1}) == "\u201C");
  CHECK(d->norm_slice({0, 1}) == "\"");
  CHECK(d->slice({19, 20}) == "\u00E9");
  CHECK(d->size() == 33);
}

TEST_CASE("document: empty and whitespace-only text", "[document]") {
  auto e = make_document("", {});
  REQUIRE(e.ok());
  CHECK(e->sentences.empty());
  CHECK(e->word_count() == 0);
  auto w = make_document(" \n\t \r\n ", {});
  REQUIRE(w.ok());
  CHECK(w->tokens.empty());
  CHECK(w->paragraphs.empty());
}

TEST_CASE("document: a NUL byte is text, not a terminator", "[document]") {
  std::string text("one\0two three.", 14);
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  CHECK(d->size() == 14);
  CHECK(d->word_count() == 3);
}

TEST_CASE("document: sentence_at and token_at_or_after", "[document]") {
  auto d = make_document("One two. Three four.", {});
  REQUIRE(d.ok());
  CHECK(d->sentence_at(0) == 0);
  CHECK(d->sentence_at(10) == 1);
  CHECK(d->sentence_at(8) == -1);  // the space between sentences
  CHECK(d->tokens[d->token_at_or_after(9)].lower == "three");
}
