#include "analyzer/report/batch_tables.h"

#include <vector>

#include "analyzer/report/csv_writer.h"
#include "analyzer/report/json_writer.h"

namespace framelens {

namespace {

std::string join(const std::vector<std::string>& v, char sep = ';') {
  std::string o;
  for (const auto& s : v) {
    if (!o.empty()) o.push_back(sep);
    o += s;
  }
  return o;
}

}  // namespace

std::string batch_table_header(BatchTable t, const std::vector<std::string>& kept) {
  std::string out;
  switch (t) {
    case kArticlesCsv: {
      std::vector<std::string_view> names = {
          "article_id", "id", "source", "outlet", "title", "date", "url", "chars", "words", "sentences",
          "paragraphs", "quotes", "direct_quotes", "loaded_cues", "biased_sentences", "own_voice_terms",
          "quoted_terms", "own_voice_per_1000", "quoted_per_1000", "actors", "leaning", "leaning_left",
          "leaning_center", "leaning_right", "lean", "frames_mfc", "frames_generic", "paraphrased_terms",
          "headline_terms", "scare_quote_terms", "paraphrased_per_1000", "headline_per_1000"};
      for (const auto& k : kept) names.push_back(k);
      names.push_back("story_id");
      csv_header(out, names);
      break;
    }
    case kSentencesCsv:
      csv_header(out, {"article_id", "outlet", "sentence", "paragraph", "start", "end", "zone", "zone_reason", "bias_score", "biased",
                       "text"});
      break;
    case kLoadedTermsCsv:
      csv_header(out, {"article_id", "outlet", "start", "end", "text", "category", "score", "in_quote", "sentence", "voice", "quote_kind"});
      break;
    case kQuotesCsv:
      csv_header(out, {"article_id", "outlet", "quote", "kind", "start", "end", "text", "speaker", "speaker_text",
                       "speaker_actor", "speaker_type", "resolved", "cue", "cue_lemma", "cue_loaded", "negated",
                       "co_speakers"});
      break;
    case kActorsCsv:
      csv_header(out, {"article_id", "outlet", "actor_id", "name", "type", "mentions", "quoted", "stance", "stance_label",
                       "role", "role_score", "aliases", "entity", "entity_reason", "stance_confidence",
                       "quoted_stance", "quoted_stance_label"});
      break;
    default:
      break;
  }
  return out;
}

void append_story_id(std::string& row, const std::string& story_id) {
  if (row.size() >= 2 && row.compare(row.size() - 2, 2, "\r\n") == 0) row.resize(row.size() - 2);
  row.push_back(',');
  row += story_id;
  row += "\r\n";
}

void append_story_id_json(std::string& line, const std::string& story_id) {
  const size_t brace = line.rfind('}');
  if (brace == std::string::npos) return;
  line.insert(brace, ",\"story_id\":\"" + story_id + "\"");
}

std::string article_key_of(const DocMeta& meta, const std::string& source) {
  return meta.id.empty() ? source : meta.id;
}

void append_article_row(std::string& out, const ArticleFigures& f, const std::string& source, bool excel_safe,
                        const std::vector<std::string>& kept) {
  const DocStats& s = f.stats;
  CsvRow r(out, excel_safe);
  r.text(article_key_of(f.meta, source)).text(f.meta.id).text(source).text(f.meta.outlet).text(f.meta.title)
      .text(f.meta.date).text(f.meta.url).integer(s.chars).integer(s.words).integer(s.sentences)
      .integer(s.paragraphs).integer(s.quotes).integer(s.direct_quotes).integer(s.loaded_cues);
  if (s.terms_measured) {
    r.integer(s.biased_sentences).integer(s.own_voice_terms).integer(s.quoted_terms)
        .number(s.own_voice_per_1000).number(s.quoted_per_1000);
  } else {  // no loaded-wording model: not measured, not 0
    r.empty().empty().empty().empty().empty();
  }
  r.integer(static_cast<int64_t>(f.actors.size()));
  if (f.leaning.label.empty()) {
    r.empty().empty().empty().empty().empty();
  } else {
    r.text(f.leaning.label).number(f.leaning.left).number(f.leaning.center).number(f.leaning.right)
        .number(f.leaning.lean);
  }
  r.text(join(f.mfc)).text(join(f.generic)).integer(s.paraphrased_terms).integer(s.headline_terms)
      .integer(s.scare_quote_terms).number(s.paraphrased_per_1000).number(s.headline_per_1000);
  for (const auto& k : kept) {
    const std::string* v = nullptr;
    for (const auto& [name, val] : f.meta.fields) {
      if (name == k) v = &val;
    }
    v ? r.text(*v) : r.empty();
  }
  r.end();
}

void format_article_rows(const Document& d, const ArticleFigures& f, const std::string& source, bool excel_safe,
                         ArticleRows& rows, const std::vector<std::string>& kept) {
  for (auto& r : rows) r.clear();
  const std::string key = article_key_of(d.meta, source);
  const std::string& outlet = d.meta.outlet;
  append_article_row(rows[kArticlesCsv], f, source, excel_safe, kept);

  std::string& sent = rows[kSentencesCsv];
  for (size_t i = 0; i < d.sentences.size(); ++i) {
    const Sentence& s = d.sentences[i];
    CsvRow row(sent, excel_safe);
    row.text(key).text(outlet).integer(static_cast<int64_t>(i)).integer(s.paragraph).integer(s.span.start)
        .integer(s.span.end).text(zone_name(s.zone)).text(s.zone_reason);
    if (d.terms_scored) row.number(round_score(s.bias_score)).boolean(s.biased);
    else row.empty().empty();  // no sentence-bias model: every row empty (docs/csv.md)
    row.text(d.slice(s.span)).end();
  }
  std::string& terms = rows[kLoadedTermsCsv];
  for (const auto& t : d.loaded_terms) {
    CsvRow(terms, excel_safe).text(key).text(outlet).integer(t.span.start).integer(t.span.end).text(d.slice(t.span))
        .text(t.category).number(round_score(t.score)).boolean(t.in_quote).integer(t.sentence).text(voice_name(t.voice))
        .text(quote_kind_name(t.quote_kind)).end();
  }
  std::string& quotes = rows[kQuotesCsv];
  for (size_t i = 0; i < d.quotes.size(); ++i) {
    const Quote& q = d.quotes[i];
    CsvRow r(quotes, excel_safe);
    r.text(key).text(outlet).integer(static_cast<int64_t>(i)).text(q.kind).integer(q.span.start).integer(q.span.end)
        .text(d.slice(q.span));
    if (q.speaker) {
      const int a = q.speaker->actor;
      const bool linked = a >= 0 && a < static_cast<int>(d.actors.size());
      r.text(q.speaker->name).text(d.slice(q.speaker->span)).text(linked ? d.actors[a].id : "")
          .text(linked ? d.actors[a].type : "").boolean(q.speaker->resolved);
    } else {
      r.empty().empty().empty().empty().boolean(false);  // booleans have no gaps (docs/csv.md)
    }
    if (q.cue) {
      r.text(d.slice(q.cue->span)).text(q.cue->lemma).boolean(q.cue->loaded);
    } else {
      r.empty().empty().boolean(false);
    }
    std::string co;
    for (const auto& sp : q.co_speakers) co += (co.empty() ? "" : ";") + sp.name;
    r.boolean(q.negated).text(co);
    r.end();
  }
  std::string& actors = rows[kActorsCsv];
  for (const auto& a : d.actors) {
    CsvRow r(actors, excel_safe);
    r.text(key).text(outlet).text(a.id).text(a.name).text(a.type).integer(static_cast<int64_t>(a.mentions.size()))
        .integer(a.quoted);
    if (a.stance.present) {
      r.number(round_score(a.stance.score)).text(a.stance.label);
    } else {
      r.empty().empty();
    }
    r.text(a.role).number(round_score(a.role_score)).text(join(a.aliases)).text(a.entity).text(a.entity_reason);
    if (a.stance.present) r.number(round_score(a.stance.confidence)); else r.empty();
    if (a.quoted_stance.present) r.number(round_score(a.quoted_stance.score)).text(a.quoted_stance.label); else r.empty().empty();
    r.end();
  }
}

}  // namespace framelens
