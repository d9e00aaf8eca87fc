#include "analyzer/quotes/speaker_phrase.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

constexpr int32_t kMaxPhrase = 12;

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

bool is_preposition_link(const Token& t) {
  return t.kind == TokenKind::Word && (t.lower == "of" || t.lower == "for" || t.lower == "at");
}

// A capitalised word that can be part of a name (not "The", "But", "He", "It", "Then").
bool name_word(const CueLexicon& lex, const Token& t) {
  if (t.kind != TokenKind::Word || !t.capitalized) return false;
  const CueInfo* cue = nullptr;
  const uint16_t c = lex.classify(t, &cue);
  if (c & (kDeterminer | kPronounPerson | kNonSpeaker | kSkip | kClauseStop | kTimeWord)) {
    return (c & kTitle) != 0;  // "President", "Judge" stay
  }
  return !cue;
}

// "J." / "Rep." / "Jr." : a period glued to a short capitalised word.
bool abbrev_dot(const Document& doc, int32_t i) {
  const auto& toks = doc.tokens;
  // The sentence splitter already decided whether the period ends the sentence.
  return i > 0 && i + 1 < static_cast<int32_t>(toks.size()) && is_punct(toks[i], ".") &&
         !toks[i].space_before && toks[i - 1].capitalized && toks[i - 1].kind == TokenKind::Word &&
         toks[i - 1].span.size() <= 4 && toks[i + 1].sentence == toks[i].sentence;
}

// Fills head/name/kind/role of a phrase whose tokens are [first, end).
SpeakerPhrase describe(const Document& doc, int32_t first, int32_t end) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  SpeakerPhrase sp;
  if (first >= end) return sp;
  // The core stops before a prepositional complement ("Joel Pollak of Breitbart") or a
  // parenthesis ("Tiberi (R-Ohio)").
  int32_t core_end = first;
  while (core_end < end && !is_preposition_link(toks[core_end]) && !is_punct(toks[core_end], "(")) {
    ++core_end;
  }
  if (core_end == first) return sp;
  for (int32_t i = first; i < end; ++i) {
    if (toks[i].kind == TokenKind::Word && (lex.word_class(toks[i]) & kRoleNoun) &&
        !toks[i].capitalized) {
      sp.role = toks[i].lower;
    }
  }
  const Token& head = toks[core_end - 1];
  sp.first_tok = first;
  sp.end_tok = end;
  const uint16_t hc = lex.word_class(head);
  if (core_end - first == 1 && (hc & kPronounPerson)) {
    sp.kind = SpeakerKind::Pronoun;
    sp.head = head.span;
    sp.name = head.lower;
    return sp;
  }
  if (name_word(lex, head) && !(hc & (kTitle | kRoleNoun | kModifier))) {
    // The name is the trailing run of name words after the last title, role or modifier
    // ("Former Gov. Lena Hart" -> "Lena Hart"; initials stay: "Paul K. Dunmore").
    constexpr uint16_t kNotName = kTitle | kRoleNoun | kModifier;
    int32_t n = core_end - 1;
    while (n - 1 >= first) {
      const Token& t = toks[n - 1];
      if (t.kind == TokenKind::Word && name_word(lex, t) && !(lex.word_class(t) & kNotName)) {
        --n;
        continue;
      }
      if (abbrev_dot(doc, n - 1) && n - 2 >= first && !(lex.word_class(toks[n - 2]) & kNotName)) {
        --n;
        continue;
      }
      break;
    }
    while (n < core_end && toks[n].kind != TokenKind::Word) ++n;
    if (n < core_end) {
      for (int32_t k = n - 1; k >= first && k >= n - 3; --k) {
        if (toks[k].kind == TokenKind::Word && (lex.word_class(toks[k]) & (kTitle | kRoleNoun))) {
          sp.role = toks[k].lower;
          // "Vice President X" is not "the president" mentioned later.
          if (k > first && toks[k - 1].lower == "vice") sp.role = "vice " + sp.role;
          break;
        }
      }
      sp.kind = SpeakerKind::Name;
      sp.head = {toks[n].span.start, toks[core_end - 1].span.end};
      sp.name = doc.norm_slice(sp.head);
      return sp;
    }
  }
  const bool determined = (lex.word_class(toks[first]) & kDeterminer) && core_end - first >= 2;
  if ((hc & (kRoleNoun | kTitle)) || name_word(lex, head) || (determined && head.kind == TokenKind::Word)) {
    sp.kind = SpeakerKind::Role;
    sp.head = {toks[first].span.start, toks[end - 1].span.end};
    sp.name = doc.norm_slice(sp.head);
    const std::string& d = toks[first].lower;
    sp.definite = d == "the" || d == "his" || d == "her" || d == "their" || d == "its" ||
                  (first + 1 < end && toks[first + 1].lower == "'s");
    if (sp.role.empty()) sp.role = head.lower;
    return sp;
  }
  return SpeakerPhrase{};
}

// Extends a phrase backwards from token end-1. Returns the first token, or `end` if none.
int32_t collect_back(const Document& doc, int32_t end, int32_t floor) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  int32_t first = end;
  int32_t i = end - 1;
  while (i >= floor && end - i <= kMaxPhrase) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::Word) {
      const uint16_t c = lex.word_class(t);
      if (t.lower == "'s") { first = i--; continue; }
      if (c & kPronounPerson) {
        if (first == end) first = i;
        break;
      }
      if (c & kDeterminer) {
        if (first < end) first = i;
        break;
      }
      if (name_word(lex, t) || (!t.capitalized && (c & (kRoleNoun | kModifier)))) { first = i--; continue; }
      if (is_preposition_link(t) && first < end && i - 1 >= floor &&
          (name_word(lex, toks[i - 1]) || (lex.word_class(toks[i - 1]) & kRoleNoun))) {
        first = i--;
        continue;
      }
      break;
    }
    if (abbrev_dot(doc, i)) { first = i--; continue; }
    if (is_punct(t, ")") && first == end) {
      int32_t k = i - 1;
      while (k >= floor && i - k <= 6 && !is_punct(toks[k], "(")) --k;
      if (k >= floor && is_punct(toks[k], "(")) { first = k; i = k - 1; continue; }
      break;
    }
    if (t.kind == TokenKind::Dash && first < end && i - 1 >= floor && !t.space_before &&
        toks[i - 1].kind == TokenKind::Word) {
      first = i--;  // "R-Ohio" style glued hyphen parts
      continue;
    }
    break;
  }
  // A phrase may not start with a preposition or a bare possessive.
  while (first < end && (is_preposition_link(toks[first]) || toks[first].lower == "'s")) ++first;
  return first;
}

bool is_time_word(const CueLexicon& lex, const Token& t) {
  return t.kind == TokenKind::Word && (lex.word_class(t) & kTimeWord);
}

}  // namespace

bool is_name_word(const Token& t) { return name_word(CueLexicon::instance(), t); }

SpeakerPhrase role_span(const Document& doc, int32_t first, int32_t end) {
  const auto& toks = doc.tokens;
  SpeakerPhrase sp;
  sp.kind = SpeakerKind::Role;
  sp.first_tok = first;
  sp.end_tok = end;
  sp.head = {toks[first].span.start, toks[end - 1].span.end};
  sp.name = doc.norm_slice(sp.head);
  sp.role = toks[end - 1].lower;
  return sp;
}

SpeakerPhrase plain_phrase(const Document& doc, int32_t first, int32_t end) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  if (first >= end) return {};
  const Token& f = toks[first];
  if (f.kind != TokenKind::Word) return {};
  const uint16_t fc = lex.word_class(f);
  if (fc & (kNonSpeaker | kPronounPerson | kClauseStop | kSkip | kPassiveAux)) return {};
  if (lex.find(f)) return {};
  int32_t e = end;
  // Adverbs before the verb are not part of the phrase ("the company also said").
  while (e > first + 1 && toks[e - 1].kind == TokenKind::Word && (lex.word_class(toks[e - 1]) & kSkip)) --e;
  for (int32_t i = first; i < e; ++i) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::Word) {
      if (lex.word_class(t) & (kClauseStop | kPassiveAux)) return {};
      continue;
    }
    if (abbrev_dot(doc, i)) continue;
    if (t.kind == TokenKind::Dash && !t.space_before) continue;
    return {};
  }
  SpeakerPhrase sp = role_span(doc, first, e);
  sp.definite = f.lower == "the";
  return sp;
}

SpeakerPhrase speaker_before(const Document& doc, int32_t end, int32_t floor) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  if (floor < 0) floor = 0;
  int32_t i = end - 1;
  // Skip adverbs and time phrases between the speaker and the verb ("Trump on Tuesday said").
  while (i >= floor) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::Word && !t.capitalized && (lex.word_class(t) & kSkip)) { --i; continue; }
    // Adverbs ("reportedly", "forcefully").
    if (t.kind == TokenKind::Word && !t.capitalized && t.lower.size() > 4 &&
        t.lower.compare(t.lower.size() - 2, 2, "ly") == 0 && !(lex.word_class(t) & kRoleNoun)) {
      --i;
      continue;
    }
    if (is_time_word(lex, t)) {
      // "on Tuesday", "last week", or a bare "Thursday" ("Priebus later Thursday told").
      const bool lead = i - 1 >= floor && (toks[i - 1].lower == "on" || toks[i - 1].lower == "last" ||
                                          toks[i - 1].lower == "this");
      const bool weekday = t.capitalized && t.lower.size() > 5 && t.lower.compare(t.lower.size() - 3, 3, "day") == 0;
      if (lead || weekday) {
        i -= lead ? 2 : 1;
        continue;
      }
    }
    break;
  }
  if (i < floor) return {};
  if (is_punct(toks[i], ",")) {
    // Apposition: "X, the minister, said" / "Moon's spokesman, Yoon Young, said".
    int32_t c1 = -1;
    for (int32_t k = i - 1; k >= floor && i - k <= 25; --k) {
      const Token& t = toks[k];
      if (is_punct(t, ",")) { c1 = k; break; }
      if (t.kind == TokenKind::Quote || is_punct(t, ".") || is_punct(t, ";") || is_punct(t, ":") ||
          is_punct(t, "?") || is_punct(t, "!")) {
        if (is_punct(t, ".") && abbrev_dot(doc, k)) continue;
        break;
      }
    }
    if (c1 < 0) return {};
    const int32_t f1 = collect_back(doc, c1, floor);
    SpeakerPhrase np1 = describe(doc, f1, c1);
    if (!np1) {
      // Not an apposition: a stray comma before the verb ("Gov. John Kasich (R-OH), said").
      const int32_t f0 = collect_back(doc, i, floor);
      SpeakerPhrase np0 = describe(doc, f0, i);
      if (np0.kind == SpeakerKind::Name) np0.end_tok = i + 1;
      return np0.kind == SpeakerKind::Name ? np0 : SpeakerPhrase{};
    }
    const int32_t f2 = collect_back(doc, i, c1 + 1);
    if (f2 == c1 + 1) {
      SpeakerPhrase np2 = describe(doc, f2, i);
      if (np2.kind == SpeakerKind::Name && np1.kind == SpeakerKind::Role) {
        np2.role = np1.role;
        np2.first_tok = f1;
        np2.end_tok = i + 1;
        return np2;
      }
      if (np2 && !np2.role.empty() && np1.role.empty()) np1.role = np2.role;
    }
    for (int32_t k = i - 1; k > c1 && np1.role.empty(); --k) {
      if (toks[k].kind == TokenKind::Word && (lex.word_class(toks[k]) & (kRoleNoun | kTitle))) np1.role = toks[k].lower;
    }
    np1.end_tok = i + 1;
    return np1;
  }
  int32_t f = collect_back(doc, i + 1, floor);
  SpeakerPhrase sp = describe(doc, f, i + 1);
  // "union officials said", "the county engineer said": up to two plain lower-case words before
  // a role head, when a determiner, a comma or the clause start comes before them.
  if (sp.kind == SpeakerKind::Role || !sp) {
    int32_t g = f;
    while (g - 1 >= floor && f - g < 2 && toks[g - 1].kind == TokenKind::Word && !toks[g - 1].capitalized &&
           !(lex.word_class(toks[g - 1]) & (kClauseStop | kPassiveAux | kSkip | kNonSpeaker | kDeterminer |
                                                  kPronounPerson)) &&
           !lex.find(toks[g - 1])) {
      --g;
    }
    if (g < f) {
      const bool det = g - 1 >= floor && (lex.word_class(toks[g - 1]) & kDeterminer);
      const bool open = g == floor || (g - 1 >= floor && (is_punct(toks[g - 1], ",") || toks[g - 1].kind == TokenKind::Quote));
      if (det || open) {
        SpeakerPhrase ext = describe(doc, det ? g - 1 : g, i + 1);
        if (ext.kind == SpeakerKind::Role) return ext;
      }
    }
  }
  return sp;
}

SpeakerPhrase speaker_after(const Document& doc, int32_t begin, int32_t limit) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  if (limit > static_cast<int32_t>(toks.size())) limit = static_cast<int32_t>(toks.size());
  int32_t i = begin;
  if (i >= limit) return {};
  if (toks[i].kind == TokenKind::Word && (lex.word_class(toks[i]) & kPronounPerson)) {
    return describe(doc, i, i + 1);
  }
  bool determined = false;
  if (toks[i].kind == TokenKind::Word && (lex.word_class(toks[i]) & kDeterminer) &&
      !name_word(lex, toks[i])) {
    ++i;
    determined = true;
  }
  while (i < limit && i - begin < kMaxPhrase) {
    const Token& t = toks[i];
    if (t.kind == TokenKind::Word) {
      const uint16_t c = lex.word_class(t);
      if (t.lower == "'s" && i > begin) { ++i; continue; }
      if (name_word(lex, t) || (!t.capitalized && (c & (kRoleNoun | kModifier)))) { ++i; continue; }
      // "the transport agency": plain words after a determiner.
      constexpr uint16_t kNotPlain = kClauseStop | kPassiveAux | kSkip | kNonSpeaker | kPronounPerson | kDeterminer;
      if (determined && !t.capitalized && i - begin <= 4 && !(c & kNotPlain) && !lex.find(t)) {
        // A past-tense verb ends the phrase ("the port authority delayed the tender"); an -ed
        // adjective is followed by its noun ("the embattled senator").
        const bool ed = t.lower.size() > 4 && t.lower.ends_with("ed");
        if (ed && !(i + 1 < limit && toks[i + 1].kind == TokenKind::Word && !toks[i + 1].capitalized &&
                    !(lex.word_class(toks[i + 1]) & kNotPlain) && !lex.find(toks[i + 1]))) {
          break;
        }
        ++i;
        continue;
      }
      if (is_preposition_link(t) && i > begin && i + 1 < limit &&
          (name_word(lex, toks[i + 1]) || (lex.word_class(toks[i + 1]) & kDeterminer))) {
        ++i;
        if (lex.word_class(toks[i]) & kDeterminer) ++i;
        continue;
      }
      break;
    }
    if (abbrev_dot(doc, i)) { ++i; continue; }
    if (is_punct(t, "(") && i > begin) {
      int32_t k = i + 1;
      while (k < limit && k - i <= 6 && !is_punct(toks[k], ")")) ++k;
      if (k < limit && is_punct(toks[k], ")")) { i = k + 1; continue; }
      break;
    }
    if (t.kind == TokenKind::Dash && !t.space_before && i > begin && i + 1 < limit &&
        !toks[i + 1].space_before) {
      ++i;
      continue;
    }
    break;
  }
  int32_t end = i;
  // Do not end on a dangling link word or determiner.
  while (end > begin && (is_preposition_link(toks[end - 1]) ||
                         (lex.word_class(toks[end - 1]) & kDeterminer))) {
    --end;
  }
  SpeakerPhrase sp = describe(doc, begin, end);
  if (sp.kind == SpeakerKind::Name && sp.role.empty() && end < limit && is_punct(toks[end], ",")) {
    // "said Arne Dahl, a spokesman for the port": remember the role for "the spokesman" later.
    for (int32_t k = end + 1; k < limit && k - end <= 8; ++k) {
      const Token& t = toks[k];
      if (t.kind != TokenKind::Word) break;
      if (!t.capitalized && (lex.word_class(t) & kRoleNoun)) { sp.role = t.lower; break; }
    }
  }
  return sp;
}

}  // namespace framelens
