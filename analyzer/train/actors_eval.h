#pragma once
// `framelens eval actors`: how many gold targets (NewsMTSC `target`) or attribution sources
// (PolNeAR `source`) overlap a mention of a found actor, and how many mentions/actors are found
// per text. Runs the actors stage only, so the figures do not depend on other models.
#include <cstdint>
#include <string>
#include <vector>

#include "analyzer/actors/gazetteer.h"
#include "analyzer/core/error.h"

namespace framelens {

struct ActorsEvalCounts {
  int64_t gold = 0, found = 0;  // gold spans, and those overlapping an actor mention
  double recall() const { return gold ? static_cast<double>(found) / gold : 0.0; }
};

struct ActorsEvalReport {
  std::string kind;               // newsmtsc or polnear
  int64_t texts = 0;              // distinct texts analysed (sentences or articles)
  int64_t bytes = 0;              // UTF-8 bytes of those texts
  ActorsEvalCounts names;         // gold spans that are not pronouns
  ActorsEvalCounts pronouns;      // gold spans that are pronouns (he, she, they, who, ...)
  ActorsEvalCounts names_person;  // name spans whose overlapping actor is a person
  // NewsMTSC `further_mentions` that are pronouns of a found target: how many the stage links to
  // the target's actor (found), out of those it links to any actor (gold = linked).
  ActorsEvalCounts coref;
  int64_t coref_gold = 0;         // all such pronouns, linked or not
  int64_t mentions = 0, pronoun_mentions = 0, actors = 0;
  double stage_seconds = 0.0;     // time in the actors stage only
  std::vector<std::string> misses;  // "gold text | sentence" for the first missed name spans
};

// kind: "newsmtsc", "polnear", or "" to detect from the first record.
Result<ActorsEvalReport> evaluate_actors(const std::string& jsonl_path, std::string kind, const Gazetteer& gaz,
                                         int64_t limit, int64_t max_misses = 0);

// A gold span that is a pronoun or relative pronoun rather than a name.
bool is_pronoun_text(const std::string& text);

}  // namespace framelens
