#include "analyzer/pipeline/pipeline.h"

#include <fstream>

#include "analyzer/pipeline/stage_registry.h"

namespace framelens {

Result<Pipeline> Pipeline::load(const PipelineOptions& options) {
  Pipeline p;
  p.options_ = options;
  for (const auto& factory : stage_factories()) {
    auto made = factory.make(options);
    if (!made) return made.error();
    if (*made) p.stages_.push_back(std::move(*made));
    else p.notes_.push_back(std::string(factory.name) + ": layer skipped (model files not found in " +
                            options.models_dir + ")");
  }
  // --require-models: a skipped layer is an error, whatever the stage's own factory decided.
  if (options.require_models && !p.notes_.empty()) return model_error(p.notes_.front());
  const std::string zones = options.models_dir + "/zones/lines.bin";
  if (std::ifstream(zones, std::ios::binary)) {
    auto t = ZoneTable::load(zones);
    if (!t) return t.error();
    p.zones_ = std::make_shared<const ZoneTable>(std::move(*t));
  } else {
    p.notes_.push_back("zones: learned site-text lines not found in " + options.models_dir +
                       "/zones (pattern zones only)");
  }
  return p;
}

Result<Document> Pipeline::analyze(const InputRecord& record) const {
  auto doc = make_document(record.text, record.meta, options_.lenient, zones_.get());
  if (!doc) return doc.error();
  for (const Span& t : record.targets) {
    if (t.end > doc->size()) {
      return input_error("target [" + std::to_string(t.start) + ", " + std::to_string(t.end) +
                         ") is outside the text (" + std::to_string(doc->size()) + " code points)");
    }
    doc->target_requests.push_back(t);
  }
  run_stages(*doc);
  return doc;
}

void Pipeline::run_stages(Document& doc) const {
  for (const auto& s : stages_) s->annotate(doc);
}

}  // namespace framelens
