#include "analyzer/text/zones.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>

#include "analyzer/core/string_table.h"
#include "analyzer/core/word_set.h"
#include "analyzer/text/document.h"
#include "analyzer/text/utf8.h"

namespace framelens {

using namespace std::string_view_literals;

std::string_view zone_name(Zone z) {
  switch (z) {
    case Zone::Body: return "body";
    case Zone::Headline: return "headline";
    case Zone::Standfirst: return "standfirst";
    case Zone::Byline: return "byline";
    case Zone::Dateline: return "dateline";
    case Zone::Caption: return "caption";
    case Zone::Boilerplate: return "boilerplate";
  }
  return "body";
}

bool zone_from_name(std::string_view s, Zone& out) {
  for (Zone z : {Zone::Body, Zone::Headline, Zone::Standfirst, Zone::Byline, Zone::Dateline,
                 Zone::Caption, Zone::Boilerplate}) {
    if (zone_name(z) == s) { out = z; return true; }
  }
  return false;
}

// ---- the learned table ---------------------------------------------------------------------

namespace {
constexpr char kMagic[8] = {'F', 'L', 'Z', 'O', 'N', 'E', 'S', '1'};
}

bool ZoneTable::contains(uint64_t h) const {
  return h != 0 && std::binary_search(lines_.begin(), lines_.end(), h);
}

Status ZoneTable::write(std::ostream& os) const {
  os.write(kMagic, sizeof kMagic);
  const uint64_t n = lines_.size();
  os.write(reinterpret_cast<const char*>(&n), sizeof n);
  os.write(reinterpret_cast<const char*>(lines_.data()), static_cast<std::streamsize>(n * sizeof(uint64_t)));
  if (!os) return internal_error("zones: write failed");
  return {};
}

Result<ZoneTable> ZoneTable::read(std::istream& is, const std::string& where) {
  char magic[8];
  uint64_t n = 0;
  if (!is.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) {
    return model_error(where + ": not a framelens zone table (bad magic)");
  }
  if (!is.read(reinterpret_cast<char*>(&n), sizeof n) || n > (uint64_t{1} << 28)) {
    return model_error(where + ": truncated or corrupt zone table header");
  }
  std::vector<uint64_t> v(n);
  if (!is.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(uint64_t)))) {
    return model_error(where + ": truncated zone table");
  }
  if (!std::is_sorted(v.begin(), v.end())) return model_error(where + ": zone table not sorted");
  return ZoneTable(std::move(v));
}

Result<ZoneTable> ZoneTable::load(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return model_error(path + ": cannot open");
  return read(f, path);
}

// ---- lines ---------------------------------------------------------------------------------

std::vector<TextLine> text_lines(const Document& doc) {
  std::vector<TextLine> out;
  const auto& toks = doc.tokens;
  for (int32_t s = 0; s < static_cast<int32_t>(doc.sentences.size()); ++s) {
    const Sentence& sn = doc.sentences[s];
    const bool starts = sn.first_token == 0 || toks[sn.first_token].breaks_before > 0;
    if (starts || out.empty()) {
      TextLine l;
      l.first_sentence = s;
      l.first_token = sn.first_token;
      out.push_back(l);
    }
    TextLine& l = out.back();
    l.end_sentence = s + 1;
    l.end_token = sn.end_token;
  }
  for (TextLine& l : out) {
    for (int32_t k = l.first_token; k < l.end_token; ++k) l.words += toks[k].kind == TokenKind::Word;
    l.hash = line_hash(doc, l);
  }
  return out;
}

uint64_t line_hash(const Document& doc, const TextLine& line) {
  uint64_t h = kFnv1a64Basis;
  bool any = false;
  for (int32_t k = line.first_token; k < line.end_token; ++k) {
    const Token& t = doc.tokens[k];
    if (t.kind != TokenKind::Word) continue;
    h = (h ^ t.hash) * 1099511628211ull;
    h ^= h >> 29;
    any = true;
  }
  return any ? (h | 1) : 0;
}

// ---- the classifier ------------------------------------------------------------------------

namespace {

bool is_word(const Token& t) { return t.kind == TokenKind::Word; }
bool is_terminal(const Token& t) {
  return t.kind == TokenKind::Punct && (t.lower == "."sv || t.lower == "!"sv || t.lower == "?"sv ||
                                        t.lower == "..."sv || t.lower == "…"sv);
}

const WordSet& months() {
  static const WordSet s = {"january", "february", "march", "april", "may", "june", "july",
                            "august", "september", "october", "november", "december", "jan",
                            "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                            "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
                            "saturday", "sunday", "updated", "published", "posted", "am", "pm",
                            "et", "est", "edt", "gmt", "utc", "pt", "pst", "a.m", "p.m"};
  return s;
}

// Words that never start a headline fragment used as a name, but do start page text.
const WordSet& boiler_openers() {
  static const WordSet s = {"subscribe", "advertisement", "sponsored", "recommended", "trending",
                            "loading", "comments", "download", "newsletter", "newsletters",
                            "copyright", "share", "follow", "related", "tags", "topics",
                            "login", "log", "register", "print", "email", "enlarge", "toggle",
                            "hide", "ad", "promoted", "filed"};
  return s;
}

// Words that, on a short line, mark site text wherever they stand.
const WordSet& boiler_words() {
  static const WordSet s = {"newsletter", "newsletters", "subscribe", "subscribers",
                            "subscription", "copyright", "©", "reprint", "reprints", "unsubscribe",
                            "podcast", "podcasts", "app", "cookies", "privacy"};
  return s;
}

// Agencies and credit words of photo credit lines.
const WordSet& credit_words() {
  static const WordSet s = {"getty", "afp", "reuters", "ap", "epa", "shutterstock", "istock",
                            "istockphoto", "bloomberg", "handout", "pool", "courtesy", "wireimage",
                            "sipa", "zuma", "upi", "xinhua", "anadolu"};
  return s;
}

const WordSet& bio_nouns() {
  static const WordSet s = {"reporter", "correspondent", "writer", "editor", "columnist",
                            "contributor", "producer", "author", "journalist", "fellow",
                            "professor", "analyst", "commentator", "host", "director", "founder",
                            "president", "chairman", "ceo", "member", "partner", "attorney",
                            "lawyer", "economist", "scholar", "researcher", "student", "intern",
                            "blogger", "anchor", "strategist", "consultant", "novelist"};
  return s;
}

// The rarest word of each cue phrase, with a bit each: a line's words are looked up once, and a
// phrase whose key word the line lacks is not searched for.
const StringTable<char>& phrase_keys() {
  static const StringTable<char> t = [] {
    StringTable<char> m;
    const char* keys[] = {"photo", "photograph", "credit", "copyright", "caption", "getty", "enlarge",
                          "watched", "watch", "replay", "videos", "accessed", "reserved", "click", "sign",
                          "contributed", "reporting", "read", "full", "share", "like", "follow", "twitter",
                          "expressed", "originally", "updated", "earlier", "conversation", "editing",
                          "continue", "newsletter", "robot", "emails", "javascript", "enable", "here", "images", "receive"};
    char bit = 0;
    for (const char* k : keys) m[k] = bit++;
    return m;
  }();
  return t;
}

uint64_t mask_of(std::initializer_list<std::string_view> words) {
  uint64_t m = 0;
  for (std::string_view w : words) if (const char* b = phrase_keys().find(w)) m |= uint64_t{1} << *b;
  return m;
}

struct Verdict {
  Zone zone = Zone::Body;
  std::string_view reason;
};

class Classifier {
 public:
  Classifier(const Document& doc, const ZoneTable* table) : d_(doc), t_(doc.tokens), table_(table) {}

  void run(Document& doc) {
    lines_ = text_lines(doc);
    const int32_t n = static_cast<int32_t>(lines_.size());
    std::vector<Verdict> v(n);
    // Lines repeated inside the article (share bars, "Advertisement").
    std::vector<uint64_t> hashes;
    hashes.reserve(n);
    for (const TextLine& l : lines_) if (l.hash && l.words <= 12) hashes.push_back(l.hash);
    std::sort(hashes.begin(), hashes.end());
    auto repeated = [&](uint64_t h) {
      auto r = std::equal_range(hashes.begin(), hashes.end(), h);
      return r.second - r.first >= 2;
    };

    int32_t first_body = -1;
    for (int32_t i = 0; i < n; ++i) {
      v[i] = by_cue(lines_[i]);
      // The learned lines override running text and the dateline shape, not a cue ("With Post wires").
      if ((v[i].zone == Zone::Body || v[i].zone == Zone::Dateline) && table_ && lines_[i].words <= 40 &&
          table_->contains(lines_[i].hash)) {
        v[i] = lone_name(lines_[i]) ? Verdict{Zone::Byline, "learned: an author name repeated across this outlet's articles"}
                                    : Verdict{Zone::Boilerplate, "learned: a line repeated across this outlet's articles"};
      }
      if (v[i].zone == Zone::Body && lines_[i].hash && lines_[i].words <= 12 && repeated(lines_[i].hash)) {
        v[i] = {Zone::Boilerplate, "shape: a short line repeated in the article"};
      }
      if (v[i].zone == Zone::Body && first_body < 0 && reads_as_body(lines_[i])) first_body = i;
    }
    // A text with no line of running text (a headline or one sentence scored alone): its lines
    // are the text to analyse, so only cue zones apply.
    if (first_body < 0) {
      for (int32_t i = 0; i < n; ++i) {
        if (v[i].zone == Zone::Body) v[i].reason = "default: no line of running text; analysed as text";
      }
      first_body = 0;
      no_body_ = true;
    }

    // Story highlights: the bullets after the cue, up to the first body paragraph.
    for (int32_t i = 0; i < n; ++i) {
      if (v[i].reason != "cue: story highlights"sv) continue;
      for (int32_t j = i + 1; j < n && v[j].zone == Zone::Body && !ends_with_terminal(lines_[j]); ++j) {
        v[j] = {Zone::Headline, "shape: a bullet of the story highlights"};
      }
    }

    // Before the body: short unpunctuated lines are headlines; the first sentence-like line
    // after a headline and before the body, standfirst.
    for (int32_t i = 0; i < first_body; ++i) {
      if (v[i].zone != Zone::Body) continue;
      if (lone_name(lines_[i])) v[i] = {Zone::Byline, "shape: a lone name line before the body"};
      else if (lines_[i].words <= 40 && !ends_with_terminal(lines_[i]) && tweet(lines_[i])) v[i] = {Zone::Body, "cue: an embedded tweet"};
      else if (!ends_with_terminal(lines_[i]) && lines_[i].words >= 12 && lines_[i].words <= 40 && !title_case(lines_[i]) &&
               !has_quote_or_colon_end(lines_[i])) v[i] = {Zone::Caption, "shape: a long line without a final stop before the body (photo caption)"};
      else if (!ends_with_terminal(lines_[i]) && lines_[i].words <= 25) v[i] = {Zone::Headline, "shape: a short line without a final stop before the body"};
      else if (i > 0 && v[i - 1].zone == Zone::Headline && lines_[i].words <= 45 && i + 1 < n &&
               (v[i + 1].zone == Zone::Byline || v[i + 1].zone == Zone::Dateline || v[i + 1].zone == Zone::Caption)) {
        v[i] = {Zone::Standfirst, "shape: a summary line between the headline and the byline"};
      }
    }
    // After the body starts: short unpunctuated title-case lines are sub-headlines or
    // signatures; once site text begins at the tail, the short lines after it are site text too.
    int32_t last_body = -1;
    for (int32_t i = first_body; i < n; ++i) if (v[i].zone == Zone::Body && reads_as_body(lines_[i])) last_body = i;
    for (int32_t i = first_body; i < n && !no_body_; ++i) {
      if (v[i].zone != Zone::Body) continue;
      const TextLine& l = lines_[i];
      if (i > last_body && l.words <= 25 && !ends_with_terminal(l)) {
        const bool after_boiler = i > 0 && v[i - 1].zone == Zone::Boilerplate;
        if (after_boiler) { v[i] = {Zone::Boilerplate, "shape: a short line in the page text after the article"}; continue; }
        if (lone_name(l)) { v[i] = {Zone::Byline, "shape: a lone name line after the article (signature)"}; continue; }
      }
      if (lone_name(l) && !ends_with_terminal(l)) { v[i] = {Zone::Byline, "shape: a lone name line (author box)"}; continue; }
      if (l.words >= 4 && all_caps_line(l)) { v[i] = {Zone::Boilerplate, "shape: an all-caps line inside the article (a related-story link)"}; continue; }
      if (l.words <= 40 && !ends_with_terminal(l) && tweet(l)) { v[i] = {Zone::Body, "cue: an embedded tweet"}; continue; }
      if (l.words >= 10 && l.words <= 40 && !ends_with_terminal(l) && !has_quote_or_colon_end(l) && !title_case(l)) {
        v[i] = {Zone::Caption, "shape: a long line without a final stop inside the article (photo caption)"};
        continue;
      }
      if (l.words >= 1 && l.words <= 14 && !ends_with_terminal(l) && !has_quote_or_colon_end(l)) {
        v[i] = {Zone::Headline, "shape: a short line without a final stop between paragraphs (sub-headline)"};
        continue;
      }
      if (l.words >= 2 && l.words <= 12 && ends_with_question(l) && !has_quote(l)) {
        v[i] = {Zone::Headline, "shape: a short question standing alone (sub-headline, Q&A)"};
      }
    }
    // Three or more short lines in a row that are not body text: a list of related links.
    for (int32_t i = first_body; i < n;) {
      int32_t j = i;
      while (j < n && v[j].zone == Zone::Headline && lines_[j].words <= 14 && v[j].reason.substr(0, 6) == "shape:"sv) ++j;
      if (j - i >= 3) {
        for (int32_t k = i; k < j; ++k) v[k] = {Zone::Boilerplate, "shape: a run of short link-like lines (related links)"};
      }
      i = j > i ? j : i + 1;
    }

    for (int32_t i = 0; i < n; ++i) {
      for (int32_t s = lines_[i].first_sentence; s < lines_[i].end_sentence; ++s) {
        doc.sentences[s].zone = v[i].zone;
        doc.sentences[s].zone_reason = v[i].reason.empty() ? "default: running text"sv : v[i].reason;
      }
    }
    for (Paragraph& p : doc.paragraphs) {
      // A paragraph takes the zone of its longest sentence run (lines inside it keep their own).
      int32_t best = -1, best_len = -1;
      for (int32_t s = p.first_sentence; s < p.end_sentence; ++s) {
        const int32_t len = doc.sentences[s].span.size();
        if (len > best_len) { best_len = len; best = s; }
      }
      p.zone = best >= 0 ? doc.sentences[best].zone : Zone::Body;
    }
  }

 private:
  const Token& tok(int32_t k) const { return t_[k]; }
  int32_t first_word(const TextLine& l) const {
    for (int32_t k = l.first_token; k < l.end_token; ++k) if (is_word(t_[k])) return k;
    return -1;
  }
  bool ends_with_terminal(const TextLine& l) const {
    for (int32_t k = l.end_token - 1; k >= l.first_token; --k) {
      const Token& t = t_[k];
      if (t.kind == TokenKind::Quote || (t.kind == TokenKind::Punct && (t.lower == ")"sv || t.lower == "]"sv))) continue;
      return is_terminal(t);
    }
    return false;
  }
  bool ends_sentence_long(const TextLine& l) const { return l.words >= 30 && ends_with_terminal(l); }
  bool reads_as_body(const TextLine& l) const {
    return (l.words >= 12 && ends_with_terminal(l)) || l.words >= 30;
  }
  bool has_quote(const TextLine& l) const {
    for (int32_t k = l.first_token; k < l.end_token; ++k) if (t_[k].kind == TokenKind::Quote) return true;
    return false;
  }
  bool ends_with_question(const TextLine& l) const {
    const Token& last = t_[l.end_token - 1];
    return last.kind == TokenKind::Punct && last.lower == "?"sv;
  }
  bool has_quote_or_colon_end(const TextLine& l) const {
    for (int32_t k = l.first_token; k < l.end_token; ++k) if (t_[k].kind == TokenKind::Quote) return true;
    const Token& last = t_[l.end_token - 1];
    return last.lower == ":"sv || last.lower == ","sv || last.lower == ";"sv;
  }
  bool title_case(const TextLine& l) const {
    int32_t words = 0, caps = 0;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const Token& t = t_[k];
      if (!is_word(t)) continue;
      ++words;
      if (t.capitalized || t.lower.size() <= 3) caps += 1;
    }
    return words > 0 && caps * 10 >= words * 8;
  }
  // 2-4 capitalised words and nothing else: an author's name.
  bool lone_name(const TextLine& l) const {
    int32_t words = 0;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const Token& t = t_[k];
      if (is_word(t)) {
        if (!t.capitalized || t.all_caps) return false;
        if (is_capitalised_stop(t)) return false;
        ++words;
      } else if (!(t.kind == TokenKind::Punct && t.lower == "."sv && k > l.first_token && t_[k - 1].span.size() == 1)) {
        return false;
      }
    }
    return words >= 2 && words <= 4;
  }
  static bool is_capitalised_stop(const Token& t) {
    static const WordSet s = {"the", "a", "an", "and", "of", "in", "on", "for", "to", "with",
                              "is", "are", "was", "news", "video", "photos", "more", "read",
                              "share", "follow", "watch", "related", "top", "latest", "world",
                              "politics", "opinion", "sports", "business", "home", "live"};
    return s.contains(t.hash, t.lower);
  }

  bool has_word(const TextLine& l, const WordSet& ws, int32_t from = -1) const {
    for (int32_t k = from < 0 ? l.first_token : from; k < l.end_token; ++k)
      if (is_word(t_[k]) || t_[k].kind == TokenKind::Symbol) {
        if (ws.contains(t_[k].hash, t_[k].lower)) return true;
      }
    return false;
  }
  // Bits of phrase_keys() present in the line (set by by_cue before any has_phrase call).
  void scan_keys(const TextLine& l) const {
    keys_ = 0;
    const auto& t = phrase_keys();
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      if (t_[k].kind != TokenKind::Word || t_[k].lower.size() < 4) continue;
      if (const char* b = t.find(t_[k].hash, t_[k].lower)) keys_ |= uint64_t{1} << *b;
    }
  }
  // Whether the word sequence `ws` occurs in the line (lower-case, words and symbols only).
  bool has_phrase(const TextLine& l, std::initializer_list<std::string_view> ws) const {
    const std::string_view* p = ws.begin();
    const size_t m = ws.size();
    for (int32_t k = l.first_token; k + static_cast<int32_t>(m) <= l.end_token; ++k) {
      if (t_[k].lower != p[0]) continue;
      int32_t j = k + 1;
      size_t q = 1;
      for (; q < m && j < l.end_token; ++j) {
        if (t_[j].kind == TokenKind::Punct && t_[j].lower != p[q]) continue;  // "Photo: X" / "Photo by"
        if (t_[j].lower != p[q]) break;
        ++q;
      }
      if (q == m) return true;
    }
    return false;
  }
  bool starts_with(const TextLine& l, std::initializer_list<std::string_view> ws) const {
    int32_t k = l.first_token;
    for (std::string_view w : ws) {
      while (k < l.end_token && t_[k].kind == TokenKind::Punct && t_[k].lower != w) ++k;
      if (k >= l.end_token || t_[k].lower != w) return false;
      ++k;
    }
    return true;
  }
  bool url_only(const TextLine& l) const {
    if (l.words > 4) return false;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const std::string& w = t_[k].lower;
      if (w.rfind("www"sv, 0) == 0 || w.rfind("http"sv, 0) == 0 || w == "com"sv || w == "org"sv ||
          w == "co"sv || w == "uk"sv || w == "net"sv) return true;
    }
    return false;
  }
  // "News / China / Koreas", "Politics | World": short items between slashes or bars.
  bool breadcrumb(const TextLine& l) const {
    if (l.words > 10) return false;
    int32_t seps = 0;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const Token& t = t_[k];
      if ((t.kind == TokenKind::Punct || t.kind == TokenKind::Symbol) && (t.lower == "/"sv || t.lower == "|"sv || t.lower == ">"sv || t.lower == "»"sv)) ++seps;
    }
    return seps >= 2 || (seps == 1 && l.words <= 4 && !ends_with_terminal(l));
  }
  // "WASHINGTON —", "NEW YORK (AP) --", "May 18, 2017", "Updated 10:41 AM ET".
  bool dateline_only(const TextLine& l) const {
    if (l.words > 8) return false;
    int32_t caps = 0, months_n = 0, other = 0;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const Token& t = t_[k];
      if (!is_word(t)) continue;
      if (months().contains(t.hash, t.lower)) ++months_n;
      else if (t.all_caps || (t.span.size() == 1 && t.capitalized)) ++caps;
      else if (t.lower == "ap"sv || t.lower == "reuters"sv || t.lower == "afp"sv) ++caps;
      else ++other;
    }
    if (months_n > 0 && other <= 1) return true;
    bool dash = false;
    for (int32_t k = l.first_token; k < l.end_token; ++k) dash |= t_[k].kind == TokenKind::Dash;
    return caps > 0 && other == 0 && !ends_with_terminal(l) && (l.words <= 3 || dash);
  }

  Verdict by_cue(const TextLine& l) const {
    const int32_t fw = first_word(l);
    if (fw < 0) {
      if (l.end_token > l.first_token) return {Zone::Boilerplate, "shape: a line without words"};
      return {};
    }
    const Token& w0 = t_[fw];
    const bool short_line = l.words <= 40;
    scan_keys(l);
    if (!short_line) return by_cue_long(l, fw);
    if (l.words <= 30 && t_[l.first_token].lower == "("sv && t_[l.end_token - 1].lower == ")"sv) {
      return {Zone::Boilerplate, "shape: a line in parentheses (Also on ..., PHOTOS: ...)"};
    }
    // Captions and credits.
    if (starts_with(l, {"file", "photo"}) || (starts_with(l, {"file"}) && fw + 1 < l.end_token &&
        (t_[fw + 1].lower == ":"sv || t_[fw + 1].kind == TokenKind::Dash) && w0.all_caps)) {
      return {Zone::Caption, "cue: FILE PHOTO"};
    }
    static const uint64_t kCaptionKeys = mask_of({"photo", "photograph", "credit", "copyright", "caption", "getty", "images", "enlarge"});
    static const uint64_t kVideoKeys = mask_of({"watched", "watch", "replay", "videos"});
    static const uint64_t kSiteKeys = mask_of({"accessed", "reserved", "click", "sign", "read", "full", "share", "like",
                                               "follow", "twitter", "expressed", "originally", "updated", "earlier",
                                               "conversation", "videos"});
    static const uint64_t kGlueKeys = mask_of({"continue", "newsletter", "robot", "emails", "javascript"});
    if ((keys_ & kCaptionKeys) && (has_phrase(l, {"photo", "by"}) || has_phrase(l, {"photo", "credit"}) ||
        has_phrase(l, {"photograph", "by"}) || has_phrase(l, {"image", "copyright"}) ||
        has_phrase(l, {"image", "caption"}) || has_phrase(l, {"ap", "photo"}))) {
      if (short_line) return {Zone::Caption, "cue: a photo credit"};
    }
    if (short_line && (keys_ & kCaptionKeys) && (has_phrase(l, {"getty", "images"}) || has_phrase(l, {"toggle", "caption"}) ||
                       has_phrase(l, {"hide", "caption"}) || has_phrase(l, {"enlarge", "this", "image"}))) {
      return {Zone::Caption, "cue: a photo credit"};
    }
    if ((keys_ & kVideoKeys) && (has_phrase(l, {"just", "watched"}) || has_phrase(l, {"must", "watch"}) ||
        has_phrase(l, {"replay", "more", "videos"}))) {
      return {Zone::Caption, "cue: a video box (JUST WATCHED / Replay More Videos)"};
    }
    if (starts_with(l, {"photo"}) || starts_with(l, {"photos"}) || starts_with(l, {"video"}) ||
        starts_with(l, {"image"}) || starts_with(l, {"caption"}) || starts_with(l, {"watch"})) {
      if (fw + 1 < l.end_token && t_[fw + 1].lower == ":"sv && short_line) return {Zone::Caption, "cue: Photo:/Video: label"};
    }
    if (short_line && l.words <= 30 && credit_tail(l)) return {Zone::Caption, "cue: ends in a photo credit"};
    if (short_line && has_marker(l)) return {Zone::Caption, "cue: (L)/(R) position marker of a photo"};

    // Site text.
    if (starts_with(l, {"story", "highlights"})) return {Zone::Headline, "cue: story highlights"};
    if (starts_with(l, {"q"}) && fw + 1 < l.end_token && t_[fw + 1].lower == ":"sv && l.words <= 25 && ends_with_question(l)) {
      return {Zone::Headline, "cue: a Q: question (Q&A sub-headline)"};
    }
    if (l.words <= 3 && (starts_with(l, {"photo"}) || starts_with(l, {"photos"}) || starts_with(l, {"video"}) ||
                         starts_with(l, {"image"}) || starts_with(l, {"gallery"}))) {
      return {Zone::Caption, "cue: a Photo/Video label"};
    }
    if (l.words <= 25 && (starts_with(l, {"go", "deeper"}) || starts_with(l, {"story", "continued", "below"}) ||
                          starts_with(l, {"continue", "reading"}) || starts_with(l, {"our", "original", "post"}))) {
      return starts_with(l, {"our", "original", "post"}) ? Verdict{Zone::Headline, "cue: a live-post marker"}
                                                         : Verdict{Zone::Boilerplate, "cue: page text (Go deeper, Story continued below)"};
    }
    if (l.words <= 12 && ends_with_here_colon(l)) return {Zone::Boilerplate, "cue: a link lead-in (... here:)"};
    if (url_only(l)) return {Zone::Boilerplate, "cue: a web address"};
    if (breadcrumb(l)) return {Zone::Boilerplate, "cue: a navigation path (A / B / C)"};
    if (((keys_ & kSiteKeys) && (has_phrase(l, {"can", "also", "be", "accessed"}) || has_phrase(l, {"all", "rights", "reserved"}) ||
        has_phrase(l, {"click", "here"}) || (has_phrase(l, {"sign", "up"}) && l.words <= 20) ||
        (has_phrase(l, {"read", "more"}) && l.words <= 20) || has_phrase(l, {"read", "the", "full"}) ||
        has_phrase(l, {"share", "this"}) || has_phrase(l, {"like", "us", "on"}) ||
        has_phrase(l, {"follow", "us"}) || (has_phrase(l, {"on", "twitter"}) && l.words <= 25) ||
        has_phrase(l, {"the", "views", "expressed"}) || has_phrase(l, {"this", "article", "originally"}) ||
        has_phrase(l, {"this", "story", "has", "been", "updated"}) || has_phrase(l, {"an", "earlier", "version"}) ||
        has_phrase(l, {"join", "the", "conversation"}) || has_phrase(l, {"more", "videos"}))) ||
        starts_with(l, {"write", "to"}) || has_email(l)) {
      if (short_line) return {Zone::Boilerplate, "cue: site text (share/follow/sign up/credits)"};
    }
    if (short_line && l.words <= 20 && (boiler_openers().contains(w0.hash, w0.lower) && !ends_with_terminal(l))) {
      return {Zone::Boilerplate, "cue: a page-text opener (Share, Follow, Related, ...)"};
    }
    if (l.words <= 25 && has_word(l, boiler_words())) return {Zone::Boilerplate, "cue: newsletter/copyright/subscribe"};
    // Page text that a scraper glues into one long line ("Newsletter Sign Up Continue reading the
    // main story Please verify you're not a robot ...").
    if (l.words <= 150 && (keys_ & kGlueKeys) && glued_page_text(l)) {
      return {Zone::Boilerplate, "cue: page text run into one line (Continue reading the main story, Sign Up)"};
    }
    if (starts_with(l, {"related"}) || starts_with(l, {"more"}) || starts_with(l, {"also"}) ||
        starts_with(l, {"see", "also"}) || starts_with(l, {"read"})) {
      if (fw + 1 < l.end_token && t_[fw + 1].lower == ":"sv && l.words <= 25) return {Zone::Boilerplate, "cue: RELATED:/MORE:/READ: link"};
    }
    if (author_bio(l)) return {Zone::Boilerplate, "cue: an author bio (NAME is a reporter for ...)"};
    if (editor_note(l)) return {Zone::Boilerplate, "cue: an editor's note or correction"};

    // Bylines and datelines.
    if (l.words <= 10 && (starts_with(l, {"by"}) && fw + 1 < l.end_token && t_[fw + 1].capitalized)) return {Zone::Byline, "cue: By NAME"};
    if (l.words <= 10 && (starts_with(l, {"written", "by"}) || starts_with(l, {"posted", "by"}) ||
                          starts_with(l, {"story", "by"}))) return {Zone::Byline, "cue: By NAME"};
    if (l.words <= 25 && (has_phrase(l, {"contributed", "to", "this", "report"}) || has_phrase(l, {"contributed", "reporting"}) ||
                          has_phrase(l, {"editing", "by"}) || has_phrase(l, {"reporting", "by"}) ||
                          starts_with(l, {"contributing"}) || starts_with(l, {"with", "post", "wire"}) ||
                          starts_with(l, {"with", "post", "wires"}) || starts_with(l, {"with", "assistance", "by"}))) {
      return {Zone::Byline, "cue: a credit line (contributed to this report, Reporting by)"};
    }
    if (dateline_only(l)) return {Zone::Dateline, "shape: a place or date standing alone"};
    // All-caps kickers ("EXCLUSIVE:", "BREAKING NEWS").
    if (l.words <= 6 && all_caps_line(l)) return {Zone::Headline, "shape: an all-caps kicker"};
    return {};
  }

  // "... pic.twitter.com/xyz", "— Ryan Fournier (@RyanAFournier) May 2, 2019"
  bool tweet(const TextLine& l) const {
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      const std::string& w = t_[k].lower;
      if (w.rfind("pic.twitter"sv, 0) == 0 || (w == "twitter"sv && k > l.first_token && t_[k - 1].lower == "pic"sv)) return true;
      if (w == "@"sv || (!w.empty() && w[0] == '@')) {
        if (k > l.first_token && t_[k - 1].lower == "("sv) return true;
      }
    }
    return false;
  }
  // "jane.roe@ledger.com": an e-mail address (an author's contact line).
  bool has_email(const TextLine& l) const {
    if (l.words > 25) return false;
    for (int32_t k = l.first_token + 1; k + 1 < l.end_token; ++k) {
      // "jane" "@" "ledger" "." "com": a word glued on both sides, then a dot (a handle has none before it)
      if (t_[k].lower == "@"sv && !t_[k].space_before && t_[k - 1].kind == TokenKind::Word && !t_[k + 1].space_before &&
          k + 2 < l.end_token && t_[k + 2].lower == "."sv && !t_[k + 2].space_before) return true;
      const std::string& w = t_[k].lower;
      const size_t at = w.find('@');
      if (at != std::string::npos && at > 0 && w.find('.', at) != std::string::npos) return true;
    }
    return false;
  }
  bool ends_with_here_colon(const TextLine& l) const {
    const int32_t e = l.end_token;
    return e - l.first_token >= 2 && t_[e - 1].lower == ":"sv && t_[e - 2].lower == "here"sv;
  }
  // Long lines are running text but for a few cues; checked with one scan for trigger words
  // instead of every phrase test (the text layer's speed is in these lines).
  Verdict by_cue_long(const TextLine& l, int32_t fw) const {
    if (starts_with(l, {"file", "photo"})) return {Zone::Caption, "cue: FILE PHOTO"};
    if (author_bio(l)) return {Zone::Boilerplate, "cue: an author bio (NAME is a reporter for ...)"};
    if (editor_note(l)) return {Zone::Boilerplate, "cue: an editor's note or correction"};
    if (l.words > 150) return {};
    static const uint64_t kLongKeys = mask_of({"watched", "replay", "continue", "newsletter", "robot", "emails", "javascript"});
    if (!(keys_ & kLongKeys)) return {};
    if (l.words <= 60 && (has_phrase(l, {"just", "watched"}) || has_phrase(l, {"replay", "more", "videos"}))) {
      return {Zone::Caption, "cue: a video box (JUST WATCHED / Replay More Videos)"};
    }
    if (l.words <= 150 && glued_page_text(l)) {
      return {Zone::Boilerplate, "cue: page text run into one line (Continue reading the main story, Sign Up)"};
    }
    (void)fw;
    return {};
  }

  bool glued_page_text(const TextLine& l) const {
    return has_phrase(l, {"continue", "reading", "the", "main", "story"}) || has_phrase(l, {"select", "a", "newsletter"}) ||
           has_phrase(l, {"not", "a", "robot"}) || has_phrase(l, {"you", "will", "receive", "emails"}) ||
           has_phrase(l, {"requires", "javascript"}) || has_phrase(l, {"enable", "javascript"});
  }
  bool all_caps_line(const TextLine& l) const {
    int32_t words = 0;
    for (int32_t k = l.first_token; k < l.end_token; ++k) {
      if (!is_word(t_[k])) continue;
      if (!t_[k].all_caps && t_[k].span.size() > 1) return false;
      ++words;
    }
    return words > 0;
  }
  // "... (Photo by AFP)", "... Getty Images", "... REUTERS/Kevin Lamarque", "AP"
  bool credit_tail(const TextLine& l) const {
    int32_t k = l.end_token - 1;
    while (k >= l.first_token && (t_[k].kind == TokenKind::Punct || t_[k].kind == TokenKind::Quote)) --k;
    // Up to five capitalised words back to a slash or an agency word.
    for (int32_t j = k, seen = 0; j >= l.first_token && seen < 6; --j) {
      const Token& t = t_[j];
      if (t.kind == TokenKind::Punct && t.lower == "/"sv) {
        return j > l.first_token && credit_words().contains(t_[j - 1].hash, t_[j - 1].lower);
      }
      if (!is_word(t)) continue;
      ++seen;
      if (!t.capitalized) return false;
    }
    return false;
  }
  // "(L)", "(R)", "(C)", "(left)", "(right)", "(center)": a photo's position markers.
  bool has_marker(const TextLine& l) const {
    for (int32_t k = l.first_token + 1; k + 1 < l.end_token; ++k) {
      if (t_[k - 1].lower != "("sv || t_[k + 1].lower != ")"sv) continue;
      const std::string& w = t_[k].lower;
      if ((w == "l"sv || w == "r"sv || w == "c"sv) && t_[k].capitalized) return true;
      if (w == "left"sv || w == "right"sv || w == "center"sv || w == "centre"sv || w == "pictured"sv) return true;
    }
    return false;
  }
  // "Jane Doe is a reporter for ...", "John Smith is the author of ...", "Follow Amber on ...".
  bool author_bio(const TextLine& l) const {
    if (l.words > 60) return false;
    int32_t k = l.first_token, names = 0;
    while (k < l.end_token && is_word(t_[k]) && t_[k].capitalized && names < 4) { ++k; ++names; }
    if (names < 2 || k >= l.end_token) return false;
    if (t_[k].lower != "is"sv && t_[k].lower != "was"sv) return false;
    int32_t limit = std::min(l.end_token, k + 8);
    for (int32_t j = k + 1; j < limit; ++j) {
      if (bio_nouns().contains(t_[j].hash, t_[j].lower)) {
        // "... a reporter for/at/with X", "the author of", "senior fellow at"
        for (int32_t q = j + 1; q < std::min(l.end_token, j + 6); ++q) {
          const std::string& w = t_[q].lower;
          if (w == "for"sv || w == "at"sv || w == "of"sv || w == "with"sv || w == "in"sv) return true;
        }
      }
    }
    return false;
  }
  bool editor_note(const TextLine& l) const {
    if (l.words > 80) return false;
    if (starts_with(l, {"editor's", "note"}) || starts_with(l, {"editor", "'s", "note"}) ||
        starts_with(l, {"correction"}) || starts_with(l, {"clarification"})) {
      const int32_t fw = first_word(l);
      for (int32_t k = fw; k < std::min(l.end_token, fw + 5); ++k) if (t_[k].lower == ":"sv) return true;
    }
    return false;
  }

  const Document& d_;
  const std::vector<Token>& t_;
  const ZoneTable* table_;
  std::vector<TextLine> lines_;
  bool no_body_ = false;
  mutable uint64_t keys_ = ~uint64_t{0};  // phrase key bits of the line under test
};

}  // namespace

namespace {

// A word glued to the next one by case: "TrumpGOP" (a link's name run into a headline).
bool camel_join(const Document& doc, const Token& t) {
  for (int32_t k = t.span.start + 1; k + 1 < t.span.end; ++k) {
    if (is_lower_cp(doc.cps[k]) && is_upper_cp(doc.cps[k + 1])) return true;
  }
  return false;
}

// The Hill writes a link box into the running text: "President Trump Donald John TrumpGOP senators
// balk at ... 2020 Democrats make play for veterans' votes MORE's attorney". The tokens from the
// hidden full name to "MORE" are site text.
void mark_inline_links(Document& doc) {
  auto& t = doc.tokens;
  const int32_t n = static_cast<int32_t>(t.size());
  for (int32_t i = 0; i < n; ++i) {
    if (t[i].kind != TokenKind::Word || !t[i].capitalized || !camel_join(doc, t[i])) continue;
    int32_t more = -1;
    for (int32_t j = i + 1; j < n && j < i + 80 && t[j].breaks_before == 0; ++j) {
      if (t[j].all_caps && t[j].lower == "more") { more = j; break; }
    }
    if (more < 0) continue;
    // Back over the hidden full name ("Donald John"), at most three capitalised words.
    int32_t b = i;
    while (b > 0 && i - b < 3 && t[b - 1].kind == TokenKind::Word && t[b - 1].capitalized && t[b - 1].breaks_before == 0 &&
           t[i].lower.rfind(t[b - 1].lower, 0) != 0) {
      --b;
    }
    for (int32_t k = b; k <= more; ++k) t[k].aside = true;
    i = more;
  }
}

}  // namespace

void assign_zones(Document& doc, const ZoneTable* table) {
  if (doc.sentences.empty()) return;
  Classifier(doc, table).run(doc);
  mark_inline_links(doc);
}

}  // namespace framelens
