#pragma once
// Hand-built documents with every layer filled, for the report tests (ASCII text, so byte
// offsets are code point offsets).
#include <string>

#include "analyzer/text/document.h"

namespace framelens::testing {

inline Span find_span(const Document& d, const std::string& what, size_t from = 0) {
  const auto p = d.utf8.find(what, from);
  return {static_cast<int32_t>(p), static_cast<int32_t>(p + what.size())};
}

// A short council story; `loaded` adds an own-voice loaded term, `stance` is the mayor's stance.
inline Document council_story(const std::string& id, const std::string& outlet, bool loaded, double stance,
                              const std::string& extra_text = "") {
  const std::string text =
      "Mayor Elena Marsh pushed through a fare rise on Monday. \"This hurts riders,\" said Tom Rikard, "
      "a council member.\n\nMarsh claimed the plan was needed." + extra_text;
  Document d = make_document(text, {id, "Fares " + id, outlet, "2024-03-04", "https://example.org/" + id}).value();
  Actor mayor;
  mayor.id = "a1";
  mayor.name = "Elena Marsh";
  mayor.type = "person";
  mayor.mentions = {{find_span(d, "Elena Marsh"), false}, {find_span(d, "Marsh", 60), false}};
  mayor.stance.present = true;
  mayor.stance.score = stance;
  mayor.stance.label = stance < 0 ? "negative" : "positive";
  mayor.role = stance < 0 ? "villain" : "none";
  Actor rikard;
  rikard.id = "a2";
  rikard.name = "Tom Rikard";
  rikard.type = "person";
  rikard.mentions = {{find_span(d, "Tom Rikard"), false}};
  rikard.quoted = 1;
  d.actors = {mayor, rikard};
  Quote q;
  q.span = find_span(d, "This hurts riders,");
  q.kind = "direct";
  q.speaker = QuoteSpeaker{find_span(d, "Tom Rikard"), "Tom Rikard", 1, false};
  q.cue = QuoteCue{find_span(d, "said"), "say", false};
  Quote q2;
  q2.span = find_span(d, "the plan was needed");
  q2.kind = "indirect";
  q2.speaker = QuoteSpeaker{find_span(d, "Marsh", 60), "Elena Marsh", 0, false};
  q2.cue = QuoteCue{find_span(d, "claimed"), "claim", true};
  d.quotes = {q, q2};
  d.loaded_terms.push_back({find_span(d, "hurts"), 0.7, "loaded", true, 1, TermVoice::Quoted, QuoteKind::Direct});
  if (loaded) d.loaded_terms.push_back({find_span(d, "pushed through"), 0.8, "loaded", false, 0});
  d.frames_mfc = {{"Economic", 0.8, true}, {"Political", 0.3, false}};
  d.frames_generic = {{"conflict", 0.6, true}};
  d.leaning = {loaded ? "right" : "center", 0.1, loaded ? 0.2 : 0.7, loaded ? 0.7 : 0.2, loaded ? 0.6 : 0.1};
  for (auto& s : d.sentences) s.bias_score = loaded ? 0.6 : 0.2, s.biased = loaded;
  d.terms_scored = true;  // the loaded-wording layer "ran"
  return d;
}

}  // namespace framelens::testing
