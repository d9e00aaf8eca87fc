#include <catch2/catch.hpp>

#include "analyzer/text/document.h"
#include "analyzer/train/gold_actors_eval.h"
#include "analyzer/train/gold_set.h"

using namespace framelens;

namespace {

Document doc_with_actors(const std::string& text, const std::vector<std::pair<std::string, std::vector<std::string>>>& actors) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  for (const auto& [name, aliases] : actors) {
    Actor a;
    a.name = name;
    a.type = "person";
    a.aliases = aliases;
    d->actors.push_back(a);
  }
  return std::move(*d);
}

GoldActor gold(const std::string& name, std::vector<std::string> forms, bool main) {
  GoldActor g;
  g.name = name;
  g.type = "person";
  g.forms = std::move(forms);
  g.main = main;
  return g;
}

}  // namespace

TEST_CASE("gold actors: exact, partial-name, duplicate and false actors, recall and main recall", "[gold]") {
  const Document d = doc_with_actors("Joe Lieberman spoke. Lieberman left.",
                                     {{"Joe Lieberman", {"Lieberman"}}, {"Lieberman Says", {}}, {"Trump", {}}, {"Acme", {}}});
  GoldArticle g;
  g.id = "x";
  g.actors = {gold("Joe Lieberman", {"Joe Lieberman", "Lieberman", "Sen. Lieberman"}, true),
              gold("Donald Trump", {"President Trump"}, false), gold("Jane Roe", {"Roe"}, true)};
  GoldActorsReport r;
  add_gold_actors(d, g, r);
  CHECK(r.found == 4);
  CHECK(r.exact == 1);        // Joe Lieberman
  CHECK(r.partial == 1);      // Trump ~ Donald Trump (surname)
  CHECK(r.duplicates == 1);   // "Lieberman Says" claims an actor already found
  CHECK(r.gold_any == 2);
  CHECK(r.main_any == 1);
  CHECK(r.precision_exact() == Approx(0.25));
  CHECK(r.precision_partial() == Approx(0.5));
  CHECK(r.recall() == Approx(2.0 / 3.0));
  CHECK(r.main_recall() == Approx(0.5));
}

TEST_CASE("gold zones: a line takes the zone covering most of it", "[gold]") {
  const Document d = doc_with_actors("Headline Without A Stop\n\nThe council approved the budget on Monday after a long debate in the chamber.", {});
  GoldArticle g;
  g.zones = {{{0, 23}, Zone::Headline}, {{25, static_cast<int32_t>(d.size())}, Zone::Body}};
  GoldActorsReport r;
  add_gold_actors(d, g, r);
  CHECK(r.zone_lines == 2);
  CHECK(r.zone_right == 2);
  CHECK(found_zone(d, {0, 23}) == Zone::Headline);
}

TEST_CASE("gold names compare without case, articles, possessives or curly apostrophes", "[gold]") {
  CHECK(normalize_actor_name("The White House") == "white house");
  CHECK(normalize_actor_name("Obama\xE2\x80\x99s") == "obama");
  CHECK(normalize_actor_name("  Joe   Biden ") == "joe biden");
}

TEST_CASE("gold set: a missing file is an input error, a bad part name a usage error", "[gold]") {
  auto missing = load_gold_set("/nonexistent/gold.jsonl", "/nonexistent", "tune");
  REQUIRE_FALSE(missing.ok());
  auto bad = load_gold_set("/nonexistent/gold.jsonl", "/nonexistent", "everything");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Usage);
}
