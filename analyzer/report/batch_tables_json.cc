// The per-article CSV rows rebuilt from a `score` JSON object (aggregate, Dask runner). Mirrors
// format_article_rows in batch_tables.cc column for column; a test checks the two agree.
#include <map>

#include "analyzer/report/batch_tables.h"
#include "analyzer/report/csv_writer.h"

namespace framelens {

namespace {

using json = nlohmann::json;

const json& member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string str(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

int64_t integer(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_number() ? v.get<int64_t>() : 0;
}

double number(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_number() ? v.get<double>() : 0.0;
}

bool boolean(const json& j, const char* key) {
  const json& v = member(j, key);
  return v.is_boolean() && v.get<bool>();
}

const json& array(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& v = member(j, key);
  return v.is_array() ? v : kEmpty;
}

}  // namespace

void format_article_rows_from_json(const json& j, const ArticleFigures& f, const std::string& source,
                                   bool excel_safe, ArticleRows& rows, const std::vector<std::string>& kept) {
  for (auto& r : rows) r.clear();
  const std::string key = article_key_of(f.meta, source);
  const std::string& outlet = f.meta.outlet;
  append_article_row(rows[kArticlesCsv], f, source, excel_safe, kept);

  const json& sentences = array(j, "sentences");
  for (size_t i = 0; i < sentences.size(); ++i) {
    const json& s = sentences[i];
    CsvRow row(rows[kSentencesCsv], excel_safe);
    row.text(key).text(outlet).integer(static_cast<int64_t>(i))
        .integer(integer(s, "paragraph")).integer(integer(s, "start")).integer(integer(s, "end"))
        .text(str(s, "zone")).text(str(s, "zone_reason"));
    if (member(s, "bias_score").is_number()) row.number(number(s, "bias_score")).boolean(boolean(s, "biased"));
    else row.empty().empty();
    row.text(str(s, "text")).end();
  }
  for (const json& t : array(j, "loaded_terms")) {
    CsvRow(rows[kLoadedTermsCsv], excel_safe).text(key).text(outlet).integer(integer(t, "start"))
        .integer(integer(t, "end")).text(str(t, "text")).text(str(t, "category")).number(number(t, "score"))
        .boolean(boolean(t, "in_quote")).integer(member(t, "sentence").is_number() ? integer(t, "sentence") : -1)
        .text(str(t, "voice")).text(str(t, "quote_kind")).end();
  }
  std::map<std::string, std::string> actor_type;
  for (const json& a : array(j, "actors")) actor_type[str(a, "id")] = str(a, "type");
  const json& quotes = array(j, "quotes");
  for (size_t i = 0; i < quotes.size(); ++i) {
    const json& q = quotes[i];
    CsvRow r(rows[kQuotesCsv], excel_safe);
    r.text(key).text(outlet).integer(static_cast<int64_t>(i)).text(str(q, "kind")).integer(integer(q, "start"))
        .integer(integer(q, "end")).text(str(q, "text"));
    const json& sp = member(q, "speaker");
    if (sp.is_object()) {
      const std::string actor = str(sp, "actor");
      auto it = actor_type.find(actor);
      const bool linked = !actor.empty() && it != actor_type.end();
      r.text(str(sp, "name")).text(str(sp, "text")).text(linked ? actor : "").text(linked ? it->second : "")
          .boolean(boolean(sp, "resolved"));
    } else {
      r.empty().empty().empty().empty().boolean(false);
    }
    const json& cue = member(q, "cue");
    if (cue.is_object()) {
      r.text(str(cue, "text")).text(str(cue, "lemma")).boolean(boolean(cue, "loaded"));
    } else {
      r.empty().empty().boolean(false);
    }
    std::string co;
    for (const json& x : array(q, "co_speakers")) co += (co.empty() ? "" : ";") + str(x, "name");
    r.boolean(boolean(q, "negated")).text(co);
    r.end();
  }
  for (const json& a : array(j, "actors")) {
    CsvRow r(rows[kActorsCsv], excel_safe);
    r.text(key).text(outlet).text(str(a, "id")).text(str(a, "name")).text(str(a, "type"))
        .integer(static_cast<int64_t>(array(a, "mentions").size())).integer(integer(a, "quoted"));
    const json& st = member(a, "stance");
    if (st.is_object()) {
      r.number(number(st, "score")).text(str(st, "label"));
    } else {
      r.empty().empty();
    }
    std::string aliases;
    for (const json& x : array(a, "aliases")) {
      if (!aliases.empty()) aliases.push_back(';');
      if (x.is_string()) aliases += x.get<std::string>();
    }
    r.text(str(a, "role")).number(number(a, "role_score")).text(aliases).text(str(a, "entity")).text(str(a, "entity_reason"));
    if (st.is_object()) r.number(number(st, "confidence")); else r.empty();
    const json& qs = member(a, "quoted_stance");
    if (qs.is_object()) r.number(number(qs, "score")).text(str(qs, "label")); else r.empty().empty();
    r.end();
  }
}

}  // namespace framelens
