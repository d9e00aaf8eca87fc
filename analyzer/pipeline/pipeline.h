#pragma once
// The pipeline: the text layer is built by make_document(); the stages below then run in order.
//   actors -> quotes -> terms (loaded wording, sentence bias) -> article (leaning, frames) ->
//   stance (stance, roles, targets)
// Each stage lives in its own folder under analyzer/ and is created by a factory that loads its
// resources from the models folder; the order is in stage_registry.cc (see docs/ARCHITECTURE.md,
// "Adding a layer").
#include <memory>
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/core/stage.h"
#include "analyzer/text/document.h"
#include "analyzer/text/input_record.h"

namespace framelens {

// PipelineOptions (what every stage factory is given) is declared with the stage interface in
// analyzer/core/stage.h.

class Pipeline {
 public:
  static Result<Pipeline> load(const PipelineOptions& options);

  // Builds the document for a record and runs every stage. Thread-safe.
  Result<Document> analyze(const InputRecord& record) const;
  void run_stages(Document& doc) const;

  const std::vector<std::string>& notes() const { return notes_; }  // e.g. skipped layers
  // The loaded stages in run order (benchmarks time them one by one).
  const std::vector<std::shared_ptr<const Stage>>& stages() const { return stages_; }
  const PipelineOptions& options() const { return options_; }
  // The learned site-text lines of the zone classifier (null when models/zones/ is absent).
  const ZoneTable* zones() const { return zones_.get(); }

 private:
  PipelineOptions options_;
  std::vector<std::shared_ptr<const Stage>> stages_;
  std::shared_ptr<const ZoneTable> zones_;
  std::vector<std::string> notes_;
};

}  // namespace framelens
