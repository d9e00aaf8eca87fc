#include "analyzer/terms/term_voice.h"

#include <algorithm>
#include <string_view>

#include "analyzer/quotes/quote_marks.h"
#include "analyzer/terms/span_index.h"

namespace framelens::terms {

namespace {

bool is_negator(std::string_view w) {
  if (w == "not" || w == "no" || w == "never" || w == "nor" || w == "neither" || w == "cannot") return true;
  return w.size() > 3 && w.ends_with("n't");
}

// Words after which a negation no longer reaches the next clause ("not X, but loaded").
bool ends_scope(const Token& t) {
  if (t.kind == TokenKind::Punct) {
    return t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "(" || t.lower == ")" ||
           t.lower == "." || t.lower == "?" || t.lower == "!";
  }
  if (t.kind == TokenKind::Dash) return true;
  if (t.kind != TokenKind::Word) return false;
  const std::string_view w = t.lower;
  return w == "but" || w == "while" || w == "although" || w == "though" || w == "because" || w == "whereas" ||
         w == "yet" || w == "however" || w == "instead";
}

// "not only", "not just", "no less", "never more": the negator does not deny what follows.
bool not_a_denial(const Document& doc, int32_t neg) {
  if (neg + 1 >= static_cast<int32_t>(doc.tokens.size())) return false;
  const std::string_view nx = doc.tokens[neg + 1].lower;
  return nx == "only" || nx == "just" || nx == "merely" || nx == "less" || nx == "more" || nx == "doubt";
}

bool clause_opening(const Document& doc, const QuoteMarkPair& p) {
  const auto& toks = doc.tokens;
  if (p.open_tok <= 0) return true;
  const Token& open = toks[p.open_tok];
  if (open.sentence >= 0 && doc.sentences[open.sentence].first_token == p.open_tok) return true;
  const Token& prev = toks[p.open_tok - 1];
  return prev.kind == TokenKind::Punct && (prev.lower == ":" || prev.lower == ",");
}

}  // namespace

// Verbs of saying and judging whose negation denies their complement ("did not say it was a bad idea").
bool denial_verb(std::string_view w) {
  for (std::string_view v : {"say", "said", "says", "saying", "call", "called", "calling", "calls", "think", "thinks",
                             "thought", "believe", "believes", "believed", "consider", "considered", "claim",
                             "claimed", "suggest", "suggested", "mean", "meant", "find", "found", "describe",
                             "described", "see", "saw", "view", "viewed"})
    if (w == v) return true;
  return false;
}

bool negated_at(const Document& doc, int32_t tok) {
  const auto& toks = doc.tokens;
  if (tok <= 0 || tok >= static_cast<int32_t>(toks.size())) return false;
  const int32_t sent = toks[tok].sentence;
  int words = 0;
  int32_t last_word = -1;  // the nearest word after position i (walking back)
  for (int32_t i = tok - 1; i >= 0 && words < kNegationWindow; --i) {
    const Token& t = toks[i];
    if (t.sentence != sent) break;
    if (t.kind == TokenKind::Quote) continue;
    if (ends_scope(t)) break;
    if (t.kind == TokenKind::Word && is_negator(t.lower)) {
      if (not_a_denial(doc, i)) return false;
      // Close to the term ("not a bad idea", "no radical change"), or denying a verb of saying or
      // judging whose complement holds the term.
      if (words <= kDirectNegation) return true;
      return last_word >= 0 && denial_verb(toks[last_word].lower);
    }
    if (t.kind == TokenKind::Word) last_word = i;
    ++words;
  }
  return false;
}

void assign_voices(Document& doc) {
  auto& terms = doc.loaded_terms;
  if (terms.empty()) return;
  const std::vector<QuoteMarkPair> pairs = find_quote_pairs(doc);
  thread_local SpanIndex direct, speech, scare;
  direct.clear();
  speech.clear();
  scare.clear();
  for (const auto& q : doc.quotes) {
    SpanIndex& idx = q.kind == "direct" ? direct : speech;
    idx.add(q.span);
    for (const auto& f : q.fragments) idx.add(f);
  }
  for (const Span& s : doc.scare_quotes) scare.add(s);
  direct.build();
  speech.build();
  scare.build();
  // Pair contents are in text order and do not overlap: the pair holding a position by binary search.
  auto pair_at = [&](Span t) -> const QuoteMarkPair* {
    auto it = std::upper_bound(pairs.begin(), pairs.end(), t.start,
                               [](int32_t p, const QuoteMarkPair& q) { return p < q.content.start; });
    // The pair starting at or before t.start, or one starting inside the term.
    if (it != pairs.end() && it->content.start < t.end && !it->content.empty()) return &*it;
    if (it == pairs.begin()) return nullptr;
    --it;
    return it->content.overlaps(t) ? &*it : nullptr;
  };

  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  // Marks the pairing left unpaired (a stray or unclosed mark): a term after an odd number of
  // double quotation marks in its paragraph is still inside quotation marks.
  thread_local std::vector<uint8_t> odd;
  odd.assign(static_cast<size_t>(n), 0);
  {
    uint8_t parity = 0;
    int32_t para = -1;
    for (int32_t i = 0; i < n; ++i) {
      const int32_t si = doc.tokens[i].sentence;
      const int32_t p = si >= 0 ? doc.sentences[si].paragraph : -1;
      if (p != para) parity = 0, para = p;
      odd[i] = parity;
      if (is_double_quote(doc, i)) parity ^= 1;
    }
  }
  std::erase_if(terms, [&](LoadedTerm& t) {
    const int32_t si = t.sentence >= 0 ? t.sentence : doc.sentence_at(t.span.start);
    const Zone z = si >= 0 ? doc.sentences[si].zone : Zone::Body;
    if (z != Zone::Body && z != Zone::Headline && z != Zone::Standfirst) return true;
    const int32_t tok = doc.token_at_or_after(t.span.start);
    const bool scare_term = t.category == "scare_quote" || scare.overlaps(t.span);
    if (!scare_term && tok >= 0 && tok < n && negated_at(doc, tok)) return true;
    t.quote_kind = QuoteKind::None;
    if (z == Zone::Headline || z == Zone::Standfirst) {
      t.voice = TermVoice::Headline;
    } else if (scare_term) {
      t.voice = TermVoice::Quoted;
      t.quote_kind = QuoteKind::Scare;
    } else if (const QuoteMarkPair* p = pair_at(t.span)) {
      t.voice = TermVoice::Quoted;
      const bool whole = direct.contains(t.span) || (!speech.contains(p->content) &&
                                                     p->end_tok - p->first_tok >= 8 && clause_opening(doc, *p));
      t.quote_kind = whole ? QuoteKind::Direct : QuoteKind::Partial;
    } else if (tok >= 0 && tok < n && odd[tok]) {
      t.voice = TermVoice::Quoted;
      t.quote_kind = QuoteKind::Partial;
    } else if (speech.contains(t.span) || direct.contains(t.span)) {
      t.voice = TermVoice::Paraphrased;  // a direct quote's span without marks (rare): the speaker's
    } else {
      t.voice = TermVoice::Own;
    }
    t.in_quote = t.voice == TermVoice::Quoted || t.voice == TermVoice::Paraphrased;
    return false;
  });
}

}  // namespace framelens::terms
