#pragma once
// First pass of the actors stage: walks doc.tokens once and proposes candidate mentions (gazetteer
// phrases, titled names, capitalised names, pronouns, role nouns). The linker then merges them
// into actors. Nothing here allocates per token except the candidate list itself.
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzer/actors/gazetteer.h"
#include "analyzer/text/document.h"

namespace framelens {

enum class CandKind : uint8_t {
  Gaz,         // a gazetteer entry (country, organisation, group)
  Person,      // a name with a title, or a multi-word capitalised name that reads as a person
  Org,         // a capitalised name with an organisation head word ("Seoul National University")
  SingleName,  // one capitalised word; becomes a person only if it matches one or has a cue
  Pronoun,     // he/him/his/himself, she/her/hers/herself
  Role,        // "the spokesman", "the foreign minister"; gender 'o': "the agency", "the government"
};

struct Candidate {
  CandKind kind = CandKind::SingleName;
  Span span;                  // the mention as shown (may include the title)
  int32_t name_first = 0;     // name tokens [name_first, name_end) (Person/Org/SingleName; a Pronoun's own token)
  int32_t name_end = 0;
  int32_t sentence = -1;
  int32_t entry = -1;         // Gaz
  AliasKind alias = AliasKind::Name;
  char gender = '-';          // from an honorific, gendered title, given name or pronoun
  std::string_view role;      // title head ("president") for titled persons and role nouns
  bool cue = false;           // SingleName: reads as a person (said, 's, Mr., ...)
  bool plausible = false;     // SingleName: no cue, but nothing says it is not a name
  bool all_caps = false;      // SingleName written in capitals (acronym or transcript name)
  bool in_quote = false;      // Pronoun inside quotation marks (the speaker's own voice)
};

std::vector<Candidate> find_candidates(const Document& doc, const Gazetteer& gaz);

// Words that are capitalised at a sentence start or in headlines but never names.
bool is_capitalised_function_word(std::string_view lower);

}  // namespace framelens
