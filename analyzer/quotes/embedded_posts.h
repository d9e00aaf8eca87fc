#pragma once
// Social-media posts embedded in an article as text: a line 'TEXT — Name (@handle) April 8, 2019'
// (the form embedded tweets take when a page is scraped). The text is the poster's direct quote,
// without quotation marks; quotes found inside it are part of the post, not separate quotes.
#include "analyzer/quotes/quote_draft.h"

namespace framelens {

// Adds one direct draft per embedded post (speaker: the name before the handle) and marks the
// drafts inside a post as dropped.
void find_embedded_posts(const Document& doc, QuoteScan& scan);

}  // namespace framelens
