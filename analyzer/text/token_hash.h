#pragma once
// The one stable 64-bit hash of a token's text (FNV-1a): the same value at train and at inference,
// on every platform, so hashed indices stored in model files stay valid. The tokenizer stores it
// in Token::hash, so the stages (lexicons, word vectors, hashed features) hash each token once
// per document instead of once per stage; terms::hash_token and models' feature_hash derive from it.
#include <cstdint>
#include <string_view>

namespace framelens {

constexpr uint64_t fnv1a64(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace framelens
