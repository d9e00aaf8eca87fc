#pragma once
// Article-level figures derived from the layers (shared by the JSON, text, CSV and HTML reports).
#include "analyzer/text/document.h"

namespace framelens {

struct DocStats {
  int32_t chars = 0, words = 0, sentences = 0, paragraphs = 0;
  // Loaded terms per voice (LoadedTerm::voice): the outlet's own narration, inside quotation
  // marks (split by quote kind), inside indirect speech, in headline/standfirst lines.
  int32_t own_voice_terms = 0;
  int32_t quoted_terms = 0;        // direct + partial + scare
  int32_t quoted_direct_terms = 0, quoted_partial_terms = 0, scare_quote_terms = 0;
  int32_t paraphrased_terms = 0;
  int32_t headline_terms = 0;
  double own_voice_per_1000 = 0;   // per 1,000 words
  double quoted_per_1000 = 0;
  double paraphrased_per_1000 = 0;
  double headline_per_1000 = 0;
  int32_t quotes = 0, direct_quotes = 0, loaded_cues = 0;
  int32_t biased_sentences = 0;
  bool terms_measured = false;     // the loaded-wording layer ran: the term and bias figures are real
};

DocStats compute_stats(const Document& doc);

}  // namespace framelens
