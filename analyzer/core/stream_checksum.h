#pragma once
// A fast 64-bit checksum of a byte stream fed in pieces of any size: FNV-1a over 8-byte
// little-endian words (one multiply per 8 bytes instead of one per byte), then the length. As with
// byte-wise FNV-1a every step is a bijection of the state, so changing any one byte always changes
// the result. Used to verify large model files at load (words.bin v2), where the byte-wise FNV-1a
// of the whole payload was a tenth of the model load time.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace framelens {

class StreamChecksum {
 public:
  explicit StreamChecksum(uint64_t seed = 0) : h_(kBasis ^ seed) {}

  void update(std::string_view bytes) {
    const char* p = bytes.data();
    size_t n = bytes.size();
    length_ += n;
    while (n > 0 && pending_ > 0) {  // complete a word started by an earlier piece
      word_ |= uint64_t(static_cast<unsigned char>(*p++)) << (8 * pending_);
      --n;
      if (++pending_ == 8) mix();
    }
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);  // little-endian machines only, like the model files themselves
      h_ = (h_ ^ w) * kPrime;
    }
    for (; n > 0; --n) {
      word_ |= uint64_t(static_cast<unsigned char>(*p++)) << (8 * pending_);
      ++pending_;
    }
  }

  uint64_t value() const {
    uint64_t h = h_;
    if (pending_ > 0) h = (h ^ word_) * kPrime;
    return (h ^ length_) * kPrime;
  }

 private:
  static constexpr uint64_t kBasis = 1469598103934665603ull;
  static constexpr uint64_t kPrime = 1099511628211ull;
  void mix() {
    h_ = (h_ ^ word_) * kPrime;
    word_ = 0;
    pending_ = 0;
  }
  uint64_t h_;
  uint64_t word_ = 0;
  uint64_t length_ = 0;
  int pending_ = 0;
};

}  // namespace framelens
