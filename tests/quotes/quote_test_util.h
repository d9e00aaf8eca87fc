#pragma once
// Helpers for the quotes tests: build a Document from hand-written news text and run the quotes
// stage on it (without the actors stage unless a test adds actors itself).
#include <string>

#include "analyzer/quotes/quotes_stage.h"
#include "analyzer/text/document.h"

namespace framelens::quotes_test {

inline Document annotate(const std::string& text) {
  auto d = make_document(text, {});
  REQUIRE(d.ok());
  QuotesStage().annotate(*d);
  return std::move(*d);
}

inline std::string text_of(const Document& d, Span s) { return std::string(d.slice(s)); }

// The first quote of `kind` whose text contains `needle`, or nullptr.
inline const Quote* find_quote(const Document& d, const std::string& needle, const std::string& kind = "") {
  for (const auto& q : d.quotes) {
    if (!kind.empty() && q.kind != kind) continue;
    if (text_of(d, q.span).find(needle) != std::string::npos) return &q;
  }
  return nullptr;
}

inline int count_kind(const Document& d, const std::string& kind) {
  int n = 0;
  for (const auto& q : d.quotes) n += q.kind == kind;
  return n;
}

inline std::string speaker_name(const Quote& q) { return q.speaker ? q.speaker->name : std::string(); }

}  // namespace framelens::quotes_test
