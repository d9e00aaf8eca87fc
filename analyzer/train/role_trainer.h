#pragma once
// Training and evaluation of the narrative-role model on the narrative-framing corpus: JSON Lines
// articles with "text" and "entities" [{name, role}] (role = hero / villain / victim, names are
// surface strings without offsets). Each article goes through the upstream stages (the actors stage
// finds the actors) and the stance model; an actor takes the roles of the entities whose names it
// matches (see actor_matches_entity), unmatched actors are "none" examples.
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/pipeline/stage_registry.h"
#include "analyzer/stance/role_model.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

struct RoleExample {
  SparseVector x;
  std::vector<int> gold;  // RoleClass values; {kRoleNone} for unmatched actors
  std::string doc_id, actor;
};

// True when the entity name and the actor share a content word and one side's head (last content
// word) occurs in the other: "Democratic New York Rep. Alexandria Ocasio-Cortez" ~ actor
// "Alexandria Ocasio-Cortez"; "the U.S." ~ "United States" only through aliases.
bool actor_matches_entity(const Actor& actor, const std::string& entity_name);

Result<std::vector<RoleExample>> read_role_examples(const std::string& path, const std::vector<StagePtr>& upstream,
                                                    const StanceModel& stance, uint32_t hash_bits);

struct RoleTrainOptions {
  uint32_t hash_bits = 14;
  double l2 = 3e-2;
  int max_iterations = 300;
};

Result<RoleModel> train_role_model(const std::vector<RoleExample>& examples, const RoleTrainOptions& opt);

struct RoleScores {
  double role_f1_macro = 0.0;   // hero/villain/victim macro-F1 on actors matched to an entity
  double role_accuracy = 0.0;   // prediction among the actor's gold roles, matched actors
  double detect_accuracy = 0.0; // role vs none, all actors
  size_t matched = 0, actors = 0;
};
// The predicted class of each example: argmax over all four classes for detection, argmax over
// hero/villain/victim for the role scores of matched actors.
RoleScores evaluate_roles(const RoleModel& model, const std::vector<RoleExample>& examples);

}  // namespace framelens
