#include "analyzer/quotes/embedded_posts.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

// "(@handle)" starting at token k: returns the token after ")" or -1.
int32_t after_handle(const Document& doc, int32_t k, int32_t line_end) {
  const auto& toks = doc.tokens;
  if (k >= line_end || !is_punct(toks[k], "(")) return -1;
  bool at = false;
  for (int32_t m = k + 1; m < line_end && m - k <= 5; ++m) {
    if (is_punct(toks[m], ")")) return at ? m + 1 : -1;
    at |= !toks[m].lower.empty() && toks[m].lower[0] == '@';
  }
  return -1;
}

// Only a date (month, day, year and their punctuation) is left in [k, line_end).
bool date_only(const Document& doc, int32_t k, int32_t line_end) {
  const auto& lex = CueLexicon::instance();
  if (line_end - k > 5) return false;
  for (int32_t m = k; m < line_end; ++m) {
    const Token& t = doc.tokens[m];
    if (t.kind == TokenKind::Number || is_punct(t, ",") || is_punct(t, ".")) continue;
    if (t.kind == TokenKind::Word && lex.is(t, kTimeWord)) continue;
    return false;
  }
  return true;
}

}  // namespace

void find_embedded_posts(const Document& doc, QuoteScan& scan) {
  const auto& toks = doc.tokens;
  const int32_t n = static_cast<int32_t>(toks.size());
  int32_t line_start = 0;
  for (int32_t i = 0; i < n; ++i) {
    if (toks[i].breaks_before > 0) line_start = i;
    if (toks[i].kind != TokenKind::Dash || i - line_start < 3) continue;
    int32_t line_end = i + 1;
    while (line_end < n && toks[line_end].breaks_before == 0) ++line_end;
    int32_t paren = i + 1;
    while (paren < line_end && paren - i <= 7 && !is_punct(toks[paren], "(")) ++paren;
    const int32_t after = after_handle(doc, paren, line_end);
    if (after < 0) continue;
    const SpeakerPhrase sp = speaker_after(doc, i + 1, paren);
    if (sp.kind != SpeakerKind::Name && sp.kind != SpeakerKind::Role) continue;
    if (!date_only(doc, after, line_end)) continue;
    int32_t words = 0;
    for (int32_t m = line_start; m < i; ++m) words += toks[m].kind == TokenKind::Word;
    if (words < 3) continue;
    const Span content{toks[line_start].span.start, toks[i - 1].span.end};
    for (auto& d : scan.drafts)
      if (content.contains(d.quote.span)) d.dropped = true;  // a quote inside the post
    QuoteDraft d;
    d.quote.kind = "direct";
    d.quote.span = content;
    d.attr.speaker = sp;
    d.attr.first_tok = i;
    d.attr.end_tok = after;
    d.first_tok = line_start;
    d.end_tok = i;
    d.paragraph = toks[line_start].sentence >= 0 ? doc.sentences[toks[line_start].sentence].paragraph : -1;
    scan.drafts.push_back(std::move(d));
    i = line_end - 1;
  }
}

}  // namespace framelens
