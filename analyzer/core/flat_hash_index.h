#pragma once
// A map from 64-bit hashes to int32 rows (of a table kept by the caller) in one flat
// open-addressing table: FlatHashMap<int32_t> with -1 for "absent". Lookups of token hashes run
// for every token of every article; std::unordered_map's node-per-entry layout costs a cache miss
// per bucket hop there, this costs about one per lookup (key and row share a slot).
#include <cstdint>

#include "analyzer/core/flat_hash_map.h"

namespace framelens {

class FlatHashIndex {
 public:
  void clear() { map_.clear(); }
  size_t size() const { return map_.size(); }
  // Sizes an empty index for `n` keys at once (see FlatHashMap::reserve).
  void reserve(size_t n) { map_.reserve(n); }
  // Keeps the first row given for a key; false when the key was already present.
  bool insert(uint64_t key, int32_t row) { return map_.insert(key, row); }
  // The row of `key`, or -1.
  int32_t find(uint64_t key) const {
    const int32_t* row = map_.find(key);
    return row ? *row : -1;
  }
  // Starts loading the slot of `key` into cache, for loops that look up many keys: issue the
  // prefetches for a batch first, then the finds, and the memory waits overlap.
  void prefetch(uint64_t key) const { map_.prefetch(key); }
  // Calls fn(key, row) for every entry (in table order).
  template <typename Fn>
  void for_each(Fn fn) const {
    map_.for_each(fn);
  }

 private:
  FlatHashMap<int32_t> map_;
};

}  // namespace framelens
