#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/cli/model_paths.h"
#include "analyzer/report/provenance.h"
#include "analyzer/report/html_report.h"
#include "analyzer/report/json_report.h"
#include "analyzer/report/text_report.h"

namespace framelens {

namespace {
const char* const kHelp =
    "Usage: framelens score [OPTIONS] PATH|-\n"
    "\n"
    "Analyse one article and print every finding with its character span (Unicode code points\n"
    "into the text as given, end exclusive: Python's text[start:end]).\n"
    "PATH is a .txt file (the whole file is the text), a .json file with \"text\" and optional\n"
    "\"id\", \"title\", \"outlet\", \"date\", \"url\", \"targets\", or - for stdin (JSON if it starts\n"
    "with '{', else plain text).\n"
    "\n"
    "Output options:\n"
    "  --format FORMAT       json (default; schema in docs/output-schema.md), text (a readable\n"
    "                        summary), html (a self-contained page highlighting the spans)\n"
    "  --pretty              indent the JSON output\n"
    "\n";
}  // namespace

int cmd_score(const std::vector<std::string>& args, CliContext& ctx) {
  auto spec = analysis_options();
  spec.push_back({"format", true});
  spec.push_back({"pretty", false});
  auto parsed = parse_args(args, spec, "score");
  if (!parsed) return report_error(ctx, "score", parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kAnalysisOptionsHelp << "\nExamples:\n"
            << "  framelens score corpora/samples/envoy-talks.txt --format text\n"
            << "  echo '{\"id\":\"a1\",\"text\":\"He slammed the plan.\"}' | framelens score -\n\n"
            << kExitCodesHelp;
    return 0;
  }
  if (parsed->positional.size() != 1) {
    return report_error(ctx, "score", usage_error("expected exactly one PATH (or - for stdin)"));
  }
  const std::string format = parsed->get("format", "json");
  if (format != "json" && format != "text" && format != "html") {
    return report_error(ctx, "score", usage_error("--format must be json, text or html, not '" + format + "'"));
  }
  auto max_bytes = max_record_bytes_from(*parsed);
  if (!max_bytes) return report_error(ctx, "score", max_bytes.error());
  const std::string& path = parsed->positional[0];
  auto record = read_input_file(path, field_map_from(*parsed));
  if (!record) return report_error(ctx, "score", record.error());
  if (auto st = check_record_text(record->text, *max_bytes); !st) {
    Error e = st.error();
    e.message = (path == "-" ? std::string("<stdin>") : path) + ": " + e.message;
    return report_error(ctx, "score", e);
  }
  auto pipeline = pipeline_from(*parsed, ctx);
  if (!pipeline) return report_error(ctx, "score", pipeline.error());
  auto doc = pipeline->analyze(*record);
  if (!doc) {
    Error e = doc.error();
    e.message = (path == "-" ? std::string("<stdin>") : path) + ": " + e.message;
    return report_error(ctx, "score", e);
  }
  for (const auto& n : pipeline->notes()) doc->warnings.push_back(n);
  std::vector<std::string> argv{"score"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto prov = collect_provenance(resolve_models_dir(parsed->get("models"), ctx.argv0), argv);
  if (!prov) return report_error(ctx, "score", prov.error());
  if (format == "json") {
    if (parsed->has("pretty")) {
      auto j = to_json(*doc);
      j["provenance"] = nlohmann::ordered_json::parse(provenance_json(*prov));
      ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      std::string line = to_json_line(*doc);
      line.pop_back();  // the closing brace
      ctx.out << line << ",\"provenance\":" << provenance_json(*prov) << "}\n";
    }
  } else if (format == "text") {
    ctx.out << to_text_report(*doc) << "\n" << prov->command << "\nframelens " << prov->version << ", commit "
            << prov->commit << ", " << prov->models.size() << " model files, " << prov->time << "\n";
  } else {
    ctx.out << with_provenance_html(to_html_report(*doc), *prov);
  }
  return 0;
}

}  // namespace framelens
