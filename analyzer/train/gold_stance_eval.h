#pragma once
// The author's attitude per main actor on the gold set (`framelens eval stance --gold`): each gold
// main actor with an attitude label is matched to a found actor by its forms (as in
// gold_actors_eval); the prediction is that actor's own-voice stance label (neutral when the actor
// is not found or has no stance). Labels are re-derived from the score with `threshold`, so one run
// can sweep the threshold the stage uses.
#include <array>
#include <string>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/train/gold_set.h"

namespace framelens {

struct GoldStanceReport {
  std::array<std::array<long, 3>, 3> confusion{};  // [gold][found]: negative, neutral, positive
  long unmatched = 0;                              // gold actors with no found actor
  bool keep_rows = false;                          // fill `rows` (eval stance --gold --list)
  std::vector<std::string> rows;                   // one line per gold actor: gold, found, evidence
  double macro_f1() const;
  double precision(int label) const;
  double recall(int label) const;
  // Share of gold-neutral actors labelled negative or positive.
  double neutral_flipped() const;
  long total() const;
};

// Label index of "negative" / "neutral" / "positive"; -1 otherwise.
int attitude_index(const std::string& label);

void add_gold_stance(const Document& doc, const GoldArticle& gold, double threshold, GoldStanceReport& r);

}  // namespace framelens
