#include "analyzer/train/gold_set.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analyzer/text/line_reader.h"

namespace framelens {

namespace {

using nlohmann::json;

Span span_of(const json& j, const char* s, const char* e) {
  if (!j.contains(s) || !j.contains(e) || !j[s].is_number_integer() || !j[e].is_number_integer()) return {};
  return {j[s].get<int32_t>(), j[e].get<int32_t>()};
}

std::string str(const json& j, const char* k) {
  return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}

}  // namespace

bool GoldArticle::has_layer(const std::string& layer) const {
  return layers.empty() || std::find(layers.begin(), layers.end(), layer) != layers.end();
}

std::string normalize_actor_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    // U+2019 (E2 80 99) and U+2018 -> '
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.resize(out.size() - 2);
  if (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

Result<std::vector<GoldArticle>> load_gold_set(const std::string& gold_path, const std::string& corpora_dir,
                                               const std::string& set) {
  if (set != "tune" && set != "final" && set != "all") {
    return usage_error("--set must be tune, final or all, not '" + set + "'");
  }
  std::vector<GoldArticle> out;
  std::map<std::string, std::set<std::string>> wanted;  // split -> ids
  std::map<std::string, size_t> index;                  // id -> out position
  std::set<std::string> direct_files;                   // ids read from a text file (path)
  Status st = for_each_jsonl_line(gold_path, [&](std::string_view line, const std::string& where) -> Status {
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return input_error(where + ": not a JSON object");
    GoldArticle g;
    g.id = str(j, "id");
    g.set = str(j, "set");
    g.outlet = str(j, "outlet");
    g.annotator = str(j, "annotator");
    const std::string split = str(j, "split");
    const std::string text_path = str(j, "path");  // a text file under the parent of corpora_dir
    if (g.id.empty() || (split.empty() && text_path.empty()))
      return input_error(where + ": gold record without id or split/path");
    if (set != "all" && g.set != set) return {};
    for (const auto& l : j.value("layers", json::array()))
      if (l.is_string()) g.layers.push_back(l.get<std::string>());
    for (const auto& z : j.value("zones", json::array())) {
      GoldZone gz;
      gz.span = span_of(z, "start", "end");
      if (!zone_from_name(str(z, "zone"), gz.zone)) return input_error(where + ": unknown zone '" + str(z, "zone") + "'");
      g.zones.push_back(gz);
    }
    for (const auto& a : j.value("actors", json::array())) {
      GoldActor ga;
      ga.name = str(a, "name");
      ga.type = str(a, "type");
      ga.main = a.value("main", false);
      const std::string gender = str(a, "gender");
      ga.gender = gender.empty() ? '-' : gender[0];
      for (const auto& f : a.value("forms", json::array()))
        if (f.is_string()) ga.forms.push_back(f.get<std::string>());
      g.actors.push_back(std::move(ga));
    }
    for (const auto& q : j.value("quotes", json::array())) {
      GoldQuote gq;
      gq.kind = str(q, "kind");
      gq.span = span_of(q, "start", "end");
      gq.speaker = q.contains("speaker") && q["speaker"].is_string() ? q["speaker"].get<std::string>() : "";
      gq.cue = span_of(q, "cue_start", "cue_end");
      gq.negated = q.value("negated", false);
      g.quotes.push_back(std::move(gq));
    }
    for (const auto& t : j.value("loaded", json::array())) {
      GoldTerm gt;
      gt.span = span_of(t, "start", "end");
      gt.voice = str(t, "voice");
      gt.quote_kind = str(t, "quote_kind");
      g.loaded.push_back(std::move(gt));
    }
    for (const auto& a : j.value("attitude", json::array())) {
      GoldAttitude ga;
      ga.actor = str(a, "actor");
      ga.label = str(a, "label");
      ga.evidence = span_of(a, "start", "end");
      g.attitude.push_back(std::move(ga));
    }
    if (!text_path.empty()) {
      const std::string file = corpora_dir + "/../" + text_path;
      auto rec = read_input_file(file, FieldMap{});
      if (!rec) return rec.error();
      g.record = std::move(*rec);
      g.record.meta.id = g.id;
      direct_files.insert(g.id);
    } else {
      wanted[split].insert(g.id);
    }
    index[g.id] = out.size();
    out.push_back(std::move(g));
    return {};
  });
  if (!st) return st.error();
  std::set<std::string> found = direct_files;
  for (const auto& entry : wanted) {
    const std::string& split = entry.first;
    const std::set<std::string>& ids = entry.second;  // not a structured binding: clang 14 cannot capture one
    const std::string path = corpora_dir + "/allsides_article_bias/" + split + ".jsonl.gz";
    Status rs = for_each_jsonl_line(path, [&](std::string_view line, const std::string& where) -> Status {
      // Cheap prefilter: the id field comes first in these files.
      auto rec = parse_json_record(line, FieldMap{}, where);
      if (!rec) return rec.error();
      if (!ids.count(rec->meta.id)) return {};
      GoldArticle& g = out[index[rec->meta.id]];
      g.record = std::move(*rec);
      found.insert(g.id);
      return {};
    });
    if (!rs) return rs.error();
  }
  for (const auto& g : out) {
    if (!found.count(g.id)) return input_error(gold_path + ": article " + g.id + " not found under " + corpora_dir);
    int32_t n = 0;
    for (unsigned char c : g.record.text) n += (c & 0xC0) != 0x80;
    auto bad = [&](Span s) { return s.start < 0 || s.end > n || s.end < s.start; };
    for (const auto& z : g.zones) if (bad(z.span)) return input_error(gold_path + ": " + g.id + ": zone span outside the text");
    for (const auto& q : g.quotes) if (bad(q.span) || bad(q.cue)) return input_error(gold_path + ": " + g.id + ": quote span outside the text");
    for (const auto& t : g.loaded) if (bad(t.span)) return input_error(gold_path + ": " + g.id + ": loaded span outside the text");
  }
  return out;
}

}  // namespace framelens
