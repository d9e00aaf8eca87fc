#include <catch2/catch.hpp>

#include "tests/quotes/quote_test_util.h"

using namespace framelens;
using namespace framelens::quotes_test;

TEST_CASE("indirect speech: X said (that) ...", "[quotes][indirect]") {
  auto d = annotate(
      "Finance Minister Eva Rask said that the deficit would shrink next year. "
      "Rask said growth was slowing.");
  const Quote* a = find_quote(d, "deficit", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "the deficit would shrink next year");
  CHECK(speaker_name(*a) == "Eva Rask");
  const Quote* b = find_quote(d, "growth", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "growth was slowing");
  CHECK(speaker_name(*b) == "Eva Rask");
}

TEST_CASE("indirect speech: told, urged, according to", "[quotes][indirect]") {
  auto d = annotate(
      "Mayor Jonas Berg told reporters on Tuesday that the tunnel would open in May. "
      "He urged drivers to use the ring road until then. "
      "According to the transport agency, traffic has doubled since March.");
  const Quote* t = find_quote(d, "tunnel", "indirect");
  REQUIRE(t);
  CHECK(text_of(d, t->span) == "the tunnel would open in May");
  CHECK(t->cue->lemma == "tell");
  const Quote* u = find_quote(d, "ring road", "indirect");
  REQUIRE(u);
  CHECK(text_of(d, u->span) == "drivers to use the ring road until then");
  CHECK(u->cue->lemma == "urge");
  CHECK(speaker_name(*u) == "Jonas Berg");
  CHECK(u->speaker->resolved);
  const Quote* a = find_quote(d, "traffic", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "traffic has doubled since March");
  CHECK(a->cue->lemma == "according to");
  CHECK(text_of(d, a->cue->span) == "According to");
}

TEST_CASE("indirect speech: trailing and parenthetical attribution", "[quotes][indirect]") {
  auto d = annotate(
      "The strike will end on Monday, union officials said. "
      "The deal, the negotiator claimed, protects every job.");
  const Quote* a = find_quote(d, "strike", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "The strike will end on Monday");
  const Quote* b = find_quote(d, "protects", "indirect");
  REQUIRE(b);
  REQUIRE(b->fragments.size() == 2);
  CHECK(text_of(d, b->fragments[0]) == "The deal");
  CHECK(text_of(d, b->fragments[1]) == "protects every job");
  CHECK(b->cue->loaded);
}

TEST_CASE("indirect speech: no quote without a reported clause", "[quotes][indirect]") {
  auto d = annotate("The minister said nothing. The committee was told to wait. She said so in a statement.");
  CHECK(d.quotes.empty());
}
