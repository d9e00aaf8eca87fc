#include "analyzer/terms/sentence_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>

#include "analyzer/core/string_table.h"
#include "analyzer/ml/hashing.h"
#include "analyzer/terms/distinct_sum.h"

namespace framelens::terms {

// Literals as string_views: comparisons check the length before the bytes (no memcmp call).
using namespace std::string_view_literals;

namespace {

constexpr uint32_t kMagic = 0x4D53464C;  // "LFSM"
// v3 = v2 + the per-word contributions of prepare() (so loading does not recompute them).
// v4 = v3 + flag 16 (token-model summaries in the dense block); written only when that flag is set,
// so a model without it stays a version-3 file.
constexpr uint32_t kVersion = 4;
constexpr uint32_t kVersionWithoutTokenFeatures = 3;
constexpr uint32_t kOldestVersion = 2;

// Punctuation that carries tone; other punctuation is skipped by the n-gram features.
bool tone_punct(const Token& t) {
  return t.kind == TokenKind::Quote || t.lower == "!"sv || t.lower == "?"sv || t.lower == ":"sv;
}

const uint64_t kStartHash = hash_token("<s>");
const uint64_t kNumHash = hash_token("<num>");  // every number is one feature

// Calls f(index) for each character 2..5-gram of "<word>" (boundary marks included).
template <class F>
void for_each_char_gram(std::string_view lower, uint32_t mask, F f) {
  char buf[258];
  const size_t n = std::min<size_t>(lower.size(), 255) + 2;
  buf[0] = '<';
  std::copy_n(lower.data(), n - 2, buf + 1);
  buf[n - 1] = '>';
  for (size_t a = 0; a + 1 < n; ++a) {
    uint64_t h = 0x84222325CBF29CE4ull;  // differs from hash_token's basis: its own feature space
    for (size_t len = 1; len <= 5 && a + len <= n; ++len) {
      h ^= static_cast<unsigned char>(buf[a + len - 1]);
      h *= 1099511628211ull;
      if (len >= 2) f(static_cast<uint32_t>((h ^ (h >> 29)) & mask));
    }
  }
}

// Char-gram block: counts divided by sqrt(total grams in the sentence), appended to `out`.
void add_char_ngrams(const Document& doc, int32_t first, int32_t end, uint32_t mask, std::vector<SparseFeature>& out) {
  thread_local std::vector<uint32_t> grams;
  grams.clear();
  for (int32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind != TokenKind::Word) continue;
    for_each_char_gram(t.lower, mask, [&](uint32_t g) { grams.push_back(g); });
  }
  if (grams.empty()) return;
  std::sort(grams.begin(), grams.end());
  const float inv = 1.f / std::sqrt(static_cast<float>(grams.size()));
  for (size_t k = 0; k < grams.size();) {
    size_t j = k;
    while (j < grams.size() && grams[j] == grams[k]) ++j;
    out.push_back({grams[k], static_cast<float>(j - k) * inv});
    k = j;
  }
}

void term_features(const std::vector<TermEvidence>& evidence, int words, int quotes, int exclaim, float* d) {
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

}  // namespace

void SentenceModel::extract(const Document& doc, int32_t first,
                            int32_t end, const std::vector<TermEvidence>& evidence,
                            SentenceFeatures& out, const float* token_summary) const {
  out.sparse.clear();
  const uint32_t mask = sparse_dim() - 1;
  uint64_t prev = kStartHash;
  int words = 0, in_vocab = 0, quotes = 0, exclaim = 0;
  const int vdim = use_vectors ? vectors.dim() : 0;
  out.dense = Eigen::VectorXf::Zero(dense_dim());
  Eigen::VectorXf acc;
  if (vdim > 0) acc = Eigen::VectorXf::Zero(vdim);
  for (int32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    const bool word = t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    if (!word && !tone_punct(t)) continue;
    const uint64_t h = t.kind == TokenKind::Number ? kNumHash : doc.tokens[i].hash;
    out.sparse.push_back({static_cast<uint32_t>(h & mask), 1.f});
    if (use_bigrams) out.sparse.push_back({static_cast<uint32_t>(hash_pair(prev, h) & mask), 1.f});
    prev = h;
    if (t.kind == TokenKind::Quote) ++quotes;
    if (t.lower == "!"sv || t.lower == "?"sv) ++exclaim;
    if (t.kind == TokenKind::Word) {
      ++words;
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
  if (use_chars) add_char_ngrams(doc, first, end, mask, out.sparse);
  if (vdim > 0) {
    if (in_vocab > 0) acc /= static_cast<float>(in_vocab);
    out.dense.head(vdim) = acc;
  }
  if (use_term_features) term_features(evidence, words, quotes, exclaim, out.dense.data() + vdim);
  if (use_token_features) {
    const int at = vdim + (use_term_features ? kTermFeatureCount : 0);
    for (int k = 0; k < kTokenSummaryCount; ++k) out.dense[at + k] = token_summary ? token_summary[k] : 0.f;
  }
}

SentenceModel::WordInfo SentenceModel::char_info(std::string_view lower) const {
  WordInfo w;
  if (use_chars) {
    const uint32_t mask = sparse_dim() - 1;
    for_each_char_gram(lower, mask, [&](uint32_t g) {
      w.char_sum += lr.sparse_w[g];
      w.char_n += 1;
    });
  }
  return w;
}

SentenceModel::WordInfo SentenceModel::word_info(std::string_view lower, int32_t vec_row) const {
  WordInfo w = char_info(lower);
  if (use_vectors && vec_row >= 0) {
    w.has_vec = true;
    for (int j = 0; j < vectors.dim(); ++j) w.vec_dot += lr.dense_w[j] * dense_inv_std[j] * vectors.at(vec_row, j);
  }
  return w;
}

void SentenceModel::default_standardization() {
  if (dense_mean.size() != dense_dim()) {
    dense_mean = Eigen::VectorXf::Zero(dense_dim());
    dense_inv_std = Eigen::VectorXf::Ones(dense_dim());
  }
}

ModelBuffer<SentenceModel::WordInfo> SentenceModel::row_infos() const {
  // word_info() of every row with the same float operations in the same order (so the same bits),
  // arranged for speed: the vector dot products of four rows run interleaved (four independent
  // chains of additions instead of one after another).
  const int vdim = use_vectors ? vectors.dim() : 0;
  if (vdim == 0) return {};
  std::vector<float> vec_weight(static_cast<size_t>(vdim));
  for (int j = 0; j < vdim; ++j) vec_weight[j] = lr.dense_w[j] * dense_inv_std[j];
  const auto rows = static_cast<int32_t>(vectors.size());
  ModelBuffer<WordInfo> out(static_cast<size_t>(rows));
  constexpr int kLanes = 4;
  for (int32_t i = 0; i < rows; i += kLanes) {
    const int8_t* data[kLanes];
    float scale[kLanes], acc[kLanes] = {};
    for (int l = 0; l < kLanes; ++l) {
      const int32_t r = std::min(i + l, rows - 1);  // a short last group repeats its last row
      data[l] = vectors.row_data(r);
      scale[l] = vectors.scale(r);
    }
    for (int j = 0; j < vdim; ++j)
      for (int l = 0; l < kLanes; ++l) acc[l] += vec_weight[j] * (scale[l] * static_cast<float>(data[l][j]));
    for (int l = 0; l < kLanes && i + l < rows; ++l) {
      WordInfo& w = out[i + l];
      w = char_info(vectors.word(i + l));
      w.has_vec = true;
      w.vec_dot = acc[l];
    }
  }
  return out;
}

void SentenceModel::index_rows(const ModelBuffer<WordInfo>& rows) {
  static std::atomic<uint64_t> next_id{0};
  id_ = ++next_id;  // invalidates the OOV caches filled for the previous weights
  cache_.clear();
  vec_const_ = 0;
  const int vdim = use_vectors ? vectors.dim() : 0;
  for (int j = 0; j < vdim; ++j) vec_const_ += lr.dense_w[j] * dense_inv_std[j] * dense_mean[j];
  // Keyed by the vectors' own row index (token hash -> its first row, as the words hash), in one
  // table allocation, with the slots of a block of entries prefetched before they are filled.
  cache_.reserve(rows.size());
  constexpr size_t kBlock = 64;
  uint64_t hash[kBlock];
  int32_t row[kBlock];
  size_t n = 0;
  auto flush = [&] {
    for (size_t i = 0; i < n; ++i) cache_.prefetch(hash[i]);
    for (size_t i = 0; i < n; ++i) cache_.insert(hash[i], rows[row[i]]);
    n = 0;
  };
  vectors.for_each_row([&](uint64_t h, int32_t r) {
    if (static_cast<size_t>(r) >= rows.size()) return;
    hash[n] = h;
    row[n] = r;
    if (++n == kBlock) flush();
  });
  flush();
}

void SentenceModel::prepare() {
  default_standardization();
  index_rows(row_infos());
}

SentenceModel::WordInfo SentenceModel::oov_info(const Token& t) const {
  // Names and rare words recur across articles, and each costs about four weight reads per
  // character to compute, so a thread keeps the ones it has seen (for this model's weights only).
  struct OovCache {
    uint64_t model = 0;
    StringTable<WordInfo> infos;
  };
  constexpr size_t kMaxEntries = 1 << 16;  // bounds memory on endless streams of new words
  thread_local OovCache cache;
  if (cache.model != id_ || cache.infos.size() >= kMaxEntries) {
    cache.model = id_;
    cache.infos = {};
  }
  if (const WordInfo* w = cache.infos.find(t.hash, t.lower)) return *w;
  return cache.infos[t.lower] = word_info(t.lower, -1);
}

double SentenceModel::margin_fast(const Document& doc, int32_t first,
                                  int32_t end, const std::vector<TermEvidence>& evidence,
                                  const float* token_summary) const {
  // Two passes so the random reads (weights, vocabulary slots) of a sentence are issued together
  // and their cache misses overlap instead of stalling one token at a time.
  thread_local std::vector<uint32_t> idx;
  thread_local std::vector<int32_t> word_tokens;
  idx.clear();
  word_tokens.clear();
  const uint32_t mask = sparse_dim() - 1;
  const float* sw = lr.sparse_w.data();
  uint64_t prev = kStartHash;
  int quotes = 0, exclaim = 0, in_vocab = 0;
  // 1. Feature ids and the sentence's words; prefetch their weights and index slots.
  for (int32_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    const bool word = t.kind == TokenKind::Word || t.kind == TokenKind::Number;
    if (!word && !tone_punct(t)) continue;
    const uint64_t h = t.kind == TokenKind::Number ? kNumHash : doc.tokens[i].hash;
    idx.push_back(static_cast<uint32_t>(h & mask));
    __builtin_prefetch(sw + idx.back());
    if (use_bigrams) {
      idx.push_back(static_cast<uint32_t>(hash_pair(prev, h) & mask));
      __builtin_prefetch(sw + idx.back());
    }
    prev = h;
    if (t.kind == TokenKind::Quote) ++quotes;
    if (t.lower == "!"sv || t.lower == "?"sv) ++exclaim;
    if (t.kind != TokenKind::Word) continue;
    word_tokens.push_back(i);
    cache_.prefetch(h);
  }
  const int words = static_cast<int>(word_tokens.size());
  double z = lr.bias;
  if (!idx.empty()) {
    thread_local DistinctSum distinct_sum;  // = sort, unique, sum; sorts only when it matters
    size_t uniq = 0;
    const double s = distinct_sum(sw, idx, uniq);
    z += s / std::sqrt(static_cast<double>(uniq));
  }
  // 2. The words' contributions (their slots were prefetched in pass 1), summed in token order.
  double char_sum = 0, char_n = 0, vec_sum = 0;
  for (int k = 0; k < words; ++k) {
    const WordInfo* known = cache_.find(doc.tokens[word_tokens[k]].hash);
    const WordInfo w = known ? *known : oov_info(doc.tokens[word_tokens[k]]);
    char_sum += w.char_sum;
    char_n += w.char_n;
    if (w.has_vec) {
      vec_sum += w.vec_dot;
      ++in_vocab;
    }
  }
  if (use_chars && char_n > 0) z += char_sum / std::sqrt(char_n);
  const int vdim = use_vectors ? vectors.dim() : 0;
  if (vdim > 0) z += (in_vocab > 0 ? vec_sum / in_vocab : 0.0) - vec_const_;
  if (use_term_features) {
    float d[kTermFeatureCount];
    term_features(evidence, words, quotes, exclaim, d);
    for (int k = 0; k < kTermFeatureCount; ++k)
      z += lr.dense_w[vdim + k] * (d[k] - dense_mean[vdim + k]) * dense_inv_std[vdim + k];
  }
  if (use_token_features) {
    const int at = vdim + (use_term_features ? kTermFeatureCount : 0);
    for (int k = 0; k < kTokenSummaryCount; ++k) {
      const float x = token_summary ? token_summary[k] : 0.f;
      z += lr.dense_w[at + k] * (x - dense_mean[at + k]) * dense_inv_std[at + k];
    }
  }
  return z;
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
  if (!in || magic != kMagic || version < kOldestVersion || version > kVersion)
    return model_error(path + ": not a framelens sentence model (bad magic/version)");
  in.read(reinterpret_cast<char*>(&bits), 4);
  in.read(reinterpret_cast<char*>(&flags), 4);
  in.read(reinterpret_cast<char*>(&m.threshold), 4);
  in.read(reinterpret_cast<char*>(&m.lr.bias), 4);
  if (!in || bits < 10 || bits > 24) return model_error(path + ": corrupt header");
  m.hash_bits = bits;
  m.use_bigrams = flags & 1;
  m.use_vectors = flags & 2;
  m.use_term_features = flags & 4;
  m.use_chars = flags & 8;
  m.use_token_features = flags & 16;
  if (m.use_token_features && version < 4) return model_error(path + ": token features in a version-" + std::to_string(version) + " file");
  m.lr.sparse_w.resize(m.sparse_dim());  // not zero-filled: read right away
  in.read(reinterpret_cast<char*>(m.lr.sparse_w.data()), sizeof(float) * m.sparse_dim());
  if (m.use_vectors && !m.vectors.read(in)) return model_error(path + ": corrupt word vectors");
  in.read(reinterpret_cast<char*>(&ddim), 4);
  if (!in || ddim != m.dense_dim()) return model_error(path + ": dense block size mismatch");
  if (!read_standardized_dense(in, ddim, m.lr.dense_w, m.dense_mean, m.dense_inv_std))
    return model_error(path + ": truncated");
  if (!all_finite(m.lr.sparse_w)) return model_error(path + ": non-finite weight");
  // v3: prepare()'s per-word contributions, stored by save() (none: prepare() computes them).
  int32_t rows = 0;
  if (version >= 3 && !in.read(reinterpret_cast<char*>(&rows), 4)) return model_error(path + ": truncated");
  if (rows != 0) {
    if (!m.use_vectors || rows != static_cast<int32_t>(m.vectors.size()))
      return model_error(path + ": stored word contributions do not match the vocabulary");
    // Three floats per row, read a block at a time.
    ModelBuffer<WordInfo> infos(static_cast<size_t>(rows));
    constexpr size_t kBlock = 1024;
    float raw[3 * kBlock];
    for (size_t done = 0; done < infos.size();) {
      const size_t take = std::min(kBlock, infos.size() - done);
      if (!in.read(reinterpret_cast<char*>(raw), static_cast<std::streamsize>(sizeof(float) * 3 * take)))
        return model_error(path + ": truncated");
      for (size_t i = 0; i < take; ++i) {
        infos[done + i] = {raw[3 * i], raw[3 * i + 1], raw[3 * i + 2], true};
        if (!std::isfinite(raw[3 * i]) || !std::isfinite(raw[3 * i + 2]))
          return model_error(path + ": non-finite word contribution");
      }
      done += take;
    }
    m.index_rows(infos);
  }
  return m;
}

Status SentenceModel::save(const std::string& path) const {
  if (lr.sparse_w.size() != sparse_dim()) return internal_error("sentence model: sparse weights do not match hash_bits");
  std::ofstream out(path, std::ios::binary);
  if (!out) return internal_error("cannot write " + path);
  const int32_t bits = hash_bits;
  const int32_t flags = (use_bigrams ? 1 : 0) | (use_vectors ? 2 : 0) | (use_term_features ? 4 : 0) |
                        (use_chars ? 8 : 0) | (use_token_features ? 16 : 0);
  const int32_t ddim = dense_dim();
  const uint32_t version = use_token_features ? kVersion : kVersionWithoutTokenFeatures;
  out.write(reinterpret_cast<const char*>(&kMagic), 4);
  out.write(reinterpret_cast<const char*>(&version), 4);
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
  write_standardized_dense(out, lr.dense_w, mean, inv);
  // The per-word contributions, as prepare() computes them from the weights just written (only
  // with a fitted standardisation; otherwise none, and prepare() computes them after loading).
  ModelBuffer<WordInfo> infos;
  if (use_vectors && dense_mean.size() == ddim && dense_inv_std.size() == ddim) infos = row_infos();
  const auto rows = static_cast<int32_t>(infos.size());
  out.write(reinterpret_cast<const char*>(&rows), 4);
  for (const WordInfo& w : infos) {
    const float v[3] = {w.char_sum, w.char_n, w.vec_dot};
    out.write(reinterpret_cast<const char*>(v), sizeof v);
  }
  if (!out) return internal_error("write failed: " + path);
  return {};
}

Status upgrade_sentence_model(const std::string& path) {
  auto m = SentenceModel::load(path);
  if (!m) return m.error();
  if (!m->prepared()) m->prepare();
  return m->save(path);
}

}  // namespace framelens::terms
