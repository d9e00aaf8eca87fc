#pragma once
// A single-pass reader for the common shape of a JSON Lines record: one object whose wanted fields
// (text, id, title, outlet, date, url) are strings or null, other fields anything. It validates the
// whole line to the same rules as nlohmann::json (RFC 8259 grammar, UTF-8 in strings, finite
// numbers, nothing after the object), copies string runs in bulk and builds no DOM; batch spends
// several percent of its time parsing records, most of it in the per-character DOM path.
//
// It declines (returns false, `out` unspecified) on anything it does not handle exactly like the
// full parser: any syntax or encoding error, a leading byte-order mark, nesting deeper than
// kMaxJsonDepth, a wanted field of another type, a number as id/date, any `targets` field. The
// caller then runs the full parser, which produces the result or the error message. So the
// scanner changes speed only: for every line it accepts, the record equals the full parser's
// (checked by tests and by the json_record fuzz target).
#include <string_view>

#include "analyzer/text/input_record.h"

namespace framelens {

bool scan_json_record(std::string_view json, const FieldMap& fields, InputRecord& out);

}  // namespace framelens
