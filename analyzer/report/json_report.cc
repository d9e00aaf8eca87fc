#include "analyzer/report/json_report.h"

#include <cmath>

#include "analyzer/report/doc_stats.h"

namespace framelens {

namespace {

using json = nlohmann::ordered_json;

// Rounds scores so output is stable and compact (6 significant decimals are plenty).
double r6(double x) {
  if (!std::isfinite(x)) return 0.0;
  return std::round(x * 1e6) / 1e6;
}

json span_json(const Document& d, Span s) {
  json j;
  j["text"] = std::string(d.slice(s));
  j["start"] = s.start;
  j["end"] = s.end;
  return j;
}

json stance_json(const Document& d, const Stance& st, bool with_evidence) {
  if (!st.present) return nullptr;
  json j;
  j["score"] = r6(st.score);
  j["label"] = st.label;
  if (with_evidence) {
    json ev = json::array();
    for (const auto& e : st.evidence) ev.push_back(span_json(d, e));
    j["evidence"] = ev;
  }
  return j;
}

json frames_json(const std::vector<FrameScore>& fs) {
  json a = json::array();
  for (const auto& f : fs) a.push_back({{"label", f.label}, {"score", r6(f.score)}, {"selected", f.selected}});
  return a;
}

}  // namespace

json to_json(const Document& d) {
  const DocStats st = compute_stats(d);
  json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = d.meta.id;
  j["title"] = d.meta.title;
  j["outlet"] = d.meta.outlet;
  j["date"] = d.meta.date;
  j["url"] = d.meta.url;
  j["stats"] = {{"chars", st.chars},
                {"words", st.words},
                {"sentences", st.sentences},
                {"paragraphs", st.paragraphs},
                {"quotes", st.quotes},
                {"biased_sentences", st.biased_sentences},
                {"loadedness", {{"own_voice_per_1000", r6(st.own_voice_per_1000)},
                                {"quoted_per_1000", r6(st.quoted_per_1000)},
                                {"own_voice_terms", st.own_voice_terms},
                                {"quoted_terms", st.quoted_terms}}}};

  json sents = json::array();
  for (const auto& s : d.sentences) {
    sents.push_back({{"start", s.span.start}, {"end", s.span.end}, {"paragraph", s.paragraph},
                     {"bias_score", r6(s.bias_score)}, {"biased", s.biased}});
  }
  j["sentences"] = sents;

  json terms = json::array();
  for (const auto& t : d.loaded_terms) {
    json x = span_json(d, t.span);
    x["score"] = r6(t.score);
    x["category"] = t.category;
    x["in_quote"] = t.in_quote;
    terms.push_back(x);
  }
  j["loaded_terms"] = terms;

  json quotes = json::array();
  for (const auto& q : d.quotes) {
    json x = span_json(d, q.span);
    x["kind"] = q.kind;
    if (q.speaker) {
      json sp = {{"name", q.speaker->name}, {"text", std::string(d.slice(q.speaker->span))},
                 {"start", q.speaker->span.start}, {"end", q.speaker->span.end},
                 {"actor", q.speaker->actor >= 0 && q.speaker->actor < (int)d.actors.size()
                               ? json(d.actors[q.speaker->actor].id) : json(nullptr)},
                 {"resolved", q.speaker->resolved}};
      x["speaker"] = sp;
    } else {
      x["speaker"] = nullptr;
    }
    if (q.cue) {
      json c = span_json(d, q.cue->span);
      c["lemma"] = q.cue->lemma;
      c["loaded"] = q.cue->loaded;
      x["cue"] = c;
    } else {
      x["cue"] = nullptr;
    }
    if (!q.fragments.empty()) {
      json fr = json::array();
      for (const auto& f : q.fragments) fr.push_back(span_json(d, f));
      x["fragments"] = fr;
    }
    quotes.push_back(x);
  }
  j["quotes"] = quotes;

  json actors = json::array();
  for (const auto& a : d.actors) {
    json m = json::array();
    for (const auto& mm : a.mentions) {
      json x = span_json(d, mm.span);
      x["pronoun"] = mm.pronoun;
      m.push_back(x);
    }
    actors.push_back({{"id", a.id}, {"name", a.name}, {"type", a.type}, {"aliases", a.aliases},
                      {"mentions", m}, {"quoted", a.quoted},
                      {"stance", stance_json(d, a.stance, true)}, {"role", a.role},
                      {"role_score", r6(a.role_score)}});
  }
  j["actors"] = actors;

  j["frames"] = {{"mfc", frames_json(d.frames_mfc)}, {"generic", frames_json(d.frames_generic)}};
  if (d.leaning.label.empty()) {
    j["leaning"] = nullptr;
  } else {
    j["leaning"] = {{"label", d.leaning.label},
                    {"scores", {{"left", r6(d.leaning.left)}, {"center", r6(d.leaning.center)},
                                {"right", r6(d.leaning.right)}}}};
  }
  json targets = json::array();
  for (const auto& t : d.targets) {
    json x = span_json(d, t.span);
    x["actor"] = t.actor >= 0 && t.actor < (int)d.actors.size() ? json(d.actors[t.actor].id) : json(nullptr);
    x["stance"] = stance_json(d, t.stance, true);
    targets.push_back(x);
  }
  j["targets"] = targets;
  j["warnings"] = d.warnings;
  return j;
}

std::string to_json_line(const Document& doc) {
  return to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_json_line(long line, const std::string& id, const std::string& message) {
  json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = id;
  j["error"] = {{"line", line}, {"message", message}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace framelens
