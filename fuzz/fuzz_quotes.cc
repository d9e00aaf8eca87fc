// libFuzzer target: quote extraction and attribution (actors + quotes stages only) on arbitrary
// text, biased toward quotation marks by the seed corpus.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/pipeline/pipeline.h"

using namespace framelens;

namespace {
const Pipeline* pipeline() {
  static const Pipeline* p = [] {
    PipelineOptions o;
    o.models_dir = FRAMELENS_SOURCE_MODELS_DIR;
    o.lenient = true;
    auto r = Pipeline::load(o);
    if (!r) std::abort();
    return new Pipeline(std::move(*r));
  }();
  return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = make_document(std::string_view(reinterpret_cast<const char*>(data), size), {}, true);
  if (!doc) std::abort();
  for (const auto& s : pipeline()->stages()) {
    if (s->name() != "actors" && s->name() != "quotes") continue;
    s->annotate(*doc);
  }
  for (const auto& q : doc->quotes) {
    if (q.span.start < 0 || q.span.end > doc->size() || q.span.end < q.span.start) std::abort();
    if (q.speaker && (q.speaker->span.end > doc->size() || q.speaker->span.start < 0)) std::abort();
    if (q.cue && (q.cue->span.end > doc->size() || q.cue->span.start < 0)) std::abort();
  }
  return 0;
}
