#include "analyzer/core/stage_registry.h"

#include "analyzer/core/pipeline.h"

namespace framelens {

// Order matters: quotes link speakers to actors; terms need quotes for in_quote; the models stage
// reads terms, quotes and actors.
const std::vector<StageFactory>& stage_factories() {
  static const std::vector<StageFactory> factories = {
  };
  return factories;
}

}  // namespace framelens
