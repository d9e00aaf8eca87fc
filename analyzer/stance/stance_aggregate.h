#pragma once
// Turns mention-level stance predictions into a Stance: one mention (a requested target) keeps the
// classifier's verdict; an actor's mentions are pooled so that polar mentions dominate neutral
// ones, a single weak mention stays close to neutral, and the evidence is the words that moved the
// most confident mentions in the direction of the verdict.
#include <vector>

#include "analyzer/stance/stance_model.h"
#include "analyzer/text/document.h"

namespace framelens {

struct ScoredMention {
  MentionPrediction pred;
  Span span;              // the mention
  Span evidence;          // span of pred.evidence_token (empty when none)
  double weight = 1.0;    // pronoun / resolved mentions count less
  std::string why;        // one phrase on the evidence: "moves the mention 'Wang' (own voice)"
};

// Score = p(positive) - p(negative), label = argmax, evidence = the token that moved it most.
Stance mention_stance(const ScoredMention& m);

// Pools an actor's mentions: score = sum(w_i * c_i * s_i) / (sum(w_i * c_i) + kPrior), where
// s_i = p+ - p- and c_i = 1 - p(neutral) is how polar mention i is. The prior keeps one lukewarm
// mention near zero. Label: |score| >= kLabelThreshold gives negative/positive, else neutral.
// Evidence: up to `max_evidence` spans from the mentions agreeing with the verdict, largest
// contribution first.
struct AggregateOptions {
  double prior = 0.5;
  // |score| for a polar label. Neutral is the default: 0.4 was chosen for article-level macro-F1
  // on the gold set's tune part (`framelens eval stance --gold ... --threshold X` sweeps it; the
  // session-6 value 0.2 labelled most actors of real articles negative).
  double label_threshold = 0.4;
  size_t max_evidence = 3;
  // Weight of an own-voice mention the classifier reads as negative when the mention is the target
  // of a negative act or a critic (TieFinder::target_or_critic): "attacked X", "discriminating
  // against X", "criticism from X", "X condemned". 0.5 chosen on the gold set's tune part.
  double target_weight = 0.5;
};
Stance aggregate_stance(const std::vector<ScoredMention>& mentions, const AggregateOptions& opt = {});

}  // namespace framelens
