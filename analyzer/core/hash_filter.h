#pragma once
// A one-probe Bloom filter over 64-bit token hashes (8 KiB, stays in L1): "is this token possibly
// the first word of a phrase of the table". Most tokens start no phrase, so testing here first
// spares them the probe of the larger hash table (an L2 access or a miss). No false negatives,
// so skipping on a negative answer never changes a result.
#include <array>
#include <cstdint>

namespace framelens {

class HashFilter {
 public:
  void add(uint64_t hash) {
    const uint32_t b = bit(hash);
    words_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool may_contain(uint64_t hash) const {
    const uint32_t b = bit(hash);
    return (words_[b >> 6] >> (b & 63)) & 1;
  }

 private:
  static constexpr uint32_t kBits = 1u << 16;
  // Top bits of a multiplicative mix (token hashes are FNV-1a, weakest in the low bits).
  static uint32_t bit(uint64_t hash) { return static_cast<uint32_t>((hash * 0x9E3779B97F4A7C15ull) >> 48); }
  std::array<uint64_t, kBits / 64> words_{};
};

}  // namespace framelens
