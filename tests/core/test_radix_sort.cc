#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analyzer/core/radix_sort.h"

using framelens::radix_sort;

TEST_CASE("radix sort: same order as std::sort for small, large, narrow and full-width keys") {
  std::mt19937 rng(11);
  std::vector<uint32_t> tmp;
  for (uint32_t bits : {8u, 18u, 22u, 32u}) {
    for (size_t n : {size_t(0), size_t(1), size_t(100), size_t(255), size_t(256), size_t(3000)}) {
      std::vector<uint32_t> keys(n);
      const uint32_t mask = bits == 32 ? ~0u : (1u << bits) - 1;
      for (auto& k : keys) k = rng() & mask;
      // Duplicates, as the hashed feature ids of an article have.
      for (size_t i = 0; i + 1 < n; i += 7) keys[i + 1] = keys[i];
      std::vector<uint32_t> want = keys;
      std::sort(want.begin(), want.end());
      radix_sort(keys, tmp, bits);
      INFO("bits " << bits << " n " << n);
      CHECK(keys == want);
    }
  }
}
