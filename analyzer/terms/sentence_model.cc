#include "analyzer/terms/sentence_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "analyzer/terms/hashing.h"

namespace framelens::terms {

namespace {

constexpr uint32_t kMagic = 0x4D53464C;  // "LFSM"
constexpr uint32_t kVersion = 1;

// Punctuation that carries tone; other punctuation is skipped by the n-gram features.
bool tone_punct(const Token& t) {
  return t.kind == TokenKind::Quote || t.lower == "!" || t.lower == "?" || t.lower == ":";
}

const uint64_t kStartHash = hash_token("<s>");

}  // namespace

void SentenceModel::extract(const Document& doc, const std::vector<uint64_t>& token_hashes, int32_t first,
                            int32_t end, const std::vector<TermEvidence>& evidence,
                            SentenceFeatures& out) const {
  out.sparse.clear();
  const uint32_t mask = sparse_dim() - 1;
  uint64_t prev = kStartHash;
  int words = 0, in_vocab = 0, quotes = 0, exclaim = 0, caps = 0;
  const int vdim = use_vectors ? vectors.dim() : 0;
  out.dense = Eigen::VectorXf::Zero(dense_dim());
  Eigen::VectorXf acc;
  if (vdim > 0) acc = Eigen::VectorXf::Zero(vdim);
  for (int32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    const bool word = t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    if (!word && !tone_punct(t)) continue;
    const uint64_t h = t.kind == TokenKind::Number ? hash_token("<num>") : token_hashes[i];
    out.sparse.push_back({static_cast<uint32_t>(h & mask), 1.f});
    if (use_bigrams) out.sparse.push_back({static_cast<uint32_t>(hash_pair(prev, h) & mask), 1.f});
    prev = h;
    if (t.kind == TokenKind::Quote) ++quotes;
    if (t.lower == "!" || t.lower == "?") ++exclaim;
    if (t.kind == TokenKind::Word) {
      ++words;
      caps += t.all_caps;
      if (vdim > 0 && vectors.accumulate(h, acc)) ++in_vocab;
    }
  }
  // Binary presence, L2-normalised (duplicates merged).
  std::sort(out.sparse.begin(), out.sparse.end(), [](auto& a, auto& b) { return a.index < b.index; });
  out.sparse.erase(std::unique(out.sparse.begin(), out.sparse.end(),
                               [](auto& a, auto& b) { return a.index == b.index; }),
                   out.sparse.end());
  if (!out.sparse.empty()) {
    const float v = 1.f / std::sqrt(static_cast<float>(out.sparse.size()));
    for (auto& f : out.sparse) f.value = v;
  }
  if (vdim > 0) {
    if (in_vocab > 0) acc /= static_cast<float>(in_vocab);
    out.dense.head(vdim) = acc;
  }
  if (use_term_features) {
    float* d = out.dense.data() + vdim;
    float sum = 0, mx = 0;
    int strong = 0;
    float per_cat[5] = {0, 0, 0, 0, 0};
    for (const auto& e : evidence) {
      sum += e.score;
      mx = std::max(mx, e.score);
      strong += e.score >= 0.5f;
      const int c = static_cast<int>(e.category);
      if (c < 5) per_cat[c] += e.score;
    }
    d[0] = sum;
    d[1] = mx;
    d[2] = static_cast<float>(strong);
    for (int c = 0; c < 5; ++c) d[3 + c] = per_cat[c];
    d[8] = std::log1p(static_cast<float>(words));
    d[9] = static_cast<float>(quotes > 0);
    d[10] = static_cast<float>(exclaim > 0);
    d[11] = words > 0 ? sum / std::sqrt(static_cast<float>(words)) : 0.f;
  }
}

void SentenceModel::standardize(Eigen::VectorXf& dense) const {
  if (dense_mean.size() == dense.size()) dense = (dense - dense_mean).cwiseProduct(dense_inv_std);
}

double SentenceModel::score(const SentenceFeatures& f) const { return lr.predict(f.sparse, f.dense); }

Result<SentenceModel> SentenceModel::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error("cannot read " + path);
  SentenceModel m;
  uint32_t magic = 0, version = 0;
  int32_t bits = 0, flags = 0, ddim = 0;
  in.read(reinterpret_cast<char*>(&magic), 4);
  in.read(reinterpret_cast<char*>(&version), 4);
  if (!in || magic != kMagic || version != kVersion) return model_error(path + ": not a framelens sentence model (bad magic/version)");
  in.read(reinterpret_cast<char*>(&bits), 4);
  in.read(reinterpret_cast<char*>(&flags), 4);
  in.read(reinterpret_cast<char*>(&m.threshold), 4);
  in.read(reinterpret_cast<char*>(&m.lr.bias), 4);
  if (!in || bits < 10 || bits > 24) return model_error(path + ": corrupt header");
  m.hash_bits = bits;
  m.use_bigrams = flags & 1;
  m.use_vectors = flags & 2;
  m.use_term_features = flags & 4;
  m.lr.sparse_w.resize(m.sparse_dim());
  in.read(reinterpret_cast<char*>(m.lr.sparse_w.data()), sizeof(float) * m.sparse_dim());
  if (m.use_vectors && !m.vectors.read(in)) return model_error(path + ": corrupt word vectors");
  in.read(reinterpret_cast<char*>(&ddim), 4);
  if (!in || ddim != m.dense_dim()) return model_error(path + ": dense block size mismatch");
  m.lr.dense_w.resize(ddim);
  m.dense_mean.resize(ddim);
  m.dense_inv_std.resize(ddim);
  in.read(reinterpret_cast<char*>(m.lr.dense_w.data()), sizeof(float) * ddim);
  in.read(reinterpret_cast<char*>(m.dense_mean.data()), sizeof(float) * ddim);
  in.read(reinterpret_cast<char*>(m.dense_inv_std.data()), sizeof(float) * ddim);
  if (!in) return model_error(path + ": truncated");
  for (float w : m.lr.sparse_w)
    if (!std::isfinite(w)) return model_error(path + ": non-finite weight");
  return m;
}

Status SentenceModel::save(const std::string& path) const {
  if (lr.sparse_w.size() != sparse_dim()) return internal_error("sentence model: sparse weights do not match hash_bits");
  std::ofstream out(path, std::ios::binary);
  if (!out) return internal_error("cannot write " + path);
  const int32_t bits = hash_bits;
  const int32_t flags = (use_bigrams ? 1 : 0) | (use_vectors ? 2 : 0) | (use_term_features ? 4 : 0);
  const int32_t ddim = dense_dim();
  out.write(reinterpret_cast<const char*>(&kMagic), 4);
  out.write(reinterpret_cast<const char*>(&kVersion), 4);
  out.write(reinterpret_cast<const char*>(&bits), 4);
  out.write(reinterpret_cast<const char*>(&flags), 4);
  out.write(reinterpret_cast<const char*>(&threshold), 4);
  out.write(reinterpret_cast<const char*>(&lr.bias), 4);
  out.write(reinterpret_cast<const char*>(lr.sparse_w.data()), sizeof(float) * lr.sparse_w.size());
  if (use_vectors) vectors.write(out);
  out.write(reinterpret_cast<const char*>(&ddim), 4);
  // No standardisation fitted (a hand-made model): identity.
  const Eigen::VectorXf mean = dense_mean.size() == ddim ? dense_mean : Eigen::VectorXf::Zero(ddim);
  const Eigen::VectorXf inv = dense_inv_std.size() == ddim ? dense_inv_std : Eigen::VectorXf::Ones(ddim);
  if (lr.dense_w.size() != ddim || lr.sparse_w.size() != sparse_dim()) return internal_error("sentence model: weight sizes do not match its configuration");
  out.write(reinterpret_cast<const char*>(lr.dense_w.data()), sizeof(float) * ddim);
  out.write(reinterpret_cast<const char*>(mean.data()), sizeof(float) * ddim);
  out.write(reinterpret_cast<const char*>(inv.data()), sizeof(float) * ddim);
  if (!out) return internal_error("write failed: " + path);
  return {};
}

}  // namespace framelens::terms
