#pragma once
// The attribution clause of a quote: the reporting verb ("cue") and the speaker phrase, found
// after the closing mark ('"...," he said', '"...," said X', '"..." - Commissioner X') or before
// the opening mark ('X said: "..."', 'X added, "..."', 'According to X, "..."').
#include "analyzer/quotes/speaker_phrase.h"

namespace framelens {

struct CueInfo;

struct Attribution {
  int32_t cue_tok = -1;         // the reporting verb; -1 for dash attribution
  const CueInfo* cue = nullptr;
  SpeakerPhrase speaker;
  int32_t first_tok = -1;       // the clause [first_tok, end_tok), e.g. "he said" / "said X, 31,"
  int32_t end_tok = -1;
  bool found() const { return first_tok >= 0; }
};

// After a closing mark: `begin` is the token after it; the clause must start there (after an
// optional comma) and stays before `limit`.
Attribution attribution_after(const Document& doc, int32_t begin, int32_t limit);

// Before an opening mark at token `open`; searches back to `floor` (the sentence start).
// `punct_only`: only when a colon or comma (or the verb itself) precedes the mark.
Attribution attribution_before(const Document& doc, int32_t open, int32_t floor);

// The subject of a verb whose object is the quote ('Protesters chanted "..."', 'Trump walked
// on stage, chanting "..."'): speaker before the verb, or the sentence subject for a participle
// after a comma. The cue is the verb when it is a reporting verb.
Attribution attribution_of_verb(const Document& doc, int32_t verb, int32_t floor);

// The subject at the start of the clause [floor, limit), after a leading phrase closed by a comma
// ("On July 6, Sanders made ..."): a name, a pronoun or a definite role; else an empty phrase.
SpeakerPhrase clause_subject(const Document& doc, int32_t floor, int32_t limit);

// "quoting X as saying": the phrase X between "quoting"/"quoted" and the "as" at token `as`, not
// before `floor`; else an empty phrase.
SpeakerPhrase quoted_source(const Document& doc, int32_t as, int32_t floor);

// Cue of token i if it is a finite reporting verb usable with a subject (not "was told").
const CueInfo* finite_cue(const Document& doc, int32_t i);

}  // namespace framelens
