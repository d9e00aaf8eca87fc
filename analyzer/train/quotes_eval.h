#pragma once
// Scores quote extraction on an attribution corpus in the PolNeAR JSONL schema (text +
// attributions with source/cue/content spans in code points). The direct-quote figures are
// computed exactly as the project's reference scorer does (devscore.py m_polnear):
//   - gold direct quote: an attribution whose content has a double quotation mark within the two
//     code points before its start (or its first) and within its last / the two after its end;
//   - a predicted "direct" quote matches a gold one when overlap / max(len) >= 0.5, one-to-one,
//     gold in order, each taking its best remaining prediction;
//   - speaker accuracy over matched quotes whose gold source is not a bare pronoun: right when
//     the predicted speaker span overlaps the source, or a capitalised word of the predicted name
//     occurs in the source text (both stripped of . , ' ’ s and lower-cased).
// Indirect figures use the same matching between the remaining (non-direct) gold attributions
// and predicted "indirect"/"mixed" quotes.
#include <iosfwd>
#include <string>

#include "analyzer/pipeline/pipeline.h"

namespace framelens {

struct QuoteEvalResult {
  int64_t articles = 0;
  int64_t tp = 0, fp = 0, fn = 0;            // direct quotes
  int64_t speaker_ok = 0, speaker_n = 0;     // on matched quotes with a named source
  int64_t ind_tp = 0, ind_fp = 0, ind_fn = 0;  // indirect + mixed vs non-direct gold
  int64_t ind_speaker_ok = 0, ind_speaker_n = 0;
  double seconds = 0.0;                      // time spent in the pipeline
};

struct QuoteEvalOptions {
  std::string data;            // JSONL path
  int64_t limit = 0;           // first N records (0: all)
  std::ostream* misses = nullptr;  // when set, prints missed / spurious quotes and wrong speakers
};

Result<QuoteEvalResult> evaluate_quotes(const Pipeline& pipeline, const QuoteEvalOptions& opt);

}  // namespace framelens
