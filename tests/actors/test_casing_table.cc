#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "analyzer/actors/actor_linker.h"
#include "analyzer/actors/casing_table.h"
#include "analyzer/actors/gazetteer.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

Document doc_of(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  return std::move(*d);
}

const Token& token(const Document& d, const std::string& lower) {
  for (const Token& t : d.tokens)
    if (t.lower == lower) return t;
  FAIL("no token " << lower);
  return d.tokens[0];
}

// Lower-case uses of "good", "relations", "young", "bill" and "critics" away from sentence starts;
// "Morning" only ever capitalised.
CasingTable small_table() {
  CasingCounter c;
  c.add(doc_of("It was good news for good relations. The young critics paid the bill and the good bill. "
               "They met young critics with good relations, a young bill and critics of relations. "
               "He watched the Morning Show. They saw the Morning Show."));
  CasingOptions opt;
  opt.min_count = 2;
  return c.finish(opt);
}

const Actor* by_name(const Document& d, const std::string& name) {
  for (const auto& a : d.actors)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("casing table: counts words away from sentence starts only") {
  const CasingTable t = small_table();
  const Document d = doc_of("Good relations, young critics, the bill. Morning came.");
  CHECK(t.mostly_lower(token(d, "good")));
  CHECK(t.mostly_lower(token(d, "relations")));
  CHECK(t.mostly_lower(token(d, "young")));
  CHECK_FALSE(t.mostly_lower(token(d, "morning")));  // only capitalised
  CHECK_FALSE(t.mostly_lower(token(d, "came")));     // never seen
}

TEST_CASE("casing table: save and load round trip; corrupt files are model errors") {
  const CasingTable t = small_table();
  const std::string path = framelens_test::temp_path("casing.bin").string();
  REQUIRE(t.save(path).ok());
  auto back = CasingTable::load(path);
  REQUIRE(back.ok());
  CHECK(back->size() == t.size());
  const Document d = doc_of("good morning");
  CHECK(back->mostly_lower(d.tokens[0]) == t.mostly_lower(d.tokens[0]));
  std::ofstream(path, std::ios::binary) << "FLCASINGxx";
  auto bad = CasingTable::load(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find(path) == 0);
}

TEST_CASE("actors: a lone common word at a sentence start is no name, full names and known surnames are") {
  auto g = Gazetteer::load_dir(std::string(FRAMELENS_SOURCE_MODELS_DIR) + "/gazetteer");
  REQUIRE(g.ok());
  g->set_casing(small_table());

  Document d = doc_of("\"Good relations between the two countries matter,\" he said. Critics disagreed.");
  d.actors = link_actors(d, *g);
  CHECK(by_name(d, "Good") == nullptr);
  CHECK(by_name(d, "Critics") == nullptr);

  Document e = doc_of("Senator Don Young spoke on Monday. Young said the vote would pass. Bill Clinton agreed.");
  e.actors = link_actors(e, *g);
  const Actor* young = by_name(e, "Don Young");
  REQUIRE(young != nullptr);
  CHECK(young->mentions.size() >= 2);  // "Young said" still links: the article named him before
  CHECK(by_name(e, "Bill Clinton") != nullptr);  // a capitalised word follows: a full name
}
