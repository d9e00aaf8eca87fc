#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <unordered_map>

#include "analyzer/core/flat_hash_map.h"
#include "analyzer/core/huge_page_allocator.h"

using namespace framelens;

TEST_CASE("ModelBuffer: value-given forms initialise, large blocks are 2 MiB aligned and keep their contents") {
  ModelBuffer<float> small;
  small.resize(10, 1.5f);
  for (float v : small) CHECK(v == 1.5f);
  small.assign(4, -2.f);
  REQUIRE(small.size() == 4);
  CHECK(small[3] == -2.f);
  small.push_back(7.f);
  CHECK(small.back() == 7.f);

  // 3 MiB: the huge-page path (rounded up to 4 MiB, 2 MiB aligned).
  const size_t n = (size_t{3} << 20) / sizeof(uint32_t);
  ModelBuffer<uint32_t> big;
  big.resize(n);  // uninitialised: every entry is written below
  CHECK(reinterpret_cast<uintptr_t>(big.data()) % (size_t{2} << 20) == 0);
  for (size_t i = 0; i < n; ++i) big[i] = static_cast<uint32_t>(i * 2654435761u);
  ModelBuffer<uint32_t> copy = big;
  for (size_t i = 0; i < n; i += 4099) CHECK(copy[i] == static_cast<uint32_t>(i * 2654435761u));
  big.resize(n + 5, 9u);  // grows past the block: the old entries move, the new ones are 9
  CHECK(big[n - 1] == static_cast<uint32_t>((n - 1) * 2654435761u));
  CHECK(big[n + 4] == 9u);
}

TEST_CASE("FlatHashMap::reserve: one allocation, same answers as growing, no-op on a filled table") {
  FlatHashMap<int32_t> grown, reserved;
  reserved.reserve(50000);
  std::unordered_map<uint64_t, int32_t> ref;
  std::mt19937_64 rng(5);
  for (int32_t i = 0; i < 50000; ++i) {
    const uint64_t k = i % 5 == 0 ? rng() & 0xFFF : rng();
    const bool fresh = ref.emplace(k, i).second;
    CHECK(grown.insert(k, i) == fresh);
    CHECK(reserved.insert(k, i) == fresh);
  }
  reserved.reserve(1 << 20);  // not empty: ignored, contents kept
  REQUIRE(reserved.size() == ref.size());
  for (const auto& [k, v] : ref) {
    REQUIRE(reserved.find(k));
    CHECK(*reserved.find(k) == v);
    CHECK(*grown.find(k) == v);
  }
  CHECK(reserved.find(uint64_t{1} << 62) == nullptr);
}
