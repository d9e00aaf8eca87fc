#pragma once
// The quotes stage: direct quotes (with split and multi-paragraph pieces), scare quotes,
// indirect speech, cues and speakers (linked to the actors stage's actors when present).
// Needs no model files: all resources are built-in word lists, built once and immutable.
#include "analyzer/core/stage.h"
#include "analyzer/quotes/direct_quotes.h"

namespace framelens {

struct QuotesStageOptions {
  DirectQuoteOptions direct;
  bool indirect = true;  // also extract reported speech
};

class QuotesStage : public Stage {
 public:
  explicit QuotesStage(QuotesStageOptions opt = {});
  std::string_view name() const override { return "quotes"; }
  void annotate(Document& doc) const override;

 private:
  QuotesStageOptions opt_;
};

Result<StagePtr> make_quotes_stage(const PipelineOptions& options);

}  // namespace framelens
