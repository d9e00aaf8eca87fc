#pragma once
// A fixed set of words tested against tokens by their precomputed hash (Token::hash =
// fnv1a64(lower)), for the closed word lists that per-token rules consult (function words, head
// nouns, pronouns). A std::unordered_set<std::string_view> rehashes the text and walks a bucket
// chain on every test; this is one flat-table probe, confirmed by a string compare on a hit (so a
// hash collision can never report a word that is not in the set).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "analyzer/core/string_table.h"
#include "analyzer/core/token_hash.h"

namespace framelens {

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) table_[std::string(w)] = 1;
  }
  // `hash` must be fnv1a64(word) (a token's Token::hash for word = its lower).
  bool contains(uint64_t hash, std::string_view word) const { return table_.find(hash, word) != nullptr; }
  bool contains(std::string_view word) const { return contains(fnv1a64(word), word); }
  size_t size() const { return table_.size(); }

 private:
  StringTable<char> table_;
};

}  // namespace framelens
