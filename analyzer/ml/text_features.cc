#include "analyzer/ml/text_features.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <istream>
#include <ostream>

#include "analyzer/core/radix_sort.h"

namespace framelens {

namespace {

const uint64_t kNumberHash = feature_hash("<num>");

constexpr char kMagic[8] = {'F', 'L', 'T', 'X', 'T', 'F', 'E', 'A'};
constexpr uint32_t kVersion = 1;

}  // namespace

TextFeaturizer::TextFeaturizer(TextFeatureOptions opt) : opt_(opt) {
  opt_.hash_bits = std::clamp<uint32_t>(opt_.hash_bits, 8, 26);
}

SparseVector TextFeaturizer::term_counts(const Document& doc, int32_t first_token, int32_t end_token,
                                         const std::vector<uint8_t>* token_mask) const {
  const uint64_t mask = dim() - 1;
  std::vector<uint32_t> ids;
  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  first_token = std::max(first_token, 0);
  end_token = std::min(end_token, n);
  ids.reserve(size_t(std::max(0, end_token - first_token)) * (opt_.bigrams ? 2 : 1));
  uint64_t prev = 0;
  int32_t prev_sentence = -2;
  bool have_prev = false;
  for (int32_t i = first_token; i < end_token; ++i) {
    const Token& t = doc.tokens[i];
    const bool counted = (t.kind == TokenKind::Word || t.kind == TokenKind::Number) &&
                         (!token_mask || (*token_mask)[i]);
    if (!counted) {
      // A masked word breaks the bigram chain; punctuation does not (as in sklearn's analyser).
      if (token_mask && !(*token_mask)[i]) have_prev = false;
      continue;
    }
    const uint64_t h = (opt_.numbers_as_shape && t.kind == TokenKind::Number) ? kNumberHash : feature_hash(t);
    ids.push_back(static_cast<uint32_t>(h & mask));
    if (opt_.bigrams && have_prev && prev_sentence == t.sentence)
      ids.push_back(static_cast<uint32_t>(feature_hash_pair(prev, h) & mask));
    prev = h;
    prev_sentence = t.sentence;
    have_prev = true;
  }
  thread_local std::vector<uint32_t> sort_buffer;
  radix_sort(ids, sort_buffer, opt_.hash_bits);
  SparseVector v;
  v.index.reserve(ids.size());
  v.value.reserve(ids.size());
  for (size_t i = 0; i < ids.size();) {
    size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    v.push(ids[i], static_cast<float>(j - i));
    i = j;
  }
  return v;
}

void TextFeaturizer::weigh(SparseVector& v) const {
  // The idf entries are scattered over a megabyte and each one waits on memory: fetch ahead.
  constexpr size_t kAhead = 16;
  const size_t n = v.size();
  if (!idf_.empty())
    for (size_t j = 0; j < std::min(n, kAhead); ++j) __builtin_prefetch(idf_.data() + v.index[j]);
  size_t out = 0;
  for (size_t j = 0; j < n; ++j) {
    if (j + kAhead < n && !idf_.empty()) __builtin_prefetch(idf_.data() + v.index[j + kAhead]);
    float tf = opt_.sublinear_tf ? 1.0f + std::log(v.value[j]) : v.value[j];
    float w = tf * idf(v.index[j]);
    if (w == 0.0f) continue;
    v.index[out] = v.index[j];
    v.value[out++] = w;
  }
  v.index.resize(out);
  v.value.resize(out);
  v.normalize();
}

SparseVector TextFeaturizer::features(const Document& doc, const std::vector<uint8_t>* token_mask) const {
  SparseVector v = term_counts(doc, token_mask);
  weigh(v);
  return v;
}

void TextFeaturizer::fit_idf(const std::vector<SparseVector>& doc_counts, int min_df) {
  std::vector<uint32_t> df(dim(), 0);
  for (const auto& v : doc_counts)
    for (uint32_t i : v.index)
      if (i < dim()) ++df[i];
  const double n = static_cast<double>(doc_counts.size());
  idf_.assign(dim(), 0.0f);
  for (uint32_t i = 0; i < dim(); ++i) {
    if (df[i] < static_cast<uint32_t>(std::max(min_df, 1))) continue;
    idf_[i] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[i])) + 1.0);
  }
}

Status TextFeaturizer::write(std::ostream& os) const {
  const uint32_t flags = (opt_.bigrams ? 1u : 0u) | (opt_.numbers_as_shape ? 2u : 0u) | (opt_.sublinear_tf ? 4u : 0u);
  const uint32_t n_idf = static_cast<uint32_t>(idf_.size());
  os.write(kMagic, sizeof kMagic);
  os.write(reinterpret_cast<const char*>(&kVersion), 4);
  os.write(reinterpret_cast<const char*>(&opt_.hash_bits), 4);
  os.write(reinterpret_cast<const char*>(&flags), 4);
  os.write(reinterpret_cast<const char*>(&n_idf), 4);
  os.write(reinterpret_cast<const char*>(idf_.data()), std::streamsize(sizeof(float) * idf_.size()));
  if (!os) return internal_error("text features: write failed");
  return {};
}

Result<TextFeaturizer> TextFeaturizer::read(std::istream& is, const std::string& where) {
  char magic[8];
  uint32_t version = 0, bits = 0, flags = 0, n_idf = 0;
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, kMagic, sizeof magic) != 0)
    return model_error(where + ": not a framelens feature table (bad magic)");
  is.read(reinterpret_cast<char*>(&version), 4);
  is.read(reinterpret_cast<char*>(&bits), 4);
  is.read(reinterpret_cast<char*>(&flags), 4);
  is.read(reinterpret_cast<char*>(&n_idf), 4);
  if (!is) return model_error(where + ": truncated feature table header");
  if (version != kVersion) return model_error(where + ": unsupported feature table version");
  if (bits < 8 || bits > 26) return model_error(where + ": bad hash size");
  TextFeatureOptions o;
  o.hash_bits = bits;
  o.bigrams = flags & 1u;
  o.numbers_as_shape = flags & 2u;
  o.sublinear_tf = flags & 4u;
  TextFeaturizer f(o);
  if (n_idf != 0 && n_idf != f.dim()) return model_error(where + ": idf table size does not match the hash size");
  f.idf_.resize(n_idf);  // not zero-filled: read right away
  is.read(reinterpret_cast<char*>(f.idf_.data()), std::streamsize(sizeof(float) * n_idf));
  if (!is) return model_error(where + ": truncated idf table");
  for (float v : f.idf_)
    if (!std::isfinite(v) || v < 0) return model_error(where + ": corrupt idf table");
  return f;
}

}  // namespace framelens
