#pragma once
// The inputs of `framelens batch INPUT... --out DIR` as one ordered stream of records: JSON Lines
// files (plain or gzip) give one record per non-blank line, .txt and .json files one record each,
// folders are walked recursively in sorted path order. Only one file is open at a time.
#include <memory>
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/line_reader.h"

namespace framelens {

struct BatchItem {
  enum class Kind { JsonLine, TextFile, JsonFile };
  Kind kind = Kind::JsonLine;
  std::string source;   // "file.jsonl:12" or "dir/a.txt": where errors point
  std::string payload;  // the JSON line, or the file path
  std::string error;    // set when the record could not even be read (it is then skipped)
};

class BatchInputs {
 public:
  // Expands folders; a path that does not exist is a usage error.
  static Result<std::unique_ptr<BatchInputs>> open(const std::vector<std::string>& paths);

  // The next record; false at the end of all inputs.
  bool next(BatchItem& item);

  // For progress: approximate input bytes (gzip: the uncompressed size from its trailer).
  long long total_bytes() const { return total_bytes_; }
  long long consumed_bytes() const { return consumed_bytes_; }
  // Identifies the input list (paths and sizes) for --resume.
  const std::vector<std::string>& files() const { return files_; }
  std::string signature() const;

 private:
  std::vector<std::string> files_;
  size_t next_file_ = 0;
  std::unique_ptr<LineReader> reader_;
  std::string line_;
  long long total_bytes_ = 0, consumed_bytes_ = 0;
};

}  // namespace framelens
