#pragma once
// A compact word-vector table (int8 per component with one scale per word) exported from a fastText
// unsupervised model at train time. Looked up by token hash, so no strings are built at inference.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <Eigen/Dense>

#include "analyzer/core/flat_hash_index.h"
#include "analyzer/core/huge_page_allocator.h"

namespace framelens::terms {

class WordVectors {
 public:
  int dim() const { return dim_; }
  size_t size() const { return scales_.size(); }
  bool empty() const { return scales_.empty(); }

  void reset(int dim);
  void add(const std::string& word, const float* v);  // quantises v
  // Adds the vector of `token_hash` to `acc` (size dim); false when unknown.
  bool accumulate(uint64_t token_hash, Eigen::VectorXf& acc) const;

  // The word of row r (the sentence model precomputes per-word contributions from them).
  std::string_view word(int32_t r) const {
    const uint32_t begin = r == 0 ? 0 : word_end_[r - 1];
    return std::string_view(word_chars_.data() + begin, word_end_[r] - begin);
  }
  // Calls fn(token_hash, row) for every row (in index order; a hash given twice kept its first row).
  template <typename Fn>
  void for_each_row(Fn fn) const {
    row_of_.for_each(fn);
  }
  // Row of a token hash, or -1.
  int32_t row(uint64_t token_hash) const {
    return row_of_.find(token_hash);
  }
  // Cache hints for loops over many tokens: prefetch the index slots of a batch, then find the
  // rows and prefetch their data, then read them (the memory waits overlap instead of queueing).
  void prefetch_index(uint64_t token_hash) const { row_of_.prefetch(token_hash); }
  void prefetch_row(int32_t r) const {
    const int8_t* p = row_data(r);
    for (int k = 0; k < dim_; k += 64) __builtin_prefetch(p + k);
  }
  // Component i of row r.
  float at(int32_t r, int i) const { return scales_[r] * data_[static_cast<size_t>(r) * dim_ + i]; }
  // Row r as its int8 components and their scale (for loops that should vectorise: component i is
  // scale(r) * row_data(r)[i]).
  const int8_t* row_data(int32_t r) const { return data_.data() + static_cast<size_t>(r) * dim_; }
  float scale(int32_t r) const { return scales_[r]; }

  void write(std::ostream& out) const;
  // Reads what write() wrote. With `seen`, passes it every byte read, in order (the word-vector
  // file checks its payload checksum this way, without a second pass over the payload).
  bool read(std::istream& in, const std::function<void(std::string_view)>& seen = {});

 private:
  int dim_ = 0;
  FlatHashIndex row_of_;
  ModelBuffer<float> scales_;
  ModelBuffer<int8_t> data_;  // size() * dim_
  // The words back to back (one allocation instead of one string per word) and where each ends.
  ModelBuffer<char> word_chars_;
  ModelBuffer<uint32_t> word_end_;
};

}  // namespace framelens::terms
