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
  QuotesStage().annotate(d);
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

TEST_CASE("speakers: he/she skip the most recent speaker of the other gender", "[quotes][resolver][gender]") {
  // Evidence from honorifics in the speaker phrase (no actors stage).
  auto d = annotate(
      "Mrs. Lena Hart said the dam was safe.\n\n"
      "\"We checked it twice,\" Mr. Ole Brandt said.\n\n"
      "\"It will hold through the spring,\" she said.");
  const Quote* q = find_quote(d, "hold through the spring", "direct");
  REQUIRE(q);
  CHECK(q->speaker->name == "Lena Hart");
  CHECK(q->speaker->resolved);
  const Quote* b = find_quote(d, "checked it twice", "direct");
  REQUIRE(b);
  CHECK(b->speaker->name == "Ole Brandt");

  // Evidence from the actors stage (gender from a given name), with no honorific in the text.
  auto made = make_document(
      "\"The pumps are old,\" said Kim Sato.\n\n"
      "\"We asked for money in May,\" said Jon Park.\n\n"
      "\"Nobody answered,\" she said.",
      {});
  REQUIRE(made.ok());
  Document& e = *made;
  auto person = [&](const std::string& name, char gender) {
    Actor a;
    a.id = "a" + std::to_string(e.actors.size() + 1);
    a.name = name;
    a.type = "person";
    a.gender = gender;
    const auto at = static_cast<int32_t>(std::string_view(e.utf8).find(name));
    a.mentions.push_back({{at, at + static_cast<int32_t>(name.size())}, false});
    e.actors.push_back(a);
  };
  person("Kim Sato", 'f');
  person("Jon Park", 'm');
  QuotesStage().annotate(e);
  const Quote* r = find_quote(e, "Nobody answered", "direct");
  REQUIRE(r);
  CHECK(r->speaker->name == "Kim Sato");
  CHECK(r->speaker->actor == 0);

  // Unknown gender does not block: "he" after a woman and a person of unknown gender.
  auto f = annotate(
      "\"The pumps are old,\" said Mrs. Kim Sato.\n\n"
      "\"We asked for money,\" said Robin Vale.\n\n"
      "\"Nobody answered,\" he said.");
  const Quote* s = find_quote(f, "Nobody answered", "direct");
  REQUIRE(s);
  CHECK(s->speaker->name == "Robin Vale");
}
