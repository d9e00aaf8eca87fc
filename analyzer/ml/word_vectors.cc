#include "analyzer/ml/word_vectors.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <ostream>

#include "analyzer/ml/hashing.h"

namespace framelens::terms {

void WordVectors::reset(int dim) {
  dim_ = dim;
  row_of_.clear();
  scales_.clear();
  data_.clear();
  word_chars_.clear();
  word_end_.clear();
}

void WordVectors::add(const std::string& word, const float* v) {
  const uint64_t h = hash_token(word);
  if (word.size() > 255 || row_of_.find(h) >= 0) return;
  float mx = 0.f;
  for (int i = 0; i < dim_; ++i) mx = std::max(mx, std::fabs(v[i]));
  const float scale = mx > 0 ? mx / 127.f : 1.f;
  row_of_.insert(h, static_cast<int32_t>(scales_.size()));
  scales_.push_back(scale);
  word_chars_.insert(word_chars_.end(), word.begin(), word.end());
  word_end_.push_back(static_cast<uint32_t>(word_chars_.size()));
  for (int i = 0; i < dim_; ++i) data_.push_back(static_cast<int8_t>(std::lround(v[i] / scale)));
}

bool WordVectors::accumulate(uint64_t token_hash, Eigen::VectorXf& acc) const {
  const int32_t r = row_of_.find(token_hash);
  if (r < 0) return false;
  const int8_t* row = data_.data() + static_cast<size_t>(r) * dim_;
  const float s = scales_[r];
  for (int i = 0; i < dim_; ++i) acc[i] += s * row[i];
  return true;
}

void WordVectors::write(std::ostream& out) const {
  const int32_t n = static_cast<int32_t>(scales_.size());
  out.write(reinterpret_cast<const char*>(&dim_), sizeof dim_);
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  // Hashes in row order, then scales, then data.
  std::vector<uint64_t> hashes(n);
  row_of_.for_each([&](uint64_t h, int32_t r) { hashes[r] = h; });
  out.write(reinterpret_cast<const char*>(hashes.data()), sizeof(uint64_t) * n);
  out.write(reinterpret_cast<const char*>(scales_.data()), sizeof(float) * n);
  out.write(reinterpret_cast<const char*>(data_.data()), data_.size());
  for (int32_t r = 0; r < n; ++r) {
    const std::string_view w = word(r);
    const uint8_t len = static_cast<uint8_t>(std::min<size_t>(w.size(), 255));
    out.write(reinterpret_cast<const char*>(&len), 1);
    out.write(w.data(), len);
  }
}

namespace {

// istream::read of `n` bytes into `p`, shown to `seen` when given.
bool read_hashed(std::istream& in, void* p, size_t n, const std::function<void(std::string_view)>& seen) {
  char* c = static_cast<char*>(p);
  if (!in.read(c, static_cast<std::streamsize>(n))) return false;
  if (seen) seen(std::string_view(c, n));
  return true;
}

}  // namespace

bool WordVectors::read(std::istream& in, const std::function<void(std::string_view)>& seen) {
  int32_t dim = 0, n = 0;
  if (!read_hashed(in, &dim, sizeof dim, seen) || !read_hashed(in, &n, sizeof n, seen)) return false;
  if (dim < 0 || dim > 1024 || n < 0 || n > 5'000'000) return false;
  reset(dim);
  // The row index is sized once and filled straight from the file's hashes, a block at a time;
  // the scales and components are read into their (not zero-filled) buffers.
  row_of_.reserve(static_cast<size_t>(n));
  uint64_t block[4096];
  for (int32_t done = 0; done < n;) {
    const int32_t take = std::min<int32_t>(n - done, static_cast<int32_t>(std::size(block)));
    if (!read_hashed(in, block, sizeof(uint64_t) * take, seen)) return false;
    // Inserts a few dozen at a time after prefetching their slots: the table is megabytes, so each
    // insert is a cache miss, and these overlap instead of queueing.
    constexpr int32_t kAhead = 32;
    for (int32_t i = 0; i < take; i += kAhead) {
      const int32_t end = std::min(take, i + kAhead);
      for (int32_t j = i; j < end; ++j) row_of_.prefetch(block[j]);
      for (int32_t j = i; j < end; ++j) row_of_.insert(block[j], done + j);
    }
    done += take;
  }
  scales_.resize(n);
  data_.resize(static_cast<size_t>(n) * dim);
  if (!read_hashed(in, scales_.data(), sizeof(float) * n, seen) || !read_hashed(in, data_.data(), data_.size(), seen))
    return false;
  // The words: a length byte, then the bytes. Read in chunks through the stream buffer and parsed
  // in memory (a stream call per word cost more than the rest of this function); the bytes read
  // past the last word are given back with a seek.
  std::streambuf* sb = in.rdbuf();
  word_end_.resize(n);
  word_chars_.reserve(static_cast<size_t>(n) * 12);  // English words average under 8 bytes
  constexpr size_t kChunk = size_t{1} << 16;
  auto chunk = std::make_unique<char[]>(kChunk);
  size_t have = 0, at = 0;  // bytes in the chunk, parse position
  auto fail = [&] {
    in.setstate(std::ios::failbit | std::ios::eofbit);
    return false;
  };
  for (int32_t i = 0; i < n; ++i) {
    if (at >= have || at + 1 + static_cast<unsigned char>(chunk[at]) > have) {
      // Hand the parsed bytes to `seen`, keep the partial record, and read more.
      if (seen && at > 0) seen(std::string_view(chunk.get(), at));
      std::memmove(chunk.get(), chunk.get() + at, have - at);
      have -= at;
      at = 0;
      have += static_cast<size_t>(sb->sgetn(chunk.get() + have, static_cast<std::streamsize>(kChunk - have)));
      if (have == 0 || 1 + static_cast<size_t>(static_cast<unsigned char>(chunk[0])) > have) return fail();
    }
    const size_t len = static_cast<unsigned char>(chunk[at]);
    word_chars_.insert(word_chars_.end(), chunk.get() + at + 1, chunk.get() + at + 1 + len);
    word_end_[i] = static_cast<uint32_t>(word_chars_.size());
    at += 1 + len;
  }
  if (seen && at > 0) seen(std::string_view(chunk.get(), at));
  if (have > at && sb->pubseekoff(-static_cast<std::streamoff>(have - at), std::ios::cur, std::ios::in) < 0) return fail();
  return true;
}

}  // namespace framelens::terms
