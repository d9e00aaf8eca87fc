#pragma once
// Reporting verbs ("cues") and the small closed word classes the quote rules need (pronouns,
// role nouns, titles, skippable adverbs). Built once; lookups are lock-free reads of immutable
// hash tables, with a length/first-letter prefilter so most tokens are rejected without hashing.
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace framelens {

struct CueInfo {
  std::string_view lemma;   // "say", "claim", ...
  bool loaded = false;      // the verb carries the writer's judgement (claimed, admitted, slammed)
  bool takes_object = false;  // "told reporters that", "urged Congress to"
  bool participle = false;  // "saying", "adding": attaches to a preceding clause, not a subject
  bool speech = true;       // false for cues that only introduce direct quotes ("read", "chanted")
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
};

class CueLexicon {
 public:
  static const CueLexicon& instance();
  // `lower` is Token::lower. Returns nullptr for non-cues.
  const CueInfo* find(std::string_view lower) const;
  uint16_t word_class(std::string_view lower) const;
  bool is(std::string_view lower, WordClass c) const { return (word_class(lower) & c) != 0; }

 private:
  CueLexicon();
  std::unordered_map<std::string_view, CueInfo> cues_;
  std::unordered_map<std::string_view, uint16_t> classes_;
  // bit (len) set in prefilter_[first letter] when some cue has that first letter and length.
  uint32_t prefilter_[26] = {};
};

}  // namespace framelens
