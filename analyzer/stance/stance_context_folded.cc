#include "analyzer/stance/stance_context_folded.h"

#include <algorithm>

#include "analyzer/ml/hashing.h"

namespace framelens {

FoldedContextScorer::FoldedContextScorer(const ContextVectorFeaturizer& context, const LinearModel& linear,
                                         uint32_t offset) {
  if (!context.enabled() || context.options().norm == ContextNorm::L2 || linear.classes() != 3) return;
  if (static_cast<uint64_t>(offset) + context.dim() > linear.dim()) return;
  const terms::WordVectors& wv = *context.vectors();
  opt_ = context.options();
  const int dim = wv.dim();
  int slot = 0;
  if (opt_.blocks & kCtxSentence) slot_sentence_ = slot++;
  if (opt_.blocks & kCtxLeft) slot_left_ = slot++;
  if (opt_.blocks & kCtxRight) slot_right_ = slot++;
  blocks_ = slot;
  const int width = blocks_ * 3;
  // The dense weights rearranged component-major: for component k, the `width` weights
  // (block j, class c) at [k * width + j * 3 + c], so one row's projection is a run of
  // contiguous multiply-adds.
  std::vector<float> wk(size_t(dim) * width);
  for (int j = 0; j < blocks_; ++j)
    for (int k = 0; k < dim; ++k) {
      const float* w = linear.row(offset + static_cast<uint32_t>(j * dim + k));
      for (int c = 0; c < 3; ++c) wk[size_t(k) * width + j * 3 + c] = w[c];
    }
  table_.resize(wv.size() * size_t(width));
  // Summed in a local array (the compiler then keeps it in registers instead of storing to the
  // table after every multiply-add: this loop runs at every model load); same order, same bits.
  constexpr int kMaxWidth = 9;
  for (size_t r = 0; r < wv.size(); ++r) {
    const int8_t* v = wv.row_data(static_cast<int32_t>(r));
    float acc[kMaxWidth] = {};
    for (int k = 0; k < dim; ++k) {
      const float x = static_cast<float>(v[k]);
      const float* w = wk.data() + size_t(k) * width;
      for (int t = 0; t < width; ++t) acc[t] += x * w[t];
    }
    const float sc = context.row_factor(static_cast<int32_t>(r));
    float* out = table_.data() + r * width;
    for (int t = 0; t < width; ++t) out[t] = acc[t] * sc;
  }
  vectors_ = &wv;
}

void FoldedContextScorer::prepare(const Document& doc, int32_t sentence, FoldedContextScratch& s) const {
  if (s.reset_for(doc)) s.sent_z.resize(doc.sentences.size());
  if (!s.claim(sentence)) return;
  const Sentence& sent = doc.sentences[sentence];
  // Rows found with their folded scores prefetched, then accumulated.
  find_sentence_rows(*vectors_, doc, sent, s.row, [&](int32_t r) { __builtin_prefetch(scores(r, 0)); });
  float z0 = 0.0f, z1 = 0.0f, z2 = 0.0f, wsum = 0.0f, wsq = 0.0f;
  int32_t count = 0;
  for (int32_t i = sent.first_token; i < sent.end_token; ++i) {
    const int32_t r = s.row[i];
    if (r < 0) continue;
    const float w = sif_weight(r);
    ++count;
    wsum += w;
    wsq += w * w;
    if (slot_sentence_ >= 0) {
      const float* p = scores(r, slot_sentence_);
      z0 += w * p[0];
      z1 += w * p[1];
      z2 += w * p[2];
    }
  }
  s.sent_z[sentence] = {z0, z1, z2};
  s.sent_weight[sentence] = wsum;
  s.sent_weight_sq[sentence] = wsq;
  s.sent_count[sentence] = count;
}

void FoldedContextScorer::add_scores(const Document& doc, const MentionTokens& m, FoldedContextScratch& s,
                                     double* z) const {
  if (!enabled() || m.sentence < 0 || m.sentence >= static_cast<int32_t>(doc.sentences.size())) return;
  prepare(doc, m.sentence, s);
  const Sentence& sent = doc.sentences[m.sentence];
  // One block: its SIF-weighted class-score sums and weight sums (tokens added with sign +1/-1).
  struct Block {
    float z[3] = {0.0f, 0.0f, 0.0f};
    float wsum = 0.0f, wsq = 0.0f;
    int32_t count = 0;
  };
  auto add_tokens = [&](Block& b, int slot, int32_t from, int32_t to, float sign) {
    for (int32_t i = from; i < to; ++i) {
      const int32_t r = s.row[i];
      if (r < 0) continue;
      const float w = sif_weight(r);
      const float* p = scores(r, slot);
      for (int c = 0; c < 3; ++c) b.z[c] += sign * w * p[c];
      b.wsum += sign * w;
      b.wsq += sign * w * w;
      b.count += sign > 0.0f ? 1 : -1;
    }
  };
  auto finish = [&](const Block& b) {
    const float div = context_block_divisor(opt_.norm, b.count, b.wsum, b.wsq);
    if (!(div > 0.0f)) return;
    const float f = opt_.scale / div;
    for (int c = 0; c < 3; ++c) z[c] += double(b.z[c] * f);
  };
  if (slot_sentence_ >= 0) {
    // The cached sentence sums minus the mention's own tokens (the target is masked).
    Block b;
    const auto& sz = s.sent_z[m.sentence];
    for (int c = 0; c < 3; ++c) b.z[c] = sz[c];
    b.wsum = s.sent_weight[m.sentence];
    b.wsq = s.sent_weight_sq[m.sentence];
    b.count = s.sent_count[m.sentence];
    add_tokens(b, slot_sentence_, std::max(m.first, sent.first_token), std::min(m.end, sent.end_token), -1.0f);
    finish(b);
  }
  if (slot_left_ >= 0) {
    Block b;
    add_tokens(b, slot_left_, std::max(sent.first_token, m.first - opt_.window), m.first, 1.0f);
    finish(b);
  }
  if (slot_right_ >= 0) {
    Block b;
    add_tokens(b, slot_right_, m.end, std::min(sent.end_token, m.end + opt_.window), 1.0f);
    finish(b);
  }
}

}  // namespace framelens
