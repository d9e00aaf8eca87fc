#include "analyzer/train/role_trainer.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

#include "analyzer/stance/stance_actor.h"
#include "analyzer/text/input_record.h"
#include "analyzer/text/line_reader.h"
#include "analyzer/train/stance_trainer.h"

namespace framelens {

namespace {

std::vector<std::string> content_words(const std::string& s) {
  static const std::set<std::string> kStop = {"the", "a", "an", "of", "and", "for", "in", "on", "to", "'s", "s",
                                              "mr", "mrs", "ms", "dr", "rep", "sen", "president", "former"};
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !kStop.count(cur) && cur.size() > 1) out.push_back(cur);
    cur.clear();
  };
  for (unsigned char c : s) {
    if (std::isalnum(c) || c >= 0x80) cur.push_back(static_cast<char>(std::tolower(c)));
    else if (c == '-' && !cur.empty()) cur.push_back('-');
    else flush();
  }
  flush();
  return out;
}

int role_class(const std::string& r) {
  if (r == "hero") return kRoleHero;
  if (r == "villain") return kRoleVillain;
  if (r == "victim") return kRoleVictim;
  return kRoleNone;
}

}  // namespace

bool actor_matches_entity(const Actor& actor, const std::string& entity_name) {
  const auto ew = content_words(entity_name);
  if (ew.empty()) return false;
  std::set<std::string> es(ew.begin(), ew.end());
  std::vector<std::string> names = actor.aliases;
  names.push_back(actor.name);
  for (const auto& n : names) {
    const auto aw = content_words(n);
    if (aw.empty()) continue;
    std::set<std::string> as(aw.begin(), aw.end());
    if (es.count(aw.back()) || as.count(ew.back())) return true;
  }
  return false;
}

Result<std::vector<RoleExample>> read_role_examples(const std::string& path, const std::vector<StagePtr>& upstream,
                                                    const StanceModel& stance, uint32_t hash_bits) {
  const RoleModel featurizer(hash_bits, LinearModel());
  std::vector<RoleExample> out;
  StanceWorkspace ws;
  RoleWorkspace rws;
  rws.pool = true;
  std::vector<ScoredMention> scored;
  Status read = for_each_jsonl_line(path, [&](std::string_view line, const std::string& where) -> Status {
    try {
      const auto j = nlohmann::json::parse(line);
      DocMeta meta;
      meta.id = j.value("id", std::string());
      auto doc = make_document(j.at("text").get<std::string>(), meta, true);
      if (!doc) return input_error(where + ": " + doc.error().message);
      for (const auto& st : upstream) st->annotate(*doc);
      std::vector<std::pair<std::string, int>> entities;
      for (const auto& e : j.at("entities")) entities.push_back({e.at("name").get<std::string>(), role_class(e.at("role").get<std::string>())});
      ws.reset();
      for (Actor& actor : doc->actors) {
        const Stance st = score_actor(*doc, actor, stance, ws, scored, &featurizer, &rws).own;
        if (rws.mentions == 0) continue;
        RoleExample ex;
        featurizer.finish(*doc, actor, st, rws);
        ex.x = rws.x;
        for (const auto& [name, role] : entities)
          if (role != kRoleNone && actor_matches_entity(actor, name) &&
              std::find(ex.gold.begin(), ex.gold.end(), role) == ex.gold.end())
            ex.gold.push_back(role);
        if (ex.gold.empty()) ex.gold.push_back(kRoleNone);
        ex.doc_id = meta.id;
        ex.actor = actor.name;
        out.push_back(std::move(ex));
      }
    } catch (const std::exception& e) {
      return input_error(where + ": " + e.what());
    }
    return {};
  });
  if (!read) return read.error();
  if (out.empty()) return input_error(path + ": no actors found (is the actors stage's gazetteer in --models?)");
  return out;
}

Result<RoleModel> train_role_model(const std::vector<RoleExample>& examples, const RoleTrainOptions& opt) {
  std::vector<SparseVector> xs;
  std::vector<int> y;
  std::vector<float> w;
  for (const auto& e : examples)
    for (int g : e.gold) {
      xs.push_back(e.x);
      y.push_back(g);
      w.push_back(1.0f / static_cast<float>(e.gold.size()));
    }
  // Balance the classes by hand (sample weights also carry the multi-role split).
  std::array<double, kRoleClasses> count{};
  for (size_t i = 0; i < y.size(); ++i) count[y[i]] += w[i];
  double total = 0;
  for (double c : count) total += c;
  for (size_t i = 0; i < y.size(); ++i)
    w[i] *= static_cast<float>(total / (kRoleClasses * std::max(count[y[i]], 1.0)));
  LinearTrainOptions lo;
  lo.l2 = opt.l2;
  lo.max_iterations = opt.max_iterations;
  auto lin = LinearModel::train_softmax(xs, y, kRoleClasses, uint32_t(1) << opt.hash_bits, lo, &w);
  if (!lin) return lin.error();
  return RoleModel(opt.hash_bits, std::move(*lin));
}

RoleScores evaluate_roles(const RoleModel& model, const std::vector<RoleExample>& examples) {
  RoleScores s;
  std::vector<int> gold, pred;
  size_t detect_ok = 0, role_ok = 0;
  for (const auto& e : examples) {
    const auto p = model.predict(e.x);
    const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    const bool is_role = e.gold[0] != kRoleNone;
    detect_ok += (best != kRoleNone) == is_role;
    ++s.actors;
    if (!is_role) continue;
    ++s.matched;
    const int r = 1 + static_cast<int>(std::max_element(p.begin() + 1, p.end()) - (p.begin() + 1));
    const bool hit = std::find(e.gold.begin(), e.gold.end(), r) != e.gold.end();
    role_ok += hit;
    gold.push_back(hit ? r : e.gold[0]);
    pred.push_back(r);
  }
  s.detect_accuracy = s.actors ? double(detect_ok) / double(s.actors) : 0.0;
  s.role_accuracy = s.matched ? double(role_ok) / double(s.matched) : 0.0;
  // Macro-F1 over hero/villain/victim (classes 1..3).
  std::vector<int> g3, p3;
  for (size_t i = 0; i < gold.size(); ++i) {
    g3.push_back(gold[i] - 1);
    p3.push_back(pred[i] - 1);
  }
  s.role_f1_macro = score_classes(g3, p3, 3).f1_macro;
  return s;
}

}  // namespace framelens
