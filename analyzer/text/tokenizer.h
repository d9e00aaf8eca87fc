#pragma once
// Rule-based tokenizer over the normalised text. Keeps acronyms with dots ("U.S."), hyphenated
// names ("Hae-chan"), decimals and thousands ("3.5", "1,000") as one token; splits the possessive
// "'s" so "Moon's" gives "Moon" + "'s" (the actors stage wants the bare name).
#include <string>
#include <vector>

#include "analyzer/text/document.h"

namespace framelens {

// Tokenises norm[begin, end) and appends to `out`. Sentence indices are left at -1.
void tokenize(const std::u32string& norm, int32_t begin, int32_t end, std::vector<Token>& out);

}  // namespace framelens
