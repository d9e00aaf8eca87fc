#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/cli/commands.h"
#include "analyzer/report/stories.h"
#include "../test_temp.h"

using namespace framelens;

TEST_CASE("stories: MinHash estimates Jaccard similarity; dates parse", "[stories]") {
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 100; ++i) a.push_back(i * 7919 + 1);
  b = std::vector<uint64_t>(a.begin(), a.begin() + 50);
  for (uint64_t i = 0; i < 50; ++i) b.push_back(i * 104729 + 3);
  // |a & b| = 50, |a | b| = 150: J = 1/3.
  CHECK(estimated_jaccard(story_signature(a), story_signature(b)) == Approx(1.0 / 3).margin(0.15));
  CHECK(estimated_jaccard(story_signature(a), story_signature(a)) == 1.0);
  int64_t d1 = 0, d2 = 0;
  REQUIRE(parse_story_day("1970-01-02", d1));
  CHECK(d1 == 1);
  REQUIRE(parse_story_day("2024-03-01T10:00:00Z", d2));
  REQUIRE(parse_story_day("2024-02-28", d1));
  CHECK(d2 - d1 == 2);  // a leap year
  CHECK_FALSE(parse_story_day("March 2024", d1));
}

TEST_CASE("stories: rewrites of one event join, other events and far dates do not", "[stories]") {
  StoryGrouper g;
  std::string closed;
  auto art = [](std::string key, std::string outlet, std::string date, std::string title, std::string lead,
                std::vector<std::string> actors) {
    return StoryArticle{std::move(key), std::move(outlet), std::move(date), std::move(title), std::move(lead),
                        std::move(actors)};
  };
  const std::string s1 = g.add(art("a", "North", "2024-05-01", "Lopez slams tariff deal over steel imports",
                                   "Senator Maria Lopez attacked the tariff deal on steel imports in Brenton, "
                                   "saying factories and wages in Brenton would suffer.",
                                   {"Maria Lopez", "Brenton"}),
                               closed);
  const std::string s2 = g.add(art("b", "South", "2024-05-02", "Steel tariff deal draws fire from Lopez",
                                   "The steel imports tariff deal was criticised by Maria Lopez, who said wages "
                                   "and factories in Brenton were at risk.",
                                   {"Maria Lopez", "Brenton"}),
                               closed);
  const std::string s3 = g.add(art("c", "South", "2024-05-02", "Police arrest suspects after Calder robbery",
                                   "Detectives in Calder arrested two suspects after a jewellery robbery, the "
                                   "police chief Tomas Novak said.",
                                   {"Tomas Novak", "Calder"}),
                               closed);
  const std::string s4 = g.add(art("d", "North", "2024-06-20", "Lopez slams tariff deal over steel imports",
                                   "Senator Maria Lopez attacked the tariff deal on steel imports in Brenton, "
                                   "saying factories and wages in Brenton would suffer.",
                                   {"Maria Lopez", "Brenton"}),
                               closed);
  CHECK(s1 == "s1");
  CHECK(s2 == s1);
  CHECK(s3 != s1);
  CHECK(s4 != s1);  // seven weeks later: another story
  CHECK(closed.empty());  // stories close in sweeps every 128 articles, or at the end
  g.finish(closed);
  CHECK(closed.find("s1,2,2,North:1;South:1,2024-05-01,2024-05-02,Lopez slams tariff deal") != std::string::npos);
  CHECK(closed.find("Maria Lopez:2") != std::string::npos);
  CHECK(g.open_stories() == 0);
}
