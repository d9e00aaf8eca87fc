#include <catch2/catch.hpp>

#include <string>

#include "analyzer/terms/term_voice.h"
#include "tests/test_doc.h"

using namespace framelens;
using namespace framelens::terms;

namespace {

// Adds a loaded term on the first occurrence of `word` (as the terms stage would).
void term_on(Document& d, const std::string& word, size_t from = 0) {
  const size_t at = d.utf8.find(word, from);
  REQUIRE(at != std::string::npos);
  LoadedTerm t;
  t.span = {static_cast<int32_t>(at), static_cast<int32_t>(at + word.size())};  // ASCII: bytes = code points
  t.category = "loaded";
  t.sentence = d.sentence_at(t.span.start);
  d.loaded_terms.push_back(t);
}

Span span_of(const Document& d, const std::string& s) {
  const size_t at = d.utf8.find(s);
  REQUIRE(at != std::string::npos);
  return {static_cast<int32_t>(at), static_cast<int32_t>(at + s.size())};
}

}  // namespace

TEST_CASE("term voice: own narration, direct quote, partial quote, paraphrase", "[terms][voice]") {
  auto d = doc_of(
      "Critics denounced the reckless budget. \"This is a disastrous budget that will ruin every family in the "
      "state,\" the senator said. She called it a \"shameful\" deal. The governor said the plan was outrageous.");
  for (auto& s : d.sentences) s.zone = Zone::Body;
  Quote direct;
  direct.kind = "direct";
  direct.span = span_of(d, "This is a disastrous budget that will ruin every family in the state,");
  d.quotes.push_back(direct);
  Quote ind;
  ind.kind = "indirect";
  ind.span = span_of(d, "the plan was outrageous");
  d.quotes.push_back(ind);
  term_on(d, "reckless");
  term_on(d, "disastrous");
  term_on(d, "shameful");
  term_on(d, "outrageous");
  assign_voices(d);
  REQUIRE(d.loaded_terms.size() == 4);
  CHECK(d.loaded_terms[0].voice == TermVoice::Own);
  CHECK_FALSE(d.loaded_terms[0].in_quote);
  CHECK(d.loaded_terms[1].voice == TermVoice::Quoted);
  CHECK(d.loaded_terms[1].quote_kind == QuoteKind::Direct);
  CHECK(d.loaded_terms[1].in_quote);
  // Inside quotation marks the quotes layer did not make a quote of: never the outlet's voice.
  CHECK(d.loaded_terms[2].voice == TermVoice::Quoted);
  CHECK(d.loaded_terms[2].quote_kind == QuoteKind::Partial);
  CHECK(d.loaded_terms[3].voice == TermVoice::Paraphrased);
  CHECK(d.loaded_terms[3].quote_kind == QuoteKind::None);
  CHECK(d.loaded_terms[3].in_quote);
}

TEST_CASE("term voice: scare quotes, headline, caption", "[terms][voice]") {
  auto d = doc_of("Senate passes reckless bill\n\nThe so-called \"reform\" passed. FILE PHOTO: a reckless crowd.");
  d.scare_quotes.push_back(span_of(d, "reform"));
  for (auto& s : d.sentences) s.zone = Zone::Body;  // zones by hand, not by the text layer's patterns
  d.sentences[0].zone = Zone::Headline;
  const int32_t cap = d.sentence_at(span_of(d, "FILE PHOTO").start);
  REQUIRE(cap > 0);
  d.sentences[cap].zone = Zone::Caption;
  term_on(d, "reckless");
  term_on(d, "reform");
  term_on(d, "reckless", d.utf8.find("crowd") - 10);
  assign_voices(d);
  REQUIRE(d.loaded_terms.size() == 2);  // the caption's term is dropped
  CHECK(d.loaded_terms[0].voice == TermVoice::Headline);
  CHECK(d.loaded_terms[1].voice == TermVoice::Quoted);
  CHECK(d.loaded_terms[1].quote_kind == QuoteKind::Scare);
}

TEST_CASE("term voice: negated uses give no term", "[terms][voice]") {
  auto d = doc_of(
      "It is not a bad idea. He did not say it was a bad idea. It is not only bad but costly. Not now, a bad "
      "idea anyway. It was a bad idea. They did not attend the talks about the bad plan.");
  size_t from = 0;
  for (int i = 0; i < 6; ++i) {
    term_on(d, "bad", from);
    from = d.utf8.find("bad", from) + 3;
  }
  assign_voices(d);
  REQUIRE(d.loaded_terms.size() == 4);
  CHECK(d.sentence_at(d.loaded_terms[0].span.start) == 2);  // "not only bad": not a denial
  CHECK(d.sentence_at(d.loaded_terms[1].span.start) == 3);  // the comma ends the negation's reach
  CHECK(d.sentence_at(d.loaded_terms[2].span.start) == 4);
  CHECK(d.sentence_at(d.loaded_terms[3].span.start) == 5);  // far from a negated verb that is no saying
  CHECK(negated_at(d, d.token_at_or_after(span_of(d, "bad").start)));
}

TEST_CASE("term voice: after an unpaired quotation mark the term is quoted", "[terms][voice]") {
  auto d = doc_of("He said \u201cthe reckless plan will fail and so will they all\n\nThe reckless plan passed.");
  for (auto& s : d.sentences) s.zone = Zone::Body;
  const size_t first = d.utf8.find("reckless");
  const size_t second = d.utf8.find("reckless", first + 1);
  for (size_t at : {first, second}) {
    LoadedTerm t;
    const int32_t tok = d.token_at_or_after(d.size() - static_cast<int32_t>(d.utf8.size() - at));
    t.span = d.tokens[tok].span;
    t.category = "loaded";
    t.sentence = d.tokens[tok].sentence;
    d.loaded_terms.push_back(t);
  }
  assign_voices(d);
  REQUIRE(d.loaded_terms.size() == 2);
  CHECK(d.loaded_terms[0].voice == TermVoice::Quoted);
  CHECK(d.loaded_terms[1].voice == TermVoice::Own);  // a new paragraph starts outside the marks
}
