#pragma once
// A small streaming JSON writer that appends compact JSON to a string. The JSON report used to
// build an nlohmann::ordered_json tree per article and dump it; that tree (one heap node per value)
// cost about a fifth of batch time. This writer produces the same bytes as
// ordered_json::dump(-1, ' ', false, replace): same escaping, invalid UTF-8 replaced by U+FFFD,
// and the same number format (shortest round-trip digits, "0.0" style for integral doubles).
// It checks nothing about structure: callers pair begin/end and give keys inside objects.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace framelens {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // Inside an object: the next value's key.
  void key(std::string_view k);

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(int64_t v);
  void value(int32_t v) { value(static_cast<int64_t>(v)); }
  void value(double v);
  void value(bool v);
  void null();

  // key + value in one call.
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void before_value();

  std::string& out_;
  std::vector<uint8_t> first_;  // per open container: no element written yet (bytes, not vector<bool>)
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view s);
// A score as the JSON output keeps it: rounded to 6 decimals (non-finite -> 0). The CSV tables
// of `batch` round the same way, so `aggregate` rebuilds them from JSON byte for byte.
double round_score(double x);

// Appends a double the way nlohmann::json does (non-finite numbers become null).
void append_json_number(std::string& out, double v);

}  // namespace framelens
