#pragma once
// One actor across a corpus: surname -> the one full name that the corpus's articles give people
// of that surname (learned by `framelens train entities`, models/gazetteer/entities.tsv), so an
// article that says only "Trump" gets the entity "Donald Trump". Kept only where one full name
// has nearly all the articles (conservative: "Clinton" stays "Clinton").
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzer/core/error.h"

namespace framelens {

struct EntityEntry {
  std::string full;      // "Donald Trump"
  char gender = '-';
  double share = 0.0;    // share of the surname's full-name articles that name this person
  long articles = 0;     // articles naming this person in full
};

class EntityTable {
 public:
  // `surname` lower case.
  const EntityEntry* find(std::string_view surname) const;
  void add(std::string surname, EntityEntry e) { map_[std::move(surname)] = std::move(e); }
  size_t size() const { return map_.size(); }
  // TSV: surname, full name, gender, share, articles; '#' lines are comments.
  [[nodiscard]] static Result<EntityTable> load(const std::string& path);
  [[nodiscard]] Status save(const std::string& path, const std::string& header) const;

 private:
  std::unordered_map<std::string, EntityEntry> map_;
};

}  // namespace framelens
