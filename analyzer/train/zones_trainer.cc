#include "analyzer/train/zones_trainer.h"

#include <algorithm>

namespace framelens {

void ZonesTrainer::add(const Document& doc) {
  if (doc.meta.outlet.empty()) return;
  ++articles_;
  auto [it, fresh] = outlets_.try_emplace(doc.meta.outlet, static_cast<int32_t>(outlets_.size()));
  const uint64_t outlet = static_cast<uint64_t>(it->second) + 1;
  std::vector<std::pair<uint64_t, bool>> seen;
  for (const TextLine& l : text_lines(doc)) {
    if (!l.hash || l.words > opt_.max_words) continue;
    const Token& last = doc.tokens[l.end_token - 1];
    const bool sentence = l.words >= 12 && last.kind == TokenKind::Punct;
    seen.emplace_back(l.hash, sentence);
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end(), [](auto& a, auto& b) { return a.first == b.first; }), seen.end());
  for (const auto& [h, sentence] : seen) {
    const uint64_t key = (h * 0x9E3779B97F4A7C15ull) ^ (outlet * 0xC2B2AE3D27D4EB4Full);
    Count& c = counts_[key];
    ++c.docs;
    c.sentence = sentence;
    line_of_[key] = h;
  }
}

ZoneTable ZonesTrainer::finish() const {
  std::vector<uint64_t> lines;
  for (const auto& [key, c] : counts_) {
    if (c.docs >= (c.sentence ? opt_.min_docs_sentence : opt_.min_docs)) lines.push_back(line_of_.at(key));
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return ZoneTable(std::move(lines));
}

}  // namespace framelens
