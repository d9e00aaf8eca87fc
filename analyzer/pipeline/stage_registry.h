#pragma once
// The ordered list of stage factories. A factory returns a stage, nullptr when its optional model
// files are absent (the layer is then skipped with a note), or an Error (corrupt model, or missing
// with require_models).
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/core/stage.h"

namespace framelens {

struct StageFactory {
  std::string_view name;
  std::function<Result<StagePtr>(const PipelineOptions&)> make;
};

const std::vector<StageFactory>& stage_factories();

// The stages that run before the stage `name` (all of them when there is none by that name), made
// with `options`; a factory that returns nullptr (absent optional models) is left out. Trainers
// use it to build the input layers of the stage they train.
Result<std::vector<StagePtr>> stages_before(std::string_view name, const PipelineOptions& options);

}  // namespace framelens
