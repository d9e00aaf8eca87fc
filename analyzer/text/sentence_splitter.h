#pragma once
// Sentence and paragraph segmentation for news copy, over an already tokenised text.
// Handles abbreviations (U.S., Mr., Gov., Jan. 5, No. 1), initials, decimals (inside number
// tokens), quotes that close a sentence ('... he said." Next'), ellipses, and headlines, captions
// and datelines on their own lines.
#include "analyzer/text/document.h"

namespace framelens {

// Fills doc.sentences and doc.paragraphs and sets Token::sentence. doc.tokens must be filled.
void split_sentences(Document& doc);

// True for abbreviations that never end a sentence when followed by a name ("Mr.", "Gov.").
bool is_title_abbreviation(std::string_view lower);

}  // namespace framelens
