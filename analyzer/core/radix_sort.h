#pragma once
// LSD radix sort of unsigned 32-bit keys below 2^bits: the hashed-feature ids of an article (about
// 1,500 per AllSides article, 18 bits) sort in two counting passes instead of n log n comparisons.
// Same result as std::sort; small inputs go to std::sort.
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace framelens {

inline void radix_sort(std::vector<uint32_t>& keys, std::vector<uint32_t>& tmp, uint32_t bits = 32) {
  constexpr uint32_t kDigit = 11;
  constexpr size_t kSmall = 256;
  if (keys.size() < kSmall) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  tmp.resize(keys.size());
  std::array<uint32_t, (1u << kDigit)> count;
  for (uint32_t shift = 0; shift < std::min<uint32_t>(bits, 32); shift += kDigit) {
    count.fill(0);
    const uint32_t mask = (1u << kDigit) - 1;
    for (uint32_t k : keys) ++count[(k >> shift) & mask];
    uint32_t sum = 0;
    for (uint32_t& c : count) {
      const uint32_t n = c;
      c = sum;
      sum += n;
    }
    for (uint32_t k : keys) tmp[count[(k >> shift) & mask]++] = k;
    keys.swap(tmp);
  }
}

}  // namespace framelens
