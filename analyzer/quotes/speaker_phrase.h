#pragma once
// Speaker noun phrases next to a reporting verb: "Trump", "former governor Jeb Bush", "he",
// "the spokesman", "Michael Ahrens, a Rubio spokesman," (apposition), "Moon's spokesman, Yoon
// Young," (the name inside the commas is the speaker).
#include <string>

#include "analyzer/text/document.h"

namespace framelens {

enum class SpeakerKind : uint8_t { None, Name, Pronoun, Role };

struct SpeakerPhrase {
  SpeakerKind kind = SpeakerKind::None;
  int32_t first_tok = -1;  // the whole phrase incl. apposition: [first_tok, end_tok)
  int32_t end_tok = -1;
  Span head;               // the name run, the pronoun, or the role phrase
  std::string name;        // name without titles ("Patrick J. Tiberi"), pronoun or role text
  std::string role;        // a role noun seen in the phrase or its apposition ("spokesman")
  bool definite = false;   // role phrase with "the"/possessive (resolvable), not "a spokesman"
  explicit operator bool() const { return kind != SpeakerKind::None; }
};

// A capitalised word that can be part of a person's name (not "The", "He", "Then", a verb).
bool is_name_word(const Token& t);

// The phrase that ends right before token `end` (adverbs such as "also", "on Tuesday" between the
// phrase and `end` are skipped). Does not look before token `floor`.
SpeakerPhrase speaker_before(const Document& doc, int32_t end, int32_t floor);

// The phrase that starts at token `begin` ("said former Gov. Jeb Bush, ..."); stops at `limit`.
SpeakerPhrase speaker_after(const Document& doc, int32_t begin, int32_t limit);

// [first, end) (non-empty) as an indefinite role phrase, its last word as the role.
SpeakerPhrase role_span(const Document& doc, int32_t first, int32_t end);

// [first, end) as a role phrase when it is only words (no punctuation other than initials or
// a possessive) opening with a determiner or a capitalised word; else an empty phrase.
SpeakerPhrase plain_phrase(const Document& doc, int32_t first, int32_t end);

}  // namespace framelens
