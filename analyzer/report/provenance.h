#pragma once
// What produced an output: framelens version and git commit, the model files (relative path, bytes,
// SHA-256), the command line and the time. Written as run.json beside the CSVs of `batch --out` and
// `aggregate`, as "provenance" in the JSON of `score`, and as a footer of the HTML reports.
// The time is now (UTC), or SOURCE_DATE_EPOCH (seconds since 1970) when that is set, so tests and
// reproducible pipelines get byte-identical outputs.
#include <string>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

struct ModelFileInfo {
  std::string path;  // relative to the models folder, '/'-separated
  long long bytes = 0;
  std::string sha256;
};

struct Provenance {
  std::string version, commit;
  std::string command;  // the command line, shell-quoted
  std::string time;     // ISO 8601 UTC, e.g. 2026-12-02T05:04:17Z
  std::string models_dir;
  std::vector<ModelFileInfo> models;  // sorted by path; model cards (*.md) are left out
};

// `args` is the command line after the program name (e.g. {"batch", "in.jsonl", "--out", "r"}).
// An empty models_dir (commands that load no models) gives an empty model list.
[[nodiscard]] Result<Provenance> collect_provenance(const std::string& models_dir,
                                                    const std::vector<std::string>& args);

// The time as ISO 8601 UTC: SOURCE_DATE_EPOCH when set to a valid number, else now.
std::string provenance_time();
// Shell-quotes each word where needed and joins them with spaces, after "framelens".
std::string command_line(const std::vector<std::string>& args);

// A compact JSON object (the run.json content is this plus a newline).
std::string provenance_json(const Provenance& p);
// DIR/run.json: the provenance object plus the record counts of the run, one line.
std::string run_json(const Provenance& p, long long read, long long written, long long skipped);
// `html` with a provenance footer inserted before </body> (appended when there is none).
std::string with_provenance_html(std::string html, const Provenance& p);

}  // namespace framelens
