#include "analyzer/actors/entity_table.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace framelens {

const EntityEntry* EntityTable::find(std::string_view surname) const {
  auto it = map_.find(std::string(surname));
  return it == map_.end() ? nullptr : &it->second;
}

Result<EntityTable> EntityTable::load(const std::string& path) {
  std::ifstream f(path);
  if (!f) return model_error(path + ": cannot open");
  EntityTable t;
  std::string line;
  long no = 0;
  while (std::getline(f, line)) {
    ++no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() != 5 || cols[0].empty() || cols[1].empty()) {
      return model_error(path + ":" + std::to_string(no) + ": expected 5 TAB-separated columns");
    }
    EntityEntry e;
    e.full = cols[1];
    e.gender = cols[2].empty() ? '-' : cols[2][0];
    char* endp = nullptr;
    e.share = std::strtod(cols[3].c_str(), &endp);
    if (endp == cols[3].c_str()) return model_error(path + ":" + std::to_string(no) + ": share is not a number");
    e.articles = std::strtol(cols[4].c_str(), &endp, 10);
    t.add(cols[0], std::move(e));
  }
  return t;
}

Status EntityTable::save(const std::string& path, const std::string& header) const {
  std::vector<std::pair<std::string, const EntityEntry*>> rows;
  for (const auto& [k, v] : map_) rows.emplace_back(k, &v);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::ofstream f(path);
  if (!f) return model_error(path + ": cannot write");
  f << header;
  for (const auto& [k, e] : rows) {
    char share[32];
    std::snprintf(share, sizeof share, "%.3f", e->share);
    f << k << '\t' << e->full << '\t' << e->gender << '\t' << share << '\t' << e->articles << '\n';
  }
  if (!f) return model_error(path + ": write failed");
  return {};
}

}  // namespace framelens
