#pragma once
// Flags shared by the commands that analyse text (score, batch).
#include <vector>

#include "analyzer/cli/args.h"
#include "analyzer/cli/commands.h"
#include "analyzer/pipeline/pipeline.h"
#include "analyzer/text/input_record.h"

namespace framelens {

// --models DIR, --lenient, --require-models, and the field-name remapping flags.
std::vector<OptionSpec> analysis_options();
extern const char* const kAnalysisOptionsHelp;

FieldMap field_map_from(const ParsedArgs& a);

// Per-record size limit (--max-record-mb, default 5 MB of UTF-8 text).
constexpr size_t kDefaultMaxRecordBytes = 5'000'000;
Result<size_t> max_record_bytes_from(const ParsedArgs& a);
// An input error for a text over `max_bytes` or with nothing but white space.
[[nodiscard]] Status check_record_text(const std::string& text, size_t max_bytes);
Result<Pipeline> pipeline_from(const ParsedArgs& a, const CliContext& ctx);

// Prints "framelens CMD: message" on one line and returns the error's exit code.
int report_error(CliContext& ctx, const std::string& cmd, const Error& e);

}  // namespace framelens
