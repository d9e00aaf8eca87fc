#pragma once
// The one stable 64-bit hash of a token's text (FNV-1a): the same value at train and at inference,
// on every platform, so hashed indices stored in model files stay valid. The tokenizer stores it
// in Token::hash, so the stages (lexicons, word vectors, hashed features) hash each token once
// per document instead of once per stage; terms::hash_token and models' feature_hash derive from it.
#include <cstdint>
#include <string_view>

namespace framelens {

// FNV-1a of `s` continued from the hash `h` of the bytes before it: fnv1a64(a + b) ==
// fnv1a64_continue(fnv1a64(a), b) (a file's checksum computed piece by piece as it is read).
constexpr uint64_t fnv1a64_continue(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

constexpr uint64_t kFnv1a64Basis = 1469598103934665603ull;

constexpr uint64_t fnv1a64(std::string_view s) { return fnv1a64_continue(kFnv1a64Basis, s); }

}  // namespace framelens
