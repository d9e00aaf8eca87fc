// Newswire patterns of issue 19, each with sentences written for the test.
#include <catch2/catch.hpp>

#include "tests/quotes/quote_test_util.h"

using namespace framelens;
using namespace framelens::quotes_test;

namespace {

Actor person(const Document& d, const std::string& name, const std::string& form, char gender) {
  Actor a;
  a.id = "a" + name;
  a.name = name;
  a.type = "person";
  a.gender = gender;
  size_t at = 0;
  const std::string_view t(d.utf8);
  while ((at = t.find(form, at)) != std::string_view::npos) {
    a.mentions.push_back({{static_cast<int32_t>(at), static_cast<int32_t>(at + form.size())}, false});
    at += form.size();
  }
  return a;
}

int32_t pos_of(const Document& d, const std::string& s, size_t from = 0) {
  return static_cast<int32_t>(std::string_view(d.utf8).find(s, from));
}

}  // namespace

TEST_CASE("newswire: a headline line is not a quote", "[quotes][newswire]") {
  auto d = annotate(
      "Hart: \"We will rebuild the bridge\"\n\n"
      "Mayor Lena Hart said on Monday that the city would rebuild the old bridge by next spring.");
  for (const auto& q : d.quotes) CHECK(text_of(d, q.span).find("We will rebuild") == std::string::npos);
  CHECK(find_quote(d, "the city would rebuild", "indirect"));
}

TEST_CASE("newswire: denied speech is reported as negated", "[quotes][newswire]") {
  auto d = annotate("Councilman Tom Berg did not say the budget was a mistake, only that it came late.");
  const Quote* q = find_quote(d, "the budget was a mistake");
  REQUIRE(q);
  CHECK(q->negated);
  auto d2 = annotate("The mayor declined to say whether the new budget was a mistake.");
  for (const auto& x : d2.quotes) CHECK(x.negated);  // reported as negated or not at all
  auto d3 = annotate("Councilman Tom Berg said that the new budget was a mistake.");
  const Quote* q3 = find_quote(d3, "the new budget was a mistake");
  REQUIRE(q3);
  CHECK_FALSE(q3->negated);
}

TEST_CASE("newswire: indirect speech ends where the author takes over", "[quotes][newswire]") {
  auto d = annotate(
      "Berg promised to lower the harbour fees for local fishermen, even though the fees are set by the state.");
  const Quote* q = find_quote(d, "harbour fees");
  REQUIRE(q);
  CHECK(text_of(d, q->span).find("set by the state") == std::string::npos);
  auto d2 = annotate(
      "Berg said the harbour would stay open all winter, although records show it closed twice last year.");
  const Quote* q2 = find_quote(d2, "stay open");
  REQUIRE(q2);
  CHECK(text_of(d2, q2->span).find("records show") == std::string::npos);
}

TEST_CASE("newswire: quoting X as saying goes to X", "[quotes][newswire]") {
  auto d = annotate(
      "The Daily Ledger ran the story on Sunday, quoting harbour master Ilse Marr as saying: "
      "\"The ships cannot dock here any more.\"");
  const Quote* q = find_quote(d, "cannot dock", "direct");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Ilse Marr");
}

TEST_CASE("newswire: a name inside the quote is not its speaker", "[quotes][newswire]") {
  auto made = make_document(
      "Campaign chairman Paul Ostrander spoke to the crowd.\n\n"
      "\"Judge Adam Quill is losing. His record on crime is a disgrace,\" he said.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  d.actors.push_back(person(d, "Paul Ostrander", "Paul Ostrander", 'm'));
  d.actors.push_back(person(d, "Adam Quill", "Adam Quill", 'm'));
  // The actors stage linked "he" to the judge named inside the quote.
  const int32_t he = pos_of(d, "he said");
  d.actors[1].mentions.push_back({{he, he + 2}, true});
  QuotesStage().annotate(d);
  const Quote* q = find_quote(d, "is losing", "direct");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Paul Ostrander");
  CHECK(q->speaker->actor == 0);
}

TEST_CASE("newswire: pronouns agree in gender with the speaker's actor", "[quotes][newswire]") {
  auto made = make_document(
      "Governor Marta Ilves met Senator Jonas Kask on Friday.\n\n"
      "\"We agreed on nothing,\" she said.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  d.actors.push_back(person(d, "Marta Ilves", "Marta Ilves", 'f'));
  d.actors.push_back(person(d, "Jonas Kask", "Jonas Kask", 'm'));
  // The actors stage linked "she" to the man (wrong gender): the quote stage must not follow it.
  const int32_t she = pos_of(d, "she said");
  d.actors[1].mentions.push_back({{she, she + 3}, true});
  QuotesStage().annotate(d);
  const Quote* q = find_quote(d, "agreed on nothing", "direct");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Marta Ilves");
  CHECK(q->speaker->actor == 0);
}

TEST_CASE("newswire: an unresolved pronoun or generic speaker is not a name", "[quotes][newswire]") {
  auto d = annotate("\"The rules are unfair,\" they said.");
  const Quote* q = find_quote(d, "rules are unfair", "direct");
  REQUIRE(q);
  REQUIRE(q->speaker);
  CHECK(text_of(d, q->speaker->span) == "they");
  CHECK(q->speaker->name.empty());
  CHECK(q->speaker->actor == -1);
  CHECK_FALSE(q->speaker->resolved);
  auto d2 = annotate("Every teacher said the school bus came late all week.");
  const Quote* q2 = find_quote(d2, "school bus came late");
  REQUIRE(q2);
  REQUIRE(q2->speaker);
  CHECK(q2->speaker->name.empty());
  CHECK(q2->speaker->actor == -1);
  auto d3 = annotate("A harbour official, speaking on condition of anonymity, said the ships would be turned away.");
  const Quote* q3 = find_quote(d3, "ships would be turned away");
  REQUIRE(q3);
  REQUIRE(q3->speaker);
  CHECK(q3->speaker->name.empty());  // generic: the text keeps "official", no name
}

TEST_CASE("newswire: leads with a time phrase, an anonymity clause, an addressee", "[quotes][newswire]") {
  auto d = annotate("Port Authority chief Ilse Marr on Wednesday said she did not expect the strike to end soon.");
  const Quote* q = find_quote(d, "did not expect the strike");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Ilse Marr");
  auto d2 = annotate(
      "A harbour official, speaking on condition of anonymity, said the ships would be turned away.");
  const Quote* q2 = find_quote(d2, "ships would be turned away");
  REQUIRE(q2);
  CHECK(q2->speaker);
  auto d3 = annotate("Marr told Radio Nord that she still had \"serious doubts\" about the plan.");
  const Quote* q3 = find_quote(d3, "serious doubts", "mixed");
  REQUIRE(q3);
  CHECK(speaker_name(*q3) == "Marr");
  auto d4 = annotate("In a new essay, Marr writes that the harbour has been neglected for a decade.");
  const Quote* q4 = find_quote(d4, "neglected for a decade");
  REQUIRE(q4);
  CHECK(speaker_name(*q4) == "Marr");
}

TEST_CASE("newswire: co-speakers of one report", "[quotes][newswire]") {
  auto d = annotate("Mayor Hart and Governor Ilves agreed that the bridge must be rebuilt by spring.");
  const Quote* q = find_quote(d, "bridge must be rebuilt");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Hart");
  REQUIRE(q->co_speakers.size() == 1);
  CHECK(q->co_speakers[0].name == "Ilves");
}

TEST_CASE("newswire: a partial quote after a participle and a purpose clause", "[quotes][newswire]") {
  auto d = annotate(
      "Hart sent her deputy to the capital after calling for new talks last month to \"clear the air\" "
      "over the tolls.");
  const Quote* q = find_quote(d, "clear the air");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Hart");
}

TEST_CASE("newswire: a lower-case quote right after the verb is reported speech", "[quotes][newswire]") {
  auto d = annotate(
      "The vote was close.\n\n"
      "Hart's spokeswoman Ona Pilt said \"every member can speak on the plan, whatever the outcome.\"");
  const Quote* q = find_quote(d, "every member can speak");
  REQUIRE(q);
  CHECK(q->kind == "mixed");
  CHECK(speaker_name(*q) == "Ona Pilt");
  CHECK(text_of(d, q->span).rfind("every", 0) == 0);  // the content starts inside the mark
}

TEST_CASE("newswire: a leading span of time is not the speaker", "[quotes][newswire]") {
  auto d = annotate(
      "The plan was debated.\n\n"
      "Two days before the council releases its new harbour rules, Mayor Hart on Saturday defended "
      "the rules and said they are a necessary step for the town.");
  const Quote* q = find_quote(d, "necessary step");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Hart");
}

TEST_CASE("newswire: a progressive report and a dateline before the subject", "[quotes][newswire]") {
  auto d = annotate(
      "The photo surfaced on Friday.\n\n"
      "Mayor Hart is now saying that she was not in the photo at all.");
  const Quote* q = find_quote(d, "she was not in the photo");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Hart");
  auto d2 = annotate(
      "The vote came late.\n\n"
      "TALLINN (AP) \u2014 Mayor Lena Hart said she lost the vote because of the new harbour tax.");
  const Quote* q2 = find_quote(d2, "she lost the vote");
  REQUIRE(q2);
  CHECK(speaker_name(*q2) == "Lena Hart");
}

TEST_CASE("newswire: the speaker phrase keeps a fuller name than its actor's", "[quotes][newswire]") {
  auto made = make_document("Harbour Watch said the new pier would block the channel for months.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  Actor a;
  a.id = "a1";
  a.name = "Harbour";  // an actor name cut short by the actors stage
  a.type = "organization";
  a.mentions.push_back({{0, 7}, false});
  d.actors.push_back(a);
  QuotesStage().annotate(d);
  const Quote* q = find_quote(d, "new pier would block");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Harbour Watch");
  CHECK(q->speaker->actor == 0);
}

TEST_CASE("newswire: 'the president' is not the vice president; 'he' continues the last speaker",
          "[quotes][newswire]") {
  auto made = make_document(
      "President Tom Berg met Vice President Ivo Kask on Monday.\n\n"
      "\"The harbour will reopen in May,\" the president said.\n\n"
      "\"Nobody will lose a job,\" he added.", {});
  REQUIRE(made.ok());
  Document& d = *made;
  d.actors.push_back(person(d, "Tom Berg", "President Tom Berg", 'm'));
  d.actors.push_back(person(d, "Ivo Kask", "Vice President Ivo Kask", 'm'));
  // The actors stage linked "the president" and "he" to the vice president.
  for (const char* w : {"the president said", "he added"}) {
    const int32_t at = pos_of(d, w);
    const int32_t len = std::string_view(w).find(" said") != std::string_view::npos ? 13 : 2;
    d.actors[1].mentions.push_back({{at, at + len}, true});
  }
  QuotesStage().annotate(d);
  const Quote* a = find_quote(d, "reopen in May", "direct");
  const Quote* b = find_quote(d, "lose a job", "direct");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(speaker_name(*a) == "Tom Berg");
  CHECK(a->speaker->actor == 0);
  CHECK(speaker_name(*b) == "Tom Berg");
}

TEST_CASE("newswire: a leading 'Despite ...' phrase is not the subject", "[quotes][newswire]") {
  auto d = annotate(
      "The photo surfaced on Friday.\n\n"
      "Despite admitting on Friday that the old photo from his school yearbook showed him, Mayor Hart "
      "is now saying that he was not the man in the picture.");
  const Quote* q = find_quote(d, "he was not the man");
  REQUIRE(q);
  CHECK(speaker_name(*q) == "Hart");
}
