#pragma once
// Actors and zones measured on the gold set of real articles (`framelens eval actors --gold`).
// A found actor matches a gold actor exactly when its name or one of its aliases is one of the gold
// actor's forms (compared by normalize_actor_name); partially when they share a name word (a
// surname: "Lieberman" for "Joe Lieberman"). Matching is one to one: a second found actor for the
// same gold actor ("Trump" beside "Donald Trump") is a duplicate and counts against precision.
#include <array>
#include <string>
#include <vector>

#include "analyzer/text/document.h"
#include "analyzer/train/gold_set.h"

namespace framelens {

struct GoldActorsReport {
  long articles = 0;
  long found = 0, exact = 0, partial = 0, duplicates = 0;  // found actors and how they matched
  long gold = 0, gold_exact = 0, gold_any = 0;             // gold actors, matched exactly / at all
  long gold_main = 0, main_any = 0;
  long type_checked = 0, type_right = 0;                   // matched pairs whose type agrees
  long zone_lines = 0, zone_right = 0;
  std::array<std::array<long, 7>, 7> zone_confusion{};     // [gold][found], by Zone value
  std::vector<std::string> false_actors;                   // "ID: name [type] (reason)"
  std::vector<std::string> missed;                         // "ID: name [type] main"
  std::vector<std::string> zone_errors;                    // "ID: gold -> found: line start"

  double precision_exact() const { return found ? static_cast<double>(exact) / found : 0.0; }
  double precision_partial() const { return found ? static_cast<double>(exact + partial) / found : 0.0; }
  double recall() const { return gold ? static_cast<double>(gold_any) / gold : 0.0; }
  double recall_exact() const { return gold ? static_cast<double>(gold_exact) / gold : 0.0; }
  double main_recall() const { return gold_main ? static_cast<double>(main_any) / gold_main : 0.0; }
  double zone_accuracy() const { return zone_lines ? static_cast<double>(zone_right) / zone_lines : 0.0; }
};

// The zone a gold line got: the zone of the sentences covering most of its code points.
Zone found_zone(const Document& doc, Span line);

void add_gold_actors(const Document& doc, const GoldArticle& gold, GoldActorsReport& report);

}  // namespace framelens
