#pragma once
// Reads JSON Lines from a file (plain or gzip, detected by content) or stdin, one line at a time,
// so memory stays constant whatever the input size.
#include <functional>
#include <string>
#include <string_view>

#include "analyzer/core/error.h"

namespace framelens {

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // "-" reads stdin.
  Status open(const std::string& path);
  // Reads the next line (without '\n'; a trailing '\r' is kept for the JSON parser to skip).
  // Returns false at end of input; check error() afterwards (e.g. a truncated .gz).
  bool next(std::string& line);
  const std::string& error() const { return error_; }
  long line_number() const { return line_no_; }
  const std::string& name() const { return name_; }

 private:
  void* gz_ = nullptr;  // gzFile
  std::string name_;
  std::string error_;
  long line_no_ = 0;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

// Calls fn(line, where) for each non-blank line of a JSON Lines file (plain or .gz; "-" is stdin),
// where `where` is "PATH:LINE" for error messages. Stops at the first error fn returns; a read
// error (e.g. a truncated .gz) is an input error, so no corpus reader can end early silently.
Status for_each_jsonl_line(const std::string& path,
                           const std::function<Status(std::string_view line, const std::string& where)>& fn);

}  // namespace framelens
