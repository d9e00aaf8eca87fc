#include "analyzer/report/stories.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "analyzer/report/csv_writer.h"

namespace framelens {

namespace {

using json = nlohmann::json;

constexpr size_t kMaxMembers = 3, kMaxActors = 64, kMaxKeys = 100;
constexpr int kLeadWords = 80;
constexpr size_t kSweepEvery = 128;

// Function words and words of every news story: they say nothing about which event it is.
const std::unordered_set<std::string>& stopwords() {
  static const std::unordered_set<std::string> s = {
      "the", "and", "for", "that", "with", "this", "from", "are", "was", "were", "has", "have", "had", "not",
      "but", "its", "his", "her", "their", "they", "them", "she", "him", "who", "whom", "which", "what", "when",
      "where", "why", "how", "will", "would", "could", "should", "can", "may", "might", "must", "been", "being",
      "into", "onto", "over", "under", "after", "before", "about", "than", "then", "there", "here", "also",
      "just", "more", "most", "some", "any", "all", "each", "other", "such", "only", "own", "same", "very",
      "our", "your", "you", "one", "two", "three", "new", "said", "says", "say", "told", "tells", "according",
      "year", "years", "week", "day", "days", "time", "last", "first", "people", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "while", "during", "since",
      "because", "did", "does", "done", "out", "off", "now", "per", "via", "mr", "mrs", "ms", "news", "report",
      "reported", "reports", "reporters", "statement", "these", "those", "through", "between", "against",
      "many", "much", "even", "still", "like", "get", "got", "made", "make", "way", "back", "well"};
  return s;
}

uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t fnv(std::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void add_words(std::string_view text, std::vector<uint64_t>& out) {
  std::string w;
  auto flush = [&] {
    bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (w.size() >= 3 && !digits && !stopwords().count(w)) out.push_back(fnv(w, fnv("w:")));
    w.clear();
  };
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == '\'') {
      flush();  // "Lopez's" -> "lopez"
    } else {
      flush();
    }
  }
  flush();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

uint64_t actor_hash(const std::string& name) { return fnv(lower(name), fnv("a:")); }

std::string lead_of(const std::vector<std::string>& body_sentences) {
  std::string lead;
  int words = 0;
  for (const auto& s : body_sentences) {
    if (words >= kLeadWords) break;
    lead += s;
    lead.push_back(' ');
    words += static_cast<int>(std::count(s.begin(), s.end(), ' ')) + 1;
  }
  return lead;
}

}  // namespace

StoryArticle story_article_from_document(const Document& d, const std::string& key) {
  StoryArticle a{key, d.meta.outlet, d.meta.date, d.meta.title, {}, {}};
  std::vector<std::string> body, headline;
  for (const auto& s : d.sentences) {
    if (s.body() && static_cast<int>(body.size()) < 12) body.emplace_back(d.slice(s.span));
    if (s.zone == Zone::Headline && a.title.empty()) headline.emplace_back(d.slice(s.span));
  }
  if (a.title.empty()) {
    for (const auto& h : headline) a.title += h + " ";
  }
  a.lead = lead_of(body);
  for (const auto& x : d.actors) a.actors.push_back(x.name);
  return a;
}

StoryArticle story_article_from_json(const json& j, const std::string& key) {
  auto str = [](const json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  StoryArticle a{key, str(j, "outlet"), str(j, "date"), str(j, "title"), {}, {}};
  std::vector<std::string> body, headline;
  if (auto s = j.find("sentences"); s != j.end() && s->is_array()) {
    for (const auto& x : *s) {
      if (!x.is_object()) continue;
      const std::string zone = str(x, "zone");
      if (zone == "body" && body.size() < 12) body.push_back(str(x, "text"));
      if (zone == "headline" && a.title.empty()) headline.push_back(str(x, "text"));
    }
  }
  if (a.title.empty()) {
    for (const auto& h : headline) a.title += h + " ";
  }
  a.lead = lead_of(body);
  if (auto ac = j.find("actors"); ac != j.end() && ac->is_array()) {
    for (const auto& x : *ac) {
      if (x.is_object()) a.actors.push_back(str(x, "name"));
    }
  }
  return a;
}

std::vector<uint64_t> story_features(const StoryArticle& a) {
  std::vector<uint64_t> f;
  add_words(a.title, f);
  add_words(a.lead, f);
  for (const auto& n : a.actors) {
    if (n.empty()) continue;
    f.push_back(actor_hash(n));
  }
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

// The 64 hash functions: multiply-shift of the mixed feature hash by fixed odd multipliers
// (a universal family), so a feature costs one mix and 64 multiply-adds (vectorised).
struct HashFamily {
  std::array<uint64_t, kStoryHashes> a{}, b{};
  HashFamily() {
    uint64_t state = 0x243f6a8885a308d3ull;
    for (int i = 0; i < kStoryHashes; ++i) {
      a[i] = mix64(state += 0x9e3779b97f4a7c15ull) | 1;
      b[i] = mix64(state += 0x9e3779b97f4a7c15ull);
    }
  }
};

StorySignature story_signature(const std::vector<uint64_t>& features) {
  static const HashFamily family;
  StorySignature sig;
  sig.fill(0xffffffffu);
  for (uint64_t x : features) {
    const uint64_t h = mix64(x);
    for (int i = 0; i < kStoryHashes; ++i) {
      sig[i] = std::min(sig[i], static_cast<uint32_t>((family.a[i] * h + family.b[i]) >> 32));
    }
  }
  return sig;
}

double estimated_jaccard(const StorySignature& a, const StorySignature& b) {
  int same = 0;
  for (int i = 0; i < kStoryHashes; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kStoryHashes;
}

bool parse_story_day(const std::string& date, int64_t& day) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (date[i] < '0' || date[i] > '9') return false;
  }
  int64_t y = std::stoi(date.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(date.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(date.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  // days_from_civil (H. Hinnant)
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  day = era * 146097 + static_cast<int64_t>(doe) - 719468;
  return true;
}

namespace {

uint64_t band_key(const StorySignature& s, int band) {
  return mix64((static_cast<uint64_t>(s[2 * band]) << 32 | s[2 * band + 1]) ^ (0x51ed27ull * (band + 1)));
}

}  // namespace

std::string StoryGrouper::csv_header() {
  std::string out;
  framelens::csv_header(out, {"story_id", "articles", "outlets", "outlet_articles", "first_date", "last_date", "title",
                   "top_actors", "article_ids", "mean_similarity", "min_similarity", "joins_with_shared_actor"});
  return out;
}

std::string StoryGrouper::add(const StoryArticle& a, std::string& closed_rows, bool excel_safe) {
  ++seq_;
  const auto features = story_features(a);
  int64_t day = 0;
  const bool dated = parse_story_day(a.date, day);
  if (dated && (!have_day_ || day > max_day_)) {
    max_day_ = day;
    have_day_ = true;
  }
  // Shared-actor evidence counts only named actors (a capitalised name: "Maria Lopez", "Brenton"),
  // not generic ones every story of a kind has ("police", "residents").
  std::vector<uint64_t> ahash;
  for (const auto& n : a.actors) {
    const unsigned char c = n.empty() ? 0 : static_cast<unsigned char>(n[0]);
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) ahash.push_back(actor_hash(n));
  }
  StorySignature sig{};
  Story* best = nullptr;
  double best_j = 0.0;
  bool best_shared = false;
  if (!features.empty()) {
    sig = story_signature(features);
    std::vector<uint64_t> cands;
    for (int b = 0; b < kStoryBands; ++b) {
      auto it = buckets_.find(band_key(sig, b));
      if (it != buckets_.end()) cands.insert(cands.end(), it->second.begin(), it->second.end());
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    for (uint64_t id : cands) {
      Story& s = stories_.at(id);
      // Anchored at the story's first dated article, so chains of joins cannot drift in time.
      if (dated && s.dated && (day < s.first_day - opt_.window_days || day > s.first_day + opt_.window_days)) continue;
      double j = 0.0;
      for (const auto& m : s.members) j = std::max(j, estimated_jaccard(sig, m));
      bool shared = false;
      for (uint64_t h : ahash) {
        shared = shared || std::find(s.actor_hashes.begin(), s.actor_hashes.end(), h) != s.actor_hashes.end();
      }
      if (j < opt_.min_similarity || (!shared && j < opt_.strong_similarity)) continue;
      if (!best || j > best_j) {
        best = &s;
        best_j = j;
        best_shared = shared;
      }
    }
  }
  if (!best) {
    const uint64_t id = next_id_++;
    best = &stories_[id];
    best->id = id;
    best->title = a.title;
    best->first_date = a.date;
  } else {
    best->similarity_sum += best_j;
    best->similarity_min = std::min(best->similarity_min, best_j);
    best->joins_with_actor += best_shared;
  }
  Story& s = *best;
  s.last_seq = seq_;
  ++s.articles;
  if (dated) {
    if (!s.dated) {
      s.first_day = s.last_day = day;
      s.dated = true;
      s.first_date = s.last_date = a.date;
    } else {
      if (day < s.first_day) s.first_day = day, s.first_date = a.date;
      if (day > s.last_day) s.last_day = day, s.last_date = a.date;
    }
  }
  auto o = std::find_if(s.outlets.begin(), s.outlets.end(), [&](auto& p) { return p.first == a.outlet; });
  if (o == s.outlets.end()) s.outlets.push_back({a.outlet, 1});
  else ++o->second;
  for (const auto& n : a.actors) {
    if (n.empty()) continue;
    auto it = s.actors.find(n);
    if (it != s.actors.end()) ++it->second;
    else if (s.actors.size() < kMaxActors) s.actors.emplace(n, 1);
  }
  if (s.article_keys.size() < kMaxKeys) s.article_keys.push_back(a.key);
  if (!features.empty() && s.members.size() < kMaxMembers) {
    s.members.push_back(sig);
    for (int b = 0; b < kStoryBands; ++b) {
      const uint64_t k = band_key(sig, b);
      auto& v = buckets_[k];
      if (v.empty() || v.back() != s.id) v.push_back(s.id);
      s.band_keys.push_back(k);
    }
    for (uint64_t h : ahash) {
      if (std::find(s.actor_hashes.begin(), s.actor_hashes.end(), h) == s.actor_hashes.end()) s.actor_hashes.push_back(h);
    }
  }
  const std::string id = "s" + std::to_string(s.id);
  if (seq_ % kSweepEvery == 0) sweep(closed_rows, excel_safe);
  return id;
}

void StoryGrouper::sweep(std::string& out, bool excel_safe) {
  std::vector<uint64_t> done;
  if (have_day_) {
    for (const auto& [id, s] : stories_) {
      if (s.dated && s.last_day + 2 * opt_.window_days < max_day_) done.push_back(id);
    }
  }
  if (stories_.size() - done.size() > opt_.max_active) {
    std::vector<std::pair<uint64_t, uint64_t>> by_age;  // (last_seq, id) of the others
    std::unordered_set<uint64_t> gone(done.begin(), done.end());
    for (const auto& [id, s] : stories_) {
      if (!gone.count(id)) by_age.push_back({s.last_seq, id});
    }
    const size_t keep = opt_.max_active * 9 / 10;
    const size_t drop = by_age.size() - keep;
    std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(drop), by_age.end());
    for (size_t i = 0; i < drop; ++i) done.push_back(by_age[i].second);
  }
  std::sort(done.begin(), done.end());
  for (uint64_t id : done) close(id, out, excel_safe);
}

void StoryGrouper::close(uint64_t id, std::string& out, bool excel_safe) {
  auto it = stories_.find(id);
  if (it == stories_.end()) return;
  Story& s = it->second;
  for (uint64_t k : s.band_keys) {
    auto b = buckets_.find(k);
    if (b == buckets_.end()) continue;
    auto& v = b->second;
    v.erase(std::remove(v.begin(), v.end(), id), v.end());
    if (v.empty()) buckets_.erase(b);
  }
  std::string outlets, actors, keys;
  for (const auto& [name, n] : s.outlets) outlets += (outlets.empty() ? "" : ";") + name + ":" + std::to_string(n);
  std::vector<std::pair<int64_t, std::string>> top;
  for (const auto& [name, n] : s.actors) top.push_back({-n, name});
  std::sort(top.begin(), top.end());
  for (size_t i = 0; i < top.size() && i < 5; ++i) {
    actors += (i ? ";" : "") + top[i].second + ":" + std::to_string(-top[i].first);
  }
  for (const auto& k : s.article_keys) keys += (keys.empty() ? "" : ";") + k;
  CsvRow r(out, excel_safe);
  r.text("s" + std::to_string(s.id)).integer(s.articles).integer(static_cast<int64_t>(s.outlets.size())).text(outlets)
      .text(s.first_date).text(s.last_date).text(s.title).text(actors).text(keys);
  if (s.articles > 1) {
    r.number(s.similarity_sum / static_cast<double>(s.articles - 1)).number(s.similarity_min);
  } else {
    r.empty().empty();
  }
  r.integer(s.joins_with_actor).end();
  stories_.erase(it);
}

void StoryGrouper::finish(std::string& out, bool excel_safe) {
  std::vector<uint64_t> ids;
  for (const auto& [id, _] : stories_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (uint64_t id : ids) close(id, out, excel_safe);
}

}  // namespace framelens
