#include "analyzer/actors/gazetteer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace framelens {

namespace {

const char* const kFiles[] = {"countries.tsv", "organizations.tsv", "titles.tsv", "first_names.tsv",
                              "non_actors.tsv"};
// Optional, learned by `framelens train casing` (the rest of the folder is written by hand).
const char* const kCasingFile = "casing.bin";

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return model_error("cannot read gazetteer file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return model_error("error while reading gazetteer file " + path);
  return ss.str();
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    std::string_view piece = s.substr(start, p == std::string_view::npos ? s.npos : p - start);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\r')) piece.remove_suffix(1);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    out.emplace_back(piece);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Calls fn(columns, line_number) for each non-empty, non-comment line.
template <class Fn>
Status for_each_row(const std::string& text, const std::string& file, Fn fn) {
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Status s = fn(split(line, '\t'), file + ":" + std::to_string(n));
    if (!s) return s;
  }
  return {};
}

std::vector<std::string> list(const std::vector<std::string>& cols, size_t i) {
  std::vector<std::string> out;
  if (i >= cols.size() || cols[i].empty()) return out;
  for (auto& s : split(cols[i], '|')) if (!s.empty()) out.push_back(std::move(s));
  return out;
}

}  // namespace

bool Gazetteer::present(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(dir) / kFiles[0], ec);
}

Result<Gazetteer> Gazetteer::load_dir(const std::string& dir) {
  std::string texts[5];
  for (int i = 0; i < 5; ++i) {
    auto t = read_file((std::filesystem::path(dir) / kFiles[i]).string());
    if (!t) return t.error();
    texts[i] = std::move(*t);
  }
  auto g = from_sources({texts[0], texts[1], texts[2], texts[3], texts[4]});
  // from_sources names the file and line; the user also needs the folder it came from.
  if (!g) return model_error((std::filesystem::path(dir) / g.error().message).string());
  std::error_code ec;
  const auto casing_path = std::filesystem::path(dir) / kCasingFile;
  if (std::filesystem::is_regular_file(casing_path, ec)) {
    auto c = CasingTable::load(casing_path.string());
    if (!c) return c.error();
    g->set_casing(std::move(*c));
  }
  return g;
}

int32_t Gazetteer::add_entry(std::string name, std::string type) {
  entries_.push_back({std::move(name), std::move(type)});
  return static_cast<int32_t>(entries_.size()) - 1;
}

Status Gazetteer::add_phrase(const std::string& text, int32_t entry, AliasKind kind, const std::string& where) {
  auto doc = make_document(text, {});
  if (!doc) return model_error(where + ": " + doc.error().message);
  GazPhrase p;
  p.entry = entry;
  p.kind = kind;
  for (const Token& t : doc->tokens) {
    p.lowers.push_back(t.lower);
    p.hashes.push_back(t.hash);
    p.casing.push_back(t.all_caps ? 2 : t.capitalized ? 1 : 0);
  }
  if (p.lowers.empty()) return model_error(where + ": empty alias");
  auto& [bucket, any_case] = by_first_[p.lowers[0]];
  for (int32_t other : bucket) {  // the same alias twice for one entry: keep the first kind
    const GazPhrase& o = phrases_[other];
    if (o.entry == entry && o.lowers == p.lowers && o.casing == p.casing) return {};
  }
  any_case |= p.casing[0] == 0;
  first_filter_.add(p.hashes[0]);
  phrases_.push_back(std::move(p));
  bucket.push_back(static_cast<int32_t>(phrases_.size()) - 1);
  std::stable_sort(bucket.begin(), bucket.end(), [&](int32_t a, int32_t b) {
    return phrases_[a].lowers.size() > phrases_[b].lowers.size();
  });
  return {};
}

Result<Gazetteer> Gazetteer::from_sources(const GazetteerSources& src) {
  Gazetteer g;
  Status s = for_each_row(src.countries, "countries.tsv", [&](const auto& cols, const std::string& at) -> Status {
    if (cols.empty() || cols[0].empty()) return model_error(at + ": missing country name");
    int32_t e = g.add_entry(cols[0], "country");
    if (Status st = g.add_phrase(cols[0], e, AliasKind::Name, at); !st) return st;
    for (const auto& a : list(cols, 1)) if (Status st = g.add_phrase(a, e, AliasKind::Name, at); !st) return st;
    for (const auto& a : list(cols, 2)) if (Status st = g.add_phrase(a, e, AliasKind::Metonym, at); !st) return st;
    for (const auto& a : list(cols, 3)) if (Status st = g.add_phrase(a, e, AliasKind::Demonym, at); !st) return st;
    for (const auto& a : list(cols, 4)) if (Status st = g.add_phrase(a, e, AliasKind::Context, at); !st) return st;
    return {};
  });
  if (!s) return s.error();
  s = for_each_row(src.organizations, "organizations.tsv", [&](const auto& cols, const std::string& at) -> Status {
    if (cols.size() < 2 || cols[1].empty()) return model_error(at + ": expected TYPE<TAB>NAME[<TAB>ALIASES]");
    if (cols[0] != "organization" && cols[0] != "group") {
      return model_error(at + ": type must be organization or group, not '" + cols[0] + "'");
    }
    int32_t e = g.add_entry(cols[1], cols[0]);
    if (Status st = g.add_phrase(cols[1], e, AliasKind::Name, at); !st) return st;
    for (const auto& a : list(cols, 2)) if (Status st = g.add_phrase(a, e, AliasKind::Name, at); !st) return st;
    return {};
  });
  if (!s) return s.error();
  s = for_each_row(src.titles, "titles.tsv", [&](const auto& cols, const std::string& at) -> Status {
    if (cols.size() < 2) return model_error(at + ": expected WORD<TAB>KIND[<TAB>GENDER]");
    TitleWord w;
    if (cols[1] == "honorific") w.kind = TitleKind::Honorific;
    else if (cols[1] == "head") w.kind = TitleKind::Head;
    else if (cols[1] == "modifier") w.kind = TitleKind::Modifier;
    else return model_error(at + ": kind must be honorific, head or modifier");
    if (cols.size() > 2 && (cols[2] == "m" || cols[2] == "f")) w.gender = cols[2][0];
    g.titles_[cols[0]] = w;
    return {};
  });
  if (!s) return s.error();
  s = for_each_row(src.first_names, "first_names.tsv", [&](const auto& cols, const std::string& at) -> Status {
    if (cols.size() < 2 || (cols[1] != "m" && cols[1] != "f")) return model_error(at + ": expected NAME<TAB>m|f");
    auto d = make_document(cols[0], {});
    if (!d || d->tokens.size() != 1) return model_error(at + ": a given name must be one word");
    g.given_names_[d->tokens[0].lower] = cols[1][0];
    return {};
  });
  if (!s) return s.error();
  int32_t non_actor = g.add_entry("", "");
  s = for_each_row(src.non_actors, "non_actors.tsv", [&](const auto& cols, const std::string& at) -> Status {
    return g.add_phrase(cols[0], non_actor, AliasKind::NonActor, at);
  });
  if (!s) return s.error();
  return g;
}

const GazPhrase* Gazetteer::match(const Document& doc, int32_t i, int32_t end) const {
  const Token& first = doc.tokens[i];
  if (!first_filter_.may_contain(first.hash)) return nullptr;  // the common case
  const FirstTokenBucket* bucket = by_first_.find(first.hash, first.lower);
  if (!bucket || (!bucket->any_case && !first.capitalized && !first.all_caps)) return nullptr;
  for (int32_t pi : bucket->phrases) {
    const GazPhrase& p = phrases_[pi];
    const int32_t n = static_cast<int32_t>(p.lowers.size());
    if (i + n > end) continue;
    bool ok = true;
    for (int32_t k = 0; k < n && ok; ++k) {
      const Token& t = doc.tokens[i + k];
      if (k > 0 && (t.hash != p.hashes[k] || t.lower != p.lowers[k])) ok = false;
      else if (p.casing[k] == 2 && !t.all_caps) ok = false;
      else if (p.casing[k] == 1 && !t.capitalized) ok = false;
      // A multi-word alias must not jump a sentence break or a line break.
      else if (k > 0 && t.breaks_before > 0) ok = false;
    }
    if (ok) return &p;
  }
  return nullptr;
}

}  // namespace framelens
