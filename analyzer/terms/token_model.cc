#include "analyzer/terms/token_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "analyzer/ml/hashing.h"

namespace framelens::terms {

namespace {

constexpr uint32_t kMagic = 0x4B4F544C;  // "LTOK"
constexpr uint32_t kVersion = 1;

// Each feature family hashes into the same space with its own salt.
const uint64_t kSaltWord = hash_token("<tok:w0>");
const uint64_t kSaltLeft1 = hash_token("<tok:l1>");
const uint64_t kSaltRight1 = hash_token("<tok:r1>");
const uint64_t kSaltLeft2 = hash_token("<tok:l2>");
const uint64_t kSaltRight2 = hash_token("<tok:r2>");
const uint64_t kSaltBigramLeft = hash_token("<tok:bl>");
const uint64_t kSaltBigramRight = hash_token("<tok:br>");
const uint64_t kSaltCategory = hash_token("<tok:cat>");
const uint64_t kSaltSuffix = hash_token("<tok:suf3>");
const uint64_t kSaltCapital = hash_token("<tok:cap>");
const uint64_t kBegin = hash_token("<s>");
const uint64_t kEnd = hash_token("</s>");

// The sparse feature ids of token i (unsorted, may repeat).
template <class F>
void for_each_sparse(const Document& doc, int32_t first, int32_t end, int32_t i, int8_t category, uint32_t mask, F f) {
  auto at = [&](int32_t k) { return k < first ? kBegin : k >= end ? kEnd : doc.tokens[k].hash; };
  auto put = [&](uint64_t salt, uint64_t h) { f(static_cast<uint32_t>(hash_pair(salt, h) & mask)); };
  const Token& t = doc.tokens[i];
  const uint64_t h = t.hash;
  put(kSaltWord, h);
  put(kSaltLeft1, at(i - 1));
  put(kSaltRight1, at(i + 1));
  put(kSaltLeft2, at(i - 2));
  put(kSaltRight2, at(i + 2));
  put(kSaltBigramLeft, hash_pair(at(i - 1), h));
  put(kSaltBigramRight, hash_pair(h, at(i + 1)));
  put(kSaltCategory, static_cast<uint64_t>(category + 1));
  if (t.lower.size() >= 5) put(kSaltSuffix, hash_token(std::string_view(t.lower).substr(t.lower.size() - 3)));
  if (t.capitalized && i > first) put(kSaltCapital, 1);
}

}  // namespace

void token_term_infos(const std::vector<TermMatch>& matches, const std::vector<TermEvidence>& evidence, int32_t first,
                      int32_t end, std::vector<TokenTermInfo>& out) {
  out.assign(static_cast<size_t>(std::max(0, end - first)), TokenTermInfo{});
  for (size_t k = 0; k < matches.size() && k < evidence.size(); ++k)
    for (int32_t i = std::max(first, matches[k].first_token); i < std::min(end, matches[k].end_token); ++i)
      out[i - first] = {evidence[k].score, static_cast<int8_t>(evidence[k].category)};
}

void TokenModel::extract(const Document& doc, int32_t first, int32_t end, int32_t i,
                         const std::vector<TokenTermInfo>& infos, const WordVectors& vectors, Example& out) const {
  const TokenTermInfo& info = infos[i - first];
  out.sparse.clear();
  for_each_sparse(doc, first, end, i, info.category, sparse_dim() - 1,
                  [&](uint32_t g) { out.sparse.push_back({g, 1.f}); });
  std::sort(out.sparse.begin(), out.sparse.end(), [](auto& a, auto& b) { return a.index < b.index; });
  out.sparse.erase(std::unique(out.sparse.begin(), out.sparse.end(), [](auto& a, auto& b) { return a.index == b.index; }),
                   out.sparse.end());
  const float v = 1.f / std::sqrt(static_cast<float>(out.sparse.size()));
  for (auto& f : out.sparse) f.value = v;
  const int vdim = vectors.dim();
  out.dense = Eigen::VectorXf::Zero(dense_dim(vectors));
  const bool has_vec = vdim > 0 && vectors.accumulate(doc.tokens[i].hash, out.dense);  // writes head(vdim)
  out.dense[vdim] = info.score;
  out.dense[vdim + 1] = info.category >= 0 ? 1.f : 0.f;
  out.dense[vdim + 2] = has_vec ? 1.f : 0.f;
}

void TokenModel::standardize(Eigen::VectorXf& dense) const {
  if (dense_mean.size() == dense.size()) dense = (dense - dense_mean).cwiseProduct(dense_inv_std);
}

double TokenModel::probability(const Document& doc, int32_t first, int32_t end, int32_t i,
                               const std::vector<TokenTermInfo>& infos, const WordVectors& vectors) const {
  thread_local Example ex;
  extract(doc, first, end, i, infos, vectors, ex);
  standardize(ex.dense);
  return lr.predict(ex.sparse, ex.dense);
}

void TokenModel::prepare(const WordVectors& vectors) {
  const int vdim = vectors.dim();
  const int dd = dense_dim(vectors);
  if (lr.dense_w.size() != dd) return;
  if (dense_mean.size() != dd) {
    dense_mean = Eigen::VectorXf::Zero(dd);
    dense_inv_std = Eigen::VectorXf::Ones(dd);
  }
  std::vector<float> w(static_cast<size_t>(dd));
  double c = 0;
  for (int j = 0; j < dd; ++j) {
    w[j] = lr.dense_w[j] * dense_inv_std[j];
    c -= static_cast<double>(w[j]) * dense_mean[j];
  }
  dense_const_ = static_cast<float>(c);
  w_score_ = w[vdim];
  w_matched_ = w[vdim + 1];
  w_has_vec_ = w[vdim + 2];
  vec_dot_.clear();
  vec_dot_.reserve(vectors.size());
  vectors.for_each_row([&](uint64_t h, int32_t r) {  // each hash with its first row, as row() finds it
    const int8_t* v = vectors.row_data(r);
    float acc = 0;
    for (int j = 0; j < vdim; ++j) acc += w[j] * static_cast<float>(v[j]);
    vec_dot_.insert(h, acc * vectors.scale(r));
  });
  prepared_ = true;
}

void TokenModel::sentence_features_fast(const Document& doc, int32_t first, int32_t end,
                                        const std::vector<TokenTermInfo>& infos, const WordVectors& vectors,
                                        float* out) const {
  constexpr int kMaxIds = 16;  // for_each_sparse gives at most 10
  struct Pending {
    uint32_t ids[kMaxIds];
    int n = 0;
    int32_t token = 0;
  };
  thread_local std::vector<Pending> pending;
  pending.clear();
  const float* sw = lr.sparse_w.data();
  const uint32_t mask = sparse_dim() - 1;
  const bool with_vectors = vectors.dim() > 0;
  // 1. Each word's distinct feature ids (as extract() merges them); prefetch weights and slots.
  for (int32_t i = first; i < end; ++i) {
    if (doc.tokens[i].kind != TokenKind::Word) continue;
    Pending& p = pending.emplace_back();
    p.token = i;
    for_each_sparse(doc, first, end, i, infos[i - first].category, mask, [&](uint32_t g) {
      for (int k = 0; k < p.n; ++k)
        if (p.ids[k] == g) return;
      p.ids[p.n++] = g;
      __builtin_prefetch(sw + g);
    });
    if (with_vectors) vec_dot_.prefetch(doc.tokens[i].hash);
  }
  // 2. Margins; keep the top two and the count of margins >= 0 (p >= 0.5).
  double z1 = 0, z2 = 0;
  int above = 0;
  for (size_t k = 0; k < pending.size(); ++k) {
    const Pending& p = pending[k];
    const TokenTermInfo& info = infos[p.token - first];
    double s = 0;
    for (int q = 0; q < p.n; ++q) s += sw[p.ids[q]];
    double z = lr.bias + s / std::sqrt(static_cast<double>(p.n)) + dense_const_;
    if (with_vectors)
      if (const float* v = vec_dot_.find(doc.tokens[p.token].hash)) z += *v + w_has_vec_;
    z += w_score_ * info.score + (info.category >= 0 ? w_matched_ : 0.f);
    above += z >= 0;
    if (k == 0 || z > z1) {
      z2 = z1;
      z1 = z;
    } else if (k == 1 || z > z2) {
      z2 = z;
    }
  }
  if (pending.empty()) {
    out[0] = out[1] = out[2] = 0.f;
    return;
  }
  const double p1 = sigmoid(z1);
  out[0] = static_cast<float>(p1);
  out[1] = static_cast<float>(pending.size() >= 2 ? (p1 + sigmoid(z2)) / 2 : p1);
  out[2] = static_cast<float>(above);
}

void summarize_token_probabilities(const std::vector<double>& p, float* out) {
  double first = 0, second = 0;
  int above = 0;
  for (double x : p) {
    if (x > first) {
      second = first;
      first = x;
    } else if (x > second) {
      second = x;
    }
    above += x >= 0.5;
  }
  out[0] = static_cast<float>(first);
  out[1] = static_cast<float>(p.size() >= 2 ? (first + second) / 2 : first);
  out[2] = static_cast<float>(above);
}

void TokenModel::sentence_features(const Document& doc, int32_t first, int32_t end,
                                   const std::vector<TokenTermInfo>& infos, const WordVectors& vectors,
                                   float* out) const {
  if (prepared()) {
    sentence_features_fast(doc, first, end, infos, vectors, out);
    return;
  }
  thread_local std::vector<double> p;
  p.clear();
  for (int32_t i = first; i < end; ++i)
    if (doc.tokens[i].kind == TokenKind::Word) p.push_back(probability(doc, first, end, i, infos, vectors));
  summarize_token_probabilities(p, out);
}

void token_summary_of(const TokenModel* token, const WordVectors& vectors, const Document& doc, int32_t first,
                      int32_t end, const std::vector<TermMatch>& matches, const std::vector<TermEvidence>& evidence,
                      std::vector<TokenTermInfo>& infos, float* out) {
  std::fill(out, out + kTokenSummaryCount, 0.f);
  if (!token) return;
  token_term_infos(matches, evidence, first, end, infos);
  token->sentence_features(doc, first, end, infos, vectors, out);
}

Result<TokenModel> TokenModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error("cannot read " + path);
  TokenModel m;
  uint32_t magic = 0, version = 0;
  int32_t bits = 0, ddim = 0;
  in.read(reinterpret_cast<char*>(&magic), 4);
  in.read(reinterpret_cast<char*>(&version), 4);
  if (!in || magic != kMagic || version != kVersion) return model_error(path + ": not a framelens token model");
  in.read(reinterpret_cast<char*>(&bits), 4);
  in.read(reinterpret_cast<char*>(&ddim), 4);
  in.read(reinterpret_cast<char*>(&m.lr.bias), 4);
  if (!in || bits < 10 || bits > 24 || ddim < kExtraDense || ddim > 4096) return model_error(path + ": corrupt header");
  m.hash_bits = bits;
  m.lr.sparse_w.resize(m.sparse_dim());
  in.read(reinterpret_cast<char*>(m.lr.sparse_w.data()), sizeof(float) * m.sparse_dim());
  if (!read_standardized_dense(in, ddim, m.lr.dense_w, m.dense_mean, m.dense_inv_std))
    return model_error(path + ": truncated");
  if (!all_finite(m.lr.sparse_w)) return model_error(path + ": non-finite weight");
  return m;
}

Status TokenModel::save(const std::string& path) const {
  const auto ddim = static_cast<int32_t>(lr.dense_w.size());
  if (lr.sparse_w.size() != sparse_dim() || dense_mean.size() != ddim || dense_inv_std.size() != ddim)
    return internal_error("token model: weight sizes do not match its configuration");
  std::ofstream out(path, std::ios::binary);
  if (!out) return internal_error("cannot write " + path);
  const int32_t bits = hash_bits;
  out.write(reinterpret_cast<const char*>(&kMagic), 4);
  out.write(reinterpret_cast<const char*>(&kVersion), 4);
  out.write(reinterpret_cast<const char*>(&bits), 4);
  out.write(reinterpret_cast<const char*>(&ddim), 4);
  out.write(reinterpret_cast<const char*>(&lr.bias), 4);
  out.write(reinterpret_cast<const char*>(lr.sparse_w.data()), sizeof(float) * lr.sparse_w.size());
  write_standardized_dense(out, lr.dense_w, dense_mean, dense_inv_std);
  if (!out) return internal_error("write failed: " + path);
  return {};
}

}  // namespace framelens::terms
