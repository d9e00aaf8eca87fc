#include "analyzer/quotes/reported_clause.h"

#include "analyzer/quotes/cue_lexicon.h"

namespace framelens {

namespace {

bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::Punct && t.lower == p; }

// One comma-separated piece of a leading phrase opens with a preposition, an adverb, a time word
// or a participle.
bool intro_piece(const Document& doc, int32_t a, int32_t b) {
  const auto& toks = doc.tokens;
  if (b - a < 1) return false;
  int32_t f = a;
  if (f + 1 < b && (toks[f].lower == "but" || toks[f].lower == "and" || toks[f].lower == "so")) ++f;
  const Token& t = toks[f];
  if (t.kind != TokenKind::Word) return false;
  const std::string& w = t.lower;
  // Prepositions and subordinators open an adverbial ("On Monday", "After the vote", "As expected").
  static constexpr std::string_view kOpeningLinks[] = {
      "on", "in", "at", "during", "after", "before", "since", "following", "despite", "for",
      "with", "without", "under", "from", "by", "as", "when", "while", "aside", "apart", "besides"};
  for (std::string_view o : kOpeningLinks)
    if (w == o) return true;
  if (CueLexicon::instance().is(t, kOpener)) return true;
  if (CueLexicon::instance().is(t, kTimeWord) && w != "may") return true;
  // "Speaking to ...", "Separately, ...", "Adopted by an American family in 1981, he says ...".
  return w.size() > 5 && (w.ends_with("ing") || w.ends_with("ly") || w.ends_with("ed"));
}

}  // namespace

bool clause_punct(const Token& t) {
  return t.kind == TokenKind::Punct && (t.lower == "," || t.lower == ";" || t.lower == ":" || t.lower == "." ||
                                        t.lower == "?" || t.lower == "!" || t.lower == "(" || t.lower == ")");
}

// A quoted label within 8 tokens of a, before any clause punctuation ('Clinton "a liar"',
// 'his rival "totally scripted"').
bool label_follows(const Document& doc, int32_t a, int32_t b) {
  for (int32_t i = a; i < b && i - a <= 8; ++i) {
    if (doc.tokens[i].kind == TokenKind::Quote) return true;
    if (clause_punct(doc.tokens[i])) return false;
  }
  return false;
}


// A time adjunct right after the verb ("said on Friday he ...", "said last week the ...", "said
// Tuesday night it ..."): the content starts after it. Not when the time word is a possessive's
// owner ("said this year's budget ...") or the modal/name "may".
int32_t skip_time_adjunct(const Document& doc, int32_t j, int32_t se) {
  const auto& lex = CueLexicon::instance();
  const auto& toks = doc.tokens;
  auto time_word = [&](int32_t k) {
    return k < se && toks[k].kind == TokenKind::Word && toks[k].lower != "may" && lex.is(toks[k], kTimeWord);
  };
  int32_t k = j;
  while (k < se) {
    const std::string& w = toks[k].lower;
    if (time_word(k) || (toks[k].kind == TokenKind::Word && (w == "earlier" || w == "later"))) {
      ++k;
    } else if ((w == "on" || w == "last" || w == "this" || w == "late" || w == "early" || w == "next") &&
               time_word(k + 1)) {
      k += 2;
    } else {
      break;
    }
  }
  if (k > j && k < se && (toks[k].lower == "'s" || toks[k].lower == "\u2019s" || toks[k].kind == TokenKind::Punct)) return j;
  return k;
}


bool intro_phrase(const Document& doc, int32_t a, int32_t b) {
  const auto& toks = doc.tokens;
  if (b - a < 1 || b - a > 20) return false;
  int32_t piece = a;
  for (int32_t k = a; k <= b; ++k) {
    if (k < b && toks[k].kind == TokenKind::Quote) return false;
    if (k == b || is_punct(toks[k], ",")) {
      if (!intro_piece(doc, piece, k)) return false;
      piece = k + 1;
    }
  }
  return true;
}


// Index of "that" within 8 tokens of j, before any clause punctuation or quotation mark; -1 if none.
// With `through_quotes`, quotation marks do not stop the search ("told MSNBC's "Morning Joe" that").
int32_t that_after(const Document& doc, int32_t j, int32_t se, bool through_quotes) {
  const auto& toks = doc.tokens;
  for (int32_t m = j; m < se && m - j <= (through_quotes ? 10 : 8); ++m) {
    if (toks[m].lower == "that") return m;
    if (clause_punct(toks[m]) || (toks[m].kind == TokenKind::Quote && !through_quotes)) break;
    // A subject pronoun opens the clause itself: "said he would share that after ..." (the
    // "that" is its object, not a complementiser).
    if (toks[m].kind == TokenKind::Word && (CueLexicon::instance().word_class(toks[m]) & kPronounPerson)) break;
  }
  return -1;
}


// Token j (right after a verb) shows that the words after the verb are not a reported clause:
// a preposition or particle ("said in ...", "writing for the majority", "continued by"), a
// reflexive, or a pronoun object ("said it.").
bool not_a_content_start(const Document& doc, int32_t j, int32_t se) {
  const auto& toks = doc.tokens;
  if (j >= se || toks[j].kind != TokenKind::Word) return false;
  const std::string& w = toks[j].lower;
  if (w == "it" || w == "this") {
    // "said it." / "said this in a statement" (the object), but "said it would ..." / "said this
    // year's budget ..." (the clause's subject).
    return j + 1 >= se || toks[j + 1].kind != TokenKind::Word ||
           (CueLexicon::instance().word_class(toks[j + 1]) & kClauseStop);
  }
  return w == "in" || w == "on" || w == "at" || w == "during" || w == "after" || w == "about" || w == "of" ||
         w == "for" || w == "so" || w == "nothing" || w == "yes" || w == "no" ||
         w == "by" || w == "with" || w == "from" || w == "as" || w == "into" || w == "over" ||
         w == "against" || w == "up" || w == "out" || w == "back" || w == "off" || w == "himself" ||
         w == "herself" || w == "themselves" || w == "itself" || w == "each" || w == "before";
}


// The addressee after "told"/"telling": an object pronoun ("told him"), an audience noun
// ("told reporters"), a name or outlet ("told CNN", "told The Washington Post"), or a possessive or
// article with one or two nouns ("told his audience"). Returns the token after it, or -1.
int32_t after_addressee(const Document& doc, int32_t j, int32_t se) {
  const auto& toks = doc.tokens;
  const auto& lex = CueLexicon::instance();
  if (j >= se || toks[j].kind != TokenKind::Word) return -1;
  const std::string& w = toks[j].lower;
  if (w == "him" || w == "her" || w == "them" || w == "us" || w == "me" || w == "you" || w == "reporters" ||
      w == "supporters" || w == "voters" || w == "lawmakers" || w == "congress") {
    return j + 1;
  }
  int32_t k = j;
  if (toks[k].capitalized || w == "the") {
    if (w == "the") ++k;
    const int32_t first = k;
    while (k < se && k - first < 5 && toks[k].kind == TokenKind::Word && toks[k].capitalized) ++k;
    return k > first ? k : -1;
  }
  if (lex.word_class(toks[k]) & kDeterminer) {
    ++k;
    const int32_t first = k;
    while (k < se && k - first < 2 && toks[k].kind == TokenKind::Word && !toks[k].capitalized &&
           !(lex.word_class(toks[k]) & (kClauseStop | kPronounPerson | kDeterminer | kTimeWord)) && !lex.find(toks[k])) {
      ++k;
    }
    return k > first ? k : -1;
  }
  return -1;
}

// Token k can open a reported clause after an addressee: a subject pronoun, an article or
// possessive, or a capitalised word ("told CNN he ...", "told them the vote ...", "told me Trump ...").
bool opens_clause(const Document& doc, int32_t k, int32_t se) {
  if (k >= se || doc.tokens[k].kind != TokenKind::Word || not_a_content_start(doc, k, se)) return false;
  const Token& t = doc.tokens[k];
  const uint16_t c = CueLexicon::instance().word_class(t);
  return (c & (kPronounPerson | kDeterminer)) || t.capitalized || t.lower == "it" || t.lower == "there";
}


// "to", "whether", "if" or a wh-word within 6 tokens, before clause punctuation.
bool request_follows(const Document& doc, int32_t j, int32_t se) {
  const auto& toks = doc.tokens;
  for (int32_t m = j; m < se && m - j <= 6 && !clause_punct(toks[m]); ++m) {
    const std::string& w = toks[m].lower;
    if (w == "to" || w == "whether" || w == "if" || w == "why" || w == "what" || w == "how" || w == "when" ||
        w == "where" || w == "who") {
      return true;
    }
  }
  return false;
}


bool reason_follows(const Document& doc, int32_t j, int32_t se) {
  const auto& toks = doc.tokens;
  for (int32_t m = j + 1; m < se && m - j <= 6 && !clause_punct(toks[m]); ++m) {
    const std::string& w = toks[m].lower;
    if (w == "of" || w == "for" || w == "over" || w == "as") return true;
  }
  return false;
}

}  // namespace framelens
