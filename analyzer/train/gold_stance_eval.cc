#include "analyzer/train/gold_stance_eval.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace framelens {

int attitude_index(const std::string& label) {
  if (label == "negative") return 0;
  if (label == "neutral") return 1;
  if (label == "positive") return 2;
  return -1;
}

long GoldStanceReport::total() const {
  long n = 0;
  for (const auto& row : confusion) for (long v : row) n += v;
  return n;
}

double GoldStanceReport::precision(int l) const {
  long col = 0;
  for (int g = 0; g < 3; ++g) col += confusion[g][l];
  return col ? static_cast<double>(confusion[l][l]) / col : 0.0;
}

double GoldStanceReport::recall(int l) const {
  long row = 0;
  for (int f = 0; f < 3; ++f) row += confusion[l][f];
  return row ? static_cast<double>(confusion[l][l]) / row : 0.0;
}

double GoldStanceReport::macro_f1() const {
  double sum = 0.0;
  for (int l = 0; l < 3; ++l) {
    const double p = precision(l), r = recall(l);
    sum += p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  return sum / 3.0;
}

double GoldStanceReport::neutral_flipped() const {
  const long row = confusion[1][0] + confusion[1][1] + confusion[1][2];
  return row ? static_cast<double>(confusion[1][0] + confusion[1][2]) / row : 0.0;
}

void add_gold_stance(const Document& doc, const GoldArticle& g, double threshold, GoldStanceReport& r) {
  for (const GoldAttitude& att : g.attitude) {
    const int gl = attitude_index(att.label);
    if (gl < 0) continue;
    const GoldActor* ga = nullptr;
    for (const auto& a : g.actors) if (a.name == att.actor) ga = &a;
    if (!ga) continue;
    std::set<std::string> forms;
    for (const auto& f : ga->forms) forms.insert(normalize_actor_name(f));
    forms.insert(normalize_actor_name(ga->name));
    const Actor* found = nullptr;
    for (const Actor& a : doc.actors) {
      bool hit = forms.count(normalize_actor_name(a.name)) > 0;
      for (const auto& al : a.aliases) hit = hit || forms.count(normalize_actor_name(al)) > 0;
      if (hit) { found = &a; break; }
    }
    int fl = 1;
    if (!found) {
      ++r.unmatched;
    } else if (found->stance.present) {
      fl = found->stance.score >= threshold ? 2 : found->stance.score <= -threshold ? 0 : 1;
    }
    ++r.confusion[gl][fl];
    if (r.keep_rows) {
      static const char* kNames[3] = {"negative", "neutral", "positive"};
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s %s | %s | gold %s | found %s %+.2f (conf %.2f)", g.set.c_str(), g.id.c_str(),
                    att.actor.c_str(), kNames[gl], kNames[fl], found ? found->stance.score : 0.0,
                    found ? found->stance.confidence : 0.0);
      std::string row = buf;
      int body = 0, biased = 0;
      double bias_sum = 0.0;
      for (const Sentence& s : doc.sentences) {
        if (!s.body()) continue;
        ++body;
        biased += s.biased;
        bias_sum += s.bias_score;
      }
      std::snprintf(buf, sizeof buf, " [article biased %.3f mean %.3f mentions %zu role %s %.2f quoted %+.2f]",
                    body ? double(biased) / body : 0.0, body ? bias_sum / body : 0.0,
                    found ? found->mentions.size() : size_t(0), found ? found->role.c_str() : "none",
                    found ? found->role_score : 0.0, found && found->quoted_stance.present ? found->quoted_stance.score : 0.0);
      row += buf;
      if (!found) row += " not found";
      if (!att.evidence.empty()) row += " | gold phrase: " + std::string(doc.slice(att.evidence));
      if (found) {
        for (size_t e = 0; e < found->stance.evidence.size(); ++e) {
          row += " | ";
          row += e < found->stance.evidence_why.size() ? found->stance.evidence_why[e] : std::string(doc.slice(found->stance.evidence[e]));
        }
      }
      r.rows.push_back(std::move(row));
    }
  }
}

}  // namespace framelens
