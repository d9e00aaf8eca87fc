#pragma once
// The quotes stage: direct quotes (with split and multi-paragraph pieces), scare quotes,
// indirect speech, cues and speakers (linked to the actors stage's actors when present).
// Needs no model files: all resources are built-in word lists, built once and immutable.
#include "analyzer/core/stage_registry.h"
#include "analyzer/quotes/direct_quotes.h"

namespace framelens {

struct PipelineOptions;

struct QuoteStageOptions {
  DirectQuoteOptions direct;
  bool indirect = true;  // also extract reported speech
};

class QuoteStage : public Stage {
 public:
  explicit QuoteStage(QuoteStageOptions opt = {});
  std::string_view name() const override { return "quotes"; }
  void annotate(Document& doc) const override;

 private:
  QuoteStageOptions opt_;
};

Result<StagePtr> make_quote_stage(const PipelineOptions& options);

}  // namespace framelens
