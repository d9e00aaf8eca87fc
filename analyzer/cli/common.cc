#include "analyzer/cli/common.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "analyzer/cli/model_paths.h"

namespace framelens {

std::vector<OptionSpec> analysis_options() {
  return {{"models", true}, {"lenient", false}, {"require-models", false},
          {"text-field", true}, {"id-field", true}, {"title-field", true},
          {"outlet-field", true}, {"date-field", true}, {"url-field", true},
          {"targets-field", true}, {"max-record-mb", true}, {"keep-fields", true}, {"help", false, 'h'}};
}

const char* const kAnalysisOptionsHelp =
    "Analysis options:\n"
    "  --models DIR          model folder (default: $FRAMELENS_MODELS, else the installed\n"
    "                        share/framelens/models, else the source tree's models/)\n"
    "  --require-models      fail (exit 4) when a model file is missing instead of skipping\n"
    "                        that layer with a note\n"
    "  --lenient             replace invalid UTF-8 with U+FFFD instead of failing\n"
    "  --max-record-mb N     largest article text accepted, in MB of UTF-8 (default 5; 0: no\n"
    "                        limit). A larger record is an input error (score: exit 3; batch:\n"
    "                        skipped and counted, exit 1)\n"
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

Result<size_t> max_record_bytes_from(const ParsedArgs& a) {
  if (!a.has("max-record-mb")) return kDefaultMaxRecordBytes;
  const std::string v = a.get("max-record-mb");
  char* end = nullptr;
  const double mb = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(mb >= 0) || mb > 1e6) {
    return usage_error("--max-record-mb needs a number of MB >= 0 (0: no limit), not '" + v + "'");
  }
  return mb == 0 ? static_cast<size_t>(-1) : static_cast<size_t>(mb * 1e6);
}

Status check_record_text(const std::string& text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    char b[200];
    std::snprintf(b, sizeof b, "text is %zu bytes (%.1f MB), over the limit of %zu bytes per record (--max-record-mb %g)",
                  text.size(), text.size() / 1e6, max_bytes, max_bytes / 1e6);
    return input_error(b);
  }
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return input_error(text.empty() ? "no text (the text is empty)" : "no text (the text is only white space)");
  }
  return {};
}

Result<Pipeline> pipeline_from(const ParsedArgs& a, const CliContext& ctx) {
  PipelineOptions o;
  o.models_dir = resolve_models_dir(a.get("models"), ctx.argv0);
  // A folder that is not there is a typo, not a choice: exit 4 instead of running without models.
  // (An existing folder without some model files is a choice: those layers are skipped, noted.)
  std::error_code ec;
  if (!std::filesystem::is_directory(o.models_dir, ec)) {
    return model_error("models folder '" + o.models_dir + "' " +
                       (std::filesystem::exists(o.models_dir, ec) ? "is not a folder" : "does not exist") +
                       " (--models DIR or $FRAMELENS_MODELS)");
  }
  if (std::filesystem::directory_iterator(o.models_dir, ec); ec) {
    return model_error("models folder '" + o.models_dir + "' cannot be read (" + ec.message() + ")");
  }
  o.lenient = a.has("lenient");
  o.require_models = a.has("require-models");
  return Pipeline::load(o);
}

int report_error(CliContext& ctx, const std::string& cmd, const Error& e) {
  ctx.err << "framelens " << cmd << ": " << e.message << "\n";
  return e.exit_code();
}

}  // namespace framelens
