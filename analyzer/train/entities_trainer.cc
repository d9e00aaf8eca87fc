#include "analyzer/train/entities_trainer.h"

#include <set>

#include "analyzer/actors/entity_key.h"

namespace framelens {

void EntitiesTrainer::add(const Document& doc) {
  ++articles_;
  std::set<std::string> seen;
  for (const Actor& a : doc.actors) {
    if (a.type != "person") continue;
    const std::string full = given_and_surname(a.name);
    if (full.empty() || !seen.insert(full).second) continue;
    Full& f = by_surname_[surname_of(a.name)][full];
    ++f.articles;
    f.m += a.gender == 'm';
    f.f += a.gender == 'f';
  }
}

EntityTable EntitiesTrainer::finish() const {
  EntityTable t;
  for (const auto& [surname, fulls] : by_surname_) {
    long total = 0;
    const std::string* best = nullptr;
    const Full* bf = nullptr;
    for (const auto& [full, f] : fulls) {
      total += f.articles;
      if (!bf || f.articles > bf->articles) { best = &full; bf = &f; }
    }
    if (!bf || bf->articles < opt_.min_articles) continue;
    const double share = static_cast<double>(bf->articles) / static_cast<double>(total);
    if (share < opt_.min_share) continue;
    EntityEntry e;
    e.full = *best;
    e.gender = bf->m > 2 * bf->f ? 'm' : (bf->f > 2 * bf->m ? 'f' : '-');
    e.share = share;
    e.articles = bf->articles;
    t.add(surname, std::move(e));
  }
  return t;
}

}  // namespace framelens
