#include <catch2/catch.hpp>

#include <algorithm>

#include "analyzer/actors/actor_linker.h"
#include "analyzer/actors/actor_lookup.h"
#include "analyzer/actors/actors_stage.h"
#include "analyzer/actors/gazetteer.h"
#include "analyzer/pipeline/pipeline.h"

using namespace framelens;

namespace {

const Gazetteer& gaz() {
  static const Gazetteer g = [] {
    auto r = Gazetteer::load_dir(std::string(FRAMELENS_SOURCE_MODELS_DIR) + "/gazetteer");
    REQUIRE(r.ok());
    return std::move(*r);
  }();
  return g;
}

Document analyse(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  d->actors = link_actors(*d, gaz());
  return std::move(*d);
}

const Actor* by_name(const Document& d, const std::string& name) {
  for (const auto& a : d.actors) if (a.name == name) return &a;
  return nullptr;
}

std::vector<std::string> mention_texts(const Document& d, const Actor& a, bool pronouns) {
  std::vector<std::string> out;
  for (const auto& m : a.mentions) if (m.pronoun == pronouns) out.push_back(d.norm_slice(m.span));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

int32_t find_span(const Document& d, const std::string& needle, int nth = 0) {
  size_t pos = 0;
  for (int k = 0; k <= nth; ++k) {
    pos = d.utf8.find(needle, k ? pos + 1 : 0);
    REQUIRE(pos != std::string::npos);
  }
  // ASCII test texts: byte offset == code point offset.
  return static_cast<int32_t>(pos);
}

const char* const kKorea =
    "Seoul and Beijing spar over missile shield\n\n"
    "South Korean President Moon Jae-in met Chinese Foreign Minister Wang Yi on Tuesday, as Beijing "
    "pressed Seoul to limit the THAAD missile defense system.\n\n"
    "Moon told Wang that the deployment was not aimed at China. He said the North remained the main "
    "threat. The Chinese government has imposed informal sanctions on South Korean firms.\n\n"
    "\"We cannot accept this,\" Wang said. The foreign minister added that Pyongyang must return to "
    "talks. Protesters gathered outside the U.S. embassy in Seoul.";

}  // namespace

TEST_CASE("actors: capitals, demonym governments and context aliases name the country", "[actors]") {
  Document d = analyse(kKorea);
  const Actor* china = by_name(d, "China");
  REQUIRE(china);
  CHECK(china->type == "country");
  auto cm = mention_texts(d, *china, false);
  CHECK(has(cm, "Beijing"));
  CHECK(has(cm, "China"));
  CHECK(has(cm, "Chinese government"));
  CHECK(has(china->aliases, "Beijing"));

  const Actor* nk = by_name(d, "North Korea");
  REQUIRE(nk);
  CHECK(has(mention_texts(d, *nk, false), "the North"));
  CHECK(has(mention_texts(d, *nk, false), "Pyongyang"));

  // "in Seoul" is a place, the Seoul of "pressed Seoul" is the government.
  const Actor* sk = by_name(d, "South Korea");
  REQUIRE(sk);
  const int32_t place = find_span(d, "Seoul.", 0);
  for (const auto& m : sk->mentions) CHECK(m.span.start != place);
  CHECK(has(mention_texts(d, *sk, false), "Seoul"));
}

TEST_CASE("actors: a system is not an actor, protesters are a group", "[actors]") {
  Document d = analyse(kKorea);
  for (const auto& a : d.actors) CHECK(a.name.find("THAAD") == std::string::npos);
  const Actor* p = by_name(d, "protesters");
  REQUIRE(p);
  CHECK(p->type == "group");
}

TEST_CASE("actors: titled full names merge with surnames, pronouns and role nouns", "[actors]") {
  Document d = analyse(kKorea);
  const Actor* moon = by_name(d, "Moon Jae-in");
  REQUIRE(moon);
  CHECK(moon->type == "person");
  CHECK(has(moon->aliases, "Moon"));
  CHECK(has(mention_texts(d, *moon, true), "He"));

  const Actor* wang = by_name(d, "Wang Yi");
  REQUIRE(wang);
  CHECK(mention_texts(d, *wang, false).size() == 3);  // full name + "Wang" twice
  CHECK(has(mention_texts(d, *wang, true), "The foreign minister"));
  // The demonym before the title does not add a China mention of its own.
  const Actor* china = by_name(d, "China");
  REQUIRE(china);
  for (const auto& m : china->mentions) CHECK(!m.span.overlaps(wang->mentions[0].span));
}

TEST_CASE("actors: Mr. X, President X and the full name are one person", "[actors]") {
  Document d = analyse(
      "Trump defends tariffs\n\n"
      "President Donald Trump on Friday defended his tariffs on steel. Mr. Trump said the duties would "
      "protect American workers. Sen. Elizabeth Warren, a Democrat, called the plan reckless, and she "
      "accused the president of starting a trade war. Warren later told reporters that Democrats "
      "would oppose it. Republicans were split.");
  const Actor* trump = by_name(d, "Donald Trump");
  REQUIRE(trump);
  CHECK(has(trump->aliases, "Trump"));
  CHECK(has(trump->aliases, "Mr. Trump"));
  CHECK(has(trump->aliases, "President Donald Trump"));
  CHECK(has(mention_texts(d, *trump, true), "his"));
  CHECK(has(mention_texts(d, *trump, true), "the president"));
  const Actor* warren = by_name(d, "Elizabeth Warren");
  REQUIRE(warren);
  CHECK(has(mention_texts(d, *warren, true), "she"));
  CHECK(has(warren->aliases, "Warren"));
  const Actor* dems = by_name(d, "Democrats");
  REQUIRE(dems);
  CHECK(dems->type == "group");
  CHECK(by_name(d, "Republicans"));
  // Only one Trump.
  int trumps = 0;
  for (const auto& a : d.actors) trumps += a.name.find("Trump") != std::string::npos;
  CHECK(trumps == 1);
}

TEST_CASE("actors: acronyms merge with full names; unknown organisations by head word", "[actors]") {
  Document d = analyse(
      "NATO allies meet in Brussels\n\n"
      "Foreign ministers of the North Atlantic Treaty Organization met on Thursday. NATO Secretary-General "
      "Jens Stoltenberg said the European Union and the alliance must spend more. An EU spokeswoman "
      "declined to comment. The Baltic Defence Council (BDC) backed the plan, and the BDC will meet again "
      "in May.");
  const Actor* nato = by_name(d, "North Atlantic Treaty Organization");
  REQUIRE(nato);
  CHECK(nato->type == "organization");
  CHECK(has(nato->aliases, "NATO"));
  CHECK(mention_texts(d, *nato, false).size() >= 2);
  const Actor* eu = by_name(d, "European Union");
  REQUIRE(eu);
  CHECK(has(eu->aliases, "EU"));
  const Actor* st = by_name(d, "Jens Stoltenberg");
  REQUIRE(st);
  CHECK(st->type == "person");
  const Actor* bdc = by_name(d, "Baltic Defence Council");
  REQUIRE(bdc);
  CHECK(bdc->type == "organization");
  CHECK(has(bdc->aliases, "BDC"));
  // Brussels after "in" is a place, not Belgium acting.
  CHECK(!by_name(d, "Belgium"));
}

TEST_CASE("actors: unseen names are found from capitalisation alone", "[actors]") {
  Document d = analyse(
      "Hundreds of protesters marched through Marlowe on Sunday. Organizer Talia Brennick said the "
      "rally was peaceful. Brennick, who founded the group last year, was later detained. Police "
      "spokesman Odin Farrady said she had blocked a road. Farrady did not say how long she would be held.");
  const Actor* tb = by_name(d, "Talia Brennick");
  REQUIRE(tb);
  CHECK(tb->type == "person");
  CHECK(has(tb->aliases, "Brennick"));
  const Actor* of = by_name(d, "Odin Farrady");
  REQUIRE(of);
  CHECK(has(of->aliases, "Farrady"));
  // "Marlowe" after "through" is not asserted either way, but a sentence opener never is a person.
  CHECK(!by_name(d, "Hundreds"));
  CHECK(!by_name(d, "Sunday"));
}

TEST_CASE("actors: he/she follow gender, and a pronoun without a person stays unresolved", "[actors]") {
  Document d = analyse(
      "Mrs. Alvarez met Mr. Okafor in the capital. She said the talks were useful. He disagreed.");
  const Actor* al = by_name(d, "Alvarez");
  const Actor* ok = by_name(d, "Okafor");
  REQUIRE(al);
  REQUIRE(ok);
  CHECK(has(mention_texts(d, *al, true), "She"));
  CHECK(has(mention_texts(d, *ok, true), "He"));
  CHECK(!has(mention_texts(d, *al, true), "He"));

  Document e = analyse("He said the economy was slowing. She agreed.");
  CHECK(e.actors.empty());
}

TEST_CASE("actors: actor_for_span finds the actor of an overlapping mention", "[actors]") {
  Document d = analyse(kKorea);
  const int32_t w = find_span(d, "Wang said");
  const int32_t a = actor_for_span(d, {w, w + 4});
  REQUIRE(a >= 0);
  CHECK(d.actors[a].name == "Wang Yi");
  const int32_t he = find_span(d, "He said");
  const int32_t b = actor_for_span(d, {he, he + 2});
  REQUIRE(b >= 0);
  CHECK(d.actors[b].name == "Moon Jae-in");
  CHECK(actor_for_span(d, {find_span(d, "missile shield"), find_span(d, "missile shield") + 7}) == -1);
  // ids are a1.. in order of first mention.
  for (size_t i = 0; i < d.actors.size(); ++i) CHECK(d.actors[i].id == "a" + std::to_string(i + 1));
}

TEST_CASE("actors: the stage factory skips without a gazetteer and loads with one", "[actors]") {
  PipelineOptions none;
  none.models_dir = "/nonexistent-framelens-models";
  auto skipped = make_actors_stage(none);
  REQUIRE(skipped.ok());
  CHECK(*skipped == nullptr);
  none.require_models = true;
  CHECK(!make_actors_stage(none).ok());

  PipelineOptions real;
  real.models_dir = FRAMELENS_SOURCE_MODELS_DIR;
  auto stage = make_actors_stage(real);
  REQUIRE(stage.ok());
  REQUIRE(*stage != nullptr);
  auto d = make_document("Germany and France signed the accord, Chancellor Olaf Scholz said.", {});
  REQUIRE(d.ok());
  (*stage)->annotate(*d);
  CHECK(by_name(*d, "Germany"));
  CHECK(by_name(*d, "France"));
  CHECK(by_name(*d, "Olaf Scholz"));
}

TEST_CASE("actors: a malformed gazetteer is a model error", "[actors]") {
  GazetteerSources src;
  src.organizations = "club\tChess Club\n";
  auto g = Gazetteer::from_sources(src);
  REQUIRE(!g.ok());
  CHECK(g.error().kind == ErrorKind::Model);
  CHECK(g.error().message.find("organizations.tsv:1") != std::string::npos);
}

TEST_CASE("actors: datelines and sentence openers are not actors", "[actors]") {
  Document d = analyse(
      "SEOUL \u2014 Speaking on Monday, Kim Yo-jong warned Seoul against new drills. Somewhere, "
      "officials were listening.");
  const Actor* sk = by_name(d, "South Korea");
  REQUIRE(sk);
  CHECK(sk->mentions.size() == 1);  // "warned Seoul", not the dateline
  CHECK(!by_name(d, "Speaking"));
  CHECK(!by_name(d, "Somewhere"));
  CHECK(by_name(d, "Kim Yo-jong"));
}

TEST_CASE("actors: 'the agency' and 'the government' refer back to an organisation or state", "[actors]") {
  Document d = analyse(
      "The Environmental Protection Agency proposed new limits on Monday. The agency said the rule "
      "would cut emissions. Japan welcomed the move, and the government said it would follow.");
  const Actor* epa = by_name(d, "Environmental Protection Agency");
  REQUIRE(epa);
  CHECK(has(mention_texts(d, *epa, true), "The agency"));
  const Actor* japan = by_name(d, "Japan");
  REQUIRE(japan);
  CHECK(has(mention_texts(d, *japan, true), "the government"));
}

TEST_CASE("actors: a known-gender person beats an unknown one for she/her", "[actors]") {
  Document d = analyse("Reyes said Ms. Lindqvist had misled voters, and accused her of lying.");
  const Actor* l = by_name(d, "Lindqvist");
  REQUIRE(l);
  CHECK(has(mention_texts(d, *l, true), "her"));
  const Actor* r = by_name(d, "Reyes");
  REQUIRE(r);
  CHECK(mention_texts(d, *r, true).empty());
}

TEST_CASE("actors: after a determiner an unknown name is not a new person", "[actors]") {
  Document d = analyse(
      "We teach the Grand Strategy course at the college. This Whiggish vision guided Lincoln, "
      "and the Lincoln White House kept it.");
  CHECK(!by_name(d, "Grand Strategy"));
  CHECK(!by_name(d, "Whiggish"));
  const Actor* l = by_name(d, "Lincoln");
  REQUIRE(l);
  CHECK(mention_texts(d, *l, false).size() == 2);  // "the Lincoln White House" links to him
}

TEST_CASE("actors: a surname that is also a place head word (Park, Hall) refers to the known person", "[actors]") {
  Document d = analyse(
      "Envoy meets minister\n\n"
      "The envoy, former Prime Minister Park Min-su, met officials in Beijing.\n\n"
      "Park told reporters that the talks went well. He insisted that the system was defensive. "
      "Election officials said the vote was fair, and Central Park was closed.");
  const Actor* park = by_name(d, "Park Min-su");
  REQUIRE(park);
  CHECK(has(park->aliases, "Park"));
  CHECK(has(mention_texts(d, *park, true), "He"));
  // A lone head word never starts an actor of its own, and a name ending in one is a place.
  for (const auto& a : d.actors) {
    CHECK(a.name != "Election");
    CHECK(a.name != "Central Park");
    CHECK(a.name != "Park");
  }
}

TEST_CASE("actors: a demonym envoy followed by a name is that person, not the state", "[actors]") {
  Document d = analyse(
      "South Korea wants better ties with China. "
      "Wang Yi shakes hands with South Korean special envoy, Kim Dae-sung, during a meeting in Beijing.");
  const Actor* sk = by_name(d, "South Korea");
  REQUIRE(sk);
  const int32_t appos = find_span(d, "South Korean special envoy", 0);
  REQUIRE(appos >= 0);
  for (const auto& m : sk->mentions) CHECK(m.span.start != appos);
  const Actor* kim = by_name(d, "Kim Dae-sung");
  REQUIRE(kim);
  CHECK(kim->type == "person");
}

TEST_CASE("actors: captions, credits and site text make no actors; a headline only links", "[actors][zones]") {
  const Document d = analyse(
      "Grand Plans Accuses Rivals\n\n"
      "Minister Ana Lopez (R) greets the delegation in Lima. (Photo by AFP)\n\n"
      "Ana Lopez said on Monday that the talks with the delegation would continue next week in the capital.\n\n"
      "Sign up for the Daily Ledger newsletter\n");
  CHECK(by_name(d, "Ana Lopez") != nullptr);
  CHECK(by_name(d, "Agence France-Presse") == nullptr);
  CHECK(by_name(d, "Grand Plans") == nullptr);
  CHECK(by_name(d, "Daily Ledger") == nullptr);
  // The caption's mention is not one of her mentions.
  for (const auto& m : by_name(d, "Ana Lopez")->mentions) CHECK(d.pos_in_body(m.span.start));
}

TEST_CASE("actors: a headline mention of a body actor is linked, its headline verb is not a name", "[actors][zones]") {
  const Document d = analyse(
      "Lopez Accuses Rivals of Delay\n\n"
      "Ana Lopez said on Monday that her rivals in the assembly had delayed the vote on the budget for weeks.\n");
  const Actor* a = by_name(d, "Ana Lopez");
  REQUIRE(a != nullptr);
  CHECK(mention_texts(d, *a, false).size() == 2);  // the headline "Lopez" and the body name
  CHECK(by_name(d, "Lopez Accuses") == nullptr);
}

TEST_CASE("actors: contractions, lone titles and lower-case words are not names", "[actors]") {
  const Document d = analyse("\"I'm not leaving,\" the mayor said. \"I've said so before.\" President said nothing.");
  for (const auto& a : d.actors) {
    CHECK(a.name != "I'm");
    CHECK(a.name != "I've");
    CHECK(a.name != "President");
  }
}

TEST_CASE("actors: a country only as a place or a modifier is no actor", "[actors]") {
  const Document place = analyse("The drone strike in Yemen killed two men, U.S. officials said.");
  CHECK(by_name(place, "Yemen") == nullptr);
  CHECK(by_name(place, "United States") == nullptr);
  const Document agent = analyse("Yemen has protested the strike, and the United States said it would review it.");
  CHECK(by_name(agent, "Yemen") != nullptr);
  CHECK(by_name(agent, "United States") != nullptr);
}

TEST_CASE("actors: the White House as a place is no actor, as a speaker it is", "[actors]") {
  const Document place = analyse("Thousands of children came to the White House on Monday.");
  CHECK(by_name(place, "White House") == nullptr);
  const Document agent = analyse("The White House disputes those claims.");
  CHECK(by_name(agent, "White House") != nullptr);
}

TEST_CASE("actors: a surname follows gender: Mr. Obama is not Michelle Obama", "[actors]") {
  const Document d = analyse("First lady Michelle Obama greeted visitors. Mr. Obama spoke later. Mrs. Obama thanked him.");
  const Actor* m = by_name(d, "Michelle Obama");
  REQUIRE(m != nullptr);
  const Actor* b = by_name(d, "Obama");
  REQUIRE(b != nullptr);
  CHECK(b->gender == 'm');
  for (const auto& x : mention_texts(d, *m, false)) CHECK(x != "Mr. Obama");
}

TEST_CASE("actors: a place that opens an organisation's name, a title inside a name run", "[actors]") {
  const Document d = analyse("Officials at New York University said tuition would be free. Acme CEO Dana Price said so too.");
  CHECK(by_name(d, "New York University") != nullptr);
  CHECK(by_name(d, "Dana Price") != nullptr);
  for (const auto& a : d.actors) CHECK(a.name.find("CEO") == std::string::npos);
}

TEST_CASE("actors: '@handles', URL pieces and state abbreviations are not names", "[actors]") {
  const Document d = analyse("The post by @KatieDoe went viral, said a resident of Boston, Mass., who saw it.");
  for (const auto& a : d.actors) {
    CHECK(a.name != "KatieDoe");
    CHECK(a.name != "Mass");
  }
}

TEST_CASE("actors: 'the Obama administration' is an organisation of its own", "[actors]") {
  const Document d = analyse("Barack Obama spoke on Friday. The Obama administration said it would appeal.");
  CHECK(by_name(d, "Barack Obama") != nullptr);
  const Actor* a = by_name(d, "Obama administration");
  REQUIRE(a != nullptr);
  CHECK(a->type == "organization");
}
