#include "analyzer/quotes/quote_marks.h"

#include "analyzer/text/normalizer.h"

namespace framelens {

namespace {

enum class Dir { Open, Close, Either };

bool opens_context(const Token& t) {
  // Punctuation after which a straight quote can only open: "(", "[", a dash, a colon.
  if (t.kind == TokenKind::Dash) return true;
  if (t.kind != TokenKind::Punct) return false;
  return t.lower == "(" || t.lower == "[" || t.lower == ":";
}

bool closes_context(const Token& t) {
  return t.kind == TokenKind::Punct && (t.lower == ")" || t.lower == "]");
}

Dir direction(const Document& doc, int32_t i, int32_t para_first, int32_t para_end) {
  const auto& toks = doc.tokens;
  const bool left_free = i == para_first || toks[i].space_before || opens_context(toks[i - 1]);
  const bool right_free = i + 1 >= para_end || toks[i + 1].space_before || toks[i + 1].breaks_before ||
                          toks[i + 1].kind == TokenKind::Punct || closes_context(toks[i + 1]);
  Dir by_space = Dir::Either;
  if (left_free && !right_free) by_space = Dir::Open;
  if (!left_free && right_free) by_space = Dir::Close;
  // A curly glyph gives the direction, unless the spacing says the opposite without doubt: typed
  // or converted text often has the wrong glyph ('”Fear. I am afraid', 'were “Mostly False.“').
  const char32_t glyph = doc.cps[toks[i].span.start];
  if (is_open_quote_glyph(glyph)) return by_space == Dir::Close ? Dir::Close : Dir::Open;
  if (is_close_quote_glyph(glyph)) return by_space == Dir::Open ? Dir::Open : Dir::Close;
  return by_space;
}

}  // namespace

bool is_double_quote(const Document& doc, int32_t i) {
  const auto& t = doc.tokens[i];
  return t.kind == TokenKind::Quote && doc.norm[t.span.start] == U'"';
}

std::vector<QuoteMarkPair> find_quote_pairs(const Document& doc) {
  std::vector<QuoteMarkPair> out;
  const auto& toks = doc.tokens;
  bool carrying = false;
  for (size_t p = 0; p < doc.paragraphs.size(); ++p) {
    const auto& para = doc.paragraphs[p];
    if (para.first_sentence >= para.end_sentence) continue;
    const int32_t first = doc.sentences[para.first_sentence].first_token;
    const int32_t end = doc.sentences[para.end_sentence - 1].end_token;
    int32_t open = -1;
    auto emit = [&](int32_t o, int32_t c, bool runs_on) {
      QuoteMarkPair q;
      q.open_tok = o;
      q.close_tok = runs_on ? -1 : c;
      q.first_tok = o + 1;
      q.end_tok = runs_on ? end : c;
      q.paragraph = static_cast<int32_t>(p);
      q.continues = runs_on;
      if (q.first_tok < q.end_tok) {
        q.content = {toks[q.first_tok].span.start, toks[q.end_tok - 1].span.end};
      } else {
        q.content = {toks[o].span.end, toks[o].span.end};
      }
      out.push_back(q);
    };
    // A quote left open in the previous paragraph continues only if this one opens with a mark.
    if (carrying) {
      const bool reopened = first < end && is_double_quote(doc, first) &&
                            direction(doc, first, first, end) != Dir::Close;
      if (!reopened) out.back().continues = false;
      carrying = false;
    }
    for (int32_t i = first; i < end; ++i) {
      if (!is_double_quote(doc, i)) continue;
      // Quotes in markup attributes (pic="") are not quotation marks.
      if (i > first && toks[i - 1].lower == "=") continue;
      const Dir d = direction(doc, i, first, end);
      if (open < 0) {
        // Nothing is open at a paragraph's first token: a mark there opens whatever its glyph
        // ('” … what I learned ...').
        if (d != Dir::Close || i == first) open = i;
      } else if (d == Dir::Open) {
        // Two opening marks in a row: the first was stray (or a dropped closing mark).
        open = i;
      } else {
        emit(open, i, false);
        open = -1;
      }
    }
    if (open >= 0) {
      // Unclosed at the paragraph end: a multi-paragraph quote when the next paragraph reopens;
      // decided when the next paragraph is read. A quote that opened the paragraph and never
      // closed is kept to the paragraph end either way (a lost closing mark).
      const bool opened_paragraph = open == first;
      if (opened_paragraph || p + 1 < doc.paragraphs.size()) {
        emit(open, -1, true);
        carrying = true;
        if (!opened_paragraph) {
          // Keep it only if the next paragraph reopens; otherwise drop it below.
          out.back().close_tok = -2;
        }
      }
    }
  }
  // Drop unclosed mid-paragraph openings that were not continued.
  std::vector<QuoteMarkPair> kept;
  kept.reserve(out.size());
  for (auto& q : out) {
    if (q.close_tok == -2) {
      if (!q.continues) continue;
      q.close_tok = -1;
    }
    kept.push_back(q);
  }
  return kept;
}

}  // namespace framelens
