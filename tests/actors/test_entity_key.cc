#include <catch2/catch.hpp>

#include "analyzer/actors/entity_key.h"
#include "analyzer/actors/entity_table.h"
#include <fstream>

#include "tests/test_temp.h"

using namespace framelens;
using framelens_test::TempDir;

namespace {
Actor person(const std::string& name, char gender = '-') {
  Actor a;
  a.name = name;
  a.type = "person";
  a.gender = gender;
  return a;
}
}  // namespace

TEST_CASE("entity key: given name + surname, middle names, initials and suffixes dropped", "[entity]") {
  CHECK(given_and_surname("Donald J. Trump") == "Donald Trump");
  CHECK(given_and_surname("Donald John Trump") == "Donald Trump");
  CHECK(given_and_surname("Martin Luther King Jr.") == "Martin King");
  CHECK(given_and_surname("Trump").empty());
  CHECK(given_and_surname("George Bush-era").empty());
  CHECK(surname_of("Donald J. Trump") == "trump");
}

TEST_CASE("entity key: a lone surname takes the corpus's full name only when the gender agrees", "[entity]") {
  EntityTable t;
  t.add("trump", {"Donald Trump", 'm', 0.95, 100});
  Actor a = person("Trump");
  assign_entity(a, &t);
  CHECK(a.entity == "Donald Trump");
  Actor f = person("Trump", 'f');
  assign_entity(f, &t);
  CHECK(f.entity == "Trump");
  CHECK(f.entity_reason == "surname only");
  Actor unknown = person("Lopez");
  assign_entity(unknown, &t);
  CHECK(unknown.entity == "Lopez");
  Actor full = person("Donald J. Trump");
  assign_entity(full, nullptr);
  CHECK(full.entity == "Donald Trump");
  Actor c;
  c.name = "China";
  c.type = "country";
  assign_entity(c, &t);
  CHECK(c.entity == "China");
}

TEST_CASE("entity table: save and load round-trip; a malformed line is a model error", "[entity]") {
  TempDir dir("entity_table");
  EntityTable t;
  t.add("pelosi", {"Nancy Pelosi", 'f', 0.98, 40});
  REQUIRE(t.save(dir.file("e.tsv"), "# test\n").ok());
  auto back = EntityTable::load(dir.file("e.tsv"));
  REQUIRE(back.ok());
  REQUIRE(back->find("pelosi") != nullptr);
  CHECK(back->find("pelosi")->full == "Nancy Pelosi");
  CHECK(back->find("pelosi")->gender == 'f');
  {
    std::ofstream f(dir.file("bad.tsv"));
    f << "pelosi\tNancy Pelosi\n";
  }
  auto bad = EntityTable::load(dir.file("bad.tsv"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().kind == ErrorKind::Model);
}
