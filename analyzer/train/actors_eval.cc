#include "analyzer/train/actors_eval.h"

#include <ctime>
#include <fstream>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "analyzer/actors/actor_linker.h"
#include "analyzer/actors/actor_lookup.h"

namespace framelens {

bool is_pronoun_text(const std::string& text) {
  static const std::unordered_set<std::string> p = {
      "he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "his", "hers", "its",
      "their", "theirs", "us", "me", "my", "our", "your", "who", "whom", "whose", "which", "that",
      "this", "these", "those", "himself", "herself", "themselves", "itself", "myself", "ourselves"};
  std::string s;
  for (char c : text) s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
  if (s.size() > 2 && (s.compare(s.size() - 2, 2, "'s") == 0)) s.resize(s.size() - 2);
  return p.count(s) != 0;
}

namespace {

struct GoldSpan {
  Span span;
  std::string text;
};

void score(const Document& doc, const std::vector<GoldSpan>& gold, ActorsEvalReport& r, int64_t max_misses) {
  for (const auto& g : gold) {
    const int32_t a = actor_for_span(doc, g.span);
    const bool pron = is_pronoun_text(g.text);
    ActorsEvalCounts& c = pron ? r.pronouns : r.names;
    ++c.gold;
    if (a >= 0) ++c.found;
    if (!pron && a < 0 && static_cast<int64_t>(r.misses.size()) < max_misses) {
      const int32_t si = doc.sentence_at(g.span.start);
      r.misses.push_back(g.text + " | " + (si >= 0 ? doc.norm_slice(doc.sentences[si].span) : std::string()));
    }
    if (!pron) {
      ++r.names_person.gold;
      if (a >= 0 && doc.actors[a].type == "person") ++r.names_person.found;
    }
  }
}

}  // namespace

Result<ActorsEvalReport> evaluate_actors(const std::string& path, std::string kind, const Gazetteer& gaz,
                                         int64_t limit, int64_t max_misses) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return input_error("cannot read " + path);
  ActorsEvalReport r;
  std::string line;
  int64_t line_no = 0;
  // NewsMTSC has one record per (sentence, target): analyse each sentence once.
  std::string last_text;
  Document doc;
  std::vector<GoldSpan> pending;
  auto analyse = [&](const std::string& text) -> Status {
    auto d = make_document(text, {}, true);
    if (!d) return d.error();
    doc = std::move(*d);
    // Thread CPU time: the figure stays meaningful on a loaded machine.
    timespec t0{}, t1{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    doc.actors = link_actors(doc, gaz);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    r.stage_seconds += (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9;
    ++r.texts;
    r.bytes += static_cast<int64_t>(text.size());
    r.actors += static_cast<int64_t>(doc.actors.size());
    for (const auto& a : doc.actors) {
      for (const auto& m : a.mentions) {
        ++r.mentions;
        r.pronoun_mentions += m.pronoun;
      }
    }
    return {};
  };
  auto span_of = [&](const nlohmann::json& j) -> Result<GoldSpan> {
    if (!j.is_object() || !j.contains("start") || !j.contains("end")) return input_error("span without start/end");
    GoldSpan g{{j["start"].get<int32_t>(), j["end"].get<int32_t>()}, j.value("text", std::string())};
    if (g.span.start < 0 || g.span.end > doc.size() || g.span.end < g.span.start) return input_error("span outside the text");
    return g;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    if (limit > 0 && r.texts >= limit && (kind != "newsmtsc" || line.find(last_text) == std::string::npos)) break;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    try {
      auto j = nlohmann::json::parse(line);
      if (kind.empty()) kind = j.contains("attributions") ? "polnear" : j.contains("target") ? "newsmtsc" : "";
      if (kind.empty()) return input_error(where + "cannot tell the corpus kind; pass --kind newsmtsc|polnear");
      const std::string text = j.at("text").get<std::string>();
      if (kind == "newsmtsc") {
        if (text != last_text) {
          if (Status s = analyse(text); !s) return input_error(where + s.error().message);
          last_text = text;
        }
        auto g = span_of(j.at("target"));
        if (!g) return input_error(where + g.error().message);
        score(doc, {*g}, r, max_misses);
        const int32_t target_actor = actor_for_span(doc, g->span);
        if (target_actor >= 0 && j.contains("further_mentions")) {
          for (const auto& fm : j["further_mentions"]) {
            auto f = span_of(fm);
            if (!f || !is_pronoun_text(f->text)) continue;
            ++r.coref_gold;
            const int32_t a = actor_for_span(doc, f->span);
            if (a < 0) continue;
            ++r.coref.gold;
            if (a == target_actor) {
              ++r.coref.found;
            } else if (static_cast<int64_t>(r.misses.size()) < max_misses) {
              r.misses.push_back("coref: " + f->text + " -> " + doc.actors[a].name + " (gold: " + g->text + ") | " + text);
            }
          }
        }
      } else if (kind == "polnear") {
        if (Status s = analyse(text); !s) return input_error(where + s.error().message);
        std::vector<GoldSpan> gold;
        for (const auto& a : j.at("attributions")) {
          if (!a.value("has_source", false) || a["source"].is_null()) continue;
          auto g = span_of(a["source"]);
          if (!g) return input_error(where + g.error().message);
          gold.push_back(*g);
        }
        score(doc, gold, r, max_misses);
      } else {
        return usage_error("--kind must be newsmtsc or polnear, not '" + kind + "'");
      }
    } catch (const std::exception& e) {
      return input_error(where + e.what());
    }
  }
  r.kind = kind;
  return r;
}

}  // namespace framelens
