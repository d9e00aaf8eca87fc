#pragma once
// Whose words a loaded term is. Run after the quotes layer (Document::quotes, scare_quotes):
//   - headline / standfirst lines: voice `headline`;
//   - bylines, datelines, captions, boilerplate: no term (removed);
//   - negated uses ("not a bad idea", "did not say it was a bad idea"): no term (removed);
//   - inside a pair of double quotation marks (any pair, whether or not the quotes layer made a
//     quote of it): voice `quoted`, kind `scare` (a scare quote of the quotes layer), `direct`
//     (inside a direct quote, or a pair that is a whole clause) or `partial` (a quoted fragment in
//     the narration); also `partial` after an odd number of double quotation marks in the
//     paragraph that the pairing left unpaired;
//   - inside the content of an indirect or mixed quote: `paraphrased`;
//   - else `own` (the outlet's narration). So no own-voice term is ever inside quotation marks.
// `in_quote` is set for quoted and paraphrased (its old meaning: inside a quote's span).
#include "analyzer/text/document.h"

namespace framelens::terms {

// True when a negator ("not", "no", "never", "n't" ...) precedes token `tok` within the same
// clause (not across , ; : ( ) or a contrast conjunction): at most kDirectNegation words between
// them ("not a bad idea"), or at most kNegationWindow when the negator denies a verb of saying or
// judging ("did not say it was a bad idea"). "not only", "not just" ... deny nothing.
bool negated_at(const Document& doc, int32_t tok);
inline constexpr int kDirectNegation = 2;
inline constexpr int kNegationWindow = 7;

// Sets voice, quote_kind and in_quote of every term of doc.loaded_terms and removes the terms of
// non-body, non-headline zones and the negated ones (see above). Terms stay sorted by start.
void assign_voices(Document& doc);

}  // namespace framelens::terms
