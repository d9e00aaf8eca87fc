#include "analyzer/text/input_record.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzer/text/json_record_scanner.h"

namespace framelens {

namespace {

// Depth check without building a DOM: counts brackets outside strings.
bool too_deep(std::string_view s) {
  int depth = 0;
  bool in_str = false, esc = false;
  for (char c : s) {
    if (in_str) {
      if (esc) esc = false;
      else if (c == '\\') esc = true;
      else if (c == '"') in_str = false;
      continue;
    }
    if (c == '"') in_str = true;
    else if (c == '{' || c == '[') { if (++depth > kMaxJsonDepth) return true; }
    else if (c == '}' || c == ']') --depth;
  }
  return false;
}

// Reads an optional string field; numbers are accepted for ids.
Status get_string(const nlohmann::json& j, const std::string& key, std::string& out,
                  const std::string& where, bool allow_number) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) { out = it->get<std::string>(); return {}; }
  if (allow_number && it->is_number()) { out = it->dump(); return {}; }
  return input_error(where + ": field \"" + key + "\" must be a string, got " + it->type_name());
}

// The kept fields of a parsed record: strings as they are, numbers and booleans as JSON text.
Status keep_fields(const nlohmann::json& j, const FieldMap& f, InputRecord& r, const std::string& where) {
  r.meta.fields.clear();
  for (const auto& name : f.keep) {
    std::string v;
    auto it = j.find(name);
    if (it != j.end() && !it->is_null()) {
      if (it->is_string()) v = it->get<std::string>();
      else if (it->is_number() || it->is_boolean()) v = it->dump();
      else return input_error(where + ": kept field \"" + name + "\" must be a string, number or boolean");
    }
    r.meta.fields.emplace_back(name, std::move(v));
  }
  return {};
}

}  // namespace

Result<InputRecord> parse_json_record(std::string_view json, const FieldMap& f,
                                      const std::string& where) {
  InputRecord r;
  if (f.keep.empty() && scan_json_record(json, f, r)) return r;
  return parse_json_record_full(json, f, where);
}

Result<InputRecord> parse_json_record_full(std::string_view json, const FieldMap& f,
                                           const std::string& where) {
  if (too_deep(json)) {
    return input_error(where + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json.begin(), json.end());
  } catch (const nlohmann::json::exception& e) {
    // parse_error for bad syntax, out_of_range for a number too large for a double ("1e999").
    std::string msg = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] "; keep the reason.
    auto p = msg.find("] ");
    return input_error(where + ": invalid JSON: " + (p == std::string::npos ? msg : msg.substr(p + 2)));
  }
  if (!j.is_object()) return input_error(where + ": expected a JSON object, got " + std::string(j.type_name()));
  InputRecord r;
  auto it = j.find(f.text);
  if (it == j.end()) return input_error(where + ": missing field \"" + f.text + "\"");
  if (!it->is_string()) {
    return input_error(where + ": field \"" + f.text + "\" must be a string, got " + it->type_name());
  }
  r.text = it->get<std::string>();
  for (auto [key, dst, num] : {std::tuple{&f.id, &r.meta.id, true}, {&f.title, &r.meta.title, false},
                               {&f.outlet, &r.meta.outlet, false}, {&f.date, &r.meta.date, true},
                               {&f.url, &r.meta.url, false}}) {
    if (auto st = get_string(j, *key, *dst, where, num); !st) return st.error();
  }
  auto tt = j.find(f.targets);
  if (tt != j.end() && !tt->is_null()) {
    if (!tt->is_array()) return input_error(where + ": field \"" + f.targets + "\" must be a list");
    for (const auto& t : *tt) {
      if (!t.is_object() || !t.contains("start") || !t.contains("end") ||
          !t["start"].is_number_integer() || !t["end"].is_number_integer()) {
        return input_error(where + ": each target needs integer \"start\" and \"end\"");
      }
      // Read wide first: get<int32_t> would silently wrap 4294967296 to 0.
      const int64_t start = t["start"].get<int64_t>(), end = t["end"].get<int64_t>();
      if (start < 0 || end < start || end > std::numeric_limits<int32_t>::max()) {
        return input_error(where + ": target [" + t["start"].dump() + ", " + t["end"].dump() +
                           ") is not a valid span");
      }
      r.targets.push_back(Span{static_cast<int32_t>(start), static_cast<int32_t>(end)});
    }
  }
  if (auto st = keep_fields(j, f, r, where); !st) return st.error();
  return r;
}

Result<std::string> read_file_bytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return input_error(path + ": is a directory, expected a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return input_error(path + ": cannot open (" + std::string(std::strerror(errno)) + ")");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return input_error(path + ": read error");
  return data;
}

Result<InputRecord> read_input_file(const std::string& path, const FieldMap& fields) {
  std::string data;
  std::string name = path;
  if (path == "-") {
    name = "<stdin>";
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    data = ss.str();
  } else {
    auto r = read_file_bytes(path);
    if (!r) return r.error();
    data = std::move(*r);
  }
  // A UTF-8 byte-order mark is the file's encoding marker, not article text: drop it here, so
  // offsets index the text after it (the text is what `score` reports spans into).
  if (data.size() >= 3 && data.compare(0, 3, "\xEF\xBB\xBF") == 0) data.erase(0, 3);
  std::filesystem::path p(path);
  bool is_json = p.extension() == ".json";
  if (path == "-") {
    size_t k = 0;
    while (k < data.size() && (data[k] == ' ' || data[k] == '\n' || data[k] == '\r' || data[k] == '\t')) ++k;
    is_json = k < data.size() && data[k] == '{';
  }
  if (is_json) {
    auto r = parse_json_record(data, fields, name);
    if (!r) return r.error();
    if (r->meta.id.empty() && path != "-") r->meta.id = p.stem().string();
    return r;
  }
  InputRecord r;
  r.text = std::move(data);
  if (path != "-") r.meta.id = p.stem().string();
  return r;
}

}  // namespace framelens
