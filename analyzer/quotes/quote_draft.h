#pragma once
// Per-document working state shared by the quote finders and the speaker resolver.
#include <vector>

#include "analyzer/quotes/attribution.h"
#include "analyzer/quotes/quote_marks.h"

namespace framelens {

enum class PairRole : uint8_t { Direct, Partial, Scare, Title, Skip };

// Token flags.
enum : uint8_t { kTokInDirect = 1, kTokCue = 2, kTokInPartial = 4 };

struct QuoteDraft {
  Quote quote;               // span, kind, fragments (speaker and cue filled by the resolver)
  Attribution attr;          // the local attribution, if any
  int32_t inherit_from = -1; // draft index whose speaker this quote continues
  int32_t first_tok = 0;     // first content token (ordering, resolution)
  int32_t end_tok = -1;      // one past the last content token
  int32_t paragraph = -1;
  bool dropped = false;      // inside another quote (an embedded post): not reported
};

struct QuoteScan {
  std::vector<QuoteMarkPair> pairs;
  std::vector<PairRole> roles;       // one per pair
  std::vector<uint8_t> tok_flags;    // one per token
  std::vector<QuoteDraft> drafts;
};

}  // namespace framelens
