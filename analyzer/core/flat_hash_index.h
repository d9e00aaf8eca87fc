#pragma once
// A map from 64-bit hashes to int32 rows in one flat open-addressing table (linear probing, load
// <= 1/2). Lookups of token hashes run for every token of every article; std::unordered_map's
// node-per-entry layout costs a cache miss per bucket hop there, this costs about one per lookup.
#include <cstdint>
#include <vector>

namespace framelens {

class FlatHashIndex {
 public:
  void clear() {
    keys_.clear();
    rows_.clear();
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
    if (2 * (size_ + 1) > keys_.size()) grow();
    size_t i = slot(key);
    while (keys_[i] != 0) {
      if (keys_[i] == key) return false;
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    rows_[i] = row;
    ++size_;
    return true;
  }

  // The row of `key`, or -1.
  int32_t find(uint64_t key) const {
    if (key == 0) return has_zero_ ? zero_row_ : -1;
    if (keys_.empty()) return -1;
    for (size_t i = slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return rows_[i];
      if (keys_[i] == 0) return -1;
    }
  }

  // Calls fn(key, row) for every entry (in table order).
  template <typename Fn>
  void for_each(Fn fn) const {
    if (has_zero_) fn(uint64_t{0}, zero_row_);
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) fn(keys_[i], rows_[i]);
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
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<int32_t> old_rows = std::move(rows_);
    const size_t cap = old_keys.empty() ? 16 : 2 * old_keys.size();
    keys_.assign(cap, 0);
    rows_.assign(cap, -1);
    mask_ = cap - 1;
    size_ = 0;
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) insert(old_keys[i], old_rows[i]);
  }

  std::vector<uint64_t> keys_;
  std::vector<int32_t> rows_;
  size_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
  int32_t zero_row_ = -1;
};

}  // namespace framelens
