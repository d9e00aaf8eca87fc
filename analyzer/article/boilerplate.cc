#include "analyzer/article/boilerplate.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <istream>
#include <map>
#include <ostream>
#include <set>

#include "analyzer/ml/text_features.h"

namespace framelens {

namespace {

constexpr char kMagic[8] = {'F', 'L', 'B', 'O', 'I', 'L', 'E', 'R'};
constexpr uint32_t kVersion = 1;
constexpr int kCueLineWords = 25;

bool is_word(const Token& t) { return t.kind == TokenKind::Word || t.kind == TokenKind::Number; }

// Cue phrases that mark a short line as site furniture rather than reporting.
const std::vector<std::vector<std::string>>& cue_phrases() {
  static const std::vector<std::vector<std::string>> cues = {
      {"follow", "us"}, {"follow", "him"}, {"follow", "her"}, {"follow", "them"}, {"follow", "@"},
      {"sign", "up"}, {"subscribe"}, {"newsletter"}, {"click", "here"}, {"advertisement"},
      {"all", "rights", "reserved"}, {"copyright"}, {"contributed", "to", "this", "report"},
      {"read", "more"}, {"share", "this"}, {"reporting", "by"}, {"editing", "by"},
      {"getty", "images"}, {"ap", "photo"}, {"this", "story", "has", "been", "updated"},
      {"write", "to"}, {"email", "the", "author"}, {"related", ":"}, {"sponsored"},
      {"watch", ":"}, {"listen", "to"}, {"download", "the"}, {"our", "app"}, {"like", "us", "on"},
      {"originally", "appeared"}, {"originally", "published"}, {"is", "a", "contributor"},
      {"is", "a", "columnist"}, {"is", "a", "senior"}, {"is", "a", "staff", "writer"}, {"podcast"},
  };
  return cues;
}

// Hashes of the cue phrases, computed once.
const std::vector<std::vector<uint64_t>>& cue_hashes() {
  static const std::vector<std::vector<uint64_t>> hashes = [] {
    std::vector<std::vector<uint64_t>> out;
    for (const auto& c : cue_phrases()) {
      std::vector<uint64_t> h;
      for (const auto& w : c) h.push_back(feature_hash(w));
      out.push_back(std::move(h));
    }
    return out;
  }();
  return hashes;
}

struct Line {
  int32_t begin = 0, end = 0;  // token range
  int32_t words = 0;
  uint64_t hash = 0;
};

// Splits the tokens into lines (a line break starts a new one) and hashes each line's words.
std::vector<Line> lines_of(const Document& doc, const std::vector<uint64_t>& th) {
  std::vector<Line> out;
  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  for (int32_t i = 0; i < n;) {
    Line l;
    l.begin = i;
    l.hash = 0x51ED270B27A5A1ULL;
    int32_t j = i;
    do {
      if (is_word(doc.tokens[j])) {
        ++l.words;
        l.hash = feature_hash_pair(l.hash, th[j]);
      }
      ++j;
    } while (j < n && doc.tokens[j].breaks_before == 0);
    l.end = j;
    out.push_back(l);
    i = j;
  }
  return out;
}

std::vector<uint64_t> token_hashes(const Document& doc) {
  std::vector<uint64_t> th(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) th[i] = feature_hash(doc.tokens[i]);
  return th;
}

bool matches_at(const std::vector<uint64_t>& th, int32_t i, int32_t end, const std::vector<uint64_t>& phrase) {
  if (i + static_cast<int32_t>(phrase.size()) > end) return false;
  for (size_t k = 0; k < phrase.size(); ++k)
    if (th[i + k] != phrase[k]) return false;
  return true;
}

// The cue phrases' first words, so most tokens are ruled out with one L1 probe.
const HashFilter& cue_first_words() {
  static const HashFilter filter = [] {
    HashFilter f;
    for (const auto& c : cue_hashes()) f.add(c[0]);
    return f;
  }();
  return filter;
}

bool has_cue(const Document& doc, const std::vector<uint64_t>& th, const Line& l) {
  if (l.words == 0) return false;
  if (l.words > kCueLineWords) return false;
  // A byline: "By Jane Doe" (short line starting with "by" and a capitalised word).
  const int32_t first = l.begin;
  if (l.words <= 12 && doc.tokens[first].lower == "by" && first + 1 < l.end && doc.tokens[first + 1].capitalized)
    return true;
  const HashFilter& first_words = cue_first_words();
  for (int32_t i = l.begin; i < l.end; ++i) {
    if (!first_words.may_contain(th[i])) continue;
    for (const auto& c : cue_hashes())
      if (th[i] == c[0] && matches_at(th, i, l.end, c)) return true;
  }
  return false;
}

// "Fox News (Online)" -> {"fox", "news"}: lower-case words, punctuation split off as the tokenizer does.
std::vector<uint64_t> name_phrase(const std::string& clean) {
  std::vector<uint64_t> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) out.push_back(feature_hash(w));
    w.clear();
  };
  for (unsigned char c : clean) {
    if (c == ' ') {
      flush();
    } else if (c < 0x80 && !std::isalnum(c) && c != '-' && c != '&') {
      flush();
      out.push_back(feature_hash(std::string(1, static_cast<char>(c))));
    } else {
      w.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
    }
  }
  flush();
  return out;
}

}  // namespace

BoilerplateFilter::BoilerplateFilter(BoilerplateOptions opt) : opt_(opt) {}

std::string BoilerplateFilter::clean_outlet_name(const std::string& outlet) {
  std::string s;
  int depth = 0;
  for (char c : outlet) {  // drop "(Web News)" and the like
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) s.push_back(c);
  }
  if (auto p = s.find(" - "); p != std::string::npos) s.resize(p);  // "Wall Street Journal - News"
  for (const char* suffix : {" Online News", " Online", ".com"}) {
    const size_t n = std::strlen(suffix);
    if (s.size() > n && s.compare(s.size() - n, n, suffix) == 0) s.resize(s.size() - n);
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.empty() || lower.rfind("guest writer", 0) == 0) return "";
  return s;
}

void BoilerplateFilter::add_name(const std::vector<uint64_t>& phrase) {
  if (phrase.empty()) return;
  // Outlets call themselves by their last word: "The Washington Times" -> "the Times".
  static const uint64_t kThe = feature_hash("the");
  if (phrase.size() >= 2 && !(phrase.size() == 2 && phrase[0] == kThe)) add_name({kThe, phrase.back()});
  int32_t row = name_index_.find(phrase[0]);
  if (row < 0) {
    row = static_cast<int32_t>(name_phrases_.size());
    name_index_.insert(phrase[0], row);
    name_filter_.add(phrase[0]);
    name_phrases_.emplace_back();
  }
  auto& v = name_phrases_[row];
  if (std::find(v.begin(), v.end(), phrase) != v.end()) return;
  v.push_back(phrase);
  ++name_count_;
}

bool BoilerplateFilter::is_known_line(uint64_t h) const { return std::binary_search(lines_.begin(), lines_.end(), h); }

BoilerplateFilter::DocLines BoilerplateFilter::signature(const Document& doc) const {
  DocLines s;
  s.outlet = doc.meta.outlet;
  const auto th = token_hashes(doc);
  for (const Line& l : lines_of(doc, th))
    if (l.words > 0 && l.words <= opt_.max_line_words) s.lines.push_back(l.hash);
  std::sort(s.lines.begin(), s.lines.end());
  s.lines.erase(std::unique(s.lines.begin(), s.lines.end()), s.lines.end());
  return s;
}

void BoilerplateFilter::learn(const std::vector<DocLines>& docs) {
  // (outlet, line hash) -> number of articles containing the line.
  std::map<std::pair<std::string, uint64_t>, int> counts;
  std::set<std::string> outlets;
  for (const DocLines& d : docs) {
    outlets.insert(d.outlet);
    for (uint64_t h : d.lines) ++counts[{d.outlet, h}];
  }
  std::vector<uint64_t> lines(lines_);
  for (const auto& [key, c] : counts)
    if (c >= opt_.min_outlet_docs) lines.push_back(key.second);
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  lines_ = std::move(lines);
  for (const auto& o : outlets) add_name(name_phrase(clean_outlet_name(o)));
}

std::vector<uint8_t> BoilerplateFilter::keep_mask(const Document& doc) const {
  std::vector<uint8_t> keep(doc.tokens.size(), 1);
  if (doc.tokens.empty()) return keep;
  const auto th = token_hashes(doc);
  auto lines = lines_of(doc, th);

  // Lines repeated inside this article (short ones only: "Advertisement", share bars).
  std::vector<uint64_t> own;
  for (const Line& l : lines)
    if (l.words > 0 && l.words <= opt_.max_line_words) own.push_back(l.hash);
  std::sort(own.begin(), own.end());
  auto repeated = [&](uint64_t h) {
    auto r = std::equal_range(own.begin(), own.end(), h);
    return r.second - r.first >= 2;
  };
  for (const Line& l : lines) {
    if (l.words == 0 || l.words > opt_.max_line_words) continue;
    if (is_known_line(l.hash) || repeated(l.hash) || has_cue(doc, th, l))
      std::fill(keep.begin() + l.begin, keep.begin() + l.end, 0);
  }

  // Outlet names (learned ones and this record's own outlet).
  const auto own_name = name_phrase(clean_outlet_name(doc.meta.outlet));
  static const uint64_t kThe = feature_hash("the");
  const std::vector<uint64_t> own_short =
      own_name.size() >= 2 ? std::vector<uint64_t>{kThe, own_name.back()} : std::vector<uint64_t>{};
  const int32_t n = static_cast<int32_t>(th.size());
  for (int32_t i = 0; i < n; ++i) {
    if (!own_name.empty() && th[i] == own_name[0] && matches_at(th, i, n, own_name)) {
      std::fill(keep.begin() + i, keep.begin() + i + own_name.size(), 0);
      continue;
    }
    if (!own_short.empty() && th[i] == kThe && matches_at(th, i, n, own_short)) {
      std::fill(keep.begin() + i, keep.begin() + i + 2, 0);
      continue;
    }
    if (!name_filter_.may_contain(th[i])) continue;
    const int32_t row = name_index_.find(th[i]);
    if (row < 0) continue;
    for (const auto& p : name_phrases_[row]) {
      // Most phrases of a row differ at their second word ("the Hill", "the Times", ...): a
      // two-hash check turns them away before the full comparison.
      if (p.size() > 1 && (i + 1 >= n || th[i + 1] != p[1])) continue;
      if (matches_at(th, i, n, p)) {
        std::fill(keep.begin() + i, keep.begin() + i + p.size(), 0);
        break;
      }
    }
  }
  return keep;
}

Status BoilerplateFilter::write(std::ostream& os) const {
  auto put = [&](uint64_t v, int bytes) { os.write(reinterpret_cast<const char*>(&v), bytes); };
  os.write(kMagic, sizeof kMagic);
  put(kVersion, 4);
  put(static_cast<uint32_t>(opt_.max_line_words), 4);
  put(static_cast<uint32_t>(opt_.min_outlet_docs), 4);
  put(lines_.size(), 8);
  os.write(reinterpret_cast<const char*>(lines_.data()), std::streamsize(8 * lines_.size()));
  put(name_count_, 8);
  for (const auto& phrases : name_phrases_)
    for (const auto& p : phrases) {
      put(p.size(), 4);
      os.write(reinterpret_cast<const char*>(p.data()), std::streamsize(8 * p.size()));
    }
  if (!os) return internal_error("boilerplate: write failed");
  return {};
}

Result<BoilerplateFilter> BoilerplateFilter::read(std::istream& is, const std::string& where) {
  char magic[8];
  is.read(magic, sizeof magic);
  if (!is || std::memcmp(magic, kMagic, sizeof magic) != 0)
    return model_error(where + ": not a framelens boilerplate table (bad magic)");
  uint32_t version = 0, max_words = 0, min_docs = 0;
  uint64_t n_lines = 0, n_names = 0;
  is.read(reinterpret_cast<char*>(&version), 4);
  is.read(reinterpret_cast<char*>(&max_words), 4);
  is.read(reinterpret_cast<char*>(&min_docs), 4);
  is.read(reinterpret_cast<char*>(&n_lines), 8);
  if (!is || version != kVersion || n_lines > (uint64_t(1) << 26) || max_words > 10000)
    return model_error(where + ": corrupt boilerplate table header");
  BoilerplateOptions o;
  o.max_line_words = static_cast<int>(max_words);
  o.min_outlet_docs = static_cast<int>(min_docs);
  BoilerplateFilter f(o);
  f.lines_.resize(n_lines);
  is.read(reinterpret_cast<char*>(f.lines_.data()), std::streamsize(8 * n_lines));
  is.read(reinterpret_cast<char*>(&n_names), 8);
  if (!is || n_names > 100000) return model_error(where + ": truncated boilerplate table");
  if (!std::is_sorted(f.lines_.begin(), f.lines_.end())) return model_error(where + ": corrupt boilerplate table");
  for (uint64_t i = 0; i < n_names; ++i) {
    uint32_t len = 0;
    is.read(reinterpret_cast<char*>(&len), 4);
    if (!is || len == 0 || len > 64) return model_error(where + ": corrupt outlet name table");
    std::vector<uint64_t> p(len);
    is.read(reinterpret_cast<char*>(p.data()), std::streamsize(8 * len));
    if (!is) return model_error(where + ": truncated outlet name table");
    f.add_name(p);
  }
  return f;
}

}  // namespace framelens
