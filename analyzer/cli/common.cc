#include "analyzer/cli/common.h"

#include <algorithm>
#include <ostream>

#include "analyzer/core/model_paths.h"

namespace framelens {

std::vector<OptionSpec> analysis_options() {
  return {{"models", true}, {"lenient", false}, {"require-models", false},
          {"text-field", true}, {"id-field", true}, {"title-field", true},
          {"outlet-field", true}, {"date-field", true}, {"url-field", true},
          {"targets-field", true}, {"keep-fields", true}, {"help", false, 'h'}};
}

const char* const kAnalysisOptionsHelp =
    "Analysis options:\n"
    "  --models DIR          model folder (default: $FRAMELENS_MODELS, else the installed\n"
    "                        share/framelens/models, else the source tree's models/)\n"
    "  --require-models      fail (exit 4) when a model file is missing instead of skipping\n"
    "                        that layer with a note\n"
    "  --lenient             replace invalid UTF-8 with U+FFFD instead of failing\n"
    "  --text-field NAME     JSON field holding the text (default: text); likewise\n"
    "                        --id-field, --title-field, --outlet-field, --date-field,\n"
    "                        --url-field, --targets-field\n"
    "  --keep-fields A,B     pass these input fields through (score JSON \"fields\", extra\n"
    "                        articles.csv columns), e.g. AllSides bias,topic; then\n"
    "                        `compare --by topic` groups by them\n";

FieldMap field_map_from(const ParsedArgs& a) {
  FieldMap f;
  f.text = a.get("text-field", f.text);
  f.id = a.get("id-field", f.id);
  f.title = a.get("title-field", f.title);
  f.outlet = a.get("outlet-field", f.outlet);
  f.date = a.get("date-field", f.date);
  f.url = a.get("url-field", f.url);
  f.targets = a.get("targets-field", f.targets);
  const std::string keep = a.get("keep-fields", "");
  size_t start = 0;
  while (start <= keep.size() && !keep.empty()) {
    size_t c = keep.find(',', start);
    if (c == std::string::npos) c = keep.size();
    std::string name = keep.substr(start, c - start);
    while (!name.empty() && name.front() == ' ') name.erase(name.begin());
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty() && std::find(f.keep.begin(), f.keep.end(), name) == f.keep.end()) f.keep.push_back(name);
    start = c + 1;
  }
  return f;
}

Result<Pipeline> pipeline_from(const ParsedArgs& a, const CliContext& ctx) {
  PipelineOptions o;
  o.models_dir = resolve_models_dir(a.get("models"), ctx.argv0);
  o.lenient = a.has("lenient");
  o.require_models = a.has("require-models");
  return Pipeline::load(o);
}

int report_error(CliContext& ctx, const std::string& cmd, const Error& e) {
  ctx.err << "framelens " << cmd << ": " << e.message << "\n";
  return e.exit_code();
}

}  // namespace framelens
