#include <catch2/catch.hpp>

#include "analyzer/core/word_set.h"
#include "analyzer/text/document.h"

using namespace framelens;

TEST_CASE("WordSet: membership by string and by a token's precomputed hash") {
  const WordSet s = {"the", "he", "his", "himself", "the"};  // a duplicate is harmless
  CHECK(s.size() == 4);
  CHECK(s.contains("he"));
  CHECK(s.contains("himself"));
  CHECK_FALSE(s.contains("she"));
  CHECK_FALSE(s.contains(""));
  CHECK_FALSE(s.contains("hi"));
  auto d = make_document("He said his THE she", {});
  REQUIRE(d.ok());
  const auto& t = d->tokens;
  REQUIRE(t.size() == 5);
  CHECK(s.contains(t[0].hash, t[0].lower));  // "he"
  CHECK_FALSE(s.contains(t[1].hash, t[1].lower));
  CHECK(s.contains(t[2].hash, t[2].lower));
  CHECK(s.contains(t[3].hash, t[3].lower));  // lower-cased "the"
  CHECK_FALSE(s.contains(t[4].hash, t[4].lower));
  // A hash that matches a member but a different string is not a member.
  CHECK_FALSE(s.contains(fnv1a64("he"), "she"));
}
