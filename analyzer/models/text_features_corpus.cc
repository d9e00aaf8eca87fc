#include "analyzer/models/text_features_corpus.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "analyzer/text/line_reader.h"

namespace framelens {

Result<std::vector<LabelledRecord>> read_labelled_jsonl(const std::string& path, const std::string& label_field) {
  LineReader reader;
  if (Status s = reader.open(path); !s) return s.error();
  std::vector<LabelledRecord> out;
  std::string line;
  FieldMap fields;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(reader.line_number());
    auto rec = parse_json_record(line, fields, where);
    if (!rec) return rec.error();
    LabelledRecord r;
    r.record = std::move(*rec);
    try {
      auto j = nlohmann::json::parse(line);
      auto it = j.find(label_field);
      if (it == j.end() || it->is_null()) return input_error(where + ": missing label field \"" + label_field + "\"");
      if (it->is_string()) {
        r.labels.push_back(it->get<std::string>());
      } else if (it->is_array()) {
        for (const auto& v : *it)
          if (v.is_string()) r.labels.push_back(v.get<std::string>());
      } else {
        return input_error(where + ": label field \"" + label_field + "\" must be a string or a list");
      }
    } catch (const std::exception& e) {
      return input_error(where + ": " + e.what());
    }
    out.push_back(std::move(r));
  }
  if (!reader.error().empty()) return input_error(reader.error());
  return out;
}

std::string normalize_label(const std::string& label) {
  std::string s;
  for (unsigned char c : label) s.push_back(c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(c)));
  return s;
}

}  // namespace framelens
