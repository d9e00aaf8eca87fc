#pragma once
// Stable 64-bit hashes for tokens and n-grams (FNV-1a): the same values at train and at inference,
// on every platform, so hashed feature indices stored in a model file stay valid.
#include <cstdint>
#include <string_view>

#include "analyzer/core/token_hash.h"

namespace framelens::terms {

// A token's own hash is Token::hash (the same value, computed once by the tokenizer).
inline uint64_t hash_token(std::string_view s) { return fnv1a64(s); }

// Order-sensitive combination (bigram "a b" != "b a").
inline uint64_t hash_pair(uint64_t a, uint64_t b) {
  uint64_t h = a * 0x9E3779B97F4A7C15ull;
  h ^= b + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  return h * 0xBF58476D1CE4E5B9ull;
}

}  // namespace framelens::terms

namespace framelens {

struct Token;

// The token fastText sees for a document token (empty: punctuation, quotes, ... are skipped), and
// its terms::WordVectors key (0 when skipped). The vector trainer (train/word_vectors_trainer)
// writes exactly these tokens and the featurisers look vectors up by these keys, so training and
// inference agree.
std::string_view vector_token(const Token& t);
uint64_t vector_token_hash(const Token& t);

}  // namespace framelens
