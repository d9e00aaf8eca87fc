#pragma once
// Narrative role per actor (hero / villain / victim / none): a 4-class softmax LinearModel over the
// actor's pooled mention contexts (the mention part of the stance features of every mention:
// window words, polar words relative to it, quote cues; summed and scaled by 1/sqrt(mentions)) plus actor-level cues: how often and how early it is mentioned, whether it
// speaks, how often it is the sentence subject, and its aggregated stance. File:
//   "FLROLES1" v1, hash_bits, LinearModel.
// Immutable after load; callers own the RoleWorkspace, so it is thread-safe.
#include <array>
#include <string>
#include <vector>

#include "analyzer/core/error.h"
#include "analyzer/ml/linear_model.h"
#include "analyzer/stance/stance_features.h"
#include "analyzer/text/document.h"

namespace framelens {

// The model file, relative to the models folder.
constexpr const char* kRoleModelFile = "roles/roles.bin";

enum RoleClass : int { kRoleNone = 0, kRoleHero = 1, kRoleVillain = 2, kRoleVictim = 3 };
constexpr int kRoleClasses = 4;
const char* role_label(int cls);

struct RoleWorkspace {
  // pool = true (training): keep every mention feature to build the actor vector x.
  // pool = false (inference): only accumulate the K class scores, which is the same dot product
  // without storing or sorting anything. Set once by the owner; begin() keeps it.
  bool pool = false;
  std::array<double, 4> acc{};
  std::vector<uint32_t> index;  // pooled mention feature indices (with repeats)
  std::vector<float> value;
  int mentions = 0;
  int subject_mentions = 0;
  int first_sentence = -1;
  SparseVector x;
};

class RoleModel {
 public:
  RoleModel(uint32_t hash_bits, LinearModel linear);

  static Result<RoleModel> load(const std::string& path);
  Status save(const std::string& path) const;
  uint32_t dim() const { return uint32_t(1) << bits_; }
  uint32_t hash_bits() const { return bits_; }
  const LinearModel& linear() const { return linear_; }

  // Featurising (shared by training and inference).
  static void begin(RoleWorkspace& ws);
  void add_mention(const Document& doc, const MentionTokens& m, const SparseVector& mention_features,
                   RoleWorkspace& ws) const;
  // Builds ws.x for the actor from the pooled mentions and actor-level cues.
  void finish(const Document& doc, const Actor& actor, const Stance& stance, RoleWorkspace& ws) const;

  std::array<double, kRoleClasses> predict(const SparseVector& x) const;
  // The actor's class probabilities from the workspace (pooled or accumulated).
  std::array<double, kRoleClasses> predict_actor(const Document& doc, const Actor& actor, const Stance& stance,
                                                 RoleWorkspace& ws) const;
  // predict_actor(), then sets actor.role / role_score (none when no mention was featurised).
  void assign(const Document& doc, Actor& actor, RoleWorkspace& ws) const;

 private:
  // Actor-level cue features (value 1 each), shared by both paths.
  void actor_flags(const Document& doc, const Actor& actor, const Stance& stance, const RoleWorkspace& ws,
                   std::vector<uint32_t>& out) const;
  uint32_t bits_;
  LinearModel linear_;
};

}  // namespace framelens
