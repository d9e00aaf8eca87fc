#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "analyzer/core/hash_filter.h"
#include "analyzer/core/token_hash.h"

using namespace framelens;

TEST_CASE("HashFilter: never says no to an added hash, says no to most others") {
  HashFilter f;
  std::vector<uint64_t> added;
  for (int i = 0; i < 4000; ++i) added.push_back(fnv1a64("term" + std::to_string(i)));  // ~ terms.tsv
  for (uint64_t h : added) f.add(h);
  for (uint64_t h : added) CHECK(f.may_contain(h));
  int positives = 0;
  for (int i = 0; i < 100000; ++i) positives += f.may_contain(fnv1a64("other" + std::to_string(i)));
  CHECK(positives < 10000);  // ~6% expected with 4,000 of 65,536 bits set
  HashFilter empty;
  CHECK_FALSE(empty.may_contain(fnv1a64("the")));
}
