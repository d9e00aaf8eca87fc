#pragma once
// The stage interface, the ground floor every stage folder builds on. A pipeline stage adds one
// layer to a Document (analyzer/text/document.h). Stages hold only immutable resources after
// construction, so one Pipeline is shared by all worker threads. A stage folder exports a factory
// `Result<StagePtr> make_<name>_stage(const PipelineOptions&)`; analyzer/pipeline/stage_registry.cc
// lists the factories in run order.
#include <memory>
#include <string>
#include <string_view>

namespace framelens {

struct Document;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void annotate(Document& doc) const = 0;
};

using StagePtr = std::shared_ptr<const Stage>;

// What every stage factory is given (analyzer/pipeline/pipeline.h loads the stages with it).
struct PipelineOptions {
  std::string models_dir;
  bool lenient = false;        // replace invalid UTF-8 instead of failing
  bool require_models = false; // fail when a model file is missing instead of skipping the layer
};

}  // namespace framelens
