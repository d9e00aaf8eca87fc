#include "analyzer/terms/word_vectors.h"

#include <algorithm>
#include <cmath>
#include <istream>
#include <ostream>

#include "analyzer/terms/hashing.h"

namespace framelens::terms {

void WordVectors::reset(int dim) {
  dim_ = dim;
  row_of_.clear();
  scales_.clear();
  data_.clear();
  words_.clear();
}

void WordVectors::add(const std::string& word, const float* v) {
  const uint64_t h = hash_token(word);
  if (word.size() > 255 || row_of_.find(h) >= 0) return;
  float mx = 0.f;
  for (int i = 0; i < dim_; ++i) mx = std::max(mx, std::fabs(v[i]));
  const float scale = mx > 0 ? mx / 127.f : 1.f;
  row_of_.insert(h, static_cast<int32_t>(scales_.size()));
  scales_.push_back(scale);
  words_.push_back(word);
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
  for (const auto& w : words_) {
    const uint8_t len = static_cast<uint8_t>(std::min<size_t>(w.size(), 255));
    out.write(reinterpret_cast<const char*>(&len), 1);
    out.write(w.data(), len);
  }
}

bool WordVectors::read(std::istream& in) {
  int32_t dim = 0, n = 0;
  in.read(reinterpret_cast<char*>(&dim), sizeof dim);
  in.read(reinterpret_cast<char*>(&n), sizeof n);
  if (!in || dim < 0 || dim > 1024 || n < 0 || n > 5'000'000) return false;
  reset(dim);
  std::vector<uint64_t> hashes(n);
  scales_.resize(n);
  data_.resize(static_cast<size_t>(n) * dim);
  in.read(reinterpret_cast<char*>(hashes.data()), sizeof(uint64_t) * n);
  in.read(reinterpret_cast<char*>(scales_.data()), sizeof(float) * n);
  in.read(reinterpret_cast<char*>(data_.data()), data_.size());
  if (!in) return false;
  words_.resize(n);
  for (int32_t i = 0; i < n; ++i) {
    uint8_t len = 0;
    in.read(reinterpret_cast<char*>(&len), 1);
    words_[i].resize(len);
    in.read(words_[i].data(), len);
  }
  if (!in) return false;
  for (int32_t i = 0; i < n; ++i) row_of_.insert(hashes[i], i);
  return true;
}

}  // namespace framelens::terms
