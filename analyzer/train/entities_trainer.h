#pragma once
// `framelens train entities`: which full name each surname stands for across a corpus. Counts, per
// article, the persons the actors stage names in full (given name + surname); a surname is kept
// when one full name has at least `min_share` of its articles and at least `min_articles`
// articles ("Trump" -> "Donald Trump"; "Clinton", split between Hillary and Bill, is not kept).
#include <map>
#include <string>

#include "analyzer/actors/entity_table.h"
#include "analyzer/text/document.h"

namespace framelens {

struct EntitiesTrainerOptions {
  double min_share = 0.9;
  long min_articles = 10;
};

class EntitiesTrainer {
 public:
  explicit EntitiesTrainer(EntitiesTrainerOptions opt = {}) : opt_(opt) {}
  void add(const Document& doc);  // reads doc.actors
  EntityTable finish() const;
  long articles() const { return articles_; }

 private:
  struct Full {
    long articles = 0;
    long m = 0, f = 0;
  };
  EntitiesTrainerOptions opt_;
  std::map<std::string, std::map<std::string, Full>> by_surname_;
  long articles_ = 0;
};

}  // namespace framelens
