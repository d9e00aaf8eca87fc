#pragma once
// A read-mostly map from strings to values, looked up by a precomputed 64-bit hash of the string
// (the tokenizer's Token::hash = fnv1a64(lower)), so per-token lookups neither rehash the text nor
// chase std::unordered_map nodes. Hits are confirmed by comparing the string, so a hash collision
// can never return a wrong entry.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzer/core/flat_hash_index.h"
#include "analyzer/core/token_hash.h"

namespace framelens {

template <typename V>
class StringTable {
 public:
  // The value of `key`, inserted default-constructed when absent.
  V& operator[](const std::string& key) {
    const uint64_t h = fnv1a64(key);
    if (const V* v = find(h, key)) return const_cast<V&>(*v);
    if (!index_.insert(h, static_cast<int32_t>(entries_.size()))) {
      // Another string with the same 64-bit hash: chain it in `collided_` (never seen in practice).
      collided_.push_back({key, V{}});
      return collided_.back().second;
    }
    entries_.push_back({key, V{}});
    return entries_.back().second;
  }
  // `hash` must be fnv1a64(key).
  const V* find(uint64_t hash, std::string_view key) const {
    const int32_t r = index_.find(hash);
    if (r >= 0 && entries_[r].first == key) return &entries_[r].second;
    if (r >= 0)
      for (const auto& [k, v] : collided_)
        if (k == key) return &v;
    return nullptr;
  }
  const V* find(std::string_view key) const { return find(fnv1a64(key), key); }
  size_t size() const { return entries_.size() + collided_.size(); }

 private:
  FlatHashIndex index_;
  std::vector<std::pair<std::string, V>> entries_;
  std::vector<std::pair<std::string, V>> collided_;
};

}  // namespace framelens
