#pragma once
// A map from 64-bit hashes to small values kept inline in one flat open-addressing table (linear
// probing, load <= 1/2): a per-token lookup that hits reads one slot, where FlatHashIndex + a row
// array reads two cache lines in two dependent steps. Tables of megabytes are asked for huge
// pages, since random lookups over 4 KiB pages miss the TLB as well as the cache.
#include <cstdint>
#include <vector>

#include "analyzer/core/huge_page_allocator.h"

namespace framelens {

template <typename V>
class FlatHashMap {
 public:
  void clear() {
    slots_.clear();
    size_ = 0;
    has_zero_ = false;
  }
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // Sizes an empty table for `n` keys at once (the capacity the inserts would grow it to), so a
  // table filled at load is allocated and zeroed once instead of once per doubling.
  void reserve(size_t n) {
    if (size_ != 0) return;
    size_t cap = 16;
    while (2 * n > cap) cap *= 2;
    if (cap <= slots_.size()) return;
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
  }

  // Keeps the first value given for a key; false when the key was already present.
  bool insert(uint64_t key, const V& value) {
    if (key == 0) {
      if (has_zero_) return false;
      has_zero_ = true;
      zero_value_ = value;
      return true;
    }
    if (2 * (size_ + 1) > slots_.size()) grow();
    size_t i = slot(key);
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = {key, value};
    ++size_;
    return true;
  }

  // The value of `key`, or nullptr.
  const V* find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_value_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }

  // Starts loading the slot of `key` into cache (issue for a batch of keys, then find them).
  void prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot(key)]);
  }

  // Calls fn(key, value) for every entry (in table order).
  template <typename Fn>
  void for_each(Fn fn) const {
    if (has_zero_) fn(uint64_t{0}, zero_value_);
    for (const Slot& s : slots_)
      if (s.key != 0) fn(s.key, s.value);
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
    std::vector<Slot, HugePageAllocator<Slot>> old = std::move(slots_);
    const size_t cap = old.empty() ? 16 : 2 * old.size();
    slots_.assign(cap, Slot{});
    mask_ = cap - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.value);
  }

  struct Slot {
    uint64_t key = 0;  // 0 = empty (the key 0 itself is kept aside in zero_value_)
    V value{};
  };
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
  V zero_value_{};
};

}  // namespace framelens
