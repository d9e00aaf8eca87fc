#pragma once
// Input records: one article's text plus metadata, read from .txt, .json, stdin or one JSON Lines
// line. Field names are remappable so corpora with other schemas need no conversion.
#include <string>
#include <string_view>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/text/document.h"

namespace framelens {

struct InputRecord {
  DocMeta meta;
  std::string text;
  std::vector<Span> targets;  // optional target spans (code points into text)
};

struct FieldMap {
  std::string text = "text", id = "id", title = "title", outlet = "outlet", date = "date",
              url = "url", targets = "targets";
  // Further input fields passed through to DocMeta::fields (strings, numbers, booleans; --keep-fields).
  std::vector<std::string> keep;
};

// JSON nested deeper than this is rejected before parsing (guards the recursive destructor).
constexpr int kMaxJsonDepth = 64;

// Parses one JSON object. `where` names the source ("file.jsonl:12") for error messages.
// Common records go through scan_json_record (json_record_scanner.h); the rest, and every error,
// through parse_json_record_full.
Result<InputRecord> parse_json_record(std::string_view json, const FieldMap& fields,
                                      const std::string& where);
// The full parser (nlohmann::json DOM): the reference the fast scanner must agree with.
Result<InputRecord> parse_json_record_full(std::string_view json, const FieldMap& fields,
                                           const std::string& where);

// Reads a .txt or .json file, or stdin for "-". JSON is detected by extension or, for stdin, by a
// leading '{'. The id defaults to the file name stem.
Result<InputRecord> read_input_file(const std::string& path, const FieldMap& fields);

// Reads a whole file into memory (errors name the path).
Result<std::string> read_file_bytes(const std::string& path);

}  // namespace framelens
