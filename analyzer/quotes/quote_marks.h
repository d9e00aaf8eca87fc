#pragma once
// Finds and pairs double quotation marks (straight and curly). Nested single quotes stay inside
// the content of their double quote. A paragraph that opens a quote without closing it and is
// followed by a paragraph that opens again is one quote over several paragraphs (news style).
#include <vector>

#include "analyzer/text/document.h"

namespace framelens {

struct QuoteMarkPair {
  int32_t open_tok = -1;   // token index of the opening mark
  int32_t close_tok = -1;  // token index of the closing mark, -1 when it runs to paragraph end
  int32_t first_tok = 0;   // content tokens [first_tok, end_tok)
  int32_t end_tok = 0;
  Span content;            // the content without the marks
  int32_t paragraph = -1;
  bool continues = false;  // unclosed at paragraph end, continued by the next pair
};

// Pairs are returned in text order. Content may be empty (e.g. `""`); callers skip those.
std::vector<QuoteMarkPair> find_quote_pairs(const Document& doc);

// True when token `i` is a double quotation mark.
bool is_double_quote(const Document& doc, int32_t i);

}  // namespace framelens
