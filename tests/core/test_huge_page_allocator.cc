#include <catch2/catch.hpp>

#include <cstdint>

#include "analyzer/core/huge_page_allocator.h"

using framelens::HugePageAllocator;
using framelens::HugePageVector;

TEST_CASE("HugePageVector: large tables start on a 2 MiB boundary and keep their values") {
  const size_t n = (size_t{3} << 20) / sizeof(float);  // 3 MiB
  HugePageVector<float> v(n, 0.0f);
  REQUIRE(reinterpret_cast<uintptr_t>(v.data()) % HugePageAllocator<float>::kHuge == 0);
  for (size_t i = 0; i < n; i += 4099) v[i] = static_cast<float>(i);
  HugePageVector<float> copy = v;  // copies go through the allocator as well
  REQUIRE(reinterpret_cast<uintptr_t>(copy.data()) % HugePageAllocator<float>::kHuge == 0);
  for (size_t i = 0; i < n; i += 4099) REQUIRE(copy[i] == static_cast<float>(i));
}

TEST_CASE("HugePageVector: small tables use the ordinary allocator and grow normally") {
  HugePageVector<int8_t> v;
  for (int i = 0; i < 1000; ++i) v.push_back(static_cast<int8_t>(i % 100));
  REQUIRE(v.size() == 1000);
  REQUIRE(v[999] == 99);
  // Growing past the threshold moves the data into an aligned block intact.
  v.resize(size_t{2} << 20, 7);
  REQUIRE(reinterpret_cast<uintptr_t>(v.data()) % HugePageAllocator<int8_t>::kHuge == 0);
  REQUIRE(v[999] == 99);
  REQUIRE(v.back() == 7);
}
