// libFuzzer target: the whole `score` pipeline (all stages with the shipped models, or without
// models when FRAMELENS_MODELS points nowhere) plus the JSON report, checking that every reported
// span slices the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzer/pipeline/pipeline.h"
#include "analyzer/report/json_report.h"

using namespace framelens;

namespace {
const Pipeline* pipeline() {
  static const Pipeline* p = [] {
    PipelineOptions o;
    const char* env = std::getenv("FRAMELENS_MODELS");
    o.models_dir = env ? env : FRAMELENS_SOURCE_MODELS_DIR;
    o.lenient = true;
    auto r = Pipeline::load(o);
    if (!r) std::abort();
    return new Pipeline(std::move(*r));
  }();
  return p;
}

void check_span(const Document& d, const nlohmann::ordered_json& j) {
  if (j.is_object()) {
    if (j.contains("start") && j.contains("end") && j["start"].is_number_integer()) {
      int s = j["start"].get<int>(), e = j["end"].get<int>();
      if (s < 0 || e < s || e > d.size()) std::abort();
      if (j.contains("text") && j["text"].is_string() && j["text"].get<std::string>() != d.slice({s, e})) std::abort();
    }
    for (const auto& [k, v] : j.items()) check_span(d, v);
  } else if (j.is_array()) {
    for (const auto& v : j) check_span(d, v);
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  InputRecord rec;
  rec.text.assign(reinterpret_cast<const char*>(data), size);
  auto doc = pipeline()->analyze(rec);
  if (!doc) std::abort();  // lenient: every input must be analysable
  check_span(*doc, to_json(*doc));
  return 0;
}
