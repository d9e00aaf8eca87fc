#pragma once
// A pipeline stage adds one layer to a Document. Stages hold only immutable resources after
// construction, so one Pipeline is shared by all worker threads.
#include <string_view>

#include "analyzer/text/document.h"

namespace framelens {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void annotate(Document& doc) const = 0;
};

}  // namespace framelens
