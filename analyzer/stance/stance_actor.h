#pragma once
// Scores every mention of one actor with the stance model and pools them into Actor::stance;
// optionally feeds the same mention features to the role model's workspace. Shared by the stage
// and by `framelens train roles`, so training sees exactly what inference computes.
#include <vector>

#include "analyzer/stance/evaluative_ties.h"
#include "analyzer/stance/role_model.h"
#include "analyzer/stance/stance_aggregate.h"
#include "analyzer/stance/stance_model.h"

namespace framelens {

// The actor's two stances: `own` from its body mentions outside quoted and reported speech (the
// outlet's voice), `quoted` from its mentions inside quotes (what the sources say about it).
// Both pool the mention classifier; in `own` a negative-leaning mention that is a target or a
// critic counts at AggregateOptions::target_weight, and the evidence is first the evaluative words
// grammatically tied to the actor's mentions (evaluative_ties.h). Roles read own-voice mentions only.
struct ActorStances {
  Stance own, quoted;
  std::vector<QuotedSource> quoted_by;  // `quoted` per speaker
  std::vector<EvaluativeTie> ties;  // own voice, one per word
};

// The document's quote contents (direct, mixed, indirect; the pieces of split quotes), built once
// per document: whether a mention lies inside one is a binary search (linear cost in long texts).
class QuoteContents {
 public:
  explicit QuoteContents(const Document& doc);
  bool contains(Span mention) const;
  // The quote (index into Document::quotes) whose content holds the mention, the one starting
  // latest when several do; -1 when none.
  int32_t quote_of(Span mention) const;

 private:
  std::vector<int32_t> start_;    // content starts, sorted
  std::vector<int32_t> end_;      // their ends
  std::vector<int32_t> quote_;    // their quotes
  std::vector<int32_t> max_end_;  // furthest end among the contents up to this one
};

ActorStances score_actor(const Document& doc, const Actor& actor, const StanceModel& stance, StanceWorkspace& ws,
                         std::vector<ScoredMention>& scored, const RoleModel* roles = nullptr,
                         RoleWorkspace* rws = nullptr, const QuoteContents* contents = nullptr,
                         const AggregateOptions& opt = {}, const TieFinder* ties = nullptr);

}  // namespace framelens
