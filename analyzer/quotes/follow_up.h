#pragma once
// A quoted sentence with no attribution of its own, right after a sentence of reported speech,
// continues that report: 'The talks may stall, Ruiz said. "Nobody wants to move first."' is one
// attribution whose content is the paraphrase and the quote (kind "mixed"), as in PolNeAR.
#include "analyzer/quotes/quote_draft.h"

namespace framelens {

// Folds such direct drafts into the indirect/mixed draft before them (fragments, hull span) and
// removes them from scan.drafts; drafts that inherited a folded quote's speaker inherit from the
// report instead.
void fold_follow_up_quotes(const Document& doc, QuoteScan& scan);

}  // namespace framelens
