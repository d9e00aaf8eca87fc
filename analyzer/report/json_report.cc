#include "analyzer/report/json_report.h"

#include <cmath>

#include "analyzer/report/doc_stats.h"
#include "analyzer/report/json_writer.h"

namespace framelens {

namespace {

// Rounds scores so output is stable and compact (6 significant decimals are plenty).
double r6(double x) {
  if (!std::isfinite(x)) return 0.0;
  return std::round(x * 1e6) / 1e6;
}

void span_fields(JsonWriter& w, const Document& d, Span s) {
  w.field("text", d.slice(s));
  w.field("start", s.start);
  w.field("end", s.end);
}

void span_object(JsonWriter& w, const Document& d, Span s) {
  w.begin_object();
  span_fields(w, d, s);
  w.end_object();
}

void actor_ref(JsonWriter& w, const Document& d, int32_t actor) {
  if (actor >= 0 && actor < static_cast<int32_t>(d.actors.size())) {
    w.value(d.actors[actor].id);
  } else {
    w.null();
  }
}

void stance_value(JsonWriter& w, const Document& d, const Stance& st) {
  if (!st.present) return w.null();
  w.begin_object();
  w.field("score", r6(st.score));
  w.field("label", st.label);
  w.field("confidence", r6(st.confidence));
  w.key("evidence");
  w.begin_array();
  for (size_t i = 0; i < st.evidence.size(); ++i) {
    w.begin_object();
    span_fields(w, d, st.evidence[i]);
    if (i < st.evidence_why.size()) w.field("why", st.evidence_why[i]);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void frames_value(JsonWriter& w, const std::vector<FrameScore>& fs) {
  w.begin_array();
  for (const auto& f : fs) {
    w.begin_object();
    w.field("label", f.label);
    w.field("score", r6(f.score));
    w.field("selected", f.selected);
    w.end_object();
  }
  w.end_array();
}

void write_stats(JsonWriter& w, const DocStats& st) {
  w.begin_object();
  w.field("chars", st.chars);
  w.field("words", st.words);
  w.field("sentences", st.sentences);
  w.field("paragraphs", st.paragraphs);
  w.field("quotes", st.quotes);
  // Without the loaded-wording model these figures are not measured: null, not 0.
  if (!st.terms_measured) {
    w.key("biased_sentences");
    w.null();
    w.key("loadedness");
    w.null();
    w.end_object();
    return;
  }
  w.field("biased_sentences", st.biased_sentences);
  w.key("loadedness");
  w.begin_object();
  w.field("own_voice_per_1000", r6(st.own_voice_per_1000));
  w.field("quoted_per_1000", r6(st.quoted_per_1000));
  w.field("paraphrased_per_1000", r6(st.paraphrased_per_1000));
  w.field("headline_per_1000", r6(st.headline_per_1000));
  w.field("own_voice_terms", st.own_voice_terms);
  w.field("quoted_terms", st.quoted_terms);
  w.field("quoted_direct_terms", st.quoted_direct_terms);
  w.field("quoted_partial_terms", st.quoted_partial_terms);
  w.field("scare_quote_terms", st.scare_quote_terms);
  w.field("paraphrased_terms", st.paraphrased_terms);
  w.field("headline_terms", st.headline_terms);
  w.end_object();
  w.end_object();
}

void write_quote(JsonWriter& w, const Document& d, const Quote& q) {
  w.begin_object();
  span_fields(w, d, q.span);
  w.field("kind", q.kind);
  auto speaker = [&](const QuoteSpeaker& sp) {
    w.begin_object();
    w.field("name", sp.name);
    w.field("text", d.slice(sp.span));
    w.field("start", sp.span.start);
    w.field("end", sp.span.end);
    w.key("actor");
    actor_ref(w, d, sp.actor);
    w.field("resolved", sp.resolved);
    w.end_object();
  };
  w.key("speaker");
  if (q.speaker) {
    speaker(*q.speaker);
  } else {
    w.null();
  }
  w.key("cue");
  if (q.cue) {
    w.begin_object();
    span_fields(w, d, q.cue->span);
    w.field("lemma", q.cue->lemma);
    w.field("loaded", q.cue->loaded);
    w.end_object();
  } else {
    w.null();
  }
  if (!q.fragments.empty()) {
    w.key("fragments");
    w.begin_array();
    for (const auto& f : q.fragments) span_object(w, d, f);
    w.end_array();
  }
  if (!q.co_speakers.empty()) {
    w.key("co_speakers");
    w.begin_array();
    for (const auto& sp : q.co_speakers) speaker(sp);
    w.end_array();
  }
  w.field("negated", q.negated);
  w.end_object();
}

void write_actor(JsonWriter& w, const Document& d, const Actor& a) {
  w.begin_object();
  w.field("id", a.id);
  w.field("name", a.name);
  w.field("type", a.type);
  w.field("entity", a.entity);
  w.field("entity_reason", a.entity_reason);
  w.key("aliases");
  w.begin_array();
  for (const auto& s : a.aliases) w.value(s);
  w.end_array();
  w.key("mentions");
  w.begin_array();
  for (const auto& m : a.mentions) {
    w.begin_object();
    span_fields(w, d, m.span);
    w.field("pronoun", m.pronoun);
    w.end_object();
  }
  w.end_array();
  w.field("quoted", a.quoted);
  w.key("stance");
  stance_value(w, d, a.stance);
  w.key("quoted_stance");
  stance_value(w, d, a.quoted_stance);
  w.key("quoted_by");
  w.begin_array();
  for (const QuotedSource& src : a.quoted_by) {
    w.begin_object();
    w.key("speaker");
    if (src.speaker.empty()) w.null(); else w.value(src.speaker);
    w.key("speaker_actor");
    actor_ref(w, d, src.speaker_actor);
    w.field("mentions", static_cast<int64_t>(src.mentions));
    w.field("score", r6(src.score));
    w.field("label", src.label);
    w.end_object();
  }
  w.end_array();
  w.field("role", a.role);
  w.field("role_score", r6(a.role_score));
  w.end_object();
}

}  // namespace

void append_json(std::string& out, const Document& d) {
  JsonWriter w(out);
  w.begin_object();
  w.field("schema_version", kSchemaVersion);
  w.field("id", d.meta.id);
  w.field("title", d.meta.title);
  w.field("outlet", d.meta.outlet);
  w.field("date", d.meta.date);
  w.field("url", d.meta.url);
  if (!d.meta.fields.empty()) {
    w.key("fields");
    w.begin_object();
    for (const auto& [k, v] : d.meta.fields) w.field(k, v);
    w.end_object();
  }
  w.key("stats");
  write_stats(w, compute_stats(d));

  w.key("sentences");
  w.begin_array();
  for (const auto& s : d.sentences) {
    w.begin_object();
    w.field("start", s.span.start);
    w.field("end", s.span.end);
    w.field("paragraph", s.paragraph);
    w.field("zone", zone_name(s.zone));
    w.field("zone_reason", s.zone_reason);
    if (d.terms_scored) {
      w.field("bias_score", r6(s.bias_score));
      w.field("biased", s.biased);
    } else {
      w.key("bias_score");
      w.null();
      w.key("biased");
      w.null();
    }
    w.field("text", d.slice(s.span));
    w.end_object();
  }
  w.end_array();

  w.key("loaded_terms");
  w.begin_array();
  for (const auto& t : d.loaded_terms) {
    w.begin_object();
    span_fields(w, d, t.span);
    w.field("score", r6(t.score));
    w.field("category", t.category);
    w.field("in_quote", t.in_quote);
    w.field("voice", voice_name(t.voice));
    w.field("quote_kind", quote_kind_name(t.quote_kind));
    w.field("open_vocabulary", t.open_vocabulary);
    w.field("sentence", t.sentence);
    w.end_object();
  }
  w.end_array();

  w.key("quotes");
  w.begin_array();
  for (const auto& q : d.quotes) write_quote(w, d, q);
  w.end_array();

  w.key("actors");
  w.begin_array();
  for (const auto& a : d.actors) write_actor(w, d, a);
  w.end_array();

  w.key("frames");
  w.begin_object();
  w.key("mfc");
  frames_value(w, d.frames_mfc);
  w.key("generic");
  frames_value(w, d.frames_generic);
  w.end_object();

  w.key("leaning");
  if (d.leaning.label.empty()) {
    w.null();
  } else {
    w.begin_object();
    w.field("label", d.leaning.label);
    w.field("lean", r6(d.leaning.lean));
    w.key("scores");
    w.begin_object();
    w.field("left", r6(d.leaning.left));
    w.field("center", r6(d.leaning.center));
    w.field("right", r6(d.leaning.right));
    w.end_object();
    w.end_object();
  }

  w.key("targets");
  w.begin_array();
  for (const auto& t : d.targets) {
    w.begin_object();
    span_fields(w, d, t.span);
    w.key("actor");
    actor_ref(w, d, t.actor);
    w.key("stance");
    stance_value(w, d, t.stance);
    w.end_object();
  }
  w.end_array();

  w.key("warnings");
  w.begin_array();
  for (const auto& s : d.warnings) w.value(s);
  w.end_array();
  w.end_object();
}

std::string to_json_line(const Document& doc) {
  std::string out;
  // The line is about 6 bytes per input byte (every sentence's text, offsets, findings): one
  // allocation instead of a chain of doublings and copies.
  out.reserve(4096 + doc.utf8.size() * 6);
  append_json(out, doc);
  return out;
}

nlohmann::ordered_json to_json(const Document& doc) {
  return nlohmann::ordered_json::parse(to_json_line(doc));
}

std::string error_json_line(long line, const std::string& id, const std::string& message) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("schema_version", kSchemaVersion);
  w.field("id", id);
  w.key("error");
  w.begin_object();
  w.field("line", static_cast<int64_t>(line));
  w.field("message", message);
  w.end_object();
  w.end_object();
  return out;
}

}  // namespace framelens
