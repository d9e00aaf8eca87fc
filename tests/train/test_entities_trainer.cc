#include <catch2/catch.hpp>

#include "analyzer/text/document.h"
#include "analyzer/train/entities_trainer.h"

using namespace framelens;

namespace {
Document with_people(std::vector<std::pair<std::string, char>> people) {
  Document d;
  for (auto& [name, g] : people) {
    Actor a;
    a.name = name;
    a.type = "person";
    a.gender = g;
    d.actors.push_back(a);
  }
  return d;
}
}  // namespace

TEST_CASE("entities trainer: keeps a surname only when one full name dominates", "[entity][train]") {
  EntitiesTrainerOptions opt;
  opt.min_articles = 3;
  opt.min_share = 0.9;
  EntitiesTrainer t(opt);
  for (int i = 0; i < 5; ++i) t.add(with_people({{"Donald J. Trump", 'm'}, {"Hillary Clinton", 'f'}}));
  for (int i = 0; i < 4; ++i) t.add(with_people({{"Bill Clinton", 'm'}}));
  const EntityTable table = t.finish();
  REQUIRE(table.find("trump") != nullptr);
  CHECK(table.find("trump")->full == "Donald Trump");
  CHECK(table.find("trump")->gender == 'm');
  CHECK(table.find("clinton") == nullptr);  // 5 vs 4 articles: no one full name
}
