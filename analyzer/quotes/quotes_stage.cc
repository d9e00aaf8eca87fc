#include "analyzer/quotes/quotes_stage.h"

#include "analyzer/quotes/cue_lexicon.h"
#include "analyzer/quotes/embedded_posts.h"
#include "analyzer/quotes/follow_up.h"
#include "analyzer/quotes/indirect_quotes.h"
#include "analyzer/quotes/speaker_resolver.h"

namespace framelens {

QuotesStage::QuotesStage(QuotesStageOptions opt) : opt_(opt) {
  (void)CueLexicon::instance();  // build the tables before any worker thread runs
}

void QuotesStage::annotate(Document& doc) const {
  doc.quotes.clear();
  doc.scare_quotes.clear();
  if (doc.tokens.empty() || doc.paragraphs.empty()) return;
  QuoteScan scan;
  find_direct_quotes(doc, opt_.direct, scan, doc.scare_quotes);
  if (opt_.indirect) {
    find_indirect_quotes(doc, scan);
    fold_follow_up_quotes(doc, scan);
  }
  find_embedded_posts(doc, scan);
  resolve_speakers(doc, scan);
}

Result<StagePtr> make_quotes_stage(const PipelineOptions&) {
  return StagePtr(std::make_shared<QuotesStage>());
}

}  // namespace framelens
