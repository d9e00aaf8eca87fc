#include "analyzer/terms/term_table.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analyzer/ml/hashing.h"

namespace framelens::terms {

std::vector<std::string> split_phrase(const std::string& phrase) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : phrase) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

TermCategory category_from_name(std::string_view name, bool* ok) {
  if (ok) *ok = true;
  for (int i = 0; i < kNumCategories; ++i) {
    auto c = static_cast<TermCategory>(i);
    if (category_name(c) == name) return c;
  }
  if (ok) *ok = false;
  return TermCategory::Loaded;
}

void TermTable::add(const std::string& phrase, float score, TermCategory category, bool open) {
  auto parts = split_phrase(phrase);
  if (parts.empty() || static_cast<int>(parts.size()) > kMaxPhraseTokens) return;
  std::string joined;
  for (const auto& p : parts) {
    if (!joined.empty()) joined += ' ';
    joined += p;
  }
  auto it = by_phrase_.find(joined);
  if (it != by_phrase_.end()) {
    entries_[it->second].score = score;
    entries_[it->second].category = category;
    entries_[it->second].open = open;
    return;
  }
  TermEntry e;
  e.phrase = joined;
  for (const auto& p : parts) e.hashes.push_back(hash_token(p));
  e.score = score;
  e.category = category;
  e.open = open;
  const int32_t idx = static_cast<int32_t>(entries_.size());
  by_phrase_.emplace(joined, idx);
  if (by_first_.insert(e.hashes[0], static_cast<int32_t>(first_lists_.size()))) first_lists_.emplace_back();
  first_filter_.add(e.hashes[0]);
  auto& list = first_lists_[by_first_.find(e.hashes[0])];
  Continuation c;
  c.entry = idx;
  c.tokens = static_cast<int32_t>(e.hashes.size());
  std::copy(e.hashes.begin() + 1, e.hashes.end(), c.rest);
  entries_.push_back(std::move(e));
  // Longest first; among equally long entries, in the order added (what a stable sort gives).
  const auto at = std::upper_bound(list.begin(), list.end(), c,
                                   [](const Continuation& a, const Continuation& b) { return a.tokens > b.tokens; });
  list.insert(at, c);
}

int32_t TermTable::find(const std::string& phrase) const {
  auto it = by_phrase_.find(phrase);
  return it == by_phrase_.end() ? -1 : it->second;
}

Result<TermTable> TermTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error("cannot read " + path);
  // The whole file at once, then line by line (as getline splits it); the tables are sized for
  // one entry per line up front instead of growing entry by entry.
  std::string text;
  in.seekg(0, std::ios::end);
  const auto bytes = in.tellg();
  in.seekg(0);
  if (bytes < 0) return model_error("cannot read " + path);
  text.resize(static_cast<size_t>(bytes));
  if (!in.read(text.data(), bytes)) return model_error("cannot read " + path);
  const auto lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  TermTable t;
  t.entries_.reserve(lines);
  t.first_lists_.reserve(lines);
  t.by_phrase_.reserve(lines);
  t.by_first_.reserve(lines);
  std::string line;
  int lineno = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    line.assign(text, pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    if (line.rfind("#threshold\t", 0) == 0) {
      try {
        t.threshold = std::stof(line.substr(11));
      } catch (...) {
        return model_error(path + ":" + std::to_string(lineno) + ": bad threshold");
      }
      continue;
    }
    if (line.rfind("#seed_min\t", 0) == 0) {
      try {
        t.seed_min = std::stof(line.substr(10));
      } catch (...) {
        return model_error(path + ":" + std::to_string(lineno) + ": bad seed_min");
      }
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    const auto t1 = line.find('\t');
    const auto t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) return model_error(path + ":" + std::to_string(lineno) + ": expected 3 tab-separated fields");
    const std::string phrase = line.substr(0, t1);
    float score = 0.f;
    try {
      score = std::stof(line.substr(t1 + 1, t2 - t1 - 1));
    } catch (...) {
      return model_error(path + ":" + std::to_string(lineno) + ": bad score");
    }
    bool ok = false;
    std::string rest = line.substr(t2 + 1);
    bool open = false;
    if (const auto t3 = rest.find('\t'); t3 != std::string::npos) {
      if (rest.substr(t3 + 1) != "open") return model_error(path + ":" + std::to_string(lineno) + ": bad 4th field");
      open = true;
      rest.resize(t3);
    }
    const auto cat = category_from_name(rest, &ok);
    if (!ok || !(score >= 0.f && score <= 1.f)) return model_error(path + ":" + std::to_string(lineno) + ": bad category or score");
    t.add(phrase, score, cat, open);
  }
  return t;
}

Status TermTable::save(const std::string& path) const {
  std::ofstream out(path);
  if (!out) return internal_error("cannot write " + path);
  out << "# phrase\tscore\tcategory (learned by framelens train loaded)\n";
  out << "#threshold\t" << threshold << "\n";
  if (seed_min > 0) out << "#seed_min\t" << seed_min << "\n";
  for (const auto& e : entries_) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", e.score);
    out << e.phrase << '\t' << buf << '\t' << category_name(e.category) << (e.open ? "\topen" : "") << '\n';
  }
  if (!out) return internal_error("write failed: " + path);
  return {};
}

void TermTable::match(const std::vector<Token>& tokens, int32_t first, int32_t end,
                      std::vector<TermMatch>& out) const {
  // Most words start no entry: the filter turns them away without probing the index, and the
  // index slots of the others are loaded a few tokens ahead so their cache misses overlap.
  constexpr int32_t kAhead = 8;
  auto prefetch = [&](int32_t k) {
    if (first_filter_.may_contain(tokens[k].hash)) by_first_.prefetch(tokens[k].hash);
  };
  for (int32_t k = first; k < std::min(end, first + kAhead); ++k) prefetch(k);
  for (int32_t i = first; i < end;) {
    if (i + kAhead < end) prefetch(i + kAhead);
    if (tokens[i].kind != TokenKind::Word || !first_filter_.may_contain(tokens[i].hash)) {
      ++i;
      continue;
    }
    const int32_t list = by_first_.find(tokens[i].hash);
    int32_t best = -1, best_len = 0;
    if (list >= 0) {
      for (const Continuation& c : first_lists_[list]) {
        const int32_t n = c.tokens;
        if (i + n > end) continue;
        bool same = true;
        for (int32_t k = 1; k < n && same; ++k) same = tokens[i + k].hash == c.rest[k - 1];
        if (same) {
          best = c.entry;
          best_len = n;
          break;  // longest first
        }
      }
    }
    if (best >= 0) {
      out.push_back({i, i + best_len, best});
      i += best_len;
    } else {
      ++i;
    }
  }
}

}  // namespace framelens::terms
