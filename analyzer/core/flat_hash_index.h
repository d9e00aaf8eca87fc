#pragma once
// A map from 64-bit hashes to int32 rows in one flat open-addressing table (linear probing, load
// <= 1/2). Lookups of token hashes run for every token of every article; std::unordered_map's
// node-per-entry layout costs a cache miss per bucket hop there, this costs about one per lookup
// (key and row share a slot, so a hit reads one cache line).
#include <cstdint>
#include <vector>

namespace framelens {

class FlatHashIndex {
 public:
  void clear() {
    slots_.clear();
    size_ = 0;
    has_zero_ = false;
  }
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // Keeps the first row given for a key; false when the key was already present.
  bool insert(uint64_t key, int32_t row) {
    if (key == 0) {
      if (has_zero_) return false;
      has_zero_ = true;
      zero_row_ = row;
      return true;
    }
    if (2 * (size_ + 1) > slots_.size()) grow();
    size_t i = slot(key);
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = {key, row};
    ++size_;
    return true;
  }

  // The row of `key`, or -1.
  int32_t find(uint64_t key) const {
    if (key == 0) return has_zero_ ? zero_row_ : -1;
    if (slots_.empty()) return -1;
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return slots_[i].row;
      if (slots_[i].key == 0) return -1;
    }
  }

  // Starts loading the slot of `key` into cache, for loops that look up many keys: issue the
  // prefetches for a batch first, then the finds, and the memory waits overlap.
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot(key)]);
  }

  // Calls fn(key, row) for every entry (in table order).
  template <typename Fn>
  void for_each(Fn fn) const {
    if (has_zero_) fn(uint64_t{0}, zero_row_);
    for (const Slot& s : slots_)
      if (s.key != 0) fn(s.key, s.row);
  }

 private:
  size_t slot(uint64_t key) const {
    // Spread the bits (token hashes may be weak in the low bits) before masking.
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return static_cast<size_t>(key) & mask_;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const size_t cap = old.empty() ? 16 : 2 * old.size();
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.row);
  }

  struct Slot {
    uint64_t key = 0;  // 0 = empty (the key 0 itself is kept aside in zero_row_)
    int32_t row = -1;
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
  int32_t zero_row_ = -1;
};

}  // namespace framelens
