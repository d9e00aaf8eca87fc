#include <catch2/catch.hpp>

#include "tests/quotes/quote_test_util.h"

using namespace framelens;
using namespace framelens::quotes_test;

TEST_CASE("speakers: pronouns resolve to the most recent person across paragraphs", "[quotes][resolver]") {
  auto d = annotate(
      "Senator Clara Voss arrived late to the hearing.\n\n"
      "\"I read every page of the report,\" she said.\n\n"
      "\"And I found nothing new,\" she added.");
  REQUIRE(count_kind(d, "direct") == 2);
  for (const auto& q : d.quotes) {
    REQUIRE(q.speaker);
    CHECK(q.speaker->name == "Clara Voss");
    CHECK(q.speaker->resolved);
    CHECK(text_of(d, q.speaker->span) == "she");
  }
}

TEST_CASE("speakers: a definite role noun resolves to the person introduced with it", "[quotes][resolver]") {
  auto d = annotate(
      "\"The shipment left on time,\" said Arne Dahl, a spokesman for the port.\n\n"
      "The customs office disputed that. \"It was held for six hours,\" said Lea Roos, its director.\n\n"
      "\"That is simply wrong,\" the spokesman said.");
  const Quote* q = find_quote(d, "simply wrong", "direct");
  REQUIRE(q);
  CHECK(q->speaker->name == "Arne Dahl");
  CHECK(q->speaker->resolved);
  CHECK(text_of(d, q->speaker->span) == "the spokesman");
}

TEST_CASE("speakers: linked to the actors stage's actors", "[quotes][resolver]") {
  auto made = make_document(
      "\"The talks are over,\" said Karin Holm. Later she added that \"nothing\" had changed in weeks.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  // What the actors stage would produce: one person with a name mention and a pronoun mention.
  Actor a;
  a.id = "a1";
  a.name = "Karin Holm";
  a.type = "person";
  const auto name_at = static_cast<int32_t>(std::string_view(d.utf8).find("Karin"));
  const auto she_at = static_cast<int32_t>(std::string_view(d.utf8).find("she"));
  a.mentions.push_back({{name_at, name_at + 10}, false});
  a.mentions.push_back({{she_at, she_at + 3}, true});
  d.actors.push_back(a);
  QuoteStage().annotate(d);
  REQUIRE(d.quotes.size() == 2);
  for (const auto& q : d.quotes) {
    REQUIRE(q.speaker);
    CHECK(q.speaker->actor == 0);
    CHECK(q.speaker->name == "Karin Holm");
  }
  CHECK(d.actors[0].quoted == 2);
}

TEST_CASE("speakers: an unattributed quote paragraph continues the previous speaker", "[quotes][resolver]") {
  auto d = annotate(
      "\"We lost the harvest,\" farmer Ivo Petrak said.\n\n"
      "\"There is nothing left to sell.\"\n\n"
      "Prices rose by a third.");
  REQUIRE(count_kind(d, "direct") == 1);
  const Quote& q = d.quotes[0];
  CHECK(q.fragments.size() == 2);
  CHECK(speaker_name(q) == "Ivo Petrak");
}
