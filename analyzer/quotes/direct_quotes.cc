#include "analyzer/quotes/direct_quotes.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

constexpr int32_t kMaxAttributionTail = 15;  // tokens between an attribution and the next piece

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

bool ends_sentence(const Token& t) {
  return t.kind == TokenKind::Punct &&
         (t.lower == "." || t.lower == "?" || t.lower == "!" || t.lower == "..." || t.lower == "\xE2\x80\xA6");
}

// Verbs that attach a quoted label to someone ('called him a "loser"'): not scare quotes.
bool label_verb(std::string_view w) {
  return w == "called" || w == "calls" || w == "calling" || w == "dubbed" || w == "labeled" ||
         w == "labelled" || w == "branded" || w == "termed" || w == "nicknamed" || w == "described" ||
         w == "deemed" || w == "referred" || w == "promised" || w == "vowed" || w == "pledged";
}

struct Layout {
  const Document& doc;
  int32_t para_first(int32_t p) const { return doc.sentences[doc.paragraphs[p].first_sentence].first_token; }
  int32_t para_end(int32_t p) const { return doc.sentences[doc.paragraphs[p].end_sentence - 1].end_token; }
  int32_t sent_first(int32_t tok) const { return doc.sentences[doc.tokens[tok].sentence].first_token; }
  int32_t sent_end(int32_t tok) const { return doc.sentences[doc.tokens[tok].sentence].end_token; }
  int32_t para_of(int32_t tok) const { return doc.sentences[doc.tokens[tok].sentence].paragraph; }
  // Where a trailing attribution after the closing mark `close` must end: the end of the
  // sentence of the next token, within the paragraph.
  int32_t limit_after(int32_t close) const {
    const int32_t pe = para_end(para_of(close));
    if (close + 1 >= pe) return close + 1;
    return std::min(pe, sent_end(close + 1));
  }
};

struct PairFacts {
  int32_t prev = -1;            // token before the opening mark in the paragraph, -1 at its start
  bool sentence_start = false;  // the quote opens a sentence
  int32_t words = 0;
  bool first_cap = false;       // content starts with a capital (or "[", "...")
  bool end_punct = false;       // content ends with , . ? ! ... or a dash inside the marks
  bool runs_on = false;         // the sentence continues with ordinary words after the closing mark
  bool sentence_end = false;    // ends with . ? ! inside the marks, or the sentence ends at the closing mark
};

// A word that can be a verb taking the quote as its object: not an auxiliary, preposition,
// determiner, pronoun or conjunction ('was "well aware."', 'of "the plan."').
bool object_verb(const Token& t) {
  const auto& lex = CueLexicon::instance();
  if (t.kind != TokenKind::Word) return false;
  if (lex.word_class(t) & (kPassiveAux | kClauseStop | kDeterminer | kPronounPerson | kNonSpeaker | kTimeWord)) {
    return false;
  }
  const std::string& w = t.lower;
  // 'so-called', 'alleged', 'dubbed': a label follows, not quoted speech.
  if (label_verb(w) || w.find('-') != std::string::npos || w == "alleged" || w == "supposed" ||
      w == "purported") {
    return false;
  }
  auto ends = [&](std::string_view x) { return w.size() > x.size() + 1 && w.compare(w.size() - x.size(), x.size(), x) == 0; };
  return ends("ed") || ends("ing") || (lex.find(w) != nullptr);
}

PairFacts facts(const Document& doc, const Layout& lay, const QuoteMarkPair& q) {
  const auto& toks = doc.tokens;
  PairFacts f;
  const int32_t pf = lay.para_first(q.paragraph);
  f.prev = q.open_tok > pf ? q.open_tok - 1 : -1;
  f.sentence_start = f.prev < 0 || q.open_tok == lay.sent_first(q.open_tok) || ends_sentence(toks[f.prev]) ||
                     toks[f.prev].kind == TokenKind::Quote;
  for (int32_t i = q.first_tok; i < q.end_tok; ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::Word || t.kind == TokenKind::Number) {
      if (f.words == 0) f.first_cap = t.capitalized || t.kind == TokenKind::Number;
      ++f.words;
    } else if (f.words == 0 && (is_punct(t, "[") || is_punct(t, "...") || is_punct(t, "(") ||
                                t.kind == TokenKind::Quote)) {
      f.first_cap = true;
    }
  }
  if (q.close_tok < 0) {
    f.end_punct = true;
  } else if (q.end_tok > q.first_tok) {
    const Token& last = toks[q.end_tok - 1];
    f.end_punct = (last.kind == TokenKind::Punct && !is_punct(last, ")") && !is_punct(last, "]")) ||
                  last.kind == TokenKind::Dash ||
                  (last.kind == TokenKind::Quote && q.end_tok - 2 >= q.first_tok &&
                   toks[q.end_tok - 2].kind == TokenKind::Punct);
    const int32_t n = q.close_tok + 1;
    if (n < lay.para_end(q.paragraph) && toks[n].sentence == toks[q.close_tok].sentence) {
      const Token& t = toks[n];
      f.runs_on = t.kind == TokenKind::Word && !t.capitalized;
    }
    const bool final_inside = ends_sentence(last) || (last.kind == TokenKind::Quote && q.end_tok - 2 >= q.first_tok &&
                                                      ends_sentence(toks[q.end_tok - 2]));
    const bool final_after = n >= lay.para_end(q.paragraph) || toks[n].sentence != toks[q.close_tok].sentence ||
                             ends_sentence(toks[n]);
    f.sentence_end = final_inside || final_after;
  }
  return f;
}

// Title-case content ("Saturday Night Live", "The Art of the Deal") is a title, not speech.
bool title_like(const Document& doc, const QuoteMarkPair& q) {
  const auto& toks = doc.tokens;
  int32_t words = 0;
  for (int32_t i = q.first_tok; i < q.end_tok; ++i) {
    const Token& t = toks[i];
    if (t.kind != TokenKind::Word) continue;
    ++words;
    if (words == 1 && !t.capitalized) return false;
    if (!t.capitalized && t.span.size() > 3) return false;
  }
  return words > 0;
}

// A reporting verb outside quotation marks in the sentence (capitalised words are names or
// titles: "Morning Report").
bool sentence_has_cue(const Document& doc, int32_t tok) {
  const auto& s = doc.sentences[doc.tokens[tok].sentence];
  bool inside = false;
  for (int32_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = doc.tokens[i];
    if (is_double_quote(doc, i)) inside = !inside;
    if (!inside && t.kind == TokenKind::Word && !t.capitalized && finite_cue(doc, i)) return true;
  }
  return false;
}

// '"WALLACE: Let's start ...': a quoted transcript turn opens with an upper-case speaker label.
bool transcript_turn(const Document& doc, const QuoteMarkPair& q) {
  const auto& toks = doc.tokens;
  int32_t i = q.first_tok;
  int32_t words = 0;
  for (; i < q.end_tok && words < 3 && toks[i].kind == TokenKind::Word; ++i, ++words) {
    const std::string_view w = doc.slice(toks[i].span);
    if (w.size() < 2) return false;
    for (char c : w) {
      if (!(c >= 'A' && c <= 'Z') && c != '.' && c != '-' && c != '\'') return false;
    }
  }
  return words > 0 && i < q.end_tok && is_punct(toks[i], ":");
}

// A quotation mark before `open` in its sentence.
bool quote_earlier_in_sentence(const Document& doc, const Layout& lay, int32_t open) {
  for (int32_t i = lay.sent_first(open); i < open; ++i) {
    if (is_double_quote(doc, i)) return true;
  }
  return false;
}

// A reporting verb in [first, end) outside quotation marks: 'The agency said North Korea had
// displayed "..."' is reported speech, not the writer quoting an object.
bool cue_before(const Document& doc, int32_t first, int32_t end) {
  bool inside = false;
  for (int32_t i = first; i < end; ++i) {
    if (is_double_quote(doc, i)) inside = !inside;
    // A label verb ("called bigwigs to the stage") does not make the sentence reported speech.
    if (!inside && doc.tokens[i].kind == TokenKind::Word && finite_cue(doc, i) && !label_verb(doc.tokens[i].lower)) {
      return true;
    }
  }
  return false;
}

PairRole classify(const Document& doc, const Layout& lay, const QuoteMarkPair& q, bool continued,
                  bool has_trailing) {
  const auto& toks = doc.tokens;
  if (q.end_tok <= q.first_tok) return PairRole::Skip;
  if (q.continues || continued) return PairRole::Direct;
  const PairFacts f = facts(doc, lay, q);
  bool direct = false;
  if (f.sentence_start) {
    if (f.runs_on && !f.end_punct && !has_trailing) {
      direct = false;
    } else {
      direct = has_trailing || (f.words >= 2 && f.end_punct) || f.words >= 4;
    }
  } else {
    const Token& p = toks[f.prev];
    // A lower-case piece in mid-sentence continues the writer's sentence ('X said on the other
    // hand, "the current system works ..."'): quoted words inside reported speech, unless it
    // follows an earlier piece of the same sentence ('"We hope," he said, "that ...').
    const bool lower_inside = !f.first_cap && !quote_earlier_in_sentence(doc, lay, q.open_tok);
    if (is_punct(p, ":")) {
      direct = f.words >= 3 || f.end_punct || has_trailing;
    } else if (is_punct(p, ",")) {
      const Attribution lead = attribution_before(doc, q.open_tok, lay.sent_first(q.open_tok));
      if (lead.found() && f.words >= 2) {
        direct = !lower_inside;  // 'X said, "..."'
      } else {
        direct = (has_trailing && !lower_inside) || (f.first_cap && f.end_punct && f.words >= 4);
      }
    } else if (p.kind == TokenKind::Word && CueLexicon::instance().find(p) &&
               CueLexicon::instance().find(p)->speech && !label_verb(p.lower)) {
      // 'said "We ..."'; but 'reported "2,521 shooting incidents" in the city' is a partial
      // quote inside the writer's sentence.
      direct = f.words >= 2 && !(f.runs_on && !f.end_punct) && !lower_inside;
    } else if (p.kind == TokenKind::Word && !p.capitalized && f.words >= 2 && f.sentence_end &&
               object_verb(p) && !cue_before(doc, lay.sent_first(f.prev), f.prev)) {
      // 'Protesters chanted "What curfew?"', 'a doctor had typed "homicidal ideation."': a
      // quoted object that ends the sentence is quoted wording.
      direct = true;
    } else if (p.kind == TokenKind::Dash || is_punct(p, "(") || is_punct(p, ";")) {
      direct = f.first_cap && f.end_punct && f.words >= 4;
    }
  }
  if (direct) return PairRole::Direct;
  if (title_like(doc, q)) return PairRole::Title;
  if (f.words <= 6) {
    for (int32_t k = q.open_tok - 1; k >= 0 && q.open_tok - k <= 4; --k) {
      if (toks[k].kind == TokenKind::Word && label_verb(toks[k].lower)) return PairRole::Partial;
    }
    if (!sentence_has_cue(doc, q.open_tok)) return PairRole::Scare;
  }
  return PairRole::Partial;
}

void flag_range(std::vector<uint8_t>& flags, int32_t a, int32_t b, uint8_t f) {
  for (int32_t i = a; i < b; ++i) flags[i] |= f;
}

}  // namespace

void find_direct_quotes(const Document& doc, const DirectQuoteOptions& opt, QuoteScan& scan,
                        std::vector<Span>& scare_quotes) {
  const auto& toks = doc.tokens;
  Layout lay{doc};
  scan.pairs = find_quote_pairs(doc);
  const auto& pairs = scan.pairs;
  const int32_t n = static_cast<int32_t>(pairs.size());
  scan.roles.assign(n, PairRole::Skip);
  scan.tok_flags.assign(toks.size(), 0);
  // The attribution after each closing mark, computed once.
  std::vector<Attribution> trail(n);
  for (int32_t i = 0; i < n; ++i) {
    const auto& q = pairs[i];
    if (q.close_tok < 0 || q.end_tok <= q.first_tok) continue;
    const int32_t lim = lay.limit_after(q.close_tok);
    if (q.close_tok + 1 < lim) trail[i] = attribution_after(doc, q.close_tok + 1, lim);
  }
  for (int32_t i = 0; i < n; ++i) {
    const bool continued = i > 0 && pairs[i - 1].continues;
    scan.roles[i] = classify(doc, lay, pairs[i], continued, trail[i].found());
    if (scan.roles[i] == PairRole::Scare) scare_quotes.push_back(pairs[i].content);
    if (scan.roles[i] == PairRole::Partial) {
      flag_range(scan.tok_flags, pairs[i].open_tok, pairs[i].end_tok, kTokInPartial);
    }
  }

  // The chain of pairs one multi-paragraph quote is made of: [i, last].
  auto chain_end = [&](int32_t i) {
    while (pairs[i].continues && i + 1 < n) ++i;
    return i;
  };
  auto quote_only_paragraph = [&](const QuoteMarkPair& first, const QuoteMarkPair& last) {
    const int32_t pe = lay.para_end(last.paragraph);
    if (first.open_tok != lay.para_first(first.paragraph)) return false;
    if (last.close_tok < 0) return true;
    return last.close_tok + 1 == pe || (last.close_tok + 2 == pe && toks[last.close_tok + 1].kind == TokenKind::Punct);
  };

  int32_t prev_draft = -1;     // index into scan.drafts of the last direct quote
  int32_t prev_last_tok = -1;  // its last token (content or attribution)
  int32_t prev_para = -1;      // the paragraph it ends in
  for (int32_t i = 0; i < n;) {
    if (scan.roles[i] != PairRole::Direct) { ++i; continue; }
    int32_t last = chain_end(i);
    bool transcript = false;
    for (int32_t k = i; k <= last; ++k) transcript = transcript || transcript_turn(doc, pairs[k]);
    if (transcript) {
      // A transcript quoted by the article: its turns are labelled, not attributed speech.
      i = last + 1;
      continue;
    }
    std::vector<Span> frags;
    for (int32_t k = i; k <= last; ++k) frags.push_back(pairs[k].content);
    Attribution a = trail[last];
    if (a.found()) {
      // '"We hope," he said, "that ..."': following pieces without an attribution of their own.
      int32_t next = last + 1;
      int32_t boundary = a.end_tok;
      while (next < n && pairs[next].paragraph == pairs[last].paragraph) {
        const int32_t o = pairs[next].open_tok;
        if (scan.roles[next] != PairRole::Direct) {
          // A partial quote inside the attribution ('after hinting that "changes" could come').
          if (toks[o].sentence == toks[boundary > 0 ? boundary - 1 : 0].sentence) { ++next; continue; }
          break;
        }
        bool adjacent = o >= boundary && o <= boundary + 1;
        if (!adjacent && boundary > 0) {
          // '"...," X said during a visit. "Next sentence."'
          const int32_t s_attr = toks[boundary - 1].sentence;
          adjacent = toks[o].sentence == s_attr + 1 && lay.sent_first(o) == o;
          // '"...," X said at a rally in Kenansville, N.C., "but ..."' / '"...," X said,
          // referring to the excuse, "you ..."': the attribution sentence goes on, and the
          // piece after its comma continues the quote.
          if (!adjacent && toks[o].sentence == s_attr && o - boundary <= kMaxAttributionTail &&
              is_punct(toks[o - 1], ",")) {
            adjacent = true;
            // A cue in between ('Trump said, adding later, "..."') starts its own attribution.
            for (int32_t m = boundary; m < o - 1 && adjacent; ++m) {
              adjacent = toks[m].kind != TokenKind::Quote && !finite_cue(doc, m);
            }
          }
        }
        if (!adjacent) break;
        const int32_t nl = chain_end(next);
        if (trail[nl].found()) break;
        for (int32_t k = next; k <= nl; ++k) frags.push_back(pairs[k].content);
        last = nl;
        boundary = pairs[nl].close_tok < 0 ? lay.para_end(pairs[nl].paragraph) : pairs[nl].close_tok + 1;
        next = nl + 1;
      }
    } else {
      const int32_t o = pairs[i].open_tok;
      a = attribution_before(doc, o, lay.sent_first(o));
      const int32_t pf = lay.para_first(pairs[i].paragraph);
      if (!a.found() && o == pf && o > 0 && is_punct(toks[o - 1], ":")) {
        a = attribution_before(doc, o, lay.sent_first(o - 1));  // 'X said:\n\n"..."'
      }
      if (!a.found() && o > pf && toks[o - 1].kind == TokenKind::Word && object_verb(toks[o - 1])) {
        a = attribution_of_verb(doc, o - 1, lay.sent_first(o));  // 'Protesters chanted "..."'
      }
    }
    int32_t inherit = -1;
    bool merged = false;
    if (!a.found() && prev_draft >= 0) {
      const QuoteDraft& pd = scan.drafts[prev_draft];
      const int32_t p = pairs[i].paragraph;
      if (prev_para >= p - 1) {
        inherit = prev_draft;
        const bool prev_ends_paragraph =
            prev_para == p - 1 && prev_last_tok >= 0 &&
            toks[prev_last_tok].sentence == doc.paragraphs[p - 1].end_sentence - 1;
        if (opt.merge_continuation_paragraphs && prev_ends_paragraph &&
            (pd.attr.found() || pd.inherit_from >= 0) && quote_only_paragraph(pairs[i], pairs[last])) {
          QuoteDraft& m = scan.drafts[prev_draft];
          if (m.quote.fragments.empty()) m.quote.fragments.push_back(m.quote.span);
          for (const auto& f : frags) m.quote.fragments.push_back(f);
          m.quote.span.end = frags.back().end;
          m.end_tok = pairs[last].end_tok;
          merged = true;
        }
      }
    }
    for (int32_t k = i; k <= last; ++k) {
      // Marks and content; a quote left open runs to its paragraph's end and has no closing mark
      // (end_tok + 1 would then step past the last token of the text).
      const int32_t stop = pairs[k].close_tok < 0 ? pairs[k].end_tok : pairs[k].close_tok + 1;
      flag_range(scan.tok_flags, pairs[k].open_tok, stop, kTokInDirect);
    }
    if (a.cue_tok >= 0) scan.tok_flags[a.cue_tok] |= kTokCue;
    const int32_t last_tok = std::max(pairs[last].close_tok < 0 ? pairs[last].end_tok - 1 : pairs[last].close_tok,
                                      a.found() ? a.end_tok - 1 : -1);
    if (!merged) {
      QuoteDraft d;
      d.quote.kind = "direct";
      d.quote.span = {frags.front().start, frags.back().end};
      if (frags.size() > 1) d.quote.fragments = frags;
      d.attr = a;
      d.inherit_from = inherit;
      d.first_tok = pairs[i].first_tok;
      d.end_tok = pairs[last].end_tok;
      d.paragraph = pairs[i].paragraph;
      scan.drafts.push_back(std::move(d));
      prev_draft = static_cast<int32_t>(scan.drafts.size()) - 1;
    }
    prev_last_tok = last_tok;
    prev_para = pairs[last].paragraph;
    i = last + 1;
  }
}

}  // namespace framelens
