#include "analyzer/train/gold_actors_eval.h"

#include <algorithm>
#include <set>

namespace framelens {

namespace {

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '-' || c == '.' || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Words that do not identify anyone on their own.
bool generic_word(const std::string& w) {
  static const std::set<std::string> s = {
      "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "former", "vice", "new",
      "u", "s", "us", "of", "and", "for", "the", "a", "an", "state", "states", "united", "national",
      "american", "department", "party", "house", "white", "secretary", "minister", "senator",
      "leader", "chairman", "chief", "justice", "judge", "attorney", "general", "republican",
      "democratic", "news", "jr", "sr", "de", "la", "al", "el", "van", "von", "mayor", "governor"};
  return w.size() < 3 || s.count(w) > 0;
}

struct NameSet {
  std::set<std::string> full;   // normalised names
  std::set<std::string> words;  // their identifying words
};

NameSet names_of(const std::vector<std::string>& names) {
  NameSet n;
  for (const auto& s : names) {
    std::string k = normalize_actor_name(s);
    if (k.empty()) continue;
    for (auto& w : words_of(k)) if (!generic_word(w)) n.words.insert(w);
    n.full.insert(std::move(k));
  }
  return n;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) if (b.count(x)) return true;
  return false;
}

}  // namespace

Zone found_zone(const Document& doc, Span line) {
  std::array<int32_t, 7> cover{};
  int32_t s = doc.sentence_at(line.start);
  if (s < 0) s = 0;
  for (; s < static_cast<int32_t>(doc.sentences.size()) && doc.sentences[s].span.start < line.end; ++s) {
    const Span sp = doc.sentences[s].span;
    const int32_t ov = std::min(sp.end, line.end) - std::max(sp.start, line.start);
    if (ov > 0) cover[static_cast<int>(doc.sentences[s].zone)] += ov;
  }
  int best = 0;
  for (int z = 1; z < 7; ++z) if (cover[z] > cover[best]) best = z;
  return static_cast<Zone>(best);
}

void add_gold_actors(const Document& doc, const GoldArticle& g, GoldActorsReport& r) {
  if (!g.has_layer("zones")) return;  // the attitude extension lists main actors only
  ++r.articles;
  for (const GoldZone& z : g.zones) {
    const Zone f = found_zone(doc, z.span);
    ++r.zone_lines;
    ++r.zone_confusion[static_cast<int>(z.zone)][static_cast<int>(f)];
    if (f == z.zone) {
      ++r.zone_right;
    } else {
      std::string line(doc.slice({z.span.start, std::min(z.span.end, z.span.start + 60)}));
      r.zone_errors.push_back(g.id + ": " + std::string(zone_name(z.zone)) + " -> " + std::string(zone_name(f)) + ": " + line);
    }
  }

  std::vector<NameSet> gold_names;
  for (const GoldActor& a : g.actors) {
    std::vector<std::string> v = a.forms;
    v.push_back(a.name);
    gold_names.push_back(names_of(v));
  }
  std::vector<int> claimed(g.actors.size(), 0);  // 0 none, 1 exact, 2 partial
  std::vector<int> how(doc.actors.size(), 0);    // 0 false, 1 exact, 2 partial, 3 duplicate
  std::vector<NameSet> found_names;
  for (const Actor& a : doc.actors) {
    std::vector<std::string> v = a.aliases;
    v.push_back(a.name);
    found_names.push_back(names_of(v));
  }
  auto type_check = [&](size_t fi, size_t gi) {
    ++r.type_checked;
    r.type_right += doc.actors[fi].type == g.actors[gi].type;
  };
  // Exact matches first, in text order, then partial ones for the rest.
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    bool any = false;
    for (size_t k = 0; k < g.actors.size(); ++k) {
      if (!intersects(found_names[i].full, gold_names[k].full)) continue;
      any = true;
      if (claimed[k]) continue;
      claimed[k] = 1;
      how[i] = 1;
      type_check(i, k);
      break;
    }
    if (!how[i] && any) how[i] = 3;
  }
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    if (how[i]) continue;
    bool any = false;
    for (size_t k = 0; k < g.actors.size(); ++k) {
      if (!intersects(found_names[i].words, gold_names[k].words)) continue;
      any = true;
      if (claimed[k]) continue;
      claimed[k] = 2;
      how[i] = 2;
      type_check(i, k);
      break;
    }
    if (!how[i] && any) how[i] = 3;
  }
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    ++r.found;
    if (how[i] == 1) ++r.exact;
    else if (how[i] == 2) ++r.partial;
    else {
      if (how[i] == 3) ++r.duplicates;
      r.false_actors.push_back(g.id + ": " + doc.actors[i].name + " [" + doc.actors[i].type + "]" +
                               (how[i] == 3 ? " (duplicate)" : ""));
    }
  }
  for (size_t k = 0; k < g.actors.size(); ++k) {
    ++r.gold;
    if (g.actors[k].main) ++r.gold_main;
    if (claimed[k] == 1) ++r.gold_exact;
    if (claimed[k]) {
      ++r.gold_any;
      if (g.actors[k].main) ++r.main_any;
    } else {
      r.missed.push_back(g.id + ": " + g.actors[k].name + " [" + g.actors[k].type + "]" + (g.actors[k].main ? " main" : ""));
    }
  }
}

}  // namespace framelens
