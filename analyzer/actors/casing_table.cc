#include "analyzer/actors/casing_table.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace framelens {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'C', 'A', 'S', 'I', 'N', 'G'};
constexpr uint32_t kVersion = 1;
constexpr uint64_t kMaxWords = uint64_t{1} << 24;

bool has_letter(const Token& t) {
  for (unsigned char c : t.lower)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}

}  // namespace

bool capitalised_by_position(const Document& doc, int32_t i, int32_t first) {
  if (i <= first) return true;
  const Token& t = doc.tokens[i];
  const Token& p = doc.tokens[i - 1];
  if (t.breaks_before > 0) return true;
  if (p.kind == TokenKind::Quote || p.kind == TokenKind::Dash) return true;
  return p.kind == TokenKind::Punct && p.lower != "," && p.lower != ";";
}

bool CasingTable::mostly_lower(const Token& t) const {
  return std::binary_search(hashes_.begin(), hashes_.end(), t.hash);
}

Status CasingTable::save(const std::string& path) const {
  std::ofstream out(path, std::ios::binary);
  if (!out) return input_error(path + ": cannot write");
  const uint64_t n = hashes_.size();
  out.write(kMagic, sizeof kMagic);
  out.write(reinterpret_cast<const char*>(&kVersion), 4);
  out.write(reinterpret_cast<const char*>(&opt_.min_count), 8);
  out.write(reinterpret_cast<const char*>(&opt_.min_lower_share), 8);
  out.write(reinterpret_cast<const char*>(&n), 8);
  out.write(reinterpret_cast<const char*>(hashes_.data()), std::streamsize(8 * n));
  if (!out) return input_error(path + ": write failed");
  return {};
}

Result<CasingTable> CasingTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error(path + ": cannot open");
  char magic[8];
  uint32_t version = 0;
  uint64_t n = 0;
  CasingTable t;
  in.read(magic, sizeof magic);
  if (!in || std::memcmp(magic, kMagic, sizeof magic) != 0) return model_error(path + ": not a casing table (bad magic)");
  in.read(reinterpret_cast<char*>(&version), 4);
  in.read(reinterpret_cast<char*>(&t.opt_.min_count), 8);
  in.read(reinterpret_cast<char*>(&t.opt_.min_lower_share), 8);
  in.read(reinterpret_cast<char*>(&n), 8);
  if (!in || version != kVersion || n > kMaxWords) return model_error(path + ": corrupt casing table header");
  t.hashes_.resize(n);
  in.read(reinterpret_cast<char*>(t.hashes_.data()), std::streamsize(8 * n));
  if (!in) return model_error(path + ": truncated casing table");
  if (!std::is_sorted(t.hashes_.begin(), t.hashes_.end())) return model_error(path + ": corrupt casing table (unsorted)");
  return t;
}

void CasingCounter::add(const Document& doc) {
  for (const Sentence& s : doc.sentences) {
    for (int32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = doc.tokens[i];
      // All-caps words (headlines, acronyms) and sentence-initial capitals carry no casing evidence.
      if (t.kind != TokenKind::Word || t.all_caps || !has_letter(t)) continue;
      if (capitalised_by_position(doc, i, s.first_token)) continue;
      Uses& u = counts_[t.hash];
      if (t.capitalized) ++u.capitalised;
      else ++u.lower;
    }
  }
}

CasingTable CasingCounter::finish(const CasingOptions& opt) const {
  CasingTable t;
  t.opt_ = opt;
  for (const auto& [hash, u] : counts_) {
    const int64_t total = u.lower + u.capitalised;
    if (total >= opt.min_count && static_cast<double>(u.lower) >= opt.min_lower_share * static_cast<double>(total))
      t.hashes_.push_back(hash);
  }
  std::sort(t.hashes_.begin(), t.hashes_.end());
  return t;
}

}  // namespace framelens
