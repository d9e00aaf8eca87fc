#include "analyzer/quotes/attribution.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

constexpr int32_t kMaxClause = 22;  // tokens between a closing mark and its verb

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

bool sentence_final(const Token& t) {
  return t.kind == TokenKind::Punct && (t.lower == "." || t.lower == "?" || t.lower == "!" ||
                                        t.lower == "..." || t.lower == "\xE2\x80\xA6");
}

bool according_to(const Document& doc, int32_t i) {
  const auto& toks = doc.tokens;
  return toks[i].lower == "according" && i + 1 < static_cast<int32_t>(toks.size()) &&
         toks[i + 1].lower == "to";
}

// The clause runs on to the next comma, colon, quotation mark or sentence end.
int32_t clause_end(const Document& doc, int32_t from, int32_t limit) {
  const auto& toks = doc.tokens;
  int32_t e = from;
  while (e < limit) {
    const Token& t = toks[e];
    if (t.kind == TokenKind::Quote || is_punct(t, ",") || is_punct(t, ":") || is_punct(t, ";")) break;
    if (sentence_final(t) && (e + 1 >= limit || toks[e + 1].sentence != t.sentence)) break;
    ++e;
  }
  return e;
}

// A phrase right after a preposition is inside the clause ("Protesters marching through the
// streets chanted"), not its subject ("with X shouting" is X speaking).
bool inside_prepositional_phrase(const Document& doc, const SpeakerPhrase& sp, int32_t floor) {
  if (!sp || sp.first_tok <= floor) return false;
  const std::string& w = doc.tokens[sp.first_tok - 1].lower;
  return w == "through" || w == "in" || w == "on" || w == "at" || w == "from" ||
         w == "into" || w == "across" || w == "near" || w == "outside" || w == "inside" || w == "around" ||
         w == "over" || w == "under" || w == "behind" || w == "along" || w == "past";
}

// A name after a few lower-case modifiers or a number ('9/11 widow Terry Strada'), the phrase
// starting at `begin`; else an empty phrase.
SpeakerPhrase name_after_modifiers(const Document& doc, int32_t begin, int32_t limit) {
  const auto& toks = doc.tokens;
  const auto& lex = CueLexicon::instance();
  for (int32_t m = begin; m < limit && m - begin < 6; ++m) {
    const Token& t = toks[m];
    const bool modifier = t.kind == TokenKind::Number || t.lower == "/" ||
                          (t.kind == TokenKind::Word && !t.capitalized && !lex.find(t) &&
                           !(lex.word_class(t) & (kClauseStop | kPassiveAux | kNonSpeaker | kPronounPerson |
                                                        kDeterminer | kSkip | kTimeWord)));
    if (!modifier) {
      if (m == begin) break;
      SpeakerPhrase sp = speaker_after(doc, m, limit);
      if (sp.kind != SpeakerKind::Name) break;
      sp.first_tok = begin;
      return sp;
    }
  }
  return SpeakerPhrase{};
}

// A dateline opening the sentence ("WASHINGTON (AP) -", "LAS VEGAS/MACAU (Reuters) -"): upper-case
// words, slashes and commas, an optional parenthesised agency, closed by a dash. Returns the token
// after the dash, or `floor` when there is none.
int32_t after_dateline(const Document& doc, int32_t floor, int32_t limit) {
  const auto& toks = doc.tokens;
  bool caps = false, in_parens = false;
  for (int32_t k = floor; k < limit && k - floor < 14; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::Dash || (!in_parens && is_punct(t, "-"))) return caps ? k + 1 : floor;
    if (is_punct(t, "(")) in_parens = true;
    else if (is_punct(t, ")")) in_parens = false;
    else if (t.kind == TokenKind::Word && (t.all_caps || in_parens)) caps |= t.all_caps;
    else if (!is_punct(t, ",") && !is_punct(t, "/") && !is_punct(t, ".")) return floor;
  }
  return floor;
}

// A capitalised word opening a sentence that starts an adverbial ("Last week, ...", "Meanwhile,
// ...", "Earlier, ..."), never a speaker's name.
bool adverbial_opener(const Token& t) {
  const auto& lex = CueLexicon::instance();
  return lex.is(t, kOpener) || (lex.is(t, kTimeWord) && t.lower != "may");
}

}  // namespace

SpeakerPhrase quoted_source(const Document& doc, int32_t as, int32_t floor) {
  const auto& toks = doc.tokens;
  for (int32_t m = as - 1; m >= floor && as - m <= 12; --m) {
    const std::string& w = toks[m].lower;
    if (w != "quoting" && w != "quoted") continue;
    SpeakerPhrase sp = speaker_after(doc, m + 1, as);
    if (!sp || sp.end_tok != as) sp = name_after_modifiers(doc, m + 1, as);
    return sp && sp.end_tok == as ? sp : SpeakerPhrase{};
  }
  return SpeakerPhrase{};
}

const CueInfo* finite_cue(const Document& doc, int32_t i) {
  const auto& toks = doc.tokens;
  if (toks[i].kind != TokenKind::Word) return nullptr;
  const CueInfo* c = CueLexicon::instance().find(toks[i]);
  if (!c) return nullptr;
  if (i > 0 && (CueLexicon::instance().word_class(toks[i - 1]) & kPassiveAux) &&
      c->lemma != "say" && !c->participle) {  // "is saying", "was telling" are active
    return nullptr;  // "was told", "is expected" ...
  }
  return c;
}

SpeakerPhrase clause_subject(const Document& doc, int32_t floor, int32_t limit) {
  const auto& toks = doc.tokens;
  // A role phrase speaks when it is definite ("the spokesman") or opens the clause with a capital
  // ("Protesters marching through the streets chanted", "A spokesman said").
  // "Two days later, Obama ... said": a span of time never speaks.
  auto time_head = [&](const SpeakerPhrase& sp) {
    const std::string& w = toks[sp.end_tok - 1].lower;
    return sp.kind == SpeakerKind::Role && (w == "days" || w == "weeks" || w == "months" || w == "years" ||
                                            w == "hours" || w == "minutes" || w == "decades");
  };
  auto usable = [&](const SpeakerPhrase& sp) {
    if (sp && time_head(sp)) return false;
    return (sp.kind == SpeakerKind::Name || sp.kind == SpeakerKind::Pronoun ||
            (sp.kind == SpeakerKind::Role && (sp.definite || toks[sp.first_tok].capitalized))) &&
           sp.end_tok <= limit;
  };
  floor = after_dateline(doc, floor, limit);
  SpeakerPhrase sp;
  bool time_lead = false;  // "Two days before the vote, ...", "Despite ...,": a longer leading phrase
  // A preposition or subordinator opens a leading phrase ("Despite admitting ..., X is saying").
  const std::string& w0 = floor < limit ? toks[floor].lower : std::string();
  const bool opening_link = w0 == "despite" || w0 == "after" || w0 == "before" || w0 == "during" ||
                            w0 == "since" || w0 == "following" || w0 == "although" || w0 == "though" ||
                            w0 == "because" || w0 == "unlike" || w0 == "amid" || w0 == "while";
  if (floor < limit && !adverbial_opener(toks[floor]) && !opening_link) {
    sp = speaker_after(doc, floor, limit);
    if (usable(sp)) return sp;
    time_lead = sp && time_head(sp);
  }
  time_lead |= opening_link;
  // Skip up to two leading phrases closed by commas ("On July 6, 2015, Sanders ...").
  int32_t from = floor;
  for (int32_t commas = 0; commas < 3; ++commas) {
    int32_t c = from;
    const int32_t reach = commas == 0 && time_lead ? 20 : 8;
    while (c < limit && c - from <= reach && !is_punct(toks[c], ",") && toks[c].kind != TokenKind::Quote) ++c;
    if (c >= limit || !is_punct(toks[c], ",")) break;
    from = c + 1;
    sp = speaker_after(doc, from, limit);
    if (usable(sp)) return sp;
  }
  return SpeakerPhrase{};
}

Attribution attribution_of_verb(const Document& doc, int32_t verb, int32_t floor) {
  const auto& toks = doc.tokens;
  Attribution a;
  if (verb < floor) return a;
  const bool participle = toks[verb].lower.size() > 4 &&
                          toks[verb].lower.compare(toks[verb].lower.size() - 3, 3, "ing") == 0;
  const bool after_comma = verb > floor && is_punct(toks[verb - 1], ",");
  SpeakerPhrase sp;
  if (!(participle && after_comma)) sp = speaker_before(doc, verb, floor);
  const bool inner = inside_prepositional_phrase(doc, sp, floor);
  if (!sp || inner || (participle && after_comma)) {
    SpeakerPhrase subj = clause_subject(doc, floor, verb);
    if (subj || !inner) sp = subj;
  }
  if (!sp) return a;
  a.speaker = sp;
  a.first_tok = std::min(sp.first_tok, verb);
  a.end_tok = verb + 1;
  if (const CueInfo* c = finite_cue(doc, verb)) {
    a.cue_tok = verb;
    a.cue = c;
  }
  return a;
}

Attribution attribution_after(const Document& doc, int32_t begin, int32_t limit) {
  const auto& toks = doc.tokens;
  const auto& lex = CueLexicon::instance();
  Attribution a;
  int32_t j = begin;
  if (j < limit && is_punct(toks[j], ",")) ++j;
  if (j >= limit) return a;
  // A quote that ended its sentence may only be followed by a short "X said." sentence.
  const bool new_sentence = j > 0 && toks[j].sentence != toks[begin > 0 ? begin - 1 : 0].sentence;

  if (toks[j].kind == TokenKind::Dash) {
    // Dash attribution: '"..." - Commissioner X' (possibly followed by a verb).
    SpeakerPhrase sp = speaker_after(doc, j + 1, limit);
    if (sp.kind == SpeakerKind::Name || sp.kind == SpeakerKind::Role) {
      a.speaker = sp;
      a.first_tok = j;
      a.end_tok = clause_end(doc, sp.end_tok, limit);
      if (sp.end_tok < limit && finite_cue(doc, sp.end_tok)) {
        a.cue_tok = sp.end_tok;
        a.cue = finite_cue(doc, sp.end_tok);
      }
    }
    return a;
  }
  if (according_to(doc, j)) {
    SpeakerPhrase sp = speaker_after(doc, j + 2, limit);
    if (!sp) return a;
    a.cue_tok = j;
    a.cue = lex.find("according");
    a.speaker = sp;
    a.first_tok = j;
    a.end_tok = clause_end(doc, sp.end_tok, limit);
    return a;
  }
  if (const CueInfo* c = finite_cue(doc, j)) {
    // '"...," said X'
    a.cue_tok = j;
    a.cue = c;
    a.speaker = speaker_after(doc, j + 1, limit);
    if (!a.speaker) a.speaker = name_after_modifiers(doc, j + 1, limit);  // 'said 9/11 widow Terry Strada'
    a.first_tok = j;
    a.end_tok = clause_end(doc, a.speaker ? a.speaker.end_tok : j + 1, limit);
  } else {
    // '"...," X said' / '"...," X, the minister, said'
    for (int32_t k = j + 1; k < limit && k - j <= kMaxClause; ++k) {
      const Token& t = toks[k];
      if (t.kind == TokenKind::Quote) break;
      if (sentence_final(t) && !(is_punct(t, ".") && k + 1 < limit && toks[k + 1].sentence == t.sentence)) break;
      const CueInfo* c = finite_cue(doc, k);
      if (!c || c->participle) continue;
      SpeakerPhrase sp = speaker_before(doc, k, j);
      if (sp.kind == SpeakerKind::Name && sp.first_tok > j && sp.first_tok - j <= 3) {
        // '"...," panel Chairman Rep. Jo Ames (R-Utah) said': lower-case modifiers before the title.
        bool plain = true;
        for (int32_t m = j; m < sp.first_tok && plain; ++m) {
          const Token& w = toks[m];
          plain = w.kind == TokenKind::Word && !w.capitalized && !lex.find(w) &&
                  !(lex.word_class(w) & (kClauseStop | kPassiveAux | kPronounPerson | kNonSpeaker | kSkip));
        }
        if (plain) sp.first_tok = j;
      }
      if (sp && sp.first_tok > j + 1 && inside_prepositional_phrase(doc, sp, j)) {
        // '"...?" a narrator in the Clinton ad asks': the head before the preposition speaks.
        if (SpeakerPhrase g = plain_phrase(doc, j, sp.first_tok - 1)) sp = g;
      }
      if (!(sp && sp.first_tok == j) && k - j <= 8) {
        // Right after a closing mark, a short run of plain words before the verb is the
        // speaker even when its head is unknown ("the gambling tycoon told", "CBS This Morning
        // co-anchor DeMarco Morgan said").
        SpeakerPhrase g = plain_phrase(doc, j, k);
        if (g) {
          if (sp && sp.kind == SpeakerKind::Name) {
            sp.first_tok = j;
          } else {
            sp = g;
          }
        }
      }
      if (sp && sp.first_tok == j) {
        a.cue_tok = k;
        a.cue = c;
        a.speaker = sp;
        a.first_tok = j;
        a.end_tok = clause_end(doc, k + 1, limit);
      }
      break;
    }
  }
  if (a.found() && new_sentence) {
    // "He said it was..." after a quote is a new statement, not this quote's attribution: only
    // "X said." / "said X." / "X said on Monday." stand alone.
    if (!a.speaker) return Attribution{};
    const int32_t after = std::max(a.cue_tok + 1, a.speaker.end_tok);
    if (after < limit && !sentence_final(toks[after]) && !is_punct(toks[after], ",")) {
      const uint16_t c = lex.word_class(toks[after]);
      if (!(c & (kClauseStop | kTimeWord)) || toks[after].lower == "that") return Attribution{};
    }
  }
  return a;
}

Attribution attribution_before(const Document& doc, int32_t open, int32_t floor) {
  const auto& toks = doc.tokens;
  const auto& lex = CueLexicon::instance();
  Attribution a;
  int32_t j = open - 1;
  if (j < floor) return a;
  const bool colon = is_punct(toks[j], ":");
  const bool comma = is_punct(toks[j], ",");
  if (colon || comma) --j;
  if (j < floor) return a;
  const int32_t reach = colon ? 40 : 10;
  for (int32_t k = j; k >= floor && j - k <= reach; --k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::Quote) break;
    if (!colon && !comma && k != j) break;  // 'said "We ...' : the verb must touch the mark
    const CueInfo* c = nullptr;
    if (according_to(doc, k)) {
      SpeakerPhrase sp = speaker_after(doc, k + 2, j + 1);
      if (!sp) break;
      a.cue_tok = k;
      a.cue = lex.find("according");
      a.speaker = sp;
      a.first_tok = k;
      a.end_tok = open;
      return a;
    }
    c = finite_cue(doc, k);
    if (!c) continue;
    a.cue_tok = k;
    a.cue = c;
    a.speaker = speaker_before(doc, k, floor);
    if (inside_prepositional_phrase(doc, a.speaker, floor)) {
      if (SpeakerPhrase subj = clause_subject(doc, floor, k)) a.speaker = subj;
    }
    const bool after_comma = k > floor && is_punct(toks[k - 1], ",");
    if (c->participle && k - 2 >= floor && toks[k - 1].lower == "as") {
      // "..., quoting harbour master Ilse Marr as saying: ...": the one quoted speaks.
      if (SpeakerPhrase src = quoted_source(doc, k - 1, floor)) {
        a.speaker = src;
        a.first_tok = src.first_tok;
        a.end_tok = open;
        return a;
      }
    }
    if (c->participle && (a.speaker.kind != SpeakerKind::Name || after_comma)) {
      // "Spicer said, adding, ...": the speaker of the finite verb before the participle. After a
      // comma the name before it is not the speaker ("Trump attacked Clinton over Libya, saying").
      SpeakerPhrase direct = a.speaker;
      a.speaker = SpeakerPhrase{};
      for (int32_t m = k - 1; m >= floor && k - m <= 15; --m) {
        const CueInfo* f = finite_cue(doc, m);
        if (!f || f->participle) continue;
        a.speaker = speaker_before(doc, m, floor);
        break;
      }
      if (!a.speaker && after_comma) a.speaker = clause_subject(doc, floor, k);
      if (!a.speaker && !after_comma) a.speaker = direct;
    }
    if (!a.speaker && !c->takes_object) {
      // "said Trump:" / "Said Dorothy Poynter, who grew up there, ..." (after "told" / "asked"
      // comes the addressee, not the speaker)
      SpeakerPhrase sp = speaker_after(doc, k + 1, j + 1);
      if (sp && (sp.end_tok >= j || k == floor || (sp.end_tok <= j && is_punct(toks[sp.end_tok], ",")))) {
        a.speaker = sp;
      }
    }
    if (!a.speaker && k > floor) {
      // "Clinton posted a comment, saying, ..." / "X went on Twitter, writing: ...": the
      // subject of the sentence speaks.
      SpeakerPhrase sp = speaker_after(doc, floor, k);
      if ((sp.kind == SpeakerKind::Name || sp.kind == SpeakerKind::Pronoun ||
           (sp.kind == SpeakerKind::Role && sp.definite)) && sp.end_tok <= k) {
        a.speaker = sp;
      }
    }
    a.first_tok = a.speaker && a.speaker.first_tok < k ? a.speaker.first_tok : k;
    a.end_tok = open;
    return a;
  }
  if (colon) {
    // 'doesn't surprise pollster Daron Shaw: "..."' / 'Police Chief Maren Lund put it bluntly:
    // "..."': no reporting verb; the name before the colon, else the subject, speaks.
    SpeakerPhrase before = speaker_before(doc, j + 1, floor);
    if (before.kind == SpeakerKind::Name) {
      a.speaker = before;
      a.first_tok = before.first_tok;
      a.end_tok = open;
      return a;
    }
    SpeakerPhrase sp = clause_subject(doc, floor, j);
    if ((sp.kind == SpeakerKind::Name || sp.kind == SpeakerKind::Pronoun) && sp.end_tok < j) {
      a.speaker = sp;
      a.first_tok = floor;
      a.end_tok = open;
    }
  }
  return a;
}

}  // namespace framelens
