#pragma once
// Reporting verbs ("cues") and the small closed word classes the quote rules need (pronouns,
// role nouns, titles, skippable adverbs). Built once; lookups are lock-free reads of one
// immutable open-addressing table, with a length prefilter.
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzer/core/token_hash.h"
#include "analyzer/text/document.h"

namespace framelens {

// What follows a reporting verb when it reports speech without quotation marks.
enum class CueComplement : uint8_t {
  ThatClause,  // "admitted (that) he ...": the clause may follow a finite verb; a participle needs "that"
  Clause,      // "said (that) ...": also right after a participle ("saying he ...", "adding that ...")
  NounObject,  // "denied the charges": a clause only after "that", a subject pronoun, or with a reason
  Judgement,   // "accused Y of ...", "criticized Y for ...": the object and its reason
  Label,       // "called Y "Z"": the object and a quoted label
  Request,     // "asked/urged Y to/whether ...": the object and the request
  Addressee,   // "told Y (that) ...": the addressee, then the clause
};

struct CueInfo {
  std::string_view lemma;   // "say", "claim", ...
  bool loaded = false;      // the verb carries the writer's judgement (claimed, admitted, slammed)
  bool takes_object = false;  // "told reporters that", "urged Congress to"
  bool participle = false;  // "saying", "adding": attaches to a preceding clause, not a subject
  bool speech = true;       // false for cues that only introduce direct quotes ("read", "chanted")
  CueComplement complement = CueComplement::ThatClause;
  bool noun_form = false;   // its present forms are mostly nouns ("states", "reports"): need "that"
  bool infinitive = false;  // "vowed to fight on" reports a commitment ("continued to" does not)
};

// Word classes used around cues. A word may be in several (e.g. "press" is a modifier).
enum WordClass : uint16_t {
  kPronounPerson = 1 << 0,  // he, she, they, i, we
  kRoleNoun = 1 << 1,       // spokesman, senator, official ...
  kDeterminer = 1 << 2,     // the, a, his, one, another ...
  kModifier = 1 << 3,       // former, senior, top, chief, press ... (inside a speaker phrase)
  kSkip = 1 << 4,           // also, then, later, has ... (between a speaker and the cue)
  kTitle = 1 << 5,          // mr., sen., gov., president ... (before a name)
  kClauseStop = 1 << 6,     // who, which, in, on, during ... (end a speaker phrase after a cue)
  kMalePronoun = 1 << 7,    // he
  kFemalePronoun = 1 << 8,  // she
  kPluralPronoun = 1 << 9,  // they, we
  kPassiveAux = 1 << 10,    // was, were, been, is, are, be, being (before "told": passive)
  kNonSpeaker = 1 << 11,    // it, this, that, there, which, what ... (never a speaker)
  kTimeWord = 1 << 12,      // monday, tuesday, january ... (skipped in "X on Tuesday said")
  kOpener = 1 << 13,        // meanwhile, however, earlier, perhaps ... (open a sentence, never its subject)
};

class CueLexicon {
 public:
  static const CueLexicon& instance();
  // `lower` is Token::lower. Returns nullptr for non-cues.
  const CueInfo* find(std::string_view lower) const { return find(lower, 0); }
  // The same for a token, with the tokenizer's hash of its text (the table hashes with FNV-1a too).
  const CueInfo* find(const Token& t) const { return find(t.lower, t.hash); }
  // Both at once (one hash): the word's classes, and its cue or nullptr.
  uint16_t classify(std::string_view lower, const CueInfo** cue) const { return classify(lower, 0, cue); }
  uint16_t classify(const Token& t, const CueInfo** cue) const { return classify(t.lower, t.hash, cue); }
  uint16_t word_class(std::string_view lower) const { return word_class(lower, 0); }
  uint16_t word_class(const Token& t) const { return word_class(t.lower, t.hash); }
  bool is(std::string_view lower, WordClass c) const { return (word_class(lower) & c) != 0; }
  bool is(const Token& t, WordClass c) const { return (word_class(t) & c) != 0; }

 private:
  // One open-addressing table (FNV-1a, linear probing) for cues and word classes: a lookup is a
  // short hash and usually one compare; this runs for most tokens of every article.
  struct Entry {
    std::string_view key;
    const CueInfo* cue = nullptr;
    uint16_t cls = 0;
  };
  static constexpr size_t kSlots = 2048;  // power of two, > 2x the entries
  static uint64_t hash(std::string_view s) { return fnv1a64(s); }
  // `h`: hash(w) when the caller has it (Token::hash), else 0.
  const Entry* lookup(std::string_view w, uint64_t h) const {
    if (w.empty() || w.size() >= 32 || !(lengths_ & (1u << w.size()))) return nullptr;
    size_t i = (h ? h : hash(w)) & (kSlots - 1);
    while (!slots_[i].key.empty()) {
      if (slots_[i].key == w) return &slots_[i];
      i = (i + 1) & (kSlots - 1);
    }
    return nullptr;
  }
  Entry& insert(std::string_view w);
  const CueInfo* find(std::string_view lower, uint64_t h) const {
    // Most words fail the length / three-letter prefix filter without hashing.
    if (lower.size() < 3 || lower.size() >= 32 || !(cue_lengths_ & (1u << lower.size()))) return nullptr;
    const unsigned a = static_cast<unsigned char>(lower[0]) - 'a', b = static_cast<unsigned char>(lower[1]) - 'a',
                   c = static_cast<unsigned char>(lower[2]) - 'a';
    if (a >= 26 || b >= 26 || c >= 26 || !(cue_prefix_[a][b] & (1u << c))) return nullptr;
    const Entry* e = lookup(lower, h);
    return e ? e->cue : nullptr;
  }
  uint16_t classify(std::string_view lower, uint64_t h, const CueInfo** cue) const {
    const Entry* e = lookup(lower, h);
    *cue = e ? e->cue : nullptr;
    return e ? e->cls : 0;
  }
  uint16_t word_class(std::string_view lower, uint64_t h) const {
    const Entry* e = lookup(lower, h);
    return e ? e->cls : 0;
  }

  CueLexicon();
  std::vector<CueInfo> cues_;  // stable storage (reserved up front)
  std::vector<Entry> slots_;
  uint32_t lengths_ = 0;       // bit n set when some entry has n bytes
  uint32_t cue_lengths_ = 0;   // the same for cues only
  uint32_t cue_prefix_[26][26] = {};  // bit c of [a][b]: some cue starts with letters a, b, c
};

}  // namespace framelens
