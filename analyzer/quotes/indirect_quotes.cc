#include "analyzer/quotes/indirect_quotes.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

bool clause_punct(const Token& t) {
  return t.kind == TokenKind::Punct && (t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "." ||
                                        t.lower == "?" || t.lower == "!" || t.lower == "(" || t.lower == ")");
}

// Object pronouns and audience nouns after "told" / "urged" / "warned".
bool object_word(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "us" || w == "me" || w == "you" ||
         w == "reporters" || w == "supporters" || w == "voters" || w == "lawmakers" || w == "members" ||
         w == "the" || w == "a" || w == "an" || w == "his" || w == "their" || w == "audience" ||
         w == "crowd" || w == "congress";
}

int32_t count_words(const Document& doc, int32_t a, int32_t b) {
  int32_t n = 0;
  for (int32_t i = a; i < b; ++i) {
    n += doc.tokens[i].kind == TokenKind::Word || doc.tokens[i].kind == TokenKind::Number;
  }
  return n;
}

// Trims trailing sentence punctuation and closing marks off [a, b).
int32_t trim_end(const Document& doc, int32_t a, int32_t b) {
  while (b > a && (doc.tokens[b - 1].kind == TokenKind::Punct || doc.tokens[b - 1].kind == TokenKind::Dash)) --b;
  return b;
}

bool any_flag(const QuoteScan& scan, int32_t a, int32_t b, uint8_t f) {
  for (int32_t i = a; i < b; ++i) if (scan.tok_flags[i] & f) return true;
  return false;
}

// Token i is a comma, or a closing mark right after one ('..., "' / ',"').
bool comma_before(const Document& doc, int32_t i) {
  const auto& toks = doc.tokens;
  if (is_punct(toks[i], ",")) return true;
  return toks[i].kind == TokenKind::Quote && i > 0 && is_punct(toks[i - 1], ",");
}

}  // namespace

void find_indirect_quotes(const Document& doc, QuoteScan& scan) {
  const auto& toks = doc.tokens;
  for (const auto& s : doc.sentences) {
    const int32_t sf = s.first_token;
    const int32_t se = s.end_token;
    for (int32_t i = sf; i < se; ++i) {
      const Token& t = toks[i];
      if (t.kind != TokenKind::Word || (scan.tok_flags[i] & (kTokInDirect | kTokCue | kTokInPartial))) continue;
      const CueInfo* c = finite_cue(doc, i);
      if (!c || !c->speech || c->participle) continue;
      Attribution a;
      a.cue_tok = i;
      a.cue = c;
      int32_t ca = -1, cb = -1;   // content [ca, cb)
      int32_t ca2 = -1, cb2 = -1; // second piece of a parenthetical attribution
      if (c->lemma == "according to") {
        if (i + 1 >= se || toks[i + 1].lower != "to") continue;
        a.speaker = speaker_after(doc, i + 2, se);
        if (!a.speaker) continue;
        int32_t after = a.speaker.end_tok;
        if (i == sf || (i > sf && toks[i - 1].kind == TokenKind::Word && i - 1 == sf)) {
          // "According to X, CONTENT."
          while (after < se && !is_punct(toks[after], ",")) {
            if (clause_punct(toks[after])) break;
            ++after;
          }
          if (after >= se || !is_punct(toks[after], ",")) continue;
          ca = after + 1;
          cb = trim_end(doc, ca, se);
        } else if (i > sf && is_punct(toks[i - 1], ",")) {
          // "CONTENT, according to X."
          ca = sf;
          cb = i - 1;
        } else {
          continue;
        }
        a.first_tok = i;
        a.end_tok = a.speaker.end_tok;
      } else {
        a.speaker = speaker_before(doc, i, sf);
        int32_t j = i + 1;
        bool inverted = false;
        if (!a.speaker && i - 1 > sf && comma_before(doc, i - 1)) {
          // 'CONTENT, says X, a spokesman.' / 'are "not meeting the demand," says X.'
          a.speaker = speaker_after(doc, i + 1, se);
          if (a.speaker.kind != SpeakerKind::Name && a.speaker.kind != SpeakerKind::Role) continue;
          inverted = true;
          j = a.speaker.end_tok;
        }
        if (!a.speaker) continue;
        a.first_tok = inverted ? i : a.speaker.first_tok;
        a.end_tok = inverted ? a.speaker.end_tok : i + 1;
        if (j < se && (toks[j].kind == TokenKind::Quote || is_punct(toks[j], ":"))) continue;  // direct
        // The comma before the clause, also inside a closing mark ('"too little," he added').
        int32_t before = (inverted ? i : a.speaker.first_tok) - 1;
        int32_t content_end = before;
        if (before > sf && toks[before].kind == TokenKind::Quote && comma_before(doc, before)) {
          content_end = before + 1;
          --before;
        }
        const bool trailing_clause = before > sf && is_punct(toks[before], ",");
        if (inverted && !trailing_clause) continue;
        // What follows the verb: sentence end (or a short phrase then the end) -> the content is
        // before; a comma -> a parenthetical ", he said,"; else the content follows.
        int32_t k = j;
        while (k < se && k - j <= 6 && !clause_punct(toks[k]) && toks[k].kind != TokenKind::Quote &&
               toks[k].lower != "that" && !finite_cue(doc, k)) {
          ++k;
        }
        const bool ends_after = k >= se || (clause_punct(toks[k]) && !is_punct(toks[k], ",") && k + 1 >= se) ||
                                (is_punct(toks[k], ".") && toks[k].sentence != toks[std::min(k + 1, se - 1)].sentence);
        if (trailing_clause && (ends_after || k >= se - 1 || inverted)) {
          ca = sf;
          cb = content_end;
        } else if (trailing_clause && k < se && is_punct(toks[k], ",")) {
          ca = sf;
          cb = content_end;
          ca2 = k + 1;
          cb2 = trim_end(doc, ca2, se);
        } else if (!trailing_clause || before <= sf) {
          if (a.speaker.first_tok > sf + 2 && !(a.speaker.first_tok == sf + 1 && toks[sf].kind == TokenKind::Word)) {
            // The subject must open the sentence (allowing a conjunction or an intro phrase
            // ending in a comma): "But Trump said ..." / "On Tuesday, Trump said ...".
            if (!trailing_clause) {
              const Token& p = toks[a.speaker.first_tok - 1];
              if (!is_punct(p, ",") && !(p.kind == TokenKind::Word && (p.lower == "and" || p.lower == "but"))) continue;
            }
          }
          // "told reporters on Tuesday that ..." : skip to "that" when it comes soon.
          int32_t that = -1;
          for (int32_t m = j; m < se && m - j <= 8; ++m) {
            if (toks[m].lower == "that") { that = m; break; }
            if (clause_punct(toks[m]) || toks[m].kind == TokenKind::Quote) break;
          }
          if (that >= 0) {
            ca = that + 1;
          } else {
            if (c->takes_object && j < se && object_word(toks[j].lower) && c->lemma == "tell") continue;
            const std::string& w = j < se ? toks[j].lower : std::string();
            if (w == "in" || w == "on" || w == "at" || w == "during" || w == "after" || w == "about" ||
                w == "of" || w == "so" || w == "it" || w == "this" || w == "nothing" || w == "yes" || w == "no") {
              continue;
            }
            ca = j;
          }
          cb = trim_end(doc, ca, se);
        } else {
          continue;
        }
      }
      if (ca < 0 || cb - ca < 1) continue;
      if (count_words(doc, ca, cb) + (ca2 >= 0 && cb2 > ca2 ? count_words(doc, ca2, cb2) : 0) < 3) continue;
      if (any_flag(scan, ca, cb, kTokInDirect)) continue;
      QuoteDraft d;
      d.quote.kind = any_flag(scan, ca, cb, kTokInPartial) ? "mixed" : "indirect";
      Span main{toks[ca].span.start, toks[cb - 1].span.end};
      if (ca2 >= 0 && cb2 > ca2 && !any_flag(scan, ca2, cb2, kTokInDirect)) {
        Span second{toks[ca2].span.start, toks[cb2 - 1].span.end};
        d.quote.span = {main.start, second.end};
        d.quote.fragments = {main, second};
        if (any_flag(scan, ca2, cb2, kTokInPartial)) d.quote.kind = "mixed";
      } else {
        d.quote.span = main;
      }
      d.attr = a;
      d.first_tok = ca;
      d.end_tok = d.quote.fragments.empty() ? cb : cb2;
      d.paragraph = s.paragraph;
      scan.tok_flags[i] |= kTokCue;
      scan.drafts.push_back(std::move(d));
    }
  }
}

}  // namespace framelens
