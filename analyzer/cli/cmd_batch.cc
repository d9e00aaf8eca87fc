#include <chrono>
#include <ostream>

#include "analyzer/cli/common.h"
#include "analyzer/core/parallel.h"
#include "analyzer/report/json_report.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

namespace {

const char* const kHelp =
    "Usage: framelens batch --jsonl [OPTIONS] < in.jsonl > out.jsonl\n"
    "\n"
    "Streaming mode (--jsonl): reads JSON Lines records on stdin and writes exactly one JSON line\n"
    "per input line on stdout, in input order: the `score` JSON for a good record, or\n"
    "{\"schema_version\":1,\"id\":...,\"error\":{\"line\":N,\"message\":...}} for a bad one. Blank\n"
    "lines give an error object too, so line N of the output always answers line N of the input.\n"
    "Runs unchanged under Hadoop Streaming, Spark pipe and GNU parallel.\n"
    "\n"
    "Batch options:\n"
    "  --jsonl               streaming mode (stdin -> stdout)\n"
    "  -j, --jobs N          worker threads (default: all cores)\n"
    "  --quiet               no summary line on stderr\n"
    "\n";

}  // namespace

// Streaming mode: one output line per input line, errors as objects; counts on stderr.
int run_stream(const ParsedArgs& a, CliContext& ctx, const Pipeline& pipeline, unsigned threads) {
  LineReader reader;
  if (auto st = reader.open("-"); !st) return report_error(ctx, "batch", st.error());
  const FieldMap fields = field_map_from(a);
  const size_t chunk = 64 * std::max(1u, threads);
  std::vector<std::string> lines, outputs;
  std::vector<long> numbers;
  std::vector<std::string> messages;  // one-line error per failed record
  long read = 0, written = 0, skipped = 0;
  std::string line;
  bool more = true;
  while (more) {
    lines.clear();
    numbers.clear();
    while (lines.size() < chunk && (more = reader.next(line))) {
      lines.push_back(line);
      numbers.push_back(reader.line_number());
    }
    outputs.assign(lines.size(), {});
    messages.assign(lines.size(), {});
    parallel_for(lines.size(), threads, [&](size_t i) {
      const std::string where = "<stdin>:" + std::to_string(numbers[i]);
      std::string_view l = lines[i];
      while (!l.empty() && (l.back() == '\r' || l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
      if (l.empty()) {
        messages[i] = where + ": empty line";
        outputs[i] = error_json_line(numbers[i], "", messages[i]);
        return;
      }
      auto rec = parse_json_record(l, fields, where);
      if (!rec) {
        messages[i] = rec.error().message;
        outputs[i] = error_json_line(numbers[i], "", messages[i]);
        return;
      }
      auto doc = pipeline.analyze(*rec);
      if (!doc) {
        messages[i] = where + ": " + doc.error().message;
        outputs[i] = error_json_line(numbers[i], rec->meta.id, messages[i]);
        return;
      }
      outputs[i] = to_json_line(*doc);
    });
    for (size_t i = 0; i < lines.size(); ++i) {
      ctx.out << outputs[i] << '\n';
      ++read;
      if (!messages[i].empty()) {
        ++skipped;
        ctx.err << "framelens batch: skipped " << messages[i] << "\n";
      } else {
        ++written;
      }
    }
    ctx.out.flush();
  }
  if (!reader.error().empty()) {
    ctx.err << "framelens batch: " << reader.error() << "\n";
  }
  if (!a.has("quiet") || skipped > 0) {
    ctx.err << "framelens batch: read " << read << ", written " << written << ", skipped " << skipped << "\n";
  }
  if (!reader.error().empty()) return static_cast<int>(ErrorKind::Input);
  return skipped > 0 ? kExitSkipped : 0;
}

int cmd_batch(const std::vector<std::string>& args, CliContext& ctx) {
  auto spec = analysis_options();
  spec.push_back({"jsonl", false});
  spec.push_back({"jobs", true, 'j'});
  spec.push_back({"quiet", false, 'q'});
  auto parsed = parse_args(args, spec, "batch");
  if (!parsed) return report_error(ctx, "batch", parsed.error());
  if (parsed->has("help")) {
    ctx.out << kHelp << kAnalysisOptionsHelp << "\n" << kExitCodesHelp;
    return 0;
  }
  unsigned threads = default_threads();
  if (parsed->has("jobs")) {
    try {
      int j = std::stoi(parsed->get("jobs"));
      if (j < 1 || j > 1024) throw std::out_of_range("jobs");
      threads = static_cast<unsigned>(j);
    } catch (const std::exception&) {
      return report_error(ctx, "batch", usage_error("--jobs needs a number from 1 to 1024"));
    }
  }
  if (!parsed->has("jsonl")) {
    return report_error(ctx, "batch", usage_error("only the streaming mode (--jsonl) is available in this build"));
  }
  auto pipeline = pipeline_from(*parsed, ctx);
  if (!pipeline) return report_error(ctx, "batch", pipeline.error());
  return run_stream(*parsed, ctx, *pipeline, threads);
}

}  // namespace framelens
