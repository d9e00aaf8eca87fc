#include "analyzer/train/gold_quotes_eval.h"

#include <algorithm>
#include <set>

namespace framelens {

namespace {

int32_t overlap(Span a, Span b) { return std::max(0, std::min(a.end, b.end) - std::max(a.start, b.start)); }

// The PolNeAR eval's greedy one-to-one matching: for each gold quote, in order, its best remaining
// found quote when overlap / max(len) >= 0.5. Returns the found index per gold quote or -1.
std::vector<int> match(const std::vector<GoldQuote>& gold, const std::vector<Quote>& found) {
  std::vector<int> m(gold.size(), -1);
  std::vector<bool> used(found.size(), false);
  for (size_t g = 0; g < gold.size(); ++g) {
    double best = 0.0;
    int bi = -1;
    for (size_t i = 0; i < found.size(); ++i) {
      if (used[i]) continue;
      const Span a = gold[g].span, b = found[i].span;
      const double ratio = static_cast<double>(overlap(a, b)) / std::max({a.size(), b.size(), 1});
      if (ratio > best) best = ratio, bi = static_cast<int>(i);
    }
    if (bi < 0 || best < 0.5) continue;
    used[bi] = true;
    m[g] = bi;
  }
  return m;
}

bool unresolved(const Quote& q) { return !q.speaker || q.speaker->actor < 0; }

bool speaker_right(const Document& doc, const GoldArticle& g, const GoldQuote& gq, const Quote& q) {
  if (gq.speaker.empty()) return unresolved(q);
  if (!q.speaker) return false;
  std::set<std::string> forms;
  for (const GoldActor& a : g.actors) {
    if (a.name != gq.speaker) continue;
    forms.insert(normalize_actor_name(a.name));
    for (const auto& f : a.forms) forms.insert(normalize_actor_name(f));
  }
  if (forms.empty()) forms.insert(normalize_actor_name(gq.speaker));
  std::vector<std::string> names = {q.speaker->name};
  if (q.speaker->actor >= 0 && q.speaker->actor < static_cast<int32_t>(doc.actors.size())) {
    const Actor& a = doc.actors[q.speaker->actor];
    names.push_back(a.name);
    names.insert(names.end(), a.aliases.begin(), a.aliases.end());
  }
  for (const auto& n : names) {
    if (forms.count(normalize_actor_name(n))) return true;
  }
  return false;
}

std::string context(const Document& d, Span s) {
  const int32_t a = std::max(0, s.start - 60), b = std::min(d.size(), s.end + 40);
  const int32_t e = std::min(s.end, s.start + 160);
  std::string out = std::string(d.slice({a, s.start})) + "[[" + std::string(d.slice({s.start, e})) +
                    (e < s.end ? "..." : "") + "]]" + std::string(d.slice({s.end, b}));
  for (auto& c : out) if (c == '\n') c = '|';
  return out;
}

std::string speaker_text(const Document& d, const Quote& q) {
  if (!q.speaker) return "none";
  std::string s = std::string(d.slice(q.speaker->span)) + " -> " + q.speaker->name;
  if (q.speaker->actor >= 0 && q.speaker->actor < static_cast<int32_t>(d.actors.size()))
    s += " [" + d.actors[q.speaker->actor].name + "]";
  else
    s += " [no actor]";
  return s;
}


bool is_mark(char32_t c) { return c == U'"' || c == 0x201C || c == 0x201D || c == 0xAB || c == 0xBB; }

// A mark within the two code points before the span's start and after its end (devscore.is_direct).
bool enclosed(const Document& d, Span s) {
  const int32_t n = static_cast<int32_t>(d.cps.size());
  auto any = [&](int32_t a, int32_t b) {
    for (int32_t i = std::max(a, 0); i < std::min(b, n); ++i) if (is_mark(d.cps[i])) return true;
    return false;
  };
  return any(s.start - 2, s.start + 1) && any(s.end - 1, s.end + 2);
}

}  // namespace

int gold_quote_kind(std::string_view kind) {
  if (kind == "direct") return 0;
  if (kind == "mixed") return 1;
  if (kind == "indirect") return 2;
  return -1;
}

std::vector<Quote> gold_units(const Document& doc) {
  std::vector<Quote> out;
  for (const Quote& q : doc.quotes) {
    if (q.fragments.size() < 2) {
      out.push_back(q);
      continue;
    }
    for (const Span& f : q.fragments) {
      Quote piece = q;
      piece.fragments.clear();
      piece.span = f;
      if (q.kind != "direct" && enclosed(doc, f)) piece.kind = "direct";
      out.push_back(std::move(piece));
    }
  }
  return out;
}

void add_gold_quotes(const Document& doc, const GoldArticle& g, GoldQuotesReport& r) {
  if (!g.has_layer("quotes")) return;
  ++r.articles;
  const std::vector<Quote> found = gold_units(doc);
  const auto m = match(g.quotes, found);
  std::vector<int> gold_of(found.size(), -1);
  for (size_t k = 0; k < g.quotes.size(); ++k) if (m[k] >= 0) gold_of[m[k]] = static_cast<int>(k);

  auto slots = [](int kind) {
    std::vector<int> s = {kind, 3};
    if (kind == 0 || kind == 1) s.push_back(4);
    return s;
  };
  for (size_t k = 0; k < g.quotes.size(); ++k) {
    const GoldQuote& gq = g.quotes[k];
    const int kind = gold_quote_kind(gq.kind);
    if (kind < 0) continue;
    if (gq.negated) {
      // Negated speech is right when reported with negated: true or not at all.
      ++r.gold_negated;
      if (m[k] < 0) ++r.negated_dropped;
      else if (found[m[k]].negated) ++r.negated_flagged;
      continue;
    }
    if (gq.speaker.empty()) ++r.gold_null_speaker;
    for (int s : slots(kind)) ++r.by_kind[s].gold;
    if (m[k] < 0) {
      r.missed.push_back(g.id + " " + gq.kind + " (" + (gq.speaker.empty() ? "null" : gq.speaker) + "): " +
                         context(doc, gq.span));
      continue;
    }
    const Quote& q = found[m[k]];
    for (int s : slots(kind)) ++r.by_kind[s].gold_found;
    ++r.kind_checked;
    r.kind_right += q.kind == gq.kind;
    const bool ok = speaker_right(doc, g, gq, q);
    for (int s : slots(kind)) {
      ++r.by_kind[s].speaker_n;
      r.by_kind[s].speaker_ok += ok;
    }
    if (!ok) {
      r.wrong_speaker.push_back(g.id + " " + gq.kind + " gold=" + (gq.speaker.empty() ? "null" : gq.speaker) +
                                " found=" + speaker_text(doc, q) + ": " + context(doc, gq.span));
    }
  }
  for (size_t i = 0; i < found.size(); ++i) {
    const Quote& q = found[i];
    const int kind = gold_quote_kind(q.kind);
    if (kind < 0) continue;
    const int k = gold_of[i];
    if (k >= 0 && g.quotes[k].negated && q.negated) continue;  // neither right nor wrong
    for (int s : slots(kind)) ++r.by_kind[s].found;
    const bool right = k >= 0 && !g.quotes[k].negated;
    if (right) {
      for (int s : slots(kind)) ++r.by_kind[s].found_right;
      if (q.negated) ++r.found_negated_wrong;
    } else {
      r.spurious.push_back(g.id + " " + q.kind + (k >= 0 ? " (gold negated)" : "") + " " + speaker_text(doc, q) +
                           ": " + context(doc, q.span));
    }
  }
}

}  // namespace framelens
