#include "analyzer/text/sentence_splitter.h"

#include <array>
#include <algorithm>
#include <string_view>

namespace framelens {

namespace {

using namespace std::string_view_literals;

// Sorted lists, looked up with binary search.
constexpr std::array kTitles = {
    "adm"sv, "amb"sv, "atty"sv, "capt"sv, "cmdr"sv, "col"sv, "cpl"sv, "dr"sv, "fr"sv, "gen"sv,
    "gov"sv, "hon"sv, "insp"sv, "lt"sv, "maj"sv, "messrs"sv, "mr"sv, "mrs"sv, "ms"sv, "pres"sv,
    "prof"sv, "pvt"sv, "rep"sv, "reps"sv, "rev"sv, "sen"sv, "sens"sv, "sgt"sv, "supt"sv};
// Abbreviations that do not end a sentence when a number follows ("Jan. 5", "No. 1").
constexpr std::array kBeforeNumber = {
    "apr"sv, "art"sv, "aug"sv, "ch"sv, "dec"sv, "feb"sv, "fig"sv, "jan"sv, "jul"sv, "jun"sv,
    "mar"sv, "no"sv, "nos"sv, "nov"sv, "oct"sv, "p"sv, "pp"sv, "sec"sv, "sep"sv, "sept"sv,
    "vol"sv};
// Abbreviations that end a sentence only when a typical sentence opener follows.
constexpr std::array kWeak = {
    "al"sv, "approx"sv, "assn"sv, "ave"sv, "blvd"sv, "bros"sv, "co"sv, "corp"sv, "dept"sv,
    "e.g"sv, "est"sv, "etc"sv, "ft"sv, "i.e"sv, "inc"sv, "jr"sv, "llc"sv, "ltd"sv, "mt"sv,
    "rd"sv, "sr"sv, "st"sv, "univ"sv, "vs"sv};
constexpr std::array kOpeners = {
    "a"sv, "after"sv, "also"sv, "an"sv, "and"sv, "as"sv, "at"sv, "but"sv, "by"sv, "for"sv,
    "he"sv, "her"sv, "his"sv, "however"sv, "i"sv, "if"sv, "in"sv, "it"sv, "its"sv,
    "meanwhile"sv, "most"sv, "on"sv, "one"sv, "our"sv, "she"sv, "so"sv, "some"sv, "that"sv,
    "the"sv, "their"sv, "there"sv, "these"sv, "they"sv, "this"sv, "those"sv, "we"sv, "what"sv,
    "when"sv, "while"sv, "who"sv, "why"sv, "yet"sv, "you"sv};

template <size_t N>
bool in(const std::array<std::string_view, N>& a, std::string_view w) {
  return std::binary_search(a.begin(), a.end(), w);
}

bool is_terminator(const Token& t) {
  if (t.kind != TokenKind::Punct) return false;
  char c = t.lower.empty() ? 0 : t.lower[0];
  return c == '.' || c == '!' || c == '?' || t.lower == "\xE2\x80\xA6";  // … U+2026
}

bool is_closer(const Token& t) {
  if (t.space_before) return false;
  if (t.kind == TokenKind::Quote) return true;
  return t.kind == TokenKind::Punct && (t.lower == ")" || t.lower == "]");
}

bool starts_lower(const Token& t) {
  if (t.kind != TokenKind::Word) return false;
  return !t.capitalized && !t.lower.empty() && static_cast<unsigned char>(t.lower[0]) < 0x80 &&
         t.lower[0] >= 'a' && t.lower[0] <= 'z';
}

bool looks_like_opener(const Token& t) {
  if (t.kind == TokenKind::Quote) return true;
  if (t.kind != TokenKind::Word || !t.capitalized) return false;
  return in(kOpeners, t.lower);
}

}  // namespace

bool is_title_abbreviation(std::string_view lower) { return in(kTitles, lower); }

void split_sentences(Document& doc) {
  auto& toks = doc.tokens;
  const int32_t n = static_cast<int32_t>(toks.size());
  doc.sentences.clear();
  doc.paragraphs.clear();
  if (n == 0) return;

  // Paragraph breaks: blank lines; a text without any blank line uses single line breaks.
  bool has_blank = false;
  for (const auto& t : toks) if (t.breaks_before >= 2) { has_blank = true; break; }
  // A single line break inside running text that was hard-wrapped (lower-case continuation).
  auto wrapped = [&](int32_t i) {
    const Token& t = toks[i - 1];
    const Token& nx = toks[i];
    return nx.breaks_before == 1 && (starts_lower(nx) || nx.kind == TokenKind::Number) &&
           (t.kind == TokenKind::Word || t.lower == "," || t.kind == TokenKind::Dash);
  };
  auto paragraph_break = [&](int32_t i) {
    if (i <= 0) return false;
    return has_blank ? toks[i].breaks_before >= 2 : (toks[i].breaks_before >= 1 && !wrapped(i));
  };

  auto boundary_after = [&](int32_t i, int32_t& last) -> bool {
    // Decide whether a sentence ends after token i; `last` gets the final token of the sentence
    // (closing quotes/brackets absorbed).
    last = i;
    const Token& t = toks[i];
    bool term = is_terminator(t);
    bool acronym_dot = t.kind == TokenKind::Word && t.lower.size() > 1 && t.lower.back() == '.';
    if (!term && !acronym_dot) {
      if (i + 1 >= n) return true;
      const Token& nx = toks[i + 1];
      if (nx.breaks_before == 0) return false;
      // A line break ends the sentence unless it looks like hard-wrapped running text.
      return !wrapped(i + 1);
    }
    // A dot glued to the next word is inside an abbreviation ("(D-N.C.)", "(R-N.Y.)"): the
    // tokenizer splits those after the hyphen, and a sentence never ends without a space.
    if (i + 1 < n && t.lower == "." && !toks[i + 1].space_before && toks[i + 1].breaks_before == 0 &&
        toks[i + 1].kind == TokenKind::Word) {
      return false;
    }
    int32_t j = i + 1;
    while (j < n && (is_closer(toks[j]) || (is_terminator(toks[j]) && !toks[j].space_before))) ++j;
    last = j - 1;
    if (j >= n) return true;
    const Token& nx = toks[j];
    if (nx.breaks_before > 0) return true;
    if (starts_lower(nx)) return false;
    // Sentence-internal punctuation after a closing quote/bracket: '"Stop!", he said'.
    if (nx.kind == TokenKind::Punct && (nx.lower == "," || nx.lower == ";" || nx.lower == ":" ||
                                        nx.lower == ")")) return false;
    if (nx.kind == TokenKind::Dash) return false;
    if (acronym_dot) return last > i ? true : looks_like_opener(nx);
    if (t.lower[0] == '.' && t.lower.size() == 1 && i > 0 && !t.space_before) {
      const Token& prev = toks[i - 1];
      if (prev.kind == TokenKind::Word) {
        if (last > i) return true;  // a closing quote after the dot ends it ('said." Next')
        if (in(kTitles, prev.lower)) return false;
        if (in(kBeforeNumber, prev.lower) && nx.kind == TokenKind::Number) return false;
        bool initial = prev.span.size() == 1 && prev.capitalized;
        if (initial || in(kWeak, prev.lower)) return looks_like_opener(nx);
      }
    }
    if (t.lower.size() >= 2 && t.lower[0] == '.' && !starts_lower(nx)) return true;  // ellipsis
    return true;
  };

  int32_t start = 0;
  int32_t para_start_sentence = 0;
  auto close_paragraph = [&](int32_t end_sentence) {
    if (end_sentence <= para_start_sentence) return;
    Paragraph p;
    p.first_sentence = para_start_sentence;
    p.end_sentence = end_sentence;
    p.span = {doc.sentences[para_start_sentence].span.start,
              doc.sentences[end_sentence - 1].span.end};
    const int32_t pi = static_cast<int32_t>(doc.paragraphs.size());
    for (int32_t s = p.first_sentence; s < p.end_sentence; ++s) doc.sentences[s].paragraph = pi;
    doc.paragraphs.push_back(p);
    para_start_sentence = end_sentence;
  };

  int32_t i = 0;
  while (i < n) {
    int32_t last = i;
    bool end_here = boundary_after(i, last);
    // Never let a sentence run across a paragraph break.
    if (!end_here && last + 1 < n && paragraph_break(last + 1)) end_here = true;
    if (end_here || last + 1 >= n) {
      Sentence s;
      s.first_token = start;
      s.end_token = last + 1;
      s.span = {toks[start].span.start, toks[last].span.end};
      const int32_t si = static_cast<int32_t>(doc.sentences.size());
      for (int32_t k = start; k <= last; ++k) toks[k].sentence = si;
      doc.sentences.push_back(s);
      if (last + 1 >= n || paragraph_break(last + 1)) close_paragraph(si + 1);
      start = last + 1;
    }
    i = last + 1;
  }
  close_paragraph(static_cast<int32_t>(doc.sentences.size()));
}

}  // namespace framelens
