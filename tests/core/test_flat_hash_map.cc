#include <catch2/catch.hpp>

#include <random>
#include <unordered_map>

#include "analyzer/core/flat_hash_map.h"

using namespace framelens;

TEST_CASE("FlatHashMap: agrees with std::unordered_map, first value of a key wins, key 0 works") {
  struct Info {
    float a = 0;
    int32_t b = 0;
  };
  FlatHashMap<Info> m;
  std::unordered_map<uint64_t, Info> ref;
  std::mt19937_64 rng(11);
  // 200k entries: the table grows past 2 MiB, the huge-page allocation path.
  for (int i = 0; i < 200000; ++i) {
    const uint64_t k = i % 7 == 0 ? rng() & 0xFFFF : rng();  // some repeated keys
    const Info v{static_cast<float>(i), i};
    const bool fresh = ref.emplace(k, v).second;
    CHECK(m.insert(k, v) == fresh);
  }
  CHECK(m.insert(0, {1.f, -1}));
  CHECK_FALSE(m.insert(0, {2.f, -2}));
  ref.emplace(0, Info{1.f, -1});
  CHECK(m.size() == ref.size());
  for (const auto& [k, v] : ref) {
    m.prefetch(k);
    const Info* got = m.find(k);
    REQUIRE(got);
    CHECK(got->b == v.b);
  }
  for (int i = 0; i < 1000; ++i) CHECK(m.find(rng() | (uint64_t{1} << 63)) == nullptr);
  FlatHashMap<Info> copy = m;  // copies keep their contents
  CHECK(copy.find(0)->b == -1);
  m.clear();
  CHECK(m.size() == 0);
  CHECK(m.find(0) == nullptr);
  CHECK(copy.size() == ref.size());
}
