#include "analyzer/train/gold_loaded_eval.h"

#include <cstdio>

namespace framelens {

bool voice_from_name(std::string_view s, TermVoice& out) {
  for (int v = 0; v < kVoiceCount; ++v) {
    if (voice_name(static_cast<TermVoice>(v)) == s) {
      out = static_cast<TermVoice>(v);
      return true;
    }
  }
  return false;
}

void add_gold_loaded(const Document& doc, const GoldArticle& gold, GoldLoadedReport& r) {
  if (!gold.has_layer("loaded")) return;
  ++r.articles;
  struct G {
    Span span;
    int voice;
    QuoteKind kind;
  };
  std::vector<G> gs;
  for (const GoldTerm& t : gold.loaded) {
    TermVoice v = TermVoice::Own;
    if (!voice_from_name(t.voice, v)) continue;  // the loader checks names; unknown ones are skipped
    QuoteKind k = QuoteKind::None;
    if (t.quote_kind == "direct") k = QuoteKind::Direct;
    if (t.quote_kind == "partial") k = QuoteKind::Partial;
    if (t.quote_kind == "scare") k = QuoteKind::Scare;
    gs.push_back({t.span, static_cast<int>(v), k});
  }
  const auto& found = doc.loaded_terms;
  auto text_of = [&](Span s) { return std::string(doc.slice(s)); };

  for (const LoadedTerm& f : found) {
    const int fv = static_cast<int>(f.voice);
    bool right = false, any = false;
    for (const G& g : gs) {
      if (!g.span.overlaps(f.span)) continue;
      any = true;
      right = right || g.voice == fv;
    }
    ++r.voice[fv].found;
    r.voice[fv].found_right += right;
    ++r.any.found;
    r.any.found_right += any;
    if (!any) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " (%s %.2f)", f.category.c_str(), f.score);
      r.false_terms.push_back(gold.id + " " + std::string(voice_name(f.voice)) + ": " + text_of(f.span) + buf);
    }
  }
  for (const G& g : gs) {
    ++r.voice[g.voice].gold;
    ++r.any.gold;
    int first = kNoVoice;
    bool same = false;
    const LoadedTerm* same_term = nullptr;
    for (const LoadedTerm& f : found) {
      if (!g.span.overlaps(f.span)) continue;
      if (first == kNoVoice) first = static_cast<int>(f.voice);
      if (static_cast<int>(f.voice) == g.voice && !same) {
        same = true;
        same_term = &f;
      }
    }
    r.confusion[g.voice][same ? g.voice : first]++;
    r.voice[g.voice].gold_found += same;
    r.any.gold_found += first != kNoVoice;
    const std::string gv(voice_name(static_cast<TermVoice>(g.voice)));
    if (first == kNoVoice) {
      r.missed.push_back(gold.id + " " + gv + ": " + text_of(g.span));
    } else if (!same) {
      r.wrong_voice.push_back(gold.id + " " + gv + " -> " + std::string(voice_name(static_cast<TermVoice>(first))) +
                              ": " + text_of(g.span));
    }
    if (same && g.voice == static_cast<int>(TermVoice::Quoted)) {
      ++r.quoted_pairs;
      r.quote_kind_right += same_term->quote_kind == g.kind;
    }
  }
}

}  // namespace framelens
