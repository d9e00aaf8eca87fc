#include "analyzer/train/quotes_eval.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"
#include "analyzer/text/utf8.h"

namespace framelens {

namespace {

using json = nlohmann::json;

struct GoldSpan {
  int32_t start = 0, end = 0;
  std::string text;
  bool present = false;
};

GoldSpan gold_span(const json& j) {
  GoldSpan g;
  if (!j.is_object()) return g;
  g.start = j.value("start", 0);
  g.end = j.value("end", 0);
  g.text = j.value("text", std::string());
  g.present = true;
  return g;
}

bool is_mark(char32_t c) { return c == U'"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB; }

// devscore.is_direct: a mark in text[start-2 : start+1] and in text[end-1 : end+2].
bool is_direct(const std::u32string& t, int32_t s, int32_t e) {
  const int32_t n = static_cast<int32_t>(t.size());
  auto any = [&](int32_t a, int32_t b) {
    a = std::max(a, 0);
    b = std::min(b, n);
    for (int32_t i = a; i < b; ++i) if (is_mark(t[i])) return true;
    return false;
  };
  return any(s - 2, s + 1) && any(e - 1, e + 2);
}

int32_t overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1) {
  return std::max(0, std::min(a1, b1) - std::max(a0, b0));
}

std::u32string decode(const std::string& s) {
  auto d = decode_utf8(s, true);
  return d ? d->cps : std::u32string();
}

// Python: w.strip(".,'’s").lower()
std::u32string strip_lower(std::u32string w) {
  auto strip = [](char32_t c) { return c == U'.' || c == U',' || c == U'\'' || c == 0x2019 || c == U's'; };
  size_t a = 0, b = w.size();
  while (a < b && strip(w[a])) ++a;
  while (b > a && strip(w[b - 1])) --b;
  std::u32string out;
  for (size_t i = a; i < b; ++i) out.push_back(to_lower_cp(w[i]));
  return out;
}

std::vector<std::u32string> split_ws(const std::u32string& s) {
  std::vector<std::u32string> out;
  std::u32string cur;
  for (char32_t c : s) {
    if (is_space_cp(c)) {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Python: src.strip().lower() in PRONOUNS (strip() also removes Unicode spaces such as NBSP).
bool bare_pronoun(const std::string& src) {
  static const std::set<std::u32string> p = {U"he", U"she", U"they", U"it", U"we", U"i", U"you", U"him", U"her", U"them"};
  const std::u32string w = decode(src);
  size_t a = 0, b = w.size();
  while (a < b && is_space_cp(w[a])) ++a;
  while (b > a && is_space_cp(w[b - 1])) --b;
  std::u32string s;
  for (size_t i = a; i < b; ++i) s.push_back(to_lower_cp(w[i]));
  return p.count(s) > 0;
}

bool speaker_right(const GoldSpan& src, const Quote& q) {
  if (!q.speaker) return false;
  const auto& s = *q.speaker;
  if (overlap(src.start, src.end, s.span.start, s.span.end) > 0) return true;
  std::set<std::u32string> pred;
  for (const auto& w : split_ws(decode(s.name))) {
    if (!w.empty() && is_upper_cp(w[0])) pred.insert(strip_lower(w));
  }
  for (const auto& w : split_ws(decode(src.text))) {
    if (pred.count(strip_lower(w))) return true;
  }
  return false;
}

std::string context(const Document& d, int32_t s, int32_t e) {
  const int32_t a = std::max(0, s - 80), b = std::min(d.size(), e + 60);
  std::string out = std::string(d.slice({a, s})) + "[[" + std::string(d.slice({s, e})) + "]]" +
                    std::string(d.slice({e, b}));
  for (auto& c : out) if (c == '\n') c = '|';
  return out;
}

// Greedy one-to-one matching as in devscore; returns for each gold the matched pred or -1.
std::vector<int> match(const std::vector<GoldSpan>& gold, const std::vector<const Quote*>& pred) {
  std::vector<int> m(gold.size(), -1);
  std::vector<bool> used(pred.size(), false);
  for (size_t g = 0; g < gold.size(); ++g) {
    double best = 0.0;
    int bi = -1;
    for (size_t i = 0; i < pred.size(); ++i) {
      if (used[i]) continue;
      const auto& q = pred[i]->span;
      const double ratio = static_cast<double>(overlap(gold[g].start, gold[g].end, q.start, q.end)) /
                           std::max({gold[g].end - gold[g].start, q.end - q.start, 1});
      if (ratio > best) best = ratio, bi = static_cast<int>(i);
    }
    if (bi < 0 || best < 0.5) continue;
    used[bi] = true;
    m[g] = bi;
  }
  return m;
}

}  // namespace

Result<QuoteEvalResult> evaluate_quotes(const Pipeline& pipeline, const QuoteEvalOptions& opt) {
  // JSON Lines (plain or .gz) through the shared reader.
  LineReader reader;
  if (Status st = reader.open(opt.data); !st) return st.error();
  QuoteEvalResult r;
  std::string line_buf;
  while (reader.next(line_buf)) {
    const std::string_view line(line_buf);
    const long line_no = reader.line_number();
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (opt.limit && r.articles >= opt.limit) break;
    json rec;
    try {
      rec = json::parse(line);
    } catch (const std::exception& e) {
      return input_error(opt.data + ":" + std::to_string(line_no) + ": invalid JSON (" + e.what() + ")");
    }
    if (!rec.is_object() || !rec.contains("text") || !rec["text"].is_string() || !rec.contains("attributions")) {
      return input_error(opt.data + ":" + std::to_string(line_no) + ": expected an object with text and attributions");
    }
    InputRecord in;
    in.meta.id = rec.value("id", std::string());
    in.meta.title = rec.value("title", std::string());
    in.meta.outlet = rec.value("outlet", std::string());
    in.text = rec["text"].get<std::string>();
    const auto t0 = std::chrono::steady_clock::now();
    auto doc = pipeline.analyze(in);
    r.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!doc) return Error{doc.error().kind, opt.data + ":" + std::to_string(line_no) + ": " + doc.error().message};
    ++r.articles;
    const std::u32string& text = doc->cps;

    std::vector<GoldSpan> gd, gi;      // gold direct / indirect content
    std::vector<GoldSpan> sd, si;      // their sources
    for (const auto& a : rec["attributions"]) {
      GoldSpan c = gold_span(a.contains("content") ? a["content"] : json());
      if (!c.present) continue;
      GoldSpan s = gold_span(a.contains("source") ? a["source"] : json());
      if (is_direct(text, c.start, c.end)) {
        gd.push_back(c), sd.push_back(s);
      } else {
        gi.push_back(c), si.push_back(s);
      }
    }
    std::vector<const Quote*> pd, pi;
    for (const auto& q : doc->quotes) (q.kind == "direct" ? pd : pi).push_back(&q);

    auto score = [&](const std::vector<GoldSpan>& gold, const std::vector<GoldSpan>& src,
                     const std::vector<const Quote*>& pred, int64_t& tp, int64_t& fp, int64_t& fn,
                     int64_t& ok, int64_t& n, const char* tag) {
      const auto m = match(gold, pred);
      std::vector<bool> used(pred.size(), false);
      for (size_t g = 0; g < gold.size(); ++g) {
        if (m[g] < 0) {
          ++fn;
          if (opt.misses) *opt.misses << tag << " FN " << in.meta.id << " " << context(*doc, gold[g].start, gold[g].end) << "\n";
          continue;
        }
        ++tp;
        used[m[g]] = true;
        if (src[g].present && !src[g].text.empty() && !bare_pronoun(src[g].text)) {
          ++n;
          const bool right = speaker_right(src[g], *pred[m[g]]);
          ok += right;
          if (!right && opt.misses) {
            const Quote& q = *pred[m[g]];
            *opt.misses << tag << " SPEAKER " << in.meta.id << " gold=" << src[g].text << " pred="
                        << (q.speaker ? std::string(doc->slice(q.speaker->span)) + " -> " + q.speaker->name : "none")
                        << " :: " << context(*doc, gold[g].start, gold[g].end) << "\n";
          }
        }
      }
      for (size_t i = 0; i < pred.size(); ++i) {
        if (used[i]) continue;
        ++fp;
        if (opt.misses) *opt.misses << tag << " FP " << in.meta.id << " " << context(*doc, pred[i]->span.start, pred[i]->span.end) << "\n";
      }
    };
    score(gd, sd, pd, r.tp, r.fp, r.fn, r.speaker_ok, r.speaker_n, "direct");
    score(gi, si, pi, r.ind_tp, r.ind_fp, r.ind_fn, r.ind_speaker_ok, r.ind_speaker_n, "indirect");
  }
  if (!reader.error().empty()) return input_error(reader.error());  // e.g. a truncated .gz
  return r;
}

}  // namespace framelens
