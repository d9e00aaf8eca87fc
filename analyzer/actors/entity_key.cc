#include "analyzer/actors/entity_key.h"

#include <cctype>
#include <vector>

namespace framelens {

namespace {

std::vector<std::string> name_words(const std::string& name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    std::string low;
    for (char c : cur) low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    const bool initial = cur.size() == 1 || (cur.size() == 2 && cur[1] == '.');
    const bool suffix = low == "jr" || low == "jr." || low == "sr" || low == "sr." || low == "ii" || low == "iii" || low == "iv";
    if (!initial && !suffix) out.push_back(cur);
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == ',') flush();
    else cur.push_back(c);
  }
  flush();
  return out;
}

std::string lower(const std::string& s) {
  std::string o;
  for (char c : s) o.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return o;
}

}  // namespace

std::string given_and_surname(const std::string& name) {
  const auto w = name_words(name);
  if (w.size() < 2) return "";
  // "George Bush-era": a modifier, not a name.
  if (auto h = w.back().find('-'); h != std::string::npos && h + 1 < w.back().size() &&
      std::islower(static_cast<unsigned char>(w.back()[h + 1]))) {
    return "";
  }
  return w.front() + " " + w.back();
}

std::string surname_of(const std::string& name) {
  const auto w = name_words(name);
  return w.empty() ? "" : lower(w.back());
}

void assign_entity(Actor& a, const EntityTable* table) {
  if (a.type != "person") {
    a.entity = a.name;
    a.entity_reason = "canonical name";
    return;
  }
  if (std::string full = given_and_surname(a.name); !full.empty()) {
    a.entity = full;
    a.entity_reason = full == a.name ? "full name" : "full name (middle names, initials dropped)";
    return;
  }
  if (table) {
    if (const EntityEntry* e = table->find(surname_of(a.name))) {
      if (a.gender == '-' || e->gender == '-' || a.gender == e->gender) {
        a.entity = e->full;
        a.entity_reason = "surname: the corpus's one full name for it (train entities)";
        return;
      }
    }
  }
  a.entity = a.name;
  a.entity_reason = "surname only";
}

}  // namespace framelens
