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

TEST_CASE("indirect speech: a leading phrase closed by a comma before the speaker", "[quotes][indirect]") {
  auto d = annotate(
      "On Monday, Mayor Jonas Berg said the tunnel would open in May. "
      "Meanwhile, speaking to reporters at the depot, Berg said fares would stay the same. "
      "On Friday, the old bridge closed for repairs, the agency said.");
  const Quote* a = find_quote(d, "tunnel", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "the tunnel would open in May");
  CHECK(speaker_name(*a) == "Jonas Berg");
  const Quote* b = find_quote(d, "fares", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "fares would stay the same");
  // A clause before the comma is the content, not a leading phrase.
  const Quote* c = find_quote(d, "bridge", "indirect");
  REQUIRE(c);
  CHECK(text_of(d, c->span) == "On Friday, the old bridge closed for repairs");
}

TEST_CASE("indirect speech: a time adjunct between the verb and the content", "[quotes][indirect]") {
  auto d = annotate(
      "Rask said on Friday she would not run again. "
      "Berg said last week the plan was dead. "
      "Lund said this year's budget was final.");
  const Quote* a = find_quote(d, "run again", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "she would not run again");
  const Quote* b = find_quote(d, "plan", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "the plan was dead");
  // "this year's" is part of the content, not an adjunct.
  const Quote* c = find_quote(d, "budget", "indirect");
  REQUIRE(c);
  CHECK(text_of(d, c->span) == "this year's budget was final");
}

TEST_CASE("indirect speech: participle cues after a comma", "[quotes][indirect]") {
  auto d = annotate(
      "Senator Ada Holm endorsed the bill on Tuesday, saying it would cut waiting lists. "
      "Governor Lars Vik met the delegation, telling them that the port would stay open. "
      "Minister Eva Rask greeted the envoy, urging his government to lift the tariffs. "
      "Holm said the vote was close, adding that she expected a second reading.");
  const Quote* a = find_quote(d, "waiting lists", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "it would cut waiting lists");
  CHECK(speaker_name(*a) == "Ada Holm");
  CHECK(a->cue->lemma == "say");
  const Quote* b = find_quote(d, "port", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "the port would stay open");
  CHECK(speaker_name(*b) == "Lars Vik");
  const Quote* c = find_quote(d, "tariffs", "indirect");
  REQUIRE(c);
  CHECK(text_of(d, c->span) == "his government to lift the tariffs");
  CHECK(speaker_name(*c) == "Eva Rask");
  // The finite report ends where the participle's own report begins; both are Holm's.
  const Quote* e = find_quote(d, "vote", "indirect");
  REQUIRE(e);
  CHECK(text_of(d, e->span) == "the vote was close");
  const Quote* f = find_quote(d, "second reading", "indirect");
  REQUIRE(f);
  CHECK(text_of(d, f->span) == "she expected a second reading");
  CHECK(speaker_name(*f) == "Ada Holm");
}

TEST_CASE("indirect speech: participles with a noun-phrase object are not reports", "[quotes][indirect]") {
  auto d = annotate(
      "The mayor lost the vote, conceding the race to her rival. "
      "The council met on Monday, asking the auditor a question. "
      "Judge Ola Dahl, writing for the majority, upheld the ruling.");
  CHECK(d.quotes.empty());
}

TEST_CASE("indirect speech: coordinated verbs and contrasting reports", "[quotes][indirect]") {
  auto d = annotate(
      "Last week, the port authority delayed the tender and said the cranes would arrive in June. "
      "Holm argued that the tax was unfair, while Rask said that it was overdue.");
  const Quote* a = find_quote(d, "cranes", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "the cranes would arrive in June");
  REQUIRE(a->speaker);
  CHECK(text_of(d, a->speaker->span) == "the port authority");
  const Quote* b = find_quote(d, "unfair", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "the tax was unfair");
  const Quote* c = find_quote(d, "overdue", "indirect");
  REQUIRE(c);
  CHECK(text_of(d, c->span) == "it was overdue");
  CHECK(speaker_name(*c) == "Rask");
}

TEST_CASE("indirect speech: capitalised cue words inside names are not cues", "[quotes][indirect]") {
  auto d = annotate("In the end, the United States pulled its troops out of the region by the spring.");
  CHECK(d.quotes.empty());
}

TEST_CASE("indirect speech: addressee of 'told' and sources of 'according to'", "[quotes][indirect]") {
  auto d = annotate(
      "Rask told Radio Nord on Sunday she would sign the treaty. "
      "Berg told the Harbour Gazette's \"Morning Desk\" that the ferry was safe. "
      "The firm spent $2 million on the campaign, according to state corporate records.");
  const Quote* a = find_quote(d, "treaty", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "she would sign the treaty");
  const Quote* b = find_quote(d, "ferry", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "the ferry was safe");
  const Quote* c = find_quote(d, "spent", "indirect");
  REQUIRE(c);
  CHECK(text_of(d, c->span) == "The firm spent $2 million on the campaign");
  REQUIRE(c->speaker);
  CHECK(text_of(d, c->speaker->span) == "state corporate records");
}

TEST_CASE("indirect speech: a quoted label put on someone", "[quotes][indirect]") {
  auto d = annotate(
      "Senator Ada Holm called the port deal \"a giveaway to the shipping lobby\" on Tuesday. "
      "A group called Harbour Watch filed the complaint. "
      "The mayor called the volunteers to the stage, singing \"We Shall Overcome.\"");
  const Quote* a = find_quote(d, "giveaway", "mixed");
  REQUIRE(a);
  CHECK(a->cue->lemma == "call");
  CHECK(speaker_name(*a) == "Ada Holm");
  CHECK_FALSE(find_quote(d, "Harbour Watch"));
  CHECK_FALSE(find_quote(d, "volunteers", "mixed"));
  CHECK_FALSE(find_quote(d, "volunteers", "indirect"));
}

TEST_CASE("indirect speech: guards against verbs used as nouns or with objects", "[quotes][indirect]") {
  auto d = annotate(
      "Holm, leading in the number of delegates and states won in the primaries, turned to the general election. "
      "Carmakers restarted shuttered plants, adding new ones across the South. "
      "Berg and other contenders travel the country and ask donors for money. "
      "Rask said she would explain that after the vote. "
      "Shares of Nordport added 8.3% to $8.06 in early trading. "
      "The report named three donors said to be on the shortlist for the embassy. "
      "Lund met voters who came out and said that the road was unsafe.");
  for (const auto& q : d.quotes) {
    CHECK(text_of(d, q.span).find("won in the primaries") == std::string::npos);
    CHECK(text_of(d, q.span).find("new ones") == std::string::npos);
    CHECK(text_of(d, q.span).find("donors for money") == std::string::npos);
    CHECK(text_of(d, q.span).find("8.3%") == std::string::npos);
    CHECK(text_of(d, q.span).find("three donors") == std::string::npos);
  }
  const Quote* a = find_quote(d, "explain", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "she would explain that after the vote");
  const Quote* b = find_quote(d, "road", "indirect");
  if (b) CHECK(speaker_name(*b) != "Lund");  // the voters spoke, not the subject of the sentence
}

TEST_CASE("indirect speech: judgements put on someone, with their reason", "[quotes][indirect]") {
  auto d = annotate(
      "Senator Ada Holm accused the port authority of hiding the costs. "
      "The council, blaming the mayor for the delays, voted against the plan. "
      "Berg praised the volunteers. "
      "The harbour was dredged at night, the residents condemned.");
  const Quote* a = find_quote(d, "hiding", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "the port authority of hiding the costs");
  CHECK(a->cue->lemma == "accuse");
  CHECK(speaker_name(*a) == "Ada Holm");
  const Quote* b = find_quote(d, "delays", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "the mayor for the delays");
  CHECK_FALSE(find_quote(d, "volunteers"));  // no reason given: not a report
  CHECK_FALSE(find_quote(d, "dredged"));     // a judgement does not report the clause before it
}

TEST_CASE("indirect speech: noun-object verbs report with a reason or a pronoun clause", "[quotes][indirect]") {
  auto d = annotate(
      "Critics slammed the so-called harbour plan as a cash grab. "
      "The ministry denied the charges. "
      "Holm denied she had seen the memo.");
  const Quote* a = find_quote(d, "cash grab", "indirect");
  REQUIRE(a);
  CHECK(text_of(d, a->span) == "the so-called harbour plan as a cash grab");
  CHECK(a->cue->loaded);
  CHECK_FALSE(find_quote(d, "charges"));
  const Quote* b = find_quote(d, "memo", "indirect");
  REQUIRE(b);
  CHECK(text_of(d, b->span) == "she had seen the memo");
}
