#include "analyzer/stance/stance_lexicon.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <istream>
#include <map>
#include <ostream>
#include <span>
#include <sstream>

#include "analyzer/ml/mpqa_lexicon.h"
#include "analyzer/ml/text_features.h"

namespace framelens {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'P', 'O', 'L', 'L', 'E', 'X'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxEntries = 1u << 20;

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

Status read_word_list(const std::string& path, int vote, PolarityLexicon& lex) {
  std::ifstream in(path);
  if (!in) return input_error("cannot read lexicon " + path);
  std::string line;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == ';') continue;
    lex.add(line, vote, false);
  }
  return {};
}

Status read_mpqa(const std::string& path, PolarityLexicon& lex) {
  return for_each_mpqa_clue(path, [&](const MpqaClue& c) {
    const std::string& word = c.word;
    int vote = c.polarity == "positive" ? 1 : c.polarity == "negative" ? -1 : 0;
    if (word.empty() || vote == 0) return;
    const bool strong = c.type == "strongsubj";
    lex.add(word, vote, strong);
    if (c.stemmed == "y") {
      // A stemmed clue matches its inflections; add the regular ones so lookup stays exact.
      for (const char* suf : {"s", "es", "ed", "d", "ing", "er", "ers"}) lex.add(word + suf, vote, strong);
      if (!word.empty() && word.back() == 'e') {
        std::string stem = word.substr(0, word.size() - 1);
        lex.add(stem + "ing", vote, strong);
      }
    }
  });
}

}  // namespace

void PolarityLexicon::add(std::string_view word, int vote, bool strong) {
  votes_.push_back({feature_hash(word), {vote, strong ? 1 : 0}});
}

Result<PolarityLexicon> PolarityLexicon::from_lexicon_dir(const std::string& dir) {
  PolarityLexicon lex;
  if (Status s = read_word_list(dir + "/bing_liu_opinion/positive-words.txt", 1, lex); !s) return s.error();
  if (Status s = read_word_list(dir + "/bing_liu_opinion/negative-words.txt", -1, lex); !s) return s.error();
  if (Status s = read_mpqa(dir + "/mpqa_subjectivity/subjclueslen1-HLTEMNLP05.tff", lex); !s) return s.error();
  lex.finish();
  return lex;
}

void PolarityLexicon::finish() {
  std::map<uint64_t, std::pair<int, int>> acc;
  std::map<uint64_t, int> sources;
  for (const auto& [h, v] : votes_) {
    auto& a = acc[h];
    a.first += v.first;
    a.second += v.second;
    ++sources[h];
  }
  std::vector<Entry> entries;
  for (const auto& [h, v] : acc) {
    if (v.first == 0) continue;  // conflicting votes cancel
    Entry e;
    e.hash = h == 0 ? 1 : h;
    e.polarity = v.first > 0 ? 1 : -1;
    e.strong = (v.second > 0 || std::abs(v.first) >= 2) ? 1 : 0;
    entries.push_back(e);
  }
  votes_.clear();
  rebuild(entries);
}

namespace {
uint64_t slot_key(uint64_t hash) {
  const uint64_t k = hash & ~uint64_t(0xFF);
  return k == 0 ? 0x100 : k;
}
}  // namespace

void PolarityLexicon::rebuild(const Entry* entries, size_t n) {
  size_t cap = 16;
  while (cap < n * 2) cap <<= 1;
  table_.assign(cap, 0);
  count_ = 0;
  for (const Entry& e : std::span(entries, n)) {
    const uint64_t key = slot_key(e.hash);
    const uint64_t payload = uint64_t(e.polarity + 2) | (uint64_t(e.strong ? 1 : 0) << 2);
    size_t i = (key >> 8) & (cap - 1);
    while (table_[i] != 0 && (table_[i] & ~uint64_t(0xFF)) != key) i = (i + 1) & (cap - 1);
    if (table_[i] == 0) ++count_;
    table_[i] = key | payload;
  }
}

std::vector<PolarityLexicon::Entry> PolarityLexicon::entries() const {
  std::vector<Entry> out;
  for (uint64_t v : table_) {
    if (v == 0) continue;
    Entry e;
    e.hash = v & ~uint64_t(0xFF);
    e.polarity = static_cast<int8_t>(int(v & 3) - 2);
    e.strong = static_cast<uint8_t>((v >> 2) & 1);
    out.push_back(e);
  }
  return out;
}

void PolarityLexicon::prefetch(uint64_t word_hash) const {
  if (!table_.empty()) __builtin_prefetch(&table_[(slot_key(word_hash) >> 8) & (table_.size() - 1)]);
}

WordPolarity PolarityLexicon::lookup(uint64_t word_hash) const {
  if (table_.empty()) return {};
  const uint64_t key = slot_key(word_hash);
  const size_t mask = table_.size() - 1;
  for (size_t i = (key >> 8) & mask;; i = (i + 1) & mask) {
    const uint64_t v = table_[i];
    if (v == 0) return {};
    if ((v & ~uint64_t(0xFF)) == key) return {static_cast<int8_t>(int(v & 3) - 2), ((v >> 2) & 1) != 0};
  }
}

Status PolarityLexicon::write(std::ostream& os) const {
  os.write(kMagic, sizeof kMagic);
  os.write(reinterpret_cast<const char*>(&kVersion), 4);
  const uint32_t n = static_cast<uint32_t>(count_);
  os.write(reinterpret_cast<const char*>(&n), 4);
  for (const Entry& e : entries()) {
    os.write(reinterpret_cast<const char*>(&e.hash), 8);
    os.write(reinterpret_cast<const char*>(&e.polarity), 1);
    os.write(reinterpret_cast<const char*>(&e.strong), 1);
  }
  if (!os) return internal_error("polarity lexicon: write failed");
  return {};
}

Result<PolarityLexicon> PolarityLexicon::read(std::istream& is, const std::string& where) {
  char magic[8];
  uint32_t version = 0, n = 0;
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, kMagic, sizeof magic) != 0)
    return model_error(where + ": not a framelens polarity table (bad magic)");
  is.read(reinterpret_cast<char*>(&version), 4);
  is.read(reinterpret_cast<char*>(&n), 4);
  if (!is) return model_error(where + ": truncated polarity table header");
  if (version != kVersion) return model_error(where + ": unsupported polarity table version");
  if (n > kMaxEntries) return model_error(where + ": implausible polarity table size");
  // Records of 10 bytes (hash, polarity, strong), read a block at a time and unpacked (one
  // istream::read per field cost more than building the table).
  constexpr size_t kRecord = 10, kBlock = 1024;
  char bytes[kRecord * kBlock];
  ModelBuffer<Entry> entries(n);
  for (size_t done = 0; done < n;) {
    const size_t take = std::min<size_t>(kBlock, n - done);
    is.read(bytes, static_cast<std::streamsize>(take * kRecord));
    if (!is) return model_error(where + ": truncated polarity table");
    for (size_t i = 0; i < take; ++i) {
      Entry& e = entries[done + i];
      const char* r = bytes + i * kRecord;
      std::memcpy(&e.hash, r, 8);
      std::memcpy(&e.polarity, r + 8, 1);
      std::memcpy(&e.strong, r + 9, 1);
      if (e.polarity < -1 || e.polarity > 1) return model_error(where + ": corrupt polarity table");
    }
    done += take;
  }
  PolarityLexicon lex;
  lex.rebuild(entries.data(), entries.size());
  return lex;
}

}  // namespace framelens
