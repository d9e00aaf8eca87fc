#include "analyzer/stance/stance_context_vectors.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "analyzer/ml/hashing.h"

namespace framelens {

namespace {

struct BlockName {
  const char* name;
  uint32_t bit;
};
constexpr BlockName kBlocks[] = {{"sentence", kCtxSentence}, {"left", kCtxLeft}, {"right", kCtxRight}};

constexpr const char* kNormNames[kContextNormCount] = {"l2", "mean", "root", "unit-mean", "unit-root"};

constexpr int kMaxVectorDim = 1024;  // the word-vector file's limit

// acc += factor * row. `__restrict` because the compiler cannot otherwise rule out that acc
// aliases the table, and the loop (int8 -> float, multiply-add) then runs one element at a time.
inline void add_scaled_row(float* __restrict acc, const int8_t* __restrict row, float factor, int dim) {
  for (int k = 0; k < dim; ++k) acc[k] += factor * static_cast<float>(row[k]);
}

}  // namespace

bool parse_context_blocks(const std::string& s, uint32_t& mask) {
  mask = 0;
  if (s == "none" || s.empty()) return true;
  if (s == "all") {
    mask = kCtxAllBlocks;
    return true;
  }
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) {
    bool found = false;
    for (const auto& b : kBlocks)
      if (part == b.name) mask |= b.bit, found = true;
    if (!found) return false;
  }
  return true;
}

std::string context_blocks_name(uint32_t mask) {
  std::string out;
  for (const auto& b : kBlocks)
    if (mask & b.bit) {
      if (!out.empty()) out += ',';
      out += b.name;
    }
  return out.empty() ? "none" : out;
}

bool parse_context_norm(const std::string& s, ContextNorm& norm) {
  for (uint32_t k = 0; k < kContextNormCount; ++k)
    if (s == kNormNames[k]) {
      norm = static_cast<ContextNorm>(k);
      return true;
    }
  return false;
}

const char* context_norm_name(ContextNorm norm) {
  const auto k = static_cast<uint32_t>(norm);
  return k < kContextNormCount ? kNormNames[k] : "?";
}

float context_block_divisor(ContextNorm norm, int32_t count, float weight_sum, float weight_sq_sum) {
  // Counted, not compared with 0: the masked sentence's sums are differences of float sums.
  if (count <= 0) return 0.0f;
  switch (norm) {
    case ContextNorm::Mean:
    case ContextNorm::UnitMean: return weight_sum;
    case ContextNorm::Root:
    case ContextNorm::UnitRoot: return std::sqrt(std::max(weight_sq_sum, 0.0f));
    default: return 0.0f;
  }
}

ContextVectorFeaturizer::ContextVectorFeaturizer(ContextVectorOptions opt,
                                                 std::shared_ptr<const terms::WordVectors> vectors)
    : opt_(opt), vectors_(std::move(vectors)) {
  opt_.blocks &= kCtxAllBlocks;
  if (vectors_ && vectors_->dim() > kMaxVectorDim) vectors_.reset();  // never from a valid file
  opt_.window = std::clamp(opt_.window, 1, 50);
  if (vectors_ && context_norm_unit(opt_.norm)) {
    unit_.assign(vectors_->size(), 1.0f);
    for (size_t r = 0; r < vectors_->size(); ++r) {
      const int8_t* v = vectors_->row_data(static_cast<int32_t>(r));
      float sq = 0.0f;
      for (int k = 0; k < vectors_->dim(); ++k) sq += float(v[k]) * float(v[k]);
      const float len = vectors_->scale(static_cast<int32_t>(r)) * std::sqrt(sq);
      if (len > 0.0f) unit_[r] = 1.0f / len;
    }
  }
}

uint32_t ContextVectorFeaturizer::dim() const {
  if (!enabled()) return 0;
  uint32_t n = 0;
  for (const auto& b : kBlocks) n += (opt_.blocks & b.bit) ? 1 : 0;
  return n * static_cast<uint32_t>(vectors_->dim());
}

void ContextVectorFeaturizer::prepare(const Document& doc, int32_t sentence, ContextVectorScratch& s) const {
  const int dim = vectors_->dim();
  if (s.reset_for(doc)) s.sent_sum.resize(doc.sentences.size() * size_t(dim));
  if (!s.claim(sentence)) return;
  const Sentence& sent = doc.sentences[sentence];
  // Rows found with their data prefetched, then accumulated.
  find_sentence_rows(*vectors_, doc, sent, s.row, [&](int32_t r) { vectors_->prefetch_row(r); });
  // Accumulated in a local buffer: the compiler then knows it aliases no table data and vectorises.
  float local[kMaxVectorDim];
  std::fill(local, local + dim, 0.0f);
  float wsum = 0.0f, wsq = 0.0f;
  int32_t count = 0;
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    const int32_t r = s.row[i];
    if (r < 0) continue;
    const float w = sif_weight(r);
    add_scaled_row(local, vectors_->row_data(r), w * row_factor(r), dim);
    wsum += w;
    wsq += w * w;
    ++count;
  }
  std::copy(local, local + dim, s.sent_sum.data() + size_t(sentence) * dim);
  s.sent_weight[sentence] = wsum;
  s.sent_weight_sq[sentence] = wsq;
  s.sent_count[sentence] = count;
}

bool ContextVectorFeaturizer::compute(const Document& doc, const MentionTokens& m, ContextVectorScratch& s) const {
  if (!enabled() || m.sentence < 0 || m.sentence >= static_cast<int32_t>(doc.sentences.size())) return false;
  prepare(doc, m.sentence, s);
  const int dim = vectors_->dim();
  const Sentence& sent = doc.sentences[m.sentence];
  s.block.resize(3);
  size_t nb = 0;
  // Weight sums of the block being built (for the Mean / Root norms).
  float wsum = 0.0f, wsq = 0.0f;
  int32_t count = 0;
  auto add_row = [&](Eigen::VectorXf& acc, int32_t i, float sign) {
    const int32_t r = s.row[i];
    if (r < 0) return;
    const float w = sif_weight(r);
    add_scaled_row(acc.data(), vectors_->row_data(r), sign * w * row_factor(r), dim);
    wsum += sign * w;
    wsq += sign * w * w;
    count += sign > 0.0f ? 1 : -1;
  };
  auto finish = [&](Eigen::VectorXf& acc) {
    if (opt_.norm == ContextNorm::L2) {
      const float norm = acc.norm();
      if (norm > 1e-6f) acc *= opt_.scale / norm;
      else acc.setZero();
      return;
    }
    const float div = context_block_divisor(opt_.norm, count, wsum, wsq);
    if (div > 0.0f) acc *= opt_.scale / div;
    else acc.setZero();
  };
  if (opt_.blocks & kCtxSentence) {
    // The sentence sum minus the mention's own tokens (the target is masked).
    Eigen::VectorXf& acc = s.block[nb++];
    acc = Eigen::Map<const Eigen::VectorXf>(s.sent_sum.data() + size_t(m.sentence) * dim, dim);
    wsum = s.sent_weight[m.sentence], wsq = s.sent_weight_sq[m.sentence], count = s.sent_count[m.sentence];
    for (int32_t i = std::max(m.first, sent.first_token); i < std::min(m.end, sent.end_token); ++i) add_row(acc, i, -1.0f);
    finish(acc);
  }
  if (opt_.blocks & kCtxLeft) {
    Eigen::VectorXf& acc = s.block[nb++];
    acc.setZero(dim);
    wsum = wsq = 0.0f, count = 0;
    for (int32_t i = std::max(sent.first_token, m.first - opt_.window); i < m.first; ++i) add_row(acc, i, 1.0f);
    finish(acc);
  }
  if (opt_.blocks & kCtxRight) {
    Eigen::VectorXf& acc = s.block[nb++];
    acc.setZero(dim);
    wsum = wsq = 0.0f, count = 0;
    for (int32_t i = m.end; i < std::min(sent.end_token, m.end + opt_.window); ++i) add_row(acc, i, 1.0f);
    finish(acc);
  }
  s.block.resize(nb);
  return true;
}

void ContextVectorFeaturizer::append(const Document& doc, const MentionTokens& m, ContextVectorScratch& s,
                                     SparseVector& out, uint32_t offset) const {
  if (!compute(doc, m, s)) return;
  for (const Eigen::VectorXf& b : s.block) {
    for (int k = 0; k < b.size(); ++k)
      if (b[k] != 0.0f) out.push(offset + static_cast<uint32_t>(k), b[k]);
    offset += static_cast<uint32_t>(b.size());
  }
}

void ContextVectorFeaturizer::add_scores(const Document& doc, const MentionTokens& m, ContextVectorScratch& s,
                                         const LinearModel& linear, uint32_t offset, double* z) const {
  if (!compute(doc, m, s)) return;
  const int classes = linear.classes();
  if (classes != 3) {
    for (const Eigen::VectorXf& b : s.block) {
      if (offset + b.size() > linear.dim()) return;
      for (int k = 0; k < b.size(); ++k)
        for (int c = 0; c < classes; ++c) z[c] += double(linear.weight(offset + static_cast<uint32_t>(k), c)) * b[k];
      offset += static_cast<uint32_t>(b.size());
    }
    return;
  }
  // The stance model's case: three classes, weights feature-major (3 floats per feature), summed in
  // float over a block (well within float precision for ~100 terms) and added in double.
  for (const Eigen::VectorXf& b : s.block) {
    if (offset + b.size() > linear.dim()) return;
    const float* w = linear.row(offset);
    float z0 = 0.0f, z1 = 0.0f, z2 = 0.0f;
    const float* v = b.data();
    for (int k = 0; k < b.size(); ++k) {
      z0 += w[3 * k] * v[k];
      z1 += w[3 * k + 1] * v[k];
      z2 += w[3 * k + 2] * v[k];
    }
    z[0] += z0;
    z[1] += z1;
    z[2] += z2;
    offset += static_cast<uint32_t>(b.size());
  }
}

}  // namespace framelens
