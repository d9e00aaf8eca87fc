#include "analyzer/terms/token_model.h"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "analyzer/terms/hashing.h"

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

// Whether two of the 10 ids are equal (the absent-feature markers differ from each other and from
// every id): the 45 pairs as 18 four-lane compares of the ids and their lane rotations.
bool any_equal_pair(const uint32_t (&ids)[10]) {
  using V = uint32_t __attribute__((vector_size(16)));
  const V a = {ids[0], ids[1], ids[2], ids[3]};
  const V b = {ids[4], ids[5], ids[6], ids[7]};
  const V c = {ids[8], ids[9], 0xFFFFFFFEu, 0xFFFFFFFFu};
  auto rot1 = [](V v) { return __builtin_shuffle(v, V{1, 2, 3, 0}); };
  auto rot2 = [](V v) { return __builtin_shuffle(v, V{2, 3, 0, 1}); };
  auto rot3 = [](V v) { return __builtin_shuffle(v, V{3, 0, 1, 2}); };
  // Within a vector: rotations by 1 and 2 meet all 6 lane pairs; across two: all 4 rotations.
  V eq = (a == rot1(a)) | (a == rot2(a)) | (b == rot1(b)) | (b == rot2(b)) | (c == rot1(c)) | (c == rot2(c));
  const V b1 = rot1(b), b2 = rot2(b), b3 = rot3(b), c1 = rot1(c), c2 = rot2(c), c3 = rot3(c);
  eq |= (a == b) | (a == b1) | (a == b2) | (a == b3);
  eq |= (a == c) | (a == c1) | (a == c2) | (a == c3);
  eq |= (b == c) | (b == c1) | (b == c2) | (b == c3);
  return (eq[0] | eq[1] | eq[2] | eq[3]) != 0;
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

void TokenModel::compute_cell(uint64_t hash, std::string_view lower, bool word, TokenCell& out) const {
  const uint32_t mask = sparse_dim() - 1;
  const float* sw = lr.sparse_w.data();
  auto weight = [&](uint64_t salt, uint64_t h) { return sw[hash_pair(salt, h) & mask]; };
  out = TokenCell{};
  out.w[kAsLeft1] = weight(kSaltLeft1, hash);
  out.w[kAsRight1] = weight(kSaltRight1, hash);
  out.w[kAsLeft2] = weight(kSaltLeft2, hash);
  out.w[kAsRight2] = weight(kSaltRight2, hash);
  if (!word) return;  // only ever a neighbour: its own features are not read
  out.w[kSelfWord] = weight(kSaltWord, hash);
  if (lower.size() >= 5) {
    out.suffix_id = static_cast<uint32_t>(hash_pair(kSaltSuffix, hash_token(lower.substr(lower.size() - 3))) & mask);
    out.w[kSelfSuffix] = sw[out.suffix_id];
  }
}

void TokenModel::prepare(const WordVectors& vectors) {
  const int vdim = vectors.dim();
  const int dd = dense_dim(vectors);
  if (lr.dense_w.size() != dd || lr.sparse_w.size() != sparse_dim()) return;
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
  cells_.clear();
  if (vdim > 0) {
    cells_.reserve(vectors.size());
    vectors.for_each_row([&](uint64_t h, int32_t r) {  // each hash with its first row, as row() finds it
      // The suffix feature needs the word's text: the row's when it is the token's (always, for
      // vectors built by add()), else the token's own at each lookup.
      const std::string_view word = vectors.word(r);
      TokenCell cell;
      compute_cell(h, word, true, cell);
      if (hash_token(word) != h) cell.suffix_id = kSuffixOfToken;
      const int8_t* v = vectors.row_data(r);
      float acc = 0;
      for (int j = 0; j < vdim; ++j) acc += w[j] * static_cast<float>(v[j]);
      cell.vec_dot = acc * vectors.scale(r);
      cells_.insert(h, cell);
    });
  }
  compute_cell(kBegin, {}, false, begin_cell_);
  compute_cell(kEnd, {}, false, end_cell_);
  capital_id_ = static_cast<uint32_t>(hash_pair(kSaltCapital, 1) & (sparse_dim() - 1));
  prepared_ = true;
}

void TokenModel::sentence_features_fast(const Document& doc, int32_t first, int32_t end,
                                        const std::vector<TokenTermInfo>& infos, const WordVectors& /*vectors*/,
                                        float* out) const {
  struct Pending {
    int32_t token;
    uint32_t bigram_left, bigram_right, category;  // feature ids
  };
  thread_local std::vector<Pending> pending;
  pending.clear();
  out[0] = out[1] = out[2] = 0.f;
  if (end <= first) return;
  const float* sw = lr.sparse_w.data();
  const uint32_t mask = sparse_dim() - 1;
  const auto& tokens = doc.tokens;
  // 1. For each word: prefetch its cell; its word-pair and category ids, and prefetch their weights.
  for (int32_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::Word) continue;
    const uint64_t h = tokens[i].hash;
    cells_.prefetch(h);
    const uint64_t left = i > first ? tokens[i - 1].hash : kBegin;
    const uint64_t right = i + 1 < end ? tokens[i + 1].hash : kEnd;
    Pending p{i, static_cast<uint32_t>(hash_pair(kSaltBigramLeft, hash_pair(left, h)) & mask),
              static_cast<uint32_t>(hash_pair(kSaltBigramRight, hash_pair(h, right)) & mask),
              static_cast<uint32_t>(hash_pair(kSaltCategory, static_cast<uint64_t>(infos[i - first].category + 1)) & mask)};
    __builtin_prefetch(sw + p.bigram_left);
    __builtin_prefetch(sw + p.bigram_right);
    pending.push_back(p);
  }
  if (pending.empty()) return;
  // 2. Each token's cell, looked up once (a pointer into the table; tokens absent from it get one
  // computed into `own`, sized first so the pointers stay valid). The table holds words only (what
  // has a vector), so other tokens, which are only ever neighbours, skip the lookup.
  const auto n = static_cast<size_t>(end - first);
  struct Slot {
    const TokenCell* cell;
    uint64_t hash;
    bool has_vec;
  };
  thread_local std::vector<Slot> slots;  // positions first-2 .. end+1 (index i - first + 2)
  thread_local std::vector<TokenCell> own;
  slots.resize(n + 4);
  own.resize(n);
  slots[0] = slots[1] = {&begin_cell_, kBegin, false};
  slots[n + 2] = slots[n + 3] = {&end_cell_, kEnd, false};
  for (int32_t i = first; i < end; ++i) {
    const Token& t = tokens[i];
    const bool word = t.kind == TokenKind::Word;
    const TokenCell* found = word ? cells_.find(t.hash) : nullptr;
    Slot& slot = slots[i - first + 2];
    slot = {found, t.hash, found != nullptr};
    if (found && found->suffix_id != kSuffixOfToken) continue;
    TokenCell& c = own[i - first];
    compute_cell(t.hash, t.lower, word, c);
    if (found) {  // the table's cell with this token's own suffix
      const TokenCell suffix = c;
      c = *found;
      c.suffix_id = suffix.suffix_id;
      c.w[kSelfSuffix] = suffix.w[kSelfSuffix];
    }
    slot.cell = &c;
  }
  // 3. Margins: the feature ids in extract()'s order (absent suffix / capital features as ids no
  // mask can give, with weight 0), summed in that order. When two of them are equal (a hash
  // collision) each distinct id counts once, as extract() merges them. Keep the top two and the
  // count of margins >= 0 (p >= 0.5).
  static const double kSqrt[11] = {0, 1, std::sqrt(2.), std::sqrt(3.), 2, std::sqrt(5.), std::sqrt(6.),
                                   std::sqrt(7.), std::sqrt(8.), 3, std::sqrt(10.)};
  auto id = [mask](uint64_t salt, uint64_t h) { return static_cast<uint32_t>(hash_pair(salt, h) & mask); };
  double z1 = 0, z2 = 0;
  int above = 0;
  for (size_t k = 0; k < pending.size(); ++k) {
    const Pending& p = pending[k];
    const size_t at = static_cast<size_t>(p.token - first) + 2;
    const Slot& me = slots[at];
    const TokenCell& self = *me.cell;
    const bool suffix = self.suffix_id != kNoSuffix;
    const bool capital = tokens[p.token].capitalized && p.token > first;
    const uint32_t ids[10] = {id(kSaltWord, me.hash),
                              id(kSaltLeft1, slots[at - 1].hash),
                              id(kSaltRight1, slots[at + 1].hash),
                              id(kSaltLeft2, slots[at - 2].hash),
                              id(kSaltRight2, slots[at + 2].hash),
                              p.bigram_left,
                              p.bigram_right,
                              p.category,
                              self.suffix_id,
                              capital ? capital_id_ : kNoSuffix + 2};
    const float ws[10] = {self.w[kSelfWord],
                          slots[at - 1].cell->w[kAsLeft1],
                          slots[at + 1].cell->w[kAsRight1],
                          slots[at - 2].cell->w[kAsLeft2],
                          slots[at + 2].cell->w[kAsRight2],
                          sw[p.bigram_left],
                          sw[p.bigram_right],
                          sw[p.category],
                          self.w[kSelfSuffix],  // 0 when absent
                          capital ? sw[capital_id_] : 0.f};
    const bool repeats = any_equal_pair(ids);
    double s = 0;
    int distinct = 8 + suffix + capital;
    if (!repeats) {
      // A tree, not a chain: the chain of ten dependent adds was most of a word's time. The
      // float weights sum exactly in double unless their magnitudes span more than ~2^25, so
      // the order gives the same value as extract()'s in practice (the tests allow 1e-5).
      const double d[10] = {ws[0], ws[1], ws[2], ws[3], ws[4], ws[5], ws[6], ws[7], ws[8], ws[9]};
      s = (((d[0] + d[1]) + (d[2] + d[3])) + ((d[4] + d[5]) + (d[6] + d[7]))) + (d[8] + d[9]);
    } else {
      distinct = 0;
        for (int q = 0; q < 10; ++q) {
        if (ids[q] >= kNoSuffix) continue;
        bool seen = false;
        for (int r = 0; r < q; ++r) seen |= ids[r] == ids[q];
        if (seen) continue;
        s += ws[q];
        ++distinct;
      }
    }
    const TokenTermInfo& info = infos[p.token - first];
    double z = lr.bias + s / kSqrt[distinct] + dense_const_;
    if (me.has_vec) z += self.vec_dot + w_has_vec_;
    z += w_score_ * info.score + (info.category >= 0 ? w_matched_ : 0.f);
    above += z >= 0;
    if (k == 0 || z > z1) {
      z2 = z1;
      z1 = z;
    } else if (k == 1 || z > z2) {
      z2 = z;
    }
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
  out.write(reinterpret_cast<const char*>(lr.dense_w.data()), sizeof(float) * ddim);
  out.write(reinterpret_cast<const char*>(dense_mean.data()), sizeof(float) * ddim);
  out.write(reinterpret_cast<const char*>(dense_inv_std.data()), sizeof(float) * ddim);
  if (!out) return internal_error("write failed: " + path);
  return {};
}

}  // namespace framelens::terms
