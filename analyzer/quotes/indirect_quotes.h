#pragma once
// Indirect (reported) speech: "X said (that) ...", "X told Y ...", "X urged ...",
// "according to X, ..." and "..., X said." without quotation marks. The content span is the
// reported clause; a clause that contains a partial quote ('said he was "well aware"') is "mixed".
#include "analyzer/quotes/quote_draft.h"

namespace framelens {

// Appends indirect drafts to scan.drafts. Needs find_direct_quotes() to have run.
void find_indirect_quotes(const Document& doc, QuoteScan& scan);

}  // namespace framelens
