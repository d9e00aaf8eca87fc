#include "analyzer/train/corpus_reader.h"

#include <nlohmann/json.hpp>

#include "analyzer/text/line_reader.h"

namespace framelens::terms {

Result<std::vector<CorpusRecord>> read_corpus(const std::string& path, size_t max_records, size_t max_bytes) {
  LineReader reader;
  if (auto st = reader.open(path); !st) return st.error();
  std::vector<CorpusRecord> out;
  std::string line;
  size_t bytes = 0;
  while (reader.next(line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      return input_error(path + ":" + std::to_string(reader.line_number()) + ": bad JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string())
      return input_error(path + ":" + std::to_string(reader.line_number()) + ": record has no text");
    CorpusRecord r;
    r.text = j["text"].get<std::string>();
    if (j.contains("id") && j["id"].is_string()) r.id = j["id"].get<std::string>();
    if (j.contains("title") && j["title"].is_string()) r.title = j["title"].get<std::string>();
    if (j.contains("label") && j["label"].is_string()) r.label = j["label"].get<std::string>();
    if (j.contains("spans") && j["spans"].is_array()) {
      for (const auto& s : j["spans"]) {
        if (!s.is_object() || !s.contains("start") || !s.contains("end")) continue;
        if (!s["start"].is_number_integer() || !s["end"].is_number_integer()) continue;
        LabeledSpan ls;
        ls.span = {s["start"].get<int32_t>(), s["end"].get<int32_t>()};
        if (s.contains("label") && s["label"].is_string()) ls.label = s["label"].get<std::string>();
        r.spans.push_back(std::move(ls));
      }
    }
    bytes += r.text.size();
    out.push_back(std::move(r));
    if (max_records && out.size() >= max_records) break;
    if (max_bytes && bytes >= max_bytes) break;
  }
  if (!reader.error().empty()) return input_error(reader.error());
  return out;
}

}  // namespace framelens::terms
