#pragma once
// Direct quotes: classifies each quotation-mark pair (speech, partial quote inside a sentence,
// scare quote, title), joins the pieces of one utterance (split by its attribution, or running
// over several paragraphs) and attaches the local attribution.
#include "analyzer/quotes/quote_draft.h"

namespace framelens {

struct DirectQuoteOptions {
  // A paragraph that is only a quote, right after a paragraph whose quote was attributed,
  // continues that quote (news style) instead of starting a new one with the same speaker.
  bool merge_continuation_paragraphs = true;
};

// Fills scan.pairs, scan.roles, scan.tok_flags, appends direct drafts to scan.drafts and scare
// quotes to `scare_quotes`.
void find_direct_quotes(const Document& doc, const DirectQuoteOptions& opt, QuoteScan& scan,
                        std::vector<Span>& scare_quotes);

}  // namespace framelens
