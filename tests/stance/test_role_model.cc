// Narrative roles: entity-name matching, the role model's featurising, training and file format.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "analyzer/stance/role_model.h"
#include "analyzer/train/role_trainer.h"
#include "tests/test_temp.h"

using namespace framelens;

namespace {

Actor actor_named(const std::string& name, std::vector<std::string> aliases = {}) {
  Actor a;
  a.name = name;
  a.aliases = std::move(aliases);
  a.type = "person";
  return a;
}

SparseVector one_hot(uint32_t i) {
  SparseVector v;
  v.push(i, 1.0f);
  return v;
}

}  // namespace

TEST_CASE("actor_matches_entity: annotated names to found actors", "[roles]") {
  CHECK(actor_matches_entity(actor_named("Alexandria Ocasio-Cortez"), "Democratic New York Rep. Alexandria Ocasio-Cortez's"));
  CHECK(actor_matches_entity(actor_named("Greta Thunberg"), "Thunberg"));
  CHECK(actor_matches_entity(actor_named("Exxon Mobil", {"Exxon"}), "Exxon"));
  CHECK_FALSE(actor_matches_entity(actor_named("Greta Thunberg"), "climate alarmism"));
  CHECK_FALSE(actor_matches_entity(actor_named("John Kerry"), "the U.S."));
  CHECK_FALSE(actor_matches_entity(actor_named("Joe Biden"), ""));
}

TEST_CASE("role model: trains, predicts and survives a save/load", "[roles]") {
  // Synthetic actor vectors: feature 1 marks heroes, 2 villains, 3 victims, 4 bystanders.
  std::vector<RoleExample> ex;
  for (int rep = 0; rep < 5; ++rep)
    for (int c = 0; c < kRoleClasses; ++c) {
      RoleExample e;
      e.x = one_hot(c == kRoleNone ? 4 : static_cast<uint32_t>(c));
      e.gold = {c};
      ex.push_back(e);
    }
  RoleTrainOptions opt;
  opt.hash_bits = 10;
  opt.l2 = 1e-3;
  auto m = train_role_model(ex, opt);
  REQUIRE(m.ok());
  for (int c = 1; c < kRoleClasses; ++c) {
    const auto p = m->predict(one_hot(static_cast<uint32_t>(c)));
    CHECK(std::max_element(p.begin(), p.end()) - p.begin() == c);
  }
  const auto scores = evaluate_roles(*m, ex);
  CHECK(scores.role_accuracy == Approx(1.0));
  CHECK(scores.matched == 15);

  const auto dir = framelens_test::temp_path("framelens_role_test");
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "roles.bin").string();
  REQUIRE(m->save(path).ok());
  auto back = RoleModel::load(path);
  REQUIRE(back.ok());
  CHECK(back->predict(one_hot(2))[kRoleVillain] == Approx(m->predict(one_hot(2))[kRoleVillain]));
  std::ofstream(path, std::ios::trunc) << "FLROLES1";
  CHECK_FALSE(RoleModel::load(path).ok());
  std::filesystem::remove_all(dir);
}

TEST_CASE("role assignment: an actor without featurised mentions is 'none'", "[roles]") {
  std::vector<RoleExample> ex;
  for (int c = 0; c < kRoleClasses; ++c) {
    RoleExample e;
    e.x = one_hot(static_cast<uint32_t>(c + 1));
    e.gold = {c};
    ex.push_back(e);
  }
  RoleTrainOptions opt;
  opt.hash_bits = 10;
  auto m = train_role_model(ex, opt);
  REQUIRE(m.ok());
  auto d = make_document("Nobody was named here.", DocMeta{});
  REQUIRE(d.ok());
  Actor a = actor_named("Ghost");
  a.role = "villain";
  RoleWorkspace ws;
  RoleModel::begin(ws);
  m->assign(*d, a, ws);
  CHECK(a.role == "none");
  CHECK(a.role_score == 0.0);
}

TEST_CASE("role scores: accumulated inference equals the pooled training vector", "[roles]") {
  // A role model with non-trivial weights over the stance feature space.
  std::vector<RoleExample> ex;
  for (int c = 0; c < kRoleClasses; ++c)
    for (int j = 0; j < 6; ++j) {
      RoleExample e;
      e.x.push(static_cast<uint32_t>(c * 37 + j * 101) & 1023u, 1.0f);
      e.x.push(static_cast<uint32_t>(c * 53 + 7) & 1023u, 0.5f);
      e.gold = {c};
      ex.push_back(e);
    }
  RoleTrainOptions opt;
  opt.hash_bits = 10;
  auto m = train_role_model(ex, opt);
  REQUIRE(m.ok());
  auto d = make_document("Rivals attacked Mendes. Mendes thanked the nurses and praised them.", DocMeta{});
  REQUIRE(d.ok());
  Actor a = actor_named("Mendes");
  a.stance.present = true;
  a.stance.score = -0.4;
  a.stance.label = "negative";
  RoleWorkspace pooled, acc;
  pooled.pool = true;
  RoleModel::begin(pooled);
  RoleModel::begin(acc);
  SparseVector f1, f2;
  for (uint32_t i : {3u, 40u, 77u, 3000u}) f1.push(i, 1.0f);
  for (uint32_t i : {40u, 512u, 999u}) f2.push(i, 1.0f);
  MentionTokens m1{2, 3, 0}, m2{4, 5, 1};
  for (auto* ws : {&pooled, &acc}) {
    m->add_mention(*d, m1, f1, *ws);
    m->add_mention(*d, m2, f2, *ws);
  }
  const auto p = m->predict_actor(*d, a, a.stance, pooled), q = m->predict_actor(*d, a, a.stance, acc);
  for (int k = 0; k < kRoleClasses; ++k) CHECK(p[k] == Approx(q[k]).margin(1e-6));
  CHECK(pooled.subject_mentions == 1);  // the second mention starts its sentence
}
