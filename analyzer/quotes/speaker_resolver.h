#pragma once
// Turns the local speaker phrases of the drafts into QuoteSpeaker/QuoteCue: names are
// canonicalised ("Trump" -> "Donald Trump" when the full name was seen), pronouns and definite
// role nouns ("he", "the spokesman") are resolved to the most recent compatible person, and
// speakers are linked to doc.actors when the actors stage has run.
#include "analyzer/quotes/quote_draft.h"

namespace framelens {

// Moves the drafts into doc.quotes (text order) and updates Actor::quoted.
void resolve_speakers(Document& doc, QuoteScan& scan);

}  // namespace framelens
