#include "analyzer/quotes/indirect_quotes.h"

#include "analyzer/quotes/attribution.h"
#include "analyzer/quotes/cue_lexicon.h"
#include "analyzer/quotes/reported_clause.h"

namespace framelens {

namespace {

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

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

// The source after "according to" when it is not a person or a named body: "according to media
// trackers", "according to state corporate records", "according to Lazar's plea agreement". The
// words up to the next clause punctuation (at most 12), as a role phrase.
SpeakerPhrase source_phrase(const Document& doc, int32_t b, int32_t se) {
  const auto& toks = doc.tokens;
  int32_t e = b;
  while (e < se && e - b < 12 && !clause_punct(toks[e]) && toks[e].kind != TokenKind::Quote &&
         toks[e].kind != TokenKind::Dash) {
    ++e;
  }
  if (e == b || e - b >= 12 || toks[b].kind != TokenKind::Word) return SpeakerPhrase{};
  return role_span(doc, b, e);
}

// A participle cue after a comma: "Blackwell endorsed Cruz last week, saying he ...", "Moon
// expressed ambivalence, telling Xi that he was ...", "Hollande said Tuesday, noting the nominee
// ...". The speaker is the one of the nearest finite cue before it, else the sentence subject; the
// content follows the participle (after "that" when it comes soon).
bool participle_quote(const Document& doc, const QuoteScan& scan, int32_t i, int32_t sf, int32_t se,
                      const CueInfo* c, Attribution& a, int32_t& ca, int32_t& cb) {
  const auto& toks = doc.tokens;
  if (i < sf + 3 || i + 1 >= se) return false;
  // After a comma, or a preposition opening a participle clause ("... after calling for talks").
  const std::string& link = toks[i - 1].lower;
  // A progressive ("Northam is now saying that ..."): the participle is the clause's verb.
  const auto aux = [&](int32_t k) { return k >= sf && CueLexicon::instance().is(toks[k], kPassiveAux); };
  // ("has been calling classmates to ..." is a phone call, not a label: no progressive labels.)
  const bool progressive = c->complement != CueComplement::Label &&
                           (aux(i - 1) || (aux(i - 2) && toks[i - 1].kind == TokenKind::Word &&
                                           (CueLexicon::instance().is(toks[i - 1], kSkip) ||
                                            toks[i - 1].lower == "now" || toks[i - 1].lower.ends_with("ly"))));
  const bool clause_link = link == "after" || link == "before" || link == "while" || link == "when" ||
                           link == "by" || progressive;
  if (!is_punct(toks[i - 1], ",") && !clause_link) return false;
  const int32_t j = i + 1;
  if (toks[j].kind != TokenKind::Word) return false;
  // "calling for talks to "ease tensions"": a demand, its object after "for".
  const bool call_for = c->lemma == "call" && toks[j].lower == "for" && j + 1 < se;
  if (!call_for && not_a_content_start(doc, j, se)) return false;
  const int32_t that = call_for ? -1 : that_after(doc, j, se);
  if (call_for) {
    ca = j + 1;
  } else if (that >= 0) {
    ca = that + 1;
  } else if (c->complement == CueComplement::Clause && (c->lemma != "add" || opens_clause(doc, j, se))) {
    // ("adding new plants" is not speech; "adding the plan would ..." / "adding he ..." is.)
    ca = j;
  } else if (c->complement == CueComplement::Addressee) {
    // "telling USA Today he had nothing to do with it": the addressee, then the clause.
    int32_t m = after_addressee(doc, j, se);
    if (m >= 0) m = skip_time_adjunct(doc, m, se);
    if (m < 0 || !opens_clause(doc, m, se)) return false;
    ca = m;
  } else if (c->complement == CueComplement::Judgement) {
    // "accusing Clinton of lying", "blaming the mayor for the delays".
    if (!reason_follows(doc, j, se)) return false;
    ca = j;
  } else if (c->complement == CueComplement::Label) {
    // "calling Rubio's plan "a welfare transfer payment"": a quoted label (checked by the caller).
    ca = j;
  } else if (c->complement == CueComplement::Request) {
    // "urging his government to lift the tariffs", "asking the auditor whether ...".
    if (!request_follows(doc, j, se)) return false;
    ca = j;
  } else {
    return false;
  }
  SpeakerPhrase sp;
  for (int32_t m = i - 2; m >= sf && i - m <= 15; --m) {
    if (scan.tok_flags[m] & (kTokInDirect | kTokInPartial)) continue;
    const CueInfo* f = finite_cue(doc, m);
    if (!f || f->participle) continue;
    sp = speaker_before(doc, m, sf);
    break;
  }
  if (!sp) sp = clause_subject(doc, sf, i - 1);
  if (!sp || sp.end_tok >= i) return false;
  cb = trim_end(doc, ca, se);
  if (c->complement == CueComplement::Judgement) {
    // The reason ends at the next comma ("The council, blaming the mayor for the delays, voted").
    for (int32_t m = ca; m < cb; ++m)
      if (clause_punct(toks[m])) { cb = m; break; }
  }
  a.cue_tok = i;
  a.cue = c;
  a.speaker = sp;
  a.first_tok = sp.first_tok;
  a.end_tok = i + 1;
  return true;
}

// A report inside a subordinate clause: "..., though he said ...", "after the mayor said ...".
bool subordinator(const std::string& w) {
  return w == "though" || w == "although" || w == "because" || w == "since" || w == "after" || w == "when" ||
         w == "yet" || w == "so";
}

// The phrase a prepositional complement belongs to: "Ana Ruiz of the Port Council said", "The
// embassy in Lima said" -> the phrase before "of"/"in"/"at"/"from" speaks (its end stays).
SpeakerPhrase with_complement(const Document& doc, SpeakerPhrase sp, int32_t sf) {
  const auto& toks = doc.tokens;
  for (int hops = 0; sp && hops < 2 && sp.first_tok - 1 > sf; ++hops) {
    const std::string& w = toks[sp.first_tok - 1].lower;
    if (w != "of" && w != "in" && w != "at" && w != "from") break;
    SpeakerPhrase head = speaker_before(doc, sp.first_tok - 1, sf);
    if (!head || head.end_tok != sp.first_tok - 1 || head.kind == SpeakerKind::Pronoun) break;
    head.end_tok = sp.end_tok;
    sp = head;
  }
  return sp;
}

// A content ends before ", adding ..." / ", saying ..." (the participle starts a reported clause
// of its own, found separately, or an aside) and before ", while Cruz said ..." / ", but aides
// said ..." (another speaker's report).
int32_t cut_at_next_report(const Document& doc, int32_t ca, int32_t cb) {
  const auto& toks = doc.tokens;
  for (int32_t k = ca + 1; k + 1 < cb; ++k) {
    if (!is_punct(toks[k], ",")) continue;
    // The author takes over with a concession: ", even though ...", ", although ...".
    const std::string& w1 = toks[k + 1].lower;
    if (w1 == "although" || w1 == "though" || (w1 == "even" && k + 2 < cb && toks[k + 2].lower == "though")) {
      return trim_end(doc, ca, k);
    }
    // ", but" + a new subject (not a personal pronoun, which mostly goes on with the speaker's
    // view): a sentence-level contrast, the author's ("said she would withdraw the bill, but it
    // did little to ...").
    if (w1 == "but" && k + 2 < cb && opens_clause(doc, k + 2, cb) &&
        !(CueLexicon::instance().word_class(toks[k + 2]) & kPronounPerson)) {
      return trim_end(doc, ca, k);
    }
    const CueInfo* f = CueLexicon::instance().find(toks[k + 1]);
    if (f && f->participle) return trim_end(doc, ca, k);
    int32_t m = k + 1;
    const std::string& w = toks[m].lower;
    if (w == "while" || w == "whereas" || w == "but" || w == "and") ++m;
    for (int32_t v = m + 1; v < cb && v - m <= 5; ++v) {
      if (clause_punct(toks[v]) || toks[v].kind == TokenKind::Quote) break;
      const CueInfo* g = finite_cue(doc, v);
      if (!g || g->participle) continue;
      const SpeakerPhrase sp = speaker_before(doc, v, m);
      if (sp && sp.first_tok == m) return trim_end(doc, ca, k);
      break;
    }
  }
  return cb;
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
      if (t.capitalized && i > sf) continue;  // part of a name ("the United States", "Fox News Reports")
      const CueInfo* c = finite_cue(doc, i);
      if (!c || !c->speech) continue;
      Attribution a;
      a.cue_tok = i;
      a.cue = c;
      int32_t ca = -1, cb = -1;   // content [ca, cb)
      int32_t ca2 = -1, cb2 = -1; // second piece of a parenthetical attribution
      if (c->participle) {
        if (!participle_quote(doc, scan, i, sf, se, c, a, ca, cb)) continue;
      } else if (c->lemma == "according to") {
        if (i + 1 >= se || toks[i + 1].lower != "to") continue;
        a.speaker = speaker_after(doc, i + 2, se);
        if (!a.speaker) a.speaker = source_phrase(doc, i + 2, se);
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
        // "donors said to be on the list", "is said to have": a passive report, no speaker.
        if (c->lemma == "say" && i + 1 < se && toks[i + 1].lower == "to") continue;
        a.speaker = with_complement(doc, speaker_before(doc, i, sf), sf);
        int32_t j = i + 1;
        bool inverted = false;
        bool coordinated = false;
        if (!a.speaker && i - 1 > sf + 1 && (toks[i - 1].lower == "and" || toks[i - 1].lower == "but")) {
          // "Sullivan put off deciding whether ... but said the group could ...": the subject of the
          // first verb of the sentence speaks.
          a.speaker = clause_subject(doc, sf, i - 1);
          // Not when the verb belongs to a relative clause: "women who came out and said ..."
          for (int32_t m = a.speaker ? a.speaker.end_tok : i; m < i - 1; ++m) {
            const std::string& w = toks[m].lower;
            if (w == "who" || w == "which" || w == "whom" || w == "whose") {
              a.speaker = SpeakerPhrase{};
              break;
            }
          }
          coordinated = static_cast<bool>(a.speaker);
        }
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
        // 'said: "..."' / 'said "We ..."' are direct; 'said "every candidate has ..."' (a lower-case
        // piece the direct finder leaves as quoted words) is reported speech holding a quote.
        const bool partial_next = j + 1 < se && toks[j].kind == TokenKind::Quote &&
                                  (scan.tok_flags[j + 1] & kTokInPartial) && !inverted;
        if (j < se && ((toks[j].kind == TokenKind::Quote && !partial_next) || is_punct(toks[j], ":"))) continue;
        // The comma before the clause, also inside a closing mark ('"too little," he added').
        int32_t before = (inverted ? i : coordinated ? sf : a.speaker.first_tok) - 1;
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
        // "On Monday, Trump said Iowa is ...": the comma closes a leading phrase, not a content.
        // The base form after a noun is too often a noun itself ("state fairs", "the report").
        const bool intro = trailing_clause && !inverted && (toks[i].lower != c->lemma || c->lemma == "say") &&
                           intro_phrase(doc, sf, before);
        if (trailing_clause && !intro && (ends_after || k >= se - 1 || inverted)) {
          ca = sf;
          cb = content_end;
        } else if (trailing_clause && k < se && is_punct(toks[k], ",") && (!intro || k == j)) {
          ca = sf;
          cb = content_end;
          ca2 = k + 1;
          cb2 = trim_end(doc, ca2, se);
        } else if (!trailing_clause || before <= sf || intro) {
          if (a.speaker.first_tok > sf + 2 && !(a.speaker.first_tok == sf + 1 && toks[sf].kind == TokenKind::Word)) {
            // The subject must open the sentence (allowing a conjunction or an intro phrase
            // ending in a comma): "But Trump said ..." / "On Tuesday, Trump said ...".
            if (!trailing_clause) {
              const Token& p = toks[a.speaker.first_tok - 1];
              // (a dateline dash: "HONOLULU (AP) - Gov. X said ...")
              if (!is_punct(p, ",") && p.kind != TokenKind::Dash &&
                  !(p.kind == TokenKind::Word && (p.lower == "and" || p.lower == "but" ||
                                                                      p.lower == "while" || p.lower == "whereas" ||
                                                                      subordinator(p.lower)))) {
                continue;
              }
            }
          }
          // "told reporters on Tuesday that ..." : skip to "that" when it comes soon.
          const int32_t that = that_after(doc, j, se);
          if (that >= 0) {
            ca = that + 1;
          } else {
            if (c->complement == CueComplement::Addressee) {
              // "told MSNBC's "Morning Joe" that ...", "told me his support ...", "told CNN on Sunday
              // he ...": the content starts after the addressee. When the addressee is not
              // recognised, the content keeps it ("told Breitbart News Daily host X how ..."),
              // except after a bare object pronoun ("told him to wait").
              const int32_t t2 = that_after(doc, j, se, true);
              int32_t m = t2 >= 0 ? t2 + 1 : after_addressee(doc, j, se);
              if (t2 < 0 && m >= 0) m = skip_time_adjunct(doc, m, se);
              if (t2 >= 0 || (m >= 0 && opens_clause(doc, m, se))) {
                j = m;
              } else if (m >= 0 && m == j + 1 && !toks[j].capitalized) {
                continue;
              }
            }
            j = skip_time_adjunct(doc, j, se);
            if (not_a_content_start(doc, j, se)) continue;
            // Present forms that are mostly nouns ("states", "reports", "comments") report only
            // with "that" ("the report states that ..."), handled above.
            if (c->noun_form && !toks[i].lower.ends_with("ed")) continue;
            // "ask"/"urge" report a request: "asked X to/whether/why ...", not "ask donors for money".
            if (c->complement == CueComplement::Request && !request_follows(doc, j, se)) continue;
            if (c->complement == CueComplement::Judgement && !reason_follows(doc, j, se)) continue;
            // "added 8.3% to $8.06", "added a chart": without "that", "add" reports only a clause
            // opened by a pronoun ("added he would ...", "added it was ...").
            if (c->lemma == "add" && !(j < se && (CueLexicon::instance().word_class(toks[j]) & kPronounPerson ||
                                                  toks[j].lower == "it" || toks[j].lower == "there"))) {
              continue;
            }
            // "vowed to fight on" is a reported commitment; "continued to", "said to be" are not.
            if (j < se && toks[j].lower == "to" && !c->infinitive) continue;
            // A noun object is a report when a subject pronoun opens it ("denied he had") or a
            // reason follows it ("slammed the plan as a cash grab", "blasted Clinton for ...").
            if (j < se && toks[j].kind == TokenKind::Word && c->complement == CueComplement::NounObject &&
                !(CueLexicon::instance().word_class(toks[j]) & kPronounPerson) && !reason_follows(doc, j, se)) {
              continue;
            }
            ca = j;
          }
          if (ca < se && toks[ca].kind == TokenKind::Quote) ++ca;  // the content starts inside the mark
          cb = trim_end(doc, ca, se);
        } else {
          continue;
        }
      }
      if (ca < 0 || cb - ca < 1) continue;
      cb = cut_at_next_report(doc, ca, cb);
      // "X called Y "Z"" reports a label only when the label is quoted ("a group called Our
      // Principles", "called it a day" are not reports).
      if (c->complement == CueComplement::Label && (toks[ca].kind != TokenKind::Word || !label_follows(doc, ca, cb))) {
        continue;
      }
      // A label or a judgement is reported after its verb, never before it ("..., they would have
      // denounced as corrupt" does not report the sentence's first clause).
      if ((c->complement == CueComplement::Label || c->complement == CueComplement::Judgement) && ca < i) continue;
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
