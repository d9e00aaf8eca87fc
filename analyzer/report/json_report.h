#pragma once
// The JSON output contract (schema_version 1), documented field by field in docs/output-schema.md.
#include <string>

#include <nlohmann/json.hpp>

#include "analyzer/text/document.h"

namespace framelens {

constexpr int kSchemaVersion = 1;

// The report is written straight to text by JsonWriter (no JSON tree per article: that was a fifth
// of batch time); `to_json` parses that text back for callers that want a tree (--pretty, tests).
void append_json(std::string& out, const Document& doc);
// One line, no trailing newline (for JSON Lines).
std::string to_json_line(const Document& doc);
nlohmann::ordered_json to_json(const Document& doc);

// An error object for streaming mode: {"schema_version":1,"error":{"line":N,"message":...}}.
std::string error_json_line(long line, const std::string& id, const std::string& message);

}  // namespace framelens
