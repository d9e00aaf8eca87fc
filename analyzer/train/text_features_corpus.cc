#include "analyzer/train/text_features_corpus.h"

#include <cctype>

#include <nlohmann/json.hpp>

#include "analyzer/text/line_reader.h"

namespace framelens {

Result<std::vector<LabelledRecord>> read_labelled_jsonl(const std::string& path, const std::string& label_field) {
  std::vector<LabelledRecord> out;
  FieldMap fields;
  Status read = for_each_jsonl_line(path, [&](std::string_view line, const std::string& where) -> Status {
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
    return {};
  });
  if (!read) return read.error();
  return out;
}

std::string normalize_label(const std::string& label) {
  std::string s;
  for (unsigned char c : label) s.push_back(c == ' ' || c == '-' ? '_' : static_cast<char>(std::tolower(c)));
  return s;
}

}  // namespace framelens
