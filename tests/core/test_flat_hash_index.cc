#include <catch2/catch.hpp>

#include <random>
#include <unordered_map>

#include "analyzer/core/flat_hash_index.h"

using framelens::FlatHashIndex;

TEST_CASE("flat hash index: agrees with std::unordered_map on random keys, incl. 0 and duplicates") {
  std::mt19937_64 rng(5);
  FlatHashIndex idx;
  std::unordered_map<uint64_t, int32_t> ref;
  for (int32_t i = 0; i < 20000; ++i) {
    // Small keys too, so collisions in the low bits and the reserved 0 key are exercised.
    const uint64_t key = (i % 7 == 0) ? rng() % 500 : rng();
    const bool fresh = ref.emplace(key, i).second;
    CHECK(idx.insert(key, i) == fresh);
  }
  CHECK(idx.size() == ref.size());
  for (const auto& [k, v] : ref) REQUIRE(idx.find(k) == v);
  for (int i = 0; i < 20000; ++i) {
    const uint64_t k = rng();
    REQUIRE(idx.find(k) == (ref.count(k) ? ref[k] : -1));
  }
  size_t seen = 0;
  idx.for_each([&](uint64_t k, int32_t v) {
    ++seen;
    CHECK(ref.at(k) == v);
  });
  CHECK(seen == ref.size());
}

TEST_CASE("flat hash index: empty and cleared indexes find nothing") {
  FlatHashIndex idx;
  CHECK(idx.find(0) == -1);
  CHECK(idx.find(42) == -1);
  idx.insert(0, 3);
  idx.insert(42, 4);
  CHECK(idx.find(0) == 3);
  CHECK(idx.find(42) == 4);
  idx.clear();
  CHECK(idx.size() == 0);
  CHECK(idx.find(0) == -1);
  CHECK(idx.find(42) == -1);
}
